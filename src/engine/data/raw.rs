//! The file as written: serde's view of a dataset, with the position of every value kept for
//! error messages. Nothing outside `data` sees these types; `load` turns them into [`super::Dataset`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;
pub type Number = Spanned<i64>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub meta: Meta,
    pub options: Spanned<Vec<OptionInfo>>,
    pub dimensions: Spanned<Vec<Dimension>>,
    #[serde(default)]
    pub presets: Vec<Preset>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub schema: Number,
    pub title: Text,
    pub as_of: Text,
    pub description: Option<Text>,
    pub audits: Option<Text>,
    pub uncertainty: Option<Number>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionInfo {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: Text,
    pub name: Text,
    pub short: Option<Text>,
    pub category: Text,
    pub summary: Text,
    #[serde(default)]
    pub keywords: Vec<Text>,
    pub weight: Number,
    pub weight_reason: Option<Text>,
    pub ratings: Spanned<BTreeMap<Text, Assessment>>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub rating: Number,
    pub low: Option<Number>,
    pub high: Option<Number>,
    pub rationale: Text,
    pub detail: Option<Text>,
    #[serde(default)]
    pub pros: Vec<Text>,
    #[serde(default)]
    pub cons: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Text,
    pub url: Text,
    /// Schema 1 only.
    pub date: Option<Text>,
    /// Schema 2 only.
    pub published: Option<Text>,
    /// Schema 2 only, and required there.
    pub checked: Option<Text>,
    #[serde(default)]
    pub volatile: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    pub weights: BTreeMap<Text, Number>,
    /// Must-haves: dimension id to the lowest rating an option may have there.
    #[serde(default)]
    pub requirements: BTreeMap<Text, Number>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_field_names)] // `claim` is the field's name in the file format
pub struct Claim {
    pub id: Text,
    pub claim: Text,
    pub verdict: Spanned<super::Verdict>,
    pub explanation: Text,
    #[serde(default)]
    pub dimensions: Vec<Text>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub text: Text,
    pub help: Option<Text>,
    #[serde(default)]
    pub answers: Vec<Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: Text,
    pub label: Text,
    #[serde(default)]
    pub weights: BTreeMap<Text, Number>,
}
