//! The town's specialised offices: công chức of the district level, their
//! positions typed three ways, with a summary sheet that is not a roster.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::{Formats, OUT, Rng, person, write_birth};

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

/// The town's specialised offices (công chức, cấp huyện), with a summary sheet.
/// Positions are typed three ways: by code, by name, and only through the title;
/// a few are misspelt, held in the wrong grade or missing from the catalogue.
pub(crate) fn offices(rng: &mut Rng, seq: &mut u32, f: &Formats) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("CBCC thi xa")?;
    offices_header(ws, f)?;
    let mut r = 6u32;
    let mut n = 0;
    for (oi, (code, office, count, fields)) in OFFICES.iter().enumerate() {
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
            n += 1;
            ws.write_number_with_format(r, 0, f64::from(n), &f.cell)?;
            ws.write_string_with_format(r, 1, &p.staff_id, &f.cell)?;
            ws.write_string_with_format(r, 2, &p.name, &f.cell)?;
            write_birth(ws, r, 3, p.birth, (n % 3) as u64, f)?;
            ws.write_string_with_format(r, 4, if p.female { "Nữ" } else { "Nam" }, &f.cell)?;
            ws.write_string_with_format(r, 5, *code, &f.cell)?;
            ws.write_string_with_format(r, 6, *office, &f.cell)?;
            ws.write_string_with_format(r, 7, "Huyện", &f.cell)?;
            ws.write_string_with_format(r, 8, "Công chức", &f.cell)?;
            ws.write_string_with_format(r, 9, title, &f.cell)?;
            ws.write_string_with_format(r, 10, &pcode, &f.cell)?;
            ws.write_string_with_format(r, 11, &pname, &f.cell)?;
            ws.write_string_with_format(r, 12, gcode, &f.cell)?;
            ws.write_string_with_format(r, 13, grade, &f.cell)?;
            ws.write_string_with_format(r, 14, format!("{level} {field}"), &f.cell)?;
            let (llct, qlnn) = office_scales(rng, k);
            ws.write_string_with_format(r, 15, llct, &f.cell)?;
            ws.write_string_with_format(r, 16, qlnn, &f.cell)?;
            r += 1;
        }
    }
    ws.write_string(r + 1, 9, "Bắc Kạn, ngày 31 tháng 12 năm 2013")?;
    ws.write_string(r + 2, 2, "Người lập biểu")?;
    ws.write_string(r + 2, 9, "TRƯỞNG PHÒNG NỘI VỤ")?;
    ws.set_column_width(2, 24)?;
    ws.set_column_width(6, 34)?;
    ws.set_column_width(11, 26)?;
    offices_summary(&mut wb)?;
    wb.save(Path::new(OUT).join("04-cong-chuc-co-quan-chuyen-mon.xlsx"))
}

/// The offices sheet's title block and header row.
fn offices_header(ws: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
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
    Ok(())
}

/// Political theory and state management of the `k`-th posting of an
/// office (heads hold more).
fn office_scales(rng: &mut Rng, k: usize) -> (&'static str, &'static str) {
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
    (llct, qlnn)
}

/// The summary sheet that is not a roster: staff per office.
fn offices_summary(wb: &mut Workbook) -> Result<(), XlsxError> {
    let sum = wb.add_worksheet();
    sum.set_name("Tong hop")?;
    sum.write_string(0, 0, "Đơn vị")?;
    sum.write_string(0, 1, "Số lượng")?;
    for (i, (_, office, count, _)) in OFFICES.iter().enumerate() {
        sum.write_string(i as u32 + 1, 0, *office)?;
        sum.write_number(i as u32 + 1, 1, *count as f64)?;
    }
    Ok(())
}
