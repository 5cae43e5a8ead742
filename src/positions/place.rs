//! Placing every posting in its agency's catalogue: by position code, by
//! name, or by title; unmatched postings noted with suggestions.

#[allow(clippy::wildcard_imports)]
use super::*;
use rayon::prelude::*;

use crate::vocab::similar::Dice;

pub(super) fn groups(cat: &Catalogue, roster: &Roster, h: &Hierarchy) -> (Vec<usize>, Vec<Group>) {
    let mut by_entries: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut of_unit = Vec::with_capacity(roster.units.len());
    for (u, unit) in roster.units.iter().enumerate() {
        let node = &h.nodes[h.leaf[u]];
        let keys = [Some(fold(&unit.name)), unit.code.as_deref().map(fold)];
        let entries: Vec<u32> = cat
            .positions
            .iter()
            .enumerate()
            .filter(|(_, p)| match &p.agency {
                AgencyRef::Unit(k) => keys.iter().flatten().any(|x| x == k),
                AgencyRef::Type(t) => node.unit_type == Some(*t),
            })
            .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let next = groups.len();
        let g = *by_entries.entry(entries.clone()).or_insert_with(|| {
            let mut g = Group {
                entries: entries.clone(),
                ..Group::default()
            };
            for &i in &entries {
                let p = &cat.positions[i as usize];
                g.by_code.entry(fold(&p.code)).or_insert(i);
                g.by_name.entry(fold(&p.name)).or_insert(i);
                g.by_alias.entry(fold(&p.name)).or_insert(i);
                g.names.push((fold(&p.name), p.name.clone()));
                for a in &p.aliases {
                    g.by_alias.entry(fold(a)).or_insert(i);
                    g.names.push((fold(a), p.name.clone()));
                }
            }
            groups.push(g);
            next
        });
        of_unit.push(g);
    }
    (of_unit, groups)
}

/// Folded words that begin a place's name after a unit's own name ("Phòng
/// Nội vụ thị xã Bắc Kạn").
const PLACE_WORDS: &[&str] = &[
    "thi xa ",
    "huyen ",
    "tinh ",
    "thanh pho ",
    "quan ",
    "thi tran ",
    "xa ",
    "phuong ",
];

/// Matches each agency the catalogue names to the roster's units: by name
/// or code; else, when exactly one unit's name begins it and a place's name
/// follows ("Phòng Nội vụ thị xã Bắc Kạn" is the roster's "Phòng Nội vụ"),
/// that unit. Agencies that match none are noted with the closest units'
/// names (never applied): their positions place nobody.
pub(super) fn match_agencies(cat: &mut Catalogue, roster: &Roster) -> Vec<DataIssue> {
    let keys: Vec<(String, Option<String>)> = roster
        .units
        .iter()
        .map(|u| (fold(&u.name), u.code.as_deref().map(fold)))
        .collect();
    let exact = |k: &str| {
        keys.iter()
            .position(|(name, code)| name == k || code.as_deref() == Some(k))
    };
    let with_place = |k: &str| -> Option<usize> {
        let mut units = keys.iter().enumerate().filter(|(_, (name, _))| {
            k.strip_prefix(name.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| PLACE_WORDS.iter().any(|p| rest.starts_with(p)))
        });
        match (units.next(), units.next()) {
            (Some((u, _)), None) => Some(u),
            _ => None,
        }
    };
    // Each agency's unit: by name or code, else by its name and a place.
    // A unit two agencies would claim through their places ("Phòng Nội vụ
    // thị xã A" and "… huyện B" for one "Phòng Nội vụ") goes to neither.
    let found: Vec<(Option<usize>, bool)> = cat
        .agencies
        .iter()
        .map(|e| match exact(&e.key) {
            Some(u) => (Some(u), true),
            None => (with_place(&e.key), false),
        })
        .collect();
    let claims = |u: usize| found.iter().filter(|(x, _)| *x == Some(u)).count();
    // The units' names split into bigrams once, when an agency is scored
    // against them all: none of the bench catalogue's 12 agencies names a
    // unit of the national roster, and matching them took 0.08 s of the
    // placement with 64,000 names split again for each, 0.03 s now.
    let mut prepared: Option<Vec<Dice>> = None;
    let mut notes = Vec::new();
    for (entry, &(unit, by_key)) in cat.agencies.iter().zip(&found) {
        match unit {
            Some(_) if by_key => continue,
            Some(u) if claims(u) == 1 => {
                let k = AgencyRef::Unit(entry.key.clone());
                for p in &mut cat.positions {
                    if p.agency == k {
                        p.agency = AgencyRef::Unit(keys[u].0.clone());
                    }
                }
                continue;
            }
            _ => {}
        }
        let prepared =
            prepared.get_or_insert_with(|| keys.par_iter().map(|(k, _)| Dice::new(k)).collect());
        let suggestions = closest_units(&entry.key, prepared, &roster.units);
        notes.push(DataIssue {
            file: entry.file.as_str().into(),
            sheet: entry.sheet.as_str().into(),
            row: Some(entry.row),
            column: entry.column.clone(),
            value: entry.text.clone(),
            problem: Problem::CatalogueAgencyUnmatched { suggestions },
            action: Action::Ignored,
        });
    }
    notes
}

/// Up to three unit names closest to an agency's folded `key`, most similar
/// first: `prepared` holds the units' folded names, in unit order.
fn closest_units(key: &str, prepared: &[Dice], units: &[crate::roster::Unit]) -> Vec<String> {
    let dice = Dice::new(key);
    let scored: Vec<(f64, &str)> = units
        .par_iter()
        .zip(prepared)
        .map(|(u, other)| (dice.similarity(other), u.name.as_str()))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    first_three(scored)
}

/// The three most similar distinct names of `scored` (similarity, name),
/// ties in name order.
fn first_three(mut scored: Vec<(f64, &str)>) -> Vec<String> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !out.iter().any(|s| s == name) {
            out.push(name.to_string());
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Up to three catalogue names closest to `text`.
pub(super) fn suggestions(group: &Group, text: &str) -> Vec<String> {
    let (dice, mut buf) = (Dice::new(text), Vec::new());
    let scored: Vec<(f64, &str)> = group
        .names
        .iter()
        .map(|(key, name)| (dice.score(key, &mut buf), name.as_str()))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    first_three(scored)
}

/// Non-specialised commune workers and contract workers hold no civil-service
/// job position: they are placed when they match, but never flagged when not.
pub(super) fn expects_position(c: Category) -> bool {
    !matches!(c, Category::KhongChuyenTrach | Category::HopDong)
}

/// Places every posting; notes unmatched ones with suggestions.
#[must_use]
pub fn place(
    roster: &Roster,
    h: &Hierarchy,
    mut cat: Catalogue,
    sheets: &[SheetReport],
) -> (Placement, Vec<DataIssue>) {
    let agency_notes = match_agencies(&mut cat, roster);
    let (unit_group, groups) = groups(&cat, roster, h);
    // Each position's accepted grades, read once.
    let accepted: Vec<Accepted> = cat
        .positions
        .iter()
        .map(|p| Accepted {
            grades: p.grades.as_slice().into(),
            fields: p.fields.as_slice().into(),
            ..accepted_grades(&p.grades)
        })
        .collect();
    let texts = &roster.texts;
    let keys = FoldedTexts::new(roster);
    let key = |t: Text| keys.get(t);
    // Every posting placed and checked on every core, then the unmatched
    // noted in input order. On the 2.5 M-row bench roster the stage went
    // from 0.39-0.42 s to 0.32-0.37 s (0.62-0.67 s to 0.53-0.55 s with a
    // 5,000-row catalogue), the peak unchanged (906-914 MB with it).
    let assignments: Vec<Assignment> = (0..roster.staff.len())
        .into_par_iter()
        .map(|k| {
            // Columns read as needed: the whole row only for a posting placed.
            let s = &roster.staff;
            let group = &groups[unit_group[s.unit[k] as usize]];
            if group.entries.is_empty() {
                return Assignment::default();
            }
            let texts_of = (s.position_code[k], s.position[k], s.title[k]);
            let Some((i, how)) = find_position(group, texts_of, &key) else {
                return Assignment::default();
            };
            let def = &cat.positions[i as usize];
            let (grade_ok, unmet, grade_standard) =
                check(&cat, (def, &accepted[i as usize]), &Levels::of(s, k), texts);
            Assignment {
                position: Some(i),
                matched_by: Some(how),
                grade_ok,
                unmet,
                grade_standard,
            }
        })
        .collect();
    let mut issues = std::mem::take(&mut cat.notes);
    issues.extend(agency_notes);
    // The unmatched postings noted while the figures are counted: both are
    // one core's sweep over the records (0.02 and 0.12 s on the bench
    // roster), which the other core sat out.
    let (unplaced, (agencies, staffing)) = rayon::join(
        || unplaced_notes(roster, sheets, (&groups, &unit_group), &assignments, &key),
        || figures(roster, &groups, &unit_group, &cat, &assignments),
    );
    issues.extend(unplaced);
    (
        Placement {
            assignments,
            agencies,
            staffing,
            catalogue: cat,
        },
        issues,
    )
}

/// A note on each posting its agency's catalogue has no position for
/// (contract and non-specialised workers aside), with the closest names.
fn unplaced_notes<'k>(
    roster: &Roster,
    sheets: &[SheetReport],
    (groups, unit_group): (&[Group], &[usize]),
    assignments: &[Assignment],
    key: &impl Fn(Text) -> &'k str,
) -> Vec<DataIssue> {
    let mut notes = Vec::new();
    let mut suggested: HashMap<(usize, &str), Vec<String>> = HashMap::new();
    let staff = &roster.staff;
    for (k, a) in assignments.iter().enumerate() {
        let g = unit_group[staff.unit[k] as usize];
        if a.placed() || groups[g].entries.is_empty() || !expects_position(staff.category[k]) {
            continue;
        }
        if let Some(text) = staff.position[k].or(staff.title[k]) {
            let sugg = suggested
                .entry((g, key(text)))
                .or_insert_with(|| suggestions(&groups[g], key(text)))
                .clone();
            let source = staff.source[k];
            let s = &sheets[source.sheet as usize];
            notes.push(unmatched(s, source.row, roster.texts.get(text), sugg));
        }
    }
    notes
}

/// The position a posting names, in its agency's group: by its code, else
/// its position's name, else its title as a position's alias.
fn find_position<'k>(
    group: &Group,
    (code, name, title): (Option<Text>, Option<Text>, Option<Text>),
    key: &impl Fn(Text) -> &'k str,
) -> Option<(u32, MatchedBy)> {
    let find = |map: &HashMap<String, u32>, t: Option<Text>, how| {
        t.and_then(|t| map.get(key(t)).map(|i| (*i, how)))
    };
    find(&group.by_code, code, MatchedBy::Code)
        .or_else(|| find(&group.by_name, name, MatchedBy::Name))
        .or_else(|| find(&group.by_alias, title, MatchedBy::Title))
}

/// The folded texts of the postings' position codes, positions and titles,
/// each folded once (texts are ids: repeated values share one).
struct FoldedTexts {
    /// Text index → index into `folded` (`u32::MAX`: not a key).
    of_text: Vec<u32>,
    folded: Vec<String>,
}

impl FoldedTexts {
    fn new(roster: &Roster) -> Self {
        let mut of_text = vec![u32::MAX; roster.texts.len() + 1];
        let mut folded = Vec::new();
        let s = &roster.staff;
        let (codes, names, titles) = (&s.position_code, &s.position, &s.title);
        for ((code, name), title) in codes.iter().zip(names).zip(titles) {
            for &t in [code, name, title].into_iter().flatten() {
                let k = &mut of_text[t.index()];
                if *k == u32::MAX {
                    *k = u32::try_from(folded.len()).unwrap_or(u32::MAX);
                    folded.push(fold(roster.texts.get(t)));
                }
            }
        }
        Self { of_text, folded }
    }

    /// The folded text of `t` (one of the postings' keys).
    fn get(&self, t: Text) -> &str {
        self.of_text
            .get(t.index())
            .and_then(|&k| self.folded.get(k as usize))
            .map_or("", String::as_str)
    }
}

/// The data issue for a posting whose position the catalogue does not hold,
/// with the positions it may mean.
fn unmatched(s: &SheetReport, row: u32, text: &str, suggestions: Vec<String>) -> DataIssue {
    DataIssue {
        file: s.file_name.clone(),
        sheet: s.name.clone(),
        row: Some(row),
        column: crate::schema::Field::Position.aliases()[0].to_string(),
        value: text.to_string(),
        problem: Problem::PositionUnmatched { suggestions },
        action: Action::NotPlaced,
    }
}
