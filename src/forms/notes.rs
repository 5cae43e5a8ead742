//! The lines printed under a form (and carried in the JSON):
//! reconciliation, blank columns, people in several units, the period, the
//! checks, the evidence legend.

use super::{Form, FormTable, Note, Orientation};
use crate::labels::{self, Lang};

/// The lines printed under a form: reconciliation, blank columns, people
/// in several units, the period, the checks, the evidence legend.
#[must_use]
pub fn note_lines(form: &Form, table: &FormTable, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    // Criteria forms' criteria are rows; the others' are columns.
    let rows = form.orientation == Orientation::Criteria;
    let label_of = |n: &str| {
        form.criteria
            .iter()
            .find(|c| c.number == n)
            .map_or(String::new(), |c| c.label.clone())
    };
    for n in &table.notes {
        out.push(match n {
            Note::NotRecorded { number, field } => {
                labels::blank_note(lang, rows, number, &label_of(number), field, false)
            }
            Note::NoData { number, field } => {
                labels::blank_note(lang, rows, number, &label_of(number), field, true)
            }
            Note::InSeveralUnits { people: k } => labels::several_units_note(lang, *k),
            Note::OutsideBlocks { people: k } => labels::outside_blocks_note(lang, *k),
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
        });
    }
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
