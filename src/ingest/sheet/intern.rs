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

/// Whether value `id` (1-based) of `dict` is the text of bytes `b`.
fn holds(dict: &[RawValue], id: u32, b: &[u8]) -> bool {
    matches!(&dict[id as usize - 1], RawValue::Text(t) if t.as_bytes() == b)
}

/// What the first pass of [`Interner::intern_batch`] found for a cell.
#[derive(Debug, Clone, Copy)]
pub(super) enum Found {
    /// No cell, or a blank one.
    Blank,
    /// A cell: the id stored under its hash (`None`: none, or a column
    /// judged mostly distinct, which is not looked up) and its hash (`None`
    /// for such a column).
    Cell {
        candidate: Option<u32>,
        hash: Option<u32>,
    },
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

    /// The 1-based id of a cell's bytes in `dict`, adding it when new, as
    /// [`intern`](Self::intern) of its text, with its hash already made
    /// (`None` for a column judged mostly distinct); `None` when a new value
    /// is not UTF-8 (values found are UTF-8 already).
    fn intern_hashed(
        &mut self,
        dict: &mut Vec<RawValue>,
        b: &[u8],
        hash: Option<u32>,
    ) -> Option<u32> {
        if let Some(hash) = hash {
            let found = self
                .table
                .find(spread(hash), |&(h, id)| h == hash && holds(dict, id, b));
            if let Some(&(_, id)) = found {
                return Some(id);
            }
        }
        let text = RawValue::Text(std::str::from_utf8(b).ok()?.into());
        Some(self.store(dict, text, hash))
    }

    /// Stores a new value, filed under its hash when the column is looked
    /// up; its 1-based id.
    fn store(&mut self, dict: &mut Vec<RawValue>, value: RawValue, hash: Option<u32>) -> u32 {
        dict.push(value);
        let id = u32::try_from(dict.len()).unwrap_or(u32::MAX);
        if let Some(hash) = hash {
            self.table
                .insert_unique(spread(hash), (hash, id), |&(h, _)| spread(h));
        }
        id
    }

    /// Interns a batch of one column's cells (`None`: the row has no such
    /// cell), pushing each one's id onto `ids` (0 for none or a blank one),
    /// as [`intern`](Self::intern) of each cell's text would; `false`
    /// when a cell is not UTF-8 (`ids` is then incomplete). Two passes: the
    /// first hashes every cell and finds the id its hash is stored under,
    /// the second compares each cell with that id's value (any other cell,
    /// new or sharing its hash, is looked up in full, with the hash made in
    /// the first pass). The table's and the dictionary's cache misses of
    /// different cells then overlap, where cell by cell each waited for its
    /// own behind a comparison: on the national bench roster, perf samples
    /// in interning 2,850–2,880 → 2,170–2,260 (at 1,999 Hz; read stage
    /// 1.43 → 1.33 s, means of five alternating runs). Hashing every cell
    /// first, then finding them all, then comparing (three passes) was no
    /// better (2,270–2,460). `found` is room the caller reuses.
    pub(super) fn intern_batch(
        &mut self,
        dict: &mut Vec<RawValue>,
        cells: &[Option<&[u8]>],
        found: &mut Vec<Found>,
        ids: &mut Vec<u32>,
    ) -> bool {
        found.clear();
        for cell in cells {
            found.push(match cell.map(|b| (b, blank(b))) {
                None | Some((_, Some(true))) => Found::Blank,
                Some((_, None)) => return false,
                Some((_, Some(false))) if self.unique => Found::Cell {
                    candidate: None,
                    hash: None,
                },
                Some((b, Some(false))) => {
                    let hash = self.hash_text(b);
                    let at = self.table.find(spread(hash), |&(h, _)| h == hash);
                    Found::Cell {
                        candidate: at.map(|&(_, id)| id),
                        hash: Some(hash),
                    }
                }
            });
        }
        for (cell, &f) in cells.iter().zip(found.iter()) {
            let id = match (cell, f) {
                (Some(b), Found::Cell { candidate, hash }) => {
                    match candidate.filter(|&id| holds(dict, id, b)) {
                        Some(id) => id,
                        None => match self.intern_hashed(dict, b, hash) {
                            Some(id) => id,
                            None => return false,
                        },
                    }
                }
                _ => 0,
            };
            ids.push(id);
        }
        true
    }

    /// The 1-based id of `cell` in `dict`, adding it when new.
    pub(super) fn intern(&mut self, dict: &mut Vec<RawValue>, cell: CellRef<'_>) -> u32 {
        let hash = (!self.unique).then(|| self.hash_of(&cell));
        if let Some(hash) = hash {
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
        }
        let value = match cell {
            CellRef::Text(s) => RawValue::Text(s.into()),
            CellRef::Value(v) => v,
        };
        self.store(dict, value, hash)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(
        interner: &mut Interner,
        dict: &mut Vec<RawValue>,
        cells: &[Option<&str>],
    ) -> Vec<u32> {
        let cells: Vec<Option<&[u8]>> = cells.iter().map(|c| c.map(str::as_bytes)).collect();
        let mut ids = Vec::new();
        assert!(interner.intern_batch(dict, &cells, &mut Vec::new(), &mut ids));
        ids
    }

    /// Files value `id` under the hash of `b` too, as a collision of the 32
    /// bits kept would.
    fn file_under(interner: &mut Interner, b: &[u8], id: u32) {
        let hash = interner.hash_text(b);
        interner
            .table
            .insert_unique(spread(hash), (hash, id), |&(h, _)| spread(h));
    }

    #[test]
    fn a_batch_numbers_values_in_row_order_and_blanks_zero() {
        let (mut interner, mut dict) = (Interner::default(), Vec::new());
        let cells = [
            Some("b"),
            None,
            Some("a"),
            Some(" "),
            Some("b"),
            Some("c"),
            Some("a"),
        ];
        assert_eq!(
            batch(&mut interner, &mut dict, &cells),
            [1, 0, 2, 0, 1, 3, 2]
        );
        // A later batch finds them, and numbers a new one after them.
        let cells = [Some("c"), Some("d"), Some("b"), Some("d")];
        assert_eq!(batch(&mut interner, &mut dict, &cells), [3, 4, 1, 4]);
        let texts: Vec<&str> = dict
            .iter()
            .map(|v| match v {
                RawValue::Text(t) => t.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["b", "a", "c", "d"]);
    }

    #[test]
    fn a_batch_compares_the_value_a_hash_finds() {
        // "x" stored, then filed under the hash of "y" too, as a collision
        // of the 32 bits kept would: "y" must not be taken for "x".
        let (mut interner, mut dict) = (Interner::default(), Vec::new());
        assert_eq!(batch(&mut interner, &mut dict, &[Some("x")]), [1]);
        file_under(&mut interner, b"y", 1);
        assert_eq!(
            batch(&mut interner, &mut dict, &[Some("y"), Some("x"), Some("y")]),
            [2, 1, 2]
        );
    }

    #[test]
    fn a_batch_refuses_a_cell_not_utf8() {
        let refused =
            |interner: &mut Interner, dict: &mut Vec<RawValue>, cells: &[Option<&[u8]>]| {
                !interner.intern_batch(dict, cells, &mut Vec::new(), &mut Vec::new())
            };
        // Bytes with no ASCII letter (checked while blanks are found), and
        // bytes after a letter (checked when the new value is stored).
        let (mut interner, mut dict) = (Interner::default(), Vec::new());
        assert!(refused(
            &mut interner,
            &mut dict,
            &[Some(b"a"), Some(b"\xff\xfe")]
        ));
        let (mut interner, mut dict) = (Interner::default(), Vec::new());
        assert!(refused(
            &mut interner,
            &mut dict,
            &[Some(b"a"), Some(b"a\xff")]
        ));
        // And one found under the hash of a stored value, as a collision
        // would file it: compared, then refused when stored.
        let (mut interner, mut dict) = (Interner::default(), Vec::new());
        assert_eq!(batch(&mut interner, &mut dict, &[Some("x")]), [1]);
        file_under(&mut interner, b"a\xff", 1);
        assert!(refused(&mut interner, &mut dict, &[Some(b"a\xff")]));
        assert_eq!(dict.len(), 1);
    }
}
