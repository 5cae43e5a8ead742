//! Every word the user sees, in Vietnamese (default) and English.
//!
//! Nothing else in the crate holds user-facing Vietnamese text; header names
//! the tool *accepts* live with their fields in [`crate::schema`], and input
//! spellings it understands are folded ASCII keys in [`crate::scales`].

use crate::issues::{Action, Problem};
use crate::legacy::Encoding;
use crate::scales::{Category, Education, GovLevel};
use crate::schema::Field;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Vietnamese.
    #[default]
    Vi,
    /// English.
    En,
}

/// Fixed texts.
#[derive(Debug)]
pub struct Labels {
    pub files_read: &'static str,
    pub sheets_read: &'static str,
    pub sheets_skipped: &'static str,
    pub rows_read: &'static str,
    pub analysed: &'static str,
    pub set_aside: &'static str,
    pub non_staff: &'static str,
    pub blank: &'static str,
    pub footer: &'static str,
    pub totals: &'static str,
    pub headings: &'static str,
    pub people: &'static str,
    pub postings: &'static str,
    pub concurrent: &'static str,
    pub data_issues: &'static str,
    pub notes: &'static str,
    pub frequent_problems: &'static str,
    pub by_group: &'static str,
    pub group: &'static str,
    pub total: &'static str,
    pub unknown: &'static str,
    pub commune_suffix: &'static str,
    pub no_level: &'static str,
    pub issues_written: &'static str,
    pub col_file: &'static str,
    pub col_sheet: &'static str,
    pub col_row: &'static str,
    pub col_column: &'static str,
    pub col_value: &'static str,
    pub col_problem: &'static str,
    pub col_action: &'static str,
    pub sheet_issues: &'static str,
}

/// Vietnamese.
pub static VI: Labels = Labels {
    files_read: "Tệp đã đọc",
    sheets_read: "Trang tính đã đọc",
    sheets_skipped: "trang bỏ qua (không có dòng tiêu đề danh sách)",
    rows_read: "Số dòng đọc",
    analysed: "phân tích",
    set_aside: "để riêng",
    non_staff: "không phải cán bộ",
    blank: "trống",
    footer: "chân trang",
    totals: "dòng tổng",
    headings: "tiêu đề mục",
    people: "Số người",
    postings: "vị trí công tác",
    concurrent: "kiêm nhiệm",
    data_issues: "Vấn đề dữ liệu",
    notes: "ghi chú",
    frequent_problems: "Vấn đề thường gặp",
    by_group: "Nhân sự theo loại, cấp và trình độ chuyên môn",
    group: "Loại / cấp",
    total: "Tổng",
    unknown: "Không rõ",
    commune_suffix: " cấp xã",
    no_level: "cấp không rõ",
    issues_written: "Đã ghi danh sách vấn đề dữ liệu",
    col_file: "Tệp",
    col_sheet: "Trang tính",
    col_row: "Dòng",
    col_column: "Cột",
    col_value: "Giá trị",
    col_problem: "Vấn đề",
    col_action: "Xử lý",
    sheet_issues: "Lỗi dữ liệu",
};

/// English.
pub static EN: Labels = Labels {
    files_read: "Files read",
    sheets_read: "Sheets read",
    sheets_skipped: "sheet(s) skipped (no roster header)",
    rows_read: "Rows read",
    analysed: "analysed",
    set_aside: "set aside",
    non_staff: "non-staff",
    blank: "blank",
    footer: "footer",
    totals: "totals",
    headings: "headings",
    people: "People",
    postings: "postings",
    concurrent: "concurrent posts",
    data_issues: "Data issues",
    notes: "notes",
    frequent_problems: "Most frequent problems",
    by_group: "Staff by category, government level and education",
    group: "Category / level",
    total: "Total",
    unknown: "Unknown",
    commune_suffix: " (commune)",
    no_level: "level unknown",
    issues_written: "Data issues written to",
    col_file: "File",
    col_sheet: "Sheet",
    col_row: "Row",
    col_column: "Column",
    col_value: "Value",
    col_problem: "Problem",
    col_action: "Action",
    sheet_issues: "Data issues",
};

impl Labels {
    /// Every sheet name the tool writes.
    #[must_use]
    pub fn sheet_names(&self) -> Vec<&'static str> {
        vec![self.sheet_issues]
    }
}

/// The fixed texts of a language.
#[must_use]
pub fn get(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// An education level's name; `None` is unknown.
#[must_use]
pub fn education(lang: Lang, e: Option<Education>) -> &'static str {
    use Education::*;
    match (lang, e) {
        (Lang::Vi, Some(TienSi)) => "Tiến sĩ",
        (Lang::Vi, Some(ThacSi)) => "Thạc sĩ",
        (Lang::Vi, Some(DaiHoc)) => "Đại học",
        (Lang::Vi, Some(CaoDang)) => "Cao đẳng",
        (Lang::Vi, Some(TrungCap)) => "Trung cấp",
        (Lang::Vi, Some(SoCap)) => "Sơ cấp",
        (Lang::Vi, Some(ChuaQuaDaoTao)) => "Chưa qua đào tạo",
        (Lang::Vi, None) => "Không rõ",
        (Lang::En, Some(TienSi)) => "Doctorate",
        (Lang::En, Some(ThacSi)) => "Master's",
        (Lang::En, Some(DaiHoc)) => "University",
        (Lang::En, Some(CaoDang)) => "College",
        (Lang::En, Some(TrungCap)) => "Intermediate",
        (Lang::En, Some(SoCap)) => "Elementary",
        (Lang::En, Some(ChuaQuaDaoTao)) => "Untrained",
        (Lang::En, None) => "Unknown",
    }
}

/// A category's name.
#[must_use]
pub fn category(lang: Lang, c: Category) -> &'static str {
    use Category::*;
    match (lang, c) {
        (Lang::Vi, CanBo) => "Cán bộ",
        (Lang::Vi, CongChuc) => "Công chức",
        (Lang::Vi, VienChuc) => "Viên chức",
        (Lang::Vi, HopDong) => "Hợp đồng",
        (Lang::Vi, KhongChuyenTrach) => "Người hoạt động không chuyên trách",
        (Lang::En, CanBo) => "Cadre",
        (Lang::En, CongChuc) => "Civil servant",
        (Lang::En, VienChuc) => "Public employee",
        (Lang::En, HopDong) => "Contract worker",
        (Lang::En, KhongChuyenTrach) => "Non-specialised worker",
    }
}

/// A government level's name.
#[must_use]
pub fn gov_level(lang: Lang, g: Option<GovLevel>) -> &'static str {
    use GovLevel::*;
    match (lang, g) {
        (Lang::Vi, Some(Central)) => "Trung ương",
        (Lang::Vi, Some(Province)) => "Cấp tỉnh",
        (Lang::Vi, Some(District)) => "Cấp huyện",
        (Lang::Vi, Some(Commune)) => "Cấp xã",
        (Lang::Vi, None) => "Cấp không rõ",
        (Lang::En, Some(Central)) => "Central",
        (Lang::En, Some(Province)) => "Province",
        (Lang::En, Some(District)) => "District",
        (Lang::En, Some(Commune)) => "Commune",
        (Lang::En, None) => "Level unknown",
    }
}

/// A field's name as a header would say it.
#[must_use]
pub fn field(lang: Lang, f: Field) -> &'static str {
    match lang {
        // The first built-in alias is the Vietnamese header name.
        Lang::Vi => f.aliases().first().copied().unwrap_or(f.id()),
        Lang::En => f.id(),
    }
}

/// A problem, in words.
#[must_use]
pub fn problem(lang: Lang, p: &Problem) -> String {
    let vi = lang == Lang::Vi;
    match p {
        Problem::Missing(f) => {
            if vi {
                format!("Thiếu {}", field(lang, *f))
            } else {
                format!("Missing {}", f.id())
            }
        }
        Problem::Unreadable(f) => {
            if vi {
                format!("Không đọc được {}", field(lang, *f))
            } else {
                format!("Unreadable {}", f.id())
            }
        }
        Problem::GeneralEducationOnly => {
            if vi {
                "Ghi trình độ phổ thông (12/12) trong cột chuyên môn".into()
            } else {
                "General-education grade (12/12) in the professional education column".into()
            }
        }
        Problem::YearOnly(f) => {
            if vi {
                format!("{}: chỉ có năm", field(lang, *f))
            } else {
                format!("{}: year only", f.id())
            }
        }
        Problem::MonthOnly(f) => {
            if vi {
                format!("{}: chỉ có tháng và năm", field(lang, *f))
            } else {
                format!("{}: month and year only", f.id())
            }
        }
        Problem::MonthDaySwapped(f) => {
            if vi {
                format!(
                    "{}: tháng lớn hơn 12, đọc theo dạng tháng/ngày/năm",
                    field(lang, *f)
                )
            } else {
                format!("{}: month over 12, read as month/day/year", f.id())
            }
        }
        Problem::ImplausibleDate(f) => {
            if vi {
                format!(
                    "{}: không hợp lý (sau ngày báo cáo hoặc tuổi bất thường)",
                    field(lang, *f)
                )
            } else {
                format!(
                    "{}: implausible (after the as-of date or an unusual age)",
                    f.id()
                )
            }
        }
        Problem::NationalIdLength => {
            if vi {
                "Số định danh không đủ 12 (hoặc 9) chữ số — có thể mất số 0 đầu".into()
            } else {
                "National id is not 12 (or 9) digits — a leading zero may have been lost".into()
            }
        }
        Problem::Duplicate { first, row } => {
            if vi {
                format!("Trùng với dòng {row} ({first})")
            } else {
                format!("Duplicate of row {row} ({first})")
            }
        }
        Problem::Concurrent { posts } => {
            if vi {
                format!("Kiêm nhiệm: một người, {posts} vị trí")
            } else {
                format!("Concurrent posts: one person, {posts} postings")
            }
        }
        Problem::IdConflict { other, row } => {
            if vi {
                format!("Trùng mã với dòng {row} ({other}) nhưng khác họ tên")
            } else {
                format!("Same id as row {row} ({other}) with a different name")
            }
        }
        Problem::BelowFooter => {
            if vi {
                "Dòng có dữ liệu nằm dưới phần chữ ký".into()
            } else {
                "Staff data below the signature footer".into()
            }
        }
        Problem::Converted(e) => {
            let name = match e {
                Encoding::Tcvn3 => "TCVN3 (.VnTime)",
                Encoding::Vni => "VNI",
                Encoding::Unicode => "Unicode",
            };
            if vi {
                format!("Trang tính gõ bằng bảng mã {name}, đã chuyển sang Unicode")
            } else {
                format!("Sheet typed in {name}, converted to Unicode")
            }
        }
        Problem::NoHeader => {
            if vi {
                "Không có dòng tiêu đề danh sách (cần cột Họ và tên và ít nhất một cột khác)".into()
            } else {
                "No roster header (needs a full-name column and at least one other known column)"
                    .into()
            }
        }
        Problem::FieldConflict => {
            if vi {
                "Chuyên ngành ghi khác nhau ở hai cột".into()
            } else {
                "Field of study differs between two columns".into()
            }
        }
    }
}

/// What the tool did, in words.
#[must_use]
pub fn action(lang: Lang, a: Action) -> &'static str {
    match (lang, a) {
        (Lang::Vi, Action::SetAside) => "Để riêng dòng, không phân tích",
        (Lang::Vi, Action::CountedUnknown) => {
            "Tính là không rõ (có trong tổng số, không tính là đạt)"
        }
        (Lang::Vi, Action::Ignored) => "Bỏ qua giá trị, vẫn phân tích dòng",
        (Lang::Vi, Action::Kept) => "Giữ nguyên",
        (Lang::Vi, Action::ReadAsShown) => "Đọc như đã nêu",
        (Lang::Vi, Action::Merged) => "Tính là một người",
        (Lang::Vi, Action::Converted) => "Đã chuyển mã",
        (Lang::Vi, Action::Skipped) => "Bỏ qua trang tính",
        (Lang::En, Action::SetAside) => "Row set aside, not analysed",
        (Lang::En, Action::CountedUnknown) => {
            "Counted as unknown (in the population, never as qualified)"
        }
        (Lang::En, Action::Ignored) => "Value ignored, row analysed",
        (Lang::En, Action::Kept) => "Kept as given",
        (Lang::En, Action::ReadAsShown) => "Read as described",
        (Lang::En, Action::Merged) => "Counted as one person",
        (Lang::En, Action::Converted) => "Converted",
        (Lang::En, Action::Skipped) => "Sheet skipped",
    }
}

/// A problem's kind in words, without the details of one occurrence
/// (for counting problems by kind).
#[must_use]
pub fn problem_kind(lang: Lang, p: &Problem) -> String {
    let vi = lang == Lang::Vi;
    match p {
        Problem::Duplicate { .. } => if vi { "Dòng trùng" } else { "Duplicate rows" }.into(),
        Problem::Concurrent { .. } => if vi {
            "Kiêm nhiệm (một người, nhiều vị trí)"
        } else {
            "Concurrent posts (one person)"
        }
        .into(),
        Problem::IdConflict { .. } => if vi {
            "Trùng mã nhưng khác họ tên"
        } else {
            "Same id, different names"
        }
        .into(),
        other => problem(lang, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sheet names must fit Excel: at most 31 characters, none of `[]:*?/\`.
    #[test]
    fn sheet_names_fit_excel() {
        for l in [&VI, &EN] {
            for name in l.sheet_names() {
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}
