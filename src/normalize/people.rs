//! Who is who: duplicates and concurrent posts (kiêm nhiệm) across all sheets.
//!
//! Rows are the same person when they share a staff id or a national id (and
//! the name agrees), or, failing ids, the same name and full birth date. Such
//! rows in the same unit and post are duplicates: the first is kept, the
//! others are set aside. In different units or posts they are one person
//! with several postings.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport, StaffRecord};
use crate::text::fold;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier row stays the root, so the first occurrence is kept.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

fn id_key(id: &str) -> String {
    id.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

fn conflicting(a: Option<&String>, b: Option<&String>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if id_key(x) != id_key(y))
}

fn where_(sheets: &[SheetReport], r: &StaffRecord) -> String {
    let s = &sheets[r.source.sheet as usize];
    format!("{} › {}", s.file_name, s.name)
}

/// Assigns person ids, sets duplicates aside and notes concurrent posts.
pub(super) fn identify(
    roster: &mut Roster,
    sheets: &mut [SheetReport],
    issues: &mut Vec<DataIssue>,
) {
    let recs = &roster.records;
    let n = recs.len();
    let mut uf = UnionFind((0..n).collect());
    let names: Vec<String> = recs.iter().map(|r| fold(&r.name)).collect();
    let mut notes = Vec::new();

    let mut by_staff: HashMap<String, usize> = HashMap::new();
    let mut by_national: HashMap<String, usize> = HashMap::new();
    let mut by_birth: HashMap<(String, chrono::NaiveDate), usize> = HashMap::new();
    for i in 0..n {
        let r = &recs[i];
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
                        notes.push((
                            i,
                            Problem::IdConflict {
                                other: where_(sheets, &recs[j]),
                                row: recs[j].source.row,
                            },
                            id.clone(),
                        ));
                    }
                }
            }
        }
        if let Some(b) = r
            .birth
            .filter(|b| b.precision == crate::dates::Precision::Day)
        {
            match by_birth.entry((names[i].clone(), b.date)) {
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
    }
    // Same name, same (partial) birth date, same unit, no ids: one person too.
    let mut by_unit: HashMap<(String, u32, Option<chrono::NaiveDate>), usize> = HashMap::new();
    for i in 0..n {
        let r = &recs[i];
        if r.staff_id.is_some() || r.national_id.is_some() || r.birth.is_none() {
            continue;
        }
        match by_unit.entry((names[i].clone(), r.unit, r.birth.map(|b| b.date))) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(e) => uf.union(*e.get(), i),
        }
    }

    // Group, then find duplicate postings within each person.
    let mut person_of_root: HashMap<usize, u32> = HashMap::new();
    let mut posts: HashMap<u32, Vec<(u32, String, usize)>> = HashMap::new();
    let mut duplicate = vec![false; n];
    let mut person_ids = vec![0u32; n];
    for i in 0..n {
        let root = uf.find(i);
        let next = u32::try_from(person_of_root.len()).unwrap_or(u32::MAX);
        let person = *person_of_root.entry(root).or_insert(next);
        let r = &recs[i];
        let post = fold(r.position.as_deref().or(r.title.as_deref()).unwrap_or(""));
        let list = posts.entry(person).or_default();
        if let Some(&(_, _, first)) = list.iter().find(|(u, p, _)| *u == r.unit && *p == post) {
            duplicate[i] = true;
            let f = &recs[first];
            notes.push((
                i,
                Problem::Duplicate {
                    first: where_(sheets, f),
                    row: f.source.row,
                },
                r.name.clone(),
            ));
        } else {
            list.push((r.unit, post, i));
        }
        person_ids[i] = person;
    }
    for (r, p) in roster.records.iter_mut().zip(&person_ids) {
        r.person = *p;
    }
    let recs = &roster.records;
    for list in posts.values() {
        if list.len() > 1 {
            for &(_, _, i) in &list[1..] {
                notes.push((
                    i,
                    Problem::Concurrent { posts: list.len() },
                    recs[i].name.clone(),
                ));
            }
        }
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
    let mut kept = Vec::with_capacity(n);
    for (i, r) in roster.records.drain(..).enumerate() {
        if duplicate[i] {
            let s = &mut sheets[r.source.sheet as usize];
            s.rows.staff -= 1;
            s.rows.set_aside += 1;
        } else {
            kept.push(r);
        }
    }
    roster.records = kept;
    let mut seen = vec![false; person_of_root.len()];
    for r in &roster.records {
        seen[r.person as usize] = true;
    }
    roster.people = seen.iter().filter(|s| **s).count();
}
