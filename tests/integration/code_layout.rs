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
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let from = module_of(f);
        if !tops.contains(&from) {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("readable source");
        for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            // `crate::x…` and the names inside `use crate::{x, y::z}`.
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                    group
                        .split([',', '}'])
                        .map(|n| n.trim().split("::").next().unwrap_or(""))
                        .collect()
                } else {
                    vec![
                        rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                            .next()
                            .unwrap_or(""),
                    ]
                };
                for n in names {
                    if tops.contains(n) && n != from {
                        graph.entry(from.clone()).or_default().insert(n.to_string());
                    }
                }
            }
        }
    }
    graph
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
