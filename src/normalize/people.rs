//! Who is who: duplicates and concurrent posts (kiêm nhiệm) across all sheets.
//!
//! Rows are the same person when they share a national id (and the name
//! agrees), wherever they are. Staff ids are local to the unit that issued
//! them (units number their own staff): a shared staff id makes one person
//! only within one unit, and the same staff id for different people in
//! different units is no problem. Without ids, the same name and full birth
//! date, or the same name and (partial) birth date, also make one person
//! within one unit. Such rows in the same unit and post are duplicates: the
//! first is kept, the others are set aside; in other posts they are one
//! person with several postings.
//!
//! A shared name and full birth date in different units is never merged:
//! within one locality (the same parent unit, else the same file) the pair
//! is listed for the officer to confirm as a possible kiêm nhiệm; across
//! localities it is nothing. Different national ids are different people.
//!
//! Names and posts are folded once per distinct value and compared as ids, so
//! this stays linear on national-size rosters.

use hashbrown::HashMap;
use hashbrown::hash_map::Entry;
use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::dates::Precision;
use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport, StaffRecord};
use crate::text::fold;

/// Rows joined into persons; each set carries the national id it holds (as
/// the first row with that id), and two sets with different national ids
/// are never joined: different national ids are different people.
struct UnionFind(Vec<u32>, Vec<u32>);

impl UnionFind {
    /// Joins the sets of `a` and `b` unless their national ids differ.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        let (na, nb) = (self.1[ra], self.1[rb]);
        if na != u32::MAX && nb != u32::MAX && na != nb {
            return false;
        }
        self.union(a, b);
        let root = self.find(a);
        self.1[root] = na.min(nb);
        true
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] as usize != x {
            let parent = self.0[x] as usize;
            self.0[x] = self.0[parent];
            x = parent;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier row stays the root, so the first occurrence is kept.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = u32::try_from(lo).unwrap_or(u32::MAX);
        }
    }
}

/// Ids compare on their letters and digits, upper case.
fn id_key(id: &str) -> Cow<'_, str> {
    if id
        .bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(
            id.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_uppercase(),
        )
    }
}

fn conflicting(a: Option<&Arc<str>>, b: Option<&Arc<str>>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if id_key(x) != id_key(y))
}

fn where_(sheets: &[SheetReport], r: &StaffRecord) -> String {
    let s = &sheets[r.source.sheet as usize];
    format!("{} › {}", s.file_name, s.name)
}

/// Folds each distinct text once and hands out small ids for the folded keys.
#[derive(Default)]
struct Folder<'a> {
    by_text: HashMap<&'a str, u32>,
    by_key: HashMap<String, u32>,
}

impl<'a> Folder<'a> {
    fn id(&mut self, text: &'a str) -> u32 {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        let next = u32::try_from(self.by_key.len()).unwrap_or(u32::MAX);
        let id = *self.by_key.entry(fold(text)).or_insert(next);
        self.by_text.insert(text, id);
        id
    }
}

/// Where a staff id or a same-unit namesake is looked up: a unit, and the
/// file too when the unit is known by its bare name only (no code, no parent
/// unit), since "Phòng Nội vụ" in another file may be another district's.
type Scope = (u32, u32);

/// Where a shared name and birth date across units is worth a suggestion:
/// the units' parent unit as the roster gives it, else the file.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Locality {
    Parent(u32),
    File(u32),
}

/// At most this many people sharing a name and birth date in one locality
/// are kept for comparison, so that a very common name and date cannot make
/// the pass quadratic.
const NAMESAKES_COMPARED: usize = 16;

/// Assigns person ids, sets duplicates aside and notes concurrent posts.
///
/// The same person: the same national id (names agreeing) anywhere; the same
/// staff id (names agreeing) within one unit scope; the same name and full
/// birth date within one unit scope, ids not conflicting; the same name and
/// (partial) birth date within one unit scope, no ids given. A shared name and
/// full birth date in different units of one locality is only suggested
/// ([`Problem::PossibleConcurrent`]), never merged.
pub(super) fn identify(
    roster: &mut Roster,
    sheets: &mut [SheetReport],
    issues: &mut Vec<DataIssue>,
) {
    let recs = &roster.records;
    let n = recs.len();
    let mut uf = UnionFind(
        (0..n)
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect(),
        vec![u32::MAX; n],
    );
    let mut folder = Folder::default();
    let names: Vec<u32> = recs.iter().map(|r| folder.id(&r.name)).collect();
    let unit_parent: Vec<Option<u32>> = roster
        .units
        .iter()
        .map(|u| {
            u.parent
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(|p| folder.id(p))
        })
        .collect();
    let unit_named_only: Vec<bool> = roster
        .units
        .iter()
        .zip(&unit_parent)
        .map(|(u, p)| p.is_none() && u.code.as_deref().is_none_or(|c| c.trim().is_empty()))
        .collect();
    let file_of =
        |r: &StaffRecord| u32::try_from(sheets[r.source.sheet as usize].file).unwrap_or(u32::MAX);
    let scope_of = |r: &StaffRecord| -> Scope {
        let named_only = unit_named_only
            .get(r.unit as usize)
            .copied()
            .unwrap_or(true);
        (r.unit, if named_only { file_of(r) } else { u32::MAX })
    };
    let locality_of = |r: &StaffRecord| match unit_parent.get(r.unit as usize).copied().flatten() {
        Some(p) => Locality::Parent(p),
        None => Locality::File(file_of(r)),
    };
    let mut notes: Vec<(usize, Problem, String)> = Vec::new();

    let mut by_staff: HashMap<(Scope, Cow<'_, str>), usize> = HashMap::with_capacity(n);
    let mut by_national: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(n);
    let mut by_birth: HashMap<(u32, NaiveDate, Scope), usize> = HashMap::with_capacity(n);
    let mut by_unit: HashMap<(u32, Scope, NaiveDate), usize> = HashMap::new();
    let id_match = |i: usize,
                    j: usize,
                    id: &Arc<str>,
                    uf: &mut UnionFind,
                    notes: &mut Vec<(usize, Problem, String)>| {
        if names[i] == names[j] {
            uf.join(j, i);
        } else {
            let other = &recs[j];
            notes.push((
                i,
                Problem::IdConflict {
                    other: where_(sheets, other),
                    row: other.source.row,
                },
                id.to_string(),
            ));
        }
    };
    for (i, r) in recs.iter().enumerate() {
        let scope = scope_of(r);
        // The national id first: every join below respects it.
        let national = r
            .national_id
            .as_ref()
            .map(|id| (id, id_key(id)))
            .filter(|(_, k)| !k.is_empty());
        let national_id = national.as_ref().map(|(id, _)| *id);
        let national_first = national.map(|(_, key)| *by_national.entry(key).or_insert(i));
        if let Some(first) = national_first {
            uf.1[i] = u32::try_from(first).unwrap_or(u32::MAX);
        }
        if let Some(id) = &r.staff_id {
            let key = id_key(id);
            if !key.is_empty() {
                match by_staff.entry((scope, key)) {
                    Entry::Vacant(e) => {
                        e.insert(i);
                    }
                    Entry::Occupied(e) => id_match(i, *e.get(), id, &mut uf, &mut notes),
                }
            }
        }
        if let (Some(id), Some(first)) = (national_id, national_first)
            && first != i
        {
            id_match(i, first, id, &mut uf, &mut notes);
        }
        if let Some(b) = r.birth.filter(|b| b.precision == Precision::Day) {
            match by_birth.entry((names[i], b.date, scope)) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    let j = *e.get();
                    let other = &recs[j];
                    if !conflicting(r.staff_id.as_ref(), other.staff_id.as_ref())
                        && !conflicting(r.national_id.as_ref(), other.national_id.as_ref())
                    {
                        uf.join(j, i);
                    }
                }
            }
        }
        // Same name, same (partial) birth date, same unit, no ids: one person too.
        if r.staff_id.is_none()
            && r.national_id.is_none()
            && let Some(b) = r.birth
        {
            match by_unit.entry((names[i], scope, b.date)) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    uf.join(*e.get(), i);
                }
            }
        }
    }
    drop(by_staff);
    drop(by_birth);
    drop(by_unit);

    // Persons in order of first appearance; postings keyed by (person, unit, post).
    let mut person_of_root = vec![u32::MAX; n];
    let mut people = 0u32;
    let mut person_ids = vec![0u32; n];
    let mut first_posting: HashMap<(u32, u32, u32), usize> = HashMap::with_capacity(n);
    let mut postings_of: Vec<u32> = Vec::new();
    let mut duplicate = vec![false; n];
    for i in 0..n {
        let root = uf.find(i);
        if person_of_root[root] == u32::MAX {
            person_of_root[root] = people;
            people += 1;
            postings_of.push(0);
        }
        let person = person_of_root[root];
        person_ids[i] = person;
        let r = &recs[i];
        let post = folder.id(r.position.as_deref().or(r.title.as_deref()).unwrap_or(""));
        match first_posting.entry((person, r.unit, post)) {
            Entry::Occupied(e) => {
                duplicate[i] = true;
                let f = &recs[*e.get()];
                notes.push((
                    i,
                    Problem::Duplicate {
                        first: where_(sheets, f),
                        row: f.source.row,
                    },
                    r.name.to_string(),
                ));
            }
            Entry::Vacant(e) => {
                e.insert(i);
                postings_of[person as usize] += 1;
            }
        }
    }
    // Every posting after a person's first is noted as concurrent.
    let mut seen = vec![false; people as usize];
    for i in 0..n {
        let p = person_ids[i] as usize;
        if duplicate[i] {
            continue;
        }
        if seen[p] {
            notes.push((
                i,
                Problem::Concurrent {
                    posts: postings_of[p] as usize,
                },
                recs[i].name.to_string(),
            ));
        }
        seen[p] = true;
    }
    // Namesakes (same name and full birth date) in different units of one
    // locality, not found to be one person: listed for the officer to confirm.
    // Each group is a chain through `earlier` (newest first), its head and
    // length in the map: no allocation per group on national-size rosters.
    let mut namesakes: HashMap<(u32, NaiveDate, Locality), (u32, u32)> = HashMap::new();
    let mut earlier = vec![u32::MAX; n];
    let mut suggested_pairs: hashbrown::HashSet<(u32, u32)> = hashbrown::HashSet::new();
    for i in 0..n {
        let r = &recs[i];
        let Some(b) = r.birth.filter(|b| b.precision == Precision::Day) else {
            continue;
        };
        if duplicate[i] {
            continue;
        }
        let (head, len) = namesakes
            .entry((names[i], b.date, locality_of(r)))
            .or_insert((u32::MAX, 0));
        let scope = scope_of(r);
        let mut same_person = false;
        let mut suggested = false;
        let mut cur = *head;
        while cur != u32::MAX {
            let j = cur as usize;
            cur = earlier[j];
            let other = &recs[j];
            let (p, q) = (person_ids[i], person_ids[j]);
            if p == q {
                same_person = true;
                continue;
            }
            if !suggested
                && scope_of(other) != scope
                && !conflicting(r.national_id.as_ref(), other.national_id.as_ref())
                && suggested_pairs.insert((p.min(q), p.max(q)))
            {
                suggested = true;
                notes.push((
                    i,
                    Problem::PossibleConcurrent {
                        other: where_(sheets, other),
                        row: other.source.row,
                    },
                    r.name.to_string(),
                ));
            }
        }
        if !same_person && (*len as usize) < NAMESAKES_COMPARED {
            earlier[i] = *head;
            *head = u32::try_from(i).unwrap_or(u32::MAX);
            *len += 1;
        }
    }
    drop(namesakes);
    drop(earlier);
    drop(suggested_pairs);
    notes.sort_by_key(|(i, _, _)| *i);
    for (i, problem, value) in notes {
        let r = &recs[i];
        let s = &sheets[r.source.sheet as usize];
        let action = match problem {
            Problem::Duplicate { .. } => Action::SetAside,
            Problem::Concurrent { .. } => Action::Merged,
            Problem::PossibleConcurrent { .. } => Action::ToConfirm,
            _ => Action::Kept,
        };
        issues.push(DataIssue {
            file: s.file_name.clone(),
            sheet: s.name.clone(),
            row: Some(r.source.row),
            column: s.name_header.clone(),
            value,
            problem,
            action,
        });
    }
    drop(by_national);
    drop(folder);
    let mut kept = Vec::with_capacity(n);
    for (i, mut r) in std::mem::take(&mut roster.records).into_iter().enumerate() {
        if duplicate[i] {
            let s = &mut sheets[r.source.sheet as usize];
            s.rows.staff -= 1;
            s.rows.set_aside += 1;
        } else {
            r.person = person_ids[i];
            kept.push(r);
        }
    }
    roster.records = kept;
    roster.people = people as usize;
}
