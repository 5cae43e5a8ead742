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

use std::borrow::Cow;

use super::{CellRef, IngestNote, LineAccount, SheetBuilder};
use crate::issues::Problem;

pub(crate) struct Delimited {
    pub(crate) builder: SheetBuilder,
    pub(crate) encoding: &'static str,
    pub(crate) delimiter: char,
    pub(crate) lines: LineAccount,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub(crate) sha256: String,
}

/// A file's SHA-256: computed from the bytes before decoding, or (when the
/// text is the file's bytes after a prefix) beside the parse, on the other core.
enum Digest {
    Done(String),
    OfText(&'static [u8]),
}

/// Decodes the bytes to text and names the encoding used.
fn decode(mut bytes: Vec<u8>) -> (String, &'static str, Digest) {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if bytes.starts_with(BOM) {
        let digest = Digest::Done(super::sha256_hex(&bytes));
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(s) => (s, "UTF-8 (BOM)", Digest::OfText(BOM)),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                "UTF-8 (BOM)",
                digest,
            ),
        };
    }
    let digest = || Digest::Done(super::sha256_hex(&bytes));
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes[0] == 0xFF;
        let text = decode_utf16(&bytes[2..], le);
        return (text, if le { "UTF-16LE" } else { "UTF-16BE" }, digest());
    }
    if let Some(le) = sniff_utf16(&bytes) {
        let text = decode_utf16(&bytes, le);
        return (
            text,
            if le {
                "UTF-16LE (no BOM)"
            } else {
                "UTF-16BE (no BOM)"
            },
            digest(),
        );
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, "UTF-8", Digest::OfText(b"")),
        Err(e) => e.into_bytes(),
    };
    let digest = Digest::Done(super::sha256_hex(&bytes));
    if mostly_utf8(&bytes) {
        return (
            String::from_utf8_lossy(&bytes).into_owned(),
            "UTF-8",
            digest,
        );
    }
    if looks_like_font_encoding(&bytes) {
        (
            bytes.iter().map(|&b| char::from(b)).collect(),
            "Latin-1 (TCVN3/VNI)",
            digest,
        )
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1258.decode(&bytes);
        (text.into_owned(), "Windows-1258", digest)
    }
}

/// UTF-16 code units to text; unpaired surrogates and an odd last byte
/// become U+FFFD.
fn decode_utf16(bytes: &[u8], le: bool) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect();
    if odd {
        text.push('\u{fffd}');
    }
    text
}

/// UTF-16 without a BOM: text files have no NUL bytes, while mostly-ASCII
/// (or Latin-1) text in UTF-16 has one in nearly every code unit: after the
/// letter in LE, before it in BE. Returns whether it is little-endian.
fn sniff_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |skip: usize| {
        sample
            .iter()
            .skip(skip)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= units * 3 && even * 10 < units {
        Some(true)
    } else if even * 10 >= units * 3 && odd * 10 < units {
        Some(false)
    } else {
        None
    }
}

/// A file that is not valid UTF-8 is still read as UTF-8 when its valid
/// multi-byte sequences far outnumber its invalid ones: a few damaged bytes
/// in a UTF-8 file. Legacy single-byte text (Windows-1258, TCVN3, VNI) has
/// almost no valid UTF-8 multi-byte sequences and many invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes in valid text start one multi-byte sequence each.
        multi += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multi > 0 && multi >= 4 * invalid
}

/// TCVN3 letters sit in 0xA1–0xBF, where Windows-1258 has only symbols; VNI
/// puts mark bytes right after a vowel. Windows-1258 puts combining tone
/// bytes (0xCC 0xEC 0xD2 0xDE 0xF2) after vowels.
fn looks_like_font_encoding(bytes: &[u8]) -> bool {
    let tcvn = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xA1..=0xAE | 0xB5..=0xBE))
        .count();
    let vowel = |b: u8| b"aeiouyAEIOUY".contains(&b);
    let mut vni = 0;
    let mut cp1258 = 0;
    for w in bytes.windows(2) {
        if vowel(w[0]) {
            if matches!(
                w[1],
                0xF8 | 0xFB | 0xEF | 0xE5 | 0xE4 | 0xEB | 0xD8 | 0xDB | 0xCF | 0xC5 | 0xC4 | 0xCB
            ) {
                vni += 1;
            }
            if matches!(w[1], 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2) {
                cp1258 += 1;
            }
        }
    }
    tcvn + vni > cp1258
}

/// Picks the delimiter among comma, semicolon and tab: the one splitting the
/// most of the first lines into the same number of fields (quotes respected).
fn detect_delimiter(text: &str, tsv: bool) -> u8 {
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

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// Line breaks in `b`, the way Excel counts them: CRLF, LF and a lone CR
/// each end one line.
fn line_breaks(b: &[u8]) -> usize {
    memchr::memchr2_iter(b'\r', b'\n', b)
        .filter(|&i| !(b[i] == b'\r' && b.get(i + 1) == Some(&b'\n')))
        .count()
}

/// Physical lines of a text: its line breaks, plus an unterminated last line.
fn physical_lines(b: &[u8]) -> u64 {
    let last = b.last().is_some_and(|&c| !is_break(c));
    (line_breaks(b) + usize::from(last)) as u64
}

/// One record's extent under the csv crate's quoting rules (a quote opens a
/// field only at its start; doubled quotes inside; text after a closing
/// quote continues the field, unquoted).
#[derive(Debug, Default)]
struct Extent {
    /// Offset of the line break ending the record, or the text's length.
    end: usize,
    /// Line breaks inside quoted fields (CRLF counts once).
    inner_breaks: usize,
    /// Offset of the first of those (the end of the record's first line).
    first_break: Option<usize>,
    /// The text ends inside a quoted field.
    open_at_end: bool,
}

/// Where a field scanner is: at a field's start, in an unquoted field, in a
/// quoted one, or just after a quote inside a quoted field.
#[derive(PartialEq)]
enum St {
    Start,
    Unquoted,
    Quoted,
    AfterQuote,
}

fn scan(b: &[u8], s: usize, delim: u8) -> Extent {
    let mut st = St::Start;
    let mut ext = Extent::default();
    let mut i = s;
    while i < b.len() {
        let c = b[i];
        match st {
            St::Start if c == b'"' => st = St::Quoted,
            St::Start | St::Unquoted | St::AfterQuote if c == delim => st = St::Start,
            St::Start | St::Unquoted | St::AfterQuote if is_break(c) => {
                ext.end = i;
                return ext;
            }
            St::Start | St::Unquoted => st = St::Unquoted,
            St::AfterQuote if c == b'"' => st = St::Quoted,
            St::AfterQuote => st = St::Unquoted,
            St::Quoted if c == b'"' => st = St::AfterQuote,
            St::Quoted if is_break(c) => {
                let at = i;
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                ext.inner_breaks += 1;
                ext.first_break.get_or_insert(at);
            }
            St::Quoted => {}
        }
        i += 1;
    }
    ext.end = b.len();
    ext.open_at_end = st == St::Quoted;
    ext
}

fn to_text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The fields of one line read on its own, under the csv crate's rules,
/// except that a quote opening a field still open at the end of the line is
/// taken literally (that field and the rest of the line split at every
/// delimiter). Also returns the column of that stray quote.
fn fields_alone(line: &[u8], delim: u8) -> (Vec<String>, Option<usize>) {
    let mut fields = Vec::new();
    let mut cur = Vec::new();
    let mut st = St::Start;
    let mut quote_at = 0;
    for (i, &c) in line.iter().enumerate() {
        match st {
            St::Start if c == b'"' => {
                st = St::Quoted;
                quote_at = i;
            }
            St::Start | St::Unquoted | St::AfterQuote if c == delim => {
                fields.push(to_text(&cur));
                cur.clear();
                st = St::Start;
            }
            St::AfterQuote if c == b'"' => {
                cur.push(c);
                st = St::Quoted;
            }
            St::Start | St::Unquoted | St::AfterQuote => {
                cur.push(c);
                st = St::Unquoted;
            }
            St::Quoted if c == b'"' => st = St::AfterQuote,
            St::Quoted => cur.push(c),
        }
    }
    if st == St::Quoted {
        let col = fields.len();
        fields.extend(line[quote_at..].split(|&c| c == delim).map(to_text));
        return (fields, Some(col));
    }
    if !line.is_empty() {
        fields.push(to_text(&cur));
    }
    (fields, None)
}

/// The lines of `b` (CRLF, LF or CR ends each), without their breaks.
fn lines_of(b: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if is_break(b[i]) {
            out.push(&b[start..i]);
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push(&b[start..]);
    out
}

/// How the rows were read: counts and the notes for data issues.
#[derive(Debug, Default)]
struct Split {
    rows: u64,
    in_quoted_cells: u64,
    notes: Vec<IngestNote>,
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
fn split_rows(text: &str, delim: u8, mut row: impl FnMut(&[Cow<'_, str>])) -> Split {
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
        let body_end = if read_to > s && is_break(b[read_to - 1]) {
            read_to - 1
        } else {
            read_to
        };
        // Only a record spanning lines, or reaching the end of the text with
        // a quote in it, can hold a stray quote.
        let needs_scan = memchr::memchr2(b'\r', b'\n', &b[s..body_end]).is_some()
            || (read_to == b.len() && memchr::memchr(b'"', &b[s..]).is_some());
        let ext = if needs_scan {
            scan(b, s, delim)
        } else {
            Extent {
                end: body_end,
                ..Extent::default()
            }
        };
        // A quote that never closes is stray.
        let stray = ext.open_at_end
            || (ext.first_break.is_some() && usual >= 2 && {
                let counts: Vec<usize> = lines_of(&b[s..ext.end])
                    .iter()
                    .map(|l| fields_alone(l, delim).0.len())
                    .collect();
                // Lines wholly inside the cell (neither where the quote
                // opens nor where it closes) that read as full rows.
                let middle = &counts[1..counts.len() - 1];
                middle.iter().any(|&n| n >= usual)
                    || (rec.len() != usual && counts[1..].contains(&usual))
                    || counts.iter().all(|&n| n == usual)
            });
        if stray {
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

/// Excel's row number of a grid row.
fn excel_row(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
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

/// Splits the text once, recording where each cell is, then interns the
/// columns in parallel (files under 4 GiB: spans are 32-bit offsets).
/// `None` when the grid would be mostly padding (a few very long rows
/// among many short ones): the cell-by-cell builder then keeps memory to the
/// cells the file holds.
fn by_columns(text: &str, delimiter: u8) -> Option<(SheetBuilder, Split)> {
    // Span slots allowed: well above any real roster's rows × columns.
    let budget = text.len().saturating_mul(2).saturating_add(1 << 20);
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

/// Files from this size are read in parts when they can be (see [`read_in_parts`]).
const PARTS_FROM: usize = 4 << 20;

/// A UTF-8 file without a quote character is read in parts, one per core:
/// without quotes every line break ends a row, so parts cut after line
/// breaks split exactly as the whole file does. Each part is checked as
/// UTF-8 and split on its own (and the digest computed beside them), then the
/// parts' rows are joined. On the 447 MB national roster this halves the
/// reading (UTF-8 check and split were one core's work). `None` when the
/// file does not qualify: smaller than `from`, a quote anywhere, not UTF-8,
/// UTF-16 without a byte-order mark, no line break to cut at, or a part
/// too sparse for columns; it is then read whole.
/// A file read in parts, not yet joined.
struct Parts {
    /// Per part: its rows, how it split, its lines, whether it holds U+FFFD.
    read: Vec<(SheetBuilder, Split, u64, bool)>,
    encoding: &'static str,
    delimiter: u8,
    sha256: String,
}

fn read_in_parts(bytes: &[u8], tsv: bool, from: usize, parts: usize) -> Option<Parts> {
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
    // Cut points just after a line break.
    let mut cuts = vec![0];
    for k in 1..parts {
        let at = (body.len() * k / parts).max(*cuts.last().unwrap_or(&0));
        if let Some(p) = memchr::memchr(b'\n', &body[at..]) {
            cuts.push(at + p + 1);
        }
    }
    cuts.push(body.len());
    cuts.dedup();
    let pieces: Vec<&[u8]> = cuts.windows(2).map(|w| &body[w[0]..w[1]]).collect();
    let (sha256, read) = rayon::join(
        || super::sha256_hex(bytes),
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
fn join_parts(parts: Parts) -> Delimited {
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

/// Splits text holding no quote character as [`split_rows`] reads it: every
/// line break (CRLF, LF or a lone CR) ends a row, a line without text is a
/// row without fields, and the fields are the bytes between delimiters.
/// Returns the rows.
fn split_plain(b: &[u8], delim: u8, mut row: impl FnMut(&[&[u8]])) -> u64 {
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

pub(crate) fn read(bytes: Vec<u8>, tsv: bool) -> Delimited {
    // One part per core; the file's bytes are freed before the parts are
    // joined (the parts hold their own copies of the values).
    if let Some(parts) = read_in_parts(&bytes, tsv, PARTS_FROM, rayon::current_num_threads()) {
        drop(bytes);
        return join_parts(parts);
    }
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
        sha256,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(bytes: &[u8]) -> (Vec<u32>, Vec<Vec<String>>, char, &'static str) {
        let d = read(bytes.to_vec(), false);
        let (enc, delim) = (d.encoding, d.delimiter);
        let s = d.builder.finish(0, "t".into());
        let rows = (0..s.len())
            .map(|r| (0..s.columns.len()).map(|c| s.cell_text(r, c)).collect())
            .collect();
        (s.excel_rows.clone(), rows, delim, enc)
    }

    #[test]
    fn utf8_bom_semicolon_and_blank_lines() {
        let (rows, cells, d, enc) = grid("\u{feff}Họ tên;Đơn vị\n\nAn;X\n\"B; b\";Y\n".as_bytes());
        assert_eq!(d, ';');
        assert_eq!(enc, "UTF-8 (BOM)");
        assert_eq!(rows, vec![1, 2, 3, 4]);
        assert_eq!(cells[0], vec!["Họ tên", "Đơn vị"]);
        assert!(cells[1].iter().all(String::is_empty));
        assert_eq!(cells[3], vec!["B; b", "Y"]);
    }

    #[test]
    fn utf16le_tab() {
        let text = "Họ tên\tĐơn vị\r\nAn\tX\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (rows, cells, d, enc) = grid(&bytes);
        assert_eq!((d, enc), ('\t', "UTF-16LE"));
        assert_eq!(rows, vec![1, 2]);
        assert_eq!(cells[1], vec!["An", "X"]);
    }

    /// A quoted cell with a line break is one row, as in Excel: the record
    /// after it is on the next row, not the next physical line.
    #[test]
    fn multiline_field_is_one_row() {
        let (rows, cells, _, _) = grid(b"a,b\n\"x\ny\",z\nc,d\n\"say \"\"hi\"\"\",e\n");
        assert_eq!(rows, vec![1, 2, 3, 4]);
        assert_eq!(cells[2], vec!["c", "d"]);
        assert_eq!(cells[1][0], "x y"); // line break inside a cell becomes a space when cleaned
        assert_eq!(cells[3][0], "say \"hi\"");
    }

    #[test]
    fn crlf_and_lone_cr_line_ends() {
        let (rows, _, _, _) = grid(b"a,b\r\n\r\nc,d\re,f");
        assert_eq!(rows, vec![1, 2, 3, 4]);
    }

    #[test]
    fn windows_1258_and_tcvn3_bytes() {
        // "Hà" in Windows-1258: H a + combining grave (0xCC).
        let (_, cells, _, enc) = grid(b"Ho ten,X\nHa\xCC,1\n");
        assert_eq!(enc, "Windows-1258");
        assert_eq!(cells[1][0], "Hà");
        // TCVN3 "Hä vµ tªn" as Latin-1 bytes.
        let (_, cells, _, enc) = grid(b"H\xE4 v\xB5 t\xAAn,X\n");
        assert_eq!(enc, "Latin-1 (TCVN3/VNI)");
        assert_eq!(cells[0][0], "Họ và tên");
    }

    /// Reads bytes; returns the sheet, its notes and the line account.
    fn sheet(bytes: &[u8]) -> (super::super::RawSheet, LineAccount) {
        let d = read(bytes.to_vec(), false);
        let lines = d.lines;
        (d.builder.finish(0, "t".into()), lines)
    }

    fn stray(opened: u32) -> Problem {
        Problem::StrayQuote { opened }
    }

    /// The issue's case: a quote opened on row 3 never closes. Every person
    /// is still a row of their own; the quote's row names the cell, and
    /// every row it had swallowed is noted.
    #[test]
    fn unclosed_quote_does_not_swallow_the_file() {
        let mut text = String::from("STT,Họ và tên,Đơn vị\n1,An,X\n2,\"Bình,X\n");
        for i in 3..=12 {
            text.push_str(&format!("{i},Người {i},X\n"));
        }
        let (s, lines) = sheet(text.as_bytes());
        assert_eq!(s.len(), 13);
        assert_eq!(s.cell_text(2, 1), "\"Bình");
        assert_eq!(s.cell_text(2, 2), "X");
        assert_eq!(s.cell_text(12, 1), "Người 12");
        assert_eq!(
            lines,
            LineAccount {
                lines: 13,
                rows: 13,
                in_quoted_cells: 0
            }
        );
        assert_eq!(s.notes.len(), 11);
        assert_eq!((s.notes[0].row, s.notes[0].col), (2, Some(1)));
        assert!(s.notes.iter().all(|n| n.problem == stray(3)));
        assert_eq!(
            s.notes[1..]
                .iter()
                .map(|n| (n.row, n.col))
                .collect::<Vec<_>>(),
            (3..13).map(|r| (r, None)).collect::<Vec<_>>()
        );
    }

    /// A stray quote that a later quote "closes": the lines in between look
    /// like rows, so each is read on its own; the later, well-formed quoted
    /// cell stays one cell.
    #[test]
    fn stray_quote_closed_by_a_later_quote() {
        let (s, lines) = sheet(b"a,b,c,d\n3,\"Ng,X,Y\n4,Tr,X,Y\n5,\"B, b\",X,Y\n6,C,X,Y\n");
        assert_eq!(s.len(), 5);
        assert_eq!(s.cell_text(1, 1), "\"Ng");
        assert_eq!(s.cell_text(2, 1), "Tr");
        assert_eq!(s.cell_text(3, 1), "B, b");
        assert_eq!(s.cell_text(4, 0), "6");
        assert_eq!(lines.in_quoted_cells, 0);
        let noted: Vec<_> = s.notes.iter().map(|n| (n.row, n.col)).collect();
        assert_eq!(noted, vec![(1, Some(1)), (2, None), (3, None)]);
        // Same when the swallowed line's own quote pairs with it.
        let (s, _) = sheet(b"a,b,c,d\n3,\"Ng,X,Y\n4,\"Tr\",X,Y\n5,C,X,Y\n");
        assert_eq!(s.len(), 4);
        assert_eq!(s.cell_text(2, 1), "Tr");
        assert_eq!(s.notes.len(), 2);
    }

    /// A properly closed multi-line cell (an address with a comma and a line
    /// break) stays one cell; the next person is on the next Excel row.
    #[test]
    fn closed_multiline_address_is_one_cell() {
        let text =
            "Họ tên,Địa chỉ,Đơn vị\r\nAn,\"12 Lê Lợi\r\nPhường 5, Quận 1\",X\r\nBình,Y,Z\r\n";
        let (s, lines) = sheet(text.as_bytes());
        assert_eq!(s.len(), 3);
        assert_eq!(s.cell_text(1, 1), "12 Lê Lợi Phường 5, Quận 1");
        assert_eq!(s.cell_text(2, 0), "Bình");
        assert_eq!(s.excel_rows, vec![1, 2, 3]);
        assert!(s.notes.is_empty());
        assert_eq!(
            lines,
            LineAccount {
                lines: 4,
                rows: 3,
                in_quoted_cells: 1
            }
        );
    }

    /// A quote that never closes is stray, on the last line too (it would
    /// swallow the rest of its line).
    #[test]
    fn unclosed_quote_on_the_last_line() {
        for (text, rows) in [
            (&b"a,b\n1,\"x,y\n"[..], 2),
            (b"a,b\n1,\"x,y\r\n\r\n", 3),
            (b"a,b\n1,\"x,y", 2),
        ] {
            let (s, lines) = sheet(text);
            assert_eq!(s.len(), rows);
            assert_eq!(s.cell_text(1, 1), "\"x");
            assert_eq!(s.cell_text(1, 2), "y");
            assert_eq!(s.notes.len(), 1);
            assert_eq!((s.notes[0].row, s.notes[0].col), (1, Some(1)));
            assert_eq!(lines.lines, rows as u64);
            assert_eq!(lines.rows, rows as u64);
        }
    }

    #[test]
    fn blank_lines_everywhere_are_rows() {
        let (s, lines) = sheet(b"\r\n\na,b\r\n\r\n\rc,d\n\n\n");
        // Lines: "", "", "a,b", "", "" (lone CR), "c,d", "", "".
        assert_eq!(s.len(), 8);
        assert_eq!(s.cell_text(2, 0), "a");
        assert_eq!(s.cell_text(5, 1), "d");
        assert!(s.row_is_blank(7));
        assert_eq!(lines.lines, 8);
    }

    /// A UTF-8 file with a few invalid bytes is UTF-8; each damaged cell is noted.
    #[test]
    fn invalid_bytes_in_utf8() {
        let mut bytes = "Họ và tên,Đơn vị,Trình độ\nLê Văn An,UBND xã Hòa,Đại học\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(
            b"Tr\xE1\xBB\xA7n B\xFF,UBND x\xC3 Hi\xC3,Th\xE1\xBA\xA1c s\xC4\xA9\n",
        );
        let d = read(bytes, false);
        assert_eq!(d.encoding, "UTF-8");
        let s = d.builder.finish(0, "t".into());
        assert_eq!(s.cell_text(0, 0), "Họ và tên");
        assert_eq!(s.cell_text(2, 0), "Trủn B\u{fffd}");
        let noted: Vec<_> = s
            .notes
            .iter()
            .map(|n| (n.row, n.col, n.problem.clone()))
            .collect();
        assert_eq!(
            noted,
            vec![
                (2, Some(0), Problem::InvalidBytes),
                (2, Some(1), Problem::InvalidBytes)
            ]
        );
    }

    #[test]
    fn utf16_without_bom() {
        let text = "Họ và tên,Đơn vị\r\nAn,X\r\n";
        for le in [true, false] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let (rows, cells, d, enc) = grid(&bytes);
            assert_eq!(
                enc,
                if le {
                    "UTF-16LE (no BOM)"
                } else {
                    "UTF-16BE (no BOM)"
                }
            );
            assert_eq!((d, rows), (',', vec![1, 2]));
            assert_eq!(cells[0], vec!["Họ và tên", "Đơn vị"]);
        }
    }

    /// Lines the way Excel counts them, counted here independently of the reader.
    /// Everything a read gives, as text: encoding, delimiter, lines, digest,
    /// notes, and every row's Excel number and cells.
    fn everything(d: Delimited) -> String {
        let head = format!(
            "{} {:?} {:?} {} {:?}",
            d.encoding, d.delimiter, d.lines, d.sha256, d.builder.notes
        );
        let s = d.builder.finish(0, "t".into());
        let mut out = vec![head];
        for r in 0..s.len() {
            let cells: Vec<String> = (0..s.columns.len()).map(|c| s.cell_text(r, c)).collect();
            out.push(format!("{} {:?}", s.excel_rows[r], cells));
        }
        out.join("\n")
    }

    #[test]
    fn a_file_read_in_parts_reads_as_a_whole() {
        let mut text = String::from("\u{feff}STT;Họ và tên;Đơn vị\r\n");
        for i in 0..120 {
            match i % 9 {
                0 => text.push_str("\r\n"),
                1 => text.push_str(&format!("{i};Nguyễn Văn {i};UBND xã A\n")),
                2 => text.push_str(&format!("{i};Lê Thị \u{fffd}{i}\r\n")),
                3 => text.push_str(";;\n"),
                _ => text.push_str(&format!("{i};Trần {};UBND xã B;x;y\n", i % 4)),
            }
        }
        text.push_str("999;cuối;không xuống dòng");
        let bytes = text.into_bytes();
        let whole = everything(read(bytes.clone(), false));
        for parts in 1..=5 {
            let d = join_parts(read_in_parts(&bytes, false, 0, parts).expect("qualifies"));
            assert_eq!(everything(d), whole, "{parts} parts");
        }
        // Bytes that are not UTF-8 in a later part: read whole (as Windows-1258 here).
        let mut bad = bytes.clone();
        let at = bad.len() - 20;
        bad[at] = 0xFF;
        assert!(read_in_parts(&bad, false, 0, 2).is_none());
        // A quote anywhere, or fewer than 50 lines with text: read whole.
        let quoted = [bytes.as_slice(), b"\n1;\"a\";b"].concat();
        assert!(read_in_parts(&quoted, false, 0, 2).is_none());
        assert!(read_in_parts(b"a;b\n1;2\n", false, 0, 2).is_none());
    }

    #[test]
    fn parts_judge_mostly_distinct_columns_as_the_whole_file() {
        // 100,000 distinct Unicode names, then 120,000 cells of one TCVN3 name:
        // read whole, the name column is judged mostly distinct on its first
        // rows and stores every later cell, so TCVN3 outweighs and is converted.
        let mut text = String::from("STT;Họ và tên\n");
        for i in 0..100_000 {
            text.push_str(&format!("{i};Nguyễn Văn {i}\n"));
        }
        for i in 0..120_000 {
            text.push_str(&format!("{i};Ph¹m V¨n An\n"));
        }
        let bytes = text.into_bytes();
        let whole = everything(read(bytes.clone(), false));
        assert!(
            whole.contains("Phạm Văn An"),
            "{}",
            &whole[whole.len() - 300..]
        );
        for parts in 1..=3 {
            if let Some(p) = read_in_parts(&bytes, false, 0, parts) {
                assert_eq!(everything(join_parts(p)), whole, "{parts} parts");
            }
        }
        assert!(read_in_parts(&bytes, false, 0, 2).is_some());
    }

    #[test]
    fn parts_never_join_into_a_grid_the_whole_file_would_not_build() {
        // A wide row in the first part and many short rows in the second:
        // each part fits its own budget, the joined grid does not.
        let mut text = "a,b\n".repeat(50);
        text.push_str(&"x,".repeat(2_000));
        text.push('\n');
        text.push_str(&"\n".repeat(2_000));
        assert!(read_in_parts(text.as_bytes(), false, 0, 2).is_none());
        let d = read(text.into_bytes(), false);
        assert_eq!(d.lines.rows, 2_051);
    }

    fn count_lines(b: &[u8]) -> u64 {
        let mut n = 0;
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => n += 1,
                b'\r' => {
                    n += 1;
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                _ => {
                    if i + 1 == b.len() {
                        n += 1;
                    }
                }
            }
            i += 1;
        }
        n
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Any bytes: no panic, and every physical line is a row or a line
        /// continuing a quoted cell; rows are numbered 1, 2, 3, …
        #[test]
        fn every_line_accounted(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just(b"\"".to_vec()),
                proptest::strategy::Just(b",".to_vec()),
                proptest::strategy::Just(b";".to_vec()),
                proptest::strategy::Just(b"\t".to_vec()),
                proptest::strategy::Just(b"\n".to_vec()),
                proptest::strategy::Just(b"\r".to_vec()),
                proptest::strategy::Just(b"\r\n".to_vec()),
                proptest::strategy::Just(b"\"\"".to_vec()),
                proptest::strategy::Just("Đại học".as_bytes().to_vec()),
                proptest::strategy::Just("ồ".as_bytes().to_vec()),
                proptest::strategy::Just(b"ab".to_vec()),
                proptest::strategy::Just(b" ".to_vec()),
                proptest::collection::vec(proptest::num::u8::ANY, 1..3),
            ],
            0..60,
        )) {
            let bytes: Vec<u8> = parts.concat();
            let (text, _, _) = decode(bytes.clone());
            let d = read(bytes, false);
            proptest::prop_assert_eq!(d.lines.lines, count_lines(text.as_bytes()));
            let lines = d.lines;
            let s = d.builder.finish(0, "t".into());
            proptest::prop_assert_eq!(lines.lines, lines.rows + lines.in_quoted_cells);
            proptest::prop_assert_eq!(s.len() as u64, lines.rows);
            let expected: Vec<u32> = (1..=s.excel_rows.len() as u32).collect();
            proptest::prop_assert_eq!(&s.excel_rows, &expected);
            for n in &s.notes {
                proptest::prop_assert!(n.row < s.len());
            }
        }

        /// A line read on its own splits as the csv crate splits it, unless a
        /// quote is left open (then taken literally).
        #[test]
        fn quote_free_text_splits_as_the_csv_reader_reads_it(
            text in "[aé ,;\t\r\n]{0,60}",
            delim in proptest::sample::select(vec![b',', b';', b'\t']),
        ) {
            let mut plain: Vec<Vec<String>> = Vec::new();
            let rows = split_plain(text.as_bytes(), delim, |f| {
                plain.push(f.iter().map(|x| String::from_utf8_lossy(x).into_owned()).collect());
            });
            let mut read: Vec<Vec<String>> = Vec::new();
            let split = split_rows(&text, delim, |f| {
                read.push(f.iter().map(ToString::to_string).collect());
            });
            proptest::prop_assert_eq!(rows, split.rows);
            proptest::prop_assert_eq!(plain, read);
        }

        #[test]
        fn a_line_alone_splits_like_the_csv_crate(line in "[ab\",;]{0,30}") {
            let (fields, stray) = fields_alone(line.as_bytes(), b',');
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(line.as_bytes());
            let records: Vec<csv::ByteRecord> =
                rdr.byte_records().map(Result::unwrap).collect();
            proptest::prop_assert!(records.len() <= 1);
            let csv_fields: Vec<String> = records
                .first()
                .map(|r| r.iter().map(to_text).collect())
                .unwrap_or_default();
            match stray {
                None => proptest::prop_assert_eq!(fields, csv_fields),
                Some(col) => {
                    proptest::prop_assert!(fields[col].starts_with('"'));
                    proptest::prop_assert_eq!(&fields[..col], &csv_fields[..col]);
                }
            }
        }

        /// Over the decoded text (any encoding), lines counted independently.
        #[test]
        fn lines_counted_independently(text in "[a\",;\r\n\"]{0,40}") {
            let d = read(text.as_bytes().to_vec(), false);
            proptest::prop_assert_eq!(d.lines.lines, count_lines(text.as_bytes()));
            proptest::prop_assert_eq!(d.lines.lines, d.lines.rows + d.lines.in_quoted_cells);
        }
    }
}
