//! Fuzzy search over dimensions. Pure: a query in, ranked dimensions with highlight positions out.
//!
//! Each word of the query must match somewhere in a dimension, ignoring ASCII case (as the matcher
//! does). Names (ranked highest) and keywords match fuzzily (skim's algorithm), so `cpbd` finds
//! "CPU-bound". The longer texts (category, summary, the options' rationales, details, pros and cons)
//! match only where the word appears as written: in a paragraph almost any word matches as scattered
//! letters, and scoring paragraphs fuzzily was also what made search slow.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

use crate::data::{Dataset, Dimension};

/// How much a match in each field counts, relative to a match in the longer texts.
const NAME_BOOST: i64 = 4;
const KEYWORD_BOOST: i64 = 2;

/// One matching dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub dimension: usize,
    /// Higher is better; 0 for the empty query.
    pub score: i64,
}

/// Search state built once per dataset: the matcher and each dimension's text folded to ASCII lower case
/// (the matcher folds only ASCII case too, so the cheap tests below never reject what it would accept).
pub struct Searcher {
    matcher: SkimMatcherV2,
    entries: Vec<Entry>,
    /// Threads for large searches, asked once (asking costs more than searching a small dataset).
    threads: usize,
}

struct Entry {
    name: String,
    keywords: Vec<String>,
    /// Everything else, searched for the word as a substring.
    long: String,
}

/// A word of the query, prepared once per search.
struct Word<'q> {
    text: &'q str,
    folded: Vec<u8>,
    /// A substring searcher for the folded word, built once and used on every dimension.
    finder: memmem::Finder<'static>,
    /// The word's score against itself: what a match in the longer texts scores.
    exact: i64,
}

/// Below this many candidates one thread is quicker than starting more.
const PARALLEL_FROM: usize = 20_000;

impl Searcher {
    #[must_use]
    pub fn new(dataset: &Dataset) -> Self {
        let entries: Vec<Entry> = dataset
            .dimensions
            .iter()
            .map(|d| {
                let long: Vec<&str> = fields(d).skip(1 + d.keywords.len()).collect();
                Entry {
                    name: d.name.to_ascii_lowercase(),
                    keywords: d.keywords.iter().map(|k| k.to_ascii_lowercase()).collect(),
                    long: long.join("\n").to_ascii_lowercase(),
                }
            })
            .collect();
        let threads = if entries.len() < PARALLEL_FROM {
            1
        } else {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8)
        };
        Self { matcher: SkimMatcherV2::default().ignore_case(), entries, threads }
    }

    /// The dimensions matching every word of `query`, best first (ties in dataset order). A blank query
    /// returns every dimension in dataset order.
    #[must_use]
    pub fn search(&self, dataset: &Dataset, query: &str) -> Vec<Hit> {
        self.search_among(dataset, query, &(0..dataset.dimensions.len()).collect::<Vec<_>>())
    }

    /// As [`Self::search`], but only among `candidates`. Every match of a query is also a match of any
    /// query it extends (more letters or more words only narrow), so as a user types, each keystroke can
    /// search the previous keystroke's hits instead of everything.
    #[must_use]
    pub fn search_among(&self, dataset: &Dataset, query: &str, candidates: &[usize]) -> Vec<Hit> {
        let words: Vec<Word> = query
            .split_whitespace()
            .map(|text| {
                let folded = text.to_ascii_lowercase().into_bytes();
                Word {
                    text,
                    finder: memmem::Finder::new(&folded).into_owned(),
                    folded,
                    exact: self.matcher.fuzzy_match(text, text).unwrap_or(0),
                }
            })
            .collect();
        if words.is_empty() {
            let mut all: Vec<Hit> = candidates.iter().map(|&dimension| Hit { dimension, score: 0 }).collect();
            all.sort_unstable_by_key(|h| h.dimension);
            return all;
        }
        let scan = |chunk: &[usize]| -> Vec<Hit> {
            chunk
                .iter()
                .filter_map(|&i| {
                    self.score(&dataset.dimensions[i], &self.entries[i], &words)
                        .map(|score| Hit { dimension: i, score })
                })
                .collect()
        };
        let mut hits = if candidates.len() < PARALLEL_FROM || self.threads == 1 {
            scan(candidates)
        } else {
            let chunk = candidates.len().div_ceil(self.threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = candidates.chunks(chunk).map(|c| s.spawn(move || scan(c))).collect();
                handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
            })
        };
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.dimension.cmp(&b.dimension)));
        hits
    }

    /// The summed best score of each word; `None` if a word misses. Cheap in-order and substring tests
    /// decide most misses before the matcher runs.
    fn score(&self, dimension: &Dimension, entry: &Entry, words: &[Word]) -> Option<i64> {
        let mut total = 0;
        for word in words {
            let mut best = None;
            if is_subsequence(&word.folded, entry.name.as_bytes()) {
                best = self.matcher.fuzzy_match(&dimension.name, word.text).map(|s| s * NAME_BOOST);
            }
            // A word found in the name is scored there: the name is what the user sees and what gets
            // highlighted, and skipping the keywords then halves the matcher's work on short queries.
            if best.is_none() {
                for (keyword, folded) in dimension.keywords.iter().zip(&entry.keywords) {
                    if is_subsequence(&word.folded, folded.as_bytes()) {
                        best = best.max(self.matcher.fuzzy_match(keyword, word.text).map(|s| s * KEYWORD_BOOST));
                    }
                }
            }
            if best.is_none() && word.finder.find(entry.long.as_bytes()).is_some() {
                best = Some(word.exact);
            }
            total += best?;
        }
        Some(total)
    }

    /// The character indexes of `dimension`'s name that `query` matches, ascending, for highlighting.
    #[must_use]
    pub fn positions(&self, dataset: &Dataset, dimension: usize, query: &str) -> Vec<usize> {
        let name = &dataset.dimensions[dimension].name;
        let mut positions: Vec<usize> = query
            .split_whitespace()
            .filter_map(|word| self.matcher.fuzzy_indices(name, word))
            .flat_map(|(_, indexes)| indexes)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
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

/// Whether the bytes of `needle` appear in `haystack` in order. Both are folded alike by the caller, and
/// the matcher folds only ASCII case too; a character's UTF-8 bytes appear in order wherever the
/// character does, so this never rejects a string the matcher would accept.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    // A plain loop: names and keywords are a few dozen bytes, too short for SIMD setup to pay off.
    let mut rest = haystack.iter();
    needle.iter().all(|&b| rest.any(|&h| h == b))
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
    fn searching_among_earlier_hits_finds_the_same() {
        let d = dataset();
        let s = Searcher::new(&d);
        let earlier: Vec<usize> = s.search(&d, "t").iter().map(|h| h.dimension).collect();
        assert_eq!(s.search_among(&d, "typ", &earlier), s.search(&d, "typ"));
    }

    #[test]
    fn a_name_match_outranks_a_summary_match() {
        let d = dataset();
        let hits = Searcher::new(&d).search(&d, "typing");
        assert_eq!(names(&d, &hits), vec!["Static typing", "ML ecosystem"]);
        let searcher = Searcher::new(&d);
        assert_eq!(searcher.positions(&d, hits[0].dimension, "typing"), vec![7, 8, 9, 10, 11, 12]);
        assert!(searcher.positions(&d, hits[1].dimension, "typing").is_empty(), "a summary match highlights nothing");
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
        assert!(is_subsequence(b"cpb", b"cpu-bound"));
        assert!(!is_subsequence(b"bpc", b"cpu-bound"));
        assert!(is_subsequence(b"", b"x"));
        assert!(is_subsequence("字".as_bytes(), "漢字".as_bytes()));
    }
}
