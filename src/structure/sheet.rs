//! "Cơ cấu đội ngũ": the structure on two portrait A4 pages — the tables
//! (shares, ages, professional, political-theory and state-management
//! levels, grades; a column per category and the whole roster) on the first,
//! native charts of the whole roster with value labels on the second.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{AGE_BANDS, Group, Structure};
use crate::labels::{self, Lang};
use crate::output;
use crate::staff::{EDU, LLCT, QLNN};

pub(super) use crate::output::FONT;

struct Formats {
    title: Format,
    italic: Format,
    head: Format,
    label: Format,
    section: Format,
    int: Format,
    pct: Format,
    note: Format,
}

fn formats(lang: Lang) -> Formats {
    let base = Format::new().set_font_name(FONT).set_font_size(10);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        title: base
            .clone()
            .set_bold()
            .set_font_size(13)
            .set_align(FormatAlign::Center),
        italic: base.clone().set_italic().set_align(FormatAlign::Center),
        head: cell
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center),
        label: cell.clone().set_text_wrap(),
        section: cell.clone().set_bold().set_background_color(0x00F2_F2F2),
        int: cell
            .clone()
            .set_num_format("#,##0")
            .set_align(FormatAlign::Center),
        pct: cell
            .set_num_format(output::pct_format(lang))
            .set_align(FormatAlign::Center),
        note: base
            .set_italic()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
    }
}

/// A table of levels: its heading, and per row a label and each group's
/// figure.
pub(super) struct Table {
    pub(super) heading: String,
    pub(super) rows: Vec<(String, Vec<u64>)>,
}

fn levels(
    heading: &str,
    labels: Vec<String>,
    groups: &[Group],
    of: impl Fn(&Group) -> &[u64],
) -> Table {
    // Highest level first, as the forms print them; unknown last.
    let n = labels.len();
    let mut order: Vec<usize> = (0..n - 1).rev().collect();
    order.push(n - 1);
    Table {
        heading: heading.to_string(),
        rows: order
            .into_iter()
            .map(|i| (labels[i].clone(), groups.iter().map(|g| of(g)[i]).collect()))
            .collect(),
    }
}

/// Writes the sheet.
pub fn write(
    ws: &mut Worksheet,
    s: &Structure,
    lang: Lang,
    as_of: chrono::NaiveDate,
) -> Result<(), XlsxError> {
    let l = labels::structure(lang);
    ws.set_name(l.sheet)?;
    let f = formats(lang);
    let groups = &s.groups;
    let last = u16::try_from(groups.len()).unwrap_or(1);
    // The table fills the printed width (about 95 units), charts too.
    ws.set_column_width(0, 30.0)?;
    let width = (65.0 / f64::from(last)).clamp(9.0, 16.0);
    for c in 1..=last {
        ws.set_column_width(c, width)?;
    }
    ws.merge_range(0, 0, 0, last, l.title, &f.title)?;
    ws.merge_range(1, 0, 1, last, &labels::as_of_line(lang, as_of), &f.italic)?;
    // One header for every block; each block under its heading row.
    head_row(ws, &f, lang, groups, 3)?;
    section(ws, &f, (4, last), l.shares)?;
    let share_rows = 5;
    let mut r = shares(ws, &f, l, groups, share_rows)?;
    let tables = tables(lang, groups);
    let mut starts = Vec::new();
    for t in &tables {
        section(ws, &f, (r, last), &t.heading)?;
        r += 1;
        starts.push(r);
        for (label, values) in &t.rows {
            output::text_with_format(ws, r, 0, label, &f.label)?;
            for (c, v) in (1u16..).zip(values) {
                ws.write_number_with_format(r, c, *v as f64, &f.int)?;
            }
            r += 1;
        }
    }
    r = notes(ws, &f, lang, s, (r, last))?;
    ws.set_page_breaks(&[r + 1])?;
    super::charts::charts(ws, s, lang, (r + 1, last), (&starts, &tables), share_rows)?;
    output::page_setup(ws, false, None)?;
    // The pyramid's figures right of the table stay off the page.
    ws.set_print_area(0, 0, r + 1 + 14 * 3, last)?;
    Ok(())
}

/// The header row: a column per category, then everyone.
fn head_row(
    ws: &mut Worksheet,
    f: &Formats,
    lang: Lang,
    groups: &[Group],
    r: u32,
) -> Result<(), XlsxError> {
    let l = labels::structure(lang);
    output::text_with_format(ws, r, 0, "", &f.head)?;
    for (c, g) in (1u16..).zip(groups) {
        let name = g.category.map_or(l.everyone, |c| labels::category(lang, c));
        output::text_with_format(ws, r, c, name, &f.head)?;
    }
    ws.set_row_height(r, 42.0)?;
    Ok(())
}

/// A block's heading row, merged across the table.
fn section(
    ws: &mut Worksheet,
    f: &Formats,
    (r, last): (u32, u16),
    text: &str,
) -> Result<(), XlsxError> {
    ws.merge_range(r, 0, r, last, text, &f.section)?;
    Ok(())
}

/// People and leaders, then the shares of women, minorities and party
/// members overall and among leaders (blank where no one's value is known),
/// from row `r`; returns the row after.
fn shares(
    ws: &mut Worksheet,
    f: &Formats,
    l: &labels::StructureLabels,
    groups: &[Group],
    mut r: u32,
) -> Result<u32, XlsxError> {
    let people: Vec<u64> = groups.iter().map(|g| g.people).collect();
    let leaders: Vec<u64> = groups.iter().map(|g| g.leaders).collect();
    for (label, values) in [(l.people, &people), (l.leaders, &leaders)] {
        output::text_with_format(ws, r, 0, label, &f.label)?;
        for (c, v) in (1u16..).zip(values.iter()) {
            ws.write_number_with_format(r, c, *v as f64, &f.int)?;
        }
        r += 1;
    }
    for (among, pick) in [
        (false, 0usize),
        (false, 1),
        (false, 2),
        (true, 0),
        (true, 1),
        (true, 2),
    ] {
        let label = if among {
            l.among_leaders[pick]
        } else {
            l.share_of[pick]
        };
        output::text_with_format(ws, r, 0, label, &f.label)?;
        for (c, g) in (1u16..).zip(groups) {
            let (yes, known) = if among {
                g.leader_shares[pick]
            } else {
                g.shares[pick]
            };
            if known == 0 {
                ws.write_blank(r, c, &f.pct)?;
            } else {
                ws.write_number_with_format(r, c, yes as f64 / known as f64, &f.pct)?;
            }
        }
        r += 1;
    }
    Ok(r)
}

/// Under the table: what the shares are taken over, and the people in no
/// category's column; returns the row after.
fn notes(
    ws: &mut Worksheet,
    f: &Formats,
    lang: Lang,
    s: &Structure,
    (mut r, last): (u32, u16),
) -> Result<u32, XlsxError> {
    let Some(all) = s.groups.last() else {
        return Ok(r);
    };
    let known = [all.shares[0].1, all.shares[1].1, all.shares[2].1];
    let mut lines = vec![labels::structure_shares_note(lang, known, all.people)];
    if s.no_category > 0 {
        lines.push(labels::structure_no_category_note(lang, s.no_category));
    }
    for line in lines {
        ws.merge_range(r, 0, r, last, &line, &f.note)?;
        let width = 30.0 + 65.0;
        ws.set_row_height(r, output::wrapped_height(&line, width, 10.0))?;
        r += 1;
    }
    Ok(r)
}

/// The count tables: age bands, the three level scales (unknown last) and
/// grades (top first, "none" last).
fn tables(lang: Lang, groups: &[Group]) -> [Table; 5] {
    let l = labels::structure(lang);
    // Ages: people per band, then men and women for the pyramid.
    let bands = l.age_bands.map(str::to_string).to_vec();
    let ages = Table {
        heading: l.ages.to_string(),
        rows: (0..AGE_BANDS.len() + 2)
            .map(|b| {
                (
                    bands[b].clone(),
                    groups.iter().map(|g| g.ages[b].iter().sum()).collect(),
                )
            })
            .collect(),
    };
    let unknown = || labels::education(lang, None).to_string();
    let edu: Vec<String> = EDU
        .iter()
        .map(|e| labels::education(lang, Some(*e)).to_string())
        .chain([unknown()])
        .collect();
    let llct: Vec<String> = LLCT
        .iter()
        .map(|e| labels::political_theory(lang, Some(*e)).to_string())
        .chain([unknown()])
        .collect();
    let qlnn: Vec<String> = QLNN
        .iter()
        .map(|e| labels::state_management(lang, Some(*e)).to_string())
        .chain([unknown()])
        .collect();
    // Grades top first already; "none" last.
    let g = labels::grades(lang);
    let grade_rows = Table {
        heading: l.grades.to_string(),
        rows: g
            .ranks
            .iter()
            .map(|x| (*x).to_string())
            .chain([g.none.to_string()])
            .enumerate()
            .map(|(i, name)| (name, groups.iter().map(|x| x.grades[i]).collect()))
            .collect(),
    };
    [
        ages,
        levels(l.education, edu, groups, |g| &g.education),
        levels(l.political_theory, llct, groups, |g| &g.political_theory),
        levels(l.state_management, qlnn, groups, |g| &g.state_management),
        grade_rows,
    ]
}
