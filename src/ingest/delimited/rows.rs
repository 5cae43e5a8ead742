//! A part's rows interned as its text comes: all at once, or a window of
//! whole lines at a time from the file.

use super::parts::{Line, split_lines};
use super::split::Split;
use super::{SheetBuilder, excel_row, grid_budget};

/// Interns a part's rows a batch at a time, column by column within the
/// batch (see [`SheetBuilder::push_dense_rows`]); each new value is checked
/// as UTF-8. Fed whole lines, in order, in one piece or several.
pub(super) struct PartReader {
    builder: SheetBuilder,
    delimiter: u8,
    /// The part's grid may hold this many cells: more is mostly padding.
    budget: usize,
    /// Rows read so far (every line is one), and the widest.
    rows: usize,
    width: usize,
    failed: bool,
    /// Bytes whose rows the builder holds in the end (the first part's
    /// builder takes the other parts' rows when they are joined).
    room: usize,
    /// Bytes of the first [`SAMPLE_ROWS`] rows, which estimate the rest.
    sampled: usize,
}

impl PartReader {
    /// A reader of a part of `len` bytes, whose builder will hold the rows
    /// of `room` bytes (`len`, or the whole file's for the first part).
    pub(super) fn new(len: usize, room: usize, delimiter: u8) -> Self {
        PartReader {
            builder: SheetBuilder::new(),
            delimiter,
            budget: grid_budget(len),
            rows: 0,
            width: 0,
            failed: false,
            room,
            sampled: 0,
        }
    }

    /// Reads the rows of `text`, whole lines; `None` when a quote does not
    /// close on its line.
    pub(super) fn feed(&mut self, text: &[u8]) -> Option<()> {
        let mut batch = Batch::default();
        let PartReader {
            builder,
            budget,
            rows,
            width,
            failed,
            room,
            sampled,
            ..
        } = self;
        split_lines(text, self.delimiter, |line| {
            let fields = line.fields();
            if *rows < SAMPLE_ROWS {
                // Each field and the delimiter or line break after it.
                *sampled += fields.iter().map(|f| f.len() + 1).sum::<usize>();
                if *rows + 1 == SAMPLE_ROWS {
                    builder.expect_rows(expected_rows(*room, *sampled, *budget / (*width).max(1)));
                }
            }
            // The grid so far as rows added one by one would have made it.
            *width = (*width).max(fields.len());
            *failed = *failed || width.saturating_mul(*rows) > *budget;
            if !*failed {
                match line {
                    Line::Plain(fields) => batch.add(fields),
                    // A quoted line's copies last for this call only.
                    Line::Quoted(fields) => {
                        *failed = !batch.flush(builder)
                            || !builder.push_dense_rows(
                                excel_row(*rows),
                                fields,
                                &[0, fields.len()],
                            );
                    }
                }
                if batch.rows() == BATCH_ROWS {
                    *failed = !batch.flush(builder);
                }
            }
            *rows += 1;
        })?;
        self.failed = self.failed || !batch.flush(&mut self.builder);
        Some(())
    }

    /// Whether a value was not UTF-8 or the grid would be mostly padding:
    /// the rows read are then of no use.
    pub(super) fn failed(&self) -> bool {
        self.failed
    }

    /// The rows read; `None` when a value was not UTF-8 or the grid would
    /// be mostly padding.
    pub(super) fn finish(self) -> Option<(SheetBuilder, Split)> {
        let split = Split {
            rows: self.rows as u64,
            ..Split::default()
        };
        (!self.failed).then_some((self.builder, split))
    }
}

/// Rows whose bytes estimate the rows to come (sampling the first 65,536
/// instead was no better, and held 10 MB more at the peak).
const SAMPLE_ROWS: usize = 512;

/// The rows a part of `room` bytes is expected to hold, from the `bytes`
/// of its first [`SAMPLE_ROWS`] rows: a tenth more, and no more than
/// `most` (what its grid may hold) or a row of 16 bytes each: short first
/// rows (a title block, blank lines) cannot make it much more than the
/// file's size in rows of ids.
fn expected_rows(room: usize, bytes: usize, most: usize) -> usize {
    let per_row = (bytes / SAMPLE_ROWS).max(16);
    (room / per_row)
        .saturating_mul(11)
        .saturating_div(10)
        .min(most)
}

/// Rows interned together: enough for the look-ups of a column to overlap
/// (each is a likely cache miss in a table of thousands of values), few
/// enough for their text and fields to stay in cache.
const BATCH_ROWS: usize = 512;

/// Rows of a part's lines without quotes, not yet interned.
#[derive(Default)]
struct Batch<'a> {
    /// Every row's fields, one row after another.
    cells: Vec<&'a [u8]>,
    /// Where each row's fields start in `cells`, and where the last ends.
    starts: Vec<usize>,
}

impl<'a> Batch<'a> {
    fn add(&mut self, fields: &[&'a [u8]]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.cells.extend_from_slice(fields);
        self.starts.push(self.cells.len());
    }

    fn rows(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Interns the batch's rows into `builder` (after the rows it holds);
    /// `false` when a value is not UTF-8.
    fn flush(&mut self, builder: &mut SheetBuilder) -> bool {
        let ok = self.rows() == 0
            || builder.push_dense_rows(excel_row(builder.rows()), &self.cells, &self.starts);
        self.cells.clear();
        self.starts.clear();
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_estimate_is_a_tenth_more_and_bounded() {
        // 512 rows of 100 bytes: a file of 1,000,000 bytes holds 10,000
        // rows; a tenth more is reserved.
        assert_eq!(expected_rows(1_000_000, 51_200, usize::MAX), 11_000);
        // Short first rows (a title block, blank lines) count 16 bytes each.
        assert_eq!(expected_rows(1_000_000, 512, usize::MAX), 68_750);
        assert_eq!(expected_rows(1_000_000, 0, usize::MAX), 68_750);
        // Never more than the grid may hold.
        assert_eq!(expected_rows(1_000_000, 51_200, 5_000), 5_000);
        // No overflow on an absurd size.
        assert_eq!(expected_rows(usize::MAX, 51_200, 7), 7);
    }
}
