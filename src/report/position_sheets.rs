//! The job-position sheets: staffing per agency × position, postings below
//! their position's standards or to be verified (a value unknown, never a
//! failure).

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, Format, Workbook, Worksheet, XlsxError,
};

use super::{Formats, HEADER_ROW, ReportInput, print_pages, table_top_rows};
use crate::labels;
use crate::output;
use crate::output::Heights;
use crate::positions::{Placement, Staffing};

fn num(n: u32) -> f64 {
    f64::from(n)
}

/// Sums of the staffing columns (approved, filled, vacant, over) for an
/// agency since its first row and for the whole sheet.
struct Totals {
    first: u32,
    agency: [u32; 4],
    all: [u32; 4],
}

impl Totals {
    fn new(first: u32) -> Self {
        Self {
            first,
            agency: [0; 4],
            all: [0; 4],
        }
    }

    fn add(&mut self, s: &crate::positions::Staffing) {
        let v = [s.approved.unwrap_or(0), s.filled, s.vacant(), s.over()];
        for (t, x) in self.agency.iter_mut().zip(v) {
            *t += x;
        }
    }

    /// Writes a "Cộng" row (the agency's rows since the last one) or, with
    /// `grand`, the "Tổng cộng" row over the whole table.
    fn write<'f>(
        &mut self,
        rows: &mut output::ListRows<'_, 'f>,
        (f, w, h): (&'f Formats, &output::Widths, &mut Heights),
        r: u32,
        label: &str,
        grand: bool,
    ) -> Result<(), XlsxError> {
        let (from, values) = if grand {
            (HEADER_ROW + 1, self.all)
        } else {
            (self.first, self.agency)
        };
        let height = w
            .row_height([(0, label)], output::Type::bold(12.0))
            .unwrap_or(output::ONE_LINE);
        h.record(r, height);
        // A total never starts a page: the row above it prints with it.
        h.keep_with_next(r - 1);
        rows.row(r, Some(height))?;
        rows.text(0, label, &f.cell_bold)?;
        for c in [1u16, 2, 3] {
            rows.blank(c, &f.cell_bold)?;
        }
        for (i, v) in values.iter().enumerate() {
            let c = 4 + output::col(i);
            let range = rust_xlsxwriter::utility::cell_range(from, c, r - 1, c);
            rows.formula(
                c,
                &format!("=SUBTOTAL(9,{range})"),
                f64::from(*v),
                &f.int_bold,
            )?;
        }
        rows.blank(8, &f.cell_bold)?;
        if !grand {
            for (a, x) in self.all.iter_mut().zip(self.agency) {
                *a += x;
            }
            self.agency = [0; 4];
            self.first = r + 1;
        }
        Ok(())
    }
}

/// "Vị trí việc làm": approved, filled, vacant, over per agency × position;
/// vacancies and over-staffing highlighted.
pub(super) fn positions(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
    p: &Placement,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_positions)?;
    let names = [
        l.col_unit,
        l.col_position_code,
        l.col_position,
        l.col_kind,
        l.col_approved,
        l.col_filled,
        l.col_vacant,
        l.col_over,
        l.col_other_req,
    ];
    let widths = position_widths(p);
    // Pages laid out here (see `output::set_page_breaks`): every row's
    // height known, one line of 12-point type unless set.
    let mut h = Heights::new(ws, output::ONE_LINE);
    let (last, w, top) = table_top_rows(ws, f, input, l.sheet_positions, &names, &widths)?;
    for (row, height) in top {
        h.set(ws, row, height)?;
    }
    let mut r = HEADER_ROW + 1;
    // Per agency: its positions, then a "Cộng" row; "Tổng cộng" at the end.
    // Totals are SUBTOTAL formulas (which skip the subtotals inside their
    // range and rows a filter hides) with their values cached.
    let mut totals = Totals::new(r);
    // The rows as XML (`output::Lists`): the national agency × position
    // rows held as cells cost memory and a save on one core.
    let mut rows = lists.rows(&ws.name());
    for (k, s) in p.staffing.iter().enumerate() {
        staffing_row(&mut rows, (f, &w, &mut h), input, p, s, r)?;
        totals.add(s);
        r += 1;
        if p.staffing.get(k + 1).is_none_or(|next| next.unit != s.unit) {
            let unit = &input.loaded.roster.units[s.unit as usize].name;
            let label = format!("{} {unit}", labels::doc(input.lang).subtotal);
            totals.write(&mut rows, (f, &w, &mut h), r, &label, false)?;
            r += 1;
        }
    }
    if !p.staffing.is_empty() {
        let label = labels::doc(input.lang).grand_total;
        totals.write(&mut rows, (f, &w, &mut h), r, label, true)?;
        r += 1;
    }
    lists.add(rows.finish()?);
    if r > HEADER_ROW + 1 {
        highlight_vacant_over(ws, r - 1)?;
        ws.autofilter(HEADER_ROW, 0, r - 1, last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    print_pages(ws, &h, w.points(0, last), r)
}

/// The columns' widths: the code column as wide as its longest code; the
/// figures as wide as the largest total (never "#####"); the column of
/// other requirements narrow when no position has any.
fn position_widths(p: &Placement) -> [(u16, f64); 9] {
    let code_width = output::code_width(
        p.staffing
            .iter()
            .map(|s| p.catalogue.positions[s.position as usize].shown_code()),
    );
    let has_other = p.staffing.iter().any(|s| {
        p.catalogue.positions[s.position as usize]
            .other
            .as_ref()
            .is_some_and(|o| !o.is_empty())
    });
    let sum =
        |f: &dyn Fn(&Staffing) -> u32| p.staffing.iter().map(|s| u64::from(f(s))).sum::<u64>();
    let most = [
        sum(&|s| s.approved.unwrap_or(0)),
        sum(&|s| s.filled),
        sum(&Staffing::vacant),
        sum(&Staffing::over),
    ];
    let n = output::number_width(most.into_iter().max().unwrap_or(0), 12.0).max(8.43);
    [
        (0, 30.0),
        (1, code_width),
        (2, 34.0),
        (3, 24.0),
        (4, n),
        (5, n),
        (6, n),
        (7, n),
        (8, if has_other { 30.0 } else { 14.0 }),
    ]
}

/// One agency's position on row `r`: its code, name and kind, approved,
/// filled, vacant and over, and its other requirements.
fn staffing_row<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    (f, w, h): (&'f Formats, &output::Widths, &mut Heights),
    input: &ReportInput<'_>,
    p: &Placement,
    s: &Staffing,
    r: u32,
) -> Result<(), XlsxError> {
    let def = &p.catalogue.positions[s.position as usize];
    let unit = input.loaded.roster.units[s.unit as usize].name.as_str();
    let kind = labels::position_kind(input.lang, def.kind);
    let other = def.other.as_deref().unwrap_or("");
    let cells = [(0, unit), (2, def.name.as_str()), (3, kind), (8, other)];
    let height = w.row_height(cells, 12.0).unwrap_or(output::ONE_LINE);
    h.record(r, height);
    rows.row(r, Some(height))?;
    rows.text(0, unit, &f.cell)?;
    rows.text(1, def.shown_code(), &f.cell)?;
    rows.text(2, &def.name, &f.cell)?;
    rows.text(3, kind, &f.cell)?;
    match s.approved {
        Some(a) => rows.number(4, num(a), &f.int)?,
        None => rows.blank(4, &f.int)?,
    }
    rows.number(5, num(s.filled), &f.int)?;
    rows.number(6, num(s.vacant()), &f.int)?;
    rows.number(7, num(s.over()), &f.int)?;
    rows.text(8, other, &f.cell)
}

/// Vacancies (yellow) and over-staffing (red) highlighted down to row `to`.
fn highlight_vacant_over(ws: &mut Worksheet, to: u32) -> Result<(), XlsxError> {
    let yellow = Format::new()
        .set_background_color("FFEB9C")
        .set_font_color("9C5700");
    let red = Format::new()
        .set_background_color("FFC7CE")
        .set_font_color("9C0006");
    for (c, fmt) in [(6u16, yellow), (7u16, red)] {
        let cf = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThan(0))
            .set_format(fmt);
        ws.add_conditional_format(HEADER_ROW + 1, c, to, c, &cf)?;
    }
    Ok(())
}
