//! Hostile and damaged inputs: nothing lost, nothing overwritten, nothing
//! misread. Each test asserts the exit code, what the message names, that no
//! input changed and no partial output remains, and the row account.

use std::fs;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook};

use crate::util::*;

const HEAD: &str = "Họ và tên,Ngày sinh,Đơn vị,Loại,Trình độ chuyên môn\n";
const POLICY: &str = "[[target]]\nid = \"T1\"\nlabel = \"t\"\npopulation = { category = [\"can_bo\"] }\nmeasure = { education = \"trung_cap\" }\ncomparator = \"gt\"\nthreshold = 50\nscope = \"all\"\ndeadline = 2015-12-31\n";

fn roster_csv(dir: &Path) -> PathBuf {
    write(
        dir,
        "r.csv",
        format!(
            "{HEAD}Nguyễn Văn An,02/05/1970,UBND xã X,Cán bộ,Đại học\n\
             Trần Thị Bình,03/06/1980,UBND xã X,Cán bộ,Trung cấp\n\
             Lê Văn Cường,04/07/1975,UBND xã Y,Cán bộ,Sơ cấp\n"
        ),
    )
}

fn policy(dir: &Path) -> PathBuf {
    write(dir, "policy.toml", format!("{POLICY_HEAD}{POLICY}"))
}

/// Every file of a folder with its bytes, to show that nothing changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    bin_in(dir).arg("--quiet").args(args).output().unwrap()
}

/// Runs `args` (as of 31/12/2013) in `dir`: it must stop with exit 2, its
/// message naming every one of `parts`.
#[track_caller]
fn refused_in(dir: &Path, args: &[&str], parts: &[&str]) {
    let o = run_in(dir, &[args, &["--as-of", "2013-12-31"]].concat());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    for part in parts {
        assert!(err.contains(part), "{args:?}: {part:?} not in {err}");
    }
}

#[test]
fn an_output_never_overwrites_an_input() {
    let dir = tempdir();
    let p = dir.path();
    roster_csv(p);
    policy(p);
    write(p, "syn.toml", "");
    write(p, "cols.csv", "");
    // A roster not given this run: `--json other.csv` meant as "JSON, and
    // this roster" must not replace it.
    write(p, "other.csv", "Họ và tên,Đơn vị\nNguyễn Văn A,UBND xã A\n");
    xlsx(
        &p.join("w.xlsx"),
        "DS",
        &[
            vec![
                S("Họ và tên"),
                S("Đơn vị"),
                S("Loại"),
                S("Trình độ chuyên môn"),
            ],
            vec![
                S("Phạm Văn Dũng"),
                S("UBND xã X"),
                S("Cán bộ"),
                S("Đại học"),
            ],
        ],
        &[],
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink("r.csv", p.join("link.csv")).unwrap();
    let before = snapshot(p);
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        // report w.xlsx -o w.xlsx
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "w.xlsx",
                "-o",
                "w.xlsx",
            ],
            "--output w.xlsx",
            "roster w.xlsx",
        ),
        // the same file by another spelling
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "w.xlsx",
                "-o",
                "./w.xlsx",
            ],
            "--output ./w.xlsx",
            "roster w.xlsx",
        ),
        // the column-names file, read with the rosters by every command
        (
            vec![
                "check",
                "r.csv",
                "--columns",
                "cols.csv",
                "--issues",
                "cols.csv",
            ],
            "--issues cols.csv",
            "column-names file cols.csv",
        ),
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "--columns",
                "cols.csv",
                "--json",
                "cols.csv",
                "-o",
                "out.xlsx",
            ],
            "--json cols.csv",
            "column-names file cols.csv",
        ),
        (
            vec![
                "forms",
                "r.csv",
                "--columns",
                "cols.csv",
                "--json",
                "cols.csv",
                "-o",
                "f.xlsx",
            ],
            "--json cols.csv",
            "column-names file cols.csv",
        ),
        // through a folder that does not exist (yet)
        (
            vec!["check", "r.csv", "--issues", "nodir/../r.csv"],
            "--issues nodir/../r.csv",
            "roster r.csv",
        ),
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "--json",
                "r.csv",
                "-o",
                "out.xlsx",
            ],
            "--json r.csv",
            "roster r.csv",
        ),
        (
            vec!["check", "r.csv", "--issues", "r.csv"],
            "--issues r.csv",
            "roster r.csv",
        ),
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "--field-synonyms",
                "syn.toml",
                "--json",
                "syn.toml",
            ],
            "--json syn.toml",
            "field-synonyms file syn.toml",
        ),
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "--json",
                "policy.toml",
            ],
            "--json policy.toml",
            "policy policy.toml",
        ),
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "-o",
                "o.xlsx",
                "--json",
                "o.xlsx",
            ],
            "--json o.xlsx",
            "output of --output",
        ),
        // JSON only into a .json file
        (
            vec![
                "report",
                "--policy",
                "policy.toml",
                "r.csv",
                "--json",
                "other.csv",
                "-o",
                "out.xlsx",
            ],
            "--json other.csv",
            "expected a .json file",
        ),
        (
            vec!["forms", "r.csv", "--json", "other.csv", "-o", "f.xlsx"],
            "--json other.csv",
            "expected a .json file",
        ),
        // a folder as input: every roster in it is protected
        (
            vec!["report", "--policy", "policy.toml", ".", "-o", "w.xlsx"],
            "--output w.xlsx",
            "roster ./w.xlsx",
        ),
    ];
    for (args, flag, what) in &cases {
        refused_in(p, args, &[flag, what]);
        assert_eq!(snapshot(p), before, "{args:?} changed a file");
    }
    // A link to the roster is the roster.
    #[cfg(unix)]
    {
        let o = run_in(
            p,
            &[
                "check",
                "--as-of",
                "2013-12-31",
                "r.csv",
                "--issues",
                "link.csv",
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(snapshot(p), before);
    }
}

#[test]
fn outputs_are_complete_files_and_leave_nothing_behind() {
    let dir = tempdir();
    let p = dir.path();
    roster_csv(p);
    policy(p);
    let out = p.join("out");
    fs::create_dir(&out).unwrap();
    // A temporary file left by a run that was killed (its process is gone).
    let stale = out.join(".r.xlsx.4000000000.abc123.nhanluc.tmp");
    fs::write(&stale, "half a workbook").unwrap();
    // A link planted where a temporary file might go: never followed.
    let victim = p.join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&victim, out.join(".r.xlsx.4000000001.planted.nhanluc.tmp"))
        .unwrap();
    let report = |extra: &[&str]| {
        let base = [
            "report",
            "--as-of",
            "2013-12-31",
            "--policy",
            "policy.toml",
            "r.csv",
        ];
        run_in(p, &[&base[..], extra].concat())
    };
    let o = report(&["-o", "out/r.xlsx", "--json", "out/r.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut sorted: Vec<String> = names
        .into_iter()
        .filter(|n| !n.contains("planted"))
        .collect();
    sorted.sort();
    assert_eq!(
        sorted,
        ["r.json", "r.xlsx"],
        "the stale file is removed, no new one left"
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(out.join("r.xlsx"))
            .unwrap()
            .permissions()
            .mode();
        assert_ne!(
            mode & 0o044,
            0,
            "a report is readable like any file, not private: {mode:o}"
        );
        // Written again, a report keeps the permissions it was given.
        fs::set_permissions(out.join("r.xlsx"), fs::Permissions::from_mode(0o600)).unwrap();
        let o = report(&["-o", "out/r.xlsx"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let mode = fs::metadata(out.join("r.xlsx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A write that fails (the target is a folder) leaves no temporary file.
    fs::create_dir(out.join("d.xlsx")).unwrap();
    let o = report(&["-o", "out/d.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("d.xlsx"), "{}", stderr(&o));
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        if cfg!(unix) { 4 } else { 3 },
        "no temporary file left by the failed write"
    );
}

#[test]
fn a_cell_at_the_last_row_and_column_is_read_without_exhausting_memory() {
    let dir = tempdir();
    let path = dir.path().join("far.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Họ và tên", "Đơn vị", "Loại", "Trình độ chuyên môn"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.write_string(1, 0, "Nguyễn Văn An").unwrap();
    ws.write_string(1, 1, "UBND xã X").unwrap();
    ws.write_string(1, 2, "Cán bộ").unwrap();
    ws.write_string(1, 3, "Đại học").unwrap();
    // XFD1048576: the last cell Excel has.
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(&path).unwrap();
    let j = check_json(&[&path], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 1, "{j:#}");
    // Every row down to the far cell is a row Excel shows: counted, blank
    // ones as blank; the far cell's row has no name and is not staff.
    assert_eq!(j["rows_read"], 1_048_575, "{j:#}");
    assert_eq!(j["non_staff_by_kind"]["blank"], 1_048_573, "{j:#}");
}

#[cfg(unix)]
#[test]
fn link_loops_in_a_folder_are_followed_once() {
    let dir = tempdir();
    let p = dir.path();
    roster_csv(p);
    std::os::unix::fs::symlink(".", p.join("self")).unwrap();
    std::os::unix::fs::symlink(".", p.join("again")).unwrap();
    std::os::unix::fs::symlink("r.csv", p.join("same.csv")).unwrap();
    // Hidden and lock files are noted too, never silently passed by.
    fs::copy(p.join("r.csv"), p.join(".hidden.csv")).unwrap();
    fs::write(p.join("~$r.xlsx"), "lock").unwrap();
    // A link to nothing with a roster's name is said, not silently passed by.
    std::os::unix::fs::symlink("gone.xlsx", p.join("broken.xlsx")).unwrap();
    let j = check_json(&[p], &[]);
    assert_eq!(j["issues_by_problem"]["hidden_file"], 2, "{j:#}");
    assert_eq!(j["issues_by_problem"]["not_a_file"], 1, "{j:#}");
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "each person once: {j:#}");
    assert_eq!(j["issues_by_problem"]["duplicate"].as_u64().unwrap_or(0), 0);
    assert_eq!(j["issues_by_problem"]["reached_twice"], 3, "{j:#}");
}

#[test]
fn a_cell_longer_than_excel_holds_is_cut_in_the_report_and_noted() {
    let dir = tempdir();
    let p = dir.path();
    let long = "A".repeat(40_000);
    let roster = write(
        p,
        "long.csv",
        format!(
            "{HEAD}Nguyễn Văn An,02/05/1970,UBND xã X,Cán bộ,{long}\nTrần Thị Bình,03/06/1980,UBND xã X,Cán bộ,Đại học\n"
        ),
    );
    let (out, _) = report_json(
        "report",
        p,
        "2013-12-31",
        &format!("{POLICY_HEAD}{POLICY}"),
        &[&roster],
        &[],
    );
    let issues = read_sheet(&out, "Lỗi dữ liệu");
    let row = issues
        .iter()
        .find(|r| r.iter().any(|c| c.contains("32.767")))
        .unwrap_or_else(|| panic!("no too-long note: {issues:?}"));
    assert_eq!(row[2], "2", "Excel row of the long cell: {row:?}");
    assert_eq!(row[3], "Trình độ chuyên môn", "{row:?}");
    assert!(row[5].contains("40000"), "{row:?}");
    // Every cell of the report fits Excel's limit.
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for c in range.used_cells() {
            assert!(
                c.2.to_string().chars().count() <= 32_767,
                "{name} {:?}",
                (c.0, c.1)
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempdir();
    let roster = roster_csv(dir.path());
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let o = bin()
        .args(["--quiet", "check", "--json", "--as-of", "2013-12-31"])
        .arg(&roster)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
}

#[test]
fn an_extreme_date_cell_is_one_data_issue_not_a_damaged_file() {
    let dir = tempdir();
    let path = dir.path().join("dates.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in [
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Loại",
        "Trình độ chuyên môn",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    for (r, (name, serial)) in [
        ("An", -1e14),
        ("Bình", -1e308),
        ("Cường", 27458.0),
        ("Dũng", 1e300),
    ]
    .iter()
    .enumerate()
    {
        let r = u32::try_from(r + 1).unwrap();
        ws.write_string(r, 0, *name).unwrap();
        ws.write_number_with_format(r, 1, *serial, &date).unwrap();
        ws.write_string(r, 2, "UBND xã X").unwrap();
        ws.write_string(r, 3, "Cán bộ").unwrap();
        ws.write_string(r, 4, "Đại học").unwrap();
    }
    wb.save(&path).unwrap();
    let issues = dir.path().join("i.csv");
    let o = run(&[
        "check",
        "--json",
        "--as-of",
        "2013-12-31",
        path.to_str().unwrap(),
        "--issues",
        issues.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_accounted(&j);
    assert_eq!(j["analysed"], 4, "{j:#}");
    let text = fs::read_to_string(&issues).unwrap();
    let bad: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Ngày sinh") && l.contains("Không đọc được"))
        .collect();
    assert_eq!(bad.len(), 3, "rows 2, 3 and 5 are unreadable dates: {text}");
    for row in [",2,", ",3,", ",5,"] {
        assert!(bad.iter().any(|l| l.contains(row)), "{row}: {text}");
    }
}

#[test]
fn the_issues_csv_never_carries_a_formula() {
    let dir = tempdir();
    let roster = write(
        dir.path(),
        "f.csv",
        format!("{HEAD}An,=TODAY(),UBND xã X,Cán bộ,=2+3\nBình,+1,@SUM(A1),Cán bộ,-3\n"),
    );
    let issues = dir.path().join("i.csv");
    let o = run(&[
        "check",
        "--as-of",
        "2013-12-31",
        roster.to_str().unwrap(),
        "--issues",
        issues.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = fs::read_to_string(&issues).unwrap();
    let mut rd =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut values = Vec::new();
    for rec in rd.records() {
        let rec = rec.unwrap();
        for field in rec.iter() {
            assert!(
                !field.starts_with(['=', '+', '-', '@']),
                "a field a spreadsheet would compute: {field:?}"
            );
        }
        values.push(rec[4].to_string());
    }
    assert!(values.contains(&"'=TODAY()".to_string()), "{values:?}");
    assert!(values.contains(&"'=2+3".to_string()), "{values:?}");
}

#[test]
fn no_roster_header_names_every_file_and_what_it_holds() {
    let dir = tempdir();
    let p = dir.path();
    write(p, "empty.csv", "");
    write(p, "bom.csv", "\u{feff}");
    write(p, "junk.txt", "lorem ipsum\ndolor sit amet\n");
    let o = run(&["check", "--as-of", "2013-12-31", p.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("no roster header"), "{err}");
    assert!(err.contains("empty.csv: empty file (0 bytes)"), "{err}");
    assert!(
        err.contains("bom.csv") && err.contains("no filled cell"),
        "{err}"
    );
    assert!(
        err.contains("junk.txt") && err.contains("lorem ipsum"),
        "{err}"
    );
}

#[test]
fn a_report_saved_among_the_rosters_is_passed_over() {
    let dir = tempdir();
    let p = dir.path();
    let rosters = p.join("rosters");
    fs::create_dir(&rosters).unwrap();
    roster_csv(&rosters);
    policy(p);
    let args = |out: &str| -> Vec<String> {
        [
            "report",
            "--as-of",
            "2013-12-31",
            "--policy",
            "policy.toml",
            "rosters",
            "-o",
            out,
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    };
    let a = args("rosters/report.xlsx");
    let o = run_in(p, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Again, with the report in the folder, and the issues list beside it.
    let o = run_in(p, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = ["check", "--json", "--as-of", "2013-12-31", "rosters"];
    let issues = ["--issues", "rosters/issues.csv"];
    for _ in 0..2 {
        let o = run_in(p, &[&check[..], &issues[..]].concat());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let o = run_in(p, &[&check[..], &issues[..]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_accounted(&j);
    assert_eq!(j["analysed"], 3, "{j:#}");
    assert_eq!(j["issues_by_problem"]["own_output"], 2, "{j:#}");
}

/// Copies a zip package, letting `edit` rewrite each part (name, bytes).
fn rezip(src: &Path, dst: &Path, mut edit: impl FnMut(&str, Vec<u8>) -> Vec<u8>) {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(fs::File::open(src).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut e = src.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(&edit(&name, data)).unwrap();
    }
    out.finish().unwrap();
}

fn plain_xlsx(dir: &Path) -> PathBuf {
    xlsx(
        &dir.join("plain.xlsx"),
        "DS",
        &[vec![S("Họ và tên"), S("Đơn vị")], vec![S("An"), S("X")]],
        &[],
    )
}

/// Runs `check` on a damaged file: exit 2, and the message names `parts`.
#[track_caller]
fn refused(path: &Path, parts: &[&str]) {
    let o = run(&["check", "--as-of", "2013-12-31", path.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for p in parts {
        assert!(err.contains(p), "{p:?} not in: {err}");
    }
}

/// A workbook whose sheet inflates a thousandfold: refused by name, fast.
#[test]
fn a_sheet_that_inflates_past_the_cap_is_refused_with_the_file_named() {
    let dir = tempdir();
    let bomb = dir.path().join("bomb.xlsx");
    rezip(&plain_xlsx(dir.path()), &bomb, |name, data| {
        if !name.starts_with("xl/worksheets/sheet") {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        let at = text.rfind("</worksheet>").unwrap();
        let mut out = text.as_bytes()[..at].to_vec();
        out.resize(out.len() + (64 << 20), b' ');
        out.extend_from_slice(&text.as_bytes()[at..]);
        out
    });
    assert!(fs::metadata(&bomb).unwrap().len() < 1 << 20);
    refused(&bomb, &["bomb.xlsx", "sheet1.xml", "inflates"]);
}

/// A 2 KB workbook whose string table claims 10^11 entries: the parser would
/// reserve 2.4 TB for them and abort.
#[test]
fn a_string_table_claiming_more_than_it_holds_is_refused() {
    let dir = tempdir();
    let bad = dir.path().join("sst.xlsx");
    rezip(&plain_xlsx(dir.path()), &bad, |name, data| {
        if !name.ends_with("sharedStrings.xml") {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = at + text[at..].find('"').unwrap();
        format!("{}100000000000{}", &text[..at], &text[end..]).into_bytes()
    });
    refused(&bad, &["sst.xlsx", "sharedStrings.xml", "100000000000"]);
}

/// Rewrites the fixture .xls: `edit` gets the Workbook stream and the
/// offset of each record (type, data offset) of the first sheet.
fn damaged_xls(dir: &Path, edit: impl FnOnce(&mut [u8], &[(u16, usize)])) -> PathBuf {
    use std::io::{Read, Seek, SeekFrom, Write};
    let bytes = fs::read("tests/fixtures/rosters/nong-thuong.xls").unwrap();
    let mut cfb = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).unwrap();
    let mut stream = Vec::new();
    cfb.open_stream("/Workbook")
        .unwrap()
        .read_to_end(&mut stream)
        .unwrap();
    let (mut pos, mut bofs, mut records) = (0, 0, Vec::new());
    while pos + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        if kind == 0x0809 {
            bofs += 1;
        }
        if bofs == 2 {
            records.push((kind, pos + 4));
        }
        pos += 4 + len;
    }
    edit(&mut stream, &records);
    let mut s = cfb.open_stream("/Workbook").unwrap();
    s.seek(SeekFrom::Start(0)).unwrap();
    s.write_all(&stream).unwrap();
    drop(s);
    let bad = dir.join("damaged.xls");
    fs::write(&bad, cfb.into_inner().into_inner()).unwrap();
    bad
}

/// An .xls whose cell record names column 65,536, or whose sheet declares
/// 4 billion rows: refused by name, where the parser would otherwise ask for
/// gigabytes and abort.
#[test]
fn an_xls_sheet_outside_the_grid_is_refused_with_the_file_named() {
    let dir = tempdir();
    // The first text cell (LABELSST): its column.
    let bad = damaged_xls(dir.path(), |s, records| {
        let at = records.iter().find(|r| r.0 == 0x00FD).unwrap().1 + 2;
        s[at..at + 2].copy_from_slice(&0xFFFFu16.to_le_bytes());
    });
    refused(&bad, &["damaged.xls", "sheet \"", "column 65536"]);
    // DIMENSIONS: the last row.
    let bad = damaged_xls(dir.path(), |s, records| {
        let at = records.iter().find(|r| r.0 == 0x0200).unwrap().1 + 4;
        s[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    });
    refused(&bad, &["damaged.xls", "sheet \"", "4294967295"]);
}

/// One line of 200,000 empty fields under 50,000 short rows: memory follows
/// the cells, not rows × the widest row (which would be 80 GB of padding).
#[test]
fn one_very_wide_line_in_a_csv_costs_only_its_cells() {
    let dir = tempdir();
    let mut text = String::from("Họ và tên,Đơn vị,Loại,Trình độ chuyên môn\n");
    for i in 0..50_000 {
        text.push_str(&format!("Người {i},UBND xã X,Cán bộ,Đại học\n"));
    }
    text.push('x');
    text.push_str(&",".repeat(200_000));
    text.push_str("y\n");
    let path = write(dir.path(), "wide.csv", text);
    let j = check_json(&[&path], &[]);
    assert_accounted(&j);
    assert_eq!(j["rows_read"], 50_001, "{j:#}");
    assert_eq!(j["analysed"], 50_000, "{j:#}");
}

/// A sheet whose XML gives row 2 twice, and row 3 before row 2: every person
/// is read, the repeated number is noted, none overwrites another.
#[test]
fn a_row_number_given_twice_keeps_both_rows() {
    let dir = tempdir();
    let bad = dir.path().join("rows.xlsx");
    let cell = |r: u32, c: char, t: &str| {
        format!("<c r=\"{c}{r}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")
    };
    let person = |r: u32, name: &str| {
        format!(
            "<row r=\"{r}\">{}{}{}{}</row>",
            cell(r, 'A', name),
            cell(r, 'B', "UBND xã X"),
            cell(r, 'C', "Cán bộ"),
            cell(r, 'D', "Đại học")
        )
    };
    let data = format!(
        "<sheetData><row r=\"1\">{}{}{}{}</row>{}{}{}{}</sheetData>",
        cell(1, 'A', "Họ và tên"),
        cell(1, 'B', "Đơn vị"),
        cell(1, 'C', "Loại"),
        cell(1, 'D', "Trình độ chuyên môn"),
        person(2, "Nguyễn Văn An"),
        person(2, "Trần Thị Bình"),
        person(4, "Lê Văn Cường"),
        person(3, "Phạm Văn Dũng"),
    );
    rezip(&plain_xlsx(dir.path()), &bad, |name, bytes| {
        if !name.starts_with("xl/worksheets/sheet") {
            return bytes;
        }
        let text = String::from_utf8(bytes).unwrap();
        let (a, b) = (
            text.find("<sheetData").unwrap(),
            text.find("</sheetData>").unwrap() + "</sheetData>".len(),
        );
        format!("{}{data}{}", &text[..a], &text[b..]).into_bytes()
    });
    let j = check_json(&[&bad], &[]);
    assert_accounted(&j);
    assert_eq!(j["analysed"], 4, "{j:#}");
    assert_eq!(j["staff"], 4, "{j:#}");
    assert_eq!(j["issues_by_problem"]["repeated_row_number"], 1, "{j:#}");
}

/// Devices and pipes are never replaced by a file; output names that cannot
/// be written are refused before anything is read.
#[cfg(unix)]
#[test]
fn devices_and_wrong_extensions_are_refused_up_front() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempdir();
    let p = dir.path();
    roster_csv(p);
    policy(p);
    for name in ["pipe.xlsx", "pipe.csv"] {
        let made = std::process::Command::new("mkfifo")
            .arg(p.join(name))
            .status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    for args in [
        vec!["check", "r.csv", "--issues", "pipe.csv"],
        vec![
            "report",
            "--policy",
            "policy.toml",
            "r.csv",
            "-o",
            "pipe.xlsx",
        ],
    ] {
        refused_in(p, &args, &["pipe.", "not a regular file"]);
    }
    for name in ["pipe.xlsx", "pipe.csv"] {
        assert!(
            fs::symlink_metadata(p.join(name))
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    for (args, part) in [
        (
            vec!["check", "r.csv", "--issues", "i.txt"],
            "expected a .xlsx or .csv",
        ),
        (
            vec!["report", "--policy", "policy.toml", "r.csv", "-o", "r.pdf"],
            "expected a .xlsx",
        ),
    ] {
        refused_in(p, &args, &[part]);
    }
    assert_eq!(fs::read_dir(p).unwrap().count(), 4, "nothing written");
}
