//! The lines printed under a form (and carried in the JSON):
//! reconciliation, blank columns, people in several units, the period, the
//! checks, the evidence legend.

use serde::Serialize;

use super::{Form, FormTable, Orientation};
use crate::labels::{self, Lang};

/// A note printed under the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// The staff table holds no such field: the column is blank.
    NotRecorded {
        /// Criterion number.
        number: String,
        /// The field.
        field: &'static str,
    },
    /// No one in the population has a value: the column is blank.
    NoData {
        /// Criterion number.
        number: String,
        /// The field.
        field: &'static str,
    },
    /// People with posts in more than one unit, counted in each.
    InSeveralUnits {
        /// How many.
        people: u64,
    },
    /// Roster rows set aside: in no form.
    SetAside {
        /// How many.
        rows: u64,
    },
    /// People of the population in units no block of the form takes.
    OutsideBlocks {
        /// How many.
        people: u64,
    },
    /// People of the population in units more than one block takes: counted
    /// in each, so a block that adds them up counts them more than once.
    InSeveralBlocks {
        /// How many.
        people: u64,
    },
    /// The form applies up to a date before the as-of date.
    OutOfPeriod {
        /// Last date the form applies to.
        until: String,
    },
    /// No one in the rosters is in the form's population.
    Empty,
    /// A reconcile group over the whole form: of the people its total
    /// column counts, how many its columns count, how many are unknown and
    /// how many fall in no column (with the columns left blank).
    Reconcile {
        /// The group's name.
        group: String,
        /// Its first and last criterion numbers.
        first: String,
        /// Last criterion number.
        last: String,
        /// The criterion holding the total.
        of: String,
        /// The block (criteria forms): its number.
        block: Option<String>,
        /// The total.
        total: u64,
        /// Counted in the group's columns that are not blank.
        counted: u64,
        /// Of unknown value.
        unknown: u64,
        /// In no column: total − counted − unknown.
        rest: i64,
        /// The group's columns left blank (their people are in `rest`).
        blank: Vec<String>,
    },
    /// People of the form whose value of a field some columns test is not
    /// known: no such column counts them.
    Unknown {
        /// The columns (rows) that test the field.
        numbers: Vec<String>,
        /// The field.
        field: &'static str,
        /// How many.
        people: u64,
    },
    /// A sum the form implies that could not be checked on some or all
    /// rows, because a cell it names is blank.
    Unchecked {
        /// The check as written.
        check: String,
        /// The blank columns (rows) it names.
        blank: Vec<String>,
        /// Rows (block columns) where it could not be checked.
        skipped: u64,
        /// Rows (block columns) in all.
        of: u64,
    },
    /// A line its table wrote in the report's language (the movement table).
    Line {
        /// The text.
        text: String,
    },
}

/// One note as printed; `rows` when the form's criteria are rows.
fn note_line(form: &Form, n: &Note, lang: Lang, rows: bool) -> String {
    let label_of = |n: &str| {
        form.criteria
            .iter()
            .find(|c| c.number == n)
            .map_or(String::new(), |c| c.label.clone())
    };
    match n {
        Note::NotRecorded { number, field } => {
            labels::blank_note(lang, rows, number, &label_of(number), field, false)
        }
        Note::NoData { number, field } => {
            labels::blank_note(lang, rows, number, &label_of(number), field, true)
        }
        Note::InSeveralUnits { people: k } => labels::several_units_note(lang, *k),
        Note::OutsideBlocks { people: k } => labels::outside_blocks_note(lang, *k),
        Note::SetAside { rows: k } => labels::set_aside_note(lang, *k),
        Note::InSeveralBlocks { people: k } => labels::several_blocks_note(lang, *k),
        Note::OutOfPeriod { until } => labels::out_of_period_note(lang, until),
        Note::Line { text } => text.clone(),
        Note::Empty => labels::forms(lang).empty.to_string(),
        Note::Reconcile {
            group,
            first,
            last,
            of,
            block,
            total,
            counted,
            unknown,
            rest,
            blank,
        } => labels::reconcile_line(
            lang,
            rows,
            group,
            (first, last, of, block.as_deref()),
            (*total, *counted, *unknown, *rest),
            blank,
        ),
        Note::Unknown {
            numbers,
            field,
            people,
        } => labels::unknown_note(lang, rows, numbers, field, *people),
        Note::Unchecked {
            check,
            blank,
            skipped,
            of,
        } => labels::unchecked_line(lang, rows, check, blank, (*skipped, *of)),
    }
}

/// The lines printed under a form: reconciliation, blank columns, people
/// in several units, the period, the checks, the evidence legend.
#[must_use]
pub fn note_lines(form: &Form, table: &FormTable, lang: Lang) -> Vec<String> {
    // Criteria forms' criteria are rows; the others' are columns.
    let rows = form.orientation == Orientation::Criteria;
    let mut out: Vec<String> = table
        .notes
        .iter()
        .map(|n| note_line(form, n, lang, rows))
        .collect();
    const SHOWN: usize = 20;
    for m in table.mismatches.iter().take(SHOWN) {
        // The "Tổng số" row has no label of its own.
        let at = if m.at.is_empty() {
            labels::forms(lang).total
        } else {
            &m.at
        };
        out.push(labels::mismatch_line(lang, &m.check, at, m.left, m.right));
    }
    if table.mismatches.len() > SHOWN {
        out.push(format!("… +{}", table.mismatches.len() - SHOWN));
    }
    // Checks that met a blank cell on every row were not checked at all.
    let never = table
        .notes
        .iter()
        .filter(|n| matches!(n, Note::Unchecked { skipped, of, .. } if skipped == of))
        .count();
    let checked = form.checks.len() - never.min(form.checks.len());
    if table.mismatches.is_empty() && checked > 0 {
        out.push(labels::checks_hold(lang, checked));
    }
    if form.mixed_evidence() {
        out.push(labels::forms(lang).best_reading.to_string());
    }
    out
}
