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

/// A row read on its own (see [`SheetRows::read`]).
pub(super) enum Read {
    /// A record read, to be finished.
    Staff(StaffRecord),
    /// Set aside, its reason in the data issues.
    SetAside,
    /// Not staff.
    NotStaff(RowKind),
}

/// A part of a sheet's rows read on one core: its issues in row order, and
/// its rows set aside or not staff (its staff rows are its slots' records).
#[derive(Default)]
struct Part {
    issues: Vec<DataIssue>,
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
    /// read, its record finished, the headings' state moved on.
    pub(super) fn fate(
        &mut self,
        r: usize,
        kind: RowKind,
        tables: &mut Tables,
        issues: &mut Vec<DataIssue>,
    ) -> Fate {
        let note_sheet_unit = kind == RowKind::Staff
            && !self.sheet_unit_noted
            && self.cols.unit.is_none()
            && self.heading_unit.is_none()
            && self.sheet_unit.is_some();
        let fate = match self.read(r, kind, &tables.texts, issues, note_sheet_unit) {
            Read::Staff(mut rec) => {
                let around = self.around();
                finish_row(self.sheet, r, self.cols, &around, &mut rec, tables);
                Fate::Staff(rec)
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
    /// (which change how the rows below them read) is read on every core: each
    /// record into its row's slot, then finished in row order (units and
    /// joined names numbered, issues listed, as row by row), and the slots of
    /// the records kept become records in place.
    ///
    /// [`fate`]: Self::fate
    pub(super) fn fates(
        &mut self,
        (start, kinds): (usize, Vec<RowKind>),
        parallel: bool,
        out: Out<'_>,
        counts: &mut RowCounts,
    ) {
        use rayon::prelude::*;
        // With headings, or the sheet's own unit still to be noted on a row,
        // rows depend on the rows above them.
        if !parallel || !self.headings.is_empty() || !self.sheet_unit_noted {
            for (r, kind) in (start..).zip(kinds) {
                counts.read += 1;
                match self.fate(r, kind, out.tables, out.issues) {
                    Fate::Staff(rec) => {
                        counts.staff += 1;
                        out.records.push(rec);
                    }
                    Fate::SetAside => counts.set_aside += 1,
                    Fate::NotStaff(kind) => counts.count_non_staff(kind),
                }
            }
            return;
        }
        let this = &*self;
        let mut slots: Vec<Option<StaffRecord>> = Vec::with_capacity(kinds.len());
        slots.par_extend(kinds.par_iter().map(|_| None));
        let texts = &out.tables.texts;
        let parts: Vec<Part> = slots
            .par_chunks_mut(PART)
            .zip(kinds.par_chunks(PART))
            .enumerate()
            .map(|(p, (slots, kinds))| {
                let mut part = Part::default();
                for (i, (slot, &kind)) in slots.iter_mut().zip(kinds).enumerate() {
                    let r = start + p * PART + i;
                    part.counts.read += 1;
                    match this.read(r, kind, texts, &mut part.issues, false) {
                        Read::Staff(rec) => *slot = Some(rec),
                        Read::SetAside => part.counts.set_aside += 1,
                        Read::NotStaff(kind) => part.counts.count_non_staff(kind),
                    }
                }
                part
            })
            .collect();
        for part in parts {
            out.issues.extend(part.issues);
            counts.add(&part.counts);
        }
        // Finished in row order as they are collected, in place: a record
        // and its slot are the same size (asserted below), and `filter_map`
        // reuses the slots' memory where `flatten` did not (849 MB at the
        // national roster's peak, against 1,073 MB). One pass over the
        // records, not two.
        let around = this.around();
        let kept: Vec<StaffRecord> = slots
            .into_iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let mut rec = slot?;
                finish_row(
                    this.sheet,
                    start + i,
                    this.cols,
                    &around,
                    &mut rec,
                    out.tables,
                );
                counts.staff += 1;
                Some(rec)
            })
            .collect();
        append(out.records, kept);
    }
}

/// Appends a sheet's records to those of the sheets before it, copying the
/// fewer: a second copy of the larger would raise the peak by it.
fn append(records: &mut Vec<StaffRecord>, mut kept: Vec<StaffRecord>) {
    if records.len() >= kept.len() {
        records.append(&mut kept);
    } else {
        let room = records
            .capacity()
            .saturating_sub(records.len() + kept.len());
        kept.splice(0..0, records.drain(..));
        kept.reserve(room);
        *records = kept;
    }
}

// The slots become records in place only if they are the same size.
const _: () = assert!(size_of::<Option<StaffRecord>>() == size_of::<StaffRecord>());

/// Rows read as one task by [`SheetRows::fates`].
const PART: usize = 8192;
