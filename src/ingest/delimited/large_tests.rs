//! Files large enough to be read in parts, and columns judged mostly
//! distinct after their first 65,536 rows: read in parts as read whole.

use super::parts::{join_parts, read_in_parts};
use super::read_whole;
use super::tests::everything;

/// The file read whole (not in parts, as `read` would read these
/// megabytes), its TCVN3 name converted.
fn whole_converted(bytes: &[u8]) -> String {
    let whole = everything(read_whole(bytes.to_vec(), false));
    assert!(
        whole.contains("Phạm Văn An"),
        "{}",
        &whole[whole.len() - 300..]
    );
    whole
}

#[test]
fn parts_judge_mostly_distinct_columns_as_the_whole_file() {
    // 100,000 distinct Unicode names, then 120,000 cells of one TCVN3 name:
    // read whole, the name column is judged mostly distinct on its first
    // rows and stores every later cell, so TCVN3 outweighs and is converted.
    let mut text = String::from("STT;Họ và tên\n");
    for i in 0..100_000 {
        text.push_str(&format!("{i};Nguyễn Văn {i}\n"));
    }
    for i in 0..120_000 {
        text.push_str(&format!("{i};Ph¹m V¨n An\n"));
    }
    let bytes = text.into_bytes();
    let whole = whole_converted(&bytes);
    for parts in 1..=3 {
        if let Some(p) = read_in_parts(&bytes, false, 0, parts) {
            assert_eq!(everything(join_parts(p)), whole, "{parts} parts");
        }
    }
    assert!(read_in_parts(&bytes, false, 0, 2).is_some());
}

/// Where an even cut would leave the first part fewer rows than the
/// columns are judged on (long rows first, short ones after), the first
/// part is cut after those rows: the file is still read in parts (it was
/// read whole when the cut fell by bytes alone), and reads as whole.
#[test]
fn the_first_part_holds_the_rows_columns_are_judged_on() {
    let mut text = String::from("STT;Họ và tên;Ghi chú\n");
    for i in 0..70_000 {
        let note = "x".repeat(80);
        text.push_str(&format!("{i};Nguyễn Văn {i};{note}\n"));
    }
    for i in 70_000..80_000 {
        text.push_str(&format!("{i};Lê Thị Hoa;\n"));
    }
    let bytes = text.into_bytes();
    let whole = everything(read_whole(bytes.clone(), false));
    let d = join_parts(read_in_parts(&bytes, false, 0, 2).expect("read in parts"));
    assert_eq!(everything(d), whole);
}

/// Rows are interned in batches that a line with quotes cuts short, so a
/// batch can start anywhere: the mostly-distinct judgement still falls
/// after the same row as reading the whole file. 59,200 distinct names
/// before row 65,536 are mostly distinct only when judged there (not 243
/// rows later); judged so, the later TCVN3 name is tallied cell by cell
/// and the text is converted.
#[test]
fn batches_judge_columns_after_the_same_row_as_the_whole_file() {
    let mut text = String::from("STT;Họ và tên;Ghi chú\n");
    for i in 0..130_000 {
        let stt = if i % 1000 == 0 {
            format!("\"{i}\"")
        } else {
            i.to_string()
        };
        let name = if i < 59_200 {
            format!("Nguyễn Văn {i}")
        } else {
            "Ph¹m V¨n An".to_owned()
        };
        // A third column on some rows only at first (it appears within a
        // batch), then on every row (the first of two parts must hold more
        // than 65,536 rows).
        let note = match i {
            ..59_200 if i % 7 == 0 => ";x",
            ..59_200 => "",
            _ => ";chưa cập nhật quá trình công tác",
        };
        text.push_str(&format!("{stt};{name}{note}\n"));
    }
    let bytes = text.into_bytes();
    let whole = whole_converted(&bytes);
    let d = join_parts(read_in_parts(&bytes, false, 0, 2).expect("qualifies"));
    assert_eq!(everything(d), whole);
}

/// A file read in parts from the disk, a window of whole lines at a time,
/// reads as its bytes read whole (cells, Excel rows, notes, lines, digest),
/// whatever the window and the parts: BOM, CRLF (windows ending between CR
/// and LF), lone CR, blank lines, one U+FFFD early on, quoted cells, no
/// line break at the end. A line longer than the window, or a quoted line
/// break, is left to reading the bytes.
#[cfg(unix)]
#[test]
fn a_file_read_from_disk_in_windows_reads_as_its_bytes() {
    use super::stream::{Reading, read_file_in_parts};
    let mut text = String::from("\u{feff}\"STT\";\"Họ; tên\";Đơn vị\r\n");
    for i in 0..400 {
        match i % 11 {
            0 => text.push_str("\r\n"),
            1 => text.push_str(&format!("{i};Nguyễn Văn {i};UBND xã A\r\n")),
            2 => text.push_str(&format!("{i};Lê Thị {i}\r")),
            3 => text.push_str(";;\n"),
            4 => text.push_str(&format!("{i};\"Trần; \"\"B\"\"\";\"\"\n")),
            _ => text.push_str(&format!("{i};Trần {};UBND xã B;x;y\n", i % 4)),
        }
    }
    text = text.replacen("Lê Thị 2", "Lê Thị \u{fffd}2", 1);
    text.push_str("999;cuối;không xuống dòng");
    let whole = everything(read_whole(text.clone().into_bytes(), false));
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("r.csv");
    let read = |content: &str, window: usize, parts: usize| {
        std::fs::write(&path, content).expect("written");
        let file = std::fs::File::open(&path).expect("opened");
        let size = file.metadata().expect("size").len();
        let how = Reading {
            from: 0,
            window,
            parts,
        };
        read_file_in_parts(&path, &file, size, false, &how).map(join_parts)
    };
    // From twice the longest run between line feeds (a window holding none
    // is left to the bytes).
    for window in (120..=400).chain([1 << 20]) {
        let parts = window % 4 + 1;
        let d =
            read(&text, window, parts).unwrap_or_else(|| panic!("window {window}, {parts} parts"));
        assert_eq!(everything(d), whole, "window {window}, {parts} parts");
    }
    let long = text.replacen("UBND xã A", &"x".repeat(300), 1);
    assert!(read(&long, 200, 2).is_none());
    assert!(read(&long, 400, 2).is_some());
    for at in [0.1, 0.5, 0.9] {
        let cut = text.floor_char_boundary((text.len() as f64 * at) as usize);
        let broken = format!("{}\n1;\"a\nb\";c\n{}", &text[..cut], &text[cut..]);
        assert!(
            read(&broken, 1000, 2).is_none(),
            "a quoted line break at {at}"
        );
    }
}

/// A large file given to `ingest::read_file` is read from the disk in
/// parts, and gives the sheet and the file's account its bytes read whole
/// give.
#[cfg(unix)]
#[test]
fn a_large_file_reads_from_disk_as_from_its_bytes() {
    let mut text = String::from("STT;Họ và tên;Đơn vị\r\n");
    for i in 0..200_000 {
        text.push_str(&format!("{i};Nguyễn Văn {};Xã {}\r\n", i % 9000, i % 3321));
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("large.csv");
    std::fs::write(&path, &text).expect("written");
    assert!(super::read_in_parts_from_disk(&path, false).is_some());
    let expected = read_whole(text.into_bytes(), false);
    let (sha, lines) = (
        expected.sha256.finish().expect("digest"),
        format!("{:?}", Some(expected.lines)),
    );
    let expected = expected.builder.finish(0, "large".into());
    let crate::ingest::FileRead::Read(file, sheets) =
        crate::ingest::read_file(&path, 0, None).expect("read")
    else {
        panic!("not read");
    };
    assert_eq!((file.sha256, format!("{:?}", file.lines)), (sha, lines));
    let grid = |s: &crate::ingest::RawSheet| {
        (0..s.len())
            .map(|r| {
                (
                    s.excel_rows[r],
                    (0..3).map(|c| s.cell_text(r, c)).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(grid(&sheets[0]), grid(&expected));
}
