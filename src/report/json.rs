//! `--json FILE`: the report's results for other tools.

use std::path::Path;

use serde_json::{Value, json};

use super::ReportInput;
use crate::compliance::{ComplianceRow, Group};
use crate::error::Result;
use crate::output;
use doc::Doc;

mod doc;

fn threshold_number(input: &ReportInput<'_>, i: usize) -> Value {
    // The exact decimal as written ("62.5"), as a JSON number.
    serde_json::from_str(&input.policy.targets[i].threshold.display(false)).unwrap_or(Value::Null)
}

fn row_json(input: &ReportInput<'_>, target: &str, r: &ComplianceRow) -> Value {
    let (scope, code, name) = group_json(input, r.group);
    json!({
        "target": target,
        "scope": scope,
        "unit_code": code,
        "unit": name,
        "population": r.population,
        "qualified": r.qualified,
        "unknown": r.unknown,
        "share": r.share(),
        "met": r.decision.met,
        "shortfall": r.decision.shortfall,
    })
}

/// The JSON document, its long arrays made as they are written.
fn document<'a>(input: &'a ReportInput<'_>) -> Doc<'a> {
    let t = input.loaded.totals();
    let p = input.policy;
    let targets: Vec<Value> = input
        .results
        .iter()
        .map(|r| {
            let t = &p.targets[r.target];
            json!({
                "id": t.id,
                "label": t.label,
                "comparator": t.comparator.to_string(),
                "threshold": threshold_number(input, r.target),
                "deadline": t.deadline.to_string(),
                "scope": t.scope,
                "met": r.headline.met,
                "shortfall": r.headline.shortfall,
                "units_met": r.headline.units_met,
                "units_applicable": r.headline.units_applicable,
                "groups_without_population": r.empty_groups(),
                "people_to_train": r.gaps.len(),
            })
        })
        .collect();
    let compliance = input.results.iter().flat_map(move |r| {
        let id = &p.targets[r.target].id;
        r.listed().map(move |row| row_json(input, id, row))
    });
    let mut doc = Doc::new(json!({
        "as_of": input.as_of.to_string(),
        "policy": { "id": p.id, "name": p.name },
        "rows": { "read": t.read, "analysed": t.staff, "set_aside": t.set_aside, "non_staff": t.non_staff() },
        "staff": input.loaded.roster.people,
        "redacted": input.loaded.redacted,
        "category_unknown": input.loaded.roster.category_unknown(),
        "targets": targets,
    }));
    doc.array("compliance", compliance);
    if let Some(fut) = &input.future {
        add_future(&mut doc, input, fut);
    }
    if let Some(p) = input.placement {
        add_positions(&mut doc, input, p);
    }
    doc
}

/// The job-position part: staffing per agency and position, each agency's
/// people and grades, postings below their position's standard or to verify.
fn add_positions<'a>(
    doc: &mut Doc<'a>,
    input: &'a ReportInput<'_>,
    p: &'a crate::positions::Placement,
) {
    let roster = &input.loaded.roster;
    let positions = p.staffing.iter().map(move |s| {
        let def = &p.catalogue.positions[s.position as usize];
        let unit = &roster.units[s.unit as usize];
        json!({
            "unit": unit.name, "unit_code": unit.code, "code": def.code, "position": def.name,
            "approved": s.approved, "filled": s.filled, "vacant": s.vacant(), "over": s.over(),
        })
    });
    let agencies = p
        .agencies
        .iter()
        .enumerate()
        .filter(|(_, a)| a.people > 0)
        .map(move |(u, a)| {
            let unit = &roster.units[u];
            json!({
                "unit": unit.name, "unit_code": unit.code, "has_catalogue": a.has_catalogue,
                "people": a.people, "placed": a.placed, "placed_with_grade": a.placed_with_grade,
                "grades": a.grades,
                "ranks": {
                    "senior": a.ranks[0], "principal": a.ranks[1], "specialist": a.ranks[2],
                    "clerk": a.ranks[3], "staff": a.ranks[4], "other": a.unranked,
                    "none": a.ungraded,
                },
            })
        });
    // Postings failing a requirement ("unmet": the known failures) and postings to
    // verify (no known failure, some value unknown); "to_verify" lists the unknowns.
    let listed = move |keep: fn(&crate::positions::Assignment) -> bool| {
        p.assignments
            .iter()
            .zip(roster.staff.rows())
            .filter(move |(a, _)| keep(a))
            .map(move |(a, r)| {
                let def = a.position.map(|i| &p.catalogue.positions[i as usize]);
                let words = |unknown: bool| {
                    a.unmet
                        .iter()
                        .filter(|u| u.is_unknown() == unknown)
                        .map(|u| crate::labels::unmet(input.lang, u))
                        .collect::<Vec<_>>()
                };
                json!({
                    "unit": roster.units[r.unit as usize].name, "name": roster.texts.get(r.name), "row": r.source.row,
                    "position_code": def.map(|d| &d.code), "position": def.map(|d| &d.name),
                    "unmet": words(false), "to_verify": words(true),
                    "standard": crate::labels::standard_source(input.lang, &p.catalogue, a.basis(&p.catalogue)),
                })
            })
    };
    doc.array("positions", positions);
    doc.array("agencies", agencies);
    doc.array(
        "below_position_standard",
        listed(crate::positions::Assignment::fails_standard),
    );
    doc.array(
        "position_standard_to_verify",
        listed(crate::positions::Assignment::to_verify),
    );
}

fn group_json(input: &ReportInput<'_>, g: Group) -> (&'static str, Value, Value) {
    match g {
        Group::Unit(n) | Group::Parent(n) => {
            let node = &input.hierarchy.nodes[n];
            let scope = if matches!(g, Group::Unit(_)) {
                "unit"
            } else {
                "parent"
            };
            (
                scope,
                node.code.clone().map(Value::String).unwrap_or(Value::Null),
                Value::String(node.name.clone()),
            )
        }
        Group::All => ("all", Value::Null, Value::Null),
    }
}

fn add_future<'a>(doc: &mut Doc<'a>, input: &'a ReportInput<'_>, fut: &'a super::Future<'_>) {
    let p = input.policy;
    let projection = fut.projection.iter().flat_map(move |tp| {
        let t = &p.targets[tp.target];
        tp.rows.iter().filter(|r| r.listed()).map(move |row| {
            let (scope, code, unit) = group_json(input, row.group);
            let points: Vec<Value> = tp
                .dates
                .iter()
                .zip(&row.points)
                .map(|(d, c)| {
                    json!({
                        "date": d.to_string(), "population": c.n, "qualified": c.q, "unknown": c.u,
                        "share": c.share(), "met": c.decide(t).met,
                    })
                })
                .collect();
            json!({ "target": t.id, "scope": scope, "unit_code": code, "unit": unit, "projected": tp.projected, "points": points })
        })
    });
    let roster = &input.loaded.roster;
    let trainees = fut.plan.trainees.iter().map(move |tr| {
        let rec = &roster.staff.row(tr.rec as usize);
        json!({
            "unit": roster.units[tr.unit as usize].name, "name": roster.texts.get(rec.name), "staff_id": roster.texts.opt(rec.staff_id),
            "row": rec.source.row, "current": tr.current.map(crate::scales::Education::key),
            "course": tr.course.key(), "start": tr.start.to_string(), "start_year": chrono::Datelike::year(&tr.start),
            "end": tr.end.to_string(), "retirement": tr.retire.map(|d| d.to_string()),
            "targets": tr.targets.iter().map(|i| p.targets[*i].id.clone()).collect::<Vec<_>>(),
        })
    });
    let outcomes = fut.plan.outcomes.iter().map(move |o| {
        let (scope, code, unit) = group_json(input, o.group);
        json!({
            "target": p.targets[o.target].id, "scope": scope, "unit_code": code, "unit": unit,
            "population_at_deadline": o.at_deadline.n, "qualified_at_deadline": o.at_deadline.q,
            "needed": o.needed, "planned": o.planned, "met_with_plan": o.met_with_plan,
            "shortcoming": o.shortcoming.map(crate::plan::Shortcoming::key),
            "best_share": o.best_share, "earliest_met": o.earliest.map(|d| d.to_string()),
            "candidates": o.candidates, "unknown_at_deadline": o.unknown,
            "met_if_unknown_qualified": o.met_if_unknown_qualified,
        })
    });
    let listed = move |list: &'a [(chrono::NaiveDate, usize)]| {
        list.iter().map(move |&(d, i)| {
            let r = &roster.staff.row(i);
            json!({ "unit": roster.units[r.unit as usize].name, "name": roster.texts.get(r.name), "row": r.source.row, "retirement": d.to_string() })
        })
    };
    let bound = fut.plan.bound.map(|b| {
        json!({
            "groups_met": b.groups_met, "groups_met_at_most": b.groups_met_at_most,
            "trainees": b.trainees, "trainees_at_least": b.trainees_at_least,
        })
    });
    doc.array("projection", projection);
    let mut plan = Doc::new(json!({ "optimal": fut.plan.bound.is_none(), "bound": bound }));
    plan.array("trainees", trainees);
    plan.array("outcomes", outcomes);
    doc.object("plan", plan);
    doc.array("retirements", listed(fut.retiring));
    doc.array("past_retirement_age", listed(fut.past_due));
}

/// Writes the JSON atomically.
pub fn write_json(path: &Path, input: &ReportInput<'_>) -> Result<()> {
    // Straight to the file: no second copy of it as one string (119 MB on
    // the national roster), its long arrays made as they are written.
    output::save_json(path, &document(input))
}
