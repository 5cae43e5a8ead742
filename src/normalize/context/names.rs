//! A unit's name where a sheet writes it: the title block, the sheet's name or the file's name.

#[allow(clippy::wildcard_imports)]
use super::*;
#[allow(clippy::wildcard_imports)]
pub(super) use crate::vocab::unit_names::*;

/// The title block above the header: the issuing body at the top left (its
/// lowest line; the line above it is the parent) and the unit named in the
/// title. The title's unit comes first: a district's list of one commune
/// names the commune in its title and the district at the top left.
pub(super) fn from_title_block(sheet: &RawSheet, layout: &Layout) -> Option<SheetUnit> {
    let mut bodies: Vec<String> = Vec::new();
    let mut title_unit = None;
    let mut pending_bare: Option<String> = None;
    for r in 0..layout.header_row {
        // The leftmost text that is not the motto or a date (the motto may
        // stand at the left, the body further right).
        let Some(text) = (0..sheet.columns.len()).find_map(|c| {
            sheet
                .cell(r, c)
                .and_then(RawValue::as_text)
                .filter(|t| !is_motto_or_date(&fold(t)))
                .map(str::to_string)
        }) else {
            continue;
        };
        let text = head(&text).to_string();
        let f = fold(&text);
        if f.starts_with("danh sach")
            || f.starts_with("bao cao")
            || f.starts_with("tong hop")
            || f.starts_with("thong ke")
            || f.starts_with("trich ngang")
            || f.starts_with("bieu")
        {
            if title_unit.is_none() {
                title_unit = unit_in_title(&text);
            }
            continue;
        }
        if let Some(body) = pending_bare.take() {
            bodies.push(format!("{body} {text}"));
            continue;
        }
        if BARE_BODIES.contains(&f.as_str()) {
            pending_bare = Some(text);
            continue;
        }
        if starts_with_unit_word(&f) && is_named_unit(&text) {
            bodies.push(text);
        }
    }
    let from_title = title_unit.is_some();
    let (name, parent) = match title_unit {
        Some(t) => {
            let parent = bodies
                .iter()
                .rev()
                .find(|b| !fold(b).ends_with(&fold(&t)))
                .cloned();
            (t, parent)
        }
        None => {
            let name = bodies.pop()?;
            (name, bodies.pop())
        }
    };
    let (name, own_parent) = split_unit(&name);
    Some(SheetUnit {
        name: unit_case(&name),
        from_title,
        parent: own_parent.or(parent).map(|p| unit_case(&p)),
        source: UnitSource::TitleBlock,
    })
}
