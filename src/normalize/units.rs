//! Units as rows name them: one registry per run, levels from names.

#[allow(clippy::wildcard_imports)]
use super::*;

pub use crate::vocab::units::level_from_unit_name;

/// Addresses of a row's unit, code and parent texts, and its level.
pub(super) type UnitCellKey = (usize, usize, usize, Option<GovLevel>);

/// A cached unit, with the texts its key points at (kept alive).
pub(super) struct CachedUnit {
    pub(super) unit: u32,
    pub(super) _texts: [Option<Arc<str>>; 3],
}

/// Units keyed by code, else by folded name and parent.
#[derive(Default)]
pub(super) struct UnitRegistry {
    pub(super) units: Vec<Unit>,
    pub(super) index: HashMap<String, u32>,
    /// This sheet's (unit, code, parent) cells, by the address of their
    /// text, so each distinct combination is folded once. Each entry holds
    /// clones of the texts it is keyed on, so no keyed address can be freed
    /// and reused while the entry exists. Cleared per sheet.
    pub(super) fast: hashbrown::HashMap<UnitCellKey, CachedUnit>,
}

impl UnitRegistry {
    pub(super) fn new_sheet(&mut self) {
        self.fast.clear();
    }

    pub(super) fn intern_cached(
        &mut self,
        name: &Arc<str>,
        code: Option<&Arc<str>>,
        parent: Option<&Arc<str>>,
        level: Option<GovLevel>,
    ) -> u32 {
        let addr = |a: Option<&Arc<str>>| a.map_or(0, |a| Arc::as_ptr(a).cast::<u8>() as usize);
        let key = (addr(Some(name)), addr(code), addr(parent), level);
        if let Some(cached) = self.fast.get(&key) {
            return cached.unit;
        }
        let i = self.intern(name, code.map(|c| &**c), parent.map(|p| &**p), level);
        self.fast.insert(
            key,
            CachedUnit {
                unit: i,
                _texts: [Some(name.clone()), code.cloned(), parent.cloned()],
            },
        );
        i
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

/// A unit's name as compared: folded, and "UBND xã X" the same as "Xã X"
/// (a commune's list may name the commune or its people's committee).
pub(super) fn unit_key(name: &str) -> String {
    let f = fold(name);
    for body in ["ubnd ", "uy ban nhan dan "] {
        if let Some(rest) = f.strip_prefix(body)
            && [
                "xa ",
                "phuong ",
                "thi tran ",
                "dac khu ",
                "huyen ",
                "quan ",
                "thi xa ",
                "thanh pho ",
            ]
            .iter()
            .any(|k| rest.starts_with(k))
        {
            return rest.to_string();
        }
    }
    f
}
