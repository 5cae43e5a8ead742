//! A form file: what it declares and how it is read. Errors name the file,
//! the line and the key.

use serde::Deserialize;
use toml::Spanned;

use super::checks::Check;
use super::rule::{Rule, UnitRule};

mod parse;

/// How the form lays out its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// One row per unit, the criteria as columns (BM01/BNV, BM02/BNV).
    Units,
    /// The criteria as rows, blocks of units as columns (8B-BTCTW).
    Criteria,
    /// One row per person (BM03/BNV, BM04/BNV).
    People,
}

/// How sure the column's reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Two independent implementations of the form agree.
    Corroborated,
    /// The sources' best reading; no official text was found.
    BestReading,
}

/// What a criterion holds besides a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// The number of people matching the rule (the default).
    Count,
    /// The approved staffing quota (biên chế được giao), from the units file.
    Quota,
    /// The mean age in full years of the people matching the rule.
    MeanAge,
}

/// A person field a list form prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonField {
    /// Row number.
    Number,
    /// Full name.
    Name,
    /// Birth date when male.
    BirthMale,
    /// Birth date when female.
    BirthFemale,
    /// Title held.
    Title,
    /// The unit.
    Unit,
    /// Grade code.
    GradeCode,
    /// Grade name.
    Grade,
    /// Salary and allowances: not in the staff table, blank and noted.
    Salary,
    /// Time in the grade or post: not in the staff table, blank and noted.
    TimeInPost,
    /// A column the officer fills by hand ("Ghi chú"): blank, no note.
    Remarks,
}

/// A criterion as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    /// The number printed in the column-number row ("1", "12").
    number: Spanned<String>,
    /// Its label.
    label: String,
    /// Group headings above it, outermost first.
    #[serde(default)]
    group: Vec<String>,
    /// The counting rule (an empty table counts the whole population).
    #[serde(default)]
    count: Option<Spanned<toml::Table>>,
    /// What it holds (a count unless said).
    #[serde(default)]
    value: Option<Value>,
    /// For list forms: the person field.
    #[serde(default)]
    field: Option<PersonField>,
    /// How sure the reading is (the form's default unless said).
    #[serde(default)]
    evidence: Option<Evidence>,
}

/// A criterion: a column of a unit form, a row of a criteria form.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// The number printed in the column-number row ("1", "12").
    pub number: String,
    /// Its label.
    pub label: String,
    /// Group headings above it, outermost first.
    pub group: Vec<String>,
    /// What it holds.
    pub value: Value,
    /// For list forms: the person field.
    pub field: Option<PersonField>,
    /// How sure the reading is.
    pub evidence: Evidence,
    /// The counting rule.
    pub rule: Rule,
}

/// A block of units (a column of a criteria form).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockDef {
    /// Column number.
    pub number: String,
    /// Label.
    pub label: String,
    /// Group headings above it.
    #[serde(default)]
    pub group: Vec<String>,
    /// Which units it takes (an empty table takes every unit).
    #[serde(default)]
    pub units: Option<Spanned<toml::Table>>,
    /// Instead of units: the sum of these blocks (the form's "3 = 4 + 8").
    #[serde(default)]
    pub sum_of: Vec<String>,
}

/// A group of criteria whose counts split a total: the engine prints how
/// many people are unknown and how many fall in no column.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconcile {
    /// The group's name ("Chuyên môn").
    pub label: String,
    /// First and last criterion numbers of the group.
    pub criteria: [String; 2],
    /// The criterion holding the total they split.
    pub of: String,
}

/// A form file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormFile {
    code: String,
    basis: String,
    title: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    receiver: Option<String>,
    #[serde(default)]
    deadline: Option<String>,
    orientation: Orientation,
    #[serde(default)]
    population: Option<Spanned<toml::Table>>,
    #[serde(default)]
    valid_until: Option<toml::value::Datetime>,
    #[serde(default)]
    footer: Vec<[String; 2]>,
    #[serde(default = "best_reading")]
    evidence: Evidence,
    #[serde(default)]
    sources: Option<String>,
    #[serde(default, rename = "criterion")]
    criteria: Vec<RawCriterion>,
    #[serde(default, rename = "block")]
    blocks: Vec<BlockDef>,
    #[serde(default)]
    reconcile: Vec<Reconcile>,
    #[serde(default)]
    checks: Vec<Spanned<String>>,
}

fn best_reading() -> Evidence {
    Evidence::BestReading
}

/// A form, read and checked.
#[derive(Debug, Clone)]
pub struct Form {
    /// Form code ("BM01/BNV").
    pub code: String,
    /// Legal basis line.
    pub basis: String,
    /// Title; `{year}` is the as-of year.
    pub title: String,
    /// Scope line.
    pub scope: Option<String>,
    /// Issuing body heading of the form (8B: "TỈNH ỦY … BAN TỔ CHỨC").
    pub issuer: Option<String>,
    /// Receiving unit.
    pub receiver: Option<String>,
    /// Deadline text.
    pub deadline: Option<String>,
    /// Layout.
    pub orientation: Orientation,
    /// Who is counted.
    pub population: Rule,
    /// Last as-of date the form applies to.
    pub valid_until: Option<chrono::NaiveDate>,
    /// Signature blocks: (title, note).
    pub footer: Vec<[String; 2]>,
    /// Where the form's columns come from.
    pub sources: Option<String>,
    /// The criteria, in file order.
    pub criteria: Vec<Criterion>,
    /// The blocks (criteria forms).
    pub blocks: Vec<(BlockDef, UnitRule)>,
    /// Groups that split a total.
    pub reconcile: Vec<Reconcile>,
    /// Sums the form implies.
    pub checks: Vec<Check>,
}

impl Form {
    /// The mark printed after a criterion's label: "*" for a best reading
    /// when the form also has corroborated criteria (a form read wholly by
    /// best reading says so in its file and note instead).
    #[must_use]
    pub fn mark(&self, c: &Criterion) -> &'static str {
        if c.evidence == Evidence::BestReading && self.mixed_evidence() {
            "*"
        } else {
            ""
        }
    }

    /// Whether the form mixes corroborated and best-reading criteria.
    #[must_use]
    pub fn mixed_evidence(&self) -> bool {
        let has = |e: Evidence| self.criteria.iter().any(|c| c.evidence == e);
        has(Evidence::Corroborated) && has(Evidence::BestReading)
    }

    /// The criteria between two numbers, inclusive, in file order.
    #[must_use]
    pub fn span(&self, first: &str, last: &str) -> Vec<usize> {
        let pos = |n: &str| self.criteria.iter().position(|c| c.number == n);
        match (pos(first), pos(last)) {
            (Some(a), Some(b)) if a <= b => (a..=b).collect(),
            _ => Vec::new(),
        }
    }
}
