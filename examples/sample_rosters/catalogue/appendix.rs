//! The catalogue as the appendix of an approving decision: a sheet per
//! office, the office named in the title, sections by kind, grades by name.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::super::offices::OFFICES;
use super::{COMMUNE, office_rows};

/// The section heading of a kind, as approved catalogues write it.
fn section_of(kind: &str) -> &'static str {
    match kind {
        "lanh_dao_quan_ly" => "Vị trí việc làm lãnh đạo, quản lý",
        "chuyen_mon_chuyen_nganh" => "Vị trí việc làm chuyên môn, nghiệp vụ chuyên ngành",
        "chuyen_mon_dung_chung" => "Vị trí việc làm chuyên môn, nghiệp vụ dùng chung",
        _ => "Vị trí việc làm hỗ trợ, phục vụ",
    }
}

/// Grade codes as the TOML writes them ("\"01.003\", \"01.002\"") → names.
fn grade_names(codes: &str) -> String {
    codes
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .filter(|c| !c.is_empty())
        .map(|c| nhanluc::vocab::grades::grade_name(c).unwrap_or(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An appendix sheet's title block (the agency named in the title) and its
/// header with the column-number row.
fn official_header(
    ws: &mut Worksheet,
    agency: &str,
    (bold, italic, head): (&Format, &Format, &Format),
) -> Result<(), XlsxError> {
    ws.merge_range(0, 0, 0, 1, "UBND THỊ XÃ BẮC KẠN", bold)?;
    ws.merge_range(0, 2, 0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)?;
    ws.merge_range(1, 2, 1, 4, "Độc lập - Tự do - Hạnh phúc", bold)?;
    let title = format!(
        "DANH MỤC VỊ TRÍ VIỆC LÀM VÀ NGẠCH CÔNG CHỨC TƯƠNG ỨNG CỦA {}",
        agency.to_uppercase()
    );
    ws.merge_range(3, 0, 3, 4, &title, bold)?;
    ws.merge_range(
        4,
        0,
        4,
        4,
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/3/2013 của Ủy ban nhân dân thị xã Bắc Kạn)",
        italic,
    )?;
    let headers = [
        "STT",
        "Tên vị trí việc làm",
        "Ngạch công chức tương ứng",
        "Số lượng công chức cần bố trí",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(6, c as u16, *h, head)?;
        ws.write_string_with_format(7, c as u16, format!("({})", c + 1), head)?;
    }
    Ok(())
}

/// One agency's appendix sheet: (name, kind, grade names, headcount) rows.
fn official_sheet(
    wb: &mut Workbook,
    sheet: &str,
    agency: &str,
    rows: &[(&str, &str, String, usize)],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let italic = Format::new().set_italic().set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    for (c, w) in [(0u16, 6.0), (1, 40.0), (2, 34.0), (3, 14.0), (4, 16.0)] {
        ws.set_column_width(c, w)?;
    }
    official_header(ws, agency, (&bold, &italic, &head))?;
    let mut r = 8;
    let (mut n, mut total) = (0, 0);
    let numerals = ["I", "II", "III", "IV"];
    let mut sections = 0;
    let mut last_kind = "";
    for (name, kind, grades, headcount) in rows {
        if *kind != last_kind {
            let in_section: usize = rows
                .iter()
                .filter(|x| section_of(x.1) == section_of(kind))
                .map(|x| x.3)
                .sum();
            ws.write_string_with_format(r, 0, numerals[sections], &head)?;
            ws.write_string_with_format(r, 1, section_of(kind), &head)?;
            ws.write_blank(r, 2, &head)?;
            ws.write_number_with_format(r, 3, in_section as f64, &head)?;
            ws.write_blank(r, 4, &head)?;
            sections += 1;
            last_kind = kind;
            r += 1;
        }
        n += 1;
        total += headcount;
        ws.write_number_with_format(r, 0, f64::from(n), &cell)?;
        ws.write_string_with_format(r, 1, *name, &cell)?;
        ws.write_string_with_format(r, 2, grades, &cell)?;
        ws.write_number_with_format(r, 3, *headcount as f64, &cell)?;
        ws.write_blank(r, 4, &cell)?;
        r += 1;
    }
    ws.write_blank(r, 0, &head)?;
    ws.write_string_with_format(r, 1, "Tổng cộng", &head)?;
    ws.write_blank(r, 2, &head)?;
    ws.write_number_with_format(r, 3, total as f64, &head)?;
    ws.write_blank(r, 4, &head)?;
    ws.write_string_with_format(r + 2, 2, "TM. ỦY BAN NHÂN DÂN", &bold)?;
    ws.write_string_with_format(r + 3, 2, "CHỦ TỊCH", &bold)?;
    Ok(())
}

/// The catalogue as the appendix of the approving decision: a sheet per
/// office, and one for the positions every commune shares.
pub(crate) fn official() -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let created = chrono::NaiveDate::from_ymd_opt(2013, 3, 15)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    for (code, office, count, _) in OFFICES {
        let rows: Vec<(&str, &str, String, usize)> = office_rows(*count)
            .iter()
            .map(|(_, name, kind, grades, _, _, _, headcount)| {
                (*name, *kind, grade_names(grades), *headcount)
            })
            .collect();
        let sheet = code.trim_start_matches("BK-");
        official_sheet(&mut wb, sheet, office, &rows)?;
    }
    // Kinds in section order: leaders, specialised, shared, support.
    let mut commune: Vec<(&str, &str, String, usize)> = COMMUNE
        .iter()
        .map(|(code, name, kind, grades, _, _)| {
            let headcount = if *code == "XA-VP" { 2 } else { 1 };
            (*name, *kind, grade_names(grades), headcount)
        })
        .collect();
    let order = |k: &str| {
        [
            "lanh_dao_quan_ly",
            "chuyen_mon_chuyen_nganh",
            "chuyen_mon_dung_chung",
        ]
        .iter()
        .position(|x| *x == k)
        .unwrap_or(3)
    };
    commune.sort_by_key(|r| order(r.1));
    official_sheet(&mut wb, "Cấp xã", "UBND cấp xã", &commune)?;
    wb.save(Path::new("policies").join("vi-tri-viec-lam-bac-kan.xlsx"))
}
