//! Writing files safely: every output goes to a temporary file in the same
//! folder and is renamed into place when complete, so an existing file is
//! only ever replaced by a complete one. Also the data-issues list, as CSV or
//! as a worksheet.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::issues::DataIssue;
use crate::labels::{self, Lang};

/// Excel's row limit.
pub const EXCEL_MAX_ROWS: usize = 1_048_576;

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Runs `write` on a temporary path beside `path`, then renames it to `path`.
pub fn atomically(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| write_error(path, e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result =
        write(&tmp).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| write_error(path, e)));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Saves a workbook atomically.
pub fn save_workbook(workbook: &mut Workbook, path: &Path) -> Result<()> {
    atomically(path, |tmp| {
        workbook.save(tmp).map_err(|e| write_error(path, e))
    })
}

fn issue_row(lang: Lang, i: &DataIssue) -> [String; 7] {
    [
        i.file.to_string(),
        i.sheet.to_string(),
        i.row.map(|r| r.to_string()).unwrap_or_default(),
        i.column.clone(),
        i.value.clone(),
        labels::problem(lang, &i.problem),
        labels::action(lang, i.action).to_string(),
    ]
}

fn issue_headers(lang: Lang) -> [&'static str; 7] {
    let l = labels::get(lang);
    [
        l.col_file,
        l.col_sheet,
        l.col_row,
        l.col_column,
        l.col_value,
        l.col_problem,
        l.col_action,
    ]
}

/// Writes the data issues as CSV (UTF-8 with BOM, so Excel shows Vietnamese right).
pub fn write_issues_csv(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    atomically(path, |tmp| {
        let err = |e: &dyn std::fmt::Display| write_error(path, e);
        let mut file = std::fs::File::create(tmp).map_err(|e| err(&e))?;
        std::io::Write::write_all(&mut file, b"\xEF\xBB\xBF").map_err(|e| err(&e))?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(issue_headers(lang)).map_err(|e| err(&e))?;
        for i in issues {
            w.write_record(issue_row(lang, i)).map_err(|e| err(&e))?;
        }
        w.flush().map_err(|e| err(&e))
    })
}

/// Adds the data-issues sheet(s) to a workbook: constant-memory worksheets,
/// continued on further sheets past Excel's row limit.
pub fn add_issues_sheets(
    workbook: &mut Workbook,
    lang: Lang,
    issues: &[DataIssue],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    long_list(
        workbook,
        labels::get(lang).sheet_issues,
        lang,
        issues,
        1,
        |ws, chunk, _| write_issue_rows(ws, lang, chunk, &bold),
    )
}

/// Writes a list that may outgrow a sheet: constant-memory sheets named
/// `base`, then "base (tiếp 2)", … each holding what fits below `rows_above`
/// heading rows. `fill` gets the sheet, its part of the list and the number
/// of items on earlier sheets. Nothing is cut.
pub fn long_list<T>(
    workbook: &mut Workbook,
    base: &str,
    lang: Lang,
    items: &[T],
    rows_above: usize,
    fill: impl FnMut(&mut Worksheet, &[T], usize) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    long_list_per_sheet(
        workbook,
        base,
        lang,
        items,
        EXCEL_MAX_ROWS - rows_above,
        fill,
    )
}

fn long_list_per_sheet<T>(
    workbook: &mut Workbook,
    base: &str,
    lang: Lang,
    items: &[T],
    per_sheet: usize,
    mut fill: impl FnMut(&mut Worksheet, &[T], usize) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    let chunks: Vec<&[T]> = if items.is_empty() {
        vec![&[]]
    } else {
        items.chunks(per_sheet).collect()
    };
    for (k, chunk) in chunks.iter().enumerate() {
        let ws = workbook.add_worksheet_with_constant_memory()?;
        let name = if k == 0 {
            base.to_string()
        } else {
            format!("{base} ({} {})", labels::get(lang).continued, k + 1)
        };
        ws.set_name(name)?;
        fill(ws, chunk, k * per_sheet)?;
    }
    Ok(())
}

fn write_issue_rows(
    ws: &mut Worksheet,
    lang: Lang,
    issues: &[DataIssue],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, h) in issue_headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, col(c), *h, bold)?;
    }
    for (r, i) in issues.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, v) in issue_row(lang, i).iter().enumerate() {
            if c == 2
                && let Some(n) = i.row
            {
                ws.write_number(row, col(c), f64::from(n))?;
            } else {
                // Always as text: a value starting with "=" must stay text.
                ws.write_string(row, col(c), v)?;
            }
        }
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(5, 50)?;
    ws.set_column_width(6, 40)?;
    Ok(())
}

/// A column index for rust_xlsxwriter.
#[must_use]
pub fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Writes the data issues as a workbook of their own.
pub fn write_issues_xlsx(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    let mut wb = Workbook::new();
    add_issues_sheets(&mut wb, lang, issues).map_err(|e| write_error(path, e))?;
    save_workbook(&mut wb, path)
}

/// Writes the data issues as .xlsx or .csv, by the file's extension.
pub fn write_issues(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => write_issues_xlsx(path, lang, issues),
        Some("csv") => write_issues_csv(path, lang, issues),
        _ => Err(Error::Usage(format!(
            "--issues {}: expected a .xlsx or .csv file",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_continue_on_further_sheets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.xlsx");
        let items: Vec<u32> = (1..=7).collect();
        let mut wb = Workbook::new();
        long_list_per_sheet(
            &mut wb,
            "Danh sách",
            Lang::Vi,
            &items,
            3,
            |ws, chunk, before| {
                for (i, v) in chunk.iter().enumerate() {
                    ws.write_number(u32::try_from(i).unwrap(), 0, f64::from(*v))?;
                    ws.write_number(
                        u32::try_from(i).unwrap(),
                        1,
                        f64::from(u32::try_from(before).unwrap()),
                    )?;
                }
                Ok(())
            },
        )
        .unwrap();
        wb.save(&path).unwrap();
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(&path).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["Danh sách", "Danh sách (tiếp 2)", "Danh sách (tiếp 3)"]
        );
        let col0 = |name: &str, book: &mut calamine::Sheets<_>| -> Vec<String> {
            book.worksheet_range(name)
                .unwrap()
                .rows()
                .map(|r| r[0].to_string())
                .collect()
        };
        assert_eq!(col0("Danh sách", &mut book), ["1", "2", "3"]);
        assert_eq!(col0("Danh sách (tiếp 3)", &mut book), ["7"]);
    }
}
