//! `nhanluc forms`: the statistical forms on hand-built rosters, every
//! expected cell computed by hand below (not by the tool).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::util::*;

const HEADER: &str = "Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Đảng viên,Đơn vị,Loại,Ngạch,Mã ngạch,\
Trình độ chuyên môn,Lý luận chính trị,Quản lý nhà nước,Tin học,Ngoại ngữ\n";

/// As of 31/12/2025. Phòng Nội vụ (quota 5) and Phòng Tư pháp (quota 4),
/// both under UBND huyện X (units file).
///
/// - p1 Nguyễn Thị An: woman, born 31/12/1995 (30 on the as-of day: "≤ 30"),
///   party, Kinh, CV, ĐH, LLCT TC, QLNN CV, IT certificate, English B; two
///   posts in Phòng Nội vụ (counted once there) and one in Phòng Tư pháp.
/// - p2 Trần Văn Bình: man, 31/12/1994 (31), Tày, CVC, ThS, LLCT Cử nhân, QLNN CVC,
///   IT trung cấp, English degree.
/// - p3 Lê Thị Cúc: woman, 15/06/1970 (55), party, Kinh, Cán sự, TC, LLCT SC,
///   no QLNN given, French C.
/// - p5 Phạm Văn Dũng: man, 01/03/1965 (60; retires 30/09/2026), party, CV, ĐH.
/// - p6 Hoàng Văn Em: man, 15/06/1962 (63; retired 31/12/2022), Nùng, party, CV, ĐH.
/// - p7 Đỗ Văn Giang: man, 31/12/1984 (41), no party mark, no ethnicity, no
///   grade, education "Bằng khen" (unreadable: unknown).
/// - a viên chức in Phòng Tư pháp: not in BM01.
fn bm01_roster(dir: &Path) -> (PathBuf, PathBuf) {
    let rows = [
        "Nguyễn Thị An,001195000001,31/12/1995,Nữ,Kinh,x,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,Trung cấp,Chuyên viên,Chứng chỉ B,Anh B",
        "Trần Văn Bình,001094000002,31/12/1994,Nam,Tày,,Phòng Nội vụ,Công chức,Chuyên viên chính,01.002,Thạc sĩ,Cử nhân chính trị,Chuyên viên chính,Trung cấp tin học,Cử nhân tiếng Anh",
        "Lê Thị Cúc,001170000003,15/06/1970,Nữ,Kinh,x,Phòng Nội vụ,Công chức,Cán sự,01.004,Trung cấp,Sơ cấp,,,Pháp C",
        "Nguyễn Thị An,001195000001,31/12/1995,Nữ,Kinh,x,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,Trung cấp,Chuyên viên,Chứng chỉ B,Anh B",
        "Phạm Văn Dũng,001065000005,01/03/1965,Nam,Kinh,x,Phòng Tư pháp,Công chức,Chuyên viên,01.003,Đại học,Trung cấp,Chuyên viên,,",
        "Hoàng Văn Em,001062000006,15/06/1962,Nam,Nùng,x,Phòng Tư pháp,Công chức,Chuyên viên,01.003,Đại học,,,,",
        "Đỗ Văn Giang,001084000007,31/12/1984,Nam,,,Phòng Tư pháp,Công chức,,,Bằng khen,,,,",
        "Nguyễn Thị An,001195000001,31/12/1995,Nữ,Kinh,x,Phòng Tư pháp,Công chức,Chuyên viên,01.003,Đại học,Trung cấp,Chuyên viên,Chứng chỉ B,Anh B",
        "Vũ Thị Hoa,001190000008,01/01/1990,Nữ,Kinh,,Phòng Tư pháp,Viên chức,,,Đại học,,,,",
    ];
    let roster = write_rows(dir, "roster.csv", HEADER, &rows);
    let units = write(
        dir,
        "units.csv",
        "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Biên chế được giao\n\
         H1,UBND huyện X,,\n\
         NV,Phòng Nội vụ,H1,5\n\
         TP,Phòng Tư pháp,H1,4\n",
    );
    (roster, units)
}

pub fn forms(dir: &Path, args: &[&str]) -> (PathBuf, serde_json::Value, String) {
    let out = dir.join("forms.xlsx");
    let json = dir.join("forms.json");
    let o = bin()
        .arg("--quiet")
        .arg("forms")
        .args(args)
        .args([
            "-o",
            out.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    // rust_xlsxwriter drops a cell written above a constant-memory sheet's
    // current row, saying so on stderr only.
    assert!(!stderr(&o).contains("constant memory"), "{}", stderr(&o));
    let j = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    (out, j, stdout(&o))
}

/// BM01/BNV of `roster` as of 31/12/2025, quotas from `units`.
fn bm01(dir: &Path, roster: &Path, units: &Path) -> (PathBuf, serde_json::Value) {
    let (roster, units) = (roster.to_str().unwrap(), units.to_str().unwrap());
    let args = ["--as-of", "2025-12-31", "--form", "BM01/BNV", "--units"];
    let (out, j, _) = forms(dir, &[&[roster], &args[..], &[units]].concat());
    (out, j)
}

/// The first form's notes, as printed under it.
fn note_lines(j: &serde_json::Value) -> Vec<String> {
    j["forms"][0]["notes_text"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

/// The row of the sheet whose column B (the unit name) is `name`.
fn sheet_row<'a>(rows: &'a [Vec<String>], name: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.get(1).is_some_and(|c| c == name))
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[test]
fn bm01_counts_as_the_form_counts() {
    let dir = tempdir();
    let (roster, units) = bm01_roster(dir.path());
    let (out, j) = bm01(dir.path(), &roster, &units);
    let rows = read_sheet(&out, "BM01-BNV");
    // Columns 1–38 follow the unit name (column B); blank cells read as "".
    //                  1    2    3    4    5    6   7    8    9    10   11   12   13   14   15   16   17   18  19   20   21   22   23   24   25   26   27   28  29   30   31   32   33   34   35   36   37   38
    let nv = [
        "5", "3", "2", "2", "1", "", "0", "1", "1", "1", "0", "0", "1", "1", "0", "1", "0", "1",
        "0", "1", "1", "1", "1", "1", "1", "0", "1", "", "0", "1", "1", "1", "1", "0", "1", "1",
        "0", "0",
    ];
    let tp = [
        "4", "4", "1", "3", "1", "", "0", "0", "3", "0", "0", "0", "0", "3", "0", "0", "0", "0",
        "0", "2", "0", "0", "1", "0", "1", "0", "0", "", "0", "0", "2", "1", "0", "1", "1", "0",
        "1", "1",
    ];
    let sum: Vec<String> = nv
        .iter()
        .zip(tp)
        .map(|(a, b)| {
            if a.is_empty() {
                String::new()
            } else {
                (a.parse::<u64>().unwrap() + b.parse::<u64>().unwrap()).to_string()
            }
        })
        .collect();
    assert_eq!(
        &sheet_row(&rows, "Phòng Nội vụ")[2..40],
        nv.map(String::from)
    );
    assert_eq!(
        &sheet_row(&rows, "Phòng Tư pháp")[2..40],
        tp.map(String::from)
    );
    // The parent's subtotal and "Tổng số" add the units' rows, as the form does.
    assert_eq!(sheet_row(&rows, "UBND huyện X")[2..40], sum[..]);
    assert_eq!(sheet_row(&rows, "Tổng số")[2..40], sum[..]);
    // Numbering row: STT blank, "A", then 1–38.
    let numbers = rows
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "A"))
        .unwrap();
    assert_eq!(numbers[0], "");
    assert_eq!(numbers[2], "1");
    assert_eq!(numbers[39], "38");
    // Notes: the reconciliation of the education columns (7 people, 6
    // counted, 1 unknown), blank columns named, p1 counted in both units.
    let text = rows
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("Chuyên môn (cột 12–17): 6 người được tính trong 7 (cột 2); 1 chưa rõ; 0 không thuộc cột nào."),
        "{text}"
    );
    assert!(text.contains("Cột 6 \"Tôn giáo\": danh sách không có thông tin tôn giáo; để trống."));
    assert!(text.contains("1 người giữ chức vụ ở hơn một đơn vị"));
    // Chính trị: column 18 (Cử nhân) counts p2, 19–21 p1 (twice), p3 and
    // p5; p6 and p7 have none. Tin học: p1 (twice) and p2 counted; p3, p5,
    // p6 and p7 wrote nothing.
    assert!(
        text.contains("Chính trị (cột 18–21): 5 người được tính trong 7 (cột 2); 0 chưa rõ; 2 không thuộc cột nào."),
        "{text}"
    );
    assert!(
        text.contains("Tin học (cột 22–23): 3 người được tính trong 7 (cột 2); 4 chưa rõ; 0 không thuộc cột nào."),
        "{text}"
    );
    // p7 has no ethnicity: not in "Dân tộc thiểu số". The party column
    // holds marks only, so p2's and p7's blanks are "no", not unknown.
    assert!(
        text.contains("1 người chưa có thông tin dân tộc: không được tính ở cột 5; ô của đơn vị không ai có thông tin này để trống."),
        "{text}"
    );
    assert!(!text.contains("thông tin đảng viên"), "{text}");
    // Every sum the form implies is checked: none names a blank column.
    assert!(!text.contains("Không kiểm tra được"), "{text}");
    assert!(text.contains("Đã kiểm tra 10 quan hệ cộng"), "{text}");
    // The JSON carries the same figures.
    let form = &j["forms"][0];
    assert_eq!(form["code"], "BM01/BNV");
    let total = form["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "total")
        .unwrap();
    assert_eq!(total["cells"][1], 7);
    assert!(total["cells"][5].is_null(), "religion is blank, not 0");
    assert_eq!(form["mismatches"].as_array().unwrap().len(), 0);
}

/// Past retirement age without a recorded sex: known when both sexes'
/// ages (Decree 135) agree. As of 31/12/2025 in Phòng Nội vụ, none with a
/// sex given:
/// - Ngô Văn Khoa, born 02/01/1960: as a man he left at the end of January
///   2020 (60), as a woman in January 2015 (55): past either way.
/// - Lý Văn Long, born 01/01/1990: past neither.
/// - Mai Thị Nga, born 15/06/1968: as a woman she left at the end of
///   October 2024 (56 and 4 months), as a man not before 2029: unknown.
///
/// A fourth row has no name: set aside, and every form says so.
#[test]
fn past_retirement_without_a_sex_and_rows_set_aside_are_accounted() {
    let dir = tempdir();
    let rows = [
        "Ngô Văn Khoa,001060000011,02/01/1960,,Kinh,,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,,,,",
        "Lý Văn Long,001090000012,01/01/1990,,Kinh,,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,,,,",
        "Mai Thị Nga,001168000013,15/06/1968,,Kinh,,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,,,,",
        ",001180000014,01/01/1980,Nam,Kinh,,Phòng Nội vụ,Công chức,Chuyên viên,01.003,Đại học,,,,",
    ];
    let roster = write_rows(dir.path(), "roster.csv", HEADER, &rows);
    let units = write(
        dir.path(),
        "units.csv",
        "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Biên chế được giao\nH1,UBND huyện X,,\nNV,Phòng Nội vụ,H1,5\n",
    );
    let (out, j) = bm01(dir.path(), &roster, &units);
    let rows = read_sheet(&out, "BM01-BNV");
    let nv = sheet_row(&rows, "Phòng Nội vụ");
    // Column 2 (C) counts the three; column 38 (AN) Khoa only.
    assert_eq!(nv[3], "3");
    assert_eq!(nv[39], "1");
    let text = note_lines(&j);
    assert!(
        text.iter().any(|n| n == "1 người chưa có thông tin ngày sinh, giới tính: không được tính ở cột 38; ô của đơn vị không ai có thông tin này để trống."),
        "{text:?}"
    );
    assert_eq!(
        text[0],
        "1 dòng của danh sách bị để riêng (thiếu họ tên hoặc đơn vị, trùng lặp…; lý do ở trang Lỗi dữ liệu): không được tính trong biểu."
    );
}

/// Form 8B of `roster` as of 31/12/2025: the sheet's rows and the JSON.
fn form_8b(dir: &Path, roster: &Path) -> (Vec<Vec<String>>, serde_json::Value) {
    let args = [
        roster.to_str().unwrap(),
        "--as-of",
        "2025-12-31",
        "--form",
        "8B",
    ];
    let (out, j, _) = forms(dir, &args);
    (read_sheet(&out, "8B-BTCTW"), j)
}

/// A criteria form's cells (from column C) in the row labelled `label`.
fn criterion_row(rows: &[Vec<String>], label: &str) -> Vec<String> {
    rows.iter()
        .find(|r| r.get(1).is_some_and(|c| c.trim_end_matches('*') == label))
        .unwrap_or_else(|| panic!("no row {label}"))[2..]
        .to_vec()
}

/// No units file: "Văn phòng Sở" names "Sở Nội vụ" as its parent, and the
/// Sở has staff of its own (the child is listed first). The Sở is one row,
/// its subtotal its own two people and the Văn phòng's one; its own people
/// are a row of their own under it, so its rows add up to it.
#[test]
fn a_parent_with_staff_of_its_own_is_one_unit_whose_rows_add_up() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "roster.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Đơn vị cấp trên,Loại,Trình độ chuyên môn\n\
         Người Ba,01/01/1990,Nữ,Văn phòng Sở,Sở Nội vụ,Công chức,Đại học\n\
         Người Một,01/01/1980,Nam,Sở Nội vụ,,Công chức,Đại học\n\
         Người Hai,01/01/1985,Nữ,Sở Nội vụ,,Công chức,Trung cấp\n\
         Người Bốn,01/01/1975,Nam,Phòng Y tế,,Công chức,Thạc sĩ\n",
    );
    let args = [roster.to_str().unwrap(), "--as-of", "2025-12-31"];
    let (out, j, _) = forms(dir.path(), &[&args[..], &["--form", "BM01/BNV"]].concat());
    let rows = read_sheet(&out, "BM01-BNV");
    let named = |name: &str| rows.iter().filter(|r| r[1] == name).count();
    assert_eq!(named("Sở Nội vụ"), 1, "{rows:?}");
    // Columns 2 (công chức hiện có) and 3 (nữ): the Sở 3 and 2 (Một, Hai,
    // Ba); its own 2 and 1 (Một, Hai); Văn phòng 1 and 1; Phòng Y tế 1 and
    // 0; "Tổng số" 4 and 2.
    let cols = |name: &str| sheet_row(&rows, name)[3..5].to_vec();
    assert_eq!(cols("Sở Nội vụ"), ["3", "2"]);
    assert_eq!(cols("Sở Nội vụ, không kể đơn vị trực thuộc"), ["2", "1"]);
    assert_eq!(cols("Văn phòng Sở"), ["1", "1"]);
    assert_eq!(cols("Phòng Y tế"), ["1", "0"]);
    assert_eq!(cols("Tổng số"), ["4", "2"]);
    // In that order: the Sở, its own people, then its unit.
    let at = |name: &str| rows.iter().position(|r| r[1] == name).unwrap();
    assert!(at("Sở Nội vụ") < at("Sở Nội vụ, không kể đơn vị trực thuộc"));
    assert!(at("Sở Nội vụ, không kể đơn vị trực thuộc") < at("Văn phòng Sở"));
    // Numbered so that "Tổng số" adds the rows without a dot: the Sở is a
    // whole number, its own people and its unit n.1 and n.2.
    let n = &rows[at("Sở Nội vụ")][0];
    assert!(n.parse::<u32>().is_ok(), "{n}");
    assert_eq!(
        rows[at("Sở Nội vụ, không kể đơn vị trực thuộc")][0],
        format!("{n}.1")
    );
    assert_eq!(rows[at("Văn phòng Sở")][0], format!("{n}.2"));
    assert_eq!(j["forms"][0]["mismatches"].as_array().unwrap().len(), 0);
}

/// People whose category is not written are the unknowns of 8B's
/// "Cơ cấu theo loại" (an unknown category is a category of its own in the
/// staff table, not -1): one công chức counted, two unknown, none in no row.
#[test]
fn unknown_category_is_unknown_in_8b_reconciliation() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "r.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Cấp,Loại,Trình độ chuyên môn\n\
         Người Một,31/12/1995,Nữ,Ban Tổ chức Tỉnh ủy,Tỉnh,Công chức,Đại học\n\
         Người Hai,31/12/1994,Nam,Ban Tổ chức Tỉnh ủy,Tỉnh,,Thạc sĩ\n\
         Người Ba,01/01/1990,Nam,Ban Tổ chức Tỉnh ủy,Tỉnh,,Cao đẳng\n",
    );
    let (_, j) = form_8b(dir.path(), &roster);
    let notes = j["forms"][0]["notes_text"].to_string();
    assert!(
        notes.contains("Cơ cấu theo loại (dòng 1.1–1.4), cột 3: 1 người được tính ở các dòng có số liệu trong 3 (dòng 1); 2 chưa rõ; 0 không thuộc dòng nào có số liệu"),
        "{notes}"
    );
}

/// A unit two blocks of 8B take (a public service unit of the Tỉnh ủy whose
/// name also says "Tỉnh ủy": block 5 by name, block 6 by its parent) is
/// counted in each, and a note says so rather than leaving the double count
/// in "Tổng" unexplained.
#[test]
fn a_unit_in_two_blocks_is_noted() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "r.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Cấp,Loại,Trình độ chuyên môn\n\
         Người Một,31/12/1995,Nữ,Trung tâm Lưu trữ Tỉnh ủy,Tỉnh,Viên chức,Đại học\n",
    );
    let units = write(
        dir.path(),
        "u.csv",
        "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị,Cấp\n\
         TU,Tỉnh ủy Thử,,Khác,Tỉnh\n\
         LT,Trung tâm Lưu trữ Tỉnh ủy,TU,Đơn vị sự nghiệp,Tỉnh\n",
    );
    let args = [
        roster.to_str().unwrap(),
        "--units",
        units.to_str().unwrap(),
        "--as-of",
        "2025-12-31",
        "--form",
        "8B",
    ];
    let (_, j, _) = forms(dir.path(), &args);
    let notes = j["forms"][0]["notes_text"].to_string();
    assert!(
        notes.contains(
            "1 người làm việc ở đơn vị thuộc hơn một khối (cột) của biểu: được tính ở mỗi khối"
        ),
        "{notes}"
    );
}

/// The notes in English read as English: singular and plural.
#[test]
fn english_notes_count_people_and_columns_in_english() {
    let dir = tempdir();
    let (roster, units) = bm01_roster(dir.path());
    let out = dir.path().join("en.xlsx");
    let json = dir.path().join("en.json");
    let o = bin()
        .args(["--quiet", "--lang", "en", "forms", roster.to_str().unwrap()])
        .args(["--as-of", "2025-12-31", "--form", "BM01/BNV", "--units"])
        .arg(&units)
        .args([
            OsStr::new("-o"),
            out.as_os_str(),
            OsStr::new("--json"),
            json.as_os_str(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let notes = j["forms"][0]["notes_text"].to_string();
    for line in [
        "1 person holds posts in more than one unit: counted in each",
        "1 person has no ethnicity recorded: not counted in column 5;",
        "3 people have no foreign language (English) recorded: not counted in columns 24, 25;",
        "10 sums the form implies were checked: all hold.",
    ] {
        assert!(notes.contains(line), "{line}\n{notes}");
    }
}

/// Party and mass-organisation units at province and district level.
/// As of 31/12/2025: ages 30 (31/12/1995), 31 (31/12/1994), 35, 36, 61.
#[test]
fn form_8b_is_transposed_and_its_blocks_add_up() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "roster.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Cấp,Loại,Ngạch,Trình độ chuyên môn,Lý luận chính trị\n\
         Người Một,31/12/1995,Nữ,Ban Tổ chức Tỉnh ủy,Tỉnh,Công chức,Chuyên viên,Đại học,Trung cấp\n\
         Người Hai,31/12/1994,Nam,Ban Tổ chức Tỉnh ủy,Tỉnh,Công chức,Chuyên viên chính,Thạc sĩ,Cao cấp\n\
         Người Ba,01/01/1990,Nam,Hội Nông dân tỉnh,Tỉnh,Công chức,Chuyên viên,Cao đẳng,Sơ cấp\n\
         Người Bốn,31/12/1989,Nữ,Huyện ủy Chợ Mới,Huyện,Công chức,Cán sự,Trung cấp,\n\
         Người Năm,01/06/1964,Nam,Huyện ủy Chợ Mới,Huyện,Công chức,Chuyên viên,Đại học,Cao cấp\n\
         Người Sáu,01/01/1980,Nam,Sở Nội vụ,Tỉnh,Công chức,Chuyên viên,Đại học,\n",
    );
    let (rows, j) = form_8b(dir.path(), &roster);
    // The number row, right above "Tổng số": every column numbered as the
    // form numbers it (1 STT, 2 Tiêu chí, 3 Tổng = 4 + 8 … 11), no letters.
    let total_at = rows
        .iter()
        .position(|r| r.get(1).is_some_and(|c| c == "Tổng số"))
        .unwrap();
    let numbers: Vec<String> = (1..=11).map(|n| n.to_string()).collect();
    assert_eq!(rows[total_at - 1][..11], numbers[..]);
    let row = |label: &str| criterion_row(&rows, label)[..9].to_vec();
    // Columns 3 Tổng, 4 Cấp tỉnh, 5 Cơ quan Đảng, 6 ĐVSN, 7 MTTQ & đoàn thể,
    // 8 Cấp huyện, 9 Khối đảng, 10 ĐVSN, 11 MTTQ & đoàn thể.
    let v = |xs: [&str; 9]| xs.map(String::from).to_vec();
    assert_eq!(
        row("Tổng số"),
        v(["5", "3", "2", "0", "1", "2", "2", "0", "0"])
    );
    assert_eq!(row("Nữ"), v(["2", "1", "1", "0", "0", "1", "1", "0", "0"]));
    assert_eq!(
        row("Từ 30 trở xuống"),
        v(["1", "1", "1", "0", "0", "0", "0", "0", "0"])
    );
    assert_eq!(
        row("Từ 31 - 35"),
        v(["2", "2", "1", "0", "1", "0", "0", "0", "0"])
    );
    assert_eq!(
        row("Từ 36 - 40"),
        v(["1", "0", "0", "0", "0", "1", "1", "0", "0"])
    );
    assert_eq!(
        row("Trên 60 tuổi"),
        v(["1", "0", "0", "0", "0", "1", "1", "0", "0"])
    );
    // Mean age: (30 + 31 + 35 + 36 + 61) / 5 = 38.6; province (30 + 31 + 35) / 3 = 32.0.
    let mean = row("Tuổi bình quân");
    assert_eq!(mean[0], "38.6");
    assert_eq!(mean[1], "32");
    assert_eq!(
        row("Dưới cao đẳng"),
        v(["1", "0", "0", "0", "0", "1", "1", "0", "0"])
    );
    assert_eq!(
        row("Cao cấp, cử nhân"),
        v(["2", "1", "1", "0", "0", "1", "1", "0", "0"])
    );
    // No contract type in the roster: blank, never 0. No viên chức: their
    // hạng rows are 0 (nobody they could count), not blank, and checked.
    assert_eq!(row("Hợp đồng 68")[0], "");
    assert_eq!(row("Chức danh nghề nghiệp viên chức hạng I")[0], "0");
    // The Sở Nội vụ is in the population (province level) but in no block.
    let notes = j["forms"][0]["notes_text"].to_string();
    // Reconciliation in column 3: all five are công chức (1.1; 1.3 and 1.4
    // blank); all five ages fall in a band; Người Bốn has no political
    // theory (a blank cell: none).
    for line in [
        "Cơ cấu theo loại (dòng 1.1–1.4), cột 3: 5 người được tính ở các dòng có số liệu trong 5 (dòng 1); 0 chưa rõ; 0 không thuộc dòng nào có số liệu (dòng 1.3, 1.4 để trống).",
        "Độ tuổi (dòng 3.1–3.8), cột 3: 5 người được tính trong 5 (dòng 1); 0 chưa rõ; 0 không thuộc dòng nào.",
        "Trình độ lý luận chính trị (dòng 8.1–8.3), cột 3: 4 người được tính trong 5 (dòng 1); 0 chưa rõ; 1 không thuộc dòng nào.",
        "Dòng 1.3 \\\"Hợp đồng 68\\\": danh sách không có thông tin",
        "Không kiểm tra được \\\"1 = 1.1 + 1.2 + 1.3 + 1.4\\\": dòng 1.3, 1.4 để trống.",
        "Đã kiểm tra 6 quan hệ cộng",
    ] {
        assert!(notes.contains(line), "{line}\n{notes}");
    }
    assert!(
        notes.contains("1 người thuộc diện của biểu làm việc ở đơn vị không thuộc khối (cột) nào của biểu: không tính vào biểu."),
        "{notes}"
    );
    assert_eq!(j["forms"][0]["mismatches"].as_array().unwrap().len(), 0);
}

/// 8B's grade rows (4.x) count cán bộ and công chức: a công chức without a
/// grade is unknown there, a viên chức (no ngạch, a hạng) is not. In Ban Tổ
/// chức Tỉnh ủy: A công chức CV, B công chức with no grade, C viên chức.
#[test]
fn form_8b_counts_only_civil_servants_as_missing_a_grade() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "roster.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Cấp,Loại,Ngạch,Trình độ chuyên môn\n\
         Người A,01/01/1980,Nam,Ban Tổ chức Tỉnh ủy,Tỉnh,Công chức,Chuyên viên,Đại học\n\
         Người B,01/01/1981,Nam,Ban Tổ chức Tỉnh ủy,Tỉnh,Công chức,,Đại học\n\
         Người C,01/01/1982,Nữ,Ban Tổ chức Tỉnh ủy,Tỉnh,Viên chức,,Đại học\n",
    );
    let (rows, j) = form_8b(dir.path(), &roster);
    let notes = note_lines(&j);
    let grade: Vec<&String> = notes
        .iter()
        .filter(|n| n.contains("chưa có thông tin ngạch"))
        .collect();
    assert_eq!(grade.len(), 1, "{notes:?}");
    assert!(
        grade[0].starts_with("1 người chưa có thông tin ngạch"),
        "{notes:?}"
    );
    // Column 3 (the total): A counted as Chuyên viên, nobody else.
    assert_eq!(criterion_row(&rows, "Chuyên viên và tương đương")[0], "1");
}

/// A form whose population no one in the rosters is in (8B on district
/// offices of the state, not of the Party) prints 0, not blank "no data",
/// and says why once.
#[test]
fn a_form_with_nobody_in_its_population_prints_zeros() {
    let dir = tempdir();
    let (roster, _) = bm01_roster(dir.path());
    let (rows, j) = form_8b(dir.path(), &roster);
    let row = |label: &str| criterion_row(&rows, label)[..3].to_vec();
    assert_eq!(row("Tổng số"), ["0", "0", "0"]);
    assert_eq!(row("Nữ"), ["0", "0", "0"]);
    assert_eq!(row("Từ 30 trở xuống"), ["0", "0", "0"]);
    // Still blank: the staff table holds no contract type.
    assert_eq!(row("Hợp đồng 68"), ["", "", ""]);
    let notes = note_lines(&j);
    assert_eq!(
        notes
            .iter()
            .filter(|n| n.contains("không người nào trong danh sách có thông tin"))
            .count(),
        0,
        "{notes:?}"
    );
    assert!(
        notes.contains(&"Không có người nào trong danh sách thuộc diện của biểu này.".to_string())
    );
}

#[test]
fn list_forms_put_the_birth_date_under_the_gender() {
    let dir = tempdir();
    let (roster, _) = bm01_roster(dir.path());
    let (out, _, _) = forms(
        dir.path(),
        &[
            roster.to_str().unwrap(),
            "--as-of",
            "2025-12-31",
            "--form",
            "bm03",
        ],
    );
    let rows = read_sheet(&out, "BM03-BNV");
    let an: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.get(1).is_some_and(|c| c == "Nguyễn Thị An"))
        .collect();
    // Once per unit: Phòng Nội vụ and Phòng Tư pháp.
    assert_eq!(an.len(), 2);
    assert_eq!(an[0][2], "", "a woman's birth date is not under Nam");
    assert_eq!(an[0][3], "31/12/1995");
    assert_eq!(an[0][8], "01.003");
    assert_eq!(an[0][7], "", "no salary in the roster: blank");
    let binh = rows
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "Trần Văn Bình"))
        .unwrap();
    assert_eq!(binh[2], "31/12/1994");
    assert_eq!(binh[3], "");
    // Six công chức, one of them in two units: seven rows; the viên chức is not listed.
    assert_eq!(
        rows.iter()
            .filter(|r| r.get(5).is_some_and(|c| c.starts_with("Phòng")))
            .count(),
        7
    );
    assert!(!rows.iter().flatten().any(|c| c == "Vũ Thị Hoa"));
    // The heading and both signature blocks, each with its note (the sheet
    // is written row by row).
    for text in [
        "Biểu số: BM03/BNV",
        "NGƯỜI LẬP BẢNG",
        "(Ký, họ tên)",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký, đóng dấu)",
    ] {
        assert!(rows.iter().flatten().any(|c| c == text), "{text}");
    }
}

#[test]
fn a_form_file_of_ones_own_is_counted_and_checked() {
    let dir = tempdir();
    let (roster, _) = bm01_roster(dir.path());
    // "2 = 3" cannot hold where a unit has men: the engine says where.
    let form = write(
        dir.path(),
        "bieu-rieng.toml",
        "code = \"BIEU-1\"\nbasis = \"Mẫu của tỉnh\"\ntitle = \"SỐ NỮ CÔNG CHỨC NĂM {year}\"\n\
         orientation = \"units\"\npopulation = { category = \"cong_chuc\" }\nchecks = [\"1 = 2\"]\n\n\
         [[criterion]]\nnumber = \"1\"\nlabel = \"Tổng số\"\ncount = {}\n\n\
         [[criterion]]\nnumber = \"2\"\nlabel = \"Nữ\"\ncount = { gender = \"female\", age = { from = 30, to = 30 } }\n",
    );
    let (out, j, stdout) = forms(
        dir.path(),
        &[
            roster.to_str().unwrap(),
            "--as-of",
            "2025-12-31",
            "--form-file",
            form.to_str().unwrap(),
        ],
    );
    let rows = read_sheet(&out, "BIEU-1");
    assert!(
        rows.iter()
            .flatten()
            .any(|c| c == "SỐ NỮ CÔNG CHỨC NĂM 2025")
    );
    // Phòng Nội vụ 3 people, 1 woman aged 30; Phòng Tư pháp 4, 1.
    assert_eq!(sheet_row(&rows, "Phòng Nội vụ")[2..4], ["3", "1"]);
    assert_eq!(sheet_row(&rows, "Phòng Tư pháp")[2..4], ["4", "1"]);
    let m = j["forms"][0]["mismatches"].as_array().unwrap();
    assert_eq!(m.len(), 3, "{m:?}");
    assert_eq!(m[0]["check"], "1 = 2");
    assert_eq!(m[0]["at"], "Phòng Nội vụ");
    assert_eq!(
        (m[0]["left"].as_u64(), m[0]["right"].as_u64()),
        (Some(3), Some(1))
    );
    assert!(stdout.contains("BIEU-1: 2 dòng"), "{stdout}");
    assert!(stdout.contains("3 kiểm tra không đúng"), "{stdout}");
}

#[test]
fn a_form_file_with_an_error_names_its_line_and_key() {
    let dir = tempdir();
    let (roster, _) = bm01_roster(dir.path());
    let form = write(
        dir.path(),
        "sai.toml",
        "code = \"X\"\nbasis = \"b\"\ntitle = \"t\"\norientation = \"units\"\n\n\
         [[criterion]]\nnumber = \"1\"\nlabel = \"Đại học\"\ncount = { educaton = \"dai_hoc\" }\n",
    );
    let o = run(&[
        "forms",
        roster.to_str().unwrap(),
        "--form-file",
        form.to_str().unwrap(),
        "-o",
        dir.path().join("x.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("sai.toml") && e.contains("line 9") && e.contains("educaton"),
        "{e}"
    );
    assert!(!dir.path().join("x.xlsx").exists());
    // A value outside the scale, and a check naming no column.
    let form = write(
        dir.path(),
        "sai2.toml",
        "code = \"X\"\nbasis = \"b\"\ntitle = \"t\"\norientation = \"units\"\nchecks = [\"1 = 9\"]\n\n\
         [[criterion]]\nnumber = \"1\"\nlabel = \"Đại học\"\ncount = { education = \"dai_hoc\" }\n",
    );
    let o = run(&[
        "forms",
        roster.to_str().unwrap(),
        "--form-file",
        form.to_str().unwrap(),
    ]);
    let e = stderr(&o);
    assert!(
        e.contains("sai2.toml") && e.contains("line 5") && e.contains("\"9\""),
        "{e}"
    );
}

#[test]
fn the_sample_forms_open_and_bm02_is_out_of_period_after_june_2025() {
    let dir = tempdir();
    let (out, j, _) = forms(dir.path(), &["rosters", "--as-of", "2013-12-31"]);
    // The sample's one person of unknown category is in "Toàn bộ" only
    // (301 = 88 + 133 + 36 + 43 + 1), and the structure sheet says so.
    assert_eq!(j["structure"]["no_category"], 1);
    // Every sheet numbers its own pages from 1 (each form is a document).
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut sheets = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/sheet") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
            assert!(xml.contains("useFirstPageNumber=\"1\""), "{name}");
            sheets += 1;
        }
    }
    assert!(sheets >= 6, "{sheets}");
    let structure = read_sheet(&out, "Cơ cấu đội ngũ");
    assert!(
        structure
            .iter()
            .flatten()
            .any(|c| c == "Cột Toàn bộ gồm cả 1 người chưa rõ loại (không thuộc cột loại nào).")
    );
    let codes: Vec<&str> = j["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["BM01/BNV", "BM02/BNV", "BM03/BNV", "BM04/BNV", "8B-BTCTW"]
    );
    for f in j["forms"].as_array().unwrap() {
        assert_eq!(
            f["mismatches"].as_array().unwrap().len(),
            0,
            "{}",
            f["code"]
        );
    }
    let (_, j, _) = forms(
        dir.path(),
        &["rosters", "--as-of", "2025-12-31", "--form", "BM02/BNV"],
    );
    assert_eq!(j["forms"][0]["notes"][0]["kind"], "out_of_period");
}

/// Two communes as of 31/12/2013 (BM02 applies), and a district công chức
/// the form leaves out.
///
/// UBND xã A: c1 cán bộ, woman, 01/01/1980 (33), Kinh, ĐH, LLCT TC, QLNN CV;
/// c2 cán bộ, man, 31/12/1983 (30 on the day), Tày, TC, LLCT SC, QLNN
/// "Không"; c3 công chức, woman, 15/06/1960 (53), CĐ, QLNN CVC; c4 công
/// chức, man, 01/01/1955 (58), SC, QLNN Cán sự (no column); c5 công chức,
/// man, 01/06/1952 (61: past 60, retired 30/06/2012), education and QLNN
/// unreadable ("?"). UBND xã B: c6 cán bộ, man, 01/01/1970 (43), ThS,
/// LLCT Cử nhân, QLNN CV.
#[test]
fn bm02_counts_cadres_and_civil_servants_of_each_commune() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "xa.csv",
        "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn,Lý luận chính trị,Quản lý nhà nước\n\
         Cán Bộ Một,01/01/1980,Nữ,Kinh,UBND xã A,Cán bộ cấp xã,Bí thư Đảng ủy,Đại học,Trung cấp,Chuyên viên\n\
         Cán Bộ Hai,31/12/1983,Nam,Tày,UBND xã A,Cán bộ cấp xã,Chủ tịch UBND,Trung cấp,Sơ cấp,Không\n\
         Công Chức Ba,15/06/1960,Nữ,,UBND xã A,Công chức cấp xã,Văn phòng - Thống kê,Cao đẳng,,Chuyên viên chính\n\
         Công Chức Bốn,01/01/1955,Nam,,UBND xã A,Công chức cấp xã,Địa chính - Xây dựng,Sơ cấp,,Cán sự\n\
         Công Chức Năm,01/06/1952,Nam,,UBND xã A,Công chức cấp xã,Tư pháp - Hộ tịch,?,,?\n\
         Cán Bộ Sáu,01/01/1970,Nam,,UBND xã B,Cán bộ cấp xã,Bí thư Đảng ủy,Thạc sĩ,Cử nhân,Chuyên viên\n\
         Chuyên Viên Bảy,01/01/1985,Nam,Kinh,Phòng Nội vụ,Công chức,Chuyên viên,Đại học,,\n",
    );
    let (out, j, _) = forms(
        dir.path(),
        &[
            roster.to_str().unwrap(),
            "--as-of",
            "2013-12-31",
            "--form",
            "BM02/BNV",
            "--form",
            "BM04/BNV",
        ],
    );
    let rows = read_sheet(&out, "BM02-BNV");
    // Columns 1–38; blank where the rosters hold nothing (3 party, 5
    // religion, 14–16 general education, 21–27 IT and languages, 38
    // rotation); column 17 (Cử nhân) counts c6, 18 (Cao cấp) no one.
    //          1    2    3   4    5   6    7    8    9    10   11   12   13   14  15  16  17  18   19   20   21  22  23  24  25  26  27  28   29   30   31   32   33   34   35   36   37   38
    let a = [
        "5", "2", "", "1", "", "2", "3", "0", "0", "1", "1", "1", "1", "", "", "", "0", "0", "1",
        "1", "", "", "", "", "", "", "", "1", "1", "1", "1", "1", "0", "2", "1", "1", "1", "",
    ];
    // UBND xã B's one person has no ethnicity: column 4 is blank there
    // (no source data), not 0.
    let b = [
        "1", "0", "", "", "", "1", "0", "0", "1", "0", "0", "0", "0", "", "", "", "1", "0", "0",
        "0", "", "", "", "", "", "", "", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "",
    ];
    assert_eq!(&sheet_row(&rows, "UBND xã A")[2..40], a.map(String::from));
    assert_eq!(&sheet_row(&rows, "UBND xã B")[2..40], b.map(String::from));
    assert_eq!(
        sheet_row(&rows, "Tổng số")[2],
        "6",
        "the district công chức is not on BM02"
    );
    let notes = j["forms"][0]["notes_text"].to_string();
    assert!(
        notes.contains("Quản lý nhà nước (cột 28–30): 4 người được tính trong 6 (cột 1); 1 chưa rõ; 1 không thuộc cột nào."),
        "{notes}"
    );
    assert!(notes.contains("Chuyên môn (cột 8–13): 5 người được tính trong 6 (cột 1); 1 chưa rõ; 0 không thuộc cột nào."));
    // BM04 lists the six commune staff, not the district công chức.
    let list = read_sheet(&out, "BM04-BNV");
    let names: Vec<&str> = list
        .iter()
        .filter_map(|r| r.get(1).map(String::as_str))
        .filter(|n| n.contains("Cán Bộ") || n.contains("Công Chức") || n.contains("Chuyên Viên"))
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
    assert!(!names.contains(&"Chuyên Viên Bảy"));
}

#[test]
fn title_classes_of_vien_chuc_count_by_hang() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "truong.csv",
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Loại,Chức danh nghề nghiệp,Trình độ chuyên môn\n\
         Giáo Viên Một,01/01/1980,Nữ,Trường THCS A,Viên chức,Giáo viên THCS hạng II,Đại học\n\
         Giáo Viên Hai,01/01/1985,Nữ,Trường THCS A,Viên chức,Giáo viên THCS hạng III,Đại học\n\
         Giáo Viên Ba,01/01/1990,Nam,Trường THCS A,Viên chức,Giáo viên THCS hạng III,Cao đẳng\n\
         Nhân Viên Bốn,01/01/1990,Nam,Trường THCS A,Viên chức,Nhân viên thư viện,Trung cấp\n",
    );
    let form = write(
        dir.path(),
        "hang.toml",
        "code = \"HANG\"\nbasis = \"b\"\ntitle = \"t\"\norientation = \"units\"\npopulation = { category = \"vien_chuc\" }\n\
         checks = [\"1 >= 2 + 3\"]\n\n\
         [[criterion]]\nnumber = \"1\"\nlabel = \"Tổng số\"\ncount = {}\n\n\
         [[criterion]]\nnumber = \"2\"\nlabel = \"Hạng II\"\ncount = { title_class = 2 }\n\n\
         [[criterion]]\nnumber = \"3\"\nlabel = \"Hạng III\"\ncount = { title_class = 3 }\n",
    );
    let (out, _, _) = forms(
        dir.path(),
        &[
            roster.to_str().unwrap(),
            "--as-of",
            "2013-12-31",
            "--form-file",
            form.to_str().unwrap(),
        ],
    );
    let rows = read_sheet(&out, "HANG");
    assert_eq!(sheet_row(&rows, "Trường THCS A")[2..5], ["4", "1", "2"]);
}

/// "Cơ cấu đội ngũ" on the BM01 roster (people as listed above
/// `bm01_roster`): the công chức are An (woman, 30), Bình (man, 31, Tày),
/// Cúc (woman, 55), Dũng (man, 60), Em (man, 63, Nùng), Giang (man, 41, no
/// ethnicity, unreadable education); An counted once though in three posts.
/// Hoa is the one viên chức (woman, 35). No titles: no leaders.
#[test]
fn structure_sheet_counts_each_person_once_per_group() {
    let dir = tempdir();
    let (roster, _) = bm01_roster(dir.path());
    let (out, j, _) = forms(
        dir.path(),
        &[
            roster.to_str().unwrap(),
            "--as-of",
            "2025-12-31",
            "--form",
            "BM01/BNV",
        ],
    );
    let rows = read_sheet(&out, "Cơ cấu đội ngũ");
    let row = |label: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| c == label))
            .unwrap_or_else(|| panic!("no row {label}"))[1..4]
            .to_vec()
    };
    // Columns: Công chức, Viên chức, Toàn bộ.
    assert_eq!(rows[3][1..4], ["Công chức", "Viên chức", "Toàn bộ"]);
    assert_eq!(row("Số người"), ["6", "1", "7"]);
    assert_eq!(row("Lãnh đạo, quản lý"), ["0", "0", "0"]);
    assert_eq!(row("Từ 30 trở xuống"), ["1", "0", "1"]);
    assert_eq!(row("Từ 31 đến 40"), ["1", "1", "2"]);
    assert_eq!(row("Từ 41 đến 50"), ["1", "0", "1"]);
    assert_eq!(row("Từ 51 đến 60"), ["2", "0", "2"]);
    assert_eq!(row("Trên 60"), ["1", "0", "1"]);
    assert_eq!(row("Thạc sĩ"), ["1", "0", "1"]);
    assert_eq!(row("Đại học"), ["3", "1", "4"]);
    assert_eq!(row("Trung cấp"), ["1", "0", "1"]);
    let women = &j["structure"]["groups"][0]["shares"];
    // Women 2 of 6; minorities Tày and Nùng of the 5 with an ethnicity.
    assert_eq!(women[0], serde_json::json!([2, 6]));
    assert_eq!(women[1], serde_json::json!([2, 5]));
    // Men drawn left of the pyramid's axis: An's age band holds no man.
    let ages = &j["structure"]["groups"][0]["ages"];
    assert_eq!(ages[0], serde_json::json!([0, 1, 0]));
    assert_eq!(ages[3], serde_json::json!([1, 1, 0]));
    // Under the table, what the shares are taken over: everyone's gender
    // and party (the party column holds marks only: a blank is "no"), the
    // ethnicity of all but p7.
    assert!(
        rows.iter().flatten().any(|c| c
            == "Tỷ lệ nữ, dân tộc thiểu số, đảng viên tính trên số người có thông tin; cột Toàn bộ: giới tính 7, dân tộc 6, đảng viên 7 trong 7 người."),
        "{rows:?}"
    );
    assert!(!rows.iter().flatten().any(|c| c.contains("chưa rõ loại")));
}

/// An holds two posts in Phòng Nội vụ (Trưởng phòng, Chuyên viên: two
/// postings, not a duplicate) and one in Phòng Tư pháp; Bình one in Phòng
/// Nội vụ. BM01 counts a person once per unit: Phòng Nội vụ 2, Phòng Tư
/// pháp 1, "Tổng số" their sum, 3; the note names one person counted in
/// more than one unit.
#[test]
fn a_person_with_two_posts_in_a_unit_is_counted_once_there() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "r.csv",
        "Họ và tên,Số CCCD,Ngày sinh,Giới tính,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
         Nguyễn Thị An,001180000001,01/01/1980,Nữ,Phòng Nội vụ,Công chức,Trưởng phòng,Đại học\n\
         Nguyễn Thị An,001180000001,01/01/1980,Nữ,Phòng Nội vụ,Công chức,Chuyên viên,Đại học\n\
         Trần Văn Bình,001185000002,01/01/1985,Nam,Phòng Nội vụ,Công chức,Chuyên viên,Đại học\n\
         Nguyễn Thị An,001180000001,01/01/1980,Nữ,Phòng Tư pháp,Công chức,Chuyên viên,Đại học\n",
    );
    let args = [
        roster.to_str().unwrap(),
        "--as-of",
        "2025-12-31",
        "--form",
        "BM01/BNV",
    ];
    let (out, j, _) = forms(dir.path(), &args);
    let rows = read_sheet(&out, "BM01-BNV");
    // Column 2 (people) follows the quota, blank without a units file.
    assert_eq!(sheet_row(&rows, "Phòng Nội vụ")[2..4], ["", "2"]);
    assert_eq!(sheet_row(&rows, "Phòng Tư pháp")[2..4], ["", "1"]);
    assert_eq!(sheet_row(&rows, "Tổng số")[2..4], ["", "3"]);
    let notes = note_lines(&j);
    let several = "1 người giữ chức vụ ở hơn một đơn vị, được tính ở mỗi đơn vị (các dòng cộng lại như biểu mẫu).";
    assert!(notes.iter().any(|n| n.ends_with(several)), "{notes:?}");
}
