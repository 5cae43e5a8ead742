//! A catalogue as a table (CSV or workbook): its header, and each row a position.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn kind_from_text(s: &str) -> Option<PositionKind> {
    let f = fold(s);
    if f.contains("lanh dao") || (f.contains("quan ly") && !f.contains("chuyen mon")) {
        Some(PositionKind::LanhDaoQuanLy)
    } else if f.contains("dung chung") {
        Some(PositionKind::ChuyenMonDungChung)
    } else if f.contains("chuyen nganh") || f.contains("chuyen mon") {
        Some(PositionKind::ChuyenMonChuyenNganh)
    } else if f.contains("ho tro") || f.contains("phuc vu") {
        Some(PositionKind::HoTroPhucVu)
    } else {
        serde_plain_kind(&f.replace(' ', "_"))
    }
}

pub(super) fn serde_plain_kind(s: &str) -> Option<PositionKind> {
    match s {
        "lanh_dao_quan_ly" => Some(PositionKind::LanhDaoQuanLy),
        "chuyen_mon_chuyen_nganh" => Some(PositionKind::ChuyenMonChuyenNganh),
        "chuyen_mon_dung_chung" => Some(PositionKind::ChuyenMonDungChung),
        "ho_tro_phuc_vu" => Some(PositionKind::HoTroPhucVu),
        _ => None,
    }
}

pub(super) fn agency_ref(s: &str) -> AgencyRef {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("type:")
        && let Some(ty) = crate::units::parse_unit_type(rest)
    {
        return AgencyRef::Type(ty);
    }
    match crate::units::parse_unit_type(t) {
        Some(ty) => AgencyRef::Type(ty),
        None => AgencyRef::Unit(fold(t)),
    }
}

pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split([';', '\n', '|'])
        .flat_map(|p| {
            if p.contains(',') && !p.contains(" - ") {
                p.split(',').collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Catalogue columns: key, accepted folded headers.
pub(super) const HEADERS: &[(&str, &[&str])] = &[
    (
        "agency",
        &[
            "co quan",
            "don vi",
            "ma don vi",
            "co quan don vi",
            "ten co quan",
            "ten don vi",
            "don vi su dung",
            "co quan su dung",
            "agency",
            "loai don vi ap dung",
        ],
    ),
    (
        "code",
        &[
            "ma vi tri viec lam",
            "ma vtvl",
            "ma vi tri",
            "ma so vi tri viec lam",
            "ma so vi tri",
            "code",
            "position code",
        ],
    ),
    (
        "name",
        &[
            "ten vi tri viec lam",
            "vi tri viec lam",
            "ten vi tri",
            "ten vtvl",
            "vtvl",
            "name",
            "position",
        ],
    ),
    (
        "kind",
        &[
            "nhom",
            "nhom vi tri",
            "nhom vi tri viec lam",
            "loai vi tri",
            "phan nhom",
            "kind",
        ],
    ),
    (
        "grades",
        &[
            "ngach",
            "ngach tuong ung",
            "ma ngach",
            "ngach cong chuc tuong ung",
            "ngach chuc danh nghe nghiep",
            "ngach chuc danh nghe nghiep tuong ung",
            "chuc danh nghe nghiep",
            "grades",
            "grade",
        ],
    ),
    (
        "min_education",
        &[
            "trinh do chuyen mon",
            "trinh do toi thieu",
            "trinh do chuyen mon toi thieu",
            "trinh do dao tao",
            "yeu cau trinh do",
            "min education",
            "min_education",
        ],
    ),
    (
        "fields",
        &[
            "chuyen nganh",
            "chuyen nganh dao tao",
            "nganh dao tao",
            "fields",
            "fields of study",
        ],
    ),
    (
        "min_political_theory",
        &[
            "ly luan chinh tri",
            "llct",
            "trinh do ly luan chinh tri",
            "min political theory",
            "min_political_theory",
        ],
    ),
    (
        "min_state_management",
        &[
            "quan ly nha nuoc",
            "qlnn",
            "trinh do quan ly nha nuoc",
            "min state management",
            "min_state_management",
        ],
    ),
    (
        "other",
        &[
            "yeu cau khac",
            "tieu chuan khac",
            "other",
            "other requirements",
        ],
    ),
    (
        "headcount",
        &[
            "bien che",
            "so luong",
            "so luong duoc giao",
            "bien che duoc giao",
            "chi tieu bien che",
            "so nguoi",
            "so luong nguoi lam viec",
            "headcount",
        ],
    ),
    (
        "aliases",
        &[
            "ten goi khac",
            "chuc danh tuong ung",
            "chuc vu tuong ung",
            "aliases",
        ],
    ),
];

pub(super) fn from_sheet(
    path: &Path,
    sheet: &ingest::RawSheet,
    out: &mut Vec<(PositionDef, Origin)>,
) -> Result<()> {
    let err = |row: u32, column: &str, message: String| Error::Workbook {
        path: path.to_path_buf(),
        message: format!(
            "sheet \"{}\", row {row}, column \"{column}\": {message}",
            sheet.name
        ),
    };
    let width = sheet.columns.len();
    let header_of = |r: usize| -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for c in 0..width {
            let text = sheet.cell_text(r, c);
            let h = fold(text.split(['(', '[']).next().unwrap_or(&text));
            if let Some((k, _)) = HEADERS
                .iter()
                .find(|(_, names)| names.contains(&h.as_str()))
            {
                m.entry(*k).or_insert(c);
            }
        }
        m
    };
    let Some((hr, cols)) = (0..sheet.len().min(20))
        .map(|r| (r, header_of(r)))
        .find(|(_, m)| ["agency", "code", "name"].iter().all(|k| m.contains_key(k)))
    else {
        return Err(Error::Workbook {
            path: path.to_path_buf(),
            message: format!(
                "sheet \"{}\": no catalogue header; expected columns for the agency (Cơ quan), position code (Mã vị trí việc làm) and name (Tên vị trí việc làm)",
                sheet.name
            ),
        });
    };
    for r in hr + 1..sheet.len() {
        if sheet.row_is_blank(r) {
            continue;
        }
        let row = sheet.excel_rows[r];
        let get = |k: &str| {
            cols.get(k)
                .map(|c| sheet.cell_text(r, *c))
                .filter(|s| !s.is_empty())
        };
        let header = |k: &str| {
            cols.get(k)
                .map(|c| sheet.cell_text(hr, *c))
                .unwrap_or_else(|| k.to_string())
        };
        let required = |k: &str| {
            get(k).ok_or_else(|| err(row, &header(k), "empty; every position needs it".into()))
        };
        let agency_text = required("agency")?;
        let level = |k: &str, v: Option<String>, parse: &dyn Fn(&str) -> bool| -> Result<()> {
            match v {
                Some(v) if !parse(&v) => Err(err(
                    row,
                    &header(k),
                    format!("\"{v}\" is not a level this column understands"),
                )),
                _ => Ok(()),
            }
        };
        let min_education = get("min_education");
        level("min_education", min_education.clone(), &|v| {
            scales::parse_education(v).is_some()
        })?;
        let llct = get("min_political_theory");
        level("min_political_theory", llct.clone(), &|v| {
            scales::parse_political_theory(v).is_some()
        })?;
        let qlnn = get("min_state_management");
        level("min_state_management", qlnn.clone(), &|v| {
            scales::parse_state_management(v).is_some()
        })?;
        let headcount = match get("headcount") {
            Some(h) => Some(h.trim().parse::<u32>().map_err(|_| {
                err(
                    row,
                    &header("headcount"),
                    format!("\"{h}\" is not a whole number"),
                )
            })?),
            None => None,
        };
        let kind = match get("kind") {
            Some(k) => Some(kind_from_text(&k).ok_or_else(|| {
                err(row, &header("kind"), format!("\"{k}\": expected lãnh đạo, quản lý / chuyên môn, nghiệp vụ chuyên ngành / chuyên môn dùng chung / hỗ trợ, phục vụ"))
            })?),
            None => None,
        };
        let code = required("code")?;
        let origin = Origin {
            file: path.to_path_buf(),
            sheet: Some(sheet.name.clone()),
            row,
            column: header("code"),
        };
        let def = PositionDef {
            agency: agency_ref(&agency_text),
            agency_text,
            code,
            name: required("name")?,
            kind,
            grades: get("grades").map(|g| split_list(&g)).unwrap_or_default(),
            min_education: min_education
                .and_then(|v| scales::parse_education(&v))
                .map(|e| e.level),
            fields: get("fields").map(|g| split_list(&g)).unwrap_or_default(),
            min_political_theory: llct.and_then(|v| scales::parse_political_theory(&v)),
            min_state_management: qlnn.and_then(|v| scales::parse_state_management(&v)),
            other: get("other"),
            headcount,
            aliases: get("aliases").map(|g| split_list(&g)).unwrap_or_default(),
        };
        out.push((def, origin));
    }
    Ok(())
}
