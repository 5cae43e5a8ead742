//! Professional education: its levels, the ways rosters write them, courses in progress.

#[allow(clippy::wildcard_imports)]
use super::*;

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
