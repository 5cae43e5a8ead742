//! The branch and bound over one component's profiles.

#[allow(clippy::wildcard_imports)]
use super::*;

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

    /// Greedy: people covering the most groups still short first, in profile order.
    pub(super) fn greedy(&mut self, placer: &mut Placer) {
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
    pub(super) fn redundant(&self, p: usize, o: usize) -> bool {
        self.m.profiles[p].options[o]
            .covers
            .iter()
            .all(|g| self.cov[*g as usize] != self.m.needs[*g as usize])
    }

    /// Solves each unit's own groups (those only its profiles cover) exactly,
    /// takes those plans, and returns for each unit solved to the end the fewest
    /// people for them and the most of them any plan meets.
    pub(super) fn units_first(
        &mut self,
        placer: &mut Placer,
        budget: u64,
    ) -> HashMap<u32, (u32, u32)> {
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
    pub(super) fn root_bound(&self, fewest: &HashMap<u32, (u32, u32)>) -> Bound {
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
