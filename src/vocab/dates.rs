//! Dates as rosters hold them: text in day-first forms, ISO dates, Excel date
//! cells and serial numbers (1900 system), month-and-year, and a bare year.
//!
//! A value that is less than a full date keeps its precision, so a year-only
//! birth date can be flagged and, where the law says so, read as 01/01.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::text::fold;

/// How much of a date the roster gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Day, month and year.
    Day,
    /// Month and year (day set to 1).
    Month,
    /// Year only (day and month set to 1).
    Year,
}

/// A date with the precision it was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The date; missing parts are 1.
    pub date: NaiveDate,
    /// What the roster gave.
    pub precision: Precision,
}

/// A date as dd/mm/yyyy (by hand, as [`PartialDate::display`]: lists and
/// data issues write one per row).
#[must_use]
pub fn dmy(date: NaiveDate) -> String {
    PartialDate::day(date).display()
}

impl PartialDate {
    fn day(date: NaiveDate) -> Self {
        Self {
            date,
            precision: Precision::Day,
        }
    }

    /// The value as a roster would write it: dd/mm/yyyy, mm/yyyy or yyyy.
    #[must_use]
    pub fn display(&self) -> String {
        let (y, m, d) = (self.date.year(), self.date.month(), self.date.day());
        if !(0..=9999).contains(&y) {
            // As chrono writes years of more than four digits (never seen
            // in a roster).
            return match self.precision {
                Precision::Day => self.date.format("%d/%m/%Y").to_string(),
                Precision::Month => self.date.format("%m/%Y").to_string(),
                Precision::Year => self.date.format("%Y").to_string(),
            };
        }
        // By hand: lists write a date per person (chrono's formatter took
        // twice the instructions of the rest of the row).
        let two = |s: &mut String, n: u32| {
            s.push(char::from(b'0' + (n / 10 % 10) as u8));
            s.push(char::from(b'0' + (n % 10) as u8));
        };
        let mut s = String::with_capacity(10);
        match self.precision {
            Precision::Day => {
                two(&mut s, d);
                s.push('/');
                two(&mut s, m);
                s.push('/');
            }
            Precision::Month => {
                two(&mut s, m);
                s.push('/');
            }
            Precision::Year => {}
        }
        let y = y.unsigned_abs();
        two(&mut s, y / 100);
        two(&mut s, y % 100);
        s
    }
}

/// The outcome of reading one date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRead {
    /// Read as written.
    Ok(PartialDate),
    /// Month and day were swapped (month > 12): read as mm/dd/yyyy.
    Swapped(PartialDate),
    /// A two-digit year ("15/6/75"), read in the century the caller chose.
    TwoDigitYear(PartialDate),
}

impl DateRead {
    /// The date, however it was read.
    #[must_use]
    pub fn value(self) -> PartialDate {
        match self {
            DateRead::Ok(d) | DateRead::Swapped(d) | DateRead::TwoDigitYear(d) => d,
        }
    }
}

/// A birth date typed with a two-digit year ("15/6/75", "15-06-75"), read in the century that makes the age on `as_of` fall in `ages`;
/// when neither does, the latest year not after `as_of`. `None` for anything
/// else (a four-digit year is [`parse_text`]'s).
#[must_use]
pub fn birth_two_digit_year(
    s: &str,
    as_of: NaiveDate,
    ages: &std::ops::RangeInclusive<i32>,
) -> Option<DateRead> {
    let s = s.trim();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
    {
        return None;
    }
    let nums: Vec<&str> = s.split(['/', '-', '.']).collect();
    let parse = |p: &str| p.parse::<u32>().ok();
    let (d, m, yy, precision) = match nums.as_slice() {
        [d, m, y] if y.len() == 2 && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) => {
            (parse(d)?, parse(m)?, parse(y)?, Precision::Day)
        }
        _ => return None,
    };
    let yy = i32::try_from(yy).ok()?;
    let candidates = [1900 + yy, 2000 + yy];
    let date_in = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
    let plausible = candidates.iter().find_map(|&y| {
        date_in(y).filter(|dt| *dt <= as_of && ages.contains(&years_between(*dt, as_of)))
    });
    let date = plausible.or_else(|| {
        candidates
            .iter()
            .rev()
            .find_map(|&y| date_in(y).filter(|dt| *dt <= as_of))
    })?;
    Some(DateRead::TwoDigitYear(PartialDate { date, precision }))
}

/// Converts an Excel serial day number (1900 system) to a date. Serial 60 is
/// Excel's fictitious 29/02/1900 and is rejected.
#[must_use]
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Truncation is the point: the integer part is the day, the fraction the time.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    let origin = if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else if days == 60 {
        return None;
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    origin.checked_add_signed(chrono::Duration::days(days))
}

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// Reads a number from a date column: a year (1900–2100) or an Excel serial.
#[must_use]
pub fn from_number(n: f64) -> Option<DateRead> {
    if n.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(&n) {
        // In range, so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let year = n as i32;
        return NaiveDate::from_ymd_opt(year, 1, 1).map(|date| {
            DateRead::Ok(PartialDate {
                date,
                precision: Precision::Year,
            })
        });
    }
    if n >= 367.0 {
        return from_excel_serial(n).map(|d| DateRead::Ok(PartialDate::day(d)));
    }
    None
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Reads a date typed as text.
#[must_use]
pub fn parse_text(s: &str) -> Option<DateRead> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // ISO, possibly with a time part: 1975-03-05, 1975-03-05T00:00:00, 1975/03/05.
    let nums: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let only_date_chars = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' ' | 'T' | ':'));
    if !only_date_chars {
        return parse_words(s);
    }
    let parse = |p: &str| p.parse::<u32>().ok();
    match nums.as_slice() {
        [y] if y.len() == 4 => {
            let y = i32::try_from(parse(y)?).ok()?;
            ymd(y, 1, 1).map(|date| {
                DateRead::Ok(PartialDate {
                    date,
                    precision: Precision::Year,
                })
            })
        }
        // A serial number typed as text.
        [n] if n.len() == 5 => {
            let n = f64::from(parse(n)?);
            from_excel_serial(n).map(|d| DateRead::Ok(PartialDate::day(d)))
        }
        [m, y] if y.len() == 4 && m.len() <= 2 => {
            let y = i32::try_from(parse(y)?).ok()?;
            ymd(y, parse(m)?, 1).map(|date| {
                DateRead::Ok(PartialDate {
                    date,
                    precision: Precision::Month,
                })
            })
        }
        [y, m, d, ..] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let y = i32::try_from(parse(y)?).ok()?;
            ymd(y, parse(m)?, parse(d)?).map(|d| DateRead::Ok(PartialDate::day(d)))
        }
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            let (y, d, m) = (i32::try_from(parse(y)?).ok()?, parse(d)?, parse(m)?);
            if m > 12 && d <= 12 {
                return ymd(y, d, m).map(|date| DateRead::Swapped(PartialDate::day(date)));
            }
            ymd(y, m, d).map(|date| DateRead::Ok(PartialDate::day(date)))
        }
        _ => None,
    }
}

/// "ngày 05 tháng 3 năm 1975", "tháng 3/1975", "năm 1975".
fn parse_words(s: &str) -> Option<DateRead> {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').collect();
    let after = |key: &str| {
        words
            .iter()
            .position(|w| *w == key)
            .and_then(|i| words.get(i + 1))
            .and_then(|w| w.parse::<u32>().ok())
    };
    let year = i32::try_from(after("nam")?).ok()?;
    match (after("ngay"), after("thang")) {
        (Some(d), Some(m)) => ymd(year, m, d).map(|d| DateRead::Ok(PartialDate::day(d))),
        (None, Some(m)) => ymd(year, m, 1).map(|date| {
            DateRead::Ok(PartialDate {
                date,
                precision: Precision::Month,
            })
        }),
        _ => ymd(year, 1, 1).map(|date| {
            DateRead::Ok(PartialDate {
                date,
                precision: Precision::Year,
            })
        }),
    }
}

/// Whole years between two dates (age on `at` of someone born on `born`).
#[must_use]
pub fn years_between(born: NaiveDate, at: NaiveDate) -> i32 {
    let mut years = at.year() - born.year();
    if (at.month(), at.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

#[cfg(test)]
mod tests;
