//! Who is who between the two years: by staff id in the same unit and with
//! the same name, else by national id, else by name and full birth date,
//! else (within one unit) by name and a birth date that agrees as far as both
//! lists give it.
//!
//! Each tier is tried for everyone still unmatched before the next. A key is
//! used only where it finds exactly one person on each side; where it finds
//! several on either side (two people last year with the same name and birth
//! date, or two this year), none of them is paired by it: they are left
//! unmatched and marked as a tie to verify. Nothing is ever paired by order.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::Datelike;

use super::people::{Method, Person, Place, agree, ids_differ};
use crate::dates::Precision;

/// The matching, read both ways, and the people left unmatched by a tie.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    /// For each person of last year: this year's person and how.
    pub to: Vec<Option<(usize, Method)>>,
    /// For each person of this year: last year's person and how.
    pub from: Vec<Option<(usize, Method)>>,
    /// Last year's people a key found more than one candidate for, and the
    /// first such key; only those left unmatched in the end.
    pub tied_prev: Vec<Option<Method>>,
    /// The same for this year's people.
    pub tied_cur: Vec<Option<Method>>,
}

impl Matching {
    /// People matched by staff id, national id, name and birth date.
    #[must_use]
    pub fn by_method(&self) -> [u64; 3] {
        let mut n = [0; 3];
        for (_, m) in self.to.iter().flatten() {
            n[*m as usize] += 1;
        }
        n
    }

    /// People of both years left unmatched by a tie.
    #[must_use]
    pub fn ties(&self) -> u64 {
        let count = |v: &[Option<Method>]| v.iter().flatten().count() as u64;
        count(&self.tied_prev) + count(&self.tied_cur)
    }
}

/// Matches last year's people with this year's.
#[must_use]
pub fn match_people(previous: &[Person], current: &[Person]) -> Matching {
    let mut m = Matching {
        to: vec![None; previous.len()],
        from: vec![None; current.len()],
        tied_prev: vec![None; previous.len()],
        tied_cur: vec![None; current.len()],
    };
    let mut t = Tier {
        prev: previous,
        cur: current,
        m: &mut m,
    };
    t.run(
        Method::StaffId,
        |p| {
            p.staff_ids
                .iter()
                .map(|(at, s)| (*at, s.clone(), p.name.clone()))
                .collect()
        },
        |a, b| !ids_differ(a, b),
    );
    t.run(
        Method::NationalId,
        |p| p.national_id.iter().cloned().collect(),
        |_, _| true,
    );
    t.run(
        Method::NameBirth,
        |p| match p.birth {
            Some(b) if b.precision == Precision::Day => vec![(p.name.clone(), b.date)],
            _ => Vec::new(),
        },
        |a, b| !ids_differ(a, b),
    );
    // Within one unit a birth year matches a full date of that year; people
    // a full date already tied are not tried again on less.
    let prev_tied = t.m.tied_prev.clone();
    let cur_tied = t.m.tied_cur.clone();
    let local = |p: &Person| {
        let mut places: Vec<Place> = p.postings.iter().map(|x| x.0).collect();
        places.dedup();
        let year = p.birth.map(|b| b.date.year());
        places
            .into_iter()
            .filter_map(|at| Some((at, p.name.clone(), year?)))
            .collect::<Vec<_>>()
    };
    t.run_where(
        Method::NameBirth,
        local,
        |a, b| matches!((a.birth, b.birth), (Some(x), Some(y)) if agree(x, y)) && !ids_differ(a, b),
        |side, i| {
            let tied = if side == 0 { &prev_tied } else { &cur_tied };
            tied[i] != Some(Method::NameBirth)
        },
    );
    // A tie counts only for those it left unmatched.
    for (p, t) in m.tied_prev.iter_mut().enumerate() {
        if m.to[p].is_some() || previous[p].first == usize::MAX {
            *t = None;
        }
    }
    for (c, t) in m.tied_cur.iter_mut().enumerate() {
        if m.from[c].is_some() || current[c].first == usize::MAX {
            *t = None;
        }
    }
    m
}

/// One tier's state: both years' people and the matching so far.
struct Tier<'a> {
    prev: &'a [Person],
    cur: &'a [Person],
    m: &'a mut Matching,
}

impl Tier<'_> {
    fn run<K: Hash + Eq>(
        &mut self,
        method: Method,
        keys: impl Fn(&Person) -> Vec<K>,
        fits: impl Fn(&Person, &Person) -> bool,
    ) {
        self.run_where(method, keys, fits, |_, _| true);
    }

    /// The unmatched people `tried` lets in, by key: (last year's, this
    /// year's).
    fn groups<K: Hash + Eq>(
        &self,
        keys: impl Fn(&Person) -> Vec<K>,
        tried: impl Fn(usize, usize) -> bool,
    ) -> HashMap<K, [Vec<usize>; 2]> {
        let mut groups: HashMap<K, [Vec<usize>; 2]> = HashMap::new();
        let sides = [(self.prev, &self.m.to), (self.cur, &self.m.from)];
        for (side, (people, matched)) in sides.into_iter().enumerate() {
            for (i, p) in people.iter().enumerate() {
                if matched[i].is_some() || p.first == usize::MAX || !tried(side, i) {
                    continue;
                }
                for k in keys(p) {
                    let g = &mut groups.entry(k).or_default()[side];
                    if !g.contains(&i) {
                        g.push(i);
                    }
                }
            }
        }
        groups
    }

    /// Per key, the pairs that fit; a pair is a candidate when each of the
    /// two fits no one else under that key, else both are tied. Returns each
    /// of last year's people's candidates, and the tied of both years.
    fn candidates<K>(
        &self,
        groups: &HashMap<K, [Vec<usize>; 2]>,
        fits: impl Fn(&Person, &Person) -> bool,
    ) -> (HashMap<usize, Vec<usize>>, [HashSet<usize>; 2]) {
        let mut proposed: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut tied: [HashSet<usize>; 2] = [HashSet::new(), HashSet::new()];
        for [ps, cs] in groups.values() {
            let pairs: Vec<(usize, usize)> = ps
                .iter()
                .flat_map(|&p| cs.iter().map(move |&c| (p, c)))
                .filter(|&(p, c)| fits(&self.prev[p], &self.cur[c]))
                .collect();
            let (mut of_p, mut of_c) = (HashMap::new(), HashMap::new());
            for &(p, c) in &pairs {
                *of_p.entry(p).or_insert(0) += 1;
                *of_c.entry(c).or_insert(0) += 1;
            }
            for &(p, c) in &pairs {
                if of_p[&p] == 1 && of_c[&c] == 1 {
                    let v = proposed.entry(p).or_default();
                    if !v.contains(&c) {
                        v.push(c);
                    }
                } else {
                    tied[0].insert(p);
                    tied[1].insert(c);
                }
            }
        }
        (proposed, tied)
    }

    /// Pairs the people (of side 0, last year, and side 1, this year) that
    /// `tried` lets in, by `keys`, where `fits` holds.
    fn run_where<K: Hash + Eq>(
        &mut self,
        method: Method,
        keys: impl Fn(&Person) -> Vec<K>,
        fits: impl Fn(&Person, &Person) -> bool,
        tried: impl Fn(usize, usize) -> bool,
    ) {
        let groups = self.groups(keys, tried);
        let (proposed, mut tied) = self.candidates(&groups, fits);
        // Across keys: one candidate each way, else a tie.
        let mut proposers: HashMap<usize, Vec<usize>> = HashMap::new();
        for (&p, cs) in &proposed {
            if cs.len() == 1 && !tied[0].contains(&p) {
                proposers.entry(cs[0]).or_default().push(p);
            } else {
                tied[0].insert(p);
                tied[1].extend(cs);
            }
        }
        for (c, ps) in proposers {
            if let [p] = ps[..]
                && !tied[1].contains(&c)
            {
                self.m.to[p] = Some((c, method));
                self.m.from[c] = Some((p, method));
            } else {
                tied[0].extend(ps);
                tied[1].insert(c);
            }
        }
        let [tp, tc] = tied;
        for p in tp {
            self.m.tied_prev[p].get_or_insert(method);
        }
        for c in tc {
            self.m.tied_cur[c].get_or_insert(method);
        }
    }
}
