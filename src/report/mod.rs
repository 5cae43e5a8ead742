//! Stage 5, typed results → the Excel gap report and its JSON twin.
//!
//! Sheets: summary per target (with a chart), per unit × target in hierarchy
//! order (subtotals, conditional formatting, filter, frozen header, chart of
//! the units furthest below target), the training-needs list, the data
//! issues, and an "about" sheet with inputs, hashes and row accounting.
//! Printed sheets are A4 landscape, fit to width, header rows repeated, with
//! the heading of an official document. Lists longer than Excel allows
//! continue on further sheets. Roster text is always written as text.

mod about_sheet;
mod cover;
mod grade_sheet;
mod heading;
mod json;
mod plan_sheets;
mod position_sheets;
mod said;
mod sheets;
mod trainee_sheet;
mod training_sheet;
mod unfit_sheet;

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, XlsxError};

pub use json::write_json;

pub(crate) use heading::{
    header_height, header_row, heading, print_pages, print_setup, table_top, table_top_rows,
};

use crate::compliance::TargetResult;
use crate::error::{Error, Result};
use crate::issues::DataIssue;
use crate::labels::Lang;
use crate::output;
use crate::policy::Policy;
use crate::roster::Loaded;
use crate::units::Hierarchy;

/// Everything a report is made from.
#[derive(Debug)]
pub struct ReportInput<'a> {
    /// Roster, sheets, files, issues.
    pub loaded: &'a Loaded,
    /// Data issues (the roster's, plus the hierarchy's notes).
    pub issues: &'a [DataIssue],
    /// The policy.
    pub policy: &'a Policy,
    /// Units.
    pub hierarchy: &'a Hierarchy,
    /// Job-position placements, when a catalogue was given.
    pub placement: Option<&'a crate::positions::Placement>,
    /// Projection, plan and retirement dates, when planning.
    pub future: Option<Future<'a>>,
    /// One result per target.
    pub results: &'a [TargetResult],
    /// Each record's last day of service, when known.
    pub retire: &'a [Option<NaiveDate>],
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Language.
    pub lang: Lang,
    /// The command line, for the record.
    pub command_line: String,
}

/// What `--plan` adds.
#[derive(Debug, Clone, Copy)]
pub struct Future<'a> {
    /// One projection per target.
    pub projection: &'a [crate::projection::TargetProjection],
    /// The training plan.
    pub plan: &'a crate::plan::Plan,
    /// Retiring from the as-of date to the latest deadline: (last day of service, record).
    pub retiring: &'a [(NaiveDate, usize)],
    /// Already past retirement age on the as-of date.
    pub past_due: &'a [(NaiveDate, usize)],
}

/// Cell formats, defined once.
pub(crate) struct Formats {
    pub(crate) bold: Format,
    pub(crate) head: Format,
    pub(crate) title: Format,
    pub(crate) italic: Format,
    /// A line above or below a table, written across it: bold, left, unwrapped.
    pub(crate) section: Format,
    /// A note inside a table, written across its columns: italic, left, bordered, unwrapped.
    pub(crate) note: Format,
    pub(crate) cell: Format,
    pub(crate) cell_bold: Format,
    pub(crate) int: Format,
    pub(crate) int_bold: Format,
    pub(crate) pct: Format,
    pub(crate) pct_bold: Format,
    pub(crate) date: Format,
    /// A birth date known to the month: "05/1970".
    pub(crate) month: Format,
    /// A birth date known to the year: the year as a number.
    pub(crate) year: Format,
    pub(crate) indent: Vec<Format>,
    /// Annexes headed so far: the next one is "Phụ lục" this plus one.
    pub(crate) annexes: std::sync::atomic::AtomicU32,
}

use crate::output::FONT;

impl Formats {
    /// The text, whole-number and share formats of a row: bold for a group
    /// of units (a parent, the whole roster), plain for a unit.
    pub(crate) fn row(&self, bold: bool) -> (&Format, &Format, &Format) {
        if bold {
            (&self.cell_bold, &self.int_bold, &self.pct_bold)
        } else {
            (&self.cell, &self.int, &self.pct)
        }
    }

    /// The formats the long lists use ([`output::Lists`]).
    fn list_formats(&self) -> [&Format; 8] {
        [
            &self.cell,
            &self.int,
            &self.date,
            &self.month,
            &self.year,
            &self.cell_bold,
            &self.int_bold,
            &self.pct,
        ]
    }

    fn new(lang: Lang) -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        // Top-aligned: a wrapped neighbour no longer pushes a number down
        // against the next cell.
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Self {
            bold: base.clone().set_bold().set_align(FormatAlign::Center),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            // Wrapped: a long title on a narrow sheet takes the lines its
            // row is sized for (report::heading).
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            italic: base
                .clone()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            section: base.clone().set_bold().set_align(FormatAlign::Left),
            note: base
                .clone()
                .set_italic()
                .set_align(FormatAlign::Left)
                .set_border(FormatBorder::Thin),
            cell_bold: cell.clone().set_bold(),
            int: cell.clone().set_num_format("#,##0"),
            int_bold: cell.clone().set_bold().set_num_format("#,##0"),
            pct: cell.clone().set_num_format(output::pct_format(lang)),
            pct_bold: cell
                .clone()
                .set_bold()
                .set_num_format(output::pct_format(lang)),
            date: cell.clone().set_num_format("dd/mm/yyyy"),
            month: cell.clone().set_num_format("mm/yyyy"),
            year: cell.clone().set_num_format("0"),
            indent: (0..6).map(|i| cell.clone().set_indent(i)).collect(),
            annexes: std::sync::atomic::AtomicU32::new(0),
            cell,
        }
    }
}

/// Row of the table header on printed sheets (after the heading block).
pub(crate) const HEADER_ROW: u32 = 7;

/// A birth date as a date (to the day or the month), or a bare year as a
/// number: sortable and filterable, never text among dates. (The data
/// issues note every date known only to the month or the year.)
pub(crate) fn write_birth<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    f: &'f Formats,
    c: u16,
    rec: &crate::roster::StaffRow,
) -> Result<(), XlsxError> {
    use crate::dates::Precision;
    use chrono::Datelike;
    match rec.birth {
        Some(b) if b.precision == Precision::Day => rows.date(c, b.date, &f.date),
        Some(b) if b.precision == Precision::Month => rows.date(c, b.date, &f.month),
        Some(b) => rows.number(c, f64::from(b.date.year()), &f.year),
        None => rows.blank(c, &f.cell),
    }
}

/// The policy's name in the report's language.
pub(crate) fn policy_name<'a>(input: &'a ReportInput<'_>) -> &'a str {
    match input.lang {
        Lang::Vi => &input.policy.name,
        Lang::En => input
            .policy
            .name_en
            .as_deref()
            .unwrap_or(&input.policy.name),
    }
}

/// A target's label in the report's language.
pub(crate) fn target_label(lang: Lang, t: &crate::policy::Target) -> &str {
    match lang {
        Lang::Vi => &t.label,
        Lang::En => t.label_en.as_deref().unwrap_or(&t.label),
    }
}

/// The unit-code column's width ([`output::code_width`]).
pub(crate) fn unit_code_width(input: &ReportInput<'_>) -> f64 {
    output::code_width(
        input
            .hierarchy
            .nodes
            .iter()
            .filter_map(|n| n.code.as_deref()),
    )
}

/// The summary, then the annexes in their order.
fn annexes(
    wb: &mut rust_xlsxwriter::Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    cover::summary(wb, input)?;
    sheets::by_unit(wb, f, input)?;
    training_sheet::training(wb, f, lists, input)?;
    if let Some(p) = input.placement {
        position_sheets::positions(wb, f, lists, input, p)?;
        unfit_sheet::unfit(wb, f, lists, input, p)?;
        grade_sheet::grades(wb, f, lists, input, p)?;
    }
    if let Some(future) = &input.future {
        plan_sheets::projection(wb, f, input, future)?;
        plan_sheets::plan(wb, f, input, future)?;
        trainee_sheet::trainees(wb, f, lists, input, future)?;
        plan_sheets::retirements(wb, f, lists, input, future)?;
    }
    Ok(())
}

/// Writes the workbook atomically.
pub fn write_workbook(path: &Path, input: &ReportInput<'_>) -> Result<()> {
    let x = |e: XlsxError| Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = output::own_workbook(Some(input.as_of), Some(&input.policy.name));
    let f = Formats::new(input.lang);
    let lists = output::Lists::new(&mut wb, &f.list_formats());
    // The data issues are written on a thread of their own while the other
    // sheets are (the national plan's issues are a sixth of its sheets'
    // text), and added after them.
    let mut issues =
        output::IssueSheets::new(&mut wb, input.lang, input.issues.len()).map_err(x)?;
    issues
        .fill_while(input.lang, input.issues, &lists, || {
            annexes(&mut wb, &f, &lists, input)
        })
        .map_err(x)?;
    issues.add_to(&mut wb);
    about_sheet::about(&mut wb, &f, input).map_err(x)?;
    crate::progress::timings::stage("sheets");
    output::save_document_workbook(&mut wb, path, lists.into_rows())
}
