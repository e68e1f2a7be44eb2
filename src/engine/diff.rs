//! `versus diff OLD NEW`: what an edit of a dataset changed in the evidence (ratings, ranges, sources)
//! and what that does to the decisions it supports: under each weighting asked for, the verdict, margin,
//! classification, robustness share and stability intervals before and after. Pure: two datasets and
//! weights in, a [`Diff`] and its text, markdown or JSON out.

use std::fmt::Write as _;

use serde::Serialize;

use crate::engine::data::{Dataset, Source};
use crate::engine::decision::{self, Verdict};
use crate::engine::report::md;
use crate::engine::requirements::Requirements;
use crate::engine::robustness::WeightRanges;
use crate::engine::verdict::percent;

/// One change in the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The dimension's id (empty for a preset added or removed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dimension: String,
    /// The preset's id, for a change in a preset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// The option's id, for a rating or range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// rating, range, source-added, source-removed, source-changed, dimension-added, dimension-removed,
    /// preset-weight, preset-requirement, preset-added, preset-removed.
    pub kind: &'static str,
    /// The change in words, by names.
    pub text: String,
}

/// A verdict on one side, with its option's name and the stability intervals of its weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    #[serde(flatten)]
    pub verdict: Verdict,
    pub name: Option<String>,
    /// Dimension id -> [low, high]: how far its weight can move before the leader changes.
    pub stability: std::collections::BTreeMap<String, [u8; 2]>,
}

/// One weighting applied to both datasets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// `defaults`, a preset's id, or `given` (the weighting flags).
    pub id: String,
    pub name: String,
    /// None: the weighting does not apply to that dataset (a preset it lacks).
    pub old: Option<Side>,
    pub new: Option<Side>,
    pub leader_changed: bool,
    pub classification_changed: bool,
    /// The stability intervals that moved, in words.
    pub stability_moved: Vec<String>,
}

/// A dataset's identity in the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub path: String,
    pub title: String,
    pub as_of: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old: Version,
    pub new: Version,
    pub evidence: Vec<Change>,
    pub scenarios: Vec<Scenario>,
}

impl Version {
    #[must_use]
    pub fn of(dataset: &Dataset, path: &str) -> Self {
        Self {
            path: path.to_owned(),
            title: dataset.meta.title.clone(),
            as_of: dataset.meta.as_of.clone(),
            hash: dataset.content_hash(),
        }
    }
}

/// The changes in the evidence from `old` to `new`: dimensions added or removed, and of each dimension
/// both have, the ratings and ranges of the options both have, and the sources (by URL).
#[must_use]
pub fn evidence(old: &Dataset, new: &Dataset) -> Vec<Change> {
    let mut changes = Vec::new();
    for dimension in &new.dimensions {
        let Some(before) = old.dimensions.iter().find(|d| d.id == dimension.id) else {
            changes.push(Change {
                dimension: dimension.id.clone(),
                preset: None,
                option: None,
                kind: "dimension-added",
                text: format!("{}: a dimension added", dimension.name),
            });
            continue;
        };
        for (o, option) in new.options.iter().enumerate() {
            let Some(p) = old.options.iter().position(|x| x.id == option.id) else { continue };
            let (then, now) = (&before.assessments[p], &dimension.assessments[o]);
            let kind = if then.rating != now.rating {
                "rating"
            } else if (then.low, then.high) != (now.low, now.high) {
                "range"
            } else {
                continue;
            };
            changes.push(Change {
                dimension: dimension.id.clone(),
                preset: None,
                option: Some(option.id.clone()),
                kind,
                text: format!(
                    "{}'s rating for {}: {} ({}-{}) -> {} ({}-{})",
                    option.name, dimension.name, then.rating, then.low, then.high, now.rating, now.low, now.high
                ),
            });
        }
        sources(&dimension.id, &dimension.name, &before.sources, &dimension.sources, &mut changes);
    }
    for dimension in old.dimensions.iter().filter(|d| !new.dimensions.iter().any(|n| n.id == d.id)) {
        changes.push(Change {
            dimension: dimension.id.clone(),
            preset: None,
            option: None,
            kind: "dimension-removed",
            text: format!("{}: the dimension removed", dimension.name),
        });
    }
    presets(old, new, &mut changes);
    changes
}

/// The presets' edits: a scenario that weighs or requires otherwise changes the decisions made with it
/// as surely as a rating does.
fn presets(old: &Dataset, new: &Dataset, changes: &mut Vec<Change>) {
    let change = |preset: &str, dimension: &str, kind, text: String| Change {
        dimension: dimension.to_owned(),
        preset: Some(preset.to_owned()),
        option: None,
        kind,
        text,
    };
    for preset in &new.presets {
        let Some(before) = old.presets.iter().find(|p| p.id == preset.id) else {
            changes.push(change(&preset.id, "", "preset-added", format!("preset {}: added", preset.name)));
            continue;
        };
        for (d, dimension) in new.dimensions.iter().enumerate() {
            let Some(b) = old.dimensions.iter().position(|x| x.id == dimension.id) else { continue };
            let (then, now) = (before.weights[b], preset.weights[d]);
            if then != now {
                let text = format!("preset {}: weighs {} {then} -> {now}", preset.name, dimension.name);
                changes.push(change(&preset.id, &dimension.id, "preset-weight", text));
            }
            let (then, now) = (before.requirements.get(b), preset.requirements.get(d));
            if then != now {
                let at_least = |min: Option<u8>| min.map_or("none".to_owned(), |m| format!("at least {m}"));
                let text = format!(
                    "preset {}: requires {} {} -> {}",
                    preset.name,
                    dimension.name,
                    at_least(then),
                    at_least(now)
                );
                changes.push(change(&preset.id, &dimension.id, "preset-requirement", text));
            }
        }
    }
    for preset in old.presets.iter().filter(|p| !new.presets.iter().any(|n| n.id == p.id)) {
        changes.push(change(&preset.id, "", "preset-removed", format!("preset {}: removed", preset.name)));
    }
}

fn sources(id: &str, name: &str, then: &[Source], now: &[Source], changes: &mut Vec<Change>) {
    let change = |kind, text: String| Change { dimension: id.to_owned(), preset: None, option: None, kind, text };
    for source in now {
        match then.iter().find(|s| s.url == source.url) {
            None => {
                changes
                    .push(change("source-added", format!("{name}: source added: {} <{}>", source.title, source.url)));
            }
            Some(before) => {
                let mut what = Vec::new();
                if before.title != source.title {
                    what.push(format!("title \"{}\" -> \"{}\"", before.title, source.title));
                }
                if before.published != source.published {
                    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".to_owned());
                    what.push(format!("published {} -> {}", date(&before.published), date(&source.published)));
                }
                if before.checked != source.checked {
                    what.push(format!("checked {} -> {}", before.checked, source.checked));
                }
                if !what.is_empty() {
                    changes.push(change(
                        "source-changed",
                        format!("{name}: source <{}>: {}", source.url, what.join(", ")),
                    ));
                }
            }
        }
    }
    for source in then.iter().filter(|s| !now.iter().any(|n| n.url == s.url)) {
        changes.push(change("source-removed", format!("{name}: source removed: {} <{}>", source.title, source.url)));
    }
}

/// A side's verdict of `weights` on `dataset`.
#[must_use]
pub fn side(
    dataset: &Dataset,
    weighting: (&[u8], &Requirements),
    ranges: &WeightRanges,
    samples: u32,
    seed: u64,
) -> Side {
    let (evaluation, shares) = decision::evaluated(dataset, weighting, ranges, samples, seed);
    let verdict = decision::verdict_of(dataset, &evaluation, &shares);
    let name =
        verdict.option.as_ref().and_then(|id| dataset.options.iter().find(|o| &o.id == id)).map(|o| o.name.clone());
    let stability =
        evaluation.stability.iter().map(|s| (dataset.dimensions[s.dimension].id.clone(), [s.low, s.high])).collect();
    Side { verdict, name, stability }
}

/// The scenario `id` (named `name`) with its two sides; the stability intervals that moved are named
/// by `new`'s dimension names (else `old`'s).
#[must_use]
pub fn scenario(id: &str, name: &str, old: Option<Side>, new: Option<Side>, names: &[(String, String)]) -> Scenario {
    let (mut leader_changed, mut classification_changed, mut stability_moved) = (false, false, Vec::new());
    if let (Some(before), Some(after)) = (&old, &new) {
        leader_changed = before.verdict.option != after.verdict.option;
        classification_changed = before.verdict.classification != after.verdict.classification;
        let name_of = |id: &str| names.iter().find(|(i, _)| i == id).map_or(id.to_owned(), |(_, n)| n.clone());
        // Another leader's intervals are not comparable with the old one's: the change of leader says it.
        for (dimension, now) in after.stability.iter().filter(|_| !leader_changed) {
            if let Some(then) = before.stability.get(dimension)
                && then != now
            {
                stability_moved.push(format!(
                    "{}: holds {}-{} -> {}-{}",
                    name_of(dimension),
                    then[0],
                    then[1],
                    now[0],
                    now[1]
                ));
            }
        }
    }
    Scenario {
        id: id.to_owned(),
        name: name.to_owned(),
        old,
        new,
        leader_changed,
        classification_changed,
        stability_moved,
    }
}

/// "Python by 4.0 points, likely, first in 86%".
fn short(side: Option<&Side>) -> String {
    match side {
        None => "does not apply".to_owned(),
        Some(Side { verdict, name, .. }) => match &verdict.option {
            None => "no option leads".to_owned(),
            Some(id) => format!(
                "{}, {}, first in {}",
                verdict.lead(name.as_deref().unwrap_or(id)),
                verdict.classification,
                percent(verdict.share)
            ),
        },
    }
}

/// What a scenario's change comes to, in a few words.
fn effect(scenario: &Scenario) -> &'static str {
    match (&scenario.old, &scenario.new) {
        (None, _) | (_, None) => "not comparable",
        _ if scenario.leader_changed => "the leader changes",
        _ if scenario.classification_changed => "the classification changes",
        (Some(a), Some(b)) if a.verdict == b.verdict => "unchanged",
        _ => "the same leader and classification",
    }
}

impl Diff {
    /// How many scenarios change their leader.
    #[must_use]
    pub fn flips(&self) -> usize {
        self.scenarios.iter().filter(|s| s.leader_changed).count()
    }

    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} (as of {}, {}) -> {} (as of {}, {})",
            self.old.path, self.old.as_of, self.old.hash, self.new.path, self.new.as_of, self.new.hash
        );
        let _ = writeln!(out, "\nWhat changed: {}", changes_count(self.evidence.len()));
        for change in &self.evidence {
            let _ = writeln!(out, "  {}", change.text);
        }
        for scenario in &self.scenarios {
            let _ = writeln!(out, "\n{}: {}", scenario.name, effect(scenario));
            let _ = writeln!(out, "  before: {}", short(scenario.old.as_ref()));
            let _ = writeln!(out, "  after:  {}", short(scenario.new.as_ref()));
            for moved in &scenario.stability_moved {
                let _ = writeln!(out, "  stability: {moved}");
            }
        }
        let _ = writeln!(out, "\n{}", self.summary());
        out
    }

    fn summary(&self) -> String {
        let flips = self.flips();
        let scenarios = crate::engine::text::pluralize(self.scenarios.len(), "weighting");
        match flips {
            0 => format!("{scenarios} compared: no leader changes."),
            n => format!("{scenarios} compared: the leader changes under {n}."),
        }
    }

    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "## Dataset diff: {}\n\n`{}` (as of {}, `{}`) -> `{}` (as of {}, `{}`)\n\n",
            md(&self.new.title),
            md(&self.old.path),
            self.old.as_of,
            self.old.hash,
            md(&self.new.path),
            self.new.as_of,
            self.new.hash
        );
        let _ = writeln!(out, "### What changed: {}\n", changes_count(self.evidence.len()));
        for change in &self.evidence {
            let _ = writeln!(out, "- {}", md(&change.text));
        }
        let cell = |s: &str| md(s).replace('|', "\\|");
        let _ = writeln!(out, "\n### Verdicts\n\n| Weighting | Before | After | Change |\n| --- | --- | --- | --- |");
        for s in &self.scenarios {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&s.name),
                cell(&short(s.old.as_ref())),
                cell(&short(s.new.as_ref())),
                if s.leader_changed { "**the leader changes**" } else { effect(s) }
            );
        }
        let moved: Vec<&Scenario> = self.scenarios.iter().filter(|s| !s.stability_moved.is_empty()).collect();
        if !moved.is_empty() {
            let _ = writeln!(out, "\n### Stability intervals that moved\n");
            for s in moved {
                let _ = writeln!(out, "- {}: {}", md(&s.name), md(&s.stability_moved.join("; ")));
            }
        }
        let _ = writeln!(out, "\n{}", self.summary());
        out
    }

    #[must_use]
    pub fn json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

fn changes_count(n: usize) -> String {
    if n == 0 { "no change".to_owned() } else { crate::engine::text::pluralize(n, "change") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dataset_against_itself_changes_nothing() {
        let d = Dataset::builtin();
        assert!(evidence(&d, &d).is_empty());
        let weights = d.default_weights();
        let names: Vec<(String, String)> = d.dimensions.iter().map(|x| (x.id.clone(), x.name.clone())).collect();
        let s = scenario(
            "defaults",
            "Defaults",
            Some(side(&d, (&weights, &Requirements::default()), &WeightRanges::fixed(&weights), 200, 1)),
            Some(side(&d, (&weights, &Requirements::default()), &WeightRanges::fixed(&weights), 200, 1)),
            &names,
        );
        assert!(!s.leader_changed && !s.classification_changed && s.stability_moved.is_empty());
        assert_eq!(effect(&s), "unchanged");
    }
}
