//! The table's figures per place and category: each of last year's posts
//! counted in the opening and, unless it stays, in one column of the out
//! group; each of this year's in the closing and, unless it stays, in one
//! column of the in group.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::columns::{
    CATEGORY_IN, CATEGORY_OUT, CLOSING, CONCURRENT_ENDED, CONCURRENT_NEW, COUNT, Figures, GAINED,
    HIRED, IN, LEFT, OPENING, OUT, RETIRED, TRANSFER_IN, TRANSFER_OUT,
};
use super::matching::Matching;
use super::pair::{Fate, Paired};
use super::people::{Person, Place};
use crate::roster::Roster;
use crate::scales::Category;

/// Per place and category, the figures; per person of last year who left
/// past the retirement age, their last day.
pub struct Tally {
    /// The figures.
    pub figures: HashMap<(Place, Category), Figures>,
    /// Last year's people: their retirement day when they left past the age.
    pub retired_on: Vec<Option<NaiveDate>>,
}

/// What the count reads.
pub struct Counted<'a> {
    /// Last year's people.
    pub prev: &'a [Person],
    /// This year's.
    pub cur: &'a [Person],
    /// Who is who.
    pub matching: &'a Matching,
    /// Per person of last year found this year, the fate of each post.
    pub paired: &'a [Option<Paired>],
}

/// Each of last year's people's last day of service from any of their rows
/// (one row may lack the gender another gives): the earliest.
#[must_use]
pub fn retirement_days(previous: &Roster, people: usize) -> Vec<Option<NaiveDate>> {
    let by_record = crate::projection::retirement_dates(
        previous,
        &crate::policy::ProjectionSettings::default(),
    );
    let mut retire: Vec<Option<NaiveDate>> = vec![None; people];
    for (person, d) in previous.staff.person.iter().zip(&by_record) {
        if let (Some(slot), Some(d)) = (retire.get_mut(*person as usize), d) {
            *slot = Some(slot.map_or(*d, |x: NaiveDate| x.min(*d)));
        }
    }
    retire
}

impl Tally {
    /// Counts; `retire` is each of last year's people's last day of service.
    #[must_use]
    pub fn count(c: &Counted<'_>, retire: &[Option<NaiveDate>], as_of: NaiveDate) -> Self {
        let mut figures: HashMap<(Place, Category), Figures> = HashMap::new();
        let mut retired_on = vec![None; c.prev.len()];
        for (p, person) in c.prev.iter().enumerate() {
            let now = c.matching.to[p].map(|(i, _)| &c.cur[i]);
            let retired = retire.get(p).copied().flatten().filter(|d| *d <= as_of);
            for (i, &key) in person.postings.iter().enumerate() {
                let f = figures.entry(key).or_insert([0; COUNT]);
                f[OPENING] += 1;
                let fate = c.paired[p].as_ref().map(|x| x.then[i]);
                let column = match (fate, now) {
                    (Some(Fate::Stays), Some(now)) => {
                        for (s, (before, after)) in person.levels.iter().zip(now.levels).enumerate()
                        {
                            if *before >= 0 && after > *before {
                                f[GAINED + s] += 1;
                            }
                        }
                        continue;
                    }
                    (Some(Fate::Category), _) => CATEGORY_OUT,
                    (Some(Fate::Transfer), _) => TRANSFER_OUT,
                    (Some(Fate::Concurrent | Fate::Stays), _) => CONCURRENT_ENDED,
                    (None, _) if retired.is_some() => {
                        retired_on[p] = retired;
                        RETIRED
                    }
                    (None, _) => LEFT,
                };
                f[column] += 1;
                f[OUT] += 1;
            }
        }
        for (ci, person) in c.cur.iter().enumerate() {
            let paired = c.matching.from[ci].and_then(|(p, _)| c.paired[p].as_ref());
            for (j, &key) in person.postings.iter().enumerate() {
                let f = figures.entry(key).or_insert([0; COUNT]);
                f[CLOSING] += 1;
                let column = match paired.map(|x| x.now[j]) {
                    Some(Fate::Stays) => continue,
                    Some(Fate::Category) => CATEGORY_IN,
                    Some(Fate::Transfer) => TRANSFER_IN,
                    Some(Fate::Concurrent) => CONCURRENT_NEW,
                    None => HIRED,
                };
                f[column] += 1;
                f[IN] += 1;
            }
        }
        Self {
            figures,
            retired_on,
        }
    }
}
