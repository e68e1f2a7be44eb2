//! Small text helpers shared by every output: fitting to a terminal width, padding, wrapping, and
//! "did you mean" suggestions.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` cut to at most `width` terminal columns, with an ellipsis when cut. Widths are measured on the
/// growing string, not per character, so sequences such as an emoji with a variation selector (which
/// widen what precedes them) are counted as a terminal shows them.
#[must_use]
pub(crate) fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if out.width() + 1 > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// `s` in at most `width` columns, cut only between words (ending in "…" when cut); a first word wider
/// than `width` is cut as [`fit`] cuts.
#[must_use]
pub(crate) fn fit_words(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() { word.to_owned() } else { format!("{out} {word}") };
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() { fit(s, width) } else { format!("{}…", out.trim_end_matches([':', ',', ';'])) }
}

/// `s` fitted and padded with spaces to exactly `width` columns.
#[must_use]
pub(crate) fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let gap = width.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(gap))
}

/// `s` right-aligned in `width` columns (not cut).
#[must_use]
pub(crate) fn pad_left(s: &str, width: usize) -> String {
    let gap = width.saturating_sub(s.width());
    format!("{}{s}", " ".repeat(gap))
}

/// "1 match", "2 matches": `n` with its noun, plural when it is not 1.
#[must_use]
pub(crate) fn pluralize(n: usize, noun: &str) -> String {
    let plural = if noun.ends_with(['s', 'x', 'h']) { "es" } else { "s" };
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}{plural}") }
}

/// Greedy word wrap by terminal width. A word wider than the line (a long URL) is broken across lines
/// rather than left to be cut at the edge; so is a single character wider than the line, alone.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace().flat_map(|word| pieces(word, width)) {
            if !line.is_empty() && line.width() + 1 + word.width() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// `word` in pieces of at most `width` columns (all of it, when it fits).
fn pieces(word: &str, width: usize) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut used = 0;
        let end = rest
            .char_indices()
            .find(|&(at, c)| {
                used += c.width().unwrap_or(0);
                used > width && at > 0
            })
            .map_or(rest.len(), |(at, _)| at);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// " (did you mean `x`?)" for the [`closest`] of `candidates`, or nothing.
#[must_use]
pub(crate) fn did_you_mean<'a>(unknown: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    closest(unknown, candidates).map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default()
}

/// The one of `candidates` that `unknown` is likely a typo of: within a small edit distance, or else one
/// of which it is a whole word.
#[must_use]
pub(crate) fn closest<'a>(unknown: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // No name is this long, so it is no typo of one; and the distance would cost its length squared.
    if unknown.len() > 256 {
        return None;
    }
    let candidates: Vec<&str> = candidates.collect();
    // Letter case aside: `REALTIME` is `realtime` typed with caps lock.
    let lower = unknown.to_lowercase();
    let unknown = lower.as_str();
    let close = candidates
        .iter()
        .map(|&c| (strsim::damerau_levenshtein(unknown, &c.to_lowercase()), c))
        .filter(|&(distance, c)| distance <= (c.len() / 3).max(2))
        .min_by_key(|&(distance, c)| (distance, c))
        .map(|(_, c)| c);
    // Else an id of which the unknown is a whole word: `ml` for `ml-ecosystem`, `chat` for `realtime-chat`.
    let word = || {
        candidates
            .iter()
            .filter(|c| !unknown.is_empty() && c.split(['-', '_']).any(|w| w.to_lowercase() == unknown))
            .min_by_key(|c| (c.len(), **c))
            .copied()
    };
    close.or_else(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_come_from_spelling_or_from_a_whole_word() {
        let ids = ["ml-ecosystem", "llm-apps", "realtime", "realtime-chat", "cpu-bound"];
        assert_eq!(closest("REALTIME", ids.iter().copied()), Some("realtime"));
        assert_eq!(closest("ML", ids.iter().copied()), Some("ml-ecosystem"));
        assert_eq!(did_you_mean("realtme", ids.into_iter()), " (did you mean `realtime`?)");
        assert_eq!(did_you_mean("ml", ids.into_iter()), " (did you mean `ml-ecosystem`?)");
        assert_eq!(did_you_mean("chat", ids.into_iter()), " (did you mean `realtime-chat`?)");
        assert_eq!(did_you_mean("cpu", ids.into_iter()), " (did you mean `cpu-bound`?)");
        assert_eq!(did_you_mean("zzz", ids.into_iter()), "");
        assert_eq!(did_you_mean("", ids.into_iter()), "");
    }

    #[test]
    fn fit_never_exceeds_the_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("abc", 0), "");
        // U+FE0F makes the smiley two columns wide: counted per character it would look like one.
        let emoji = "☺\u{fe0f}".repeat(20);
        for width in 1..30 {
            assert!(fit(&emoji, width).width() <= width, "{width}");
        }
    }

    #[test]
    fn fit_words_cuts_between_words_only() {
        assert_eq!(fit_words("Node.js 9 -> 6: Python leads", 40), "Node.js 9 -> 6: Python leads");
        assert_eq!(fit_words("Node.js 9 -> 6: Python leads", 20), "Node.js 9 -> 6…");
        assert!(fit_words("Supercalifragilistic", 8).width() <= 8);
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(pluralize(1, "match"), "1 match");
        assert_eq!(pluralize(0, "match"), "0 matches");
        assert_eq!(pluralize(2, "claim"), "2 claims");
    }

    #[test]
    fn wraps_on_words_within_the_width() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(wrap("toolongword x", 4), vec!["tool", "ongw", "ord", "x"]);
        assert_eq!(wrap("toolongword xy", 5), vec!["toolo", "ngwor", "d xy"]);
        assert_eq!(wrap("one\n\ntwo", 10), vec!["one", "", "two"]);
    }

    #[test]
    fn a_url_wider_than_the_line_is_broken_not_cut() {
        let url = format!("https://example.org/{}", "a1b2c3d4e5".repeat(18));
        assert_eq!(url.len(), 200);
        let lines = wrap(&format!("see {url} for more"), 30);
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        assert_eq!(lines[0], "see");
        assert_eq!(lines.concat().replace(' ', ""), format!("see{url}formore"));
        // Wide characters are measured as the terminal shows them.
        assert_eq!(wrap("漢字漢字漢", 4), vec!["漢字", "漢字", "漢"]);
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(did_you_mean("nmae", ["name", "id"].into_iter()), " (did you mean `name`?)");
        assert_eq!(did_you_mean("colour", ["id", "name"].into_iter()), "");
    }
}
