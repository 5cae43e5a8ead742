//! Stage 4b, projection → the smallest training plan that meets every target.
//!
//! For every education target and every group its scope judges (each unit,
//! each parent, or the whole roster) projected to miss at the deadline, the
//! planner picks whom to train. A candidate is in the population, below the
//! required level (or of unknown level: planned last, to be verified), not
//! already in training, and able to finish a course to that level by the
//! deadline and before retiring. Each trainee adds exactly one qualified
//! person at the deadline, so the fewest trainees is the projected shortfall;
//! the preference order decides who: the smallest step first (sơ cấp before
//! chưa qua đào tạo), then the longest remaining service, then the staff id.
//!
//! An optional yearly capacity (overall and per unit) limits course starts.
//! Picks are placed in the latest year that still lets them finish (keeping
//! early years free for those who must start early), then the chosen set is
//! moved to the earliest years it fits. A person is planned once; their
//! course counts for every later target it serves. Where no plan meets a
//! target, the outcome says why, the best share reachable, and the earliest
//! date the target could be met with every candidate trained.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::compliance::{Group, Member, TargetResult};
use crate::policy::{Comparator, Measure, Policy, Scope, TrainingSettings};
use crate::projection::{Counts, MemberGroups, Projector};
use crate::scales::Education;

/// Why a plan cannot meet a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcoming {
    /// Fewer people below the level than are needed.
    TooFewCandidates,
    /// Enough people, but too few can finish a course by the deadline or before retiring.
    TooLittleTime,
    /// Enough people and time, but the yearly capacity is used up.
    Capacity,
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
    /// People newly planned for this group.
    pub planned: u64,
    /// Met at the deadline with the plan.
    pub met_with_plan: bool,
    /// Why not, when not.
    pub shortcoming: Option<Shortcoming>,
    /// Best share reachable at the deadline.
    pub best_share: Option<f64>,
    /// Earliest date the target could be met with every candidate trained, if ever.
    pub earliest: Option<NaiveDate>,
}

/// The plan.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Courses, in planning order.
    pub trainees: Vec<Trainee>,
    /// One per target × group projected to miss (education targets).
    pub outcomes: Vec<Outcome>,
    /// Targets that training cannot serve (other measures, `lt`/`le`), with the reason key.
    pub not_trainable: Vec<usize>,
}

/// Course starts used per year, overall and per unit.
#[derive(Debug, Clone, Default)]
struct Capacity {
    overall: Option<u32>,
    per_unit: Option<u32>,
    used: HashMap<i32, u32>,
    used_unit: HashMap<(u32, i32), u32>,
}

impl Capacity {
    fn free(&self, unit: u32, year: i32) -> bool {
        self.overall
            .is_none_or(|c| self.used.get(&year).copied().unwrap_or(0) < c)
            && self
                .per_unit
                .is_none_or(|c| self.used_unit.get(&(unit, year)).copied().unwrap_or(0) < c)
    }

    fn take(&mut self, unit: u32, year: i32) {
        *self.used.entry(year).or_default() += 1;
        *self.used_unit.entry((unit, year)).or_default() += 1;
    }

    fn give_back(&mut self, unit: u32, year: i32) {
        if let Some(v) = self.used.get_mut(&year) {
            *v = v.saturating_sub(1);
        }
        if let Some(v) = self.used_unit.get_mut(&(unit, year)) {
            *v = v.saturating_sub(1);
        }
    }
}

/// Course dates for a start year: the first day the year allows, and the last day.
fn course(first_day: NaiveDate, year: i32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?.max(first_day);
    let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
    Some((start, end))
}

/// A candidate for one group: the latest start year that still finishes in time.
struct Candidate {
    member: Member,
    step: u8,
    retire: Option<NaiveDate>,
    staff_id: Option<String>,
    latest_start: Option<i32>,
}

/// Plans training for every target, in order of deadline.
#[must_use]
pub fn plan(
    policy: &Policy,
    results: &[TargetResult],
    groups: &[MemberGroups],
    projector: &Projector<'_>,
    settings: &TrainingSettings,
) -> Plan {
    let mut out = Plan::default();
    let mut capacity = Capacity {
        overall: settings.capacity,
        per_unit: settings.capacity_per_unit,
        ..Capacity::default()
    };
    let mut planned: HashMap<u32, usize> = HashMap::new();
    // Results and their member groups, by deadline.
    let mut order: Vec<(&TargetResult, &MemberGroups)> = results.iter().zip(groups).collect();
    order.sort_by_key(|(r, _)| (policy.targets[r.target].deadline, r.target));
    let first_day = projector.first_day();
    for (res, groups) in order {
        let t = &policy.targets[res.target];
        let level = match (t.measure, t.comparator) {
            (Measure::Education(level), Comparator::Gt | Comparator::Ge) => level,
            _ => {
                out.not_trainable.push(res.target);
                continue;
            }
        };
        let months = settings.duration(level);
        for (group, idx) in &groups.groups {
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
            // Courses already planned count for this target when they reach its level in time.
            let counted: HashMap<u32, NaiveDate> = members
                .iter()
                .filter_map(|m| planned.get(&m.person).map(|&i| (m, &out.trainees[i])))
                .filter(|(m, tr)| !m.qualified && tr.course >= level && tr.end <= t.deadline)
                .map(|(m, tr)| (m.person, tr.end))
                .collect();
            let baseline = projector.timeline(members.iter().copied(), &t.measure, &counted);
            let at_deadline = baseline.at(t.deadline);
            let decision = at_deadline.decide(t);
            if decision.met != Some(false) {
                mark_served(&mut out, &planned, &counted, res.target);
                continue;
            }
            mark_served(&mut out, &planned, &counted, res.target);
            let needed = decision.shortfall;
            let candidates = candidates(
                projector, &members, level, months, t.deadline, &planned, first_day,
            );
            let in_time: Vec<&Candidate> = candidates
                .iter()
                .filter(|c| c.latest_start.is_some())
                .collect();
            let chosen = choose(&in_time, needed, &mut capacity, first_day.year());
            let planned_here = chosen.len() as u64;
            for (c, year) in &chosen {
                let Some((start, end)) = course(first_day, *year, months) else {
                    continue;
                };
                let rec = &projector.roster.records[c.member.rec as usize];
                planned.insert(c.member.person, out.trainees.len());
                out.trainees.push(Trainee {
                    rec: c.member.rec,
                    person: c.member.person,
                    unit: c.member.unit,
                    current: rec.education,
                    course: level,
                    start,
                    end,
                    retire: c.retire,
                    targets: vec![res.target],
                });
            }
            let with_plan = Counts {
                q: at_deadline.q + i64::try_from(planned_here).unwrap_or(0),
                ..at_deadline
            };
            let met_with_plan = with_plan.decide(t).met == Some(true);
            #[allow(clippy::unnecessary_lazy_evaluations)] // the branches read clearer as a block
            let shortcoming = (!met_with_plan).then(|| {
                if (candidates.len() as u64) < needed {
                    Shortcoming::TooFewCandidates
                } else if (in_time.len() as u64) < needed {
                    Shortcoming::TooLittleTime
                } else {
                    Shortcoming::Capacity
                }
            });
            let earliest = if met_with_plan {
                None
            } else {
                // The courses just planned stay; everyone else who could be trained is added.
                let mut with_chosen = counted.clone();
                for tr in &out.trainees[out.trainees.len() - chosen.len()..] {
                    with_chosen.insert(tr.person, tr.end);
                }
                earliest_possible(
                    projector,
                    &members,
                    &candidates,
                    &with_chosen,
                    months,
                    &capacity,
                    t,
                )
            };
            out.outcomes.push(Outcome {
                target: res.target,
                group: *group,
                at_deadline,
                needed,
                planned: planned_here,
                met_with_plan,
                shortcoming,
                best_share: with_plan.share(),
                earliest,
            });
        }
    }
    out
}

fn mark_served(
    out: &mut Plan,
    planned: &HashMap<u32, usize>,
    counted: &HashMap<u32, NaiveDate>,
    target: usize,
) {
    for person in counted.keys() {
        if let Some(&i) = planned.get(person)
            && !out.trainees[i].targets.contains(&target)
        {
            out.trainees[i].targets.push(target);
        }
    }
}

/// People who could be trained, in preference order.
fn candidates(
    projector: &Projector<'_>,
    members: &[&Member],
    level: Education,
    months: u32,
    deadline: NaiveDate,
    planned: &HashMap<u32, usize>,
    first_day: NaiveDate,
) -> Vec<Candidate> {
    let mut v: Vec<Candidate> = members
        .iter()
        .filter(|m| !m.qualified && !planned.contains_key(&m.person))
        .filter_map(|m| {
            let rec = &projector.roster.records[m.rec as usize];
            if rec.training_level.is_some() {
                return None;
            }
            // An unknown level counts as the largest step: such people come last
            // and their level is to be verified first.
            let current = rec.education;
            let retire = projector.retire[m.rec as usize];
            let limit = retire.map_or(deadline, |r| r.min(deadline));
            let latest_start = (first_day.year()..=deadline.year())
                .rev()
                .find(|y| course(first_day, *y, months).is_some_and(|(_, end)| end <= limit));
            Some(Candidate {
                member: **m,
                step: current.map_or(level as u8 + 1, |c| (level as u8).saturating_sub(c as u8)),
                retire,
                staff_id: rec.staff_id.as_deref().map(str::to_string),
                latest_start,
            })
        })
        .collect();
    // Smallest step, longest remaining service (unknown retirement last), staff id, input order.
    v.sort_by(|a, b| {
        a.step
            .cmp(&b.step)
            .then_with(|| match (a.retire, b.retire) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| match (&a.staff_id, &b.staff_id) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.member.rec.cmp(&b.member.rec))
    });
    v
}

/// Picks up to `needed` candidates in preference order within capacity, then
/// moves the chosen to the earliest years they fit.
fn choose<'c>(
    in_time: &[&'c Candidate],
    needed: u64,
    capacity: &mut Capacity,
    first_year: i32,
) -> Vec<(&'c Candidate, i32)> {
    let mut chosen: Vec<(&Candidate, i32)> = Vec::new();
    for c in in_time {
        if chosen.len() as u64 >= needed {
            break;
        }
        let Some(latest) = c.latest_start else {
            continue;
        };
        if let Some(year) = (first_year..=latest)
            .rev()
            .find(|y| capacity.free(c.member.unit, *y))
        {
            capacity.take(c.member.unit, year);
            chosen.push((c, year));
        }
    }
    // Earliest years: release, then place by latest start (earliest deadline first).
    for (c, y) in &chosen {
        capacity.give_back(c.member.unit, *y);
    }
    let mut by_deadline: Vec<usize> = (0..chosen.len()).collect();
    by_deadline.sort_by_key(|&i| (chosen[i].0.latest_start, i));
    for i in by_deadline {
        let (c, old) = chosen[i];
        let latest = c.latest_start.unwrap_or(old);
        let year = (first_year..=latest)
            .find(|y| capacity.free(c.member.unit, *y))
            .unwrap_or(old);
        capacity.take(c.member.unit, year);
        chosen[i].1 = year;
    }
    chosen
}

/// The earliest date the target could be met if every candidate were trained,
/// starting as early as the remaining capacity allows, ignoring the deadline.
#[allow(clippy::too_many_arguments)]
fn earliest_possible(
    projector: &Projector<'_>,
    members: &[&Member],
    candidates: &[Candidate],
    counted: &HashMap<u32, NaiveDate>,
    months: u32,
    capacity: &Capacity,
    t: &crate::policy::Target,
) -> Option<NaiveDate> {
    let first_day = projector.first_day();
    let mut cap = capacity.clone();
    let mut ends = counted.clone();
    let horizon = first_day.year() + 40;
    let already: std::collections::HashSet<u32> = ends.keys().copied().collect();
    for c in candidates
        .iter()
        .filter(|c| !already.contains(&c.member.person))
    {
        let year = (first_day.year()..=horizon).find(|y| {
            cap.free(c.member.unit, *y)
                && course(first_day, *y, months)
                    .is_some_and(|(_, end)| c.retire.is_none_or(|r| end <= r))
        });
        if let Some(y) = year
            && let Some((_, end)) = course(first_day, y, months)
        {
            cap.take(c.member.unit, y);
            ends.insert(c.member.person, end);
        }
    }
    projector
        .timeline(members.iter().copied(), &t.measure, &ends)
        .earliest_met(t, projector.as_of)
}
