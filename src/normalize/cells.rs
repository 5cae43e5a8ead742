//! Reading cells: the parsed columns of a sheet, and values of each kind.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Youngest and oldest plausible ages of staff on the as-of date.
pub(super) const AGE_RANGE: std::ops::RangeInclusive<i32> = 15..=80;

/// A column's values parsed once per distinct value.
pub(super) struct Parsed<T> {
    pub(super) col: usize,
    pub(super) header: String,
    pub(super) values: Vec<T>,
}

impl<T: Send> Parsed<T> {
    /// Parses each distinct value of the field's column, on every core.
    pub(super) fn new(
        sheet: &RawSheet,
        layout: &Layout,
        field: Field,
        f: impl Fn(&RawValue) -> T + Sync,
    ) -> Option<Self> {
        use rayon::prelude::*;
        let col = layout.column(field)?;
        let values = sheet
            .columns
            .get(col)
            .map(|c| c.values().par_iter().map(&f).collect())
            .unwrap_or_default();
        Some(Self {
            col,
            header: layout.header_of(col),
            values,
        })
    }

    /// Parses each distinct value in order, with state (the text store).
    pub(super) fn new_mut(
        sheet: &RawSheet,
        layout: &Layout,
        field: Field,
        f: impl FnMut(&RawValue) -> T,
    ) -> Option<Self> {
        let col = layout.column(field)?;
        let values = sheet
            .columns
            .get(col)
            .map(|c| c.values().iter().map(f).collect())
            .unwrap_or_default();
        Some(Self {
            col,
            header: layout.header_of(col),
            values,
        })
    }
}

impl<T> Parsed<T> {
    /// The column with each value mapped, in order.
    pub(super) fn map<U>(self, f: impl FnMut(T) -> U) -> Parsed<U> {
        Parsed {
            col: self.col,
            header: self.header,
            values: self.values.into_iter().map(f).collect(),
        }
    }

    pub(super) fn get<'s>(&'s self, sheet: &RawSheet, row: usize) -> Option<&'s T> {
        sheet
            .columns
            .get(self.col)?
            .id(row)
            .map(|id| &self.values[id - 1])
    }
}

/// Marker columns of one field ("x" under each level): the columns with the
/// value each stands for, and the group header for messages.
pub(super) struct Marks<T> {
    pub(super) cols: Vec<(usize, T)>,
    pub(super) header: String,
}

impl<T: Copy + Ord> Marks<T> {
    pub(super) fn new(l: &Layout, field: Field, parse: impl Fn(&str) -> Option<T>) -> Option<Self> {
        let found = l.markers(field);
        let header = found.first().map(|(_, _, h)| (*h).to_string())?;
        let cols = found
            .iter()
            .filter_map(|(c, v, _)| parse(v).map(|t| (*c, t)))
            .collect::<Vec<_>>();
        (!cols.is_empty()).then_some(Self { cols, header })
    }

    /// The highest value marked in the row, if any column is marked.
    pub(super) fn get(&self, sheet: &RawSheet, r: usize) -> Option<T> {
        self.cols
            .iter()
            .filter(|(c, _)| sheet.cell(r, *c).is_some_and(is_mark))
            .map(|(_, t)| *t)
            .max()
    }
}

/// A cell that marks its column: "x", "X", "1", "✓", a date… but not "0", "-" or "không".
pub(super) fn is_mark(v: &RawValue) -> bool {
    match v {
        RawValue::Number(bits) => f64::from_bits(*bits) != 0.0,
        RawValue::Bool(b) => *b,
        RawValue::Text(t) => !matches!(fold(t).as_str(), "" | "0" | "khong" | "no" | "false"),
        RawValue::Date(_) => true,
        RawValue::Error(_) => false,
    }
}

/// Education as read from one cell.
pub(super) enum EducationRead {
    Ok(EducationCell),
    GeneralOnly,
    Unreadable,
    /// A course in progress ("Trung cấp, đang học ĐH"): the level held is the
    /// rest of the cell, unknown when there is none.
    InProgress(scales::InProgress),
}

impl EducationRead {
    /// The field of study the cell names besides the level held.
    fn field(&self) -> Option<&str> {
        match self {
            EducationRead::Ok(e) => e.field.as_deref(),
            EducationRead::InProgress(p) => p.attained.as_ref()?.field.as_deref(),
            EducationRead::GeneralOnly | EducationRead::Unreadable => None,
        }
    }
}

pub(super) fn read_education(v: &RawValue) -> EducationRead {
    let s = v.display();
    if let Some(p) = scales::parse_in_progress(&s) {
        return EducationRead::InProgress(p);
    }
    match scales::parse_education(&s) {
        Some(e) => EducationRead::Ok(e),
        None if is_general_grade(&s) => EducationRead::GeneralOnly,
        None => EducationRead::Unreadable,
    }
}

/// A birth date: as any date, or with a two-digit year read in the century
/// that gives a plausible age on the as-of date.
pub(super) fn read_birth(v: &RawValue, as_of: NaiveDate) -> Option<DateRead> {
    read_date(v).or_else(|| match v {
        RawValue::Text(s) => dates::birth_two_digit_year(s, as_of, &AGE_RANGE),
        _ => None,
    })
}

/// "12/12", "9/12", "10/10": a general-education grade.
pub(super) fn is_general_grade(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    matches!(parts.as_slice(), [a, b] if a.parse::<u8>().is_ok() && matches!(*b, "10" | "12"))
}

pub(super) fn read_date(v: &RawValue) -> Option<DateRead> {
    match v {
        RawValue::Date(days) => NaiveDate::from_num_days_from_ce_opt(*days).map(|date| {
            DateRead::Ok(PartialDate {
                date,
                precision: Precision::Day,
            })
        }),
        RawValue::Number(bits) => dates::from_number(f64::from_bits(*bits)),
        RawValue::Text(s) => dates::parse_text(s),
        RawValue::Bool(_) | RawValue::Error(_) => None,
    }
}

pub(super) fn read_text(v: &RawValue) -> Arc<str> {
    v.display().into()
}

fn read_category(v: &RawValue) -> Option<CategoryCell> {
    scales::parse_category(&v.display())
}

fn read_gov_level(v: &RawValue) -> Option<GovLevel> {
    scales::parse_gov_level(&v.display())
}

/// All parsed columns of one sheet.
pub(super) struct Columns {
    /// The full name, or the given name when the name is split.
    pub(super) name: Parsed<Text>,
    /// Family and middle names, when the name is split.
    pub(super) family_name: Option<Parsed<Text>>,
    pub(super) unit: Option<Parsed<Arc<str>>>,
    pub(super) category: Option<Parsed<Option<CategoryCell>>>,
    /// Each distinct value read, with the field of study it names (stored once).
    pub(super) education: Option<Parsed<(EducationRead, Option<Text>)>>,
    pub(super) education_marks: Option<Marks<Education>>,
    pub(super) gender_marks: Option<Marks<Gender>>,
    pub(super) political_marks: Option<Marks<scales::PoliticalTheory>>,
    pub(super) state_marks: Option<Marks<scales::StateManagement>>,
    pub(super) staff_id: Option<Parsed<Text>>,
    pub(super) national_id: Option<Parsed<Text>>,
    pub(super) birth: Option<Parsed<Option<DateRead>>>,
    pub(super) birth_male: Option<Parsed<Option<DateRead>>>,
    pub(super) birth_female: Option<Parsed<Option<DateRead>>>,
    pub(super) gender: Option<Parsed<Option<Gender>>>,
    pub(super) ethnicity: Option<Parsed<Text>>,
    pub(super) party: Option<Parsed<Option<bool>>>,
    /// The party column holds marks only (an "x", the date joined), no
    /// value read as "no": a blank cell there is not a member.
    pub(super) party_marks: bool,
    pub(super) unit_code: Option<Parsed<Arc<str>>>,
    pub(super) parent: Option<Parsed<Arc<str>>>,
    pub(super) gov_level: Option<Parsed<Option<GovLevel>>>,
    pub(super) title: Option<Parsed<Text>>,
    pub(super) position: Option<Parsed<Text>>,
    pub(super) position_code: Option<Parsed<Text>>,
    pub(super) grade: Option<Parsed<Text>>,
    pub(super) grade_code: Option<Parsed<Text>>,
    pub(super) field_of_study: Option<Parsed<Text>>,
    pub(super) political: Option<Parsed<Option<scales::PoliticalTheory>>>,
    pub(super) state_mgmt: Option<Parsed<Option<scales::StateManagement>>>,
    pub(super) it: Option<Parsed<Text>>,
    pub(super) language: Option<Parsed<Text>>,
    pub(super) hire: Option<Parsed<Option<DateRead>>>,
    pub(super) training_level: Option<Parsed<Option<Education>>>,
    pub(super) training_end: Option<Parsed<Option<DateRead>>>,
    pub(super) retirement: Option<Parsed<Option<DateRead>>>,
    pub(super) professional_level: Option<Parsed<Option<u8>>>,
}

impl Columns {
    /// The columns of a sheet; the texts of record fields are stored in `texts`.
    pub(super) fn new(
        sheet: &RawSheet,
        l: &Layout,
        as_of: NaiveDate,
        texts: &mut Texts,
    ) -> Option<Self> {
        reserve_texts(sheet, l, texts);
        let text = |f, texts: &mut Texts| Parsed::new_mut(sheet, l, f, |v| texts.add(&v.shown()));
        let arc = |f| Parsed::new(sheet, l, f, read_text);
        let date = |f| Parsed::new(sheet, l, f, read_date);
        let birth = |f| Parsed::new(sheet, l, f, |v| read_birth(v, as_of));
        let mut columns = Self {
            name: text(Field::FullName, texts).or_else(|| text(Field::GivenName, texts))?,
            family_name: if l.column(Field::FullName).is_none() {
                text(Field::FamilyName, texts)
            } else {
                None
            },
            unit: arc(Field::Unit),
            category: Parsed::new(sheet, l, Field::Category, read_category),
            education: Parsed::new(sheet, l, Field::Education, read_education).map(|p| {
                p.map(|e| {
                    let field = e.field().map(|f| texts.add(f));
                    (e, field)
                })
            }),
            education_marks: Marks::new(l, Field::Education, |v| {
                scales::parse_education(v).map(|e| e.level)
            }),
            gender_marks: Marks::new(l, Field::Gender, scales::parse_gender),
            political_marks: Marks::new(l, Field::PoliticalTheory, scales::parse_political_theory),
            state_marks: Marks::new(l, Field::StateManagement, scales::parse_state_management),
            staff_id: text(Field::StaffId, texts),
            // Typed with spaces or dots ("001 089 012 345"): read without them.
            national_id: Parsed::new_mut(sheet, l, Field::NationalId, |v| {
                texts.add(&id_digits(&v.shown()))
            }),
            birth: birth(Field::BirthDate),
            birth_male: birth(Field::BirthDateMale),
            birth_female: birth(Field::BirthDateFemale),
            gender: Parsed::new(sheet, l, Field::Gender, |v| {
                scales::parse_gender(&v.display())
            }),
            ethnicity: text(Field::Ethnicity, texts),
            party: Parsed::new(sheet, l, Field::PartyMember, read_party),
            party_marks: false,
            unit_code: arc(Field::UnitCode),
            parent: arc(Field::ParentUnit),
            gov_level: Parsed::new(sheet, l, Field::GovLevel, read_gov_level),
            title: text(Field::Title, texts),
            position: text(Field::Position, texts),
            position_code: text(Field::PositionCode, texts),
            grade: text(Field::Grade, texts),
            grade_code: text(Field::GradeCode, texts),
            field_of_study: text(Field::FieldOfStudy, texts),
            political: Parsed::new(sheet, l, Field::PoliticalTheory, |v| {
                scales::parse_political_theory(&v.display())
            }),
            state_mgmt: Parsed::new(sheet, l, Field::StateManagement, |v| {
                scales::parse_state_management(&v.display())
            }),
            it: text(Field::ItSkill, texts),
            language: text(Field::ForeignLanguage, texts),
            hire: date(Field::HireDate),
            training_level: Parsed::new(sheet, l, Field::TrainingLevel, |v| {
                scales::parse_education(&v.display()).map(|e| e.level)
            }),
            training_end: date(Field::TrainingEnd),
            retirement: date(Field::RetirementDate),
            professional_level: Parsed::new(sheet, l, Field::ProfessionalLevel, |v| {
                scales::parse_professional_level(&v.display())
            }),
        };
        columns.party_marks = marks_only(columns.party.as_ref());
        // Education is required: as a column or as marker columns.
        (columns.education.is_some() || columns.education_marks.is_some()).then_some(columns)
    }
}

/// The fields whose distinct values are stored in the staff table's texts:
/// those `Columns::new` reads with `text` or into the texts (national ids).
/// Only the reservation reads this list: a field missing from it is still
/// stored, in buffers grown by doubling.
const TEXT_FIELDS: [Field; 14] = [
    Field::FullName,
    Field::GivenName,
    Field::FamilyName,
    Field::StaffId,
    Field::NationalId,
    Field::Ethnicity,
    Field::Title,
    Field::Position,
    Field::PositionCode,
    Field::Grade,
    Field::GradeCode,
    Field::FieldOfStudy,
    Field::ItSkill,
    Field::ForeignLanguage,
];

/// Reserves room in `texts` for the sheet's distinct values of the text
/// fields (at most: a given name's column is not stored beside a full
/// name's), all at once (while the buffers doubled, the national roster's
/// 7.5 M names and ids made some 17,000 page faults more, 0.06 s of a core).
/// An estimate: a value that is not text counts 16 bytes.
fn reserve_texts(sheet: &RawSheet, l: &Layout, texts: &mut Texts) {
    let (mut count, mut bytes) = (0, 0);
    let columns = TEXT_FIELDS
        .iter()
        .filter_map(|&f| sheet.columns.get(l.column(f)?));
    for column in columns {
        count += column.values().len();
        bytes += column
            .values()
            .iter()
            .map(|v| v.as_text().map_or(16, str::len))
            .sum::<usize>();
    }
    texts.reserve(count, bytes);
}

/// A national id without the spaces or dots it was typed with ("001 089
/// 012 345"), copied only when it holds any.
pub(super) fn id_digits(s: &str) -> std::borrow::Cow<'_, str> {
    // Searched as bytes (both are ASCII): a search for either of two chars
    // decodes every character, 146 instructions a national id (callgrind),
    // one by one while the columns are read.
    if s.bytes().any(|b| b == b' ' || b == b'.') {
        s.replace([' ', '.'], "").into()
    } else {
        s.into()
    }
}

/// Party membership: a date (joined) or "x" is yes, a boolean as it is.
fn read_party(v: &RawValue) -> Option<bool> {
    match v {
        RawValue::Date(_) => Some(true),
        RawValue::Bool(b) => Some(*b),
        _ => scales::parse_yes_no(&v.display()),
    }
}

/// A yes/no column of marks only: some "yes" (an "x", a date), no "no".
fn marks_only(p: Option<&Parsed<Option<bool>>>) -> bool {
    p.is_some_and(|p| p.values.contains(&Some(true)) && !p.values.contains(&Some(false)))
}

pub(super) fn opt_text(p: Option<&Parsed<Text>>, sheet: &RawSheet, r: usize) -> Option<Text> {
    p.and_then(|p| p.get(sheet, r)).copied()
}

pub(super) fn raw_display(sheet: &RawSheet, col: usize, r: usize) -> String {
    sheet.cell_text(r, col)
}
