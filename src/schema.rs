//! The canonical roster fields and the header names each is recognised under.
//!
//! Headers are compared on their folded key ([`crate::text::fold`]), so case,
//! diacritics, punctuation and spacing never matter: "HỌ VÀ TÊN", "Ho va ten"
//! and "Họ và tên (2)" all name [`Field::FullName`]. Users add names for their
//! own layouts with `--columns FILE` ([`ColumnAliases`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::fold;

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

    /// Built-in header names (any case, with or without diacritics).
    #[must_use]
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::RowNumber => &["STT", "TT", "Số TT", "Số thứ tự", "No", "No."],
            Field::FullName => &[
                "Họ và tên",
                "Họ tên",
                "Họ và tên khai sinh",
                "Họ, tên",
                "Họ và tên cán bộ",
                "Họ và tên cán bộ, công chức",
                "Full name",
                "Name",
            ],
            Field::FamilyName => &[
                "Họ và đệm",
                "Họ đệm",
                "Họ và tên đệm",
                "Họ và chữ đệm",
                "Họ",
                "Family name",
                "Last name",
            ],
            Field::GivenName => &["Tên", "Tên gọi", "Given name", "First name"],
            Field::Unit => &[
                "Đơn vị",
                "Tên đơn vị",
                "Cơ quan/đơn vị",
                "Cơ quan, đơn vị",
                "Cơ quan",
                "Đơn vị công tác",
                "Cơ quan, đơn vị công tác",
                "Nơi công tác",
                "Unit",
                "Agency",
            ],
            Field::Category => &[
                "Loại",
                "Phân loại",
                "Đối tượng",
                "Loại cán bộ",
                "Phân loại cán bộ",
                "Category",
            ],
            Field::Education => &[
                "Trình độ chuyên môn",
                "Chuyên môn",
                "Trình độ đào tạo",
                "Trình độ chuyên môn nghiệp vụ",
                "Trình độ chuyên môn cao nhất",
                "Trình độ CM",
                "Chuyên môn nghiệp vụ",
                "Education",
                "Education level",
            ],
            Field::StaffId => &[
                "Mã cán bộ",
                "Mã CB",
                "Mã số cán bộ",
                "Mã nhân sự",
                "Mã số",
                "Số hiệu cán bộ, công chức",
                "Số hiệu",
                "Staff id",
                "Employee id",
            ],
            Field::NationalId => &[
                "Số CCCD",
                "CCCD",
                "Số căn cước",
                "Số căn cước công dân",
                "Số định danh",
                "Số định danh cá nhân",
                "Số CMND",
                "CMND",
                "Số CMND/CCCD",
                "National id",
            ],
            Field::BirthDate => &[
                "Ngày sinh",
                "Ngày tháng năm sinh",
                "Ngày, tháng, năm sinh",
                "Năm sinh",
                "Sinh ngày",
                "Birth date",
                "Date of birth",
                "DOB",
            ],
            Field::BirthDateMale => &["Ngày sinh Nam", "Ngày tháng năm sinh Nam", "Năm sinh Nam"],
            Field::BirthDateFemale => &["Ngày sinh Nữ", "Ngày tháng năm sinh Nữ", "Năm sinh Nữ"],
            Field::Gender => &["Giới tính", "Nam/Nữ", "Gender", "Sex"],
            Field::Ethnicity => &["Dân tộc", "Ethnicity"],
            Field::PartyMember => &["Đảng viên", "Là đảng viên", "Party member"],
            Field::UnitCode => &["Mã đơn vị", "Mã ĐVHC", "Mã cơ quan", "Unit code"],
            Field::ParentUnit => &[
                "Đơn vị cấp trên",
                "Cơ quan chủ quản",
                "Đơn vị chủ quản",
                "Huyện",
                "Quận/huyện",
                "Huyện/thị xã",
                "Parent unit",
            ],
            Field::GovLevel => &[
                "Cấp",
                "Cấp hành chính",
                "Cấp chính quyền",
                "Government level",
            ],
            Field::Title => &[
                "Chức vụ",
                "Chức danh",
                "Chức vụ, chức danh",
                "Chức vụ/chức danh",
                "Title",
            ],
            Field::Position => &[
                "Vị trí việc làm",
                "VTVL",
                "Tên vị trí việc làm",
                "Job position",
                "Position",
            ],
            Field::PositionCode => &["Mã vị trí việc làm", "Mã VTVL", "Position code"],
            Field::Grade => &[
                "Ngạch",
                "Ngạch công chức",
                "Tên ngạch",
                "Ngạch, chức danh nghề nghiệp",
                "Chức danh nghề nghiệp",
                "Grade",
            ],
            Field::GradeCode => &[
                "Mã ngạch",
                "Mã số ngạch",
                "Mã chức danh nghề nghiệp",
                "Grade code",
            ],
            Field::FieldOfStudy => &[
                "Chuyên ngành",
                "Chuyên ngành đào tạo",
                "Ngành đào tạo",
                "Field of study",
                "Major",
            ],
            Field::PoliticalTheory => &[
                "Lý luận chính trị",
                "LLCT",
                "Trình độ lý luận chính trị",
                "Trình độ LLCT",
                "Chính trị",
                "Political theory",
            ],
            Field::StateManagement => &[
                "Quản lý nhà nước",
                "QLNN",
                "Trình độ quản lý nhà nước",
                "Trình độ QLNN",
                "Quản lý hành chính nhà nước",
                "State management",
            ],
            Field::ItSkill => &["Tin học", "Trình độ tin học", "IT", "IT skills"],
            Field::ForeignLanguage => &["Ngoại ngữ", "Trình độ ngoại ngữ", "Foreign language"],
            Field::HireDate => &[
                "Ngày tuyển dụng",
                "Ngày vào cơ quan",
                "Ngày bắt đầu công tác",
                "Ngày vào ngành",
                "Hire date",
            ],
            Field::TrainingLevel => &[
                "Đang đào tạo",
                "Trình độ đang đào tạo",
                "Đang học",
                "Đang đào tạo trình độ",
                "Training level",
                "Level in training",
            ],
            Field::TrainingEnd => &[
                "Ngày hoàn thành đào tạo",
                "Dự kiến hoàn thành",
                "Thời gian hoàn thành",
                "Đang đào tạo dự kiến hoàn thành",
                "Đang đào tạo ngày hoàn thành",
                "Đang đào tạo thời gian hoàn thành",
                "Expected completion",
                "Training end",
            ],
            Field::RetirementDate => &["Ngày nghỉ hưu", "Thời điểm nghỉ hưu", "Retirement date"],
            // Never bare "Bậc": that is the salary step (bậc lương).
            Field::ProfessionalLevel => &[
                "Bậc nghề nghiệp",
                "Bậc nghề nghiệp hiện giữ",
                "Bậc nghề nghiệp được xếp",
                "Bậc nghề nghiệp viên chức",
                "Professional level",
            ],
        }
    }
}

/// User header names from a `--columns` TOML file:
///
/// ```toml
/// [aliases]
/// full_name = ["Tên cán bộ"]
/// education = ["TĐ CM", "Bằng cấp"]
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnAliases {
    /// Extra header names per field id.
    #[serde(default)]
    pub aliases: BTreeMap<Field, Vec<String>>,
}

impl ColumnAliases {
    /// Reads and validates a `--columns` file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| Error::Toml {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }
}

/// Matches folded header text to fields.
#[derive(Debug)]
pub struct HeaderMatcher {
    by_key: Vec<(String, Field)>,
}

impl HeaderMatcher {
    /// The built-in names plus the user's.
    #[must_use]
    pub fn new(extra: &ColumnAliases) -> Self {
        let mut by_key = Vec::new();
        for (field, names) in &extra.aliases {
            for n in names {
                by_key.push((fold(n), *field));
            }
        }
        for f in Field::ALL {
            for a in f.aliases() {
                by_key.push((fold(a), f));
            }
            by_key.push((fold(f.id()), f));
        }
        Self { by_key }
    }

    /// The field a header text names, if any. Text in parentheses ("Họ và
    /// tên (1)", "Ngày sinh (dd/mm/yyyy)") is tried with and without.
    #[must_use]
    pub fn field(&self, header: &str) -> Option<Field> {
        let key = fold(header);
        if key.is_empty() {
            return None;
        }
        if let Some(f) = self.lookup(&key) {
            return Some(f);
        }
        let stripped = strip_parens(header);
        if stripped != header {
            return self.lookup(&fold(&stripped));
        }
        None
    }

    fn lookup(&self, key: &str) -> Option<Field> {
        self.by_key.iter().find(|(k, _)| k == key).map(|(_, f)| *f)
    }

    /// Every accepted name of a field, for error messages.
    #[must_use]
    pub fn accepted(&self, field: Field) -> Vec<String> {
        let mut names: Vec<String> = field.aliases().iter().map(|s| (*s).to_string()).collect();
        names.push(field.id().to_string());
        names
    }
}

fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_any_spelling() {
        let m = HeaderMatcher::new(&ColumnAliases::default());
        let cases = [
            ("Họ và tên", Some(Field::FullName)),
            ("HỌ VÀ TÊN", Some(Field::FullName)),
            ("Ho va ten", Some(Field::FullName)),
            ("Họ và tên (2)", Some(Field::FullName)),
            ("Cơ quan/đơn vị", Some(Field::Unit)),
            ("Trình độ chuyên môn", Some(Field::Education)),
            ("trinh do  CHUYEN MON", Some(Field::Education)),
            ("Ngày sinh (dd/mm/yyyy)", Some(Field::BirthDate)),
            ("Mã ngạch", Some(Field::GradeCode)),
            ("Số định danh cá nhân", Some(Field::NationalId)),
            ("full name", Some(Field::FullName)),
            ("education", Some(Field::Education)),
            ("STT", Some(Field::RowNumber)),
            ("Ghi chú", None),
            ("", None),
        ];
        for (h, want) in cases {
            assert_eq!(m.field(h), want, "{h}");
        }
    }

    #[test]
    fn user_aliases_extend_and_unknown_fields_fail() {
        let extra: ColumnAliases =
            toml::from_str("[aliases]\nfull_name = [\"Tên cán bộ\"]\n").unwrap();
        let m = HeaderMatcher::new(&extra);
        assert_eq!(m.field("TÊN CÁN BỘ"), Some(Field::FullName));
        assert!(toml::from_str::<ColumnAliases>("[aliases]\nfull_nam = [\"x\"]\n").is_err());
        assert!(toml::from_str::<ColumnAliases>("[alias]\nfull_name = [\"x\"]\n").is_err());
    }
}
