//! `nhanluc forms --previous`: the movement between two years' rosters on
//! hand-built rosters; every expected figure is worked out by hand in the
//! comments, not by the tool.

use std::path::Path;

use crate::util::*;

const HEADER: &str = "Mã cán bộ,Họ và tên,Số CCCD,Ngày sinh,Giới tính,Đơn vị,Đơn vị cấp trên,Loại,\
Trình độ chuyên môn,Lý luận chính trị,Quản lý nhà nước\n";

fn roster(dir: &Path, name: &str, rows: &[&str]) -> String {
    write(dir, name, format!("{HEADER}{}\n", rows.join("\n")))
        .to_str()
        .unwrap()
        .to_string()
}

/// Runs `forms` with `args`; returns the movement sheet, the list sheet,
/// the JSON's movement and the terminal text.
fn movement(
    dir: &Path,
    args: &[&str],
) -> (
    Vec<Vec<String>>,
    Vec<Vec<String>>,
    serde_json::Value,
    String,
) {
    let mut args = args.to_vec();
    args.extend(["--form", "BM01/BNV"]);
    let (out, j, text) = crate::forms::forms(dir, &args);
    (
        read_sheet(&out, "Biến động"),
        read_sheet(&out, "Biến động - danh sách"),
        j["movement"].clone(),
        text,
    )
}

/// Columns 1–14 of the row named `unit` (column B), or of its category
/// row `– category` below it.
fn figures(rows: &[Vec<String>], unit: &str, category: Option<&str>) -> Vec<String> {
    let at = rows
        .iter()
        .position(|r| r.get(1).is_some_and(|c| c == unit))
        .unwrap_or_else(|| panic!("no row {unit}"));
    let row = match category {
        None => &rows[at],
        Some(c) => rows[at + 1..]
            .iter()
            .take_while(|r| r[1].starts_with("– "))
            .find(|r| r[1] == format!("– {c}"))
            .unwrap_or_else(|| panic!("no row {c} under {unit}")),
    };
    row[2..16].to_vec()
}

fn strs(v: [u64; 14]) -> Vec<String> {
    v.iter().map(u64::to_string).collect()
}

/// Xã A and xã B of huyện H, 31/12/2013 against 31/12/2014.
///
/// 2013: a1 An (A01, xã A, công chức, trung cấp, LLCT sơ cấp); a2 Bích (A02,
/// woman born 15/03/1959: 55 in March 2014, cán bộ); a3 Cường (A03, công
/// chức, born 1985); a4 Dũng (A04, CCCD …04, công chức); a5 Em (A05, không
/// chuyên trách); b1 Giang (B01, xã B, cán bộ); b2 Hoa (xã B, công chức, no
/// staff id, no CCCD).
///
/// 2014: a1 now đại học and LLCT trung cấp; a2 gone (retired); a3 gone
/// (left: 29); a4 in xã B as B09 with the same CCCD (transfer, matched by
/// national id); a5 công chức in xã A (category change, staff id); b1 and b2
/// stay (b2 by name and birth date); b3 Khoa hired in xã B, a6 Lan in xã A.
#[test]
fn movement_counts_who_came_left_moved_and_gained() {
    let dir = tempdir();
    let d = dir.path();
    let y2013 = roster(
        d,
        "2013.csv",
        &[
            "A01,Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Trung cấp,Sơ cấp,",
            "A02,Trần Thị Bích,,15/03/1959,Nữ,UBND xã A,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            "A03,Lê Văn Cường,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "A04,Phạm Văn Dũng,001080000004,02/02/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "A05,Hoàng Thị Em,,03/03/1990,Nữ,UBND xã A,UBND huyện H,Không chuyên trách,Trung cấp,,",
            "B01,Đỗ Văn Giang,,04/04/1975,Nam,UBND xã B,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            ",Vũ Thị Hoa,,05/05/1988,Nữ,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        ],
    );
    let y2014 = roster(
        d,
        "2014.csv",
        &[
            "A01,Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,Trung cấp,",
            "A05,Hoàng Thị Em,,03/03/1990,Nữ,UBND xã A,UBND huyện H,Công chức,Trung cấp,,",
            "A06,Đinh Thị Lan,,07/07/1996,Nữ,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "B01,Đỗ Văn Giang,,04/04/1975,Nam,UBND xã B,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            ",Vũ Thị Hoa,,05/05/1988,Nữ,UBND xã B,UBND huyện H,Công chức,Đại học,,",
            "B09,Phạm Văn Dũng,001080000004,02/02/1980,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
            "B10,Ngô Văn Khoa,,06/06/1995,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        ],
    );
    let (rows, list, j, text) =
        movement(d, &[&y2014, "--as-of", "2014-12-31", "--previous", &y2013]);
    // Columns: 1 opening; 2 in (3 hired, 4 transferred in, 5 from another
    // category); 6 out (7 retired, 8 transferred out, 9 left, 10 to another
    // category); 11 closing; 12–14 gains (education, LLCT, QLNN).
    //                                       1  2  3  4  5  6  7  8  9 10 11 12 13 14
    let a_cc = strs([3, 2, 1, 0, 1, 2, 0, 1, 1, 0, 3, 1, 1, 0]);
    let a_cb = strs([1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    let a_kct = strs([1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
    let a = strs([5, 2, 1, 0, 1, 4, 1, 1, 1, 1, 3, 1, 1, 0]);
    let b_cb = strs([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    let b_cc = strs([1, 2, 1, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    let b = strs([2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0]);
    let total = strs([7, 4, 2, 1, 1, 4, 1, 1, 1, 1, 7, 1, 1, 0]);
    assert_eq!(figures(&rows, "UBND xã A", Some("Công chức")), a_cc);
    assert_eq!(figures(&rows, "UBND xã A", Some("Cán bộ")), a_cb);
    assert_eq!(
        figures(
            &rows,
            "UBND xã A",
            Some("Người hoạt động không chuyên trách")
        ),
        a_kct
    );
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(figures(&rows, "UBND xã B", Some("Cán bộ")), b_cb);
    assert_eq!(figures(&rows, "UBND xã B", Some("Công chức")), b_cc);
    assert_eq!(figures(&rows, "UBND xã B", None), b);
    // The district is the sum of its communes; "Tổng số" the whole roster.
    assert_eq!(figures(&rows, "UBND huyện H", None), total);
    assert_eq!(figures(&rows, "Tổng số", None), total);
    // The equation holds on every row, and the sheet says so.
    assert!(j["mismatches"].as_array().unwrap().is_empty());
    assert!(
        rows.iter()
            .any(|r| r[0].contains("Kiểm tra") || r[0].contains("kiểm tra")),
        "the checks line"
    );
    assert!(text.contains("đầu kỳ 7, cuối kỳ 7"), "{text}");
    // Who was matched how: An, Em, Giang by staff id; Dũng by CCCD; Hoa by
    // name and birth date.
    assert_eq!(j["matched"]["staff_id"], 3);
    assert_eq!(j["matched"]["national_id"], 1);
    assert_eq!(j["matched"]["name_and_birth"], 1);
    // The list: one line per person who changed, with the kind and units.
    let line = |name: &str| {
        list.iter()
            .find(|r| r.get(1).is_some_and(|c| c == name))
            .unwrap_or_else(|| panic!("no line for {name}"))
            .clone()
    };
    assert_eq!(line("Trần Thị Bích")[4], "Nghỉ hưu");
    assert_eq!(line("Lê Văn Cường")[4], "Thôi việc, giảm khác");
    let dung = line("Phạm Văn Dũng");
    assert_eq!(
        (&dung[4][..], &dung[5][..], &dung[6][..], &dung[8][..]),
        ("Chuyển đơn vị", "UBND xã A", "UBND xã B", "Số CCCD/CMND")
    );
    let em = line("Hoàng Thị Em");
    assert_eq!(em[4], "Chuyển loại");
    assert_eq!(em[7], "Người hoạt động không chuyên trách → Công chức");
    let an = line("Nguyễn Văn An");
    assert_eq!(an[4], "Nâng trình độ");
    assert!(an[7].contains("Trung cấp → Đại học"), "{}", an[7]);
    assert_eq!(line("Ngô Văn Khoa")[4], "Tuyển dụng, tiếp nhận mới");
    assert_eq!(line("Đinh Thị Lan")[4], "Tuyển dụng, tiếp nhận mới");
    // Hoa and Giang did not change: not listed. Header + 7 lines.
    let people: Vec<&String> = list[4..].iter().map(|r| &r[1]).collect();
    assert_eq!(people.len(), 7, "{people:?}");
    assert!(
        !people
            .iter()
            .any(|p| *p == "Vũ Thị Hoa" || *p == "Đỗ Văn Giang")
    );
}

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
    let dir = tempdir();
    let d = dir.path();
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
    let y2024 = roster(d, "2024.csv", &before.each_ref().map(String::as_str));
    let y2025 = roster(d, "2025.csv", &after.each_ref().map(String::as_str));
    let map = write(
        d,
        "sap-nhap.csv",
        "STT,Đơn vị cũ,Đơn vị mới\n1,Xã P,Xã Mới\n2,Xã Q,Xã Mới\n3,UBND xã R,UBND xã Mới\n",
    );
    let (rows, _, j, _) = movement(
        d,
        &[
            &y2025,
            "--as-of",
            "2025-12-31",
            "--previous",
            &y2024,
            "--unit-map",
            map.to_str().unwrap(),
        ],
    );
    //                                 1  2  3  4  5  6  7  8  9 10 11 12 13 14
    let new = strs([6, 2, 1, 1, 0, 1, 0, 0, 1, 0, 7, 0, 0, 0]);
    let s = strs([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    let total = strs([7, 2, 1, 1, 0, 2, 0, 1, 1, 0, 7, 0, 0, 0]);
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
    let dir = tempdir();
    let d = dir.path();
    let y = roster(
        d,
        "r.csv",
        &["1,Nguyễn Văn Một,,01/01/1985,Nam,UBND xã P,,Công chức,Đại học,,"],
    );
    let run = |map: &str| {
        let map = write(d, "map.csv", map);
        bin()
            .args([
                "--quiet",
                "forms",
                &y,
                "--as-of",
                "2025-12-31",
                "--previous",
                &y,
            ])
            .args(["--unit-map", map.to_str().unwrap()])
            .args(["-o", d.join("o.xlsx").to_str().unwrap()])
            .output()
            .unwrap()
    };
    let o = run("Đơn vị cũ,Đơn vị mới\nXã P,Xã Mới\nXã Q,\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("map.csv") && e.contains("row 3"), "{e}");
    assert!(e.contains("no new unit"), "{e}");
    let o = run("Đơn vị cũ,Đơn vị mới\nXã P,Xã Mới\nXã P,Xã Khác\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("row 3") && e.contains("row 2"), "{e}");
    assert!(!d.join("o.xlsx").exists(), "nothing written");
}

/// The shipped sample one year on, against the 2013 sample; the figures are
/// the ground truth its generator wrote in examples/rosters-2014/README.md.
#[test]
fn the_2014_sample_moves_as_its_ground_truth_says() {
    let dir = tempdir();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let y2014 = root.join("examples/rosters-2014");
    let y2013 = root.join("rosters");
    let (rows, list, j, _) = movement(
        dir.path(),
        &[
            y2014.to_str().unwrap(),
            "--as-of",
            "2014-12-31",
            "--previous",
            y2013.to_str().unwrap(),
        ],
    );
    // 301 people; in: 5 hired, 1 transfer, 1 category change; out: 5
    // retired, 1 transfer, 2 left, 1 category change; 299 people. Gained:
    // 4 education, 1 political theory, 1 state management.
    //                               1  2  3  4  5  6  7  8  9 10  11 12 13 14
    let total = strs([301, 7, 5, 1, 1, 9, 5, 1, 2, 1, 299, 4, 1, 1]);
    assert_eq!(figures(&rows, "Tổng số", None), total);
    let pck = "UBND Phường Phùng Chí Kiên";
    assert_eq!(
        figures(&rows, pck, Some("Công chức")),
        strs([8, 1, 0, 0, 1, 1, 0, 0, 1, 0, 8, 0, 0, 1])
    );
    assert_eq!(
        figures(&rows, pck, Some("Người hoạt động không chuyên trách")),
        strs([5, 0, 0, 0, 0, 1, 0, 0, 0, 1, 4, 0, 0, 0])
    );
    assert_eq!(
        figures(&rows, "Phòng Kinh tế", None),
        strs([5, 0, 0, 0, 0, 1, 0, 1, 0, 0, 4, 1, 0, 0])
    );
    assert!(j["mismatches"].as_array().unwrap().is_empty());
    // Triệu Minh Bình: a year of birth in 2013's text file, a full date in
    // 2014's workbook, one unit: matched by name and birth, to confirm.
    let binh = list
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "Triệu Minh Bình"))
        .expect("Bình listed");
    assert_eq!(binh[4], "Chuyển loại");
    assert_eq!(binh[8], "Họ tên và ngày sinh (cần xác minh)");
    assert_eq!(list.len() - 4, 20, "20 people changed");
}

/// A staff id in a merged commune is no match when the national ids differ;
/// a retiree whose first row lacks the gender retires by the second row.
#[test]
fn staff_ids_yield_to_national_ids_and_retirement_reads_every_row() {
    let dir = tempdir();
    let d = dir.path();
    // 2024: xã A's 001 An (born 1960, CCCD …01) retires; xã B's 007 An
    // (born 1990, CCCD …07) stays. Lê Văn Cả (1960) has a blank gender in
    // xã A and "Nam" in xã B, and is gone in 2025. 2025: xã C (A and B
    // merged) numbers the young An 001.
    let y2024 = roster(
        d,
        "2024.csv",
        &[
            "001,Nguyễn Văn An,001060000001,01/01/1960,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "007,Nguyễn Văn An,001090000007,01/01/1990,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
            "008,Lê Văn Cả,001060000008,01/01/1960,,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "009,Lê Văn Cả,001060000008,01/01/1960,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        ],
    );
    let y2025 = roster(
        d,
        "2025.csv",
        &[
            "001,Nguyễn Văn An,001090000007,01/01/1990,Nam,UBND xã C,UBND huyện H,Công chức,Đại học,,",
        ],
    );
    let map = write(d, "map.csv", "Đơn vị cũ,Đơn vị mới\nXã A,Xã C\nXã B,Xã C\n");
    let (rows, _, j, _) = movement(
        d,
        &[
            &y2025,
            "--as-of",
            "2025-12-31",
            "--previous",
            &y2024,
            "--unit-map",
            map.to_str().unwrap(),
        ],
    );
    // Opening at xã C: the old An, the young An and Cả (his two posts now
    // in one unit, once): 3. The old An and Cả retired; the young An stays
    // (without the national id, 001 would have kept the old An and let the
    // young one go; without Cả's second row, Cả would have "left").
    //                                 1  2  3  4  5  6  7  8  9 10 11 12 13 14
    let c = strs([3, 0, 0, 0, 0, 2, 2, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã C", None), c);
    assert_eq!(j["matched"]["national_id"], 1);
    assert_eq!(j["matched"]["staff_id"], 0);
}

#[test]
fn movement_refuses_redaction_and_a_later_previous_date() {
    let dir = tempdir();
    let d = dir.path();
    let y = roster(
        d,
        "r.csv",
        &["1,Nguyễn Văn Một,,01/01/1985,Nam,UBND xã P,,Công chức,Đại học,,"],
    );
    let out = d.join("o.xlsx");
    for extra in [vec!["--redact"], vec!["--previous-as-of", "2026-06-30"]] {
        let o = bin()
            .args([
                "--quiet",
                "forms",
                &y,
                "--as-of",
                "2025-12-31",
                "--previous",
                &y,
            ])
            .args(&extra)
            .args(["-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(!out.exists(), "nothing written");
    }
}
