//! Where a set of weights comes from (defaults, a preset or a saved profile) and command-line overrides.

use std::fmt::Write as _;

use crate::data::{Dataset, SCALE_MAX};
use crate::text::did_you_mean;

/// What the weights started from, before any slider moved or `--weight` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base {
    Defaults,
    /// An index into [`Dataset::presets`].
    Preset(usize),
    /// A saved profile (see [`crate::profiles`]), with its weights for this dataset.
    Profile {
        name: String,
        weights: Vec<u8>,
    },
}

/// The weights in force and what they started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weighting {
    pub base: Base,
    /// One per dimension, 0-10.
    pub weights: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightError {
    #[error("unknown preset `{id}`{hint}; the presets are: {known}")]
    UnknownPreset { id: String, hint: String, known: String },
    #[error("--weight {spec}: unknown dimension `{id}`{hint}")]
    UnknownDimension { spec: String, id: String, hint: String },
    #[error("--weight {spec}: the weight must be a whole number from 0 to {SCALE_MAX}")]
    OutOfRange { spec: String },
    #[error("--weight {spec}: expected DIMENSION=N, for example cpu-bound=8")]
    Syntax { spec: String },
    #[error("no saved profile `{name}` for this dataset{hint}; the profiles are: {known}")]
    UnknownProfile { name: String, hint: String, known: String },
}

impl Weighting {
    #[must_use]
    pub fn defaults(dataset: &Dataset) -> Self {
        Self { base: Base::Defaults, weights: dataset.default_weights() }
    }

    /// The preset named `id`, or an error listing the presets there are.
    pub fn preset(dataset: &Dataset, id: &str) -> Result<Self, WeightError> {
        let index = dataset.presets.iter().position(|p| p.id == id).ok_or_else(|| WeightError::UnknownPreset {
            id: id.to_owned(),
            hint: did_you_mean(id, dataset.presets.iter().map(|p| p.id.as_str())),
            known: list_or_none(dataset.presets.iter().map(|p| p.id.as_str())),
        })?;
        Ok(Self::from_base(dataset, Base::Preset(index)))
    }

    /// The saved profile named `name`, or an error listing the profiles there are.
    pub fn profile(profiles: &[crate::profiles::Profile], name: &str) -> Result<Self, WeightError> {
        let profile = profiles.iter().find(|p| p.name == name).ok_or_else(|| WeightError::UnknownProfile {
            name: name.to_owned(),
            hint: did_you_mean(name, profiles.iter().map(|p| p.name.as_str())),
            known: list_or_none(profiles.iter().map(|p| p.name.as_str())),
        })?;
        let base = Base::Profile { name: profile.name.clone(), weights: profile.weights.clone() };
        Ok(Self { weights: profile.weights.clone(), base })
    }

    #[must_use]
    pub fn from_base(dataset: &Dataset, base: Base) -> Self {
        let weights = base.weights(dataset);
        Self { base, weights }
    }

    /// Applies one `ID=N` override, as given to `--weight`.
    pub fn set_from_spec(&mut self, dataset: &Dataset, spec: &str) -> Result<(), WeightError> {
        let spec_owned = || spec.to_owned();
        let (id, value) = spec.split_once('=').ok_or_else(|| WeightError::Syntax { spec: spec_owned() })?;
        let (id, value) = (id.trim(), value.trim());
        let index = dataset.dimension_index(id).ok_or_else(|| WeightError::UnknownDimension {
            spec: spec_owned(),
            id: id.to_owned(),
            hint: did_you_mean(id, dataset.dimensions.iter().map(|d| d.id.as_str())),
        })?;
        let weight = value
            .parse::<u8>()
            .ok()
            .filter(|&w| w <= SCALE_MAX)
            .ok_or_else(|| WeightError::OutOfRange { spec: spec_owned() })?;
        self.weights[index] = weight;
        Ok(())
    }

    /// Whether the weights differ from those of their base.
    #[must_use]
    pub fn is_modified(&self, dataset: &Dataset) -> bool {
        self.weights != self.base.weights(dataset)
    }

    /// "defaults", or the preset's name, with ", modified" once a weight departs from it.
    #[must_use]
    pub fn describe(&self, dataset: &Dataset) -> String {
        let base = self.base.name(dataset);
        if self.is_modified(dataset) { format!("{base}, modified") } else { base }
    }

    /// The command line that reproduces these weights: `versus report --preset ID --weight ID=N ...`,
    /// naming only the weights that differ from the preset (or the defaults: a profile lives on one
    /// machine, so its weights are spelled out).
    #[must_use]
    pub fn command_line(&self, dataset: &Dataset, data_path: Option<&str>) -> String {
        let mut line = "versus report".to_owned();
        if let Some(path) = data_path {
            // Single quotes keep a path with spaces or `$` whole in a POSIX shell.
            let _ = write!(line, " --data '{}'", path.replace('\'', "'\\''"));
        }
        let base = match &self.base {
            Base::Preset(i) => {
                let _ = write!(line, " --preset {}", dataset.presets[*i].id);
                self.base.weights(dataset)
            }
            Base::Defaults | Base::Profile { .. } => dataset.default_weights(),
        };
        for ((d, &w), &b) in dataset.dimensions.iter().zip(&self.weights).zip(&base) {
            if w != b {
                let _ = write!(line, " --weight {}={w}", d.id);
            }
        }
        line
    }
}

impl Base {
    #[must_use]
    pub fn weights(&self, dataset: &Dataset) -> Vec<u8> {
        match self {
            Self::Defaults => dataset.default_weights(),
            Self::Preset(i) => dataset.presets[*i].weights.clone(),
            Self::Profile { weights, .. } => weights.clone(),
        }
    }

    /// "defaults", the preset's name, or "profile NAME".
    #[must_use]
    pub fn name(&self, dataset: &Dataset) -> String {
        match self {
            Self::Defaults => "defaults".to_owned(),
            Self::Preset(i) => dataset.presets[*i].name.clone(),
            Self::Profile { name, .. } => format!("profile {name}"),
        }
    }

    /// The preset's id, if any.
    #[must_use]
    pub fn preset_id<'a>(&self, dataset: &'a Dataset) -> Option<&'a str> {
        match self {
            Self::Preset(i) => Some(&dataset.presets[*i].id),
            Self::Defaults | Self::Profile { .. } => None,
        }
    }

    /// The saved profile's name, if any.
    #[must_use]
    pub fn profile_name(&self) -> Option<&str> {
        match self {
            Self::Profile { name, .. } => Some(name),
            Self::Defaults | Self::Preset(_) => None,
        }
    }
}

fn list_or_none<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<&str> = items.collect();
    if list.is_empty() { "(none)".to_owned() } else { list.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_reproduces_the_weights() {
        let d = Dataset::builtin();
        let mut w = Weighting::preset(&d, "ml-api").unwrap();
        w.set_from_spec(&d, "cpu-bound=9").unwrap();
        assert_eq!(w.command_line(&d, None), "versus report --preset ml-api --weight cpu-bound=9");
        assert_eq!(
            Weighting::defaults(&d).command_line(&d, Some("it's mine.toml")),
            "versus report --data 'it'\\''s mine.toml'"
        );
    }
}
