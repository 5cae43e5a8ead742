use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn checkpoint_dates() {
    assert_eq!(
        checkpoints(d(2013, 12, 31), d(2015, 12, 31)),
        vec![d(2013, 12, 31), d(2014, 12, 31), d(2015, 12, 31)]
    );
    assert_eq!(
        checkpoints(d(2026, 11, 22), d(2027, 7, 1)),
        vec![d(2026, 11, 22), d(2026, 12, 31), d(2027, 7, 1)]
    );
}

#[test]
fn timeline_sweeps() {
    let tl = Timeline {
        start: Counts { n: 10, q: 6, u: 1 },
        events: vec![
            Event {
                date: d(2014, 6, 1),
                dn: -1,
                dq: -1,
                du: 0,
            },
            Event {
                date: d(2015, 1, 1),
                dn: 0,
                dq: 2,
                du: -1,
            },
        ],
    };
    assert_eq!(tl.at(d(2014, 5, 31)), Counts { n: 10, q: 6, u: 1 });
    assert_eq!(tl.at(d(2014, 6, 1)), Counts { n: 9, q: 5, u: 1 });
    assert_eq!(tl.at(d(2015, 12, 31)), Counts { n: 9, q: 7, u: 0 });
}

#[test]
fn period_ends() {
    let p = |y, m, day, precision| PartialDate {
        date: d(y, m, day),
        precision,
    };
    assert_eq!(end_of(p(2015, 1, 1, Precision::Year)), d(2015, 12, 31));
    assert_eq!(end_of(p(2015, 6, 1, Precision::Month)), d(2015, 6, 30));
    assert_eq!(end_of(p(2015, 6, 12, Precision::Day)), d(2015, 6, 12));
}
