//! Delimited text files: encoding and delimiter detection, then rows with
//! the numbers Excel shows.
//!
//! Encodings: UTF-8 with or without BOM (a few invalid bytes in a file that
//! is otherwise UTF-8 become U+FFFD, each such cell a data issue); UTF-16
//! LE/BE with or without BOM (Excel's "Unicode Text"); otherwise a legacy
//! single-byte file, read as Windows-1258 (Vietnamese Windows' own code page,
//! what Excel's "CSV" save writes there) or, when its bytes look like
//! TCVN3/VNI font text, as Latin-1 so that the sheet-level legacy conversion
//! can map them.
//!
//! Rows: the csv crate splits records. Excel shows one row per record and
//! one per blank line (which the csv crate skips), so blank rows are put
//! back from the line breaks between records, and the n-th row is Excel row
//! n. Every physical line is accounted for: lines = rows + lines continuing
//! a quoted cell. A quote that opens a cell and runs past the end of its
//! line into what look like rows (or never closes) is a stray quote: that
//! line is read on its own with the quote taken literally, reading resumes
//! on the next line, and every row the quote had swallowed gets a data issue.

mod decode;
#[cfg(test)]
mod large_tests;
mod parts;
#[cfg(test)]
mod properties;
mod rows;
mod scan;
mod split;
#[cfg(unix)]
mod stream;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use super::{CellRef, IngestNote, LineAccount, SheetBuilder};
use crate::issues::Problem;
use decode::{Digest, decode};
pub(crate) use parts::Sha;
use parts::{PARTS_FROM, join_parts, read_in_parts};
use scan::{line_breaks, physical_lines};
use split::{Split, detect_delimiter, split_rows};

pub(crate) struct Delimited {
    pub(crate) builder: SheetBuilder,
    pub(crate) encoding: &'static str,
    pub(crate) delimiter: char,
    pub(crate) lines: LineAccount,
    /// SHA-256 of the file's bytes.
    pub(crate) sha256: Sha,
}

/// The cells a grid read from `len` bytes of text may hold: more is mostly
/// padding (a few very long rows among many short ones).
fn grid_budget(len: usize) -> usize {
    len.saturating_mul(2).saturating_add(1 << 20)
}

/// Excel's row number of a grid row.
fn excel_row(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Splits the text once, recording where each cell is, then interns the
/// columns in parallel (files under 4 GiB: spans are 32-bit offsets).
/// `None` when the grid would be mostly padding (a few very long rows
/// among many short ones): the cell-by-cell builder then keeps memory to the
/// cells the file holds.
fn by_columns(text: &str, delimiter: u8) -> Option<(SheetBuilder, Split)> {
    // Span slots allowed: well above any real roster's rows × columns.
    let budget = grid_budget(text.len());
    let mut too_sparse = false;
    let mut rows = 0usize;
    let mut spans: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut owned: Vec<String> = Vec::new();
    // Rows to expect, from the line length of the first megabyte: columns
    // are sized once instead of doubling (copies and page faults at size).
    let sample = &text.as_bytes()[..text.len().min(1 << 20)];
    let expect_rows = (text.len() / (sample.len() / line_breaks(sample).max(1)).max(1))
        .saturating_add(16)
        .min(budget);
    let base = text.as_ptr() as usize;
    let split = split_rows(text, delimiter, |fields| {
        let row = rows;
        rows += 1;
        if too_sparse || spans.len().max(fields.len()).saturating_mul(rows) > budget {
            too_sparse = true;
            return;
        }
        for (c, f) in fields.iter().enumerate() {
            if spans.len() <= c {
                // Room reserved up front only while all columns' room stays
                // within the budget (a wide first line reserves nothing).
                let room = if expect_rows.saturating_mul(fields.len()) <= budget {
                    expect_rows
                } else {
                    row + 1
                };
                let mut col = Vec::with_capacity(room.max(row + 1));
                col.resize(row, (0, 0));
                spans.push(col);
            }
            let span = match f {
                // A borrowed field lies within `text`: its offset is exact.
                Cow::Borrowed(s) => {
                    let start = s.as_ptr() as usize - base;
                    (
                        u32::try_from(start).unwrap_or(0),
                        u32::try_from(start + s.len()).unwrap_or(0),
                    )
                }
                Cow::Owned(s) => {
                    owned.push(s.clone());
                    (u32::MAX, u32::try_from(owned.len() - 1).unwrap_or(0))
                }
            };
            spans[c].push(span);
        }
        for col in spans.iter_mut().skip(fields.len()) {
            col.push((0, 0));
        }
    });
    if too_sparse {
        return None;
    }
    let excel_rows = (0..rows).map(excel_row).collect();
    let builder = SheetBuilder::from_spans(excel_rows, text, &owned, &spans);
    Some((builder, split))
}

/// Notes every cell holding a replacement character (bytes that were not
/// text) when the text has one, and puts the notes in row order.
fn note_replaced(builder: &mut SheetBuilder, replaced: bool) {
    if replaced {
        for (row, col) in builder.cells_containing('\u{fffd}') {
            builder.notes.push(IngestNote {
                row,
                col: Some(col),
                problem: Problem::InvalidBytes,
            });
        }
    }
    builder.notes.sort_by_key(|n| (n.row, n.col));
}

/// A large file read in parts straight from the file (see
/// [`stream`]), never held whole; `None` when it is read otherwise (from
/// its bytes, with [`read`]).
pub(crate) fn read_in_parts_from_disk(path: &std::path::Path, tsv: bool) -> Option<Delimited> {
    #[cfg(unix)]
    {
        let file = std::fs::File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let how = stream::Reading {
            from: PARTS_FROM,
            window: stream::WINDOW,
            parts: rayon::current_num_threads(),
        };
        stream::read_file_in_parts(path, &file, size, tsv, &how).map(join_parts)
    }
    #[cfg(not(unix))]
    {
        let _ = (path, tsv);
        None
    }
}

pub(crate) fn read(bytes: Vec<u8>, tsv: bool) -> Delimited {
    // One part per core; the file's bytes are freed before the parts are
    // joined (the parts hold their own copies of the values).
    if let Some(parts) = read_in_parts(&bytes, tsv, PARTS_FROM, rayon::current_num_threads()) {
        drop(bytes);
        return join_parts(parts);
    }
    read_whole(bytes, tsv)
}

/// Reads the file whole: decoded, then split on one core while the digest
/// is computed on the other.
fn read_whole(bytes: Vec<u8>, tsv: bool) -> Delimited {
    let (text, encoding, digest) = decode(bytes);
    let delimiter = detect_delimiter(&text, tsv);
    let parse = || {
        if u32::try_from(text.len()).is_ok() {
            by_columns(&text, delimiter)
        } else {
            None
        }
    };
    // Splitting runs on one core: the digest is computed on the other.
    let (sha256, dense) = match digest {
        Digest::Done(sha) => (sha, parse()),
        Digest::OfText(prefix) => rayon::join(
            || {
                use sha2::Digest as _;
                let mut h = sha2::Sha256::new();
                h.update(prefix);
                h.update(text.as_bytes());
                super::hex(&h.finalize())
            },
            parse,
        ),
    };
    let (mut builder, split) = if let Some(dense) = dense {
        dense
    } else {
        let mut builder = SheetBuilder::new();
        let mut rows = 0usize;
        let split = split_rows(&text, delimiter, |fields| {
            builder.push_row(
                excel_row(rows),
                fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| !f.trim().is_empty())
                    .map(|(i, f)| (i, CellRef::Text(f.as_ref()))),
            );
            rows += 1;
        });
        (builder, split)
    };
    let lines = LineAccount {
        lines: physical_lines(text.as_bytes()),
        rows: split.rows,
        in_quoted_cells: split.in_quoted_cells,
    };
    builder.notes = split.notes;
    note_replaced(&mut builder, text.contains('\u{fffd}'));
    Delimited {
        builder,
        encoding,
        delimiter: char::from(delimiter),
        lines,
        sha256: Sha::Done(sha256),
    }
}
