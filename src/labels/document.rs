//! The report's first page: the document form (Decree 30/2020/NĐ-CP) and
//! the headline sentences, in both languages.

use super::Lang;

/// Fixed texts of the document form.
#[derive(Debug)]
pub struct DocLabels {
    /// Before the number: "Số:".
    pub number: &'static str,
    /// The kind of document: "BÁO CÁO".
    pub kind: &'static str,
    /// What it is about (trích yếu).
    pub subject: &'static str,
    /// "Nơi nhận:".
    pub recipients: &'static str,
    /// Before the legal basis.
    pub basis: &'static str,
    /// Above the headline sentences.
    pub findings: &'static str,
    /// Above the table.
    pub table: &'static str,
    /// Table headers.
    pub col_target: &'static str,
    pub col_required: &'static str,
    pub col_counted: &'static str,
    pub col_shortfall: &'static str,
    pub col_units_met: &'static str,
    pub col_forecast: &'static str,
    /// A target not projected (agency targets).
    pub not_projected: &'static str,
    /// Above the chart's figures, beside the printed page.
    pub chart_data: &'static str,
    /// Before an agency's name on its total row.
    pub subtotal: &'static str,
    /// The total row of a whole table.
    pub grand_total: &'static str,
    /// Above an annex's title: "Phụ lục" and its number.
    pub annex: &'static str,
    /// Below it: the report it goes with ("{number}", "{signed}": its date)
    /// and the as-of date ("{date}").
    pub annex_of: &'static str,
}

/// Vietnamese.
pub static VI_DOC: DocLabels = DocLabels {
    number: "Số:",
    kind: "BÁO CÁO",
    subject: "Kết quả thực hiện chỉ tiêu về đội ngũ cán bộ, công chức, viên chức",
    recipients: "Nơi nhận:",
    basis: "Căn cứ",
    findings: "I. KẾT QUẢ SO VỚI CHỈ TIÊU",
    table: "II. SỐ LIỆU TỔNG HỢP",
    col_target: "Chỉ tiêu",
    col_required: "Yêu cầu, thời hạn",
    col_counted: "Đạt / thuộc diện",
    col_shortfall: "Còn thiếu",
    col_units_met: "Đơn vị đạt",
    col_forecast: "Đến thời hạn (có kế hoạch)",
    not_projected: "—",
    chart_data: "Dữ liệu biểu đồ",
    subtotal: "Cộng",
    grand_total: "Tổng cộng",
    annex: "Phụ lục",
    annex_of: "(Kèm theo Báo cáo số {number} {signed}; số liệu tính đến ngày {date})",
};

/// English.
pub static EN_DOC: DocLabels = DocLabels {
    number: "No.:",
    kind: "REPORT",
    subject: "Progress on the targets for cadres, civil servants and public employees",
    recipients: "Recipients:",
    basis: "Basis",
    findings: "I. STANDING AGAINST THE TARGETS",
    table: "II. FIGURES",
    col_target: "Target",
    col_required: "Required, deadline",
    col_counted: "Met / counted",
    col_shortfall: "Short by",
    col_units_met: "Units meeting",
    col_forecast: "By the deadline (with the plan)",
    not_projected: "—",
    chart_data: "Chart data",
    subtotal: "Total",
    grand_total: "Grand total",
    annex: "Annex",
    annex_of: "(Annex to report No. {number} of {signed}; figures as of {date})",
};

/// The document labels for a language.
#[must_use]
pub fn doc(lang: Lang) -> &'static DocLabels {
    match lang {
        Lang::Vi => &VI_DOC,
        Lang::En => &EN_DOC,
    }
}

/// A blank to fill in by hand.
pub const BLANK: &str = "……";

/// "Số: 125/BC-UBND", with blanks for what is not given.
#[must_use]
pub fn number_line(lang: Lang, number: Option<&str>, symbol: Option<&str>) -> String {
    let symbol = symbol.map_or_else(|| format!("BC-{BLANK}"), str::to_string);
    format!("{} {}/{symbol}", doc(lang).number, number.unwrap_or(BLANK))
}

/// "Bắc Kạn, ngày 15 tháng 01 năm 2014", with blanks for what is not given.
#[must_use]
pub fn place_date_line(lang: Lang, place: Option<&str>, date: Option<chrono::NaiveDate>) -> String {
    use chrono::Datelike;
    let place = place.unwrap_or(BLANK);
    let (d, m, y) = date.map_or_else(
        || (BLANK.to_string(), BLANK.to_string(), BLANK.to_string()),
        |d| {
            (
                format!("{:02}", d.day()),
                format!("{:02}", d.month()),
                d.year().to_string(),
            )
        },
    );
    match lang {
        Lang::Vi => format!("{place}, ngày {d} tháng {m} năm {y}"),
        Lang::En => format!("{place}, {d}/{m}/{y}"),
    }
}

/// Where a target stands by its deadline, as the projection and the plan say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forecast {
    /// Not projected (agency targets keep today's figures).
    NotProjected,
    /// Nobody in the population at the deadline.
    NotApplicable,
    /// Met at the deadline without new training.
    MetAnyway,
    /// Met with the plan's trainees (how many count for it).
    MetWithPlan(u64),
    /// Not met even with the plan (groups still missing).
    NotMet(u64),
}

impl Forecast {
    /// Met by the deadline: `None` when it cannot be said.
    #[must_use]
    pub fn met(self) -> Option<bool> {
        match self {
            Forecast::NotProjected | Forecast::NotApplicable => None,
            Forecast::MetAnyway | Forecast::MetWithPlan(_) => Some(true),
            Forecast::NotMet(_) => Some(false),
        }
    }
}

/// The figures one headline sentence tells.
#[derive(Debug, Clone)]
pub struct Headline<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub met: Option<bool>,
    pub qualified: u64,
    pub population: u64,
    pub unknown: u64,
    pub share: Option<f64>,
    pub required: String,
    pub deadline: chrono::NaiveDate,
    pub shortfall: u64,
    pub over_agencies: bool,
    /// (units meeting, units with a population) when the scope is per unit.
    pub units: Option<(u64, u64)>,
    pub forecast: Option<Forecast>,
}

/// A share as a report prints it: one decimal, the language's separator.
#[must_use]
pub fn percent(lang: Lang, share: f64) -> String {
    let s = format!("{:.1}%", share * 100.0);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// One sentence per target: met now or not, by how much, and by the
/// deadline. Returned in three parts — before the status word, the status
/// word, after it — so the status can be set in bold.
#[must_use]
pub fn headline(lang: Lang, h: &Headline<'_>) -> (String, &'static str, String) {
    let vi = lang == Lang::Vi;
    let who = match (vi, h.over_agencies) {
        (true, false) => "người",
        (true, true) => "cơ quan",
        (false, false) => "people",
        (false, true) => "agencies",
    };
    let before = format!("{} ({}): ", h.label, h.id);
    let (status, mut after) = match (h.met, h.share) {
        (Some(met), Some(share)) => {
            let p = percent(lang, share);
            let status = match (vi, met) {
                (true, true) => "đạt",
                (true, false) => "chưa đạt",
                (false, true) => "met",
                (false, false) => "not met",
            };
            let figures = if vi {
                format!(
                    ", {}/{} {who} ({p}), yêu cầu {}",
                    h.qualified, h.population, h.required
                )
            } else {
                format!(
                    ", {} of {} {who} ({p}), required {}",
                    h.qualified, h.population, h.required
                )
            };
            (status, figures)
        }
        _ => (
            if vi {
                "không áp dụng"
            } else {
                "not applicable"
            },
            if vi {
                format!(", không có {who} thuộc diện")
            } else {
                format!(", no {who} counted")
            },
        ),
    };
    if let Some((met, of)) = h.units {
        after.push_str(&if vi {
            format!(", {met}/{of} đơn vị đạt")
        } else {
            format!(", {met} of {of} units meet it")
        });
    }
    if h.met == Some(false) && h.shortfall > 0 {
        let n = h.shortfall;
        after.push_str(&match (vi, h.units.is_some()) {
            (true, false) => format!(", còn thiếu {n} {who}"),
            (true, true) => format!(", các đơn vị chưa đạt còn thiếu tổng cộng {n} {who}"),
            (false, false) => format!(", short by {n} {who}"),
            (false, true) => format!(", the units below it short by {n} {who} in all"),
        });
    }
    if h.unknown > 0 {
        after.push_str(&if vi {
            format!(" ({} người chưa rõ trình độ, chưa tính là đạt)", h.unknown)
        } else {
            format!(" ({} of unknown level, not counted as met)", h.unknown)
        });
    }
    if let Some(f) = h.forecast {
        after.push_str(&forecast_clause(vi, f, h, who));
    }
    after.push('.');
    (before, status, after)
}

/// The headline's clause on the deadline: what the projection and the
/// training plan say of it.
fn forecast_clause(vi: bool, f: Forecast, h: &Headline<'_>, who: &str) -> String {
    let deadline = h.deadline.format("%d/%m/%Y");
    match (vi, f) {
        (true, Forecast::NotProjected) => "; không dự báo đến thời hạn".to_string(),
        (false, Forecast::NotProjected) => "; not projected to the deadline".to_string(),
        (true, Forecast::NotApplicable) => {
            format!("; đến {deadline} không còn {who} thuộc diện")
        }
        (false, Forecast::NotApplicable) => format!("; by {deadline} no {who} counted"),
        (true, Forecast::MetAnyway) => {
            format!("; dự báo đến {deadline} đạt mà không cần đào tạo thêm")
        }
        (false, Forecast::MetAnyway) => {
            format!("; by {deadline} met without further training")
        }
        (true, Forecast::MetWithPlan(n)) => {
            format!("; dự báo đến {deadline} đạt nếu thực hiện kế hoạch đào tạo {n} người")
        }
        (false, Forecast::MetWithPlan(n)) => {
            format!("; by {deadline} met with the training plan ({n} trainees)")
        }
        (true, Forecast::NotMet(_)) => {
            format!("; dự báo đến {deadline} chưa đạt, kể cả khi thực hiện kế hoạch đào tạo")
        }
        (false, Forecast::NotMet(_)) => {
            format!("; by {deadline} not met, even with the training plan")
        }
    }
}
