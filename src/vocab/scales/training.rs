//! Political theory and state management: their levels and spellings.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Political theory (lý luận chính trị), lowest to highest; `None` = none held.
/// Cử nhân (a bachelor's degree in politics) ranks with Cao cấp, the forms
/// count it in a column of its own (BM01 18, BM02 17): it comes after
/// Cao cấp, so "Cao cấp trở lên" (`at_least = "cao_cap"`) takes both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoliticalTheory {
    None,
    SoCap,
    TrungCap,
    CaoCap,
    CuNhan,
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
            PoliticalTheory::CuNhan => "cu_nhan",
        }
    }

    /// The level it stands for when a level is required or compared over
    /// time: Cử nhân is Cao cấp (a position asking for "cử nhân" takes Cao
    /// cấp, and Cao cấp → Cử nhân is no level gained).
    #[must_use]
    pub fn level(self) -> Self {
        match self {
            PoliticalTheory::CuNhan => PoliticalTheory::CaoCap,
            other => other,
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

/// Reads political theory. A cell naming Cử nhân alone is Cử nhân; with
/// Cao cấp ("Cao cấp, cử nhân", the forms' combined row; "Cao cấp hoặc cử
/// nhân") it is Cao cấp. An empty cell means none held.
#[must_use]
pub fn parse_political_theory(s: &str) -> Option<PoliticalTheory> {
    let c = fold_compact(s);
    if s.trim().is_empty() || (!c.is_empty() && is_none_word(&c)) {
        return Some(PoliticalTheory::None);
    }
    if c.contains("cunhan") && !c.contains("caocap") {
        Some(PoliticalTheory::CuNhan)
    } else if c.contains("caocap") || c == "cc" {
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
