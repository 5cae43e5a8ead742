//! Caps on professional levels (Decree 232/2026/NĐ-CP, ../shared/domain.md
//! §4): in a job position whose levels run up to bậc 5, at most 30% of its
//! quota at bậc 5 and 40% at bậc 4; up to bậc 4, at most 40% at bậc 4; with
//! two levels, at most 50% at the upper one ("không vượt quá": at most). An
//! agency meets the measure when no position of it exceeds a cap; it is
//! unknown when it has no position it can be checked on, when a position
//! with levels has no quota, or when people of unknown level could make a
//! position exceed a cap. Positions without levels (a head of unit, support
//! staff: "Không áp dụng bậc") have no cap and are passed over.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The caps of a position using levels `lo..=hi`: (level, percent of quota).
#[must_use]
pub fn level_caps(lo: u8, hi: u8) -> Vec<(u8, u32)> {
    match (lo, hi) {
        _ if hi <= lo => Vec::new(),
        _ if hi == lo + 1 => vec![(hi, 50)],
        (_, 5) => vec![(5, 30), (4, 40)],
        (_, 4) => vec![(4, 40)],
        _ => Vec::new(),
    }
}

/// People of a position by level (index 1–5), and of unknown level (0).
type ByLevel = [u64; 6];

/// The target over agencies: each agency in the population, by its
/// positions' people (every person placed there counts in their position).
pub(super) fn evaluate_level_caps(
    (frame, titles): (&DataFrame, &TitleKeys),
    roster: &Roster,
    placement: Option<&Placement>,
    h: &Hierarchy,
    t: &Target,
) -> PolarsResult<TargetResult> {
    let pop = frame
        .clone()
        .lazy()
        .filter(population_expr(&t.population, titles))
        .select([col("unit"), col("rec")])
        .collect()?;
    let units = pop.column("unit")?.u32()?.rechunk();
    let recs = pop.column("rec")?.u32()?.rechunk();
    let (units, recs) = (units.cont_slice()?, recs.cont_slice()?);
    let mut agencies: Vec<u32> = units.to_vec();
    agencies.sort_unstable();
    agencies.dedup();
    // Ordered by unit, so each unit's positions are one range.
    let mut people: std::collections::BTreeMap<(u32, u32), ByLevel> =
        std::collections::BTreeMap::new();
    if let Some(p) = placement {
        for (&unit, &rec) in units.iter().zip(recs) {
            let Some(pos) = p.assignments[rec as usize].position else {
                continue;
            };
            let level = roster.staff.professional_level[rec as usize];
            people.entry((unit, pos)).or_insert([0; 6])[usize::from(level.unwrap_or(0))] += 1;
        }
    }
    let verdicts = agencies.into_iter().map(|unit| {
        let (mut checked, mut exceeds, mut unknown) = (false, false, false);
        for ((_, pos), by_level) in people.range((unit, 0)..=(unit, u32::MAX)) {
            let Some(p) = placement else { continue };
            let def = &p.catalogue.positions[*pos as usize];
            let Some((lo, hi)) = def.levels else { continue };
            let Some(quota) = def.headcount else {
                unknown = true;
                continue;
            };
            checked = true;
            for (level, pct) in level_caps(lo, hi) {
                // count / quota ≤ pct%, as count · 100 ≤ pct · quota.
                let limit = u64::from(pct) * u64::from(quota);
                let known = by_level[usize::from(level)];
                if known * 100 > limit {
                    exceeds = true;
                } else if (known + by_level[0]) * 100 > limit {
                    unknown = true;
                }
            }
        }
        let meets = checked && !exceeds && !unknown;
        (unit, meets, !exceeds && !meets)
    });
    Ok(agency_result(h, t, verdicts))
}

#[cfg(test)]
mod tests {
    use super::level_caps;

    #[test]
    fn caps_by_the_levels_a_position_uses() {
        assert_eq!(level_caps(1, 5), [(5, 30), (4, 40)]);
        assert_eq!(level_caps(3, 5), [(5, 30), (4, 40)]);
        assert_eq!(level_caps(4, 5), [(5, 50)]);
        assert_eq!(level_caps(1, 4), [(4, 40)]);
        assert_eq!(level_caps(2, 3), [(3, 50)]);
        assert!(level_caps(1, 3).is_empty());
        assert!(level_caps(3, 3).is_empty());
    }
}
