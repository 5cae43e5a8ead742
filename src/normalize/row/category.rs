//! A staff row's category: its cell, the section heading above it, or the
//! commune title it holds.

#[allow(clippy::wildcard_imports)]
use super::*;

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
    // nor for a service unit.
    let level = unit.and_then(level_from_unit_name);
    let service_unit = is_service_unit(unit);
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
        note_no_category(c, title, issues);
    }
    CategoryCell {
        category: Category::Unknown,
        commune: false,
    }
}

/// A school, health station, centre or office: "Kế toán" there is a viên
/// chức or công chức of that unit, not of the commune.
fn is_service_unit(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| {
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
    })
}

/// Notes a row whose category nothing says: its category cell is named (or,
/// without one, the title the list does not know).
fn note_no_category(c: &Columns, title: Option<(&Parsed<Text>, &str)>, issues: &mut RowIssues<'_>) {
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
