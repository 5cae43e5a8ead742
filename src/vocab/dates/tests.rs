//! Reading and showing dates.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn text_forms() {
    let day = |y, m, dd| {
        Some(DateRead::Ok(PartialDate {
            date: d(y, m, dd),
            precision: Precision::Day,
        }))
    };
    let cases = [
        ("05/03/1975", day(1975, 3, 5)),
        ("5/3/1975", day(1975, 3, 5)),
        ("05-03-1975", day(1975, 3, 5)),
        ("05.03.1975", day(1975, 3, 5)),
        ("1975-03-05", day(1975, 3, 5)),
        ("1975-03-05T00:00:00", day(1975, 3, 5)),
        ("1975/03/05", day(1975, 3, 5)),
        (" 31/12/2013 ", day(2013, 12, 31)),
        ("ngày 05 tháng 3 năm 1975", day(1975, 3, 5)),
        ("27458", day(1975, 3, 5)),
        (
            "1975",
            Some(DateRead::Ok(PartialDate {
                date: d(1975, 1, 1),
                precision: Precision::Year,
            })),
        ),
        (
            "03/1975",
            Some(DateRead::Ok(PartialDate {
                date: d(1975, 3, 1),
                precision: Precision::Month,
            })),
        ),
        (
            "03/25/1975",
            Some(DateRead::Swapped(PartialDate {
                date: d(1975, 3, 25),
                precision: Precision::Day,
            })),
        ),
        ("31/02/1975", None),
        ("05/03/75", None),
        ("abc", None),
        ("", None),
        ("13/13/1975", None),
    ];
    for (input, want) in cases {
        assert_eq!(parse_text(input), want, "{input:?}");
    }
}

#[test]
fn excel_serials_and_numbers() {
    assert_eq!(from_excel_serial(27458.0), Some(d(1975, 3, 5)));
    assert_eq!(from_excel_serial(1.0), Some(d(1900, 1, 1)));
    assert_eq!(from_excel_serial(59.0), Some(d(1900, 2, 28)));
    assert_eq!(from_excel_serial(60.0), None);
    assert_eq!(from_excel_serial(61.0), Some(d(1900, 3, 1)));
    assert_eq!(from_excel_serial(41639.0), Some(d(2013, 12, 31)));
    assert_eq!(from_excel_serial(41639.75), Some(d(2013, 12, 31)));
    assert_eq!(
        from_number(1968.0),
        Some(DateRead::Ok(PartialDate {
            date: d(1968, 1, 1),
            precision: Precision::Year
        }))
    );
    assert_eq!(
        from_number(27458.0).map(DateRead::value).map(|p| p.date),
        Some(d(1975, 3, 5))
    );
    assert_eq!(from_number(12.5), None);
}

#[test]
fn two_digit_birth_years() {
    let as_of = d(2026, 1, 1);
    let ages = 15..=80;
    let read = |s: &str| birth_two_digit_year(s, as_of, &ages).map(|r| r.value().date);
    assert_eq!(read("15/6/75"), Some(d(1975, 6, 15)));
    assert_eq!(read("15-06-75"), Some(d(1975, 6, 15)));
    assert_eq!(read("1/2/03"), Some(d(2003, 2, 1)));
    assert_eq!(read("6/75"), None);
    assert_eq!(read("31/2/75"), None);
    assert_eq!(read("15/6/1975"), None);
    assert_eq!(read("abc"), None);
    // As of 2013, "01/01/05" gives an 8-year-old or a 108-year-old: the latest year.
    assert_eq!(
        birth_two_digit_year("01/01/05", d(2013, 12, 31), &ages).map(|r| r.value().date),
        Some(d(2005, 1, 1))
    );
    assert!(matches!(
        birth_two_digit_year("15/6/75", as_of, &ages),
        Some(DateRead::TwoDigitYear(_))
    ));
}

#[test]
fn shown_as_chrono_formats() {
    let shown = |date, precision| PartialDate { date, precision }.display();
    assert_eq!(shown(d(1975, 3, 5), Precision::Day), "05/03/1975");
    assert_eq!(shown(d(1975, 11, 1), Precision::Month), "11/1975");
    assert_eq!(shown(d(1975, 1, 1), Precision::Year), "1975");
    assert_eq!(shown(d(7, 1, 2), Precision::Day), "02/01/0007");
    assert_eq!(shown(d(12345, 6, 7), Precision::Day), "07/06/+12345");
    // Every day of four centuries, and edge years, as chrono writes them.
    let days = (0..146_097).filter_map(|n| d(1850, 1, 1).checked_add_days(chrono::Days::new(n)));
    let edges = [0, 1, 99, 100, 999, 1000, 9999, 10_000, -1, -9999]
        .into_iter()
        .map(|y| d(y, 12, 31));
    for date in days.chain(edges) {
        assert_eq!(
            shown(date, Precision::Day),
            date.format("%d/%m/%Y").to_string()
        );
        assert_eq!(
            shown(date, Precision::Month),
            date.format("%m/%Y").to_string()
        );
        assert_eq!(shown(date, Precision::Year), date.format("%Y").to_string());
    }
}

#[test]
fn age() {
    assert_eq!(years_between(d(1975, 3, 5), d(2013, 12, 31)), 38);
    assert_eq!(years_between(d(1975, 12, 31), d(2013, 12, 30)), 37);
}
