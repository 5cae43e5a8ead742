//! Who is one person: national ids across units, staff ids within a unit,
//! namesakes only suggested (issue 9, item 19).

use crate::util::*;

fn problems(j: &serde_json::Value, key: &str) -> u64 {
    j["issues_by_problem"][key].as_u64().unwrap_or(0)
}

const HEAD: &str = "Mã cán bộ,Họ và tên,Ngày sinh,Số CCCD,Đơn vị,Đơn vị cấp trên,Chức vụ,Loại,Trình độ chuyên môn\n";

/// The issues workbook's (row, problem) pairs whose problem starts with `prefix`.
fn problems_listed<'a>(rows: &'a [Vec<String>], prefix: &str) -> Vec<(&'a str, &'a str)> {
    rows.iter()
        .filter(|r| r.get(5).is_some_and(|p| p.starts_with(prefix)))
        .map(|r| (r[2].as_str(), r[5].as_str()))
        .collect()
}

/// `check --json` plus the issues workbook's rows (header first).
fn check_with_issues(
    dir: &std::path::Path,
    paths: &[&std::path::Path],
) -> (serde_json::Value, Vec<Vec<String>>) {
    let out = dir.join("issues.xlsx");
    let j = check_json(paths, &["--issues", out.to_str().unwrap()]);
    assert_accounted(&j);
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    (j, rows)
}

/// Five provinces number their own staff 1, 2, 3: nobody is merged, no id
/// conflict, even where two files name a unit alike ("Sở Nội vụ") without a
/// parent unit to tell them apart.
#[test]
fn staff_ids_repeating_across_provinces_are_no_problem() {
    let dir = tempdir();
    let provinces = ["Cao Bằng", "Bắc Kạn", "Lào Cai", "Hà Giang", "Sơn La"];
    let given = ["An", "Bình", "Cường"];
    let mut files = Vec::new();
    for (k, p) in provinces.iter().enumerate() {
        let mut text =
            String::from("Mã cán bộ,Họ và tên,Ngày sinh,Đơn vị,Loại,Trình độ chuyên môn\n");
        for (i, g) in given.iter().enumerate() {
            // Same ids 1, 2, 3 everywhere; names differ from file to file.
            let unit = if i == 0 {
                "Sở Nội vụ".to_string()
            } else {
                format!("UBND xã {p}")
            };
            text.push_str(&format!(
                "{},Tỉnh{k} Văn {g},0{}/03/198{k},{unit},Công chức,Đại học\n",
                i + 1,
                i + 1
            ));
        }
        files.push(write(dir.path(), &format!("tinh{k}.csv"), text));
    }
    let paths: Vec<&std::path::Path> = files.iter().map(|f| f.as_path()).collect();
    let (j, _) = check_with_issues(dir.path(), &paths);
    assert_eq!(j["rows_read"], 15);
    assert_eq!(j["analysed"], 15);
    assert_eq!(j["staff"], 15, "{j:#}");
    assert_eq!(j["concurrent"], 0);
    assert_eq!(problems(&j, "id_conflict"), 0, "{j:#}");
    assert_eq!(problems(&j, "concurrent_posts"), 0);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 0);
    assert_eq!(problems(&j, "duplicate"), 0);
}

/// The same name and birth date (even the same staff id) in units of two
/// provinces: two people, nothing to note. Also across two files that give
/// no parent unit.
#[test]
fn namesakes_in_different_provinces_are_two_people() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "hai-tinh.csv",
        format!(
            "{HEAD}\
             7,Nguyễn Văn Hùng,12/05/1978,,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             7,Nguyễn Văn Hùng,12/05/1978,,UBND xã Tân Lập,Tỉnh Thái Nguyên,Chủ tịch UBND,Cán bộ,Đại học\n"
        ),
    );
    let (j, _) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 2);
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(j["concurrent"], 0);
    assert_eq!(j["set_aside"], 0);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 0, "{j:#}");
    assert_eq!(problems(&j, "concurrent_posts"), 0);
    assert_eq!(problems(&j, "id_conflict"), 0);

    let head = "Họ và tên,Ngày sinh,Đơn vị,Chức vụ,Loại,Trình độ chuyên môn\n";
    let a = write(
        dir.path(),
        "a.csv",
        format!("{head}Lê Thị Mai,01/01/1985,Trạm Y tế xã Hòa Bình,Y sĩ,Viên chức,Cao đẳng\n"),
    );
    let b = write(
        dir.path(),
        "b.csv",
        format!(
            "{head}Lê Thị Mai,01/01/1985,Trường Tiểu học Hòa Bình,Giáo viên,Viên chức,Đại học\n"
        ),
    );
    let (j, _) = check_with_issues(dir.path(), &[&a, &b]);
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(j["concurrent"], 0);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 0, "{j:#}");
}

/// The same name and birth date in two units of one locality: still two
/// people, and one note pointing at the pair for the officer to confirm.
/// Different national ids are different people: no note.
#[test]
fn namesakes_in_one_locality_are_suggested_not_merged() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "mot-tinh.csv",
        format!(
            "{HEAD}\
             1,Trần Văn Long,20/10/1975,,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             4,Trần Văn Long,20/10/1975,025075000111,Trường THCS Tân Lập,Tỉnh Phú Thọ,Giáo viên,Viên chức,Đại học\n\
             2,Hoàng Thị Lan,02/02/1990,025190000001,UBND xã Tân Lập,Tỉnh Phú Thọ,Văn phòng - thống kê,Công chức,Đại học\n\
             9,Hoàng Thị Lan,02/02/1990,025190000002,Trạm Y tế xã Tân Lập,Tỉnh Phú Thọ,Y sĩ,Viên chức,Cao đẳng\n"
        ),
    );
    let (j, rows) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 4);
    assert_eq!(j["staff"], 4, "{j:#}");
    assert_eq!(j["concurrent"], 0);
    assert_eq!(problems(&j, "concurrent_posts"), 0);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 1, "{j:#}");
    assert_eq!(problems(&j, "id_conflict"), 0);
    let notes: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.get(5).is_some_and(|p| p.contains("cần xác nhận")))
        .collect();
    assert_eq!(notes.len(), 1, "{rows:?}");
    let note = notes[0];
    assert_eq!(note[2], "3", "the second Long, on Excel row 3");
    assert_eq!(note[4], "Trần Văn Long");
    assert!(note[5].contains("dòng 2"), "{note:?}");
    assert!(note[6].contains("Tính là hai người"), "{note:?}");

    // The note is a note, not a problem with the data.
    let o = run(&["check", "--as-of", "2013-12-31", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("(1 ghi chú)"), "{}", stdout(&o));
}

/// The same national id in two units (two provinces, other staff ids): one
/// person holding two posts.
#[test]
fn same_national_id_in_two_units_is_one_person() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "cccd.csv",
        format!(
            "{HEAD}\
             3,Phạm Quốc Bảo,15/08/1972,001072000123,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             15,Phạm Quốc Bảo,15/08/1972,001072000123,Sở Nội vụ,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Đại học\n\
             16,Vũ Thị Hà,01/01/1980,001180000999,Sở Nội vụ,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Đại học\n"
        ),
    );
    let (j, _) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 3);
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(j["concurrent"], 1);
    assert_eq!(problems(&j, "concurrent_posts"), 1);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 0);
    assert_eq!(problems(&j, "id_conflict"), 0);
}

/// Two posts of one person (one national id) that record the education
/// differently (Đại học, Thạc sĩ) are noted on the later row, naming the
/// first; a third post leaving the education unreadable is not a
/// disagreement (one side unknown), nor is a birth year the first row's
/// date falls in ("1972"), nor another person's row; a month the date is
/// not in ("09/1972") is.
#[test]
fn rows_of_one_person_recording_a_level_differently_are_noted() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "hai-chuc-vu.csv",
        format!(
            "{HEAD}\
             3,Phạm Quốc Bảo,15/08/1972,001072000123,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             15,Phạm Quốc Bảo,15/08/1972,001072000123,Sở Nội vụ,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Thạc sĩ\n\
             16,Phạm Quốc Bảo,15/08/1972,001072000123,Sở Tư pháp,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Bằng khen\n\
             18,Phạm Quốc Bảo,1972,001072000123,Sở Y tế,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Đại học\n\
             19,Phạm Quốc Bảo,09/1972,001072000123,Sở Xây dựng,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Đại học\n\
             17,Vũ Thị Hà,01/01/1980,001180000999,Sở Nội vụ,Tỉnh Thái Nguyên,Chuyên viên,Công chức,Cao đẳng\n"
        ),
    );
    let (j, rows) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(problems(&j, "person_rows_disagree"), 2, "{j:#}");
    let noted = problems_listed(&rows, "Cùng một người");
    assert_eq!(
        noted,
        [
            (
                "3",
                "Cùng một người với dòng 2 (hai-chuc-vu.csv › hai-chuc-vu) nhưng ghi khác về: Trình độ chuyên môn (cần thống nhất)"
            ),
            (
                "6",
                "Cùng một người với dòng 2 (hai-chuc-vu.csv › hai-chuc-vu) nhưng ghi khác về: Ngày sinh (cần thống nhất)"
            )
        ],
        "{rows:?}"
    );
}

/// One staff id and one name in one unit, two national ids: two people
/// (the national id decides), and the later row says so for the officer to
/// confirm (a mistyped CCCD, or two namesakes numbered alike).
#[test]
fn one_staff_id_and_name_with_two_national_ids_is_noted() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "hai-cccd.csv",
        format!(
            "{HEAD}\
             7,Lò Văn Sơn,01/01/1980,010080000001,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             7,Lò Văn Sơn,01/01/1980,010080000002,UBND xã Tân Lập,Tỉnh Phú Thọ,Phó Chủ tịch UBND,Cán bộ,Đại học\n"
        ),
    );
    let (j, rows) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(problems(&j, "national_ids_differ"), 1, "{j:#}");
    let noted = problems_listed(&rows, "Cùng mã và họ tên");
    assert_eq!(
        noted,
        [(
            "3",
            "Cùng mã và họ tên với dòng 2 (hai-cccd.csv › hai-cccd) nhưng khác số CCCD/CMND: tính là hai người, cần xác nhận"
        )],
        "{rows:?}"
    );
}

/// A national id shared by different names is a real conflict; so is a staff
/// id shared by different names in one unit. The same staff id for different
/// people in different units is not.
#[test]
fn id_conflicts_are_real_ones_only() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "xung-dot.csv",
        format!(
            "{HEAD}\
             1,Đinh Văn Tú,01/01/1970,030070000001,UBND xã Tân Lập,Tỉnh Phú Thọ,Chủ tịch UBND,Cán bộ,Đại học\n\
             1,Đinh Thị Tâm,02/02/1971,030070000001,Trường THCS Tân Lập,Tỉnh Phú Thọ,Giáo viên,Viên chức,Đại học\n\
             5,Mai Văn Sơn,03/03/1973,,UBND xã Tân Lập,Tỉnh Phú Thọ,Địa chính - xây dựng,Công chức,Đại học\n\
             5,Mai Văn Hải,04/04/1974,,UBND xã Tân Lập,Tỉnh Phú Thọ,Tư pháp - hộ tịch,Công chức,Đại học\n\
             5,Lương Thị Nga,05/05/1975,,Trạm Y tế xã Tân Lập,Tỉnh Phú Thọ,Y sĩ,Viên chức,Cao đẳng\n"
        ),
    );
    let (j, rows) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 5);
    assert_eq!(j["staff"], 5, "{j:#}");
    assert_eq!(j["concurrent"], 0);
    assert_eq!(problems(&j, "id_conflict"), 2, "{j:#}");
    let conflicts: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.get(5).is_some_and(|p| p.starts_with("Trùng mã")))
        .map(|r| (r[2].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(conflicts, [("3", "030070000001"), ("5", "5")], "{rows:?}");
}

/// A unit known by its code is one unit across files: its staff id (names
/// agreeing) is one person there, here in two posts.
#[test]
fn staff_id_within_a_coded_unit_spans_files() {
    let dir = tempdir();
    let head = "Mã cán bộ,Họ và tên,Đơn vị,Mã đơn vị,Chức vụ,Loại,Trình độ chuyên môn\n";
    let a = write(
        dir.path(),
        "bien-che.csv",
        format!("{head}12,Ngô Văn Phúc,UBND xã Tân Lập,25001,Chủ tịch UBND,Cán bộ,Đại học\n"),
    );
    let b = write(
        dir.path(),
        "bo-sung.csv",
        format!(
            "{head}12,Ngô Văn Phúc,UBND xã Tân Lập,25001,Chỉ huy trưởng Quân sự,Công chức,Đại học\n\
             12,Ngô Văn Phúc,UBND xã Hòa Bình,25002,Chủ tịch UBND,Cán bộ,Đại học\n"
        ),
    );
    let (j, _) = check_with_issues(dir.path(), &[&a, &b]);
    assert_eq!(j["analysed"], 3);
    // Phúc of Tân Lập (two posts); Phúc of Hòa Bình, another unit's staff 12.
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(j["concurrent"], 1);
    assert_eq!(problems(&j, "concurrent_posts"), 1);
    assert_eq!(problems(&j, "id_conflict"), 0);
}

/// A row without ids cannot bridge two different national ids into one
/// person: the same name and birth date three times in one unit, once with
/// no id, then with CCCD …111 and …222, is two people, not one.
#[test]
fn a_row_without_ids_never_joins_two_national_ids() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "bridge.csv",
        format!(
            "{HEAD},Nguyễn Văn An,01/02/1980,,UBND xã X,UBND huyện H,Chủ tịch,Cán bộ,Đại học\n\
             ,Nguyễn Văn An,01/02/1980,001080000111,UBND xã X,UBND huyện H,Công chức Tư pháp,Công chức,Đại học\n\
             ,Nguyễn Văn An,01/02/1980,001080000222,UBND xã X,UBND huyện H,Công chức Địa chính,Công chức,Trung cấp\n"
        ),
    );
    let (j, _) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["staff"], 2, "{j:#}");
}

/// A person's post is their job position, else their title: two rows of one
/// person in one unit with one title but two positions are two postings
/// (kiêm nhiệm), and two rows with one position under two ways of writing
/// the title are one posting written twice (the later set aside).
#[test]
fn a_post_is_the_position_before_the_title() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "vtvl.csv",
        "Họ và tên,Ngày sinh,Số CCCD,Đơn vị,Chức vụ,Vị trí việc làm,Loại,Trình độ chuyên môn\n\
         Lê Văn Tâm,02/03/1980,001080000111,UBND xã Tân Lập,Công chức,Văn phòng - thống kê,Công chức,Đại học\n\
         Lê Văn Tâm,02/03/1980,001080000111,UBND xã Tân Lập,Công chức,Tư pháp - hộ tịch,Công chức,Đại học\n\
         Đỗ Thị Mai,05/06/1985,001185000222,UBND xã Tân Lập,Chuyên viên,Địa chính - xây dựng,Công chức,Đại học\n\
         Đỗ Thị Mai,05/06/1985,001185000222,UBND xã Tân Lập,Công chức,Địa chính - xây dựng,Công chức,Đại học\n",
    );
    let (j, rows) = check_with_issues(dir.path(), &[&f]);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["staff"], 2, "{j:#}");
    assert_eq!(j["concurrent"], 1, "{j:#}");
    assert_eq!(problems(&j, "duplicate"), 1, "{j:#}");
    // The duplicate is Đỗ Thị Mai's second row (Excel row 5), naming row 4.
    let dup = problems_listed(&rows, "Trùng với dòng");
    assert_eq!(dup.len(), 1, "{rows:#?}");
    assert_eq!(dup[0].0, "5", "{dup:?}");
    assert!(dup[0].1.contains("dòng 4 "), "{dup:?}");
}
