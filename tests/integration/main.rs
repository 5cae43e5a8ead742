//! One integration-test binary: runs the real `nhanluc` on small fixtures.

mod catalogue_layouts;
mod check;
mod code_layout;
mod domain;
mod forms;
mod help;
mod hostile;
mod hostile_csv;
mod movement;
mod people;
mod plan;
mod plan_exact;
mod positions;
mod print;
mod redact;
mod regression;
mod report;
mod shapes;
mod util;
