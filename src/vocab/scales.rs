//! The domain's ordered scales and categories, and how each is read from the
//! many ways rosters type them.
//!
//! Every parser takes cleaned cell text and returns `None` when the text
//! cannot be read; the caller turns that into an `unknown` value and a data
//! issue, never into "not qualified". The accepted spellings are folded ASCII
//! keys (no diacritics), so they match any case, tone placement or encoding.

use serde::{Deserialize, Serialize};

use crate::text::{fold, fold_compact};

/// Professional education (trình độ chuyên môn), lowest to highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    ChuaQuaDaoTao,
    SoCap,
    TrungCap,
    CaoDang,
    DaiHoc,
    ThacSi,
    TienSi,
}

impl Education {
    /// Highest first, as reports list them.
    pub const DESCENDING: [Education; 7] = [
        Education::TienSi,
        Education::ThacSi,
        Education::DaiHoc,
        Education::CaoDang,
        Education::TrungCap,
        Education::SoCap,
        Education::ChuaQuaDaoTao,
    ];

    /// Lowest first: a level's index is its rank.
    pub const ASCENDING: [Education; 7] = {
        let d = Self::DESCENDING;
        [d[6], d[5], d[4], d[3], d[2], d[1], d[0]]
    };

    /// Romanised snake-case key (`dai_hoc`), used in JSON and policy files.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Education::ChuaQuaDaoTao => "chua_qua_dao_tao",
            Education::SoCap => "so_cap",
            Education::TrungCap => "trung_cap",
            Education::CaoDang => "cao_dang",
            Education::DaiHoc => "dai_hoc",
            Education::ThacSi => "thac_si",
            Education::TienSi => "tien_si",
        }
    }

    /// Parses a key such as `trung_cap`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::DESCENDING.into_iter().find(|e| e.key() == key)
    }
}

/// Keywords for each education level, compact-folded (no spaces).
const EDUCATION_WORDS: &[(&str, Education)] = &[
    ("tiensikhoahoc", Education::TienSi),
    ("tiensi", Education::TienSi),
    ("tiensy", Education::TienSi),
    ("tskh", Education::TienSi),
    ("ts", Education::TienSi),
    ("phd", Education::TienSi),
    ("doctor", Education::TienSi),
    ("thacsi", Education::ThacSi),
    ("thacsy", Education::ThacSi),
    ("ths", Education::ThacSi),
    ("caohoc", Education::ThacSi),
    ("master", Education::ThacSi),
    ("tendaihoc", Education::ThacSi),
    ("trendaihoc", Education::ThacSi),
    ("daihoc", Education::DaiHoc),
    ("dh", Education::DaiHoc),
    ("dhsp", Education::DaiHoc),
    ("cunhan", Education::DaiHoc),
    ("kysu", Education::DaiHoc),
    ("kisu", Education::DaiHoc),
    ("bacsi", Education::DaiHoc),
    ("bacsy", Education::DaiHoc),
    ("duocsi", Education::DaiHoc),
    ("duocsy", Education::DaiHoc),
    ("kientrucsu", Education::DaiHoc),
    ("bachelor", Education::DaiHoc),
    ("university", Education::DaiHoc),
    ("caodang", Education::CaoDang),
    ("cd", Education::CaoDang),
    ("cdsp", Education::CaoDang),
    ("college", Education::CaoDang),
    ("trunghocchuyennghiep", Education::TrungCap),
    ("thcn", Education::TrungCap),
    ("trungcap", Education::TrungCap),
    ("tc", Education::TrungCap),
    ("socap", Education::SoCap),
    ("sc", Education::SoCap),
    ("chuaquadaotao", Education::ChuaQuaDaoTao),
    ("khongquadaotao", Education::ChuaQuaDaoTao),
    ("chuadaotao", Education::ChuaQuaDaoTao),
    ("laodongphothong", Education::ChuaQuaDaoTao),
    ("chuaco", Education::ChuaQuaDaoTao),
    ("chua", Education::ChuaQuaDaoTao),
    ("khong", Education::ChuaQuaDaoTao),
    ("none", Education::ChuaQuaDaoTao),
];

/// Study modes that are not a field of study ("Đại học tại chức").
const STUDY_MODES: &[&str] = &[
    "taichuc",
    "chinhquy",
    "tuxa",
    "vanbang2",
    "lienthong",
    "vualamvuahoc",
    "taptrung",
    "khongtaptrung",
    "nghe",
];

/// A professional education value read from a cell: the level and, when the
/// cell holds both ("ĐH Luật"), the field of study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EducationCell {
    /// The level.
    pub level: Education,
    /// The field of study given in the same cell, if any.
    pub field: Option<String>,
}

fn match_words(words: &[&str]) -> Option<Education> {
    let compact: String = words.iter().map(|w| fold_compact(w)).collect();
    EDUCATION_WORDS
        .iter()
        .find(|(k, _)| *k == compact)
        .map(|(_, e)| *e)
}

fn field_from(words: &[&str]) -> Option<String> {
    let text = words.join(" ");
    let text = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let compact = fold_compact(&text);
    (!compact.is_empty() && !STUDY_MODES.contains(&compact.as_str())).then_some(text)
}

/// Reads professional education: full names in any case and spelling, the
/// abbreviations, degree names, and cells holding level and field together.
#[must_use]
pub fn parse_education(s: &str) -> Option<EducationCell> {
    let spaced: String = s
        .chars()
        .map(|c| {
            if matches!(c, ',' | ';' | '/' | '-' | ':' | '(' | ')' | '+') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    // Every level keyword in the cell, scanned left to right, longest first.
    let n = words.len();
    let mut found: Vec<(usize, usize, Education)> = Vec::new();
    let mut i = 0;
    while i < n {
        match (1..=(n - i).min(5))
            .rev()
            .find_map(|k| match_words(&words[i..i + k]).map(|e| (k, e)))
        {
            Some((k, level)) => {
                found.push((i, k, level));
                i += k;
            }
            None => i += 1,
        }
    }
    match found.as_slice() {
        [] => None,
        // "Đại học Luật", "Luật (ĐH)", "Bằng đại học Luật": the rest is the field.
        [(start, k, level)] => {
            let field = if *start == 0 {
                field_from(&words[*k..])
            } else if start + k == n {
                field_from(&words[..*start])
            } else {
                field_from(&words[start + k..])
            };
            Some(EducationCell {
                level: *level,
                field,
            })
        }
        // Several levels in one cell ("Cử nhân Luật, Thạc sĩ QLC"): the highest counts.
        _ => found
            .iter()
            .map(|(_, _, e)| *e)
            .max()
            .map(|level| EducationCell { level, field: None }),
    }
}

/// An education cell naming a course in progress ("Trung cấp, đang học ĐH").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InProgress {
    /// The level held: what the cell says besides the course; `None` when it
    /// says nothing else ("Đang học Đại học").
    pub attained: Option<EducationCell>,
    /// The level being studied.
    pub studying: Education,
}

/// Reads an education cell that names a course in progress: "Đang học Đại
/// học" (held: unknown), "Trung cấp, đang học ĐH" or "Trung cấp/đang học ĐH"
/// (held: trung cấp), "Đại học (đang học)", "ĐH (đang học năm 2)" or
/// "Trung cấp; ĐH đang học" (studying đại học; held: what is said before it).
/// The words "đang … học" (up to two words between, "đang tham gia học") or
/// "đang đào tạo" mark the course; the level studied is the first named after
/// them, else the last named before them. Once those words are there, the
/// course is never read as held. `None` when the cell names no course in
/// progress, or no level for it.
#[must_use]
pub fn parse_in_progress(s: &str) -> Option<InProgress> {
    // '.' separates only at the end of a word ("ĐH. Đang học"), not in "Th.S".
    let chars: Vec<char> = s.chars().collect();
    let spaced: String = chars
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let sep = matches!(c, ',' | ';' | '(' | ')' | '-' | ':' | '+' | '/')
                || (c == '.' && chars.get(k + 1).is_none_or(|n| n.is_whitespace()));
            if sep { ' ' } else { c }
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let (at, end) = (0..folded.len()).find_map(|i| {
        // "đang", not "đẳng" (cao đẳng) or "Đảng", which fold alike.
        if !matches!(words[i].to_lowercase().as_str(), "đang" | "dang") {
            return None;
        }
        (i + 1..(i + 4).min(folded.len())).find_map(|j| match folded[j].as_str() {
            "hoc" => Some((i, j + 1)),
            "dao" if folded.get(j + 1).is_some_and(|w| w == "tao") => Some((i, j + 2)),
            _ => None,
        })
    })?;
    let (before, after) = (&words[..at], &words[end..]);
    let read = |w: &[&str]| {
        if w.is_empty() {
            None
        } else {
            parse_education(&w.join(" "))
        }
    };
    // The first level named after the words…
    if let Some(course) = (1..=after.len()).find_map(|k| read(&after[..k])) {
        return Some(InProgress {
            attained: read(before),
            studying: course.level,
        });
    }
    // …else the last one named before them; what precedes it is held.
    (0..before.len()).rev().find_map(|k| {
        read(&before[k..]).map(|course| InProgress {
            attained: read(&before[..k]),
            studying: course.level,
        })
    })
}

/// Political theory (lý luận chính trị), lowest to highest; `None` = none held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoliticalTheory {
    None,
    SoCap,
    TrungCap,
    CaoCap,
}

impl PoliticalTheory {
    /// Romanised key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            PoliticalTheory::None => "none",
            PoliticalTheory::SoCap => "so_cap",
            PoliticalTheory::TrungCap => "trung_cap",
            PoliticalTheory::CaoCap => "cao_cap",
        }
    }
}

fn is_none_word(compact: &str) -> bool {
    matches!(
        compact,
        "" | "khong"
            | "chua"
            | "chuaco"
            | "chuaqua"
            | "chuaquadaotao"
            | "chuahoc"
            | "kh"
            | "no"
            | "none"
    )
}

/// Reads political theory. Cử nhân counts with Cao cấp. An empty cell means
/// none held.
#[must_use]
pub fn parse_political_theory(s: &str) -> Option<PoliticalTheory> {
    let c = fold_compact(s);
    if s.trim().is_empty() || (!c.is_empty() && is_none_word(&c)) {
        return Some(PoliticalTheory::None);
    }
    if c.contains("caocap") || c.contains("cunhan") || c == "cc" {
        Some(PoliticalTheory::CaoCap)
    } else if c.contains("trungcap") || c == "tc" {
        Some(PoliticalTheory::TrungCap)
    } else if c.contains("socap") || c == "sc" {
        Some(PoliticalTheory::SoCap)
    } else {
        None
    }
}

/// State management (quản lý nhà nước), by the grade the programme is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateManagement {
    None,
    CanSu,
    ChuyenVien,
    ChuyenVienChinh,
    ChuyenVienCaoCap,
}

impl StateManagement {
    /// Romanised key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            StateManagement::None => "none",
            StateManagement::CanSu => "can_su",
            StateManagement::ChuyenVien => "chuyen_vien",
            StateManagement::ChuyenVienChinh => "chuyen_vien_chinh",
            StateManagement::ChuyenVienCaoCap => "chuyen_vien_cao_cap",
        }
    }
}

/// Reads state management. An empty cell means none held.
#[must_use]
pub fn parse_state_management(s: &str) -> Option<StateManagement> {
    let c = fold_compact(s);
    if s.trim().is_empty() || (!c.is_empty() && is_none_word(&c)) {
        return Some(StateManagement::None);
    }
    if c.contains("chuyenviencaocap") || c == "cvcc" {
        Some(StateManagement::ChuyenVienCaoCap)
    } else if c.contains("chuyenvienchinh") || c == "cvc" {
        Some(StateManagement::ChuyenVienChinh)
    } else if c.contains("chuyenvien") || c == "cv" {
        Some(StateManagement::ChuyenVien)
    } else if c.contains("cansu") || c == "cs" {
        Some(StateManagement::CanSu)
    } else {
        None
    }
}

/// Personnel category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CanBo,
    CongChuc,
    VienChuc,
    HopDong,
    KhongChuyenTrach,
    /// Not said by any column, heading or title: the row is kept and counted,
    /// in no category's population.
    Unknown,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 6] = [
        Category::CanBo,
        Category::CongChuc,
        Category::VienChuc,
        Category::HopDong,
        Category::KhongChuyenTrach,
        Category::Unknown,
    ];

    /// Romanised key (`can_bo`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Category::CanBo => "can_bo",
            Category::CongChuc => "cong_chuc",
            Category::VienChuc => "vien_chuc",
            Category::HopDong => "hop_dong",
            Category::KhongChuyenTrach => "khong_chuyen_trach",
            Category::Unknown => "unknown",
        }
    }

    /// Parses a key such as `cong_chuc`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A category cell: the category and whether it names the commune level
/// ("công chức cấp xã").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryCell {
    /// The category.
    pub category: Category,
    /// The text itself says commune level.
    pub commune: bool,
}

/// Reads a category. A cell naming two categories ("Cán bộ, công chức") is
/// ambiguous and unreadable.
#[must_use]
pub fn parse_category(s: &str) -> Option<CategoryCell> {
    let f = fold(s);
    let c = f.replace(' ', "");
    let padded = format!(" {f} ");
    let commune = ["cap xa", " xa ", " phuong ", " thi tran "]
        .iter()
        .any(|k| padded.contains(k))
        && !padded.contains(" thi xa ");
    // "Cán bộ quản lý" names a school's or hospital's managers (viên chức),
    // not cán bộ: ambiguous, unread.
    if c.contains("canboquanly") {
        return None;
    }
    if c.contains("khongchuyentrach")
        || c.contains("banchuyentrach")
        || c.contains("hdkct")
        || c == "kct"
        || c == "bct"
        || padded.contains(" kct ")
        || padded.contains(" bct ")
        || c.starts_with("nguoihoatdongkhong")
    {
        return Some(CategoryCell {
            category: Category::KhongChuyenTrach,
            commune: true,
        });
    }
    let mut found = Vec::new();
    if c.contains("canbo") || c == "cb" || c.starts_with("cbxa") || c.starts_with("cbcapxa") {
        found.push(Category::CanBo);
    }
    if c.contains("congchuc") || c == "cc" || c.starts_with("ccxa") || c.starts_with("cccapxa") {
        found.push(Category::CongChuc);
    }
    if c.contains("vienchuc") || c == "vc" {
        found.push(Category::VienChuc);
    }
    if c.contains("hopdong")
        || c == "hd"
        || c.starts_with("hd68")
        || c.starts_with("hdld")
        || c == "hd111"
    {
        found.push(Category::HopDong);
    }
    match found.as_slice() {
        [one] => Some(CategoryCell {
            category: *one,
            commune,
        }),
        _ => None,
    }
}

/// The category a section heading names: its text, after a section label
/// ("I.", "A)", "1 -", "PHẦN III:"), must begin with a category's words
/// ("CÁN BỘ", "Công chức chuyên môn", "Người hoạt động không chuyên trách",
/// "Hợp đồng"), so that a person named "Nguyễn Công Chúc" is no heading.
#[must_use]
pub fn heading_category(text: &str) -> Option<CategoryCell> {
    let rest = crate::text::without_section_label(text);
    let f = format!("{} ", fold(rest).replace(['.', ':', ',', '-'], " "));
    let starts = [
        "can bo ",
        "cong chuc ",
        "vien chuc ",
        "hop dong ",
        "nguoi hoat dong ",
        "nguoi hdkct ",
        "hdkct ",
        "khong chuyen trach ",
        "lao dong hop dong ",
        "nhan vien hop dong ",
        "cb ",
        "cc ",
        "vc ",
        "hd ",
    ];
    if !starts.iter().any(|p| f.starts_with(p)) {
        return None;
    }
    parse_category(rest)
}

/// Government level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovLevel {
    #[serde(rename = "trung_uong")]
    Central,
    #[serde(rename = "tinh")]
    Province,
    #[serde(rename = "huyen")]
    District,
    #[serde(rename = "xa")]
    Commune,
}

impl GovLevel {
    /// Every level, top down.
    pub const ALL: [GovLevel; 4] = [
        GovLevel::Central,
        GovLevel::Province,
        GovLevel::District,
        GovLevel::Commune,
    ];

    /// Romanised key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            GovLevel::Central => "trung_uong",
            GovLevel::Province => "tinh",
            GovLevel::District => "huyen",
            GovLevel::Commune => "xa",
        }
    }

    /// Parses a key such as `xa`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Reads a government level ("Cấp xã", "Huyện", "Tỉnh").
#[must_use]
pub fn parse_gov_level(s: &str) -> Option<GovLevel> {
    let f = fold(s);
    let f = f.strip_prefix("cap ").unwrap_or(&f);
    let padded = format!(" {f} ");
    if padded.contains(" trung uong ") || f == "tw" {
        Some(GovLevel::Central)
    } else if padded.contains(" tinh ") || padded.contains(" thanh pho truc thuoc trung uong ") {
        Some(GovLevel::Province)
    } else if padded.contains(" huyen ") || padded.contains(" quan ") || padded.contains(" thi xa ")
    {
        Some(GovLevel::District)
    } else if padded.contains(" xa ")
        || padded.contains(" phuong ")
        || padded.contains(" thi tran ")
        || padded.contains(" dac khu ")
    {
        Some(GovLevel::Commune)
    } else {
        None
    }
}

/// Gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// Reads a gender.
#[must_use]
pub fn parse_gender(s: &str) -> Option<Gender> {
    match fold(s).as_str() {
        "nam" | "m" | "male" | "trai" | "gioi tinh nam" => Some(Gender::Male),
        "nu" | "f" | "female" | "gai" | "gioi tinh nu" => Some(Gender::Female),
        _ => None,
    }
}

/// Reads a yes/no mark ("x", "Có", "Đảng viên", a date of admission).
#[must_use]
pub fn parse_yes_no(s: &str) -> Option<bool> {
    let f = fold(s);
    match f.as_str() {
        "" | "khong" | "0" | "no" | "n" | "chua" => Some(false),
        "x" | "co" | "1" | "yes" | "y" | "dang vien" | "dv" | "la dang vien" => Some(true),
        _ if f.chars().any(|c| c.is_ascii_digit()) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
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
        let read =
            |s: &str| parse_in_progress(s).map(|p| (p.attained.map(|a| a.level), p.studying));
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
            ("Cử nhân", Some(P::CaoCap)),
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
}
