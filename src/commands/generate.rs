//! `nhanluc generate`: write a synthetic roster.

use crate::cli::GenerateArgs;
use crate::error::Result;
use crate::output;

/// Runs the command; returns the exit code.
pub fn run(args: &GenerateArgs) -> Result<u8> {
    let mut outputs = vec![("--output", args.output.as_path())];
    outputs.extend(args.catalogue.as_deref().map(|p| ("--catalogue", p)));
    output::refuse_overwrite(&[], &outputs)?;
    crate::generate::generate(&args.output, args.rows, args.seed)?;
    let mut text = format!("{}\n", args.output.display());
    if let Some(path) = &args.catalogue {
        crate::generate::catalogue(path, args.catalogue_rows)?;
        text.push_str(&format!("{}\n", path.display()));
    }
    output::print(&text).map(|()| 0)
}
