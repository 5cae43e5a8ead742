//! Building a raw sheet: row by row, column by column from spans, or dense
//! rows of bytes; then legacy encodings converted and text cleaned.

use super::intern::{CellRef, Interner, UNIQUE_PROBE_ROWS};
use super::{IngestNote, RawColumn, RawValue};

mod finish;

/// Builds a [`RawSheet`](super::RawSheet) row by row, interning values per column.
#[derive(Debug)]
pub(crate) struct SheetBuilder {
    excel_rows: Vec<u32>,
    columns: Vec<RawColumn>,
    index: Vec<Interner>,
    /// Problems found while reading.
    pub(crate) notes: Vec<IngestNote>,
    /// Rows the sheet is expected to hold in all (0: unknown).
    expected: usize,
}

impl SheetBuilder {
    pub(crate) fn new() -> Self {
        Self {
            excel_rows: Vec::new(),
            columns: Vec::new(),
            index: Vec::new(),
            notes: Vec::new(),
            expected: 0,
        }
    }

    /// Reserves room for `rows` rows in all, an estimate: a column grown by
    /// doubling is copied each time, into pages faulted in anew (on the
    /// national roster, 20,000 of reading's 130,000 page faults, at about
    /// 3.5 µs each here). Room beyond the rows read is never touched: where
    /// the system overcommits (Linux by default) it costs address space,
    /// not memory; elsewhere it counts against the memory committed, which
    /// the estimate's bounds keep near the file's size. Rows beyond it grow
    /// the columns as before. A reservation the system refuses is left out.
    pub(crate) fn expect_rows(&mut self, rows: usize) {
        self.expected = rows;
        let _ = self
            .excel_rows
            .try_reserve_exact(rows.saturating_sub(self.excel_rows.len()));
        for (column, index) in self.columns.iter_mut().zip(&self.index) {
            reserve_column(column, index, rows);
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
                        reserve_column(&mut column, &interner, col.len());
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
            expected: excel_rows.len(),
            excel_rows,
            columns,
            index,
            notes: Vec::new(),
        }
    }

    /// Adds rows of fields (bytes of text, from column A on), every column
    /// dense (an id per row): row `r` is `cells[starts[r]..starts[r + 1]]`,
    /// Excel rows from `excel_row` on, and each new value is checked as
    /// UTF-8. Interned column by column over the rows, ids as row by row
    /// (a column's values numbered in row order): a column's look-ups do
    /// not wait on each other, where row by row each waited on the cache
    /// misses of the cells before it. `false` when a value is not UTF-8
    /// (the rows are then incomplete: the file is read another way).
    pub(crate) fn push_dense_rows(
        &mut self,
        excel_row: u32,
        cells: &[&[u8]],
        starts: &[usize],
    ) -> bool {
        let (row0, n) = (self.excel_rows.len(), starts.len().saturating_sub(1));
        // Columns are judged mostly distinct after the same row as row by row.
        if row0 < UNIQUE_PROBE_ROWS && row0 + n > UNIQUE_PROBE_ROWS {
            let k = UNIQUE_PROBE_ROWS - row0;
            let next = excel_row.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
            return self.push_dense_rows(excel_row, cells, &starts[..=k])
                && self.push_dense_rows(next, cells, &starts[k..]);
        }
        if row0 == UNIQUE_PROBE_ROWS {
            for (c, index) in self.columns.iter_mut().zip(&mut self.index) {
                index.judge(c.dict.len(), row0);
                reserve_column(c, index, self.expected);
            }
        }
        let width = starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        while self.columns.len() < width {
            let mut column = RawColumn {
                ids: vec![0; row0],
                ..RawColumn::default()
            };
            let index = Interner::default();
            reserve_column(&mut column, &index, self.expected);
            self.columns.push(column);
            self.index.push(index);
        }
        self.excel_rows
            .extend((0..n).map(|r| excel_row.saturating_add(u32::try_from(r).unwrap_or(u32::MAX))));
        let (mut column_cells, mut found) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (col, (column, index)) in self.columns.iter_mut().zip(&mut self.index).enumerate() {
            column.ids.reserve(n);
            column_cells.clear();
            column_cells.extend(
                starts
                    .windows(2)
                    .map(|w| cells[w[0]..w[1]].get(col).copied()),
            );
            if !index.intern_batch(&mut column.dict, &column_cells, &mut found, &mut column.ids) {
                return false;
            }
        }
        true
    }

    /// Columns so far.
    pub(crate) fn width(&self) -> usize {
        self.columns.len()
    }

    /// The rows the first part of a file must hold to judge its columns
    /// as reading the whole file would (see [`judged_as_whole`]).
    ///
    /// [`judged_as_whole`]: Self::judged_as_whole
    pub(crate) const ROWS_JUDGED: usize = UNIQUE_PROBE_ROWS + 1;

    /// Whether this builder, the first part of a file of `total` rows, made
    /// the mostly-distinct judgement where reading the whole file would: on
    /// its first rows, which it must then hold (or no judgement is made).
    pub(crate) fn judged_as_whole(&self, total: usize) -> bool {
        self.excel_rows.len() >= Self::ROWS_JUDGED || total <= UNIQUE_PROBE_ROWS
    }

    /// Appends the rows of a builder that read the next part of the same
    /// file: its values are interned into these columns, as the whole file's
    /// reading would have (per cell in a column judged mostly distinct).
    pub(crate) fn append(&mut self, other: SheetBuilder) {
        use rayon::prelude::*;
        let rows = self.excel_rows.len();
        let (added, total) = (other.excel_rows.len(), rows + other.excel_rows.len());
        let mut others: Vec<Option<RawColumn>> = other.columns.into_iter().map(Some).collect();
        let width = self.columns.len().max(others.len());
        self.columns.resize_with(width, RawColumn::default);
        self.index.resize_with(width, Interner::default);
        others.resize_with(width, || None);
        // Columns are independent: appended on every core (0.2 s on one
        // core for the 2.5 M-row national roster's second half).
        self.columns
            .par_iter_mut()
            .zip(self.index.par_iter_mut())
            .zip(others.into_par_iter())
            .for_each(|((column, index), o)| {
                column.densify(rows);
                match o {
                    Some(o) => append_column(column, index, o, added),
                    None => column.ids.resize(total, 0),
                }
            });
        self.notes.extend(other.notes.into_iter().map(|mut n| {
            n.row += rows;
            n
        }));
        // A part numbers its rows from its first line; they follow these.
        let offset = u32::try_from(rows).unwrap_or(u32::MAX);
        self.excel_rows
            .extend(other.excel_rows.iter().map(|r| r.saturating_add(offset)));
    }
}

/// Room in a column for `rows` rows: its ids when dense, and its values
/// when each cell stores its own (see [`SheetBuilder::expect_rows`]).
fn reserve_column(column: &mut RawColumn, index: &Interner, rows: usize) {
    if column.rows.is_none() {
        let _ = column
            .ids
            .try_reserve_exact(rows.saturating_sub(column.ids.len()));
    }
    if index.unique {
        let _ = column
            .dict
            .try_reserve_exact(rows.saturating_sub(column.dict.len()));
    }
}

/// Appends the cells of the next part's column `o` (of `rows` rows) to
/// `column`, interning its values as reading the whole file would have (per
/// cell in a column judged mostly distinct).
fn append_column(column: &mut RawColumn, index: &mut Interner, mut o: RawColumn, rows: usize) {
    o.densify(rows);
    if index.unique {
        // Judged mostly distinct: every cell stores its value, as reading
        // the whole file would. Values move over; one the part shared
        // between cells is copied.
        let mut values: Vec<Option<RawValue>> = o.dict.into_iter().map(Some).collect();
        let mut moved_to = vec![0u32; values.len()];
        for &id in &o.ids {
            let new = match id as usize {
                0 => 0,
                k => {
                    let v = values[k - 1]
                        .take()
                        .unwrap_or_else(|| column.dict[moved_to[k - 1] as usize - 1].clone());
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
        let remap = remap_values(column, index, o.dict);
        column.ids.extend(
            o.ids
                .iter()
                .map(|&id| if id == 0 { 0 } else { remap[id as usize - 1] }),
        );
    }
}

/// The ids in `column` of a part's values, in order, each new one added as
/// [`Interner::intern`] would. Texts (all a delimited file's values) are
/// looked up as one batch, so that their misses in the table and the
/// dictionary overlap: this runs on one core for the column while the others
/// finish, and a column of 800,000 distinct names has 400,000 to look up.
fn remap_values(column: &mut RawColumn, index: &mut Interner, values: Vec<RawValue>) -> Vec<u32> {
    fn text(v: &RawValue) -> Option<&[u8]> {
        match v {
            // A blank text (none is interned, but one would take id 0 in a
            // batch) goes the long way too.
            RawValue::Text(t) if super::intern::blank(t.as_bytes()) == Some(false) => {
                Some(t.as_bytes())
            }
            _ => None,
        }
    }
    let cells: Option<Vec<Option<&[u8]>>> = values.iter().map(|v| text(v).map(Some)).collect();
    if let Some(cells) = cells {
        let mut remap = Vec::with_capacity(cells.len());
        if index.intern_batch(&mut column.dict, &cells, &mut Vec::new(), &mut remap) {
            return remap;
        }
        // Not reached (the values are UTF-8). Values the batch stored are
        // found again below, under the ids it gave them.
    }
    values
        .into_iter()
        .map(|v| index.intern(&mut column.dict, CellRef::Value(v)))
        .collect()
}
