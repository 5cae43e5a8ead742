//! Staff categories (cán bộ, công chức, viên chức, …), from a cell or a section heading.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Personnel category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CanBo,
    CongChuc,
    VienChuc,
    HopDong,
    KhongChuyenTrach,
    /// Not said by any column, heading or title: the row is kept and counted,
    /// in no category's population.
    Unknown,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 6] = [
        Category::CanBo,
        Category::CongChuc,
        Category::VienChuc,
        Category::HopDong,
        Category::KhongChuyenTrach,
        Category::Unknown,
    ];

    /// Romanised key (`can_bo`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Category::CanBo => "can_bo",
            Category::CongChuc => "cong_chuc",
            Category::VienChuc => "vien_chuc",
            Category::HopDong => "hop_dong",
            Category::KhongChuyenTrach => "khong_chuyen_trach",
            Category::Unknown => "unknown",
        }
    }

    /// Parses a key such as `cong_chuc`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A category cell: the category and whether it names the commune level
/// ("công chức cấp xã").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryCell {
    /// The category.
    pub category: Category,
    /// The text itself says commune level.
    pub commune: bool,
}

/// Reads a category. A cell naming two categories ("Cán bộ, công chức") is
/// ambiguous and unreadable.
#[must_use]
pub fn parse_category(s: &str) -> Option<CategoryCell> {
    let f = fold(s);
    let c = f.replace(' ', "");
    let padded = format!(" {f} ");
    let commune = ["cap xa", " xa ", " phuong ", " thi tran "]
        .iter()
        .any(|k| padded.contains(k))
        && !padded.contains(" thi xa ");
    // "Cán bộ quản lý" names a school's or hospital's managers (viên chức),
    // not cán bộ: ambiguous, unread.
    if c.contains("canboquanly") {
        return None;
    }
    if c.contains("khongchuyentrach")
        || c.contains("banchuyentrach")
        || c.contains("hdkct")
        || c == "kct"
        || c == "bct"
        || padded.contains(" kct ")
        || padded.contains(" bct ")
        || c.starts_with("nguoihoatdongkhong")
    {
        return Some(CategoryCell {
            category: Category::KhongChuyenTrach,
            commune: true,
        });
    }
    let mut found = Vec::new();
    if c.contains("canbo") || c == "cb" || c.starts_with("cbxa") || c.starts_with("cbcapxa") {
        found.push(Category::CanBo);
    }
    if c.contains("congchuc") || c == "cc" || c.starts_with("ccxa") || c.starts_with("cccapxa") {
        found.push(Category::CongChuc);
    }
    if c.contains("vienchuc") || c == "vc" {
        found.push(Category::VienChuc);
    }
    if c.contains("hopdong")
        || c == "hd"
        || c.starts_with("hd68")
        || c.starts_with("hdld")
        || c == "hd111"
    {
        found.push(Category::HopDong);
    }
    match found.as_slice() {
        [one] => Some(CategoryCell {
            category: *one,
            commune,
        }),
        _ => None,
    }
}

/// The category a section heading names: its text, after a section label
/// ("I.", "A)", "1 -", "PHẦN III:"), must begin with a category's words
/// ("CÁN BỘ", "Công chức chuyên môn", "Người hoạt động không chuyên trách",
/// "Hợp đồng"), so that a person named "Nguyễn Công Chúc" is no heading.
#[must_use]
pub fn heading_category(text: &str) -> Option<CategoryCell> {
    let rest = crate::text::without_section_label(text);
    let f = format!("{} ", fold(rest).replace(['.', ':', ',', '-'], " "));
    let starts = [
        "can bo ",
        "cong chuc ",
        "vien chuc ",
        "hop dong ",
        "nguoi hoat dong ",
        "nguoi hdkct ",
        "hdkct ",
        "khong chuyen trach ",
        "lao dong hop dong ",
        "nhan vien hop dong ",
        "cb ",
        "cc ",
        "vc ",
        "hd ",
    ];
    if !starts.iter().any(|p| f.starts_with(p)) {
        return None;
    }
    parse_category(rest)
}
