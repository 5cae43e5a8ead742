//! Property tests of the delimited reader: every line accounted for, the
//! split of lines whose quotes close on them and a line read alone agreeing
//! with the csv crate, and files read in parts as they read whole.

use proptest::prelude::{Just, Strategy, prop_oneof};

use super::decode::decode;
use super::parts::{join_parts, read_in_parts, split_lines};
use super::read;
use super::scan::{fields_alone, quotes_close_on_their_lines, to_text};
use super::split::split_rows;
use super::tests::everything;

/// Physical lines counted byte by byte, independently of the reader.
fn count_lines(b: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {
                if i + 1 == b.len() {
                    n += 1;
                }
            }
        }
        i += 1;
    }
    n
}

/// Text from `inner` written as a quoted field: its quotes doubled.
fn quoted(inner: &'static str) -> impl Strategy<Value = String> {
    inner.prop_map(|s| format!("\"{}\"", s.replace('"', "\"\"")))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Any bytes: no panic, and every physical line is a row or a line
    /// continuing a quoted cell; rows are numbered 1, 2, 3, …
    #[test]
    fn every_line_accounted(parts in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::strategy::Just(b"\"".to_vec()),
            proptest::strategy::Just(b",".to_vec()),
            proptest::strategy::Just(b";".to_vec()),
            proptest::strategy::Just(b"\t".to_vec()),
            proptest::strategy::Just(b"\n".to_vec()),
            proptest::strategy::Just(b"\r".to_vec()),
            proptest::strategy::Just(b"\r\n".to_vec()),
            proptest::strategy::Just(b"\"\"".to_vec()),
            proptest::strategy::Just("Đại học".as_bytes().to_vec()),
            proptest::strategy::Just("ồ".as_bytes().to_vec()),
            proptest::strategy::Just(b"ab".to_vec()),
            proptest::strategy::Just(b" ".to_vec()),
            proptest::collection::vec(proptest::num::u8::ANY, 1..3),
        ],
        0..60,
    )) {
        let bytes: Vec<u8> = parts.concat();
        let (text, _, _) = decode(bytes.clone());
        let d = read(bytes, false);
        proptest::prop_assert_eq!(d.lines.lines, count_lines(text.as_bytes()));
        let lines = d.lines;
        let s = d.builder.finish(0, "t".into());
        proptest::prop_assert_eq!(lines.lines, lines.rows + lines.in_quoted_cells);
        proptest::prop_assert_eq!(s.len() as u64, lines.rows);
        let expected: Vec<u32> = (1..=s.excel_rows.len() as u32).collect();
        proptest::prop_assert_eq!(&s.excel_rows, &expected);
        for n in &s.notes {
            proptest::prop_assert!(n.row < s.len());
        }
    }

    /// Text whose quotes all close on their lines (quoted fields holding
    /// delimiters and doubled quotes) splits line by line as the csv reader
    /// reads it; any other quote (a quoted line break, a stray quote, text
    /// after a closing quote) is found by the check and the split alike.
    #[test]
    fn lines_whose_quotes_close_split_as_the_csv_reader_reads_them(
        tokens in proptest::collection::vec(
            prop_oneof![
                4 => "[aé ]{1,3}",
                4 => quoted("[aé ,;\t\"]{0,5}"),
                1 => quoted("[a\r\n]{1,3}"),
                1 => Just("\"".to_owned()),
                3 => "[,;\t]",
                3 => proptest::sample::select(vec!["\n", "\r", "\r\n"]).prop_map(str::to_owned),
            ],
            0..40,
        ),
        delim in proptest::sample::select(vec![b',', b';', b'\t']),
    ) {
        let text = tokens.concat();
        let mut lines: Vec<Vec<String>> = Vec::new();
        let rows = split_lines(text.as_bytes(), delim, |line| {
            lines.push(line.fields().iter().map(|x| String::from_utf8_lossy(x).into_owned()).collect());
        });
        proptest::prop_assert_eq!(
            rows.is_some(),
            quotes_close_on_their_lines(text.as_bytes(), delim)
        );
        if rows.is_some() {
            let mut read: Vec<Vec<String>> = Vec::new();
            let split = split_rows(&text, delim, |f| {
                read.push(f.iter().map(ToString::to_string).collect());
            });
            proptest::prop_assert_eq!(rows, Some(split.rows));
            proptest::prop_assert_eq!(lines, read);
        }
        if !text.contains('"') {
            proptest::prop_assert!(rows.is_some());
        }
    }

    /// A file of rows with Excel's quoted cells reads in parts exactly as it
    /// reads whole (cells, Excel rows, notes, lines, digest); one holding a
    /// quoted line break or a stray quote anywhere is not read in parts.
    #[test]
    fn quoted_cells_read_in_parts_as_whole(
        rows in proptest::collection::vec(
            (
                proptest::collection::vec(
                    prop_oneof![
                        2 => "[a-zé \u{fffd}]{0,6}",
                        1 => quoted("[aé ,;\t\"]{0,8}"),
                    ],
                    0..5,
                ),
                prop_oneof![
                    4 => Just("\n"),
                    4 => Just("\r\n"),
                    1 => Just("\r"),
                    1 => Just("\n\n"),
                ],
            ),
            60..100,
        ),
        bad in proptest::option::weighted(0.3, (
            proptest::sample::select(vec!["\"a\nb\"", "\"a\r\nb\"", "a\"b", "\"ab", "\"a\"b"]),
            proptest::prelude::any::<proptest::sample::Index>(),
        )),
        tail in proptest::sample::select(vec!["", "999;cuối", "\r", "\r\n"]),
        delim in proptest::sample::select(vec![",", ";", "\t"]),
        bom in proptest::prelude::any::<bool>(),
        parts in 1usize..6,
    ) {
        let bad_row = bad.as_ref().map(|(_, at)| at.index(rows.len()));
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (i, (fields, end)) in rows.iter().enumerate() {
            // A number first: every row is a line with text.
            text.push_str(&i.to_string());
            for f in fields {
                text.push_str(delim);
                text.push_str(f);
            }
            if let (Some((b, _)), Some(r)) = (&bad, bad_row) && r == i {
                text.push_str(delim);
                text.push_str(b);
            }
            // The last row ends with a line feed: the head holds every row.
            text.push_str(if i + 1 == rows.len() { "\n" } else { end });
        }
        text.push_str(tail);
        let bytes = text.into_bytes();
        let whole = everything(read(bytes.clone(), false));
        let read_in = read_in_parts(&bytes, false, 0, parts);
        proptest::prop_assert_eq!(read_in.is_some(), bad.is_none());
        if let Some(p) = read_in {
            proptest::prop_assert_eq!(everything(join_parts(p)), whole);
        }
    }

    #[test]
    fn a_line_alone_splits_like_the_csv_crate(line in "[ab\",;]{0,30}") {
        let (fields, stray) = fields_alone(line.as_bytes(), b',');
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let records: Vec<csv::ByteRecord> =
            rdr.byte_records().map(Result::unwrap).collect();
        proptest::prop_assert!(records.len() <= 1);
        let csv_fields: Vec<String> = records
            .first()
            .map(|r| r.iter().map(to_text).collect())
            .unwrap_or_default();
        match stray {
            None => proptest::prop_assert_eq!(fields, csv_fields),
            Some(col) => {
                proptest::prop_assert!(fields[col].starts_with('"'));
                proptest::prop_assert_eq!(&fields[..col], &csv_fields[..col]);
            }
        }
    }

    /// Over the decoded text (any encoding), lines counted independently.
    #[test]
    fn lines_counted_independently(text in "[a\",;\r\n\"]{0,40}") {
        let d = read(text.as_bytes().to_vec(), false);
        proptest::prop_assert_eq!(d.lines.lines, count_lines(text.as_bytes()));
        proptest::prop_assert_eq!(d.lines.lines, d.lines.rows + d.lines.in_quoted_cells);
    }
}
