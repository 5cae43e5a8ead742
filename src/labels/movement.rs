//! The movement table's texts (last year's rosters against this year's), in
//! both languages.

use chrono::NaiveDate;

use crate::dates::dmy;

use super::Lang;

/// Fixed texts of the movement sheets.
#[derive(Debug)]
pub struct MovementLabels {
    pub sheet: &'static str,
    pub list_sheet: &'static str,
    pub code: &'static str,
    pub basis: &'static str,
    pub title: &'static str,
    pub list_title: &'static str,
    /// Column labels: opening, increase group, total, hired, transferred
    /// in, from another category, decrease group, total, retired,
    /// transferred out, left, to another category, closing, gains group,
    /// education, political theory, state management.
    pub opening: &'static str,
    pub increase: &'static str,
    pub total: &'static str,
    pub hired: &'static str,
    pub transfer_in: &'static str,
    pub category_in: &'static str,
    pub decrease: &'static str,
    pub retired: &'static str,
    pub transfer_out: &'static str,
    pub left: &'static str,
    pub category_out: &'static str,
    /// A concurrent post (kiêm nhiệm), new; ended.
    pub concurrent_new: &'static str,
    pub concurrent_ended: &'static str,
    /// A parent unit's own staff, under its row (`{unit}` is its name).
    pub own_staff: &'static str,
    pub closing: &'static str,
    pub gains: &'static str,
    pub education: &'static str,
    pub political_theory: &'static str,
    pub state_management: &'static str,
    pub unplaced: &'static str,
    pub footer: [[&'static str; 2]; 2],
    /// List columns.
    pub list_columns: [&'static str; 9],
    /// Change kinds: hired, retired, left, transfer, category change, new
    /// concurrent post, concurrent post ended, gained.
    pub kinds: [&'static str; 8],
    /// Matching methods: staff id, national id, name and birth date.
    pub methods: [&'static str; 3],
    /// Not matched because a key found several people: staff id, national
    /// id, name and birth date.
    pub ties: [&'static str; 3],
    /// Before a retiree's last day of service.
    pub last_day: &'static str,
}

/// Vietnamese.
pub static VI_MOVEMENT: MovementLabels = MovementLabels {
    sheet: "Biến động",
    list_sheet: "Biến động - danh sách",
    code: "BĐ",
    basis: "Theo dạng Biểu 8c-BTCTW: số đầu kỳ + tăng − giảm = số cuối kỳ",
    title: "BIẾN ĐỘNG SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM {year}",
    list_title: "DANH SÁCH NGƯỜI CÓ BIẾN ĐỘNG NĂM {year}",
    opening: "Số đầu kỳ (cuối kỳ trước chuyển sang)",
    increase: "Tăng trong kỳ",
    total: "Tổng số",
    hired: "Tuyển dụng, tiếp nhận mới",
    transfer_in: "Chuyển đến từ đơn vị khác",
    category_in: "Chuyển từ loại khác sang",
    decrease: "Giảm trong kỳ",
    retired: "Nghỉ hưu",
    transfer_out: "Chuyển đi đơn vị khác",
    left: "Thôi việc, giảm khác",
    category_out: "Chuyển sang loại khác",
    concurrent_new: "Kiêm nhiệm mới",
    concurrent_ended: "Thôi kiêm nhiệm",
    own_staff: "{unit}, không kể đơn vị trực thuộc",
    closing: "Số cuối kỳ",
    gains: "Nâng trình độ (người ở lại)",
    education: "Chuyên môn",
    political_theory: "Lý luận chính trị",
    state_management: "Quản lý nhà nước",
    unplaced: "Đơn vị năm trước không có trong danh sách năm nay",
    footer: [
        ["NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ và tên)"],
        ["THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu, ghi rõ họ và tên)"],
    ],
    list_columns: [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Loại",
        "Biến động",
        "Đơn vị năm trước",
        "Đơn vị năm nay",
        "Chi tiết",
        "Ghép hai năm theo",
    ],
    kinds: [
        "Tuyển dụng, tiếp nhận mới",
        "Nghỉ hưu",
        "Thôi việc, giảm khác",
        "Chuyển đơn vị",
        "Chuyển loại",
        "Kiêm nhiệm mới",
        "Thôi kiêm nhiệm",
        "Nâng trình độ",
    ],
    methods: [
        "Mã cán bộ",
        "Số CCCD/CMND",
        "Họ tên và ngày sinh (cần xác minh)",
    ],
    ties: [
        "Không ghép được: trùng mã cán bộ, cần xác minh",
        "Không ghép được: trùng số CCCD/CMND, cần xác minh",
        "Không ghép được: trùng họ tên và ngày sinh, cần xác minh",
    ],
    last_day: "Ngày cuối cùng công tác:",
};

/// English.
pub static EN_MOVEMENT: MovementLabels = MovementLabels {
    sheet: "Movement",
    list_sheet: "Movement - people",
    code: "MV",
    basis: "In the shape of form 8c-BTCTW: opening + in − out = closing",
    title: "MOVEMENT OF CADRES, CIVIL SERVANTS AND PUBLIC EMPLOYEES IN {year}",
    list_title: "PEOPLE WHO JOINED, LEFT, MOVED OR GAINED A LEVEL IN {year}",
    opening: "Opening (last period's closing)",
    increase: "In",
    total: "Total",
    hired: "Hired or received",
    transfer_in: "Transferred from another unit",
    category_in: "From another category",
    decrease: "Out",
    retired: "Retired",
    transfer_out: "Transferred to another unit",
    left: "Left, other",
    category_out: "To another category",
    concurrent_new: "New concurrent post",
    concurrent_ended: "Concurrent post ended",
    own_staff: "{unit}, excluding subordinate units",
    closing: "Closing",
    gains: "Gained a level (people staying)",
    education: "Professional",
    political_theory: "Political theory",
    state_management: "State management",
    unplaced: "Last year's units not in this year's rosters",
    footer: [
        ["PREPARED BY", "(Signature, full name)"],
        ["HEAD OF UNIT", "(Signature, seal, full name)"],
    ],
    list_columns: [
        "No.",
        "Full name",
        "Birth date",
        "Category",
        "Change",
        "Unit last year",
        "Unit this year",
        "Details",
        "Matched by",
    ],
    kinds: [
        "Hired or received",
        "Retired",
        "Left, other",
        "Transferred",
        "Category changed",
        "New concurrent post",
        "Concurrent post ended",
        "Gained a level",
    ],
    methods: [
        "Staff id",
        "National id",
        "Name and birth date (to confirm)",
    ],
    ties: [
        "Not matched: staff id shared, to verify",
        "Not matched: national id shared, to verify",
        "Not matched: same name and birth date, to verify",
    ],
    last_day: "Last day of service:",
};

/// The fixed texts.
#[must_use]
pub fn movement(lang: Lang) -> &'static MovementLabels {
    match lang {
        Lang::Vi => &VI_MOVEMENT,
        Lang::En => &EN_MOVEMENT,
    }
}

/// The scope line: the period and the two rosters' dates.
#[must_use]
pub fn movement_scope(lang: Lang, previous: NaiveDate, as_of: NaiveDate) -> String {
    let from = previous.succ_opt().unwrap_or(previous);
    match lang {
        Lang::Vi => format!(
            "Từ ngày {} đến ngày {} (đầu kỳ: danh sách tính đến ngày {}; cuối kỳ: tính đến ngày {})",
            dmy(from),
            dmy(as_of),
            dmy(previous),
            dmy(as_of)
        ),
        Lang::En => format!(
            "From {} to {} (opening: rosters as of {}; closing: as of {})",
            dmy(from),
            dmy(as_of),
            dmy(previous),
            dmy(as_of)
        ),
    }
}

/// How the people of the two years were matched.
#[must_use]
pub fn matched_note(lang: Lang, [staff, nid, name_birth]: [u64; 3], sheet: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Ghép người giữa hai năm: {staff} người theo mã cán bộ (cùng đơn vị, cùng họ tên), {nid} theo số CCCD/CMND, {name_birth} theo họ tên và ngày sinh (cần xác minh, xem trang \"{sheet}\")."
        ),
        Lang::En => format!(
            "People matched between the years: {staff} by staff id (same unit and name), {nid} by national id, {name_birth} by name and birth date (to confirm, see sheet \"{sheet}\")."
        ),
    }
}

/// People left unmatched because a key found several.
#[must_use]
pub fn ties_note(lang: Lang, people: u64, sheet: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "{people} người không ghép được giữa hai năm vì trùng mã cán bộ, số CCCD/CMND hoặc họ tên và ngày sinh với người khác: được tính là thôi việc hoặc tuyển mới; cần xác minh (xem trang \"{sheet}\")."
        ),
        Lang::En => format!(
            "{people} people could not be matched between the years because their staff id, national id or name and birth date is shared with someone else: counted as leaving or hired; to verify (see sheet \"{sheet}\")."
        ),
    }
}

/// A row of the unit-mapping file that maps nothing.
#[must_use]
pub fn unknown_map_row_note(
    lang: Lang,
    file: &str,
    at: (&str, u32),
    unit: &str,
    old_missing: bool,
) -> String {
    let (sheet, row) = at;
    match (lang, old_missing) {
        (Lang::Vi, true) => format!(
            "Tệp ánh xạ {file}, trang \"{sheet}\", dòng {row}: đơn vị cũ \"{unit}\" không có trong danh sách năm trước; dòng này không được dùng.",
        ),
        (Lang::Vi, false) => format!(
            "Tệp ánh xạ {file}, trang \"{sheet}\", dòng {row}: đơn vị mới \"{unit}\" không có trong danh sách hoặc tệp đơn vị năm nay.",
        ),
        (Lang::En, true) => format!(
            "Mapping file {file}, sheet \"{sheet}\", row {row}: the old unit \"{unit}\" is in no roster of last year; the row is not used.",
        ),
        (Lang::En, false) => format!(
            "Mapping file {file}, sheet \"{sheet}\", row {row}: the new unit \"{unit}\" is in no roster or units file of this year.",
        ),
    }
}

/// How leavers are told apart.
#[must_use]
pub fn leavers_note(lang: Lang, as_of: NaiveDate) -> String {
    match lang {
        Lang::Vi => format!(
            "Nghỉ hưu: người có năm trước, không có năm nay và đến tuổi nghỉ hưu (Bộ luật Lao động: 60 tuổi với nam, 55 tuổi với nữ đến hết năm 2020, từ năm 2021 theo lộ trình của Nghị định 135/2020/NĐ-CP; hoặc ngày nghỉ hưu ghi trong danh sách) trước hoặc đúng ngày {}; thôi việc, giảm khác: người không có năm nay, chưa đến tuổi hoặc không rõ ngày sinh. Người có trong cả hai năm nhưng ở đơn vị khác là chuyển đơn vị. Người giữ nhiều chức vụ được tính ở mỗi đơn vị; chức vụ thêm hoặc thôi bên cạnh chức vụ còn giữ là kiêm nhiệm mới, thôi kiêm nhiệm. Không rõ loại ở một năm: tính theo loại năm kia.",
            dmy(as_of)
        ),
        Lang::En => format!(
            "Retired: in last year's rosters, not in this year's, and past the retirement age (Labour Code: 60 for men and 55 for women up to 2020, from 2021 the Decree 135/2020 roadmap; or the retirement date the roster gives) on or before {}; left, other: not in this year's rosters, not past the age or of unknown birth date. People in both years in another unit are transfers. People holding several posts are counted in each unit; a post added or given up beside posts kept is a new or ended concurrent post. A category unknown in one year is the other year's.",
            dmy(as_of)
        ),
    }
}

/// A unit of last year placed on no unit of this year.
#[must_use]
pub fn unplaced_note(lang: Lang, unit: &str, people: u64, target: Option<&str>) -> String {
    match (lang, target) {
        (Lang::Vi, None) => format!(
            "{unit} ({people} người năm trước): không có đơn vị cùng mã hoặc tên năm nay; thêm một dòng vào tệp ánh xạ đơn vị (--unit-map)."
        ),
        (Lang::Vi, Some(t)) => format!(
            "{unit} ({people} người năm trước): tệp ánh xạ chuyển sang \"{t}\", nhưng danh sách năm nay không có đơn vị này."
        ),
        (Lang::En, None) => format!(
            "{unit} ({people} people last year): no unit of this year has its code or name; add a row to the unit-mapping file (--unit-map)."
        ),
        (Lang::En, Some(t)) => format!(
            "{unit} ({people} people last year): the mapping file maps it to \"{t}\", which no roster of this year names."
        ),
    }
}

/// The terminal line.
#[must_use]
pub fn movement_summary(
    lang: Lang,
    opening: u64,
    closing: u64,
    changes: usize,
    failed: usize,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Biến động: đầu kỳ {opening}, cuối kỳ {closing} người; {changes} lượt người có biến động; {}",
            if failed == 0 {
                "đầu kỳ + tăng − giảm = cuối kỳ ở mọi dòng.".to_string()
            } else {
                format!("{failed} kiểm tra không đúng.")
            }
        ),
        Lang::En => format!(
            "Movement: opening {opening}, closing {closing} people; {changes} person-movements; {}",
            if failed == 0 {
                "opening + in − out = closing on every row.".to_string()
            } else {
                format!("{failed} checks fail.")
            }
        ),
    }
}
