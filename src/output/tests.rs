use super::*;

#[test]
fn long_lists_continue_on_further_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.xlsx");
    let items: Vec<u32> = (1..=7).collect();
    let mut wb = Workbook::new();
    long_list_per_sheet(
        &mut wb,
        "Danh sách",
        Lang::Vi,
        &items,
        3,
        |ws, chunk, before| {
            for (i, v) in chunk.iter().enumerate() {
                ws.write_number(u32::try_from(i).unwrap(), 0, f64::from(*v))?;
                ws.write_number(
                    u32::try_from(i).unwrap(),
                    1,
                    f64::from(u32::try_from(before).unwrap()),
                )?;
            }
            Ok(u32::try_from(chunk.len()).unwrap())
        },
    )
    .unwrap();
    wb.save(&path).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Danh sách", "Danh sách (tiếp 2)", "Danh sách (tiếp 3)"]
    );
    let col0 = |name: &str, book: &mut calamine::Sheets<_>| -> Vec<String> {
        book.worksheet_range(name)
            .unwrap()
            .rows()
            .map(|r| r[0].to_string())
            .collect()
    };
    assert_eq!(col0("Danh sách", &mut book), ["1", "2", "3"]);
    assert_eq!(col0("Danh sách (tiếp 3)", &mut book), ["7"]);
}

#[test]
fn wrapped_height_grows_with_lines() {
    let line = |n: f64| n * 11.0 * 1.2 + 3.0;
    assert_eq!(wrapped_height("ngắn", 20.0, 11.0), line(1.0));
    // A 20-unit column holds 20 × 7 × ¾ = 105 points of text; at 11 points
    // with 3% to spare, 105 / 11 × 1000 / 1.03 = 9267 thousandths of the
    // size. "chữa" = c 444 + h 500 + ữ 580 (u 500, its horn 80) + a 444 =
    // 1968; with a space (250) before each further word, four words take
    // 8622 and five 10840: ten words, three lines.
    let words = ["chữa"; 10].join(" ");
    assert_eq!(wrapped_height(&words, 20.0, 11.0), line(3.0));
    // An explicit line break starts a line.
    assert_eq!(
        wrapped_height(&format!("{words}\nmột"), 20.0, 11.0),
        line(4.0)
    );
    // A word longer than the line breaks across lines: 50 × 500 = 25000
    // is 2.7 lines of 9267.
    assert_eq!(wrapped_height(&"x".repeat(50), 20.0, 11.0), line(3.0));
    // Letters as wide as they print: 33 "i" (278: 9174) fit a line, 40 "m"
    // (778) take four.
    assert_eq!(wrapped_height(&"i".repeat(33), 20.0, 11.0), line(1.0));
    assert_eq!(wrapped_height(&"m".repeat(40), 20.0, 11.0), line(4.0));
    // Bold is wider: "Hưởng lương" regular is H 722 + ư 580 (u 500 and a
    // horn 80) + ở 580 + n 500 + g 500, space 250, l 278 + ư 580 + ơ 580 +
    // n 500 + g 500 = 5570; bold 778 + 636 + 580 + 556 + 500, 250, 278 +
    // 636 + 580 + 556 + 500 = 5850. A 10-unit column at 10 points holds
    // 10 × 7 × ¾ / 10 × 1000 / 1.03 = 5097: both wrap; at 9 points (5663)
    // only bold wraps.
    assert_eq!(wrapped_height("Hưởng lương", 10.0, 10.0), 2.0 * 12.0 + 3.0);
    assert_eq!(wrapped_height("Hưởng lương", 10.0, 9.0), 9.0 * 1.2 + 3.0);
    assert_eq!(
        wrapped_height("Hưởng lương", 10.0, Type::bold(9.0)),
        2.0 * 9.0 * 1.2 + 3.0
    );
    // Larger type, fewer characters a line: at 22 points 4633 a line, two
    // words (4186) fit, three (6404) do not: five lines.
    assert_eq!(wrapped_height(&words, 20.0, 22.0), 5.0 * 22.0 * 1.2 + 3.0);
    // Any character not known is as wide as an "M" or wider; a combining
    // mark (text not composed) adds nothing to its letter.
    assert_eq!(wrapped_height(&"漢".repeat(10), 20.0, 11.0), line(2.0));
    let decomposed = "a\u{301}".repeat(20);
    assert_eq!(wrapped_height(&decomposed, 20.0, 11.0), line(1.0));
}

/// Each row's height as a spreadsheet reads it from `xml`: its own, else the
/// sheet's default (`None`: no height at all, the application's own).
fn row_heights(xml: &str) -> Vec<(u32, Option<f64>)> {
    let attr = |el: &str, key: &str| {
        let key = format!(" {key}=\"");
        el.find(&key).map(|at| {
            let v = &el[at + key.len()..];
            v[..v.find('"').unwrap()].to_string()
        })
    };
    let format = &xml[xml.find("<sheetFormatPr").unwrap()..];
    let default = attr(&format[..format.find('>').unwrap()], "customHeight")
        .and_then(|_| attr(format, "defaultRowHeight"))
        .map(|h| h.parse().unwrap());
    xml.match_indices("<row ")
        .map(|(at, _)| {
            let el = &xml[at..at + xml[at..].find('>').unwrap()];
            let r = attr(el, "r").unwrap().parse().unwrap();
            (r, attr(el, "ht").map(|h| h.parse().unwrap()).or(default))
        })
        .collect()
}

/// Writes rows 0–1 as a heading and a list below of the given heights,
/// the way the long lists do; returns the sheet's XML.
fn list_sheet(heights: &[Option<f64>]) -> String {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.xlsx");
    let mut wb = Workbook::new();
    let plain = Format::default();
    let lists = Lists::new(&mut wb, &[]);
    let mut ws = wb.new_worksheet_with_constant_memory().unwrap();
    ws.set_name("L").unwrap();
    let list = ListHeights::new(&mut ws, heights.iter().copied(), 2).unwrap();
    ws.write_string(0, 0, "Tiêu đề").unwrap();
    ws.set_row_height(1, 39.75).unwrap();
    ws.write_string(1, 0, "Dòng đầu bảng").unwrap();
    lists
        .write("L", 2, heights, |rows, r, _, h| {
            rows.row(r, list.height(*h))?;
            rows.text(0, "x", &plain)
        })
        .unwrap();
    end_rows(&mut ws, u32::try_from(heights.len()).unwrap() + 2).unwrap();
    wb.push_worksheet(ws);
    let lists = lists.into_rows();
    save(
        &mut wb,
        &path,
        Finish {
            document: false,
            lists,
        },
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn a_lists_most_common_height_is_the_sheets_default() {
    // Two lines in most rows: the default is 31.5; a one-line row and a
    // taller row set their own, and the heading rows keep theirs (row 1
    // set after the default, row 0 given a height of its own).
    let xml = list_sheet(&[Some(31.5), None, Some(31.5), Some(46.5), Some(31.5)]);
    let heights = row_heights(&xml);
    assert_eq!(
        heights[..7],
        [
            (1, Some(18.75)),
            (2, Some(39.75)),
            (3, Some(31.5)),
            (4, Some(15.75)),
            (5, Some(31.5)),
            (6, Some(46.5)),
            (7, Some(31.5)),
        ]
    );
    // The sheet's default is the list's most common height (rows 3, 5 and
    // 7 are written with it).
    assert!(xml.contains("defaultRowHeight=\"31.5\""), "{xml}");
    // One line in most rows: no default, and only the taller row is set.
    let xml = list_sheet(&[None, None, Some(46.5)]);
    let format = &xml[xml.find("<sheetFormatPr").unwrap()..];
    assert!(
        !format[..format.find('>').unwrap()].contains("customHeight"),
        "{xml}"
    );
    assert_eq!(
        row_heights(&xml)[..5],
        [
            (1, None),
            (2, Some(39.75)),
            (3, None),
            (4, None),
            (5, Some(46.5))
        ]
    );
}

#[test]
fn a_constant_memory_sheet_writes_its_last_row_once() {
    // The last row has a height of its own (46.5, not the default).
    let xml = list_sheet(&[Some(31.5), Some(31.5), Some(46.5)]);
    let rows: Vec<u32> = row_heights(&xml).iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [1, 2, 3, 4, 5, 6], "{xml}");
}

#[test]
fn a_full_list_sheet_keeps_its_closing_row() {
    // A list one item longer than a sheet holds below one heading row: the
    // first sheet is full to Excel's second last row, the closing row fits
    // below it (a sheet filled to the last row made the write fail), and the
    // last item continues on a second sheet. Only each part's first and last
    // rows are written.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.xlsx");
    let items: Vec<u32> = (0..=u32::try_from(per_sheet(1)).unwrap()).collect();
    let mut wb = Workbook::new();
    long_list_per_sheet(
        &mut wb,
        "Lỗi",
        Lang::Vi,
        &items,
        per_sheet(1),
        |ws, chunk, _| {
            let last = u32::try_from(chunk.len()).unwrap();
            ws.write_number(1, 0, f64::from(chunk[0]))?;
            ws.write_number(last, 0, f64::from(chunk[chunk.len() - 1]))?;
            ws.set_row_height(last, 30.0)?;
            Ok(last + 1)
        },
    )
    .unwrap();
    wb.save(&path).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Lỗi", "Lỗi (tiếp 2)"]);
    let first = book.worksheet_range("Lỗi").unwrap();
    assert_eq!(
        first.end().unwrap().0,
        u32::try_from(EXCEL_MAX_ROWS).unwrap() - 2
    );
    let last_item = f64::from(u32::try_from(per_sheet(1)).unwrap() - 1);
    assert_eq!(
        first.get_value((u32::try_from(EXCEL_MAX_ROWS).unwrap() - 2, 0)),
        Some(&calamine::Data::Float(last_item))
    );
    // Its last row (with a height of its own) is written once.
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    let rows: Vec<u32> = row_heights(&xml).iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [2, 1_048_575, 1_048_576]);
    let second = book.worksheet_range("Lỗi (tiếp 2)").unwrap();
    assert_eq!(
        second.get_value((1, 0)),
        Some(&calamine::Data::Float(last_item + 1.0))
    );
}

#[test]
fn a_merged_cell_gives_its_text_the_padding_between_its_columns() {
    // Two 10-unit columns: 2 × (70 + 5) pixels, less one cell's 5 of
    // padding, is 145 pixels of text: 20 5/7 units of 7.
    assert!((merged_width([10.0, 10.0]) - (20.0 + 5.0 / 7.0)).abs() < 1e-12);
    assert!((merged_width([8.43]) - 8.43).abs() < 1e-12);
    assert!(merged_width([]).abs() < 1e-12);
}

#[test]
fn columns_as_wide_as_their_numbers() {
    // "100,0%": 1, 0, 0 (500 each), "," 250, 0 500, "%" 833 = 3083
    // thousandths; at 12 points with 5% to spare, 3.083 × 12 × 1.05 / 5.25.
    assert!((units_for(3083, 12.0) - 7.3992).abs() < 1e-9);
    // "2,483,312": seven digits and two separators, 4000: 9.6 units.
    assert!((number_width(2_483_312, 12.0) - 9.6).abs() < 1e-9);
    assert!((number_width(999, 12.0) - 3.6).abs() < 1e-9);
    assert!((number_width(1000, 12.0) - 5.4).abs() < 1e-9);
    assert!((number_width(0, 12.0) - 1.2).abs() < 1e-9);
}

/// A long text measured once per column: the same text in a narrow column
/// after a wide one still takes its lines there, and a repeat gives the
/// height the text gave the first time.
#[test]
fn seen_heights_are_per_column() {
    let w = Widths::new(&[(1, 10.0), (2, 100.0)]);
    let text = "Trình độ chuyên môn: Trung cấp trở lên; Lý luận chính trị: Sơ cấp";
    assert!(text.len() >= print::MEASURED_ONCE_FROM);
    let mut seen = SeenHeights::default();
    // One line in the wide column: the row keeps its height.
    assert_eq!(w.row_height_seen(&mut seen, [(2, text)], 12.0), None);
    // 65 letters of about half an em in 10 units (52.5 points, a little
    // over eight letters of 12-point type a line): eight lines or more.
    let narrow = w.row_height_seen(&mut seen, [(1, text)], 12.0).unwrap();
    assert!(narrow >= 8.0 * 12.0 * 1.2 + 3.0, "{narrow}");
    assert_eq!(Some(narrow), w.row_height([(1, text)], 12.0));
    assert_eq!(
        w.row_height_seen(&mut seen, [(1, text)], 12.0),
        Some(narrow)
    );
    assert_eq!(w.row_height_seen(&mut seen, [(2, text)], 12.0), None);
}

/// Heights seen at one width or type are not given for another.
#[test]
fn seen_heights_follow_the_width_and_type() {
    let (narrow, wide) = (Widths::new(&[(1, 10.0)]), Widths::new(&[(1, 100.0)]));
    let text = "Trình độ chuyên môn: Trung cấp trở lên; Lý luận chính trị: Sơ cấp";
    let mut seen = SeenHeights::default();
    let tall = narrow
        .row_height_seen(&mut seen, [(1, text)], 12.0)
        .unwrap();
    assert_eq!(wide.row_height_seen(&mut seen, [(1, text)], 12.0), None);
    // 8 points: more letters a line, so fewer lines, each shorter.
    let small = narrow.row_height_seen(&mut seen, [(1, text)], 8.0).unwrap();
    assert!(small < tall, "{small} {tall}");
    assert_eq!(Some(small), narrow.row_height([(1, text)], 8.0));
}
