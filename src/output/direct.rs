//! Long lists written as worksheet XML by this tool, deflated on every core.
//!
//! rust_xlsxwriter spends about 7 µs per list row of eight cells (its cell
//! table, a format lookup per run, a temporary file) and deflates the whole
//! package on one core when it saves. A long list's rows are plain: text,
//! numbers and dates in a handful of formats, a height per row. Here they are
//! written as `<row>` XML straight into buffers of a few megabytes, each
//! deflated on its own (as pigz does: a sync flush ends each part on a byte,
//! so the parts join into one deflate stream), on every core. The sheet's
//! heading, columns, page setup and everything else still come from
//! rust_xlsxwriter; [`super::package`] splices the rows into its sheet when
//! the workbook is saved.
//!
//! A cell's format is the workbook's index of it (`s="…"`): the formats a
//! list uses are registered with the workbook before any other
//! ([`Styles::register`]), so their indices are known (rust_xlsxwriter gives
//! each new format the next index, the default format 0).

use std::io::Write as _;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, IntoExcelDateTime, Workbook, XlsxError};

use super::deflate::{Deflated, deflate};
use super::escape::escape;
use super::fit_cell;

/// The workbook indices of the formats the direct lists use.
#[derive(Debug)]
pub(super) struct Styles {
    /// Index i: the workbook's format i (0 the default).
    known: Vec<Format>,
    /// Index i: the cell attribute naming it (` s="i"`, none for 0).
    attrs: Vec<Vec<u8>>,
}

impl Styles {
    /// Registers `formats` with `wb`, which must not have indexed any format
    /// yet (call it right after creating the workbook, before any sheet).
    pub(super) fn register(wb: &mut Workbook, formats: &[&Format]) -> Self {
        debug_assert!(wb.worksheets().is_empty(), "formats registered first");
        let mut known = vec![Format::default()];
        for f in formats {
            wb.register_format(f);
            if !known.contains(f) {
                known.push((*f).clone());
            }
        }
        let attrs = (0..known.len())
            .map(|i| match i {
                0 => Vec::new(),
                i => format!(" s=\"{i}\"").into_bytes(),
            })
            .collect();
        Self { known, attrs }
    }

    fn index(&self, f: &Format) -> Option<u32> {
        self.known
            .iter()
            .position(|k| k == f)
            .and_then(|i| u32::try_from(i).ok())
    }
}

/// Uncompressed XML gathered before a part is deflated (small in unit
/// tests, so that their lists take many parts).
const PART: usize = if cfg!(test) { 4096 } else { 4 << 20 };

/// A list's rows, written and deflated; spliced into its sheet on saving.
#[derive(Debug)]
pub struct Rows {
    /// The sheet's name.
    pub(super) sheet: String,
    /// The first and last rows and the last column written (0-based), if any.
    pub(super) span: Option<(u32, u32, u16)>,
    /// The rows' XML, deflated in parts that join in this order.
    pub(super) xml: Vec<Deflated>,
}

/// Writes a list's rows as XML: [`ListRows::row`], then its cells left to
/// right, row after row downwards.
pub struct ListRows<'s, 'f> {
    styles: &'s Styles,
    sheet: String,
    /// Formats met so far, with their index (found by address: a format
    /// borrowed for the list's life keeps its address).
    seen: Vec<(&'f Format, u32)>,
    xml: Vec<u8>,
    parts: Vec<Vec<u8>>,
    done: Vec<Deflated>,
    row: Option<u32>,
    /// The last column written on the row.
    col: Option<u16>,
    span: Option<(u32, u32, u16)>,
    /// Column names (A, B, …) by index.
    names: Vec<String>,
    /// The row's number as Excel shows it, in digits.
    number: Vec<u8>,
    /// The last height written, in pixels, and its attributes.
    height: Option<(f64, Vec<u8>)>,
}

impl<'s, 'f> ListRows<'s, 'f> {
    /// Rows for the sheet named `sheet`.
    #[must_use]
    pub(super) fn new(styles: &'s Styles, sheet: &str) -> Self {
        Self {
            styles,
            sheet: sheet.to_string(),
            seen: Vec::new(),
            xml: Vec::with_capacity(PART + (64 << 10)),
            parts: Vec::new(),
            done: Vec::new(),
            row: None,
            col: None,
            span: None,
            names: Vec::new(),
            number: Vec::new(),
            height: None,
        }
    }

    /// Starts row `r` (0-based), below the last; `height` in points (`None`:
    /// the sheet's default), rounded to pixels as rust_xlsxwriter does.
    pub fn row(&mut self, r: u32, height: Option<f64>) -> Result<(), XlsxError> {
        if usize::try_from(r).map_or(true, |r| r >= super::EXCEL_MAX_ROWS) {
            return Err(XlsxError::RowColumnLimitError);
        }
        if self.row.is_some_and(|p| p >= r) {
            return Err(XlsxError::ParameterError(format!(
                "list rows out of order: row {} after row {}",
                r + 1,
                self.row.map_or(0, |p| p + 1)
            )));
        }
        self.end_row()?;
        self.row = Some(r);
        self.col = None;
        self.span = Some(self.span.map_or((r, r, 0), |(first, _, c)| (first, r, c)));
        self.number.clear();
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(u64::from(r) + 1).as_bytes();
        self.number.extend_from_slice(digits);
        self.xml.extend_from_slice(b"<row r=\"");
        self.xml.extend_from_slice(&self.number);
        self.xml.push(b'"');
        // A height of no pixel would hide the row: the default instead.
        let pixels = height
            .map(|h| (h * 4.0 / 3.0).round())
            .filter(|p| *p >= 1.0);
        if let Some(pixels) = pixels {
            // Most rows of a list are as tall as the row before.
            if self.height.as_ref().is_none_or(|(p, _)| *p != pixels) {
                let attrs = format!(" ht=\"{}\" customHeight=\"1\"", pixels * 0.75);
                self.height = Some((pixels, attrs.into_bytes()));
            }
            if let Some((_, attrs)) = &self.height {
                self.xml.extend_from_slice(attrs);
            }
        }
        self.xml.push(b'>');
        Ok(())
    }

    /// Text, written as text (never a formula), cut to Excel's limit.
    pub fn text(&mut self, col: u16, s: &str, format: &'f Format) -> Result<(), XlsxError> {
        if s.is_empty() {
            return self.blank(col, format);
        }
        let s = fit_cell(s);
        self.open_cell(col, format)?;
        let preserve = s.starts_with(['\t', '\n', ' ']) || s.ends_with(['\t', '\n', ' ']);
        self.xml.extend_from_slice(if preserve {
            b" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        } else {
            b" t=\"inlineStr\"><is><t>"
        });
        escape(&mut self.xml, &s);
        self.xml.extend_from_slice(b"</t></is></c>");
        Ok(())
    }

    /// A number.
    pub fn number(&mut self, col: u16, v: f64, format: &'f Format) -> Result<(), XlsxError> {
        if !v.is_finite() {
            // As rust_xlsxwriter writes them.
            let shown = if v.is_nan() {
                "NAN"
            } else if v > 0.0 {
                "INF"
            } else {
                "-INF"
            };
            return self.text(col, shown, format);
        }
        self.open_cell(col, format)?;
        self.xml.extend_from_slice(b"><v>");
        if v.fract() == 0.0 && v.abs() < 1e15 {
            // Exact: |v| < 1e15 is an integer i64 holds.
            #[allow(clippy::cast_possible_truncation)]
            let mut digits = itoa::Buffer::new();
            self.xml
                .extend_from_slice(digits.format(v as i64).as_bytes());
        } else {
            let _ = write!(self.xml, "{v}");
        }
        self.xml.extend_from_slice(b"</v></c>");
        Ok(())
    }

    /// A formula (`=` first, as rust_xlsxwriter takes it) with the number
    /// it gives, which spreadsheets show until they recalculate.
    pub fn formula(
        &mut self,
        col: u16,
        formula: &str,
        value: f64,
        format: &'f Format,
    ) -> Result<(), XlsxError> {
        self.open_cell(col, format)?;
        self.xml.extend_from_slice(b"><f>");
        escape(&mut self.xml, formula.strip_prefix('=').unwrap_or(formula));
        self.xml.extend_from_slice(b"</f><v>");
        let _ = write!(self.xml, "{value}");
        self.xml.extend_from_slice(b"</v></c>");
        Ok(())
    }

    /// A date (its format gives it the look of one).
    pub fn date(&mut self, col: u16, d: NaiveDate, format: &'f Format) -> Result<(), XlsxError> {
        self.number(col, d.to_excel_serial_date(), format)
    }

    /// An empty cell with a format.
    pub fn blank(&mut self, col: u16, format: &'f Format) -> Result<(), XlsxError> {
        self.open_cell(col, format)?;
        self.xml.extend_from_slice(b"/>");
        Ok(())
    }

    /// The rows written, deflated.
    pub fn finish(mut self) -> Result<Rows, XlsxError> {
        self.end_row()?;
        let tail = std::mem::take(&mut self.xml);
        self.parts.push(tail);
        self.deflate_parts()?;
        Ok(Rows {
            sheet: self.sheet,
            span: self.span,
            xml: self.done,
        })
    }

    /// Writes `<c r="B7" s="3"` (`<c s="3"` right after the cell in A7),
    /// leaving the element open. A cell refused (out of order, or of a
    /// format not registered) leaves the row as it was.
    fn open_cell(&mut self, col: u16, format: &'f Format) -> Result<(), XlsxError> {
        if self.row.is_none() {
            return Err(XlsxError::ParameterError(
                "a list cell before its row".into(),
            ));
        }
        if col > 16_383 || self.col.is_some_and(|c| c >= col) {
            return Err(XlsxError::RowColumnLimitError);
        }
        let xf = self.xf(format)?;
        let next = self.col.is_some_and(|c| c + 1 == col);
        self.col = Some(col);
        if next {
            // The cell right after the one before names no reference: it
            // is the next column (ECMA-376 §18.3.1.4: `r` is optional), as
            // Microsoft's Dynamics and Power BI exports write it. The
            // reference was a fifth of a list's XML and half of what
            // deflate could not shrink (the national plan's retirement
            // list: 193 MB of XML, 24 MB deflated, without the references
            // 155 and 12.5 MB, deflating in 0.42 s instead of 0.68).
            self.xml.extend_from_slice(b"<c");
        } else {
            let c = usize::from(col);
            while self.names.len() <= c {
                let n = u16::try_from(self.names.len()).unwrap_or(u16::MAX);
                self.names
                    .push(rust_xlsxwriter::utility::column_number_to_name(n));
            }
            self.xml.extend_from_slice(b"<c r=\"");
            self.xml.extend_from_slice(self.names[c].as_bytes());
            self.xml.extend_from_slice(&self.number);
            self.xml.push(b'"');
        }
        if let Some(attr) = self.styles.attrs.get(xf as usize) {
            self.xml.extend_from_slice(attr);
        }
        self.span = self.span.map(|(first, last, c)| (first, last, c.max(col)));
        Ok(())
    }

    fn xf(&mut self, format: &'f Format) -> Result<u32, XlsxError> {
        if let Some(&(_, xf)) = self.seen.iter().find(|(f, _)| std::ptr::eq(*f, format)) {
            return Ok(xf);
        }
        let xf = self.styles.index(format).ok_or_else(|| {
            XlsxError::ParameterError("a list cell's format was not registered".into())
        })?;
        self.seen.push((format, xf));
        Ok(xf)
    }

    fn end_row(&mut self) -> Result<(), XlsxError> {
        if self.row.is_some() {
            self.xml.extend_from_slice(b"</row>");
        }
        if self.xml.len() >= PART {
            let full = std::mem::replace(&mut self.xml, Vec::with_capacity(PART + (64 << 10)));
            self.parts.push(full);
            if self.parts.len() >= 2 * rayon::current_num_threads() {
                self.deflate_parts()?;
            }
        }
        Ok(())
    }

    /// Deflates the parts gathered, on every core, in order.
    fn deflate_parts(&mut self) -> Result<(), XlsxError> {
        use rayon::prelude::*;
        let parts = std::mem::take(&mut self.parts);
        let deflated: Vec<Deflated> = parts
            .par_iter()
            .map(|p| deflate(p, false))
            .collect::<Result<_, _>>()?;
        self.done.extend(deflated);
        Ok(())
    }
}
