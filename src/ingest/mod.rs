//! Stage 1, files → raw sheets.
//!
//! Lists the roster files under the given paths (folders in sorted order),
//! reads every sheet of every workbook and every delimited text file into a
//! [`RawSheet`]: a grid of untyped cell values with the row numbers Excel
//! shows. Cells are interned per column, so later stages read and clean each
//! distinct value once, not once per cell. Legacy-encoded sheets (TCVN3, VNI)
//! are detected and converted here, before anything looks at their text.

mod delimited;
mod digest;
mod files;
mod sheet;
mod workbook;

pub use digest::LaterDigest;
pub use files::{FileId, Listing, PassedOver, is_text_file, list_files};
pub(crate) use sheet::{CellRef, SheetBuilder};
pub use sheet::{IngestNote, LineAccount, RawColumn, RawSheet, RawValue, format_number};
pub use workbook::OWN_MARK;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

use crate::text;
use files::extension;

/// File extensions read as workbooks.
const WORKBOOK_EXT: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];
/// File extensions read as delimited text.
const TEXT_EXT: [&str; 3] = ["csv", "tsv", "txt"];

/// What a file turned out to be.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path as found.
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Text encoding, for delimited files.
    pub text_encoding: Option<&'static str>,
    /// Delimiter, for delimited files.
    pub delimiter: Option<char>,
    /// Sheet names the file holds (all of them, before `--sheet`).
    pub sheet_names: Vec<String>,
    /// How its lines were read, for delimited files.
    pub lines: Option<LineAccount>,
}

/// Everything read from the inputs.
#[derive(Debug)]
pub struct RawInput {
    /// The files, in reading order.
    pub files: Vec<InputFile>,
    /// The sheets, in reading order.
    pub sheets: Vec<RawSheet>,
}

/// What reading one file gave.
#[derive(Debug)]
pub enum FileRead {
    /// The file and its sheets.
    Read(InputFile, Vec<RawSheet>),
    /// One of the tool's own outputs (a report, an issues list): not read.
    OwnOutput,
}

impl FileRead {
    /// The sheets read (none for the tool's own output).
    #[must_use]
    pub fn into_sheets(self) -> Vec<RawSheet> {
        match self {
            FileRead::Read(_, sheets) => sheets,
            FileRead::OwnOutput => Vec::new(),
        }
    }
}

/// Excel's limit on the characters of one cell.
pub const EXCEL_MAX_CHARS: usize = 32_767;

/// True when the file at `path` is a workbook the tool wrote (a report or an
/// issues workbook). Its issues CSV is recognised by the writer
/// ([`crate::output::is_issues_csv_file`]), which knows its header.
#[must_use]
pub fn is_own_output(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    match extension(path).as_deref() {
        Some("xlsx") => workbook::check_package(path, &bytes, false).is_ok_and(|p| p.own_output),
        _ => false,
    }
}

/// Reads one file into its sheets. `sheet_filter` keeps only sheets with that
/// name (compared on the folded key).
pub fn read_file(path: &Path, index: usize, sheet_filter: Option<&str>) -> Result<FileRead> {
    let (mut read, later) = read_file_digest_later(path, index, sheet_filter)?;
    if let (FileRead::Read(file, _), Some(later)) = (&mut read, later) {
        file.sha256 = later.finish()?;
    }
    Ok(read)
}

/// [`read_file`], with a large delimited file's digest still being
/// computed (its [`InputFile::sha256`] empty until
/// [`LaterDigest::finish`] gives it): the digest is then left to the idle
/// moments of the stages after reading.
pub fn read_file_digest_later(
    path: &Path,
    index: usize,
    sheet_filter: Option<&str>,
) -> Result<(FileRead, Option<LaterDigest>)> {
    let ext = extension(path).unwrap_or_default();
    let wanted = |name: &str| sheet_filter.is_none_or(|f| text::fold(f) == text::fold(name));
    let text_file = TEXT_EXT.contains(&ext.as_str());
    if text_file && let Some(read) = delimited::read_in_parts_from_disk(path, ext == "tsv") {
        return Ok(delimited_file(path, index, read, &wanted));
    }
    let done = |read| (read, None);
    let bytes = read_bytes(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if WORKBOOK_EXT.contains(&ext.as_str()) {
        let package = if ext == "xls" {
            workbook::check_xls(path, &bytes)?;
            workbook::Package::default()
        } else {
            let package = workbook::check_package(path, &bytes, ext != "ods")?;
            if package.own_output {
                return Ok(done(FileRead::OwnOutput));
            }
            package
        };
        let read = workbook::read(path, bytes, &package, index, &wanted)?;
        let file = InputFile {
            path: path.to_path_buf(),
            sha256: read.sha256,
            text_encoding: None,
            delimiter: None,
            sheet_names: read.names,
            lines: None,
        };
        Ok(done(FileRead::Read(file, read.sheets)))
    } else if text_file {
        let read = delimited::read(bytes, ext == "tsv");
        Ok(delimited_file(path, index, read, &wanted))
    } else {
        Err(Error::Workbook {
            path: path.to_path_buf(),
            message: format!(
                "unsupported file type; expected one of {}, {}",
                WORKBOOK_EXT.join(", "),
                TEXT_EXT.join(", ")
            ),
        })
    }
}

/// The sheet of a delimited text file (none when `wanted` leaves it out),
/// and its digest when still being computed.
fn delimited_file(
    path: &Path,
    index: usize,
    read: delimited::Delimited,
    wanted: &dyn Fn(&str) -> bool,
) -> (FileRead, Option<LaterDigest>) {
    let name = path
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let sheets = if wanted(&name) {
        vec![read.builder.finish(index, name.clone())]
    } else {
        Vec::new()
    };
    let (sha256, later) = match read.sha256 {
        delimited::Sha::Done(hex) => (hex, None),
        delimited::Sha::Later(later) => (String::new(), Some(later)),
    };
    let file = InputFile {
        path: path.to_path_buf(),
        sha256,
        text_encoding: Some(read.encoding),
        delimiter: Some(read.delimiter),
        sheet_names: vec![name],
        lines: Some(read.lines),
    };
    (FileRead::Read(file, sheets), later)
}

/// Files from this size are read in two halves side by side.
const HALVES_FROM: u64 = 32 << 20;

/// A file's bytes. A large file is read in two halves side by side, from one
/// handle: copying from the page cache and touching each new page of the
/// buffer are the work, and they share out over both cores (454 MB: 0.28–0.35
/// s on one core, 0.15–0.19 s on two). Workbooks, and text files that cannot
/// be read from the disk in parts (`delimited::read_in_parts_from_disk`).
fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    read_bytes_from(path, HALVES_FROM)
}

/// [`read_bytes`], in halves from `halves_from` bytes. Anything the halves
/// cannot do (a file that changed size while it was read, a size that
/// cannot be held, another system) is read as `fs::read` reads it, with its
/// errors.
fn read_bytes_from(path: &Path, halves_from: u64) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        let file = std::fs::File::open(path)?;
        if let Ok(meta) = file.metadata()
            && meta.len() >= halves_from
            && let Some(bytes) = halves(&file, meta.len())
        {
            return Ok(bytes);
        }
    }
    std::fs::read(path)
}

/// The file's bytes read in two halves side by side; `None` when they are
/// not its `size` bytes (it shrank or grew) or cannot be held.
#[cfg(unix)]
fn halves(file: &std::fs::File, size: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let len = usize::try_from(size).ok()?;
    // An allocation that cannot be made is left to `fs::read`, which says
    // so (`vec!` would abort).
    Vec::<u8>::new().try_reserve_exact(len).ok()?;
    let mid = len / 2;
    // Zeroed by the allocator: pages are touched first by the reads.
    let mut bytes = vec![0u8; len];
    let (head, tail) = bytes.split_at_mut(mid);
    let (a, b) = rayon::join(
        || file.read_exact_at(head, 0),
        || file.read_exact_at(tail, mid as u64),
    );
    // Nothing past the size it had: the file did not grow.
    let grew = file.read_at(&mut [0u8; 1], size).ok()? > 0;
    (a.is_ok() && b.is_ok() && !grew).then_some(bytes)
}

/// A path as outputs show it: as given when relative and inside the working
/// folder ("rosters/01.xlsx"), else its file name only — no absolute path
/// of the user's machine goes into a report, a data-issues list or JSON.
/// Files are told apart by their SHA-256 beside the name.
#[must_use]
pub fn shown_path(path: &Path) -> String {
    use std::path::Component;
    let inside = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        path.display().to_string()
    } else {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// SHA-256 of some bytes, as lowercase hex.
#[must_use]
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// Bytes as lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_interns_and_pads() {
        let mut b = SheetBuilder::new();
        b.push_row(
            1,
            [
                (0, CellRef::Text("a")),
                (2, CellRef::Value(RawValue::number(1.0))),
            ],
        );
        b.push_row(2, [(0, CellRef::Text("a"))]);
        b.push_row(5, [(1, CellRef::Text("  "))]);
        let s = b.finish(0, "S".into());
        assert_eq!(s.len(), 3);
        assert_eq!(s.excel_rows, vec![1, 2, 5]);
        assert_eq!(s.columns[0].values().len(), 1);
        assert_eq!(s.cell_text(1, 0), "a");
        assert_eq!(s.cell_text(0, 2), "1");
        assert!(s.row_is_blank(2), "a cell of spaces is empty");
    }

    #[test]
    fn numbers_display_like_a_spreadsheet() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1_234_567_890.0), "1234567890");
    }

    #[test]
    fn a_file_read_in_halves_is_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0usize, 1, 2, 3, 4097, 100_003] {
            let path = dir.path().join(format!("f{len}"));
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            for from in [0, 1, u64::MAX] {
                assert_eq!(read_bytes_from(&path, from).unwrap(), bytes, "{len} {from}");
            }
        }
    }
}
