//! The formats of a form sheet: Times New Roman as the decree's documents,
//! thin borders, wrapped text; integers and means centred; and its column
//! widths.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

use super::FormTable;
use super::def::Form;

/// One form sheet's formats.
pub(super) struct Formats {
    pub(super) left_bold: Format,
    pub(super) left_italic: Format,
    pub(super) right: Format,
    pub(super) title: Format,
    pub(super) center_italic: Format,
    pub(super) head: Format,
    pub(super) head_rotated: Format,
    pub(super) number_row: Format,
    pub(super) cell: Vec<Format>,
    pub(super) cell_bold: Format,
    pub(super) int: Format,
    pub(super) int_bold: Format,
    pub(super) mean: Format,
    pub(super) mean_bold: Format,
    pub(super) note: Format,
    pub(super) sign_title: Format,
    pub(super) sign_note: Format,
}

use crate::output::FONT;

impl Formats {
    pub(super) fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(11);
        let cell = base
            .clone()
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        let head = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        let centred = |num: &str| {
            cell.clone()
                .set_num_format(num)
                .set_align(FormatAlign::Center)
        };
        Self {
            left_bold: base.clone().set_bold().set_align(FormatAlign::Left),
            left_italic: base
                .clone()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            right: base.clone().set_align(FormatAlign::Left).set_text_wrap(),
            title: base
                .clone()
                .set_bold()
                .set_font_size(13)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            center_italic: base.clone().set_italic().set_align(FormatAlign::Center),
            head_rotated: head.clone().set_rotation(90),
            number_row: head.clone().set_bold().set_italic(),
            head,
            cell: (0..6).map(|i| cell.clone().set_indent(i)).collect(),
            cell_bold: cell.clone().set_bold(),
            int: centred("#,##0"),
            int_bold: centred("#,##0").set_bold(),
            mean: centred("0.0"),
            mean_bold: centred("0.0").set_bold(),
            note: base
                .clone()
                .set_font_size(10)
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            sign_title: base.clone().set_bold().set_align(FormatAlign::Center),
            sign_note: base.clone().set_italic().set_align(FormatAlign::Center),
        }
    }

    /// Gives every format its index in the workbook before sheets are
    /// written side by side: rust_xlsxwriter indexes a constant-memory
    /// sheet's new format in a table the sheets share, and two sheets
    /// adding one format at once could each take an index for it (a cell
    /// then shows another format's look), in an order that varies by run.
    pub(super) fn register(&self, wb: &mut rust_xlsxwriter::Workbook) {
        for f in self.all() {
            wb.register_format(f);
        }
    }

    /// Every format, in the order they are registered.
    pub(super) fn all(&self) -> Vec<&rust_xlsxwriter::Format> {
        let one = [
            &self.left_bold,
            &self.left_italic,
            &self.right,
            &self.title,
            &self.center_italic,
            &self.head,
            &self.head_rotated,
            &self.number_row,
            &self.cell_bold,
            &self.int,
            &self.int_bold,
            &self.mean,
            &self.mean_bold,
            &self.note,
            &self.sign_title,
            &self.sign_note,
        ];
        one.into_iter().chain(&self.cell).collect()
    }
}

/// The column widths of a form sheet: STT and name, then its columns
/// (`lead..=last`), or a list form's fields.
pub(super) fn widths(form: &Form, table: &FormTable, lead: u16, last: u16) -> Vec<(u16, f64)> {
    use super::def::{Orientation, PersonField as P};
    // A figure column at least as wide as its largest figure (10-point
    // type): Excel prints "#####" for a number wider than its cell (a
    // national BM02's 447,000 in a 5.2-unit column).
    let figures = |c: u16, least: f64| {
        let i = usize::from(c - lead);
        let most = table
            .rows
            .iter()
            .filter_map(|r| match r.cells.get(i) {
                Some(&super::Cell::Count(n)) => Some(n),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        (c, crate::output::number_width(most, 10.0).max(least))
    };
    match form.orientation {
        Orientation::Units => [(0, 4.5), (1, 26.0)]
            .into_iter()
            .chain((lead..=last).map(|c| figures(c, 5.2)))
            .collect(),
        Orientation::Criteria => [(0, 6.0), (1, 40.0)]
            .into_iter()
            .chain((lead..=last).map(|c| figures(c, 8.5)))
            .collect(),
        Orientation::People => form
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let w = match c.field {
                    Some(P::Number) => 4.5,
                    Some(P::Name) => 20.0,
                    Some(P::Unit | P::Title) => 18.0,
                    Some(P::BirthMale | P::BirthFemale) => 11.5,
                    Some(P::TimeInPost) => 11.0,
                    _ => 8.0,
                };
                (u16::try_from(i).unwrap_or(u16::MAX), w)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cell, RowKind, TableRow};
    use super::*;

    /// A units form of two criteria: the first column's largest figure is
    /// a national total, 447,000: six digits and a separator, 3,250
    /// thousandths of 10 points with 5% to spare, 3.25 × 10 × 1.05 / 5.25
    /// = 6.5 units; the second's (12) fits the usual 5.2.
    #[test]
    fn figure_columns_are_as_wide_as_their_largest_figure() {
        let text = "code = \"X\"\nbasis = \"b\"\ntitle = \"t\"\norientation = \"units\"\n\
                    [[criterion]]\nnumber = \"1\"\nlabel = \"a\"\n\
                    [[criterion]]\nnumber = \"2\"\nlabel = \"b\"\n";
        let form = Form::parse(text, std::path::Path::new("f.toml")).unwrap();
        let row = |cells| TableRow {
            kind: RowKind::Unit,
            depth: 0,
            label: String::new(),
            code: None,
            cells,
            unknown: Vec::new(),
        };
        let table = FormTable {
            rows: vec![
                row(vec![Cell::Count(447_000), Cell::Count(12)]),
                row(vec![Cell::Count(3), Cell::Blank]),
            ],
            people: Vec::new(),
            notes: Vec::new(),
            mismatches: Vec::new(),
        };
        let w = widths(&form, &table, 2, 3);
        assert_eq!(w[0..2], [(0, 4.5), (1, 26.0)]);
        assert_eq!(w[2].0, 2);
        assert!((w[2].1 - 6.5).abs() < 1e-9, "{w:?}");
        assert_eq!(w[3], (3, 5.2));
    }
}
