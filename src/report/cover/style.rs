//! The cover's formats (font, status colours) and columns (widths, the
//! heading's halves, the row heights that place the page break).

use std::cell::RefCell;
use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatUnderline, Worksheet, XlsxError,
};

use crate::labels;
use crate::output;

pub(super) use crate::output::FONT;
const GREEN: u32 = 0x00C6_EFCE;
const RED: u32 = 0x00FF_C7CE;
const GREY: u32 = 0x00E7_E6E6;

/// The cover's formats (sizes per the decree: 12–14 pt).
pub(super) struct Cover {
    pub(super) parent_body: Format,
    pub(super) body: Format,
    pub(super) republic: Format,
    pub(super) motto: Format,
    pub(super) number: Format,
    pub(super) place_date: Format,
    pub(super) kind: Format,
    pub(super) subject: Format,
    pub(super) italic: Format,
    pub(super) text: Format,
    pub(super) section: Format,
    pub(super) sentence: [Format; 3],
    /// The fonts of a sentence's words (the cell gives fill and wrap).
    pub(super) plain: Format,
    pub(super) strong: Format,
    pub(super) head: Format,
    pub(super) cell: Format,
    pub(super) right: Format,
    pub(super) int: Format,
    pub(super) pct: Format,
    pub(super) status: [Format; 3],
    pub(super) recipients_head: Format,
    pub(super) recipients: Format,
    pub(super) sign: Format,
}

impl Cover {
    pub(super) fn new(lang: labels::Lang) -> Self {
        let base = |size: f64| {
            Format::new()
                .set_font_name(FONT)
                .set_font_size(size)
                .set_align(FormatAlign::Top)
        };
        let center = |size: f64| base(size).set_align(FormatAlign::Center).set_text_wrap();
        let cell = base(11.0).set_border(FormatBorder::Thin).set_text_wrap();
        let fills = [GREEN, RED, GREY];
        Self {
            parent_body: center(12.0),
            body: center(12.0)
                .set_bold()
                .set_underline(FormatUnderline::Single),
            republic: center(12.0).set_bold(),
            motto: center(13.0)
                .set_bold()
                .set_underline(FormatUnderline::Single),
            number: center(13.0),
            place_date: center(13.0).set_italic(),
            kind: center(14.0).set_bold(),
            subject: center(13.0).set_bold(),
            italic: center(13.0).set_italic(),
            text: base(13.0).set_text_wrap().set_align(FormatAlign::Justify),
            section: base(13.0).set_bold(),
            plain: Format::new().set_font_name(FONT).set_font_size(13),
            strong: Format::new()
                .set_font_name(FONT)
                .set_font_size(13)
                .set_bold(),
            sentence: fills.map(|c| {
                base(13.0)
                    .set_text_wrap()
                    .set_background_color(Color::RGB(c))
            }),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            right: cell.clone().set_align(FormatAlign::Right),
            int: cell.clone().set_num_format("#,##0"),
            pct: cell.clone().set_num_format(output::pct_format(lang)),
            status: fills.map(|c| {
                cell.clone()
                    .set_bold()
                    .set_align(FormatAlign::Center)
                    .set_background_color(Color::RGB(c))
            }),
            cell,
            recipients_head: base(12.0).set_bold().set_italic(),
            recipients: base(11.0),
            sign: center(13.0).set_bold(),
        }
    }

    /// The format of a status: met, not met, not applicable.
    pub(super) fn of(formats: &[Format; 3], met: Option<bool>) -> &Format {
        match met {
            Some(true) => &formats[0],
            Some(false) => &formats[1],
            None => &formats[2],
        }
    }
}

/// The cover's columns: widths, and where the heading's halves meet.
pub(super) struct Columns {
    pub(super) widths: Vec<f64>,
    /// First column of the right half (national heading, signature).
    pub(super) right: u16,
    /// Row heights set so far (points), to place the page break.
    pub(super) heights: RefCell<BTreeMap<u32, f64>>,
}

impl Columns {
    pub(super) fn new(with_plan: bool) -> Self {
        // About 84 units fit between the decree's margins on portrait A4.
        // The right half holds "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in
        // 12-point bold (250 points) on one line: at least 48 units.
        let widths = if with_plan {
            vec![4.0, 21.0, 12.0, 11.0, 8.0, 9.0, 7.0, 7.0, 10.0]
        } else {
            vec![4.0, 25.0, 13.0, 14.0, 8.0, 9.0, 8.0, 8.0]
        };
        Self {
            widths,
            right: 3,
            heights: RefCell::default(),
        }
    }

    /// Sets a row's height, and remembers it.
    pub(super) fn height(&self, ws: &mut Worksheet, r: u32, h: f64) -> Result<(), XlsxError> {
        self.heights.borrow_mut().insert(r, h);
        ws.set_row_height(r, h)?;
        Ok(())
    }

    /// The height of rows `from..to` (unset rows at the default 15 points).
    pub(super) fn sum(&self, from: u32, to: u32) -> f64 {
        let h = self.heights.borrow();
        (from..to).map(|r| h.get(&r).copied().unwrap_or(15.0)).sum()
    }

    /// The last column.
    pub(super) fn last(&self) -> u16 {
        output::col(self.widths.len() - 1)
    }

    /// The width of columns `from..=to` merged (see [`output::merged_width`]).
    pub(super) fn span(&self, from: u16, to: u16) -> f64 {
        output::merged_width(
            self.widths[usize::from(from)..=usize::from(to)]
                .iter()
                .copied(),
        )
    }
}
