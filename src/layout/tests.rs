use super::*;
use crate::ingest::SheetBuilder;
use crate::schema::ColumnAliases;

fn sheet(rows: &[&[&str]]) -> RawSheet {
    let mut b = SheetBuilder::new();
    for (i, r) in rows.iter().enumerate() {
        b.push_row(
            u32::try_from(i).unwrap() + 1,
            r.iter()
                .enumerate()
                .filter(|(_, s)| !s.is_empty())
                .map(|(c, s)| (c, crate::ingest::CellRef::Text(s))),
        );
    }
    b.finish(0, "S".into())
}

fn fields(l: &Layout) -> Vec<(Field, usize)> {
    l.bindings.iter().map(|b| (b.field, b.col)).collect()
}

#[test]
fn title_block_two_row_header_and_number_row() {
    let s = sheet(&[
        &[
            "UBND THỊ XÃ BẮC KẠN",
            "",
            "",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ],
        &["", "DANH SÁCH CÁN BỘ", "", "", ""],
        &["STT", "Họ và tên", "Đơn vị", "Loại", "Trình độ", "", ""],
        &[
            "",
            "",
            "",
            "",
            "Chuyên môn",
            "Lý luận chính trị",
            "Quản lý nhà nước",
        ],
        &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "7=5+6"],
        &["1", "Nguyễn Văn A", "Xã X", "Cán bộ", "Đại học", "", ""],
    ]);
    let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
    assert_eq!(
        (l.header_row, l.header_rows, l.number_row, l.body_start),
        (2, 2, Some(4), 5)
    );
    assert_eq!(
        fields(&l),
        vec![
            (Field::RowNumber, 0),
            (Field::FullName, 1),
            (Field::Unit, 2),
            (Field::Category, 3),
            (Field::Education, 4),
            (Field::PoliticalTheory, 5),
            (Field::StateManagement, 6)
        ]
    );
}

#[test]
fn birth_date_split_by_gender() {
    let s = sheet(&[
        &["Họ và tên", "Ngày sinh", "", "Đơn vị"],
        &["", "Nam", "Nữ", ""],
        &["Lê Văn An", "1970", "", "Xã X"],
    ]);
    let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
    assert_eq!(
        fields(&l),
        vec![
            (Field::FullName, 0),
            (Field::BirthDateMale, 1),
            (Field::BirthDateFemale, 2),
            (Field::Unit, 3)
        ]
    );
    assert_eq!(l.body_start, 2);
}

#[test]
fn data_below_a_one_row_header_is_not_a_sub_header() {
    // "Giới tính" over "Nam" and "Trình độ chuyên môn" over "Đại học" would read
    // as marker columns; the name in the row below shows it is data.
    let s = sheet(&[
        &[
            "Họ và tên",
            "Đơn vị",
            "Loại",
            "Giới tính",
            "Trình độ chuyên môn",
        ],
        &["Lê Văn An", "Xã X", "Cán bộ", "Nam", "Đại học"],
    ]);
    let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
    assert_eq!((l.header_rows, l.body_start), (1, 1));
    assert!(l.bindings.iter().all(|b| b.mark.is_none()));
}

#[test]
fn no_header_without_a_name_column() {
    let s = sheet(&[&["Đơn vị", "Số lượng"], &["X", "3"]]);
    assert!(detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).is_none());
}

#[test]
fn rows_are_classified() {
    let s = sheet(&[
        &["STT", "Họ và tên", "Đơn vị", "Loại", "Trình độ chuyên môn"],
        &["I", "Khối Đảng", "", "", ""],
        &["1", "Nguyễn Văn A", "Xã X", "Cán bộ", "Đại học"],
        &["", "", "", "", ""],
        &["2", "Trần B", "", "", ""],
        &["", "Tổng cộng", "", "2", ""],
        &["4", "", "Xã X", "Cán bộ", "Chủ tịch"],
        &["", "Người lập biểu", "", "Thủ trưởng đơn vị", ""],
        &["", "Lê C", "", "Phạm D", ""],
        &["3", "Hà E", "Xã X", "Cán bộ", "Đại học"],
    ]);
    let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
    assert_eq!(
        classify(&s, &l),
        vec![
            RowKind::Heading,
            RowKind::Staff,
            RowKind::Blank,
            RowKind::Staff,
            RowKind::Total,
            RowKind::Staff,
            RowKind::Footer,
            RowKind::Footer,
            RowKind::StaffBelowFooter
        ]
    );
}

/// Footer text by its definition: a mark searched in the text padded with
/// spaces (for signatures, a mark that is not a leader's title alone), or a
/// date line (the words ngay, thang and nam).
fn footer_by_definition(f: &str, signature: bool) -> bool {
    let titles = ["truong phong", "giam doc", "chu tich", "thu truong"];
    let padded = format!(" {f} ");
    let word = |w: &str| padded.contains(&format!(" {w} "));
    super::rows::FOOTER_MARKS
        .iter()
        .filter(|m| !signature || !titles.contains(m))
        .any(|m| word(m))
        || (word("ngay") && word("thang") && word("nam"))
}

/// The footer marks as whole words, against their definition: every text
/// of up to three words drawn from the marks' words, a name's words and
/// near misses.
#[test]
fn footer_marks_are_found_as_whole_words_in_every_order() {
    let words = [
        "nguoi lap",
        "bieu",
        "thu",
        "truong",
        "ky ten",
        "ten",
        "xky",
        "tich",
        "chu",
        "phong",
        "tran thi",
        "ngay",
        "thang",
        "nam",
        "namx",
        "tm ubnd",
        "don vi",
        "ghi",
        "chu tich",
    ];
    let mut texts = vec![String::new()];
    for a in words {
        texts.push(a.to_string());
        for b in words {
            texts.push(format!("{a} {b}"));
            texts.extend(words.iter().map(|c| format!("{a} {b} {c}")));
        }
    }
    let (mut footers, mut signatures) = (0, 0);
    for t in &texts {
        let footer = super::rows::is_footer_text(t);
        let signature = super::rows::is_signature_text(t);
        assert_eq!(footer, footer_by_definition(t, false), "footer: {t:?}");
        assert_eq!(signature, footer_by_definition(t, true), "signature: {t:?}");
        footers += usize::from(footer);
        signatures += usize::from(signature);
    }
    // Both answers occur, and a leader's title alone is a footer mark only.
    assert!(footers > 1000 && signatures > 500 && footers > signatures);
    assert!(super::rows::is_footer_text("chu tich ubnd"));
    assert!(!super::rows::is_signature_text("chu tich ubnd"));
    assert!(!super::rows::is_footer_text("tran van truong"));
    assert!(!super::rows::is_footer_text("xky ten"));
    assert!(super::rows::is_footer_text(
        "ha noi ngay 15 thang 3 nam 2026"
    ));
}
