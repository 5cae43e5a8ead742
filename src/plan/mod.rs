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

pub mod solve;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};

use crate::compliance::{Group, Member, TargetResult};
use crate::policy::{Comparator, Measure, Policy, Scope, Target, TrainingSettings};
use crate::projection::{Counts, MemberGroups, Projector};
use crate::scales::Education;
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

/// A group projected to miss.
struct Need<'r> {
    target: usize,
    level: Education,
    deadline: NaiveDate,
    group: Group,
    members: Vec<&'r Member>,
    at: Counts,
    need: u64,
}

/// A profile's options (with their course level), unit and people.
type ProfileRows = (Vec<(Education, Opt)>, u32, Vec<Person>);

/// A candidate person.
#[derive(Debug, Clone)]
struct Person {
    rec: u32,
    unit: u32,
    current: Education,
    retire: Option<NaiveDate>,
    staff_id: Option<String>,
    /// Needs (indices) where the person is a candidate, ascending.
    groups: Vec<u32>,
}

fn in_service(retire: Option<NaiveDate>, on: NaiveDate) -> bool {
    retire.is_none_or(|r| r >= on)
}

/// Whether `person` is a candidate for `m`'s group of a target due `deadline`.
fn candidate(projector: &Projector<'_>, m: &Member, deadline: NaiveDate) -> bool {
    let rec = &projector.roster.records[m.rec as usize];
    !m.qualified
        && !m.unknown
        && rec.education.is_some()
        && rec.training_level.is_none()
        && in_service(projector.retire[m.rec as usize], deadline)
        && projector.retire[m.rec as usize].is_none_or(|r| r >= projector.as_of)
}

/// Preference among interchangeable people: longest remaining service
/// (unknown last), staff id (none last), input order.
fn preference(
    p: &Person,
) -> (
    bool,
    std::cmp::Reverse<Option<NaiveDate>>,
    bool,
    String,
    u32,
) {
    (
        p.retire.is_none(),
        std::cmp::Reverse(p.retire),
        p.staff_id.is_none(),
        p.staff_id.clone().unwrap_or_default(),
        p.rec,
    )
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
    out.outcomes = needs
        .iter()
        .enumerate()
        .map(|(gi, n)| ctx.outcome(u32::try_from(gi).unwrap_or(u32::MAX), n))
        .collect();
    out
}

/// The groups projected to miss, and the trainable targets with their level;
/// other targets are pushed to `not_trainable`.
fn find_needs<'r>(
    policy: &Policy,
    results: &'r [TargetResult],
    groups: &[MemberGroups],
    projector: &Projector<'_>,
    not_trainable: &mut Vec<usize>,
) -> (Vec<Need<'r>>, Vec<(usize, Education)>) {
    let none = HashMap::new();
    let mut needs = Vec::new();
    let mut trainable = Vec::new();
    for (res, mg) in results.iter().zip(groups) {
        let t = &policy.targets[res.target];
        let level = match (t.measure, t.comparator) {
            (Measure::Education(level), Comparator::Gt | Comparator::Ge) => level,
            _ => {
                not_trainable.push(res.target);
                continue;
            }
        };
        trainable.push((res.target, level));
        for (group, idx) in &mg.groups {
            let judged = matches!(
                (t.scope, group),
                (Scope::All, Group::All)
                    | (Scope::Unit, Group::Unit(_))
                    | (Scope::Parent, Group::Parent(_))
            );
            if !judged || idx.is_empty() {
                continue;
            }
            let members: Vec<&Member> = idx.iter().map(|&i| &res.members[i]).collect();
            let at = projector
                .timeline(members.iter().copied(), &t.measure, &none)
                .at(t.deadline);
            let d = at.decide(t);
            if d.met == Some(false) && d.shortfall > 0 {
                needs.push(Need {
                    target: res.target,
                    level,
                    deadline: t.deadline,
                    group: *group,
                    members,
                    at,
                    need: d.shortfall,
                });
            }
        }
    }
    (needs, trainable)
}

/// Candidates by person, with the needs they can count for.
fn candidates(needs: &[Need<'_>], projector: &Projector<'_>) -> HashMap<u32, Person> {
    let mut people: HashMap<u32, Person> = HashMap::new();
    for (gi, n) in needs.iter().enumerate() {
        for m in &n.members {
            if !candidate(projector, m, n.deadline) {
                continue;
            }
            let rec = &projector.roster.records[m.rec as usize];
            let p = people.entry(m.person).or_insert_with(|| Person {
                rec: m.rec,
                unit: rec.unit,
                current: rec.education.unwrap_or(Education::ChuaQuaDaoTao),
                retire: projector.retire[m.rec as usize],
                staff_id: projector.roster.texts.opt(rec.staff_id).map(str::to_string),
                groups: Vec::new(),
            });
            if m.rec < p.rec {
                p.rec = m.rec;
                p.unit = rec.unit;
            }
            p.groups.push(u32::try_from(gi).unwrap_or(u32::MAX));
        }
    }
    people
}

/// Profiles: people of one unit with the same options, each in preference
/// order; profiles by smallest step, then their most preferred person.
fn profiles(
    people: &HashMap<u32, Person>,
    needs: &[Need<'_>],
    settings: &TrainingSettings,
    caps: &Caps,
    first_day: NaiveDate,
) -> Vec<ProfileRows> {
    let last_year = needs
        .iter()
        .map(|n| n.deadline.year())
        .max()
        .unwrap_or(caps.first_year);
    let mut by_key: HashMap<(u32, Vec<(Education, Opt)>), usize> = HashMap::new();
    let mut profiles: Vec<ProfileRows> = Vec::new();
    let mut ids: Vec<&u32> = people.keys().collect();
    ids.sort_unstable();
    for id in ids {
        let p = &people[id];
        let opts = options(p, needs, settings, caps, first_day, last_year);
        if opts.is_empty() {
            continue;
        }
        let k = *by_key.entry((p.unit, opts.clone())).or_insert_with(|| {
            profiles.push((opts, p.unit, Vec::new()));
            profiles.len() - 1
        });
        profiles[k].2.push(p.clone());
    }
    for pr in &mut profiles {
        pr.2.sort_by_key(preference);
    }
    profiles.sort_by_key(|(opts, _, ps)| {
        (
            opts.iter().map(|(_, o)| o.step).min().unwrap_or(0),
            preference(&ps[0]),
        )
    });
    profiles
}

/// The chosen people as courses: start years scheduled within the capacity,
/// and every trainable target each course serves.
fn trainees(
    chosen: &[(&Person, Education, i32)],
    policy: &Policy,
    results: &[TargetResult],
    trainable: &[(usize, Education)],
    projector: &Projector<'_>,
    settings: &TrainingSettings,
    caps: &Caps,
) -> Vec<Trainee> {
    let first_day = projector.first_day();
    let jobs: Vec<(u32, i32)> = chosen.iter().map(|(p, _, y)| (p.unit, *y)).collect();
    let years = solve::schedule(caps, &jobs).unwrap_or_else(|| jobs.iter().map(|j| j.1).collect());
    let person_of = |p: &Person| projector.roster.records[p.rec as usize].person;
    let ids: HashSet<u32> = chosen.iter().map(|(p, _, _)| person_of(p)).collect();
    let served = targets_served(results, trainable, projector, &ids);
    let mut out = Vec::with_capacity(chosen.len());
    for ((p, level, _), year) in chosen.iter().zip(&years) {
        let Some((start, end)) = course(first_day, *year, settings.duration(*level)) else {
            continue;
        };
        let person = person_of(p);
        let targets = served
            .get(&person)
            .map(|v| {
                v.iter()
                    .filter(|(t, lvl)| {
                        let deadline = policy.targets[*t].deadline;
                        *lvl <= *level && end <= deadline && in_service(p.retire, deadline)
                    })
                    .map(|(t, _)| *t)
                    .collect()
            })
            .unwrap_or_default();
        out.push(Trainee {
            rec: p.rec,
            person,
            unit: p.unit,
            current: Some(p.current),
            course: *level,
            start,
            end,
            retire: p.retire,
            targets,
        });
    }
    out
}

/// What an outcome needs to know of the plan.
struct OutcomeContext<'a> {
    projector: &'a Projector<'a>,
    policy: &'a Policy,
    settings: &'a TrainingSettings,
    caps: Caps,
    people: &'a HashMap<u32, Person>,
    /// Trainees by person.
    planned: HashMap<u32, &'a Trainee>,
    /// Course starts the plan uses.
    used: Starts,
}

impl OutcomeContext<'_> {
    /// The outcome of need `gi`.
    fn outcome(&self, gi: u32, n: &Need<'_>) -> Outcome {
        let t = &self.policy.targets[n.target];
        let cands: Vec<&Person> = n
            .members
            .iter()
            .filter_map(|m| self.people.get(&m.person))
            .filter(|p| p.groups.contains(&gi))
            .collect();
        let planned = cands
            .iter()
            .filter_map(|p| self.planned.get(&self.person_of(p)))
            .filter(|tr| tr.course >= n.level && tr.end <= n.deadline)
            .count() as u64;
        let mut outcome = Outcome {
            target: n.target,
            group: n.group,
            at_deadline: n.at,
            needed: n.need,
            planned,
            met_with_plan: false,
            shortcoming: None,
            best_share: None,
            earliest: None,
            candidates: cands.len() as u64,
            unknown: n.at.u,
            met_if_unknown_qualified: false,
        };
        let with = outcome.with_plan();
        outcome.met_with_plan = with.decide(t).met == Some(true);
        outcome.best_share = with.share();
        outcome.met_if_unknown_qualified = Counts {
            q: with.q + n.at.u,
            ..with
        }
        .decide(t)
        .met == Some(true);
        if outcome.met_with_plan {
            return outcome;
        }
        // A course to the level started in this year or before ends by the deadline.
        let months = self.settings.duration(n.level);
        let first_day = self.projector.first_day();
        let in_time_year = (self.caps.first_year..=n.deadline.year())
            .rev()
            .find(|y| course(first_day, *y, months).is_some_and(|(_, e)| e <= n.deadline));
        let in_time: Vec<(u32, i32)> = in_time_year
            .map(|y| cands.iter().map(|p| (p.unit, y)).collect())
            .unwrap_or_default();
        let reachable = solve::max_scheduled(&self.caps, &in_time);
        outcome.shortcoming = Some(if (cands.len() as u64) < n.need {
            Shortcoming::TooFewCandidates
        } else if (in_time.len() as u64) < n.need {
            Shortcoming::TooLittleTime
        } else if reachable < n.need {
            Shortcoming::Capacity
        } else {
            Shortcoming::Competing
        });
        outcome.best_share = Counts {
            q: n.at.q + i64::try_from(reachable).unwrap_or(0),
            ..n.at
        }
        .share();
        outcome.earliest = self.earliest(n, t, &cands, months);
        outcome
    }

    fn person_of(&self, p: &Person) -> u32 {
        self.projector.roster.records[p.rec as usize].person
    }

    /// The earliest date from the deadline on when the group could be met: the
    /// plan's courses stay, and every other candidate starts a course to the
    /// level as early as the capacity left allows, if it ends before they retire.
    fn earliest(
        &self,
        n: &Need<'_>,
        t: &Target,
        cands: &[&Person],
        months: u32,
    ) -> Option<NaiveDate> {
        let first_day = self.projector.first_day();
        let mut used = self.used.clone();
        let mut ends: HashMap<u32, NaiveDate> = HashMap::new();
        let horizon = first_day.year() + 45;
        for p in cands {
            let person = self.person_of(p);
            if let Some(tr) = self.planned.get(&person) {
                if tr.course >= n.level {
                    ends.insert(person, tr.end);
                }
                continue;
            }
            let start = (self.caps.first_year..=horizon).find_map(|y| {
                let (_, e) = course(first_day, y, months)?;
                (used.free(&self.caps, p.unit, y) && in_service(p.retire, e)).then_some((y, e))
            });
            if let Some((y, e)) = start {
                used.take(p.unit, y);
                ends.insert(person, e);
            }
        }
        self.projector
            .timeline(n.members.iter().copied(), &t.measure, &ends)
            .earliest_met(t, n.deadline)
    }
}

/// A person's options: for each level some group needs, each distinct set of
/// groups a course started in some year covers, with the latest such year;
/// then options another does at least as well (more groups, no larger step,
/// no earlier latest start) are dropped.
fn options(
    p: &Person,
    needs: &[Need<'_>],
    settings: &TrainingSettings,
    caps: &Caps,
    first_day: NaiveDate,
    last_year: i32,
) -> Vec<(Education, Opt)> {
    let capacity = caps.any();
    let mut levels: Vec<Education> = p
        .groups
        .iter()
        .map(|g| needs[*g as usize].level)
        .filter(|l| *l > p.current)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let mut all: Vec<(Education, Opt)> = Vec::new();
    for level in levels {
        let months = settings.duration(level);
        let step = (level as u32).saturating_sub(p.current as u32);
        let mut prev: Option<(Vec<u32>, i32)> = None;
        let mut push = |(covers, latest): (Vec<u32>, i32)| {
            all.push((
                level,
                Opt {
                    covers,
                    step,
                    latest,
                },
            ));
        };
        for year in caps.first_year..=last_year {
            let Some((_, end)) = course(first_day, year, months) else {
                break;
            };
            let covers: Vec<u32> = p
                .groups
                .iter()
                .copied()
                .filter(|g| {
                    let n = &needs[*g as usize];
                    n.level <= level && end <= n.deadline
                })
                .collect();
            if covers.is_empty() {
                break;
            }
            match &mut prev {
                Some((c, y)) if *c == covers => *y = year,
                _ => {
                    if let Some(p) = prev.take() {
                        push(p);
                    }
                    prev = Some((covers, year));
                }
            }
            if !capacity {
                break;
            }
        }
        if let Some(p) = prev {
            push(p);
        }
    }
    let dominated = |i: usize| {
        let a = &all[i].1;
        all.iter().enumerate().any(|(j, (_, b))| {
            j != i
                && a.covers.iter().all(|g| b.covers.contains(g))
                && b.step <= a.step
                && (!capacity || b.latest >= a.latest)
                && (b.covers.len() > a.covers.len()
                    || b.step < a.step
                    || (capacity && b.latest > a.latest)
                    || j < i)
        })
    };
    let keep: Vec<bool> = (0..all.len()).map(|i| !dominated(i)).collect();
    all.into_iter()
        .zip(keep)
        .filter_map(|(o, k)| k.then_some(o))
        .collect()
}

/// For each trainee, the trainable targets whose population they are in
/// without meeting the level: (target, level).
fn targets_served(
    results: &[TargetResult],
    trainable: &[(usize, Education)],
    projector: &Projector<'_>,
    trainees: &HashSet<u32>,
) -> HashMap<u32, Vec<(usize, Education)>> {
    let mut served: HashMap<u32, Vec<(usize, Education)>> = HashMap::new();
    for res in results {
        let Some(&(t, level)) = trainable.iter().find(|(t, _)| *t == res.target) else {
            continue;
        };
        for m in &res.members {
            if trainees.contains(&m.person) && !m.qualified {
                let rec = &projector.roster.records[m.rec as usize];
                if rec.training_level.is_none() {
                    let v = served.entry(m.person).or_default();
                    if !v.iter().any(|(x, _)| *x == t) {
                        v.push((t, level));
                    }
                }
            }
        }
    }
    for v in served.values_mut() {
        v.sort_unstable();
    }
    served
}
