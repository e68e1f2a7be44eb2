//! From bytes to a checked [`Dataset`]: size and encoding, TOML and serde, then the rules serde cannot
//! express (ranges, references, duplicates, limits), collecting every problem rather than the first.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::error::{self, LineIndex, LoadError};
use super::raw::{self, Number, Text};
use super::structure;
use super::{
    Answer, Assessment, Claim, DEFAULT_UNCERTAINTY, Dataset, Dimension, MAX_CLAIMS, MAX_DIMENSIONS, MAX_FILE_BYTES,
    MAX_ID_BYTES, MAX_LINE_CHARS, MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_OPTIONS, MAX_PRESETS, MAX_QUESTIONS,
    MAX_SHORT_CHARS, MAX_STRUCTURE_ITEMS, MAX_TEXT_CHARS, MAX_UNCERTAINTY, MAX_URL_BYTES, Meta, OLDEST_SCHEMA,
    OptionInfo, Preset, Question, SCALE_MAX, SCHEMA_VERSION, Source, sanitize,
};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::requirements::Requirements;

/// Checks a dataset given as bytes: the size limit and UTF-8 first, then as [`parse`].
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Dataset, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!("the file is larger than the limit of {MAX_FILE_BYTES} bytes (16 MiB)");
        return Err(LoadError::new(file, vec![Diagnostic::error(message)]));
    }
    match std::str::from_utf8(bytes) {
        Ok(source) => parse(source, file),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let at = valid.len();
            let problem =
                Diagnostic::error("the file is not valid UTF-8 (a dataset must be UTF-8 text)").at_span(valid, at..at);
            Err(LoadError::new(file, vec![problem]))
        }
    }
}

/// Parses and checks a dataset's TOML text. `file` names it in error messages.
pub fn parse(source: &str, file: &str) -> Result<Dataset, LoadError> {
    if let Some(count) = structure::too_much(source) {
        let message = if count.items() > MAX_STRUCTURE_ITEMS {
            format!(
                "more than {MAX_STRUCTURE_ITEMS} keys, array items and tables: far more than any dataset within the \
                 limits holds, so the file is not read"
            )
        } else {
            "more lines, spaces, keys, tables, values and punctuation than any dataset within the limits holds (blank \
             lines and spaces count too), so the file is not read"
                .to_owned()
        };
        return Err(LoadError::new(file, vec![Diagnostic::error(message)]));
    }
    let raw: raw::Dataset =
        toml::from_str(source).map_err(|e| LoadError::new(file, vec![error::from_toml(source, &e)]))?;
    let mut checker =
        Checker { lines: LineIndex::new(source), problems: Vec::new(), schema: SCHEMA_VERSION, as_of: String::new() };
    let dataset = checker.dataset(raw);
    // Checked in the model's order (a rating's range after its rating): report in the file's.
    checker.problems.sort_by_key(|problem| problem.position.map(|p| (p.line, p.column)));
    if checker.problems.is_empty() { Ok(dataset) } else { Err(LoadError::new(file, checker.problems)) }
}

/// Walks the raw model, building the clean one and noting every problem on the way.
struct Checker<'a> {
    lines: LineIndex<'a>,
    problems: Vec<Diagnostic>,
    /// From `[meta]`, which is read first: how sources are written, and the latest date one may carry.
    schema: u8,
    as_of: String,
}

/// What kind of text a field holds, which decides its length limit and whether line breaks survive.
#[derive(Clone, Copy)]
enum Kind {
    Name,
    Short,
    Line,
    Text,
}

impl Kind {
    /// The most characters a field of this kind may hold.
    fn limit(self) -> usize {
        match self {
            Self::Name => MAX_NAME_CHARS,
            Self::Short => MAX_SHORT_CHARS,
            Self::Line => MAX_LINE_CHARS,
            Self::Text => MAX_TEXT_CHARS,
        }
    }
}

impl Checker<'_> {
    /// A problem with `field` at the start of `span`.
    fn problem(&mut self, span: Range<usize>, field: &str, message: String) {
        self.suggest(span, field, message, None);
    }

    /// A problem with `field` at the start of `span`, with the known name `suggestion` that was likely meant.
    fn suggest(&mut self, span: Range<usize>, field: &str, message: String, suggestion: Option<&str>) {
        let place = self.lines.position(span.start);
        self.problems.push(Diagnostic::error(message).at(place).field(field).suggest(suggestion));
    }

    fn dataset(&mut self, raw: raw::Dataset) -> Dataset {
        let meta = self.meta(raw.meta);
        let options = self.options(raw.options);
        let option_ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
        let (dimensions, dimension_ids) = self.dimensions(raw.dimensions, &option_ids, meta.uncertainty);
        let presets = self.presets(raw.presets, &dimension_ids, dimensions.len());
        let claims = self.claims(raw.claims, &dimension_ids);
        let questions = self.questions(raw.questions, &dimension_ids);
        Dataset { meta, options, dimensions, presets, claims, questions }
    }

    fn meta(&mut self, raw: raw::Meta) -> Meta {
        match u8::try_from(*raw.schema.get_ref()) {
            Ok(schema) if (OLDEST_SCHEMA..=SCHEMA_VERSION).contains(&schema) => self.schema = schema,
            _ => {
                let message = format!(
                    "version {} is not supported (this versus reads versions {OLDEST_SCHEMA} to \
                     {SCHEMA_VERSION})",
                    raw.schema.get_ref()
                );
                self.problem(raw.schema.span(), "meta.schema", message);
            }
        }
        let as_of = self.date(&raw.as_of, "meta.as_of");
        // A date that is not one is reported once, not again against every source's `checked`.
        self.as_of = if is_calendar_date(&as_of) { as_of.clone() } else { String::new() };
        Meta {
            schema: self.schema,
            title: self.text(&raw.title, "meta.title", Kind::Name),
            as_of,
            description: raw.description.map(|d| self.text(&d, "meta.description", Kind::Text)),
            audits: raw.audits.map(|a| self.text(&a, "meta.audits", Kind::Line)),
            uncertainty: raw
                .uncertainty
                .map_or(DEFAULT_UNCERTAINTY, |u| self.bounded(&u, "meta.uncertainty", MAX_UNCERTAINTY)),
        }
    }

    fn options(&mut self, raw: Spanned<Vec<raw::OptionInfo>>) -> Vec<OptionInfo> {
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.len() < 2 {
            self.problem(
                span.clone(),
                "options",
                format!("a comparison needs at least two options, found {}", raw.len()),
            );
        }
        self.limit(span, "options", raw.len(), MAX_OPTIONS);
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|o| OptionInfo {
                id: self.unique_id(&o.id, "options.id", &mut seen),
                name: self.text(&o.name, "options.name", Kind::Name),
                summary: self.text(&o.summary, "options.summary", Kind::Line),
            })
            .collect()
    }

    /// Returns the dimensions and, for references, the index of each id.
    fn dimensions(
        &mut self,
        raw: Spanned<Vec<raw::Dimension>>,
        option_ids: &[&str],
        uncertainty: u8,
    ) -> (Vec<Dimension>, HashMap<String, usize>) {
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.is_empty() {
            self.problem(span.clone(), "dimensions", "the dataset needs at least one dimension".to_owned());
        }
        self.limit(span, "dimensions", raw.len(), MAX_DIMENSIONS);
        let mut seen = HashMap::new();
        let dimensions = raw
            .into_iter()
            .map(|d| Dimension {
                id: self.unique_id(&d.id, "dimensions.id", &mut seen),
                name: self.text(&d.name, "dimensions.name", Kind::Name),
                short: d.short.as_ref().map(|s| self.short_name(s, d.name.get_ref())),
                category: self.text(&d.category, "dimensions.category", Kind::Name),
                summary: self.text(&d.summary, "dimensions.summary", Kind::Line),
                keywords: self.list(&d.keywords, "dimensions.keywords", Kind::Line),
                weight: self.scale(&d.weight, "dimensions.weight"),
                weight_reason: d.weight_reason.map(|r| self.text(&r, "dimensions.weight_reason", Kind::Line)),
                assessments: self.assessments(&d.id, d.ratings, option_ids, uncertainty),
                sources: self.sources(d.sources, "dimensions.sources"),
            })
            .collect::<Vec<Dimension>>();
        let mut index = HashMap::new();
        for (position, dimension) in dimensions.iter().enumerate() {
            index.entry(dimension.id.clone()).or_insert(position);
        }
        (dimensions, index)
    }

    fn assessments(
        &mut self,
        dimension: &Text,
        raw: Spanned<std::collections::BTreeMap<Text, raw::Assessment>>,
        option_ids: &[&str],
        uncertainty: u8,
    ) -> Vec<Assessment> {
        let span = raw.span();
        let mut raw = raw.into_inner();
        let mut assessments = Vec::with_capacity(option_ids.len());
        for (i, &option) in option_ids.iter().enumerate() {
            let Some(a) = raw.remove(option) else {
                if option_ids[..i].contains(&option) {
                    continue; // a duplicate option id, reported where it is declared
                }
                let message = format!(
                    "dimension `{}` has no rating for option `{option}` (add [dimensions.ratings.{option}])",
                    dimension.get_ref()
                );
                self.problem(span.clone(), "dimensions.ratings", message);
                continue;
            };
            let rating = self.scale(&a.rating, "dimensions.ratings.rating");
            let (around_low, around_high) = Assessment::range_around(rating, uncertainty);
            let low = self.range_end(a.low.as_ref(), rating, around_low, "low");
            let high = self.range_end(a.high.as_ref(), rating, around_high, "high");
            assessments.push(Assessment {
                rating,
                low: low.min(rating),
                high: high.max(rating),
                rationale: self.text(&a.rationale, "dimensions.ratings.rationale", Kind::Line),
                detail: a.detail.map(|t| self.text(&t, "dimensions.ratings.detail", Kind::Text)).unwrap_or_default(),
                pros: self.list(&a.pros, "dimensions.ratings.pros", Kind::Line),
                cons: self.list(&a.cons, "dimensions.ratings.cons", Kind::Line),
            });
        }
        for unknown in raw.keys() {
            let message = format!("`{}` is not an option of this dataset", unknown.get_ref());
            let closest = crate::engine::text::closest(unknown.get_ref(), option_ids.iter().copied());
            self.suggest(unknown.span(), "dimensions.ratings", message, closest);
        }
        assessments
    }

    fn presets(
        &mut self,
        raw: Vec<raw::Preset>,
        dimension_ids: &HashMap<String, usize>,
        dimension_count: usize,
    ) -> Vec<Preset> {
        if let Some(p) = raw.get(MAX_PRESETS) {
            let span = p.id.span();
            self.limit(span, "presets", raw.len(), MAX_PRESETS);
        }
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|p| {
                let mut weights = vec![0; dimension_count];
                for (dimension, weight) in &p.weights {
                    let value = self.scale(weight, "presets.weights");
                    if let Some(index) = self.reference(dimension, "presets.weights", dimension_ids) {
                        weights[index] = value;
                    }
                }
                let mut requirements = Requirements::default();
                for (dimension, min) in &p.requirements {
                    let value = self.scale(min, "presets.requirements");
                    if let Some(index) = self.reference(dimension, "presets.requirements", dimension_ids) {
                        requirements.set(index, value);
                    }
                }
                Preset {
                    id: self.unique_id(&p.id, "presets.id", &mut seen),
                    name: self.text(&p.name, "presets.name", Kind::Name),
                    description: self.text(&p.description, "presets.description", Kind::Text),
                    weights,
                    requirements,
                }
            })
            .collect()
    }

    fn questions(&mut self, raw: Vec<raw::Question>, dimension_ids: &HashMap<String, usize>) -> Vec<Question> {
        if let Some(q) = raw.get(MAX_QUESTIONS) {
            self.limit(q.id.span(), "questions", raw.len(), MAX_QUESTIONS);
        }
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|q| {
                if q.answers.is_empty() {
                    let message = format!("question `{}` has no answers", q.id.get_ref());
                    self.problem(q.id.span(), "questions.answers", message);
                }
                if let Some(extra) = q.answers.get(MAX_LIST_ITEMS) {
                    self.limit(extra.id.span(), "questions.answers", q.answers.len(), MAX_LIST_ITEMS);
                }
                let mut answer_ids = HashMap::new();
                let answers = q
                    .answers
                    .iter()
                    .map(|a| Answer {
                        id: self.unique_id(&a.id, "questions.answers.id", &mut answer_ids),
                        label: self.text(&a.label, "questions.answers.label", Kind::Line),
                        weights: a
                            .weights
                            .iter()
                            .filter_map(|(dimension, weight)| {
                                let value = self.scale(weight, "questions.answers.weights");
                                let index = self.reference(dimension, "questions.answers.weights", dimension_ids)?;
                                Some((index, value))
                            })
                            .collect(),
                    })
                    .collect();
                Question {
                    id: self.unique_id(&q.id, "questions.id", &mut seen),
                    text: self.text(&q.text, "questions.text", Kind::Line),
                    help: q.help.map(|h| self.text(&h, "questions.help", Kind::Text)),
                    answers,
                }
            })
            .collect()
    }

    fn claims(&mut self, raw: Vec<raw::Claim>, dimension_ids: &HashMap<String, usize>) -> Vec<Claim> {
        if let Some(c) = raw.get(MAX_CLAIMS) {
            let span = c.id.span();
            self.limit(span, "claims", raw.len(), MAX_CLAIMS);
        }
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|c| {
                if let Some(extra) = c.dimensions.get(MAX_LIST_ITEMS) {
                    self.limit(extra.span(), "claims.dimensions", c.dimensions.len(), MAX_LIST_ITEMS);
                }
                Claim {
                    id: self.unique_id(&c.id, "claims.id", &mut seen),
                    claim: self.text(&c.claim, "claims.claim", Kind::Line),
                    verdict: *c.verdict.get_ref(),
                    explanation: self.text(&c.explanation, "claims.explanation", Kind::Text),
                    dimensions: c
                        .dimensions
                        .iter()
                        .filter_map(|d| self.reference(d, "claims.dimensions", dimension_ids))
                        .collect(),
                    sources: self.sources(c.sources, "claims.sources"),
                }
            })
            .collect()
    }

    fn sources(&mut self, raw: Vec<raw::Source>, field: &str) -> Vec<Source> {
        if let Some(extra) = raw.get(MAX_LIST_ITEMS) {
            self.limit(extra.title.span(), field, raw.len(), MAX_LIST_ITEMS);
        }
        raw.into_iter()
            .map(|s| {
                let (published, checked) = self.source_dates(&s, field);
                Source {
                    title: self.text(&s.title, &format!("{field}.title"), Kind::Line),
                    url: self.url(&s.url, &format!("{field}.url")),
                    published,
                    checked,
                    volatile: s.volatile,
                }
            })
            .collect()
    }

    /// A source's `published` and `checked` dates, as its schema writes them: schema 1 has one `date`
    /// (read as `checked`), schema 2 an optional `published` and a required `checked`.
    fn source_dates(&mut self, s: &raw::Source, field: &str) -> (Option<String>, String) {
        let misplaced = |me: &mut Self, raw: &Option<Text>, key: &str, why: &str| {
            if let Some(raw) = raw {
                me.problem(raw.span(), &format!("{field}.{key}"), why.to_string());
            }
        };
        if self.schema < SCHEMA_VERSION {
            let later = "needs `schema = 2` in [meta] (schema 1 sources have one `date`)";
            misplaced(self, &s.published, "published", later);
            misplaced(self, &s.checked, "checked", later);
            let Some(date) = &s.date else {
                self.problem(
                    s.title.span(),
                    &format!("{field}.date"),
                    "missing (a schema-1 source needs a `date`)".to_owned(),
                );
                return (None, String::new());
            };
            return (None, self.date(date, &format!("{field}.date")));
        }
        misplaced(
            self,
            &s.date,
            "date",
            "schema 2 replaces `date` with `published` (the source's own date, when it has one) and `checked` \
             (when this dataset last confirmed the figure against it)",
        );
        let published = s.published.as_ref().map(|p| self.date(p, &format!("{field}.published")));
        let Some(raw_checked) = &s.checked else {
            let message =
                "missing: the date this dataset last confirmed the figure against the source (YYYY-MM-DD)".to_owned();
            self.problem(s.title.span(), &format!("{field}.checked"), message);
            return (published, String::new());
        };
        let checked = self.date(raw_checked, &format!("{field}.checked"));
        // Dates of the form YYYY-MM-DD order as text.
        if !self.as_of.is_empty() && checked > self.as_of {
            let message =
                format!("{checked} is after meta.as_of ({}), the date the evidence was last checked", self.as_of);
            self.problem(raw_checked.span(), &format!("{field}.checked"), message);
        }
        if let (Some(raw_published), Some(p)) = (&s.published, &published)
            && *p > checked
        {
            let message = format!("{p} is after `checked` ({checked}): a source is read after it appears");
            self.problem(raw_published.span(), &format!("{field}.published"), message);
        }
        (published, checked)
    }

    /// A sanitized, non-empty text within its length limit.
    fn text(&mut self, raw: &Text, field: &str, kind: Kind) -> String {
        let text = raw.get_ref();
        let cleaned = match kind {
            _ if sanitize::is_clean(text) => None,
            Kind::Name | Kind::Short | Kind::Line => Some(sanitize::line(text)),
            Kind::Text => Some(sanitize::text(text)),
        };
        let clean = cleaned.as_deref().unwrap_or(text).trim().to_owned();
        let limit = kind.limit();
        // A string of at most `limit` bytes has at most `limit` characters: most need no count.
        if clean.is_empty() {
            self.problem(raw.span(), field, "must not be empty".to_owned());
        } else if clean.len() > limit
            && let length = clean.chars().count()
            && length > limit
        {
            self.problem(raw.span(), field, format!("{length} characters is over the limit of {limit}"));
        }
        clean
    }

    /// A dimension's short name: within its limit, and shorter than the `name` it stands for.
    fn short_name(&mut self, raw: &Text, name: &str) -> String {
        let short = self.text(raw, "dimensions.short", Kind::Short);
        let name = name.trim();
        if !short.is_empty() && short.chars().count() >= name.chars().count() {
            let message = format!("the short name `{short}` is not shorter than the name `{name}` (leave it out)");
            self.problem(raw.span(), "dimensions.short", message);
        }
        short
    }

    fn list(&mut self, raw: &[Text], field: &str, kind: Kind) -> Vec<String> {
        if let Some(extra) = raw.get(MAX_LIST_ITEMS) {
            self.limit(extra.span(), field, raw.len(), MAX_LIST_ITEMS);
        }
        raw.iter().map(|t| self.text(t, field, kind)).collect()
    }

    fn unique_id(&mut self, raw: &Text, field: &str, seen: &mut HashMap<String, usize>) -> String {
        let id = raw.get_ref();
        if !super::is_valid_id(id) {
            let message =
                format!("`{id}` is not a valid id (use 1 to {MAX_ID_BYTES} lowercase letters, digits, '-' or '_')");
            self.problem(raw.span(), field, message);
        }
        if let Some(&first) = seen.get(id.as_str()) {
            let line = self.lines.position(first).line;
            self.problem(raw.span(), field, format!("duplicate id `{id}` (first used on line {line})"));
        } else {
            seen.insert(id.clone(), raw.span().start);
        }
        // Sanitizing a valid id changes nothing; an invalid one has been reported and must not leak.
        sanitize::line(id)
    }

    /// A weight or rating: an integer from 0 to 10.
    fn scale(&mut self, raw: &Number, field: &str) -> u8 {
        self.bounded(raw, field, SCALE_MAX)
    }

    /// One end of a rating's range: as the file gives it (on the scale, and on its side of `rating`), else
    /// `default`.
    fn range_end(&mut self, given: Option<&Number>, rating: u8, default: u8, end: &str) -> u8 {
        let Some(given) = given else { return default };
        let value = self.scale(given, &format!("dimensions.ratings.{end}"));
        let (wrong, side) = if end == "low" { (value > rating, "above") } else { (value < rating, "below") };
        if wrong {
            let message = format!("{value} is {side} the rating {rating} (a range has low <= rating <= high)");
            self.problem(given.span(), &format!("dimensions.ratings.{end}"), message);
        }
        value
    }

    /// `raw` if it is a whole number from 0 to `max`; else a problem, and 0.
    fn bounded(&mut self, raw: &Number, field: &str, max: u8) -> u8 {
        match u8::try_from(*raw.get_ref()) {
            Ok(value) if value <= max => value,
            _ => {
                self.problem(raw.span(), field, format!("{} is out of range (expected 0 to {max})", raw.get_ref()));
                0
            }
        }
    }

    /// The index of the dimension `raw` names.
    fn reference(&mut self, raw: &Text, field: &str, ids: &HashMap<String, usize>) -> Option<usize> {
        let found = ids.get(raw.get_ref().as_str()).copied();
        if found.is_none() {
            let message = format!("no dimension has the id `{}`", raw.get_ref());
            let closest = crate::engine::text::closest(raw.get_ref(), ids.keys().map(String::as_str));
            self.suggest(raw.span(), field, message, closest);
        }
        found
    }

    fn date(&mut self, raw: &Text, field: &str) -> String {
        let date = raw.get_ref();
        if !is_calendar_date(date) {
            self.problem(raw.span(), field, format!("`{date}` is not a date of the form YYYY-MM-DD"));
        }
        sanitize::line(date)
    }

    fn url(&mut self, raw: &Text, field: &str) -> String {
        let url = sanitize::line(raw.get_ref());
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok || url.len() > MAX_URL_BYTES || url.contains(char::is_whitespace) {
            let message = format!("expected an http(s) URL without spaces, at most {MAX_URL_BYTES} bytes");
            self.problem(raw.span(), field, message);
        }
        url
    }

    fn limit(&mut self, span: Range<usize>, field: &str, count: usize, max: usize) {
        if count > max {
            self.problem(span, field, format!("{count} items is over the limit of {max}"));
        }
    }
}

/// Whether `date` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30).
#[must_use]
pub fn is_calendar_date(date: &str) -> bool {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year > 0 && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::{MAX_NAME_CHARS, is_calendar_date};

    /// Two options, one dimension rated `a` and `b` (each a TOML inline body), under `meta`.
    fn rated(meta: &str, a: &str, b: &str) -> Result<crate::engine::data::Dataset, crate::engine::data::LoadError> {
        crate::engine::data::parse(
            &format!(
                "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n{meta}\n\
                 [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
                 [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
                 [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
                 [dimensions.ratings.a]\n{a}\nrationale = \"r\"\n\
                 [dimensions.ratings.b]\n{b}\nrationale = \"r\"\n"
            ),
            "ranges.toml",
        )
    }

    #[test]
    fn interview_questions_are_checked_where_they_are() {
        let question = "[[questions]]\nid = \"q\"\ntext = \"Q?\"\n\
                        [[questions.answers]]\nid = \"a\"\nlabel = \"A\"\nweights = { d = 11, dd = 3 }\n\
                        [[questions.answers]]\nid = \"a\"\nlabel = \"again\"\n\
                        [[questions]]\nid = \"q\"\ntext = \"Again?\"\n";
        let source = rated("", "rating = 5", "rating = 5").err().map_or_else(String::new, |e| e.to_string());
        assert!(source.is_empty(), "the fixture loads: {source}");
        let text = format!("{}{question}", fixture_source());
        let error = crate::engine::data::parse(&text, "q.toml").unwrap_err().to_string();
        assert!(error.contains("questions.answers.weights: 11 is out of range"), "{error}");
        assert!(
            error.contains("questions.answers.weights: no dimension has the id `dd` (did you mean `d`?)"),
            "{error}"
        );
        assert!(error.contains("questions.answers.id: duplicate id `a`"), "{error}");
        assert!(error.contains("questions.id: duplicate id `q`"), "{error}");
        assert!(error.contains("questions.answers: question `q` has no answers"), "{error}");
    }

    /// The source of [`rated`] with plain ratings.
    fn fixture_source() -> String {
        "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
         [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
         [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
         [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
         [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\n\
         [dimensions.ratings.b]\nrating = 5\nrationale = \"r\"\n"
            .to_owned()
    }

    #[test]
    fn ranges_come_from_the_rating_or_from_the_datasets_uncertainty() {
        let ranges = |d: &crate::engine::data::Dataset| {
            d.dimensions[0].assessments.iter().map(|a| (a.low, a.rating, a.high)).collect::<Vec<_>>()
        };
        let d = rated("", "rating = 10", "rating = 5\nlow = 2\nhigh = 6").unwrap();
        assert_eq!(ranges(&d), vec![(9, 10, 10), (2, 5, 6)], "the default uncertainty is 1, clamped");
        let d = rated("uncertainty = 3", "rating = 1", "rating = 5\nhigh = 5").unwrap();
        assert_eq!(ranges(&d), vec![(0, 1, 4), (2, 5, 5)]);
        let d = rated("uncertainty = 0", "rating = 7", "rating = 3").unwrap();
        assert_eq!(ranges(&d), vec![(7, 7, 7), (3, 3, 3)]);
    }

    #[test]
    fn a_range_that_does_not_hold_its_rating_is_named_where_it_is() {
        let error =
            rated("uncertainty = 4", "rating = 5\nlow = 6", "rating = 5\nhigh = 4\nlow = 11").unwrap_err().to_string();
        let lines: Vec<&str> = error.lines().collect();
        assert_eq!(lines.len(), 4, "{error}");
        assert!(
            lines[0].starts_with("ranges.toml:5:15: meta.uncertainty: 4 is out of range (expected 0 to 3)"),
            "{error}"
        );
        assert!(lines[1].starts_with("ranges.toml:22:7: dimensions.ratings.low: 6 is above the rating 5"), "{error}");
        assert!(lines[2].starts_with("ranges.toml:26:8: dimensions.ratings.high: 4 is below the rating 5"), "{error}");
        assert!(lines[3].starts_with("ranges.toml:27:7: dimensions.ratings.low: 11 is out of range"), "{error}");
    }

    /// A dataset whose one dimension is named `name`.
    fn named(name: &str) -> Result<crate::engine::data::Dataset, crate::engine::data::LoadError> {
        let source = format!(
            "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
             [[dimensions]]\nid = \"d\"\nname = {}\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
             [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\n\
             [dimensions.ratings.b]\nrating = 6\nrationale = \"r\"\n",
            toml::Value::String(name.to_owned())
        );
        crate::engine::data::parse(&source, "t")
    }

    /// A dataset whose one dimension, "Long dimension name", has the short name line `short`.
    fn shortened(short: &str) -> Result<crate::engine::data::Dataset, crate::engine::data::LoadError> {
        let source = format!(
            "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
             [[dimensions]]\nid = \"d\"\nname = \"Long dimension name\"\nshort = {}\ncategory = \"c\"\n\
             summary = \"s\"\nweight = 5\n\
             [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\n\
             [dimensions.ratings.b]\nrating = 6\nrationale = \"r\"\n",
            toml::Value::String(short.to_owned())
        );
        crate::engine::data::parse(&source, "t")
    }

    #[test]
    fn a_short_name_is_kept_within_its_limit_and_shorter_than_the_name() {
        use super::MAX_SHORT_CHARS;
        assert_eq!(shortened(" Long name ").unwrap().dimensions[0].short.as_deref(), Some("Long name"));
        let error = shortened("Long dimension name!").unwrap_err().to_string();
        assert!(error.contains("dimensions.short: the short name `Long dimension name!` is not shorter"), "{error}");
        let error = shortened(&"x".repeat(MAX_SHORT_CHARS + 1)).unwrap_err().to_string();
        assert!(error.contains("dimensions.short: 25 characters is over the limit of 24"), "{error}");
        assert!(shortened(" ").unwrap_err().to_string().contains("dimensions.short: must not be empty"));
        // Without one, there is none.
        assert_eq!(named("Long dimension name").unwrap().dimensions[0].short, None);
    }

    #[test]
    fn limits_count_characters_not_bytes_and_cleaning_comes_first() {
        // 80 three-byte characters fit; 81 do not, and the message counts characters.
        assert!(named(&"字".repeat(MAX_NAME_CHARS)).is_ok());
        let error = named(&"字".repeat(MAX_NAME_CHARS + 1)).unwrap_err().to_string();
        assert!(error.contains("81 characters is over the limit of 80"), "{error}");
        // Control characters go before the count and the trim: what is left is what is checked.
        let cleaned = named(&format!(" {}\u{1b}\u{202E} ", "x".repeat(MAX_NAME_CHARS))).unwrap();
        assert_eq!(cleaned.dimensions[0].name, "x".repeat(MAX_NAME_CHARS));
        assert!(named("\u{1b}\t").unwrap_err().to_string().contains("must not be empty"));
    }

    /// A dataset of `schema` (`as_of` 2026-06-30) whose one dimension has the source `body`.
    fn sourced(schema: u8, body: &str) -> String {
        let dataset = format!(
            "[meta]\nschema = {schema}\ntitle = \"t\"\nas_of = \"2026-06-30\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
             [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
             [dimensions.ratings.a]\nrating = 1\nrationale = \"r\"\n\
             [dimensions.ratings.b]\nrating = 2\nrationale = \"r\"\n\
             [[dimensions.sources]]\ntitle = \"T\"\nurl = \"https://example.com/a\"\n{body}\n"
        );
        match crate::engine::data::parse(&dataset, "s.toml") {
            Ok(d) => format!("{:?} {}", d.dimensions[0].sources[0].published, d.dimensions[0].sources[0].checked),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn sources_are_dated_as_their_schema_says() {
        // Schema 2: `published` optional, `checked` required and never after `as_of`.
        assert_eq!(
            sourced(2, "published = \"2025-01-02\"\nchecked = \"2026-06-01\""),
            "Some(\"2025-01-02\") 2026-06-01"
        );
        assert_eq!(sourced(2, "checked = \"2026-06-30\""), "None 2026-06-30");
        let missing = sourced(2, "published = \"2025-01-02\"");
        assert!(missing.starts_with("s.toml:26:9: dimensions.sources.checked: missing"), "{missing}");
        let late = sourced(2, "checked = \"2026-07-01\"");
        assert!(
            late.contains("28:11: dimensions.sources.checked: 2026-07-01 is after meta.as_of (2026-06-30)"),
            "{late}"
        );
        let early = sourced(2, "published = \"2026-06-02\"\nchecked = \"2026-06-01\"");
        assert!(early.contains("28:13: dimensions.sources.published: 2026-06-02 is after `checked`"), "{early}");
        let old_key = sourced(2, "date = \"2026-06-01\"\nchecked = \"2026-06-01\"");
        assert!(old_key.contains("dimensions.sources.date: schema 2 replaces `date`"), "{old_key}");
        // Schema 1: one `date`, read as `checked`; the new keys are refused.
        assert_eq!(sourced(1, "date = \"2026-06-01\""), "None 2026-06-01");
        let new_key = sourced(1, "date = \"2026-06-01\"\nchecked = \"2026-06-01\"");
        assert!(new_key.contains("dimensions.sources.checked: needs `schema = 2`"), "{new_key}");
        assert!(sourced(1, "").contains("dimensions.sources.date: missing"));
        assert!(sourced(3, "checked = \"2026-06-01\"").contains("meta.schema: version 3 is not supported"));
    }

    #[test]
    fn dates_must_exist() {
        for good in ["2026-11-25", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_calendar_date(good), "{good}");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "26-11-25",
            "2026-1-5",
            "2026-11-25x",
            "",
        ] {
            assert!(!is_calendar_date(bad), "{bad}");
        }
    }
}
