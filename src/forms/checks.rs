//! The sums a form implies ("3 = 4 + 8", "2 >= 12 + 13", "11 = 1 + 2 - 6"):
//! read from the form file, checked on every unit row or block column.

use super::def::Form;
use super::{Cell, Mismatch, TableRow};

/// A check the form implies: `left op right₁ + right₂ … − minus₁ …` over
/// criterion numbers, on every unit row (units form) or block column (criteria form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// As written.
    pub text: String,
    /// Left-hand number.
    pub left: String,
    /// The relation.
    pub op: Relation,
    /// Right-hand numbers, summed.
    pub right: Vec<String>,
    /// Right-hand numbers subtracted (" - 6").
    pub minus: Vec<String>,
}

impl Check {
    /// Every number the check names.
    pub fn numbers(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.left)
            .chain(&self.right)
            .chain(&self.minus)
    }
}

/// A check's relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Equal.
    Eq,
    /// At least.
    Ge,
}

fn check_one(form: &Form, check: &Check, get: &dyn Fn(usize) -> Option<u64>) -> Option<(u64, i64)> {
    let index = |n: &str| form.criteria.iter().position(|c| c.number == n);
    let left = get(index(&check.left)?)?;
    let sum = |terms: &[String]| -> Option<i128> {
        terms.iter().map(|n| get(index(n)?).map(i128::from)).sum()
    };
    let right = sum(&check.right)? - sum(&check.minus)?;
    let ok = match check.op {
        Relation::Eq => i128::from(left) == right,
        Relation::Ge => i128::from(left) >= right,
    };
    (!ok).then(|| (left, i64::try_from(right).unwrap_or(i64::MAX)))
}

fn count_of(c: &Cell) -> Option<u64> {
    match c {
        Cell::Count(v) => Some(*v),
        _ => None,
    }
}

/// The sums the form implies, on every row; blank cells are not checked.
pub(super) fn check_rows(form: &Form, rows: &[TableRow]) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for check in &form.checks {
        for row in rows {
            if let Some((left, right)) = check_one(form, check, &|i| count_of(&row.cells[i])) {
                out.push(Mismatch {
                    check: check.text.clone(),
                    at: row.label.clone(),
                    left,
                    right,
                });
            }
        }
    }
    out
}

/// The sums the form implies, in every block column.
pub(super) fn check_blocks(form: &Form, blocks: &[Vec<Cell>]) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for check in &form.checks {
        for (b, cells) in blocks.iter().enumerate() {
            if let Some((left, right)) = check_one(form, check, &|i| count_of(&cells[i])) {
                out.push(Mismatch {
                    check: check.text.clone(),
                    at: form.blocks[b].0.label.clone(),
                    left,
                    right,
                });
            }
        }
    }
    out
}

/// Parses "3 = 4 + 8", "2 >= 12 + 13" or "11 = 1 + 2 - 6" (a minus sign
/// stands after a space, so a number may hold a hyphen).
pub(super) fn parse_check(s: &str) -> std::result::Result<Check, String> {
    let expected = || format!("\"{s}\": expected \"A = B + C\", \"A >= B + C\" or \"A = B - C\"");
    let (left, op, rest) = if let Some((l, r)) = s.split_once(">=") {
        (l, Relation::Ge, r)
    } else if let Some((l, r)) = s.split_once('=') {
        (l, Relation::Eq, r)
    } else {
        return Err(expected());
    };
    let (mut right, mut minus) = (Vec::new(), Vec::new());
    let mut term = String::new();
    let mut negative = false;
    let mut prev = ' ';
    for ch in rest.chars().chain(std::iter::once('+')) {
        let sign = ch == '+' || (matches!(ch, '-' | '\u{2212}') && prev.is_whitespace());
        if sign {
            let t = term.trim().to_string();
            if t.is_empty() {
                return Err(expected());
            }
            if negative { &mut minus } else { &mut right }.push(t);
            term.clear();
            negative = ch != '+';
        } else {
            term.push(ch);
        }
        prev = ch;
    }
    if left.trim().is_empty() {
        return Err(expected());
    }
    Ok(Check {
        text: s.trim().to_string(),
        left: left.trim().to_string(),
        op,
        right,
        minus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_read_sums_and_differences() {
        let c = parse_check("11 = 1 + 2 - 6").unwrap();
        assert_eq!(
            (c.left.as_str(), c.right.clone(), c.minus.clone()),
            (
                "11",
                vec!["1".to_string(), "2".into()],
                vec!["6".to_string()]
            )
        );
        // A hyphen inside a number is part of it; "−" is a minus too.
        let c = parse_check("3-1 >= 4 − 5").unwrap();
        assert_eq!((c.left.as_str(), c.op), ("3-1", Relation::Ge));
        assert_eq!(
            (c.right, c.minus),
            (vec!["4".to_string()], vec!["5".to_string()])
        );
        assert!(parse_check("1 = 2 + ").is_err());
        assert!(parse_check("1 = - 2").is_err());
        assert!(parse_check("1 2").is_err());
    }
}
