//! Delimited text files: encoding and delimiter detection, then records with
//! the line numbers Excel would show.
//!
//! Encodings: UTF-8 with or without BOM; UTF-16 LE/BE with BOM (Excel's
//! "Unicode Text"); otherwise a legacy single-byte file, read as Windows-1258
//! (Vietnamese Windows' own code page, what Excel's "CSV" save writes there)
//! or, when its bytes look like TCVN3/VNI font text, as Latin-1 so that the
//! sheet-level legacy conversion can map them.

use std::borrow::Cow;

use super::{CellRef, SheetBuilder};

pub(crate) struct Delimited {
    pub(crate) builder: SheetBuilder,
    pub(crate) encoding: &'static str,
    pub(crate) delimiter: char,
}

/// Decodes the bytes to text and names the encoding used.
fn decode(mut bytes: Vec<u8>) -> (String, &'static str) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(s) => (s, "UTF-8 (BOM)"),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                "UTF-8 (BOM)",
            ),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes[0] == 0xFF;
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        let text = char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect();
        return (text, if le { "UTF-16LE" } else { "UTF-16BE" });
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, "UTF-8"),
        Err(e) => e.into_bytes(),
    };
    if looks_like_font_encoding(&bytes) {
        (
            bytes.iter().map(|&b| char::from(b)).collect(),
            "Latin-1 (TCVN3/VNI)",
        )
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1258.decode(&bytes);
        (text.into_owned(), "Windows-1258")
    }
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
        .lines()
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

/// Splits delimited text into rows (RFC 4180 quoting: doubled quotes,
/// delimiters and line breaks inside quotes), calling `row` with the line
/// number each row starts on. Every line is a row, blank ones included, so
/// the numbers are those Excel shows. (The csv crate skips blank lines and
/// does not count CRLF line ends, so its positions cannot be used here.)
fn split_rows(text: &str, delim: u8, mut row: impl FnMut(u32, &[Cow<'_, str>])) {
    let b = text.as_bytes();
    let len = b.len();
    let (mut i, mut line) = (0usize, 1u32);
    let mut fields = Vec::new();
    let end_of_field = |c: u8| c == delim || c == b'\n' || c == b'\r';
    while i < len {
        let row_line = line;
        fields.clear();
        loop {
            if i < len && b[i] == b'"' {
                i += 1;
                let mut s = String::new();
                let mut start = i;
                while i < len {
                    if b[i] == b'"' {
                        s.push_str(&text[start..i]);
                        if i + 1 < len && b[i + 1] == b'"' {
                            s.push('"');
                            i += 2;
                            start = i;
                            continue;
                        }
                        i += 1;
                        start = i;
                        break;
                    }
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                // Text after the closing quote belongs to the field too.
                let from = start.min(len);
                while i < len && !end_of_field(b[i]) {
                    i += 1;
                }
                if from < i {
                    s.push_str(&text[from..i]);
                }
                fields.push(Cow::Owned(s));
            } else {
                let start = i;
                i = memchr::memchr3(delim, b'\n', b'\r', &b[i..]).map_or(len, |k| i + k);
                fields.push(Cow::Borrowed(&text[start..i]));
            }
            if i < len && b[i] == delim {
                i += 1;
                continue;
            }
            if i < len && b[i] == b'\r' {
                i += 1;
            }
            if i < len && b[i] == b'\n' {
                i += 1;
            }
            line = line.saturating_add(1);
            break;
        }
        row(row_line, &fields);
    }
}

/// Splits the text once, recording where each cell is, then interns the
/// columns in parallel (files under 4 GiB: spans are 32-bit offsets).
fn by_columns(text: &str, delimiter: u8) -> SheetBuilder {
    let mut lines: Vec<u32> = Vec::new();
    let mut spans: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut owned: Vec<String> = Vec::new();
    let base = text.as_ptr() as usize;
    split_rows(text, delimiter, |line, fields| {
        let row = lines.len();
        lines.push(line);
        for (c, f) in fields.iter().enumerate() {
            if spans.len() <= c {
                spans.push(vec![(0, 0); row]);
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
    SheetBuilder::from_spans(lines, text, &owned, &spans)
}

pub(crate) fn read(bytes: Vec<u8>, tsv: bool) -> Delimited {
    let (text, encoding) = decode(bytes);
    let delimiter = detect_delimiter(&text, tsv);
    if u32::try_from(text.len()).is_ok() {
        let builder = by_columns(&text, delimiter);
        return Delimited {
            builder,
            encoding,
            delimiter: char::from(delimiter),
        };
    }
    let mut builder = SheetBuilder::new();
    split_rows(&text, delimiter, |line, fields| {
        builder.push_row(
            line,
            fields
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.trim().is_empty())
                .map(|(i, f)| (i, CellRef::Text(f.as_ref()))),
        );
    });
    Delimited {
        builder,
        encoding,
        delimiter: char::from(delimiter),
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

    #[test]
    fn multiline_field_keeps_line_numbers() {
        let (rows, cells, _, _) = grid(b"a,b\n\"x\ny\",z\nc,d\n\"say \"\"hi\"\"\",e\n");
        assert_eq!(rows, vec![1, 2, 4, 5]);
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
}
