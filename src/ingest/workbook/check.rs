//! Checks of a workbook's bytes before it is parsed: zip parts bounded (and
//! the tool's own reports recognised), .xls cell records inside the grid.

use std::io::{Cursor, Read as _};
use std::path::Path;

use crate::error::{Error, Result};

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
    /// The worksheet parts whose inflated size is still to be counted (see
    /// [`check_package`]), as indexes in the zip.
    pub(crate) sheets_to_count: Vec<usize>,
}

/// Checks a zip-packaged workbook (.xlsx, .xlsm, .ods) before it is parsed:
/// every part's declared and actual inflated size is bounded, so a small
/// file that inflates to gigabytes (a zip bomb or a damaged file) is refused
/// with its name instead of exhausting memory. Also tells whether the
/// workbook is one of the tool's own reports.
///
/// With `sheets_later`, an .xlsx's worksheet parts (`xl/worksheets/`) have
/// only their declared sizes checked here: what they inflate to is counted
/// by [`count_sheets`] beside the opening of the workbook, which reads every
/// other part but none of them, and before any sheet is parsed. The
/// 100,000-row bench workbook's sheet inflates to 52 MB, counted in about
/// 60 ms that the opening (its shared strings parsed on one core) now hides.
pub(crate) fn check_package(path: &Path, bytes: &[u8], sheets_later: bool) -> Result<Package> {
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
        let packed = entry.compressed_size();
        if entry.size() > part_limit(packed) {
            return Err(too_big(path, &name, packed, entry.size()));
        }
        if sheets_later && name.starts_with("xl/worksheets/") {
            package.sheets_to_count.push(i);
            continue;
        }
        let wanted = name == "docProps/custom.xml" || name.ends_with("sharedStrings.xml");
        let mut head = Vec::new();
        let inflated = count_part(path, &name, &mut entry, wanted.then_some(&mut head))?;
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
                return Err(damaged(
                    path,
                    format!(
                        "part {name} says it holds {declared} texts but has room for at most {}: the file is damaged; open it in Excel and save it again",
                        inflated / 5 + 1
                    ),
                ));
            }
        }
    }
    Ok(package)
}

/// Counts what the worksheet parts [`check_package`] left (`parts`, indexes
/// in the zip) inflate to, refusing the workbook as it does.
pub(crate) fn count_sheets(path: &Path, bytes: &[u8], parts: &[usize]) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for &i in parts {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        count_part(path, &name, &mut entry, None)?;
    }
    Ok(())
}

/// What a part inflates to (declared sizes can lie: what actually comes
/// out is counted), refused past its limit; its first 64 kB kept in `head`
/// when asked for.
fn count_part<R: std::io::Read>(
    path: &Path,
    name: &str,
    entry: &mut zip::read::ZipFile<'_, R>,
    head: Option<&mut Vec<u8>>,
) -> Result<u64> {
    let packed = entry.compressed_size();
    let limit = part_limit(packed);
    let mut counter = entry.take(limit + 1);
    let kept = head.map_or(0, |head| {
        std::io::Read::read_to_end(&mut counter.by_ref().take(1 << 16), head)
            .ok()
            .map_or(0, |n| n as u64)
    });
    let inflated = kept + std::io::copy(&mut counter, &mut std::io::sink()).unwrap_or(0);
    if inflated > limit {
        return Err(too_big(path, name, packed, inflated));
    }
    Ok(inflated)
}

/// The size a part of `packed` bytes may inflate to.
fn part_limit(packed: u64) -> u64 {
    MAX_PART.min(INFLATION_CHECKED_FROM.max(packed.max(1).saturating_mul(MAX_INFLATION)))
}

fn damaged(path: &Path, message: String) -> Error {
    Error::Workbook {
        path: path.to_path_buf(),
        message,
    }
}

/// A part of `packed` bytes that inflates past its limit (to `size`).
fn too_big(path: &Path, name: &str, packed: u64, size: u64) -> Error {
    let packed = packed.max(1);
    let limit = part_limit(packed);
    damaged(
        path,
        format!(
            "part {name} inflates from {packed} bytes to {}{size} bytes, more than a workbook holds \
             (limit {limit} bytes): the file is damaged or built to exhaust memory; open it in \
             Excel and save it again",
            if size > limit { "over " } else { "" }
        ),
    )
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
    let Some(stream) = workbook_stream(bytes) else {
        return Ok(());
    };
    let mut names: Vec<(u32, String)> = Vec::new();
    let mut sheet_at = 0u32;
    let mut pos = 0usize;
    while pos + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        let start = pos;
        let data = &stream[(pos + 4).min(stream.len())..(pos + 4 + len).min(stream.len())];
        pos += 4 + len;
        let outside = match kind {
            // BOUNDSHEET: where each sheet starts, and its name.
            0x0085 if data.len() >= 8 => {
                names.push(boundsheet(data));
                None
            }
            // BOF: a sheet begins here.
            0x0809 => {
                sheet_at = u32::try_from(start).unwrap_or(u32::MAX);
                None
            }
            // DIMENSIONS: the parser reserves room for the rectangle it declares.
            0x0200 => dimensions_outside(data),
            // Cell records: row, column; MULRK and MULBLANK end with their last column.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x0201 | 0x00BD
            | 0x00BE => cell_outside(kind, data),
            _ => None,
        };
        if let Some(message) = outside {
            let sheet = sheet_label(&names, sheet_at);
            return Err(Error::Workbook {
                path: path.to_path_buf(),
                message: format!("{sheet}{message}"),
            });
        }
    }
    Ok(())
}

/// The workbook stream of an .xls compound file; `None` when the file is
/// not one or has none (the parser then says what is wrong).
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut stream = Vec::new();
    let mut s = cfb
        .open_stream("/Workbook")
        .or_else(|_| cfb.open_stream("/Book"))
        .ok()?;
    s.read_to_end(&mut stream).ok()?;
    Some(stream)
}

/// The little-endian 16-bit number at `i` of a record's data.
fn u16_at(data: &[u8], i: usize) -> Option<u32> {
    data.get(i..i + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

/// A BOUNDSHEET record (at least 8 bytes): where its sheet starts, and its name.
fn boundsheet(data: &[u8]) -> (u32, String) {
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
    (at, name)
}

/// What is wrong with a DIMENSIONS record declaring a rectangle outside the
/// .xls grid, if it does.
fn dimensions_outside(data: &[u8]) -> Option<String> {
    let (first_row, end_row, first_col, end_col) = match data.len() {
        10 => (
            u16_at(data, 0),
            u16_at(data, 2),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => {
            let u32_at = |i: usize| {
                data.get(i..i + 4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            };
            (u32_at(0), u32_at(4), u16_at(data, 8), u16_at(data, 10))
        }
        _ => return None,
    };
    let (Some(r0), Some(r1), Some(c0), Some(c1)) = (first_row, end_row, first_col, end_col) else {
        return None;
    };
    (r1 > XLS_ROWS || c1 > XLS_COLUMNS || r0 > r1 || c0 > c1).then(|| {
        format!(
            "the sheet declares rows {r0}–{r1} and columns {c0}–{c1}, outside the {XLS_ROWS} × {XLS_COLUMNS} grid of an .xls sheet: the file is damaged; open it in Excel and save it again"
        )
    })
}

/// What is wrong with a cell record (of `kind`) lying outside the .xls grid,
/// if it does.
fn cell_outside(kind: u16, data: &[u8]) -> Option<String> {
    let (row, first) = (u16_at(data, 0)?, u16_at(data, 2)?);
    let last = if matches!(kind, 0x00BD | 0x00BE) {
        data.len()
            .checked_sub(2)
            .and_then(|i| u16_at(data, i))
            .unwrap_or(first)
    } else {
        first
    };
    (row >= XLS_ROWS || first.max(last) >= XLS_COLUMNS).then(|| {
        format!(
            "a cell record at row {}, column {} lies outside the {XLS_ROWS} × {XLS_COLUMNS} grid of an .xls sheet: the file is damaged; open it in Excel and save it again",
            row + 1,
            first.max(last) + 1
        )
    })
}

/// "sheet \"Name\", " for the sheet whose BOF is at `at`, if known.
fn sheet_label(names: &[(u32, String)], at: u32) -> String {
    names
        .iter()
        .find(|(start, _)| *start == at)
        .map_or_else(String::new, |(_, n)| format!("sheet \"{n}\", "))
}
