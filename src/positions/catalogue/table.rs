//! A catalogue as a table (CSV or workbook): its header, and each row a position.

use super::agency::{AgencySource, section, sheet_agency, sheet_kind};
use super::columns::{CatalogueColumns, Col};
#[allow(clippy::wildcard_imports)]
use super::*;
use crate::layout::RowKind;

pub(super) fn kind_from_text(s: &str) -> Option<PositionKind> {
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

pub(super) fn serde_plain_kind(s: &str) -> Option<PositionKind> {
    match s {
        "lanh_dao_quan_ly" => Some(PositionKind::LanhDaoQuanLy),
        "chuyen_mon_chuyen_nganh" => Some(PositionKind::ChuyenMonChuyenNganh),
        "chuyen_mon_dung_chung" => Some(PositionKind::ChuyenMonDungChung),
        "ho_tro_phuc_vu" => Some(PositionKind::HoTroPhucVu),
        _ => None,
    }
}

pub(super) fn agency_ref(s: &str) -> AgencyRef {
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

pub(super) fn split_list(s: &str) -> Vec<String> {
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

/// Where a sheet's agency and its positions' kind come from.
struct SheetContext {
    /// The agency when no column gives it, and where it was found.
    agency: Option<(String, AgencySource)>,
    /// The kind of the rows below, from the title or the last section row.
    kind: Option<PositionKind>,
}

/// What a catalogue is being read into: positions with where each was
/// read, notes on rows not read, and the codes taken so far per agency
/// (folded, across every file and sheet of the catalogue).
pub(super) struct Read {
    pub(super) rows: Vec<(PositionDef, Origin)>,
    pub(super) notes: Vec<DataIssue>,
    pub(super) codes: BTreeMap<String, BTreeSet<String>>,
}

/// A catalogue sheet: in this tool's own layout (an agency column, codes,
/// requirement columns) or in an approved one (the agency in the title,
/// section rows giving the kind, no codes, grades by name), found with the
/// roster's header detection and row classification.
pub(super) fn from_sheet(
    path: &Path,
    sheet: &ingest::RawSheet,
    given_agency: Option<&str>,
    out: &mut Read,
) -> Result<()> {
    let err = cell_error(path, sheet);
    let layout = sheet_layout(
        path,
        sheet,
        "no catalogue header; expected the position's name (Tên vị trí việc làm) and at least one more column: Ngạch công chức tương ứng, Số lượng, Bậc nghề nghiệp sử dụng, Mã vị trí việc làm, Cơ quan, Ghi chú",
    )?;
    let col = |k: Col| layout.column(k);
    let keys = [
        Col::Code,
        Col::Grades,
        Col::Levels,
        Col::Headcount,
        Col::MinEducation,
    ];
    let kinds = entry_kinds(sheet, &layout, &keys);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut ctx = SheetContext {
        agency: col(Col::Agency)
            .is_none()
            .then(|| sheet_agency(sheet, layout.header_row, stem, given_agency))
            .flatten(),
        kind: sheet_kind(sheet, layout.header_row),
    };
    for (i, row_kind) in kinds.iter().enumerate() {
        let r = layout.body_start + i;
        let row = sheet.excel_rows[r];
        let get = |k: Col| {
            col(k)
                .map(|c| sheet.cell_text(r, c))
                .filter(|s| !s.is_empty())
        };
        let header = |k: Col| col(k).map_or_else(|| format!("{k:?}"), |c| layout.header_of(c));
        let name = get(Col::Name);
        match row_kind {
            RowKind::Staff => {}
            RowKind::Heading => {
                if let Some(kind) = name.as_deref().and_then(kind_of_section) {
                    ctx.kind = Some(kind);
                }
                continue;
            }
            // A row that reads as a position below the signature: not read,
            // and said so.
            RowKind::StaffBelowFooter => {
                let value = name.unwrap_or_default();
                out.notes
                    .push(below_footer(path, sheet, row, header(Col::Name), value));
                continue;
            }
            _ => continue,
        }
        let filled = [Col::Code, Col::Grades, Col::Levels]
            .iter()
            .any(|k| get(*k).is_some());
        if let Some(kind) = section_row(get(Col::RowNumber).as_deref(), name.as_deref(), filled) {
            if kind.is_some() {
                ctx.kind = kind;
            }
            continue;
        }
        let name = name.ok_or_else(|| {
            err(
                row,
                &header(Col::Name),
                "empty; every position needs a name".into(),
            )
        })?;
        let agency_text = match (get(Col::Agency), &ctx.agency) {
            (Some(a), _) => a,
            (None, Some((a, _))) => a.clone(),
            (None, None) => {
                return Err(err(
                    row,
                    &header(Col::Agency),
                    "no agency: give a column Cơ quan, name the agency in the title (\"… của Phòng Nội vụ\"), name the sheet or the file after it, or pass --agency".into(),
                ));
            }
        };
        let taken = out.codes.entry(fold(&agency_text)).or_default();
        let code_derived = get(Col::Code).is_none();
        let code = get(Col::Code).unwrap_or_else(|| derived_code(&name, taken));
        taken.insert(fold(&code));
        let req = Requirements::read(&get, &header, row, &err)?;
        if let Some(v) = get(Col::Levels).filter(|v| parse_levels(v).is_err()) {
            out.notes.push(DataIssue {
                file: ingest::shown_path(path).into(),
                sheet: sheet.name.as_str().into(),
                row: Some(row),
                column: header(Col::Levels),
                value: v,
                problem: Problem::Unreadable(crate::schema::Field::ProfessionalLevel),
                action: Action::Ignored,
            });
        }
        let origin = Origin {
            file: path.to_path_buf(),
            sheet: Some(sheet.name.clone()),
            row,
            column: col(Col::Code).map_or_else(|| header(Col::Name), |c| layout.header_of(c)),
        };
        let def = PositionDef {
            agency: agency_ref(&agency_text),
            agency_text,
            code,
            name,
            kind: req.kind.or(ctx.kind),
            grades: get(Col::Grades).map(|g| split_list(&g)).unwrap_or_default(),
            min_education: req.education,
            fields: get(Col::Fields).map(|g| split_list(&g)).unwrap_or_default(),
            min_political_theory: req.political,
            min_state_management: req.state,
            other: get(Col::Other),
            headcount: req.headcount,
            aliases: get(Col::Aliases)
                .map(|g| split_list(&g))
                .unwrap_or_default(),
            described: false,
            code_derived,
            levels: req.levels,
        };
        out.rows.push((def, origin));
    }
    Ok(())
}

/// The kind a section's text names: "I. Vị trí việc làm lãnh đạo, quản
/// lý", "LÃNH ĐẠO, QUẢN LÝ".
fn kind_of_section(text: &str) -> Option<PositionKind> {
    section(text)
        .flatten()
        .or_else(|| kind_from_text(crate::text::without_section_label(text)))
}

/// Whether a row the classifier took for data is a section, and the kind it
/// names (`Some(None)`: a section naming no kind, a sector). A whole number
/// in the STT column makes a position; a Roman numeral or a letter makes a
/// section, even carrying its subtotal; without a number, a row with no
/// code, grade or level whose text reads as a section or names a kind is one.
fn section_row(
    stt: Option<&str>,
    name: Option<&str>,
    filled: bool,
) -> Option<Option<PositionKind>> {
    let stt = stt.map(str::trim).filter(|s| !s.is_empty());
    match stt {
        Some(s) if s.chars().all(|c| c.is_ascii_digit()) => None,
        Some(s) if crate::layout::is_section_label(&fold(s.trim_end_matches(['.', ')']))) => {
            Some(name.and_then(kind_of_section))
        }
        None if !filled => {
            let name = name?;
            match section(name) {
                Some(kind) => Some(kind.or_else(|| kind_of_section(name))),
                None => kind_of_section(name).map(Some),
            }
        }
        _ => None,
    }
}

/// The professional levels a position uses: the lowest and highest level
/// named, in digits or Roman numerals ("Bậc 1 đến bậc 5", "Bậc I - bậc V",
/// "Bậc 1, 2, 3", "Bậc 3"); other numbers ("Nghị định 232/2026") are not
/// levels. "Không áp dụng bậc" → none; `Err` when nothing reads as a level.
pub(super) fn parse_levels(v: &str) -> std::result::Result<Option<(u8, u8)>, ()> {
    let f = fold(v);
    if f.starts_with("khong") {
        return Ok(None);
    }
    // Each word read as a person's level is (digits or Roman numerals, 1–5).
    let levels: Vec<u8> = f
        .split(' ')
        .filter_map(scales::parse_professional_level)
        .collect();
    match (levels.iter().min(), levels.iter().max()) {
        (Some(lo), Some(hi)) => Ok(Some((*lo, *hi))),
        _ => Err(()),
    }
}

/// What each row below a catalogue-like header is, entries being numbered
/// rows naming a position with at least one of `keys` filled.
pub(super) fn entry_kinds(
    sheet: &ingest::RawSheet,
    layout: &crate::layout::Layout<Col>,
    keys: &[Col],
) -> Vec<RowKind> {
    let shape = crate::layout::RowShape {
        label: layout.column(Col::Name),
        stt: layout.column(Col::RowNumber),
        keys: keys.iter().filter_map(|k| layout.column(*k)).collect(),
        marks: Vec::new(),
        min_keys: 1,
        named_headings: false,
        numbered_entries: true,
    };
    crate::layout::classify_rows(sheet, layout.body_start, &shape)
}

/// The data issue for a row that reads as an entry below the signature: not
/// read, to fix in the file.
pub(super) fn below_footer(
    path: &Path,
    sheet: &ingest::RawSheet,
    row: u32,
    column: String,
    value: String,
) -> DataIssue {
    DataIssue {
        file: ingest::shown_path(path).into(),
        sheet: sheet.name.as_str().into(),
        row: Some(row),
        column,
        value,
        problem: Problem::BelowFooter,
        action: Action::NotRead,
    }
}

/// An error naming a cell of a catalogue sheet.
pub(super) fn cell_error<'a>(
    path: &'a Path,
    sheet: &'a ingest::RawSheet,
) -> impl Fn(u32, &str, String) -> Error + 'a {
    move |row, column, message| Error::Workbook {
        path: path.to_path_buf(),
        message: format!(
            "sheet \"{}\", row {row}, column \"{column}\": {message}",
            sheet.name
        ),
    }
}

/// A catalogue-like sheet's header, or an error saying what was expected.
pub(super) fn sheet_layout(
    path: &Path,
    sheet: &ingest::RawSheet,
    expected: &str,
) -> Result<crate::layout::Layout<Col>> {
    crate::layout::detect(sheet, &CatalogueColumns).ok_or_else(|| Error::Workbook {
        path: path.to_path_buf(),
        message: format!("sheet \"{}\": {expected}", sheet.name),
    })
}

/// A code for a position the catalogue gives none: its folded name
/// ("chuyen-vien-ve-to-chuc"), numbered when the agency has that code
/// already ("ke-toan-2" for a second "Kế toán"; a later "Kế toán 2" then
/// gets "ke-toan-2-2"), codes being compared folded as everywhere. The same
/// catalogue gives the same codes.
fn derived_code(name: &str, taken: &BTreeSet<String>) -> String {
    let base = fold(name).replace(' ', "-");
    let mut code = base.clone();
    let mut n = 1;
    while taken.contains(&fold(&code)) {
        n += 1;
        code = format!("{base}-{n}");
    }
    code
}

/// The levels and counts a row gives, each checked against what its column
/// understands.
pub(super) struct Requirements {
    pub(super) levels: Option<(u8, u8)>,
    pub(super) kind: Option<PositionKind>,
    pub(super) education: Option<Education>,
    pub(super) political: Option<PoliticalTheory>,
    pub(super) state: Option<StateManagement>,
    pub(super) headcount: Option<u32>,
}

impl Requirements {
    pub(super) fn read(
        get: &dyn Fn(Col) -> Option<String>,
        header: &dyn Fn(Col) -> String,
        row: u32,
        err: &dyn Fn(u32, &str, String) -> Error,
    ) -> Result<Self> {
        let level = |k: Col, parse: &dyn Fn(&str) -> bool| -> Result<Option<String>> {
            match get(k) {
                Some(v) if !parse(&v) => Err(err(
                    row,
                    &header(k),
                    format!("\"{v}\" is not a level this column understands"),
                )),
                v => Ok(v),
            }
        };
        let education = level(Col::MinEducation, &|v| scales::parse_education(v).is_some())?;
        let political = level(Col::PoliticalTheory, &|v| {
            scales::parse_political_theory(v).is_some()
        })?;
        let state = level(Col::StateManagement, &|v| {
            scales::parse_state_management(v).is_some()
        })?;
        let headcount = match get(Col::Headcount) {
            Some(h) => Some(h.trim().parse::<u32>().map_err(|_| {
                err(
                    row,
                    &header(Col::Headcount),
                    format!("\"{h}\" is not a whole number"),
                )
            })?),
            None => None,
        };
        let kind = match get(Col::Kind) {
            Some(k) => Some(kind_from_text(&k).ok_or_else(|| {
                err(row, &header(Col::Kind), format!("\"{k}\": expected lãnh đạo, quản lý / chuyên môn, nghiệp vụ chuyên ngành / chuyên môn dùng chung / hỗ trợ, phục vụ"))
            })?),
            None => None,
        };
        // A levels cell that names no level leaves them unknown (noted by
        // the sheet's reader), never stops the catalogue.
        let levels = get(Col::Levels).and_then(|v| parse_levels(&v).ok().flatten());
        Ok(Self {
            levels,
            kind,
            education: education
                .and_then(|v| scales::parse_education(&v))
                .map(|e| e.level),
            political: political.and_then(|v| scales::parse_political_theory(&v)),
            state: state.and_then(|v| scales::parse_state_management(&v)),
            headcount,
        })
    }
}
