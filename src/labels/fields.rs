//! Field names as the user reads them: the Vietnamese header, or English.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A field's name as a header would say it.
#[must_use]
pub fn field(lang: Lang, f: Field) -> &'static str {
    match lang {
        // The first built-in alias is the Vietnamese header name.
        Lang::Vi => f.aliases().first().copied().unwrap_or(f.id()),
        Lang::En => field_en(f),
    }
}

/// A field's name in English, as a header would say it.
fn field_en(f: Field) -> &'static str {
    match f {
        Field::RowNumber => "No.",
        Field::FullName => "Full name",
        Field::FamilyName => "Family name",
        Field::GivenName => "Given name",
        Field::Unit => "Unit",
        Field::Category => "Category",
        Field::Education => "Professional education",
        Field::StaffId => "Staff id",
        Field::NationalId => "National id",
        Field::BirthDate => "Birth date",
        Field::BirthDateMale => "Birth date (male)",
        Field::BirthDateFemale => "Birth date (female)",
        Field::Gender => "Gender",
        Field::Ethnicity => "Ethnicity",
        Field::PartyMember => "Party member",
        Field::UnitCode => "Unit code",
        Field::ParentUnit => "Parent unit",
        Field::GovLevel => "Government level",
        Field::Title => "Title",
        Field::Position => "Job position",
        Field::PositionCode => "Job position code",
        Field::Grade => "Grade",
        Field::GradeCode => "Grade code",
        Field::FieldOfStudy => "Field of study",
        Field::PoliticalTheory => "Political theory",
        Field::StateManagement => "State management",
        Field::ItSkill => "IT skills",
        Field::ForeignLanguage => "Foreign language",
        Field::HireDate => "Hire date",
        Field::TrainingLevel => "Level in training",
        Field::TrainingEnd => "Training end date",
        Field::RetirementDate => "Retirement date",
        Field::ProfessionalLevel => "Professional level",
    }
}
