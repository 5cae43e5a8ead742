use super::*;

fn pct(s: &str) -> Percent {
    Percent::parse(s).unwrap()
}

#[test]
fn percent_parsing_is_exact() {
    assert_eq!(pct("65").scaled(), 650_000);
    assert_eq!(pct("62.5").scaled(), 625_000);
    assert_eq!(pct("62,5").scaled(), 625_000);
    assert_eq!(pct("65.1").scaled(), 651_000);
    assert_eq!(pct("0.0001").scaled(), 1);
    assert!(Percent::parse("101").is_err());
    assert!(Percent::parse("1.00001").is_err());
    assert!(Percent::parse("-5").is_err());
    assert_eq!(pct("62.5").display(true), "62,5");
    assert_eq!(pct("65").display(true), "65");
}

#[test]
fn thirteen_of_twenty_at_sixty_five_percent() {
    // 13/20 = 65.0%: not "trên 65%", but "65% trở lên"; shortfall 1.
    assert_eq!(
        decide(Comparator::Gt, pct("65"), 20, 13),
        Decision {
            met: Some(false),
            shortfall: 1
        }
    );
    assert_eq!(
        decide(Comparator::Ge, pct("65"), 20, 13),
        Decision {
            met: Some(true),
            shortfall: 0
        }
    );
    assert_eq!(
        decide(Comparator::Ge, pct("65"), 20, 12),
        Decision {
            met: Some(false),
            shortfall: 1
        }
    );
    assert_eq!(
        decide(Comparator::Gt, pct("65"), 20, 14),
        Decision {
            met: Some(true),
            shortfall: 0
        }
    );
}

#[test]
fn empty_population_is_not_applicable() {
    assert_eq!(decide(Comparator::Gt, pct("65"), 0, 0).met, None);
}

#[test]
fn lt_and_le_count_who_must_leave() {
    // At most 10% untrained: 3 of 20 is 15% → 1 must leave (2/20 = 10%).
    assert_eq!(
        decide(Comparator::Le, pct("10"), 20, 3),
        Decision {
            met: Some(false),
            shortfall: 1
        }
    );
    assert_eq!(
        decide(Comparator::Le, pct("10"), 20, 2),
        Decision {
            met: Some(true),
            shortfall: 0
        }
    );
    // Under 10%: 2 of 20 is exactly 10% → not under; 1 must leave.
    assert_eq!(
        decide(Comparator::Lt, pct("10"), 20, 2),
        Decision {
            met: Some(false),
            shortfall: 1
        }
    );
    assert_eq!(
        decide(Comparator::Lt, pct("10"), 20, 1),
        Decision {
            met: Some(true),
            shortfall: 0
        }
    );
}

#[test]
fn fractional_thresholds() {
    // 95%: 19/20 is not "trên 95%"; 20/20 is.
    assert_eq!(
        decide(Comparator::Gt, pct("95"), 20, 19),
        Decision {
            met: Some(false),
            shortfall: 1
        }
    );
    // 62.5% of 8 = 5: 5/8 meets "62,5% trở lên", not "trên".
    assert_eq!(decide(Comparator::Ge, pct("62.5"), 8, 5).met, Some(true));
    assert_eq!(decide(Comparator::Gt, pct("62.5"), 8, 5).met, Some(false));
    // 1/3 against 33.3333%: 100 > 99.9999 → met for gt.
    assert_eq!(decide(Comparator::Gt, pct("33.3333"), 3, 1).met, Some(true));
}

#[test]
fn policy_errors_name_the_key() {
    let base = "id = \"p\"\nname = \"n\"\n[legal_basis]\ndocument = \"d\"\ndate = 2011-01-01\nissuer = \"i\"\n";
    let target = "[[target]]\nid = \"T1\"\nlabel = \"l\"\nmeasure = { education = \"trung_cap\" }\ncomparator = \"gt\"\nthreshold = 65\ndeadline = 2015-12-31\n";
    let ok = Policy::parse(&format!("{base}{target}"), Path::new("p.toml")).unwrap();
    assert_eq!(ok.targets[0].threshold, pct("65"));
    assert_eq!(ok.targets[0].scope, Scope::All);
    let typo = format!("{base}{target}populaton = {{ commune = true }}\n");
    let e = Policy::parse(&typo, Path::new("p.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("p.toml") && e.contains("populaton") && e.contains("line"),
        "{e}"
    );
    let bad_level = format!("{base}{}", target.replace("trung_cap", "trung_cp"));
    assert!(Policy::parse(&bad_level, Path::new("p.toml")).is_err());
    let bad_filter = format!("{base}{target}population = {{ categroy = [\"can_bo\"] }}\n");
    assert!(
        Policy::parse(&bad_filter, Path::new("p.toml"))
            .unwrap_err()
            .to_string()
            .contains("categroy")
    );
}
