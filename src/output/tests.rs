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
