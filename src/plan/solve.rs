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

use std::collections::HashMap;

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
    for comp in comps {
        let sub = submodel(model, comp);
        let s = Search::new(&sub).run(budget, max_profiles);
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

/// Whether courses with these latest start years fit the yearly capacity.
#[must_use]
pub fn schedulable(caps: &Caps, jobs: &[(u32, i32)]) -> bool {
    schedule(caps, jobs).is_some()
}

/// Start years for courses `(unit, latest)` within the yearly capacity, each
/// as early as the capacity allows; `None` when they do not fit.
///
/// A maximum flow from courses through (unit, year) and year: exact for both
/// capacities together. Then each course, latest deadline first, is moved to
/// the earliest year that still has room.
#[must_use]
pub fn schedule(caps: &Caps, jobs: &[(u32, i32)]) -> Option<Vec<i32>> {
    let y0 = caps.first_year;
    if jobs.iter().any(|j| j.1 < y0) {
        return None;
    }
    if !caps.any() {
        return Some(vec![y0; jobs.len()]);
    }
    let Net {
        g,
        kinds,
        kind_edges,
        value,
    } = Net::build(caps, jobs);
    if value < i64::try_from(jobs.len()).unwrap_or(0) {
        return None;
    }
    // Starts per (unit, year) and per year from the flow.
    let mut used = Starts::default();
    let mut starts: HashMap<(u32, i32), Vec<i32>> = HashMap::new();
    for (k, kind) in kinds.iter().enumerate() {
        for &(e, y) in &kind_edges[k] {
            for _ in 0..g.flow_on(e) {
                starts.entry(*kind).or_default().push(y);
                used.take(kind.0, y);
            }
        }
    }
    // Move courses earlier where there is room, latest deadline first.
    for kind in kinds.iter().rev() {
        let Some(list) = starts.get_mut(kind) else {
            continue;
        };
        list.sort_unstable();
        for s in list.iter_mut() {
            if let Some(y) = (y0..*s).find(|y| used.free(caps, kind.0, *y)) {
                used.give_back(kind.0, *s);
                used.take(kind.0, y);
                *s = y;
            }
        }
        list.sort_unstable();
    }
    // Hand the years back per course: the earliest to the course listed first.
    let mut out = Vec::with_capacity(jobs.len());
    let mut next: HashMap<(u32, i32), usize> = HashMap::new();
    for j in jobs {
        let i = next.entry(*j).or_default();
        out.push(starts[j][*i]);
        *i += 1;
    }
    Some(out)
}

/// The most of these courses that fit the yearly capacity.
#[must_use]
pub fn max_scheduled(caps: &Caps, jobs: &[(u32, i32)]) -> u64 {
    let jobs: Vec<(u32, i32)> = jobs
        .iter()
        .copied()
        .filter(|j| j.1 >= caps.first_year)
        .collect();
    if !caps.any() {
        return jobs.len() as u64;
    }
    u64::try_from(Net::build(caps, &jobs).value).unwrap_or(0)
}

/// Courses → (unit, year) → year, with the maximum flow through it.
struct Net {
    g: Flow,
    kinds: Vec<(u32, i32)>,
    kind_edges: Vec<Vec<(usize, i32)>>,
    value: i64,
}

impl Net {
    fn build(caps: &Caps, jobs: &[(u32, i32)]) -> Net {
        let y0 = caps.first_year;
        let last = jobs.iter().map(|j| j.1).max().unwrap_or(y0);
        let years = usize::try_from(last - y0 + 1).unwrap_or(0);
        let big = i64::try_from(jobs.len()).unwrap_or(i64::MAX / 4) + 1;
        let mut kinds: Vec<(u32, i32)> = jobs.to_vec();
        kinds.sort_unstable();
        kinds.dedup();
        let mut units: Vec<u32> = kinds.iter().map(|k| k.0).collect();
        units.dedup();
        let (source, sink) = (0usize, 1usize);
        let kind0 = 2;
        let uy0 = kind0 + kinds.len();
        let year0 = uy0 + units.len() * years;
        let mut g = Flow::new(year0 + years);
        let unit_index: HashMap<u32, usize> =
            units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
        let mut count: HashMap<(u32, i32), i64> = HashMap::new();
        for j in jobs {
            *count.entry(*j).or_default() += 1;
        }
        let mut kind_edges: Vec<Vec<(usize, i32)>> = Vec::new();
        for (k, kind) in kinds.iter().enumerate() {
            g.edge(source, kind0 + k, count[kind]);
            let u = unit_index[&kind.0];
            let mut edges = Vec::new();
            for y in y0..=kind.1 {
                let yi = usize::try_from(y - y0).unwrap_or(0);
                edges.push((g.edge(kind0 + k, uy0 + u * years + yi, big), y));
            }
            kind_edges.push(edges);
        }
        let per_unit = caps.per_unit.map_or(big, i64::from);
        let overall = caps.overall.map_or(big, i64::from);
        for u in 0..units.len() {
            for yi in 0..years {
                g.edge(uy0 + u * years + yi, year0 + yi, per_unit);
            }
        }
        for yi in 0..years {
            g.edge(year0 + yi, sink, overall);
        }
        let value = g.max_flow(source, sink);
        Net {
            g,
            kinds,
            kind_edges,
            value,
        }
    }
}

/// Dinic's maximum flow.
struct Flow {
    head: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<i64>,
    orig: Vec<i64>,
}

impl Flow {
    fn new(n: usize) -> Self {
        Self {
            head: vec![Vec::new(); n],
            to: Vec::new(),
            cap: Vec::new(),
            orig: Vec::new(),
        }
    }

    fn edge(&mut self, a: usize, b: usize, c: i64) -> usize {
        let e = self.to.len();
        self.head[a].push(e);
        self.to.push(b);
        self.cap.push(c);
        self.orig.push(c);
        self.head[b].push(e + 1);
        self.to.push(a);
        self.cap.push(0);
        self.orig.push(0);
        e
    }

    fn flow_on(&self, e: usize) -> i64 {
        self.orig[e] - self.cap[e]
    }

    fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let mut total = 0;
        loop {
            let mut level = vec![-1i32; self.head.len()];
            level[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(v) = queue.pop_front() {
                for &e in &self.head[v] {
                    if self.cap[e] > 0 && level[self.to[e]] < 0 {
                        level[self.to[e]] = level[v] + 1;
                        queue.push_back(self.to[e]);
                    }
                }
            }
            if level[t] < 0 {
                return total;
            }
            let mut it = vec![0usize; self.head.len()];
            loop {
                let f = self.push(s, t, i64::MAX, &level, &mut it);
                if f == 0 {
                    break;
                }
                total += f;
            }
        }
    }

    fn push(&mut self, v: usize, t: usize, f: i64, level: &[i32], it: &mut [usize]) -> i64 {
        if v == t {
            return f;
        }
        while it[v] < self.head[v].len() {
            let e = self.head[v][it[v]];
            let w = self.to[e];
            if self.cap[e] > 0 && level[w] == level[v] + 1 {
                let d = self.push(w, t, f.min(self.cap[e]), level, it);
                if d > 0 {
                    self.cap[e] -= d;
                    self.cap[e ^ 1] += d;
                    return d;
                }
            }
            it[v] += 1;
        }
        0
    }
}

/// Course starts used per year, overall and per unit.
#[derive(Debug, Clone, Default)]
pub struct Starts {
    year: HashMap<i32, u32>,
    unit_year: HashMap<(u32, i32), u32>,
}

impl Starts {
    /// Whether one more course of `unit` can start in `year`.
    #[must_use]
    pub fn free(&self, caps: &Caps, unit: u32, year: i32) -> bool {
        caps.overall
            .is_none_or(|c| self.year.get(&year).copied().unwrap_or(0) < c)
            && caps
                .per_unit
                .is_none_or(|c| self.unit_year.get(&(unit, year)).copied().unwrap_or(0) < c)
    }

    /// Counts a course of `unit` starting in `year`.
    pub fn take(&mut self, unit: u32, year: i32) {
        *self.year.entry(year).or_default() += 1;
        *self.unit_year.entry((unit, year)).or_default() += 1;
    }

    fn give_back(&mut self, unit: u32, year: i32) {
        if let Some(v) = self.year.get_mut(&year) {
            *v = v.saturating_sub(1);
        }
        if let Some(v) = self.unit_year.get_mut(&(unit, year)) {
            *v = v.saturating_sub(1);
        }
    }
}

/// Course starts placed one at a time, each in the latest year with room:
/// always within capacity, not always the most that could fit.
#[derive(Default)]
struct Placer {
    used: Starts,
    /// (profile, option, year) of each start.
    placed: Vec<(usize, usize, i32)>,
}

impl Placer {
    /// Places a start for option `o` of profile `p` (of `unit`) by `latest`, if there is room.
    fn place(&mut self, caps: &Caps, unit: u32, p: usize, o: usize, latest: i32) -> bool {
        let year = if caps.any() {
            (caps.first_year..=latest)
                .rev()
                .find(|y| self.used.free(caps, unit, *y))
        } else {
            Some(caps.first_year)
        };
        if let Some(y) = year {
            self.used.take(unit, y);
            self.placed.push((p, o, y));
        }
        year.is_some()
    }

    fn release(&mut self, unit: u32, p: usize, o: usize) {
        if let Some(i) = self.placed.iter().rposition(|x| x.0 == p && x.1 == o) {
            let (_, _, y) = self.placed.remove(i);
            self.used.give_back(unit, y);
        }
    }
}

/// Search state for one component.
struct Search<'m> {
    m: &'m Model,
    /// Profiles able to cover each group.
    coverers: Vec<Vec<u32>>,
    /// People left from profile k on who can cover group g: `suffix[k][g]`.
    suffix: Vec<Vec<u32>>,
    /// The unit whose profiles alone cover the group, if one.
    local: Vec<Option<u32>>,
    /// People taken who cover each group.
    cov: Vec<u32>,
    take: Vec<Vec<u32>>,
    jobs: Vec<(u32, i32)>,
    cur: Score,
    best: Score,
    best_take: Vec<Vec<u32>>,
    nodes: u64,
    budget: u64,
    exhausted: bool,
}

/// Above this many (profile × group) cells the search is not tried.
const MAX_CELLS: usize = 4_000_000;
/// Above this many profiles the search is not tried (its depth grows with them).
const MAX_PROFILES: usize = 5_000;

impl<'m> Search<'m> {
    fn new(m: &'m Model) -> Self {
        let groups = m.needs.len();
        let mut coverers: Vec<Vec<u32>> = vec![Vec::new(); groups];
        for (i, p) in m.profiles.iter().enumerate() {
            let mut gs: Vec<u32> = p.options.iter().flat_map(|o| o.covers.clone()).collect();
            gs.sort_unstable();
            gs.dedup();
            for g in gs {
                coverers[g as usize].push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let local = coverers
            .iter()
            .map(|ps| {
                let u = m.profiles[*ps.first()? as usize].unit;
                ps.iter()
                    .all(|p| m.profiles[*p as usize].unit == u)
                    .then_some(u)
            })
            .collect();
        Self {
            m,
            coverers,
            suffix: Vec::new(),
            local,
            cov: vec![0; groups],
            take: m
                .profiles
                .iter()
                .map(|p| vec![0; p.options.len()])
                .collect(),
            jobs: Vec::new(),
            cur: Score::default(),
            best: Score::default(),
            best_take: Vec::new(),
            nodes: 0,
            budget: 0,
            exhausted: false,
        }
    }

    fn run(mut self, budget: u64, max_profiles: usize) -> Solution {
        self.budget = budget;
        // A greedy plan first, so that the search has something to beat.
        self.greedy(&mut Placer::default());
        self.best = self.cur;
        self.best_take = self.take.clone();
        let cells = self.m.profiles.len().saturating_mul(self.m.needs.len());
        let small = cells <= MAX_CELLS && self.m.profiles.len() <= max_profiles;
        let mut local_best: HashMap<u32, (u32, u32)> = HashMap::new();
        if !small {
            // Each unit's own groups solved exactly first, then the shared groups greedily.
            self.reset();
            let mut placer = Placer::default();
            local_best = self.units_first(&mut placer, budget);
            self.greedy(&mut placer);
            if self.cur.better_than(&self.best) {
                self.best = self.cur;
                self.best_take = self.take.clone();
            }
        }
        let root_bound = self.root_bound(&local_best);
        if small {
            self.reset();
            self.build_suffix();
            self.dfs(0, 0, 0);
        } else {
            // Too large to search: the greedy plan stands, proven only if it meets the bounds.
            self.exhausted = root_bound.met_at_most != self.best.met
                || root_bound.people_at_least < self.best.people;
        }
        let bound = self.exhausted.then_some(root_bound);
        Solution {
            take: self.best_take,
            score: self.best,
            bound,
        }
    }

    fn reset(&mut self) {
        self.cov.iter_mut().for_each(|c| *c = 0);
        for t in &mut self.take {
            t.iter_mut().for_each(|x| *x = 0);
        }
        self.jobs.clear();
        self.cur = Score::default();
    }

    fn build_suffix(&mut self) {
        let groups = self.m.needs.len();
        let n = self.m.profiles.len();
        self.suffix = vec![vec![0; groups]; n + 1];
        for k in (0..n).rev() {
            let (head, tail) = self.suffix.split_at_mut(k + 1);
            head[k].clone_from(&tail[0]);
            let p = &self.m.profiles[k];
            let mut gs: Vec<u32> = p.options.iter().flat_map(|o| o.covers.clone()).collect();
            gs.sort_unstable();
            gs.dedup();
            for g in gs {
                head[k][g as usize] += p.count;
            }
        }
    }

    fn residual(&self, g: usize) -> u32 {
        self.m.needs[g].saturating_sub(self.cov[g])
    }

    fn useful(&self, o: &Opt) -> bool {
        o.covers.iter().any(|g| self.residual(*g as usize) > 0)
    }

    fn add(&mut self, p: usize, o: usize) {
        let opt = &self.m.profiles[p].options[o];
        for g in &opt.covers {
            let g = *g as usize;
            self.cov[g] += 1;
            if self.cov[g] == self.m.needs[g] {
                self.cur.met += 1;
            }
        }
        self.take[p][o] += 1;
        self.cur.people += 1;
        self.cur.steps += opt.step;
        self.jobs.push((self.m.profiles[p].unit, opt.latest));
    }

    /// Undoes `add`.
    fn remove(&mut self, p: usize, o: usize) {
        let opt = &self.m.profiles[p].options[o];
        for g in &opt.covers {
            let g = *g as usize;
            if self.cov[g] == self.m.needs[g] {
                self.cur.met -= 1;
            }
            self.cov[g] -= 1;
        }
        self.take[p][o] -= 1;
        self.cur.people -= 1;
        self.cur.steps -= opt.step;
        self.jobs.pop();
    }

    fn capacity_ok(&self) -> bool {
        if !self.m.caps.any() {
            return true;
        }
        // Necessary counting conditions first; the exact flow at the leaves.
        let y0 = self.m.caps.first_year;
        let mut by_year: HashMap<i32, u32> = HashMap::new();
        let mut by_unit_year: HashMap<(u32, i32), u32> = HashMap::new();
        for (u, y) in &self.jobs {
            *by_year.entry(*y).or_default() += 1;
            *by_unit_year.entry((*u, *y)).or_default() += 1;
        }
        if let Some(c) = self.m.caps.overall {
            let mut years: Vec<(&i32, &u32)> = by_year.iter().collect();
            years.sort_unstable();
            let mut acc = 0u64;
            for (y, n) in years {
                acc += u64::from(*n);
                if acc > u64::from(c) * u64::try_from(y - y0 + 1).unwrap_or(0) {
                    return false;
                }
            }
        }
        if let Some(c) = self.m.caps.per_unit {
            let mut keys: Vec<(&(u32, i32), &u32)> = by_unit_year.iter().collect();
            keys.sort_unstable();
            let mut acc = 0u64;
            let mut unit = None;
            for ((u, y), n) in keys {
                if unit != Some(*u) {
                    acc = 0;
                    unit = Some(*u);
                }
                acc += u64::from(*n);
                if acc > u64::from(c) * u64::try_from(y - y0 + 1).unwrap_or(0) {
                    return false;
                }
            }
        }
        true
    }

    /// Greedy: people covering the most groups still short first, in profile order.
    fn greedy(&mut self, placer: &mut Placer) {
        let max_cover = self
            .m
            .profiles
            .iter()
            .flat_map(|p| p.options.iter().map(|o| o.covers.len()))
            .max()
            .unwrap_or(0);
        for want in (1..=max_cover).rev() {
            for p in 0..self.m.profiles.len() {
                loop {
                    let taken: u32 = self.take[p].iter().sum();
                    if taken >= self.m.profiles[p].count {
                        break;
                    }
                    // The option covering the most short groups, then the smallest
                    // step, that still finds a year with room.
                    let mut picks: Vec<(usize, usize, u32)> = self.m.profiles[p]
                        .options
                        .iter()
                        .enumerate()
                        .map(|(o, opt)| {
                            let hits = opt
                                .covers
                                .iter()
                                .filter(|g| self.residual(**g as usize) > 0)
                                .count();
                            (o, hits, opt.step)
                        })
                        .filter(|(_, hits, _)| *hits >= want)
                        .collect();
                    picks.sort_by_key(|(o, hits, step)| (std::cmp::Reverse(*hits), *step, *o));
                    let unit = self.m.profiles[p].unit;
                    let caps = self.m.caps;
                    let placed = picks.iter().map(|(o, _, _)| *o).find(|o| {
                        let latest = self.m.profiles[p].options[*o].latest;
                        placer.place(&caps, unit, p, *o, latest)
                    });
                    let Some(o) = placed else { break };
                    self.add(p, o);
                }
            }
        }
        // Drop people whose removal keeps every met group met (a cheaper equal plan).
        for p in (0..self.m.profiles.len()).rev() {
            for o in (0..self.m.profiles[p].options.len()).rev() {
                while self.take[p][o] > 0 && self.redundant(p, o) {
                    self.remove(p, o);
                    placer.release(self.m.profiles[p].unit, p, o);
                }
            }
        }
    }

    /// A person on option `o` of profile `p` whose groups are all over-covered or unmet.
    fn redundant(&self, p: usize, o: usize) -> bool {
        self.m.profiles[p].options[o]
            .covers
            .iter()
            .all(|g| self.cov[*g as usize] != self.m.needs[*g as usize])
    }

    /// Solves each unit's own groups (those only its profiles cover) exactly,
    /// takes those plans, and returns for each unit solved to the end the fewest
    /// people for them and the most of them any plan meets.
    fn units_first(&mut self, placer: &mut Placer, budget: u64) -> HashMap<u32, (u32, u32)> {
        let mut by_unit: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, p) in self.m.profiles.iter().enumerate() {
            by_unit.entry(p.unit).or_default().push(i);
        }
        let mut units: Vec<u32> = by_unit.keys().copied().collect();
        units.sort_unstable();
        let mut fewest = HashMap::new();
        for u in units {
            let own = &by_unit[&u];
            // Groups only this unit covers, renumbered; options keep their own index.
            let mut renum: HashMap<u32, u32> = HashMap::new();
            let mut sub = Model {
                needs: Vec::new(),
                profiles: Vec::new(),
                caps: Caps {
                    overall: None,
                    ..self.m.caps
                },
            };
            let mut back: Vec<(usize, Vec<usize>)> = Vec::new();
            for &p in own {
                let prof = &self.m.profiles[p];
                let mut options = Vec::new();
                let mut index = Vec::new();
                for (o, opt) in prof.options.iter().enumerate() {
                    let covers: Vec<u32> = opt
                        .covers
                        .iter()
                        .filter(|g| self.local[**g as usize] == Some(u))
                        .map(|g| {
                            *renum.entry(*g).or_insert_with(|| {
                                sub.needs.push(self.m.needs[*g as usize]);
                                u32::try_from(sub.needs.len() - 1).unwrap_or(u32::MAX)
                            })
                        })
                        .collect();
                    if !covers.is_empty() {
                        options.push(Opt {
                            covers,
                            ..opt.clone()
                        });
                        index.push(o);
                    }
                }
                if !options.is_empty() {
                    sub.profiles.push(Profile {
                        options,
                        ..prof.clone()
                    });
                    back.push((p, index));
                }
            }
            if sub.needs.is_empty() {
                continue;
            }
            let s = Search::new(&sub).run(budget / 100, MAX_PROFILES);
            let exact = s.bound.is_none();
            // (fewest people, most own groups met): the local search relaxes only the
            // overall capacity, so both bound the whole problem.
            fewest.insert(u, (s.score.people, s.score.met));
            for ((p, index), take) in back.iter().zip(&s.take) {
                for (k, &x) in take.iter().enumerate() {
                    let o = index[k];
                    let latest = self.m.profiles[*p].options[o].latest;
                    for _ in 0..x {
                        if placer.place(&self.m.caps, u, *p, o, latest) {
                            self.add(*p, o);
                        }
                    }
                }
            }
            if !exact {
                // Its local bound is not the fewest: use the largest need instead.
                fewest.remove(&u);
            }
        }
        fewest
    }

    /// Bounds at the root: groups that can be met at all, and people needed to
    /// meet them. `fewest` gives, for some units, the fewest people any plan
    /// meeting all of that unit's own groups takes.
    fn root_bound(&self, fewest: &HashMap<u32, (u32, u32)>) -> Bound {
        let groups = self.m.needs.len();
        let mut potential = vec![0u64; groups];
        for (g, ps) in self.coverers.iter().enumerate() {
            potential[g] = ps
                .iter()
                .map(|p| u64::from(self.m.profiles[*p as usize].count))
                .sum();
        }
        let meetable: Vec<usize> = (0..groups)
            .filter(|g| u64::from(self.m.needs[*g]) <= potential[*g])
            .collect();
        let need = |g: usize| self.m.needs[g];
        let mut lb = meetable.iter().map(|g| need(*g)).max().unwrap_or(0);
        // Disjoint groups: largest need first, skipping any sharing a profile.
        let mut used = vec![false; self.m.profiles.len()];
        let mut order = meetable.clone();
        order.sort_by_key(|g| (std::cmp::Reverse(need(*g)), *g));
        let mut packed = 0u32;
        for g in order {
            if self.coverers[g].iter().all(|p| !used[*p as usize]) {
                packed += need(g);
                for p in &self.coverers[g] {
                    used[*p as usize] = true;
                }
            }
        }
        lb = lb.max(packed);
        // Units: c_u ≥ m_u (largest need of a group only u covers) and c_u ≥ a_u
        // (people of u covering a shared group g); Σ a_u ≥ need(g).
        let mut m_u: HashMap<u32, u32> = HashMap::new();
        for &g in &meetable {
            if let Some(u) = self.local[g] {
                let e = m_u.entry(u).or_default();
                *e = (*e).max(need(g));
            }
        }
        // A unit's own groups all met take at least its exact local optimum.
        for (u, m) in &mut m_u {
            if let Some((f, _)) = fewest.get(u) {
                *m = (*m).max(*f);
            }
        }
        let base: u32 = m_u.values().sum();
        lb = lb.max(base);
        for &g in &meetable {
            if self.local[g].is_some() {
                continue;
            }
            let mut per_unit: HashMap<u32, u32> = HashMap::new();
            for p in &self.coverers[g] {
                let prof = &self.m.profiles[*p as usize];
                *per_unit.entry(prof.unit).or_default() += prof.count;
            }
            let absorbed: u64 = per_unit
                .iter()
                .map(|(u, a)| u64::from((*a).min(m_u.get(u).copied().unwrap_or(0))))
                .sum();
            let extra = u64::from(need(g)).saturating_sub(absorbed);
            lb = lb.max(base.saturating_add(u32::try_from(extra).unwrap_or(u32::MAX)));
        }
        // Own groups each meetable alone, but not all together.
        let mut own: HashMap<u32, u32> = HashMap::new();
        for &g in &meetable {
            if let Some(u) = self.local[g] {
                *own.entry(u).or_default() += 1;
            }
        }
        let lost: u32 = own
            .iter()
            .map(|(u, k)| fewest.get(u).map_or(0, |(_, met)| k.saturating_sub(*met)))
            .sum();
        Bound {
            met_at_most: u32::try_from(meetable.len())
                .unwrap_or(u32::MAX)
                .saturating_sub(lost),
            people_at_least: lb,
        }
    }

    /// Upper bound on groups met and lower bound on people still to take,
    /// from profile `k` on with `left` people of profile `k` still free.
    fn bounds(&self, k: usize, left: u32) -> (u32, u32) {
        let mut met = 0;
        let mut most = 0;
        let mut by_unit: HashMap<u32, u32> = HashMap::new();
        for g in 0..self.m.needs.len() {
            let r = self.residual(g);
            if r == 0 {
                met += 1;
                continue;
            }
            let here = if k < self.m.profiles.len()
                && self.coverers[g].binary_search(&(k as u32)).is_ok()
            {
                left
            } else {
                0
            };
            let next = if k < self.m.profiles.len() {
                self.suffix[k + 1][g]
            } else {
                0
            };
            if r <= here + next {
                met += 1;
                most = most.max(r);
                if let Some(u) = self.local[g] {
                    let e = by_unit.entry(u).or_default();
                    *e = (*e).max(r);
                }
            }
        }
        (met, most.max(by_unit.values().sum()))
    }

    fn dfs(&mut self, k: usize, o_start: usize, taken: u32) {
        self.nodes += 1;
        if self.nodes > self.budget {
            self.exhausted = true;
            return;
        }
        if self.m.caps.any() && !self.capacity_ok() {
            return;
        }
        let count = self.m.profiles.get(k).map_or(0, |p| p.count);
        let (met_ub, people_lb) = self.bounds(k, count - taken.min(count));
        if met_ub < self.best.met {
            return;
        }
        if met_ub == self.best.met {
            let people = self.cur.people + people_lb;
            if people > self.best.people
                || (people == self.best.people && self.cur.steps + people_lb >= self.best.steps)
            {
                return;
            }
        }
        if k == self.m.profiles.len() {
            if self.cur.better_than(&self.best)
                && (!self.m.caps.any() || schedulable(&self.m.caps, &self.jobs))
            {
                self.best = self.cur;
                self.best_take = self.take.clone();
            }
            return;
        }
        if taken < count {
            for o in o_start..self.m.profiles[k].options.len() {
                if !self.useful(&self.m.profiles[k].options[o]) {
                    continue;
                }
                self.add(k, o);
                self.dfs(k, o, taken + 1);
                self.remove(k, o);
                if self.exhausted {
                    return;
                }
            }
        }
        self.dfs(k + 1, 0, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(covers: &[u32], step: u32) -> Opt {
        Opt {
            covers: covers.to_vec(),
            step,
            latest: 2026,
        }
    }

    fn profile(count: u32, unit: u32, options: Vec<Opt>) -> Profile {
        Profile {
            count,
            unit,
            options,
        }
    }

    #[test]
    fn one_person_covering_two_groups_beats_two() {
        // Groups 0 and 1 need one each; profile 0 covers one at a time, profile 1 both.
        let m = Model {
            needs: vec![1, 1],
            profiles: vec![
                profile(2, 0, vec![opt(&[0], 1), opt(&[1], 1)]),
                profile(1, 0, vec![opt(&[0, 1], 2)]),
            ],
            caps: Caps::default(),
        };
        let s = solve(&m, 1_000_000);
        assert_eq!(
            s.score,
            Score {
                met: 2,
                people: 1,
                steps: 2
            }
        );
        assert_eq!(s.take, vec![vec![0, 0], vec![1]]);
        assert!(s.bound.is_none());
    }

    /// Brute force over every take vector: (met, people, steps) of the best.
    fn brute(m: &Model) -> Score {
        let mut best: Option<Score> = None;
        let mut take: Vec<Vec<u32>> = m
            .profiles
            .iter()
            .map(|p| vec![0; p.options.len()])
            .collect();
        loop {
            let ok = m
                .profiles
                .iter()
                .zip(&take)
                .all(|(p, t)| t.iter().sum::<u32>() <= p.count);
            if ok {
                let mut cov = vec![0u32; m.needs.len()];
                let mut sc = Score::default();
                for (p, t) in m.profiles.iter().zip(&take) {
                    for (o, x) in p.options.iter().zip(t) {
                        sc.people += x;
                        sc.steps += o.step * x;
                        for g in &o.covers {
                            cov[*g as usize] += x;
                        }
                    }
                }
                sc.met = u32::try_from(cov.iter().zip(&m.needs).filter(|(c, n)| c >= n).count())
                    .unwrap();
                if best.is_none_or(|b| sc.better_than(&b)) {
                    best = Some(sc);
                }
            }
            // Next vector.
            let mut done = true;
            'outer: for (p, t) in m.profiles.iter().zip(take.iter_mut()) {
                for x in t.iter_mut() {
                    if *x < p.count {
                        *x += 1;
                        done = false;
                        break 'outer;
                    }
                    *x = 0;
                }
            }
            if done {
                return best.unwrap();
            }
        }
    }

    #[test]
    fn large_path_stays_within_its_bounds() {
        // Units 0..3 each with their own group (0..3) and one shared group 3.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            u32::try_from((seed >> 33) % n).unwrap()
        };
        for _ in 0..200 {
            let mut profiles = Vec::new();
            for u in 0..3 {
                for _ in 0..1 + next(2) {
                    let mut options = Vec::new();
                    for _ in 0..1 + next(2) {
                        let mut covers = Vec::new();
                        if next(3) > 0 {
                            covers.push(u);
                        }
                        if next(2) == 0 {
                            covers.push(3);
                        }
                        if !covers.is_empty() {
                            options.push(opt(&covers, 1 + next(3)));
                        }
                    }
                    if !options.is_empty() {
                        profiles.push(profile(1 + next(2), u, options));
                    }
                }
            }
            let m = Model {
                needs: vec![1 + next(2), 1 + next(2), 1 + next(2), 1 + next(4)],
                profiles,
                caps: Caps::default(),
            };
            let best = brute(&m);
            assert_eq!(solve(&m, 1_000_000).score, best, "{m:?}");
            let s = solve_limited(&m, 1_000_000, 0);
            assert!(!s.score.better_than(&best), "{m:?}");
            let b = s.bound.unwrap_or(Bound {
                met_at_most: s.score.met,
                people_at_least: s.score.people,
            });
            assert!(b.met_at_most >= best.met, "{m:?} {b:?} {best:?}");
            if b.met_at_most == best.met {
                assert!(b.people_at_least <= best.people, "{m:?} {b:?} {best:?}");
            }
        }
    }

    #[test]
    fn capacity_forces_the_later_option() {
        // One start a year from 2026: two people cannot both start by 2026.
        let m = Model {
            needs: vec![2],
            profiles: vec![profile(
                3,
                0,
                vec![Opt {
                    covers: vec![0],
                    step: 1,
                    latest: 2027,
                }],
            )],
            caps: Caps {
                overall: Some(1),
                per_unit: None,
                first_year: 2026,
            },
        };
        assert_eq!(solve(&m, 1000).score.met, 1);
        assert_eq!(
            schedule(&m.caps, &[(0, 2027), (0, 2026)]),
            Some(vec![2027, 2026])
        );
        assert_eq!(schedule(&m.caps, &[(0, 2026), (1, 2026)]), None);
    }
}
