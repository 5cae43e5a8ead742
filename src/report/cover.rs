//! "Tổng hợp", the report's first page: an official document in the form of
//! Decree 30/2020/NĐ-CP (Appendix I) — the issuing body and national heading,
//! number, place and date, "BÁO CÁO" and its subject, the basis, one
//! sentence per target in its status colour, the figures, a chart with the
//! thresholds drawn, the signature block and "Nơi nhận". Portrait A4 with the
//! decree's margins; the first page carries no page number.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartDataLabelPosition, ChartFont, ChartFormat, ChartLine, ChartMarker,
    ChartMarkerType, ChartSolidFill, ChartType, Color, Format, FormatAlign, FormatBorder,
    FormatUnderline, Workbook, Worksheet, XlsxError,
};

use super::{Future, ReportInput};
use crate::compliance::Group;
use crate::labels::{self, Forecast, Lang};
use crate::output;
use crate::policy::{Document, Scope, Target};

const FONT: &str = "Times New Roman";
const GREEN: u32 = 0x00C6_EFCE;
const RED: u32 = 0x00FF_C7CE;
const GREY: u32 = 0x00E7_E6E6;

/// The cover's formats (sizes per the decree: 12–14 pt).
struct Cover {
    parent_body: Format,
    body: Format,
    republic: Format,
    motto: Format,
    number: Format,
    place_date: Format,
    kind: Format,
    subject: Format,
    italic: Format,
    text: Format,
    section: Format,
    sentence: [Format; 3],
    /// The fonts of a sentence's words (the cell gives fill and wrap).
    plain: Format,
    strong: Format,
    head: Format,
    cell: Format,
    right: Format,
    int: Format,
    pct: Format,
    status: [Format; 3],
    recipients_head: Format,
    recipients: Format,
    sign: Format,
}

impl Cover {
    fn new(lang: labels::Lang) -> Self {
        let base = |size: f64| {
            Format::new()
                .set_font_name(FONT)
                .set_font_size(size)
                .set_align(FormatAlign::Top)
        };
        let center = |size: f64| base(size).set_align(FormatAlign::Center).set_text_wrap();
        let cell = base(11.0).set_border(FormatBorder::Thin).set_text_wrap();
        let fills = [GREEN, RED, GREY];
        Self {
            parent_body: center(12.0),
            body: center(12.0)
                .set_bold()
                .set_underline(FormatUnderline::Single),
            republic: center(12.0).set_bold(),
            motto: center(13.0)
                .set_bold()
                .set_underline(FormatUnderline::Single),
            number: center(13.0),
            place_date: center(13.0).set_italic(),
            kind: center(14.0).set_bold(),
            subject: center(13.0).set_bold(),
            italic: center(13.0).set_italic(),
            text: base(13.0).set_text_wrap().set_align(FormatAlign::Justify),
            section: base(13.0).set_bold(),
            plain: Format::new().set_font_name(FONT).set_font_size(13),
            strong: Format::new()
                .set_font_name(FONT)
                .set_font_size(13)
                .set_bold(),
            sentence: fills.map(|c| {
                base(13.0)
                    .set_text_wrap()
                    .set_background_color(Color::RGB(c))
            }),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            right: cell.clone().set_align(FormatAlign::Right),
            int: cell.clone().set_num_format("#,##0"),
            pct: cell.clone().set_num_format(super::pct_format(lang)),
            status: fills.map(|c| {
                cell.clone()
                    .set_bold()
                    .set_align(FormatAlign::Center)
                    .set_background_color(Color::RGB(c))
            }),
            cell,
            recipients_head: base(12.0).set_bold().set_italic(),
            recipients: base(11.0),
            sign: center(13.0).set_bold(),
        }
    }

    /// The format of a status: met, not met, not applicable.
    fn of(formats: &[Format; 3], met: Option<bool>) -> &Format {
        match met {
            Some(true) => &formats[0],
            Some(false) => &formats[1],
            None => &formats[2],
        }
    }
}

/// The cover's columns: widths, and where the heading's halves meet.
struct Columns {
    widths: Vec<f64>,
    /// First column of the right half (national heading, signature).
    right: u16,
    /// Row heights set so far (points), to place the page break.
    heights: RefCell<BTreeMap<u32, f64>>,
}

impl Columns {
    fn new(with_plan: bool) -> Self {
        // About 84 units fit between the decree's margins on portrait A4.
        let widths = if with_plan {
            vec![4.0, 21.0, 12.0, 11.0, 8.0, 9.0, 7.0, 7.0, 10.0]
        } else {
            vec![4.0, 28.0, 13.0, 11.0, 8.0, 9.0, 8.0, 8.0]
        };
        Self {
            widths,
            right: 3,
            heights: RefCell::default(),
        }
    }

    /// Sets a row's height, and remembers it.
    fn height(&self, ws: &mut Worksheet, r: u32, h: f64) -> Result<(), XlsxError> {
        self.heights.borrow_mut().insert(r, h);
        ws.set_row_height(r, h)?;
        Ok(())
    }

    /// The height of rows `from..to` (unset rows at the default 15 points).
    fn sum(&self, from: u32, to: u32) -> f64 {
        let h = self.heights.borrow();
        (from..to).map(|r| h.get(&r).copied().unwrap_or(15.0)).sum()
    }

    fn last(&self) -> u16 {
        output::col(self.widths.len() - 1)
    }

    fn span(&self, from: u16, to: u16) -> f64 {
        self.widths[usize::from(from)..=usize::from(to)]
            .iter()
            .sum()
    }
}

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
    r = paragraph(ws, r, &cols, &basis_text, &f.text, 13.0)?;
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
        r = paragraph(ws, r, &cols, &sentence, fmt, 13.0)?;
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
    for (text, fmt) in [
        (d.subject, &f.subject),
        (name, &f.italic),
        (as_of.as_str(), &f.italic),
    ] {
        ws.merge_range(r, 0, r, last, &output::fit_cell(text), fmt)?;
        cols.height(ws, r, output::wrapped_height(text, width, 13.0))?;
        r += 1;
    }
    Ok(r + 1)
}

/// A paragraph across the page; returns the next row.
fn paragraph(
    ws: &mut Worksheet,
    r: u32,
    cols: &Columns,
    text: &str,
    fmt: &Format,
    size: f64,
) -> Result<u32, XlsxError> {
    let last = cols.last();
    ws.merge_range(r, 0, r, last, &output::fit_cell(text), fmt)?;
    cols.height(
        ws,
        r,
        output::wrapped_height(text, cols.span(0, last), size),
    )?;
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

/// The figures, a row per target. Returns (first data row, next row).
fn table(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    input: &ReportInput<'_>,
    forecasts: Option<&[Forecast]>,
    top: u32,
) -> Result<(u32, u32), XlsxError> {
    let l = labels::get(input.lang);
    let d = labels::doc(input.lang);
    let mut headers = vec![
        l.col_no,
        d.col_target,
        d.col_required,
        d.col_counted,
        l.col_share,
        l.col_status,
        d.col_shortfall,
        d.col_units_met,
    ];
    if forecasts.is_some() {
        headers.push(d.col_forecast);
    }
    let mut height: f64 = 15.0;
    for (c, h) in headers.iter().enumerate() {
        output::text_with_format(ws, top, output::col(c), *h, &f.head)?;
        height = height.max(output::wrapped_height(h, cols.widths[c], 12.0));
    }
    cols.height(ws, top, height)?;
    let mut r = top + 1;
    for (i, res) in input.results.iter().enumerate() {
        let t = &input.policy.targets[res.target];
        let a = &res.all;
        let label = super::target_label(input.lang, t);
        let target = format!("{}. {label}", t.id);
        let required = format!(
            "{}, {}",
            labels::threshold(input.lang, t.comparator, t.threshold),
            t.deadline.format("%d/%m/%Y")
        );
        let who = match (input.lang, t.measure.over_agencies()) {
            (Lang::Vi, false) => "người",
            (Lang::Vi, true) => "cơ quan",
            (Lang::En, false) => "people",
            (Lang::En, true) => "agencies",
        };
        let counted = format!("{}/{} {who}", a.qualified, a.population);
        let units = format!(
            "{}/{}",
            res.headline.units_met, res.headline.units_applicable
        );
        ws.write_number_with_format(r, 0, f64::from(output::row(i + 1)), &f.int)?;
        output::text_with_format(ws, r, 1, &target, &f.cell)?;
        output::text_with_format(ws, r, 2, &required, &f.cell)?;
        output::text_with_format(ws, r, 3, &counted, &f.right)?;
        match a.share() {
            Some(s) => ws.write_number_with_format(r, 4, s, &f.pct)?,
            None => ws.write_blank(r, 4, &f.pct)?,
        };
        let met = res.headline.met;
        output::text_with_format(
            ws,
            r,
            5,
            labels::status(input.lang, met),
            Cover::of(&f.status, met),
        )?;
        #[allow(clippy::cast_precision_loss)]
        ws.write_number_with_format(r, 6, res.headline.shortfall as f64, &f.int)?;
        output::text_with_format(ws, r, 7, &units, &f.right)?;
        if let Some(fc) = forecasts.map(|v| v[i]) {
            let text = match fc {
                Forecast::NotProjected => d.not_projected,
                other => labels::status(input.lang, other.met()),
            };
            output::text_with_format(ws, r, 8, text, Cover::of(&f.status, fc.met()))?;
        }
        let h = [(&target, 1usize), (&required, 2), (&counted, 3)]
            .iter()
            .map(|(text, c)| output::wrapped_height(text, cols.widths[*c], 11.0))
            .fold(15.0, f64::max);
        cols.height(ws, r, h)?;
        r += 1;
    }
    Ok((top + 1, r))
}

/// Rows the chart covers (about 300 px at 20 px a row).
const CHART_ROWS: u32 = 16;

/// Share against threshold per target, value labels on, the threshold drawn
/// as a line; inside the print area. Its figures sit to the right of the
/// printed page ("Dữ liệu biểu đồ"), where the chart reads them. Returns the
/// next row.
fn chart(
    ws: &mut Worksheet,
    cols: &Columns,
    input: &ReportInput<'_>,
    first: u32,
    r: u32,
) -> Result<u32, XlsxError> {
    let l = labels::get(input.lang);
    let n = output::row(input.results.len());
    if n == 0 {
        return Ok(r);
    }
    let data = cols.last() + 2;
    let head = Format::new().set_font_name(FONT).set_bold();
    let pct = Format::new()
        .set_font_name(FONT)
        .set_num_format(super::pct_format(input.lang));
    output::text_with_format(
        ws,
        first - 1,
        data,
        labels::doc(input.lang).chart_data,
        &head,
    )?;
    output::text_with_format(ws, first - 1, data + 1, l.col_share, &head)?;
    output::text_with_format(ws, first - 1, data + 2, l.col_threshold, &head)?;
    for (i, res) in input.results.iter().enumerate() {
        let t = &input.policy.targets[res.target];
        let row = first + output::row(i);
        output::text(ws, row, data, &t.id)?;
        ws.write_number_with_format(row, data + 1, res.all.share().unwrap_or(0.0), &pct)?;
        ws.write_number_with_format(row, data + 2, t.threshold.fraction(), &pct)?;
    }
    let sheet = l.sheet_summary;
    let last_row = first + n - 1;
    let font = |size: f64, bold: bool| {
        let mut f = ChartFont::new();
        f.set_name(FONT).set_size(size);
        if bold {
            f.set_bold();
        }
        f
    };
    let mut bars = Chart::new(ChartType::Column);
    bars.title()
        .set_name(l.chart_share_title)
        .set_font(&font(13.0, true));
    // Value labels in the middle of the bars, clear of the threshold marks.
    bars.add_series()
        .set_name(l.col_share)
        .set_categories((sheet, first, data, last_row, data))
        .set_values((sheet, first, data + 1, last_row, data + 1))
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_position(ChartDataLabelPosition::Center)
                .set_font(font(11.0, true).set_color(Color::White)),
        );
    // Each target's threshold as a bar across its column, not a line
    // joining targets that have nothing in common.
    let mut line = Chart::new(ChartType::Line);
    line.add_series()
        .set_name(l.col_threshold)
        .set_categories((sheet, first, data, last_row, data))
        .set_values((sheet, first, data + 2, last_row, data + 2))
        .set_format(ChartFormat::new().set_no_line())
        .set_marker(
            ChartMarker::new()
                .set_type(ChartMarkerType::LongDash)
                .set_size(20)
                .set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0x00C0_0000)))
                        .set_border(ChartLine::new().set_color(Color::RGB(0x00C0_0000))),
                ),
        );
    bars.combine(&line);
    bars.y_axis()
        .set_num_format("0%")
        .set_min(0)
        .set_max(1)
        .set_font(&font(10.0, false));
    bars.x_axis().set_font(&font(11.0, false));
    bars.legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom)
        .set_font(&font(11.0, false));
    // The printed width: the columns' pixels (7 per unit and 5 of padding).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = cols
        .widths
        .iter()
        .map(|w| (w * 7.0 + 5.0) as u32)
        .sum::<u32>();
    bars.set_width(px).set_height(CHART_ROWS * 20 - 10);
    ws.insert_chart(r, 0, &bars)?;
    Ok(r + CHART_ROWS)
}

/// "Nơi nhận" on the left, the signature on the right. Returns the last row.
fn signature(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    lang: Lang,
    doc: &Document,
    top: u32,
) -> Result<u32, XlsxError> {
    let (left_end, right, last) = (cols.right - 1, cols.right, cols.last());
    let mut left: Vec<String> = Vec::new();
    let given: Vec<&str> = doc
        .recipients
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let n = given.len();
    for (i, rcp) in given.iter().enumerate() {
        let end = if i + 1 == n { "." } else { ";" };
        left.push(format!("- {}{end}", rcp.trim_end_matches(['.', ';'])));
    }
    if left.is_empty() {
        left = vec![format!("- {};", labels::BLANK.repeat(4)); 3];
    }
    let mut right_lines: Vec<(String, &Format)> = Vec::new();
    for v in [&doc.authority, &doc.signer_title] {
        if let Some(s) = Document::given(v.as_ref()) {
            right_lines.push((s.to_uppercase(), &f.sign));
        }
    }
    if right_lines.is_empty() {
        right_lines.push((labels::BLANK.repeat(6), &f.sign));
    }
    // Room to sign and stamp.
    let signer_row = top + output::row(right_lines.len()) + 4;
    let mut r = top;
    ws.merge_range(
        r,
        0,
        r,
        left_end,
        labels::doc(lang).recipients,
        &f.recipients_head,
    )?;
    for (k, (text, fmt)) in right_lines.iter().enumerate() {
        ws.merge_range(
            top + output::row(k),
            right,
            top + output::row(k),
            last,
            text,
            fmt,
        )?;
    }
    for line in &left {
        r += 1;
        ws.merge_range(r, 0, r, left_end, line, &f.recipients)?;
    }
    let signer = Document::given(doc.signer.as_ref())
        .map_or_else(|| labels::BLANK.repeat(6), str::to_string);
    ws.merge_range(signer_row, right, signer_row, last, &signer, &f.sign)?;
    Ok(signer_row.max(r))
}
