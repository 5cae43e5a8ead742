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
    let person_of = |p: &Person| projector.roster.staff.person[p.rec as usize];
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

/// The first of `years` (start year and course end, ascending) with room
/// (`free`) whose course ends while the person is in service. A later
/// year's course ends no earlier, so the search stops at the first course
/// ending after `retire`: on the national plan's largest group, 72,000
/// candidates each looked through the 45 years to the horizon for a start
/// before they retire (the loop 35–44 ms of the plan stage on one core).
fn first_start(
    years: &[(i32, NaiveDate)],
    retire: Option<NaiveDate>,
    mut free: impl FnMut(i32) -> bool,
) -> Option<(i32, NaiveDate)> {
    debug_assert!(years.is_sorted_by_key(|(_, end)| *end));
    years
        .iter()
        .take_while(|(_, e)| in_service(retire, *e))
        .find(|(y, _)| free(*y))
        .copied()
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
        self.projector.roster.staff.person[p.rec as usize]
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
        // Each start year's course end, worked out once for every candidate.
        let years: Vec<(i32, NaiveDate)> = (self.caps.first_year..=horizon)
            .filter_map(|y| course(first_day, y, months).map(|(_, e)| (y, e)))
            .collect();
        for p in cands {
            let person = self.person_of(p);
            if let Some(tr) = self.planned.get(&person) {
                if tr.course >= n.level {
                    ends.insert(person, tr.end);
                }
                continue;
            }
            if let Some((y, e)) =
                first_start(&years, p.retire, |y| used.free(&self.caps, p.unit, y))
            {
                used.take(p.unit, y);
                ends.insert(person, e);
            }
        }
        self.projector
            .timeline(n.members.iter().copied(), &t.measure, &ends)
            .earliest_met(t, n.deadline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_is_the_first_free_year_whose_course_ends_in_service() {
        // Start years 2020–2060, each course ending on 30/06 of the next
        // year; rooms and retirements from a small pseudo-random sequence.
        let end = |y: i32| NaiveDate::from_ymd_opt(y + 1, 6, 30).unwrap();
        let years: Vec<(i32, NaiveDate)> = (2020..=2060).map(|y| (y, end(y))).collect();
        let mut x: u32 = 99;
        let mut next = |m: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 8) % m
        };
        let mut seen = [0; 3];
        for _ in 0..2000 {
            let full: Vec<bool> = years.iter().map(|_| next(4) != 0).collect();
            let year = 2020 + i32::try_from(next(45)).unwrap();
            let retire = match next(5) {
                0 => None,
                // The day a course ends: still in service on it.
                1 => Some(end(year)),
                _ => NaiveDate::from_ymd_opt(year, 1 + next(12), 1),
            };
            // Every year looked at, in order (the search before the change).
            let expected = years
                .iter()
                .zip(&full)
                .find(|((_, e), full)| !**full && retire.is_none_or(|r| r >= *e))
                .map(|(y, _)| *y);
            let got = first_start(&years, retire, |y| {
                !full[usize::try_from(y - 2020).unwrap()]
            });
            assert_eq!(got, expected, "retire {retire:?}, full {full:?}");
            // Cases met: no start, a start before retiring, one with no retirement.
            seen[match (got, retire) {
                (None, _) => 0,
                (Some(_), Some(_)) => 1,
                (Some(_), None) => 2,
            }] += 1;
        }
        assert!(seen.iter().all(|&k| k > 50), "{seen:?}");
    }
}
