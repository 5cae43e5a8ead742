//! Stage 3, clean staff table × policy → compliance rows.
//!
//! For every target and every group (each unit, each parent up the
//! hierarchy, the whole roster): the population N, the qualified Q, the
//! unknown U (in N, never in Q), the share, met, and the shortfall, decided
//! with exact integer arithmetic ([`crate::policy::decide`]). People are
//! counted once per group: a person holding two posts in one unit counts
//! once there, and once in the whole roster.
//!
//! The population filters and the measure are polars expressions over a
//! frame of postings; this is the only stage that builds one.

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::policy::{
    Decision, Measure, Percent, Policy, Population, Scope, Target, UnitType, decide,
};
use crate::positions::{Assignment, Placement};
use crate::roster::{Roster, Text};
use crate::scales::Category;
use crate::text::fold;
use crate::units::Hierarchy;
use std::collections::HashMap;

/// Which group a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// A node of the hierarchy with staff of its own (a unit).
    Unit(usize),
    /// A node with units below it.
    Parent(usize),
    /// The whole roster.
    All,
}

/// One target × group figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplianceRow {
    /// The group.
    pub group: Group,
    /// Population N.
    pub population: u64,
    /// Qualified Q.
    pub qualified: u64,
    /// Unknown U.
    pub unknown: u64,
    /// Met and shortfall.
    pub decision: Decision,
}

impl ComplianceRow {
    /// Q / N, for display; `None` when N = 0.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn share(&self) -> Option<f64> {
        (self.population > 0).then(|| self.qualified as f64 / self.population as f64)
    }
}

/// The headline of a target, decided by its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    /// Met; `None` when no group of the scope has a population.
    pub met: Option<bool>,
    /// Additional qualified people needed (summed over the scope's groups).
    pub shortfall: u64,
    /// Units meeting the target.
    pub units_met: u64,
    /// Units with a non-empty population.
    pub units_applicable: u64,
}

/// Everything computed for one target.
#[derive(Debug, Clone)]
pub struct TargetResult {
    /// Index into the policy's targets.
    pub target: usize,
    /// Rows: units and parents in hierarchy order, then the whole roster.
    pub rows: Vec<ComplianceRow>,
    /// The whole-roster row.
    pub all: ComplianceRow,
    /// The headline.
    pub headline: Headline,
    /// Records (indices into the roster) of people in the population who do
    /// not meet the measure, one per person and unit, in input order.
    pub gaps: Vec<u32>,
    /// Everyone in the population, one per person and unit, in input order
    /// (empty for targets over agencies).
    pub members: Vec<Member>,
}

impl TargetResult {
    /// The rows to list: units and parents with someone in the population,
    /// then the whole roster. Units without anyone are counted, not listed.
    pub fn listed(&self) -> impl Iterator<Item = &ComplianceRow> {
        self.rows
            .iter()
            .filter(|r| r.population > 0)
            .chain([&self.all])
    }

    /// Units and parents with nobody in the population (not listed).
    #[must_use]
    pub fn empty_groups(&self) -> usize {
        self.rows.iter().filter(|r| r.population == 0).count()
    }
}

/// One person in a target's population, in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Record (index into the roster).
    pub rec: u32,
    /// Unit.
    pub unit: u32,
    /// Person.
    pub person: u32,
    /// Meets the measure now.
    pub qualified: bool,
    /// Value unknown now.
    pub unknown: bool,
}

fn polars_err(e: &PolarsError) -> Error {
    Error::Usage(format!("internal error in the compliance computation: {e}"))
}

/// Unknown values are -1 in the frame; levels are their rank from 0.
fn rank<T: Copy + Ord>(v: Option<T>, all: &[T]) -> i8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(-1, |i| i8::try_from(i).unwrap_or(i8::MAX))
}

const EDU: [crate::scales::Education; 7] = crate::scales::Education::ASCENDING;
const LLCT: [crate::scales::PoliticalTheory; 4] = {
    use crate::scales::PoliticalTheory::*;
    [None, SoCap, TrungCap, CaoCap]
};
const QLNN: [crate::scales::StateManagement; 5] = {
    use crate::scales::StateManagement::*;
    [None, CanSu, ChuyenVien, ChuyenVienChinh, ChuyenVienCaoCap]
};
const UNIT_TYPES: [UnitType; 4] = [
    UnitType::AdministrativeAgency,
    UnitType::PublicServiceUnit,
    UnitType::CommuneCommittee,
    UnitType::Other,
];

/// The postings as a frame: one row per staff record.
fn postings_frame(
    roster: &Roster,
    h: &Hierarchy,
    placement: Option<&Placement>,
) -> PolarsResult<(DataFrame, TitleKeys)> {
    let r = &roster.records;
    // Titles as the class of their folded text (0: none), folded once per text.
    let mut titles = TitleKeys::new();
    let mut of_text: HashMap<Text, u32> = HashMap::new();
    let title: Vec<u32> = r
        .iter()
        .map(|x| match x.title {
            None => 0,
            Some(t) => *of_text.entry(t).or_insert_with(|| {
                let next = u32::try_from(titles.len() + 1).unwrap_or(u32::MAX);
                *titles.entry(fold(roster.texts.get(t))).or_insert(next)
            }),
        })
        .collect();
    let u32s = |f: &dyn Fn(usize) -> u32| (0..r.len()).map(f).collect::<Vec<u32>>();
    let i8s = |f: &dyn Fn(usize) -> i8| (0..r.len()).map(f).collect::<Vec<i8>>();
    let flag = |f: &dyn Fn(&Assignment) -> bool| -> Vec<i8> {
        match placement {
            Some(p) => p.assignments.iter().map(|a| i8::from(f(a))).collect(),
            None => vec![0; r.len()],
        }
    };
    // A person meets the position standard only if every posting does (1);
    // fails it if any posting does (0); else it is to be verified (-1, unknown).
    let standard: Vec<i8> = match placement {
        Some(p) => {
            let per_person = crate::positions::person_standards(roster, &p.assignments);
            r.iter()
                .map(|x| match per_person[x.person as usize] {
                    crate::positions::Standard::Meets => 1,
                    crate::positions::Standard::Fails => 0,
                    crate::positions::Standard::ToVerify => -1,
                })
                .collect()
        }
        None => vec![0; r.len()],
    };
    let has_catalogue: Vec<bool> = match placement {
        Some(p) => r
            .iter()
            .map(|x| p.agencies[x.unit as usize].has_catalogue)
            .collect(),
        None => vec![false; r.len()],
    };
    let columns = vec![
        Column::new(
            "rec".into(),
            u32s(&|i| u32::try_from(i).unwrap_or(u32::MAX)),
        ),
        Column::new("person".into(), u32s(&|i| r[i].person)),
        Column::new("unit".into(), u32s(&|i| r[i].unit)),
        Column::new(
            "category".into(),
            i8s(&|i| rank(Some(r[i].category), &Category::ALL)),
        ),
        Column::new(
            "commune".into(),
            r.iter().map(|x| x.commune).collect::<Vec<bool>>(),
        ),
        Column::new(
            "gov_level".into(),
            i8s(&|i| rank(r[i].gov_level, &crate::scales::GovLevel::ALL)),
        ),
        Column::new(
            "unit_type".into(),
            i8s(&|i| rank(h.nodes[h.leaf[r[i].unit as usize]].unit_type, &UNIT_TYPES)),
        ),
        Column::new("title".into(), title),
        Column::new("education".into(), i8s(&|i| rank(r[i].education, &EDU))),
        Column::new(
            "political_theory".into(),
            i8s(&|i| rank(r[i].political_theory, &LLCT)),
        ),
        Column::new(
            "state_management".into(),
            i8s(&|i| rank(r[i].state_management, &QLNN)),
        ),
        Column::new("placed".into(), flag(&Assignment::placed)),
        Column::new("placed_grade".into(), flag(&Assignment::placed_with_grade)),
        Column::new("standard".into(), standard),
        Column::new("has_catalogue".into(), has_catalogue),
    ];
    Ok((DataFrame::new(r.len(), columns)?, titles))
}

/// Folded title → its class in the frame's `title` column.
type TitleKeys = HashMap<String, u32>;

/// Any of the values (or everything when the list is empty).
fn any_of(column: &str, values: impl IntoIterator<Item = i32>) -> Expr {
    values
        .into_iter()
        .map(|v| col(column).eq(lit(v)))
        .reduce(Expr::or)
        .unwrap_or(lit(true))
}

fn population_expr(p: &Population, titles: &TitleKeys) -> Expr {
    let mut e = any_of(
        "category",
        p.category
            .iter()
            .map(|c| i32::from(rank(Some(*c), &Category::ALL))),
    );
    if let Some(commune) = p.commune {
        e = e.and(col("commune").eq(lit(commune)));
    }
    e = e.and(any_of(
        "gov_level",
        p.gov_level
            .iter()
            .map(|g| i32::from(rank(Some(*g), &crate::scales::GovLevel::ALL))),
    ));
    e = e.and(any_of(
        "unit_type",
        p.unit_type
            .iter()
            .map(|t| i32::from(rank(Some(*t), &UNIT_TYPES))),
    ));
    if !p.titles.is_empty() {
        let titles = p
            .titles
            .iter()
            .map(|t| col("title").eq(lit(titles.get(&fold(t)).copied().unwrap_or(u32::MAX))))
            .reduce(Expr::or)
            .unwrap_or(lit(true));
        e = e.and(titles);
    }
    e
}

fn measure_column(m: &Measure) -> (&'static str, i32) {
    match m {
        Measure::Education(level) => ("education", i32::from(rank(Some(*level), &EDU))),
        Measure::PoliticalTheory(level) => {
            ("political_theory", i32::from(rank(Some(*level), &LLCT)))
        }
        Measure::StateManagement(level) => {
            ("state_management", i32::from(rank(Some(*level), &QLNN)))
        }
        Measure::PlacedInPosition => ("placed", 1),
        Measure::PlacedWithMatchingGrade | Measure::StructuredByPosition(_) => ("placed_grade", 1),
        Measure::MeetsPositionStandard => ("standard", 1),
    }
}

/// Counts (key, N, Q, U) per group after keeping one row per (key, person).
fn counts(pop: LazyFrame, key: &str) -> PolarsResult<Vec<(u32, u64, u64, u64)>> {
    let df = pop
        .unique_stable_generic(
            Some(vec![col(key), col("person")]),
            UniqueKeepStrategy::First,
        )
        .group_by([col(key)])
        .agg([
            len().cast(DataType::UInt64).alias("n"),
            col("q").sum().cast(DataType::UInt64).alias("q"),
            col("u").sum().cast(DataType::UInt64).alias("u"),
        ])
        .collect()?;
    let slice = |c: &str| -> PolarsResult<Vec<u64>> {
        Ok(df
            .column(c)?
            .cast(&DataType::UInt64)?
            .u64()?
            .rechunk()
            .cont_slice()?
            .to_vec())
    };
    let (k, n, q, u) = (slice(key)?, slice("n")?, slice("q")?, slice("u")?);
    Ok((0..k.len())
        .map(|i| (u32::try_from(k[i]).unwrap_or(u32::MAX), n[i], q[i], u[i]))
        .collect())
}

fn headline(t: &Target, rows: &[ComplianceRow], all: &ComplianceRow) -> Headline {
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

/// Rows in report order from per-node figures (units, then parents above them).
fn ordered_rows(
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

fn all_row(t: &Target, (n, q, u): (u64, u64, u64)) -> ComplianceRow {
    ComplianceRow {
        group: Group::All,
        population: n,
        qualified: q,
        unknown: u,
        decision: decide(t.comparator, t.threshold, n, q),
    }
}

fn evaluate_target(
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
        ]);
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
    let all_df = pop
        .clone()
        .unique_stable_generic(Some(vec![col("person")]), UniqueKeepStrategy::First)
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
    let members_df = pop
        .unique_stable_generic(
            Some(vec![col("unit"), col("person")]),
            UniqueKeepStrategy::First,
        )
        .select([col("rec"), col("unit"), col("person"), col("q"), col("u")])
        .collect()?;
    let u32s = |c: &str| -> PolarsResult<Vec<u32>> {
        Ok(members_df
            .column(c)?
            .u32()?
            .rechunk()
            .cont_slice()?
            .to_vec())
    };
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
    let members: Vec<Member> = (0..rec.len())
        .map(|i| Member {
            rec: rec[i],
            unit: unit[i],
            person: person[i],
            qualified: q[i],
            unknown: u[i],
        })
        .collect();
    let gaps: Vec<u32> = members
        .iter()
        .filter(|m| !m.qualified)
        .map(|m| m.rec)
        .collect();
    let rows = ordered_rows(h, t, &by_node, &by_parent);
    let headline = headline(t, &rows, &all);
    Ok(TargetResult {
        target: 0,
        rows,
        all,
        headline,
        gaps,
        members,
    })
}

/// Agencies as the population: each unit with staff in the target's
/// population counts once, as qualified when it has a catalogue and at least
/// `share` of those staff are placed with a matching grade. Parents and the
/// whole roster count their agencies.
fn evaluate_agency_target(
    (frame, titles): (&DataFrame, &TitleKeys),
    h: &Hierarchy,
    t: &Target,
    share: Percent,
) -> PolarsResult<TargetResult> {
    let per_unit = frame
        .clone()
        .lazy()
        .filter(population_expr(&t.population, titles))
        .unique_stable_generic(
            Some(vec![col("unit"), col("person")]),
            UniqueKeepStrategy::First,
        )
        .group_by([col("unit")])
        .agg([
            len().cast(DataType::UInt64).alias("n"),
            col("placed_grade").cast(DataType::UInt64).sum().alias("m"),
            col("has_catalogue").first().alias("cat"),
        ])
        .collect()?;
    let units = per_unit
        .column("unit")?
        .u32()?
        .rechunk()
        .cont_slice()?
        .to_vec();
    let n = per_unit
        .column("n")?
        .u64()?
        .rechunk()
        .cont_slice()?
        .to_vec();
    let m = per_unit
        .column("m")?
        .cast(&DataType::UInt64)?
        .u64()?
        .rechunk()
        .cont_slice()?
        .to_vec();
    let cat = per_unit.column("cat")?.bool()?.clone();
    let mut leaf: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    for i in 0..units.len() {
        // Exact: m / n ≥ share, as m·100·10⁴ ≥ share·10⁴ · n.
        let structured = n[i] > 0
            && cat.get(i).unwrap_or(false)
            && u128::from(m[i]) * 100 * 10_000 >= u128::from(share.scaled()) * u128::from(n[i]);
        leaf[h.leaf[units[i] as usize]] = Some((1, u64::from(structured), 0));
    }
    let mut parent: Vec<Option<(u64, u64, u64)>> = vec![None; h.nodes.len()];
    let mut all = (0, 0, 0);
    for &node in &h.leaf {
        let (a, q, _) = leaf[node].unwrap_or_default();
        all = (all.0 + a, all.1 + q, 0);
        for anc in h.rollup_nodes(node) {
            let p = parent[anc].get_or_insert((0, 0, 0));
            *p = (p.0 + a, p.1 + q, 0);
        }
    }
    let rows = ordered_rows(h, t, &leaf, &parent);
    let all = all_row(t, all);
    let headline = headline(t, &rows, &all);
    Ok(TargetResult {
        target: 0,
        rows,
        all,
        headline,
        gaps: Vec::new(),
        members: Vec::new(),
    })
}

/// Evaluates every target of the policy.
pub fn evaluate(
    roster: &Roster,
    h: &Hierarchy,
    policy: &Policy,
    placement: Option<&Placement>,
) -> Result<Vec<TargetResult>> {
    let (frame, titles) = postings_frame(roster, h, placement).map_err(|e| polars_err(&e))?;
    let (mut units, mut nodes) = (Vec::new(), Vec::new());
    for (u, &leaf) in h.leaf.iter().enumerate() {
        for a in h.rollup_nodes(leaf) {
            units.push(u32::try_from(u).unwrap_or(u32::MAX));
            nodes.push(u32::try_from(a).unwrap_or(u32::MAX));
        }
    }
    let ancestry = DataFrame::new(
        units.len(),
        vec![
            Column::new("unit".into(), units),
            Column::new("node".into(), nodes),
        ],
    )
    .map_err(|e| polars_err(&e))?;
    policy
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let r = match t.measure {
                Measure::StructuredByPosition(share) => {
                    evaluate_agency_target((&frame, &titles), h, t, share)
                }
                _ => evaluate_target((&frame, &titles), &ancestry, h, t),
            };
            let mut r = r.map_err(|e| polars_err(&e))?;
            r.target = i;
            Ok(r)
        })
        .collect()
}
