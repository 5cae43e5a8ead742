//! One function per sheet, over typed rows.

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatText, ConditionalFormatTextRule, Format, Workbook,
    Worksheet, XlsxError,
};

use super::{Formats, HEADER_ROW, ReportInput, header_row, print_setup, table_top, write_birth};
use crate::compliance::{ComplianceRow, Group, TargetResult};
use crate::labels;
use crate::output::{self, long_list};
use crate::policy::{Measure, Target};
use crate::roster::{SheetStatus, StaffRecord};

fn row_u32(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

#[allow(clippy::cast_precision_loss)]
fn num(n: u64) -> f64 {
    n as f64
}

/// Share, or an empty bordered cell when not applicable.
fn write_share(
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
    let lang = input.lang;
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
    let (last, w) = table_top(
        ws,
        f,
        input,
        l.title_units,
        &headers,
        &[
            (0, 8.0),
            (1, super::unit_code_width(input)),
            (2, 42.0),
            (8, 14.0),
        ],
    )?;
    let mut r = HEADER_ROW + 1;
    let mut below: Vec<(f64, String, f64, f64)> = Vec::new();
    for res in input.results {
        let t = &input.policy.targets[res.target];
        let rows: Vec<&ComplianceRow> = res.listed().collect();
        for row in rows {
            let bold = !matches!(row.group, Group::Unit(_));
            let (code, name, depth) = group_name(input, row.group);
            let (text, int, pct) = if bold {
                (&f.cell_bold, &f.int_bold, &f.pct_bold)
            } else {
                (&f.cell, &f.int, &f.pct)
            };
            output::text_with_format(ws, r, 0, &t.id, text)?;
            output::text_with_format(ws, r, 1, &code, text)?;
            let name_fmt = if bold {
                text
            } else {
                &f.indent[depth.min(f.indent.len() - 1)]
            };
            output::text_with_format(ws, r, 2, &name, name_fmt)?;
            w.fit_row(ws, r, [(1, code.as_str()), (2, name.as_str())], 12.0)?;
            ws.write_number_with_format(r, 3, num(row.population), int)?;
            ws.write_number_with_format(r, 4, num(row.qualified), int)?;
            ws.write_number_with_format(r, 5, num(row.unknown), int)?;
            write_share(ws, r, 6, row.share(), pct)?;
            ws.write_number_with_format(r, 7, t.threshold.fraction(), pct)?;
            output::text_with_format(ws, r, 8, labels::status(lang, row.decision.met), text)?;
            ws.write_number_with_format(r, 9, num(row.decision.shortfall), int)?;
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
            output::text_with_format(ws, r, 0, &t.id, &f.cell)?;
            output::text_with_format(ws, r, 1, "", &f.cell)?;
            let note = labels::groups_without_population(lang, empty);
            ws.merge_range(r, 2, r, last, &output::fit_cell(&note), &f.note)?;
            r += 1;
        }
    }
    let last_row = r - 1;
    if last_row > HEADER_ROW {
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
        ws.autofilter(HEADER_ROW, 0, last_row, last)?;
    }
    ws.set_print_area(0, 0, last_row.max(HEADER_ROW), last)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    print_setup(ws, HEADER_ROW)?;
    furthest_below(wb, f, input, &mut below)
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
    chart.title().set_name(l.chart_gap_title);
    for (name, c) in [(l.col_share, 1), (l.col_threshold, 2)] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((sheet, HEADER_ROW + 1, 0, end, 0))
            .set_values((sheet, HEADER_ROW + 1, c, end, c));
    }
    chart.x_axis().set_num_format("0%").set_min(0).set_max(1);
    // The furthest first, at the top, as in the table.
    chart.y_axis().set_reverse();
    // Across the table's width (7 pixels a unit, 5 of padding a column).
    chart.set_width(88 * 7 + 15).set_height(360);
    ws.insert_chart(end + 2, 0, &chart)?;
    // The chart's rows inside the print area: 360 px is 18 rows of 20.
    ws.set_print_area(0, 0, end + 2 + 18, last)?;
    output::page_setup(ws, false, None)
}

fn current_level(input: &ReportInput<'_>, m: &Measure, idx: usize) -> &'static str {
    let (lang, l) = (input.lang, labels::get(input.lang));
    let rec = &input.loaded.roster.records[idx];
    let a = input.placement.and_then(|p| p.assignments.get(idx));
    match m {
        Measure::Education(_) => labels::education(lang, rec.education),
        Measure::PoliticalTheory(_) => labels::political_theory(lang, rec.political_theory),
        Measure::StateManagement(_) => labels::state_management(lang, rec.state_management),
        Measure::PlacedInPosition
        | Measure::PlacedWithMatchingGrade
        | Measure::MeetsPositionStandard
        | Measure::StructuredByPosition(_)
        | Measure::ProfessionalPositions(_)
        | Measure::LevelCaps => match a {
            Some(a) if matches!(m, Measure::MeetsPositionStandard) && a.to_verify() => {
                labels::standard(lang, crate::positions::Standard::ToVerify)
            }
            Some(a) if a.placed() && !a.grade_ok => l.placed_wrong_grade,
            Some(a) if a.placed() => l.below_standard,
            _ => l.not_placed,
        },
    }
}

fn is_unknown(m: &Measure, rec: &StaffRecord) -> bool {
    match m {
        Measure::Education(_) => rec.education.is_none(),
        Measure::PoliticalTheory(_) => rec.political_theory.is_none(),
        Measure::StateManagement(_) => rec.state_management.is_none(),
        _ => false,
    }
}

/// Joins distinct texts in first-seen order.
fn distinct_joined<'a>(
    texts: impl IntoIterator<Item = std::borrow::Cow<'a, str>>,
    sep: &str,
) -> String {
    let mut seen: Vec<std::borrow::Cow<'a, str>> = Vec::new();
    for t in texts {
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join(sep)
}

/// "Cần đào tạo": everyone in a target's population who does not meet its
/// measure, once per person with every target they are below on (a person
/// under T2 and T2-XA is one row, "T2, T2-XA"). Constant-memory sheets,
/// continued past Excel's row limit.
pub(super) fn training(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    let headers = [
        l.col_no,
        l.col_target_id,
        l.col_unit,
        l.col_name,
        l.col_birth,
        l.col_title,
        l.col_current,
        l.col_required,
        l.col_note,
    ];
    // People in order of first appearance (target order, then roster order).
    let mut items: Vec<(u32, Vec<&TargetResult>)> = Vec::new();
    let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for res in input.results {
        for &g in &res.gaps {
            let k = *at.entry(g).or_insert_with(|| {
                items.push((g, Vec::new()));
                items.len() - 1
            });
            items[k].1.push(res);
        }
    }
    long_list(
        wb,
        l.sheet_training,
        lang,
        &items,
        HEADER_ROW as usize + 1,
        |ws, chunk, before| {
            let (_, w) = table_top(
                ws,
                f,
                input,
                l.title_training,
                &headers,
                &[
                    (0, 6.0),
                    (1, 8.0),
                    (2, 26.0),
                    (3, 22.0),
                    (4, 12.0),
                    (5, 20.0),
                    (6, 16.0),
                    (7, 28.0),
                    (8, 28.0),
                ],
            )?;
            // Before the rows: a constant-memory sheet cannot change a written row.
            print_setup(ws, HEADER_ROW)?;
            ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
            if !chunk.is_empty() {
                ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(chunk.len()), 8)?;
            }
            for (i, (rec, results)) in chunk.iter().enumerate() {
                let targets: Vec<&Target> = results
                    .iter()
                    .map(|res| &input.policy.targets[res.target])
                    .collect();
                let idx = *rec as usize;
                let rec = &input.loaded.roster.records[idx];
                let r = HEADER_ROW + 1 + row_u32(i);
                ws.write_number_with_format(r, 0, num((before + i + 1) as u64), &f.int)?;
                let ids = targets
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                output::text_with_format(ws, r, 1, &ids, &f.cell)?;
                output::text_with_format(
                    ws,
                    r,
                    2,
                    &input.loaded.roster.units[rec.unit as usize].name,
                    &f.cell,
                )?;
                output::text_with_format(
                    ws,
                    r,
                    3,
                    input.loaded.roster.texts.get(rec.name),
                    &f.cell,
                )?;
                write_birth(ws, f, r, 4, rec)?;
                output::text_with_format(
                    ws,
                    r,
                    5,
                    input.loaded.roster.texts.opt(rec.title).unwrap_or(""),
                    &f.cell,
                )?;
                let current = distinct_joined(
                    targets
                        .iter()
                        .map(|t| current_level(input, &t.measure, idx).into()),
                    "; ",
                );
                output::text_with_format(ws, r, 6, &current, &f.cell)?;
                let required = distinct_joined(
                    targets
                        .iter()
                        .map(|t| labels::requirement(lang, &t.measure).into()),
                    "; ",
                );
                output::text_with_format(ws, r, 7, &required, &f.cell)?;
                let mut notes: Vec<String> = Vec::new();
                if targets.iter().any(|t| is_unknown(&t.measure, rec)) {
                    notes.push(l.verify_unknown.to_string());
                }
                if let Some(d) = input.retire.get(idx).copied().flatten()
                    && d < input.as_of
                {
                    let date = d.format("%d/%m/%Y").to_string();
                    notes.push(l.past_retirement_note.replace("{date}", &date));
                }
                let note = notes.join("; ");
                let note = note.as_str();
                output::text_with_format(ws, r, 8, note, &f.cell)?;
                let unit = &input.loaded.roster.units[rec.unit as usize].name;
                let cells = [
                    (1, ids.as_str()),
                    (2, unit.as_str()),
                    (3, input.loaded.roster.texts.get(rec.name)),
                    (5, input.loaded.roster.texts.opt(rec.title).unwrap_or("")),
                    (6, current.as_str()),
                    (7, required.as_str()),
                    (8, note),
                ];
                w.fit_row(ws, r, cells, 12.0)?;
            }
            Ok(())
        },
    )
}

/// "Thông tin": as-of, policy and inputs with hashes, row accounting, version, command.
pub(super) fn about(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_about)?;
    let p = input.policy;
    let t = input.loaded.totals();
    let accounting = format!(
        "{} = {} + {} + {}",
        t.read,
        t.staff,
        t.set_aside,
        t.non_staff()
    );
    let pairs = [
        (l.about_as_of, input.as_of.format("%d/%m/%Y").to_string()),
        (
            l.about_issuing_body,
            p.issuing_body.clone().unwrap_or_default(),
        ),
        (l.about_policy, format!("{} ({})", p.name, p.id)),
        (l.about_policy_file, output::shown_path(&p.path)),
        (l.about_sha, p.sha256.clone()),
        (l.about_accounting, accounting),
        (l.about_version, env!("CARGO_PKG_VERSION").to_string()),
        (
            l.about_redacted,
            if input.loaded.redacted {
                l.redacted_yes
            } else {
                l.no
            }
            .to_string(),
        ),
        (l.about_command, input.command_line.clone()),
    ];
    let w = output::Widths::set(ws, &[(0, 40.0), (1, 74.0), (2, 28.0)])?;
    for (i, (k, v)) in pairs.iter().enumerate() {
        output::text_with_format(ws, row_u32(i), 0, *k, &f.cell_bold)?;
        output::text_with_format(ws, row_u32(i), 1, v, &f.cell)?;
        w.fit_row(ws, row_u32(i), [(0, *k), (1, v.as_str())], 12.0)?;
    }
    let mut r = row_u32(pairs.len() + 1);
    output::text_with_format(ws, r, 0, l.about_inputs, &f.cell_bold)?;
    r += 1;
    let heads = [
        l.col_file,
        l.about_sha,
        l.col_sheet,
        l.rows_read,
        l.analysed,
        l.set_aside,
        l.non_staff,
    ];
    header_row(ws, f, r, &heads)?;
    let cells = heads.iter().enumerate().map(|(c, h)| (output::col(c), *h));
    w.fit_row(ws, r, cells, 13.0)?;
    for s in &input.loaded.sheets {
        r += 1;
        let file = &input.loaded.files[s.file];
        output::text_with_format(ws, r, 0, output::shown_path(&file.path), &f.cell)?;
        output::text_with_format(ws, r, 1, &file.sha256, &f.cell)?;
        let mut sheet = s.name.to_string();
        if s.status == SheetStatus::Skipped {
            sheet.push_str(" — ");
            sheet.push_str(&labels::problem(
                input.lang,
                &crate::issues::Problem::NoHeader,
            ));
        }
        output::text_with_format(ws, r, 2, &sheet, &f.cell)?;
        let shown = output::shown_path(&file.path);
        w.fit_row(ws, r, [(0, shown.as_str()), (2, sheet.as_str())], 12.0)?;
        for (c, v) in [
            (3u16, s.rows.read),
            (4, s.rows.staff),
            (5, s.rows.set_aside),
            (6, s.rows.non_staff()),
        ] {
            ws.write_number_with_format(r, c, num(v as u64), &f.int)?;
        }
    }
    output::page_setup(ws, true, None)
}
