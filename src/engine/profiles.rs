//! Saved weight profiles: the user's own presets, kept per dataset in `profiles.toml` in the config
//! directory. This module is the pure part: the file's model, parsing, and matching against a dataset.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::engine::data::{Dataset, Position, SCALE_MAX, sanitize};
use crate::engine::diagnostic::{Diagnostic, Invalid};
use crate::engine::requirements::Requirements;
use crate::engine::text::did_you_mean;

/// The profiles file's name in the config directory.
pub(crate) const FILE_NAME: &str = "profiles.toml";
/// The longest profile name accepted.
pub(crate) const MAX_NAME_CHARS: usize = 40;

/// The whole file, every dataset's profiles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    #[serde(default, rename = "profile")]
    pub profiles: Vec<StoredProfile>,
}

/// One profile as stored: which dataset (by title), its name, and weights by dimension id. A weight is
/// kept as written, in range or not, so that rewriting the file for another profile changes nothing
/// of this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredProfile {
    pub dataset: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub weights: BTreeMap<String, Spanned<i64>>,
    /// The interview answers the weights came from, question id to answer id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
    /// Must-haves: dimension id to the lowest rating an option may have there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requirements: BTreeMap<String, Spanned<i64>>,
    /// The weights outside 0-10, each as "line L: ...", found when the file was read.
    #[serde(skip)]
    out_of_range: Vec<String>,
}

/// A profile matched to the dataset in use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The name as shown (control characters removed).
    pub name: String,
    /// The name as stored in the file, which replacing and deleting must match exactly.
    pub stored_name: String,
    /// One weight per dimension; a dimension the profile does not name keeps its default weight.
    pub weights: Vec<u8>,
    /// Dimension ids the profile names that this dataset does not have (ignored, with a warning).
    pub unknown: Vec<String>,
    /// Weights outside 0-10, with their lines (those dimensions keep their defaults, with a warning).
    pub out_of_range: Vec<String>,
    pub notes: Notes,
}

/// What a profile may say besides its weights: why, and the interview answers they came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    pub note: Option<String>,
    /// `QUESTION=ANSWER`, as `--answer` takes them.
    pub answers: Vec<String>,
    /// The must-haves saved with the weights.
    pub requirements: Requirements,
}

impl Profile {
    /// A warning for the status line and stderr when the profile names dimensions the dataset lacks or
    /// gives weights outside 0-10.
    #[must_use]
    pub fn warning(&self) -> Option<String> {
        let mut problems = Vec::new();
        if !self.unknown.is_empty() {
            problems.push(format!("names dimensions this dataset does not have, ignored: {}", self.unknown.join(", ")));
        }
        if !self.out_of_range.is_empty() {
            problems.push(format!(
                "has weights or requirements outside 0-{SCALE_MAX}, which keep their defaults (no requirement): {}",
                self.out_of_range.join("; ")
            ));
        }
        (!problems.is_empty()).then(|| format!("profile `{}` {}", self.name, problems.join("; and ")))
    }
}

impl ProfileFile {
    /// Parses the file's text; the error has its line and column (the caller names the file). A weight
    /// outside 0-10 is not an error: the profile says so when it is used, and the rest of it applies.
    pub fn parse(text: &str) -> Result<Self, Diagnostic> {
        let mut file: Self = toml::from_str(text).map_err(|e| crate::engine::data::toml_diagnostic(text, &e))?;
        for profile in &mut file.profiles {
            // Cleaned once, here, as a name typed is (`check_name`): what is listed is what every command
            // matches, and saving that name replaces the profile instead of adding one that reads the same.
            profile.name = clean_name(&profile.name);
            profile.out_of_range = profile
                .weights
                .iter()
                .chain(&profile.requirements)
                .filter(|(_, weight)| u8::try_from(*weight.get_ref()).map_or(true, |w| w > SCALE_MAX))
                .map(|(id, weight)| {
                    let at = Position::of_offset(text, weight.span().start);
                    format!("line {}, column {}: `{}` = {}", at.line, at.column, sanitize::line(id), weight.get_ref())
                })
                .collect();
        }
        Ok(file)
    }

    #[must_use]
    pub fn to_toml(&self) -> String {
        let body = toml::to_string_pretty(self).unwrap_or_default();
        format!("# Saved weight profiles of versus, one per dataset and name. versus rewrites this file.\n\n{body}")
    }

    /// The profiles of `dataset`, in file order, matched to its dimensions.
    #[must_use]
    pub(crate) fn for_dataset(&self, dataset: &Dataset) -> Vec<Profile> {
        // Two stored names that read the same once cleaned are one profile, the first (which a save of
        // that name replaces, and a delete removes with the rest).
        let mut seen = std::collections::HashSet::new();
        self.profiles
            .iter()
            .filter(|p| p.dataset == dataset.meta.title && seen.insert(p.name.as_str()))
            .map(|p| p.resolve(dataset))
            .collect()
    }

    /// Adds or replaces the profile `name` of `dataset`, with no notes.
    #[cfg(test)]
    pub(crate) fn upsert(&mut self, dataset: &Dataset, name: &str, weights: &[u8]) {
        self.upsert_with(dataset, name, weights, &Notes::default());
    }

    /// Adds or replaces the profile `name` of `dataset`.
    #[cfg(test)]
    pub(crate) fn upsert_with(&mut self, dataset: &Dataset, name: &str, weights: &[u8], notes: &Notes) {
        self.upsert_stored(StoredProfile::new(dataset, name, weights, notes));
    }

    /// Adds `stored`, or replaces the profile of its dataset and name (and drops later ones that read
    /// the same).
    pub(crate) fn upsert_stored(&mut self, stored: StoredProfile) {
        let same = |p: &StoredProfile| p.dataset == stored.dataset && p.name == stored.name;
        match self.profiles.iter().position(same) {
            Some(first) => {
                let mut index = 0;
                self.profiles.retain(|p| {
                    index += 1;
                    index - 1 <= first || !same(p)
                });
                self.profiles[first] = stored;
            }
            None => self.profiles.push(stored),
        }
    }

    /// Removes the profile `name` of the dataset titled `dataset`; whether there was one.
    pub(crate) fn remove(&mut self, dataset: &str, name: &str) -> bool {
        let before = self.profiles.len();
        let name = clean_name(name);
        self.profiles.retain(|p| !(p.dataset == dataset && p.name == name));
        self.profiles.len() != before
    }
}

impl StoredProfile {
    /// `weights` (one per dimension of `dataset`) as profile `name`, with its notes, as the file keeps it.
    #[must_use]
    pub fn new(dataset: &Dataset, name: &str, weights: &[u8], notes: &Notes) -> Self {
        Self {
            dataset: dataset.meta.title.clone(),
            name: clean_name(name),
            note: notes.note.clone(),
            answers: notes
                .answers
                .iter()
                .filter_map(|spec| spec.split_once('='))
                .map(|(q, a)| (q.to_owned(), a.to_owned()))
                .collect(),
            weights: dataset
                .dimensions
                .iter()
                .zip(weights)
                .map(|(dimension, &weight)| (dimension.id.clone(), Spanned::new(0..0, i64::from(weight))))
                .collect(),
            requirements: notes
                .requirements
                .iter()
                .map(|r| (dataset.dimensions[r.dimension].id.clone(), Spanned::new(0..0, i64::from(r.min))))
                .collect(),
            out_of_range: Vec::new(),
        }
    }

    /// The profile matched to `dataset`: a weight per dimension, and what does not fit.
    #[must_use]
    pub fn resolve(&self, dataset: &Dataset) -> Profile {
        let weights = dataset
            .dimensions
            .iter()
            .map(|dimension| {
                let stored = self.weights.get(&dimension.id).and_then(|w| u8::try_from(*w.get_ref()).ok());
                stored.filter(|&w| w <= SCALE_MAX).unwrap_or(dimension.weight)
            })
            .collect();
        // Shown in warnings and listings: as cleaned as the name.
        let mut requirements = Requirements::default();
        for (id, min) in &self.requirements {
            let min = u8::try_from(*min.get_ref()).ok().filter(|&m| m <= SCALE_MAX);
            if let (Some(dimension), Some(min)) = (dataset.dimension_index(id), min) {
                requirements.set(dimension, min);
            }
        }
        let unknown = self
            .weights
            .keys()
            .chain(self.requirements.keys())
            .filter(|id| dataset.dimension_index(id).is_none())
            .map(|id| {
                let hint = did_you_mean(id, dataset.dimensions.iter().map(|d| d.id.as_str()));
                sanitize::line(&format!("{}{hint}", id.as_str()))
            })
            .collect();
        Profile {
            name: crate::engine::data::sanitize::line(&self.name),
            stored_name: self.name.clone(),
            weights,
            unknown,
            out_of_range: self.out_of_range.clone(),
            notes: Notes {
                note: self.note.as_deref().map(sanitize::text),
                answers: self.answers.iter().map(|(q, a)| format!("{q}={a}")).collect(),
                requirements,
            },
        }
    }
}

/// A profile's name as versus shows and matches it: control characters removed, spaces trimmed.
fn clean_name(name: &str) -> String {
    sanitize::line(name).trim().to_owned()
}

/// Checks a name typed for a new profile.
pub(crate) fn check_name(name: &str) -> Result<String, Invalid> {
    let name = clean_name(name);
    if name.is_empty() {
        Err(Invalid("a profile needs a name".to_owned()))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(Invalid(format!("a profile name has at most {MAX_NAME_CHARS} characters")))
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_then_load_gives_identical_weights() {
        let d = Dataset::builtin();
        let weights: Vec<u8> = (0..d.dimensions.len()).map(|i| (i % 11) as u8).collect();
        let mut file = ProfileFile::default();
        file.upsert(&d, "mine", &weights);
        let back = ProfileFile::parse(&file.to_toml()).unwrap();
        assert_eq!(back, file);
        let profiles = back.for_dataset(&d);
        assert_eq!(profiles.len(), 1);
        assert_eq!(profiles[0].weights, weights);
        assert!(profiles[0].unknown.is_empty());
        let mut requirements = Requirements::default();
        requirements.set(d.dimension_index("cpu-bound").unwrap(), 7);
        let notes = Notes { note: Some("why".into()), answers: vec!["models-in-process=yes".into()], requirements };
        file.upsert_with(&d, "noted", &weights, &notes);
        let back = ProfileFile::parse(&file.to_toml()).unwrap();
        assert_eq!(back.for_dataset(&d)[1].notes, notes);
    }

    #[test]
    fn upsert_replaces_by_dataset_and_name() {
        let d = Dataset::builtin();
        let mut file = ProfileFile::default();
        file.upsert(&d, "a", &d.default_weights());
        file.upsert(&d, "a", &vec![1; d.dimensions.len()]);
        assert_eq!(file.profiles.len(), 1);
        assert_eq!(file.for_dataset(&d)[0].weights, vec![1; d.dimensions.len()]);
        assert!(file.remove(&d.meta.title, "a"));
        assert!(!file.remove(&d.meta.title, "a"));
    }

    #[test]
    fn unknown_dimensions_warn_and_missing_ones_keep_their_default() {
        let d = Dataset::builtin();
        let text = format!(
            "[[profile]]\ndataset = \"{}\"\nname = \"old\"\n[profile.weights]\ncpu-bound = 9\nquantum = 4\n",
            d.meta.title
        );
        let profile = &ProfileFile::parse(&text).unwrap().for_dataset(&d)[0];
        assert_eq!(profile.weights[0], 9);
        assert_eq!(profile.weights[1], d.dimensions[1].weight);
        assert_eq!(profile.unknown, vec!["quantum".to_owned()]);
        assert!(profile.warning().unwrap().contains("quantum"));
    }

    #[test]
    fn a_requirement_off_the_scale_or_on_an_unknown_dimension_is_a_warning_and_the_rest_applies() {
        let d = Dataset::builtin();
        let text = format!(
            "[[profile]]\ndataset = \"{}\"\nname = \"musts\"\n[profile.weights]\ncpu-bound = 5\n\
             [profile.requirements]\ncpu-bound = 12\nquantum = 3\nrealtime = 6\nml-ecosystm = 5\n",
            d.meta.title
        );
        let profile = &ProfileFile::parse(&text).unwrap().for_dataset(&d)[0];
        let index = |id| d.dimension_index(id).unwrap();
        assert_eq!(profile.notes.requirements.get(index("realtime")), Some(6));
        assert_eq!(profile.notes.requirements.get(index("cpu-bound")), None, "off the scale: no requirement");
        let warning = profile.warning().unwrap();
        assert!(warning.contains("line 7, column 13: `cpu-bound` = 12") && warning.contains("quantum"), "{warning}");
        assert!(warning.contains("ml-ecosystm (did you mean `ml-ecosystem`?)"), "{warning}");
    }

    #[test]
    fn a_weight_out_of_range_is_a_warning_with_its_line_and_the_rest_applies() {
        let d = Dataset::builtin();
        let text = format!(
            "[[profile]]\ndataset = \"{}\"\nname = \"odd\"\n[profile.weights]\ncpu-bound = 11\nml-ecosystem = 256\n\
             realtime = -1\nio-concurrency = 7\n",
            d.meta.title
        );
        let file = ProfileFile::parse(&text).unwrap();
        let profile = &file.for_dataset(&d)[0];
        let index = |id| d.dimension_index(id).unwrap();
        for id in ["cpu-bound", "ml-ecosystem", "realtime"] {
            assert_eq!(profile.weights[index(id)], d.dimensions[index(id)].weight, "{id} keeps its default");
        }
        assert_eq!(profile.weights[index("io-concurrency")], 7);
        let warning = profile.warning().unwrap();
        for part in [
            "line 5, column 13: `cpu-bound` = 11",
            "line 6, column 16: `ml-ecosystem` = 256",
            "line 7, column 12: `realtime` = -1",
        ] {
            assert!(warning.contains(part), "{part} in {warning}");
        }
        // Saving another profile writes this one back as it was.
        let mut file = file;
        file.upsert(&d, "other", &d.default_weights());
        assert!(file.to_toml().contains("ml-ecosystem = 256"), "{}", file.to_toml());
    }

    #[test]
    fn other_datasets_profiles_are_not_listed() {
        let d = Dataset::builtin();
        let text = "[[profile]]\ndataset = \"Something else\"\nname = \"x\"\nweights = {}\n";
        assert!(ProfileFile::parse(text).unwrap().for_dataset(&d).is_empty());
    }

    #[test]
    fn a_corrupt_file_says_where() {
        let error = ProfileFile::parse("[[profile]]\nnmae = 1\n").unwrap_err();
        assert_eq!(error.position, Some(Position { line: 2, column: 1 }));
        assert!(error.message.starts_with("unknown field `nmae`"), "{error}");
        assert_eq!(error.suggestion.as_deref(), Some("name"));
    }
}
