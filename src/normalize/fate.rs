//! Where each row below a sheet's header goes: a staff record, set aside,
//! or listed as not staff (a heading setting the unit or category below it).

#[allow(clippy::wildcard_imports)]
use super::*;

/// Where a row below the header goes.
pub(super) enum Fate {
    /// Analysed: a posting, stored in the table.
    Staff,
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

/// A row read on its own (see [`SheetRows::read`]).
pub(super) enum Read {
    /// A record read, to be finished.
    Staff(StaffRow),
    /// Set aside, its reason in the data issues.
    SetAside,
    /// Not staff.
    NotStaff(RowKind),
}

/// A part of a sheet's rows read on one core: its issues in row order,
/// whether each row is staff (its values then in its slot of the columns),
/// and the counts of its rows.
#[derive(Default)]
struct Part {
    issues: Vec<DataIssue>,
    staff: Vec<bool>,
    counts: RowCounts,
}

impl SheetRows<'_> {
    /// What the headings above the current row say of it.
    fn around(&self) -> Around<'_> {
        Around {
            heading_unit: self.heading_unit.as_ref(),
            sheet_unit: self.sheet_unit.as_ref(),
            heading_category: self.heading_category,
            titles: self.opts.titles,
        }
    }

    /// The one place that decides where a row goes, in row order: the row
    /// read (a staff row stored in `out`'s table and finished there), the
    /// headings' state moved on.
    pub(super) fn fate(&mut self, r: usize, kind: RowKind, out: &mut Out<'_>) -> Fate {
        let note_sheet_unit = kind == RowKind::Staff
            && !self.sheet_unit_noted
            && self.cols.unit.is_none()
            && self.heading_unit.is_none()
            && self.sheet_unit.is_some();
        let texts = &out.tables.texts;
        let fate = match self.read(r, kind, texts, out.issues, note_sheet_unit) {
            Read::Staff(rec) => {
                out.staff.push(rec);
                self.finish_at(r, out.staff.len() - 1, out);
                Fate::Staff
            }
            Read::SetAside => Fate::SetAside,
            Read::NotStaff(kind) => Fate::NotStaff(kind),
        };
        self.sheet_unit_noted |= note_sheet_unit;
        if let Some(h) = self.headings.get(&r) {
            // A new unit starts its own sections.
            if let Some(u) = &h.unit {
                self.heading_unit = Some(u.clone());
                self.heading_category = None;
            }
            if let Some(c) = h.category {
                self.heading_category = Some(c);
            }
        }
        fate
    }

    /// Reads a row as the headings above it leave the sheet, noting its
    /// problems; changes nothing shared. `note_sheet_unit`: the row is the
    /// first whose unit is the sheet's own, noted once.
    pub(super) fn read(
        &self,
        r: usize,
        kind: RowKind,
        texts: &Texts,
        issues: &mut Vec<DataIssue>,
        note_sheet_unit: bool,
    ) -> Read {
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
                if let Some(u) = self.sheet_unit.as_ref().filter(|_| note_sheet_unit) {
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
                let around = self.around();
                let read = read_row(
                    sheet,
                    r,
                    cols,
                    &around,
                    texts,
                    &mut row_issues,
                    source,
                    self.opts.as_of,
                );
                match read {
                    Some(rec) if !row_issues.set_aside => Read::Staff(rec),
                    _ => Read::SetAside,
                }
            }
            RowKind::StaffBelowFooter => {
                let name = opt_text(Some(&cols.name), sheet, r);
                row_issues.push(
                    &cols.name.header,
                    texts.opt(name).unwrap_or_default().to_string(),
                    Problem::BelowFooter,
                    Action::SetAside,
                );
                Read::SetAside
            }
            RowKind::Blank => Read::NotStaff(RowKind::Blank),
            other => self.not_staff(r, other, &mut row_issues),
        }
    }

    /// A row that is not staff: listed (so that a row taken for a footer or
    /// heading can be checked), with the category a heading gives.
    fn not_staff(&self, r: usize, kind: RowKind, row_issues: &mut RowIssues<'_>) -> Read {
        let text = self
            .sheet
            .columns
            .iter()
            .filter_map(|c| c.get(r).map(RawValue::display))
            .collect::<Vec<_>>()
            .join(" | ");
        if let Some(c) = self.headings.get(&r).and_then(|h| h.category) {
            let problem = Problem::CategoryFromHeading(c.category);
            row_issues.push("", text.clone(), problem, Action::Inferred);
        }
        row_issues.push("", text, Problem::NotStaff(kind), Action::NotAnalysed);
        Read::NotStaff(kind)
    }

    /// Where each row of the sheet goes, as [`fate`] decides it row by row,
    /// counted in `counts`. With `parallel`, a sheet without section headings
    /// (which change how the rows below them read) is read on every core:
    /// the columns grow by a slot per row, each part of the rows written into
    /// its slots side by side, then finished in row order (units and joined
    /// names numbered, issues listed, as row by row) in place, and the slots
    /// of rows not staff removed. Nothing is held twice: when parts were read
    /// into lists of their own and appended, cleaning took 0.2–0.4 s longer
    /// on the national roster (copies and page faults on one core).
    ///
    /// [`fate`]: Self::fate
    pub(super) fn fates(
        &mut self,
        (start, kinds): (usize, Vec<RowKind>),
        parallel: bool,
        mut out: Out<'_>,
        counts: &mut RowCounts,
    ) {
        // With headings, or the sheet's own unit still to be noted on a row,
        // rows depend on the rows above them.
        if !parallel || !self.headings.is_empty() || !self.sheet_unit_noted {
            for (r, kind) in (start..).zip(kinds) {
                counts.read += 1;
                match self.fate(r, kind, &mut out) {
                    Fate::Staff => counts.staff += 1,
                    Fate::SetAside => counts.set_aside += 1,
                    Fate::NotStaff(kind) => counts.count_non_staff(kind),
                }
            }
            return;
        }
        let this = &*self;
        let base = out.staff.len();
        out.staff.grow(kinds.len(), StaffRow::slot());
        let slots = out.staff.parts(base, PART);
        let parts = this.read_parts(start, &kinds, slots, &out.tables.texts);
        // Finished in row order, in place; then the slots of rows not
        // staff removed, when there are any (a mask of every row made only
        // then).
        let mut holes = Vec::new();
        let mut k = base;
        for part in parts {
            out.issues.extend(part.issues);
            counts.add(&part.counts);
            for staff in part.staff {
                if staff {
                    this.finish_at(start + k - base, k, &mut out);
                    counts.staff += 1;
                } else {
                    holes.push(k);
                }
                k += 1;
            }
        }
        if !holes.is_empty() {
            let mut keep = vec![true; out.staff.len()];
            for h in holes {
                keep[h] = false;
            }
            out.staff.retain(&keep);
        }
    }

    /// Finishes posting `k` of the table, read from row `r`, in place (see
    /// [`finish_row`]).
    fn finish_at(&self, r: usize, k: usize, out: &mut Out<'_>) {
        let mut f = Finish::of(out.staff, k);
        finish_row(self.sheet, r, self.cols, &self.around(), &mut f, out.tables);
        f.store(out.staff, k);
    }

    /// Reads the rows from `start` of `kinds` on every core, a part of
    /// [`PART`] rows a task, each part's staff rows into its `slots`.
    fn read_parts(
        &self,
        start: usize,
        kinds: &[RowKind],
        slots: Vec<StaffPart<'_>>,
        texts: &Texts,
    ) -> Vec<Part> {
        use rayon::prelude::*;
        (slots.into_par_iter())
            .zip(kinds.par_chunks(PART))
            .enumerate()
            .map(|(p, (mut slots, kinds))| {
                let mut part = Part::default();
                let mut rows = Vec::with_capacity(ROWS_STORED);
                for (i, &kind) in kinds.iter().enumerate() {
                    let r = start + p * PART + i;
                    part.counts.read += 1;
                    let rec = match self.read(r, kind, texts, &mut part.issues, false) {
                        Read::Staff(rec) => Some(rec),
                        Read::SetAside => {
                            part.counts.set_aside += 1;
                            None
                        }
                        Read::NotStaff(kind) => {
                            part.counts.count_non_staff(kind);
                            None
                        }
                    };
                    part.staff.push(rec.is_some());
                    rows.push(rec.unwrap_or_else(StaffRow::slot));
                    if rows.len() == ROWS_STORED || i + 1 == kinds.len() {
                        slots.set_rows(i + 1 - rows.len(), &rows);
                        rows.clear();
                    }
                }
                part
            })
            .collect()
    }
}

/// Rows read as one task by [`SheetRows::fates`].
const PART: usize = 8192;

/// Rows a task holds before it stores them in the columns: 1,024 rows of
/// some 120 bytes, read back from the caches column by column, and below
/// glibc's threshold for giving an allocation a mapping of its own (a
/// part's 8,192 rows at once were 960 KB, mapped and unmapped per part).
const ROWS_STORED: usize = 1024;

// The rows held stay below glibc's default threshold for mapping (128 KiB).
const _: () = assert!(ROWS_STORED * size_of::<StaffRow>() < 128 * 1024);
