//! The clean staff table's storage: one column per field, one entry per
//! posting. A row is read as a [`StaffRow`] value made on demand from the
//! columns ([`Staff::row`]); loops over many rows that need few fields read
//! the columns themselves.

use crate::dates::PartialDate;
use crate::scales::{Category, Education, Gender, GovLevel, PoliticalTheory, StateManagement};

use super::{Source, Text};

/// Declares the fields once: the row value, the columns, and the moves
/// between them, so a field cannot be missing from one of them.
macro_rules! staff_fields {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty, )*) => {
        /// One analysed roster row: a person in a post. A value made while a
        /// row is cleaned and stored in [`Staff`], or read back from it by
        /// [`Staff::row`]; the table itself keeps no row structs.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct StaffRow {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        /// The clean staff table's columns, all of one length: entry `i` of
        /// each is posting `i`, in input order.
        #[derive(Debug, Default)]
        pub struct Staff {
            $( $(#[$doc])* pub $field: Vec<$ty>, )*
        }

        /// Consecutive postings of every column, to be written on one core.
        pub struct StaffPart<'a> {
            $( $field: &'a mut [$ty], )*
        }

        impl StaffPart<'_> {
            /// Stores `rows` as the part's postings from `at` on, a column at
            /// a time: one stream of writes at once, where a row at a time
            /// wrote 29 (cleaning the national roster took 0.1–0.2 s longer).
            pub fn set_rows(&mut self, at: usize, rows: &[StaffRow]) {
                $(
                    for (d, r) in self.$field[at..].iter_mut().zip(rows) {
                        *d = r.$field;
                    }
                )*
            }
        }

        impl Staff {
            /// An empty table with room for `n` postings in every column.
            #[must_use]
            pub fn with_capacity(n: usize) -> Self {
                Self { $( $field: Vec::with_capacity(n), )* }
            }

            /// Appends a posting.
            #[inline(always)]
            pub fn push(&mut self, r: StaffRow) {
                $( self.$field.push(r.$field); )*
            }

            /// Posting `i`'s values. Panics when `i` is not below
            /// [`len`](Self::len), as indexing a slice does. Always
            /// inlined: a caller reading a few fields of a row then loads
            /// those columns alone.
            #[must_use]
            #[inline(always)]
            pub fn row(&self, i: usize) -> StaffRow {
                StaffRow { $( $field: self.$field[i], )* }
            }

            /// Adds `n` postings of `fill`'s values, written on every core
            /// (their pages first touched there too).
            pub fn grow(&mut self, n: usize, fill: StaffRow) {
                use rayon::prelude::*;
                $( self.$field.par_extend(rayon::iter::repeat_n(fill.$field, n)); )*
            }

            /// The postings from `start` on, in parts of `size` (the last
            /// may be shorter), to be written side by side.
            pub fn parts(&mut self, start: usize, size: usize) -> Vec<StaffPart<'_>> {
                $( let mut $field = self.$field[start..].chunks_mut(size); )*
                let mut parts = Vec::new();
                // Every column has as many postings, so as many chunks.
                while let ($(Some($field),)*) = ($($field.next(),)*) {
                    parts.push(StaffPart { $($field,)* });
                }
                parts
            }

            /// Keeps the postings whose entry in `keep` is true (missing:
            /// kept), in order, the columns on every core.
            pub fn retain(&mut self, keep: &[bool]) {
                rayon::scope(|s| {
                    $(
                        let column = &mut self.$field;
                        s.spawn(move |_| retain_by(column, keep));
                    )*
                });
            }
        }
    };
}

staff_fields! {
    /// Where it came from.
    source: Source,
    /// Person id: postings with the same id are one person (kiêm nhiệm).
    person: u32,
    /// Full name (cleaned).
    name: Text,
    /// Staff id, leading zeros kept.
    staff_id: Option<Text>,
    /// National id, leading zeros kept.
    national_id: Option<Text>,
    /// Birth date.
    birth: Option<PartialDate>,
    /// Gender.
    gender: Option<Gender>,
    /// Ethnicity.
    ethnicity: Option<Text>,
    /// Party member.
    party_member: Option<bool>,
    /// Index into [`Roster::units`](super::Roster::units).
    unit: u32,
    /// Category.
    category: Category,
    /// Commune-level staff (cán bộ, công chức cấp xã; non-specialised workers).
    commune: bool,
    /// Government level of the post.
    gov_level: Option<GovLevel>,
    /// Title (chức vụ, chức danh).
    title: Option<Text>,
    /// Job position name.
    position: Option<Text>,
    /// Job position code.
    position_code: Option<Text>,
    /// Grade name.
    grade: Option<Text>,
    /// Grade code (01.003).
    grade_code: Option<Text>,
    /// Professional education; `None` = unknown (missing or unreadable).
    education: Option<Education>,
    /// Field of study.
    field_of_study: Option<Text>,
    /// Political theory; `None` = unknown.
    political_theory: Option<PoliticalTheory>,
    /// State management; `None` = unknown.
    state_management: Option<StateManagement>,
    /// IT skill as written.
    it_skill: Option<Text>,
    /// Foreign language as written.
    foreign_language: Option<Text>,
    /// Hire date.
    hire_date: Option<PartialDate>,
    /// Education level being studied.
    training_level: Option<Education>,
    /// Expected completion of that training.
    training_end: Option<PartialDate>,
    /// Retirement date override.
    retirement_date: Option<PartialDate>,
    /// Professional level (bậc nghề nghiệp 1–5).
    professional_level: Option<u8>,
}

impl StaffRow {
    /// The values of a slot not yet written ([`Staff::grow`]): no posting's,
    /// and removed or overwritten before the table is read.
    #[must_use]
    pub fn slot() -> Self {
        Self {
            source: Source { sheet: 0, row: 0 },
            person: 0,
            name: Text(std::num::NonZeroU32::MAX),
            staff_id: None,
            national_id: None,
            birth: None,
            gender: None,
            ethnicity: None,
            party_member: None,
            unit: 0,
            category: Category::Unknown,
            commune: false,
            gov_level: None,
            title: None,
            position: None,
            position_code: None,
            grade: None,
            grade_code: None,
            education: None,
            field_of_study: None,
            political_theory: None,
            state_management: None,
            it_skill: None,
            foreign_language: None,
            hire_date: None,
            training_level: None,
            training_end: None,
            retirement_date: None,
            professional_level: None,
        }
    }
}

impl Staff {
    /// Number of postings.
    #[must_use]
    pub fn len(&self) -> usize {
        self.source.len()
    }

    /// True when there is no posting.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    /// Every posting's values, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = StaffRow> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }
}

/// Keeps the entries of `v` whose entry in `keep` is true (missing: kept).
fn retain_by<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut k = keep.iter();
    v.retain(|_| k.next().copied().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32) -> StaffRow {
        let mut texts = super::super::Texts::default();
        StaffRow {
            source: Source { sheet: 0, row: n },
            person: n,
            name: texts.add("x"),
            party_member: Some(n.is_multiple_of(2)),
            unit: n * 10,
            commune: n.is_multiple_of(3),
            professional_level: Some(u8::try_from(n).unwrap_or(0)),
            ..StaffRow::slot()
        }
    }

    #[test]
    fn rows_come_back_as_stored_and_retain_keeps_the_marked_ones_in_order() {
        let mut staff = Staff::with_capacity(2);
        staff.push(row(0));
        staff.grow(5, StaffRow::slot());
        // Parts of two from posting 1 on: [1, 2], [3, 4], [5].
        for (p, mut part) in staff.parts(1, 2).into_iter().enumerate() {
            let first = 1 + 2 * u32::try_from(p).unwrap_or(0);
            let rows: Vec<StaffRow> = (first..6).take(2).map(row).collect();
            part.set_rows(0, &rows[..1]);
            part.set_rows(1, &rows[1..]);
        }
        assert_eq!(staff.len(), 6);
        for n in 0..6 {
            assert_eq!(staff.row(n as usize), row(n));
        }
        staff.retain(&[true, false, false, true, true, false]);
        let kept: Vec<StaffRow> = staff.rows().collect();
        assert_eq!(kept, [row(0), row(3), row(4)]);
        // Every column kept the same entries.
        assert_eq!(staff.unit, [0, 30, 40]);
        assert_eq!(staff.professional_level, [Some(0), Some(3), Some(4)]);
    }
}
