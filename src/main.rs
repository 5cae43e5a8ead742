//! The `nhanluc` binary: parse, run, map to an exit code.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = nhanluc::cli::Cli::parse();
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
