use super::*;

#[test]
fn kinds_and_lists() {
    assert_eq!(
        kind_from_text("Lãnh đạo, quản lý"),
        Some(PositionKind::LanhDaoQuanLy)
    );
    assert_eq!(
        kind_from_text("Chuyên môn dùng chung"),
        Some(PositionKind::ChuyenMonDungChung)
    );
    assert_eq!(
        kind_from_text("Chuyên môn, nghiệp vụ chuyên ngành"),
        Some(PositionKind::ChuyenMonChuyenNganh)
    );
    assert_eq!(
        kind_from_text("Hỗ trợ, phục vụ"),
        Some(PositionKind::HoTroPhucVu)
    );
    assert_eq!(kind_from_text("xyz"), None);
    assert_eq!(split_list("01.003; 01.002"), vec!["01.003", "01.002"]);
    assert_eq!(split_list("Luật, Hành chính"), vec!["Luật", "Hành chính"]);
    assert_eq!(
        split_list("Tài chính - kế toán"),
        vec!["Tài chính - kế toán"]
    );
    assert_eq!(
        agency_ref("type:commune_committee"),
        AgencyRef::Type(UnitType::CommuneCommittee)
    );
    assert_eq!(
        agency_ref("UBND cấp xã"),
        AgencyRef::Type(UnitType::CommuneCommittee)
    );
    assert_eq!(
        agency_ref("Phòng Nội vụ"),
        AgencyRef::Unit("phong noi vu".into())
    );
}

#[test]
fn default_field_synonyms_do_not_chain() {
    let cat = Catalogue {
        accepted_fields: parse_field_synonyms(Path::new("default"), DEFAULT_FIELD_SYNONYMS)
            .unwrap(),
        ..Catalogue::default()
    };
    assert!(cat.field_accepted("Kinh tế", "Kinh tế nông nghiệp"));
    assert!(cat.field_accepted("Kinh tế", "Quản trị kinh doanh"));
    assert!(cat.field_accepted("Quản trị kinh doanh", "QUAN TRI KINH DOANH"));
    assert!(!cat.field_accepted("Quản trị kinh doanh", "Kinh tế nông nghiệp"));
    assert!(!cat.field_accepted("Quản trị kinh doanh", "Kinh tế"));
    assert!(cat.field_accepted("Luật", "Luật kinh tế"));
    assert!(!cat.field_accepted("Luật", "Kinh tế"));
}

#[test]
fn levels_as_catalogues_write_them() {
    assert_eq!(parse_levels("Bậc 1 đến bậc 5"), Ok(Some((1, 5))));
    assert_eq!(parse_levels("Bậc 3"), Ok(Some((3, 3))));
    assert_eq!(parse_levels("2-4"), Ok(Some((2, 4))));
    assert_eq!(parse_levels("Không áp dụng bậc"), Ok(None));
    assert_eq!(parse_levels("Bậc I - bậc V"), Ok(Some((1, 5))));
    assert_eq!(parse_levels("Bậc 1, 2, 3"), Ok(Some((1, 3))));
    assert_eq!(
        parse_levels("Bậc 1 - bậc 5 (Nghị định 232/2026)"),
        Ok(Some((1, 5)))
    );
    assert_eq!(parse_levels("Bậc 6"), Err(()));
    assert_eq!(parse_levels("Bậc cao"), Err(()));
}
