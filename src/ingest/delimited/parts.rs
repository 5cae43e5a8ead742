//! Large UTF-8 files whose every line break ends a row (quotes, if any,
//! closing on their lines) read in parts, one per core, and joined into the
//! sheet the whole file reads as.

use std::borrow::Cow;

use super::decode::sniff_utf16;
use super::rows::PartReader;
use super::scan::{closed_quotes_fields, physical_lines, quotes_close_on_their_lines, undouble};
use super::split::{Split, detect_delimiter};
use super::{Delimited, LineAccount, SheetBuilder, grid_budget, note_replaced};

/// Files from this size are read in parts when they can be (see [`read_in_parts`]).
pub(super) const PARTS_FROM: usize = 4 << 20;

/// One part of a file, read.
pub(super) struct PartRead {
    pub(super) builder: SheetBuilder,
    pub(super) split: Split,
    /// Its physical lines.
    pub(super) lines: u64,
    /// Whether it holds U+FFFD.
    pub(super) replaced: bool,
}

/// A file read in parts, not yet joined.
pub(super) struct Parts {
    read: Vec<PartRead>,
    encoding: &'static str,
    delimiter: u8,
    sha256: Sha,
}

/// A file's SHA-256, lowercase hex: computed, or being computed.
pub(crate) enum Sha {
    Done(String),
    Later(crate::ingest::LaterDigest),
}

impl Sha {
    /// The digest, waited for when still being computed.
    #[cfg(test)]
    pub(crate) fn finish(self) -> crate::error::Result<String> {
        match self {
            Sha::Done(hex) => Ok(hex),
            Sha::Later(later) => later.finish(),
        }
    }
}

/// A UTF-8 file whose quotes all close on their lines is read in parts, one
/// per core: every quoted field opens at a field's start and closes before a
/// delimiter or the line's end (doubled quotes inside), so, as in a file
/// without quotes, every line break ends a row and parts cut after line
/// breaks split exactly as the whole file does. Each part is checked as
/// UTF-8 and split on its own (and the digest computed beside them), then the
/// parts' rows are joined. On the 447 MB national roster this halves the
/// reading (UTF-8 check and split were one core's work). Files with Excel's
/// quoted cells (a unit name holding a comma) were read whole: the 454 MB
/// roster with 10,507 such lines took 4.29 s to read (peak 1,180 MB), now
/// 2.84 s (861 MB), and a million such rows 1.84 s (485 MB), now 1.30 s
/// (353 MB): the memory of the same files without quotes, and their time
/// within the noise (release, best of 3, busy 2-core machine).
/// `None` when the file does not qualify: smaller than `from`, a quoted line
/// break or any other quote (stray, inside a field, text after a closing
/// one), not UTF-8, UTF-16 without a byte-order mark, no line break to cut
/// at, or a part too sparse for columns; it is then read whole.
pub(super) fn read_in_parts(bytes: &[u8], tsv: bool, from: usize, parts: usize) -> Option<Parts> {
    use rayon::prelude::*;
    if bytes.len() < from {
        return None;
    }
    let head = Head::of(bytes, bytes.len(), tsv)?;
    let body = &bytes[head.skip..];
    let cuts = cut_points(body.len(), parts, |at, n| {
        memchr::memchr_iter(b'\n', &body[at..]).nth(n - 1)
    });
    let pieces: Vec<&[u8]> = cuts.windows(2).map(|w| &body[w[0]..w[1]]).collect();
    // A quoted line break or a stray quote anywhere: read whole (found
    // before any part is split; lines without a quote are only searched).
    if !pieces
        .par_iter()
        .all(|p| quotes_close_on_their_lines(p, head.delimiter))
    {
        return None;
    }
    let (sha256, read) = rayon::join(
        || super::super::sha256_hex(bytes),
        || {
            pieces
                .par_iter()
                .enumerate()
                .map(|(i, p)| {
                    // The first part's builder takes the others' rows.
                    let room = if i == 0 { body.len() } else { p.len() };
                    let (builder, split) = by_rows(p, room, head.delimiter)?;
                    Some(PartRead {
                        builder,
                        split,
                        lines: physical_lines(p),
                        replaced: holds_replacement(p),
                    })
                })
                .collect::<Option<Vec<_>>>()
        },
    );
    Parts::checked(read?, &head, body.len(), Sha::Done(sha256))
}

/// What a file's first megabyte says about reading it in parts.
pub(super) struct Head {
    /// Bytes of the byte-order mark before the text.
    pub(super) skip: usize,
    pub(super) encoding: &'static str,
    pub(super) delimiter: u8,
}

/// Bytes of a file's start that [`Head::of`] reads.
pub(super) const HEAD_BYTES: usize = 3 + (1 << 20);

impl Head {
    /// From the file's first [`HEAD_BYTES`] bytes (all of a shorter file) and
    /// its length: `None` when the file is not read in parts (4 GiB or
    /// more, UTF-16, no line feed in its first megabyte, not UTF-8 there,
    /// fewer than 50 lines with text).
    pub(super) fn of(start: &[u8], len: usize, tsv: bool) -> Option<Head> {
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        if u32::try_from(len).is_err() {
            return None;
        }
        let (skip, encoding) = match start.strip_prefix(BOM) {
            Some(_) => (BOM.len(), "UTF-8 (BOM)"),
            None if sniff_utf16(start).is_some() => return None,
            None => (0, "UTF-8"),
        };
        // The delimiter from the first 50 lines with text, as for the whole file.
        let body = start.get(skip..)?;
        let head_end = memchr::memrchr(b'\n', &body[..body.len().min(1 << 20)])? + 1;
        let head = std::str::from_utf8(&body[..head_end]).ok()?;
        if head
            .split(['\r', '\n'])
            .filter(|l| !l.trim().is_empty())
            .count()
            < 50
        {
            return None;
        }
        let delimiter = detect_delimiter(head, tsv);
        Some(Head {
            skip,
            encoding,
            delimiter,
        })
    }
}

impl Parts {
    /// The parts read, to be joined, when the joined sheet is what reading
    /// the whole file gives: its grid within the whole file's budget, and
    /// columns judged mostly distinct on the file's first rows (the first
    /// part's).
    pub(super) fn checked(
        read: Vec<PartRead>,
        head: &Head,
        body_len: usize,
        sha256: Sha,
    ) -> Option<Parts> {
        let total: usize = read.iter().map(|p| p.builder.rows()).sum();
        let width = read.iter().map(|p| p.builder.width()).max().unwrap_or(0);
        if width.saturating_mul(total) > grid_budget(body_len)
            || !read.first()?.builder.judged_as_whole(total)
        {
            return None;
        }
        Some(Parts {
            read,
            encoding: head.encoding,
            delimiter: head.delimiter,
            sha256,
        })
    }
}

/// Whether text holds U+FFFD (bytes that were not text, replaced).
pub(super) fn holds_replacement(text: &[u8]) -> bool {
    memchr::memmem::find(text, "\u{fffd}".as_bytes()).is_some()
}

/// Cut points of a body of `len` bytes just after a line break, `parts`
/// pieces; `nth_break(at, n)` is the offset from `at` of the `n`-th line
/// feed (from 1) at or after it. The first part holds the rows on which
/// the columns are judged mostly distinct, when the file has more
/// ([`SheetBuilder::ROWS_JUDGED`]: its parts are not joined otherwise, and
/// a file of 120,000 short rows, 7 MB, would be read whole). The quotes of the whole file are checked beside the
/// parts (see `stream::read_file_in_parts`), and the core checking them
/// then reads the last part, so each other part is a twentieth larger than
/// an even share: on two cores 52.5% and 47.5% of the file. Reading the
/// national bench roster on two cores, the check (its reads of the page
/// cache, mostly) takes 0.15 s of a core, about a twentieth of the
/// splitting and interning; the digest, once computed there (a quarter),
/// is now left to idle moments after reading (`crate::ingest::LaterDigest`).
/// With 60% and 40% then, the core reading the larger part worked alone for
/// the last 0.3 s of the read stage.
pub(super) fn cut_points(
    len: usize,
    parts: usize,
    mut nth_break: impl FnMut(usize, usize) -> Option<usize>,
) -> Vec<usize> {
    let mut cuts = vec![0];
    // Where the judged rows end: the first cut is not before it.
    let judged_end = match parts {
        0 | 1 => 0,
        _ => nth_break(0, SheetBuilder::ROWS_JUDGED).map_or(0, |p| p + 1),
    };
    for k in 1..parts {
        let at = (len * k * 21 / (parts * 20))
            .max(judged_end.saturating_sub(1))
            .min(len)
            .max(*cuts.last().unwrap_or(&0));
        if let Some(p) = nth_break(at, 1) {
            cuts.push(at + p + 1);
        }
    }
    cuts.push(len);
    cuts.dedup();
    cuts
}

/// Joins the parts' rows into one sheet, as the whole file reads.
pub(super) fn join_parts(parts: Parts) -> Delimited {
    let Parts {
        read,
        encoding,
        delimiter,
        sha256,
    } = parts;
    let mut read = read.into_iter();
    let PartRead {
        mut builder,
        mut split,
        mut lines,
        mut replaced,
    } = read.next().unwrap_or_else(|| PartRead {
        builder: SheetBuilder::new(),
        split: Split::default(),
        lines: 0,
        replaced: false,
    });
    for p in read {
        builder.append(p.builder);
        split.rows += p.split.rows;
        split.in_quoted_cells += p.split.in_quoted_cells;
        lines += p.lines;
        replaced |= p.replaced;
    }
    note_replaced(&mut builder, replaced);
    Delimited {
        builder,
        encoding,
        delimiter: char::from(delimiter),
        lines: LineAccount {
            lines,
            rows: split.rows,
            in_quoted_cells: split.in_quoted_cells,
        },
        sha256,
    }
}

/// Splits text whose quotes all close on their lines (see
/// [`quotes_close_on_their_lines`]) as [`split_rows`] reads it: every line
/// break (CRLF, LF or a lone CR) ends a row, a line without text is a row
/// without fields, a line without quotes splits at every delimiter, and a
/// quoted field is its text between the quotes, doubled quotes read as one.
/// Returns the rows; `None` when a line holds any other quote.
///
/// [`split_rows`]: super::split::split_rows
pub(super) fn split_lines<'a>(
    b: &'a [u8],
    delim: u8,
    mut row: impl FnMut(Line<'a, '_>),
) -> Option<u64> {
    let mut rows = 0u64;
    let mut fields: Vec<&[u8]> = Vec::new();
    // The next quote: one pass over the text finds the lines holding one.
    let mut next_quote = memchr::memchr(b'"', b);
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr2(b'\n', b'\r', &b[start..]).map_or(b.len(), |p| start + p);
        let line = &b[start..end];
        if next_quote.is_some_and(|q| q < end) {
            quoted_row(line, delim, &mut row)?;
            next_quote = memchr::memchr(b'"', &b[end..]).map(|q| end + q);
        } else {
            fields.clear();
            if !line.is_empty() {
                // As `line.split(delim)`, the delimiters found with SIMD.
                let mut from = 0;
                for at in memchr::memchr_iter(delim, line) {
                    fields.push(&line[from..at]);
                    from = at + 1;
                }
                fields.push(&line[from..]);
            }
            row(Line::Plain(&fields));
        }
        rows += 1;
        let crlf = b.get(end) == Some(&b'\r') && b.get(end + 1) == Some(&b'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    Some(rows)
}

/// Hands over the fields of a line holding quotes (see
/// [`closed_quotes_fields`]); `None` when its quotes do not close on it.
fn quoted_row<'a>(line: &'a [u8], delim: u8, row: &mut impl FnMut(Line<'a, '_>)) -> Option<()> {
    let mut cells: Vec<Cow<'_, [u8]>> = Vec::new();
    let closed = closed_quotes_fields(line, delim, |f, doubled| {
        cells.push(if doubled {
            Cow::Owned(undouble(f))
        } else {
            Cow::Borrowed(f)
        });
    });
    if !closed {
        return None;
    }
    let fields: Vec<&[u8]> = cells.iter().map(AsRef::as_ref).collect();
    row(Line::Quoted(&fields));
    Some(())
}

/// A line's fields as [`split_lines`] hands them over.
pub(super) enum Line<'a, 'f> {
    /// Fields of a line without quotes: the text between delimiters.
    Plain(&'f [&'a [u8]]),
    /// Fields of a line with quotes, some unquoted into a copy.
    Quoted(&'f [&'f [u8]]),
}

impl Line<'_, '_> {
    pub(super) fn fields(&self) -> &[&[u8]] {
        match self {
            Line::Plain(f) => f,
            Line::Quoted(f) => f,
        }
    }
}

/// Splits a part (see [`split_lines`]) and interns its cells (see
/// [`PartReader`]). `None` when a value is not UTF-8, a quote does not close
/// on its line, or the grid would be mostly padding.
fn by_rows(b: &[u8], room: usize, delimiter: u8) -> Option<(SheetBuilder, Split)> {
    let mut reader = PartReader::new(b.len(), room, delimiter);
    reader.feed(b)?;
    reader.finish()
}
