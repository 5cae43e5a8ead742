//! `nhanluc forms --previous`: the movement between two years' rosters on
//! hand-built rosters; every expected figure is worked out by hand in the
//! comments, not by the tool.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::*;

mod basics;
mod people;
mod redact;
mod units;

pub const HEADER: &str = "Mã cán bộ,Họ và tên,Số CCCD,Ngày sinh,Giới tính,Đơn vị,Đơn vị cấp trên,Loại,\
Trình độ chuyên môn,Lý luận chính trị,Quản lý nhà nước\n";

/// The shipped sample one year on against the 2013 sample, as the README
/// runs it (the binary runs in the repository).
pub const SAMPLES: [&str; 5] = [
    "examples/rosters-2014",
    "--as-of",
    "2014-12-31",
    "--previous",
    "rosters",
];

pub fn roster(dir: &Path, name: &str, rows: &[impl AsRef<str>]) -> String {
    let rows: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    write(dir, name, format!("{HEADER}{}\n", rows.join("\n")))
        .to_str()
        .unwrap()
        .to_string()
}

/// Two years' rosters (rows under [`HEADER`]) in a folder of their own, and
/// the `forms` run that compares them: this year's roster, `--as-of` its
/// 31 December, `--previous` last year's, then any files and arguments
/// added.
pub struct Years {
    dir: tempfile::TempDir,
    args: Vec<String>,
}

impl Years {
    /// 2024's rows against 2025's.
    pub fn new(previous: &[impl AsRef<str>], current: &[impl AsRef<str>]) -> Self {
        Self::of(2025, previous, current)
    }

    /// The year before `year` against `year` ("2024.csv", "2025.csv").
    pub fn of(year: u16, previous: &[impl AsRef<str>], current: &[impl AsRef<str>]) -> Self {
        let dir = tempdir();
        let before = roster(dir.path(), &format!("{}.csv", year - 1), previous);
        let now = roster(dir.path(), &format!("{year}.csv"), current);
        let as_of = format!("{year}-12-31");
        let args = [now.as_str(), "--as-of", &as_of, "--previous", &before];
        Self {
            args: args.map(String::from).to_vec(),
            dir,
        }
    }

    /// Writes `text` to `name` in the folder and passes it after `flag`
    /// ("--unit-map", "--units").
    pub fn file(mut self, flag: &str, name: &str, text: &str) -> Self {
        let path = write(self.dir.path(), name, text);
        self.args.push(flag.to_string());
        self.args.push(path.to_str().unwrap().to_string());
        self
    }

    /// Passes `arg` as well.
    pub fn arg(mut self, arg: &str) -> Self {
        self.args.push(arg.to_string());
        self
    }

    /// The folder: the rosters, the files, and what the run writes.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `forms` (see [`movement`]).
    pub fn run(&self) -> Run {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        movement(self.dir(), &args)
    }

    /// Runs `forms` to a workbook `o.xlsx` in the folder, for a run it
    /// refuses: its output, and the workbook's path (for "nothing
    /// written").
    pub fn refused(&self) -> (Output, PathBuf) {
        let out = self.dir().join("o.xlsx");
        let o = bin()
            .args(["--quiet", "forms"])
            .args(&self.args)
            .args(["-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        (o, out)
    }
}

/// The movement sheet, the list sheet, the JSON's movement, the terminal.
pub type Run = (
    Vec<Vec<String>>,
    Vec<Vec<String>>,
    serde_json::Value,
    String,
);

/// Runs `forms` with `args`; returns the movement sheet, the list sheet,
/// the JSON's movement and the terminal text.
pub fn movement(dir: &Path, args: &[&str]) -> Run {
    let mut args = args.to_vec();
    args.extend(["--form", "BM01/BNV"]);
    let (out, j, text) = crate::forms::forms(dir, &args);
    (
        read_sheet(&out, "Biến động"),
        people_listed(read_sheet(&out, "Biến động - danh sách")),
        j["movement"].clone(),
        text,
    )
}

/// The list sheet down to its last person: the signatures below it, after
/// a blank row, are cut off.
pub fn people_listed(mut list: Vec<Vec<String>>) -> Vec<Vec<String>> {
    if let Some(end) = list
        .iter()
        .skip(4)
        .position(|r| r.iter().all(String::is_empty))
    {
        list.truncate(4 + end);
    }
    list
}

/// Columns 1–16 of the row named `unit` (column B), or of its category
/// row `– category` below it.
pub fn figures(rows: &[Vec<String>], unit: &str, category: Option<&str>) -> Vec<String> {
    let at = rows
        .iter()
        .position(|r| r.get(1).is_some_and(|c| c == unit))
        .unwrap_or_else(|| panic!("no row {unit}"));
    let row = match category {
        None => &rows[at],
        Some(c) => rows[at + 1..]
            .iter()
            .take_while(|r| r[1].starts_with("– "))
            .find(|r| r[1] == format!("– {c}"))
            .unwrap_or_else(|| panic!("no row {c} under {unit}")),
    };
    row[2..18].to_vec()
}

pub fn strs(v: [u64; 16]) -> Vec<String> {
    v.iter().map(u64::to_string).collect()
}

/// Every sheet's name in a workbook.
pub fn sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader;
    calamine::open_workbook_auto(path)
        .expect("workbook opens")
        .sheet_names()
        .clone()
}
