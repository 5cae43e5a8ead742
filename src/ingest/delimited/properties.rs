//! Property tests of the delimited reader: every line accounted for, the
//! quote-free split and a line read alone agreeing with the csv crate.

use super::decode::decode;
use super::parts::split_plain;
use super::read;
use super::scan::{fields_alone, to_text};
use super::split::split_rows;

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

    /// A line read on its own splits as the csv crate splits it, unless a
    /// quote is left open (then taken literally).
    #[test]
    fn quote_free_text_splits_as_the_csv_reader_reads_it(
        text in "[aé ,;\t\r\n]{0,60}",
        delim in proptest::sample::select(vec![b',', b';', b'\t']),
    ) {
        let mut plain: Vec<Vec<String>> = Vec::new();
        let rows = split_plain(text.as_bytes(), delim, |f| {
            plain.push(f.iter().map(|x| String::from_utf8_lossy(x).into_owned()).collect());
        });
        let mut read: Vec<Vec<String>> = Vec::new();
        let split = split_rows(&text, delim, |f| {
            read.push(f.iter().map(ToString::to_string).collect());
        });
        proptest::prop_assert_eq!(rows, split.rows);
        proptest::prop_assert_eq!(plain, read);
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
