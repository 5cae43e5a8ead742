//! Communes of Bạch Thông district, in the shapes many units send: the unit
//! only in the title block, sections for the categories, a sheet per commune.

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::{Formats, OUT, Person, Rng, person};

/// Writes one commune list the way many communes send it: no unit column
/// (the unit is in the title block or the sheet name) and no category column
/// (sections "I. CÁN BỘ", "II. CÔNG CHỨC", … or only the title held).
fn shape_sheet(
    ws: &mut Worksheet,
    top: Option<(&str, &str)>,
    sections: bool,
    people: &[(Person, &str, &str, char)],
    f: &Formats,
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
            "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH NĂM 2013",
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
        ws.write_string_with_format(r, 3, if p.female { "Nữ" } else { "Nam" }, &f.cell)?;
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

/// Communes of Bạch Thông district sent in the shapes many units use: one
/// list with its unit only in the title block and its people in sections
/// ("06-…"), and one workbook from the district's office with a sheet per
/// commune, the sheet name the unit (the district its parent), and no
/// category but the title held ("07-…"). Everyone is qualified
/// and well before retirement, so the sample's plan is unchanged.
pub(crate) fn shapes(rng: &mut Rng, seq: &mut u32, f: &Formats) -> Result<(), XlsxError> {
    let people = |rng: &mut Rng, seq: &mut u32, list: &[(&'static str, &'static str, char)]| {
        list.iter()
            .map(|(title, heading, edu)| (person(rng, seq, 1970, 20), *title, *heading, *edu))
            .collect::<Vec<_>>()
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS")?;
    let list = people(
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
    shape_sheet(
        ws,
        Some(("UBND HUYỆN BẠCH THÔNG", "UBND XÃ DƯƠNG PHONG")),
        true,
        &list,
        f,
    )?;
    wb.save(Path::new(OUT).join("06-xa-duong-phong-theo-muc.xlsx"))?;

    let mut wb = Workbook::new();
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
        let list = people(rng, seq, list);
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        // The district's office sent it: its title block over each commune's sheet.
        shape_sheet(
            ws,
            Some(("UBND HUYỆN BẠCH THÔNG", "PHÒNG NỘI VỤ")),
            false,
            &list,
            f,
        )?;
    }
    wb.save(Path::new(OUT).join("07-bach-thong-mot-xa-mot-trang.xlsx"))?;
    Ok(())
}
