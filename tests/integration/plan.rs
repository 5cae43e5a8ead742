//! `nhanluc plan`: projections computed by hand, plan minimality against a
//! brute-force search, infeasible targets, capacity, two targets, one course.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use crate::util::*;

/// Xã A, commune công chức, as of 31/12/2013 (course to trung cấp: 12 months):
/// P1 man 01/03/1954 Đại học, retires 31/03/2014; P2 woman 15/06/1959 Sơ cấp, retires 30/06/2014;
/// P3 man 1980 Trung cấp; P4 woman 1985 Sơ cấp, studying Trung cấp until 30/06/2015;
/// P5 man 1975 untrained; P6 man 1970 Sơ cấp; P7 woman 1988 Đại học; P8 man 1990 Sơ cấp;
/// P9 man 1982, education unreadable; P10 man 20/12/1955 Sơ cấp, retires 31/12/2015.
/// Xã B, commune cán bộ: B1 Đại học; B2 Sơ cấp studying Trung cấp until 30/06/2016; B3 Sơ cấp.
const ROSTER: &str = "Mã cán bộ,Họ và tên,Giới tính,Ngày sinh,Đơn vị,Loại,Trình độ chuyên môn,Trình độ đang đào tạo,Dự kiến hoàn thành
P1,Một,Nam,01/03/1954,UBND xã A,Công chức cấp xã,Đại học,,
P2,Hai,Nữ,15/06/1959,UBND xã A,Công chức cấp xã,Sơ cấp,,
P3,Ba,Nam,1980,UBND xã A,Công chức cấp xã,Trung cấp,,
P4,Bốn,Nữ,02/02/1985,UBND xã A,Công chức cấp xã,Sơ cấp,Trung cấp,30/06/2015
P5,Năm,Nam,05/05/1975,UBND xã A,Công chức cấp xã,Chưa qua đào tạo,,
P6,Sáu,Nam,01/01/1970,UBND xã A,Công chức cấp xã,Sơ cấp,,
P7,Bảy,Nữ,08/08/1988,UBND xã A,Công chức cấp xã,Đại học,,
P8,Tám,Nam,09/09/1990,UBND xã A,Công chức cấp xã,Sơ cấp,,
P9,Chín,Nam,1982,UBND xã A,Công chức cấp xã,Bằng khen,,
P10,Mười,Nam,20/12/1955,UBND xã A,Công chức cấp xã,Sơ cấp,,
B1,Bê Một,Nam,01/01/1980,UBND xã B,Cán bộ cấp xã,Đại học,,
B2,Bê Hai,Nữ,01/01/1985,UBND xã B,Cán bộ cấp xã,Sơ cấp,Trung cấp,30/06/2016
B3,Bê Ba,Nam,01/01/1978,UBND xã B,Cán bộ cấp xã,Sơ cấp,,
";

const CC: &str = "{ category = [\"cong_chuc\"], commune = true }";
const CB: &str = "{ category = [\"can_bo\"], commune = true }";

fn policy(extra: &str, targets: &[(&str, &str, &str, &str, &str, &str)]) -> String {
    let mut s = format!("{POLICY_HEAD}[training]\ndurations = {{ trung_cap = 12 }}\n");
    s.push_str(extra);
    for (id, population, comparator, threshold, scope, deadline) in targets {
        s.push_str(&format!(
            "[[target]]\nid = \"{id}\"\nlabel = \"{id}\"\npopulation = {population}\nmeasure = {{ education = \"trung_cap\" }}\n\
             comparator = \"{comparator}\"\nthreshold = {threshold}\nscope = \"{scope}\"\ndeadline = {deadline}\n"
        ));
    }
    s
}

fn run_plan(dir: &Path, policy_text: &str) -> Value {
    run_plan_workbook(dir, policy_text).1
}

fn run_plan_workbook(dir: &Path, policy_text: &str) -> (PathBuf, Value) {
    let roster = write(dir, "roster.csv", ROSTER);
    report_json("plan", dir, "2013-12-31", policy_text, &[&roster], &[])
}

fn points(j: &Value, target: &str) -> Vec<(String, i64, i64, i64)> {
    let row = j["projection"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target"] == target && r["scope"] == "all")
        .unwrap();
    row["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap().to_string(),
                p["population"].as_i64().unwrap(),
                p["qualified"].as_i64().unwrap(),
                p["unknown"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn trainees(j: &Value) -> Vec<String> {
    j["plan"]["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

fn outcome<'a>(j: &'a Value, target: &str) -> &'a Value {
    j["plan"]["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["target"] == target)
        .unwrap_or(&Value::Null)
}

#[test]
fn projection_by_hand() {
    let dir = tempdir();
    let (out, j) = run_plan_workbook(
        dir.path(),
        &policy("", &[("T", CC, "ge", "50", "all", "2015-12-31")]),
    );
    // The "Dự báo" sheet shows the whole roster's shares: 3/10, 2/8, 3/8.
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_projection);
    let all = rows
        .iter()
        .find(|r| r[0] == "T" && r[2] == nhanluc::labels::VI.whole_roster)
        .expect("whole-roster row");
    assert_eq!(all[3..6], ["0.3", "0.25", "0.375"], "{all:?}");
    // Now 10 people, 3 qualified (P1, P3, P7), 1 unknown (P9).
    // 31/12/2014: P1 and P2 have retired → 8, 2 qualified.
    // 31/12/2015: P4's course ended 30/06/2015 → 3 qualified; P10 serves until 31/12/2015.
    assert_eq!(
        points(&j, "T"),
        vec![
            ("2013-12-31".into(), 10, 3, 1),
            ("2014-12-31".into(), 8, 2, 1),
            ("2015-12-31".into(), 8, 3, 1),
        ]
    );
    // 3 of 8 < 50%: one more needed; the smallest step with the longest service is P8.
    assert_eq!(outcome(&j, "T")["needed"], 1);
    assert_eq!(trainees(&j), ["Tám"]);
    let t = &j["plan"]["trainees"][0];
    assert_eq!(
        (t["start"].as_str(), t["end"].as_str()),
        (Some("2014-01-01"), Some("2014-12-31"))
    );
    // Retirements before the deadline: P1, P2, P10, with their dates.
    let retired: Vec<(&str, &str)> = j["retirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["retirement"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        retired,
        [
            ("Một", "2014-03-31"),
            ("Hai", "2014-06-30"),
            ("Mười", "2015-12-31")
        ]
    );
}

#[test]
fn replacements_change_the_projection() {
    let dir = tempdir();
    let t = [("T", CC, "ge", "50", "all", "2015-12-31")];
    let q = run_plan(
        dir.path(),
        &policy("[projection]\nreplacements = \"qualified\"\n", &t),
    );
    // P1 and P2 replaced by qualified newcomers: 10 people, 5 qualified → met, no plan.
    assert_eq!(points(&q, "T")[2], ("2015-12-31".into(), 10, 5, 1));
    assert!(trainees(&q).is_empty());
    let u = run_plan(
        dir.path(),
        &policy("[projection]\nreplacements = \"unqualified\"\n", &t),
    );
    assert_eq!(points(&u, "T")[2], ("2015-12-31".into(), 10, 3, 1));
    assert_eq!(trainees(&u), ["Tám", "Sáu"]);
    let off = run_plan(
        dir.path(),
        &policy("[projection]\nretirement = false\n", &t),
    );
    assert_eq!(points(&off, "T")[2], ("2015-12-31".into(), 10, 4, 1));
}

/// The plan's size equals the smallest subset of eligible people that meets
/// the target, found by brute force; and the plan is such a subset.
#[test]
fn plan_is_minimal_against_brute_force() {
    let dir = tempdir();
    for threshold in ["37.5", "50", "62.5", "75", "87.5"] {
        let j = run_plan(
            dir.path(),
            &policy("", &[("T", CC, "ge", threshold, "all", "2015-12-31")]),
        );
        // Independently: at the deadline 8 people, 3 qualified (see projection_by_hand).
        let (n, q) = (8u64, 3u64);
        // Eligible: below trung cấp (not unknown: P9 may be qualified already), not in
        // training, a 12-month course from 01/01/2014 ends 31/12/2014 before retiring:
        // P5, P6, P8, P10.
        let eligible = ["Năm", "Sáu", "Tám", "Mười"];
        let end = NaiveDate::from_ymd_opt(2014, 12, 31).unwrap();
        let p10 = nhanluc::retirement::retirement_date(
            nhanluc::dates::PartialDate {
                date: NaiveDate::from_ymd_opt(1955, 12, 20).unwrap(),
                precision: nhanluc::dates::Precision::Day,
            },
            nhanluc::scales::Gender::Male,
        )
        .unwrap();
        assert!(end <= p10);
        let pct = nhanluc::policy::Percent::parse(threshold).unwrap();
        let meets = |k: u64| {
            nhanluc::policy::decide(nhanluc::policy::Comparator::Ge, pct, n, q + k).met
                == Some(true)
        };
        let mut best = None;
        for mask in 0u32..(1 << eligible.len()) {
            let k = u64::from(mask.count_ones());
            if meets(k) && best.is_none_or(|b| k < b) {
                best = Some(k);
            }
        }
        let planned = trainees(&j);
        assert_eq!(Some(planned.len() as u64), best, "threshold {threshold}");
        assert!(
            planned.iter().all(|p| eligible.contains(&p.as_str())),
            "{planned:?}"
        );
        // Preference: smallest step, longest service.
        let order = ["Tám", "Sáu", "Mười", "Năm"];
        assert_eq!(
            planned,
            order[..planned.len()]
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn infeasible_targets_say_why() {
    let dir = tempdir();
    // Too little time: a 12-month course cannot end by 30/06/2014.
    let j = run_plan(
        dir.path(),
        &policy("", &[("T", CC, "ge", "60", "all", "2014-06-30")]),
    );
    let o = outcome(&j, "T");
    assert_eq!(
        (o["met_with_plan"].as_bool(), o["shortcoming"].as_str()),
        (Some(false), Some("too_little_time"))
    );
    // Too few candidates: xã B needs all 3 cán bộ; B2's course ends after the deadline,
    // only B3 could be trained, which cannot meet it: the plan trains nobody for it
    // (most groups met, then fewest trainees). The best share reachable is 2 of 3;
    // B2 finishes on 30/06/2016, the earliest date it could be met.
    let j = run_plan(
        dir.path(),
        &policy("", &[("B", CB, "ge", "100", "all", "2015-12-31")]),
    );
    let o = outcome(&j, "B");
    assert_eq!(o["shortcoming"], "too_few_candidates");
    assert_eq!(o["planned"], 0);
    assert_eq!(o["candidates"], 1);
    assert!((o["best_share"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(o["earliest_met"], "2016-06-30");
}

#[test]
fn capacity_spreads_course_starts() {
    let dir = tempdir();
    // 62.5% of 8 = 5: two more needed; one course a year; 2014 and 2015 both end in time.
    let (out, j) = run_plan_workbook(
        dir.path(),
        &policy(
            "capacity = 1\n",
            &[("T", CC, "ge", "62.5", "all", "2015-12-31")],
        ),
    );
    // The sheet's course starts per unit and year: one in 2014, one in 2015, two in all.
    let sheet = read_sheet(&out, nhanluc::labels::VI.sheet_trainees);
    let at = sheet
        .iter()
        .position(|r| r[1] == "UBND xã A" && r[2..5] == ["1", "1", "2"])
        .unwrap_or_else(|| panic!("{sheet:?}"));
    // The row's total and the "Tổng cộng" row below (one unit: the same
    // figures) are SUM formulas with those values cached.
    assert_eq!(sheet[at][0], "1", "{sheet:?}");
    assert_eq!(
        (sheet[at + 1][0].as_str(), &sheet[at + 1][2..5]),
        ("Tổng cộng", &["1", "1", "2"].map(String::from)[..]),
        "{sheet:?}"
    );
    let formula = read_formulas(&out, nhanluc::labels::VI.sheet_trainees);
    assert!(formula(at, 4).starts_with("SUM("), "{}", formula(at, 4));
    for c in 2..5 {
        assert!(
            formula(at + 1, c).starts_with("SUM("),
            "{}",
            formula(at + 1, c)
        );
    }
    let years: Vec<i64> = j["plan"]["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["start_year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2014, 2015]);
    assert_eq!(outcome(&j, "T")["met_with_plan"], true);
    // 75% needs three: only two courses fit, so none is planned for a target it
    // cannot meet; the best share is 5 of 8.
    let (out, j) = run_plan_workbook(
        dir.path(),
        &policy(
            "capacity = 1\n",
            &[("T", CC, "ge", "75", "all", "2015-12-31")],
        ),
    );
    let o = outcome(&j, "T");
    assert_eq!(o["shortcoming"], "capacity");
    assert_eq!(o["best_share"], 0.625);
    assert!(trainees(&j).is_empty());
    // "Dự báo" shows the share with the plan (3 of 8, nobody trained), not the best reachable.
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_projection);
    let all = rows
        .iter()
        .find(|r| r[0] == "T" && r[2] == nhanluc::labels::VI.whole_roster)
        .expect("whole-roster row");
    assert_eq!(all.last().map(String::as_str), Some("0.375"), "{all:?}");
    // Courses in 2014, 2015 and 2016: the third ends 31/12/2016, P10 has retired: 6 of 7.
    assert_eq!(o["earliest_met"], "2016-12-31");
    // Without the cap, all three start in 2014 and the target is met.
    let j = run_plan(
        dir.path(),
        &policy("", &[("T", CC, "ge", "75", "all", "2015-12-31")]),
    );
    assert_eq!(outcome(&j, "T")["met_with_plan"], true);
    assert_eq!(trainees(&j).len(), 3);
}

#[test]
fn one_course_serves_two_targets() {
    let dir = tempdir();
    let j = run_plan(
        dir.path(),
        &policy(
            "",
            &[
                ("WHOLE", CC, "ge", "50", "all", "2015-12-31"),
                ("EACH", CC, "ge", "50", "unit", "2015-12-31"),
            ],
        ),
    );
    let t = j["plan"]["trainees"].as_array().unwrap();
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0]["targets"], serde_json::json!(["WHOLE", "EACH"]));
}

#[test]
fn sample_plan_checked_by_hand() {
    let dir = tempdir();
    let out: PathBuf = dir.path().join("s.xlsx");
    let json: PathBuf = dir.path().join("s.json");
    let o = run(&[
        "plan",
        "--as-of",
        "2013-12-31",
        "-o",
        out.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Kế hoạch đào tạo: 3") && text.contains("Kế hoạch tối ưu"),
        "{text}"
    );
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // Read by hand from rosters/01-can-bo-cong-chuc-phuong-xa.xlsx: T2-XA ("trên 95%" of each
    // ward's commune công chức at trung cấp, by 31/12/2015) needs 8 of 8 in Xuất Hóa, whose
    // only one below is Bế Đức Dũng (Sơ cấp, born 1985): a 24-month course from 01/01/2014
    // ends 31/12/2015. Capacity 3 a year: the three trainees all start in 2014.
    let trainees: Vec<(&str, &str, &str)> = j["plan"]["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["unit"].as_str().unwrap(),
                t["name"].as_str().unwrap(),
                t["start"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(trainees.len(), 3, "{trainees:?}");
    assert!(trainees.contains(&("UBND Xã Xuất Hóa", "Bế Đức Dũng", "2014-01-01")));
    // Phùng Chí Kiên: 7 of 8 qualified, the eighth wrote "12/12" (education unknown, not a
    // candidate): too few candidates; met if the unknown is qualified; otherwise met from
    // the day after he (born 01/1975, retiring at 62) leaves: 01/02/2037.
    let pck = j["plan"]["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["unit"] == "UBND Phường Phùng Chí Kiên")
        .unwrap();
    assert_eq!(pck["shortcoming"], "too_few_candidates");
    assert_eq!(pck["candidates"], 0);
    assert_eq!(pck["unknown_at_deadline"], 1);
    assert_eq!(pck["met_if_unknown_qualified"], true);
    assert_eq!(pck["earliest_met"], "2037-02-01");
    assert_eq!(j["plan"]["optimal"], true);
    // "Dự báo" lists only the units with someone in a target's population
    // (the town's offices have no commune cán bộ): the others are counted.
    for row in j["projection"].as_array().unwrap() {
        let points = row["points"].as_array().unwrap();
        assert!(
            row["scope"] == "all" || points.iter().any(|p| p["population"].as_u64() > Some(0)),
            "{row}"
        );
    }
    let l = &nhanluc::labels::VI;
    let projection = read_sheet(&out, l.sheet_projection);
    assert!(
        projection
            .iter()
            .any(|r| r[0] == "T1" && r[2].contains("không có người thuộc diện")),
        "{projection:?}"
    );
    for sheet in [l.sheet_projection, l.sheet_plan, l.sheet_retirements] {
        assert!(read_sheet(&out, sheet).len() > 9, "{sheet}");
    }
    // The printed plan says the same: candidates 0, unknown 1, met if the unknown is qualified;
    // and that the plan is optimal.
    let plan = read_sheet(&out, l.sheet_plan);
    let row = plan
        .iter()
        .find(|r| r[0] == "T2-XA" && r[1] == "UBND Phường Phùng Chí Kiên")
        .expect("Phùng Chí Kiên's outcome row");
    assert_eq!(row[4..6], ["1", "0"], "{row:?}");
    assert_eq!(row[10..13], ["0", "1", l.yes], "{row:?}");
    assert!(plan.iter().any(|r| r[0] == l.plan_exact), "{plan:?}");
    // Course starts per unit and year (on the trainees' sheet): the "Tổng
    // cộng" row sums the units' rows (summed here) and its last cell counts
    // every trainee.
    let plan = read_sheet(&out, l.sheet_trainees);
    let head = plan
        .iter()
        .position(|r| r[1] == l.col_unit && r.iter().any(|c| c == l.col_all_years))
        .expect("the per-year table's header");
    let total = plan
        .iter()
        .position(|r| r[0] == "Tổng cộng")
        .expect("its total row");
    let width = plan[head]
        .iter()
        .position(|c| c == l.col_all_years)
        .unwrap();
    for c in 2..=width {
        let sum: u64 = plan[head + 1..total]
            .iter()
            .map(|r| r[c].parse::<u64>().unwrap())
            .sum();
        assert_eq!(plan[total][c], sum.to_string(), "column {c}");
    }
    let trainees = j["plan"]["trainees"].as_array().unwrap().len();
    assert_eq!(plan[total][width], trainees.to_string());
    // "Nghỉ hưu": Ma Thị Mai (last day of service 31/08/2010) under the past-due heading,
    // not among those retiring before the deadline.
    let sheet = read_sheet(&out, l.sheet_retirements);
    let heading = sheet
        .iter()
        .position(|r| r[0] == l.past_due_heading)
        .expect("past-due heading");
    // The second list has a header row of its own, and Ma Thị Mai is first in it.
    assert_eq!(sheet[heading + 1][..3], [l.col_no, l.col_unit, l.col_name]);
    let mai = sheet
        .iter()
        .position(|r| r[2] == "Ma Thị Mai")
        .expect("Ma Thị Mai listed");
    assert_eq!(mai, heading + 2, "{sheet:?}");
    assert_eq!(j["past_retirement_age"].as_array().unwrap().len(), 7);
}

/// One target over the whole roster: half the công chức at trung cấp by the
/// end of 2016.
fn half_of_cong_chuc_by_2016() -> String {
    let cong_chuc = "{ category = [\"cong_chuc\"] }";
    policy("", &[("T", cong_chuc, "ge", "50", "all", "2016-12-31")])
}

/// Without a recorded sex, a person retires at a man's age at the latest
/// (Decree 135; a woman's comes sooner). As of 31/12/2013: Người Già (born
/// 01/01/1950) reached 60 in January 2010, past the age of both sexes,
/// listed as past it (as the forms count "Trên tuổi nghỉ hưu"); Người Giữa
/// (01/06/1956: 55 in 2011, 60 in 2016) is not past a man's age: listed as
/// retiring on 30/06/2016, before the 2016 deadline.
#[test]
fn without_a_sex_a_mans_retirement_age_is_the_latest() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "khong-gioi-tinh.csv",
        "Họ và tên,Ngày sinh,Đơn vị,Loại,Trình độ chuyên môn\n\
         Người Già,01/01/1950,Phòng Nội vụ,Công chức,Trung cấp\n\
         Người Giữa,01/06/1956,Phòng Nội vụ,Công chức,Trung cấp\n\
         Người Trẻ,01/01/1990,Phòng Nội vụ,Công chức,Trung cấp\n",
    );
    let text = half_of_cong_chuc_by_2016();
    let (_, j) = report_json("plan", dir.path(), "2013-12-31", &text, &[&roster], &[]);
    let names = |key: &str| -> Vec<(String, String)> {
        j[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().into(),
                    p["retirement"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    assert_eq!(
        names("past_retirement_age"),
        [("Người Già".into(), "2010-01-31".into())]
    );
    assert_eq!(
        names("retirements"),
        [("Người Giữa".into(), "2016-06-30".into())]
    );
}

/// "Nghỉ hưu" rows are as tall as their unit's name wraps in the unit
/// column (34 units wide: 14,441 thousandths of 12-point type a line) and
/// their title in the title column (24 units: 10,194). Words of twelve n's
/// are 6,000 wide each, a space 250: Một's unit of four such words takes
/// two lines (two words a line; four in the 26-unit name column), Ba's
/// title of two words two lines (one word a line; one line in the unit
/// column): 31.5 points (42 pixels) each; Hai is not listed.
#[test]
fn retirement_rows_are_as_tall_as_their_unit_and_title() {
    let dir = tempdir();
    let word = "n".repeat(12);
    let (unit, title) = ([word.as_str(); 4].join(" "), [word.as_str(); 2].join(" "));
    let roster = write(
        dir.path(),
        "roster.csv",
        format!(
            "Họ và tên,Giới tính,Ngày sinh,Đơn vị,Chức vụ,Loại,Trình độ chuyên môn\n\
             Một,Nam,01/03/1954,{unit},Chuyên viên,Công chức,Đại học\n\
             Ba,Nam,01/04/1954,Phòng Nội vụ,{title},Công chức,Đại học\n\
             Hai,Nam,01/01/1980,Phòng Nội vụ,Chuyên viên,Công chức,Trung cấp\n"
        ),
    );
    let text = half_of_cong_chuc_by_2016();
    let (out, _) = report_json("plan", dir.path(), "2013-12-31", &text, &[&roster], &[]);
    let l = &nhanluc::labels::VI;
    let rows = read_sheet(&out, l.sheet_retirements);
    let xml = sheet_xml(&out, l.sheet_retirements);
    for name in ["Một", "Ba"] {
        let at = rows.iter().position(|r| r[2] == name).expect("listed");
        // calamine's row 0 is Excel's row 1: the sheet starts at A1.
        assert_eq!(row_ht(&xml, at + 1), Some("31.5"), "{name}");
    }
    assert!(!rows.iter().any(|r| r[2] == "Hai"));
}
