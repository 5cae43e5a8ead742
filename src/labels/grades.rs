//! The grade-structure table ("Cơ cấu ngạch"): the ladder's classes as the
//! statistical forms name them, in both languages.

use super::Lang;

/// Fixed texts of the grade-structure table.
#[derive(Debug)]
pub struct GradeLabels {
    /// The ladder's classes, top first ([`crate::vocab::grades::Rank::ALL`]).
    pub ranks: [&'static str; 5],
    /// All people of the agency.
    pub total: &'static str,
    /// A grade with no class on the ladder.
    pub other: &'static str,
    /// No grade given.
    pub none: &'static str,
    /// Placed in a catalogued position.
    pub placed: &'static str,
    /// Of them, with a grade the position accepts.
    pub placed_grade: &'static str,
    /// Sub-headers: a count and its share of the agency.
    pub count: &'static str,
    pub share: &'static str,
    /// The note column: the grades counted as "other".
    pub note: &'static str,
    /// Below the table: how shares and the classes are counted.
    pub footnote: &'static str,
}

/// Vietnamese (the classes as BM01/BNV and form 8B-BTCTW head them).
pub static VI_GRADES: GradeLabels = GradeLabels {
    ranks: [
        "Chuyên viên cao cấp và tương đương",
        "Chuyên viên chính và tương đương",
        "Chuyên viên và tương đương",
        "Cán sự và tương đương",
        "Nhân viên",
    ],
    total: "Tổng số",
    other: "Ngạch khác",
    none: "Chưa ghi ngạch",
    placed: "Đã bố trí vào vị trí việc làm",
    placed_grade: "Trong đó đúng ngạch",
    count: "Số người",
    share: "Tỷ lệ",
    note: "Ngạch khác gồm",
    footnote: "Mỗi người tính một lần trong một cơ quan (người kiêm nhiệm nhiều vị trí tính một lần; \
               trang Vị trí việc làm đếm theo vị trí). Tỷ lệ tính trên tổng số người của cơ quan. Ngạch xếp vào nhóm theo mã ngạch, \
               hoặc theo tên ngạch khi tên thuộc các ngạch hành chính và tương đương; \
               ngạch khác (chức danh nghề nghiệp viên chức, mã chưa biết) không suy đoán, được kê ở cột cuối.",
};

/// English.
pub static EN_GRADES: GradeLabels = GradeLabels {
    ranks: [
        "Senior specialist and equivalent",
        "Principal specialist and equivalent",
        "Specialist and equivalent",
        "Clerk and equivalent",
        "Staff",
    ],
    total: "Total",
    other: "Other grades",
    none: "No grade given",
    placed: "Placed in a job position",
    placed_grade: "Of which with a matching grade",
    count: "People",
    share: "Share",
    note: "Other grades",
    footnote: "Each person counts once per agency (a person holding several posts once; the \
               job-positions sheet counts posts). Shares are of the agency's people. Grades are classed by their code, or by \
               their name when it names an administrative grade or its equivalent; other \
               grades (public employees' titles, unknown codes) are not guessed and are \
               listed in the last column.",
};

/// The grade-structure texts of a language.
#[must_use]
pub fn grades(lang: Lang) -> &'static GradeLabels {
    match lang {
        Lang::Vi => &VI_GRADES,
        Lang::En => &EN_GRADES,
    }
}
