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
}

/// The built-in field-of-study synonyms (`policies/field-synonyms.toml`).
pub const DEFAULT_FIELD_SYNONYMS: &str = include_str!("../../policies/field-synonyms.toml");

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
                self.file.display(),
                self.row
            ),
            None => format!("{}, line {}", self.file.display(), self.row),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default, rename = "position")]
    positions: Vec<TomlPosition>,
    #[serde(default)]
    field_synonyms: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlPosition {
    agency: String,
    code: toml::Spanned<String>,
    name: String,
    kind: Option<PositionKind>,
    #[serde(default)]
    grades: Vec<String>,
    min_education: Option<Education>,
    #[serde(default)]
    fields: Vec<String>,
    min_political_theory: Option<PoliticalTheory>,
    min_state_management: Option<StateManagement>,
    other: Option<String>,
    headcount: Option<u32>,
    #[serde(default)]
    aliases: Vec<String>,
}

fn kind_from_text(s: &str) -> Option<PositionKind> {
    let f = fold(s);
    if f.contains("lanh dao") || (f.contains("quan ly") && !f.contains("chuyen mon")) {
        Some(PositionKind::LanhDaoQuanLy)
    } else if f.contains("dung chung") {
        Some(PositionKind::ChuyenMonDungChung)
    } else if f.contains("chuyen nganh") || f.contains("chuyen mon") {
        Some(PositionKind::ChuyenMonChuyenNganh)
    } else if f.contains("ho tro") || f.contains("phuc vu") {
        Some(PositionKind::HoTroPhucVu)
    } else {
        serde_plain_kind(&f.replace(' ', "_"))
    }
}

fn serde_plain_kind(s: &str) -> Option<PositionKind> {
    match s {
        "lanh_dao_quan_ly" => Some(PositionKind::LanhDaoQuanLy),
        "chuyen_mon_chuyen_nganh" => Some(PositionKind::ChuyenMonChuyenNganh),
        "chuyen_mon_dung_chung" => Some(PositionKind::ChuyenMonDungChung),
        "ho_tro_phuc_vu" => Some(PositionKind::HoTroPhucVu),
        _ => None,
    }
}

fn agency_ref(s: &str) -> AgencyRef {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("type:")
        && let Some(ty) = crate::units::parse_unit_type(rest)
    {
        return AgencyRef::Type(ty);
    }
    match crate::units::parse_unit_type(t) {
        Some(ty) => AgencyRef::Type(ty),
        None => AgencyRef::Unit(fold(t)),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split([';', '\n', '|'])
        .flat_map(|p| {
            if p.contains(',') && !p.contains(" - ") {
                p.split(',').collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Catalogue columns: key, accepted folded headers.
const HEADERS: &[(&str, &[&str])] = &[
    (
        "agency",
        &[
            "co quan",
            "don vi",
            "ma don vi",
            "co quan don vi",
            "ten co quan",
            "ten don vi",
            "don vi su dung",
            "co quan su dung",
            "agency",
            "loai don vi ap dung",
        ],
    ),
    (
        "code",
        &[
            "ma vi tri viec lam",
            "ma vtvl",
            "ma vi tri",
            "ma so vi tri viec lam",
            "ma so vi tri",
            "code",
            "position code",
        ],
    ),
    (
        "name",
        &[
            "ten vi tri viec lam",
            "vi tri viec lam",
            "ten vi tri",
            "ten vtvl",
            "vtvl",
            "name",
            "position",
        ],
    ),
    (
        "kind",
        &[
            "nhom",
            "nhom vi tri",
            "nhom vi tri viec lam",
            "loai vi tri",
            "phan nhom",
            "kind",
        ],
    ),
    (
        "grades",
        &[
            "ngach",
            "ngach tuong ung",
            "ma ngach",
            "ngach cong chuc tuong ung",
            "ngach chuc danh nghe nghiep",
            "ngach chuc danh nghe nghiep tuong ung",
            "chuc danh nghe nghiep",
            "grades",
            "grade",
        ],
    ),
    (
        "min_education",
        &[
            "trinh do chuyen mon",
            "trinh do toi thieu",
            "trinh do chuyen mon toi thieu",
            "trinh do dao tao",
            "yeu cau trinh do",
            "min education",
            "min_education",
        ],
    ),
    (
        "fields",
        &[
            "chuyen nganh",
            "chuyen nganh dao tao",
            "nganh dao tao",
            "fields",
            "fields of study",
        ],
    ),
    (
        "min_political_theory",
        &[
            "ly luan chinh tri",
            "llct",
            "trinh do ly luan chinh tri",
            "min political theory",
            "min_political_theory",
        ],
    ),
    (
        "min_state_management",
        &[
            "quan ly nha nuoc",
            "qlnn",
            "trinh do quan ly nha nuoc",
            "min state management",
            "min_state_management",
        ],
    ),
    (
        "other",
        &[
            "yeu cau khac",
            "tieu chuan khac",
            "other",
            "other requirements",
        ],
    ),
    (
        "headcount",
        &[
            "bien che",
            "so luong",
            "so luong duoc giao",
            "bien che duoc giao",
            "chi tieu bien che",
            "so nguoi",
            "so luong nguoi lam viec",
            "headcount",
        ],
    ),
    (
        "aliases",
        &[
            "ten goi khac",
            "chuc danh tuong ung",
            "chuc vu tuong ung",
            "aliases",
        ],
    ),
];

fn from_sheet(
    path: &Path,
    sheet: &ingest::RawSheet,
    out: &mut Vec<(PositionDef, Origin)>,
) -> Result<()> {
    let err = |row: u32, column: &str, message: String| Error::Workbook {
        path: path.to_path_buf(),
        message: format!(
            "sheet \"{}\", row {row}, column \"{column}\": {message}",
            sheet.name
        ),
    };
    let width = sheet.columns.len();
    let header_of = |r: usize| -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for c in 0..width {
            let text = sheet.cell_text(r, c);
            let h = fold(text.split(['(', '[']).next().unwrap_or(&text));
            if let Some((k, _)) = HEADERS
                .iter()
                .find(|(_, names)| names.contains(&h.as_str()))
            {
                m.entry(*k).or_insert(c);
            }
        }
        m
    };
    let Some((hr, cols)) = (0..sheet.len().min(20))
        .map(|r| (r, header_of(r)))
        .find(|(_, m)| ["agency", "code", "name"].iter().all(|k| m.contains_key(k)))
    else {
        return Err(Error::Workbook {
            path: path.to_path_buf(),
            message: format!(
                "sheet \"{}\": no catalogue header; expected columns for the agency (Cơ quan), position code (Mã vị trí việc làm) and name (Tên vị trí việc làm)",
                sheet.name
            ),
        });
    };
    for r in hr + 1..sheet.len() {
        if sheet.row_is_blank(r) {
            continue;
        }
        let row = sheet.excel_rows[r];
        let get = |k: &str| {
            cols.get(k)
                .map(|c| sheet.cell_text(r, *c))
                .filter(|s| !s.is_empty())
        };
        let header = |k: &str| {
            cols.get(k)
                .map(|c| sheet.cell_text(hr, *c))
                .unwrap_or_else(|| k.to_string())
        };
        let required = |k: &str| {
            get(k).ok_or_else(|| err(row, &header(k), "empty; every position needs it".into()))
        };
        let agency_text = required("agency")?;
        let level = |k: &str, v: Option<String>, parse: &dyn Fn(&str) -> bool| -> Result<()> {
            match v {
                Some(v) if !parse(&v) => Err(err(
                    row,
                    &header(k),
                    format!("\"{v}\" is not a level this column understands"),
                )),
                _ => Ok(()),
            }
        };
        let min_education = get("min_education");
        level("min_education", min_education.clone(), &|v| {
            scales::parse_education(v).is_some()
        })?;
        let llct = get("min_political_theory");
        level("min_political_theory", llct.clone(), &|v| {
            scales::parse_political_theory(v).is_some()
        })?;
        let qlnn = get("min_state_management");
        level("min_state_management", qlnn.clone(), &|v| {
            scales::parse_state_management(v).is_some()
        })?;
        let headcount = match get("headcount") {
            Some(h) => Some(h.trim().parse::<u32>().map_err(|_| {
                err(
                    row,
                    &header("headcount"),
                    format!("\"{h}\" is not a whole number"),
                )
            })?),
            None => None,
        };
        let kind = match get("kind") {
            Some(k) => Some(kind_from_text(&k).ok_or_else(|| {
                err(row, &header("kind"), format!("\"{k}\": expected lãnh đạo, quản lý / chuyên môn, nghiệp vụ chuyên ngành / chuyên môn dùng chung / hỗ trợ, phục vụ"))
            })?),
            None => None,
        };
        let code = required("code")?;
        let origin = Origin {
            file: path.to_path_buf(),
            sheet: Some(sheet.name.clone()),
            row,
            column: header("code"),
        };
        let def = PositionDef {
            agency: agency_ref(&agency_text),
            agency_text,
            code,
            name: required("name")?,
            kind,
            grades: get("grades").map(|g| split_list(&g)).unwrap_or_default(),
            min_education: min_education
                .and_then(|v| scales::parse_education(&v))
                .map(|e| e.level),
            fields: get("fields").map(|g| split_list(&g)).unwrap_or_default(),
            min_political_theory: llct.and_then(|v| scales::parse_political_theory(&v)),
            min_state_management: qlnn.and_then(|v| scales::parse_state_management(&v)),
            other: get("other"),
            headcount,
            aliases: get("aliases").map(|g| split_list(&g)).unwrap_or_default(),
        };
        out.push((def, origin));
    }
    Ok(())
}

fn from_toml(
    path: &Path,
    text: &str,
    out: &mut Vec<(PositionDef, Origin)>,
    accepted: &mut BTreeMap<String, BTreeSet<String>>,
) -> Result<()> {
    let f: TomlFile = toml::from_str(text).map_err(|e| Error::Toml {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    for p in f.positions {
        let line = text
            .get(..p.code.span().start)
            .map_or(0, |t| t.matches('\n').count() + 1);
        let origin = Origin {
            file: path.to_path_buf(),
            sheet: None,
            row: u32::try_from(line).unwrap_or(u32::MAX),
            column: "code".into(),
        };
        let def = PositionDef {
            agency: agency_ref(&p.agency),
            agency_text: p.agency,
            code: p.code.into_inner(),
            name: p.name,
            kind: p.kind,
            grades: p.grades,
            min_education: p.min_education,
            fields: p.fields,
            min_political_theory: p.min_political_theory,
            min_state_management: p.min_state_management,
            other: p.other,
            headcount: p.headcount,
            aliases: p.aliases,
        };
        out.push((def, origin));
    }
    add_accepted(accepted, f.field_synonyms);
    Ok(())
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

/// The same code twice for one agency (or unit type) is an error naming both
/// rows; two rows saying exactly the same are one row, with a note.
fn check_duplicates(
    rows: Vec<(PositionDef, Origin)>,
) -> Result<(Vec<PositionDef>, Vec<DataIssue>)> {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut kept: Vec<(PositionDef, Origin)> = Vec::with_capacity(rows.len());
    let mut notes = Vec::new();
    for (def, origin) in rows {
        let scope = match &def.agency {
            AgencyRef::Unit(k) => format!("unit:{k}"),
            AgencyRef::Type(t) => format!("type:{t:?}"),
        };
        let key = (scope, fold(&def.code));
        if let Some(&i) = seen.get(&key) {
            let (first, first_origin) = &kept[i];
            if *first == def {
                notes.push(DataIssue {
                    file: origin.file.display().to_string().into(),
                    sheet: origin.sheet.clone().unwrap_or_default().into(),
                    row: Some(origin.row),
                    column: origin.column.clone(),
                    value: def.code.clone(),
                    problem: Problem::CataloguePositionRepeated {
                        first: first_origin.describe(),
                    },
                    action: Action::Ignored,
                });
                continue;
            }
            return Err(Error::Toml {
                path: origin.file.clone(),
                message: format!(
                    "position code \"{}\" (column \"{}\") is given twice for the agency \"{}\", differently: {} and {}; a code names one position of an agency (give one of them another code, or remove one)",
                    first.code,
                    origin.column,
                    def.agency_text,
                    first_origin.describe(),
                    origin.describe()
                ),
            });
        }
        seen.insert(key, kept.len());
        kept.push((def, origin));
    }
    Ok((kept.into_iter().map(|(d, _)| d).collect(), notes))
}

impl Catalogue {
    /// Loads a catalogue file, or every catalogue file in a folder (sorted),
    /// with the built-in field synonyms.
    pub fn load(path: &Path) -> Result<Self> {
        Self::load_with(path, None)
    }

    /// Loads a catalogue, with the field-synonyms file given (else the
    /// built-in one).
    pub fn load_with(path: &Path, field_synonyms: Option<&Path>) -> Result<Self> {
        let mut cat = Catalogue::default();
        cat.accepted_fields = match field_synonyms {
            Some(f) => {
                let bytes = std::fs::read(f).map_err(|source| Error::Read {
                    path: f.to_path_buf(),
                    source,
                })?;
                let text = String::from_utf8_lossy(&bytes);
                let accepted = parse_field_synonyms(f, &text)?;
                cat.files
                    .push((f.to_path_buf(), ingest::sha256_hex(&bytes)));
                accepted
            }
            None => parse_field_synonyms(
                Path::new("policies/field-synonyms.toml"),
                DEFAULT_FIELD_SYNONYMS,
            )?,
        };
        let files = if path.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| Error::Read {
                    path: path.to_path_buf(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    // Files only; not hidden files or Excel's "~$" lock files.
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    p.is_file()
                        && !name.starts_with('.')
                        && !name.starts_with("~$")
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .map(str::to_ascii_lowercase)
                            .is_some_and(|e| {
                                ["toml", "csv", "xlsx", "xls", "ods"].contains(&e.as_str())
                            })
                })
                .collect();
            v.sort();
            v
        } else if path.is_file() {
            vec![path.to_path_buf()]
        } else {
            return Err(Error::NotFound {
                path: path.to_path_buf(),
            });
        };
        let mut rows = Vec::new();
        for f in files {
            let bytes = std::fs::read(&f).map_err(|source| Error::Read {
                path: f.clone(),
                source,
            })?;
            cat.files.push((f.clone(), ingest::sha256_hex(&bytes)));
            if f.extension().and_then(|e| e.to_str()) == Some("toml") {
                let text = String::from_utf8_lossy(&bytes);
                from_toml(&f, &text, &mut rows, &mut cat.accepted_fields)?;
            } else {
                let sheets = ingest::read_file(&f, 0, None)?.into_sheets();
                for s in &sheets {
                    from_sheet(&f, s, &mut rows)?;
                }
            }
        }
        (cat.positions, cat.notes) = check_duplicates(rows)?;
        Ok(cat)
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_lists() {
        assert_eq!(
            kind_from_text("Lãnh đạo, quản lý"),
            Some(PositionKind::LanhDaoQuanLy)
        );
        assert_eq!(
            kind_from_text("Chuyên môn dùng chung"),
            Some(PositionKind::ChuyenMonDungChung)
        );
        assert_eq!(
            kind_from_text("Chuyên môn, nghiệp vụ chuyên ngành"),
            Some(PositionKind::ChuyenMonChuyenNganh)
        );
        assert_eq!(
            kind_from_text("Hỗ trợ, phục vụ"),
            Some(PositionKind::HoTroPhucVu)
        );
        assert_eq!(kind_from_text("xyz"), None);
        assert_eq!(split_list("01.003; 01.002"), vec!["01.003", "01.002"]);
        assert_eq!(split_list("Luật, Hành chính"), vec!["Luật", "Hành chính"]);
        assert_eq!(
            split_list("Tài chính - kế toán"),
            vec!["Tài chính - kế toán"]
        );
        assert_eq!(
            agency_ref("type:commune_committee"),
            AgencyRef::Type(UnitType::CommuneCommittee)
        );
        assert_eq!(
            agency_ref("UBND cấp xã"),
            AgencyRef::Type(UnitType::CommuneCommittee)
        );
        assert_eq!(
            agency_ref("Phòng Nội vụ"),
            AgencyRef::Unit("phong noi vu".into())
        );
    }

    #[test]
    fn default_field_synonyms_do_not_chain() {
        let cat = Catalogue {
            accepted_fields: parse_field_synonyms(Path::new("default"), DEFAULT_FIELD_SYNONYMS)
                .unwrap(),
            ..Catalogue::default()
        };
        assert!(cat.field_accepted("Kinh tế", "Kinh tế nông nghiệp"));
        assert!(cat.field_accepted("Kinh tế", "Quản trị kinh doanh"));
        assert!(cat.field_accepted("Quản trị kinh doanh", "QUAN TRI KINH DOANH"));
        assert!(!cat.field_accepted("Quản trị kinh doanh", "Kinh tế nông nghiệp"));
        assert!(!cat.field_accepted("Quản trị kinh doanh", "Kinh tế"));
        assert!(cat.field_accepted("Luật", "Luật kinh tế"));
        assert!(!cat.field_accepted("Luật", "Kinh tế"));
    }
}
