//! Fuzzy search over dimensions. Pure: a query in, ranked dimensions with highlight positions out.
//!
//! Each word of the query must match somewhere in a dimension, ignoring ASCII case (as the matcher
//! does). Names (ranked highest) and keywords match fuzzily (skim's algorithm), so `cpbd` finds
//! "CPU-bound". The longer texts (category, summary, the options' rationales, details, pros and cons)
//! match only where the word appears as written: in a paragraph almost any word matches as scattered
//! letters, and scoring paragraphs fuzzily is slow.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use serde::{Deserialize, Serialize};

use crate::engine::data::{Dataset, Dimension};
use crate::engine::fuzzy::Scorer;

/// How much a match in each field counts, relative to a match in the longer texts.
const NAME_BOOST: i64 = 4;
const KEYWORD_BOOST: i64 = 2;

/// One matching dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub dimension: usize,
    /// Higher is better; 0 for the empty query.
    pub score: i64,
    /// The part of `score` from the query's last word. Typing on changes only that word, so the rest
    /// carries over to the next keystroke (see [`Searcher::refine`]).
    pub last_word: i64,
}

/// Search state built once per dataset: the index.
pub struct Searcher {
    index: Index,
    /// Threads for large searches, asked once (asking costs more than searching a small dataset).
    threads: usize,
}

/// Every dimension's searchable text, packed: all that a search reads, so a search needs no
/// [`Dataset`], and the cache can store it apart from the dataset (see [`Catalog`]).
#[derive(Debug, PartialEq)]
pub struct Index {
    /// Names and keywords as written (the scorer and the in-order test fold ASCII case as they go).
    names: Packed,
    keywords: Packed,
    /// Where each dimension's keywords end in `keywords`, counted in keywords.
    keyword_ends: Vec<usize>,
    /// Everything else per dimension, folded to ASCII lower case (skim folds only ASCII case too),
    /// searched for the word as a substring.
    long: Packed<Vec<u8>>,
}

/// What the `search` command reads: the index, and each dimension's id and summary to print a hit.
/// The cache stores it apart from the dataset, so that a search never decodes the rest.
#[derive(Debug, PartialEq)]
pub struct Catalog {
    pub index: Index,
    pub ids: Vec<String>,
    pub summaries: Vec<String>,
}

/// A catalog as [`Catalog::encode`] stores it, without the long texts' bytes.
type Stored = (Packed, Packed, Vec<usize>, Vec<usize>, Vec<String>, Vec<String>);

impl Catalog {
    #[must_use]
    pub fn new(dataset: &Dataset) -> Self {
        Self {
            index: Index::new(dataset),
            ids: dataset.dimensions.iter().map(|d| d.id.clone()).collect(),
            summaries: dataset.dimensions.iter().map(|d| d.summary.clone()).collect(),
        }
    }

    /// The catalog for storing: everything but the long texts, encoded, then the long texts' bytes as
    /// they are. Stored raw, they are read straight back into the buffer the search uses; decoded with
    /// the rest, the largest part of the catalog would be copied twice.
    #[must_use]
    pub(crate) fn encode(&self) -> Option<(Vec<u8>, &[u8])> {
        let Index { names, keywords, keyword_ends, long } = &self.index;
        let rest = (names, keywords, keyword_ends, &long.ends, &self.ids, &self.summaries);
        Some((postcard::to_allocvec(&rest).ok()?, &long.text))
    }

    /// The catalog [`Self::encode`] stored; `None` unless the parts make a consistent one (lists of one
    /// length, every end in order and inside its text, on a character boundary), so that no search or
    /// listing on it can fail.
    #[must_use]
    pub(crate) fn decode(rest: &[u8], long_texts: Vec<u8>) -> Option<Self> {
        let (names, keywords, keyword_ends, long_ends, ids, summaries): Stored = postcard::from_bytes(rest).ok()?;
        let long = Packed { text: long_texts, ends: long_ends };
        let dimensions = names.ends.len();
        let consistent =
            [keyword_ends.len(), long.ends.len(), ids.len(), summaries.len()].iter().all(|&n| n == dimensions)
                && names.is_whole()
                && keywords.is_whole()
                && long.ends_fit()
                && keyword_ends.is_sorted()
                && keyword_ends.last().is_none_or(|&end| end <= keywords.ends.len());
        consistent.then_some(Self { index: Index { names, keywords, keyword_ends, long }, ids, summaries })
    }
}

/// Strings stored end to end in one buffer. A search reads them in order, so one buffer keeps them in
/// the processor's cache, where an allocation per string costs a cache miss per string. The buffer is
/// a `String` for texts the scorer reads, or bytes for texts only searched as bytes.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Packed<Text = String> {
    text: Text,
    ends: Vec<usize>,
}

impl Packed {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.range(i)]
    }

    /// Whether every string can be sliced out: [`Self::ends_fit`], on character boundaries.
    fn is_whole(&self) -> bool {
        self.ends_fit() && self.ends.iter().all(|&end| self.text.is_char_boundary(end))
    }
}

impl<Text: AsRef<[u8]>> Packed<Text> {
    /// The bytes of string `i`: unlike [`Packed::get`], slicing them reads nothing at either end, which
    /// for a long text that the substring search leaves early would be a cache miss per text.
    fn bytes(&self, i: usize) -> &[u8] {
        &self.text.as_ref()[self.range(i)]
    }

    fn range(&self, i: usize) -> Range<usize> {
        span(&self.ends, i)
    }

    /// Whether the ends are in order and inside the text.
    fn ends_fit(&self) -> bool {
        self.ends.is_sorted() && self.ends.last().is_none_or(|&end| end <= self.text.as_ref().len())
    }
}

/// Where item `i` of a packed list lies, given where each item ends.
fn span(ends: &[usize], i: usize) -> Range<usize> {
    i.checked_sub(1).map_or(0, |previous| ends[previous])..ends[i]
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

impl Index {
    #[must_use]
    pub fn new(dataset: &Dataset) -> Self {
        let long_texts = |dimension| fields(dimension).skip(1 + dimension.keywords.len());
        let (mut names, mut keywords) = (Packed::default(), Packed::default());
        // Sized up front: the long texts are most of the index, and growing the buffer would copy them
        // over and over.
        let long_bytes = dataset.dimensions.iter().flat_map(long_texts).map(|t| t.len() + 1).sum();
        let (mut long, mut long_ends) = (String::with_capacity(long_bytes), Vec::new());
        let mut keyword_ends = Vec::with_capacity(dataset.dimensions.len());
        for dimension in &dataset.dimensions {
            names.push(&dimension.name);
            for keyword in &dimension.keywords {
                keywords.push(keyword);
            }
            keyword_ends.push(keywords.ends.len());
            for (i, text) in long_texts(dimension).enumerate() {
                if i > 0 {
                    long.push('\n');
                }
                long.push_str(text);
            }
            long_ends.push(long.len());
        }
        long.make_ascii_lowercase();
        let long = Packed { text: long.into_bytes(), ends: long_ends };
        Self { names, keywords, keyword_ends, long }
    }

    /// How many dimensions the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.ends.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Dimension `i`'s name.
    #[must_use]
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i)
    }
}

impl Searcher {
    #[must_use]
    pub fn new(dataset: &Dataset) -> Self {
        Self::from_index(Index::new(dataset))
    }

    #[must_use]
    pub(crate) fn from_index(index: Index) -> Self {
        let threads = if index.len() < PARALLEL_FROM {
            1
        } else {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8)
        };
        Self { index, threads }
    }

    #[must_use]
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The dimensions matching every word of `query`, best first (ties in dataset order). A blank query
    /// returns every dimension in dataset order.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = Self::prepare(&query.split_whitespace().collect::<Vec<_>>());
        if words.is_empty() {
            return (0..self.index.len()).map(|dimension| Hit { dimension, score: 0, last_word: 0 }).collect();
        }
        self.scan(&(0..self.index.len()).map(|i| (i, 0)).collect::<Vec<_>>(), &words)
    }

    /// The hits for `query`, given the hits `earlier` of `earlier_query`: the same as [`Self::search`],
    /// but quicker as a user types. When `query` extends `earlier_query`, only earlier hits can match
    /// (more letters or more words only narrow), and only the words that changed are scored again: the
    /// others' scores carry over.
    #[must_use]
    pub(crate) fn refine(&self, earlier_query: &str, earlier: &[Hit], query: &str) -> Vec<Hit> {
        let before: Vec<&str> = earlier_query.split_whitespace().collect();
        let words: Vec<&str> = query.split_whitespace().collect();
        let Some(&last_before) = before.last() else { return self.search(query) };
        if !query.starts_with(earlier_query) {
            return self.search(query);
        }
        // Typing on either added words after the earlier ones, or lengthened the last of them.
        let (kept, carried): (usize, fn(&Hit) -> i64) = if words[before.len() - 1] == last_before {
            (before.len(), |h| h.score)
        } else {
            (before.len() - 1, |h| h.score - h.last_word)
        };
        if kept == words.len() {
            return earlier.to_vec();
        }
        // Ranking relies on scanning in dataset order (see `rank`); the earlier hits come best first.
        let mut carried_by_dimension = vec![None; self.index.len()];
        for hit in earlier {
            carried_by_dimension[hit.dimension] = Some(carried(hit));
        }
        let candidates: Vec<(usize, i64)> =
            carried_by_dimension.iter().enumerate().filter_map(|(i, c)| c.map(|c| (i, c))).collect();
        self.scan(&candidates, &Self::prepare(&words[kept..]))
    }

    fn prepare<'q>(words: &[&'q str]) -> Vec<Word<'q>> {
        let mut scorer = Scorer::default();
        words
            .iter()
            .map(|&text| {
                let folded = text.to_ascii_lowercase().into_bytes();
                Word {
                    text,
                    finder: memmem::Finder::new(&folded).into_owned(),
                    folded,
                    exact: scorer.score(text, text).unwrap_or(0),
                }
            })
            .collect()
    }

    /// Scores `words` on each candidate (a dimension, in dataset order, and the score it carries from
    /// words already scored) and ranks the matches.
    fn scan(&self, candidates: &[(usize, i64)], words: &[Word]) -> Vec<Hit> {
        let scan = |chunk: &[(usize, i64)]| -> Vec<Hit> {
            let (mut hits, mut scorer) = (Vec::with_capacity(chunk.len()), Scorer::default());
            hits.extend(chunk.iter().filter_map(|&(dimension, carried)| {
                let (score, last_word) = self.score(dimension, words, &mut scorer)?;
                Some(Hit { dimension, score: carried + score, last_word })
            }));
            hits
        };
        let pieces = if candidates.len() < PARALLEL_FROM || self.threads == 1 {
            vec![scan(candidates)]
        } else {
            let chunk = candidates.len().div_ceil(self.threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = candidates.chunks(chunk).map(|c| s.spawn(move || scan(c))).collect();
                handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
            })
        };
        rank(&pieces)
    }

    /// The summed best score of each word, and the last word's; `None` if a word misses. Cheap in-order
    /// and substring tests decide most misses before the scorer runs.
    fn score(&self, dimension: usize, words: &[Word], scorer: &mut Scorer) -> Option<(i64, i64)> {
        let Index { names, keywords, keyword_ends, long } = &self.index;
        let name = names.get(dimension);
        let keywords = span(keyword_ends, dimension).map(|k| keywords.get(k));
        let (mut total, mut last) = (0, 0);
        for word in words {
            let mut best = None;
            if is_subsequence(&word.folded, name) {
                best = scorer.score(name, word.text).map(|s| s * NAME_BOOST);
            }
            // A word found in the name is scored there: the name is what the user sees and what gets
            // highlighted, and skipping the keywords then halves the scorer's work on short queries.
            if best.is_none() {
                for keyword in keywords.clone() {
                    if is_subsequence(&word.folded, keyword) {
                        best = best.max(scorer.score(keyword, word.text).map(|s| s * KEYWORD_BOOST));
                    }
                }
            }
            if best.is_none() && word.finder.find(long.bytes(dimension)).is_some() {
                best = Some(word.exact);
            }
            last = best?;
            total += last;
        }
        Some((total, last))
    }

    /// The character indexes of `dimension`'s name that `query` matches, ascending, for highlighting.
    #[must_use]
    pub fn positions(&self, dimension: usize, query: &str) -> Vec<usize> {
        let name = self.index.name(dimension);
        let mut positions: Vec<usize> = query
            .split_whitespace()
            // A fresh matcher per word: a used one can find other letters (see `crate::engine::fuzzy`).
            .filter_map(|word| SkimMatcherV2::default().ignore_case().fuzzy_indices(name, word))
            .flat_map(|(_, indexes)| indexes)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// Every searchable text of a dimension: name, keywords, then category, summary and the options' texts.
fn fields(dimension: &Dimension) -> impl Iterator<Item = &str> {
    let assessments = dimension.assessments.iter().flat_map(|assessment| {
        [assessment.rationale.as_str(), assessment.detail.as_str()]
            .into_iter()
            .chain(assessment.pros.iter().chain(&assessment.cons).map(String::as_str))
    });
    std::iter::once(dimension.name.as_str())
        .chain(dimension.keywords.iter().map(String::as_str))
        .chain([dimension.category.as_str(), dimension.summary.as_str()])
        .chain(assessments)
}

/// Hits best first, ties in dataset order. The hits arrive in dataset order and their scores are sums of
/// a few small bonuses, so a stable counting sort by score does it in linear time (a comparison sort
/// of 100,000 hits would take a third of a keystroke's budget).
fn rank(pieces: &[Vec<Hit>]) -> Vec<Hit> {
    const MAX_SPAN: i64 = 1 << 16;
    let hits = || pieces.iter().flatten();
    let (Some(low), Some(high)) = (hits().map(|h| h.score).min(), hits().map(|h| h.score).max()) else {
        return Vec::new();
    };
    if high - low > MAX_SPAN {
        let mut ranked: Vec<Hit> = hits().copied().collect();
        ranked.sort_by_key(|h| std::cmp::Reverse(h.score));
        return ranked;
    }
    let slot = |h: &Hit| usize::try_from(high - h.score).unwrap_or(0);
    // next[s]: where the next hit of the s-th best score goes.
    let mut next = vec![0; slot(&Hit { dimension: 0, score: low, last_word: 0 }) + 2];
    for h in hits() {
        next[slot(h) + 1] += 1;
    }
    for s in 1..next.len() {
        next[s] += next[s - 1];
    }
    let mut ranked = vec![Hit { dimension: 0, score: 0, last_word: 0 }; next[next.len() - 1]];
    for h in hits() {
        let s = slot(h);
        ranked[next[s]] = *h;
        next[s] += 1;
    }
    ranked
}

/// Whether the bytes of `needle` (folded to ASCII lower case) appear in order in `haystack`, ignoring
/// ASCII case as skim does. A character's UTF-8 bytes appear in order wherever the character
/// does, so this never rejects a string the scorer would accept.
fn is_subsequence(needle: &[u8], haystack: &str) -> bool {
    // A plain loop: names and keywords are a few dozen bytes, too short for SIMD setup to pay off.
    let mut rest = haystack.bytes();
    needle.iter().all(|&b| rest.any(|h| h.to_ascii_lowercase() == b))
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
            "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
             [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
             [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n{}{}{}",
            dimension("typing", "Static typing", "\"typescript\", \"mypy\"", "Type checkers"),
            dimension("ml", "ML ecosystem", "\"pytorch\"", "Machine learning libraries and typing stubs"),
            dimension("cpu", "CPU-bound code", "\"jit\"", "Raw speed"),
        );
        crate::engine::data::parse(&source, "t").unwrap()
    }

    #[test]
    fn empty_query_returns_everything_in_order() {
        let d = dataset();
        let hits = Searcher::new(&d).search("  ");
        assert_eq!(hits.iter().map(|h| h.dimension).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn refining_earlier_hits_finds_what_a_fresh_search_does() {
        let d = dataset();
        let s = Searcher::new(&d);
        let steps = [
            ("t", "typ"),                // a word grows
            ("static", "static "),       // a space: the same words
            ("static ", "static t"),     // a new word
            ("static t", "static ty"),   // the new word grows
            ("static", "static typing"), // a pasted word
            ("s t", "s ty ml"),          // one grows, another is added
            ("typ", "cpu"),              // not an extension: searched afresh
            ("", "t"),                   // nothing earlier
            ("ml", "ml"),                // unchanged
        ];
        for (before, after) in steps {
            let earlier = s.search(before);
            assert_eq!(s.refine(before, &earlier, after), s.search(after), "{before:?} then {after:?}");
        }
    }

    #[test]
    fn a_name_match_outranks_a_summary_match() {
        let d = dataset();
        let hits = Searcher::new(&d).search("typing");
        assert_eq!(names(&d, &hits), vec!["Static typing", "ML ecosystem"]);
        let searcher = Searcher::new(&d);
        assert_eq!(searcher.positions(hits[0].dimension, "typing"), vec![7, 8, 9, 10, 11, 12]);
        assert!(searcher.positions(hits[1].dimension, "typing").is_empty(), "a summary match highlights nothing");
    }

    #[test]
    fn keywords_and_fuzzy_abbreviations_match() {
        let d = dataset();
        assert_eq!(names(&d, &Searcher::new(&d).search("torch")), vec!["ML ecosystem"]);
        assert_eq!(names(&d, &Searcher::new(&d).search("cpbd")), vec!["CPU-bound code"]);
    }

    #[test]
    fn case_is_ignored_everywhere() {
        let d = dataset();
        assert_eq!(names(&d, &Searcher::new(&d).search("TORCH")), vec!["ML ecosystem"]);
        assert_eq!(names(&d, &Searcher::new(&d).search("RAW")), vec!["CPU-bound code"]);
    }

    #[test]
    fn long_texts_need_the_word_as_written_not_scattered_letters() {
        let d = dataset();
        // "Machine learning libraries and typing stubs" holds m-a-c-h-i-n-e... but not "mlts" in a row.
        assert!(Searcher::new(&d).search("mlts").is_empty());
        assert_eq!(names(&d, &Searcher::new(&d).search("stubs")), vec!["ML ecosystem"]);
    }

    #[test]
    fn every_word_must_match() {
        let d = dataset();
        let s = Searcher::new(&d);
        assert_eq!(names(&d, &s.search("static type")), vec!["Static typing"]);
        assert!(s.search("static zebra").is_empty());
    }

    #[test]
    fn ranking_keeps_ties_in_dataset_order_whatever_the_spread_of_scores() {
        let hit = |dimension, score| Hit { dimension, score, last_word: 0 };
        // Counting sort for a small spread, a comparison sort past it: the same order.
        for spread in [3, 1 << 20] {
            let pieces = [vec![hit(0, 0), hit(1, spread)], vec![hit(2, 0), hit(3, -spread), hit(4, spread)]];
            let order: Vec<usize> = rank(&pieces).iter().map(|h| h.dimension).collect();
            assert_eq!(order, vec![1, 4, 0, 2, 3], "spread {spread}");
        }
    }

    #[test]
    fn searching_on_several_threads_finds_what_one_thread_does() {
        let d = crate::synthetic::dataset(PARALLEL_FROM + 500, 2, 3);
        let index = || Index::new(&d);
        let (one, two) = (
            Searcher { threads: 1, ..Searcher::from_index(index()) },
            Searcher { threads: 2, ..Searcher::from_index(index()) },
        );
        let mut earlier = (String::new(), one.search(""));
        for query in ["t", "th", "th s", "th st", "zzzq"] {
            assert_eq!(two.search(query), one.search(query), "{query:?}");
            let refined = two.refine(&earlier.0, &earlier.1, query);
            assert_eq!(refined, one.search(query), "{query:?} after {:?}", earlier.0);
            earlier = (query.to_owned(), refined);
        }
    }

    #[test]
    fn a_catalog_decodes_to_itself_and_only_when_its_parts_agree() {
        let d = dataset();
        let catalog = Catalog::new(&d);
        let (rest, long) = catalog.encode().unwrap();
        assert_eq!(Catalog::decode(&rest, long.to_vec()).as_ref(), Some(&catalog));
        assert_eq!(Catalog::decode(&rest, long[1..].to_vec()), None, "long texts cut short");
        assert_eq!(Catalog::decode(&rest[..rest.len() - 1], long.to_vec()), None, "the rest cut short");
        let mut fewer_ids = Catalog::new(&d);
        fewer_ids.ids.pop();
        let (rest, long) = fewer_ids.encode().unwrap();
        assert_eq!(Catalog::decode(&rest, long.to_vec()), None, "one id short");
        let mut mid_character = Catalog::new(&d);
        mid_character.index.names = Packed { text: "é".to_owned(), ends: vec![1, 2, 2] };
        let (rest, long) = mid_character.encode().unwrap();
        assert_eq!(Catalog::decode(&rest, long.to_vec()), None, "an end inside a character");
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence(b"cpb", "CPU-bound"));
        assert!(!is_subsequence(b"bpc", "cpu-bound"));
        assert!(is_subsequence(b"", "x"));
        assert!(is_subsequence("字".as_bytes(), "漢字"));
    }
}
