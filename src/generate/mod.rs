//! Synthetic rosters at any size, for trying the tool, tests and benchmarks.
//!
//! Staff are spread over the real 3,321 communes of the 2025 reorganisation
//! (`vn-admin-units-2025.csv`, with official codes): mostly viên chức in the
//! communes' schools and health stations, plus every commune's cán bộ,
//! công chức and non-specialised workers, and the công chức of the 34
//! provinces' departments, Party bodies and mass organisations. Values are typed several ways
//! ("Đại học", "ĐH Luật", "Cử nhân"), as in real files. Same seed, same
//! roster. The people are invented; the words below are sample data, not
//! interface text.
//!
//! CSV output is one header row; .xlsx output uses the government layout:
//! title block, a two-row merged header, a column-number row and a signature
//! footer.

mod catalogue;
mod rows;
#[cfg(test)]
mod tests;
mod words;

pub use catalogue::catalogue;

use std::path::Path;

use crate::error::{Error, Result};
use crate::output;
use rows::{write_csv, write_xlsx};

const UNITS_CSV: &str = include_str!("vn-admin-units-2025.csv");

/// A commune from the reference list.
struct Commune {
    code: &'static str,
    name: &'static str,
    province: &'static str,
    province_code: &'static str,
}

fn communes() -> Vec<Commune> {
    UNITS_CSV
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f.len() >= 6).then(|| Commune {
                code: f[3],
                name: f[4],
                province: f[1],
                province_code: f[0],
            })
        })
        .collect()
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // Modulo bias is irrelevant for synthetic data.
        #[allow(clippy::cast_possible_truncation)]
        let v = (self.next() % n as u64) as usize;
        v
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks by integer weights.
    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = u32::try_from(self.below(total as usize)).unwrap_or(0);
        for (v, w) in items {
            if x < *w {
                return v;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }
}

/// Writes `rows` synthetic staff rows to `path` (.csv or .xlsx).
pub fn generate(path: &Path, rows: usize, seed: u64) -> Result<()> {
    let communes = communes();
    let mut rng = Rng(seed);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => output::atomically(path, |file| {
            write_csv(file, path, rows, &mut rng, &communes)
        }),
        Some("xlsx") => write_xlsx(path, rows, &mut rng, &communes),
        _ => Err(Error::Usage(format!(
            "{}: expected a .csv or .xlsx file",
            path.display()
        ))),
    }
}
