//! The vocabulary every stage speaks: categories, levels and scales
//! ([`scales`]), dates as rosters write them ([`dates`]), retirement ages
//! ([`retirement`]), grades by code ([`grades`]), text folding ([`text`]),
//! legacy Vietnamese encodings ([`legacy`]), how alike two names are
//! ([`similar`]), the level a unit's name
//! says ([`units`]) and where a title or file name names a unit
//! ([`unit_names`]). Nothing here imports a pipeline stage (a test reads the
//! sources to hold it).

pub mod dates;
pub mod grades;
pub mod legacy;
pub mod retirement;
pub mod scales;
pub mod similar;
pub mod skills;
pub mod text;
pub mod unit_names;
pub mod units;
