//! Fitting course starts into yearly capacity: exactly (a flow over years) or
//! one at a time.

#[allow(clippy::wildcard_imports)]
use super::*;

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
pub(super) struct Net {
    g: Flow,
    kinds: Vec<(u32, i32)>,
    kind_edges: Vec<Vec<(usize, i32)>>,
    value: i64,
}

impl Net {
    pub(super) fn build(caps: &Caps, jobs: &[(u32, i32)]) -> Net {
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
pub(super) struct Flow {
    head: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<i64>,
    orig: Vec<i64>,
}

impl Flow {
    pub(super) fn new(n: usize) -> Self {
        Self {
            head: vec![Vec::new(); n],
            to: Vec::new(),
            cap: Vec::new(),
            orig: Vec::new(),
        }
    }

    pub(super) fn edge(&mut self, a: usize, b: usize, c: i64) -> usize {
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

    pub(super) fn flow_on(&self, e: usize) -> i64 {
        self.orig[e] - self.cap[e]
    }

    pub(super) fn max_flow(&mut self, s: usize, t: usize) -> i64 {
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

    pub(super) fn push(
        &mut self,
        v: usize,
        t: usize,
        f: i64,
        level: &[i32],
        it: &mut [usize],
    ) -> i64 {
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

    pub(super) fn give_back(&mut self, unit: u32, year: i32) {
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
pub(super) struct Placer {
    used: Starts,
    /// (profile, option, year) of each start.
    placed: Vec<(usize, usize, i32)>,
}

impl Placer {
    /// Places a start for option `o` of profile `p` (of `unit`) by `latest`, if there is room.
    pub(super) fn place(
        &mut self,
        caps: &Caps,
        unit: u32,
        p: usize,
        o: usize,
        latest: i32,
    ) -> bool {
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

    pub(super) fn release(&mut self, unit: u32, p: usize, o: usize) {
        if let Some(i) = self.placed.iter().rposition(|x| x.0 == p && x.1 == o) {
            let (_, _, y) = self.placed.remove(i);
            self.used.give_back(unit, y);
        }
    }
}
