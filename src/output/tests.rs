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
            Ok(())
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
    // 11 pt in a 20-unit column: 20 characters a line, so four 4-letter
    // words (19 characters) fit and a fifth wraps: ten words, three lines.
    let words = ["chữa"; 10].join(" ");
    assert_eq!(wrapped_height(&words, 20.0, 11.0), line(3.0));
    // An explicit line break starts a line.
    assert_eq!(
        wrapped_height(&format!("{words}\nmột"), 20.0, 11.0),
        line(4.0)
    );
    // A word longer than the line breaks across lines: 50 = 20 + 20 + 10.
    assert_eq!(wrapped_height(&"x".repeat(50), 20.0, 11.0), line(3.0));
    // Capitals are wider: four lower-case words fill a line (19), in
    // capitals (23) the fourth wraps.
    assert_eq!(
        wrapped_height(&["abcd"; 4].join(" "), 20.0, 11.0),
        line(1.0)
    );
    assert_eq!(
        wrapped_height(&["ABCD"; 4].join(" "), 20.0, 11.0),
        line(2.0)
    );
    // Larger type, fewer characters a line: 20 × 11 / 22 = 10, two words.
    assert_eq!(wrapped_height(&words, 20.0, 22.0), 5.0 * 22.0 * 1.2 + 3.0);
}
