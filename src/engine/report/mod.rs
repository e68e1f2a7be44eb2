//! The recommendation for one weighting as text, markdown, a decision record (MADR) or JSON. Pure:
//! returns strings.

mod clauses;
mod madr;
mod markdown;

pub(crate) use markdown::md;

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::engine::data::Dataset;
use crate::engine::pairwise::{Judged, MAX_CONSISTENCY_RATIO, Priorities};
use crate::engine::requirements::{Requirement, Requirements, failing_sentence, who_fails};
use crate::engine::robustness::{
    DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_WEIGHT_SPREAD, Robustness, Sampler, Spread, WeightRanges,
};
use crate::engine::score::{
    Evaluation, Flip, RatingFlip, Recommendation, Stability, evaluate_with, rating_flips_with, recommend_with,
};
use crate::engine::team::{DISPUTED_SPREAD, Dispute, Group, Member, member_ranges};
use crate::engine::text::{fit, pad, pad_left, pluralize, wrap};
use crate::engine::verdict::{Classification, DEFINITION, percent, points, signed_points, tenths};
pub use crate::engine::verdict::{lead_sentence, verdict_sentence};
use crate::engine::weights::Weighting;

/// How many contributions the text and markdown reports show ("why"); JSON has them all.
pub(crate) const TOP_CONTRIBUTIONS: usize = 5;
/// How many stability intervals and rating flips the text and markdown reports show, nearest first.
pub(crate) const TOP_SENSITIVITIES: usize = 5;

/// What introduces the must-haves in every report format and the decision record.
pub(crate) const MUST_HAVES_HEADING: &str = "Must-haves (an option rated below one cannot be recommended):";

/// Ratings drawn between two calls of [`Report::sampled_with_progress`]'s callback: about 10 ms.
const RATINGS_PER_PART: usize = 5_000_000;

/// How the robustness shares are sampled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sampling {
    pub samples: u32,
    pub seed: u64,
    /// How far each weight varies either way, 0-3 (`--weight-spread`); 0 keeps the weights fixed.
    pub weight_spread: u8,
    /// With a team, each dimension's lowest and highest member weight: the weights vary over those
    /// instead of ±`weight_spread` (see [`WeightRanges::team`]).
    pub team: Option<Vec<(u8, u8)>>,
}

impl Default for Sampling {
    fn default() -> Self {
        Self { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED, weight_spread: DEFAULT_WEIGHT_SPREAD, team: None }
    }
}

impl Sampling {
    /// `samples` with `seed`, each weight within ±`weight_spread`, or with `team`, over its members' range.
    #[must_use]
    pub fn of(samples: u32, seed: u64, weight_spread: u8, team: Option<&[Member]>) -> Self {
        let team = team.map(|members| member_ranges(&members.iter().collect::<Vec<_>>()));
        Self { samples, seed, weight_spread, team }
    }

    /// What each weight of `weights` is drawn from.
    #[must_use]
    pub fn weight_ranges(&self, weights: &[u8]) -> WeightRanges {
        WeightRanges::new(weights, self.weight_spread, self.team.as_deref())
    }

    /// A sampler of `weights` with `requirements` on `dataset` as this asks.
    fn sampler(self, dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Sampler {
        let ranges = self.weight_ranges(weights);
        Sampler::new(dataset, &ranges, requirements, self.samples, self.seed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// An architecture decision record in the MADR layout.
    Madr,
    Json,
}

/// Everything a report says, computed once and rendered in any format.
pub struct Report<'a> {
    dataset: &'a Dataset,
    weighting: &'a Weighting,
    evaluation: Evaluation,
    rating_flips: Vec<RatingFlip>,
    robustness: Robustness,
    /// The pairwise judgements the weights came from, if they did (`--pairwise`).
    pairwise: Option<(Judged, Priorities)>,
    /// The team whose median the weights are, if they are (`--team`).
    team: Option<(Vec<Member>, Group)>,
    framing: Framing,
}

/// What a written document says beyond the evaluation, which only its caller knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Framing {
    /// The markdown's top heading level, 1 to 4 (`--heading-level`); 0 is taken as 1.
    pub heading_level: u8,
    /// The decision record's date, YYYY-MM-DD (the dataset's `as_of` when not given).
    pub date: Option<String>,
    /// The command that reproduces the report, for the decision record.
    pub command: Option<String>,
    /// The interview answers the weights came from, `QUESTION=ANSWER`.
    pub answers: Vec<String>,
    /// The team's members left out of the group (the explorer's `T`), by name.
    pub left_out: Vec<String>,
    /// The members' notes from their weight files, as (member's name, note).
    pub notes: Vec<(String, String)>,
    /// A decision record's review date: with one, the record has its "Conditions for revisiting".
    pub review_by: Option<String>,
}

/// A decision record's title when its author gives none: "Choose Python (DATASET)".
#[must_use]
pub fn record_title(dataset: &Dataset, recommendation: &Recommendation) -> String {
    match recommendation.leader() {
        Some(option) => format!("Choose {} ({})", dataset.options[option].name, dataset.meta.title),
        None => format!("{}: no option chosen yet", dataset.meta.title),
    }
}

/// How many dimensions at most a decision names as its drivers.
pub const DRIVERS: usize = 7;
/// The share of the lead (of the points either way) the drivers carry, unless [`DRIVERS`] stops them first.
const DRIVERS_SHARE: f64 = 0.8;

/// The dimensions that decide it, most first: while an option leads, those whose points (either way)
/// carry most of the lead, up to [`DRIVERS`]; otherwise the highest weights, up to [`DRIVERS`]. The
/// must-haves that decide it are [`deciding_requirements`]'.
#[must_use]
pub fn drivers(evaluation: &Evaluation, weights: &[u8]) -> Vec<usize> {
    // Only a lead has points to share out: the only option meeting the must-haves is chosen whatever
    // the weights, so there, as without a leader, the weights themselves are what the team put first.
    if !matches!(evaluation.recommendation, Recommendation::Lead { .. }) {
        let mut weighted: Vec<usize> = (0..weights.len()).filter(|&d| weights[d] > 0).collect();
        weighted.sort_by_key(|&d| (std::cmp::Reverse(weights[d]), d));
        weighted.truncate(DRIVERS);
        return weighted;
    }
    let mut contributions: Vec<(usize, f64)> = evaluation
        .contributions
        .iter()
        .filter(|c| weights[c.dimension] > 0 && round(c.points) != 0.0)
        .map(|c| (c.dimension, c.points.abs()))
        .collect();
    contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: f64 = contributions.iter().map(|c| c.1).sum();
    let mut carried = 0.0;
    let mut drivers = Vec::new();
    for (d, size) in contributions {
        if drivers.len() == DRIVERS || carried >= DRIVERS_SHARE * total {
            break;
        }
        carried += size;
        drivers.push(d);
    }
    drivers
}

/// The must-haves that decide the outcome, in dataset order: with one option left or none, every
/// must-have an option fails; while an option leads (or some tie), those failed by an option that scores
/// at least as much (it would lead, or tie, without them). A must-have no one fails decides nothing.
#[must_use]
pub fn deciding_requirements(evaluation: &Evaluation, requirements: &Requirements) -> Vec<Requirement> {
    let screening = &evaluation.screening;
    let outscoring = overtaken_by(evaluation);
    requirements
        .iter()
        .filter(|r| match evaluation.recommendation {
            Recommendation::Only { .. } | Recommendation::NoneEligible { .. } => screening.fails_on(r.dimension),
            _ => screening.failing_on(r.dimension).iter().any(|o| outscoring.contains(o)),
        })
        .copied()
        .collect()
}

/// While an option leads (or some tie), the options failing a must-have that score at least as much:
/// those the must-haves ruled out of the top. Empty otherwise.
#[must_use]
pub fn overtaken_by(evaluation: &Evaluation) -> Vec<usize> {
    let top = match &evaluation.recommendation {
        Recommendation::Lead { option, .. } => *option,
        Recommendation::Tie { options } if !options.is_empty() => options[0],
        _ => return Vec::new(),
    };
    let scores = &evaluation.scores;
    (0..scores.len()).filter(|&o| !evaluation.screening.passes(o) && scores[o] >= scores[top]).collect()
}

impl<'a> Report<'a> {
    /// The report with the robustness shares sampled as by default.
    #[must_use]
    pub fn new(dataset: &'a Dataset, weighting: &'a Weighting) -> Self {
        Self::sampled(dataset, weighting, Sampling::default())
    }

    #[must_use]
    pub fn sampled(dataset: &'a Dataset, weighting: &'a Weighting, sampling: Sampling) -> Self {
        Self::sampled_with_progress(dataset, weighting, sampling, |_, _| {})
    }

    /// [`Self::sampled`], with the samples drawn a part at a time (about 10 ms each) and `progress` told
    /// (samples drawn, samples asked for) after each part, the last included: for a caller that shows
    /// how far long work has come. The same draws in the same order: the report is [`Self::sampled`]'s.
    #[must_use]
    pub fn sampled_with_progress(
        dataset: &'a Dataset,
        weighting: &'a Weighting,
        sampling: Sampling,
        mut progress: impl FnMut(u32, u32),
    ) -> Self {
        let (weights, requirements) = (&weighting.weights, &weighting.requirements);
        let evaluation = evaluate_with(dataset, weights, requirements);
        let rating_flips = rating_flips_with(dataset, weights, requirements);
        let mut sampler = sampling.sampler(dataset, weights, requirements);
        loop {
            let done = sampler.run_for(RATINGS_PER_PART);
            let (drawn, asked) = sampler.progress();
            progress(drawn, asked);
            if done {
                break;
            }
        }
        Self::from_parts(dataset, weighting, evaluation, rating_flips, sampler.result())
    }

    /// What it computed, for a decision record's inputs block to state without computing it again.
    #[must_use]
    pub fn evaluated(&self) -> crate::engine::decision::Evaluated<'_> {
        crate::engine::decision::Evaluated {
            weights: &self.weighting.weights,
            requirements: &self.weighting.requirements,
            evaluation: &self.evaluation,
            shares: &self.robustness,
            flips: &self.rating_flips,
        }
    }

    /// The report of what a caller has computed already for `weighting` (the explorer keeps all three
    /// for its screen): nothing is evaluated or sampled again.
    #[must_use]
    pub fn from_parts(
        dataset: &'a Dataset,
        weighting: &'a Weighting,
        evaluation: Evaluation,
        rating_flips: Vec<RatingFlip>,
        robustness: Robustness,
    ) -> Self {
        Self {
            dataset,
            weighting,
            evaluation,
            rating_flips,
            robustness,
            pairwise: None,
            team: None,
            framing: Framing::default(),
        }
    }

    /// The report of weights that came from pairwise judgements, which it then describes.
    #[must_use]
    pub fn with_pairwise(mut self, judged: Judged, priorities: Priorities) -> Self {
        self.pairwise = Some((judged, priorities));
        self
    }

    /// The report with what only its caller knows: heading level, date, command, interview answers.
    #[must_use]
    pub fn with_framing(mut self, framing: Framing) -> Self {
        self.framing = framing;
        self
    }

    /// The report of a team's weights (the caller's weighting is their group's median), which it then
    /// describes: each member's verdict, and where they disagree (under the weighting's must-haves).
    #[must_use]
    pub fn with_team(mut self, members: Vec<Member>) -> Self {
        let refs: Vec<&Member> = members.iter().collect();
        if let Some(group) = Group::with(self.dataset, &refs, &self.weighting.requirements) {
            self.team = Some((members, group));
        }
        self
    }

    /// The team section's lines, as (member, verdict) rows, the wins sentence, and one sentence per
    /// disputed dimension; each format lays them out its own way.
    fn team_parts(&self) -> Option<TeamParts> {
        let (members, group) = self.team.as_ref()?;
        let dataset = self.dataset;
        let rows = members
            .iter()
            .zip(&group.verdicts)
            .map(|(member, verdict)| TeamRow {
                name: member.name.clone(),
                label: member_label(dataset, member),
                verdict: short_verdict(dataset, verdict),
            })
            .collect();
        let mut order: Vec<usize> = (0..dataset.options.len()).filter(|&o| group.wins[o] > 0).collect();
        order.sort_by_key(|&o| (std::cmp::Reverse(group.wins[o]), o));
        let leads: Vec<String> =
            order.iter().map(|&o| format!("{} leads for {}", dataset.options[o].name, group.wins[o])).collect();
        let undecided = members.len() - group.wins.iter().sum::<usize>();
        let of_them =
            if members.len() == 1 { "the one member".to_owned() } else { format!("the {} members", members.len()) };
        let mut wins = match leads.split_first() {
            None => format!("No option leads for {of_them}"),
            Some((first, rest)) => {
                let mut wins = format!("{first} of {of_them}");
                for other in rest {
                    let _ = write!(wins, ", {other}");
                }
                wins
            }
        };
        if undecided > 0 && !leads.is_empty() {
            let _ = write!(wins, "; no option leads for {undecided}");
        }
        wins.push('.');
        if let Some(note) = majority_note(dataset, group, self.evaluation.recommendation.leader()) {
            let _ = write!(wins, " {note}");
        }
        let refs: Vec<&Member> = members.iter().collect();
        let names =
            |indexes: Vec<usize>| indexes.iter().map(|&i| members[i].name.as_str()).collect::<Vec<_>>().join(", ");
        // The material disputes, worded only as far as any format shows them (a large dataset may
        // dispute thousands), then the immaterial ones in one line.
        let material = group.material();
        let disputed = group
            .disputes
            .iter()
            .take(material.min(TOP_SENSITIVITIES))
            .map(|dispute| {
                let d = dispute.dimension;
                let (low, high) = group.spread[d];
                let (lows, highs) = group.ends(&refs, d);
                format!(
                    "{}: from {low} ({}) to {high} ({}), the group's median {}.",
                    dispute_sentence(dataset, &refs, dispute),
                    names(lows),
                    names(highs),
                    group.weights[d]
                )
            })
            .collect();
        let intro = if self.weighting.weights == group.weights {
            "The weights are each dimension's median of the members' weights: the verdict above is the group's."
                .to_owned()
        } else {
            let differ = self.weighting.weights.iter().zip(&group.weights).filter(|(a, b)| a != b).count();
            format!(
                "The weights above are not the members' median: they differ on {}. The median would give: {}",
                pluralize(differ, "dimension"),
                lead_sentence(dataset, &recommend_with(dataset, &group.weights, &self.weighting.requirements))
            )
        };
        let intro = match self.framing.left_out.as_slice() {
            [] => intro,
            names => format!("{intro} Left out of the group: {}.", names.join(", ")),
        };
        let after = more_disputed(material)
            .into_iter()
            .chain(immaterial_sentence(group))
            .chain(group.disputed.is_empty().then(|| undisputed_sentence(members.len())))
            .collect();
        let own_requirements = own_requirements_sentence(dataset, members, &self.weighting.requirements);
        Some(TeamParts { intro, rows, own_requirements, wins, disputed, after })
    }

    fn json_team(&self) -> Option<JsonTeam> {
        let (members, group) = self.team.as_ref()?;
        let dataset = self.dataset;
        let ids = || dataset.dimensions.iter().map(|dimension| &dimension.id);
        Some(JsonTeam {
            members: members
                .iter()
                .zip(&group.verdicts)
                .map(|(member, verdict)| JsonMember {
                    name: member.name.clone(),
                    winner: verdict.leader().map(|o| dataset.options[o].id.clone()),
                    margin: round(verdict.margin()),
                    weights: json_by_id(ids().zip(member.weights.iter().copied())),
                    requirements: member
                        .requirements
                        .iter()
                        .map(|r| JsonMemberRequirement {
                            dimension: dataset.dimensions[r.dimension].id.clone(),
                            min: r.min,
                        })
                        .collect(),
                })
                .collect(),
            aggregate: "median",
            weights: json_by_id(ids().zip(group.weights.iter().copied())),
            spread: ids()
                .zip(&group.spread)
                .map(|(id, &(low, high))| (id.clone(), serde_json::json!([low, high])))
                .collect(),
            disputed: group.disputed.iter().map(|&d| dataset.dimensions[d].id.clone()).collect(),
            disputes: group
                .disputes
                .iter()
                .map(|dispute| JsonDispute {
                    dimension: dataset.dimensions[dispute.dimension].id.clone(),
                    material: dispute.is_material(),
                    members: members.iter().map(|m| (m.name.clone(), m.weights[dispute.dimension].into())).collect(),
                    flips: dispute
                        .swings
                        .iter()
                        .map(|swing| JsonSwing {
                            member: members[swing.member].name.clone(),
                            weight: swing.weight,
                            leader: swing.outcome.leader().map(|o| dataset.options[o].id.clone()),
                        })
                        .collect(),
                })
                .collect(),
            winners: dataset.options.iter().zip(&group.wins).map(|(o, &n)| (o.id.clone(), n.into())).collect(),
        })
    }

    /// The pairwise section's sentence: the shares, and how consistent the judgements are.
    fn pairwise_sentence(&self) -> Option<String> {
        let (judged, p) = self.pairwise.as_ref()?;
        Some(pairwise_sentence(self.dataset, judged, p))
    }

    fn json_pairwise(&self) -> Option<JsonPairwise> {
        let (judged, p) = self.pairwise.as_ref()?;
        let four = |x: f64| (x * 10_000.0).round() / 10_000.0;
        Some(JsonPairwise {
            items: judged.items.clone(),
            weights: judged.items.iter().zip(&p.weights).map(|(item, &w)| (item.clone(), four(w).into())).collect(),
            lambda_max: four(p.lambda_max),
            consistency_ratio: four(p.consistency_ratio),
            most_inconsistent: p
                .most_inconsistent
                .map(|(more, less)| JsonPair { more: judged.items[more].clone(), less: judged.items[less].clone() }),
        })
    }

    /// The stability intervals that a change of weight can leave, most critical first.
    fn critical_intervals(&self) -> impl Iterator<Item = (&Stability, u8)> {
        let mut critical: Vec<(&Stability, u8)> =
            self.evaluation.stability.iter().filter_map(|s| s.criticality().map(|steps| (s, steps))).collect();
        critical.sort_by_key(|&(s, steps)| (steps, s.dimension));
        critical.into_iter().take(TOP_SENSITIVITIES)
    }

    #[must_use]
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
            Format::Madr => self.madr(),
            Format::Json => self.json(),
        }
    }

    /// Contributions large enough to show at one decimal ("+0.0" explains nothing).
    fn visible_contributions(&self) -> impl Iterator<Item = &crate::engine::score::Contribution> {
        self.evaluation.contributions.iter().filter(|c| round(c.points) != 0.0)
    }

    fn option_name(&self, option: usize) -> &str {
        &self.dataset.options[option].name
    }

    fn dimension_name(&self, dimension: usize) -> &str {
        &self.dataset.dimensions[dimension].name
    }

    /// One sentence: who is recommended and how firmly.
    #[must_use]
    pub fn verdict(&self) -> String {
        verdict_sentence(self.dataset, &self.evaluation.recommendation, &self.robustness)
    }

    /// One sentence per requirement, in dataset order: who fails it and by how much.
    fn requirement_sentences(&self) -> Vec<String> {
        requirement_sentences(self.dataset, &self.weighting.requirements, &self.evaluation)
    }

    /// The verdict's classification: how close and how sure together.
    #[must_use]
    pub fn classification(&self) -> Classification {
        Classification::of(&self.evaluation.recommendation, &self.robustness)
    }

    /// The must-haves section, when there are any.
    fn text_requirements(&self, out: &mut String) {
        if self.weighting.requirements.is_empty() {
            return;
        }
        let _ = writeln!(out, "{MUST_HAVES_HEADING}");
        for sentence in self.requirement_sentences() {
            item(out, &sentence);
        }
        out.push('\n');
    }

    /// One line per option: its score, a bar, and how many must-haves it fails.
    fn text_scores(&self, out: &mut String) {
        let dataset = self.dataset;
        let name_width = dataset.options.iter().map(|option| option.name.width()).max().unwrap_or(0).min(24);
        for (i, option) in dataset.options.iter().enumerate() {
            let score = self.evaluation.scores[i];
            let fails = match self.evaluation.screening.failing[i].len() {
                0 => String::new(),
                n => format!("  fails {}", pluralize(n, "must-have")),
            };
            let _ =
                writeln!(out, "  {}  {:>5}  {}{fails}", pad(&option.name, name_width), points(score), bar(score, 40));
        }
    }

    fn json_robustness(&self) -> JsonRobustness {
        let (dataset, robustness) = (self.dataset, &self.robustness);
        // Without requirements every option passes in every sample.
        let all = vec![1.0; dataset.options.len()];
        JsonRobustness {
            samples: robustness.samples,
            seed: robustness.seed,
            weights: robustness.weights.word(),
            weight_spread: robustness.weights.n(),
            first: by_option(dataset, &robustness.first),
            standard_error: by_option(dataset, &robustness.standard_error),
            passes: by_option(dataset, robustness.passes.as_deref().unwrap_or(&all)),
        }
    }

    /// JSON's `requirements` (each with the options failing it) and `eligible`.
    fn json_requirements(&self) -> (Vec<JsonRequirement<'_>>, Vec<&str>) {
        let (dataset, screening) = (self.dataset, &self.evaluation.screening);
        let ids = |options: Vec<usize>| options.into_iter().map(|o| dataset.options[o].id.as_str()).collect();
        let requirements = self
            .weighting
            .requirements
            .iter()
            .map(|r| JsonRequirement {
                dimension: &dataset.dimensions[r.dimension].id,
                min: r.min,
                failing: ids(screening.failing_on(r.dimension)),
            })
            .collect();
        (requirements, ids((0..dataset.options.len()).filter(|&o| screening.passes(o)).collect()))
    }

    fn text(&self) -> String {
        let dataset = self.dataset;
        let mut out = String::new();
        let _ = writeln!(out, "{}", dataset.meta.title);
        let _ = writeln!(out, "Evidence as of {}. Weights: {}.", dataset.meta.as_of, self.weighting.describe(dataset));
        out.push('\n');
        for line in wrap(&self.verdict(), 80) {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
        self.text_requirements(&mut out);
        if let Some(sentence) = self.pairwise_sentence() {
            for line in wrap(&sentence, 80) {
                let _ = writeln!(out, "{line}");
            }
            out.push('\n');
        }
        self.text_scores(&mut out);
        if let Some(team) = self.team_parts() {
            let _ = writeln!(out, "\nThe team:");
            item(&mut out, &team.intro);
            for row in &team.rows {
                item(&mut out, &format!("{}: {}", row.label, row.verdict));
            }
            if let Some(sentence) = &team.own_requirements {
                item(&mut out, sentence);
            }
            item(&mut out, &team.wins);
            let _ = writeln!(out, "\nWhere the team disagrees (first what could change the verdict, widest first):");
            for sentence in team.disputed.iter().chain(&team.after) {
                item(&mut out, sentence);
            }
        }
        if !self.evaluation.contributions.is_empty()
            && let Recommendation::Lead { option, margin, .. } = self.evaluation.recommendation
        {
            let _ = writeln!(
                out,
                "\nWhy (points toward {} of its {}-point lead):",
                self.option_name(option),
                points(margin)
            );
            for contribution in self.visible_contributions().take(TOP_CONTRIBUTIONS) {
                let _ = writeln!(
                    out,
                    "  {:>6}  {}",
                    signed_points(contribution.points),
                    self.dimension_name(contribution.dimension)
                );
            }
        }
        let _ = writeln!(out, "\nWhat would change it (one weight at a time):");
        for flip in &self.evaluation.flips {
            let _ = writeln!(out, "  {}", flip_sentence(dataset, &self.weighting.weights, flip));
        }
        if self.evaluation.flips.is_empty() {
            let _ = writeln!(out, "  {}", no_flip_sentence(dataset, &self.evaluation));
        }
        if let Recommendation::Lead { option, .. } = self.evaluation.recommendation {
            let _ = writeln!(
                out,
                "\nHow far each weight can move before {} stops leading (most critical first):",
                self.option_name(option)
            );
            for (interval, steps) in self.critical_intervals() {
                item(&mut out, &stability_sentence(dataset, interval, steps));
            }
            if self.critical_intervals().next().is_none() {
                let _ = writeln!(out, "  No single weight (0-10) stops it leading.");
            }
        }
        let _ = writeln!(out, "\nHow wrong the evidence would have to be (one rating at a time, nearest first):");
        for flip in self.rating_flips.iter().take(TOP_SENSITIVITIES) {
            item(&mut out, &rating_flip_sentence(dataset, flip));
        }
        if self.rating_flips.is_empty() {
            let _ = writeln!(out, "  No single rating (0-10) changes the outcome.");
        }
        let _ = writeln!(out, "\nHow sure ({}):", sampling_words(&self.robustness));
        item(&mut out, &robustness_sentence(dataset, &self.robustness));
        item(&mut out, &format!("Classifications: {DEFINITION}"));
        let _ = writeln!(out, "\nWeights and ratings (0-10):");
        let column = rating_column_width(dataset.options.len(), 38);
        let columns: Vec<String> = dataset.options.iter().map(|option| fit(&option.name, column)).collect();
        let _ = writeln!(
            out,
            "  {}  weight  {}",
            pad("Dimension", 30),
            columns.iter().map(|name| pad_left(name, column)).collect::<Vec<_>>().join(" ")
        );
        for (dimension, &weight) in dataset.dimensions.iter().zip(&self.weighting.weights) {
            let ratings: Vec<String> =
                dimension.assessments.iter().map(|a| pad_left(&a.rating.to_string(), column)).collect();
            let _ = writeln!(out, "  {}  {weight:>6}  {}", pad(&dimension.name, 30), ratings.join(" "));
        }
        out
    }

    /// The recommendation as JSON gives it.
    fn json_recommendation(&self) -> JsonRecommendation<'_> {
        let (dataset, e) = (self.dataset, &self.evaluation);
        JsonRecommendation {
            option: e.recommendation.leader().map(|option| dataset.options[option].id.as_str()),
            margin: round(e.recommendation.margin()),
            close_call: e.recommendation.is_close_call(),
            kind: match e.recommendation {
                Recommendation::Lead { .. } => "lead",
                Recommendation::Tie { .. } => "tie",
                Recommendation::Only { .. } => "only",
                Recommendation::NoneEligible { .. } => "none eligible",
                Recommendation::NoWeights => "no weights",
            },
            nearest: match e.recommendation {
                Recommendation::NoneEligible { nearest, .. } => Some(dataset.options[nearest].id.as_str()),
                _ => None,
            },
            classification: self.classification().word(),
            verdict: self.verdict(),
        }
    }

    fn json(&self) -> String {
        let dataset = self.dataset;
        let e = &self.evaluation;
        let (requirements, eligible) = self.json_requirements();
        let report = JsonReport {
            title: &dataset.meta.title,
            as_of: &dataset.meta.as_of,
            preset: self.weighting.origin.preset_id(dataset),
            modified: self.weighting.is_modified(dataset),
            options: dataset
                .options
                .iter()
                .zip(&e.scores)
                .map(|(option, &score)| JsonOption { id: &option.id, name: &option.name, score: round(score) })
                .collect(),
            recommendation: self.json_recommendation(),
            weights: json_by_id(
                dataset.dimensions.iter().map(|dimension| &dimension.id).zip(self.weighting.weights.iter().copied()),
            ),
            dimensions: dataset
                .dimensions
                .iter()
                .zip(&self.weighting.weights)
                .map(|(dimension, &weight)| JsonDimension {
                    id: &dimension.id,
                    name: &dimension.name,
                    weight,
                    ratings: json_by_id(
                        dataset
                            .options
                            .iter()
                            .map(|option| &option.id)
                            .zip(dimension.assessments.iter().map(|a| a.rating)),
                    ),
                    ranges: dataset
                        .options
                        .iter()
                        .zip(&dimension.assessments)
                        .map(|(option, a)| (option.id.clone(), serde_json::json!([a.low, a.high])))
                        .collect(),
                })
                .collect(),
            contributions: self
                .visible_contributions()
                .map(|contribution| JsonContribution {
                    dimension: &dataset.dimensions[contribution.dimension].id,
                    points: round(contribution.points),
                })
                .collect(),
            flips: e
                .flips
                .iter()
                .map(|flip| JsonFlip {
                    dimension: &dataset.dimensions[flip.dimension].id,
                    weight: flip.weight,
                    option: &dataset.options[flip.option].id,
                })
                .collect(),
            stability: e
                .stability
                .iter()
                .map(|s| JsonStability {
                    dimension: &dataset.dimensions[s.dimension].id,
                    weight: s.weight,
                    low: s.low,
                    high: s.high,
                })
                .collect(),
            rating_flips: self
                .rating_flips
                .iter()
                .map(|flip| JsonRatingFlip {
                    dimension: &dataset.dimensions[flip.dimension].id,
                    option: &dataset.options[flip.option].id,
                    rating: flip.rating,
                    to: flip.to,
                    leader: &dataset.options[flip.leader].id,
                })
                .collect(),
            pairwise: self.json_pairwise(),
            team: self.json_team(),
            requirements,
            eligible,
            robustness: self.json_robustness(),
        };
        let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// A verdict in a few words, for lists of them (a team's members): "Python by 22.8 points", "a tie",
/// "no weights".
#[must_use]
pub fn short_verdict(dataset: &Dataset, recommendation: &Recommendation) -> String {
    match recommendation {
        Recommendation::Lead { option, margin, .. } => {
            format!("{} by {} points", dataset.options[*option].name, points(*margin))
        }
        Recommendation::Tie { .. } => "a tie".to_owned(),
        Recommendation::NoWeights => "no weights".to_owned(),
        Recommendation::Only { option } => {
            format!("{}, the only one meeting the requirements", dataset.options[*option].name)
        }
        Recommendation::NoneEligible { .. } => "none meets the requirements".to_owned(),
    }
}

/// One sentence per requirement, in dataset order: "CPU-bound pure code at least 6: Node.js fails it
/// (rated 4, 2 short)." or "...: every option meets it." Then, when every option fails one, which comes
/// nearest. Text, markdown and the decision record say it this way.
#[must_use]
pub fn requirement_sentences(
    dataset: &Dataset,
    requirements: &crate::engine::requirements::Requirements,
    evaluation: &Evaluation,
) -> Vec<String> {
    let screening = &evaluation.screening;
    let mut out: Vec<String> = requirements.iter().map(|r| requirement_sentence(dataset, evaluation, r)).collect();
    if let Recommendation::NoneEligible { nearest, .. } = evaluation.recommendation {
        out.push(format!(
            "Every option fails a must-have; the nearest: {}.",
            failing_sentence(dataset, nearest, &screening.failing[nearest])
        ));
    }
    out
}

/// One must-have and who fails it: "CPU-bound pure code at least 6: Node.js (rated 4, 2 short) fails it."
#[must_use]
pub fn requirement_sentence(dataset: &Dataset, evaluation: &Evaluation, requirement: &Requirement) -> String {
    let (who, _) = who_fails(dataset, &evaluation.screening, requirement.dimension, requirement.min);
    format!("{} at least {}: {who}.", dataset.dimensions[requirement.dimension].name, requirement.min)
}

/// What a flip point means, in the words every output uses: "Python wins if ML weight is at least 6
/// (now 3)". With two options the lead moves monotonically with one weight, so "at least" or "at most"
/// is exact; with more, only the named weight is known to flip it.
#[must_use]
pub fn flip_sentence(dataset: &Dataset, weights: &[u8], flip: &Flip) -> String {
    flip_words(dataset, weights, flip, ["is at least", "is at most", "is"])
}

/// A flip with `relations` for "at least", "at most" and (more than two options) "exactly".
pub(super) fn flip_words(dataset: &Dataset, weights: &[u8], flip: &Flip, relations: [&str; 3]) -> String {
    let now = weights[flip.dimension];
    let relation = match (dataset.options.len(), flip.weight > now) {
        (2, true) => relations[0],
        (2, false) => relations[1],
        _ => relations[2],
    };
    format!(
        "{} wins if {} weight {relation} {} (now {now})",
        dataset.options[flip.option].name, dataset.dimensions[flip.dimension].name, flip.weight
    )
}

/// A stability interval in words: "ML and AI ecosystem: 4 now, holds from 0 to 5 (2 steps from a change)".
#[must_use]
pub fn stability_sentence(dataset: &Dataset, interval: &Stability, steps: u8) -> String {
    format!(
        "{}: weight {} now, holds from {} to {} ({} from a change)",
        dataset.dimensions[interval.dimension].name,
        interval.weight,
        interval.low,
        interval.high,
        pluralize(usize::from(steps), "step")
    )
}

/// A rating flip in words: "Python leads if Node.js's rating for CPU-bound pure code were 6 instead of 9."
#[must_use]
pub fn rating_flip_sentence(dataset: &Dataset, flip: &RatingFlip) -> String {
    format!(
        "{} leads if {}'s rating for {} were {} instead of {}.",
        dataset.options[flip.leader].name,
        dataset.options[flip.option].name,
        dataset.dimensions[flip.dimension].name,
        flip.to,
        flip.rating
    )
}

/// The robustness shares in words, then what they were drawn over: "Node.js first in 58%, Python 42%,
/// over plausible ratings and weights ±1" (how sure that makes the verdict is its classification's to
/// say). The shares come first: a narrow screen cuts the end.
#[must_use]
pub fn robustness_sentence(dataset: &Dataset, robustness: &Robustness) -> String {
    let mut order: Vec<usize> = (0..robustness.first.len()).collect();
    order.sort_by(|&a, &b| robustness.first[b].total_cmp(&robustness.first[a]).then(a.cmp(&b)));
    let percent = |o: usize| percent(robustness.first[o]);
    let named = |o: usize| format!("{} {}", dataset.options[o].name, percent(o));
    let Some((&best, rest)) = order.split_first() else { return String::new() };
    let mut sentence = format!("{} first in {}", dataset.options[best].name, percent(best));
    for &other in rest {
        let _ = write!(sentence, ", {}", named(other));
    }
    // A sample in which every option fails a requirement is a first place for none.
    let none = 1.0 - robustness.first.iter().sum::<f64>();
    if robustness.passes.is_some() && none >= 0.005 {
        let _ = write!(sentence, ", none eligible {}", crate::engine::verdict::percent(none));
    }
    let _ = write!(sentence, ", over {}", robustness.weights.drawn_over());
    sentence
}

/// One item of a text report's list: indented two columns, wrapped to 80, continued at four.
/// How pairwise judgements came out: each item's share, and how consistent the judgements are (with
/// the judgement to revise first when they contradict each other). The report and the explorer's
/// pairwise summary both say it this way.
#[must_use]
pub fn pairwise_sentence<'d>(dataset: &'d Dataset, judged: &'d Judged, p: &Priorities) -> String {
    // A compared item as a reader knows it: a dimension by its name, a category as it is.
    let name = |item: &'d str| dataset.dimension_index(item).map_or(item, |d| dataset.dimensions[d].name.as_str());
    let shares: Vec<String> =
        judged.items.iter().zip(&p.weights).map(|(item, w)| format!("{} {:.0}%", name(item), w * 100.0)).collect();
    let mut sentence = format!(
        "Weights from {} ({}): {}. Consistency ratio {:.2}",
        pluralize(judged.judgements.len(), "judgement"),
        if judged.categories { "categories" } else { "dimensions" },
        shares.join(", "),
        p.consistency_ratio
    );
    match (p.is_consistent(), p.most_inconsistent) {
        (true, _) => sentence.push_str(" (consistent)."),
        (false, Some((more, less))) => {
            let _ = write!(
                sentence,
                ": above {MAX_CONSISTENCY_RATIO:.2}, the judgements contradict each other; revise first {} over {}.",
                name(&judged.items[more]),
                name(&judged.items[less])
            );
        }
        (false, None) => sentence.push('.'),
    }
    sentence
}

fn item(out: &mut String, sentence: &str) {
    for (i, line) in wrap(sentence, 76).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { "  " } else { "    " });
    }
}

/// "10,000 plausible rating sets, seed 1"; "10,000 draws of ratings and weights ±1, seed 1"; "10,000
/// draws of ratings and the team's weights, seed 1".
fn sampling_words(robustness: &Robustness) -> String {
    let sets = match robustness.weights {
        Spread::Fixed => "plausible rating sets".to_owned(),
        Spread::Within(n) => format!("draws of ratings and weights ±{n}"),
        Spread::Team(_) => "draws of ratings and the team's weights".to_owned(),
    };
    format!("{} {sets}, seed {}", thousands(robustness.samples), robustness.seed)
}

/// `12345` as "12,345".
pub(crate) fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The width of each rating column when `options` columns, a space apart, share `room` columns (3 to 8).
#[must_use]
pub(crate) fn rating_column_width(options: usize, room: usize) -> usize {
    ((room + 1) / options.max(1)).saturating_sub(1).clamp(3, 8)
}

/// What to say when no single weight can change the outcome: whether any weighting could.
#[must_use]
pub fn no_flip_sentence(dataset: &Dataset, evaluation: &Evaluation) -> String {
    match evaluation.recommendation {
        Recommendation::Lead { option, .. } if crate::engine::score::dominates(dataset, option) => format!(
            "No weighting can change it: {} rates at least as high as every other option on every dimension.",
            dataset.options[option].name
        ),
        Recommendation::Only { option } => format!(
            "No weighting can change it: {} is the only option that meets every requirement.",
            dataset.options[option].name
        ),
        Recommendation::NoneEligible { .. } => {
            "No weighting can change it: no option meets every requirement.".to_owned()
        }
        _ => "No single weight (0-10) changes the outcome; changing several at once might.".to_owned(),
    }
}

/// Scores and points to one decimal in JSON, as everywhere else.
fn round(x: f64) -> f64 {
    tenths(x)
}

/// A bar of `width` cells for a 0-100 score.
fn bar(score: f64, width: usize) -> String {
    let filled = ((score / 100.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled.min(width)), "░".repeat(width - filled.min(width)))
}

/// A JSON object of ids to weights or ratings, keys in the dataset's order (`preserve_order`).
pub(crate) fn json_by_id<'a>(
    pairs: impl Iterator<Item = (&'a String, u8)>,
) -> serde_json::Map<String, serde_json::Value> {
    pairs.map(|(id, n)| (id.clone(), serde_json::Value::from(n))).collect()
}

/// A JSON object of option ids to shares, rounded to four decimals.
fn by_option(dataset: &Dataset, values: &[f64]) -> serde_json::Map<String, serde_json::Value> {
    dataset
        .options
        .iter()
        .zip(values)
        .map(|(option, &v)| (option.id.clone(), serde_json::Value::from((v * 10_000.0).round() / 10_000.0 + 0.0)))
        .collect()
}

#[derive(Serialize)]
struct JsonStability<'a> {
    dimension: &'a str,
    weight: u8,
    low: u8,
    high: u8,
}

#[derive(Serialize)]
struct JsonRatingFlip<'a> {
    dimension: &'a str,
    option: &'a str,
    rating: u8,
    to: u8,
    leader: &'a str,
}

#[derive(Serialize)]
struct JsonPairwise {
    items: Vec<String>,
    weights: serde_json::Map<String, serde_json::Value>,
    lambda_max: f64,
    consistency_ratio: f64,
    most_inconsistent: Option<JsonPair>,
}

#[derive(Serialize)]
struct JsonPair {
    more: String,
    less: String,
}

#[derive(Serialize)]
struct JsonRobustness {
    samples: u32,
    seed: u64,
    /// "fixed", "spread" or "team": how the weights varied in the draws.
    weights: &'static str,
    weight_spread: u8,
    first: serde_json::Map<String, serde_json::Value>,
    standard_error: serde_json::Map<String, serde_json::Value>,
    /// Each option's share of samples in which it meets every requirement.
    passes: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonRequirement<'a> {
    dimension: &'a str,
    min: u8,
    failing: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    as_of: &'a str,
    preset: Option<&'a str>,
    modified: bool,
    options: Vec<JsonOption<'a>>,
    recommendation: JsonRecommendation<'a>,
    weights: serde_json::Map<String, serde_json::Value>,
    dimensions: Vec<JsonDimension<'a>>,
    contributions: Vec<JsonContribution<'a>>,
    flips: Vec<JsonFlip<'a>>,
    stability: Vec<JsonStability<'a>>,
    rating_flips: Vec<JsonRatingFlip<'a>>,
    /// The must-haves in force, with the options failing each.
    requirements: Vec<JsonRequirement<'a>>,
    /// The options meeting every requirement (every option, without requirements).
    eligible: Vec<&'a str>,
    robustness: JsonRobustness,
    #[serde(skip_serializing_if = "Option::is_none")]
    pairwise: Option<JsonPairwise>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<JsonTeam>,
}

#[derive(Serialize)]
struct JsonTeam {
    members: Vec<JsonMember>,
    aggregate: &'static str,
    weights: serde_json::Map<String, serde_json::Value>,
    spread: serde_json::Map<String, serde_json::Value>,
    disputed: Vec<String>,
    /// Every disputed dimension, the material ones first.
    disputes: Vec<JsonDispute>,
    winners: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonDispute {
    dimension: String,
    /// Whether one member's weight for it alone, the rest at the group's weights, changes the leader.
    material: bool,
    members: serde_json::Map<String, serde_json::Value>,
    /// The members whose weight would, and who would lead then (null: a tie, or no weights).
    flips: Vec<JsonSwing>,
}

#[derive(Serialize)]
struct JsonSwing {
    member: String,
    weight: u8,
    leader: Option<String>,
}

#[derive(Serialize)]
struct JsonMember {
    name: String,
    winner: Option<String>,
    margin: f64,
    weights: serde_json::Map<String, serde_json::Value>,
    /// The member's own must-haves, which their verdict (`winner`) honours; empty when none.
    requirements: Vec<JsonMemberRequirement>,
}

#[derive(Serialize)]
struct JsonMemberRequirement {
    dimension: String,
    min: u8,
}

/// One member's row in the team section.
struct TeamRow {
    /// The member's name as given (a decision record finds their note by it).
    name: String,
    /// The name with the member's own must-haves: "Bob (requires Real-time >= 7)".
    label: String,
    /// The verdict of their own weights and must-haves.
    verdict: String,
}

/// The team section's content, before layout.
struct TeamParts {
    /// Whether the report's weights are the members' median, and if not what that would give.
    intro: String,
    rows: Vec<TeamRow>,
    /// When members have must-haves the team's weighting lacks: that it does, and the flag that adds them.
    own_requirements: Option<String>,
    /// How many members each option leads for.
    wins: String,
    /// One sentence per material dispute, widest spread first, as many as the reports show.
    disputed: Vec<String>,
    /// After them: how many more material ones there are, the immaterial ones in one sentence, or that
    /// none is disputed.
    after: Vec<String>,
}

/// When most members' own weights favour another option than the group's weights do, why that can be:
/// the median is taken dimension by dimension, not verdict by verdict.
#[must_use]
pub fn majority_note(dataset: &Dataset, group: &Group, leader: Option<usize>) -> Option<String> {
    let counted: usize = group.verdicts.len();
    let (top, &most) = group.wins.iter().enumerate().max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)))?;
    (most * 2 > counted && leader.is_some_and(|l| l != top)).then(|| {
        format!(
            "The group's weights favour {}, most members' own {}: the median is taken dimension by dimension.",
            leader.map_or("", |l| dataset.options[l].name.as_str()),
            dataset.options[top].name
        )
    })
}

/// A member's name with their own must-haves, if they have any: "Bob (requires Real-time >= 7)".
#[must_use]
pub fn member_label(dataset: &Dataset, member: &Member) -> String {
    if member.requirements.is_empty() {
        return member.name.clone();
    }
    format!("{} (requires {})", member.name, requirements_short(dataset, &member.requirements))
}

/// Must-haves in a few words: "Real-time >= 7, CPU-bound pure code >= 6".
#[must_use]
pub fn requirements_short(dataset: &Dataset, requirements: &Requirements) -> String {
    let parts: Vec<String> =
        requirements.iter().map(|r| format!("{} >= {}", dataset.dimensions[r.dimension].name, r.min)).collect();
    parts.join(", ")
}

/// The members' own must-haves that `team` (the must-haves of the team's weighting) does not hold, each
/// dimension at the highest minimum a member gives it (which holds every lower one too), in dataset order.
#[must_use]
pub fn requirements_left_out(members: &[Member], team: &Requirements) -> Requirements {
    let all = members.iter().fold(Requirements::NONE, |all, member| all.and(&member.requirements));
    let mut left_out = Requirements::NONE;
    for r in all.iter().filter(|r| team.get(r.dimension).is_none_or(|min| min < r.min)) {
        left_out.set(r.dimension, r.min);
    }
    left_out
}

/// One sentence when members have must-haves the team's weighting (with `team`) does not: it says so and
/// gives the flags that would apply them. "Members' own must-haves do not apply to the team's weighting;
/// --require 'realtime>=7' would apply them."
#[must_use]
pub fn own_requirements_sentence(dataset: &Dataset, members: &[Member], team: &Requirements) -> Option<String> {
    let left_out = requirements_left_out(members, team);
    if left_out.is_empty() {
        return None;
    }
    let flags: Vec<String> = left_out.specs(dataset).iter().map(|spec| format!("--require '{spec}'")).collect();
    let them = if left_out.len() == 1 { "it" } else { "them" };
    Some(format!(
        "Members' own must-haves decide only their own verdicts; {} applies {them} to the team's.",
        flags.join(" ")
    ))
}

/// "3 more disputes could change the verdict; ..." past the ones shown.
fn more_disputed(material: usize) -> Option<String> {
    (material > TOP_SENSITIVITIES).then(|| {
        let more = material - TOP_SENSITIVITIES;
        let could = if more == 1 { "dispute" } else { "disputes" };
        format!("{more} more {could} could change the verdict; versus report --format json lists every dispute.")
    })
}

/// A material dispute in words: who would change the verdict, and to what. "Bob's 9 on ML and AI
/// ecosystem would make Python lead"; "Ann's 0 and Bob's 1 on Typing would make Node.js lead, Cy's 10
/// would make it a tie between Node.js and Python".
#[must_use]
pub fn dispute_sentence(dataset: &Dataset, members: &[&Member], dispute: &Dispute) -> String {
    // The members who would give the same outcome, together, in the order the first of them comes.
    let mut outcomes: Vec<(&Recommendation, Vec<String>)> = Vec::new();
    for swing in &dispute.swings {
        let said = format!("{}'s {}", members[swing.member].name, swing.weight);
        match outcomes.iter_mut().find(|(outcome, _)| **outcome == swing.outcome) {
            Some((_, who)) => who.push(said),
            None => outcomes.push((&swing.outcome, vec![said])),
        }
    }
    let name = |o: usize| dataset.options[o].name.as_str();
    let clauses: Vec<String> = outcomes
        .iter()
        .enumerate()
        .map(|(i, (outcome, who))| {
            let made = match outcome {
                // One weight never leaves one option alone eligible: must-haves alone decide that.
                Recommendation::Lead { option, .. } | Recommendation::Only { option } => {
                    format!("make {} lead", name(*option))
                }
                Recommendation::Tie { options } => {
                    format!("make it a tie between {}", and_list(&options.iter().map(|&o| name(o)).collect::<Vec<_>>()))
                }
                Recommendation::NoWeights => "leave every weight 0".to_owned(),
                Recommendation::NoneEligible { .. } => "leave no option eligible".to_owned(),
            };
            let on = if i == 0 { format!(" on {}", dataset.dimensions[dispute.dimension].name) } else { String::new() };
            format!("{}{on} would {made}", and_list(who))
        })
        .collect();
    clauses.join(", ")
}

/// "A", "A and B", "A, B and C".
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            format!("{} and {}", rest.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "), last.as_ref())
        }
    }
}

/// The immaterial disputes in one sentence: "12 more disputed, none of which changes the verdict." (no
/// "more" when no dispute is material); none without them.
#[must_use]
pub fn immaterial_sentence(group: &Group) -> Option<String> {
    let material = group.material();
    let immaterial = group.disputes.len() - material;
    let more = if material > 0 { " more" } else { "" };
    match immaterial {
        0 => None,
        1 => Some(format!("1{more} disputed, which does not change the verdict.")),
        n => Some(format!("{n}{more} disputed, none of which changes the verdict.")),
    }
}

fn undisputed_sentence(members: usize) -> String {
    if members == 1 {
        "One member: there is no one to disagree with.".to_owned()
    } else {
        format!("No dimension is disputed: the members' weights are less than {DISPUTED_SPREAD} apart on every one.")
    }
}

#[derive(Serialize)]
struct JsonOption<'a> {
    id: &'a str,
    name: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct JsonRecommendation<'a> {
    option: Option<&'a str>,
    margin: f64,
    close_call: bool,
    /// "lead", "tie", "only" (the one option meeting every must-have: no margin to speak of), "none
    /// eligible" or "no weights".
    kind: &'static str,
    /// With every option failing a must-have, the one falling shortest.
    nearest: Option<&'a str>,
    /// "clear", "likely", "toss-up" or "none": see [`Classification`].
    classification: &'static str,
    verdict: String,
}

#[derive(Serialize)]
struct JsonDimension<'a> {
    id: &'a str,
    name: &'a str,
    weight: u8,
    ratings: serde_json::Map<String, serde_json::Value>,
    ranges: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonContribution<'a> {
    dimension: &'a str,
    points: f64,
}

#[derive(Serialize)]
struct JsonFlip<'a> {
    dimension: &'a str,
    weight: u8,
    option: &'a str,
}
