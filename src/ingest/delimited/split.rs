//! Delimiter detection and the splitting of text into rows with the csv
//! crate, blank lines and stray quotes accounted for.

use std::borrow::Cow;

use super::scan::{Extent, fields_alone, is_break, line_breaks, lines_of, scan, to_text};
use super::{IngestNote, excel_row};
use crate::issues::Problem;

/// Picks the delimiter among comma, semicolon and tab: the one splitting the
/// most of the first lines into the same number of fields (quotes respected).
pub(super) fn detect_delimiter(text: &str, tsv: bool) -> u8 {
    let lines: Vec<&str> = text
        .split(['\r', '\n'])
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (if tsv { b'\t' } else { b',' }, 0usize, 0usize);
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut freq = std::collections::HashMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        // The most common count, then the larger count on ties.
        let Some((&mode, &lines_with)) = freq.iter().max_by_key(|(c, n)| (**n, **c)) else {
            continue;
        };
        if (lines_with, mode) > (best.1, best.2) {
            best = (d, lines_with, mode);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

fn csv_reader(b: &[u8], delim: u8) -> csv::Reader<std::io::Cursor<&[u8]>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(std::io::Cursor::new(b))
}

/// The usual number of fields of a record of this file: the most common
/// among its first records as the csv crate reads them (a stray quote
/// matched by the next line's quote still gives a record of the usual
/// length, so the count holds even when most lines carry one).
fn usual_fields(b: &[u8], delim: u8) -> usize {
    let mut rdr = csv_reader(b, delim);
    let mut rec = csv::ByteRecord::new();
    let mut freq = std::collections::HashMap::new();
    for _ in 0..1000 {
        if !matches!(rdr.read_byte_record(&mut rec), Ok(true)) {
            break;
        }
        *freq.entry(rec.len()).or_insert(0usize) += 1;
    }
    freq.into_iter()
        .max_by_key(|&(n, count)| (count, n))
        .map_or(1, |(n, _)| n)
}

/// How the rows were read: counts and the notes for data issues.
#[derive(Debug, Default)]
pub(super) struct Split {
    pub(super) rows: u64,
    pub(super) in_quoted_cells: u64,
    pub(super) notes: Vec<IngestNote>,
}

/// Splits delimited text into rows with the csv crate, calling `row` with
/// each row's fields (none for a blank line). Row n is Excel row n.
///
/// A record spanning several lines is a stray quote's doing, not a cell
/// with line breaks, when its quote never closes and lines with text follow
/// (Excel would show them), or when its continuation lines look like
/// records: a line wholly inside the cell reads on its own as a full row
/// (whatever the whole record's width), a later line has the usual number of
/// fields while the record has not, or every line of it has.
pub(super) fn split_rows(text: &str, delim: u8, mut row: impl FnMut(&[Cow<'_, str>])) -> Split {
    let b = text.as_bytes();
    let usual = usual_fields(b, delim);
    let mut out = Split::default();
    // Where the last row's record ended (the offset of its line break).
    let mut prev_end: Option<usize> = None;
    // Records starting before this offset were swallowed by the stray quote
    // opened on that row (index).
    let mut touched: Option<(usize, usize)> = None;
    let mut fields: Vec<Cow<'_, str>> = Vec::new();
    let mut rdr = csv_reader(b, delim);
    let mut rec = csv::ByteRecord::new();
    // Reading byte records from memory cannot fail (no UTF-8 check, no
    // field-count check with `flexible`).
    while let Ok(true) = rdr.read_byte_record(&mut rec) {
        let offset = |p: &csv::Position| usize::try_from(p.byte()).unwrap_or(b.len());
        let read_from = rec.position().map_or(0, offset);
        let read_to = offset(rdr.position());
        // The csv crate skips the line breaks before a record.
        let s = read_from + b[read_from..].iter().take_while(|&&c| is_break(c)).count();
        out.rows += blank_rows(b, prev_end, s, &mut row);
        let index = out.rows as usize;
        let ext = record_extent(b, s, read_to, delim);
        if holds_stray_quote(b, s, &ext, rec.len(), usual, delim) {
            let l0_end = ext.first_break.unwrap_or(ext.end);
            let (cells, col) = fields_alone(&b[s..l0_end], delim);
            fields.clear();
            fields.extend(cells.into_iter().map(Cow::Owned));
            row(&fields);
            out.rows += 1;
            out.notes.push(IngestNote {
                row: index,
                col,
                problem: Problem::StrayQuote {
                    opened: excel_row(index),
                },
            });
            touched = Some((ext.end, index));
            prev_end = Some(l0_end);
            // Reading resumes on the next line.
            let mut pos = csv::Position::new();
            pos.set_byte(l0_end as u64);
            if rdr
                .seek_raw(std::io::SeekFrom::Start(l0_end as u64), pos)
                .is_err()
            {
                break; // not on an in-memory reader
            }
            continue;
        }
        if let Some((until, opened)) = touched
            && s < until
        {
            out.notes.push(IngestNote {
                row: index,
                col: None,
                problem: Problem::StrayQuote {
                    opened: excel_row(opened),
                },
            });
        }
        emit_record(text, s, &rec, &mut fields, &mut row);
        out.rows += 1;
        out.in_quoted_cells += ext.inner_breaks as u64;
        prev_end = Some(ext.end);
    }
    out.rows += blank_rows(b, prev_end, b.len(), &mut row);
    out
}

/// The extent of the record the csv crate read from `s` to `read_to`.
/// Only a record spanning lines, or reaching the end of the text with a
/// quote in it, can hold a stray quote: only such a record is scanned.
fn record_extent(b: &[u8], s: usize, read_to: usize, delim: u8) -> Extent {
    let body_end = if read_to > s && is_break(b[read_to - 1]) {
        read_to - 1
    } else {
        read_to
    };
    let needs_scan = memchr::memchr2(b'\r', b'\n', &b[s..body_end]).is_some()
        || (read_to == b.len() && memchr::memchr(b'"', &b[s..]).is_some());
    if needs_scan {
        scan(b, s, delim)
    } else {
        Extent {
            end: body_end,
            ..Extent::default()
        }
    }
}

/// Whether the record at `s` (its extent `ext`, `fields` fields as the csv
/// crate read it) holds a stray quote rather than a cell with line breaks
/// (see [`split_rows`]). A quote that never closes is stray.
fn holds_stray_quote(
    b: &[u8],
    s: usize,
    ext: &Extent,
    fields: usize,
    usual: usize,
    delim: u8,
) -> bool {
    ext.open_at_end
        || (ext.first_break.is_some() && usual >= 2 && {
            let counts: Vec<usize> = lines_of(&b[s..ext.end])
                .iter()
                .map(|l| fields_alone(l, delim).0.len())
                .collect();
            // Lines wholly inside the cell (neither where the quote
            // opens nor where it closes) that read as full rows.
            let middle = &counts[1..counts.len() - 1];
            middle.iter().any(|&n| n >= usual)
                || (fields != usual && counts[1..].contains(&usual))
                || counts.iter().all(|&n| n == usual)
        })
}

/// Emits the blank rows between the end of the last record (`prev_end`, or
/// the start of the text) and `to`: one per line break, less the one ending
/// that record.
fn blank_rows(
    b: &[u8],
    prev_end: Option<usize>,
    to: usize,
    row: &mut impl FnMut(&[Cow<'_, str>]),
) -> u64 {
    let from = prev_end.unwrap_or(0);
    let n = line_breaks(&b[from..to]).saturating_sub(usize::from(prev_end.is_some()));
    for _ in 0..n {
        row(&[]);
    }
    n as u64
}

/// Hands a record's fields over: borrowed from the text when the record has
/// no quote (each field is then the text between delimiters), else copied.
fn emit_record<'t>(
    text: &'t str,
    s: usize,
    rec: &csv::ByteRecord,
    fields: &mut Vec<Cow<'t, str>>,
    row: &mut impl FnMut(&[Cow<'_, str>]),
) {
    fields.clear();
    let raw_len = rec.as_slice().len() + rec.len().saturating_sub(1);
    let raw = &text.as_bytes()[s..(s + raw_len).min(text.len())];
    if raw.len() == raw_len && memchr::memchr(b'"', raw).is_none() {
        for i in 0..rec.len() {
            let r = rec.range(i).unwrap_or(0..0);
            let (from, to) = (s + r.start + i, s + r.end + i);
            fields.push(
                text.get(from..to)
                    .map_or_else(|| Cow::Owned(to_text(&rec[i])), Cow::Borrowed),
            );
        }
    } else {
        fields.extend(rec.iter().map(|f| Cow::Owned(to_text(f))));
    }
    row(fields);
}
