//! Data issues: every problem found in the input, with the cell it is in and
//! what the tool did about it. Not errors: the run goes on.

use std::sync::Arc;

use crate::legacy::Encoding;
use crate::schema::Field;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Problem {
    /// A required cell is empty.
    Missing(Field),
    /// A value could not be read.
    Unreadable(Field),
    /// A general-education grade ("12/12") in the professional education column.
    GeneralEducationOnly,
    /// Only the year of a date was given.
    YearOnly(Field),
    /// Only month and year of a date were given.
    MonthOnly(Field),
    /// A date read month-first because its "month" was over 12.
    MonthDaySwapped(Field),
    /// A birth date in the future or giving an implausible age.
    ImplausibleDate(Field),
    /// A national id that is not 9 or 12 digits.
    NationalIdLength,
    /// The same person in the same post twice.
    Duplicate {
        /// Sheet (file › sheet) of the first occurrence.
        first: String,
        /// Its row.
        row: u32,
    },
    /// One person holding several posts (kiêm nhiệm).
    Concurrent {
        /// Number of posts.
        posts: usize,
    },
    /// The same staff or national id used for people with different names.
    IdConflict {
        /// Sheet of the other row.
        other: String,
        /// Its row.
        row: u32,
    },
    /// A row with staff data below the signature footer.
    BelowFooter,
    /// A sheet typed in a legacy encoding, converted to Unicode.
    Converted(Encoding),
    /// A sheet without a roster header.
    NoHeader,
    /// Field of study given twice, differently (education cell and its own column).
    FieldConflict,
    /// A roster unit that the units file does not list.
    UnitNotInUnitsFile,
    /// A sheet without a unit column whose section headings give the units.
    UnitFromHeadings,
    /// A sheet without a unit column whose unit is read from its title block,
    /// sheet name or file name (the unit is the issue's value).
    UnitFrom(crate::schema::UnitSource),
    /// A section heading giving the category of the rows below it.
    CategoryFromHeading(crate::scales::Category),
    /// A row's category inferred from the title held (commune titles list).
    CategoryFromTitle(crate::scales::Category),
    /// A row that is not staff (totals, section heading, footer): counted, not analysed.
    NotStaff(crate::schema::RowKind),
    /// A person whose last day of service is before the as-of date.
    PastRetirementAge(chrono::NaiveDate),
    /// A catalogue's agency that names no unit of the roster: its positions
    /// place nobody.
    CatalogueAgencyUnmatched {
        /// The closest units' names (never applied).
        suggestions: Vec<String>,
    },
    /// A posting whose position or title matches no catalogued position.
    PositionUnmatched {
        /// The closest catalogue names (never applied).
        suggestions: Vec<String>,
    },
    /// A file or folder already reached by another path (a link, or given twice).
    ReachedTwice {
        /// The path it was read under.
        first: String,
    },
    /// One of the tool's own outputs (a report, an issues list) among the inputs.
    OwnOutput,
    /// A text longer than an Excel cell holds (32,767 characters).
    TooLongForExcel {
        /// Its length in characters.
        chars: usize,
    },
    /// The same staff id and name as a row of the same unit, but another
    /// national id: counted as two people, for the officer to confirm.
    NationalIdsDiffer {
        /// Sheet (file › sheet) of the other row.
        other: String,
        /// Its row.
        row: u32,
    },
    /// A person's later row recording a value differently from their first
    /// row (two posts, one holding a degree the other lacks): both kept as
    /// written, for the unit to reconcile.
    PersonRowsDisagree {
        /// Sheet (file › sheet) of the person's first row.
        other: String,
        /// Its row.
        row: u32,
        /// The fields recorded differently.
        fields: Vec<Field>,
    },
    /// The same name and full birth date as a row in another unit of the same
    /// locality, without a matching national id: possibly one person holding
    /// two posts (kiêm nhiệm). Counted as two people; listed for the officer.
    PossibleConcurrent {
        /// Sheet (file › sheet) of the other row.
        other: String,
        /// Its row.
        row: u32,
    },
    /// A catalogue row repeating an earlier one exactly (same agency, code and
    /// everything else): one is used.
    CataloguePositionRepeated {
        /// Where the first one is ("vtvl.csv, sheet \"vtvl\", row 3").
        first: String,
    },
    /// The education cell says a course is in progress ("Trung cấp, đang học
    /// ĐH"), and no expected end date is given: the course never counts until
    /// one is.
    CourseInProgressNoEnd {
        /// The level being studied.
        level: crate::scales::Education,
    },
    /// A date with a two-digit year ("15/6/75"), read in the century that
    /// gives a plausible age.
    TwoDigitYear {
        /// The column's field.
        field: Field,
        /// The year it was read as.
        year: i32,
    },
    /// A hidden file or an Excel lock file ("~$…") in a roster folder: not read.
    HiddenFile,
    /// A roster's name on a broken link, a pipe or a device: not read.
    NotAFile,
    /// A workbook row number given twice (a damaged or hand-edited file): the
    /// second is read as a row of its own.
    RepeatedRowNumber,
    /// A quote opening a cell of a delimited file ran past the end of its
    /// line into what look like rows (or never closed): the line was read on
    /// its own with the quote taken literally, and each row the quote had
    /// swallowed is read as its own row.
    StrayQuote {
        /// Excel row of the line where the quote opened.
        opened: u32,
    },
    /// A cell holding bytes that are not valid in the file's encoding
    /// (shown as U+FFFD).
    InvalidBytes,
}

impl Problem {
    /// A stable key for grouping and JSON (`missing_education`).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Problem::Missing(f) => format!("missing_{}", f.id()),
            Problem::Unreadable(f) => format!("unreadable_{}", f.id()),
            Problem::GeneralEducationOnly => "general_education_only".into(),
            Problem::YearOnly(f) => format!("year_only_{}", f.id()),
            Problem::MonthOnly(f) => format!("month_only_{}", f.id()),
            Problem::MonthDaySwapped(f) => format!("month_day_swapped_{}", f.id()),
            Problem::ImplausibleDate(f) => format!("implausible_{}", f.id()),
            Problem::NationalIdLength => "national_id_length".into(),
            Problem::Duplicate { .. } => "duplicate".into(),
            Problem::Concurrent { .. } => "concurrent_posts".into(),
            Problem::IdConflict { .. } => "id_conflict".into(),
            Problem::BelowFooter => "below_footer".into(),
            Problem::Converted(_) => "legacy_encoding".into(),
            Problem::NoHeader => "no_roster_header".into(),
            Problem::FieldConflict => "field_of_study_conflict".into(),
            Problem::UnitNotInUnitsFile => "unit_not_in_units_file".into(),
            Problem::PositionUnmatched { .. } => "position_unmatched".into(),
            Problem::CatalogueAgencyUnmatched { .. } => "catalogue_agency_unmatched".into(),
            Problem::NotStaff(kind) => match kind {
                crate::schema::RowKind::Total => "not_staff_totals",
                crate::schema::RowKind::Heading => "not_staff_headings",
                _ => "not_staff_footer",
            }
            .into(),
            Problem::UnitFromHeadings => "unit_from_headings".into(),
            Problem::UnitFrom(source) => match source {
                crate::schema::UnitSource::TitleBlock => "unit_from_title_block",
                crate::schema::UnitSource::SheetName => "unit_from_sheet_name",
                crate::schema::UnitSource::FileName => "unit_from_file_name",
            }
            .into(),
            Problem::CategoryFromHeading(_) => "category_from_heading".into(),
            Problem::CategoryFromTitle(_) => "category_from_title".into(),
            Problem::PastRetirementAge(_) => "past_retirement_age".into(),
            Problem::ReachedTwice { .. } => "reached_twice".into(),
            Problem::OwnOutput => "own_output".into(),
            Problem::RepeatedRowNumber => "repeated_row_number".into(),
            Problem::HiddenFile => "hidden_file".into(),
            Problem::NotAFile => "not_a_file".into(),
            Problem::TooLongForExcel { .. } => "too_long_for_excel".into(),
            Problem::PossibleConcurrent { .. } => "possible_concurrent_posts".into(),
            Problem::PersonRowsDisagree { .. } => "person_rows_disagree".into(),
            Problem::NationalIdsDiffer { .. } => "national_ids_differ".into(),
            Problem::CataloguePositionRepeated { .. } => "catalogue_position_repeated".into(),
            Problem::CourseInProgressNoEnd { .. } => "course_in_progress_no_end".into(),
            Problem::TwoDigitYear { field, .. } => format!("two_digit_year_{}", field.id()),
            Problem::StrayQuote { .. } => "stray_quote".into(),
            Problem::InvalidBytes => "invalid_bytes".into(),
        }
    }
}

/// What the tool did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// The row was set aside: not analysed.
    SetAside,
    /// The value counts as unknown (in the population, never as qualified).
    CountedUnknown,
    /// The value was ignored; the row is analysed.
    Ignored,
    /// The value was kept as given.
    Kept,
    /// The value was read as the tool understood it (see the problem).
    ReadAsShown,
    /// Rows were counted as one person.
    Merged,
    /// A value was inferred from elsewhere (a heading, a title, a name): noted.
    Inferred,
    /// The row is kept with its category unknown: counted among the staff,
    /// in no target's population.
    NoCategory,
    /// The sheet was converted.
    Converted,
    /// The sheet was skipped.
    Skipped,
    /// The posting is not placed in a catalogued position.
    NotPlaced,
    /// The row is counted as non-staff and not analysed.
    NotAnalysed,
    /// Rows counted as different people; the officer confirms whether they are one.
    ToConfirm,
    /// A catalogue row not read (below the signature): fix the file.
    NotRead,
}

impl Action {
    /// Whether the unit that sent the file must do something: a row or a
    /// value the figures could not use, a person not placed, two rows to
    /// confirm. Everything else is a note of what the tool read or inferred.
    #[must_use]
    pub fn needs_action(self) -> bool {
        matches!(
            self,
            Action::SetAside
                | Action::CountedUnknown
                | Action::Ignored
                | Action::NoCategory
                | Action::NotPlaced
                | Action::ToConfirm
                | Action::NotRead
        )
    }

    /// Info-level actions are not problems with the data, only notes.
    #[must_use]
    pub fn is_note(self) -> bool {
        matches!(
            self,
            Action::Merged
                | Action::Converted
                | Action::Skipped
                | Action::NotAnalysed
                | Action::ToConfirm
                | Action::Inferred
        )
    }
}

/// One data issue, pointing at a cell.
#[derive(Debug, Clone)]
pub struct DataIssue {
    /// File path.
    pub file: Arc<str>,
    /// Sheet name.
    pub sheet: Arc<str>,
    /// Row as Excel shows it (`None` for a whole sheet).
    pub row: Option<u32>,
    /// Column header text.
    pub column: String,
    /// The raw value.
    pub value: String,
    /// What is wrong.
    pub problem: Problem,
    /// What was done.
    pub action: Action,
}

impl DataIssue {
    /// An issue about a whole sheet (or file, with an empty sheet name):
    /// no row, no column.
    #[must_use]
    pub fn sheet(
        file: Arc<str>,
        sheet: Arc<str>,
        value: String,
        problem: Problem,
        action: Action,
    ) -> Self {
        DataIssue {
            file,
            sheet,
            row: None,
            column: String::new(),
            value,
            problem,
            action,
        }
    }
}
