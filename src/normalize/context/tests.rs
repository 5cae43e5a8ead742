use super::*;

#[test]
fn units_named_in_titles() {
    assert_eq!(
        unit_in_title("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NÔNG THƯỢNG NĂM 2013").as_deref(),
        Some("XÃ NÔNG THƯỢNG")
    );
    assert_eq!(
        unit_in_title("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2013"),
        None
    );
    assert_eq!(
        unit_in_title("DANH SÁCH CÔNG CHỨC XÃ THUỘC HUYỆN CHỢ MỚI"),
        None
    );
    assert_eq!(
        unit_in_title("DANH SÁCH CÁN BỘ CÁC XÃ, PHƯỜNG, THỊ TRẤN"),
        None
    );
    assert_eq!(unit_in_title("BÁO CÁO SỐ LƯỢNG CÁN BỘ XÃ VÀ PHƯỜNG"), None);
    assert_eq!(
        unit_in_title(
            "Danh sách trích ngang cán bộ của UBND phường Đức Xuân (kèm theo Báo cáo số 12)"
        )
        .as_deref(),
        Some("UBND phường Đức Xuân")
    );
    assert_eq!(unit_case("UBND XÃ NÔNG THƯỢNG"), "UBND xã Nông Thượng");
    assert_eq!(unit_case("XÃ NÔNG THƯỢNG"), "Xã Nông Thượng");
    assert_eq!(unit_case("UBND xã Y"), "UBND xã Y");
}

#[test]
fn units_in_sheet_and_file_names() {
    assert_eq!(unit_in_name("Sheet1"), None);
    assert_eq!(unit_in_name("Danh sách"), None);
    assert_eq!(unit_in_name("DS CBCC 2013"), None);
    assert_eq!(unit_in_name("Nông Thượng").as_deref(), Some("Nông Thượng"));
    assert_eq!(
        unit_in_name("01-ds-cbcc-xa-nong-thuong-2013").as_deref(),
        Some("xa nong thuong")
    );
    assert_eq!(unit_in_name("Xã Đức Xuân").as_deref(), Some("Xã Đức Xuân"));
    assert_eq!(unit_in_name("Tháng 12"), None);
    assert_eq!(unit_in_name("Biểu 2a"), None);
    assert_eq!(unit_in_name("Cán bộ xã"), None);
    assert_eq!(unit_in_name("t0"), None);
    assert_eq!(unit_in_name("roster"), None);
}

#[test]
fn headings_and_titles_give_categories() {
    let cat = |s: &str| heading(s).1.map(|c| c.category);
    assert_eq!(cat("I. CÁN BỘ"), Some(Category::CanBo));
    assert_eq!(cat("Cán bộ chuyên trách"), Some(Category::CanBo));
    assert_eq!(cat("CÔNG CHỨC"), Some(Category::CongChuc));
    assert_eq!(
        cat("Người hoạt động không chuyên trách"),
        Some(Category::KhongChuyenTrach)
    );
    assert_eq!(cat("Hợp đồng"), Some(Category::HopDong));
    assert_eq!(cat("Cán bộ, công chức"), None);
    assert_eq!(cat("UBND xã A"), None);
    let t = CommuneTitles::builtin();
    assert!(!t.entries.is_empty());
    assert_eq!(
        t.category_of("Chủ tịch UBND xã Nông Thượng"),
        Some(Category::CanBo)
    );
    assert_eq!(
        t.category_of("Phó Chủ tịch Hội Nông dân"),
        Some(Category::KhongChuyenTrach)
    );
    assert_eq!(
        t.category_of("Chủ tịch Hội Nông dân"),
        Some(Category::CanBo)
    );
    assert_eq!(
        t.category_of("Công chức Tư pháp - Hộ tịch"),
        Some(Category::CongChuc)
    );
    assert_eq!(
        t.category_of("Bí thư chi bộ thôn 3"),
        Some(Category::KhongChuyenTrach)
    );
    assert_eq!(t.category_of("Bí thư Đảng ủy"), Some(Category::CanBo));
    assert_eq!(t.category_of("Chuyên viên"), None);
    assert_eq!(t.category_of("Chủ tịch"), None);
    assert_eq!(
        t.category_of("CT HĐND kiêm Bí thư ĐU"),
        Some(Category::CanBo)
    );
    assert_eq!(
        t.category_of("Giám đốc HTX kiêm Phó Chủ tịch HĐND"),
        Some(Category::CanBo)
    );
    assert_eq!(t.category_of("P.Bí thư ĐU"), Some(Category::CanBo));
    assert_eq!(
        t.category_of("Chỉ huy phó QS"),
        Some(Category::KhongChuyenTrach)
    );
}
