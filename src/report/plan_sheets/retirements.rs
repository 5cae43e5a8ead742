//! "Nghỉ hưu": the people retiring before the latest deadline, and those
//! already past it.

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::{num, row_u32};
use crate::labels;
use crate::output;
use crate::report::{
    Formats, Future, HEADER_ROW, ReportInput, header_height, header_row, print_setup, table_top,
    write_birth,
};
use crate::roster::{StaffRow, Text};
use crate::scales::Gender;

/// "Nghỉ hưu": people whose last day of service falls before the latest deadline.
pub(in crate::report) fn retirements(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    // Constant memory for the heading (rows strictly in order; its texts
    // in the shared strings, written on this thread only: see
    // `output::long_list`); the lists' rows go through `lists`.
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name(l.sheet_retirements)?;
    let names = [
        l.col_no,
        l.col_unit,
        l.col_name,
        l.col_gender,
        l.col_birth,
        l.col_category,
        l.col_title,
        l.col_current,
        l.col_retirement,
        l.col_pension,
    ];
    let (last, w) = table_top(
        ws,
        f,
        input,
        l.sheet_retirements,
        &names,
        &[
            (0, 6.0),
            (1, 34.0),
            (2, 26.0),
            (3, 8.0),
            (4, 12.0),
            (5, 22.0),
            (6, 24.0),
            (7, 14.0),
            (8, 13.0),
            (9, 13.0),
        ],
    )?;
    // Before the rows: a constant-memory sheet cannot change a written row.
    print_setup(ws, HEADER_ROW)?;
    // The listed postings' values gathered in list order, on every core:
    // read where they lie (a third of a million postings, by date, across
    // the national roster's columns), each row of the sheet waited for its
    // own; gathered in a loop doing nothing else, the reads overlap.
    let staff = &input.loaded.roster.staff;
    let gather = |l: &[(NaiveDate, usize)]| -> Vec<(NaiveDate, StaffRow)> {
        use rayon::prelude::*;
        l.par_iter().map(|&(d, i)| (d, staff.row(i))).collect()
    };
    // The retiring list (usually the longer) on this thread: memory freed
    // on rayon's other thread stays in that thread's heap.
    let (list, past) = rayon::join(|| gather(fut.retiring), || gather(fut.past_due));
    let (past, list) = (&past[..], &list[..]);
    // The second list: a blank row, its heading and its own header row.
    let past_row = HEADER_ROW + 4 + row_u32(list.len());
    let heights = Heights::new(input, &w, [list, past]);
    lists.write(&ws.name(), HEADER_ROW + 1, list, |rows, r, k, x| {
        retirement_row(rows, f, input, &heights, (k, r), (x.0, &x.1))
    })?;
    if !past.is_empty() {
        // Its heading, then its header row.
        let heading = past_row - 2;
        ws.merge_range(heading, 0, heading, last, l.past_due_heading, &f.section)?;
        ws.set_row_height(past_row - 1, header_height(&w, &names))?;
        header_row(ws, f, past_row - 1, &names)?;
        lists.write(&ws.name(), past_row, past, |rows, r, k, x| {
            retirement_row(rows, f, input, &heights, (k, r), (x.0, &x.1))
        })?;
    }
    if !list.is_empty() {
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(list.len()), last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let next = if past.is_empty() {
        HEADER_ROW + 1 + row_u32(list.len())
    } else {
        past_row + row_u32(past.len())
    };
    output::end_rows(ws, next)
}

/// The heights the lists' cells take, by what they show: each unit's name
/// and each title measured once (on the national roster, a third of a
/// million rows name sixty thousand units and a few dozen titles).
struct Heights<'w> {
    w: &'w output::Widths,
    /// By roster unit.
    units: Vec<f64>,
    titles: hashbrown::HashMap<Text, f64>,
}

/// The lists' type size.
const SIZE: f64 = 12.0;

impl<'w> Heights<'w> {
    fn new(
        input: &ReportInput<'_>,
        w: &'w output::Widths,
        lists: [&[(NaiveDate, StaffRow)]; 2],
    ) -> Self {
        use rayon::prelude::*;
        let roster = &input.loaded.roster;
        let units = roster
            .units
            .par_iter()
            .map(|u| output::wrapped_height(&u.name, w.of(1), SIZE))
            .collect();
        let mut titles = hashbrown::HashMap::new();
        for (_, r) in lists.into_iter().flatten() {
            if let Some(t) = r.title {
                titles
                    .entry(t)
                    .or_insert_with(|| output::wrapped_height(roster.texts.get(t), w.of(6), SIZE));
            }
        }
        Self { w, units, titles }
    }

    /// The height of a row showing `rec` with these texts in columns 2, 5
    /// and 7 (as [`output::Widths::row_height`] gives it).
    fn row(&self, rec: &StaffRow, texts: [(u16, &str); 3]) -> Option<f64> {
        let unit = self.units.get(rec.unit as usize).copied();
        let title = rec.title.and_then(|t| self.titles.get(&t).copied());
        let heights = texts
            .iter()
            .map(|&(c, text)| output::wrapped_height(text, self.w.of(c), SIZE))
            .chain(unit)
            .chain(title);
        output::tallest(heights, SIZE)
    }
}

/// Person `k` of a list, on row `r`: unit, name, gender, birth, category,
/// title, education, the retirement date `d` and the pension's start.
fn retirement_row<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    f: &'f Formats,
    input: &ReportInput<'_>,
    heights: &Heights<'_>,
    (k, r): (usize, u32),
    (d, rec): (NaiveDate, &StaffRow),
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    let roster = &input.loaded.roster;
    let cells = [
        (1, roster.units[rec.unit as usize].name.as_str()),
        (2, roster.texts.get(rec.name)),
        (5, labels::category(lang, rec.category)),
        (6, roster.texts.opt(rec.title).unwrap_or("")),
        (7, labels::education(lang, rec.education)),
    ];
    rows.row(r, heights.row(rec, [cells[1], cells[2], cells[4]]))?;
    rows.number(0, num(i64::try_from(k + 1).unwrap_or(0)), &f.int)?;
    rows.text(1, cells[0].1, &f.cell)?;
    rows.text(2, cells[1].1, &f.cell)?;
    let gender = match rec.gender {
        Some(Gender::Male) => l.male,
        Some(Gender::Female) => l.female,
        None => "",
    };
    rows.text(3, gender, &f.cell)?;
    write_birth(rows, f, 4, rec)?;
    for (c, text) in &cells[2..] {
        rows.text(*c, text, &f.cell)?;
    }
    rows.date(8, d, &f.date)?;
    rows.date(9, crate::retirement::pension_start(d), &f.date)
}
