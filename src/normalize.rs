//! Stage 2, raw sheets → the clean staff table plus data issues.
//!
//! Each sheet's layout is detected ([`crate::layout`]), every row below the
//! header is classified, and every staff row becomes a [`StaffRecord`] or is
//! set aside with its reason. Values are parsed once per distinct value per
//! column. Then people are identified across all sheets: the same person in
//! the same post twice is a duplicate (the later row is set aside); the same
//! person in different posts is one person with several postings (kiêm nhiệm).
//!
//! Invariant, per sheet: `read = staff + set_aside + non_staff`.

mod cells;
mod context;
mod people;
mod redact;
mod row;
mod units;

pub use context::{CommuneTitles, UnitSource};
pub use redact::redact;
pub use units::level_from_unit_name;

#[allow(clippy::wildcard_imports)]
use cells::*;
#[allow(clippy::wildcard_imports)]
use row::*;
#[allow(clippy::wildcard_imports)]
use units::*;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::dates::{self, DateRead, PartialDate, Precision};
use crate::error::{Error, Result};
use crate::ingest::{RawInput, RawSheet, RawValue};
use crate::issues::{Action, DataIssue, Problem};
use crate::layout::{self, Layout, RowKind};
use crate::legacy::Encoding;
use crate::roster::{
    Loaded, Private, Roster, RowCounts, SheetReport, SheetStatus, Source, StaffRecord, Text, Texts,
    Unit,
};
use crate::scales::{self, Category, CategoryCell, Education, EducationCell, Gender, GovLevel};
use crate::schema::{Field, HeaderMatcher};
use crate::text::fold;

/// Settings for the stage.
#[derive(Debug)]
pub struct Options<'a> {
    /// Header names.
    pub matcher: &'a HeaderMatcher,
    /// Commune titles, for the category of rows that give none.
    pub titles: &'a CommuneTitles,
    /// The as-of date: birth dates after it are implausible.
    pub as_of: NaiveDate,
}

/// Collects the issues of one row and decides whether it is set aside.
struct RowIssues<'a> {
    file: &'a Arc<str>,
    sheet: &'a Arc<str>,
    row: u32,
    out: &'a mut Vec<DataIssue>,
    set_aside: bool,
}

impl RowIssues<'_> {
    fn push(&mut self, column: &str, value: String, problem: Problem, action: Action) {
        if action == Action::SetAside {
            self.set_aside = true;
        }
        self.out.push(DataIssue {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(self.row),
            column: column.to_string(),
            value,
            problem,
            action,
        });
    }
}

/// What the rows build besides their records: the units and the texts.
#[derive(Default)]
struct Tables {
    units: UnitRegistry,
    texts: Texts,
}

/// Notes every text too long for an Excel cell: the report cuts it.
fn overlong_cells(
    sheet: &crate::ingest::RawSheet,
    layout: &layout::Layout,
    file: &Arc<str>,
    name: &Arc<str>,
    issues: &mut Vec<DataIssue>,
) {
    for (r, c, chars) in sheet.overlong_cells() {
        let column = Some(layout.header_of(c))
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| crate::text::column_letter(c));
        let text = sheet.cell_text(r, c);
        issues.push(DataIssue {
            file: file.clone(),
            sheet: name.clone(),
            row: Some(sheet.excel_rows[r]),
            column,
            value: text.chars().take(200).chain(['…']).collect(),
            problem: Problem::TooLongForExcel { chars },
            action: Action::Kept,
        });
    }
}

/// Runs the stage over every sheet read.
pub fn normalize(raw: RawInput, opts: &Options<'_>) -> Result<Loaded> {
    let mut sheets = Vec::new();
    let mut issues = Vec::new();
    // Sized once (rows read bound the staff rows): growing by doubling would
    // hold up to twice the records at national size.
    let mut records = Vec::with_capacity(raw.sheets.iter().map(RawSheet::len).sum());
    let mut tables = Tables::default();
    for sheet in &raw.sheets {
        let index = u32::try_from(sheets.len()).unwrap_or(u32::MAX);
        let out = Out {
            tables: &mut tables,
            issues: &mut issues,
            records: &mut records,
        };
        sheets.push(read_sheet(&raw, sheet, index, opts, out)?);
    }
    // The raw cells are not needed any more: freed before the people pass.
    drop(raw.sheets);
    crate::progress::timings::stage("clean");
    crate::progress::now("people");
    let mut roster = Roster {
        records,
        texts: tables.texts,
        units: tables.units.units,
        people: 0,
    };
    people::identify(&mut roster, &mut sheets, &mut issues);
    crate::progress::timings::stage("people");
    Ok(Loaded {
        files: raw.files,
        sheets,
        roster,
        issues,
        redacted: false,
    })
}

/// Where the rows of the sheets go: the units and texts they build, their
/// data issues, and the staff records.
struct Out<'a> {
    tables: &'a mut Tables,
    issues: &'a mut Vec<DataIssue>,
    records: &'a mut Vec<StaffRecord>,
}

/// Reads one sheet: its layout, columns and context, then every row below
/// the header to where it goes. Returns the sheet's account.
fn read_sheet(
    raw: &RawInput,
    sheet: &RawSheet,
    index: u32,
    opts: &Options<'_>,
    out: Out<'_>,
) -> Result<SheetReport> {
    let file_name: Arc<str> = crate::output::shown_path(&raw.files[sheet.file].path).into();
    let name: Arc<str> = sheet.name.as_str().into();
    let mut report = SheetReport {
        file: sheet.file,
        file_name: file_name.clone(),
        name: name.clone(),
        name_header: String::new(),
        private: Vec::new(),
        status: SheetStatus::Skipped,
        encoding: sheet.encoding,
        rows: RowCounts::default(),
    };
    let issues = out.issues;
    let Some((layout, cols)) = layout_and_columns(raw, sheet, opts, &mut out.tables.texts, issues)?
    else {
        return Ok(report);
    };
    report.name_header.clone_from(&cols.name.header);
    report.private = [(Some(&cols.name), Private::Name)]
        .into_iter()
        .chain([(cols.family_name.as_ref(), Private::Name)])
        .filter_map(|(c, p)| Some((c?.header.clone(), p)))
        .chain(
            cols.national_id
                .iter()
                .map(|c| (c.header.clone(), Private::Id)),
        )
        .collect();
    report.status = SheetStatus::Read {
        header_row: sheet.excel_rows[layout.header_row],
        header_rows: layout.header_rows,
        number_row: layout.number_row.map(|r| sheet.excel_rows[r]),
        ignored_columns: layout.unrecognised.clone(),
    };
    overlong_cells(sheet, &layout, &file_name, &name, issues);
    out.tables.units.new_sheet();
    let kinds = layout::classify(sheet, &layout);
    let (headings, sheet_unit) = sheet_context(
        raw, sheet, &layout, &cols, &kinds, opts, &file_name, &name, issues,
    )?;
    // With unit headings too, the sheet's unit is noted where first used.
    let sheet_unit_noted = sheet_unit.is_none() || !headings.values().any(|h| h.unit.is_some());
    let mut rows = SheetRows {
        sheet,
        index,
        cols: &cols,
        opts,
        file: &file_name,
        name: &name,
        headings,
        sheet_unit,
        heading_unit: None,
        heading_category: None,
        sheet_unit_noted,
    };
    for (i, kind) in kinds.into_iter().enumerate() {
        report.rows.read += 1;
        match rows.fate(layout.body_start + i, kind, out.tables, issues) {
            Fate::Staff(rec) => {
                report.rows.staff += 1;
                out.records.push(rec);
            }
            Fate::SetAside => report.rows.set_aside += 1,
            Fate::NotStaff(kind) => report.rows.count_non_staff(kind),
        }
    }
    Ok(report)
}

/// A sheet's layout and parsed columns (`None`, noted, when it has no
/// roster header); notes its legacy encoding and what reading it found.
fn layout_and_columns(
    raw: &RawInput,
    sheet: &RawSheet,
    opts: &Options<'_>,
    texts: &mut Texts,
    issues: &mut Vec<DataIssue>,
) -> Result<Option<(Layout, Columns)>> {
    let file_name: Arc<str> = crate::output::shown_path(&raw.files[sheet.file].path).into();
    let name: Arc<str> = sheet.name.as_str().into();
    if sheet.encoding != Encoding::Unicode {
        issues.push(DataIssue::sheet(
            file_name.clone(),
            name.clone(),
            String::new(),
            Problem::Converted(sheet.encoding),
            Action::Converted,
        ));
    }
    let layout = layout::detect(sheet, opts.matcher);
    issues.extend(ingest_issues(sheet, layout.as_ref(), &file_name, &name));
    let Some(layout) = layout else {
        issues.push(DataIssue::sheet(
            file_name,
            name,
            String::new(),
            Problem::NoHeader,
            Action::Skipped,
        ));
        return Ok(None);
    };
    let Some(cols) = Columns::new(sheet, &layout, opts.as_of, texts) else {
        // No name column, or no education (column or marker columns).
        let field = if layout.has(Field::FullName) || layout.has(Field::GivenName) {
            Field::Education
        } else {
            Field::FullName
        };
        return Err(missing_column(raw, sheet, &layout, opts.matcher, field));
    };
    Ok(Some((layout, cols)))
}

/// Where a row below the header goes.
#[allow(clippy::large_enum_variant)] // a record moves straight into the table: no box per row
enum Fate {
    /// Analysed: a staff record.
    Staff(StaffRecord),
    /// Set aside, its reason in the data issues.
    SetAside,
    /// Not staff (blank, totals, heading, footer), listed in the data issues
    /// unless blank.
    NotStaff(RowKind),
}

/// A sheet's rows as they are read, top to bottom, with what the headings
/// above the current row say.
struct SheetRows<'a> {
    sheet: &'a RawSheet,
    index: u32,
    cols: &'a Columns,
    opts: &'a Options<'a>,
    file: &'a Arc<str>,
    name: &'a Arc<str>,
    headings: HashMap<usize, Heading>,
    sheet_unit: Option<context::SheetUnit>,
    heading_unit: Option<Arc<str>>,
    heading_category: Option<CategoryCell>,
    sheet_unit_noted: bool,
}

impl SheetRows<'_> {
    /// The one place that decides where a row goes.
    fn fate(
        &mut self,
        r: usize,
        kind: RowKind,
        tables: &mut Tables,
        issues: &mut Vec<DataIssue>,
    ) -> Fate {
        let (sheet, cols) = (self.sheet, self.cols);
        let mut row_issues = RowIssues {
            file: self.file,
            sheet: self.name,
            row: sheet.excel_rows[r],
            out: issues,
            set_aside: false,
        };
        match kind {
            RowKind::Staff => {
                if !self.sheet_unit_noted
                    && cols.unit.is_none()
                    && self.heading_unit.is_none()
                    && let Some(u) = &self.sheet_unit
                {
                    self.sheet_unit_noted = true;
                    row_issues.push(
                        "",
                        u.name.clone(),
                        Problem::UnitFrom(u.source),
                        Action::Inferred,
                    );
                }
                let source = Source {
                    sheet: self.index,
                    row: sheet.excel_rows[r],
                };
                let around = Around {
                    heading_unit: self.heading_unit.as_ref(),
                    sheet_unit: self.sheet_unit.as_ref(),
                    heading_category: self.heading_category,
                    titles: self.opts.titles,
                };
                let rec = read_row(
                    sheet,
                    r,
                    cols,
                    &around,
                    tables,
                    &mut row_issues,
                    source,
                    self.opts.as_of,
                );
                match rec {
                    Some(rec) if !row_issues.set_aside => Fate::Staff(rec),
                    _ => Fate::SetAside,
                }
            }
            RowKind::StaffBelowFooter => {
                let name = opt_text(Some(&cols.name), sheet, r);
                row_issues.push(
                    &cols.name.header,
                    tables.texts.opt(name).unwrap_or_default().to_string(),
                    Problem::BelowFooter,
                    Action::SetAside,
                );
                Fate::SetAside
            }
            RowKind::Blank => Fate::NotStaff(RowKind::Blank),
            other => self.not_staff(r, other, &mut row_issues),
        }
    }

    /// A row that is not staff: listed (so that a row taken for a footer or
    /// heading can be checked); a heading sets the unit or category below it.
    fn not_staff(&mut self, r: usize, kind: RowKind, row_issues: &mut RowIssues<'_>) -> Fate {
        let text = self
            .sheet
            .columns
            .iter()
            .filter_map(|c| c.get(r).map(RawValue::display))
            .collect::<Vec<_>>()
            .join(" | ");
        if let Some(h) = self.headings.get(&r) {
            // A new unit starts its own sections.
            if let Some(u) = &h.unit {
                self.heading_unit = Some(u.clone());
                self.heading_category = None;
            }
            if let Some(c) = h.category {
                self.heading_category = Some(c);
                let problem = Problem::CategoryFromHeading(c.category);
                row_issues.push("", text.clone(), problem, Action::Inferred);
            }
        }
        row_issues.push("", text, Problem::NotStaff(kind), Action::NotAnalysed);
        Fate::NotStaff(kind)
    }
}

/// What a sheet says of all its rows: its section headings, and without a
/// unit column its own unit (noted); an error when nothing gives the unit,
/// or nothing can give the category.
#[allow(clippy::too_many_arguments)] // one sheet, and where its notes go
fn sheet_context(
    raw: &RawInput,
    sheet: &RawSheet,
    layout: &Layout,
    cols: &Columns,
    kinds: &[RowKind],
    opts: &Options<'_>,
    file_name: &Arc<str>,
    name: &Arc<str>,
    issues: &mut Vec<DataIssue>,
) -> Result<(HashMap<usize, Heading>, Option<context::SheetUnit>)> {
    let stt_col = layout.column(Field::RowNumber);
    // Section headings name a unit ("I | UBND xã A") or a category
    // ("II. CÔNG CHỨC") for the rows below them.
    let headings: HashMap<usize, Heading> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| **k == RowKind::Heading)
        .filter_map(|(i, _)| {
            let r = layout.body_start + i;
            let text = heading_text(sheet, r, stt_col)?;
            let (unit, category) = context::heading(&text);
            Some((
                r,
                Heading {
                    unit: unit.map(Arc::from),
                    category,
                },
            ))
        })
        .collect();
    // Without a unit column: section headings, else the title block, the
    // sheet name or the file name give the unit; without any, the error
    // says what was looked at.
    let sheet_unit = if cols.unit.is_none() {
        let unit_headings = headings.values().any(|h| h.unit.is_some());
        let path = &raw.files[sheet.file].path;
        let text_file = raw.files[sheet.file].text_encoding.is_some();
        let (found, looked) = context::sheet_unit(sheet, layout, path, text_file);
        if unit_headings {
            issues.push(DataIssue::sheet(
                file_name.clone(),
                name.clone(),
                String::new(),
                Problem::UnitFromHeadings,
                Action::ReadAsShown,
            ));
        } else if found.is_none() {
            return Err(Error::NoUnit {
                path: path.clone(),
                sheet: sheet.name.clone(),
                row: sheet.excel_rows[layout.header_row],
                looked: looked.join("; "),
            });
        }
        if let Some(u) = found.as_ref().filter(|_| !unit_headings) {
            issues.push(DataIssue::sheet(
                file_name.clone(),
                name.clone(),
                // The unit, then the body above it, as an address is written.
                match &u.parent {
                    Some(p) => format!("{}, {p}", u.name),
                    None => u.name.clone(),
                },
                Problem::UnitFrom(u.source),
                Action::Inferred,
            ));
        }
        found
    } else {
        None
    };
    // Without a category column, headings or the title held must say it.
    if cols.category.is_none()
        && cols.title.is_none()
        && cols.position.is_none()
        && !headings.values().any(|h| h.category.is_some())
    {
        return Err(missing_column(
            raw,
            sheet,
            layout,
            opts.matcher,
            Field::Category,
        ));
    }
    Ok((headings, sheet_unit))
}

/// The problems found while reading a sheet (stray quotes, invalid bytes),
/// as data issues. A problem not in one cell names the row's full-name cell
/// (or its first non-empty cell). Columns are named by their header, or by
/// their letter where there is none.
fn ingest_issues(
    sheet: &RawSheet,
    layout: Option<&Layout>,
    file: &Arc<str>,
    name: &Arc<str>,
) -> Vec<DataIssue> {
    sheet
        .notes
        .iter()
        .map(|n| {
            let col = n.col.unwrap_or_else(|| {
                layout
                    .and_then(|l| l.column(Field::FullName))
                    .filter(|&c| sheet.cell(n.row, c).is_some())
                    .or_else(|| (0..sheet.columns.len()).find(|&c| sheet.cell(n.row, c).is_some()))
                    .unwrap_or(0)
            });
            let column = layout
                .map(|l| l.header_of(col))
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| crate::text::column_letter(col));
            let action = match n.problem {
                Problem::InvalidBytes => Action::Kept,
                _ => Action::ReadAsShown,
            };
            DataIssue {
                file: file.clone(),
                sheet: name.clone(),
                row: sheet.excel_rows.get(n.row).copied(),
                column,
                value: sheet.cell_text(n.row, col),
                problem: n.problem.clone(),
                action,
            }
        })
        .collect()
}

fn missing_column(
    raw: &RawInput,
    sheet: &RawSheet,
    layout: &Layout,
    m: &HeaderMatcher,
    field: Field,
) -> Error {
    Error::MissingColumn {
        path: raw.files[sheet.file].path.clone(),
        sheet: sheet.name.clone(),
        row: sheet.excel_rows[layout.header_row],
        field: field.id(),
        found: layout
            .headers
            .iter()
            .map(|(_, h)| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", "),
        accepted: {
            let mut names = m
                .accepted(field)
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ");
            if field == Field::Category {
                names.push_str(
                    ";\n  or section headings naming the category (\"I. CÁN BỘ\", \"II. CÔNG CHỨC\") or a title column (Chức vụ) for commune titles",
                );
            }
            names
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commune_and_its_committee_are_one_unit() {
        assert_eq!(unit_key("UBND xã Nông Hạ"), unit_key("Xã Nông Hạ"));
        assert_eq!(unit_key("Ủy ban nhân dân phường A"), unit_key("phường A"));
        assert_ne!(unit_key("UBND xã A"), unit_key("Đảng ủy xã A"));
    }

    #[test]
    fn unit_names_give_levels() {
        assert_eq!(
            level_from_unit_name("UBND xã Dương Quang"),
            Some(GovLevel::Commune)
        );
        assert_eq!(
            level_from_unit_name("Phường Đức Xuân"),
            Some(GovLevel::Commune)
        );
        assert_eq!(
            level_from_unit_name("Phòng Nội vụ thị xã Bắc Kạn"),
            Some(GovLevel::District)
        );
        assert_eq!(level_from_unit_name("Phòng Nội vụ"), None);
        assert_eq!(
            level_from_unit_name("UBND xã Huyền Tụng"),
            Some(GovLevel::Commune)
        );
        assert_eq!(
            level_from_unit_name("UBND huyện Chợ Đồn"),
            Some(GovLevel::District)
        );
        assert_eq!(level_from_unit_name("Sở Nội vụ"), Some(GovLevel::Province));
        assert_eq!(
            level_from_unit_name("Ban Quản lý chợ thị xã"),
            Some(GovLevel::District)
        );
    }

    #[test]
    fn general_grades() {
        assert!(is_general_grade("12/12"));
        assert!(is_general_grade("9/12"));
        assert!(!is_general_grade("05/12/1970"));
    }
}
