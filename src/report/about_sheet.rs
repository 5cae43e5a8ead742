//! "Thông tin": what the report was made from, for the record.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::sheets::{num, row_u32};
use super::{Formats, ReportInput, header_row};
use crate::labels;
use crate::output;
use crate::roster::SheetStatus;

/// "Thông tin": as-of, policy and inputs with hashes, row accounting, version, command.
pub(super) fn about(
    wb: &mut Workbook,
    f: &Formats,
    input: &ReportInput<'_>,
) -> Result<(), XlsxError> {
    let l = labels::get(input.lang);
    let ws = wb.add_worksheet();
    ws.set_name(l.sheet_about)?;
    let pairs = about_pairs(input);
    let w = output::Widths::set(ws, &[(0, 44.0), (1, 74.0), (2, 28.0)])?;
    for (i, (k, v)) in pairs.iter().enumerate() {
        output::text_with_format(ws, row_u32(i), 0, *k, &f.cell_bold)?;
        output::text_with_format(ws, row_u32(i), 1, v, &f.cell)?;
        // The name in bold, its value in regular type.
        let name = w.row_height([(0, *k)], output::Type::bold(12.0));
        let value = w.row_height([(1, v.as_str())], 12.0);
        if let Some(h) = [name, value].into_iter().flatten().reduce(f64::max) {
            ws.set_row_height(row_u32(i), h)?;
        }
    }
    let mut r = row_u32(pairs.len() + 1);
    output::text_with_format(ws, r, 0, l.about_inputs, &f.cell_bold)?;
    r += 1;
    let heads = [
        l.col_file,
        l.about_sha,
        l.col_sheet,
        l.rows_read,
        l.analysed,
        l.set_aside,
        l.non_staff,
    ];
    header_row(ws, f, r, &heads)?;
    // The files' table may run onto a second page: its header repeats.
    let head = r;
    let cells = heads.iter().enumerate().map(|(c, h)| (output::col(c), *h));
    w.fit_row(ws, r, cells, output::Type::bold(12.0))?;
    for s in &input.loaded.sheets {
        r += 1;
        let file = &input.loaded.files[s.file];
        output::text_with_format(ws, r, 0, output::shown_path(&file.path), &f.cell)?;
        output::text_with_format(ws, r, 1, &file.sha256, &f.cell)?;
        let mut sheet = s.name.to_string();
        if s.status == SheetStatus::Skipped {
            sheet.push_str(" — ");
            sheet.push_str(&labels::problem(
                input.lang,
                &crate::issues::Problem::NoHeader,
            ));
        }
        output::text_with_format(ws, r, 2, &sheet, &f.cell)?;
        let shown = output::shown_path(&file.path);
        w.fit_row(ws, r, [(0, shown.as_str()), (2, sheet.as_str())], 12.0)?;
        for (c, v) in [
            (3u16, s.rows.read),
            (4, s.rows.staff),
            (5, s.rows.set_aside),
            (6, s.rows.non_staff()),
        ] {
            ws.write_number_with_format(r, c, num(v as u64), &f.int)?;
        }
    }
    output::page_setup(ws, true, Some(head))
}

/// The record's lines: as-of date, issuing body, policy and its file and
/// digest, row accounting, version, redaction, command line.
fn about_pairs(input: &ReportInput<'_>) -> [(&'static str, String); 9] {
    let l = labels::get(input.lang);
    let p = input.policy;
    let t = input.loaded.totals();
    let accounting = format!(
        "{} = {} + {} + {}",
        t.read,
        t.staff,
        t.set_aside,
        t.non_staff()
    );
    [
        (l.about_as_of, input.as_of.format("%d/%m/%Y").to_string()),
        (
            l.about_issuing_body,
            p.issuing_body.clone().unwrap_or_default(),
        ),
        (l.about_policy, format!("{} ({})", p.name, p.id)),
        (l.about_policy_file, output::shown_path(&p.path)),
        (l.about_sha, p.sha256.clone()),
        (l.about_accounting, accounting),
        (l.about_version, env!("CARGO_PKG_VERSION").to_string()),
        (
            l.about_redacted,
            if input.loaded.redacted {
                l.redacted_yes
            } else {
                l.no
            }
            .to_string(),
        ),
        (l.about_command, input.command_line.clone()),
    ]
}
