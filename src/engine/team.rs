//! A team's weights taken together: each member's verdict, the group's weights (each dimension's
//! median across members), how far apart the members are, where they disagree most, and which of those
//! disagreements matter.
//!
//! A disputed dimension is *material* when one member's own weight for it, every other weight at the
//! group's, would change the leader: that member's weight lies outside the dimension's stability
//! interval at the group's weights (see [`crate::engine::score::Stability`]). Otherwise it is
//! immaterial: however the team settles it alone, the verdict stands.
//!
//! Why the median: it is what half the team wants at least and half at most, so one member with an
//! extreme view cannot drag the group (a mean can be moved anywhere by one outlier), and it stays one
//! of the members' own weights or between two of them. The geometric mean, which AHP uses to
//! aggregate judgements, is no use here: weights can be 0, and one 0 would make the group's weight 0.

use crate::engine::data::Dataset;
use crate::engine::score::{OneChange, Recommendation, recommend};

/// A dimension whose members' weights are at least this far apart is disputed.
pub const DISPUTED_SPREAD: u8 = 3;

/// One member of the team: a name and one weight per dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub weights: Vec<u8>,
}

/// What a team's weights come to.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Per dimension: the median of the members' weights (of two middle values, their mean rounded
    /// half up).
    pub weights: Vec<u8>,
    /// Per dimension: the lowest and highest member weight.
    pub spread: Vec<(u8, u8)>,
    /// The dimensions whose spread is at least [`DISPUTED_SPREAD`], widest first (then in dataset order).
    pub disputed: Vec<usize>,
    /// Per member, in the order given: the recommendation of that member's own weights.
    pub verdicts: Vec<Recommendation>,
    /// Per option: how many members' own weights it leads for.
    pub wins: Vec<usize>,
    /// Every disputed dimension, the material ones first, each part in the order of [`Self::disputed`].
    pub disputes: Vec<Dispute>,
}

/// A disputed dimension, and the members whose own weight for it alone would change the leader.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub dimension: usize,
    /// In the members' order; empty when the dispute is immaterial.
    pub swings: Vec<Swing>,
}

impl Dispute {
    /// Whether settling it one member's way could change the verdict.
    #[must_use]
    pub fn is_material(&self) -> bool {
        !self.swings.is_empty()
    }
}

/// One member's weight for a disputed dimension, every other weight at the group's, and the
/// recommendation it would give (another leader, a tie, or none).
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    /// An index into the members the group was made of.
    pub member: usize,
    pub weight: u8,
    pub outcome: Recommendation,
}

impl Group {
    /// The group of `members` (at least one) for `dataset`.
    #[must_use]
    pub fn of(dataset: &Dataset, members: &[&Member]) -> Option<Self> {
        if members.is_empty() {
            return None;
        }
        let dimensions = dataset.dimensions.len();
        let weights = median_weights(members);
        let spread = member_ranges(members);
        let mut disputed: Vec<usize> =
            (0..dimensions).filter(|&d| spread[d].1 - spread[d].0 >= DISPUTED_SPREAD).collect();
        disputed.sort_by_key(|&d| (std::cmp::Reverse(spread[d].1 - spread[d].0), d));
        let verdicts: Vec<Recommendation> = members.iter().map(|m| recommend(dataset, &m.weights)).collect();
        let mut wins = vec![0; dataset.options.len()];
        for leader in verdicts.iter().filter_map(Recommendation::leader) {
            wins[leader] += 1;
        }
        let material_first = material_first(dataset, members, &weights, &disputed);
        Some(Self { weights, spread, disputed, verdicts, wins, disputes: material_first })
    }

    /// How many disputes are material.
    #[must_use]
    pub fn material(&self) -> usize {
        self.disputes.iter().take_while(|d| d.is_material()).count()
    }

    /// Whether dimension `d` is disputed (in constant time, unlike a search of [`Self::disputed`]).
    #[must_use]
    pub fn is_disputed(&self, d: usize) -> bool {
        self.spread[d].1 - self.spread[d].0 >= DISPUTED_SPREAD
    }

    /// The members at the low and the high end of dimension `d`'s spread, by index into `members`.
    #[must_use]
    pub fn ends(&self, members: &[&Member], d: usize) -> (Vec<usize>, Vec<usize>) {
        let (low, high) = self.spread[d];
        let at = |w: u8| members.iter().enumerate().filter(|(_, m)| m.weights[d] == w).map(|(i, _)| i).collect();
        (at(low), at(high))
    }
}

/// Each of the `disputed` dimensions with the members' weights for it that, alone, would change the
/// leader of `weights` (the group's): material ones first, each part in `disputed`'s order.
fn material_first(dataset: &Dataset, members: &[&Member], weights: &[u8], disputed: &[usize]) -> Vec<Dispute> {
    let group = OneChange::new(dataset, weights);
    let mut found: Vec<Dispute> = disputed
        .iter()
        .map(|&d| {
            let swings = members
                .iter()
                .enumerate()
                .filter_map(|(member, m)| {
                    let weight = m.weights[d];
                    let outcome = group.changed(dataset, weights, d, weight)?;
                    Some(Swing { member, weight, outcome })
                })
                .collect();
            Dispute { dimension: d, swings }
        })
        .collect();
    // Stable: each part keeps the widest-first order.
    found.sort_by_key(|dispute| !dispute.is_material());
    found
}

/// Each dimension's lowest and highest of `members`' weights (see [`Group::spread`]). Empty for no
/// members.
#[must_use]
pub fn member_ranges(members: &[&Member]) -> Vec<(u8, u8)> {
    let dimensions = members.first().map_or(0, |m| m.weights.len());
    let column = |d: usize| members.iter().map(move |m| m.weights[d]);
    (0..dimensions).map(|d| (column(d).min().unwrap_or(0), column(d).max().unwrap_or(0))).collect()
}

/// Each dimension's median of `members`' weights (see [`Group::weights`]): all a weighting needs, without
/// the rest of [`Group::of`]. Empty for no members.
#[must_use]
pub fn median_weights(members: &[&Member]) -> Vec<u8> {
    let dimensions = members.first().map_or(0, |m| m.weights.len());
    (0..dimensions).map(|d| median(members.iter().map(|m| m.weights[d]).collect())).collect()
}

/// The median of `values` (not empty); of two middle values, their mean rounded half up.
fn median(mut values: Vec<u8>) -> u8 {
    values.sort_unstable();
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        let (a, b) = (u16::from(values[n / 2 - 1]), u16::from(values[n / 2]));
        (a + b).div_ceil(2) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, weights: Vec<u8>) -> Member {
        Member { name: name.to_owned(), weights }
    }

    #[test]
    fn medians_of_odd_and_even_teams() {
        assert_eq!(median(vec![9, 1, 5]), 5);
        assert_eq!(median(vec![3, 4]), 4);
        assert_eq!(median(vec![0, 10, 2, 2]), 2);
        assert_eq!(median(vec![7]), 7);
    }

    #[test]
    fn the_built_in_team_disputes_what_its_members_weigh_differently() {
        let d = Dataset::builtin();
        let preset = |id: &str| d.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
        let ml = member("ml", preset("ml-api"));
        let chat = member("chat", preset("realtime-chat"));
        let group = Group::of(&d, &[&ml, &chat]).unwrap();
        let python = d.options.iter().position(|o| o.id == "python").unwrap();
        let node = d.options.iter().position(|o| o.id == "node").unwrap();
        assert_eq!(group.verdicts[0].leader(), Some(python));
        assert_eq!(group.verdicts[1].leader(), Some(node));
        assert_eq!(group.wins[python] + group.wins[node], 2);
        let first = group.disputed[0];
        let (low, high) = group.spread[first];
        assert!(high - low >= DISPUTED_SPREAD);
        let (lows, highs) = group.ends(&[&ml, &chat], first);
        assert_eq!(lows.len() + highs.len(), 2);
        assert_ne!(lows, highs);
    }
}
