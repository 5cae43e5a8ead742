//! The structure of the workforce for leaders ("Cơ cấu đội ngũ"): per
//! category and for the whole roster, the age pyramid by gender, the
//! professional, political-theory and state-management mixes, the grade
//! mix, and the shares of women, ethnic minorities and party members overall
//! and among leaders. One pass over the staff frame's columns (people once
//! per category, and once over all); see [`count`] for why not a query.

mod charts;
pub mod sheet;

use polars::prelude::*;

use crate::scales::Category;
use crate::staff::{EDU, LLCT, QLNN, StaffFrame};

/// Age bands of the pyramid (upper bounds; the last is open).
pub const AGE_BANDS: [i32; 4] = [30, 40, 50, 60];

/// One group's figures (a category, or everyone).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// The category (`None`: the whole roster).
    pub category: Option<Category>,
    /// People.
    pub people: u64,
    /// Per age band (≤ 30, 31–40, 41–50, 51–60, over 60, unknown): men,
    /// women, gender unknown.
    pub ages: Vec<[u64; 3]>,
    /// Per education level (lowest first), then unknown.
    pub education: Vec<u64>,
    /// Per political theory level, then unknown.
    pub political_theory: Vec<u64>,
    /// Per state management level, then unknown.
    pub state_management: Vec<u64>,
    /// Per grade class (CVCC … Nhân viên), then no class known.
    pub grades: Vec<u64>,
    /// Women, minorities, party members: (yes, known) overall.
    pub shares: [(u64, u64); 3],
    /// The same among leaders.
    pub leader_shares: [(u64, u64); 3],
    /// Leaders.
    pub leaders: u64,
}

/// The structure: a group per category with people, then everyone.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Structure {
    /// Groups in category order, the whole roster last.
    pub groups: Vec<Group>,
    /// People of the whole roster in no category's group (category unknown).
    pub no_category: u64,
}

const DIMS: [&str; 10] = [
    "age",
    "female",
    "education",
    "political_theory",
    "state_management",
    "grade_rank",
    "minority",
    "party",
    "leader",
    "category",
];

/// Index of a rank in a tally of `n` levels and an unknown.
fn slot(rank: i32, n: usize) -> usize {
    usize::try_from(rank).ok().filter(|&r| r < n).unwrap_or(n)
}

fn age_band(age: i32) -> usize {
    if age < 0 {
        return AGE_BANDS.len() + 1;
    }
    AGE_BANDS
        .iter()
        .position(|&b| age <= b)
        .unwrap_or(AGE_BANDS.len())
}

impl Group {
    fn new(category: Option<Category>) -> Self {
        Self {
            category,
            ages: vec![[0; 3]; AGE_BANDS.len() + 2],
            education: vec![0; EDU.len() + 1],
            political_theory: vec![0; LLCT.len() + 1],
            state_management: vec![0; QLNN.len() + 1],
            grades: vec![0; crate::vocab::grades::Rank::ALL.len() + 1],
            ..Self::default()
        }
    }

    /// Adds `n` people with the attribute values `v` (in [`DIMS`] order).
    fn add(&mut self, v: &[i32; 10], n: u64) {
        self.people += n;
        let gender = match v[1] {
            0 => 0,
            1 => 1,
            _ => 2,
        };
        self.ages[age_band(v[0])][gender] += n;
        self.education[slot(v[2], EDU.len())] += n;
        self.political_theory[slot(v[3], LLCT.len())] += n;
        self.state_management[slot(v[4], QLNN.len())] += n;
        let grades = self.grades.len() - 1;
        self.grades[slot(v[5], grades)] += n;
        let leader = v[8] == 1;
        self.leaders += if leader { n } else { 0 };
        for (s, value) in [v[1], v[6], v[7]].into_iter().enumerate() {
            let known = u64::from(value >= 0) * n;
            let yes = u64::from(value == 1) * n;
            self.shares[s].0 += yes;
            self.shares[s].1 += known;
            if leader {
                self.leader_shares[s].0 += yes;
                self.leader_shares[s].1 += known;
            }
        }
    }
}

/// A frame column read as `i32` (unknown -1): borrowed when it is `i8`, as
/// most attributes are, else cast.
enum Ints<'a> {
    Small(&'a [i8]),
    Wide(Vec<i32>),
}

impl<'a> Ints<'a> {
    fn of(df: &'a DataFrame, name: &str) -> PolarsResult<Self> {
        let c = df.column(name)?;
        if let Ok(s) = c.i8().and_then(|a| a.cont_slice()) {
            return Ok(Self::Small(s));
        }
        let c = c.cast(&DataType::Int32)?;
        Ok(Self::Wide(
            c.i32()?.iter().map(|x| x.unwrap_or(-1)).collect(),
        ))
    }

    fn get(&self, row: usize) -> i32 {
        match self {
            Self::Small(s) => i32::from(s[row]),
            Self::Wide(v) => v[row],
        }
    }
}

/// Counts the structure: each person once per category (their first
/// posting in it) and once over all, in one pass over the frame's rows.
///
/// Plain Rust, not a query: the two polars queries it replaces (a
/// `unique` over person and category, then a group-by on all ten attributes,
/// and the same per person) took 1.6 s on the 2.5 M-row bench roster, most
/// of it encoding the ten-column group keys; this pass takes 0.14 s, with
/// the same figures.
pub fn count(staff: &StaffFrame) -> PolarsResult<Structure> {
    let df = &staff.df;
    let cols: Vec<Ints<'_>> = DIMS
        .iter()
        .map(|d| Ints::of(df, d))
        .collect::<PolarsResult<_>>()?;
    let person = crate::staff::u32s(df, "person")?;
    let people = person.iter().max().map_or(0, |&m| m as usize + 1);
    // Categories a person has been counted in (a bit each), and whether
    // they have been counted at all.
    let mut in_category = vec![0u8; people];
    let mut seen = vec![false; people];
    let mut by_category: Vec<Group> = Category::ALL.iter().map(|c| Group::new(Some(*c))).collect();
    let mut all = Group::new(None);
    let mut v = [0i32; 10];
    for (row, &p) in person.iter().enumerate() {
        for (x, c) in v.iter_mut().zip(&cols) {
            *x = c.get(row);
        }
        let p = p as usize;
        if !seen[p] {
            seen[p] = true;
            all.add(&v, 1);
        }
        let category = usize::try_from(v[9])
            .ok()
            .filter(|&i| i < Category::ALL.len() && Category::ALL[i] != Category::Unknown);
        if let Some(i) = category {
            let bit = 1u8 << i;
            if in_category[p] & bit == 0 {
                in_category[p] |= bit;
                by_category[i].add(&v, 1);
            }
        }
    }
    let no_category = seen
        .iter()
        .zip(&in_category)
        .filter(|&(&s, &c)| s && c == 0)
        .count() as u64;
    let mut groups: Vec<Group> = by_category.into_iter().filter(|g| g.people > 0).collect();
    groups.push(all);
    Ok(Structure {
        groups,
        no_category,
    })
}
