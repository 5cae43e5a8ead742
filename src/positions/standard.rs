//! A posting against its position's standard: grade, education, field, political theory, state management.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn is_grade_code(s: &str) -> bool {
    let t = s.trim();
    t.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == 'V')
        && t.contains('.')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// The grades a position accepts: codes and folded names, the built-in table
/// filling the other half of each pair, and whole classes of the ladder for
/// "Chuyên viên hoặc tương đương" (any grade of the Chuyên viên class).
#[derive(Debug, Default)]
pub(super) struct Accepted {
    pub(super) codes: Vec<String>,
    pub(super) names: Vec<String>,
    pub(super) ranks: Vec<grades::Rank>,
    /// The position's grades and fields as given, for the unmet notes: one
    /// list shared by every posting failing them, not a copy each.
    pub(super) grades: Arc<[String]>,
    pub(super) fields: Arc<[String]>,
}

/// Folded word endings that accept a grade's equivalents.
const EQUIVALENTS: &[&[&str]] = &[
    &["hoac", "tuong", "duong"],
    &["va", "tuong", "duong"],
    &["tuong", "duong"],
];

/// A grade as written without "(hoặc / và) tương đương" and "trở lên":
/// the grade's own words, and whether equivalents are accepted.
fn grade_words(g: &str) -> (String, bool) {
    let mut words: Vec<&str> = g.split_whitespace().collect();
    let folded = |w: &[&str]| w.iter().map(|x| fold(x)).collect::<Vec<_>>();
    let ends = |words: &[&str], tail: &[&str]| {
        words.len() > tail.len() && folded(&words[words.len() - tail.len()..]) == tail
    };
    if ends(&words, &["tro", "len"]) {
        words.truncate(words.len() - 2);
    }
    let equivalents = EQUIVALENTS.iter().find(|t| ends(&words, t));
    if let Some(t) = equivalents {
        words.truncate(words.len() - t.len());
    }
    (words.join(" "), equivalents.is_some())
}

pub(super) fn accepted_grades(list: &[String]) -> Accepted {
    let mut a = Accepted::default();
    for g in list {
        let (g, equivalents) = grade_words(g);
        if is_grade_code(&g) {
            let code = g.trim().to_ascii_uppercase();
            if let Some(name) = grades::grade_name(&code) {
                a.names.push(fold(name));
            }
            if equivalents {
                a.ranks.extend(grades::rank(Some(&code), None));
            }
            a.codes.push(code);
            continue;
        }
        let f = fold(&g);
        if equivalents {
            a.ranks.extend(grades::rank(None, Some(&f)));
        }
        if let Some(code) = grades::grade_code(&f) {
            a.codes.push(code.to_string());
        }
        a.names.push(f);
    }
    a
}

pub(super) fn grade_matches(r: &Levels, t: &Texts, accepted: &Accepted) -> Option<bool> {
    let Accepted {
        codes,
        names,
        ranks,
        ..
    } = accepted;
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
    let class = || grades::rank(code.as_deref(), t.opt(r.grade));
    Some(
        code.as_ref().is_some_and(|c| codes.contains(c))
            || name.is_some_and(|n| names.contains(&n))
            || (!ranks.is_empty() && class().is_some_and(|k| ranks.contains(&k))),
    )
}

/// A record's grade, for display: "Cán sự (01.004)".
#[must_use]
pub(super) fn grade_display(r: &Levels, t: &Texts) -> Option<String> {
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
pub(super) fn grade_key(
    (grade_code, grade): (Option<Text>, Option<Text>),
    t: &Texts,
) -> Option<(String, String)> {
    let given = grade_code
        .map(|c| t.get(c))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    let name = t.opt(grade).map(str::trim).filter(|n| !n.is_empty());
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

/// What [`check`] reads of a posting: its levels and grade, from their
/// columns alone (a posting's whole row is 29 columns).
#[derive(Debug, Clone, Copy)]
pub(super) struct Levels {
    pub(super) education: Option<Education>,
    pub(super) field_of_study: Option<Text>,
    pub(super) political_theory: Option<PoliticalTheory>,
    pub(super) state_management: Option<StateManagement>,
    pub(super) grade_code: Option<Text>,
    pub(super) grade: Option<Text>,
}

impl Levels {
    /// Posting `k`'s.
    pub(super) fn of(s: &Staff, k: usize) -> Self {
        Self {
            education: s.education[k],
            field_of_study: s.field_of_study[k],
            political_theory: s.political_theory[k],
            state_management: s.state_management[k],
            grade_code: s.grade_code[k],
            grade: s.grade[k],
        }
    }
}

/// A posting against its position: `accepted` is the position's grades as
/// [`accepted_grades`] reads them (once per position, not per posting).
pub(super) fn check(
    cat: &Catalogue,
    (def, accepted): (&PositionDef, &Accepted),
    r: &Levels,
    t: &Texts,
) -> (bool, Vec<Unmet>, Option<u16>) {
    let mut unmet = Vec::new();
    let (grade_ok, by_grade) = check_grade(cat, (def, accepted), r, t, &mut unmet);
    let std = by_grade.map(|i| &cat.grade_standards[i]);
    let (min_education, min_political_theory, min_state_management) = match std {
        Some(s) => (
            s.min_education,
            s.min_political_theory,
            s.min_state_management,
        ),
        None => (
            def.min_education,
            def.min_political_theory,
            def.min_state_management,
        ),
    };
    if let Some(need) = min_education
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
                need: Arc::clone(&accepted.fields),
            });
        }
    }
    if let Some(need) = min_political_theory
        && r.political_theory.is_none_or(|p| p.level() < need.level())
    {
        unmet.push(Unmet::PoliticalTheory {
            have: r.political_theory,
            need,
        });
    }
    // The grade's standard may let political theory stand in for it.
    let stands_in = std
        .and_then(|s| s.state_management_or_political_theory)
        .is_some_and(|p| {
            r.political_theory
                .is_some_and(|have| have.level() >= p.level())
        });
    if let Some(need) = min_state_management
        && !stands_in
        && r.state_management.is_none_or(|q| q < need)
    {
        unmet.push(Unmet::StateManagement {
            have: r.state_management,
            need,
        });
    }
    let by_grade = by_grade.map(|i| u16::try_from(i).unwrap_or(u16::MAX));
    (grade_ok, unmet, by_grade)
}

/// A posting's grade against its position's grades (unmet noted), and the
/// grade standard that stands for the position's requirements, if any.
fn check_grade(
    cat: &Catalogue,
    (def, accepted): (&PositionDef, &Accepted),
    r: &Levels,
    t: &Texts,
    unmet: &mut Vec<Unmet>,
) -> (bool, Option<usize>) {
    let mut grade_ok = true;
    let mut by_grade = None;
    if !def.grades.is_empty() {
        grade_ok = grade_matches(r, t, accepted) == Some(true);
        // A position giving only its grades (no requirement of its own, no
        // job description): the standard of the person's grade.
        let only_grades = !def.described
            && def.min_education.is_none()
            && def.min_political_theory.is_none()
            && def.min_state_management.is_none();
        if grade_ok && only_grades {
            by_grade = person_grade_code(r, t)
                .and_then(|c| catalogue::standard_of(&cat.grade_standards, &c));
        }
        if !grade_ok {
            unmet.push(Unmet::Grade {
                have: grade_display(r, t),
                need: Arc::clone(&accepted.grades),
            });
        }
    }
    (grade_ok, by_grade)
}

/// A person's grade code: given, else read from the grade's name.
fn person_grade_code(r: &Levels, t: &Texts) -> Option<String> {
    let code = t
        .opt(r.grade_code)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    code.or_else(|| {
        t.opt(r.grade)
            .map(fold)
            .as_deref()
            .and_then(grades::grade_code)
            .map(str::to_string)
    })
}
