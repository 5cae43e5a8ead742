//! The movement's sheets: the table in the forms' layout, and the list of
//! people who changed (A4 landscape, header repeated).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Change, Kind, Movement};
use crate::labels::{self, Lang};
use crate::output::{self, Widths};
use crate::staff::{EDU, LLCT, QLNN};

/// Writes the table as the forms are written.
pub fn write_table(
    ws: &mut Worksheet,
    m: &Movement,
    input: &crate::forms::sheet::SheetInput<'_>,
    lists: &output::Lists,
) -> Result<(), XlsxError> {
    ws.set_name(labels::movement(input.lang).sheet)?;
    crate::forms::sheet::write(ws, &m.form, &m.table, input, lists)
}

/// A level's name on one of the three scales.
fn level(lang: Lang, scale: usize, rank: i8) -> &'static str {
    let at = usize::try_from(rank).ok();
    match scale {
        0 => labels::education(lang, at.and_then(|i| EDU.get(i).copied())),
        1 => labels::political_theory(lang, at.and_then(|i| LLCT.get(i).copied())),
        _ => labels::state_management(lang, at.and_then(|i| QLNN.get(i).copied())),
    }
}

/// The details column of a change.
fn details(lang: Lang, c: &Change) -> String {
    let l = labels::movement(lang);
    match c.kind {
        Kind::Retired => c
            .retired_on
            .map(|d| format!("{} {}", l.last_day, d.format("%d/%m/%Y")))
            .unwrap_or_default(),
        Kind::CategoryChange => format!(
            "{} → {}",
            c.from_category.map_or("", |x| labels::category(lang, x)),
            labels::category(lang, c.category)
        ),
        Kind::Gained => c
            .gained
            .iter()
            .map(|&(s, before, after)| {
                let scale = [l.education, l.political_theory, l.state_management][s.min(2)];
                format!(
                    "{scale}: {} → {}",
                    level(lang, s, before),
                    level(lang, s, after)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// Writes the list of people who changed.
pub fn write_list(ws: &mut Worksheet, m: &Movement, lang: Lang) -> Result<(), XlsxError> {
    let l = labels::movement(lang);
    ws.set_name(l.list_sheet)?;
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(10);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let head = cell.clone().set_bold().set_align(FormatAlign::Center);
    let number = cell.clone().set_align(FormatAlign::Center);
    let title = base
        .clone()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center);
    let scope = base.clone().set_italic().set_align(FormatAlign::Center);
    let w = Widths::set(
        ws,
        &[
            (0, 5.0),
            (1, 22.0),
            (2, 10.5),
            (3, 13.0),
            (4, 15.0),
            (5, 22.0),
            (6, 22.0),
            (7, 24.0),
            (8, 17.0),
        ],
    )?;
    use chrono::Datelike;
    let year = m.as_of.year().to_string();
    ws.merge_range(0, 0, 0, 8, &l.list_title.replace("{year}", &year), &title)?;
    let line = labels::movement_scope(lang, m.previous_as_of, m.as_of);
    ws.merge_range(1, 0, 1, 8, &line, &scope)?;
    let headers = (0u16..).zip(l.list_columns.iter().copied());
    for (c, h) in headers.clone() {
        output::text_with_format(ws, 3, c, h, &head)?;
    }
    w.fit_row(ws, 3, headers, output::Type::bold(10.0))?;
    for (r, (n, c)) in (4..).zip(m.changes.iter().enumerate()) {
        ws.write_number_with_format(r, 0, (n + 1) as f64, &number)?;
        let kind = l.kinds[c.kind as usize];
        let from = c.from.join("; ");
        let to = c.to.join("; ");
        let detail = details(lang, c);
        // How the two years were matched, or why they could not be.
        let method = match (c.matched_by, c.tie) {
            (Some(x), _) => l.methods[x as usize],
            (None, Some(t)) => l.ties[t as usize],
            (None, None) => "",
        };
        let texts: [(u16, &str); 8] = [
            (1, &c.name),
            (2, c.birth.as_deref().unwrap_or("")),
            (3, labels::category(lang, c.category)),
            (4, kind),
            (5, &from),
            (6, &to),
            (7, &detail),
            (8, method),
        ];
        for (col, text) in texts {
            output::text_with_format(ws, r, col, text, &cell)?;
        }
        w.fit_row(ws, r, texts, 10.0)?;
    }
    // The signatures under the list, as under the table.
    let r = 4 + u32::try_from(m.changes.len()).unwrap_or(0) + 1;
    signatures(ws, &l.footer, r, &base)?;
    output::page_setup(ws, true, Some(3))?;
    Ok(())
}

/// The two signature blocks from row `r`: who signs, bold, and how, in
/// italics; the preparer left, the head of the unit right.
fn signatures(
    ws: &mut Worksheet,
    footer: &[[&str; 2]; 2],
    r: u32,
    base: &Format,
) -> Result<(), XlsxError> {
    let bold = base.clone().set_bold().set_align(FormatAlign::Center);
    let italic = base.clone().set_italic().set_align(FormatAlign::Center);
    for (i, [who, how]) in footer.iter().enumerate() {
        let (c0, c1) = if i == 0 { (0, 3) } else { (5, 8) };
        ws.merge_range(r, c0, r, c1, who, &bold)?;
        ws.merge_range(r + 1, c0, r + 1, c1, how, &italic)?;
    }
    Ok(())
}
