//! Staffing per agency and position, and the grade structure.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Per agency its people, those placed and its grades; per catalogue
/// position its approved and filled posts.
pub(super) fn figures(
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
    let people = agency_people(roster, assignments);
    count_people(&mut agencies, &people);
    let staffing = staffing(groups, unit_group, cat, &people.filled);
    (agencies, staffing)
}

/// Each person once per agency, the grade keys of their texts, and the
/// postings in each position.
struct AgencyPeople {
    /// Per person and agency, in roster order: (unit, placed, placed with
    /// grade, grade key).
    flags: Vec<(u32, bool, bool, u32)>,
    /// Grade keys, computed once per (code, name) texts: index into `keys`.
    keys: Vec<Option<(String, String)>>,
    /// The ladder class of each key's (code, name) texts.
    key_rank: Vec<Option<grades::Rank>>,
    /// Postings per (unit, position).
    filled: HashMap<(u32, u32), u32>,
}

/// A person counts once per agency: by their first posting there, placed
/// if any posting is. Only people with several postings are looked up.
fn agency_people(roster: &Roster, assignments: &[Assignment]) -> AgencyPeople {
    let mut postings = vec![0u8; roster.people];
    for &person in &roster.staff.person {
        let n = &mut postings[person as usize];
        *n = n.saturating_add(1);
    }
    let mut keys: Vec<Option<(String, String)>> = Vec::new();
    let mut key_rank: Vec<Option<grades::Rank>> = Vec::new();
    let mut key_of: HashMap<(Option<Text>, Option<Text>), u32> = HashMap::new();
    let mut seen: HashMap<(u32, u32), usize> = HashMap::new();
    let mut person_flags: Vec<(u32, bool, bool, u32)> = Vec::with_capacity(roster.people);
    let mut filled: HashMap<(u32, u32), u32> = HashMap::new();
    for (r, a) in roster.staff.rows().zip(assignments) {
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
            keys.push(grade_key((r.grade_code, r.grade), &roster.texts));
            key_rank.push(grades::rank(
                roster.texts.opt(r.grade_code),
                roster.texts.opt(r.grade),
            ));
            u32::try_from(keys.len() - 1).unwrap_or(u32::MAX)
        });
        person_flags.push((r.unit, a.placed(), a.placed_with_grade(), key));
    }
    AgencyPeople {
        flags: person_flags,
        keys,
        key_rank,
        filled,
    }
}

/// Counts each agency's people, those placed, and its grades: by grade key,
/// shown by the first person (in roster order) whose grade display is more
/// than the bare key (a name found later names a code first seen alone).
fn count_people(agencies: &mut [AgencyFigures], people: &AgencyPeople) {
    let (keys, key_rank) = (&people.keys, &people.key_rank);
    let mut per_key: HashMap<(u32, u32), (u32, usize)> = HashMap::new();
    for (order, &(unit, placed, with_grade, key)) in people.flags.iter().enumerate() {
        let ag = &mut agencies[unit as usize];
        ag.people += 1;
        ag.placed += u32::from(placed);
        ag.placed_with_grade += u32::from(with_grade);
        per_key.entry((unit, key)).or_insert((0, order)).0 += 1;
    }
    // The class of a grade key is that of its first person's (code, name).
    let none = (String::new(), String::new());
    type KeyFigures<'a> = (usize, &'a str, u32, usize, Option<grades::Rank>);
    let mut by_key: Vec<BTreeMap<&str, KeyFigures<'_>>> = vec![BTreeMap::new(); agencies.len()];
    for (&(unit, key), &(n, first)) in &per_key {
        let (k, display) = keys[key as usize].as_ref().unwrap_or(&none);
        let e = by_key[unit as usize].entry(k.as_str()).or_insert((
            usize::MAX,
            k.as_str(),
            0,
            usize::MAX,
            None,
        ));
        e.2 += n;
        if display != k && first < e.0 {
            (e.0, e.1) = (first, display.as_str());
        }
        if first < e.3 {
            (e.3, e.4) = (first, key_rank[key as usize]);
        }
    }
    for (ag, grades) in agencies.iter_mut().zip(by_key) {
        for (k, (_, display, n, _, rank)) in grades {
            *ag.grades.entry(display.to_string()).or_default() += n;
            match rank {
                Some(r) => ag.ranks[r as usize] += n,
                None if k.is_empty() => ag.ungraded += n,
                None => *ag.unranked.entry(display.to_string()).or_default() += n,
            }
        }
    }
}

/// Each agency's catalogue positions: approved and filled.
fn staffing(
    groups: &[Group],
    unit_group: &[usize],
    cat: &Catalogue,
    filled: &HashMap<(u32, u32), u32>,
) -> Vec<Staffing> {
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
    staffing
}
