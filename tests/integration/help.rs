//! `--help` speaks Vietnamese by default and English with `--lang en` or an
//! English locale; `--lang` on the command line beats the environment.

use std::process::Output;

use crate::util::*;

/// Runs the binary with the locale variables set as given (the others removed).
fn run_with(locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = bin();
    for (var, value) in locale {
        c.env(var, value);
    }
    c.args(args).output().expect("binary runs")
}

/// The help printed by `args`; panics unless it exits 0 with nothing on stderr.
#[track_caller]
fn help(locale: &[(&str, &str)], args: &[&str]) -> String {
    let o = run_with(locale, args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[track_caller]
fn assert_vietnamese(text: &str) {
    for part in ["Cách dùng: nhanluc", "Ví dụ:", "Tùy chọn:", "In trợ giúp"] {
        assert!(text.contains(part), "{part:?} not in\n{text}");
    }
    for english in ["Usage", "Options:", "Examples:", "Print help"] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
}

#[track_caller]
fn assert_english(text: &str) {
    for part in ["Usage: nhanluc", "Examples:", "Options:", "Print help"] {
        assert!(text.contains(part), "{part:?} not in\n{text}");
    }
    for vietnamese in ["Cách dùng", "Ví dụ", "Tùy chọn"] {
        assert!(!text.contains(vietnamese), "{vietnamese:?} in\n{text}");
    }
}

#[test]
fn help_is_vietnamese_by_default() {
    let top = help(&[], &["--help"]);
    assert_vietnamese(&top);
    assert!(top.contains("Lệnh:\n"), "{top}");
    assert!(top.contains("Đọc và làm sạch danh sách, in tóm tắt và các lỗi dữ liệu"));
    assert!(
        top.contains("    nhanluc check rosters/ --as-of 2013-12-31\n"),
        "{top}"
    );
    assert_eq!(top, help(&[], &["-h"]));
    assert_eq!(top, help(&[("LANG", "C")], &["help"]));

    let report = help(&[("LANG", "vi_VN.UTF-8")], &["report", "--help"]);
    assert_vietnamese(&report);
    assert!(report.contains("Ngày chốt số liệu (YYYY-MM-DD hoặc DD/MM/YYYY)"));
    assert!(
        report
            .lines()
            .any(|l| l.trim_start().starts_with("--policy <FILE>")
                && l.contains("  Tệp chính sách (TOML)")),
        "{report}"
    );
    // The examples come before the usage line, with `-h` as with `--help`.
    let examples = report.find("Ví dụ:").expect("examples");
    assert!(examples < report.find("Cách dùng:").expect("usage"));
    assert_eq!(report, help(&[], &["report", "-h"]));
    assert_eq!(report, help(&[], &["help", "report"]));
}

#[test]
fn help_is_english_with_lang_en() {
    let report = help(
        &[("LANG", "vi_VN.UTF-8")],
        &["--lang", "en", "report", "--help"],
    );
    assert_english(&report);
    assert!(report.contains("Compute compliance with a policy's targets"));
    assert_eq!(report, help(&[], &["report", "--lang=en", "-h"]));
    assert_eq!(report, help(&[], &["--lang", "en", "help", "report"]));
}

#[test]
fn help_follows_an_english_locale() {
    let check = help(&[("LANG", "en_US.UTF-8")], &["check", "--help"]);
    assert_english(&check);
    assert!(check.contains("Read and clean rosters"), "{check}");
    assert_english(&help(&[("LC_ALL", "en_GB.UTF-8")], &["--help"]));
    // LC_ALL comes first, then LC_MESSAGES, then LANG.
    let order = [("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")];
    assert_vietnamese(&help(&order, &["--help"]));
    let order = [("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")];
    assert_english(&help(&order, &["--help"]));
    // An empty variable is not set.
    let order = [("LC_ALL", ""), ("LANG", "en_US.UTF-8")];
    assert_english(&help(&order, &["--help"]));
}

#[test]
fn lang_on_the_command_line_beats_the_locale() {
    let check = help(
        &[("LANG", "en_US.UTF-8")],
        &["--lang", "vi", "check", "--help"],
    );
    assert_vietnamese(&check);
    assert!(check.contains("Đọc và làm sạch danh sách"), "{check}");
}

/// With an English locale and no `--lang`, the messages are English too.
#[test]
fn an_english_locale_gives_english_messages() {
    let args = ["--quiet", "check", "rosters/03-khong-chuyen-trach.txt"];
    let args = [&args[..], &["--as-of", "2013-12-31"]].concat();
    let en = run_with(&[("LANG", "en_US.UTF-8")], &args);
    assert_eq!(en.status.code(), Some(0), "{}", stderr(&en));
    assert!(stdout(&en).contains("Rows read:"), "{}", stdout(&en));
    let vi = run_with(&[], &args);
    assert!(stdout(&vi).contains("Số dòng đọc:"), "{}", stdout(&vi));
    let back = run_with(
        &[("LANG", "en_US.UTF-8")],
        &[&args[..], &["--lang", "vi"]].concat(),
    );
    assert_eq!(stdout(&back), stdout(&vi));
}

/// Clap's errors stay English, whatever the language.
#[test]
fn errors_of_the_command_line_stay_english() {
    let o = run_with(&[], &["check", "--no-such-option"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unexpected argument '--no-such-option'"),
        "{err}"
    );
    assert!(
        err.contains("Usage: nhanluc check [OPTIONS] [PATHS]..."),
        "{err}"
    );
}
