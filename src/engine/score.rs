//! Weights in, recommendation out: scores, the lead, why, and what would change it. Pure functions.
//!
//! An option's score is the weighted mean of its ratings scaled to 0-100:
//! `score(o) = 10 * sum(w_d * r_d,o) / sum(w_d)`. Sums are kept as integers, so ties and flips are
//! decided exactly; floating point appears only in the numbers shown.

use crate::engine::data::{Dataset, SCALE_MAX};
use crate::engine::requirements::{Requirements, Screening};

/// A lead smaller than this many points (of 100) is reported as a close call: it is half a rating step
/// on average, well within the judgement that went into the ratings. (Decided in integers; see
/// `recommend`.)
pub(crate) const CLOSE_CALL_POINTS: u64 = 5;

/// The outcome of one weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// 0-100 per option, in dataset order; all 0 when every weight is 0.
    pub scores: Vec<f64>,
    pub recommendation: Recommendation,
    /// Why the leader is ahead of the runner-up: each weighted dimension's share of the margin, largest
    /// first (negative shares pull toward the runner-up). The shares add up to the margin.
    pub contributions: Vec<Contribution>,
    /// For each dimension whose weight alone can change the leader: the nearest such weight. Nearest
    /// first.
    pub flips: Vec<Flip>,
    /// For each dimension, in dataset order, the weights at which the leader still leads; empty when
    /// no option leads. A flip lies just outside its dimension's interval, or further out past a tie.
    pub stability: Vec<Stability>,
    /// Which options meet the requirements (every one, without requirements) and how far the others
    /// fall short.
    pub screening: Screening,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Recommendation {
    /// Every weight is 0 (nothing matters), or the dataset has fewer than two options: nothing to
    /// recommend.
    NoWeights,
    /// Two or more options share the top score exactly.
    Tie { options: Vec<usize> },
    Lead {
        option: usize,
        runner_up: usize,
        /// Points (of 100) between the leader and the runner-up.
        margin: f64,
        /// The margin is under [`CLOSE_CALL_POINTS`].
        close_call: bool,
    },
    /// Exactly one option meets every requirement: it is the recommendation, whatever the weights.
    Only { option: usize },
    /// No option meets every requirement. `nearest` falls short by the fewest rating steps in all
    /// (`shortfall`); of equals, the one scoring most.
    NoneEligible { nearest: usize, shortfall: u32 },
}

impl Recommendation {
    /// The recommended option, if one leads.
    #[must_use]
    pub fn leader(&self) -> Option<usize> {
        match self {
            Self::Lead { option, .. } | Self::Only { option } => Some(*option),
            Self::NoWeights | Self::Tie { .. } | Self::NoneEligible { .. } => None,
        }
    }

    #[must_use]
    pub fn margin(&self) -> f64 {
        match self {
            Self::Lead { margin, .. } => *margin,
            Self::NoWeights | Self::Tie { .. } | Self::Only { .. } | Self::NoneEligible { .. } => 0.0,
        }
    }

    /// A tie counts as the closest of calls.
    #[must_use]
    pub(crate) fn is_close_call(&self) -> bool {
        match self {
            Self::Lead { close_call, .. } => *close_call,
            Self::Tie { .. } => true,
            Self::NoWeights | Self::Only { .. } | Self::NoneEligible { .. } => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    pub dimension: usize,
    /// Points toward the leader (negative: toward the runner-up).
    pub points: f64,
}

/// Setting `dimension` to `weight` (all else unchanged) makes `option` the leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flip {
    pub dimension: usize,
    pub weight: u8,
    pub option: usize,
}

impl Flip {
    /// How many steps the slider must move.
    #[must_use]
    pub fn distance(&self, weights: &[u8]) -> u8 {
        self.weight.abs_diff(weights[self.dimension])
    }
}

/// The integer weights of one dimension, every other weight unchanged, at which the current leader
/// still leads outright. One range `low..=high` holding the current weight: the lead over each rival is
/// linear in that weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stability {
    pub dimension: usize,
    pub weight: u8,
    pub low: u8,
    pub high: u8,
}

impl Stability {
    /// How many slider steps from the current weight the leader stops leading outright (the nearest
    /// edge of the interval, plus one); `None` when no weight 0-10 can do that.
    #[must_use]
    pub fn criticality(&self) -> Option<u8> {
        let down = (self.low > 0).then(|| self.weight - self.low + 1);
        let up = (self.high < SCALE_MAX).then(|| self.high + 1 - self.weight);
        down.into_iter().chain(up).min()
    }

    /// Whether the leader still leads at `weight`.
    #[must_use]
    pub fn holds(&self, weight: u8) -> bool {
        (self.low..=self.high).contains(&weight)
    }
}

/// A rating that, changed alone, changes the leader: how wrong the evidence would have to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingFlip {
    pub dimension: usize,
    pub option: usize,
    /// The rating now.
    pub rating: u8,
    /// The nearest rating (0-10) at which another option leads outright.
    pub to: u8,
    /// Who leads then.
    pub leader: usize,
}

impl RatingFlip {
    #[must_use]
    pub fn distance(&self) -> u8 {
        self.to.abs_diff(self.rating)
    }
}

/// Whether `option` rates at least as high as every other option on every dimension, so that no
/// weighting at all can put another option ahead of it.
#[must_use]
pub(crate) fn dominates(dataset: &Dataset, option: usize) -> bool {
    dataset.dimensions.iter().all(|d| d.assessments.iter().all(|a| a.rating <= d.assessments[option].rating))
}

/// Exact integer sums: `numerators[o] = sum(w_d * r_d,o)` and `weight_sum = sum(w_d)`.
struct Tally {
    numerators: Vec<u64>,
    weight_sum: u64,
}

impl Tally {
    fn new(dataset: &Dataset, weights: &[u8]) -> Self {
        let mut numerators = vec![0; dataset.options.len()];
        let mut weight_sum = 0;
        for (dimension, &w) in dataset.dimensions.iter().zip(weights) {
            weight_sum += u64::from(w);
            for (n, a) in numerators.iter_mut().zip(&dimension.assessments) {
                *n += u64::from(w) * u64::from(a.rating);
            }
        }
        Self { numerators, weight_sum }
    }

    fn scores(&self) -> Vec<f64> {
        self.numerators.iter().map(|&n| score(n, self.weight_sum)).collect()
    }
}

fn score(numerator: u64, weight_sum: u64) -> f64 {
    if weight_sum == 0 { 0.0 } else { 10.0 * numerator as f64 / weight_sum as f64 }
}

/// The option strictly ahead of all other eligible ones, if any; the weight sum is common, so numerators
/// decide. An option that fails a requirement is no rival.
fn strict_leader(numerators: impl Iterator<Item = u64>, eligible: &[bool]) -> Option<usize> {
    let mut best: Option<(usize, u64)> = None;
    let mut tied = false;
    for (i, n) in numerators.enumerate().filter(|&(i, _)| eligible[i]) {
        match best {
            Some((_, b)) if n == b => tied = true,
            Some((_, b)) if n < b => {}
            _ => {
                best = Some((i, n));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(i, _)| i)
}

/// The eligible options ordered by score, best first (ties keep dataset order).
fn ranking(numerators: &[u64], eligible: &[bool]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..numerators.len()).filter(|&o| eligible[o]).collect();
    order.sort_by(|&a, &b| numerators[b].cmp(&numerators[a]));
    order
}

/// Scores, recommendation, contributions and flips for `weights` (one per dimension, 0-10), with no
/// requirement.
///
/// # Panics
/// If `weights` does not have one entry per dimension.
#[must_use]
pub fn evaluate(dataset: &Dataset, weights: &[u8]) -> Evaluation {
    evaluate_with(dataset, weights, &Requirements::NONE)
}

/// [`evaluate`] with `requirements`: every option keeps its score, but only those meeting every
/// requirement can lead, be the runner-up, or be what a changed weight would put ahead.
///
/// # Panics
/// If `weights` does not have one entry per dimension.
#[must_use]
pub fn evaluate_with(dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Evaluation {
    assert_eq!(weights.len(), dataset.dimensions.len(), "one weight per dimension");
    let screening = Screening::of(dataset, requirements);
    let eligible = screening.eligible();
    let tally = Tally::new(dataset, weights);
    let scores = tally.scores();
    let order = ranking(&tally.numerators, &eligible);
    let recommendation = recommend_from(&tally, &order, &scores, &screening);
    // "Why" explains a lead; a tie or no weights has none to explain.
    let contributions = match recommendation {
        Recommendation::Lead { option, runner_up, .. } => {
            contributions(dataset, weights, option, runner_up, tally.weight_sum)
        }
        Recommendation::NoWeights
        | Recommendation::Tie { .. }
        | Recommendation::Only { .. }
        | Recommendation::NoneEligible { .. } => Vec::new(),
    };
    let stability =
        recommendation.leader().map_or_else(Vec::new, |leader| stability(dataset, weights, &tally, leader, &eligible));
    let flips = flips(dataset, weights, &tally, recommendation.leader(), &stability, &eligible);
    Evaluation { scores, recommendation, contributions, flips, stability, screening }
}

/// The recommendation of one set of weights and, from its sums, what changing one weight alone would
/// make of it: for asking that of many single changes (a team's disputes) without a pass over the
/// dataset for each.
pub(crate) struct OneChange {
    tally: Tally,
    recommendation: Recommendation,
    stability: Vec<Stability>,
    screening: Screening,
}

impl OneChange {
    pub(crate) fn new(dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Self {
        let screening = Screening::of(dataset, requirements);
        let eligible = screening.eligible();
        let tally = Tally::new(dataset, weights);
        let recommendation =
            recommend_from(&tally, &ranking(&tally.numerators, &eligible), &tally.scores(), &screening);
        let stability = recommendation
            .leader()
            .map_or_else(Vec::new, |leader| stability(dataset, weights, &tally, leader, &eligible));
        Self { tally, recommendation, stability, screening }
    }

    /// The recommendation with dimension `d`'s weight `weight` instead of its own (`weights[d]`), when
    /// that changes who leads (a new leader, a tie, or none); `None` when the leader stays. Inside the
    /// dimension's stability interval the leader stays by definition, so only weights outside it are
    /// worked out.
    pub(crate) fn changed(&self, dataset: &Dataset, weights: &[u8], d: usize, weight: u8) -> Option<Recommendation> {
        if self.stability.get(d).is_some_and(|s| s.holds(weight)) {
            return None;
        }
        let (now, then) = (u64::from(weights[d]), u64::from(weight));
        let numerators = self
            .tally
            .numerators
            .iter()
            .zip(&dataset.dimensions[d].assessments)
            .map(|(&n, a)| n + then * u64::from(a.rating) - now * u64::from(a.rating))
            .collect::<Vec<_>>();
        let tally = Tally { numerators, weight_sum: self.tally.weight_sum + then - now };
        let order = ranking(&tally.numerators, &self.screening.eligible());
        let recommendation = recommend_from(&tally, &order, &tally.scores(), &self.screening);
        (recommendation.leader() != self.recommendation.leader()).then_some(recommendation)
    }
}

/// Only the recommendation for `weights` with `requirements`: no contributions, no flip search. For
/// lists of presets and profiles, and members' verdicts, where that is all that is shown.
#[must_use]
pub(crate) fn recommend_with(dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Recommendation {
    let screening = Screening::of(dataset, requirements);
    let tally = Tally::new(dataset, weights);
    recommend_from(&tally, &ranking(&tally.numerators, &screening.eligible()), &tally.scores(), &screening)
}

/// `order` holds the eligible options only, best first.
fn recommend_from(tally: &Tally, order: &[usize], scores: &[f64], screening: &Screening) -> Recommendation {
    let options = tally.numerators.len();
    if order.is_empty()
        && let Some(nearest) = screening.nearest(|o| tally.numerators[o])
    {
        return Recommendation::NoneEligible { nearest, shortfall: screening.total_shortfall(nearest) };
    }
    // The requirements alone decide: one option is left, whatever the weights.
    if order.len() == 1 && options > 1 {
        return Recommendation::Only { option: order[0] };
    }
    if tally.weight_sum == 0 || order.len() < 2 {
        return Recommendation::NoWeights;
    }
    let (first, second) = (order[0], order[1]);
    if tally.numerators[first] == tally.numerators[second] {
        let top = tally.numerators[first];
        let options = order.iter().copied().filter(|&o| tally.numerators[o] == top).collect();
        return Recommendation::Tie { options };
    }
    let margin = scores[first] - scores[second];
    // margin < CLOSE_CALL_POINTS, decided exactly: 10 * gap / sum < C is 10 * gap < C * sum.
    let gap = tally.numerators[first] - tally.numerators[second];
    let close_call = 10 * gap < CLOSE_CALL_POINTS * tally.weight_sum;
    Recommendation::Lead { option: first, runner_up: second, margin, close_call }
}

fn contributions(
    dataset: &Dataset,
    weights: &[u8],
    leader: usize,
    runner_up: usize,
    weight_sum: u64,
) -> Vec<Contribution> {
    let mut out: Vec<Contribution> = dataset
        .dimensions
        .iter()
        .zip(weights)
        .enumerate()
        .filter(|&(_, (_, &weight))| weight > 0)
        .map(|(index, (dimension, &weight))| {
            let gap =
                f64::from(dimension.assessments[leader].rating) - f64::from(dimension.assessments[runner_up].rating);
            Contribution { dimension: index, points: 10.0 * f64::from(weight) * gap / weight_sum as f64 }
        })
        .filter(|c| c.points != 0.0)
        .collect();
    out.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()).then(a.dimension.cmp(&b.dimension)));
    out
}

/// Each dimension's stability interval for `leader`. With the leader's lead over rival `B` written as
/// `C + w * g` in the dimension's weight `w` (`g` the rating gap, `C` the rest), the lead holds where
/// `w > -C / g` for each `g > 0` and `w < C / -g` for each `g < 0`; exactly, in integers.
fn stability(dataset: &Dataset, weights: &[u8], tally: &Tally, leader: usize, eligible: &[bool]) -> Vec<Stability> {
    let numerator = |option: usize| i64::try_from(tally.numerators[option]).unwrap_or(i64::MAX);
    dataset
        .dimensions
        .iter()
        .zip(weights)
        .enumerate()
        .map(|(index, (dimension, &weight))| {
            let rating = |option: usize| i64::from(dimension.assessments[option].rating);
            let (mut low, mut high) = (0, i64::from(SCALE_MAX));
            for rival in (0..dataset.options.len()).filter(|&o| o != leader && eligible[o]) {
                let gap = rating(leader) - rating(rival);
                let rest = numerator(leader) - numerator(rival) - i64::from(weight) * gap;
                if gap > 0 {
                    low = low.max((-rest).div_euclid(gap) + 1);
                } else if gap < 0 {
                    // w < rest / -gap, so w <= ceil(rest / -gap) - 1.
                    high = high.min(-(-rest).div_euclid(-gap) - 1);
                }
            }
            let clamp = |w: i64| u8::try_from(w.clamp(0, i64::from(SCALE_MAX))).unwrap_or(SCALE_MAX);
            Stability { dimension: index, weight, low: clamp(low), high: clamp(high) }
        })
        .collect()
}

/// For each dimension, the weight nearest its current one at which a different option leads strictly:
/// outside the stability interval (past a tie at its edge, if there is one). Equal distances prefer
/// raising the weight: "matters more" is the usual question.
fn flips(
    dataset: &Dataset,
    weights: &[u8],
    tally: &Tally,
    leader: Option<usize>,
    stability: &[Stability],
    eligible: &[bool],
) -> Vec<Flip> {
    let mut out = Vec::new();
    for (i, (dimension, &current)) in dataset.dimensions.iter().zip(weights).enumerate() {
        let leader_at = |w: u8| {
            let numerators = tally
                .numerators
                .iter()
                .zip(&dimension.assessments)
                .map(|(&n, a)| n + u64::from(w) * u64::from(a.rating) - u64::from(current) * u64::from(a.rating));
            // A zero weight sum leaves no leader whatever the numerators say.
            (tally.weight_sum + u64::from(w) - u64::from(current) > 0)
                .then(|| strict_leader(numerators, eligible))
                .flatten()
        };
        let inside = |w: u8| stability.get(i).is_some_and(|s| s.holds(w));
        let candidates = (1..=SCALE_MAX).flat_map(|step| [current.checked_add(step), current.checked_sub(step)]);
        let flip = candidates.flatten().filter(|&w| w <= SCALE_MAX && !inside(w)).find_map(|w| {
            leader_at(w).filter(|&o| Some(o) != leader).map(|option| Flip { dimension: i, weight: w, option })
        });
        out.extend(flip);
    }
    out.sort_by_key(|f| (f.distance(weights), f.dimension));
    out
}

/// Every option's score (0-100) at each weight 0-10 of `dimension`, all other weights unchanged: the
/// lines of a sensitivity chart. `scores[w][option]`.
#[must_use]
pub fn scores_along(dataset: &Dataset, weights: &[u8], dimension: usize) -> Vec<Vec<f64>> {
    let tally = Tally::new(dataset, weights);
    let current = u64::from(weights[dimension]);
    let ratings = &dataset.dimensions[dimension].assessments;
    (0..=u64::from(SCALE_MAX))
        .map(|w| {
            let weight_sum = tally.weight_sum + w - current;
            tally
                .numerators
                .iter()
                .zip(ratings)
                .map(|(&n, a)| score(n + w * u64::from(a.rating) - current * u64::from(a.rating), weight_sum))
                .collect()
        })
        .collect()
}

/// For each weighted dimension and option, the nearest rating (0-10) of that option there, everything
/// else unchanged, at which a different option leads outright; nearest first. Equal distances try the
/// higher rating first.
#[must_use]
pub fn rating_flips(dataset: &Dataset, weights: &[u8]) -> Vec<RatingFlip> {
    rating_flips_with(dataset, weights, &Requirements::NONE)
}

/// [`rating_flips`] with `requirements`: a changed rating may also make its option meet or fail a
/// requirement on that dimension, so required dimensions count even at weight 0.
#[must_use]
pub fn rating_flips_with(dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Vec<RatingFlip> {
    let tally = Tally::new(dataset, weights);
    let screening = Screening::of(dataset, requirements);
    let eligible = screening.eligible();
    let leader = recommend_from(&tally, &ranking(&tally.numerators, &eligible), &tally.scores(), &screening).leader();
    let mut out = Vec::new();
    for (index, (dimension, &weight)) in dataset.dimensions.iter().zip(weights).enumerate() {
        let required = requirements.get(index);
        if weight == 0 && required.is_none() {
            continue;
        }
        for (option, assessment) in dimension.assessments.iter().enumerate() {
            let rating = assessment.rating;
            // Whether `option` meets every requirement with its rating here at `to`.
            let other_shortfalls = screening.failing[option].iter().filter(|s| s.dimension != index).count();
            let leader_at = |to: u8| {
                let numerators = tally.numerators.iter().enumerate().map(|(o, &n)| {
                    if o == option {
                        n + u64::from(weight) * u64::from(to) - u64::from(weight) * u64::from(rating)
                    } else {
                        n
                    }
                });
                if requirements.is_empty() {
                    return strict_leader(numerators, &eligible);
                }
                let mut eligible_at = eligible.clone();
                eligible_at[option] = other_shortfalls == 0 && required.is_none_or(|min| to >= min);
                strict_leader(numerators, &eligible_at)
            };
            let candidates = (1..=SCALE_MAX).flat_map(|step| [rating.checked_add(step), rating.checked_sub(step)]);
            let flip = candidates.flatten().filter(|&to| to <= SCALE_MAX).find_map(|to| {
                let new = leader_at(to).filter(|&o| Some(o) != leader)?;
                Some(RatingFlip { dimension: index, option, rating, to, leader: new })
            });
            out.extend(flip);
        }
    }
    out.sort_by_key(|f| (f.distance(), f.dimension, f.option));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::parse;

    /// Two options, three dimensions: a = (8, 2, 5), b = (4, 6, 5).
    fn fixture() -> Dataset {
        let dimension = |id: &str, a: u8, b: u8| {
            format!(
                "[[dimensions]]\nid = \"{id}\"\nname = \"{id}\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
                 [dimensions.ratings.a]\nrating = {a}\nrationale = \"r\"\n\
                 [dimensions.ratings.b]\nrating = {b}\nrationale = \"r\"\n"
            )
        };
        let source = format!(
            "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n{}{}{}",
            dimension("x", 8, 4),
            dimension("y", 2, 6),
            dimension("z", 5, 5)
        );
        parse(&source, "fixture").unwrap()
    }

    #[test]
    fn scores_are_weighted_means_scaled_to_100() {
        let d = fixture();
        // a: 10 * (2*8 + 1*2 + 1*5) / 4 = 57.5; b: 10 * (2*4 + 1*6 + 1*5) / 4 = 47.5
        let e = evaluate(&d, &[2, 1, 1]);
        assert_eq!(e.scores, vec![57.5, 47.5]);
        assert_eq!(e.recommendation, Recommendation::Lead { option: 0, runner_up: 1, margin: 10.0, close_call: false });
    }

    #[test]
    fn no_weights_means_no_recommendation() {
        let e = evaluate(&fixture(), &[0, 0, 0]);
        assert_eq!(e.recommendation, Recommendation::NoWeights);
        assert_eq!(e.scores, vec![0.0, 0.0]);
        assert!(e.contributions.is_empty());
    }

    #[test]
    fn equal_scores_are_a_tie() {
        // a: 8 + 2 = 10, b: 4 + 6 = 10
        let e = evaluate(&fixture(), &[1, 1, 0]);
        assert_eq!(e.recommendation, Recommendation::Tie { options: vec![0, 1] });
        assert!(e.recommendation.is_close_call());
        assert!(e.contributions.is_empty(), "a tie has no lead to explain");
    }

    #[test]
    fn exactly_five_points_is_not_a_close_call() {
        // Weights [1, 0, 7]: a = 10 * (8 + 35) / 8 = 53.75, b = 10 * (4 + 35) / 8 = 48.75, exactly 5 points
        // apart (a difference floating point may put a hair either side of 5); [1, 0, 8] gives 4.4.
        let e = evaluate(&fixture(), &[1, 0, 7]);
        assert!(matches!(e.recommendation, Recommendation::Lead { close_call: false, .. }), "{:?}", e.recommendation);
        let e = evaluate(&fixture(), &[1, 0, 8]);
        assert!(matches!(e.recommendation, Recommendation::Lead { close_call: true, .. }), "{:?}", e.recommendation);
    }

    #[test]
    fn a_small_margin_is_a_close_call() {
        // a: 10 * (8*4 + 2*3 + 5*3) / 10 = 53, b: 10 * (4*4 + 6*3 + 5*3) / 10 = 49
        let e = evaluate(&fixture(), &[4, 3, 3]);
        assert_eq!(e.recommendation, Recommendation::Lead { option: 0, runner_up: 1, margin: 4.0, close_call: true });
    }

    #[test]
    fn contributions_explain_the_margin() {
        let e = evaluate(&fixture(), &[2, 1, 1]);
        // x: 10*2*(8-4)/4 = 20, y: 10*1*(2-6)/4 = -10, z: 0 (left out).
        assert_eq!(
            e.contributions,
            vec![Contribution { dimension: 0, points: 20.0 }, Contribution { dimension: 1, points: -10.0 },]
        );
        let sum: f64 = e.contributions.iter().map(|c| c.points).sum();
        assert!((sum - e.recommendation.margin()).abs() < 1e-9);
    }

    #[test]
    fn scores_along_a_weight_are_the_scores_at_each_weight() {
        let d = fixture();
        let along = scores_along(&d, &[2, 1, 1], 1);
        assert_eq!(along.len(), 11);
        for (w, scores) in along.iter().enumerate() {
            assert_eq!(*scores, evaluate(&d, &[2, w as u8, 1]).scores, "weight {w}");
        }
    }

    #[test]
    fn flips_name_the_nearest_weight_that_changes_the_leader() {
        // At [2, 1, 1] a leads by 10. y favours b: a = 16+2w+5, b = 8+6w+5; b leads once 4w > 8, w >= 3.
        // x favours a: lowering x to 0 gives a = 7, b = 11 with w_y = 1: b leads at x = 0; at x = 1, tie.
        let e = evaluate(&fixture(), &[2, 1, 1]);
        // Both are two steps away; equal distances list in dimension order.
        assert_eq!(
            e.flips,
            vec![Flip { dimension: 0, weight: 0, option: 1 }, Flip { dimension: 1, weight: 3, option: 1 },]
        );
        // z rates both the same: it can never flip anything.
        assert!(e.flips.iter().all(|f| f.dimension != 2));
    }

    #[test]
    fn flips_from_no_weights_say_what_any_weight_would_recommend() {
        let e = evaluate(&fixture(), &[0, 0, 0]);
        assert_eq!(
            e.flips,
            vec![Flip { dimension: 0, weight: 1, option: 0 }, Flip { dimension: 1, weight: 1, option: 1 },]
        );
    }
}
