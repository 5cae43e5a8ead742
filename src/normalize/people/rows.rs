//! What the people pass reads: the rows, where each is looked up (its unit
//! scope and locality), and the notes it makes on them.

use rayon::prelude::*;

use super::group::{NONE, first_folded, row_id};
use crate::dates::PartialDate;
use crate::issues::Problem;
use crate::roster::{Roster, SheetReport, Source, Staff, StaffRow, Text, Texts};
use crate::text::fold;

pub(super) fn where_(sheets: &[SheetReport], source: Source) -> String {
    let s = &sheets[source.sheet as usize];
    format!("{} › {}", s.file_name, s.name)
}

/// Where a staff id or a same-unit namesake is looked up: a unit, and the
/// file too when the unit is known by its bare name only (no code, no parent
/// unit), since "Phòng Nội vụ" in another file may be another district's.
pub(super) type Scope = (u32, u32);

/// Where a shared name and birth date across units is worth a suggestion:
/// the units' parent unit as the roster gives it, else the file.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Locality {
    Parent(u32),
    File(u32),
}

/// A note on a row: (row, problem, value).
pub(super) type Note = (usize, Problem, String);

/// What the people pass compares of a row, read from the columns once: the
/// pass's dozen sweeps over the rows read these 44 bytes a row, not nine
/// columns each.
#[derive(Clone, Copy)]
pub(super) struct Keys {
    pub(super) name: Text,
    pub(super) national_id: Option<Text>,
    pub(super) staff_id: Option<Text>,
    pub(super) birth: Option<PartialDate>,
    /// The position, else the title.
    pub(super) post: Option<Text>,
    pub(super) unit: u32,
    /// Where its staff id or a same-unit namesake is looked up.
    pub(super) scope: Scope,
    /// Where a shared name and birth date is worth a suggestion.
    pub(super) locality: Locality,
}

/// What the people pass reads: the rows and their texts, each row's keys
/// and its name as a folded-name class.
pub(super) struct Rows<'a> {
    pub(super) staff: &'a Staff,
    pub(super) t: &'a Texts,
    pub(super) sheets: &'a [SheetReport],
    pub(super) names: Vec<u32>,
    pub(super) keys: Vec<Keys>,
}

impl<'a> Rows<'a> {
    pub(super) fn new(roster: &'a Roster, sheets: &'a [SheetReport]) -> Self {
        let (staff, t) = (&roster.staff, &roster.texts);
        let mut parents: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let unit_parent: Vec<Option<u32>> = roster
            .units
            .iter()
            .map(|u| {
                let p = u.parent.as_deref().filter(|p| !p.trim().is_empty())?;
                let next = row_id(parents.len());
                Some(*parents.entry(fold(p)).or_insert(next))
            })
            .collect();
        let named_only: Vec<bool> = roster
            .units
            .iter()
            .zip(&unit_parent)
            .map(|(u, p)| p.is_none() && u.code.as_deref().is_none_or(|c| c.trim().is_empty()))
            .collect();
        let file_of = |r: &StaffRow| row_id(sheets[r.source.sheet as usize].file);
        let keys: Vec<Keys> = (0..staff.len())
            .into_par_iter()
            .map(|i| {
                let r = &staff.row(i);
                let named_only = named_only.get(r.unit as usize).copied().unwrap_or(true);
                let locality = match unit_parent.get(r.unit as usize).copied().flatten() {
                    Some(p) => Locality::Parent(p),
                    None => Locality::File(file_of(r)),
                };
                Keys {
                    name: r.name,
                    national_id: r.national_id,
                    staff_id: r.staff_id,
                    birth: r.birth,
                    post: r.position.or(r.title),
                    unit: r.unit,
                    scope: (r.unit, if named_only { file_of(r) } else { NONE }),
                    locality,
                }
            })
            .collect();
        Rows {
            staff,
            t,
            sheets,
            names: first_folded(keys.len(), t, |i| Some(keys[i].name)),
            keys,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.staff.len()
    }

    /// A note on row `i` naming row `j` as the other place.
    pub(super) fn note(
        &self,
        i: usize,
        j: usize,
        problem: impl FnOnce(String, u32) -> Problem,
        value: String,
    ) -> Note {
        let other = self.staff.source[j];
        (i, problem(where_(self.sheets, other), other.row), value)
    }

    /// Row `i`'s name, for a note.
    pub(super) fn name(&self, i: usize) -> String {
        self.t.get(self.staff.name[i]).to_string()
    }
}
