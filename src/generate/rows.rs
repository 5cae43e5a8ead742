//! Generated staff rows, written as CSV (one header row) or as an .xlsx in
//! the government layout.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use super::words::{
    CB_TITLES, CC_TITLES, EDUCATION, FAMILY, GIVEN_F, GIVEN_M, KINDS, Kind, MIDDLE_F, MIDDLE_M,
    NAME_SYLLABLES, POLITICAL, PROVINCE_DEPTS, PROVINCE_PARTY, PROVINCE_TITLES, STATE_MGMT,
    VC_TITLES, VC_UNITS,
};
use super::{Commune, Rng};
use crate::error::{Error, Result};
use crate::output;

pub(super) const COLUMNS: &[crate::schema::Field] = {
    use crate::schema::Field::*;
    &[
        RowNumber,
        StaffId,
        FullName,
        BirthDate,
        Gender,
        NationalId,
        Ethnicity,
        Unit,
        UnitCode,
        ParentUnit,
        GovLevel,
        Category,
        Title,
        GradeCode,
        Grade,
        Education,
        FieldOfStudy,
        PoliticalTheory,
        StateManagement,
    ]
};

/// One generated row, in [`COLUMNS`] order.
pub(super) fn row(rng: &mut Rng, communes: &[Commune], i: usize) -> Vec<String> {
    let c = &communes[rng.below(communes.len())];
    let female = rng.below(100) < 55;
    let family = rng.pick(FAMILY);
    let middle = if female {
        rng.pick(MIDDLE_F)
    } else {
        rng.pick(MIDDLE_M)
    };
    let given = if female {
        rng.pick(GIVEN_F)
    } else {
        rng.pick(GIVEN_M)
    };
    let name = full_name(rng, family, middle, given);
    let year = 1966 + rng.below(38);
    let birth = format!("{:02}/{:02}/{year}", 1 + rng.below(28), 1 + rng.below(12));
    let kind = *rng.weighted(KINDS);
    let post = post(rng, c, kind);
    let education = rng.weighted(EDUCATION).to_string();
    let (political, state) = match kind {
        Kind::CanBo | Kind::CongChuc | Kind::CongChucTinh | Kind::DangTinh => (
            rng.weighted(POLITICAL).to_string(),
            rng.weighted(STATE_MGMT).to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    vec![
        (i + 1).to_string(),
        format!("CB{:08}", i + 1),
        name,
        birth,
        if female { "Nữ" } else { "Nam" }.to_string(),
        format!("0{:02}{:09}", rng.below(96), rng.below(1_000_000_000)),
        if rng.below(10) < 8 { "Kinh" } else { "Tày" }.to_string(),
        post.unit,
        post.unit_code,
        c.province.to_string(),
        post.level.to_string(),
        post.category.to_string(),
        post.title,
        post.grade_code.to_string(),
        post.grade.to_string(),
        education,
        String::new(),
        political,
        state,
    ]
}

/// A full name: the family, middle and given names drawn, with a second
/// middle name for two rows in five and a two-syllable given name for one
/// in two ([`NAME_SYLLABLES`]). Those are drawn from a stream of their own,
/// so every other value of a row is the one drawn before names varied.
fn full_name(rng: &Rng, family: &str, middle: &str, given: &str) -> String {
    let mut names = Rng(rng.0 ^ 0xA076_1D64_78BD_642F);
    let mut name = format!("{family} {middle}");
    for percent in [40, 50] {
        if names.below(100) < percent {
            let syllable: &&str = names.pick(NAME_SYLLABLES);
            name.push(' ');
            name.push_str(syllable);
        }
    }
    name.push(' ');
    name.push_str(given);
    name
}

/// A generated row's post: its unit, category, title and grade.
struct Post {
    /// "Xã" or "Tỉnh".
    level: &'static str,
    unit: String,
    unit_code: String,
    category: &'static str,
    title: String,
    grade: &'static str,
    grade_code: &'static str,
}

/// Draws the post of a person of `kind` in commune `c` (or its province).
fn post(rng: &mut Rng, c: &Commune, kind: Kind) -> Post {
    let commune_unit = format!("UBND {}", c.name);
    let (unit, unit_code, category, title, grade, grade_code) = match kind {
        Kind::CanBo => (
            commune_unit,
            c.code.to_string(),
            "Cán bộ cấp xã",
            rng.pick(CB_TITLES).to_string(),
            "",
            "",
        ),
        Kind::CongChuc => {
            let (t, g, code) = *rng.pick(CC_TITLES);
            (
                commune_unit,
                c.code.to_string(),
                "Công chức cấp xã",
                t.to_string(),
                g,
                code,
            )
        }
        Kind::Kct => (
            commune_unit,
            c.code.to_string(),
            "Người hoạt động không chuyên trách",
            String::new(),
            "",
            "",
        ),
        Kind::VienChuc => {
            let k = rng.below(VC_UNITS.len());
            let unit = format!("{} {}", VC_UNITS[k], c.name);
            (
                unit,
                format!("{}-{}", c.code, k + 1),
                "Viên chức",
                rng.pick(VC_TITLES).to_string(),
                "",
                "",
            )
        }
        Kind::CongChucTinh | Kind::DangTinh => return province_post(rng, c, kind),
        Kind::HopDong => (
            commune_unit,
            c.code.to_string(),
            "Hợp đồng",
            "Nhân viên".to_string(),
            "",
            "",
        ),
    };
    Post {
        level: "Xã",
        unit,
        unit_code,
        category,
        title,
        grade,
        grade_code,
    }
}

/// A province công chức's post: a department, or a Party body or mass
/// organisation, of the province of commune `c`.
fn province_post(rng: &mut Rng, c: &Commune, kind: Kind) -> Post {
    let short = c.province.trim_start_matches("Thành phố ");
    let (unit, k) = if let Kind::DangTinh = kind {
        let k = rng.below(PROVINCE_PARTY.len());
        let committee = if c.province.starts_with("Thành phố") {
            "Thành ủy"
        } else {
            "Tỉnh ủy"
        };
        let unit = PROVINCE_PARTY[k]
            .replace("{committee}", committee)
            .replace("{province}", short);
        (unit, 100 + k)
    } else {
        let k = rng.below(PROVINCE_DEPTS.len());
        // "Sở Nội vụ tỉnh Hưng Yên", "Sở Nội vụ thành phố Hà Nội".
        let lower = match c.province.strip_prefix("Thành phố ") {
            Some(city) => format!("thành phố {city}"),
            None => format!("tỉnh {}", short),
        };
        (format!("{} {lower}", PROVINCE_DEPTS[k]), k)
    };
    let (title, grade, grade_code) = *rng.pick(PROVINCE_TITLES);
    Post {
        level: "Tỉnh",
        unit,
        unit_code: format!("{}-T{:03}", c.province_code, k + 1),
        category: "Công chức",
        title: title.to_string(),
        grade,
        grade_code,
    }
}

fn header(f: crate::schema::Field) -> &'static str {
    f.aliases().first().copied().unwrap_or(f.id())
}

pub(super) fn write_csv(
    file: &mut std::fs::File,
    path: &Path,
    rows: usize,
    rng: &mut Rng,
    communes: &[Commune],
) -> Result<()> {
    let err = |e: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut csv = csv::Writer::from_writer(&mut w);
    let e = |e: csv::Error| Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    csv.write_record(COLUMNS.iter().map(|f| header(*f)))
        .map_err(e)?;
    for i in 0..rows {
        csv.write_record(row(rng, communes, i)).map_err(e)?;
    }
    csv.flush().map_err(err)?;
    drop(csv);
    w.flush().map_err(err)
}

pub(super) fn write_xlsx(
    path: &Path,
    rows: usize,
    rng: &mut Rng,
    communes: &[Commune],
) -> Result<()> {
    let x = |e: rust_xlsxwriter::XlsxError| Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    // Shared strings, as Excel writes them (constant-memory mode writes inline
    // strings, which no government file has and which read slower).
    let ws = wb.add_worksheet_with_low_memory().map_err(x)?;
    ws.set_name("Danh sách").map_err(x)?;
    let last = output::col(COLUMNS.len() - 1);
    ws.merge_range(0, 0, 0, 5, "UBND TỈNH (DỮ LIỆU MẪU)", &bold)
        .map_err(x)?;
    ws.merge_range(0, 8, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)
        .map_err(x)?;
    ws.merge_range(1, 8, 1, last, "Độc lập - Tự do - Hạnh phúc", &bold)
        .map_err(x)?;
    ws.merge_range(
        3,
        0,
        3,
        last,
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC (DỮ LIỆU TỔNG HỢP)",
        &bold,
    )
    .map_err(x)?;
    // Two-row header: "Trình độ" merged over the last three columns.
    let (h1, h2) = (5u32, 6u32);
    let group_from = COLUMNS.len() - 4;
    for (c, f) in COLUMNS.iter().enumerate().take(group_from) {
        ws.merge_range(h1, output::col(c), h2, output::col(c), header(*f), &bold)
            .map_err(x)?;
    }
    ws.merge_range(h1, output::col(group_from), h1, last, "Trình độ", &bold)
        .map_err(x)?;
    for (c, label) in [
        "Chuyên môn",
        "Chuyên ngành",
        "Lý luận chính trị",
        "Quản lý nhà nước",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(h2, output::col(group_from + c), *label, &bold)
            .map_err(x)?;
    }
    for c in 0..COLUMNS.len() {
        ws.write_string(h2 + 1, output::col(c), format!("({})", c + 1))
            .map_err(x)?;
    }
    let first = h2 + 2;
    for i in 0..rows {
        let r = first + u32::try_from(i).unwrap_or(u32::MAX);
        for (c, v) in row(rng, communes, i).iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, output::col(c), v).map_err(x)?;
            }
        }
    }
    let foot = first + u32::try_from(rows).unwrap_or(u32::MAX) + 1;
    ws.write_string(foot, 2, "Người lập biểu").map_err(x)?;
    ws.write_string(foot, 10, "Thủ trưởng đơn vị").map_err(x)?;
    output::save_workbook(&mut wb, path)
}
