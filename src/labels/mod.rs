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

mod document;
mod en;
mod fields;
mod forms;
mod grades;
mod help;
mod issues;
mod movement;
mod structure;
mod terms;
mod vi;

pub use document::{
    BLANK, DocLabels, Forecast, Headline, doc, headline, number_line, percent, place_date_line,
};
pub use en::EN;
pub use fields::field;
pub use forms::{
    FormLabels, as_of_line, blank_note, checks_hold, form_field, form_summary, forms,
    mismatch_line, out_of_period_note, outside_blocks_note, reconcile_line, set_aside_note,
    several_blocks_note, several_units_note, unchecked_line, unknown_note,
};
pub use grades::{GradeLabels, grades};
pub use help::{CommandHelp, Example, HelpLabels, help};
pub use issues::{action, problem, problem_kind, severity, severity_header};
pub use movement::{
    MovementLabels, leavers_note, matched_note, movement, movement_scope, movement_summary,
    ties_note, unknown_map_row_note, unplaced_note,
};
pub use structure::{
    StructureLabels, structure, structure_no_category_note, structure_shares_note,
};
pub use terms::*;
pub use vi::VI;

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
    /// Titles of the annexes "Theo đơn vị" and "Cần đào tạo".
    pub title_units: &'static str,
    pub title_training: &'static str,
    /// A person below a target already past retirement age ("{date}": last day of service).
    pub past_retirement_note: &'static str,
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
    /// "Thông tin": whether names and national ids are redacted.
    pub about_redacted: &'static str,
    pub redacted_yes: &'static str,
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
    pub req_professional: &'static str,
    pub req_level_caps: &'static str,
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
    pub col_people: &'static str,
    pub no_catalogue: &'static str,
    pub sheet_projection: &'static str,
    pub sheet_plan: &'static str,
    pub sheet_trainees: &'static str,
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
            self.sheet_trainees,
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
