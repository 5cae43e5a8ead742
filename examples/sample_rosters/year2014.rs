//! The sample town one year on: Thị xã Bắc Kạn as of 31/12/2014, written to
//! `examples/rosters-2014/` with its ground truth (`README.md` there).
//!
//! The same people as 2013 (the same draw), with what a year brings: the
//! retirements that fall in 2014 (by `nhanluc::retirement`, from the birth
//! date as the 2013 list typed it), two resignations, five hires (new staff
//! ids after the last of 2013), finished courses and new political theory
//! and state management levels, one transfer between offices and one
//! non-specialised worker made công chức. The planted errors of 2013 stay.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use nhanluc::dates::{PartialDate, Precision};
use nhanluc::scales::Gender;

use super::{
    COMMUNES, Employee, Formats, Listed, OFFICES, Officer, Person, Rng, Row, SERVICE_UNITS, Town,
    Worker, Year, commune_unit, person, stamp, write_year,
};

const OUT: &str = "examples/rosters-2014";
const YEAR: i32 = 2014;

/// What happened to a person in 2014.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Retired,
    Left,
    Hired,
    Transfer,
    CategoryChange,
    Education,
    PoliticalTheory,
    StateManagement,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Retired => "retired",
            Kind::Left => "left (resigned)",
            Kind::Hired => "hired",
            Kind::Transfer => "transferred",
            Kind::CategoryChange => "category change",
            Kind::Education => "education level",
            Kind::PoliticalTheory => "political theory",
            Kind::StateManagement => "state management",
        }
    }
}

/// One change, as the ground truth lists it.
struct Change {
    kind: Kind,
    id: String,
    name: String,
    unit: String,
    category: &'static str,
    detail: String,
}

/// One person on a year's lists, as the tool reads them: unit and category.
#[derive(Clone)]
struct Entry {
    name: String,
    unit: String,
    category: &'static str,
}

const CB: &str = "cán bộ";
const CC: &str = "công chức";
const KCT: &str = "không chuyên trách";
const VC: &str = "viên chức";
const UNKNOWN: &str = "unknown";

/// The category a commune title implies (the titles the sample's Bạch Thông
/// sheets hold, read by the tool through `policies/commune-titles.toml`).
fn category_of_title(title: &str) -> &'static str {
    match title {
        "Chủ tịch UBND" | "Phó Chủ tịch UBND" | "Chủ tịch HĐND" | "Bí thư Đảng ủy" => {
            CB
        }
        "Tài chính - kế toán" | "Văn hóa - xã hội" | "Tư pháp - hộ tịch" => CC,
        "Phó Chủ tịch Hội Nông dân" => KCT,
        _ => UNKNOWN,
    }
}

/// Everyone the tool counts, by staff id (the nameless row is set aside, a
/// duplicate row and a second post are one person).
fn ledger(t: &Town) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    let mut put = |p: &Person, unit: String, category: &'static str| {
        if !p.name.is_empty() {
            out.entry(p.staff_id.clone()).or_insert(Entry {
                name: p.name.clone(),
                unit,
                category,
            });
        }
    };
    for (i, c) in t.communes.iter().enumerate() {
        for r in &c.rows {
            let category = match r.category {
                "Cán bộ" => CB,
                "Công chức" => CC,
                // The planted row without a category holds "Chủ tịch UBND".
                _ => category_of_title(r.title),
            };
            put(&r.p, commune_unit(i), category);
        }
    }
    for w in &t.workers {
        put(&w.p, commune_unit(w.commune), KCT);
    }
    for o in &t.officers {
        put(&o.p, OFFICES[o.office].1.to_string(), CC);
    }
    for e in &t.employees {
        put(&e.p, SERVICE_UNITS[e.unit].0.to_string(), VC);
    }
    for (p, _, heading, _) in &t.bach_thong.duong_phong {
        let category = match heading.split_once(' ').map(|x| x.0) {
            Some("I.") => CB,
            Some("II.") => CC,
            _ => KCT,
        };
        put(p, "UBND xã Dương Phong".to_string(), category);
    }
    for (sheet, list) in &t.bach_thong.sheets {
        for (p, title, _, _) in list {
            put(p, (*sheet).to_string(), category_of_title(title));
        }
    }
    out
}

/// Every unit in the order of the lists.
fn units(t: &Town) -> Vec<String> {
    let mut v: Vec<String> = (0..COMMUNES.len()).map(commune_unit).collect();
    v.extend(OFFICES.iter().map(|o| o.1.to_string()));
    v.extend(SERVICE_UNITS.iter().map(|u| u.0.to_string()));
    v.push("UBND xã Dương Phong".to_string());
    v.extend(t.bach_thong.sheets.iter().map(|s| s.0.to_string()));
    v
}

/// The birth date as a list typed it (a bare year is 01/01 of that year).
fn typed_birth(p: &Person, year_only: bool) -> PartialDate {
    if year_only {
        PartialDate {
            date: NaiveDate::from_ymd_opt(p.birth.year(), 1, 1).unwrap_or(p.birth),
            precision: Precision::Year,
        }
    } else {
        PartialDate {
            date: p.birth,
            precision: Precision::Day,
        }
    }
}

fn gender(p: &Person) -> Gender {
    if p.female {
        Gender::Female
    } else {
        Gender::Male
    }
}

/// Removes and returns the one element `pick` chooses.
fn take<T>(v: &mut Vec<T>, pick: impl Fn(&T) -> bool) -> T {
    let i = v.iter().position(pick).unwrap();
    v.remove(i)
}

/// The 2014 lists and what changed.
#[allow(clippy::too_many_lines)] // one story, told in order
fn advance(t: &Town) -> (Town, Vec<Change>) {
    let mut n = t.clone();
    let mut changes = Vec::new();
    let before = ledger(t);
    let mut note = |kind, id: &str, detail: String, after: Option<&Entry>| {
        let e = after.or_else(|| before.get(id)).cloned().unwrap();
        changes.push(Change {
            kind,
            id: id.to_string(),
            name: e.name,
            unit: e.unit,
            category: e.category,
            detail,
        });
    };

    // Retirements: every commune row whose retirement date (as the tool
    // computes it from the birth date as typed) falls in 2014. The other
    // lists hold nobody who reaches the age in 2014 (checked below).
    let year_2014 = |d: NaiveDate| d.year() == YEAR;
    for c in &mut n.communes {
        c.rows.retain(|r| {
            let born = typed_birth(&r.p, r.birth_form == 6);
            let Some(date) = nhanluc::retirement::retirement_date(born, gender(&r.p)) else {
                return true;
            };
            if !year_2014(date) || r.p.name.is_empty() {
                return true;
            }
            let start = nhanluc::retirement::pension_start(date);
            note(
                Kind::Retired,
                &r.p.staff_id,
                format!(
                    "born {}, {}: last day {}, pension from {}",
                    if r.birth_form == 6 {
                        born.date.format("%Y (typed as a bare year: read as 01/01)")
                    } else {
                        born.date.format("%d/%m/%Y")
                    },
                    if r.p.female { "woman (55)" } else { "man (60)" },
                    date.format("%d/%m/%Y"),
                    start.format("%d/%m/%Y"),
                ),
                None,
            );
            false
        });
    }
    let none_other = n
        .workers
        .iter()
        .map(|w| (typed_birth(&w.p, true), &w.p))
        .chain(n.officers.iter().map(|o| (typed_birth(&o.p, false), &o.p)))
        .chain(n.employees.iter().map(|e| (typed_birth(&e.p, false), &e.p)))
        .all(|(b, p)| {
            nhanluc::retirement::retirement_date(b, gender(p)).is_none_or(|d| !year_2014(d))
        });
    assert!(none_other, "a retirement in 2014 outside the communes");

    // Resignations: the second office clerk of Phùng Chí Kiên and a teacher.
    let pck = 3;
    let clerk = n.communes[pck]
        .rows
        .iter()
        .position(|r| r.p.staff_id == "BK00068")
        .unwrap();
    note(
        Kind::Left,
        "BK00068",
        "resigned in 2014 (born 28/06/1988); the post goes to BK00166".to_string(),
        None,
    );
    n.employees.retain(|e| e.p.staff_id != "BK00263");
    note(
        Kind::Left,
        "BK00263",
        "resigned in 2014 (born 07/12/1984); a new teacher is hired".to_string(),
        None,
    );

    // Category change: Phùng Chí Kiên's non-specialised văn thư takes the
    // clerk's post as công chức (moves from the 03 text file to the 01 workbook).
    let worker: Worker = take(&mut n.workers, |w| w.p.staff_id == "BK00166");
    let template = n.communes[pck].rows[clerk].clone();
    n.communes[pck].rows[clerk] = Row {
        p: worker.p.clone(),
        education: worker.education.to_string(),
        political: "",
        state: "",
        training: None,
        grade_code: "01.004",
        birth_form: 0,
        ..template
    };
    note(
        Kind::CategoryChange,
        "BK00166",
        "không chuyên trách (Văn thư - lưu trữ, 03 text file, birth year only) → công chức \
         (Văn phòng - thống kê, 01 workbook, full birth date 22/07/1985), same unit"
            .to_string(),
        None,
    );

    // Transfer: a Chuyên viên of Phòng Kinh tế to Phòng Tài nguyên và Môi trường.
    let mut moved: Officer = take(&mut n.officers, |o| o.p.staff_id == "BK00222");
    moved.office = 4;
    "BK-TNMT-CM1".clone_into(&mut moved.pcode);
    let at = n.officers.iter().rposition(|o| o.office == 4).unwrap() + 1;
    n.officers.insert(at, moved);
    note(
        Kind::Transfer,
        "BK00222",
        "Phòng Kinh tế → Phòng Tài nguyên và Môi trường (Chuyên viên; staff id, name and \
         birth date 17/01/1970 unchanged)"
            .to_string(),
        None,
    );

    // Courses finished: the two commune cán bộ whose Trung cấp course was
    // due 30/06/2014, one who finished a year early, and an office Chuyên
    // viên with a degree no 2013 row showed in progress.
    for (id, level, detail) in [
        (
            "BK00060",
            "Trung cấp",
            "Chưa qua đào tạo → Trung cấp (course due 30/06/2014)",
        ),
        (
            "BK00082",
            "Trung cấp",
            "Chưa qua đào tạo → Trung cấp (course due 30/06/2014)",
        ),
        (
            "BK00043",
            "Trung cấp",
            "Sơ cấp → Trung cấp (course due 30/06/2015, finished early in 2014)",
        ),
    ] {
        let r = n
            .communes
            .iter_mut()
            .flat_map(|c| c.rows.iter_mut())
            .find(|r| r.p.staff_id == id)
            .unwrap();
        level.clone_into(&mut r.education);
        r.training = None;
        note(Kind::Education, id, detail.to_string(), None);
    }
    let o = n
        .officers
        .iter_mut()
        .find(|o| o.p.staff_id == "BK00224")
        .unwrap();
    "Đại học Nông nghiệp".clone_into(&mut o.education);
    note(
        Kind::Education,
        "BK00224",
        "Trung cấp Nông nghiệp → Đại học Nông nghiệp (in-service degree; no 2013 row showed it)"
            .to_string(),
        None,
    );
    // Political theory and state management.
    let o = n
        .officers
        .iter_mut()
        .find(|o| o.p.staff_id == "BK00217")
        .unwrap();
    o.llct = "Trung cấp";
    note(
        Kind::PoliticalTheory,
        "BK00217",
        "none → Trung cấp".to_string(),
        None,
    );
    let r = n.communes[pck]
        .rows
        .iter_mut()
        .find(|r| r.p.staff_id == "BK00071")
        .unwrap();
    r.state = "Chuyên viên";
    note(
        Kind::StateManagement,
        "BK00071",
        "none → Chuyên viên".to_string(),
        None,
    );

    // Hires: new staff ids after the last of 2013, people of their own draw.
    let mut rng = Rng(2014);
    let mut seq = t.last_id;
    let mut hire = |rng: &mut Rng| person(rng, &mut seq, 1986, 8);
    // 1. A Chuyên viên for Phòng Tài chính - Kế hoạch.
    let p = hire(&mut rng);
    let at = n.officers.iter().rposition(|o| o.office == 1).unwrap() + 1;
    n.officers.insert(
        at,
        Officer {
            p: p.clone(),
            office: 1,
            title: "Chuyên viên",
            pcode: "BK-TCKH-CM1".to_string(),
            pname: "Chuyên viên".to_string(),
            gcode: "01.003",
            grade: "Chuyên viên",
            education: "Đại học Tài chính".to_string(),
            llct: "",
            qlnn: "",
        },
    );
    let mut hired = vec![(p, "Chuyên viên, Đại học Tài chính (04 workbook)")];
    // 2. A teacher for Trường Tiểu học Sông Cầu, after the one who left.
    let p = hire(&mut rng);
    let at = n.employees.iter().rposition(|e| e.unit == 1).unwrap() + 1;
    n.employees.insert(
        at,
        Employee {
            p: p.clone(),
            unit: 1,
            education: "Cao đẳng Sư phạm",
        },
    );
    hired.push((p, "Giáo viên, Cao đẳng Sư phạm (05 CSV)"));
    // 3. Dương Quang's new Bí thư Đoàn, after the one who retired.
    let p = hire(&mut rng);
    let dq = &mut n.communes[6].rows;
    let at = dq
        .iter()
        .position(|r| r.title == "Chủ tịch Hội LHPN")
        .unwrap();
    dq.insert(
        at,
        Row {
            p: p.clone(),
            title: "Bí thư Đoàn TNCS HCM",
            category: "Cán bộ",
            education: "Đại học".to_string(),
            political: "Sơ cấp",
            state: "",
            training: None,
            grade_code: "",
            birth_form: 0,
        },
    );
    hired.push((p, "Bí thư Đoàn TNCS HCM, Đại học (01 workbook)"));
    // 4. A non-specialised worker for Xuất Hóa, a title its list lacked.
    let p = hire(&mut rng);
    let at = n.workers.iter().rposition(|w| w.commune == 5).unwrap() + 1;
    n.workers.insert(
        at,
        Worker {
            p: p.clone(),
            commune: 5,
            title: "Phó Chủ tịch Ủy ban MTTQ",
            education: "Trung cấp",
        },
    );
    hired.push((p, "Phó Chủ tịch Ủy ban MTTQ, Trung cấp (03 text file)"));
    // 5. A Tài chính - kế toán for Dương Phong, under its II. CÔNG CHỨC heading.
    let p = hire(&mut rng);
    let dp = &mut n.bach_thong.duong_phong;
    let at = dp.iter().rposition(|l| l.2 == "II. CÔNG CHỨC").unwrap() + 1;
    let listed: Listed = (p.clone(), "Tài chính - kế toán", "II. CÔNG CHỨC", 'D');
    dp.insert(at, listed);
    hired.push((p, "Tài chính - kế toán, Đại học (06 workbook)"));
    n.last_id = seq;
    let after = ledger(&n);
    for (p, detail) in hired {
        let e = after[&p.staff_id].clone();
        changes.push(Change {
            kind: Kind::Hired,
            id: p.staff_id.clone(),
            name: e.name,
            unit: e.unit,
            category: e.category,
            detail: format!(
                "{detail}; born {}, {}",
                p.birth.format("%d/%m/%Y"),
                if p.female { "woman" } else { "man" }
            ),
        });
    }
    (n, changes)
}

/// Per unit and category: opening, hired, transferred in, transferred out,
/// retired, left, category change in, category change out, closing.
type Counts = [usize; 9];

/// The movement per unit and category, from the two years' people; checks
/// that every difference is a listed change and the sums balance.
fn movement(
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
    changes: &[Change],
) -> BTreeMap<(String, &'static str), Counts> {
    let kind_of = |id: &str, k: Kind| changes.iter().any(|c| c.id == id && c.kind == k);
    let mut m: BTreeMap<(String, &'static str), Counts> = BTreeMap::new();
    let mut at = |e: &Entry, i: usize| m.entry((e.unit.clone(), e.category)).or_default()[i] += 1;
    for (id, b) in before {
        at(b, 0);
        match after.get(id) {
            None if kind_of(id, Kind::Retired) => at(b, 4),
            None if kind_of(id, Kind::Left) => at(b, 5),
            None => panic!("{id} gone without a change"),
            Some(a) if a.unit != b.unit => {
                assert!(kind_of(id, Kind::Transfer), "{id}");
                at(b, 3);
                at(a, 2);
            }
            Some(a) if a.category != b.category => {
                assert!(kind_of(id, Kind::CategoryChange), "{id}");
                at(b, 7);
                at(a, 6);
            }
            Some(_) => {}
        }
    }
    for (id, a) in after {
        at(a, 8);
        if !before.contains_key(id) {
            assert!(kind_of(id, Kind::Hired), "{id}");
            at(a, 1);
        }
    }
    for (k, c) in &m {
        assert_eq!(
            c[0] + c[1] + c[2] - c[3] - c[4] - c[5] + c[6] - c[7],
            c[8],
            "{k:?}"
        );
    }
    m
}

/// The ground truth as Markdown tables.
fn tables(t: &Town, n: &Town, changes: &[Change]) -> String {
    let before = ledger(t);
    let after = ledger(n);
    let m = movement(&before, &after, changes);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### Every change\n\n| # | Person | Staff id | Unit | Category | Change | Detail |\n| ---: | --- | --- | --- | --- | --- | --- |"
    );
    let mut sorted: Vec<&Change> = changes.iter().collect();
    sorted.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.id.cmp(&b.id)));
    for (i, c) in sorted.iter().enumerate() {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            c.name,
            c.id,
            c.unit,
            c.category,
            c.kind.label(),
            c.detail
        );
    }
    let _ = writeln!(
        s,
        "\n### Movement per unit and category\n\nPeople (a person with two posts, or a row typed twice, is one; the row without a name is set aside in both years and counted nowhere). \
         Opening + hired + transferred in − transferred out − retired − left + category in − category out = closing.\n\n\
         | Unit | Category | Opening 2013 | Hired | Transferred in | Transferred out | Retired | Left | Category in | Category out | Closing 2014 |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    let mut total = [0usize; 9];
    let mut by_unit: Vec<(String, usize, usize)> = Vec::new();
    for unit in units(t) {
        let (mut open, mut close) = (0, 0);
        for cat in [CB, CC, KCT, VC, UNKNOWN] {
            let Some(c) = m.get(&(unit.clone(), cat)) else {
                continue;
            };
            let cells: Vec<String> = c.iter().map(ToString::to_string).collect();
            let _ = writeln!(s, "| {unit} | {cat} | {} |", cells.join(" | "));
            for (x, y) in total.iter_mut().zip(c) {
                *x += y;
            }
            open += c[0];
            close += c[8];
        }
        by_unit.push((unit, open, close));
    }
    let cells: Vec<String> = total.iter().map(|x| format!("**{x}**")).collect();
    let _ = writeln!(s, "| **Total** | | {} |", cells.join(" | "));
    let _ = writeln!(
        s,
        "\n### People per unit\n\n| Unit | 2013 | 2014 |\n| --- | ---: | ---: |"
    );
    for (unit, open, close) in &by_unit {
        let _ = writeln!(s, "| {unit} | {open} | {close} |");
    }
    let _ = writeln!(
        s,
        "\n### People per category\n\n| Category | 2013 | 2014 |\n| --- | ---: | ---: |"
    );
    for cat in [CB, CC, KCT, VC, UNKNOWN] {
        let count = |l: &BTreeMap<String, Entry>| l.values().filter(|e| e.category == cat).count();
        let _ = writeln!(s, "| {cat} | {} | {} |", count(&before), count(&after));
    }
    let _ = writeln!(
        s,
        "| **Total** | **{}** | **{}** |",
        before.len(),
        after.len()
    );
    let _ = writeln!(
        s,
        "\n### Levels gained\n\n| Person | Staff id | Unit | Kind | From → to |\n| --- | --- | --- | --- | --- |"
    );
    for c in sorted.iter().filter(|c| {
        matches!(
            c.kind,
            Kind::Education | Kind::PoliticalTheory | Kind::StateManagement
        )
    }) {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            c.name,
            c.id,
            c.unit,
            c.kind.label(),
            c.detail
        );
    }
    s
}

const README_HEAD: &str = "# Sample rosters, one year on: Thị xã Bắc Kạn as of 31/12/2014

The shipped sample (`rosters/`, as of 31/12/2013) a year later, for comparing
two years' rosters (opening + in − out = closing; who joined, left, retired,
changed unit or category, gained a level). Written, with this file, by
`cargo run --example sample_rosters` (`examples/sample_rosters/year2014.rs`),
from the same random draw as 2013: the same units, the same people (names,
birth dates, staff ids), then the changes below. The people are invented.

```sh
nhanluc check rosters --as-of 2013-12-31
nhanluc check examples/rosters-2014 --as-of 2014-12-31
```

It is kept out of `rosters/` on purpose: that folder is the tool's default
input, and a subfolder would be read with it.

## The files

The same seven files as 2013, in the same layouts, dated 2014 (\"NĂM 2014\",
\"Có đến ngày 31/12/2014\", \"ngày 31 tháng 12 năm 2014\"):

| File | What | Staff id | Birth date |
| --- | --- | --- | --- |
| `01-can-bo-cong-chuc-phuong-xa.xlsx` | 7 communes' cán bộ and công chức, a sheet each | yes (Mã CB) | full, in Nam/Nữ columns (some as a bare year) |
| `02-xa-nong-thuong-vntime.xlsx` | Nông Thượng, typed in .VnTime (TCVN3) | yes | as 01 |
| `03-khong-chuyen-trach.txt` | non-specialised workers, UTF-16 tab text | no | year only |
| `04-cong-chuc-co-quan-chuyen-mon.xlsx` | the town's offices (công chức, district level), and a summary sheet | yes | full |
| `05-vien-chuc-don-vi-su-nghiep.csv` | public service units (viên chức), semicolon CSV | no | full |
| `06-xa-duong-phong-theo-muc.xlsx` | Dương Phong (Bạch Thông), unit in the title block, category by section | no | full |
| `07-bach-thong-mot-xa-mot-trang.xlsx` | two Bạch Thông communes, a sheet each, category by title | no | full |

## Matching the two years

- Where a staff id is written (01, 02, 04) it is the same in both years; new
  hires have new ids after the last of 2013 (BK00303).
- Elsewhere (03, 05, 06, 07) match by name and birth date (03: birth year
  only). Names alone are not unique: Phạm Thị Nhung, Ma Quang Nam, Lục Thị
  Yến and Hà Hữu Hải each name two different people.
- No list has a national id (CCCD) column, in either year.
- The transfer (BK00222, Phòng Kinh tế → Phòng Tài nguyên và Môi trường)
  stays in the 04 workbook with the same staff id, name and birth date. A
  staff id pairs people only within one unit (units number their own
  staff), so `nhanluc forms` matches him by name and full birth date, and
  its list marks the match \"cần xác minh\".
- The category change (BK00166) moves from the 03 text file (no staff id,
  birth year only) to the 01 workbook (staff id BK00166, full birth date):
  match by name + birth year + unit.

## The planted errors of 2013

They stay as they were, so that both years read the same way: Sông Cầu's
row typed twice (set aside as a duplicate), Đức Xuân's Bí thư who also
chairs the People's Council (one person, two posts), Xuất Hóa's row without
a category (read as cán bộ from its title), Dương Quang's row without a name
(set aside: counted in neither year; it is a man born 1953, past the age in
both), the misspelt title and the title not in the catalogue. People already
past the retirement age on 31/12/2013 (the 2013 sample has several) are
still listed in 2014: only the retirements that fall in 2014 are taken off.

## As the tool reads it

`nhanluc check … --json`: 2013: rows read 382 = 302 analysed + 2 set aside
+ 78 non-staff; 301 people (302 posts, 1 kiêm nhiệm). 2014: rows read 380 =
300 analysed + 2 set aside + 78 non-staff; 299 people (300 posts, 1 kiêm
nhiệm). The 2 rows set aside are the planted duplicate and nameless row in
both years. By category (2013 → 2014): cán bộ 88 → 84, công chức 133 → 135,
không chuyên trách 43 → 43, viên chức 36 → 36, unknown 1 → 1. Per unit,
`nhanluc forms` agrees with the tables below: BM01 (the offices' công chức,
63 → 64), BM02 (each commune's cán bộ and công chức, 158 → 155) and the
BM03/BM04 lists. The tool has no per-unit count of non-specialised workers
or viên chức; their totals agree.

## Ground truth

Retirement follows `nhanluc::retirement` (before 2021: 60 for men, 55 for
women; the last day of service is the end of the month the age is reached,
the pension starts the next day), from the birth date as the 2013 list typed
it (a bare year is read as 01/01). Categories are the tool's: a commune row
without a category by its title, Dương Phong by its section headings, the
Bạch Thông sheets by title (\"Cán bộ tăng cường\" is unknown).

";

pub(crate) fn write(t: &Town, f: &Formats) -> Result<(), Box<dyn std::error::Error>> {
    let (n, changes) = advance(t);
    let y = Year {
        year: YEAR,
        out: OUT,
        created: |_| stamp(2015, 1, 5, 8, 0, 0),
    };
    write_year(&n, &y, f)?;
    let truth = tables(t, &n, &changes);
    std::fs::write(y.path("README.md"), format!("{README_HEAD}{truth}"))?;
    print!("{truth}");
    println!("2014 sample rosters written to {OUT}/");
    Ok(())
}
