//! Every word the user sees, in Vietnamese (default) and English.
//!
//! Nothing else in the crate holds user-facing Vietnamese text; header names
//! the tool *accepts* live with their fields in [`crate::schema`], and input
//! spellings it understands are folded ASCII keys in [`crate::scales`].

use crate::issues::{Action, Problem};
use crate::legacy::Encoding;
use crate::policy::{Comparator, Measure, Percent};
use crate::scales::{Category, Education, GovLevel};
use crate::scales::{PoliticalTheory, StateManagement};
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
    pub sheet_summary: &'static str,
    pub sheet_units: &'static str,
    pub sheet_training: &'static str,
    pub sheet_about: &'static str,
    pub republic: &'static str,
    pub motto: &'static str,
    pub report_title: &'static str,
    pub as_of_line: &'static str,
    pub col_no: &'static str,
    pub col_target_id: &'static str,
    pub col_target: &'static str,
    pub col_basis: &'static str,
    pub col_level: &'static str,
    pub col_threshold: &'static str,
    pub col_deadline: &'static str,
    pub col_population: &'static str,
    pub col_qualified: &'static str,
    pub col_unknown: &'static str,
    pub col_share: &'static str,
    pub col_status: &'static str,
    pub col_shortfall: &'static str,
    pub col_units_met: &'static str,
    pub col_units_applicable: &'static str,
    pub col_unit_code: &'static str,
    pub col_unit: &'static str,
    pub col_name: &'static str,
    pub col_birth: &'static str,
    pub col_title: &'static str,
    pub col_current: &'static str,
    pub col_required: &'static str,
    pub col_note: &'static str,
    pub whole_roster: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
    pub not_applicable: &'static str,
    pub or_above: &'static str,
    pub verify_unknown: &'static str,
    pub chart_share_title: &'static str,
    pub chart_gap_title: &'static str,
    pub furthest_below: &'static str,
    pub about_as_of: &'static str,
    pub about_policy: &'static str,
    pub about_policy_file: &'static str,
    pub about_sha: &'static str,
    pub about_inputs: &'static str,
    pub about_accounting: &'static str,
    pub about_version: &'static str,
    pub about_command: &'static str,
    pub about_issuing_body: &'static str,
    pub report_written: &'static str,
    pub units_met_word: &'static str,
    pub shortfall_word: &'static str,
    pub continued: &'static str,
    pub education_word: &'static str,
    pub political_word: &'static str,
    pub state_mgmt_word: &'static str,
    pub req_placed: &'static str,
    pub req_placed_grade: &'static str,
    pub req_standard: &'static str,
    pub req_structured: &'static str,
    pub not_placed: &'static str,
    pub placed_wrong_grade: &'static str,
    pub below_standard: &'static str,
    pub sheet_positions: &'static str,
    pub sheet_unfit: &'static str,
    pub sheet_grades: &'static str,
    pub col_position_code: &'static str,
    pub col_position: &'static str,
    pub col_kind: &'static str,
    pub col_approved: &'static str,
    pub col_filled: &'static str,
    pub col_vacant: &'static str,
    pub col_over: &'static str,
    pub col_unmet: &'static str,
    pub col_other_req: &'static str,
    pub col_grade: &'static str,
    pub col_people: &'static str,
    pub col_placed: &'static str,
    pub col_placed_grade: &'static str,
    pub no_grade: &'static str,
    pub no_catalogue: &'static str,
    pub sheet_projection: &'static str,
    pub sheet_plan: &'static str,
    pub sheet_retirements: &'static str,
    pub now: &'static str,
    pub col_met_deadline: &'static str,
    pub col_with_plan: &'static str,
    pub col_population_deadline: &'static str,
    pub col_qualified_deadline: &'static str,
    pub col_needed: &'static str,
    pub col_trainees: &'static str,
    pub col_met_with_plan: &'static str,
    pub col_why: &'static str,
    pub col_best_share: &'static str,
    pub col_earliest: &'static str,
    pub col_retirement: &'static str,
    pub col_pension: &'static str,
    pub col_gender: &'static str,
    pub col_category: &'static str,
    pub col_course: &'static str,
    pub col_start_year: &'static str,
    pub col_end: &'static str,
    pub col_targets_served: &'static str,
    pub col_year_totals: &'static str,
    pub col_all_years: &'static str,
    pub why_too_few: &'static str,
    pub why_time: &'static str,
    pub why_capacity: &'static str,
    pub why_competing: &'static str,
    pub col_candidates: &'static str,
    pub col_unknown_deadline: &'static str,
    pub col_if_unknown: &'static str,
    pub plan_exact: &'static str,
    pub plan_bound: &'static str,
    pub past_due_heading: &'static str,
    pub never: &'static str,
    pub not_projected: &'static str,
    pub plan_summary: &'static str,
    pub retirements_summary: &'static str,
    pub male: &'static str,
    pub female: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
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
    sheet_summary: "Tổng hợp",
    sheet_units: "Theo đơn vị",
    sheet_training: "Cần đào tạo",
    sheet_about: "Thông tin",
    republic: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    report_title: "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU VỀ ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
    as_of_line: "(Tính đến ngày {date})",
    col_no: "STT",
    col_target_id: "Mã chỉ tiêu",
    col_target: "Chỉ tiêu",
    col_basis: "Căn cứ",
    col_level: "Mức chỉ tiêu",
    col_threshold: "Ngưỡng",
    col_deadline: "Thời hạn",
    col_population: "Số người thuộc diện",
    col_qualified: "Số người đạt",
    col_unknown: "Chưa rõ trình độ",
    col_share: "Tỷ lệ đạt",
    col_status: "Đánh giá",
    col_shortfall: "Số người còn thiếu",
    col_units_met: "Số đơn vị đạt",
    col_units_applicable: "Số đơn vị có đối tượng",
    col_unit_code: "Mã đơn vị",
    col_unit: "Đơn vị",
    col_name: "Họ và tên",
    col_birth: "Ngày sinh",
    col_title: "Chức vụ",
    col_current: "Trình độ hiện tại",
    col_required: "Trình độ yêu cầu",
    col_note: "Ghi chú",
    whole_roster: "Toàn bộ",
    met: "Đạt",
    not_met: "Chưa đạt",
    not_applicable: "Không áp dụng",
    or_above: "trở lên",
    verify_unknown: "Chưa rõ trình độ: cần xác minh",
    chart_share_title: "Tỷ lệ đạt so với ngưỡng chỉ tiêu",
    chart_gap_title: "Các đơn vị xa chỉ tiêu nhất",
    furthest_below: "Đơn vị xa chỉ tiêu nhất",
    about_as_of: "Ngày số liệu",
    about_policy: "Chính sách, chỉ tiêu",
    about_policy_file: "Tệp chính sách",
    about_sha: "SHA-256",
    about_inputs: "Tệp đầu vào",
    about_accounting: "Số dòng: đọc = phân tích + để riêng + không phải cán bộ",
    about_version: "Phiên bản nhanluc",
    about_command: "Dòng lệnh",
    about_issuing_body: "Cơ quan báo cáo",
    report_written: "Đã ghi báo cáo",
    units_met_word: "đơn vị đạt",
    shortfall_word: "còn thiếu",
    continued: "tiếp",
    education_word: "Trình độ chuyên môn",
    political_word: "Lý luận chính trị",
    state_mgmt_word: "Quản lý nhà nước",
    req_placed: "Được bố trí vào vị trí việc làm trong danh mục",
    req_placed_grade: "Được bố trí vào vị trí việc làm, đúng ngạch tương ứng",
    req_standard: "Đạt tiêu chuẩn của vị trí việc làm",
    req_structured: "Cơ quan có cơ cấu cán bộ, công chức theo vị trí việc làm (từ {share}% được bố trí đúng vị trí, đúng ngạch)",
    not_placed: "Chưa bố trí vào vị trí việc làm",
    placed_wrong_grade: "Đã bố trí nhưng chưa đúng ngạch",
    below_standard: "Chưa đạt tiêu chuẩn vị trí",
    sheet_positions: "Vị trí việc làm",
    sheet_unfit: "Chưa đạt chuẩn vị trí",
    sheet_grades: "Cơ cấu ngạch",
    col_position_code: "Mã vị trí",
    col_position: "Vị trí việc làm",
    col_kind: "Nhóm vị trí",
    col_approved: "Số lượng được duyệt",
    col_filled: "Số người đang bố trí",
    col_vacant: "Còn thiếu",
    col_over: "Vượt",
    col_unmet: "Tiêu chuẩn chưa đạt",
    col_other_req: "Yêu cầu khác (chưa kiểm tra)",
    col_grade: "Ngạch",
    col_people: "Số người",
    col_placed: "Đã bố trí vào vị trí việc làm",
    col_placed_grade: "Đã bố trí đúng ngạch",
    no_grade: "(chưa ghi ngạch)",
    no_catalogue: "Chính sách có chỉ tiêu về vị trí việc làm nhưng chưa có danh mục vị trí: dùng --positions",
    sheet_projection: "Dự báo",
    sheet_plan: "Kế hoạch đào tạo",
    sheet_retirements: "Nghỉ hưu",
    now: "Hiện tại",
    col_met_deadline: "Đánh giá tại thời hạn",
    col_with_plan: "Tỷ lệ tại thời hạn nếu thực hiện kế hoạch",
    col_population_deadline: "Số người thuộc diện tại thời hạn",
    col_qualified_deadline: "Số người đạt tại thời hạn (chưa có kế hoạch)",
    col_needed: "Cần thêm",
    col_trainees: "Số người cử đi đào tạo",
    col_met_with_plan: "Đạt với kế hoạch",
    col_why: "Lý do chưa thể đạt",
    col_best_share: "Tỷ lệ cao nhất có thể đạt tại thời hạn",
    col_earliest: "Thời điểm sớm nhất có thể đạt",
    col_retirement: "Ngày nghỉ hưu",
    col_pension: "Hưởng lương hưu từ",
    col_gender: "Giới tính",
    col_category: "Loại",
    col_course: "Đào tạo lên trình độ",
    col_start_year: "Năm bắt đầu",
    col_end: "Ngày kết thúc khóa học",
    col_targets_served: "Phục vụ chỉ tiêu",
    col_year_totals: "Số người bắt đầu đào tạo theo năm",
    col_all_years: "Cộng",
    why_too_few: "Không đủ người có thể đào tạo",
    why_time: "Không đủ thời gian: khóa học không kịp kết thúc trước thời hạn hoặc trước khi nghỉ hưu",
    why_capacity: "Vượt khả năng đào tạo hằng năm",
    why_competing: "Không thể đạt cùng lúc với các nhóm khác: cần cùng người (ở trình độ khác) hoặc cùng suất đào tạo",
    col_candidates: "Số người có thể cử đi đào tạo",
    col_unknown_deadline: "Chưa rõ trình độ",
    col_if_unknown: "Đạt nếu người chưa rõ trình độ đều đạt",
    plan_exact: "Kế hoạch tối ưu: đạt nhiều nhóm nhất có thể, với ít người cử đi đào tạo nhất",
    plan_bound: "Kế hoạch chưa được chứng minh là tối ưu: đạt {met} nhóm (không kế hoạch nào đạt quá {met_max}); {n} người (kế hoạch đạt {met_max} nhóm cần ít nhất {lb})",
    past_due_heading: "Đã quá tuổi nghỉ hưu tại ngày báo cáo (không tính từ sau ngày báo cáo)",
    never: "Không thể đạt chỉ bằng đào tạo",
    not_projected: "(không dự báo: giữ nguyên số liệu hiện tại)",
    plan_summary: "Kế hoạch đào tạo",
    retirements_summary: "Nghỉ hưu trước thời hạn",
    male: "Nam",
    female: "Nữ",
    yes: "Có",
    no: "Không",
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
    sheet_summary: "Summary",
    sheet_units: "By unit",
    sheet_training: "Training needs",
    sheet_about: "About",
    republic: "SOCIALIST REPUBLIC OF VIETNAM",
    motto: "Independence - Freedom - Happiness",
    report_title: "REPORT ON STAFF QUALIFICATION TARGETS",
    as_of_line: "(As of {date})",
    col_no: "No.",
    col_target_id: "Target id",
    col_target: "Target",
    col_basis: "Legal basis",
    col_level: "Target level",
    col_threshold: "Threshold",
    col_deadline: "Deadline",
    col_population: "Population",
    col_qualified: "Qualified",
    col_unknown: "Unknown",
    col_share: "Share",
    col_status: "Status",
    col_shortfall: "Shortfall",
    col_units_met: "Units meeting",
    col_units_applicable: "Units with population",
    col_unit_code: "Unit code",
    col_unit: "Unit",
    col_name: "Full name",
    col_birth: "Birth date",
    col_title: "Title",
    col_current: "Current level",
    col_required: "Level required",
    col_note: "Note",
    whole_roster: "Whole roster",
    met: "Met",
    not_met: "Not met",
    not_applicable: "N/A",
    or_above: "or above",
    verify_unknown: "Level unknown: to be verified",
    chart_share_title: "Share qualified against each target's threshold",
    chart_gap_title: "Units furthest below target",
    furthest_below: "Units furthest below target",
    about_as_of: "As of",
    about_policy: "Policy",
    about_policy_file: "Policy file",
    about_sha: "SHA-256",
    about_inputs: "Input files",
    about_accounting: "Rows: read = analysed + set aside + non-staff",
    about_version: "nhanluc version",
    about_command: "Command line",
    about_issuing_body: "Reporting body",
    report_written: "Report written",
    units_met_word: "units meeting",
    shortfall_word: "shortfall",
    continued: "cont.",
    education_word: "Professional education",
    political_word: "Political theory",
    state_mgmt_word: "State management",
    req_placed: "Placed in a catalogued job position",
    req_placed_grade: "Placed in a job position with its matching grade",
    req_standard: "Meets the standards of the job position",
    req_structured: "Agency staffed by job position (at least {share}% placed with matching grades)",
    not_placed: "Not placed in a job position",
    placed_wrong_grade: "Placed, but not in the matching grade",
    below_standard: "Below the position's standards",
    sheet_positions: "Job positions",
    sheet_unfit: "Below position standards",
    sheet_grades: "Grade structure",
    col_position_code: "Position code",
    col_position: "Job position",
    col_kind: "Kind",
    col_approved: "Approved",
    col_filled: "Filled",
    col_vacant: "Vacant",
    col_over: "Over",
    col_unmet: "Unmet requirements",
    col_other_req: "Other requirements (not checked)",
    col_grade: "Grade",
    col_people: "People",
    col_placed: "Placed in a position",
    col_placed_grade: "Placed with matching grade",
    no_grade: "(no grade given)",
    no_catalogue: "The policy has job-position targets but no position catalogue: use --positions",
    sheet_projection: "Projection",
    sheet_plan: "Training plan",
    sheet_retirements: "Retirements",
    now: "Now",
    col_met_deadline: "Status at the deadline",
    col_with_plan: "Share at the deadline with the plan",
    col_population_deadline: "Population at the deadline",
    col_qualified_deadline: "Qualified at the deadline (no plan)",
    col_needed: "Needed",
    col_trainees: "People to train",
    col_met_with_plan: "Met with the plan",
    col_why: "Why it cannot be met",
    col_best_share: "Best share reachable at the deadline",
    col_earliest: "Earliest date it could be met",
    col_retirement: "Retirement date",
    col_pension: "Pension from",
    col_gender: "Gender",
    col_category: "Category",
    col_course: "Course to level",
    col_start_year: "Start year",
    col_end: "Course ends",
    col_targets_served: "Targets served",
    col_year_totals: "Course starts by year",
    col_all_years: "Total",
    why_too_few: "Too few people who could be trained",
    why_time: "Too little time: courses cannot end by the deadline or before retirement",
    why_capacity: "Yearly training capacity exceeded",
    why_competing: "Cannot be met together with the other groups: it needs the same people (at another level) or the same training places",
    col_candidates: "People who could be trained",
    col_unknown_deadline: "Education unknown",
    col_if_unknown: "Met if every unknown is qualified",
    plan_exact: "The plan is optimal: the most groups met, with the fewest trainees",
    plan_bound: "The plan is not proven optimal: {met} groups met (no plan meets more than {met_max}); {n} trainees (a plan meeting {met_max} groups needs at least {lb})",
    past_due_heading: "Already past retirement age on the as-of date (not counted after it)",
    never: "Cannot be met by training alone",
    not_projected: "(not projected: current figures carried forward)",
    plan_summary: "Training plan",
    retirements_summary: "Retiring before the deadline",
    male: "Male",
    female: "Female",
    yes: "Yes",
    no: "No",
};

impl Labels {
    /// Every sheet name the tool writes.
    #[must_use]
    pub fn sheet_names(&self) -> Vec<&'static str> {
        vec![
            self.sheet_issues,
            self.sheet_summary,
            self.sheet_units,
            self.sheet_training,
            self.sheet_about,
            self.sheet_positions,
            self.sheet_unfit,
            self.sheet_grades,
            self.sheet_projection,
            self.sheet_plan,
            self.sheet_retirements,
        ]
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
        (Lang::Vi, Unknown) => "Chưa rõ loại",
        (Lang::En, Unknown) => "Category unknown",
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
            let d = date.format("%d/%m/%Y");
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
                format!("{}: two-digit year, read as {year}", f.id())
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

/// A required grade for display: "Chuyên viên (01.003)".
#[must_use]
pub fn grade_requirement(g: &str) -> String {
    match crate::vocab::grades::grade_name(g) {
        Some(name) => format!("{name} ({})", g.trim()),
        None => g.to_string(),
    }
}

/// An unmet position requirement in a personnel officer's words:
/// "Trình độ chuyên môn: Trung cấp — yêu cầu Đại học trở lên".
#[must_use]
pub fn unmet(lang: Lang, u: &crate::positions::Unmet) -> String {
    use crate::positions::Unmet;
    let l = get(lang);
    let (none, or, requires, field, grade) = match lang {
        Lang::Vi => ("chưa có", " hoặc ", "yêu cầu", "Chuyên ngành", "Ngạch"),
        Lang::En => ("none", " or ", "required", "Field of study", "Grade"),
    };
    // An unknown value is to be verified, never a failure.
    let verify = |word: &str, need: &str| match lang {
        Lang::Vi => format!(
            "{word}: {} — cần xác minh ({requires} {need} {})",
            l.unknown, l.or_above
        ),
        Lang::En => format!(
            "{word}: {} — to be verified ({requires} {need} {})",
            l.unknown, l.or_above
        ),
    };
    match u {
        Unmet::Education { have: None, need } => {
            verify(l.education_word, education(lang, Some(*need)))
        }
        Unmet::PoliticalTheory { have: None, need } => {
            verify(l.political_word, political_theory(lang, Some(*need)))
        }
        Unmet::StateManagement { have: None, need } => {
            verify(l.state_mgmt_word, state_management(lang, Some(*need)))
        }
        Unmet::Education { have, need } => format!(
            "{}: {} — {requires} {} {}",
            l.education_word,
            education(lang, *have),
            education(lang, Some(*need)),
            l.or_above
        ),
        Unmet::Field { have, need } => {
            format!(
                "{field}: {} — {requires} {}",
                have.as_deref().unwrap_or(none),
                need.join(or)
            )
        }
        Unmet::Grade { have, need } => format!(
            "{grade}: {} — {requires} {}",
            have.as_deref().unwrap_or(none),
            need.iter()
                .map(|g| grade_requirement(g))
                .collect::<Vec<_>>()
                .join(or)
        ),
        Unmet::PoliticalTheory { have, need } => format!(
            "{}: {} — {requires} {} {}",
            l.political_word,
            political_theory(lang, *have),
            political_theory(lang, Some(*need)),
            l.or_above
        ),
        Unmet::StateManagement { have, need } => format!(
            "{}: {} — {requires} {} {}",
            l.state_mgmt_word,
            state_management(lang, *have),
            state_management(lang, Some(*need)),
            l.or_above
        ),
    }
}

/// A position kind's name.
#[must_use]
pub fn position_kind(lang: Lang, k: Option<crate::positions::PositionKind>) -> &'static str {
    use crate::positions::PositionKind::*;
    match (lang, k) {
        (Lang::Vi, Some(LanhDaoQuanLy)) => "Lãnh đạo, quản lý",
        (Lang::Vi, Some(ChuyenMonChuyenNganh)) => "Chuyên môn, nghiệp vụ chuyên ngành",
        (Lang::Vi, Some(ChuyenMonDungChung)) => "Chuyên môn dùng chung",
        (Lang::Vi, Some(HoTroPhucVu)) => "Hỗ trợ, phục vụ",
        (Lang::En, Some(LanhDaoQuanLy)) => "Leadership, management",
        (Lang::En, Some(ChuyenMonChuyenNganh)) => "Specialised professional",
        (Lang::En, Some(ChuyenMonDungChung)) => "Shared professional",
        (Lang::En, Some(HoTroPhucVu)) => "Support, service",
        (_, None) => "",
    }
}

/// A threshold as a plan words it: "trên 65%", "từ 62,5% trở lên".
#[must_use]
pub fn threshold(lang: Lang, c: Comparator, t: Percent) -> String {
    let v = t.display(lang == Lang::Vi);
    match (lang, c) {
        (Lang::Vi, Comparator::Gt) => format!("trên {v}%"),
        (Lang::Vi, Comparator::Ge) => format!("từ {v}% trở lên"),
        (Lang::Vi, Comparator::Lt) => format!("dưới {v}%"),
        (Lang::Vi, Comparator::Le) => format!("không quá {v}%"),
        (Lang::En, Comparator::Gt) => format!("more than {v}%"),
        (Lang::En, Comparator::Ge) => format!("at least {v}%"),
        (Lang::En, Comparator::Lt) => format!("less than {v}%"),
        (Lang::En, Comparator::Le) => format!("at most {v}%"),
    }
}

/// A political theory level's name.
#[must_use]
pub fn political_theory(lang: Lang, p: Option<PoliticalTheory>) -> &'static str {
    match (lang, p) {
        (Lang::Vi, Some(PoliticalTheory::None)) => "Chưa có",
        (Lang::Vi, Some(PoliticalTheory::SoCap)) => "Sơ cấp",
        (Lang::Vi, Some(PoliticalTheory::TrungCap)) => "Trung cấp",
        (Lang::Vi, Some(PoliticalTheory::CaoCap)) => "Cao cấp, cử nhân",
        (Lang::Vi, None) => "Không rõ",
        (Lang::En, Some(PoliticalTheory::None)) => "None",
        (Lang::En, Some(PoliticalTheory::SoCap)) => "Elementary",
        (Lang::En, Some(PoliticalTheory::TrungCap)) => "Intermediate",
        (Lang::En, Some(PoliticalTheory::CaoCap)) => "Advanced",
        (Lang::En, None) => "Unknown",
    }
}

/// A state management level's name.
#[must_use]
pub fn state_management(lang: Lang, q: Option<StateManagement>) -> &'static str {
    match (lang, q) {
        (Lang::Vi, Some(StateManagement::None)) => "Chưa có",
        (Lang::Vi, Some(StateManagement::CanSu)) => "Cán sự",
        (Lang::Vi, Some(StateManagement::ChuyenVien)) => "Chuyên viên",
        (Lang::Vi, Some(StateManagement::ChuyenVienChinh)) => "Chuyên viên chính",
        (Lang::Vi, Some(StateManagement::ChuyenVienCaoCap)) => "Chuyên viên cao cấp",
        (Lang::Vi, None) => "Không rõ",
        (Lang::En, Some(StateManagement::None)) => "None",
        (Lang::En, Some(StateManagement::CanSu)) => "Clerk",
        (Lang::En, Some(StateManagement::ChuyenVien)) => "Specialist",
        (Lang::En, Some(StateManagement::ChuyenVienChinh)) => "Principal specialist",
        (Lang::En, Some(StateManagement::ChuyenVienCaoCap)) => "Senior specialist",
        (Lang::En, None) => "Unknown",
    }
}

/// What a measure requires: "Trình độ chuyên môn: Trung cấp trở lên".
#[must_use]
pub fn requirement(lang: Lang, m: &Measure) -> String {
    let l = get(lang);
    let (scale, level) = match m {
        Measure::Education(e) => (l.education_word, education(lang, Some(*e))),
        Measure::PoliticalTheory(p) => (l.political_word, political_theory(lang, Some(*p))),
        Measure::StateManagement(q) => (l.state_mgmt_word, state_management(lang, Some(*q))),
        Measure::PlacedInPosition => return l.req_placed.to_string(),
        Measure::PlacedWithMatchingGrade => return l.req_placed_grade.to_string(),
        Measure::MeetsPositionStandard => return l.req_standard.to_string(),
        Measure::StructuredByPosition(share) => {
            return l
                .req_structured
                .replace("{share}", &share.display(lang == Lang::Vi));
        }
    };
    format!("{scale}: {level} {}", l.or_above)
}

/// The line saying a plan is a bound, and by how much.
#[must_use]
pub fn plan_bound(lang: Lang, b: &crate::plan::PlanBound) -> String {
    get(lang)
        .plan_bound
        .replace("{met_max}", &b.groups_met_at_most.to_string())
        .replace("{met}", &b.groups_met.to_string())
        .replace("{lb}", &b.trainees_at_least.to_string())
        .replace("{n}", &b.trainees.to_string())
}

/// Why a plan cannot meet a group.
#[must_use]
pub fn shortcoming(lang: Lang, s: Option<crate::plan::Shortcoming>) -> &'static str {
    use crate::plan::Shortcoming;
    let l = get(lang);
    match s {
        Some(Shortcoming::TooFewCandidates) => l.why_too_few,
        Some(Shortcoming::TooLittleTime) => l.why_time,
        Some(Shortcoming::Capacity) => l.why_capacity,
        Some(Shortcoming::Competing) => l.why_competing,
        None => "",
    }
}

/// Met / not met / not applicable.
#[must_use]
pub fn status(lang: Lang, met: Option<bool>) -> &'static str {
    let l = get(lang);
    match met {
        Some(true) => l.met,
        Some(false) => l.not_met,
        None => l.not_applicable,
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
                format!("{}: two-digit year", f.id())
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

/// A posting's (or person's) standing against its position's standard.
#[must_use]
pub fn standard(lang: Lang, s: crate::positions::Standard) -> &'static str {
    use crate::positions::Standard;
    match (lang, s) {
        (Lang::Vi, Standard::Meets) => "Đạt chuẩn",
        (Lang::Vi, Standard::Fails) => "Chưa đạt chuẩn",
        (Lang::Vi, Standard::ToVerify) => "Cần xác minh",
        (Lang::En, Standard::Meets) => "Meets the standard",
        (Lang::En, Standard::Fails) => "Below the standard",
        (Lang::En, Standard::ToVerify) => "To be verified",
    }
}

/// Header of the verdict column of the positions sheets.
#[must_use]
pub fn col_standard(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Kết luận",
        Lang::En => "Verdict",
    }
}

/// What the stage spinner says is at work.
#[must_use]
pub fn stage(lang: Lang, key: &str) -> &'static str {
    match (lang, key) {
        (Lang::Vi, "clean") => "Đang làm sạch dữ liệu…",
        (Lang::Vi, "people") => "Đang nhận diện người trùng, kiêm nhiệm…",
        (Lang::Vi, "units") => "Đang dựng cây đơn vị và vị trí việc làm…",
        (Lang::Vi, "compliance") => "Đang tính các chỉ tiêu…",
        (Lang::Vi, "plan") => "Đang dự báo và lập kế hoạch đào tạo…",
        (Lang::Vi, "write") => "Đang ghi báo cáo…",
        (Lang::Vi, _) => "Đang xử lý…",
        (Lang::En, "clean") => "Cleaning…",
        (Lang::En, "people") => "Finding duplicates and concurrent posts…",
        (Lang::En, "units") => "Building units and positions…",
        (Lang::En, "compliance") => "Computing targets…",
        (Lang::En, "plan") => "Projecting and planning…",
        (Lang::En, "write") => "Writing…",
        (Lang::En, _) => "Working…",
    }
}

/// The line under the targets: postings whose category nothing gave.
#[must_use]
pub fn category_unknown_note(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Chưa rõ loại: {n} người không ghi loại, không suy ra được (không thuộc đối tượng chỉ tiêu nào; xem Lỗi dữ liệu)"
        ),
        Lang::En => format!(
            "Category unknown: {n} postings say no category and none could be inferred (in no target's population; see Data issues)"
        ),
    }
}

/// The note under a target's units: how many have nobody in its population.
#[must_use]
pub fn groups_without_population(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{n} đơn vị không có người thuộc diện chỉ tiêu này (không liệt kê)"),
        Lang::En => format!("{n} units with nobody in this target's population (not listed)"),
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
