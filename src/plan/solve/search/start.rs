//! Where the search starts: a greedy plan (the first incumbent), units
//! solved alone first, and the bounds at the root.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Per profile of a unit's own model: its index in the whole model, and
/// the index of each of its options kept.
type Back = Vec<(usize, Vec<usize>)>;

impl Search<'_> {
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
        // Each unit's own search reads the model only: all of them on every
        // core, then their plans placed in unit order as one after the other
        // would (on the national plan, 3,000 units' searches took 0.13 s on
        // one core).
        use rayon::prelude::*;
        let this = &*self;
        let solved: Vec<(u32, Back, Solution)> = units
            .par_iter()
            .filter_map(|&u| {
                let (sub, back) = this.own_model(u, &by_unit[&u]);
                let s = (!sub.needs.is_empty())
                    .then(|| Search::new(&sub).run(budget / 100, MAX_PROFILES))?;
                Some((u, back, s))
            })
            .collect();
        let mut fewest = HashMap::new();
        for (u, back, s) in solved {
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

    /// Unit `u`'s own model: the groups only it covers (renumbered) and the
    /// options of its profiles `own` that cover them, with, per profile kept,
    /// its index and the index of each option kept (options keep their own
    /// index).
    fn own_model(&self, u: u32, own: &[usize]) -> (Model, Back) {
        let mut renum: HashMap<u32, u32> = HashMap::new();
        let mut sub = Model {
            needs: Vec::new(),
            profiles: Vec::new(),
            caps: Caps {
                overall: None,
                ..self.m.caps
            },
        };
        let mut back: Back = Vec::new();
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
        (sub, back)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_units_own_plan_is_placed_in_unit_order() {
        // Six units, each able alone to meet a group of its own with one
        // person starting by 2026, and room for one start in 2026 in all:
        // the units' plans are placed in unit order, so unit 0's is taken,
        // however many cores search them (and whichever ends first: tried
        // again and again).
        let m = Model {
            needs: vec![1; 6],
            profiles: (0..6)
                .map(|u| Profile {
                    count: 1,
                    unit: u,
                    options: vec![Opt {
                        covers: vec![u],
                        step: 1,
                        latest: 2026,
                    }],
                })
                .collect(),
            caps: Caps {
                overall: Some(1),
                per_unit: None,
                first_year: 2026,
            },
        };
        let mut expected = vec![vec![0]; 6];
        expected[0] = vec![1];
        for threads in [1, 2, 8].repeat(20) {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let take = pool.install(|| {
                let mut s = Search::new(&m);
                let fewest = s.units_first(&mut Placer::default(), 1000);
                assert_eq!(fewest.len(), 6, "each unit solved to the end");
                s.take
            });
            assert_eq!(take, expected, "{threads} threads");
        }
    }
}
