//! Synthetic rosters at any size, for trying the tool, tests and benchmarks.
//!
//! Staff are spread over the real 3,321 communes of the 2025 reorganisation
//! (`vn-admin-units-2025.csv`, with official codes): mostly viên chức in the
//! communes' schools and health stations, plus every commune's cán bộ,
//! công chức and non-specialised workers. Values are typed several ways
//! ("Đại học", "ĐH Luật", "Cử nhân"), as in real files. Same seed, same
//! roster. The people are invented; the words below are sample data, not
//! interface text.
//!
//! CSV output is one header row; .xlsx output uses the government layout:
//! title block, a two-row merged header, a column-number row and a signature
//! footer.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use crate::error::{Error, Result};
use crate::output;

const UNITS_CSV: &str = include_str!("vn-admin-units-2025.csv");

/// A commune from the reference list.
struct Commune {
    code: &'static str,
    name: &'static str,
    province: &'static str,
}

fn communes() -> Vec<Commune> {
    UNITS_CSV
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f.len() >= 6).then(|| Commune {
                code: f[3],
                name: f[4],
                province: f[1],
            })
        })
        .collect()
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // Modulo bias is irrelevant for synthetic data.
        #[allow(clippy::cast_possible_truncation)]
        let v = (self.next() % n as u64) as usize;
        v
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks by integer weights.
    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = u32::try_from(self.below(total as usize)).unwrap_or(0);
        for (v, w) in items {
            if x < *w {
                return v;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Hà", "Nông", "Triệu", "Lục", "Ma", "Hứa",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Công", "Trọng",
];
const MIDDLE_F: &[&str] = &[
    "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim",
];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong",
    "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
];
const GIVEN_F: &[&str] = &[
    "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
    "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Tuyết", "Vân", "Yến",
];

#[derive(Clone, Copy)]
enum Kind {
    CanBo,
    CongChuc,
    Kct,
    VienChuc,
    HopDong,
}

const KINDS: &[(Kind, u32)] = &[
    (Kind::VienChuc, 70),
    (Kind::CongChuc, 10),
    (Kind::CanBo, 8),
    (Kind::Kct, 7),
    (Kind::HopDong, 5),
];

const EDUCATION: &[(&str, u32)] = &[
    ("Đại học", 30),
    ("ĐH Luật", 6),
    ("Cử nhân Kinh tế", 5),
    ("Đại học Sư phạm", 8),
    ("Thạc sĩ", 5),
    ("ThS", 1),
    ("Cao đẳng", 10),
    ("CĐ Sư phạm", 4),
    ("Trung cấp", 15),
    ("Trung cấp Kế toán", 4),
    ("TC", 2),
    ("Sơ cấp", 3),
    ("Chưa qua đào tạo", 2),
    ("Tiến sĩ", 1),
];
const POLITICAL: &[(&str, u32)] = &[("", 50), ("Sơ cấp", 25), ("Trung cấp", 20), ("Cao cấp", 5)];
const STATE_MGMT: &[(&str, u32)] = &[
    ("", 55),
    ("Chuyên viên", 30),
    ("Chuyên viên chính", 10),
    ("Cán sự", 5),
];
const CB_TITLES: &[&str] = &[
    "Bí thư Đảng ủy",
    "Phó Bí thư Đảng ủy",
    "Chủ tịch HĐND",
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chủ tịch Ủy ban MTTQ",
    "Bí thư Đoàn TNCS HCM",
    "Chủ tịch Hội LHPN",
    "Chủ tịch Hội Nông dân",
    "Chủ tịch Hội CCB",
];
const CC_TITLES: &[(&str, &str, &str)] = &[
    ("Văn phòng - thống kê", "Chuyên viên", "01.003"),
    ("Địa chính - xây dựng", "Chuyên viên", "01.003"),
    ("Tài chính - kế toán", "Kế toán viên trung cấp", "06.032"),
    ("Tư pháp - hộ tịch", "Chuyên viên", "01.003"),
    ("Văn hóa - xã hội", "Cán sự", "01.004"),
    ("Chỉ huy trưởng Quân sự", "Chuyên viên", "01.003"),
];
const VC_UNITS: &[&str] = &[
    "Trường Mầm non",
    "Trường Tiểu học",
    "Trường THCS",
    "Trạm Y tế",
];
const VC_TITLES: &[&str] = &[
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Y sĩ",
    "Điều dưỡng",
    "Kế toán",
    "Nhân viên",
];

/// Column headers, in order: the first Vietnamese name of each field.
const COLUMNS: &[crate::schema::Field] = {
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
fn row(rng: &mut Rng, communes: &[Commune], i: usize) -> Vec<String> {
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
    let year = 1966 + rng.below(38);
    let birth = format!("{:02}/{:02}/{year}", 1 + rng.below(28), 1 + rng.below(12));
    let kind = *rng.weighted(KINDS);
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
        Kind::HopDong => (
            commune_unit,
            c.code.to_string(),
            "Hợp đồng",
            "Nhân viên".to_string(),
            "",
            "",
        ),
    };
    let education = rng.weighted(EDUCATION).to_string();
    let (political, state) = match kind {
        Kind::CanBo | Kind::CongChuc => (
            rng.weighted(POLITICAL).to_string(),
            rng.weighted(STATE_MGMT).to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    vec![
        (i + 1).to_string(),
        format!("CB{:08}", i + 1),
        format!("{family} {middle} {given}"),
        birth,
        if female { "Nữ" } else { "Nam" }.to_string(),
        format!("0{:02}{:09}", rng.below(96), rng.below(1_000_000_000)),
        if rng.below(10) < 8 { "Kinh" } else { "Tày" }.to_string(),
        unit,
        unit_code,
        c.province.to_string(),
        "Xã".to_string(),
        category.to_string(),
        title,
        grade_code.to_string(),
        grade.to_string(),
        education,
        String::new(),
        political,
        state,
    ]
}

fn header(f: crate::schema::Field) -> &'static str {
    f.aliases().first().copied().unwrap_or(f.id())
}

/// Writes `rows` synthetic staff rows to `path` (.csv or .xlsx).
pub fn generate(path: &Path, rows: usize, seed: u64) -> Result<()> {
    let communes = communes();
    let mut rng = Rng(seed);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => output::atomically(path, |file| {
            write_csv(file, path, rows, &mut rng, &communes)
        }),
        Some("xlsx") => write_xlsx(path, rows, &mut rng, &communes),
        _ => Err(Error::Usage(format!(
            "{}: expected a .csv or .xlsx file",
            path.display()
        ))),
    }
}

fn write_csv(
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

fn write_xlsx(path: &Path, rows: usize, rng: &mut Rng, communes: &[Commune]) -> Result<()> {
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

/// Writes a position catalogue (CSV) for generated rosters: the commune
/// positions shared by every commune (by unit type), then commune-specific
/// rows (by unit code) until `rows` rows are written.
pub fn catalogue(path: &Path, rows: usize) -> Result<()> {
    let communes = communes();
    output::atomically(path, |file| {
        let e = |e: csv::Error| Error::Write {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
        w.write_record([
            "Cơ quan",
            "Mã vị trí việc làm",
            "Tên vị trí việc làm",
            "Ngạch",
            "Trình độ tối thiểu",
            "Biên chế",
            "Tên gọi khác",
        ])
        .map_err(e)?;
        let mut n = 0;
        for (i, t) in CB_TITLES.iter().enumerate() {
            if n < rows {
                w.write_record([
                    "UBND cấp xã",
                    &format!("CB-{i:02}"),
                    t,
                    "",
                    "Trung cấp",
                    "1",
                    t,
                ])
                .map_err(e)?;
                n += 1;
            }
        }
        'outer: for c in &communes {
            for (i, (t, _, code)) in CC_TITLES.iter().enumerate() {
                if n >= rows {
                    break 'outer;
                }
                let grades = format!("{code}; 01.003");
                w.write_record([
                    c.code,
                    &format!("{}-CC{i}", c.code),
                    t,
                    &grades,
                    "Đại học",
                    "1",
                    t,
                ])
                .map_err(e)?;
                n += 1;
            }
        }
        w.flush().map_err(|err| Error::Write {
            path: path.to_path_buf(),
            message: err.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_communes_load() {
        let c = communes();
        assert_eq!(c.len(), 3321);
        assert!(c.iter().all(|c| c.code.len() == 5));
    }

    #[test]
    fn same_seed_same_rows() {
        let c = communes();
        let a: Vec<_> = (0..50)
            .map({
                let mut r = Rng(7);
                move |i| row(&mut r, &c, i)
            })
            .collect();
        let c = communes();
        let b: Vec<_> = (0..50)
            .map({
                let mut r = Rng(7);
                move |i| row(&mut r, &c, i)
            })
            .collect();
        assert_eq!(a, b);
        assert_eq!(a[0].len(), COLUMNS.len());
    }
}
