//! A filled form as a sheet in the official layout: form code and legal
//! basis top left, reporting and receiving units top right, title, scope,
//! "Tính đến ngày …", "Đơn vị tính: người", the column tree, the number row,
//! "Tổng số", the rows, the notes and the signature footer; A4 with the
//! report's document settings, every row's height set and every page break
//! laid out (`output::set_page_breaks`) so that the notes and signatures
//! print with the table's last rows and a heading with the rows below it.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::def::Orientation;
use super::formats::Formats;
use super::{Form, FormTable};
use crate::labels::{self, Lang};
use crate::output::{self, Heights, Widths};

/// What the sheet needs besides the form and its figures.
#[derive(Debug, Clone, Copy)]
pub struct SheetInput<'a> {
    /// Language of the fixed texts.
    pub lang: Lang,
    /// As-of date.
    pub as_of: chrono::NaiveDate,
    /// The reporting unit ("……" when not given).
    pub reporting_unit: Option<&'a str>,
    /// The roster and hierarchy the list forms' people rows are made from.
    pub roster: &'a crate::roster::Roster,
    /// See `roster`.
    pub hierarchy: &'a crate::units::Hierarchy,
}

/// Header labels of the data columns: (number, label, group path).
fn columns(form: &Form) -> Vec<(String, String, &[String])> {
    match form.orientation {
        Orientation::Criteria => form
            .blocks
            .iter()
            .map(|(b, _)| (b.number.clone(), b.label.clone(), b.group.as_slice()))
            .collect(),
        _ => form
            .criteria
            .iter()
            .map(|c| {
                let star = form.mark(c);
                (
                    c.number.clone(),
                    format!("{}{star}", c.label),
                    c.group.as_slice(),
                )
            })
            .collect(),
    }
}

/// First row, first column, last row, last column.
type Range = (u32, u16, u32, u16);

fn merge_or_write(
    ws: &mut Worksheet,
    (r1, c1, r2, c2): Range,
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if r1 == r2 && c1 == c2 {
        output::text_with_format(ws, r1, c1, text, f)
    } else {
        ws.merge_range(r1, c1, r2, c2, &output::fit_cell(text), f)?;
        Ok(())
    }
}

/// A form sheet being written: its formats, labels and columns.
struct Sheet<'a> {
    f: Formats,
    l: &'static labels::FormLabels,
    form: &'a Form,
    input: &'a SheetInput<'a>,
    cols: Vec<(String, String, &'a [String])>,
    /// Columns before the data columns (STT and name, or none for lists).
    lead: u16,
    last: u16,
    right_from: u16,
    w: Widths,
}

/// Every form's sheet, named for its code, laid out side by side (one form
/// per core) and returned in the forms' order. A list form's sheet keeps
/// constant memory for its heading and tail, and its people's rows go
/// through `lists`: the national BM04 list is 447k rows.
pub fn sheets(
    wb: &mut Workbook,
    forms: &[Form],
    tables: &[FormTable],
    input: &SheetInput<'_>,
    lists: &output::Lists,
) -> Result<Vec<Worksheet>, XlsxError> {
    use rayon::prelude::*;
    Formats::new().register(wb);
    let mut sheets = forms
        .iter()
        .map(|form| {
            let mut ws = if form.orientation == Orientation::People {
                wb.new_worksheet_with_constant_memory()?
            } else {
                Worksheet::new()
            };
            ws.set_name(sheet_name(&form.code))?;
            Ok(ws)
        })
        .collect::<Result<Vec<_>, XlsxError>>()?;
    sheets
        .par_iter_mut()
        .zip(forms.par_iter().zip(tables.par_iter()))
        .try_for_each(|(ws, (form, table))| write(ws, form, table, input, lists))?;
    Ok(sheets)
}

/// A sheet name from a form code: Excel forbids `/` in names.
fn sheet_name(code: &str) -> String {
    code.replace(['/', '\\', '?', '*', '[', ']', ':'], "-")
        .chars()
        .take(31)
        .collect()
}

/// The direct lists of a forms workbook (the list forms' people), their
/// formats registered: call it first on the workbook.
pub fn lists(wb: &mut Workbook) -> output::Lists {
    output::Lists::new(wb, &Formats::new().all())
}

/// Writes a filled form on `ws`.
pub fn write(
    ws: &mut Worksheet,
    form: &Form,
    table: &FormTable,
    input: &SheetInput<'_>,
    lists: &output::Lists,
) -> Result<(), XlsxError> {
    let cols = columns(form);
    // Leading columns: STT and the unit's name (units), or the criterion's
    // number and label (criteria); list forms carry their own.
    let lead: u16 = if form.orientation == Orientation::People {
        0
    } else {
        2
    };
    let last = lead + u16::try_from(cols.len()).unwrap_or(u16::MAX) - 1;
    let w = Widths::set(ws, &super::formats::widths(form, table, lead, last))?;
    let mut h = Heights::new(ws, ROW_HEIGHT);
    let sheet = Sheet {
        f: Formats::new(),
        l: labels::forms(input.lang),
        form,
        input,
        cols,
        lead,
        last,
        right_from: last - (last / 3).max(1),
        w,
    };
    sheet.heading(ws, &mut h)?;
    let (top, nr) = sheet.column_tree(ws, &mut h)?;
    let (f, w) = (&sheet.f, &sheet.w);
    let r = super::rows::write_rows(
        ws,
        (f, lists),
        (form, table),
        (nr + 1, lead),
        (w, &mut h),
        input,
    )?;
    ws.set_repeat_rows(top, nr)?;
    let end = sheet.tail(ws, &mut h, table, r + 1)?;
    let landscape = form.orientation != Orientation::Criteria;
    output::page_setup(ws, landscape, None)?;
    // The last rows of the table go with the notes and the signatures
    // onto their page: the notes never start a page of their own under the
    // repeated header.
    let keep = output::KeepTogether {
        landscape,
        repeat: (top, nr),
        lead_in: (nr + 1).max(r.saturating_sub(KEPT_ROWS))..r,
        end: end + 1,
    };
    output::set_page_breaks(ws, &h, w.points(0, last), &keep)?;
    if form.orientation == Orientation::People {
        // A constant-memory sheet (see `sheets`).
        output::end_rows(ws, end + 1)?;
    }
    Ok(())
}

/// A row's height unless its text wraps: one line of 10-point Times New
/// Roman.
pub(super) const ROW_HEIGHT: f64 = 14.25;

/// Table rows printed with the notes and signatures at most.
const KEPT_ROWS: u32 = 3;

impl Sheet<'_> {
    /// Code and basis left; reporting unit, receiving unit and deadline
    /// right; title, scope, as-of date, unit of count.
    fn heading(&self, ws: &mut Worksheet, h: &mut Heights) -> Result<(), XlsxError> {
        let (f, l, form, last, right) = (&self.f, self.l, self.form, self.last, self.right_from);
        let third = (last / 3).max(1);
        // Row by row: a list form's sheet keeps constant memory, where a
        // row once left cannot be written again.
        let code = format!("{} {}", l.form_number, form.code);
        merge_or_write(ws, (0, 0, 0, third), &code, &f.left_bold)?;
        let unit = self.input.reporting_unit.unwrap_or(labels::BLANK);
        let unit = format!("{} {unit}", l.reporting_unit);
        merge_or_write(ws, (0, right, 0, last), &unit, &f.right)?;
        merge_or_write(ws, (1, 0, 2, third), &form.basis, &f.left_italic)?;
        let receiver = form.receiver.as_deref().unwrap_or(labels::BLANK);
        let receiver = format!("{} {receiver}", l.receiving_unit);
        merge_or_write(ws, (1, right, 1, last), &receiver, &f.right)?;
        if let Some(d) = &form.deadline {
            merge_or_write(
                ws,
                (2, right, 2, last),
                &format!("{} {d}", l.deadline),
                &f.right,
            )?;
        }
        if let Some(issuer) = &form.issuer {
            merge_or_write(ws, (3, 0, 3, third), issuer, &f.left_bold)?;
        }
        use chrono::Datelike;
        let title = form
            .title
            .replace("{year}", &self.input.as_of.year().to_string());
        let height = output::wrapped_height(&title, self.w.span(0, last), output::Type::bold(13.0))
            .max(20.0);
        h.set(ws, 4, height)?;
        merge_or_write(ws, (4, 0, 4, last), &title, &f.title)?;
        if let Some(scope) = &form.scope {
            merge_or_write(ws, (5, 0, 5, last), scope, &f.center_italic)?;
        }
        let as_of = labels::as_of_line(self.input.lang, self.input.as_of);
        merge_or_write(ws, (6, 0, 6, last), &as_of, &f.center_italic)?;
        merge_or_write(ws, (7, right, 7, last), l.count_unit, &f.right)
    }

    /// The column tree: group headings merged across their columns, each
    /// label from below its groups to the leaf row, then the number row.
    /// Returns the first header row and the number row.
    fn column_tree(&self, ws: &mut Worksheet, h: &mut Heights) -> Result<(u32, u32), XlsxError> {
        let (f, l, cols, lead) = (&self.f, self.l, &self.cols, self.lead);
        let col = |i: usize| lead + u16::try_from(i).unwrap_or(0);
        let top = 8;
        let depth = cols.iter().map(|c| c.2.len()).max().unwrap_or(0);
        let leaf_row = top + u32::try_from(depth).unwrap_or(0);
        let people = self.form.orientation == Orientation::People;
        // Every heading cell first, written below in row order (a list
        // form's sheet keeps constant memory).
        let mut cells: Vec<(Range, &str, &Format)> = Vec::new();
        if !people {
            let b = match self.form.orientation {
                Orientation::Criteria => l.criterion,
                _ => l.unit_name,
            };
            cells.push(((top, 0, leaf_row, 0), l.number, &f.head));
            cells.push(((top, 1, leaf_row, 1), b, &f.head));
        }
        let group_heights = self.groups(top, depth, &mut cells);
        let rotate = self.form.orientation == Orientation::Units;
        let fmt = if rotate { &f.head_rotated } else { &f.head };
        for (i, (_, label, group)) in cols.iter().enumerate() {
            let from = top + u32::try_from(group.len()).unwrap_or(0);
            cells.push(((from, col(i), leaf_row, col(i)), label, fmt));
        }
        let height = if rotate {
            let longest = cols.iter().map(|c| c.1.chars().count()).max().unwrap_or(10);
            (f64::from(u32::try_from(longest).unwrap_or(40)) * 5.2).clamp(40.0, 130.0)
        } else {
            // Each label wraps within its column, from below its groups to
            // the leaf row: the leaf row takes what the rows above it lack.
            cols.iter()
                .enumerate()
                .map(|(i, c)| {
                    let above: f64 = group_heights[c.2.len()..].iter().sum();
                    output::wrapped_height(&c.1, self.w.of(col(i)), output::Type::bold(10.0))
                        - above
                })
                .fold(15.0, f64::max)
        };
        for (r, g) in (top..).zip(&group_heights) {
            h.set(ws, r, *g)?;
        }
        h.set(ws, leaf_row, height)?;
        cells.sort_by_key(|(range, _, _)| (range.0, range.1));
        for (range, text, fmt) in cells {
            merge_or_write(ws, range, text, fmt)?;
        }
        let nr = leaf_row + 1;
        if !people {
            // A unit table letters its name column ("", "A", then 1, 2 …);
            // 8B numbers every column ("1 STT · 2 Tiêu chí · 3 Tổng …"), its
            // blocks from 3 on.
            let (a, b) = if self.form.orientation == Orientation::Criteria {
                ("1", "2")
            } else {
                ("", "A")
            };
            output::text_with_format(ws, nr, 0, a, &f.number_row)?;
            output::text_with_format(ws, nr, 1, b, &f.number_row)?;
        }
        for (i, (number, _, _)) in cols.iter().enumerate() {
            output::text_with_format(ws, nr, col(i), number, &f.number_row)?;
        }
        Ok((top, nr))
    }

    /// The group headings of each level of the column tree, merged across
    /// their columns, into `cells`; returns each level's row height.
    fn groups<'s>(
        &'s self,
        top: u32,
        depth: usize,
        cells: &mut Vec<(Range, &'s str, &'s Format)>,
    ) -> Vec<f64> {
        let (cols, lead) = (&self.cols, self.lead);
        let col = |i: usize| lead + u16::try_from(i).unwrap_or(0);
        let mut heights: Vec<f64> = vec![15.0; depth];
        for (level, height) in heights.iter_mut().enumerate() {
            let r = top + u32::try_from(level).unwrap_or(0);
            let mut i = 0;
            while i < cols.len() {
                if cols[i].2.len() <= level {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j + 1 < cols.len()
                    && cols[j + 1].2.len() > level
                    && cols[j + 1].2[..=level] == cols[i].2[..=level]
                {
                    j += 1;
                }
                let text = &cols[i].2[level];
                cells.push(((r, col(i), r, col(j)), text, &self.f.head));
                *height = (*height).max(output::wrapped_height(
                    text,
                    self.w.span(col(i), col(j)),
                    output::Type::bold(10.0),
                ));
                i = j + 1;
            }
        }
        heights
    }

    /// The notes under the table, then the place and date line and the
    /// signature blocks; returns the last row.
    fn tail(
        &self,
        ws: &mut Worksheet,
        h: &mut Heights,
        table: &FormTable,
        mut r: u32,
    ) -> Result<u32, XlsxError> {
        let (f, l, last) = (&self.f, self.l, self.last);
        let lines = super::notes::note_lines(self.form, table, self.input.lang);
        if !lines.is_empty() {
            output::text_with_format(ws, r, 0, l.notes, &f.left_bold)?;
            r += 1;
            for line in &lines {
                merge_or_write(ws, (r, 0, r, last), line, &f.note)?;
                h.set(
                    ws,
                    r,
                    output::wrapped_height(line, self.w.span(0, last), 10.0),
                )?;
                r += 1;
            }
        }
        r += 1;
        let place_date = labels::place_date_line(self.input.lang, None, None);
        merge_or_write(ws, (r, self.right_from, r, last), &place_date, &f.sign_note)?;
        r += 1;
        let blocks = self.form.footer.len().max(1);
        let span = (last + 1) / u16::try_from(blocks).unwrap_or(1);
        let columns = |i: usize| {
            let c1 = u16::try_from(i).unwrap_or(0) * span;
            (c1, if i + 1 == blocks { last } else { c1 + span - 1 })
        };
        // The titles' row, then the notes' (row by row: constant memory).
        for (i, [title, _]) in self.form.footer.iter().enumerate() {
            let (c1, c2) = columns(i);
            merge_or_write(ws, (r, c1, r, c2), title, &f.sign_title)?;
        }
        for (i, [_, note]) in self.form.footer.iter().enumerate() {
            let (c1, c2) = columns(i);
            merge_or_write(ws, (r + 1, c1, r + 1, c2), note, &f.sign_note)?;
        }
        Ok(r + 1)
    }
}
