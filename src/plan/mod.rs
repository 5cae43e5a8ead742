//! Stage 4b, projection → the smallest training plan for all targets together.
//!
//! **Groups.** For every education target (`gt`/`ge`) and every group its scope
//! judges (each unit, each parent, or the whole roster), the projection gives
//! the counts at the deadline without new training; a group projected to miss
//! needs `need` more qualified people (the exact shortfall of
//! [`crate::policy::decide`], the population being fixed by then).
//!
//! **Candidates.** A person is a candidate for a group when, in the group's
//! population, their education is known and below the target's level, they are
//! not already in training, and they are in service at the deadline (their last
//! day of service — the roster's retirement date, else the legal one — is on or
//! after it: the projection's own rule). People past retirement age on the
//! as-of date are never in service after it. Unknown education is never a
//! candidate: such people may already be qualified.
//!
//! **Courses.** A trainee is (person, course level, start year). A course
//! starts on 1 January of its year (the day after the as-of date in the first
//! year) and lasts the policy's months for its level; it counts for a group
//! when the person is a candidate there, the level reaches the target's level,
//! and it ends by the deadline. Each person is trained at most once.
//!
//! **Objective**, lexicographic: meet the most groups; then the fewest
//! trainees; then the smallest total step (levels climbed); then, among
//! interchangeable people, the longest remaining service, then staff id, then
//! input order. Yearly capacity (overall, per unit) constrains start years.
//! [`solve`] finds the optimum exactly (branch and bound over profiles of
//! interchangeable people, each component of units and targets apart) and
//! says when a component was too large to prove it, with bounds.
//!
//! **Outcomes.** One per group projected to miss: the trainees counting for it,
//! met or not with the plan; when not, why (too few candidates, too little
//! time, the yearly capacity, or other targets competing for the same people),
//! the best share reachable at the deadline for that group alone, the earliest
//! date it could be met by training every candidate as early as the remaining
//! capacity allows, and what the unknown educations could change.

mod model;
mod outcome;
pub mod solve;

use hashbrown::{HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};

use crate::compliance::{Group, Member, TargetResult};
use crate::policy::{Comparator, Measure, Policy, Scope, Target, TrainingSettings};
use crate::projection::{Counts, MemberGroups, Projector};
use crate::scales::Education;
use model::*;
use outcome::*;
use solve::{Caps, Model, Opt, Profile, Starts};

/// Why a plan cannot meet a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcoming {
    /// Fewer candidates (below the level, known, not in training, in service) than needed.
    TooFewCandidates,
    /// Enough candidates, but too few can finish a course by the deadline.
    TooLittleTime,
    /// Enough candidates in time, but the yearly capacity does not let enough start.
    Capacity,
    /// The group could be met alone, but not together with the groups the plan meets.
    Competing,
}

impl Shortcoming {
    /// A stable key for JSON.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Shortcoming::TooFewCandidates => "too_few_candidates",
            Shortcoming::TooLittleTime => "too_little_time",
            Shortcoming::Capacity => "capacity",
            Shortcoming::Competing => "competing_targets",
        }
    }
}

/// One planned course.
#[derive(Debug, Clone)]
pub struct Trainee {
    /// Record (index into the roster).
    pub rec: u32,
    /// Person.
    pub person: u32,
    /// Unit.
    pub unit: u32,
    /// Level now.
    pub current: Option<Education>,
    /// Level the course leads to.
    pub course: Education,
    /// Course start.
    pub start: NaiveDate,
    /// Course end (last day).
    pub end: NaiveDate,
    /// Last day of service, when known.
    pub retire: Option<NaiveDate>,
    /// Targets the course serves (indices into the policy's targets).
    pub targets: Vec<usize>,
}

/// The plan's result for one target and group projected to miss.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Target index.
    pub target: usize,
    /// The group.
    pub group: Group,
    /// Projected counts at the deadline without new training.
    pub at_deadline: Counts,
    /// Additional qualified people needed at the deadline.
    pub needed: u64,
    /// Trainees whose course counts for this group.
    pub planned: u64,
    /// Met at the deadline with the plan.
    pub met_with_plan: bool,
    /// Why not, when not.
    pub shortcoming: Option<Shortcoming>,
    /// With the plan when met; else the best share this group alone could reach.
    pub best_share: Option<f64>,
    /// When not met: the earliest date (from the deadline on) it could be met, if ever.
    pub earliest: Option<NaiveDate>,
    /// Candidates for this group (any course length).
    pub candidates: u64,
    /// People of unknown education at the deadline (in the population, never qualified).
    pub unknown: i64,
    /// Met with the plan if every unknown turned out qualified.
    pub met_if_unknown_qualified: bool,
}

impl Outcome {
    /// Counts at the deadline with the plan: its trainees added to the qualified.
    #[must_use]
    pub fn with_plan(&self) -> Counts {
        Counts {
            q: self.at_deadline.q + i64::try_from(self.planned).unwrap_or(i64::MAX),
            ..self.at_deadline
        }
    }
}

/// Bounds when a part of the plan could not be proven optimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanBound {
    /// Groups the plan meets.
    pub groups_met: u32,
    /// No plan meets more.
    pub groups_met_at_most: u32,
    /// Trainees in the plan.
    pub trainees: u32,
    /// No plan meeting `groups_met_at_most` groups has fewer.
    pub trainees_at_least: u32,
}

/// The plan.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Courses, by unit, start and preference.
    pub trainees: Vec<Trainee>,
    /// One per target × group projected to miss (education targets).
    pub outcomes: Vec<Outcome>,
    /// Targets that training cannot serve (other measures, `lt`/`le`).
    pub not_trainable: Vec<usize>,
    /// `None` when the plan is proven optimal.
    pub bound: Option<PlanBound>,
}

/// Search nodes per independent component before the plan is reported as a bound.
const BUDGET: u64 = 2_000_000;

/// Course dates for a start year: the first day the year allows, and the last day.
fn course(first_day: NaiveDate, year: i32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?.max(first_day);
    let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
    Some((start, end))
}

/// Plans training for every education target together.
#[must_use]
pub fn plan(
    policy: &Policy,
    results: &[TargetResult],
    groups: &[MemberGroups],
    projector: &Projector<'_>,
    settings: &TrainingSettings,
) -> Plan {
    let first_day = projector.first_day();
    let caps = Caps {
        overall: settings.capacity,
        per_unit: settings.capacity_per_unit,
        first_year: first_day.year(),
    };
    let mut out = Plan::default();
    let (needs, trainable) = find_needs(policy, results, groups, projector, &mut out.not_trainable);
    let people = candidates(&needs, projector);
    let profiles = profiles(&people, &needs, settings, &caps, first_day);
    let model = Model {
        needs: needs
            .iter()
            .map(|n| u32::try_from(n.need).unwrap_or(u32::MAX))
            .collect(),
        profiles: profiles
            .iter()
            .map(|(opts, unit, ps)| Profile {
                count: u32::try_from(ps.len()).unwrap_or(u32::MAX),
                unit: *unit,
                options: opts.iter().map(|(_, o)| o.clone()).collect(),
            })
            .collect(),
        caps,
    };
    let sol = solve::solve(&model, BUDGET);
    out.bound = sol.bound.map(|b| PlanBound {
        groups_met: sol.score.met,
        groups_met_at_most: b.met_at_most,
        trainees: sol.score.people,
        trainees_at_least: b.people_at_least,
    });
    // People taken (in preference order within their profile), with their course and latest start.
    let mut chosen: Vec<(&Person, Education, i32)> = Vec::new();
    for ((opts, _, ps), take) in profiles.iter().zip(&sol.take) {
        let mut next = ps.iter();
        for ((level, opt), &x) in opts.iter().zip(take) {
            for p in next.by_ref().take(x as usize) {
                chosen.push((p, *level, opt.latest));
            }
        }
    }
    out.trainees = trainees(
        &chosen, policy, results, &trainable, projector, settings, &caps,
    );
    out.trainees.sort_by_cached_key(|t| {
        let p = &people[&t.person];
        let step = (t.course as u32).saturating_sub(p.current as u32);
        (t.unit, t.start, step, preference(p))
    });
    let ctx = OutcomeContext {
        projector,
        policy,
        settings,
        caps,
        people: &people,
        planned: out.trainees.iter().map(|t| (t.person, t)).collect(),
        used: {
            let mut used = Starts::default();
            for t in &out.trainees {
                used.take(t.unit, t.start.year());
            }
            used
        },
    };
    let outcomes = ctx.outcomes(&needs);
    // Its maps borrow the trainees until dropped: unlike std's, hashbrown's
    // maps (without its nightly feature) may use what they borrow when
    // dropped, so they must go before the plan moves.
    drop(ctx);
    out.outcomes = outcomes;
    out
}
