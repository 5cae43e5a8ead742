//! nhanluc: a batch tool for Vietnamese personnel departments.
//!
//! The pipeline is typed data flowing one way, one module per stage:
//!
//! ```text
//! files ──ingest──▶ RawSheet (interned cells, Excel row numbers)
//!       ──layout──▶ header, columns, row kinds
//!       ──normalize──▶ Roster (clean staff table) + DataIssue list
//!       ──summary / compliance──▶ typed rows ──report──▶ workbook, JSON
//! ```
//!
//! Every input row ends as a staff record, a row set aside (with its reason
//! in the data issues) or a non-staff row (blank, totals, heading, footer).

pub mod cli;
pub mod commands;
pub mod compliance;
pub mod config;
pub mod dates;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod issues;
pub mod labels;
pub mod layout;
pub mod legacy;
pub mod normalize;
pub mod output;
pub mod plan;
pub mod policy;
pub mod positions;
pub mod progress;
pub mod projection;
pub mod report;
pub mod retirement;
pub mod roster;
pub mod scales;
pub mod schema;
pub mod summary;
pub mod text;
pub mod units;

use crate::cli::{Cli, Command};
use crate::config::InputConfig;
use crate::error::{Error, Result};
use crate::ingest::RawInput;
use crate::roster::{Loaded, SheetStatus};
use crate::schema::HeaderMatcher;

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: &Cli) -> Result<u8> {
    match &cli.command {
        Command::Check(args) => commands::check::run(args, cli.lang, cli.quiet),
        Command::Report(args) => commands::report::run(args, args.plan, cli.lang, cli.quiet),
        Command::Plan(args) => commands::report::run(args, true, cli.lang, cli.quiet),
        Command::Generate(args) => commands::generate::run(args),
    }
}

/// Stages 1–2: reads every roster under the inputs into the clean staff table.
pub fn load(cfg: &InputConfig, quiet: bool) -> Result<Loaded> {
    let paths = ingest::list_files(&cfg.paths)?;
    let bar = progress::files(paths.len(), quiet);
    let mut raw = RawInput {
        files: Vec::with_capacity(paths.len()),
        sheets: Vec::new(),
    };
    for (i, path) in paths.iter().enumerate() {
        bar.set_message(path.display().to_string());
        let (file, sheets) = ingest::read_file(path, i, cfg.sheet.as_deref())?;
        raw.files.push(file);
        raw.sheets.extend(sheets);
        bar.inc(1);
    }
    bar.finish_and_clear();
    if let Some(name) = &cfg.sheet
        && raw.sheets.is_empty()
    {
        return Err(Error::SheetNotFound { name: name.clone() });
    }
    let matcher = HeaderMatcher::new(&cfg.aliases);
    let loaded = normalize::normalize(
        raw,
        &normalize::Options {
            matcher: &matcher,
            as_of: cfg.as_of,
        },
    )?;
    if !loaded
        .sheets
        .iter()
        .any(|s| matches!(s.status, SheetStatus::Read { .. }))
    {
        return Err(Error::NoRosterHeader {
            files: loaded.files.len(),
        });
    }
    Ok(loaded)
}
