//! Last year's units placed on this year's: by the unit-mapping file's row
//! for them, else the same code, else the same name (told apart by an
//! ancestor's name where two units share one). Every node of this year's
//! hierarchy is a place, parents as well as the units with staff, so a unit
//! that had staff of its own last year and is only a parent this year is
//! still found.

use std::collections::HashMap;

use super::map::{MapRow, UnitMap, new_text, old_text};
use crate::error::Result;
use crate::roster::Roster;
use crate::text::fold;
use crate::units::Hierarchy;
use crate::vocab::unit_names::unit_key;

/// This year's nodes by code and by compared name, to place last year's
/// units.
pub struct NodeIndex<'a> {
    h: &'a Hierarchy,
    by_code: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> NodeIndex<'a> {
    /// Indexes every node of this year's hierarchy.
    #[must_use]
    pub fn new(h: &'a Hierarchy) -> Self {
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, node) in h.nodes.iter().enumerate() {
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

    /// The node a code, else a name names (where two share it: the node
    /// with an ancestor of the parent's name, else the one roster unit);
    /// `None` when nothing or more than one does.
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
        let one = |v: Vec<usize>| match v[..] {
            [n] => Some(n),
            _ => None,
        };
        // Told apart by an ancestor's name, else the one unit with staff
        // (a parent named in a parent column is a node of its own).
        let under = parent.map(unit_key).and_then(|parent| {
            one(candidates
                .iter()
                .copied()
                .filter(|&n| {
                    self.h
                        .ancestors(n)
                        .iter()
                        .any(|&a| unit_key(&self.h.nodes[a].name) == parent)
                })
                .collect())
        });
        under.or_else(|| {
            one(candidates
                .iter()
                .copied()
                .filter(|&n| self.h.nodes[n].roster_unit.is_some())
                .collect())
        })
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

/// A mapping-file row that maps nothing: its old unit is in no roster of
/// last year, or its new unit in no roster or units file of this year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnknownMapRow {
    /// Sheet.
    pub sheet: String,
    /// Excel row.
    pub row: u32,
    /// The old unit as written.
    pub old: String,
    /// The new unit as written.
    pub new: String,
    /// Which side is unknown: `old_unit_not_found` or `new_unit_not_found`.
    pub reason: &'static str,
}

/// Where each of last year's units goes, and the mapping rows that map
/// nothing.
pub struct Placement {
    /// Per unit of last year's roster: a node of this year's, or why not.
    pub units: Vec<Result<usize, Unplaced>>,
    /// Rows of the mapping file that map nothing.
    pub unknown_rows: Vec<UnknownMapRow>,
}

/// The mapping file's rows by old code and by old name.
struct Rows<'m> {
    by_code: HashMap<String, Vec<&'m MapRow>>,
    by_name: HashMap<String, Vec<&'m MapRow>>,
}

impl<'m> Rows<'m> {
    fn new(map: Option<&'m UnitMap>) -> Self {
        let mut by_code: HashMap<String, Vec<&MapRow>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<&MapRow>> = HashMap::new();
        for r in map.map(|m| m.rows.as_slice()).unwrap_or_default() {
            if let Some(c) = &r.old_code {
                by_code.entry(fold(c)).or_default().push(r);
            }
            if let Some(n) = &r.old_name {
                by_name.entry(unit_key(n)).or_default().push(r);
            }
        }
        Self { by_code, by_name }
    }

    /// The rows naming a unit of last year, the row that places it first:
    /// by its code, else by its name with its parent, else by its name
    /// without a parent, else the only row with its name.
    fn of(&self, code: Option<&str>, name: &str, parent: Option<&str>) -> Vec<&'m MapRow> {
        let mut out: Vec<&MapRow> = code
            .and_then(|c| self.by_code.get(&fold(c)))
            .cloned()
            .unwrap_or_default();
        let rows = self
            .by_name
            .get(&unit_key(name))
            .cloned()
            .unwrap_or_default();
        let parent = parent.map(unit_key);
        let with_parent: Vec<&MapRow> = rows
            .iter()
            .copied()
            .filter(|r| r.old_parent.as_deref().map(unit_key) == parent)
            .collect();
        let without: Vec<&MapRow> = rows
            .iter()
            .copied()
            .filter(|r| r.old_parent.is_none())
            .collect();
        out.extend(if !with_parent.is_empty() {
            with_parent
        } else if !without.is_empty() {
            without
        } else if rows.len() == 1 {
            rows
        } else {
            Vec::new()
        });
        out
    }
}

/// Places each unit of last year's roster on a node of this year's
/// hierarchy. An old unit whose rows (by code and by name) resolve to two
/// different units of this year is refused, naming both rows.
pub fn place_units(
    previous: &Roster,
    nodes: &NodeIndex<'_>,
    map: Option<&UnitMap>,
) -> Result<Placement> {
    let rows = Rows::new(map);
    let target = |r: &MapRow| nodes.find(r.new_code.as_deref(), r.new_name.as_deref(), None);
    let mut used: std::collections::HashSet<&(String, u32)> = std::collections::HashSet::new();
    let mut units = Vec::with_capacity(previous.units.len());
    for u in &previous.units {
        let applying = rows.of(u.code.as_deref(), &u.name, u.parent.as_deref());
        if let (Some(m), Some(first)) = (map, applying.first()) {
            let to = target(first);
            if let Some(r) = applying
                .iter()
                .find(|r| target(r) != to || (to.is_none() && new_text(r) != new_text(first)))
            {
                return Err(m.split_error(r, first, &new_text(first)));
            }
        }
        used.extend(applying.iter().map(|&r| &r.at));
        units.push(match applying.first() {
            Some(r) => target(r).ok_or_else(|| Unplaced::TargetNotFound {
                target: new_text(r),
                sheet: r.at.0.clone(),
                row: r.at.1,
            }),
            None => nodes
                .find(u.code.as_deref(), Some(&u.name), u.parent.as_deref())
                .ok_or(Unplaced::NotFound),
        });
    }
    let unknown_rows = map
        .map(|m| m.rows.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|r| {
            let reason = if !used.contains(&r.at) {
                "old_unit_not_found"
            } else if target(r).is_none() {
                "new_unit_not_found"
            } else {
                return None;
            };
            Some(UnknownMapRow {
                sheet: r.at.0.clone(),
                row: r.at.1,
                old: old_text(r),
                new: new_text(r),
                reason,
            })
        })
        .collect();
    Ok(Placement {
        units,
        unknown_rows,
    })
}
