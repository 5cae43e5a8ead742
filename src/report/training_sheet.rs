//! "Cần đào tạo": everyone in a target's population below its measure.

use std::sync::Arc;

use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::said::Said;
use super::sheets::{num, row_u32};
use super::{Formats, HEADER_ROW, ReportInput, print_setup, table_top, write_birth};
use crate::compliance::TargetResult;
use crate::labels;
use crate::output::{self, ListHeights, long_list};
use crate::policy::{Measure, Target};
use crate::roster::StaffRow;

fn current_level(input: &ReportInput<'_>, m: &Measure, idx: usize) -> &'static str {
    let (lang, l) = (input.lang, labels::get(input.lang));
    let rec = &input.loaded.roster.staff.row(idx);
    let a = input.placement.and_then(|p| p.assignments.get(idx));
    match m {
        Measure::Education(_) => labels::education(lang, rec.education),
        Measure::PoliticalTheory(_) => labels::political_theory(lang, rec.political_theory),
        Measure::StateManagement(_) => labels::state_management(lang, rec.state_management),
        Measure::PlacedInPosition
        | Measure::PlacedWithMatchingGrade
        | Measure::MeetsPositionStandard
        | Measure::StructuredByPosition(_)
        | Measure::ProfessionalPositions(_)
        | Measure::LevelCaps => match a {
            Some(a) if matches!(m, Measure::MeetsPositionStandard) && a.to_verify() => {
                labels::standard(lang, crate::positions::Standard::ToVerify)
            }
            Some(a) if a.placed() && !a.grade_ok => l.placed_wrong_grade,
            Some(a) if a.placed() => l.below_standard,
            _ => l.not_placed,
        },
    }
}

fn is_unknown(m: &Measure, rec: &StaffRow) -> bool {
    match m {
        Measure::Education(_) => rec.education.is_none(),
        Measure::PoliticalTheory(_) => rec.political_theory.is_none(),
        Measure::StateManagement(_) => rec.state_management.is_none(),
        _ => false,
    }
}

/// Joins distinct texts in first-seen order.
fn distinct_joined<'a>(
    texts: impl IntoIterator<Item = std::borrow::Cow<'a, str>>,
    sep: &str,
) -> String {
    let mut seen: Vec<std::borrow::Cow<'a, str>> = Vec::new();
    for t in texts {
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join(sep)
}

/// "Cần đào tạo": everyone in a target's population who does not meet its
/// measure, once per person with every target they are below on (a person
/// under T2 and T2-XA is one row, "T2, T2-XA"). Constant-memory sheets,
/// continued past Excel's row limit.
pub(super) fn training(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    let headers = [
        l.col_no,
        l.col_target_id,
        l.col_unit,
        l.col_name,
        l.col_birth,
        l.col_title,
        l.col_current,
        l.col_required,
        l.col_note,
    ];
    let widths = output::column_widths(
        &headers,
        &[
            (0, 6.0),
            (1, 8.0),
            (2, 26.0),
            (3, 22.0),
            (4, 12.0),
            (5, 20.0),
            (6, 16.0),
            (7, 28.0),
            (8, 28.0),
        ],
    );
    // Each row's texts and height, on both cores, before the sheet is
    // begun: the most common height is the sheet's default
    // ([`output::ListHeights`]).
    let w = output::Widths::new(&widths);
    let rows: Vec<Row> = people_below(input)
        .par_iter()
        .map_init(
            || (output::SeenHeights::default(), Said::default()),
            |(seen, said), (idx, results)| {
                let idx = *idx as usize;
                let texts = said_texts(said, input, idx, results);
                let height = w.row_height_seen(seen, texts.cells(input, idx), 12.0);
                Row { idx, texts, height }
            },
        )
        .collect();
    long_list(
        wb,
        l.sheet_training,
        lang,
        &rows,
        HEADER_ROW as usize + 1,
        |ws, chunk, before| {
            let list = ListHeights::new(ws, chunk.iter().map(|row| row.height), HEADER_ROW)?;
            table_top(ws, f, input, l.title_training, &headers, &widths)?;
            // Before the rows: a constant-memory sheet cannot change a written row.
            print_setup(ws, HEADER_ROW)?;
            ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
            if !chunk.is_empty() {
                ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(chunk.len()), 8)?;
            }
            lists.write(&ws.name(), HEADER_ROW + 1, chunk, |rows, r, i, row| {
                rows.row(r, list.height(row.height))?;
                training_row(rows, f, input, before + i + 1, row)
            })?;
            Ok(HEADER_ROW + 1 + row_u32(chunk.len()))
        },
    )
}

/// A person's row of the list, made before it is written.
struct Row {
    /// The record.
    idx: usize,
    texts: Arc<RowTexts>,
    /// The height its texts need (`None`: one line).
    height: Option<f64>,
}

/// People below a target's measure, each once with every target they are
/// below on, in order of first appearance (target order, then roster order).
fn people_below<'a>(input: &'a ReportInput<'_>) -> Vec<(u32, Vec<&'a TargetResult>)> {
    let mut items: Vec<(u32, Vec<&TargetResult>)> = Vec::new();
    // Each record's item, by record index: a hash map of them took 0.05 s
    // of the national report on one core.
    let mut at = vec![usize::MAX; input.loaded.roster.staff.len()];
    for res in input.results {
        for &g in &res.gaps {
            let i = g as usize;
            if i >= at.len() {
                at.resize(i + 1, usize::MAX);
            }
            if at[i] == usize::MAX {
                at[i] = items.len();
                items.push((g, Vec::new()));
            }
            items[at[i]].1.push(res);
        }
    }
    items
}

/// The texts of person `idx`'s row, made once per task (a few per core)
/// for each distinct [`RowKey`] (what they say), not once per row: national
/// plan sheets 1.043 → 0.991 s (means of four alternating runs).
fn said_texts(
    said: &mut Said<RowKey, RowTexts>,
    input: &ReportInput<'_>,
    idx: usize,
    results: &[&TargetResult],
) -> Arc<RowTexts> {
    let targets: Vec<usize> = results.iter().map(|r| r.target).collect();
    let policy = &input.policy.targets;
    let rec = &input.loaded.roster.staff.row(idx);
    let key = RowKey {
        levels: targets
            .iter()
            .map(|&t| current_level(input, &policy[t].measure, idx))
            .collect(),
        verify: targets.iter().any(|&t| is_unknown(&policy[t].measure, rec)),
        past_retirement: past_retirement(input, idx),
        targets,
    };
    said.get(
        &key,
        |k| *k == key,
        || (key.clone(), Arc::new(RowTexts::of(input, &key))),
    )
}

/// What a person's row says besides who they are: the targets they are
/// below on (indices in the policy), the level held for each, whether a
/// level is to be verified, the retirement date already past.
#[derive(Clone, PartialEq, Eq, Hash)]
struct RowKey {
    targets: Vec<usize>,
    levels: Vec<&'static str>,
    verify: bool,
    past_retirement: Option<chrono::NaiveDate>,
}

/// The texts of a person's row: the targets they are below on, their
/// levels against the required, the note.
struct RowTexts {
    ids: String,
    current: String,
    required: String,
    note: String,
}

impl RowTexts {
    /// The texts saying `key`.
    fn of(input: &ReportInput<'_>, key: &RowKey) -> Self {
        let targets: Vec<&Target> = key
            .targets
            .iter()
            .map(|&t| &input.policy.targets[t])
            .collect();
        let ids = targets
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let current = distinct_joined(key.levels.iter().map(|&l| l.into()), "; ");
        let required = distinct_joined(
            targets
                .iter()
                .map(|t| labels::requirement(input.lang, &t.measure).into()),
            "; ",
        );
        Self {
            ids,
            current,
            required,
            note: note(input, key),
        }
    }

    /// The row's text cells but the birth date: targets, unit, name, title,
    /// levels, note.
    fn cells<'a>(&'a self, input: &'a ReportInput<'_>, idx: usize) -> [(u16, &'a str); 7] {
        let roster = &input.loaded.roster;
        let rec = &roster.staff.row(idx);
        [
            (1, self.ids.as_str()),
            (2, roster.units[rec.unit as usize].name.as_str()),
            (3, roster.texts.get(rec.name)),
            (5, roster.texts.opt(rec.title).unwrap_or("")),
            (6, self.current.as_str()),
            (7, self.required.as_str()),
            (8, self.note.as_str()),
        ]
    }
}

/// Person `row`, number `n` of the list, on row `r`: the targets they are
/// below on, who and where they are, their levels against the required.
fn training_row<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    f: &'f Formats,
    input: &ReportInput<'_>,
    n: usize,
    row: &Row,
) -> Result<(), XlsxError> {
    rows.number(0, num(n as u64), &f.int)?;
    for (c, text) in row.texts.cells(input, row.idx) {
        if c == 5 {
            write_birth(rows, f, 4, &input.loaded.roster.staff.row(row.idx))?;
        }
        rows.text(c, text, &f.cell)?;
    }
    Ok(())
}

/// The note on a person's row: a level to verify, a retirement date past.
fn note(input: &ReportInput<'_>, key: &RowKey) -> String {
    let l = labels::get(input.lang);
    let mut notes: Vec<String> = Vec::new();
    if key.verify {
        notes.push(l.verify_unknown.to_string());
    }
    if let Some(d) = key.past_retirement {
        let date = crate::dates::dmy(d);
        notes.push(l.past_retirement_note.replace("{date}", &date));
    }
    notes.join("; ")
}

/// Person `idx`'s retirement date, when it is before the as-of date.
fn past_retirement(input: &ReportInput<'_>, idx: usize) -> Option<chrono::NaiveDate> {
    input
        .retire
        .get(idx)
        .copied()
        .flatten()
        .filter(|d| *d < input.as_of)
}
