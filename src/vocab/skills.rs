//! What the statistical forms count that rosters write as free text:
//! ethnicity (Kinh or a minority), IT skill and foreign languages by level,
//! and the hạng of a viên chức's professional title.
//!
//! Each reader returns `None` when the text says nothing it can read: such a
//! person is "unknown" in the forms' reconciliation lines, never a guess.

use super::text::fold;

/// Ethnicity: `Some(false)` for Kinh, `Some(true)` for any other group named,
/// `None` for an empty cell.
#[must_use]
pub fn is_minority(ethnicity: &str) -> Option<bool> {
    let f = fold(ethnicity);
    let f = f.trim_start_matches("dan toc ").trim();
    match f {
        "" | "-" | "?" | "khong ro" => None,
        "kinh" | "viet" | "viet kinh" | "viet (kinh)" | "nguoi kinh" => Some(false),
        _ => Some(true),
    }
}

/// A level of IT skill or of a language, as BM01/BNV counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkillLevel {
    /// None held ("Không", "Chưa").
    None,
    /// A certificate (A, B, C; A1…C2; "chứng chỉ", "cơ bản", "nâng cao").
    Certificate,
    /// A degree: trung cấp or above for IT, đại học or above for languages.
    Degree,
}

impl SkillLevel {
    /// The level as the staff table stores it (0, 1, 2).
    #[must_use]
    pub fn rank(self) -> i8 {
        match self {
            SkillLevel::None => 0,
            SkillLevel::Certificate => 1,
            SkillLevel::Degree => 2,
        }
    }
}

fn has_word(f: &str, words: &[&str]) -> bool {
    f.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| words.contains(&w))
}

fn is_none_text(f: &str) -> bool {
    matches!(f, "khong" | "chua" | "chua co" | "khong co" | "0" | "-")
}

/// IT skill: a degree is trung cấp or above ("Trung cấp tin học", "Đại học
/// CNTT", "Kỹ sư tin học"); a certificate is any certificate or the basic
/// and advanced IT-use standards (TT 03/2014/TT-BTTTT).
#[must_use]
pub fn it_level(text: &str) -> Option<SkillLevel> {
    let f = fold(text);
    let f = f.trim();
    if f.is_empty() {
        return None;
    }
    if is_none_text(f) {
        return Some(SkillLevel::None);
    }
    let degree = [
        "trung cap",
        "cao dang",
        "dai hoc",
        "thac si",
        "tien si",
        "cu nhan",
        "ky su",
    ];
    if degree.iter().any(|d| f.contains(d)) {
        return Some(SkillLevel::Degree);
    }
    let cert = ["chung chi", "co ban", "nang cao", "ung dung", "ic3", "mos"];
    if cert.iter().any(|c| f.contains(c)) || has_word(f, &["a", "b", "c", "cc", "ktv"]) {
        return Some(SkillLevel::Certificate);
    }
    None
}

/// One language written in a roster cell: English or another, and its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// English (tiếng Anh, Anh văn).
    pub english: bool,
    /// Level, when the text says one.
    pub level: Option<SkillLevel>,
}

/// The languages of a cell ("Anh B", "Tiếng Anh B1, Pháp C", "Cử nhân
/// tiếng Anh", "Đại học Anh văn"); `None` for an empty cell, `Some([])` for
/// "Không". A part without a language's name but with a level (a bare "B")
/// is read as English, the language such bare levels refer to.
#[must_use]
pub fn languages(text: &str) -> Option<Vec<Language>> {
    let f = fold(text);
    let f = f.trim();
    if f.is_empty() {
        return None;
    }
    if is_none_text(f) {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    // Split before folding: folding turns the separators into spaces.
    for part in text.split([',', ';', '+', '/', '\n']) {
        let p = fold(part);
        let p = p.trim();
        if p.is_empty() || is_none_text(p) {
            continue;
        }
        let english = has_word(p, &["anh", "english", "ta", "av"]);
        let other_named = has_word(
            p,
            &[
                "phap",
                "nga",
                "trung",
                "hoa",
                "nhat",
                "han",
                "duc",
                "lao",
                "khmer",
                "campuchia",
                "thai",
            ],
        ) || p.contains("tay ban nha");
        let degree = ["dai hoc", "cu nhan", "thac si", "tien si"]
            .iter()
            .any(|d| p.contains(d))
            || has_word(p, &["dh"]);
        let cert = p.contains("chung chi")
            || p.contains("toeic")
            || p.contains("ielts")
            || p.contains("toefl")
            || p.contains("bac ")
            || has_word(
                p,
                &[
                    "a", "b", "c", "a1", "a2", "b1", "b2", "c1", "c2", "cc", "hsk",
                ],
            );
        let level = if degree {
            Some(SkillLevel::Degree)
        } else if cert {
            Some(SkillLevel::Certificate)
        } else {
            None
        };
        if english || other_named || level.is_some() {
            out.push(Language {
                english: english || !other_named,
                level,
            });
        }
    }
    if out.is_empty() { None } else { Some(out) }
}

/// The highest level held in English and in other languages: (English,
/// other). A side with no language of its kind is `Some(SkillLevel::None)`;
/// a language named without a level is `None` (unknown). The whole is
/// `None` when the cell is empty or unreadable.
#[must_use]
pub fn language_levels(text: &str) -> Option<(Option<SkillLevel>, Option<SkillLevel>)> {
    let langs = languages(text)?;
    let best = |english: bool| {
        let mut any = false;
        let mut best: Option<SkillLevel> = Some(SkillLevel::None);
        for l in langs.iter().filter(|l| l.english == english) {
            any = true;
            best = match (best, l.level) {
                (Some(b), Some(x)) => Some(b.max(x)),
                // A language named without a level: its level is unknown
                // unless another entry already gives one.
                (Some(SkillLevel::None), None) => None,
                (b, _) => b,
            };
        }
        if any { best } else { Some(SkillLevel::None) }
    };
    Some((best(true), best(false)))
}

/// The hạng (I–V) of a viên chức's professional title, from its name
/// ("Giáo viên THCS hạng II", "Bác sĩ hạng III", "hạng 2").
#[must_use]
pub fn title_class(grade: &str) -> Option<u8> {
    let f = fold(grade);
    let i = f.find("hang ")?;
    let rest = f[i + 5..].trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    match word.as_str() {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        "v" | "5" => Some(5),
        _ => None,
    }
}

/// Whether a folded title (chức vụ) is a leader's: head or deputy of a
/// body ("Chủ tịch", "Phó Bí thư", "Trưởng phòng", "Phó Giám đốc", "Hiệu
/// trưởng", "Chánh Văn phòng", "Chỉ huy trưởng Quân sự"). A title held
/// "kiêm" another is read part by part.
#[must_use]
pub fn is_leader_title(folded: &str) -> bool {
    const HEADS: &[&str] = &[
        "chu tich",
        "bi thu",
        "truong ",
        "giam doc",
        "hieu truong",
        "chanh ",
        "tram truong",
        "chi huy truong",
        "thu truong",
        "tong bien tap",
    ];
    folded.split(" kiem ").any(|part| {
        let t = part.trim();
        let t = t.strip_prefix("pho ").unwrap_or(t);
        t == "truong" || HEADS.iter().any(|h| t.starts_with(h))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn leaders_by_title() {
        use crate::text::fold;
        for t in [
            "Chủ tịch UBND",
            "Phó Chủ tịch HĐND",
            "Bí thư Đảng ủy",
            "Phó Bí thư Đoàn",
            "Trưởng phòng",
            "Phó Trưởng phòng",
            "Giám đốc",
            "Phó Hiệu trưởng",
            "Chánh Văn phòng",
            "Chỉ huy trưởng Quân sự",
            "Công chức Tư pháp kiêm Phó Chủ tịch Hội",
        ] {
            assert!(super::is_leader_title(&fold(t)), "{t}");
        }
        for t in [
            "Chuyên viên",
            "Giáo viên",
            "Văn phòng - Thống kê",
            "Kế toán",
            "Phó",
        ] {
            assert!(!super::is_leader_title(&fold(t)), "{t}");
        }
    }

    use super::*;

    #[test]
    fn ethnicity() {
        assert_eq!(is_minority("Kinh"), Some(false));
        assert_eq!(is_minority("Dân tộc Kinh"), Some(false));
        assert_eq!(is_minority("Tày"), Some(true));
        assert_eq!(is_minority("  "), None);
    }

    #[test]
    fn it_levels() {
        assert_eq!(it_level("Trung cấp tin học"), Some(SkillLevel::Degree));
        assert_eq!(it_level("Đại học CNTT"), Some(SkillLevel::Degree));
        assert_eq!(it_level("Chứng chỉ B"), Some(SkillLevel::Certificate));
        assert_eq!(it_level("B"), Some(SkillLevel::Certificate));
        assert_eq!(
            it_level("Ứng dụng CNTT cơ bản"),
            Some(SkillLevel::Certificate)
        );
        assert_eq!(it_level("Không"), Some(SkillLevel::None));
        assert_eq!(it_level(""), None);
        assert_eq!(it_level("biết sử dụng"), None);
    }

    #[test]
    fn language_levels_by_group() {
        use SkillLevel::*;
        assert_eq!(
            language_levels("Anh B"),
            Some((Some(Certificate), Some(None)))
        );
        assert_eq!(
            language_levels("Tiếng Anh B1, Pháp C"),
            Some((Some(Certificate), Some(Certificate)))
        );
        assert_eq!(
            language_levels("Cử nhân tiếng Anh"),
            Some((Some(Degree), Some(None)))
        );
        assert_eq!(
            language_levels("Đại học tiếng Trung"),
            Some((Some(None), Some(Degree)))
        );
        assert_eq!(language_levels("B"), Some((Some(Certificate), Some(None))));
        assert_eq!(language_levels("Không"), Some((Some(None), Some(None))));
        assert_eq!(language_levels(""), Option::None);
    }

    #[test]
    fn title_classes() {
        assert_eq!(title_class("Giáo viên THCS hạng II"), Some(2));
        assert_eq!(title_class("Bác sĩ hạng III"), Some(3));
        assert_eq!(title_class("Giáo viên mầm non hạng IV"), Some(4));
        assert_eq!(title_class("Chuyên viên"), None);
    }
}
