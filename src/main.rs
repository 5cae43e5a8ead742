//! The `nhanluc` binary: resolve the language, parse, run, map to an exit code.

use std::io::Write as _;
use std::process::ExitCode;

use clap::FromArgMatches as _;
use nhanluc::cli::{Cli, command, resolve_lang};

fn main() -> ExitCode {
    let matches = command(resolve_lang()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match nhanluc::run(&cli) {
        Ok(code) => ExitCode::from(code),
        // The reader of our output went away (`| head`): nothing to say.
        Err(nhanluc::error::Error::BrokenPipe) => ExitCode::SUCCESS,
        Err(err) => {
            // Never panic on a closed standard error either.
            let mut e = std::io::stderr().lock();
            let _ = writeln!(e, "error: {err}");
            let mut cause = std::error::Error::source(&err);
            while let Some(c) = cause {
                let _ = writeln!(e, "  caused by: {c}");
                cause = c.source();
            }
            ExitCode::from(2)
        }
    }
}
