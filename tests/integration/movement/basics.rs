//! The movement table on hand-built rosters and on the 2014 sample.

use super::{Run, SAMPLES, Years, figures, movement, strs};
use crate::util::*;

/// Xã A and xã B of huyện H, 31/12/2013 against 31/12/2014.
///
/// 2013: a1 An (A01, xã A, công chức, trung cấp, LLCT sơ cấp); a2 Bích (A02,
/// woman born 15/03/1959: 55 in March 2014, cán bộ); a3 Cường (A03, công
/// chức, born 1985); a4 Dũng (A04, CCCD …04, công chức); a5 Em (A05, không
/// chuyên trách); b1 Giang (B01, xã B, cán bộ); b2 Hoa (xã B, công chức, no
/// staff id, no CCCD).
///
/// 2014: a1 now đại học and LLCT trung cấp; a2 gone (retired); a3 gone
/// (left: 29); a4 in xã B as B09 with the same CCCD (transfer, matched by
/// national id); a5 công chức in xã A (category change, staff id); b1 and b2
/// stay (b2 by name and birth date); b3 Khoa hired in xã B, a6 Lan in xã A.
fn two_communes() -> Run {
    Years::of(
        2014,
        &[
            "A01,Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Trung cấp,Sơ cấp,",
            "A02,Trần Thị Bích,,15/03/1959,Nữ,UBND xã A,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            "A03,Lê Văn Cường,,01/01/1985,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "A04,Phạm Văn Dũng,001080000004,02/02/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "A05,Hoàng Thị Em,,03/03/1990,Nữ,UBND xã A,UBND huyện H,Không chuyên trách,Trung cấp,,",
            "B01,Đỗ Văn Giang,,04/04/1975,Nam,UBND xã B,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            ",Vũ Thị Hoa,,05/05/1988,Nữ,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        ],
        &[
            "A01,Nguyễn Văn An,,10/05/1980,Nam,UBND xã A,UBND huyện H,Công chức,Đại học,Trung cấp,",
            "A05,Hoàng Thị Em,,03/03/1990,Nữ,UBND xã A,UBND huyện H,Công chức,Trung cấp,,",
            "A06,Đinh Thị Lan,,07/07/1996,Nữ,UBND xã A,UBND huyện H,Công chức,Đại học,,",
            "B01,Đỗ Văn Giang,,04/04/1975,Nam,UBND xã B,UBND huyện H,Cán bộ,Đại học,Trung cấp,",
            ",Vũ Thị Hoa,,05/05/1988,Nữ,UBND xã B,UBND huyện H,Công chức,Đại học,,",
            "B09,Phạm Văn Dũng,001080000004,02/02/1980,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
            "B10,Ngô Văn Khoa,,06/06/1995,Nam,UBND xã B,UBND huyện H,Công chức,Đại học,,",
        ],
    )
    .run()
}

/// The figures of [`two_communes`], worked out by hand.
#[test]
fn movement_counts_who_came_left_moved_and_gained() {
    let (rows, _, j, text) = two_communes();
    // Columns: 1 opening; 2 in (3 hired, 4 transferred in, 5 from another
    // category, 6 new concurrent post); 7 out (8 retired, 9 transferred out,
    // 10 left, 11 to another category, 12 concurrent post ended); 13
    // closing; 14–16 gains (education, LLCT, QLNN).
    //                                       1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    let a_cc = strs([3, 2, 1, 0, 1, 0, 2, 0, 1, 1, 0, 0, 3, 1, 1, 0]);
    let a_cb = strs([1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    let a_kct = strs([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    let a = strs([5, 2, 1, 0, 1, 0, 4, 1, 1, 1, 1, 0, 3, 1, 1, 0]);
    let b_cb = strs([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    let b_cc = strs([1, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    let b = strs([2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0]);
    let total = strs([7, 4, 2, 1, 1, 0, 4, 1, 1, 1, 1, 0, 7, 1, 1, 0]);
    assert_eq!(figures(&rows, "UBND xã A", Some("Công chức")), a_cc);
    assert_eq!(figures(&rows, "UBND xã A", Some("Cán bộ")), a_cb);
    assert_eq!(
        figures(
            &rows,
            "UBND xã A",
            Some("Người hoạt động không chuyên trách")
        ),
        a_kct
    );
    assert_eq!(figures(&rows, "UBND xã A", None), a);
    assert_eq!(figures(&rows, "UBND xã B", Some("Cán bộ")), b_cb);
    assert_eq!(figures(&rows, "UBND xã B", Some("Công chức")), b_cc);
    assert_eq!(figures(&rows, "UBND xã B", None), b);
    // The district is the sum of its communes; "Tổng số" the whole roster.
    assert_eq!(figures(&rows, "UBND huyện H", None), total);
    assert_eq!(figures(&rows, "Tổng số", None), total);
    // The equation holds on every row, and the sheet says so.
    assert!(j["mismatches"].as_array().unwrap().is_empty());
    assert!(
        rows.iter()
            .any(|r| r[0].contains("Kiểm tra") || r[0].contains("kiểm tra")),
        "the checks line"
    );
    assert!(text.contains("đầu kỳ 7, cuối kỳ 7"), "{text}");
    assert!(text.contains("7 lượt người có biến động"), "{text}");
}

/// The list of [`two_communes`]: who changed, how, how they were matched.
#[test]
fn movement_lists_each_person_who_changed() {
    let (_, list, j, _) = two_communes();
    // Who was matched how: An, Em, Giang by staff id; Dũng by CCCD; Hoa by
    // name and birth date.
    assert_eq!(j["matched"]["staff_id"], 3);
    assert_eq!(j["matched"]["national_id"], 1);
    assert_eq!(j["matched"]["name_and_birth"], 1);
    // The list: one line per person who changed, with the kind and units.
    let line = |name: &str| {
        list.iter()
            .find(|r| r.get(1).is_some_and(|c| c == name))
            .unwrap_or_else(|| panic!("no line for {name}"))
            .clone()
    };
    assert_eq!(line("Trần Thị Bích")[4], "Nghỉ hưu");
    assert_eq!(line("Lê Văn Cường")[4], "Thôi việc, giảm khác");
    let dung = line("Phạm Văn Dũng");
    assert_eq!(
        (&dung[4][..], &dung[5][..], &dung[6][..], &dung[8][..]),
        ("Chuyển đơn vị", "UBND xã A", "UBND xã B", "Số CCCD/CMND")
    );
    let em = line("Hoàng Thị Em");
    assert_eq!(em[4], "Chuyển loại");
    assert_eq!(em[7], "Người hoạt động không chuyên trách → Công chức");
    let an = line("Nguyễn Văn An");
    assert_eq!(an[4], "Nâng trình độ");
    assert!(an[7].contains("Trung cấp → Đại học"), "{}", an[7]);
    assert_eq!(line("Ngô Văn Khoa")[4], "Tuyển dụng, tiếp nhận mới");
    assert_eq!(line("Đinh Thị Lan")[4], "Tuyển dụng, tiếp nhận mới");
    // Hoa and Giang did not change: not listed. Header + 7 lines.
    let people: Vec<&String> = list[4..].iter().map(|r| &r[1]).collect();
    assert_eq!(people.len(), 7, "{people:?}");
    assert!(
        !people
            .iter()
            .any(|p| *p == "Vũ Thị Hoa" || *p == "Đỗ Văn Giang")
    );
}

/// The shipped sample one year on, against the 2013 sample; the figures are
/// the ground truth its generator wrote in examples/rosters-2014/README.md.
#[test]
fn the_2014_sample_moves_as_its_ground_truth_says() {
    let dir = tempdir();
    let (rows, list, j, _) = movement(dir.path(), &SAMPLES);
    // 301 people; in: 5 hired, 1 transfer, 1 category change; out: 5
    // retired, 1 transfer, 2 left, 1 category change; 299 people. Gained:
    // 4 education, 1 political theory, 1 state management.
    //                               1  2  3  4  5  6  7  8  9 10 11  12  13 14 15 16
    let total = strs([301, 7, 5, 1, 1, 0, 9, 5, 1, 2, 1, 0, 299, 4, 1, 1]);
    assert_eq!(figures(&rows, "Tổng số", None), total);
    let pck = "UBND Phường Phùng Chí Kiên";
    assert_eq!(
        figures(&rows, pck, Some("Công chức")),
        strs([8, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 8, 0, 0, 1])
    );
    assert_eq!(
        figures(&rows, pck, Some("Người hoạt động không chuyên trách")),
        strs([5, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4, 0, 0, 0])
    );
    assert_eq!(
        figures(&rows, "Phòng Kinh tế", None),
        strs([5, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 4, 1, 0, 0])
    );
    assert!(j["mismatches"].as_array().unwrap().is_empty());
    // Triệu Minh Bình: a year of birth in 2013's text file, a full date in
    // 2014's workbook, one unit: matched by name and birth, to confirm.
    let binh = list
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "Triệu Minh Bình"))
        .expect("Bình listed");
    assert_eq!(binh[4], "Chuyển loại");
    assert_eq!(binh[8], "Họ tên và ngày sinh (cần xác minh)");
    // Bế Hữu Vinh keeps his staff id but changes unit: a staff id pairs
    // people only within one unit, so he is matched by name and birth date
    // (as examples/rosters-2014/README.md says).
    let vinh = list
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "Bế Hữu Vinh"))
        .expect("Vinh listed");
    assert_eq!(vinh[4], "Chuyển đơn vị");
    assert_eq!(vinh[8], "Họ tên và ngày sinh (cần xác minh)");
    assert_eq!(list.len() - 4, 20, "20 people changed");
}

/// The list of people who changed ends with the signatures, as the table
/// does: it is printed and signed with it.
#[test]
fn the_list_of_people_is_signed_as_the_table_is() {
    let dir = tempdir();
    let mut args = SAMPLES.to_vec();
    args.extend(["--form", "BM01/BNV"]);
    let (out, _, _) = crate::forms::forms(dir.path(), &args);
    let list = read_sheet(&out, "Biến động - danh sách");
    let signed = &list[list.len() - 2];
    assert_eq!(
        (signed[0].as_str(), signed[5].as_str()),
        ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ")
    );
    assert_eq!(list[list.len() - 1][0], "(Ký, ghi rõ họ và tên)");
}

#[test]
fn movement_refuses_a_later_previous_date() {
    let y = ["1,Nguyễn Văn Một,,01/01/1985,Nam,UBND xã P,,Công chức,Đại học,,"];
    let (o, out) = Years::new(&y, &y)
        .arg("--previous-as-of")
        .arg("2026-06-30")
        .refused();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not before --as-of"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing written");
}

/// Cao cấp one year and "Cử nhân chính trị" the next is the same level
/// (Cử nhân stands for Cao cấp): no level gained, nobody listed.
#[test]
fn cao_cap_to_cu_nhan_is_no_level_gained() {
    let (rows, list, _, _) = Years::of(
        2014,
        &["C01,Cao Văn Cấp,,01/01/1970,Nam,UBND xã C,UBND huyện H,Cán bộ,Đại học,Cao cấp,"],
        &["C01,Cao Văn Cấp,,01/01/1970,Nam,UBND xã C,UBND huyện H,Cán bộ,Đại học,Cử nhân chính trị,"],
    )
    .run();
    //                                                 1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16
    assert_eq!(
        figures(&rows, "UBND xã C", None),
        strs([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
    );
    assert!(list[4..].is_empty(), "{list:?}");
}
