//! What the search is given: the groups short of their target, the people who could be trained, and their options.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A group projected to miss.
pub(super) struct Need<'r> {
    pub(super) target: usize,
    pub(super) level: Education,
    pub(super) deadline: NaiveDate,
    pub(super) group: Group,
    pub(super) members: Vec<&'r Member>,
    pub(super) at: Counts,
    pub(super) need: u64,
}

/// Options, each with its course level.
pub(super) type Options = Vec<(Education, Opt)>;

/// A profile's options, unit and people.
pub(super) type ProfileRows<'p> = (Options, u32, Vec<&'p Person>);

/// A candidate person.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) rec: u32,
    pub(super) unit: u32,
    pub(super) current: Education,
    pub(super) retire: Option<NaiveDate>,
    pub(super) staff_id: Option<String>,
    /// Needs (indices) where the person is a candidate, ascending.
    pub(super) groups: Vec<u32>,
}

pub(super) fn in_service(retire: Option<NaiveDate>, on: NaiveDate) -> bool {
    retire.is_none_or(|r| r >= on)
}

/// Whether `person` is a candidate for `m`'s group of a target due `deadline`.
pub(super) fn candidate(projector: &Projector<'_>, m: &Member, deadline: NaiveDate) -> bool {
    let held = projector.held(m.rec);
    !m.qualified
        && !m.unknown
        && held.education_known
        && !held.studying
        && in_service(projector.retire[m.rec as usize], deadline)
        && projector.retire[m.rec as usize].is_none_or(|r| r >= projector.as_of)
}

/// Preference among interchangeable people: longest remaining service
/// (unknown last), staff id (none last), input order. The staff id is
/// borrowed: it was copied for every comparison of the profiles' sorts.
pub(super) fn preference(
    p: &Person,
) -> (bool, std::cmp::Reverse<Option<NaiveDate>>, bool, &str, u32) {
    (
        p.retire.is_none(),
        std::cmp::Reverse(p.retire),
        p.staff_id.is_none(),
        p.staff_id.as_deref().unwrap_or_default(),
        p.rec,
    )
}

/// The groups projected to miss, and the trainable targets with their level;
/// other targets are pushed to `not_trainable`.
pub(super) fn find_needs<'r>(
    policy: &Policy,
    results: &'r [TargetResult],
    groups: &[MemberGroups],
    projector: &Projector<'_>,
    not_trainable: &mut Vec<usize>,
) -> (Vec<Need<'r>>, Vec<(usize, Education)>) {
    let mut trainable = Vec::new();
    // The groups to judge, in order; each projected on every core (one
    // after the other, 0.06 s of the national plan).
    let mut judged: Vec<(&'r TargetResult, Education, &Group, &[usize])> = Vec::new();
    for (res, mg) in results.iter().zip(groups) {
        let t = &policy.targets[res.target];
        let level = match (t.measure, t.comparator) {
            (Measure::Education(level), Comparator::Gt | Comparator::Ge) => level,
            _ => {
                not_trainable.push(res.target);
                continue;
            }
        };
        trainable.push((res.target, level));
        for (group, idx) in &mg.groups {
            let judged_here = matches!(
                (t.scope, group),
                (Scope::All, Group::All)
                    | (Scope::Unit, Group::Unit(_))
                    | (Scope::Parent, Group::Parent(_))
            );
            if judged_here && !idx.is_empty() {
                judged.push((res, level, group, idx));
            }
        }
    }
    use rayon::prelude::*;
    let needs = judged
        .into_par_iter()
        .filter_map(|(res, level, group, idx)| {
            let t = &policy.targets[res.target];
            let members: Vec<&Member> = idx.iter().map(|&i| &res.members[i]).collect();
            let at = projector
                .points(members.iter().copied(), &t.measure, &[t.deadline])
                .first()
                .copied()
                .unwrap_or_default();
            let d = at.decide(t);
            (d.met == Some(false) && d.shortfall > 0).then_some(Need {
                target: res.target,
                level,
                deadline: t.deadline,
                group: *group,
                members,
                at,
                need: d.shortfall,
            })
        })
        .collect();
    (needs, trainable)
}

/// Candidates by person, with the needs they can count for.
pub(super) fn candidates(needs: &[Need<'_>], projector: &Projector<'_>) -> HashMap<u32, Person> {
    use rayon::prelude::*;
    // (person, need, place among the need's members, record) of each
    // candidacy, found on every core and sorted by person: each person is
    // then made from their run at once. A map entry per candidacy, growing
    // each person's groups, took 0.14 s of the national plan (160,000
    // candidates, about 2 M candidacies).
    let mut found: Vec<(u32, u32, u32, u32)> = needs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(gi, n)| {
            let gi = u32::try_from(gi).unwrap_or(u32::MAX);
            let can = move |(_, m): &(usize, &&Member)| candidate(projector, m, n.deadline);
            n.members.iter().enumerate().filter(can).map(move |(k, m)| {
                let k = u32::try_from(k).unwrap_or(u32::MAX);
                (m.person, gi, k, m.rec)
            })
        })
        .collect();
    found.par_sort_unstable();
    let staff = &projector.roster.staff;
    // Each person made from their run on every core (0.03 s on one), the
    // map filled after.
    let made: Vec<(u32, Person)> = found
        .par_chunk_by(|a, b| a.0 == b.0)
        .map(|run| {
            // The first candidacy (in need order) gives the person's level,
            // retirement and staff id; the earliest record, their record and unit.
            let (person, _, _, first_rec) = run[0];
            let first = staff.row(first_rec as usize);
            let rec = run.iter().map(|c| c.3).min().unwrap_or(first_rec);
            let made = Person {
                rec,
                unit: staff.unit[rec as usize],
                current: first.education.unwrap_or(Education::ChuaQuaDaoTao),
                retire: projector.retire[first_rec as usize],
                staff_id: projector
                    .roster
                    .texts
                    .opt(first.staff_id)
                    .map(str::to_string),
                groups: run.iter().map(|c| c.1).collect(),
            };
            (person, made)
        })
        .collect();
    made.into_iter().collect()
}

/// Profiles: people of one unit with the same options, each in preference
/// order; profiles by smallest step, then their most preferred person.
pub(super) fn profiles<'p>(
    people: &'p HashMap<u32, Person>,
    needs: &[Need<'_>],
    settings: &TrainingSettings,
    caps: &Caps,
    first_day: NaiveDate,
) -> Vec<ProfileRows<'p>> {
    let last_year = needs
        .iter()
        .map(|n| n.deadline.year())
        .max()
        .unwrap_or(caps.first_year);
    use rayon::prelude::*;
    use std::hash::BuildHasher;
    // In any order: the sorts below decide every order.
    let ids: Vec<&u32> = people.keys().collect();
    // Each person's options, hashed with their unit, on every core (0.34 s
    // on one for the national plan's 160,000 candidates).
    let state = hashbrown::DefaultHashBuilder::default();
    let mut all: Vec<(u64, &Person, Options)> = ids
        .par_iter()
        .filter_map(|id| {
            let p = &people[*id];
            let opts = options(p, needs, settings, caps, first_day, last_year);
            (!opts.is_empty()).then(|| (state.hash_one((p.unit, &opts)), p, opts))
        })
        .collect();
    // Grouped by sorting on every core: by hash, then in preference order,
    // so each profile's people come out in preference order. A table of
    // profiles filled on one core, each profile then sorted, took 0.08 s
    // of the national plan.
    all.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| preference(a.1).cmp(&preference(b.1)))
    });
    let mut profiles: Vec<ProfileRows<'p>> = all
        .par_chunk_by_mut(|a, b| a.0 == b.0)
        .flat_map_iter(|run| {
            // Rows sharing a hash: nearly always one profile.
            let mut here: Vec<ProfileRows<'p>> = Vec::new();
            for (_, p, opts) in run {
                match here.iter_mut().find(|pr| pr.1 == p.unit && pr.0 == *opts) {
                    Some(pr) => pr.2.push(*p),
                    None => here.push((std::mem::take(opts), p.unit, vec![*p])),
                }
            }
            here
        })
        .collect();
    // Freed on every core, as they were made.
    all.into_par_iter().for_each(drop);
    // People are in one profile each, so no two profiles tie.
    let step = |opts: &[(Education, Opt)]| opts.iter().map(|(_, o)| o.step).min().unwrap_or(0);
    profiles.par_sort_unstable_by(|(a, _, pa), (b, _, pb)| {
        (step(a), preference(pa[0])).cmp(&(step(b), preference(pb[0])))
    });
    profiles
}

/// A person's options: for each level some group needs, each distinct set of
/// groups a course started in some year covers, with the latest such year;
/// then options another does at least as well (more groups, no larger step,
/// no earlier latest start) are dropped.
pub(super) fn options(
    p: &Person,
    needs: &[Need<'_>],
    settings: &TrainingSettings,
    caps: &Caps,
    first_day: NaiveDate,
    last_year: i32,
) -> Vec<(Education, Opt)> {
    let capacity = caps.any();
    let mut levels: Vec<Education> = p
        .groups
        .iter()
        .map(|g| needs[*g as usize].level)
        .filter(|l| *l > p.current)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let mut all: Vec<(Education, Opt)> = Vec::new();
    for level in levels {
        let months = settings.duration(level);
        let step = (level as u32).saturating_sub(p.current as u32);
        let mut prev: Option<(Vec<u32>, i32)> = None;
        // A year's groups, compared with the year before's: kept only when
        // they differ (most years cover what the year before did).
        let mut covers: Vec<u32> = Vec::new();
        let mut push = |(covers, latest): (Vec<u32>, i32)| {
            all.push((
                level,
                Opt {
                    covers,
                    step,
                    latest,
                },
            ));
        };
        for year in caps.first_year..=last_year {
            let Some((_, end)) = course(first_day, year, months) else {
                break;
            };
            covers.clear();
            covers.extend(p.groups.iter().copied().filter(|g| {
                let n = &needs[*g as usize];
                n.level <= level && end <= n.deadline
            }));
            if covers.is_empty() {
                break;
            }
            match &mut prev {
                Some((c, y)) if *c == covers => *y = year,
                _ => {
                    if let Some(p) = prev.take() {
                        push(p);
                    }
                    prev = Some((covers.clone(), year));
                }
            }
            if !capacity {
                break;
            }
        }
        if let Some(p) = prev {
            push(p);
        }
    }
    undominated(all, capacity)
}

/// The options no other does at least as well: more groups, no larger step,
/// no earlier latest start (with capacity to choose a year); of equals, the
/// first.
fn undominated(all: Vec<(Education, Opt)>, capacity: bool) -> Vec<(Education, Opt)> {
    let dominated = |i: usize| {
        let a = &all[i].1;
        all.iter().enumerate().any(|(j, (_, b))| {
            j != i
                && a.covers.iter().all(|g| b.covers.contains(g))
                && b.step <= a.step
                && (!capacity || b.latest >= a.latest)
                && (b.covers.len() > a.covers.len()
                    || b.step < a.step
                    || (capacity && b.latest > a.latest)
                    || j < i)
        })
    };
    let keep: Vec<bool> = (0..all.len()).map(|i| !dominated(i)).collect();
    all.into_iter()
        .zip(keep)
        .filter_map(|(o, k)| k.then_some(o))
        .collect()
}

/// For each trainee, the trainable targets whose population they are in
/// without meeting the level: (target, level).
pub(super) fn targets_served(
    results: &[TargetResult],
    trainable: &[(usize, Education)],
    projector: &Projector<'_>,
    trainees: &HashSet<u32>,
) -> HashMap<u32, Vec<(usize, Education)>> {
    let mut served: HashMap<u32, Vec<(usize, Education)>> = HashMap::new();
    for res in results {
        let Some(&(t, level)) = trainable.iter().find(|(t, _)| *t == res.target) else {
            continue;
        };
        for m in &res.members {
            if trainees.contains(&m.person) && !m.qualified && !projector.held(m.rec).studying {
                let v = served.entry(m.person).or_default();
                if !v.iter().any(|(x, _)| *x == t) {
                    v.push((t, level));
                }
            }
        }
    }
    for v in served.values_mut() {
        v.sort_unstable();
    }
    served
}
