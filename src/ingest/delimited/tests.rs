//! Tests of the delimited reader: encodings, delimiters, blank lines, stray
//! quotes and files read in parts.

use super::parts::{join_parts, read_in_parts};
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

/// The case: a quote opened on row 3 never closes. Every person
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
    let text = "Họ tên,Địa chỉ,Đơn vị\r\nAn,\"12 Lê Lợi\r\nPhường 5, Quận 1\",X\r\nBình,Y,Z\r\n";
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
    bytes.extend_from_slice(b"Tr\xE1\xBB\xA7n B\xFF,UBND x\xC3 Hi\xC3,Th\xE1\xBA\xA1c s\xC4\xA9\n");
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

/// Everything a read gives, as text: encoding, delimiter, lines, digest,
/// notes, and every row's Excel number and cells.
pub(super) fn everything(d: Delimited) -> String {
    let sha = d.sha256.finish().expect("digest");
    let head = format!(
        "{} {:?} {:?} {} {:?}",
        d.encoding, d.delimiter, d.lines, sha, d.builder.notes
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
    // Quoted cells closing on their lines (first and last rows here; cuts
    // among them in the properties): read in parts too.
    let quoted = [
        "\u{feff}\"STT\";\"Họ; tên\"\n".as_bytes(),
        &bytes[3..],
        b"\n1;\"a; \"\"b\"\"\";\"\"",
    ]
    .concat();
    let whole = everything(read(quoted.clone(), false));
    assert!(whole.contains("\"a; \\\"b\\\"\""), "{whole}");
    for parts in 1..=5 {
        let d = join_parts(read_in_parts(&quoted, false, 0, parts).expect("qualifies"));
        assert_eq!(everything(d), whole, "{parts} parts");
    }
    // A quoted line break, a stray quote, or fewer than 50 lines with text:
    // read whole.
    for tail in [
        &b"\n1;\"a\nb\";c"[..],
        b"\n1;a\"b;c",
        b"\n1;\"a\"b;c",
        b"\n1;\"a;c",
    ] {
        let odd = [bytes.as_slice(), tail].concat();
        assert!(read_in_parts(&odd, false, 0, 2).is_none());
    }
    assert!(read_in_parts(b"a;b\n1;2\n", false, 0, 2).is_none());
}

/// The check that lets a file with quotes be read in parts: every quote
/// closes on its line, as a quoted field's own.
#[test]
fn quotes_closing_on_their_lines() {
    use super::scan::quotes_close_on_their_lines as closes;
    for (text, delim, ok) in [
        ("a,b\r\nc,d\re,f", b',', true),
        ("1,\"Sở Văn hóa, Thể thao và Du lịch\",X\n", b',', true),
        ("\"say \"\"hi\"\"\",\"\",\"\"\"\"\r\n\"\"\n", b',', true),
        ("a;\"x, y; z\";b\n", b';', true),
        ("a\t\"x\ty\"\t\n", b'\t', true),
        ("a,\"x\ny\",z\n", b',', false),
        ("a,\"x\r\ny\",z\n", b',', false),
        ("a,\"x\ry\",z\n", b',', false),
        ("a,\"x,z\nb,c\n", b',', false),
        ("a,b\"c,d\n", b',', false),
        ("a,\"x\"y,z\n", b',', false),
        ("a, \"x\",z\n", b',', false),
        ("a,\"x\" ,z\n", b',', false),
        ("a,\"x\"\"\n", b',', false),
        ("a,\"x\";z\n", b',', false),
        ("\"", b',', false),
    ] {
        assert_eq!(closes(text.as_bytes(), delim), ok, "{text:?}");
    }
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

/// A large file named by `NHANLUC_PARTS_FILE` reads in parts (two) exactly
/// as it reads whole: cells, Excel rows, notes, lines, digest. Run with
/// `NHANLUC_PARTS_FILE=roster.csv cargo test --release parts_of_a_named_file
/// -- --ignored`.
#[test]
#[ignore = "reads the file named by NHANLUC_PARTS_FILE"]
fn parts_of_a_named_file_read_as_whole() {
    let Ok(path) = std::env::var("NHANLUC_PARTS_FILE") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("readable");
    let parts = read_in_parts(&bytes, false, 0, 2).expect("qualifies");
    let whole = everything(read_whole(bytes, false));
    let in_parts = everything(join_parts(parts));
    let rows = whole.lines().count() - 1;
    assert!(in_parts == whole, "{path}: read in parts differs");
    eprintln!("{path}: {rows} rows read in parts as whole");
}
