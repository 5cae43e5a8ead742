//! Finishing a raw sheet: legacy encodings detected and converted, text
//! cleaned, cells of spaces emptied, and the filled cells of each row counted.

use super::super::{RawColumn, RawSheet, RawValue};
use super::SheetBuilder;
use crate::legacy;
use crate::text;

impl SheetBuilder {
    /// Finishes the sheet: detects and converts legacy encodings, cleans text.
    pub(crate) fn finish(mut self, file: usize, name: String) -> RawSheet {
        let rows = self.excel_rows.len();
        for c in &mut self.columns {
            match c.rows.take() {
                // At least one cell in eight rows: dense is smaller and faster.
                Some(at) if at.len().saturating_mul(8) >= rows => {
                    let mut dense = vec![0; rows];
                    for (r, id) in at.iter().zip(&c.ids) {
                        dense[*r as usize] = *id;
                    }
                    c.ids = dense;
                }
                Some(at) => c.rows = Some(at),
                // A column with no cell at all (left of a far-away cell).
                None if c.ids.is_empty() => c.rows = Some(Vec::new()),
                None => c.ids.resize(rows, 0),
            }
        }
        // Column by column, a long column part by part, on every core: the
        // encoding over all text (counts, added in any order), then each
        // distinct value converted and cleaned. By whole columns, one core
        // took two of the bench roster's three columns of 2.5 M ids.
        use rayon::prelude::*;
        let encoding = self
            .columns
            .par_iter()
            .flat_map(|c| c.dict.par_chunks(PART))
            .map(|part| legacy::tally(part.iter().filter_map(RawValue::as_text)))
            .reduce(legacy::Tally::default, |a, b| a + b)
            .encoding();
        self.columns.par_iter_mut().for_each(|c| {
            c.dict
                .par_iter_mut()
                .with_min_len(PART)
                .for_each(|v| clean_value(v, encoding));
            // A cell holding only spaces is empty (a flag per distinct value
            // made only for a column holding such a value).
            let is_blank = |v: &RawValue| matches!(v, RawValue::Text(s) if s.is_empty());
            if !c.dict.iter().any(is_blank) {
                return;
            }
            let blank: Vec<bool> = c.dict.iter().map(is_blank).collect();
            for id in &mut c.ids {
                if *id != 0 && blank[*id as usize - 1] {
                    *id = 0;
                }
            }
        });
        let filled = filled_per_row(&self.columns, rows);
        RawSheet {
            file,
            name,
            excel_rows: self.excel_rows,
            columns: self.columns,
            encoding,
            filled,
            notes: self.notes,
        }
    }
}

/// Values or rows per task where a column is worked on in parts.
const PART: usize = 1 << 16;

/// Converts a text typed in a legacy encoding, and cleans it.
fn clean_value(v: &mut RawValue, encoding: legacy::Encoding) {
    if let RawValue::Text(s) = v {
        let converted = legacy::decode(s, encoding);
        let text = converted.as_deref().unwrap_or(s);
        if let Some(cleaned) = text::clean_if_needed(text) {
            *s = cleaned.into();
        } else if let Some(converted) = converted {
            *s = converted.into();
        }
    }
}

/// Non-empty cells per row, counted over parts of the rows on every core
/// (47 M cells on the bench roster).
fn filled_per_row(columns: &[RawColumn], rows: usize) -> Vec<u32> {
    use rayon::prelude::*;
    let mut filled = vec![0u32; rows];
    filled
        .par_chunks_mut(PART)
        .enumerate()
        .for_each(|(k, out)| {
            let (start, end) = (k * PART, k * PART + out.len());
            for c in columns {
                match &c.rows {
                    None => {
                        let ids = c.ids.get(start..).unwrap_or_default();
                        for (n, id) in out.iter_mut().zip(ids) {
                            *n += u32::from(*id != 0);
                        }
                    }
                    Some(at) => {
                        let from = at.partition_point(|&r| (r as usize) < start);
                        let cells = at[from..].iter().zip(&c.ids[from..]);
                        for (&r, &id) in cells.take_while(|(r, _)| (**r as usize) < end) {
                            out[r as usize - start] += u32::from(id != 0);
                        }
                    }
                }
            }
        });
    filled
}
