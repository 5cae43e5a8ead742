//! A form's one polars query over the staff frame: the population, one row
//! per person and unit, every criterion summed per unit, with the unknowns
//! each reconcile group needs and the dims no one has a value for.

use polars::prelude::*;

use super::count::{Figure, Sums};
use super::def::{Form, Value};
use super::rule::Dim;
use crate::staff::{StaffFrame, u64s};

/// Per-leaf figures of every criterion, and what the notes need.
pub(super) struct Counted {
    /// Each roster unit's node → its figures and unknowns.
    pub(super) by_node: std::collections::HashMap<u32, Sums>,
    /// Frame dims with no known value in the population.
    pub(super) no_data: Vec<&'static str>,
    /// The frame dims the criteria test (other than where people work), in
    /// the order of each unit's `Sums::missing`.
    pub(super) dims: Vec<&'static str>,
    /// People counted in more than one unit.
    pub(super) in_several_units: u64,
    /// No one is in the form's population: its cells are 0, not blank.
    pub(super) empty: bool,
    /// The form's reconcile groups resolved.
    pub(super) splits: Vec<Option<Split>>,
}

/// A reconcile group resolved on its form: its columns, the column of the
/// total they split, and the staff-frame field it splits by.
pub(super) struct Split {
    /// The group's criteria.
    pub(super) members: Vec<usize>,
    /// The criterion holding the total.
    pub(super) of: usize,
    /// The first staff-frame dim any member tests that the total's does not
    /// (a member testing a field the staff table does not hold, such as
    /// "Cử nhân", is passed over); `None`: no unknowns are counted.
    pub(super) dim: Option<&'static str>,
}

/// Each reconcile group of `form` resolved (`None` when its total names no
/// criterion), in the form's order.
pub(super) fn splits(form: &Form) -> Vec<Option<Split>> {
    form.reconcile
        .iter()
        .map(|r| {
            let of = form.criteria.iter().position(|c| c.number == r.of)?;
            let members = form.span(&r.criteria[0], &r.criteria[1]);
            let of_dims = form.criteria[of].rule.dims();
            let dim = members.iter().find_map(|&m| {
                form.criteria[m]
                    .rule
                    .dims()
                    .into_iter()
                    .find_map(|d| match d {
                        Dim::Frame(c) if !of_dims.contains(&d) => Some(c),
                        _ => None,
                    })
            });
            Some(Split { members, of, dim })
        })
        .collect()
}

/// Whether a person's value of `dim` is unknown: -1, except the category,
/// whose unknown is a category of its own (`Category::Unknown`'s rank).
fn unknown(dim: &str) -> Expr {
    let code = if dim == "category" {
        crate::staff::rank(
            Some(crate::scales::Category::Unknown),
            &crate::scales::Category::ALL,
        )
    } else {
        -1
    };
    col(dim).cast(DataType::Int32).eq(lit(i32::from(code)))
}

/// The sums of one unit's people: `c{i}` per criterion (and `n{i}`, the
/// people of a mean), `u{g}` the unknowns of each reconcile group, `k_{dim}`
/// and `m_{dim}` the people with a known and an unknown value of each dim
/// the criteria test (returned).
fn aggregations(form: &Form, splits: &[Option<Split>]) -> (Vec<Expr>, Vec<&'static str>) {
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
    for (g, split) in splits.iter().enumerate() {
        let Some(Split {
            of, dim: Some(dim), ..
        }) = split
        else {
            continue;
        };
        if let Some(of_e) = form.criteria[*of].rule.expr() {
            aggs.push(
                of_e.and(unknown(dim))
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
        // Known and unknown among those a column testing the field could
        // count: 8B's grade columns take cán bộ and công chức, so a viên
        // chức without a grade is not missing one.
        let scope = form
            .criteria
            .iter()
            .filter(|c| c.value != Value::Quota && c.rule.dims().contains(&Dim::Frame(d)))
            .filter_map(|c| c.rule.without(Dim::Frame(d)).expr())
            .reduce(Expr::or)
            .unwrap_or(lit(true));
        let unknown = col(*d).cast(DataType::Int32).eq(lit(-1));
        for (value, name) in [(unknown.clone().not(), "k"), (unknown, "m")] {
            let e = scope.clone().and(value).cast(DataType::UInt64).sum();
            aggs.push(e.alias(format!("{name}_{d}")));
        }
    }
    (aggs, dims)
}

pub(super) fn count(form: &Form, staff: &StaffFrame) -> PolarsResult<Counted> {
    let pop_expr = form.population.expr().unwrap_or(lit(false));
    let population = staff.df.clone().lazy().filter(pop_expr);
    let pop = crate::staff::each_person_once(population, Some("leaf"))?;
    let splits = splits(form);
    let (aggs, dims) = aggregations(form, &splits);
    let df = pop.clone().group_by([col("leaf")]).agg(aggs).collect()?;
    let by_node = per_node(form, &df, &dims)?;
    let empty = df.height() == 0;
    let mut no_data = Vec::new();
    // No data: people a column testing the field could count, and not one
    // with a value (nobody it could count at all is a 0, not a blank).
    for &d in &dims {
        let sum =
            |p: &str| -> PolarsResult<u64> { Ok(u64s(&df, &format!("{p}_{d}"))?.iter().sum()) };
        if !empty && sum("k")? == 0 && sum("m")? > 0 {
            no_data.push(d);
        }
    }
    // Looked for among people with several postings only (most have one).
    let several = pop
        .filter(col("several_postings"))
        .group_by([col("person")])
        .agg([len().alias("k")])
        .filter(col("k").gt(lit(1)))
        .select([len().cast(DataType::UInt64).alias("n")])
        .collect()?;
    let in_several_units = u64s(&several, "n")?.first().copied().unwrap_or(0);
    Ok(Counted {
        by_node,
        no_data,
        dims,
        in_several_units,
        empty,
        splits,
    })
}

/// The per-unit result of [`aggregations`] as each roster unit's sums.
fn per_node(
    form: &Form,
    df: &DataFrame,
    dims: &[&str],
) -> PolarsResult<std::collections::HashMap<u32, Sums>> {
    let nodes = u64s(df, "leaf")?;
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
            Value::MeanAge => Some(u64s(df, &format!("n{i}"))?),
            _ => None,
        };
        columns.push(Some((u64s(df, &name)?, n)));
    }
    let unknowns: Vec<Option<Vec<u64>>> = (0..form.reconcile.len())
        .map(|g| u64s(df, &format!("u{g}")).ok())
        .collect();
    let missing: Vec<Vec<u64>> = dims
        .iter()
        .map(|d| u64s(df, &format!("m_{d}")))
        .collect::<PolarsResult<_>>()?;
    let known: Vec<Vec<u64>> = dims
        .iter()
        .map(|d| u64s(df, &format!("k_{d}")))
        .collect::<PolarsResult<_>>()?;
    let mut by_node = std::collections::HashMap::new();
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
                missing: missing.iter().map(|m| m[row]).collect(),
                known: known.iter().map(|k| k[row]).collect(),
                quota: None,
            },
        );
    }
    Ok(by_node)
}
