//! `nhanluc check` on fixtures made for one hazard each.

use std::fs;

use crate::util::*;

fn count(j: &serde_json::Value, map: &str, key: &str) -> u64 {
    j[map][key].as_u64().unwrap_or(0)
}

fn problems(j: &serde_json::Value, key: &str) -> u64 {
    j["issues_by_problem"][key].as_u64().unwrap_or(0)
}

/// Title block, two-row merged header (birth date over Nam | Nữ, Trình độ over
/// three fields), a column-number row, dates in four forms, totals and footer.
#[test]
fn government_layout_workbook() {
    let dir = tempdir();
    let head = |s| S(s);
    let rows = vec![
        vec![
            S("UBND XÃ HUYỀN TỤNG"),
            E,
            E,
            E,
            E,
            S("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ],
        vec![E, S("DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2013")],
        vec![
            head("STT"),
            head("Họ và tên"),
            head("Ngày tháng năm sinh"),
            E,
            head("Đơn vị"),
            head("Loại"),
            head("Trình độ"),
            E,
            E,
        ],
        vec![
            E,
            E,
            S("Nam"),
            S("Nữ"),
            E,
            E,
            S("Chuyên môn"),
            S("Lý luận chính trị"),
            S("Quản lý nhà nước"),
        ],
        (1..=9).map(|i| T(format!("({i})"))).collect(),
        vec![
            N(1.0),
            S("Nguyễn Văn An"),
            D(d(1970, 5, 2)),
            E,
            S("UBND xã Huyền Tụng"),
            S("Cán bộ cấp xã"),
            S("Đại học"),
            S("Trung cấp"),
            S("Chuyên viên"),
        ],
        vec![
            N(2.0),
            S("Trần Thị Bình"),
            E,
            S("12/03/1980"),
            S("UBND xã Huyền Tụng"),
            S("Công chức cấp xã"),
            S("TC Kế toán"),
        ],
        vec![
            N(3.0),
            S("Lê Văn Cường"),
            N(1965.0),
            E,
            S("UBND xã Huyền Tụng"),
            S("Cán bộ"),
            S("Sơ cấp"),
            S("Sơ cấp"),
        ],
        vec![
            N(4.0),
            S("Hà Thị Dung"),
            E,
            N(29_000.0),
            S("UBND xã Huyền Tụng"),
            S("Công chức"),
            S("ThS"),
            S("Cao cấp"),
            S("CVC"),
        ],
        vec![],
        vec![S("Tổng cộng"), E, E, E, E, S("4")],
        vec![E, S("Người lập biểu"), E, E, E, E, S("Chủ tịch UBND")],
    ];
    let merges = [
        (2, 0, 3, 0),
        (2, 1, 3, 1),
        (2, 2, 2, 3),
        (2, 4, 3, 4),
        (2, 5, 3, 5),
        (2, 6, 2, 8),
        (10, 0, 10, 1),
    ];
    let f = xlsx(&dir.path().join("xa.xlsx"), "Huyền Tụng", &rows, &merges);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["rows_read"], 7, "{j:#}");
    assert_eq!(j["analysed"], 4);
    assert_eq!(j["staff"], 4);
    assert_eq!(j["set_aside"], 0);
    assert_eq!(j["non_staff"], 3);
    assert_eq!(j["non_staff_by_kind"]["totals"], 1);
    assert_eq!(j["non_staff_by_kind"]["footer"], 1);
    assert_eq!(j["non_staff_by_kind"]["blank"], 1);
    assert_eq!(
        (
            problems(&j, "not_staff_totals"),
            problems(&j, "not_staff_footer")
        ),
        (1, 1),
        "totals and footer rows are listed, each under its kind; blank ones are not"
    );
    assert_eq!(count(&j, "by_category", "can_bo"), 2);
    assert_eq!(count(&j, "by_category", "cong_chuc"), 2);
    for (k, n) in [
        ("dai_hoc", 1),
        ("trung_cap", 1),
        ("so_cap", 1),
        ("thac_si", 1),
        ("unknown", 0),
    ] {
        assert_eq!(count(&j, "by_education", k), n, "{k}");
    }
    // Every group is commune level (from the category text or the unit name).
    assert!(
        j["by_group"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["commune"] == true && g["gov_level"] == "xa")
    );
    // The bare year is kept and flagged; no date is unreadable.
    assert_eq!(problems(&j, "year_only_birth_date_male"), 1, "{j:#}");
    assert!(
        j["issues_by_problem"]
            .as_object()
            .unwrap()
            .keys()
            .all(|k| !k.starts_with("unreadable")),
        "{j:#}"
    );
    let sheet = &j["files"][0]["sheets"][0];
    assert_eq!(sheet["header_row"], 3);
}

/// Education typed ten ways, with the level and the field in one cell.
#[test]
fn education_spellings() {
    let dir = tempdir();
    let f = dir.path().join("edu.csv");
    let values = [
        ("Tiến sỹ", "tien_si"),
        ("Th.S", "thac_si"),
        ("Thạc sỹ", "thac_si"),
        ("ĐH Luật", "dai_hoc"),
        ("Cử nhân Kinh tế", "dai_hoc"),
        ("Kỹ sư", "dai_hoc"),
        ("DAI HOC", "dai_hoc"),
        ("CĐ", "cao_dang"),
        ("Trung học chuyên nghiệp", "trung_cap"),
        ("THCN", "trung_cap"),
        ("Trung cấp Kế toán", "trung_cap"),
        ("SC", "so_cap"),
        ("Chưa qua đào tạo", "chua_qua_dao_tao"),
        ("Bằng khen", "unknown"),
        ("", "unknown"),
    ];
    let mut text = String::from("Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n");
    for (i, (v, _)) in values.iter().enumerate() {
        text.push_str(&format!("Người {i},UBND xã X,Công chức,\"{v}\"\n"));
    }
    fs::write(&f, text).unwrap();
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    let mut want = std::collections::BTreeMap::new();
    for (_, k) in values {
        *want.entry(k).or_insert(0u64) += 1;
    }
    for (k, n) in want {
        assert_eq!(count(&j, "by_education", k), n, "{k}: {j:#}");
    }
    assert_eq!(problems(&j, "unreadable_education"), 1);
    assert_eq!(problems(&j, "missing_education"), 1);
    assert_eq!(j["set_aside"], 0, "unknown education keeps the row");
}

/// Excel's "Unicode Text": UTF-16LE with BOM, tab-delimited, CRLF.
#[test]
fn utf16_unicode_text() {
    let dir = tempdir();
    let text = "Họ và tên\tĐơn vị\tĐối tượng\tChuyên môn\r\nNguyễn Văn An\tPhòng Nội vụ\tCông chức\tĐại học\r\n\r\nLê Thị Hoa\tPhòng Nội vụ\tViên chức\tCao đẳng\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let f = write(dir.path(), "list.txt", bytes);
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 2);
    assert_eq!(j["non_staff_by_kind"]["blank"], 1);
    assert_eq!(count(&j, "by_education", "dai_hoc"), 1);
    assert_eq!(count(&j, "by_category", "vien_chuc"), 1);
}

/// A sheet typed in TCVN3 (.VnTime) and a CSV typed in VNI come out right.
#[test]
fn legacy_encodings() {
    let dir = tempdir();
    let enc = nhanluc::legacy::encode_tcvn3;
    let rows = vec![
        vec![
            T(enc("Họ và tên")),
            T(enc("Đơn vị")),
            T(enc("Loại")),
            T(enc("Trình độ chuyên môn")),
        ],
        vec![
            T(enc("Nguyễn Thị Hương")),
            T(enc("UBND xã Nông Thượng")),
            T(enc("Cán bộ")),
            T(enc("Đại học")),
        ],
        vec![
            T(enc("Hoàng Văn Đức")),
            T(enc("UBND xã Nông Thượng")),
            T(enc("Công chức")),
            T(enc("Trung cấp")),
        ],
    ];
    let a = xlsx(&dir.path().join("vntime.xlsx"), "DS", &rows, &[]);
    let b = write(
        dir.path(),
        "vni.csv",
        "Hoï vaø teân,Ñôn vò,Loaïi,Trình ñoä chuyeân moân\nNguyeãn Vaên An,UBND xaõ X,Caùn boä,Ñaïi hoïc\n",
    );
    let j = check_json(&[&a, &b], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(count(&j, "by_education", "dai_hoc"), 2);
    assert_eq!(count(&j, "by_education", "trung_cap"), 1);
    assert_eq!(count(&j, "by_category", "can_bo"), 2);
    assert_eq!(problems(&j, "legacy_encoding"), 2);
    assert_eq!(j["files"][0]["sheets"][0]["encoding"], "tcvn3");
    assert_eq!(j["files"][1]["sheets"][0]["encoding"], "vni");
}

/// Duplicates are set aside; a person in two posts is one person; a namesake
/// in another unit is a suggestion.
#[test]
fn duplicates_and_concurrent_posts() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "dup.csv",
        "Mã cán bộ,Họ và tên,Ngày sinh,Đơn vị,Chức vụ,Loại,Trình độ chuyên môn\n\
         001,Nguyễn Văn An,01/02/1970,UBND xã X,Bí thư Đảng ủy,Cán bộ,Đại học\n\
         001,Nguyễn Văn An,01/02/1970,UBND xã X,Chủ tịch HĐND,Cán bộ,Đại học\n\
         002,Lê Thị Bình,03/04/1980,UBND xã X,Văn phòng - thống kê,Công chức,Đại học\n\
         002,Lê Thị Bình,03/04/1980,UBND xã X,Văn phòng - thống kê,Công chức,Đại học\n\
         ,Hà Văn Cường,05/06/1975,UBND xã Y,Tư pháp - hộ tịch,Công chức,Trung cấp\n\
         ,Hà Văn Cường,05/06/1975,UBND xã Z,Tư pháp - hộ tịch,Công chức,Trung cấp\n\
         ,Đỗ Văn Dũng,1975,UBND xã Y,Địa chính - xây dựng,Công chức,Trung cấp\n\
         ,Đỗ Văn Dũng,1975,UBND xã Y,Địa chính - xây dựng,Công chức,Trung cấp\n\
         003,Phạm Văn Em,,UBND xã Y,Văn hóa - xã hội,Công chức,Cao đẳng\n\
         003,Phạm Thị Em,,UBND xã Y,Văn hóa - xã hội,Công chức,Cao đẳng\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(j["rows_read"], 10);
    assert_eq!(j["set_aside"], 2, "two duplicate rows: {j:#}");
    assert_eq!(j["analysed"], 8);
    // An (2 posts), Bình, Cường in xã Y, Cường in xã Z (a namesake in another
    // unit is only suggested, never merged), Dũng, Văn Em, Thị Em.
    assert_eq!(j["staff"], 7);
    assert_eq!(j["concurrent"], 1);
    assert_eq!(problems(&j, "duplicate"), 2);
    assert_eq!(problems(&j, "concurrent_posts"), 1);
    assert_eq!(problems(&j, "possible_concurrent_posts"), 1);
    assert_eq!(problems(&j, "id_conflict"), 1);
}

/// Rows missing a name or unit are set aside with their reason; a missing or
/// unreadable category is noted and the row kept, its category unknown.
#[test]
fn rows_set_aside_and_strict() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "gaps.csv",
        "Họ và tên;Đơn vị;Loại;Trình độ chuyên môn\n\
         Nguyễn Văn An;UBND xã X;Cán bộ;Đại học\n\
         ;UBND xã X;Cán bộ;Đại học\n\
         Lê Văn Bình;;Cán bộ;Đại học\n\
         Hà Thị Chi;UBND xã X;;Đại học\n\
         Đỗ Văn Dũng;UBND xã X;Cán bộ, công chức;Đại học\n",
    );
    let j = check_json(&[&f], &[]);
    assert_accounted(&j);
    assert_eq!(
        (j["analysed"].as_u64(), j["set_aside"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(count(&j, "by_category", "unknown"), 2, "{j:#}");
    for k in [
        "missing_full_name",
        "missing_unit",
        "missing_category",
        "unreadable_category",
    ] {
        assert_eq!(problems(&j, k), 1, "{k}");
    }
    let o = run(&[
        "check",
        "--strict",
        "--as-of",
        "2013-12-31",
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

/// The data issues, written as a workbook, point at file, sheet, row, column and value.
#[test]
fn issues_workbook_names_the_cell() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "x.csv",
        "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n=HYPERLINK(\"x\"),UBND xã X,Cán bộ,Bằng khen\n",
    );
    let out = dir.path().join("issues.xlsx");
    let o = run(&[
        "check",
        "--as-of",
        "2013-12-31",
        "--issues",
        out.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_issues);
    assert_eq!(
        rows[0][..5],
        ["Tệp", "Trang tính", "Dòng", "Cột", "Giá trị"]
    );
    let issue = &rows[1];
    assert!(issue[0].ends_with("x.csv"));
    assert_eq!(issue[1], "x");
    assert_eq!(issue[2], "2");
    assert_eq!(issue[3], "Trình độ chuyên môn");
    assert_eq!(issue[4], "Bằng khen");
    // English on request, and CSV.
    let csv = dir.path().join("issues.csv");
    let o = run(&[
        "--lang",
        "en",
        "check",
        "--as-of",
        "2013-12-31",
        "--issues",
        csv.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}File,Sheet,Row,Column,Value,Problem,Action"),
        "{text}"
    );
    assert!(text.contains("Unreadable professional education"));
}

#[test]
fn missing_required_column_lists_accepted_names() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "nocat.csv",
        "Họ và tên,Đơn vị,Trình độ chuyên môn\nA,B,Đại học\n",
    );
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("nocat.csv") && e.contains("category"), "{e}");
    assert!(
        e.contains("\"Phân loại\"") && e.contains("\"Đối tượng\""),
        "{e}"
    );
    assert!(e.contains("\"Họ và tên\""), "headers found are listed: {e}");
}

#[test]
fn user_column_names() {
    let dir = tempdir();
    let f = write(
        dir.path(),
        "own.csv",
        "Tên cán bộ,Đơn vị,Loại,Bằng cấp\nA,B,Cán bộ,Đại học\n",
    );
    let cols = write(
        dir.path(),
        "cols.toml",
        "[aliases]\nfull_name = [\"Tên cán bộ\"]\neducation = [\"Bằng cấp\"]\n",
    );
    let j = check_json(&[&f], &["--columns", cols.to_str().unwrap()]);
    assert_eq!(j["analysed"], 1);
    fs::write(&cols, "[aliases]\nfull_nam = [\"Tên cán bộ\"]\n").unwrap();
    let o = run(&[
        "check",
        "--columns",
        cols.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cols.toml"), "{}", stderr(&o));
}

#[test]
fn unusable_inputs_exit_2() {
    let dir = tempdir();
    let bad = write(
        dir.path(),
        "broken.xlsx",
        b"PK\x03\x04 this is not a workbook",
    );
    let o = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.xlsx"), "{}", stderr(&o));

    let none = write(dir.path(), "summary.csv", "Đơn vị,Số lượng\nA,3\n");
    let o = run(&["check", none.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no roster header"), "{}", stderr(&o));

    let o = run(&["check", dir.path().join("nope").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));

    let ok = write(
        dir.path(),
        "ok.csv",
        "Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\nA,B,Cán bộ,Đại học\n",
    );
    let o = run(&["check", "--sheet", "Nothing", ok.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Nothing"));
}

/// Garbage never panics: it is read as text or refused with exit 2.
#[test]
fn no_panic_on_garbage() {
    let dir = tempdir();
    let mut seed = 7u64;
    for i in 0..6 {
        let bytes: Vec<u8> = (0..2000)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                (seed >> 56) as u8
            })
            .collect();
        for ext in ["csv", "xlsx", "xls", "ods"] {
            let f = dir.path().join(format!("g{i}.{ext}"));
            fs::write(&f, &bytes).unwrap();
            let o = run(&["check", f.to_str().unwrap()]);
            assert!(
                matches!(o.status.code(), Some(0 | 2)),
                "{ext}: {}",
                stderr(&o)
            );
            assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        }
    }
}

/// The shipped sample: every row accounted for, the planted cases found.
#[test]
fn sample_rosters() {
    let j = check_json(&[std::path::Path::new("rosters")], &[]);
    assert_accounted(&j);
    assert_eq!(problems(&j, "legacy_encoding"), 1);
    assert_eq!(problems(&j, "duplicate"), 1);
    assert_eq!(problems(&j, "concurrent_posts"), 1);
    assert_eq!(problems(&j, "no_roster_header"), 2);
    assert_eq!(problems(&j, "missing_full_name"), 1);
    // The planted row without a category in 01 holds "Chủ tịch UBND": cán bộ.
    // 06 names its commune only in the title block and groups people under
    // three section headings; 07 has a sheet per commune (the sheet name is
    // the unit) and only titles: 7 known, "Cán bộ tăng cường" unknown.
    assert_eq!(problems(&j, "category_from_title"), 1 + 7);
    assert_eq!(problems(&j, "missing_category"), 1);
    assert_eq!(count(&j, "by_category", "unknown"), 1);
    assert_eq!(problems(&j, "unit_from_title_block"), 1);
    assert_eq!(problems(&j, "unit_from_sheet_name"), 2);
    assert_eq!(problems(&j, "category_from_heading"), 3);
    assert_eq!(problems(&j, "general_education_only"), 1);
    assert!(count(&j, "by_category", "khong_chuyen_trach") > 0);
    assert!(count(&j, "by_category", "vien_chuc") > 0);
    let text = stdout(&run(&["check", "--as-of", "2013-12-31"]));
    assert!(text.contains("Số dòng đọc"), "{text}");
}

/// `--timings` says where the time went, on stderr only.
#[test]
fn timings_go_to_stderr() {
    let o = run(&["--timings", "check", "--json", "--as-of", "2013-12-31"]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    for stage in ["timings:", "read", "clean", "summary", "total"] {
        assert!(err.contains(stage), "{stage}: {err}");
    }
    // CPU time and memory of each stage, where the system tells them.
    #[cfg(target_os = "linux")]
    for line in err
        .lines()
        .skip_while(|l| !l.starts_with("timings:"))
        .skip(1)
    {
        if !line.trim_start().starts_with("total") {
            assert!(
                line.contains(" s  CPU ") && line.contains("MB resident, peak"),
                "{line}"
            );
        }
    }
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is only the JSON");
    assert_accounted(&j);
}

/// The rows of the large file of
/// [`each_file_carries_its_own_digest_also_when_made_later`].
fn digest_roster() -> String {
    let mut text = String::from("STT,Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n");
    for i in 0..120_000 {
        text.push_str(&format!(
            "{i},Nguyễn Văn {},UBND xã {},Công chức cấp xã,Đại học\n",
            i % 997,
            i % 101
        ));
    }
    text
}

/// A file large enough to be read in parts (4 MiB) has its SHA-256 made on
/// a thread of its own and filled in at the end of loading: each file of
/// the summary carries its own, the one the report's Thông tin sheet shows.
/// Expected digests made with `sha256sum` on the same bytes.
#[test]
fn each_file_carries_its_own_digest_also_when_made_later() {
    let dir = tempdir();
    let large = digest_roster();
    assert!(large.len() > 4 << 20, "{}", large.len());
    write(dir.path(), "b-large.csv", &large);
    write(
        dir.path(),
        "a-small.csv",
        "STT,Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n1,Lê Thị Hoa,UBND xã A,Công chức cấp xã,Trung cấp\n",
    );
    let j = check_json(&[dir.path()], &[]);
    let digests: Vec<(String, String)> = j["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let name = f["path"].as_str().unwrap_or_default();
            let name = name.rsplit(['/', '\\']).next().unwrap_or_default();
            (
                name.to_string(),
                f["sha256"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        digests,
        [
            (
                "a-small.csv".to_string(),
                "145fc126d68ae1fcf596183badf8f5de3249e4620736b37c852dd40e9066812a".to_string()
            ),
            (
                "b-large.csv".to_string(),
                "9c7144e5506167c4899f3b0c2785ff81929cd9424615acb6d886fd78722b929c".to_string()
            ),
        ]
    );
}
