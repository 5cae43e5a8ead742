//! Stage 2, raw sheets → the clean staff table plus data issues.
//!
//! Each sheet's layout is detected ([`crate::layout`]), every row below the
//! header is classified, and every staff row becomes a [`StaffRow`] stored
//! in the table's columns, or is set aside with its reason. Values are
//! parsed once per distinct value per column. The rows of a sheet without
//! section headings are read on every core and finished in row order
//! (`fate.rs`), with the result of reading them one by one. Then people are
//! identified across all sheets: the same person in the same post twice is a
//! duplicate (the later row is set aside); the same person in different
//! posts is one person with several postings (kiêm nhiệm).
//!
//! Invariant, per sheet: `read = staff + set_aside + non_staff`.

mod cells;
mod context;
mod fate;
mod people;
mod redact;
mod row;
mod sheet;
#[cfg(test)]
mod tests;
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

use sheet::read_sheet;

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
    Loaded, Private, Roster, RowCounts, SheetReport, SheetStatus, Source, Staff, StaffPart,
    StaffRow, Text, Texts, Unit,
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
    /// The rows of a sheet without section headings are read on every core,
    /// with the result of reading them one by one (which `false` asks for).
    pub parallel: bool,
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

/// What the rows build besides their postings: the units and the texts.
#[derive(Default)]
struct Tables {
    units: UnitRegistry,
    texts: Texts,
}
/// Runs the stage over every sheet read.
pub fn normalize(raw: RawInput, opts: &Options<'_>) -> Result<Loaded> {
    let mut sheets = Vec::new();
    let mut issues = Vec::new();
    // Sized once (rows read bound the staff rows): growing by doubling would
    // hold up to twice the columns at national size.
    let mut staff = Staff::with_capacity(raw.sheets.iter().map(RawSheet::len).sum());
    let mut tables = Tables::default();
    for sheet in &raw.sheets {
        let index = u32::try_from(sheets.len()).unwrap_or(u32::MAX);
        let out = Out {
            tables: &mut tables,
            issues: &mut issues,
            staff: &mut staff,
        };
        sheets.push(read_sheet(&raw, sheet, index, opts, out)?);
    }
    // The raw cells are not needed any more: freed before the people pass.
    drop(raw.sheets);
    crate::progress::timings::stage("clean");
    crate::progress::now("people");
    let mut roster = Roster {
        staff,
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
/// data issues, and the staff table.
struct Out<'a> {
    tables: &'a mut Tables,
    issues: &'a mut Vec<DataIssue>,
    staff: &'a mut Staff,
}
