//! The parallel grouping: first rows of equal keys, a stable radix sort.

use super::group::{NONE, first_equal, radix_sort, row_id};

/// The first row with an equal key, by looking at every earlier row.
fn brute(keys: &[Option<u16>]) -> Vec<u32> {
    (0..keys.len())
        .map(|i| match keys[i] {
            None => NONE,
            Some(k) => row_id((0..=i).find(|&j| keys[j] == Some(k)).unwrap_or(i)),
        })
        .collect()
}

#[test]
fn first_equal_finds_the_first_row_of_each_key() {
    // Keys from a small pseudo-random sequence, with gaps, many repeats
    // and more rows than one radix pass has buckets.
    let mut x: u32 = 12345;
    for (n, spread) in [(0, 1), (1, 1), (40, 3), (1000, 50), (20_000, 2000)] {
        let keys: Vec<Option<u16>> = (0..n)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let v = (x >> 8) % spread;
                (v % 7 != 3).then_some(v as u16)
            })
            .collect();
        assert_eq!(first_equal(n, |i| keys[i]), brute(&keys), "{n} rows");
    }
}

#[test]
fn radix_sort_is_stable() {
    let mut pairs = vec![(3, 0), (1, 1), (0x0100_0003, 2), (3, 3), (1, 4), (0, 5)];
    radix_sort(&mut pairs);
    assert_eq!(
        pairs,
        vec![(0, 5), (1, 1), (1, 4), (3, 0), (3, 3), (0x0100_0003, 2)]
    );
    // More pairs than one chunk: sorted by several cores as by one; hashes
    // repeating, and over all 32 bits (every pass's digit).
    let mut x: u32 = 7;
    let mut many: Vec<(u32, u32)> = (0..300_000)
        .map(|i| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (if i % 2 == 0 { x % 5000 } else { x }, i)
        })
        .collect();
    let mut expected = many.clone();
    expected.sort_by_key(|p| p.0);
    radix_sort(&mut many);
    assert_eq!(many, expected);
}
