//! Counting a target over the frame: per unit, per parent and over the whole
//! roster, with the verdict and the headline.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Counts (key, N, Q, U) per group after keeping one row per (key, person).
pub(super) fn counts(pop: LazyFrame, key: &str) -> PolarsResult<Vec<(u32, u64, u64, u64)>> {
    let df = crate::staff::each_person_once(pop, Some(key))?
        .group_by([col(key)])
        .agg([
            len().cast(DataType::UInt64).alias("n"),
            col("q").sum().cast(DataType::UInt64).alias("q"),
            col("u").sum().cast(DataType::UInt64).alias("u"),
        ])
        .collect()?;
    let slice = |c: &str| crate::staff::u64s(&df, c);
    let (k, n, q, u) = (slice(key)?, slice("n")?, slice("q")?, slice("u")?);
    Ok((0..k.len())
        .map(|i| (u32::try_from(k[i]).unwrap_or(u32::MAX), n[i], q[i], u[i]))
        .collect())
}

pub(super) fn headline(t: &Target, rows: &[ComplianceRow], all: &ComplianceRow) -> Headline {
    let units: Vec<&ComplianceRow> = rows
        .iter()
        .filter(|r| matches!(r.group, Group::Unit(_)))
        .collect();
    let units_applicable = units.iter().filter(|r| r.population > 0).count() as u64;
    let units_met = units
        .iter()
        .filter(|r| r.decision.met == Some(true))
        .count() as u64;
    match t.scope {
        Scope::All => Headline {
            met: all.decision.met,
            shortfall: all.decision.shortfall,
            units_met,
            units_applicable,
        },
        Scope::Unit | Scope::Parent => {
            let scoped: Vec<&ComplianceRow> = rows
                .iter()
                .filter(|r| match (t.scope, r.group) {
                    (Scope::Unit, Group::Unit(_)) | (Scope::Parent, Group::Parent(_)) => {
                        r.population > 0
                    }
                    _ => false,
                })
                .collect();
            let met = if scoped.is_empty() {
                None
            } else {
                Some(scoped.iter().all(|r| r.decision.met == Some(true)))
            };
            Headline {
                met,
                shortfall: scoped.iter().map(|r| r.decision.shortfall).sum(),
                units_met,
                units_applicable,
            }
        }
    }
}

/// Counts (people, qualified, unknown) per node, where any.
type NodeCounts = [Option<(u64, u64, u64)>];

/// A target's result from its counts per unit and per parent, and the whole roster.
fn result(
    h: &Hierarchy,
    t: &Target,
    (unit, parent): (&NodeCounts, &NodeCounts),
    all: ComplianceRow,
    gaps: Vec<u32>,
    members: Vec<Member>,
) -> TargetResult {
    let rows = ordered_rows(h, t, unit, parent);
    let headline = headline(t, &rows, &all);
    TargetResult {
        target: 0,
        rows,
        all,
        headline,
        gaps,
        members,
    }
}

/// Rows in report order from per-node figures (units, then parents above them).
pub(super) fn ordered_rows(
    h: &Hierarchy,
    t: &Target,
    unit: &[Option<(u64, u64, u64)>],
    parent: &[Option<(u64, u64, u64)>],
) -> Vec<ComplianceRow> {
    let row = |group, (n, q, u): (u64, u64, u64)| ComplianceRow {
        group,
        population: n,
        qualified: q,
        unknown: u,
        decision: decide(t.comparator, t.threshold, n, q),
    };
    let mut rows = Vec::new();
    for node in h.report_order() {
        if h.is_parent(node) {
            rows.push(row(Group::Parent(node), parent[node].unwrap_or_default()));
        }
        if h.nodes[node].roster_unit.is_some() {
            rows.push(row(Group::Unit(node), unit[node].unwrap_or_default()));
        }
    }
    rows
}

pub(super) fn all_row(t: &Target, (n, q, u): (u64, u64, u64)) -> ComplianceRow {
    ComplianceRow {
        group: Group::All,
        population: n,
        qualified: q,
        unknown: u,
        decision: decide(t.comparator, t.threshold, n, q),
    }
}

pub(super) fn evaluate_target(
    (frame, titles): (&DataFrame, &TitleKeys),
    ancestry: &DataFrame,
    h: &Hierarchy,
    t: &Target,
) -> PolarsResult<TargetResult> {
    let (measure, level) = measure_column(&t.measure);
    let pop = frame
        .clone()
        .lazy()
        .filter(population_expr(&t.population, titles))
        .with_columns([
            col(measure).gt_eq(lit(level)).alias("q"),
            col(measure).lt(lit(0)).alias("u"),
        ])
        .select([
            col("rec"),
            col("unit"),
            col("person"),
            col("several_postings"),
            col("q"),
            col("u"),
        ]);
    // Filtered once: the four counts below each filtered the whole frame
    // again (their population is a tenth of it).
    let pop = pop.collect()?.lazy();
    let mut by_node: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    for (unit, n, q, u) in counts(pop.clone(), "unit")? {
        by_node[h.leaf[unit as usize]] = Some((n, q, u));
    }
    let mut by_parent: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    if ancestry.height() > 0 {
        let joined = pop.clone().join(
            ancestry.clone().lazy(),
            [col("unit")],
            [col("unit")],
            JoinArgs::new(JoinType::Inner),
        );
        for (node, n, q, u) in counts(joined, "node")? {
            by_parent[node as usize] = Some((n, q, u));
        }
    }
    let all_df = crate::staff::each_person_once(pop.clone(), None)?
        .select([
            len().cast(DataType::UInt64).alias("n"),
            col("q").sum().cast(DataType::UInt64).alias("q"),
            col("u").sum().cast(DataType::UInt64).alias("u"),
        ])
        .collect()?;
    let first = |c: &str| {
        all_df
            .column(c)
            .ok()
            .and_then(|s| s.u64().ok()?.get(0))
            .unwrap_or(0)
    };
    let all = all_row(t, (first("n"), first("q"), first("u")));
    let members = members(pop)?;
    let gaps: Vec<u32> = members
        .iter()
        .filter(|m| !m.qualified)
        .map(|m| m.rec)
        .collect();
    Ok(result(h, t, (&by_node, &by_parent), all, gaps, members))
}

/// Each person once per unit of the population, with their record and
/// whether they are qualified or unknown.
fn members(pop: LazyFrame) -> PolarsResult<Vec<Member>> {
    let members_df = pop
        .unique_stable_generic(
            Some(vec![col("unit"), col("person")]),
            UniqueKeepStrategy::First,
        )
        .select([col("rec"), col("unit"), col("person"), col("q"), col("u")])
        .collect()?;
    let u32s = |c: &str| crate::staff::u32s(&members_df, c);
    let bools = |c: &str| -> PolarsResult<Vec<bool>> {
        let v = members_df.column(c)?.cast(&DataType::UInt32)?;
        Ok(v.u32()?
            .rechunk()
            .cont_slice()?
            .iter()
            .map(|x| *x != 0)
            .collect())
    };
    let (rec, unit, person, q, u) = (
        u32s("rec")?,
        u32s("unit")?,
        u32s("person")?,
        bools("q")?,
        bools("u")?,
    );
    Ok((0..rec.len())
        .map(|i| Member {
            rec: rec[i],
            unit: unit[i],
            person: person[i],
            qualified: q[i],
            unknown: u[i],
        })
        .collect())
}

/// Agencies as the population: each unit with staff in the target's
/// population counts once, as qualified when it has a catalogue and at least
/// `share` of those staff are placed with a matching grade. Parents and the
/// whole roster count their agencies.
pub(super) fn evaluate_agency_target(
    (frame, titles): (&DataFrame, &TitleKeys),
    h: &Hierarchy,
    t: &Target,
    share: Percent,
) -> PolarsResult<TargetResult> {
    let population = frame
        .clone()
        .lazy()
        .filter(population_expr(&t.population, titles));
    let per_unit = crate::staff::each_person_once(population, Some("unit"))?
        .group_by([col("unit")])
        .agg([
            len().cast(DataType::UInt64).alias("n"),
            col(measure_column(&t.measure).0)
                .cast(DataType::UInt64)
                .sum()
                .alias("m"),
            col("has_catalogue").first().alias("cat"),
        ])
        .collect()?;
    let units = crate::staff::u32s(&per_unit, "unit")?;
    let n = crate::staff::u64s(&per_unit, "n")?;
    let m = crate::staff::u64s(&per_unit, "m")?;
    let cat = per_unit.column("cat")?.bool()?.clone();
    let verdicts = (0..units.len()).map(|i| {
        // Exact: m / n ≥ share, as m·100·10⁴ ≥ share·10⁴ · n.
        let structured = n[i] > 0
            && cat.get(i).unwrap_or(false)
            && u128::from(m[i]) * 100 * 10_000 >= u128::from(share.scaled()) * u128::from(n[i]);
        (units[i], structured, false)
    });
    Ok(agency_result(h, t, verdicts))
}

/// A target over agencies from each agency's verdict (unit, meets, unknown):
/// each agency counts once in N, in Q when it meets, in U when unknown;
/// summed per parent and over the whole roster.
pub(super) fn agency_result(
    h: &Hierarchy,
    t: &Target,
    verdicts: impl IntoIterator<Item = (u32, bool, bool)>,
) -> TargetResult {
    let mut leaf: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    for (unit, meets, unknown) in verdicts {
        leaf[h.leaf[unit as usize]] = Some((1, u64::from(meets), u64::from(unknown)));
    }
    let mut parent: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    let mut all = (0, 0, 0);
    for &node in &h.leaf {
        let (a, q, u) = leaf[node].unwrap_or_default();
        all = (all.0 + a, all.1 + q, all.2 + u);
        for anc in h.rollup_nodes(node) {
            let p = parent[anc].get_or_insert((0, 0, 0));
            *p = (p.0 + a, p.1 + q, p.2 + u);
        }
    }
    let all = all_row(t, all);
    result(h, t, (&leaf, &parent), all, Vec::new(), Vec::new())
}
