//! Writing files safely: every output goes to a temporary file in the same
//! folder and is renamed into place when complete, so an existing file is
//! only ever replaced by a complete one. Also the data-issues list, as CSV or
//! as a worksheet.

use std::fs::File;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::issues::DataIssue;
use crate::labels::{self, Lang};

mod deflate;
mod direct;
#[cfg(test)]
mod direct_tests;
mod escape;
mod files;
mod issues;
mod lists;
mod package;
mod pages;
mod print;
mod runs;
#[cfg(test)]
mod tests;
mod type_metrics;

pub use direct::{ListRows, Rows};
pub use files::*;
pub use issues::*;
pub use lists::Lists;
pub use package::{Finish, save};
pub use pages::{Heights, KeepTogether, set_page_breaks};
pub use print::{
    FONT, ListHeights, ONE_LINE, SeenHeights, Widths, chart_font, code_width, column_widths,
    decree_margins, merged_width, number_width, page_setup, pct_format, tallest, units_for,
    units_of,
};
pub use runs::RunFormats;
pub use type_metrics::{Type, text_width};

/// A column index for rust_xlsxwriter.
#[must_use]
pub fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A row index for rust_xlsxwriter.
#[must_use]
pub fn row(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// Excel's row limit.
pub const EXCEL_MAX_ROWS: usize = 1_048_576;

/// A failed write, naming the file.
pub fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// A workbook this tool writes: marked as its own output (a folder read
/// again passes over it, never counts its people twice) and dated by the
/// as-of date, not the clock, so the same inputs give the same file.
#[must_use]
pub fn own_workbook(as_of: Option<chrono::NaiveDate>, title: Option<&str>) -> Workbook {
    let mut wb = Workbook::new();
    let mut props = rust_xlsxwriter::DocProperties::new()
        .set_custom_property(crate::ingest::OWN_MARK, env!("CARGO_PKG_VERSION"));
    if let Some(d) = as_of {
        props = props.set_creation_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default());
    }
    if let Some(t) = title {
        props = props.set_title(t);
    }
    wb.set_properties(&props);
    wb
}

/// Refuses an output workbook path that is not `.xlsx`, before anything is read.
pub fn require_xlsx(path: &Path, what: &str) -> Result<()> {
    if has_extension(path, "xlsx") {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--output {}: expected a .xlsx file ({what} is an Excel workbook)",
            path.display()
        )))
    }
}

/// Refuses a `--json` path that is not `.json`, before anything is read:
/// `report --json roster.csv`, meant as "JSON, and this roster", would
/// otherwise replace the roster with the results (it was then not an input,
/// so nothing else stopped it).
pub fn require_json(path: &Path) -> Result<()> {
    if has_extension(path, "json") {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--json {}: expected a .json file (the results are written there as JSON)",
            path.display()
        )))
    }
}

/// Whether `path` ends in `.ext`, in any case.
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Saves text (JSON) atomically.
pub fn save_text(path: &Path, text: &str) -> Result<()> {
    atomically(path, |file| {
        std::io::Write::write_all(file, text.as_bytes()).map_err(|e| write_error(path, e))
    })
}

/// Saves `value` as pretty JSON atomically, written as it serialises (no
/// copy of the document as one string).
pub fn save_json(path: &Path, value: &impl serde::Serialize) -> Result<()> {
    atomically(path, |file| {
        // 1 MB at a time: the national report's 119 MB of JSON took 15,000
        // writes of 8 kB, 0.12–0.21 s more system time (four alternating runs).
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        serde_json::to_writer_pretty(&mut w, value).map_err(|e| write_error(path, e))?;
        std::io::Write::flush(&mut w).map_err(|e| write_error(path, e))
    })
}

/// Prints to standard output. A closed pipe (`… | head -1`) ends the run
/// quietly ([`Error::BrokenPipe`]); the files are written before.
pub fn print(text: &str) -> Result<()> {
    use std::io::Write as _;
    // The spinner leaves the terminal before the text is written.
    crate::progress::done();
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Error::BrokenPipe
            } else {
                write_error(Path::new("<stdout>"), e)
            }
        })
}

/// Saves a workbook atomically.
pub fn save_workbook(workbook: &mut Workbook, path: &Path) -> Result<()> {
    // Deflate level 3, as Excel 365 writes: on the national plan workbook
    // (330 MB of sheet XML) saving took 7.6 s at the default level 6.
    workbook.set_zip_compression_level(3);
    atomically(path, |file| {
        let mut w = std::io::BufWriter::new(file);
        workbook
            .save_to_writer(&mut w)
            .map_err(|e| write_error(path, e))?;
        std::io::Write::flush(&mut w).map_err(|e| write_error(path, e))
    })
}

/// Saves a workbook whose first sheet is an official document: its first
/// page shows no page number (Decree 30/2020), its later pages do
/// (rust_xlsxwriter cannot mark a header "different first page"; see
/// [`save`]). `lists`: its long lists, written beside it.
pub fn save_document_workbook(
    workbook: &mut Workbook,
    path: &Path,
    lists: Vec<Rows>,
) -> Result<()> {
    save(
        workbook,
        path,
        Finish {
            document: true,
            lists,
        },
    )
}

pub use crate::ingest::{EXCEL_MAX_CHARS, shown_path};

/// Text as it fits in one Excel cell: longer text is cut, and says so at its
/// end. (The data issues name every such cell of the input.)
#[must_use]
pub fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    // Excel counts UTF-16 units; every char is at most two.
    if s.len() <= EXCEL_MAX_CHARS || s.encode_utf16().count() <= EXCEL_MAX_CHARS {
        return std::borrow::Cow::Borrowed(s);
    }
    let mark = " […]";
    let room = EXCEL_MAX_CHARS - mark.encode_utf16().count();
    let mut used = 0;
    let mut out = String::with_capacity(room + mark.len());
    for ch in s.chars() {
        used += ch.len_utf16();
        if used > room {
            break;
        }
        out.push(ch);
    }
    out.push_str(mark);
    std::borrow::Cow::Owned(out)
}

/// The row height (points) that `text` needs, wrapped in a cell `width`
/// column units wide in type `ty` (points, or [`Type::bold`]): spreadsheets
/// keep a file's row heights when they open it, so wrapped text would
/// overlap the next row. Lines as [`type_metrics::wrapped_lines`] counts them.
#[must_use]
pub fn wrapped_height(text: &str, width: f64, ty: impl Into<Type>) -> f64 {
    let ty = ty.into();
    f64::from(type_metrics::wrapped_lines(text, width, ty)) * ty.size * 1.2 + 3.0
}

/// Writes text as text (never a formula), cut to Excel's cell limit.
pub fn text(ws: &mut Worksheet, row: u32, col: u16, s: impl AsRef<str>) -> Result<(), XlsxError> {
    ws.write_string(row, col, fit_cell(s.as_ref()))?;
    Ok(())
}

/// [`text`] with a format.
pub fn text_with_format(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    s: impl AsRef<str>,
    format: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, fit_cell(s.as_ref()), format)?;
    Ok(())
}

/// A CSV field that a spreadsheet opens as text: a value starting with a
/// formula character (`= + - @`, tab, carriage return) gets a leading
/// apostrophe, so `=2+3` is shown, never computed (CSV injection).
#[must_use]
pub fn csv_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
