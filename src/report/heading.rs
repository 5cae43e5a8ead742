//! The top of every printed annex: the official heading of a document
//! (Decree 30/2020), the table's header row, and its page setup.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, HEADER_ROW, ReportInput, policy_name};
use crate::labels;
use crate::output;

/// The heading of an official document, rows 0–5. Returns the rows it gave
/// a height of their own, with it (the others keep the sheet's default).
pub(crate) fn heading(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    title: &str,
    last_col: u16,
    width: f64,
) -> Result<RowHeights, XlsxError> {
    let l = labels::get(input.lang);
    let half = last_col / 2;
    let body = input.policy.issuing_body.clone().unwrap_or_default();
    // The body's half ends before the national heading's (a one-cell half
    // is written, not merged: a merge needs two cells).
    match half.saturating_sub(1) {
        0 => output::text_with_format(ws, 0, 0, &body, &f.bold)?,
        end => {
            ws.merge_range(0, 0, 0, end, &body, &f.bold)?;
        }
    }
    ws.merge_range(0, half, 0, last_col, l.republic, &f.bold)?;
    ws.merge_range(1, half, 1, last_col, l.motto, &f.bold)?;
    // An annex of the report: "Phụ lục N", and below its title which
    // report it goes with (its number and date, blank when not given).
    let n = f.annexes.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    let d = labels::doc(input.lang);
    // Annex titles in capitals, as the decree writes a title.
    let title = title.to_uppercase();
    let doc = &input.policy.document;
    let number = labels::number_line(input.lang, doc.number.as_deref(), doc.symbol.as_deref());
    let signed = labels::place_date_line(input.lang, None, doc.date);
    let signed = signed
        .split_once(", ")
        .map_or(signed.as_str(), |(_, date)| date);
    let date = input.as_of.format("%d/%m/%Y").to_string();
    let line = d
        .annex_of
        .replace("{number}", number.trim_start_matches(d.number).trim())
        .replace("{signed}", signed)
        .replace("{date}", &date);
    // The lines that wrap on a narrow sheet are as tall as they need: set
    // before the rows are written (a constant-memory sheet writes a row out,
    // with its height, as soon as the next one gets a cell). The title's
    // capitals carry their marks above the line: 3 points more.
    let one = output::wrapped_height("", 1.0, 12.0);
    let lines = [
        (3, title.as_str(), output::Type::bold(14.0), 3.0, &f.title),
        (4, policy_name(input), 12.0.into(), 0.0, &f.italic),
        (5, line.as_str(), 12.0.into(), 0.0, &f.italic),
    ];
    let mut set = Vec::new();
    for (row, text, size, marks, _) in lines {
        let h = output::wrapped_height(text, width, size) + marks;
        if h > one {
            ws.set_row_height(row, h)?;
            set.push((row, h));
        }
    }
    ws.merge_range(
        2,
        0,
        2,
        last_col,
        &format!("{} {}", d.annex, roman(n)),
        &f.bold,
    )?;
    for (row, text, _, _, format) in lines {
        ws.merge_range(row, 0, row, last_col, text, format)?;
    }
    Ok(set)
}

/// A number in Roman numerals, as annexes are numbered (1 → "I").
fn roman(mut n: u32) -> String {
    let table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A printed sheet's top: the column widths, the official heading and the
/// table's header row, as tall as its wrapped names need. Returns the
/// table's last column and the widths (to size the rows below).
pub(crate) fn table_top(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    title: &str,
    headers: &[&str],
    widths: &[(u16, f64)],
) -> Result<(u16, output::Widths), XlsxError> {
    let (last, w, _) = table_top_rows(ws, f, input, title, headers, widths)?;
    Ok((last, w))
}

/// Rows and the heights they were given, in points.
pub(crate) type RowHeights = Vec<(u32, f64)>;

/// [`table_top`], and the rows above the table's that it gave a height of
/// their own (the header row among them), with it.
pub(crate) fn table_top_rows(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ReportInput<'_>,
    title: &str,
    headers: &[&str],
    widths: &[(u16, f64)],
) -> Result<(u16, output::Widths, RowHeights), XlsxError> {
    let w = output::Widths::set(ws, &output::column_widths(headers, widths))?;
    let last = output::col(headers.len().saturating_sub(1));
    let mut set = heading(ws, f, input, title, last, w.span(0, last))?;
    header_row(ws, f, HEADER_ROW, headers)?;
    let header = header_height(&w, headers);
    ws.set_row_height(HEADER_ROW, header)?;
    set.push((HEADER_ROW, header));
    Ok((last, w, set))
}

/// A table's header row height: its names wrapped in bold, at least 20 pt.
pub(crate) fn header_height(w: &output::Widths, headers: &[&str]) -> f64 {
    let cells = (0..).map(output::col).zip(headers.iter().copied());
    w.row_height(cells, output::Type::bold(12.0))
        .unwrap_or(20.0)
}

/// A table's header row, in the header format.
pub(crate) fn header_row(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    headers: &[&str],
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        output::text_with_format(ws, row, output::col(c), *h, &f.head)?;
    }
    Ok(())
}

/// A4 landscape, fit to one page wide, header row repeated on every page,
/// the decree's margins and the page number ([`output::page_setup`]).
pub(crate) fn print_setup(ws: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    output::page_setup(ws, true, Some(header_row))
}

/// [`print_setup`] for the table under [`HEADER_ROW`], its pages laid out
/// here from its rows' heights `h` (rows `0..end`: see
/// [`output::set_page_breaks`]), so rows kept with the next never end a page.
pub(crate) fn print_pages(
    ws: &mut Worksheet,
    h: &output::Heights,
    width: f64,
    end: u32,
) -> Result<(), XlsxError> {
    print_setup(ws, HEADER_ROW)?;
    let keep = output::KeepTogether {
        landscape: true,
        repeat: (HEADER_ROW, HEADER_ROW),
        lead_in: end..end,
        end,
    };
    output::set_page_breaks(ws, h, width, &keep)?;
    Ok(())
}
