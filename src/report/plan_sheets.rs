//! The planning sheets: projection to the deadline, the training plan, and
//! the retirements before the deadline.

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::{Formats, Future, HEADER_ROW, ReportInput, print_setup, table_top, write_birth};
use crate::compliance::Group;
use crate::labels::{self, Lang};
use crate::output::{self, col};
use crate::scales::Gender;

fn row_u32(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

#[allow(clippy::cast_precision_loss)]
pub(super) fn num(n: i64) -> f64 {
    n as f64
}

fn group_name(input: &ReportInput<'_>, g: Group) -> (String, String) {
    match g {
        Group::Unit(n) | Group::Parent(n) => {
            let node = &input.hierarchy.nodes[n];
            (node.code.clone().unwrap_or_default(), node.name.clone())
        }
        Group::All => (
            String::new(),
            labels::get(input.lang).whole_roster.to_string(),
        ),
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

pub(super) fn write_date(
    ws: &mut Worksheet,
    f: &Formats,
    r: u32,
    c: u16,
    d: Option<NaiveDate>,
) -> Result<(), XlsxError> {
    match d {
        Some(d) => {
            ws.write_datetime_with_format(r, c, d, &f.date)?;
        }
        None => {
            ws.write_blank(r, c, &f.cell)?;
        }
    }
    Ok(())
}

/// "Dự báo": per target × unit, the share now, at every 31/12 and at the
/// deadline, met at the deadline, and the share with the plan.
pub(super) fn projection(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_projection)?;
    let mut dates: Vec<NaiveDate> = fut
        .projection
        .iter()
        .flat_map(|p| p.dates.iter().copied())
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let mut names: Vec<String> = vec![
        l.col_target_id.into(),
        l.col_unit_code.into(),
        l.col_unit.into(),
    ];
    for d in &dates {
        names.push(if *d == input.as_of {
            format!("{} ({})", l.now, date_text(*d))
        } else {
            date_text(*d)
        });
    }
    names.extend(
        [
            l.col_population_deadline,
            l.col_qualified_deadline,
            l.col_met_deadline,
            l.col_with_plan,
        ]
        .map(String::from),
    );
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut widths = vec![(0, 8.0), (1, super::unit_code_width(input)), (2, 40.0)];
    widths.extend((3..refs.len()).map(|c| (col(c), 12.0)));
    let (last, w) = table_top(ws, f, input, l.sheet_projection, &refs, &widths)?;
    let extra = 3 + dates.len();
    // Outcomes by (target, group): looked up once per row, not searched.
    let outcomes: std::collections::HashMap<(usize, Group), &crate::plan::Outcome> = fut
        .plan
        .outcomes
        .iter()
        .map(|o| ((o.target, o.group), o))
        .collect();
    let mut r = HEADER_ROW + 1;
    for p in fut.projection {
        let t = &input.policy.targets[p.target];
        for row in p.rows.iter().filter(|r| r.listed()) {
            let (code, mut name) = group_name(input, row.group);
            if !p.projected && row.group == Group::All {
                name = format!("{name} {}", l.not_projected);
            }
            let bold = !matches!(row.group, Group::Unit(_));
            let (text, int, pct) = if bold {
                (&f.cell_bold, &f.int_bold, &f.pct_bold)
            } else {
                (&f.cell, &f.int, &f.pct)
            };
            output::text_with_format(ws, r, 0, &t.id, text)?;
            output::text_with_format(ws, r, 1, &code, text)?;
            output::text_with_format(ws, r, 2, &name, text)?;
            w.fit_row(ws, r, [(1, code.as_str()), (2, name.as_str())], 12.0)?;
            for (i, d) in dates.iter().enumerate() {
                let c = col(3 + i);
                match p
                    .dates
                    .iter()
                    .position(|x| x == d)
                    .and_then(|k| row.points[k].share())
                {
                    Some(s) => {
                        ws.write_number_with_format(r, c, s, pct)?;
                    }
                    None => {
                        ws.write_blank(r, c, pct)?;
                    }
                }
            }
            let at = row.points.last().copied().unwrap_or_default();
            ws.write_number_with_format(r, col(extra), num(at.n), int)?;
            ws.write_number_with_format(r, col(extra + 1), num(at.q), int)?;
            output::text_with_format(
                ws,
                r,
                col(extra + 2),
                labels::status(input.lang, at.decide(t).met),
                text,
            )?;
            let outcome = outcomes.get(&(p.target, row.group)).copied();
            let with_plan = outcome.map_or(at.share(), |o| o.with_plan().share());
            match with_plan {
                Some(s) => {
                    ws.write_number_with_format(r, col(extra + 3), s, pct)?;
                }
                None => {
                    ws.write_blank(r, col(extra + 3), pct)?;
                }
            }
            r += 1;
        }
        // Units with nobody in the population: counted here, not listed.
        let empty = p.rows.iter().filter(|r| !r.listed()).count();
        if empty > 0 {
            output::text_with_format(ws, r, 0, &t.id, &f.cell)?;
            output::text_with_format(ws, r, 1, "", &f.cell)?;
            let note = labels::groups_without_population(input.lang, empty);
            ws.merge_range(r, 2, r, last, &output::fit_cell(&note), &f.note)?;
            r += 1;
        }
    }
    if r > HEADER_ROW + 1 {
        ws.autofilter(HEADER_ROW, 0, r - 1, last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 3)?;
    print_setup(ws, HEADER_ROW)
}

pub(super) fn current_level(lang: Lang, e: Option<crate::scales::Education>) -> &'static str {
    labels::education(lang, e)
}

/// "Kế hoạch đào tạo": the outcome per target and group, and whether the
/// plan is proven the fewest (the people to train are on their own sheet,
/// [`super::trainee_sheet`]).
#[allow(clippy::too_many_lines)]
pub(super) fn plan(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_plan)?;
    // Outcomes.
    let outcome_cols = [
        l.col_target_id,
        l.col_unit,
        l.col_population_deadline,
        l.col_qualified_deadline,
        l.col_needed,
        l.col_trainees,
        l.col_met_with_plan,
        l.col_why,
        l.col_best_share,
        l.col_earliest,
        l.col_candidates,
        l.col_unknown_deadline,
        l.col_if_unknown,
    ];
    let (last, w) = table_top(
        ws,
        f,
        input,
        l.sheet_plan,
        &outcome_cols,
        &[
            (0, 9.0),
            (1, 30.0),
            (2, 22.0),
            (3, 13.0),
            (4, 13.0),
            (5, 13.0),
            (6, 13.0),
            (7, 24.0),
            (8, 12.0),
            (9, 14.0),
            (10, 12.0),
            (11, 12.0),
            (12, 16.0),
        ],
    )?;
    let mut r = HEADER_ROW + 1;
    for o in &fut.plan.outcomes {
        let t = &input.policy.targets[o.target];
        output::text_with_format(ws, r, 0, &t.id, &f.cell)?;
        output::text_with_format(ws, r, 1, group_name(input, o.group).1, &f.cell)?;
        ws.write_number_with_format(r, 2, num(o.at_deadline.n), &f.int)?;
        ws.write_number_with_format(r, 3, num(o.at_deadline.q), &f.int)?;
        ws.write_number_with_format(
            r,
            4,
            num(i64::try_from(o.needed).unwrap_or(i64::MAX)),
            &f.int,
        )?;
        ws.write_number_with_format(
            r,
            5,
            num(i64::try_from(o.planned).unwrap_or(i64::MAX)),
            &f.int,
        )?;
        output::text_with_format(
            ws,
            r,
            6,
            if o.met_with_plan { l.yes } else { l.no },
            &f.cell,
        )?;
        let why = labels::shortcoming(lang, o.shortcoming);
        output::text_with_format(ws, r, 7, why, &f.cell)?;
        let unit = group_name(input, o.group).1;
        w.fit_row(ws, r, [(1, unit.as_str()), (7, why)], 12.0)?;
        match o.best_share {
            Some(s) => {
                ws.write_number_with_format(r, 8, s, &f.pct)?;
            }
            None => {
                ws.write_blank(r, 8, &f.pct)?;
            }
        }
        if o.met_with_plan {
            ws.write_blank(r, 9, &f.cell)?;
        } else {
            match o.earliest {
                Some(d) => {
                    ws.write_datetime_with_format(r, 9, d, &f.date)?;
                }
                None => {
                    output::text_with_format(ws, r, 9, l.never, &f.cell)?;
                }
            }
        }
        ws.write_number_with_format(
            r,
            10,
            num(i64::try_from(o.candidates).unwrap_or(i64::MAX)),
            &f.int,
        )?;
        ws.write_number_with_format(r, 11, num(o.unknown), &f.int)?;
        if o.unknown > 0 && !o.met_with_plan {
            let text = if o.met_if_unknown_qualified {
                l.yes
            } else {
                l.no
            };
            output::text_with_format(ws, r, 12, text, &f.cell)?;
        } else {
            ws.write_blank(r, 12, &f.cell)?;
        }
        r += 1;
    }
    // Whether the plan is proven optimal.
    r += 1;
    let verdict = match fut.plan.bound {
        None => l.plan_exact.to_string(),
        Some(b) => labels::plan_bound(lang, &b),
    };
    ws.merge_range(r, 0, r, last, &verdict, &f.section)?;
    print_setup(ws, HEADER_ROW)
}

/// "Nghỉ hưu": people whose last day of service falls before the latest deadline.
pub(super) fn retirements(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
    // Constant memory: a national list is hundreds of thousands of rows
    // (the sheet held in memory cost 170 MB more at 2.5 M people). Rows are
    // written strictly in order.
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(l.sheet_retirements)?;
    let names = [
        l.col_no,
        l.col_unit,
        l.col_name,
        l.col_gender,
        l.col_birth,
        l.col_category,
        l.col_title,
        l.col_current,
        l.col_retirement,
        l.col_pension,
    ];
    let (last, w) = table_top(
        ws,
        f,
        input,
        l.sheet_retirements,
        &names,
        &[
            (0, 6.0),
            (1, 34.0),
            (2, 26.0),
            (3, 8.0),
            (4, 12.0),
            (5, 22.0),
            (6, 24.0),
            (7, 14.0),
            (8, 13.0),
            (9, 13.0),
        ],
    )?;
    // Before the rows: a constant-memory sheet cannot change a written row.
    print_setup(ws, HEADER_ROW)?;
    let roster = &input.loaded.roster;
    let (past, list) = (fut.past_due, fut.retiring);
    let past_row = HEADER_ROW + 3 + row_u32(list.len());
    let rows = list
        .iter()
        .enumerate()
        .map(|(k, x)| (k, HEADER_ROW + 1 + row_u32(k), x))
        .chain(
            past.iter()
                .enumerate()
                .map(|(k, x)| (k, past_row + row_u32(k), x)),
        );
    for (k, r, (d, i)) in rows {
        if k == 0 && r == past_row {
            ws.merge_range(
                past_row - 1,
                0,
                past_row - 1,
                last,
                l.past_due_heading,
                &f.section,
            )?;
        }
        let rec = &roster.records[*i];
        ws.write_number_with_format(r, 0, num(i64::try_from(k + 1).unwrap_or(0)), &f.int)?;
        output::text_with_format(ws, r, 1, &roster.units[rec.unit as usize].name, &f.cell)?;
        output::text_with_format(ws, r, 2, roster.texts.get(rec.name), &f.cell)?;
        let gender = match rec.gender {
            Some(Gender::Male) => l.male,
            Some(Gender::Female) => l.female,
            None => "",
        };
        output::text_with_format(ws, r, 3, gender, &f.cell)?;
        write_birth(ws, f, r, 4, rec)?;
        output::text_with_format(ws, r, 5, labels::category(lang, rec.category), &f.cell)?;
        output::text_with_format(ws, r, 6, roster.texts.opt(rec.title).unwrap_or(""), &f.cell)?;
        output::text_with_format(ws, r, 7, labels::education(lang, rec.education), &f.cell)?;
        ws.write_datetime_with_format(r, 8, *d, &f.date)?;
        ws.write_datetime_with_format(r, 9, crate::retirement::pension_start(*d), &f.date)?;
        let cells = [
            (1, roster.units[rec.unit as usize].name.as_str()),
            (2, roster.texts.get(rec.name)),
            (5, labels::category(lang, rec.category)),
            (6, roster.texts.opt(rec.title).unwrap_or("")),
            (7, labels::education(lang, rec.education)),
        ];
        w.fit_row(ws, r, cells, 12.0)?;
    }
    if !list.is_empty() {
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(list.len()), last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}
