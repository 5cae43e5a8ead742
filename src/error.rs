//! Fatal errors: the input cannot be used, nothing is written, exit code 2.
//!
//! Problems with single values or rows are not errors: they are data issues
//! ([`crate::issues`]) and the run goes on.

use std::path::PathBuf;

/// A fatal failure, with enough context to find the cell.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },

    /// A file could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A workbook could not be opened or a sheet not read.
    #[error("{}: not a readable workbook ({message})", path.display())]
    Workbook { path: PathBuf, message: String },

    /// No roster file among the inputs.
    #[error(
        "no roster files (.xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt) in {}",
        paths
    )]
    NoInputFiles { paths: String },

    /// No sheet of any input has a roster header.
    #[error(
        "no roster header found in any input file; expected a row naming at least the full name (Họ và tên) and one other known column (Ngày sinh, Đơn vị, Chức vụ, …).\n  {}",
        files.join("\n  ")
    )]
    NoRosterHeader {
        /// Each file, with what it holds.
        files: Vec<String>,
    },

    /// An output path is one of the inputs, or two outputs are one file.
    #[error(
        "{flag} {}: {what}; writing there would destroy it. Nothing was written: choose another path",
        output.display()
    )]
    OutputIsInput {
        /// The option naming the output.
        flag: &'static str,
        /// The output path as given.
        output: PathBuf,
        /// What the path already is.
        what: String,
    },

    /// Standard output was closed (e.g. piped into `head`): stop quietly.
    #[error("standard output closed")]
    BrokenPipe,

    /// A roster sheet lacks a required column.
    #[error(
        "{}, sheet \"{sheet}\", header at row {row}: no column for the required field `{field}`.\n  headers found: {found}\n  names accepted for `{field}`: {accepted}\n  (add your own name with --columns FILE)",
        path.display()
    )]
    MissingColumn {
        path: PathBuf,
        sheet: String,
        row: u32,
        field: &'static str,
        found: String,
        accepted: String,
    },

    /// A sheet without a unit column names no unit anywhere.
    #[error(
        "{}, sheet \"{sheet}\", header at row {row}: no unit for the rows. Expected a unit column (Đơn vị), section headings naming units (\"I | UBND xã A\"), the issuing body or the unit in the title block (\"UBND XÃ A\", \"DANH SÁCH … XÃ A\"), a sheet name or a file name naming the unit; looked at: {looked}",
        path.display()
    )]
    NoUnit {
        path: PathBuf,
        sheet: String,
        row: u32,
        looked: String,
    },

    /// A row of a unit-mapping file (`--unit-map`) cannot be used.
    #[error(
        "unit-mapping file {}, sheet \"{sheet}\", row {row}, column {column}: {problem}.\n  expected: {expected}",
        path.display()
    )]
    UnitMap {
        path: PathBuf,
        sheet: String,
        /// Excel row.
        row: u32,
        /// Column letter and header ("D (Đơn vị mới)").
        column: String,
        /// What is wrong.
        problem: String,
        /// What the row should hold.
        expected: String,
    },

    /// A unit-mapping file (`--unit-map`) holds no mapping.
    #[error(
        "unit-mapping file {}: no unit mapping found (looked at {looked}).\n  expected: {expected}",
        path.display()
    )]
    UnitMapEmpty {
        path: PathBuf,
        /// The sheets read.
        looked: String,
        /// What the file should hold.
        expected: String,
    },

    /// `--sheet NAME` matched no sheet.
    #[error("no sheet named \"{name}\" in any input file")]
    SheetNotFound { name: String },

    /// A TOML file (policy, column names) is invalid.
    #[error("{}: {message}", path.display())]
    Toml { path: PathBuf, message: String },

    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),

    /// Writing an output failed.
    #[error("cannot write {}: {message}", path.display())]
    Write { path: PathBuf, message: String },
}

/// Result alias for fatal errors.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A whole text file (a policy, form, document or column-names file); a
/// failure names the file.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}
