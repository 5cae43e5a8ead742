//! nhanluc: a batch tool for Vietnamese personnel departments.
//!
//! The pipeline is typed data flowing one way, one module per stage:
//!
//! ```text
//! files ──ingest──▶ RawSheet (interned cells, Excel row numbers)
//!       ──layout──▶ header, columns, row kinds
//!       ──normalize──▶ Roster (clean staff table, in columns) + DataIssue list
//!       ──staff──▶ the staff frame (columnar, polars)
//!       ──compliance / forms──▶ typed rows ──report / forms::sheet──▶ workbook, JSON
//! ```
//!
//! Every input row ends as a posting of the staff table, a row set aside
//! (with its reason in the data issues) or a non-staff row (blank, totals,
//! heading, footer).

pub mod cli;
pub mod commands;
pub mod compliance;
pub mod config;
pub mod error;
pub mod forms;
pub mod generate;
pub mod ingest;
pub mod issues;
pub mod labels;
pub mod layout;
pub mod movement;
pub mod normalize;
pub mod output;
pub mod plan;
pub mod policy;
pub mod positions;
pub mod progress;
pub mod projection;
pub mod report;
pub mod roster;
pub mod schema;
pub mod staff;
pub mod structure;
pub mod summary;
pub mod units;
pub mod vocab;

pub use vocab::{dates, legacy, retirement, scales, text};

use crate::cli::{Cli, Command};
use crate::config::InputConfig;
use crate::error::{Error, Result};
use crate::ingest::RawInput;
use crate::roster::{Loaded, SheetStatus};

use crate::schema::HeaderMatcher;

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: &Cli) -> Result<u8> {
    if cli.timings {
        progress::timings::start();
    }
    progress::start(
        cli.quiet,
        match cli.lang {
            labels::Lang::Vi => |k| labels::stage(labels::Lang::Vi, k),
            labels::Lang::En => |k| labels::stage(labels::Lang::En, k),
        },
    );
    let code = match &cli.command {
        Command::Check(args) => commands::check::run(args, cli.lang, cli.quiet),
        Command::Report(args) => commands::report::run(args, args.plan, cli.lang, cli.quiet),
        Command::Plan(args) => commands::report::run(args, true, cli.lang, cli.quiet),
        Command::Forms(args) => commands::forms::run(args, cli.lang, cli.quiet),
        Command::Generate(args) => commands::generate::run(args),
    };
    progress::done();
    let code = code?;
    if cli.timings {
        use std::io::Write as _;
        let _ = std::io::stderr().write_all(progress::timings::report().as_bytes());
    }
    Ok(code)
}

/// Stages 1–2: reads every roster of the listing into the clean staff table.
pub fn load(cfg: &InputConfig, listing: &ingest::Listing, quiet: bool) -> Result<Loaded> {
    let mut passed_over = passed_over(listing);
    let (raw, digests) = read_files(cfg, &listing.files, quiet, &mut passed_over)?;
    progress::timings::stage("read");
    progress::now("clean");
    if raw.files.is_empty() {
        return Err(Error::NoRosterHeader {
            files: passed_over
                .iter()
                .map(|(p, why)| {
                    format!(
                        "{}: {}",
                        p.display(),
                        labels::problem(labels::Lang::En, why)
                    )
                })
                .collect(),
        });
    }
    if let Some(name) = &cfg.sheet
        && raw.sheets.is_empty()
    {
        return Err(Error::SheetNotFound { name: name.clone() });
    }
    let described = describe_files(&raw);
    let matcher = HeaderMatcher::new(&cfg.aliases);
    let mut loaded = normalize::normalize(
        raw,
        &normalize::Options {
            matcher: &matcher,
            titles: &cfg.titles,
            as_of: cfg.as_of,
            parallel: true,
        },
    )?;
    if !loaded
        .sheets
        .iter()
        .any(|s| matches!(s.status, SheetStatus::Read { .. }))
    {
        return Err(Error::NoRosterHeader { files: described });
    }
    for (index, digest) in digests {
        loaded.files[index].sha256 = digest.finish()?;
    }
    progress::timings::stage("digest");
    for (path, problem) in passed_over {
        loaded.issues.push(issues::DataIssue::sheet(
            output::shown_path(&path).into(),
            "".into(),
            String::new(),
            problem,
            issues::Action::Skipped,
        ));
    }
    if cfg.redact {
        normalize::redact(&mut loaded);
        loaded.redacted = true;
    }
    Ok(loaded)
}

/// The paths the listing passed over, each with its data issue.
fn passed_over(listing: &ingest::Listing) -> Vec<(std::path::PathBuf, issues::Problem)> {
    listing
        .passed_over
        .iter()
        .map(|(p, why)| match why {
            ingest::PassedOver::ReachedTwice { first } => (
                p.clone(),
                issues::Problem::ReachedTwice {
                    first: first.display().to_string(),
                },
            ),
            ingest::PassedOver::Hidden => (p.clone(), issues::Problem::HiddenFile),
            ingest::PassedOver::NotAFile => (p.clone(), issues::Problem::NotAFile),
        })
        .collect()
}

/// Stage 1: reads every file into raw sheets; the tool's own outputs are
/// passed over (added to `passed_over`). Large text files' digests are
/// still being computed (with their files' indexes): they are waited for
/// once the rows are cleaned and people identified.
fn read_files(
    cfg: &InputConfig,
    paths: &[std::path::PathBuf],
    quiet: bool,
    passed_over: &mut Vec<(std::path::PathBuf, issues::Problem)>,
) -> Result<(RawInput, Vec<(usize, ingest::LaterDigest)>)> {
    let bar = progress::files(paths.len(), quiet);
    let mut raw = RawInput {
        files: Vec::with_capacity(paths.len()),
        sheets: Vec::new(),
    };
    let mut digests = Vec::new();
    for path in paths {
        bar.set_message(path.display().to_string());
        let index = raw.files.len();
        // An issues list this tool wrote is never read as a roster.
        if output::is_issues_csv_file(path) {
            passed_over.push((path.clone(), issues::Problem::OwnOutput));
            bar.inc(1);
            continue;
        }
        let (read, digest) = ingest::read_file_digest_later(path, index, cfg.sheet.as_deref())?;
        match read {
            ingest::FileRead::Read(file, sheets) => {
                digests.extend(digest.map(|d| (index, d)));
                raw.files.push(file);
                raw.sheets.extend(sheets);
            }
            ingest::FileRead::OwnOutput => {
                passed_over.push((path.clone(), issues::Problem::OwnOutput));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((raw, digests))
}

/// What each file holds, for the message when none has a roster header:
/// its size, or its first filled row.
fn describe_files(raw: &RawInput) -> Vec<String> {
    raw.files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let path = f.path.display();
            let size = std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
            if size == 0 {
                return format!("{path}: empty file (0 bytes)");
            }
            let first = raw.sheets.iter().filter(|s| s.file == i).find_map(|s| {
                (0..s.len()).find(|&r| !s.row_is_blank(r)).map(|r| {
                    let cells: Vec<String> = (0..s.columns.len())
                        .map(|c| s.cell_text(r, c))
                        .filter(|t| !t.is_empty())
                        .take(6)
                        .collect();
                    let mut text = cells.join(" | ");
                    if text.chars().count() > 100 {
                        text = text.chars().take(99).chain(['…']).collect();
                    }
                    format!("sheet \"{}\", row {}: \"{text}\"", s.name, s.excel_rows[r])
                })
            });
            let encoding = f
                .text_encoding
                .map(|e| format!(" (read as {e})"))
                .unwrap_or_default();
            match first {
                Some(row) => format!("{path}{encoding}: first filled row is {row}"),
                None => format!("{path}{encoding}: no filled cell ({size} bytes)"),
            }
        })
        .collect()
}
