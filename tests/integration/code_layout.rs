//! The source tree keeps its layering: top-level modules (pipeline stages,
//! vocabulary, output) import one another without cycles, and the
//! vocabulary imports no stage. Read from the source files, not from the
//! code under test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("source folder") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Top-level module → the top-level modules its code names (`crate::x`),
/// comments left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |p: &Path| {
        let rel = p.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component");
        first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string()
    };
    let tops: BTreeSet<String> = files
        .iter()
        .map(|p| module_of(p))
        .filter(|m| m != "lib" && m != "main")
        .collect();
    // Names the crate root re-exports from a module (`pub use vocab::{text, …}`)
    // stand for that module.
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let mut alias: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("pub use ")
            && let Some((module, names)) = rest.split_once("::")
            && tops.contains(module)
        {
            for n in names.trim_matches(|c| "{};".contains(c)).split(',') {
                alias.insert(n.trim().to_string(), module.to_string());
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let from = module_of(f);
        if !tops.contains(&from) {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("readable source");
        // Comment lines out, the rest as one text: a `use crate::{…}` group may
        // span lines.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                top_level_names(group)
            } else {
                vec![first_name(rest)]
            };
            for n in names {
                let n = alias.get(n).map_or(n, String::as_str);
                if tops.contains(n) && n != from {
                    graph.entry(from.clone()).or_default().insert(n.to_string());
                }
            }
        }
    }
    graph
}

/// The first path segment of `rest` (`x` of `x::y…`).
fn first_name(rest: &str) -> &str {
    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("")
}

/// The first path segment of each item of a `{…}` group, to its closing brace.
fn top_level_names(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut names) = (0usize, 0usize, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(first_name(group[start..].trim_start()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(first_name(group[start..i].trim_start()));
                start = i + 1;
            }
            _ => {}
        }
    }
    names
}

/// A cycle through `start`, if any: the path of modules back to it.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in graph.get(&at).into_iter().flatten() {
            if next == start {
                let mut p = path.clone();
                p.push(next.clone());
                return Some(p);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn modules_import_each_other_without_cycles() {
    let graph = imports();
    // The scan sees the layering it should: stages import the vocabulary.
    assert!(graph["normalize"].contains("vocab") && graph["report"].contains("labels"));
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_vocabulary_imports_no_stage() {
    let graph = imports();
    let vocab = graph.get("vocab").cloned().unwrap_or_default();
    assert!(vocab.is_empty(), "vocab imports {vocab:?}");
}

/// Each function of a formatted source, as (name, lines): from its `fn`
/// line to the closing brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let head = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(rest) = head else { continue };
        let indent = &line[..line.len() - trimmed.len()];
        let close = format!("{indent}}}");
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            out.push((first_name(rest).to_string(), end + 1));
        }
    }
    out
}

/// The movement (issue 14) keeps the sizes the style guide sets: no file of
/// its modules, its command or its tests over 400 lines, no function over 80.
#[test]
fn the_movement_modules_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/commands/forms.rs")];
    rust_files(&root.join("src/movement"), &mut files);
    rust_files(&root.join("tests/integration/movement"), &mut files);
    let mut too_big = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable source");
        let n = text.lines().count();
        if n > 400 {
            too_big.push(format!("{}: {n} lines", f.display()));
        }
        for (name, n) in functions(&text) {
            if n > 80 {
                too_big.push(format!("{}: fn {name}, {n} lines", f.display()));
            }
        }
    }
    assert!(files.len() > 10, "{files:?}");
    assert!(
        too_big.is_empty(),
        "over the limits:\n{}",
        too_big.join("\n")
    );
}

/// The whole source keeps the sizes issue 11 sets: no module over 400
/// lines, no function over 80, except the two data tables (the problem
/// texts and the header aliases), which are long lists, not logic.
#[test]
fn the_source_stays_small() {
    const DATA_TABLES: &[(&str, &str)] = &[
        ("src/labels/issues/problem.rs", "problem"),
        ("src/schema/aliases.rs", "aliases"),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut too_big = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable source");
        let rel = f
            .strip_prefix(root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let n = text.lines().count();
        if n > 400 {
            too_big.push(format!("{rel}: {n} lines"));
        }
        for (name, n) in functions(&text) {
            if n > 80 && !DATA_TABLES.contains(&(rel.as_str(), name.as_str())) {
                too_big.push(format!("{rel}: fn {name}, {n} lines"));
            }
        }
    }
    assert!(files.len() > 100, "{}", files.len());
    assert!(
        too_big.is_empty(),
        "over the limits:\n{}",
        too_big.join("\n")
    );
}
