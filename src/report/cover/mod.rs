//! "Tổng hợp", the report's first page: an official document in the form of
//! Decree 30/2020/NĐ-CP (Appendix I) — the issuing body and national heading,
//! number, place and date, "BÁO CÁO" and its subject, the basis, one
//! sentence per target in its status colour, the figures, a chart with the
//! thresholds drawn, the signature block and "Nơi nhận". Portrait A4 with the
//! decree's margins; the first page carries no page number.

mod chart;
mod signature;
mod style;
mod table;

use std::collections::HashMap;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{Future, ReportInput};
use crate::compliance::Group;
use crate::labels::{self, Forecast};
use crate::output;
use crate::policy::{Document, Scope, Target};
use chart::{CHART_ROWS, chart};
use signature::signature;
use style::{Columns, Cover};
use table::table;

/// "Tổng hợp": the first page.
pub(super) fn summary(wb: &mut Workbook, input: &ReportInput<'_>) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let d = labels::doc(input.lang);
    let f = Cover::new(input.lang);
    let cols = Columns::new(input.future.is_some());
    let last = cols.last();
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_summary)?;
    for (c, w) in cols.widths.iter().enumerate() {
        ws.set_column_width(output::col(c), *w)?;
    }
    let mut r = document_heading(ws, &f, &cols, input)?;
    let basis = &input.policy.legal_basis;
    let basis_text = format!(
        "{}: {} ({}, {}).",
        d.basis,
        basis.document,
        basis.issuer,
        basis.date.format("%d/%m/%Y")
    );
    r = paragraph(ws, r, &cols, &basis_text, &f.text, 0.0)?;
    r += 1;
    ws.merge_range(r, 0, r, last, d.findings, &f.section)?;
    cols.height(ws, r, 20.0)?;
    r += 1;
    let forecasts = input.future.as_ref().map(|fut| forecasts(input, fut));
    for (i, res) in input.results.iter().enumerate() {
        let forecast = forecasts.as_ref().map(|v| v[i]);
        let (before, status, after) = labels::headline(input.lang, &headline(input, res, forecast));
        let fmt = Cover::of(&f.sentence, res.headline.met);
        let sentence = format!("{before}{status}{after}");
        // The status word is bold: its line as much narrower as bold is wider.
        let bold = output::text_width(status, true) - output::text_width(status, false);
        let narrower = output::units_of(bold, 13.0);
        r = paragraph(ws, r, &cols, &sentence, fmt, narrower)?;
        // The status word in bold (the text's fonts; the cell keeps its fill).
        let parts = [
            (&f.plain, before.as_str()),
            (&f.strong, status),
            (&f.plain, after.as_str()),
        ];
        ws.write_rich_string_with_format(r - 1, 0, &parts, fmt)?;
    }
    r += 1;
    ws.merge_range(r, 0, r, last, d.table, &f.section)?;
    cols.height(ws, r, 20.0)?;
    r += 1;
    let (first_row, after) = table(ws, &f, &cols, input, forecasts.as_deref(), r)?;
    r = after + 1;
    // The chart and the signature on the next page when they would not fit
    // below the table (A4 less the decree's margins: 257 mm).
    const PAGE_POINTS: f64 = 257.0 / 25.4 * 72.0;
    if cols.sum(0, r) + f64::from(CHART_ROWS) * 15.0 > PAGE_POINTS {
        ws.set_page_breaks(&[r])?;
    }
    r = chart(ws, &cols, input, first_row, r)?;
    let end = signature(ws, &f, &cols, input.lang, &input.policy.document, r + 1)?;
    ws.set_print_area(0, 0, end, last)?;
    // The first page carries no page number (Decree 30/2020), later pages
    // do: the header is marked "different first page" when the workbook is
    // saved (output::save_document_workbook).
    output::page_setup(ws, false, None)
}

/// The heading block: issuing body and national heading, number and place,
/// kind and subject, the policy and the as-of date. Returns the next row.
fn document_heading(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    input: &ReportInput<'_>,
) -> Result<u32, XlsxError> {
    let l = labels::get(input.lang);
    let d = labels::doc(input.lang);
    let doc = &input.policy.document;
    let (left_end, right, last) = (cols.right - 1, cols.right, cols.last());
    let body = Document::given(input.policy.issuing_body.as_ref()).unwrap_or(labels::BLANK);
    let mut left: Vec<(&str, &Format)> = Vec::new();
    if let Some(parent) = Document::given(doc.parent_body.as_ref()) {
        left.push((parent, &f.parent_body));
    }
    left.push((body, &f.body));
    let number = labels::number_line(
        input.lang,
        Document::given(doc.number.as_ref()),
        Document::given(doc.symbol.as_ref()),
    );
    let place_date =
        labels::place_date_line(input.lang, Document::given(doc.place.as_ref()), doc.date);
    for (r, (text, fmt)) in left.iter().enumerate() {
        let r = output::row(r);
        ws.merge_range(r, 0, r, left_end, text, fmt)?;
    }
    ws.merge_range(0, right, 0, last, l.republic, &f.republic)?;
    ws.merge_range(1, right, 1, last, l.motto, &f.motto)?;
    for r in 0..2 {
        cols.height(ws, r, 19.0)?;
    }
    ws.merge_range(3, 0, 3, left_end, &number, &f.number)?;
    ws.merge_range(3, right, 3, last, &place_date, &f.place_date)?;
    cols.height(ws, 3, 19.0)?;
    ws.merge_range(5, 0, 5, last, d.kind, &f.kind)?;
    cols.height(ws, 5, 20.0)?;
    let width = cols.span(0, last);
    let name = super::policy_name(input);
    let date = input.as_of.format("%d/%m/%Y").to_string();
    let as_of = l.as_of_line.replace("{date}", &date);
    let mut r = 6;
    for (text, fmt, ty) in [
        (d.subject, &f.subject, output::Type::bold(13.0)),
        (name, &f.italic, 13.0.into()),
        (as_of.as_str(), &f.italic, 13.0.into()),
    ] {
        ws.merge_range(r, 0, r, last, &output::fit_cell(text), fmt)?;
        cols.height(ws, r, output::wrapped_height(text, width, ty))?;
        r += 1;
    }
    Ok(r + 1)
}

/// A paragraph of 13-point text across the page, `narrower` units less
/// wide than the page for the words set in bold; returns the next row.
fn paragraph(
    ws: &mut Worksheet,
    r: u32,
    cols: &Columns,
    text: &str,
    fmt: &Format,
    narrower: f64,
) -> Result<u32, XlsxError> {
    let last = cols.last();
    ws.merge_range(r, 0, r, last, &output::fit_cell(text), fmt)?;
    let width = cols.span(0, last) - narrower;
    cols.height(ws, r, output::wrapped_height(text, width, 13.0))?;
    Ok(r + 1)
}

/// Where each target (in result order) stands by its deadline.
fn forecasts(input: &ReportInput<'_>, fut: &Future<'_>) -> Vec<Forecast> {
    let outcomes: HashMap<(usize, Group), &crate::plan::Outcome> = fut
        .plan
        .outcomes
        .iter()
        .map(|o| ((o.target, o.group), o))
        .collect();
    input
        .results
        .iter()
        .map(|res| {
            let t = &input.policy.targets[res.target];
            let Some(p) = fut.projection.iter().find(|p| p.target == res.target) else {
                return Forecast::NotProjected;
            };
            if !p.projected {
                return Forecast::NotProjected;
            }
            let in_scope = p.rows.iter().filter(|row| {
                matches!(
                    (t.scope, row.group),
                    (Scope::Unit, Group::Unit(_))
                        | (Scope::Parent, Group::Parent(_))
                        | (Scope::All, Group::All)
                )
            });
            let (mut applicable, mut trainees, mut missing) = (false, 0, 0);
            for row in in_scope {
                let at = row.points.last().copied().unwrap_or_default();
                match at.decide(t).met {
                    None => {}
                    Some(true) => applicable = true,
                    Some(false) => {
                        applicable = true;
                        match outcomes.get(&(res.target, row.group)) {
                            Some(o) if o.met_with_plan => trainees += o.planned,
                            _ => missing += 1,
                        }
                    }
                }
            }
            match (applicable, missing, trainees) {
                (false, _, _) => Forecast::NotApplicable,
                (true, 0, 0) => Forecast::MetAnyway,
                (true, 0, n) => Forecast::MetWithPlan(n),
                (true, m, _) => Forecast::NotMet(m),
            }
        })
        .collect()
}

/// The headline sentence of one target, its forecast included.
fn headline<'a>(
    input: &'a ReportInput<'_>,
    res: &'a crate::compliance::TargetResult,
    forecast: Option<Forecast>,
) -> labels::Headline<'a> {
    let t: &Target = &input.policy.targets[res.target];
    let label = super::target_label(input.lang, t);
    labels::Headline {
        id: &t.id,
        label,
        met: res.headline.met,
        qualified: res.all.qualified,
        population: res.all.population,
        unknown: res.all.unknown,
        share: res.all.share(),
        required: labels::threshold(input.lang, t.comparator, t.threshold),
        deadline: t.deadline,
        shortfall: res.headline.shortfall,
        over_agencies: t.measure.over_agencies(),
        units: (t.scope != Scope::All)
            .then_some((res.headline.units_met, res.headline.units_applicable)),
        forecast,
    }
}
