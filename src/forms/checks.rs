//! The sums a form implies ("3 = 4 + 8", "2 >= 12 + 13", "11 = 1 + 2 - 6"):
//! read from the form file, checked on every unit row or block column.

use super::def::Form;
use super::{Cell, Mismatch, Note, TableRow};

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

/// A check on one row: holds, fails (left, right), or cannot be checked
/// because these criteria's cells are blank.
enum Outcome {
    Holds,
    Fails(u64, i64),
    Blank(Vec<usize>),
}

fn check_one(form: &Form, check: &Check, get: &dyn Fn(usize) -> Option<u64>) -> Outcome {
    let index = |n: &str| form.criteria.iter().position(|c| c.number == n);
    let terms: Vec<Option<usize>> = check.numbers().map(|n| index(n)).collect();
    let blank: Vec<usize> = terms
        .iter()
        .flatten()
        .copied()
        .filter(|&i| get(i).is_none())
        .collect();
    if !blank.is_empty() || terms.iter().any(Option::is_none) {
        return Outcome::Blank(blank);
    }
    let value = |n: &String| index(n).and_then(get).map_or(0, i128::from);
    let left = index(&check.left).and_then(get).unwrap_or(0);
    let right: i128 =
        check.right.iter().map(value).sum::<i128>() - check.minus.iter().map(value).sum::<i128>();
    let ok = match check.op {
        Relation::Eq => i128::from(left) == right,
        Relation::Ge => i128::from(left) >= right,
    };
    if ok {
        Outcome::Holds
    } else {
        Outcome::Fails(left, i64::try_from(right).unwrap_or(i64::MAX))
    }
}

fn count_of(c: &Cell) -> Option<u64> {
    match c {
        Cell::Count(v) => Some(*v),
        _ => None,
    }
}

/// Every check on every line (a row's cells, or a block's), labelled by
/// `at`: the failures, and for each check that meets a blank cell, where.
fn check_lines<'a>(
    form: &Form,
    lines: impl Iterator<Item = (&'a [Cell], &'a str)> + Clone,
) -> (Vec<Mismatch>, Vec<Note>) {
    let (mut failed, mut unchecked) = (Vec::new(), Vec::new());
    for check in &form.checks {
        let (mut skipped, mut of) = (0u64, 0u64);
        let mut blank: Vec<usize> = Vec::new();
        for (cells, at) in lines.clone() {
            of += 1;
            match check_one(form, check, &|i| cells.get(i).and_then(count_of)) {
                Outcome::Holds => {}
                Outcome::Fails(left, right) => failed.push(Mismatch {
                    check: check.text.clone(),
                    at: at.to_string(),
                    left,
                    right,
                }),
                Outcome::Blank(b) => {
                    skipped += 1;
                    blank.extend(b);
                }
            }
        }
        if skipped > 0 {
            blank.sort_unstable();
            blank.dedup();
            unchecked.push(Note::Unchecked {
                check: check.text.clone(),
                blank: blank
                    .iter()
                    .map(|&i| form.criteria[i].number.clone())
                    .collect(),
                skipped,
                of,
            });
        }
    }
    (failed, unchecked)
}

/// The sums the form implies, on every row; a check meeting a blank cell
/// is not checked there, and a note says so.
pub(super) fn check_rows(form: &Form, rows: &[TableRow]) -> (Vec<Mismatch>, Vec<Note>) {
    check_lines(
        form,
        rows.iter().map(|r| (r.cells.as_slice(), r.label.as_str())),
    )
}

/// The sums the form implies, in every block column.
pub(super) fn check_blocks(form: &Form, blocks: &[Vec<Cell>]) -> (Vec<Mismatch>, Vec<Note>) {
    check_lines(
        form,
        blocks
            .iter()
            .zip(&form.blocks)
            .map(|(cells, (b, _))| (cells.as_slice(), b.label.as_str())),
    )
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

    /// A sum over a cell blank on one row of two (a quota given for one
    /// unit only) is checked on the other row and said unchecked on one;
    /// a failure elsewhere is still found.
    #[test]
    fn a_blank_cell_leaves_its_check_unchecked_on_that_row_only() {
        let text = "code = \"X\"\nbasis = \"b\"\ntitle = \"t\"\norientation = \"units\"\n\
            checks = [\"1 >= 2\", \"2 >= 3\"]\n\
            [[criterion]]\nnumber = \"1\"\nlabel = \"q\"\nvalue = \"quota\"\n\
            [[criterion]]\nnumber = \"2\"\nlabel = \"a\"\ncount = {}\n\
            [[criterion]]\nnumber = \"3\"\nlabel = \"b\"\ncount = { gender = \"female\" }\n";
        let form = Form::parse(text, std::path::Path::new("x.toml")).unwrap();
        let row = |label: &str, cells: Vec<Cell>| TableRow {
            kind: super::super::RowKind::Unit,
            depth: 0,
            label: label.into(),
            code: None,
            cells,
            unknown: Vec::new(),
        };
        let rows = [
            row("A", vec![Cell::Blank, Cell::Count(3), Cell::Count(4)]),
            row("B", vec![Cell::Count(5), Cell::Count(2), Cell::Count(1)]),
        ];
        let (failed, unchecked) = check_rows(&form, &rows);
        assert_eq!(
            failed,
            vec![Mismatch {
                check: "2 >= 3".into(),
                at: "A".into(),
                left: 3,
                right: 4
            }]
        );
        assert_eq!(
            unchecked,
            vec![Note::Unchecked {
                check: "1 >= 2".into(),
                blank: vec!["1".into()],
                skipped: 1,
                of: 2
            }]
        );
    }

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
