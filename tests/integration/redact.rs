//! `--redact`: no full name and no national id in any output; names as
//! initials, ids masked but for their last three digits.

use std::path::Path;

use crate::util::*;

/// Names and ids of the fixture, none of which may appear in a redacted
/// output. Only ids with an issue reach an output at all (the third has
/// none).
const NAMES: [&str; 6] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoàng Cường",
    "Phạm Minh Dũng",
    "Hoàng Thị Lan",
    "Đỗ Văn Minh",
];
const IDS: [&str; 3] = ["001075000111", "12345", "001180000222"];

/// Every kind of place a name or an id reaches an output: staff below
/// standard (lists), a duplicate row (issue value: the name), an id of the
/// wrong length (issue value: the id), one id for two names (id conflict),
/// and signers in the footer.
const ROSTER: &str = "STT,Họ và tên,Số CCCD,Ngày sinh,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
    1,Nguyễn Văn An,001075000111,01/01/1975,UBND xã Hòa Bình,Công chức,Văn phòng - thống kê,Sơ cấp\n\
    2,Trần Thị Bình,001180000222,15/06/1980,UBND xã Hòa Bình,Cán bộ,Chủ tịch Hội Liên hiệp Phụ nữ,Sơ cấp\n\
    3,Lê Hoàng Cường,12345,02/02/1970,UBND xã Hòa Bình,Công chức,Địa chính - xây dựng,Trung cấp\n\
    4,Phạm Minh Dũng,001075000111,03/03/1985,UBND xã Yên Phú,Công chức,Tư pháp - hộ tịch,Sơ cấp\n\
    5,Nguyễn Văn An,001075000111,01/01/1975,UBND xã Hòa Bình,Công chức,Văn phòng - thống kê,Sơ cấp\n\
    ,Người lập biểu,,,,,Chủ tịch UBND,\n\
    ,Hoàng Thị Lan,,,,,Đỗ Văn Minh,\n";

/// Every string cell of every sheet of a workbook, one per line.
fn workbook_text(path: &Path) -> String {
    use calamine::Reader as _;
    let mut wb = calamine::open_workbook_auto(path).expect("workbook opens");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet reads");
        for cell in range.used_cells() {
            out.push_str(&cell.2.to_string());
            out.push('\n');
        }
    }
    out
}

/// Everything `plan` and `check` write for the roster: workbooks, JSON, the
/// issues list as CSV and as a workbook, and the terminal output.
fn outputs(dir: &Path, roster: &Path, redact: bool) -> String {
    let flag: &[&str] = if redact { &["--redact"] } else { &[] };
    let out = dir.join(format!("plan-{redact}.xlsx"));
    let json = dir.join(format!("plan-{redact}.json"));
    let csv = dir.join(format!("issues-{redact}.csv"));
    let xlsx = dir.join(format!("issues-{redact}.xlsx"));
    let s = |p: &Path| p.display().to_string();
    let mut all = String::new();
    let runs: [Vec<String>; 4] = [
        vec![
            "plan".into(),
            "-o".into(),
            s(&out),
            "--json".into(),
            s(&json),
        ],
        vec!["check".into(), "--issues".into(), s(&csv)],
        vec!["check".into(), "--issues".into(), s(&xlsx)],
        vec!["check".into(), "--json".into()],
    ];
    for args in runs {
        let o = bin()
            .arg("--quiet")
            .args(&args)
            .args(["--as-of", "2013-12-31"])
            .args(flag)
            .arg(roster)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        all.push_str(&stdout(&o));
        all.push_str(&stderr(&o));
    }
    all.push_str(&workbook_text(&out));
    all.push_str(&workbook_text(&xlsx));
    all.push_str(&std::fs::read_to_string(&json).unwrap());
    all.push_str(&std::fs::read_to_string(&csv).unwrap());
    all
}

#[test]
fn redacted_outputs_hold_no_name_and_no_id() {
    let dir = tempdir();
    let roster = write(dir.path(), "ds.csv", ROSTER);
    // Without --redact the same outputs hold every name and id: the scan
    // below reads the places they reach.
    let plain = outputs(dir.path(), &roster, false);
    for s in NAMES.iter().chain(&IDS[..2]) {
        assert!(plain.contains(s), "{s} is written without --redact");
    }
    let redacted = outputs(dir.path(), &roster, true);
    for s in NAMES.iter().chain(&IDS) {
        assert!(!redacted.contains(s), "{s} in a redacted output");
    }
    // Names as initials, ids masked but for their last three digits.
    for s in [
        "N.V.A.",
        "T.T.B.",
        "P.M.D.",
        "H.T.L. | Đ.V.M.",
        "*********111",
        "**345",
    ] {
        assert!(
            redacted.contains(s),
            "{s} missing from the redacted outputs"
        );
    }
    // The workbook says it is a redacted copy.
    assert!(redacted.contains("Bản ẩn danh"));
    assert!(redacted.contains("\"redacted\": true"));
}
