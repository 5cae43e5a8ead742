//! `nhanluc generate`: write a synthetic roster.

use crate::cli::GenerateArgs;
use crate::error::Result;

/// Runs the command; returns the exit code.
pub fn run(args: &GenerateArgs) -> Result<u8> {
    crate::generate::generate(&args.output, args.rows, args.seed)?;
    println!("{}", args.output.display());
    if let Some(path) = &args.catalogue {
        crate::generate::catalogue(path, args.catalogue_rows)?;
        println!("{}", path.display());
    }
    Ok(0)
}
