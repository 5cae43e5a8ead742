//! List forms (BM03/BNV, BM04/BNV): one row per person and unit, in the
//! units' report order; fields the staff table does not hold are blank.

use polars::prelude::*;

use super::def::{Form, PersonField};
use super::{Cell, FormTable, Note, RowKind, TableRow};
use crate::roster::{Roster, StaffRecord};
use crate::scales::Gender;
use crate::staff::StaffFrame;
use crate::units::Hierarchy;

pub(super) fn fill(
    form: &Form,
    staff: &StaffFrame,
    roster: &Roster,
    h: &Hierarchy,
) -> PolarsResult<FormTable> {
    let df = staff
        .df
        .clone()
        .lazy()
        .filter(form.population.expr().unwrap_or(lit(false)))
        .unique_stable_generic(
            Some(vec![col("leaf"), col("person")]),
            UniqueKeepStrategy::First,
        )
        .select([col("rec"), col("leaf")])
        .collect()?;
    let recs = crate::staff::u32s(&df, "rec")?;
    let nodes = crate::staff::u32s(&df, "leaf")?;
    let mut position = vec![usize::MAX; h.nodes.len()];
    for (i, n) in h.report_order().into_iter().enumerate() {
        position[n] = i;
    }
    let mut order: Vec<usize> = (0..recs.len()).collect();
    order.sort_by_key(|&i| (position[nodes[i] as usize], recs[i]));
    let mut rows = Vec::with_capacity(order.len());
    for (k, &i) in order.iter().enumerate() {
        let r = &roster.records[recs[i] as usize];
        let node = &h.nodes[nodes[i] as usize];
        rows.push(TableRow {
            kind: RowKind::Person,
            depth: 0,
            label: node.name.clone(),
            code: node.code.clone(),
            cells: person_cells(form, roster, (k + 1, r), &node.name),
            unknown: Vec::new(),
        });
    }
    let notes = form
        .criteria
        .iter()
        .filter_map(|c| {
            let field = match c.field? {
                PersonField::Salary => "salary",
                PersonField::TimeInPost => "time_in_post",
                _ => return None,
            };
            Some(Note::NotRecorded {
                number: c.number.clone(),
                field,
            })
        })
        .collect();
    Ok(FormTable {
        rows,
        notes,
        mismatches: Vec::new(),
    })
}

/// Person number `n`'s fields, record `r` listed under `unit`: the birth
/// date under the column of the person's gender; fields the staff table does
/// not hold blank.
fn person_cells(
    form: &Form,
    roster: &Roster,
    (n, r): (usize, &StaffRecord),
    unit: &str,
) -> Vec<Cell> {
    let t = &roster.texts;
    let birth = |g: Gender| match (r.birth, r.gender) {
        (Some(b), Some(x)) if x == g => Cell::Text(b.display()),
        _ => Cell::Blank,
    };
    let text = |v: Option<crate::roster::Text>| {
        t.opt(v).map_or(Cell::Blank, |s| Cell::Text(s.to_string()))
    };
    form.criteria
        .iter()
        .map(|c| match c.field.unwrap_or(PersonField::Remarks) {
            PersonField::Number => Cell::Count(n as u64),
            PersonField::Name => Cell::Text(t.get(r.name).to_string()),
            PersonField::BirthMale => birth(Gender::Male),
            PersonField::BirthFemale => birth(Gender::Female),
            PersonField::Title => text(r.title),
            PersonField::Unit => Cell::Text(unit.to_string()),
            PersonField::GradeCode => text(r.grade_code),
            PersonField::Grade => text(r.grade),
            PersonField::Salary | PersonField::TimeInPost | PersonField::Remarks => Cell::Blank,
        })
        .collect()
}
