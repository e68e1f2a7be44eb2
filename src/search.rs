//! Fuzzy search over dimensions. Pure: a query in, ranked dimensions with highlight positions out.
//!
//! Each word of the query must match somewhere in a dimension, ignoring ASCII case (as the matcher
//! does). Names (ranked highest) and keywords match fuzzily (skim's algorithm), so `cpbd` finds
//! "CPU-bound". The longer texts (category, summary, the options' rationales, details, pros and cons)
//! match only where the word appears as written: in a paragraph almost any word matches as scattered
//! letters, and scoring paragraphs fuzzily was also what made search slow.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::{Dataset, Dimension};

/// How much a match in each field counts, relative to a match in the longer texts.
const NAME_BOOST: i64 = 4;
const KEYWORD_BOOST: i64 = 2;

/// One matching dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub dimension: usize,
    /// Higher is better; 0 for the empty query.
    pub score: i64,
    /// Character indexes in the dimension's name to highlight, ascending.
    pub positions: Vec<usize>,
}

/// Search state built once per dataset: the matcher and each dimension's text folded to ASCII lower case.
pub struct Searcher {
    matcher: SkimMatcherV2,
    folded: Vec<Folded>,
}

/// A dimension's searchable text, folded to ASCII lower case (the matcher folds only ASCII case too).
struct Folded {
    /// Name and keywords: a word that is not a subsequence of these cannot match them fuzzily, so this
    /// cheap test spares the scorer most dimensions.
    short: String,
    /// Everything else, searched for the word as a substring.
    long: String,
}

/// A word of the query, prepared once per search.
struct Word<'q> {
    text: &'q str,
    folded: String,
    /// The word's score against itself: what a match in the longer texts scores.
    exact: i64,
}

impl Searcher {
    #[must_use]
    pub fn new(dataset: &Dataset) -> Self {
        let folded = dataset
            .dimensions
            .iter()
            .map(|d| {
                let short_count = 1 + d.keywords.len();
                let join = |fields: Vec<&str>| fields.join("\n").to_ascii_lowercase();
                Folded {
                    short: join(fields(d).take(short_count).collect()),
                    long: join(fields(d).skip(short_count).collect()),
                }
            })
            .collect();
        Self { matcher: SkimMatcherV2::default().ignore_case(), folded }
    }

    /// The dimensions matching every word of `query`, best first (ties in dataset order). A blank query
    /// returns every dimension in dataset order.
    #[must_use]
    pub fn search(&self, dataset: &Dataset, query: &str) -> Vec<Hit> {
        let words: Vec<Word> = query
            .split_whitespace()
            .map(|text| Word {
                text,
                folded: text.to_ascii_lowercase(),
                exact: self.matcher.fuzzy_match(text, text).unwrap_or(0),
            })
            .collect();
        if words.is_empty() {
            return (0..dataset.dimensions.len())
                .map(|dimension| Hit { dimension, score: 0, positions: Vec::new() })
                .collect();
        }
        let mut hits: Vec<Hit> = dataset
            .dimensions
            .iter()
            .zip(&self.folded)
            .enumerate()
            .filter_map(|(i, (d, folded))| {
                self.score(d, folded, &words).map(|(score, positions)| Hit { dimension: i, score, positions })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.dimension.cmp(&b.dimension)));
        hits
    }

    /// The summed best score of each word, and the name positions to highlight; `None` if a word misses.
    fn score(&self, dimension: &Dimension, folded: &Folded, words: &[Word]) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut positions = Vec::new();
        for word in words {
            let mut best = None;
            if is_subsequence(&word.folded, &folded.short) {
                if let Some((score, indexes)) = self.matcher.fuzzy_indices(&dimension.name, word.text) {
                    best = Some(score * NAME_BOOST);
                    positions.extend(indexes);
                }
                let keyword = dimension.keywords.iter().filter_map(|k| self.matcher.fuzzy_match(k, word.text)).max();
                best = best.max(keyword.map(|s| s * KEYWORD_BOOST));
            }
            if best.is_none() && folded.long.contains(&word.folded) {
                best = Some(word.exact);
            }
            total += best?;
        }
        positions.sort_unstable();
        positions.dedup();
        Some((total, positions))
    }
}

/// Every searchable text of a dimension: name, keywords, then category, summary and the options' texts.
fn fields(d: &Dimension) -> impl Iterator<Item = &str> {
    let assessments = d.assessments.iter().flat_map(|a| {
        [a.rationale.as_str(), a.detail.as_str()].into_iter().chain(a.pros.iter().chain(&a.cons).map(String::as_str))
    });
    std::iter::once(d.name.as_str())
        .chain(d.keywords.iter().map(String::as_str))
        .chain([d.category.as_str(), d.summary.as_str()])
        .chain(assessments)
}

/// Whether the characters of `needle` appear in `haystack` in order. Both are folded alike by the caller;
/// the matcher folds only ASCII case too, so this never rejects a string the matcher would accept.
fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dataset: &Dataset, hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| dataset.dimensions[h.dimension].name.clone()).collect()
    }

    fn dataset() -> Dataset {
        let dimension = |id: &str, name: &str, keywords: &str, summary: &str| {
            format!(
                "[[dimensions]]\nid = \"{id}\"\nname = \"{name}\"\ncategory = \"c\"\nsummary = \"{summary}\"\n\
                 keywords = [{keywords}]\nweight = 5\n\
                 [dimensions.ratings.a]\nrating = 5\nrationale = \"plain\"\n\
                 [dimensions.ratings.b]\nrating = 5\nrationale = \"plain\"\n"
            )
        };
        let source = format!(
            "[meta]\nschema = 1\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n{}{}{}",
            dimension("typing", "Static typing", "\"typescript\", \"mypy\"", "Type checkers"),
            dimension("ml", "ML ecosystem", "\"pytorch\"", "Machine learning libraries and typing stubs"),
            dimension("cpu", "CPU-bound code", "\"jit\"", "Raw speed"),
        );
        crate::data::parse(&source, "t").unwrap()
    }

    #[test]
    fn empty_query_returns_everything_in_order() {
        let d = dataset();
        let hits = Searcher::new(&d).search(&d, "  ");
        assert_eq!(hits.iter().map(|h| h.dimension).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn a_name_match_outranks_a_summary_match() {
        let d = dataset();
        let hits = Searcher::new(&d).search(&d, "typing");
        assert_eq!(names(&d, &hits), vec!["Static typing", "ML ecosystem"]);
        assert_eq!(hits[0].positions, vec![7, 8, 9, 10, 11, 12]);
        assert!(hits[1].positions.is_empty(), "the summary match highlights nothing in the name");
    }

    #[test]
    fn keywords_and_fuzzy_abbreviations_match() {
        let d = dataset();
        assert_eq!(names(&d, &Searcher::new(&d).search(&d, "torch")), vec!["ML ecosystem"]);
        assert_eq!(names(&d, &Searcher::new(&d).search(&d, "cpbd")), vec!["CPU-bound code"]);
    }

    #[test]
    fn case_is_ignored_everywhere() {
        let d = dataset();
        assert_eq!(names(&d, &Searcher::new(&d).search(&d, "TORCH")), vec!["ML ecosystem"]);
        assert_eq!(names(&d, &Searcher::new(&d).search(&d, "RAW")), vec!["CPU-bound code"]);
    }

    #[test]
    fn long_texts_need_the_word_as_written_not_scattered_letters() {
        let d = dataset();
        // "Machine learning libraries and typing stubs" holds m-a-c-h-i-n-e... but not "mlts" in a row.
        assert!(Searcher::new(&d).search(&d, "mlts").is_empty());
        assert_eq!(names(&d, &Searcher::new(&d).search(&d, "stubs")), vec!["ML ecosystem"]);
    }

    #[test]
    fn every_word_must_match() {
        let d = dataset();
        let s = Searcher::new(&d);
        assert_eq!(names(&d, &s.search(&d, "static type")), vec!["Static typing"]);
        assert!(s.search(&d, "static zebra").is_empty());
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("cpb", "cpu-bound"));
        assert!(!is_subsequence("bpc", "cpu-bound"));
        assert!(is_subsequence("", "x"));
    }
}
