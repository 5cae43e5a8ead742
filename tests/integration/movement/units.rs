//! Units across the years: merged communes, the unit-mapping file, parents
//! and their subordinate units.

use super::{Years, figures, strs};
use crate::util::*;

/// 2025: xã P, Q and R of huyện H merged into xã Mới (mapping file); xã S
/// is in no row of the file and has no unit this year.
///
/// 2024: P has p1, p2; Q has q1, q2; R has r1, r2 (each commune numbers its
/// staff from 1); S has s1. 2025, xã Mới numbers everyone again: p1, p2,
/// q1, r1, r2 and s1 (all by CCCD), q2 gone (left), n1 hired.
///
/// xã Mới: opening 6 (P, Q, R); in: hired 1, transferred in 1 (s1 from the
/// unplaced S); out: left 1 (q2); closing 7. S: opening 1, transferred out
/// 1, closing 0. Total: opening 7, closing 7.
#[test]
fn merged_communes_compare_with_their_former_communes() {
    let row = |id: &str, name: &str, cccd: &str, unit: &str| {
        format!("{id},{name},{cccd},01/01/1985,Nam,{unit},UBND huyện H,Công chức,Đại học,,")
    };
    let before = [
        row("1", "Nguyễn Văn Một", "001085000001", "UBND xã P"),
        row("2", "Nguyễn Văn Hai", "001085000002", "UBND xã P"),
        row("1", "Trần Văn Ba", "001085000003", "UBND xã Q"),
        row("2", "Trần Văn Bốn", "001085000004", "UBND xã Q"),
        row("1", "Lê Văn Năm", "001085000005", "UBND xã R"),
        row("2", "Lê Văn Sáu", "001085000006", "UBND xã R"),
        row("1", "Phạm Văn Bảy", "001085000007", "UBND xã S"),
    ];
    let after = [
        row("1", "Nguyễn Văn Một", "001085000001", "UBND xã Mới"),
        row("2", "Nguyễn Văn Hai", "001085000002", "UBND xã Mới"),
        row("3", "Trần Văn Ba", "001085000003", "UBND xã Mới"),
        row("4", "Lê Văn Năm", "001085000005", "UBND xã Mới"),
        row("5", "Lê Văn Sáu", "001085000006", "UBND xã Mới"),
        row("6", "Phạm Văn Bảy", "001085000007", "UBND xã Mới"),
        row("7", "Đặng Văn Tám", "001085000008", "UBND xã Mới"),
    ];
    let map = "STT,Đơn vị cũ,Đơn vị mới\n1,Xã P,Xã Mới\n2,Xã Q,Xã Mới\n3,UBND xã R,UBND xã Mới\n";
    let (rows, _, j, _) = Years::new(&before, &after)
        .file("--unit-map", "sap-nhap.csv", map)
        .run();
    //                                 1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let new = strs([6, 2, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 7, 0, 0, 0]);
    let s = strs([1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    let total = strs([7, 2, 1, 1, 0, 0, 2, 0, 1, 1, 0, 0, 7, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã Mới", None), new);
    assert_eq!(figures(&rows, "UBND xã S", None), s);
    assert_eq!(figures(&rows, "Tổng số", None), total);
    // A staff id matches only with the same name: P's 1 and 2 kept theirs;
    // Q's and R's 1 (Ba, Năm) are not xã Mới's 1 (Một), so the other four
    // who stayed are matched by CCCD.
    assert_eq!(j["matched"]["staff_id"], 2);
    assert_eq!(j["matched"]["national_id"], 4);
    let unplaced = j["unplaced_units"].as_array().unwrap();
    assert_eq!(unplaced.len(), 1);
    assert_eq!(unplaced[0]["name"], "UBND xã S");
    assert_eq!(unplaced[0]["people"], 1);
    assert!(
        rows.iter()
            .any(|r| r[0].contains("UBND xã S (1 người năm trước)")),
        "the unplaced unit is named under the table"
    );
    assert!(j["mismatches"].as_array().unwrap().is_empty());
}

#[test]
fn a_mapping_file_with_an_error_names_its_row() {
    let y = ["1,Nguyễn Văn Một,,01/01/1985,Nam,UBND xã P,,Công chức,Đại học,,"];
    let run = |map: &str| {
        let (o, out) = Years::new(&y, &y)
            .file("--unit-map", "map.csv", map)
            .refused();
        assert!(!out.exists(), "nothing written");
        o
    };
    let o = run("Đơn vị cũ,Đơn vị mới\nXã P,Xã Mới\nXã Q,\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("map.csv") && e.contains("row 3"), "{e}");
    assert!(e.contains("no new unit"), "{e}");
    // The column, and what was expected.
    assert!(e.contains("column B (Đơn vị mới)"), "{e}");
    assert!(e.contains("expected: the new unit's name"), "{e}");
    let o = run("Đơn vị cũ,Đơn vị mới\nXã P,Xã Mới\nXã P,Xã Khác\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("row 3") && e.contains("row 2"), "{e}");
    // No header naming the old and the new unit: the file and what it
    // should hold.
    let o = run("Tên,Ghi chú\nXã P,Xã Mới\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("unit-mapping file") && e.contains("map.csv"),
        "{e}"
    );
    assert!(e.contains("no unit mapping found (looked at sheet"), "{e}");
    assert!(e.contains("expected: a header naming the old unit"), "{e}");
}

/// Huyện H has staff of its own (Hùng, Mai) and xã A below it (An), as
/// the units file says. In 2025 Hùng moves from the district to xã A: a
/// transfer, out of the district's own row and into the commune's. The
/// district's row sums its own staff and xã A's; the row "UBND huyện H,
/// không kể đơn vị trực thuộc" shows its own.
#[test]
fn a_move_between_a_parent_and_its_child_is_a_transfer() {
    let row = |id: &str, name: &str, unit: &str| {
        format!("{id},{name},,01/01/1985,Nam,{unit},,Công chức,Đại học,,")
    };
    let before = [
        row("H1", "Vũ Văn Hùng", "UBND huyện H"),
        row("H2", "Đỗ Thị Mai", "UBND huyện H"),
        row("A1", "Nguyễn Văn An", "UBND xã A"),
    ];
    let after = [
        row("A2", "Vũ Văn Hùng", "UBND xã A"),
        row("H2", "Đỗ Thị Mai", "UBND huyện H"),
        row("A1", "Nguyễn Văn An", "UBND xã A"),
    ];
    let units = "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên\nH,UBND huyện H,\nA,UBND xã A,H\n";
    let (rows, _, j, _) = Years::new(&before, &after)
        .file("--units", "units.csv", units)
        .run();
    //                                1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a = strs([1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
    let own = strs([2, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    let h = strs([3, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 3, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(
        figures(&rows, "UBND huyện H, không kể đơn vị trực thuộc", None),
        own
    );
    assert_eq!(figures(&rows, "UBND huyện H", None), h);
    assert!(j["mismatches"].as_array().unwrap().is_empty());
}

/// In 2024 huyện H had staff of its own (Hùng); in 2025 it is only the
/// parent of xã A, named in the parent column. It is still a unit of this
/// year (every node is indexed, not only those with staff): Hùng is a
/// transfer to xã A, and nothing is "not in this year's rosters".
#[test]
fn a_unit_that_is_only_a_parent_this_year_is_still_found() {
    let y2024 = [
        "H1,Vũ Văn Hùng,,01/01/1985,Nam,UBND huyện H,,Công chức,Đại học,,",
        "A1,Nguyễn Văn An,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let y2025 = [
        "A2,Vũ Văn Hùng,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "A1,Nguyễn Văn An,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let (rows, _, j, _) = Years::new(&y2024, &y2025).run();
    assert!(
        j["unplaced_units"].as_array().unwrap().is_empty(),
        "{}",
        j["unplaced_units"]
    );
    //                                1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let own = strs([1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    let h = strs([2, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
    assert_eq!(
        figures(&rows, "UBND huyện H, không kể đơn vị trực thuộc", None),
        own
    );
    assert_eq!(figures(&rows, "UBND huyện H", None), h);
    assert!(j["mismatches"].as_array().unwrap().is_empty());
}

/// Mapping rows that map nothing are reported: xã Z is in no roster of
/// 2024, xã Nowhere in no roster of 2025.
#[test]
fn mapping_rows_that_map_nothing_are_reported() {
    let y2024 = [
        "1,Nguyễn Văn Một,001085000001,01/01/1985,Nam,UBND xã P,UBND huyện H,Công chức,Đại học,,",
        "1,Trần Văn Ba,001085000003,01/01/1985,Nam,UBND xã Q,UBND huyện H,Công chức,Đại học,,",
    ];
    let y2025 = [
        "1,Nguyễn Văn Một,001085000001,01/01/1985,Nam,UBND xã Mới,UBND huyện H,Công chức,Đại học,,",
    ];
    let map = "Đơn vị cũ,Đơn vị mới\nXã P,Xã Mới\nXã Z,Xã Mới\nXã Q,Xã Nowhere\n";
    let (rows, _, j, _) = Years::new(&y2024, &y2025)
        .file("--unit-map", "map.csv", map)
        .run();
    let unknown = j["unknown_map_rows"].as_array().unwrap();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert_eq!(
        (&unknown[0]["row"], &unknown[0]["reason"]),
        (&3.into(), &"old_unit_not_found".into())
    );
    assert_eq!(
        (&unknown[1]["row"], &unknown[1]["reason"]),
        (&4.into(), &"new_unit_not_found".into())
    );
    let notes: Vec<&String> = rows.iter().map(|r| &r[0]).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("dòng 3: đơn vị cũ \"Xã Z\" không có")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("dòng 4: đơn vị mới \"Xã Nowhere\" không có")),
        "{notes:?}"
    );
}

/// One unit of 2024, named by its code in one mapping row and by its name in
/// another, mapped to two different units: refused once the rows resolve to
/// the same roster unit (the file's text alone cannot tell).
#[test]
fn a_unit_mapped_twice_by_code_and_name_is_refused() {
    let dir = tempdir();
    let d = dir.path();
    let csv = |rows: &str| {
        format!("Mã cán bộ,Họ và tên,Ngày sinh,Mã đơn vị,Đơn vị,Loại,Trình độ chuyên môn\n{rows}")
    };
    let y2024 = write(
        d,
        "2024.csv",
        csv("1,Nguyễn Văn Một,01/01/1985,P01,UBND xã P,Công chức,Đại học\n"),
    );
    let y2025 = write(
        d,
        "2025.csv",
        csv(
            "1,Nguyễn Văn Một,01/01/1985,M01,UBND xã Mới,Công chức,Đại học\n2,Trần Văn Ba,01/01/1985,K01,UBND xã Khác,Công chức,Đại học\n",
        ),
    );
    let map = write(
        d,
        "map.csv",
        "Mã đơn vị cũ,Đơn vị cũ,Đơn vị mới\nP01,,Xã Mới\n,Xã P,Xã Khác\n",
    );
    let out = d.join("o.xlsx");
    let o = bin()
        .args([
            "--quiet",
            "forms",
            y2025.to_str().unwrap(),
            "--as-of",
            "2025-12-31",
        ])
        .args([
            "--previous",
            y2024.to_str().unwrap(),
            "--unit-map",
            map.to_str().unwrap(),
        ])
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(
        e.contains("map.csv") && e.contains("row 3") && e.contains("row 2"),
        "{e}"
    );
    assert!(e.contains("column C (Đơn vị mới)"), "{e}");
    assert!(e.contains("expected: one new unit per old unit"), "{e}");
    assert!(!out.exists(), "nothing written");
}
