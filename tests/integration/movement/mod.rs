//! `nhanluc forms --previous`: the movement between two years' rosters on
//! hand-built rosters; every expected figure is worked out by hand in the
//! comments, not by the tool.

use std::path::Path;

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

pub fn roster(dir: &Path, name: &str, rows: &[&str]) -> String {
    write(dir, name, format!("{HEADER}{}\n", rows.join("\n")))
        .to_str()
        .unwrap()
        .to_string()
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
        read_sheet(&out, "Biến động - danh sách"),
        j["movement"].clone(),
        text,
    )
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
