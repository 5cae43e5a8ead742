//! The legal standard of each grade (tiêu chuẩn ngạch), shipped as data in
//! `policies/grade-standards.toml`: applied to a position whose catalogue
//! row gives its grades and no requirements of its own, against the
//! standard of the person's own grade. Entries not confirmed by a source are
//! kept for the record and never applied.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::scales::{Education, PoliticalTheory, StateManagement};

/// The built-in standards (`policies/grade-standards.toml`).
pub const DEFAULT_GRADE_STANDARDS: &str = include_str!("../../../policies/grade-standards.toml");

/// One grade's standard.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeStandard {
    /// Grade code ("01.002").
    pub code: String,
    /// Grade name ("Chuyên viên chính").
    pub name: String,
    /// Minimum professional education.
    pub min_education: Option<Education>,
    /// Minimum political theory.
    pub min_political_theory: Option<PoliticalTheory>,
    /// Minimum state-management certificate.
    pub min_state_management: Option<StateManagement>,
    /// A political-theory level that stands in for the state-management
    /// certificate ("… hoặc có bằng cao cấp lý luận chính trị - hành chính").
    pub state_management_or_political_theory: Option<PoliticalTheory>,
    /// Where the standard is set ("Thông tư 2/2021/TT-BNV").
    pub source: String,
    /// A source confirms it; unconfirmed standards are never applied.
    #[serde(default)]
    pub confirmed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StandardsFile {
    #[serde(rename = "grade", default)]
    grades: Vec<GradeStandard>,
}

/// Reads a grade-standards file.
pub fn parse_grade_standards(path: &Path, text: &str) -> Result<Vec<GradeStandard>> {
    let f: StandardsFile = toml::from_str(text).map_err(|e| Error::Toml {
        path: path.to_path_buf(),
        message: format!(
            "{e}\n  a grade-standards file lists [[grade]] tables: code, name, min_education, min_political_theory, min_state_management, state_management_or_political_theory, source, confirmed"
        ),
    })?;
    Ok(f.grades)
}

/// The confirmed standard of a grade code, by index.
#[must_use]
pub fn standard_of(standards: &[GradeStandard], code: &str) -> Option<usize> {
    let code = code.trim();
    standards
        .iter()
        .position(|s| s.confirmed && s.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_standards_read_and_only_confirmed_ones_apply() {
        let s = parse_grade_standards(Path::new("default"), DEFAULT_GRADE_STANDARDS).unwrap();
        let cvc = &s[standard_of(&s, "01.002").unwrap()];
        assert_eq!(cvc.min_education, Some(Education::DaiHoc));
        assert_eq!(
            cvc.min_state_management,
            Some(StateManagement::ChuyenVienChinh)
        );
        assert_eq!(
            cvc.state_management_or_political_theory,
            Some(PoliticalTheory::CaoCap)
        );
        // "Nhân viên" is listed, unconfirmed: never applied.
        assert!(s.iter().any(|g| g.code == "01.005" && !g.confirmed));
        assert_eq!(standard_of(&s, "01.005"), None);
        assert_eq!(standard_of(&s, "99.999"), None);
    }
}
