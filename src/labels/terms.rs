//! Names of levels, categories, scales, requirements, plan limits and stages.

#[allow(clippy::wildcard_imports)]
use super::*;

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

/// Where the requirements a posting was checked against come from (see
/// [`crate::positions::Assignment::basis`]): the job description, the
/// legal standard of the person's grade, or the catalogue. See
/// [`with_basis`].
#[must_use]
pub fn standard_source(
    lang: Lang,
    cat: &crate::positions::Catalogue,
    basis: crate::positions::Basis,
) -> String {
    use crate::positions::Basis;
    match (basis, lang) {
        (Basis::JobDescription, Lang::Vi) => "bản mô tả công việc".into(),
        (Basis::JobDescription, Lang::En) => "the job description".into(),
        (Basis::GradeStandard(i), Lang::Vi) => {
            let s = &cat.grade_standards[usize::from(i)];
            format!("tiêu chuẩn ngạch {} ({})", s.name, s.source)
        }
        (Basis::GradeStandard(i), Lang::En) => {
            let s = &cat.grade_standards[usize::from(i)];
            format!("the {} grade standard ({})", s.name, s.source)
        }
        (Basis::Catalogue, Lang::Vi) => "danh mục vị trí việc làm".into(),
        (Basis::Catalogue, Lang::En) => "the position catalogue".into(),
    }
}

/// Unmet requirements followed by what they rest on: "…. Căn cứ: tiêu
/// chuẩn ngạch Chuyên viên (Thông tư 2/2021/TT-BNV)".
#[must_use]
pub fn with_basis(lang: Lang, unmet: &str, basis: &str) -> String {
    match lang {
        Lang::Vi => format!("{unmet}. Căn cứ: {basis}"),
        Lang::En => format!("{unmet}. Basis: {basis}"),
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
        (Lang::Vi, Some(PoliticalTheory::CaoCap)) => "Cao cấp",
        (Lang::Vi, Some(PoliticalTheory::CuNhan)) => "Cử nhân",
        (Lang::Vi, None) => "Không rõ",
        (Lang::En, Some(PoliticalTheory::None)) => "None",
        (Lang::En, Some(PoliticalTheory::SoCap)) => "Elementary",
        (Lang::En, Some(PoliticalTheory::TrungCap)) => "Intermediate",
        (Lang::En, Some(PoliticalTheory::CaoCap)) => "Advanced",
        (Lang::En, Some(PoliticalTheory::CuNhan)) => "Bachelor (politics)",
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
        Measure::ProfessionalPositions(share) => {
            return l
                .req_professional
                .replace("{share}", &share.display(lang == Lang::Vi));
        }
        Measure::LevelCaps => return l.req_level_caps.to_string(),
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
