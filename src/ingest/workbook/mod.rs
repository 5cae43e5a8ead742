//! Workbooks (.xlsx, .xlsm, .xls, .ods) through calamine.

use std::io::Cursor;
use std::path::Path;

use calamine::{Cell, Data, DataRef, Ods, Reader, Sheets, Xls, Xlsx, open_workbook_from_rs};

mod check;

pub use check::OWN_MARK;
pub(crate) use check::{Package, check_package, check_xls};

use super::{CellRef, RawSheet, RawValue, SheetBuilder};
use crate::error::{Error, Result};

type Book = Sheets<Cursor<Shared>>;

/// A workbook's bytes, read by the parser and, beside it, by the check of
/// its worksheet parts and the digest.
#[derive(Clone)]
struct Shared(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn open(path: &Path, bytes: Shared) -> Result<Book> {
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
        Data::DateTime(dt) => date_value(dt),
        Data::Error(e) => RawValue::Error(e.to_string().into()),
    };
    Some(CellRef::Value(value))
}

/// Excel's dates run from serial 0 (1900-01-00) to 2,958,465 (9999-12-31).
const EXCEL_SERIALS: std::ops::Range<f64> = -1.0..2_958_466.0;

/// A date cell as a date; outside Excel's dates (a damaged or typed-over
/// cell) it stays a number, which the date column reports as unreadable.
fn date_value(dt: &calamine::ExcelDateTime) -> RawValue {
    let serial = dt.as_f64();
    if !dt.is_datetime() || !EXCEL_SERIALS.contains(&serial) {
        return RawValue::number(serial);
    }
    match dt.as_datetime() {
        Some(d) => RawValue::Date(chrono::Datelike::num_days_from_ce(&d.date())),
        None => RawValue::number(serial),
    }
}

fn convert_ref<'a>(cell: &'a DataRef<'a>) -> Option<CellRef<'a>> {
    let value = match cell {
        DataRef::Empty => return None,
        DataRef::SharedString(s) => return Some(CellRef::Text(s)),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            return Some(CellRef::Text(s));
        }
        #[allow(clippy::cast_precision_loss)]
        DataRef::Int(i) => RawValue::number(*i as f64),
        DataRef::Float(f) => RawValue::number(*f),
        DataRef::Bool(b) => RawValue::Bool(*b),
        DataRef::DateTime(dt) => date_value(dt),
        DataRef::Error(e) => RawValue::Error(e.to_string().into()),
    };
    Some(CellRef::Value(value))
}

/// What the cell reader hands the sheet builder.
enum Event<'a> {
    /// A grid row: its row number (from 0, as calamine counts) and its
    /// cells, left to right.
    Row(u32, Vec<Cell<DataRef<'a>>>),
    /// A row with nothing in it, numbered as Excel shows it.
    Blank(u32),
    /// The next grid row repeats the row number of the one before.
    Repeated,
}

/// Events sent to the builder at a time.
const BATCH: usize = 512;

/// Reads an .xlsx sheet cell by cell: nothing is allocated for the empty
/// rows and columns a far-away cell spans. The cells are parsed here and
/// built into the sheet on the other core (interning and storing them was
/// about a third of reading a 100,000-row government workbook).
fn xlsx_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    builder: &mut SheetBuilder,
) -> Result<(), calamine::XlsxError> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet holds no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(e) => return Err(e),
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Event<'_>>>(4);
    std::thread::scope(|s| {
        let built = s.spawn(move || {
            for batch in rx {
                for event in batch {
                    match event {
                        Event::Row(r, cells) => push_cells(builder, r, &cells),
                        Event::Blank(r) => builder.push_row(r, std::iter::empty()),
                        Event::Repeated => note_repeated(builder),
                    }
                }
            }
        });
        let mut batch = Vec::with_capacity(BATCH);
        let read = read_cells(
            || reader.next_cell(),
            |event| {
                batch.push(event);
                if batch.len() == BATCH {
                    // A builder gone (it panicked) is reported when joined.
                    let _ = tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
            },
        );
        let _ = tx.send(batch);
        drop(tx);
        built
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        read
    })
}

/// The events of a sheet's cells as `next` gives them. Cells arrive row by
/// row, left to right. A row number given again (a second <row r="2">, or a
/// cell left of the one before) starts a new grid row with the same number
/// and a note: both are read, neither overwrites the other. Rows arriving
/// out of order are gathered and sorted (stably, so each row's cells keep
/// their order) after the rest.
fn read_cells<'a>(
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, calamine::XlsxError>,
    mut emit: impl FnMut(Event<'a>),
) -> Result<(), calamine::XlsxError> {
    let mut row: Vec<Cell<DataRef<'_>>> = Vec::new();
    let mut last: Option<u32> = None;
    let mut rest: Option<Vec<Cell<DataRef<'_>>>> = None;
    while let Some(cell) = next()? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        if let Some(rest) = &mut rest {
            rest.push(cell);
            continue;
        }
        let (r, c) = cell.get_position();
        match last {
            Some(l) if r < l => {
                rest = Some(vec![cell]);
                continue;
            }
            Some(l) if r > l => {
                emit(Event::Row(l, std::mem::take(&mut row)));
                // Blank rows between are rows too, as Excel shows them.
                for blank in l + 1..r {
                    emit(Event::Blank(blank + 1));
                }
            }
            Some(l) if row.last().is_some_and(|p| p.get_position().1 >= c) => {
                emit(Event::Row(l, std::mem::take(&mut row)));
                emit(Event::Repeated);
            }
            _ => {}
        }
        last = Some(r);
        row.push(cell);
    }
    if let Some(l) = last {
        emit(Event::Row(l, row));
    }
    let Some(mut rest) = rest else {
        return Ok(());
    };
    rest.sort_by_key(|c| c.get_position().0);
    let mut start = 0;
    for k in 1..=rest.len() {
        let split = rest.get(k).is_none_or(|c| {
            let (p, q) = (rest[k - 1].get_position(), c.get_position());
            q.0 != p.0 || q.1 <= p.1
        });
        if split {
            let r = rest[start].get_position().0;
            if start > 0 && rest[start - 1].get_position().0 == r {
                emit(Event::Repeated);
            }
            emit(Event::Row(r, rest[start..k].to_vec()));
            start = k;
        }
    }
    Ok(())
}

/// Notes that the next grid row repeats the row number of the one before.
fn note_repeated(builder: &mut SheetBuilder) {
    let row = builder.rows();
    builder.notes.push(super::IngestNote {
        row,
        col: None,
        problem: crate::issues::Problem::RepeatedRowNumber,
    });
}

fn push_cells(builder: &mut SheetBuilder, row: u32, cells: &[Cell<DataRef<'_>>]) {
    builder.push_row(
        row.saturating_add(1),
        cells
            .iter()
            .filter_map(|c| convert_ref(c.get_value()).map(|v| (c.get_position().1 as usize, v))),
    );
}

/// A workbook read: every sheet name, the sheets read, the file's SHA-256.
pub(crate) struct Read {
    pub(crate) names: Vec<String>,
    pub(crate) sheets: Vec<RawSheet>,
    pub(crate) sha256: String,
}

/// Reads the sheets `wanted` accepts, `package` being what
/// [`check_package`] found (the default for an .xls).
pub(crate) fn read(
    path: &Path,
    bytes: Vec<u8>,
    package: &Package,
    file: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Read> {
    // calamine should return errors on malformed files; a panic deep inside a
    // parser must still end as a clear error naming the file, not a crash.
    // The panic is reported as that error, not printed as a crash.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_inner(path, bytes, package, file, wanted)
    }));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| {
        Err(Error::Workbook {
            path: path.to_path_buf(),
            message: "the workbook's structure is damaged".into(),
        })
    })
}

/// Opens the workbook while, on the other core, its worksheet parts are
/// counted (see [`check_package`]) and its digest made; a part found too
/// large is the error, before any sheet is read.
fn read_inner(
    path: &Path,
    bytes: Vec<u8>,
    package: &Package,
    file: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Read> {
    let bytes = Shared(std::sync::Arc::new(bytes));
    let (book, sha256) = rayon::join(
        || open(path, bytes.clone()),
        || {
            check::count_sheets(path, bytes.as_ref(), &package.sheets_to_count)?;
            Ok::<_, Error>(super::sha256_hex(bytes.as_ref()))
        },
    );
    let sha256 = sha256?;
    let mut book = book?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    for name in names.iter().filter(|n| wanted(n)) {
        let mut builder = SheetBuilder::new();
        let sheet_error = |e: &dyn std::fmt::Display| Error::Workbook {
            path: path.to_path_buf(),
            message: format!("sheet \"{name}\": {e}"),
        };
        if let Sheets::Xlsx(xlsx) = &mut book {
            xlsx_sheet(xlsx, name, &mut builder).map_err(|e| sheet_error(&e))?;
            sheets.push(builder.finish(file, name.clone()));
            continue;
        }
        let range = book.worksheet_range(name).map_err(|e| sheet_error(&e))?;
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
    Ok(Read {
        names,
        sheets,
        sha256,
    })
}
