//! The structure of the workforce for leaders ("Cơ cấu đội ngũ"): per
//! category and for the whole roster, the age pyramid by gender, the
//! professional, political-theory and state-management mixes, the grade
//! mix, and the shares of women, ethnic minorities and party members overall
//! and among leaders. Two polars queries over the staff frame (people once
//! per category, and once over all), each one group-by on every attribute
//! at once; the few thousand combinations are tallied in Rust.

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

/// The people once per `keys` (person and category, or person), grouped
/// by every attribute: (values, people).
fn combos(df: &DataFrame, keys: &[&str]) -> PolarsResult<Vec<([i32; 10], u64)>> {
    let dims: Vec<Expr> = DIMS.iter().map(|d| col(*d).cast(DataType::Int32)).collect();
    let out = df
        .clone()
        .lazy()
        .unique_stable_generic(
            Some(keys.iter().map(|k| col(*k)).collect()),
            UniqueKeepStrategy::First,
        )
        .group_by(dims)
        .agg([len().alias("n")])
        .collect()?;
    let n = crate::staff::u64s(&out, "n")?;
    let mut cols = Vec::with_capacity(DIMS.len());
    for d in DIMS {
        let c = out.column(d)?.i32()?;
        cols.push(c.iter().map(|x| x.unwrap_or(-1)).collect::<Vec<i32>>());
    }
    Ok((0..out.height())
        .map(|i| {
            let mut v = [0; 10];
            for (j, c) in cols.iter().enumerate() {
                v[j] = c[i];
            }
            (v, n[i])
        })
        .collect())
}

/// Counts the structure.
pub fn count(staff: &StaffFrame) -> PolarsResult<Structure> {
    let mut groups: Vec<Group> = Category::ALL
        .iter()
        .filter(|c| **c != Category::Unknown)
        .map(|c| Group::new(Some(*c)))
        .collect();
    for (v, n) in combos(&staff.df, &["person", "category"])? {
        let cat = usize::try_from(v[9])
            .ok()
            .and_then(|i| Category::ALL.get(i));
        if let Some(g) = groups.iter_mut().find(|g| g.category.as_ref() == cat) {
            g.add(&v, n);
        }
    }
    groups.retain(|g| g.people > 0);
    let mut all = Group::new(None);
    for (v, n) in combos(&staff.df, &["person"])? {
        all.add(&v, n);
    }
    groups.push(all);
    Ok(Structure { groups })
}
