//! One integration-test binary: runs the real `nhanluc` on small fixtures.

mod check;
mod domain;
mod hostile;
mod people;
mod plan;
mod plan_exact;
mod positions;
mod regression;
mod report;
mod util;
