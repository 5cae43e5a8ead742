//! The communes' lists: a sheet per commune in the government layout (one
//! commune typed in TCVN3), and the non-specialised workers' "Unicode Text"
//! file.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::{Formats, OUT, Person, Rng, education, person, write_birth};

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

struct Row {
    p: Person,
    title: &'static str,
    category: &'static str,
    education: String,
    political: &'static str,
    state: &'static str,
    training: Option<(&'static str, String)>,
    grade_code: &'static str,
}

/// One commune sheet in the government layout.
fn commune_sheet(
    ws: &mut Worksheet,
    name: &str,
    ward: bool,
    rows: &[Row],
    enc: &dyn Fn(&str) -> String,
    f: &Formats,
) -> Result<(), XlsxError> {
    let kind = if ward { "Phường" } else { "Xã" };
    let unit = format!("UBND {kind} {name}");
    ws.set_name(name)?;
    commune_header(ws, name, kind, enc, f)?;
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
            (i as u64) % 7,
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
    commune_footer(ws, r + 2, name, enc, f)?;
    ws.set_column_width(2, 24)?;
    ws.set_column_width(5, 22)?;
    ws.set_column_width(8, 26)?;
    ws.set_column_width(9, 20)?;
    Ok(())
}

/// A commune sheet's title block, its two-row header and the column-number row.
fn commune_header(
    ws: &mut Worksheet,
    name: &str,
    kind: &str,
    enc: &dyn Fn(&str) -> String,
    f: &Formats,
) -> Result<(), XlsxError> {
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
        &enc("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2013"),
        &f.title,
    )?;
    ws.merge_range(4, 0, 4, 14, &enc("(Có đến ngày 31/12/2013)"), &f.title)?;
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
    Ok(())
}

/// A commune sheet's place and date, and its signatures, from row `r`.
fn commune_footer(
    ws: &mut Worksheet,
    r: u32,
    name: &str,
    enc: &dyn Fn(&str) -> String,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.merge_range(
        r,
        9,
        r,
        14,
        &enc(&format!("{name}, ngày 31 tháng 12 năm 2013")),
        &f.title,
    )?;
    ws.merge_range(r + 1, 0, r + 1, 4, &enc("NGƯỜI LẬP BIỂU"), &f.title)?;
    ws.merge_range(r + 1, 9, r + 1, 14, &enc("TM. ỦY BAN NHÂN DÂN"), &f.title)?;
    ws.merge_range(r + 2, 9, r + 2, 14, &enc("CHỦ TỊCH"), &f.title)?;
    ws.merge_range(r + 5, 0, r + 5, 4, &enc("Lương Thị Hồng"), &f.title)?;
    ws.merge_range(r + 5, 9, r + 5, 14, &enc("Hoàng Văn Tám"), &f.title)?;
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
        });
    }
    rows
}

pub(crate) fn communes(rng: &mut Rng, seq: &mut u32, f: &Formats) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Hướng dẫn")?.write_string(0, 0, "Mỗi trang tính là danh sách của một phường, xã. Xã Nông Thượng gửi tệp riêng (phông .VnTime).")?;
    let plain = |s: &str| s.to_string();
    let mut nong_thuong = None;
    for (i, (name, ward, cb, cc)) in COMMUNES.iter().enumerate() {
        let mut rows = commune_rows(rng, seq, *ward, cb, cc);
        match i {
            // Đức Xuân: the Bí thư also chairs the People's Council (kiêm nhiệm).
            0 => {
                let first = &rows[0].p;
                let twin = Person {
                    name: first.name.clone(),
                    female: first.female,
                    birth: first.birth,
                    staff_id: first.staff_id.clone(),
                };
                rows[2].p = twin;
            }
            // Sông Cầu: the culture officer's row pasted twice.
            2 => {
                let last = rows.last().unwrap();
                let dup = Row {
                    p: Person {
                        name: last.p.name.clone(),
                        female: last.p.female,
                        birth: last.p.birth,
                        staff_id: last.p.staff_id.clone(),
                    },
                    title: last.title,
                    category: last.category,
                    education: last.education.clone(),
                    political: last.political,
                    state: last.state,
                    training: None,
                    grade_code: last.grade_code,
                };
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
        if i == COMMUNES.len() - 1 {
            nong_thuong = Some(rows);
            continue;
        }
        commune_sheet(wb.add_worksheet(), name, *ward, &rows, &plain, f)?;
    }
    wb.save(Path::new(OUT).join("01-can-bo-cong-chuc-phuong-xa.xlsx"))?;
    // Nông Thượng typed its list with the .VnTime font (TCVN3).
    let mut wb = Workbook::new();
    let (name, ward, _, _) = COMMUNES[COMMUNES.len() - 1];
    let enc = |s: &str| nhanluc::legacy::encode_tcvn3(s);
    commune_sheet(
        wb.add_worksheet(),
        name,
        ward,
        &nong_thuong.unwrap(),
        &enc,
        f,
    )?;
    wb.save(Path::new(OUT).join("02-xa-nong-thuong-vntime.xlsx"))
}

/// Non-specialised commune workers: Excel's "Unicode Text" (UTF-16LE, tab).
pub(crate) fn non_specialised(rng: &mut Rng, seq: &mut u32) -> std::io::Result<()> {
    let titles = [
        "Phó Trưởng Công an",
        "Phó Chỉ huy trưởng Quân sự",
        "Văn thư - lưu trữ",
        "Phụ trách Đài truyền thanh",
        "Trưởng Ban Tổ chức Đảng",
    ];
    let mut text = String::from(
        "STT\tHọ và tên\tNăm sinh\tGiới tính\tĐơn vị\tCấp\tPhân loại\tChức danh\tTrình độ chuyên môn\r\n",
    );
    let mut n = 0;
    for (name, ward, _, _) in COMMUNES {
        let kind = if *ward { "Phường" } else { "Xã" };
        for t in titles {
            let p = person(rng, seq, 1960, 30);
            n += 1;
            let code = ['T', 'S', 'N', 'D', 'C', 'T', 'S'][rng.below(7) as usize];
            let edu = education(rng, code);
            text.push_str(&format!(
                "{n}\t{}\t{}\t{}\tUBND {kind} {name}\t{kind}\tNgười hoạt động không chuyên trách\t{t}\t{edu}\r\n",
                p.name,
                chrono::Datelike::year(&p.birth),
                if p.female { "Nữ" } else { "Nam" }
            ));
        }
    }
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(Path::new(OUT).join("03-khong-chuyen-trach.txt"), bytes)
}
