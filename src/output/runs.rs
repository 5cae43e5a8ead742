//! Cells written bare and formatted afterwards, a run at a time.
//!
//! rust_xlsxwriter looks a cell's format up by hashing the whole `Format`
//! (font name, borders, fills, number format: SipHash, then an equality
//! check) on every `write_*_with_format`. On the national forms workbook
//! (BM03/BM04 list 447k people each, 11 M formatted cells) that lookup was
//! 28% of the run's CPU samples (perf, release, 2 cores). A range format
//! looks its format up once: here a row's values are written bare and each
//! run of neighbouring cells in one format gets one `set_range_format` when
//! the row is done (while the row is still in memory, also on a
//! constant-memory sheet, which flushes a row when the next one starts).
//! Formatting whole columns at the end instead was slower (a lookup per
//! cell in a cold row table).

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::fit_cell;

/// The formats of the row being written.
#[derive(Default)]
pub struct RunFormats<'f> {
    /// The row, and its runs: (first column, last column, format).
    row: Option<u32>,
    runs: Vec<(u16, u16, &'f Format)>,
}

impl<'f> RunFormats<'f> {
    /// No cells yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Text, written as text (never a formula) and cut to Excel's limit.
    pub fn text(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        s: &str,
        format: &'f Format,
    ) -> Result<(), XlsxError> {
        self.blank(ws, row, col, format)?;
        if !s.is_empty() {
            ws.write_string(row, col, fit_cell(s))?;
        }
        Ok(())
    }

    /// A number.
    pub fn number(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        v: f64,
        format: &'f Format,
    ) -> Result<(), XlsxError> {
        self.blank(ws, row, col, format)?;
        ws.write_number(row, col, v)?;
        Ok(())
    }

    /// A date (its format gives it the look of one).
    pub fn date(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        d: chrono::NaiveDate,
        format: &'f Format,
    ) -> Result<(), XlsxError> {
        self.blank(ws, row, col, format)?;
        ws.write_datetime(row, col, d)?;
        Ok(())
    }

    /// A formatted empty cell (or the format of a cell about to be written
    /// bare). Cells of a row come left to right; a new row formats the last.
    pub fn blank(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        format: &'f Format,
    ) -> Result<(), XlsxError> {
        if self.row != Some(row) {
            self.apply(ws)?;
            self.row = Some(row);
        }
        match self.runs.last_mut() {
            Some((_, last, f)) if std::ptr::eq(*f, format) && *last + 1 == col => *last = col,
            _ => self.runs.push((col, col, format)),
        }
        Ok(())
    }

    /// Formats the runs of the row being written; call once the last row is
    /// written.
    pub fn apply(&mut self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        if let Some(row) = self.row.take() {
            for (first, last, f) in self.runs.drain(..) {
                ws.set_range_format(row, first, row, last, f)?;
            }
        }
        Ok(())
    }
}
