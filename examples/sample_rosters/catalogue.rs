//! The sample town's job-position catalogue, twice: in this tool's TOML
//! (`policies/vi-tri-viec-lam-bac-kan.toml`) and as the appendix of an
//! approving decision, the layout provinces approve
//! (`policies/vi-tri-viec-lam-bac-kan.xlsx`): one sheet per office, the
//! office named in the title, sections by kind, grades by name, no codes.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::OFFICES;

/// An office position: code suffix, name, kind, grade codes (TOML), minimum
/// education, political theory, state management, headcount.
type OfficeRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    usize,
);

/// An office's four positions.
fn office_rows(count: usize) -> [OfficeRow; 4] {
    let chuyen_vien = count
        .saturating_sub(2)
        .saturating_sub(usize::from(count > 5))
        .max(1);
    [
        (
            "LD1",
            "Trưởng phòng",
            "lanh_dao_quan_ly",
            "\"01.002\", \"01.001\"",
            "dai_hoc",
            Some("trung_cap"),
            Some("chuyen_vien_chinh"),
            1,
        ),
        (
            "LD2",
            "Phó Trưởng phòng",
            "lanh_dao_quan_ly",
            "\"01.003\", \"01.002\"",
            "dai_hoc",
            Some("trung_cap"),
            Some("chuyen_vien"),
            1,
        ),
        (
            "CM1",
            "Chuyên viên",
            "chuyen_mon_chuyen_nganh",
            "\"01.003\", \"01.002\"",
            "dai_hoc",
            None,
            None,
            chuyen_vien,
        ),
        (
            "HT1",
            "Văn thư - hành chính",
            "ho_tro_phuc_vu",
            "\"01.004\", \"01.003\"",
            "cao_dang",
            None,
            None,
            1,
        ),
    ]
}

/// The positions every commune shares: code, name, kind, grade codes, fields
/// of study, minimum political theory.
const COMMUNE: &[(&str, &str, &str, &str, &[&str], &str)] = &[
    (
        "XA-BT",
        "Bí thư Đảng ủy",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-PBT",
        "Phó Bí thư Đảng ủy",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-CTHD",
        "Chủ tịch HĐND",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-PCTHD",
        "Phó Chủ tịch HĐND",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-CT",
        "Chủ tịch UBND",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-PCT",
        "Phó Chủ tịch UBND",
        "lanh_dao_quan_ly",
        "",
        &[],
        "trung_cap",
    ),
    (
        "XA-MTTQ",
        "Chủ tịch Ủy ban MTTQ",
        "lanh_dao_quan_ly",
        "",
        &[],
        "so_cap",
    ),
    (
        "XA-DTN",
        "Bí thư Đoàn TNCS HCM",
        "lanh_dao_quan_ly",
        "",
        &[],
        "so_cap",
    ),
    (
        "XA-PN",
        "Chủ tịch Hội LHPN",
        "lanh_dao_quan_ly",
        "",
        &[],
        "so_cap",
    ),
    (
        "XA-CCB",
        "Chủ tịch Hội CCB",
        "lanh_dao_quan_ly",
        "",
        &[],
        "so_cap",
    ),
    (
        "XA-ND",
        "Chủ tịch Hội Nông dân",
        "lanh_dao_quan_ly",
        "",
        &[],
        "so_cap",
    ),
    (
        "XA-CA",
        "Trưởng Công an",
        "chuyen_mon_chuyen_nganh",
        "",
        &[],
        "",
    ),
    (
        "XA-QS",
        "Chỉ huy trưởng Quân sự",
        "chuyen_mon_chuyen_nganh",
        "",
        &[],
        "",
    ),
    (
        "XA-VP",
        "Văn phòng - thống kê",
        "chuyen_mon_dung_chung",
        "\"01.003\", \"01.004\"",
        &[],
        "",
    ),
    (
        "XA-DC",
        "Địa chính - xây dựng",
        "chuyen_mon_chuyen_nganh",
        "\"01.003\", \"01.004\"",
        &["Địa chính", "Xây dựng", "Nông nghiệp"],
        "",
    ),
    (
        "XA-TC",
        "Tài chính - kế toán",
        "chuyen_mon_dung_chung",
        "\"06.032\", \"06.031\", \"01.003\"",
        &["Kế toán", "Tài chính", "Kinh tế"],
        "",
    ),
    (
        "XA-TP",
        "Tư pháp - hộ tịch",
        "chuyen_mon_chuyen_nganh",
        "\"01.003\", \"01.004\"",
        &["Luật"],
        "",
    ),
    (
        "XA-VH",
        "Văn hóa - xã hội",
        "chuyen_mon_chuyen_nganh",
        "\"01.003\", \"01.004\"",
        &[],
        "",
    ),
];

/// The position catalogue (danh mục vị trí việc làm) of the sample town:
/// the offices' positions, and the commune positions shared by every commune.
pub(crate) fn toml() -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut t = String::from(
        "# Danh mục vị trí việc làm (sample): Thị xã Bắc Kạn, 2013. Written by\n\
         # `cargo run --example sample_rosters`; the positions are illustrative.\n\
         # Offices: by unit code. Communes: one list shared by every commune\n\
         # (agency = \"type:commune_committee\").\n\n",
    );
    let q = |s: &[&str]| {
        s.iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (code, office, count, fields) in OFFICES {
        let rows = office_rows(*count);
        for (suffix, name, kind, grades, edu, llct, qlnn, headcount) in rows {
            let _ = writeln!(
                t,
                "[[position]]\nagency = \"{code}\"  # {office}\ncode = \"{code}-{suffix}\"\nname = \"{name}\"\nkind = \"{kind}\"\ngrades = [{grades}]\nmin_education = \"{edu}\""
            );
            if suffix == "CM1" && !fields.is_empty() {
                let _ = writeln!(t, "fields = [{}]", q(fields));
            }
            if let Some(l) = llct {
                let _ = writeln!(t, "min_political_theory = \"{l}\"");
            }
            if let Some(m) = qlnn {
                let _ = writeln!(t, "min_state_management = \"{m}\"");
            }
            let aliases = match suffix {
                "LD1" => "aliases = [\"Trưởng phòng\", \"Chánh Văn phòng\", \"Chánh Thanh tra\"]\n",
                "LD2" => {
                    "aliases = [\"Phó Trưởng phòng\", \"Phó Chánh Văn phòng\", \"Phó Chánh Thanh tra\"]\n"
                }
                "HT1" => "aliases = [\"Cán sự\", \"Văn thư\"]\n",
                _ => "",
            };
            let _ = writeln!(t, "{aliases}headcount = {headcount}\n");
        }
    }
    for (code, name, kind, grades, fields, llct) in COMMUNE {
        let headcount = if *code == "XA-VP" { 2 } else { 1 };
        let _ = writeln!(
            t,
            "[[position]]\nagency = \"type:commune_committee\"\ncode = \"{code}\"\nname = \"{name}\"\nkind = \"{kind}\"\nmin_education = \"trung_cap\"\naliases = [\"{name}\"]\nheadcount = {headcount}"
        );
        if !grades.is_empty() {
            let _ = writeln!(t, "grades = [{grades}]");
        }
        if !fields.is_empty() {
            let _ = writeln!(t, "fields = [{}]", q(fields));
        }
        if !llct.is_empty() {
            let _ = writeln!(t, "min_political_theory = \"{llct}\"");
        }
        t.push('\n');
    }
    t.push_str(
        "[field_synonyms]\n\"Sư phạm\" = [\"Sư phạm Toán\", \"Sư phạm Văn\", \"Giáo dục\"]\n",
    );
    std::fs::write(
        Path::new("policies").join("vi-tri-viec-lam-bac-kan.toml"),
        t,
    )
}

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
    ws.merge_range(0, 0, 0, 1, "UBND THỊ XÃ BẮC KẠN", &bold)?;
    ws.merge_range(0, 2, 0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)?;
    ws.merge_range(1, 2, 1, 4, "Độc lập - Tự do - Hạnh phúc", &bold)?;
    let title = format!(
        "DANH MỤC VỊ TRÍ VIỆC LÀM VÀ NGẠCH CÔNG CHỨC TƯƠNG ỨNG CỦA {}",
        agency.to_uppercase()
    );
    ws.merge_range(3, 0, 3, 4, &title, &bold)?;
    ws.merge_range(
        4,
        0,
        4,
        4,
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/3/2013 của Ủy ban nhân dân thị xã Bắc Kạn)",
        &italic,
    )?;
    let headers = [
        "STT",
        "Tên vị trí việc làm",
        "Ngạch công chức tương ứng",
        "Số lượng công chức cần bố trí",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(6, c as u16, *h, &head)?;
        ws.write_string_with_format(7, c as u16, format!("({})", c + 1), &head)?;
    }
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
