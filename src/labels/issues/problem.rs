//! Each problem in words: a table of texts, one arm per kind of problem.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A problem, in words.
#[must_use]
pub fn problem(lang: Lang, p: &Problem) -> String {
    let vi = lang == Lang::Vi;
    match p {
        Problem::Missing(f) => {
            if vi {
                format!("Thiếu {}", field(lang, *f))
            } else {
                format!("Missing {}", field(lang, *f).to_lowercase())
            }
        }
        Problem::Unreadable(f) => {
            if vi {
                format!("Không đọc được {}", field(lang, *f))
            } else {
                format!("Unreadable {}", field(lang, *f).to_lowercase())
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
                format!("{}: year only", field(lang, *f))
            }
        }
        Problem::MonthOnly(f) => {
            if vi {
                format!("{}: chỉ có tháng và năm", field(lang, *f))
            } else {
                format!("{}: month and year only", field(lang, *f))
            }
        }
        Problem::MonthDaySwapped(f) => {
            if vi {
                format!(
                    "{}: tháng lớn hơn 12, đọc theo dạng tháng/ngày/năm",
                    field(lang, *f)
                )
            } else {
                format!("{}: month over 12, read as month/day/year", field(lang, *f))
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
                    field(lang, *f)
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
        Problem::UnitNotInUnitsFile => {
            if vi {
                "Đơn vị có trong danh sách nhưng không có trong tệp đơn vị".into()
            } else {
                "Unit in the roster but not in the units file".into()
            }
        }
        Problem::ReachedTwice { first } => {
            if vi {
                format!("Cùng một tệp/thư mục đã đọc qua đường dẫn {first} (liên kết hoặc ghi hai lần): không đọc lại")
            } else {
                format!("The same file or folder was already read as {first} (a link, or given twice): not read again")
            }
        }
        Problem::NotAFile => if vi {
            "Tên tệp danh sách nhưng không phải tệp (liên kết hỏng, ống dẫn hoặc thiết bị): không đọc"
        } else {
            "A roster's name on something that is not a file (a broken link, a pipe or a device): not read"
        }
        .into(),
        Problem::HiddenFile => if vi {
            "Tệp ẩn hoặc tệp khóa của Excel (~$…) trong thư mục danh sách: không đọc; nếu là danh sách thật, đổi tên tệp"
        } else {
            "A hidden file or an Excel lock file (~$…) in the roster folder: not read; rename it if it is a real roster"
        }
        .into(),
        Problem::RepeatedRowNumber => if vi {
            "Số dòng này xuất hiện hai lần trong tệp (tệp hỏng hoặc bị sửa tay): đọc thành hai dòng riêng, cần kiểm tra"
        } else {
            "This row number appears twice in the file (damaged or hand-edited): read as two rows; check it"
        }
        .into(),
        Problem::OwnOutput => if vi {
            "Tệp do nhanluc tạo ra (báo cáo hoặc danh sách lỗi), không phải danh sách cán bộ: bỏ qua"
        } else {
            "A file nhanluc wrote (a report or an issues list), not a roster: skipped"
        }
        .into(),
        Problem::TooLongForExcel { chars } => {
            if vi {
                format!("Ô dài {chars} ký tự, quá giới hạn 32.767 ký tự của Excel: báo cáo chỉ ghi phần đầu")
            } else {
                format!("Cell of {chars} characters, over Excel's 32,767-character limit: the report shows its start")
            }
        }
        Problem::PastRetirementAge(date) => {
            let d = crate::dates::dmy(*date);
            if vi {
                format!("Đã quá tuổi nghỉ hưu, nghỉ từ sau ngày {d}")
            } else {
                format!("Past retirement age: last day of service {d}")
            }
        }
        Problem::UnitFrom(source) => {
            use crate::schema::UnitSource;
            match (vi, source) {
                (true, UnitSource::TitleBlock) => {
                    "Không có cột Đơn vị: đơn vị của cả trang tính lấy theo phần đầu văn bản (cơ quan ban hành hoặc tên trong tiêu đề)"
                }
                (true, UnitSource::SheetName) => {
                    "Không có cột Đơn vị: đơn vị của cả trang tính lấy theo tên trang tính"
                }
                (true, UnitSource::FileName) => {
                    "Không có cột Đơn vị: đơn vị của cả trang tính lấy theo tên tệp"
                }
                (false, UnitSource::TitleBlock) => {
                    "No unit column: the sheet's unit is read from its title block (the issuing body, or the unit named in the title)"
                }
                (false, UnitSource::SheetName) => {
                    "No unit column: the sheet's unit is its sheet name"
                }
                (false, UnitSource::FileName) => "No unit column: the sheet's unit is its file name",
            }
            .into()
        }
        Problem::CategoryFromHeading(c) => {
            if vi {
                format!(
                    "Tiêu đề mục: những người bên dưới (đến tiêu đề mục sau) là {}",
                    category(lang, *c)
                )
            } else {
                format!(
                    "Section heading: the people below it (to the next heading) are {}",
                    category(lang, *c)
                )
            }
        }
        Problem::CategoryFromTitle(c) => {
            if vi {
                format!(
                    "Không ghi loại: suy ra {} từ chức danh (danh mục chức danh cấp xã)",
                    category(lang, *c)
                )
            } else {
                format!(
                    "No category given: {} inferred from the title held (commune titles list)",
                    category(lang, *c)
                )
            }
        }
        Problem::UnitFromHeadings => {
            if vi {
                "Không có cột Đơn vị: đơn vị lấy theo dòng tiêu đề mục phía trên mỗi người".into()
            } else {
                "No unit column: each person's unit is the section heading above them".into()
            }
        }
        Problem::NotStaff(kind) => {
            use crate::schema::RowKind;
            match (vi, kind) {
                (true, RowKind::Total) => "Dòng tổng cộng".into(),
                (true, RowKind::Heading) => "Dòng tiêu đề mục".into(),
                (true, _) => "Phần chữ ký, ghi chú cuối bảng".into(),
                (false, RowKind::Total) => "Totals row".into(),
                (false, RowKind::Heading) => "Section heading".into(),
                (false, _) => "Signature footer or notes below the table".into(),
            }
        }
        Problem::CatalogueAgencyUnmatched { suggestions } => {
            let list = suggestions.join("; ");
            match (vi, suggestions.is_empty()) {
                (true, true) => "Cơ quan trong danh mục vị trí việc làm không khớp đơn vị nào trong danh sách: các vị trí của cơ quan này không được dùng".into(),
                (true, false) => format!("Cơ quan trong danh mục vị trí việc làm không khớp đơn vị nào trong danh sách (các vị trí của cơ quan này không được dùng); gần nhất: {list}"),
                (false, true) => "The catalogue's agency matches no unit of the rosters: its positions are not used".into(),
                (false, false) => format!("The catalogue's agency matches no unit of the rosters (its positions are not used); closest: {list}"),
            }
        }
        Problem::PositionUnmatched { suggestions } => {
            let list = suggestions.join("; ");
            match (vi, suggestions.is_empty()) {
                (true, true) => "Không khớp vị trí nào trong danh mục vị trí việc làm".into(),
                (true, false) => format!("Không khớp vị trí nào trong danh mục; gần nhất: {list}"),
                (false, true) => "Matches no position in the catalogue".into(),
                (false, false) => format!("Matches no position in the catalogue; closest: {list}"),
            }
        }
        Problem::FieldConflict => {
            if vi {
                "Chuyên ngành ghi khác nhau ở hai cột".into()
            } else {
                "Field of study differs between two columns".into()
            }
        }
        Problem::NationalIdsDiffer { other, row } => {
            if vi {
                format!("Cùng mã và họ tên với dòng {row} ({other}) nhưng khác số CCCD/CMND: tính là hai người, cần xác nhận")
            } else {
                format!("Same id and name as row {row} ({other}) but another national id: counted as two people, to confirm")
            }
        }
        Problem::PersonRowsDisagree { other, row, fields } => {
            let names = fields
                .iter()
                .map(|f| crate::labels::field(lang, *f))
                .collect::<Vec<_>>()
                .join(", ");
            if vi {
                format!("Cùng một người với dòng {row} ({other}) nhưng ghi khác về: {names} (cần thống nhất)")
            } else {
                format!("The same person as row {row} ({other}), recorded differently: {names} (to reconcile)")
            }
        }
        Problem::PossibleConcurrent { other, row } => {
            if vi {
                format!(
                    "Trùng họ tên và ngày sinh với dòng {row} ({other}) ở đơn vị khác cùng địa bàn: có thể là một người kiêm nhiệm, cần xác nhận"
                )
            } else {
                format!(
                    "Same name and birth date as row {row} ({other}) in another unit of the same locality: possibly one person holding both posts, to confirm"
                )
            }
        }
        Problem::CataloguePositionRepeated { first } => {
            if vi {
                format!("Danh mục vị trí: dòng lặp lại y hệt {first}; chỉ dùng một dòng")
            } else {
                format!("Position catalogue: row repeats {first} exactly; one is used")
            }
        }
        Problem::CourseInProgressNoEnd { level } => {
            if vi {
                format!(
                    "Đang học {}: trình độ hiện có là phần ghi ngoài \"đang học\"; cần bổ sung ngày dự kiến tốt nghiệp (đến khi có, khóa học không được tính)",
                    education(lang, Some(*level))
                )
            } else {
                format!(
                    "Studying for {}: the level held is what the cell says besides \"đang học\"; the expected end date is needed (until given, the course does not count)",
                    education(lang, Some(*level))
                )
            }
        }
        Problem::TwoDigitYear { field: f, year } => {
            if vi {
                format!("{}: năm ghi hai chữ số, đọc là năm {year}", field(lang, *f))
            } else {
                format!("{}: two-digit year, read as {year}", field(lang, *f))
            }
        }
        Problem::StrayQuote { opened } => {
            if vi {
                format!(
                    "Dấu ngoặc kép mở ở dòng {opened} chạy quá cuối dòng sang các dòng sau: \
                     mỗi dòng được đọc thành một dòng riêng, dấu ngoặc giữ như ký tự thường; cần kiểm tra"
                )
            } else {
                format!(
                    "A quote opened on row {opened} runs past the end of its line into the rows \
                     below: each line read as its own row, the quote kept as a character; check it"
                )
            }
        }
        Problem::InvalidBytes => {
            if vi {
                "Ô có ký tự hỏng (byte không hợp lệ trong bảng mã của tệp, hiện là \u{fffd}): cần sửa trong tệp"
                    .into()
            } else {
                "Cell has damaged characters (bytes invalid in the file's encoding, shown as \u{fffd}): fix them in the file"
                    .into()
            }
        }
    }
}
