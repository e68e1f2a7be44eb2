//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::engine::data::{is_calendar_date, parse_duration};
use crate::engine::diagnostic::Invalid;
use crate::engine::team::Member;
use crate::engine::{listing, report, robustness, weights};

/// Explore a technology comparison: weigh what matters to you and see which option the evidence favours.
///
/// With no command, versus opens the full-screen explorer on the built-in comparison of Node.js and
/// Python for server-side web development (or on --data FILE).
#[derive(Debug, Parser)]
#[command(name = "versus", version, about, long_about)]
pub struct Cli {
    /// A dataset file (TOML) to use instead of the built-in comparison.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    #[command(flatten)]
    pub weights: WeightArgs,

    /// Explorer: start from a decision record's inputs (its weighting as given, answers and team), with
    /// the weights it recorded pinned to compare with, as `b` pins them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["preset", "profile", "team", "answers", "overrides", "requirements"])]
    pub record: Option<PathBuf>,

    /// Explorer: do not capture the mouse (leaves text selection to the terminal).
    #[arg(long)]
    pub no_mouse: bool,

    /// Explorer: no colours (as when `NO_COLOR` is set and not empty); bold, reverse and
    /// symbols still carry the meaning.
    #[arg(long)]
    pub no_color: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the weights come from: a preset, then individual overrides.
#[derive(Debug, Clone, Default, Args)]
pub struct WeightArgs {
    /// Start from this scenario preset's weights instead of the defaults (see `versus list presets`).
    #[arg(long, value_name = "ID", conflicts_with = "profile")]
    pub preset: Option<String>,

    /// Start from a saved profile's weights (see `versus list profiles`).
    #[arg(long, value_name = "NAME", conflicts_with = "team")]
    pub profile: Option<String>,

    /// Start from a team's weights: each dimension's median across these weight files (a directory
    /// gives its *.toml files; see `versus profile export`). Reports each member's verdict and where
    /// they disagree.
    #[arg(long, value_name = "FILE_OR_DIR", num_args = 1.., conflicts_with = "preset")]
    pub team: Vec<PathBuf>,

    /// Answer a question of the project interview (repeatable; see `versus list questions`):
    /// --answer models-in-process=yes. Applied after --preset or --profile, before --weight.
    #[arg(long = "answer", value_name = "QUESTION=ANSWER")]
    pub answers: Vec<String>,

    /// Set one dimension's weight, 0-10 (repeatable): --weight ml-ecosystem=9.
    #[arg(long = "weight", value_name = "ID=N")]
    pub overrides: Vec<String>,

    /// A must-have (repeatable): an option rated below N (0-10) on dimension ID cannot be recommended.
    /// Quote it, `>` is a redirection to a shell: --require 'cpu-bound>=6'. Adds to the preset's or
    /// profile's requirements; for a dimension they require already it sets the minimum, and >=0 clears it.
    #[arg(long = "require", value_name = "ID>=N")]
    pub requirements: Vec<String>,

    /// How far each weight may vary either way, 0-3, in the draws that say how sure the verdict is
    /// (default 1; 0 keeps the weights fixed). With --team, each weight varies over the members' range
    /// for its dimension instead.
    #[arg(long, value_name = "N", value_parser = parse_weight_spread)]
    pub weight_spread: Option<u8>,
}

impl WeightArgs {
    /// These arguments with `inner` (given after the subcommand) taking precedence.
    #[must_use]
    pub(crate) fn merged(&self, inner: &Self) -> Self {
        let inner_chose = inner.preset.is_some() || inner.profile.is_some() || !inner.team.is_empty();
        let (preset, profile, team) = if inner_chose {
            (inner.preset.clone(), inner.profile.clone(), inner.team.clone())
        } else {
            (self.preset.clone(), self.profile.clone(), self.team.clone())
        };
        let joined = |outer: &[String], inner: &[String]| outer.iter().chain(inner).cloned().collect();
        Self {
            preset,
            profile,
            team,
            answers: joined(&self.answers, &inner.answers),
            overrides: joined(&self.overrides, &inner.overrides),
            requirements: joined(&self.requirements, &inner.requirements),
            weight_spread: inner.weight_spread.or(self.weight_spread),
        }
    }

    /// `--weight-spread`, or its default.
    #[must_use]
    pub fn weight_spread(&self) -> u8 {
        self.weight_spread.unwrap_or(robustness::DEFAULT_WEIGHT_SPREAD)
    }

    /// Whether any argument that sets weights was given (`--weight-spread` sets none).
    #[must_use]
    pub fn given(&self) -> bool {
        self.preset.is_some()
            || self.profile.is_some()
            || !self.team.is_empty()
            || !self.answers.is_empty()
            || !self.overrides.is_empty()
            || !self.requirements.is_empty()
    }

    /// The engine's form of these arguments, with the team's members read from `--team`'s files.
    #[must_use]
    pub fn request(&self, team: Option<Vec<Member>>) -> weights::Request {
        weights::Request {
            preset: self.preset.clone(),
            profile: self.profile.clone(),
            team,
            answers: self.answers.clone(),
            pairwise: None,
            overrides: self.overrides.clone(),
            requirements: self.requirements.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the recommendation: scores, margin, why, what would flip it, and the weights used.
    Report {
        #[command(flatten)]
        weights: WeightArgs,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Markdown and MADR: the level of the document's top heading (1-4), to embed it under a
        /// document's own headings.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=4))]
        heading_level: u8,
        /// Plausible rating sets to draw for the robustness shares (1 to 1,000,000).
        #[arg(long, value_name = "N", default_value_t = robustness::DEFAULT_SAMPLES,
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        samples: u32,
        /// The seed of those draws: the same seed gives the same shares everywhere.
        #[arg(long, value_name = "N", default_value_t = robustness::DEFAULT_SEED)]
        seed: u64,
        /// Weights from pairwise judgements (TOML: [[pairs]] more = "ID", less = "ID", by = 1-9),
        /// applied after --preset or --profile and before --weight.
        #[arg(long, value_name = "FILE")]
        pairwise: Option<PathBuf>,
    },
    /// Write a decision record (MADR) into the repository's decisions folder, numbered after the last
    /// one, with its conditions for revisiting and the inputs `versus revisit` re-checks; prints its path.
    Record {
        #[command(flatten)]
        weights: WeightArgs,
        /// Weights from pairwise judgements, as `report --pairwise` takes them.
        #[arg(long, value_name = "FILE")]
        pairwise: Option<PathBuf>,
        /// The folder of decision records (created if missing).
        #[arg(long, value_name = "DIR", default_value = "docs/decisions")]
        dir: PathBuf,
        /// The record's title (by default "Choose OPTION (DATASET)").
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The team's own problem statement, first under Context and Problem Statement.
        #[arg(long, value_name = "TEXT", conflicts_with = "context_file")]
        context: Option<String>,
        /// The problem statement read from FILE.
        #[arg(long, value_name = "FILE")]
        context_file: Option<PathBuf>,
        /// The record's status (MADR: proposed, accepted, rejected, deprecated).
        #[arg(long, value_name = "STATUS", default_value = "proposed")]
        status: String,
        /// The review date (YYYY-MM-DD); by default six months ahead, two for a toss-up.
        #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "review_in")]
        review_by: Option<String>,
        /// The review date as a duration from today (90d, 12w).
        #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
        review_in: Option<u32>,
        /// The number of the record this one supersedes: its front matter is marked superseded.
        #[arg(long, value_name = "N")]
        supersedes: Option<u32>,
        /// Who decided, for the front matter (by default the team's members, if any).
        #[arg(long, value_name = "NAMES")]
        deciders: Option<String>,
    },
    /// Re-check decision records against the dataset as it is now: changed, tripwire, weaker,
    /// review-due, broken or holds. Exit 0 when every record holds, 1 when any needs attention.
    Revisit {
        /// Records or folders of records (default docs/decisions).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = RevisitFormat::Text)]
        format: RevisitFormat,
        /// The date review dates are compared with, instead of today (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
    /// Compare two versions of a dataset: the ratings, ranges and sources that changed, then what that
    /// does to the verdict, margin, classification, robustness and stability intervals under the
    /// weighting given (applied to both), or with --presets under the defaults and every preset.
    Diff {
        /// The dataset before the edit (read as --data reads a file).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The dataset after it.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        #[command(flatten)]
        weights: WeightArgs,
        /// Compare under the defaults and every preset of NEW (each with --answer and --weight after it)
        /// instead of one weighting.
        #[arg(long, conflicts_with_all = ["preset", "profile", "team"])]
        presets: bool,
        #[arg(long, value_enum, default_value_t = RevisitFormat::Text)]
        format: RevisitFormat,
        /// Plausible rating sets to draw for the robustness shares (1 to 1,000,000).
        #[arg(long, value_name = "N", default_value_t = robustness::DEFAULT_SAMPLES,
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        samples: u32,
        /// The seed of those draws.
        #[arg(long, value_name = "N", default_value_t = robustness::DEFAULT_SEED)]
        seed: u64,
    },
    /// List the dataset's dimensions, presets, audited claims, sources or interview questions, or your saved profiles.
    List {
        #[arg(value_enum)]
        what: ListWhat,
        #[arg(long, value_enum, default_value_t = ListOutput::Text)]
        format: ListOutput,
    },
    /// Fuzzy-search the dimensions; every word must match.
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Check dataset files and print every problem as `file:line:column: message`.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Also list every source last checked more than DURATION before today (90d, 12w), with who
        /// cites it, and fail if any is; a `volatile = true` source is held to at most 30 days.
        #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
        stale: Option<u32>,
        /// The date --stale counts from, instead of today (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "stale", value_parser = parse_date)]
        today: Option<String>,
    },
    /// Save, delete, export or import weight profiles without the explorer (the same profiles as its `s`).
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// Write a small, valid, commented dataset to start a comparison from.
    New {
        /// The comparison's title, for example "Go vs Rust for a CLI tool".
        title: String,
        /// An option to compare, as ID=NAME (two or more; the ID of lowercase letters, digits, '-', '_').
        #[arg(long = "option", value_name = "ID=NAME", required = true)]
        options: Vec<String>,
        /// Write to FILE (never replacing one) instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the dataset format, for editors: `versus schema > versus-dataset.schema.json`.
    Schema,
    /// Where the config lives and what was loaded, or a commented default config.
    Config {
        #[arg(value_enum)]
        what: ConfigWhat,
    },
    /// Print a shell completion script: `versus completions bash > ~/.local/share/bash-completion/completions/versus`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `versus man | man -l -`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Save the weights the flags give (the defaults, else --preset/--profile/--team, then --answer, then
    /// --weight) as profile NAME of the dataset; an existing NAME is replaced only with --force.
    // A profile keeps weights and must-haves, not the spread the draws vary them by: not offered here.
    #[command(mut_arg("weight_spread", |arg| arg.hide(true)))]
    Save {
        name: String,
        #[command(flatten)]
        weights: WeightArgs,
        /// Why these weights, kept with the profile and in the file `profile export` writes.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Replace a profile of that name.
        #[arg(long)]
        force: bool,
    },
    /// Delete the dataset's profile NAME.
    Delete { name: String },
    /// Write profile NAME as a weight file a team can commit and `--team` reads (to standard output, or FILE).
    Export {
        name: String,
        /// Write to FILE instead of standard output; an existing FILE is replaced only with --force.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Add a weight file's weights to your saved profiles, under its name (asks before replacing one).
    Import {
        file: PathBuf,
        /// Save it under this name instead of the file's.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace a profile of that name without asking.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfigWhat {
    /// The config directory and which files were loaded.
    Path,
    /// A complete config file with every setting at its default, commented.
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Each dimension with its default weight and every option's rating, and its sources.
    Dimensions,
    /// The scenario presets, with the option each recommends.
    Presets,
    /// The audit of the claims the data started from, with verdicts and sources.
    Claims,
    /// Every source once, with the dimensions and claims that cite it and when it was checked.
    Sources,
    /// The project interview's questions and the weights each answer implies.
    Questions,
    /// Your saved weight profiles for this dataset.
    Profiles,
}

/// `--today`: a date of the form YYYY-MM-DD that exists.
fn parse_date(text: &str) -> Result<String, Invalid> {
    if is_calendar_date(text) {
        Ok(text.to_owned())
    } else {
        Err(Invalid(format!("`{text}` is not a date of the form YYYY-MM-DD")))
    }
}

/// `--weight-spread`: a whole number from 0 to [`robustness::MAX_WEIGHT_SPREAD`].
fn parse_weight_spread(text: &str) -> Result<u8, Invalid> {
    text.parse::<u8>().ok().filter(|&n| n <= robustness::MAX_WEIGHT_SPREAD).ok_or_else(|| {
        Invalid(format!(
            "`{text}` is not a spread: expected a whole number from 0 to {}, for example --weight-spread 2",
            robustness::MAX_WEIGHT_SPREAD
        ))
    })
}

/// `--format` of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    /// For a pull request or a wiki: the verdict first, then why, what would change it, how sure.
    Markdown,
    /// An architecture decision record (MADR) to commit beside the code.
    Madr,
    Json,
}

impl From<ReportFormat> for report::Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Text => Self::Text,
            ReportFormat::Markdown => Self::Markdown,
            ReportFormat::Madr => Self::Madr,
            ReportFormat::Json => Self::Json,
        }
    }
}

/// `--format` of `revisit` and `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RevisitFormat {
    Text,
    /// A table for a pull request's comment.
    Markdown,
    Json,
}

/// `--format` of `list`: a listing's formats, or `ids`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListOutput {
    Text,
    Json,
    /// What the command line takes, one a line, for scripts and shell completion: the dimensions',
    /// presets' and claims' ids, the profiles' names, each question's `QUESTION=ANSWER`, the sources'
    /// URLs.
    Ids,
}

/// `--format` of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

impl From<ListFormat> for listing::ListFormat {
    fn from(format: ListFormat) -> Self {
        match format {
            ListFormat::Text => Self::Text,
            ListFormat::Json => Self::Json,
        }
    }
}
