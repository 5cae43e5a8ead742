//! Job descriptions (bản mô tả công việc): a table naming positions and
//! their requirements — education, field of study, political theory, state
//! management, other — that replace the grade's standard (and the
//! catalogue row's own requirements) for every position of that name, of
//! the agency when the table names one.

use std::path::Path;

use super::columns::Col;
use super::sheet::{below_footer, cell_error, cell_text, column_header, entry_kinds, sheet_layout};
use super::values::Requirements;
#[allow(clippy::wildcard_imports)]
use super::*;
use crate::layout::RowKind;

/// One position's requirements, as a job description gives them.
#[derive(Debug, Clone)]
pub(super) struct JobDescription {
    /// The agency (folded), when the table names one.
    agency: Option<String>,
    /// The position's name (folded).
    name: String,
    min_education: Option<Education>,
    fields: Vec<String>,
    min_political_theory: Option<PoliticalTheory>,
    min_state_management: Option<StateManagement>,
    other: Option<String>,
}

/// Reads every sheet of a job-description table; rows below a signature are
/// noted, a row with requirements but no position name is an error.
pub(super) fn read(path: &Path, notes: &mut Vec<DataIssue>) -> Result<Vec<JobDescription>> {
    let mut out = Vec::new();
    for sheet in ingest::read_file(path, 0, None)?.into_sheets() {
        let err = cell_error(path, &sheet);
        let layout = sheet_layout(
            path,
            &sheet,
            "no job-description header; expected the position's name (Tên vị trí việc làm) and its requirements (Trình độ chuyên môn tối thiểu, Chuyên ngành, Lý luận chính trị, Quản lý nhà nước, Yêu cầu khác)",
        )?;
        let keys = [
            Col::MinEducation,
            Col::Fields,
            Col::PoliticalTheory,
            Col::StateManagement,
            Col::Other,
        ];
        let kinds = entry_kinds(&sheet, &layout, &keys);
        for (i, kind) in kinds.iter().enumerate() {
            let r = layout.body_start + i;
            let row = sheet.excel_rows[r];
            let get = |k: Col| cell_text(&sheet, &layout, r, k);
            let header = |k: Col| column_header(&layout, k);
            match kind {
                RowKind::Staff => {}
                RowKind::StaffBelowFooter => {
                    let value = get(Col::Name).unwrap_or_default();
                    notes.push(below_footer(path, &sheet, row, header(Col::Name), value));
                    continue;
                }
                _ => continue,
            }
            let filled = keys.iter().any(|k| get(*k).is_some());
            let name = match get(Col::Name) {
                Some(name) => name,
                None if filled => {
                    return Err(err(
                        row,
                        &header(Col::Name),
                        "empty; a job description names its position".into(),
                    ));
                }
                None => continue,
            };
            if super::agency::section(&name).is_some() {
                continue;
            }
            let req = Requirements::read(&get, &header, row, &err)?;
            out.push(JobDescription {
                agency: get(Col::Agency).map(|a| fold(&a)),
                name: fold(&name),
                min_education: req.education,
                fields: get(Col::Fields).map(|g| split_list(&g)).unwrap_or_default(),
                min_political_theory: req.political,
                min_state_management: req.state,
                other: get(Col::Other),
            });
        }
    }
    Ok(out)
}

/// Gives each position the requirements of its job description (the one
/// naming its agency first, else one naming none).
pub(super) fn apply(positions: &mut [PositionDef], descriptions: &[JobDescription]) {
    for p in positions {
        let name = fold(&p.name);
        let agency = match &p.agency {
            AgencyRef::Unit(k) => Some(k.as_str()),
            AgencyRef::Type(_) => None,
        };
        let found = descriptions
            .iter()
            .find(|d| d.name == name && d.agency.is_some() && d.agency.as_deref() == agency)
            .or_else(|| {
                descriptions
                    .iter()
                    .find(|d| d.name == name && d.agency.is_none())
            });
        if let Some(d) = found {
            p.min_education = d.min_education;
            p.fields.clone_from(&d.fields);
            p.min_political_theory = d.min_political_theory;
            p.min_state_management = d.min_state_management;
            p.other.clone_from(&d.other);
            p.described = true;
        }
    }
}
