//! The sample words of generated rows, with their weights: names, kinds
//! of staff, education and scales, titles and units. Data, not interface
//! text.

pub(super) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Hà", "Nông", "Triệu", "Lục", "Ma", "Hứa",
];
pub(super) const MIDDLE_M: &[&str] = &[
    "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Công", "Trọng",
];
pub(super) const MIDDLE_F: &[&str] = &[
    "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim",
];
pub(super) const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong",
    "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
];
pub(super) const GIVEN_F: &[&str] = &[
    "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
    "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Tuyết", "Vân", "Yến",
];

/// Syllables that make a name longer: a second middle name ("Nguyễn Thị
/// Thanh Hương") or the first half of a two-syllable given name ("Minh
/// Anh"). With them the 2.5 M-row national roster has names as varied as a
/// real one's (803,717 distinct; those of the first 65,536 rows 78%
/// distinct), where the 22 × 10 × 20 bare combinations gave 7,920 and kept
/// every name lookup in the caches.
pub(super) const NAME_SYLLABLES: &[&str] = &[
    "Thanh", "Minh", "Ngọc", "Hoài", "Thu", "Kim", "Bảo", "Gia", "Quốc", "Đức", "Hồng", "Thùy",
    "Mỹ", "Phương", "Xuân", "Hải", "Anh", "Tuấn", "Khánh", "Diệu", "Bích", "Tường", "Như", "Quỳnh",
    "Hoàng", "Trung", "Công", "Hữu", "Đình", "Duy", "Mạnh", "Tiến", "Việt", "Huyền", "Thúy", "Lệ",
    "Tố", "Cẩm", "Ánh", "Vân",
];

/// The kinds of staff generated, drawn by [`KINDS`].
#[derive(Clone, Copy)]
pub(super) enum Kind {
    CanBo,
    CongChuc,
    /// A công chức of a province's department (sở).
    CongChucTinh,
    /// A công chức of a province's Party committee or mass organisation.
    DangTinh,
    Kct,
    VienChuc,
    HopDong,
}

pub(super) const KINDS: &[(Kind, u32)] = &[
    (Kind::VienChuc, 64),
    (Kind::CongChuc, 10),
    (Kind::CongChucTinh, 5),
    (Kind::DangTinh, 1),
    (Kind::CanBo, 8),
    (Kind::Kct, 7),
    (Kind::HopDong, 5),
];

pub(super) const EDUCATION: &[(&str, u32)] = &[
    ("Đại học", 30),
    ("ĐH Luật", 6),
    ("Cử nhân Kinh tế", 5),
    ("Đại học Sư phạm", 8),
    ("Thạc sĩ", 5),
    ("ThS", 1),
    ("Cao đẳng", 10),
    ("CĐ Sư phạm", 4),
    ("Trung cấp", 15),
    ("Trung cấp Kế toán", 4),
    ("TC", 2),
    ("Sơ cấp", 3),
    ("Chưa qua đào tạo", 2),
    ("Tiến sĩ", 1),
];
pub(super) const POLITICAL: &[(&str, u32)] =
    &[("", 50), ("Sơ cấp", 25), ("Trung cấp", 20), ("Cao cấp", 5)];
pub(super) const STATE_MGMT: &[(&str, u32)] = &[
    ("", 55),
    ("Chuyên viên", 30),
    ("Chuyên viên chính", 10),
    ("Cán sự", 5),
];
pub(super) const CB_TITLES: &[&str] = &[
    "Bí thư Đảng ủy",
    "Phó Bí thư Đảng ủy",
    "Chủ tịch HĐND",
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chủ tịch Ủy ban MTTQ",
    "Bí thư Đoàn TNCS HCM",
    "Chủ tịch Hội LHPN",
    "Chủ tịch Hội Nông dân",
    "Chủ tịch Hội CCB",
];
pub(super) const CC_TITLES: &[(&str, &str, &str)] = &[
    ("Văn phòng - thống kê", "Chuyên viên", "01.003"),
    ("Địa chính - xây dựng", "Chuyên viên", "01.003"),
    ("Tài chính - kế toán", "Kế toán viên trung cấp", "06.032"),
    ("Tư pháp - hộ tịch", "Chuyên viên", "01.003"),
    ("Văn hóa - xã hội", "Cán sự", "01.004"),
    ("Chỉ huy trưởng Quân sự", "Chuyên viên", "01.003"),
];
/// A province's departments (followed by "tỉnh X" / "thành phố X").
pub(super) const PROVINCE_DEPTS: &[&str] = &[
    "Văn phòng UBND",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Thanh tra",
];
/// A province's Party bodies ("{committee}" is Tỉnh ủy or Thành ủy) and
/// mass organisations ("{province}" its short name).
pub(super) const PROVINCE_PARTY: &[&str] = &[
    "Văn phòng {committee} {province}",
    "Ban Tổ chức {committee} {province}",
    "Ban Tuyên giáo và Dân vận {committee} {province}",
    "Ủy ban Kiểm tra {committee} {province}",
    "Ủy ban MTTQ Việt Nam {province}",
    "Hội Nông dân {province}",
    "Hội Liên hiệp Phụ nữ {province}",
];
/// Titles of province công chức, with their grade and its code (repeats
/// weight the draw).
pub(super) const PROVINCE_TITLES: &[(&str, &str, &str)] = &[
    ("Chuyên viên", "Chuyên viên", "01.003"),
    ("Chuyên viên", "Chuyên viên", "01.003"),
    ("Chuyên viên", "Chuyên viên", "01.003"),
    ("Chuyên viên", "Chuyên viên chính", "01.002"),
    ("Phó Trưởng phòng", "Chuyên viên chính", "01.002"),
    ("Trưởng phòng", "Chuyên viên chính", "01.002"),
    ("Phó Giám đốc", "Chuyên viên cao cấp", "01.001"),
    ("Cán sự", "Cán sự", "01.004"),
    ("Văn thư", "Nhân viên", "01.005"),
];
pub(super) const VC_UNITS: &[&str] = &[
    "Trường Mầm non",
    "Trường Tiểu học",
    "Trường THCS",
    "Trạm Y tế",
];
pub(super) const VC_TITLES: &[&str] = &[
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Y sĩ",
    "Điều dưỡng",
    "Kế toán",
    "Nhân viên",
];
