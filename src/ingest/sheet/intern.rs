//! Interning one column's values: each distinct value stored once and
//! found again by its text, without allocating.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

use super::RawValue;

/// A cell as a reader hands it over: text borrowed from the file, or a value.
#[derive(Debug)]
pub(crate) enum CellRef<'a> {
    /// Text, not yet copied.
    Text(&'a str),
    /// Any other value.
    Value(RawValue),
}

/// Interns one column's values: each distinct value is stored once, in
/// `dict`, and looked up by borrowed text without allocating. A column whose
/// values turn out to be nearly all distinct (row numbers, ids) stops
/// looking values up and stores each cell: ids stay consistent either way.
#[derive(Debug, Default)]
pub(super) struct Interner {
    /// (hash, id) pairs; the hash is kept so growing never rereads `dict`.
    /// Its 32 high bits are enough (equal values are compared anyway) and
    /// make a slot 8 bytes instead of 16: a column of 16,000 distinct units
    /// or dates stays in cache while millions of cells look it up.
    table: HashTable<(u32, u32)>,
    state: DefaultHashBuilder,
    pub(super) unique: bool,
}

/// Rows after which a column's distinctness is judged.
pub(super) const UNIQUE_PROBE_ROWS: usize = 65_536;

impl Interner {
    fn hash_of(&self, cell: &CellRef<'_>) -> u32 {
        match cell {
            CellRef::Text(s) => self.hash_text(s.as_bytes()),
            CellRef::Value(RawValue::Text(s)) => self.hash_text(s.as_bytes()),
            CellRef::Value(other) => high(self.state.hash_one((1u8, other))),
        }
    }

    /// Text hashes as its bytes, so a cell not yet checked as UTF-8 finds
    /// its value too.
    fn hash_text(&self, b: &[u8]) -> u32 {
        high(self.state.hash_one((0u8, b)))
    }

    /// The 1-based id of a cell's bytes in `dict`, adding it when new; `None`
    /// when a new value is not UTF-8 (values found are UTF-8 already).
    pub(super) fn intern_bytes(&mut self, dict: &mut Vec<RawValue>, b: &[u8]) -> Option<u32> {
        if !self.unique {
            let hash = self.hash_text(b);
            let found = self.table.find(spread(hash), |&(h, id)| {
                h == hash
                    && matches!(&dict[id as usize - 1], RawValue::Text(t) if t.as_bytes() == b)
            });
            if let Some(&(_, id)) = found {
                return Some(id);
            }
        }
        Some(self.intern(dict, CellRef::Text(std::str::from_utf8(b).ok()?)))
    }

    /// The 1-based id of `cell` in `dict`, adding it when new.
    pub(super) fn intern(&mut self, dict: &mut Vec<RawValue>, cell: CellRef<'_>) -> u32 {
        if !self.unique {
            let hash = self.hash_of(&cell);
            let found = self.table.find(spread(hash), |&(h, id)| {
                h == hash
                    && match (&cell, &dict[id as usize - 1]) {
                        (CellRef::Text(s), RawValue::Text(t)) => **t == **s,
                        (CellRef::Value(v), d) => v == d,
                        _ => false,
                    }
            });
            if let Some(&(_, id)) = found {
                return id;
            }
            let id = u32::try_from(dict.len() + 1).unwrap_or(u32::MAX);
            self.table
                .insert_unique(spread(hash), (hash, id), |&(h, _)| spread(h));
        }
        dict.push(match cell {
            CellRef::Text(s) => RawValue::Text(s.into()),
            CellRef::Value(v) => v,
        });
        u32::try_from(dict.len()).unwrap_or(u32::MAX)
    }

    /// After the probe rows: stop deduplicating a column of mostly distinct values.
    pub(super) fn judge(&mut self, distinct: usize, rows: usize) {
        if distinct * 10 > rows * 9 {
            self.unique = true;
            self.table = HashTable::new();
        }
    }
}

/// The 32 high bits of a hash.
fn high(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// A table hash from 32 bits: the table places by the low bits and tags by
/// the high ones, so both come from them.
fn spread(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

/// Whether a cell's bytes are blank as text (`str::trim` leaves nothing);
/// `None` when they are not UTF-8. Decodes only cells without an ASCII
/// letter, digit or sign.
pub(super) fn blank(b: &[u8]) -> Option<bool> {
    let ascii_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    if b.iter().any(|c| c.is_ascii() && !ascii_space(c)) {
        return Some(false);
    }
    std::str::from_utf8(b).ok().map(|s| s.trim().is_empty())
}
