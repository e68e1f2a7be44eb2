//! Where a set of weights comes from (defaults, a preset or a saved profile), command-line overrides, and
//! the policy that picks among them when versus starts.

use std::fmt::Write as _;

use crate::engine::data::{Dataset, SCALE_MAX};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::pairwise;
use crate::engine::profiles::Profile;
use crate::engine::requirements::{self, Requirements, SpecError};
use crate::engine::team::{Member, median_weights};
use crate::engine::text::{did_you_mean, pluralize};

/// Where the weights came from, before any slider moved or `--weight` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Defaults,
    /// An index into [`Dataset::presets`].
    Preset(usize),
    /// A saved profile (see [`crate::engine::profiles`]), with its weights for this dataset and the
    /// must-haves saved with them.
    Profile {
        name: String,
        weights: Vec<u8>,
        requirements: Requirements,
    },
    /// A team's weight files: each dimension's median of the members counted (see
    /// [`crate::engine::team`]); `counted` has one entry per member.
    Team {
        counted: Vec<bool>,
        weights: Vec<u8>,
    },
}

/// The weights in force and what they started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weighting {
    pub origin: Origin,
    /// One per dimension, 0-10.
    pub weights: Vec<u8>,
    /// The must-haves in force: an option rated below one cannot be recommended. Part of the weighting
    /// because they travel with it: presets and profiles bring theirs, undo brings them back.
    pub requirements: Requirements,
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
    #[error("--require {spec}: expected {form}", form = requirements::FORM)]
    RequireSyntax { spec: String },
    #[error("--require {spec}: unknown dimension `{id}`{hint}")]
    RequireUnknownDimension { spec: String, id: String, hint: String },
    #[error("--require {spec}: the minimum must be a whole number from 0 to {SCALE_MAX}, as in ID>=N")]
    RequireOutOfRange { spec: String },
    #[error("--answer {spec}: expected QUESTION=ANSWER, for example models-in-process=yes")]
    AnswerSyntax { spec: String },
    #[error("--answer {spec}: unknown question `{id}`{hint}; the questions are: {known}")]
    UnknownQuestion { spec: String, id: String, hint: String, known: String },
    #[error("--answer {spec}: question `{question}` has no answer `{id}`{hint}; its answers are: {known}")]
    UnknownAnswer { spec: String, question: String, id: String, hint: String, known: String },
}

impl WeightError {
    /// Whether the command line was malformed (exit status 2), rather than naming something the
    /// dataset or the saved profiles lack.
    #[must_use]
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Self::RequireSyntax { .. } | Self::RequireUnknownDimension { .. } | Self::RequireOutOfRange { .. }
        )
    }
}

impl Weighting {
    #[must_use]
    pub fn defaults(dataset: &Dataset) -> Self {
        Self { origin: Origin::Defaults, weights: dataset.default_weights(), requirements: Requirements::NONE }
    }

    /// The preset named `id`, or an error listing the presets there are.
    pub fn preset(dataset: &Dataset, id: &str) -> Result<Self, WeightError> {
        let index = dataset.presets.iter().position(|p| p.id == id).ok_or_else(|| WeightError::UnknownPreset {
            id: id.to_owned(),
            hint: did_you_mean(id, dataset.presets.iter().map(|p| p.id.as_str())),
            known: list_or_none(dataset.presets.iter().map(|p| p.id.as_str())),
        })?;
        Ok(Self::from_origin(dataset, Origin::Preset(index)))
    }

    /// The saved profile named `name`, or an error listing the profiles there are.
    pub fn profile(profiles: &[Profile], name: &str) -> Result<Self, WeightError> {
        let profile = profiles.iter().find(|p| p.name == name).ok_or_else(|| WeightError::UnknownProfile {
            name: name.to_owned(),
            hint: did_you_mean(name, profiles.iter().map(|p| p.name.as_str())),
            known: list_or_none(profiles.iter().map(|p| p.name.as_str())),
        })?;
        let origin = Origin::of_profile(profile);
        Ok(Self { weights: profile.weights.clone(), requirements: profile.notes.requirements.clone(), origin })
    }

    #[must_use]
    pub(crate) fn from_origin(dataset: &Dataset, origin: Origin) -> Self {
        let weights = origin.weights(dataset);
        let requirements = origin.requirements(dataset);
        Self { origin, weights, requirements }
    }

    /// Applies the interview answers `specs` (each `QUESTION=ANSWER`, as given to `--answer`) with
    /// [`interview_weights`].
    pub fn answer(&mut self, dataset: &Dataset, specs: &[String]) -> Result<(), WeightError> {
        let chosen = specs.iter().map(|spec| parse_answer(dataset, spec)).collect::<Result<Vec<_>, _>>()?;
        self.weights = interview_weights(dataset, &self.weights, &chosen);
        Ok(())
    }

    /// Applies one `ID=N` override, as given to `--weight`.
    pub(crate) fn set_from_spec(&mut self, dataset: &Dataset, spec: &str) -> Result<(), WeightError> {
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

    /// Applies one `ID>=N` requirement, as given to `--require`: it adds to those in force, replaces
    /// the minimum of a dimension already required, and clears it at 0.
    pub(crate) fn require_from_spec(&mut self, dataset: &Dataset, spec: &str) -> Result<(), WeightError> {
        let (dimension, min) = requirements::parse_spec(dataset, spec).map_err(|e| match e {
            SpecError::Syntax => WeightError::RequireSyntax { spec: spec.to_owned() },
            SpecError::OutOfRange => WeightError::RequireOutOfRange { spec: spec.to_owned() },
            SpecError::UnknownDimension { id, closest } => WeightError::RequireUnknownDimension {
                spec: spec.to_owned(),
                hint: closest.map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default(),
                id,
            },
        })?;
        self.requirements.set(dimension, min);
        Ok(())
    }

    /// Whether the weights differ from those of their origin.
    #[must_use]
    pub(crate) fn is_modified(&self, dataset: &Dataset) -> bool {
        self.weights != self.origin.weights(dataset) || self.requirements != self.origin.requirements(dataset)
    }

    /// "defaults", or the preset's name, with ", modified" once a weight or a must-have departs from it.
    #[must_use]
    pub(crate) fn describe(&self, dataset: &Dataset) -> String {
        let origin = self.origin.name(dataset);
        if self.is_modified(dataset) { format!("{origin}, modified") } else { origin }
    }

    /// The command line that reproduces these weights: `versus report --preset=ID --weight=ID=N ...`,
    /// naming only the weights that differ from the preset (or the defaults: a profile lives on one
    /// machine, so its weights are spelled out). The `=` forms keep an id that starts with `-` a value.
    #[must_use]
    pub fn command_line(&self, dataset: &Dataset, data_path: Option<&str>) -> String {
        let mut line = report_command(data_path);
        let reference = match &self.origin {
            Origin::Preset(i) => {
                let _ = write!(line, " --preset={}", dataset.presets[*i].id);
                self.origin.weights(dataset)
            }
            Origin::Defaults | Origin::Profile { .. } | Origin::Team { .. } => dataset.default_weights(),
        };
        self.push_overrides(&mut line, dataset, &reference);
        let reference = match &self.origin {
            Origin::Preset(_) => self.origin.requirements(dataset),
            Origin::Defaults | Origin::Profile { .. } | Origin::Team { .. } => Requirements::NONE,
        };
        self.push_requirements(&mut line, dataset, &reference);
        line
    }

    /// Appends ` --require='ID>=N'` for each requirement that differs from `reference` (`>=0` for one
    /// `reference` has and these do not). Quoted: `>` is a redirection to a shell.
    pub fn push_requirements(&self, line: &mut String, dataset: &Dataset, reference: &Requirements) {
        for (dimension, info) in dataset.dimensions.iter().enumerate() {
            let (now, was) = (self.requirements.get(dimension), reference.get(dimension));
            if now != was {
                let _ = write!(line, " --require='{}>={}'", info.id, now.unwrap_or(0));
            }
        }
    }

    /// Appends ` --weight=ID=N` for each weight that differs from `reference`.
    pub fn push_overrides(&self, line: &mut String, dataset: &Dataset, reference: &[u8]) {
        for ((dimension, &weight), &was) in dataset.dimensions.iter().zip(&self.weights).zip(reference) {
            if weight != was {
                let _ = write!(line, " --weight={}={weight}", dimension.id);
            }
        }
    }
}

/// `versus report`, with `--data='PATH'` when there is one.
#[must_use]
pub fn report_command(data_path: Option<&str>) -> String {
    let mut line = "versus report".to_owned();
    if let Some(path) = data_path {
        // Single quotes keep a path with spaces or `$` whole in a POSIX shell.
        let _ = write!(line, " --data={}", shell_quote(path));
        if path.ends_with(['\n', '\r']) {
            line.push_str(" # the dataset's path ends in a line break, which no command can pass: rename it");
        }
    }
    line
}

/// A word for a POSIX shell, quoted only when it needs to be (see [`shell_quote`]).
#[must_use]
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_=./:,@%+".contains(c));
    if plain { word.to_owned() } else { shell_quote(word) }
}

/// `text` as one word for a POSIX shell: in single quotes; or, when it holds characters that outputs
/// clean away (a line break, a tab, an escape), as `"$(printf '...')"` with those as octal escapes, so
/// that `sh` gets the same text from a command that holds none. (A line break at the very end is the
/// one thing this cannot keep: command substitution drops it. [`report_command`] says so.)
#[must_use]
pub fn shell_quote(text: &str) -> String {
    use std::fmt::Write as _;
    if !text.chars().any(crate::engine::data::sanitize::is_forbidden) {
        return format!("'{}'", text.replace('\'', "'\\''"));
    }
    let mut format = String::new();
    for c in text.chars() {
        match c {
            '\\' => format.push_str("\\\\"),
            '%' => format.push_str("%%"),
            '\'' => format.push_str("'\\''"),
            c if crate::engine::data::sanitize::is_forbidden(c) => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    let _ = write!(format, "\\{byte:03o}");
                }
            }
            c => format.push(c),
        }
    }
    format!("\"$(printf '{format}')\"")
}

impl Origin {
    /// A saved profile's, with its weights and must-haves as saved.
    #[must_use]
    pub fn of_profile(profile: &Profile) -> Self {
        Self::Profile {
            name: profile.name.clone(),
            weights: profile.weights.clone(),
            requirements: profile.notes.requirements.clone(),
        }
    }

    #[must_use]
    pub fn weights(&self, dataset: &Dataset) -> Vec<u8> {
        match self {
            Self::Defaults => dataset.default_weights(),
            Self::Preset(i) => dataset.presets[*i].weights.clone(),
            Self::Profile { weights, .. } | Self::Team { weights, .. } => weights.clone(),
        }
    }

    /// The must-haves the origin brings: a preset's or a saved profile's own; none for the others.
    #[must_use]
    pub fn requirements(&self, dataset: &Dataset) -> Requirements {
        match self {
            Self::Preset(i) => dataset.presets[*i].requirements.clone(),
            Self::Profile { requirements, .. } => requirements.clone(),
            Self::Defaults | Self::Team { .. } => Requirements::NONE,
        }
    }

    /// "defaults", the preset's name, or "profile NAME".
    #[must_use]
    pub fn name(&self, dataset: &Dataset) -> String {
        match self {
            Self::Defaults => "defaults".to_owned(),
            Self::Preset(i) => dataset.presets[*i].name.clone(),
            Self::Profile { name, .. } => format!("profile {name}"),
            Self::Team { counted, .. } => {
                format!("the median of {}", pluralize(counted.iter().filter(|&&c| c).count(), "member"))
            }
        }
    }

    /// The preset's id, if any.
    #[must_use]
    pub(crate) fn preset_id<'a>(&self, dataset: &'a Dataset) -> Option<&'a str> {
        match self {
            Self::Preset(i) => Some(&dataset.presets[*i].id),
            Self::Defaults | Self::Profile { .. } | Self::Team { .. } => None,
        }
    }

    /// With a team, how many members count toward it.
    #[must_use]
    pub fn team_size(&self) -> Option<usize> {
        match self {
            Self::Team { counted, .. } => Some(counted.iter().filter(|&&c| c).count()),
            Self::Defaults | Self::Preset(_) | Self::Profile { .. } => None,
        }
    }

    /// The saved profile's name, if any.
    #[must_use]
    pub(crate) fn profile_name(&self) -> Option<&str> {
        match self {
            Self::Profile { name, .. } => Some(name),
            Self::Defaults | Self::Preset(_) | Self::Team { .. } => None,
        }
    }
}

/// What the command line asks the weights to start from (at most one of a preset and a profile), and
/// what to apply after it, in this order: interview answers, pairwise judgements, `ID=N` overrides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    pub preset: Option<String>,
    pub profile: Option<String>,
    /// A team's members, whose median the weights start from (at most one of the three).
    pub team: Option<Vec<Member>>,
    /// Interview answers, `QUESTION=ANSWER`.
    pub answers: Vec<String>,
    /// Pairwise judgements and the priorities they give (see [`pairwise::weights_from`]).
    pub pairwise: Option<(pairwise::Judged, pairwise::Priorities)>,
    pub overrides: Vec<String>,
    /// Must-haves, `ID>=N`, applied over the preset's or profile's (see [`Weighting::require_from_spec`]).
    pub requirements: Vec<String>,
}

/// The config file's default starting point (at most one of the two), used when the command line names
/// neither. It applies to every dataset, so one that does not fit this one is a warning, not an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConfigDefault<'a> {
    pub preset: Option<&'a str>,
    pub profile: Option<&'a str>,
}

impl Weighting {
    /// The weights `request` asks for: its profile or preset, else the config's `default`, else the
    /// dataset's defaults; then its answers, its pairwise judgements and each override in order. Also returns the warnings to show (a default that
    /// does not apply, a profile naming dimensions the dataset lacks).
    pub(crate) fn resolve(
        dataset: &Dataset,
        request: &Request,
        default: ConfigDefault<'_>,
        profiles: &[Profile],
    ) -> Result<(Self, Vec<Diagnostic>), WeightError> {
        let mut warnings = Vec::new();
        let mut chosen_profile = |name: &str| {
            let weighting = Self::profile(profiles, name)?;
            warnings
                .extend(profiles.iter().find(|p| p.name == name).and_then(Profile::warning).map(Diagnostic::warning));
            Ok::<_, WeightError>(weighting)
        };
        let team = request.team.as_ref().filter(|members| !members.is_empty()).map(|members| {
            let weights = median_weights(&members.iter().collect::<Vec<_>>());
            let origin = Origin::Team { counted: vec![true; members.len()], weights: weights.clone() };
            Self { origin, weights, requirements: Requirements::NONE }
        });
        let mut weighting = match (team, &request.profile, &request.preset) {
            (Some(team), _, _) => team,
            (None, Some(name), _) => chosen_profile(name)?,
            (None, None, Some(id)) => Self::preset(dataset, id)?,
            (None, None, None) => {
                let chosen = match (default.profile, default.preset) {
                    (Some(name), _) => Some(chosen_profile(name)),
                    (None, Some(id)) => Some(Self::preset(dataset, id)),
                    (None, None) => None,
                };
                match chosen {
                    Some(Ok(weighting)) => weighting,
                    Some(Err(e)) => {
                        warnings.push(Diagnostic::warning(format!("the config's default does not apply: {e}")));
                        Self::defaults(dataset)
                    }
                    None => Self::defaults(dataset),
                }
            }
        };
        weighting.answer(dataset, &request.answers)?;
        if let Some((judged, priorities)) = &request.pairwise {
            weighting.weights = pairwise::weights_from(dataset, &weighting.weights, judged, priorities);
        }
        for spec in &request.overrides {
            weighting.set_from_spec(dataset, spec)?;
        }
        for spec in &request.requirements {
            weighting.require_from_spec(dataset, spec)?;
        }
        Ok((weighting, warnings))
    }
}

/// The dimensions whose weight differs between `now` and `then`, as (dimension, now, then).
#[must_use]
pub fn changes(now: &[u8], then: &[u8]) -> Vec<(usize, u8, u8)> {
    now.iter().zip(then).enumerate().filter(|(_, (a, b))| a != b).map(|(d, (&a, &b))| (d, a, b)).collect()
}

/// The weights the interview's chosen answers (question, answer) give over `start`: a dimension named by
/// several chosen answers takes the largest weight they give; one named by none keeps its weight in
/// `start`. Neither the order of the answers nor answering a question twice the same way matters.
#[must_use]
pub fn interview_weights(dataset: &Dataset, start: &[u8], chosen: &[(usize, usize)]) -> Vec<u8> {
    let mut named: Vec<Option<u8>> = vec![None; start.len()];
    for &(question, answer) in chosen {
        for &(dimension, weight) in &dataset.questions[question].answers[answer].weights {
            named[dimension] = Some(named[dimension].map_or(weight, |w| w.max(weight)));
        }
    }
    start.iter().zip(named).map(|(&was, named)| named.unwrap_or(was)).collect()
}

/// The weights a changed set of answers gives: `new` applied over `over` (the weights the answers in force,
/// `old`, were applied over), except where `now` departs from what `old` gave: a weight changed by hand
/// after the answers stays as it is. With `old` and `new` alike, that is `now`.
#[must_use]
pub fn reanswer(dataset: &Dataset, over: &[u8], now: &[u8], old: &[(usize, usize)], new: &[(usize, usize)]) -> Vec<u8> {
    let given = interview_weights(dataset, over, old);
    let answered = interview_weights(dataset, over, new);
    now.iter()
        .zip(given)
        .zip(answered)
        .map(|((&now, given), answered)| if now == given { answered } else { now })
        .collect()
}

/// `QUESTION=ANSWER` as (question, answer) indexes of `dataset`.
pub(crate) fn parse_answer(dataset: &Dataset, spec: &str) -> Result<(usize, usize), WeightError> {
    let (question_id, answer_id) =
        spec.split_once('=').ok_or_else(|| WeightError::AnswerSyntax { spec: spec.to_owned() })?;
    let (question_id, answer_id) = (question_id.trim(), answer_id.trim());
    let ids = || dataset.questions.iter().map(|q| q.id.as_str());
    let question = ids().position(|id| id == question_id).ok_or_else(|| WeightError::UnknownQuestion {
        spec: spec.to_owned(),
        id: question_id.to_owned(),
        hint: did_you_mean(question_id, ids()),
        known: list_or_none(ids()),
    })?;
    let answers = || dataset.questions[question].answers.iter().map(|a| a.id.as_str());
    let answer = answers().position(|id| id == answer_id).ok_or_else(|| WeightError::UnknownAnswer {
        spec: spec.to_owned(),
        question: question_id.to_owned(),
        id: answer_id.to_owned(),
        hint: did_you_mean(answer_id, answers()),
        known: list_or_none(answers()),
    })?;
    Ok((question, answer))
}

fn list_or_none<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<&str> = items.collect();
    if list.is_empty() { "(none)".to_owned() } else { list.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str, weights: Vec<u8>, unknown: &[&str]) -> Profile {
        let unknown = unknown.iter().map(|&id| id.to_owned()).collect();
        Profile {
            name: name.into(),
            stored_name: name.into(),
            weights,
            unknown,
            out_of_range: Vec::new(),
            notes: crate::engine::profiles::Notes::default(),
        }
    }

    #[test]
    fn pairwise_judgements_apply_after_the_answers_and_before_the_overrides() {
        let d = Dataset::builtin();
        let file = "[[pairs]]\nmore = \"Performance\"\nless = \"Data & ML\"\nby = 9\n";
        let judged = pairwise::parse(file, "pairs.toml", &d).unwrap();
        let priorities = pairwise::priorities(judged.items.len(), &judged.judgements);
        let answers = vec!["models-in-process=yes".to_owned()];
        let request = Request {
            answers: answers.clone(),
            pairwise: Some((judged.clone(), priorities.clone())),
            overrides: vec!["cpu-bound=1".to_owned()],
            ..Request::default()
        };
        let (w, _) = Weighting::resolve(&d, &request, ConfigDefault::default(), &[]).unwrap();
        // The same steps by hand, in the documented order.
        let mut expected = Weighting::defaults(&d);
        expected.answer(&d, &answers).unwrap();
        expected.weights = pairwise::weights_from(&d, &expected.weights, &judged, &priorities);
        assert_ne!(expected.weights, Weighting::defaults(&d).weights, "the judgements change something");
        expected.set_from_spec(&d, "cpu-bound=1").unwrap();
        assert_eq!(w.weights, expected.weights);
        assert_eq!(w.weights[d.dimension_index("cpu-bound").unwrap()], 1, "the override has the last word");
    }

    #[test]
    fn the_command_line_wins_over_the_config_and_overrides_come_last() {
        let d = Dataset::builtin();
        let request = |preset: Option<&str>, overrides: &[&str]| Request {
            preset: preset.map(str::to_owned),
            overrides: overrides.iter().map(|&o| o.to_owned()).collect(),
            ..Request::default()
        };
        let config = ConfigDefault { preset: Some("ml-api"), profile: None };
        let (w, warnings) = Weighting::resolve(&d, &request(None, &[]), config, &[]).unwrap();
        assert_eq!((w, warnings), (Weighting::preset(&d, "ml-api").unwrap(), vec![]));
        let (w, _) = Weighting::resolve(&d, &request(Some("realtime-chat"), &["cpu-bound=0"]), config, &[]).unwrap();
        let mut expected = Weighting::preset(&d, "realtime-chat").unwrap();
        expected.set_from_spec(&d, "cpu-bound=0").unwrap();
        assert_eq!(w, expected);
        assert!(matches!(
            Weighting::resolve(&d, &request(Some("nope"), &[]), config, &[]),
            Err(WeightError::UnknownPreset { .. })
        ));
    }

    #[test]
    fn a_config_default_that_does_not_fit_is_a_warning_and_the_defaults_apply() {
        let d = Dataset::builtin();
        let config = ConfigDefault { preset: None, profile: Some("gone") };
        let (w, warnings) = Weighting::resolve(&d, &Request::default(), config, &[]).unwrap();
        assert_eq!(w, Weighting::defaults(&d));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].is_warning());
        assert!(warnings[0].message.starts_with("the config's default does not apply: no saved profile `gone`"));
    }

    #[test]
    fn a_profile_naming_unknown_dimensions_loads_with_its_warning() {
        let d = Dataset::builtin();
        let profiles = [profile("old", vec![3; d.dimensions.len()], &["quantum"])];
        let request = Request { profile: Some("old".into()), ..Request::default() };
        let (w, warnings) = Weighting::resolve(&d, &request, ConfigDefault::default(), &profiles).unwrap();
        assert_eq!(w.weights, vec![3; d.dimensions.len()]);
        assert_eq!(w.origin.profile_name(), Some("old"));
        assert!(warnings.len() == 1 && warnings[0].message.contains("quantum"), "{warnings:?}");
    }

    #[test]
    fn the_command_line_reproduces_the_weights() {
        let d = Dataset::builtin();
        let mut w = Weighting::preset(&d, "ml-api").unwrap();
        w.set_from_spec(&d, "cpu-bound=9").unwrap();
        assert_eq!(w.command_line(&d, None), "versus report --preset=ml-api --weight=cpu-bound=9");
        assert_eq!(
            Weighting::defaults(&d).command_line(&d, Some("/data/it's mine.toml")),
            "versus report --data='/data/it'\\''s mine.toml'"
        );
    }
}
