//! Data issues in an officer's words: what was found and what was done.

mod problem;

pub use problem::problem;

#[allow(clippy::wildcard_imports)]
use super::*;

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
        (Lang::Vi, Action::Skipped) => "Bỏ qua (không đọc)",
        (Lang::Vi, Action::NotRead) => {
            "Không đọc dòng này (nằm dưới phần chữ ký): sửa tệp nếu là vị trí việc làm"
        }
        (Lang::Vi, Action::NotPlaced) => "Chưa bố trí vào vị trí việc làm (không tự sửa)",
        (Lang::Vi, Action::NotAnalysed) => "Không phải cán bộ: đếm, không phân tích",
        (Lang::En, Action::NotAnalysed) => "Not staff: counted, not analysed",
        (Lang::En, Action::NotPlaced) => "Not placed in a position (nothing changed)",
        (Lang::En, Action::SetAside) => "Row set aside, not analysed",
        (Lang::En, Action::CountedUnknown) => {
            "Counted as unknown (in the population, never as qualified)"
        }
        (Lang::En, Action::Ignored) => "Value ignored, row analysed",
        (Lang::En, Action::Kept) => "Kept as given",
        (Lang::En, Action::ReadAsShown) => "Read as described",
        (Lang::En, Action::Merged) => "Counted as one person",
        (Lang::En, Action::Converted) => "Converted",
        (Lang::En, Action::Skipped) => "Skipped (not read)",
        (Lang::En, Action::NotRead) => {
            "Row not read (below the signature): fix the file if it is a position"
        }
        (Lang::Vi, Action::NoCategory) => {
            "Giữ dòng, chưa rõ loại: có trong số người, không thuộc đối tượng chỉ tiêu nào"
        }
        (Lang::En, Action::NoCategory) => {
            "Row kept, category unknown: among the staff, in no target's population"
        }
        (Lang::Vi, Action::Inferred) => "Suy ra, ghi chú để kiểm tra",
        (Lang::En, Action::Inferred) => "Inferred; noted for checking",
        (Lang::Vi, Action::ToConfirm) => "Tính là hai người; cần xác nhận có phải một người không",
        (Lang::En, Action::ToConfirm) => "Counted as two people; confirm whether they are one",
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
        Problem::NationalIdsDiffer { .. } => if vi {
            "Cùng mã, cùng họ tên nhưng khác số định danh, cần xác nhận"
        } else {
            "Same id and name, different national ids, to confirm"
        }
        .into(),
        Problem::PersonRowsDisagree { .. } => if vi {
            "Một người, các dòng ghi khác nhau"
        } else {
            "One person, rows recorded differently"
        }
        .into(),
        Problem::PossibleConcurrent { .. } => if vi {
            "Có thể kiêm nhiệm (trùng họ tên, ngày sinh), cần xác nhận"
        } else {
            "Possible concurrent posts (same name and birth date), to confirm"
        }
        .into(),
        Problem::CataloguePositionRepeated { .. } => if vi {
            "Danh mục vị trí: dòng lặp lại y hệt"
        } else {
            "Position catalogue: row repeated exactly"
        }
        .into(),
        Problem::CourseInProgressNoEnd { .. } => if vi {
            "Đang học: thiếu ngày dự kiến tốt nghiệp"
        } else {
            "Course in progress without an end date"
        }
        .into(),
        Problem::TwoDigitYear { field: f, .. } => {
            if vi {
                format!("{}: năm ghi hai chữ số", field(lang, *f))
            } else {
                format!("{}: two-digit year", field(lang, *f))
            }
        }
        Problem::StrayQuote { .. } => if vi {
            "Dấu ngoặc kép không đóng trong tệp CSV"
        } else {
            "Unclosed quote in a CSV file"
        }
        .into(),
        other => problem(lang, other),
    }
}

/// The header of the data issues' severity column.
#[must_use]
pub fn severity_header(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Mức độ",
        Lang::En => "Severity",
    }
}

/// A data issue's severity: something for the unit to do, or a note.
#[must_use]
pub fn severity(lang: Lang, needs_action: bool) -> &'static str {
    match (lang, needs_action) {
        (Lang::Vi, true) => "Cần xử lý",
        (Lang::Vi, false) => "Ghi chú",
        (Lang::En, true) => "Needs action",
        (Lang::En, false) => "Note",
    }
}
