//! One field of a staff row at a time: dates, education, birth and gender,
//! the national id, the political and state-management scales, training.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Reads a date column, reporting precision and plausibility problems.
pub(super) fn row_date(
    p: Option<&Parsed<Option<DateRead>>>,
    sheet: &RawSheet,
    r: usize,
    field: Field,
    issues: &mut RowIssues<'_>,
) -> Option<PartialDate> {
    let p = p?;
    let read = p.get(sheet, r)?;
    let value = || raw_display(sheet, p.col, r);
    match read {
        None => {
            issues.push(
                &p.header,
                value(),
                Problem::Unreadable(field),
                Action::CountedUnknown,
            );
            None
        }
        Some(DateRead::Swapped(d)) => {
            issues.push(
                &p.header,
                value(),
                Problem::MonthDaySwapped(field),
                Action::ReadAsShown,
            );
            Some(*d)
        }
        Some(DateRead::TwoDigitYear(d)) => {
            issues.push(
                &p.header,
                value(),
                Problem::TwoDigitYear {
                    field,
                    year: d.date.year(),
                },
                Action::ReadAsShown,
            );
            Some(*d)
        }
        Some(DateRead::Ok(d)) => {
            match d.precision {
                Precision::Year => {
                    issues.push(&p.header, value(), Problem::YearOnly(field), Action::Kept)
                }
                Precision::Month => {
                    issues.push(&p.header, value(), Problem::MonthOnly(field), Action::Kept)
                }
                Precision::Day => {}
            }
            Some(*d)
        }
    }
}

/// Education held, its field, and a course in progress.
pub(super) fn row_education(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
) -> (Option<Education>, Option<Text>, Option<Education>) {
    let (education, edu_field, studying) = if let Some(m) = &c.education_marks {
        let level = m.get(sheet, r);
        if level.is_none() {
            issues.push(
                &m.header,
                String::new(),
                Problem::Missing(Field::Education),
                Action::CountedUnknown,
            );
        }
        (level, None, None)
    } else if let Some(e) = &c.education {
        read_education_cell(e, sheet, r, issues)
    } else {
        (None, None, None)
    };
    (education, edu_field, studying)
}

/// Birth date and gender (from their columns, or from "Nam"/"Nữ" birth
/// columns and marks); an implausible birth date is noted.
pub(super) fn row_birth_gender(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
    as_of: NaiveDate,
) -> (Option<PartialDate>, Option<Gender>) {
    let mut birth = row_date(c.birth.as_ref(), sheet, r, Field::BirthDate, issues);
    let marked_gender = c.gender_marks.as_ref().and_then(|m| m.get(sheet, r));
    let mut gender = read_value(c.gender.as_ref(), sheet, r, Field::Gender, issues);
    gender = gender.or(marked_gender);
    for (p, g, field) in [
        (c.birth_male.as_ref(), Gender::Male, Field::BirthDateMale),
        (
            c.birth_female.as_ref(),
            Gender::Female,
            Field::BirthDateFemale,
        ),
    ] {
        if let Some(d) = row_date(p, sheet, r, field, issues) {
            birth = birth.or(Some(d));
            gender = gender.or(Some(g));
        }
    }
    if let Some(b) = birth {
        let age = dates::years_between(b.date, as_of);
        if b.date > as_of || !AGE_RANGE.contains(&age) {
            let col = c
                .birth
                .as_ref()
                .or(c.birth_male.as_ref())
                .or(c.birth_female.as_ref());
            if let Some(p) = col {
                let action = if b.date > as_of {
                    Action::CountedUnknown
                } else {
                    Action::Kept
                };
                issues.push(
                    &p.header,
                    b.display(),
                    Problem::ImplausibleDate(Field::BirthDate),
                    action,
                );
            }
            if b.date > as_of {
                birth = None;
            }
        }
    }

    (birth, gender)
}

/// The national id (spaces and dots removed when its column was read); an
/// odd length is noted.
pub(super) fn row_national_id(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    texts: &Texts,
    issues: &mut RowIssues<'_>,
) -> Option<Text> {
    let p = c.national_id.as_ref()?;
    let national_id = *p.get(sheet, r)?;
    let id = texts.get(national_id);
    if !(id.chars().all(|ch| ch.is_ascii_digit()) && matches!(id.len(), 9 | 12)) {
        issues.push(
            &p.header,
            id.to_string(),
            Problem::NationalIdLength,
            Action::Kept,
        );
    }
    Some(national_id)
}

/// Political theory and state management (columns or marks).
pub(super) fn row_scales(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
) -> (
    Option<scales::PoliticalTheory>,
    Option<scales::StateManagement>,
) {
    // Marker columns: an unmarked row holds none of the levels.
    let political_theory = match &c.political_marks {
        Some(m) => Some(m.get(sheet, r).unwrap_or(scales::PoliticalTheory::None)),
        None => read_optional_scale(
            c.political.as_ref(),
            sheet,
            r,
            Field::PoliticalTheory,
            issues,
            scales::PoliticalTheory::None,
        ),
    };
    let state_management = match &c.state_marks {
        Some(m) => Some(m.get(sheet, r).unwrap_or(scales::StateManagement::None)),
        None => read_optional_scale(
            c.state_mgmt.as_ref(),
            sheet,
            r,
            Field::StateManagement,
            issues,
            scales::StateManagement::None,
        ),
    };
    (political_theory, state_management)
}

/// Training in progress: its columns, or the course the education cell names.
pub(super) fn row_training(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
    education: Option<Education>,
    studying: Option<Education>,
) -> (Option<Education>, Option<PartialDate>) {
    let training_level = read_value(
        c.training_level.as_ref(),
        sheet,
        r,
        Field::TrainingLevel,
        issues,
    );
    let training_end = row_date(
        c.training_end.as_ref(),
        sheet,
        r,
        Field::TrainingEnd,
        issues,
    );
    // A course in progress written in the education cell is training in
    // progress (unless the training columns say otherwise); without an end
    // date it never counts, and the officer is asked for one.
    let training_level = training_level.or(studying);
    if let (Some(level), Some(e)) = (studying, &c.education) {
        let action = if education.is_none() {
            Action::CountedUnknown
        } else {
            Action::ReadAsShown
        };
        let problem = if training_end.is_none() {
            Some(Problem::CourseInProgressNoEnd { level })
        } else if education.is_none() {
            // The course has an end date, but the level held is not said.
            Some(Problem::Missing(Field::Education))
        } else {
            None
        };
        if let Some(problem) = problem {
            issues.push(&e.header, raw_display(sheet, e.col, r), problem, action);
        }
    }
    (training_level, training_end)
}

/// Reads a professional-education cell: level, field and the level of a
/// course in progress, or unknown with an issue.
pub(super) fn read_education_cell(
    e: &Parsed<(EducationRead, Option<Text>)>,
    sheet: &RawSheet,
    r: usize,
    issues: &mut RowIssues<'_>,
) -> (Option<Education>, Option<Text>, Option<Education>) {
    let (read, field) = match e.get(sheet, r) {
        Some((read, field)) => (Some(read), *field),
        None => (None, None),
    };
    let level = match read {
        // The issue is the caller's: it depends on the training-end column.
        Some(EducationRead::InProgress(p)) => {
            return (
                p.attained.as_ref().map(|a| a.level),
                field,
                Some(p.studying),
            );
        }
        None => {
            issues.push(
                &e.header,
                String::new(),
                Problem::Missing(Field::Education),
                Action::CountedUnknown,
            );
            None
        }
        Some(EducationRead::Ok(e)) => Some(e.level),
        Some(EducationRead::GeneralOnly) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::GeneralEducationOnly,
                Action::CountedUnknown,
            );
            None
        }
        Some(EducationRead::Unreadable) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::Unreadable(Field::Education),
                Action::CountedUnknown,
            );
            None
        }
    };
    (level, field, None)
}

/// An optional column's value; an unreadable one is noted and ignored.
pub(super) fn read_value<T: Copy>(
    p: Option<&Parsed<Option<T>>>,
    sheet: &RawSheet,
    r: usize,
    field: Field,
    issues: &mut RowIssues<'_>,
) -> Option<T> {
    let p = p?;
    let v = p.get(sheet, r).copied();
    if matches!(v, Some(None)) {
        issues.push(
            &p.header,
            raw_display(sheet, p.col, r),
            Problem::Unreadable(field),
            Action::Ignored,
        );
    }
    v.flatten()
}

/// Political theory and state management: an empty cell means none held; an
/// unreadable one is unknown. Without the column, unknown.
pub(super) fn read_optional_scale<T: Copy>(
    p: Option<&Parsed<Option<T>>>,
    sheet: &RawSheet,
    r: usize,
    field: Field,
    issues: &mut RowIssues<'_>,
    none: T,
) -> Option<T> {
    let p = p?;
    match p.get(sheet, r) {
        None => Some(none),
        Some(Some(v)) => Some(*v),
        Some(None) => {
            issues.push(
                &p.header,
                raw_display(sheet, p.col, r),
                Problem::Unreadable(field),
                Action::CountedUnknown,
            );
            None
        }
    }
}
