//! `--redact` with `--previous`: the movement is matched on the full names,
//! then written with initials, like every other redacted output.

use super::{Years, figures, sheet_names, strs};
use crate::util::*;

/// 2024: An (A01) stays, Bình (A02) leaves, Cúc (B01, CCCD …03) moves to
/// xã B; 2025: Dung (A03) hired. With --redact, no full name of either year
/// is in the workbook or the JSON, and the matching is as without it.
#[test]
fn redacted_movement_names_no_one_of_either_year() {
    let y2024 = [
        "A01,Nguyễn Văn An,001080000001,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "A02,Trần Thị Bình,001090000002,15/03/1990,Nữ,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "A05,Lê Thị Cúc,001085000003,01/01/1985,Nữ,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let y2025 = [
        "A01,Nguyễn Văn An,001080000001,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "B01,Lê Thị Cúc,001085000003,01/01/1985,Nữ,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        "A03,Phạm Thị Dung,001095000004,02/02/1995,Nữ,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let years = Years::new(&y2024, &y2025).arg("--redact");
    let d = years.dir();
    let (rows, list, j, text) = years.run();
    // Matched on the full data: An by staff id, Cúc by CCCD.
    assert_eq!(j["matched"]["staff_id"], 1);
    assert_eq!(j["matched"]["national_id"], 1);
    //                                       1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a = strs([3, 1, 1, 0, 0, 0, 2, 0, 1, 1, 0, 0, 2, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    let names: Vec<&str> = list[4..].iter().map(|r| r[1].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["L.T.C.", "P.T.D.", "T.T.B."], "{names:?}");
    // No name or national id of either year anywhere: every sheet, the JSON,
    // the terminal.
    let out = d.join("forms.xlsx");
    let mut all = text.clone();
    all.push_str(&std::fs::read_to_string(d.join("forms.json")).unwrap());
    for sheet in sheet_names(&out) {
        for r in read_sheet(&out, &sheet) {
            all.push_str(&r.join("|"));
            all.push('\n');
        }
    }
    for secret in [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Thị Cúc",
        "Phạm Thị Dung",
        "001080000001",
        "001090000002",
        "001085000003",
        "001095000004",
    ] {
        assert!(!all.contains(secret), "{secret} is in the redacted output");
    }
}
