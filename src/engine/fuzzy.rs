//! skim's fuzzy score, computed as fuzzy-matcher's `SkimMatcherV2` (ASCII case ignored) computes it on
//! its first call. Search ranks with this; the matcher itself still finds the letters to highlight.
//!
//! Why not call the matcher: in fuzzy-matcher 0.3.7 a long-lived `SkimMatcherV2` reuses its score
//! matrix between calls without clearing one field (the bonus of the previous cell), so once a pattern
//! has three characters its scores depend on what it scored before: in a random test, 373 of 200,000
//! scores differed by a few points from a fresh matcher's (skim-rs/skim#1071 reports a symptom like
//! it). Its `use_cache(false)` panics (a `RefCell` borrowed twice), and a fresh matcher per call
//! allocates on every call, which a keystroke over 100,000 dimensions cannot afford. So this is the
//! same alignment with its two rows held in [`Scorer`], cleared on every call; a property test checks
//! it equals a fresh matcher on arbitrary text.

use fuzzy_matcher::skim::SkimScoreConfig;

/// Reusable space for [`Scorer::score`]: one per thread.
#[derive(Default)]
pub struct Scorer {
    choice: Vec<char>,
    pattern: Vec<char>,
    /// Where each pattern character first matches, in order (skim's `cheap_matches`).
    first: Vec<usize>,
    /// The bonus of a match at each column (column `j + 1` is the choice's character `j`).
    bonus: Vec<i32>,
    /// The two rows of the compressed score matrix.
    rows: [Vec<Cell>; 2],
}

/// One cell of the matrix: the best score ending in a match here, the best ending in a skip, and the
/// bonus a consecutive match may carry on.
#[derive(Clone, Copy)]
struct Cell {
    matched: i32,
    skipped: i32,
    bonus: i32,
}

const NEG_INFINITY: i32 = i16::MIN as i32;
const FRESH: Cell = Cell { matched: NEG_INFINITY, skipped: NEG_INFINITY, bonus: 0 };

impl Scorer {
    /// skim's score of `pattern` in `choice`; `None` if the pattern's characters are not all there, in
    /// order. The steps and their order follow `SkimMatcherV2::fuzzy` and `build_score_matrix`
    /// exactly (including which cells keep values from an earlier row), so that the result is the
    /// same number.
    pub fn score(&mut self, choice: &str, pattern: &str) -> Option<i64> {
        let config = SkimScoreConfig::default();
        let mut characters = pattern.chars();
        if let (Some(single), None) = (characters.next(), characters.next()) {
            return one_char_score(&config, choice, single);
        }
        self.choice.clear();
        self.choice.extend(choice.chars());
        self.pattern.clear();
        self.pattern.extend(pattern.chars());
        if self.pattern.is_empty() {
            return Some(0);
        }
        self.first.clear();
        let mut wanted = self.pattern.iter().peekable();
        for (i, c) in self.choice.iter().enumerate() {
            match wanted.peek() {
                Some(p) if c.eq_ignore_ascii_case(p) => {
                    self.first.push(i);
                    wanted.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        if wanted.peek().is_some() {
            return None;
        }
        let columns = self.choice.len() + 1;
        self.bonus.clear();
        self.bonus.push(0);
        let mut previous = '\0';
        for &c in &self.choice {
            self.bonus.push(position_bonus(&config, previous, c));
            previous = c;
        }
        if columns > 1 {
            self.bonus[1] *= config.bonus_first_char_multiplier;
        }
        for row in &mut self.rows {
            row.clear();
            row.resize(columns, FRESH);
        }
        for cell in &mut self.rows[0] {
            cell.skipped = config.gap_extension;
        }
        for (i, &p) in self.pattern.iter().enumerate() {
            let (row, above) = ((i + 1) & 1, i & 1);
            for column in self.first[i] + 1..columns {
                let c = self.choice[column - 1];
                let diagonal = self.rows[above][column - 1];
                if c.eq_ignore_ascii_case(&p) {
                    let case = if c == p { 0 } else { config.penalty_case_mismatch };
                    let match_score = (config.score_match + case).max(0);
                    let in_place = self.bonus[column];
                    let left = &mut self.rows[row][column - 1];
                    let consecutive = left.bonus.max(in_place.max(config.bonus_consecutive));
                    left.bonus = consecutive;
                    let best = (diagonal.matched + consecutive).max(diagonal.skipped + in_place);
                    self.rows[row][column].matched = best + match_score;
                } else {
                    self.rows[row][column].matched = NEG_INFINITY;
                    self.rows[row][column].bonus = 0;
                }
                let left = self.rows[row][column - 1];
                self.rows[row][column].skipped =
                    (config.gap_start + config.gap_extension + left.matched).max(config.gap_extension + left.skipped);
            }
        }
        let last_row = &self.rows[self.pattern.len() & 1];
        let from = self.first[self.first.len() - 1];
        last_row[from..].iter().map(|cell| cell.matched).max().map(i64::from)
    }
}

/// [`Scorer::score`] for a one-character pattern, which a search's first keystroke scores on nearly
/// every name: the alignment reduces to the best single position (match score, one gap step, the
/// position's bonus and the case penalty), found in one pass with no set-up.
fn one_char_score(config: &SkimScoreConfig, choice: &str, pattern: char) -> Option<i64> {
    let mut previous = '\0';
    let mut best = None;
    for (i, c) in choice.chars().enumerate() {
        if c.eq_ignore_ascii_case(&pattern) {
            let first = if i == 0 { config.bonus_first_char_multiplier } else { 1 };
            let case = if c == pattern { 0 } else { config.penalty_case_mismatch };
            let score =
                config.gap_extension + position_bonus(config, previous, c) * first + (config.score_match + case).max(0);
            best = best.max(Some(i64::from(score)));
        }
        previous = c;
    }
    best
}

/// skim's bonus for a match at `c` after `previous`: a word's start, a camel hump, after punctuation.
fn position_bonus(config: &SkimScoreConfig, previous: char, c: char) -> i32 {
    #[derive(Clone, Copy)]
    enum Class {
        Start,
        Upper,
        Lower,
        Number,
        HardSeparator,
        SoftSeparator,
    }
    let class = |c: char| match c {
        '\0' => Class::Start,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Class::HardSeparator,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Class::SoftSeparator,
        '0'..='9' => Class::Number,
        'A'..='Z' => Class::Upper,
        _ => Class::Lower,
    };
    match (class(previous), class(c)) {
        (Class::Start | Class::HardSeparator, _) => config.bonus_head,
        (Class::SoftSeparator, _) => config.bonus_break,
        (Class::Lower | Class::Number, Class::Upper) => config.bonus_camel,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::*;

    proptest::proptest! {
        // Cheap cases, and rare ones matter (a digit before a capital, three consecutive matches):
        // many of them.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// One scorer for every case, a fresh matcher for each: the scorer keeps no history either.
        #[test]
        fn scores_equal_a_fresh_matcher(
            // A small alphabet, so that every kind of position (word start, camel hump, after a digit
            // or punctuation, case mismatch, non-ASCII, NUL) and long consecutive runs come up often.
            text in "[aAbB0 ./(!^:~é字É\\x00-]{0,12}",
            pattern in "[aAbB0 ./(!^:~é字É\\x00-]{0,5}",
        ) {
            thread_local!(static SCORER: std::cell::RefCell<Scorer> = std::cell::RefCell::default());
            let ours = SCORER.with_borrow_mut(|scorer| scorer.score(&text, &pattern));
            let fresh = SkimMatcherV2::default().ignore_case().fuzzy_match(&text, &pattern);
            proptest::prop_assert_eq!(ours, fresh);
        }
    }

    #[test]
    fn a_matcher_that_scored_before_can_disagree_with_a_fresh_one_which_is_why_this_exists() {
        // Found by a random search: one earlier call is enough. If fuzzy-matcher stops carrying
        // state between calls, this fails, and search can call the matcher again.
        let (primer, choice, pattern) = ("BC/baa", "bBAC", "bba");
        let fresh = SkimMatcherV2::default().ignore_case().fuzzy_match(choice, pattern);
        let used = SkimMatcherV2::default().ignore_case();
        let _ = used.fuzzy_match(primer, pattern);
        assert_eq!((fresh, used.fuzzy_match(choice, pattern)), (Some(69), Some(81)));
        assert_eq!(Scorer::default().score(choice, pattern), fresh);
    }
}
