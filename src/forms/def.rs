//! A form file: what it declares and how it is read. Errors name the file,
//! the line and the key.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::checks::{Check, parse_check};
use super::rule::{Rule, UnitRule};
use crate::error::{Error, Result};

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

/// 1-based line of a byte offset.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

impl Form {
    /// Reads a form file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parses form text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let err = |line: usize, message: String| Error::Toml {
            path: path.to_path_buf(),
            message: format!("line {line}: {message}"),
        };
        let f: FormFile = toml::from_str(text).map_err(|e| Error::Toml {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let rule = |t: &Option<Spanned<toml::Table>>, key: &str| -> Result<Rule> {
            match t {
                None => Ok(Rule::default()),
                Some(s) => Rule::parse(s.get_ref())
                    .map_err(|m| err(line_of(text, s.span().start), format!("{key}: {m}"))),
            }
        };
        let population = rule(&f.population, "population")?;
        let mut criteria = Vec::new();
        let mut numbers = std::collections::BTreeSet::new();
        for c in f.criteria {
            let number = c.number.get_ref().clone();
            let rule = rule(&c.count, &format!("criterion {number} count"))?;
            if !numbers.insert(number.clone()) {
                return Err(err(
                    line_of(text, c.number.span().start),
                    format!("criterion number \"{number}\" is used twice"),
                ));
            }
            criteria.push(Criterion {
                number,
                label: c.label,
                group: c.group,
                value: c.value.unwrap_or(Value::Count),
                field: c.field,
                evidence: c.evidence.unwrap_or(f.evidence),
                rule,
            });
        }
        if criteria.is_empty() {
            return Err(Error::Toml {
                path: path.to_path_buf(),
                message: "a form needs at least one [[criterion]]".into(),
            });
        }
        let mut blocks = Vec::new();
        for b in f.blocks {
            let r = match &b.units {
                None => UnitRule::default(),
                Some(s) => UnitRule::parse(s.get_ref()).map_err(|m| {
                    err(
                        line_of(text, s.span().start),
                        format!("block {} units: {m}", b.number),
                    )
                })?,
            };
            blocks.push((b, r));
        }
        if f.orientation == Orientation::Criteria && blocks.is_empty() {
            return Err(Error::Toml {
                path: path.to_path_buf(),
                message: "a criteria form needs at least one [[block]]".into(),
            });
        }
        for (b, _) in &blocks {
            for n in &b.sum_of {
                if n == &b.number || !blocks.iter().any(|(x, _)| &x.number == n) {
                    return Err(Error::Toml {
                        path: path.to_path_buf(),
                        message: format!(
                            "block {}: sum_of \"{n}\" numbers no other block",
                            b.number
                        ),
                    });
                }
            }
        }
        let known = |n: &str| criteria.iter().any(|c| c.number == n);
        let mut checks = Vec::new();
        for c in &f.checks {
            let line = line_of(text, c.span().start);
            let check = parse_check(c.get_ref()).map_err(|m| err(line, format!("checks: {m}")))?;
            for n in check.numbers() {
                if !known(n) {
                    return Err(err(line, format!("checks: \"{n}\" numbers no column")));
                }
            }
            checks.push(check);
        }
        for r in &f.reconcile {
            let pos = |n: &str| criteria.iter().position(|c| c.number == n);
            if let (Some(a), Some(b)) = (pos(&r.criteria[0]), pos(&r.criteria[1]))
                && a > b
            {
                return Err(Error::Toml {
                    path: path.to_path_buf(),
                    message: format!(
                        "reconcile \"{}\": criteria [\"{}\", \"{}\"] are in reverse file order",
                        r.label, r.criteria[0], r.criteria[1]
                    ),
                });
            }
            for n in r.criteria.iter().chain(std::iter::once(&r.of)) {
                if !criteria.iter().any(|c| &c.number == n) {
                    return Err(Error::Toml {
                        path: path.to_path_buf(),
                        message: format!("reconcile \"{}\": \"{n}\" numbers no criterion", r.label),
                    });
                }
            }
        }
        let valid_until = f.valid_until.and_then(|d| d.date).and_then(|d| {
            chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        });
        Ok(Form {
            code: f.code,
            basis: f.basis,
            title: f.title,
            scope: f.scope,
            issuer: f.issuer,
            receiver: f.receiver,
            deadline: f.deadline,
            orientation: f.orientation,
            population,
            valid_until,
            footer: f.footer,
            sources: f.sources,
            criteria,
            blocks,
            reconcile: f.reconcile,
            checks,
        })
    }

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
