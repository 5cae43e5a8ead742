//! "Dự báo": the share per target and unit at every 31/12 to the deadline.

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::{group_name, num};
use crate::compliance::Group;
use crate::dates::dmy;
use crate::labels;
use crate::output::{self, col};
use crate::report::sheets::{note_without_population, write_share};
use crate::report::{Formats, Future, HEADER_ROW, ReportInput, print_setup, table_top};

/// "Dự báo": per target × unit, the share now, at every 31/12 and at the
/// deadline, met at the deadline, and the share with the plan.
pub(in crate::report) fn projection(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
    fut: &Future<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_projection)?;
    let dates = projection_dates(fut);
    let names = projection_headers(input, &dates);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let widths = projection_widths(input, refs.len());
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
            let (text, int, pct) = f.row(bold);
            output::text_with_format(ws, r, 0, &t.id, text)?;
            output::text_with_format(ws, r, 1, &code, text)?;
            output::text_with_format(ws, r, 2, &name, text)?;
            let ty = output::Type { size: 12.0, bold };
            w.fit_row(ws, r, [(1, code.as_str()), (2, name.as_str())], ty)?;
            for (i, d) in dates.iter().enumerate() {
                let c = col(3 + i);
                let share = p
                    .dates
                    .iter()
                    .position(|x| x == d)
                    .and_then(|k| row.points[k].share());
                write_share(ws, r, c, share, pct)?;
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
            write_share(ws, r, col(extra + 3), with_plan, pct)?;
            r += 1;
        }
        // Units with nobody in the population: counted here, not listed.
        let empty = p.rows.iter().filter(|r| !r.listed()).count();
        if empty > 0 {
            note_without_population(ws, f, input, &t.id, empty, (r, last))?;
            r += 1;
        }
    }
    if r > HEADER_ROW + 1 {
        ws.autofilter(HEADER_ROW, 0, r - 1, last)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 3)?;
    print_setup(ws, HEADER_ROW)
}

/// Every date a projection has a figure for, in order, once.
fn projection_dates(fut: &Future<'_>) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = fut
        .projection
        .iter()
        .flat_map(|p| p.dates.iter().copied())
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// The sheet's headers: target and unit, a column per date (the as-of date
/// marked "now"), then the figures at the deadline.
fn projection_headers(input: &ReportInput<'_>, dates: &[NaiveDate]) -> Vec<String> {
    let l = labels::get(input.lang);
    let mut names: Vec<String> = vec![
        l.col_target_id.into(),
        l.col_unit_code.into(),
        l.col_unit.into(),
    ];
    for d in dates {
        names.push(if *d == input.as_of {
            format!("{} ({})", l.now, dmy(*d))
        } else {
            dmy(*d)
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
    names
}

/// The columns' widths: target, unit code and name, then the figures.
fn projection_widths(input: &ReportInput<'_>, columns: usize) -> Vec<(u16, f64)> {
    let mut widths = vec![
        (0, 8.0),
        (1, crate::report::unit_code_width(input)),
        (2, 40.0),
    ];
    widths.extend((3..columns).map(|c| (col(c), 12.0)));
    widths
}
