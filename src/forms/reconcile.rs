//! What a form's columns leave out, said under it: for each reconcile group
//! how its columns add up to the total they split (with the people of
//! unknown value and the columns left blank), and for the other columns the
//! people whose value is unknown, whom no column counts.

use super::Note;
use super::count::Sums;
use super::def::{Form, Value};
use super::query::Split;
use super::rule::Dim;

/// The reconciliation of every group over each part of the whole form
/// (`whole`: the "Tổng số" row, or each top block of a criteria form with
/// its number). A group whose columns are all blank gets no line: the blank
/// notes say why.
pub(super) fn reconcile_notes(
    form: &Form,
    splits: &[Option<Split>],
    whole: &[(Option<String>, Sums)],
    blank: &[bool],
) -> Vec<Note> {
    let mut out = Vec::new();
    for (block, t) in whole {
        for (g, (rc, split)) in form.reconcile.iter().zip(splits).enumerate() {
            let Some(Split { members, of, .. }) = split else {
                continue;
            };
            let of = *of;
            if blank[of] || members.iter().all(|&i| blank[i]) {
                continue;
            }
            let total = t.figures[of].sum;
            let counted: u64 = members
                .iter()
                .filter(|&&i| !blank[i])
                .map(|&i| t.figures[i].sum)
                .sum();
            let unknown = t.unknown.get(g).copied().unwrap_or(0);
            // A part of the form with no one in it has nothing to reconcile.
            if total == 0 && counted == 0 && unknown == 0 {
                continue;
            }
            let rest = i128::from(total) - i128::from(counted) - i128::from(unknown);
            out.push(Note::Reconcile {
                group: rc.label.clone(),
                first: rc.criteria[0].clone(),
                last: rc.criteria[1].clone(),
                of: rc.of.clone(),
                block: block.clone(),
                total,
                counted,
                unknown,
                rest: i64::try_from(rest).unwrap_or(i64::MIN),
                blank: members
                    .iter()
                    .filter(|&&i| blank[i])
                    .map(|&i| form.criteria[i].number.clone())
                    .collect(),
            });
        }
    }
    out
}

/// For each field the form's counting columns test outside a reconcile
/// group that splits by it: how many people of the whole form have no known
/// value, so no such column counts them ("Dân tộc thiểu số" with people
/// whose ethnicity is not written).
pub(super) fn unknown_notes(
    form: &Form,
    splits: &[Option<Split>],
    whole: &[(Option<String>, Sums)],
    blank: &[bool],
    dims: &[&'static str],
) -> Vec<Note> {
    let mut out = Vec::new();
    for (d, &dim) in dims.iter().enumerate() {
        let people: u64 = whole.iter().map(|(_, t)| t.missing[d]).sum();
        if people == 0 {
            continue;
        }
        let numbers: Vec<String> = form
            .criteria
            .iter()
            .enumerate()
            .filter(|&(i, c)| {
                c.value == Value::Count
                    && !blank[i]
                    && c.rule.dims().contains(&Dim::Frame(dim))
                    && !splits
                        .iter()
                        .flatten()
                        .any(|s| s.dim == Some(dim) && s.members.contains(&i))
            })
            .map(|(_, c)| c.number.clone())
            .collect();
        if !numbers.is_empty() {
            out.push(Note::Unknown {
                numbers,
                field: dim,
                people,
            });
        }
    }
    out
}
