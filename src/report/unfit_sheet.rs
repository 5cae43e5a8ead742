//! "Chưa đạt chuẩn vị trí": each posting failing a requirement of its
//! position, and each posting to be verified (no requirement known to be
//! unmet, some value unknown), with the verdict in the last column.
//!
//! The national list is 251,000 rows: their texts and heights are made on
//! every core before the sheet is begun, and the sheet's default row height
//! is the list's most common one ([`output::ListHeights`]: 120 MB less at
//! the peak of a national report).

use std::sync::Arc;

use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::said::Said;
use super::sheets::{num, row_u32};
use super::{Formats, HEADER_ROW, ReportInput, print_setup, table_top};
use crate::labels;
use crate::output::{self, ListHeights, long_list};
use crate::positions::{Basis, Catalogue, Placement, Unmet};

/// A row of the list, made before it is written.
struct Row {
    /// The posting.
    idx: usize,
    /// The requirements unmet, and where they come from.
    text: Arc<str>,
    /// The height its text needs (`None`: one line).
    height: Option<f64>,
}

/// Writes the sheet (and its continuations past Excel's last row).
pub(super) fn unfit(
    wb: &mut Workbook,
    f: &Formats,
    lists: &output::Lists,
    input: &ReportInput<'_>,
    p: &Placement,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let names = [
        l.col_no,
        l.col_unit,
        l.col_name,
        l.col_title,
        l.col_position_code,
        l.col_position,
        l.col_unmet,
        labels::col_standard(input.lang),
    ];
    let postings: Vec<usize> = p
        .assignments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.placed() && !a.unmet.is_empty())
        .map(|(i, _)| i)
        .collect();
    let code_width = output::code_width(
        postings
            .iter()
            .filter_map(|&i| p.assignments[i].position)
            .map(|i| p.catalogue.positions[i as usize].shown_code()),
    );
    let widths = output::column_widths(
        &names,
        &[
            (0, 6.0),
            (1, 26.0),
            (2, 22.0),
            (3, 20.0),
            (4, code_width),
            (5, 28.0),
            (6, 52.0),
            (7, 16.0),
        ],
    );
    let w = output::Widths::new(&widths);
    let rows: Vec<Row> = postings
        .par_iter()
        .map_init(
            || (output::SeenHeights::default(), Said::default()),
            |(seen, said), &idx| {
                let text = said_text(said, input, p, idx);
                let height = w.row_height_seen(seen, cells(input, p, idx, &text), 12.0);
                Row { idx, text, height }
            },
        )
        .collect();
    drop(postings);
    long_list(
        wb,
        l.sheet_unfit,
        input.lang,
        &rows,
        HEADER_ROW as usize + 1,
        |ws, chunk, before| {
            let heights = ListHeights::new(ws, chunk.iter().map(|r| r.height), HEADER_ROW)?;
            table_top(ws, f, input, l.sheet_unfit, &names, &widths)?;
            // Before the rows: a constant-memory sheet cannot change a written row.
            print_setup(ws, HEADER_ROW)?;
            ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
            if !chunk.is_empty() {
                ws.autofilter(HEADER_ROW, 0, HEADER_ROW + row_u32(chunk.len()), 7)?;
            }
            lists.write(&ws.name(), HEADER_ROW + 1, chunk, |rows, r, i, row| {
                rows.row(r, heights.height(row.height))?;
                write_row(rows, f, input, p, before + i + 1, row)
            })?;
            Ok(HEADER_ROW + 1 + row_u32(chunk.len()))
        },
    )
}

/// The text of posting `idx` (see [`unmet_text`]), made once per task (a
/// few per core) for each distinct (requirements, basis), not once per row:
/// on the national report, sheets 0.695 → 0.636 s (means of five
/// alternating runs; the peak 830 → 815 MB in them, within the runs'
/// spread).
fn said_text(
    said: &mut Said<(Vec<Unmet>, Basis), str>,
    input: &ReportInput<'_>,
    p: &Placement,
    idx: usize,
) -> Arc<str> {
    let a = &p.assignments[idx];
    let key = (a.unmet.as_slice(), a.basis(&p.catalogue));
    said.get(
        key,
        |(unmet, basis)| (unmet.as_slice(), *basis) == key,
        || {
            let text = unmet_text(input.lang, &p.catalogue, key);
            ((key.0.to_vec(), key.1), text.into())
        },
    )
}

/// Requirements unmet, and what they rest on.
fn unmet_text(lang: labels::Lang, cat: &Catalogue, (unmet, basis): (&[Unmet], Basis)) -> String {
    let words: Vec<String> = unmet.iter().map(|u| labels::unmet(lang, u)).collect();
    labels::with_basis(
        lang,
        &words.join("; "),
        &labels::standard_source(lang, cat, basis),
    )
}

/// The text cells of posting `idx`'s row: who and where, the position, the
/// requirements unmet (`text`), the verdict.
fn cells<'a>(
    input: &'a ReportInput<'_>,
    p: &'a Placement,
    idx: usize,
    text: &'a str,
) -> [(u16, &'a str); 7] {
    let rec = &input.loaded.roster.staff.row(idx);
    let a = &p.assignments[idx];
    let def = a.position.map(|i| &p.catalogue.positions[i as usize]);
    [
        (
            1,
            input.loaded.roster.units[rec.unit as usize].name.as_str(),
        ),
        (2, input.loaded.roster.texts.get(rec.name)),
        (3, input.loaded.roster.texts.opt(rec.title).unwrap_or("")),
        (4, def.map_or("", |d| d.shown_code())),
        (5, def.map_or("", |d| d.name.as_str())),
        (6, text),
        (7, labels::standard(input.lang, a.standard())),
    ]
}

/// The cells of `row`, number `n` of the list.
fn write_row<'f>(
    rows: &mut output::ListRows<'_, 'f>,
    f: &'f Formats,
    input: &ReportInput<'_>,
    p: &Placement,
    n: usize,
    row: &Row,
) -> Result<(), XlsxError> {
    rows.number(0, num(n as u64), &f.int)?;
    for (c, s) in cells(input, p, row.idx, &row.text) {
        rows.text(c, s, &f.cell)?;
    }
    Ok(())
}
