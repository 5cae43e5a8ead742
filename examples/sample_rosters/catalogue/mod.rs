//! The sample town's job-position catalogue, twice: in this tool's TOML
//! (`policies/vi-tri-viec-lam-bac-kan.toml`) and as the appendix of an
//! approving decision, the layout provinces approve
//! (`policies/vi-tri-viec-lam-bac-kan.xlsx`): one sheet per office, the
//! office named in the title, sections by kind, grades by name, no codes.

mod appendix;

pub(crate) use appendix::official;

use std::path::Path;

use super::offices::OFFICES;

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
