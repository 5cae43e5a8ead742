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

use std::borrow::Cow;
use std::hash::{BuildHasher, Hash};

use rayon::prelude::*;

use crate::dates::Precision;
use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport, StaffRecord, Text, Texts};
use crate::text::fold;

/// No row: a row without the key.
const NONE: u32 = u32::MAX;

/// For each row, the first row (lowest index) whose key equals its own (the
/// row itself when it is the first), or [`NONE`] when it has no key. Keys
/// are hashed and sorted in parallel; rows with equal hashes are compared
/// key by key, so a hash collision never joins two different keys.
fn first_equal<K, F>(n: usize, key: F) -> Vec<u32>
where
    K: Hash + Eq,
    F: Fn(usize) -> Option<K> + Sync,
{
    let state = hashbrown::DefaultHashBuilder::default();
    // 32 bits of hash group the rows: rows sharing them are compared key by
    // key below, so a shared prefix only makes a group larger.
    let hashes: Vec<Option<u32>> = (0..n)
        .into_par_iter()
        .map(|i| key(i).map(|k| (state.hash_one(&k) >> 32) as u32))
        .collect();
    let mut first: Vec<u32> = hashes
        .par_iter()
        .enumerate()
        .map(|(i, h)| if h.is_some() { row_id(i) } else { NONE })
        .collect();
    let mut pairs: Vec<(u32, u32)> = hashes
        .into_iter()
        .enumerate()
        .filter_map(|(i, h)| h.map(|h| (h, row_id(i))))
        .collect();
    radix_sort(&mut pairs);
    let mut reps: Vec<(u32, K)> = Vec::new();
    // Only rows sharing a hash are looked at again (most rows are alone).
    for run in pairs
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        reps.clear();
        // Rows ascend within a run: a key's first representative is its first row.
        for &(_, i) in run {
            let Some(k) = key(i as usize) else { continue };
            let f = match reps.iter().find(|(_, r)| *r == k) {
                Some((f, _)) => *f,
                None => {
                    reps.push((i, k));
                    i
                }
            };
            first[i as usize] = f;
        }
    }
    first
}

/// Sorts (hash, row) pairs by hash, stably (rows stay in order within a
/// hash): four passes of a byte each. On 2.5 M pairs this is several times
/// faster than a comparison sort on two cores, and the people pass sorts
/// ten times.
fn radix_sort(pairs: &mut Vec<(u32, u32)>) {
    let mut out = vec![(0, 0); pairs.len()];
    for shift in [0, 8, 16, 24] {
        let digit = |p: &(u32, u32)| ((p.0 >> shift) & 0xFF) as usize;
        let mut at = [0usize; 256];
        for p in pairs.iter() {
            at[digit(p)] += 1;
        }
        let mut sum = 0;
        for slot in &mut at {
            (sum, *slot) = (sum + *slot, sum);
        }
        for p in pairs.iter() {
            let d = digit(p);
            out[at[d]] = *p;
            at[d] += 1;
        }
        std::mem::swap(pairs, &mut out);
    }
}

fn row_id(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

fn some(first: u32) -> Option<usize> {
    (first != NONE).then_some(first as usize)
}

/// For each row, a row whose text folds to the same key as its own (the
/// same for all such rows); rows without a text share the key of "".
/// Rows are grouped by text id first (one id per distinct spelling of a
/// sheet column), so each spelling is folded once and only the spellings
/// are compared folded.
fn first_folded(n: usize, texts: &Texts, id: impl Fn(usize) -> Option<Text> + Sync) -> Vec<u32> {
    let spelled = first_equal(n, |i| Some(id(i)));
    let reps: Vec<u32> = (0..n)
        .filter(|&i| spelled[i] as usize == i)
        .map(row_id)
        .collect();
    let folded: Vec<String> = reps
        .par_iter()
        .map(|&r| id(r as usize).map_or_else(String::new, |t| fold(texts.get(t))))
        .collect();
    let same = first_equal(reps.len(), |k| Some(folded[k].as_str()));
    let mut canonical = vec![NONE; n];
    for (k, &r) in reps.iter().enumerate() {
        canonical[r as usize] = reps[same[k] as usize];
    }
    (0..n)
        .into_par_iter()
        .map(|i| canonical[spelled[i] as usize])
        .collect()
}

/// Rows joined into persons; each set carries the national id it holds (as
/// the first row with that id), and two sets with different national ids
/// are never joined: different national ids are different people.
struct UnionFind(Vec<u32>, Vec<u32>);

impl UnionFind {
    /// Joins the sets of `a` and `b` unless their national ids differ.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        let (na, nb) = (self.1[ra], self.1[rb]);
        if na != NONE && nb != NONE && na != nb {
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
            self.0[hi] = row_id(lo);
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

fn conflicting(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if id_key(x) != id_key(y))
}

fn where_(sheets: &[SheetReport], r: &StaffRecord) -> String {
    let s = &sheets[r.source.sheet as usize];
    format!("{} › {}", s.file_name, s.name)
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

/// A note on a row: (row, problem, value).
type Note = (usize, Problem, String);

/// What the people pass reads: the rows and their texts, where each row is
/// looked up, and each row's name as a folded-name class.
struct Rows<'a> {
    recs: &'a [StaffRecord],
    t: &'a Texts,
    sheets: &'a [SheetReport],
    names: Vec<u32>,
    scope: Vec<Scope>,
    locality: Vec<Locality>,
}

impl<'a> Rows<'a> {
    fn new(roster: &'a Roster, sheets: &'a [SheetReport]) -> Self {
        let (recs, t) = (&roster.records[..], &roster.texts);
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
        let file_of = |r: &StaffRecord| row_id(sheets[r.source.sheet as usize].file);
        let scope = recs
            .par_iter()
            .map(|r| {
                let named_only = named_only.get(r.unit as usize).copied().unwrap_or(true);
                (r.unit, if named_only { file_of(r) } else { NONE })
            })
            .collect();
        let locality = recs
            .par_iter()
            .map(
                |r| match unit_parent.get(r.unit as usize).copied().flatten() {
                    Some(p) => Locality::Parent(p),
                    None => Locality::File(file_of(r)),
                },
            )
            .collect();
        Rows {
            recs,
            t,
            sheets,
            names: first_folded(recs.len(), t, |i| Some(recs[i].name)),
            scope,
            locality,
        }
    }

    fn len(&self) -> usize {
        self.recs.len()
    }

    /// A note on row `i` naming row `j` as the other place.
    fn note(
        &self,
        i: usize,
        j: usize,
        problem: impl FnOnce(String, u32) -> Problem,
        value: String,
    ) -> Note {
        let other = &self.recs[j];
        (
            i,
            problem(where_(self.sheets, other), other.source.row),
            value,
        )
    }

    /// Row `i`'s name, for a note.
    fn name(&self, i: usize) -> String {
        self.t.get(self.recs[i].name).to_string()
    }
}

/// Joins rows into people (see [`identify`]): person ids in order of first
/// appearance, and how many people. Conflicting ids are noted.
fn join_people(rows: &Rows<'_>, notes: &mut Vec<Note>) -> (Vec<u32>, u32) {
    let (recs, t, names, scope) = (rows.recs, rows.t, &rows.names, &rows.scope);
    let n = rows.len();
    // The first row of each key, found all at once.
    let national_first = first_equal(n, |i| {
        let k = id_key(t.opt(recs[i].national_id)?);
        (!k.is_empty()).then_some(k)
    });
    let staff_first = first_equal(n, |i| {
        let k = id_key(t.opt(recs[i].staff_id)?);
        (!k.is_empty()).then(|| (scope[i], k))
    });
    let birth_first = first_equal(n, |i| {
        let b = recs[i].birth.filter(|b| b.precision == Precision::Day)?;
        Some((names[i], b.date, scope[i]))
    });
    // Same name, same (partial) birth date, same unit, no ids: one person too.
    let unit_first = first_equal(n, |i| {
        let r = &recs[i];
        if r.staff_id.is_some() || r.national_id.is_some() {
            return None;
        }
        r.birth.map(|b| (names[i], scope[i], b.date))
    });
    let mut uf = UnionFind((0..n).map(row_id).collect(), vec![NONE; n]);
    let id_match = |i: usize, j: usize, id: &str, uf: &mut UnionFind, notes: &mut Vec<Note>| {
        if names[i] == names[j] {
            uf.join(j, i);
        } else {
            notes.push(rows.note(
                i,
                j,
                |other, row| Problem::IdConflict { other, row },
                id.to_string(),
            ));
        }
    };
    let earlier = |first: &[u32], i: usize| some(first[i]).filter(|&j| j != i);
    for (i, r) in recs.iter().enumerate() {
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
            let other = &recs[j];
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

/// A person's rows in the same unit and post are duplicates (the later ones
/// set aside); every other posting after a person's first is concurrent.
/// Returns which rows are duplicates.
fn postings(rows: &Rows<'_>, person_ids: &[u32], people: u32, notes: &mut Vec<Note>) -> Vec<bool> {
    let (recs, n) = (rows.recs, rows.len());
    let posts = first_folded(n, rows.t, |i| recs[i].position.or(recs[i].title));
    let posting_first = first_equal(n, |i| Some((person_ids[i], recs[i].unit, posts[i])));
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
        namesakes(&rows, &person_ids, &duplicate, &mut notes);
        (person_ids, people, duplicate)
    };
    notes.sort_by_key(|(i, _, _)| *i);
    for (i, problem, value) in notes {
        let s = &sheets[roster.records[i].source.sheet as usize];
        let action = match problem {
            Problem::Duplicate { .. } => Action::SetAside,
            Problem::Concurrent { .. } => Action::Merged,
            Problem::PossibleConcurrent { .. } => Action::ToConfirm,
            _ => Action::Kept,
        };
        issues.push(DataIssue {
            file: s.file_name.clone(),
            sheet: s.name.clone(),
            row: Some(roster.records[i].source.row),
            column: s.name_header.clone(),
            value,
            problem,
            action,
        });
    }
    // In place: a second copy of the records would double the peak memory.
    let mut i = 0;
    roster.records.retain_mut(|r| {
        let keep = !duplicate[i];
        if keep {
            r.person = person_ids[i];
        } else {
            let s = &mut sheets[r.source.sheet as usize];
            s.rows.staff -= 1;
            s.rows.set_aside += 1;
        }
        i += 1;
        keep
    });
    roster.people = people as usize;
}

/// Namesakes (same name and full birth date) in different units of one
/// locality, not found to be one person: listed for the officer to confirm,
/// each pair of people once, on the later row. Each group keeps at most
/// [`NAMESAKES_COMPARED`] people to compare with, newest first.
fn namesakes(rows: &Rows<'_>, person_ids: &[u32], duplicate: &[bool], notes: &mut Vec<Note>) {
    let (recs, t, n) = (rows.recs, rows.t, rows.len());
    let group = first_equal(n, |i| {
        let b = recs[i].birth.filter(|b| b.precision == Precision::Day)?;
        (!duplicate[i]).then(|| (rows.names[i], b.date, rows.locality[i]))
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
                } else if rows.scope[j] != rows.scope[i]
                    && !conflicting(t.opt(recs[i].national_id), t.opt(recs[j].national_id))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first row with an equal key, by looking at every earlier row.
    fn brute(keys: &[Option<u16>]) -> Vec<u32> {
        (0..keys.len())
            .map(|i| match keys[i] {
                None => NONE,
                Some(k) => row_id((0..=i).find(|&j| keys[j] == Some(k)).unwrap_or(i)),
            })
            .collect()
    }

    #[test]
    fn first_equal_finds_the_first_row_of_each_key() {
        // Keys from a small pseudo-random sequence, with gaps, many repeats
        // and more rows than one radix pass has buckets.
        let mut x: u32 = 12345;
        for (n, spread) in [(0, 1), (1, 1), (40, 3), (1000, 50), (20_000, 2000)] {
            let keys: Vec<Option<u16>> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    let v = (x >> 8) % spread;
                    (v % 7 != 3).then_some(v as u16)
                })
                .collect();
            assert_eq!(first_equal(n, |i| keys[i]), brute(&keys), "{n} rows");
        }
    }

    #[test]
    fn radix_sort_is_stable() {
        let mut pairs = vec![(3, 0), (1, 1), (0x0100_0003, 2), (3, 3), (1, 4), (0, 5)];
        radix_sort(&mut pairs);
        assert_eq!(
            pairs,
            vec![(0, 5), (1, 1), (1, 4), (3, 0), (3, 3), (0x0100_0003, 2)]
        );
    }
}
