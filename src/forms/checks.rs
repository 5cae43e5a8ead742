//! The sums a form implies ("3 = 4 + 8", "2 >= 12 + 13"): read from the
//! form file, checked on every unit row or block column.

use super::def::Form;
use super::{Cell, Mismatch, TableRow};

/// A check the form implies: `left op right₁ + right₂ …` over criterion
/// numbers, on every unit row (units form) or block column (criteria form).
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
}

/// A check's relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Equal.
    Eq,
    /// At least.
    Ge,
}

fn check_one(form: &Form, check: &Check, get: &dyn Fn(usize) -> Option<u64>) -> Option<(u64, u64)> {
    let index = |n: &str| form.criteria.iter().position(|c| c.number == n);
    let left = get(index(&check.left)?)?;
    let right: Option<u64> = check.right.iter().map(|n| get(index(n)?)).sum();
    let right = right?;
    let ok = match check.op {
        Relation::Eq => left == right,
        Relation::Ge => left >= right,
    };
    (!ok).then_some((left, right))
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

/// Parses "3 = 4 + 8" or "2 >= 12 + 13".
pub(super) fn parse_check(s: &str) -> std::result::Result<Check, String> {
    let (left, op, right) = if let Some((l, r)) = s.split_once(">=") {
        (l, Relation::Ge, r)
    } else if let Some((l, r)) = s.split_once('=') {
        (l, Relation::Eq, r)
    } else {
        return Err(format!("\"{s}\": expected \"A = B + C\" or \"A >= B + C\""));
    };
    let right: Vec<String> = right.split('+').map(|p| p.trim().to_string()).collect();
    if left.trim().is_empty() || right.iter().any(String::is_empty) {
        return Err(format!("\"{s}\": expected \"A = B + C\" or \"A >= B + C\""));
    }
    Ok(Check {
        text: s.trim().to_string(),
        left: left.trim().to_string(),
        op,
        right,
    })
}
