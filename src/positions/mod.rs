//! Stage 3a, clean staff table × position catalogue → placements.
//!
//! Every posting is mapped to a catalogued position of its agency: by
//! position code; else by position name (folded: diacritics, case and spaces
//! do not matter); else by its title through the positions' aliases; else it
//! is unmatched, and the closest catalogue names are suggested in the data
//! issues (never applied). Each requirement of a matched position is checked
//! and every unmet one is kept, to be said in a personnel officer's words.
//! A requirement whose value is unknown (education not given or unreadable)
//! is neither met nor failed: it is to be verified, so a posting meets its
//! position's standard, fails it (some requirement known to be unmet), or is
//! to be verified. A person meets the standard only if every posting does.
//! Headcount per position counts postings; per agency it counts people. The
//! grade structure counts people by grade code, a name alone read through the
//! table of known grades, so "Chuyên viên chính" and "01.002" are one grade.

pub mod catalogue;

use std::collections::BTreeMap;
use std::sync::Arc;

use hashbrown::HashMap;

pub use catalogue::{AgencyRef, Catalogue, PositionDef, PositionKind};

use crate::issues::{Action, DataIssue, Problem};
use crate::roster::{Roster, SheetReport, StaffRecord, Text, Texts};
use crate::scales::{Category, Education, PoliticalTheory, StateManagement};
use crate::text::fold;
use crate::units::Hierarchy;
use crate::vocab::grades;

/// A requirement a posting does not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    /// Professional education below the minimum (or unknown).
    Education {
        have: Option<Education>,
        need: Education,
    },
    /// Field of study not among those accepted (or not given).
    Field {
        have: Option<Arc<str>>,
        need: Vec<String>,
    },
    /// Grade not among those accepted (or not given).
    Grade {
        have: Option<String>,
        need: Vec<String>,
    },
    /// Political theory below the minimum (or unknown).
    PoliticalTheory {
        have: Option<PoliticalTheory>,
        need: PoliticalTheory,
    },
    /// State management below the minimum (or unknown).
    StateManagement {
        have: Option<StateManagement>,
        need: StateManagement,
    },
}

impl Unmet {
    /// The person's value is unknown: the requirement is to be verified,
    /// neither met nor failed.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        match self {
            Unmet::Education { have, .. } => have.is_none(),
            Unmet::PoliticalTheory { have, .. } => have.is_none(),
            Unmet::StateManagement { have, .. } => have.is_none(),
            Unmet::Field { .. } | Unmet::Grade { .. } => false,
        }
    }
}

/// A posting (or a person) against its position's standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standard {
    /// Some requirement is known to be unmet (or the posting is not placed).
    Fails,
    /// No requirement is known to be unmet, but some value is unknown.
    ToVerify,
    /// Placed, and every requirement met.
    Meets,
}

/// How a posting was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// Position code.
    Code,
    /// Position name.
    Name,
    /// Title, through an alias (or the position name).
    Title,
}

/// One posting's placement.
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    /// Index into the catalogue, when matched.
    pub position: Option<u32>,
    /// How.
    pub matched_by: Option<MatchedBy>,
    /// The grade matches the position's (or the position names none).
    pub grade_ok: bool,
    /// Requirements not met.
    pub unmet: Vec<Unmet>,
}

impl Assignment {
    /// Placed in a catalogued position.
    #[must_use]
    pub fn placed(&self) -> bool {
        self.position.is_some()
    }

    /// Placed, with a matching grade.
    #[must_use]
    pub fn placed_with_grade(&self) -> bool {
        self.position.is_some() && self.grade_ok
    }

    /// Placed and meeting every checked requirement.
    #[must_use]
    pub fn meets_standard(&self) -> bool {
        self.position.is_some() && self.unmet.is_empty()
    }

    /// Placed, with some requirement known to be unmet.
    #[must_use]
    pub fn fails_standard(&self) -> bool {
        self.position.is_some() && self.unmet.iter().any(|u| !u.is_unknown())
    }

    /// Placed, with no requirement known to be unmet but some value unknown.
    #[must_use]
    pub fn to_verify(&self) -> bool {
        self.position.is_some() && !self.unmet.is_empty() && !self.fails_standard()
    }

    /// The posting against its position's standard (not placed: fails).
    #[must_use]
    pub fn standard(&self) -> Standard {
        if self.meets_standard() {
            Standard::Meets
        } else if self.to_verify() {
            Standard::ToVerify
        } else {
            Standard::Fails
        }
    }
}

/// Each person's standard, over all their postings: the person meets it only
/// if every posting does, fails it if any posting fails, else is to be
/// verified. Postings outside the civil-service positions (non-specialised
/// workers, contract workers) count only when placed, or when the person has
/// no other. Indexed by person id.
#[must_use]
pub fn person_standards(roster: &Roster, assignments: &[Assignment]) -> Vec<Standard> {
    let n = roster
        .records
        .iter()
        .map(|r| r.person as usize + 1)
        .max()
        .unwrap_or(0)
        .max(roster.people);
    // (standard over the postings that count, standard over all of them)
    let mut out: Vec<(Option<Standard>, Standard)> = vec![(None, Standard::Meets); n];
    for (r, a) in roster.records.iter().zip(assignments) {
        let s = &mut out[r.person as usize];
        let st = a.standard();
        s.1 = s.1.min(st);
        if a.placed() || expects_position(r.category) {
            s.0 = Some(s.0.map_or(st, |x| x.min(st)));
        }
    }
    out.into_iter()
        .map(|(counted, all)| counted.unwrap_or(all))
        .collect()
}

/// Staffing of one position in one agency.
#[derive(Debug, Clone)]
pub struct Staffing {
    /// Node of the agency.
    pub unit: u32,
    /// Catalogue index.
    pub position: u32,
    /// Approved headcount, when the catalogue gives one.
    pub approved: Option<u32>,
    /// Postings placed in it.
    pub filled: u32,
}

impl Staffing {
    /// Approved but unfilled.
    #[must_use]
    pub fn vacant(&self) -> u32 {
        self.approved.map_or(0, |a| a.saturating_sub(self.filled))
    }

    /// Filled beyond the approved headcount.
    #[must_use]
    pub fn over(&self) -> u32 {
        self.approved.map_or(0, |a| self.filled.saturating_sub(a))
    }
}

/// One agency's figures.
#[derive(Debug, Clone, Default)]
pub struct AgencyFigures {
    /// The agency has catalogued positions.
    pub has_catalogue: bool,
    /// People with a posting here.
    pub people: u32,
    /// People placed in a catalogued position here.
    pub placed: u32,
    /// People placed with a matching grade.
    pub placed_with_grade: u32,
    /// People by grade (display name) — the cơ cấu ngạch.
    pub grades: BTreeMap<String, u32>,
}

/// The stage's output.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Per record, parallel to `roster.records`.
    pub assignments: Vec<Assignment>,
    /// Per roster unit.
    pub agencies: Vec<AgencyFigures>,
    /// Per agency × catalogued position, agencies in unit order.
    pub staffing: Vec<Staffing>,
    /// The catalogue.
    pub catalogue: Catalogue,
}

/// The positions open to one agency, indexed for matching.
#[derive(Debug, Default)]
struct Group {
    entries: Vec<u32>,
    by_code: HashMap<String, u32>,
    by_name: HashMap<String, u32>,
    by_alias: HashMap<String, u32>,
    names: Vec<(String, String)>,
}

fn is_grade_code(s: &str) -> bool {
    let t = s.trim();
    t.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == 'V')
        && t.contains('.')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Codes and folded names a grade list accepts, with the built-in table filling
/// the other half of each pair.
fn accepted_grades(list: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut codes, mut names) = (Vec::new(), Vec::new());
    for g in list {
        if is_grade_code(g) {
            let code = g.trim().to_ascii_uppercase();
            if let Some(name) = grades::grade_name(&code) {
                names.push(fold(name));
            }
            codes.push(code);
        } else {
            let f = fold(g);
            if let Some(code) = grades::grade_code(&f) {
                codes.push(code.to_string());
            }
            names.push(f);
        }
    }
    (codes, names)
}

fn grade_matches(r: &StaffRecord, t: &Texts, codes: &[String], names: &[String]) -> Option<bool> {
    let code = r
        .grade_code
        .map(|c| t.get(c))
        .map(|c| c.trim().to_ascii_uppercase());
    let name = t.opt(r.grade).map(fold);
    if code.is_none() && name.is_none() {
        return None;
    }
    let code = code.or_else(|| {
        name.as_deref()
            .and_then(grades::grade_code)
            .map(str::to_string)
    });
    Some(code.is_some_and(|c| codes.contains(&c)) || name.is_some_and(|n| names.contains(&n)))
}

/// A record's grade, for display: "Cán sự (01.004)".
#[must_use]
pub fn grade_display(r: &StaffRecord, t: &Texts) -> Option<String> {
    let code = r
        .grade_code
        .map(|c| t.get(c))
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let name = r
        .grade
        .map(|g| t.get(g))
        .map(str::to_string)
        .or_else(|| code.and_then(grades::grade_name).map(str::to_string));
    match (name, code) {
        (Some(n), Some(c)) => Some(format!("{n} ({c})")),
        (Some(n), None) => Some(n),
        (None, Some(c)) => Some(c.to_string()),
        (None, None) => None,
    }
}

/// A record's grade as the structure counts it: (key, display). The key is
/// the grade code, given or read from the name through the table of known
/// grades, else the folded name; the display names a known code by the
/// table ("Chuyên viên chính (01.002)").
fn grade_key(r: &StaffRecord, t: &Texts) -> Option<(String, String)> {
    let given = r
        .grade_code
        .map(|c| t.get(c))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    let name = t.opt(r.grade).map(str::trim).filter(|n| !n.is_empty());
    let code = given.or_else(|| {
        name.map(fold)
            .as_deref()
            .and_then(grades::grade_code)
            .map(str::to_string)
    });
    match (code, name) {
        (Some(c), name) => {
            let display = match (grades::grade_name(&c), name) {
                (Some(n), _) | (None, Some(n)) => format!("{n} ({c})"),
                (None, None) => c.clone(),
            };
            Some((c, display))
        }
        (None, Some(n)) => Some((format!("name:{}", fold(n)), n.to_string())),
        (None, None) => None,
    }
}

fn check(cat: &Catalogue, def: &PositionDef, r: &StaffRecord, t: &Texts) -> (bool, Vec<Unmet>) {
    let mut unmet = Vec::new();
    let mut grade_ok = true;
    if !def.grades.is_empty() {
        let (codes, names) = accepted_grades(&def.grades);
        grade_ok = grade_matches(r, t, &codes, &names) == Some(true);
        if !grade_ok {
            unmet.push(Unmet::Grade {
                have: grade_display(r, t),
                need: def.grades.clone(),
            });
        }
    }
    if let Some(need) = def.min_education
        && r.education.is_none_or(|e| e < need)
    {
        unmet.push(Unmet::Education {
            have: r.education,
            need,
        });
    }
    if !def.fields.is_empty() {
        let ok = r
            .field_of_study
            .map(|f| t.get(f))
            .is_some_and(|f| def.fields.iter().any(|a| cat.field_accepted(a, f)));
        if !ok {
            unmet.push(Unmet::Field {
                have: t.opt(r.field_of_study).map(Arc::from),
                need: def.fields.clone(),
            });
        }
    }
    if let Some(need) = def.min_political_theory
        && r.political_theory.is_none_or(|p| p < need)
    {
        unmet.push(Unmet::PoliticalTheory {
            have: r.political_theory,
            need,
        });
    }
    if let Some(need) = def.min_state_management
        && r.state_management.is_none_or(|q| q < need)
    {
        unmet.push(Unmet::StateManagement {
            have: r.state_management,
            need,
        });
    }
    (grade_ok, unmet)
}

fn groups(cat: &Catalogue, roster: &Roster, h: &Hierarchy) -> (Vec<usize>, Vec<Group>) {
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

/// Up to three catalogue names closest to `text`.
fn suggestions(group: &Group, text: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = group
        .names
        .iter()
        .map(|(key, name)| (strsim::sorensen_dice(text, key), name))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !out.contains(name) {
            out.push(name.clone());
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Non-specialised commune workers and contract workers hold no civil-service
/// job position: they are placed when they match, but never flagged when not.
fn expects_position(c: Category) -> bool {
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
    let (unit_group, groups) = groups(&cat, roster, h);
    // Each text is folded once (texts are ids: repeated values share one).
    let texts = &roster.texts;
    let mut folded: HashMap<Text, String> = HashMap::new();
    let mut fold_text = |t: &Text| {
        folded
            .entry(*t)
            .or_insert_with(|| fold(texts.get(*t)))
            .clone()
    };
    let mut suggested: HashMap<(usize, String), Vec<String>> = HashMap::new();
    let mut issues = std::mem::take(&mut cat.notes);
    let mut assignments = Vec::with_capacity(roster.records.len());
    for r in &roster.records {
        let group = &groups[unit_group[r.unit as usize]];
        let mut a = Assignment::default();
        if group.entries.is_empty() {
            assignments.push(a);
            continue;
        }
        let found = r
            .position_code
            .as_ref()
            .and_then(|c| {
                group
                    .by_code
                    .get(&fold_text(c))
                    .map(|i| (*i, MatchedBy::Code))
            })
            .or_else(|| {
                r.position.as_ref().and_then(|p| {
                    group
                        .by_name
                        .get(&fold_text(p))
                        .map(|i| (*i, MatchedBy::Name))
                })
            })
            .or_else(|| {
                r.title.as_ref().and_then(|t| {
                    group
                        .by_alias
                        .get(&fold_text(t))
                        .map(|i| (*i, MatchedBy::Title))
                })
            });
        if let Some((i, how)) = found {
            let (grade_ok, unmet) = check(&cat, &cat.positions[i as usize], r, texts);
            a = Assignment {
                position: Some(i),
                matched_by: Some(how),
                grade_ok,
                unmet,
            };
        } else if let Some(text) = r.position.as_ref().or(r.title.as_ref())
            && expects_position(r.category)
        {
            let key = (unit_group[r.unit as usize], fold_text(text));
            let sugg = suggested
                .entry(key.clone())
                .or_insert_with(|| suggestions(group, &key.1))
                .clone();
            let s = &sheets[r.source.sheet as usize];
            issues.push(DataIssue {
                file: s.file_name.clone(),
                sheet: s.name.clone(),
                row: Some(r.source.row),
                column: crate::schema::Field::Position.aliases()[0].to_string(),
                value: texts.get(*text).to_string(),
                problem: Problem::PositionUnmatched { suggestions: sugg },
                action: Action::NotPlaced,
            });
        }
        assignments.push(a);
    }
    let (agencies, staffing) = figures(roster, &groups, &unit_group, &cat, &assignments);
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

fn figures(
    roster: &Roster,
    groups: &[Group],
    unit_group: &[usize],
    cat: &Catalogue,
    assignments: &[Assignment],
) -> (Vec<AgencyFigures>, Vec<Staffing>) {
    let mut agencies: Vec<AgencyFigures> = unit_group
        .iter()
        .map(|g| AgencyFigures {
            has_catalogue: !groups[*g].entries.is_empty(),
            ..AgencyFigures::default()
        })
        .collect();
    // A person counts once per agency: by their first posting there, placed
    // if any posting is. Only people with several postings are looked up.
    let recs = &roster.records;
    let mut postings = vec![0u8; roster.people];
    for r in recs {
        let n = &mut postings[r.person as usize];
        *n = n.saturating_add(1);
    }
    // Grade keys, computed once per (code, name) texts: index into `keys`.
    let mut keys: Vec<Option<(String, String)>> = Vec::new();
    let mut key_of: HashMap<(Option<Text>, Option<Text>), u32> = HashMap::new();
    let mut seen: HashMap<(u32, u32), usize> = HashMap::new();
    // (unit, placed, placed with grade, grade key)
    let mut person_flags: Vec<(u32, bool, bool, u32)> = Vec::with_capacity(roster.people);
    let mut filled: HashMap<(u32, u32), u32> = HashMap::new();
    for (r, a) in recs.iter().zip(assignments) {
        if let Some(p) = a.position {
            *filled.entry((r.unit, p)).or_default() += 1;
        }
        if postings[r.person as usize] > 1
            && let Some(&k) = seen.get(&(r.unit, r.person))
        {
            let f = &mut person_flags[k];
            f.1 |= a.placed();
            f.2 |= a.placed_with_grade();
            continue;
        }
        if postings[r.person as usize] > 1 {
            seen.insert((r.unit, r.person), person_flags.len());
        }
        let key = *key_of.entry((r.grade_code, r.grade)).or_insert_with(|| {
            keys.push(grade_key(r, &roster.texts));
            u32::try_from(keys.len() - 1).unwrap_or(u32::MAX)
        });
        person_flags.push((r.unit, a.placed(), a.placed_with_grade(), key));
    }
    drop(seen);
    // Per agency and grade key: people, and the first person (in roster order)
    // whose grade display is more than the bare key (a name found later names
    // a code first seen alone).
    let mut per_key: HashMap<(u32, u32), (u32, usize)> = HashMap::new();
    for (order, &(unit, placed, with_grade, key)) in person_flags.iter().enumerate() {
        let ag = &mut agencies[unit as usize];
        ag.people += 1;
        ag.placed += u32::from(placed);
        ag.placed_with_grade += u32::from(with_grade);
        per_key.entry((unit, key)).or_insert((0, order)).0 += 1;
    }
    let none = (String::new(), String::new());
    let mut by_key: Vec<BTreeMap<&str, (usize, &str, u32)>> = vec![BTreeMap::new(); agencies.len()];
    for (&(unit, key), &(n, first)) in &per_key {
        let (k, display) = keys[key as usize].as_ref().unwrap_or(&none);
        let e = by_key[unit as usize]
            .entry(k.as_str())
            .or_insert((usize::MAX, k.as_str(), 0));
        e.2 += n;
        if display != k && first < e.0 {
            (e.0, e.1) = (first, display.as_str());
        }
    }
    for (ag, grades) in agencies.iter_mut().zip(by_key) {
        for (_, display, n) in grades.into_values() {
            *ag.grades.entry(display.to_string()).or_default() += n;
        }
    }
    let mut staffing = Vec::new();
    for (u, g) in unit_group.iter().enumerate() {
        let unit = u32::try_from(u).unwrap_or(u32::MAX);
        for &p in &groups[*g].entries {
            staffing.push(Staffing {
                unit,
                position: p,
                approved: cat.positions[p as usize].headcount,
                filled: filled.get(&(unit, p)).copied().unwrap_or(0),
            });
        }
    }
    (agencies, staffing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_codes_and_names() {
        assert!(is_grade_code("01.003"));
        assert!(is_grade_code("V.08.10.28"));
        assert!(!is_grade_code("Chuyên viên"));
        let (codes, names) = accepted_grades(&["01.003".into(), "Kế toán viên".into()]);
        assert!(codes.contains(&"01.003".to_string()) && codes.contains(&"06.031".to_string()));
        assert!(names.contains(&"chuyen vien".to_string()));
    }
}
