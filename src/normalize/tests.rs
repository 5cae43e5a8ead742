//! Unit names, their keys and levels; general-education grades; rows read
//! on every core as row by row.

use super::*;

#[test]
fn a_commune_and_its_committee_are_one_unit() {
    assert_eq!(unit_key("UBND xã Nông Hạ"), unit_key("Xã Nông Hạ"));
    assert_eq!(unit_key("Ủy ban nhân dân phường A"), unit_key("phường A"));
    assert_ne!(unit_key("UBND xã A"), unit_key("Đảng ủy xã A"));
}

#[test]
fn unit_names_give_levels() {
    assert_eq!(
        level_from_unit_name("UBND xã Dương Quang"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("Phường Đức Xuân"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("Phòng Nội vụ thị xã Bắc Kạn"),
        Some(GovLevel::District)
    );
    assert_eq!(level_from_unit_name("Phòng Nội vụ"), None);
    assert_eq!(
        level_from_unit_name("UBND xã Huyền Tụng"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("UBND huyện Chợ Đồn"),
        Some(GovLevel::District)
    );
    assert_eq!(level_from_unit_name("Sở Nội vụ"), Some(GovLevel::Province));
    assert_eq!(
        level_from_unit_name("Ban Quản lý chợ thị xã"),
        Some(GovLevel::District)
    );
}

#[test]
fn general_grades() {
    assert!(is_general_grade("12/12"));
    assert!(is_general_grade("9/12"));
    assert!(!is_general_grade("05/12/1970"));
}

/// A roster of `rows` rows with every way a row can go: set aside (no name,
/// no unit, an issue), not staff (blank, totals), notes on cells (unreadable,
/// missing, implausible), units whose level a later row gives, repeated
/// national ids; with `split`, names in family and given columns.
/// National ids typed with spaces or dots are read without them; others
/// are not copied.
#[test]
fn national_ids_typed_with_spaces_or_dots() {
    use std::borrow::Cow;
    assert_eq!(cells::id_digits("001 089.012 345"), "001089012345");
    assert_eq!(cells::id_digits(". 0 ."), "0");
    assert!(matches!(cells::id_digits("001089012345"), Cow::Borrowed(_)));
    assert!(matches!(cells::id_digits("Số 1–2"), Cow::Owned(s) if s == "Số1–2"));
}

fn varied_roster(rows: usize, split: bool) -> String {
    let mut out = String::from(if split {
        "STT,Họ và đệm,Tên,Đơn vị,Cấp,Loại,Trình độ chuyên môn,Ngày sinh,Số CCCD\n"
    } else {
        "STT,Họ và tên,Đơn vị,Cấp,Loại,Trình độ chuyên môn,Ngày sinh,Số CCCD\n"
    });
    let categories = ["Công chức", "Viên chức", "Cán bộ", "", "khác", "Hợp đồng"];
    let education = [
        "Đại học Luật",
        "Trung cấp Kế toán",
        "12/12",
        "",
        "Đang học Đại học",
        "Thạc sĩ",
        "abc",
    ];
    let births = ["01/01/1980", "15/06/1975", "32/13/1990", "2030", "1968", ""];
    for i in 0..rows {
        if i % 4001 == 17 {
            out.push_str(",,,,,,,\n");
            continue;
        }
        if i % 5003 == 11 {
            out.push_str(",Tổng cộng,,,,,,\n");
            continue;
        }
        let name = if i % 997 == 3 {
            String::new()
        } else {
            format!("Nguyễn Văn {}", i % 9000)
        };
        let name = if split {
            match name.rsplit_once(' ') {
                Some((family, given)) => format!("{family},{given}"),
                None => ",".to_string(),
            }
        } else {
            name
        };
        let unit = if i % 1009 == 5 {
            String::new()
        } else {
            format!("Đơn vị số {}", i % 301)
        };
        let level = if i % 7 == 3 { "Xã" } else { "" };
        out.push_str(&format!(
            "{},{name},{unit},{level},{},{},{},{:012}\n",
            i + 1,
            categories[i % categories.len()],
            education[i % education.len()],
            births[i % births.len()],
            i % 9000,
        ));
    }
    out
}

#[test]
fn rows_read_on_every_core_give_what_rows_read_one_by_one_give() {
    let dir = tempfile::tempdir().unwrap();
    let matcher = HeaderMatcher::new(&crate::schema::ColumnAliases::default());
    let titles = CommuneTitles::builtin();
    // Three parts and a bit, so that rows are numbered across parts; a small
    // sheet first and a smaller one after the largest, so that each sheet's
    // records join those before them both ways.
    let rosters = [(40, false), (3 * 8192 + 100, false), (2 * 8192 + 7, true)];
    let paths: Vec<_> = rosters
        .iter()
        .map(|&(rows, split)| {
            let path = dir.path().join(format!("r{rows}.csv"));
            std::fs::write(&path, varied_roster(rows, split)).unwrap();
            path
        })
        .collect();
    for files in [&paths[1..2], &paths[2..], &paths[..]] {
        let load = |parallel| {
            let mut raw = RawInput {
                files: Vec::new(),
                sheets: Vec::new(),
            };
            for (i, path) in files.iter().enumerate() {
                let crate::ingest::FileRead::Read(file, sheets) =
                    crate::ingest::read_file(path, i, None).unwrap()
                else {
                    panic!("not read")
                };
                raw.files.push(file);
                raw.sheets.extend(sheets);
            }
            let opts = Options {
                matcher: &matcher,
                titles: &titles,
                as_of: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
                parallel,
            };
            let l = normalize(raw, &opts).unwrap();
            format!("{:?}\n{:?}\n{:?}", l.roster, l.sheets, l.issues)
        };
        let (by_rows, on_every_core) = (load(false), load(true));
        // The unsplit roster is varied: set aside rows, rows not staff,
        // issues of each kind.
        let kinds = [
            "SetAside",
            "NotStaff",
            "Missing",
            "Unreadable",
            "ImplausibleDate",
        ];
        for what in kinds.iter().filter(|_| files.contains(&paths[1])) {
            assert!(by_rows.contains(what), "{files:?}: no {what}");
        }
        assert!(by_rows == on_every_core, "{files:?}");
    }
}

/// The unit of a row's cells is remembered per sheet: the first
/// combination of a unit cell by indexing, any other of the same cell
/// apart, so each combination keeps its own unit and names are read once.
#[test]
fn unit_cells_keep_the_unit_of_each_combination() {
    let mut reg = units::UnitRegistry::default();
    let reads = std::cell::Cell::new(0);
    let unit = |reg: &mut units::UnitRegistry,
                cells: (usize, usize, usize),
                level: Option<GovLevel>,
                names: (&'static str, Option<&'static str>, Option<&'static str>)| {
        reg.intern_cached(Some(cells), level, || {
            reads.set(reads.get() + 1);
            names
        })
    };
    let a = unit(&mut reg, (1, 1, 0), None, ("Trường A", Some("T-A"), None));
    // The same unit cell with another code cell: another unit.
    let b = unit(&mut reg, (1, 2, 0), None, ("Trường A", Some("T-B"), None));
    // And with a level the row gives: the unit first met.
    let c = unit(
        &mut reg,
        (1, 1, 0),
        Some(GovLevel::Commune),
        ("Trường A", Some("T-A"), None),
    );
    assert_ne!(a, b);
    assert_eq!(a, c);
    assert_eq!(reads.get(), 3);
    // Met again, in any order: the same units, no name read.
    let never = ("never read", None, None);
    assert_eq!(unit(&mut reg, (1, 2, 0), None, never), b);
    assert_eq!(unit(&mut reg, (1, 1, 0), None, never), a);
    assert_eq!(unit(&mut reg, (1, 1, 0), Some(GovLevel::Commune), never), a);
    assert_eq!(reads.get(), 3);
    // Another unit cell, and a parent cell making another unit.
    let d = unit(&mut reg, (2, 0, 0), None, ("Trường D", None, Some("Xã X")));
    let e = unit(&mut reg, (2, 0, 1), None, ("Trường D", None, Some("Xã Y")));
    assert!(d != e && d != a && d != b);
    assert_eq!(unit(&mut reg, (2, 0, 1), None, never), e);
    assert_eq!(unit(&mut reg, (2, 0, 0), None, never), d);
    // A new sheet's ids are its own: read again, a cell's first combination
    // and its others alike.
    reg.new_sheet();
    let f = unit(&mut reg, (1, 1, 0), None, ("Trường D", None, Some("Xã Y")));
    assert_eq!(f, e);
    let g = unit(&mut reg, (1, 2, 0), None, ("Trường D", None, Some("Xã X")));
    assert_eq!(g, d);
    assert_eq!(reads.get(), 7);
}
