//! Rosters in the shapes units really send (issue 10): the unit only in the
//! title block, the sheet name or the file name; categories by section
//! headings or only by the title held.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::util::*;

fn problems(j: &Value, key: &str) -> u64 {
    j["issues_by_problem"][key].as_u64().unwrap_or(0)
}

/// One target over every category, scoped by unit and by parent, to read
/// the units (and their parents) back from the report's JSON.
fn units_of(dir: &Path, inputs: &[&Path]) -> (Vec<(String, u64)>, Vec<String>) {
    let policy = format!(
        "{POLICY_HEAD}[[target]]\nid = \"U\"\nlabel = \"u\"\npopulation = {{ category = [\"can_bo\", \"cong_chuc\", \"khong_chuyen_trach\"] }}\nmeasure = {{ education = \"trung_cap\" }}\ncomparator = \"ge\"\nthreshold = 0\nscope = \"unit\"\ndeadline = 2015-12-31\n\
         [[target]]\nid = \"P\"\nlabel = \"p\"\npopulation = {{ category = [\"can_bo\", \"cong_chuc\", \"khong_chuyen_trach\"] }}\nmeasure = {{ education = \"trung_cap\" }}\ncomparator = \"ge\"\nthreshold = 0\nscope = \"parent\"\ndeadline = 2015-12-31\n"
    );
    let (_, j) = report_json("report", dir, "2013-12-31", &policy, inputs, &[]);
    let rows = j["compliance"].as_array().unwrap();
    let mut units: Vec<(String, u64)> = rows
        .iter()
        .filter(|r| r["target"] == "U" && r["scope"] == "unit")
        .map(|r| {
            (
                r["unit"].as_str().unwrap().to_string(),
                r["population"].as_u64().unwrap(),
            )
        })
        .collect();
    units.sort();
    let mut parents: Vec<String> = rows
        .iter()
        .filter(|r| r["target"] == "P" && r["scope"] == "parent")
        .filter_map(|r| r["unit"].as_str().map(str::to_string))
        .collect();
    parents.sort();
    (units, parents)
}

/// A commune's own list: the issuing body at the top left under its district,
/// the national motto at the right, a title, blank rows, then a header with
/// no unit column. People grouped under "I | CÁN BỘ" / "II. CÔNG CHỨC".
fn commune_list(path: &Path, top: &[&str], title: &str) -> PathBuf {
    let mut rows: Vec<Vec<C>> = Vec::new();
    for (i, t) in top.iter().enumerate() {
        let motto = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ];
        rows.push(vec![
            T((*t).to_string()),
            E,
            E,
            E,
            T(motto.get(i).copied().unwrap_or("").to_string()),
        ]);
    }
    rows.push(vec![]);
    rows.push(vec![T(title.to_string())]);
    rows.push(vec![]);
    rows.push(vec![
        S("STT"),
        S("Họ và tên"),
        S("Ngày sinh"),
        S("Chức vụ"),
        S("Trình độ chuyên môn"),
    ]);
    rows.push(vec![S("I"), S("CÁN BỘ")]);
    rows.push(vec![
        N(1.0),
        S("Nguyễn Văn An"),
        D(d(1970, 5, 2)),
        S("Bí thư Đảng ủy"),
        S("Đại học"),
    ]);
    rows.push(vec![
        N(2.0),
        S("Trần Thị Bình"),
        D(d(1980, 6, 3)),
        S("Chủ tịch UBND"),
        S("Trung cấp"),
    ]);
    rows.push(vec![E, S("II. CÔNG CHỨC")]);
    rows.push(vec![
        N(3.0),
        S("Lê Văn Cường"),
        D(d(1985, 7, 4)),
        S("Tư pháp - Hộ tịch"),
        S("Sơ cấp"),
    ]);
    rows.push(vec![
        N(4.0),
        S("Phạm Thị Dung"),
        D(d(1990, 8, 5)),
        S("Địa chính - Xây dựng"),
        S("Đại học"),
    ]);
    rows.push(vec![E, S("Người hoạt động không chuyên trách")]);
    rows.push(vec![
        N(5.0),
        S("Hoàng Văn Em"),
        D(d(1975, 9, 6)),
        S("Văn thư"),
        S("Trung cấp"),
    ]);
    xlsx(path, "DS", &rows, &[])
}

#[test]
fn unit_from_the_issuing_body_categories_from_headings() {
    let dir = tempdir();
    let f = commune_list(
        &dir.path().join("ds.xlsx"),
        &["UBND HUYỆN CHỢ MỚI", "UBND XÃ NÔNG THƯỢNG"],
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2013",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 5, "{j:#}");
    assert_eq!(j["set_aside"], 0, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 2, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 2, "{j:#}");
    assert_eq!(j["by_category"]["khong_chuyen_trach"], 1, "{j:#}");
    assert_eq!(problems(&j, "unit_from_title_block"), 1, "{j:#}");
    assert_eq!(problems(&j, "category_from_heading"), 3, "{j:#}");
    assert_eq!(
        problems(&j, "category_from_title"),
        0,
        "headings come first"
    );
    // Commune level from "UBND XÃ …": every row counts as commune staff.
    let groups = j["by_group"].as_array().unwrap();
    assert!(groups.iter().all(|g| g["gov_level"] == "xa"), "{groups:#?}");
    let (units, parents) = units_of(dir.path(), &[&f]);
    assert_eq!(units, [("UBND xã Nông Thượng".to_string(), 5)]);
    assert_eq!(parents, ["UBND huyện Chợ Mới"]);
}

#[test]
fn unit_named_in_the_title_under_a_district_heading() {
    let dir = tempdir();
    let f = commune_list(
        &dir.path().join("ds.xlsx"),
        &["ỦY BAN NHÂN DÂN", "HUYỆN CHỢ MỚI"],
        "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC XÃ ĐỨC XUÂN NĂM 2013",
    );
    let (units, parents) = units_of(dir.path(), &[&f]);
    assert_eq!(units, [("Xã Đức Xuân".to_string(), 5)]);
    assert_eq!(parents, ["UBND huyện Chợ Mới".to_string()]);
}

/// One sheet per unit, the sheet name the unit; no title blocks. Categories
/// only from the title held; a title the list does not know leaves the
/// category unknown, the row kept.
#[test]
fn one_sheet_per_unit_categories_from_titles() {
    let dir = tempdir();
    let path = dir.path().join("huyen.xlsx");
    let mut wb = Workbook::new();
    for (sheet, people) in [
        (
            "Xã Nông Thượng",
            vec![
                ("An", "Chủ tịch UBND"),
                ("Bình", "Công chức Tư pháp - Hộ tịch"),
            ],
        ),
        (
            "Đức Xuân",
            vec![
                ("Cường", "Phó Chủ tịch Hội Nông dân"),
                ("Dung", "Chuyên viên"),
                ("Em", "Chủ tịch Hội Nông dân"),
            ],
        ),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        for (c, h) in ["Họ và tên", "Chức vụ", "Trình độ chuyên môn"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
        }
        for (r, (n, t)) in people.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap();
            ws.write_string(r, 0, *n).unwrap();
            ws.write_string(r, 1, *t).unwrap();
            ws.write_string(r, 2, "Đại học").unwrap();
        }
    }
    wb.save(&path).unwrap();
    let j = check_json(&[&path], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 5, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 2, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 1, "{j:#}");
    assert_eq!(j["by_category"]["khong_chuyen_trach"], 1, "{j:#}");
    assert_eq!(j["by_category"]["unknown"], 1, "{j:#}");
    assert_eq!(problems(&j, "category_from_title"), 4, "{j:#}");
    assert_eq!(problems(&j, "missing_category"), 1, "{j:#}");
    assert_eq!(problems(&j, "unit_from_sheet_name"), 2, "{j:#}");
    // The unknown one is listed at its title, as kept in no target.
    let issues = dir.path().join("i.csv");
    let o = run(&[
        "check",
        "--as-of",
        "2013-12-31",
        path.to_str().unwrap(),
        "--issues",
        issues.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(&issues).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("Chuyên viên"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains(",Chức vụ,Chuyên viên,")
            && line.contains("không thuộc đối tượng chỉ tiêu nào"),
        "{line}"
    );
    let (units, _) = units_of(dir.path(), &[&path]);
    assert_eq!(
        units,
        [
            ("Xã Nông Thượng".to_string(), 2),
            ("Đức Xuân".to_string(), 2)
        ]
    );
}

/// A folder with one file per unit, the file name the unit; categories from
/// a column with gaps filled by headings and titles.
#[test]
fn one_file_per_unit_mixed_categories() {
    let dir = tempdir();
    let folder = dir.path().join("don-vi");
    std::fs::create_dir(&folder).unwrap();
    write(
        &folder,
        "01-ds-cbcc-xa-nong-thuong-2013.csv",
        "STT,Họ và tên,Loại,Chức vụ,Trình độ chuyên môn\n\
         I,CÁN BỘ,,,\n\
         1,Nguyễn Văn An,,Bí thư Đảng ủy,Đại học\n\
         2,Trần Thị Bình,Công chức,Tư pháp - Hộ tịch,Đại học\n",
    );
    write(
        &folder,
        "Phường Đức Xuân.csv",
        "Họ và tên,Loại,Chức vụ,Trình độ chuyên môn\n\
         Lê Văn Cường,,Văn phòng - Thống kê,Trung cấp\n\
         Phạm Thị Dung,Viên chức,Giáo viên,Đại học\n",
    );
    let j = check_json(&[&folder], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 4, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 1, "heading: {j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 2, "column, title: {j:#}");
    assert_eq!(j["by_category"]["vien_chuc"], 1, "{j:#}");
    assert_eq!(problems(&j, "unit_from_file_name"), 2, "{j:#}");
    // The heading row, and An's row whose empty category cell it filled.
    assert_eq!(problems(&j, "category_from_heading"), 2, "{j:#}");
    assert_eq!(problems(&j, "category_from_title"), 1, "{j:#}");
    let (units, _) = units_of(dir.path(), &[&folder]);
    assert_eq!(
        units,
        [
            ("Phường Đức Xuân".to_string(), 1),
            ("xa nong thuong".to_string(), 2)
        ]
    );
}

/// Excel's row numbers in the header errors, blank rows above included.
#[test]
fn header_errors_give_the_row_excel_shows() {
    let dir = tempdir();
    // Rows 1–2 blank, a title on row 3, blank rows 4–5, the header on row 6
    // without an education column.
    let rows = vec![
        vec![],
        vec![],
        vec![S("DANH SÁCH CÁN BỘ XÃ A")],
        vec![],
        vec![],
        vec![S("Họ và tên"), S("Đơn vị"), S("Loại")],
        vec![S("An"), S("UBND xã A"), S("Cán bộ")],
    ];
    let f = xlsx(&dir.path().join("h.xlsx"), "DS", &rows, &[]);
    let o = run(&["check", "--as-of", "2013-12-31", f.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("header at row 6"), "{err}");
    let csv = write(
        dir.path(),
        "h.csv",
        "\n\nDANH SÁCH CÁN BỘ XÃ A\n\n\nHọ và tên,Đơn vị,Loại\nAn,UBND xã A,Cán bộ\n",
    );
    let o = run(&["check", "--as-of", "2013-12-31", csv.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("header at row 6"), "{err}");
}

/// No unit column and nothing naming one: the error lists what was read.
#[test]
fn no_unit_anywhere_says_what_was_looked_at() {
    let dir = tempdir();
    let rows = vec![
        vec![S("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
        vec![S("DANH SÁCH CÁN BỘ, CÔNG CHỨC")],
        vec![S("Họ và tên"), S("Loại"), S("Trình độ chuyên môn")],
        vec![S("An"), S("Cán bộ"), S("Đại học")],
    ];
    let f = xlsx(&dir.path().join("Sheet1.xlsx"), "Sheet1", &rows, &[]);
    let o = run(&["check", "--as-of", "2013-12-31", f.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    for part in [
        "no unit for the rows",
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC",
        "sheet name \"Sheet1\"",
        "file name \"Sheet1\"",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
}

/// The missing column named is the one missing, whatever else is inferred.
#[test]
fn the_missing_column_named_is_the_missing_one() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "xa-a.csv",
        "DANH SÁCH CÁN BỘ XÃ A\nHọ và tên,Chức vụ,Ngày sinh\nAn,Chủ tịch UBND,01/02/1970\n",
    );
    let o = run(&["check", "--as-of", "2013-12-31", f.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`education`") && err.contains("header at row 2"),
        "{err}"
    );
    let f = write(
        dir.path(),
        "xa-b.csv",
        "Họ và tên,Trình độ chuyên môn\nAn,Đại học\n",
    );
    let o = run(&["check", "--as-of", "2013-12-31", f.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`category`") && err.contains("section headings"),
        "{err}"
    );
}

fn people_rows(list: &[(&'static str, &'static str)]) -> Vec<Vec<C>> {
    list.iter()
        .enumerate()
        .map(|(i, (name, title))| {
            #[allow(clippy::cast_precision_loss)]
            let n = (i + 1) as f64;
            vec![N(n), S(name), D(d(1975, 1, 2)), S(title), S("Đại học")]
        })
        .collect()
}

fn header() -> Vec<C> {
    vec![
        S("STT"),
        S("Họ và tên"),
        S("Ngày sinh"),
        S("Chức vụ"),
        S("Trình độ chuyên môn"),
    ]
}

/// The motto at the left and the body at the right; a form number and a
/// "Tính đến ngày" line in the block: neither is a unit.
#[test]
fn motto_left_form_number_and_date_lines_are_no_units() {
    let dir = tempdir();
    let mut rows = vec![
        vec![
            S("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            E,
            E,
            S("UBND HUYỆN CHỢ MỚI"),
        ],
        vec![S("Độc lập - Tự do - Hạnh phúc"), E, E, S("UBND XÃ NÔNG HẠ")],
        vec![S("Biểu số 2b-BNV")],
        vec![S("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC")],
        vec![S("(Tính đến ngày 31/12/2013)")],
        header(),
    ];
    rows.extend(people_rows(&[
        ("An", "Chủ tịch UBND"),
        ("Bình", "Tư pháp - Hộ tịch"),
    ]));
    let f = xlsx(&dir.path().join("ds.xlsx"), "DS", &rows, &[]);
    let (units, parents) = units_of(dir.path(), &[&f]);
    assert_eq!(units, [("UBND xã Nông Hạ".to_string(), 2)]);
    assert_eq!(parents, ["UBND huyện Chợ Mới"]);
}

/// A district's list: headings name communes (alone, with a category after
/// a dash, or inside a category heading), sub-headings give categories, and
/// a new commune starts its own sections.
#[test]
fn district_list_with_unit_and_category_headings() {
    let dir = tempdir();
    let mut rows = vec![
        vec![
            S("UBND HUYỆN CHỢ MỚI"),
            E,
            E,
            S("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ],
        vec![S("PHÒNG NỘI VỤ")],
        vec![S("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2013")],
        header(),
        vec![S("I"), S("UBND XÃ NÔNG HẠ")],
        vec![S("1"), S("Cán bộ")],
    ];
    rows.extend(people_rows(&[("An", "Chủ tịch UBND")]));
    rows.push(vec![S("2"), S("Công chức")]);
    rows.extend(people_rows(&[("Bình", "Văn phòng - Thống kê")]));
    rows.push(vec![S("II"), S("CÔNG CHỨC XÃ MAI LẠP")]);
    rows.extend(people_rows(&[("Cường", "Địa chính - Xây dựng")]));
    rows.push(vec![S("III"), S("UBND XÃ THANH VẬN - CÁN BỘ")]);
    rows.extend(people_rows(&[("Dung", "Chủ tịch Hội Nông dân")]));
    let f = xlsx(&dir.path().join("huyen.xlsx"), "DS", &rows, &[]);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 4, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 2, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 2, "{j:#}");
    let (units, parents) = units_of(dir.path(), &[&f]);
    assert_eq!(
        units,
        [
            ("UBND xã Nông Hạ".to_string(), 2),
            ("UBND xã Thanh Vận".to_string(), 1),
            ("Xã Mai Lạp".to_string(), 1)
        ]
    );
    assert_eq!(parents, ["UBND huyện Chợ Mới"]);
}

/// A heading typed in the STT column and merged across the row.
#[test]
fn heading_in_the_stt_column_merged_across() {
    let dir = tempdir();
    let mut rows = vec![
        vec![S("UBND XÃ BẰNG VÂN")],
        vec![],
        header(),
        vec![S("I. CÁN BỘ")],
    ];
    rows.extend(people_rows(&[
        ("An", "Chủ tịch UBND"),
        ("Bình", "Bí thư Đảng ủy"),
    ]));
    rows.push(vec![S("II. HỢP ĐỒNG")]);
    rows.extend(people_rows(&[("Cường", "Bảo vệ")]));
    let f = xlsx(
        &dir.path().join("ds.xlsx"),
        "DS",
        &rows,
        &[(3, 0, 3, 4), (6, 0, 6, 4)],
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["non_staff_by_kind"]["headings"], 2, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 2, "{j:#}");
    assert_eq!(j["by_category"]["hop_dong"], 1, "{j:#}");
}

/// A school is no commune, whatever its name says; its "cán bộ quản lý"
/// are managers, not cán bộ; titles outside the commune list stay unknown.
#[test]
fn a_school_is_no_commune() {
    let dir = tempdir();
    let mut rows = vec![
        vec![S("PHÒNG GD&ĐT CHỢ MỚI")],
        vec![S("TRƯỜNG THCS XÃ NÔNG HẠ")],
        vec![],
        header(),
        vec![S("I"), S("CÁN BỘ QUẢN LÝ")],
    ];
    rows.extend(people_rows(&[("An", "Hiệu trưởng")]));
    rows.push(vec![S("II"), S("GIÁO VIÊN")]);
    rows.extend(people_rows(&[("Bình", "Giáo viên")]));
    // A school's accountant is not the commune's công chức "Kế toán".
    rows.push(vec![S("III"), S("NHÂN VIÊN")]);
    rows.extend(people_rows(&[("Cường", "Kế toán")]));
    let f = xlsx(&dir.path().join("ds.xlsx"), "DS", &rows, &[]);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["by_category"]["can_bo"], 0, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 0, "{j:#}");
    assert_eq!(j["by_category"]["unknown"], 3, "{j:#}");
    let groups = j["by_group"].as_array().unwrap();
    assert!(groups.iter().all(|g| g["commune"] == false), "{groups:#?}");
}

/// A person whose name holds a category's words ("Nguyễn Công Chúc") is no
/// section heading, even on a row with only the STT and the name: nobody
/// below inherits a category from them.
#[test]
fn a_name_with_category_words_is_no_heading() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "ds.csv",
        "STT,Họ và tên,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
         1,Nguyễn Văn An,UBND xã X,Cán bộ,Bí thư Đảng ủy,Đại học\n\
         2,Nguyễn Công Chúc,,,,\n\
         3,Lê Văn Bình,UBND xã X,,Phó Chủ tịch UBND,Đại học\n\
         4,Hợp Đồng,,,,\n\
         5,Trần Văn Cường,UBND xã X,,Chủ tịch Hội Nông dân,Đại học\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["non_staff_by_kind"]["headings"], 0, "{j:#}");
    assert_eq!(j["set_aside"], 2, "the two rows without a unit: {j:#}");
    assert_eq!(j["by_category"]["can_bo"], 3, "{j:#}");
    assert_eq!(j["by_category"]["cong_chuc"], 0, "{j:#}");
    assert_eq!(problems(&j, "category_from_title"), 2, "{j:#}");
}
