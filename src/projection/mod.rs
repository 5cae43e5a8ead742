//! Stage 4, compliance → projection to each target's deadline.
//!
//! Each group's future is its counts now plus dated events: a retirement
//! (the day after the end of the month the retirement age is reached, or the
//! roster's retirement date) removes the person, or replaces them as the
//! policy says; a course in progress (level being studied, expected end)
//! makes the person qualified from its end, if they have not retired by then.
//! Figures are given now, at every 31/12 in between and at the deadline.
//! Targets over agencies are not projected (their figure is carried forward).
//! No polars here: the populations come from [`crate::compliance`].

use hashbrown::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::compliance::{Group, Member};
use crate::dates::{PartialDate, Precision};
use crate::policy::{Decision, Measure, ProjectionSettings, Replacements, Target, decide};
use crate::retirement;
use crate::roster::{Roster, StaffRow};
use crate::units::Hierarchy;

mod points;
mod retirements;
#[cfg(test)]
mod tests;

pub use points::*;
pub use retirements::*;

/// Counts of a group on a date: population, qualified, unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Population.
    pub n: i64,
    /// Qualified.
    pub q: i64,
    /// Unknown.
    pub u: i64,
}

impl Counts {
    /// Met and shortfall for a target.
    #[must_use]
    pub fn decide(&self, t: &Target) -> Decision {
        let n = u64::try_from(self.n.max(0)).unwrap_or(0);
        let q = u64::try_from(self.q.clamp(0, self.n.max(0))).unwrap_or(0);
        decide(t.comparator, t.threshold, n, q)
    }

    /// Q / N; `None` when N = 0.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn share(&self) -> Option<f64> {
        (self.n > 0).then(|| self.q as f64 / self.n as f64)
    }
}

/// A change to a group's counts, effective on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    /// From this day on.
    pub date: NaiveDate,
    /// Change of population.
    pub dn: i64,
    /// Change of qualified.
    pub dq: i64,
    /// Change of unknown.
    pub du: i64,
}

/// A group's counts now and their changes.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Counts now.
    pub start: Counts,
    /// Changes, sorted by date.
    pub events: Vec<Event>,
}

impl Timeline {
    /// Counts on a date.
    #[must_use]
    pub fn at(&self, date: NaiveDate) -> Counts {
        let mut c = self.start;
        for e in self.events.iter().take_while(|e| e.date <= date) {
            c.n += e.dn;
            c.q += e.dq;
            c.u += e.du;
        }
        c
    }

    /// Adds events and keeps them sorted.
    pub fn add(&mut self, more: impl IntoIterator<Item = Event>) {
        self.events.extend(more);
        self.events.sort_unstable();
    }

    /// The first date from `from` on when the target is met, if ever: `from`
    /// itself when the counts on that day meet it, else the first later change
    /// after which they do.
    #[must_use]
    pub fn earliest_met(&self, t: &Target, from: NaiveDate) -> Option<NaiveDate> {
        let mut c = self.at(from);
        if c.decide(t).met == Some(true) {
            return Some(from);
        }
        let later = &self.events[self.events.partition_point(|e| e.date <= from)..];
        for (i, e) in later.iter().enumerate() {
            c.n += e.dn;
            c.q += e.dq;
            c.u += e.du;
            let last_of_day = later.get(i + 1).is_none_or(|next| next.date != e.date);
            if last_of_day && c.decide(t).met == Some(true) {
                return Some(e.date);
            }
        }
        None
    }
}

/// The date a course in progress makes this record meet the measure, if it does.
#[must_use]
pub fn training_qualifies(r: &StaffRow, measure: &Measure) -> Option<NaiveDate> {
    match (measure, r.training_level, r.training_end) {
        (Measure::Education(level), Some(studying), Some(end)) if studying >= *level => {
            Some(end_of(end))
        }
        _ => None,
    }
}

/// What the projection and the plan ask of a posting's levels at every
/// member of a group, two flags a posting in one place: when postings were
/// records of over a hundred bytes, each such question waited for its
/// record (two thirds of the projection's events' time on the national
/// plan); two columns would still be two waits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Held {
    /// The education held is known.
    pub education_known: bool,
    /// A level is being studied (`training_level`).
    pub studying: bool,
}

/// Builds events for people; `extra` adds planned courses (record, end date).
pub struct Projector<'a> {
    /// The roster.
    pub roster: &'a Roster,
    /// Last day of service per record.
    pub retire: &'a [Option<NaiveDate>],
    /// Per posting, its [`Held`] (made from the columns by [`Projector::new`]).
    held: Vec<Held>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Replacements of retirees.
    pub replacements: Replacements,
}

impl<'a> Projector<'a> {
    /// A projector of `roster`'s records, whose last days of service are
    /// `retire`; each record's [`Held`] made on every core.
    #[must_use]
    pub fn new(
        roster: &'a Roster,
        retire: &'a [Option<NaiveDate>],
        as_of: NaiveDate,
        replacements: Replacements,
    ) -> Self {
        use rayon::prelude::*;
        let s = &roster.staff;
        let held = (s.education.par_iter(), s.training_level.par_iter())
            .into_par_iter()
            .map(|(education, training)| Held {
                education_known: education.is_some(),
                studying: training.is_some(),
            })
            .collect();
        Self {
            roster,
            retire,
            held,
            as_of,
            replacements,
        }
    }
}

impl Projector<'_> {
    /// Record `rec`'s [`Held`].
    #[must_use]
    pub fn held(&self, rec: u32) -> Held {
        self.held[rec as usize]
    }

    /// The first day after the as-of date: when anything can change.
    #[must_use]
    pub fn first_day(&self) -> NaiveDate {
        self.as_of.succ_opt().unwrap_or(self.as_of)
    }

    /// A member's events. `planned_end` is a planned course's end, if any.
    pub fn member_events(
        &self,
        m: &Member,
        measure: &Measure,
        planned_end: Option<NaiveDate>,
        out: &mut Vec<Event>,
    ) {
        let retire = self.retire[m.rec as usize];
        let first = self.first_day();
        // Only someone studying has a course of their own (the record is
        // read for them alone).
        let studying = self.held(m.rec).studying;
        let course = if m.qualified {
            None
        } else if studying {
            training_qualifies(&self.roster.staff.row(m.rec as usize), measure).or(planned_end)
        } else {
            planned_end
        };
        let trained_in_service = course.filter(|e| retire.is_none_or(|r| *e <= r));
        if let Some(e) = trained_in_service {
            out.push(Event {
                date: e.max(first),
                dn: 0,
                dq: 1,
                du: -i64::from(m.unknown),
            });
        }
        if let Some(r) = retire {
            let date = r.succ_opt().unwrap_or(r).max(first);
            let q = i64::from(m.qualified || trained_in_service.is_some());
            let u = i64::from(m.unknown && trained_in_service.is_none());
            out.push(Event {
                date,
                dn: -1,
                dq: -q,
                du: -u,
            });
            match self.replacements {
                Replacements::None => {}
                Replacements::Qualified => out.push(Event {
                    date,
                    dn: 1,
                    dq: 1,
                    du: 0,
                }),
                Replacements::Unqualified => out.push(Event {
                    date,
                    dn: 1,
                    dq: 0,
                    du: 0,
                }),
            }
        }
    }

    /// A group's timeline from its members.
    #[must_use]
    pub fn timeline<'m>(
        &self,
        members: impl IntoIterator<Item = &'m Member>,
        measure: &Measure,
        planned: &HashMap<u32, NaiveDate>,
    ) -> Timeline {
        let mut t = Timeline::default();
        for m in members {
            t.start.n += 1;
            t.start.q += i64::from(m.qualified);
            t.start.u += i64::from(m.unknown);
            self.member_events(m, measure, planned.get(&m.person).copied(), &mut t.events);
        }
        // On every core: the national plan's largest group has 266,000
        // events, sorted while the other groups' outcomes are long done.
        // Equal events are the same value, so any order of them is one.
        use rayon::slice::ParallelSliceMut as _;
        t.events.par_sort_unstable();
        t
    }
}

/// The dates a target is projected at: now, every 31/12 in between, the deadline.
#[must_use]
pub fn checkpoints(as_of: NaiveDate, deadline: NaiveDate) -> Vec<NaiveDate> {
    let mut v = vec![as_of];
    for y in as_of.year()..=deadline.year() {
        if let Some(d) = NaiveDate::from_ymd_opt(y, 12, 31)
            && d > as_of
            && d < deadline
        {
            v.push(d);
        }
    }
    if deadline > as_of {
        v.push(deadline);
    }
    v
}

/// Members grouped as the report groups them: units, parents (people once
/// per parent), and the whole roster (people once).
#[derive(Debug, Default)]
pub struct MemberGroups {
    /// (group, indices into the members).
    pub groups: Vec<(Group, Vec<usize>)>,
}

impl MemberGroups {
    /// Groups the members of one target in report order.
    #[must_use]
    pub fn new(h: &Hierarchy, members: &[Member]) -> Self {
        let nodes = h.nodes.len();
        let mut own: Vec<Vec<usize>> = vec![Vec::new(); nodes];
        let mut sub: Vec<Vec<usize>> = vec![Vec::new(); nodes];
        // How often each person is among the members: most are once, and
        // are counted once in each group without a look-up. Each unit's
        // groups above it found once. (A look-up and a list of the groups
        // per member: 0.08 s of the national plan.)
        let people = members.iter().map(|m| m.person as usize + 1).max();
        let mut times = vec![0u8; people.unwrap_or_default()];
        for m in members {
            let t = &mut times[m.person as usize];
            *t = t.saturating_add(1);
        }
        let mut seen_in: HashMap<(usize, u32), ()> = HashMap::new();
        let mut seen_all = vec![false; times.len()];
        let mut rollups: Vec<Option<Vec<usize>>> = vec![None; nodes];
        let mut all = Vec::new();
        for (i, m) in members.iter().enumerate() {
            let leaf = h.leaf[m.unit as usize];
            own[leaf].push(i);
            let several = times[m.person as usize] > 1;
            for &a in rollups[leaf]
                .get_or_insert_with(|| h.rollup_nodes(leaf))
                .iter()
            {
                if !several || seen_in.insert((a, m.person), ()).is_none() {
                    sub[a].push(i);
                }
            }
            if !std::mem::replace(&mut seen_all[m.person as usize], true) {
                all.push(i);
            }
        }
        let mut groups = Vec::new();
        for node in h.report_order() {
            if h.is_parent(node) {
                groups.push((Group::Parent(node), std::mem::take(&mut sub[node])));
            }
            if h.nodes[node].roster_unit.is_some() {
                groups.push((Group::Unit(node), std::mem::take(&mut own[node])));
            }
        }
        groups.push((Group::All, all));
        Self { groups }
    }
}

/// One group's projected figures.
#[derive(Debug, Clone)]
pub struct ProjectedRow {
    /// The group.
    pub group: Group,
    /// Counts at each checkpoint.
    pub points: Vec<Counts>,
}

/// One target's projection.
#[derive(Debug, Clone)]
pub struct TargetProjection {
    /// Index into the policy's targets.
    pub target: usize,
    /// Checkpoint dates.
    pub dates: Vec<NaiveDate>,
    /// Rows in report order, the whole roster last.
    pub rows: Vec<ProjectedRow>,
    /// False for targets over agencies (carried forward, not projected).
    pub projected: bool,
}

impl ProjectedRow {
    /// False for a unit or parent with nobody in the population at any
    /// checkpoint: counted, not listed. The whole roster is always listed.
    #[must_use]
    pub fn listed(&self) -> bool {
        self.group == Group::All || self.points.iter().any(|c| c.n > 0)
    }
}
