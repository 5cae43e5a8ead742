//! List forms (BM03/BNV, BM04/BNV): one row per person and unit, in the
//! units' report order; fields the staff table does not hold are blank.
//! A filled list holds each person as their record and unit (8 bytes); the
//! row's cells are made as the sheet or the JSON is written.

use std::borrow::Cow;

use polars::prelude::*;

use super::def::{Form, PersonField};
use super::sheet::SheetInput;
use super::{Cell, FormTable, Note, RowKind, TableRow};
use crate::roster::{Roster, StaffRow};
use crate::scales::Gender;
use crate::staff::StaffFrame;
use crate::units::Hierarchy;

pub(super) fn fill(form: &Form, staff: &StaffFrame, h: &Hierarchy) -> PolarsResult<FormTable> {
    let population = staff
        .df
        .clone()
        .lazy()
        .filter(form.population.expr().unwrap_or(lit(false)));
    // In the units' order below.
    let df = crate::staff::each_person_once(population, Some("leaf"))?
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
    let people = order
        .into_iter()
        .map(|i| ListedPerson {
            rec: recs[i],
            node: nodes[i],
        })
        .collect();
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
        rows: Vec::new(),
        people,
        notes,
        mismatches: Vec::new(),
    })
}

/// A person on a list form: their record in the roster and their unit's
/// node in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedPerson {
    /// Index of the posting in the roster's staff table.
    pub rec: u32,
    /// Index in the hierarchy's nodes.
    pub node: u32,
}

/// Person number `n`'s (from 1) row as the JSON carries it.
pub(super) fn row(form: &Form, input: &SheetInput<'_>, n: usize, p: ListedPerson) -> TableRow {
    let node = &input.hierarchy.nodes[p.node as usize];
    TableRow {
        kind: RowKind::Person,
        depth: 0,
        label: node.name.clone(),
        code: node.code.clone(),
        cells: cells(form, input, n, p),
        unknown: Vec::new(),
    }
}

/// Person number `n`'s (from 1) cells.
pub(super) fn cells(form: &Form, input: &SheetInput<'_>, n: usize, p: ListedPerson) -> Vec<Cell> {
    fields(form, input, (n, p))
        .into_iter()
        .map(|f| match f {
            Field::Blank => Cell::Blank,
            Field::Count(v) => Cell::Count(v),
            Field::Text(s) => Cell::Text(s.into_owned()),
        })
        .collect()
}

/// A person's field on a list form, borrowed from the roster where it can
/// be (a sheet writes them as they come).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Field<'a> {
    Blank,
    Count(u64),
    Text(Cow<'a, str>),
}

/// Person number `n`'s (from 1) fields: the birth date under the column of
/// the person's gender; fields the staff table does not hold blank.
pub(super) fn fields<'a>(
    form: &Form,
    input: &SheetInput<'a>,
    (n, p): (usize, ListedPerson),
) -> Vec<Field<'a>> {
    let roster: &'a Roster = input.roster;
    let r: StaffRow = roster.staff.row(p.rec as usize);
    let unit: &'a str = &input.hierarchy.nodes[p.node as usize].name;
    let t = &roster.texts;
    let birth = |g: Gender| match (r.birth, r.gender) {
        (Some(b), Some(x)) if x == g => Field::Text(Cow::Owned(b.display())),
        _ => Field::Blank,
    };
    let text = |v: Option<crate::roster::Text>| {
        t.opt(v)
            .map_or(Field::Blank, |s| Field::Text(Cow::Borrowed(s)))
    };
    form.criteria
        .iter()
        .map(|c| match c.field.unwrap_or(PersonField::Remarks) {
            PersonField::Number => Field::Count(n as u64),
            PersonField::Name => Field::Text(Cow::Borrowed(t.get(r.name))),
            PersonField::BirthMale => birth(Gender::Male),
            PersonField::BirthFemale => birth(Gender::Female),
            PersonField::Title => text(r.title),
            PersonField::Unit => Field::Text(Cow::Borrowed(unit)),
            PersonField::GradeCode => text(r.grade_code),
            PersonField::Grade => text(r.grade),
            PersonField::Salary | PersonField::TimeInPost | PersonField::Remarks => Field::Blank,
        })
        .collect()
}
