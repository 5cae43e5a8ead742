//! The columns a position catalogue names, in its own layout and in the
//! layouts provinces approve (công chức: "STT | Tên vị trí việc làm | Ngạch
//! công chức tương ứng | Số lượng … | Ghi chú"; viên chức, Decree 232/2026:
//! "TT | Tên vị trí việc làm | Bậc nghề nghiệp sử dụng | Ghi chú").

use crate::layout::Columns;
use crate::text::fold;

/// What a catalogue column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Col {
    RowNumber,
    Agency,
    Code,
    Name,
    Kind,
    Grades,
    /// Professional levels used (bậc nghề nghiệp, viên chức).
    Levels,
    MinEducation,
    Fields,
    PoliticalTheory,
    StateManagement,
    Other,
    Headcount,
    Aliases,
    Note,
}

/// Catalogue columns: key, accepted folded headers (without any part in
/// brackets: "Số lượng (người)" is "so luong").
const HEADERS: &[(Col, &[&str])] = &[
    (
        Col::Agency,
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
        Col::Code,
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
        Col::Name,
        &[
            "ten vi tri viec lam",
            "vi tri viec lam",
            "ten vi tri",
            "ten vtvl",
            "vtvl",
            "name",
            "position",
            "danh muc vi tri viec lam",
            "vi tri viec lam vtvl",
        ],
    ),
    (
        Col::Kind,
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
        Col::Grades,
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
            "ngach cong chuc",
            "ngach vien chuc",
            "ngach vien chuc tuong ung",
            "ngach cong chuc vien chuc tuong ung",
            "hang chuc danh nghe nghiep",
            "chuc danh nghe nghiep vien chuc",
            "ngach chuc danh",
        ],
    ),
    (
        Col::MinEducation,
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
        Col::Fields,
        &[
            "chuyen nganh",
            "chuyen nganh dao tao",
            "nganh dao tao",
            "fields",
            "fields of study",
        ],
    ),
    (
        Col::PoliticalTheory,
        &[
            "ly luan chinh tri",
            "llct",
            "trinh do ly luan chinh tri",
            "min political theory",
            "min_political_theory",
        ],
    ),
    (
        Col::StateManagement,
        &[
            "quan ly nha nuoc",
            "qlnn",
            "trinh do quan ly nha nuoc",
            "min state management",
            "min_state_management",
        ],
    ),
    (
        Col::Other,
        &[
            "yeu cau khac",
            "tieu chuan khac",
            "other",
            "other requirements",
        ],
    ),
    (
        Col::Headcount,
        &[
            "bien che",
            "so luong",
            "so luong duoc giao",
            "bien che duoc giao",
            "chi tieu bien che",
            "so nguoi",
            "so luong nguoi lam viec",
            "headcount",
            "so luong cong chuc",
            "so luong cong chuc can bo tri",
            "so cong chuc can bo tri",
            "so luong vien chuc",
            "so luong vien chuc can bo tri",
            "so luong nguoi",
            "so bien che",
            "so luong bien che",
            "so luong bien che duoc giao",
            "so nguoi lam viec",
            "so luong nguoi lam viec can bo tri",
            "so luong can bo tri",
        ],
    ),
    (
        Col::Aliases,
        &[
            "ten goi khac",
            "chuc danh tuong ung",
            "chuc vu tuong ung",
            "aliases",
        ],
    ),
    (
        Col::Levels,
        &[
            "bac nghe nghiep su dung",
            "bac nghe nghiep",
            "bac nghe nghiep vien chuc",
        ],
    ),
    (Col::RowNumber, &["stt", "tt", "so tt", "so thu tu"]),
    (Col::Note, &["ghi chu", "note", "notes"]),
];

/// The catalogue's column vocabulary: a header names the position and at
/// least one more column.
pub(super) struct CatalogueColumns;

impl Columns for CatalogueColumns {
    type Key = Col;

    fn key(&self, header: &str) -> Option<Col> {
        let first = header.split(['(', '[']).next().unwrap_or(header);
        [fold(first), fold(header)]
            .iter()
            .find_map(|h| crate::layout::key_of(HEADERS, h))
    }

    fn score(&self, keys: &[Col]) -> usize {
        if keys.contains(&Col::Name) {
            crate::layout::distinct_keys(keys, Col::RowNumber)
        } else {
            0
        }
    }

    fn anchor(&self) -> Option<Col> {
        Some(Col::Name)
    }
}
