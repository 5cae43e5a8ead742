//! How every printed sheet is set up: A4, the margins of Decree 30/2020
//! (Appendix I: top and bottom 20–25 mm, left 30–35 mm for the binding,
//! right 15–20 mm), fit to the page's width, the page number centred in the
//! top margin (each annexed table numbers its own pages), header rows
//! repeated on every page.

use rust_xlsxwriter::{ChartFont, Worksheet, XlsxError};

/// The documents' typeface (Decree 30/2020, Appendix I), charts' too.
pub const FONT: &str = "Times New Roman";

/// A chart's text in the documents' typeface: Excel's charts otherwise
/// print in Calibri.
#[must_use]
pub fn chart_font(size: f64, bold: bool) -> ChartFont {
    let mut f = ChartFont::new();
    f.set_name(FONT).set_size(size);
    if bold {
        f.set_bold();
    }
    f
}

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

/// A share to one decimal, with the decimal mark of the document's
/// language: LibreOffice writes "72,7%" under the Vietnamese locale tag
/// (Excel uses the system's mark either way).
#[must_use]
pub fn pct_format(lang: crate::labels::Lang) -> &'static str {
    match lang {
        crate::labels::Lang::Vi => "[$-42A]0.0%",
        crate::labels::Lang::En => "0.0%",
    }
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

/// The widths of a table's columns: as given, and no header word cut (a
/// column is at least as wide as its header's longest word in bold:
/// "Population" in English, "Tỷ trọng").
#[must_use]
pub fn column_widths(headers: &[&str], widths: &[(u16, f64)]) -> Vec<(u16, f64)> {
    let mut widths: Vec<(u16, f64)> = widths.to_vec();
    for (c, h) in headers.iter().enumerate() {
        let c = super::col(c);
        let longest = h
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let need = f64::from(u32::try_from(longest).unwrap_or(0)) * 1.3 + 1.5;
        match widths.iter_mut().find(|(k, _)| *k == c) {
            Some((_, w)) => *w = w.max(need),
            None if need > 8.43 => widths.push((c, need)),
            None => {}
        }
    }
    widths
}

/// The column units text `thousandths` of the type size wide takes at
/// `size` points.
#[must_use]
pub fn units_of(thousandths: u32, size: f64) -> f64 {
    f64::from(thousandths) / 1000.0 * size / super::type_metrics::UNIT_POINTS
}

/// The column width (units) that shows text `thousandths` of the type size
/// wide at `size` points, with 5% to spare.
#[must_use]
pub fn units_for(thousandths: u32, size: f64) -> f64 {
    units_of(thousandths, size) * 1.05
}

/// The column width (units) that shows `n` as "#,##0" at `size` points:
/// digits 500 thousandths of the size, separators 250 (Times).
#[must_use]
pub fn number_width(n: u64, size: f64) -> f64 {
    let digits = n.max(1).ilog10() + 1;
    units_for(digits * 500 + (digits - 1) / 3 * 250, size)
}

/// The width a merged cell gives its text, in column units, from its
/// columns' widths: theirs, and the 5 pixels of padding (a unit is 7) each
/// column but the first adds between them.
#[must_use]
pub fn merged_width(widths: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = widths
        .into_iter()
        .fold((0.0, 0u32), |(s, n), w| (s + w, n + 1));
    sum + f64::from(n.saturating_sub(1)) * 5.0 / 7.0
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
        for &(c, width) in widths {
            ws.set_column_width(c, width)?;
        }
        Ok(Self::new(widths))
    }

    /// The given columns' widths (others the default), not yet on a sheet:
    /// to size a list's rows before its sheet is begun.
    #[must_use]
    pub fn new(widths: &[(u16, f64)]) -> Self {
        let n = widths
            .iter()
            .map(|(c, _)| usize::from(*c) + 1)
            .max()
            .unwrap_or(0);
        let mut w = vec![DEFAULT_WIDTH; n];
        for &(c, width) in widths {
            w[usize::from(c)] = width;
        }
        Self(w)
    }

    /// A column's width.
    #[must_use]
    pub fn of(&self, c: u16) -> f64 {
        self.0.get(usize::from(c)).copied().unwrap_or(DEFAULT_WIDTH)
    }

    /// These widths with column `c`'s text indented `level` steps (a
    /// format's indent: three spaces of the default font, 10 pixels, each).
    #[must_use]
    pub fn indented(&self, c: u16, level: usize) -> Self {
        let mut w = self.clone();
        let i = usize::from(c);
        if w.0.len() <= i {
            w.0.resize(i + 1, DEFAULT_WIDTH);
        }
        let level = u32::try_from(level).unwrap_or(u32::MAX);
        w.0[i] = (w.0[i] - f64::from(level) * 10.0 / 7.0).max(1.0);
        w
    }

    /// The width of columns `from..=to` together (a merged cell), in
    /// units of its text's width (see [`merged_width`]).
    #[must_use]
    pub fn span(&self, from: u16, to: u16) -> f64 {
        merged_width((from..=to).map(|c| self.of(c)))
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

    /// The height a row needs for its cells' text in type `size` (points, or bold), or
    /// `None` when every cell fits on one line (the row keeps its height).
    #[must_use]
    pub fn row_height<'a>(
        &self,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: impl Into<super::Type>,
    ) -> Option<f64> {
        let size = size.into();
        tallest(
            cells
                .into_iter()
                .map(|(c, text)| super::wrapped_height(text, self.of(c), size)),
            size,
        )
    }

    /// [`Self::row_height`], each text of [`MEASURED_ONCE_FROM`] bytes or
    /// more measured once per column and `seen` (a list's rows made on
    /// every core keep one per task): a list's standards, needs and unit
    /// names recur on thousands of rows. A column's heights are kept for
    /// the width and type they were measured at, and forgotten when asked
    /// for another.
    #[must_use]
    pub fn row_height_seen<'a>(
        &self,
        seen: &mut SeenHeights,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: impl Into<super::Type>,
    ) -> Option<f64> {
        let size = size.into();
        let mut measure = |c: u16, text: &str| {
            let width = self.of(c);
            if text.len() < MEASURED_ONCE_FROM {
                return super::wrapped_height(text, width, size);
            }
            let column = usize::from(c);
            if seen.0.len() <= column {
                seen.0.resize_with(column + 1, Default::default);
            }
            let (at, heights) = &mut seen.0[column];
            let here = (width.to_bits(), size.size.to_bits(), size.bold);
            if *at != Some(here) {
                *at = Some(here);
                heights.clear();
            }
            if let Some(&h) = heights.get(text) {
                return h;
            }
            let h = super::wrapped_height(text, width, size);
            heights.insert(text.to_string(), h);
            h
        };
        tallest(cells.into_iter().map(|(c, text)| measure(c, text)), size)
    }

    /// Sizes row `r` for its cells' text (see [`Self::row_height`]).
    pub fn fit_row<'a>(
        &self,
        ws: &mut Worksheet,
        r: u32,
        cells: impl IntoIterator<Item = (u16, &'a str)>,
        size: impl Into<super::Type>,
    ) -> Result<(), XlsxError> {
        if let Some(h) = self.row_height(cells, size) {
            ws.set_row_height(r, h)?;
        }
        Ok(())
    }
}

/// The height of a row whose cells' texts take these heights in type
/// `size`, or `None` when each fits on one line (the row keeps its height).
#[must_use]
pub fn tallest(
    heights: impl IntoIterator<Item = f64>,
    size: impl Into<super::Type>,
) -> Option<f64> {
    let one = super::wrapped_height("", 1.0, size);
    let h = heights.into_iter().fold(one, f64::max);
    (h > one).then_some(h)
}

/// Texts from this many bytes are measured once per column of a list (see
/// [`Widths::row_height_seen`]); shorter ones, names mostly, cost more to
/// look up than to measure.
pub const MEASURED_ONCE_FROM: usize = 40;

/// The heights of a list's long texts, per column, as measured so far, and
/// the width and type (size bits, bold) they were measured at.
#[derive(Debug, Default)]
pub struct SeenHeights(Vec<(Option<SeenAt>, hashbrown::HashMap<String, f64>)>);

/// A column's width and type size as bits, and whether bold.
type SeenAt = (u64, u64, bool);

/// The height of a row of one line of 12-point Times New Roman, as Excel
/// and LibreOffice size it.
pub const ONE_LINE: f64 = 15.75;

/// The rows above a list (an official heading of up to 14-point lines):
/// given a height, they no longer take the list's default.
const ABOVE: f64 = 18.75;

/// The row heights of a long list whose rows mostly need one same height
/// (two lines, say): that height becomes the sheet's default (the height of
/// rows below the list an officer adds), and each list row is written with
/// its own or the default ([`Self::height`]). (When rust_xlsxwriter wrote
/// the rows it kept every set height: only the rows off the default set
/// one, 120 MB less for the national "Chưa đạt chuẩn vị trí".)
#[derive(Debug, Clone, Copy)]
pub struct ListHeights {
    /// The sheet's default, when it is not one line.
    default: Option<f64>,
}

impl ListHeights {
    /// Makes the most common of the list's `heights` (`None`: one line,
    /// see [`Widths::row_height`]) the sheet's default row height; the rows
    /// `0..first` above the list then get a height of their own (later
    /// calls of `set_row_height` on them still win). Call it before any row
    /// is written.
    pub fn new(
        ws: &mut Worksheet,
        heights: impl IntoIterator<Item = Option<f64>>,
        first: u32,
    ) -> Result<Self, XlsxError> {
        let mut counts = std::collections::BTreeMap::<u64, usize>::new();
        for h in heights {
            *counts.entry(h.map_or(0, f64::to_bits)).or_default() += 1;
        }
        // The most common; of two as common, the lower.
        let default = counts
            .iter()
            .max_by_key(|&(bits, n)| (*n, std::cmp::Reverse(*bits)))
            .map(|(bits, _)| *bits)
            .filter(|&bits| bits != 0)
            .map(f64::from_bits);
        if let Some(h) = default {
            ws.set_default_row_height(h);
            for r in 0..first {
                ws.set_row_height(r, ABOVE)?;
            }
        }
        Ok(Self { default })
    }

    /// The height a list row needing `h` (`None`: one line) is written
    /// with by [`super::ListRows`]: its own, or the sheet's default.
    #[must_use]
    pub fn height(self, h: Option<f64>) -> Option<f64> {
        match (self.default, h) {
            (Some(_), None) => Some(ONE_LINE),
            (_, h) => h,
        }
    }
}
