//! People across the years: staff ids, national ids, ties, concurrent
//! posts, unknown categories.

use super::{Years, figures, strs};

/// A staff id in a merged commune is no match when the national ids differ;
/// a retiree whose first row lacks the gender retires by the second row.
#[test]
fn staff_ids_yield_to_national_ids_and_retirement_reads_every_row() {
    // 2024: xã A's 001 An (born 1960, CCCD …01) retires; xã B's 007 An
    // (born 1990, CCCD …07) stays. Lê Văn Cả (1960) has a blank gender in
    // xã A and "Nam" in xã B, and is gone in 2025. 2025: xã C (A and B
    // merged) numbers the young An 001.
    let y2024 = [
        "001,Nguyễn Văn An,001060000001,01/01/1960,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "007,Nguyễn Văn An,001090000007,01/01/1990,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        "008,Lê Văn Cả,001060000008,01/01/1960,,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        "009,Lê Văn Cả,001060000008,01/01/1960,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
    ];
    let y2025 = [
        "001,Nguyễn Văn An,001090000007,01/01/1990,Nam,UBND xã C,UBND huyện H,Công chức,Đại học,,",
    ];
    let map = "Đơn vị cũ,Đơn vị mới\nXã A,Xã C\nXã B,Xã C\n";
    let (rows, _, j, _) = Years::new(&y2024, &y2025)
        .file("--unit-map", "map.csv", map)
        .run();
    // Opening at xã C: the old An, the young An and Cả (his two posts now
    // in one unit, once): 3. The old An and Cả retired; the young An stays
    // (without the national id, 001 would have kept the old An and let the
    // young one go; without Cả's second row, Cả would have "left").
    //                                 1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let c = strs([3, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã C", None), c);
    assert_eq!(j["matched"]["national_id"], 1);
    assert_eq!(j["matched"]["staff_id"], 0);
}

/// Two people of 2024 with one name and birth date, in xã A and xã B (no
/// staff id, no CCCD: two people, never merged across units), and one such
/// person in 2025, in xã A: a tie, never paired by order (nor by the unit,
/// on less than the full date that tied). Both of 2024 are counted as
/// leaving and the one of 2025 as hired, each marked in the list, and the
/// note under the table counts the three.
#[test]
fn a_name_and_birth_date_two_people_share_pairs_no_one() {
    let y2024 = [
        ",Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        ",Nguyễn Văn An,,10/05/1980,Nam,UBND xã B,UBND huyện H,Cán bộ,Trung cấp,Sơ cấp,",
        ",Lê Văn Bảo,,01/02/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let y2025 = [
        ",Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
        ",Lê Văn Bảo,,01/02/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
    ];
    let (rows, list, j, _) = Years::new(&y2024, &y2025).run();
    // Bảo is matched; the Ans are not. xã A: opening 2 (An, Bảo), 1 left,
    // 1 hired, closing 2; xã B: opening 1, 1 left, closing 0.
    //                               1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a = strs([2, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 0]);
    let b = strs([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(figures(&rows, "UBND xã B", None), b);
    assert_eq!(j["matched"]["name_and_birth"], 1);
    assert_eq!(j["unmatched_ties"], 3);
    let ans: Vec<&Vec<String>> = list.iter().filter(|r| r[1] == "Nguyễn Văn An").collect();
    assert_eq!(ans.len(), 3, "{list:?}");
    for r in ans {
        assert_eq!(
            r[8], "Không ghép được: trùng họ tên và ngày sinh, cần xác minh",
            "{r:?}"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r[0].starts_with("3 người không ghép được giữa hai năm")),
        "the note under the table"
    );
}

/// A second post taken in xã B (An, two rows with one CCCD) and a second
/// post given up in xã B (Bình) are concurrent posts, not a hire or a
/// leaver, nor a transfer.
#[test]
fn concurrent_posts_are_neither_hires_nor_leavers() {
    let an = |unit: &str| {
        format!(
            "A01,Nguyễn Văn An,001080000001,10/05/1980,Nam,{unit},UBND huyện H,Cán bộ,Đại học,,"
        )
    };
    let binh = |unit: &str| {
        format!(
            "A02,Trần Văn Bình,001085000002,01/01/1985,Nam,{unit},UBND huyện H,Cán bộ,Đại học,,"
        )
    };
    let before = [an("UBND xã A"), binh("UBND xã A"), binh("UBND xã B")];
    let after = [an("UBND xã A"), an("UBND xã B"), binh("UBND xã A")];
    let (rows, list, j, _) = Years::new(&before, &after).run();
    //                               1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a = strs([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
    let b = strs([1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(figures(&rows, "UBND xã B", None), b);
    assert!(j["mismatches"].as_array().unwrap().is_empty());
    let kinds: Vec<(&str, &str)> = list[4..]
        .iter()
        .map(|r| (r[1].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Nguyễn Văn An", "Kiêm nhiệm mới"),
            ("Trần Văn Bình", "Thôi kiêm nhiệm")
        ]
    );
    // The header names the new columns, numbered 6 and 12.
    let header: Vec<String> = rows.iter().flatten().cloned().collect();
    assert!(header.iter().any(|c| c == "Kiêm nhiệm mới"));
    assert!(header.iter().any(|c| c == "Thôi kiêm nhiệm"));
    assert!(j["rows"][0]["concurrent_post_new"] == 1 && j["rows"][0]["concurrent_post_ended"] == 1);
}

/// Cường's category is blank in 2024 (no column, heading or title gives
/// it) and công chức in 2025, in the same commune: he stays, counted in
/// công chức in both years; no category change.
#[test]
fn an_unknown_category_matches_any() {
    let (rows, list, _, _) = Years::new(
        &["A03,Lê Văn Cường,,01/01/1985,Nam,UBND xã A,UBND huyện H,,Đại học,,"],
        &["A03,Lê Văn Cường,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,"],
    )
    .run();
    //                               1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let cc = strs([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", Some("Công chức")), cc);
    assert_eq!(figures(&rows, "UBND xã A", None), cc);
    assert_eq!(list.len(), 4, "no one listed: {list:?}");
}

/// The other way round: one Nguyễn Văn An in 2024, two in 2025 with his
/// name and birth date (xã A and xã B). No one is paired; the three are
/// marked, and the list says why.
#[test]
fn two_namesakes_this_year_pair_no_one() {
    let an = |unit: &str| {
        format!(",Nguyễn Văn An,,10/05/1980,Nam,{unit},UBND huyện H,Công chức,Đại học,,")
    };
    let (rows, list, j, _) =
        Years::new(&[an("UBND xã A")], &[an("UBND xã A"), an("UBND xã B")]).run();
    //                               1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a = strs([1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(j["unmatched_ties"], 3);
    let kinds: Vec<(&str, &str)> = list[4..]
        .iter()
        .map(|r| (r[4].as_str(), r[8].as_str()))
        .collect();
    let tie = "Không ghép được: trùng họ tên và ngày sinh, cần xác minh";
    assert_eq!(
        kinds,
        [
            ("Tuyển dụng, tiếp nhận mới", tie),
            ("Tuyển dụng, tiếp nhận mới", tie),
            ("Thôi việc, giảm khác", tie)
        ]
    );
}
