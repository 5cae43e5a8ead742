//! One module per subcommand: wiring only; the stages do the work.

pub mod check;
pub mod forms;
pub mod generate;
pub mod report;
