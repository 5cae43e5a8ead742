//! The list of people who changed: one line per person and kind of change,
//! in the order of the kinds, then of their units, then of their names.

use super::matching::Matching;
use super::pair::{Fate, Paired};
use super::people::{Person, Place};
use super::{Change, Inputs, Kind};
use crate::roster::Roster;
use crate::scales::Category;

/// What the list reads.
pub struct Listed<'a> {
    /// The two rosters and the hierarchy.
    pub i: &'a Inputs<'a>,
    /// Last year's people.
    pub prev: &'a [Person],
    /// This year's.
    pub cur: &'a [Person],
    /// Who is who.
    pub matching: &'a Matching,
    /// Per person of last year found this year, the fate of each post.
    pub paired: &'a [Option<Paired>],
    /// Last year's people who retired: their last day.
    pub retired_on: &'a [Option<chrono::NaiveDate>],
}

impl Listed<'_> {
    fn place_name(&self, p: Place) -> String {
        match p {
            Place::Node(n) => self.i.hierarchy.nodes[n].name.clone(),
            Place::Unplaced(u) => self.i.previous.units[u as usize].name.clone(),
        }
    }

    /// Unit names of some postings, each once.
    fn names<'p>(&self, places: impl IntoIterator<Item = &'p (Place, Category)>) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for (q, _) in places {
            let n = self.place_name(*q);
            if !v.contains(&n) {
                v.push(n);
            }
        }
        v
    }

    /// A line for `person` of `roster`, to be filled in.
    fn line(kind: Kind, roster: &Roster, person: &Person, category: Category) -> Change {
        let r = &roster.staff.row(person.first);
        Change {
            kind,
            name: roster.texts.get(r.name).to_string(),
            birth: r.birth.map(|b| b.display()),
            category,
            from_category: None,
            from: Vec::new(),
            to: Vec::new(),
            gained: Vec::new(),
            retired_on: None,
            matched_by: None,
            tie: None,
        }
    }

    /// Last year's people not found this year.
    fn leavers(&self, out: &mut Vec<Change>) {
        for (p, person) in self.prev.iter().enumerate() {
            if person.first == usize::MAX || self.matching.to[p].is_some() {
                continue;
            }
            let retired = self.retired_on[p];
            let kind = if retired.is_some() {
                Kind::Retired
            } else {
                Kind::Left
            };
            let mut c = Self::line(kind, self.i.previous, person, person.postings[0].1);
            c.from = self.names(&person.postings);
            c.retired_on = retired;
            c.tie = self.matching.tied_prev[p];
            out.push(c);
        }
    }

    /// One person found in both years: their transfer, category changes,
    /// concurrent posts and levels gained.
    fn stayer(&self, out: &mut Vec<Change>, ci: usize, p: usize, how: super::people::Method) {
        let (before, person) = (&self.prev[p], &self.cur[ci]);
        let Some(paired) = &self.paired[p] else {
            return;
        };
        let category = person.postings[0].1;
        let then = |f: Fate| with_fate(&before.postings, &paired.then, f);
        let now = |f: Fate| with_fate(&person.postings, &paired.now, f);
        let line = |kind, cat, from: Vec<String>, to: Vec<String>| {
            let mut c = Self::line(kind, self.i.current, person, cat);
            (c.from, c.to, c.matched_by) = (from, to, Some(how));
            c
        };
        if paired.then.contains(&Fate::Transfer) {
            let (from, to) = (
                self.names(then(Fate::Transfer)),
                self.names(now(Fate::Transfer)),
            );
            out.push(line(Kind::Transfer, category, from, to));
        }
        for &(q, cat) in now(Fate::Category) {
            let at = self.names([&(q, cat)]);
            let mut c = line(Kind::CategoryChange, cat, at.clone(), at);
            c.from_category = then(Fate::Category).find(|x| x.0 == q).map(|x| x.1);
            out.push(c);
        }
        let new: Vec<_> = now(Fate::Concurrent).collect();
        if let Some(first) = new.first() {
            out.push(line(
                Kind::ConcurrentNew,
                first.1,
                Vec::new(),
                self.names(new.iter().copied()),
            ));
        }
        let ended: Vec<_> = then(Fate::Concurrent).collect();
        if let Some(first) = ended.first() {
            out.push(line(
                Kind::ConcurrentEnded,
                first.1,
                self.names(ended.iter().copied()),
                Vec::new(),
            ));
        }
        let gained: Vec<(usize, i8, i8)> = before
            .levels
            .iter()
            .zip(person.levels)
            .enumerate()
            .filter(|(_, (b, a))| **b >= 0 && *a > **b)
            .map(|(s, (b, a))| (s, *b, a))
            .collect();
        if paired.now.contains(&Fate::Stays) && !gained.is_empty() {
            let mut c = line(
                Kind::Gained,
                category,
                Vec::new(),
                self.names(&person.postings),
            );
            c.gained = gained;
            out.push(c);
        }
    }
}

/// One line per person who changed.
#[must_use]
pub fn changes(l: &Listed<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    l.leavers(&mut out);
    for (ci, person) in l.cur.iter().enumerate() {
        if person.first == usize::MAX {
            continue;
        }
        match l.matching.from[ci] {
            Some((p, how)) => l.stayer(&mut out, ci, p, how),
            None => {
                let mut c = Listed::line(Kind::Hired, l.i.current, person, person.postings[0].1);
                c.to = l.names(&person.postings);
                c.tie = l.matching.tied_cur[ci];
                out.push(c);
            }
        }
    }
    out.sort_by(|a, b| (a.kind, &a.to, &a.from, &a.name).cmp(&(b.kind, &b.to, &b.from, &b.name)));
    out
}

/// The postings whose fate is `f` (`fates` runs beside `postings`).
fn with_fate<'p>(
    postings: &'p [(Place, Category)],
    fates: &'p [Fate],
    f: Fate,
) -> impl Iterator<Item = &'p (Place, Category)> + 'p {
    postings
        .iter()
        .zip(fates)
        .filter(move |x| *x.1 == f)
        .map(|x| x.0)
}
