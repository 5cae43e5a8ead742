//! What the plan gives: the people to train, and each target with and without the plan.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The chosen people as courses: start years scheduled within the capacity,
/// and every trainable target each course serves.
pub(super) fn trainees(
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
pub(super) struct OutcomeContext<'a> {
    pub(super) projector: &'a Projector<'a>,
    pub(super) policy: &'a Policy,
    pub(super) settings: &'a TrainingSettings,
    pub(super) caps: Caps,
    pub(super) people: &'a HashMap<u32, Person>,
    /// Trainees by person.
    pub(super) planned: HashMap<u32, &'a Trainee>,
    /// Course starts the plan uses.
    pub(super) used: Starts,
}

impl OutcomeContext<'_> {
    /// Every need's outcome, on every core, in order.
    pub(super) fn outcomes(&self, needs: &[Need<'_>]) -> Vec<Outcome> {
        use rayon::prelude::*;
        needs
            .par_iter()
            .enumerate()
            .map(|(gi, n)| self.outcome(u32::try_from(gi).unwrap_or(u32::MAX), n))
            .collect()
    }

    /// The outcome of need `gi`.
    pub(super) fn outcome(&self, gi: u32, n: &Need<'_>) -> Outcome {
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

    pub(super) fn person_of(&self, p: &Person) -> u32 {
        self.projector.roster.records[p.rec as usize].person
    }

    /// The earliest date from the deadline on when the group could be met: the
    /// plan's courses stay, and every other candidate starts a course to the
    /// level as early as the capacity left allows, if it ends before they retire.
    pub(super) fn earliest(
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
