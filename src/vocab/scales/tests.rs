use super::*;
use Education::*;

fn level(s: &str) -> Option<Education> {
    parse_education(s).map(|e| e.level)
}

#[test]
fn education_full_names_and_abbreviations() {
    let cases = [
        ("Tiến sĩ", Some(TienSi)),
        ("Tiến sỹ", Some(TienSi)),
        ("TS", Some(TienSi)),
        ("Thạc sĩ", Some(ThacSi)),
        ("Thạc sỹ", Some(ThacSi)),
        ("ThS", Some(ThacSi)),
        ("Th.S", Some(ThacSi)),
        ("Th.s", Some(ThacSi)),
        ("Trên đại học", Some(ThacSi)),
        ("Đại học", Some(DaiHoc)),
        ("ĐẠI HỌC", Some(DaiHoc)),
        ("Dai hoc", Some(DaiHoc)),
        ("ĐH", Some(DaiHoc)),
        ("DH", Some(DaiHoc)),
        ("Đ.H", Some(DaiHoc)),
        ("Cử nhân", Some(DaiHoc)),
        ("Kỹ sư", Some(DaiHoc)),
        ("Kĩ sư", Some(DaiHoc)),
        ("Bác sĩ", Some(DaiHoc)),
        ("Dược sĩ", Some(DaiHoc)),
        ("Kiến trúc sư", Some(DaiHoc)),
        ("Cao đẳng", Some(CaoDang)),
        ("CĐ", Some(CaoDang)),
        ("CD", Some(CaoDang)),
        ("Trung cấp", Some(TrungCap)),
        ("TC", Some(TrungCap)),
        ("Trung học chuyên nghiệp", Some(TrungCap)),
        ("THCN", Some(TrungCap)),
        ("Sơ cấp", Some(SoCap)),
        ("SC", Some(SoCap)),
        ("Chưa qua đào tạo", Some(ChuaQuaDaoTao)),
        ("Chưa", Some(ChuaQuaDaoTao)),
        ("Tri\u{300}nh", None),
        ("12/12", None),
        ("abc", None),
        ("", None),
    ];
    for (input, want) in cases {
        assert_eq!(level(input), want, "{input}");
    }
}

#[test]
fn education_with_field() {
    let cases = [
        ("ĐH Luật", DaiHoc, Some("Luật")),
        ("Đại học Luật", DaiHoc, Some("Luật")),
        ("Trung cấp Kế toán", TrungCap, Some("Kế toán")),
        ("Cử nhân Kinh tế", DaiHoc, Some("Kinh tế")),
        ("Kỹ sư Nông nghiệp", DaiHoc, Some("Nông nghiệp")),
        ("Thạc sĩ Quản lý công", ThacSi, Some("Quản lý công")),
        ("Luật (ĐH)", DaiHoc, Some("Luật")),
        ("Đại học tại chức", DaiHoc, None),
        ("ĐH - Kế toán", DaiHoc, Some("Kế toán")),
        ("Cử nhân Luật, Thạc sĩ QLC", ThacSi, None),
    ];
    for (input, lvl, field) in cases {
        let got = parse_education(input).unwrap_or_else(|| panic!("{input} unread"));
        assert_eq!(got.level, lvl, "{input}");
        assert_eq!(got.field.as_deref(), field, "{input}");
    }
}

#[test]
fn courses_in_progress_are_not_attained() {
    let read = |s: &str| parse_in_progress(s).map(|p| (p.attained.map(|a| a.level), p.studying));
    assert_eq!(read("Đang học Đại học"), Some((None, DaiHoc)));
    assert_eq!(
        read("Trung cấp, đang học ĐH"),
        Some((Some(TrungCap), DaiHoc))
    );
    assert_eq!(read("đang học thạc sĩ"), Some((None, ThacSi)));
    assert_eq!(
        read("ĐH Luật, đang theo học ThS"),
        Some((Some(DaiHoc), ThacSi))
    );
    assert_eq!(read("Đại học (đang học)"), Some((None, DaiHoc)));
    assert_eq!(read("CĐ, ĐANG HOC DAI HOC"), Some((Some(CaoDang), DaiHoc)));
    assert_eq!(read("Đại học"), None);
    assert_eq!(read("Đang học"), None);
    // Spellings officers use.
    assert_eq!(
        read("Trung cấp/đang học ĐH"),
        Some((Some(TrungCap), DaiHoc))
    );
    assert_eq!(read("ĐH (đang học năm 2)"), Some((None, DaiHoc)));
    assert_eq!(read("Đang tham gia học ĐH"), Some((None, DaiHoc)));
    assert_eq!(
        read("Trung cấp; ĐH đang học"),
        Some((Some(TrungCap), DaiHoc))
    );
    assert_eq!(
        read("Cao đẳng. Đang học Th.S"),
        Some((Some(CaoDang), ThacSi))
    );
    assert_eq!(read("Đang đào tạo Đại học"), Some((None, DaiHoc)));
    assert_eq!(
        parse_in_progress("Trung cấp Kế toán, đang học ĐH")
            .and_then(|p| p.attained)
            .and_then(|a| a.field),
        Some("Kế toán".to_string())
    );
}

#[test]
fn teacher_training_abbreviations() {
    assert_eq!(level("CĐSP"), Some(CaoDang));
    assert_eq!(level("ĐHSP"), Some(DaiHoc));
    assert_eq!(level("ĐHSP Toán"), Some(DaiHoc));
    assert_eq!(
        parse_education("ĐHSP Toán")
            .and_then(|e| e.field)
            .as_deref(),
        Some("Toán")
    );
    assert_eq!(level("Cao đẳng sư phạm"), Some(CaoDang));
}

#[test]
fn political_theory_and_state_management() {
    use PoliticalTheory as P;
    use StateManagement as Q;
    for (s, want) in [
        ("Sơ cấp", Some(P::SoCap)),
        ("Trung cấp", Some(P::TrungCap)),
        ("TC", Some(P::TrungCap)),
        ("Cao cấp", Some(P::CaoCap)),
        ("Cử nhân", Some(P::CuNhan)),
        ("Cử nhân chính trị", Some(P::CuNhan)),
        ("Cao cấp, cử nhân", Some(P::CaoCap)),
        ("Cao cấp hoặc cử nhân", Some(P::CaoCap)),
        ("Cao cấp LLCT - hành chính", Some(P::CaoCap)),
        ("", Some(P::None)),
        ("Không", Some(P::None)),
        ("???", None),
    ] {
        assert_eq!(parse_political_theory(s), want, "{s}");
    }
    for (s, want) in [
        ("Cán sự", Some(Q::CanSu)),
        ("Chuyên viên", Some(Q::ChuyenVien)),
        ("CV", Some(Q::ChuyenVien)),
        ("Chuyên viên chính", Some(Q::ChuyenVienChinh)),
        ("CVC", Some(Q::ChuyenVienChinh)),
        ("Chuyên viên cao cấp", Some(Q::ChuyenVienCaoCap)),
        ("CVCC", Some(Q::ChuyenVienCaoCap)),
        ("", Some(Q::None)),
        ("xyz", None),
    ] {
        assert_eq!(parse_state_management(s), want, "{s}");
    }
    assert!(PoliticalTheory::CaoCap > PoliticalTheory::TrungCap);
    assert!(PoliticalTheory::CuNhan > PoliticalTheory::CaoCap);
    assert_eq!(PoliticalTheory::CuNhan.level(), PoliticalTheory::CaoCap);
    assert_eq!(PoliticalTheory::TrungCap.level(), PoliticalTheory::TrungCap);
    assert!(StateManagement::ChuyenVienChinh > StateManagement::ChuyenVien);
}

#[test]
fn categories_with_commune_flag() {
    use Category::*;
    let cases = [
        ("Cán bộ", Some((CanBo, false))),
        ("cán bộ cấp xã", Some((CanBo, true))),
        ("Công chức cấp xã", Some((CongChuc, true))),
        ("CÔNG CHỨC", Some((CongChuc, false))),
        ("Cong chuc xa", Some((CongChuc, true))),
        ("Viên chức", Some((VienChuc, false))),
        ("VC", Some((VienChuc, false))),
        ("Hợp đồng", Some((HopDong, false))),
        ("HĐ 68", Some((HopDong, false))),
        (
            "Người hoạt động không chuyên trách",
            Some((KhongChuyenTrach, true)),
        ),
        ("Cán bộ bán chuyên trách", Some((KhongChuyenTrach, true))),
        ("Người hoạt động KCT", Some((KhongChuyenTrach, true))),
        ("KCT", Some((KhongChuyenTrach, true))),
        ("BCT", Some((KhongChuyenTrach, true))),
        ("Cán bộ BCT", Some((KhongChuyenTrach, true))),
        ("Cán bộ, công chức", None),
        ("abc", None),
    ];
    for (s, want) in cases {
        assert_eq!(
            parse_category(s).map(|c| (c.category, c.commune)),
            want,
            "{s}"
        );
    }
}

#[test]
fn gov_level_gender_yes_no() {
    assert_eq!(parse_gov_level("Cấp xã"), Some(GovLevel::Commune));
    assert_eq!(parse_gov_level("Xã"), Some(GovLevel::Commune));
    assert_eq!(parse_gov_level("Phường"), Some(GovLevel::Commune));
    assert_eq!(parse_gov_level("Huyện"), Some(GovLevel::District));
    assert_eq!(parse_gov_level("Thị xã"), Some(GovLevel::District));
    assert_eq!(parse_gov_level("Tỉnh"), Some(GovLevel::Province));
    assert_eq!(parse_gov_level("?"), None);
    assert_eq!(parse_gender("Nữ"), Some(Gender::Female));
    assert_eq!(parse_gender("NAM"), Some(Gender::Male));
    assert_eq!(parse_gender("x"), None);
    assert_eq!(parse_yes_no("x"), Some(true));
    assert_eq!(parse_yes_no("12/5/1999"), Some(true));
    assert_eq!(parse_yes_no(""), Some(false));
}
