//! The `versus` binary: parse the command line, run it, map the result to an exit status.

use std::process::ExitCode;

use clap::Parser;
use versus::cli::{Cli, run, say};

fn main() -> ExitCode {
    match run(&Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            say(&failure.to_string());
            ExitCode::from(failure.exit_code())
        }
    }
}
