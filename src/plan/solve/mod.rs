//! The exact search behind the training plan, over an abstract model.
//!
//! **Model.** Groups `g`, each needing `need[g] ≥ 1` more qualified people at
//! its deadline. Profiles: sets of interchangeable people (same unit, same
//! options); a profile of `count` people offers options, each a course with a
//! `step` (levels climbed), a `latest` start year, and the groups it `covers`.
//! A solution takes `x[p][o] ≥ 0` people of profile `p` on option `o`, with
//! `Σₒ x[p][o] ≤ count[p]` (each person is trained at most once). A group is
//! met when the people taken on options covering it reach its need. Yearly
//! capacity (overall and per unit) limits course starts: every course must
//! start in a year from the first year to its `latest`.
//!
//! **Objective**, lexicographic: most groups met; then fewest people; then
//! smallest total step. Among equals the first found in the search order wins:
//! profiles in the order given (the caller sorts them by preference).
//!
//! **Exactness.** Depth-first branch and bound over profiles; a branch is cut
//! only by valid bounds, so an exhausted search proves its result optimal:
//! - *met*: a group can still be met only if its remaining need is at most the
//!   people left in profiles that can cover it;
//! - *people*: when no more groups can be met than the incumbent meets, every
//!   group that can still be met must be, so the people still to take are at
//!   least the largest remaining need, and at least the sum over units of the
//!   largest remaining need of the groups only that unit's profiles cover
//!   (those sets of people are disjoint);
//! - *usefulness*: in an optimal solution every person taken covers a met group
//!   whose coverage equals its need (else dropping them loses nothing), so when
//!   they are added that group still lacks someone: people are only added on
//!   options covering a group with remaining need;
//! - *capacity*: adding people never makes a schedule feasible again.
//!
//! Components that share no group, unit (under a per-unit capacity) or year
//! (under an overall capacity, checked after) are solved apart. A component
//! too large to search within the budget keeps the best plan found (a greedy
//! one first) and reports bounds: how many more groups might be met, and the
//! fewest people any plan meeting them could need. The caller prints them.

use hashbrown::HashMap;

mod schedule;
mod search;
#[cfg(test)]
mod tests;

pub use schedule::*;
use search::*;

/// Yearly capacity.
#[derive(Debug, Clone, Copy, Default)]
pub struct Caps {
    /// Course starts a year over everyone.
    pub overall: Option<u32>,
    /// Course starts a year per unit.
    pub per_unit: Option<u32>,
    /// The first year a course can start.
    pub first_year: i32,
}

impl Caps {
    /// Whether any yearly capacity is set.
    #[must_use]
    pub fn any(&self) -> bool {
        self.overall.is_some() || self.per_unit.is_some()
    }
}

/// One course a profile's people can take.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Opt {
    /// Groups it counts for, ascending.
    pub covers: Vec<u32>,
    /// Levels climbed.
    pub step: u32,
    /// The latest start year that still covers them.
    pub latest: i32,
}

/// Interchangeable people.
#[derive(Debug, Clone)]
pub struct Profile {
    /// How many.
    pub count: u32,
    /// Their unit (for the per-unit capacity and the bounds).
    pub unit: u32,
    /// Their options.
    pub options: Vec<Opt>,
}

/// The problem.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Need per group.
    pub needs: Vec<u32>,
    /// Profiles in preference order.
    pub profiles: Vec<Profile>,
    /// Capacity.
    pub caps: Caps,
}

/// A solution's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Groups met.
    pub met: u32,
    /// People taken.
    pub people: u32,
    /// Total step.
    pub steps: u32,
}

impl Score {
    fn better_than(&self, o: &Score) -> bool {
        (self.met, o.people, o.steps) > (o.met, self.people, self.steps)
    }
}

/// Bounds on the optimum when the search could not finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// No plan meets more groups than this.
    pub met_at_most: u32,
    /// No plan meeting `met_at_most` groups takes fewer people.
    pub people_at_least: u32,
}

/// The result.
#[derive(Debug, Clone)]
pub struct Solution {
    /// People taken per profile and option.
    pub take: Vec<Vec<u32>>,
    /// Its value.
    pub score: Score,
    /// `None` when proven optimal.
    pub bound: Option<Bound>,
}

/// Solves the model; `budget` caps the search nodes per component.
#[must_use]
pub fn solve(model: &Model, budget: u64) -> Solution {
    solve_limited(model, budget, MAX_PROFILES)
}

/// [`solve`], searching only components of at most `max_profiles` profiles.
fn solve_limited(model: &Model, budget: u64, max_profiles: usize) -> Solution {
    let comps = components(model);
    let mut sol = merge(model, &comps, budget, max_profiles);
    if model.caps.overall.is_some() && comps.len() > 1 {
        let jobs = jobs_of(model, &sol.take);
        if !schedulable(&model.caps, &jobs) {
            // The components compete for the same years: solve them together.
            let all: Vec<u32> = (0..u32::try_from(model.profiles.len()).unwrap_or(0)).collect();
            sol = merge(model, &[all], budget, max_profiles);
        }
    }
    sol
}

fn merge(model: &Model, comps: &[Vec<u32>], budget: u64, max_profiles: usize) -> Solution {
    let mut take: Vec<Vec<u32>> = model
        .profiles
        .iter()
        .map(|p| vec![0; p.options.len()])
        .collect();
    let mut score = Score::default();
    let mut bound: Option<Bound> = None;
    // Components share nothing: searched on every core (each search is
    // deterministic, its budget its own), merged in order.
    let solved: Vec<Solution> = {
        use rayon::prelude::*;
        comps
            .par_iter()
            .map(|comp| Search::new(&submodel(model, comp)).run(budget, max_profiles))
            .collect()
    };
    for (comp, s) in comps.iter().zip(solved) {
        for (i, &p) in comp.iter().enumerate() {
            take[p as usize].clone_from(&s.take[i]);
        }
        score.met += s.score.met;
        score.people += s.score.people;
        score.steps += s.score.steps;
        let b = s.bound.unwrap_or(Bound {
            met_at_most: s.score.met,
            people_at_least: s.score.people,
        });
        bound = Some(match bound {
            None => b,
            Some(a) => Bound {
                met_at_most: a.met_at_most + b.met_at_most,
                people_at_least: a.people_at_least + b.people_at_least,
            },
        });
    }
    // Groups no profile covers are never met and belong to no component.
    let bound = bound.filter(|b| b.met_at_most != score.met || b.people_at_least != score.people);
    Solution { take, score, bound }
}

/// Profiles linked by a group they can cover, or by their unit under a
/// per-unit capacity. Components in order of their first profile.
fn components(model: &Model) -> Vec<Vec<u32>> {
    let n = model.profiles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_group: HashMap<u32, usize> = HashMap::new();
    let mut by_unit: HashMap<u32, usize> = HashMap::new();
    for (i, p) in model.profiles.iter().enumerate() {
        let mut links: Vec<usize> = Vec::new();
        for o in &p.options {
            for &g in &o.covers {
                links.push(*by_group.entry(g).or_insert(i));
            }
        }
        if model.caps.per_unit.is_some() {
            links.push(*by_unit.entry(p.unit).or_insert(i));
        }
        for j in links {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut comps: Vec<Vec<u32>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let k = *index.entry(r).or_insert_with(|| {
            comps.push(Vec::new());
            comps.len() - 1
        });
        comps[k].push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    comps
}

/// The model restricted to some profiles, groups renumbered.
fn submodel(model: &Model, profiles: &[u32]) -> Model {
    let mut renum: HashMap<u32, u32> = HashMap::new();
    let mut groups: Vec<u32> = Vec::new();
    let mut sub = Model {
        needs: Vec::new(),
        profiles: Vec::with_capacity(profiles.len()),
        caps: model.caps,
    };
    for &p in profiles {
        let p = &model.profiles[p as usize];
        let options = p
            .options
            .iter()
            .map(|o| Opt {
                covers: o
                    .covers
                    .iter()
                    .map(|g| {
                        *renum.entry(*g).or_insert_with(|| {
                            groups.push(*g);
                            sub.needs.push(model.needs[*g as usize]);
                            u32::try_from(groups.len() - 1).unwrap_or(u32::MAX)
                        })
                    })
                    .collect(),
                ..o.clone()
            })
            .collect();
        sub.profiles.push(Profile {
            options,
            ..p.clone()
        });
    }
    sub
}

/// Courses as (unit, latest start year), one per person taken.
fn jobs_of(model: &Model, take: &[Vec<u32>]) -> Vec<(u32, i32)> {
    let mut jobs = Vec::new();
    for (p, counts) in model.profiles.iter().zip(take) {
        for (o, &c) in p.options.iter().zip(counts) {
            for _ in 0..c {
                jobs.push((p.unit, o.latest));
            }
        }
    }
    jobs
}
