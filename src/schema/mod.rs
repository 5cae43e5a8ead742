//! The canonical roster fields and the header names each is recognised under.
//!
//! Headers are compared on their folded key ([`crate::text::fold`]), so case,
//! diacritics, punctuation and spacing never matter: "HỌ VÀ TÊN", "Ho va ten"
//! and "Họ và tên (2)" all name [`Field::FullName`]. Users add names for their
//! own layouts with `--columns FILE` ([`ColumnAliases`]).

mod aliases;
mod headers;
#[cfg(test)]
mod tests;

pub use headers::{ColumnAliases, HeaderMatcher};

use serde::Deserialize;

/// A canonical roster field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Row number column (STT): recognised so that it is not mistaken for data, then ignored.
    RowNumber,
    FullName,
    /// Family and middle names, when the name is split ("Họ và đệm" | "Tên").
    FamilyName,
    /// Given name, when the name is split.
    GivenName,
    Unit,
    Category,
    Education,
    StaffId,
    NationalId,
    BirthDate,
    /// Birth date typed in a "Nam" column under a merged birth-date header.
    BirthDateMale,
    /// Birth date typed in a "Nữ" column under a merged birth-date header.
    BirthDateFemale,
    Gender,
    Ethnicity,
    PartyMember,
    UnitCode,
    ParentUnit,
    GovLevel,
    Title,
    Position,
    PositionCode,
    Grade,
    GradeCode,
    FieldOfStudy,
    PoliticalTheory,
    StateManagement,
    ItSkill,
    ForeignLanguage,
    HireDate,
    TrainingLevel,
    TrainingEnd,
    RetirementDate,
    /// Professional level (bậc nghề nghiệp 1–5, Decree 232/2026).
    ProfessionalLevel,
}

/// Fields a roster sheet must have.
pub const REQUIRED: [Field; 4] = [
    Field::FullName,
    Field::Unit,
    Field::Category,
    Field::Education,
];

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 33] = [
        Field::RowNumber,
        Field::FullName,
        Field::FamilyName,
        Field::GivenName,
        Field::Unit,
        Field::Category,
        Field::Education,
        Field::StaffId,
        Field::NationalId,
        Field::BirthDate,
        Field::BirthDateMale,
        Field::BirthDateFemale,
        Field::Gender,
        Field::Ethnicity,
        Field::PartyMember,
        Field::UnitCode,
        Field::ParentUnit,
        Field::GovLevel,
        Field::Title,
        Field::Position,
        Field::PositionCode,
        Field::Grade,
        Field::GradeCode,
        Field::FieldOfStudy,
        Field::PoliticalTheory,
        Field::StateManagement,
        Field::ItSkill,
        Field::ForeignLanguage,
        Field::HireDate,
        Field::TrainingLevel,
        Field::TrainingEnd,
        Field::RetirementDate,
        Field::ProfessionalLevel,
    ];

    /// The field's id as used in `--columns` files and JSON.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Field::RowNumber => "row_number",
            Field::FullName => "full_name",
            Field::FamilyName => "family_name",
            Field::GivenName => "given_name",
            Field::Unit => "unit",
            Field::Category => "category",
            Field::Education => "education",
            Field::StaffId => "staff_id",
            Field::NationalId => "national_id",
            Field::BirthDate => "birth_date",
            Field::BirthDateMale => "birth_date_male",
            Field::BirthDateFemale => "birth_date_female",
            Field::Gender => "gender",
            Field::Ethnicity => "ethnicity",
            Field::PartyMember => "party_member",
            Field::UnitCode => "unit_code",
            Field::ParentUnit => "parent_unit",
            Field::GovLevel => "gov_level",
            Field::Title => "title",
            Field::Position => "position",
            Field::PositionCode => "position_code",
            Field::Grade => "grade",
            Field::GradeCode => "grade_code",
            Field::FieldOfStudy => "field_of_study",
            Field::PoliticalTheory => "political_theory",
            Field::StateManagement => "state_management",
            Field::ItSkill => "it_skill",
            Field::ForeignLanguage => "foreign_language",
            Field::HireDate => "hire_date",
            Field::TrainingLevel => "training_level",
            Field::TrainingEnd => "training_end",
            Field::RetirementDate => "retirement_date",
            Field::ProfessionalLevel => "professional_level",
        }
    }
}

/// What a row below the header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKind {
    /// A staff row, to be read.
    Staff,
    /// Every cell empty.
    Blank,
    /// A totals row ("Tổng cộng").
    Total,
    /// A section heading ("I. Khối Đảng", "A | UBND xã …").
    Heading,
    /// The signature footer and anything below it.
    Footer,
    /// A row that looks like staff data but sits below the signature footer.
    StaffBelowFooter,
}

/// Where a sheet's unit was learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitSource {
    /// The issuing body at the top left, or the unit named in the title.
    TitleBlock,
    /// The sheet's name.
    SheetName,
    /// The file's name.
    FileName,
}
