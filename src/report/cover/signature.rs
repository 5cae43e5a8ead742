//! The cover's foot: "Nơi nhận" on the left, the signature block on the right.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::style::{Columns, Cover};
use crate::labels::{self, Lang};
use crate::output;
use crate::policy::Document;

/// "Nơi nhận" on the left, the signature on the right. Returns the last row.
pub(super) fn signature(
    ws: &mut Worksheet,
    f: &Cover,
    cols: &Columns,
    lang: Lang,
    doc: &Document,
    top: u32,
) -> Result<u32, XlsxError> {
    let (left_end, right, last) = (cols.right - 1, cols.right, cols.last());
    let mut left: Vec<String> = Vec::new();
    let given: Vec<&str> = doc
        .recipients
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let n = given.len();
    for (i, rcp) in given.iter().enumerate() {
        let end = if i + 1 == n { "." } else { ";" };
        left.push(format!("- {}{end}", rcp.trim_end_matches(['.', ';'])));
    }
    if left.is_empty() {
        left = vec![format!("- {};", labels::BLANK.repeat(4)); 3];
    }
    let mut right_lines: Vec<(String, &Format)> = Vec::new();
    for v in [&doc.authority, &doc.signer_title] {
        if let Some(s) = Document::given(v.as_ref()) {
            right_lines.push((s.to_uppercase(), &f.sign));
        }
    }
    if right_lines.is_empty() {
        right_lines.push((labels::BLANK.repeat(6), &f.sign));
    }
    // Room to sign and stamp.
    let signer_row = top + output::row(right_lines.len()) + 4;
    let mut r = top;
    ws.merge_range(
        r,
        0,
        r,
        left_end,
        labels::doc(lang).recipients,
        &f.recipients_head,
    )?;
    for (k, (text, fmt)) in right_lines.iter().enumerate() {
        ws.merge_range(
            top + output::row(k),
            right,
            top + output::row(k),
            last,
            text,
            fmt,
        )?;
    }
    for line in &left {
        r += 1;
        ws.merge_range(r, 0, r, left_end, line, &f.recipients)?;
    }
    let signer = Document::given(doc.signer.as_ref())
        .map_or_else(|| labels::BLANK.repeat(6), str::to_string);
    ws.merge_range(signer_row, right, signer_row, last, &signer, &f.sign)?;
    Ok(signer_row.max(r))
}
