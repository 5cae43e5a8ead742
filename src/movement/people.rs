//! The people of one roster as the comparison sees them: one per person id
//! (a person with several posts is one, with each post's place and
//! category), with the keys the matching reads ([`super::matching`]).

use chrono::Datelike;

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
    for (i, r) in roster.staff.rows().enumerate() {
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
            // Cao cấp → Cử nhân is no level gained.
            rank(r.political_theory.map(|p| p.level()), &LLCT),
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
    pub fn absent() -> Self {
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
pub fn agree(a: PartialDate, b: PartialDate) -> bool {
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
pub fn ids_differ(a: &Person, b: &Person) -> bool {
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
