//! Readings of the domain (issue 9, items 12, 16, 17, 18, 20, 21): duplicate
//! position codes, the grade structure, the position standard over all of a
//! person's postings and with unknown values, field-of-study synonyms, and
//! education cells naming a course in progress.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::*;

const POLICY: &str = "id = \"vtvl\"\nname = \"VTVL\"\n[legal_basis]\ndocument = \"d\"\ndate = 2025-06-24\nissuer = \"i\"\n";

fn target(id: &str, measure: &str) -> String {
    format!(
        "[[target]]\nid = \"{id}\"\nlabel = \"{id}\"\npopulation = {{ category = [\"cong_chuc\"] }}\n\
         measure = {measure}\ncomparator = \"ge\"\nthreshold = 100\ndeadline = 2027-07-01\n"
    )
}

/// `report` as of 01/01/2026 on `roster` with `catalogue` (TOML) and one
/// target (`id`, measure `measure`); the workbook and the JSON.
fn with_catalogue(
    dir: &std::path::Path,
    catalogue: &str,
    id: &str,
    measure: &str,
    roster: &std::path::Path,
) -> (std::path::PathBuf, serde_json::Value) {
    let cat = write(dir, "vtvl.toml", catalogue);
    report_json(
        "report",
        dir,
        "2026-01-01",
        &format!("{POLICY}{}", target(id, &format!("\"{measure}\""))),
        &[roster],
        &["--positions", cat.to_str().unwrap()],
    )
}

/// A roster of công chức in Phòng Nội vụ:
/// (staff id, national id, name, position code, grade code, grade, education, field).
/// The title repeats the position code, so two posts of one person are two postings.
fn roster(dir: &Path, rows: &[[&str; 8]]) -> PathBuf {
    let mut text = String::from(
        "Mã cán bộ,Số CCCD,Họ và tên,Đơn vị,Loại,Chức vụ,Mã VTVL,Mã ngạch,Ngạch,Trình độ chuyên môn,Chuyên ngành\n",
    );
    for r in rows {
        text.push_str(&format!(
            "{},{},{},Phòng Nội vụ,Công chức,Giữ {},{},{},{},{},{}\n",
            r[0], r[1], r[2], r[3], r[3], r[4], r[5], r[6], r[7]
        ));
    }
    write(dir, "roster.csv", text)
}

fn all_row<'a>(j: &'a serde_json::Value, target: &str) -> &'a serde_json::Value {
    j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target"] == target && r["scope"] == "all")
        .unwrap()
}

fn counts(j: &serde_json::Value, target: &str) -> (u64, u64, u64) {
    let r = all_row(j, target);
    (
        r["population"].as_u64().unwrap(),
        r["qualified"].as_u64().unwrap(),
        r["unknown"].as_u64().unwrap(),
    )
}

fn names(j: &serde_json::Value, key: &str) -> Vec<String> {
    j[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {j:#}"))
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

const ONE_ROW: &[[&str; 8]] = &[[
    "S1",
    "001075000001",
    "Một Người",
    "NV-01",
    "01.003",
    "",
    "Đại học",
    "",
]];

/// Runs `report` with a catalogue; returns the output, exit code and stderr.
fn report_with(dir: &Path, catalogue: &Path) -> (PathBuf, Option<i32>, String) {
    let policy = write(
        dir,
        "p.toml",
        format!("{POLICY}{}", target("P", "\"placed_in_position\"")),
    );
    let r = roster(dir, ONE_ROW);
    let out = dir.join("r.xlsx");
    let o = run(&[
        "report",
        "--as-of",
        "2026-01-01",
        "--policy",
        policy.to_str().unwrap(),
        "--positions",
        catalogue.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        r.to_str().unwrap(),
    ]);
    (out, o.status.code(), stderr(&o))
}

#[test]
fn duplicate_position_codes_are_an_error_naming_both_rows() {
    let dir = tempdir();
    // CSV: NV-01 on rows 2 and 4 of the sheet, differently; NV-02 for another agency is fine.
    let csv = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Mã vị trí việc làm,Tên vị trí việc làm,Biên chế\n\
         Phòng Nội vụ,NV-01,Chuyên viên tổ chức,2\n\
         Phòng Tư pháp,NV-01,Chuyên viên pháp chế,1\n\
         Phòng Nội vụ,nv-01,Chuyên viên cải cách hành chính,1\n",
    );
    let (out, code, e) = report_with(dir.path(), &csv);
    assert_eq!(code, Some(2), "{e}");
    for part in ["vtvl.csv", "row 2", "row 4", "NV-01", "Mã vị trí việc làm"] {
        assert!(e.contains(part), "{part} in {e}");
    }
    assert!(!out.exists());

    // TOML: the two `code` keys are on lines 3 and 7.
    let toml = write(
        dir.path(),
        "vtvl.toml",
        "[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-01\"\nname = \"Chuyên viên tổ chức\"\n\
         [[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-01\"\nname = \"Văn thư\"\n",
    );
    let (out, code, e) = report_with(dir.path(), &toml);
    assert_eq!(code, Some(2), "{e}");
    for part in ["vtvl.toml", "line 3", "line 7", "NV-01"] {
        assert!(e.contains(part), "{part} in {e}");
    }
    assert!(!out.exists());

    // Two identical rows: one is used, with a note on the second.
    let same = write(
        dir.path(),
        "same.csv",
        "Cơ quan,Mã vị trí việc làm,Tên vị trí việc làm,Biên chế\n\
         Phòng Nội vụ,NV-01,Chuyên viên tổ chức,2\n\
         Phòng Nội vụ,NV-01,Chuyên viên tổ chức,2\n",
    );
    let (out, code, e) = report_with(dir.path(), &same);
    assert_eq!(code, Some(0), "{e}");
    let positions = read_sheet(&out, nhanluc::labels::VI.sheet_positions);
    let listed: Vec<&Vec<String>> = positions.iter().filter(|r| r[1] == "NV-01").collect();
    assert_eq!(listed.len(), 1, "{positions:?}");
    // Approved 2, filled 1, vacant 1.
    assert_eq!(listed[0][4..7], ["2", "1", "1"], "{positions:?}");
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    let note = issues
        .iter()
        .find(|r| r[0].ends_with("same.csv"))
        .unwrap_or_else(|| panic!("a note on the repeated row: {issues:?}"));
    assert_eq!(note[2], "3", "{note:?}");
    assert_eq!(note[4], "NV-01", "{note:?}");
    assert!(note[5].contains("row 2"), "{note:?}");
}

const GRADE_CATALOGUE: &str =
    "[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-01\"\nname = \"Chuyên viên chính\"\n";

/// The report's grade-structure rows of Phòng Nội vụ, and the JSON, with the
/// one-position catalogue. Columns: STT, unit, total, five (people, share)
/// pairs of the ladder's classes, other grades, no grade, placed (people,
/// share), with grade (people, share), the other grades by name.
fn agency_grades(dir: &Path, roster: &Path) -> (Vec<Vec<String>>, serde_json::Value) {
    let (out, j) = with_catalogue(dir, GRADE_CATALOGUE, "P", "placed_in_position", roster);
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_grades)
        .into_iter()
        .filter(|r| r[1] == "Phòng Nội vụ")
        .collect();
    (rows, j)
}

#[test]
fn grade_structure_counts_one_grade_by_code_and_name() {
    let dir = tempdir();
    let r = roster(
        dir.path(),
        &[
            [
                "S1",
                "001075000001",
                "Mã Và Tên",
                "NV-01",
                "01.002",
                "Chuyên viên chính",
                "Đại học",
                "",
            ],
            [
                "S2",
                "001075000002",
                "Chỉ Tên",
                "NV-01",
                "",
                "CHUYÊN VIÊN CHÍNH",
                "Đại học",
                "",
            ],
            [
                "S3",
                "001075000003",
                "Chỉ Mã",
                "NV-01",
                "01.002",
                "",
                "Đại học",
                "",
            ],
        ],
    );
    let (rows, j) = agency_grades(dir.path(), &r);
    assert_eq!(rows.len(), 1, "one row for the agency: {rows:?}");
    // Total 3, all three in "Chuyên viên chính và tương đương" (share 1),
    // none elsewhere.
    assert_eq!(rows[0][2], "3", "{rows:?}");
    assert_eq!(rows[0][5], "3", "{rows:?}");
    assert_eq!(rows[0][6].parse::<f64>().unwrap(), 1.0);
    for c in [3, 7, 9, 11, 13, 14] {
        assert_eq!(rows[0][c], "0", "column {c}: {rows:?}");
    }
    let agency = &j["agencies"][0];
    assert_eq!(agency["ranks"]["principal"], 3, "{agency}");
    assert_eq!(
        agency["grades"]["Chuyên viên chính (01.002)"], 3,
        "{agency}"
    );
    assert_eq!(agency["grades"].as_object().unwrap().len(), 1, "{agency}");
}

#[test]
fn a_grade_first_seen_by_an_unknown_code_alone_is_named_by_a_later_row() {
    // A code no table knows, alone on the first row, named on the second:
    // the structure shows one grade, under the name, with both people.
    let dir = tempdir();
    let row = |id: &'static str, cccd: &'static str, name: &'static str, grade: &'static str| {
        [id, cccd, name, "NV-01", "99.999", grade, "Đại học", ""]
    };
    let r = roster(
        dir.path(),
        &[
            row("S1", "001075000001", "Chỉ Mã", ""),
            row("S2", "001075000002", "Mã Và Tên", "Ngạch riêng"),
        ],
    );
    let (rows, j) = agency_grades(dir.path(), &r);
    assert_eq!(rows.len(), 1, "one row for the agency: {rows:?}");
    // A grade off the ladder: counted under "Ngạch khác", named once.
    assert_eq!(rows[0][2], "2", "{rows:?}");
    assert_eq!(rows[0][13], "2", "{rows:?}");
    assert_eq!(rows[0][19], "Ngạch riêng (99.999): 2", "{rows:?}");
    assert_eq!(j["agencies"][0]["grades"]["Ngạch riêng (99.999)"], 2);
    assert_eq!(
        j["agencies"][0]["ranks"]["other"]["Ngạch riêng (99.999)"],
        2
    );
}

const STANDARD_CATALOGUE: &str = "[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-01\"\nname = \"Chuyên viên\"\nmin_education = \"dai_hoc\"\n\n\
[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-02\"\nname = \"Chuyên viên chính\"\nmin_education = \"thac_si\"\n";

#[test]
fn a_person_failing_one_of_two_posts_does_not_meet_the_standard() {
    let dir = tempdir();
    // "Hai Vị Trí" meets NV-01 (first row) and fails NV-02 (second row); "Một Vị Trí" meets NV-01.
    let r = roster(
        dir.path(),
        &[
            [
                "K1",
                "001075000001",
                "Hai Vị Trí",
                "NV-01",
                "01.003",
                "",
                "Đại học",
                "",
            ],
            [
                "K1",
                "001075000001",
                "Hai Vị Trí",
                "NV-02",
                "01.003",
                "",
                "Đại học",
                "",
            ],
            [
                "S2",
                "001075000002",
                "Một Vị Trí",
                "NV-01",
                "01.003",
                "",
                "Đại học",
                "",
            ],
        ],
    );
    let (_, j) = with_catalogue(
        dir.path(),
        STANDARD_CATALOGUE,
        "STD",
        "meets_position_standard",
        &r,
    );
    assert_eq!(j["staff"], 2, "{j:#}");
    // Two people, one meeting the standard: the other fails one of their posts.
    assert_eq!(counts(&j, "STD"), (2, 1, 0));
    assert_eq!(names(&j, "below_position_standard"), ["Hai Vị Trí"]);
}

const UNKNOWN_CATALOGUE: &str = "[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"NV-01\"\nname = \"Chuyên viên\"\nmin_education = \"dai_hoc\"\n";

#[test]
fn unknown_education_is_to_verify_never_below_the_standard() {
    let dir = tempdir();
    let r = roster(
        dir.path(),
        &[
            [
                "S1",
                "001075000001",
                "Đủ Chuẩn",
                "NV-01",
                "01.003",
                "",
                "Đại học",
                "",
            ],
            [
                "S2",
                "001075000002",
                "Thiếu Bằng",
                "NV-01",
                "01.003",
                "",
                "Trung cấp",
                "",
            ],
            [
                "S3",
                "001075000003",
                "Không Rõ",
                "NV-01",
                "01.003",
                "",
                "Bằng gì đó",
                "",
            ],
        ],
    );
    let (out, j) = with_catalogue(
        dir.path(),
        UNKNOWN_CATALOGUE,
        "STD",
        "meets_position_standard",
        &r,
    );
    // Three people: one meets, one fails, one unknown (in N, never in Q).
    assert_eq!(counts(&j, "STD"), (3, 1, 1));
    assert_eq!(names(&j, "below_position_standard"), ["Thiếu Bằng"]);
    assert_eq!(names(&j, "position_standard_to_verify"), ["Không Rõ"]);

    let sheet = read_sheet(&out, nhanluc::labels::VI.sheet_unfit);
    let row = |name: &str| {
        sheet
            .iter()
            .find(|r| r.get(2).is_some_and(|n| n == name))
            .unwrap_or_else(|| panic!("{name} listed: {sheet:?}"))
            .clone()
    };
    let header = sheet
        .iter()
        .find(|r| r.iter().any(|c| c == "Tiêu chuẩn chưa đạt"))
        .unwrap();
    assert_eq!(header[7], "Kết luận");
    let failing = row("Thiếu Bằng");
    // The requirement, and where it comes from (the catalogue's own).
    assert_eq!(
        failing[6],
        "Trình độ chuyên môn: Trung cấp — yêu cầu Đại học trở lên. Căn cứ: danh mục vị trí việc làm"
    );
    assert_eq!(failing[7], "Chưa đạt chuẩn");
    let unknown = row("Không Rõ");
    assert_eq!(
        unknown[6],
        "Trình độ chuyên môn: Không rõ — cần xác minh (yêu cầu Đại học trở lên). Căn cứ: danh mục vị trí việc làm"
    );
    assert_eq!(unknown[7], "Cần xác minh");
    assert!(
        !sheet
            .iter()
            .flatten()
            .any(|c| c.contains("Không rõ — yêu cầu")),
        "{sheet:?}"
    );
    assert!(
        !sheet
            .iter()
            .any(|r| r.get(2).is_some_and(|n| n == "Đủ Chuẩn"))
    );
}

const FIELD_CATALOGUE: &str = "[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"QT\"\nname = \"Chuyên viên quản trị\"\nfields = [\"Quản trị kinh doanh\"]\n\n\
[[position]]\nagency = \"Phòng Nội vụ\"\ncode = \"KT\"\nname = \"Chuyên viên kinh tế\"\nfields = [\"Kinh tế\"]\n";

#[test]
fn field_synonyms_never_chain_and_can_be_replaced() {
    let dir = tempdir();
    let r = roster(
        dir.path(),
        &[
            [
                "S1",
                "001075000001",
                "Nông Nghiệp Ở QT",
                "QT",
                "",
                "",
                "Đại học",
                "Kinh tế nông nghiệp",
            ],
            [
                "S2",
                "001075000002",
                "Nông Nghiệp Ở KT",
                "KT",
                "",
                "",
                "Đại học",
                "Kinh tế nông nghiệp",
            ],
            [
                "S3",
                "001075000003",
                "Quản Trị Ở QT",
                "QT",
                "",
                "",
                "Đại học",
                "QUẢN TRỊ KINH DOANH",
            ],
        ],
    );
    let cat = write(dir.path(), "vtvl.toml", FIELD_CATALOGUE);
    let policy = format!("{POLICY}{}", target("STD", "\"meets_position_standard\""));
    // Built-in list: "Kinh tế" accepts "Kinh tế nông nghiệp" and "Quản trị kinh
    // doanh", which does not make "Kinh tế nông nghiệp" fill a business post.
    let (_, j) = report_json(
        "report",
        dir.path(),
        "2026-01-01",
        &policy,
        &[&r],
        &["--positions", cat.to_str().unwrap()],
    );
    assert_eq!(names(&j, "below_position_standard"), ["Nông Nghiệp Ở QT"]);
    assert_eq!(counts(&j, "STD"), (3, 2, 0));
    // A user's list replaces the built-in one.
    let user = write(
        dir.path(),
        "nganh.toml",
        "# mine\n\"Quản trị kinh doanh\" = [\"Kinh tế nông nghiệp\"]\n",
    );
    let (_, j) = report_json(
        "report",
        dir.path(),
        "2026-01-01",
        &policy,
        &[&r],
        &[
            "--positions",
            cat.to_str().unwrap(),
            "--field-synonyms",
            user.to_str().unwrap(),
        ],
    );
    assert_eq!(names(&j, "below_position_standard"), ["Nông Nghiệp Ở KT"]);
    // … and the policy may name it (relative to the policy file).
    let (_, j) = report_json(
        "report",
        dir.path(),
        "2026-01-01",
        &format!("field_synonyms = \"nganh.toml\"\n{policy}"),
        &[&r],
        &["--positions", cat.to_str().unwrap()],
    );
    assert_eq!(names(&j, "below_position_standard"), ["Nông Nghiệp Ở KT"]);
    // A broken list is an error naming the file.
    fs::write(&user, "\"Quản trị kinh doanh\" = \"Kinh tế\"\n").unwrap();
    let o = run(&[
        "report",
        "--as-of",
        "2026-01-01",
        "--policy",
        dir.path().join("policy.toml").to_str().unwrap(),
        "--positions",
        cat.to_str().unwrap(),
        "--field-synonyms",
        user.to_str().unwrap(),
        "-o",
        dir.path().join("x.xlsx").to_str().unwrap(),
        r.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nganh.toml"), "{}", stderr(&o));
}

/// Education cells as officers write them, through `check --json`.
#[test]
fn courses_in_progress_and_officers_spellings() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn,Ngày sinh\n\
         Đang Học,UBND xã A,Công chức,Đang học Đại học,05/03/1975\n\
         Trung Cấp Đang Học,UBND xã A,Công chức,\"Trung cấp, đang học ĐH\",05/03/1975\n\
         Học Thạc Sĩ,UBND xã A,Công chức,đang học thạc sĩ,05/03/1975\n\
         Sư Phạm Cao Đẳng,UBND xã A,Công chức,CĐSP,05/03/1975\n\
         Sư Phạm Đại Học,UBND xã A,Công chức,ĐHSP Toán,05/03/1975\n\
         Không Chuyên Trách,UBND xã A,Người hoạt động KCT,Trung cấp,05/03/1975\n\
         Bán Chuyên Trách,UBND xã A,BCT,Trung cấp,15/6/75\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 7, "{j:#}");
    let edu = &j["by_education"];
    assert_eq!(edu["unknown"], 2, "{edu}");
    assert_eq!(edu["trung_cap"], 3, "{edu}");
    assert_eq!(edu["cao_dang"], 1, "{edu}");
    assert_eq!(edu["dai_hoc"], 1, "{edu}");
    assert_eq!(edu["thac_si"], 0, "{edu}");
    assert_eq!(j["by_category"]["khong_chuyen_trach"], 2, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 5, "{j:#}");
    let problems = &j["issues_by_problem"];
    assert_eq!(problems["course_in_progress_no_end"], 3, "{problems}");
    assert_eq!(problems["two_digit_year_birth_date"], 1, "{problems}");
    assert!(
        problems.get("implausible_birth_date").is_none(),
        "{problems}"
    );
    assert!(
        problems.get("unreadable_birth_date").is_none(),
        "{problems}"
    );
    assert!(problems.get("unreadable_category").is_none(), "{problems}");

    // The issues name the cell and say what was read.
    let out = dir.path().join("issues.csv");
    let o = run(&[
        "check",
        "--as-of",
        "2013-12-31",
        "--issues",
        out.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = fs::read_to_string(&out).unwrap();
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {text}"))
            .to_string()
    };
    let year = line("15/6/75");
    assert!(year.contains(",8,") && year.contains("1975"), "{year}");
    let course = line("Trung cấp, đang học ĐH");
    assert!(
        course.contains(",3,") && course.contains("Đại học"),
        "{course}"
    );
}

/// The projection counts a course in progress only from its end, and never
/// without one.
#[test]
fn a_course_in_progress_counts_from_its_end_only() {
    let j = dh_plan(
        "Có Ngày,UBND xã A,Công chức,\"Trung cấp, đang học ĐH\",30/06/2015,05/03/1980,Nam\n\
         Không Ngày,UBND xã A,Công chức,Đang học Đại học,,05/03/1980,Nam\n\
         Đã Có,UBND xã A,Công chức,Đại học,,05/03/1980,Nam\n",
    );
    // Now: one qualified, one unknown (studying, held level not said), one trung cấp.
    assert_eq!(counts(&j, "DH"), (3, 1, 1));
    let points = dh_points(&j);
    let at = |date: &str| {
        let p = points
            .iter()
            .find(|p| p["date"] == date)
            .unwrap_or_else(|| panic!("{date} in {points:#?}"));
        (
            p["qualified"].as_u64().unwrap(),
            p["unknown"].as_u64().unwrap(),
        )
    };
    assert_eq!(at("2014-12-31"), (1, 1));
    // The course ending 30/06/2015 counts from then; the one without an end never does.
    assert_eq!(at("2015-12-31"), (2, 1));
    assert_eq!(at("2016-12-31"), (2, 1));
}

/// A course ending on a checkpoint counts on that checkpoint: the
/// projection counts each change from its own day on (the course ending
/// 31/12/2014 is counted at 31/12/2014, the one ending 01/01/2015 only at
/// 31/12/2015). Counted by hand.
#[test]
fn a_course_ending_on_a_checkpoint_counts_on_it() {
    let j = dh_plan(
        "Cuối Năm,UBND xã A,Công chức,\"Trung cấp, đang học ĐH\",31/12/2014,05/03/1980,Nam\n\
         Đầu Năm,UBND xã A,Công chức,\"Trung cấp, đang học ĐH\",01/01/2015,05/03/1980,Nam\n\
         Đã Có,UBND xã A,Công chức,Đại học,,05/03/1980,Nam\n",
    );
    let qualified: Vec<(String, u64)> = dh_points(&j)
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap().to_string(),
                p["qualified"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("2013-12-31", 1),
        ("2014-12-31", 2),
        ("2015-12-31", 3),
        ("2016-12-31", 3),
    ];
    assert_eq!(
        qualified,
        expected.map(|(d, q)| (d.to_string(), q)),
        "{:#}",
        j["projection"]
    );
}

/// The plan's JSON as of 31/12/2013 for target DH (công chức at đại học or
/// above, 10% or more by 31/12/2016) over roster `rows` under the header:
/// name, unit, category, education, expected end of the course in progress,
/// birth date, sex.
fn dh_plan(rows: &str) -> serde_json::Value {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        format!(
            "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn,Dự kiến hoàn thành,Ngày sinh,Giới tính\n{rows}"
        ),
    );
    let policy = format!(
        "{POLICY}[[target]]\nid = \"DH\"\nlabel = \"DH\"\npopulation = {{ category = [\"cong_chuc\"] }}\n\
         measure = {{ education = \"dai_hoc\" }}\ncomparator = \"ge\"\nthreshold = 10\ndeadline = 2016-12-31\n"
    );
    report_json("plan", dir.path(), "2013-12-31", &policy, &[&f], &[]).1
}

/// The points of target DH's projection over the whole roster.
fn dh_points(j: &serde_json::Value) -> &Vec<serde_json::Value> {
    j["projection"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target"] == "DH" && r["scope"] == "all")
        .unwrap_or_else(|| panic!("{:#}", j["projection"]))["points"]
        .as_array()
        .unwrap()
}
