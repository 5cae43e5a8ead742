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
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

mod catalogue;
mod communes;
mod offices;
mod shapes;

use communes::{communes, non_specialised};
use offices::offices;
use shapes::shapes;

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

struct Person {
    name: String,
    female: bool,
    birth: NaiveDate,
    staff_id: String,
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

/// Public service units (viên chức): a semicolon CSV with headers typed without diacritics.
fn public_service(rng: &mut Rng, seq: &mut u32) -> std::io::Result<()> {
    let units: &[(&str, usize)] = &[
        ("Trường THCS Đức Xuân", 9),
        ("Trường Tiểu học Sông Cầu", 8),
        ("Trường Mầm non Hoa Sen", 6),
        ("Trung tâm Văn hóa - Thể thao thị xã", 5),
        ("Ban Quản lý chợ thị xã", 4),
        ("Trạm Y tế phường Phùng Chí Kiên", 4),
    ];
    let mut text = String::from(
        "\u{feff}STT;HO VA TEN;NGAY SINH;GIOI TINH;DON VI;DOI TUONG;CHUC DANH;TRINH DO CHUYEN MON\n",
    );
    let mut n = 0;
    for (unit, count) in units {
        for _ in 0..*count {
            let p = person(rng, seq, 1962, 30);
            n += 1;
            let code = ['D', 'D', 'C', 'D', 'T', 'M'][rng.below(6) as usize];
            let edu = education(rng, code);
            let title = if unit.starts_with("Trường") {
                "Giáo viên"
            } else {
                "Viên chức"
            };
            text.push_str(&format!(
                "{n};{};{};{};{unit};Viên chức;{title};\"{edu}\"\n",
                p.name,
                p.birth.format("%d-%m-%Y"),
                if p.female { "Nữ" } else { "Nam" }
            ));
        }
    }
    text.push_str(";;;;;;;\n;Người lập biểu;;;;Thủ trưởng đơn vị;;\n");
    std::fs::write(
        Path::new(OUT).join("05-vien-chuc-don-vi-su-nghiep.csv"),
        text,
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(OUT)?;
    let f = formats();
    let mut rng = Rng(2013);
    let mut seq = 0;
    communes(&mut rng, &mut seq, &f)?;
    non_specialised(&mut rng, &mut seq)?;
    offices(&mut rng, &mut seq, &f)?;
    catalogue::toml()?;
    catalogue::official()?;
    public_service(&mut rng, &mut seq)?;
    shapes(&mut rng, &mut seq, &f)?;
    println!("sample rosters written to {OUT}/");
    Ok(())
}
