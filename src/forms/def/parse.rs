//! Reading a form file: each part checked as it is read; errors name the
//! file, the line and the key.

use std::collections::BTreeSet;
use std::path::Path;

use toml::Spanned;

use super::{BlockDef, Criterion, Form, FormFile, Orientation, RawCriterion, Value};
use crate::error::{Error, Result};
use crate::forms::checks::{Check, parse_check};
use crate::forms::rule::{Rule, UnitRule};

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// A form file's text and path, for errors.
struct Source<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Source<'_> {
    /// An error at a byte offset of the text.
    fn at(&self, offset: usize, message: String) -> Error {
        Error::Toml {
            path: self.path.to_path_buf(),
            message: format!("line {}: {message}", line_of(self.text, offset)),
        }
    }

    /// An error about the whole file.
    fn whole(&self, message: String) -> Error {
        Error::Toml {
            path: self.path.to_path_buf(),
            message,
        }
    }

    /// A counting rule (none: everyone).
    fn rule(&self, t: Option<&Spanned<toml::Table>>, key: &str) -> Result<Rule> {
        match t {
            None => Ok(Rule::default()),
            Some(s) => {
                Rule::parse(s.get_ref()).map_err(|m| self.at(s.span().start, format!("{key}: {m}")))
            }
        }
    }

    /// The criteria, numbered once each.
    fn criteria(
        &self,
        raw: Vec<RawCriterion>,
        evidence: super::Evidence,
    ) -> Result<Vec<Criterion>> {
        let mut criteria = Vec::new();
        let mut numbers = BTreeSet::new();
        for c in raw {
            let number = c.number.get_ref().clone();
            let rule = self.rule(c.count.as_ref(), &format!("criterion {number} count"))?;
            if !numbers.insert(number.clone()) {
                return Err(self.at(
                    c.number.span().start,
                    format!("criterion number \"{number}\" is used twice"),
                ));
            }
            criteria.push(Criterion {
                number,
                label: c.label,
                group: c.group,
                value: c.value.unwrap_or(Value::Count),
                field: c.field,
                evidence: c.evidence.unwrap_or(evidence),
                rule,
            });
        }
        if criteria.is_empty() {
            return Err(self.whole("a form needs at least one [[criterion]]".into()));
        }
        Ok(criteria)
    }

    /// The blocks of a transposed form, each with its unit rule; a block
    /// sums only other blocks.
    fn blocks(
        &self,
        raw: Vec<BlockDef>,
        orientation: Orientation,
    ) -> Result<Vec<(BlockDef, UnitRule)>> {
        let mut blocks = Vec::new();
        for b in raw {
            let r = match &b.units {
                None => UnitRule::default(),
                Some(s) => UnitRule::parse(s.get_ref()).map_err(|m| {
                    self.at(s.span().start, format!("block {} units: {m}", b.number))
                })?,
            };
            blocks.push((b, r));
        }
        if orientation == Orientation::Criteria && blocks.is_empty() {
            return Err(self.whole("a criteria form needs at least one [[block]]".into()));
        }
        for (b, _) in &blocks {
            for n in &b.sum_of {
                if n == &b.number || !blocks.iter().any(|(x, _)| &x.number == n) {
                    return Err(self.whole(format!(
                        "block {}: sum_of \"{n}\" numbers no other block",
                        b.number
                    )));
                }
            }
        }
        Ok(blocks)
    }

    /// The sums the form implies, over its columns' numbers.
    fn checks(&self, raw: &[Spanned<String>], criteria: &[Criterion]) -> Result<Vec<Check>> {
        let mut checks = Vec::new();
        for c in raw {
            let at = c.span().start;
            let check =
                parse_check(c.get_ref()).map_err(|m| self.at(at, format!("checks: {m}")))?;
            for n in check.numbers() {
                if !criteria.iter().any(|c| c.number == *n) {
                    return Err(self.at(at, format!("checks: \"{n}\" numbers no column")));
                }
            }
            checks.push(check);
        }
        Ok(checks)
    }

    /// Each reconcile group names criteria in file order.
    fn reconcile(&self, reconcile: &[super::Reconcile], criteria: &[Criterion]) -> Result<()> {
        let pos = |n: &str| criteria.iter().position(|c| c.number == n);
        for r in reconcile {
            if let (Some(a), Some(b)) = (pos(&r.criteria[0]), pos(&r.criteria[1]))
                && a > b
            {
                return Err(self.whole(format!(
                    "reconcile \"{}\": criteria [\"{}\", \"{}\"] are in reverse file order",
                    r.label, r.criteria[0], r.criteria[1]
                )));
            }
            for n in r.criteria.iter().chain(std::iter::once(&r.of)) {
                if pos(n).is_none() {
                    return Err(self.whole(format!(
                        "reconcile \"{}\": \"{n}\" numbers no criterion",
                        r.label
                    )));
                }
            }
        }
        Ok(())
    }
}

impl Form {
    /// Reads a form file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_text(path)?;
        Self::parse(&text, path)
    }

    /// Parses form text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let src = Source { text, path };
        let f: FormFile = toml::from_str(text).map_err(|e| src.whole(e.to_string()))?;
        let population = src.rule(f.population.as_ref(), "population")?;
        let criteria = src.criteria(f.criteria, f.evidence)?;
        let blocks = src.blocks(f.blocks, f.orientation)?;
        let checks = src.checks(&f.checks, &criteria)?;
        src.reconcile(&f.reconcile, &criteria)?;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "code = \"X\"\nbasis = \"b\"\ntitle = \"t\"\n";

    /// The error message of parsing `head` + `body`.
    fn error(orientation: &str, body: &str) -> String {
        let text = format!("{HEAD}orientation = \"{orientation}\"\n{body}");
        match Form::parse(&text, Path::new("f.toml")) {
            Err(Error::Toml { path, message }) => {
                assert_eq!(path, Path::new("f.toml"));
                message
            }
            other => panic!("expected a form-file error, got {other:?}"),
        }
    }

    #[test]
    fn each_part_is_checked_where_it_is_written() {
        let one = "[[criterion]]\nnumber = \"1\"\nlabel = \"a\"\n";
        assert_eq!(
            error("units", ""),
            "a form needs at least one [[criterion]]"
        );
        // Line 9: the second criterion's number (1-4 the head, 5-7 the first
        // criterion, 8 the second's table header).
        assert_eq!(
            error("units", &format!("{one}{one}")),
            "line 9: criterion number \"1\" is used twice"
        );
        assert_eq!(
            error("criteria", one),
            "a criteria form needs at least one [[block]]"
        );
        assert_eq!(
            error(
                "criteria",
                &format!("{one}[[block]]\nnumber = \"3\"\nlabel = \"b\"\nsum_of = [\"4\"]\n")
            ),
            "block 3: sum_of \"4\" numbers no other block"
        );
        assert_eq!(
            error("units", &format!("checks = [\"1 = 2\"]\n{one}")),
            "line 5: checks: \"2\" numbers no column"
        );
        let two = format!("{one}[[criterion]]\nnumber = \"2\"\nlabel = \"b\"\n");
        assert_eq!(
            error(
                "units",
                &format!(
                    "{two}[[reconcile]]\nlabel = \"r\"\ncriteria = [\"2\", \"1\"]\nof = \"1\"\n"
                )
            ),
            "reconcile \"r\": criteria [\"2\", \"1\"] are in reverse file order"
        );
        assert_eq!(
            error(
                "units",
                &format!(
                    "{two}[[reconcile]]\nlabel = \"r\"\ncriteria = [\"1\", \"2\"]\nof = \"9\"\n"
                )
            ),
            "reconcile \"r\": \"9\" numbers no criterion"
        );
        let text = format!("{HEAD}orientation = \"units\"\n{two}");
        assert_eq!(
            Form::parse(&text, Path::new("f.toml"))
                .map(|f| f.criteria.len())
                .ok(),
            Some(2)
        );
    }
}
