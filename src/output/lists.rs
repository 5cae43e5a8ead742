//! The direct lists of a workbook: the formats they use and their rows,
//! written block by block on every core ([`super::direct`]).

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::direct::{ListRows, Rows, Styles};

/// Rows per task of [`Lists::write`] (a few megabytes of XML).
const BLOCK: usize = if cfg!(test) { 64 } else { 8192 };

/// The direct lists of one workbook: the formats they use, registered with
/// it, and their rows once written.
#[derive(Debug)]
pub struct Lists {
    styles: Styles,
    done: std::sync::Mutex<Vec<Rows>>,
}

impl Lists {
    /// Registers `formats`, then the data-issues list's (every workbook
    /// with lists has one); see [`Styles::register`].
    pub fn new(wb: &mut Workbook, formats: &[&Format]) -> Self {
        let issues = super::issues::IssueFormats::new();
        let all: Vec<&Format> = formats.iter().copied().chain(issues.all()).collect();
        Self {
            styles: Styles::register(wb, &all),
            done: std::sync::Mutex::default(),
        }
    }

    /// Rows for the sheet named `sheet`.
    #[must_use]
    pub fn rows<'f>(&self, sheet: &str) -> ListRows<'_, 'f> {
        ListRows::new(&self.styles, sheet)
    }

    /// Writes `items` as the rows of sheet `sheet` from row `first` on, a
    /// block of rows per task on every core (each block's XML deflated on
    /// its own, joined in order): `row(rows, r, k, item)` writes item `k` on
    /// row `r` (starting it with [`ListRows::row`]) and returns what the
    /// caller keeps of it (a height), in order.
    pub fn write<'f, T: Sync, R: Send>(
        &self,
        sheet: &str,
        first: u32,
        items: &[T],
        row: impl Fn(&mut ListRows<'_, 'f>, u32, usize, &T) -> Result<R, XlsxError> + Sync,
    ) -> Result<Vec<R>, XlsxError> {
        use rayon::prelude::*;
        let blocks: Vec<(Rows, Vec<R>)> = items
            .par_chunks(BLOCK)
            .enumerate()
            .map(|(b, chunk)| {
                let mut rows = self.rows(sheet);
                let kept = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let k = b * BLOCK + i;
                        let r = u32::try_from(k)
                            .ok()
                            .and_then(|k| first.checked_add(k))
                            .ok_or(XlsxError::RowColumnLimitError)?;
                        row(&mut rows, r, k, item)
                    })
                    .collect::<Result<Vec<R>, XlsxError>>()?;
                Ok((rows.finish()?, kept))
            })
            .collect::<Result<_, XlsxError>>()?;
        let mut all = Rows {
            sheet: sheet.to_string(),
            span: None,
            xml: Vec::new(),
        };
        let mut kept = Vec::with_capacity(items.len());
        for (rows, k) in blocks {
            all.span = match (all.span, rows.span) {
                (Some((first, _, c)), Some((_, last, d))) => Some((first, last, c.max(d))),
                (a, b) => a.or(b),
            };
            all.xml.extend(rows.xml);
            kept.extend(k);
        }
        self.add(all);
        Ok(kept)
    }

    /// Keeps a list's rows for saving.
    pub fn add(&self, rows: Rows) {
        self.done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(rows);
    }

    /// The rows of every list, for [`super::save`].
    #[must_use]
    pub fn into_rows(self) -> Vec<Rows> {
        self.done
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
