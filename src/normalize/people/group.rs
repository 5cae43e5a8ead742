//! Grouping rows by key in parallel: the first row of each key (hashes
//! sorted, keys compared within equal hashes), and a union-find of rows.

use std::hash::{BuildHasher, Hash};

use rayon::prelude::*;

use crate::roster::{Text, Texts};
use crate::text::fold;

/// No row: a row without the key.
pub(super) const NONE: u32 = u32::MAX;

/// For each row, the first row (lowest index) whose key equals its own (the
/// row itself when it is the first), or [`NONE`] when it has no key. Keys
/// are hashed and sorted in parallel; rows with equal hashes are compared
/// key by key, so a hash collision never joins two different keys.
pub(super) fn first_equal<K, F>(n: usize, key: F) -> Vec<u32>
where
    K: Hash + Eq,
    F: Fn(usize) -> Option<K> + Sync,
{
    let state = hashbrown::DefaultHashBuilder::default();
    // 32 bits of hash group the rows: rows sharing them are compared key by
    // key below, so a shared prefix only makes a group larger.
    // (hash, row) pairs straight from the keys, in row order.
    // Collected as an indexed iterator (straight into the vector, where a
    // filtered one gathers lists of pieces and copies them), rows without a
    // key taken out after.
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map(|i| {
            key(i).map_or((0, NONE), |k| {
                ((state.hash_one(&k) >> 32) as u32, row_id(i))
            })
        })
        .collect();
    pairs.retain(|p| p.1 != NONE);
    let mut first = vec![NONE; n];
    for &(_, i) in &pairs {
        first[i as usize] = i;
    }
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
/// hash): one pass on the hash's top byte over all the pairs, then each of
/// the 256 runs it makes sorted on the three low bytes, small enough to
/// stay in the core's cache. The people pass sorts the 2.5 M-row national
/// roster's rows ten times; four passes of a byte over all of them (each
/// reading and writing 20 MB out of the caches) were 0.64 s of the cores'
/// time on its varied-names version, the pass's largest cost.
pub(super) fn radix_sort(pairs: &mut Vec<(u32, u32)>) {
    let mut out = vec![(0, 0); pairs.len()];
    let runs = top_byte_pass(pairs, &mut out);
    let mut rest: &mut [(u32, u32)] = &mut out;
    let mut slices = Vec::with_capacity(256);
    for len in runs {
        let (run, tail) = std::mem::take(&mut rest).split_at_mut(len);
        slices.push(run);
        rest = tail;
    }
    slices
        .into_par_iter()
        .with_max_len(1)
        .for_each_init(Vec::new, |scratch, run| sort_low_bytes(run, scratch));
    *pairs = out;
}

/// Writes `pairs` into `out` by the hash's top byte, stably, on every core
/// over contiguous chunks: a chunk writes each digit's pairs after those of
/// the chunks before it, so the result is the one-core result whatever the
/// scheduling. Returns each digit's number of pairs.
fn top_byte_pass(pairs: &[(u32, u32)], out: &mut [(u32, u32)]) -> [usize; 256] {
    let chunk = pairs
        .len()
        .div_ceil(rayon::current_num_threads().max(1))
        .max(1 << 16);
    let digit = |p: &(u32, u32)| (p.0 >> 24) as usize;
    let counts: Vec<[usize; 256]> = pairs
        .par_chunks(chunk)
        .map(|c| {
            let mut at = [0usize; 256];
            for p in c {
                at[digit(p)] += 1;
            }
            at
        })
        .collect();
    // Each chunk's slice of each digit's run: digits in order, chunks in
    // order within a digit.
    let mut dests: Vec<Vec<&mut [(u32, u32)]>> =
        counts.iter().map(|_| Vec::with_capacity(256)).collect();
    let mut totals = [0usize; 256];
    let mut rest: &mut [(u32, u32)] = out;
    for (d, total) in totals.iter_mut().enumerate() {
        for (k, at) in counts.iter().enumerate() {
            let (slot, tail) = std::mem::take(&mut rest).split_at_mut(at[d]);
            dests[k].push(slot);
            rest = tail;
            *total += at[d];
        }
    }
    pairs
        .par_chunks(chunk)
        .zip(dests.into_par_iter())
        .for_each(|(c, mut dest)| {
            for p in c {
                let d = digit(p);
                if let Some((first, tail)) = std::mem::take(&mut dest[d]).split_first_mut() {
                    *first = *p;
                    dest[d] = tail;
                }
            }
        });
    totals
}

/// Sorts pairs sharing a top byte on the hash's three low bytes, stably: a
/// counting pass per byte, through `scratch` and back.
fn sort_low_bytes(run: &mut [(u32, u32)], scratch: &mut Vec<(u32, u32)>) {
    if run.len() < 2 {
        return;
    }
    scratch.clear();
    scratch.resize(run.len(), (0, 0));
    counting_pass(run, scratch, 0);
    counting_pass(scratch, run, 8);
    counting_pass(run, scratch, 16);
    run.copy_from_slice(scratch);
}

/// Writes `from` into `to` by the byte at `shift`, stably.
fn counting_pass(from: &[(u32, u32)], to: &mut [(u32, u32)], shift: u32) {
    let digit = |p: &(u32, u32)| ((p.0 >> shift) & 0xFF) as usize;
    let mut at = [0usize; 256];
    for p in from {
        at[digit(p)] += 1;
    }
    let mut next = 0;
    for slot in &mut at {
        let n = *slot;
        *slot = next;
        next += n;
    }
    for p in from {
        let d = digit(p);
        to[at[d]] = *p;
        at[d] += 1;
    }
}

pub(super) fn row_id(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

pub(super) fn some(first: u32) -> Option<usize> {
    (first != NONE).then_some(first as usize)
}

/// For each row, a row whose text folds to the same key as its own (the
/// same for all such rows); rows without a text share the key of "".
/// Rows are grouped by text id first (one id per distinct spelling of a
/// sheet column), so each spelling is folded once and only the spellings
/// are compared folded.
pub(super) fn first_folded(
    n: usize,
    texts: &Texts,
    id: impl Fn(usize) -> Option<Text> + Sync,
) -> Vec<u32> {
    // Text ids are dense: each one's first row is found by indexing, not by
    // hashing and sorting (two of the pass's ten sorts).
    let mut first_of = vec![NONE; texts.len() + 2];
    let spelled: Vec<u32> = (0..n)
        .map(|i| {
            let k = id(i).map_or(0, Text::index).min(first_of.len() - 1);
            if first_of[k] == NONE {
                first_of[k] = row_id(i);
            }
            first_of[k]
        })
        .collect();
    drop(first_of);
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
pub(super) struct UnionFind(pub(super) Vec<u32>, pub(super) Vec<u32>);

impl UnionFind {
    /// Joins the sets of `a` and `b` unless their national ids differ.
    pub(super) fn join(&mut self, a: usize, b: usize) -> bool {
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

    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] as usize != x {
            let parent = self.0[x] as usize;
            self.0[x] = self.0[parent];
            x = parent;
        }
        x
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier row stays the root, so the first occurrence is kept.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = row_id(lo);
        }
    }
}
