//! Projection and training-plan settings of a policy.

#[allow(clippy::wildcard_imports)]
use super::*;

/// What happens to a retiree's post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Replacements {
    /// The post leaves the population.
    #[default]
    None,
    /// A qualified newcomer takes it.
    Qualified,
    /// An unqualified newcomer takes it.
    Unqualified,
}

/// `[projection]`: how the future is projected.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionSettings {
    /// Model retirements (Labour Code 2019, Decree 135/2020). Default true.
    #[serde(default = "yes")]
    pub retirement: bool,
    /// What happens to a retiree's post. Default `none`.
    #[serde(default)]
    pub replacements: Replacements,
}

pub(super) fn yes() -> bool {
    true
}

impl Default for ProjectionSettings {
    fn default() -> Self {
        Self {
            retirement: true,
            replacements: Replacements::None,
        }
    }
}

/// Default course durations in months, by the level a course leads to:
/// sơ cấp 6, trung cấp 24, cao đẳng 36, đại học 48 (part-time), thạc sĩ 24,
/// tiến sĩ 48.
pub const DEFAULT_DURATIONS: [(Education, u32); 7] = [
    (Education::ChuaQuaDaoTao, 0),
    (Education::SoCap, 6),
    (Education::TrungCap, 24),
    (Education::CaoDang, 36),
    (Education::DaiHoc, 48),
    (Education::ThacSi, 24),
    (Education::TienSi, 48),
];

/// `[training]`: course durations and yearly capacity.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingSettings {
    /// Course length in months by the level it leads to (`trung_cap = 24`);
    /// levels not given keep their defaults.
    #[serde(default)]
    pub durations: std::collections::BTreeMap<Education, u32>,
    /// Course starts a year, over the whole roster.
    pub capacity: Option<u32>,
    /// Course starts a year, per unit.
    pub capacity_per_unit: Option<u32>,
}

impl TrainingSettings {
    /// Months a course to `level` takes.
    #[must_use]
    pub fn duration(&self, level: Education) -> u32 {
        self.durations.get(&level).copied().unwrap_or_else(|| {
            DEFAULT_DURATIONS
                .iter()
                .find(|(l, _)| *l == level)
                .map_or(24, |(_, m)| *m)
        })
    }
}
