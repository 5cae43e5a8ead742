//! The vocabulary every stage speaks: categories, levels and scales
//! ([`scales`]), dates as rosters write them ([`dates`]), retirement ages
//! ([`retirement`]), grades by code ([`grades`]), text folding ([`text`]) and legacy Vietnamese encodings
//! ([`legacy`]). Nothing here imports a pipeline stage.

pub mod dates;
pub mod grades;
pub mod legacy;
pub mod retirement;
pub mod scales;
pub mod text;
