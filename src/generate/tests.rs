//! Generated rows: the reference communes load, the same seed gives the same rows.

use super::rows::{COLUMNS, row};
use super::*;

#[test]
fn reference_communes_load() {
    let c = communes();
    assert_eq!(c.len(), 3321);
    assert!(c.iter().all(|c| c.code.len() == 5));
}

#[test]
fn same_seed_same_rows() {
    let c = communes();
    let a: Vec<_> = (0..50)
        .map({
            let mut r = Rng(7);
            move |i| row(&mut r, &c, i)
        })
        .collect();
    let c = communes();
    let b: Vec<_> = (0..50)
        .map({
            let mut r = Rng(7);
            move |i| row(&mut r, &c, i)
        })
        .collect();
    assert_eq!(a, b);
    assert_eq!(a[0].len(), COLUMNS.len());
}

/// Besides the communes, province công chức: departments ("Sở … tỉnh X")
/// and Party bodies, at province level, so the forms for province staff
/// (BM01, BM03, 8B) have people at national size too.
#[test]
fn province_staff_are_generated_at_province_level() {
    let c = communes();
    let mut r = Rng(11);
    let rows: Vec<Vec<String>> = (0..3000).map(|i| row(&mut r, &c, i)).collect();
    let at = |f: crate::schema::Field| COLUMNS.iter().position(|x| *x == f).unwrap();
    let (unit, level, category) = (
        at(crate::schema::Field::Unit),
        at(crate::schema::Field::GovLevel),
        at(crate::schema::Field::Category),
    );
    let province: Vec<&Vec<String>> = rows.iter().filter(|x| x[level] == "Tỉnh").collect();
    // 6 in 100 drawn: about 180 of 3,000.
    assert!((100..300).contains(&province.len()), "{}", province.len());
    assert!(province.iter().all(|x| x[category] == "Công chức"));
    assert!(province.iter().any(|x| x[unit].starts_with("Sở ")));
    assert!(
        province
            .iter()
            .any(|x| x[unit].contains("Tỉnh ủy") || x[unit].contains("Thành ủy"))
    );
    assert!(rows.iter().all(|x| x[level] == "Tỉnh" || x[level] == "Xã"));
}

/// Names as varied as a real roster's: of 20,000 rows, more distinct names
/// than the 22 × 10 × 20 = 4,400 family, middle and given combinations
/// (or 7,920 over both sexes' lists) could give; three to five words each.
#[test]
fn names_are_varied() {
    let c = communes();
    let mut r = Rng(11);
    let names: std::collections::HashSet<String> = (0..20_000)
        .map(|i| row(&mut r, &c, i)[2].clone())
        .inspect(|n| assert!((3..=5).contains(&n.split(' ').count()), "{n}"))
        .collect();
    assert!(names.len() > 12_000, "{}", names.len());
}
