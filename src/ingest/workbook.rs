//! Workbooks (.xlsx, .xlsm, .xls, .ods) through calamine.

use std::io::{Cursor, Read as _};
use std::path::Path;

use calamine::{Cell, Data, DataRef, Ods, Reader, Sheets, Xls, Xlsx, open_workbook_from_rs};

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

/// Reads an .xlsx sheet cell by cell: nothing is allocated for the empty
/// rows and columns a far-away cell spans.
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
    // Cells arrive row by row, left to right. A row number given again (a
    // second <row r="2">, or a cell left of the one before) starts a new
    // grid row with the same number and a note: both are read, neither
    // overwrites the other. Rows arriving out of order are gathered and
    // sorted (stably, so each row's cells keep their order) after the rest.
    let mut row: Vec<Cell<DataRef<'_>>> = Vec::new();
    let mut last: Option<u32> = None;
    let mut rest: Option<Vec<Cell<DataRef<'_>>>> = None;
    while let Some(cell) = reader.next_cell()? {
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
                push_cells(builder, l, &row);
                row.clear();
                // Blank rows between are rows too, as Excel shows them.
                for blank in l + 1..r {
                    builder.push_row(blank + 1, std::iter::empty());
                }
            }
            Some(l) if row.last().is_some_and(|p| p.get_position().1 >= c) => {
                push_cells(builder, l, &row);
                row.clear();
                note_repeated(builder);
            }
            _ => {}
        }
        last = Some(r);
        row.push(cell);
    }
    if let Some(l) = last {
        push_cells(builder, l, &row);
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
                note_repeated(builder);
            }
            push_cells(builder, r, &rest[start..k]);
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

/// Reads the sheets `wanted` accepts. Returns every sheet name and the sheets read.
pub(crate) fn read(
    path: &Path,
    bytes: Vec<u8>,
    file: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<(Vec<String>, Vec<RawSheet>)> {
    // calamine should return errors on malformed files; a panic deep inside a
    // parser must still end as a clear error naming the file, not a crash.
    // The panic is reported as that error, not printed as a crash.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_inner(path, bytes, file, wanted)
    }));
    std::panic::set_hook(hook);
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
    Ok((names, sheets))
}

/// An entry may inflate to this many times its packed size…
const MAX_INFLATION: u64 = 100;
/// …once it is over this size (small parts may be all repetition).
const INFLATION_CHECKED_FROM: u64 = 32 << 20;
/// No part of a workbook is read past this size.
const MAX_PART: u64 = 4 << 30;

/// What the package check found.
#[derive(Debug, Default)]
pub(crate) struct Package {
    /// The workbook was written by nhanluc (a report): not a roster.
    pub(crate) own_output: bool,
}

/// Checks a zip-packaged workbook (.xlsx, .xlsm, .ods) before it is parsed:
/// every part's declared and actual inflated size is bounded, so a small
/// file that inflates to gigabytes (a zip bomb or a damaged file) is refused
/// with its name instead of exhausting memory. Also tells whether the
/// workbook is one of the tool's own reports.
pub(crate) fn check_package(path: &Path, bytes: &[u8]) -> Result<Package> {
    let damaged = |message: String| Error::Workbook {
        path: path.to_path_buf(),
        message,
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a zip: calamine says what is wrong.
        return Ok(Package::default());
    };
    let mut package = Package::default();
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let packed = entry.compressed_size().max(1);
        let limit = MAX_PART.min(INFLATION_CHECKED_FROM.max(packed.saturating_mul(MAX_INFLATION)));
        let too_big = |size: u64| {
            damaged(format!(
                "part {name} inflates from {packed} bytes to {}{size} bytes, more than a workbook holds \
                 (limit {limit} bytes): the file is damaged or built to exhaust memory; open it in \
                 Excel and save it again",
                if size > limit { "over " } else { "" }
            ))
        };
        if entry.size() > limit {
            return Err(too_big(entry.size()));
        }
        // Declared sizes can lie: count what actually comes out.
        let wanted = name == "docProps/custom.xml" || name.ends_with("sharedStrings.xml");
        let mut head = Vec::new();
        let mut counter = (&mut entry).take(limit + 1);
        let inflated = if wanted {
            std::io::Read::read_to_end(&mut counter.by_ref().take(1 << 16), &mut head)
                .ok()
                .map(|n| n as u64)
                .unwrap_or(0)
                + std::io::copy(&mut counter, &mut std::io::sink()).unwrap_or(0)
        } else {
            std::io::copy(&mut counter, &mut std::io::sink()).unwrap_or(0)
        };
        if inflated > limit {
            return Err(too_big(inflated));
        }
        let head = String::from_utf8_lossy(&head);
        if name == "docProps/custom.xml" && head.contains(OWN_MARK) {
            package.own_output = true;
        }
        // The parser reserves room for the strings the table says it holds:
        // each takes at least `<si/>` (5 bytes) of the inflated part.
        if name.ends_with("sharedStrings.xml") {
            let key = "uniqueCount=\"";
            let declared = head.find(key).map_or(0, |at| {
                let digits: String = head[at + key.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                digits.parse::<u64>().unwrap_or(u64::MAX)
            });
            if declared > inflated / 5 + 1 {
                return Err(damaged(format!(
                    "part {name} says it holds {declared} texts but has room for at most {}: the file is damaged; open it in Excel and save it again",
                    inflated / 5 + 1
                )));
            }
        }
    }
    Ok(package)
}

/// The custom document property every nhanluc report carries.
pub const OWN_MARK: &str = "nhanluc_report";

/// The grid of an .xls (BIFF8) sheet: 65,536 rows by 256 columns (A–IV).
const XLS_ROWS: u32 = 65_536;
const XLS_COLUMNS: u32 = 256;

/// Checks an .xls workbook before it is parsed: every cell record must lie
/// in the sheet grid of the format. (The parser allocates the rectangle the
/// cells span; a damaged record naming column 65,535 would make it ask for
/// gigabytes and abort the process.)
pub(crate) fn check_xls(path: &Path, bytes: &[u8]) -> Result<()> {
    let Ok(mut cfb) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        // Not a compound file: the parser says what is wrong.
        return Ok(());
    };
    let mut stream = Vec::new();
    let opened = cfb
        .open_stream("/Workbook")
        .or_else(|_| cfb.open_stream("/Book"));
    let Ok(mut s) = opened else {
        return Ok(());
    };
    if s.read_to_end(&mut stream).is_err() {
        return Ok(());
    }
    let mut names: Vec<(u32, String)> = Vec::new();
    let mut sheet_at = 0u32;
    let mut pos = 0usize;
    while pos + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        let start = pos;
        let data = &stream[(pos + 4).min(stream.len())..(pos + 4 + len).min(stream.len())];
        pos += 4 + len;
        let u16_at = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        match kind {
            // BOUNDSHEET: where each sheet starts, and its name.
            0x0085 if data.len() >= 8 => {
                let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
                let n = usize::from(data[6]);
                let name = if data[7] & 1 == 0 {
                    data[8..].iter().take(n).map(|&b| char::from(b)).collect()
                } else {
                    let units: Vec<u16> = data[8..]
                        .chunks_exact(2)
                        .take(n)
                        .map(|p| u16::from_le_bytes([p[0], p[1]]))
                        .collect();
                    String::from_utf16_lossy(&units)
                };
                names.push((at, name));
            }
            // BOF: a sheet begins here.
            0x0809 => sheet_at = u32::try_from(start).unwrap_or(u32::MAX),
            // DIMENSIONS: the parser reserves room for the rectangle it declares.
            0x0200 => {
                let (first_row, end_row, first_col, end_col) = match data.len() {
                    10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
                    14 | 16 => {
                        let u32_at = |i: usize| {
                            data.get(i..i + 4)
                                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                        };
                        (u32_at(0), u32_at(4), u16_at(8), u16_at(10))
                    }
                    _ => continue,
                };
                let (Some(r0), Some(r1), Some(c0), Some(c1)) =
                    (first_row, end_row, first_col, end_col)
                else {
                    continue;
                };
                if r1 > XLS_ROWS || c1 > XLS_COLUMNS || r0 > r1 || c0 > c1 {
                    let sheet = sheet_label(&names, sheet_at);
                    return Err(Error::Workbook {
                        path: path.to_path_buf(),
                        message: format!(
                            "{sheet}the sheet declares rows {r0}–{r1} and columns {c0}–{c1}, outside the {XLS_ROWS} × {XLS_COLUMNS} grid of an .xls sheet: the file is damaged; open it in Excel and save it again"
                        ),
                    });
                }
            }
            // Cell records: row, column; MULRK and MULBLANK end with their last column.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x0201 | 0x00BD
            | 0x00BE => {
                let (Some(row), Some(first)) = (u16_at(0), u16_at(2)) else {
                    continue;
                };
                let last = if matches!(kind, 0x00BD | 0x00BE) {
                    data.len().checked_sub(2).and_then(u16_at).unwrap_or(first)
                } else {
                    first
                };
                if row >= XLS_ROWS || first.max(last) >= XLS_COLUMNS {
                    let sheet = sheet_label(&names, sheet_at);
                    return Err(Error::Workbook {
                        path: path.to_path_buf(),
                        message: format!(
                            "{sheet}a cell record at row {}, column {} lies outside the {XLS_ROWS} × {XLS_COLUMNS} grid of an .xls sheet: the file is damaged; open it in Excel and save it again",
                            row + 1,
                            first.max(last) + 1
                        ),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// "sheet \"Name\", " for the sheet whose BOF is at `at`, if known.
fn sheet_label(names: &[(u32, String)], at: u32) -> String {
    names
        .iter()
        .find(|(start, _)| *start == at)
        .map_or_else(String::new, |(_, n)| format!("sheet \"{n}\", "))
}
