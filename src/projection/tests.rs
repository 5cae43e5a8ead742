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

/// The first day from the deadline on when "50% or more" holds: a day
/// counts only with all its changes (two newcomers on the day a course ends
/// keep it unmet), a day whose changes cancel is no answer, and a change
/// centuries away is found as well.
#[test]
fn earliest_met_counts_whole_days() {
    let t: Target = toml::from_str(
        "id = \"T\"\nlabel = \"T\"\nmeasure = { education = \"trung_cap\" }\n\
         comparator = \"ge\"\nthreshold = 50\ndeadline = 2016-12-31\n",
    )
    .unwrap();
    let e = |date, dn, dq| Event {
        date,
        dn,
        dq,
        du: 0,
    };
    let from = d(2016, 12, 31);
    let mut tl = Timeline {
        // 5 of 10, less one qualified who leaves before the deadline: 4 of 9.
        start: Counts { n: 10, q: 5, u: 0 },
        events: vec![
            e(d(2018, 1, 1), -1, 0),
            e(d(2017, 3, 1), 0, 1),
            e(d(2017, 6, 30), 2, 0),
            e(d(2016, 6, 1), -1, -1),
            e(d(2017, 3, 1), 2, 0),
            e(d(2017, 6, 30), -2, 0),
        ],
    };
    // Sorted, as a timeline holds them: on each day the change that alone
    // would meet the target comes first (5/9 after the course; 5/9 after
    // two leave on 30/06/2017, before two join).
    tl.events.sort_unstable();
    // 4/9; 5/11 on 01/03/2017; 5/11 again on 30/06/2017; 5/10 on 01/01/2018.
    assert_eq!(tl.earliest_met(&t, from), Some(d(2018, 1, 1)));
    // The same with a change 984 years on.
    tl.add([e(d(3000, 1, 1), 0, 0)]);
    assert_eq!(tl.earliest_met(&t, from), Some(d(2018, 1, 1)));
    // Met only five centuries on; met on the day looked from; never met.
    let far = Timeline {
        start: Counts { n: 2, q: 0, u: 0 },
        events: vec![e(d(2400, 1, 1), 0, 0), e(d(2500, 1, 1), 0, 1)],
    };
    assert_eq!(far.earliest_met(&t, from), Some(d(2500, 1, 1)));
    assert_eq!(far.earliest_met(&t, d(2500, 1, 1)), Some(d(2500, 1, 1)));
    let never = Timeline {
        start: Counts { n: 2, q: 0, u: 0 },
        events: vec![e(d(2017, 1, 1), 1, 0)],
    };
    assert_eq!(never.earliest_met(&t, from), None);
}
