//! The `versus` binary: parse the command line, run it, map the result to an exit status.

use std::process::ExitCode;

use clap::Parser;
use versus::cli::{Cli, run, say, usage};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(usage(&error)),
    };
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            say(&failure.to_string());
            ExitCode::from(failure.exit_code())
        }
    }
}
