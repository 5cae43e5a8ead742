//! What each row below the header is: staff, blank, totals, a section
//! heading, the signature footer (and staff rows below it).

#[allow(clippy::wildcard_imports)]
use super::*;

/// Folded texts that mark the signature footer.
pub(super) const FOOTER_MARKS: &[&str] = &[
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
    .any(|w| starts_with_words(f, w));
    TOTAL_LABELS.contains(&f)
        || (!staff_like && !not_total && TOTAL_PREFIXES.iter().any(|p| f.starts_with(p)))
}

/// Whether folded text `f` begins with the whole words `w`.
fn starts_with_words(f: &str, w: &str) -> bool {
    f.strip_prefix(w)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Footer marks that are a leader's title: also a job position's name in a
/// catalogue ("Trưởng phòng", "Giám đốc", "Chủ tịch").
const TITLE_MARKS: &[&str] = &["truong phong", "giam doc", "chu tich", "thu truong"];

/// Whether folded text holds a signature-footer mark (whole words).
pub(super) fn is_footer_text(f: &str) -> bool {
    has_footer_mark(f, |_| true)
}

/// Footer text that is not merely a leader's title: "Người lập biểu",
/// "TM. UBND", "Ký tên", a date line.
pub(super) fn is_signature_text(f: &str) -> bool {
    has_footer_mark(f, |m| !TITLE_MARKS.contains(&m))
}

/// Whether folded text `f` holds one of the footer marks `wanted` keeps as
/// whole words, or is a date line ("ngày … tháng … năm").
///
/// Every distinct full name of a roster is read here (803,717 on the
/// generated national roster): the marks are compared at the start of each word of
/// `f`, where a substring search per mark (a searcher built for each of
/// twenty marks, for each name) took 0.5 s of a core.
fn has_footer_mark(f: &str, wanted: impl Fn(&str) -> bool) -> bool {
    let starts = || {
        std::iter::once(0).chain(
            f.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| i + 1),
        )
    };
    let word_at = |at: usize, w: &str| f.get(at..).is_some_and(|rest| starts_with_words(rest, w));
    let has_word = |w: &str| starts().any(|at| word_at(at, w));
    starts().any(|at| {
        FOOTER_MARKS
            .iter()
            .any(|m| f.as_bytes().get(at) == m.as_bytes().first() && word_at(at, m) && wanted(m))
    }) || (has_word("ngay") && has_word("thang") && has_word("nam"))
}

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

/// A section's number, folded: a Roman numeral ("ii") or a single letter.
#[must_use]
pub fn is_section_label(f: &str) -> bool {
    let roman = !f.is_empty() && f.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
    roman || (f.len() == 1 && f.chars().all(|c| c.is_ascii_lowercase()))
}

/// What a label cell (full name or STT) says besides totals.
#[derive(Debug, Clone, Copy, Default)]
struct Label {
    footer: bool,
    /// Footer text other than a leader's title alone.
    signature: bool,
    section: bool,
}

impl Label {
    fn of(v: &RawValue) -> Self {
        let f = fold(&v.shown());
        Label {
            footer: is_footer_text(&f),
            signature: is_signature_text(&f),
            section: is_section_label(&f),
        }
    }
}

/// Labels of one column's distinct values: whether each is a totals label
/// found for all of them at once, the rest computed on first use.
struct Labels<'s> {
    column: Option<&'s crate::ingest::RawColumn>,
    /// Per distinct value: a totals label on any row (bit 0), on a row that
    /// does not look like staff (bit 1). Every row is asked: one byte a
    /// value, found on every core, where reading each row's text (803,717
    /// distinct names on the generated national roster, most out of the caches)
    /// took 0.35 s of a core.
    totals: Vec<u8>,
    cache: Vec<Option<Label>>,
}

impl<'s> Labels<'s> {
    fn new(sheet: &'s RawSheet, col: Option<usize>) -> Self {
        use rayon::prelude::*;
        let column = col.and_then(|c| sheet.columns.get(c));
        let values = column.map_or(&[][..], |c| c.values());
        Self {
            column,
            totals: values
                .par_iter()
                .with_min_len(4096)
                .map(total_bits)
                .collect(),
            cache: vec![None; values.len()],
        }
    }

    /// `None` for an empty cell.
    fn at(&mut self, row: usize) -> Option<Label> {
        let column = self.column?;
        let id = column.id(row)?;
        Some(*self.cache[id - 1].get_or_insert_with(|| Label::of(&column.values()[id - 1])))
    }

    fn is_total_at(&self, row: usize, staff_like: bool) -> bool {
        let bits = self
            .column
            .and_then(|c| c.id(row))
            .map_or(0, |id| self.totals[id - 1]);
        bits & 1 != 0 || (!staff_like && bits & 2 != 0)
    }
}

/// A value's totals bits (see [`Labels::totals`]). Totals labels begin with
/// T(ổng), C(ộng) or G(rand): every other text is spared the fold.
fn total_bits(v: &RawValue) -> u8 {
    let RawValue::Text(s) = v else {
        return 0;
    };
    if !s.starts_with(['T', 't', 'C', 'c', 'G', 'g']) {
        return 0;
    }
    let f = fold(s);
    u8::from(is_total_text(&f, true)) | (u8::from(is_total_text(&f, false)) << 1)
}

/// A whole number, as a row number is written (1, "12").
fn is_whole_number(v: &RawValue) -> bool {
    match v {
        RawValue::Number(bits) => f64::from_bits(*bits).fract() == 0.0,
        RawValue::Text(s) => !s.trim().is_empty() && s.trim().chars().all(|c| c.is_ascii_digit()),
        _ => false,
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

/// The columns that tell a table's rows apart.
#[derive(Debug, Clone, Default)]
pub struct RowShape {
    /// Where a data row names its subject (a person, a position): totals
    /// labels and signature text are read there too.
    pub label: Option<usize>,
    /// The row-number (STT) column: section labels ("I", "a") are read there.
    pub stt: Option<usize>,
    /// Columns a data row fills: a row with its label and at least
    /// `min_keys` of them is data, whatever its label says.
    pub keys: Vec<usize>,
    /// Marker columns ("x" under a value), together one key column.
    pub marks: Vec<usize>,
    /// See `keys`.
    pub min_keys: usize,
    /// A row whose only text names a unit or a category is a section
    /// heading (rosters); otherwise only a section number makes one.
    pub named_headings: bool,
    /// Entries are numbered and name what a signer's title names
    /// (catalogues: "1 | Trưởng phòng"): a numbered row is never the footer,
    /// nor a label that is only a leader's title. Rosters: off (a template's
    /// numbers run on below the data, beside the signers).
    pub numbered_entries: bool,
}

/// Classifies every roster row from `layout.body_start` on.
#[must_use]
pub fn classify(sheet: &RawSheet, layout: &Layout) -> Vec<RowKind> {
    let shape = RowShape {
        label: layout
            .column(Field::FullName)
            .or_else(|| layout.column(Field::GivenName)),
        stt: layout.column(Field::RowNumber),
        keys: [Field::Unit, Field::Category, Field::Education]
            .iter()
            .filter_map(|f| layout.column(*f))
            .collect(),
        // Education given as marker columns counts as one key column.
        marks: layout
            .markers(Field::Education)
            .iter()
            .map(|(c, _, _)| *c)
            .collect(),
        min_keys: 2,
        named_headings: true,
        numbered_entries: false,
    };
    classify_rows(sheet, layout.body_start, &shape)
}

/// Classifies every row from `body_start` on, for a table of this shape.
#[must_use]
pub fn classify_rows(sheet: &RawSheet, body_start: usize, shape: &RowShape) -> Vec<RowKind> {
    let (name_col, stt_col) = (shape.label, shape.stt);
    let (mut names, mut stts) = (Labels::new(sheet, name_col), Labels::new(sheet, stt_col));
    let (key_cols, education_marks) = (&shape.keys, &shape.marks);
    let mut in_footer = false;
    let mut kinds = Vec::with_capacity(sheet.len().saturating_sub(body_start));
    for r in body_start..sheet.len() {
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
        let staff_like = has_name && filled_keys >= shape.min_keys;
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
            let name_ok = names.at(r).is_none_or(|n| {
                if shape.numbered_entries {
                    n.signature
                } else {
                    n.footer
                }
            });
            let numbered = shape.numbered_entries
                && stt_col
                    .and_then(|c| sheet.cell(r, c))
                    .is_some_and(is_whole_number);
            if filled <= FOOTER_MAX_CELLS && name_ok && !numbered && row_has_footer_text(sheet, r) {
                in_footer = true;
                kinds.push(RowKind::Footer);
                continue;
            }
            if filled_keys == 0
                && (stts.at(r).is_some_and(|s| s.section)
                    || (shape.named_headings
                        && (is_unit_heading(sheet, r, stt_col)
                            || is_category_heading(sheet, r, stt_col))))
            {
                kinds.push(RowKind::Heading);
                continue;
            }
        }
        kinds.push(RowKind::Staff);
    }
    kinds
}
