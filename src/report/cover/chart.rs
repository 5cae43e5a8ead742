//! The cover's chart: share against threshold per target, its figures to
//! the right of the printed page.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartDataLabelPosition, ChartFormat, ChartLine, ChartMarker,
    ChartMarkerType, ChartSolidFill, ChartType, Color, Format, Worksheet, XlsxError,
};

use super::style::{Columns, FONT};
use crate::labels;
use crate::output;
use crate::report::ReportInput;

/// Rows the chart covers (about 300 px at 20 px a row).
pub(super) const CHART_ROWS: u32 = 16;

/// Share against threshold per target, value labels on, the threshold drawn
/// as a line; inside the print area. Its figures sit to the right of the
/// printed page ("Dữ liệu biểu đồ"), where the chart reads them. Returns the
/// next row.
pub(super) fn chart(
    ws: &mut Worksheet,
    cols: &Columns,
    input: &ReportInput<'_>,
    first: u32,
    r: u32,
) -> Result<u32, XlsxError> {
    let l = labels::get(input.lang);
    let n = output::row(input.results.len());
    if n == 0 {
        return Ok(r);
    }
    let data = cols.last() + 2;
    chart_data(ws, input, first, data)?;
    let sheet = l.sheet_summary;
    let last_row = first + n - 1;
    let font = output::chart_font;
    let mut bars = Chart::new(ChartType::Column);
    bars.title()
        .set_name(l.chart_share_title)
        .set_font(&font(13.0, true));
    // Value labels in the middle of the bars, clear of the threshold marks.
    bars.add_series()
        .set_name(l.col_share)
        .set_categories((sheet, first, data, last_row, data))
        .set_values((sheet, first, data + 1, last_row, data + 1))
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_position(ChartDataLabelPosition::Center)
                .set_font(font(11.0, true).set_color(Color::White)),
        );
    // Each target's threshold as a bar across its column, not a line
    // joining targets that have nothing in common.
    let mut line = Chart::new(ChartType::Line);
    line.add_series()
        .set_name(l.col_threshold)
        .set_categories((sheet, first, data, last_row, data))
        .set_values((sheet, first, data + 2, last_row, data + 2))
        .set_format(ChartFormat::new().set_no_line())
        .set_marker(
            ChartMarker::new()
                .set_type(ChartMarkerType::LongDash)
                .set_size(20)
                .set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0x00C0_0000)))
                        .set_border(ChartLine::new().set_color(Color::RGB(0x00C0_0000))),
                ),
        );
    bars.combine(&line);
    bars.y_axis()
        .set_num_format("0%")
        .set_min(0)
        .set_max(1)
        .set_font(&font(10.0, false));
    bars.x_axis().set_font(&font(11.0, false));
    bars.legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom)
        .set_font(&font(11.0, false));
    // The printed width: the columns' pixels (7 per unit and 5 of padding).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = cols
        .widths
        .iter()
        .map(|w| (w * 7.0 + 5.0) as u32)
        .sum::<u32>();
    bars.set_width(px).set_height(CHART_ROWS * 20 - 10);
    ws.insert_chart(r, 0, &bars)?;
    Ok(r + CHART_ROWS)
}

/// The chart's figures from column `data` on, a row per target beside the
/// table's rows from `first`, headed on the row above.
fn chart_data(
    ws: &mut Worksheet,
    input: &ReportInput<'_>,
    first: u32,
    data: u16,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let head = Format::new().set_font_name(FONT).set_bold();
    let pct = Format::new()
        .set_font_name(FONT)
        .set_num_format(output::pct_format(input.lang));
    output::text_with_format(
        ws,
        first - 1,
        data,
        labels::doc(input.lang).chart_data,
        &head,
    )?;
    output::text_with_format(ws, first - 1, data + 1, l.col_share, &head)?;
    output::text_with_format(ws, first - 1, data + 2, l.col_threshold, &head)?;
    for (i, res) in input.results.iter().enumerate() {
        let t = &input.policy.targets[res.target];
        let row = first + output::row(i);
        output::text(ws, row, data, &t.id)?;
        ws.write_number_with_format(row, data + 1, res.all.share().unwrap_or(0.0), &pct)?;
        ws.write_number_with_format(row, data + 2, t.threshold.fraction(), &pct)?;
    }
    Ok(())
}
