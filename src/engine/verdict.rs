//! How close and how sure, in one word and one sentence: the margin and the robustness share classified
//! together, and the one place a number of points is rounded for showing.
//!
//! - **clear**: the leader leads by [`CLOSE_CALL_POINTS`] points or more *and* comes first in at least
//!   [`CONFIDENT_SHARE`] of the robustness draws (plausible ratings, and weights unless fixed);
//! - **likely**: the leader comes first in at least half of the draws and has one of the two
//!   (the margin or the share);
//! - **toss-up**: a tie, or a lead with neither, or one that comes first in under half of them;
//! - **none**: every weight is 0, nothing to classify.
//!
//! Every output (the explorer, each report format, the decision record, JSON's
//! `recommendation.classification`) uses these words.
//!
//! [`CLOSE_CALL_POINTS`]: crate::engine::score::CLOSE_CALL_POINTS

use std::fmt::Write as _;

use crate::engine::data::Dataset;
use crate::engine::robustness::{CONFIDENT_SHARE, Robustness};
use crate::engine::score::Recommendation;
use crate::engine::text::pluralize;

/// The classification of a verdict: how close and how sure together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classification {
    Clear,
    Likely,
    TossUp,
    /// No weights: nothing leads, nothing to classify.
    None,
}

/// The definition, in the words help and the README use.
pub const DEFINITION: &str = "clear: leads by 5 points or more and comes first in at least 75% of the draws \
    (plausible ratings and weights); likely: comes first in at least half of them and has one of the two; toss-up: a tie, or anything \
    closer.";

impl Classification {
    /// The classification of `recommendation` given the robustness shares of the same weights.
    #[must_use]
    pub fn of(recommendation: &Recommendation, robustness: &Robustness) -> Self {
        let (option, close_call) = match recommendation {
            Recommendation::NoWeights | Recommendation::NoneEligible { .. } => return Self::None,
            Recommendation::Tie { .. } => return Self::TossUp,
            Recommendation::Lead { option, close_call, .. } => (option, *close_call),
            // The requirements decide, not a margin: it is as wide as can be.
            Recommendation::Only { option } => (option, false),
        };
        let share = robustness.first.get(*option).copied().unwrap_or(0.0);
        let wide = !close_call;
        let sure = share >= CONFIDENT_SHARE;
        if share < 0.5 {
            Self::TossUp
        } else if wide && sure {
            Self::Clear
        } else if wide || sure {
            Self::Likely
        } else {
            Self::TossUp
        }
    }

    /// The word JSON and the definition use: "clear", "likely", "toss-up", "none".
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Likely => "likely",
            Self::TossUp => "toss-up",
            Self::None => "none",
        }
    }

    /// The word capitalised, to start a sentence.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Clear => "Clear",
            Self::Likely => "Likely",
            Self::TossUp => "Toss-up",
            Self::None => "No recommendation",
        }
    }
}

/// `x` rounded to one decimal, half away from zero: the one rounding of points and scores that every
/// output shows (text, markdown, JSON and the explorer print the same digits).
#[must_use]
pub fn tenths(x: f64) -> f64 {
    // Adding 0.0 turns a rounded -0.0 into 0.0.
    (x * 10.0).round() / 10.0 + 0.0
}

/// Points or a score as shown: "16.3".
#[must_use]
pub fn points(x: f64) -> String {
    format!("{:.1}", tenths(x))
}

/// Points with their sign: "+2.7", "-0.4".
#[must_use]
pub fn signed_points(x: f64) -> String {
    format!("{:+.1}", tenths(x))
}

/// The verdict without how sure: "Python leads Node.js by 16.3 points.", "Node.js and Python score the
/// same.", for lists of weightings where nothing is sampled.
#[must_use]
pub fn lead_sentence(dataset: &Dataset, recommendation: &Recommendation) -> String {
    let name = |o: usize| dataset.options[o].name.as_str();
    match recommendation {
        Recommendation::NoWeights => "No recommendation: every weight is 0, so nothing matters yet.".to_owned(),
        Recommendation::Tie { options } => {
            let names: Vec<&str> = options.iter().map(|&o| name(o)).collect();
            format!("{} score the same.", names.join(" and "))
        }
        Recommendation::Lead { option, runner_up, margin, .. } => {
            format!("{} leads {} by {} points.", name(*option), name(*runner_up), points(*margin))
        }
        Recommendation::Only { option } => {
            format!("{} is the only option that meets every requirement.", name(*option))
        }
        Recommendation::NoneEligible { nearest, shortfall } => format!(
            "No option meets every requirement; the nearest is {}, {} short.",
            name(*nearest),
            pluralize(*shortfall as usize, "rating step")
        ),
    }
}

/// The verdict in one sentence, how close and how sure: "Clear: Python leads Node.js by 16.3 points,
/// first in 92% of plausible ratings and weights ±1." The same in every output.
#[must_use]
pub fn verdict_sentence(dataset: &Dataset, recommendation: &Recommendation, robustness: &Robustness) -> String {
    let class = Classification::of(recommendation, robustness);
    let name = |o: usize| dataset.options[o].name.as_str();
    let share = |o: usize| percent(robustness.first.get(o).copied().unwrap_or(0.0));
    match recommendation {
        Recommendation::NoWeights => lead_sentence(dataset, recommendation),
        Recommendation::Tie { options } => {
            let names: Vec<&str> = options.iter().map(|&o| name(o)).collect();
            let mut sentence = format!("{}: {} score the same", class.label(), names.join(" and "));
            if let Some(best) = most_often_first(robustness) {
                let _ = write!(
                    sentence,
                    "; {} first in {} of {}",
                    name(best),
                    share(best),
                    robustness.weights.drawn_over()
                );
            }
            sentence.push('.');
            sentence
        }
        Recommendation::Lead { option, runner_up, margin, .. } => format!(
            "{}: {} leads {} by {} points, first in {}{} of {}.{}",
            class.label(),
            name(*option),
            name(*runner_up),
            points(*margin),
            if class == Classification::TossUp { "only " } else { "" },
            share(*option),
            robustness.weights.drawn_over(),
            passes_words(dataset, robustness, *option)
        ),
        Recommendation::Only { option } => format!(
            "{}: {} is the only option that meets every requirement, first in {}{} of {}.{}",
            class.label(),
            name(*option),
            if class == Classification::TossUp { "only " } else { "" },
            share(*option),
            robustness.weights.drawn_over(),
            passes_words(dataset, robustness, *option)
        ),
        Recommendation::NoneEligible { nearest, .. } => {
            format!("{}{}", lead_sentence(dataset, recommendation), passes_words(dataset, robustness, *nearest))
        }
    }
}

/// How often `option`'s plausible ratings meet every requirement: " Python passes all requirements in
/// 92% of plausible ratings." (with its leading space); empty without requirements.
fn passes_words(dataset: &Dataset, robustness: &Robustness, option: usize) -> String {
    robustness.passes.as_ref().and_then(|passes| passes.get(option)).map_or_else(String::new, |&share| {
        format!(" {} passes all requirements in {} of plausible ratings.", dataset.options[option].name, percent(share))
    })
}

/// A share as a whole percentage: "77%". A share just under a threshold the classification uses (half,
/// [`CONFIDENT_SHARE`]) that would round onto it keeps one decimal, rounded down ("74.7%"), so that it
/// never reads as meeting it.
#[must_use]
pub fn percent(share: f64) -> String {
    let whole = (share * 100.0).round();
    if [0.5, CONFIDENT_SHARE].iter().any(|&threshold| share < threshold && whole >= threshold * 100.0) {
        return format!("{:.1}%", (share * 1000.0).floor() / 10.0);
    }
    format!("{whole:.0}%")
}

/// The option first most often (the first of equals), if there are any shares.
fn most_often_first(robustness: &Robustness) -> Option<usize> {
    (0..robustness.first.len()).min_by(|&a, &b| robustness.first[b].total_cmp(&robustness.first[a]).then(a.cmp(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::robustness::Spread;
    use crate::engine::score::CLOSE_CALL_POINTS;

    #[test]
    fn a_share_just_under_a_threshold_never_reads_as_meeting_it() {
        assert_eq!(percent(0.7472), "74.7%");
        assert_eq!(percent(0.749_999), "74.9%");
        assert_eq!(percent(0.4951), "49.5%");
        assert_eq!(
            (percent(0.75), percent(0.7449), percent(0.5), percent(0.77)),
            ("75%".into(), "74%".into(), "50%".into(), "77%".into())
        );
        assert_eq!((percent(0.0), percent(1.0)), ("0%".into(), "100%".into()));
    }

    #[test]
    fn the_definition_names_the_thresholds_in_force() {
        assert!(DEFINITION.contains(&format!("leads by {CLOSE_CALL_POINTS} points")), "{DEFINITION}");
        assert!(DEFINITION.contains(&format!("at least {} of", percent(CONFIDENT_SHARE))), "{DEFINITION}");
    }

    fn shares(first: Vec<f64>) -> Robustness {
        Robustness {
            samples: 100,
            seed: 1,
            weights: Spread::Fixed,
            standard_error: vec![0.0; first.len()],
            first,
            passes: None,
        }
    }

    fn lead(margin: f64, close_call: bool) -> Recommendation {
        Recommendation::Lead { option: 1, runner_up: 0, margin, close_call }
    }

    #[test]
    fn margin_and_share_together_decide_the_word() {
        assert_eq!(Classification::of(&lead(16.3, false), &shares(vec![0.08, 0.92])), Classification::Clear);
        // A close margin the evidence supports, and a wide one it does not: likely.
        assert_eq!(Classification::of(&lead(2.7, true), &shares(vec![0.23, 0.77])), Classification::Likely);
        assert_eq!(Classification::of(&lead(8.0, false), &shares(vec![0.4, 0.6])), Classification::Likely);
        // Neither: a toss-up, as is a lead the leader wins under half the time, and a tie.
        assert_eq!(Classification::of(&lead(0.7, true), &shares(vec![0.48, 0.52])), Classification::TossUp);
        assert_eq!(Classification::of(&lead(6.0, false), &shares(vec![0.55, 0.45])), Classification::TossUp);
        let tie = Recommendation::Tie { options: vec![0, 1] };
        assert_eq!(Classification::of(&tie, &shares(vec![0.45, 0.55])), Classification::TossUp);
        assert_eq!(Classification::of(&Recommendation::NoWeights, &shares(vec![0.5, 0.5])), Classification::None);
    }

    #[test]
    fn exactly_at_the_thresholds_counts_as_meeting_them() {
        assert_eq!(Classification::of(&lead(5.0, false), &shares(vec![0.25, 0.75])), Classification::Clear);
        assert_eq!(Classification::of(&lead(1.0, true), &shares(vec![0.5, 0.5])), Classification::TossUp);
        assert_eq!(Classification::of(&lead(5.0, false), &shares(vec![0.5, 0.5])), Classification::Likely);
    }

    #[test]
    fn points_round_half_away_from_zero_once() {
        // 16.25 is exact in binary: formatting alone would print 16.2 (ties to even), JSON's rounding 16.3.
        assert_eq!(points(16.25), "16.3");
        assert!((tenths(16.25) - 16.3).abs() < 1e-9);
        assert_eq!(signed_points(-0.04), "+0.0");
        assert_eq!(signed_points(-2.25), "-2.3");
    }
}
