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
use crate::policy::{Decision, Measure, Percent, Policy, Population, Scope, Target, decide};
use crate::positions::{Assignment, Placement};
use crate::roster::Roster;
use crate::scales::Category;
use crate::text::fold;
use crate::units::Hierarchy;

mod caps;
pub use caps::level_caps;
mod count;
mod frame;

use count::*;
use frame::*;

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
    crate::staff::polars_error("the compliance computation", e)
}

/// Evaluates every target of the policy.
pub fn evaluate(
    staff: &crate::staff::StaffFrame,
    roster: &Roster,
    h: &Hierarchy,
    policy: &Policy,
    placement: Option<&Placement>,
) -> Result<Vec<TargetResult>> {
    let frame = postings_frame(staff, placement).map_err(|e| polars_err(&e))?;
    let titles = &staff.titles;
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
                Measure::StructuredByPosition(share) | Measure::ProfessionalPositions(share) => {
                    evaluate_agency_target((&frame, titles), h, t, share)
                }
                Measure::LevelCaps => {
                    caps::evaluate_level_caps((&frame, titles), roster, placement, h, t)
                }
                _ => evaluate_target((&frame, titles), &ancestry, h, t),
            };
            let mut r = r.map_err(|e| polars_err(&e))?;
            r.target = i;
            Ok(r)
        })
        .collect()
}
