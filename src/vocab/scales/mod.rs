//! The domain's ordered scales and categories, and how each is read from the
//! many ways rosters type them.
//!
//! Every parser takes cleaned cell text and returns `None` when the text
//! cannot be read; the caller turns that into an `unknown` value and a data
//! issue, never into "not qualified". The accepted spellings are folded ASCII
//! keys (no diacritics), so they match any case, tone placement or encoding.

use serde::{Deserialize, Serialize};

use crate::text::{fold, fold_compact};

mod category;
mod education;
#[cfg(test)]
mod tests;
mod training;

pub use category::*;
pub use education::*;
pub use training::*;

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

/// A professional level (bậc nghề nghiệp, Decree 232/2026): "3", "Bậc 3",
/// "bậc III" → 3; 1 to 5 only.
#[must_use]
pub fn parse_professional_level(s: &str) -> Option<u8> {
    let f = crate::text::fold(s);
    let f = f.strip_prefix("bac ").unwrap_or(&f).trim();
    let n = match f {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "v" => 5,
        _ => f.parse::<u8>().ok()?,
    };
    (1..=5).contains(&n).then_some(n)
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
