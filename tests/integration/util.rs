//! Helpers: run the binary, build workbook fixtures, read workbooks back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

/// The binary, run in the repository, in a pinned environment.
pub fn bin() -> Command {
    bin_in(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// The binary run in `dir`, with no locale in its environment: the language
/// of its help, messages and reports is then Vietnamese, whatever the
/// machine's, unless a test asks otherwise.
pub fn bin_in(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nhanluc"));
    c.current_dir(dir);
    for var in LOCALE_VARS {
        c.env_remove(var);
    }
    c
}

/// The variables the binary takes its language from.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// `nhanluc CMD` on the shipped sample rosters as of 31/12/2013, its
/// workbook written into `dir`; the command must succeed.
#[track_caller]
pub fn sample(cmd: &str, dir: &Path) -> PathBuf {
    let out = dir.join(format!("{cmd}.xlsx"));
    let o = run(&[cmd, "--as-of", "2013-12-31", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// Runs with `--quiet` and the given arguments.
pub fn run(args: &[&str]) -> Output {
    let o = bin()
        .arg("--quiet")
        .args(args)
        .output()
        .expect("binary runs");
    // rust_xlsxwriter drops a cell written above a constant-memory sheet's
    // current row (the long lists), saying so on stderr only.
    assert!(
        !stderr(&o).contains("'constant memory' mode"),
        "{}",
        stderr(&o)
    );
    o
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `check --json` on the paths; panics unless the exit code is 0.
#[track_caller]
pub fn check_json(paths: &[&Path], extra: &[&str]) -> serde_json::Value {
    let mut args: Vec<String> = vec![
        "check".into(),
        "--json".into(),
        "--as-of".into(),
        "2013-12-31".into(),
    ];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(extra.iter().map(|s| (*s).to_string()));
    let o = bin().arg("--quiet").args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON summary")
}

/// The row-accounting invariant, checked on every summary a test reads.
#[track_caller]
pub fn assert_accounted(j: &serde_json::Value) {
    let n = |k: &str| j[k].as_u64().unwrap();
    assert_eq!(
        n("rows_read"),
        n("analysed") + n("set_aside") + n("non_staff"),
        "{j:#}"
    );
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A cell of a workbook fixture.
#[derive(Clone, Debug)]
pub enum C {
    S(&'static str),
    T(String),
    N(f64),
    D(NaiveDate),
    E,
}

pub use C::*;

/// Writes a one-sheet workbook: rows of cells, plus merged ranges
/// (first row, first col, last row, last col) whose text is the first cell's.
pub fn xlsx(path: &Path, sheet: &str, rows: &[Vec<C>], merges: &[(u32, u16, u32, u16)]) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap();
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap();
            if merges.iter().any(|m| {
                (m.0, m.1) != (r, c) && (m.0..=m.2).contains(&r) && (m.1..=m.3).contains(&c)
            }) {
                continue;
            }
            match cell {
                S(s) => drop(ws.write_string(r, c, *s).unwrap()),
                T(s) => drop(ws.write_string(r, c, s).unwrap()),
                N(n) => drop(ws.write_number(r, c, *n).unwrap()),
                D(d) => drop(ws.write_datetime_with_format(r, c, *d, &date).unwrap()),
                E => {}
            }
        }
    }
    for m in merges {
        let text = match &rows[m.0 as usize][m.1 as usize] {
            S(s) => (*s).to_string(),
            T(s) => s.clone(),
            _ => String::new(),
        };
        ws.merge_range(m.0, m.1, m.2, m.3, &text, &Format::new())
            .unwrap();
    }
    wb.save(path).unwrap();
    path.to_path_buf()
}

/// Reads a sheet back as text rows.
#[track_caller]
pub fn read_sheet(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).expect("workbook opens");
    let range = wb.worksheet_range(sheet).expect("sheet exists");
    range
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect()
}

/// The XML of the sheet named `sheet` (rust_xlsxwriter numbers the sheets'
/// parts in workbook order).
#[track_caller]
pub fn sheet_xml(path: &Path, sheet: &str) -> String {
    use calamine::Reader as _;
    use std::io::Read as _;
    let names = calamine::open_workbook_auto(path).unwrap().sheet_names();
    let n = names.iter().position(|s| s == sheet).expect("sheet exists") + 1;
    let mut xml = String::new();
    zip::ZipArchive::new(std::fs::File::open(path).unwrap())
        .unwrap()
        .by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The height given to row `row` (as Excel numbers it) in a sheet's XML.
#[track_caller]
pub fn row_ht(xml: &str, row: usize) -> Option<&str> {
    let at = xml.find(&format!("<row r=\"{row}\""))?;
    let tag = &xml[at..at + xml[at..].find('>')?];
    let v = tag.find(" ht=\"")? + 5;
    tag[v..].find('"').map(|e| &tag[v..v + e])
}

/// A sheet's formulas, by absolute cell position (as [`read_sheet`]'s rows,
/// which start at A1); "" where a cell holds no formula.
#[track_caller]
pub fn read_formulas(path: &Path, sheet: &str) -> impl Fn(usize, usize) -> String {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).expect("workbook opens");
    let formulas = wb.worksheet_formula(sheet).expect("sheet exists");
    move |row, col| {
        formulas
            .get_value((u32::try_from(row).unwrap(), u32::try_from(col).unwrap()))
            .cloned()
            .unwrap_or_default()
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Compares rows with `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it.
#[track_caller]
pub fn assert_golden(name: &str, rows: &[Vec<String>]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let actual: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with UPDATE_GOLDEN=1 and review it",
            path.display()
        )
    });
    assert_eq!(expected, actual, "golden {} differs", path.display());
}

/// The head of a minimal policy file; append `[[target]]` tables.
pub const POLICY_HEAD: &str = "id = \"p\"\nname = \"p\"\n[legal_basis]\ndocument = \"d\"\ndate = 2011-01-01\nissuer = \"i\"\n";

/// Writes `text` to `dir/name`.
/// A CSV file of a header line (ending in a line break) and rows.
pub fn write_rows(dir: &Path, name: &str, header: &str, rows: &[&str]) -> PathBuf {
    write(dir, name, format!("{header}{}\n", rows.join("\n")))
}

pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `cmd` (`report` or `plan`) as of `as_of` with a policy given as
/// text, on `inputs`; panics unless it exits 0. Returns the workbook and JSON.
#[track_caller]
pub fn report_json(
    cmd: &str,
    dir: &Path,
    as_of: &str,
    policy: &str,
    inputs: &[&Path],
    extra: &[&str],
) -> (PathBuf, serde_json::Value) {
    report_json_in(bin(), cmd, dir, (as_of, policy), inputs, extra)
}

/// [`report_json`] of `report` on two threads, as on the machine the tool is measured
/// on: a list made on every core is then made in a few long parts, each
/// holding many rows (on a hundred cores, parts of a few rows each could
/// hide a text shared between rows that must differ).
pub fn report_json_on_two_threads(
    dir: &Path,
    (as_of, policy): (&str, &str),
    inputs: &[&Path],
    extra: &[&str],
) -> (PathBuf, serde_json::Value) {
    let mut two = bin();
    two.env("RAYON_NUM_THREADS", "2");
    report_json_in(two, "report", dir, (as_of, policy), inputs, extra)
}

fn report_json_in(
    mut bin: Command,
    cmd: &str,
    dir: &Path,
    (as_of, policy): (&str, &str),
    inputs: &[&Path],
    extra: &[&str],
) -> (PathBuf, serde_json::Value) {
    let policy = write(dir, "policy.toml", policy);
    let (out, json) = (dir.join("report.xlsx"), dir.join("report.json"));
    let mut args: Vec<String> = [cmd, "--as-of", as_of, "--policy"]
        .iter()
        .map(ToString::to_string)
        .collect();
    args.push(policy.display().to_string());
    args.extend([
        "-o".to_string(),
        out.display().to_string(),
        "--json".to_string(),
        json.display().to_string(),
    ]);
    args.extend(extra.iter().map(ToString::to_string));
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let o = bin.arg("--quiet").args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (
        out,
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap(),
    )
}
