//! The report as a document an officer prints and signs: the Decree 30
//! form on the first page, the page setup of every sheet, no placeholder
//! text and no absolute path of this machine. Read back from the workbook
//! (cell values with calamine, page setup from the sheet XML).

use std::fs;
use std::io::Read as _;
use std::path::Path;

use crate::util::*;

const POLICY: &str = "id = \"in\"\nname = \"Kế hoạch thử\"\nissuing_body = \"UBND HUYỆN THỬ\"\n\
[legal_basis]\ndocument = \"Kế hoạch 01/KH-UBND\"\ndate = 2011-01-15\nissuer = \"UBND huyện Thử\"\n\
[[target]]\nid = \"T1\"\nlabel = \"Cán bộ cấp xã đạt trung cấp\"\n\
population = { category = [\"can_bo\"], commune = true }\nmeasure = { education = \"trung_cap\" }\n\
comparator = \"gt\"\nthreshold = 65\nscope = \"all\"\ndeadline = 2015-12-31\n\
[[target]]\nid = \"T3\"\nlabel = \"Cơ quan có cơ cấu theo vị trí việc làm\"\n\
population = { category = [\"cong_chuc\"] }\nmeasure = { structured_by_position = 100 }\n\
comparator = \"ge\"\nthreshold = 50\nscope = \"all\"\ndeadline = 2015-12-31\n";

const DOCUMENT: &str = "[document]\nparent_body = \"UBND TỈNH THỬ\"\nnumber = \"07\"\n\
symbol = \"BC-UBND\"\nplace = \"Thử\"\ndate = 2014-01-15\nauthority = \"tm. ủy ban nhân dân\"\n\
signer_title = \"Chủ tịch\"\nsigner = \"Nguyễn Văn An\"\n\
recipients = [\"Sở Nội vụ\", \"UBND tỉnh;\", \"Lưu: VT, NV.\"]\n";

/// Xã A: 4 cán bộ (3 at trung cấp or above: 75%, met), one with a birth
/// date no calendar has (a data issue); Phòng Nội vụ: 2 công chức.
fn roster(dir: &Path) -> std::path::PathBuf {
    write(
        dir,
        "roster.csv",
        "Họ và tên,Ngày sinh,Đơn vị,Loại,Chức vụ,Trình độ chuyên môn\n\
         An,01/01/1970,UBND xã A,Cán bộ cấp xã,Chủ tịch,Đại học\n\
         Bình,01/01/1971,UBND xã A,Cán bộ cấp xã,Phó Chủ tịch,Trung cấp\n\
         Chi,01/01/1972,UBND xã A,Cán bộ cấp xã,Bí thư Đoàn,Sơ cấp\n\
         Giang,32/13/1975,UBND xã A,Cán bộ cấp xã,Chủ tịch Hội,Cao đẳng\n\
         Dũng,01/01/1973,Phòng Nội vụ,Công chức,Chuyên viên,Đại học\n\
         Em,01/01/1974,Phòng Nội vụ,Công chức,Chuyên viên,Đại học\n",
    )
}

fn report(dir: &Path, policy: &str, extra: &[&str]) -> std::path::PathBuf {
    report_json("report", dir, "2013-12-31", policy, &[&roster(dir)], extra).0
}

fn cells(rows: &[Vec<String>]) -> Vec<&str> {
    rows.iter()
        .flatten()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect()
}

/// Every worksheet's XML, in workbook order.
fn sheet_xml(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for n in 1.. {
        let Ok(mut f) = zip.by_name(&format!("xl/worksheets/sheet{n}.xml")) else {
            break;
        };
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.push(s);
    }
    out
}

/// One part of a workbook package, as text.
fn zip_entry(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The value of `attr` in the first `<tag …>` of `xml`.
fn attr<'a>(xml: &'a str, tag: &str, attr: &str) -> Option<&'a str> {
    let at = xml.find(&format!("<{tag} "))?;
    let rest = &xml[at..];
    let end = rest.find('>')?;
    let el = &rest[..end];
    let key = format!(" {attr}=\"");
    let v = el.find(&key)? + key.len();
    el[v..].find('"').map(|e| &el[v..v + e])
}

#[test]
fn first_page_is_the_document_form() {
    let dir = tempdir();
    let out = report(dir.path(), &format!("{POLICY}{DOCUMENT}"), &[]);
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_summary);
    let c = cells(&rows);
    for want in [
        "UBND TỈNH THỬ",
        "UBND HUYỆN THỬ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 07/BC-UBND",
        "Thử, ngày 15 tháng 01 năm 2014",
        "BÁO CÁO",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
        "Nơi nhận:",
        "- Sở Nội vụ;",
        "- UBND tỉnh;",
        "- Lưu: VT, NV.",
        "Căn cứ: Kế hoạch 01/KH-UBND (UBND huyện Thử, 15/01/2011).",
    ] {
        assert!(c.contains(&want), "{want:?} not on the first page: {c:?}");
    }
    // The heading comes first, the signature last.
    assert_eq!(rows[0][0], "UBND TỈNH THỬ");
    let last = rows
        .iter()
        .rposition(|r| r.iter().any(|c| !c.is_empty()))
        .unwrap();
    assert!(
        rows[last].iter().any(|c| c == "Nguyễn Văn An"),
        "{:?}",
        rows[last]
    );
    // One sentence per target: met now, the figures, and agencies said so.
    assert!(
        c.contains(&"Cán bộ cấp xã đạt trung cấp (T1): đạt, 3/4 người (75,0%), yêu cầu trên 65%."),
        "{c:?}"
    );
    assert!(
        c.iter()
            .any(|s| s.contains("(T3): ") && s.contains(" cơ quan ")),
        "{c:?}"
    );
    assert!(c.contains(&"3/4 người"), "{c:?}");
}

#[test]
fn a_document_file_replaces_the_policys_and_blanks_stay_blank() {
    let dir = tempdir();
    // Nothing given: blanks to fill by hand, never a placeholder sentence.
    let out = report(dir.path(), POLICY, &[]);
    let rows = read_sheet(&out, nhanluc::labels::VI.sheet_summary);
    let c = cells(&rows);
    assert!(c.contains(&"Số: ……/BC-……"), "{c:?}");
    assert!(c.contains(&"……, ngày …… tháng …… năm ……"), "{c:?}");
    assert!(c.contains(&"- ……………………;"), "{c:?}");
    assert!(!c.iter().any(|s| s.contains("cần điền")), "{c:?}");
    // --document FILE: its [document] table is the one printed.
    let doc = write(
        dir.path(),
        "document.toml",
        "[document]\nnumber = \"12\"\nplace = \"Hà Nội\"\nsigner = \"Trần Thị Bình\"\n",
    );
    let out = report(
        dir.path(),
        &format!("{POLICY}{DOCUMENT}"),
        &["--document", doc.to_str().unwrap()],
    );
    let c = read_sheet(&out, nhanluc::labels::VI.sheet_summary);
    let c = cells(&c);
    assert!(c.contains(&"Số: 12/BC-……"), "{c:?}");
    assert!(c.contains(&"Trần Thị Bình"), "{c:?}");
    assert!(!c.contains(&"Nguyễn Văn An"), "{c:?}");
    // A key the table does not know is refused, naming the file.
    let bad = write(dir.path(), "bad.toml", "[document]\nsigner_name = \"X\"\n");
    let o = run(&[
        "report",
        "--as-of",
        "2013-12-31",
        "--document",
        bad.to_str().unwrap(),
        roster(dir.path()).to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("bad.toml"), "{}", stderr(&o));
}

#[test]
fn every_sheet_prints_on_a4_with_the_decrees_margins() {
    let dir = tempdir();
    let out = report(dir.path(), &format!("{POLICY}{DOCUMENT}"), &[]);
    let sheets = sheet_xml(&out);
    let names = calamine_sheet_names(&out);
    assert!(sheets.len() >= 4, "{}", sheets.len());
    // The sample's T1 misses in a unit: the furthest-below sheet is there.
    assert!(
        names
            .iter()
            .any(|n| n == nhanluc::labels::VI.furthest_below),
        "{names:?}"
    );
    for (i, xml) in sheets.iter().enumerate() {
        let margin = |side: &str| -> f64 {
            attr(xml, "pageMargins", side)
                .unwrap_or_else(|| panic!("sheet {}: no {side} margin", i + 1))
                .parse()
                .unwrap()
        };
        // Inches: left 30 mm, right 15 mm, top and bottom 20 mm.
        let mm = |inches: f64| inches * 25.4;
        assert!((mm(margin("left")) - 30.0).abs() < 0.1, "sheet {}", i + 1);
        assert!((mm(margin("right")) - 15.0).abs() < 0.1, "sheet {}", i + 1);
        assert!((mm(margin("top")) - 20.0).abs() < 0.1, "sheet {}", i + 1);
        assert!((mm(margin("bottom")) - 20.0).abs() < 0.1, "sheet {}", i + 1);
        assert_eq!(
            attr(xml, "pageSetup", "paperSize"),
            Some("9"),
            "sheet {}",
            i + 1
        );
        assert_eq!(
            attr(xml, "pageSetUpPr", "fitToPage"),
            Some("1"),
            "sheet {}",
            i + 1
        );
        if i == 0 {
            // The document: portrait, and page 1 shows no number, page 2 on do.
            assert_eq!(attr(xml, "pageSetup", "orientation"), Some("portrait"));
            assert_eq!(attr(xml, "headerFooter", "differentFirst"), Some("1"));
            assert!(!xml.contains("<firstHeader>"), "the first page is numbered");
        } else {
            // Tables are landscape; the furthest-below chart page is portrait.
            let want = if names[i] == nhanluc::labels::VI.furthest_below {
                "portrait"
            } else {
                "landscape"
            };
            assert_eq!(
                attr(xml, "pageSetup", "orientation"),
                Some(want),
                "sheet {}",
                i + 1
            );
            assert_eq!(attr(xml, "headerFooter", "differentFirst"), None);
        }
        assert!(
            xml.contains("&amp;P</oddHeader>"),
            "sheet {}: no page number",
            i + 1
        );
    }
    // The data issues: frozen header and a filter over the list.
    let at = names
        .iter()
        .position(|n| n == nhanluc::labels::VI.sheet_issues)
        .unwrap();
    assert!(sheets[at].contains("<pane "), "no frozen header");
    assert!(sheets[at].contains("<autoFilter "), "no filter");
}

#[test]
fn no_absolute_path_of_this_machine_in_the_workbook() {
    let dir = tempdir();
    let out = report(dir.path(), POLICY, &[]);
    let root = dir.path().to_str().unwrap().to_string();
    for sheet in calamine_sheet_names(&out) {
        for row in read_sheet(&out, &sheet) {
            for c in row {
                assert!(!c.contains(&root), "{sheet}: {c}");
            }
        }
    }
    let about = read_sheet(&out, nhanluc::labels::VI.sheet_about);
    assert!(
        about
            .iter()
            .any(|r| r[0] == "roster.csv" && r[1].len() == 64),
        "{about:?}"
    );
    let command = about
        .iter()
        .find(|r| r[0] == nhanluc::labels::VI.about_command)
        .map(|r| r[1].clone())
        .unwrap();
    assert!(
        command.starts_with("nhanluc ") && command.contains(" -o report.xlsx "),
        "{command}"
    );
}

fn calamine_sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader as _;
    calamine::open_workbook_auto(path).unwrap().sheet_names()
}

/// The height a row is given in the sheet XML, if any.
fn row_height(xml: &str, row: u32) -> Option<f64> {
    row_ht(xml, row as usize)?.parse().ok()
}

#[test]
fn rows_are_as_tall_as_their_wrapped_text() {
    let dir = tempdir();
    let out = report(dir.path(), POLICY, &[]);
    let names = calamine_sheet_names(&out);
    let sheets = sheet_xml(&out);
    let at = |name: &str| names.iter().position(|n| n == name).unwrap();
    // "Theo đơn vị": the header's names wrap ("Số thuộc diện" in a
    // default-width column is three lines of 12-point bold).
    let units = &sheets[at(nhanluc::labels::VI.sheet_units)];
    let header = row_height(units, 8).expect("the header row has a height");
    assert!(header >= 3.0 * 12.0 * 1.2, "{header}");
    // The data issues: the impossible birth date's explanation wraps in its
    // column, so its row is taller than one line; a short row is left alone.
    let issues = &sheets[at(nhanluc::labels::VI.sheet_issues)];
    let tall = (2..6)
        .filter_map(|r| row_height(issues, r))
        .fold(0.0, f64::max);
    assert!(tall > 2.0 * 11.0 * 1.2, "{tall}: {issues}");
}

/// Every annex says which it is and which report it goes with; shares print
/// with the decimal comma in a Vietnamese report ("72,7%": the Vietnamese
/// locale tag on the number format), with a point in an English one.
#[test]
fn annexes_are_numbered_and_shares_use_the_languages_decimal_mark() {
    let dir = tempdir();
    let out = report(dir.path(), POLICY, &[]);
    let units = read_sheet(&out, nhanluc::labels::VI.sheet_units);
    assert_eq!(units[2][0], "Phụ lục I");
    assert!(
        units[5][0].starts_with("(Kèm theo Báo cáo số "),
        "{:?}",
        units[5]
    );
    let training = read_sheet(&out, nhanluc::labels::VI.sheet_training);
    assert!(training[2][0].starts_with("Phụ lục I"), "{:?}", training[2]);
    assert_ne!(training[2][0], units[2][0]);
    let styles = |path: &Path| zip_entry(path, "xl/styles.xml");
    assert!(styles(&out).contains("[$-42A]0.0%"));
    let en = report(dir.path(), POLICY, &["--lang", "en"]);
    assert!(!styles(&en).contains("[$-42A]"));
    assert!(styles(&en).contains("formatCode=\"0.0%\""));
}

/// The rows a sheet's manual page breaks start new pages at (0-based, as
/// calamine's rows from A1).
fn page_breaks(xml: &str) -> Vec<usize> {
    let Some(at) = xml.find("<rowBreaks") else {
        return Vec::new();
    };
    let end = xml[at..].find("</rowBreaks>").map_or(xml.len(), |e| at + e);
    xml[at..end]
        .split("<brk ")
        .skip(1)
        .filter_map(|b| attr(&format!("<brk {b}"), "brk", "id")?.parse().ok())
        .collect()
}

/// The movement table on the shipped samples (seven pages): its notes and
/// signatures print with the table's last rows, never alone on a page under
/// the repeated header; no page starts at a category row, away from its
/// unit above.
#[test]
fn a_forms_notes_print_with_the_last_rows_of_its_table() {
    let dir = tempdir();
    let args = [&crate::movement::SAMPLES[..], &["--form", "BM01/BNV"]].concat();
    let (out, _, _) = crate::forms::forms(dir.path(), &args);
    let names = calamine_sheet_names(&out);
    let sheet = names.iter().position(|n| n == "Biến động").unwrap();
    let breaks = page_breaks(&sheet_xml(&out)[sheet]);
    let rows = read_sheet(&out, "Biến động");
    assert!(breaks.len() >= 4, "{breaks:?}");
    let notes = rows.iter().position(|r| r[0] == "Ghi chú:").unwrap();
    // The table's last row is two above the notes (a blank row between).
    let last = *breaks.last().unwrap();
    assert!(last <= notes - 2, "{last} {notes}");
    assert!(
        last + 4 >= notes - 2,
        "at most the last unit and its rows move"
    );
    for b in breaks {
        assert!(!rows[b][1].starts_with("– "), "page at {b}: {:?}", rows[b]);
    }
}

/// The row numbers of a sheet's `<row r="…">` elements, in file order.
fn row_numbers(xml: &str) -> Vec<u32> {
    xml.match_indices("<row r=\"")
        .map(|(at, m)| {
            let rest = &xml[at + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

/// Excel offers to repair a sheet whose rows do not ascend. rust_xlsxwriter
/// wrote the last row of a constant-memory sheet twice when it had a height
/// of its own: the long lists of the report and the plan ("Cần đào tạo",
/// "Chưa đạt chuẩn vị trí", "Lỗi dữ liệu") and the movement workbook's data
/// issues, on the shipped sample.
#[test]
fn every_sheet_lists_its_rows_once_in_ascending_order() {
    let dir = tempdir();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let runs: [(&str, Vec<String>); 5] = [
        ("report", vec!["report".into()]),
        ("plan", vec!["plan".into()]),
        ("forms", vec!["forms".into()]),
        (
            "movement",
            ["forms", "examples/rosters-2014", "--as-of", "2014-12-31"]
                .iter()
                .map(|s| (*s).to_string())
                .chain(["--previous".into(), "rosters".into()])
                .collect(),
        ),
        (
            "issues",
            vec!["check".into(), "--issues".into(), out("issues.xlsx")],
        ),
    ];
    for (name, args) in runs {
        let mut args = args;
        if name != "movement" {
            args.extend(["--as-of".into(), "2013-12-31".into()]);
        }
        if name != "issues" {
            args.extend(["-o".into(), out(&format!("{name}.xlsx"))]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run(&args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let path = dir.path().join(format!("{name}.xlsx"));
        for (i, xml) in sheet_xml(&path).iter().enumerate() {
            let rows = row_numbers(xml);
            assert!(!rows.is_empty(), "{name}, sheet {}: no rows", i + 1);
            for pair in rows.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}, sheet {}: row {} follows row {}",
                    i + 1,
                    pair[1],
                    pair[0]
                );
            }
        }
    }
}

/// Every annex's title (row 4, 14-point capitals) is as tall as its size
/// needs, also on the constant-memory lists: their heading rows were
/// written out before their heights were set, so "NGHỈ HƯU" printed at the
/// 15-point default with "Phụ lục X" touching it.
#[test]
fn every_annex_title_row_is_tall_enough() {
    let dir = tempdir();
    let out = dir.path().join("plan.xlsx");
    let o = run(&["plan", "--as-of", "2013-12-31", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // "Phụ lục N" is on row 3, inline or as a shared string.
    let shared = shared_strings(&out);
    let annex_mark = |row: &str| {
        row.contains("Phụ lục")
            || row.split("<v>").skip(1).any(|v| {
                let i: usize = v[..v.find('<').unwrap()].parse().unwrap_or(usize::MAX);
                shared.get(i).is_some_and(|s| s.starts_with("Phụ lục"))
            })
    };
    // The cell formats, by index.
    let styles = zip_entry(&out, "xl/styles.xml");
    let cell_xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let cell_xfs = &cell_xfs[..cell_xfs.find("</cellXfs>").unwrap()];
    let xfs: Vec<&str> = cell_xfs.split("<xf ").skip(1).collect();
    let mut annexes = Vec::new();
    for (i, xml) in sheet_xml(&out).iter().enumerate() {
        let Some(at) = xml.find("<row r=\"3\"") else {
            continue;
        };
        let row3 = &xml[at..at + xml[at..].find("</row>").unwrap()];
        if !annex_mark(row3) {
            continue;
        }
        annexes.push(i + 1);
        let at = xml.find("<row r=\"4\"").unwrap();
        let ht: f64 = attr(&xml[at..], "row", "ht")
            .unwrap_or_else(|| panic!("sheet {}: title row without a height", i + 1))
            .parse()
            .unwrap();
        assert!(ht >= 22.0, "sheet {}: title row {ht} pt", i + 1);
        // The title wraps (a long one takes the lines its row is sized for).
        let a4 = &xml[xml.find("<c r=\"A4\"").unwrap()..];
        let s: usize = attr(a4, "c", "s").unwrap().parse().unwrap();
        let xf = xfs.get(s).unwrap();
        assert!(xf.contains("wrapText=\"1\""), "sheet {}: {xf}", i + 1);
    }
    // Theo đơn vị, Đơn vị xa chỉ tiêu nhất, Cần đào tạo, Vị trí việc làm,
    // Chưa đạt chuẩn vị trí, Cơ cấu ngạch, Dự báo, Kế hoạch đào tạo, Danh
    // sách đào tạo, Nghỉ hưu: sheets 2 to 11 (1 is the report).
    assert_eq!(annexes, (2..=11).collect::<Vec<_>>());
}

/// The workbook's shared strings, in their order (plain `<t>` texts).
fn shared_strings(path: &Path) -> Vec<String> {
    zip_entry(path, "xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| {
            let t = &si[si.find("<t")?..];
            let t = &t[t.find('>')? + 1..];
            Some(t[..t.find("</t>")?].to_string())
        })
        .map(Option::unwrap_or_default)
        .collect()
}

/// Every chart's text is in the documents' typeface: each text run's
/// properties name Times New Roman (a chart left to Excel's defaults
/// prints its title and axes in Calibri). The sample report has the
/// summary's chart and that of the units furthest below target; the forms
/// the structure sheet's.
#[test]
fn charts_print_in_times_new_roman() {
    let dir = tempdir();
    for cmd in ["report", "forms"] {
        let out = sample(cmd, dir.path());
        let zip = zip::ZipArchive::new(fs::File::open(&out).unwrap()).unwrap();
        let charts: Vec<String> = (1..=zip.len())
            .map(|n| format!("xl/charts/chart{n}.xml"))
            .filter(|n| zip.index_for_name(n).is_some())
            .collect();
        assert!(charts.len() >= 2, "{cmd}: {charts:?}");
        for part in charts {
            let xml = zip_entry(&out, &part);
            let runs = xml.matches("<a:defRPr").count() + xml.matches("<a:rPr").count();
            let times = xml.matches("<a:latin typeface=\"Times New Roman\"").count();
            assert!(runs >= 3, "{cmd} {part}: title, axes: {xml}");
            assert_eq!(runs, times, "{cmd} {part}: {xml}");
            assert!(!xml.contains("Calibri"), "{cmd} {part}");
        }
    }
}

/// "Vị trí việc làm" lays out its own pages: no page starts with an
/// agency's "Cộng" row or the "Tổng cộng" (the last position above it
/// goes onto its page), and every break falls below the header.
#[test]
fn no_page_of_the_positions_sheet_starts_with_a_total() {
    let dir = tempdir();
    let out = sample("report", dir.path());
    let name = nhanluc::labels::VI.sheet_positions;
    let names = calamine_sheet_names(&out);
    let at = names.iter().position(|n| n == name).unwrap();
    let xml = &sheet_xml(&out)[at];
    // A break's id is the first row of its page (0-based, as `rows`).
    let breaks: Vec<usize> = xml
        .split("<brk id=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    let rows = read_sheet(&out, name);
    let totals = rows
        .iter()
        .filter(|r| r[0].starts_with("Cộng ") || r[0] == "Tổng cộng")
        .count();
    assert!(totals >= 10, "the sample has an agency total per agency");
    assert!(
        breaks.len() >= 5,
        "the sample's positions print on pages: {breaks:?}"
    );
    for b in breaks {
        let first = &rows[b][0];
        assert!(b > 8, "a break within the heading: {b}");
        assert!(
            !first.starts_with("Cộng ") && first != "Tổng cộng",
            "page starting at row {} begins with {first}",
            b + 1
        );
    }
}

/// "Theo đơn vị" lays out its own pages: a parent's row (a district above
/// its communes) never ends a page, and a target's whole-roster row never
/// starts one (each prints with its neighbour). Four districts of 17, 26,
/// 26 and 26 communes, one cán bộ each: at 27 rows a page, the second,
/// third and fourth districts' rows (8 + 18, + 27, + 27) would each end a
/// page.
/// Parents are read from the JSON, the breaks from the sheet XML.
#[test]
fn no_page_of_the_units_sheet_splits_a_parent_from_its_units() {
    let dir = tempdir();
    let mut text = String::from(
        "Họ và tên,Ngày sinh,Đơn vị,Đơn vị cấp trên,Loại,Chức vụ,Trình độ chuyên môn\n",
    );
    for (d, communes) in [17, 26, 26, 26].into_iter().enumerate() {
        for c in 0..communes {
            text.push_str(&format!(
                "Người {d} {c},01/01/1980,UBND xã X{d}-{c},UBND huyện H{d},Cán bộ cấp xã,Chủ tịch,Trung cấp\n"
            ));
        }
    }
    let roster = write(dir.path(), "huyen.csv", text);
    let (out, j) = report_json("report", dir.path(), "2013-12-31", POLICY, &[&roster], &[]);
    let parents: Vec<&str> = j["compliance"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["scope"] == "parent")
        .map(|c| c["unit"].as_str().unwrap())
        .collect();
    assert!(parents.contains(&"UBND huyện H3"), "{parents:?}");
    let name = nhanluc::labels::VI.sheet_units;
    let at = calamine_sheet_names(&out)
        .iter()
        .position(|n| n == name)
        .unwrap();
    let breaks = page_breaks(&sheet_xml(&out)[at]);
    assert!(breaks.len() >= 3, "the units print on pages: {breaks:?}");
    let rows = read_sheet(&out, name);
    for b in breaks {
        let (above, first) = (&rows[b - 1][2], &rows[b][2]);
        assert!(!parents.contains(&above.as_str()), "page {b} after {above}");
        assert_ne!(first, nhanluc::labels::VI.whole_roster, "page at {b}");
    }
}

/// Each column's stored width, by its 1-based index ("<col min max width>").
fn col_widths(xml: &str) -> impl Fn(usize) -> f64 + '_ {
    let widths: Vec<(usize, usize, f64)> = xml
        .split("<col ")
        .skip(1)
        .map(|c| {
            let a = |k: &str| attr(&format!("<col {c}"), "col", k).unwrap().to_string();
            let n = |k: &str| a(k).parse::<f64>().unwrap();
            (n("min") as usize, n("max") as usize, n("width"))
        })
        .collect();
    move |col| {
        widths
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&col))
            .map_or(8.43 + 0.71, |w| w.2)
    }
}

/// "Cơ cấu ngạch": a share column shows "100,0%" (12-point Times: 1, 0, 0
/// and 0 at 500 thousandths of the size, "," 250, "%" 833: 37.0 points)
/// within its cell, where Excel would print "#####": a column `w` wide as
/// stored is round(7 w) pixels of ¾ point, 5 of them padding.
#[test]
fn grade_shares_fit_their_columns() {
    let dir = tempdir();
    let out = sample("report", dir.path());
    let name = nhanluc::labels::VI.sheet_grades;
    let at = calamine_sheet_names(&out)
        .iter()
        .position(|n| n == name)
        .unwrap();
    let xml = &sheet_xml(&out)[at];
    let width_of = col_widths(xml);
    let rows = read_sheet(&out, name);
    let header = rows
        .iter()
        .find(|r| r.iter().any(|c| c == "Tỷ lệ"))
        .unwrap();
    let shares: Vec<usize> = (0..header.len())
        .filter(|&c| header[c] == "Tỷ lệ")
        .collect();
    assert_eq!(shares.len(), 7, "{header:?}");
    for c in shares {
        let points = ((width_of(c + 1) * 7.0).round() - 5.0) * 0.75;
        assert!(points >= 37.0, "column {}: {points} pt", c + 1);
    }
}

/// The first page's national heading, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
/// in 12-point bold Times, fits the right half on one line, with or without
/// a plan: its letters are 20,861 thousandths of the size wide (Times-Bold:
/// C 722, Ộ 778, N 722, G 778, H 778, Ò 778, A 722, X 722, Ã 722, I 389,
/// Ủ 722, Ĩ 389, V 722, Ệ 667, T 667, M 944, seven spaces of 250), 250.3
/// points, in a row one line tall. Excel draws a column `w` wide (as the
/// file stores it, padding included) as round(7 w) pixels of ¾ point; a
/// merged cell's text has all but one cell's 5 pixels of padding.
#[test]
fn the_national_heading_fits_its_half_of_the_first_page() {
    let dir = tempdir();
    for cmd in ["report", "plan"] {
        let out = sample(cmd, dir.path());
        let xml = &sheet_xml(&out)[0];
        let width_of = col_widths(xml);
        // The right half's merge on row 1 (the left one starts at A1).
        let merge = xml
            .split("<mergeCell ref=\"")
            .skip(1)
            .map(|m| &m[..m.find('"').unwrap()])
            .find(|r| r.ends_with('1') && !r.starts_with('A') && r.contains(":"))
            .unwrap();
        let (from, to) = merge.split_once(':').unwrap();
        let col = |c: &str| usize::from(c.as_bytes()[0] - b'A') + 1;
        let px: f64 = (col(from)..=col(to))
            .map(|c| (width_of(c) * 7.0).round())
            .sum();
        let points = (px - 5.0) * 0.75;
        assert!(
            points >= 20_861.0 * 12.0 / 1000.0,
            "{cmd}: {merge} {points} pt"
        );
    }
}
