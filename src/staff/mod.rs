//! The clean staff table as a columnar polars frame: one row per posting,
//! every attribute a count needs as a small integer, unknown as -1. Built
//! once after cleaning; compliance, the forms and the structure counts are
//! queries over it.
//!
//! Columns: `rec` (record index), `person`, `several_postings` (the person
//! has more than one record), `unit` (roster unit), `leaf`
//! (its node in the hierarchy), `category`, `commune`, `gov_level`,
//! `unit_type`, `title` (class of the folded title), `education`,
//! `political_theory`, `state_management` (ranks from the lowest level),
//! `female` (1/0), `age` (full years at the as-of date), `past_retirement`
//! (1 when the last day of service is before the as-of date), `minority`,
//! `party`, `grade_rank` (0 = CVCC … 4 = Nhân viên), `title_class` (hạng
//! 1–5), `it`, `english`, `other_language` (0 none, 1 certificate, 2
//! degree), `leader` (1 when the title is a head's or deputy's).
//!
//! Text attributes are read once per distinct text id, not once per row.

mod columns;

use std::collections::HashMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::dates::PartialDate;
use crate::policy::UnitType;
use crate::roster::Roster;
use crate::scales::{Education, Gender, PoliticalTheory, StateManagement};
use crate::units::Hierarchy;

/// Unknown values are -1 in the frame; levels are their rank from 0.
#[must_use]
pub fn rank<T: Copy + Ord>(v: Option<T>, all: &[T]) -> i8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(-1, |i| i8::try_from(i).unwrap_or(i8::MAX))
}

/// Education levels, lowest first (their index is the frame's value).
pub const EDU: [Education; 7] = Education::ASCENDING;
/// Political theory levels, lowest first.
pub const LLCT: [PoliticalTheory; 5] = {
    use PoliticalTheory::*;
    [None, SoCap, TrungCap, CaoCap, CuNhan]
};
/// State management levels, lowest first.
pub const QLNN: [StateManagement; 5] = {
    use StateManagement::*;
    [None, CanSu, ChuyenVien, ChuyenVienChinh, ChuyenVienCaoCap]
};
/// Unit types, in the frame's order.
pub const UNIT_TYPES: [UnitType; 4] = [
    UnitType::AdministrativeAgency,
    UnitType::PublicServiceUnit,
    UnitType::CommuneCommittee,
    UnitType::Other,
];

/// Folded title → its class in the frame's `title` column.
pub type TitleKeys = HashMap<String, u32>;

/// The staff frame and the classes of its title column.
#[derive(Debug, Clone)]
pub struct StaffFrame {
    /// One row per posting, in record order.
    pub df: DataFrame,
    /// Folded title → class.
    pub titles: TitleKeys,
}

fn i8_of(b: Option<bool>) -> i8 {
    b.map_or(-1, i8::from)
}

/// Builds the frame. `retire` is each record's last day of service (when
/// known), as the projection computes it.
pub fn build(
    roster: &Roster,
    h: &Hierarchy,
    as_of: NaiveDate,
    retire: &[Option<NaiveDate>],
) -> PolarsResult<StaffFrame> {
    let n = roster.staff.len();
    let (columns, titles) = columns::columns(roster, h, as_of, retire);
    Ok(StaffFrame {
        df: DataFrame::new(n, columns)?,
        titles,
    })
}

/// Whether a person's last day of service (`retire`) is before the as-of
/// date. Without a gender it is known when both sexes' ages agree: a
/// person of 65 in 2025 is past either (Decree 135), one of 40 past neither.
/// `given` is the posting's gender, retirement date and birth date.
#[inline]
fn past_retirement(
    given: (Option<Gender>, Option<PartialDate>, Option<PartialDate>),
    retire: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<bool> {
    use crate::vocab::retirement::retirement_date;
    // No gender (and no date in the roster): `retire` is a man's date, the
    // latest (projection::retirement_dates); between a woman's and a man's
    // the answer is not known.
    if let ((None, None, Some(b)), Some(man)) = (given, retire) {
        let man = man < as_of;
        let woman = retirement_date(b, Gender::Female)? < as_of;
        return (man == woman).then_some(man);
    }
    retire.map(|d| d < as_of)
}

/// The rows of `lf` with each person once per value of `by` (or once, for
/// `None`), their first row, in no particular order: the people with one
/// posting as they are, the others made unique. On the national roster the
/// forms counted 0.3 s sooner than with every row hashed.
pub fn each_person_once(lf: LazyFrame, by: Option<&str>) -> PolarsResult<LazyFrame> {
    let keys = by.map_or(vec![col("person")], |by| vec![col(by), col("person")]);
    let single = lf.clone().filter(col("several_postings").not());
    let several = lf
        .filter(col("several_postings"))
        .unique_stable_generic(Some(keys), UniqueKeepStrategy::First);
    concat([single, several], UnionArgs::default())
}

/// A column of a query's result as unsigned integers (cast as needed).
pub fn u64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::UInt64)?
        .u64()?
        .rechunk()
        .cont_slice()?
        .to_vec())
}

/// A `u32` column of a query's result (record, person, unit ids).
pub fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(df.column(name)?.u32()?.rechunk().cont_slice()?.to_vec())
}

/// A polars failure as the tool's error, naming the computation.
#[must_use]
pub fn polars_error(what: &str, e: &PolarsError) -> crate::error::Error {
    crate::error::Error::Usage(format!("internal error in {what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_person_once_keeps_the_first_row_per_unit() {
        // Person 1 twice in unit 10 and once in unit 11; person 2 once;
        // person 3 has one posting (in the frame twice only by mistake, so
        // kept as it is: the flag says one posting).
        let df = df![
            "rec" => [0u32, 1, 2, 3, 4, 5],
            "person" => [1u32, 2, 1, 1, 3, 3],
            "unit" => [10u32, 10, 10, 11, 12, 12],
            "several_postings" => [true, false, true, true, false, false],
        ]
        .unwrap();
        let recs = |by: Option<&str>| {
            let out = each_person_once(df.clone().lazy(), by)
                .unwrap()
                .collect()
                .unwrap();
            let mut r = u32s(&out, "rec").unwrap();
            r.sort_unstable();
            r
        };
        assert_eq!(recs(Some("unit")), [0, 1, 3, 4, 5]);
        assert_eq!(recs(None), [0, 1, 4, 5]);
    }
}
