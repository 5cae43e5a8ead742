//! Who retires when: each posting's retirement date, who retires before a
//! horizon, and who is already past the age (noted).

#[allow(clippy::wildcard_imports)]
use super::*;

/// The last day of the period a partial date names (a course "ending 2015" ends 31/12/2015).
pub(super) fn end_of(d: PartialDate) -> NaiveDate {
    let last_of_month = |y: i32, m: u32| {
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|f| f.checked_add_months(Months::new(1)))
            .and_then(|n| n.pred_opt())
    };
    match d.precision {
        Precision::Day => Some(d.date),
        Precision::Month => last_of_month(d.date.year(), d.date.month()),
        Precision::Year => NaiveDate::from_ymd_opt(d.date.year(), 12, 31),
    }
    .unwrap_or(d.date)
}

/// Each record's last day of service: the roster's retirement date, else
/// the legal one when retirement is modelled and the birth date known; with
/// no gender recorded, a man's (later than a woman's): gone by then at the
/// latest, so someone past it is past the age of both sexes, as the forms'
/// "Trên tuổi nghỉ hưu" counts them.
#[must_use]
pub fn retirement_dates(roster: &Roster, settings: &ProjectionSettings) -> Vec<Option<NaiveDate>> {
    use rayon::prelude::*;
    let table = retirement::RetirementTable::default();
    let s = &roster.staff;
    (
        s.retirement_date.par_iter(),
        s.birth.par_iter(),
        s.gender.par_iter(),
    )
        .into_par_iter()
        .map(|(&given, &birth, &gender)| {
            given.map(end_of).or_else(|| {
                if !settings.retirement {
                    return None;
                }
                let male = crate::scales::Gender::Male;
                birth.map(|b| table.get(b, gender.unwrap_or(male)))?
            })
        })
        .collect()
}

/// People whose last day of service falls on or before `horizon`: (date,
/// record of their first posting), soonest first. Each person once.
#[must_use]
pub fn retiring_by(
    roster: &Roster,
    retire: &[Option<NaiveDate>],
    horizon: NaiveDate,
) -> Vec<(NaiveDate, usize)> {
    let mut seen = vec![false; roster.people];
    let mut list: Vec<(NaiveDate, usize)> = (roster.staff.person.iter())
        .enumerate()
        .filter(|(_, p)| !std::mem::replace(&mut seen[**p as usize], true))
        .filter_map(|(i, _)| retire[i].filter(|d| *d <= horizon).map(|d| (d, i)))
        .collect();
    list.sort_unstable();
    list
}

/// (last day of service, record), as [`retiring_by`] lists them.
pub type Retiring = Vec<(NaiveDate, usize)>;

/// Splits [`retiring_by`]'s list into those already past retirement age on the
/// as-of date (last day of service before it) and those retiring from it on.
#[must_use]
pub fn split_past_due(list: Retiring, as_of: NaiveDate) -> (Retiring, Retiring) {
    list.into_iter().partition(|(d, _)| *d < as_of)
}

/// A data issue for each person already past retirement age on the as-of date
/// (the first list of [`split_past_due`]): they leave the projection the day
/// after it and are never trained.
#[must_use]
pub fn past_due_issues(
    loaded: &crate::roster::Loaded,
    past_due: &[(NaiveDate, usize)],
) -> Vec<crate::issues::DataIssue> {
    let roster = &loaded.roster;
    past_due
        .iter()
        .map(|&(d, i)| {
            let r = &roster.staff.row(i);
            let s = &loaded.sheets[r.source.sheet as usize];
            let (column, value) = match (r.retirement_date, r.birth) {
                (Some(x), _) => (crate::schema::Field::RetirementDate, x.display()),
                (None, Some(b)) => (crate::schema::Field::BirthDate, b.display()),
                (None, None) => (crate::schema::Field::BirthDate, String::new()),
            };
            crate::issues::DataIssue {
                file: s.file_name.clone(),
                sheet: s.name.clone(),
                row: Some(r.source.row),
                column: column.aliases()[0].to_string(),
                value,
                problem: crate::issues::Problem::PastRetirementAge(d),
                action: crate::issues::Action::Kept,
            }
        })
        .collect()
}
