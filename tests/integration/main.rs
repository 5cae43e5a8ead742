//! One integration-test binary: runs the real `nhanluc` on small fixtures.

mod check;
mod hostile_csv;
mod plan;
mod plan_exact;
mod positions;
mod regression;
mod report;
mod util;
