//! Job positions: mapping, fit, staffing and the agency-structure metric.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::*;

const POLICY: &str = "id = \"vtvl\"\nname = \"VTVL\"\n[legal_basis]\ndocument = \"d\"\ndate = 2025-06-24\nissuer = \"i\"\n";

fn target(id: &str, population: &str, measure: &str, comparator: &str, threshold: &str) -> String {
    format!(
        "[[target]]\nid = \"{id}\"\nlabel = \"{id}\"\npopulation = {population}\nmeasure = {measure}\n\
         comparator = \"{comparator}\"\nthreshold = {threshold}\ndeadline = 2027-07-01\n"
    )
}

/// Phòng Tư pháp: one position demanding everything; Phòng Nội vụ: a shared
/// Chuyên viên position; communes: a list shared by unit type.
const CATALOGUE: &str = r#"
[[position]]
agency = "Phòng Tư pháp"
code = "TP-01"
name = "Chuyên viên pháp chế"
kind = "chuyen_mon_chuyen_nganh"
grades = ["01.003"]
min_education = "dai_hoc"
fields = ["Luật"]
min_political_theory = "trung_cap"
min_state_management = "chuyen_vien"
other = "Có 2 năm kinh nghiệm"
aliases = ["Chuyên viên tư pháp"]
headcount = 3

[[position]]
agency = "Phòng Tư pháp"
code = "TP-LD"
name = "Trưởng phòng"
kind = "lanh_dao_quan_ly"
headcount = 1

[[position]]
agency = "PNV"
code = "NV-01"
name = "Chuyên viên tổ chức"
grades = ["Chuyên viên"]
headcount = 1

[[position]]
agency = "type:commune_committee"
code = "XA-TP"
name = "Tư pháp - hộ tịch"
aliases = ["Tư pháp hộ tịch"]
headcount = 1

[field_synonyms]
"Luật" = ["Pháp chế"]
"#;

/// (name, unit, unit code, title, position code, position, grade code, education, llct, qlnn)
const ROWS: &[[&str; 10]] = &[
    // Phòng Tư pháp, all by code: one meets everything, each other fails one requirement.
    [
        "Đủ Chuẩn",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.003",
        "Đại học Luật",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Thiếu Bằng",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.003",
        "Trung cấp Luật",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Sai Ngành",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.003",
        "Cử nhân Kinh tế",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Sai Ngạch",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.004",
        "Đại học Pháp chế",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Thiếu Chính Trị",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.003",
        "ĐH Luật",
        "",
        "Chuyên viên",
    ],
    [
        "Thiếu Quản Lý",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên",
        "TP-01",
        "",
        "01.003",
        "ĐH Luật",
        "Cao cấp",
        "Cán sự",
    ],
    // By name (other spelling), by title alias, and a misspelt position.
    [
        "Theo Tên",
        "Phòng Tư pháp",
        "PTP",
        "",
        "",
        "CHUYEN VIEN PHAP CHE",
        "01.003",
        "ĐH Luật",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Theo Chức Danh",
        "Phòng Tư pháp",
        "PTP",
        "Chuyên viên tư pháp",
        "",
        "",
        "01.003",
        "ĐH Luật",
        "Trung cấp",
        "Chuyên viên",
    ],
    [
        "Gõ Sai",
        "Phòng Tư pháp",
        "PTP",
        "",
        "",
        "Chuyên viên phát chế",
        "01.003",
        "ĐH Luật",
        "Trung cấp",
        "Chuyên viên",
    ],
    // Phòng Nội vụ: one person holding two posts (kiêm nhiệm), one placed.
    [
        "Kiêm Nhiệm",
        "Phòng Nội vụ",
        "PNV",
        "Chuyên viên",
        "NV-01",
        "",
        "01.003",
        "Đại học",
        "",
        "",
    ],
    [
        "Kiêm Nhiệm",
        "Phòng Nội vụ",
        "PNV",
        "Trưởng phòng",
        "NV-99",
        "",
        "01.003",
        "Đại học",
        "",
        "",
    ],
    // A commune: placed through the shared list.
    [
        "Ở Xã",
        "UBND xã Hòa Bình",
        "X1",
        "Tư pháp hộ tịch",
        "",
        "",
        "01.003",
        "Trung cấp Luật",
        "",
        "",
    ],
];

fn roster(dir: &Path) -> PathBuf {
    let mut text = String::from(
        "Mã cán bộ,Họ và tên,Đơn vị,Mã đơn vị,Loại,Chức vụ,Mã VTVL,Vị trí việc làm,Mã ngạch,Trình độ chuyên môn,LLCT,QLNN\n",
    );
    for (i, r) in ROWS.iter().enumerate() {
        // The two Kiêm Nhiệm rows share one staff id.
        let id = if r[0] == "Kiêm Nhiệm" {
            "K1".to_string()
        } else {
            format!("S{i}")
        };
        text.push_str(&format!(
            "{id},{},{},{},Công chức,{},{},{},{},{},{},{}\n",
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]
        ));
    }
    let f = dir.join("roster.csv");
    fs::write(&f, text).unwrap();
    f
}

/// The report with one target over công chức placed in a position.
fn placed_report(dir: &Path) -> (PathBuf, serde_json::Value) {
    let cc = "{ category = [\"cong_chuc\"] }";
    run_report(
        dir,
        &[target("P", cc, "\"placed_in_position\"", "ge", "100")],
        &catalogue(dir),
    )
}

fn run_report(dir: &Path, targets: &[String], catalogue: &Path) -> (PathBuf, serde_json::Value) {
    report_on(dir, &roster(dir), targets, catalogue)
}

fn report_on(
    dir: &Path,
    roster: &Path,
    targets: &[String],
    catalogue: &Path,
) -> (PathBuf, serde_json::Value) {
    let policy = format!("{POLICY}{}", targets.concat());
    report_json(
        "report",
        dir,
        "2026-01-01",
        &policy,
        &[roster],
        &["--positions", catalogue.to_str().unwrap()],
    )
}

/// A target's result over the whole roster.
fn all_of(j: &serde_json::Value, target: &str) -> serde_json::Value {
    j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target"] == target && r["scope"] == "all")
        .cloned()
        .unwrap()
}

fn catalogue(dir: &Path) -> PathBuf {
    let c = dir.join("vtvl.toml");
    fs::write(&c, CATALOGUE).unwrap();
    c
}

fn unmet_of<'a>(j: &'a serde_json::Value, name: &str) -> Vec<&'a str> {
    j["below_position_standard"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] == name)
        .flat_map(|r| {
            r["unmet"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u.as_str().unwrap())
        })
        .collect()
}

#[test]
fn every_requirement_kind_is_checked_and_worded() {
    let dir = tempdir();
    let cc = "{ category = [\"cong_chuc\"] }";
    let (out, j) = run_report(
        dir.path(),
        &[target(
            "STD",
            cc,
            "\"meets_position_standard\"",
            "ge",
            "100",
        )],
        &catalogue(dir.path()),
    );
    assert!(unmet_of(&j, "Đủ Chuẩn").is_empty());
    assert_eq!(
        unmet_of(&j, "Thiếu Bằng"),
        ["Trình độ chuyên môn: Trung cấp — yêu cầu Đại học trở lên"]
    );
    assert_eq!(
        unmet_of(&j, "Sai Ngành"),
        ["Chuyên ngành: Kinh tế — yêu cầu Luật"]
    );
    assert_eq!(
        unmet_of(&j, "Sai Ngạch"),
        ["Ngạch: Cán sự (01.004) — yêu cầu Chuyên viên (01.003)"]
    );
    assert_eq!(
        unmet_of(&j, "Thiếu Chính Trị"),
        ["Lý luận chính trị: Chưa có — yêu cầu Trung cấp trở lên"]
    );
    assert_eq!(
        unmet_of(&j, "Thiếu Quản Lý"),
        ["Quản lý nhà nước: Cán sự — yêu cầu Chuyên viên trở lên"]
    );
    // The sheet lists the same, in order.
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_unfit);
    let listed: Vec<&str> = rows.iter().skip(8).map(|r| r[2].as_str()).collect();
    assert_eq!(
        listed,
        [
            "Thiếu Bằng",
            "Sai Ngành",
            "Sai Ngạch",
            "Thiếu Chính Trị",
            "Thiếu Quản Lý"
        ]
    );
}

/// Cử nhân stands for Cao cấp: a position asking for it takes a Cao cấp
/// holder ("Thiếu Quản Lý" misses state management only), not Trung cấp.
#[test]
fn a_position_asking_for_cu_nhan_takes_cao_cap() {
    let dir = tempdir();
    let c = dir.path().join("vtvl.toml");
    let text = CATALOGUE.replace(
        "min_political_theory = \"trung_cap\"",
        "min_political_theory = \"cu_nhan\"",
    );
    fs::write(&c, text).unwrap();
    let cc = "{ category = [\"cong_chuc\"] }";
    let std = target("STD", cc, "\"meets_position_standard\"", "ge", "100");
    let (_, j) = run_report(dir.path(), &[std], &c);
    assert_eq!(
        unmet_of(&j, "Thiếu Quản Lý"),
        ["Quản lý nhà nước: Cán sự — yêu cầu Chuyên viên trở lên"]
    );
    assert_eq!(
        unmet_of(&j, "Đủ Chuẩn"),
        ["Lý luận chính trị: Trung cấp — yêu cầu Cử nhân trở lên"]
    );
}

#[test]
fn mapping_by_code_name_title_and_suggestions() {
    let dir = tempdir();
    let (out, j) = placed_report(dir.path());
    let staffing = |unit: &str, code: &str| {
        j["positions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["unit"] == unit && p["code"] == code)
            .cloned()
            .unwrap()
    };
    // Six by code, one by name, one by title: 8 in a position of 3 → 5 over.
    let tp = staffing("Phòng Tư pháp", "TP-01");
    assert_eq!(
        (
            tp["filled"].as_u64(),
            tp["approved"].as_u64(),
            tp["over"].as_u64()
        ),
        (Some(8), Some(3), Some(5))
    );
    let ld = staffing("Phòng Tư pháp", "TP-LD");
    assert_eq!(
        (ld["filled"].as_u64(), ld["vacant"].as_u64()),
        (Some(0), Some(1))
    );
    // The shared commune list applies to the commune.
    assert_eq!(staffing("UBND xã Hòa Bình", "XA-TP")["filled"], 1);
    // The misspelt position is not placed, and the closest name is suggested.
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    let miss = issues
        .iter()
        .find(|r| r[4] == "Chuyên viên phát chế")
        .expect("an issue for the misspelt position");
    assert!(miss[5].contains("Chuyên viên pháp chế"), "{miss:?}");
    // Kiêm nhiệm: one person, two postings; the unknown code NV-99 is not placed.
    let pnv = j["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["unit"] == "Phòng Nội vụ")
        .unwrap();
    assert_eq!(
        (pnv["people"].as_u64(), pnv["placed"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(staffing("Phòng Nội vụ", "NV-01")["filled"], 1);
    // Placed people: all but the misspelt one (the kiêm nhiệm person counts once, placed).
    let all = j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scope"] == "all")
        .unwrap();
    assert_eq!(
        (all["population"].as_u64(), all["qualified"].as_u64()),
        (Some(11), Some(10))
    );
    // The grade structure: one row per agency, people per class of the
    // grade ladder. Phòng Tư pháp: 9 people, "Sai Ngạch" the one Cán sự
    // (01.004), share 1 of 9, under the forms' class heading.
    let grades = read_sheet(&out, nhanluc::labels::VI.sheet_grades);
    let tp = grades
        .iter()
        .find(|r| r[1] == "Phòng Tư pháp")
        .unwrap_or_else(|| panic!("{grades:?}"));
    assert_eq!((tp[2].as_str(), tp[9].as_str()), ("9", "1"), "{tp:?}");
    let share = tp[10].parse::<f64>().unwrap();
    assert!((share - 1.0 / 9.0).abs() < 1e-9, "{share}");
    assert_eq!(grades[6][9], "Cán sự và tương đương", "{:?}", grades[6]);
    // Headed as a share of the agency, not as a rate of meeting a target.
    assert_eq!(grades[7][10], "Tỷ lệ", "{:?}", grades[7]);
    assert!(
        !grades[6..8].iter().flatten().any(|c| c.contains("đạt")),
        "{:?}",
        &grades[6..8]
    );
}

#[test]
fn agency_structure_at_its_boundary() {
    let dir = tempdir();
    // Agencies with công chức: Phòng Tư pháp (9 people, 8 placed with the right grade, 1 not placed),
    // Phòng Nội vụ (1 person, placed with grade), UBND xã Hòa Bình (placed; its position names no grade).
    let cc = "{ category = [\"cong_chuc\"] }";
    let targets = [
        target(
            "S100",
            cc,
            "{ structured_by_position = 100 }",
            "ge",
            "66.6666",
        ),
        target(
            "S7",
            cc,
            "{ structured_by_position = 77.7777 }",
            "ge",
            "100",
        ),
        target(
            "S8",
            cc,
            "{ structured_by_position = 77.7778 }",
            "gt",
            "66.6666",
        ),
    ];
    let (_, j) = run_report(dir.path(), &targets, &catalogue(dir.path()));
    let all = |t: &str| all_of(&j, t);
    // Every staff member placed with grade: 2 of 3 agencies (Tư pháp has 7 of 9 with grade).
    let s100 = all("S100");
    assert_eq!(
        (s100["population"].as_u64(), s100["qualified"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(s100["met"], true, "2/3 ≥ 66.6666%");
    // Tư pháp: "Sai Ngạch" has the wrong grade and "Gõ Sai" is unplaced → 7/9 = 77.777…%:
    // structured at 77.7777%, not at 77.7778%.
    assert_eq!(
        (all("S7")["qualified"].as_u64(), all("S7")["met"].as_bool()),
        (Some(3), Some(true))
    );
    assert_eq!(all("S8")["qualified"], 2);
    assert_eq!(all("S8")["met"], true, "2/3 > 66.6666%");
}

#[test]
fn catalogue_errors_name_the_place() {
    let dir = tempdir();
    let csv = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Mã vị trí việc làm,Tên vị trí việc làm,Trình độ tối thiểu,Biên chế\nPhòng Tư pháp,TP-01,Chuyên viên,Đại học,2\nPhòng Tư pháp,TP-02,Văn thư,Bằng khen,1\n",
    );
    let cc = "{ category = [\"cong_chuc\"] }";
    let policy = write(
        dir.path(),
        "p.toml",
        format!(
            "{POLICY}{}",
            target("P", cc, "\"placed_in_position\"", "ge", "100")
        ),
    );
    let r = roster(dir.path());
    let out = dir.path().join("r.xlsx");
    let args = |cat: &Path| {
        run(&[
            "report",
            "--policy",
            policy.to_str().unwrap(),
            "--positions",
            cat.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            r.to_str().unwrap(),
        ])
    };
    let o = args(&csv);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("vtvl.csv")
            && e.contains("row 3")
            && e.contains("Trình độ tối thiểu")
            && e.contains("Bằng khen"),
        "{e}"
    );
    let toml = write(
        dir.path(),
        "bad.toml",
        "[[position]]\nagency = \"X\"\ncode = \"A\"\nname = \"B\"\nheadcont = 2\n",
    );
    let o = args(&toml);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("headcont"), "{}", stderr(&o));
    assert!(!out.exists());
    // A valid CSV catalogue loads and places by code.
    fs::write(&csv, "Cơ quan,Mã vị trí việc làm,Tên vị trí việc làm,Trình độ tối thiểu,Biên chế\nPhòng Tư pháp,TP-01,Chuyên viên,Đại học,2\n").unwrap();
    let o = args(&csv);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_positions);
    assert!(
        rows.iter().any(|r| r[1] == "TP-01" && r[5] == "6"),
        "{rows:?}"
    );
}

#[test]
fn sample_shows_positions() {
    let dir = tempdir();
    let out = dir.path().join("s.xlsx");
    let o = run(&[
        "report",
        "--as-of",
        "2013-12-31",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("T3"));
    let l = &nhanluc::labels::VI;
    let positions = read_sheet(&out, l.sheet_positions);
    assert!(
        positions.iter().skip(8).any(|r| r[6] != "0"),
        "some vacancy"
    );
    let unfit = read_sheet(&out, l.sheet_unfit);
    for word in [
        "Trình độ chuyên môn:",
        "Chuyên ngành:",
        "Ngạch:",
        "Lý luận chính trị:",
        "Quản lý nhà nước:",
    ] {
        assert!(unfit.iter().any(|r| r[6].contains(word)), "{word}");
    }
    let issues = read_sheet(&out, l.sheet_issues);
    assert!(
        issues
            .iter()
            .any(|r| r[4] == "Tài chính - kết toán" && r[5].contains("Tài chính - kế toán"))
    );
}

/// "Vị trí việc làm" closes each agency with a "Cộng" row and the table with
/// "Tổng cộng": SUBTOTAL formulas whose cached values equal the sums of the
/// rows above them (summed here, from the JSON's positions).
#[test]
fn staffing_totals_are_formulas_with_their_values() {
    let dir = tempdir();
    let (out, j) = placed_report(dir.path());
    let positions = j["positions"].as_array().unwrap();
    let sum = |unit: Option<&str>, key: &str| -> u64 {
        positions
            .iter()
            .filter(|p| unit.is_none_or(|u| p["unit"] == u))
            .map(|p| p[key].as_u64().unwrap_or(0))
            .sum()
    };
    let sheet = nhanluc::labels::VI.sheet_positions;
    let rows = read_sheet(&out, sheet);
    let formula = read_formulas(&out, sheet);
    for (unit, label) in [
        (Some("Phòng Tư pháp"), "Cộng Phòng Tư pháp"),
        (None, "Tổng cộng"),
    ] {
        let at = rows
            .iter()
            .position(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"));
        for (c, key) in [(5, "filled"), (6, "vacant"), (7, "over")] {
            assert_eq!(rows[at][c], sum(unit, key).to_string(), "{label} {key}");
            assert!(
                formula(at, c).starts_with("SUBTOTAL(9,"),
                "{label}: {}",
                formula(at, c)
            );
        }
    }
}

/// "Cơ cấu ngạch" is one row per agency × the ladder's classes, the last row
/// SUBTOTALs of the agencies' rows, their SUM and shares of it as formulas; the cached values equal the sums and quotients
/// computed here, and the counts the roster written above (Phòng Tư pháp:
/// eight 01.003 and one 01.004; Phòng Nội vụ and the commune one 01.003 each).
#[test]
fn grade_structure_is_a_table_of_classes_with_formulas() {
    let dir = tempdir();
    let (out, j) = placed_report(dir.path());
    let sheet = nhanluc::labels::VI.sheet_grades;
    let rows = read_sheet(&out, sheet);
    let formula = read_formulas(&out, sheet);
    let n = |s: &str| {
        s.parse::<f64>()
            .unwrap_or_else(|_| panic!("a number: {s:?}"))
    };
    let counts = [3, 5, 7, 9, 11, 13, 14];
    let first = 8;
    let total_at = rows
        .iter()
        .position(|r| r[0] == "Tổng cộng")
        .unwrap_or_else(|| panic!("a total row: {rows:?}"));
    let agencies = &rows[first..total_at];
    let by_hand = [
        ("Phòng Tư pháp", 9.0, 8.0, 1.0),
        ("Phòng Nội vụ", 1.0, 1.0, 0.0),
        ("UBND xã Hòa Bình", 1.0, 1.0, 0.0),
    ];
    assert_eq!(agencies.len(), by_hand.len(), "{agencies:?}");
    for (unit, people, specialists, clerks) in by_hand {
        let r = agencies
            .iter()
            .find(|r| r[1] == unit)
            .unwrap_or_else(|| panic!("{unit}: {agencies:?}"));
        assert_eq!(
            (n(&r[2]), n(&r[7]), n(&r[9])),
            (people, specialists, clerks),
            "{r:?}"
        );
        let json = j["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["unit"] == unit)
            .unwrap();
        assert_eq!(n(&r[15]), json["placed"].as_f64().unwrap(), "{unit}");
        assert_eq!(
            n(&r[17]),
            json["placed_with_grade"].as_f64().unwrap(),
            "{unit}"
        );
    }
    for (i, r) in rows[first..=total_at].iter().enumerate() {
        let at = first + i;
        let sum: f64 = counts.iter().map(|&c| n(&r[c])).sum();
        assert_eq!(n(&r[2]), sum, "row {at}: {r:?}");
        assert_eq!(
            formula(at, 2).starts_with("SUM("),
            at == total_at,
            "{}",
            formula(at, 2)
        );
        for c in [3, 5, 7, 9, 11, 15, 17] {
            assert!(
                (n(&r[c + 1]) - n(&r[c]) / sum).abs() < 1e-12,
                "row {at} col {c}"
            );
            // Shares are formulas on the total row, values on agencies'.
            assert_eq!(
                formula(at, c + 1).starts_with("IF("),
                at == total_at,
                "{}",
                formula(at, c + 1)
            );
        }
    }
    for c in counts.into_iter().chain([15, 17]) {
        let sum: f64 = agencies.iter().map(|r| n(&r[c])).sum();
        assert_eq!(n(&rows[total_at][c]), sum, "total of column {c}");
        assert!(
            formula(total_at, c).starts_with("SUBTOTAL(9,"),
            "{}",
            formula(total_at, c)
        );
    }
    assert_eq!(n(&rows[total_at][2]), 11.0);
}

/// A person meets the position standard only if every posting that counts
/// does, whichever comes first; a contract posting outside the catalogue
/// does not count against a person placed elsewhere.
#[test]
fn a_person_meets_the_standard_only_in_every_post() {
    let dir = tempdir();
    let header =
        "Mã cán bộ,Họ và tên,Đơn vị,Mã đơn vị,Loại,Chức vụ,Mã VTVL,Mã ngạch,Trình độ chuyên môn\n";
    let rows = [
        // Unplaced first (fails), then placed and meeting it.
        "K1,Hai Việc,Phòng Nội vụ,PNV,Công chức,Phó phòng,NV-99,01.003,Đại học",
        "K1,Hai Việc,Phòng Nội vụ,PNV,Công chức,Chuyên viên,NV-01,01.003,Đại học",
        "K2,Một Việc,Phòng Nội vụ,PNV,Công chức,Chuyên viên,NV-01,01.003,Đại học",
        // Placed and meeting it first, then unplaced (fails).
        "K4,Việc Sau,Phòng Nội vụ,PNV,Công chức,Chuyên viên,NV-01,01.003,Đại học",
        "K4,Việc Sau,Phòng Nội vụ,PNV,Công chức,Phó phòng,NV-99,01.003,Đại học",
        // Placed and meeting it, and a contract post the catalogue has not.
        "K3,Có Hợp Đồng,Phòng Nội vụ,PNV,Công chức,Chuyên viên,NV-01,01.003,Đại học",
        "K3,Có Hợp Đồng,Phòng Nội vụ,PNV,Hợp đồng,Bảo vệ,NV-98,,Đại học",
    ];
    let roster = write_rows(dir.path(), "roster.csv", header, &rows);
    let cc = "{ category = [\"cong_chuc\"] }";
    let std = target("STD", cc, "\"meets_position_standard\"", "ge", "100");
    let (_, j) = report_on(dir.path(), &roster, &[std], &catalogue(dir.path()));
    let all = all_of(&j, "STD");
    // Four công chức; "Hai Việc" and "Việc Sau" each fail in one post.
    assert_eq!(
        (all["population"].as_u64(), all["qualified"].as_u64()),
        (Some(4), Some(2))
    );
}
