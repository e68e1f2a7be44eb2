//! `versus record` and `versus revisit`: the decision records in a repository's decisions folder.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Cli, Command, Failure, WeightArgs, judgements, print, request, say, warn_all, weighting};
use crate::cli::RevisitFormat;
use crate::engine::data::{Dataset, LoadError};
use crate::engine::decision::{self, Given, Meta, State, Verdict};
use crate::engine::report::{Format, Framing, Report, Sampling};
use crate::engine::team::member_ranges;
use crate::engine::weights::{Origin, Request, Weighting, shell_quote};
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
}

/// `versus record`: the weighting its flags ask for, then the record written; returns its path.
pub(super) fn record_command(cli: &Cli, command: &Command, d: &Dataset, files: &UserFiles) -> Result<PathBuf, Failure> {
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
    let mut request = request(&args, d)?;
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
    let context = match context_file {
        Some(path) => Some(read_input_text(path)?),
        None => context.clone(),
    };
    let asked = Asked {
        data: cli.data.as_ref().map(|p| p.to_string_lossy().into_owned()),
        args,
        pairwise: pairwise.as_ref().map(|p| p.to_string_lossy().into_owned()),
        dir: dir.clone(),
        title: title.clone(),
        context,
        context_file: context_file.as_ref().map(|p| p.to_string_lossy().into_owned()),
        status: status.clone(),
        review_by: review_by.clone(),
        review_in: *review_in,
        supersedes: *supersedes,
        deciders: deciders.clone(),
    };
    record(d, &weighting, request, &asked)
}

/// A word for a POSIX shell, quoted only when it needs to be.
fn quoted(arg: &str) -> String {
    let plain = !arg.is_empty() && arg.chars().all(|c| c.is_ascii_alphanumeric() || "-_=./:,@%+".contains(c));
    if plain { arg.to_owned() } else { shell_quote(arg) }
}

/// The shortest command that writes the same record again: the weighting as given (answers, not the
/// weights they gave), and the record's own flags; the date and the review date default to the day it runs.
fn reproduce(asked: &Asked) -> String {
    let mut words = vec!["versus".to_owned(), "record".to_owned()];
    let mut flag = |name: &str, value: &str| words.push(quoted(&format!("--{name}={value}")));
    if let Some(data) = &asked.data {
        flag("data", data);
    }
    let args = &asked.args;
    if let Some(preset) = &args.preset {
        flag("preset", preset);
    }
    if let Some(profile) = &args.profile {
        flag("profile", profile);
    }
    for team in &args.team {
        flag("team", &team.to_string_lossy());
    }
    for answer in &args.answers {
        flag("answer", answer);
    }
    if let Some(pairwise) = &asked.pairwise {
        flag("pairwise", pairwise);
    }
    for weight in &args.overrides {
        flag("weight", weight);
    }
    if let Some(spread) = args.weight_spread {
        flag("weight-spread", &spread.to_string());
    }
    if let Some(title) = &asked.title {
        flag("title", title);
    }
    match (&asked.context_file, &asked.context) {
        (Some(file), _) => flag("context-file", file),
        (None, Some(context)) => flag("context", context),
        (None, None) => {}
    }
    if asked.status != "proposed" {
        flag("status", &asked.status);
    }
    if let Some(date) = &asked.review_by {
        flag("review-by", date);
    }
    if let Some(days) = asked.review_in {
        flag("review-in", &format!("{days}d"));
    }
    if let Some(deciders) = &asked.deciders {
        flag("deciders", deciders);
    }
    words.join(" ")
}

/// Writes the record; returns its path.
pub(super) fn record(d: &Dataset, weighting: &Weighting, request: Request, asked: &Asked) -> Result<PathBuf, Failure> {
    let today = shell::clock::today();
    let team = request.team.as_ref().map(|members| member_ranges(&members.iter().collect::<Vec<_>>()));
    let sampling = Sampling { weight_spread: asked.args.weight_spread(), team, ..Sampling::default() };
    let given = Given {
        preset: asked.args.preset.clone(),
        profile: asked.args.profile.clone(),
        pairwise: asked.pairwise.clone(),
        team: asked.args.team.iter().map(|p| p.to_string_lossy().into_owned()).collect(),
        answers: asked.args.answers.clone(),
        weights: asked.args.overrides.clone(),
    };
    let ranges = sampling.weight_ranges(&weighting.weights);
    let inputs =
        decision::inputs(d, asked.data.clone(), given, &weighting.weights, &ranges, sampling.samples, sampling.seed);
    let review_by = match (&asked.review_by, asked.review_in) {
        (Some(date), _) => date.clone(),
        (None, Some(days)) => decision::add_days(&today, days),
        (None, None) => decision::default_review(&today, &inputs.outcome.classification),
    };
    let deciders = asked.deciders.clone().or_else(|| {
        request.team.as_ref().map(|members| members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "))
    });
    let framing = Framing {
        heading_level: 1,
        date: Some(today.clone()),
        command: Some(reproduce(asked)),
        answers: asked.args.answers.clone(),
        left_out: Vec::new(),
    };
    let mut report = Report::sampled(d, weighting, sampling).with_framing(framing);
    if let Some((judged, priorities)) = request.pairwise {
        report = report.with_pairwise(judged, priorities);
    }
    if let Some(members) = request.team {
        report = report.with_team(members);
    }
    let madr = report.render(Format::Madr);
    let meta = Meta {
        title: asked.title.clone(),
        context: asked.context.clone(),
        status: asked.status.clone(),
        date: today,
        review_by: review_by.clone(),
        deciders,
        supersedes: asked.supersedes,
    };
    let conditions = decision::conditions(d, &inputs, &review_by, 2);
    let text = decision::compose(&madr, &meta, &conditions, &inputs);
    let dir = &asked.dir;
    let shown = dir.display().to_string();
    let failed = |e: std::io::Error| Failure::Write(shown.clone(), e);
    let superseded =
        match asked.supersedes {
            Some(n) => Some(shell::decisions::find(dir, n).map_err(failed)?.ok_or_else(|| {
                Failure::Decision(format!("--supersedes {n}: {shown} has no record numbered {n:04}"))
            })?),
            None => None,
        };
    let number = shell::decisions::next_number(dir).map_err(failed)?;
    let title = text.lines().find(|l| l.starts_with('#')).unwrap_or("").trim_start_matches('#').trim();
    let path = shell::decisions::write_record(dir, number, &decision::slug(title), &text)
        .map_err(|e| Failure::Write(format!("{shown}/{number:04}-..."), e))?;
    if let Some(old) = superseded {
        shell::decisions::mark_superseded(&old, number).map_err(|e| Failure::Write(old.display().to_string(), e))?;
    }
    Ok(path)
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
    recorded: Option<Verdict>,
    now: Option<Verdict>,
}

#[derive(Serialize)]
struct Revisited<'a> {
    records: &'a [Row],
    skipped: usize,
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
            recorded: inputs.as_ref().ok().map(decision::recorded),
            now: None,
        };
        if record.is_retired() {
            row.state = State::Retired;
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
        for (word, link) in [("supersedes", record.supersedes), ("is superseded by", record.superseded_by)] {
            if let Some(n) = link.filter(|n| !numbers.contains(n)) {
                broken.push(format!("it {word} record {n:04}, which is not there"));
            }
        }
        let dataset = datasets.entry(inputs.dataset.path.clone()).or_insert_with(|| match &inputs.dataset.path {
            None => Ok(Dataset::builtin()),
            Some(file) => load(Path::new(file)).map_err(|e| e.to_string()),
        });
        match dataset {
            Err(error) => {
                let file = inputs.dataset.path.as_deref().unwrap_or_default();
                broken.push(format!("its dataset {file} cannot be read: {}", error.trim()));
            }
            Ok(dataset) => {
                let assessment = decision::assess(path, text, record, inputs, dataset, today);
                row.state = assessment.state;
                row.reasons = assessment.reasons;
                row.now = assessment.now;
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

fn short(verdict: Option<&Verdict>) -> String {
    match verdict {
        Some(Verdict { option: Some(option), margin, classification, share }) => {
            format!("{option} by {margin:.1} points, {classification}, first in {:.0}%", share * 100.0)
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
