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

/// The five classes of the civil-service grade ladder the statistical forms
/// count by (Law 80/2025 Art. 24; BM01/BNV columns 7–11, form 8B-BTCTW):
/// "Chuyên viên cao cấp và tương đương" … "Nhân viên".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// Chuyên viên cao cấp and equivalents (salary group A3).
    Senior,
    /// Chuyên viên chính and equivalents (A2).
    Principal,
    /// Chuyên viên and equivalents (A1).
    Specialist,
    /// Cán sự and equivalents (B).
    Clerk,
    /// Nhân viên (C).
    Staff,
}

impl Rank {
    /// Every class, top of the ladder first (the forms' column order).
    pub const ALL: [Self; 5] = [
        Self::Senior,
        Self::Principal,
        Self::Specialist,
        Self::Clerk,
        Self::Staff,
    ];
}

/// The class of each grade code known here.
const RANK_OF_CODE: &[(&str, Rank)] = &[
    ("01.001", Rank::Senior),
    ("01.002", Rank::Principal),
    ("01.003", Rank::Specialist),
    ("01.004", Rank::Clerk),
    ("01.005", Rank::Staff),
    ("06.029", Rank::Senior),
    ("06.030", Rank::Principal),
    ("06.031", Rank::Specialist),
    ("06.032", Rank::Clerk),
    ("06.039", Rank::Clerk),
    ("08.052", Rank::Clerk),
    ("07.044", Rank::Senior),
    ("07.045", Rank::Principal),
    ("07.046", Rank::Specialist),
];

/// Administrative grades whose ladder reads "‹base› cao cấp / ‹base› chính /
/// ‹base› / ‹base› trung cấp" (folded): the "tương đương" grades named in
/// TT 2/2021/TT-BNV and the specialised circulars of ../shared/domain.md §4.
const LADDER_BASES: &[&str] = &[
    "chuyen vien",
    "thanh tra vien",
    "kiem toan vien",
    "ke toan vien",
    "kiem soat vien",
    "kiem tra vien",
    "van thu vien",
    "luu tru vien",
    "tham tra vien",
];

/// The class of a grade, by its code, else by its name when the name is on a
/// known ladder ("Thanh tra viên chính", "Kế toán viên trung cấp", "Cán sự",
/// "Nhân viên"); anything else — professional titles of viên chức ("Giáo
/// viên hạng II"), "Chuyên gia cao cấp", an unknown code with no such name,
/// "Nhân viên hợp đồng" — has no class and is counted apart, never guessed.
#[must_use]
pub fn rank(code: Option<&str>, name: Option<&str>) -> Option<Rank> {
    if let Some(code) = code.map(str::trim)
        && let Some(&(_, r)) = RANK_OF_CODE.iter().find(|(c, _)| *c == code)
    {
        return Some(r);
    }
    let folded = super::text::fold(name?);
    // Words after the ladder's base name (a field after the grade, as in
    // "Kiểm tra viên trung cấp thuế", is allowed only for the forms
    // the circulars use: "thue", "hai quan", "ngan hang").
    let field = |rest: &str| -> String {
        let rest = rest.trim();
        let rest = ["thue", "hai quan", "ngan hang"]
            .iter()
            .find_map(|f| rest.strip_suffix(f))
            .unwrap_or(rest);
        rest.trim().to_string()
    };
    if folded == "can su" || folded.starts_with("can su ") {
        return Some(Rank::Clerk);
    }
    if folded == "nhan vien" {
        return Some(Rank::Staff);
    }
    for base in LADDER_BASES {
        let Some(rest) = folded.strip_prefix(base) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with(' ')) {
            continue;
        }
        return match field(rest).as_str() {
            "cao cap" => Some(Rank::Senior),
            "chinh" => Some(Rank::Principal),
            "" => Some(Rank::Specialist),
            "trung cap" => Some(Rank::Clerk),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Rank, rank};

    #[test]
    fn ranks_by_code_then_by_name_and_never_guessed() {
        let cases: &[(Option<&str>, Option<&str>, Option<Rank>)] = &[
            (Some("01.002"), None, Some(Rank::Principal)),
            (Some(" 01.005 "), Some("x"), Some(Rank::Staff)),
            (Some("06.032"), None, Some(Rank::Clerk)),
            (
                Some("99.999"),
                Some("Chuyên viên chính"),
                Some(Rank::Principal),
            ),
            (None, Some("Chuyên viên cao cấp"), Some(Rank::Senior)),
            (None, Some("CHUYÊN VIÊN"), Some(Rank::Specialist)),
            (None, Some("Thanh tra viên chính"), Some(Rank::Principal)),
            (
                None,
                Some("Kiểm tra viên trung cấp thuế"),
                Some(Rank::Clerk),
            ),
            (
                None,
                Some("Kiểm soát viên cao cấp ngân hàng"),
                Some(Rank::Senior),
            ),
            (None, Some("Văn thư viên"), Some(Rank::Specialist)),
            (None, Some("Cán sự"), Some(Rank::Clerk)),
            (None, Some("Nhân viên"), Some(Rank::Staff)),
            (None, Some("Nhân viên hợp đồng"), None),
            (None, Some("Chấp hành viên trung cấp"), None),
            (None, Some("Giáo viên THCS hạng II"), None),
            (None, Some("Chuyên gia cao cấp"), None),
            (None, Some("Chuyên viên về tài chính"), None),
            (None, Some("Chuyên viênchính"), None),
            (None, Some("Kỹ thuật viên"), None),
            (Some("V.07.03.28"), None, None),
            (None, None, None),
        ];
        for (code, name, want) in cases {
            assert_eq!(rank(*code, *name), *want, "{code:?} {name:?}");
        }
    }
}
