//! Catalogue-like sheets (catalogues, job descriptions): the header, what
//! each row is, and the errors and notes naming their cells.

use super::columns::{CatalogueColumns, Col};
#[allow(clippy::wildcard_imports)]
use super::*;
use crate::layout::RowKind;

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

/// Row `r`'s text in a column, when the sheet has the column and the cell
/// is not empty.
pub(super) fn cell_text(
    sheet: &ingest::RawSheet,
    layout: &crate::layout::Layout<Col>,
    r: usize,
    k: Col,
) -> Option<String> {
    layout
        .column(k)
        .map(|c| sheet.cell_text(r, c))
        .filter(|s| !s.is_empty())
}

/// A column's header as the sheet gives it, else the column's name.
pub(super) fn column_header(layout: &crate::layout::Layout<Col>, k: Col) -> String {
    layout
        .column(k)
        .map_or_else(|| format!("{k:?}"), |c| layout.header_of(c))
}
