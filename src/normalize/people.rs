//! Who is who: duplicates and concurrent posts (kiêm nhiệm) across all sheets.
//!
//! Rows are the same person when they share a staff id or a national id (and
//! the name agrees), or, failing ids, the same name and full birth date, or
//! the same name, (partial) birth date and unit. Such rows in the same unit
//! and post are duplicates: the first is kept, the others are set aside. In
//! different units or posts they are one person with several postings.
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

struct UnionFind(Vec<u32>);

impl UnionFind {
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

/// Assigns person ids, sets duplicates aside and notes concurrent posts.
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
    );
    let mut folder = Folder::default();
    let names: Vec<u32> = recs.iter().map(|r| folder.id(&r.name)).collect();
    let mut notes = Vec::new();

    let mut by_staff: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(n);
    let mut by_national: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(n);
    let mut by_birth: HashMap<(u32, NaiveDate), usize> = HashMap::with_capacity(n);
    let mut by_unit: HashMap<(u32, u32, NaiveDate), usize> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        for (id, map) in [
            (&r.staff_id, &mut by_staff),
            (&r.national_id, &mut by_national),
        ] {
            let Some(id) = id else { continue };
            let key = id_key(id);
            if key.is_empty() {
                continue;
            }
            match map.entry(key) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    let j = *e.get();
                    if names[i] == names[j] {
                        uf.union(j, i);
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
                }
            }
        }
        if let Some(b) = r.birth.filter(|b| b.precision == Precision::Day) {
            match by_birth.entry((names[i], b.date)) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    let j = *e.get();
                    let other = &recs[j];
                    if !conflicting(r.staff_id.as_ref(), other.staff_id.as_ref())
                        && !conflicting(r.national_id.as_ref(), other.national_id.as_ref())
                    {
                        uf.union(j, i);
                    }
                }
            }
        }
        // Same name, same (partial) birth date, same unit, no ids: one person too.
        if r.staff_id.is_none()
            && r.national_id.is_none()
            && let Some(b) = r.birth
        {
            match by_unit.entry((names[i], r.unit, b.date)) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => uf.union(*e.get(), i),
            }
        }
    }

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
    notes.sort_by_key(|(i, _, _)| *i);
    for (i, problem, value) in notes {
        let r = &recs[i];
        let s = &sheets[r.source.sheet as usize];
        let action = match problem {
            Problem::Duplicate { .. } => Action::SetAside,
            Problem::Concurrent { .. } => Action::Merged,
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
    drop(by_staff);
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
