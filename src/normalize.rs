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

mod context;
mod people;

pub use context::{CommuneTitles, UnitSource, heading_category};

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
    Loaded, Roster, RowCounts, SheetReport, SheetStatus, Source, StaffRecord, Unit,
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

/// Youngest and oldest plausible ages of staff on the as-of date.
const AGE_RANGE: std::ops::RangeInclusive<i32> = 15..=80;

/// A column's values parsed once per distinct value.
struct Parsed<T> {
    col: usize,
    header: String,
    values: Vec<T>,
}

impl<T> Parsed<T> {
    fn new(
        sheet: &RawSheet,
        layout: &Layout,
        field: Field,
        f: impl Fn(&RawValue) -> T,
    ) -> Option<Self> {
        let col = layout.column(field)?;
        let header = layout.header_of(col);
        let values = sheet
            .columns
            .get(col)
            .map(|c| c.values().iter().map(f).collect())
            .unwrap_or_default();
        Some(Self {
            col,
            header,
            values,
        })
    }

    fn get<'s>(&'s self, sheet: &RawSheet, row: usize) -> Option<&'s T> {
        sheet
            .columns
            .get(self.col)?
            .id(row)
            .map(|id| &self.values[id - 1])
    }
}

/// A section heading's text: its first text cell other than the row number
/// (or the row-number cell itself when the heading is typed there), without
/// a leading enumeration ("I.", "2)", "a -").
fn heading_text(sheet: &RawSheet, r: usize, stt_col: Option<usize>) -> Option<String> {
    let text_at = |c: usize| {
        sheet
            .cell(r, c)
            .and_then(RawValue::as_text)
            .map(str::to_string)
    };
    let text = (0..sheet.columns.len())
        .filter(|c| Some(*c) != stt_col)
        .find_map(text_at)
        .or_else(|| stt_col.and_then(text_at))?;
    let trimmed = match text.split_once([' ', '.', ')']) {
        Some((head, rest))
            if !head.is_empty()
                && head
                    .chars()
                    .all(|c| c.is_ascii_digit() || "IVXLivxl".contains(c)) =>
        {
            rest.trim_start_matches(['.', ')', '-', ' '])
        }
        _ => text.as_str(),
    };
    Some(trimmed.trim().to_string()).filter(|t| !t.is_empty())
}

/// Marker columns of one field ("x" under each level): the columns with the
/// value each stands for, and the group header for messages.
struct Marks<T> {
    cols: Vec<(usize, T)>,
    header: String,
}

impl<T: Copy + Ord> Marks<T> {
    fn new(l: &Layout, field: Field, parse: impl Fn(&str) -> Option<T>) -> Option<Self> {
        let found = l.markers(field);
        let header = found.first().map(|(_, _, h)| (*h).to_string())?;
        let cols = found
            .iter()
            .filter_map(|(c, v, _)| parse(v).map(|t| (*c, t)))
            .collect::<Vec<_>>();
        (!cols.is_empty()).then_some(Self { cols, header })
    }

    /// The highest value marked in the row, if any column is marked.
    fn get(&self, sheet: &RawSheet, r: usize) -> Option<T> {
        self.cols
            .iter()
            .filter(|(c, _)| sheet.cell(r, *c).is_some_and(is_mark))
            .map(|(_, t)| *t)
            .max()
    }
}

/// A cell that marks its column: "x", "X", "1", "✓", a date… but not "0", "-" or "không".
fn is_mark(v: &RawValue) -> bool {
    match v {
        RawValue::Number(bits) => f64::from_bits(*bits) != 0.0,
        RawValue::Bool(b) => *b,
        RawValue::Text(t) => !matches!(fold(t).as_str(), "" | "0" | "khong" | "no" | "false"),
        RawValue::Date(_) => true,
        RawValue::Error(_) => false,
    }
}

/// Education as read from one cell.
enum EducationRead {
    Ok(EducationCell),
    GeneralOnly,
    Unreadable,
    /// A course in progress ("Trung cấp, đang học ĐH"): the level held is the
    /// rest of the cell, unknown when there is none.
    InProgress(scales::InProgress),
}

fn read_education(v: &RawValue) -> EducationRead {
    let s = v.display();
    if let Some(p) = scales::parse_in_progress(&s) {
        return EducationRead::InProgress(p);
    }
    match scales::parse_education(&s) {
        Some(e) => EducationRead::Ok(e),
        None if is_general_grade(&s) => EducationRead::GeneralOnly,
        None => EducationRead::Unreadable,
    }
}

/// A birth date: as any date, or with a two-digit year read in the century
/// that gives a plausible age on the as-of date.
fn read_birth(v: &RawValue, as_of: NaiveDate) -> Option<DateRead> {
    read_date(v).or_else(|| match v {
        RawValue::Text(s) => dates::birth_two_digit_year(s, as_of, &AGE_RANGE),
        _ => None,
    })
}

/// "12/12", "9/12", "10/10": a general-education grade.
fn is_general_grade(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    matches!(parts.as_slice(), [a, b] if a.parse::<u8>().is_ok() && matches!(*b, "10" | "12"))
}

fn read_date(v: &RawValue) -> Option<DateRead> {
    match v {
        RawValue::Date(days) => NaiveDate::from_num_days_from_ce_opt(*days).map(|date| {
            DateRead::Ok(PartialDate {
                date,
                precision: Precision::Day,
            })
        }),
        RawValue::Number(bits) => dates::from_number(f64::from_bits(*bits)),
        RawValue::Text(s) => dates::parse_text(s),
        RawValue::Bool(_) | RawValue::Error(_) => None,
    }
}

fn read_text(v: &RawValue) -> Arc<str> {
    v.display().into()
}

/// Infers the government level from a unit's name ("UBND xã Dương Quang",
/// "Phòng Nội vụ thị xã Bắc Kạn"): the first word naming a kind of
/// administrative unit decides, so place names that fold to such words
/// ("Huyền Tụng" → "huyen") after it do not.
#[must_use]
pub fn level_from_unit_name(name: &str) -> Option<GovLevel> {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        match (*w, next) {
            ("thi", "xa") | ("huyen", _) => return Some(GovLevel::District),
            ("thi", "tran") | ("dac", "khu") | ("xa" | "phuong", _) => {
                return Some(GovLevel::Commune);
            }
            ("tinh", _) => return Some(GovLevel::Province),
            ("so", _) if i == 0 => return Some(GovLevel::Province),
            // A school or a health station is no government level, whatever
            // place its name goes on to name ("Trường THCS xã A").
            ("truong" | "tram" | "benh", _) if i == 0 => return None,
            _ => {}
        }
    }
    None
}

/// All parsed columns of one sheet.
struct Columns {
    /// The full name, or the given name when the name is split.
    name: Parsed<Arc<str>>,
    /// Family and middle names, when the name is split.
    family_name: Option<Parsed<Arc<str>>>,
    unit: Option<Parsed<Arc<str>>>,
    category: Option<Parsed<Option<CategoryCell>>>,
    education: Option<Parsed<EducationRead>>,
    education_marks: Option<Marks<Education>>,
    gender_marks: Option<Marks<Gender>>,
    political_marks: Option<Marks<scales::PoliticalTheory>>,
    state_marks: Option<Marks<scales::StateManagement>>,
    staff_id: Option<Parsed<Arc<str>>>,
    national_id: Option<Parsed<Arc<str>>>,
    birth: Option<Parsed<Option<DateRead>>>,
    birth_male: Option<Parsed<Option<DateRead>>>,
    birth_female: Option<Parsed<Option<DateRead>>>,
    gender: Option<Parsed<Option<Gender>>>,
    ethnicity: Option<Parsed<Arc<str>>>,
    party: Option<Parsed<Option<bool>>>,
    unit_code: Option<Parsed<Arc<str>>>,
    parent: Option<Parsed<Arc<str>>>,
    gov_level: Option<Parsed<Option<GovLevel>>>,
    title: Option<Parsed<Arc<str>>>,
    position: Option<Parsed<Arc<str>>>,
    position_code: Option<Parsed<Arc<str>>>,
    grade: Option<Parsed<Arc<str>>>,
    grade_code: Option<Parsed<Arc<str>>>,
    field_of_study: Option<Parsed<Arc<str>>>,
    political: Option<Parsed<Option<scales::PoliticalTheory>>>,
    state_mgmt: Option<Parsed<Option<scales::StateManagement>>>,
    it: Option<Parsed<Arc<str>>>,
    language: Option<Parsed<Arc<str>>>,
    hire: Option<Parsed<Option<DateRead>>>,
    training_level: Option<Parsed<Option<Education>>>,
    training_end: Option<Parsed<Option<DateRead>>>,
    retirement: Option<Parsed<Option<DateRead>>>,
}

impl Columns {
    fn new(sheet: &RawSheet, l: &Layout, as_of: NaiveDate) -> Option<Self> {
        let text = |f| Parsed::new(sheet, l, f, read_text);
        let date = |f| Parsed::new(sheet, l, f, read_date);
        let birth = |f| Parsed::new(sheet, l, f, |v| read_birth(v, as_of));
        let columns = Self {
            name: text(Field::FullName).or_else(|| text(Field::GivenName))?,
            family_name: if l.column(Field::FullName).is_none() {
                text(Field::FamilyName)
            } else {
                None
            },
            unit: text(Field::Unit),
            category: Parsed::new(sheet, l, Field::Category, |v| {
                scales::parse_category(&v.display())
            }),
            education: Parsed::new(sheet, l, Field::Education, read_education),
            education_marks: Marks::new(l, Field::Education, |v| {
                scales::parse_education(v).map(|e| e.level)
            }),
            gender_marks: Marks::new(l, Field::Gender, scales::parse_gender),
            political_marks: Marks::new(l, Field::PoliticalTheory, scales::parse_political_theory),
            state_marks: Marks::new(l, Field::StateManagement, scales::parse_state_management),
            staff_id: text(Field::StaffId),
            national_id: text(Field::NationalId),
            birth: birth(Field::BirthDate),
            birth_male: birth(Field::BirthDateMale),
            birth_female: birth(Field::BirthDateFemale),
            gender: Parsed::new(sheet, l, Field::Gender, |v| {
                scales::parse_gender(&v.display())
            }),
            ethnicity: text(Field::Ethnicity),
            party: Parsed::new(sheet, l, Field::PartyMember, |v| match v {
                RawValue::Date(_) => Some(true),
                RawValue::Bool(b) => Some(*b),
                _ => scales::parse_yes_no(&v.display()),
            }),
            unit_code: text(Field::UnitCode),
            parent: text(Field::ParentUnit),
            gov_level: Parsed::new(sheet, l, Field::GovLevel, |v| {
                scales::parse_gov_level(&v.display())
            }),
            title: text(Field::Title),
            position: text(Field::Position),
            position_code: text(Field::PositionCode),
            grade: text(Field::Grade),
            grade_code: text(Field::GradeCode),
            field_of_study: text(Field::FieldOfStudy),
            political: Parsed::new(sheet, l, Field::PoliticalTheory, |v| {
                scales::parse_political_theory(&v.display())
            }),
            state_mgmt: Parsed::new(sheet, l, Field::StateManagement, |v| {
                scales::parse_state_management(&v.display())
            }),
            it: text(Field::ItSkill),
            language: text(Field::ForeignLanguage),
            hire: date(Field::HireDate),
            training_level: Parsed::new(sheet, l, Field::TrainingLevel, |v| {
                scales::parse_education(&v.display()).map(|e| e.level)
            }),
            training_end: date(Field::TrainingEnd),
            retirement: date(Field::RetirementDate),
        };
        // Education is required: as a column or as marker columns.
        (columns.education.is_some() || columns.education_marks.is_some()).then_some(columns)
    }
}

/// Addresses of a row's unit, code and parent texts, and its level.
type UnitCellKey = (usize, usize, usize, Option<GovLevel>);

/// A cached unit, with the texts its key points at (kept alive).
struct CachedUnit {
    unit: u32,
    _texts: [Option<Arc<str>>; 3],
}

/// Units keyed by code, else by folded name and parent.
#[derive(Default)]
struct UnitRegistry {
    units: Vec<Unit>,
    index: HashMap<String, u32>,
    /// This sheet's (unit, code, parent) cells, by the address of their
    /// text, so each distinct combination is folded once. Each entry holds
    /// clones of the texts it is keyed on, so no keyed address can be freed
    /// and reused while the entry exists. Cleared per sheet.
    fast: hashbrown::HashMap<UnitCellKey, CachedUnit>,
}

impl UnitRegistry {
    fn new_sheet(&mut self) {
        self.fast.clear();
    }

    fn intern_cached(
        &mut self,
        name: &Arc<str>,
        code: Option<&Arc<str>>,
        parent: Option<&Arc<str>>,
        level: Option<GovLevel>,
    ) -> u32 {
        let addr = |a: Option<&Arc<str>>| a.map_or(0, |a| Arc::as_ptr(a).cast::<u8>() as usize);
        let key = (addr(Some(name)), addr(code), addr(parent), level);
        if let Some(cached) = self.fast.get(&key) {
            return cached.unit;
        }
        let i = self.intern(name, code.map(|c| &**c), parent.map(|p| &**p), level);
        self.fast.insert(
            key,
            CachedUnit {
                unit: i,
                _texts: [Some(name.clone()), code.cloned(), parent.cloned()],
            },
        );
        i
    }

    fn intern(
        &mut self,
        name: &str,
        code: Option<&str>,
        parent: Option<&str>,
        level: Option<GovLevel>,
    ) -> u32 {
        let key = match code {
            Some(c) => format!("code:{}", fold(c)),
            None => format!(
                "name:{}|{}",
                unit_key(name),
                parent.map(unit_key).unwrap_or_default()
            ),
        };
        if let Some(&i) = self.index.get(&key) {
            let u = &mut self.units[i as usize];
            if u.gov_level.is_none() {
                u.gov_level = level;
            }
            return i;
        }
        let i = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        self.units.push(Unit {
            name: name.to_string(),
            code: code.map(str::to_string),
            parent: parent.map(str::to_string),
            gov_level: level.or_else(|| level_from_unit_name(name)),
        });
        self.index.insert(key, i);
        i
    }
}

/// A unit's name as compared: folded, and "UBND xã X" the same as "Xã X"
/// (a commune's list may name the commune or its people's committee).
fn unit_key(name: &str) -> String {
    let f = fold(name);
    for body in ["ubnd ", "uy ban nhan dan "] {
        if let Some(rest) = f.strip_prefix(body)
            && [
                "xa ",
                "phuong ",
                "thi tran ",
                "dac khu ",
                "huyen ",
                "quan ",
                "thi xa ",
                "thanh pho ",
            ]
            .iter()
            .any(|k| rest.starts_with(k))
        {
            return rest.to_string();
        }
    }
    f
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
    let mut records = Vec::new();
    let mut units = UnitRegistry::default();
    for sheet in &raw.sheets {
        let file_name: Arc<str> = raw.files[sheet.file].path.display().to_string().into();
        let name: Arc<str> = sheet.name.as_str().into();
        let sheet_index = u32::try_from(sheets.len()).unwrap_or(u32::MAX);
        let mut report = SheetReport {
            file: sheet.file,
            file_name: file_name.clone(),
            name: name.clone(),
            name_header: String::new(),
            status: SheetStatus::Skipped,
            encoding: sheet.encoding,
            rows: RowCounts::default(),
        };
        if sheet.encoding != Encoding::Unicode {
            issues.push(DataIssue {
                file: file_name.clone(),
                sheet: name.clone(),
                row: None,
                column: String::new(),
                value: String::new(),
                problem: Problem::Converted(sheet.encoding),
                action: Action::Converted,
            });
        }
        let layout = layout::detect(sheet, opts.matcher);
        issues.extend(ingest_issues(sheet, layout.as_ref(), &file_name, &name));
        let Some(layout) = layout else {
            issues.push(DataIssue {
                file: file_name,
                sheet: name,
                row: None,
                column: String::new(),
                value: String::new(),
                problem: Problem::NoHeader,
                action: Action::Skipped,
            });
            sheets.push(report);
            continue;
        };
        let Some(cols) = Columns::new(sheet, &layout, opts.as_of) else {
            // No name column, or no education (column or marker columns).
            let field = if layout.has(Field::FullName) || layout.has(Field::GivenName) {
                Field::Education
            } else {
                Field::FullName
            };
            return Err(missing_column(&raw, sheet, &layout, opts.matcher, field));
        };
        report.name_header.clone_from(&cols.name.header);
        report.status = SheetStatus::Read {
            header_row: sheet.excel_rows[layout.header_row],
            header_rows: layout.header_rows,
            number_row: layout.number_row.map(|r| sheet.excel_rows[r]),
            ignored_columns: layout.unrecognised.clone(),
        };
        overlong_cells(sheet, &layout, &file_name, &name, &mut issues);
        units.new_sheet();
        let kinds = layout::classify(sheet, &layout);
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
            let (found, looked) = context::sheet_unit(sheet, &layout, path, text_file);
            if unit_headings {
                issues.push(DataIssue {
                    file: file_name.clone(),
                    sheet: name.clone(),
                    row: None,
                    column: String::new(),
                    value: String::new(),
                    problem: Problem::UnitFromHeadings,
                    action: Action::ReadAsShown,
                });
            } else if found.is_none() {
                return Err(Error::NoUnit {
                    path: path.clone(),
                    sheet: sheet.name.clone(),
                    row: sheet.excel_rows[layout.header_row],
                    looked: looked.join("; "),
                });
            }
            if let Some(u) = found.as_ref().filter(|_| !unit_headings) {
                issues.push(DataIssue {
                    file: file_name.clone(),
                    sheet: name.clone(),
                    row: None,
                    column: String::new(),
                    // The unit, and the body above it when the title block gives one.
                    value: match &u.parent {
                        Some(p) => format!("{} ‹ {p}", u.name),
                        None => u.name.clone(),
                    },
                    problem: Problem::UnitFrom(u.source),
                    action: Action::Inferred,
                });
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
                &raw,
                sheet,
                &layout,
                opts.matcher,
                Field::Category,
            ));
        }
        let mut heading_unit: Option<Arc<str>> = None;
        let mut heading_category: Option<CategoryCell> = None;
        // With unit headings too, the sheet's unit is noted where first used.
        let mut sheet_unit_noted =
            sheet_unit.is_none() || !headings.values().any(|h| h.unit.is_some());
        for (i, kind) in kinds.into_iter().enumerate() {
            let r = layout.body_start + i;
            report.rows.read += 1;
            let mut row_issues = RowIssues {
                file: &file_name,
                sheet: &name,
                row: sheet.excel_rows[r],
                out: &mut issues,
                set_aside: false,
            };
            match kind {
                RowKind::Staff => {
                    if !sheet_unit_noted
                        && cols.unit.is_none()
                        && heading_unit.is_none()
                        && let Some(u) = &sheet_unit
                    {
                        sheet_unit_noted = true;
                        row_issues.push(
                            "",
                            u.name.clone(),
                            Problem::UnitFrom(u.source),
                            Action::Inferred,
                        );
                    }
                    let source = Source {
                        sheet: sheet_index,
                        row: sheet.excel_rows[r],
                    };
                    let around = Around {
                        heading_unit: heading_unit.as_ref(),
                        sheet_unit: sheet_unit.as_ref(),
                        heading_category,
                        titles: opts.titles,
                    };
                    let rec = read_row(
                        sheet,
                        r,
                        &cols,
                        &around,
                        &mut units,
                        &mut row_issues,
                        source,
                        opts.as_of,
                    );
                    match rec {
                        Some(rec) if !row_issues.set_aside => {
                            report.rows.staff += 1;
                            records.push(rec);
                        }
                        _ => report.rows.set_aside += 1,
                    }
                }
                RowKind::StaffBelowFooter => {
                    let name = cols.name.get(sheet, r).cloned().unwrap_or_default();
                    row_issues.push(
                        &cols.name.header,
                        name.to_string(),
                        Problem::BelowFooter,
                        Action::SetAside,
                    );
                    report.rows.set_aside += 1;
                }
                RowKind::Blank => report.rows.count_non_staff(RowKind::Blank),
                other => {
                    // Listed too, so that a row taken for a footer or heading can be checked.
                    let text = sheet
                        .columns
                        .iter()
                        .filter_map(|c| c.get(r).map(RawValue::display))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    if let Some(h) = headings.get(&r) {
                        // A new unit starts its own sections.
                        if let Some(u) = &h.unit {
                            heading_unit = Some(u.clone());
                            heading_category = None;
                        }
                        if let Some(c) = h.category {
                            heading_category = Some(c);
                            row_issues.push(
                                "",
                                text.clone(),
                                Problem::CategoryFromHeading(c.category),
                                Action::Inferred,
                            );
                        }
                    }
                    row_issues.push("", text, Problem::NotStaff(other), Action::NotAnalysed);
                    report.rows.count_non_staff(other);
                }
            }
        }
        sheets.push(report);
    }
    let mut roster = Roster {
        records,
        units: units.units,
        people: 0,
    };
    people::identify(&mut roster, &mut sheets, &mut issues);
    Ok(Loaded {
        files: raw.files,
        sheets,
        roster,
        issues,
    })
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

fn opt_text(p: Option<&Parsed<Arc<str>>>, sheet: &RawSheet, r: usize) -> Option<Arc<str>> {
    p.and_then(|p| p.get(sheet, r)).cloned()
}

fn raw_display(sheet: &RawSheet, col: usize, r: usize) -> String {
    sheet.cell_text(r, col)
}

/// Reads a date column, reporting precision and plausibility problems.
fn row_date(
    p: Option<&Parsed<Option<DateRead>>>,
    sheet: &RawSheet,
    r: usize,
    field: Field,
    issues: &mut RowIssues<'_>,
) -> Option<PartialDate> {
    let p = p?;
    let read = p.get(sheet, r)?;
    let value = || raw_display(sheet, p.col, r);
    match read {
        None => {
            issues.push(
                &p.header,
                value(),
                Problem::Unreadable(field),
                Action::CountedUnknown,
            );
            None
        }
        Some(DateRead::Swapped(d)) => {
            issues.push(
                &p.header,
                value(),
                Problem::MonthDaySwapped(field),
                Action::ReadAsShown,
            );
            Some(*d)
        }
        Some(DateRead::TwoDigitYear(d)) => {
            issues.push(
                &p.header,
                value(),
                Problem::TwoDigitYear {
                    field,
                    year: d.date.year(),
                },
                Action::ReadAsShown,
            );
            Some(*d)
        }
        Some(DateRead::Ok(d)) => {
            match d.precision {
                Precision::Year => {
                    issues.push(&p.header, value(), Problem::YearOnly(field), Action::Kept)
                }
                Precision::Month => {
                    issues.push(&p.header, value(), Problem::MonthOnly(field), Action::Kept)
                }
                Precision::Day => {}
            }
            Some(*d)
        }
    }
}

/// What a section heading says of the rows below it.
struct Heading {
    unit: Option<Arc<str>>,
    category: Option<CategoryCell>,
}

/// What a row is read against besides its own cells.
struct Around<'a> {
    /// The unit the last unit heading above the row names.
    heading_unit: Option<&'a Arc<str>>,
    /// The sheet's unit (title block, sheet or file name).
    sheet_unit: Option<&'a context::SheetUnit>,
    /// The category the last category heading above the row gives.
    heading_category: Option<CategoryCell>,
    titles: &'a CommuneTitles,
}

/// A row's category: its category cell; else the section heading above it;
/// else the commune title it holds (noted); else unknown, the row kept.
fn row_category(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    unit: Option<&str>,
    issues: &mut RowIssues<'_>,
) -> CategoryCell {
    let cell = c.category.as_ref().map(|p| (p, p.get(sheet, r)));
    if let Some((_, Some(Some(cat)))) = cell {
        return *cat;
    }
    // An unreadable cell is noted once: ignored when a heading or title
    // says the category, else the category is unknown.
    let unreadable = |issues: &mut RowIssues<'_>, action| {
        if let Some((p, Some(None))) = cell {
            issues.push(
                &p.header,
                raw_display(sheet, p.col, r),
                Problem::Unreadable(Field::Category),
                action,
            );
            true
        } else {
            false
        }
    };
    if let Some(cat) = around.heading_category {
        // With a category column, the row says where its category came from.
        if !unreadable(issues, Action::Ignored)
            && let Some((p, _)) = cell
        {
            issues.push(
                &p.header,
                String::new(),
                Problem::CategoryFromHeading(cat.category),
                Action::Inferred,
            );
        }
        return cat;
    }
    // Commune titles name commune posts: not for a unit of another level.
    let level = unit.and_then(level_from_unit_name);
    let title = c
        .title
        .as_ref()
        .or(c.position.as_ref())
        .and_then(|p| p.get(sheet, r).map(|t| (p, t)));
    if let Some((p, t)) = title
        && level.is_none_or(|l| l == GovLevel::Commune)
        && let Some(cat) = around.titles.category_of(t)
    {
        unreadable(issues, Action::Ignored);
        issues.push(
            &p.header,
            t.to_string(),
            Problem::CategoryFromTitle(cat),
            Action::Inferred,
        );
        return CategoryCell {
            category: cat,
            commune: true,
        };
    }
    if !unreadable(issues, Action::CountedUnknown) {
        let header = c
            .category
            .as_ref()
            .map_or(Field::Category.aliases()[0], |p| p.header.as_str());
        issues.push(
            header,
            title.map(|(_, t)| t.to_string()).unwrap_or_default(),
            Problem::Missing(Field::Category),
            Action::CountedUnknown,
        );
    }
    CategoryCell {
        category: Category::Unknown,
        commune: false,
    }
}

#[allow(clippy::too_many_lines)] // one straight pass over the fields of a row
#[allow(clippy::too_many_arguments)] // one row, and everything it is read against
fn read_row(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    units: &mut UnitRegistry,
    issues: &mut RowIssues<'_>,
    source: Source,
    as_of: NaiveDate,
) -> Option<StaffRecord> {
    let name = match (&c.family_name, c.name.get(sheet, r)) {
        (Some(f), Some(given)) => match f.get(sheet, r) {
            Some(family) => Some(Arc::from(format!("{family} {given}"))),
            None => Some(given.clone()),
        },
        (_, given) => given.cloned(),
    };
    if name.is_none() {
        issues.push(
            &c.name.header,
            String::new(),
            Problem::Missing(Field::FullName),
            Action::SetAside,
        );
    }
    let (unit_name, unit_header) = match &c.unit {
        Some(u) => (u.get(sheet, r).cloned(), u.header.as_str()),
        None => (
            around
                .heading_unit
                .cloned()
                .or_else(|| around.sheet_unit.map(|u| Arc::from(u.name.as_str()))),
            Field::Unit.aliases()[0],
        ),
    };
    if unit_name.is_none() {
        issues.push(
            unit_header,
            String::new(),
            Problem::Missing(Field::Unit),
            Action::SetAside,
        );
    }
    let category = row_category(sheet, r, c, around, unit_name.as_deref(), issues);
    let (education, edu_field, studying) = if let Some(m) = &c.education_marks {
        let level = m.get(sheet, r);
        if level.is_none() {
            issues.push(
                &m.header,
                String::new(),
                Problem::Missing(Field::Education),
                Action::CountedUnknown,
            );
        }
        (level, None, None)
    } else if let Some(e) = &c.education {
        read_education_cell(e, sheet, r, issues)
    } else {
        (None, None, None)
    };
    let mut birth = row_date(c.birth.as_ref(), sheet, r, Field::BirthDate, issues);
    let marked_gender = c.gender_marks.as_ref().and_then(|m| m.get(sheet, r));
    let mut gender = match &c.gender {
        Some(p) => match p.get(sheet, r) {
            Some(None) => {
                issues.push(
                    &p.header,
                    raw_display(sheet, p.col, r),
                    Problem::Unreadable(Field::Gender),
                    Action::Ignored,
                );
                None
            }
            other => other.copied().flatten(),
        },
        None => None,
    };
    gender = gender.or(marked_gender);
    for (p, g, field) in [
        (c.birth_male.as_ref(), Gender::Male, Field::BirthDateMale),
        (
            c.birth_female.as_ref(),
            Gender::Female,
            Field::BirthDateFemale,
        ),
    ] {
        if let Some(d) = row_date(p, sheet, r, field, issues) {
            birth = birth.or(Some(d));
            gender = gender.or(Some(g));
        }
    }
    if let Some(b) = birth {
        let age = dates::years_between(b.date, as_of);
        if b.date > as_of || !AGE_RANGE.contains(&age) {
            let col = c
                .birth
                .as_ref()
                .or(c.birth_male.as_ref())
                .or(c.birth_female.as_ref());
            if let Some(p) = col {
                let action = if b.date > as_of {
                    Action::CountedUnknown
                } else {
                    Action::Kept
                };
                issues.push(
                    &p.header,
                    b.display(),
                    Problem::ImplausibleDate(Field::BirthDate),
                    action,
                );
            }
            if b.date > as_of {
                birth = None;
            }
        }
    }

    let national_id = opt_text(c.national_id.as_ref(), sheet, r).map(|id| -> Arc<str> {
        if id.contains([' ', '.']) {
            id.replace([' ', '.'], "").into()
        } else {
            id
        }
    });
    if let (Some(id), Some(p)) = (&national_id, &c.national_id)
        && !(id.chars().all(|ch| ch.is_ascii_digit()) && matches!(id.len(), 9 | 12))
    {
        issues.push(
            &p.header,
            id.to_string(),
            Problem::NationalIdLength,
            Action::Kept,
        );
    }

    let gov_level = match &c.gov_level {
        Some(p) => match p.get(sheet, r) {
            Some(None) => {
                issues.push(
                    &p.header,
                    raw_display(sheet, p.col, r),
                    Problem::Unreadable(Field::GovLevel),
                    Action::Ignored,
                );
                None
            }
            other => other.copied().flatten(),
        },
        None => None,
    };
    // Marker columns: an unmarked row holds none of the levels.
    let political_theory = match &c.political_marks {
        Some(m) => Some(m.get(sheet, r).unwrap_or(scales::PoliticalTheory::None)),
        None => read_optional_scale(
            c.political.as_ref(),
            sheet,
            r,
            Field::PoliticalTheory,
            issues,
            scales::PoliticalTheory::None,
        ),
    };
    let state_management = match &c.state_marks {
        Some(m) => Some(m.get(sheet, r).unwrap_or(scales::StateManagement::None)),
        None => read_optional_scale(
            c.state_mgmt.as_ref(),
            sheet,
            r,
            Field::StateManagement,
            issues,
            scales::StateManagement::None,
        ),
    };
    let training_level = match &c.training_level {
        Some(p) => match p.get(sheet, r) {
            Some(None) => {
                issues.push(
                    &p.header,
                    raw_display(sheet, p.col, r),
                    Problem::Unreadable(Field::TrainingLevel),
                    Action::Ignored,
                );
                None
            }
            other => other.copied().flatten(),
        },
        None => None,
    };
    let training_end = row_date(
        c.training_end.as_ref(),
        sheet,
        r,
        Field::TrainingEnd,
        issues,
    );
    // A course in progress written in the education cell is training in
    // progress (unless the training columns say otherwise); without an end
    // date it never counts, and the officer is asked for one.
    let training_level = training_level.or(studying);
    if let (Some(level), Some(e)) = (studying, &c.education) {
        let action = if education.is_none() {
            Action::CountedUnknown
        } else {
            Action::ReadAsShown
        };
        let problem = if training_end.is_none() {
            Some(Problem::CourseInProgressNoEnd { level })
        } else if education.is_none() {
            // The course has an end date, but the level held is not said.
            Some(Problem::Missing(Field::Education))
        } else {
            None
        };
        if let Some(problem) = problem {
            issues.push(&e.header, raw_display(sheet, e.col, r), problem, action);
        }
    }
    let hire_date = row_date(c.hire.as_ref(), sheet, r, Field::HireDate, issues);
    let retirement_date = row_date(
        c.retirement.as_ref(),
        sheet,
        r,
        Field::RetirementDate,
        issues,
    );
    let party_member = c
        .party
        .as_ref()
        .and_then(|p| p.get(sheet, r))
        .copied()
        .flatten();

    let column_field = opt_text(c.field_of_study.as_ref(), sheet, r);
    let field_of_study = column_field.or_else(|| edu_field.map(Arc::from));

    let (name, unit_name) = (name?, unit_name?);
    let unit_code = opt_text(c.unit_code.as_ref(), sheet, r);
    let parent = opt_text(c.parent.as_ref(), sheet, r).or_else(|| {
        if c.unit.is_some() {
            return None;
        }
        let su = around.sheet_unit?;
        if around.heading_unit.is_some() {
            // A district's list: the units its headings name are under it.
            match level_from_unit_name(&su.name) {
                Some(GovLevel::District | GovLevel::Province) => Some(Arc::from(su.name.as_str())),
                _ => su.parent.as_deref().map(Arc::from),
            }
        } else {
            su.parent.as_deref().map(Arc::from)
        }
    });
    let unit = units.intern_cached(&unit_name, unit_code.as_ref(), parent.as_ref(), gov_level);
    let gov_level = gov_level.or(units.units[unit as usize].gov_level);
    let commune = match category.category {
        Category::CanBo | Category::CongChuc => {
            category.commune || gov_level == Some(GovLevel::Commune)
        }
        Category::KhongChuyenTrach => true,
        Category::VienChuc | Category::HopDong => false,
        Category::Unknown => gov_level == Some(GovLevel::Commune),
    };
    Some(StaffRecord {
        source,
        person: 0,
        name,
        staff_id: opt_text(c.staff_id.as_ref(), sheet, r),
        national_id,
        birth,
        gender,
        ethnicity: opt_text(c.ethnicity.as_ref(), sheet, r),
        party_member,
        unit,
        category: category.category,
        commune,
        gov_level: gov_level.or(if commune {
            Some(GovLevel::Commune)
        } else {
            None
        }),
        title: opt_text(c.title.as_ref(), sheet, r),
        position: opt_text(c.position.as_ref(), sheet, r),
        position_code: opt_text(c.position_code.as_ref(), sheet, r),
        grade: opt_text(c.grade.as_ref(), sheet, r),
        grade_code: opt_text(c.grade_code.as_ref(), sheet, r),
        education,
        field_of_study,
        political_theory,
        state_management,
        it_skill: opt_text(c.it.as_ref(), sheet, r),
        foreign_language: opt_text(c.language.as_ref(), sheet, r),
        hire_date,
        training_level,
        training_end,
        retirement_date,
    })
}

/// Reads a professional-education cell: level, field and the level of a
/// course in progress, or unknown with an issue.
fn read_education_cell(
    e: &Parsed<EducationRead>,
    sheet: &RawSheet,
    r: usize,
    issues: &mut RowIssues<'_>,
) -> (Option<Education>, Option<String>, Option<Education>) {
    let (level, field) = match e.get(sheet, r) {
        // The issue is the caller's: it depends on the training-end column.
        Some(EducationRead::InProgress(p)) => {
            return (
                p.attained.as_ref().map(|a| a.level),
                p.attained.as_ref().and_then(|a| a.field.clone()),
                Some(p.studying),
            );
        }
        None => {
            issues.push(
                &e.header,
                String::new(),
                Problem::Missing(Field::Education),
                Action::CountedUnknown,
            );
            (None, None)
        }
        Some(EducationRead::Ok(e)) => (Some(e.level), e.field.clone()),
        Some(EducationRead::GeneralOnly) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::GeneralEducationOnly,
                Action::CountedUnknown,
            );
            (None, None)
        }
        Some(EducationRead::Unreadable) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::Unreadable(Field::Education),
                Action::CountedUnknown,
            );
            (None, None)
        }
    };
    (level, field, None)
}

/// Political theory and state management: an empty cell means none held; an
/// unreadable one is unknown. Without the column, unknown.
fn read_optional_scale<T: Copy>(
    p: Option<&Parsed<Option<T>>>,
    sheet: &RawSheet,
    r: usize,
    field: Field,
    issues: &mut RowIssues<'_>,
    none: T,
) -> Option<T> {
    let p = p?;
    match p.get(sheet, r) {
        None => Some(none),
        Some(Some(v)) => Some(*v),
        Some(None) => {
            issues.push(
                &p.header,
                raw_display(sheet, p.col, r),
                Problem::Unreadable(field),
                Action::CountedUnknown,
            );
            None
        }
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
