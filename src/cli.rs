//! Command-line interface (clap derive). Declarative only: values are
//! validated and resolved in [`crate::config`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::labels::Lang;

/// Batch tool for Vietnamese personnel departments: staff rosters, job
/// positions, compliance with reform targets, Excel gap reports.
#[derive(Debug, Parser)]
#[command(name = "nhanluc", version, about, long_about = None)]
pub struct Cli {
    /// No progress bars.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print where the time went, stage by stage, to stderr at the end.
    #[arg(long, global = true)]
    pub timings: bool,
    /// Language of reports and messages.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and clean rosters, print a summary and the data issues.
    Check(CheckArgs),
    /// Compute compliance with a policy's targets and write the Excel gap report.
    Report(ReportArgs),
    /// The report, plus projection to the deadlines, retirements and a training plan
    /// (same as `report --plan`).
    Plan(ReportArgs),
    /// Write a synthetic roster (for trying the tool at size, tests, benchmarks).
    Generate(GenerateArgs),
}

/// Where the rosters come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Roster files or folders (a folder means every roster file under it).
    #[arg(default_value = "rosters")]
    pub paths: Vec<PathBuf>,
    /// Read only sheets with this name.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Extra header names for your own layout (TOML: `[aliases] full_name = ["…"]`).
    #[arg(long, value_name = "FILE")]
    pub columns: Option<PathBuf>,
    /// Commune titles and their categories, for rows that give no category
    /// (TOML; default: the built-in policies/commune-titles.toml).
    #[arg(long, value_name = "FILE")]
    pub commune_titles: Option<PathBuf>,
    /// The date the figures are as of (YYYY-MM-DD or DD/MM/YYYY); default today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Mask national ids and write names as initials in every output, for copies
    /// that leave the personnel office.
    #[arg(long)]
    pub redact: bool,
}

/// `nhanluc check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the data issues to this file (.xlsx or .csv).
    #[arg(long, value_name = "FILE")]
    pub issues: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when any row was set aside.
    #[arg(long)]
    pub strict: bool,
}

/// `nhanluc report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Policy file (TOML).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "policies/bac-kan-2011-2015.toml"
    )]
    pub policy: PathBuf,
    /// Units file (.csv or workbook: code, name, parent code, unit type, level).
    #[arg(long, value_name = "FILE")]
    pub units: Option<PathBuf>,
    /// Job-position catalogue (file or folder: TOML, CSV or workbook); default: the policy's own.
    #[arg(long, value_name = "FILE|DIR")]
    pub positions: Option<PathBuf>,
    /// Field-of-study synonyms for matching positions (TOML); default: the policy's own, else
    /// the built-in list (policies/field-synonyms.toml).
    #[arg(long, value_name = "FILE")]
    pub field_synonyms: Option<PathBuf>,
    /// The report's document form (TOML with a `[document]` table: number, place, date,
    /// signer, recipients); default: the policy's own `[document]`.
    #[arg(long, value_name = "FILE")]
    pub document: Option<PathBuf>,
    /// Output workbook; default `reports/<policy id>_<as-of>.xlsx`.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the results as JSON.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Project to each deadline and plan training (adds "Dự báo", "Kế hoạch đào tạo", "Nghỉ hưu").
    #[arg(long)]
    pub plan: bool,
}

/// `nhanluc generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of staff rows.
    #[arg(long, default_value_t = 1000)]
    pub rows: usize,
    /// Output file (.csv or .xlsx).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Random seed (same seed, same roster).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also write a matching job-position catalogue (CSV) to this file.
    #[arg(long, value_name = "FILE")]
    pub catalogue: Option<PathBuf>,
    /// Rows in that catalogue.
    #[arg(long, default_value_t = 5000)]
    pub catalogue_rows: usize,
}
