//! How sure the verdict is, given that every rating is a judgement: the share of plausible ratings in
//! which each option comes out on top. This is SMAA-2's rank-1 acceptability index (Lahdelma and
//! Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis for group decision making",
//! Operations Research 49(3), 2001) with the weights fixed at the user's and each rating drawn,
//! independently and uniformly, from the whole numbers of its range `low..=high`.
//!
//! The draws come from `SplitMix64` (Steele, Lea and Flood, 2014; Vigna's reference code), seeded, each
//! 64-bit output split into four 16-bit parts, each reduced to a range by Lemire's unbiased
//! multiply-and-reject: the same inputs give the same shares on every platform and every run.

use crate::engine::data::Dataset;
use crate::engine::requirements::Requirements;
use crate::engine::splitmix::SplitMix64;

/// Samples drawn when nothing else is asked for.
pub const DEFAULT_SAMPLES: u32 = 10_000;
/// The seed when nothing else is asked for.
pub const DEFAULT_SEED: u64 = 1;
/// An option that comes first in at least this share of samples is a call the evidence supports;
/// below it, for every option, the verdict is too close to call on this evidence.
pub const CONFIDENT_SHARE: f64 = 0.75;

/// Each option's share of first places over the samples, with its Monte Carlo standard error.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    pub samples: u32,
    pub seed: u64,
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

/// Draws `samples` plausible rating sets for `weights` (at least one) and counts first places.
#[must_use]
pub fn robustness(dataset: &Dataset, weights: &[u8], samples: u32, seed: u64) -> Robustness {
    robustness_with(dataset, weights, &Requirements::NONE, samples, seed)
}

/// [`robustness`] with `requirements`: in each sample, an option whose sampled rating falls below a
/// requirement is out of that sample's ranking. A sample in which every option is out is a first place
/// for none, so the shares then add up to less than 1.
#[must_use]
pub fn robustness_with(
    dataset: &Dataset,
    weights: &[u8],
    requirements: &Requirements,
    samples: u32,
    seed: u64,
) -> Robustness {
    let mut draws = Sampler::new(dataset, weights, samples, seed).requiring(dataset, weights, requirements);
    draws.run(samples);
    draws.result()
}

/// A different stream from the scoring draws' for the ratings only a requirement reads (weight 0), so
/// that adding a requirement leaves every scoring draw where it was.
const CHECK_STREAM: u64 = 0xA076_1D64_78BD_642F;

/// [`robustness`] a part at a time, for a screen that must answer keys meanwhile: the same draws in
/// the same order, so that the shares after the last part are those of one run.
#[derive(Debug, Clone)]
pub struct Sampler {
    /// What every sample shares: each option's total at the lowest rating of every range.
    fixed: Vec<u64>,
    /// What each sample draws: (option, weight, span of the range, its rejection threshold).
    drawn: Vec<(usize, u64, u32, u32)>,
    rng: Draws,
    /// First places, in units of 1/[`WHOLE`].
    wins: Vec<u64>,
    totals: Vec<u64>,
    done: u32,
    samples: u32,
    seed: u64,
    checks: Checks,
}

/// What the requirements need from each sample; all empty without requirements.
#[derive(Debug, Clone, Default)]
struct Checks {
    /// Whether there is any requirement (then `passes` is reported).
    any: bool,
    /// Per entry of `drawn` (empty when none is required): the option fails when the draw is below this
    /// (0: never).
    fails_below: Vec<u32>,
    /// (option, span, rejection threshold, fails below) for the required ratings of dimensions of
    /// weight 0, which the scoring draws skip; only those that can fail.
    extra: Vec<(usize, u32, u32, u32)>,
    /// Options out of every sample: a fixed rating below a requirement.
    always_out: Vec<bool>,
    /// This sample's: options out of its ranking.
    out: Vec<bool>,
    /// Samples each option passed in.
    passed: Vec<u64>,
    rng: Option<Draws>,
}

impl Sampler {
    #[must_use]
    pub fn new(dataset: &Dataset, weights: &[u8], samples: u32, seed: u64) -> Self {
        let options = dataset.options.len();
        let mut fixed = vec![0_u64; options];
        let mut drawn = Vec::new();
        for (dimension, &weight) in dataset.dimensions.iter().zip(weights).filter(|(_, w)| **w > 0) {
            for (option, assessment) in dimension.assessments.iter().enumerate() {
                fixed[option] += u64::from(weight) * u64::from(assessment.low);
                let span = u32::from(assessment.high - assessment.low) + 1;
                if span > 1 {
                    drawn.push((option, u64::from(weight), span, Draws::threshold(span)));
                }
            }
        }
        let totals = fixed.clone();
        Self {
            fixed,
            drawn,
            rng: Draws { rng: SplitMix64::new(seed), bits: 0, left: 0 },
            wins: vec![0; options],
            totals,
            done: 0,
            samples: samples.max(1),
            seed,
            checks: Checks::default(),
        }
    }

    /// With `requirements` checked in every sample (see [`robustness_with`]); `weights` must be those
    /// given to [`Self::new`]. Before the first draw.
    #[must_use]
    pub fn requiring(mut self, dataset: &Dataset, weights: &[u8], requirements: &Requirements) -> Self {
        if requirements.is_empty() {
            return self;
        }
        let options = dataset.options.len();
        let mut checks = Checks {
            any: true,
            always_out: vec![false; options],
            out: vec![false; options],
            passed: vec![0; options],
            ..Checks::default()
        };
        // `drawn` lists (dimension, option) pairs of weighted dimensions in this same order.
        let mut fails_below = Vec::with_capacity(self.drawn.len());
        for (index, (dimension, &weight)) in dataset.dimensions.iter().zip(weights).enumerate() {
            let min = requirements.get(index);
            for (option, assessment) in dimension.assessments.iter().enumerate() {
                let span = u32::from(assessment.high - assessment.low) + 1;
                let below = min.map_or(0, |min| u32::from(min.saturating_sub(assessment.low)));
                if below >= span {
                    checks.always_out[option] = true;
                }
                match (weight > 0, span > 1) {
                    (true, true) => fails_below.push(below),
                    (false, true) if below > 0 && below < span => {
                        checks.extra.push((option, span, Draws::threshold(span), below));
                    }
                    _ => {}
                }
            }
        }
        if fails_below.iter().any(|&b| b > 0) {
            checks.fails_below = fails_below;
        }
        checks.rng = Some(Draws { rng: SplitMix64::new(self.seed ^ CHECK_STREAM), bits: 0, left: 0 });
        self.checks = checks;
        self
    }

    /// Draws up to `more` samples, no further than the number asked for; whether all are drawn.
    pub fn run(&mut self, more: u32) -> bool {
        // Apart, so that the loop without requirements stays as small as it was: at opt-level "s" the
        // draws inline only while it is.
        if self.checks.any {
            return self.run_checked(more);
        }
        for _ in 0..more.min(self.samples - self.done) {
            self.totals.copy_from_slice(&self.fixed);
            for &(option, weight, span, threshold) in &self.drawn {
                self.totals[option] += weight * u64::from(self.rng.below(span, threshold));
            }
            let best = self.totals.iter().copied().max().unwrap_or(0);
            let tied = self.totals.iter().filter(|&&total| total == best).count() as u64;
            for (win, _) in self.wins.iter_mut().zip(&self.totals).filter(|&(_, &total)| total == best) {
                *win += WHOLE / tied.max(1);
            }
            self.done += 1;
        }
        self.is_done()
    }

    /// [`Self::run`] with requirements: an option whose drawn rating falls below one is out of that
    /// sample's ranking.
    #[inline(never)]
    fn run_checked(&mut self, more: u32) -> bool {
        for _ in 0..more.min(self.samples - self.done) {
            self.totals.copy_from_slice(&self.fixed);
            self.checks.out.copy_from_slice(&self.checks.always_out);
            if self.checks.fails_below.is_empty() {
                for &(option, weight, span, threshold) in &self.drawn {
                    self.totals[option] += weight * u64::from(self.rng.below(span, threshold));
                }
            } else {
                for (&(option, weight, span, threshold), &below) in self.drawn.iter().zip(&self.checks.fails_below) {
                    let draw = self.rng.below(span, threshold);
                    self.totals[option] += weight * u64::from(draw);
                    self.checks.out[option] |= draw < below;
                }
            }
            self.checks.sample_rest();
            self.checks.rank(&self.totals, &mut self.wins);
            self.done += 1;
        }
        self.is_done()
    }

    /// Draws about `ratings` ratings' worth of samples (at least one); whether all are drawn.
    pub fn run_for(&mut self, ratings: usize) -> bool {
        let samples = (ratings / self.drawn.len().max(1)).max(1);
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
        Robustness { samples: self.done, seed: self.seed, first, standard_error, passes }
    }
}

impl Checks {
    /// This sample's first place among the options not out of it (none when every one is out).
    fn rank(&self, totals: &[u64], wins: &mut [u64]) {
        let counted = || totals.iter().zip(&self.out).filter(|&(_, &out)| !out).map(|(&total, _)| total);
        let Some(best) = counted().max() else { return };
        let tied = counted().filter(|&total| total == best).count() as u64;
        for ((win, &total), &out) in wins.iter_mut().zip(totals).zip(&self.out) {
            if !out && total == best {
                *win += WHOLE / tied;
            }
        }
    }

    /// Completes this sample's `out` with the ratings only a requirement reads, and counts who passed.
    fn sample_rest(&mut self) {
        if let Some(rng) = self.rng.as_mut() {
            for &(option, span, threshold, below) in &self.extra {
                self.out[option] |= rng.below(span, threshold) < below;
            }
        }
        for (passed, _) in self.passed.iter_mut().zip(&self.out).filter(|&(_, &out)| !out) {
            *passed += 1;
        }
    }
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
    /// The low halves that [`Self::below`] rejects for `n`: `2^16 mod n`.
    fn threshold(n: u32) -> u32 {
        (1 << 16) % n
    }

    // Always inlined: with requirements the draws are taken in several places, and at opt-level "s" a
    // call per draw doubles the sampling time.
    #[allow(clippy::inline_always)] // measured: the key press bench, 1.4 ms with it, 2.0 ms without
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

    /// A whole number in `0..n`, every one equally likely (Lemire, "Fast random integer generation in
    /// an interval", 2019, at 16 bits): the high half of a 16x16-bit product, rejecting the few low
    /// halves below `threshold` that would favour some results.
    #[allow(clippy::inline_always)] // as `part`
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
        let mut sampler = Sampler::new(&dataset, &weights, 3_000, 5);
        let mut parts = 0;
        while !sampler.run_for(10_000) {
            parts += 1;
        }
        assert!(parts > 3, "{parts} parts");
        assert_eq!(sampler.progress(), (3_000, 3_000));
        assert_eq!(sampler.result(), robustness(&dataset, &weights, 3_000, 5));
        assert!(sampler.run(10), "done, and never past the number asked for");
        assert_eq!(sampler.result().samples, 3_000);
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
        let mut sampler =
            Sampler::new(&dataset, &weights_with_zero, 3_000, 5).requiring(&dataset, &weights_with_zero, &requirements);
        while !sampler.run_for(10_000) {}
        let whole = robustness_with(&dataset, &weights_with_zero, &requirements, 3_000, 5);
        assert_eq!(sampler.result(), whole);
        let passes = whole.passes.unwrap();
        assert!(passes.iter().all(|&p| p < 1.0), "{passes:?}");
        assert!(whole.first.iter().sum::<f64>() <= 1.0);
    }

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        for n in 2..=11 {
            let mut draws = Draws { rng: SplitMix64::new(7), bits: 0, left: 0 };
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
