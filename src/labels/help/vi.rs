//! The command line's help in Vietnamese (the default).

use super::{
    CHECK_2013, CHECK_ISSUES, CHECK_STRICT, CommandHelp, Example, FORMS_2013, FORMS_MOVEMENT,
    FORMS_ONE, GENERATE_BIG, GENERATE_CAT, HELP_REPORT, HelpLabels, PLAN_2013, PLAN_ONE,
    REPORT_2013, REPORT_JSON, REPORT_L80,
};

/// Vietnamese.
pub static VI: HelpLabels = HelpLabels {
    usage: "Cách dùng",
    commands: "Lệnh",
    command_value: "LỆNH",
    options_tag: "[TÙY CHỌN]",
    arguments: "Đối số",
    options: "Tùy chọn",
    examples: "Ví dụ",
    default: "mặc định",
    help: "In trợ giúp",
    version: "In số phiên bản",
    help_command: "In trợ giúp này hoặc trợ giúp của lệnh được nêu",
    top: CommandHelp {
        name: "",
        about: "Công cụ xử lý hàng loạt cho Phòng Nội vụ, Sở Nội vụ: danh sách cán bộ, công chức, \
                viên chức; vị trí việc làm; mức đạt các chỉ tiêu cải cách; kế hoạch đào tạo; \
                báo cáo Excel về số còn thiếu",
        examples: &[
            Example {
                what: "Kiểm tra các danh sách trong thư mục rosters/, số liệu tính đến 31/12/2013:",
                line: CHECK_2013,
            },
            Example {
                what: "Lập báo cáo theo chính sách mặc định, ghi vào thư mục reports/:",
                line: REPORT_2013,
            },
            Example {
                what: "Lập báo cáo kèm dự báo và kế hoạch đào tạo:",
                line: PLAN_2013,
            },
            Example {
                what: "Xem hướng dẫn của một lệnh:",
                line: HELP_REPORT,
            },
        ],
        args: &[
            ("quiet", "Không hiện thanh tiến độ"),
            (
                "timings",
                "Khi chạy xong, in thời gian của từng bước xử lý ra luồng lỗi (stderr)",
            ),
            (
                "lang",
                "Ngôn ngữ của trợ giúp, thông báo và báo cáo: vi (tiếng Việt) hoặc en (tiếng Anh); \
                 nếu không ghi thì theo LC_ALL, LC_MESSAGES hoặc LANG (en… là tiếng Anh), \
                 còn lại là tiếng Việt",
            ),
        ],
    },
    input_args: &[
        (
            "paths",
            "Các tệp hoặc thư mục danh sách (thư mục: mọi tệp danh sách trong đó, kể cả thư mục con)",
        ),
        ("sheet", "Chỉ đọc các trang tính có tên này"),
        (
            "columns",
            "Thêm tên cột cho mẫu biểu riêng (TOML: `[aliases] full_name = [\"…\"]`)",
        ),
        (
            "commune_titles",
            "Danh mục chức danh cấp xã và loại cán bộ, công chức tương ứng, dùng cho các dòng \
             không ghi loại (TOML; mặc định: danh mục có sẵn policies/commune-titles.toml)",
        ),
        (
            "as_of",
            "Ngày chốt số liệu (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định là hôm nay",
        ),
        (
            "redact",
            "Bản ẩn danh: mọi kết quả ghi họ tên viết tắt và che số định danh cá nhân (chỉ giữ \
             3 số cuối), để gửi ra ngoài cơ quan",
        ),
    ],
    subcommands: &[
        CommandHelp {
            name: "check",
            about: "Đọc và làm sạch danh sách, in tóm tắt và các lỗi dữ liệu",
            examples: &[
                Example {
                    what: "Kiểm tra mọi danh sách trong thư mục rosters/, số liệu tính đến 31/12/2013:",
                    line: CHECK_2013,
                },
                Example {
                    what: "Ghi các lỗi dữ liệu ra tệp loi.xlsx để gửi lại các đơn vị:",
                    line: CHECK_ISSUES,
                },
                Example {
                    what: "Kiểm tra một tệp; trả mã thoát 1 nếu có dòng bị để riêng:",
                    line: CHECK_STRICT,
                },
            ],
            args: &[
                ("issues", "Ghi các lỗi dữ liệu ra tệp này (.xlsx hoặc .csv)"),
                ("json", "In bản tóm tắt dưới dạng JSON"),
                (
                    "strict",
                    "Trả mã thoát 1 nếu có dòng bị để riêng (không đưa vào phân tích)",
                ),
            ],
        },
        CommandHelp {
            name: "report",
            about: "Tính mức đạt các chỉ tiêu của chính sách và lập báo cáo Excel về số còn thiếu",
            examples: &[
                Example {
                    what: "Báo cáo theo chính sách mặc định, số liệu tính đến 31/12/2013:",
                    line: REPORT_2013,
                },
                Example {
                    what: "Báo cáo theo Luật 80/2025 với danh mục vị trí việc làm, ghi ra tệp đã chọn:",
                    line: REPORT_L80,
                },
                Example {
                    what: "Ghi thêm kết quả ra tệp JSON cho phần mềm khác:",
                    line: REPORT_JSON,
                },
            ],
            args: VI_REPORT_ARGS,
        },
        CommandHelp {
            name: "plan",
            about: "Lập báo cáo kèm dự báo đến hạn chỉ tiêu, danh sách nghỉ hưu và kế hoạch đào tạo \
                    (như `report --plan`)",
            examples: &[
                Example {
                    what: "Lập kế hoạch đào tạo theo chính sách mặc định, số liệu tính đến 31/12/2013:",
                    line: PLAN_2013,
                },
                Example {
                    what: "Chỉ cho một tệp danh sách, ghi ra tệp đã chọn:",
                    line: PLAN_ONE,
                },
            ],
            args: VI_REPORT_ARGS,
        },
        CommandHelp {
            name: "forms",
            about: "Lập các biểu báo cáo thống kê hằng năm (BM01–BM04/BNV, 8B-BTCTW) từ danh sách",
            examples: &[
                Example {
                    what: "Mọi biểu có sẵn, số liệu tính đến 31/12/2013:",
                    line: FORMS_2013,
                },
                Example {
                    what: "Chỉ biểu BM01/BNV, lấy biên chế được giao từ tệp đơn vị:",
                    line: FORMS_ONE,
                },
                Example {
                    what: "Thêm biến động so với năm trước (danh sách mẫu năm 2014 so với năm 2013):",
                    line: FORMS_MOVEMENT,
                },
            ],
            args: &[
                (
                    "forms",
                    "Biểu có sẵn theo ký hiệu (BM01/BNV, BM02/BNV, BM03/BNV, BM04/BNV, 8B-BTCTW); \
                     nhắc lại để chọn nhiều biểu; mặc định: mọi biểu có sẵn",
                ),
                (
                    "form_files",
                    "Tệp biểu mẫu tự khai báo (TOML, như trong policies/forms/); nhắc lại để dùng nhiều tệp",
                ),
                (
                    "units",
                    "Tệp danh mục đơn vị (.csv hoặc bảng tính: mã, tên, mã đơn vị cấp trên, loại, cấp, \
                     biên chế được giao)",
                ),
                ("reporting_unit", "Tên đơn vị báo cáo ghi trên mỗi biểu"),
                (
                    "previous",
                    "Danh sách năm trước (tệp hoặc thư mục; nhắc lại để dùng nhiều): thêm biểu biến động (đầu kỳ + tăng − giảm \
                     = cuối kỳ) và danh sách người có biến động",
                ),
                (
                    "previous_as_of",
                    "Ngày chốt số liệu của danh sách năm trước; mặc định trước --as-of một năm",
                ),
                (
                    "unit_map",
                    "Tệp ánh xạ đơn vị năm trước sang năm nay (bảng: mã hoặc tên đơn vị cũ, mã hoặc tên \
                     đơn vị mới), cho các đơn vị sắp xếp, sáp nhập",
                ),
                (
                    "output",
                    "Ghi các biểu ra tệp này; mặc định `reports/bieu-mau_<ngày chốt>.xlsx`",
                ),
                ("json", "Ghi thêm số liệu ra tệp JSON này (tên đuôi .json)"),
            ],
        },
        CommandHelp {
            name: "generate",
            about: "Tạo một danh sách giả lập (để dùng thử với số liệu lớn, kiểm thử, đo hiệu năng)",
            examples: &[
                Example {
                    what: "Tạo danh sách giả lập 100.000 dòng:",
                    line: GENERATE_BIG,
                },
                Example {
                    what: "Kèm danh mục vị trí việc làm; cùng số khởi tạo thì cùng kết quả:",
                    line: GENERATE_CAT,
                },
            ],
            args: &[
                ("rows", "Số dòng cán bộ cần tạo"),
                ("output", "Tệp kết quả (.csv hoặc .xlsx)"),
                (
                    "seed",
                    "Số khởi tạo ngẫu nhiên (cùng số thì cùng một danh sách)",
                ),
                (
                    "catalogue",
                    "Ghi thêm danh mục vị trí việc làm tương ứng (CSV) ra tệp này",
                ),
                ("catalogue_rows", "Số dòng của danh mục đó"),
            ],
        },
    ],
};

/// The arguments of `report` and `plan` beyond the roster input, in Vietnamese.
const VI_REPORT_ARGS: &[(&str, &str)] = &[
    ("policy", "Tệp chính sách (TOML)"),
    (
        "units",
        "Tệp danh mục đơn vị (.csv hoặc bảng tính: mã, tên, mã đơn vị cấp trên, loại đơn vị, cấp)",
    ),
    (
        "positions",
        "Danh mục vị trí việc làm (tệp hoặc thư mục: TOML, CSV hoặc bảng tính); \
         mặc định: danh mục của chính sách",
    ),
    (
        "grade_standards",
        "Tiêu chuẩn của từng ngạch, áp dụng cho vị trí việc làm chỉ ghi ngạch (TOML); \
         mặc định: tệp có sẵn policies/grade-standards.toml",
    ),
    (
        "job_descriptions",
        "Bản mô tả công việc: yêu cầu theo tên vị trí việc làm (và cơ quan), thay cho tiêu \
         chuẩn ngạch và yêu cầu ghi trong danh mục (CSV hoặc bảng tính)",
    ),
    (
        "agency",
        "Cơ quan của danh mục vị trí việc làm khi tệp không ghi (không có cột Cơ quan, \
         tiêu đề, tên trang tính và tên tệp đều không nêu)",
    ),
    (
        "field_synonyms",
        "Các tên gọi tương đương của ngành đào tạo, để đối chiếu với vị trí việc làm (TOML); \
         mặc định: của chính sách, nếu không có thì danh sách có sẵn (policies/field-synonyms.toml)",
    ),
    (
        "document",
        "Thể thức văn bản của báo cáo (TOML có bảng `[document]`: số, địa danh, ngày, người ký, \
         nơi nhận); mặc định: bảng `[document]` của chính sách",
    ),
    (
        "output",
        "Ghi báo cáo ra tệp này; mặc định `reports/<mã chính sách>_<ngày chốt>.xlsx`",
    ),
    ("json", "Ghi thêm kết quả ra tệp JSON này (tên đuôi .json)"),
    (
        "plan",
        "Dự báo đến từng hạn chỉ tiêu và lập kế hoạch đào tạo (thêm các trang \"Dự báo\", \
         \"Kế hoạch đào tạo\", \"Nghỉ hưu\")",
    ),
];
