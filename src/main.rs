//! The `versus` binary: parse the command line, run a command, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use versus::app::App;
use versus::cli::{Cli, Command, ListWhat, WeightArgs};
use versus::data::{Dataset, LoadError, load_file};
use versus::listing;
use versus::report::{Format, Report};
use versus::search::Searcher;
use versus::tui;
use versus::ui::Theme;
use versus::weights::{WeightError, Weighting};

#[derive(Debug, thiserror::Error)]
enum Failure {
    /// Printed as is: one `file:line:column: message` line per problem.
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("versus: {0}")]
    Weight(#[from] WeightError),
    #[error("versus: cannot write the output: {0}")]
    Output(io::Error),
    #[error("versus: {0}")]
    Terminal(io::Error),
    /// `check` found problems; they are printed already.
    #[error("versus: {0} of {1} files have problems")]
    CheckFailed(usize, usize),
}

fn main() -> ExitCode {
    match run(&Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command; returns the exit status for success paths (the explorer may end by a signal).
fn run(cli: &Cli) -> Result<u8, Failure> {
    let dataset = || Dataset::from_path_or_builtin(cli.data.as_deref());
    let Some(command) = &cli.command else { return explore(dataset()?, cli) };
    match command {
        Command::Report { weights, format } => report(&dataset()?, &cli.weights.merged(weights), *format)?,
        Command::List { what, format } => {
            let d = dataset()?;
            print(&match what {
                ListWhat::Dimensions => listing::dimensions(&d, *format),
                ListWhat::Presets => listing::presets(&d, *format),
                ListWhat::Claims => listing::claims(&d, *format),
            })?;
        }
        Command::Search { query, format } => {
            let d = dataset()?;
            let hits = Searcher::new(&d).search(&d, &query.join(" "));
            print(&listing::search(&d, &hits, *format))?;
        }
        Command::Check { files } => check(files)?,
    }
    Ok(0)
}

/// The full-screen explorer. Everything that can fail on bad input (data, preset, weights) is checked
/// before the screen is touched.
fn explore(dataset: Dataset, cli: &Cli) -> Result<u8, Failure> {
    let weighting = weighting(&dataset, &cli.weights)?;
    let color = !cli.no_color && std::env::var_os("NO_COLOR").is_none();
    let app = App::new(dataset, weighting, 0, 0);
    let ending = tui::run(app, Theme::new(color), !cli.no_mouse).map_err(Failure::Terminal)?;
    Ok(ending.exit_code())
}

/// The weights the arguments ask for: the preset (or defaults), then each override in order.
fn weighting(dataset: &Dataset, args: &WeightArgs) -> Result<Weighting, WeightError> {
    let mut weighting = match &args.preset {
        Some(id) => Weighting::preset(dataset, id)?,
        None => Weighting::defaults(dataset),
    };
    for spec in &args.overrides {
        weighting.set_from_spec(dataset, spec)?;
    }
    Ok(weighting)
}

fn report(dataset: &Dataset, args: &WeightArgs, format: Format) -> Result<(), Failure> {
    let weighting = weighting(dataset, args)?;
    print(&Report::new(dataset, &weighting).render(format))
}

fn check(files: &[std::path::PathBuf]) -> Result<(), Failure> {
    let mut failed = 0;
    for file in files {
        match load_file(file) {
            Ok(d) => print(&format!(
                "{}: ok ({}, {}, {}, {})\n",
                versus::data::sanitize::line(&file.display().to_string()),
                count(d.options.len(), "option"),
                count(d.dimensions.len(), "dimension"),
                count(d.presets.len(), "preset"),
                count(d.claims.len(), "claim"),
            ))?,
            Err(e) => {
                failed += 1;
                eprintln!("{e}");
            }
        }
    }
    if failed == 0 { Ok(()) } else { Err(Failure::CheckFailed(failed, files.len())) }
}

/// "1 claim", "2 claims".
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Writes to standard output; a closed pipe (`versus report | head`) is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}
