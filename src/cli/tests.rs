//! Tests of the command line: every help text in both languages, no stale
//! label, examples that parse, and the language resolution.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use clap::FromArgMatches as _;

use super::*;

/// The commands a user can ask help for: the top level (named "") and each
/// subcommand but clap's own `help`.
fn commands(cmd: &clap::Command) -> Vec<(&str, &clap::Command)> {
    let mut out = vec![("", cmd)];
    out.extend(
        cmd.get_subcommands()
            .filter(|c| c.get_name() != "help")
            .map(|c| (c.get_name(), c)),
    );
    out
}

fn help_of(arg: &Arg) -> Option<String> {
    arg.get_help().map(ToString::to_string)
}

#[test]
fn every_command_and_argument_has_help_in_both_languages() {
    let (vi, en) = (command(Lang::Vi), command(Lang::En));
    let (vi_labels, en_labels) = (labels::help(Lang::Vi), labels::help(Lang::En));
    let mut missing = Vec::new();
    for ((name, v), (_, e)) in commands(&vi).into_iter().zip(commands(&en)) {
        let about = |c: &clap::Command| c.get_about().map(ToString::to_string);
        match (about(v), about(e)) {
            (Some(a), Some(b)) if a != b => {}
            other => missing.push(format!("command {name:?}: {other:?}")),
        }
        for arg in v.get_arguments() {
            let id = arg.get_id().as_str();
            if vi_labels.arg(name, id).is_none() || en_labels.arg(name, id).is_none() {
                missing.push(format!("{name:?} --{id}: no label"));
            }
            let other = e.get_arguments().find(|a| a.get_id() == id);
            match (help_of(arg), other.and_then(help_of)) {
                (Some(a), Some(b)) if a != b && !a.is_empty() => {}
                other => missing.push(format!("{name:?} --{id}: {other:?}")),
            }
        }
    }
    // Clap's own `help` command: its text is ours too.
    let help_about = |c: &clap::Command| {
        c.find_subcommand("help")
            .and_then(|h| h.get_about())
            .map(ToString::to_string)
    };
    assert_eq!(help_about(&vi).as_deref(), Some(vi_labels.help_command));
    assert_eq!(help_about(&en).as_deref(), Some(en_labels.help_command));
    assert!(
        missing.is_empty(),
        "missing or untranslated help:\n{missing:#?}"
    );
}

#[test]
fn every_label_names_an_argument_of_the_cli() {
    let cmd = command(Lang::Vi);
    let ids = |c: &clap::Command| -> Vec<String> {
        c.get_arguments().map(|a| a.get_id().to_string()).collect()
    };
    let mut stale = Vec::new();
    for h in [labels::help(Lang::Vi), labels::help(Lang::En)] {
        let top = ids(&cmd);
        stale.extend(
            h.top
                .args
                .iter()
                .filter(|(id, _)| !top.contains(&id.to_string()))
                .map(|(id, _)| format!("top level: {id}")),
        );
        for sub in h.subcommands {
            let Some(c) = cmd.find_subcommand(sub.name) else {
                stale.push(format!("no command {}", sub.name));
                continue;
            };
            let own = ids(c);
            stale.extend(
                sub.args
                    .iter()
                    .filter(|(id, _)| !own.contains(&id.to_string()))
                    .map(|(id, _)| format!("{}: {id}", sub.name)),
            );
        }
        for name in ["check", "report", "plan"] {
            let own = ids(cmd.find_subcommand(name).expect("a roster command"));
            stale.extend(
                h.input_args
                    .iter()
                    .filter(|(id, _)| !own.contains(&id.to_string()))
                    .map(|(id, _)| format!("input of {name}: {id}")),
            );
        }
    }
    assert!(stale.is_empty(), "labels for no argument:\n{stale:#?}");
}

#[test]
fn examples_parse_and_name_real_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (vi, en) = (labels::help(Lang::Vi), labels::help(Lang::En));
    let all = |h: &'static HelpLabels| {
        std::iter::once(&h.top)
            .chain(h.subcommands)
            .map(|c| {
                (
                    c.name,
                    c.examples.iter().map(|e| e.line).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(all(vi), all(en), "the same examples in both languages");
    for (name, lines) in all(vi) {
        assert!(!lines.is_empty(), "{name:?} has no example");
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(words[0], "nhanluc", "{line}");
            assert!(name.is_empty() || words[1] == name, "{line}");
            match command(Lang::Vi).try_get_matches_from(&words) {
                Ok(m) => {
                    Cli::from_arg_matches(&m).unwrap_or_else(|e| panic!("{line}: {e}"));
                }
                Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {}
                Err(e) => panic!("{line}: {e}"),
            }
            for w in words
                .iter()
                .filter(|w| w.starts_with("rosters/") || w.starts_with("policies/"))
            {
                assert!(root.join(w).exists(), "{line}: no {w} in the repository");
            }
        }
    }
}

#[test]
fn vietnamese_help_has_no_english_of_clap() {
    let mut cmd = command(Lang::Vi);
    let mut texts = vec![cmd.render_help().to_string()];
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub = cmd.find_subcommand_mut(&name).expect("listed");
        texts.push(sub.render_help().to_string());
    }
    for text in &texts {
        assert!(text.contains("Cách dùng: nhanluc"), "{text}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "COMMAND",
            "default:",
            "Print",
        ] {
            assert!(!text.contains(english), "{english:?} in\n{text}");
        }
    }
    assert!(texts[0].contains("Ví dụ:\n") && texts[0].contains("Lệnh:\n"));
    assert!(texts[0].contains("Tùy chọn:\n") && texts[0].contains("[TÙY CHỌN] <LỆNH>"));
    // `-h` and `--help` show the same help, examples first.
    let shown = |flag: &str| {
        let e = command(Lang::Vi)
            .try_get_matches_from(["nhanluc", "report", flag])
            .expect_err("help is shown");
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        e.render().to_string()
    };
    let short = shown("-h");
    assert_eq!(short, shown("--help"));
    let examples = short.find("Ví dụ:").expect("examples");
    assert!(examples < short.find("Cách dùng:").expect("usage"));
    assert!(short.contains("Đối số:\n  [PATHS]..."), "{short}");
}

#[test]
fn english_help_reads_as_before() {
    let mut cmd = command(Lang::En);
    let text = cmd.render_help().to_string();
    for part in [
        "Examples:\n",
        "Usage: nhanluc [OPTIONS] <COMMAND>",
        "Commands:\n",
        "Options:\n",
        "Read and clean rosters, print a summary and the data issues",
        "-h, --help",
        "Print help",
    ] {
        assert!(text.contains(part), "{part:?} not in\n{text}");
    }
}

#[test]
fn the_language_comes_from_the_command_line_then_the_environment() {
    let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
    let en = Some(OsStr::new("en_US.UTF-8"));
    let vi = Some(OsStr::new("vi_VN.UTF-8"));
    let cases: &[(&[&str], Option<&OsStr>, Lang)] = &[
        (&["check"], None, Lang::Vi),
        (&["check"], en, Lang::En),
        (&["check"], vi, Lang::Vi),
        (&["check"], Some(OsStr::new("C")), Lang::Vi),
        (&["--lang", "en", "check"], None, Lang::En),
        (&["check", "--lang=en"], vi, Lang::En),
        (&["check", "--lang", "vi"], en, Lang::Vi),
        (&["--lang=vi", "check"], en, Lang::Vi),
        // A path after `--` is no option; an unknown value leaves it to clap.
        (&["check", "--", "--lang", "en"], None, Lang::Vi),
        (&["check", "--lang", "fr"], en, Lang::En),
    ];
    for (a, locale, want) in cases {
        assert_eq!(lang_of(args(a), *locale), *want, "{a:?} {locale:?}");
    }
}

#[test]
fn the_lang_option_defaults_to_the_resolved_language() {
    let parse = |lang, a: &[&str]| {
        let m = command(lang)
            .try_get_matches_from(a)
            .expect("a valid command line");
        Cli::from_arg_matches(&m).expect("typed").lang
    };
    assert_eq!(parse(Lang::Vi, &["nhanluc", "check"]), Lang::Vi);
    assert_eq!(parse(Lang::En, &["nhanluc", "check"]), Lang::En);
    assert_eq!(
        parse(Lang::En, &["nhanluc", "--lang", "vi", "check"]),
        Lang::Vi
    );
    assert_eq!(
        parse(Lang::Vi, &["nhanluc", "check", "--lang=en"]),
        Lang::En
    );
}

#[test]
fn the_command_is_valid_for_clap() {
    command(Lang::Vi).debug_assert();
    command(Lang::En).debug_assert();
}
