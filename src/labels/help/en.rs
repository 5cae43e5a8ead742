//! The command line's help in English.

use super::{
    CHECK_2013, CHECK_ISSUES, CHECK_STRICT, CommandHelp, Example, FORMS_2013, FORMS_MOVEMENT,
    FORMS_ONE, GENERATE_BIG, GENERATE_CAT, HELP_REPORT, HelpLabels, PLAN_2013, PLAN_ONE,
    REPORT_2013, REPORT_JSON, REPORT_L80,
};

/// English.
pub static EN: HelpLabels = HelpLabels {
    usage: "Usage",
    commands: "Commands",
    command_value: "COMMAND",
    options_tag: "[OPTIONS]",
    arguments: "Arguments",
    options: "Options",
    examples: "Examples",
    default: "default",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    top: CommandHelp {
        name: "",
        about: "Batch tool for Vietnamese personnel departments: rosters, job positions, \
                compliance with reform targets, training plans, Excel gap reports",
        examples: &[
            Example {
                what: "Check the rosters in the folder rosters/, figures as of 31/12/2013:",
                line: CHECK_2013,
            },
            Example {
                what: "Write the report for the default policy into the folder reports/:",
                line: REPORT_2013,
            },
            Example {
                what: "The report with projection and a training plan:",
                line: PLAN_2013,
            },
            Example {
                what: "Help on one command:",
                line: HELP_REPORT,
            },
        ],
        args: &[
            ("quiet", "No progress bars"),
            (
                "timings",
                "Print where the time went, stage by stage, to stderr at the end",
            ),
            (
                "lang",
                "Language of help, messages and reports: vi (Vietnamese) or en (English); \
                 when not given, from LC_ALL, LC_MESSAGES or LANG (en… is English), \
                 else Vietnamese",
            ),
        ],
    },
    input_args: &[
        (
            "paths",
            "Roster files or folders (a folder means every roster file under it)",
        ),
        ("sheet", "Read only sheets with this name"),
        (
            "columns",
            "Extra header names for your own layout (TOML: `[aliases] full_name = [\"…\"]`)",
        ),
        (
            "commune_titles",
            "Commune titles and their categories, for rows that give no category \
             (TOML; default: the built-in policies/commune-titles.toml)",
        ),
        (
            "as_of",
            "The date the figures are as of (YYYY-MM-DD or DD/MM/YYYY); default today",
        ),
        (
            "redact",
            "Mask national ids and write names as initials in every output, for copies \
             that leave the personnel office",
        ),
    ],
    subcommands: &[
        CommandHelp {
            name: "check",
            about: "Read and clean rosters, print a summary and the data issues",
            examples: &[
                Example {
                    what: "Check every roster in the folder rosters/, figures as of 31/12/2013:",
                    line: CHECK_2013,
                },
                Example {
                    what: "Write the data issues to loi.xlsx, to send back to the units:",
                    line: CHECK_ISSUES,
                },
                Example {
                    what: "Check one file; exit 1 when any row was set aside:",
                    line: CHECK_STRICT,
                },
            ],
            args: &[
                (
                    "issues",
                    "Write the data issues to this file (.xlsx or .csv)",
                ),
                ("json", "Print the summary as JSON"),
                ("strict", "Exit 1 when any row was set aside"),
            ],
        },
        CommandHelp {
            name: "report",
            about: "Compute compliance with a policy's targets and write the Excel gap report",
            examples: &[
                Example {
                    what: "The report for the default policy, figures as of 31/12/2013:",
                    line: REPORT_2013,
                },
                Example {
                    what: "Under Law 80/2025 with a job-position catalogue, to a chosen file:",
                    line: REPORT_L80,
                },
                Example {
                    what: "Also write the results as JSON for other tools:",
                    line: REPORT_JSON,
                },
            ],
            args: EN_REPORT_ARGS,
        },
        CommandHelp {
            name: "plan",
            about: "The report, plus projection to the deadlines, retirements and a training plan \
                    (same as `report --plan`)",
            examples: &[
                Example {
                    what: "A training plan for the default policy, figures as of 31/12/2013:",
                    line: PLAN_2013,
                },
                Example {
                    what: "For one roster file only, to a chosen file:",
                    line: PLAN_ONE,
                },
            ],
            args: EN_REPORT_ARGS,
        },
        CommandHelp {
            name: "forms",
            about: "Fill the annual statistical forms (BM01–BM04/BNV, 8B-BTCTW) from the rosters",
            examples: &[
                Example {
                    what: "Every shipped form, figures as of 31/12/2013:",
                    line: FORMS_2013,
                },
                Example {
                    what: "Only BM01/BNV, with the approved staffing from a units file:",
                    line: FORMS_ONE,
                },
                Example {
                    what: "With the movement since last year (the 2014 sample against 2013):",
                    line: FORMS_MOVEMENT,
                },
            ],
            args: &[
                (
                    "forms",
                    "A shipped form by code (BM01/BNV, BM02/BNV, BM03/BNV, BM04/BNV, 8B-BTCTW); \
                     repeat for several; default: every shipped form",
                ),
                (
                    "form_files",
                    "A form file of your own (TOML, as in policies/forms/); repeat for several",
                ),
                (
                    "units",
                    "Units file (.csv or workbook: code, name, parent code, unit type, level, \
                     approved staffing)",
                ),
                ("reporting_unit", "The reporting unit printed on every form"),
                (
                    "previous",
                    "Last year's rosters (a file or folder; repeat for several): adds the movement table (opening + in − \
                     out = closing) and the list of people who changed",
                ),
                (
                    "previous_as_of",
                    "The date last year's rosters are as of; default one year before --as-of",
                ),
                (
                    "unit_map",
                    "Last year's units onto this year's (a table: old unit code or name, new unit code \
                     or name), for merged units",
                ),
                (
                    "output",
                    "Output workbook; default `reports/bieu-mau_<as-of>.xlsx`",
                ),
                ("json", "Also write the figures as JSON to this .json file"),
            ],
        },
        CommandHelp {
            name: "generate",
            about: "Write a synthetic roster (for trying the tool at size, tests, benchmarks)",
            examples: &[
                Example {
                    what: "A synthetic roster of 100,000 rows:",
                    line: GENERATE_BIG,
                },
                Example {
                    what: "With a job-position catalogue; the same seed gives the same result:",
                    line: GENERATE_CAT,
                },
            ],
            args: &[
                ("rows", "Number of staff rows"),
                ("output", "Output file (.csv or .xlsx)"),
                ("seed", "Random seed (same seed, same roster)"),
                (
                    "catalogue",
                    "Also write a matching job-position catalogue (CSV) to this file",
                ),
                ("catalogue_rows", "Rows in that catalogue"),
            ],
        },
    ],
};

/// The arguments of `report` and `plan` beyond the roster input, in English.
const EN_REPORT_ARGS: &[(&str, &str)] = &[
    ("policy", "Policy file (TOML)"),
    (
        "units",
        "Units file (.csv or workbook: code, name, parent code, unit type, level)",
    ),
    (
        "positions",
        "Job-position catalogue (file or folder: TOML, CSV or workbook); default: the policy's own",
    ),
    (
        "grade_standards",
        "The legal standard of each grade, applied to positions that give only their \
         grades (TOML); default: the built-in policies/grade-standards.toml",
    ),
    (
        "job_descriptions",
        "Job descriptions: requirements by position name (and agency), replacing the \
         grade's standard and the catalogue's own (CSV or workbook)",
    ),
    (
        "agency",
        "The agency of a position catalogue that does not say (no agency column, and \
         neither its title nor its sheet or file name names one)",
    ),
    (
        "field_synonyms",
        "Field-of-study synonyms for matching positions (TOML); default: the policy's own, \
         else the built-in list (policies/field-synonyms.toml)",
    ),
    (
        "document",
        "The report's document form (TOML with a `[document]` table: number, place, date, \
         signer, recipients); default: the policy's own `[document]`",
    ),
    (
        "output",
        "Output workbook; default `reports/<policy id>_<as-of>.xlsx`",
    ),
    ("json", "Also write the results as JSON to this .json file"),
    (
        "plan",
        "Project to each deadline and plan training (adds the sheets \"Projection\", \
         \"Training plan\", \"Retirements\")",
    ),
];
