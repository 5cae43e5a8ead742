//! The branch and bound over one component's profiles.

#[allow(clippy::wildcard_imports)]
use super::*;

mod start;

/// Search state for one component.
pub(super) struct Search<'m> {
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
pub(super) const MAX_CELLS: usize = 4_000_000;
/// Above this many profiles the search is not tried (its depth grows with them).
pub(super) const MAX_PROFILES: usize = 5_000;

impl<'m> Search<'m> {
    pub(super) fn new(m: &'m Model) -> Self {
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

    pub(super) fn run(mut self, budget: u64, max_profiles: usize) -> Solution {
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

    pub(super) fn reset(&mut self) {
        self.cov.iter_mut().for_each(|c| *c = 0);
        for t in &mut self.take {
            t.iter_mut().for_each(|x| *x = 0);
        }
        self.jobs.clear();
        self.cur = Score::default();
    }

    pub(super) fn build_suffix(&mut self) {
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

    pub(super) fn residual(&self, g: usize) -> u32 {
        self.m.needs[g].saturating_sub(self.cov[g])
    }

    pub(super) fn useful(&self, o: &Opt) -> bool {
        o.covers.iter().any(|g| self.residual(*g as usize) > 0)
    }

    pub(super) fn add(&mut self, p: usize, o: usize) {
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
    pub(super) fn remove(&mut self, p: usize, o: usize) {
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

    pub(super) fn capacity_ok(&self) -> bool {
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

    /// Upper bound on groups met and lower bound on people still to take,
    /// from profile `k` on with `left` people of profile `k` still free.
    pub(super) fn bounds(&self, k: usize, left: u32) -> (u32, u32) {
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

    pub(super) fn dfs(&mut self, k: usize, o_start: usize, taken: u32) {
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
