//! One function per sheet, over typed rows.

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatText, ConditionalFormatTextRule, Format, Workbook,
    Worksheet, XlsxError,
};

use super::{Formats, HEADER_ROW, ReportInput, print_pages, table_top, table_top_rows};
use crate::compliance::{ComplianceRow, Group};
use crate::labels;
use crate::output::{self, Heights};
use crate::policy::Target;

pub(super) fn row_u32(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

#[allow(clippy::cast_precision_loss)]
pub(super) fn num(n: u64) -> f64 {
    n as f64
}

/// Share, or an empty bordered cell when not applicable.
pub(super) fn write_share(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    share: Option<f64>,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match share {
        Some(s) => ws.write_number_with_format(r, c, s, fmt).map(|_| ()),
        None => ws.write_blank(r, c, fmt).map(|_| ()),
    }
}

fn group_name(input: &ReportInput<'_>, g: Group) -> (String, String, usize) {
    let h = input.hierarchy;
    match g {
        Group::Unit(n) | Group::Parent(n) => {
            let node = &h.nodes[n];
            (
                node.code.clone().unwrap_or_default(),
                node.name.clone(),
                h.depth(n),
            )
        }
        Group::All => (
            String::new(),
            labels::get(input.lang).whole_roster.to_string(),
            0,
        ),
    }
}

/// "Theo đơn vị": a row per unit × target in hierarchy order, parents as subtotals.
pub(super) fn by_unit(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_units)?;
    let headers = [
        l.col_target_id,
        l.col_unit_code,
        l.col_unit,
        l.col_population,
        l.col_qualified,
        l.col_unknown,
        l.col_share,
        l.col_threshold,
        l.col_status,
        l.col_shortfall,
    ];
    // Pages laid out here (output::set_page_breaks): a parent's row prints
    // with its first unit, a target's last rows with its totals.
    let mut h = Heights::new(ws, output::ONE_LINE);
    let widths = unit_widths(input);
    let (last, w, top) = table_top_rows(ws, f, input, l.title_units, &headers, &widths)?;
    for (row, height) in top {
        h.set(ws, row, height)?;
    }
    let mut r = HEADER_ROW + 1;
    let mut below: Vec<(f64, String, f64, f64)> = Vec::new();
    for res in input.results {
        let t = &input.policy.targets[res.target];
        let rows: Vec<&ComplianceRow> = res.listed().collect();
        for row in rows {
            match row.group {
                Group::Parent(_) => h.keep_with_next(r),
                Group::All => h.keep_with_next(r - 1),
                Group::Unit(_) => {}
            }
            let name = unit_row(ws, f, input, (&w, &mut h), t, row, r)?;
            if let (Group::Unit(_), Some(false), Some(share)) =
                (row.group, row.decision.met, row.share())
            {
                below.push((
                    share - t.threshold.fraction(),
                    format!("{} · {name}", t.id),
                    share,
                    t.threshold.fraction(),
                ));
            }
            r += 1;
        }
        // Units with nobody in the population: counted here, not listed.
        let empty = res.empty_groups();
        if empty > 0 {
            h.keep_with_next(r - 1);
            note_without_population(ws, f, input, &t.id, empty, (r, last))?;
            r += 1;
        }
    }
    let last_row = r - 1;
    if last_row > HEADER_ROW {
        highlight_status(ws, input, last_row)?;
        ws.autofilter(HEADER_ROW, 0, last_row, last)?;
    }
    ws.set_print_area(0, 0, last_row.max(HEADER_ROW), last)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    print_pages(ws, &h, w.points(0, last), r)?;
    furthest_below(wb, f, input, &mut below)
}

/// "Theo đơn vị"'s columns: the figures as wide as the largest (the whole
/// roster's population), where Excel would print "#####".
fn unit_widths(input: &ReportInput<'_>) -> [(u16, f64); 8] {
    let most = input.results.iter().map(|r| r.all.population).max();
    let n = output::number_width(most.unwrap_or(0), 12.0).max(8.43);
    [
        (0, 8.0),
        (1, super::unit_code_width(input)),
        (2, 42.0),
        (3, n),
        (4, n),
        (5, n),
        (8, 14.0),
        (9, n),
    ]
}

/// One compliance row on row `r`: target, unit (indented by depth, groups
/// in bold), its figures against the threshold. Returns the unit's name.
fn unit_row(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    (w, h): (&output::Widths, &mut Heights),
    t: &Target,
    row: &ComplianceRow,
    r: u32,
) -> Result<String, XlsxError> {
    let lang = input.lang;
    let bold = !matches!(row.group, Group::Unit(_));
    let (code, name, depth) = group_name(input, row.group);
    let (text, int, pct) = f.row(bold);
    output::text_with_format(ws, r, 0, &t.id, text)?;
    output::text_with_format(ws, r, 1, &code, text)?;
    let indent = if bold {
        0
    } else {
        depth.min(f.indent.len() - 1)
    };
    let name_fmt = if bold { text } else { &f.indent[indent] };
    output::text_with_format(ws, r, 2, &name, name_fmt)?;
    let ty = output::Type { size: 12.0, bold };
    let cells = [(1, code.as_str()), (2, name.as_str())];
    h.fit(ws, &w.indented(2, indent), r, cells, ty)?;
    ws.write_number_with_format(r, 3, num(row.population), int)?;
    ws.write_number_with_format(r, 4, num(row.qualified), int)?;
    ws.write_number_with_format(r, 5, num(row.unknown), int)?;
    write_share(ws, r, 6, row.share(), pct)?;
    ws.write_number_with_format(r, 7, t.threshold.fraction(), pct)?;
    output::text_with_format(ws, r, 8, labels::status(lang, row.decision.met), text)?;
    ws.write_number_with_format(r, 9, num(row.decision.shortfall), int)?;
    Ok(name)
}

/// The line under a target's units counting those with nobody in the
/// population, on row `r` across to column `last`.
pub(super) fn note_without_population(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    target: &str,
    empty: usize,
    (r, last): (u32, u16),
) -> Result<(), XlsxError> {
    output::text_with_format(ws, r, 0, target, &f.cell)?;
    output::text_with_format(ws, r, 1, "", &f.cell)?;
    let note = labels::groups_without_population(input.lang, empty);
    ws.merge_range(r, 2, r, last, &output::fit_cell(&note), &f.note)?;
    Ok(())
}

/// The status column in its colours (met, not met, not applicable) down to
/// row `last_row`.
fn highlight_status(
    ws: &mut Worksheet,
    input: &ReportInput<'_>,
    last_row: u32,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let green = Format::new()
        .set_background_color("C6EFCE")
        .set_font_color("006100");
    let red = Format::new()
        .set_background_color("FFC7CE")
        .set_font_color("9C0006");
    let grey = Format::new()
        .set_background_color("D9D9D9")
        .set_font_color("404040");
    for (text, fmt) in [(l.met, green), (l.not_met, red), (l.not_applicable, grey)] {
        let cf = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(text.to_string()))
            .set_format(fmt);
        ws.add_conditional_format(HEADER_ROW + 1, 8, last_row, 8, &cf)?;
    }
    Ok(())
}

/// "Đơn vị xa chỉ tiêu nhất": the ten units furthest below their target,
/// as a table and a bar chart, on a sheet of its own so both print (beside
/// the long unit list they fell outside the print area).
fn furthest_below(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
    below: &mut [(f64, String, f64, f64)],
) -> Result<(), XlsxError> {
    if below.is_empty() {
        return Ok(());
    }
    let l = labels::get(input.lang);
    below.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let top = &below[..below.len().min(10)];
    let ws = wb.add_worksheet();
    let sheet = l.furthest_below;
    ws.set_name(sheet)?;
    let heads = [l.furthest_below, l.col_share, l.col_threshold];
    let (last, w) = table_top(
        ws,
        f,
        input,
        sheet,
        &heads,
        &[(0, 40.0), (1, 24.0), (2, 24.0)],
    )?;
    for (i, (_, name, share, threshold)) in top.iter().enumerate() {
        let r = HEADER_ROW + 1 + row_u32(i);
        output::text_with_format(ws, r, 0, name, &f.cell)?;
        ws.write_number_with_format(r, 1, *share, &f.pct)?;
        ws.write_number_with_format(r, 2, *threshold, &f.pct)?;
        w.fit_row(ws, r, [(0, name.as_str())], 12.0)?;
    }
    let end = HEADER_ROW + row_u32(top.len());
    let mut chart = Chart::new(ChartType::Bar);
    let font = output::chart_font;
    chart
        .title()
        .set_name(l.chart_gap_title)
        .set_font(&font(13.0, true));
    for (name, c) in [(l.col_share, 1), (l.col_threshold, 2)] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((sheet, HEADER_ROW + 1, 0, end, 0))
            .set_values((sheet, HEADER_ROW + 1, c, end, c));
    }
    chart
        .x_axis()
        .set_num_format("0%")
        .set_min(0)
        .set_max(1)
        .set_font(&font(10.0, false));
    // The furthest first, at the top, as in the table.
    chart.y_axis().set_reverse().set_font(&font(10.0, false));
    chart.legend().set_font(&font(11.0, false));
    // Across the table's width (7 pixels a unit, 5 of padding a column).
    chart.set_width(88 * 7 + 15).set_height(360);
    ws.insert_chart(end + 2, 0, &chart)?;
    // The chart's rows inside the print area: 360 px is 18 rows of 20.
    ws.set_print_area(0, 0, end + 2 + 18, last)?;
    output::page_setup(ws, false, None)
}
