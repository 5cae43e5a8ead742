//! Workbooks (.xlsx, .xlsm, .xls, .ods) through calamine.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsx, open_workbook_from_rs};

use super::{CellRef, RawSheet, RawValue, SheetBuilder};
use crate::error::{Error, Result};

type Book = Sheets<Cursor<Vec<u8>>>;

fn open(path: &Path, bytes: Vec<u8>) -> Result<Book> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let cursor = Cursor::new(bytes);
    let opened = match ext.as_str() {
        "xls" => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        "ods" => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
    };
    opened.map_err(|message| Error::Workbook {
        path: path.to_path_buf(),
        message,
    })
}

fn convert(cell: &Data) -> Option<CellRef<'_>> {
    let value = match cell {
        Data::Empty => return None,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            return Some(CellRef::Text(s));
        }
        #[allow(clippy::cast_precision_loss)]
        // ids beyond 2^53 are not typed as numbers in practice
        Data::Int(i) => RawValue::number(*i as f64),
        Data::Float(f) => RawValue::number(*f),
        Data::Bool(b) => RawValue::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime().filter(|_| dt.is_datetime()) {
            Some(d) => RawValue::Date(chrono::Datelike::num_days_from_ce(&d.date())),
            None => RawValue::number(dt.as_f64()),
        },
        Data::Error(e) => RawValue::Error(e.to_string().into()),
    };
    Some(CellRef::Value(value))
}

/// Reads the sheets `wanted` accepts. Returns every sheet name and the sheets read.
pub(crate) fn read(
    path: &Path,
    bytes: Vec<u8>,
    file: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<(Vec<String>, Vec<RawSheet>)> {
    // calamine should return errors on malformed files; a panic deep inside a
    // parser must still end as a clear error naming the file, not a crash.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_inner(path, bytes, file, wanted)
    }));
    result.unwrap_or_else(|_| {
        Err(Error::Workbook {
            path: path.to_path_buf(),
            message: "the workbook's structure is damaged".into(),
        })
    })
}

fn read_inner(
    path: &Path,
    bytes: Vec<u8>,
    file: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<(Vec<String>, Vec<RawSheet>)> {
    let mut book = open(path, bytes)?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    for name in names.iter().filter(|n| wanted(n)) {
        let range = book.worksheet_range(name).map_err(|e| Error::Workbook {
            path: path.to_path_buf(),
            message: format!("sheet \"{name}\": {e}"),
        })?;
        let mut builder = SheetBuilder::new();
        if let Some((row0, col0)) = range.start() {
            for (i, row) in range.rows().enumerate() {
                let excel_row = row0 + u32::try_from(i).unwrap_or(u32::MAX) + 1;
                builder.push_row(
                    excel_row,
                    row.iter()
                        .enumerate()
                        .filter_map(|(c, cell)| convert(cell).map(|v| (col0 as usize + c, v))),
                );
            }
        }
        sheets.push(builder.finish(file, name.clone()));
    }
    Ok((names, sheets))
}
