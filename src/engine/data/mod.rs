//! The dataset: what is compared, on which dimensions, with which evidence.
//!
//! [`Dataset`] is the checked, sanitized model every other module works on. It is built only by
//! [`parse`] (or its wrappers), which reports every problem with its file, line and column.

mod error;
mod freshness;
mod load;
mod raw;
pub mod sanitize;
mod starter;
mod structure;

use serde::{Deserialize, Serialize};

pub(crate) use error::from_toml as toml_diagnostic;
pub use error::{LoadError, Position};
pub(crate) use freshness::day_number;
pub use freshness::{DEFAULT_FRESHNESS_DAYS, Freshness, StaleSource, VOLATILE_FRESHNESS_DAYS, parse_duration};
pub use load::{is_calendar_date, parse, parse_bytes};
pub use starter::{StarterError, starter};
pub use structure::MAX_ITEMS as MAX_STRUCTURE_ITEMS;

/// The format version this build writes and reads.
pub const SCHEMA_VERSION: u8 = 2;
/// The oldest version still read (with a warning: see [`Meta::schema_advice`]).
pub(crate) const OLDEST_SCHEMA: u8 = 1;
/// The largest dataset file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Ids: lowercase ASCII letters, digits, `-` and `_`.
pub(crate) const MAX_ID_BYTES: usize = 64;
/// Whether `id` can be an id: 1 to [`MAX_ID_BYTES`] lowercase ASCII letters, digits, `-` and `_`.
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_');
    !id.is_empty() && id.len() <= MAX_ID_BYTES && id.chars().all(valid)
}
/// Names of options, dimensions, presets and categories, and the title.
pub(crate) const MAX_NAME_CHARS: usize = 80;
/// A dimension's short name.
pub(crate) const MAX_SHORT_CHARS: usize = 24;
/// One-line texts: summaries, rationales, pros, cons, claims, source titles, keywords.
pub(crate) const MAX_LINE_CHARS: usize = 300;
/// Long texts: details, explanations, descriptions.
pub(crate) const MAX_TEXT_CHARS: usize = 4_000;
pub(crate) const MAX_URL_BYTES: usize = 2_048;
pub(crate) const MAX_OPTIONS: usize = 8;
pub const MAX_DIMENSIONS: usize = 50_000;
pub(crate) const MAX_PRESETS: usize = 1_000;
pub(crate) const MAX_QUESTIONS: usize = 1_000;
pub(crate) const MAX_CLAIMS: usize = 1_000;
/// Keywords, pros, cons, sources, and the dimensions a claim names.
pub(crate) const MAX_LIST_ITEMS: usize = 32;
/// Weights and ratings run from 0 to this.
pub(crate) const SCALE_MAX: u8 = 10;
/// `[meta] uncertainty`: a rating without a range of its own is taken as rating +/- this (clamped).
pub const DEFAULT_UNCERTAINTY: u8 = 1;
pub const MAX_UNCERTAINTY: u8 = 3;

/// The name the built-in dataset goes by in messages.
pub(crate) const BUILTIN_NAME: &str = "<built-in>";
const BUILTIN_SOURCE: &str = include_str!("../../../assets/node-vs-python.toml");
/// The JSON Schema of the format (schema 2), for editors; `versus check` checks what it cannot say.
pub const SCHEMA_JSON: &str = include_str!("../../../assets/dataset.schema.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: Meta,
    pub options: Vec<OptionInfo>,
    pub dimensions: Vec<Dimension>,
    pub presets: Vec<Preset>,
    pub claims: Vec<Claim>,
    /// The project interview: questions whose answers imply weights.
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The format version the file is written in: [`OLDEST_SCHEMA`] to [`SCHEMA_VERSION`].
    pub schema: u8,
    pub title: String,
    /// YYYY-MM-DD: when the evidence was last checked.
    pub as_of: String,
    pub description: Option<String>,
    /// What the claims audit examines: an article's title and, where known, its author and address.
    pub audits: Option<String>,
    /// How far either side of a rating the evidence supports it, where a rating gives no `low` and
    /// `high` of its own: 0 to [`MAX_UNCERTAINTY`], [`DEFAULT_UNCERTAINTY`] when the file says nothing.
    pub uncertainty: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionInfo {
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    /// A shorter name, for where the whole one does not fit (the list at 80 columns).
    pub short: Option<String>,
    pub category: String,
    pub summary: String,
    pub keywords: Vec<String>,
    /// The default weight, 0-10.
    pub weight: u8,
    /// Why the default weight is what it is, in one line: what the default project needs of this.
    pub weight_reason: Option<String>,
    /// One per option, in the order of [`Dataset::options`].
    pub assessments: Vec<Assessment>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// 0-10.
    pub rating: u8,
    /// The range of ratings the evidence supports: `low <= rating <= high`, from the file or from the
    /// dataset's `uncertainty`.
    pub low: u8,
    pub high: u8,
    pub rationale: String,
    pub detail: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: String,
    /// YYYY-MM-DD: the source's own date (a release, a post, a data file's commit), when it has one.
    pub published: Option<String>,
    /// YYYY-MM-DD: when this dataset last confirmed the figure against the source; never after
    /// [`Meta::as_of`]. A schema-1 file's `date` is read as this.
    pub checked: String,
    /// Whether the figure moves fast (a registry's latest version, an SDK's major, a support list):
    /// such a source goes stale sooner (see [`Freshness`]).
    pub volatile: bool,
}

impl Meta {
    /// For a file in an older format: what to change to bring it up to date.
    #[must_use]
    pub fn schema_advice(&self) -> Option<&'static str> {
        (self.schema < SCHEMA_VERSION).then_some(
            "schema 1 is still read, but is out of date. To update the file: set `schema = 2` in [meta], \
             and in every source replace `date` with `checked` (the date you last confirmed the figure \
             against the source, not after `as_of`) and, when the source has a date of its own (a release, \
             a post, a data file's commit), add it as `published`.",
        )
    }
}

impl Assessment {
    /// `low` and `high` for `rating` with `uncertainty` either side, clamped to the scale.
    #[must_use]
    pub fn range_around(rating: u8, uncertainty: u8) -> (u8, u8) {
        (rating.saturating_sub(uncertainty), rating.saturating_add(uncertainty).min(SCALE_MAX))
    }
}

impl Source {
    /// The source as every output cites it: "title, published, checked C: url".
    #[must_use]
    pub(crate) fn citation(&self) -> String {
        match &self.published {
            Some(published) => format!("{}, {published}, checked {}: {}", self.title, self.checked, self.url),
            None => format!("{}, checked {}: {}", self.title, self.checked, self.url),
        }
    }
}

/// The dataset as [`Dataset::content_hash`] hashes it: every field in order, each preset without its
/// requirements (postcard writes fields in order, without names, so these are the bytes of a dataset
/// before presets had requirements).
#[derive(Serialize)]
struct HashedDataset<'a> {
    meta: &'a Meta,
    options: &'a [OptionInfo],
    dimensions: &'a [Dimension],
    presets: Vec<HashedPreset<'a>>,
    claims: &'a [Claim],
    questions: &'a [Question],
}

#[derive(Serialize)]
struct HashedPreset<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    weights: &'a [u8],
}

impl<'a> HashedDataset<'a> {
    fn of(dataset: &'a Dataset) -> Self {
        let Dataset { meta, options, dimensions, presets, claims, questions } = dataset;
        Self {
            meta,
            options,
            dimensions,
            presets: presets
                .iter()
                .map(|p| HashedPreset { id: &p.id, name: &p.name, description: &p.description, weights: &p.weights })
                .collect(),
            claims,
            questions,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    /// One weight per dimension, in the order of [`Dataset::dimensions`]; unnamed dimensions get 0.
    pub weights: Vec<u8>,
    /// The scenario's must-haves (`[presets.requirements]`, `ID = N`).
    pub requirements: crate::engine::requirements::Requirements,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub claim: String,
    pub verdict: Verdict,
    pub explanation: String,
    /// Indexes into [`Dataset::dimensions`].
    pub dimensions: Vec<usize>,
    pub sources: Vec<Source>,
}

/// A question about the user's project; each answer implies weights for the dimensions it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub help: Option<String>,
    /// At least one.
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub label: String,
    /// (dimension index, weight 0-10), by dimension id.
    pub weights: Vec<(usize, u8)>,
}

/// How a claim holds up against the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Accurate,
    PartlyTrue,
    Outdated,
    Wrong,
    Opinion,
}

impl Verdict {
    pub(crate) const ALL: [Self; 5] = [Self::Accurate, Self::PartlyTrue, Self::Outdated, Self::Wrong, Self::Opinion];

    /// The word used in the data file and in every output.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Accurate => "accurate",
            Self::PartlyTrue => "partly-true",
            Self::Outdated => "outdated",
            Self::Wrong => "wrong",
            Self::Opinion => "opinion",
        }
    }
}

impl Dataset {
    /// The dataset compiled into the binary: Node.js vs Python for server-side web development.
    ///
    /// # Panics
    /// Never in a tested build: a test checks that the embedded file loads.
    #[must_use]
    pub fn builtin() -> Self {
        // A test parses the embedded file, so this cannot fail in a build that passed its tests.
        parse(BUILTIN_SOURCE, BUILTIN_NAME).unwrap_or_else(|e| panic!("the built-in dataset is invalid:\n{e}"))
    }

    /// A fingerprint of everything the dataset says, `xxh3:` and 16 hex digits: a weight file records
    /// it, so that one made for an edited dataset is reported rather than silently applied. It hashes
    /// the checked model (its compact binary form), so reformatting or re-commenting the file keeps it.
    #[must_use]
    pub fn content_hash(&self) -> String {
        let mut bytes = postcard::to_stdvec(&HashedDataset::of(self)).unwrap_or_default();
        // Presets' requirements come after the rest, and only when there are any: a dataset without
        // them keeps the hash it had before requirements existed, and with it its weight files and
        // decision records.
        if self.presets.iter().any(|p| !p.requirements.is_empty()) {
            let requirements: Vec<&crate::engine::requirements::Requirements> =
                self.presets.iter().map(|p| &p.requirements).collect();
            bytes.extend(postcard::to_stdvec(&requirements).unwrap_or_default());
        }
        format!("xxh3:{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
    }

    /// Each dimension's default weight, in dimension order.
    #[must_use]
    pub fn default_weights(&self) -> Vec<u8> {
        self.dimensions.iter().map(|d| d.weight).collect()
    }

    #[must_use]
    pub(crate) fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// The categories, each once, in the order they first appear (the order the list shows them).
    #[must_use]
    pub fn categories(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.dimensions.iter().map(|d| d.category.as_str()).filter(|c| seen.insert(*c)).collect()
    }
}

/// One source as the dataset cites it, wherever: the first citation of its URL, and who cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedSource<'a> {
    pub source: &'a Source,
    /// Indexes into [`Dataset::dimensions`] and [`Dataset::claims`], in file order, each once.
    pub dimensions: Vec<usize>,
    pub claims: Vec<usize>,
}

impl Dataset {
    /// Every source once (by URL), in the order the file first cites it: dimensions, then claims.
    #[must_use]
    pub fn cited_sources<'s>(&'s self) -> Vec<CitedSource<'s>> {
        let mut cited: Vec<CitedSource<'s>> = Vec::new();
        let mut by_url = std::collections::HashMap::new();
        let mut cite = |source: &'s Source, dimension: Option<usize>, claim: Option<usize>| {
            let at = *by_url.entry(source.url.as_str()).or_insert_with(|| {
                cited.push(CitedSource { source, dimensions: Vec::new(), claims: Vec::new() });
                cited.len() - 1
            });
            let entry = &mut cited[at];
            for (list, index) in [(&mut entry.dimensions, dimension), (&mut entry.claims, claim)] {
                if let Some(index) = index
                    && list.last() != Some(&index)
                {
                    list.push(index);
                }
            }
        };
        for (d, dimension) in self.dimensions.iter().enumerate() {
            dimension.sources.iter().for_each(|source| cite(source, Some(d), None));
        }
        for (c, claim) in self.claims.iter().enumerate() {
            claim.sources.iter().for_each(|source| cite(source, None, Some(c)));
        }
        cited
    }
}

/// The built-in dataset's TOML text, for tests and benchmarks that measure loading.
#[must_use]
pub fn builtin_source() -> &'static str {
    BUILTIN_SOURCE
}
