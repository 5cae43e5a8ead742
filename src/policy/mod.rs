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

mod document;
mod settings;
#[cfg(test)]
mod tests;
mod threshold;

pub use document::Document;
pub use settings::*;
pub use threshold::*;

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

impl UnitType {
    /// Snake-case key, as policy and form files write it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            UnitType::AdministrativeAgency => "administrative_agency",
            UnitType::PublicServiceUnit => "public_service_unit",
            UnitType::CommuneCommittee => "commune_committee",
            UnitType::Other => "other",
        }
    }
}

/// What a counted person (or agency) must have.
///
/// `measure = { education = "trung_cap" }` (a level, "X trở lên"),
/// `measure = "placed_in_position"`, or, over agencies,
/// `measure = { structured_by_position = 100 }` or
/// `measure = { professional_positions = 65 }`.
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
    /// Over agencies: an agency counts when it has a position catalogue and at
    /// least this share of its staff in the population is placed in a
    /// professional position — chuyên môn, nghiệp vụ chuyên ngành or dùng
    /// chung (Decree 106/2020/NĐ-CP: at least 65% of a public service unit's
    /// headcount).
    ProfessionalPositions(Percent),
    /// Over agencies: an agency counts when no job position of it has more
    /// people at its top professional levels than Decree 232/2026 allows
    /// (`measure = "level_caps"`; see [`crate::compliance::level_caps`]).
    LevelCaps,
}

impl Measure {
    /// True for measures counted over agencies rather than people.
    #[must_use]
    pub fn over_agencies(&self) -> bool {
        matches!(
            self,
            Measure::StructuredByPosition(_)
                | Measure::ProfessionalPositions(_)
                | Measure::LevelCaps
        )
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
                | Measure::ProfessionalPositions(_)
                | Measure::LevelCaps
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
    /// The report's document form (number, place, signer, recipients);
    /// `--document FILE` replaces it.
    #[serde(default)]
    pub document: Document,
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
        let text = crate::error::read_text(path)?;
        Self::parse(&text, path)
    }
}
