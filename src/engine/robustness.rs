//! How sure the verdict is, given that every rating and every weight is a judgement: the share of
//! plausible ratings and weights in which each option comes out on top. This is SMAA-2's rank-1
//! acceptability index (Lahdelma and Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis
//! for group decision making", Operations Research 49(3), 2001): each rating is drawn, independently and
//! uniformly, from the whole numbers of its range `low..=high`, and each weight from the whole numbers
//! of its own range (see [`WeightRanges`]): the user's weight ±N clamped to 0-10, the team's range of
//! weights, or the weight alone (fixed, as SMAA-2 with exact weights).
//!
//! With every weight fixed, each sample draws, dimension by dimension in dataset order and skipping the
//! dimensions weighted 0, each option's rating whose range holds more than one value, in option order:
//! fixed weights give exactly the shares of the sampling before weights were drawn. With weights drawn,
//! one draw per dimension (skipping those whose weight can only be 0) picks its weight and every
//! option's rating together, among every combination of them (listed beforehand, with each option's
//! weight × rating): the same distribution as drawing each value apart, in one draw instead of one per
//! value. A dimension with too many combinations to list has its weight, then each rating, drawn apart,
//! after the listed ones.
//!
//! The draws come from `SplitMix64` (Steele, Lea and Flood, 2014; Vigna's reference code), seeded, each
//! 64-bit output split into four 16-bit parts, each reduced to a range by Lemire's unbiased
//! multiply-and-reject: the same inputs give the same shares on every platform and every run.

use crate::engine::data::{Dataset, MAX_DIMENSIONS, MAX_OPTIONS, SCALE_MAX};
use crate::engine::requirements::Requirements;
use crate::engine::splitmix::SplitMix64;

/// Samples drawn when nothing else is asked for.
pub const DEFAULT_SAMPLES: u32 = 10_000;
/// The seed when nothing else is asked for.
pub const DEFAULT_SEED: u64 = 1;
/// An option that comes first in at least this share of samples is a call the evidence supports;
/// below it, for every option, the verdict is too close to call on this evidence.
pub const CONFIDENT_SHARE: f64 = 0.75;
/// How far each weight varies either way when nothing else is asked for (`--weight-spread`).
pub const DEFAULT_WEIGHT_SPREAD: u8 = 1;
/// The widest `--weight-spread`: past ±3 a weight of 5 could be anything from 2 to 8, and the shares
/// would say more about the spread than about the weights.
pub const MAX_WEIGHT_SPREAD: u8 = 3;

/// How the weights vary in the draws, and so what the shares were drawn over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Spread {
    /// Every weight as given: only the ratings are drawn.
    #[default]
    Fixed,
    /// Every weight within ±N of its own, clamped to 0-10.
    Within(u8),
    /// Each weight within the team members' range for its dimension (`--weight-spread` N above 0).
    Team(u8),
}

impl Spread {
    /// `"fixed"`, `"spread"` or `"team"`, as JSON says it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Fixed => "fixed",
            Self::Within(_) => "spread",
            Self::Team(_) => "team",
        }
    }

    /// The `--weight-spread` it came from: 0 for fixed weights.
    #[must_use]
    pub fn n(self) -> u8 {
        match self {
            Self::Fixed => 0,
            Self::Within(n) | Self::Team(n) => n,
        }
    }

    /// What the shares were drawn over, to follow "first in 92% of": "plausible ratings", "plausible
    /// ratings and weights ±1", "plausible ratings and the team's range of weights".
    #[must_use]
    pub fn drawn_over(self) -> String {
        match self {
            Self::Fixed => "plausible ratings".to_owned(),
            Self::Within(n) => format!("plausible ratings and weights ±{n}"),
            Self::Team(_) => "plausible ratings and the team's range of weights".to_owned(),
        }
    }
}

/// The whole numbers each weight is drawn from, one `(low, high)` per dimension, and how they came about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightRanges {
    pub spread: Spread,
    pub ranges: Vec<(u8, u8)>,
}

impl WeightRanges {
    /// Every weight as given.
    #[must_use]
    pub fn fixed(weights: &[u8]) -> Self {
        Self { spread: Spread::Fixed, ranges: weights.iter().map(|&w| (w, w)).collect() }
    }

    /// Every weight within ±`n` of its own, clamped to 0-10; fixed for 0.
    #[must_use]
    pub fn within(weights: &[u8], n: u8) -> Self {
        if n == 0 {
            return Self::fixed(weights);
        }
        let ranges = weights.iter().map(|&w| (w.saturating_sub(n), w.saturating_add(n).min(SCALE_MAX))).collect();
        Self { spread: Spread::Within(n), ranges }
    }

    /// A team's: each weight within the members' lowest and highest for its dimension (`members`, one
    /// pair per dimension), widened to take in the weight in force where it was moved outside them;
    /// fixed for `n` 0, as without a team.
    #[must_use]
    pub fn team(weights: &[u8], n: u8, members: &[(u8, u8)]) -> Self {
        if n == 0 {
            return Self::fixed(weights);
        }
        let ranges = weights.iter().zip(members).map(|(&w, &(low, high))| (low.min(w), high.max(w))).collect();
        Self { spread: Spread::Team(n), ranges }
    }

    /// [`Self::team`] with a team's ranges, else [`Self::within`].
    #[must_use]
    pub fn new(weights: &[u8], n: u8, team: Option<&[(u8, u8)]>) -> Self {
        match team {
            Some(members) => Self::team(weights, n, members),
            None => Self::within(weights, n),
        }
    }

    fn is_fixed(&self) -> bool {
        self.ranges.iter().all(|&(low, high)| low == high)
    }
}

/// Each option's share of first places over the samples, with its Monte Carlo standard error.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    pub samples: u32,
    pub seed: u64,
    /// How the weights varied.
    pub weights: Spread,
    /// One per option, in dataset order; they sum to 1 (an exact tie splits a first place equally).
    pub first: Vec<f64>,
    /// `sqrt(p * (1 - p) / samples)` for each share `p`.
    pub standard_error: Vec<f64>,
    /// With requirements, one per option: the share of samples in which its sampled ratings meet every
    /// one. `None` without requirements.
    pub passes: Option<Vec<f64>>,
}

impl Robustness {
    /// The option that comes first in at least [`CONFIDENT_SHARE`] of the samples, if one does.
    #[must_use]
    pub fn confident(&self) -> Option<usize> {
        self.first.iter().position(|&share| share >= CONFIDENT_SHARE)
    }
}

/// A first place, in units that every tie of up to eight options divides exactly (840 = lcm(1..=8)).
const WHOLE: u64 = 840;

/// Draws `samples` plausible rating sets (at least one) for fixed `weights` and counts first places.
#[must_use]
pub fn robustness(dataset: &Dataset, weights: &[u8], samples: u32, seed: u64) -> Robustness {
    robustness_over(dataset, &WeightRanges::fixed(weights), &Requirements::NONE, samples, seed)
}

/// Draws `samples` plausible sets of ratings and weights (at least one), each weight from its range in
/// `weights`, and counts first places. With `requirements`, an option whose sampled rating falls below
/// one is out of that sample's ranking; a sample in which every option is out is a first place for
/// none, so the shares then add up to less than 1.
#[must_use]
pub fn robustness_over(
    dataset: &Dataset,
    weights: &WeightRanges,
    requirements: &Requirements,
    samples: u32,
    seed: u64,
) -> Robustness {
    let mut draws = Sampler::new(dataset, weights, requirements, samples, seed);
    draws.run(samples);
    draws.result()
}

/// A different stream from the scoring draws' for the ratings only a requirement reads (those of
/// dimensions whose weight can only be 0), so that adding a requirement leaves every scoring draw where
/// it was.
const CHECK_STREAM: u64 = 0xA076_1D64_78BD_642F;

/// The most combinations of a weight and every option's rating that one draw picks among. Past it (many
/// options with wide ranges) the dimension's values are drawn one by one. Lemire's reduction at 16 bits
/// rejects under 2% of parts below it.
const MOST_COMBINATIONS: u32 = 1 << 10;

/// The most words of combinations one sampler lists (2 MiB): past them (a dataset of many thousand
/// dimensions with wide ranges), the remaining dimensions' values are drawn one by one.
const MOST_LISTED: usize = 1 << 18;

/// A sample adds two options' contributions with one addition, 32 bits of a word each: no total can
/// carry into the other's half.
const OPTIONS_PER_WORD: usize = 2;
const _: () = assert!(MAX_DIMENSIONS * (SCALE_MAX as usize).pow(2) < 1 << 32);

/// [`robustness_over`] a part at a time, for a screen that must answer keys meanwhile: the same draws in
/// the same order, so that the shares after the last part are those of one run.
#[derive(Debug, Clone)]
pub struct Sampler {
    /// What every sample shares: with fixed weights, each option's total at the lowest rating of every
    /// range; with drawn weights, over the dimensions with nothing to draw.
    fixed: Vec<u64>,
    /// Fixed weights: what each sample draws, (option, weight, span of the range, its rejection threshold).
    drawn: Vec<(usize, u64, u32, u32)>,
    /// Drawn weights: the dimensions whose weight and ratings one draw picks together (empty when fixed).
    joint: Vec<JointDraw>,
    /// Every combination of each of [`Self::joint`]'s dimensions: each option's weight × rating,
    /// combination by combination, two options to a word (see [`OPTIONS_PER_WORD`]).
    contributions: Vec<u64>,
    /// Drawn weights: the dimensions with too many combinations to list, drawn value by value.
    apart: Vec<DimensionDraw>,
    /// The rating ranges of [`Self::apart`]'s dimensions, dimension by dimension.
    ratings: Vec<RatingDraw>,
    /// Values (weights and ratings) drawn per sample, for [`Self::run_for`].
    per_sample: usize,
    rng: Draws,
    /// First places, in units of 1/[`WHOLE`].
    wins: Vec<u64>,
    totals: Vec<u64>,
    done: u32,
    samples: u32,
    seed: u64,
    checks: Checks,
    /// What this sampler was built for, and what became of each dimension: for [`Self::reweigh`].
    weight_ranges: WeightRanges,
    requirements: Requirements,
    slots: Vec<Slot>,
}

/// What a dimension is in a sampler's draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Weighted 0 whatever is drawn (or drawn with fixed weights): nothing to list.
    Unlisted,
    /// Nothing to draw: part of [`Sampler::fixed`].
    Shared,
    /// `Sampler::joint[i]`.
    Listed(usize),
    /// `Sampler::apart[i]`.
    Apart(usize),
}

/// What the requirements need from each sample; all empty without requirements. Options are bits of a
/// byte: a dataset has at most eight.
#[derive(Debug, Clone, Default)]
struct Checks {
    /// Whether there is any requirement (then `passes` is reported).
    any: bool,
    /// The option fails when the draw is below this (0: never), one per entry of `Sampler::drawn` with
    /// fixed weights, or of `Sampler::ratings` with drawn weights; empty when no such draw can fail.
    fails_below: Vec<u32>,
    /// The options that fail a requirement in each combination of `Sampler::joint`'s dimensions; empty
    /// when none can.
    failing: Vec<u8>,
    /// (option, span, rejection threshold, fails below) for the required ratings of dimensions whose
    /// weight can only be 0, which the scoring draws skip; only those that can fail.
    extra: Vec<(usize, u32, u32, u32)>,
    /// Options out of every sample: a fixed rating below a requirement.
    always_out: u8,
    /// Samples each option passed in.
    passed: Vec<u64>,
    rng: Option<Draws>,
}

/// A dimension whose weight and every option's rating one draw picks: combination `k`'s contributions
/// are `Sampler::contributions[(first + k) * words..][..words]`.
#[derive(Debug, Clone, Copy)]
struct JointDraw {
    /// How many combinations (1: nothing to draw).
    span: u32,
    threshold: u32,
    /// The number of this dimension's first combination among every listed one's.
    first: usize,
}

/// A dimension drawn value by value: its weight range, and where its ratings are.
#[derive(Debug, Clone, Copy)]
struct DimensionDraw {
    low: u64,
    span: u32,
    threshold: u32,
    /// `ratings[first..end]` in [`Sampler::ratings`].
    first: usize,
    end: usize,
}

/// One option's rating range on one dimension.
#[derive(Debug, Clone, Copy)]
struct RatingDraw {
    option: usize,
    low: u64,
    span: u32,
    threshold: u32,
}

impl Sampler {
    /// `samples` draws (at least one) of `dataset`'s ratings, and of its weights from `weights`, with
    /// `requirements` checked in each (see [`robustness_over`]).
    #[must_use]
    pub fn new(
        dataset: &Dataset,
        weights: &WeightRanges,
        requirements: &Requirements,
        samples: u32,
        seed: u64,
    ) -> Self {
        let options = dataset.options.len();
        let mut this = Self {
            fixed: vec![0; options],
            drawn: Vec::new(),
            joint: Vec::new(),
            contributions: Vec::new(),
            apart: Vec::new(),
            ratings: Vec::new(),
            per_sample: 0,
            rng: Draws::new(seed),
            wins: vec![0; options],
            totals: vec![0; options],
            done: 0,
            samples: samples.max(1),
            seed,
            checks: Checks::default(),
            weight_ranges: weights.clone(),
            requirements: requirements.clone(),
            slots: vec![Slot::Unlisted; dataset.dimensions.len()],
        };
        // What can fail a requirement, parallel to the draws that score; kept only if something can.
        let mut fails_below = Vec::new();
        let mut failing = Vec::new();
        let (fixed, checking) = (weights.is_fixed(), !requirements.is_empty());
        // One dimension's rating ranges: (lowest, span, how far up it a draw must reach to meet the
        // requirement), option by option.
        let mut ranges: Vec<(u64, u32, u32)> = Vec::with_capacity(options);
        for (index, (dimension, &(low, high))) in dataset.dimensions.iter().zip(&weights.ranges).enumerate() {
            rating_ranges(dimension, requirements.get(index), &mut ranges);
            for (option, &(_, span, below)) in ranges.iter().enumerate() {
                if below >= span {
                    this.checks.always_out |= 1 << option;
                }
                if high == 0 && below > 0 && below < span {
                    this.checks.extra.push((option, span, Draws::threshold(span), below));
                }
            }
            if high == 0 {
                continue;
            }
            if fixed {
                // The sampling from before weights were drawn, kept as it was: the weights multiply in once.
                let weight = u64::from(low);
                for (option, &(rating, span, below)) in ranges.iter().enumerate() {
                    this.fixed[option] += weight * rating;
                    if span > 1 {
                        this.drawn.push((option, weight, span, Draws::threshold(span)));
                        fails_below.push(below);
                    }
                }
                continue;
            }
            let spans = spans(low, high, &ranges);
            this.per_sample += spans.iter().filter(|&&span| span > 1).count();
            let count = spans.iter().copied().fold(1, u32::saturating_mul);
            let words = count as usize * options.div_ceil(OPTIONS_PER_WORD);
            if count == 1 {
                // Nothing to draw: what every sample shares.
                this.slots[index] = Slot::Shared;
                for (option, &(rating, _, _)) in ranges.iter().enumerate() {
                    this.fixed[option] += u64::from(low) * rating;
                }
            } else if count <= MOST_COMBINATIONS && this.contributions.len() + words <= MOST_LISTED {
                this.slots[index] = Slot::Listed(this.joint.len());
                this.joint.push(JointDraw { span: count, threshold: Draws::threshold(count), first: failing.len() });
                combinations(low, &spans, &ranges, |contributions, fails| {
                    this.contributions.extend(pack(contributions));
                    failing.push(fails);
                });
            } else {
                this.slots[index] = Slot::Apart(this.apart.len());
                let first = this.ratings.len();
                for (option, &(low, span, below)) in ranges.iter().enumerate() {
                    this.ratings.push(RatingDraw { option, low, span, threshold: Draws::threshold(span) });
                    fails_below.push(below);
                }
                let (threshold, end) = (Draws::threshold(spans[0]), this.ratings.len());
                this.apart.push(DimensionDraw { low: u64::from(low), span: spans[0], threshold, first, end });
            }
        }
        this.per_sample += this.drawn.len();
        this.totals.clone_from(&this.fixed);
        if checking {
            let checks = &mut this.checks;
            checks.any = true;
            checks.passed = vec![0; options];
            if fails_below.iter().any(|&below| below > 0) {
                checks.fails_below = fails_below;
            }
            if failing.iter().any(|&fails| fails != 0) {
                checks.failing = failing;
            }
            checks.rng = Some(Draws::new(seed ^ CHECK_STREAM));
        }
        this
    }

    /// Becomes [`Self::new`]'s sampler for these arguments, the same draws in the same order, from the
    /// start. Where only weight ranges moved, each keeping its size and staying above 0 or at 0, only
    /// their dimensions' combinations are listed again: a weight change on a large dataset then costs a
    /// few hundred combinations, not all of them.
    pub fn reweigh(
        &mut self,
        dataset: &Dataset,
        weights: &WeightRanges,
        requirements: &Requirements,
        samples: u32,
        seed: u64,
    ) {
        let size = |&(low, high): &(u8, u8)| (high - low, high > 0);
        let old = &self.weight_ranges;
        let in_place = (samples.max(1), seed) == (self.samples, self.seed)
            && !old.is_fixed()
            && !weights.is_fixed()
            && *requirements == self.requirements
            && old.ranges.len() == weights.ranges.len()
            && old.ranges.iter().zip(&weights.ranges).all(|(old, new)| size(old) == size(new));
        if !in_place {
            *self = Self::new(dataset, weights, requirements, samples, seed);
            return;
        }
        let words = self.totals.len().div_ceil(OPTIONS_PER_WORD);
        let mut ranges = Vec::with_capacity(self.totals.len());
        self.fixed.fill(0);
        for (index, (dimension, &(low, high))) in dataset.dimensions.iter().zip(&weights.ranges).enumerate() {
            let moved = self.weight_ranges.ranges[index] != (low, high);
            match self.slots[index] {
                Slot::Listed(i) if moved => {
                    rating_ranges(dimension, requirements.get(index), &mut ranges);
                    let draw = self.joint[i];
                    let mut words_of = self.contributions[draw.first * words..].chunks_exact_mut(words);
                    combinations(low, &spans(low, high, &ranges), &ranges, |contributions, _| {
                        if let Some(slot) = words_of.next() {
                            for (word, packed) in slot.iter_mut().zip(pack(contributions)) {
                                *word = packed;
                            }
                        }
                    });
                }
                Slot::Apart(i) => self.apart[i].low = u64::from(low),
                Slot::Shared => {
                    for (total, assessment) in self.fixed.iter_mut().zip(&dimension.assessments) {
                        *total += u64::from(low) * u64::from(assessment.low);
                    }
                }
                Slot::Listed(_) | Slot::Unlisted => {}
            }
        }
        self.weight_ranges.clone_from(weights);
        self.rng = Draws::new(self.seed);
        self.wins.fill(0);
        self.totals.clone_from(&self.fixed);
        self.done = 0;
        self.checks.passed.fill(0);
        if let Some(rng) = &mut self.checks.rng {
            *rng = Draws::new(self.seed ^ CHECK_STREAM);
        }
    }

    /// Draws up to `more` samples, no further than the number asked for; whether all are drawn.
    pub fn run(&mut self, more: u32) -> bool {
        // Apart, so that the loop without requirements stays small enough for the draws to inline at
        // opt-level "s".
        if self.checks.any {
            return self.run_checked(more);
        }
        let count = more.min(self.samples - self.done);
        // The generator in a local, and each field borrowed apart: the compiler can then keep the
        // generator's state in registers rather than store it after every write to a total.
        let mut rng = self.rng.clone();
        let Self { fixed, drawn, joint, contributions, apart, ratings, wins, totals, .. } = self;
        let words = totals.len().div_ceil(OPTIONS_PER_WORD);
        for _ in 0..count {
            totals.copy_from_slice(fixed);
            for &(option, weight, span, threshold) in drawn.iter() {
                totals[option] += weight * u64::from(rng.below(span, threshold));
            }
            // Two options, the usual case, add up in one register; up to four, in two.
            match words {
                _ if joint.is_empty() => {}
                1 => unpack(totals, &listed_sums::<1>(joint, contributions, &mut rng)),
                2 => unpack(totals, &listed_sums::<2>(joint, contributions, &mut rng)),
                _ => {
                    let mut sums = [0; MAX_OPTIONS / OPTIONS_PER_WORD];
                    for dimension in joint.iter() {
                        let k = rng.maybe_below(dimension.span, dimension.threshold) as usize;
                        add(&mut sums, &contributions[(dimension.first + k) * words..][..words]);
                    }
                    unpack(totals, &sums);
                }
            }
            for dimension in apart.iter() {
                let weight = dimension.low + rng.maybe_below(dimension.span, dimension.threshold);
                for rating in &ratings[dimension.first..dimension.end] {
                    totals[rating.option] += weight * (rating.low + rng.maybe_below(rating.span, rating.threshold));
                }
            }
            let best = totals.iter().copied().max().unwrap_or(0);
            let tied = totals.iter().filter(|&&total| total == best).count() as u64;
            for (win, _) in wins.iter_mut().zip(totals.iter()).filter(|&(_, &total)| total == best) {
                *win += WHOLE / tied.max(1);
            }
        }
        self.rng = rng;
        self.done += count;
        self.is_done()
    }

    /// [`Self::run`] with requirements: an option whose drawn rating falls below one is out of that
    /// sample's ranking. The same draws in the same order as [`Self::run`].
    #[inline(never)]
    fn run_checked(&mut self, more: u32) -> bool {
        let count = more.min(self.samples - self.done);
        let Self { fixed, drawn, joint, contributions, apart, ratings, wins, totals, rng, checks, .. } = self;
        let words = totals.len().div_ceil(OPTIONS_PER_WORD);
        for _ in 0..count {
            totals.copy_from_slice(fixed);
            let mut out = checks.always_out;
            for (i, &(option, weight, span, threshold)) in drawn.iter().enumerate() {
                let draw = rng.below(span, threshold);
                totals[option] += weight * u64::from(draw);
                out |= u8::from(checks.fails_below.get(i).is_some_and(|&below| draw < below)) << option;
            }
            let mut sums = [0; MAX_OPTIONS / OPTIONS_PER_WORD];
            for dimension in joint.iter() {
                let k = rng.maybe_below(dimension.span, dimension.threshold) as usize;
                add(&mut sums, &contributions[(dimension.first + k) * words..][..words]);
                out |= checks.failing.get(dimension.first + k).copied().unwrap_or(0);
            }
            unpack(totals, &sums);
            for dimension in apart.iter() {
                let weight = dimension.low + rng.maybe_below(dimension.span, dimension.threshold);
                for (i, rating) in ratings.iter().enumerate().take(dimension.end).skip(dimension.first) {
                    let draw = rng.maybe_below(rating.span, rating.threshold);
                    totals[rating.option] += weight * (rating.low + draw);
                    let fails = checks.fails_below.get(i).is_some_and(|&below| draw < u64::from(below));
                    out |= u8::from(fails) << rating.option;
                }
            }
            let out = checks.sample_rest(out);
            rank(totals, out, wins);
        }
        self.done += count;
        self.is_done()
    }

    /// Draws about `ratings` values' worth of samples (at least one); whether all are drawn.
    pub fn run_for(&mut self, ratings: usize) -> bool {
        let samples = (ratings / self.per_sample.max(1)).max(1);
        self.run(u32::try_from(samples).unwrap_or(u32::MAX))
    }

    #[must_use]
    pub fn is_done(&self) -> bool {
        self.done >= self.samples
    }

    /// (samples drawn, samples asked for).
    #[must_use]
    pub fn progress(&self) -> (u32, u32) {
        (self.done, self.samples)
    }

    /// The shares over the samples drawn so far (all zero before the first).
    #[must_use]
    pub fn result(&self) -> Robustness {
        let drawn = f64::from(self.done.max(1));
        let first: Vec<f64> = self.wins.iter().map(|&win| win as f64 / (WHOLE as f64 * drawn)).collect();
        let standard_error = first.iter().map(|&p| (p * (1.0 - p) / drawn).sqrt()).collect();
        let passes = self.checks.any.then(|| self.checks.passed.iter().map(|&n| n as f64 / drawn).collect());
        Robustness {
            samples: self.done,
            seed: self.seed,
            weights: self.weight_ranges.spread,
            first,
            standard_error,
            passes,
        }
    }
}

impl Checks {
    /// This sample's `out` completed with the ratings only a requirement reads; counts who passed.
    fn sample_rest(&mut self, mut out: u8) -> u8 {
        if let Some(rng) = self.rng.as_mut() {
            for &(option, span, threshold, below) in &self.extra {
                out |= u8::from(rng.below(span, threshold) < below) << option;
            }
        }
        for (option, passed) in self.passed.iter_mut().enumerate() {
            *passed += u64::from(out >> option & 1 == 0);
        }
        out
    }
}

/// This sample's first place among the options not `out` of it (none when every one is out).
fn rank(totals: &[u64], out: u8, wins: &mut [u64]) {
    let counted = || totals.iter().enumerate().filter(|&(option, _)| out >> option & 1 == 0).map(|(_, &total)| total);
    let Some(best) = counted().max() else { return };
    let tied = counted().filter(|&total| total == best).count() as u64;
    for (option, (win, &total)) in wins.iter_mut().zip(totals).enumerate() {
        if out >> option & 1 == 0 && total == best {
            *win += WHOLE / tied;
        }
    }
}

/// One dimension's rating ranges, option by option, into `out`: (lowest, span, how far up it a draw
/// must reach to meet the must-have `min`).
fn rating_ranges(dimension: &crate::engine::data::Dimension, min: Option<u8>, out: &mut Vec<(u64, u32, u32)>) {
    out.clear();
    out.extend(dimension.assessments.iter().map(|assessment| {
        let below = min.map_or(0, |min| u32::from(min.saturating_sub(assessment.low)));
        (u64::from(assessment.low), u32::from(assessment.high - assessment.low) + 1, below)
    }));
}

/// The spans of a dimension's values: its weight's (`low..=high`), then each option's rating's.
fn spans(low: u8, high: u8, ratings: &[(u64, u32, u32)]) -> [u32; MAX_OPTIONS + 1] {
    let mut spans = [1_u32; MAX_OPTIONS + 1];
    spans[0] = u32::from(high - low) + 1;
    for (span, &(_, rating_span, _)) in spans[1..].iter_mut().zip(ratings) {
        *span = rating_span;
    }
    spans
}

/// Every combination of one dimension's weight (from `low`) and each option's rating (`ratings`:
/// lowest, span, fails below), in the order a draw numbers them, given to `each` as each option's
/// weight × rating and the options (a bit each) that fail the must-have. Combination k is a number whose
/// digits are the weight's (the lowest) and then each option's rating's, each in the base of its span
/// (`spans`).
fn combinations(low: u8, spans: &[u32], ratings: &[(u64, u32, u32)], mut each: impl FnMut(&[u64], u8)) {
    let count: u32 = spans.iter().product();
    let mut digits = [0_u32; MAX_OPTIONS + 1];
    let mut contributions = [0_u64; MAX_OPTIONS];
    for _ in 0..count {
        let weight = u64::from(low) + u64::from(digits[0]);
        let mut fails = 0_u8;
        for (option, (&(rating, _, below), &drawn)) in ratings.iter().zip(&digits[1..]).enumerate() {
            contributions[option] = weight * (rating + u64::from(drawn));
            fails |= u8::from(drawn < below) << option;
        }
        each(&contributions[..ratings.len()], fails);
        // The next number: a digit that reaches its base goes back to 0 and carries.
        for (digit, &span) in digits.iter_mut().zip(spans) {
            *digit += 1;
            if *digit < span {
                break;
            }
            *digit = 0;
        }
    }
}

/// Each option's contribution packed two to a word (see [`OPTIONS_PER_WORD`]).
fn pack(contributions: &[u64]) -> impl Iterator<Item = u64> + '_ {
    contributions.chunks(OPTIONS_PER_WORD).map(|pair| pair.iter().rev().fold(0, |word, &c| word << 32 | c))
}

/// Adds a combination's words to a sample's sums.
#[allow(clippy::inline_always)] // once per dimension of a sample
#[inline(always)]
fn add(sums: &mut [u64], words: &[u64]) {
    for (sum, &word) in sums.iter_mut().zip(words) {
        *sum += word;
    }
}

/// Adds a sample's sums, two options to a word, to each option's total.
fn unpack(totals: &mut [u64], sums: &[u64]) {
    for (option, total) in totals.iter_mut().enumerate() {
        *total += sums[option / OPTIONS_PER_WORD] >> (32 * (option % OPTIONS_PER_WORD)) & 0xFFFF_FFFF;
    }
}

/// A sample's sums over the listed dimensions, in exactly `W` words: the same draws in the same
/// order as the general loop, with the sums in registers.
#[allow(clippy::inline_always)] // the sampler's inner loop, once per sample
#[inline(always)]
fn listed_sums<const W: usize>(joint: &[JointDraw], contributions: &[u64], rng: &mut Draws) -> [u64; W] {
    let mut sums = [0_u64; W];
    for dimension in joint {
        let k = rng.maybe_below(dimension.span, dimension.threshold) as usize;
        add(&mut sums, &contributions[(dimension.first + k) * W..][..W]);
    }
    sums
}

/// Whole numbers below small bounds (a rating range spans at most 11), four from each 64-bit output.
#[derive(Debug, Clone)]
struct Draws {
    rng: SplitMix64,
    /// The unused 16-bit parts of the last output, lowest first.
    bits: u64,
    left: u32,
}

impl Draws {
    /// The draws of `seed`, from its first output.
    fn new(seed: u64) -> Self {
        Self { rng: SplitMix64::new(seed), bits: 0, left: 0 }
    }

    /// The low halves that [`Self::below`] rejects for `n`: `2^16 mod n`.
    fn threshold(n: u32) -> u32 {
        (1 << 16) % n
    }

    #[allow(clippy::inline_always)] // once per value drawn, in the sampler's inner loop
    #[inline(always)]
    fn part(&mut self) -> u32 {
        if self.left == 0 {
            (self.bits, self.left) = (self.rng.next(), 4);
        }
        let part = (self.bits & 0xFFFF) as u32;
        self.bits >>= 16;
        self.left -= 1;
        part
    }

    /// [`Self::below`], or 0 without drawing when `n` is 1: a range of one value takes nothing from the
    /// generator.
    #[allow(clippy::inline_always)] // once per value drawn, in the sampler's inner loop
    #[inline(always)]
    fn maybe_below(&mut self, n: u32, threshold: u32) -> u64 {
        if n > 1 { u64::from(self.below(n, threshold)) } else { 0 }
    }

    /// A whole number in `0..n`, every one equally likely (Lemire, "Fast random integer generation in
    /// an interval", 2019, at 16 bits): the high half of a 16x16-bit product, rejecting the few low
    /// halves below `threshold` that would favour some results.
    #[allow(clippy::inline_always)] // once per value drawn, in the sampler's inner loop
    #[inline(always)]
    fn below(&mut self, n: u32, threshold: u32) -> u32 {
        loop {
            let product = self.part() * n;
            if product & 0xFFFF >= threshold {
                return product >> 16;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sampling_in_parts_gives_the_shares_of_one_run() {
        let dataset = Dataset::builtin();
        let weights = dataset.default_weights();
        for ranges in [WeightRanges::fixed(&weights), WeightRanges::within(&weights, 2)] {
            let mut sampler = Sampler::new(&dataset, &ranges, &Requirements::NONE, 3_000, 5);
            let mut parts = 0;
            while !sampler.run_for(10_000) {
                parts += 1;
            }
            assert!(parts > 3, "{parts} parts");
            assert_eq!(sampler.progress(), (3_000, 3_000));
            assert_eq!(sampler.result(), robustness_over(&dataset, &ranges, &Requirements::NONE, 3_000, 5));
            assert!(sampler.run(10), "done, and never past the number asked for");
            assert_eq!(sampler.result().samples, 3_000);
        }
    }

    /// The shares of the sampling before weights were drawn, as its code printed them (`f64::to_bits`)
    /// for the built-in defaults and every preset, and for five options of a generated dataset: spread 0
    /// must give them bit for bit.
    const BEFORE_WEIGHTS_WERE_DRAWN: [(&str, u32, u64, [u64; 2]); 18] = [
        ("defaults", 10_000, 1, [0x3fe0_a43f_e5c9_1d15, 0x3fde_b780_346d_c5d6]),
        ("defaults", 997, 42, [0x3fe1_1b79_73cd_ac4b, 0x3fdd_c90d_1864_a76a]),
        ("realtime-chat", 10_000, 1, [0x3fef_69ad_42c3_c9ef, 0x3f92_ca57_a786_c227]),
        ("realtime-chat", 997, 42, [0x3fef_7c88_9a0f_eb75, 0x3f90_6eec_be02_9155]),
        ("crud-admin", 10_000, 1, [0x3fd2_ac08_3126_e979, 0x3fe6_a9fb_e76c_8b44]),
        ("crud-admin", 997, 42, [0x3fd2_cef4_f578_f056, 0x3fe6_9885_8543_87d5]),
        ("ml-api", 10_000, 1, [0x0000_0000_0000_0000, 0x3ff0_0000_0000_0000]),
        ("ml-api", 997, 42, [0x0000_0000_0000_0000, 0x3ff0_0000_0000_0000]),
        ("iot-backend", 10_000, 1, [0x3fe1_76c8_b439_5810, 0x3fdd_126e_978d_4fdf]),
        ("iot-backend", 997, 42, [0x3fe1_06ee_cbe0_2915, 0x3fdd_f222_683f_add5]),
        ("spa-bff", 10_000, 1, [0x3fef_ecbf_b15b_573f, 0x3f63_404e_a4a8_c155]),
        ("spa-bff", 997, 42, [0x3fef_f7c8_89a0_feb7, 0x3f50_6eec_be02_9155]),
        ("data-pipeline", 10_000, 1, [0x3f6a_36e2_eb1c_432d, 0x3fef_e5c9_1d14_e3bd]),
        ("data-pipeline", 997, 42, [0x3f70_6eec_be02_9155, 0x3fef_df22_2683_fadd]),
        ("cli-tooling", 10_000, 1, [0x3fe5_3611_3404_ea4b, 0x3fd5_93dd_97f6_2b6b]),
        ("cli-tooling", 997, 42, [0x3fe5_47a3_900c_5332, 0x3fd5_70b8_dfe7_599d]),
        ("llm-app", 10_000, 1, [0x3fea_c91d_14e3_bcd3, 0x3fc4_db8b_ac71_0cb3]),
        ("llm-app", 997, 42, [0x3fea_a3d1_c806_2999, 0x3fc5_70b8_dfe7_599d]),
    ];
    const GENERATED_BEFORE: [u64; 5] = [
        0x3fdc_1893_74bc_6a7f,
        0x0000_0000_0000_0000,
        0x3fca_4a8c_154c_985f,
        0x0000_0000_0000_0000,
        0x3fd6_c226_809d_4952,
    ];

    #[test]
    fn spread_0_gives_the_shares_of_fixed_weights_bit_for_bit() {
        let dataset = Dataset::builtin();
        for (name, samples, seed, bits) in BEFORE_WEIGHTS_WERE_DRAWN {
            let weights = if name == "defaults" {
                dataset.default_weights()
            } else {
                dataset.presets.iter().find(|p| p.id == name).unwrap().weights.clone()
            };
            for ranges in [WeightRanges::within(&weights, 0), WeightRanges::team(&weights, 0, &[(0, 10); 21])] {
                let shares = robustness_over(&dataset, &ranges, &Requirements::NONE, samples, seed);
                assert_eq!(shares.weights, Spread::Fixed);
                assert_eq!(shares.first.iter().map(|p| p.to_bits()).collect::<Vec<_>>(), bits, "{name} {seed}");
            }
        }
        let generated = crate::synthetic::dataset(40, 5, 3);
        let shares = robustness_over(
            &generated,
            &WeightRanges::within(&generated.default_weights(), 0),
            &Requirements::NONE,
            5_000,
            9,
        );
        assert_eq!(shares.first.iter().map(|p| p.to_bits()).collect::<Vec<_>>(), GENERATED_BEFORE);
    }

    #[test]
    fn weight_ranges_clamp_to_the_scale_and_take_in_the_weight_in_force() {
        let within = WeightRanges::within(&[0, 1, 5, 9, 10], 2);
        assert_eq!(within.ranges, vec![(0, 2), (0, 3), (3, 7), (7, 10), (8, 10)]);
        assert_eq!(within.spread, Spread::Within(2));
        let team = WeightRanges::team(&[4, 9, 0], 1, &[(2, 6), (3, 5), (1, 1)]);
        assert_eq!(team.ranges, vec![(2, 6), (3, 9), (0, 1)]);
        assert_eq!(team.spread, Spread::Team(1));
        assert_eq!(WeightRanges::new(&[4], 3, None), WeightRanges::within(&[4], 3));
    }

    #[test]
    fn the_words_say_what_was_drawn() {
        assert_eq!(Spread::Fixed.drawn_over(), "plausible ratings");
        assert_eq!(Spread::Within(1).drawn_over(), "plausible ratings and weights ±1");
        assert_eq!(Spread::Team(2).drawn_over(), "plausible ratings and the team's range of weights");
        assert_eq!(
            (Spread::Fixed.word(), Spread::Within(3).word(), Spread::Team(1).word()),
            ("fixed", "spread", "team")
        );
    }

    #[test]
    fn sampling_with_requirements_in_parts_gives_the_shares_of_one_run() {
        let dataset = Dataset::builtin();
        let weights = dataset.default_weights();
        let mut requirements = Requirements::default();
        // One weighted dimension and one at weight 0, both with ranges that straddle the minimum.
        let mut weights_with_zero = weights.clone();
        let realtime = dataset.dimension_index("realtime").unwrap();
        weights_with_zero[realtime] = 0;
        requirements.set(dataset.dimension_index("cpu-bound").unwrap(), 9);
        requirements.set(realtime, 8);
        // Fixed weights, and weights drawn (the one at 0 then drawn from 0-1: checked by the scoring draws).
        for ranges in [WeightRanges::fixed(&weights_with_zero), WeightRanges::within(&weights_with_zero, 1)] {
            let mut sampler = Sampler::new(&dataset, &ranges, &requirements, 3_000, 5);
            while !sampler.run_for(10_000) {}
            let whole = robustness_over(&dataset, &ranges, &requirements, 3_000, 5);
            assert_eq!(sampler.result(), whole);
            let passes = whole.passes.unwrap();
            assert!(passes.iter().all(|&p| p < 1.0), "{passes:?}");
            assert!(whole.first.iter().sum::<f64>() <= 1.0);
        }
        // Eight options: too many combinations to list, so drawn value by value.
        let generated = crate::synthetic::dataset(30, 8, 4);
        let ranges = WeightRanges::within(&generated.default_weights(), 1);
        let mut requirements = Requirements::default();
        requirements.set(0, 6);
        let mut sampler = Sampler::new(&generated, &ranges, &requirements, 2_000, 5);
        assert!(sampler.joint.is_empty() && !sampler.apart.is_empty());
        while !sampler.run_for(10_000) {}
        assert_eq!(sampler.result(), robustness_over(&generated, &ranges, &requirements, 2_000, 5));
    }

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        for n in 2..=11 {
            let mut draws = Draws::new(7);
            let mut seen = vec![0_u32; n as usize];
            for _ in 0..1_000 * n {
                seen[draws.below(n, Draws::threshold(n)) as usize] += 1;
            }
            assert!(seen.iter().all(|&count| (850..1150).contains(&count)), "{n}: {seen:?}");
        }
        // Every 16-bit part maps to a value or is rejected, and the values come equally often: exactly.
        for n in 2..=11_u32 {
            let threshold = Draws::threshold(n);
            let mut counts = vec![0_u32; n as usize];
            for part in 0..(1_u32 << 16) {
                let product = part * n;
                if product & 0xFFFF >= threshold {
                    counts[(product >> 16) as usize] += 1;
                }
            }
            assert!(counts.iter().all(|&c| c == counts[0]), "{n}: {counts:?}");
        }
    }
}
