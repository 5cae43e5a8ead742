//! A catalogue as a table (CSV or workbook): its header, and each row a position.

use super::agency::{AgencySource, section, sheet_agency, sheet_kind};
use super::columns::Col;
#[allow(clippy::wildcard_imports)]
use super::*;
use crate::layout::RowKind;

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
        let get = |k: Col| cell_text(sheet, &layout, r, k);
        let header = |k: Col| column_header(&layout, k);
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
        read_position(path, sheet, &layout, r, name, &ctx, out)?;
    }
    Ok(())
}

/// Reads row `r`, a position, into `out`: its name (an error without one),
/// agency (its cell, else the sheet's), code (given, else derived from the
/// name) and requirements; a levels cell naming no level is noted.
fn read_position(
    path: &Path,
    sheet: &ingest::RawSheet,
    layout: &crate::layout::Layout<Col>,
    r: usize,
    name: Option<String>,
    ctx: &SheetContext,
    out: &mut Read,
) -> Result<()> {
    let err = cell_error(path, sheet);
    let col = |k: Col| layout.column(k);
    let row = sheet.excel_rows[r];
    let get = |k: Col| cell_text(sheet, layout, r, k);
    let header = |k: Col| column_header(layout, k);
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
    let kind = req.kind.or(ctx.kind);
    let def = position_def(&get, (agency_text, code, name), req, kind, code_derived);
    out.rows.push((def, origin));
    Ok(())
}

/// A position as its row gives it: `(agency text, code, name)`, the
/// requirements read, its kind and whether its code was derived.
fn position_def(
    get: &dyn Fn(Col) -> Option<String>,
    (agency_text, code, name): (String, String, String),
    req: Requirements,
    kind: Option<PositionKind>,
    code_derived: bool,
) -> PositionDef {
    PositionDef {
        agency: agency_ref(&agency_text),
        agency_text,
        code,
        name,
        kind,
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
    }
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
