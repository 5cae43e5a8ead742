//! One sheet: its layout and columns, what it says of all its rows (section
//! headings, its unit), the problems found reading it, and its rows sent
//! where they go.

#[allow(clippy::wildcard_imports)]
use super::*;

use super::fate::SheetRows;

/// Notes every text too long for an Excel cell: the report cuts it.
fn overlong_cells(
    sheet: &crate::ingest::RawSheet,
    layout: &layout::Layout,
    file: &Arc<str>,
    name: &Arc<str>,
    issues: &mut Vec<DataIssue>,
) {
    for (r, c, chars) in sheet.overlong_cells() {
        let column = Some(layout.header_of(c))
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| crate::text::column_letter(c));
        let text = sheet.cell_text(r, c);
        issues.push(DataIssue {
            file: file.clone(),
            sheet: name.clone(),
            row: Some(sheet.excel_rows[r]),
            column,
            value: text.chars().take(200).chain(['…']).collect(),
            problem: Problem::TooLongForExcel { chars },
            action: Action::Kept,
        });
    }
}

/// Reads one sheet: its layout, columns and context, then every row below
/// the header to where it goes. Returns the sheet's account.
pub(super) fn read_sheet(
    raw: &RawInput,
    sheet: &RawSheet,
    index: u32,
    opts: &Options<'_>,
    out: Out<'_>,
) -> Result<SheetReport> {
    let file_name: Arc<str> = crate::output::shown_path(&raw.files[sheet.file].path).into();
    let name: Arc<str> = sheet.name.as_str().into();
    let mut report = SheetReport {
        file: sheet.file,
        file_name: file_name.clone(),
        name: name.clone(),
        name_header: String::new(),
        private: Vec::new(),
        status: SheetStatus::Skipped,
        encoding: sheet.encoding,
        rows: RowCounts::default(),
    };
    let issues = out.issues;
    let Some((layout, cols, kinds)) =
        layout_and_columns(raw, sheet, opts, &mut out.tables.texts, issues)?
    else {
        return Ok(report);
    };
    report.name_header.clone_from(&cols.name.header);
    report.private = [(Some(&cols.name), Private::Name)]
        .into_iter()
        .chain([(cols.family_name.as_ref(), Private::Name)])
        .filter_map(|(c, p)| Some((c?.header.clone(), p)))
        .chain(
            cols.national_id
                .iter()
                .map(|c| (c.header.clone(), Private::Id)),
        )
        .collect();
    report.status = SheetStatus::Read {
        header_row: sheet.excel_rows[layout.header_row],
        header_rows: layout.header_rows,
        number_row: layout.number_row.map(|r| sheet.excel_rows[r]),
        ignored_columns: layout.unrecognised.clone(),
    };
    overlong_cells(sheet, &layout, &file_name, &name, issues);
    out.tables.units.new_sheet();
    let (headings, sheet_unit) = sheet_context(
        raw, sheet, &layout, &cols, &kinds, opts, &file_name, &name, issues,
    )?;
    // With unit headings too, the sheet's unit is noted where first used.
    let sheet_unit_noted = sheet_unit.is_none() || !headings.values().any(|h| h.unit.is_some());
    let mut rows = SheetRows {
        sheet,
        index,
        cols: &cols,
        opts,
        file: &file_name,
        name: &name,
        headings,
        sheet_unit,
        heading_unit: None,
        heading_category: None,
        sheet_unit_noted,
    };
    let out = Out { issues, ..out };
    rows.fates(
        (layout.body_start, kinds),
        opts.parallel,
        out,
        &mut report.rows,
    );
    Ok(report)
}

/// A sheet's layout, parsed columns and the kinds of its rows (`None`,
/// noted, when it has no roster header); notes its legacy encoding and what
/// reading it found.
fn layout_and_columns(
    raw: &RawInput,
    sheet: &RawSheet,
    opts: &Options<'_>,
    texts: &mut Texts,
    issues: &mut Vec<DataIssue>,
) -> Result<Option<(Layout, Columns, Vec<RowKind>)>> {
    let file_name: Arc<str> = crate::output::shown_path(&raw.files[sheet.file].path).into();
    let name: Arc<str> = sheet.name.as_str().into();
    if sheet.encoding != Encoding::Unicode {
        issues.push(DataIssue::sheet(
            file_name.clone(),
            name.clone(),
            String::new(),
            Problem::Converted(sheet.encoding),
            Action::Converted,
        ));
    }
    let layout = layout::detect(sheet, opts.matcher);
    issues.extend(ingest_issues(sheet, layout.as_ref(), &file_name, &name));
    let Some(layout) = layout else {
        issues.push(DataIssue::sheet(
            file_name,
            name,
            String::new(),
            Problem::NoHeader,
            Action::Skipped,
        ));
        return Ok(None);
    };
    // The rows are classified on one core while the columns' distinct
    // values are parsed on the other: both read the sheet only (on the
    // national roster, about 0.1 s and 0.15 s that ran one after the other).
    let (cols, kinds) = rayon::join(
        || Columns::new(sheet, &layout, opts.as_of, texts),
        || layout::classify(sheet, &layout),
    );
    let Some(cols) = cols else {
        // No name column, or no education (column or marker columns).
        let field = if layout.has(Field::FullName) || layout.has(Field::GivenName) {
            Field::Education
        } else {
            Field::FullName
        };
        return Err(missing_column(raw, sheet, &layout, opts.matcher, field));
    };
    Ok(Some((layout, cols, kinds)))
}

/// What a sheet says of all its rows: its section headings, and without a
/// unit column its own unit (noted); an error when nothing gives the unit,
/// or nothing can give the category.
#[allow(clippy::too_many_arguments)] // one sheet, and where its notes go
fn sheet_context(
    raw: &RawInput,
    sheet: &RawSheet,
    layout: &Layout,
    cols: &Columns,
    kinds: &[RowKind],
    opts: &Options<'_>,
    file_name: &Arc<str>,
    name: &Arc<str>,
    issues: &mut Vec<DataIssue>,
) -> Result<(HashMap<usize, Heading>, Option<context::SheetUnit>)> {
    let headings = section_headings(sheet, layout, kinds);
    // Without a unit column: section headings, else the title block, the
    // sheet name or the file name give the unit; without any, the error
    // says what was looked at.
    let sheet_unit = if cols.unit.is_none() {
        let unit_headings = headings.values().any(|h| h.unit.is_some());
        let path = &raw.files[sheet.file].path;
        let text_file = raw.files[sheet.file].text_encoding.is_some();
        let (found, looked) = context::sheet_unit(sheet, layout, path, text_file);
        if unit_headings {
            issues.push(DataIssue::sheet(
                file_name.clone(),
                name.clone(),
                String::new(),
                Problem::UnitFromHeadings,
                Action::ReadAsShown,
            ));
        } else if found.is_none() {
            return Err(Error::NoUnit {
                path: path.clone(),
                sheet: sheet.name.clone(),
                row: sheet.excel_rows[layout.header_row],
                looked: looked.join("; "),
            });
        }
        if let Some(u) = found.as_ref().filter(|_| !unit_headings) {
            issues.push(DataIssue::sheet(
                file_name.clone(),
                name.clone(),
                // The unit, then the body above it, as an address is written.
                match &u.parent {
                    Some(p) => format!("{}, {p}", u.name),
                    None => u.name.clone(),
                },
                Problem::UnitFrom(u.source),
                Action::Inferred,
            ));
        }
        found
    } else {
        None
    };
    // Without a category column, headings or the title held must say it.
    if cols.category.is_none()
        && cols.title.is_none()
        && cols.position.is_none()
        && !headings.values().any(|h| h.category.is_some())
    {
        return Err(missing_column(
            raw,
            sheet,
            layout,
            opts.matcher,
            Field::Category,
        ));
    }
    Ok((headings, sheet_unit))
}

/// A section heading's text: its first text cell other than the row number
/// (or the row-number cell itself when the heading is typed there), without
/// a leading enumeration ("I.", "2)", "a -").
fn heading_text(sheet: &RawSheet, r: usize, stt_col: Option<usize>) -> Option<String> {
    let text_at = |c: usize| {
        sheet
            .cell(r, c)
            .and_then(RawValue::as_text)
            .map(str::to_string)
    };
    let text = (0..sheet.columns.len())
        .filter(|c| Some(*c) != stt_col)
        .find_map(text_at)
        .or_else(|| stt_col.and_then(text_at))?;
    let trimmed = crate::text::without_section_label(&text);
    Some(trimmed.trim().to_string()).filter(|t| !t.is_empty())
}

/// Section headings name a unit ("I | UBND xã A") or a category
/// ("II. CÔNG CHỨC") for the rows below them: by grid row.
fn section_headings(
    sheet: &RawSheet,
    layout: &Layout,
    kinds: &[RowKind],
) -> HashMap<usize, Heading> {
    let stt_col = layout.column(Field::RowNumber);
    kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| **k == RowKind::Heading)
        .filter_map(|(i, _)| {
            let r = layout.body_start + i;
            let text = heading_text(sheet, r, stt_col)?;
            let (unit, category) = context::heading(&text);
            Some((
                r,
                Heading {
                    unit: unit.map(Arc::from),
                    category,
                },
            ))
        })
        .collect()
}

/// The problems found while reading a sheet (stray quotes, invalid bytes),
/// as data issues. A problem not in one cell names the row's full-name cell
/// (or its first non-empty cell). Columns are named by their header, or by
/// their letter where there is none.
fn ingest_issues(
    sheet: &RawSheet,
    layout: Option<&Layout>,
    file: &Arc<str>,
    name: &Arc<str>,
) -> Vec<DataIssue> {
    sheet
        .notes
        .iter()
        .map(|n| {
            let col = n.col.unwrap_or_else(|| {
                layout
                    .and_then(|l| l.column(Field::FullName))
                    .filter(|&c| sheet.cell(n.row, c).is_some())
                    .or_else(|| (0..sheet.columns.len()).find(|&c| sheet.cell(n.row, c).is_some()))
                    .unwrap_or(0)
            });
            let column = layout
                .map(|l| l.header_of(col))
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| crate::text::column_letter(col));
            let action = match n.problem {
                Problem::InvalidBytes => Action::Kept,
                _ => Action::ReadAsShown,
            };
            DataIssue {
                file: file.clone(),
                sheet: name.clone(),
                row: sheet.excel_rows.get(n.row).copied(),
                column,
                value: sheet.cell_text(n.row, col),
                problem: n.problem.clone(),
                action,
            }
        })
        .collect()
}

fn missing_column(
    raw: &RawInput,
    sheet: &RawSheet,
    layout: &Layout,
    m: &HeaderMatcher,
    field: Field,
) -> Error {
    Error::MissingColumn {
        path: raw.files[sheet.file].path.clone(),
        sheet: sheet.name.clone(),
        row: sheet.excel_rows[layout.header_row],
        field: field.id(),
        found: layout
            .headers
            .iter()
            .map(|(_, h)| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", "),
        accepted: {
            let mut names = m
                .accepted(field)
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ");
            if field == Field::Category {
                names.push_str(
                    ";\n  or section headings naming the category (\"I. CÁN BỘ\", \"II. CÔNG CHỨC\") or a title column (Chức vụ) for commune titles",
                );
            }
            names
        },
    }
}
