//! The direct lists: escaping as rust_xlsxwriter escapes, format indices as
//! it assigns them, rows spliced among its rows, parts deflated apart and
//! joined.

use std::io::Read as _;

use calamine::DataType as _;

use rust_xlsxwriter::{Format, Workbook};

use super::escape::escape;
use super::*;

fn escaped(s: &str) -> String {
    let mut out = Vec::new();
    escape(&mut out, s);
    String::from_utf8(out).unwrap()
}

#[test]
fn text_is_escaped_as_rust_xlsxwriter_escapes_it() {
    assert_eq!(escaped("Phòng Nội vụ"), "Phòng Nội vụ");
    assert_eq!(escaped("a&b<c>d\"e"), "a&amp;b&lt;c&gt;d\"e");
    assert_eq!(escaped("a\tb\nc"), "a\tb\nc");
    assert_eq!(escaped("a\rb\u{1}"), "a_x000D_b_x0001_");
    assert_eq!(
        escaped("_x0041_ _x00G1_ _x004"),
        "_x005F_x0041_ _x00G1_ _x004"
    );
    assert_eq!(escaped("=1+2"), "=1+2");
    assert_eq!(escaped("\u{FFFE}\u{FFEE}"), "_xFFFE_\u{FFEE}");
}

fn save_with(wb: &mut Workbook, path: &std::path::Path, lists: Lists) -> crate::error::Result<()> {
    let lists = lists.into_rows();
    save(
        wb,
        path,
        Finish {
            document: false,
            lists,
        },
    )
}

fn sheet_xml(path: &std::path::Path, n: usize) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The `s` attribute of cell `r` ("B3") in `xml`, 0 when it has none. A
/// cell without a reference is the one after the cell before it in its row
/// (the first of a row without one is in column A).
fn style_of(xml: &str, r: &str) -> u32 {
    let mut found = None;
    for row in xml.split("<row ").skip(1) {
        let number = row.strip_prefix("r=\"").unwrap().split('"').next().unwrap();
        let mut col = 0u16;
        for cell in row.split("<c").skip(1) {
            let attrs = &cell[..cell.find('>').unwrap()];
            if let Some(at) = attrs.strip_prefix(" r=\"") {
                let name: String = at.chars().take_while(char::is_ascii_uppercase).collect();
                col = (0..16_384)
                    .find(|&c| rust_xlsxwriter::utility::column_number_to_name(c) == name)
                    .unwrap();
            }
            let name = rust_xlsxwriter::utility::column_number_to_name(col);
            if format!("{name}{number}") == r {
                assert!(found.is_none(), "{r} twice");
                found = Some(
                    attrs
                        .split(" s=\"")
                        .nth(1)
                        .map_or(0, |s| s.split('"').next().unwrap().parse().unwrap()),
                );
            }
            col += 1;
        }
    }
    found.unwrap_or_else(|| panic!("no cell {r}"))
}

#[test]
fn list_cells_take_the_indices_rust_xlsxwriter_gives_their_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.xlsx");
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let bold_again = Format::new().set_bold();
    let mut wb = Workbook::new();
    let plain = Format::default();
    let lists = Lists::new(&mut wb, &[&date, &bold, &bold_again, &plain]);
    let other = Format::new().set_italic();
    let ws = wb.add_worksheet();
    ws.set_name("L").unwrap();
    // rust_xlsxwriter's own cells, in another order than registered.
    ws.write_string_with_format(0, 0, "x", &other).unwrap();
    ws.write_string_with_format(0, 1, "b", &bold).unwrap();
    ws.write_number_with_format(0, 2, 45000.0, &date).unwrap();
    ws.write_string_with_format(5, 0, "after", &bold).unwrap();
    let mut rows = lists.rows("L");
    rows.row(1, None).unwrap();
    rows.text(1, "b", &bold_again).unwrap();
    rows.date(
        2,
        chrono::NaiveDate::from_ymd_opt(2023, 3, 15).unwrap(),
        &date,
    )
    .unwrap();
    rows.row(3, Some(31.5)).unwrap();
    rows.number(0, 7.0, &plain).unwrap();
    rows.number(1, 2.34, &bold).unwrap();
    rows.blank(3, &date).unwrap();
    // A row starting right of where the row above ended; a cell refused
    // (its format not registered) leaves no gap unnamed.
    rows.row(4, None).unwrap();
    rows.text(4, "e", &plain).unwrap();
    let unregistered = Format::new().set_underline(rust_xlsxwriter::FormatUnderline::Single);
    assert!(rows.text(5, "refused", &unregistered).is_err());
    rows.text(6, "g", &plain).unwrap();
    lists.add(rows.finish().unwrap());
    save_with(&mut wb, &path, lists).unwrap();
    let xml = sheet_xml(&path, 1);
    assert_eq!(style_of(&xml, "B2"), style_of(&xml, "B1"));
    assert_eq!(style_of(&xml, "C2"), style_of(&xml, "C1"));
    assert_eq!(style_of(&xml, "B4"), style_of(&xml, "B1"));
    assert_eq!(style_of(&xml, "A4"), 0);
    assert_ne!(style_of(&xml, "B1"), style_of(&xml, "C1"));
    assert!(xml.contains("<dimension ref=\"A1:G6\"/>"), "{xml}");
    assert!(xml.contains("<row r=\"4\" ht=\"31.5\" customHeight=\"1\">"));
    // A row's first cell, and a cell after a gap, name themselves; a cell
    // right after the one before does not.
    assert!(xml.contains("<c r=\"A4\""), "{xml}");
    assert!(xml.contains("<c r=\"D4\""), "{xml}");
    assert!(!xml.contains("<c r=\"B4\""), "{xml}");
    assert!(!xml.contains("<c r=\"C2\""), "{xml}");
    assert!(xml.contains("<c r=\"E5\""), "{xml}");
    assert!(xml.contains("<c r=\"G5\""), "{xml}");
    // Rows ascend: the list's between rust_xlsxwriter's first and last.
    let rows: Vec<u32> = xml
        .split("<row r=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(rows, [1, 2, 4, 5, 6]);
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("L").unwrap();
    assert_eq!(range.get_value((1, 1)).unwrap().to_string(), "b");
    assert_eq!(
        range.get_value((1, 2)).unwrap().as_date(),
        chrono::NaiveDate::from_ymd_opt(2023, 3, 15)
    );
    assert_eq!(range.get_value((3, 0)).unwrap().as_f64(), Some(7.0));
    assert_eq!(range.get_value((3, 1)).unwrap().as_f64(), Some(2.34));
    assert!(matches!(
        range.get_value((3, 2)),
        None | Some(calamine::Data::Empty)
    ));
    assert_eq!(range.get_value((4, 4)).unwrap().to_string(), "e");
    assert_eq!(range.get_value((4, 6)).unwrap().to_string(), "g");
    assert_eq!(range.get_value((5, 0)).unwrap().to_string(), "after");
}

#[test]
fn a_list_deflated_in_parts_reads_whole_and_between_its_sheets_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.xlsx");
    let cell = Format::new().set_text_wrap();
    let mut wb = Workbook::new();
    let lists = Lists::new(&mut wb, &[&cell]);
    let mut ws = wb.new_worksheet_with_constant_memory().unwrap();
    ws.set_name("P").unwrap();
    ws.write_string(0, 0, "head").unwrap();
    // Two blocks with the sheet's own rows between them, as "Nghỉ hưu".
    let n = 3000u32;
    let mut first = lists.rows("P");
    for r in 1..=n {
        first.row(r, None).unwrap();
        first.number(0, f64::from(r), &cell).unwrap();
        first
            .text(1, &format!("Nguyễn Văn {r} & <{r}>"), &cell)
            .unwrap();
    }
    lists.add(first.finish().unwrap());
    ws.write_string(n + 1, 0, "middle").unwrap();
    let mut second = lists.rows("P");
    for r in n + 2..n + 10 {
        second.row(r, None).unwrap();
        second.text(1, " spaced ", &cell).unwrap();
    }
    lists.add(second.finish().unwrap());
    ws.write_string(n + 10, 0, "end").unwrap();
    wb.push_worksheet(ws);
    save_with(&mut wb, &path, lists).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("P").unwrap();
    assert_eq!(range.get_value((0, 0)).unwrap().to_string(), "head");
    for r in 1..=n {
        let row = usize::try_from(r).unwrap();
        assert_eq!(
            range.get_value((r, 0)).unwrap().as_f64(),
            Some(f64::from(r))
        );
        assert_eq!(
            range.get_value((r, 1)).unwrap().to_string(),
            format!("Nguyễn Văn {row} & <{row}>")
        );
    }
    assert_eq!(range.get_value((n + 1, 0)).unwrap().to_string(), "middle");
    assert_eq!(range.get_value((n + 2, 1)).unwrap().to_string(), " spaced ");
    assert_eq!(range.get_value((n + 10, 0)).unwrap().to_string(), "end");
}

#[test]
fn a_list_overlapping_rows_above_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plain = Format::default();
    // The sheet's own row, and the list's blocks: the sheet's row 3 amid
    // the list's rows 2 and 4; two blocks over rows 11–21 and 16–26.
    let cases: [(Option<u32>, Vec<Vec<u32>>); 2] = [
        (Some(2), vec![vec![1, 3]]),
        (None, vec![(10..=20).collect(), (15..=25).collect()]),
    ];
    for (own, blocks) in cases {
        let path = dir.path().join("o.xlsx");
        let mut wb = Workbook::new();
        let lists = Lists::new(&mut wb, &[]);
        let ws = wb.add_worksheet();
        ws.set_name("O").unwrap();
        if let Some(r) = own {
            ws.write_string(r, 0, "own").unwrap();
        }
        for block in blocks {
            let mut rows = lists.rows("O");
            for r in block {
                rows.row(r, None).unwrap();
                rows.text(0, "x", &plain).unwrap();
            }
            lists.add(rows.finish().unwrap());
        }
        let e = save_with(&mut wb, &path, lists).unwrap_err();
        assert!(e.to_string().contains("overlap"), "{e}");
        assert!(!path.exists());
    }
}

#[test]
fn list_rows_keep_to_excels_grid() {
    let mut wb = Workbook::new();
    let lists = Lists::new(&mut wb, &[]);
    let plain = Format::default();
    let mut rows = lists.rows("G");
    let last_row = u32::try_from(EXCEL_MAX_ROWS - 1).unwrap();
    rows.row(last_row, None).unwrap();
    rows.text(3, "x", &plain).unwrap();
    // Columns left to right, within Excel's 16,384.
    assert!(rows.text(3, "again", &plain).is_err());
    assert!(rows.text(2, "left", &plain).is_err());
    assert!(rows.text(16_384, "far", &plain).is_err());
    assert!(rows.row(last_row + 1, None).is_err());
    // A row without cells still counts in the list's rows.
    let mut rows = lists.rows("G");
    rows.row(4, Some(30.0)).unwrap();
    rows.text(0, "x", &plain).unwrap();
    rows.row(6, Some(30.0)).unwrap();
    let done = rows.finish().unwrap();
    assert_eq!(done.span, Some((4, 6, 0)));
}
