//! The movement between last year's rosters and this year's (`forms
//! --previous`), in the shape of form 8c-BTCTW: per unit and category, the
//! opening count, who joined (hired, transferred in, from another category,
//! a new concurrent post), who left (retired, transferred out, left, to
//! another category, a concurrent post ended), the closing count, and who of
//! those staying gained a level. Opening and closing are counted on their
//! own; the sums of [`columns::CHECKS`] are then verified on every row.
//!
//! The stages, in order: last year's units placed on this year's
//! ([`place`], with the mapping file read by [`map`]); each roster's people
//! ([`people`]); who is who ([`matching`]); what happened to each post of
//! those found in both years ([`pair`]); the figures ([`tally`]); the rows
//! ([`rows`]); the list ([`changes`]); the JSON ([`json`]) and the sheets
//! ([`sheet`]). Plain Rust over hash maps: the matching is a chain of keyed
//! lookups, one pass per roster.

pub mod changes;
pub mod columns;
pub mod json;
pub mod map;
pub mod matching;
pub mod pair;
pub mod people;
pub mod place;
pub mod rows;
pub mod sheet;
pub mod tally;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Result;
use crate::forms::{BuiltForm, Form, FormTable, Note};
use crate::labels::{self, Lang};
use crate::roster::Roster;
use crate::scales::Category;
use crate::units::Hierarchy;
use columns::{COLUMNS, Group};
use map::UnitMap;
use matching::Matching;
use pair::Paired;
use people::{Method, Person, Place};
use place::{NodeIndex, Placement, UnknownMapRow, Unplaced};
use tally::{Counted, Tally};

/// What happened to a person between the two rosters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// In this year's rosters only.
    Hired,
    /// In last year's only, past the retirement age.
    Retired,
    /// In last year's only, not past the age.
    Left,
    /// In another unit.
    Transfer,
    /// In the same unit, in another category.
    CategoryChange,
    /// A post held beside those kept, new this year.
    ConcurrentNew,
    /// A post held beside those kept, ended since last year.
    ConcurrentEnded,
    /// Staying, with a higher level.
    Gained,
}

/// One person's change, for the list.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: Kind,
    /// Full name as this year's roster (else last year's) writes it.
    pub name: String,
    /// Birth date as written (dd/mm/yyyy).
    pub birth: Option<String>,
    /// Category this year (else last year).
    pub category: Category,
    /// Category last year, where it changed.
    pub from_category: Option<Category>,
    /// Units last year.
    pub from: Vec<String>,
    /// Units this year.
    pub to: Vec<String>,
    /// Levels gained: (scale 0 education, 1 political theory, 2 state
    /// management; rank before; rank after).
    pub gained: Vec<(usize, i8, i8)>,
    /// Last day of service, for the retired.
    pub retired_on: Option<NaiveDate>,
    /// How last year's person was found this year.
    pub matched_by: Option<Method>,
    /// Not matched because this key found more than one candidate (two
    /// people with the same name and birth date): to verify.
    pub tie: Option<Method>,
}

/// A unit of last year placed on no unit of this year.
#[derive(Debug, Clone, Serialize)]
pub struct UnplacedUnit {
    /// Its name.
    pub name: String,
    /// Its code.
    pub code: Option<String>,
    /// People last year.
    pub people: u64,
    /// Why.
    pub why: Unplaced,
}

/// The movement between two rosters.
#[derive(Debug, Clone)]
pub struct Movement {
    /// The table, laid out as a form.
    pub form: Form,
    /// Its rows, notes and failed checks.
    pub table: FormTable,
    /// Each person's change.
    pub changes: Vec<Change>,
    /// Last year's units with no unit this year.
    pub unplaced: Vec<UnplacedUnit>,
    /// Rows of the unit-mapping file that map nothing.
    pub unknown_map_rows: Vec<UnknownMapRow>,
    /// People matched by staff id, national id, name and birth date.
    pub matched: [u64; 3],
    /// People of both years left unmatched by a tie.
    pub ties: u64,
    /// The two dates.
    pub previous_as_of: NaiveDate,
    /// This year's as-of date.
    pub as_of: NaiveDate,
}

/// What the comparison reads.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// Last year's rosters.
    pub previous: &'a Roster,
    /// This year's.
    pub current: &'a Roster,
    /// This year's hierarchy.
    pub hierarchy: &'a Hierarchy,
    /// The unit-mapping file.
    pub map: Option<&'a UnitMap>,
    /// Last year's as-of date.
    pub previous_as_of: NaiveDate,
    /// This year's.
    pub as_of: NaiveDate,
    /// Language of the table's texts.
    pub lang: Lang,
}

/// The day one year before (28/2 for 29/2): the default as-of date of last
/// year's rosters.
#[must_use]
pub fn year_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_months(chrono::Months::new(12)).unwrap_or(d)
}

/// Compares the two rosters. Fails only on a mapping file that maps one old
/// unit onto two units of this year.
pub fn compare(i: &Inputs<'_>) -> Result<Movement> {
    let h = i.hierarchy;
    let placement = place::place_units(i.previous, &NodeIndex::new(h), i.map)?;
    let prev_place: Vec<Place> = placement
        .units
        .iter()
        .enumerate()
        .map(|(u, p)| match p {
            Ok(n) => Place::Node(*n),
            Err(_) => Place::Unplaced(u32::try_from(u).unwrap_or(u32::MAX)),
        })
        .collect();
    let cur_place: Vec<Place> = h.leaf.iter().map(|&n| Place::Node(n)).collect();
    let mut prev = people::people(i.previous, &prev_place);
    let mut cur = people::people(i.current, &cur_place);
    let matching = matching::match_people(&prev, &cur);
    let paired = pair_all(&mut prev, &mut cur, &matching);
    let retire = tally::retirement_days(i.previous, prev.len());
    let counted = Counted {
        prev: &prev,
        cur: &cur,
        matching: &matching,
        paired: &paired,
    };
    let tally = Tally::count(&counted, &retire, i.as_of);
    let unplaced = unplaced_units(i, &placement, &prev);
    let form = built_form(i).form();
    let (rows, labelled) = rows::table_rows(i, &tally.figures, &unplaced);
    let mismatches = crate::forms::check_table(&form, &labelled);
    let notes = notes(i, &matching, &unplaced, &placement.unknown_rows);
    let changes = changes::changes(&changes::Listed {
        i,
        prev: &prev,
        cur: &cur,
        matching: &matching,
        paired: &paired,
        retired_on: &tally.retired_on,
    });
    Ok(Movement {
        form,
        table: FormTable {
            rows,
            people: Vec::new(),
            notes,
            mismatches,
        },
        changes,
        unplaced,
        unknown_map_rows: placement.unknown_rows,
        matched: matching.by_method(),
        ties: matching.ties(),
        previous_as_of: i.previous_as_of,
        as_of: i.as_of,
    })
}

/// For each of last year's people found this year, the fate of each post
/// (a category unknown in one year taken as the other year's first).
fn pair_all(prev: &mut [Person], cur: &mut [Person], m: &Matching) -> Vec<Option<Paired>> {
    prev.iter_mut()
        .zip(&m.to)
        .map(|(before, to)| {
            let (c, _) = (*to)?;
            let now = &mut cur[c];
            pair::resolve_unknown(before, now);
            Some(pair::pair(before, now))
        })
        .collect()
}

/// Last year's units placed nowhere, each with its people counted once.
fn unplaced_units(i: &Inputs<'_>, placement: &Placement, prev: &[Person]) -> Vec<UnplacedUnit> {
    let mut at_unplaced: std::collections::HashMap<u32, u64> = std::collections::HashMap::new();
    for person in prev {
        let mut places: Vec<u32> = person
            .postings
            .iter()
            .filter_map(|(pl, _)| match pl {
                Place::Unplaced(u) => Some(*u),
                Place::Node(_) => None,
            })
            .collect();
        places.dedup();
        for u in places {
            *at_unplaced.entry(u).or_default() += 1;
        }
    }
    placement
        .units
        .iter()
        .enumerate()
        .filter_map(|(u, p)| {
            let why = p.as_ref().err()?.clone();
            let unit = &i.previous.units[u];
            let id = u32::try_from(u).unwrap_or(u32::MAX);
            Some(UnplacedUnit {
                name: unit.name.clone(),
                code: unit.code.clone(),
                people: at_unplaced.get(&id).copied().unwrap_or(0),
                why,
            })
        })
        .collect()
}

/// The lines under the table: how people were matched, the ties, how
/// leavers are told apart, the units placed nowhere, the mapping rows that
/// map nothing.
fn notes(
    i: &Inputs<'_>,
    m: &Matching,
    unplaced: &[UnplacedUnit],
    unknown: &[UnknownMapRow],
) -> Vec<Note> {
    let l = labels::movement(i.lang);
    let mut lines = vec![labels::matched_note(i.lang, m.by_method(), l.list_sheet)];
    if m.ties() > 0 {
        lines.push(labels::ties_note(i.lang, m.ties(), l.list_sheet));
    }
    lines.push(labels::leavers_note(i.lang, i.as_of));
    for u in unplaced {
        let target = match &u.why {
            Unplaced::NotFound => None,
            Unplaced::TargetNotFound { target, .. } => Some(target.as_str()),
        };
        lines.push(labels::unplaced_note(i.lang, &u.name, u.people, target));
    }
    let file = i
        .map
        .map(|m| crate::ingest::shown_path(&m.path))
        .unwrap_or_default();
    for r in unknown {
        let old_missing = r.reason == "old_unit_not_found";
        let unit = if old_missing { &r.old } else { &r.new };
        lines.push(labels::unknown_map_row_note(
            i.lang,
            &file,
            (&r.sheet, r.row),
            unit,
            old_missing,
        ));
    }
    lines.into_iter().map(|text| Note::Line { text }).collect()
}

/// The table's layout: columns, groups, checks, header lines.
fn built_form(i: &Inputs<'_>) -> BuiltForm<'static> {
    let l = labels::movement(i.lang);
    let group = |g: &str| vec![g.to_string()];
    BuiltForm {
        code: l.code,
        basis: l.basis,
        title: l.title,
        scope: labels::movement_scope(i.lang, i.previous_as_of, i.as_of),
        footer: l
            .footer
            .iter()
            .map(|[a, b]| [(*a).into(), (*b).into()])
            .collect(),
        columns: COLUMNS
            .iter()
            .map(|c| {
                let group = match c.group {
                    Group::None => Vec::new(),
                    Group::In => group(l.increase),
                    Group::Out => group(l.decrease),
                    Group::Gains => group(l.gains),
                };
                (c.number, (c.label)(l), group)
            })
            .collect(),
        checks: columns::CHECKS,
    }
}

impl Movement {
    /// Names in the list as initials, as `--redact` writes them everywhere
    /// (the matching was done on the full names before).
    pub fn redact(&mut self) {
        for c in &mut self.changes {
            c.name = crate::text::initials(&c.name);
        }
    }
}
