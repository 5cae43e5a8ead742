//! The planning sheets: projection to the deadline, the training plan, and
//! the retirements before the deadline.

mod projection;
mod retirements;
mod training_plan;

pub(super) use projection::projection;
pub(super) use retirements::retirements;
pub(super) use training_plan::plan;

use chrono::NaiveDate;
use rust_xlsxwriter::XlsxError;

use super::{Formats, ReportInput};
use crate::compliance::Group;
use crate::labels::{self, Lang};

fn row_u32(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

#[allow(clippy::cast_precision_loss)]
pub(super) fn num(n: i64) -> f64 {
    n as f64
}

fn group_name(input: &ReportInput<'_>, g: Group) -> (String, String) {
    match g {
        Group::Unit(n) | Group::Parent(n) => {
            let node = &input.hierarchy.nodes[n];
            (node.code.clone().unwrap_or_default(), node.name.clone())
        }
        Group::All => (
            String::new(),
            labels::get(input.lang).whole_roster.to_string(),
        ),
    }
}

pub(super) fn write_date<'f>(
    rows: &mut crate::output::ListRows<'_, 'f>,
    f: &'f Formats,
    c: u16,
    d: Option<NaiveDate>,
) -> Result<(), XlsxError> {
    match d {
        Some(d) => rows.date(c, d, &f.date),
        None => rows.blank(c, &f.cell),
    }
}

pub(super) fn current_level(lang: Lang, e: Option<crate::scales::Education>) -> &'static str {
    labels::education(lang, e)
}
