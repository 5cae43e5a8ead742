//! Stage 1, files → raw sheets.
//!
//! Lists the roster files under the given paths (folders in sorted order),
//! reads every sheet of every workbook and every delimited text file into a
//! [`RawSheet`]: a grid of untyped cell values with the row numbers Excel
//! shows. Cells are interned per column, so later stages read and clean each
//! distinct value once, not once per cell. Legacy-encoded sheets (TCVN3, VNI)
//! are detected and converted here, before anything looks at their text.

mod delimited;
mod workbook;

pub use workbook::OWN_MARK;

use std::path::{Path, PathBuf};

use compact_str::CompactString;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::issues::Problem;
use crate::legacy::{self, Encoding};
use crate::text;

/// File extensions read as workbooks.
const WORKBOOK_EXT: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];
/// File extensions read as delimited text.
const TEXT_EXT: [&str; 3] = ["csv", "tsv", "txt"];

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

/// A cell as a reader hands it over: text borrowed from the file, or a value.
#[derive(Debug)]
pub(crate) enum CellRef<'a> {
    /// Text, not yet copied.
    Text(&'a str),
    /// Any other value.
    Value(RawValue),
}

/// Interns one column's values: each distinct value is stored once, in
/// `dict`, and looked up by borrowed text without allocating. A column whose
/// values turn out to be nearly all distinct (row numbers, ids) stops
/// looking values up and stores each cell: ids stay consistent either way.
#[derive(Debug, Default)]
struct Interner {
    /// (hash, id) pairs; the hash is kept so growing never rereads `dict`.
    table: HashTable<(u64, u32)>,
    state: DefaultHashBuilder,
    unique: bool,
}

/// Rows after which a column's distinctness is judged.
const UNIQUE_PROBE_ROWS: usize = 65_536;

impl Interner {
    fn hash_of(&self, cell: &CellRef<'_>) -> u64 {
        match cell {
            CellRef::Text(s) => self.hash_text(s.as_bytes()),
            CellRef::Value(RawValue::Text(s)) => self.hash_text(s.as_bytes()),
            CellRef::Value(other) => self.state.hash_one((1u8, other)),
        }
    }

    /// Text hashes as its bytes, so a cell not yet checked as UTF-8 finds
    /// its value too.
    fn hash_text(&self, b: &[u8]) -> u64 {
        self.state.hash_one((0u8, b))
    }

    /// The 1-based id of a cell's bytes in `dict`, adding it when new; `None`
    /// when a new value is not UTF-8 (values found are UTF-8 already).
    fn intern_bytes(&mut self, dict: &mut Vec<RawValue>, b: &[u8]) -> Option<u32> {
        if !self.unique {
            let hash = self.hash_text(b);
            let found = self.table.find(hash, |&(h, id)| {
                h == hash
                    && matches!(&dict[id as usize - 1], RawValue::Text(t) if t.as_bytes() == b)
            });
            if let Some(&(_, id)) = found {
                return Some(id);
            }
        }
        Some(self.intern(dict, CellRef::Text(std::str::from_utf8(b).ok()?)))
    }

    /// The 1-based id of `cell` in `dict`, adding it when new.
    fn intern(&mut self, dict: &mut Vec<RawValue>, cell: CellRef<'_>) -> u32 {
        if !self.unique {
            let hash = self.hash_of(&cell);
            let found = self.table.find(hash, |&(h, id)| {
                h == hash
                    && match (&cell, &dict[id as usize - 1]) {
                        (CellRef::Text(s), RawValue::Text(t)) => **t == **s,
                        (CellRef::Value(v), d) => v == d,
                        _ => false,
                    }
            });
            if let Some(&(_, id)) = found {
                return id;
            }
            let id = u32::try_from(dict.len() + 1).unwrap_or(u32::MAX);
            self.table.insert_unique(hash, (hash, id), |&(h, _)| h);
        }
        dict.push(match cell {
            CellRef::Text(s) => RawValue::Text(s.into()),
            CellRef::Value(v) => v,
        });
        u32::try_from(dict.len()).unwrap_or(u32::MAX)
    }

    /// After the probe rows: stop deduplicating a column of mostly distinct values.
    fn judge(&mut self, distinct: usize, rows: usize) {
        if distinct * 10 > rows * 9 {
            self.unique = true;
            self.table = HashTable::new();
        }
    }
}

/// Whether a cell's bytes are blank as text (`str::trim` leaves nothing);
/// `None` when they are not UTF-8. Decodes only cells without an ASCII
/// letter, digit or sign.
fn blank(b: &[u8]) -> Option<bool> {
    let ascii_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    if b.iter().any(|c| c.is_ascii() && !ascii_space(c)) {
        return Some(false);
    }
    std::str::from_utf8(b).ok().map(|s| s.trim().is_empty())
}

/// Builds a [`RawSheet`] row by row, interning values per column.
#[derive(Debug)]
pub(crate) struct SheetBuilder {
    excel_rows: Vec<u32>,
    columns: Vec<RawColumn>,
    index: Vec<Interner>,
    /// Problems found while reading.
    pub(crate) notes: Vec<IngestNote>,
}

impl SheetBuilder {
    pub(crate) fn new() -> Self {
        Self {
            excel_rows: Vec::new(),
            columns: Vec::new(),
            index: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Rows added so far.
    pub(crate) fn rows(&self) -> usize {
        self.excel_rows.len()
    }

    /// The (row, column) of every text cell containing `c`, as read (before
    /// cleaning), column by column.
    pub(crate) fn cells_containing(&self, c: char) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (col, column) in self.columns.iter().enumerate() {
            let hit: Vec<bool> = column
                .dict
                .iter()
                .map(|v| matches!(v, RawValue::Text(s) if s.contains(c)))
                .collect();
            if !hit.contains(&true) {
                continue;
            }
            for (row, id) in column.cells() {
                if hit[id - 1] {
                    out.push((row, col));
                }
            }
        }
        out
    }

    /// Adds a row; `cells` are (column, value) pairs, empty cells omitted.
    pub(crate) fn push_row<'a>(
        &mut self,
        excel_row: u32,
        cells: impl IntoIterator<Item = (usize, CellRef<'a>)>,
    ) {
        let row = self.excel_rows.len();
        if row == UNIQUE_PROBE_ROWS {
            for (c, index) in self.columns.iter().zip(&mut self.index) {
                index.judge(c.dict.len(), row);
            }
        }
        self.excel_rows.push(excel_row);
        for (col, cell) in cells {
            while self.columns.len() <= col {
                self.columns.push(RawColumn::default());
                self.index.push(Interner::default());
            }
            let column = &mut self.columns[col];
            let id = self.index[col].intern(&mut column.dict, cell);
            // Built sparse; made dense in `finish` where the cells fill it.
            column
                .rows
                .get_or_insert_with(Vec::new)
                .push(u32::try_from(row).unwrap_or(u32::MAX));
            column.ids.push(id);
        }
    }

    /// Builds a sheet column by column, in parallel: `spans[c][r]` is the
    /// byte range of row `r`'s cell in column `c` within `text` (empty cells
    /// are `0..0`), or an index into `owned` for cells that had to be
    /// unescaped (`start == u32::MAX`).
    pub(crate) fn from_spans(
        excel_rows: Vec<u32>,
        text: &str,
        owned: &[String],
        spans: &[Vec<(u32, u32)>],
    ) -> Self {
        use rayon::prelude::*;
        let (columns, index): (Vec<RawColumn>, Vec<Interner>) = spans
            .par_iter()
            .map(|col| {
                let mut column = RawColumn {
                    ids: Vec::with_capacity(col.len()),
                    rows: None,
                    dict: Vec::new(),
                };
                let mut interner = Interner::default();
                for (r, &(start, end)) in col.iter().enumerate() {
                    if r == UNIQUE_PROBE_ROWS {
                        interner.judge(column.dict.len(), r);
                    }
                    let cell = if start == u32::MAX {
                        owned[end as usize].as_str()
                    } else {
                        &text[start as usize..end as usize]
                    };
                    let id = if cell.trim().is_empty() {
                        0
                    } else {
                        interner.intern(&mut column.dict, CellRef::Text(cell))
                    };
                    column.ids.push(id);
                }
                (column, interner)
            })
            .unzip();
        Self {
            excel_rows,
            columns,
            index,
            notes: Vec::new(),
        }
    }

    /// Adds a row of fields (bytes of text, from column A on), every column
    /// dense (an id per row): rows are interned as they come, the text read
    /// once in order, and each new value checked as UTF-8. `false` when a
    /// value is not UTF-8 (the row is then incomplete: the file is read
    /// another way).
    pub(crate) fn push_dense(&mut self, excel_row: u32, fields: &[&[u8]]) -> bool {
        let row = self.excel_rows.len();
        if row == UNIQUE_PROBE_ROWS {
            for (c, index) in self.columns.iter().zip(&mut self.index) {
                index.judge(c.dict.len(), row);
            }
        }
        self.excel_rows.push(excel_row);
        for (col, f) in fields.iter().enumerate() {
            if self.columns.len() <= col {
                self.columns.push(RawColumn {
                    ids: vec![0; row],
                    ..RawColumn::default()
                });
                self.index.push(Interner::default());
            }
            let column = &mut self.columns[col];
            let id = match blank(f) {
                None => return false,
                Some(true) => 0,
                Some(false) => match self.index[col].intern_bytes(&mut column.dict, f) {
                    Some(id) => id,
                    None => return false,
                },
            };
            column.ids.push(id);
        }
        for c in self.columns.iter_mut().skip(fields.len()) {
            c.ids.push(0);
        }
        true
    }

    /// Cells the dense columns hold so far (rows × columns).
    pub(crate) fn dense_cells(&self) -> usize {
        self.excel_rows.len().saturating_mul(self.columns.len())
    }

    /// Columns so far.
    pub(crate) fn width(&self) -> usize {
        self.columns.len()
    }

    /// Whether this builder, the first part of a file of `total` rows, made
    /// the mostly-distinct judgement where reading the whole file would: on
    /// its first rows, which it must then hold (or no judgement is made).
    pub(crate) fn judged_as_whole(&self, total: usize) -> bool {
        self.excel_rows.len() > UNIQUE_PROBE_ROWS || total <= UNIQUE_PROBE_ROWS
    }

    /// Appends the rows of a builder that read the next part of the same
    /// file: its values are interned into these columns, as the whole file's
    /// reading would have (per cell in a column judged mostly distinct).
    pub(crate) fn append(&mut self, other: SheetBuilder) {
        let rows = self.excel_rows.len();
        let total = rows + other.excel_rows.len();
        let mut others = other.columns.into_iter();
        for c in 0..self.columns.len().max(others.len()) {
            if c == self.columns.len() {
                self.columns.push(RawColumn::default());
                self.index.push(Interner::default());
            }
            let (column, index) = (&mut self.columns[c], &mut self.index[c]);
            column.densify(rows);
            match others.next() {
                Some(mut o) => {
                    o.densify(other.excel_rows.len());
                    if index.unique {
                        // Judged mostly distinct: every cell stores its value,
                        // as reading the whole file would. Values move over;
                        // one the part shared between cells is copied.
                        let mut values: Vec<Option<RawValue>> =
                            o.dict.into_iter().map(Some).collect();
                        let mut moved_to = vec![0u32; values.len()];
                        for &id in &o.ids {
                            let new = match id as usize {
                                0 => 0,
                                k => {
                                    let v = values[k - 1].take().unwrap_or_else(|| {
                                        column.dict[moved_to[k - 1] as usize - 1].clone()
                                    });
                                    let new = index.intern(&mut column.dict, CellRef::Value(v));
                                    if moved_to[k - 1] == 0 {
                                        moved_to[k - 1] = new;
                                    }
                                    new
                                }
                            };
                            column.ids.push(new);
                        }
                    } else {
                        let remap: Vec<u32> = o
                            .dict
                            .into_iter()
                            .map(|v| index.intern(&mut column.dict, CellRef::Value(v)))
                            .collect();
                        column.ids.extend(
                            o.ids
                                .iter()
                                .map(|&id| if id == 0 { 0 } else { remap[id as usize - 1] }),
                        );
                    }
                }
                None => column.ids.resize(total, 0),
            }
        }
        self.notes.extend(other.notes.into_iter().map(|mut n| {
            n.row += rows;
            n
        }));
        // A part numbers its rows from its first line; they follow these.
        let offset = u32::try_from(rows).unwrap_or(u32::MAX);
        self.excel_rows
            .extend(other.excel_rows.iter().map(|r| r.saturating_add(offset)));
    }

    /// Finishes the sheet: detects and converts legacy encodings, cleans text.
    pub(crate) fn finish(mut self, file: usize, name: String) -> RawSheet {
        let rows = self.excel_rows.len();
        for c in &mut self.columns {
            match c.rows.take() {
                // At least one cell in eight rows: dense is smaller and faster.
                Some(at) if at.len().saturating_mul(8) >= rows => {
                    let mut dense = vec![0; rows];
                    for (r, id) in at.iter().zip(&c.ids) {
                        dense[*r as usize] = *id;
                    }
                    c.ids = dense;
                }
                Some(at) => c.rows = Some(at),
                // A column with no cell at all (left of a far-away cell).
                None if c.ids.is_empty() => c.rows = Some(Vec::new()),
                None => c.ids.resize(rows, 0),
            }
        }
        // Column by column on every core: the encoding over all text, then
        // each distinct value converted and cleaned.
        use rayon::prelude::*;
        let encoding = self
            .columns
            .par_iter()
            .map(|c| legacy::tally(c.dict.iter().filter_map(RawValue::as_text)))
            .reduce(legacy::Tally::default, |a, b| a + b)
            .encoding();
        self.columns.par_iter_mut().for_each(|c| {
            for v in &mut c.dict {
                if let RawValue::Text(s) = v {
                    let converted = legacy::decode(s, encoding);
                    let text = converted.as_deref().unwrap_or(s);
                    if let Some(cleaned) = text::clean_if_needed(text) {
                        *s = cleaned.into();
                    } else if let Some(converted) = converted {
                        *s = converted.into();
                    }
                }
            }
            // A cell holding only spaces is empty.
            let blank: Vec<bool> = c
                .dict
                .iter()
                .map(|v| matches!(v, RawValue::Text(s) if s.is_empty()))
                .collect();
            if blank.iter().any(|b| *b) {
                for id in &mut c.ids {
                    if *id != 0 && blank[*id as usize - 1] {
                        *id = 0;
                    }
                }
            }
        });
        let mut filled = vec![0u32; rows];
        for c in &self.columns {
            for (r, _) in c.cells() {
                filled[r] += 1;
            }
        }
        RawSheet {
            file,
            name,
            excel_rows: self.excel_rows,
            columns: self.columns,
            encoding,
            filled,
            notes: self.notes,
        }
    }
}

/// What a file turned out to be.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path as found.
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Text encoding, for delimited files.
    pub text_encoding: Option<&'static str>,
    /// Delimiter, for delimited files.
    pub delimiter: Option<char>,
    /// Sheet names the file holds (all of them, before `--sheet`).
    pub sheet_names: Vec<String>,
    /// How its lines were read, for delimited files.
    pub lines: Option<LineAccount>,
}

/// Everything read from the inputs.
#[derive(Debug)]
pub struct RawInput {
    /// The files, in reading order.
    pub files: Vec<InputFile>,
    /// The sheets, in reading order.
    pub sheets: Vec<RawSheet>,
}

/// The roster files among the inputs, and what was passed over.
#[derive(Debug, Default)]
pub struct Listing {
    /// Files to read, each real file once, in order.
    pub files: Vec<PathBuf>,
    /// Paths not read, with the reason (noted in the data issues).
    pub passed_over: Vec<(PathBuf, PassedOver)>,
}

/// Why a path found among the inputs was not read.
#[derive(Debug, Clone)]
pub enum PassedOver {
    /// A hidden file or an Excel lock file ("~$…") with a roster's extension.
    Hidden,
    /// A roster's name on something that is not a file: a broken link, a
    /// pipe, a device.
    NotAFile,
    /// The same file (or folder) was already reached by another path: a
    /// link, a hard link, or the same path given twice.
    ReachedTwice {
        /// The path it was first read under.
        first: PathBuf,
    },
}

/// A file's identity: the same real file has the same id whatever the path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileId {
    /// Device and inode.
    Inode(u64, u64),
    /// The canonical path, where inodes are not available.
    Path(PathBuf),
}

impl FileId {
    /// The id of an existing file or folder (links followed).
    pub fn of(path: &Path) -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path)?;
            Ok(FileId::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            Ok(FileId::Path(std::fs::canonicalize(path)?))
        }
    }
}

/// Lists roster files: a file is taken as given, a folder means every roster
/// file under it, in sorted order. Links are followed, but every real file
/// and folder is visited once: a link back up the tree ends there.
pub fn list_files(paths: &[PathBuf]) -> Result<Listing> {
    let mut listing = Listing::default();
    let mut seen: hashbrown::HashMap<FileId, PathBuf> = hashbrown::HashMap::new();
    for p in paths {
        let mut found = Vec::new();
        if p.is_dir() {
            let id = FileId::of(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?;
            if let Some(first) = seen.get(&id) {
                listing.passed_over.push((
                    p.clone(),
                    PassedOver::ReachedTwice {
                        first: first.clone(),
                    },
                ));
                continue;
            }
            seen.insert(id, p.clone());
            walk(p, &mut found, &mut seen, &mut listing.passed_over)?;
            found.sort();
        } else if p.is_file() {
            found.push(p.clone());
        } else {
            return Err(Error::NotFound { path: p.clone() });
        }
        for f in found {
            let id = FileId::of(&f).map_err(|source| Error::Read {
                path: f.clone(),
                source,
            })?;
            match seen.entry(id) {
                hashbrown::hash_map::Entry::Occupied(e) => listing.passed_over.push((
                    f,
                    PassedOver::ReachedTwice {
                        first: e.get().clone(),
                    },
                )),
                hashbrown::hash_map::Entry::Vacant(e) => {
                    e.insert(f.clone());
                    listing.files.push(f);
                }
            }
        }
    }
    if listing.files.is_empty() {
        return Err(Error::NoInputFiles {
            paths: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(listing)
}

fn is_roster_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && !name.starts_with("~$") && has_roster_extension(p)
}

fn has_roster_extension(p: &Path) -> bool {
    extension(p)
        .is_some_and(|e| WORKBOOK_EXT.contains(&e.as_str()) || TEXT_EXT.contains(&e.as_str()))
}

/// Whether a path names a delimited-text file (csv, tsv, txt).
#[must_use]
pub fn is_text_file(p: &Path) -> bool {
    extension(p).is_some_and(|e| TEXT_EXT.contains(&e.as_str()))
}

fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Collects roster files under `dir`; folders (also through links) are
/// entered once each, by their real identity.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut hashbrown::HashMap<FileId, PathBuf>,
    passed_over: &mut Vec<(PathBuf, PassedOver)>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        // `is_dir` follows links; a broken link is neither and is passed by.
        if path.is_dir() {
            if hidden {
                continue;
            }
            let Ok(id) = FileId::of(&path) else { continue };
            if let Some(first) = seen.get(&id) {
                passed_over.push((
                    path,
                    PassedOver::ReachedTwice {
                        first: first.clone(),
                    },
                ));
                continue;
            }
            seen.insert(id, path.clone());
            walk(&path, out, seen, passed_over)?;
        } else if path.is_file() && is_roster_file(&path) {
            out.push(path);
        } else if path.is_file() && has_roster_extension(&path) {
            passed_over.push((path, PassedOver::Hidden));
        } else if !path.is_file() && has_roster_extension(&path) {
            // A broken link, a pipe or a device: never read, but said.
            passed_over.push((path, PassedOver::NotAFile));
        }
    }
    Ok(())
}

/// What reading one file gave.
#[derive(Debug)]
pub enum FileRead {
    /// The file and its sheets.
    Read(InputFile, Vec<RawSheet>),
    /// One of the tool's own outputs (a report, an issues list): not read.
    OwnOutput,
}

impl FileRead {
    /// The sheets read (none for the tool's own output).
    #[must_use]
    pub fn into_sheets(self) -> Vec<RawSheet> {
        match self {
            FileRead::Read(_, sheets) => sheets,
            FileRead::OwnOutput => Vec::new(),
        }
    }
}

/// Excel's limit on the characters of one cell.
pub const EXCEL_MAX_CHARS: usize = 32_767;

/// True when the file at `path` is a workbook the tool wrote (a report or an
/// issues workbook). Its issues CSV is recognised by the writer
/// ([`crate::output::is_issues_csv_file`]), which knows its header.
#[must_use]
pub fn is_own_output(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    match extension(path).as_deref() {
        Some("xlsx") => workbook::check_package(path, &bytes).is_ok_and(|p| p.own_output),
        _ => false,
    }
}

/// Reads one file into its sheets. `sheet_filter` keeps only sheets with that
/// name (compared on the folded key).
pub fn read_file(path: &Path, index: usize, sheet_filter: Option<&str>) -> Result<FileRead> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let ext = extension(path).unwrap_or_default();
    let wanted = |name: &str| sheet_filter.is_none_or(|f| text::fold(f) == text::fold(name));
    if WORKBOOK_EXT.contains(&ext.as_str()) {
        if ext == "xls" {
            workbook::check_xls(path, &bytes)?;
        } else if workbook::check_package(path, &bytes)?.own_output {
            return Ok(FileRead::OwnOutput);
        }
        let sha256 = sha256_hex(&bytes);
        let (names, sheets) = workbook::read(path, bytes, index, &wanted)?;
        let file = InputFile {
            path: path.to_path_buf(),
            sha256,
            text_encoding: None,
            delimiter: None,
            sheet_names: names,
            lines: None,
        };
        Ok(FileRead::Read(file, sheets))
    } else if TEXT_EXT.contains(&ext.as_str()) {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let read = delimited::read(bytes, ext == "tsv");
        let sheets = if sheet_filter.is_none() || wanted(&name) {
            vec![read.builder.finish(index, name.clone())]
        } else {
            Vec::new()
        };
        let file = InputFile {
            path: path.to_path_buf(),
            sha256: read.sha256,
            text_encoding: Some(read.encoding),
            delimiter: Some(read.delimiter),
            sheet_names: vec![name],
            lines: Some(read.lines),
        };
        Ok(FileRead::Read(file, sheets))
    } else {
        Err(Error::Workbook {
            path: path.to_path_buf(),
            message: format!(
                "unsupported file type; expected one of {}, {}",
                WORKBOOK_EXT.join(", "),
                TEXT_EXT.join(", ")
            ),
        })
    }
}

/// A path as outputs show it: as given when relative and inside the working
/// folder ("rosters/01.xlsx"), else its file name only — no absolute path
/// of the user's machine goes into a report, a data-issues list or JSON.
/// Files are told apart by their SHA-256 beside the name.
#[must_use]
pub fn shown_path(path: &Path) -> String {
    use std::path::Component;
    let inside = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        path.display().to_string()
    } else {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// SHA-256 of some bytes, as lowercase hex.
#[must_use]
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_interns_and_pads() {
        let mut b = SheetBuilder::new();
        b.push_row(
            1,
            [
                (0, CellRef::Text("a")),
                (2, CellRef::Value(RawValue::number(1.0))),
            ],
        );
        b.push_row(2, [(0, CellRef::Text("a"))]);
        b.push_row(5, [(1, CellRef::Text("  "))]);
        let s = b.finish(0, "S".into());
        assert_eq!(s.len(), 3);
        assert_eq!(s.excel_rows, vec![1, 2, 5]);
        assert_eq!(s.columns[0].values().len(), 1);
        assert_eq!(s.cell_text(1, 0), "a");
        assert_eq!(s.cell_text(0, 2), "1");
        assert!(s.row_is_blank(2), "a cell of spaces is empty");
    }

    #[test]
    fn numbers_display_like_a_spreadsheet() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1_234_567_890.0), "1234567890");
    }
}
