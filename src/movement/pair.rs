//! One person in both years: what happened to each of their posts. A post
//! in the same place and category stays; in the same place, another
//! category, it changed category; a place left paired with a place taken is
//! a transfer (between a parent unit and one of its children too); a post
//! left or taken beside posts the person keeps is a concurrent post (kiêm
//! nhiệm) ended or new, never a leaver or a hire.

use super::people::{Person, Place};
use crate::scales::Category;

/// What happened to one post of a person found in both years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// The same place and category.
    Stays,
    /// The same place, another category.
    Category,
    /// Another place.
    Transfer,
    /// A concurrent post, ended (last year's side) or new (this year's).
    Concurrent,
}

/// The fate of each of last year's posts and of each of this year's, in
/// the order of the people's postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paired {
    /// Last year's posts.
    pub then: Vec<Fate>,
    /// This year's posts.
    pub now: Vec<Fate>,
}

/// Places in order of first posting, each once.
fn places(p: &Person) -> Vec<Place> {
    let mut v: Vec<Place> = Vec::new();
    for (q, _) in &p.postings {
        if !v.contains(q) {
            v.push(*q);
        }
    }
    v
}

/// What happened to each post of a person found in both years.
#[must_use]
pub fn pair(before: &Person, now: &Person) -> Paired {
    let mut then = vec![Fate::Concurrent; before.postings.len()];
    let mut later = vec![Fate::Concurrent; now.postings.len()];
    let (p_then, p_now) = (places(before), places(now));
    let at = |p: &Person, q: Place| -> Vec<usize> {
        (0..p.postings.len())
            .filter(|&i| p.postings[i].0 == q)
            .collect()
    };
    for &q in p_then.iter().filter(|q| p_now.contains(q)) {
        let (a, b) = (at(before, q), at(now, q));
        let gone: Vec<usize> = a
            .iter()
            .copied()
            .filter(|&i| !now.postings.contains(&before.postings[i]))
            .collect();
        let new: Vec<usize> = b
            .iter()
            .copied()
            .filter(|&i| !before.postings.contains(&now.postings[i]))
            .collect();
        for &i in a.iter().filter(|i| !gone.contains(i)) {
            then[i] = Fate::Stays;
        }
        for &i in b.iter().filter(|i| !new.contains(i)) {
            later[i] = Fate::Stays;
        }
        for (&i, &j) in gone.iter().zip(&new) {
            then[i] = Fate::Category;
            later[j] = Fate::Category;
        }
    }
    let gone: Vec<Place> = p_then.into_iter().filter(|q| !p_now.contains(q)).collect();
    let new: Vec<Place> = p_now
        .into_iter()
        .filter(|q| !before.postings.iter().any(|x| x.0 == *q))
        .collect();
    for (&g, &n) in gone.iter().zip(&new) {
        for i in at(before, g) {
            then[i] = Fate::Transfer;
        }
        for j in at(now, n) {
            later[j] = Fate::Transfer;
        }
    }
    Paired { then, now: later }
}

/// A category unknown in one year and known in the other, in the same
/// place, is the known one in both: the same person staying, not a category
/// change. Rewrites both people's postings.
pub fn resolve_unknown(before: &mut Person, now: &mut Person) {
    fill_unknown(before, now);
    fill_unknown(now, before);
}

/// `a`'s unknown categories at a place where `b` knows one and has no
/// unknown: `b`'s first known category there.
fn fill_unknown(a: &mut Person, b: &Person) {
    let mut out: Vec<(Place, Category)> = Vec::with_capacity(a.postings.len());
    for &(q, c) in &a.postings {
        let known = b
            .postings
            .iter()
            .find(|x| x.0 == q && x.1 != Category::Unknown)
            .map(|x| x.1);
        let b_unknown = b.postings.contains(&(q, Category::Unknown));
        let c = match known {
            Some(k) if c == Category::Unknown && !b_unknown => k,
            _ => c,
        };
        if !out.contains(&(q, c)) {
            out.push((q, c));
        }
    }
    a.postings = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(postings: &[(usize, Category)]) -> Person {
        Person {
            first: 0,
            postings: postings.iter().map(|&(n, c)| (Place::Node(n), c)).collect(),
            ..Person::absent()
        }
    }

    use Category::{CanBo, CongChuc, Unknown};
    use Fate::{Category as Cat, Concurrent, Stays, Transfer};

    #[test]
    fn posts_stay_change_move_or_are_concurrent() {
        type Posts = &'static [(usize, Category)];
        let cases: &[(Posts, Posts, &[Fate], &[Fate])] = &[
            (&[(1, CanBo)], &[(1, CanBo)], &[Stays], &[Stays]),
            (&[(1, CanBo)], &[(1, CongChuc)], &[Cat], &[Cat]),
            (&[(1, CanBo)], &[(2, CanBo)], &[Transfer], &[Transfer]),
            // A second post taken, then given up: concurrent, not a hire or
            // a leaver, not a transfer.
            (
                &[(1, CanBo)],
                &[(1, CanBo), (2, CanBo)],
                &[Stays],
                &[Stays, Concurrent],
            ),
            (
                &[(1, CanBo), (2, CanBo)],
                &[(1, CanBo)],
                &[Stays, Concurrent],
                &[Stays],
            ),
            // Two posts to one elsewhere: one transfer, one ended.
            (
                &[(1, CanBo), (2, CanBo)],
                &[(3, CanBo)],
                &[Transfer, Concurrent],
                &[Transfer],
            ),
            // Two categories in one place, one kept.
            (
                &[(1, CanBo), (1, CongChuc)],
                &[(1, CanBo)],
                &[Stays, Concurrent],
                &[Stays],
            ),
        ];
        for (a, b, then, now) in cases {
            let got = pair(&person(a), &person(b));
            assert_eq!(
                (&got.then[..], &got.now[..]),
                (*then, *now),
                "{a:?} → {b:?}"
            );
        }
    }

    #[test]
    fn an_unknown_category_is_the_known_one_of_the_other_year() {
        let (mut a, mut b) = (person(&[(1, Unknown)]), person(&[(1, CongChuc)]));
        resolve_unknown(&mut a, &mut b);
        assert_eq!(a.postings, b.postings);
        assert_eq!(pair(&a, &b).then, [Stays]);
        // Unknown in both years, or in another place: left as it is.
        let (mut a, mut b) = (person(&[(1, Unknown)]), person(&[(2, CongChuc)]));
        resolve_unknown(&mut a, &mut b);
        assert_eq!(a.postings[0].1, Unknown);
    }
}
