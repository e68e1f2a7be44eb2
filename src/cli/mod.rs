//! The command line: the arguments ([`args`]) and one function per command. Each command loads only
//! what it uses; problems with the user's files are said before anything that might fail because of them.

mod args;
mod man;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

pub use args::{
    Cli, Command, ConfigWhat, ListFormat, ListOutput, ListWhat, ProfileAction, ReportFormat, RevisitFormat, WeightArgs,
};

mod decisions;

use crate::engine::data::sanitize;
use crate::engine::data::{Dataset, Freshness, LoadError, StaleSource, VOLATILE_FRESHNESS_DAYS, starter};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::listing::{self, Found};
use crate::engine::pairwise;
use crate::engine::profiles::{FILE_NAME as PROFILES_FILE, Notes, StoredProfile, check_name};
use crate::engine::report::{Framing, Report, Sampling};
use crate::engine::search::{Catalog, Searcher};
use crate::engine::text::pluralize;
use crate::engine::weight_file::{WeightFile, check_note};
use crate::engine::weights::{ConfigDefault, Origin, Request, WeightError, Weighting, shell_word};
use crate::explorer::app::{App, MAX_QUERY_CHARS, Startup, Status};
use crate::shell;
use crate::shell::cache::MIN_CACHED_BYTES;
use crate::shell::config;
use crate::shell::files::{load_dataset, read_input_text, write_atomically, write_new};
use crate::shell::profiles::{self, ProfilesRead};
use crate::shell::progress::Progress;
use crate::shell::team::read_team;
use crate::shell::terminal;
use crate::shell::user_files::UserFiles;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Printed as is: one `file:line:column: message` line per problem.
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("versus: {0}")]
    Weight(#[from] WeightError),
    #[error("versus: cannot write the output: {0}")]
    Output(io::Error),
    #[error("versus: cannot write {0}: {1}")]
    Write(String, io::Error),
    #[error("versus: {0}")]
    Profile(String),
    #[error("versus: {0}")]
    Decision(String),
    /// The team's weight files: one `file:line:column: message` line per problem.
    #[error("{}", crate::engine::diagnostic::lines(.0))]
    Team(Vec<Diagnostic>),
    #[error("versus: {0}")]
    Terminal(io::Error),
    /// A flag given where it means nothing: a usage error, worded and formatted as clap words its own.
    #[error("{0}")]
    Usage(Box<clap::Error>),
    /// `check` found problems; they are printed already.
    #[error("versus: {} of {} problems", .0, files_have(*.0, *.1))]
    CheckFailed(usize, usize),
    /// `check --stale` found sources past their freshness; they are printed already.
    #[error("versus: {}", stale_count(*.0))]
    Stale(usize),
}

/// "1 source is past its freshness limit", "2 sources are past their freshness limits".
fn stale_count(n: usize) -> String {
    if n == 1 {
        "1 source is past its freshness limit".to_owned()
    } else {
        format!("{n} sources are past their freshness limits")
    }
}

/// "1 file has", "2 files have": the total names the files, the count of failures the verb.
fn files_have(failed: usize, total: usize) -> String {
    let verb = if failed == 1 { "has" } else { "have" };
    format!("{} {verb}", pluralize(total, "file"))
}

impl Failure {
    /// The exit status: 2 for a usage error, as clap gives its own, else 1.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => 2,
            Self::Weight(e) if e.is_usage() => 2,
            _ => 1,
        }
    }
}

/// Runs the command; returns the exit status for success paths (the explorer may end by a signal).
pub fn run(cli: &Cli) -> Result<u8, Failure> {
    check_placement(cli)?;
    let files = UserFiles::load();
    let Some(command) = &cli.command else { return explore(cli, &files) };
    let data = cli.data.as_deref();
    let dataset = || warned(&files, |warnings| files.dataset(data, warnings)).map(|(dataset, _)| dataset);
    match command {
        Command::Report { weights, format, heading_level, samples, seed, pairwise } => {
            let d = dataset()?;
            let args = cli.weights.merged(weights);
            let mut request = request(&args, &d)?;
            request.pairwise = pairwise.as_deref().map(|path| judgements(path, &d)).transpose()?;
            let (weighting, warnings) = weighting(&d, &request, &files)?;
            warn_all(&warnings);
            let sampling = Sampling::of(*samples, *seed, args.weight_spread(), request.team.as_deref());
            let framing = Framing {
                heading_level: *heading_level,
                date: Some(shell::clock::today()),
                command: Some(invocation()),
                answers: args.answers,
                ..Framing::default()
            };
            // Many samples of many dimensions take seconds: a line on a terminal's stderr says how far.
            let mut progress = Progress::stderr("sampling");
            let report = Report::sampled_with_progress(&d, &weighting, sampling, |drawn, asked| {
                progress.update(drawn, asked);
            });
            progress.finish();
            let mut report = report.with_framing(framing);
            if let Some((judged, priorities)) = request.pairwise {
                report = report.with_pairwise(judged, priorities);
            }
            if let Some(members) = request.team {
                report = report.with_team(members);
            }
            print(&report.render((*format).into()))?;
            exiting(d);
        }
        Command::Record { .. } => {
            // The file the dataset came from, --data's or the config's, which the record names.
            let (d, file) = warned(&files, |warnings| files.dataset(data, warnings))?;
            let path = decisions::record_command(cli, command, (&d, file.as_deref()), &files)?;
            print(&format!("{}\n", path.display()))?;
            exiting(d);
        }
        Command::Revisit { paths, format, today } => {
            let today = today.clone().unwrap_or_else(shell::clock::today);
            return decisions::revisit(paths, *format, &today, |path| {
                warned(&files, |w| files.dataset(Some(path), w)).map(|(d, _)| d)
            });
        }
        Command::Diff { .. } => {
            let diff = decisions::diff(cli, command, &files)?;
            print(&diff)?;
        }
        Command::List { what, format } => {
            let d = dataset()?;
            print(&list(&d, *what, *format, &files))?;
            exiting(d);
        }
        // Like grep: nothing found is exit status 1.
        Command::Search { query, format } => {
            // As the explorer's search holds: matching is quadratic in the query's length.
            let mut query = query.join(" ");
            if query.chars().count() > MAX_QUERY_CHARS {
                query = query.chars().take(MAX_QUERY_CHARS).collect();
                say(&format!(
                    "versus: a search holds at most {MAX_QUERY_CHARS} characters; searching for the first ones"
                ));
            }
            if !search(&files, data, &query, *format)? {
                return Ok(1);
            }
        }
        Command::Check { files, stale, today } => {
            let freshness = stale.map(|days| {
                let today = today.clone().unwrap_or_else(shell::clock::today);
                (Freshness { days }, today)
            });
            check(files, freshness.as_ref())?;
        }
        Command::Profile { action } => {
            let d = dataset()?;
            profile(cli, action, &d, &files)?;
            exiting(d);
        }
        Command::New { title, options, output } => new_dataset(title, options, output.as_deref())?,
        Command::Schema => print(crate::engine::data::SCHEMA_JSON)?,
        Command::Config { what: ConfigWhat::Default } => print(&config::default_text())?,
        Command::Config { what: ConfigWhat::Path } => {
            let mut warnings = Vec::new();
            let loaded = files.dataset(data, &mut warnings);
            print(&config_report(&files, &loaded, &warnings))?;
        }
        Command::Completions { shell } => print(&completions(*shell))?,
        Command::Man => print(&man::page().map_err(Failure::Output)?)?,
    }
    Ok(0)
}

/// Explorer flags given to a command, and weight flags given to a command that has no weights, are
/// usage errors (clap cannot say so itself: they are global to allow `versus --data F report`).
fn check_placement(cli: &Cli) -> Result<(), Failure> {
    // `versus --team DIR report`: --team took `report` for a file, and no command was given. (Only then
    // is clap's command built to name the commands: not on every start.)
    let is_command =
        |path: &&PathBuf| !path.exists() && Cli::command().get_subcommands().any(|s| path.as_os_str() == s.get_name());
    let swallowed = cli.command.is_none().then(|| cli.weights.team.iter().find(is_command)).flatten();
    if let Some(word) = swallowed {
        let message = format!(
            "--team takes every word after it as a weight file, `{}` too: give the command first \
             (versus {} --team FILE_OR_DIR...)",
            word.display(),
            word.display()
        );
        return Err(Failure::Usage(Box::new(Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message))));
    }
    let Some(command) = &cli.command else { return Ok(()) };
    let misplaced = if cli.no_mouse || cli.no_color || cli.record.is_some() {
        "--no-mouse, --no-color and --record apply to the explorer (versus with no command)"
    } else if cli.data.is_some() && matches!(command, Command::Diff { .. }) {
        "diff compares the two dataset files it is given: --data does not apply to it"
    } else if cli.weights.given()
        && matches!(command, Command::Diff { presets: true, .. })
        && (cli.weights.preset.is_some() || cli.weights.profile.is_some() || !cli.weights.team.is_empty())
    {
        "--presets compares under every preset: --preset, --profile and --team do not apply with it"
    } else if cli.weights.given()
        && !matches!(
            command,
            Command::Report { .. }
                | Command::Record { .. }
                | Command::Diff { .. }
                | Command::Profile { action: ProfileAction::Save { .. } }
        )
    {
        "--preset, --profile, --team, --answer, --weight, --require and --weight-spread apply to the explorer, \
         `report`, `record`, `diff` and `profile save`"
    } else if (cli.weights.weight_spread.is_some()
        && !matches!(command, Command::Report { .. } | Command::Record { .. } | Command::Diff { .. }))
        || matches!(command, Command::Profile { action: ProfileAction::Save { weights, .. } } if weights.weight_spread.is_some())
    {
        "--weight-spread sets how the sure share is drawn: it applies to the explorer, `report`, `record` and \
         `diff` (a profile keeps weights and must-haves, not the spread)"
    } else {
        return Ok(());
    };
    let error = Cli::command().error(clap::error::ErrorKind::ArgumentConflict, misplaced);
    Err(Failure::Usage(Box::new(error)))
}

/// The full-screen explorer. Everything that can fail on bad input (data, preset, profile, weights) is
/// checked before the screen is touched; problems with the user's files are printed to stderr and
/// shown on the status line, and the explorer starts anyway.
fn explore(cli: &Cli, files: &UserFiles) -> Result<u8, Failure> {
    let mut warnings = files.warnings();
    // A record's inputs stand for the weighting flags (which clap keeps from being given with it), and
    // its dataset file for --data unless one is given.
    let record = cli.record.as_deref().map(decisions::record_inputs).transpose()?;
    let record_data = record.as_ref().and_then(|(_, inputs, _)| inputs.dataset.path.as_ref().map(PathBuf::from));
    let data = cli.data.clone().or(record_data);
    let (dataset, path) = files.dataset(data.as_deref(), &mut warnings)?;
    let args = match &record {
        // The record's weight spread, unless another is asked for.
        Some((_, inputs, _)) => {
            decisions::weight_args(&inputs.given, cli.weights.weight_spread.unwrap_or(inputs.outcome.weight_spread))
        }
        None => cli.weights.clone(),
    };
    // The team's warnings are said, and listed in help, with the others.
    let (mut request, team_files, team_warnings, team_notes) = team_request(&args, &dataset)?;
    if let Some(file) = record.as_ref().and_then(|(_, inputs, _)| inputs.given.pairwise.as_ref()) {
        request.pairwise = Some(judgements(Path::new(file), &dataset)?);
    }
    warnings.extend(team_warnings);
    let (weighting, more) = weighting(&dataset, &request, files)?;
    warnings.extend(more);
    warn_all(&warnings);
    // The interview reopens with the answers the weights came from: those given, else a profile's.
    let answers = match &weighting.origin {
        Origin::Profile { name, .. } if request.answers.is_empty() => {
            let profiles = files.profiles.for_dataset(&dataset);
            profiles.into_iter().find(|p| &p.name == name).map(|p| p.notes.answers).unwrap_or_default()
        }
        _ => request.answers.clone(),
    };
    // NO_COLOR counts when it is present and not empty (no-color.org).
    let color = !cli.no_color && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    let mouse = !cli.no_mouse && files.config().mouse;
    // The first problem, then how many more there are; a line too long for the screen says that help
    // shows it in full.
    let status = warnings.first().map(|first| {
        let more = match warnings.len() {
            1 => String::new(),
            n => format!(" ({} more: help lists all {n})", n - 1),
        };
        // Nothing here stopped the explorer: each is a file set aside, or used with a caveat. The status
        // line says "warning:" itself, so the diagnostic need not say it again: what happened first, then
        // where.
        let place = if first.file.is_empty() { String::new() } else { format!(" ({})", first.file) };
        Status::warning(format!("{}{place}{more}", first.headline()))
    });
    // The record's weights pinned, and its verdict as recorded said first (unless a file has a problem).
    let pinned = record.as_ref().map(|(_, inputs, _)| inputs.weighting(&dataset));
    let status = status.or_else(|| record.as_ref().map(|record| decisions::record_status(record, &dataset)));
    let app = App::new(Startup {
        profiles: files.profiles.for_dataset(&dataset),
        keymap: files.config().keymap.clone(),
        // Absolute, so that the command `y` copies works from any directory.
        data_as_given: path.as_ref().map(|p| p.display().to_string()),
        data_path: path.map(|p| std::path::absolute(&p).unwrap_or(p).display().to_string()),
        mouse,
        status,
        problems: warnings,
        confirm_quit: files.config().confirm_quit,
        team: request.team.unwrap_or_default(),
        team_files,
        team_notes,
        today: shell::clock::today(),
        answers,
        pinned,
        weight_spread: args.weight_spread(),
        ..Startup::new(dataset, weighting)
    });
    let ending = terminal::run(app, files.config().theme(color), files.dir.as_deref()).map_err(Failure::Terminal)?;
    Ok(ending.exit_code())
}

/// The weights the arguments ask for, with the config's default and the saved profiles; with warnings.
fn weighting(
    dataset: &Dataset,
    request: &Request,
    files: &UserFiles,
) -> Result<(Weighting, Vec<Diagnostic>), WeightError> {
    let config = files.config();
    let default = ConfigDefault { preset: config.preset.as_deref(), profile: config.profile.as_deref() };
    Weighting::resolve(dataset, request, default, &files.profiles.for_dataset(dataset))
}

/// This command line as typed, quoted for a POSIX shell, for the decision record to reproduce it.
fn invocation() -> String {
    // args_os: an argument that is not UTF-8 (a file name) must not stop the report.
    let args = std::env::args_os().skip(1).map(|arg| shell_word(&arg.to_string_lossy()));
    std::iter::once("versus".to_owned()).chain(args).collect::<Vec<_>>().join(" ")
}

/// The engine's request of the weight arguments, with `--team`'s files read (their warnings said).
fn request(args: &WeightArgs, dataset: &Dataset) -> Result<Request, Failure> {
    let (request, _, warnings, _) = team_request(args, dataset)?;
    warn_all(&warnings);
    Ok(request)
}

/// A request with its team's files as given, their warnings and the members' notes (name, note).
type TeamRequest = (Request, Vec<String>, Vec<Diagnostic>, Vec<(String, String)>);

/// [`request`], the team's files one by one as given (for the command the explorer's record gives to
/// reproduce it, to run where the files were named, typically a repository's root), the files'
/// warnings, not yet said, and the members' notes.
fn team_request(args: &WeightArgs, dataset: &Dataset) -> Result<TeamRequest, Failure> {
    if args.team.is_empty() {
        return Ok((args.request(None), Vec::new(), Vec::new(), Vec::new()));
    }
    let team = read_team(&args.team, dataset).map_err(Failure::Team)?;
    Ok((args.request(Some(team.members.clone())), team.files, team.warnings, team.notes))
}

/// The pairwise judgements in `path` for `dataset`, and the priorities they give.
fn judgements(path: &Path, dataset: &Dataset) -> Result<(pairwise::Judged, pairwise::Priorities), Failure> {
    let text = read_input_text(path)?;
    let judged = pairwise::parse(&text, &path.display().to_string(), dataset)?;
    let priorities = pairwise::priorities(judged.items.len(), &judged.judgements);
    Ok((judged, priorities))
}

/// Prints what matches `query`; whether anything did.
/// The completion script for `shell`: clap's, with the values of `--preset`, `--profile`, `--answer`,
/// `--weight` and `--require` asked of `versus list WHAT --format ids` where the shell lets a script do so
/// (all but PowerShell).
fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "versus", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        clap_complete::Shell::Bash => script + BASH_IDS,
        clap_complete::Shell::Fish => script + FISH_IDS,
        clap_complete::Shell::Elvish => script + ELVISH_IDS,
        clap_complete::Shell::Zsh => zsh_with_ids(&script),
        _ => script,
    }
}

/// The flags whose values versus lists, and what the scripts call them: `versus list`'s word, but for
/// `requirements`, which are the dimensions followed by `>=` (as `dimensions` are followed by `=`).
const LISTED: [(&str, &str); 5] = [
    ("--preset", "presets"),
    ("--profile", "profiles"),
    ("--answer", "questions"),
    ("--weight", "dimensions"),
    ("--require", "requirements"),
];

/// Zsh: clap's script with each listed flag's action (`_default`) replaced by `_versus_ids WHAT`, which
/// is defined before the script registers itself.
fn zsh_with_ids(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + ZSH_IDS.len());
    for line in script.lines() {
        let listed = LISTED.iter().find(|(flag, _)| line.contains(&format!("{flag}=[")));
        match (listed, line.strip_suffix(":_default' \\")) {
            (Some((_, what)), Some(spec)) => {
                out.push_str(spec);
                out.push_str(":_versus_ids ");
                out.push_str(what);
                out.push_str("' \\");
            }
            _ if line.starts_with("if [ \"$funcstack[1]\" = \"_versus\" ]") => {
                out.push_str(ZSH_IDS);
                out.push_str(line);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Zsh: the ids versus lists for the dataset in force (or --data's); dimensions end in `=`, for the
/// weight that follows, and in `>=` for a requirement's minimum.
const ZSH_IDS: &str = r#"(( $+functions[_versus_ids] )) ||
_versus_ids() {
    local -a ids data
    local at=${words[(I)--data]}
    (( at > 0 )) && data=(--data "${words[at + 1]}")
    local listed=$1
    [[ "$1" == requirements ]] && listed=dimensions
    ids=(${(f)"$(versus "${data[@]}" list "$listed" --format ids 2>/dev/null)"})
    if [[ "$1" == dimensions ]]; then
        compadd -S '' -- "${ids[@]/%/=}"
    elif [[ "$1" == requirements ]]; then
        compadd -S '' -- "${ids[@]/%/>=}"
    else
        compadd -- "${ids[@]}"
    fi
}

"#;

/// Elvish: clap's completer, asked only when the word before is not one of the listed flags.
const ELVISH_IDS: &str = r"
# Ids: versus lists them for the dataset in force (or --data's).
var versus-clap-completer = $edit:completion:arg-completer[versus]
set edit:completion:arg-completer[versus] = {|@words|
    var kinds = [&--preset=presets &--profile=profiles &--answer=questions &--weight=dimensions &--require=requirements]
    var n = (count $words)
    if (and (> $n 2) (has-key $kinds $words[-2])) {
        var data = []
        for i [(range 1 (- $n 2))] {
            if (eq $words[$i] --data) { set data = [--data $words[(+ $i 1)]] }
        }
        var kind = $kinds[$words[-2]]
        var listed = $kind
        if (eq $kind requirements) { set listed = dimensions }
        try {
            versus $@data list $listed --format ids 2>/dev/null | from-lines | each {|id|
                if (eq $kind dimensions) { put $id'=' } elif (eq $kind requirements) { put $id'>=' } else { put $id }
            }
        } catch { }
    } else {
        $versus-clap-completer $@words
    }
}
";

/// Bash: the values of --preset, --profile, --answer, --weight and --require completed from what `versus list ...
/// --format ids` gives for the dataset named by --data (else the one in force), around clap's function.
const BASH_IDS: &str = r#"
# Ids: versus lists them for the dataset in force (or --data's).
_versus_ids() {
    local data=() i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ "${COMP_WORDS[i]}" == --data ]]; then data=(--data "${COMP_WORDS[i + 1]}"); fi
    done
    versus "${data[@]}" list "$1" --format ids 2>/dev/null
}

_versus_with_ids() {
    # The words as typed (bash splits QUESTION=ANSWER at the = into words of its own).
    local line="${COMP_LINE:0:COMP_POINT}" cur prev kind
    local -a typed
    read -ra typed <<< "${line}"
    if [[ "${line}" == *' ' ]]; then
        cur='' prev="${typed[${#typed[@]} - 1]}"
    else
        cur="${typed[${#typed[@]} - 1]}" prev="${typed[${#typed[@]} - 2]}"
    fi
    case "${prev}" in
        --preset) kind=presets ;;
        --profile) kind=profiles ;;
        --answer) kind=questions ;;
        --weight) kind=dimensions ;;
        --require) kind=requirements ;;
        *) _versus "$@"; return ;;
    esac
    local IFS=$'
' words
    words=$(_versus_ids "${kind/requirements/dimensions}")
    # --weight takes ID=N and --require ID>=N: the id, then the number.
    if [[ "${kind}" == dimensions ]]; then
        words=$(printf '%s=
' ${words})
        compopt -o nospace 2>/dev/null
    elif [[ "${kind}" == requirements ]]; then
        words=$(printf '%s>=
' ${words})
        compopt -o nospace 2>/dev/null
    fi
    COMPREPLY=($(compgen -W "${words}" -- "${cur}"))
    # Where = breaks words, bash replaces only what follows the last =.
    if [[ "${cur}" == *=* && "${COMP_WORDBREAKS}" == *=* ]]; then
        local i
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]="${COMPREPLY[i]#"${cur%=*}="}"; done
    fi
}

complete -F _versus_with_ids -o bashdefault -o default versus
"#;

/// Fish: the same values, from the same listing.
const FISH_IDS: &str = r#"
# Ids: versus lists them for the dataset in force.
complete -c versus -l preset -x -a "(versus list presets --format ids 2>/dev/null)"
complete -c versus -l profile -x -a "(versus list profiles --format ids 2>/dev/null)"
complete -c versus -l answer -x -a "(versus list questions --format ids 2>/dev/null)"
complete -c versus -l weight -x -a "(versus list dimensions --format ids 2>/dev/null | string replace -r '$' '=')"
complete -c versus -l require -x -a "(versus list dimensions --format ids 2>/dev/null | string replace -r '$' '>=')"
"#;

/// `versus list WHAT --format ids`: what the command line takes, one a line (shell completion asks
/// for them).
fn ids(d: &Dataset, what: ListWhat, files: &UserFiles) -> String {
    let lines: Vec<String> = match what {
        ListWhat::Dimensions => d.dimensions.iter().map(|x| x.id.clone()).collect(),
        ListWhat::Presets => d.presets.iter().map(|x| x.id.clone()).collect(),
        ListWhat::Claims => d.claims.iter().map(|x| x.id.clone()).collect(),
        ListWhat::Sources => d.cited_sources().iter().map(|s| s.source.url.clone()).collect(),
        ListWhat::Questions => {
            d.questions.iter().flat_map(|q| q.answers.iter().map(move |a| format!("{}={}", q.id, a.id))).collect()
        }
        ListWhat::Profiles => files.profiles.for_dataset(d).into_iter().map(|p| p.name).collect(),
    };
    lines.into_iter().flat_map(|l| [l, "\n".to_owned()]).collect()
}

fn search(files: &UserFiles, data: Option<&Path>, query: &str, format: ListFormat) -> Result<bool, Failure> {
    // The catalog, not the dataset: from the cache, a search reads a fraction of it.
    let Catalog { index, ids, summaries } = warned(files, |warnings| files.catalog(data, warnings))?;
    let searcher = Searcher::from_index(index);
    let format = format.into();
    let found: Vec<Found> = searcher
        .search(query)
        .into_iter()
        .map(|hit| Found {
            id: &ids[hit.dimension],
            name: searcher.index().name(hit.dimension),
            summary: &summaries[hit.dimension],
            score: hit.score,
            positions: match format {
                listing::ListFormat::Json => searcher.positions(hit.dimension, query),
                listing::ListFormat::Text => Vec::new(),
            },
        })
        .collect();
    print(&listing::search(&found, format, terminal::stdout_width()))?;
    let matched = !found.is_empty();
    if !matched {
        say(&format!("versus: no dimension matches `{query}`"));
    }
    exiting((searcher, ids, summaries));
    Ok(matched)
}

/// `versus list WHAT`: a listing as text or JSON, or what the command line takes, one a line.
fn list(d: &Dataset, what: ListWhat, format: ListOutput, files: &UserFiles) -> String {
    let format = match format {
        ListOutput::Ids => return ids(d, what, files),
        ListOutput::Json => listing::ListFormat::Json,
        ListOutput::Text => listing::ListFormat::Text,
    };
    match what {
        ListWhat::Dimensions => listing::dimensions(d, format, terminal::stdout_width()),
        ListWhat::Presets => listing::presets(d, format),
        ListWhat::Claims => listing::claims(d, format),
        ListWhat::Sources => listing::sources(d, format, &shell::clock::today()),
        ListWhat::Questions => listing::questions(d, format),
        ListWhat::Profiles => listing::profiles(d, &files.profiles.for_dataset(d), format),
    }
}

/// Runs `load`, then says the problems with the user's files it and [`UserFiles::load`] found.
fn warned<T>(files: &UserFiles, load: impl FnOnce(&mut Vec<Diagnostic>) -> T) -> T {
    let mut warnings = files.warnings();
    let loaded = load(&mut warnings);
    warn_all(&warnings);
    loaded
}

fn config_report(
    files: &UserFiles,
    loaded: &Result<(Dataset, Option<PathBuf>), LoadError>,
    warnings: &[Diagnostic],
) -> String {
    let dataset = loaded.as_ref().ok().map(|(dataset, _)| dataset);
    // Said, not only warned: a config that loads may still name a dataset that cannot be used.
    let mut data = match loaded {
        Ok((_, Some(path))) => {
            format!("{} (`{}`)", shown(path), sanitize::line(dataset.map_or("", |d| &d.meta.title)))
        }
        Ok((_, None)) => "the built-in one".to_owned(),
        Err(e) => format!("cannot be used:\n{e}"),
    };
    for warning in warnings {
        data = format!("{data}\n{warning}");
    }
    let Some(dir) = &files.dir else {
        return "config directory: none (set VERSUS_CONFIG_DIR, XDG_CONFIG_HOME or HOME)\n".to_owned();
    };
    let config = match (&files.config.file, &files.config.set_aside) {
        (Some(path), _) => format!("loaded {}", shown(path)),
        (None, Some(error)) => format!("set aside, running on the defaults:\n{error}"),
        (None, None) => {
            format!("{} not found (defaults in use; `versus config default` prints one)", config::FILE_NAME)
        }
    };
    let profiles = match &files.profiles {
        ProfilesRead::Missing => format!("{PROFILES_FILE} not found (no saved profiles)"),
        ProfilesRead::Broken(problem) => format!("unreadable, kept as is: {problem}"),
        ProfilesRead::Loaded(file) => {
            let here = dataset.map_or(0, |d| file.for_dataset(d).len());
            let all = pluralize(file.profiles.len(), "profile");
            format!("{all} in {}, {here} for this dataset", shown(&dir.join(PROFILES_FILE)))
        }
    };
    let cache = files.cache_dir.as_ref().map_or_else(
        || "none (set VERSUS_CACHE_DIR, XDG_CACHE_HOME or HOME)".to_owned(),
        |cache| {
            let from = MIN_CACHED_BYTES / (1024 * 1024);
            format!("{} (dataset files of {from} MiB or more, once checked)", shown(cache))
        },
    );
    // `print` cleans it.
    format!(
        "config directory: {}\nconfig: {config}\ndataset: {data}\nprofiles: {profiles}\ncache: {cache}\n",
        shown(dir)
    )
}

/// A path on one line: a line break in a directory's name must not make a line of its own.
fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string())
}

/// `versus profile save|delete`: the explorer's `s` and `x` for scripts. The message goes to stderr.
fn profile(cli: &Cli, action: &ProfileAction, dataset: &Dataset, files: &UserFiles) -> Result<(), Failure> {
    let Some(dir) = files.dir.as_deref() else {
        return Err(Failure::Profile("no config directory: set VERSUS_CONFIG_DIR, XDG_CONFIG_HOME or HOME".to_owned()));
    };
    let message = match action {
        ProfileAction::Save { name, weights, note, force } => {
            let name = check_name(name).map_err(|e| Failure::Profile(e.to_string()))?;
            let args = cli.weights.merged(weights);
            let (weighting, warnings) = weighting(dataset, &request(&args, dataset)?, files)?;
            warn_all(&warnings);
            let note =
                note.as_deref().map(check_note).transpose().map_err(|e| Failure::Profile(format!("--note: {e}")))?;
            let notes = Notes { note, answers: args.answers.clone(), requirements: weighting.requirements.clone() };
            save(dir, dataset, (&name, &weighting.weights, &notes), *force, "")?
        }
        ProfileAction::Delete { name } => {
            profiles::delete_profile(dir, &dataset.meta.title, name).map_err(|e| Failure::Profile(e.to_string()))?
        }
        ProfileAction::Export { name, output, force } => {
            let profile = files.profiles.for_dataset(dataset).into_iter().find(|p| &p.name == name);
            let Some(profile) = profile else {
                // The same message as --profile's, with its suggestion.
                let error = Weighting::profile(&files.profiles.for_dataset(dataset), name).err();
                return Err(error.map_or_else(|| Failure::Profile(format!("no profile `{name}`")), Failure::Weight));
            };
            if let Some(warning) = profile.warning() {
                say(&format!("versus: {warning}"));
            }
            let file = WeightFile {
                name: profile.name,
                name_at: None,
                note: profile.notes.note,
                weights: profile.weights,
                answers: profile.notes.answers,
                requirements: profile.notes.requirements,
                warnings: Vec::new(),
            };
            let text = file.to_toml(dataset);
            let Some(path) = output else { return print(&text) };
            let written =
                if *force { write_atomically(path, text.as_bytes()) } else { write_new(path, text.as_bytes()) };
            written.map_err(|e| Failure::Write(shown(path), e))?;
            format!("wrote profile `{}` to {}", file.name, shown(path))
        }
        ProfileAction::Import { file, name, force } => {
            let text = read_input_text(file)?;
            let parsed = WeightFile::parse(&text, dataset, &dataset.content_hash())
                .map_err(|problems| LoadError::new(&file.display().to_string(), problems))?;
            let shown_file = file.display().to_string();
            warn_all(&parsed.warnings.iter().map(|w| w.clone().in_file(&shown_file)).collect::<Vec<_>>());
            let name =
                check_name(name.as_deref().unwrap_or(&parsed.name)).map_err(|e| Failure::Profile(e.to_string()))?;
            let exists = files.profiles.for_dataset(dataset).iter().any(|p| p.stored_name == name);
            let replace = *force
                || exists
                    && match confirm(&format!("versus: replace your profile `{name}`? [y/N] ")) {
                        Some(true) => true,
                        Some(false) => {
                            return Err(Failure::Profile(format!("kept your profile `{name}`; nothing imported")));
                        }
                        None => false,
                    };
            let notes = Notes { note: parsed.note, answers: parsed.answers, requirements: parsed.requirements };
            save(dir, dataset, (&name, &parsed.weights, &notes), replace, ", --name NAME imports it beside")?
        }
    };
    say(&message);
    Ok(())
}

/// Saves a profile, or says how to replace the one of that name.
fn save(
    dir: &Path,
    dataset: &Dataset,
    (name, weights, notes): (&str, &[u8], &Notes),
    replace: bool,
    hint: &str,
) -> Result<String, Failure> {
    match profiles::save_profile(dir, &StoredProfile::new(dataset, name, weights, notes), replace) {
        Ok(profiles::Saved::Done(message)) => Ok(message),
        Ok(profiles::Saved::Exists) => {
            Err(Failure::Profile(format!("a profile `{name}` exists already; --force replaces it{hint}")))
        }
        Err(diagnostic) => Err(Failure::Profile(diagnostic.to_string())),
    }
}

/// Asks a yes-or-no question on the terminal: `None` without one to ask on, else whether the answer
/// was y or yes.
fn confirm(question: &str) -> Option<bool> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return None;
    }
    let _ = write!(io::stderr(), "{}", sanitize::line(question));
    let mut answer = String::new();
    Some(io::stdin().read_line(&mut answer).is_ok() && matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// `versus new`: the starter file, to standard output or to a new file.
fn new_dataset(title: &str, options: &[String], output: Option<&Path>) -> Result<(), Failure> {
    let text = starter(title, options, &shell::clock::today())
        .map_err(|e| Failure::Usage(Box::new(Cli::command().error(clap::error::ErrorKind::ValueValidation, e))))?;
    let Some(path) = output else { return print(&text) };
    write_new(path, text.as_bytes()).map_err(|e| Failure::Write(shown(path), e))?;
    say(&format!("wrote {}; check it with `versus check {}`", shown(path), shown(path)));
    Ok(())
}

/// `versus check`: every file's problems; with `freshness` (`--stale`), also every source checked
/// longer ago than it allows as of its date.
fn check(files: &[PathBuf], freshness: Option<&(Freshness, String)>) -> Result<(), Failure> {
    let (mut failed, mut stale) = (0, 0);
    for file in files {
        match load_dataset(file) {
            Ok(d) => {
                print(&format!(
                    "{}: ok ({}, {}, {}, {}, {})\n",
                    shown(file),
                    pluralize(d.options.len(), "option"),
                    pluralize(d.dimensions.len(), "dimension"),
                    pluralize(d.presets.len(), "preset"),
                    pluralize(d.claims.len(), "claim"),
                    pluralize(d.questions.len(), "question"),
                ))?;
                if let Some(advice) = d.meta.schema_advice() {
                    say(&format!("versus: {}: {advice}", shown(file)));
                }
                let unreasoned: Vec<&str> =
                    d.dimensions.iter().filter(|d| d.weight_reason.is_none()).map(|d| d.id.as_str()).collect();
                if !unreasoned.is_empty() {
                    say(&format!(
                        "versus: {}: {} of {} give no `weight_reason` (one line on why the default weight is what it \
                         is): {}",
                        shown(file),
                        unreasoned.len(),
                        pluralize(d.dimensions.len(), "dimension"),
                        unreasoned.join(", ")
                    ));
                }
                if let Some((freshness, today)) = freshness {
                    let found = d.stale_sources(today, *freshness);
                    print(&stale_report(&shown(file), &d, &found, *freshness, today))?;
                    stale += found.len();
                }
            }
            Err(e) => {
                failed += 1;
                say(&e.to_string());
            }
        }
    }
    if failed > 0 {
        Err(Failure::CheckFailed(failed, files.len()))
    } else if stale > 0 {
        Err(Failure::Stale(stale))
    } else {
        Ok(())
    }
}

/// `check --stale`'s lines for one file: each stale source with its age, its limit, who cites it and
/// its URL, or one line saying none is.
fn stale_report(file: &str, d: &Dataset, found: &[StaleSource<'_>], freshness: Freshness, today: &str) -> String {
    use std::fmt::Write as _;
    let volatile = freshness.days.min(VOLATILE_FRESHNESS_DAYS);
    if found.is_empty() {
        return format!(
            "{file}: no source older than {} as of {today} ({} for volatile sources)\n",
            pluralize(freshness.days as usize, "day"),
            pluralize(volatile as usize, "day")
        );
    }
    let mut out = String::new();
    for stale in found {
        let source = stale.cited.source;
        let mut citing: Vec<String> =
            stale.cited.dimensions.iter().map(|&i| format!("dimension {}", d.dimensions[i].id)).collect();
        citing.extend(stale.cited.claims.iter().map(|&i| format!("claim {}", d.claims[i].id)));
        let kind = if source.volatile { ", volatile" } else { "" };
        let _ = writeln!(
            out,
            "{file}: stale: checked {}, {} before {today} (limit {}{kind}): {}: {}",
            source.checked,
            pluralize(usize::try_from(stale.age_days).unwrap_or_default(), "day"),
            pluralize(stale.limit_days as usize, "day"),
            citing.join(", "),
            source.url
        );
    }
    out
}

/// Leaves `data` to the operating system: the process is about to exit, and freeing a large dataset
/// string by string costs more than the search it served.
fn exiting<T>(data: T) {
    std::mem::forget(data);
}

/// Says each warning, marked as the program's.
/// Says each warning on its own line: a file's as `file:line:column: warning: ...`, the place editors and
/// CI logs read; one about no file (a config default, a profile) after `versus: `.
fn warn_all(warnings: &[Diagnostic]) {
    for warning in warnings {
        if warning.file.is_empty() {
            say(&format!("versus: {warning}"));
        } else {
            say(&warning.to_string());
        }
    }
}

/// Writes a message to standard error. Messages quote user input (ids, paths, file contents), so they
/// are cleaned here, once, whatever built them.
pub fn say(message: &str) {
    // Not eprintln!, which panics when standard error has gone with the terminal.
    // Bounded too: a message may quote an argument or a file's text of any length.
    let _ = writeln!(io::stderr(), "{}", sanitize::bounded(&sanitize::text(message)));
}

/// Prints a command-line error as clap words it, but cleaned (it quotes the arguments, which may hold
/// escape sequences): help and the version on standard output, errors on standard error. Returns the
/// exit status clap gives it (0 for help, 2 for a usage error).
#[must_use]
pub fn usage(error: &clap::Error) -> u8 {
    let text = error.render().to_string();
    if error.use_stderr() {
        let _ = write!(io::stderr(), "{}", sanitize::bounded(&sanitize::text(&text)));
    } else {
        let _ = print(&text);
    }
    u8::try_from(error.exit_code()).unwrap_or(2)
}

/// Writes to standard output, cleaned of anything that could drive the terminal, whatever the text
/// quotes (the dataset is clean already; a profile's or a path's text may not be). A closed pipe
/// (`versus report | head`) is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let text = sanitize::text(text);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}
