//! "Danh sách đào tạo": each person the training plan trains (course,
//! start, end, the targets served), then course starts per unit and year,
//! with SUM totals. On a sheet of its own, so its columns are its own (on
//! the plan's outcome sheet they printed at 7 pt).

use std::collections::BTreeMap;

use chrono::Datelike;
use rust_xlsxwriter::utility::cell_range;
use rust_xlsxwriter::{Formula, Workbook, Worksheet, XlsxError};

use super::plan_sheets::{current_level, num, write_date};
use super::{
    Formats, Future, HEADER_ROW, ReportInput, header_row, print_setup, table_top, write_birth,
};
use crate::labels;
use crate::output::{self, col};

/// The people to train and the course starts per unit and year.
pub(super) fn trainees(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_trainees)?;
    let person_cols = [
        l.col_no,
        l.col_unit,
        l.col_name,
        l.col_birth,
        l.col_retirement,
        l.col_current,
        l.col_course,
        l.col_start_year,
        l.col_end,
        l.col_targets_served,
    ];
    let (last, w) = table_top(
        ws,
        f,
        input,
        l.sheet_trainees,
        &person_cols,
        &[
            (0, 6.0),
            (1, 28.0),
            (2, 22.0),
            (3, 12.0),
            (4, 12.0),
            (5, 14.0),
            (6, 14.0),
            (7, 10.0),
            (8, 12.0),
            (9, 16.0),
        ],
    )?;
    let roster = &input.loaded.roster;
    let trainees = &fut.plan.trainees;
    lists.write(&ws.name(), HEADER_ROW + 1, trainees, |rows, r, i, tr| {
        let rec = &roster.staff.row(tr.rec as usize);
        let served: Vec<&str> = tr
            .targets
            .iter()
            .map(|t| input.policy.targets[*t].id.as_str())
            .collect();
        let served = served.join(", ");
        let unit = &roster.units[tr.unit as usize].name;
        let cells = [
            (1, unit.as_str()),
            (2, roster.texts.get(rec.name)),
            (9, &served),
        ];
        rows.row(r, w.row_height(cells, 12.0))?;
        rows.number(0, num(i64::try_from(i + 1).unwrap_or(0)), &f.int)?;
        rows.text(1, unit, &f.cell)?;
        rows.text(2, roster.texts.get(rec.name), &f.cell)?;
        write_birth(rows, f, 3, rec)?;
        write_date(rows, f, 4, tr.retire)?;
        rows.text(5, current_level(lang, tr.current), &f.cell)?;
        rows.text(6, labels::education(lang, Some(tr.course)), &f.cell)?;
        rows.number(7, f64::from(tr.start.year()), &f.cell)?;
        rows.date(8, tr.end, &f.date)?;
        rows.text(9, &served, &f.cell)
    })?;
    let end_of_list = HEADER_ROW + u32::try_from(trainees.len()).unwrap_or(0);
    starts_per_year(ws, f, input, fut, &w, (end_of_list, last))?;
    if !trainees.is_empty() {
        ws.autofilter(HEADER_ROW, 0, end_of_list, last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    print_setup(ws, HEADER_ROW)
}

/// Course starts per unit and year below the list (whose last row is `r`),
/// across to column `last`: a row per unit, a column per year, SUM totals
/// with their values cached.
fn starts_per_year(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
    w: &output::Widths,
    (mut r, last): (u32, u16),
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let roster = &input.loaded.roster;
    let mut years: Vec<i32> = fut.plan.trainees.iter().map(|t| t.start.year()).collect();
    years.sort_unstable();
    years.dedup();
    let mut per_unit: BTreeMap<u32, BTreeMap<i32, u32>> = BTreeMap::new();
    for t in &fut.plan.trainees {
        *per_unit
            .entry(t.unit)
            .or_default()
            .entry(t.start.year())
            .or_default() += 1;
    }
    r += 2;
    ws.merge_range(r, 0, r, last, l.col_year_totals, &f.section)?;
    r += 1;
    // STT, unit, one column per year, the unit's total.
    let mut totals_cols: Vec<String> = vec![l.col_no.to_string(), l.col_unit.to_string()];
    totals_cols.extend(years.iter().map(ToString::to_string));
    totals_cols.push(l.col_all_years.to_string());
    let totals_refs: Vec<&str> = totals_cols.iter().map(String::as_str).collect();
    header_row(ws, f, r, &totals_refs)?;
    // Row totals and the last row's column totals are SUM formulas with
    // their values cached.
    let sum = |ws: &mut Worksheet, r: u32, c: u16, range: String, n: u32| {
        let formula = Formula::new(format!("=SUM({range})")).set_result(n.to_string());
        ws.write_formula_with_format(r, c, formula, &f.int_bold)
            .map(|_| ())
    };
    let end = col(2 + years.len());
    let first = r + 1;
    let mut per_year = vec![0u32; years.len()];
    for (k, (unit, by_year)) in per_unit.iter().enumerate() {
        r += 1;
        ws.write_number_with_format(r, 0, num(i64::try_from(k + 1).unwrap_or(0)), &f.int)?;
        let name = &roster.units[*unit as usize].name;
        output::text_with_format(ws, r, 1, name, &f.cell)?;
        w.fit_row(ws, r, [(1, name.as_str())], 12.0)?;
        for (i, y) in years.iter().enumerate() {
            let n = by_year.get(y).copied().unwrap_or(0);
            per_year[i] += n;
            ws.write_number_with_format(r, col(2 + i), f64::from(n), &f.int)?;
        }
        let n = by_year.values().sum::<u32>();
        sum(ws, r, end, cell_range(r, 2, r, end - 1), n)?;
    }
    if !per_unit.is_empty() {
        let last_unit = r;
        r += 1;
        let doc = labels::doc(input.lang);
        ws.merge_range(r, 0, r, 1, doc.grand_total, &f.cell_bold)?;
        for (i, n) in per_year.iter().enumerate() {
            let c = col(2 + i);
            sum(ws, r, c, cell_range(first, c, last_unit, c), *n)?;
        }
        let all = per_year.iter().sum();
        sum(ws, r, end, cell_range(first, end, last_unit, end), all)?;
    }
    Ok(())
}
