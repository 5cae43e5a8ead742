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
    let policy = load_policy(args)?;
    let catalogue = args.positions.clone().or_else(|| policy.positions.clone());
    let synonyms = args
        .field_synonyms
        .clone()
        .or_else(|| policy.field_synonyms.clone());
    let out = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("reports").join(format!("{}_{}.xlsx", policy.id, cfg.as_of))
    });
    output::require_xlsx(&out, "the report")?;
    let extra = Extra {
        catalogue: catalogue.as_deref(),
        synonyms: synonyms.as_deref(),
    };
    refuse_overwrite(args, &cfg, &listing, &extra, &out)?;
    let mut loaded = crate::load(&cfg, &listing, quiet)?;
    crate::progress::now("units");
    // The data issues move on from here; later stages add theirs.
    let mut issues = std::mem::take(&mut loaded.issues);
    let hierarchy = Hierarchy::build(&loaded.roster, args.units.as_deref(), &mut issues)?;
    let placing = (&loaded, &hierarchy);
    let (placement, retire, staff) = place_beside_staff(
        args,
        (&extra, &policy),
        placing,
        &mut issues,
        lang,
        cfg.as_of,
    )?;
    crate::progress::timings::stage("place+staff");
    crate::progress::now("compliance");
    let results = compliance::evaluate(
        &staff,
        &loaded.roster,
        &hierarchy,
        &policy,
        placement.as_ref(),
    )?;
    drop(staff);
    crate::progress::timings::stage("compliance");
    let ahead = if with_plan {
        crate::progress::now("plan");
        let ahead = Ahead::new(&policy, &results, (&loaded, &hierarchy), &retire, cfg.as_of);
        crate::progress::timings::stage("plan");
        ahead
    } else {
        Ahead::default()
    };
    // The plan lists people past retirement age among the data issues (and
    // on "Nghỉ hưu"); the report notes them on "Cần đào tạo" from `retire`
    // (listing every such person in a report cost 115 MB and 1.8 s on the
    // 2.5 M-row bench roster).
    issues.extend(projection::past_due_issues(&loaded, &ahead.past_due));
    let input = ReportInput {
        loaded: &loaded,
        issues: &issues,
        policy: &policy,
        hierarchy: &hierarchy,
        placement: placement.as_ref(),
        future: with_plan.then(|| ahead.future()),
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

/// The postings placed, and beside them the last days of service and the
/// staff table, which need no placement: built while the agencies' figures
/// end placing on one core (0.1 s of the national roster's report).
fn place_beside_staff(
    args: &ReportArgs,
    (extra, policy): (&Extra<'_>, &Policy),
    placing: (&crate::Loaded, &Hierarchy),
    issues: &mut Vec<crate::issues::DataIssue>,
    lang: Lang,
    as_of: chrono::NaiveDate,
) -> Result<(
    Option<positions::Placement>,
    Vec<Option<chrono::NaiveDate>>,
    crate::staff::StaffFrame,
)> {
    let (loaded, hierarchy) = placing;
    let (placement, (retire, staff)) = rayon::join(
        || place(args, extra, policy, placing, issues, lang),
        || {
            // Last days of service: the plan's, and the report's note on
            // people below a target who are already past retirement age.
            let retire = projection::retirement_dates(&loaded.roster, &policy.projection);
            let staff = crate::staff::build(&loaded.roster, hierarchy, as_of, &retire);
            (retire, staff)
        },
    );
    // A catalogue's error first, as when the staff table came after.
    let placement = placement?;
    let staff = staff.map_err(|e| crate::staff::polars_error("the staff table", &e))?;
    Ok((placement, retire, staff))
}

/// The policy, with its document settings from `--document` if given.
fn load_policy(args: &ReportArgs) -> Result<Policy> {
    let mut policy = Policy::load(&args.policy)?;
    if let Some(doc) = &args.document {
        policy.document = crate::policy::Document::load(doc)?;
    }
    Ok(policy)
}

/// The policy's files besides the rosters, after the flags.
struct Extra<'a> {
    /// The position catalogue (a file or a folder).
    catalogue: Option<&'a std::path::Path>,
    /// The catalogue's field synonyms.
    synonyms: Option<&'a std::path::Path>,
}

/// Every output checked against every input before anything is read, then
/// the `--json` path's extension ([`output::require_json`]).
fn refuse_overwrite(
    args: &ReportArgs,
    cfg: &InputConfig,
    listing: &crate::ingest::Listing,
    extra: &Extra<'_>,
    out: &std::path::Path,
) -> Result<()> {
    let catalogue_files = extra.catalogue.map(files_in).unwrap_or_default();
    let mut inputs = cfg.input_files(listing);
    inputs.push((args.policy.as_path(), "policy"));
    let named = [
        (args.document.as_deref(), "document file"),
        (args.units.as_deref(), "units file"),
        (extra.synonyms, "field-synonyms file"),
        (args.grade_standards.as_deref(), "grade-standards file"),
        (args.job_descriptions.as_deref(), "job-descriptions file"),
    ];
    inputs.extend(
        named
            .into_iter()
            .filter_map(|(p, what)| p.map(|p| (p, what))),
    );
    inputs.extend(
        catalogue_files
            .iter()
            .map(|p| (p.as_path(), "position catalogue")),
    );
    let mut outputs = vec![("--output", out)];
    outputs.extend(args.json.as_deref().map(|p| ("--json", p)));
    output::refuse_overwrite(&inputs, &outputs)?;
    args.json.as_deref().map_or(Ok(()), output::require_json)
}

/// Everyone placed in the position catalogue, when there is one.
fn place(
    args: &ReportArgs,
    extra: &Extra<'_>,
    policy: &Policy,
    (loaded, hierarchy): (&crate::Loaded, &Hierarchy),
    issues: &mut Vec<crate::issues::DataIssue>,
    lang: Lang,
) -> Result<Option<positions::Placement>> {
    let Some(path) = extra.catalogue else {
        if policy.targets.iter().any(|t| t.measure.needs_positions()) {
            let _ = writeln!(std::io::stderr(), "{}", labels::get(lang).no_catalogue);
        }
        return Ok(None);
    };
    let catalogue = Catalogue::load_all(
        path,
        &positions::LoadOptions {
            field_synonyms: extra.synonyms,
            grade_standards: args.grade_standards.as_deref(),
            job_descriptions: args.job_descriptions.as_deref(),
            agency: args.agency.as_deref(),
        },
    )?;
    let (placement, notes) = positions::place(&loaded.roster, hierarchy, catalogue, &loaded.sheets);
    issues.extend(notes);
    Ok(Some(placement))
}

/// What `plan` adds: each target projected to its deadline, the training
/// plan, who retires by the latest deadline and who is already past the age.
#[derive(Default)]
struct Ahead {
    projected: Vec<projection::TargetProjection>,
    planned: Plan,
    retiring: Vec<(chrono::NaiveDate, usize)>,
    past_due: Vec<(chrono::NaiveDate, usize)>,
}

impl Ahead {
    fn new(
        policy: &Policy,
        results: &[compliance::TargetResult],
        (loaded, hierarchy): (&crate::Loaded, &Hierarchy),
        retire: &[Option<chrono::NaiveDate>],
        as_of: chrono::NaiveDate,
    ) -> Self {
        let projector = Projector::new(
            &loaded.roster,
            retire,
            as_of,
            policy.projection.replacements,
        );
        use rayon::prelude::*;
        // Members grouped by unit, parent and whole roster, once per target
        // (the targets on every core).
        let groups: Vec<MemberGroups> = results
            .par_iter()
            .map(|r| MemberGroups::new(hierarchy, &r.members))
            .collect();
        let horizon = policy.horizon().unwrap_or(as_of);
        // Who retires by the horizon beside the projection and the plan (a
        // sweep and a sort on one core, 30 ms on the national roster); the
        // projection beside the plan: each reads the groups only.
        let ((past_due, retiring), (projected, planned)) = rayon::join(
            || {
                let by_horizon = projection::retiring_by(&loaded.roster, retire, horizon);
                projection::split_past_due(by_horizon, as_of)
            },
            || {
                rayon::join(
                    || projection::project(policy, results, &groups, &projector),
                    || plan::plan(policy, results, &groups, &projector, &policy.training),
                )
            },
        );
        Self {
            projected,
            planned,
            retiring,
            past_due,
        }
    }

    fn future(&self) -> Future<'_> {
        Future {
            projection: &self.projected,
            plan: &self.planned,
            retiring: &self.retiring,
            past_due: &self.past_due,
        }
    }
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
