//! Policies: reform targets as data (TOML), validated while parsing.
//!
//! ```toml
//! id = "bac-kan-2011-2015"
//! name = "…"
//! issuing_body = "UBND THỊ XÃ BẮC KẠN"
//! [legal_basis]
//! document = "Nghị quyết số 05/2011/NQ-HĐND"
//! date = 2011-07-20
//! issuer = "HĐND thị xã Bắc Kạn"
//!
//! [[target]]
//! id = "T1"
//! label = "Cán bộ cấp xã đạt trình độ chuyên môn từ trung cấp trở lên"
//! population = { category = ["can_bo"], commune = true }
//! measure = { education = "trung_cap" }
//! comparator = "gt"          # trên
//! threshold = 65             # percent; decimals allowed: 62.5
//! scope = "all"              # "unit" | "parent" | "all"
//! deadline = 2015-12-31
//! ```
//!
//! Unknown keys are errors, so a typo can never drop a condition silently.
//! Thresholds are exact decimals and every comparison is integer arithmetic.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};
use crate::scales::{Category, Education, GovLevel, PoliticalTheory, StateManagement};

/// Decimal places a threshold may have.
const THRESHOLD_DECIMALS: u32 = 4;
/// `10^THRESHOLD_DECIMALS`.
const SCALE: u64 = 10_000;

/// A percentage as an exact decimal: the value times 10,000 (62.5 → 625,000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(u64);

impl Percent {
    /// Parses "65", "62.5", "62,5".
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        let s = s.trim().replace(',', ".");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format!("\"{s}\" is not a percentage"));
        }
        if frac.len() > THRESHOLD_DECIMALS as usize {
            return Err(format!("{s}: at most {THRESHOLD_DECIMALS} decimal places"));
        }
        let int: u64 = int.parse().map_err(|_| format!("{s}: too large"))?;
        let frac_val: u64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| format!("{s}: bad decimals"))?
        };
        let frac_scaled =
            frac_val * 10u64.pow(THRESHOLD_DECIMALS - u32::try_from(frac.len()).unwrap_or(0));
        let v = int
            .checked_mul(SCALE)
            .and_then(|v| v.checked_add(frac_scaled))
            .ok_or("too large")?;
        if v > 100 * SCALE {
            return Err(format!("{s}: a percentage is at most 100"));
        }
        Ok(Percent(v))
    }

    /// The value times 10,000.
    #[must_use]
    pub fn scaled(self) -> u64 {
        self.0
    }

    /// As a fraction 0–1 (for charts and display only, never for decisions).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn fraction(self) -> f64 {
        self.0 as f64 / (100 * SCALE) as f64
    }

    /// "65", "62,5" (Vietnamese) or "62.5".
    #[must_use]
    pub fn display(self, decimal_comma: bool) -> String {
        let int = self.0 / SCALE;
        let frac = self.0 % SCALE;
        if frac == 0 {
            return int.to_string();
        }
        let frac = format!("{frac:04}");
        let frac = frac.trim_end_matches('0');
        format!("{int}{}{frac}", if decimal_comma { ',' } else { '.' })
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(u64),
            Float(f64),
            Text(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Int(i) => i.to_string(),
            // The shortest decimal that reads back as the same float: 62.5, 65.1.
            Raw::Float(f) => format!("{f}"),
            Raw::Text(s) => s,
        };
        Percent::parse(&text).map_err(D::Error::custom)
    }
}

/// How the share compares with the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// "trên X%": strictly more.
    Gt,
    /// "từ X% trở lên", "tối thiểu", "đạt": at least.
    Ge,
    /// "dưới X%": strictly less.
    Lt,
    /// "không quá X%", "không vượt quá": at most.
    Le,
}

/// Which figure decides whether the target is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every unit with staff in the population must meet it.
    Unit,
    /// Every parent unit (district, province) must meet it.
    Parent,
    /// The whole roster's figure.
    All,
}

/// Who is counted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// Categories (`can_bo`, `cong_chuc`, `vien_chuc`, `hop_dong`, `khong_chuyen_trach`); empty = all.
    #[serde(default)]
    pub category: Vec<Category>,
    /// Commune-level staff only (`true`) or never (`false`).
    pub commune: Option<bool>,
    /// Government levels (`trung_uong`, `tinh`, `huyen`, `xa`); empty = all.
    #[serde(default)]
    pub gov_level: Vec<GovLevel>,
    /// Unit types from the units file; empty = all.
    #[serde(default)]
    pub unit_type: Vec<UnitType>,
    /// Titles (compared on the folded key); empty = all.
    #[serde(default)]
    pub titles: Vec<String>,
}

/// A kind of unit, from the units file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    /// Cơ quan hành chính nhà nước.
    AdministrativeAgency,
    /// Đơn vị sự nghiệp công lập.
    PublicServiceUnit,
    /// UBND cấp xã.
    CommuneCommittee,
    /// Anything else (Party, mass organisations…).
    Other,
}

/// What a counted person (or agency) must have.
///
/// `measure = { education = "trung_cap" }` (a level, "X trở lên"),
/// `measure = "placed_in_position"`, or, over agencies,
/// `measure = { structured_by_position = 100 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Professional education at least this level.
    Education(Education),
    /// Political theory at least this level.
    PoliticalTheory(PoliticalTheory),
    /// State management at least this level.
    StateManagement(StateManagement),
    /// Placed in a catalogued job position.
    PlacedInPosition,
    /// Placed in a catalogued job position with its matching grade.
    PlacedWithMatchingGrade,
    /// Placed and meeting every checked requirement of the position.
    MeetsPositionStandard,
    /// Over agencies: an agency counts when it has a position catalogue and at
    /// least this share of its staff in the population is placed in a
    /// catalogued position with its matching grade ("có cơ cấu cán bộ, công
    /// chức theo vị trí việc làm"; 100 = every one).
    StructuredByPosition(Percent),
}

impl Measure {
    /// True for measures counted over agencies rather than people.
    #[must_use]
    pub fn over_agencies(&self) -> bool {
        matches!(self, Measure::StructuredByPosition(_))
    }

    /// True for measures that need a position catalogue.
    #[must_use]
    pub fn needs_positions(&self) -> bool {
        matches!(
            self,
            Measure::PlacedInPosition
                | Measure::PlacedWithMatchingGrade
                | Measure::MeetsPositionStandard
                | Measure::StructuredByPosition(_)
        )
    }
}

/// The document a policy rests on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// Document number ("Nghị quyết số 05/2011/NQ-HĐND").
    pub document: String,
    /// Date issued.
    #[serde(deserialize_with = "toml_date")]
    pub date: NaiveDate,
    /// Issuer.
    pub issuer: String,
}

/// One target.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Short id ("T1").
    pub id: String,
    /// Label in Vietnamese.
    pub label: String,
    /// Label in English.
    pub label_en: Option<String>,
    /// Who is counted.
    #[serde(default)]
    pub population: Population,
    /// What they must have.
    pub measure: Measure,
    /// How the share compares.
    pub comparator: Comparator,
    /// Threshold, percent.
    pub threshold: Percent,
    /// Which figure decides.
    #[serde(default = "default_scope")]
    pub scope: Scope,
    /// Deadline.
    #[serde(deserialize_with = "toml_date")]
    pub deadline: NaiveDate,
    /// A note shown with the target (e.g. how ambiguous wording was read).
    pub note: Option<String>,
}

fn default_scope() -> Scope {
    Scope::All
}

/// A policy file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Id, used in report file names.
    pub id: String,
    /// Name in Vietnamese.
    pub name: String,
    /// Name in English.
    pub name_en: Option<String>,
    /// The body issuing reports under it (heading of the report).
    pub issuing_body: Option<String>,
    /// Legal basis.
    pub legal_basis: LegalBasis,
    /// Position catalogue (file or folder), relative to the policy file;
    /// `--positions` overrides it.
    pub positions: Option<PathBuf>,
    /// Field-of-study synonyms for the catalogue (TOML), relative to the
    /// policy file; `--field-synonyms` overrides it; default: the built-in list.
    pub field_synonyms: Option<PathBuf>,
    /// How the future is projected.
    #[serde(default)]
    pub projection: ProjectionSettings,
    /// How training is planned.
    #[serde(default)]
    pub training: TrainingSettings,
    /// Targets.
    #[serde(rename = "target")]
    pub targets: Vec<Target>,
    /// Where it was read from (set after parsing).
    #[serde(skip)]
    pub path: PathBuf,
    /// SHA-256 of the file.
    #[serde(skip)]
    pub sha256: String,
}

/// A bare TOML date (`2015-12-31`) into a `NaiveDate` (toml-rs/toml#390).
fn toml_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    let dt = toml::value::Datetime::deserialize(d)?;
    let date = dt
        .date
        .filter(|_| dt.time.is_none() && dt.offset.is_none())
        .ok_or_else(|| D::Error::custom("expected a date such as 2015-12-31"))?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .ok_or_else(|| D::Error::custom("not a calendar date"))
}

impl Policy {
    /// Parses and validates policy text.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let err = |message: String| Error::Toml {
            path: path.to_path_buf(),
            message,
        };
        let mut p: Policy = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        if p.targets.is_empty() {
            return Err(err("a policy needs at least one [[target]]".into()));
        }
        let mut ids = std::collections::BTreeSet::new();
        for t in &p.targets {
            if !ids.insert(t.id.clone()) {
                return Err(err(format!("target id \"{}\" is used twice", t.id)));
            }
            let impossible = match t.comparator {
                Comparator::Gt => t.threshold.scaled() >= 100 * SCALE,
                Comparator::Lt => t.threshold.scaled() == 0,
                Comparator::Ge | Comparator::Le => false,
            };
            if impossible {
                return Err(err(format!(
                    "target {}: no share can be {:?} {}%",
                    t.id,
                    t.comparator,
                    t.threshold.display(false)
                )));
            }
        }
        if let Some(rel) = &p.positions
            && rel.is_relative()
        {
            p.positions = Some(path.parent().unwrap_or(Path::new(".")).join(rel));
        }
        if let Some(rel) = &p.field_synonyms
            && rel.is_relative()
        {
            p.field_synonyms = Some(path.parent().unwrap_or(Path::new(".")).join(rel));
        }
        p.path = path.to_path_buf();
        p.sha256 = crate::ingest::sha256_hex(text.as_bytes());
        Ok(p)
    }

    /// The latest deadline of its targets (the planning horizon).
    #[must_use]
    pub fn horizon(&self) -> Option<NaiveDate> {
        self.targets.iter().map(|t| t.deadline).max()
    }

    /// Reads a policy file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }
}

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

fn yes() -> bool {
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

/// The decision for one group: met, and the shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// `None` when the population is empty (not applicable).
    pub met: Option<bool>,
    /// For `gt`/`ge`: additional qualified people needed with the population
    /// unchanged; for `lt`/`le`: people who must leave the numerator. 0 when met.
    pub shortfall: u64,
}

/// Decides a group with exact integer arithmetic: `Q·100 ⋛ T·N`.
#[must_use]
pub fn decide(
    comparator: Comparator,
    threshold: Percent,
    population: u64,
    qualified: u64,
) -> Decision {
    if population == 0 {
        return Decision {
            met: None,
            shortfall: 0,
        };
    }
    let (n, q, t) = (
        u128::from(population),
        u128::from(qualified),
        u128::from(threshold.scaled()),
    );
    let lhs = q * 100 * u128::from(SCALE);
    let rhs = t * n;
    let unit = 100 * u128::from(SCALE);
    let to_u64 = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
    match comparator {
        Comparator::Gt => {
            // Smallest Q' with Q'·unit > T·N is floor(T·N / unit) + 1.
            let need = rhs / unit + 1;
            Decision {
                met: Some(lhs > rhs),
                shortfall: to_u64(need.saturating_sub(q)),
            }
        }
        Comparator::Ge => {
            let need = rhs.div_ceil(unit);
            Decision {
                met: Some(lhs >= rhs),
                shortfall: to_u64(need.saturating_sub(q)),
            }
        }
        Comparator::Lt => {
            // Largest Q' with Q'·unit < T·N is ceil(T·N / unit) − 1.
            let max = rhs.div_ceil(unit).saturating_sub(1);
            Decision {
                met: Some(lhs < rhs),
                shortfall: to_u64(q.saturating_sub(max)),
            }
        }
        Comparator::Le => {
            let max = rhs / unit;
            Decision {
                met: Some(lhs <= rhs),
                shortfall: to_u64(q.saturating_sub(max)),
            }
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Percent {
        Percent::parse(s).unwrap()
    }

    #[test]
    fn percent_parsing_is_exact() {
        assert_eq!(pct("65").scaled(), 650_000);
        assert_eq!(pct("62.5").scaled(), 625_000);
        assert_eq!(pct("62,5").scaled(), 625_000);
        assert_eq!(pct("65.1").scaled(), 651_000);
        assert_eq!(pct("0.0001").scaled(), 1);
        assert!(Percent::parse("101").is_err());
        assert!(Percent::parse("1.00001").is_err());
        assert!(Percent::parse("-5").is_err());
        assert_eq!(pct("62.5").display(true), "62,5");
        assert_eq!(pct("65").display(true), "65");
    }

    #[test]
    fn thirteen_of_twenty_at_sixty_five_percent() {
        // 13/20 = 65.0%: not "trên 65%", but "65% trở lên"; shortfall 1.
        assert_eq!(
            decide(Comparator::Gt, pct("65"), 20, 13),
            Decision {
                met: Some(false),
                shortfall: 1
            }
        );
        assert_eq!(
            decide(Comparator::Ge, pct("65"), 20, 13),
            Decision {
                met: Some(true),
                shortfall: 0
            }
        );
        assert_eq!(
            decide(Comparator::Ge, pct("65"), 20, 12),
            Decision {
                met: Some(false),
                shortfall: 1
            }
        );
        assert_eq!(
            decide(Comparator::Gt, pct("65"), 20, 14),
            Decision {
                met: Some(true),
                shortfall: 0
            }
        );
    }

    #[test]
    fn empty_population_is_not_applicable() {
        assert_eq!(decide(Comparator::Gt, pct("65"), 0, 0).met, None);
    }

    #[test]
    fn lt_and_le_count_who_must_leave() {
        // At most 10% untrained: 3 of 20 is 15% → 1 must leave (2/20 = 10%).
        assert_eq!(
            decide(Comparator::Le, pct("10"), 20, 3),
            Decision {
                met: Some(false),
                shortfall: 1
            }
        );
        assert_eq!(
            decide(Comparator::Le, pct("10"), 20, 2),
            Decision {
                met: Some(true),
                shortfall: 0
            }
        );
        // Under 10%: 2 of 20 is exactly 10% → not under; 1 must leave.
        assert_eq!(
            decide(Comparator::Lt, pct("10"), 20, 2),
            Decision {
                met: Some(false),
                shortfall: 1
            }
        );
        assert_eq!(
            decide(Comparator::Lt, pct("10"), 20, 1),
            Decision {
                met: Some(true),
                shortfall: 0
            }
        );
    }

    #[test]
    fn fractional_thresholds() {
        // 95%: 19/20 is not "trên 95%"; 20/20 is.
        assert_eq!(
            decide(Comparator::Gt, pct("95"), 20, 19),
            Decision {
                met: Some(false),
                shortfall: 1
            }
        );
        // 62.5% of 8 = 5: 5/8 meets "62,5% trở lên", not "trên".
        assert_eq!(decide(Comparator::Ge, pct("62.5"), 8, 5).met, Some(true));
        assert_eq!(decide(Comparator::Gt, pct("62.5"), 8, 5).met, Some(false));
        // 1/3 against 33.3333%: 100 > 99.9999 → met for gt.
        assert_eq!(decide(Comparator::Gt, pct("33.3333"), 3, 1).met, Some(true));
    }

    #[test]
    fn policy_errors_name_the_key() {
        let base = "id = \"p\"\nname = \"n\"\n[legal_basis]\ndocument = \"d\"\ndate = 2011-01-01\nissuer = \"i\"\n";
        let target = "[[target]]\nid = \"T1\"\nlabel = \"l\"\nmeasure = { education = \"trung_cap\" }\ncomparator = \"gt\"\nthreshold = 65\ndeadline = 2015-12-31\n";
        let ok = Policy::parse(&format!("{base}{target}"), Path::new("p.toml")).unwrap();
        assert_eq!(ok.targets[0].threshold, pct("65"));
        assert_eq!(ok.targets[0].scope, Scope::All);
        let typo = format!("{base}{target}populaton = {{ commune = true }}\n");
        let e = Policy::parse(&typo, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("p.toml") && e.contains("populaton") && e.contains("line"),
            "{e}"
        );
        let bad_level = format!("{base}{}", target.replace("trung_cap", "trung_cp"));
        assert!(Policy::parse(&bad_level, Path::new("p.toml")).is_err());
        let bad_filter = format!("{base}{target}population = {{ categroy = [\"can_bo\"] }}\n");
        assert!(
            Policy::parse(&bad_filter, Path::new("p.toml"))
                .unwrap_err()
                .to_string()
                .contains("categroy")
        );
    }
}
