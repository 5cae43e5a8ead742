//! Whose positions a catalogue sheet lists, when no column says: the agency
//! its title names ("DANH MỤC VỊ TRÍ VIỆC LÀM CỦA PHÒNG NỘI VỤ"), else its
//! sheet's name, else its file's name, else the one given on the command
//! line. Also the kind of position a title or section row names.

use crate::ingest::{RawSheet, RawValue};
use crate::text::fold;
use crate::vocab::unit_names::{
    is_motto_or_date, split_unit, unit_case, unit_in_name, unit_in_title,
};

use super::PositionKind;
use super::values::kind_from_text;

/// Where a sheet's agency was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AgencySource {
    Title,
    SheetName,
    FileName,
    Given,
}

/// The texts of the rows above the header, each row's cells joined.
fn title_lines(sheet: &RawSheet, header_row: usize) -> Vec<String> {
    (0..header_row)
        .map(|r| {
            (0..sheet.columns.len())
                .filter_map(|c| sheet.cell(r, c).and_then(RawValue::as_text))
                .map(str::trim)
                .filter(|t| !t.is_empty() && !is_motto_or_date(&fold(t)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The agency a title line names after "của" ("… CỦA PHÒNG NỘI VỤ THỊ XÃ
/// BẮC KẠN" → "Phòng Nội vụ thị xã Bắc Kạn"), else a unit it names; never
/// the approving decision's line "(Kèm theo Quyết định số … của UBND …)".
fn agency_in_title(line: &str) -> Option<String> {
    let f = fold(line);
    if line.trim_start().starts_with('(') || f.starts_with("kem theo") {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let after = words
        .iter()
        .rposition(|w| fold(w) == "cua")
        .map(|i| words[i + 1..].join(" "));
    let named = match after {
        Some(rest) if !rest.is_empty() => {
            // Up to a bracket or a year ("NĂM 2025").
            let rest = rest.split(['(', '[']).next().unwrap_or(&rest).trim();
            unit_in_title(rest).or_else(|| (!rest.is_empty()).then(|| rest.to_string()))
        }
        _ if f.starts_with("danh muc") || f.contains("vi tri viec lam") => unit_in_title(line),
        _ => None,
    }?;
    let (name, _) = split_unit(&named);
    let name = name.trim_end_matches(['.', ',', ':', ';']).trim();
    (!name.is_empty()).then(|| unit_case(name))
}

/// A sheet's agency when no column gives it, and where it was found.
pub(super) fn sheet_agency(
    sheet: &RawSheet,
    header_row: usize,
    file_stem: &str,
    given: Option<&str>,
) -> Option<(String, AgencySource)> {
    let lines = title_lines(sheet, header_row);
    if let Some(a) = lines.iter().find_map(|l| agency_in_title(l)) {
        return Some((a, AgencySource::Title));
    }
    // A sheet named for a kind of position ("Chuyên môn") names no agency.
    if kind_from_text(&sheet.name).is_none()
        && let Some(a) = unit_in_name(&sheet.name)
    {
        return Some((a, AgencySource::SheetName));
    }
    if let Some(a) = unit_in_name(file_stem) {
        return Some((a, AgencySource::FileName));
    }
    given.map(|g| (g.trim().to_string(), AgencySource::Given))
}

/// The kind a title names ("… VỊ TRÍ VIỆC LÀM CHUYÊN MÔN, NGHIỆP VỤ"), or
/// the sheet's name ("Hỗ trợ, phục vụ").
pub(super) fn sheet_kind(sheet: &RawSheet, header_row: usize) -> Option<PositionKind> {
    title_lines(sheet, header_row)
        .iter()
        .filter(|l| fold(l).contains("vi tri viec lam"))
        .find_map(|l| kind_in(l))
        .or_else(|| kind_from_text(&sheet.name))
}

/// A kind named in a title line, after "vị trí việc làm".
fn kind_in(line: &str) -> Option<PositionKind> {
    let f = fold(line);
    let at = f.find("vi tri viec lam")?;
    let rest = &f[at + "vi tri viec lam".len()..];
    let rest = rest.split(" cua ").next().unwrap_or(rest);
    (!rest.trim().is_empty())
        .then(|| kind_from_text(rest))
        .flatten()
}

/// Whether a row's text is a section of the catalogue, and the kind it
/// names: "I. Vị trí việc làm lãnh đạo, quản lý" (a kind), "NGÀNH, LĨNH VỰC
/// NỘI VỤ" (a sector: no kind). `None`: not a section.
pub(super) fn section(text: &str) -> Option<Option<PositionKind>> {
    let t = crate::text::without_section_label(text);
    let f = fold(t);
    let starts = [
        "vi tri viec lam",
        "cac vi tri viec lam",
        "nhom vi tri",
        "nganh ",
        "linh vuc ",
        "khoi ",
    ];
    if !starts.iter().any(|s| f.starts_with(s)) {
        return None;
    }
    Some(if f.starts_with("nganh ") || f.starts_with("linh vuc ") {
        None
    } else {
        kind_from_text(&f)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_from_title_lines() {
        let cases = [
            (
                "DANH MỤC VỊ TRÍ VIỆC LÀM VÀ NGẠCH CÔNG CHỨC TƯƠNG ỨNG CỦA PHÒNG NỘI VỤ",
                // Capitals are written as a unit's name is (matched folded).
                Some("Phòng Nội Vụ"),
            ),
            (
                "Danh mục vị trí việc làm của Phòng Tư pháp, thị xã Bắc Kạn",
                Some("Phòng Tư pháp"),
            ),
            (
                "(Kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2025 của UBND thị xã)",
                None,
            ),
            (
                "DANH MỤC VỊ TRÍ VIỆC LÀM UBND XÃ NÔNG THƯỢNG NĂM 2025",
                Some("UBND xã Nông Thượng"),
            ),
            ("BIỂU TỔNG HỢP", None),
        ];
        for (line, want) in cases {
            assert_eq!(agency_in_title(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn sections_and_their_kinds() {
        assert_eq!(
            section("I. Vị trí việc làm lãnh đạo, quản lý"),
            Some(Some(PositionKind::LanhDaoQuanLy))
        );
        assert_eq!(
            section("Vị trí việc làm hỗ trợ, phục vụ"),
            Some(Some(PositionKind::HoTroPhucVu))
        );
        assert_eq!(section("NGÀNH, LĨNH VỰC NỘI VỤ"), Some(None));
        assert_eq!(section("Chuyên viên về tổ chức bộ máy"), None);
        assert_eq!(section("Người đứng đầu và tương đương"), None);
        assert_eq!(
            kind_in("DANH MỤC VỊ TRÍ VIỆC LÀM CHUYÊN MÔN, NGHIỆP VỤ CỦA TRƯỜNG"),
            Some(PositionKind::ChuyenMonChuyenNganh)
        );
    }
}
