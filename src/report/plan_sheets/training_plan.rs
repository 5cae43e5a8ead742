//! "Kế hoạch đào tạo": the training plan's outcome per target and group.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::{group_name, num};
use crate::labels;
use crate::output;
use crate::plan::Outcome;
use crate::report::sheets::write_share;
use crate::report::{Formats, Future, HEADER_ROW, ReportInput, print_setup, table_top};

/// "Kế hoạch đào tạo": the outcome per target and group, and whether the
/// plan is proven the fewest (the people to train are on their own sheet,
/// [`super::trainee_sheet`]).
pub(in crate::report) fn plan(
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
        outcome_row(ws, f, input, &w, o, r)?;
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

/// One outcome's row: its figures at the deadline, the people to train,
/// whether the plan meets the target, and why not.
fn outcome_row(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    w: &output::Widths,
    o: &Outcome,
    r: u32,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let lang = input.lang;
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
    write_share(ws, r, 8, o.best_share, &f.pct)?;
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
    Ok(())
}
