//! How every printed sheet is set up: A4, the margins of Decree 30/2020
//! (Appendix I: top and bottom 20–25 mm, left 30–35 mm for the binding,
//! right 15–20 mm), fit to the page's width, the page number centred in the
//! top margin (each annexed table numbers its own pages), header rows
//! repeated on every page.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Millimetres in an inch, Excel's margin unit.
const MM: f64 = 1.0 / 25.4;

/// The decree's margins in millimetres: left, right, top, bottom.
pub(super) const MARGINS_MM: [f64; 4] = [30.0, 15.0, 20.0, 20.0];

/// The decree's margins: left 30 mm, right 15 mm, top and bottom 20 mm
/// (header and footer 10 mm).
pub fn decree_margins(ws: &mut Worksheet) {
    let [left, right, top, bottom] = MARGINS_MM.map(|m| m * MM);
    ws.set_margins(left, right, top, bottom, 10.0 * MM, 10.0 * MM);
}

/// A4, the decree's margins, fit to one page wide, the page number at the
/// top; `repeat` names a header row printed on every page.
pub fn page_setup(
    ws: &mut Worksheet,
    landscape: bool,
    repeat: Option<u32>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    decree_margins(ws);
    ws.set_header("&C&\"Times New Roman,Regular\"&13&P");
    if let Some(r) = repeat {
        ws.set_repeat_rows(r, r)?;
    }
    Ok(())
}

/// A code column as wide as the longest of `codes` (10 to 30 units): a code
/// wraps at its hyphens in print ("BK-GDDT-" / "LD1").
#[must_use]
pub fn code_width<'a>(codes: impl IntoIterator<Item = &'a str>) -> f64 {
    let longest = codes
        .into_iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    (f64::from(u32::try_from(longest).unwrap_or(30)) * 1.25 + 2.0).clamp(10.0, 30.0)
}

/// Excel's default column width (units of the default font's digit).
const DEFAULT_WIDTH: f64 = 8.43;

/// A sheet's column widths, set once and remembered, so rows can be made
/// tall enough for their wrapped text ([`super::wrapped_height`]).
#[derive(Debug, Clone)]
pub struct Widths(Vec<f64>);

impl Widths {
    /// Sets the widths of the given columns (others keep the default).
    pub fn set(ws: &mut Worksheet, widths: &[(u16, f64)]) -> Result<Self, XlsxError> {
        let n = widths
            .iter()
            .map(|(c, _)| usize::from(*c) + 1)
            .max()
            .unwrap_or(0);
        let mut w = vec![DEFAULT_WIDTH; n];
        for &(c, width) in widths {
            ws.set_column_width(c, width)?;
            w[usize::from(c)] = width;
        }
        Ok(Self(w))
    }

    /// A column's width.
    #[must_use]
    pub fn of(&self, c: u16) -> f64 {
        self.0.get(usize::from(c)).copied().unwrap_or(DEFAULT_WIDTH)
    }

    /// The width of columns `from..=to` together (a merged cell).
    #[must_use]
    pub fn span(&self, from: u16, to: u16) -> f64 {
        (from..=to).map(|c| self.of(c)).sum()
    }

    /// The printed width of columns `from..=to` in points: Excel draws a
    /// column `w` characters wide as `round(7 w) + 5` pixels of ¾ point
    /// (the default font's digit is 7 pixels wide).
    #[must_use]
    pub fn points(&self, from: u16, to: u16) -> f64 {
        (from..=to)
            .map(|c| ((self.of(c) * 7.0).round() + 5.0) * 0.75)
            .sum()
    }

    /// The height a row needs for its cells' text at `size` points, or
    /// `None` when every cell fits on one line (the row keeps its height).
    #[must_use]
    pub fn row_height<'a>(
        &self,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: f64,
    ) -> Option<f64> {
        let one = super::wrapped_height("", 1.0, size);
        let h = cells
            .into_iter()
            .map(|(c, text)| super::wrapped_height(text, self.of(c), size))
            .fold(one, f64::max);
        (h > one).then_some(h)
    }

    /// Sizes row `r` for its cells' text (see [`Self::row_height`]).
    pub fn fit_row<'a>(
        &self,
        ws: &mut Worksheet,
        r: u32,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: f64,
    ) -> Result<(), XlsxError> {
        if let Some(h) = self.row_height(cells, size) {
            ws.set_row_height(r, h)?;
        }
        Ok(())
    }
}
