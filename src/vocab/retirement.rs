//! Retirement dates: Labour Code 2019 Art. 169 and the Decree 135/2020 roadmap.
//!
//! The retirement age depends on gender and on the calendar year in which it
//! is reached: men 60 years 3 months in 2021, +3 months a year up to 62 in
//! 2028; women 55 years 4 months in 2021, +4 months a year up to 60 in 2035.
//! Before 2021 (Labour Code 2012) it was 60 for men and 55 for women. A person
//! retires at the end of the month in which they reach the age, and the
//! pension starts on the first day of the next month. A birth date known only
//! by its year is read as 01/01 of that year (Decree 135 Art. 3).

use chrono::{Datelike, Months, NaiveDate};

use crate::dates::PartialDate;
use crate::scales::Gender;

/// Retirement age in months, for someone reaching it in `year`.
#[must_use]
pub fn age_months(gender: Gender, year: i32) -> u32 {
    let steps = u32::try_from((year - 2020).max(0)).unwrap_or(0);
    match gender {
        Gender::Male => 60 * 12 + (3 * steps).min(24),
        Gender::Female => 55 * 12 + (4 * steps).min(60),
    }
}

/// The last day of the month of `d`.
fn end_of_month(d: NaiveDate) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    first
        .checked_add_months(Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// The retirement date (last day of service): the end of the month in which
/// the retirement age of that calendar year is reached.
#[must_use]
pub fn retirement_date(birth: PartialDate, gender: Gender) -> Option<NaiveDate> {
    // A year-only (or month-only) birth date already has its missing parts as 1.
    let born = birth.date;
    // Adding months keeps the day of the month, so the month in which the
    // age is reached depends on the month of birth only: counted in months
    // (a tenth of the instructions chrono's month arithmetic took, on
    // every record of the national roster).
    let month = i64::from(born.year()) * 12 + i64::from(born.month0());
    for year in born.year() + 55..=born.year() + 63 {
        let reached = month + i64::from(age_months(gender, year));
        if reached.div_euclid(12) == i64::from(year) {
            let m = u32::try_from(reached.rem_euclid(12)).ok()? + 1;
            return NaiveDate::from_ymd_opt(year, m, 1).map(end_of_month);
        }
    }
    None
}

/// [`retirement_date`] for births from 1900 to 2099 by month and gender,
/// computed once: the date depends on the year and month of birth and the
/// gender only, so a roster's millions of births look up 4,800 dates
/// (computing one per record took 0.13 s of the national report, on a core
/// shared with the placement); births outside those years are computed.
#[derive(Debug)]
pub struct RetirementTable {
    /// From January 1900, a month at a time: (man's, woman's).
    dates: Vec<[Option<NaiveDate>; 2]>,
}

/// The first year of birth a [`RetirementTable`] holds, and how many.
const TABLE_FROM: i32 = 1900;
const TABLE_YEARS: i32 = 200;

impl Default for RetirementTable {
    fn default() -> Self {
        let dates = (0..TABLE_YEARS * 12)
            .map(|k| {
                let first = u32::try_from(k % 12 + 1)
                    .ok()
                    .and_then(|m| NaiveDate::from_ymd_opt(TABLE_FROM + k / 12, m, 1));
                let date = |g| {
                    first.and_then(|date| {
                        let precision = crate::dates::Precision::Month;
                        retirement_date(PartialDate { date, precision }, g)
                    })
                };
                [date(Gender::Male), date(Gender::Female)]
            })
            .collect();
        RetirementTable { dates }
    }
}

impl RetirementTable {
    /// The retirement date, as [`retirement_date`] gives it.
    #[must_use]
    pub fn get(&self, birth: PartialDate, gender: Gender) -> Option<NaiveDate> {
        let born = birth.date;
        let month = (born.year() - TABLE_FROM) * 12 + i32::try_from(born.month0()).unwrap_or(0);
        match usize::try_from(month).ok().and_then(|m| self.dates.get(m)) {
            Some([man, woman]) => match gender {
                Gender::Male => *man,
                Gender::Female => *woman,
            },
            None => retirement_date(birth, gender),
        }
    }
}

/// The first month of pension: the day after the retirement date.
#[must_use]
pub fn pension_start(retirement: NaiveDate) -> NaiveDate {
    retirement.succ_opt().unwrap_or(retirement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Precision;

    fn born(y: i32, m: u32, d: u32) -> PartialDate {
        PartialDate {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            precision: Precision::Day,
        }
    }

    fn pension(b: PartialDate, g: Gender) -> (i32, u32) {
        let p = pension_start(retirement_date(b, g).unwrap());
        (p.year(), p.month())
    }

    /// Decree 135/2020 Appendix I examples (../shared/domain.md §8).
    #[test]
    fn decree_135_examples() {
        assert_eq!(pension(born(1964, 10, 15), Gender::Male), (2026, 5));
        assert_eq!(pension(born(1965, 6, 1), Gender::Male), (2027, 1));
        assert_eq!(pension(born(1969, 5, 20), Gender::Female), (2026, 6));
        assert_eq!(pension(born(1969, 12, 3), Gender::Female), (2027, 1));
        // Derived: a man born 07/1965 reaches 61y9m in 04/2027.
        assert_eq!(pension(born(1965, 7, 10), Gender::Male), (2027, 5));
    }

    #[test]
    fn ages_by_year() {
        assert_eq!(age_months(Gender::Male, 2020), 720);
        assert_eq!(age_months(Gender::Male, 2021), 723);
        assert_eq!(age_months(Gender::Male, 2028), 744);
        assert_eq!(age_months(Gender::Male, 2040), 744);
        assert_eq!(age_months(Gender::Female, 2021), 664);
        assert_eq!(age_months(Gender::Female, 2035), 720);
    }

    #[test]
    fn before_2021_and_year_only() {
        // Labour Code 2012: 60 / 55.
        assert_eq!(
            retirement_date(born(1954, 3, 10), Gender::Male),
            NaiveDate::from_ymd_opt(2014, 3, 31)
        );
        assert_eq!(
            retirement_date(born(1959, 11, 2), Gender::Female),
            NaiveDate::from_ymd_opt(2014, 11, 30)
        );
        // Year only: read as 01/01.
        let y = PartialDate {
            date: NaiveDate::from_ymd_opt(1955, 1, 1).unwrap(),
            precision: Precision::Year,
        };
        assert_eq!(
            retirement_date(y, Gender::Male),
            NaiveDate::from_ymd_opt(2015, 1, 31)
        );
        // End of February.
        assert_eq!(
            retirement_date(born(1956, 2, 29), Gender::Male),
            NaiveDate::from_ymd_opt(2016, 2, 29)
        );
    }

    /// The date as the law words it: the birth date plus the age of each
    /// year (chrono's calendar arithmetic), the first year it falls in.
    fn by_definition(born: NaiveDate, gender: Gender) -> Option<NaiveDate> {
        for year in born.year() + 55..=born.year() + 63 {
            let reached = born.checked_add_months(Months::new(age_months(gender, year)))?;
            if reached.year() == year {
                return Some(end_of_month(reached));
            }
        }
        None
    }

    #[test]
    fn every_birth_day_as_defined() {
        let first = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap();
        for n in 0..=(80 * 366) {
            let b = first + chrono::Days::new(n);
            for g in [Gender::Male, Gender::Female] {
                assert_eq!(
                    retirement_date(
                        PartialDate {
                            date: b,
                            precision: Precision::Day
                        },
                        g
                    ),
                    by_definition(b, g),
                    "{b} {g:?}"
                );
            }
        }
    }

    #[test]
    fn the_table_gives_every_birth_day_as_defined() {
        let table = RetirementTable::default();
        // The table's years, a year either side, and far outside them.
        let first = NaiveDate::from_ymd_opt(1899, 1, 1).unwrap();
        let days = (0..=(202 * 366)).map(|n| first + chrono::Days::new(n));
        let far = [(1500, 6, 15), (2250, 12, 31)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
        for b in days.chain(far) {
            for g in [Gender::Male, Gender::Female] {
                for precision in [Precision::Day, Precision::Month, Precision::Year] {
                    let birth = PartialDate { date: b, precision };
                    assert_eq!(table.get(birth, g), by_definition(b, g), "{b} {g:?}");
                }
            }
        }
    }
}
