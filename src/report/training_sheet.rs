//! "Cần đào tạo": everyone in a target's population below its measure.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::sheets::{num, row_u32};
use super::{Formats, HEADER_ROW, ReportInput, print_setup, table_top, write_birth};
use crate::compliance::TargetResult;
use crate::labels;
use crate::output::{self, RunFormats, long_list};
use crate::policy::{Measure, Target};
use crate::roster::StaffRecord;

fn current_level(input: &ReportInput<'_>, m: &Measure, idx: usize) -> &'static str {
    let (lang, l) = (input.lang, labels::get(input.lang));
    let rec = &input.loaded.roster.records[idx];
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

fn is_unknown(m: &Measure, rec: &StaffRecord) -> bool {
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
    let items = people_below(input);
    long_list(
        wb,
        l.sheet_training,
        lang,
        &items,
        HEADER_ROW as usize + 1,
        |ws, chunk, before| {
            let (_, w) = table_top(
                ws,
                f,
                input,
                l.title_training,
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
            )?;
            // Before the rows: a constant-memory sheet cannot change a written row.
            print_setup(ws, HEADER_ROW)?;
            ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
            if !chunk.is_empty() {
                ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(chunk.len()), 8)?;
            }
            for (i, (rec, results)) in chunk.iter().enumerate() {
                let r = HEADER_ROW + 1 + row_u32(i);
                training_row(
                    ws,
                    f,
                    input,
                    &w,
                    (r, before + i + 1),
                    *rec as usize,
                    results,
                )?;
            }
            Ok(HEADER_ROW + 1 + row_u32(chunk.len()))
        },
    )
}

/// People below a target's measure, each once with every target they are
/// below on, in order of first appearance (target order, then roster order).
fn people_below<'a>(input: &'a ReportInput<'_>) -> Vec<(u32, Vec<&'a TargetResult>)> {
    let mut items: Vec<(u32, Vec<&TargetResult>)> = Vec::new();
    let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for res in input.results {
        for &g in &res.gaps {
            let k = *at.entry(g).or_insert_with(|| {
                items.push((g, Vec::new()));
                items.len() - 1
            });
            items[k].1.push(res);
        }
    }
    items
}

/// Person `idx`, number `n` of the list, on row `r`: the targets they are
/// below on, who and where they are, their levels against the required.
fn training_row(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    w: &output::Widths,
    (r, n): (u32, usize),
    idx: usize,
    results: &[&TargetResult],
) -> Result<(), XlsxError> {
    let lang = input.lang;
    let mut cf = RunFormats::new();
    let targets: Vec<&Target> = results
        .iter()
        .map(|res| &input.policy.targets[res.target])
        .collect();
    let rec = &input.loaded.roster.records[idx];
    cf.number(ws, r, 0, num(n as u64), &f.int)?;
    let ids = targets
        .iter()
        .map(|t| t.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    cf.text(ws, r, 1, &ids, &f.cell)?;
    cf.text(
        ws,
        r,
        2,
        &input.loaded.roster.units[rec.unit as usize].name,
        &f.cell,
    )?;
    cf.text(ws, r, 3, input.loaded.roster.texts.get(rec.name), &f.cell)?;
    write_birth(ws, f, &mut cf, r, 4, rec)?;
    cf.text(
        ws,
        r,
        5,
        input.loaded.roster.texts.opt(rec.title).unwrap_or(""),
        &f.cell,
    )?;
    let current = distinct_joined(
        targets
            .iter()
            .map(|t| current_level(input, &t.measure, idx).into()),
        "; ",
    );
    cf.text(ws, r, 6, &current, &f.cell)?;
    let required = distinct_joined(
        targets
            .iter()
            .map(|t| labels::requirement(lang, &t.measure).into()),
        "; ",
    );
    cf.text(ws, r, 7, &required, &f.cell)?;
    let note = note(input, &targets, rec, idx);
    let note = note.as_str();
    cf.text(ws, r, 8, note, &f.cell)?;
    let unit = &input.loaded.roster.units[rec.unit as usize].name;
    let cells = [
        (1, ids.as_str()),
        (2, unit.as_str()),
        (3, input.loaded.roster.texts.get(rec.name)),
        (5, input.loaded.roster.texts.opt(rec.title).unwrap_or("")),
        (6, current.as_str()),
        (7, required.as_str()),
        (8, note),
    ];
    cf.apply(ws)?;
    w.fit_row(ws, r, cells, 12.0)?;
    Ok(())
}

/// The note on a person's row: a level to verify, a retirement date past.
fn note(input: &ReportInput<'_>, targets: &[&Target], rec: &StaffRecord, idx: usize) -> String {
    let l = labels::get(input.lang);
    let mut notes: Vec<String> = Vec::new();
    if targets.iter().any(|t| is_unknown(&t.measure, rec)) {
        notes.push(l.verify_unknown.to_string());
    }
    if let Some(d) = input.retire.get(idx).copied().flatten()
        && d < input.as_of
    {
        let date = d.format("%d/%m/%Y").to_string();
        notes.push(l.past_retirement_note.replace("{date}", &date));
    }
    notes.join("; ")
}
