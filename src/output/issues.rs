//! The data-issues list as CSV or workbook, and long lists split over sheets.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn issue_row(lang: Lang, i: &DataIssue) -> [String; 7] {
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

pub(super) fn issue_headers(lang: Lang) -> [&'static str; 7] {
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
    if !crate::ingest::is_text_file(path) {
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

/// Adds the data-issues sheet(s) to a workbook, continued on further sheets
/// past Excel's row limit; their rows go through `lists`.
pub fn add_issues_sheets(
    workbook: &mut Workbook,
    lists: &Lists,
    lang: Lang,
    issues: &[DataIssue],
) -> Result<(), XlsxError> {
    let mut sheets = IssueSheets::new(workbook, lang, issues.len())?;
    sheets.fill(lang, issues, lists)?;
    sheets.add_to(workbook);
    Ok(())
}

/// The data-issues sheets, filled on another thread while the other sheets
/// are written (the national plan lists 120,000 people past retirement age).
pub struct IssueSheets {
    sheets: Vec<Worksheet>,
    /// How many issues the sheets were made for.
    len: usize,
    formats: IssueFormats,
}

impl IssueSheets {
    /// The sheets `len` issues take.
    pub fn new(workbook: &mut Workbook, lang: Lang, len: usize) -> Result<Self, XlsxError> {
        // Indexed with the workbook's lists' (see `Lists::new`): the formats
        // are only read while the sheets are written.
        let formats = IssueFormats::new();
        let base = labels::get(lang).sheet_issues;
        Ok(Self {
            sheets: list_sheets(workbook, base, lang, len, per_sheet(1), false)?,
            len,
            formats,
        })
    }

    /// Writes the issues: what needs action first, then the notes; within
    /// each, file by file (a correction list per unit), in the order the
    /// rows were read.
    pub fn fill(
        &mut self,
        lang: Lang,
        issues: &[DataIssue],
        lists: &Lists,
    ) -> Result<(), XlsxError> {
        debug_assert_eq!(
            issues.len(),
            self.len,
            "the issues the sheets were made for"
        );
        let mut ordered: Vec<&DataIssue> = issues.iter().collect();
        ordered.sort_by_key(|i| !i.action.needs_action());
        let f = &self.formats;
        fill_list(&mut self.sheets, &ordered, per_sheet(1), |ws, chunk, _| {
            write_issue_rows(ws, lists, lang, chunk, f)
        })
    }

    /// Fills the sheets (see [`Self::fill`]) on a thread of their own while
    /// `meanwhile` writes the workbook's other sheets here.
    pub fn fill_while(
        &mut self,
        lang: Lang,
        issues: &[DataIssue],
        lists: &Lists,
        meanwhile: impl FnOnce() -> Result<(), XlsxError>,
    ) -> Result<(), XlsxError> {
        std::thread::scope(|s| {
            let filled = s.spawn(|| self.fill(lang, issues, lists));
            let written = meanwhile();
            let filled = filled
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            written.and(filled)
        })
    }

    /// Adds the sheets to the workbook, after those it has.
    pub fn add_to(self, workbook: &mut Workbook) {
        for ws in self.sheets {
            workbook.push_worksheet(ws);
        }
    }
}

/// Writes a list that may outgrow a sheet: constant-memory sheets named
/// `base`, then "base (tiếp 2)", … each holding what fits below `rows_above`
/// heading rows. `fill` gets the sheet, its part of the list and the number
/// of items on earlier sheets, writes the heading on the sheet and the rows
/// with [`Lists::write`], and returns the first row below them
/// ([`end_rows`]). Nothing is cut. The heading's texts go to the shared
/// strings (numbered as first written): fill on the thread writing the other
/// sheets, or two threads would vary the file's bytes.
pub fn long_list<T>(
    workbook: &mut Workbook,
    base: &str,
    lang: Lang,
    items: &[T],
    rows_above: usize,
    fill: impl FnMut(&mut Worksheet, &[T], usize) -> Result<u32, XlsxError>,
) -> Result<(), XlsxError> {
    long_list_per_sheet(workbook, base, lang, items, per_sheet(rows_above), fill)
}

/// The items a list sheet holds below `rows_above` heading rows: all of
/// Excel's rows but one, the row [`end_rows`] closes the sheet with.
#[must_use]
pub fn per_sheet(rows_above: usize) -> usize {
    EXCEL_MAX_ROWS - rows_above - 1
}

pub(super) fn long_list_per_sheet<T>(
    workbook: &mut Workbook,
    base: &str,
    lang: Lang,
    items: &[T],
    per_sheet: usize,
    fill: impl FnMut(&mut Worksheet, &[T], usize) -> Result<u32, XlsxError>,
) -> Result<(), XlsxError> {
    let mut sheets = list_sheets(workbook, base, lang, items.len(), per_sheet, true)?;
    fill_list(&mut sheets, items, per_sheet, fill)?;
    sheets
        .into_iter()
        .for_each(|ws| workbook.push_worksheet(ws));
    Ok(())
}

/// The constant-memory sheets of `len` items, `per_sheet` on each (one when
/// none), named, not in the workbook; `shared`: see [`long_list`].
fn list_sheets(
    workbook: &mut Workbook,
    base: &str,
    lang: Lang,
    len: usize,
    per_sheet: usize,
    shared: bool,
) -> Result<Vec<Worksheet>, XlsxError> {
    (0..len.div_ceil(per_sheet).max(1))
        .map(|k| {
            let mut ws = if shared {
                workbook.new_worksheet_with_low_memory()?
            } else {
                workbook.new_worksheet_with_constant_memory()?
            };
            if k == 0 {
                ws.set_name(base)?;
            } else {
                ws.set_name(format!(
                    "{base} ({} {})",
                    labels::get(lang).continued,
                    k + 1
                ))?;
            }
            Ok(ws)
        })
        .collect()
}

/// Fills the sheets of [`list_sheets`], `per_sheet` items on each.
fn fill_list<T>(
    sheets: &mut [Worksheet],
    items: &[T],
    per_sheet: usize,
    mut fill: impl FnMut(&mut Worksheet, &[T], usize) -> Result<u32, XlsxError>,
) -> Result<(), XlsxError> {
    for (k, ws) in sheets.iter_mut().enumerate() {
        let from = (k * per_sheet).min(items.len());
        let chunk = &items[from..(from + per_sheet).min(items.len())];
        let next = fill(ws, chunk, from)?;
        end_rows(ws, next)?;
    }
    Ok(())
}

/// The data-issues list's formats: Times New Roman, wrapped, top-aligned,
/// bordered, as printed; the header bold on grey.
pub(super) struct IssueFormats {
    head: Format,
    cell: Format,
    /// The severity of an issue that needs action: bold on light red.
    action: Format,
}

impl IssueFormats {
    /// Every format, in the order they are registered.
    pub(super) fn all(&self) -> [&Format; 3] {
        [&self.head, &self.cell, &self.action]
    }

    pub(super) fn new() -> Self {
        let cell = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(11)
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_border(rust_xlsxwriter::FormatBorder::Thin);
        Self {
            head: cell
                .clone()
                .set_bold()
                .set_background_color(rust_xlsxwriter::Color::RGB(0x00D9_D9D9)),
            action: cell
                .clone()
                .set_bold()
                .set_background_color(rust_xlsxwriter::Color::RGB(0x00FF_C7CE)),
            cell,
        }
    }
}

/// Writes the data issues on `ws`, a header row and one row each; returns
/// the first row below them.
pub(super) fn write_issue_rows(
    ws: &mut Worksheet,
    lists: &Lists,
    lang: Lang,
    issues: &[&DataIssue],
    f: &IssueFormats,
) -> Result<u32, XlsxError> {
    // Widths first: a constant-memory sheet sizes each row as it goes.
    // About 140 units fit across landscape A4 between the decree's margins.
    // The columns of the CSV list, then the severity beside what was done.
    let w = Widths::set(
        ws,
        &[
            (0, 22.0),
            (1, 12.0),
            (2, 6.0),
            (3, 14.0),
            (4, 20.0),
            (5, 38.0),
            (6, 28.0),
            (7, 10.0),
        ],
    )?;
    for (c, h) in issue_headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, col(c), *h, &f.head)?;
    }
    ws.write_string_with_format(0, 7, labels::severity_header(lang), &f.head)?;
    lists.write(&ws.name(), 1, issues, |rows, r, _, i| {
        let cells = issue_row(lang, i);
        let wrapped = [0, 1, 3, 4, 5, 6].map(|c| (col(c), cells[c].as_str()));
        rows.row(r, w.row_height(wrapped, 11.0))?;
        for (c, v) in cells.iter().enumerate() {
            if c == 2
                && let Some(n) = i.row
            {
                rows.number(col(c), f64::from(n), &f.cell)?;
            } else {
                // Always as text: a value starting with "=" must stay text.
                rows.text(col(c), v, &f.cell)?;
            }
        }
        let needs = i.action.needs_action();
        let severity = labels::severity(lang, needs);
        rows.text(7, severity, if needs { &f.action } else { &f.cell })
    })?;
    ws.set_freeze_panes(1, 0)?;
    if !issues.is_empty() {
        ws.autofilter(0, 0, row(issues.len()), col(7))?;
    }
    page_setup(ws, true, Some(0))?;
    Ok(row(issues.len()) + 1)
}

/// Ends a constant-memory sheet whose rows end above row `next`.
/// rust_xlsxwriter 0.102 writes the last row it holds twice when that row
/// has a height of its own (`<row r="110" ht="60.75">` with its cells, then
/// `<row r="110" ht="60.75"/>` again), and a sheet whose rows do not ascend
/// is one Excel offers to repair. An empty cell on row `next` (no format,
/// nothing shown or printed) becomes the last row held, with no height.
/// A list keeps that row free ([`per_sheet`]); a sheet whose rows reach
/// Excel's last one is left as it is.
pub fn end_rows(ws: &mut Worksheet, next: u32) -> Result<(), XlsxError> {
    if usize::try_from(next).is_ok_and(|n| n < EXCEL_MAX_ROWS) {
        ws.write_blank(next, 0, &Format::new())?;
    }
    Ok(())
}

/// Writes the data issues as a workbook of their own.
pub fn write_issues_xlsx(path: &Path, lang: Lang, issues: &[DataIssue]) -> Result<()> {
    let mut wb = own_workbook(None, None);
    let lists = Lists::new(&mut wb, &[]);
    add_issues_sheets(&mut wb, &lists, lang, issues).map_err(|e| write_error(path, e))?;
    save(
        &mut wb,
        path,
        Finish {
            document: false,
            lists: lists.into_rows(),
        },
    )
}

/// The format of an issues file, by its extension; checked before reading.
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
