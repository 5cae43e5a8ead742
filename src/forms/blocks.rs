//! Criteria forms: which units each block (column) takes, and blocks that
//! add up others ("3 = 4 + 8").

use super::count::Sums;
use super::def::{Form, Value};
use crate::units::Hierarchy;

/// Each block's sums: its units', or the sum of the blocks it adds up;
/// the people of the population in units no block takes, and in units more
/// than one block takes (counted in each).
pub(super) fn block_sums(
    form: &Form,
    h: &Hierarchy,
    leaves: &[usize],
    sum_over: &dyn Fn(&[usize]) -> Sums,
) -> (Vec<Sums>, u64, u64) {
    let mut in_block = vec![0u32; h.nodes.len()];
    let folded: Vec<String> = h.nodes.iter().map(|n| crate::text::fold(&n.name)).collect();
    let mut out: Vec<Option<Sums>> = form
        .blocks
        .iter()
        .map(|(b, rule)| {
            if !b.sum_of.is_empty() {
                return None;
            }
            let taken: Vec<usize> = leaves
                .iter()
                .copied()
                .filter(|&l| rule.takes(h, l, &folded))
                .collect();
            for &l in &taken {
                in_block[l] += 1;
            }
            Some(sum_over(&taken))
        })
        .collect();
    // Sums of sums resolve in as many passes as they nest.
    for _ in 0..form.blocks.len() {
        for (i, (b, _)) in form.blocks.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let parts: Option<Vec<&Sums>> = b
                .sum_of
                .iter()
                .map(|n| {
                    let j = form.blocks.iter().position(|(x, _)| &x.number == n)?;
                    out[j].as_ref()
                })
                .collect();
            if let Some(parts) = parts {
                let mut t = sum_over(&[]);
                for p in parts {
                    t.add(p);
                }
                out[i] = Some(t);
            }
        }
    }
    let outside: Vec<usize> = leaves
        .iter()
        .copied()
        .filter(|&l| in_block[l] == 0)
        .collect();
    let twice: Vec<usize> = leaves
        .iter()
        .copied()
        .filter(|&l| in_block[l] > 1)
        .collect();
    // The population count of those units: the first criterion counting
    // everyone ("Tổng số") if there is one.
    let everyone = form
        .criteria
        .iter()
        .position(|c| c.rule.conds.is_empty() && c.value == Value::Count);
    let count = |units: &[usize]| everyone.map_or(0, |i| sum_over(units).figures[i].sum);
    let (outside, twice) = (count(&outside), count(&twice));
    let blocks = out
        .into_iter()
        .map(|t| t.unwrap_or_else(|| sum_over(&[])))
        .collect();
    (blocks, outside, twice)
}

/// The blocks no other block adds up (8B: column 3, "Tổng"), with their
/// numbers and sums: the whole form, part by part.
pub(super) fn top_blocks(form: &Form, sums: Vec<Sums>) -> Vec<(Option<String>, Sums)> {
    form.blocks
        .iter()
        .zip(sums)
        .filter(|((b, _), _)| {
            !form
                .blocks
                .iter()
                .any(|(o, _)| o.sum_of.contains(&b.number))
        })
        .map(|((b, _), t)| (Some(b.number.clone()), t))
        .collect()
}

/// The roster-unit nodes at and below each node.
pub(super) fn leaves_below(h: &Hierarchy) -> Vec<Vec<usize>> {
    let mut below = vec![Vec::new(); h.nodes.len()];
    for n in 0..h.nodes.len() {
        if h.nodes[n].roster_unit.is_some() {
            below[n].push(n);
            for a in h.ancestors(n) {
                below[a].push(n);
            }
        }
    }
    below
}

pub(super) fn node_id(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
