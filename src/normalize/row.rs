//! One staff row: its fields read against the sheet around it.

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

/// What a section heading says of the rows below it.
pub(super) struct Heading {
    pub(super) unit: Option<Arc<str>>,
    pub(super) category: Option<CategoryCell>,
}

/// What a row is read against besides its own cells.
pub(super) struct Around<'a> {
    /// The unit the last unit heading above the row names.
    pub(super) heading_unit: Option<&'a Arc<str>>,
    /// The sheet's unit (title block, sheet or file name).
    pub(super) sheet_unit: Option<&'a context::SheetUnit>,
    /// The category the last category heading above the row gives.
    pub(super) heading_category: Option<CategoryCell>,
    pub(super) titles: &'a CommuneTitles,
}

/// A row's category: its category cell; else the section heading above it;
/// else the commune title it holds (noted); else unknown, the row kept.
pub(super) fn row_category(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    unit: Option<&str>,
    texts: &Texts,
    issues: &mut RowIssues<'_>,
) -> CategoryCell {
    let cell = c.category.as_ref().map(|p| (p, p.get(sheet, r)));
    if let Some((_, Some(Some(cat)))) = cell {
        return *cat;
    }
    // An unreadable cell is noted once: ignored when a heading or title
    // says the category, else the category is unknown.
    let unreadable = |issues: &mut RowIssues<'_>, action| {
        if let Some((p, Some(None))) = cell {
            issues.push(
                &p.header,
                raw_display(sheet, p.col, r),
                Problem::Unreadable(Field::Category),
                action,
            );
            true
        } else {
            false
        }
    };
    if let Some(cat) = around.heading_category {
        // With a category column, the row says where its category came from.
        if !unreadable(issues, Action::Ignored)
            && let Some((p, _)) = cell
        {
            issues.push(
                &p.header,
                String::new(),
                Problem::CategoryFromHeading(cat.category),
                Action::Inferred,
            );
        }
        return cat;
    }
    // Commune titles name commune posts: not for a unit of another level,
    // nor for a school, health station, centre or office ("Kế toán" there
    // is a viên chức or công chức of that unit, not of the commune).
    let level = unit.and_then(level_from_unit_name);
    let service_unit = unit.is_some_and(|u| {
        let f = fold(u);
        [
            "truong ",
            "tram ",
            "benh vien",
            "trung tam",
            "phong ",
            "so ",
            "chi cuc",
        ]
        .iter()
        .any(|k| f.starts_with(k))
    });
    let title = c
        .title
        .as_ref()
        .or(c.position.as_ref())
        .and_then(|p| p.get(sheet, r).map(|t| (p, texts.get(*t))));
    if let Some((p, t)) = title
        && level.is_none_or(|l| l == GovLevel::Commune)
        && !service_unit
        && let Some(cat) = around.titles.category_of(t)
    {
        unreadable(issues, Action::Ignored);
        issues.push(
            &p.header,
            t.to_string(),
            Problem::CategoryFromTitle(cat),
            Action::Inferred,
        );
        return CategoryCell {
            category: cat,
            commune: true,
        };
    }
    // Nothing says it: the category cell is named (or, without one, the
    // title the list does not know).
    if !unreadable(issues, Action::NoCategory) {
        let (header, value) = match (&c.category, title) {
            (Some(p), _) => (p.header.as_str(), String::new()),
            (None, Some((p, t))) => (p.header.as_str(), t.to_string()),
            (None, None) => (Field::Category.aliases()[0], String::new()),
        };
        issues.push(
            header,
            value,
            Problem::Missing(Field::Category),
            Action::NoCategory,
        );
    }
    CategoryCell {
        category: Category::Unknown,
        commune: false,
    }
}

#[allow(clippy::too_many_arguments)] // one row, and everything it is read against
pub(super) fn read_row(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    out: &mut Tables,
    issues: &mut RowIssues<'_>,
    source: Source,
    as_of: NaiveDate,
) -> Option<StaffRecord> {
    let name = row_name(sheet, r, c, &mut out.texts, issues);
    let unit_name = row_unit_name(sheet, r, c, around, issues);
    let category = row_category(
        sheet,
        r,
        c,
        around,
        unit_name.as_deref(),
        &out.texts,
        issues,
    );
    let (education, edu_field, studying) = row_education(sheet, r, c, issues);
    let (birth, gender) = row_birth_gender(sheet, r, c, issues, as_of);

    let national_id = row_national_id(sheet, r, c, &out.texts, issues);

    let gov_level = read_value(c.gov_level.as_ref(), sheet, r, Field::GovLevel, issues);
    let (political_theory, state_management) = row_scales(sheet, r, c, issues);
    let (training_level, training_end) = row_training(sheet, r, c, issues, education, studying);
    let hire_date = row_date(c.hire.as_ref(), sheet, r, Field::HireDate, issues);
    let retirement_date = row_date(
        c.retirement.as_ref(),
        sheet,
        r,
        Field::RetirementDate,
        issues,
    );
    let professional_level = read_value(
        c.professional_level.as_ref(),
        sheet,
        r,
        Field::ProfessionalLevel,
        issues,
    );
    let party_member = c
        .party
        .as_ref()
        .and_then(|p| p.get(sheet, r))
        .copied()
        .flatten();

    let column_field = opt_text(c.field_of_study.as_ref(), sheet, r);
    let field_of_study = column_field.or_else(|| edu_field.map(|f| out.texts.add(&f)));

    let (name, unit_name) = (name?, unit_name?);
    let unit = row_unit(sheet, r, c, around, &unit_name, gov_level, &mut out.units);
    let gov_level = gov_level.or(out.units.units[unit as usize].gov_level);
    let commune = match category.category {
        Category::CanBo | Category::CongChuc => {
            category.commune || gov_level == Some(GovLevel::Commune)
        }
        Category::KhongChuyenTrach => true,
        Category::VienChuc | Category::HopDong => false,
        Category::Unknown => gov_level == Some(GovLevel::Commune),
    };
    Some(StaffRecord {
        source,
        person: 0,
        name,
        staff_id: opt_text(c.staff_id.as_ref(), sheet, r),
        national_id,
        birth,
        gender,
        ethnicity: opt_text(c.ethnicity.as_ref(), sheet, r),
        party_member,
        unit,
        category: category.category,
        commune,
        gov_level: gov_level.or(if commune {
            Some(GovLevel::Commune)
        } else {
            None
        }),
        title: opt_text(c.title.as_ref(), sheet, r),
        position: opt_text(c.position.as_ref(), sheet, r),
        position_code: opt_text(c.position_code.as_ref(), sheet, r),
        grade: opt_text(c.grade.as_ref(), sheet, r),
        grade_code: opt_text(c.grade_code.as_ref(), sheet, r),
        education,
        field_of_study,
        political_theory,
        state_management,
        it_skill: opt_text(c.it.as_ref(), sheet, r),
        foreign_language: opt_text(c.language.as_ref(), sheet, r),
        hire_date,
        training_level,
        training_end,
        retirement_date,
        professional_level,
    })
}

/// The row's unit in the registry: named by its cell (or the heading or
/// title above), its code and parent cells, at its level. With a unit
/// column, the unit, code and parent cells' value ids say which unit a row
/// is in (the parent then comes from its cell or nowhere).
fn row_unit(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    name: &str,
    level: Option<GovLevel>,
    units: &mut UnitRegistry,
) -> u32 {
    let code = opt_arc(c.unit_code.as_ref(), sheet, r);
    let parent = row_parent(sheet, r, c, around);
    let id_at =
        |p: Option<&Parsed<Arc<str>>>| p.and_then(|p| sheet.columns.get(p.col)?.id(r)).unwrap_or(0);
    let cells = c.unit.as_ref().map(|u| {
        (
            id_at(Some(u)),
            id_at(c.unit_code.as_ref()),
            id_at(c.parent.as_ref()),
        )
    });
    units.intern_cached(cells, name, code.as_deref(), parent.as_deref(), level)
}

/// The full name, or family and given names joined; missing sets the row aside.
fn row_name(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    texts: &mut Texts,
    issues: &mut RowIssues<'_>,
) -> Option<Text> {
    let name = match (&c.family_name, c.name.get(sheet, r)) {
        (Some(f), Some(given)) => match f.get(sheet, r) {
            Some(family) => {
                let joined = format!("{} {}", texts.get(*family), texts.get(*given));
                Some(texts.add(&joined))
            }
            None => Some(*given),
        },
        (_, given) => given.copied(),
    };
    if name.is_none() {
        issues.push(
            &c.name.header,
            String::new(),
            Problem::Missing(Field::FullName),
            Action::SetAside,
        );
    }
    name
}

/// The unit: its cell, else the heading above, else the sheet's unit.
fn row_unit_name(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    issues: &mut RowIssues<'_>,
) -> Option<Arc<str>> {
    let (unit_name, unit_header) = match &c.unit {
        Some(u) => (u.get(sheet, r).cloned(), u.header.as_str()),
        None => (
            around
                .heading_unit
                .cloned()
                .or_else(|| around.sheet_unit.map(|u| Arc::from(u.name.as_str()))),
            Field::Unit.aliases()[0],
        ),
    };
    if unit_name.is_none() {
        issues.push(
            unit_header,
            String::new(),
            Problem::Missing(Field::Unit),
            Action::SetAside,
        );
    }
    unit_name
}

/// Education held, its field, and a course in progress.
fn row_education(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
) -> (Option<Education>, Option<String>, Option<Education>) {
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
fn row_birth_gender(
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
fn row_national_id(
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
fn row_scales(
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
fn row_training(
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

/// The parent unit: its cell, else what the sheet's title block gives.
fn row_parent(sheet: &RawSheet, r: usize, c: &Columns, around: &Around<'_>) -> Option<Arc<str>> {
    opt_arc(c.parent.as_ref(), sheet, r).or_else(|| {
        if c.unit.is_some() {
            return None;
        }
        let su = around.sheet_unit?;
        if around.heading_unit.is_some() {
            // A district's list: the units its headings name are under it.
            match level_from_unit_name(&su.name) {
                Some(GovLevel::District | GovLevel::Province) => Some(Arc::from(su.name.as_str())),
                _ => su.parent.as_deref().map(Arc::from),
            }
        } else {
            su.parent.as_deref().map(Arc::from)
        }
    })
}

/// Reads a professional-education cell: level, field and the level of a
/// course in progress, or unknown with an issue.
pub(super) fn read_education_cell(
    e: &Parsed<EducationRead>,
    sheet: &RawSheet,
    r: usize,
    issues: &mut RowIssues<'_>,
) -> (Option<Education>, Option<String>, Option<Education>) {
    let (level, field) = match e.get(sheet, r) {
        // The issue is the caller's: it depends on the training-end column.
        Some(EducationRead::InProgress(p)) => {
            return (
                p.attained.as_ref().map(|a| a.level),
                p.attained.as_ref().and_then(|a| a.field.clone()),
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
            (None, None)
        }
        Some(EducationRead::Ok(e)) => (Some(e.level), e.field.clone()),
        Some(EducationRead::GeneralOnly) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::GeneralEducationOnly,
                Action::CountedUnknown,
            );
            (None, None)
        }
        Some(EducationRead::Unreadable) => {
            let v = raw_display(sheet, e.col, r);
            issues.push(
                &e.header,
                v,
                Problem::Unreadable(Field::Education),
                Action::CountedUnknown,
            );
            (None, None)
        }
    };
    (level, field, None)
}

/// Political theory and state management: an empty cell means none held; an
/// unreadable one is unknown. Without the column, unknown.
/// An optional column's value; an unreadable one is noted and ignored.
fn read_value<T: Copy>(
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
