//! The position catalogue (danh mục vị trí việc làm): TOML, CSV or workbook
//! rows, validated with errors that name the file, row and column.
//!
//! ```toml
//! [[position]]
//! agency = "Phòng Nội vụ"          # unit code or name, or a unit type:
//!                                   # "type:commune_committee" for all communes
//! code = "NV-01"
//! name = "Chuyên viên về tổ chức bộ máy"
//! kind = "chuyen_mon_dung_chung"    # lanh_dao_quan_ly | chuyen_mon_chuyen_nganh |
//!                                   # chuyen_mon_dung_chung | ho_tro_phuc_vu
//! grades = ["01.003"]               # names or codes; empty = any
//! min_education = "dai_hoc"
//! fields = ["Luật", "Hành chính"]   # empty = any
//! min_political_theory = "trung_cap"
//! min_state_management = "chuyen_vien"
//! other = "Có kinh nghiệm 2 năm"    # reported, not checked
//! headcount = 2
//! aliases = ["Chuyên viên tổ chức"] # titles that mean this position
//!
//! [field_synonyms]                  # more names accepted for a required field,
//! "Luật" = ["Luật học", "Pháp luật"] # added to those of the field-synonyms file
//! ```
//!
//! A position code appears once per agency: the same code twice for one
//! agency (or one unit type) is an error naming both rows, unless the two
//! rows say exactly the same (then one is used, with a note).
//!
//! Fields of study: a person's field meets a required field when it is the
//! same name (folded) or a name the field-synonyms file accepts for that
//! required field; names never chain through a third one. The default file,
//! `policies/field-synonyms.toml`, is built into the binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ingest;
use crate::issues::{Action, DataIssue, Problem};
use crate::policy::UnitType;
use crate::scales::{self, Education, PoliticalTheory, StateManagement};
use crate::text::fold;

mod agency;
mod columns;
mod grade_standards;
mod job_description;
mod load;
mod sheet;
mod table;
#[cfg(test)]
mod tests;
mod toml_file;
mod values;

pub use grade_standards::{
    DEFAULT_GRADE_STANDARDS, GradeStandard, parse_grade_standards, standard_of,
};
use sheet::*;
use table::*;
use toml_file::*;
use values::*;

/// Kind of job position (Law 80/2025 Art. 23, Decree 62/2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    /// Lãnh đạo, quản lý.
    LanhDaoQuanLy,
    /// Chuyên môn, nghiệp vụ chuyên ngành.
    ChuyenMonChuyenNganh,
    /// Chuyên môn dùng chung.
    ChuyenMonDungChung,
    /// Hỗ trợ, phục vụ.
    HoTroPhucVu,
}

/// Which agencies a catalogue row is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyRef {
    /// A unit, by code or name (folded).
    Unit(String),
    /// Every unit of a type.
    Type(UnitType),
}

/// One catalogue row.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionDef {
    /// Which agencies.
    pub agency: AgencyRef,
    /// The agency as written.
    pub agency_text: String,
    /// Position code.
    pub code: String,
    /// Position name.
    pub name: String,
    /// Kind.
    pub kind: Option<PositionKind>,
    /// Accepted grades: codes ("01.003") or names, as written.
    pub grades: Vec<String>,
    /// Minimum professional education.
    pub min_education: Option<Education>,
    /// Accepted fields of study (empty = any).
    pub fields: Vec<String>,
    /// Minimum political theory.
    pub min_political_theory: Option<PoliticalTheory>,
    /// Minimum state management.
    pub min_state_management: Option<StateManagement>,
    /// Other requirements (reported, not checked).
    pub other: Option<String>,
    /// Approved headcount.
    pub headcount: Option<u32>,
    /// Other names and titles meaning this position.
    pub aliases: Vec<String>,
    /// The requirements come from a job description (`--job-descriptions`).
    pub described: bool,
    /// The catalogue gives no code: `code` is derived from the name (an id
    /// for matching and JSON, not printed as if it were an official code).
    pub code_derived: bool,
    /// Professional levels the position uses (bậc nghề nghiệp sử dụng,
    /// Decree 232/2026): lowest and highest.
    pub levels: Option<(u8, u8)>,
}

impl PositionDef {
    /// The code as printed: blank when derived.
    #[must_use]
    pub fn shown_code(&self) -> &str {
        if self.code_derived { "" } else { &self.code }
    }
}

/// The catalogue.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Rows.
    pub positions: Vec<PositionDef>,
    /// Fields of study: folded required field → folded names accepted for it
    /// (besides itself). Not transitive.
    pub accepted_fields: BTreeMap<String, BTreeSet<String>>,
    /// Files read, with SHA-256 (the field-synonyms file too, when one is given).
    pub files: Vec<(PathBuf, String)>,
    /// Notes on the catalogue (rows repeated identically), for the data issues.
    pub notes: Vec<DataIssue>,
    /// The legal standard of each grade, for positions that give only their
    /// grades.
    pub grade_standards: Vec<GradeStandard>,
    /// Each agency named by unit (not by type), where first named: to match
    /// it to the roster's units, and say where when none matches.
    pub agencies: Vec<AgencyEntry>,
}

/// An agency as a catalogue names it, and where.
#[derive(Debug, Clone)]
pub struct AgencyEntry {
    /// The folded name or code positions are keyed by.
    pub key: String,
    /// As written.
    pub text: String,
    /// Where: file, sheet, row, column (as data issues say).
    pub file: String,
    pub sheet: String,
    pub row: u32,
    pub column: String,
}

/// What a catalogue is read with, besides its own files.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    /// Field-of-study synonyms (else the built-in list).
    pub field_synonyms: Option<&'a Path>,
    /// Grade standards (else the built-in file).
    pub grade_standards: Option<&'a Path>,
    /// Job descriptions: requirements by position name.
    pub job_descriptions: Option<&'a Path>,
    /// The agency of sheets that name none.
    pub agency: Option<&'a str>,
}

/// The built-in field-of-study synonyms (`policies/field-synonyms.toml`).
pub const DEFAULT_FIELD_SYNONYMS: &str = include_str!("../../../policies/field-synonyms.toml");

/// Where a catalogue row was read from, for messages.
#[derive(Debug, Clone)]
struct Origin {
    file: PathBuf,
    /// Sheet name, for CSV and workbook catalogues.
    sheet: Option<String>,
    /// Row as Excel shows it, or line of the `code` key in a TOML file.
    row: u32,
    /// Header of the code column (or `code`).
    column: String,
}

impl Origin {
    /// "vtvl.csv, sheet \"vtvl\", row 3" or "vtvl.toml, line 12".
    fn describe(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!(
                "{}, sheet \"{sheet}\", row {}",
                ingest::shown_path(&self.file),
                self.row
            ),
            None => format!("{}, line {}", ingest::shown_path(&self.file), self.row),
        }
    }
}

fn add_accepted(
    accepted: &mut BTreeMap<String, BTreeSet<String>>,
    lists: BTreeMap<String, Vec<String>>,
) {
    for (required, names) in lists {
        let key = fold(&required);
        let set = accepted.entry(key.clone()).or_default();
        set.extend(names.iter().map(|n| fold(n)).filter(|n| *n != key));
    }
}

/// Reads a field-synonyms file: required field = [names accepted for it].
pub fn parse_field_synonyms(path: &Path, text: &str) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let lists: BTreeMap<String, Vec<String>> = toml::from_str(text).map_err(|e| Error::Toml {
        path: path.to_path_buf(),
        message: format!(
            "{e}\n  a field-synonyms file lists, for each required field, the names accepted for it: \"Luật\" = [\"Luật học\", \"Pháp luật\"]"
        ),
    })?;
    let mut accepted = BTreeMap::new();
    add_accepted(&mut accepted, lists);
    Ok(accepted)
}

impl Catalogue {
    /// Whether a person's field of study meets a required field: the same
    /// name (folded), or a name accepted for that required field. Never
    /// through a third name.
    #[must_use]
    pub fn field_accepted(&self, required: &str, have: &str) -> bool {
        let (want, have) = (fold(required), fold(have));
        want == have
            || self
                .accepted_fields
                .get(&want)
                .is_some_and(|names| names.contains(&have))
    }
}
