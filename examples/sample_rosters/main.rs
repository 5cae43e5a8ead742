//! Writes the shipped sample rosters in `rosters/`: a synthetic Thị xã Bắc Kạn
//! as of 31/12/2013, the town of the first seed's 2011–2015 plan.
//!
//! `cargo run --example sample_rosters` regenerates them (deterministic). The
//! people are invented. The files are messy the way real ones are: title
//! blocks, two-row merged headers, column-number rows, totals and signature
//! footers, birth dates in "Nam"/"Nữ" columns, dates as Excel dates, text and
//! bare years, education typed many ways, a commune typed in TCVN3
//! (.VnTime), a UTF-16 "Unicode Text" file, a semicolon CSV with headers
//! without diacritics, a duplicate row, a person holding two posts, rows
//! missing required values, and a summary sheet that is not a roster.

#![allow(clippy::type_complexity)] // tables of sample data read best as tuples

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

mod catalogue;
mod year2014;

const OUT: &str = "rosters";

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Hoàng", "Nông", "Triệu", "Hà", "Lý", "Lục", "Ma", "Đàm", "Bế", "Trần", "Lê", "Phạm",
    "Đinh",
];
const MIDDLE_M: &[&str] = &["Văn", "Đức", "Quang", "Minh", "Thanh", "Xuân", "Hữu"];
const MIDDLE_F: &[&str] = &["Thị", "Thu", "Thanh", "Hồng", "Ngọc"];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Sơn", "Thắng", "Tuấn", "Vinh",
    "Khánh", "Toàn",
];
const GIVEN_F: &[&str] = &[
    "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Mai", "Nga", "Nhung", "Thảo", "Yến",
    "Vân", "Loan",
];

#[derive(Clone)]
struct Person {
    name: String,
    female: bool,
    birth: NaiveDate,
    staff_id: String,
}

impl Person {
    /// "Nữ" or "Nam", as the lists type it.
    fn gender_word(&self) -> &'static str {
        if self.female { "Nữ" } else { "Nam" }
    }
}

fn person(rng: &mut Rng, seq: &mut u32, year_from: i32, span: u64) -> Person {
    let female = rng.below(100) < 40;
    let pick = |rng: &mut Rng, l: &[&str]| l[rng.below(l.len() as u64) as usize].to_string();
    let name = format!(
        "{} {} {}",
        pick(rng, FAMILY),
        pick(rng, if female { MIDDLE_F } else { MIDDLE_M }),
        pick(rng, if female { GIVEN_F } else { GIVEN_M })
    );
    let year = year_from + i32::try_from(rng.below(span)).unwrap();
    let birth =
        NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32).unwrap();
    *seq += 1;
    Person {
        name,
        female,
        birth,
        staff_id: format!("BK{:05}", *seq),
    }
}

/// Education spellings by class: D university, M master, C college, T intermediate,
/// S elementary, N untrained, Q general grade only (unknown), E empty (unknown).
fn education(rng: &mut Rng, code: char) -> &'static str {
    let options: &[&str] = match code {
        'D' => &[
            "Đại học",
            "ĐH Luật",
            "Cử nhân Kinh tế",
            "Đại học Hành chính",
            "Kỹ sư Nông nghiệp",
            "đại học",
            "ĐH",
        ],
        'M' => &["Thạc sĩ", "Thạc sỹ Quản lý công", "ThS"],
        'C' => &["Cao đẳng", "CĐ Sư phạm"],
        'T' => &[
            "Trung cấp",
            "Trung cấp Kế toán",
            "TC Luật",
            "Trung học chuyên nghiệp",
            "THCN",
        ],
        'S' => &["Sơ cấp", "SC"],
        'N' => &["Chưa qua đào tạo"],
        'Q' => &["12/12"],
        _ => &[""],
    };
    options[rng.below(options.len() as u64) as usize]
}

const CB_TITLES: &[&str] = &[
    "Bí thư Đảng ủy",
    "Phó Bí thư Đảng ủy",
    "Chủ tịch HĐND",
    "Phó Chủ tịch HĐND",
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chủ tịch Ủy ban MTTQ",
    "Bí thư Đoàn TNCS HCM",
    "Chủ tịch Hội LHPN",
    "Chủ tịch Hội CCB",
    "Chủ tịch Hội Nông dân",
];
const CC_TITLES: &[&str] = &[
    "Trưởng Công an",
    "Chỉ huy trưởng Quân sự",
    "Văn phòng - thống kê",
    "Văn phòng - thống kê",
    "Địa chính - xây dựng",
    "Tài chính - kế toán",
    "Tư pháp - hộ tịch",
    "Văn hóa - xã hội",
];

/// (name, is a ward, cán bộ education codes, công chức education codes)
const COMMUNES: &[(&str, bool, &str, &str)] = &[
    ("Đức Xuân", true, "DDMDTDCDTS", "DDTDDTDD"),
    ("Nguyễn Thị Minh Khai", true, "DDDTTCDSSD", "DTDDDTDS"),
    ("Sông Cầu", true, "DTDCTSSDTD", "DDDSTDDD"),
    ("Phùng Chí Kiên", true, "DDTSSNTDSC", "DDTDDDDQ"),
    ("Huyền Tụng", false, "DTTSSDCTSND", "TTDDDTDD"),
    ("Xuất Hóa", false, "DDTTSDCSDTD", "DTSDDDDD"),
    ("Dương Quang", false, "TSSDNSTDSTE", "DDDTDDDD"),
    ("Nông Thượng", false, "DTSTDCSDTSD", "DDTDDDDD"),
];

struct Formats {
    title: Format,
    head: Format,
    cell: Format,
    date: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    Formats {
        title: base.clone().set_bold().set_align(FormatAlign::Center),
        head: base
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap()
            .set_border(FormatBorder::Thin),
        cell: base.clone().set_border(FormatBorder::Thin),
        date: base
            .set_border(FormatBorder::Thin)
            .set_num_format("dd/mm/yyyy"),
    }
}

/// Writes a birth date as an Excel date, as text in one of two forms, or as a bare year.
fn write_birth(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    d: NaiveDate,
    form: u64,
    f: &Formats,
) -> Result<(), XlsxError> {
    match form {
        0 | 3 | 5 => ws.write_datetime_with_format(r, c, d, &f.date).map(|_| ()),
        1 | 4 => ws
            .write_string_with_format(r, c, d.format("%d/%m/%Y").to_string(), &f.cell)
            .map(|_| ()),
        2 => ws
            .write_string_with_format(r, c, d.format("%-d/%-m/%Y").to_string(), &f.cell)
            .map(|_| ()),
        _ => ws
            .write_number_with_format(r, c, f64::from(chrono::Datelike::year(&d)), &f.cell)
            .map(|_| ()),
    }
}

#[derive(Clone)]
struct Row {
    p: Person,
    title: &'static str,
    category: &'static str,
    education: String,
    political: &'static str,
    state: &'static str,
    training: Option<(&'static str, String)>,
    grade_code: &'static str,
    /// How the birth date is typed (see `write_birth`): kept from year to year.
    birth_form: u64,
}

/// One commune sheet in the government layout.
#[allow(clippy::too_many_lines)]
fn commune_sheet(
    ws: &mut Worksheet,
    name: &str,
    ward: bool,
    rows: &[Row],
    enc: &dyn Fn(&str) -> String,
    (year, f): (i32, &Formats),
) -> Result<(), XlsxError> {
    let kind = if ward { "Phường" } else { "Xã" };
    let unit = format!("UBND {kind} {name}");
    ws.set_name(name)?;
    ws.merge_range(0, 0, 0, 4, &enc("UBND THỊ XÃ BẮC KẠN"), &f.title)?;
    ws.merge_range(
        1,
        0,
        1,
        4,
        &enc(&format!(
            "UBND {} {}",
            kind.to_uppercase(),
            name.to_uppercase()
        )),
        &f.title,
    )?;
    ws.merge_range(
        0,
        7,
        0,
        14,
        &enc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        &f.title,
    )?;
    ws.merge_range(1, 7, 1, 14, &enc("Độc lập - Tự do - Hạnh phúc"), &f.title)?;
    ws.merge_range(
        3,
        0,
        3,
        14,
        &enc(&format!("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM {year}")),
        &f.title,
    )?;
    ws.merge_range(
        4,
        0,
        4,
        14,
        &enc(&format!("(Có đến ngày 31/12/{year})")),
        &f.title,
    )?;
    let single = ["STT", "Mã CB", "Họ và tên"];
    for (c, h) in single.iter().enumerate() {
        ws.merge_range(6, c as u16, 7, c as u16, &enc(h), &f.head)?;
    }
    ws.merge_range(6, 3, 6, 4, &enc("Ngày tháng năm sinh"), &f.head)?;
    ws.write_string_with_format(7, 3, enc("Nam"), &f.head)?;
    ws.write_string_with_format(7, 4, enc("Nữ"), &f.head)?;
    for (c, h) in [(5, "Chức vụ"), (6, "Phân loại"), (7, "Cấp"), (8, "Đơn vị")] {
        ws.merge_range(6, c, 7, c, &enc(h), &f.head)?;
    }
    ws.merge_range(6, 9, 6, 11, &enc("Trình độ"), &f.head)?;
    for (c, h) in [
        (9, "Chuyên môn"),
        (10, "Lý luận chính trị"),
        (11, "Quản lý nhà nước"),
    ] {
        ws.write_string_with_format(7, c, enc(h), &f.head)?;
    }
    ws.merge_range(6, 12, 6, 13, &enc("Đang đào tạo"), &f.head)?;
    ws.write_string_with_format(7, 12, enc("Trình độ"), &f.head)?;
    ws.write_string_with_format(7, 13, enc("Dự kiến hoàn thành"), &f.head)?;
    ws.merge_range(6, 14, 7, 14, &enc("Ghi chú"), &f.head)?;
    ws.merge_range(6, 15, 7, 15, &enc("Mã ngạch"), &f.head)?;
    for c in 0..16u16 {
        ws.write_string_with_format(8, c, format!("({})", c + 1), &f.head)?;
    }
    let mut r = 9u32;
    for (i, row) in rows.iter().enumerate() {
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.cell)?;
        ws.write_string_with_format(r, 1, &row.p.staff_id, &f.cell)?;
        ws.write_string_with_format(r, 2, enc(&row.p.name), &f.cell)?;
        write_birth(
            ws,
            r,
            if row.p.female { 4 } else { 3 },
            row.p.birth,
            row.birth_form,
            f,
        )?;
        ws.write_string_with_format(r, 5, enc(row.title), &f.cell)?;
        ws.write_string_with_format(r, 6, enc(row.category), &f.cell)?;
        ws.write_string_with_format(r, 7, enc(kind), &f.cell)?;
        ws.write_string_with_format(r, 8, enc(&unit), &f.cell)?;
        for (c, v) in [
            (9, row.education.as_str()),
            (10, row.political),
            (11, row.state),
        ] {
            if !v.is_empty() {
                ws.write_string_with_format(r, c, enc(v), &f.cell)?;
            }
        }
        if !row.grade_code.is_empty() {
            ws.write_string_with_format(r, 15, row.grade_code, &f.cell)?;
        }
        if let Some((level, end)) = &row.training {
            ws.write_string_with_format(r, 12, enc(level), &f.cell)?;
            ws.write_string_with_format(r, 13, end, &f.cell)?;
        }
        r += 1;
    }
    ws.merge_range(r, 0, r, 2, &enc("Tổng cộng"), &f.head)?;
    ws.write_string_with_format(r, 5, format!("{} người", rows.len()), &f.head)?;
    r += 2;
    ws.merge_range(
        r,
        9,
        r,
        14,
        &enc(&format!("{name}, ngày 31 tháng 12 năm {year}")),
        &f.title,
    )?;
    ws.merge_range(r + 1, 0, r + 1, 4, &enc("NGƯỜI LẬP BIỂU"), &f.title)?;
    ws.merge_range(r + 1, 9, r + 1, 14, &enc("TM. ỦY BAN NHÂN DÂN"), &f.title)?;
    ws.merge_range(r + 2, 9, r + 2, 14, &enc("CHỦ TỊCH"), &f.title)?;
    ws.merge_range(r + 5, 0, r + 5, 4, &enc("Lương Thị Hồng"), &f.title)?;
    ws.merge_range(r + 5, 9, r + 5, 14, &enc("Hoàng Văn Tám"), &f.title)?;
    ws.set_column_width(2, 24)?;
    ws.set_column_width(5, 22)?;
    ws.set_column_width(8, 26)?;
    ws.set_column_width(9, 20)?;
    Ok(())
}

fn commune_rows(rng: &mut Rng, seq: &mut u32, ward: bool, cb: &str, cc: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let titles = if ward { &CB_TITLES[..10] } else { CB_TITLES };
    for (code, title) in cb.chars().zip(titles) {
        let p = person(rng, seq, 1953, 30);
        let training = (matches!(code, 'S' | 'N') && rng.below(3) == 0)
            .then(|| ("Trung cấp", format!("30/06/{}", 2014 + rng.below(2))));
        rows.push(Row {
            p,
            title,
            category: "Cán bộ",
            education: education(rng, code).to_string(),
            political: ["Trung cấp", "Trung cấp", "Cao cấp", "Sơ cấp", ""][rng.below(5) as usize],
            state: ["Chuyên viên", "", "", "Cán sự"][rng.below(4) as usize],
            training,
            grade_code: "",
            birth_form: 0,
        });
    }
    for (code, title) in cc.chars().zip(CC_TITLES) {
        let p = person(rng, seq, 1960, 30);
        rows.push(Row {
            p,
            title,
            category: "Công chức",
            education: education(rng, code).to_string(),
            political: ["Sơ cấp", "Trung cấp", "", ""][rng.below(4) as usize],
            state: ["Chuyên viên", "", "Cán sự"][rng.below(3) as usize],
            training: (code == 'T' && rng.below(2) == 0)
                .then(|| ("Đại học", "31/12/2015".to_string())),
            grade_code: match *title {
                "Tài chính - kế toán" => "06.032",
                "Trưởng Công an" | "Chỉ huy trưởng Quân sự" => "",
                _ if rng.below(3) == 0 => "01.004",
                _ => "01.003",
            },
            birth_form: 0,
        });
    }
    rows
}

/// A commune's list: its name, whether it is a ward, its rows.
#[derive(Clone)]
struct Commune {
    name: &'static str,
    ward: bool,
    rows: Vec<Row>,
}

/// The communes' rows, with the planted cases of 2013.
fn commune_lists(rng: &mut Rng, seq: &mut u32) -> Vec<Commune> {
    let mut out = Vec::new();
    for (i, (name, ward, cb, cc)) in COMMUNES.iter().enumerate() {
        let mut rows = commune_rows(rng, seq, *ward, cb, cc);
        match i {
            // Đức Xuân: the Bí thư also chairs the People's Council (kiêm nhiệm).
            0 => rows[2].p = rows[0].p.clone(),
            // Sông Cầu: the culture officer's row pasted twice.
            2 => {
                let mut dup = rows.last().unwrap().clone();
                dup.training = None;
                rows.push(dup);
            }
            // Xuất Hóa: one row without a category; Dương Quang: one without a name.
            // Huyền Tụng: a title typed with a mistake; Xuất Hóa: one not in the catalogue.
            4 => rows
                .iter_mut()
                .filter(|r| r.title == "Tài chính - kế toán")
                .for_each(|r| r.title = "Tài chính - kết toán"),
            5 => {
                rows[4].category = "";
                rows.iter_mut()
                    .filter(|r| r.title == "Văn hóa - xã hội")
                    .for_each(|r| r.title = "Cán bộ thông tin - truyền thông");
            }
            6 => rows[9].p.name = String::new(),
            _ => {}
        }
        for (k, r) in rows.iter_mut().enumerate() {
            r.birth_form = (k as u64) % 7;
        }
        out.push(Commune {
            name,
            ward: *ward,
            rows,
        });
    }
    out
}

/// The communes' workbook, and Nông Thượng's own file in .VnTime.
fn communes(town: &Town, yr: &Year, f: &Formats) -> Result<(), XlsxError> {
    let mut wb = yr.workbook("01-can-bo-cong-chuc-phuong-xa.xlsx");
    wb.add_worksheet().set_name("Hướng dẫn")?.write_string(0, 0, "Mỗi trang tính là danh sách của một phường, xã. Xã Nông Thượng gửi tệp riêng (phông .VnTime).")?;
    let plain = |s: &str| s.to_string();
    let (last, others) = town.communes.split_last().unwrap();
    for c in others {
        commune_sheet(
            wb.add_worksheet(),
            c.name,
            c.ward,
            &c.rows,
            &plain,
            (yr.year, f),
        )?;
    }
    wb.save(yr.path("01-can-bo-cong-chuc-phuong-xa.xlsx"))?;
    // Nông Thượng typed its list with the .VnTime font (TCVN3).
    let mut wb = yr.workbook("02-xa-nong-thuong-vntime.xlsx");
    let enc = |s: &str| nhanluc::legacy::encode_tcvn3(s);
    commune_sheet(
        wb.add_worksheet(),
        last.name,
        last.ward,
        &last.rows,
        &enc,
        (yr.year, f),
    )?;
    wb.save(yr.path("02-xa-nong-thuong-vntime.xlsx"))
}

/// The titles of the non-specialised workers, one of each in every commune.
const NON_SPECIALISED: [&str; 5] = [
    "Phó Trưởng Công an",
    "Phó Chỉ huy trưởng Quân sự",
    "Văn thư - lưu trữ",
    "Phụ trách Đài truyền thanh",
    "Trưởng Ban Tổ chức Đảng",
];

/// A non-specialised commune worker: the person, the commune (index in
/// `COMMUNES`), the title, the education as typed.
#[derive(Clone)]
struct Worker {
    p: Person,
    commune: usize,
    title: &'static str,
    education: &'static str,
}

fn workers(rng: &mut Rng, seq: &mut u32) -> Vec<Worker> {
    let mut out = Vec::new();
    for commune in 0..COMMUNES.len() {
        for title in NON_SPECIALISED {
            let p = person(rng, seq, 1960, 30);
            let code = ['T', 'S', 'N', 'D', 'C', 'T', 'S'][rng.below(7) as usize];
            out.push(Worker {
                p,
                commune,
                title,
                education: education(rng, code),
            });
        }
    }
    out
}

/// The commune's unit as typed in the lists: "UBND Phường Đức Xuân".
fn commune_unit(i: usize) -> String {
    let (name, ward, _, _) = COMMUNES[i];
    format!("UBND {} {name}", if ward { "Phường" } else { "Xã" })
}

/// Non-specialised commune workers: Excel's "Unicode Text" (UTF-16LE, tab).
fn non_specialised(town: &Town, yr: &Year) -> std::io::Result<()> {
    let mut text = String::from(
        "STT\tHọ và tên\tNăm sinh\tGiới tính\tĐơn vị\tCấp\tPhân loại\tChức danh\tTrình độ chuyên môn\r\n",
    );
    for (n, w) in town.workers.iter().enumerate() {
        let kind = if COMMUNES[w.commune].1 {
            "Phường"
        } else {
            "Xã"
        };
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{kind}\tNgười hoạt động không chuyên trách\t{}\t{}\r\n",
            n + 1,
            w.p.name,
            chrono::Datelike::year(&w.p.birth),
            w.p.gender_word(),
            commune_unit(w.commune),
            w.title,
            w.education,
        ));
    }
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(yr.path("03-khong-chuyen-trach.txt"), bytes)
}

/// The town's specialised offices: (code, name, staff, accepted fields of study).
/// The town's offices: code, name, people, fields of study of its specialists.
pub(crate) const OFFICES: &[(&str, &str, usize, &[&str])] = &[
    ("BK-NV", "Phòng Nội vụ", 5, &["Hành chính", "Luật"]),
    (
        "BK-TCKH",
        "Phòng Tài chính - Kế hoạch",
        7,
        &["Kinh tế", "Kế toán", "Tài chính"],
    ),
    ("BK-VP", "Văn phòng HĐND và UBND", 9, &[]),
    ("BK-TP", "Phòng Tư pháp", 4, &["Luật"]),
    (
        "BK-TNMT",
        "Phòng Tài nguyên và Môi trường",
        6,
        &["Địa chính", "Môi trường", "Nông nghiệp"],
    ),
    ("BK-KT", "Phòng Kinh tế", 5, &["Kinh tế", "Nông nghiệp"]),
    (
        "BK-QLDT",
        "Phòng Quản lý đô thị",
        5,
        &["Xây dựng", "Kiến trúc"],
    ),
    ("BK-VHTT", "Phòng Văn hóa và Thông tin", 4, &[]),
    (
        "BK-LDTBXH",
        "Phòng Lao động - Thương binh và Xã hội",
        5,
        &[],
    ),
    ("BK-TTr", "Thanh tra thị xã", 4, &["Luật", "Kinh tế"]),
    ("BK-GDDT", "Phòng Giáo dục và Đào tạo", 6, &["Sư phạm"]),
    ("BK-YT", "Phòng Y tế", 3, &[]),
];

/// One office posting: (title, position code suffix, position name, grade name, grade code, education code).
fn office_posting(
    k: usize,
) -> (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    char,
) {
    match k {
        0 => (
            "Trưởng phòng",
            "LD1",
            "Trưởng phòng",
            "Chuyên viên chính",
            "01.002",
            'D',
        ),
        1 => (
            "Phó Trưởng phòng",
            "LD2",
            "Phó Trưởng phòng",
            "Chuyên viên",
            "01.003",
            'D',
        ),
        5 => (
            "Cán sự",
            "HT1",
            "Văn thư - hành chính",
            "Cán sự",
            "01.004",
            'C',
        ),
        _ => (
            "Chuyên viên",
            "CM1",
            "Chuyên viên",
            "Chuyên viên",
            "01.003",
            'D',
        ),
    }
}

/// A công chức of an office: the office (index in `OFFICES`) and the row's values.
#[derive(Clone)]
struct Officer {
    p: Person,
    office: usize,
    title: &'static str,
    pcode: String,
    pname: String,
    gcode: &'static str,
    grade: &'static str,
    education: String,
    llct: &'static str,
    qlnn: &'static str,
}

/// The offices' công chức. Positions are typed three ways: by code, by name,
/// and only through the title; a few are misspelt, held in the wrong grade or
/// missing from the catalogue.
fn officers(rng: &mut Rng, seq: &mut u32) -> Vec<Officer> {
    let mut out = Vec::new();
    for (oi, (code, _, count, fields)) in OFFICES.iter().enumerate() {
        for k in 0..*count {
            let p = person(rng, seq, 1955, 32);
            let (mut title, suffix, position, mut grade, mut gcode, edu) = office_posting(k);
            let (mut pcode, mut pname) = (format!("{code}-{suffix}"), position.to_string());
            match (oi, k) {
                // Typed by name only, by title only, misspelt, and not in the catalogue.
                (0, 2) => pcode.clear(),
                (1, 3) | (1, 4) => (pcode, pname) = (String::new(), String::new()),
                (2, 3) => {
                    (pcode, pname, title) = (
                        String::new(),
                        "Chuyen vien tong hop".to_string(),
                        "Chuyên viên tổng hợp",
                    )
                }
                (2, 4) => {
                    (pcode, pname, title) = (
                        String::new(),
                        "Chuyên viên CNTT".to_string(),
                        "Chuyên viên CNTT",
                    )
                }
                // Held in the wrong grade.
                (4, 3) | (6, 2) => (grade, gcode) = ("Cán sự", "01.004"),
                _ => {}
            }
            // Education with a field of study from the office's list, or another.
            let field = if fields.is_empty() || rng.below(4) == 0 {
                "Nông nghiệp"
            } else {
                fields[rng.below(fields.len() as u64) as usize]
            };
            let level = if edu == 'C' {
                "Cao đẳng"
            } else if rng.below(8) == 0 {
                "Trung cấp"
            } else {
                "Đại học"
            };
            let llct = if k < 2 {
                ["Trung cấp", "Cao cấp", "Sơ cấp"][rng.below(3) as usize]
            } else {
                ["", "Sơ cấp", "Trung cấp"][rng.below(3) as usize]
            };
            let qlnn = if k == 0 {
                ["Chuyên viên chính", "Chuyên viên"][rng.below(2) as usize]
            } else {
                ["Chuyên viên", ""][rng.below(2) as usize]
            };
            out.push(Officer {
                p,
                office: oi,
                title,
                pcode,
                pname,
                gcode,
                grade,
                education: format!("{level} {field}"),
                llct,
                qlnn,
            });
        }
    }
    out
}

/// The town's specialised offices (công chức, cấp huyện), with a summary sheet.
fn offices(town: &Town, yr: &Year, f: &Formats) -> Result<(), XlsxError> {
    let mut wb = yr.workbook("04-cong-chuc-co-quan-chuyen-mon.xlsx");
    let ws = wb.add_worksheet();
    ws.set_name("CBCC thi xa")?;
    ws.merge_range(0, 0, 0, 4, "UBND THỊ XÃ BẮC KẠN", &f.title)?;
    ws.merge_range(1, 0, 1, 4, "PHÒNG NỘI VỤ", &f.title)?;
    ws.merge_range(
        3,
        0,
        3,
        12,
        "DANH SÁCH CÔNG CHỨC CÁC CƠ QUAN CHUYÊN MÔN THUỘC UBND THỊ XÃ",
        &f.title,
    )?;
    let headers = [
        "STT",
        "Số hiệu cán bộ, công chức",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Mã đơn vị",
        "Tên đơn vị",
        "Cấp",
        "Loại",
        "Chức vụ",
        "Mã VTVL",
        "Vị trí việc làm",
        "Mã ngạch",
        "Ngạch",
        "Trình độ CM",
        "LLCT",
        "QLNN",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &f.head)?;
    }
    let mut r = 6u32;
    for (i, o) in town.officers.iter().enumerate() {
        let n = i as u32 + 1;
        let (code, office, _, _) = OFFICES[o.office];
        let p = &o.p;
        ws.write_number_with_format(r, 0, f64::from(n), &f.cell)?;
        ws.write_string_with_format(r, 1, &p.staff_id, &f.cell)?;
        ws.write_string_with_format(r, 2, &p.name, &f.cell)?;
        write_birth(ws, r, 3, p.birth, u64::from(n % 3), f)?;
        ws.write_string_with_format(r, 4, p.gender_word(), &f.cell)?;
        ws.write_string_with_format(r, 5, code, &f.cell)?;
        ws.write_string_with_format(r, 6, office, &f.cell)?;
        ws.write_string_with_format(r, 7, "Huyện", &f.cell)?;
        ws.write_string_with_format(r, 8, "Công chức", &f.cell)?;
        ws.write_string_with_format(r, 9, o.title, &f.cell)?;
        ws.write_string_with_format(r, 10, &o.pcode, &f.cell)?;
        ws.write_string_with_format(r, 11, &o.pname, &f.cell)?;
        ws.write_string_with_format(r, 12, o.gcode, &f.cell)?;
        ws.write_string_with_format(r, 13, o.grade, &f.cell)?;
        ws.write_string_with_format(r, 14, &o.education, &f.cell)?;
        ws.write_string_with_format(r, 15, o.llct, &f.cell)?;
        ws.write_string_with_format(r, 16, o.qlnn, &f.cell)?;
        r += 1;
    }
    ws.write_string(
        r + 1,
        9,
        format!("Bắc Kạn, ngày 31 tháng 12 năm {}", yr.year),
    )?;
    ws.write_string(r + 2, 2, "Người lập biểu")?;
    ws.write_string(r + 2, 9, "TRƯỞNG PHÒNG NỘI VỤ")?;
    ws.set_column_width(2, 24)?;
    ws.set_column_width(6, 34)?;
    ws.set_column_width(11, 26)?;
    let sum = wb.add_worksheet();
    sum.set_name("Tong hop")?;
    sum.write_string(0, 0, "Đơn vị")?;
    sum.write_string(0, 1, "Số lượng")?;
    for (i, (_, office, _, _)) in OFFICES.iter().enumerate() {
        let count = town.officers.iter().filter(|o| o.office == i).count();
        sum.write_string(i as u32 + 1, 0, *office)?;
        sum.write_number(i as u32 + 1, 1, count as f64)?;
    }
    wb.save(yr.path("04-cong-chuc-co-quan-chuyen-mon.xlsx"))
}

/// The public service units and their viên chức in 2013.
const SERVICE_UNITS: &[(&str, usize)] = &[
    ("Trường THCS Đức Xuân", 9),
    ("Trường Tiểu học Sông Cầu", 8),
    ("Trường Mầm non Hoa Sen", 6),
    ("Trung tâm Văn hóa - Thể thao thị xã", 5),
    ("Ban Quản lý chợ thị xã", 4),
    ("Trạm Y tế phường Phùng Chí Kiên", 4),
];

/// A viên chức: the person, the unit (index in `SERVICE_UNITS`), the education as typed.
#[derive(Clone)]
struct Employee {
    p: Person,
    unit: usize,
    education: &'static str,
}

fn employees(rng: &mut Rng, seq: &mut u32) -> Vec<Employee> {
    let mut out = Vec::new();
    for (unit, (_, count)) in SERVICE_UNITS.iter().enumerate() {
        for _ in 0..*count {
            let p = person(rng, seq, 1962, 30);
            let code = ['D', 'D', 'C', 'D', 'T', 'M'][rng.below(6) as usize];
            out.push(Employee {
                p,
                unit,
                education: education(rng, code),
            });
        }
    }
    out
}

/// Public service units (viên chức): a semicolon CSV with headers typed without diacritics.
fn public_service(town: &Town, yr: &Year) -> std::io::Result<()> {
    let mut text = String::from(
        "\u{feff}STT;HO VA TEN;NGAY SINH;GIOI TINH;DON VI;DOI TUONG;CHUC DANH;TRINH DO CHUYEN MON\n",
    );
    for (i, e) in town.employees.iter().enumerate() {
        let unit = SERVICE_UNITS[e.unit].0;
        let title = if unit.starts_with("Trường") {
            "Giáo viên"
        } else {
            "Viên chức"
        };
        text.push_str(&format!(
            "{};{};{};{};{unit};Viên chức;{title};\"{}\"\n",
            i + 1,
            e.p.name,
            e.p.birth.format("%d-%m-%Y"),
            e.p.gender_word(),
            e.education,
        ));
    }
    text.push_str(";;;;;;;\n;Người lập biểu;;;;Thủ trưởng đơn vị;;\n");
    std::fs::write(yr.path("05-vien-chuc-don-vi-su-nghiep.csv"), text)
}

/// Writes one commune list the way many communes send it: no unit column
/// (the unit is in the title block or the sheet name) and no category column
/// (sections "I. CÁN BỘ", "II. CÔNG CHỨC", … or only the title held).
fn shape_sheet(
    ws: &mut Worksheet,
    top: Option<(&str, &str)>,
    sections: bool,
    people: &[Listed],
    (year, f): (i32, &Formats),
) -> Result<(), XlsxError> {
    let mut r = 0u32;
    if let Some((above, unit)) = top {
        ws.merge_range(0, 0, 0, 2, above, &f.title)?;
        ws.merge_range(1, 0, 1, 2, unit, &f.title)?;
        ws.merge_range(0, 4, 0, 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &f.title)?;
        ws.merge_range(1, 4, 1, 7, "Độc lập - Tự do - Hạnh phúc", &f.title)?;
        ws.merge_range(
            3,
            0,
            3,
            7,
            &format!(
                "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH NĂM {year}"
            ),
            &f.title,
        )?;
        r = 5;
    }
    let head = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Chức vụ",
        "Trình độ chuyên môn",
        "Lý luận chính trị",
        "Dân tộc",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &f.head)?;
    }
    r += 1;
    let mut section = "";
    let mut n = 0;
    for (p, title, heading, edu) in people {
        if sections && *heading != section {
            section = heading;
            let (label, text) = heading.split_once(' ').unwrap_or(("", heading));
            ws.write_string_with_format(r, 0, label, &f.head)?;
            ws.write_string_with_format(r, 1, text, &f.head)?;
            r += 1;
        }
        n += 1;
        ws.write_number_with_format(r, 0, f64::from(n), &f.cell)?;
        ws.write_string_with_format(r, 1, &p.name, &f.cell)?;
        ws.write_datetime_with_format(r, 2, p.birth, &f.date)?;
        ws.write_string_with_format(r, 3, p.gender_word(), &f.cell)?;
        ws.write_string_with_format(r, 4, *title, &f.cell)?;
        let e = match edu {
            'D' => "Đại học",
            'T' => "Trung cấp",
            _ => "Cao đẳng",
        };
        ws.write_string_with_format(r, 5, e, &f.cell)?;
        ws.write_string_with_format(r, 6, "Trung cấp", &f.cell)?;
        ws.write_string_with_format(r, 7, "Tày", &f.cell)?;
        r += 1;
    }
    if top.is_some() {
        ws.write_string(r + 1, 1, "Người lập biểu")?;
        ws.write_string(r + 1, 5, "CHỦ TỊCH UBND")?;
    }
    ws.set_column_width(1, 24)?;
    ws.set_column_width(4, 26)?;
    Ok(())
}

/// A person of Bạch Thông's lists: the title, the section heading, the education code.
type Listed = (Person, &'static str, &'static str, char);

/// Bạch Thông's communes: Dương Phong's list, then one list a sheet.
#[derive(Clone)]
struct BachThong {
    duong_phong: Vec<Listed>,
    sheets: Vec<(&'static str, Vec<Listed>)>,
}

fn bach_thong(rng: &mut Rng, seq: &mut u32) -> BachThong {
    let people = |rng: &mut Rng, seq: &mut u32, list: &[(&'static str, &'static str, char)]| {
        list.iter()
            .map(|(title, heading, edu)| (person(rng, seq, 1970, 20), *title, *heading, *edu))
            .collect::<Vec<_>>()
    };
    let duong_phong = people(
        rng,
        seq,
        &[
            ("Bí thư Đảng ủy", "I. CÁN BỘ", 'D'),
            ("Chủ tịch UBND", "I. CÁN BỘ", 'D'),
            ("Chủ tịch Hội LHPN", "I. CÁN BỘ", 'T'),
            ("Văn phòng - thống kê", "II. CÔNG CHỨC", 'D'),
            ("Tư pháp - hộ tịch", "II. CÔNG CHỨC", 'T'),
            ("Địa chính - xây dựng", "II. CÔNG CHỨC", 'D'),
            ("Văn thư", "III. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH", 'C'),
            (
                "Phó Chỉ huy trưởng Quân sự",
                "III. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH",
                'T',
            ),
        ],
    );
    let mut sheets = Vec::new();
    for (sheet, list) in [
        (
            "Xã Quang Thuận",
            &[
                ("Chủ tịch UBND", "", 'D'),
                ("Phó Chủ tịch UBND", "", 'D'),
                ("Tài chính - kế toán", "", 'D'),
                ("Văn hóa - xã hội", "", 'T'),
                ("Cán bộ tăng cường", "", 'D'),
            ][..],
        ),
        (
            "Xã Đôn Phong",
            &[
                ("Chủ tịch HĐND", "", 'D'),
                ("Tư pháp - hộ tịch", "", 'T'),
                ("Phó Chủ tịch Hội Nông dân", "", 'C'),
            ][..],
        ),
    ] {
        sheets.push((sheet, people(rng, seq, list)));
    }
    BachThong {
        duong_phong,
        sheets,
    }
}

/// Communes of Bạch Thông district sent in the shapes many units use: one
/// list with its unit only in the title block and its people in sections
/// ("06-…"), and one workbook from the district's office with a sheet per
/// commune, the sheet name the unit (the district its parent), and no
/// category but the title held ("07-…"). Everyone is qualified
/// and well before retirement, so the sample's plan is unchanged.
fn shapes(town: &Town, yr: &Year, f: &Formats) -> Result<(), XlsxError> {
    let mut wb = yr.workbook("06-xa-duong-phong-theo-muc.xlsx");
    let ws = wb.add_worksheet();
    ws.set_name("DS")?;
    shape_sheet(
        ws,
        Some(("UBND HUYỆN BẠCH THÔNG", "UBND XÃ DƯƠNG PHONG")),
        true,
        &town.bach_thong.duong_phong,
        (yr.year, f),
    )?;
    wb.save(yr.path("06-xa-duong-phong-theo-muc.xlsx"))?;

    let mut wb = yr.workbook("07-bach-thong-mot-xa-mot-trang.xlsx");
    for (sheet, list) in &town.bach_thong.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*sheet)?;
        // The district's office sent it: its title block over each commune's sheet.
        shape_sheet(
            ws,
            Some(("UBND HUYỆN BẠCH THÔNG", "PHÒNG NỘI VỤ")),
            false,
            list,
            (yr.year, f),
        )?;
    }
    wb.save(yr.path("07-bach-thong-mot-xa-mot-trang.xlsx"))?;
    Ok(())
}

/// Everyone of the sample town, as generated (the 2013 lists).
#[derive(Clone)]
struct Town {
    communes: Vec<Commune>,
    workers: Vec<Worker>,
    officers: Vec<Officer>,
    employees: Vec<Employee>,
    bach_thong: BachThong,
    /// The last staff id given.
    last_id: u32,
}

/// Draws the town in the order the 2013 files were always written (the
/// random sequence and the staff ids depend on it).
fn town(rng: &mut Rng) -> Town {
    let mut seq = 0;
    let communes = commune_lists(rng, &mut seq);
    let workers = workers(rng, &mut seq);
    let officers = officers(rng, &mut seq);
    let employees = employees(rng, &mut seq);
    let bach_thong = bach_thong(rng, &mut seq);
    Town {
        communes,
        workers,
        officers,
        employees,
        bach_thong,
        last_id: seq,
    }
}

/// A year's lists: their year (titles, dates) and their folder.
struct Year {
    year: i32,
    out: &'static str,
    /// A workbook's creation time by its file name (rust_xlsxwriter writes
    /// the clock's otherwise, and two runs would differ).
    created: fn(&str) -> chrono::NaiveDateTime,
}

impl Year {
    fn workbook(&self, file: &str) -> Workbook {
        let mut wb = Workbook::new();
        wb.set_properties(&DocProperties::new().set_creation_datetime(&(self.created)(file)));
        wb
    }

    fn path(&self, file: &str) -> std::path::PathBuf {
        Path::new(self.out).join(file)
    }
}

fn stamp(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|d| d.and_hms_opt(h, mi, s))
        .unwrap_or_default()
}

/// Writes every roster file of a year.
fn write_year(town: &Town, yr: &Year, f: &Formats) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(yr.out)?;
    communes(town, yr, f)?;
    non_specialised(town, yr)?;
    offices(town, yr, f)?;
    public_service(town, yr)?;
    shapes(town, yr, f)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let f = formats();
    let town = town(&mut Rng(2013));
    // 2013: the time stamps the shipped files were first written with, so
    // that they come out byte-identical.
    let y2013 = Year {
        year: 2013,
        out: OUT,
        created: |file| match file.get(..2) {
            Some("06") => stamp(2026, 12, 4, 15, 53, 4),
            Some("07") => stamp(2026, 12, 4, 17, 1, 43),
            _ => stamp(2026, 11, 22, 9, 1, 23),
        },
    };
    write_year(&town, &y2013, &f)?;
    catalogue::toml()?;
    catalogue::official()?;
    println!("sample rosters written to {OUT}/");
    year2014::write(&town, &f)?;
    Ok(())
}
