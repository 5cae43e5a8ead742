//! Last year's units on this year's: the unit-mapping file (`--unit-map`)
//! and the matching of units by code or name.
//!
//! A mapping file is a table (CSV or workbook) with a header naming the old
//! unit ("Mã đơn vị cũ" and/or "Đơn vị cũ") and the new one ("Mã đơn vị
//! mới" and/or "Đơn vị mới"); optionally the old unit's parent ("Đơn vị cấp
//! trên cũ") where two old units share a name. Each old unit maps to one new
//! unit; three communes merged into one are three rows naming the same new
//! unit.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::ingest::RawSheet;
use crate::text::fold;
use crate::vocab::unit_names::unit_key;

/// One row of a mapping file.
#[derive(Debug, Clone)]
pub struct MapRow {
    /// Old unit code.
    pub old_code: Option<String>,
    /// Old unit name.
    pub old_name: Option<String>,
    /// The old unit's parent (a district before 2025).
    pub old_parent: Option<String>,
    /// New unit code.
    pub new_code: Option<String>,
    /// New unit name.
    pub new_name: Option<String>,
    /// Where it was read: sheet and Excel row.
    pub at: (String, u32),
    /// The old and the new unit's columns as the header names them, for
    /// messages ("C (Đơn vị mới)").
    pub columns: [String; 2],
}

/// A unit-mapping file, read.
#[derive(Debug, Clone, Default)]
pub struct UnitMap {
    /// Its rows, in file order.
    pub rows: Vec<MapRow>,
    /// Its path, for messages.
    pub path: std::path::PathBuf,
}

/// What a mapping-file column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MapCol {
    RowNumber,
    OldCode,
    OldName,
    OldParent,
    NewCode,
    NewName,
}

/// Mapping-file columns: key, accepted folded headers.
const MAP_HEADERS: &[(MapCol, &[&str])] = &[
    (MapCol::RowNumber, &["stt", "tt", "so tt"]),
    (
        MapCol::OldCode,
        &[
            "ma don vi cu",
            "ma cu",
            "ma don vi truoc sap xep",
            "old code",
            "old unit code",
        ],
    ),
    (
        MapCol::OldName,
        &[
            "don vi cu",
            "ten don vi cu",
            "don vi truoc sap xep",
            "ten don vi truoc sap xep",
            "old unit",
            "old name",
        ],
    ),
    (
        MapCol::OldParent,
        &[
            "don vi cap tren cu",
            "cap tren cu",
            "huyen cu",
            "old parent",
        ],
    ),
    (
        MapCol::NewCode,
        &[
            "ma don vi moi",
            "ma moi",
            "ma don vi sau sap xep",
            "new code",
            "new unit code",
        ],
    ),
    (
        MapCol::NewName,
        &[
            "don vi moi",
            "ten don vi moi",
            "don vi sau sap xep",
            "ten don vi sau sap xep",
            "new unit",
            "new name",
        ],
    ),
];

struct MapColumns;

impl crate::layout::Columns for MapColumns {
    type Key = MapCol;

    fn key(&self, header: &str) -> Option<MapCol> {
        crate::layout::key_of(MAP_HEADERS, &fold(header))
    }

    fn score(&self, keys: &[MapCol]) -> usize {
        let old = keys.contains(&MapCol::OldCode) || keys.contains(&MapCol::OldName);
        let new = keys.contains(&MapCol::NewCode) || keys.contains(&MapCol::NewName);
        if old && new {
            crate::layout::distinct_keys(keys, MapCol::RowNumber).max(2)
        } else {
            0
        }
    }

    fn anchor(&self) -> Option<MapCol> {
        Some(MapCol::OldName)
    }
}

/// What a mapping file must hold, for messages.
const EXPECTED: &str = "a header naming the old unit (Đơn vị cũ or Mã đơn vị cũ) and the new unit (Đơn vị mới or Mã đơn vị mới), then one row per old unit";

impl UnitMap {
    /// Reads a mapping file; an error names the file, sheet, row and column.
    pub fn load(path: &Path) -> Result<Self> {
        let sheets = crate::ingest::read_file(path, 0, None)?.into_sheets();
        let mut map = UnitMap {
            rows: Vec::new(),
            path: path.to_path_buf(),
        };
        for s in &sheets {
            map.rows.extend(read_sheet(path, s)?);
        }
        if map.rows.is_empty() {
            let looked: Vec<String> = sheets
                .iter()
                .map(|s| format!("sheet \"{}\"", s.name))
                .collect();
            return Err(Error::UnitMapEmpty {
                path: path.to_path_buf(),
                looked: looked.join(", "),
                expected: EXPECTED.into(),
            });
        }
        map.refuse_splits()?;
        Ok(map)
    }

    /// An old unit mapped to two different new units (as the file writes
    /// them) is refused: which of its people went where cannot be told from
    /// the file. [`super::place`] checks again on the units as they resolve.
    fn refuse_splits(&self) -> Result<()> {
        let mut seen: HashMap<String, &MapRow> = HashMap::new();
        for r in &self.rows {
            let old = old_key(r);
            if let Some(first) = seen.get(&old)
                && new_key(first) != new_key(r)
            {
                return Err(self.split_error(r, first, &new_text(first)));
            }
            seen.insert(old, r);
        }
        Ok(())
    }

    /// The error for an old unit mapped to a second new unit at `r`.
    #[must_use]
    pub fn split_error(&self, r: &MapRow, first: &MapRow, first_new: &str) -> Error {
        Error::UnitMap {
            path: self.path.clone(),
            sheet: r.at.0.clone(),
            row: r.at.1,
            column: r.columns[1].clone(),
            problem: format!(
                "the old unit \"{}\" is mapped to \"{}\" here and to \"{first_new}\" at sheet \"{}\", row {}",
                old_text(r),
                new_text(r),
                first.at.0,
                first.at.1
            ),
            expected: "one new unit per old unit (a split unit: map it to the unit most of its people went to; the others show as transfers)".into(),
        }
    }
}

/// The old unit as the row writes it.
#[must_use]
pub fn old_text(r: &MapRow) -> String {
    r.old_name
        .clone()
        .or_else(|| r.old_code.clone())
        .unwrap_or_default()
}

/// The new unit as the row writes it.
#[must_use]
pub fn new_text(r: &MapRow) -> String {
    r.new_name
        .clone()
        .or_else(|| r.new_code.clone())
        .unwrap_or_default()
}

fn old_key(r: &MapRow) -> String {
    match &r.old_code {
        Some(c) => format!("code:{}", fold(c)),
        None => format!(
            "name:{}|{}",
            unit_key(r.old_name.as_deref().unwrap_or("")),
            r.old_parent.as_deref().map(unit_key).unwrap_or_default()
        ),
    }
}

fn new_key(r: &MapRow) -> String {
    match &r.new_code {
        Some(c) => format!("code:{}", fold(c)),
        None => format!("name:{}", unit_key(r.new_name.as_deref().unwrap_or(""))),
    }
}

/// The old and the new unit's columns as "C (Đơn vị mới)", for messages.
fn column_names(layout: &crate::layout::Layout<MapCol>) -> [String; 2] {
    let named = |keys: [MapCol; 2]| {
        keys.into_iter()
            .find_map(|k| layout.column(k))
            .map(|c| {
                let header = layout
                    .headers
                    .iter()
                    .find(|h| h.0 == c)
                    .map_or("", |h| h.1.as_str());
                format!("{} ({header})", crate::text::column_letter(c))
            })
            .unwrap_or_default()
    };
    [
        named([MapCol::OldName, MapCol::OldCode]),
        named([MapCol::NewName, MapCol::NewCode]),
    ]
}

/// What is wrong with a row that has one side only or sits below the
/// footer: (column, problem, what was expected); `None` for a good row.
fn row_problem(
    kind: crate::layout::RowKind,
    old: bool,
    new: bool,
) -> Option<(usize, &'static str, &'static str)> {
    use crate::layout::RowKind;
    match (kind, old, new) {
        (RowKind::Blank, ..) | (_, false, false) => None,
        (RowKind::StaffBelowFooter, ..) => Some((
            0,
            "a mapping below the signature or a note",
            "every mapping row above the notes and signatures (move the note below the last row)",
        )),
        (_, true, true) | (RowKind::Total | RowKind::Heading | RowKind::Footer, ..) => None,
        (_, true, false) => Some((
            1,
            "the old unit has no new unit",
            "the new unit's name (Đơn vị mới) or code (Mã đơn vị mới) in this row",
        )),
        (_, false, true) => Some((
            0,
            "the new unit has no old unit",
            "the old unit's name (Đơn vị cũ) or code (Mã đơn vị cũ) in this row",
        )),
    }
}

fn read_sheet(path: &Path, sheet: &RawSheet) -> Result<Vec<MapRow>> {
    let Some(layout) = crate::layout::detect(sheet, &MapColumns) else {
        return Ok(Vec::new());
    };
    let col = |k: MapCol| layout.column(k);
    let columns = column_names(&layout);
    let shape = crate::layout::RowShape {
        label: col(MapCol::OldName).or(col(MapCol::OldCode)),
        stt: col(MapCol::RowNumber),
        keys: [MapCol::OldCode, MapCol::NewCode, MapCol::NewName]
            .into_iter()
            .filter_map(col)
            .collect(),
        marks: Vec::new(),
        min_keys: 1,
        named_headings: false,
        numbered_entries: true,
    };
    let kinds = crate::layout::classify_rows(sheet, layout.body_start, &shape);
    let mut rows = Vec::new();
    for (i, &kind) in kinds.iter().enumerate() {
        use crate::layout::RowKind;
        let r = layout.body_start + i;
        let excel = sheet.excel_rows[r];
        let get = |k: MapCol| {
            col(k)
                .map(|c| sheet.cell_text(r, c).trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let row = MapRow {
            old_code: get(MapCol::OldCode),
            old_name: get(MapCol::OldName),
            old_parent: get(MapCol::OldParent),
            new_code: get(MapCol::NewCode),
            new_name: get(MapCol::NewName),
            at: (sheet.name.clone(), excel),
            columns: columns.clone(),
        };
        let old = row.old_code.is_some() || row.old_name.is_some();
        let new = row.new_code.is_some() || row.new_name.is_some();
        if let Some((column, problem, expected)) = row_problem(kind, old, new) {
            return Err(Error::UnitMap {
                path: path.to_path_buf(),
                sheet: sheet.name.clone(),
                row: excel,
                column: columns[column].clone(),
                problem: problem.into(),
                expected: expected.into(),
            });
        }
        if old && new && kind != RowKind::Blank {
            rows.push(row);
        }
    }
    Ok(rows)
}
