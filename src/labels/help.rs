//! The command line's help (`--help`, `-h`, `help COMMAND`), in Vietnamese
//! and English: what each command and argument does, examples, and the words
//! clap would otherwise print in English ("Usage", "Options", …).
//!
//! Arguments are keyed by their clap id (the field name in [`crate::cli`]);
//! `crate::cli::command` sets these texts on the clap `Command`, and its
//! tests check that every argument has one, in both languages, and that no
//! id here is stale.

use super::Lang;

mod en;
mod vi;

pub use en::EN;
pub use vi::VI;

/// One example in a command's help: what it does, then the command line.
#[derive(Debug)]
pub struct Example {
    /// What the example does (a sentence ending in a colon).
    pub what: &'static str,
    /// The command line, the same in every language.
    pub line: &'static str,
}

/// The help of one command.
#[derive(Debug)]
pub struct CommandHelp {
    /// The subcommand's name; empty for the top level.
    pub name: &'static str,
    /// One line: what the command does.
    pub about: &'static str,
    /// Shown before the usage line.
    pub examples: &'static [Example],
    /// The help of the command's own arguments, by clap id.
    pub args: &'static [(&'static str, &'static str)],
}

/// Every help text of one language.
#[derive(Debug)]
pub struct HelpLabels {
    /// Heading of the usage line ("Usage").
    pub usage: &'static str,
    /// Heading of the subcommand list ("Commands").
    pub commands: &'static str,
    /// Placeholder of a subcommand in a usage line ("COMMAND").
    pub command_value: &'static str,
    /// Stands for the options in a usage line ("[OPTIONS]").
    pub options_tag: &'static str,
    /// Heading of the positional arguments ("Arguments").
    pub arguments: &'static str,
    /// Heading of the options ("Options").
    pub options: &'static str,
    /// Heading of the examples ("Examples").
    pub examples: &'static str,
    /// Word before an argument's default value ("default").
    pub default: &'static str,
    /// `-h`, `--help`.
    pub help: &'static str,
    /// `-V`, `--version`.
    pub version: &'static str,
    /// The `help` subcommand clap adds.
    pub help_command: &'static str,
    /// The top level, with the options every command takes.
    pub top: CommandHelp,
    /// Arguments shared by every command that reads rosters (check, report, plan).
    pub input_args: &'static [(&'static str, &'static str)],
    /// The subcommands.
    pub subcommands: &'static [CommandHelp],
}

impl HelpLabels {
    /// The help of argument `id` of the subcommand `command` (empty for the
    /// top level): its own, else the roster input's, else the top level's.
    #[must_use]
    pub fn arg(&self, command: &str, id: &str) -> Option<&'static str> {
        let own = if command.is_empty() {
            self.top.args
        } else {
            self.subcommands
                .iter()
                .find(|c| c.name == command)
                .map_or(&[][..], |c| c.args)
        };
        let find = |table: &[(&'static str, &'static str)]| {
            table.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
        };
        find(own)
            .or_else(|| find(self.input_args))
            .or_else(|| find(self.top.args))
            .or(match id {
                "help" => Some(self.help),
                "version" => Some(self.version),
                _ => None,
            })
    }
}

/// The help texts of a language.
#[must_use]
pub fn help(lang: Lang) -> &'static HelpLabels {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

// The example command lines, shared by both languages. Paths are the repo's
// sample rosters and policies.
const CHECK_2013: &str = "nhanluc check rosters/ --as-of 2013-12-31";
const CHECK_ISSUES: &str = "nhanluc check rosters/ --issues loi.xlsx";
const CHECK_STRICT: &str = "nhanluc check rosters/05-vien-chuc-don-vi-su-nghiep.csv --strict";
const REPORT_2013: &str = "nhanluc report rosters/ --as-of 2013-12-31";
const REPORT_L80: &str = "nhanluc report rosters/ --policy policies/luat-80-2025.toml \
                          --positions policies/vi-tri-viec-lam-bac-kan.toml -o reports/bao-cao.xlsx";
const REPORT_JSON: &str = "nhanluc report rosters/ --as-of 2013-12-31 --json reports/ket-qua.json";
const PLAN_2013: &str = "nhanluc plan rosters/ --as-of 2013-12-31";
const PLAN_ONE: &str = "nhanluc plan rosters/01-can-bo-cong-chuc-phuong-xa.xlsx --as-of 2014-06-30 \
                        -o reports/ke-hoach.xlsx";
const FORMS_2013: &str = "nhanluc forms rosters/ --as-of 2013-12-31";
const FORMS_ONE: &str =
    "nhanluc forms rosters/ --as-of 2013-12-31 --form BM01/BNV --units don-vi.xlsx -o bm01.xlsx";
const FORMS_MOVEMENT: &str =
    "nhanluc forms examples/rosters-2014 --as-of 2014-12-31 --previous rosters";
const GENERATE_BIG: &str = "nhanluc generate --rows 100000 -o thu-nghiem.csv";
const GENERATE_CAT: &str =
    "nhanluc generate --rows 5000 --seed 7 -o thu-nghiem.xlsx --catalogue vi-tri.csv";
const HELP_REPORT: &str = "nhanluc help report";
