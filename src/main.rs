//! The `versus` binary: parse the command line, load the user's files, run a command, map errors to
//! exit codes.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use versus::app::App;
use versus::cli::{Cli, Command, ConfigWhat, ListWhat, WeightArgs};
use versus::config::{self, Config};
use versus::data::{Dataset, LoadError, load_file};
use versus::listing::{self, Found, ListFormat};
use versus::profiles::{FILE_NAME as PROFILES_FILE, Profile};
use versus::report::Report;
use versus::search::{Catalog, Searcher};
use versus::store::{self, ProfilesRead};
use versus::tui;
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
    #[error("versus: {0}")]
    Misplaced(&'static str),
    /// `check` found problems; they are printed already.
    #[error("versus: {0} of {1} files have problems")]
    CheckFailed(usize, usize),
}

fn main() -> ExitCode {
    match run(&Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            say(&failure.to_string());
            ExitCode::FAILURE
        }
    }
}

/// What the user's files say: the config directory, the config (defaults if it is missing or bad),
/// the saved profiles, and warnings about either file.
struct UserFiles {
    dir: Option<PathBuf>,
    /// Where large datasets are cached once checked (see `versus::cache`).
    cache_dir: Option<PathBuf>,
    config: config::Loaded,
    profiles: ProfilesRead,
}

impl UserFiles {
    fn load() -> Self {
        let dir = store::default_config_dir();
        let config = config::load(dir.as_deref());
        let profiles = dir.as_deref().map_or(ProfilesRead::Missing, store::read_profiles);
        Self { dir, cache_dir: store::cache_dir(|name| std::env::var_os(name)), config, profiles }
    }

    fn config(&self) -> &Config {
        &self.config.config
    }

    /// Problems with the user's files, worded for stderr and the status line.
    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(problem) = &self.config.problem {
            warnings.push(format!("config ignored, running on the defaults:\n{problem}"));
        }
        if let ProfilesRead::Broken(problem) = &self.profiles {
            warnings.push(format!(
                "saved profiles unreadable (the file is kept; the next save moves it to .bak): {problem}"
            ));
        }
        warnings
    }

    /// The dataset file in use: `--data`, else the config's default (relative to the config directory).
    fn dataset_path(&self, cli: &Cli) -> Option<PathBuf> {
        cli.data.clone().or_else(|| {
            let path = store::expand_home(self.config().dataset.as_deref()?);
            Some(match &self.dir {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path,
            })
        })
    }

    /// The dataset from `--data`, else the config's default, else the built-in one. A `--data` file that
    /// fails is an error; a config default that fails is a warning, and the built-in data is used.
    /// Also returns the file it came from, if any.
    fn dataset(&self, cli: &Cli, warnings: &mut Vec<String>) -> Result<(Dataset, Option<PathBuf>), LoadError> {
        self.chosen(cli, warnings, versus::cache::load, Dataset::builtin)
    }

    /// As [`Self::dataset`], but only what the `search` command needs.
    fn catalog(&self, cli: &Cli, warnings: &mut Vec<String>) -> Result<Catalog, LoadError> {
        self.chosen(cli, warnings, versus::cache::load_catalog, || Catalog::new(&Dataset::builtin())).map(|(c, _)| c)
    }

    /// The dataset choice of [`Self::dataset`], read by `from_file` (through the cache) or `builtin`.
    fn chosen<T>(
        &self,
        cli: &Cli,
        warnings: &mut Vec<String>,
        from_file: fn(&Path, Option<&Path>) -> Result<T, LoadError>,
        builtin: impl Fn() -> T,
    ) -> Result<(T, Option<PathBuf>), LoadError> {
        let path = self.dataset_path(cli);
        let loaded = match &path {
            Some(path) => from_file(path, self.cache_dir.as_deref()),
            None => Ok(builtin()),
        };
        match loaded {
            Ok(loaded) => Ok((loaded, path)),
            Err(e) if cli.data.is_none() => {
                warnings.push(format!("the config's default dataset cannot be used; using the built-in one:\n{e}"));
                Ok((builtin(), None))
            }
            Err(e) => Err(e),
        }
    }
}

/// Runs `load`, then says the problems with the user's files it and [`UserFiles::load`] found.
fn warned<T>(files: &UserFiles, load: impl FnOnce(&mut Vec<String>) -> T) -> T {
    let mut warnings = files.warnings();
    let loaded = load(&mut warnings);
    for warning in &warnings {
        say(&format!("versus: {warning}"));
    }
    loaded
}

/// Runs the command; returns the exit status for success paths (the explorer may end by a signal).
fn run(cli: &Cli) -> Result<u8, Failure> {
    let files = UserFiles::load();
    let Some(command) = &cli.command else { return explore(cli, &files) };
    // Loaded only by the commands that use it. Problems with the user's files are said first, before
    // anything that might fail because of them.
    let dataset = || warned(&files, |warnings| files.dataset(cli, warnings)).map(|(dataset, _)| dataset);
    let explorer_only = cli.no_mouse || cli.no_color;
    let weights_given =
        cli.weights.preset.is_some() || cli.weights.profile.is_some() || !cli.weights.overrides.is_empty();
    if explorer_only || (weights_given && !matches!(command, Command::Report { .. })) {
        return Err(Failure::Misplaced(if explorer_only {
            "--no-mouse and --no-color apply to the explorer (versus with no command)"
        } else {
            "--preset, --profile and --weight apply to the explorer and to `report`"
        }));
    }
    match command {
        Command::Report { weights, format } => {
            let d = dataset()?;
            let profiles = files.profiles.for_dataset(&d);
            let (weighting, warnings) = weighting(&d, &cli.weights.merged(weights), files.config(), &profiles)?;
            for warning in &warnings {
                say(&format!("versus: {warning}"));
            }
            print(&Report::new(&d, &weighting).render(*format))?;
            exiting(d);
        }
        Command::List { what, format } => {
            let d = dataset()?;
            print(&match what {
                ListWhat::Dimensions => listing::dimensions(&d, *format),
                ListWhat::Presets => listing::presets(&d, *format),
                ListWhat::Claims => listing::claims(&d, *format),
                ListWhat::Profiles => listing::profiles(&d, &files.profiles.for_dataset(&d), *format),
            })?;
            exiting(d);
        }
        Command::Search { query, format } => {
            // The catalog, not the dataset: from the cache, a search reads a fraction of it.
            let Catalog { index, ids, summaries } = warned(&files, |warnings| files.catalog(cli, warnings))?;
            let (searcher, query) = (Searcher::from_index(index), query.join(" "));
            let found: Vec<Found> = searcher
                .search(&query)
                .into_iter()
                .map(|h| Found {
                    id: &ids[h.dimension],
                    name: searcher.index().name(h.dimension),
                    summary: &summaries[h.dimension],
                    score: h.score,
                    positions: match format {
                        ListFormat::Json => searcher.positions(h.dimension, &query),
                        ListFormat::Text => Vec::new(),
                    },
                })
                .collect();
            print(&listing::search(&found, *format))?;
            exiting((searcher, ids, summaries));
        }
        Command::Check { files } => check(files)?,
        Command::Config { what: ConfigWhat::Default } => print(&config::default_text())?,
        Command::Config { what: ConfigWhat::Path } => {
            let dataset = files.dataset(cli, &mut Vec::new()).ok().map(|(dataset, _)| dataset);
            print(&config_report(&files, dataset.as_ref()))?;
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "versus", &mut out);
            print(&String::from_utf8_lossy(&out))?;
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(Failure::Output)?;
            print(&String::from_utf8_lossy(&out))?;
        }
    }
    Ok(0)
}

/// The full-screen explorer. Everything that can fail on bad input (data, preset, profile, weights) is
/// checked before the screen is touched; problems with the user's files are printed to stderr and
/// shown on the status line, and the explorer starts anyway.
fn explore(cli: &Cli, files: &UserFiles) -> Result<u8, Failure> {
    let mut warnings = files.warnings();
    let (dataset, path) = files.dataset(cli, &mut warnings)?;
    let profiles = files.profiles.for_dataset(&dataset);
    let (weighting, more) = weighting(&dataset, &cli.weights, files.config(), &profiles)?;
    warnings.extend(more);
    for warning in &warnings {
        say(&format!("versus: {warning}"));
    }
    let color = !cli.no_color && std::env::var_os("NO_COLOR").is_none();
    let mouse = !cli.no_mouse && files.config().mouse;
    let mut app = App::new(dataset, weighting, 0, 0);
    app.keymap = files.config().keymap.clone();
    app.data_path = path.map(|p| p.display().to_string());
    app.profiles = profiles;
    if let Some(first) = warnings.first() {
        let more =
            if warnings.len() > 1 { format!(" (+{} more, see stderr)", warnings.len() - 1) } else { String::new() };
        app.set_status(format!("{}{more}", first.replace('\n', " ")), true);
    }
    let ending = tui::run(app, files.config().theme(color), mouse, files.dir.as_deref()).map_err(Failure::Terminal)?;
    Ok(ending.exit_code())
}

/// The weights the arguments ask for: a profile or preset (from the command line, else the config's
/// default), then each override in order; with warnings to show.
fn weighting(
    dataset: &Dataset,
    args: &WeightArgs,
    config: &Config,
    profiles: &[Profile],
) -> Result<(Weighting, Vec<String>), WeightError> {
    let mut warnings = Vec::new();
    let chosen_profile = |name: &str, warnings: &mut Vec<String>| {
        let weighting = Weighting::profile(profiles, name)?;
        warnings.extend(profiles.iter().find(|p| p.name == name).and_then(Profile::warning));
        Ok::<_, WeightError>(weighting)
    };
    let mut weighting = match (&args.profile, &args.preset) {
        (Some(name), _) => chosen_profile(name, &mut warnings)?,
        (None, Some(id)) => Weighting::preset(dataset, id)?,
        // The config's defaults apply to every dataset, so one that does not fit this one is a warning.
        (None, None) => {
            let default = match (&config.profile, &config.preset) {
                (Some(name), _) => Some(chosen_profile(name, &mut warnings)),
                (None, Some(id)) => Some(Weighting::preset(dataset, id)),
                (None, None) => None,
            };
            match default {
                Some(Ok(weighting)) => weighting,
                Some(Err(e)) => {
                    warnings.push(format!("the config's default does not apply: {e}"));
                    Weighting::defaults(dataset)
                }
                None => Weighting::defaults(dataset),
            }
        }
    };
    for spec in &args.overrides {
        weighting.set_from_spec(dataset, spec)?;
    }
    Ok((weighting, warnings))
}

fn config_report(files: &UserFiles, dataset: Option<&Dataset>) -> String {
    let Some(dir) = &files.dir else {
        return "config directory: none (set VERSUS_CONFIG_DIR, XDG_CONFIG_HOME or HOME)\n".to_owned();
    };
    let config = match (&files.config.file, &files.config.problem) {
        (Some(path), _) => format!("loaded {}", shown(path)),
        (None, Some(problem)) => format!("set aside, running on the defaults:\n{problem}"),
        (None, None) => {
            format!("{} not found (defaults in use; `versus config default` prints one)", config::FILE_NAME)
        }
    };
    let profiles = match &files.profiles {
        ProfilesRead::Missing => format!("{PROFILES_FILE} not found (no saved profiles)"),
        ProfilesRead::Broken(problem) => format!("unreadable, kept as is: {problem}"),
        ProfilesRead::Loaded(file) => {
            let here = dataset.map_or(0, |d| file.for_dataset(d).len());
            format!("{} profiles in {}, {here} for this dataset", file.profiles.len(), shown(&dir.join(PROFILES_FILE)))
        }
    };
    let cache = files.cache_dir.as_ref().map_or_else(
        || "none (set VERSUS_CACHE_DIR, XDG_CACHE_HOME or HOME)".to_owned(),
        |cache| {
            let from = versus::cache::MIN_CACHED_BYTES / (1024 * 1024);
            format!("{} (dataset files of {from} MiB or more, once checked)", shown(cache))
        },
    );
    versus::data::sanitize::text(&format!(
        "config directory: {}\nconfig: {config}\nprofiles: {profiles}\ncache: {cache}\n",
        shown(dir)
    ))
}

/// A path on one line: a line break in a directory's name must not make a line of its own.
fn shown(path: &Path) -> String {
    versus::data::sanitize::line(&path.display().to_string())
}

fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let mut failed = 0;
    for file in files {
        match load_file(file) {
            Ok(d) => print(&format!(
                "{}: ok ({}, {}, {}, {})\n",
                shown(file),
                versus::text::count(d.options.len(), "option"),
                versus::text::count(d.dimensions.len(), "dimension"),
                versus::text::count(d.presets.len(), "preset"),
                versus::text::count(d.claims.len(), "claim"),
            ))?,
            Err(e) => {
                failed += 1;
                say(&e.to_string());
            }
        }
    }
    if failed == 0 { Ok(()) } else { Err(Failure::CheckFailed(failed, files.len())) }
}

/// Leaves `data` to the operating system: the process is about to exit, and freeing a large dataset
/// string by string costs more than the search it served (30 ms of 400 at 10,000 dimensions).
fn exiting<T>(data: T) {
    std::mem::forget(data);
}

/// Writes a message to standard error. Messages quote user input (ids, paths, file contents), so they
/// are cleaned here, once, whatever built them.
fn say(message: &str) {
    eprintln!("{}", versus::data::sanitize::text(message));
}

/// Writes to standard output; a closed pipe (`versus report | head`) is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}
