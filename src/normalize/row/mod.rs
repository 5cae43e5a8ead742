//! One staff row: its fields read against the sheet around it.

mod category;
mod fields;

#[allow(clippy::wildcard_imports)]
use super::*;
use category::row_category;
use fields::{
    read_value, row_birth_gender, row_date, row_education, row_national_id, row_scales,
    row_training,
};

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

/// Reads one staff row into a record, noting its problems; `None` (the row
/// set aside) without a name or a unit. Reads the texts and changes nothing
/// shared: the record's unit is not yet looked up (its `commune` says only
/// whether its category cell says commune level), and with family and given
/// names its name is the given name; [`finish_row`] does both, in row order.
#[allow(clippy::too_many_arguments)] // one row, and everything it is read against
pub(super) fn read_row(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    texts: &Texts,
    issues: &mut RowIssues<'_>,
    source: Source,
    as_of: NaiveDate,
) -> Option<StaffRow> {
    let name = row_name(sheet, r, c, issues);
    let unit_name = row_unit_name(sheet, r, c, around, issues);
    let category = row_category(sheet, r, c, around, unit_name, texts, issues);
    let (education, edu_field, studying) = row_education(sheet, r, c, issues);
    let (birth, gender) = row_birth_gender(sheet, r, c, issues, as_of);

    let national_id = row_national_id(sheet, r, c, texts, issues);

    let gov_level = read_value(c.gov_level.as_ref(), sheet, r, Field::GovLevel, issues);
    let (political_theory, state_management) = row_scales(sheet, r, c, issues);
    let (training_level, training_end) = row_training(sheet, r, c, issues, education, studying);
    let (hire_date, retirement_date) = row_service_dates(sheet, r, c, issues);
    let professional_level = read_value(
        c.professional_level.as_ref(),
        sheet,
        r,
        Field::ProfessionalLevel,
        issues,
    );
    let party_member = row_party_member(sheet, r, c);
    let field_of_study = opt_text(c.field_of_study.as_ref(), sheet, r).or(edu_field);

    unit_name?;
    let name = name?;
    Some(StaffRow {
        source,
        person: 0,
        name,
        staff_id: opt_text(c.staff_id.as_ref(), sheet, r),
        national_id,
        birth,
        gender,
        ethnicity: opt_text(c.ethnicity.as_ref(), sheet, r),
        party_member,
        unit: 0,
        category: category.category,
        commune: category.commune,
        gov_level,
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

/// What [`finish_row`] reads of a row and completes: its name, category,
/// commune flag and level as read, and (once finished) its unit.
#[derive(Clone, Copy)]
pub(super) struct Finish {
    pub(super) name: Text,
    pub(super) category: Category,
    pub(super) commune: bool,
    pub(super) gov_level: Option<GovLevel>,
    pub(super) unit: u32,
}

impl Finish {
    /// Posting `k`'s fields in `staff`.
    pub(super) fn of(staff: &Staff, k: usize) -> Self {
        Self {
            name: staff.name[k],
            category: staff.category[k],
            commune: staff.commune[k],
            gov_level: staff.gov_level[k],
            unit: staff.unit[k],
        }
    }

    /// Stores the fields in posting `k` of `staff`.
    pub(super) fn store(self, staff: &mut Staff, k: usize) {
        staff.name[k] = self.name;
        staff.commune[k] = self.commune;
        staff.gov_level[k] = self.gov_level;
        staff.unit[k] = self.unit;
    }
}

/// Finishes a row [`read_row`] read from row `r`, in row order: a name
/// joined from family and given names stored, the unit found or added, the
/// level the unit gives when the row gives none.
pub(super) fn finish_row(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    rec: &mut Finish,
    out: &mut Tables,
) {
    if let Some(family) = c.family_name.as_ref().and_then(|f| f.get(sheet, r)) {
        let t = &out.texts;
        let joined = format!("{} {}", t.get(*family), t.get(rec.name));
        rec.name = out.texts.add(&joined);
    }
    let category = CategoryCell {
        category: rec.category,
        commune: rec.commune,
    };
    let unit = row_unit(sheet, r, c, around, rec.gov_level, &mut out.units);
    let gov_level = rec.gov_level.or(out.units.units[unit as usize].gov_level);
    rec.unit = unit;
    rec.commune = is_commune(category, gov_level);
    rec.gov_level = gov_level.or(rec.commune.then_some(GovLevel::Commune));
}

/// Hire and retirement dates.
fn row_service_dates(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    issues: &mut RowIssues<'_>,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let hire_date = row_date(c.hire.as_ref(), sheet, r, Field::HireDate, issues);
    let retirement_date = row_date(
        c.retirement.as_ref(),
        sheet,
        r,
        Field::RetirementDate,
        issues,
    );
    (hire_date, retirement_date)
}

/// Party membership, from its column; a blank cell in a column of marks
/// is "no", elsewhere unknown.
fn row_party_member(sheet: &RawSheet, r: usize, c: &Columns) -> Option<bool> {
    let p = c.party.as_ref()?;
    match p.get(sheet, r) {
        Some(v) => *v,
        None => c.party_marks.then_some(false),
    }
}

/// Whether a row of this category, at this level, is a commune post.
fn is_commune(category: CategoryCell, gov_level: Option<GovLevel>) -> bool {
    match category.category {
        Category::CanBo | Category::CongChuc => {
            category.commune || gov_level == Some(GovLevel::Commune)
        }
        Category::KhongChuyenTrach => true,
        Category::VienChuc | Category::HopDong => false,
        Category::Unknown => gov_level == Some(GovLevel::Commune),
    }
}

/// The row's unit in the registry: named by its cell (or the heading or
/// title above), its code and parent cells, at its level. With a unit
/// column, the unit, code and parent cells' value ids say which unit a row
/// is in (the parent then comes from its cell or nowhere). Names are
/// borrowed, not cloned: three `Arc` clones per row were 0.15 s of the
/// 2.5 M-row bench roster's cleaning.
fn row_unit(
    sheet: &RawSheet,
    r: usize,
    c: &Columns,
    around: &Around<'_>,
    level: Option<GovLevel>,
    units: &mut UnitRegistry,
) -> u32 {
    let id_at =
        |p: Option<&Parsed<Arc<str>>>| p.and_then(|p| sheet.columns.get(p.col)?.id(r)).unwrap_or(0);
    let cells = c.unit.as_ref().map(|u| {
        (
            id_at(Some(u)),
            id_at(c.unit_code.as_ref()),
            id_at(c.parent.as_ref()),
        )
    });
    // The unit's name, code and parent are read again (`read_row` found
    // them) only for cells not met before in the sheet: on the national
    // roster, a few ten thousand of its 2.5 M rows.
    units.intern_cached(cells, level, || {
        let name = unit_name(sheet, r, c, around);
        let code = c
            .unit_code
            .as_ref()
            .and_then(|p| p.get(sheet, r))
            .map(|a| &**a);
        (
            name.unwrap_or_default(),
            code,
            row_parent(sheet, r, c, around),
        )
    })
}

/// The full name, or the given name when the name is split (joined with
/// the family name once the row is finished); missing sets the row aside.
fn row_name(sheet: &RawSheet, r: usize, c: &Columns, issues: &mut RowIssues<'_>) -> Option<Text> {
    let name = c.name.get(sheet, r).copied();
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

/// The unit's name: its cell, else the heading above, else the sheet's unit.
fn unit_name<'a>(
    sheet: &RawSheet,
    r: usize,
    c: &'a Columns,
    around: &Around<'a>,
) -> Option<&'a str> {
    match &c.unit {
        Some(u) => u.get(sheet, r).map(|a| &**a),
        None => around
            .heading_unit
            .map(|a| &**a)
            .or_else(|| around.sheet_unit.map(|u| u.name.as_str())),
    }
}

/// [`unit_name`]; missing sets the row aside.
fn row_unit_name<'a>(
    sheet: &RawSheet,
    r: usize,
    c: &'a Columns,
    around: &Around<'a>,
    issues: &mut RowIssues<'_>,
) -> Option<&'a str> {
    let unit_name = unit_name(sheet, r, c, around);
    let unit_header = c
        .unit
        .as_ref()
        .map_or(Field::Unit.aliases()[0], |u| u.header.as_str());
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

/// The parent unit: its cell, else what the sheet's title block gives.
fn row_parent<'a>(
    sheet: &RawSheet,
    r: usize,
    c: &'a Columns,
    around: &Around<'a>,
) -> Option<&'a str> {
    let cell = c.parent.as_ref().and_then(|p| p.get(sheet, r));
    cell.map(|a| &**a).or_else(|| {
        if c.unit.is_some() {
            return None;
        }
        let su = around.sheet_unit?;
        if around.heading_unit.is_some() {
            // A district's list: the units its headings name are under it.
            match level_from_unit_name(&su.name) {
                Some(GovLevel::District | GovLevel::Province) => Some(su.name.as_str()),
                _ => su.parent.as_deref(),
            }
        } else {
            su.parent.as_deref()
        }
    })
}
