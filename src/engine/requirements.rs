//! Must-haves: a dimension and the lowest rating an option may have there and still be chosen
//! (`--require cpu-bound>=6`, `[requirements]` in presets, profiles and weight files, `!` in the
//! explorer). An option rated below a requirement fails it: it keeps its score, but it cannot be the
//! recommendation. Pure functions.

use serde::{Deserialize, Serialize};

use crate::engine::data::{Dataset, SCALE_MAX};

/// The form every message about a malformed requirement shows.
pub const FORM: &str = "ID>=N, N a whole number from 0 to 10, for example 'cpu-bound>=6'";

/// One must-have: `dimension` rated at least `min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub dimension: usize,
    /// 1-10: a minimum of 0 holds for every rating, so setting it clears the requirement.
    pub min: u8,
}

/// The requirements in force, at most one per dimension, in dataset order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirements(Vec<Requirement>);

impl Requirements {
    /// No requirement: every option is eligible.
    pub const NONE: Self = Self(Vec::new());

    /// Requires `dimension` to be rated at least `min` (clamped to the scale), replacing any minimum
    /// it had; a `min` of 0 clears it.
    pub fn set(&mut self, dimension: usize, min: u8) {
        let at = self.0.partition_point(|r| r.dimension < dimension);
        let exists = self.0.get(at).is_some_and(|r| r.dimension == dimension);
        match (exists, min.min(SCALE_MAX)) {
            (true, 0) => {
                self.0.remove(at);
            }
            (true, min) => self.0[at].min = min,
            (false, 0) => {}
            (false, min) => self.0.insert(at, Requirement { dimension, min }),
        }
    }

    /// These and `others` together: where both require a dimension, the higher minimum.
    #[must_use]
    pub fn and(&self, others: &Self) -> Self {
        let mut both = self.clone();
        for r in &others.0 {
            if both.get(r.dimension).is_none_or(|min| min < r.min) {
                both.set(r.dimension, r.min);
            }
        }
        both
    }

    /// The minimum `dimension` must be rated, if it has one.
    #[must_use]
    pub fn get(&self, dimension: usize) -> Option<u8> {
        self.0.binary_search_by_key(&dimension, |r| r.dimension).ok().map(|i| self.0[i].min)
    }

    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Requirement> {
        self.0.iter()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The requirements as `ID>=N`, in dataset order, as `--require` takes them.
    #[must_use]
    pub fn specs(&self, dataset: &Dataset) -> Vec<String> {
        self.0.iter().map(|r| format!("{}>={}", dataset.dimensions[r.dimension].id, r.min)).collect()
    }

    /// The requirements in words: "CPU-bound pure code at least 6, Realtime at least 5".
    #[must_use]
    pub fn describe(&self, dataset: &Dataset) -> String {
        let parts: Vec<String> =
            self.0.iter().map(|r| format!("{} at least {}", dataset.dimensions[r.dimension].name, r.min)).collect();
        parts.join(", ")
    }
}

/// Why a `--require` spec was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// Not `ID>=N`.
    Syntax,
    /// No dimension has this id; the closest one, if any looks like it was meant.
    UnknownDimension { id: String, closest: Option<String> },
    /// N is not a whole number from 0 to 10.
    OutOfRange,
}

/// Reads `ID>=N` (spaces around either part allowed) as (dimension, minimum).
pub fn parse_spec(dataset: &Dataset, spec: &str) -> Result<(usize, u8), SpecError> {
    let (id, value) = spec.split_once(">=").ok_or(SpecError::Syntax)?;
    let (id, value) = (id.trim(), value.trim());
    if id.is_empty() || value.is_empty() {
        return Err(SpecError::Syntax);
    }
    let dimension = dataset.dimension_index(id).ok_or_else(|| SpecError::UnknownDimension {
        id: id.to_owned(),
        closest: crate::engine::text::closest(id, dataset.dimensions.iter().map(|d| d.id.as_str())).map(str::to_owned),
    })?;
    Ok((dimension, parse_min(value)?))
}

/// A minimum as typed: a whole number from 0 to 10 (0 clears the must-have).
pub fn parse_min(value: &str) -> Result<u8, SpecError> {
    value.trim().parse::<u8>().ok().filter(|&n| n <= SCALE_MAX).ok_or(SpecError::OutOfRange)
}

/// How far an option falls short of one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub dimension: usize,
    pub min: u8,
    /// The option's rating there, below `min`.
    pub rating: u8,
}

impl Shortfall {
    /// Rating steps below the minimum.
    #[must_use]
    pub fn by(&self) -> u8 {
        self.min - self.rating
    }
}

/// Which options meet every requirement, and how far the others fall short.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screening {
    /// Per option, in dataset order: the requirements it fails, in dataset order (empty: it passes).
    pub failing: Vec<Vec<Shortfall>>,
}

impl Screening {
    #[must_use]
    pub fn of(dataset: &Dataset, requirements: &Requirements) -> Self {
        let failing = (0..dataset.options.len())
            .map(|option| {
                requirements
                    .iter()
                    .filter_map(|r| {
                        let rating = dataset.dimensions[r.dimension].assessments[option].rating;
                        (rating < r.min).then_some(Shortfall { dimension: r.dimension, min: r.min, rating })
                    })
                    .collect()
            })
            .collect();
        Self { failing }
    }

    #[must_use]
    pub fn passes(&self, option: usize) -> bool {
        self.failing.get(option).is_none_or(Vec::is_empty)
    }

    /// One flag per option: whether it meets every requirement.
    #[must_use]
    pub fn eligible(&self) -> Vec<bool> {
        (0..self.failing.len()).map(|o| self.passes(o)).collect()
    }

    /// Rating steps short in all, over every requirement `option` fails.
    #[must_use]
    pub fn total_shortfall(&self, option: usize) -> u32 {
        self.failing.get(option).map_or(0, |s| s.iter().map(|s| u32::from(s.by())).sum())
    }

    /// The option with the smallest total shortfall, of equals the one `rank` puts first (then the
    /// first): the one to name when every option fails.
    #[must_use]
    pub fn nearest(&self, rank: impl Fn(usize) -> u64) -> Option<usize> {
        (0..self.failing.len()).min_by_key(|&o| (self.total_shortfall(o), std::cmp::Reverse(rank(o)), o))
    }

    /// Whether any option fails a requirement.
    #[must_use]
    pub fn any_failing(&self) -> bool {
        self.failing.iter().any(|s| !s.is_empty())
    }

    /// The options failing the requirement on `dimension`, in dataset order.
    #[must_use]
    pub fn failing_on(&self, dimension: usize) -> Vec<usize> {
        (0..self.failing.len()).filter(|&o| self.failing[o].iter().any(|s| s.dimension == dimension)).collect()
    }

    /// Whether any option fails the requirement on `dimension` (per list row, per frame: no allocation).
    #[must_use]
    pub fn fails_on(&self, dimension: usize) -> bool {
        self.failing.iter().flatten().any(|s| s.dimension == dimension)
    }
}

/// Who fails the must-have `min` on `dimension`, in words: "every option meets it", "Node.js (rated 4,
/// 2 short) fails it", "Go (rated 3, 3 short), Zig (rated 5, 1 short) fail it"; and whether any does.
/// The explorer's detail header and every report say it this way.
#[must_use]
pub fn who_fails(dataset: &Dataset, screening: &Screening, dimension: usize, min: u8) -> (String, bool) {
    let failing: Vec<String> = screening
        .failing_on(dimension)
        .iter()
        .map(|&o| {
            let rating = dataset.dimensions[dimension].assessments[o].rating;
            format!("{} (rated {rating}, {} short)", dataset.options[o].name, min.saturating_sub(rating))
        })
        .collect();
    let words = match failing.len() {
        0 => "every option meets it".to_owned(),
        1 => format!("{} fails it", failing[0]),
        _ => format!("{} fail it", failing.join(", ")),
    };
    (words, !failing.is_empty())
}

/// How `option` falls short, in words: "Node.js fails CPU-bound pure code (rated 4, needs 6: 2 short)".
#[must_use]
pub fn failing_sentence(dataset: &Dataset, option: usize, shortfalls: &[Shortfall]) -> String {
    let parts: Vec<String> = shortfalls
        .iter()
        .map(|s| {
            format!("{} (rated {}, needs {}: {} short)", dataset.dimensions[s.dimension].name, s.rating, s.min, s.by())
        })
        .collect();
    format!("{} fails {}", dataset.options[option].name, parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_keeps_one_per_dimension_in_order_and_zero_clears() {
        let mut r = Requirements::default();
        r.set(5, 6);
        r.set(1, 3);
        r.set(5, 7);
        assert_eq!(r.iter().map(|r| (r.dimension, r.min)).collect::<Vec<_>>(), vec![(1, 3), (5, 7)]);
        r.set(1, 0);
        r.set(9, 0);
        assert_eq!(r.iter().map(|r| (r.dimension, r.min)).collect::<Vec<_>>(), vec![(5, 7)]);
        assert_eq!((r.get(5), r.get(1)), (Some(7), None));
    }

    #[test]
    fn specs_parse_or_say_what_is_wrong() {
        let d = Dataset::builtin();
        let cpu = d.dimension_index("cpu-bound").unwrap();
        assert_eq!(parse_spec(&d, "cpu-bound>=6"), Ok((cpu, 6)));
        assert_eq!(parse_spec(&d, " cpu-bound >= 0 "), Ok((cpu, 0)));
        assert_eq!(parse_spec(&d, "cpu-bound=6"), Err(SpecError::Syntax));
        assert_eq!(parse_spec(&d, ">=6"), Err(SpecError::Syntax));
        assert_eq!(parse_spec(&d, "cpu-bound>=11"), Err(SpecError::OutOfRange));
        assert_eq!(parse_spec(&d, "cpu-bound>=-1"), Err(SpecError::OutOfRange));
        assert_eq!(
            parse_spec(&d, "cpu-bund>=6"),
            Err(SpecError::UnknownDimension { id: "cpu-bund".into(), closest: Some("cpu-bound".into()) })
        );
    }

    #[test]
    fn a_presets_requirements_load_with_their_positions_and_change_the_content_hash() {
        let source = crate::engine::data::builtin_source();
        let preset = "[[presets]]\nid = \"realtime-chat\"";
        let with = source.replacen(preset, &format!("{preset}\nrequirements = {{ cpu-bound = 6 }}"), 1);
        let d = crate::engine::data::parse(&with, "with.toml").unwrap();
        let cpu = d.dimension_index("cpu-bound").unwrap();
        assert_eq!(d.presets[0].requirements.get(cpu), Some(6));
        // Without requirements the hash is what it was before presets could have them.
        let builtin = Dataset::builtin();
        assert_ne!(d.content_hash(), builtin.content_hash());
        assert_eq!(builtin.content_hash(), "xxh3:deae6c314d176bc9");
        let bad = source.replacen(preset, &format!("{preset}\nrequirements = {{ cpu-bund = 6, realtime = 11 }}"), 1);
        let problems = crate::engine::data::parse(&bad, "bad.toml").unwrap_err().to_string();
        assert!(problems.contains("presets.requirements") && problems.contains("did you mean"), "{problems}");
        assert!(problems.contains("bad.toml:1999:43: presets.requirements: 11 is out of range"), "{problems}");
    }

    #[test]
    fn screening_names_each_shortfall_and_the_nearest_option() {
        let d = Dataset::builtin();
        let mut r = Requirements::default();
        for (dimension, _) in d.dimensions.iter().enumerate().take(3) {
            r.set(dimension, 10);
        }
        let s = Screening::of(&d, &r);
        for option in 0..d.options.len() {
            let by_hand: u32 =
                (0..3).map(|dim| u32::from(10 - d.dimensions[dim].assessments[option].rating.min(10))).sum();
            assert_eq!(s.total_shortfall(option), by_hand);
            assert_eq!(s.passes(option), by_hand == 0);
        }
        let nearest = s.nearest(|_| 0).unwrap();
        assert!((0..d.options.len()).all(|o| s.total_shortfall(nearest) <= s.total_shortfall(o)));
    }
}
