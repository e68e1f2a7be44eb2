//! The weights in force, their evaluation, mutes, and the saved profiles they can start from.

use crate::engine::data::{Dataset, SCALE_MAX};
use crate::engine::profiles::Profile;
use crate::engine::robustness::{DEFAULT_SAMPLES, DEFAULT_SEED, Robustness, Sampler};
use crate::engine::score::{Evaluation, evaluate};
use crate::engine::weights::{Origin, Weighting};

/// Unmuting a dimension that was never muted, whose weight is 0 in its origin too, gives it this.
const UNMUTED_WEIGHT: u8 = 5;

pub(super) struct Weights {
    weighting: Weighting,
    /// Scores, recommendation, why and flips for the current weights; recomputed on every weight change.
    evaluation: Evaluation,
    /// Weights put aside by muting, to restore on unmute.
    muted: Vec<Option<u8>>,
    /// The user's saved profiles for this dataset, listed after the presets in the picker.
    profiles: Vec<Profile>,
    /// The robustness shares for the current weights, drawn a part at a time (see [`Self::refine`]).
    sampler: Sampler,
}

impl Weights {
    pub(super) fn new(dataset: &Dataset, weighting: Weighting, profiles: Vec<Profile>) -> Self {
        let evaluation = evaluate(dataset, &weighting.weights);
        let sampler = Sampler::new(dataset, &weighting.weights, DEFAULT_SAMPLES, DEFAULT_SEED);
        Self { weighting, evaluation, muted: vec![None; dataset.dimensions.len()], profiles, sampler }
    }

    /// The shares drawn so far for the current weights, and (drawn, asked for).
    pub(super) fn robustness(&self) -> (Robustness, (u32, u32)) {
        (self.sampler.result(), self.sampler.progress())
    }

    /// Draws about `ratings` more ratings' worth of samples; whether the shares are complete.
    pub(super) fn refine(&mut self, ratings: usize) -> bool {
        self.sampler.is_done() || self.sampler.run_for(ratings)
    }

    /// The weights changed: evaluate them, and start sampling them afresh.
    fn reevaluate(&mut self, dataset: &Dataset) {
        self.evaluation = evaluate(dataset, &self.weighting.weights);
        self.sampler = Sampler::new(dataset, &self.weighting.weights, DEFAULT_SAMPLES, DEFAULT_SEED);
    }

    pub(super) fn weighting(&self) -> &Weighting {
        &self.weighting
    }

    pub(super) fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    pub(super) fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    pub(super) fn is_muted(&self, dimension: usize) -> bool {
        self.muted[dimension].is_some()
    }

    /// Sets `dimension`'s weight (clamped to the scale), unmuting it.
    pub(super) fn set(&mut self, dataset: &Dataset, dimension: usize, weight: u8) {
        self.muted[dimension] = None;
        self.store(dataset, dimension, weight.min(SCALE_MAX));
    }

    pub(super) fn nudge(&mut self, dataset: &Dataset, dimension: usize, delta: i8) {
        let current = self.weighting.weights[dimension];
        self.set(dataset, dimension, current.saturating_add_signed(delta).min(SCALE_MAX));
    }

    fn store(&mut self, dataset: &Dataset, dimension: usize, weight: u8) {
        if self.weighting.weights[dimension] != weight {
            self.weighting.weights[dimension] = weight;
            self.reevaluate(dataset);
        }
    }

    /// Mute sets the weight to 0 and remembers it; unmute restores it (or, for a dimension that was never
    /// muted and has weight 0, its weight in the origin, or [`UNMUTED_WEIGHT`] when that is 0 too).
    pub(super) fn toggle_mute(&mut self, dataset: &Dataset, dimension: usize) {
        let current = self.weighting.weights[dimension];
        if current > 0 {
            self.store(dataset, dimension, 0);
            self.muted[dimension] = Some(current);
        } else {
            let original = self.weighting.origin.weights(dataset)[dimension];
            let fallback = if original > 0 { original } else { UNMUTED_WEIGHT };
            let restored = self.muted[dimension].take().unwrap_or(fallback);
            self.store(dataset, dimension, restored);
        }
    }

    /// Starts over from `origin`'s weights.
    pub(super) fn apply(&mut self, dataset: &Dataset, origin: Origin) {
        self.weighting = Weighting::from_origin(dataset, origin);
        self.muted.iter_mut().for_each(|m| *m = None);
        self.reevaluate(dataset);
    }

    /// The picker's entries: the defaults, each preset, then each saved profile.
    pub(super) fn picker_entries(&self, dataset: &Dataset) -> Vec<Origin> {
        std::iter::once(Origin::Defaults)
            .chain((0..dataset.presets.len()).map(Origin::Preset))
            .chain(self.profiles.iter().map(|p| Origin::Profile { name: p.name.clone(), weights: p.weights.clone() }))
            .collect()
    }

    /// Where the current origin stands in [`Self::picker_entries`].
    pub(super) fn picker_index(&self, dataset: &Dataset) -> usize {
        match &self.weighting.origin {
            Origin::Defaults => 0,
            Origin::Preset(i) => i + 1,
            Origin::Profile { name, .. } => {
                let profile = self.profiles.iter().position(|p| &p.name == name);
                profile.map_or(0, |p| dataset.presets.len() + 1 + p)
            }
        }
    }

    pub(super) fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// The shell stored profile `name`: list it, and start from it if the weights are still its own.
    pub(super) fn profile_saved(&mut self, name: String, weights: Vec<u8>) {
        let profile =
            Profile { name: name.clone(), stored_name: name.clone(), weights: weights.clone(), ..Profile::default() };
        match self.profiles.iter_mut().find(|p| p.stored_name == name) {
            Some(existing) => *existing = profile,
            None => self.profiles.push(profile),
        }
        if self.weighting.weights == weights {
            self.weighting.origin = Origin::Profile { name, weights };
        }
    }

    /// The shell deleted the profile stored as `stored_name`.
    pub(super) fn profile_deleted(&mut self, stored_name: &str) {
        if let Some(gone) = self.profiles.iter().position(|p| p.stored_name == stored_name) {
            let gone = self.profiles.remove(gone);
            if self.weighting.origin.profile_name() == Some(gone.name.as_str()) {
                // The weights stay; they just no longer come from a profile.
                self.weighting.origin = Origin::Defaults;
            }
        }
    }
}
