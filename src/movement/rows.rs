//! The table's rows: "Tổng số" and its categories, then each unit in the
//! hierarchy's order (a parent sums its children and its own staff; where
//! it has staff of its own, a row "X, không kể đơn vị trực thuộc" under it
//! shows them, so the rows add up visibly), then last year's units placed
//! nowhere.

use std::collections::HashMap;

use super::columns::{COUNT, Figures};
use super::people::Place;
use super::{Inputs, UnplacedUnit};
use crate::forms::{Cell, RowKind, TableRow};
use crate::labels::{self, Lang};
use crate::scales::Category;

/// Per category, summed, in category order.
type ByCategory = Vec<(Category, Figures)>;

fn add(to: &mut Figures, f: &Figures) {
    for (a, b) in to.iter_mut().zip(f) {
        *a += b;
    }
}

fn add_to(sums: &mut ByCategory, cat: Category, f: &Figures) {
    match sums.iter_mut().find(|(c, _)| *c == cat) {
        Some((_, s)) => add(s, f),
        None => sums.push((cat, *f)),
    }
}

/// The figures summed per node (with its descendants), per node's own
/// staff, per unplaced unit, over the unplaced and over everything.
#[derive(Default)]
struct Sums {
    by_node: Vec<ByCategory>,
    own: Vec<ByCategory>,
    by_unplaced: HashMap<u32, ByCategory>,
    unplaced: ByCategory,
    total: ByCategory,
}

impl Sums {
    fn new(i: &Inputs<'_>, figures: &HashMap<(Place, Category), Figures>) -> Self {
        let h = i.hierarchy;
        let mut s = Sums {
            by_node: vec![Vec::new(); h.nodes.len()],
            own: vec![Vec::new(); h.nodes.len()],
            ..Sums::default()
        };
        // In category order, so every sum lists its categories in that order.
        let mut keys: Vec<&(Place, Category)> = figures.keys().collect();
        keys.sort_by_key(|(p, c)| (*c, *p));
        for key in keys {
            let (place, cat) = *key;
            let f = &figures[key];
            add_to(&mut s.total, cat, f);
            match place {
                Place::Node(n) => {
                    add_to(&mut s.own[n], cat, f);
                    add_to(&mut s.by_node[n], cat, f);
                    for a in h.ancestors(n) {
                        add_to(&mut s.by_node[a], cat, f);
                    }
                }
                Place::Unplaced(u) => {
                    add_to(s.by_unplaced.entry(u).or_default(), cat, f);
                    add_to(&mut s.unplaced, cat, f);
                }
            }
        }
        s
    }
}

/// The rows as printed, and the same rows labelled with their unit for the
/// checks' messages.
#[derive(Default)]
struct Rows {
    lang: Option<Lang>,
    rows: Vec<TableRow>,
    labelled: Vec<TableRow>,
}

impl Rows {
    /// A unit's row and a row per category under it.
    fn push(
        &mut self,
        kind: RowKind,
        depth: usize,
        label: &str,
        code: Option<String>,
        sums: &ByCategory,
    ) {
        let lang = self.lang.unwrap_or(Lang::Vi);
        let mut all = [0; COUNT];
        for (_, f) in sums {
            add(&mut all, f);
        }
        let row = |kind, label: String, code: Option<String>, f: &Figures| TableRow {
            kind,
            depth,
            label,
            code,
            cells: f.iter().map(|&v| Cell::Count(v)).collect(),
            unknown: Vec::new(),
        };
        self.rows
            .push(row(kind, label.to_string(), code.clone(), &all));
        self.labelled.push(row(kind, label.to_string(), code, &all));
        for (cat, f) in sums {
            let name = labels::category(lang, *cat);
            // A category's row carries its key as its code.
            let key = Some(cat.key().to_string());
            self.rows
                .push(row(RowKind::Part, name.to_string(), key.clone(), f));
            let at = if label.is_empty() {
                format!("{} – {name}", labels::forms(lang).total)
            } else {
                format!("{label} – {name}")
            };
            self.labelled.push(row(RowKind::Part, at, key, f));
        }
    }
}

/// This year's nodes with figures, in the hierarchy's report order (nodes
/// only last year's people reach after them).
fn node_order(i: &Inputs<'_>, s: &Sums) -> Vec<usize> {
    let h = i.hierarchy;
    let mut order: Vec<usize> = h.report_order();
    let listed: std::collections::HashSet<usize> = order.iter().copied().collect();
    order.extend((0..h.nodes.len()).filter(|n| !listed.contains(n)));
    order.retain(|&n| !s.by_node[n].is_empty());
    order
}

/// The rows, and the rows labelled with their unit for the checks.
pub fn table_rows(
    i: &Inputs<'_>,
    figures: &HashMap<(Place, Category), Figures>,
    unplaced: &[UnplacedUnit],
) -> (Vec<TableRow>, Vec<TableRow>) {
    let h = i.hierarchy;
    let s = Sums::new(i, figures);
    let l = labels::movement(i.lang);
    let mut out = Rows {
        lang: Some(i.lang),
        ..Rows::default()
    };
    out.push(RowKind::Total, 0, "", None, &s.total);
    for n in node_order(i, &s) {
        let node = &h.nodes[n];
        let depth = h.depth(n);
        let kind = if h.is_parent(n) {
            RowKind::Parent
        } else {
            RowKind::Unit
        };
        out.push(kind, depth, &node.name, node.code.clone(), &s.by_node[n]);
        if kind == RowKind::Unit {
            continue;
        }
        if !s.own[n].is_empty() {
            let own = l.own_staff.replace("{unit}", &node.name);
            out.push(RowKind::Unit, depth + 1, &own, None, &s.own[n]);
        }
    }
    if !unplaced.is_empty() {
        out.push(RowKind::Parent, 0, l.unplaced, None, &s.unplaced);
        let mut units: Vec<u32> = s.by_unplaced.keys().copied().collect();
        units.sort_unstable();
        for u in units {
            let unit = &i.previous.units[u as usize];
            out.push(
                RowKind::Unit,
                1,
                &unit.name,
                unit.code.clone(),
                &s.by_unplaced[&u],
            );
        }
    }
    (out.rows, out.labelled)
}
