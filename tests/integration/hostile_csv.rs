//! Hostile delimited input: stray quotes, multi-line cells, invalid bytes,
//! UTF-16 without a BOM. Every person is read, on the row Excel shows.

use std::path::Path;

use crate::util::*;

/// Runs `check --lang en --issues <csv>` and reads the issues back as
/// (row, column, value, problem) rows.
#[track_caller]
fn issues(dir: &Path, roster: &Path) -> Vec<(String, String, String, String)> {
    let out = dir.join("issues.csv");
    let o = run(&[
        "--lang",
        "en",
        "check",
        "--as-of",
        "2013-12-31",
        "--issues",
        out.to_str().unwrap(),
        roster.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[2].to_string(),
                r[3].to_string(),
                r[4].to_string(),
                r[5].to_string(),
            )
        })
        .collect()
}

const HEADER: &str = "STT,Họ và tên,Ngày sinh,Đơn vị,Loại,Trình độ chuyên môn\n";

fn person(i: usize) -> String {
    format!("{i},Người Số {i},01/02/1980,UBND xã X,Cán bộ,Đại học\n")
}

/// The issue's case: 12 people, a quote opened before the name on Excel row
/// 3 never closes. All 12 are read; row 3 names its cell, and each of rows
/// 4–13 (which the quote would have swallowed) has an issue too.
#[test]
fn unclosed_quote_keeps_every_person() {
    let dir = tempdir();
    let mut text = String::from(HEADER);
    text.push_str(&person(1));
    text.push_str("2,\"Trần Văn Bình,01/02/1980,UBND xã X,Cán bộ,Đại học\n");
    for i in 3..=12 {
        text.push_str(&person(i));
    }
    let f = write(dir.path(), "ds.csv", &text);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["rows_read"], 12, "{j:#}");
    assert_eq!(j["analysed"], 12);
    assert_eq!(j["issues_by_problem"]["stray_quote"], 11);
    let file = &j["files"][0];
    assert_eq!(file["lines"], 13);
    assert_eq!(file["lines_read"], 13);
    assert_eq!(file["lines_in_quoted_cells"], 0);

    let found = issues(dir.path(), &f);
    let stray: Vec<_> = found
        .iter()
        .filter(|i| i.3.starts_with("A quote opened on row 3 "))
        .collect();
    assert_eq!(stray.len(), 11, "{found:#?}");
    assert_eq!(
        stray[0],
        &(
            "3".to_string(),
            "Họ và tên".to_string(),
            "\"Trần Văn Bình".to_string(),
            stray[0].3.clone()
        )
    );
    for (k, i) in stray[1..].iter().enumerate() {
        assert_eq!(i.0, (k + 4).to_string());
        assert_eq!(i.1, "Họ và tên");
        assert_eq!(i.2, format!("Người Số {}", k + 3));
    }
}

/// A stray quote that a later well-formed quoted cell would "close": the
/// lines in between are rows of their own, and the later cell keeps its comma.
#[test]
fn stray_quote_before_a_quoted_cell() {
    let dir = tempdir();
    let text = format!(
        "{HEADER}{}2,\"Trần Bình,01/02/1980,UBND xã X,Cán bộ,Đại học\n{}4,Lê Chi,01/02/1980,\"UBND xã X, huyện Y\",Cán bộ,Đại học\n{}",
        person(1),
        person(3),
        person(5)
    );
    let f = write(dir.path(), "ds.csv", &text);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 5, "{j:#}");
    assert_eq!(j["files"][0]["lines"], 6);
    assert_eq!(j["files"][0]["lines_read"], 6);
    let found = issues(dir.path(), &f);
    let rows: Vec<&str> = found
        .iter()
        .filter(|i| i.3.starts_with("A quote opened on row 3 "))
        .map(|i| i.0.as_str())
        .collect();
    assert_eq!(rows, ["3", "4", "5"], "{found:#?}");
}

/// A closed multi-line address is one cell: the next person is on the next
/// Excel row (3), not on the next physical line (4).
#[test]
fn multiline_address_keeps_the_next_person_on_excel_row() {
    let dir = tempdir();
    let text = "Họ và tên,Địa chỉ,Đơn vị,Loại,Trình độ chuyên môn\r\n\
                Lê Văn An,\"Số 5, ngõ 3\r\nPhường 5, Quận 1\",UBND xã X,Cán bộ,Đại học\r\n\
                Hà Chi,Hà Nội,UBND xã X,Cán bộ,Bằng khen\r\n";
    let f = write(dir.path(), "dc.csv", text);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 2, "{j:#}");
    assert_eq!(j["issues_by_problem"].get("stray_quote"), None);
    let file = &j["files"][0];
    assert_eq!(file["lines"], 4);
    assert_eq!(file["lines_read"], 3);
    assert_eq!(file["lines_in_quoted_cells"], 1);
    let found = issues(dir.path(), &f);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (
            found[0].0.as_str(),
            found[0].1.as_str(),
            found[0].2.as_str()
        ),
        ("3", "Trình độ chuyên môn", "Bằng khen")
    );
}

/// A UTF-8 file with three invalid bytes is still UTF-8: headers read, exit
/// 0, and each damaged cell is a data issue on its row.
#[test]
fn invalid_bytes_in_a_utf8_file() {
    let dir = tempdir();
    let mut bytes = format!("{HEADER}{}", person(1)).into_bytes();
    bytes.extend_from_slice("2,Trần Văn B".as_bytes());
    bytes.extend_from_slice(b"\xFF\xFEnh,01/02/1980,UBND x\xC3,C\xC3\xA1n b\xE1\xBB\x99,\xC4\x90\xE1\xBA\xA1i h\xE1\xBB\x8Dc\n");
    bytes.extend_from_slice(person(3).as_bytes());
    let f = write(dir.path(), "hong.csv", &bytes);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["files"][0]["sheets"][0]["status"], "read");
    assert_eq!(j["issues_by_problem"]["invalid_bytes"], 2);
    let found = issues(dir.path(), &f);
    let damaged: Vec<_> = found
        .iter()
        .filter(|i| i.3.starts_with("Cell has damaged characters"))
        .map(|i| (i.0.as_str(), i.1.as_str(), i.2.as_str()))
        .collect();
    assert_eq!(
        damaged,
        [
            ("3", "Họ và tên", "Trần Văn B\u{fffd}\u{fffd}nh"),
            ("3", "Đơn vị", "UBND x\u{fffd}")
        ],
        "{found:#?}"
    );
}

/// UTF-16 LE without a BOM (every other byte 0) is read.
#[test]
fn utf16le_without_bom() {
    let dir = tempdir();
    let text = format!("{HEADER}{}{}", person(1), person(2)).replace('\n', "\r\n");
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let f = write(dir.path(), "u16.csv", &bytes);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 2, "{j:#}");
    assert_eq!(j["by_education"]["dai_hoc"], 2);
    assert_eq!(j["files"][0]["lines"], 3);
}

/// A quote opened on row 4 and closed on row 7 by a line with one field too
/// few: the joined record has the usual width, yet rows 5 and 6 are people.
/// Every line is its own row, and each row the quote touched says so.
#[test]
fn a_quote_closing_on_a_short_line_swallows_nobody() {
    let dir = tempdir();
    let mut text = String::from(HEADER);
    text.push_str(&person(1));
    text.push_str(&person(2));
    text.push_str("3,\"Trần Văn Bình,01/02/1980,UBND xã X,Cán bộ,Đại học\n");
    text.push_str(&person(4));
    text.push_str(&person(5));
    text.push_str("Ghi chú: \"x,01/02/1980,UBND xã X,Cán bộ,Đại học\n");
    text.push_str(&person(6));
    let f = write(dir.path(), "ds.csv", &text);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["rows_read"], 7, "{j:#}");
    // Every line a row: six people and the note line (its fields shifted,
    // so its category is unreadable: kept, category unknown).
    assert_eq!(j["analysed"], 7, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 6, "{j:#}");
    let rows: Vec<String> = issues(dir.path(), &f)
        .into_iter()
        .filter(|i| i.3.contains("quote"))
        .map(|i| i.0)
        .collect();
    assert_eq!(rows, ["4", "5", "6", "7"], "rows the quote touched");
}
