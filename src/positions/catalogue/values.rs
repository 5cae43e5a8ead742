//! A catalogue's cell values read: kinds of position, agencies, lists,
//! professional levels, and the requirements a row gives.

use super::columns::Col;
#[allow(clippy::wildcard_imports)]
use super::*;

/// The kind of position a text names ("lãnh đạo, quản lý", "hỗ trợ, phục vụ",
/// or a kind's id).
pub(super) fn kind_from_text(s: &str) -> Option<PositionKind> {
    let f = fold(s);
    if f.contains("lanh dao") || (f.contains("quan ly") && !f.contains("chuyen mon")) {
        Some(PositionKind::LanhDaoQuanLy)
    } else if f.contains("dung chung") {
        Some(PositionKind::ChuyenMonDungChung)
    } else if f.contains("chuyen nganh") || f.contains("chuyen mon") {
        Some(PositionKind::ChuyenMonChuyenNganh)
    } else if f.contains("ho tro") || f.contains("phuc vu") {
        Some(PositionKind::HoTroPhucVu)
    } else {
        serde_plain_kind(&f.replace(' ', "_"))
    }
}

/// A kind by its id ("lanh_dao_quan_ly").
fn serde_plain_kind(s: &str) -> Option<PositionKind> {
    match s {
        "lanh_dao_quan_ly" => Some(PositionKind::LanhDaoQuanLy),
        "chuyen_mon_chuyen_nganh" => Some(PositionKind::ChuyenMonChuyenNganh),
        "chuyen_mon_dung_chung" => Some(PositionKind::ChuyenMonDungChung),
        "ho_tro_phuc_vu" => Some(PositionKind::HoTroPhucVu),
        _ => None,
    }
}

/// The agency a text names: a unit type ("type:…" or a type's name), else a
/// unit by its folded name.
pub(super) fn agency_ref(s: &str) -> AgencyRef {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("type:")
        && let Some(ty) = crate::units::parse_unit_type(rest)
    {
        return AgencyRef::Type(ty);
    }
    match crate::units::parse_unit_type(t) {
        Some(ty) => AgencyRef::Type(ty),
        None => AgencyRef::Unit(fold(t)),
    }
}

/// A cell's list: items separated by semicolons, line breaks or bars, or by
/// commas when no item holds " - ".
pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split([';', '\n', '|'])
        .flat_map(|p| {
            if p.contains(',') && !p.contains(" - ") {
                p.split(',').collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The professional levels a position uses: the lowest and highest level
/// named, in digits or Roman numerals ("Bậc 1 đến bậc 5", "Bậc I - bậc V",
/// "Bậc 1, 2, 3", "Bậc 3"); other numbers ("Nghị định 232/2026") are not
/// levels. "Không áp dụng bậc" → none; `Err` when nothing reads as a level.
pub(super) fn parse_levels(v: &str) -> std::result::Result<Option<(u8, u8)>, ()> {
    let f = fold(v);
    if f.starts_with("khong") {
        return Ok(None);
    }
    // Each word read as a person's level is (digits or Roman numerals, 1–5).
    let levels: Vec<u8> = f
        .split(' ')
        .filter_map(scales::parse_professional_level)
        .collect();
    match (levels.iter().min(), levels.iter().max()) {
        (Some(lo), Some(hi)) => Ok(Some((*lo, *hi))),
        _ => Err(()),
    }
}

/// The levels and counts a row gives, each checked against what its column
/// understands.
pub(super) struct Requirements {
    pub(super) levels: Option<(u8, u8)>,
    pub(super) kind: Option<PositionKind>,
    pub(super) education: Option<Education>,
    pub(super) political: Option<PoliticalTheory>,
    pub(super) state: Option<StateManagement>,
    pub(super) headcount: Option<u32>,
}

impl Requirements {
    /// Reads a row's requirements; an error names a cell whose value its
    /// column does not understand.
    pub(super) fn read(
        get: &dyn Fn(Col) -> Option<String>,
        header: &dyn Fn(Col) -> String,
        row: u32,
        err: &dyn Fn(u32, &str, String) -> Error,
    ) -> Result<Self> {
        let level = |k: Col, parse: &dyn Fn(&str) -> bool| -> Result<Option<String>> {
            match get(k) {
                Some(v) if !parse(&v) => Err(err(
                    row,
                    &header(k),
                    format!("\"{v}\" is not a level this column understands"),
                )),
                v => Ok(v),
            }
        };
        let education = level(Col::MinEducation, &|v| scales::parse_education(v).is_some())?;
        let political = level(Col::PoliticalTheory, &|v| {
            scales::parse_political_theory(v).is_some()
        })?;
        let state = level(Col::StateManagement, &|v| {
            scales::parse_state_management(v).is_some()
        })?;
        let headcount = match get(Col::Headcount) {
            Some(h) => Some(h.trim().parse::<u32>().map_err(|_| {
                err(
                    row,
                    &header(Col::Headcount),
                    format!("\"{h}\" is not a whole number"),
                )
            })?),
            None => None,
        };
        let kind = match get(Col::Kind) {
            Some(k) => Some(kind_from_text(&k).ok_or_else(|| {
                err(row, &header(Col::Kind), format!("\"{k}\": expected lãnh đạo, quản lý / chuyên môn, nghiệp vụ chuyên ngành / chuyên môn dùng chung / hỗ trợ, phục vụ"))
            })?),
            None => None,
        };
        // A levels cell that names no level leaves them unknown (noted by
        // the sheet's reader), never stops the catalogue.
        let levels = get(Col::Levels).and_then(|v| parse_levels(&v).ok().flatten());
        Ok(Self {
            levels,
            kind,
            education: education
                .and_then(|v| scales::parse_education(&v))
                .map(|e| e.level),
            political: political.and_then(|v| scales::parse_political_theory(&v)),
            state: state.and_then(|v| scales::parse_state_management(&v)),
            headcount,
        })
    }
}
