//! The movement table's columns, in print order: one table gives each
//! column's number, its JSON key, its label and its group, so the sheet and
//! the JSON cannot drift apart.

use crate::labels::MovementLabels;

/// Opening (last year's people).
pub const OPENING: usize = 0;
/// In, all.
pub const IN: usize = 1;
/// Hired or received.
pub const HIRED: usize = 2;
/// Transferred from another unit.
pub const TRANSFER_IN: usize = 3;
/// From another category, in the same unit.
pub const CATEGORY_IN: usize = 4;
/// A post held concurrently, new this year.
pub const CONCURRENT_NEW: usize = 5;
/// Out, all.
pub const OUT: usize = 6;
/// Retired.
pub const RETIRED: usize = 7;
/// Transferred to another unit.
pub const TRANSFER_OUT: usize = 8;
/// Left, other.
pub const LEFT: usize = 9;
/// To another category, in the same unit.
pub const CATEGORY_OUT: usize = 10;
/// A post held concurrently last year, ended.
pub const CONCURRENT_ENDED: usize = 11;
/// Closing (this year's people).
pub const CLOSING: usize = 12;
/// Gains in education, political theory, state management (three columns).
pub const GAINED: usize = 13;
/// How many columns.
pub const COUNT: usize = 16;

/// The group a column sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// None: opening, closing.
    None,
    /// "Tăng trong kỳ".
    In,
    /// "Giảm trong kỳ".
    Out,
    /// "Nâng trình độ".
    Gains,
}

/// One column: its number, JSON key, label and group.
pub struct Column {
    /// Printed number (1-based).
    pub number: &'static str,
    /// Key in the JSON rows.
    pub key: &'static str,
    /// Its label.
    pub label: fn(&MovementLabels) -> &'static str,
    /// Its group.
    pub group: Group,
}

/// Every column, in print order (index = the constants above).
pub const COLUMNS: [Column; COUNT] = [
    col("1", "opening", |l| l.opening, Group::None),
    col("2", "in", |l| l.total, Group::In),
    col("3", "hired", |l| l.hired, Group::In),
    col("4", "transferred_in", |l| l.transfer_in, Group::In),
    col("5", "from_other_category", |l| l.category_in, Group::In),
    col("6", "concurrent_post_new", |l| l.concurrent_new, Group::In),
    col("7", "out", |l| l.total, Group::Out),
    col("8", "retired", |l| l.retired, Group::Out),
    col("9", "transferred_out", |l| l.transfer_out, Group::Out),
    col("10", "left", |l| l.left, Group::Out),
    col("11", "to_other_category", |l| l.category_out, Group::Out),
    col(
        "12",
        "concurrent_post_ended",
        |l| l.concurrent_ended,
        Group::Out,
    ),
    col("13", "closing", |l| l.closing, Group::None),
    col("14", "gained_education", |l| l.education, Group::Gains),
    col(
        "15",
        "gained_political_theory",
        |l| l.political_theory,
        Group::Gains,
    ),
    col(
        "16",
        "gained_state_management",
        |l| l.state_management,
        Group::Gains,
    ),
];

const fn col(
    number: &'static str,
    key: &'static str,
    label: fn(&MovementLabels) -> &'static str,
    group: Group,
) -> Column {
    Column {
        number,
        key,
        label,
        group,
    }
}

/// The sums the table implies, by column number; verified on every row.
pub const CHECKS: &[&str] = &[
    "2 = 3 + 4 + 5 + 6",
    "7 = 8 + 9 + 10 + 11 + 12",
    "13 = 1 + 2 - 7",
];

/// A row's figures, one per column.
pub type Figures = [u64; COUNT];

#[cfg(test)]
mod tests {
    use super::*;

    /// The constants index the table, and the checks name its numbers.
    #[test]
    fn the_constants_and_checks_agree_with_the_table() {
        assert_eq!(COLUMNS[OPENING].key, "opening");
        assert_eq!(COLUMNS[CONCURRENT_NEW].number, "6");
        assert_eq!(COLUMNS[OUT].number, "7");
        assert_eq!(COLUMNS[CONCURRENT_ENDED].number, "12");
        assert_eq!(COLUMNS[CLOSING].number, "13");
        assert_eq!(COLUMNS[GAINED].key, "gained_education");
        for (i, c) in COLUMNS.iter().enumerate() {
            assert_eq!(c.number, (i + 1).to_string());
        }
    }
}
