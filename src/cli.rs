//! Command-line interface (clap derive). Declarative only: values are
//! validated and resolved in [`crate::config`]. The help texts are not the
//! doc comments below but [`crate::labels::help`]'s, in the language
//! [`resolve_lang`] finds, set by [`command`].

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::Styles;
use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::labels::{self, CommandHelp, HelpLabels, Lang};

#[cfg(test)]
mod tests;

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
    /// Language of help, messages and reports. Vietnamese here; [`command`]
    /// makes the default the language [`resolve_lang`] finds.
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
    /// Fill the annual statistical forms (BM01–BM04/BNV, 8B-BTCTW) from the rosters.
    Forms(FormsArgs),
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
    /// The agency of a position catalogue that does not say (no agency column,
    /// and neither its title nor its sheet or file name names one).
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// The legal standard of each grade, applied to positions that give only
    /// their grades (TOML); default: the built-in policies/grade-standards.toml.
    #[arg(long, value_name = "FILE")]
    pub grade_standards: Option<PathBuf>,
    /// Job descriptions: requirements by position name (and agency), replacing the
    /// grade's standard and the catalogue's own (CSV or workbook).
    #[arg(long, value_name = "FILE")]
    pub job_descriptions: Option<PathBuf>,
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
    /// Also write the results as JSON (a `.json` file).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Project to each deadline and plan training (adds "Dự báo", "Kế hoạch đào tạo", "Nghỉ hưu").
    #[arg(long)]
    pub plan: bool,
}

/// `nhanluc forms`.
#[derive(Debug, Args)]
pub struct FormsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// A shipped form by code (BM01/BNV, BM02/BNV, BM03/BNV, BM04/BNV, 8B-BTCTW); repeat
    /// for several; default: every shipped form.
    #[arg(long = "form", value_name = "CODE")]
    pub forms: Vec<String>,
    /// A form file of your own (TOML, as in policies/forms/); repeat for several.
    #[arg(long = "form-file", value_name = "FILE")]
    pub form_files: Vec<PathBuf>,
    /// Units file (.csv or workbook: code, name, parent code, unit type, level, approved staffing).
    #[arg(long, value_name = "FILE")]
    pub units: Option<PathBuf>,
    /// The reporting unit printed on every form ("Đơn vị báo cáo").
    #[arg(long, value_name = "NAME")]
    pub reporting_unit: Option<String>,
    /// Last year's rosters (a file or folder; repeat for several): adds the
    /// movement table.
    #[arg(long, value_name = "PATH")]
    pub previous: Vec<PathBuf>,
    /// The date last year's rosters are as of; default one year before --as-of.
    #[arg(long, value_name = "DATE", requires = "previous")]
    pub previous_as_of: Option<String>,
    /// Last year's units onto this year's (a table: old unit code or name, new unit code or name).
    #[arg(long, value_name = "FILE", requires = "previous")]
    pub unit_map: Option<PathBuf>,
    /// Output workbook; default `reports/bieu-mau_<as-of>.xlsx`.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the figures as JSON (a `.json` file).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
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

/// The language of help, messages and reports, resolved once, before the
/// command line is parsed: `--lang` anywhere on the command line (`--lang en`
/// or `--lang=en`), else the environment's language (`LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, the first one set and non-empty): English when
/// it starts with `en`; else Vietnamese.
///
/// The only place that reads the command line and these variables for it.
#[must_use]
pub fn resolve_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty());
    lang_of(std::env::args_os().skip(1), locale.as_deref())
}

/// [`resolve_lang`] over the arguments (without the program's name) and the
/// locale's value.
fn lang_of(args: impl IntoIterator<Item = OsString>, locale: Option<&std::ffi::OsStr>) -> Lang {
    let mut args = args.into_iter();
    let mut given = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break; // Everything after it is a path.
        }
        let value = if arg == "--lang" {
            args.next()
        } else {
            arg.to_str()
                .and_then(|a| a.strip_prefix("--lang="))
                .map(OsString::from)
        };
        if let Some(lang) = value
            .as_ref()
            .and_then(|v| v.to_str())
            .and_then(|v| Lang::from_str(v, false).ok())
        {
            given = Some(lang);
        }
    }
    given.unwrap_or_else(|| {
        if locale.is_some_and(|l| l.to_string_lossy().starts_with("en")) {
            Lang::En
        } else {
            Lang::Vi
        }
    })
}

/// Where the options every command takes (`--quiet`, `--timings`, `--lang`)
/// and then `--help` and `--version` stand in a list of options: after the
/// command's own.
const GLOBAL_ORDER: usize = 900;

/// The command line in `lang`: the derive's structure with every help text
/// from [`labels::help`], the examples before the usage line, clap's own
/// words (usage, headings, `--help`, `--version`, the `help` command)
/// translated, and `--lang` defaulting to `lang`, so that the language the
/// environment gives is also the reports'.
#[must_use]
pub fn command(lang: Lang) -> clap::Command {
    let h = labels::help(lang);
    let lang_name = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut cmd = Cli::command()
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(GLOBAL_ORDER + 11),
        )
        .mut_arg("quiet", |a| a.display_order(GLOBAL_ORDER))
        .mut_arg("timings", |a| a.display_order(GLOBAL_ORDER + 1))
        .mut_arg("lang", |a| {
            a.display_order(GLOBAL_ORDER + 2)
                .default_value(lang_name)
                .hide_possible_values(true)
        });
    cmd = localize(cmd, h, &h.top);
    for sub in h.subcommands {
        cmd = cmd.mut_subcommand(sub.name, |c| localize(c, h, sub));
    }
    // Clap adds its `help` command and propagates the global options while
    // building; the usage lines are known only then.
    cmd.build();
    finish(&mut cmd, h);
    cmd
}

/// Sets the texts of one command and its arguments, and its own `--help`.
fn localize(cmd: clap::Command, h: &HelpLabels, c: &CommandHelp) -> clap::Command {
    let mut cmd = cmd.about(c.about).long_about(None);
    if !c.examples.is_empty() {
        let examples = examples(cmd.get_styles(), h, c);
        cmd = cmd.before_help(examples);
    }
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .display_order(GLOBAL_ORDER + 10),
    );
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = h.arg(c.name, &id);
        cmd = cmd.mut_arg(&id, |a| describe(a, h, text));
    }
    cmd
}

/// An argument's help (left as the derive's when the labels have none: the
/// tests catch that) under its heading, with its default value.
fn describe(arg: Arg, h: &HelpLabels, text: Option<&'static str>) -> Arg {
    let heading = if arg.is_positional() {
        h.arguments
    } else {
        h.options
    };
    let arg = arg.help_heading(heading).long_help(None);
    let Some(text) = text else {
        return arg;
    };
    let defaults: Vec<String> =
        if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
            arg.get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect()
        } else {
            Vec::new()
        };
    if defaults.is_empty() {
        arg.help(text)
    } else {
        arg.help(format!("{text} [{}: {}]", h.default, defaults.join(" ")))
            .hide_default_value(true)
    }
}

/// The examples block: a heading, then each example's purpose and command line.
fn examples(styles: &Styles, h: &HelpLabels, c: &CommandHelp) -> String {
    use std::fmt::Write as _;
    let (head, lit) = (styles.get_header(), styles.get_literal());
    let mut out = format!("{head}{}:{head:#}", h.examples);
    for e in c.examples {
        let _ = write!(out, "\n  {}\n    {lit}{}{lit:#}", e.what, e.line);
    }
    out
}

/// After the build: the help layout with the translated usage line, on this
/// command and every subcommand, and the texts of clap's `help` command.
/// The usage line of clap's errors stays clap's, in English like the errors.
fn finish(cmd: &mut clap::Command, h: &HelpLabels) {
    if cmd.get_name() == "help" {
        *cmd = std::mem::take(cmd).about(h.help_command);
    }
    *cmd = std::mem::take(cmd).subcommand_help_heading(h.commands);
    let styles = cmd.get_styles().clone();
    let usage_style = styles.get_usage();
    // Clap writes the title itself, styled: take it off.
    let clap_title = format!("{usage_style}Usage:{usage_style:#} ");
    let rendered = cmd.render_usage().ansi().to_string();
    let usage = rendered
        .strip_prefix(&clap_title)
        .or_else(|| rendered.strip_prefix("Usage: "))
        .unwrap_or(&rendered)
        .replacen("[OPTIONS]", h.options_tag, 1)
        .replacen("COMMAND", h.command_value, 1);
    let template = format!(
        "{{about-with-newline}}\n{{before-help}}{usage_style}{}:{usage_style:#} {usage}\n\n\
         {{all-args}}{{after-help}}",
        h.usage
    );
    *cmd = std::mem::take(cmd).help_template(template);
    for sub in cmd.get_subcommands_mut() {
        finish(sub, h);
    }
}
