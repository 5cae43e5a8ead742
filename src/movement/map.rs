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
use crate::roster::Roster;
use crate::text::fold;
use crate::units::Hierarchy;
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
}

/// A unit-mapping file, read.
#[derive(Debug, Clone, Default)]
pub struct UnitMap {
    /// Its rows, in file order.
    pub rows: Vec<MapRow>,
    /// Its path, for messages.
    pub path: String,
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

impl UnitMap {
    /// Reads a mapping file; an error names the file, sheet and row.
    pub fn load(path: &Path) -> Result<Self> {
        let sheets = crate::ingest::read_file(path, 0, None)?.into_sheets();
        let mut map = UnitMap {
            rows: Vec::new(),
            path: crate::ingest::shown_path(path),
        };
        for s in &sheets {
            map.rows.extend(read_sheet(path, s)?);
        }
        if map.rows.is_empty() {
            return Err(Error::Workbook {
                path: path.to_path_buf(),
                message: "no unit mapping: expected a header naming the old unit (Đơn vị cũ or Mã đơn vị cũ) and the new unit (Đơn vị mới or Mã đơn vị mới), and a row per old unit".into(),
            });
        }
        map.refuse_splits(path)?;
        Ok(map)
    }

    /// An old unit mapped to two different new units is refused: which of
    /// its people went where cannot be told from the file.
    fn refuse_splits(&self, path: &Path) -> Result<()> {
        let mut seen: HashMap<String, &MapRow> = HashMap::new();
        for r in &self.rows {
            let old = old_key(r);
            if let Some(first) = seen.get(&old)
                && new_key(first) != new_key(r)
            {
                return Err(Error::Workbook {
                    path: path.to_path_buf(),
                    message: format!(
                        "sheet \"{}\", row {}: the old unit is mapped again, to another new unit (first at sheet \"{}\", row {}); map each old unit to one new unit — people who went elsewhere show as transfers",
                        r.at.0, r.at.1, first.at.0, first.at.1
                    ),
                });
            }
            seen.insert(old, r);
        }
        Ok(())
    }
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

fn read_sheet(path: &Path, sheet: &RawSheet) -> Result<Vec<MapRow>> {
    let err = |row: u32, message: &str| Error::Workbook {
        path: path.to_path_buf(),
        message: format!("sheet \"{}\", row {row}: {message}", sheet.name),
    };
    let Some(layout) = crate::layout::detect(sheet, &MapColumns) else {
        return Ok(Vec::new());
    };
    let col = |k: MapCol| layout.column(k);
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
    for (i, kind) in kinds.iter().enumerate() {
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
        };
        let old = row.old_code.is_some() || row.old_name.is_some();
        let new = row.new_code.is_some() || row.new_name.is_some();
        match (kind, old, new) {
            (RowKind::Blank, ..) | (_, false, false) => {}
            (RowKind::StaffBelowFooter, ..) => {
                return Err(err(
                    excel,
                    "a mapping below the signature or a note; move the note below the last row",
                ));
            }
            (_, true, true) => rows.push(row),
            (RowKind::Total | RowKind::Heading | RowKind::Footer, ..) => {}
            (_, true, false) => {
                return Err(err(
                    excel,
                    "the old unit has no new unit (Đơn vị mới or Mã đơn vị mới)",
                ));
            }
            (_, false, true) => {
                return Err(err(
                    excel,
                    "the new unit has no old unit (Đơn vị cũ or Mã đơn vị cũ)",
                ));
            }
        }
    }
    Ok(rows)
}

/// This year's nodes by code and by compared name, to place last year's
/// units.
pub struct NodeIndex<'a> {
    h: &'a Hierarchy,
    by_code: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> NodeIndex<'a> {
    /// Indexes the roster units of this year's hierarchy.
    #[must_use]
    pub fn new(h: &'a Hierarchy) -> Self {
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, node) in h.nodes.iter().enumerate() {
            if node.roster_unit.is_none() {
                continue;
            }
            if let Some(c) = &node.code {
                by_code.entry(fold(c)).or_default().push(n);
            }
            by_name.entry(unit_key(&node.name)).or_default().push(n);
        }
        Self {
            h,
            by_code,
            by_name,
        }
    }

    /// The node a code, else a name (with its parent when two share it),
    /// names; `None` when nothing or more than one does.
    #[must_use]
    pub fn find(
        &self,
        code: Option<&str>,
        name: Option<&str>,
        parent: Option<&str>,
    ) -> Option<usize> {
        if let Some(c) = code
            && let Some([n]) = self.by_code.get(&fold(c)).map(Vec::as_slice)
        {
            return Some(*n);
        }
        let candidates = self.by_name.get(&unit_key(name?))?;
        if let [n] = candidates.as_slice() {
            return Some(*n);
        }
        let parent = unit_key(parent?);
        let mut under = candidates.iter().filter(|&&n| {
            self.h.nodes[n]
                .parent
                .is_some_and(|p| unit_key(&self.h.nodes[p].name) == parent)
        });
        match (under.next(), under.next()) {
            (Some(&n), None) => Some(n),
            _ => None,
        }
    }
}

/// Why a unit of last year has no unit this year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unplaced {
    /// No unit of this year has its code or name, and the mapping file does
    /// not name it.
    NotFound,
    /// The mapping file maps it to a unit no roster of this year names.
    TargetNotFound {
        /// The new unit as the file writes it.
        target: String,
        /// Sheet and row of the mapping.
        sheet: String,
        /// Excel row.
        row: u32,
    },
}

/// Places each unit of last year's roster on a node of this year's
/// hierarchy: the mapping file's row for it, else the same code, else the
/// same name (with its parent where two units share a name).
#[must_use]
pub fn place_units(
    previous: &Roster,
    nodes: &NodeIndex<'_>,
    map: Option<&UnitMap>,
) -> Vec<Result<usize, Unplaced>> {
    let mut by_code: HashMap<String, &MapRow> = HashMap::new();
    let mut by_name: HashMap<String, Vec<&MapRow>> = HashMap::new();
    for r in map.map(|m| m.rows.as_slice()).unwrap_or_default() {
        if let Some(c) = &r.old_code {
            by_code.insert(fold(c), r);
        }
        if let Some(n) = &r.old_name {
            by_name.entry(unit_key(n)).or_default().push(r);
        }
    }
    previous
        .units
        .iter()
        .map(|u| {
            let by_name = || {
                let rows = by_name.get(&unit_key(&u.name))?;
                let parent = u.parent.as_deref().map(unit_key);
                rows.iter()
                    .find(|r| r.old_parent.as_deref().map(unit_key) == parent)
                    .or_else(|| rows.iter().find(|r| r.old_parent.is_none()))
                    .or(if rows.len() == 1 { rows.first() } else { None })
                    .copied()
            };
            let row = u
                .code
                .as_deref()
                .and_then(|c| by_code.get(&fold(c)).copied())
                .or_else(by_name);
            match row {
                Some(r) => nodes
                    .find(r.new_code.as_deref(), r.new_name.as_deref(), None)
                    .ok_or_else(|| Unplaced::TargetNotFound {
                        target: r
                            .new_name
                            .clone()
                            .or_else(|| r.new_code.clone())
                            .unwrap_or_default(),
                        sheet: r.at.0.clone(),
                        row: r.at.1,
                    }),
                None => nodes
                    .find(u.code.as_deref(), Some(&u.name), u.parent.as_deref())
                    .ok_or(Unplaced::NotFound),
            }
        })
        .collect()
}
