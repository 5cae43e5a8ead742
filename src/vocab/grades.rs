//! Grades (ngạch) by code: domain data (the official names are what rosters
//! write and reports show).

/// Grades by code: (code, Vietnamese name, English name). Codes from
/// ../shared/domain.md §4; 01.005 and the 06.029–06.031 ladder are marked there
/// as unconfirmed.
pub const GRADES: &[(&str, &str, &str)] = &[
    ("01.001", "Chuyên viên cao cấp", "Senior specialist"),
    ("01.002", "Chuyên viên chính", "Principal specialist"),
    ("01.003", "Chuyên viên", "Specialist"),
    ("01.004", "Cán sự", "Clerk"),
    ("01.005", "Nhân viên", "Staff"),
    ("06.029", "Kế toán viên cao cấp", "Senior accountant"),
    ("06.030", "Kế toán viên chính", "Principal accountant"),
    ("06.031", "Kế toán viên", "Accountant"),
    ("06.032", "Kế toán viên trung cấp", "Associate accountant"),
    (
        "06.039",
        "Kiểm tra viên trung cấp thuế",
        "Associate tax inspector",
    ),
    (
        "08.052",
        "Kiểm tra viên trung cấp hải quan",
        "Associate customs inspector",
    ),
    (
        "07.044",
        "Kiểm soát viên cao cấp ngân hàng",
        "Senior bank controller",
    ),
    (
        "07.045",
        "Kiểm soát viên chính ngân hàng",
        "Principal bank controller",
    ),
    ("07.046", "Kiểm soát viên ngân hàng", "Bank controller"),
];

/// The Vietnamese name of a grade code.
#[must_use]
pub fn grade_name(code: &str) -> Option<&'static str> {
    GRADES.iter().find(|g| g.0 == code.trim()).map(|g| g.1)
}

/// The code of a grade, by its folded name.
#[must_use]
pub fn grade_code(folded_name: &str) -> Option<&'static str> {
    GRADES
        .iter()
        .find(|g| super::text::fold(g.1) == folded_name)
        .map(|g| g.0)
}
