//! Placing every posting in its agency's catalogue: by position code, by
//! name, or by title; unmatched postings noted with suggestions.

#[allow(clippy::wildcard_imports)]
use super::*;

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
        let mut scored: Vec<(f64, &str)> = roster
            .units
            .iter()
            .zip(&keys)
            .map(|(u, (name, _))| (strsim::sorensen_dice(&entry.key, name), u.name.as_str()))
            .filter(|(s, _)| *s >= 0.5)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut suggestions: Vec<String> = Vec::new();
        for (_, name) in scored {
            if suggestions.len() < 3 && !suggestions.iter().any(|s| s == name) {
                suggestions.push(name.to_string());
            }
        }
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

/// Up to three catalogue names closest to `text`.
pub(super) fn suggestions(group: &Group, text: &str) -> Vec<String> {
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
        .map(|p| accepted_grades(&p.grades))
        .collect();
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
    issues.extend(agency_notes);
    let mut assignments = Vec::with_capacity(roster.records.len());
    for r in &roster.records {
        let group = &groups[unit_group[r.unit as usize]];
        let mut a = Assignment::default();
        if group.entries.is_empty() {
            assignments.push(a);
            continue;
        }
        let found = find_position(group, r, &mut fold_text);
        if let Some((i, how)) = found {
            let def = &cat.positions[i as usize];
            let (grade_ok, unmet, grade_standard) =
                check(&cat, (def, &accepted[i as usize]), r, texts);
            a = Assignment {
                position: Some(i),
                matched_by: Some(how),
                grade_ok,
                unmet,
                grade_standard,
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
            issues.push(unmatched(s, r, texts.get(*text), sugg));
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

/// The position a posting names, in its agency's group: by its code, else
/// its position's name, else its title as a position's alias.
fn find_position(
    group: &Group,
    r: &StaffRecord,
    fold_text: &mut impl FnMut(&Text) -> String,
) -> Option<(u32, MatchedBy)> {
    r.position_code
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
        })
}

/// The data issue for a posting whose position the catalogue does not hold,
/// with the positions it may mean.
fn unmatched(s: &SheetReport, r: &StaffRecord, text: &str, suggestions: Vec<String>) -> DataIssue {
    DataIssue {
        file: s.file_name.clone(),
        sheet: s.name.clone(),
        row: Some(r.source.row),
        column: crate::schema::Field::Position.aliases()[0].to_string(),
        value: text.to_string(),
        problem: Problem::PositionUnmatched { suggestions },
        action: Action::NotPlaced,
    }
}
