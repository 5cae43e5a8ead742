//! The clean staff table as a columnar polars frame: one row per posting,
//! every attribute a count needs as a small integer, unknown as -1. Built
//! once after cleaning; compliance, the forms and the structure counts are
//! queries over it.
//!
//! Columns: `rec` (record index), `person`, `unit` (roster unit), `leaf`
//! (its node in the hierarchy), `category`, `commune`, `gov_level`,
//! `unit_type`, `title` (class of the folded title), `education`,
//! `political_theory`, `state_management` (ranks from the lowest level),
//! `female` (1/0), `age` (full years at the as-of date), `past_retirement`
//! (1 when the last day of service is before the as-of date), `minority`,
//! `party`, `grade_rank` (0 = CVCC … 4 = Nhân viên), `title_class` (hạng
//! 1–5), `it`, `english`, `other_language` (0 none, 1 certificate, 2
//! degree), `leader` (1 when the title is a head's or deputy's).
//!
//! Text attributes are read once per distinct text id, not once per row.

use std::collections::HashMap;

use chrono::NaiveDate;
use polars::prelude::*;
use rayon::prelude::*;

use crate::policy::UnitType;
use crate::roster::{Roster, StaffRecord, Text};
use crate::scales::{Category, Education, Gender, GovLevel, PoliticalTheory, StateManagement};
use crate::text::fold;
use crate::units::Hierarchy;
use crate::vocab::{dates, grades, skills};

/// Unknown values are -1 in the frame; levels are their rank from 0.
#[must_use]
pub fn rank<T: Copy + Ord>(v: Option<T>, all: &[T]) -> i8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(-1, |i| i8::try_from(i).unwrap_or(i8::MAX))
}

/// Education levels, lowest first (their index is the frame's value).
pub const EDU: [Education; 7] = Education::ASCENDING;
/// Political theory levels, lowest first.
pub const LLCT: [PoliticalTheory; 5] = {
    use PoliticalTheory::*;
    [None, SoCap, TrungCap, CaoCap, CuNhan]
};
/// State management levels, lowest first.
pub const QLNN: [StateManagement; 5] = {
    use StateManagement::*;
    [None, CanSu, ChuyenVien, ChuyenVienChinh, ChuyenVienCaoCap]
};
/// Unit types, in the frame's order.
pub const UNIT_TYPES: [UnitType; 4] = [
    UnitType::AdministrativeAgency,
    UnitType::PublicServiceUnit,
    UnitType::CommuneCommittee,
    UnitType::Other,
];

/// Folded title → its class in the frame's `title` column.
pub type TitleKeys = HashMap<String, u32>;

/// The staff frame and the classes of its title column.
#[derive(Debug, Clone)]
pub struct StaffFrame {
    /// One row per posting, in record order.
    pub df: DataFrame,
    /// Folded title → class.
    pub titles: TitleKeys,
}

/// A per-text reading, computed once per distinct text id. The readings
/// are kept in a table indexed by the dense text id, not a hash map: on the
/// 2.5 M-row bench roster the staff table takes 0.59 s (0.68 s with SipHash
/// maps; same frame).
fn per_text<T: Copy>(
    roster: &Roster,
    get: impl Fn(&crate::roster::StaffRecord) -> Option<Text>,
    read: impl Fn(&str) -> T,
    unknown: T,
) -> Vec<T> {
    let mut seen: Vec<Option<T>> = vec![None; roster.texts.len() + 1];
    roster
        .records
        .iter()
        .map(|r| match get(r) {
            None => unknown,
            Some(t) => *seen[t.index()].get_or_insert_with(|| read(roster.texts.get(t))),
        })
        .collect()
}

fn i8_of(b: Option<bool>) -> i8 {
    b.map_or(-1, i8::from)
}

/// Builds the frame. `retire` is each record's last day of service (when
/// known), as the projection computes it.
pub fn build(
    roster: &Roster,
    h: &Hierarchy,
    as_of: NaiveDate,
    retire: &[Option<NaiveDate>],
) -> PolarsResult<StaffFrame> {
    let n = roster.records.len();
    // Each column's rows across the cores: 0.54 → 0.40–0.43 s on the 2.5
    // M-row bench roster (with the last days of service, worked out so
    // too). The columns are allocated on this thread, their rows filled on
    // both: the table's two halves built side by side (rayon::join) took
    // 0.3 s but left 50 MB more in the other thread's heap at the national
    // report's peak (930 → 983 MB).
    let (titles, title) = title_classes(roster);
    let mut columns = place_columns(roster, h, &titles, title);
    let quality = quality_columns(roster, as_of, retire);
    columns.extend(quality);
    Ok(StaffFrame {
        df: DataFrame::new(n, columns)?,
        titles,
    })
}

/// Titles as the class of their folded text, folded once per text; a row
/// without a title has the class of "" (class 0).
fn title_classes(roster: &Roster) -> (TitleKeys, Vec<u32>) {
    let mut titles = TitleKeys::from([(String::new(), 0)]);
    // The class of each text id, by the dense id (see `per_text`).
    let mut of_text: Vec<Option<u32>> = vec![None; roster.texts.len() + 1];
    let title: Vec<u32> = roster
        .records
        .iter()
        .map(|x| match x.title {
            None => 0,
            Some(t) => *of_text[t.index()].get_or_insert_with(|| {
                let next = u32::try_from(titles.len()).unwrap_or(u32::MAX);
                *titles.entry(fold(roster.texts.get(t))).or_insert(next)
            }),
        })
        .collect();
    (titles, title)
}

/// Who and where: record, person, unit and its leaf, category, commune,
/// level of government, unit type, title class and leadership.
fn place_columns(
    roster: &Roster,
    h: &Hierarchy,
    titles: &TitleKeys,
    title: Vec<u32>,
) -> Vec<Column> {
    let r = &roster.records;
    let n = r.len();
    // A leader's title, per title class.
    let mut leader_class = vec![0i8; titles.len()];
    for (t, &c) in titles {
        if let Some(l) = leader_class.get_mut(c as usize) {
            *l = i8::from(skills::is_leader_title(t));
        }
    }
    let u32s =
        |f: &(dyn Fn(usize) -> u32 + Sync)| (0..n).into_par_iter().map(f).collect::<Vec<u32>>();
    let i8s = |f: &(dyn Fn(usize) -> i8 + Sync)| (0..n).into_par_iter().map(f).collect::<Vec<i8>>();
    vec![
        Column::new(
            "rec".into(),
            u32s(&|i| u32::try_from(i).unwrap_or(u32::MAX)),
        ),
        Column::new("person".into(), u32s(&|i| r[i].person)),
        Column::new("unit".into(), u32s(&|i| r[i].unit)),
        Column::new(
            "leaf".into(),
            u32s(&|i| u32::try_from(h.leaf[r[i].unit as usize]).unwrap_or(u32::MAX)),
        ),
        Column::new(
            "category".into(),
            i8s(&|i| rank(Some(r[i].category), &Category::ALL)),
        ),
        Column::new(
            "commune".into(),
            r.iter().map(|x| x.commune).collect::<Vec<bool>>(),
        ),
        Column::new(
            "gov_level".into(),
            i8s(&|i| rank(r[i].gov_level, &GovLevel::ALL)),
        ),
        Column::new(
            "unit_type".into(),
            i8s(&|i| rank(h.nodes[h.leaf[r[i].unit as usize]].unit_type, &UNIT_TYPES)),
        ),
        Column::new(
            "leader".into(),
            title
                .iter()
                .map(|&c| leader_class.get(c as usize).copied().unwrap_or(0))
                .collect::<Vec<i8>>(),
        ),
        Column::new("title".into(), title),
    ]
}

/// Grade class and hạng per record, worked out once per distinct (code,
/// name) pair.
fn grade_classes(roster: &Roster) -> Vec<(i8, i8)> {
    let mut seen: hashbrown::HashMap<(Option<Text>, Option<Text>), (i8, i8)> =
        hashbrown::HashMap::new();
    roster
        .records
        .iter()
        .map(|x| {
            *seen.entry((x.grade_code, x.grade)).or_insert_with(|| {
                let (code, name) = (roster.texts.opt(x.grade_code), roster.texts.opt(x.grade));
                let class = grades::rank(code, name);
                let hang = name.and_then(skills::title_class);
                (
                    rank(class, &grades::Rank::ALL),
                    hang.map_or(-1, |h| i8::try_from(h).unwrap_or(-1)),
                )
            })
        })
        .collect()
}

/// What each person has: levels, gender, age, retirement, ethnicity, party,
/// grade, IT and languages.
fn quality_columns(roster: &Roster, as_of: NaiveDate, retire: &[Option<NaiveDate>]) -> Vec<Column> {
    let r = &roster.records;
    let n = r.len();
    let i8s = |f: &(dyn Fn(usize) -> i8 + Sync)| (0..n).into_par_iter().map(f).collect::<Vec<i8>>();
    let minority = per_text(
        roster,
        |x| x.ethnicity,
        |s| i8_of(skills::is_minority(s)),
        -1,
    );
    let it = per_text(
        roster,
        |x| x.it_skill,
        |s| skills::it_level(s).map_or(-1, skills::SkillLevel::rank),
        -1,
    );
    let languages = per_text(
        roster,
        |x| x.foreign_language,
        |s| match skills::language_levels(s) {
            Some((en, other)) => (
                en.map_or(-1, skills::SkillLevel::rank),
                other.map_or(-1, skills::SkillLevel::rank),
            ),
            None => (-1, -1),
        },
        (-1, -1),
    );
    let grade = grade_classes(roster);
    vec![
        Column::new("education".into(), i8s(&|i| rank(r[i].education, &EDU))),
        Column::new(
            "political_theory".into(),
            i8s(&|i| rank(r[i].political_theory, &LLCT)),
        ),
        Column::new(
            "state_management".into(),
            i8s(&|i| rank(r[i].state_management, &QLNN)),
        ),
        Column::new(
            "female".into(),
            i8s(&|i| i8_of(r[i].gender.map(|g| g == Gender::Female))),
        ),
        Column::new(
            "age".into(),
            (0..n)
                .into_par_iter()
                .map(|i| {
                    r[i].birth
                        .map_or(-1, |b| dates::years_between(b.date, as_of))
                })
                .collect::<Vec<i32>>(),
        ),
        Column::new(
            "past_retirement".into(),
            i8s(&|i| {
                i8_of(past_retirement(
                    &r[i],
                    retire.get(i).copied().flatten(),
                    as_of,
                ))
            }),
        ),
        Column::new("minority".into(), minority),
        Column::new("party".into(), i8s(&|i| i8_of(r[i].party_member))),
        Column::new("grade_rank".into(), i8s(&|i| grade[i].0)),
        Column::new("title_class".into(), i8s(&|i| grade[i].1)),
        Column::new("it".into(), it),
        Column::new(
            "english".into(),
            languages.iter().map(|l| l.0).collect::<Vec<i8>>(),
        ),
        Column::new(
            "other_language".into(),
            languages.iter().map(|l| l.1).collect::<Vec<i8>>(),
        ),
    ]
}

/// Whether a person's last day of service (`retire`) is before the as-of
/// date. Without a gender it is known when both sexes' ages agree: a
/// person of 65 in 2025 is past either (Decree 135), one of 40 past neither.
fn past_retirement(r: &StaffRecord, retire: Option<NaiveDate>, as_of: NaiveDate) -> Option<bool> {
    use crate::vocab::retirement::retirement_date;
    // No gender (and no date in the roster): `retire` is a man's date, the
    // latest (projection::retirement_dates); between a woman's and a man's
    // the answer is not known.
    if let (None, None, Some(b), Some(man)) = (r.gender, r.retirement_date, r.birth, retire) {
        let man = man < as_of;
        let woman = retirement_date(b, Gender::Female)? < as_of;
        return (man == woman).then_some(man);
    }
    retire.map(|d| d < as_of)
}

/// A column of a query's result as unsigned integers (cast as needed).
pub fn u64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::UInt64)?
        .u64()?
        .rechunk()
        .cont_slice()?
        .to_vec())
}

/// A `u32` column of a query's result (record, person, unit ids).
pub fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(df.column(name)?.u32()?.rechunk().cont_slice()?.to_vec())
}

/// A polars failure as the tool's error, naming the computation.
#[must_use]
pub fn polars_error(what: &str, e: &PolarsError) -> crate::error::Error {
    crate::error::Error::Usage(format!("internal error in {what}: {e}"))
}
