//! Decisions over time: the record `versus record` writes (front matter, the conditions for revisiting,
//! and the "versus inputs" block), read back and re-evaluated by `versus revisit`. Pure: strings in,
//! strings and values out; the shell reads and writes the files.
//!
//! The inputs block is a fenced `toml` block under a heading "versus inputs", the last thing in the
//! record. Its `format` key versions it ([`FORMAT`]); a record of a newer format is broken for an older
//! versus, never guessed at.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::engine::data::{Dataset, SCALE_MAX, day_number};
use crate::engine::diagnostic::{Diagnostic, Position};
use crate::engine::report::{Format, Framing, Report, deciding_requirements, drivers, md};
use crate::engine::requirements::Requirements;
use crate::engine::robustness::{MAX_WEIGHT_SPREAD, Robustness, Spread, WeightRanges, robustness_over};
use crate::engine::score::{Evaluation, RatingFlip, Recommendation, evaluate_with, rating_flips_with};
use crate::engine::verdict::{Classification, tenths};
use crate::engine::weights::{ConfigDefault, Origin, Request, Weighting, changes, shell_word};

/// The version of the inputs block this versus writes and reads.
pub const FORMAT: u32 = 1;
/// The heading the inputs block stands under.
pub const HEADING: &str = "versus inputs";
/// A drop of the margin by more than this many points, same leader, makes a decision `weaker`.
pub const WEAKER_POINTS: f64 = 2.0;
/// How many rating flips become tripwires, nearest first.
pub const TRIPWIRES: usize = 5;
/// Months to the default review date: a clear or likely verdict, and a toss-up.
pub const REVIEW_MONTHS: u32 = 6;
pub const TOSS_UP_REVIEW_MONTHS: u32 = 2;

/// Everything needed to re-run a decision: the block's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inputs {
    pub format: u32,
    /// The versus version that wrote it.
    pub versus: String,
    pub dataset: DatasetRef,
    pub given: Given,
    /// The resulting weights, by dimension id.
    pub weights: BTreeMap<String, u8>,
    /// The must-haves in force, dimension id -> the lowest rating allowed (absent without any).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requirements: BTreeMap<String, u8>,
    /// The drivers' evidence when recorded: dimension id -> option id -> `[rating, low, high]`, for
    /// `revisit` to say which ratings and ranges moved.
    #[serde(default)]
    pub evidence: BTreeMap<String, BTreeMap<String, [u8; 3]>>,
    /// The drivers' sources when recorded: dimension id -> `[url, checked]` each, for `revisit` to say
    /// which were added, removed or checked again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, Vec<[String; 2]>>,
    pub outcome: Outcome,
}

impl Inputs {
    /// The recorded weights and must-haves on `dataset`, by dimension id (a dimension it no longer has
    /// is left out; [`assess`] reports it), as a weighting to pin or compare with.
    #[must_use]
    pub fn weighting(&self, dataset: &Dataset) -> Weighting {
        let weights: Vec<u8> =
            dataset.dimensions.iter().map(|d| self.weights.get(&d.id).copied().unwrap_or(0)).collect();
        let mut requirements = Requirements::default();
        for (d, dimension) in dataset.dimensions.iter().enumerate() {
            if let Some(&min) = self.requirements.get(&dimension.id) {
                requirements.set(d, min);
            }
        }
        Weighting {
            origin: Origin::Profile {
                name: "the record's weights".to_owned(),
                weights: weights.clone(),
                requirements: requirements.clone(),
            },
            weights,
            requirements,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetRef {
    pub title: String,
    /// [`Dataset::content_hash`] when recorded.
    pub hash: String,
    pub as_of: String,
    /// The file it came from, as given to `--data`; absent for the built-in data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The weighting as given on the command line, before it was resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Given {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<String>,
    pub team: Vec<String>,
    /// `QUESTION=ANSWER`.
    pub answers: Vec<String>,
    /// `--weight` as given, `ID=N`.
    pub weights: Vec<String>,
    /// `--require` as given, `ID>=N`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The leading option's id; absent when nothing leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Points, to a tenth.
    pub margin: f64,
    /// clear, likely, toss-up or none.
    pub classification: String,
    /// The leader's robustness share, 0-1, to a thousandth.
    pub share: f64,
    pub seed: u64,
    pub samples: u32,
    /// How far each weight varied either way in the draws (`--weight-spread`); 0, as in the records made
    /// before weights were drawn, kept them fixed.
    #[serde(default)]
    pub weight_spread: u8,
    #[serde(default)]
    pub tripwires: Vec<Tripwire>,
    /// With a team: each dimension's lowest and highest member weight, which the draws varied each weight
    /// over (the team's files live outside the record).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weight_ranges: BTreeMap<String, [u8; 2]>,
}

/// A rating that, moved to `to`, hands the lead to `leader`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tripwire {
    pub dimension: String,
    pub option: String,
    pub rating: u8,
    pub to: u8,
    pub leader: String,
}

impl Tripwire {
    /// Whether a rating of `now` has reached the threshold, from the side it was recorded on.
    #[must_use]
    pub fn fired(&self, now: u8) -> bool {
        if self.to >= self.rating { now >= self.to } else { now <= self.to }
    }
}

/// A verdict as the record and `revisit` state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub option: Option<String>,
    pub margin: f64,
    pub classification: String,
    pub share: f64,
}

impl Verdict {
    /// "Python by 4.0 points", "Python, the only option meeting every must-have" (a leader with no margin:
    /// the others fail a must-have), or "no option leads"; the option called `name`.
    #[must_use]
    pub fn lead(&self, name: &str) -> String {
        match (&self.option, self.margin) {
            (None, _) => "no option leads".to_owned(),
            (Some(_), 0.0) => format!("{name}, the only option meeting every must-have"),
            (Some(_), margin) => format!("{name} by {margin:.1} points"),
        }
    }
}

/// What a weighting comes to on a dataset, computed once: its weights and must-haves, its evaluation, its
/// robustness shares and its rating flips (a [`Report`] has them all; see `Report::evaluated`).
#[derive(Debug, Clone, Copy)]
pub struct Evaluated<'e> {
    pub weights: &'e [u8],
    pub requirements: &'e Requirements,
    pub evaluation: &'e Evaluation,
    pub shares: &'e Robustness,
    pub flips: &'e [RatingFlip],
}

/// The evaluation of `weights` with `requirements` on `dataset`, and its shares sampled with `samples`
/// and `seed` over each weight's range in `ranges`: what a record, `revisit` and `diff` each weigh.
#[must_use]
pub fn evaluated(
    dataset: &Dataset,
    (weights, requirements): (&[u8], &Requirements),
    ranges: &WeightRanges,
    samples: u32,
    seed: u64,
) -> (Evaluation, Robustness) {
    (evaluate_with(dataset, weights, requirements), robustness_over(dataset, ranges, requirements, samples, seed))
}

/// The verdict as the record and `revisit` state it, of an evaluation and its shares.
#[must_use]
pub fn verdict_of(dataset: &Dataset, evaluation: &Evaluation, shares: &Robustness) -> Verdict {
    let recommendation = &evaluation.recommendation;
    let classification = Classification::of(recommendation, shares);
    let leader = recommendation.leader();
    let share = leader.and_then(|o| shares.first.get(o).copied()).unwrap_or(0.0);
    let margin = match recommendation {
        Recommendation::Lead { .. } => tenths(recommendation.margin()),
        _ => 0.0,
    };
    Verdict {
        option: leader.map(|o| dataset.options[o].id.clone()),
        margin,
        classification: classification.word().to_owned(),
        share: (share * 1000.0).round() / 1000.0,
    }
}

/// The nearest rating `flips`, as the record's tripwires.
fn tripwires_of(dataset: &Dataset, flips: &[RatingFlip]) -> Vec<Tripwire> {
    nearest_rating_flips(flips)
        .iter()
        .map(|f| Tripwire {
            dimension: dataset.dimensions[f.dimension].id.clone(),
            option: dataset.options[f.option].id.clone(),
            rating: f.rating,
            to: f.to,
            leader: dataset.options[f.leader].id.clone(),
        })
        .collect()
}

/// The ratings and ranges of the dimensions that decide it (`decisive`, see [`drivers`]).
fn evidence(dataset: &Dataset, decisive: &[usize]) -> BTreeMap<String, BTreeMap<String, [u8; 3]>> {
    decisive
        .iter()
        .map(|&d| {
            let dimension = &dataset.dimensions[d];
            let ratings = dataset
                .options
                .iter()
                .zip(&dimension.assessments)
                .map(|(o, a)| (o.id.clone(), [a.rating, a.low, a.high]))
                .collect();
            (dimension.id.clone(), ratings)
        })
        .collect()
}

/// The [`TRIPWIRES`] rating flips nearest to happening, in the order the record states them.
#[must_use]
pub fn nearest_rating_flips(flips: &[RatingFlip]) -> Vec<RatingFlip> {
    let mut flips = flips.to_vec();
    flips.sort_by_key(|f| (f.distance(), f.dimension, f.option));
    flips.truncate(TRIPWIRES);
    flips
}

/// What moved in the recorded drivers' evidence: "Python's rating for X: 9 (8-10) then, 7 (6-8) now".
fn moved(dataset: &Dataset, inputs: &Inputs) -> Vec<String> {
    let mut out = Vec::new();
    for (id, ratings) in &inputs.evidence {
        let Some(dimension) = dataset.dimensions.iter().find(|d| &d.id == id) else { continue };
        for (option, then) in ratings {
            let Some(o) = dataset.options.iter().position(|x| &x.id == option) else { continue };
            let a = &dimension.assessments[o];
            let now = [a.rating, a.low, a.high];
            if &now != then {
                out.push(format!(
                    "{}'s rating for {}: {} ({}-{}) then, {} ({}-{}) now",
                    dataset.options[o].name, dimension.name, then[0], then[1], then[2], now[0], now[1], now[2]
                ));
            }
        }
    }
    for (id, then) in &inputs.sources {
        let Some(dimension) = dataset.dimensions.iter().find(|d| &d.id == id) else { continue };
        for source in &dimension.sources {
            match then.iter().find(|[url, _]| url == &source.url) {
                None => {
                    out.push(format!("{}: a source added since: {} <{}>", dimension.name, source.title, source.url));
                }
                Some([_, checked]) if checked != &source.checked => out.push(format!(
                    "{}: the source <{}> checked {checked} then, {} now",
                    dimension.name, source.url, source.checked
                )),
                Some(_) => {}
            }
        }
        for [url, _] in then.iter().filter(|[url, _]| !dimension.sources.iter().any(|s| &s.url == url)) {
            out.push(format!("{}: the source <{url}> removed since", dimension.name));
        }
    }
    out
}

/// The inputs block of a decision just made.
#[must_use]
pub fn inputs(
    dataset: &Dataset,
    path: Option<String>,
    given: Given,
    (weights, requirements): (&[u8], &Requirements),
    ranges: &WeightRanges,
    samples: u32,
    seed: u64,
) -> Inputs {
    let (evaluation, shares) = evaluated(dataset, (weights, requirements), ranges, samples, seed);
    let flips = rating_flips_with(dataset, weights, requirements);
    let evaluated = Evaluated { weights, requirements, evaluation: &evaluation, shares: &shares, flips: &flips };
    inputs_from(dataset, path, given, ranges, evaluated)
}

/// [`inputs`] of what is computed already (a report's evaluation, shares and flips), sampled over `ranges`.
#[must_use]
pub fn inputs_from(
    dataset: &Dataset,
    path: Option<String>,
    given: Given,
    ranges: &WeightRanges,
    e: Evaluated,
) -> Inputs {
    let Evaluated { weights, requirements, evaluation, shares, flips } = e;
    let ids = || dataset.dimensions.iter().map(|d| d.id.clone());
    let weight_ranges = match ranges.spread {
        Spread::Team(_) => ids().zip(&ranges.ranges).map(|(id, &(low, high))| (id, [low, high])).collect(),
        Spread::Fixed | Spread::Within(_) => BTreeMap::new(),
    };
    let verdict = verdict_of(dataset, evaluation, shares);
    // The must-haves that decide it are evidence too: a rating moved across one changes the outcome.
    let mut decisive: Vec<usize> =
        deciding_requirements(evaluation, requirements).iter().map(|r| r.dimension).collect();
    for d in drivers(evaluation, weights) {
        if !decisive.contains(&d) {
            decisive.push(d);
        }
    }
    Inputs {
        format: FORMAT,
        versus: env!("CARGO_PKG_VERSION").to_owned(),
        dataset: DatasetRef {
            title: dataset.meta.title.clone(),
            hash: dataset.content_hash(),
            as_of: dataset.meta.as_of.clone(),
            path,
        },
        given,
        weights: dataset.dimensions.iter().zip(weights).map(|(d, &w)| (d.id.clone(), w)).collect(),
        requirements: requirements.iter().map(|r| (dataset.dimensions[r.dimension].id.clone(), r.min)).collect(),
        evidence: evidence(dataset, &decisive),
        sources: decisive
            .iter()
            .map(|&d| {
                let dimension = &dataset.dimensions[d];
                let sources = dimension.sources.iter().map(|s| [s.url.clone(), s.checked.clone()]).collect();
                (dimension.id.clone(), sources)
            })
            .collect(),
        outcome: Outcome {
            option: verdict.option,
            margin: verdict.margin,
            classification: verdict.classification,
            share: verdict.share,
            seed: shares.seed,
            samples: shares.samples,
            weight_spread: ranges.spread.n(),
            tripwires: tripwires_of(dataset, flips),
            weight_ranges,
        },
    }
}

/// The block: the heading at `level` and the fenced TOML.
#[must_use]
pub fn block(inputs: &Inputs, level: u8) -> String {
    let toml = toml::to_string(inputs).unwrap_or_default();
    format!("{} {HEADING}\n\n```toml\n{}```\n", "#".repeat(usize::from(level.max(1))), toml)
}

/// The record's text, one source for `versus record` and the explorer's `E`: `report` rendered as MADR
/// with `framing` (its date and review date taken from `meta`, so with its conditions for revisiting),
/// composed with `meta` and the inputs block.
#[must_use]
pub fn record_text(report: Report<'_>, framing: Framing, meta: &Meta, inputs: &Inputs) -> String {
    let framing =
        Framing { heading_level: 1, date: Some(meta.date.clone()), review_by: Some(meta.review_by.clone()), ..framing };
    compose(&report.with_framing(framing).render(Format::Madr), meta, inputs)
}

/// The flags of a `versus record` command, as given: what [`reproduce`] spells out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags<'a> {
    pub data: Option<&'a str>,
    pub given: Option<&'a Given>,
    pub title: Option<&'a str>,
    pub context: Option<&'a str>,
    pub context_file: Option<&'a str>,
    pub status: &'a str,
    pub review_by: Option<&'a str>,
    /// `--review-in`, in days.
    pub review_in: Option<u32>,
    pub deciders: Option<&'a str>,
    /// `--weight-spread`, when not the default.
    pub weight_spread: Option<u8>,
}

/// The shortest command that writes the same record again: the weighting as given (answers, not the
/// weights they gave), and the record's own flags; the date and the review date default to the day it runs.
#[must_use]
pub fn reproduce(flags: &Flags) -> String {
    let mut words = vec!["versus".to_owned(), "record".to_owned()];
    // The value quoted, not the flag: a value of several lines is quoted through printf, whose format
    // must not start with `--`.
    let mut flag = |name: &str, value: &str| words.push(format!("--{name}={}", shell_word(value)));
    if let Some(data) = flags.data {
        flag("data", data);
    }
    let empty = Given::default();
    let given = flags.given.unwrap_or(&empty);
    if let Some(preset) = &given.preset {
        flag("preset", preset);
    }
    if let Some(profile) = &given.profile {
        flag("profile", profile);
    }
    for team in &given.team {
        flag("team", team);
    }
    for answer in &given.answers {
        flag("answer", answer);
    }
    if let Some(pairwise) = &given.pairwise {
        flag("pairwise", pairwise);
    }
    for weight in &given.weights {
        flag("weight", weight);
    }
    for requirement in &given.requires {
        flag("require", requirement);
    }
    if let Some(spread) = flags.weight_spread {
        flag("weight-spread", &spread.to_string());
    }
    if let Some(title) = flags.title {
        flag("title", title);
    }
    match (flags.context_file, flags.context) {
        (Some(file), _) => flag("context-file", file),
        (None, Some(context)) => flag("context", context),
        (None, None) => {}
    }
    if flags.status != "proposed" {
        flag("status", flags.status);
    }
    if let Some(date) = flags.review_by {
        flag("review-by", date);
    }
    if let Some(days) = flags.review_in {
        flag("review-in", &format!("{days}d"));
    }
    if let Some(deciders) = flags.deciders {
        flag("deciders", deciders);
    }
    words.join(" ")
}

/// What the record says of itself beyond the report: its front matter and the user's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub context: Option<String>,
    pub status: String,
    pub date: String,
    pub review_by: String,
    pub deciders: Option<String>,
    pub supersedes: Option<u32>,
}

/// The default review date: [`REVIEW_MONTHS`] after `date`, [`TOSS_UP_REVIEW_MONTHS`] for a toss-up.
#[must_use]
pub fn default_review(date: &str, classification: &str) -> String {
    let months = if classification == Classification::TossUp.word() { TOSS_UP_REVIEW_MONTHS } else { REVIEW_MONTHS };
    add_months(date, months)
}

/// `date` (YYYY-MM-DD) `months` later, the day clamped to the month's length; `date` itself if it is not one.
#[must_use]
pub fn add_months(date: &str, months: u32) -> String {
    let part = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (part(0..4), part(5..7), part(8..10)) else { return date.to_owned() };
    let index = year * 12 + (month - 1).min(11) + months;
    let (year, month) = (index / 12, index % 12 + 1);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year:04}-{month:02}-{:02}", day.min(length))
}

/// `date` (YYYY-MM-DD) `days` later; `date` itself if it is not one.
#[must_use]
pub fn add_days(date: &str, days: u32) -> String {
    let Some(start) = crate::engine::data::day_number(date) else { return date.to_owned() };
    // Howard Hinnant's civil_from_days.
    let z = start + i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The record: the MADR report `madr` (rendered with the review date, so with its conditions for
/// revisiting) with its front matter replaced by `meta`'s, the user's title and context in, and the
/// inputs block at the end.
#[must_use]
pub fn compose(madr: &str, meta: &Meta, inputs: &Inputs) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "status: {}", yaml(&meta.status));
    let _ = writeln!(out, "date: {}", meta.date);
    if let Some(deciders) = &meta.deciders {
        let _ = writeln!(out, "deciders: {}", yaml(deciders));
    }
    let _ = writeln!(out, "review-by: {}", meta.review_by);
    if let Some(n) = meta.supersedes {
        let _ = writeln!(out, "supersedes: \"{n:04}\"");
    }
    out.push_str("---\n\n");
    let body = madr.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n\n")).map_or(madr, |(_, b)| b);
    let mut lines = body.split_inclusive('\n');
    let mut level = 1;
    if let Some(first) = lines.next() {
        let hashes = first.chars().take_while(|&c| c == '#').count();
        level = hashes.max(1);
        match &meta.title {
            Some(title) => {
                let _ = writeln!(out, "{} {}", "#".repeat(level), md(&one_line(title)));
            }
            None => out.push_str(first),
        }
    }
    let section = "#".repeat(level + 1);
    let context_heading = format!("{section} Context and Problem Statement\n");
    let mut after_context = false;
    for line in lines {
        out.push_str(line);
        if line == context_heading {
            after_context = true;
        } else if after_context && line == "\n" {
            after_context = false;
            if let Some(context) = meta.context.as_ref().filter(|c| !c.trim().is_empty()) {
                let _ = write!(out, "{}\n\n", context.trim());
            }
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&block(inputs, (level + 1) as u8));
    out
}

/// A value YAML reads as the same string: JSON's quoting.
fn yaml(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file name's part from a title: lowercase letters and digits, runs of anything else one `-`.
#[must_use]
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    // Letters of any script are kept (a title in German or Japanese keeps its words); the rest separate.
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    // Whole words, up to about 50 characters.
    let mut slug = String::new();
    for word in out.split('-').filter(|w| !w.is_empty()) {
        if !slug.is_empty() && slug.len() + 1 + word.len() > 50 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().take(50));
    }
    if slug.is_empty() { "decision".to_owned() } else { slug }
}

/// The leading number of a record's file name, `0012-use-go.md` -> 12.
#[must_use]
pub fn number_of(file_name: &str) -> Option<u32> {
    let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !file_name[digits.len()..].starts_with('-') { None } else { digits.parse().ok() }
}

/// One more than the highest record number among `file_names`.
#[must_use]
pub fn next_number<'a>(file_names: impl IntoIterator<Item = &'a str>) -> u32 {
    file_names.into_iter().filter_map(number_of).max().unwrap_or(0) + 1
}

/// `text` with its front matter's `status` set to "superseded by NNNN" and `superseded-by` added.
#[must_use]
pub fn mark_superseded(text: &str, by: u32) -> Option<String> {
    // A record kept with CRLF line ends (Windows, `core.autocrlf`) keeps them.
    if text.contains("\r\n") {
        return mark_superseded(&text.replace("\r\n", "\n"), by).map(|marked| marked.replace('\n', "\r\n"));
    }
    let rest = text.strip_prefix("---\n")?;
    let (front, body) = rest.split_once("\n---\n")?;
    let mut out = String::from("---\n");
    for line in front.lines().filter(|l| !l.starts_with("superseded-by:")) {
        if line.starts_with("status:") {
            let _ = writeln!(out, "status: \"superseded by {by:04}\"");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    let _ = write!(out, "superseded-by: \"{by:04}\"\n---\n{body}");
    Some(out)
}

/// A record read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub number: Option<u32>,
    pub title: String,
    pub status: String,
    pub review_by: Option<String>,
    pub supersedes: Option<u32>,
    pub superseded_by: Option<u32>,
    /// None: no inputs block (not a versus record).
    pub inputs: Option<Result<Inputs, Diagnostic>>,
}

impl Record {
    /// Superseded, rejected and deprecated records are listed, not evaluated.
    #[must_use]
    pub fn is_retired(&self) -> bool {
        let status = self.status.to_lowercase();
        ["superseded", "rejected", "deprecated"].iter().any(|s| status.starts_with(s))
    }
}

/// Reads a record's front matter, title and inputs block; `file` names it in diagnostics.
#[must_use]
pub fn parse(file: &str, file_name: &str, text: &str) -> Record {
    // CRLF line ends read as LF: lines and columns stay where they were.
    let normalized;
    let text = if text.contains("\r\n") {
        normalized = text.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        text
    };
    let mut record = Record {
        number: number_of(file_name),
        title: String::new(),
        status: String::new(),
        review_by: None,
        supersedes: None,
        superseded_by: None,
        inputs: None,
    };
    let mut body_start = 0;
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some((front, _)) = rest.split_once("\n---\n")
    {
        body_start = 4 + front.len() + 5;
        for line in front.lines() {
            let Some((key, value)) = line.split_once(':') else { continue };
            let value = unquote(value.trim());
            match key.trim() {
                "status" => record.status = value,
                "review-by" => record.review_by = Some(value),
                "supersedes" => record.supersedes = number_of(&format!("{value}-")),
                "superseded-by" => record.superseded_by = number_of(&format!("{value}-")),
                _ => {}
            }
        }
    }
    let body = text.get(body_start..).unwrap_or("");
    if let Some(line) = body.lines().find(|l| l.starts_with('#')) {
        line.trim_start_matches('#').trim().clone_into(&mut record.title);
    }
    // The block: the last heading "versus inputs", then its fenced toml.
    let mut offset = 0;
    let mut heading = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.starts_with('#') && trimmed.trim_start_matches('#').trim() == HEADING {
            heading = Some(offset + line.len());
        }
        offset += line.len();
    }
    let Some(after) = heading else { return record };
    let tail = &text[after..];
    let Some(open) = tail.find("```toml\n") else {
        let error = Diagnostic::error(format!("the \"{HEADING}\" heading has no ```toml block under it"))
            .in_file(file)
            .at(Position::of_offset(text, after));
        record.inputs = Some(Err(error));
        return record;
    };
    let start = after + open + "```toml\n".len();
    let Some(close) = text[start..].find("\n```").map(|c| start + c + 1) else {
        let error = Diagnostic::error("the versus inputs block is not closed by ```")
            .in_file(file)
            .at(Position::of_offset(text, start));
        record.inputs = Some(Err(error));
        return record;
    };
    let source = &text[start..close];
    record.inputs = Some(match toml::from_str::<Inputs>(source) {
        Ok(inputs) if inputs.format > FORMAT => Err(Diagnostic::error(format!(
            "the versus inputs block is of format {}; this versus reads format {FORMAT}: upgrade versus",
            inputs.format
        ))
        .in_file(file)
        .field("format")
        .at(Position::of_offset(text, start))),
        Ok(inputs) => match implausible(&inputs) {
            None => Ok(inputs),
            Some((field, key, message)) => {
                let at = source.find(&format!("\n{key} = ")).map_or(0, |i| i + 1);
                Err(Diagnostic::error(message).in_file(file).field(field).at(Position::of_offset(text, start + at)))
            }
        },
        Err(error) => {
            let span = error.span().map_or(start..start, |s| start + s.start..start + s.end);
            Err(Diagnostic::error(error.message().trim().to_owned()).in_file(file).at_span(text, span))
        }
    });
    record
}

/// A value of the inputs block that versus would never write, edited in by hand: (its field, its key,
/// what is wrong). Evaluating it anyway would report a verdict on nonsense.
fn implausible(inputs: &Inputs) -> Option<(String, String, String)> {
    let outcome = &inputs.outcome;
    if outcome.samples == 0 {
        return Some(("outcome.samples".into(), "samples".into(), "samples must be at least 1".into()));
    }
    if outcome.weight_spread > MAX_WEIGHT_SPREAD {
        let message = format!("weight_spread {} is off its 0-{MAX_WEIGHT_SPREAD} scale", outcome.weight_spread);
        return Some(("outcome.weight_spread".into(), "weight_spread".into(), message));
    }
    let off_scale = |table: &str, values: &BTreeMap<String, u8>| {
        values.iter().find(|&(_, &value)| value > SCALE_MAX).map(|(id, value)| {
            (format!("{table}.{id}"), id.clone(), format!("{table}: {id} = {value} is off the 0-{SCALE_MAX} scale"))
        })
    };
    off_scale("weights", &inputs.weights).or_else(|| off_scale("requirements", &inputs.requirements))
}

fn unquote(value: &str) -> String {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        serde_json::from_str(value).unwrap_or_else(|_| value[1..value.len() - 1].to_owned())
    } else {
        value.to_owned()
    }
}

/// A record's state, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Changed,
    Tripwire,
    Weaker,
    ReviewDue,
    Broken,
    Holds,
    /// Superseded, rejected or deprecated: listed, not evaluated.
    Retired,
}

impl State {
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Changed => "changed",
            Self::Tripwire => "tripwire",
            Self::Weaker => "weaker",
            Self::ReviewDue => "review-due",
            Self::Broken => "broken",
            Self::Holds => "holds",
            Self::Retired => "retired",
        }
    }

    /// Whether a record in this state needs someone's attention (`revisit` exits 1).
    #[must_use]
    pub fn needs_attention(self) -> bool {
        !matches!(self, Self::Holds | Self::Retired)
    }
}

/// What re-evaluating a record found.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub state: State,
    pub reasons: Vec<String>,
    pub now: Option<Verdict>,
}

fn rank(classification: &str) -> u8 {
    match classification {
        "clear" => 3,
        "likely" => 2,
        "toss-up" => 1,
        _ => 0,
    }
}

/// What the record's draws varied each of `weights` over: the team's recorded ranges (a dimension added
/// since keeps its weight), else ±its weight spread.
fn recorded_ranges(dataset: &Dataset, weights: &[u8], outcome: &Outcome) -> WeightRanges {
    if outcome.weight_ranges.is_empty() {
        return WeightRanges::within(weights, outcome.weight_spread);
    }
    let team: Vec<(u8, u8)> = dataset
        .dimensions
        .iter()
        .zip(weights)
        .map(|(d, &w)| outcome.weight_ranges.get(&d.id).map_or((w, w), |&[low, high]| (low, high)))
        .collect();
    WeightRanges::team(weights, outcome.weight_spread, &team)
}

/// The weights the record's weighting gives on the dataset now, the must-haves it gives (none when the
/// weighting lives outside the record: a profile, a team, a pairwise file), and what moved since.
type Now = (Vec<u8>, Option<Requirements>, Vec<String>);

/// The weights to evaluate a record with now (see [`Now`]); or why it cannot be evaluated.
fn weights_now(file: &str, text: &str, inputs: &Inputs, dataset: &Dataset) -> Result<Now, String> {
    let mut weights = vec![0; dataset.dimensions.len()];
    for (id, &weight) in &inputs.weights {
        let Some(d) = dataset.dimensions.iter().position(|d| &d.id == id) else {
            let needle = format!("\n{id} = ");
            let at = text.rfind(&needle).map_or(0, |i| i + 1);
            let place = Position::of_offset(text, at);
            return Err(format!(
                "{file}:{}:{}: weights: the dataset has no dimension `{id}` now",
                place.line, place.column
            ));
        };
        weights[d] = weight;
    }
    // The weighting as given, applied to the dataset now: a preset's or an answer's weights may have moved.
    // (A profile, a team's files and a pairwise file live outside the record: their resulting weights stand.)
    let mut weights_moved = Vec::new();
    let mut required = None;
    let given = &inputs.given;
    if given.profile.is_none() && given.team.is_empty() && given.pairwise.is_none() {
        let request = Request {
            preset: given.preset.clone(),
            answers: given.answers.clone(),
            overrides: given.weights.clone(),
            requirements: given.requires.clone(),
            ..Request::default()
        };
        match Weighting::resolve(dataset, &request, ConfigDefault::default(), &[]) {
            Err(error) => {
                let at = text.rfind("\n[given]").map_or(0, |i| i + 1);
                let place = Position::of_offset(text, at);
                return Err(format!("{file}:{}:{}: given: {error}", place.line, place.column));
            }
            Ok((weighting, _)) => {
                for (d, now, then) in changes(&weighting.weights, &weights) {
                    weights_moved.push(format!(
                        "the weighting as given now weighs {} {then} -> {now}",
                        dataset.dimensions[d].name
                    ));
                }
                // A preset's must-haves may have changed too.
                let recorded: BTreeMap<String, u8> = inputs.requirements.clone();
                let now: BTreeMap<String, u8> = weighting
                    .requirements
                    .iter()
                    .map(|r| (dataset.dimensions[r.dimension].id.clone(), r.min))
                    .collect();
                if now != recorded {
                    let said = |m: &BTreeMap<String, u8>| {
                        let list: Vec<String> = m.iter().map(|(id, min)| format!("{id}>={min}")).collect();
                        if list.is_empty() { "none".to_owned() } else { list.join(", ") }
                    };
                    weights_moved.push(format!(
                        "the weighting as given now requires {} (recorded: {})",
                        said(&now),
                        said(&recorded)
                    ));
                }
                weights = weighting.weights;
                required = Some(weighting.requirements);
            }
        }
    }
    Ok((weights, required, weights_moved))
}

/// The recorded must-haves, on the dataset now; or where the record names a dimension it no longer has.
fn requirements_now(file: &str, text: &str, inputs: &Inputs, dataset: &Dataset) -> Result<Requirements, String> {
    if let Some(id) = inputs.requirements.keys().find(|id| dataset.dimension_index(id).is_none()) {
        let at = text.rfind(&format!("\n{id} = ")).map_or(0, |i| i + 1);
        let place = Position::of_offset(text, at);
        return Err(format!(
            "{file}:{}:{}: requirements: the dataset has no dimension `{id}` now",
            place.line, place.column
        ));
    }
    Ok(inputs.weighting(dataset).requirements)
}

/// Re-evaluates `inputs` (read from `file`, whose text is `text`) against `dataset` as it is now.
#[must_use]
pub fn assess(file: &str, text: &str, record: &Record, inputs: &Inputs, dataset: &Dataset, today: &str) -> Assessment {
    let broken = |reasons: Vec<String>| Assessment { state: State::Broken, reasons, now: None };
    if dataset.meta.title != inputs.dataset.title {
        return broken(vec![format!(
            "the dataset is now \"{}\", not the recorded \"{}\"",
            dataset.meta.title, inputs.dataset.title
        )]);
    }
    let (weights, required, weights_moved) = match weights_now(file, text, inputs, dataset) {
        Ok(found) => found,
        Err(reason) => return broken(vec![reason]),
    };
    let requirements = match requirements_now(file, text, inputs, dataset) {
        Ok(recorded) => required.unwrap_or(recorded),
        Err(reason) => return broken(vec![reason]),
    };
    let outcome = &inputs.outcome;
    let ranges = recorded_ranges(dataset, &weights, outcome);
    // The verdict alone: the tripwires are the record's, not worked out again.
    let (evaluation, shares) = evaluated(dataset, (&weights, &requirements), &ranges, outcome.samples, outcome.seed);
    let now = verdict_of(dataset, &evaluation, &shares);
    let recorded = recorded(inputs);
    let mut states = Vec::new();
    let mut reasons = Vec::new();
    let name = |id: &Option<String>| {
        id.as_ref().map_or("no option".to_owned(), |id| {
            dataset.options.iter().find(|o| &o.id == id).map_or(id.clone(), |o| o.name.clone())
        })
    };
    if now.option != recorded.option {
        states.push(State::Changed);
        reasons.push(format!(
            "now {} ({}); when recorded, {}",
            now.lead(&name(&now.option)),
            now.classification,
            recorded.lead(&name(&recorded.option))
        ));
    }
    for wire in &outcome.tripwires {
        let dimension = dataset.dimensions.iter().find(|d| d.id == wire.dimension);
        let option = dataset.options.iter().position(|o| o.id == wire.option);
        let (Some(dimension), Some(option)) = (dimension, option) else {
            states.push(State::Broken);
            reasons.push(format!(
                "the tripwire on {} / {} names what the dataset no longer has",
                wire.dimension, wire.option
            ));
            continue;
        };
        let rating = dimension.assessments[option].rating;
        if wire.fired(rating) {
            states.push(State::Tripwire);
            reasons.push(format!(
                "{}'s rating for {} is {rating} (recorded {}; the tripwire was {})",
                name(&Some(wire.option.clone())),
                dimension.name,
                wire.rating,
                wire.to
            ));
        }
    }
    if now.option == recorded.option
        && (rank(&now.classification) < rank(&recorded.classification) || recorded.margin - now.margin > WEAKER_POINTS)
    {
        states.push(State::Weaker);
        reasons.push(format!(
            "the lead is now {:.1} points, {} (recorded {:.1}, {})",
            now.margin, now.classification, recorded.margin, recorded.classification
        ));
    }
    if let Some(review) = &record.review_by
        && day_number(review).is_none()
    {
        let at = text.find("review-by:").unwrap_or(0);
        let place = Position::of_offset(text, at);
        states.push(State::Broken);
        reasons.push(format!(
            "{file}:{}:{}: review-by `{review}` is not a date: give it as YYYY-MM-DD",
            place.line, place.column
        ));
    } else if let Some(review) = &record.review_by
        && today > review.as_str()
    {
        states.push(State::ReviewDue);
        reasons.push(format!("its review date {review} has passed"));
    }
    let state = states.iter().min().copied().unwrap_or(State::Holds);
    if dataset.content_hash() != inputs.dataset.hash {
        if state == State::Holds {
            reasons.push(format!(
                "the dataset changed since it was recorded (evidence as of {} then, {} now); the verdict holds",
                inputs.dataset.as_of, dataset.meta.as_of
            ));
        }
        reasons.extend(moved(dataset, inputs));
    }
    reasons.extend(weights_moved);
    Assessment { state, reasons, now: Some(now) }
}

/// The verdict a record states.
#[must_use]
pub fn recorded(inputs: &Inputs) -> Verdict {
    let o = &inputs.outcome;
    Verdict { option: o.option.clone(), margin: o.margin, classification: o.classification.clone(), share: o.share }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_by_months_and_days() {
        assert_eq!(add_months("2026-08-31", 6), "2027-02-28");
        assert_eq!(add_months("2027-08-31", 6), "2028-02-29");
        assert_eq!(add_months("2026-12-06", 2), "2027-02-06");
        assert_eq!(add_days("2026-12-06", 90), "2027-03-06");
        assert_eq!(add_days("2024-02-28", 1), "2024-02-29");
        assert_eq!(default_review("2026-12-06", "clear"), "2027-06-06");
        assert_eq!(default_review("2026-12-06", "likely"), "2027-06-06");
        assert_eq!(default_review("2026-12-06", "toss-up"), "2027-02-06");
    }

    #[test]
    fn numbers_and_slugs() {
        assert_eq!(next_number(["0001-a.md", "0012-b.md", "README.md", "13.md"]), 13);
        assert_eq!(next_number(std::iter::empty()), 1);
        assert_eq!(slug("Choose Node.js (Node vs Python)!"), "choose-node-js-node-vs-python");
        assert_eq!(slug("!!!"), "decision");
        assert_eq!(slug("Backend \"language\" — ünïcode"), "backend-language-ünïcode");
        assert_eq!(
            slug("Choose Python (Node.js vs Python for server-side web development)"),
            "choose-python-node-js-vs-python-for-server-side"
        );
    }

    #[test]
    fn the_block_round_trips_and_a_bad_one_is_placed() {
        let d = Dataset::builtin();
        let weights = d.default_weights();
        let inputs = inputs(
            &d,
            None,
            Given::default(),
            (&weights, &Requirements::NONE),
            &WeightRanges::within(&weights, 1),
            200,
            1,
        );
        let text = format!("---\nstatus: accepted\nreview-by: 2027-01-01\n---\n\n# T\n\n{}", block(&inputs, 2));
        let record = parse("x.md", "0003-x.md", &text);
        assert_eq!(record.number, Some(3));
        assert_eq!(record.status, "accepted");
        assert_eq!(record.inputs, Some(Ok(inputs)));
        let bad = text.replace("samples = 200", "samples = \"many\"");
        let Some(Err(error)) = parse("x.md", "0003-x.md", &bad).inputs else { panic!("should not parse") };
        let line = bad.lines().position(|l| l.starts_with("samples")).unwrap() + 1;
        assert_eq!(error.position.map(|p| p.line), Some(line), "{error:?}");
    }

    #[test]
    fn superseding_marks_the_front_matter_only() {
        let text = "---\nstatus: accepted\ndate: 2026-01-01\n---\n\n# T\nstatus: body\n";
        let marked = mark_superseded(text, 2).unwrap();
        assert_eq!(
            marked,
            "---\nstatus: \"superseded by 0002\"\ndate: 2026-01-01\nsuperseded-by: \"0002\"\n---\n\n# T\nstatus: body\n"
        );
        let record = parse("f", "0001-t.md", &marked);
        assert!(record.is_retired());
        assert_eq!(record.superseded_by, Some(2));
    }
}
