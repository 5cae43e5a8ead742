//! The units file (`--units`): each unit's code, name, parent, level and type.

#[allow(clippy::wildcard_imports)]
use super::*;

/// One row of a units file.
#[derive(Debug, Clone)]
pub(super) struct UnitRow {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) parent: Option<String>,
    pub(super) unit_type: Option<UnitType>,
    pub(super) gov_level: Option<GovLevel>,
}

pub(super) const UNIT_HEADERS: &[(&str, &[&str])] = &[
    ("code", &["ma don vi", "ma", "code", "unit code"]),
    ("name", &["ten don vi", "don vi", "name", "unit"]),
    (
        "parent",
        &["ma don vi cap tren", "ma cap tren", "parent code", "parent"],
    ),
    ("type", &["loai don vi", "loai hinh", "unit type", "type"]),
    (
        "level",
        &["cap", "cap hanh chinh", "government level", "level"],
    ),
];

pub(super) fn read_units_sheet(path: &Path, sheet: &RawSheet) -> Result<Vec<UnitRow>> {
    let err = |message: String| Error::Workbook {
        path: path.to_path_buf(),
        message,
    };
    let width = sheet.columns.len();
    let find_header = |r: usize| -> HashMap<&'static str, usize> {
        let mut m = HashMap::new();
        for c in 0..width {
            let h = fold(&sheet.cell_text(r, c));
            if let Some((key, _)) = UNIT_HEADERS
                .iter()
                .find(|(_, names)| names.contains(&h.as_str()))
            {
                m.entry(*key).or_insert(c);
            }
        }
        m
    };
    let (header_row, cols) = (0..sheet.len().min(20))
        .map(|r| (r, find_header(r)))
        .find(|(_, m)| m.contains_key("code") && m.contains_key("name"))
        .ok_or_else(|| {
            err(format!(
                "sheet \"{}\": no header naming the unit code (Mã đơn vị) and name (Tên đơn vị)",
                sheet.name
            ))
        })?;
    let mut rows = Vec::new();
    for r in header_row + 1..sheet.len() {
        let get = |k: &str| {
            cols.get(k)
                .map(|c| sheet.cell_text(r, *c))
                .filter(|s| !s.is_empty())
        };
        let (Some(code), Some(name)) = (get("code"), get("name")) else {
            if !sheet.row_is_blank(r) {
                return Err(err(format!(
                    "sheet \"{}\", row {}: a unit needs a code and a name",
                    sheet.name, sheet.excel_rows[r]
                )));
            }
            continue;
        };
        let unit_type = match get("type") {
            Some(t) => Some(parse_unit_type(&t).ok_or_else(|| {
                err(format!(
                    "sheet \"{}\", row {}: unit type \"{t}\"; expected administrative_agency, public_service_unit, commune_committee or other (or Cơ quan hành chính, Đơn vị sự nghiệp, UBND cấp xã, Khác)",
                    sheet.name, sheet.excel_rows[r]
                ))
            })?),
            None => None,
        };
        rows.push(UnitRow {
            code,
            name,
            parent: get("parent"),
            unit_type,
            gov_level: get("level").and_then(|l| scales::parse_gov_level(&l)),
        });
    }
    Ok(rows)
}

pub(super) fn load_units_file(path: &Path) -> Result<Vec<UnitRow>> {
    let sheets = ingest::read_file(path, 0, None)?.into_sheets();
    let mut rows = Vec::new();
    for s in &sheets {
        rows.extend(read_units_sheet(path, s)?);
    }
    Ok(rows)
}
