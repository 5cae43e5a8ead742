//! Where a printed sheet's pages break. Neither Excel nor LibreOffice keeps
//! rows together, so a sheet whose last rows must print with what follows
//! them (a form's last rows with its notes and signatures) lays its pages
//! out here, from the heights it gave its rows and its columns' printed
//! width (A4, the decree's margins, fit to the page's width: see
//! [`super::page_setup`]), and sets every break itself.

use std::collections::BTreeSet;
use std::ops::Range;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Widths;
use super::print::MARGINS_MM;

/// The share of a page a layout fills at most: a sheet printed a little
/// larger than estimated must not make the application break a page before
/// the layout does, leaving a page of one row. (Excel rounds its fit-to-width
/// scale down to a whole percent and LibreOffice draws columns a little
/// wider: both print a little smaller.)
const SLACK: f64 = 0.99;

/// Excel's limit of manual breaks in a sheet.
const MAX_BREAKS: usize = 1023;

const POINTS_PER_MM: f64 = 72.0 / 25.4;

/// A sheet's row heights as they were set, in points, and the rows that
/// print on the page of the row below them.
#[derive(Debug)]
pub struct Heights {
    rows: Vec<f64>,
    /// Every other row's.
    default: f64,
    /// Headings: a group's, a unit's above its categories.
    with_next: BTreeSet<u32>,
}

impl Heights {
    /// Gives every row of the sheet `default` points unless set otherwise,
    /// marked as set: LibreOffice would size a row without a set height to
    /// its text, Excel keeps its default, and the pages laid out here are
    /// printed by both. Call it before any row is written (a constant-memory
    /// sheet writes each row as it leaves it).
    pub fn new(ws: &mut Worksheet, default: f64) -> Self {
        ws.set_default_row_height(default);
        Self {
            rows: Vec::new(),
            default,
            with_next: BTreeSet::new(),
        }
    }

    /// Row `r` prints on the page of the row below it (a heading never
    /// ends a page), when the two fit on one.
    pub fn keep_with_next(&mut self, r: u32) {
        self.with_next.insert(r);
    }

    /// Sets row `r`'s height on the sheet and remembers it.
    pub fn set(&mut self, ws: &mut Worksheet, r: u32, h: f64) -> Result<(), XlsxError> {
        ws.set_row_height(r, h)?;
        self.record(r, h);
        Ok(())
    }

    /// Sizes row `r` for its cells' text (see [`Widths::row_height`]) and
    /// remembers its height.
    pub fn fit<'a>(
        &mut self,
        ws: &mut Worksheet,
        w: &Widths,
        r: u32,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: impl Into<super::Type>,
    ) -> Result<(), XlsxError> {
        match w.row_height(cells, size) {
            Some(h) => self.set(ws, r, h),
            None => Ok(()),
        }
    }

    /// Remembers row `r`'s height `h`, set on the sheet by other means (a
    /// row written by [`super::ListRows`]).
    pub fn record(&mut self, r: u32, h: f64) {
        let i = usize::try_from(r).unwrap_or(usize::MAX);
        if self.rows.len() <= i {
            self.rows.resize(i + 1, self.default);
        }
        self.rows[i] = h;
    }

    fn of(&self, r: u32) -> f64 {
        usize::try_from(r)
            .ok()
            .and_then(|i| self.rows.get(i))
            .copied()
            .unwrap_or(self.default)
    }

    fn sum(&self, rows: Range<u32>) -> f64 {
        rows.map(|r| self.of(r)).sum()
    }
}

/// What a sheet's pages keep together at its end.
#[derive(Debug, Clone)]
pub struct KeepTogether {
    /// Landscape (else portrait) A4.
    pub landscape: bool,
    /// The header rows printed at the top of every page, first and last.
    pub repeat: (u32, u32),
    /// The last rows of the table: as many of them as fit go onto the
    /// page of what follows them (at least the last one, or none when even
    /// that does not fit on a page).
    pub lead_in: Range<u32>,
    /// One past the sheet's last row: rows `lead_in.end..end` (notes,
    /// signatures) print on one page with the lead-in.
    pub end: u32,
}

/// Lays out the pages of rows `0..keep.end` of a sheet `width` points wide
/// and sets a break before each page but the first (the last
/// 1023 of them, Excel's limit, on a longer sheet: the application breaks the
/// pages before those). Returns the rows a page starts at.
pub fn set_page_breaks(
    ws: &mut Worksheet,
    h: &Heights,
    width: f64,
    keep: &KeepTogether,
) -> Result<Vec<u32>, XlsxError> {
    let breaks = breaks(h, width, keep);
    let from = breaks.len().saturating_sub(MAX_BREAKS);
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks[from..])?;
    }
    Ok(breaks)
}

/// The rows a page starts at, after the first: each page filled in turn
/// with what fits under the repeated header, the end kept together.
fn breaks(h: &Heights, width: f64, keep: &KeepTogether) -> Vec<u32> {
    let [left, right, top, bottom] = MARGINS_MM;
    let (page_w, page_h) = if keep.landscape {
        (297.0, 210.0)
    } else {
        (210.0, 297.0)
    };
    // Fit to the page's width: a wider sheet prints smaller, so more of
    // its points fit the page's height.
    let scale = ((page_w - left - right) * POINTS_PER_MM / width.max(1.0)).min(1.0);
    let page = (page_h - top - bottom) * POINTS_PER_MM / scale * SLACK;
    let repeat = h.sum(keep.repeat.0..keep.repeat.1 + 1);
    // The most lead-in rows that fit on a page with the end.
    let block = keep
        .lead_in
        .clone()
        .map(|s| (s, h.sum(s..keep.end)))
        .find(|&(_, height)| repeat + height <= page);
    // What prints from row r on one page: the row (or the end kept
    // together), and the rows it keeps with.
    let unit = |r: u32| match block {
        Some((s, height)) if s == r => (keep.end, height),
        _ => (r + 1, h.of(r)),
    };
    let needs = |r: u32| {
        let (mut next, mut need) = unit(r);
        while next < keep.end && h.with_next.contains(&(next - 1)) {
            let (n, height) = unit(next);
            (next, need) = (n, need + height);
        }
        need
    };
    let mut out = Vec::new();
    let mut used = 0.0;
    let mut r = 0;
    while r < keep.end {
        let (next, height) = unit(r);
        // A heading goes with what follows it, if they fit on a page.
        let need = Some(needs(r))
            .filter(|&n| repeat + n <= page)
            .unwrap_or(height);
        // Never within the heading; a row too tall for any page still
        // takes one of its own.
        if used + need > page && r > keep.repeat.1 {
            out.push(r);
            used = repeat;
        }
        used += height;
        r = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A portrait sheet 400 points wide (printed at 100%): a page holds
    /// 257 mm × 0.99 ≈ 721.2 points.
    fn keep(lead_in: Range<u32>, end: u32) -> KeepTogether {
        KeepTogether {
            landscape: false,
            repeat: (0, 1),
            lead_in,
            end,
        }
    }

    /// Two header rows of 50 points, then rows of 20.
    fn heights(rows: u32) -> Heights {
        let mut rows = vec![20.0; usize::try_from(rows).unwrap()];
        rows[0] = 50.0;
        rows[1] = 50.0;
        Heights {
            rows,
            default: 15.0,
            with_next: BTreeSet::new(),
        }
    }

    #[test]
    fn pages_fill_under_the_repeated_header() {
        // Page 1: 100 + 31 × 20 = 720 (row 33 would make 740); later pages
        // 100 + 31 rows as well.
        let h = heights(80);
        assert_eq!(breaks(&h, 400.0, &keep(80..80, 80)), [33, 64]);
    }

    #[test]
    fn the_end_takes_the_last_rows_onto_its_page() {
        // Rows 2..=32 fill page 1; the table ends at row 32, the notes and
        // signatures (rows 33..41) follow: alone they would start page 2,
        // so the last three table rows (30, 31, 32) go with them.
        let h = heights(41);
        assert_eq!(breaks(&h, 400.0, &keep(30..33, 41)), [30]);
        // Without the rule the notes start a page alone.
        assert_eq!(breaks(&h, 400.0, &keep(33..33, 41)), [33]);
        // When everything fits, nothing moves.
        let h = heights(30);
        assert_eq!(breaks(&h, 400.0, &keep(19..22, 30)), Vec::<u32>::new());
    }

    #[test]
    fn an_end_longer_than_a_page_flows_and_a_tall_row_takes_a_page() {
        // Notes longer than a page: no row is kept with them, the pages
        // break where they fill.
        let h = heights(70);
        assert_eq!(breaks(&h, 400.0, &keep(8..10, 70)), [33, 64]);
        // A row of 800 points: a page of its own, and the next row a new
        // page again (100 + 800 already overflows).
        let mut h = heights(10);
        h.rows[5] = 800.0;
        assert_eq!(breaks(&h, 400.0, &keep(10..10, 10)), [5, 6]);
    }

    #[test]
    fn a_heading_goes_with_the_rows_below_it() {
        // Row 32 ends page 1, but it heads rows 33 and 34 (a unit above
        // its categories heads the first, which heads the second): all
        // three start page 2.
        let mut h = heights(80);
        h.keep_with_next(32);
        h.keep_with_next(33);
        assert_eq!(breaks(&h, 400.0, &keep(80..80, 80)), [32, 63]);
        // A heading right above the end goes with it: the last table rows
        // 30..33 and the notes start page 2 with their heading, row 29.
        let mut h = heights(41);
        h.keep_with_next(29);
        assert_eq!(breaks(&h, 400.0, &keep(30..33, 41)), [29]);
        // Headings that do not fit on a page with what follows them are
        // laid out as any row.
        let mut h = heights(80);
        h.rows[33] = 700.0;
        h.keep_with_next(32);
        assert_eq!(breaks(&h, 400.0, &keep(80..80, 80)), [33, 34, 65]);
    }

    #[test]
    fn a_wide_sheet_prints_smaller_and_fits_more_rows() {
        // Twice the portrait page's width (165 mm) prints at 50%: a page
        // holds 1442.4 points.
        let h = heights(80);
        let b = breaks(&h, 2.0 * 165.0 * POINTS_PER_MM, &keep(80..80, 80));
        assert_eq!(b, [69]);
    }

    #[test]
    fn unset_rows_count_at_the_default_height() {
        let h = Heights {
            rows: vec![30.0],
            default: 14.25,
            with_next: BTreeSet::new(),
        };
        assert!((h.sum(0..3) - 58.5).abs() < 1e-9);
    }
}
