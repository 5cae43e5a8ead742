//! The body of a form sheet: "Tổng số" first, then the units (parents as
//! subtotals, bold), the criteria under their group headings, or the people.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::formats::Formats;
use super::{Cell, Form, FormTable, RowKind};
use crate::labels;
use crate::output::{RunFormats, Widths};

pub(super) fn write_rows(
    ws: &mut Worksheet,
    f: &Formats,
    form: &Form,
    table: &FormTable,
    (mut r, lead): (u32, u16),
    w: &Widths,
    l: &labels::FormLabels,
) -> Result<u32, XlsxError> {
    let mut group: Option<&[String]> = None;
    let mut cf = RunFormats::new();
    // "Tổng số" first, as the forms print it.
    let total = table.rows.iter().filter(|x| x.kind == RowKind::Total);
    let rest = table.rows.iter().filter(|x| x.kind != RowKind::Total);
    let mut unit_no = 0;
    for row in total.chain(rest) {
        let bold = matches!(row.kind, RowKind::Total | RowKind::Parent);
        match row.kind {
            RowKind::Total => {
                cf.text(ws, r, 0, "", &f.cell_bold)?;
                cf.text(ws, r, 1, l.total, &f.cell_bold)?;
            }
            RowKind::Unit | RowKind::Parent => {
                unit_no += 1;
                cf.number(ws, r, 0, f64::from(unit_no), &f.int)?;
                let fmt = if bold {
                    &f.cell_bold
                } else {
                    &f.cell[row.depth.min(5)]
                };
                cf.text(ws, r, 1, &row.label, fmt)?;
                w.fit_row(ws, r, [(1, row.label.as_str())], 10.0)?;
            }
            RowKind::Criterion => {
                // A group heading row when the criterion's group changes.
                let i = form
                    .criteria
                    .iter()
                    .position(|c| Some(&c.number) == row.code.as_ref())
                    .unwrap_or(0);
                let g = form.criteria[i].group.as_slice();
                if group != Some(g) && !g.is_empty() {
                    let text = g.join(" – ");
                    cf.text(ws, r, 0, "", &f.cell_bold)?;
                    cf.text(ws, r, 1, &text, &f.cell_bold)?;
                    for c in 0..row.cells.len() {
                        cf.blank(ws, r, lead + u16::try_from(c).unwrap_or(0), &f.cell_bold)?;
                    }
                    r += 1;
                }
                group = Some(g);
                let star = form.mark(&form.criteria[i]);
                cf.text(ws, r, 0, row.code.as_deref().unwrap_or(""), &f.cell[0])?;
                let label = format!("{}{star}", row.label);
                // A criterion numbered "1" heads its block; "1.2" is within one.
                let head = !row.code.as_deref().unwrap_or("").contains('.');
                let fmt = if head { &f.cell_bold } else { &f.cell[1] };
                cf.text(ws, r, 1, &label, fmt)?;
                w.fit_row(ws, r, [(1, label.as_str())], 10.0)?;
            }
            RowKind::Part => {
                // One category of the row above: no number of its own.
                cf.text(ws, r, 0, "", &f.cell[0])?;
                let label = format!("– {}", row.label);
                cf.text(ws, r, 1, &label, &f.cell[(row.depth + 1).min(5)])?;
                w.fit_row(ws, r, [(1, label.as_str())], 10.0)?;
            }
            RowKind::Person => {}
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let col = lead + u16::try_from(c).unwrap_or(0);
            match cell {
                Cell::Blank => {
                    cf.blank(ws, r, col, &f.cell[0])?;
                }
                Cell::Count(v) => {
                    let fmt = if bold { &f.int_bold } else { &f.int };
                    cf.number(ws, r, col, *v as f64, fmt)?;
                }
                Cell::Mean(v) => {
                    let fmt = if bold { &f.mean_bold } else { &f.mean };
                    cf.number(ws, r, col, *v, fmt)?;
                }
                Cell::Text(s) => cf.text(ws, r, col, s, &f.cell[0])?,
            }
        }
        if row.kind == RowKind::Person {
            let texts: Vec<(u16, &str)> = row
                .cells
                .iter()
                .enumerate()
                .filter_map(|(c, x)| match x {
                    Cell::Text(s) => Some((u16::try_from(c).unwrap_or(0), s.as_str())),
                    _ => None,
                })
                .collect();
            w.fit_row(ws, r, texts, 10.0)?;
        }
        r += 1;
    }
    cf.apply(ws)?;
    Ok(r)
}
