//! Filling a form: one polars query per form over the staff frame
//! ([`super::query`]), then the form's own sums in plain Rust over the units
//! (parents, "Tổng số", blocks), as an officer adds the rows by hand.

use polars::prelude::PolarsResult;

use super::blocks::{block_sums, leaves_below, node_id, top_blocks};
use super::checks::{check_blocks, check_rows};
use super::def::{Form, Orientation, Value};
use super::query::{Counted, count};
use super::reconcile::{reconcile_notes, unknown_notes};
use super::rule::Dim;
use super::{Cell, FormTable, Note, RowKind, TableRow};
use crate::staff::StaffFrame;
use crate::units::Hierarchy;

/// A criterion's figure in one unit: count, or (sum of ages, people) for a
/// mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Figure {
    pub(super) sum: u64,
    pub(super) n: u64,
}

/// A group of units' figures: per criterion, unknowns per reconcile group,
/// and the approved staffing when any unit gives it.
#[derive(Debug, Clone)]
pub(super) struct Sums {
    pub(super) figures: Vec<Figure>,
    pub(super) unknown: Vec<u64>,
    /// People of unknown value per dim the criteria test (`Counted::dims`).
    pub(super) missing: Vec<u64>,
    /// People of known value per dim.
    pub(super) known: Vec<u64>,
    pub(super) quota: Option<u64>,
}

impl Sums {
    pub(super) fn add(&mut self, o: &Sums) {
        for (a, b) in self.figures.iter_mut().zip(&o.figures) {
            a.sum += b.sum;
            a.n += b.n;
        }
        for (a, b) in self.unknown.iter_mut().zip(&o.unknown) {
            *a += b;
        }
        for (a, b) in self.missing.iter_mut().zip(&o.missing) {
            *a += b;
        }
        for (a, b) in self.known.iter_mut().zip(&o.known) {
            *a += b;
        }
        if let Some(q) = o.quota {
            self.quota = Some(self.quota.unwrap_or(0) + q);
        }
    }
}

/// Whether a criterion prints blank: a field the staff table does not hold,
/// or one no person in the population has a value for.
fn blank_reason(form: &Form, i: usize, counted: &Counted) -> Option<Note> {
    let c = &form.criteria[i];
    if c.value == Value::Quota {
        return None;
    }
    c.rule.dims().into_iter().find_map(|d| match d {
        Dim::NotRecorded(f) => Some(Note::NotRecorded {
            number: c.number.clone(),
            field: f,
        }),
        Dim::Frame(f) if counted.no_data.contains(&f) => Some(Note::NoData {
            number: c.number.clone(),
            field: f,
        }),
        Dim::Frame(_) => None,
    })
}

/// The notes a form's counts need, and which criteria print blank.
fn notes_and_blanks(
    form: &Form,
    counted: &Counted,
    quota: &[Option<u64>],
) -> (Vec<Note>, Vec<bool>) {
    let mut notes: Vec<Note> = Vec::new();
    let no_quota = quota.iter().all(Option::is_none);
    // In column order; the quota column is blank cell by cell (a unit
    // without one), noted when no unit has one.
    let blank: Vec<bool> = (0..form.criteria.len())
        .map(|i| {
            let c = &form.criteria[i];
            if c.value == Value::Quota && no_quota {
                notes.push(Note::NotRecorded {
                    number: c.number.clone(),
                    field: "quota",
                });
            }
            blank_reason(form, i, counted)
                .map(|n| notes.push(n))
                .is_some()
        })
        .collect();
    if counted.empty {
        notes.insert(0, Note::Empty);
    }
    if counted.in_several_units > 0 {
        notes.push(Note::InSeveralUnits {
            people: counted.in_several_units,
        });
    }
    (notes, blank)
}

/// Adds up units' figures and prints them as cells.
struct Adder<'a> {
    form: &'a Form,
    counted: &'a Counted,
    quota: &'a [Option<u64>],
    blank: Vec<bool>,
    /// Per criterion, the dims it tests (indices into `Counted::dims`).
    tests: Vec<Vec<usize>>,
}

impl Adder<'_> {
    /// The sums over roster units `leaves` (nodes).
    fn sum_over(&self, leaves: &[usize]) -> Sums {
        let mut t = Sums {
            figures: vec![Figure::default(); self.form.criteria.len()],
            unknown: vec![0; self.form.reconcile.len()],
            missing: vec![0; self.counted.dims.len()],
            known: vec![0; self.counted.dims.len()],
            quota: None,
        };
        for &l in leaves {
            if let Some(unit) = self.counted.by_node.get(&node_id(l)) {
                t.add(unit);
            }
            if let Some(x) = self.quota.get(l).copied().flatten() {
                t.quota = Some(t.quota.unwrap_or(0) + x);
            }
        }
        t
    }

    /// A row's cells: blank where the criterion prints blank, where the
    /// row has people but none with a known value of a field the criterion
    /// tests (no source data there: blank, not 0), or where a mean has no
    /// one.
    fn cells(&self, t: &Sums) -> Vec<Cell> {
        (0..self.form.criteria.len())
            .map(|i| {
                let no_data = self.tests[i]
                    .iter()
                    .any(|&d| t.known[d] == 0 && t.missing[d] > 0);
                if self.blank[i] || no_data {
                    return Cell::Blank;
                }
                match self.form.criteria[i].value {
                    Value::Count => Cell::Count(t.figures[i].sum),
                    Value::Quota => t.quota.map_or(Cell::Blank, Cell::Count),
                    Value::MeanAge if t.figures[i].n == 0 => Cell::Blank,
                    Value::MeanAge => Cell::Mean(t.figures[i].sum as f64 / t.figures[i].n as f64),
                }
            })
            .collect()
    }

    /// A row per unit with people (parents sum their units, and a parent
    /// with staff of its own has them on a row of their own below it, so
    /// its units add up to it), then "Tổng số"; and the sums of the whole
    /// form.
    fn unit_rows(&self, h: &Hierarchy, own: &str) -> (Vec<TableRow>, Sums) {
        // The roster units at and below each node, computed once.
        let below = leaves_below(h);
        let mut rows = Vec::new();
        for n in h.report_order() {
            if !below[n]
                .iter()
                .any(|&l| self.counted.by_node.contains_key(&node_id(l)))
            {
                continue;
            }
            let t = self.sum_over(&below[n]);
            let parent = h.is_parent(n);
            rows.push(TableRow {
                kind: if parent {
                    RowKind::Parent
                } else {
                    RowKind::Unit
                },
                depth: h.depth(n),
                label: h.nodes[n].name.clone(),
                code: h.nodes[n].code.clone(),
                cells: self.cells(&t),
                unknown: t.unknown,
            });
            if parent && self.counted.by_node.contains_key(&node_id(n)) {
                let t = self.sum_over(&[n]);
                rows.push(TableRow {
                    kind: RowKind::Unit,
                    depth: h.depth(n) + 1,
                    label: own.replace("{unit}", &h.nodes[n].name),
                    code: None,
                    cells: self.cells(&t),
                    unknown: t.unknown,
                });
            }
        }
        let t = self.sum_over(&roster_units(h));
        rows.push(TableRow {
            kind: RowKind::Total,
            depth: 0,
            label: String::new(),
            code: None,
            cells: self.cells(&t),
            unknown: t.unknown.clone(),
        });
        (rows, t)
    }

    /// A transposed form: a row per criterion, a column per block; each
    /// block's cells and sums.
    fn criterion_rows(
        &self,
        h: &Hierarchy,
        notes: &mut Vec<Note>,
    ) -> (Vec<TableRow>, Vec<Vec<Cell>>, Vec<Sums>) {
        let (sums, outside, twice) =
            block_sums(self.form, h, &roster_units(h), &|l| self.sum_over(l));
        if outside > 0 {
            notes.push(Note::OutsideBlocks { people: outside });
        }
        if twice > 0 {
            notes.push(Note::InSeveralBlocks { people: twice });
        }
        let per_block: Vec<Vec<Cell>> = sums.iter().map(|t| self.cells(t)).collect();
        let rows = self
            .form
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| TableRow {
                kind: RowKind::Criterion,
                depth: 0,
                label: c.label.clone(),
                code: Some(c.number.clone()),
                cells: per_block.iter().map(|b| b[i].clone()).collect(),
                unknown: Vec::new(),
            })
            .collect();
        (rows, per_block, sums)
    }
}

/// The nodes that are roster units.
fn roster_units(h: &Hierarchy) -> Vec<usize> {
    (0..h.nodes.len())
        .filter(|&n| h.nodes[n].roster_unit.is_some())
        .collect()
}

/// Fills a unit or criteria form. `quota` is each node's approved staffing;
/// `own` labels a parent's own staff ("{unit}, không kể đơn vị trực thuộc").
pub(super) fn fill(
    form: &Form,
    staff: &StaffFrame,
    h: &Hierarchy,
    (quota, own): (&[Option<u64>], &str),
) -> PolarsResult<FormTable> {
    let counted = count(form, staff)?;
    let (mut notes, blank) = notes_and_blanks(form, &counted, quota);
    let tests = form
        .criteria
        .iter()
        .map(|c| {
            c.rule
                .dims()
                .into_iter()
                .filter_map(|d| match d {
                    Dim::Frame(f) => counted.dims.iter().position(|x| *x == f),
                    Dim::NotRecorded(_) => None,
                })
                .collect()
        })
        .collect();
    let adder = Adder {
        form,
        counted: &counted,
        quota,
        blank,
        tests,
    };
    // The rows, the checks, and the sums of the whole form: its "Tổng số"
    // row, or each block no other block adds up.
    let (rows, (mismatches, unchecked), whole) = match form.orientation {
        Orientation::Units => {
            let (rows, total) = adder.unit_rows(h, own);
            let checked = check_rows(form, &rows);
            (rows, checked, vec![(None, total)])
        }
        Orientation::People => {
            let (rows, _) = adder.unit_rows(h, own);
            let checked = check_rows(form, &rows);
            (rows, checked, Vec::new())
        }
        Orientation::Criteria => {
            let (rows, per_block, sums) = adder.criterion_rows(h, &mut notes);
            let checked = check_blocks(form, &per_block);
            (rows, checked, top_blocks(form, sums))
        }
    };
    let mut all = reconcile_notes(form, &counted.splits, &whole, &adder.blank);
    all.append(&mut notes);
    all.extend(unknown_notes(
        form,
        &counted.splits,
        &whole,
        &adder.blank,
        &counted.dims,
    ));
    all.extend(unchecked);
    Ok(FormTable {
        rows,
        people: Vec::new(),
        notes: all,
        mismatches,
    })
}
