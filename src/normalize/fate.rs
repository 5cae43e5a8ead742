//! Where each row below a sheet's header goes: a staff record, set aside,
//! or listed as not staff (a heading setting the unit or category below it).

#[allow(clippy::wildcard_imports)]
use super::*;

/// Where a row below the header goes.
#[allow(clippy::large_enum_variant)] // a record moves straight into the table: no box per row
pub(super) enum Fate {
    /// Analysed: a staff record.
    Staff(StaffRecord),
    /// Set aside, its reason in the data issues.
    SetAside,
    /// Not staff (blank, totals, heading, footer), listed in the data issues
    /// unless blank.
    NotStaff(RowKind),
}

/// A sheet's rows as they are read, top to bottom, with what the headings
/// above the current row say.
pub(super) struct SheetRows<'a> {
    pub(super) sheet: &'a RawSheet,
    pub(super) index: u32,
    pub(super) cols: &'a Columns,
    pub(super) opts: &'a Options<'a>,
    pub(super) file: &'a Arc<str>,
    pub(super) name: &'a Arc<str>,
    pub(super) headings: HashMap<usize, Heading>,
    pub(super) sheet_unit: Option<context::SheetUnit>,
    pub(super) heading_unit: Option<Arc<str>>,
    pub(super) heading_category: Option<CategoryCell>,
    pub(super) sheet_unit_noted: bool,
}

impl SheetRows<'_> {
    /// The one place that decides where a row goes.
    pub(super) fn fate(
        &mut self,
        r: usize,
        kind: RowKind,
        tables: &mut Tables,
        issues: &mut Vec<DataIssue>,
    ) -> Fate {
        let (sheet, cols) = (self.sheet, self.cols);
        let mut row_issues = RowIssues {
            file: self.file,
            sheet: self.name,
            row: sheet.excel_rows[r],
            out: issues,
            set_aside: false,
        };
        match kind {
            RowKind::Staff => {
                if !self.sheet_unit_noted
                    && cols.unit.is_none()
                    && self.heading_unit.is_none()
                    && let Some(u) = &self.sheet_unit
                {
                    self.sheet_unit_noted = true;
                    row_issues.push(
                        "",
                        u.name.clone(),
                        Problem::UnitFrom(u.source),
                        Action::Inferred,
                    );
                }
                let source = Source {
                    sheet: self.index,
                    row: sheet.excel_rows[r],
                };
                let around = Around {
                    heading_unit: self.heading_unit.as_ref(),
                    sheet_unit: self.sheet_unit.as_ref(),
                    heading_category: self.heading_category,
                    titles: self.opts.titles,
                };
                let rec = read_row(
                    sheet,
                    r,
                    cols,
                    &around,
                    tables,
                    &mut row_issues,
                    source,
                    self.opts.as_of,
                );
                match rec {
                    Some(rec) if !row_issues.set_aside => Fate::Staff(rec),
                    _ => Fate::SetAside,
                }
            }
            RowKind::StaffBelowFooter => {
                let name = opt_text(Some(&cols.name), sheet, r);
                row_issues.push(
                    &cols.name.header,
                    tables.texts.opt(name).unwrap_or_default().to_string(),
                    Problem::BelowFooter,
                    Action::SetAside,
                );
                Fate::SetAside
            }
            RowKind::Blank => Fate::NotStaff(RowKind::Blank),
            other => self.not_staff(r, other, &mut row_issues),
        }
    }

    /// A row that is not staff: listed (so that a row taken for a footer or
    /// heading can be checked); a heading sets the unit or category below it.
    fn not_staff(&mut self, r: usize, kind: RowKind, row_issues: &mut RowIssues<'_>) -> Fate {
        let text = self
            .sheet
            .columns
            .iter()
            .filter_map(|c| c.get(r).map(RawValue::display))
            .collect::<Vec<_>>()
            .join(" | ");
        if let Some(h) = self.headings.get(&r) {
            // A new unit starts its own sections.
            if let Some(u) = &h.unit {
                self.heading_unit = Some(u.clone());
                self.heading_category = None;
            }
            if let Some(c) = h.category {
                self.heading_category = Some(c);
                let problem = Problem::CategoryFromHeading(c.category);
                row_issues.push("", text.clone(), problem, Action::Inferred);
            }
        }
        row_issues.push("", text, Problem::NotStaff(kind), Action::NotAnalysed);
        Fate::NotStaff(kind)
    }
}
