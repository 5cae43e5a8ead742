//! `nhanluc check`: read and clean rosters, print what was found.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::cli::CheckArgs;
use crate::config::InputConfig;
use crate::error::{Error, Result};
use crate::labels::{self, Lang};
use crate::output;
use crate::scales::{Category, Education, GovLevel};
use crate::summary::{CheckSummary, GroupCount};

/// Runs the command; returns the exit code.
pub fn run(args: &CheckArgs, lang: Lang, quiet: bool) -> Result<u8> {
    let cfg = InputConfig::from_args(&args.input)?;
    if let Some(path) = &args.issues {
        output::issues_format(path)?;
    }
    let listing = crate::ingest::list_files(&cfg.paths)?;
    let inputs = cfg.input_files(&listing);
    let outputs: Vec<(&'static str, &std::path::Path)> = args
        .issues
        .iter()
        .map(|p| ("--issues", p.as_path()))
        .collect();
    output::refuse_overwrite(&inputs, &outputs)?;
    let loaded = crate::load(&cfg, &listing, quiet)?;
    let summary = CheckSummary::new(&loaded);
    crate::progress::timings::stage("summary");
    if let Some(path) = &args.issues {
        crate::progress::now("write");
        output::write_issues(path, lang, &loaded.issues)?;
        crate::progress::timings::stage("issues");
    }
    if args.json {
        let json =
            serde_json::to_string_pretty(&summary).map_err(|e| Error::Usage(e.to_string()))?;
        output::print(&format!("{json}\n"))?;
    } else {
        let mut text = render(&summary, &loaded, lang);
        if let Some(path) = &args.issues {
            let _ = writeln!(
                text,
                "{} {}",
                labels::get(lang).issues_written,
                path.display()
            );
        }
        output::print(&text)?;
    }
    Ok(if args.strict && summary.set_aside > 0 {
        1
    } else {
        0
    })
}

/// The text summary.
#[must_use]
pub fn render(s: &CheckSummary, loaded: &crate::roster::Loaded, lang: Lang) -> String {
    let l = labels::get(lang);
    let mut out = String::new();
    let sheets_read = s
        .files
        .iter()
        .flat_map(|f| &f.sheets)
        .filter(|x| x.status == "read")
        .count();
    let skipped = s
        .files
        .iter()
        .flat_map(|f| &f.sheets)
        .filter(|x| x.status == "skipped")
        .count();
    let _ = writeln!(
        out,
        "{}: {}; {}: {}{}",
        l.files_read,
        s.files.len(),
        l.sheets_read,
        sheets_read,
        if skipped > 0 {
            format!(" ({skipped} {})", l.sheets_skipped)
        } else {
            String::new()
        }
    );
    let n = &s.non_staff_by_kind;
    let _ = writeln!(
        out,
        "{}: {} = {} {} + {} {} + {} {} ({} {}, {} {}, {} {}, {} {})",
        l.rows_read,
        s.rows_read,
        s.analysed,
        l.analysed,
        s.set_aside,
        l.set_aside,
        s.non_staff,
        l.non_staff,
        n.blank,
        l.blank,
        n.footer,
        l.footer,
        n.totals,
        l.totals,
        n.headings,
        l.headings
    );
    let _ = writeln!(
        out,
        "{}: {} ({}: {}; {}: {})",
        l.people, s.staff, l.postings, s.analysed, l.concurrent, s.concurrent
    );
    let notes = loaded.issues.iter().filter(|i| i.action.is_note()).count();
    let _ = writeln!(
        out,
        "{}: {} ({} {})",
        l.data_issues, s.issues, notes, l.notes
    );
    out.push('\n');
    out.push_str(&group_table(&s.by_group, lang));
    if !loaded.issues.is_empty() {
        let _ = writeln!(out, "\n{}:", l.frequent_problems);
        let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for i in &loaded.issues {
            let e = counts
                .entry(i.problem.key())
                .or_insert_with(|| (0, labels::problem_kind(lang, &i.problem)));
            e.0 += 1;
        }
        let mut v: Vec<_> = counts.into_values().collect();
        v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        for (count, label) in v.into_iter().take(8) {
            let _ = writeln!(out, "  {count:>7}  {label}");
        }
    }
    out
}

fn group_table(groups: &[GroupCount], lang: Lang) -> String {
    let l = labels::get(lang);
    let levels: Vec<Option<Education>> = Education::DESCENDING
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect();
    let mut rows: BTreeMap<(usize, bool, usize), Vec<usize>> = BTreeMap::new();
    for g in groups {
        let cat = Category::ALL
            .iter()
            .position(|c| c.key() == g.category)
            .unwrap_or(0);
        let lvl = g
            .gov_level
            .and_then(GovLevel::from_key)
            .map_or(GovLevel::ALL.len(), |x| x as usize);
        let edu = levels
            .iter()
            .position(|e| crate::summary::education_key(*e) == g.education)
            .unwrap_or(levels.len() - 1);
        let row = rows
            .entry((cat, g.commune, lvl))
            .or_insert_with(|| vec![0; levels.len()]);
        row[edu] += g.count;
    }
    let mut out = format!("{}:\n", l.by_group);
    let label_w = 44;
    let _ = write!(out, "  {:<label_w$}", l.group);
    for e in &levels {
        let _ = write!(out, " {:>10}", truncate(labels::education(lang, *e), 10));
    }
    let _ = writeln!(out, " {:>8}", l.total);
    let mut totals = vec![0; levels.len()];
    for ((cat, commune, lvl), counts) in &rows {
        let mut name = labels::category(lang, Category::ALL[*cat]).to_string();
        if *commune && Category::ALL[*cat] != Category::KhongChuyenTrach {
            name.push_str(l.commune_suffix);
        }
        let level = labels::gov_level(lang, GovLevel::ALL.get(*lvl).copied());
        let _ = write!(
            out,
            "  {:<label_w$}",
            truncate(&format!("{name} / {level}"), label_w)
        );
        for (i, c) in counts.iter().enumerate() {
            totals[i] += c;
            let _ = write!(out, " {c:>10}");
        }
        let _ = writeln!(out, " {:>8}", counts.iter().sum::<usize>());
    }
    let _ = write!(out, "  {:<label_w$}", l.total);
    for c in &totals {
        let _ = write!(out, " {c:>10}");
    }
    let _ = writeln!(out, " {:>8}", totals.iter().sum::<usize>());
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}
