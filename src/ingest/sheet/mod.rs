//! Raw sheets: cell values as the file held them, columns interned per
//! column (dense or sparse), and the grid with the row numbers Excel shows.

mod builder;
mod intern;

pub(crate) use builder::SheetBuilder;
pub(crate) use intern::CellRef;

use compact_str::CompactString;

use super::EXCEL_MAX_CHARS;
use crate::issues::Problem;
use crate::legacy::Encoding;

/// One cell value as the file held it. Empty cells are not values (id 0).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RawValue {
    /// Text (cleaned: NFC, whitespace collapsed, legacy encodings converted).
    /// Up to 24 bytes are stored inline: a national roster's millions of
    /// distinct ids cost no allocation each (240 MB less at 2.5 M rows).
    Text(CompactString),
    /// A number, as `f64` bits.
    Number(u64),
    /// An Excel date cell, as days since 0001-01-01 (`num_days_from_ce`).
    Date(i32),
    /// A boolean cell.
    Bool(bool),
    /// An Excel error value such as `#N/A`.
    Error(Box<str>),
}

// A value is three words; a text of up to 24 bytes needs nothing more.
const _: () = assert!(std::mem::size_of::<RawValue>() == 24);

impl RawValue {
    /// A number value.
    #[must_use]
    pub fn number(n: f64) -> Self {
        RawValue::Number(n.to_bits())
    }

    /// The value as text, the way a spreadsheet shows it.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            RawValue::Text(s) => s.to_string(),
            RawValue::Error(s) => s.to_string(),
            RawValue::Number(bits) => format_number(f64::from_bits(*bits)),
            RawValue::Date(days) => chrono::NaiveDate::from_num_days_from_ce_opt(*days)
                .map_or_else(String::new, |d| d.format("%d/%m/%Y").to_string()),
            RawValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }

    /// The value as a spreadsheet shows it, borrowed for text (no
    /// allocation for the millions of distinct ids of a national roster).
    #[must_use]
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self {
            RawValue::Text(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.display()),
        }
    }

    /// The text, for text values.
    #[must_use]
    pub fn as_text(&self) -> Option<&str> {
        match self {
            RawValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// Formats a number as a spreadsheet shows it: whole numbers without a
/// decimal point, so numeric ids keep their digits.
#[must_use]
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// One column of a sheet: a value id per row (0 = empty) and the distinct
/// values. Dense (an id per row) or, for a column with few cells among many
/// rows, sparse (the rows that have a cell, and their ids): memory follows
/// the cells a file holds, never the rows × columns it spans.
#[derive(Debug, Default)]
pub struct RawColumn {
    ids: Vec<u32>,
    /// For a sparse column: the grid row of each id, ascending.
    rows: Option<Vec<u32>>,
    dict: Vec<RawValue>,
}

impl RawColumn {
    /// Makes a column built sparse (or empty) dense over `rows` rows.
    fn densify(&mut self, rows: usize) {
        if let Some(at) = self.rows.take() {
            let mut dense = vec![0; rows];
            for (r, id) in at.iter().zip(&self.ids) {
                dense[*r as usize] = *id;
            }
            self.ids = dense;
        }
        self.ids.resize(rows, 0);
    }

    /// The value at a row, if the cell is not empty.
    #[must_use]
    pub fn get(&self, row: usize) -> Option<&RawValue> {
        self.id(row).map(|id| &self.dict[id - 1])
    }

    /// The value id at a row (1-based into [`Self::values`]), if not empty.
    #[must_use]
    pub fn id(&self, row: usize) -> Option<usize> {
        let id = match &self.rows {
            None => self.ids.get(row).copied(),
            Some(rows) => u32::try_from(row)
                .ok()
                .and_then(|r| rows.binary_search(&r).ok())
                .map(|k| self.ids[k]),
        };
        match id.unwrap_or(0) {
            0 => None,
            id => Some(id as usize),
        }
    }

    /// The distinct values; id `n` is `values()[n - 1]`.
    #[must_use]
    pub fn values(&self) -> &[RawValue] {
        &self.dict
    }

    /// Every (grid row, id) of a non-empty cell, in row order.
    pub fn cells(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let rows = self.rows.as_deref();
        self.ids
            .iter()
            .enumerate()
            .filter(|(_, id)| **id != 0)
            .map(move |(k, id)| (rows.map_or(k, |r| r[k] as usize), *id as usize))
    }
}

/// One sheet (or one text file) as read.
#[derive(Debug)]
pub struct RawSheet {
    /// Index into [`RawInput::files`].
    pub file: usize,
    /// Sheet name (the file name for text files).
    pub name: String,
    /// The row number Excel shows, per grid row.
    pub excel_rows: Vec<u32>,
    /// The columns, left to right from column A.
    pub columns: Vec<RawColumn>,
    /// The encoding the text was typed in (converted to Unicode here).
    pub encoding: Encoding,
    /// Non-empty cells per grid row.
    filled: Vec<u32>,
    /// Problems found while reading, each a data issue on its row.
    pub notes: Vec<IngestNote>,
}

/// A problem found while reading a file (a stray quote, invalid bytes),
/// reported as a data issue on its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestNote {
    /// Grid row index (see [`RawSheet::excel_rows`]).
    pub row: usize,
    /// Column index, when the problem is in one cell; otherwise the issue
    /// names the row's full-name cell.
    pub col: Option<usize>,
    /// What is wrong.
    pub problem: Problem,
}

/// How the physical lines of a delimited file were read. Always
/// `lines = rows + in_quoted_cells`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineAccount {
    /// Physical lines in the file (CRLF, LF and a lone CR each end one).
    pub lines: u64,
    /// Rows read (one per record or blank line: Excel's rows).
    pub rows: u64,
    /// Lines continuing a quoted cell of the row above.
    pub in_quoted_cells: u64,
}

impl RawSheet {
    /// Number of grid rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.excel_rows.len()
    }

    /// True when the sheet has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.excel_rows.is_empty()
    }

    /// The cell at (row, column).
    #[must_use]
    pub fn cell(&self, row: usize, col: usize) -> Option<&RawValue> {
        self.columns.get(col).and_then(|c| c.get(row))
    }

    /// The cell's text as displayed ("" when empty).
    #[must_use]
    pub fn cell_text(&self, row: usize, col: usize) -> String {
        self.cell(row, col)
            .map(RawValue::display)
            .unwrap_or_default()
    }

    /// Text cells longer than an Excel cell holds: (grid row, column, characters).
    #[must_use]
    pub fn overlong_cells(&self) -> Vec<(usize, usize, usize)> {
        let limit = EXCEL_MAX_CHARS;
        let mut out = Vec::new();
        for (c, column) in self.columns.iter().enumerate() {
            // Most columns have none: checked before a flag per distinct
            // value is allocated (2.5 M of them for the national roster's ids).
            let any_long = column
                .dict
                .iter()
                .any(|v| matches!(v, RawValue::Text(s) if s.len() > limit));
            if !any_long {
                continue;
            }
            let long: Vec<Option<usize>> = column
                .dict
                .iter()
                .map(|v| match v {
                    RawValue::Text(s) if s.len() > limit => {
                        let units = s.encode_utf16().count();
                        (units > limit).then(|| s.chars().count())
                    }
                    _ => None,
                })
                .collect();
            if long.iter().all(Option::is_none) {
                continue;
            }
            for (r, id) in column.cells() {
                if let Some(chars) = long[id - 1] {
                    out.push((r, c, chars));
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// True when every cell of the row is empty.
    #[must_use]
    pub fn row_is_blank(&self, row: usize) -> bool {
        self.filled(row) == 0
    }

    /// The number of non-empty cells in a row.
    #[must_use]
    pub fn filled(&self, row: usize) -> usize {
        self.filled.get(row).map_or(0, |n| *n as usize)
    }
}
