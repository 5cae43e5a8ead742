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
