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

/// Excel's row limit.
pub const EXCEL_MAX_ROWS: usize = 1_048_576;

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
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

/// Refuses to run when an output would overwrite an input, or two outputs
/// are one file: `inputs` are (path, what it is), `outputs` are (option,
/// path). Paths are compared as real files (links and hard links followed),
/// so `-o ./r.xlsx`, `-o link-to-r.xlsx` and `-o r.xlsx` are all `r.xlsx`.
pub fn refuse_overwrite(inputs: &[(&Path, &str)], outputs: &[(&'static str, &Path)]) -> Result<()> {
    use crate::ingest::FileId;
    let place = |p: &Path| resolve(p).ok();
    // One of our own outputs found among the inputs is never read (it is
    // passed over with a note), so writing it again destroys nothing.
    let out_ids: Vec<FileId> = outputs
        .iter()
        .filter_map(|(_, o)| FileId::of(o).ok())
        .collect();
    let mut taken: Vec<(Option<FileId>, Option<PathBuf>, String)> = Vec::new();
    for (p, what) in inputs {
        let id = FileId::of(p).ok();
        if id.as_ref().is_some_and(|i| out_ids.contains(i))
            && (crate::ingest::is_own_output(p) || is_issues_csv_file(p))
        {
            continue;
        }
        taken.push((id, place(p), format!("{what} {}", p.display())));
    }
    for (flag, out) in outputs {
        if out.is_dir() {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: "this is a folder, not a file".into(),
            });
        }
        // A device, pipe or socket (/dev/null, /dev/stdout) is not replaced
        // by a file: renaming over it would destroy it.
        if let Ok(meta) = std::fs::metadata(out)
            && !meta.is_file()
        {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: "this is not a regular file (a device, pipe or socket)".into(),
            });
        }
        let at = place(out);
        let id = at.as_deref().and_then(|a| FileId::of(a).ok());
        let clash = taken.iter().find(|(tid, tplace, _)| {
            (id.is_some() && *tid == id) || (at.is_some() && *tplace == at)
        });
        if let Some((_, _, what)) = clash {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: format!("this is the {what}"),
            });
        }
        taken.push((id, at, format!("output of {flag}")));
    }
    Ok(())
}

/// Where a path leads, as an absolute path without `.` or `..` and with
/// links resolved, also when its last parts do not exist yet: the longest
/// existing ancestor is resolved by the file system, the rest by name
/// (`nodir/../r.csv` is `r.csv`, whether `nodir` exists or not).
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let absolute = std::path::absolute(path)?;
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    let mut real = loop {
        match std::fs::canonicalize(base) {
            Ok(r) => break r,
            Err(_) => {
                let Some(parent) = base.parent() else {
                    break PathBuf::from("/");
                };
                if let Some(name) = base.file_name() {
                    rest.push(name.to_os_string());
                } else {
                    // `..` or `.` at the end: resolved below by name.
                    rest.push(
                        base.components()
                            .next_back()
                            .map_or_else(std::ffi::OsString::new, |c| c.as_os_str().to_os_string()),
                    );
                }
                base = parent;
            }
        }
    };
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                real.pop();
            }
            Some(Component::CurDir) | None => {}
            Some(_) => {
                real.push(part);
                // A link among the new parts: follow it where it exists.
                if let Ok(r) = std::fs::canonicalize(&real) {
                    real = r;
                }
            }
        }
    }
    Ok(real)
}

/// What every temporary file of ours ends with.
const TMP_SUFFIX: &str = ".nhanluc.tmp";

/// The folder a path's file lives in.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `path` safely: `write` fills a new temporary file created
/// exclusively (never through an existing name or link) in the same folder;
/// the file is synced, then renamed over `path`, and the folder synced. An
/// existing file is only ever replaced by a complete one; on failure the
/// temporary file is removed. Temporary files left by a killed run of ours
/// for the same output are removed first.
pub fn atomically(path: &Path, write: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(&dir).map_err(|e| write_error(path, e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let prefix = format!(".{name}.{}.", std::process::id());
    remove_stale(&dir, name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TMP_SUFFIX);
    // Created readable as any new file would be (the umask applies), not
    // private to the owner as temporary files are.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| write_error(path, e))?;
    // On failure `tmp` is dropped, which removes the file.
    write(tmp.as_file_mut())?;
    // A file replaced keeps its permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.as_file().sync_all().map_err(|e| write_error(path, e))?;
    tmp.persist(path).map_err(|e| write_error(path, e.error))?;
    // Make the rename itself durable (not possible on every platform).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes our temporary files for output `name` in `dir` whose run is over:
/// the process that made them is gone, or they are over a day old.
fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let head = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = n
            .strip_prefix(&head)
            .and_then(|rest| rest.strip_suffix(TMP_SUFFIX))
        else {
            continue;
        };
        // Regular files only (a planted link is not ours to follow or remove).
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let pid = middle.split('.').next().and_then(|p| p.parse::<u32>().ok());
        let gone = pid.is_some_and(|p| {
            p != std::process::id()
                && Path::new("/proc/self").exists()
                && !Path::new(&format!("/proc/{p}")).exists()
        });
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 24 * 3600);
        if gone || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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

pub use crate::ingest::EXCEL_MAX_CHARS;

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

/// True when `bytes` are an issues list this tool wrote (its BOM and header
/// line, in either language): such a file is never read as a roster.
#[must_use]
pub fn is_issues_csv(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") else {
        return false;
    };
    let line = rest.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    [Lang::Vi, Lang::En]
        .iter()
        .any(|l| line == issue_headers(*l).join(",").as_bytes())
}

/// True when the file at `path` is a delimited-text issues list this tool
/// wrote (read as far as its first line).
#[must_use]
pub fn is_issues_csv_file(path: &Path) -> bool {
    use std::io::Read;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("csv" | "tsv" | "txt")) {
        return false;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok_and(|_| is_issues_csv(&head))
}

/// Writes the data issues as CSV (UTF-8 with BOM, so Excel shows Vietnamese right).
pub fn write_issues_csv(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    atomically(path, |file| {
        let err = |e: &dyn std::fmt::Display| write_error(path, e);
        let mut buf = std::io::BufWriter::new(file);
        std::io::Write::write_all(&mut buf, b"\xEF\xBB\xBF").map_err(|e| err(&e))?;
        let mut w = csv::Writer::from_writer(buf);
        w.write_record(issue_headers(lang)).map_err(|e| err(&e))?;
        for i in issues {
            let row = issue_row(lang, i);
            w.write_record(row.iter().map(|v| csv_text(v).into_owned()))
                .map_err(|e| err(&e))?;
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
                text(ws, row, col(c), v)?;
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
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_custom_property(crate::ingest::OWN_MARK, env!("CARGO_PKG_VERSION")),
    );
    add_issues_sheets(&mut wb, lang, issues).map_err(|e| write_error(path, e))?;
    save_workbook(&mut wb, path)
}

/// The format of an issues file, by its extension; checked before anything
/// is read.
pub fn issues_format(path: &Path) -> Result<&'static str> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => Ok("xlsx"),
        Some("csv") => Ok("csv"),
        _ => Err(Error::Usage(format!(
            "--issues {}: expected a .xlsx or .csv file",
            path.display()
        ))),
    }
}

/// Writes the data issues as .xlsx or .csv, by the file's extension.
pub fn write_issues(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    match issues_format(path)? {
        "xlsx" => write_issues_xlsx(path, lang, issues),
        _ => write_issues_csv(path, lang, issues),
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
