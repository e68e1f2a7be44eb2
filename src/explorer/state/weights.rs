//! The weights in force, their evaluation, mutes, the saved profiles they can start from, and with a
//! team, who counts toward its median and what the group of those comes to.

use super::team::{Roster, Team};
use crate::engine::data::{Dataset, SCALE_MAX};
use crate::engine::profiles::Profile;
use crate::engine::report::Sampling;
use crate::engine::requirements::Requirements;
use crate::engine::robustness::{
    DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_WEIGHT_SPREAD, MAX_WEIGHT_SPREAD, Robustness, Sampler, Spread, WeightRanges,
};
use crate::engine::score::{Evaluation, Recommendation, evaluate_with, recommend_with};
use crate::engine::team::{Group, Member};
use crate::engine::weights::{Origin, Weighting, parse_answer};

/// Unmuting a dimension that was never muted, whose weight is 0 in its origin too, gives it this.
const UNMUTED_WEIGHT: u8 = 5;
/// Changes kept for undo; the oldest goes first.
pub(crate) const UNDO_STEPS: usize = 200;

/// What a change of the weights was, for the status line of its undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// A weight set by a key, a digit or the slider.
    Weight(usize),
    Mute(usize),
    /// A dimension's must-have set or cleared.
    Requirement(usize),
    /// Weights taken from the defaults, a preset or a profile (reset, the picker).
    Origin(String),
}

/// The weights as they were before a change.
#[derive(Debug, Clone)]
struct Before {
    weighting: Weighting,
    muted: Vec<Option<u8>>,
    answers: Vec<String>,
    answered_over: Vec<u8>,
    counted: Vec<bool>,
    change: Change,
}

pub(crate) struct Weights {
    weighting: Weighting,
    /// Scores, recommendation, why and flips for the current weights; recomputed on every weight change.
    evaluation: Evaluation,
    /// Weights put aside by muting, to restore on unmute.
    muted: Vec<Option<u8>>,
    /// The interview answers the weights came from (`QUESTION=ANSWER`), for the decision record; a
    /// preset, profile or pairwise weighting applied since clears them, and undo brings them back.
    answers: Vec<String>,
    /// The weights those answers were applied over (empty without answers): changing an answer later
    /// starts from them, so a weight only the old answer set goes back to what it was.
    answered_over: Vec<u8>,
    /// With a team, who counts toward its median, one flag per member (empty without a team): part of
    /// the state undo brings back, whatever weights are in force with it.
    counted: Vec<bool>,
    /// The user's saved profiles for this dataset, listed after the presets in the picker.
    profiles: Vec<Profile>,
    /// The robustness shares for the current weights, drawn a part at a time (see [`Self::refine`]).
    sampler: Sampler,
    /// How far each weight varies either way in those draws (`--weight-spread`); with a team, whether
    /// they vary over the members' range (above 0) or not.
    weight_spread: u8,
    /// The states before each change, latest last; and those undone, to redo.
    undo: Vec<Before>,
    redo: Vec<Before>,
    /// A weighting pinned to compare the current one with (`b`), and its evaluation.
    pinned: Option<(Weighting, Evaluation)>,
    /// The team `--team` loaded, if any.
    roster: Option<Roster>,
    /// With a team, the group of the members `counted` says, and the verdict of its median: derived
    /// from `counted` whenever that changes.
    group: Option<(Group, Recommendation)>,
}

impl Weights {
    pub(crate) fn new(
        dataset: &Dataset,
        weighting: Weighting,
        profiles: Vec<Profile>,
        roster: Option<Roster>,
        weight_spread: u8,
    ) -> Self {
        let members = roster.as_ref().map_or(0, |roster| roster.members().len());
        let counted = match &weighting.origin {
            Origin::Team { counted, .. } if counted.len() == members => counted.clone(),
            _ => vec![true; members],
        };
        let evaluation = evaluate_with(dataset, &weighting.weights, &weighting.requirements);
        // Drawn afresh once the group is known: a team's weights vary over its members' range.
        let sampler =
            Sampler::new(dataset, &WeightRanges::fixed(&weighting.weights), &Requirements::NONE, 0, DEFAULT_SEED);
        let muted = vec![None; dataset.dimensions.len()];
        Self {
            weighting,
            evaluation,
            muted,
            answers: Vec::new(),
            answered_over: Vec::new(),
            counted,
            profiles,
            sampler,
            weight_spread,
            undo: Vec::new(),
            redo: Vec::new(),
            pinned: None,
            roster,
            group: None,
        }
        .regrouped(dataset)
    }

    /// With the interview `answers` the starting weights came from (`QUESTION=ANSWER`), applied over the
    /// origin's weights as the command line applies them.
    pub(crate) fn with_answers(mut self, dataset: &Dataset, answers: Vec<String>) -> Self {
        if !answers.is_empty() {
            self.answered_over = self.weighting.origin.weights(dataset);
        }
        self.answers = answers;
        self
    }

    /// With the group worked out for who counts, and the weights sampled over its range (they were
    /// evaluated as the state was made: the group does not change them).
    fn regrouped(mut self, dataset: &Dataset) -> Self {
        self.regroup(dataset);
        self.resample(dataset);
        self
    }

    /// Works the group out for who counts now (at least one member: the last cannot be left out), under
    /// the must-haves in force (the team's, not a member's own).
    fn regroup(&mut self, dataset: &Dataset) {
        let requirements = &self.weighting.requirements;
        self.group = self.roster.as_ref().and_then(|_| {
            let group = Group::with(dataset, &self.counted_members(), requirements)?;
            let verdict = recommend_with(dataset, &group.weights, requirements);
            Some((group, verdict))
        });
    }

    /// Makes `change` with `apply`, remembering the state before it for undo if anything changed. A run
    /// of changes to one weight is one step (a slider dragged, a key held).
    fn changing(&mut self, dataset: &Dataset, change: Change, apply: impl FnOnce(&mut Self)) {
        let before = Before {
            weighting: self.weighting.clone(),
            muted: self.muted.clone(),
            answers: self.answers.clone(),
            answered_over: self.answered_over.clone(),
            counted: self.counted.clone(),
            change,
        };
        apply(self);
        if self.weighting == before.weighting
            && self.muted == before.muted
            && self.counted == before.counted
            && self.answers == before.answers
        {
            return;
        }
        if self.counted != before.counted || self.weighting.requirements != before.weighting.requirements {
            self.regroup(dataset);
        }
        self.reevaluate(dataset);
        let continues = matches!(&before.change, Change::Weight(_))
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|last| last.change == before.change);
        if !continues {
            self.undo.push(before);
            if self.undo.len() > UNDO_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
    }

    /// Goes back to the state before the latest change; what it undid, if there was one.
    pub(crate) fn undo(&mut self, dataset: &Dataset) -> Option<Change> {
        self.travel(dataset, false)
    }

    /// Makes the latest undone change again; what it redid, if there was one.
    pub(crate) fn redo(&mut self, dataset: &Dataset) -> Option<Change> {
        self.travel(dataset, true)
    }

    /// Undo (`forward` false) or redo: puts the top state of one stack in force and the state it
    /// replaces on the other.
    fn travel(&mut self, dataset: &Dataset, forward: bool) -> Option<Change> {
        let state = if forward { self.redo.pop() } else { self.undo.pop() }?;
        let change = state.change.clone();
        let replaced = self.swap(dataset, state);
        let other = if forward { &mut self.undo } else { &mut self.redo };
        other.push(replaced);
        Some(change)
    }

    /// Puts `state` in force and returns the state it replaced, labelled with the same change.
    fn swap(&mut self, dataset: &Dataset, state: Before) -> Before {
        let replaced = Before {
            weighting: std::mem::replace(&mut self.weighting, state.weighting),
            muted: std::mem::replace(&mut self.muted, state.muted),
            answers: std::mem::replace(&mut self.answers, state.answers),
            answered_over: std::mem::replace(&mut self.answered_over, state.answered_over),
            counted: std::mem::replace(&mut self.counted, state.counted),
            change: state.change,
        };
        if self.counted != replaced.counted || self.weighting.requirements != replaced.weighting.requirements {
            self.regroup(dataset);
        }
        self.reevaluate(dataset);
        replaced
    }

    /// Pins the current weighting to compare with, or unpins one; whether one is pinned now.
    pub(crate) fn toggle_pin(&mut self) -> bool {
        self.pinned = match self.pinned.take() {
            Some(_) => None,
            None => Some((self.weighting.clone(), self.evaluation.clone())),
        };
        self.pinned.is_some()
    }

    /// Pins `weighting` to compare with, whatever is pinned now (a decision record's weights).
    pub(crate) fn pin(&mut self, dataset: &Dataset, weighting: Weighting) {
        let evaluation = evaluate_with(dataset, &weighting.weights, &weighting.requirements);
        self.pinned = Some((weighting, evaluation));
    }

    pub(crate) fn pinned(&self) -> Option<&(Weighting, Evaluation)> {
        self.pinned.as_ref()
    }

    /// The shares drawn so far for the current weights, and (drawn, asked for).
    pub(crate) fn robustness(&self) -> (Robustness, (u32, u32)) {
        (self.sampler.result(), self.sampler.progress())
    }

    /// Draws about `ratings` more ratings' worth of samples; whether the shares are complete.
    pub(crate) fn refine(&mut self, ratings: usize) -> bool {
        self.sampler.is_done() || self.sampler.run_for(ratings)
    }

    /// The weights changed: evaluate them, and start sampling them afresh.
    fn reevaluate(&mut self, dataset: &Dataset) {
        self.evaluation = evaluate_with(dataset, &self.weighting.weights, &self.weighting.requirements);
        self.resample(dataset);
    }

    /// Starts the draws afresh for the weights, must-haves and spread in force.
    fn resample(&mut self, dataset: &Dataset) {
        let ranges = self.weight_ranges(&self.weighting.weights);
        self.sampler.reweigh(dataset, &ranges, &self.weighting.requirements, DEFAULT_SAMPLES, DEFAULT_SEED);
    }

    /// What each of `weights` is drawn from in the robustness draws: within ±`weight_spread`, or with a
    /// team, over the range of the members counted.
    pub(crate) fn weight_ranges(&self, weights: &[u8]) -> WeightRanges {
        let team = self.group.as_ref().map(|(group, _)| group.spread.as_slice());
        WeightRanges::new(weights, self.weight_spread, team)
    }

    /// How a report of the weights in force samples them, as the explorer does.
    pub(crate) fn sampling(&self) -> Sampling {
        Sampling {
            weight_spread: self.weight_spread,
            team: self.group.as_ref().map(|(group, _)| group.spread.clone()),
            ..Sampling::default()
        }
    }

    /// `--weight-spread`, as the explorer was started with or `w` made it.
    pub(crate) fn weight_spread(&self) -> u8 {
        self.weight_spread
    }

    /// The next weight spread in turn (0, 1, 2, 3, 0 ...; with a team, the range or 0), sampled afresh;
    /// what the draws vary over now.
    pub(crate) fn next_weight_spread(&mut self, dataset: &Dataset) -> Spread {
        self.weight_spread = match (self.group.is_some(), self.weight_spread) {
            // With a team every N above 0 draws over the members' range: the range, or fixed.
            (true, 0) => DEFAULT_WEIGHT_SPREAD,
            (true, _) => 0,
            (false, n) => (n + 1) % (MAX_WEIGHT_SPREAD + 1),
        };
        self.resample(dataset);
        self.weight_ranges(&self.weighting.weights).spread
    }

    pub(crate) fn weighting(&self) -> &Weighting {
        &self.weighting
    }

    pub(crate) fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// With a team, who counts (see the field).
    pub(crate) fn counted(&self) -> &[bool] {
        &self.counted
    }

    /// The team `--team` loaded, if any.
    pub(crate) fn roster(&self) -> Option<&Roster> {
        self.roster.as_ref()
    }

    /// With a team, the group of the members counted, and the verdict of its median weights.
    pub(crate) fn group(&self) -> Option<&(Group, Recommendation)> {
        self.group.as_ref()
    }

    /// The members counted, in order (none without a team).
    fn counted_members(&self) -> Vec<&Member> {
        let members = self.roster.as_ref().map_or(&[][..], Roster::members);
        members.iter().zip(&self.counted).filter(|(_, c)| **c).map(|(m, _)| m).collect()
    }

    /// The team as it stands, if there is one.
    pub(crate) fn team(&self) -> Option<Team<'_>> {
        let (group, median) = self.group.as_ref()?;
        Some(Team::new(self.roster.as_ref()?, &self.counted, group, median))
    }

    /// The weights in force, one per dimension.
    pub(crate) fn weights(&self) -> &[u8] {
        &self.weighting.weights
    }

    /// Who would count with `member` counted in or left out; `None` for the last member counted, who
    /// cannot be left out.
    pub(crate) fn toggled(&self, member: usize) -> Option<Vec<bool>> {
        let leaving = *self.counted.get(member)?;
        if leaving && self.counted.iter().filter(|&&c| c).count() == 1 {
            return None;
        }
        let mut counted = self.counted.clone();
        counted[member] = !leaving;
        Some(counted)
    }

    pub(crate) fn answers(&self) -> &[String] {
        &self.answers
    }

    /// The weights the answers in force were applied over: with no answers, the weights now.
    pub(crate) fn answered_over(&self) -> &[u8] {
        if self.answers.is_empty() { &self.weighting.weights } else { &self.answered_over }
    }

    pub(crate) fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    pub(crate) fn is_muted(&self, dimension: usize) -> bool {
        self.muted[dimension].is_some()
    }

    /// Sets `dimension`'s weight (clamped to the scale), unmuting it.
    pub(crate) fn set(&mut self, dataset: &Dataset, dimension: usize, weight: u8) {
        self.changing(dataset, Change::Weight(dimension), |this| {
            this.muted[dimension] = None;
            this.weighting.weights[dimension] = weight.min(SCALE_MAX);
        });
    }

    pub(crate) fn nudge(&mut self, dataset: &Dataset, dimension: usize, delta: i8) {
        let current = self.weighting.weights[dimension];
        self.set(dataset, dimension, current.saturating_add_signed(delta).min(SCALE_MAX));
    }

    /// Mute sets the weight to 0 and remembers it; unmute restores it (or, for a dimension that was never
    /// muted and has weight 0, its weight in the origin, or [`UNMUTED_WEIGHT`] when that is 0 too).
    pub(crate) fn toggle_mute(&mut self, dataset: &Dataset, dimension: usize) {
        self.changing(dataset, Change::Mute(dimension), |this| {
            let current = this.weighting.weights[dimension];
            if current > 0 {
                this.weighting.weights[dimension] = 0;
                this.muted[dimension] = Some(current);
            } else {
                let original = this.weighting.origin.weights(dataset)[dimension];
                let fallback = if original > 0 { original } else { UNMUTED_WEIGHT };
                this.weighting.weights[dimension] = this.muted[dimension].take().unwrap_or(fallback);
            }
        });
    }

    /// Requires `dimension` to be rated at least `min` (0 clears its must-have), as one undoable step.
    pub(crate) fn require(&mut self, dataset: &Dataset, dimension: usize, min: u8) {
        self.changing(dataset, Change::Requirement(dimension), |this| {
            this.weighting.requirements.set(dimension, min);
        });
    }

    /// Starts over from `origin`'s weights (named `name` in undo's words).
    pub(crate) fn apply(&mut self, dataset: &Dataset, origin: Origin, name: String) {
        self.changing(dataset, Change::Origin(name), |this| {
            if let Origin::Team { counted, .. } = &origin {
                this.counted.clone_from(counted);
            }
            // A profile brings back the answers it was saved with; anything else has none.
            this.answers = match &origin {
                Origin::Profile { name, .. } => this.profile(name).map(|p| p.notes.answers.clone()).unwrap_or_default(),
                _ => Vec::new(),
            };
            // A preset or a profile brings its own must-haves too (from_origin).
            this.weighting = Weighting::from_origin(dataset, origin);
            // A profile keeps its answers but not the weights they were applied over: those of the
            // dimensions they name are taken to be the defaults'.
            this.answered_over = if this.answers.is_empty() {
                Vec::new()
            } else {
                unanswered(dataset, &this.weighting.weights, &this.answers)
            };
            this.muted.iter_mut().for_each(|m| *m = None);
        });
    }

    /// Sets every weight to `weights` as one change (named `name` in undo's words), keeping the origin;
    /// `answers` are the interview answers they came from, if they did, applied over `answered_over`.
    pub(crate) fn set_all(&mut self, dataset: &Dataset, weights: Vec<u8>, name: String, answered: Answered) {
        self.changing(dataset, Change::Origin(name), |this| {
            this.weighting.weights = weights;
            this.answers = answered.answers;
            this.answered_over = answered.over;
            this.muted.iter_mut().for_each(|m| *m = None);
        });
    }

    /// The picker's entries: the defaults; with a team, the median of the members counted; each preset;
    /// then each saved profile.
    pub(crate) fn picker_entries(&self, dataset: &Dataset) -> Vec<Origin> {
        let team = self
            .group
            .as_ref()
            .map(|(group, _)| Origin::Team { counted: self.counted.clone(), weights: group.weights.clone() });
        std::iter::once(Origin::Defaults)
            .chain(team)
            .chain((0..dataset.presets.len()).map(Origin::Preset))
            .chain(self.profiles.iter().map(Origin::of_profile))
            .collect()
    }

    pub(crate) fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// The shell stored `profile`: list it, and start from it if the weights are still its own.
    pub(crate) fn profile_saved(&mut self, profile: Profile) {
        let origin = Origin::of_profile(&profile);
        let saved = (&profile.weights, &profile.notes.requirements);
        if (&self.weighting.weights, &self.weighting.requirements) == saved {
            self.weighting.origin = origin;
        }
        match self.profiles.iter_mut().find(|p| p.stored_name == profile.stored_name) {
            Some(existing) => *existing = profile,
            None => self.profiles.push(profile),
        }
    }

    /// The shell deleted the profile stored as `stored_name`.
    pub(crate) fn profile_deleted(&mut self, stored_name: &str) {
        if let Some(gone) = self.profiles.iter().position(|p| p.stored_name == stored_name) {
            let gone = self.profiles.remove(gone);
            if self.weighting.origin.profile_name() == Some(gone.name.as_str()) {
                // The weights stay; they just no longer come from a profile.
                self.weighting.origin = Origin::Defaults;
            }
        }
    }
}

/// Interview answers (`QUESTION=ANSWER`) and the weights they were applied over (empty with none).
#[derive(Debug, Clone, Default)]
pub(crate) struct Answered {
    pub answers: Vec<String>,
    pub over: Vec<u8>,
}

/// `weights` with the dimensions `answers` name back at the dataset's defaults: what the answers were
/// applied over, as far as it can be told without having seen it.
fn unanswered(dataset: &Dataset, weights: &[u8], answers: &[String]) -> Vec<u8> {
    let mut over = weights.to_vec();
    for (question, answer) in answers.iter().filter_map(|spec| parse_answer(dataset, spec).ok()) {
        for &(dimension, _) in &dataset.questions[question].answers[answer].weights {
            over[dimension] = dataset.dimensions[dimension].weight;
        }
    }
    over
}
