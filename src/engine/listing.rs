//! `versus list ...` and `versus search ...` output, as text or JSON. Pure: returns strings.

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::engine::data::{CitedSource, Dataset, Source};
use crate::engine::report::{json_by_id, lead_sentence, rating_column_width};
use crate::engine::requirements::Requirements;
use crate::engine::score::{Recommendation, recommend_with};
use crate::engine::text::{fit, pad, pad_left, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

/// The columns text listings wrap to.
const TEXT_WIDTH: usize = 80;

/// The dimensions table: names fitted to `width` columns when given (a terminal's), else whole.
#[must_use]
pub fn dimensions(dataset: &Dataset, format: ListFormat, width: Option<usize>) -> String {
    match format {
        ListFormat::Json => json(
            &dataset.dimensions
                .iter()
                .map(|dimension| {
                    serde_json::json!({
                        "id": dimension.id, "name": dimension.name, "short": dimension.short, "category": dimension.category, "summary": dimension.summary, "weight": dimension.weight, "weight_reason": dimension.weight_reason,
                        "ratings": json_by_id(dataset.options.iter().map(|option| &option.id).zip(dimension.assessments.iter().map(|assessment| assessment.rating))),
                        "sources": dimension.sources,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            // Rating columns first take what they need (3 to 8 each), the name the rest of the terminal's
            // width; into a pipe, the longest name.
            let column = rating_column_width(dataset.options.len(), 40);
            let longest = dataset.dimensions.iter().map(|d| d.name.width()).max().unwrap_or(4).max(4);
            let name = match width {
                Some(width) => width.saturating_sub(29 + dataset.options.len() * (column + 1)).clamp(12, longest.max(12)),
                None => longest,
            };
            let options: Vec<String> = dataset.options.iter().map(|option| pad_left(&fit(&option.name, column), column)).collect();
            let _ = writeln!(out, "{} {} {:>6} {}", pad("ID", 20), pad("NAME", name), "WEIGHT", options.join(" "));
            for dimension in &dataset.dimensions {
                let ratings: Vec<String> = dimension.assessments.iter().map(|assessment| pad_left(&assessment.rating.to_string(), column)).collect();
                let _ = writeln!(out, "{} {} {:>6} {}", pad(&dimension.id, 20), pad(&dimension.name, name), dimension.weight, ratings.join(" "));
                for source in &dimension.sources {
                    wrap_into(&mut out, &source_line(source), 4);
                }
            }
            out
        }
    }
}

#[must_use]
pub fn presets(dataset: &Dataset, format: ListFormat) -> String {
    let verdict = |preset: &crate::engine::data::Preset| recommend_with(dataset, &preset.weights, &preset.requirements);
    match format {
        ListFormat::Json => json(
            &dataset.presets
                .iter()
                .map(|preset| {
                    serde_json::json!({
                        "id": preset.id, "name": preset.name, "description": preset.description,
                        "weights": json_by_id(dataset.dimensions.iter().map(|dimension| &dimension.id).zip(preset.weights.iter().copied())),
                        "recommends": winner(dataset, &verdict(preset)),
                        "requirements": json_requirements(dataset, &preset.requirements),
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for preset in &dataset.presets {
                let _ = writeln!(out, "{}  ({})", preset.name, preset.id);
                wrap_into(&mut out, &preset.description, 4);
                wrap_into(&mut out, &lead_sentence(dataset, &verdict(preset)), 4);
                must_haves_into(&mut out, dataset, &preset.requirements);
                out.push('\n');
            }
            out
        }
    }
}

#[must_use]
pub fn claims(dataset: &Dataset, format: ListFormat) -> String {
    match format {
        ListFormat::Json => json(
            &dataset.claims
                .iter()
                .map(|claim| {
                    serde_json::json!({
                        "id": claim.id, "claim": claim.claim, "verdict": claim.verdict, "explanation": claim.explanation,
                        "dimensions": claim.dimensions.iter().map(|&i| dataset.dimensions[i].id.as_str()).collect::<Vec<_>>(),
                        "sources": claim.sources,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for (i, claim) in dataset.claims.iter().enumerate() {
                // The heading's own lines hang under its text, clear of the number.
                let heading = format!("[{}] {}", claim.verdict.label().to_uppercase(), claim.claim);
                for (n, line) in wrap(&heading, TEXT_WIDTH - 4).iter().enumerate() {
                    let number = if n == 0 { format!("{:>2}.", i + 1) } else { String::new() };
                    let _ = writeln!(out, "{number:<3} {line}");
                }
                wrap_into(&mut out, &claim.explanation, 4);
                for source in &claim.sources {
                    wrap_into(&mut out, &source_line(source), 4);
                }
                out.push('\n');
            }
            out
        }
    }
}

/// Every source once, with the dimensions and claims that cite it, both of its dates, whether it is
/// volatile and (in JSON) its age in days as of `today` (YYYY-MM-DD).
#[must_use]
pub fn sources(dataset: &Dataset, format: ListFormat, today: &str) -> String {
    let cited = dataset.cited_sources();
    let ids = |cited: &CitedSource<'_>| {
        let dimensions: Vec<&str> = cited.dimensions.iter().map(|&d| dataset.dimensions[d].id.as_str()).collect();
        let claims: Vec<&str> = cited.claims.iter().map(|&c| dataset.claims[c].id.as_str()).collect();
        (dimensions, claims)
    };
    match format {
        ListFormat::Json => json(
            &cited
                .iter()
                .map(|cited| {
                    let (dimensions, claims) = ids(cited);
                    let source = cited.source;
                    serde_json::json!({
                        "title": source.title, "url": source.url, "published": source.published, "checked": source.checked,
                        "age_days": source.age_days(today), "volatile": source.volatile,
                        "dimensions": dimensions, "claims": claims,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for (i, cited) in cited.iter().enumerate() {
                let source = cited.source;
                for (n, line) in wrap(&source.title, TEXT_WIDTH - 5).iter().enumerate() {
                    let number = if n == 0 { format!("{:>3}.", i + 1) } else { String::new() };
                    let _ = writeln!(out, "{number:<4} {line}");
                }
                wrap_into(&mut out, &source.url, 5);
                let mut dates = source.published.as_ref().map_or_else(
                    || format!("checked {}", source.checked),
                    |published| format!("published {published}, checked {}", source.checked),
                );
                if source.volatile {
                    dates.push_str(", volatile");
                }
                wrap_into(&mut out, &dates, 5);
                let (dimensions, claims) = ids(cited);
                let mut citing = Vec::new();
                if !dimensions.is_empty() {
                    citing.push(format!("dimensions: {}", dimensions.join(", ")));
                }
                if !claims.is_empty() {
                    citing.push(format!("claims: {}", claims.join(", ")));
                }
                wrap_into(&mut out, &format!("cited by {}", citing.join("; ")), 5);
            }
            out
        }
    }
}

/// The interview's questions and what each answer implies.
#[must_use]
pub fn questions(dataset: &Dataset, format: ListFormat) -> String {
    let weights = |answer: &crate::engine::data::Answer| {
        json_by_id(answer.weights.iter().map(|&(d, w)| (&dataset.dimensions[d].id, w)))
    };
    match format {
        ListFormat::Json => json(
            &dataset
                .questions
                .iter()
                .map(|q| {
                    serde_json::json!({
                        "id": q.id, "text": q.text, "help": q.help,
                        "answers": q.answers.iter().map(|a| serde_json::json!({
                            "id": a.id, "label": a.label, "weights": weights(a),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for q in &dataset.questions {
                let _ = writeln!(out, "{}  ({})", q.text, q.id);
                for a in &q.answers {
                    let implied: Vec<String> =
                        a.weights.iter().map(|&(d, w)| format!("{} {w}", dataset.dimensions[d].name)).collect();
                    let implied = if implied.is_empty() { "changes nothing".to_owned() } else { implied.join(", ") };
                    wrap_into(&mut out, &format!("{}: {} -> {implied}", a.id, a.label), 4);
                }
                out.push('\n');
            }
            if dataset.questions.is_empty() {
                out.push_str("this dataset has no interview questions\n");
            }
            out
        }
    }
}

#[must_use]
/// Text lines are cut to `width` columns when given (a terminal's), else printed whole.
pub fn search(found: &[Found], format: ListFormat, width: Option<usize>) -> String {
    match format {
        ListFormat::Json => json(
            &found
                .iter()
                .map(|f| serde_json::json!({ "id": f.id, "name": f.name, "score": f.score, "positions": f.positions }))
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for f in found {
                let line = format!("{} {} {}", pad(f.id, 20), pad(f.name, 28), f.summary);
                let _ = writeln!(out, "{}", width.map_or(line.clone(), |w| fit(&line, w)));
            }
            out
        }
    }
}

/// A search hit as `versus search` prints it.
pub struct Found<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub score: i64,
    /// The name's matched characters (JSON only: text output does not highlight).
    pub positions: Vec<usize>,
}

#[must_use]
pub fn profiles(dataset: &Dataset, profiles: &[crate::engine::profiles::Profile], format: ListFormat) -> String {
    let verdict = |profile: &crate::engine::profiles::Profile| {
        recommend_with(dataset, &profile.weights, &profile.notes.requirements)
    };
    match format {
        ListFormat::Json => json(
            &profiles
                .iter()
                .map(|profile| {
                    serde_json::json!({
                        "name": profile.name,
                        "weights": json_by_id(dataset.dimensions.iter().map(|dimension| &dimension.id).zip(profile.weights.iter().copied())),
                        "recommends": winner(dataset, &verdict(profile)),
                        "requirements": json_requirements(dataset, &profile.notes.requirements),
                        "unknown_dimensions": profile.unknown,
                        "note": profile.notes.note,
                        "answers": profile.notes.answers,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for profile in profiles {
                let _ = writeln!(out, "{}", profile.name);
                wrap_into(&mut out, &lead_sentence(dataset, &verdict(profile)), 4);
                must_haves_into(&mut out, dataset, &profile.notes.requirements);
                if let Some(note) = &profile.notes.note {
                    wrap_into(&mut out, &format!("Note: {note}"), 4);
                }
                if !profile.notes.answers.is_empty() {
                    wrap_into(&mut out, &format!("From the interview: {}", profile.notes.answers.join(", ")), 4);
                }
                if let Some(warning) = profile.warning() {
                    wrap_into(&mut out, &warning, 4);
                }
            }
            if profiles.is_empty() {
                out.push_str(
                    "no saved profiles for this dataset (save one with `s` in the explorer, `versus profile save` or \
                     `versus profile import`)\n",
                );
            }
            out
        }
    }
}

/// The id of the option a preset or profile recommends, its must-haves counted (what `report` gives).
fn winner(dataset: &Dataset, recommendation: &Recommendation) -> Option<String> {
    recommendation.leader().map(|o| dataset.options[o].id.clone())
}

/// JSON's `requirements`: `[{dimension, min}]`, in dataset order.
fn json_requirements(dataset: &Dataset, requirements: &Requirements) -> Vec<serde_json::Value> {
    requirements
        .iter()
        .map(|r| serde_json::json!({ "dimension": dataset.dimensions[r.dimension].id, "min": r.min }))
        .collect()
}

/// "Must-haves: ML and AI ecosystem at least 5." under an entry that has any.
fn must_haves_into(out: &mut String, dataset: &Dataset, requirements: &Requirements) {
    if !requirements.is_empty() {
        wrap_into(out, &format!("Must-haves: {}.", requirements.describe(dataset)), 4);
    }
}

/// A source as a listing's line: "source: title, date: url".
#[must_use]
pub(crate) fn source_line(source: &Source) -> String {
    format!("source: {}", source.citation())
}

fn json<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// Appends `text` word-wrapped to [`TEXT_WIDTH`] columns, each line indented by `indent` spaces.
fn wrap_into(out: &mut String, text: &str, indent: usize) {
    for line in wrap(text, TEXT_WIDTH - indent) {
        let _ = writeln!(out, "{}{line}", " ".repeat(indent));
    }
}
