//! Stage 2a, raw sheet → layout: where the header is, which column holds
//! which field, and what each row below it is.
//!
//! ```text
//!        A     B             C           D        E            F      G
//!   1   UBND THỊ XÃ BẮC KẠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      <- title block
//!   3          DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2013
//!   5   STT   Họ và tên     Ngày sinh   Đơn vị   Trình độ (merged over E:G)        <- header
//!   6                                            Chuyên môn   LLCT   QLNN          <- sub-header
//!   7   1     2             3           4        5            6      7             <- column numbers
//!   8   1     Nguyễn Văn A  05/03/1975  ...                                        <- staff
//!  20         Tổng cộng                                                            <- total
//!  22                       Người lập biểu                Thủ trưởng đơn vị        <- footer
//! ```
//!
//! The header is the row (or pair of rows, for merged two-row headers) among
//! the first rows that names the most known fields, including the full name.
//!
//! Every tabular input is found the same way: rosters, position catalogues
//! and units files each name their columns with a [`Columns`] vocabulary.

use crate::ingest::{RawSheet, RawValue};
use crate::schema::{Field, HeaderMatcher};
use crate::text::fold;
use crate::vocab::unit_names::UNIT_HEADING_PREFIXES;

mod rows;
#[cfg(test)]
mod tests;

pub use rows::{RowShape, classify, classify_rows, is_section_label};

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 40;

/// The columns a kind of table names: what each header text means and
/// which header rows are the best.
pub trait Columns {
    /// What a column holds.
    type Key: Copy + Eq + Ord + std::fmt::Debug;
    /// The key a header text names.
    fn key(&self, header: &str) -> Option<Self::Key>;
    /// How well the keys of a candidate header row name this kind of table:
    /// 0 when they do not (a roster's header names the full name); the
    /// header is the best-scoring candidate with at least 2.
    fn score(&self, keys: &[Self::Key]) -> usize;
    /// Under a group header naming `key`, whether `value` is one of its
    /// values: the column is a marker column ("x" under "Đại học").
    fn marks(&self, _key: Self::Key, _value: &str) -> bool {
        false
    }
    /// The column whose cell below a one-row header holds data (a name), and
    /// below a two-row header is empty (its header spans both rows).
    fn anchor(&self) -> Option<Self::Key>;
}

/// The key of a table of (key, folded header names) whose names hold the
/// folded `header`: the usual [`Columns::key`].
#[must_use]
pub fn key_of<K: Copy>(table: &[(K, &[&str])], header: &str) -> Option<K> {
    table
        .iter()
        .find(|(_, names)| names.contains(&header))
        .map(|(k, _)| *k)
}

/// How many distinct keys a candidate header names, `skip` aside (a
/// row-number column names no data): the usual [`Columns::score`].
#[must_use]
pub fn distinct_keys<K: Copy + Ord>(keys: &[K], skip: K) -> usize {
    let mut k: Vec<K> = keys.iter().copied().filter(|c| *c != skip).collect();
    k.sort_unstable();
    k.dedup();
    k.len()
}

impl Columns for HeaderMatcher {
    type Key = Field;

    fn key(&self, header: &str) -> Option<Field> {
        self.field(header)
    }

    fn score(&self, keys: &[Field]) -> usize {
        let has_name = keys
            .iter()
            .any(|f| matches!(f, Field::FullName | Field::GivenName));
        if has_name {
            distinct_keys(keys, Field::RowNumber)
        } else {
            0
        }
    }

    fn marks(&self, key: Field, value: &str) -> bool {
        marks_value(key, value)
    }

    fn anchor(&self) -> Option<Field> {
        Some(Field::FullName)
    }
}

/// A field found in a column.
#[derive(Debug, Clone)]
pub struct Binding<K = Field> {
    /// The field.
    pub field: K,
    /// Column index (0 = A).
    pub col: usize,
    /// The header text as shown (both rows joined for two-row headers).
    pub header: String,
    /// For a marker column ("x" under "Trình độ chuyên môn › Đại học"):
    /// the value the column stands for.
    pub mark: Option<String>,
}

/// The structure of one table's sheet (a roster's by default).
#[derive(Debug, Clone)]
pub struct Layout<K = Field> {
    /// Grid index of the (first) header row.
    pub header_row: usize,
    /// Number of header rows (1 or 2).
    pub header_rows: usize,
    /// Grid index of a column-number row ("1 2 3", "(1) (2)") under the header.
    pub number_row: Option<usize>,
    /// Grid index of the first row below the header block.
    pub body_start: usize,
    /// Recognised columns.
    pub bindings: Vec<Binding<K>>,
    /// Every non-empty header text by column, for messages.
    pub headers: Vec<(usize, String)>,
    /// Header texts that name no known field (their columns are not read).
    pub unrecognised: Vec<String>,
}

impl<K: Copy + Eq> Layout<K> {
    /// The column bound to a field.
    #[must_use]
    pub fn column(&self, field: K) -> Option<usize> {
        self.bindings
            .iter()
            .find(|b| b.field == field && b.mark.is_none())
            .map(|b| b.col)
    }

    /// Marker columns of a field: (column, the value it stands for, header).
    #[must_use]
    pub fn markers(&self, field: K) -> Vec<(usize, &str, &str)> {
        self.bindings
            .iter()
            .filter(|b| b.field == field)
            .filter_map(|b| b.mark.as_deref().map(|m| (b.col, m, b.header.as_str())))
            .collect()
    }

    /// The header text of a column.
    #[must_use]
    pub fn header_of(&self, col: usize) -> String {
        self.headers
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, h)| h.clone())
            .unwrap_or_default()
    }
}

impl Layout {
    /// True when the field is read, from a column or from marker columns (the
    /// full name also from a given-name column, with or without a family-name one).
    #[must_use]
    pub fn has(&self, field: Field) -> bool {
        self.bindings
            .iter()
            .any(|b| b.field == field || (field == Field::FullName && b.field == Field::GivenName))
    }
}

pub use crate::schema::RowKind;

/// A candidate header: its score, bindings and header texts by column.
type Candidate<K> = (usize, Vec<Binding<K>>, Vec<(usize, String)>);

fn header_candidates<C: Columns>(
    sheet: &RawSheet,
    r: usize,
    two: bool,
    m: &C,
) -> Candidate<C::Key> {
    let width = sheet.columns.len();
    let top: Vec<String> = (0..width).map(|c| sheet.cell_text(r, c)).collect();
    let sub: Vec<String> = if two {
        (0..width).map(|c| sheet.cell_text(r + 1, c)).collect()
    } else {
        vec![String::new(); width]
    };
    // A group header merged over several sub-headers sits in its first column:
    // carry it right while the columns below have sub-headers.
    let mut group = vec![String::new(); width];
    let mut current = String::new();
    for c in 0..width {
        if !top[c].is_empty() {
            current = top[c].clone();
            group[c] = current.clone();
        } else if !sub[c].is_empty() && !current.is_empty() {
            group[c] = current.clone();
        } else {
            current.clear();
        }
    }
    let mut bindings: Vec<Binding<C::Key>> = Vec::new();
    let mut headers = Vec::new();
    for c in 0..width {
        let (t, s) = (&group[c], &sub[c]);
        let shown = match (t.is_empty(), s.is_empty()) {
            (true, true) => continue,
            (false, true) => t.clone(),
            (true, false) => s.clone(),
            (false, false) => format!("{t} {s}"),
        };
        headers.push((c, shown.clone()));
        let field = if s.is_empty() {
            m.key(t)
        } else if t.is_empty() {
            m.key(s)
        } else {
            m.key(&shown).or_else(|| m.key(s))
        };
        if let Some(field) = field {
            if !bindings.iter().any(|b| b.field == field) {
                bindings.push(Binding {
                    field,
                    col: c,
                    header: shown,
                    mark: None,
                });
            }
        } else if !t.is_empty()
            && !s.is_empty()
            && let Some(field) = m.key(t).filter(|f| m.marks(*f, s))
            && !bindings
                .iter()
                .any(|b| b.field == field && b.mark.is_none())
        {
            // "x" columns: a group naming a scale over its values.
            bindings.push(Binding {
                field,
                col: c,
                header: shown,
                mark: Some(s.clone()),
            });
        }
    }
    let keys: Vec<C::Key> = bindings.iter().map(|b| b.field).collect();
    (m.score(&keys), bindings, headers)
}

/// True when `value` is one of the values a scale field's marker columns stand for.
fn marks_value(field: Field, value: &str) -> bool {
    use crate::scales;
    match field {
        Field::Education => scales::parse_education(value).is_some(),
        Field::PoliticalTheory => scales::parse_political_theory(value)
            .is_some_and(|p| p != scales::PoliticalTheory::None),
        Field::StateManagement => scales::parse_state_management(value)
            .is_some_and(|q| q != scales::StateManagement::None),
        Field::Gender => scales::parse_gender(value).is_some(),
        _ => false,
    }
}

fn is_number_row(sheet: &RawSheet, r: usize) -> bool {
    let mut n = 0;
    for col in &sheet.columns {
        let Some(v) = col.get(r) else { continue };
        n += 1;
        let ok = match v {
            RawValue::Number(bits) => f64::from_bits(*bits).fract() == 0.0,
            RawValue::Text(s) => {
                s.chars()
                    .all(|c| c.is_ascii_digit() || "()=+-*/xX., ".contains(c))
                    && s.chars().any(|c| c.is_ascii_digit())
                    || (s.chars().count() == 1 && s.chars().all(|c| c.is_ascii_uppercase()))
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    n >= 2
}

/// Finds the header of a table whose columns `m` names. `None` when the
/// sheet has no such header.
#[must_use]
pub fn detect<C: Columns>(sheet: &RawSheet, m: &C) -> Option<Layout<C::Key>> {
    let scan = sheet.len().min(HEADER_SEARCH_ROWS);
    // (score, header row, header rows, bindings, headers)
    type Best<K> = (usize, usize, usize, Vec<Binding<K>>, Vec<(usize, String)>);
    let mut best: Option<Best<C::Key>> = None;
    for r in 0..scan {
        let (one, b1, h1) = header_candidates(sheet, r, false, m);
        // Under a two-row header the full-name header spans both rows, so the
        // cell below it is empty; below a one-row header it holds a name.
        let below_name_empty = b1
            .iter()
            .find(|b| Some(b.field) == m.anchor())
            .is_none_or(|b| sheet.cell(r + 1, b.col).is_none());
        let one_columns = b1.len();
        let (mut score, mut bindings, mut headers, mut rows) = (one, b1, h1, 1);
        if r + 1 < sheet.len() && below_name_empty && sheet.filled(r) > 0 {
            let (two, b2, h2) = header_candidates(sheet, r, true, m);
            // More fields, or the same fields with more columns read (marker
            // columns), than this row alone and than the row below alone: a
            // title or blank row above a header is no header row.
            let (below, b_below, _) = header_candidates(sheet, r + 1, false, m);
            let beats = |n: usize, cols: usize| n < two || (n == two && two > 0 && b2.len() > cols);
            if beats(one, one_columns) && beats(below, b_below.len()) {
                (score, bindings, headers, rows) = (two, b2, h2, 2);
            }
        }
        if score >= 2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, r, rows, bindings, headers));
        }
    }
    let (_, header_row, header_rows, bindings, headers) = best?;
    let mut body_start = header_row + header_rows;
    let number_row =
        (body_start < sheet.len() && is_number_row(sheet, body_start)).then_some(body_start);
    if number_row.is_some() {
        body_start += 1;
    }
    let unrecognised = headers
        .iter()
        .filter(|(c, _)| !bindings.iter().any(|b| b.col == *c))
        .map(|(_, h)| h.clone())
        .collect();
    Some(Layout {
        header_row,
        header_rows,
        number_row,
        body_start,
        bindings,
        headers,
        unrecognised,
    })
}
