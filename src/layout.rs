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

use crate::ingest::{RawSheet, RawValue};
use crate::schema::{Field, HeaderMatcher};
use crate::text::fold;

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 40;

/// A field found in a column.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The field.
    pub field: Field,
    /// Column index (0 = A).
    pub col: usize,
    /// The header text as shown (both rows joined for two-row headers).
    pub header: String,
    /// For a marker column ("x" under "Trình độ chuyên môn › Đại học"):
    /// the value the column stands for.
    pub mark: Option<String>,
}

/// The structure of one roster sheet.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Grid index of the (first) header row.
    pub header_row: usize,
    /// Number of header rows (1 or 2).
    pub header_rows: usize,
    /// Grid index of a column-number row ("1 2 3", "(1) (2)") under the header.
    pub number_row: Option<usize>,
    /// Grid index of the first row below the header block.
    pub body_start: usize,
    /// Recognised columns.
    pub bindings: Vec<Binding>,
    /// Every non-empty header text by column, for messages.
    pub headers: Vec<(usize, String)>,
    /// Header texts that name no known field (their columns are not read).
    pub unrecognised: Vec<String>,
}

impl Layout {
    /// The column bound to a field.
    #[must_use]
    pub fn column(&self, field: Field) -> Option<usize> {
        self.bindings
            .iter()
            .find(|b| b.field == field && b.mark.is_none())
            .map(|b| b.col)
    }

    /// Marker columns of a field: (column, the value it stands for, header).
    #[must_use]
    pub fn markers(&self, field: Field) -> Vec<(usize, &str, &str)> {
        self.bindings
            .iter()
            .filter(|b| b.field == field)
            .filter_map(|b| b.mark.as_deref().map(|m| (b.col, m, b.header.as_str())))
            .collect()
    }

    /// True when the field is read, from a column or from marker columns (the
    /// full name also from a given-name column, with or without a family-name one).
    #[must_use]
    pub fn has(&self, field: Field) -> bool {
        self.bindings
            .iter()
            .any(|b| b.field == field || (field == Field::FullName && b.field == Field::GivenName))
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

pub use crate::schema::RowKind;

fn header_candidates(
    sheet: &RawSheet,
    r: usize,
    two: bool,
    m: &HeaderMatcher,
) -> (usize, Vec<Binding>, Vec<(usize, String)>) {
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
    let mut bindings: Vec<Binding> = Vec::new();
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
            m.field(t)
        } else if t.is_empty() {
            m.field(s)
        } else {
            m.field(&shown).or_else(|| m.field(s))
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
            && let Some(field) = m.field(t).filter(|f| marks_value(*f, s))
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
    let has_name = bindings
        .iter()
        .any(|b| matches!(b.field, Field::FullName | Field::GivenName));
    let mut fields: Vec<Field> = bindings
        .iter()
        .map(|b| b.field)
        .filter(|f| *f != Field::RowNumber)
        .collect();
    fields.sort_unstable();
    fields.dedup();
    let score = if has_name { fields.len() } else { 0 };
    (score, bindings, headers)
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

/// Finds the header. `None` when the sheet has no roster header.
#[must_use]
pub fn detect(sheet: &RawSheet, m: &HeaderMatcher) -> Option<Layout> {
    let scan = sheet.len().min(HEADER_SEARCH_ROWS);
    // (score, header row, header rows, bindings, headers)
    type Candidate = (usize, usize, usize, Vec<Binding>, Vec<(usize, String)>);
    let mut best: Option<Candidate> = None;
    for r in 0..scan {
        let (one, b1, h1) = header_candidates(sheet, r, false, m);
        // Under a two-row header the full-name header spans both rows, so the
        // cell below it is empty; below a one-row header it holds a name.
        let below_name_empty = b1
            .iter()
            .find(|b| b.field == Field::FullName)
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

/// Folded texts that mark the signature footer.
const FOOTER_MARKS: &[&str] = &[
    "nguoi lap bieu",
    "nguoi lap",
    "thu truong don vi",
    "thu truong co quan",
    "thu truong",
    "ky ten",
    "ky ghi ro ho ten",
    "ky va ghi ro ho ten",
    "ky dong dau",
    "xac nhan",
    "noi nhan",
    "truong phong",
    "giam doc",
    "chu tich",
    "tm uy ban nhan dan",
    "tm ubnd",
    "kt chu tich",
    "kt giam doc",
    "ghi chu",
    "chu thich",
];

/// A signature-footer row has at most this many non-empty cells.
const FOOTER_MAX_CELLS: usize = 3;

/// Folded texts that are a totals row's label.
const TOTAL_LABELS: &[&str] = &[
    "tong cong",
    "tong so",
    "tong",
    "cong",
    "total",
    "grand total",
    "cong toan don vi",
];
/// Folded texts that begin a totals row's label ("Tổng số: 25 người").
const TOTAL_PREFIXES: &[&str] = &["tong cong ", "tong so ", "cong toan ", "cong "];

/// A totals label. Exact labels always count; a prefix only on a row that does
/// not look like staff, because names fold to the same words (the surname
/// Tống is "tong").
fn is_total_text(f: &str, staff_like: bool) -> bool {
    // "Công chức", "Công an", "Công tác", "Công đoàn" fold like "Cộng …".
    let not_total = [
        "cong chuc",
        "cong an",
        "cong tac",
        "cong doan",
        "cong nhan",
        "cong ty",
    ]
    .iter()
    .any(|w| f == *w || f.starts_with(&format!("{w} ")));
    TOTAL_LABELS.contains(&f)
        || (!staff_like && !not_total && TOTAL_PREFIXES.iter().any(|p| f.starts_with(p)))
}

fn is_footer_text(f: &str) -> bool {
    let padded = format!(" {f} ");
    FOOTER_MARKS.iter().any(|m| {
        padded.match_indices(m).any(|(i, _)| {
            padded.as_bytes()[i - 1] == b' ' && padded.as_bytes().get(i + m.len()) == Some(&b' ')
        })
    }) || (padded.contains(" ngay ") && padded.contains(" thang ") && padded.contains(" nam "))
}

/// Folded beginnings of a unit's name, for section rows that name a unit
/// ("UBND xã Dương Quang") with nothing else in the row. Surnames that fold to
/// such words (Trương → "truong") are avoided by naming whole kinds of unit.
pub(crate) const UNIT_HEADING_PREFIXES: &[&str] = &[
    "ubnd ",
    "uy ban nhan dan ",
    "hdnd ",
    "hoi dong nhan dan ",
    "dang uy ",
    "xa ",
    "phuong ",
    "thi tran ",
    "phong ",
    "van phong ",
    "thanh tra ",
    "truong thcs",
    "truong thpt",
    "truong tieu hoc",
    "truong mam non",
    "truong mau giao",
    "tram y te",
    "trung tam ",
    "ban quan ly",
    "so ",
    "khoi ",
    "co quan ",
    "don vi ",
];

/// A row whose only text (besides the row number) names a unit.
fn is_unit_heading(sheet: &RawSheet, r: usize, stt_col: Option<usize>) -> bool {
    lone_text(sheet, r, stt_col).is_some_and(|t| {
        let f = fold(crate::text::without_section_label(t));
        UNIT_HEADING_PREFIXES.iter().any(|p| f.starts_with(p))
    })
}

/// The one text of a row besides its row number; or the row-number cell's
/// own text when it is the row's only cell (a heading typed in the STT
/// column and merged across the row: "I. CÁN BỘ").
fn lone_text(sheet: &RawSheet, r: usize, stt_col: Option<usize>) -> Option<&str> {
    let others: Vec<&RawValue> = (0..sheet.columns.len())
        .filter(|c| Some(*c) != stt_col)
        .filter_map(|c| sheet.cell(r, c))
        .collect();
    match others.as_slice() {
        [RawValue::Text(t)] => Some(t),
        [] => match stt_col.and_then(|c| sheet.cell(r, c)) {
            Some(RawValue::Text(t)) if t.chars().any(char::is_alphabetic) && t.contains(' ') => {
                Some(t)
            }
            _ => None,
        },
        _ => None,
    }
}

/// A row whose only text (besides the row number) names a category of
/// staff: "I. CÁN BỘ", "Công chức chuyên môn", "Người hoạt động không chuyên
/// trách" (a section of the list, not a person).
fn is_category_heading(sheet: &RawSheet, r: usize, stt_col: Option<usize>) -> bool {
    let Some(t) = lone_text(sheet, r, stt_col) else {
        return false;
    };
    let f = fold(t);
    // Written like a person's name ("Hợp Đồng", "Công Chúc": every word
    // capitalised, nothing in capitals): a person, not a heading, which is
    // typed in capitals ("CÔNG CHỨC") or as a phrase ("Công chức").
    let words: Vec<&str> = t.split_whitespace().collect();
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase())
    };
    if words.len() >= 2 && words.iter().all(|w| title_case(w)) {
        return false;
    }
    !UNIT_HEADING_PREFIXES.iter().any(|p| f.starts_with(p))
        && crate::scales::heading_category(t).is_some()
}

fn is_section_label(f: &str) -> bool {
    let roman = !f.is_empty() && f.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
    roman || (f.len() == 1 && f.chars().all(|c| c.is_ascii_lowercase()))
}

/// What a label cell (full name or STT) says.
#[derive(Debug, Clone, Copy, Default)]
struct Label {
    total_exact: bool,
    total_prefix: bool,
    footer: bool,
    section: bool,
}

impl Label {
    fn of(v: &RawValue) -> Self {
        let text = v.display();
        // Totals labels begin with T(ổng), C(ộng) or G(rand); sparing the
        // fold for every other name keeps this cheap on large rosters.
        let first = text
            .chars()
            .next()
            .map(|c| c.to_lowercase().next().unwrap_or(c));
        let f = fold(&text);
        let maybe_total = matches!(first, Some('t' | 'c' | 'g'));
        Label {
            total_exact: maybe_total && is_total_text(&f, true),
            total_prefix: maybe_total && is_total_text(&f, false),
            footer: is_footer_text(&f),
            section: is_section_label(&f),
        }
    }

    fn is_total(self, staff_like: bool) -> bool {
        self.total_exact || (!staff_like && self.total_prefix)
    }
}

/// Labels of one column's distinct values, computed on first use.
struct Labels<'s> {
    column: Option<&'s crate::ingest::RawColumn>,
    cache: Vec<Option<Label>>,
}

impl<'s> Labels<'s> {
    fn new(sheet: &'s RawSheet, col: Option<usize>) -> Self {
        let column = col.and_then(|c| sheet.columns.get(c));
        Self {
            column,
            cache: vec![None; column.map_or(0, |c| c.values().len())],
        }
    }

    /// `None` for an empty cell.
    fn at(&mut self, row: usize) -> Option<Label> {
        let column = self.column?;
        let id = column.id(row)?;
        Some(*self.cache[id - 1].get_or_insert_with(|| Label::of(&column.values()[id - 1])))
    }

    /// Only the cheap first-letter test; the full label when it might be a total.
    fn is_total_at(&mut self, row: usize, staff_like: bool) -> bool {
        let Some(column) = self.column else {
            return false;
        };
        let Some(RawValue::Text(s)) = column.get(row) else {
            return false;
        };
        if !s.starts_with(['T', 't', 'C', 'c', 'G', 'g']) {
            return false;
        }
        self.at(row).is_some_and(|l| l.is_total(staff_like))
    }
}

/// True when any cell of the row is signature-footer text.
fn row_has_footer_text(sheet: &RawSheet, r: usize) -> bool {
    sheet.columns.iter().any(|c| {
        c.get(r)
            .and_then(RawValue::as_text)
            .is_some_and(|s| is_footer_text(&fold(s)))
    })
}

/// Classifies every row from `layout.body_start` on.
#[must_use]
pub fn classify(sheet: &RawSheet, layout: &Layout) -> Vec<RowKind> {
    let name_col = layout
        .column(Field::FullName)
        .or_else(|| layout.column(Field::GivenName));
    let stt_col = layout.column(Field::RowNumber);
    let (mut names, mut stts) = (Labels::new(sheet, name_col), Labels::new(sheet, stt_col));
    let key_cols: Vec<usize> = [Field::Unit, Field::Category, Field::Education]
        .iter()
        .filter_map(|f| layout.column(*f))
        .collect();
    // Education given as marker columns counts as one key column.
    let education_marks: Vec<usize> = layout
        .markers(Field::Education)
        .iter()
        .map(|(c, _, _)| *c)
        .collect();
    let mut in_footer = false;
    let mut kinds = Vec::with_capacity(sheet.len().saturating_sub(layout.body_start));
    for r in layout.body_start..sheet.len() {
        let filled = sheet.filled(r);
        if filled == 0 {
            kinds.push(RowKind::Blank);
            continue;
        }
        let has_name = name_col.is_some_and(|c| sheet.cell(r, c).is_some());
        let filled_keys = key_cols
            .iter()
            .filter(|&&c| sheet.cell(r, c).is_some())
            .count()
            + usize::from(education_marks.iter().any(|&c| sheet.cell(r, c).is_some()));
        let staff_like = has_name && filled_keys >= 2;
        if in_footer {
            kinds.push(if staff_like {
                RowKind::StaffBelowFooter
            } else {
                RowKind::Footer
            });
            continue;
        }
        if names.is_total_at(r, staff_like) || stts.is_total_at(r, staff_like) {
            kinds.push(RowKind::Total);
            continue;
        }
        if !staff_like {
            // A footer row has no person's name (its name cell is empty or is
            // itself signature text, "Người lập biểu") and only a few cells: a
            // staff row missing its name still has many, and its title may
            // well read "Chủ tịch".
            let name_ok = names.at(r).is_none_or(|n| n.footer);
            if filled <= FOOTER_MAX_CELLS && name_ok && row_has_footer_text(sheet, r) {
                in_footer = true;
                kinds.push(RowKind::Footer);
                continue;
            }
            if filled_keys == 0
                && (stts.at(r).is_some_and(|s| s.section)
                    || is_unit_heading(sheet, r, stt_col)
                    || is_category_heading(sheet, r, stt_col))
            {
                kinds.push(RowKind::Heading);
                continue;
            }
        }
        kinds.push(RowKind::Staff);
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::SheetBuilder;
    use crate::schema::ColumnAliases;

    fn sheet(rows: &[&[&str]]) -> RawSheet {
        let mut b = SheetBuilder::new();
        for (i, r) in rows.iter().enumerate() {
            b.push_row(
                u32::try_from(i).unwrap() + 1,
                r.iter()
                    .enumerate()
                    .filter(|(_, s)| !s.is_empty())
                    .map(|(c, s)| (c, crate::ingest::CellRef::Text(s))),
            );
        }
        b.finish(0, "S".into())
    }

    fn fields(l: &Layout) -> Vec<(Field, usize)> {
        l.bindings.iter().map(|b| (b.field, b.col)).collect()
    }

    #[test]
    fn title_block_two_row_header_and_number_row() {
        let s = sheet(&[
            &[
                "UBND THỊ XÃ BẮC KẠN",
                "",
                "",
                "",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ],
            &["", "DANH SÁCH CÁN BỘ", "", "", ""],
            &["STT", "Họ và tên", "Đơn vị", "Loại", "Trình độ", "", ""],
            &[
                "",
                "",
                "",
                "",
                "Chuyên môn",
                "Lý luận chính trị",
                "Quản lý nhà nước",
            ],
            &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "7=5+6"],
            &["1", "Nguyễn Văn A", "Xã X", "Cán bộ", "Đại học", "", ""],
        ]);
        let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
        assert_eq!(
            (l.header_row, l.header_rows, l.number_row, l.body_start),
            (2, 2, Some(4), 5)
        );
        assert_eq!(
            fields(&l),
            vec![
                (Field::RowNumber, 0),
                (Field::FullName, 1),
                (Field::Unit, 2),
                (Field::Category, 3),
                (Field::Education, 4),
                (Field::PoliticalTheory, 5),
                (Field::StateManagement, 6)
            ]
        );
    }

    #[test]
    fn birth_date_split_by_gender() {
        let s = sheet(&[
            &["Họ và tên", "Ngày sinh", "", "Đơn vị"],
            &["", "Nam", "Nữ", ""],
            &["Lê Văn An", "1970", "", "Xã X"],
        ]);
        let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
        assert_eq!(
            fields(&l),
            vec![
                (Field::FullName, 0),
                (Field::BirthDateMale, 1),
                (Field::BirthDateFemale, 2),
                (Field::Unit, 3)
            ]
        );
        assert_eq!(l.body_start, 2);
    }

    #[test]
    fn data_below_a_one_row_header_is_not_a_sub_header() {
        // "Giới tính" over "Nam" and "Trình độ chuyên môn" over "Đại học" would read
        // as marker columns; the name in the row below shows it is data.
        let s = sheet(&[
            &[
                "Họ và tên",
                "Đơn vị",
                "Loại",
                "Giới tính",
                "Trình độ chuyên môn",
            ],
            &["Lê Văn An", "Xã X", "Cán bộ", "Nam", "Đại học"],
        ]);
        let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
        assert_eq!((l.header_rows, l.body_start), (1, 1));
        assert!(l.bindings.iter().all(|b| b.mark.is_none()));
    }

    #[test]
    fn no_header_without_a_name_column() {
        let s = sheet(&[&["Đơn vị", "Số lượng"], &["X", "3"]]);
        assert!(detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).is_none());
    }

    #[test]
    fn rows_are_classified() {
        let s = sheet(&[
            &["STT", "Họ và tên", "Đơn vị", "Loại", "Trình độ chuyên môn"],
            &["I", "Khối Đảng", "", "", ""],
            &["1", "Nguyễn Văn A", "Xã X", "Cán bộ", "Đại học"],
            &["", "", "", "", ""],
            &["2", "Trần B", "", "", ""],
            &["", "Tổng cộng", "", "2", ""],
            &["4", "", "Xã X", "Cán bộ", "Chủ tịch"],
            &["", "Người lập biểu", "", "Thủ trưởng đơn vị", ""],
            &["", "Lê C", "", "Phạm D", ""],
            &["3", "Hà E", "Xã X", "Cán bộ", "Đại học"],
        ]);
        let l = detect(&s, &HeaderMatcher::new(&ColumnAliases::default())).unwrap();
        assert_eq!(
            classify(&s, &l),
            vec![
                RowKind::Heading,
                RowKind::Staff,
                RowKind::Blank,
                RowKind::Staff,
                RowKind::Total,
                RowKind::Staff,
                RowKind::Footer,
                RowKind::Footer,
                RowKind::StaffBelowFooter
            ]
        );
    }
}
