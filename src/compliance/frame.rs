//! The postings as a polars frame (one row per posting, levels as ranks,
//! unknown as -1) and the population filters over it.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Unknown values are -1 in the frame; levels are their rank from 0.
pub(super) fn rank<T: Copy + Ord>(v: Option<T>, all: &[T]) -> i8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(-1, |i| i8::try_from(i).unwrap_or(i8::MAX))
}

pub(super) const EDU: [crate::scales::Education; 7] = crate::scales::Education::ASCENDING;
pub(super) const LLCT: [crate::scales::PoliticalTheory; 4] = {
    use crate::scales::PoliticalTheory::*;
    [None, SoCap, TrungCap, CaoCap]
};
pub(super) const QLNN: [crate::scales::StateManagement; 5] = {
    use crate::scales::StateManagement::*;
    [None, CanSu, ChuyenVien, ChuyenVienChinh, ChuyenVienCaoCap]
};
pub(super) const UNIT_TYPES: [UnitType; 4] = [
    UnitType::AdministrativeAgency,
    UnitType::PublicServiceUnit,
    UnitType::CommuneCommittee,
    UnitType::Other,
];

/// The postings as a frame: one row per staff record.
pub(super) fn postings_frame(
    roster: &Roster,
    h: &Hierarchy,
    placement: Option<&Placement>,
) -> PolarsResult<(DataFrame, TitleKeys)> {
    let r = &roster.records;
    // Titles as the class of their folded text, folded once per text; a row
    // without a title has the class of "" (class 0).
    let mut titles = TitleKeys::from([(String::new(), 0)]);
    let mut of_text: HashMap<Text, u32> = HashMap::new();
    let title: Vec<u32> = r
        .iter()
        .map(|x| match x.title {
            None => 0,
            Some(t) => *of_text.entry(t).or_insert_with(|| {
                let next = u32::try_from(titles.len()).unwrap_or(u32::MAX);
                *titles.entry(fold(roster.texts.get(t))).or_insert(next)
            }),
        })
        .collect();
    let u32s = |f: &dyn Fn(usize) -> u32| (0..r.len()).map(f).collect::<Vec<u32>>();
    let i8s = |f: &dyn Fn(usize) -> i8| (0..r.len()).map(f).collect::<Vec<i8>>();
    let flag = |f: &dyn Fn(&Assignment) -> bool| -> Vec<i8> {
        match placement {
            Some(p) => p.assignments.iter().map(|a| i8::from(f(a))).collect(),
            None => vec![0; r.len()],
        }
    };
    // A person meets the position standard only if every posting does (1);
    // fails it if any posting does (0); else it is to be verified (-1, unknown).
    let standard: Vec<i8> = match placement {
        Some(p) => {
            let per_person = crate::positions::person_standards(roster, &p.assignments);
            r.iter()
                .map(|x| match per_person[x.person as usize] {
                    crate::positions::Standard::Meets => 1,
                    crate::positions::Standard::Fails => 0,
                    crate::positions::Standard::ToVerify => -1,
                })
                .collect()
        }
        None => vec![0; r.len()],
    };
    // Placed in a professional position (chuyên ngành or dùng chung).
    let professional: Vec<i8> = match placement {
        Some(p) => p
            .assignments
            .iter()
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
        None => vec![0; r.len()],
    };
    let has_catalogue: Vec<bool> = match placement {
        Some(p) => r
            .iter()
            .map(|x| p.agencies[x.unit as usize].has_catalogue)
            .collect(),
        None => vec![false; r.len()],
    };
    let columns = vec![
        Column::new(
            "rec".into(),
            u32s(&|i| u32::try_from(i).unwrap_or(u32::MAX)),
        ),
        Column::new("person".into(), u32s(&|i| r[i].person)),
        Column::new("unit".into(), u32s(&|i| r[i].unit)),
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
            i8s(&|i| rank(r[i].gov_level, &crate::scales::GovLevel::ALL)),
        ),
        Column::new(
            "unit_type".into(),
            i8s(&|i| rank(h.nodes[h.leaf[r[i].unit as usize]].unit_type, &UNIT_TYPES)),
        ),
        Column::new("title".into(), title),
        Column::new("education".into(), i8s(&|i| rank(r[i].education, &EDU))),
        Column::new(
            "political_theory".into(),
            i8s(&|i| rank(r[i].political_theory, &LLCT)),
        ),
        Column::new(
            "state_management".into(),
            i8s(&|i| rank(r[i].state_management, &QLNN)),
        ),
        Column::new("placed".into(), flag(&Assignment::placed)),
        Column::new("placed_grade".into(), flag(&Assignment::placed_with_grade)),
        Column::new("professional".into(), professional),
        Column::new("standard".into(), standard),
        Column::new("has_catalogue".into(), has_catalogue),
    ];
    Ok((DataFrame::new(r.len(), columns)?, titles))
}

/// Folded title → its class in the frame's `title` column.
pub(super) type TitleKeys = HashMap<String, u32>;

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
