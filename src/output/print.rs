//! How every printed sheet is set up: A4, the margins of Decree 30/2020
//! (Appendix I: top and bottom 20–25 mm, left 30–35 mm for the binding,
//! right 15–20 mm), fit to the page's width, the page number centred in the
//! top margin (each annexed table numbers its own pages), header rows
//! repeated on every page.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Millimetres in an inch, Excel's margin unit.
const MM: f64 = 1.0 / 25.4;

/// The decree's margins: left 30 mm, right 15 mm, top and bottom 20 mm
/// (header and footer 10 mm).
pub fn decree_margins(ws: &mut Worksheet) {
    ws.set_margins(
        30.0 * MM,
        15.0 * MM,
        20.0 * MM,
        20.0 * MM,
        10.0 * MM,
        10.0 * MM,
    );
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
