//! The cover's table of figures: a row per target.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::{Columns, Cover};
use crate::labels::{self, Forecast, Lang};
use crate::output;
use crate::report::ReportInput;

/// The figures, a row per target. Returns (first data row, next row).
pub(super) fn table(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    input: &ReportInput<'_>,
    forecasts: Option<&[Forecast]>,
    top: u32,
) -> Result<(u32, u32), XlsxError> {
    let d = labels::doc(input.lang);
    table_header(ws, f, cols, input.lang, forecasts.is_some(), top)?;
    let mut r = top + 1;
    for (i, res) in input.results.iter().enumerate() {
        let t = &input.policy.targets[res.target];
        let a = &res.all;
        let label = crate::report::target_label(input.lang, t);
        let target = format!("{}. {label}", t.id);
        let required = format!(
            "{}, {}",
            labels::threshold(input.lang, t.comparator, t.threshold),
            t.deadline.format("%d/%m/%Y")
        );
        let who = match (input.lang, t.measure.over_agencies()) {
            (Lang::Vi, false) => "người",
            (Lang::Vi, true) => "cơ quan",
            (Lang::En, false) => "people",
            (Lang::En, true) => "agencies",
        };
        let counted = format!("{}/{} {who}", a.qualified, a.population);
        let units = format!(
            "{}/{}",
            res.headline.units_met, res.headline.units_applicable
        );
        ws.write_number_with_format(r, 0, f64::from(output::row(i + 1)), &f.int)?;
        output::text_with_format(ws, r, 1, &target, &f.cell)?;
        output::text_with_format(ws, r, 2, &required, &f.cell)?;
        output::text_with_format(ws, r, 3, &counted, &f.right)?;
        match a.share() {
            Some(s) => ws.write_number_with_format(r, 4, s, &f.pct)?,
            None => ws.write_blank(r, 4, &f.pct)?,
        };
        let met = res.headline.met;
        output::text_with_format(
            ws,
            r,
            5,
            labels::status(input.lang, met),
            Cover::of(&f.status, met),
        )?;
        #[allow(clippy::cast_precision_loss)]
        ws.write_number_with_format(r, 6, res.headline.shortfall as f64, &f.int)?;
        output::text_with_format(ws, r, 7, &units, &f.right)?;
        if let Some(fc) = forecasts.map(|v| v[i]) {
            let text = match fc {
                Forecast::NotProjected => d.not_projected,
                other => labels::status(input.lang, other.met()),
            };
            output::text_with_format(ws, r, 8, text, Cover::of(&f.status, fc.met()))?;
        }
        let h = [(&target, 1usize), (&required, 2), (&counted, 3)]
            .iter()
            .map(|(text, c)| output::wrapped_height(text, cols.widths[*c], 11.0))
            .fold(15.0, f64::max);
        cols.height(ws, r, h)?;
        r += 1;
    }
    Ok((top + 1, r))
}

/// The table's header row, the forecast column with a plan.
fn table_header(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    lang: Lang,
    with_forecast: bool,
    top: u32,
) -> Result<(), XlsxError> {
    let l = labels::get(lang);
    let d = labels::doc(lang);
    let mut headers = vec![
        l.col_no,
        d.col_target,
        d.col_required,
        d.col_counted,
        l.col_share,
        l.col_status,
        d.col_shortfall,
        d.col_units_met,
    ];
    if with_forecast {
        headers.push(d.col_forecast);
    }
    let mut height: f64 = 15.0;
    for (c, h) in headers.iter().enumerate() {
        output::text_with_format(ws, top, output::col(c), *h, &f.head)?;
        height = height.max(output::wrapped_height(
            h,
            cols.widths[c],
            output::Type::bold(11.0),
        ));
    }
    cols.height(ws, top, height)
}
