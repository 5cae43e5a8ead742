//! The structure sheet's texts ("Cơ cấu đội ngũ"), in both languages.

use super::Lang;

/// Fixed texts of the structure sheet.
#[derive(Debug)]
pub struct StructureLabels {
    pub sheet: &'static str,
    pub title: &'static str,
    pub everyone: &'static str,
    pub shares: &'static str,
    pub people: &'static str,
    pub leaders: &'static str,
    pub overall: &'static str,
    /// Shares of women, ethnic minorities, party members.
    pub share_of: [&'static str; 3],
    /// The same among leaders.
    pub among_leaders: [&'static str; 3],
    pub ages: &'static str,
    /// ≤ 30, 31–40, 41–50, 51–60, over 60, unknown.
    pub age_bands: [&'static str; 6],
    pub men: &'static str,
    pub women: &'static str,
    pub education: &'static str,
    pub political_theory: &'static str,
    pub state_management: &'static str,
    pub grades: &'static str,
}

/// Vietnamese.
pub static VI_STRUCTURE: StructureLabels = StructureLabels {
    sheet: "Cơ cấu đội ngũ",
    title: "CƠ CẤU ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
    everyone: "Toàn bộ",
    shares: "Tỷ lệ nữ, dân tộc thiểu số, đảng viên",
    people: "Số người",
    leaders: "Lãnh đạo, quản lý",
    overall: "Toàn bộ",
    share_of: ["Nữ", "Dân tộc thiểu số", "Đảng viên"],
    among_leaders: [
        "Nữ trong lãnh đạo, quản lý",
        "Dân tộc thiểu số trong lãnh đạo, quản lý",
        "Đảng viên trong lãnh đạo, quản lý",
    ],
    ages: "Độ tuổi",
    age_bands: [
        "Từ 30 trở xuống",
        "Từ 31 đến 40",
        "Từ 41 đến 50",
        "Từ 51 đến 60",
        "Trên 60",
        "Chưa rõ ngày sinh",
    ],
    men: "Nam",
    women: "Nữ",
    education: "Trình độ chuyên môn",
    political_theory: "Lý luận chính trị",
    state_management: "Quản lý nhà nước",
    grades: "Ngạch",
};

/// English.
pub static EN_STRUCTURE: StructureLabels = StructureLabels {
    sheet: "Workforce structure",
    title: "STRUCTURE OF CADRES, CIVIL SERVANTS AND PUBLIC EMPLOYEES",
    everyone: "All",
    shares: "Shares of women, ethnic minorities, party members",
    people: "People",
    leaders: "Leaders, managers",
    overall: "All",
    share_of: ["Women", "Ethnic minorities", "Party members"],
    among_leaders: [
        "Women among leaders",
        "Ethnic minorities among leaders",
        "Party members among leaders",
    ],
    ages: "Age",
    age_bands: [
        "30 or under",
        "31 to 40",
        "41 to 50",
        "51 to 60",
        "Over 60",
        "Birth date unknown",
    ],
    men: "Men",
    women: "Women",
    education: "Professional education",
    political_theory: "Political theory",
    state_management: "State management",
    grades: "Grade",
};

/// The fixed texts.
#[must_use]
pub fn structure(lang: Lang) -> &'static StructureLabels {
    match lang {
        Lang::Vi => &VI_STRUCTURE,
        Lang::En => &EN_STRUCTURE,
    }
}

/// What the shares are taken over: the people of the whole roster whose
/// gender, ethnicity and party membership are known, of `people`.
#[must_use]
pub fn structure_shares_note(lang: Lang, known: [u64; 3], people: u64) -> String {
    let [g, e, p] = known;
    match lang {
        Lang::Vi => format!(
            "Tỷ lệ nữ, dân tộc thiểu số, đảng viên tính trên số người có thông tin; cột Toàn bộ: giới tính {g}, dân tộc {e}, đảng viên {p} trong {people} người."
        ),
        Lang::En => format!(
            "Shares of women, ethnic minorities and party members are of the people whose value is known; column All: gender {g}, ethnicity {e}, party membership {p} of {people} people."
        ),
    }
}

/// People counted in "Toàn bộ" but in no category's column.
#[must_use]
pub fn structure_no_category_note(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Vi => {
            format!("Cột Toàn bộ gồm cả {n} người chưa rõ loại (không thuộc cột loại nào).")
        }
        Lang::En => {
            format!("Column All includes {n} people of unknown category (in no category's column).")
        }
    }
}
