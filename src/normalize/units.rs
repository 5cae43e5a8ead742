//! Units as rows name them: one registry per run, levels from names.

#[allow(clippy::wildcard_imports)]
use super::*;

pub use crate::vocab::units::level_from_unit_name;

/// Where a row's unit comes from in its sheet: the value ids of its unit,
/// code and parent cells (0 for an empty cell) and its level.
type UnitCells = (usize, usize, usize, Option<GovLevel>);

/// A unit cell's first combination: its code and parent cells, its level,
/// and its unit.
type FirstMet = (usize, usize, Option<GovLevel>, u32);

/// Units keyed by code, else by folded name and parent.
#[derive(Default)]
pub(super) struct UnitRegistry {
    pub(super) units: Vec<Unit>,
    pub(super) index: HashMap<String, u32>,
    /// This sheet's units by the value ids of the cells that name them, for
    /// the combinations of a unit cell after its first (`first` holds that),
    /// so each distinct combination is folded and keyed once. Cleared per
    /// sheet (ids are a sheet's own).
    fast: hashbrown::HashMap<UnitCells, u32>,
    /// The first combination met of each unit cell (by its value id) and
    /// its unit: found by indexing, where most rows of a sheet met theirs
    /// before. Each of the national roster's 2.5 M rows made a hash look-up
    /// before; indexing made cleaning 45 ms faster (medians of six runs).
    /// Cleared per sheet.
    first: Vec<Option<FirstMet>>,
}

impl UnitRegistry {
    pub(super) fn new_sheet(&mut self) {
        self.fast.clear();
        self.first.clear();
    }

    /// The unit of a row; `cells` are the value ids of its unit, code and
    /// parent cells when all three come from cells of this sheet, and
    /// `names` its unit's name, code and parent, asked for only when the
    /// cells were not met before.
    pub(super) fn intern_cached<'n>(
        &mut self,
        cells: Option<(usize, usize, usize)>,
        level: Option<GovLevel>,
        names: impl FnOnce() -> (&'n str, Option<&'n str>, Option<&'n str>),
    ) -> u32 {
        let Some((u, c, p)) = cells else {
            let (name, code, parent) = names();
            return self.intern(name, code, parent, level);
        };
        if let Some(&Some((fc, fp, fl, unit))) = self.first.get(u)
            && (fc, fp, fl) == (c, p, level)
        {
            return unit;
        }
        if let Some(&unit) = self.fast.get(&(u, c, p, level)) {
            return unit;
        }
        let (name, code, parent) = names();
        let unit = self.intern(name, code, parent, level);
        if self.first.len() <= u {
            self.first.resize(u + 1, None);
        }
        match &mut self.first[u] {
            slot @ None => *slot = Some((c, p, level, unit)),
            Some(_) => {
                self.fast.insert((u, c, p, level), unit);
            }
        }
        unit
    }

    pub(super) fn intern(
        &mut self,
        name: &str,
        code: Option<&str>,
        parent: Option<&str>,
        level: Option<GovLevel>,
    ) -> u32 {
        let key = match code {
            Some(c) => format!("code:{}", fold(c)),
            None => format!(
                "name:{}|{}",
                unit_key(name),
                parent.map(unit_key).unwrap_or_default()
            ),
        };
        if let Some(&i) = self.index.get(&key) {
            let u = &mut self.units[i as usize];
            if u.gov_level.is_none() {
                u.gov_level = level;
            }
            return i;
        }
        let i = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        self.units.push(Unit {
            name: name.to_string(),
            code: code.map(str::to_string),
            parent: parent.map(str::to_string),
            gov_level: level.or_else(|| level_from_unit_name(name)),
        });
        self.index.insert(key, i);
        i
    }
}

/// A unit's name as compared (see [`crate::vocab::unit_names::unit_key`]).
pub(super) use crate::vocab::unit_names::unit_key;
