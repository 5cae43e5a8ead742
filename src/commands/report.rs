//! `nhanluc report`: compliance with a policy's targets, as an Excel gap report.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use crate::cli::ReportArgs;
use crate::compliance;
use crate::config::InputConfig;
use crate::error::Result;
use crate::labels::{self, Lang};
use crate::output;
use crate::plan::{self, Plan};
use crate::policy::Policy;
use crate::positions::{self, Catalogue};
use crate::projection::{self, MemberGroups, Projector};
use crate::report::{self, Future, ReportInput};
use crate::units::Hierarchy;

/// Runs the command; returns the exit code.
pub fn run(args: &ReportArgs, with_plan: bool, lang: Lang, quiet: bool) -> Result<u8> {
    let cfg = InputConfig::from_args(&args.input)?;
    let listing = crate::ingest::list_files(&cfg.paths)?;
    let mut policy = Policy::load(&args.policy)?;
    if let Some(doc) = &args.document {
        policy.document = crate::policy::Document::load(doc)?;
    }
    let catalogue_path = args.positions.clone().or_else(|| policy.positions.clone());
    let synonyms = args
        .field_synonyms
        .clone()
        .or_else(|| policy.field_synonyms.clone());
    let out = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("reports").join(format!("{}_{}.xlsx", policy.id, cfg.as_of))
    });
    output::require_xlsx(&out, "the report")?;
    // Every output checked against every input before anything is read.
    let catalogue_files = catalogue_path.as_deref().map(files_in).unwrap_or_default();
    let mut inputs = cfg.input_files(&listing);
    inputs.push((args.policy.as_path(), "policy"));
    inputs.extend(args.document.as_deref().map(|p| (p, "document file")));
    inputs.extend(args.units.as_deref().map(|p| (p, "units file")));
    inputs.extend(
        args.input
            .columns
            .as_deref()
            .map(|p| (p, "column-names file")),
    );
    inputs.extend(
        catalogue_files
            .iter()
            .map(|p| (p.as_path(), "position catalogue")),
    );
    inputs.extend(synonyms.as_deref().map(|p| (p, "field-synonyms file")));
    inputs.extend(
        args.grade_standards
            .as_deref()
            .map(|p| (p, "grade-standards file")),
    );
    inputs.extend(
        args.job_descriptions
            .as_deref()
            .map(|p| (p, "job-descriptions file")),
    );
    let mut outputs = vec![("--output", out.as_path())];
    outputs.extend(args.json.as_deref().map(|p| ("--json", p)));
    output::refuse_overwrite(&inputs, &outputs)?;
    let mut loaded = crate::load(&cfg, &listing, quiet)?;
    crate::progress::now("units");
    // The data issues move on from here; later stages add theirs.
    let mut issues = std::mem::take(&mut loaded.issues);
    let hierarchy = Hierarchy::build(&loaded.roster, args.units.as_deref(), &mut issues)?;
    let placement = match &catalogue_path {
        Some(path) => {
            let catalogue = Catalogue::load_all(
                path,
                &positions::LoadOptions {
                    field_synonyms: synonyms.as_deref(),
                    grade_standards: args.grade_standards.as_deref(),
                    job_descriptions: args.job_descriptions.as_deref(),
                    agency: args.agency.as_deref(),
                },
            )?;
            let (placement, notes) =
                positions::place(&loaded.roster, &hierarchy, catalogue, &loaded.sheets);
            issues.extend(notes);
            Some(placement)
        }
        None => {
            if policy.targets.iter().any(|t| t.measure.needs_positions()) {
                let _ = writeln!(std::io::stderr(), "{}", labels::get(lang).no_catalogue);
            }
            None
        }
    };
    crate::progress::timings::stage("positions");
    crate::progress::now("compliance");
    // Last days of service: the plan's, and the report's note on people
    // below a target who are already past retirement age.
    let retire = projection::retirement_dates(&loaded.roster, &policy.projection);
    let staff = crate::staff::build(&loaded.roster, &hierarchy, cfg.as_of, &retire)
        .map_err(|e| crate::staff::polars_error("the staff table", &e))?;
    let results = compliance::evaluate(
        &staff,
        &loaded.roster,
        &hierarchy,
        &policy,
        placement.as_ref(),
    )?;
    drop(staff);
    crate::progress::timings::stage("compliance");
    if with_plan {
        crate::progress::now("plan");
    }
    let projector = Projector {
        roster: &loaded.roster,
        retire: &retire,
        as_of: cfg.as_of,
        replacements: policy.projection.replacements,
    };
    let (mut past_due, mut retiring) = (Vec::new(), Vec::new());
    let (projected, planned) = if with_plan {
        // Members grouped by unit, parent and whole roster, once per target.
        let groups: Vec<MemberGroups> = results
            .iter()
            .map(|r| MemberGroups::new(&hierarchy, &r.members))
            .collect();
        let p = projection::project(&policy, &results, &groups, &projector);
        let horizon = policy.horizon().unwrap_or(cfg.as_of);
        (past_due, retiring) = projection::split_past_due(
            projection::retiring_by(&loaded.roster, &retire, horizon),
            cfg.as_of,
        );
        let t = plan::plan(&policy, &results, &groups, &projector, &policy.training);
        (p, t)
    } else {
        (Vec::new(), Plan::default())
    };
    if with_plan {
        crate::progress::timings::stage("plan");
    }
    // The plan lists people past retirement age among the data issues (and
    // on "Nghỉ hưu"); the report notes them on "Cần đào tạo" from `retire`
    // (listing every such person in a report cost 115 MB and 1.8 s on the
    // 2.5 M-row bench roster).
    issues.extend(projection::past_due_issues(&loaded, &past_due));
    let future = with_plan.then_some(Future {
        projection: &projected,
        plan: &planned,
        retiring: &retiring,
        past_due: &past_due,
    });
    let input = ReportInput {
        loaded: &loaded,
        issues: &issues,
        policy: &policy,
        hierarchy: &hierarchy,
        placement: placement.as_ref(),
        future,
        results: &results,
        retire: &retire,
        as_of: cfg.as_of,
        lang,
        command_line: output::shown_command_line(std::env::args()),
    };
    crate::progress::now("write");
    report::write_workbook(&out, &input)?;
    crate::progress::timings::stage("save");
    if let Some(json) = &args.json {
        report::write_json(json, &input)?;
        crate::progress::timings::stage("json");
    }
    output::print(&render(&input, &out))?;
    Ok(0)
}

/// A file, or the files directly in a folder.
fn files_in(path: &std::path::Path) -> Vec<PathBuf> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        vec![path.to_path_buf()]
    }
}

/// Plan outcomes printed; the workbook lists them all.
const MAX_LISTED: usize = 10;

fn pct(lang: Lang, share: Option<f64>) -> String {
    share.map_or_else(
        || "—".to_string(),
        |s| {
            let text = format!("{:.1}%", s * 100.0);
            if lang == Lang::Vi {
                text.replace('.', ",")
            } else {
                text
            }
        },
    )
}

/// The per-target summary printed after writing.
fn render(input: &ReportInput<'_>, out: &std::path::Path) -> String {
    let lang = input.lang;
    let l = labels::get(lang);
    let mut s = format!("{}: {}\n", l.report_written, out.display());
    for r in input.results {
        let t = &input.policy.targets[r.target];
        let label = match lang {
            Lang::Vi => &t.label,
            Lang::En => t.label_en.as_ref().unwrap_or(&t.label),
        };
        let _ = writeln!(
            s,
            "{} {label}: {}/{} = {} ({}) → {}; {} {}; {}/{} {}",
            t.id,
            r.all.qualified,
            r.all.population,
            pct(lang, r.all.share()),
            labels::threshold(lang, t.comparator, t.threshold),
            labels::status(lang, r.headline.met),
            l.shortfall_word,
            r.headline.shortfall,
            r.headline.units_met,
            r.headline.units_applicable,
            l.units_met_word,
        );
    }
    // People no column, heading or title gave a category are in no target.
    let unknown = input.loaded.roster.category_unknown();
    if unknown > 0 {
        let _ = writeln!(s, "{}", labels::category_unknown_note(lang, unknown));
    }
    if let Some(fut) = &input.future {
        let (trainees, outcomes) = (fut.plan.trainees.len(), &fut.plan.outcomes);
        let _ = writeln!(s, "{}: {trainees}", l.plan_summary);
        let unmet: Vec<_> = outcomes.iter().filter(|o| !o.met_with_plan).collect();
        for o in unmet.iter().take(MAX_LISTED) {
            let t = &input.policy.targets[o.target];
            let group = match o.group {
                crate::compliance::Group::Unit(n) | crate::compliance::Group::Parent(n) => {
                    input.hierarchy.nodes[n].name.clone()
                }
                crate::compliance::Group::All => l.whole_roster.to_string(),
            };
            let earliest = o
                .earliest
                .map_or_else(|| l.never.to_string(), |d| d.format("%d/%m/%Y").to_string());
            let why = labels::shortcoming(lang, o.shortcoming);
            let _ = writeln!(
                s,
                "  {} · {group}: {why}; {} {}; {} {earliest}",
                t.id,
                l.col_best_share,
                pct(lang, o.best_share),
                l.col_earliest,
            );
        }
        if unmet.len() > MAX_LISTED {
            let _ = writeln!(s, "  … +{} ({})", unmet.len() - MAX_LISTED, l.sheet_plan);
        }
        match fut.plan.bound {
            None => {
                let _ = writeln!(s, "{}", l.plan_exact);
            }
            Some(b) => {
                let _ = writeln!(s, "{}", labels::plan_bound(lang, &b));
            }
        }
        let _ = writeln!(s, "{}: {}", l.retirements_summary, fut.retiring.len());
        if !fut.past_due.is_empty() {
            let _ = writeln!(s, "{}: {}", l.past_due_heading, fut.past_due.len());
        }
    }
    s
}
