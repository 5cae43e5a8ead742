//! The clean staff table: the typed output of [`crate::normalize`], the input
//! of every analysis stage.
//!
//! One entry per posting (an analysed roster row), stored column by column
//! ([`Staff`]). A person holding several posts (kiêm nhiệm) has several
//! postings sharing one `person` id, so counts of people and counts of
//! postings are both exact.

mod staff;

pub use staff::{Staff, StaffPart, StaffRow};

use std::sync::Arc;

use crate::ingest::InputFile;
use crate::legacy::Encoding;
use crate::scales::{Category, GovLevel};
use crate::schema::RowKind;

/// Where a record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    /// Index into [`Loaded::sheets`].
    pub sheet: u32,
    /// The row number Excel shows.
    pub row: u32,
}

/// A text of the staff table: an index into [`Texts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(std::num::NonZeroU32);

impl Text {
    /// A dense index of the text in its table, from 1 (0 is free for "no
    /// text"): below [`Texts::len`] + 1.
    #[must_use]
    pub fn index(self) -> usize {
        self.0.get() as usize
    }
}

/// The staff table's texts, in one buffer: each distinct cell value of each
/// sheet column is stored once (equal texts read from two sheets may have two
/// ids), with no allocation per value; anything derived from a text (its
/// folded key) is computed once per id, not once per row.
#[derive(Debug, Default)]
pub struct Texts {
    bytes: String,
    ends: Vec<usize>,
}

impl Texts {
    /// How many texts are stored.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no text is stored.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Room for `texts` more texts of `bytes` bytes in all, made at once:
    /// grown by doubling, the buffers were copied (and their new pages
    /// faulted in) several times while a national roster's names and ids
    /// were stored.
    pub fn reserve(&mut self, texts: usize, bytes: usize) {
        self.bytes.reserve(bytes);
        self.ends.reserve(texts);
    }

    /// Stores a text.
    pub fn add(&mut self, s: &str) -> Text {
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len());
        Text(
            u32::try_from(self.ends.len())
                .ok()
                .and_then(std::num::NonZeroU32::new)
                .unwrap_or(std::num::NonZeroU32::MAX),
        )
    }

    /// The text of an id ("" for an id of another table).
    #[must_use]
    pub fn get(&self, t: Text) -> &str {
        let i = t.0.get() as usize - 1;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.bytes.get(start..end).unwrap_or("")
    }

    /// The text of an optional id.
    #[must_use]
    pub fn opt(&self, t: Option<Text>) -> Option<&str> {
        t.map(|t| self.get(t))
    }
}

/// An organisational unit (agency, commune, public service unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Name as first written.
    pub name: String,
    /// Unit code, when the roster gives one.
    pub code: Option<String>,
    /// Parent unit (district, province), when given.
    pub parent: Option<String>,
    /// Government level, given or inferred from the name ("UBND xã …").
    pub gov_level: Option<GovLevel>,
}

/// The clean staff table.
#[derive(Debug, Default)]
pub struct Roster {
    /// One entry per posting, in input order, in columns.
    pub staff: Staff,
    /// The postings' texts.
    pub texts: Texts,
    /// Units, in order of first appearance.
    pub units: Vec<Unit>,
    /// Number of distinct people.
    pub people: usize,
}

impl Roster {
    /// Postings no column, heading or title gave a category: in no target's
    /// or form's population.
    #[must_use]
    pub fn category_unknown(&self) -> usize {
        self.staff
            .category
            .iter()
            .filter(|&&c| c == Category::Unknown)
            .count()
    }
}

/// Row counts of one sheet. `read = staff + set_aside + non_staff()`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows below the header block.
    pub read: usize,
    /// Rows analysed as staff (postings).
    pub staff: usize,
    /// Rows set aside (listed in the data issues).
    pub set_aside: usize,
    /// Blank rows.
    pub blank: usize,
    /// Totals rows.
    pub total: usize,
    /// Section headings.
    pub heading: usize,
    /// Signature footer rows.
    pub footer: usize,
}

impl RowCounts {
    /// Rows that are not staff: blank, totals, headings, footer.
    #[must_use]
    pub fn non_staff(&self) -> usize {
        self.blank + self.total + self.heading + self.footer
    }

    /// Counts a classified row that is not staff.
    pub fn count_non_staff(&mut self, kind: RowKind) {
        match kind {
            RowKind::Blank => self.blank += 1,
            RowKind::Total => self.total += 1,
            RowKind::Heading => self.heading += 1,
            RowKind::Footer => self.footer += 1,
            RowKind::Staff | RowKind::StaffBelowFooter => {}
        }
    }

    /// Adds another sheet's counts.
    pub fn add(&mut self, o: &RowCounts) {
        self.read += o.read;
        self.staff += o.staff;
        self.set_aside += o.set_aside;
        self.blank += o.blank;
        self.total += o.total;
        self.heading += o.heading;
        self.footer += o.footer;
    }
}

/// What was done with a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetStatus {
    /// Read as a roster.
    Read {
        /// Excel row of the (first) header row.
        header_row: u32,
        /// Header rows (1 or 2).
        header_rows: usize,
        /// Excel row of the column-number row, if any.
        number_row: Option<u32>,
        /// Header texts that name no known field.
        ignored_columns: Vec<String>,
    },
    /// No roster header found.
    Skipped,
}

/// One sheet's account.
#[derive(Debug, Clone)]
pub struct SheetReport {
    /// Index into [`Loaded::files`].
    pub file: usize,
    /// File path for messages.
    pub file_name: Arc<str>,
    /// Sheet name.
    pub name: Arc<str>,
    /// Header text of the full-name column (empty when skipped).
    pub name_header: String,
    /// Header texts of the columns `--redact` hides (names, national ids).
    pub private: Vec<(String, Private)>,
    /// What was done.
    pub status: SheetStatus,
    /// Text encoding the sheet was typed in.
    pub encoding: Encoding,
    /// Row counts.
    pub rows: RowCounts,
}

/// What a private column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Private {
    /// A name (full, family or given): written as initials.
    Name,
    /// A national id: masked but for its last digits.
    Id,
}

/// Everything `check` and `report` start from.
#[derive(Debug)]
pub struct Loaded {
    /// Input files.
    pub files: Vec<InputFile>,
    /// Every sheet seen, read or skipped.
    pub sheets: Vec<SheetReport>,
    /// The clean staff table.
    pub roster: Roster,
    /// Data issues, in input order.
    pub issues: Vec<crate::issues::DataIssue>,
    /// Names and national ids are redacted (`--redact`).
    pub redacted: bool,
}

impl Loaded {
    /// Row counts over all sheets.
    #[must_use]
    pub fn totals(&self) -> RowCounts {
        let mut t = RowCounts::default();
        for s in &self.sheets {
            t.add(&s.rows);
        }
        t
    }
}
