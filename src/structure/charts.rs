//! The structure sheet's native charts of the whole roster, with value
//! labels: the age pyramid, a chart per mix, the shares beside the
//! leaders' shares.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartLegendPosition, ChartType, Format, Worksheet, XlsxError,
};

use super::Structure;
use super::sheet::{FONT, Table};
use crate::labels::{self, Lang};
use crate::output;

use output::chart_font as font;

fn titled(kind: ChartType, title: &str) -> Chart {
    let mut c = Chart::new(kind);
    c.title().set_name(title).set_font(&font(11.0, true));
    c.legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font(9.0, false));
    c.x_axis().set_font(&font(9.0, false));
    c.y_axis().set_font(&font(9.0, false));
    c.set_width(330).set_height(250);
    c
}

/// The age pyramid of the whole roster: men left (written negative in the
/// hidden column `data`, shown without the sign), women right (`data + 1`),
/// the bands from row `first`.
fn pyramid(
    ws: &mut Worksheet,
    s: &Structure,
    l: &labels::StructureLabels,
    (first, data): (u32, u16),
    shown: &ChartDataLabel,
) -> Result<Chart, XlsxError> {
    let sheet = l.sheet;
    let all = s.groups.last().cloned().unwrap_or_default();
    let signed = Format::new()
        .set_font_name(FONT)
        .set_num_format("#,##0;#,##0");
    output::text_with_format(ws, first - 1, data, l.men, &signed)?;
    output::text_with_format(ws, first - 1, data + 1, l.women, &signed)?;
    for (b, counts) in all.ages.iter().enumerate() {
        let r = first + u32::try_from(b).unwrap_or(0);
        ws.write_number_with_format(r, data, -(counts[0] as f64), &signed)?;
        ws.write_number_with_format(r, data + 1, counts[1] as f64, &signed)?;
    }
    let band_rows = (
        first,
        first + u32::try_from(all.ages.len()).unwrap_or(1) - 1,
    );
    let mut pyramid = titled(ChartType::Bar, l.ages);
    // Youngest at the bottom, as a pyramid stands; band names left of it.
    for (i, name) in [l.men, l.women].into_iter().enumerate() {
        let c = data + u16::try_from(i).unwrap_or(0);
        pyramid
            .add_series()
            .set_name(name)
            .set_categories((sheet, band_rows.0, 0, band_rows.1, 0))
            .set_values((sheet, band_rows.0, c, band_rows.1, c))
            .set_data_label(shown)
            .set_overlap(100)
            .set_gap(20);
    }
    pyramid.x_axis().set_num_format("#,##0;#,##0");
    pyramid
        .y_axis()
        .set_label_position(rust_xlsxwriter::ChartAxisLabelPosition::Low);
    Ok(pyramid)
}

/// The whole roster's charts, two per row under the tables; the pyramid's
/// men (as negatives) and women sit right of the print area.
pub(super) fn charts(
    ws: &mut Worksheet,
    s: &Structure,
    lang: Lang,
    (top, last): (u32, u16),
    (starts, tables): (&[u32], &[Table]),
    share_rows: u32,
) -> Result<(), XlsxError> {
    let l = labels::structure(lang);
    let sheet = l.sheet;
    let mut shown = ChartDataLabel::new();
    shown.show_value().set_font(&font(9.0, false));
    let pyramid = pyramid(ws, s, l, (starts[0], last + 2), &shown)?;
    let mut placed = vec![pyramid];
    for (t, first) in tables.iter().zip(starts).skip(1) {
        let rows = u32::try_from(t.rows.len()).unwrap_or(1);
        let mut c = titled(ChartType::Column, &t.heading);
        c.add_series()
            .set_name(l.everyone)
            .set_categories((sheet, *first, 0, first + rows - 1, 0))
            .set_values((sheet, *first, last, first + rows - 1, last))
            .set_data_label(&shown);
        c.legend().set_hidden();
        placed.push(c);
    }
    // Shares overall and among leaders, side by side.
    let mut shares = titled(ChartType::Bar, l.shares);
    for (i, name) in [l.overall, l.leaders].into_iter().enumerate() {
        let first = share_rows + 2 + 3 * u32::try_from(i).unwrap_or(0);
        shares
            .add_series()
            .set_name(name)
            .set_categories((sheet, share_rows + 2, 0, share_rows + 4, 0))
            .set_values((sheet, first, last, first + 2, last))
            .set_data_label(&shown);
    }
    shares.x_axis().set_num_format("0%").set_min(0).set_max(1);
    placed.push(shares);
    // Two charts a row: the second starts at column B, shifted to the
    // middle of the page (column A is 215 px).
    for (i, chart) in placed.iter().enumerate() {
        let row = top + 14 * u32::try_from(i / 2).unwrap_or(0);
        if i % 2 == 0 {
            ws.insert_chart(row, 0, chart)?;
        } else {
            ws.insert_chart_with_offset(row, 1, chart, 130, 0)?;
        }
    }
    Ok(())
}
