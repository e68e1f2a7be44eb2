//! `versus record` and `versus revisit`: the decision records in a repository's decisions folder; and
//! `versus diff`: what an edit of a dataset does to the decisions it supports.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Cli, Command, Failure, WeightArgs, judgements, print, say, team_request, warn_all, warned, weighting};
use crate::cli::RevisitFormat;
use crate::engine::data::{Dataset, LoadError};
use crate::engine::decision::{self, Given, Meta, State, Verdict};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::diff as decision_diff;
use crate::engine::report::{Framing, Report, Sampling};
use crate::engine::robustness::{DEFAULT_SAMPLES, DEFAULT_SEED};
use crate::engine::verdict::percent;
use crate::engine::weights::{Origin, Request, Weighting};
use crate::shell;
use crate::shell::decisions::{file_name, markdown_files};
use crate::shell::files::read_input_text;
use crate::shell::user_files::UserFiles;

/// The folder `record` writes to and `revisit` reads by default.
pub(super) const DEFAULT_DIR: &str = "docs/decisions";

/// What `versus record` was asked, as given.
pub(super) struct Asked {
    pub data: Option<String>,
    pub args: WeightArgs,
    pub pairwise: Option<String>,
    pub dir: PathBuf,
    pub title: Option<String>,
    pub context: Option<String>,
    pub context_file: Option<String>,
    pub status: String,
    pub review_by: Option<String>,
    pub review_in: Option<u32>,
    pub supersedes: Option<u32>,
    pub deciders: Option<String>,
    /// The team members' notes, as (name, note).
    pub notes: Vec<(String, String)>,
}

/// `versus record`: the weighting its flags ask for, then the record written; returns its path.
pub(super) fn record_command(
    cli: &Cli,
    command: &Command,
    (d, file): (&Dataset, Option<&Path>),
    files: &UserFiles,
) -> Result<PathBuf, Failure> {
    let Command::Record {
        weights,
        pairwise,
        dir,
        title,
        context,
        context_file,
        status,
        review_by,
        review_in,
        supersedes,
        deciders,
    } = command
    else {
        return Err(Failure::Decision("the record's arguments were not given".to_owned()));
    };
    let args = cli.weights.merged(weights);
    let (mut request, _, team_warnings, notes) = team_request(&args, d)?;
    warn_all(&team_warnings);
    request.pairwise = pairwise.as_deref().map(|path| judgements(path, d)).transpose()?;
    let (weighting, warnings) = weighting(d, &request, files)?;
    warn_all(&warnings);
    // The config's default preset or profile, when the flags name none: the record names it, so that
    // it reads and reproduces the same on another machine.
    let mut args = args;
    if args.preset.is_none() && args.profile.is_none() && args.team.is_empty() {
        match &weighting.origin {
            Origin::Preset(i) => args.preset = Some(d.presets[*i].id.clone()),
            Origin::Profile { name, .. } => args.profile = Some(name.clone()),
            Origin::Defaults | Origin::Team { .. } => {}
        }
    }
    // `-` reads standard input; the reproduce command then gives the text itself, stdin being gone.
    let from_stdin = context_file.as_deref().is_some_and(|path| path == Path::new("-"));
    let context = match context_file {
        Some(_) if from_stdin => Some(read_input_text(Path::new("/dev/stdin"))?),
        Some(path) => Some(read_input_text(path)?),
        None => context.clone(),
    };
    let asked = Asked {
        data: file.map(|p| p.to_string_lossy().into_owned()),
        args,
        pairwise: pairwise.as_ref().map(|p| p.to_string_lossy().into_owned()),
        dir: dir.clone(),
        // A blank title takes the default one, as an empty one does in the explorer's dialog.
        title: title.clone().filter(|t| !t.trim().is_empty()),
        context,
        context_file: context_file.as_ref().filter(|_| !from_stdin).map(|p| p.to_string_lossy().into_owned()),
        status: status.clone(),
        review_by: review_by.clone(),
        review_in: *review_in,
        supersedes: *supersedes,
        deciders: deciders.clone(),
        notes,
    };
    record(d, &weighting, request, &asked)
}

/// The shortest command that writes the same record again (see [`decision::reproduce`]).
fn reproduce(asked: &Asked, given: &Given) -> String {
    decision::reproduce(&decision::Flags {
        data: asked.data.as_deref(),
        given: Some(given),
        title: asked.title.as_deref(),
        context: asked.context.as_deref(),
        context_file: asked.context_file.as_deref(),
        status: &asked.status,
        review_by: asked.review_by.as_deref(),
        review_in: asked.review_in,
        deciders: asked.deciders.as_deref(),
        weight_spread: asked.args.weight_spread,
    })
}

/// Writes the record; returns its path.
pub(super) fn record(d: &Dataset, weighting: &Weighting, request: Request, asked: &Asked) -> Result<PathBuf, Failure> {
    let today = shell::clock::today();
    let sampling = Sampling::of(DEFAULT_SAMPLES, DEFAULT_SEED, asked.args.weight_spread(), request.team.as_deref());
    let given = Given {
        preset: asked.args.preset.clone(),
        profile: asked.args.profile.clone(),
        pairwise: asked.pairwise.clone(),
        team: asked.args.team.iter().map(|p| p.to_string_lossy().into_owned()).collect(),
        answers: asked.args.answers.clone(),
        weights: asked.args.overrides.clone(),
        requires: asked.args.requirements.clone(),
    };
    let ranges = sampling.weight_ranges(&weighting.weights);
    // Evaluated and sampled once, for the document and its inputs block alike.
    let mut report = Report::sampled(d, weighting, sampling);
    let inputs = decision::inputs_from(d, asked.data.clone(), given.clone(), &ranges, report.evaluated());
    let review_by = match (&asked.review_by, asked.review_in) {
        (Some(date), _) if *date < today => {
            let warning =
                format!("--review-by {date} has passed (today is {today}): revisit will report the record due");
            warn_all(&[Diagnostic::warning(warning)]);
            date.clone()
        }
        (Some(date), _) => date.clone(),
        (None, Some(days)) => decision::add_days(&today, days),
        (None, None) => decision::default_review(&today, &inputs.outcome.classification),
    };
    let deciders = asked.deciders.clone().or_else(|| {
        request.team.as_ref().map(|members| members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "))
    });
    let framing = Framing {
        command: Some(reproduce(asked, &given)),
        answers: asked.args.answers.clone(),
        notes: asked.notes.clone(),
        ..Framing::default()
    };
    if let Some((judged, priorities)) = request.pairwise {
        report = report.with_pairwise(judged, priorities);
    }
    if let Some(members) = request.team {
        report = report.with_team(members);
    }
    let meta = Meta {
        title: asked.title.clone(),
        context: asked.context.clone(),
        status: asked.status.clone(),
        date: today,
        review_by,
        deciders,
        supersedes: asked.supersedes,
    };
    let text = decision::record_text(report, framing, &meta, &inputs);
    let dir = &asked.dir;
    let shown = dir.display().to_string();
    let failed = |e: std::io::Error| Failure::Write(shown.clone(), e);
    let superseded = match asked.supersedes {
        Some(n) => Some(superseded(dir, n).map_err(|e| match e {
            Ok(io) => failed(io),
            Err(said) => Failure::Decision(format!("--supersedes {n}: {said}")),
        })?),
        None => None,
    };
    let (number, path) =
        shell::decisions::write_next(dir, &text).map_err(|e| Failure::Write(format!("{shown}/NNNN-..."), e))?;
    if let Some(old) = superseded {
        shell::decisions::mark_superseded(&old, number).map_err(|e| Failure::Write(old.display().to_string(), e))?;
    }
    Ok(path)
}

/// The one record numbered `n` in `dir`, which nothing supersedes yet: the one `--supersedes n` marks.
/// Two records of that number (after parallel branches) or one superseded already is said, not guessed.
fn superseded(dir: &Path, n: u32) -> Result<PathBuf, Result<std::io::Error, String>> {
    let numbered: Vec<PathBuf> = markdown_files(dir)
        .map_err(Ok)?
        .into_iter()
        .filter(|p| decision::number_of(&file_name(p)) == Some(n))
        .collect();
    let shown = dir.display();
    let path = match numbered.as_slice() {
        [] => return Err(Err(format!("{shown} has no record numbered {n:04}"))),
        [one] => one.clone(),
        several => {
            let names: Vec<String> = several.iter().map(|p| file_name(p)).collect();
            return Err(Err(format!(
                "{shown} has {} records numbered {n:04} ({}): renumber one first",
                names.len(),
                names.join(", ")
            )));
        }
    };
    let text = shell::decisions::read(&path).map_err(Ok)?;
    let record = decision::parse(&path.display().to_string(), &file_name(&path), &text);
    match record.superseded_by {
        Some(by) => {
            Err(Err(format!("{} is already superseded by {by:04}: supersede that one instead", file_name(&path))))
        }
        None => Ok(path),
    }
}

/// Each record under `paths` (a folder's `*.md` files, or the files named), read and parsed; a path that
/// is neither is a usage error.
fn read_records(paths: &[PathBuf]) -> Result<Vec<(String, Option<String>, decision::Record)>, Failure> {
    let defaults = [PathBuf::from(DEFAULT_DIR)];
    let paths = if paths.is_empty() { &defaults[..] } else { paths };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(markdown_files(path).map_err(|e| Failure::Write(path.display().to_string(), e))?);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(Failure::Usage(Box::new(clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("{}: no such record or folder\n", path.display()),
            ))));
        }
    }
    let mut read = Vec::new();
    for path in &files {
        let shown = path.display().to_string();
        match shell::decisions::read(path) {
            Ok(text) => {
                let record = decision::parse(&shown, &file_name(path), &text);
                read.push((shown, Some(text), record));
            }
            Err(e) => {
                say(&format!("versus: {shown}: {e}"));
                let record = decision::parse(&shown, &file_name(path), "");
                read.push((shown, None, record));
            }
        }
    }
    Ok(read)
}

/// One record's line in `revisit`'s output.
#[derive(Debug, Serialize)]
struct Row {
    path: String,
    number: Option<u32>,
    title: String,
    status: String,
    state: State,
    reasons: Vec<String>,
    recorded: Option<Named>,
    now: Option<Named>,
}

/// A verdict with its option's name beside its id, as the dataset names it (None when it cannot be
/// read or no longer has the option).
#[derive(Debug, Serialize)]
struct Named {
    #[serde(flatten)]
    verdict: Verdict,
    name: Option<String>,
}

impl Named {
    fn of(verdict: Verdict, dataset: Option<&Dataset>) -> Self {
        let name = verdict
            .option
            .as_ref()
            .and_then(|id| dataset.and_then(|d| d.options.iter().find(|o| &o.id == id)).map(|o| o.name.clone()));
        Self { verdict, name }
    }
}

#[derive(Serialize)]
struct Revisited<'a> {
    records: &'a [Row],
    skipped: usize,
}

/// The dataset a record names: the built-in data, or the file at its recorded path.
fn load_dataset(
    inputs: &decision::Inputs,
    load: &mut impl FnMut(&Path) -> Result<Dataset, LoadError>,
) -> Result<Dataset, String> {
    match &inputs.dataset.path {
        None => Ok(Dataset::builtin()),
        Some(file) => load(Path::new(file)).map_err(|e| e.to_string()),
    }
}

/// Re-checks every record under `paths`; exit status 0 when all hold, 1 when any needs attention.
pub(super) fn revisit(
    paths: &[PathBuf],
    format: RevisitFormat,
    today: &str,
    mut load: impl FnMut(&Path) -> Result<Dataset, LoadError>,
) -> Result<u8, Failure> {
    let read = read_records(paths)?;
    let numbers: BTreeSet<u32> = read.iter().filter_map(|(_, _, r)| r.number).collect();
    let mut datasets: HashMap<Option<String>, Result<Dataset, String>> = HashMap::new();
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (path, text, record) in &read {
        let Some(text) = text else {
            rows.push(Row {
                path: path.clone(),
                number: record.number,
                title: String::new(),
                status: String::new(),
                state: State::Broken,
                reasons: vec!["it cannot be read".to_owned()],
                recorded: None,
                now: None,
            });
            continue;
        };
        let Some(inputs) = &record.inputs else {
            skipped += 1;
            continue;
        };
        let mut row = Row {
            path: path.clone(),
            number: record.number,
            title: record.title.clone(),
            status: record.status.clone(),
            state: State::Holds,
            reasons: Vec::new(),
            recorded: inputs.as_ref().ok().map(|i| Named::of(decision::recorded(i), None)),
            now: None,
        };
        if record.is_retired() {
            row.state = State::Retired;
            // Named as the dataset names the option, when it can be read (it is not evaluated).
            if let Ok(inputs) = inputs {
                let dataset =
                    datasets.entry(inputs.dataset.path.clone()).or_insert_with(|| load_dataset(inputs, &mut load));
                row.recorded = Some(Named::of(decision::recorded(inputs), dataset.as_ref().ok()));
            }
            rows.push(row);
            continue;
        }
        let inputs = match inputs {
            Ok(inputs) => inputs,
            Err(diagnostic) => {
                row.state = State::Broken;
                row.reasons.push(diagnostic.to_string());
                rows.push(row);
                continue;
            }
        };
        let mut broken = Vec::new();
        // The files the weighting came from, named as given (relative to where versus runs, a
        // repository's root in CI): gone, the decision cannot be made again from its inputs.
        let given = &inputs.given;
        let files =
            given.team.iter().map(|f| ("team file", f)).chain(given.pairwise.iter().map(|f| ("pairwise file", f)));
        for (what, file) in files {
            if !Path::new(file).exists() {
                broken.push(format!("its {what} {file} is not there"));
            }
        }
        for (word, link) in [("supersedes", record.supersedes), ("is superseded by", record.superseded_by)] {
            if let Some(n) = link.filter(|n| !numbers.contains(n)) {
                broken.push(format!("it {word} record {n:04}, which is not there"));
            }
        }
        let dataset = datasets.entry(inputs.dataset.path.clone()).or_insert_with(|| load_dataset(inputs, &mut load));
        match dataset {
            Err(error) => {
                let file = inputs.dataset.path.as_deref().unwrap_or_default();
                broken.push(format!("its dataset {file} cannot be read: {}", error.trim()));
            }
            Ok(dataset) => {
                let assessment = decision::assess(path, text, record, inputs, dataset, today);
                row.state = assessment.state;
                row.reasons = assessment.reasons;
                row.now = assessment.now.map(|now| Named::of(now, Some(dataset)));
                row.recorded = Some(Named::of(decision::recorded(inputs), Some(dataset)));
            }
        }
        if !broken.is_empty() {
            row.state = row.state.min(State::Broken);
            row.reasons.extend(broken);
        }
        rows.push(row);
    }
    rows.sort_by(|a, b| (a.state, &a.path).cmp(&(b.state, &b.path)));
    let text = match format {
        RevisitFormat::Text => text(&rows, skipped),
        RevisitFormat::Markdown => markdown(&rows, skipped),
        RevisitFormat::Json => {
            let mut json = serde_json::to_string_pretty(&Revisited { records: &rows, skipped }).unwrap_or_default();
            json.push('\n');
            json
        }
    };
    print(&text)?;
    Ok(u8::from(rows.iter().any(|row| row.state.needs_attention())))
}

/// "Python by 4.0 points, likely, first in 86%": the option by its name (its id when the dataset no
/// longer names it).
fn short(named: Option<&Named>) -> String {
    match named.map(|n| (&n.verdict, &n.name)) {
        Some((verdict @ Verdict { option: Some(option), classification, share, .. }, name)) => {
            let lead = verdict.lead(name.as_deref().unwrap_or(option));
            format!("{lead}, {classification}, first in {}", percent(*share))
        }
        Some(_) => "no option leads".to_owned(),
        None => "-".to_owned(),
    }
}

fn name(row: &Row) -> String {
    let number = row.number.map(|n| format!("{n:04} ")).unwrap_or_default();
    format!("{number}{}", if row.title.is_empty() { &row.path } else { &row.title })
}

fn summary(rows: &[Row], skipped: usize) -> String {
    let attention = rows.iter().filter(|r| r.state.needs_attention()).count();
    let holding = rows.iter().filter(|r| r.state == State::Holds).count();
    let retired = rows.iter().filter(|r| r.state == State::Retired).count();
    let mut line = format!(
        "{} checked: {attention} need attention, {holding} hold, {retired} retired (listed, not evaluated)",
        crate::engine::text::pluralize(rows.len(), "record")
    );
    if skipped > 0 {
        let _ = write!(
            line,
            "; {} without a versus inputs block skipped",
            crate::engine::text::pluralize(skipped, "markdown file")
        );
    }
    line.push('.');
    line
}

fn text(rows: &[Row], skipped: usize) -> String {
    let mut out = String::new();
    for row in rows {
        let _ = writeln!(out, "{}: {} ({}, {})", row.state.word(), name(row), row.path, row.status);
        if row.state != State::Retired {
            let _ = writeln!(out, "  recorded: {}", short(row.recorded.as_ref()));
            if row.now.is_some() {
                let _ = writeln!(out, "  now:      {}", short(row.now.as_ref()));
            }
        }
        for reason in &row.reasons {
            let _ = writeln!(out, "  - {reason}");
        }
    }
    let _ = writeln!(out, "{}", summary(rows, skipped));
    out
}

fn markdown(rows: &[Row], skipped: usize) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out = String::from("| State | Record | Recorded | Now | Why |\n|---|---|---|---|---|\n");
    for row in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.state.word(),
            cell(&format!("{} (`{}`)", name(row), row.path)),
            cell(&short(row.recorded.as_ref())),
            cell(&short(row.now.as_ref())),
            cell(&row.reasons.join("; "))
        );
    }
    let _ = writeln!(out, "\n{}", summary(rows, skipped));
    out
}

/// `versus diff OLD NEW`: the evidence that changed, and the verdicts before and after under the
/// weighting given (or every preset), in the format asked for.
pub(super) fn diff(cli: &Cli, command: &Command, files: &UserFiles) -> Result<String, Failure> {
    let Command::Diff { old, new, weights, presets, format, samples, seed } = command else {
        return Err(Failure::Decision("the diff's arguments were not given".to_owned()));
    };
    let load = |path: &Path| warned(files, |w| files.dataset(Some(path), w)).map(|(d, _)| d);
    let (before, after) = (load(old)?, load(new)?);
    let args = cli.weights.merged(weights);
    let names: Vec<(String, String)> =
        after.dimensions.iter().chain(&before.dimensions).map(|d| (d.id.clone(), d.name.clone())).collect();
    // The weighting's flags resolved on each dataset: a preset's or an answer's weights may differ.
    let side = |d: &Dataset, args: &WeightArgs| -> Result<decision_diff::Side, Failure> {
        let (request, _, team_warnings, _) = team_request(args, d)?;
        warn_all(&team_warnings);
        let (weighting, warnings) = weighting(d, &request, files)?;
        warn_all(&warnings);
        let sampling = Sampling::of(*samples, *seed, args.weight_spread(), request.team.as_deref());
        let ranges = sampling.weight_ranges(&weighting.weights);
        Ok(decision_diff::side(d, (&weighting.weights, &weighting.requirements), &ranges, *samples, *seed))
    };
    let mut scenarios = Vec::new();
    if *presets {
        let mut ids: Vec<(Option<String>, String)> = vec![(None, "The defaults".to_owned())];
        ids.extend(after.presets.iter().map(|p| (Some(p.id.clone()), p.name.clone())));
        for (id, name) in ids {
            let args = WeightArgs { preset: id.clone(), ..args.clone() };
            let has = |d: &Dataset| id.as_ref().is_none_or(|id| d.presets.iter().any(|p| &p.id == id));
            let then = if has(&before) { Some(side(&before, &args)?) } else { None };
            let now = side(&after, &args)?;
            let id = id.unwrap_or_else(|| "defaults".to_owned());
            scenarios.push(decision_diff::scenario(&id, &name, then, Some(now), &names));
        }
    } else {
        let name = if args.given() { "The weighting given" } else { "The default weighting" };
        let (then, now) = (side(&before, &args)?, side(&after, &args)?);
        scenarios.push(decision_diff::scenario("given", name, Some(then), Some(now), &names));
    }
    let diff = decision_diff::Diff {
        old: decision_diff::Version::of(&before, &old.display().to_string()),
        new: decision_diff::Version::of(&after, &new.display().to_string()),
        evidence: decision_diff::evidence(&before, &after),
        scenarios,
    };
    Ok(match format {
        RevisitFormat::Text => diff.text(),
        RevisitFormat::Markdown => diff.markdown(),
        RevisitFormat::Json => diff.json(),
    })
}

/// `versus --record FILE`: the record's path as shown, its inputs block, and its number; a file without
/// a block, or with one that does not parse, is an error with its place.
pub(super) fn record_inputs(path: &Path) -> Result<(String, decision::Inputs, Option<u32>), Failure> {
    let shown = path.display().to_string();
    let text = shell::decisions::read(path).map_err(|e| Failure::Decision(format!("--record {shown}: {e}")))?;
    let record = decision::parse(&shown, &file_name(path), &text);
    match record.inputs {
        None => Err(Failure::Decision(format!(
            "--record {shown}: it has no \"{}\" block (versus record writes one)",
            decision::HEADING
        ))),
        Some(Err(diagnostic)) => Err(Failure::Decision(diagnostic.to_string())),
        Some(Ok(inputs)) => Ok((shown, inputs, record.number)),
    }
}

/// The weighting flags a record was made with.
pub(super) fn weight_args(given: &Given, weight_spread: u8) -> WeightArgs {
    WeightArgs {
        preset: given.preset.clone(),
        profile: given.profile.clone(),
        team: given.team.iter().map(PathBuf::from).collect(),
        answers: given.answers.clone(),
        overrides: given.weights.clone(),
        requirements: given.requires.clone(),
        weight_spread: Some(weight_spread),
    }
}

/// The first message: the verdict as recorded, and that its weights are pinned.
pub(super) fn record_status(
    (shown, inputs, number): &(String, decision::Inputs, Option<u32>),
    dataset: &Dataset,
) -> crate::explorer::app::Status {
    let recorded = decision::recorded(inputs);
    let name = Named::of(recorded.clone(), Some(dataset)).name;
    let verdict = match (&recorded.option, name) {
        (Some(id), name) => {
            format!("{}, {}", recorded.lead(&name.unwrap_or_else(|| id.clone())), recorded.classification)
        }
        (None, _) => "no option leading".to_owned(),
    };
    let which = number.map_or_else(|| shown.clone(), |n| format!("record {n:04}"));
    crate::explorer::app::Status::info(format!("{which}: {verdict}, when recorded; its weights pinned (b unpins)"))
}
