//! The body of a form sheet: "Tổng số" first, then the units (parents as
//! subtotals, bold), the criteria under their group headings, or the people.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::formats::Formats;
use super::people::Field;
use super::sheet::SheetInput;
use super::{Cell, Form, FormTable, RowKind, TableRow};
use crate::labels;
use crate::output::{Heights, RunFormats, Type, Widths};

pub(super) fn write_rows(
    ws: &mut Worksheet,
    (f, lists): (&Formats, &crate::output::Lists),
    (form, table): (&Form, &FormTable),
    (mut r, lead): (u32, u16),
    (w, h): (&Widths, &mut Heights),
    input: &SheetInput<'_>,
) -> Result<u32, XlsxError> {
    let mut body = Body {
        f,
        form,
        w,
        h,
        l: labels::forms(input.lang),
        lead,
        cf: RunFormats::new(),
        group: None,
        unit_no: Vec::new(),
    };
    // "Tổng số" first, as the forms print it.
    let total = table.rows.iter().filter(|x| x.kind == RowKind::Total);
    let rest = table.rows.iter().filter(|x| x.kind != RowKind::Total);
    let mut rows = total.chain(rest).peekable();
    // Writing a parent's category rows (the movement table).
    let mut under_parent = false;
    while let Some(row) = rows.next() {
        r = body.label(ws, row, r)?;
        body.cells(ws, (row.kind, &row.cells), r)?;
        under_parent = match row.kind {
            RowKind::Parent => true,
            RowKind::Part => under_parent,
            _ => false,
        };
        // A unit prints on the page of its first category, and a parent's
        // last category on the page of its first unit.
        let next_part = rows.peek().is_some_and(|next| next.kind == RowKind::Part);
        if next_part || (under_parent && row.kind == RowKind::Part) {
            body.h.keep_with_next(r);
        }
        r += 1;
    }
    body.cf.apply(ws)?;
    // A list form's people, each row made as it is written.
    if !table.people.is_empty() {
        let (f, w, lead) = (body.f, body.w, body.lead);
        let heights = lists.write(&ws.name(), r, &table.people, |rows, r, k, p| {
            let fields = super::people::fields(form, input, (k + 1, *p));
            person(rows, (f, w, lead), &fields, r)
        })?;
        for h in heights {
            body.h.record(r, h);
            r += 1;
        }
    }
    Ok(r)
}

/// The body being written.
struct Body<'a> {
    f: &'a Formats,
    form: &'a Form,
    w: &'a Widths,
    /// The rows' heights, as set.
    h: &'a mut Heights,
    l: &'a labels::FormLabels,
    /// Columns before the figures.
    lead: u16,
    cf: RunFormats<'a>,
    /// The criteria group of the last criterion row.
    group: Option<&'a [String]>,
    /// The numbers of the unit rows above, by depth: a unit under a
    /// parent numbered 9 is 9.1, 9.2 …, so "Tổng số" adds the rows numbered
    /// without a dot.
    unit_no: Vec<u32>,
}

impl<'a> Body<'a> {
    /// A row's number and label (for a criterion whose group changes, a
    /// group heading row first); returns the row its figures go on.
    fn label(&mut self, ws: &mut Worksheet, row: &TableRow, mut r: u32) -> Result<u32, XlsxError> {
        let (f, cf) = (self.f, &mut self.cf);
        match row.kind {
            RowKind::Total => {
                cf.text(ws, r, 0, "", &f.cell_bold)?;
                cf.text(ws, r, 1, self.l.total, &f.cell_bold)?;
            }
            RowKind::Unit | RowKind::Parent => {
                // Depth counted from the first row's (a roster whose units
                // all sit under one parent starts below it).
                let depth = row.depth.min(self.unit_no.len());
                self.unit_no.truncate(depth + 1);
                self.unit_no.resize(depth + 1, 0);
                self.unit_no[depth] += 1;
                if depth == 0 {
                    cf.number(ws, r, 0, f64::from(self.unit_no[0]), &f.int)?;
                } else {
                    let n: Vec<String> = self.unit_no.iter().map(u32::to_string).collect();
                    cf.text(ws, r, 0, &n.join("."), &f.int)?;
                }
                if row.kind == RowKind::Parent {
                    // A parent prints on the page of its first unit.
                    self.h.keep_with_next(r);
                }
                let parent = row.kind == RowKind::Parent;
                let indent = if parent { 0 } else { row.depth.min(5) };
                let fmt = if parent {
                    &f.cell_bold
                } else {
                    &f.cell[indent]
                };
                cf.text(ws, r, 1, &row.label, fmt)?;
                let ty = Type {
                    size: 10.0,
                    bold: parent,
                };
                let w = self.w.indented(1, indent);
                self.h.fit(ws, &w, r, [(1, row.label.as_str())], ty)?;
            }
            RowKind::Criterion => r = self.criterion(ws, row, r)?,
            RowKind::Part => {
                // One category of the row above: no number of its own.
                cf.text(ws, r, 0, "", &f.cell[0])?;
                let label = format!("– {}", row.label);
                let indent = (row.depth + 1).min(5);
                cf.text(ws, r, 1, &label, &f.cell[indent])?;
                let w = self.w.indented(1, indent);
                self.h.fit(ws, &w, r, [(1, label.as_str())], 10.0)?;
            }
            RowKind::Person => {}
        }
        Ok(r)
    }

    /// A criterion's number and label, under a group heading row when the
    /// criterion's group changes; returns the criterion's row.
    fn criterion(
        &mut self,
        ws: &mut Worksheet,
        row: &TableRow,
        mut r: u32,
    ) -> Result<u32, XlsxError> {
        let (f, form) = (self.f, self.form);
        let i = form
            .criteria
            .iter()
            .position(|c| Some(&c.number) == row.code.as_ref())
            .unwrap_or(0);
        let g = form.criteria[i].group.as_slice();
        if self.group != Some(g) && !g.is_empty() {
            let text = g.join(" – ");
            self.cf.text(ws, r, 0, "", &f.cell_bold)?;
            self.cf.text(ws, r, 1, &text, &f.cell_bold)?;
            for c in 0..row.cells.len() {
                let col = self.lead + u16::try_from(c).unwrap_or(0);
                self.cf.blank(ws, r, col, &f.cell_bold)?;
            }
            self.h
                .fit(ws, self.w, r, [(1, text.as_str())], Type::bold(10.0))?;
            self.h.keep_with_next(r);
            r += 1;
        }
        self.group = Some(g);
        let star = form.mark(&form.criteria[i]);
        self.cf
            .text(ws, r, 0, row.code.as_deref().unwrap_or(""), &f.cell[0])?;
        let label = format!("{}{star}", row.label);
        // A criterion numbered "1" heads its block; "1.2" is within one.
        let head = !row.code.as_deref().unwrap_or("").contains('.');
        let fmt = if head { &f.cell_bold } else { &f.cell[1] };
        self.cf.text(ws, r, 1, &label, fmt)?;
        let ty = Type {
            size: 10.0,
            bold: head,
        };
        let w = self.w.indented(1, usize::from(!head));
        self.h.fit(ws, &w, r, [(1, label.as_str())], ty)?;
        Ok(r)
    }

    /// A row's figures (bold on "Tổng số" and parents), or a person's
    /// fields with the row as tall as its texts.
    fn cells(
        &mut self,
        ws: &mut Worksheet,
        (kind, cells): (RowKind, &[Cell]),
        r: u32,
    ) -> Result<(), XlsxError> {
        let f = self.f;
        let bold = matches!(kind, RowKind::Total | RowKind::Parent);
        for (c, cell) in cells.iter().enumerate() {
            let col = self.lead + u16::try_from(c).unwrap_or(0);
            match cell {
                Cell::Blank => self.cf.blank(ws, r, col, &f.cell[0])?,
                Cell::Count(v) => {
                    let fmt = if bold { &f.int_bold } else { &f.int };
                    self.cf.number(ws, r, col, *v as f64, fmt)?;
                }
                Cell::Mean(v) => {
                    let fmt = if bold { &f.mean_bold } else { &f.mean };
                    self.cf.number(ws, r, col, *v, fmt)?;
                }
                Cell::Text(s) => self.cf.text(ws, r, col, s, &f.cell[0])?,
            }
        }
        Ok(())
    }
}

/// A person's fields on row `r`, the row as tall as its texts (one line of
/// the sheet's default otherwise); returns the row's height.
fn person<'f>(
    rows: &mut crate::output::ListRows<'_, 'f>,
    (f, w, lead): (&'f Formats, &Widths, u16),
    fields: &[Field<'_>],
    r: u32,
) -> Result<f64, XlsxError> {
    let texts = fields.iter().enumerate().filter_map(|(c, x)| match x {
        Field::Text(s) => Some((u16::try_from(c).unwrap_or(0), s.as_ref())),
        _ => None,
    });
    let h = w
        .row_height(texts, 10.0)
        .unwrap_or(super::sheet::ROW_HEIGHT);
    rows.row(r, Some(h))?;
    for (c, field) in fields.iter().enumerate() {
        let col = lead + u16::try_from(c).unwrap_or(0);
        match field {
            Field::Blank => rows.blank(col, &f.cell[0])?,
            Field::Count(v) => rows.number(col, *v as f64, &f.int)?,
            Field::Text(s) => rows.text(col, s, &f.cell[0])?,
        }
    }
    Ok(h)
}
