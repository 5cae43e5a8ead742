//! What a sheet says about all its rows: the unit it is the roster of (from
//! the title block, the sheet name or the file name) and the categories its
//! section headings give; and the category a commune title implies.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::ingest::{RawSheet, RawValue};
use crate::layout::Layout;
use crate::scales::{self, Category, CategoryCell, GovLevel};
use crate::text::fold;

mod names;
#[cfg(test)]
mod tests;
mod titles;

use names::*;
pub use titles::*;

pub use crate::schema::UnitSource;

/// The unit a whole sheet is the roster of.
#[derive(Debug, Clone)]
pub(super) struct SheetUnit {
    pub(super) name: String,
    /// Named in the title line itself (not only as the issuing body).
    from_title: bool,
    /// The body above it in the title block ("UBND HUYỆN CHỢ MỚI").
    pub(super) parent: Option<String>,
    pub(super) source: UnitSource,
}

/// The unit of a sheet without a unit column: its title block, else its
/// name, else its file's name. Also says what it looked at, for the error
/// when none names a unit.
pub(super) fn sheet_unit(
    sheet: &RawSheet,
    layout: &Layout,
    path: &Path,
    is_text_file: bool,
) -> (Option<SheetUnit>, Vec<String>) {
    let mut looked = Vec::new();
    let named = (!is_text_file).then(|| unit_in_name(&sheet.name)).flatten();
    if let Some(u) = from_title_block(sheet, layout) {
        return (Some(under_title_block(u, named.as_ref())), looked);
    }
    let block: Vec<String> = (0..layout.header_row)
        .filter_map(|r| {
            (0..sheet.columns.len()).find_map(|c| {
                sheet
                    .cell(r, c)
                    .and_then(RawValue::as_text)
                    .map(str::to_string)
            })
        })
        .collect();
    looked.push(if block.is_empty() {
        "no title block above the header".to_string()
    } else {
        format!("title block \"{}\"", block.join(" / "))
    });
    // A text file's sheet name is its file name: looked at once, below.
    if !is_text_file {
        if let Some(name) = named {
            return (
                Some(SheetUnit {
                    name,
                    from_title: false,
                    parent: None,
                    source: UnitSource::SheetName,
                }),
                looked,
            );
        }
        looked.push(format!("sheet name \"{}\"", sheet.name));
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if let Some(name) = unit_in_name(stem) {
        return (
            Some(SheetUnit {
                name,
                from_title: false,
                parent: None,
                source: UnitSource::FileName,
            }),
            looked,
        );
    }
    looked.push(format!("file name \"{stem}\""));
    (None, looked)
}

/// The unit a sheet's title block gives it: the block's unit, or the unit
/// the sheet is named for when the block stands above it.
fn under_title_block(u: SheetUnit, named: Option<&String>) -> SheetUnit {
    // A district's (or department's) title block over a sheet named for
    // one commune: the sheet is the commune's, the district its parent.
    let level = super::level_from_unit_name;
    let above_commune = |n: &str| matches!(level(n), Some(GovLevel::District | GovLevel::Province));
    // So also for a sheet named for a place when the block's unit is
    // only its issuing body and a different one ("PHÒNG NỘI VỤ" over
    // sheets "Nông Hạ", "Thanh Vận").
    let other_place = |n: &String| {
        !u.from_title && !fold(&u.name).contains(&fold(n)) && !fold(n).contains(&fold(&u.name))
    };
    if level(&u.name) != Some(GovLevel::Commune)
        && let Some(n) = named.filter(|n| level(n) == Some(GovLevel::Commune) || other_place(n))
    {
        let parent = [Some(&u.name), u.parent.as_ref()]
            .into_iter()
            .flatten()
            .find(|p| above_commune(p))
            .cloned();
        return SheetUnit {
            name: n.clone(),
            from_title: false,
            parent,
            source: UnitSource::SheetName,
        };
    }
    u
}

/// What a section heading says: the unit it names ("I | UBND xã A", "CÔNG
/// CHỨC XÃ MAI LẠP", "UBND XÃ NÔNG HẠ - CÁN BỘ") and the category it gives.
/// A heading naming neither ("1. Khối Đảng", "II. GIÁO VIÊN") groups rows
/// without saying either.
pub(super) fn heading(text: &str) -> (Option<String>, Option<CategoryCell>) {
    let text = head(text);
    let f = fold(text);
    if starts_with_unit_word(&f) && is_named_unit(text) {
        for sep in [" - ", " – ", ": ", " ("] {
            if let Some((head, tail)) = text.split_once(sep)
                && let Some(c) = scales::heading_category(tail.trim_end_matches(')'))
            {
                return (Some(unit_case(head.trim())), Some(c));
            }
        }
        return (Some(unit_case(&split_unit(text).0)), None);
    }
    let unit = unit_in_title(text).map(|u| unit_case(&split_unit(&u).0));
    (unit, scales::heading_category(text))
}
