//! The lines printed under a form (and carried in the JSON):
//! reconciliation, blank columns, people in several units, the period, the
//! checks, the evidence legend.

use super::{Cell, Form, FormTable, Note, RowKind};
use crate::labels::{self, Lang};

/// The lines printed under a form: reconciliation, blank columns, people
/// in several units, the period, the checks, the evidence legend.
#[must_use]
pub fn note_lines(form: &Form, table: &FormTable, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) {
        for (g, rc) in form.reconcile.iter().enumerate() {
            let idx = form.span(&rc.criteria[0], &rc.criteria[1]);
            let Some(of) = form.criteria.iter().position(|c| c.number == rc.of) else {
                continue;
            };
            let count = |i: usize| match total.cells[i] {
                Cell::Count(v) => Some(v),
                _ => None,
            };
            let Some(of_v) = count(of) else { continue };
            let counted: Option<u64> = idx.iter().map(|&i| count(i)).sum();
            let Some(counted) = counted else { continue };
            let unknown = total.unknown.get(g).copied().unwrap_or(0);
            let rest = i128::from(of_v) - i128::from(counted) - i128::from(unknown);
            out.push(labels::reconcile_line(
                lang,
                &rc.label,
                (&rc.criteria[0], &rc.criteria[1], &rc.of),
                (of_v, counted, unknown, rest),
            ));
        }
    }
    let label_of = |n: &str| {
        form.criteria
            .iter()
            .find(|c| c.number == n)
            .map_or(String::new(), |c| c.label.clone())
    };
    for n in &table.notes {
        out.push(match n {
            Note::NotRecorded { number, field } => {
                labels::blank_note(lang, number, &label_of(number), field, false)
            }
            Note::NoData { number, field } => {
                labels::blank_note(lang, number, &label_of(number), field, true)
            }
            Note::InSeveralUnits { people: k } => labels::several_units_note(lang, *k),
            Note::OutsideBlocks { people: k } => labels::outside_blocks_note(lang, *k),
            Note::OutOfPeriod { until } => labels::out_of_period_note(lang, until),
            Note::Line { text } => text.clone(),
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
    if table.mismatches.is_empty() && !form.checks.is_empty() {
        out.push(labels::checks_hold(lang, form.checks.len()));
    }
    if form.mixed_evidence() {
        out.push(labels::forms(lang).best_reading.to_string());
    }
    out
}
