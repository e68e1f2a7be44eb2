//! `versus list ...` and `versus search ...` output, as text or JSON. Pure: returns strings.

use std::fmt::Write as _;

use serde::Serialize;

use crate::engine::data::{Dataset, Source};
use crate::engine::report::{json_by_id, rating_column_width, verdict_sentence};
use crate::engine::score::recommend;
use crate::engine::text::{fit, pad, pad_left, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

/// The columns text listings wrap to.
const TEXT_WIDTH: usize = 80;

#[must_use]
pub fn dimensions(d: &Dataset, format: ListFormat) -> String {
    match format {
        ListFormat::Json => json(
            &d.dimensions
                .iter()
                .map(|x| {
                    serde_json::json!({
                        "id": x.id, "name": x.name, "category": x.category, "summary": x.summary, "weight": x.weight,
                        "ratings": json_by_id(d.options.iter().map(|o| &o.id).zip(x.assessments.iter().map(|a| a.rating))),
                        "sources": x.sources,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            // Rating columns first take what they need of 80 columns (3 to 8 each), the name the rest.
            let column = rating_column_width(d.options.len(), 40);
            let name = (80 - 29 - d.options.len() * (column + 1)).clamp(12, 28);
            let options: Vec<String> = d.options.iter().map(|o| pad_left(&fit(&o.name, column), column)).collect();
            let _ = writeln!(out, "{} {} {:>6} {}", pad("ID", 20), pad("NAME", name), "WEIGHT", options.join(" "));
            for x in &d.dimensions {
                let ratings: Vec<String> = x.assessments.iter().map(|a| pad_left(&a.rating.to_string(), column)).collect();
                let _ = writeln!(out, "{} {} {:>6} {}", pad(&x.id, 20), pad(&x.name, name), x.weight, ratings.join(" "));
                for s in &x.sources {
                    wrap_into(&mut out, &source_line(s), 4);
                }
            }
            out
        }
    }
}

#[must_use]
pub fn presets(d: &Dataset, format: ListFormat) -> String {
    let winner = |weights: &[u8]| recommend(d, weights).leader().map(|o| d.options[o].id.clone());
    match format {
        ListFormat::Json => json(
            &d.presets
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.id, "name": p.name, "description": p.description,
                        "weights": json_by_id(d.dimensions.iter().map(|x| &x.id).zip(p.weights.iter().copied())),
                        "recommends": winner(&p.weights),
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for p in &d.presets {
                let _ = writeln!(out, "{}  ({})", p.name, p.id);
                wrap_into(&mut out, &p.description, 4);
                wrap_into(&mut out, &verdict_sentence(d, &recommend(d, &p.weights)), 4);
                out.push('\n');
            }
            out
        }
    }
}

#[must_use]
pub fn claims(d: &Dataset, format: ListFormat) -> String {
    match format {
        ListFormat::Json => json(
            &d.claims
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id, "claim": c.claim, "verdict": c.verdict, "explanation": c.explanation,
                        "dimensions": c.dimensions.iter().map(|&i| d.dimensions[i].id.as_str()).collect::<Vec<_>>(),
                        "sources": c.sources,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for (i, c) in d.claims.iter().enumerate() {
                let heading = format!("{:>2}. [{}] {}", i + 1, c.verdict.label().to_uppercase(), c.claim);
                wrap_into(&mut out, &heading, 0);
                wrap_into(&mut out, &c.explanation, 4);
                for s in &c.sources {
                    wrap_into(&mut out, &source_line(s), 4);
                }
                out.push('\n');
            }
            out
        }
    }
}

#[must_use]
pub fn search(found: &[Found], format: ListFormat) -> String {
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
                let _ = writeln!(out, "{} {} {}", pad(f.id, 20), pad(f.name, 28), fit(f.summary, 29));
            }
            if found.is_empty() {
                out.push_str("no dimension matches\n");
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
pub fn profiles(d: &Dataset, profiles: &[crate::engine::profiles::Profile], format: ListFormat) -> String {
    let winner = |weights: &[u8]| recommend(d, weights).leader().map(|o| d.options[o].id.clone());
    match format {
        ListFormat::Json => json(
            &profiles
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "name": p.name,
                        "weights": json_by_id(d.dimensions.iter().map(|x| &x.id).zip(p.weights.iter().copied())),
                        "recommends": winner(&p.weights),
                        "unknown_dimensions": p.unknown,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => {
            let mut out = String::new();
            for p in profiles {
                let _ = writeln!(out, "{}", p.name);
                wrap_into(&mut out, &verdict_sentence(d, &recommend(d, &p.weights)), 4);
                if let Some(warning) = p.warning() {
                    wrap_into(&mut out, &warning, 4);
                }
            }
            if profiles.is_empty() {
                out.push_str("no saved profiles for this dataset (save one with `s` in the explorer)\n");
            }
            out
        }
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
