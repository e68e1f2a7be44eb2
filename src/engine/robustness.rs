//! How sure the verdict is, given that every rating is a judgement: the share of plausible ratings in
//! which each option comes out on top. This is SMAA-2's rank-1 acceptability index (Lahdelma and
//! Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis for group decision making",
//! Operations Research 49(3), 2001) with the weights fixed at the user's and each rating drawn,
//! independently and uniformly, from the whole numbers of its range `low..=high`.
//!
//! The draws come from `SplitMix64` (Steele, Lea and Flood, 2014; Vigna's reference code), seeded, and
//! reduced to a range by Lemire's unbiased multiply-and-reject: the same inputs give the same shares on
//! every platform and every run.

use crate::engine::data::Dataset;

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
    let samples = samples.max(1);
    let options = dataset.options.len();
    // What every sample shares (each range's lowest rating), and what it draws: (option, weight, span).
    let mut fixed = vec![0_u64; options];
    let mut drawn = Vec::new();
    for (dimension, &weight) in dataset.dimensions.iter().zip(weights).filter(|(_, w)| **w > 0) {
        for (option, assessment) in dimension.assessments.iter().enumerate() {
            fixed[option] += u64::from(weight) * u64::from(assessment.low);
            let span = u64::from(assessment.high - assessment.low) + 1;
            if span > 1 {
                drawn.push((option, u64::from(weight), span));
            }
        }
    }
    let mut rng = SplitMix64(seed);
    let mut wins = vec![0_u64; options];
    let mut totals = fixed.clone();
    for _ in 0..samples {
        totals.copy_from_slice(&fixed);
        for &(option, weight, span) in &drawn {
            totals[option] += weight * rng.below(span);
        }
        let best = totals.iter().copied().max().unwrap_or(0);
        let tied = totals.iter().filter(|&&total| total == best).count() as u64;
        for (win, _) in wins.iter_mut().zip(&totals).filter(|&(_, &total)| total == best) {
            *win += WHOLE / tied.max(1);
        }
    }
    let first: Vec<f64> = wins.iter().map(|&win| win as f64 / (WHOLE as f64 * f64::from(samples))).collect();
    let standard_error = first.iter().map(|&p| (p * (1.0 - p) / f64::from(samples)).sqrt()).collect();
    Robustness { samples, seed, first, standard_error }
}

/// `SplitMix64`: a 64-bit state advanced by a constant and mixed; small, fast and fully specified.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n`, every one equally likely (Lemire, "Fast random integer generation in
    /// an interval", 2019): the high half of a 64x64-bit product, rejecting the few low halves that
    /// would favour some results.
    fn below(&mut self, n: u64) -> u64 {
        let threshold = n.wrapping_neg() % n;
        loop {
            let product = u128::from(self.next()) * u128::from(n);
            if product as u64 >= threshold {
                return (product >> 64) as u64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_gives_the_reference_sequence() {
        // The first outputs of Vigna's splitmix64.c seeded with 0.
        let mut rng = SplitMix64(0);
        assert_eq!(rng.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        let mut rng = SplitMix64(7);
        let mut seen = [0_u32; 11];
        for _ in 0..11_000 {
            seen[usize::try_from(rng.below(11)).unwrap()] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    }
}
