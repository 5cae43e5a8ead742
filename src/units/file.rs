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
    pub(super) quota: Option<u64>,
}

/// What a units-file column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum UnitCol {
    RowNumber,
    Code,
    Name,
    Parent,
    Type,
    Level,
    Quota,
}

/// Units-file columns: key, accepted folded headers.
const UNIT_HEADERS: &[(UnitCol, &[&str])] = &[
    (UnitCol::RowNumber, &["stt", "tt", "so tt"]),
    (UnitCol::Code, &["ma don vi", "ma", "code", "unit code"]),
    (UnitCol::Name, &["ten don vi", "don vi", "name", "unit"]),
    (
        UnitCol::Parent,
        &["ma don vi cap tren", "ma cap tren", "parent code", "parent"],
    ),
    (
        UnitCol::Type,
        &["loai don vi", "loai hinh", "unit type", "type"],
    ),
    (
        UnitCol::Level,
        &["cap", "cap hanh chinh", "government level", "level"],
    ),
    (
        UnitCol::Quota,
        &[
            "bien che duoc giao",
            "tong so bien che duoc giao",
            "so bien che duoc giao",
            "bien che",
            "chi tieu bien che",
            "quota",
            "approved staffing",
        ],
    ),
];

/// The units file's column vocabulary, for the header finder every table
/// shares: a header names the unit's code and name.
struct UnitColumns;

impl crate::layout::Columns for UnitColumns {
    type Key = UnitCol;

    fn key(&self, header: &str) -> Option<UnitCol> {
        crate::layout::key_of(UNIT_HEADERS, &fold(header))
    }

    fn score(&self, keys: &[UnitCol]) -> usize {
        if keys.contains(&UnitCol::Code) && keys.contains(&UnitCol::Name) {
            crate::layout::distinct_keys(keys, UnitCol::RowNumber)
        } else {
            0
        }
    }

    fn anchor(&self) -> Option<UnitCol> {
        Some(UnitCol::Name)
    }
}

/// The units a units sheet lists, each with its code and name; an error
/// names a row that is not a unit where one is expected.
pub(super) fn read_units_sheet(path: &Path, sheet: &RawSheet) -> Result<Vec<UnitRow>> {
    let err = |message: String| Error::Workbook {
        path: path.to_path_buf(),
        message,
    };
    let layout = crate::layout::detect(sheet, &UnitColumns).ok_or_else(|| {
        err(format!(
            "sheet \"{}\": no header naming the unit code (Mã đơn vị) and name (Tên đơn vị)",
            sheet.name
        ))
    })?;
    let col = |k: UnitCol| layout.column(k);
    let kinds = unit_row_kinds(sheet, &layout);
    let mut rows = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        use crate::layout::RowKind;
        let r = layout.body_start + i;
        let get = |k: UnitCol| {
            col(k)
                .map(|c| sheet.cell_text(r, c))
                .filter(|s| !s.is_empty())
        };
        let (code, name) = (get(UnitCol::Code), get(UnitCol::Name));
        // A row with a code and a name is a unit, whatever its words (a unit
        // named "Cộng đồng …"); totals, headings and the signature have no
        // code. Units below the signature are refused, not dropped.
        let (code, name) = match (kind, code, name) {
            (RowKind::Blank, _, _) => continue,
            (RowKind::StaffBelowFooter, _, _) => {
                return Err(err(format!(
                    "sheet \"{}\", row {}: a unit below the signature or a note (\"Ghi chú\", a date line) above it; move the note below the last unit",
                    sheet.name, sheet.excel_rows[r]
                )));
            }
            (_, Some(code), Some(name)) => (code, name),
            (RowKind::Total | RowKind::Heading | RowKind::Footer, _, _) => continue,
            _ => {
                return Err(err(format!(
                    "sheet \"{}\", row {}: a unit needs a code and a name",
                    sheet.name, sheet.excel_rows[r]
                )));
            }
        };
        let unit_type = match get(UnitCol::Type) {
            Some(t) => Some(parse_unit_type(&t).ok_or_else(|| {
                err(format!(
                    "sheet \"{}\", row {}: unit type \"{t}\"; expected administrative_agency, public_service_unit, commune_committee or other (or Cơ quan hành chính, Đơn vị sự nghiệp, UBND cấp xã, Khác)",
                    sheet.name, sheet.excel_rows[r]
                ))
            })?),
            None => None,
        };
        let quota = match get(UnitCol::Quota) {
            Some(q) => Some(q.trim().parse::<u64>().map_err(|_| {
                err(format!(
                    "sheet \"{}\", row {}: approved staffing (Biên chế được giao) \"{q}\"; expected a whole number",
                    sheet.name, sheet.excel_rows[r]
                ))
            })?),
            None => None,
        };
        rows.push(UnitRow {
            quota,
            code,
            name,
            parent: get(UnitCol::Parent),
            unit_type,
            gov_level: get(UnitCol::Level).and_then(|l| scales::parse_gov_level(&l)),
        });
    }
    Ok(rows)
}

/// What each row below a units sheet's header is: title block, number row,
/// totals and signature rows are skipped as in rosters; every other row is
/// a unit.
fn unit_row_kinds(
    sheet: &RawSheet,
    layout: &crate::layout::Layout<UnitCol>,
) -> Vec<crate::layout::RowKind> {
    let col = |k: UnitCol| layout.column(k);
    let shape = crate::layout::RowShape {
        label: col(UnitCol::Name),
        stt: col(UnitCol::RowNumber),
        keys: col(UnitCol::Code).into_iter().collect(),
        marks: Vec::new(),
        min_keys: 1,
        named_headings: false,
        numbered_entries: true,
    };
    crate::layout::classify_rows(sheet, layout.body_start, &shape)
}

pub(super) fn load_units_file(path: &Path) -> Result<Vec<UnitRow>> {
    let sheets = ingest::read_file(path, 0, None)?.into_sheets();
    let mut rows = Vec::new();
    for s in &sheets {
        rows.extend(read_units_sheet(path, s)?);
    }
    Ok(rows)
}
