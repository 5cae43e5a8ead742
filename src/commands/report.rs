//! `nhanluc report`: compliance with a policy's targets, as an Excel gap report.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::ReportArgs;
use crate::compliance;
use crate::config::InputConfig;
use crate::error::Result;
use crate::labels::{self, Lang};
use crate::policy::Policy;
use crate::positions::{self, Catalogue};
use crate::report::{self, ReportInput};
use crate::units::Hierarchy;

/// Runs the command; returns the exit code.
pub fn run(args: &ReportArgs, lang: Lang, quiet: bool) -> Result<u8> {
    let cfg = InputConfig::from_args(&args.input)?;
    let policy = Policy::load(&args.policy)?;
    let loaded = crate::load(&cfg, quiet)?;
    let mut issues = loaded.issues.clone();
    let hierarchy = Hierarchy::build(&loaded.roster, args.units.as_deref(), &mut issues)?;
    let catalogue_path = args.positions.clone().or_else(|| policy.positions.clone());
    let placement = match &catalogue_path {
        Some(path) => {
            let catalogue = Catalogue::load(path)?;
            let (placement, notes) =
                positions::place(&loaded.roster, &hierarchy, catalogue, &loaded.sheets);
            issues.extend(notes);
            Some(placement)
        }
        None => {
            if policy.targets.iter().any(|t| t.measure.needs_positions()) {
                eprintln!("{}", labels::get(lang).no_catalogue);
            }
            None
        }
    };
    let results = compliance::evaluate(&loaded.roster, &hierarchy, &policy, placement.as_ref())?;
    let input = ReportInput {
        loaded: &loaded,
        issues: &issues,
        policy: &policy,
        hierarchy: &hierarchy,
        placement: placement.as_ref(),
        results: &results,
        as_of: cfg.as_of,
        lang,
        command_line: std::env::args().collect::<Vec<_>>().join(" "),
    };
    let out = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("reports").join(format!("{}_{}.xlsx", policy.id, cfg.as_of))
    });
    report::write_workbook(&out, &input)?;
    if let Some(json) = &args.json {
        report::write_json(json, &input)?;
    }
    print!("{}", render(&input, &out));
    Ok(0)
}

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
    s
}
