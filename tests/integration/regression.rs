//! Regression tests, named after the messy pattern they pin down.

use std::fs;

use crate::util::*;

/// A staff row missing its name, whose title reads "Chủ tịch …", is not the
/// signature footer: the rows below it are still staff.
#[test]
fn nameless_row_with_leader_title_is_not_a_footer() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "STT,Họ và tên,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
         1,,UBND xã X,Cán bộ,Chủ tịch Hội CCB,Đại học\n\
         2,Lê Văn An,UBND xã X,Cán bộ,Chủ tịch Hội Nông dân,Trung cấp\n\
         ,Người lập biểu,,,Chủ tịch UBND,\n\
         ,Trần Văn Bình,,,Hà Văn Cường,\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 1, "{j:#}");
    assert_eq!(j["set_aside"], 1);
    assert_eq!(j["non_staff_by_kind"]["footer"], 2);
}

/// Row numbers in a CSV with blank lines, CRLF ends and a quoted line break
/// are those Excel shows: the header is row 1, the blank line row 2, the
/// quoted two-line name one row (3), so Hà Chi is on row 4.
#[test]
fn csv_row_numbers_match_excel() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\r\n\r\n\"Lê\r\nVăn An\",UBND xã X,Cán bộ,Đại học\r\nHà Chi,UBND xã X,Cán bộ,Bằng khen\r\n",
    );
    let out = dir.path().join("i.csv");
    let o = run(&[
        "check",
        "--as-of",
        "2013-12-31",
        "--issues",
        out.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = fs::read_to_string(&out).unwrap();
    let line = text.lines().nth(1).unwrap();
    assert!(line.contains(",x,4,"), "{text}");
}

/// A national id typed as a number keeps its digits; an 11-digit one is flagged.
#[test]
fn numeric_ids_keep_digits() {
    let dir = tempdir();
    let rows = vec![
        vec![
            S("Họ và tên"),
            S("Số CCCD"),
            S("Đơn vị"),
            S("Loại"),
            S("Trình độ chuyên môn"),
        ],
        vec![
            S("Lê Văn An"),
            N(1_234_567_890.0),
            S("UBND xã X"),
            S("Cán bộ"),
            S("Đại học"),
        ],
        vec![
            S("Hà Văn Bình"),
            S("001234567890"),
            S("UBND xã X"),
            S("Cán bộ"),
            S("Đại học"),
        ],
    ];
    let f = xlsx(&dir.path().join("ids.xlsx"), "S", &rows, &[]);
    let j = check_json(&[&f], &[]);
    assert_eq!(j["issues_by_problem"]["national_id_length"], 1, "{j:#}");
}

/// Names that fold to totals words are people: the surname Tống is "tong",
/// "Công" begins many names. Only a totals label is a totals row.
#[test]
fn names_like_totals_are_staff() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n\
         Tống Văn An,UBND xã X,Cán bộ,Đại học\n\
         Công Thị Bình,UBND xã X,Cán bộ,Đại học\n\
         Tống Sở Cường,UBND xã X,Cán bộ,Đại học\n\
         Tổng cộng,,3,\n\
         Tổng số: 3 người,,,\n\
         Cộng: 3 người,,,\n\
         \"Ghi chú: danh sách gồm 3 người\",,,\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["non_staff_by_kind"]["totals"], 3);
    assert_eq!(j["non_staff_by_kind"]["footer"], 1);
    // Every row not analysed is listed, so that it can be checked.
    // (by kind, so a footer is never counted as a totals row).
    assert_eq!(j["issues_by_problem"]["not_staff_totals"], 3);
    assert_eq!(j["issues_by_problem"]["not_staff_footer"], 1);
    // The terminal names each count for what it counts.
    let o = run(&["check", "--quiet", f.to_str().unwrap()]);
    let text = stdout(&o);
    let line = |n: &str, label: &str| {
        text.lines()
            .any(|l| l.split_whitespace().next() == Some(n) && l.trim_end().ends_with(label))
    };
    assert!(line("3", "Dòng tổng cộng"), "{text}");
    assert!(line("1", "Phần chữ ký, ghi chú cuối bảng"), "{text}");
}

/// The same roster saved as .xlsx, .xls (BIFF8) and .ods by LibreOffice reads
/// the same: counts, levels and the TCVN3 detection.
#[test]
fn xls_and_ods_read_like_xlsx() {
    let dir = std::path::Path::new("tests/fixtures/rosters");
    let summary = |ext: &str| {
        let j = check_json(&[&dir.join(format!("nong-thuong.{ext}"))], &[]);
        assert_accounted(&j);
        (
            j["rows_read"].clone(),
            j["analysed"].clone(),
            j["non_staff"].clone(),
            j["by_education"].clone(),
            j["by_category"].clone(),
        )
    };
    let xlsx = summary("xlsx");
    assert_eq!(xlsx.1, 19);
    assert_eq!(summary("xls"), xlsx);
    assert_eq!(summary("ods"), xlsx);
    let j = check_json(&[&dir.join("nong-thuong.ods")], &[]);
    assert_eq!(j["files"][0]["sheets"][0]["encoding"], "tcvn3");
}

/// Education, gender and political theory given as "x" under one column per
/// value, with the group header merged above ("Trình độ chuyên môn" over
/// "Tiến sĩ | Thạc sĩ | Đại học | …").
#[test]
fn marker_columns_under_a_group_header() {
    let dir = tempdir();
    let rows = vec![
        vec![
            S("STT"),
            S("Họ và tên"),
            S("Đơn vị"),
            S("Loại"),
            S("Giới tính"),
            E,
            S("Trình độ chuyên môn"),
            E,
            E,
            E,
            S("Lý luận chính trị"),
            E,
        ],
        vec![
            E,
            E,
            E,
            E,
            S("Nam"),
            S("Nữ"),
            S("Thạc sĩ"),
            S("Đại học"),
            S("Trung cấp"),
            S("Chưa qua đào tạo"),
            S("Sơ cấp"),
            S("Trung cấp"),
        ],
        vec![
            N(1.0),
            S("An"),
            S("UBND xã X"),
            S("Cán bộ"),
            S("x"),
            E,
            E,
            S("x"),
            E,
            E,
            E,
            S("x"),
        ],
        vec![
            N(2.0),
            S("Bình"),
            S("UBND xã X"),
            S("Cán bộ"),
            E,
            S("x"),
            S("x"),
            S("x"),
            E,
            E,
            S("x"),
            E,
        ],
        vec![
            N(3.0),
            S("Chi"),
            S("UBND xã X"),
            S("Công chức"),
            E,
            N(1.0),
            E,
            E,
            N(1.0),
            E,
            E,
            E,
        ],
        vec![
            N(4.0),
            S("Dũng"),
            S("UBND xã X"),
            S("Công chức"),
            S("x"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
        ],
    ];
    let merges = [
        (0, 0, 1, 0),
        (0, 1, 1, 1),
        (0, 2, 1, 2),
        (0, 3, 1, 3),
        (0, 4, 0, 5),
        (0, 6, 0, 9),
        (0, 10, 0, 11),
    ];
    let f = xlsx(&dir.path().join("x.xlsx"), "DS", &rows, &merges);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 4, "{j:#}");
    // The highest level marked counts; a row with no mark is unknown and flagged.
    assert_eq!(j["by_education"]["dai_hoc"], 1);
    assert_eq!(j["by_education"]["thac_si"], 1);
    assert_eq!(j["by_education"]["trung_cap"], 1);
    assert_eq!(j["by_education"]["unknown"], 1);
    assert_eq!(j["issues_by_problem"]["missing_education"], 1);
    // Gender and political theory from their marks, seen through a policy.
    let policy = format!(
        "{POLICY_HEAD}{}",
        "[[target]]\nid = \"L\"\nlabel = \"l\"\npopulation = { category = [\"can_bo\"] }\nmeasure = { political_theory = \"trung_cap\" }\n\
         comparator = \"ge\"\nthreshold = 50\ndeadline = 2015-12-31\n"
    );
    let (_, r) = report_json("report", dir.path(), "2013-12-31", &policy, &[&f], &[]);
    let all = r["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["scope"] == "all")
        .unwrap();
    assert_eq!(
        (all["population"].as_u64(), all["qualified"].as_u64()),
        (Some(2), Some(1))
    );
}

/// Without a unit column, the section headings above the staff name their
/// units ("I | UBND xã A", or a lone "UBND phường C"); without either, the
/// unit is a missing required column.
#[test]
fn section_headings_give_the_unit() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "ds.csv",
        "STT,Họ và tên,Loại,Trình độ chuyên môn\n\
         I,UBND xã A,,\n\
         1,Lê Văn An,Cán bộ,Đại học\n\
         2,Hà Thị Bình,Công chức,Trung cấp\n\
         II,\"II. UBND xã B\",,\n\
         1,Trần Văn Cường,Cán bộ,Sơ cấp\n\
         ,UBND phường C,,\n\
         1,Đỗ Thị Dung,Công chức,Đại học\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(
        (j["analysed"].as_u64(), j["set_aside"].as_u64()),
        (Some(4), Some(0)),
        "{j:#}"
    );
    assert_eq!(j["issues_by_problem"]["unit_from_headings"], 1);
    assert_eq!(j["non_staff_by_kind"]["headings"], 3);
    let policy = format!(
        "{POLICY_HEAD}{}",
        "[[target]]\nid = \"T\"\nlabel = \"l\"\npopulation = { commune = true }\nmeasure = { education = \"trung_cap\" }\n\
         comparator = \"ge\"\nthreshold = 50\nscope = \"unit\"\ndeadline = 2015-12-31\n"
    );
    let (_, r) = report_json("report", dir.path(), "2013-12-31", &policy, &[&f], &[]);
    let units: Vec<(String, u64)> = r["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["scope"] == "unit")
        .map(|x| {
            (
                x["unit"].as_str().unwrap().to_string(),
                x["population"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        units,
        [
            ("UBND xã A".to_string(), 2),
            ("UBND xã B".to_string(), 1),
            ("UBND phường C".to_string(), 1)
        ]
    );
    // No unit column, no headings, nothing in the title block or names: an
    // error saying what was looked at.
    fs::write(
        &f,
        "Họ và tên,Loại,Trình độ chuyên môn\nLê Văn An,Cán bộ,Đại học\n",
    )
    .unwrap();
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no unit for the rows") && err.contains("file name \"ds\""),
        "{err}"
    );
}

/// A name split in two columns ("Họ và đệm" | "Tên"), as HR software exports it.
#[test]
fn name_split_in_two_columns() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "hr.csv",
        "STT,Họ và đệm,Tên,Đơn vị,Loại,Trình độ chuyên môn\n\
         1,Nguyễn Văn,An,UBND xã A,Cán bộ,Sơ cấp\n\
         2,Trần Thị,Bình,UBND xã A,Cán bộ,Đại học\n\
         3,,Cường,UBND xã A,Cán bộ,Sơ cấp\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    let policy = format!(
        "{POLICY_HEAD}{}",
        "[[target]]\nid = \"T\"\nlabel = \"l\"\nmeasure = { education = \"trung_cap\" }\n\
         comparator = \"ge\"\nthreshold = 50\ndeadline = 2015-12-31\n"
    );
    let (out, _) = report_json("report", dir.path(), "2013-12-31", &policy, &[&f], &[]);
    let names: Vec<String> = read_sheet(&out, nhanluc::labels::VI.sheet_training)
        .into_iter()
        .skip(8)
        .map(|r| r[3].clone())
        .collect();
    assert_eq!(names, ["Nguyễn Văn An", "Cường"]);
}

/// A roster template numbers its rows on below the data: "3 | Người lập
/// biểu | … | Chủ tịch UBND xã" and the signer's name on a numbered row are
/// the footer, not staff (a numbered row is an entry only in catalogues).
#[test]
fn numbered_signature_rows_are_the_footer() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "STT,Họ và tên,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
         1,Lê Văn An,UBND xã X,Cán bộ,Chủ tịch UBND,Đại học\n\
         2,Hà Thị Bình,UBND xã X,Công chức,Địa chính,Trung cấp\n\
         3,Người lập biểu,,,Chủ tịch UBND xã,\n\
         4,,,,,\n\
         5,Nguyễn Văn Ký,,,Hoàng Văn Tám,\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 2, "{j:#}");
    assert_eq!(j["set_aside"], 0, "{j:#}");
    assert_eq!(j["non_staff_by_kind"]["footer"], 3, "{j:#}");
}
