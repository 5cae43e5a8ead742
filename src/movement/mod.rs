//! The movement between last year's rosters and this year's (`forms
//! --previous`), in the shape of form 8c-BTCTW: per unit and category, the
//! opening count, who joined (hired, transferred in, from another category),
//! who left (retired, transferred out, left, to another category), the
//! closing count, and who of those staying gained a level. Opening and
//! closing are counted on their own; `opening + in − out = closing` is then
//! checked on every row.
//!
//! Last year's units are carried onto this year's by the unit-mapping file,
//! else by code, else by name ([`map`]), so a commune merged in 2025 compares
//! with the sum of its former communes. People are matched by staff id,
//! national id, then name and birth date ([`people`]). Plain Rust over hash
//! maps: the matching is a chain of keyed lookups, one pass per roster.

pub mod map;
pub mod people;
pub mod sheet;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::forms::{BuiltForm, Cell, Form, FormTable, Note, RowKind, TableRow};
use crate::labels::{self, Lang};
use crate::roster::Roster;
use crate::scales::Category;
use crate::units::Hierarchy;
use map::{NodeIndex, UnitMap, Unplaced};
use people::{Method, Person, Place};

/// Columns of the movement table, in print order.
const OPENING: usize = 0;
const IN: usize = 1;
const HIRED: usize = 2;
const TRANSFER_IN: usize = 3;
const CATEGORY_IN: usize = 4;
const OUT: usize = 5;
const RETIRED: usize = 6;
const TRANSFER_OUT: usize = 7;
const LEFT: usize = 8;
const CATEGORY_OUT: usize = 9;
const CLOSING: usize = 10;
/// Gains in education, political theory, state management.
const GAINED: usize = 11;
const COLUMNS: usize = 14;

/// The sums the table implies (its column numbers are 1-based).
const CHECKS: &[&str] = &["2 = 3 + 4 + 5", "6 = 7 + 8 + 9 + 10", "11 = 1 + 2 - 6"];

type Figures = [u64; COLUMNS];

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
    /// People matched by staff id, national id, name and birth date.
    pub matched: [u64; 3],
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

/// Compares the two rosters.
#[must_use]
pub fn compare(i: &Inputs<'_>) -> Movement {
    let h = i.hierarchy;
    let nodes = NodeIndex::new(h);
    let placed = map::place_units(i.previous, &nodes, i.map);
    let prev_place: Vec<Place> = placed
        .iter()
        .enumerate()
        .map(|(u, p)| match p {
            Ok(n) => Place::Node(*n),
            Err(_) => Place::Unplaced(u32::try_from(u).unwrap_or(u32::MAX)),
        })
        .collect();
    let cur_place: Vec<Place> = h.leaf.iter().map(|&n| Place::Node(n)).collect();
    let prev = people::people(i.previous, &prev_place);
    let cur = people::people(i.current, &cur_place);
    let matched = people::match_people(&prev, &cur);
    // A person's last day of service from any of their rows (one row may
    // lack the gender another gives): the earliest.
    let by_record = crate::projection::retirement_dates(
        i.previous,
        &crate::policy::ProjectionSettings::default(),
    );
    let mut retire: Vec<Option<NaiveDate>> = vec![None; prev.len()];
    for (r, d) in i.previous.records.iter().zip(&by_record) {
        if let (Some(slot), Some(d)) = (retire.get_mut(r.person as usize), d) {
            *slot = Some(slot.map_or(*d, |x: NaiveDate| x.min(*d)));
        }
    }
    let tally = Tally::count(&prev, &cur, &matched, &retire, i.as_of);
    let mut by_method = [0u64; 3];
    for (_, m) in matched.iter().flatten() {
        by_method[*m as usize] += 1;
    }
    // Last year's people per unit placed nowhere, each once.
    let mut at_unplaced: HashMap<u32, u64> = HashMap::new();
    for person in &prev {
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
    let unplaced: Vec<UnplacedUnit> = placed
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
        .collect();
    let form = built_form(i).form();
    let (rows, labelled) = table_rows(i, &tally.figures, &unplaced);
    let mismatches = crate::forms::check_table(&form, &labelled);
    let l = labels::movement(i.lang);
    let mut notes = vec![
        Note::Line {
            text: labels::matched_note(i.lang, by_method, l.list_sheet),
        },
        Note::Line {
            text: labels::leavers_note(i.lang, i.as_of),
        },
    ];
    for u in &unplaced {
        let target = match &u.why {
            Unplaced::NotFound => None,
            Unplaced::TargetNotFound { target, .. } => Some(target.as_str()),
        };
        notes.push(Note::Line {
            text: labels::unplaced_note(i.lang, &u.name, u.people, target),
        });
    }
    let changes = changes(i, &prev, &cur, &matched, &tally);
    Movement {
        form,
        table: FormTable {
            rows,
            notes,
            mismatches,
        },
        changes,
        unplaced,
        matched: by_method,
        previous_as_of: i.previous_as_of,
        as_of: i.as_of,
    }
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
        columns: vec![
            ("1", l.opening, Vec::new()),
            ("2", l.total, group(l.increase)),
            ("3", l.hired, group(l.increase)),
            ("4", l.transfer_in, group(l.increase)),
            ("5", l.category_in, group(l.increase)),
            ("6", l.total, group(l.decrease)),
            ("7", l.retired, group(l.decrease)),
            ("8", l.transfer_out, group(l.decrease)),
            ("9", l.left, group(l.decrease)),
            ("10", l.category_out, group(l.decrease)),
            ("11", l.closing, Vec::new()),
            ("12", l.education, group(l.gains)),
            ("13", l.political_theory, group(l.gains)),
            ("14", l.state_management, group(l.gains)),
        ],
        checks: CHECKS,
    }
}

/// For each person of this year, last year's person they are and how they
/// were matched (the matching read the other way).
fn matched_from(matched: &[Option<(u32, Method)>], current: usize) -> Vec<Option<(usize, Method)>> {
    let mut from = vec![None; current];
    for (p, m) in matched.iter().enumerate() {
        if let Some((c, how)) = m
            && let Some(slot) = from.get_mut(*c as usize)
        {
            *slot = Some((p, *how));
        }
    }
    from
}

/// Per place and category, the table's figures; per person, what
/// happened at each posting.
struct Tally {
    figures: HashMap<(Place, Category), Figures>,
    /// Last year's people: their retirement day when they left past the age.
    retired_on: Vec<Option<NaiveDate>>,
}

impl Tally {
    fn count(
        prev: &[Person],
        cur: &[Person],
        matched: &[Option<(u32, Method)>],
        retire: &[Option<NaiveDate>], // per person of last year
        as_of: NaiveDate,
    ) -> Self {
        let mut figures: HashMap<(Place, Category), Figures> = HashMap::new();
        let mut retired_on = vec![None; prev.len()];
        let from = matched_from(matched, cur.len());
        for (p, person) in prev.iter().enumerate() {
            let now = matched[p].map(|(c, _)| &cur[c as usize]);
            let retired = retire.get(p).copied().flatten().filter(|d| *d <= as_of);
            for &(place, cat) in &person.postings {
                let f = figures.entry((place, cat)).or_insert([0; COLUMNS]);
                f[OPENING] += 1;
                let column = match now {
                    Some(c) if c.postings.contains(&(place, cat)) => {
                        for (s, (before, after)) in person.levels.iter().zip(c.levels).enumerate() {
                            if *before >= 0 && after > *before {
                                f[GAINED + s] += 1;
                            }
                        }
                        continue;
                    }
                    Some(c) if c.postings.iter().any(|(q, _)| *q == place) => CATEGORY_OUT,
                    Some(_) => TRANSFER_OUT,
                    None if retired.is_some() => {
                        retired_on[p] = retired;
                        RETIRED
                    }
                    None => LEFT,
                };
                f[column] += 1;
                f[OUT] += 1;
            }
        }
        for (c, person) in cur.iter().enumerate() {
            let before = from[c].map(|(p, _)| &prev[p]);
            for &(place, cat) in &person.postings {
                let f = figures.entry((place, cat)).or_insert([0; COLUMNS]);
                f[CLOSING] += 1;
                let column = match before {
                    Some(p) if p.postings.contains(&(place, cat)) => continue,
                    Some(p) if p.postings.iter().any(|(q, _)| *q == place) => CATEGORY_IN,
                    Some(_) => TRANSFER_IN,
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

fn add(to: &mut Figures, f: &Figures) {
    for (a, b) in to.iter_mut().zip(f) {
        *a += b;
    }
}

/// Per category, summed.
type ByCategory = Vec<(Category, Figures)>;

fn add_to(sums: &mut ByCategory, cat: Category, f: &Figures) {
    match sums.iter_mut().find(|(c, _)| *c == cat) {
        Some((_, s)) => add(s, f),
        None => sums.push((cat, *f)),
    }
}

/// The rows: "Tổng số" and its categories, then each unit (parents as
/// subtotals) and its categories, then last year's units placed nowhere.
/// Also the rows labelled with their unit, for the checks' messages.
fn table_rows(
    i: &Inputs<'_>,
    figures: &HashMap<(Place, Category), Figures>,
    unplaced: &[UnplacedUnit],
) -> (Vec<TableRow>, Vec<TableRow>) {
    let h = i.hierarchy;
    let mut by_node: Vec<ByCategory> = vec![Vec::new(); h.nodes.len()];
    let mut by_unplaced: HashMap<u32, ByCategory> = HashMap::new();
    let mut total: ByCategory = Vec::new();
    let mut unplaced_total: ByCategory = Vec::new();
    // In category order, so every sum lists its categories in that order.
    let mut keys: Vec<&(Place, Category)> = figures.keys().collect();
    keys.sort_by_key(|(p, c)| (*c, *p));
    for key in keys {
        let (place, cat) = *key;
        let f = &figures[key];
        add_to(&mut total, cat, f);
        match place {
            Place::Node(n) => {
                add_to(&mut by_node[n], cat, f);
                for a in h.ancestors(n) {
                    add_to(&mut by_node[a], cat, f);
                }
            }
            Place::Unplaced(u) => {
                add_to(by_unplaced.entry(u).or_default(), cat, f);
                add_to(&mut unplaced_total, cat, f);
            }
        }
    }
    let lang = i.lang;
    let mut rows = Vec::new();
    let mut labelled = Vec::new();
    let mut push =
        |kind: RowKind, depth: usize, label: &str, code: Option<String>, sums: &ByCategory| {
            let mut all = [0; COLUMNS];
            for (_, f) in sums {
                add(&mut all, f);
            }
            let cells = |f: &Figures| f.iter().map(|&v| Cell::Count(v)).collect::<Vec<_>>();
            // A category's row carries its key as its code.
            let row = |kind, label: String, code: Option<String>, f: &Figures| TableRow {
                kind,
                depth,
                label,
                code,
                cells: cells(f),
                unknown: Vec::new(),
            };
            rows.push(row(kind, label.to_string(), code.clone(), &all));
            labelled.push(row(kind, label.to_string(), code.clone(), &all));
            for (cat, f) in sums {
                let name = labels::category(lang, *cat);
                let key = Some(cat.key().to_string());
                rows.push(row(RowKind::Part, name.to_string(), key.clone(), f));
                let at = if label.is_empty() {
                    format!("{} – {name}", labels::forms(lang).total)
                } else {
                    format!("{label} – {name}")
                };
                labelled.push(row(RowKind::Part, at, key, f));
            }
        };
    push(RowKind::Total, 0, "", None, &total);
    for n in h.report_order() {
        if by_node[n].is_empty() {
            continue;
        }
        let kind = if h.is_parent(n) {
            RowKind::Parent
        } else {
            RowKind::Unit
        };
        let node = &h.nodes[n];
        push(kind, h.depth(n), &node.name, node.code.clone(), &by_node[n]);
    }
    if !unplaced.is_empty() {
        let l = labels::movement(lang);
        push(RowKind::Parent, 0, l.unplaced, None, &unplaced_total);
        let mut units: Vec<u32> = by_unplaced.keys().copied().collect();
        units.sort_unstable();
        for u in units {
            let unit = &i.previous.units[u as usize];
            push(
                RowKind::Unit,
                1,
                &unit.name,
                unit.code.clone(),
                &by_unplaced[&u],
            );
        }
    }
    (rows, labelled)
}

/// One line per person who changed, in the order of the kinds, then of
/// their units, then of their names.
fn changes(
    i: &Inputs<'_>,
    prev: &[Person],
    cur: &[Person],
    matched: &[Option<(u32, Method)>],
    tally: &Tally,
) -> Vec<Change> {
    let h = i.hierarchy;
    let place_name = |p: Place| match p {
        Place::Node(n) => h.nodes[n].name.clone(),
        Place::Unplaced(u) => i.previous.units[u as usize].name.clone(),
    };
    let names = |places: &[Place]| {
        let mut v: Vec<String> = places.iter().map(|&p| place_name(p)).collect();
        v.dedup();
        v
    };
    let shown = |roster: &Roster, person: &Person| {
        let r = &roster.records[person.first];
        (
            roster.texts.get(r.name).to_string(),
            r.birth.map(|b| b.display()),
        )
    };
    let mut out = Vec::new();
    let from = matched_from(matched, cur.len());
    let change = |kind, roster: &Roster, person: &Person, category| {
        let (name, birth) = shown(roster, person);
        Change {
            kind,
            name,
            birth,
            category,
            from_category: None,
            from: Vec::new(),
            to: Vec::new(),
            gained: Vec::new(),
            retired_on: None,
            matched_by: None,
        }
    };
    for (p, person) in prev.iter().enumerate() {
        if person.first == usize::MAX || matched[p].is_some() {
            continue;
        }
        let retired = tally.retired_on[p];
        let kind = if retired.is_some() {
            Kind::Retired
        } else {
            Kind::Left
        };
        let mut c = change(kind, i.previous, person, person.postings[0].1);
        c.from = names(&person.postings.iter().map(|x| x.0).collect::<Vec<_>>());
        c.retired_on = retired;
        out.push(c);
    }
    for (ci, person) in cur.iter().enumerate() {
        if person.first == usize::MAX {
            continue;
        }
        let Some((p, how)) = from[ci] else {
            let mut c = change(Kind::Hired, i.current, person, person.postings[0].1);
            c.to = names(&person.postings.iter().map(|x| x.0).collect::<Vec<_>>());
            out.push(c);
            continue;
        };
        let before = &prev[p];
        let places_now: Vec<Place> = person.postings.iter().map(|x| x.0).collect();
        let places_then: Vec<Place> = before.postings.iter().map(|x| x.0).collect();
        let gone: Vec<Place> = places_then
            .iter()
            .copied()
            .filter(|q| !places_now.contains(q))
            .collect();
        let new: Vec<Place> = places_now
            .iter()
            .copied()
            .filter(|q| !places_then.contains(q))
            .collect();
        let category = person.postings[0].1;
        if !gone.is_empty() || !new.is_empty() {
            let mut c = change(Kind::Transfer, i.current, person, category);
            c.from = names(&gone);
            c.to = names(&new);
            c.matched_by = Some(how);
            out.push(c);
        }
        // The same place, another category.
        for &(q, cat) in &person.postings {
            if places_then.contains(&q) && !before.postings.contains(&(q, cat)) {
                let mut c = change(Kind::CategoryChange, i.current, person, cat);
                c.from_category = before.postings.iter().find(|x| x.0 == q).map(|x| x.1);
                c.from = names(&[q]);
                c.to = names(&[q]);
                c.matched_by = Some(how);
                out.push(c);
            }
        }
        let gained: Vec<(usize, i8, i8)> = before
            .levels
            .iter()
            .zip(person.levels)
            .enumerate()
            .filter(|(_, (b, a))| **b >= 0 && *a > **b)
            .map(|(s, (b, a))| (s, *b, a))
            .collect();
        let stays = person.postings.iter().any(|x| before.postings.contains(x));
        if stays && !gained.is_empty() {
            let mut c = change(Kind::Gained, i.current, person, category);
            c.gained = gained;
            c.to = names(&places_now);
            c.matched_by = Some(how);
            out.push(c);
        }
    }
    out.sort_by(|a, b| (a.kind, &a.to, &a.from, &a.name).cmp(&(b.kind, &b.to, &b.from, &b.name)));
    out
}

impl Movement {
    /// Opening and closing people over the whole roster.
    #[must_use]
    pub fn totals(&self) -> (u64, u64) {
        let total = self.table.rows.iter().find(|r| r.kind == RowKind::Total);
        let get = |i: usize| match total.map(|r| &r.cells[i]) {
            Some(Cell::Count(v)) => *v,
            _ => 0,
        };
        (get(OPENING), get(CLOSING))
    }

    /// The figures as JSON.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        let keys = [
            "opening",
            "in",
            "hired",
            "transferred_in",
            "from_other_category",
            "out",
            "retired",
            "transferred_out",
            "left",
            "to_other_category",
            "closing",
            "gained_education",
            "gained_political_theory",
            "gained_state_management",
        ];
        let mut unit = String::new();
        let rows: Vec<serde_json::Value> = self
            .table
            .rows
            .iter()
            .map(|r| {
                let mut o = serde_json::Map::new();
                if r.kind == RowKind::Part {
                    o.insert("unit".into(), unit.clone().into());
                    o.insert("category".into(), r.code.clone().into());
                } else {
                    unit = if r.kind == RowKind::Total {
                        "total".to_string()
                    } else {
                        r.label.clone()
                    };
                    o.insert("unit".into(), unit.clone().into());
                    o.insert("code".into(), r.code.clone().into());
                    o.insert(
                        "kind".into(),
                        serde_json::to_value(r.kind).unwrap_or_default(),
                    );
                }
                for (k, c) in keys.iter().zip(&r.cells) {
                    if let Cell::Count(v) = c {
                        o.insert((*k).into(), (*v).into());
                    }
                }
                o.into()
            })
            .collect();
        serde_json::json!({
            "previous_as_of": self.previous_as_of.to_string(),
            "as_of": self.as_of.to_string(),
            "rows": rows,
            "changes": self.changes,
            "unplaced_units": self.unplaced,
            "matched": {
                "staff_id": self.matched[0],
                "national_id": self.matched[1],
                "name_and_birth": self.matched[2],
            },
            "mismatches": self.table.mismatches,
        })
    }
}
