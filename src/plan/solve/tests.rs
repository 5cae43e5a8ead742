use super::*;

fn opt(covers: &[u32], step: u32) -> Opt {
    Opt {
        covers: covers.to_vec(),
        step,
        latest: 2026,
    }
}

fn profile(count: u32, unit: u32, options: Vec<Opt>) -> Profile {
    Profile {
        count,
        unit,
        options,
    }
}

#[test]
fn one_person_covering_two_groups_beats_two() {
    // Groups 0 and 1 need one each; profile 0 covers one at a time, profile 1 both.
    let m = Model {
        needs: vec![1, 1],
        profiles: vec![
            profile(2, 0, vec![opt(&[0], 1), opt(&[1], 1)]),
            profile(1, 0, vec![opt(&[0, 1], 2)]),
        ],
        caps: Caps::default(),
    };
    let s = solve(&m, 1_000_000);
    assert_eq!(
        s.score,
        Score {
            met: 2,
            people: 1,
            steps: 2
        }
    );
    assert_eq!(s.take, vec![vec![0, 0], vec![1]]);
    assert!(s.bound.is_none());
}

/// Brute force over every take vector: (met, people, steps) of the best.
fn brute(m: &Model) -> Score {
    let mut best: Option<Score> = None;
    let mut take: Vec<Vec<u32>> = m
        .profiles
        .iter()
        .map(|p| vec![0; p.options.len()])
        .collect();
    loop {
        let ok = m
            .profiles
            .iter()
            .zip(&take)
            .all(|(p, t)| t.iter().sum::<u32>() <= p.count);
        if ok {
            let mut cov = vec![0u32; m.needs.len()];
            let mut sc = Score::default();
            for (p, t) in m.profiles.iter().zip(&take) {
                for (o, x) in p.options.iter().zip(t) {
                    sc.people += x;
                    sc.steps += o.step * x;
                    for g in &o.covers {
                        cov[*g as usize] += x;
                    }
                }
            }
            sc.met =
                u32::try_from(cov.iter().zip(&m.needs).filter(|(c, n)| c >= n).count()).unwrap();
            if best.is_none_or(|b| sc.better_than(&b)) {
                best = Some(sc);
            }
        }
        // Next vector.
        let mut done = true;
        'outer: for (p, t) in m.profiles.iter().zip(take.iter_mut()) {
            for x in t.iter_mut() {
                if *x < p.count {
                    *x += 1;
                    done = false;
                    break 'outer;
                }
                *x = 0;
            }
        }
        if done {
            return best.unwrap();
        }
    }
}

#[test]
fn large_path_stays_within_its_bounds() {
    // Units 0..3 each with their own group (0..3) and one shared group 3.
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        u32::try_from((seed >> 33) % n).unwrap()
    };
    for _ in 0..200 {
        let mut profiles = Vec::new();
        for u in 0..3 {
            for _ in 0..1 + next(2) {
                let mut options = Vec::new();
                for _ in 0..1 + next(2) {
                    let mut covers = Vec::new();
                    if next(3) > 0 {
                        covers.push(u);
                    }
                    if next(2) == 0 {
                        covers.push(3);
                    }
                    if !covers.is_empty() {
                        options.push(opt(&covers, 1 + next(3)));
                    }
                }
                if !options.is_empty() {
                    profiles.push(profile(1 + next(2), u, options));
                }
            }
        }
        let m = Model {
            needs: vec![1 + next(2), 1 + next(2), 1 + next(2), 1 + next(4)],
            profiles,
            caps: Caps::default(),
        };
        let best = brute(&m);
        assert_eq!(solve(&m, 1_000_000).score, best, "{m:?}");
        let s = solve_limited(&m, 1_000_000, 0);
        assert!(!s.score.better_than(&best), "{m:?}");
        let b = s.bound.unwrap_or(Bound {
            met_at_most: s.score.met,
            people_at_least: s.score.people,
        });
        assert!(b.met_at_most >= best.met, "{m:?} {b:?} {best:?}");
        if b.met_at_most == best.met {
            assert!(b.people_at_least <= best.people, "{m:?} {b:?} {best:?}");
        }
    }
}

#[test]
fn capacity_forces_the_later_option() {
    // One start a year from 2026: two people cannot both start by 2026.
    let m = Model {
        needs: vec![2],
        profiles: vec![profile(
            3,
            0,
            vec![Opt {
                covers: vec![0],
                step: 1,
                latest: 2027,
            }],
        )],
        caps: Caps {
            overall: Some(1),
            per_unit: None,
            first_year: 2026,
        },
    };
    assert_eq!(solve(&m, 1000).score.met, 1);
    assert_eq!(
        schedule(&m.caps, &[(0, 2027), (0, 2026)]),
        Some(vec![2027, 2026])
    );
    assert_eq!(schedule(&m.caps, &[(0, 2026), (1, 2026)]), None);
}
