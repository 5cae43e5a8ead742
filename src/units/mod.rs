//! The unit hierarchy: the roster's units under their parents, for
//! per-unit figures and totals that roll up (commune → district → province).
//!
//! Parents come from an optional units file (`--units FILE`: code, name,
//! parent code, unit type, government level; .csv or a workbook), else from the
//! roster's parent-unit column. Unit types not given are inferred from the
//! unit's name ("UBND xã …" → commune People's Committee, "Phòng …" →
//! administrative agency, "Trường …" → public service unit).

use hashbrown::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::ingest::{self, RawSheet};
use crate::issues::{Action, DataIssue, Problem};
use crate::policy::UnitType;
use crate::roster::Roster;
use crate::scales::{self, GovLevel};
use crate::text::fold;
use crate::vocab::unit_names::unit_key;
use crate::vocab::units::level_from_unit_name;

mod file;

use file::*;

/// A node of the hierarchy: a roster unit or a parent.
#[derive(Debug, Clone)]
pub struct Node {
    /// Name.
    pub name: String,
    /// Code, if known.
    pub code: Option<String>,
    /// Parent node.
    pub parent: Option<usize>,
    /// Unit type, given or inferred.
    pub unit_type: Option<UnitType>,
    /// Government level.
    pub gov_level: Option<GovLevel>,
    /// The roster unit this node is (`None` for a parent that has no staff of its own).
    pub roster_unit: Option<u32>,
    /// Approved staffing (biên chế được giao), from the units file.
    pub quota: Option<u64>,
}

/// What a roster unit's parent name can be: a units-file node (by folded
/// name or code), a roster unit's node (by name as compared), or a parent
/// node added for it.
struct Parents<'a> {
    by_code: &'a HashMap<String, usize>,
    by_name: &'a HashMap<String, usize>,
    roster: HashMap<String, Vec<usize>>,
    added: HashMap<String, usize>,
}

/// The hierarchy over the roster's units.
#[derive(Debug, Clone, Default)]
pub struct Hierarchy {
    /// Nodes; roster unit `u` is node `leaf[u]`.
    pub nodes: Vec<Node>,
    /// Node of each roster unit.
    pub leaf: Vec<usize>,
    /// Nodes with nodes below them (computed once, when built).
    parent_flags: Vec<bool>,
}

/// Infers a unit type from its name.
#[must_use]
pub fn type_from_name(name: &str) -> Option<UnitType> {
    let f = fold(name);
    let starts = |p: &[&str]| p.iter().any(|k| f.starts_with(k));
    if starts(&[
        "ubnd xa",
        "ubnd phuong",
        "ubnd thi tran",
        "uy ban nhan dan xa",
        "uy ban nhan dan phuong",
        "uy ban nhan dan thi tran",
    ]) {
        Some(UnitType::CommuneCommittee)
    } else if starts(&[
        "phong ",
        "van phong hdnd",
        "van phong uy ban",
        "van phong ubnd",
        "thanh tra",
        "so ",
        "ubnd huyen",
        "ubnd thi xa",
        "ubnd tinh",
    ]) {
        Some(UnitType::AdministrativeAgency)
    } else if starts(&[
        "truong ",
        "tram y te",
        "trung tam",
        "benh vien",
        "ban quan ly",
        "thu vien",
        "nha van hoa",
    ]) {
        Some(UnitType::PublicServiceUnit)
    } else {
        None
    }
}

/// Reads a unit type (English key or Vietnamese words).
#[must_use]
pub fn parse_unit_type(s: &str) -> Option<UnitType> {
    let f = fold(s).replace(' ', "_");
    match f.as_str() {
        "administrative_agency"
        | "co_quan_hanh_chinh"
        | "co_quan_hanh_chinh_nha_nuoc"
        | "hanh_chinh" => Some(UnitType::AdministrativeAgency),
        "public_service_unit" | "don_vi_su_nghiep" | "don_vi_su_nghiep_cong_lap" | "su_nghiep" => {
            Some(UnitType::PublicServiceUnit)
        }
        "commune_committee"
        | "ubnd_xa"
        | "ubnd_cap_xa"
        | "uy_ban_nhan_dan_cap_xa"
        | "cap_xa"
        | "xa_phuong"
        | "xa_phuong_thi_tran"
        | "tat_ca_cac_xa"
        | "cac_xa_phuong"
        | "cac_xa_phuong_thi_tran" => Some(UnitType::CommuneCommittee),
        "other" | "khac" => Some(UnitType::Other),
        _ => None,
    }
}

impl Hierarchy {
    /// Builds the hierarchy; notes roster units missing from the units file.
    pub fn build(
        roster: &Roster,
        units_file: Option<&Path>,
        issues: &mut Vec<DataIssue>,
    ) -> Result<Self> {
        let file_rows = units_file
            .map(load_units_file)
            .transpose()?
            .unwrap_or_default();
        let mut h = Hierarchy::default();
        let (by_code, by_name) = h.add_file_units(&file_rows);
        let file: Arc<str> = units_file
            .map(|p| p.display().to_string())
            .unwrap_or_default()
            .into();
        // Every roster unit's node first, then the parents of those the
        // units file does not place: a parent may be a roster unit named
        // later in the roster.
        let file = units_file.map(|_| file);
        let unplaced = h.add_roster_units(roster, (&by_code, &by_name), file.as_ref(), issues);
        let mut parents = Parents {
            by_code: &by_code,
            by_name: &by_name,
            roster: HashMap::new(),
            added: HashMap::new(),
        };
        for &n in &h.leaf {
            let units = parents
                .roster
                .entry(unit_key(&h.nodes[n].name))
                .or_default();
            if !units.contains(&n) {
                units.push(n);
            }
        }
        for (n, unit) in unplaced {
            if let Some(p) = &unit.parent {
                h.nodes[n].parent = Some(h.parent_node(p, n, &mut parents));
            }
        }
        h.break_cycles();
        h.parent_flags = vec![false; h.nodes.len()];
        for i in 0..h.nodes.len() {
            if let Some(p) = h.nodes[i].parent {
                h.parent_flags[p] = true;
            }
        }
        Ok(h)
    }

    /// A node for each roster unit: the units file's, matched by code or
    /// name, else a new one (noted when there is a units file, `file`).
    /// Returns the new nodes with their roster unit, to be placed.
    fn add_roster_units<'r>(
        &mut self,
        roster: &'r Roster,
        (by_code, by_name): (&HashMap<String, usize>, &HashMap<String, usize>),
        file: Option<&Arc<str>>,
        issues: &mut Vec<DataIssue>,
    ) -> Vec<(usize, &'r crate::roster::Unit)> {
        let mut unplaced = Vec::new();
        for (ui, unit) in roster.units.iter().enumerate() {
            let id = Some(u32::try_from(ui).unwrap_or(u32::MAX));
            let matched = unit
                .code
                .as_ref()
                .and_then(|c| by_code.get(&fold(c)))
                .or_else(|| by_name.get(&fold(&unit.name)))
                .copied()
                .filter(|&n| self.nodes[n].roster_unit.is_none());
            let node = if let Some(n) = matched {
                self.nodes[n].roster_unit = id;
                if self.nodes[n].gov_level.is_none() {
                    self.nodes[n].gov_level = unit.gov_level;
                }
                n
            } else {
                if let Some(file) = file {
                    issues.push(DataIssue::sheet(
                        file.clone(),
                        Arc::from(""),
                        unit.name.clone(),
                        Problem::UnitNotInUnitsFile,
                        Action::Kept,
                    ));
                }
                self.nodes.push(Node {
                    name: unit.name.clone(),
                    code: unit.code.clone(),
                    parent: None,
                    unit_type: type_from_name(&unit.name),
                    gov_level: unit.gov_level,
                    roster_unit: id,
                    quota: None,
                });
                unplaced.push((self.nodes.len() - 1, unit));
                self.nodes.len() - 1
            };
            self.leaf.push(node);
        }
        unplaced
    }

    /// The units file's nodes first, then their parents linked by code.
    /// Returns the nodes by folded code and by folded name (a name's first).
    fn add_file_units(
        &mut self,
        file_rows: &[UnitRow],
    ) -> (HashMap<String, usize>, HashMap<String, usize>) {
        let mut by_code: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for u in file_rows {
            let i = self.nodes.len();
            self.nodes.push(Node {
                name: u.name.clone(),
                code: Some(u.code.clone()),
                parent: None,
                unit_type: u.unit_type.or_else(|| type_from_name(&u.name)),
                gov_level: u.gov_level.or_else(|| level_from_unit_name(&u.name)),
                roster_unit: None,
                quota: u.quota,
            });
            by_code.insert(fold(&u.code), i);
            by_name.entry(fold(&u.name)).or_insert(i);
        }
        for (i, u) in file_rows.iter().enumerate() {
            if let Some(p) = &u.parent {
                self.nodes[i].parent = by_code.get(&fold(p)).copied().filter(|&p| p != i);
            }
        }
        (by_code, by_name)
    }

    /// The node of roster unit `child`'s parent `p`: a units-file node by
    /// name or code; else the one other roster unit of that name ("UBND xã
    /// A", parent of "Văn phòng", is the roster's unit "UBND xã A", its own
    /// staff and its units' under one node); else a node added for that
    /// parent (once per name as compared: "UBND xã A" is "Xã A").
    fn parent_node(&mut self, p: &str, child: usize, parents: &mut Parents<'_>) -> usize {
        let folded = fold(p);
        if let Some(&n) = (parents.by_name.get(&folded)).or_else(|| parents.by_code.get(&folded)) {
            return n;
        }
        let key = unit_key(p);
        if let Some(units) = parents.roster.get(&key) {
            let others: Vec<usize> = units.iter().copied().filter(|&n| n != child).collect();
            // Two roster units of that name (under different parents): the
            // parent's name alone tells neither.
            if let [n] = others[..] {
                return n;
            }
        }
        *parents.added.entry(key).or_insert_with(|| {
            self.nodes.push(Node {
                name: p.to_string(),
                code: None,
                parent: None,
                unit_type: type_from_name(p),
                gov_level: level_from_unit_name(p),
                roster_unit: None,
                quota: None,
            });
            self.nodes.len() - 1
        })
    }

    /// A parent chain that loops (a units file naming a descendant as parent) is cut.
    fn break_cycles(&mut self) {
        for i in 0..self.nodes.len() {
            let mut seen = vec![i];
            let mut cur = self.nodes[i].parent;
            while let Some(p) = cur {
                if seen.contains(&p) {
                    self.nodes[i].parent = None;
                    break;
                }
                seen.push(p);
                cur = self.nodes[p].parent;
            }
        }
    }

    /// The ancestors of a node, nearest first.
    #[must_use]
    pub fn ancestors(&self, node: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.nodes[node].parent;
        while let Some(p) = cur {
            out.push(p);
            cur = self.nodes[p].parent;
        }
        out
    }

    /// The subtotal rows a unit's staff count in: its ancestors, and itself
    /// when it has units below it (a parent's subtotal includes its own staff).
    #[must_use]
    pub fn rollup_nodes(&self, node: usize) -> Vec<usize> {
        let mut v = self.ancestors(node);
        if self.is_parent(node) {
            v.insert(0, node);
        }
        v
    }

    /// Depth of a node (roots are 0).
    #[must_use]
    pub fn depth(&self, node: usize) -> usize {
        self.ancestors(node).len()
    }

    /// Nodes in report order: each node followed by its descendants, siblings
    /// in order of first appearance (units file, then roster). Only nodes with
    /// roster staff below them are listed.
    #[must_use]
    pub fn report_order(&self) -> Vec<usize> {
        let mut has_staff = vec![false; self.nodes.len()];
        for &leaf in &self.leaf {
            has_staff[leaf] = true;
            for a in self.ancestors(leaf) {
                has_staff[a] = true;
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut roots = Vec::new();
        // Order of first appearance in the roster, parents by their first child.
        let mut first_seen = vec![usize::MAX; self.nodes.len()];
        for (i, &leaf) in self.leaf.iter().enumerate() {
            first_seen[leaf] = first_seen[leaf].min(i);
            for a in self.ancestors(leaf) {
                first_seen[a] = first_seen[a].min(i);
            }
        }
        let mut ids: Vec<usize> = (0..self.nodes.len()).filter(|&n| has_staff[n]).collect();
        ids.sort_by_key(|&n| (first_seen[n], n));
        for n in ids {
            match self.nodes[n].parent {
                Some(p) => children[p].push(n),
                None => roots.push(n),
            }
        }
        let mut out = Vec::new();
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(children[n].iter().rev());
        }
        out
    }

    /// True for nodes with nodes below them.
    #[must_use]
    pub fn is_parent(&self, node: usize) -> bool {
        self.parent_flags.get(node).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests;
