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
use crate::engine::requirements::Requirements;
use crate::engine::score::{OneChange, Recommendation, recommend_with};

/// A dimension whose members' weights are at least this far apart is disputed.
pub const DISPUTED_SPREAD: u8 = 3;

/// One member of the team: a name, one weight per dimension, and their own must-haves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub weights: Vec<u8>,
    /// The member's own must-haves (their weight file's `[requirements]`): they decide that member's
    /// verdict, never the group's, whose must-haves are the ones given for the team (`--require`).
    pub requirements: Requirements,
}

impl Member {
    /// A member with no must-have of their own.
    #[must_use]
    pub fn new(name: impl Into<String>, weights: Vec<u8>) -> Self {
        Self { name: name.into(), weights, requirements: Requirements::NONE }
    }
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
    /// Per member, in the order given: the recommendation of that member's own weights and must-haves.
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
    /// The group of `members` (at least one) for `dataset`, its weighting without must-haves.
    #[must_use]
    pub fn of(dataset: &Dataset, members: &[&Member]) -> Option<Self> {
        Self::with(dataset, members, &Requirements::NONE)
    }

    /// The group of `members` whose weighting (the median) has the must-haves `requirements` (those
    /// given for the team, not any member's own): the disputes are weighed under them. Each member's
    /// verdict has them too, and that member's own (the higher minimum where both set one): a line the
    /// team will not cross holds for everyone in it.
    #[must_use]
    pub fn with(dataset: &Dataset, members: &[&Member], requirements: &Requirements) -> Option<Self> {
        if members.is_empty() {
            return None;
        }
        let dimensions = dataset.dimensions.len();
        let weights = median_weights(members);
        let spread = member_ranges(members);
        let mut disputed: Vec<usize> =
            (0..dimensions).filter(|&d| spread[d].1 - spread[d].0 >= DISPUTED_SPREAD).collect();
        disputed.sort_by_key(|&d| (std::cmp::Reverse(spread[d].1 - spread[d].0), d));
        let verdicts: Vec<Recommendation> =
            members.iter().map(|m| recommend_with(dataset, &m.weights, &m.requirements.and(requirements))).collect();
        let mut wins = vec![0; dataset.options.len()];
        for leader in verdicts.iter().filter_map(Recommendation::leader) {
            wins[leader] += 1;
        }
        let material_first = material_first(dataset, members, &weights, requirements, &disputed);
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
/// leader of `weights` (the group's) under `requirements` (the group's): material ones first, each part
/// in `disputed`'s order. Only a member's weight is taken, never their own must-haves: a dispute is
/// about how much a dimension matters to the group.
fn material_first(
    dataset: &Dataset,
    members: &[&Member],
    weights: &[u8],
    requirements: &Requirements,
    disputed: &[usize],
) -> Vec<Dispute> {
    let group = OneChange::new(dataset, weights, requirements);
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
        Member::new(name, weights)
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

    #[test]
    fn a_members_own_must_have_decides_their_verdict_and_not_the_groups() {
        let d = Dataset::builtin();
        let preset = |id: &str| d.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
        let python = d.options.iter().position(|o| o.id == "python").unwrap();
        let node = d.options.iter().position(|o| o.id == "node").unwrap();
        let realtime = d.dimension_index("realtime").unwrap();
        let cpu = d.dimension_index("cpu-bound").unwrap();
        // ML weights favour Python, which is rated below 8 on real-time; Node.js is not.
        assert!(d.dimensions[realtime].assessments[python].rating < 8);
        assert!(d.dimensions[realtime].assessments[node].rating >= 8);
        let free = member("free", preset("ml-api"));
        let mut bound = member("bound", preset("ml-api"));
        bound.requirements.set(realtime, 8);
        let mut neither = member("neither", preset("ml-api"));
        neither.requirements.set(realtime, 10);
        neither.requirements.set(cpu, 10);
        let chat = member("chat", preset("realtime-chat"));
        let group = Group::of(&d, &[&free, &bound, &neither, &chat]).unwrap();
        assert_eq!(group.verdicts[0].leader(), Some(python), "no must-have: the weights decide");
        assert_eq!(group.verdicts[1], Recommendation::Only { option: node });
        assert!(matches!(group.verdicts[2], Recommendation::NoneEligible { .. }), "{:?}", group.verdicts[2]);
        assert_eq!(group.verdicts[3].leader(), Some(node));
        assert_eq!((group.wins[python], group.wins[node]), (1, 2));
        // The group's weighting and disputes are those of the members' weights alone.
        let unbound = member("bound", preset("ml-api"));
        let mut loose = Group::of(&d, &[&free, &unbound, &neither, &chat]).unwrap();
        assert_eq!(loose.verdicts[1].leader(), Some(python));
        loose.verdicts = group.verdicts.clone();
        loose.wins = group.wins.clone();
        assert_eq!(loose, group);
    }

    #[test]
    fn disputes_are_weighed_under_the_groups_must_haves() {
        let d = Dataset::builtin();
        let preset = |id: &str| d.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
        let members = [member("ml", preset("ml-api")), member("chat", preset("realtime-chat"))];
        let refs: Vec<&Member> = members.iter().collect();
        let free = Group::of(&d, &refs).unwrap();
        assert!(free.material() > 0, "{:?}", free.disputes);
        // With only Node.js meeting the group's must-have, no one weight can change who leads.
        let mut only_node = Requirements::NONE;
        only_node.set(d.dimension_index("realtime").unwrap(), 8);
        let bound = Group::with(&d, &refs, &only_node).unwrap();
        assert_eq!(bound.material(), 0);
        assert_eq!((&bound.weights, &bound.disputed), (&free.weights, &free.disputed));
        // The team's must-have holds for every member: the ML member's weights favour Python, which
        // fails it.
        let node = d.options.iter().position(|o| o.id == "node").unwrap();
        assert_ne!(free.verdicts[0].leader(), Some(node));
        assert!(bound.verdicts.iter().all(|v| *v == Recommendation::Only { option: node }), "{:?}", bound.verdicts);
        assert_eq!(bound.wins[node], 2);
    }
}
