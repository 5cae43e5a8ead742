//! Resolves command-line values: the as-of date (the one place that reads
//! the clock), input paths and extra column names.

use chrono::NaiveDate;

use crate::cli::InputArgs;
use crate::error::{Error, Result};
use crate::schema::ColumnAliases;

/// Validated input settings.
#[derive(Debug)]
pub struct InputConfig {
    /// Files and folders to read.
    pub paths: Vec<std::path::PathBuf>,
    /// `--sheet`.
    pub sheet: Option<String>,
    /// Extra header names.
    pub aliases: ColumnAliases,
    /// Where they were read from (`--columns`).
    pub columns_path: Option<std::path::PathBuf>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Commune titles, for rows that give no category.
    pub titles: crate::normalize::CommuneTitles,
    /// Where they were read from (`None`: built in).
    pub titles_path: Option<std::path::PathBuf>,
    /// `--redact`: names as initials, national ids masked, in every output.
    pub redact: bool,
}

/// Parses `YYYY-MM-DD` or `DD/MM/YYYY`.
pub fn parse_as_of(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y"))
        .map_err(|_| {
            Error::Usage(format!(
                "--as-of: \"{s}\" is not a date; expected YYYY-MM-DD or DD/MM/YYYY"
            ))
        })
}

/// The as-of date: the flag, or today. No other code reads the clock.
pub fn resolve_as_of(flag: Option<&str>) -> Result<NaiveDate> {
    match flag {
        Some(s) => parse_as_of(s),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

impl InputConfig {
    /// The roster files of a listing and the files read with them (commune
    /// titles, column names), as inputs no output may overwrite.
    #[must_use]
    pub fn input_files<'a>(
        &'a self,
        listing: &'a crate::ingest::Listing,
    ) -> Vec<(&'a std::path::Path, &'static str)> {
        listing
            .files
            .iter()
            .chain(listing.passed_over.iter().map(|(p, _)| p))
            .map(|p| (p.as_path(), "roster"))
            .chain(
                self.titles_path
                    .as_deref()
                    .map(|p| (p, "commune-titles file")),
            )
            .chain(
                self.columns_path
                    .as_deref()
                    .map(|p| (p, "column-names file")),
            )
            .collect()
    }

    /// Validates the input flags.
    pub fn from_args(a: &InputArgs) -> Result<Self> {
        let aliases = match &a.columns {
            Some(p) => ColumnAliases::load(p)?,
            None => ColumnAliases::default(),
        };
        Ok(Self {
            paths: a.paths.clone(),
            sheet: a.sheet.clone(),
            aliases,
            columns_path: a.columns.clone(),
            as_of: resolve_as_of(a.as_of.as_deref())?,
            titles: crate::normalize::CommuneTitles::load(a.commune_titles.as_deref())?,
            titles_path: a.commune_titles.clone(),
            redact: a.redact,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_forms() {
        let d = NaiveDate::from_ymd_opt(2013, 12, 31).unwrap();
        assert_eq!(parse_as_of("2013-12-31").unwrap(), d);
        assert_eq!(parse_as_of("31/12/2013").unwrap(), d);
        assert!(parse_as_of("31.12.13").is_err());
    }
}
