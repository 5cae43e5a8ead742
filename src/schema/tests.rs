//! Headers matched in any spelling; user aliases.

use super::*;

#[test]
fn headers_match_in_any_spelling() {
    let m = HeaderMatcher::new(&ColumnAliases::default());
    let cases = [
        ("Họ và tên", Some(Field::FullName)),
        ("HỌ VÀ TÊN", Some(Field::FullName)),
        ("Ho va ten", Some(Field::FullName)),
        ("Họ và tên (2)", Some(Field::FullName)),
        ("Cơ quan/đơn vị", Some(Field::Unit)),
        ("Trình độ chuyên môn", Some(Field::Education)),
        ("trinh do  CHUYEN MON", Some(Field::Education)),
        ("Ngày sinh (dd/mm/yyyy)", Some(Field::BirthDate)),
        ("Mã ngạch", Some(Field::GradeCode)),
        ("Số định danh cá nhân", Some(Field::NationalId)),
        ("full name", Some(Field::FullName)),
        ("education", Some(Field::Education)),
        ("STT", Some(Field::RowNumber)),
        ("Ghi chú", None),
        ("", None),
    ];
    for (h, want) in cases {
        assert_eq!(m.field(h), want, "{h}");
    }
}

#[test]
fn user_aliases_extend_and_unknown_fields_fail() {
    let extra: ColumnAliases = toml::from_str("[aliases]\nfull_name = [\"Tên cán bộ\"]\n").unwrap();
    let m = HeaderMatcher::new(&extra);
    assert_eq!(m.field("TÊN CÁN BỘ"), Some(Field::FullName));
    assert!(toml::from_str::<ColumnAliases>("[aliases]\nfull_nam = [\"x\"]\n").is_err());
    assert!(toml::from_str::<ColumnAliases>("[alias]\nfull_name = [\"x\"]\n").is_err());
}
