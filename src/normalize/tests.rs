//! Unit names, their keys and levels; general-education grades.

use super::*;

#[test]
fn a_commune_and_its_committee_are_one_unit() {
    assert_eq!(unit_key("UBND xã Nông Hạ"), unit_key("Xã Nông Hạ"));
    assert_eq!(unit_key("Ủy ban nhân dân phường A"), unit_key("phường A"));
    assert_ne!(unit_key("UBND xã A"), unit_key("Đảng ủy xã A"));
}

#[test]
fn unit_names_give_levels() {
    assert_eq!(
        level_from_unit_name("UBND xã Dương Quang"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("Phường Đức Xuân"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("Phòng Nội vụ thị xã Bắc Kạn"),
        Some(GovLevel::District)
    );
    assert_eq!(level_from_unit_name("Phòng Nội vụ"), None);
    assert_eq!(
        level_from_unit_name("UBND xã Huyền Tụng"),
        Some(GovLevel::Commune)
    );
    assert_eq!(
        level_from_unit_name("UBND huyện Chợ Đồn"),
        Some(GovLevel::District)
    );
    assert_eq!(level_from_unit_name("Sở Nội vụ"), Some(GovLevel::Province));
    assert_eq!(
        level_from_unit_name("Ban Quản lý chợ thị xã"),
        Some(GovLevel::District)
    );
}

#[test]
fn general_grades() {
    assert!(is_general_grade("12/12"));
    assert!(is_general_grade("9/12"));
    assert!(!is_general_grade("05/12/1970"));
}
