//! Stage 3a, clean staff table × position catalogue → placements.
//!
//! Every posting is mapped to a catalogued position of its agency: by
//! position code; else by position name (folded: diacritics, case and spaces
//! do not matter); else by its title through the positions' aliases; else it
//! is unmatched, and the closest catalogue names are suggested in the data
//! issues (never applied). Each requirement of a matched position is checked
//! and every unmet one is kept, to be said in a personnel officer's words.
//! A requirement whose value is unknown (education not given or unreadable)
//! is neither met nor failed: it is to be verified, so a posting meets its
//! position's standard, fails it (some requirement known to be unmet), or is
//! to be verified. A person meets the standard only if every posting does.
//! Headcount per position counts postings; per agency it counts people. The
//! grade structure counts people by grade code, a name alone read through the
//! table of known grades, so "Chuyên viên chính" and "01.002" are one grade.

pub mod catalogue;
mod figures;
mod place;
mod standard;

use std::collections::BTreeMap;
use std::sync::Arc;

use hashbrown::HashMap;

pub use catalogue::{
    AgencyEntry, AgencyRef, Catalogue, GradeStandard, LoadOptions, PositionDef, PositionKind,
};

use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport, Staff, Text, Texts};
use crate::scales::{Category, Education, PoliticalTheory, StateManagement};
use crate::text::fold;
use crate::units::Hierarchy;
use crate::vocab::grades;
use figures::*;
use place::expects_position;
pub use place::place;
use standard::*;

/// A requirement a posting does not meet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unmet {
    /// Professional education below the minimum (or unknown).
    Education {
        have: Option<Education>,
        need: Education,
    },
    /// Field of study not among those accepted (or not given).
    Field {
        have: Option<Arc<str>>,
        need: Arc<[String]>,
    },
    /// Grade not among those accepted (or not given).
    Grade {
        have: Option<String>,
        need: Arc<[String]>,
    },
    /// Political theory below the minimum (or unknown).
    PoliticalTheory {
        have: Option<PoliticalTheory>,
        need: PoliticalTheory,
    },
    /// State management below the minimum (or unknown).
    StateManagement {
        have: Option<StateManagement>,
        need: StateManagement,
    },
}

impl Unmet {
    /// The person's value is unknown: the requirement is to be verified,
    /// neither met nor failed.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        match self {
            Unmet::Education { have, .. } => have.is_none(),
            Unmet::PoliticalTheory { have, .. } => have.is_none(),
            Unmet::StateManagement { have, .. } => have.is_none(),
            Unmet::Field { .. } | Unmet::Grade { .. } => false,
        }
    }
}

/// A posting (or a person) against its position's standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standard {
    /// Some requirement is known to be unmet (or the posting is not placed).
    Fails = 0,
    /// No requirement is known to be unmet, but some value is unknown.
    ToVerify = 1,
    /// Placed, and every requirement met.
    Meets = 2,
}

/// How a posting was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// Position code.
    Code,
    /// Position name.
    Name,
    /// Title, through an alias (or the position name).
    Title,
}

/// What the requirements a posting was checked against rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The position's job description.
    JobDescription,
    /// The legal standard of the person's grade (index into
    /// [`Catalogue::grade_standards`]).
    GradeStandard(u16),
    /// The position catalogue's own requirements.
    Catalogue,
}

/// One posting's placement.
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    /// Index into the catalogue, when matched.
    pub position: Option<u32>,
    /// How.
    pub matched_by: Option<MatchedBy>,
    /// The grade matches the position's (or the position names none).
    pub grade_ok: bool,
    /// Requirements not met.
    pub unmet: Vec<Unmet>,
    /// The requirements checked are the legal standard of the person's
    /// grade (index into [`Catalogue::grade_standards`]), the position giving
    /// none of its own; `None`: the catalogue's.
    pub grade_standard: Option<u16>,
}

impl Assignment {
    /// Placed in a catalogued position.
    #[must_use]
    pub fn placed(&self) -> bool {
        self.position.is_some()
    }

    /// Placed, with a matching grade.
    #[must_use]
    pub fn placed_with_grade(&self) -> bool {
        self.position.is_some() && self.grade_ok
    }

    /// Placed and meeting every checked requirement.
    #[must_use]
    pub fn meets_standard(&self) -> bool {
        self.position.is_some() && self.unmet.is_empty()
    }

    /// Placed, with some requirement known to be unmet.
    #[must_use]
    pub fn fails_standard(&self) -> bool {
        self.position.is_some() && self.unmet.iter().any(|u| !u.is_unknown())
    }

    /// Placed, with no requirement known to be unmet but some value unknown.
    #[must_use]
    pub fn to_verify(&self) -> bool {
        self.position.is_some() && !self.unmet.is_empty() && !self.fails_standard()
    }

    /// What the requirements it was checked against rest on.
    #[must_use]
    pub fn basis(&self, cat: &Catalogue) -> Basis {
        let described = self
            .position
            .is_some_and(|i| cat.positions[i as usize].described);
        match self.grade_standard {
            _ if described => Basis::JobDescription,
            Some(i) => Basis::GradeStandard(i),
            None => Basis::Catalogue,
        }
    }

    /// The posting against its position's standard (not placed: fails).
    #[must_use]
    pub fn standard(&self) -> Standard {
        if self.meets_standard() {
            Standard::Meets
        } else if self.to_verify() {
            Standard::ToVerify
        } else {
            Standard::Fails
        }
    }
}

/// Each person's standard, over all their postings: the person meets it only
/// if every posting does, fails it if any posting fails, else is to be
/// verified. Postings outside the civil-service positions (non-specialised
/// workers, contract workers) count only when placed, or when the person has
/// no other. Posting `i` is person `persons[i]`, of category `category(i)`,
/// placed as `assignments[i]`. Indexed by person id (up to the highest).
#[must_use]
pub fn person_standards(
    persons: &[u32],
    category: impl Fn(usize) -> Option<Category> + Sync,
    assignments: &[Assignment],
) -> Vec<Standard> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};
    let n = persons
        .par_iter()
        .map(|&p| p as usize + 1)
        .max()
        .unwrap_or(0);
    // The lowest standard over the postings that count, and over all of
    // them, as ranks: taken on every core, a minimum in any order (on one,
    // about 0.03 s in profiles of the national roster). `NONE` above every
    // rank: no posting counts.
    const NONE: u8 = 3;
    // Standard's values (Fails 0, ToVerify 1, Meets 2) follow its order.
    let rank = |s: Standard| s as u8;
    let counted: Vec<AtomicU8> = (0..n).map(|_| AtomicU8::new(NONE)).collect();
    let all: Vec<AtomicU8> = (0..n)
        .map(|_| AtomicU8::new(rank(Standard::Meets)))
        .collect();
    persons
        .par_iter()
        .zip(assignments.par_iter())
        .enumerate()
        .for_each(|(i, (&p, a))| {
            let (p, st) = (p as usize, rank(a.standard()));
            all[p].fetch_min(st, Relaxed);
            if a.placed() || category(i).is_none_or(expects_position) {
                counted[p].fetch_min(st, Relaxed);
            }
        });
    let of_rank = |k: u8| match k {
        0 => Standard::Fails,
        1 => Standard::ToVerify,
        _ => Standard::Meets,
    };
    counted
        .into_iter()
        .zip(all)
        .map(|(c, a)| match c.into_inner() {
            NONE => of_rank(a.into_inner()),
            c => of_rank(c),
        })
        .collect()
}

/// Staffing of one position in one agency.
#[derive(Debug, Clone)]
pub struct Staffing {
    /// Node of the agency.
    pub unit: u32,
    /// Catalogue index.
    pub position: u32,
    /// Approved headcount, when the catalogue gives one.
    pub approved: Option<u32>,
    /// Postings placed in it.
    pub filled: u32,
}

impl Staffing {
    /// Approved but unfilled.
    #[must_use]
    pub fn vacant(&self) -> u32 {
        self.approved.map_or(0, |a| a.saturating_sub(self.filled))
    }

    /// Filled beyond the approved headcount.
    #[must_use]
    pub fn over(&self) -> u32 {
        self.approved.map_or(0, |a| self.filled.saturating_sub(a))
    }
}

/// One agency's figures.
#[derive(Debug, Clone, Default)]
pub struct AgencyFigures {
    /// The agency has catalogued positions.
    pub has_catalogue: bool,
    /// People with a posting here.
    pub people: u32,
    /// People placed in a catalogued position here.
    pub placed: u32,
    /// People placed with a matching grade.
    pub placed_with_grade: u32,
    /// People by grade (display name) — the cơ cấu ngạch.
    pub grades: BTreeMap<String, u32>,
    /// People by class of the grade ladder ([`Rank::ALL`] order).
    pub ranks: [u32; 5],
    /// People whose grade has no class on the ladder (viên chức titles,
    /// unknown codes), by grade: counted apart, never guessed.
    pub unranked: BTreeMap<String, u32>,
    /// People with no grade given.
    pub ungraded: u32,
}

/// The stage's output.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Per posting, parallel to the staff table's columns.
    pub assignments: Vec<Assignment>,
    /// Per roster unit.
    pub agencies: Vec<AgencyFigures>,
    /// Per agency × catalogued position, agencies in unit order.
    pub staffing: Vec<Staffing>,
    /// The catalogue.
    pub catalogue: Catalogue,
}

/// The positions open to one agency, indexed for matching.
#[derive(Debug, Default)]
struct Group {
    entries: Vec<u32>,
    by_code: HashMap<String, u32>,
    by_name: HashMap<String, u32>,
    by_alias: HashMap<String, u32>,
    names: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_codes_and_names() {
        assert!(is_grade_code("01.003"));
        assert!(is_grade_code("V.08.10.28"));
        assert!(!is_grade_code("Chuyên viên"));
        let a = accepted_grades(&["01.003".into(), "Kế toán viên".into()]);
        assert!(a.codes.contains(&"01.003".to_string()) && a.codes.contains(&"06.031".to_string()));
        assert!(a.names.contains(&"chuyen vien".to_string()));
        assert!(a.ranks.is_empty());
        // "hoặc tương đương": the name, and the whole class.
        let a = accepted_grades(&["Chuyên viên chính hoặc tương đương".into()]);
        assert_eq!(a.codes, ["01.002"]);
        assert_eq!(a.ranks, [grades::Rank::Principal]);
        // After a code, and with "trở lên".
        let a = accepted_grades(&["01.003 hoặc tương đương trở lên".into()]);
        assert_eq!(
            (a.codes.as_slice(), a.ranks.as_slice()),
            (&["01.003".to_string()][..], &[grades::Rank::Specialist][..])
        );
    }
}
