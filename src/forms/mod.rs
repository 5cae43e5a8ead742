//! Stage: the annual statistical forms (BM01–BM04/BNV, 8B-BTCTW), filled
//! from the staff frame. Forms are data: each is a TOML file
//! (`policies/forms/`, documented in its README) declaring its header, its
//! criteria with their counting rules, its blocks, the groups that split a
//! total and the sums it implies. [`fill`] counts; [`sheet`] writes the
//! official layout; the JSON carries the same figures.

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::staff::StaffFrame;
use crate::units::Hierarchy;

mod blocks;
mod checks;
mod count;
pub mod def;
mod formats;
pub mod json;
pub mod notes;
pub use notes::Note;
mod people;
pub use people::ListedPerson;
mod query;
mod reconcile;
mod rows;
pub mod rule;
pub mod sheet;

pub use def::{Form, Orientation};

/// A figure as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// Left blank: no source data (never printed as 0).
    Blank,
    /// A count of people (or the quota).
    Count(u64),
    /// A mean (age).
    Mean(f64),
    /// Text (list forms).
    Text(String),
}

/// What a row of a filled form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A roster unit.
    Unit,
    /// A unit with units below it: their subtotal.
    Parent,
    /// "Tổng số".
    Total,
    /// A criterion (criteria forms).
    Criterion,
    /// A person (list forms).
    Person,
    /// The row above it, for one category (the movement table).
    Part,
}

/// One row of a filled form.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// What it is.
    pub kind: RowKind,
    /// Depth in the unit hierarchy.
    pub depth: usize,
    /// Unit name, criterion label, or person's unit.
    pub label: String,
    /// Unit code, or criterion number.
    pub code: Option<String>,
    /// One cell per criterion (units, list forms) or block (criteria forms).
    pub cells: Vec<Cell>,
    /// People of unknown value per reconcile group.
    pub unknown: Vec<u64>,
}

/// A row where a sum the form implies does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// The check as written.
    pub check: String,
    /// Where: the unit row's label, or the block's.
    pub at: String,
    /// Left-hand value.
    pub left: u64,
    /// Right-hand sum.
    pub right: i64,
}

/// A filled form.
#[derive(Debug, Clone, Serialize)]
pub struct FormTable {
    /// Rows in print order.
    pub rows: Vec<TableRow>,
    /// A list form's people in print order, after `rows`: their rows are
    /// made as the sheet and the JSON are written.
    #[serde(skip)]
    pub people: Vec<ListedPerson>,
    /// Notes.
    pub notes: Vec<Note>,
    /// Failed checks.
    pub mismatches: Vec<Mismatch>,
}

/// A form laid out in code (the movement table): its header lines, its
/// columns (number, label, groups above) and the sums it implies.
pub struct BuiltForm<'a> {
    /// Code printed after "Biểu số".
    pub code: &'a str,
    /// Legal basis line.
    pub basis: &'a str,
    /// Title (`{year}` is the as-of year).
    pub title: &'a str,
    /// Scope line.
    pub scope: String,
    /// Signature blocks.
    pub footer: Vec<[String; 2]>,
    /// Columns: number, label, groups above it.
    pub columns: Vec<(&'a str, &'a str, Vec<String>)>,
    /// Sums: "11 = 1 + 2 - 6".
    pub checks: &'a [&'a str],
}

impl BuiltForm<'_> {
    /// The form, to be written as the shipped ones are.
    #[must_use]
    pub fn form(&self) -> Form {
        let criteria = self
            .columns
            .iter()
            .map(|(number, label, group)| def::Criterion {
                number: (*number).to_string(),
                label: (*label).to_string(),
                group: group.clone(),
                value: def::Value::Count,
                field: None,
                evidence: def::Evidence::Corroborated,
                rule: rule::Rule::default(),
            })
            .collect();
        Form {
            code: self.code.to_string(),
            basis: self.basis.to_string(),
            title: self.title.to_string(),
            scope: Some(self.scope.clone()),
            issuer: None,
            receiver: None,
            deadline: None,
            orientation: def::Orientation::Units,
            population: rule::Rule::default(),
            valid_until: None,
            footer: self.footer.clone(),
            sources: None,
            criteria,
            blocks: Vec::new(),
            reconcile: Vec::new(),
            checks: self
                .checks
                .iter()
                .filter_map(|c| checks::parse_check(c).ok())
                .collect(),
        }
    }
}

/// The sums a form implies, on each of `rows` (labelled for the messages).
#[must_use]
pub fn check_table(form: &Form, rows: &[TableRow]) -> Vec<Mismatch> {
    checks::check_rows(form, rows).0
}

/// The forms shipped with the tool: (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "bm01-bnv.toml",
        include_str!("../../policies/forms/bm01-bnv.toml"),
    ),
    (
        "bm02-bnv.toml",
        include_str!("../../policies/forms/bm02-bnv.toml"),
    ),
    (
        "bm03-bnv.toml",
        include_str!("../../policies/forms/bm03-bnv.toml"),
    ),
    (
        "bm04-bnv.toml",
        include_str!("../../policies/forms/bm04-bnv.toml"),
    ),
    (
        "8b-btctw.toml",
        include_str!("../../policies/forms/8b-btctw.toml"),
    ),
];

/// Reads the shipped forms.
pub fn shipped() -> Result<Vec<Form>> {
    SHIPPED
        .iter()
        .map(|(name, text)| Form::parse(text, &Path::new("policies/forms").join(name)))
        .collect()
}

/// The forms a command asks for: form files, and shipped forms by code
/// ("BM01/BNV", "bm01", "8B"); all shipped forms when none is named.
pub fn select(codes: &[String], files: &[std::path::PathBuf]) -> Result<Vec<Form>> {
    let mut out: Vec<Form> = files.iter().map(|p| Form::load(p)).collect::<Result<_>>()?;
    if codes.is_empty() && files.is_empty() {
        return shipped();
    }
    let all = shipped()?;
    let key = |s: &str| {
        crate::text::fold(s)
            .replace(['/', '-', ' '], "")
            .trim_end_matches("bnv")
            .trim_end_matches("btctw")
            .to_string()
    };
    for c in codes {
        let f = all.iter().find(|f| key(&f.code) == key(c)).ok_or_else(|| {
            Error::Usage(format!(
                "--form {c}: no such form; the shipped forms are {}",
                all.iter()
                    .map(|f| f.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        out.push(f.clone());
    }
    Ok(out)
}

/// Fills a form as of a date, its rows labelled in a language (a parent's
/// own staff: "X, không kể đơn vị trực thuộc"); its notes say first whether
/// it applies on that date, then how many roster rows were `set_aside`
/// (in no form).
pub fn fill(
    form: &Form,
    staff: &StaffFrame,
    h: &Hierarchy,
    (as_of, lang): (chrono::NaiveDate, crate::labels::Lang),
    set_aside: u64,
) -> Result<FormTable> {
    let quota: Vec<Option<u64>> = h.nodes.iter().map(|n| n.quota).collect();
    let err = |e: polars::prelude::PolarsError| {
        crate::staff::polars_error(&format!("form {}", form.code), &e)
    };
    let mut table = match form.orientation {
        Orientation::People => people::fill(form, staff, h).map_err(err)?,
        _ => {
            let own = crate::labels::movement(lang).own_staff;
            count::fill(form, staff, h, (&quota, own)).map_err(err)?
        }
    };
    if set_aside > 0 {
        table.notes.insert(0, Note::SetAside { rows: set_aside });
    }
    if let Some(until) = form.valid_until
        && as_of > until
    {
        table.notes.insert(
            0,
            Note::OutOfPeriod {
                until: until.format("%d/%m/%Y").to_string(),
            },
        );
    }
    Ok(table)
}

/// One line per form for the terminal: its code, rows, and checks.
#[must_use]
pub fn summary_line(form: &Form, table: &FormTable, lang: crate::labels::Lang) -> String {
    let rows = table
        .rows
        .iter()
        .filter(|r| !matches!(r.kind, RowKind::Total))
        .count()
        + table.people.len();
    let blank = table
        .notes
        .iter()
        .filter(|n| matches!(n, Note::NotRecorded { .. } | Note::NoData { .. }))
        .count();
    crate::labels::form_summary(lang, &form.code, rows, blank, table.mismatches.len())
}
