//! Filling a form: one polars query per form over the staff frame (the
//! population, one row per person and unit, every criterion summed per
//! unit), then the form's own sums in plain Rust over the units (parents,
//! "Tổng số", blocks), as an officer adds the rows by hand.

use polars::prelude::*;

use super::blocks::{block_sums, leaves_below, node_id};
use super::checks::{check_blocks, check_rows};
use super::def::{Form, Orientation, Value};
use super::rule::Dim;
use super::{Cell, FormTable, Note, RowKind, TableRow};
use crate::staff::{StaffFrame, u64s};
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
        if let Some(q) = o.quota {
            self.quota = Some(self.quota.unwrap_or(0) + q);
        }
    }
}

/// Per-leaf figures of every criterion, and what the notes need.
struct Counted {
    /// Each roster unit's node → its figures and unknowns.
    by_node: std::collections::HashMap<u32, Sums>,
    /// Frame dims with no known value in the population.
    no_data: Vec<&'static str>,
    /// People counted in more than one unit.
    in_several_units: u64,
}

/// The dim a reconcile group splits by: tested by its first criterion and
/// not by the total's.
fn split_dim(form: &Form, members: &[usize], of: usize) -> Option<&'static str> {
    let of_dims = form.criteria[of].rule.dims();
    form.criteria[*members.first()?]
        .rule
        .dims()
        .into_iter()
        .find_map(|d| match d {
            Dim::Frame(c) if !of_dims.contains(&d) => Some(c),
            _ => None,
        })
}

fn count(form: &Form, staff: &StaffFrame) -> PolarsResult<Counted> {
    let pop_expr = form.population.expr().unwrap_or(lit(false));
    let pop = staff
        .df
        .clone()
        .lazy()
        .filter(pop_expr)
        .unique_stable_generic(
            Some(vec![col("leaf"), col("person")]),
            UniqueKeepStrategy::First,
        );
    let known_age = col("age").gt_eq(lit(0));
    let mut aggs = Vec::new();
    for (i, c) in form.criteria.iter().enumerate() {
        let Some(e) = c.rule.expr() else { continue };
        match c.value {
            Value::Count => aggs.push(e.cast(DataType::UInt64).sum().alias(format!("c{i}"))),
            Value::MeanAge => {
                let e = e.and(known_age.clone());
                aggs.push(
                    col("age")
                        .cast(DataType::Int64)
                        .filter(e.clone())
                        .sum()
                        .alias(format!("c{i}")),
                );
                aggs.push(e.cast(DataType::UInt64).sum().alias(format!("n{i}")));
            }
            Value::Quota => {}
        }
    }
    for (g, r) in form.reconcile.iter().enumerate() {
        let members = form.span(&r.criteria[0], &r.criteria[1]);
        let Some(of) = form.criteria.iter().position(|c| c.number == r.of) else {
            continue;
        };
        if let (Some(dim), Some(of_e)) =
            (split_dim(form, &members, of), form.criteria[of].rule.expr())
        {
            aggs.push(
                of_e.and(col(dim).cast(DataType::Int32).eq(lit(-1)))
                    .cast(DataType::UInt64)
                    .sum()
                    .alias(format!("u{g}")),
            );
        }
    }
    let mut dims: Vec<&'static str> = Vec::new();
    for c in &form.criteria {
        for d in c.rule.dims() {
            if let Dim::Frame(name) = d
                && !["category", "commune", "gov_level", "unit_type"].contains(&name)
                && !dims.contains(&name)
            {
                dims.push(name);
            }
        }
    }
    for d in &dims {
        aggs.push(
            col(*d)
                .cast(DataType::Int32)
                .neq(lit(-1))
                .cast(DataType::UInt64)
                .sum()
                .alias(format!("k_{d}")),
        );
    }
    let df = pop.clone().group_by([col("leaf")]).agg(aggs).collect()?;
    let nodes = u64s(&df, "leaf")?;
    let mut by_node = std::collections::HashMap::new();
    // Per criterion: the sums per unit, and for a mean the people per unit.
    type Sums2 = Option<(Vec<u64>, Option<Vec<u64>>)>;
    let mut columns: Vec<Sums2> = Vec::new();
    for (i, c) in form.criteria.iter().enumerate() {
        let name = format!("c{i}");
        if df.column(&name).is_err() {
            columns.push(None);
            continue;
        }
        let n = match c.value {
            Value::MeanAge => Some(u64s(&df, &format!("n{i}"))?),
            _ => None,
        };
        columns.push(Some((u64s(&df, &name)?, n)));
    }
    let unknowns: Vec<Option<Vec<u64>>> = (0..form.reconcile.len())
        .map(|g| u64s(&df, &format!("u{g}")).ok())
        .collect();
    for (row, &node) in nodes.iter().enumerate() {
        let node = u32::try_from(node).unwrap_or(u32::MAX);
        let figures = columns
            .iter()
            .map(|c| match c {
                Some((v, None)) => Figure {
                    sum: v[row],
                    n: v[row],
                },
                Some((v, Some(n))) => Figure {
                    sum: v[row],
                    n: n[row],
                },
                None => Figure::default(),
            })
            .collect();
        let unknown = unknowns
            .iter()
            .map(|u| u.as_ref().map_or(0, |u| u[row]))
            .collect();
        by_node.insert(
            node,
            Sums {
                figures,
                unknown,
                quota: None,
            },
        );
    }
    let mut no_data = Vec::new();
    for d in dims {
        if u64s(&df, &format!("k_{d}"))?.iter().sum::<u64>() == 0 {
            no_data.push(d);
        }
    }
    let several = pop
        .group_by([col("person")])
        .agg([len().alias("k")])
        .filter(col("k").gt(lit(1)))
        .select([len().cast(DataType::UInt64).alias("n")])
        .collect()?;
    let in_several_units = u64s(&several, "n")?.first().copied().unwrap_or(0);
    Ok(Counted {
        by_node,
        no_data,
        in_several_units,
    })
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

/// Fills a unit or criteria form. `quota` is each node's approved staffing.
pub(super) fn fill(
    form: &Form,
    staff: &StaffFrame,
    h: &Hierarchy,
    quota: &[Option<u64>],
) -> PolarsResult<FormTable> {
    let counted = count(form, staff)?;
    let k = form.criteria.len();
    let mut notes: Vec<Note> = Vec::new();
    let blank: Vec<bool> = (0..k)
        .map(|i| match blank_reason(form, i, &counted) {
            Some(n) => {
                notes.push(n);
                true
            }
            None => false,
        })
        .collect();
    if let Some(c) = form.criteria.iter().find(|c| c.value == Value::Quota)
        && quota.iter().all(Option::is_none)
    {
        notes.push(Note::NotRecorded {
            number: c.number.clone(),
            field: "quota",
        });
    }
    if counted.in_several_units > 0 {
        notes.push(Note::InSeveralUnits {
            people: counted.in_several_units,
        });
    }
    // The roster units at and below each node, computed once.
    let below = leaves_below(h);
    let order: Vec<usize> = h
        .report_order()
        .into_iter()
        .filter(|&n| {
            below[n]
                .iter()
                .any(|&l| counted.by_node.contains_key(&node_id(l)))
        })
        .collect();
    let sum_over = |leaves: &[usize]| -> Sums {
        let mut t = Sums {
            figures: vec![Figure::default(); k],
            unknown: vec![0; form.reconcile.len()],
            quota: None,
        };
        for &l in leaves {
            if let Some(unit) = counted.by_node.get(&node_id(l)) {
                t.add(unit);
            }
            if let Some(x) = quota.get(l).copied().flatten() {
                t.quota = Some(t.quota.unwrap_or(0) + x);
            }
        }
        t
    };
    let cells = |t: &Sums| -> Vec<Cell> {
        (0..k)
            .map(|i| {
                if blank[i] {
                    return Cell::Blank;
                }
                match form.criteria[i].value {
                    Value::Count => Cell::Count(t.figures[i].sum),
                    Value::Quota => t.quota.map_or(Cell::Blank, Cell::Count),
                    Value::MeanAge if t.figures[i].n == 0 => Cell::Blank,
                    Value::MeanAge => Cell::Mean(t.figures[i].sum as f64 / t.figures[i].n as f64),
                }
            })
            .collect()
    };
    let mut rows = Vec::new();
    match form.orientation {
        Orientation::Units | Orientation::People => {
            for &n in &order {
                let t = sum_over(&below[n]);
                rows.push(TableRow {
                    kind: if h.is_parent(n) {
                        RowKind::Parent
                    } else {
                        RowKind::Unit
                    },
                    depth: h.depth(n),
                    label: h.nodes[n].name.clone(),
                    code: h.nodes[n].code.clone(),
                    cells: cells(&t),
                    unknown: t.unknown,
                });
            }
            let all: Vec<usize> = (0..h.nodes.len())
                .filter(|&n| h.nodes[n].roster_unit.is_some())
                .collect();
            let t = sum_over(&all);
            rows.push(TableRow {
                kind: RowKind::Total,
                depth: 0,
                label: String::new(),
                code: None,
                cells: cells(&t),
                unknown: t.unknown,
            });
        }
        Orientation::Criteria => {
            let leaves: Vec<usize> = (0..h.nodes.len())
                .filter(|&n| h.nodes[n].roster_unit.is_some())
                .collect();
            let (sums, outside) = block_sums(form, h, &leaves, &sum_over);
            if outside > 0 {
                notes.push(Note::OutsideBlocks { people: outside });
            }
            let per_block: Vec<Vec<Cell>> = sums.iter().map(cells).collect();
            for i in 0..k {
                rows.push(TableRow {
                    kind: RowKind::Criterion,
                    depth: 0,
                    label: form.criteria[i].label.clone(),
                    code: Some(form.criteria[i].number.clone()),
                    cells: per_block.iter().map(|c| c[i].clone()).collect(),
                    unknown: Vec::new(),
                });
            }
            let mismatches = check_blocks(form, &per_block);
            return Ok(FormTable {
                rows,
                notes,
                mismatches,
            });
        }
    }
    let mismatches = check_rows(form, &rows);
    Ok(FormTable {
        rows,
        notes,
        mismatches,
    })
}
