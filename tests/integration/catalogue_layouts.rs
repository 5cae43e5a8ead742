//! Position catalogues in the layouts provinces approve: the agency in the
//! title, the sheet's or the file's name, or `--agency`; sections giving the
//! kind; grades by name ("hoặc tương đương"); no codes.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

use crate::util::*;

/// A workbook of several sheets, each rows of text cells ("" = empty).
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) -> PathBuf {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
                match cell.parse::<f64>() {
                    Ok(n) => drop(ws.write_number(r, c, n).unwrap()),
                    Err(_) => drop(ws.write_string(r, c, *cell).unwrap()),
                }
            }
        }
    }
    wb.save(path).unwrap();
    path.to_path_buf()
}

/// A section of a catalogue fixture: number, heading, (name, grades, count).
type Section<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str, &'a str)]);

/// The công chức appendix: title, approving decision, header, number row,
/// sections carrying their subtotal, a total and the signature.
fn cong_chuc(title: &str, sections: &[Section<'_>]) -> Vec<Vec<&'static str>> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let mut rows = vec![
        vec!["UBND THỊ XÃ X", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        vec!["", "", "Độc lập - Tự do - Hạnh phúc"],
        vec![],
        vec![leak(title.to_string())],
        vec!["(Kèm theo Quyết định số 1/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân thị xã X)"],
        vec![],
        vec![
            "STT",
            "Tên vị trí việc làm",
            "Ngạch công chức tương ứng",
            "Số lượng công chức cần bố trí",
            "Ghi chú",
        ],
        vec!["(1)", "(2)", "(3)", "(4)", "(5)"],
    ];
    let mut n = 0;
    for (number, heading, positions) in sections {
        let subtotal: u32 = positions.iter().map(|p| p.2.parse::<u32>().unwrap()).sum();
        rows.push(vec![
            leak(number.to_string()),
            leak(heading.to_string()),
            "",
            leak(subtotal.to_string()),
        ]);
        for (name, grades, count) in *positions {
            n += 1;
            rows.push(vec![
                leak(n.to_string()),
                leak(name.to_string()),
                leak(grades.to_string()),
                leak(count.to_string()),
            ]);
        }
    }
    rows.push(vec!["", "Tổng cộng"]);
    rows.push(vec![]);
    rows.push(vec!["", "", "TM. ỦY BAN NHÂN DÂN"]);
    rows.push(vec!["", "", "CHỦ TỊCH"]);
    rows
}

const ROSTER: &str = "Họ và tên,Đơn vị,Loại,Chức vụ,Vị trí việc làm,Ngạch,Trình độ chuyên môn\n\
    Lê Văn An,Phòng Nội vụ,Công chức,Trưởng phòng,,Chuyên viên chính,Đại học\n\
    Trần Thị Bình,Phòng Nội vụ,Công chức,,Chuyên viên tổ chức,Kế toán viên,Đại học\n\
    Hà Văn Cường,Phòng Nội vụ,Công chức,,Văn thư,Cán sự,Cao đẳng\n\
    Phạm Văn Dũng,Phòng Tư pháp,Công chức,,Chuyên viên pháp chế,Chuyên viên,Đại học\n\
    Đỗ Thị Em,Phòng Tư pháp,Công chức,Phó Trưởng phòng,,Chuyên viên,Đại học\n\
    Ngô Thị Giang,Trường THCS A,Viên chức,,Giáo viên,,Đại học\n\
    Vũ Thị Hà,Trường THCS A,Viên chức,,Kế toán,,Đại học\n";

const POLICY: &str = "id = \"vtvl\"\nname = \"VTVL\"\n[legal_basis]\ndocument = \"d\"\ndate = 2025-06-24\nissuer = \"i\"\n\
    [[target]]\nid = \"P\"\nlabel = \"P\"\npopulation = {}\nmeasure = \"placed_in_position\"\n\
    comparator = \"ge\"\nthreshold = 100\ndeadline = 2027-07-01\n";

/// The report of the fixture roster with a catalogue: the workbook and JSON.
fn report_with(dir: &Path, roster: &Path, catalogue: &Path) -> (PathBuf, serde_json::Value) {
    report_with_more(dir, roster, catalogue, &[])
}

/// The report with a catalogue and one more file after `flag`
/// (`--grade-standards`, `--job-descriptions`): the workbook and JSON.
fn report_with_file(
    dir: &Path,
    roster: &Path,
    catalogue: &Path,
    (flag, file): (&str, &Path),
) -> (PathBuf, serde_json::Value) {
    report_with_more(dir, roster, catalogue, &[flag, file.to_str().unwrap()])
}

fn report_with_more(
    dir: &Path,
    roster: &Path,
    catalogue: &Path,
    more: &[&str],
) -> (PathBuf, serde_json::Value) {
    let mut args = vec!["--positions", catalogue.to_str().unwrap()];
    args.extend(more);
    report_json("report", dir, "2026-01-01", POLICY, &[roster], &args)
}

/// The report's "Vị trí việc làm" rows: (unit, code, position, kind, approved, filled).
fn staffing(out: &Path) -> Vec<[String; 6]> {
    read_sheet(out, nhanluc::labels::VI.sheet_positions)
        .into_iter()
        .skip(8)
        .filter(|r| !r[2].is_empty())
        .map(|r| {
            [
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
                r[3].clone(),
                r[4].clone(),
                r[5].clone(),
            ]
        })
        .collect()
}

#[test]
fn official_layouts_in_one_folder_place_everyone() {
    let dir = tempdir();
    let roster = write(dir.path(), "ds.csv", ROSTER);
    let cat = dir.path().join("vtvl");
    std::fs::create_dir(&cat).unwrap();
    // Phòng Nội vụ named in the title, with its place ("… thị xã X"); Phòng
    // Tư pháp only by its sheet's name.
    workbook(
        &cat.join("danh-muc.xlsx"),
        &[
            (
                "PNV",
                cong_chuc(
                    "DANH MỤC VỊ TRÍ VIỆC LÀM VÀ NGẠCH CÔNG CHỨC TƯƠNG ỨNG CỦA PHÒNG NỘI VỤ THỊ XÃ X",
                    &[
                        (
                            "I",
                            "Vị trí việc làm lãnh đạo, quản lý",
                            &[("Trưởng phòng", "Chuyên viên chính", "1")],
                        ),
                        (
                            "II",
                            "Vị trí việc làm chuyên môn, nghiệp vụ",
                            &[("Chuyên viên tổ chức", "Chuyên viên hoặc tương đương", "2")],
                        ),
                        (
                            "III",
                            "Vị trí việc làm hỗ trợ, phục vụ",
                            &[("Văn thư", "Cán sự", "1")],
                        ),
                    ],
                ),
            ),
            (
                "Phòng Tư pháp",
                cong_chuc(
                    "DANH MỤC VỊ TRÍ VIỆC LÀM",
                    &[
                        (
                            "I",
                            "Vị trí việc làm lãnh đạo, quản lý",
                            &[("Phó Trưởng phòng", "Chuyên viên chính, Chuyên viên", "1")],
                        ),
                        (
                            "II",
                            "Vị trí việc làm chuyên môn, nghiệp vụ",
                            &[("Chuyên viên pháp chế", "Chuyên viên", "1")],
                        ),
                    ],
                ),
            ),
        ],
    );
    // The school's viên chức list (Decree 232/2026): named by its file, the
    // kind in the title, sections by sector, professional levels.
    workbook(
        &cat.join("Trường THCS A.xlsx"),
        &[(
            "Phụ lục II",
            vec![
                vec!["DANH MỤC VỊ TRÍ VIỆC LÀM CHUYÊN MÔN, NGHIỆP VỤ"],
                vec![],
                vec![
                    "TT",
                    "Tên vị trí việc làm",
                    "Bậc nghề nghiệp sử dụng",
                    "Ghi chú",
                ],
                vec!["I", "NGÀNH, LĨNH VỰC GIÁO DỤC"],
                vec!["1", "Giáo viên", "Bậc 3 đến bậc 5"],
                vec!["II", "NGÀNH, LĨNH VỰC TÀI CHÍNH"],
                vec!["2", "Kế toán", "Bậc 2 đến bậc 4"],
            ],
        )],
    );
    let (out, j) = report_with(dir.path(), &roster, &cat);
    let s = staffing(&out);
    let row = |unit: &str, name: &str| {
        s.iter()
            .find(|r| r[0] == unit && r[2] == name)
            .unwrap_or_else(|| panic!("{unit} / {name}: {s:#?}"))
            .clone()
    };
    // Codes derived from the names (in the JSON; printed blank, being no
    // official code); kinds from the sections (and the school's title);
    // approved from the rows, not the sections' subtotals.
    let pnv = "Phòng Nội vụ";
    assert!(
        j["positions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["unit"] == pnv && p["code"] == "truong-phong"),
        "{j:#}"
    );
    assert_eq!(
        row(pnv, "Trưởng phòng")[1..],
        ["", "Trưởng phòng", "Lãnh đạo, quản lý", "1", "1"]
    );
    assert_eq!(row(pnv, "Chuyên viên tổ chức")[4..], ["2", "1"]);
    assert_eq!(row(pnv, "Văn thư")[3], "Hỗ trợ, phục vụ");
    assert_eq!(row("Phòng Tư pháp", "Phó Trưởng phòng")[5], "1");
    assert_eq!(row("Phòng Tư pháp", "Chuyên viên pháp chế")[5], "1");
    assert_eq!(
        row("Trường THCS A", "Giáo viên")[3],
        "Chuyên môn, nghiệp vụ chuyên ngành"
    );
    assert_eq!(row("Trường THCS A", "Kế toán")[5], "1");
    // Seven positions, no section or total row among them.
    assert_eq!(s.len(), 7, "{s:#?}");
    // Everyone placed; the Kế toán viên (06.031) meets "Chuyên viên hoặc
    // tương đương": placed with a matching grade.
    let agency = |unit: &str| {
        j["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["unit"] == unit)
            .unwrap()
            .clone()
    };
    assert_eq!(agency(pnv)["placed"], 3);
    assert_eq!(agency(pnv)["placed_with_grade"], 3);
    assert_eq!(agency("Phòng Tư pháp")["placed_with_grade"], 2);
    assert_eq!(agency("Trường THCS A")["placed"], 2);
}

#[test]
fn consolidated_table_and_unmatched_agency() {
    let dir = tempdir();
    let roster = write(dir.path(), "ds.csv", ROSTER);
    let cat = write(
        dir.path(),
        "tong-hop.csv",
        "STT,Cơ quan,Tên vị trí việc làm,Ngạch công chức tương ứng,Số lượng\n\
         I,,\"Vị trí việc làm lãnh đạo, quản lý\",,\n\
         1,Phòng Nội vụ,Trưởng phòng,Chuyên viên chính,1\n\
         2,Phòng Tư pháp huyện,Trưởng phòng,Chuyên viên chính,1\n",
    );
    let (out, j) = report_with(dir.path(), &roster, &cat);
    let s = staffing(&out);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(
        s[0][..4],
        ["Phòng Nội vụ", "", "Trưởng phòng", "Lãnh đạo, quản lý"]
    );
    assert_eq!(j["agencies"][0]["placed"], 1);
    // "Phòng Tư pháp huyện" names no unit: said where, with the closest unit.
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    let note = issues
        .iter()
        .find(|r| r[4] == "Phòng Tư pháp huyện")
        .unwrap_or_else(|| panic!("{issues:#?}"));
    assert_eq!(note[2], "4", "{note:?}");
    assert!(note[5].contains("gần nhất: Phòng Tư pháp"), "{note:?}");
}

#[test]
fn an_agency_nothing_names_is_asked_for() {
    let dir = tempdir();
    let roster = write(dir.path(), "ds.csv", ROSTER);
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "STT,Tên vị trí việc làm,Ngạch công chức tương ứng,Số lượng\n1,Trưởng phòng,Chuyên viên chính,1\n",
    );
    let policy = write(dir.path(), "p.toml", POLICY);
    let args = |extra: &[&'static str]| -> Vec<String> {
        let mut a: Vec<String> = [
            "report",
            "--as-of",
            "2026-01-01",
            "--policy",
            policy.to_str().unwrap(),
            "--positions",
            cat.to_str().unwrap(),
            "-o",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        a.push(dir.path().join("r.xlsx").display().to_string());
        a.extend(extra.iter().map(ToString::to_string));
        a.push(roster.display().to_string());
        a
    };
    let run = |a: Vec<String>| bin().args(a).output().unwrap();
    let o = run(args(&[]));
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("vtvl.csv") && e.contains("row 2") && e.contains("--agency"),
        "{e}"
    );
    let o = run(args(&["--agency", "Phòng Nội vụ"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = staffing(&dir.path().join("r.xlsx"));
    assert_eq!(s[0][..3], ["Phòng Nội vụ", "", "Trưởng phòng"]);
}

/// The sample's catalogue in the approved layout (no codes, grades by name,
/// an office per sheet named in its title) places everyone where the TOML
/// catalogue does.
#[test]
fn sample_catalogue_in_the_official_layout_places_as_the_toml_one() {
    let dir = tempdir();
    let run_with = |catalogue: &str, name: &str| {
        let out = dir.path().join(format!("{name}.json"));
        let o = run(&[
            "report",
            "--as-of",
            "2013-12-31",
            "--positions",
            catalogue,
            "-o",
            dir.path().join(format!("{name}.xlsx")).to_str().unwrap(),
            "--json",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let j: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
        let mut staffing: Vec<String> = j["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} | {} | {} | {}",
                    p["unit"], p["position"], p["approved"], p["filled"]
                )
            })
            .collect();
        staffing.sort();
        let agencies: Vec<String> = j["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                format!(
                    "{} | {} | {} | {}",
                    a["unit"], a["people"], a["placed"], a["placed_with_grade"]
                )
            })
            .collect();
        (staffing, agencies)
    };
    let toml = run_with("policies/vi-tri-viec-lam-bac-kan.toml", "toml");
    let official = run_with("policies/vi-tri-viec-lam-bac-kan.xlsx", "official");
    assert!(toml.0.len() > 50, "{:?}", toml.0);
    assert_eq!(toml.0, official.0);
    assert_eq!(toml.1, official.1);
}

/// A position that gives only its grades is checked against the legal
/// standard of the person's grade (policies/grade-standards.toml); one that
/// gives requirements of its own, against those; a standards file replaces
/// the built-in one. Every failure names what it rests on.
#[test]
fn grade_standards_apply_where_the_catalogue_gives_only_grades() {
    let dir = tempdir();
    // Chuyên viên chính: đại học and the CVC state-management certificate,
    // or cao cấp political theory instead; chuyên viên: đại học.
    let roster = write(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn,Lý luận chính trị,Quản lý nhà nước\n\
         Đủ Chuẩn,Phòng Nội vụ,Công chức,Trưởng phòng,Chuyên viên chính,Đại học,Trung cấp,Chuyên viên chính\n\
         Cao Cấp,Phòng Nội vụ,Công chức,Trưởng phòng,Chuyên viên chính,Đại học,Cao cấp,\n\
         Thiếu Qlnn,Phòng Nội vụ,Công chức,Trưởng phòng,Chuyên viên chính,Đại học,Trung cấp,Chuyên viên\n\
         Trung Cấp,Phòng Nội vụ,Công chức,Chuyên viên,Chuyên viên,Trung cấp,,\n\
         Tự Đặt,Phòng Nội vụ,Công chức,Văn thư,Chuyên viên,Cao đẳng,,\n",
    );
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Tên vị trí việc làm,Ngạch công chức tương ứng,Trình độ chuyên môn tối thiểu,Số lượng\n\
         Phòng Nội vụ,Trưởng phòng,Chuyên viên chính,,3\n\
         Phòng Nội vụ,Chuyên viên,Chuyên viên,,1\n\
         Phòng Nội vụ,Văn thư,Chuyên viên,Cao đẳng,1\n",
    );
    let (_, j) = report_with(dir.path(), &roster, &cat);
    let below: Vec<(String, String, String)> = j["below_position_standard"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["unmet"][0].as_str().unwrap().to_string(),
                p["standard"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // "Cao Cấp" lacks the certificate but holds cao cấp political theory;
    // "Tự Đặt" meets the catalogue's own cao đẳng (the grade's đại học does
    // not apply to a position that sets its own requirement).
    let names: Vec<&str> = below.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(names, ["Thiếu Qlnn", "Trung Cấp"], "{below:#?}");
    assert!(below[0].1.starts_with("Quản lý nhà nước"), "{below:#?}");
    assert_eq!(
        below[0].2,
        "tiêu chuẩn ngạch Chuyên viên chính (Thông tư 2/2021/TT-BNV)"
    );
    assert!(below[1].1.starts_with("Trình độ chuyên môn"), "{below:#?}");
    // A standards file of one's own replaces the built-in one: here the
    // chuyên viên standard asks for a master's degree, and nothing else is
    // known (Trưởng phòng is checked against nothing).
    let own = write(
        dir.path(),
        "ngach.toml",
        "[[grade]]\ncode = \"01.003\"\nname = \"Chuyên viên\"\nmin_education = \"thac_si\"\nsource = \"thử\"\nconfirmed = true\n",
    );
    let (_, j) = report_with_file(dir.path(), &roster, &cat, ("--grade-standards", &own));
    let names: Vec<&str> = j["below_position_standard"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Trung Cấp"]);
    assert_eq!(
        j["below_position_standard"][0]["standard"],
        "tiêu chuẩn ngạch Chuyên viên (thử)"
    );
}

/// The list of people below standard says, for each, what the requirement
/// rests on, even where many people fail the same requirement on different
/// bases: a text made once for many rows must be made for each basis (here
/// the grade's legal standard, the catalogue's own and a job description).
/// The three kinds alternate over 600 rows, on two threads, so that every
/// part of the list made on a core holds each.
#[test]
fn the_same_requirement_on_three_bases_is_listed_with_each() {
    let dir = tempdir();
    let mut rows =
        String::from("Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn\n");
    for i in 0..200 {
        rows.push_str(&format!(
            "Theo Ngạch {i},Phòng Nội vụ,Công chức,Chuyên viên,Chuyên viên,Trung cấp\n\
             Theo Danh Mục {i},Phòng Nội vụ,Công chức,Kế toán,Chuyên viên,Trung cấp\n\
             Theo Mô Tả {i},Phòng Nội vụ,Công chức,Văn thư,Chuyên viên,Trung cấp\n"
        ));
    }
    let roster = write(dir.path(), "ds.csv", &rows);
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Tên vị trí việc làm,Ngạch công chức tương ứng,Trình độ chuyên môn tối thiểu,Số lượng\n\
         Phòng Nội vụ,Chuyên viên,Chuyên viên,,200\n\
         Phòng Nội vụ,Kế toán,Chuyên viên,Đại học,200\n\
         Phòng Nội vụ,Văn thư,Chuyên viên,,200\n",
    );
    let jd = write(
        dir.path(),
        "mo-ta.csv",
        "STT,Cơ quan,Tên vị trí việc làm,Trình độ chuyên môn tối thiểu\n1,Phòng Nội vụ,Văn thư,Đại học\n",
    );
    let args = [
        "--positions",
        cat.to_str().unwrap(),
        "--job-descriptions",
        jd.to_str().unwrap(),
    ];
    let (out, _) =
        report_json_on_two_threads(dir.path(), ("2026-01-01", POLICY), &[&roster], &args);
    let sheet = read_sheet(&out, nhanluc::labels::VI.sheet_unfit);
    let requirement = "Trình độ chuyên môn: Trung cấp — yêu cầu Đại học trở lên. Căn cứ: ";
    let bases = [
        (
            "Theo Ngạch",
            "tiêu chuẩn ngạch Chuyên viên (Thông tư 2/2021/TT-BNV)",
        ),
        ("Theo Danh Mục", "danh mục vị trí việc làm"),
        ("Theo Mô Tả", "bản mô tả công việc"),
    ];
    let listed: Vec<(&str, &str)> = sheet
        .iter()
        .filter(|r| r.get(2).is_some_and(|n| n.starts_with("Theo ")))
        .map(|r| (r[2].as_str(), r[6].as_str()))
        .collect();
    assert_eq!(listed.len(), 600, "{sheet:?}");
    for (name, unmet) in listed {
        let (_, basis) = bases.iter().find(|(b, _)| name.starts_with(b)).unwrap();
        assert_eq!(unmet, format!("{requirement}{basis}"), "{name}");
    }
}

/// A job-description table gives a position's requirements by its name (and
/// agency, when it names one), in place of the grade's standard, and the
/// failures say so.
#[test]
fn job_descriptions_replace_the_grade_standard() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn,Chuyên ngành\n\
         Đúng Ngành,Phòng Nội vụ,Công chức,Chuyên viên tổ chức,Chuyên viên,Đại học,Luật\n\
         Khác Ngành,Phòng Nội vụ,Công chức,Chuyên viên tổ chức,Chuyên viên,Đại học,Kế toán\n\
         Cao Đẳng,Phòng Tư pháp,Công chức,Chuyên viên tổ chức,Chuyên viên,Cao đẳng,Luật\n",
    );
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Tên vị trí việc làm,Ngạch công chức tương ứng\n\
         Phòng Nội vụ,Chuyên viên tổ chức,Chuyên viên\n\
         Phòng Tư pháp,Chuyên viên tổ chức,Chuyên viên\n",
    );
    // Phòng Nội vụ's description asks for a field; the one naming no agency
    // (for everyone else) for cao đẳng only.
    let jd = write(
        dir.path(),
        "mo-ta.csv",
        "STT,Cơ quan,Tên vị trí việc làm,Trình độ chuyên môn tối thiểu,Chuyên ngành\n\
         1,Phòng Nội vụ,Chuyên viên tổ chức,Đại học,Luật; Hành chính\n\
         2,,Chuyên viên tổ chức,Cao đẳng,\n",
    );
    let (_, j) = report_with_file(dir.path(), &roster, &cat, ("--job-descriptions", &jd));
    let below = j["below_position_standard"].as_array().unwrap();
    // Only the wrong field fails: "Cao Đẳng" in Phòng Tư pháp would fail the
    // chuyên viên standard (đại học) but its description asks for cao đẳng.
    assert_eq!(below.len(), 1, "{below:#?}");
    assert_eq!(below[0]["name"], "Khác Ngành");
    assert!(
        below[0]["unmet"][0]
            .as_str()
            .unwrap()
            .starts_with("Chuyên ngành")
    );
    assert_eq!(below[0]["standard"], "bản mô tả công việc");
}

/// `professional_positions = 65` (Decree 106/2020): a unit counts when at
/// least 65% of its viên chức hold chuyên ngành or dùng chung positions —
/// the kinds coming from the approved catalogue's section rows. Counted by
/// hand: Trường A 2 of 3 (66.7%, counts), Trường B 1 of 2 (50%, does not),
/// Trường C 13 of 20 (65% exactly, counts at "65% trở lên"): 2 of 3 units.
#[test]
fn professional_positions_share_per_unit() {
    let dir = tempdir();
    let mut roster = String::from("Họ và tên,Đơn vị,Loại,Vị trí việc làm,Trình độ chuyên môn\n");
    let mut add = |unit: &str, position: &str, n: usize| {
        for i in 0..n {
            roster.push_str(&format!(
                "Người {unit} {position} {i},{unit},Viên chức,{position},Đại học\n"
            ));
        }
    };
    add("Trường A", "Giáo viên", 1);
    add("Trường A", "Kế toán", 1);
    add("Trường A", "Bảo vệ", 1);
    add("Trường B", "Giáo viên", 1);
    add("Trường B", "Bảo vệ", 1);
    add("Trường C", "Giáo viên", 13);
    add("Trường C", "Bảo vệ", 7);
    let roster = write(dir.path(), "ds.csv", roster);
    // One catalogue per school, in the approved layout: sections give kinds.
    let cat = dir.path().join("vtvl");
    std::fs::create_dir(&cat).unwrap();
    for school in ["Trường A", "Trường B", "Trường C"] {
        workbook(
            &cat.join(format!("{school}.xlsx")),
            &[(
                "DM",
                vec![
                    vec![
                        "TT",
                        "Tên vị trí việc làm",
                        "Bậc nghề nghiệp sử dụng",
                        "Ghi chú",
                    ],
                    vec!["I", "Vị trí việc làm chuyên môn, nghiệp vụ chuyên ngành"],
                    vec!["1", "Giáo viên", "Bậc 3 đến bậc 5"],
                    vec!["II", "Vị trí việc làm chuyên môn, nghiệp vụ dùng chung"],
                    vec!["2", "Kế toán", "Bậc 2 đến bậc 4"],
                    vec!["III", "Vị trí việc làm hỗ trợ, phục vụ"],
                    vec!["3", "Bảo vệ", "Bậc 1"],
                ],
            )],
        );
    }
    let policy = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/nd106-2020-su-nghiep.toml"),
    )
    .unwrap();
    let (_, j) = report_json(
        "report",
        dir.path(),
        "2026-01-01",
        &policy,
        &[&roster],
        &["--positions", cat.to_str().unwrap()],
    );
    let all = j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scope"] == "all")
        .unwrap();
    assert_eq!(
        (all["population"].as_u64(), all["qualified"].as_u64()),
        (Some(3), Some(2)),
        "{all:#}"
    );
    assert_eq!(all["met"], false);
    assert_eq!(all["shortfall"], 1);
}

/// Rows an approved catalogue writes in many ways: a section without a
/// number but with its subtotal, a section heading without one, positions
/// numbered "1.1" whose name reads like a signer's title, a position whose
/// name begins "Nhóm", a position named twice, and a row below the
/// signature — each read as what it is, and nothing dropped silently.
#[test]
fn sections_positions_and_signatures_told_apart() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn\n\
         Lê Văn An,Phòng Nội vụ,Công chức,Trưởng phòng,Chuyên viên chính,Đại học\n",
    );
    let cat = write(
        dir.path(),
        "Phòng Nội vụ.csv",
        "STT,Tên vị trí việc làm,Ngạch công chức tương ứng,Số lượng,Ghi chú\n\
         ,\"Lãnh đạo, quản lý\",,2,\n\
         1.1,Trưởng phòng,,1,kiêm nhiệm\n\
         1.2,Phó Trưởng phòng,Chuyên viên,1,\n\
         II,\"CHUYÊN MÔN, NGHIỆP VỤ\",,,\n\
         3,Nhóm trưởng tổ chức,Chuyên viên,1,\n\
         4,Kế toán,Chuyên viên,1,\n\
         5,Kế toán,Chuyên viên,1,\n\
         6,Kế toán 2,Chuyên viên,1,\n\
         ,Tổng cộng,,6,\n\
         ,,TM. ỦY BAN NHÂN DÂN,,\n\
         ,,CHỦ TỊCH,,\n\
         7,Văn thư,Cán sự,1,\n",
    );
    let (out, j) = report_with(dir.path(), &roster, &cat);
    let s = staffing(&out);
    // Codes from the JSON (derived, printed blank), kinds from the sheet.
    let codes: Vec<&str> = j["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), s.len(), "{s:#?}");
    assert!(s.iter().all(|r| r[1].is_empty()), "{s:#?}");
    let listed: Vec<(&str, &str, &str)> = s
        .iter()
        .zip(&codes)
        .map(|(r, code)| (*code, r[2].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("truong-phong", "Trưởng phòng", "Lãnh đạo, quản lý"),
            ("pho-truong-phong", "Phó Trưởng phòng", "Lãnh đạo, quản lý"),
            (
                "nhom-truong-to-chuc",
                "Nhóm trưởng tổ chức",
                "Chuyên môn, nghiệp vụ chuyên ngành"
            ),
            ("ke-toan", "Kế toán", "Chuyên môn, nghiệp vụ chuyên ngành"),
            ("ke-toan-2", "Kế toán", "Chuyên môn, nghiệp vụ chuyên ngành"),
            (
                "ke-toan-2-2",
                "Kế toán 2",
                "Chuyên môn, nghiệp vụ chuyên ngành"
            ),
        ],
        "{s:#?}"
    );
    // The position below the signature is not read, and the data issues say so.
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    assert!(
        issues
            .iter()
            .any(|r| r[2] == "13" && r[4] == "Văn thư" && r[7] == "Cần xử lý"),
        "{issues:#?}"
    );
}

/// Two catalogues whose agencies both end in a place ("… thị xã A", "…
/// huyện B") would both claim the roster's one "Phòng Nội vụ": neither
/// does, and both are listed.
#[test]
fn two_agencies_never_share_one_unit_by_their_places() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn\n\
         Lê Văn An,Phòng Nội vụ,Công chức,Trưởng phòng,Chuyên viên chính,Đại học\n",
    );
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Tên vị trí việc làm,Số lượng\n\
         Phòng Nội vụ thị xã A,Trưởng phòng,1\n\
         Phòng Nội vụ huyện B,Trưởng phòng,1\n",
    );
    let (out, j) = report_with(dir.path(), &roster, &cat);
    assert!(staffing(&out).is_empty(), "{:#?}", staffing(&out));
    assert_eq!(j["agencies"][0]["placed"], 0);
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    for agency in ["Phòng Nội vụ thị xã A", "Phòng Nội vụ huyện B"] {
        assert!(
            issues
                .iter()
                .any(|r| r[4] == agency && r[5].contains("gần nhất: Phòng Nội vụ")),
            "{agency}: {issues:#?}"
        );
    }
}

/// `measure = "level_caps"` (Decree 232/2026): per position, at most 30% of
/// its quota at bậc 5 and 40% at bậc 4 (levels up to 5), 50% at the upper of
/// two levels. Counted by hand, quota 10 for "Giáo viên" (bậc 1–5), 2 for
/// "Kế toán" (bậc 2–3): Trường A 3 at bậc 5, 4 at bậc 4 (meets, at the
/// caps; its head, in a position without levels, has no cap); Trường B 4 at bậc 5 (40% > 30%: fails); Trường C 3 at bậc 5 and one
/// of unknown level (could be a fourth: unknown); Trường D one Kế toán at bậc
/// 3 (50% ≤ 50%: meets). 2 of 4 units, 1 unknown.
#[test]
fn level_caps_per_position() {
    let dir = tempdir();
    let mut roster =
        String::from("Họ và tên,Đơn vị,Loại,Vị trí việc làm,Trình độ chuyên môn,Bậc nghề nghiệp\n");
    let mut add = |unit: &str, position: &str, level: &str, n: usize| {
        for i in 0..n {
            roster.push_str(&format!(
                "Người {unit} {level} {i},{unit},Viên chức,{position},Đại học,{level}\n"
            ));
        }
    };
    add("Trường A", "Giáo viên", "Bậc 5", 3);
    add("Trường A", "Giáo viên", "4", 4);
    add("Trường A", "Giáo viên", "bậc III", 3);
    // A head of school: a position without levels has no cap.
    add("Trường A", "Hiệu trưởng", "", 1);
    add("Trường B", "Giáo viên", "5", 4);
    add("Trường C", "Giáo viên", "5", 3);
    add("Trường C", "Giáo viên", "", 1);
    add("Trường D", "Kế toán", "3", 1);
    add("Trường D", "Kế toán", "2", 1);
    let roster = write(dir.path(), "ds.csv", roster);
    let mut cat = String::new();
    for school in ["Trường A", "Trường B", "Trường C", "Trường D"] {
        cat.push_str(&format!(
            "[[position]]\nagency = \"{school}\"\ncode = \"GV\"\nname = \"Giáo viên\"\nlevels = [1, 5]\nheadcount = 10\n\n\
             [[position]]\nagency = \"{school}\"\ncode = \"KT\"\nname = \"Kế toán\"\nlevels = [2, 3]\nheadcount = 2\n\n\
             [[position]]\nagency = \"{school}\"\ncode = \"HT\"\nname = \"Hiệu trưởng\"\nheadcount = 1\n\n"
        ));
    }
    let cat = write(dir.path(), "vtvl.toml", cat);
    let policy = POLICY.replace(
        "measure = \"placed_in_position\"",
        "measure = \"level_caps\"",
    );
    let (_, j) = report_json(
        "report",
        dir.path(),
        "2026-01-01",
        &policy,
        &[&roster],
        &["--positions", cat.to_str().unwrap()],
    );
    let all = j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scope"] == "all")
        .unwrap();
    assert_eq!(
        (
            all["population"].as_u64(),
            all["qualified"].as_u64(),
            all["unknown"].as_u64()
        ),
        (Some(4), Some(2), Some(1)),
        "{all:#}"
    );
    let unit = |name: &str| {
        j["compliance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["unit"] == name)
            .unwrap_or_else(|| panic!("{name}: {j:#}"))
            .clone()
    };
    assert_eq!(unit("Trường A")["qualified"], 1);
    assert_eq!(unit("Trường B")["qualified"], 0);
    assert_eq!(unit("Trường C")["unknown"], 1);
    assert_eq!(unit("Trường D")["qualified"], 1);
}

/// A job description below the signature is listed among the data issues,
/// not dropped; one giving requirements without a position's name is refused.
#[test]
fn job_description_rows_are_read_noted_or_refused() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị,Loại,Vị trí việc làm,Ngạch,Trình độ chuyên môn\n\
         Lê Văn An,Phòng Nội vụ,Công chức,Văn thư,Cán sự,Cao đẳng\n",
    );
    let cat = write(
        dir.path(),
        "vtvl.csv",
        "Cơ quan,Tên vị trí việc làm,Ngạch công chức tương ứng\nPhòng Nội vụ,Văn thư,Cán sự\n",
    );
    let jd = write(
        dir.path(),
        "mo-ta.csv",
        "STT,Tên vị trí việc làm,Trình độ chuyên môn tối thiểu\n\
         1,Văn thư,Cao đẳng\n\
         ,,Người lập biểu\n\
         2,Lưu trữ,Đại học\n",
    );
    let (out, _) = report_with_file(dir.path(), &roster, &cat, ("--job-descriptions", &jd));
    let issues = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    assert!(
        issues
            .iter()
            .any(|r| r[0] == "mo-ta.csv" && r[2] == "4" && r[4] == "Lưu trữ"),
        "{issues:#?}"
    );
    let bad = write(
        dir.path(),
        "mo-ta-2.csv",
        "STT,Tên vị trí việc làm,Trình độ chuyên môn tối thiểu\n1,,Đại học\n",
    );
    let policy = write(dir.path(), "p2.toml", POLICY);
    let o = bin()
        .args(["report", "--as-of", "2026-01-01", "--policy"])
        .arg(&policy)
        .arg("--positions")
        .arg(&cat)
        .arg("--job-descriptions")
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("r2.xlsx"))
        .arg(&roster)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("row 2"), "{}", stderr(&o));
}
