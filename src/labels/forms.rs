//! The statistical forms' fixed texts around the form's own labels (which
//! come from the form file): header lines, notes, the reconciliation and the
//! checks, in both languages.

use super::Lang;

/// Fixed texts of a form sheet.
#[derive(Debug)]
pub struct FormLabels {
    pub form_number: &'static str,
    pub reporting_unit: &'static str,
    pub receiving_unit: &'static str,
    pub deadline: &'static str,
    pub count_unit: &'static str,
    pub number: &'static str,
    pub unit_name: &'static str,
    pub criterion: &'static str,
    pub total: &'static str,
    pub notes: &'static str,
    pub best_reading: &'static str,
    pub empty: &'static str,
}

/// Vietnamese.
pub static VI_FORMS: FormLabels = FormLabels {
    form_number: "Biểu số:",
    reporting_unit: "Đơn vị báo cáo:",
    receiving_unit: "Đơn vị nhận báo cáo:",
    deadline: "Thời hạn nhận báo cáo:",
    count_unit: "Đơn vị tính: người",
    number: "STT",
    unit_name: "Tên đơn vị",
    criterion: "Tiêu chí",
    total: "Tổng số",
    notes: "Ghi chú:",
    best_reading: "Cột, dòng đánh dấu * đếm theo cách đọc tốt nhất của các nguồn tìm được (chưa có văn bản hướng dẫn gốc).",
    empty: "Không có người nào trong danh sách thuộc diện của biểu này.",
};

/// English.
pub static EN_FORMS: FormLabels = FormLabels {
    form_number: "Form:",
    reporting_unit: "Reporting unit:",
    receiving_unit: "Receiving unit:",
    deadline: "Due:",
    count_unit: "Unit: people",
    number: "No.",
    unit_name: "Unit",
    criterion: "Criterion",
    total: "Total",
    notes: "Notes:",
    best_reading: "Columns or rows marked * are counted by the best reading of the sources found (no official instructions found).",
    empty: "No one in the rosters is in this form's population.",
};

/// The fixed texts.
#[must_use]
pub fn forms(lang: Lang) -> &'static FormLabels {
    match lang {
        Lang::Vi => &VI_FORMS,
        Lang::En => &EN_FORMS,
    }
}

/// "Tính đến ngày 31 tháng 12 năm 2013".
#[must_use]
pub fn as_of_line(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Vi => format!(
            "Tính đến ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        ),
        Lang::En => format!("As of {}", d.format("%d/%m/%Y")),
    }
}

/// A field the forms may ask for, named.
#[must_use]
pub fn form_field(lang: Lang, key: &str) -> &'static str {
    let vi = match key {
        "religion" => ("tôn giáo", "religion"),
        "ethnic_language" => ("chứng chỉ tiếng dân tộc", "ethnic-language certificate"),
        "general_education" => ("học vấn phổ thông", "general education"),
        "rotated" => ("luân chuyển từ cấp huyện", "rotation from district level"),
        "contract_decree_68" => ("loại hợp đồng (Nghị định 68)", "contract type (Decree 68)"),
        "academic_title" => ("chức danh khoa học", "academic title"),
        "salary" => ("lương, phụ cấp", "salary and allowances"),
        "time_in_post" => ("thời gian giữ ngạch, chức vụ", "time in the grade or post"),
        "quota" => (
            "biên chế được giao (cột Biên chế được giao của danh sách đơn vị)",
            "approved staffing (the approved-staffing column of the list of units)",
        ),
        "it" => ("tin học", "IT skill"),
        "english" => ("ngoại ngữ (tiếng Anh)", "foreign language (English)"),
        "other_language" => ("ngoại ngữ (tiếng khác)", "foreign language (other)"),
        "minority" => ("dân tộc", "ethnicity"),
        "party" => ("đảng viên", "party membership"),
        "female" => ("giới tính", "gender"),
        "age" => ("ngày sinh", "birth date"),
        "past_retirement" => ("ngày sinh, giới tính", "birth date and gender"),
        "grade_rank" => ("ngạch", "grade"),
        "title_class" => ("hạng chức danh nghề nghiệp", "professional title class"),
        "education" => ("trình độ chuyên môn", "education"),
        "political_theory" => ("lý luận chính trị", "political theory"),
        "state_management" => ("quản lý nhà nước", "state management"),
        _ => ("", ""),
    };
    match lang {
        Lang::Vi => vi.0,
        Lang::En => vi.1,
    }
}

/// The note for a column (a criteria form's row) left blank.
#[must_use]
pub fn blank_note(
    lang: Lang,
    rows: bool,
    number: &str,
    label: &str,
    field: &str,
    no_data: bool,
) -> String {
    let f = form_field(lang, field);
    let w = words(lang, rows).capital;
    match (lang, no_data) {
        (Lang::Vi, false) => {
            format!("{w} {number} \"{label}\": danh sách không có thông tin {f}; để trống.")
        }
        (Lang::Vi, true) => format!(
            "{w} {number} \"{label}\": không người nào trong danh sách có thông tin {f}; để trống."
        ),
        (Lang::En, false) => {
            format!("{w} {number} \"{label}\": the rosters hold no {f}; left blank.")
        }
        (Lang::En, true) => {
            format!("{w} {number} \"{label}\": no one in the rosters has {f} recorded; left blank.")
        }
    }
}

/// People with posts in several units.
#[must_use]
pub fn several_units_note(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "{n} người giữ chức vụ ở hơn một đơn vị, được tính ở mỗi đơn vị (các dòng cộng lại như biểu mẫu)."
        ),
        Lang::En => format!(
            "{} more than one unit: counted in each (rows add up as the form does).",
            en_people(n, "holds posts in", "hold posts in")
        ),
    }
}

/// Roster rows set aside (listed with their reason in the data issues).
#[must_use]
pub fn set_aside_note(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "{n} dòng của danh sách bị để riêng (thiếu họ tên hoặc đơn vị, trùng lặp…; lý do ở trang Lỗi dữ liệu): không được tính trong biểu."
        ),
        Lang::En => format!(
            "{n} roster row{} set aside (no name or unit, duplicates…; reasons on the Data issues sheet): not counted in the form.",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// People in units no block of a criteria form takes.
#[must_use]
pub fn outside_blocks_note(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "{n} người thuộc diện của biểu làm việc ở đơn vị không thuộc khối (cột) nào của biểu: không tính vào biểu."
        ),
        Lang::En => format!(
            "{} units no block (column) of the form takes: not counted in the form.",
            en_people(
                n,
                "of the form's population works in",
                "of the form's population work in"
            )
        ),
    }
}

/// People in units more than one block of a criteria form takes.
#[must_use]
pub fn several_blocks_note(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "{n} người làm việc ở đơn vị thuộc hơn một khối (cột) của biểu: được tính ở mỗi khối, nên cột tổng cộng các khối đó tính họ hơn một lần."
        ),
        Lang::En => format!(
            "{} units more than one block (column) of the form takes: counted in each, so a column adding those blocks counts them more than once.",
            en_people(n, "works in", "work in")
        ),
    }
}

/// The form applies up to a date.
#[must_use]
pub fn out_of_period_note(lang: Lang, until: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Biểu này áp dụng cho số liệu đến ngày {until}; ngày báo cáo sau ngày này.")
        }
        Lang::En => format!("This form applies to data up to {until}; the as-of date is later."),
    }
}

/// "1 person has", "2 people have".
fn en_people(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 person {one}")
    } else {
        format!("{n} people {many}")
    }
}

/// `w` followed by `numbers`: "cột 22, 23"; in English a plural for more
/// than one ("columns 22, 23").
fn numbered(lang: Lang, w: &str, numbers: &[String]) -> String {
    let s = if lang == Lang::En && numbers.len() > 1 {
        "s"
    } else {
        ""
    };
    format!("{w}{s} {}", numbers.join(", "))
}

/// The words a note uses for the parts of a form: its criteria ("cột", or
/// "dòng" in a criteria form, whose criteria are rows), the same
/// capitalised, what a cell counts (a unit's people, or a block's), and
/// the lines a sum is checked on (unit rows, or block columns).
struct Words {
    criterion: &'static str,
    capital: &'static str,
    part: &'static str,
    lines: &'static str,
}

fn words(lang: Lang, rows: bool) -> Words {
    let (criterion, capital, part, lines) = match (lang, rows) {
        (Lang::Vi, false) => ("cột", "Cột", "đơn vị", "dòng"),
        (Lang::Vi, true) => ("dòng", "Dòng", "khối", "cột"),
        (Lang::En, false) => ("column", "Column", "unit", "rows"),
        (Lang::En, true) => ("row", "Row", "block", "columns"),
    };
    Words {
        criterion,
        capital,
        part,
        lines,
    }
}

/// A reconciliation line: the group's columns (rows of a criteria form, in
/// one block column), the total they split, the unknown, the rest, and the
/// group's columns left blank, whose people are in the rest.
#[must_use]
pub fn reconcile_line(
    lang: Lang,
    rows: bool,
    label: &str,
    span: (&str, &str, &str, Option<&str>),
    figures: (u64, u64, u64, i64),
    blank: &[String],
) -> String {
    let (first, last, of, block) = span;
    let (total, counted, unknown, rest) = figures;
    let w = words(lang, rows).criterion;
    let blanks = numbered(lang, w, blank);
    let blank = blank.join(", ");
    match lang {
        Lang::Vi => {
            let block = block.map_or(String::new(), |b| format!(", cột {b}"));
            let (with, none) = if blank.is_empty() {
                (String::new(), format!("không thuộc {w} nào"))
            } else {
                (
                    format!(" ở các {w} có số liệu"),
                    format!("không thuộc {w} nào có số liệu ({blanks} để trống)"),
                )
            };
            format!(
                "{label} ({w} {first}–{last}){block}: {counted} người được tính{with} trong {total} ({w} {of}); {unknown} chưa rõ; {rest} {none}."
            )
        }
        Lang::En => {
            let block = block.map_or(String::new(), |b| format!(", column {b}"));
            let none = if blank.is_empty() {
                format!("in no {w}")
            } else {
                format!("in no {w} with figures ({blanks} left blank)")
            };
            format!(
                "{label} ({w}s {first}–{last}){block}: {counted} counted of {total} ({w} {of}); {unknown} unknown; {rest} {none}."
            )
        }
    }
}

/// People whose value of a field is not known, whom the columns testing it
/// do not count.
#[must_use]
pub fn unknown_note(
    lang: Lang,
    rows: bool,
    numbers: &[String],
    field: &str,
    people: u64,
) -> String {
    let (w, f) = (words(lang, rows), form_field(lang, field));
    let (numbers, part) = (numbered(lang, w.criterion, numbers), w.part);
    match lang {
        Lang::Vi => {
            format!(
                "{people} người chưa có thông tin {f}: không được tính ở {numbers}; ô của {part} không ai có thông tin này để trống."
            )
        }
        Lang::En => format!(
            "{} no {f} recorded: not counted in {numbers}; left blank for a {part} where no one has it.",
            en_people(people, "has", "have")
        ),
    }
}

/// A sum the form implies that met blank cells: not checked on `skipped`
/// of `of` rows (all, or some).
#[must_use]
pub fn unchecked_line(
    lang: Lang,
    rows: bool,
    check: &str,
    blank: &[String],
    (skipped, of): (u64, u64),
) -> String {
    let w = words(lang, rows);
    let (blank, lines) = (numbered(lang, w.criterion, blank), w.lines);
    match (lang, skipped == of) {
        (Lang::Vi, true) => {
            format!("Không kiểm tra được \"{check}\": {blank} để trống.")
        }
        (Lang::Vi, false) => format!(
            "Kiểm tra \"{check}\": không kiểm tra được ở {skipped} trong {of} {lines} có ô để trống ({blank})."
        ),
        (Lang::En, true) => format!("\"{check}\" could not be checked: {blank} left blank."),
        (Lang::En, false) => format!(
            "\"{check}\" could not be checked in {skipped} of {of} {lines} with a blank cell ({blank})."
        ),
    }
}

/// A failed check.
#[must_use]
pub fn mismatch_line(lang: Lang, check: &str, at: &str, left: u64, right: i64) -> String {
    match lang {
        Lang::Vi => format!("Kiểm tra \"{check}\" không đúng tại {at}: {left} so với {right}."),
        Lang::En => format!("Check \"{check}\" fails at {at}: {left} against {right}."),
    }
}

/// One form's line in the terminal.
#[must_use]
pub fn form_summary(lang: Lang, code: &str, rows: usize, blank: usize, failed: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "{code}: {rows} dòng; {blank} cột để trống (không có dữ liệu); {failed} kiểm tra không đúng"
        ),
        Lang::En => format!(
            "{code}: {rows} rows; {blank} columns left blank (no data); {failed} checks failed"
        ),
    }
}

/// All checks hold.
#[must_use]
pub fn checks_hold(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã kiểm tra {n} quan hệ cộng giữa các cột của biểu: đều đúng."),
        Lang::En => format!("{n} sums the form implies were checked: all hold."),
    }
}
