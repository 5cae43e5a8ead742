//! Large quote-free UTF-8 files read in parts, one per core, and joined
//! into the sheet the whole file reads as.

use super::decode::sniff_utf16;
use super::scan::physical_lines;
use super::split::{Split, detect_delimiter};
use super::{Delimited, LineAccount, SheetBuilder, excel_row, note_replaced};

/// Files from this size are read in parts when they can be (see [`read_in_parts`]).
pub(super) const PARTS_FROM: usize = 4 << 20;

/// A file read in parts, not yet joined.
pub(super) struct Parts {
    /// Per part: its rows, how it split, its lines, whether it holds U+FFFD.
    read: Vec<(SheetBuilder, Split, u64, bool)>,
    encoding: &'static str,
    delimiter: u8,
    sha256: String,
}

/// A UTF-8 file without a quote character is read in parts, one per core:
/// without quotes every line break ends a row, so parts cut after line
/// breaks split exactly as the whole file does. Each part is checked as
/// UTF-8 and split on its own (and the digest computed beside them), then the
/// parts' rows are joined. On the 447 MB national roster this halves the
/// reading (UTF-8 check and split were one core's work). `None` when the
/// file does not qualify: smaller than `from`, a quote anywhere, not UTF-8,
/// UTF-16 without a byte-order mark, no line break to cut at, or a part
/// too sparse for columns; it is then read whole.
pub(super) fn read_in_parts(bytes: &[u8], tsv: bool, from: usize, parts: usize) -> Option<Parts> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if bytes.len() < from || u32::try_from(bytes.len()).is_err() {
        return None;
    }
    let (body, encoding) = match bytes.strip_prefix(BOM) {
        Some(body) => (body, "UTF-8 (BOM)"),
        None if sniff_utf16(bytes).is_some() => return None,
        None => (bytes, "UTF-8"),
    };
    if memchr::memchr(b'"', body).is_some() {
        return None;
    }
    // The delimiter from the first 50 lines with text, as for the whole file.
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
    // Cut points just after a line break. The digest is computed beside the
    // parts, and the core computing it then reads the last part: hashing
    // runs about ten times faster than splitting and interning, so the other
    // parts are a tenth of the file larger between them (on two cores, 55%
    // and 45% of the 360 MB bench roster instead of halves, for 1.44 s of
    // reading wall time with halves).
    let mut cuts = vec![0];
    for k in 1..parts {
        let at = (body.len() * k * 11 / (parts * 10))
            .min(body.len())
            .max(*cuts.last().unwrap_or(&0));
        if let Some(p) = memchr::memchr(b'\n', &body[at..]) {
            cuts.push(at + p + 1);
        }
    }
    cuts.push(body.len());
    cuts.dedup();
    let pieces: Vec<&[u8]> = cuts.windows(2).map(|w| &body[w[0]..w[1]]).collect();
    let (sha256, read) = rayon::join(
        || super::super::sha256_hex(bytes),
        || {
            use rayon::prelude::*;
            pieces
                .par_iter()
                .map(|p| {
                    let (builder, split) = by_rows(p, delimiter)?;
                    Some((
                        builder,
                        split,
                        physical_lines(p),
                        memchr::memmem::find(p, "\u{fffd}".as_bytes()).is_some(),
                    ))
                })
                .collect::<Option<Vec<_>>>()
        },
    );
    // The joined sheet must be what reading the whole file gives: its grid
    // within the whole file's budget, and columns judged mostly distinct on
    // the file's first rows (the first part's).
    let read = read?;
    let total: usize = read.iter().map(|(b, ..)| b.rows()).sum();
    let width = read.iter().map(|(b, ..)| b.width()).max().unwrap_or(0);
    let budget = body.len().saturating_mul(2).saturating_add(1 << 20);
    if width.saturating_mul(total) > budget || !read.first()?.0.judged_as_whole(total) {
        return None;
    }
    Some(Parts {
        read,
        encoding,
        delimiter,
        sha256,
    })
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
    let (mut builder, mut split, mut lines, mut replaced) = read
        .next()
        .unwrap_or_else(|| (SheetBuilder::new(), Split::default(), 0, false));
    for (b, s, l, r) in read {
        builder.append(b);
        split.rows += s.rows;
        split.in_quoted_cells += s.in_quoted_cells;
        lines += l;
        replaced |= r;
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

/// Notes every cell holding a replacement character (bytes that were not
/// Splits text holding no quote character as [`split_rows`] reads it: every
/// line break (CRLF, LF or a lone CR) ends a row, a line without text is a
/// row without fields, and the fields are the bytes between delimiters.
/// Returns the rows.
pub(super) fn split_plain(b: &[u8], delim: u8, mut row: impl FnMut(&[&[u8]])) -> u64 {
    let mut rows = 0u64;
    let mut fields: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr2(b'\n', b'\r', &b[start..]).map_or(b.len(), |p| start + p);
        let line = &b[start..end];
        fields.clear();
        if !line.is_empty() {
            fields.extend(line.split(|&c| c == delim));
        }
        row(&fields);
        rows += 1;
        let crlf = b.get(end) == Some(&b'\r') && b.get(end + 1) == Some(&b'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    rows
}

/// Splits a part without quotes and interns its cells row by row, reading
/// the bytes once in order (interning column by column rereads them once per
/// column, a cache miss per cell); each new value is checked as UTF-8.
/// `None` when a value is not UTF-8 or the grid would be mostly padding.
fn by_rows(b: &[u8], delimiter: u8) -> Option<(SheetBuilder, Split)> {
    let budget = b.len().saturating_mul(2).saturating_add(1 << 20);
    let mut builder = SheetBuilder::new();
    let mut rows = 0usize;
    let mut failed = false;
    let split_rows = split_plain(b, delimiter, |fields| {
        failed = failed
            || builder.dense_cells().max(fields.len().saturating_mul(rows)) > budget
            || !builder.push_dense(excel_row(rows), fields);
        rows += 1;
    });
    let split = Split {
        rows: split_rows,
        ..Split::default()
    };
    (!failed).then_some((builder, split))
}
