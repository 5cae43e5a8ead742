//! The people of two rosters, and who is who between them: by staff id in
//! the same unit (and the same name), else by national id, else by name and
//! full birth date.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::dates::{PartialDate, Precision};
use crate::roster::Roster;
use crate::scales::Category;
use crate::staff::{EDU, LLCT, QLNN, rank};
use crate::text::fold;

/// Where a posting is: a node of this year's hierarchy, or a unit of last
/// year's roster that has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A node of this year's hierarchy.
    Node(usize),
    /// A unit of last year's roster placed on no unit of this year.
    Unplaced(u32),
}

/// One person of one roster, as the comparison sees them.
#[derive(Debug, Clone)]
pub struct Person {
    /// The record of their first posting.
    pub first: usize,
    /// Folded full name.
    pub name: String,
    /// National id, digits as written.
    pub national_id: Option<String>,
    /// Birth date as the roster gives it (day, month or year).
    pub birth: Option<PartialDate>,
    /// Staff ids with the place of the posting that gives them.
    pub staff_ids: Vec<(Place, String)>,
    /// Postings: place and category, each once.
    pub postings: Vec<(Place, Category)>,
    /// Highest education, political theory and state management held
    /// (ranks from the lowest; -1 unknown).
    pub levels: [i8; 3],
}

/// The people of a roster, indexed by person id; `place` gives each roster
/// unit's place.
#[must_use]
pub fn people(roster: &Roster, place: &[Place]) -> Vec<Person> {
    let mut out: Vec<Option<Person>> = vec![None; roster.people];
    for (i, r) in roster.records.iter().enumerate() {
        let Some(slot) = out.get_mut(r.person as usize) else {
            continue;
        };
        let at = place[r.unit as usize];
        let p = slot.get_or_insert_with(|| Person {
            first: i,
            name: fold(roster.texts.get(r.name)),
            national_id: roster
                .texts
                .opt(r.national_id)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            birth: r.birth,
            ..Person::absent()
        });
        if let Some(s) = roster
            .texts
            .opt(r.staff_id)
            .map(fold)
            .filter(|s| !s.is_empty())
            && !p.staff_ids.contains(&(at, s.clone()))
        {
            p.staff_ids.push((at, s));
        }
        if !p.postings.contains(&(at, r.category)) {
            p.postings.push((at, r.category));
        }
        let levels = [
            rank(r.education, &EDU),
            rank(r.political_theory, &LLCT),
            rank(r.state_management, &QLNN),
        ];
        for (held, l) in p.levels.iter_mut().zip(levels) {
            *held = (*held).max(l);
        }
    }
    out.into_iter()
        .map(|p| p.unwrap_or_else(Person::absent))
        .collect()
}

impl Person {
    /// A person id no record holds (`first` is `usize::MAX`).
    fn absent() -> Self {
        Self {
            first: usize::MAX,
            name: String::new(),
            national_id: None,
            birth: None,
            staff_ids: Vec::new(),
            postings: Vec::new(),
            levels: [-1; 3],
        }
    }
}

/// Two birth dates that may be one: the same year, and the same month and
/// day where both lists give them.
fn agree(a: PartialDate, b: PartialDate) -> bool {
    let finer = |p: Precision| match p {
        Precision::Day => 2,
        Precision::Month => 1,
        Precision::Year => 0,
    };
    let both = finer(a.precision).min(finer(b.precision));
    a.date.year() == b.date.year()
        && (both < 1 || a.date.month() == b.date.month())
        && (both < 2 || a.date.day() == b.date.day())
}

/// Both give a national id, and they differ: two people, whatever else
/// they share.
fn ids_differ(a: &Person, b: &Person) -> bool {
    matches!((&a.national_id, &b.national_id), (Some(x), Some(y)) if x != y)
}

/// How two people were found to be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The same staff id in the same unit, and the same name.
    StaffId,
    /// The same national id.
    NationalId,
    /// The same name and full birth date (and no national ids that differ),
    /// or in the same unit the same name and a birth date that agrees as far
    /// as both lists give it (a year against a full date): to confirm.
    NameBirth,
}

/// For each person of last year, this year's person they are and how they
/// were matched. Each tier is tried for everyone before the next, and a
/// person of this year is matched once; a key two people share matches
/// neither. A birth date without its day (a list giving the year) matches
/// only within one unit, and there a year matches a full date of that year.
#[must_use]
pub fn match_people(previous: &[Person], current: &[Person]) -> Vec<Option<(u32, Method)>> {
    let mut matched: Vec<Option<(u32, Method)>> = vec![None; previous.len()];
    let mut taken = vec![false; current.len()];
    let id = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    // Staff ids number people within a unit: the key is the place and the id.
    let mut by_staff: HashMap<(Place, &str), Vec<usize>> = HashMap::new();
    let mut by_nid: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_name_birth: HashMap<(&str, NaiveDate), Vec<usize>> = HashMap::new();
    let mut by_local: HashMap<(Place, &str, i32), Vec<usize>> = HashMap::new();
    for (c, p) in current.iter().enumerate() {
        for (at, s) in &p.staff_ids {
            by_staff.entry((*at, s.as_str())).or_default().push(c);
        }
        if let Some(n) = &p.national_id {
            by_nid.entry(n.as_str()).or_default().push(c);
        }
        if let Some(b) = p.birth {
            if b.precision == Precision::Day {
                by_name_birth
                    .entry((p.name.as_str(), b.date))
                    .or_default()
                    .push(c);
            }
            let mut places: Vec<Place> = p.postings.iter().map(|x| x.0).collect();
            places.dedup();
            for at in places {
                by_local
                    .entry((at, p.name.as_str(), b.date.year()))
                    .or_default()
                    .push(c);
            }
        }
    }
    let mut tier = |method: Method,
                    matched: &mut Vec<Option<(u32, Method)>>,
                    find: &dyn Fn(&Person) -> Option<usize>| {
        for (i, p) in previous.iter().enumerate() {
            if matched[i].is_some() || p.first == usize::MAX {
                continue;
            }
            if let Some(c) = find(p)
                && !taken[c]
            {
                taken[c] = true;
                matched[i] = Some((id(c), method));
            }
        }
    };
    let unique = |v: Option<&Vec<usize>>| match v.map(Vec::as_slice) {
        Some([c]) => Some(*c),
        _ => None,
    };
    tier(Method::StaffId, &mut matched, &|p| {
        p.staff_ids.iter().find_map(|(at, s)| {
            unique(by_staff.get(&(*at, s.as_str())))
                .filter(|&c| current[c].name == p.name && !ids_differ(p, &current[c]))
        })
    });
    tier(Method::NationalId, &mut matched, &|p| {
        unique(by_nid.get(p.national_id.as_deref()?))
    });
    tier(Method::NameBirth, &mut matched, &|p| {
        let b = p.birth?;
        let global = (b.precision == Precision::Day)
            .then(|| unique(by_name_birth.get(&(p.name.as_str(), b.date))))
            .flatten();
        let c = global.or_else(|| {
            p.postings
                .iter()
                .find_map(|(at, _)| unique(by_local.get(&(*at, p.name.as_str(), b.date.year()))))
                .filter(|&c| current[c].birth.is_some_and(|d| agree(b, d)))
        })?;
        // Two national ids that differ are two people.
        (!ids_differ(p, &current[c])).then_some(c)
    });
    matched
}
