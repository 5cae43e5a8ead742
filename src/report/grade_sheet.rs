//! "Cơ cấu ngạch": the grade structure as officers tabulate it — one row per
//! agency, one pair of columns (people, share) per class of the grade ladder
//! in the statistical forms' order, then grades with no class, no grade, and
//! the people placed in a catalogued position. The last row's totals are
//! formulas with their values cached (SUBTOTALs of the agencies' counts, a
//! SUM of them, shares of that), so an edited count recomputes them; an
//! agency's own total and shares are values.

use rust_xlsxwriter::utility::{cell_range, row_col_to_cell};
use rust_xlsxwriter::{Formula, Workbook, Worksheet, XlsxError};

use super::{Formats, HEADER_ROW, ReportInput, heading};
use crate::labels;
use crate::output;
use crate::positions::{AgencyFigures, Placement};

/// The group header row, above [`HEADER_ROW`].
const GROUP_ROW: u32 = HEADER_ROW - 1;

/// Columns, left to right.
const NO: u16 = 0;
const UNIT: u16 = 1;
const TOTAL: u16 = 2;
/// First of the five (people, share) pairs of the ladder's classes.
const RANKS: u16 = 3;
const OTHER: u16 = RANKS + 10;
const NONE: u16 = OTHER + 1;
const PLACED: u16 = NONE + 1;
const PLACED_GRADE: u16 = PLACED + 2;
const NOTE: u16 = PLACED_GRADE + 2;

/// The count columns whose sum is the agency's total.
fn count_columns() -> impl Iterator<Item = u16> {
    (0..5).map(|i| RANKS + 2 * i).chain([OTHER, NONE])
}

fn cell(r: u32, c: u16) -> String {
    row_col_to_cell(r, c)
}

/// A number formula with its cached value.
fn formula(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    text: String,
    value: f64,
    format: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    let f = Formula::new(text).set_result(value.to_string());
    ws.write_formula_with_format(r, c, f, format)?;
    Ok(())
}

fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// One agency's (or the total's) figures, as written.
struct Line {
    people: u32,
    counts: [u32; 7],
    placed: u32,
    placed_grade: u32,
}

impl Line {
    fn of(a: &AgencyFigures) -> Self {
        let other = a.unranked.values().sum();
        let r = a.ranks;
        Self {
            people: a.people,
            counts: [r[0], r[1], r[2], r[3], r[4], other, a.ungraded],
            placed: a.placed,
            placed_grade: a.placed_with_grade,
        }
    }

    fn add(&mut self, o: &Self) {
        self.people += o.people;
        for (a, b) in self.counts.iter_mut().zip(o.counts) {
            *a += b;
        }
        self.placed += o.placed;
        self.placed_grade += o.placed_grade;
    }
}

/// Writes the total row `r`'s figures: the counts as SUBTOTAL formulas over
/// rows `from..=to`, the total a SUM of them and every share a formula over
/// it, each with its value cached. (An agency's total and shares are values:
/// a formula per agency held 12 MB of heap for 16,600 agencies on a
/// 500,000-row roster, by heaptrack.)
fn write_total(
    ws: &mut Worksheet,
    f: &Formats,
    r: u32,
    line: &Line,
    (from, to): (u32, u32),
) -> Result<(), XlsxError> {
    let (int, pct) = (&f.int_bold, &f.pct_bold);
    let counts = count_columns()
        .zip(line.counts)
        .chain([(PLACED, line.placed), (PLACED_GRADE, line.placed_grade)]);
    for (c, n) in counts {
        let text = format!("=SUBTOTAL(9,{})", cell_range(from, c, to, c));
        formula(ws, r, c, text, f64::from(n), int)?;
    }
    let parts: Vec<String> = count_columns().map(|c| cell(r, c)).collect();
    let text = format!("=SUM({})", parts.join(","));
    formula(ws, r, TOTAL, text, f64::from(line.people), int)?;
    let total = row_col_to_cell(r, TOTAL);
    let shares = (0..5)
        .map(|i| (RANKS + 2 * i, line.counts[i as usize]))
        .chain([(PLACED, line.placed), (PLACED_GRADE, line.placed_grade)]);
    for (c, n) in shares {
        let text = format!("=IF({total}=0,0,{}/{total})", cell(r, c));
        formula(ws, r, c + 1, text, share(n, line.people), pct)?;
    }
    Ok(())
}

/// An agency's figures, left to right: its total, then each count with its
/// share (values, not formulas: see [`write_total`]).
fn agency_figures<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    f: &'f Formats,
    line: &Line,
) -> Result<(), XlsxError> {
    let mut cells: Vec<(u16, f64, &'f rust_xlsxwriter::Format)> = count_columns()
        .zip(line.counts)
        .chain([(PLACED, line.placed), (PLACED_GRADE, line.placed_grade)])
        .map(|(c, n)| (c, f64::from(n), &f.int))
        .collect();
    cells.push((TOTAL, f64::from(line.people), &f.int));
    let shares = (0..5)
        .map(|i| (RANKS + 2 * i, line.counts[i as usize]))
        .chain([(PLACED, line.placed), (PLACED_GRADE, line.placed_grade)]);
    cells.extend(shares.map(|(c, n)| (c + 1, share(n, line.people), &f.pct)));
    cells.sort_by_key(|(c, _, _)| *c);
    for (c, v, format) in cells {
        rows.number(c, v, format)?;
    }
    Ok(())
}

/// The two header rows: groups (merged across their pair, or down both rows
/// for a single column), then "people | share" under each pair.
fn header(
    ws: &mut Worksheet,
    f: &Formats,
    w: &output::Widths,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let g = labels::grades(input.lang);
    let singles = [
        (NO, l.col_no),
        (UNIT, l.col_unit),
        (TOTAL, g.total),
        (OTHER, g.other),
        (NONE, g.none),
        (NOTE, g.note),
    ];
    for (c, text) in singles {
        ws.merge_range(GROUP_ROW, c, HEADER_ROW, c, text, &f.head)?;
    }
    let mut pairs: Vec<(u16, &str)> = (0..5)
        .map(|i| (RANKS + 2 * i, g.ranks[i as usize]))
        .collect();
    pairs.extend([(PLACED, g.placed), (PLACED_GRADE, g.placed_grade)]);
    let mut group_height = output::wrapped_height("", 1.0, output::Type::bold(12.0));
    for &(c, text) in &pairs {
        ws.merge_range(GROUP_ROW, c, GROUP_ROW, c + 1, text, &f.head)?;
        output::text_with_format(ws, HEADER_ROW, c, g.count, &f.head)?;
        output::text_with_format(ws, HEADER_ROW, c + 1, g.share, &f.head)?;
        group_height = group_height.max(output::wrapped_height(
            text,
            w.span(c, c + 1),
            output::Type::bold(12.0),
        ));
    }
    let sub = [g.count, g.share]
        .iter()
        .map(|t| output::wrapped_height(t, w.of(RANKS), output::Type::bold(12.0)))
        .fold(0.0, f64::max);
    // A single column's name spans both rows: the second grows when the
    // first is not enough.
    let single = singles
        .iter()
        .map(|&(c, t)| output::wrapped_height(t, w.of(c), output::Type::bold(12.0)))
        .fold(0.0, f64::max);
    ws.set_row_height(GROUP_ROW, group_height)?;
    ws.set_row_height(HEADER_ROW, sub.max(single - group_height))?;
    Ok(())
}

/// "Cơ cấu ngạch": agencies × classes of the grade ladder, with shares.
pub(super) fn grades(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
    p: &Placement,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let g = labels::grades(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_grades)?;
    // Counts as wide as the largest (the whole table's people), shares as
    // "100,0%": Excel shows "#####" for a number wider than its cell.
    let most: u64 = p.agencies.iter().map(|a| u64::from(a.people)).sum();
    let count = output::number_width(most, 12.0).max(6.5);
    let share = output::text_width("100,0%", false);
    let share = output::units_for(share, 12.0).max(6.5);
    let shares = [RANKS + 1, RANKS + 3, RANKS + 5, RANKS + 7, RANKS + 9];
    let shares = [&shares[..], &[PLACED + 1, PLACED_GRADE + 1]].concat();
    let mut widths = vec![(NO, 5.0), (UNIT, 24.0), (TOTAL, count.max(7.0))];
    widths.extend((RANKS..NOTE).map(|c| (c, if shares.contains(&c) { share } else { count })));
    widths.push((NOTE, 18.0));
    let w = output::Widths::set(ws, &widths)?;
    heading(ws, f, input, l.sheet_grades, NOTE, w.span(0, NOTE))?;
    header(ws, f, &w, input)?;
    let first = HEADER_ROW + 1;
    let mut all = Line {
        people: 0,
        counts: [0; 7],
        placed: 0,
        placed_grade: 0,
    };
    let agencies: Vec<(usize, &AgencyFigures)> = p
        .agencies
        .iter()
        .enumerate()
        .filter(|(_, ag)| ag.people > 0)
        .collect();
    for (_, ag) in &agencies {
        all.add(&Line::of(ag));
    }
    // The agencies' rows as XML (`output::Lists`), on every core.
    lists.write(&ws.name(), first, &agencies, |rows, r, k, (u, ag)| {
        let unit = input.loaded.roster.units[*u].name.as_str();
        let note = ag
            .unranked
            .iter()
            .map(|(grade, n)| format!("{grade}: {n}"))
            .collect::<Vec<_>>()
            .join("; ");
        rows.row(r, w.row_height([(UNIT, unit), (NOTE, note.as_str())], 12.0))?;
        rows.number(
            NO,
            f64::from(u32::try_from(k + 1).unwrap_or(u32::MAX)),
            &f.int,
        )?;
        rows.text(UNIT, unit, &f.cell)?;
        agency_figures(rows, f, &Line::of(ag))?;
        rows.text(NOTE, &note, &f.cell)
    })?;
    let mut r = first + u32::try_from(agencies.len()).unwrap_or(u32::MAX);
    if r > first {
        ws.autofilter(HEADER_ROW, NO, r - 1, NOTE)?;
        let doc = labels::doc(input.lang);
        ws.merge_range(r, NO, r, UNIT, doc.grand_total, &f.cell_bold)?;
        write_total(ws, f, r, &all, (first, r - 1))?;
        ws.write_blank(r, NOTE, &f.cell_bold)?;
        r += 2;
    }
    ws.merge_range(r, NO, r, NOTE, g.footnote, &f.italic)?;
    ws.set_row_height(
        r,
        output::wrapped_height(g.footnote, w.span(NO, NOTE), 12.0),
    )?;
    ws.set_freeze_panes(first, TOTAL)?;
    output::page_setup(ws, true, None)?;
    ws.set_repeat_rows(GROUP_ROW, HEADER_ROW)?;
    Ok(())
}
