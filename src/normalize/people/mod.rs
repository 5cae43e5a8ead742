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
//! Every "the first row with the same key" is found by sorting (key hash,
//! row) pairs in parallel and comparing keys within equal hashes, not by
//! growing hash maps row by row: on the 2.5 M-row national roster this pass
//! went from 3.9 s (six maps, one thread) to the figure in the README.

mod group;
mod rows;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use rayon::prelude::*;

use crate::dates::{PartialDate, Precision};
use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport};
use crate::schema::Field;
use group::{NONE, UnionFind, first_equal, first_folded, row_id, some};
use rows::{Note, Rows};

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

fn conflicting(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if id_key(x) != id_key(y))
}

/// At most this many people sharing a name and birth date in one locality
/// are kept for comparison, so that a very common name and date cannot make
/// the pass quadratic.
const NAMESAKES_COMPARED: usize = 16;

/// Joins rows into people (see [`identify`]): person ids in order of first
/// appearance, and how many people. Conflicting ids are noted.
fn join_people(rows: &Rows<'_>, notes: &mut Vec<Note>) -> (Vec<u32>, u32) {
    let (keys, t, names) = (&rows.keys, rows.t, &rows.names);
    let n = rows.len();
    // The first row of each key, found all at once.
    let national_first = first_equal(n, |i| {
        let k = id_key(t.opt(keys[i].national_id)?);
        (!k.is_empty()).then_some(k)
    });
    let staff_first = first_equal(n, |i| {
        let k = id_key(t.opt(keys[i].staff_id)?);
        (!k.is_empty()).then(|| (keys[i].scope, k))
    });
    let birth_first = first_equal(n, |i| {
        let b = keys[i].birth.filter(|b| b.precision == Precision::Day)?;
        Some((names[i], b.date, keys[i].scope))
    });
    // Same name, same (partial) birth date, same unit, no ids: one person too.
    let unit_first = first_equal(n, |i| {
        let r = &keys[i];
        if r.staff_id.is_some() || r.national_id.is_some() {
            return None;
        }
        r.birth.map(|b| (names[i], r.scope, b.date))
    });
    let mut uf = UnionFind((0..n).map(row_id).collect(), vec![NONE; n]);
    let id_match = |i, j, id, uf: &mut UnionFind, notes: &mut Vec<Note>| {
        id_match(rows, (i, j), id, uf, notes);
    };
    let earlier = |first: &[u32], i: usize| some(first[i]).filter(|&j| j != i);
    for (i, r) in keys.iter().enumerate() {
        // The national id first: every join below respects it.
        if national_first[i] != NONE {
            uf.1[i] = national_first[i];
        }
        if let (Some(j), Some(id)) = (earlier(&staff_first, i), t.opt(r.staff_id)) {
            id_match(i, j, id, &mut uf, notes);
        }
        if let (Some(j), Some(id)) = (earlier(&national_first, i), t.opt(r.national_id)) {
            id_match(i, j, id, &mut uf, notes);
        }
        if let Some(j) = earlier(&birth_first, i) {
            let other = &keys[j];
            if !conflicting(t.opt(r.staff_id), t.opt(other.staff_id))
                && !conflicting(t.opt(r.national_id), t.opt(other.national_id))
            {
                uf.join(j, i);
            }
        }
        if let Some(j) = earlier(&unit_first, i) {
            uf.join(j, i);
        }
    }
    drop((national_first, staff_first, birth_first, unit_first));
    // Persons in order of first appearance.
    let mut person_of_root = vec![NONE; n];
    let mut people = 0u32;
    let mut person_ids = vec![0u32; n];
    for (i, person) in person_ids.iter_mut().enumerate() {
        let root = uf.find(i);
        if person_of_root[root] == NONE {
            person_of_root[root] = people;
            people += 1;
        }
        *person = person_of_root[root];
    }
    (person_ids, people)
}

/// Rows `i` and `j` share an id: one person when their names agree (and
/// their national ids do not differ: then two, noted to confirm); an id
/// conflict when the names differ.
fn id_match(
    rows: &Rows<'_>,
    (i, j): (usize, usize),
    id: &str,
    uf: &mut UnionFind,
    notes: &mut Vec<Note>,
) {
    let problem = if rows.names[i] != rows.names[j] {
        |other, row| Problem::IdConflict { other, row }
    } else if uf.join(j, i) {
        return;
    } else {
        |other, row| Problem::NationalIdsDiffer { other, row }
    };
    notes.push(rows.note(i, j, problem, id.to_string()));
}

/// A person's rows in the same unit and post are duplicates (the later ones
/// set aside); every other posting after a person's first is concurrent.
/// Returns which rows are duplicates.
fn postings(rows: &Rows<'_>, person_ids: &[u32], people: u32, notes: &mut Vec<Note>) -> Vec<bool> {
    let (keys, n) = (&rows.keys, rows.len());
    let posts = first_folded(n, rows.t, |i| keys[i].post);
    let posting_first = first_equal(n, |i| Some((person_ids[i], keys[i].unit, posts[i])));
    drop(posts);
    let mut postings_of = vec![0u32; people as usize];
    let mut duplicate = vec![false; n];
    for i in 0..n {
        match some(posting_first[i]).filter(|&j| j != i) {
            Some(j) => {
                duplicate[i] = true;
                notes.push(rows.note(
                    i,
                    j,
                    |first, row| Problem::Duplicate { first, row },
                    rows.name(i),
                ));
            }
            None => postings_of[person_ids[i] as usize] += 1,
        }
    }
    let mut seen = vec![false; people as usize];
    for i in (0..n).filter(|&i| !duplicate[i]) {
        let p = person_ids[i] as usize;
        if seen[p] {
            let posts = postings_of[p] as usize;
            notes.push((i, Problem::Concurrent { posts }, rows.name(i)));
        }
        seen[p] = true;
    }
    duplicate
}

/// A person's later rows (duplicates aside) that record a level, the sex or
/// the birth date differently from their first row, both known: noted, each
/// row kept as written (a unit sending two posts of one person should agree
/// on what the person holds).
fn disagreements(
    rows: &Rows<'_>,
    person_ids: &[u32],
    people: u32,
    duplicate: &[bool],
    notes: &mut Vec<Note>,
) {
    fn differs<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        matches!((a, b), (Some(a), Some(b)) if a != b)
    }
    let staff = rows.staff;
    // Each person's first row (as a row id: 4 bytes a person).
    let mut first = vec![NONE; people as usize];
    for i in (0..rows.len()).filter(|&i| !duplicate[i]) {
        let p = person_ids[i] as usize;
        if first[p] == NONE {
            first[p] = row_id(i);
            continue;
        }
        let j = first[p] as usize;
        let (a, b) = (staff.row(j), staff.row(i));
        let fields: Vec<Field> = [
            (differs(a.education, b.education), Field::Education),
            (
                differs(a.political_theory, b.political_theory),
                Field::PoliticalTheory,
            ),
            (
                differs(a.state_management, b.state_management),
                Field::StateManagement,
            ),
            (differs(a.gender, b.gender), Field::Gender),
            (births_differ(a.birth, b.birth), Field::BirthDate),
        ]
        .into_iter()
        .filter_map(|(d, f)| d.then_some(f))
        .collect();
        if !fields.is_empty() {
            let problem = |other, row| Problem::PersonRowsDisagree { other, row, fields };
            notes.push(rows.note(i, j, problem, rows.name(i)));
        }
    }
}

/// Two birth dates that cannot be the same day: "1972" and "15/08/1972"
/// agree, "08/1972" and "15/09/1972" do not.
fn births_differ(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    use chrono::Datelike;
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let both = |p: &[Precision]| p.contains(&a.precision) && p.contains(&b.precision);
    a.date.year() != b.date.year()
        || (both(&[Precision::Day, Precision::Month]) && a.date.month() != b.date.month())
        || (both(&[Precision::Day]) && a.date.day() != b.date.day())
}

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
    let mut notes: Vec<Note> = Vec::new();
    let (person_ids, people, duplicate) = {
        let rows = Rows::new(roster, sheets);
        let (person_ids, people) = join_people(&rows, &mut notes);
        let duplicate = postings(&rows, &person_ids, people, &mut notes);
        disagreements(&rows, &person_ids, people, &duplicate, &mut notes);
        namesakes(&rows, &person_ids, &duplicate, &mut notes);
        (person_ids, people, duplicate)
    };
    notes.sort_by_key(|(i, _, _)| *i);
    for (i, problem, value) in notes {
        let source = roster.staff.source[i];
        let s = &sheets[source.sheet as usize];
        let action = match problem {
            Problem::Duplicate { .. } => Action::SetAside,
            Problem::Concurrent { .. } => Action::Merged,
            Problem::PossibleConcurrent { .. } | Problem::NationalIdsDiffer { .. } => {
                Action::ToConfirm
            }
            _ => Action::Kept,
        };
        issues.push(DataIssue {
            file: s.file_name.clone(),
            sheet: s.name.clone(),
            row: Some(source.row),
            column: s.name_header.clone(),
            value,
            problem,
            action,
        });
    }
    roster.people = people as usize;
    // Copied into the column made with the others, not moved: kept, the
    // ids' vector (made late, on the heap) held the heap's top, and the
    // 80 MB freed below it stayed resident (the national report's peak
    // +50 MB).
    for (column, &id) in roster.staff.person.iter_mut().zip(&person_ids) {
        *column = id;
    }
    drop(person_ids);
    if !duplicate.contains(&true) {
        return;
    }
    for (source, _) in (roster.staff.source.iter())
        .zip(&duplicate)
        .filter(|(_, d)| **d)
    {
        let s = &mut sheets[source.sheet as usize];
        s.rows.staff -= 1;
        s.rows.set_aside += 1;
    }
    // In place, column by column: a second copy would raise the peak.
    let keep: Vec<bool> = duplicate.iter().map(|d| !d).collect();
    roster.staff.retain(&keep);
}

/// Namesakes (same name and full birth date) in different units of one
/// locality, not found to be one person: listed for the officer to confirm,
/// each pair of people once, on the later row. Each group keeps at most
/// [`NAMESAKES_COMPARED`] people to compare with, newest first.
fn namesakes(rows: &Rows<'_>, person_ids: &[u32], duplicate: &[bool], notes: &mut Vec<Note>) {
    let (keys, t, n) = (&rows.keys, rows.t, rows.len());
    let group = first_equal(n, |i| {
        let b = keys[i].birth.filter(|b| b.precision == Precision::Day)?;
        (!duplicate[i]).then(|| (rows.names[i], b.date, keys[i].locality))
    });
    // Only groups of two rows or more can hold namesakes.
    let mut shared = vec![false; n];
    for (i, &g) in group.iter().enumerate() {
        if g != NONE && g as usize != i {
            shared[g as usize] = true;
        }
    }
    let mut members: Vec<(u32, u32)> = (0..n)
        .filter(|&i| group[i] != NONE && shared[group[i] as usize])
        .map(|i| (group[i], row_id(i)))
        .collect();
    drop(shared);
    drop(group);
    members.par_sort_unstable();
    // Per row, the people it may be, in the order they are compared.
    let mut candidates: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut chain: Vec<u32> = Vec::new();
    for run in members.chunk_by(|a, b| a.0 == b.0) {
        chain.clear();
        for &(_, i) in run {
            let i = i as usize;
            let mut same_person = false;
            let mut maybe = Vec::new();
            for &j in &chain {
                let j = j as usize;
                if person_ids[i] == person_ids[j] {
                    same_person = true;
                } else if keys[j].scope != keys[i].scope
                    && !conflicting(t.opt(keys[i].national_id), t.opt(keys[j].national_id))
                {
                    maybe.push(row_id(j));
                }
            }
            if !maybe.is_empty() {
                candidates.push((row_id(i), maybe));
            }
            if !same_person && chain.len() < NAMESAKES_COMPARED {
                chain.insert(0, row_id(i));
            }
        }
    }
    drop(members);
    candidates.sort_unstable_by_key(|(i, _)| *i);
    let mut suggested = hashbrown::HashSet::new();
    for (i, maybe) in candidates {
        let i = i as usize;
        for j in maybe.into_iter().map(|j| j as usize) {
            let (p, q) = (person_ids[i], person_ids[j]);
            if suggested.insert((p.min(q), p.max(q))) {
                let note = rows.note(
                    i,
                    j,
                    |other, row| Problem::PossibleConcurrent { other, row },
                    rows.name(i),
                );
                notes.push(note);
                break;
            }
        }
    }
}
