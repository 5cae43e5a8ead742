//! The postings as a polars frame (one row per posting, levels as ranks,
//! unknown as -1) and the population filters over it.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) use crate::staff::{EDU, LLCT, QLNN, TitleKeys, UNIT_TYPES, rank};

/// The postings as a frame: the staff frame with the placement's columns.
/// Each posting's person, unit and category are read from the frame's
/// columns (4 and 1 bytes a posting): when the staff table was row records
/// (over a hundred bytes each), reading them from it took 84–105 ms on the
/// national report, each sweep carrying whole records through memory.
pub(super) fn postings_frame(
    staff: &crate::staff::StaffFrame,
    placement: Option<&Placement>,
) -> PolarsResult<DataFrame> {
    use rayon::prelude::*;
    let n = staff.df.height();
    let persons = staff.df.column("person")?.u32()?.rechunk();
    let persons = persons.cont_slice()?;
    let units = staff.df.column("unit")?.u32()?.rechunk();
    let units = units.cont_slice()?;
    let categories = staff.df.column("category")?.i8()?.rechunk();
    let categories = categories.cont_slice()?;
    // The frame's category is its rank in `Category::ALL` (every record has
    // one: -1, no category, does not occur, and would count as expecting a
    // position, as `Category::Unknown` does).
    let category = |i: usize| {
        let k = usize::try_from(categories[i]).ok()?;
        Category::ALL.get(k).copied()
    };
    let flag = |f: &(dyn Fn(&Assignment) -> bool + Sync)| -> Vec<i8> {
        match placement {
            Some(p) => p.assignments.par_iter().map(|a| i8::from(f(a))).collect(),
            None => vec![0; n],
        }
    };
    // A person meets the position standard only if every posting does (1);
    // fails it if any posting does (0); else it is to be verified (-1, unknown).
    let standard: Vec<i8> = match placement {
        Some(p) => {
            let per_person = crate::positions::person_standards(persons, category, &p.assignments);
            persons
                .par_iter()
                .map(|&x| match per_person[x as usize] {
                    crate::positions::Standard::Meets => 1,
                    crate::positions::Standard::Fails => 0,
                    crate::positions::Standard::ToVerify => -1,
                })
                .collect()
        }
        None => vec![0; n],
    };
    // Placed in a professional position (chuyên ngành or dùng chung).
    let professional: Vec<i8> = match placement {
        Some(p) => p
            .assignments
            .par_iter()
            .map(|a| {
                let kind = a
                    .position
                    .and_then(|i| p.catalogue.positions[i as usize].kind);
                i8::from(matches!(
                    kind,
                    Some(
                        crate::positions::PositionKind::ChuyenMonChuyenNganh
                            | crate::positions::PositionKind::ChuyenMonDungChung
                    )
                ))
            })
            .collect(),
        None => vec![0; n],
    };
    let has_catalogue: Vec<bool> = match placement {
        Some(p) => units
            .par_iter()
            .map(|&u| p.agencies[u as usize].has_catalogue)
            .collect(),
        None => vec![false; n],
    };
    let mut df = staff.df.clone();
    let columns = vec![
        Column::new("placed".into(), flag(&Assignment::placed)),
        Column::new("placed_grade".into(), flag(&Assignment::placed_with_grade)),
        Column::new("professional".into(), professional),
        Column::new("standard".into(), standard),
        Column::new("has_catalogue".into(), has_catalogue),
    ];
    df.hstack_mut(&columns)?;
    Ok(df)
}

/// Any of the values (or everything when the list is empty).
pub(super) fn any_of(column: &str, values: impl IntoIterator<Item = i32>) -> Expr {
    values
        .into_iter()
        .map(|v| col(column).eq(lit(v)))
        .reduce(Expr::or)
        .unwrap_or(lit(true))
}

pub(super) fn population_expr(p: &Population, titles: &TitleKeys) -> Expr {
    let mut e = any_of(
        "category",
        p.category
            .iter()
            .map(|c| i32::from(rank(Some(*c), &Category::ALL))),
    );
    if let Some(commune) = p.commune {
        e = e.and(col("commune").eq(lit(commune)));
    }
    e = e.and(any_of(
        "gov_level",
        p.gov_level
            .iter()
            .map(|g| i32::from(rank(Some(*g), &crate::scales::GovLevel::ALL))),
    ));
    e = e.and(any_of(
        "unit_type",
        p.unit_type
            .iter()
            .map(|t| i32::from(rank(Some(*t), &UNIT_TYPES))),
    ));
    if !p.titles.is_empty() {
        let titles = p
            .titles
            .iter()
            .map(|t| col("title").eq(lit(titles.get(&fold(t)).copied().unwrap_or(u32::MAX))))
            .reduce(Expr::or)
            .unwrap_or(lit(true));
        e = e.and(titles);
    }
    e
}

pub(super) fn measure_column(m: &Measure) -> (&'static str, i32) {
    match m {
        Measure::Education(level) => ("education", i32::from(rank(Some(*level), &EDU))),
        Measure::PoliticalTheory(level) => {
            ("political_theory", i32::from(rank(Some(*level), &LLCT)))
        }
        Measure::StateManagement(level) => {
            ("state_management", i32::from(rank(Some(*level), &QLNN)))
        }
        Measure::PlacedInPosition => ("placed", 1),
        Measure::PlacedWithMatchingGrade | Measure::StructuredByPosition(_) => ("placed_grade", 1),
        Measure::ProfessionalPositions(_) => ("professional", 1),
        // Counted per position, not per person (compliance::caps).
        Measure::LevelCaps => ("placed", 1),
        Measure::MeetsPositionStandard => ("standard", 1),
    }
}
