//! Removal of characters that could drive or deceive a terminal.
//!
//! Every string of a dataset passes through here once, at load, so nothing downstream (the TUI, the
//! reports, JSON) has to think about hostile text again.

/// Whether `c` must never reach a terminal: C0 and C1 controls, DEL, the bidirectional overrides,
/// embeddings, isolates and marks that can make text read differently from what it is, and characters
/// whose width terminals disagree on (so that a title or a border would shift on some of them): the
/// soft hyphen, the Hangul fillers, the emoji presentation selector and the keycap mark, the line and
/// paragraph separators (which [`line`] and [`text`] turn into a space or a line break), and the
/// noncharacters.
///
/// Combining marks and the zero-width joiner (emoji sequences) are ordinary text and stay.
#[must_use]
pub fn is_forbidden(c: char) -> bool {
    c.is_control() // C0 (U+0000-001F), DEL (U+007F) and C1 (U+0080-009F)
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' // LRE, RLE, PDF, LRO, RLO
                | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
                | '\u{200E}' | '\u{200F}' // LRM, RLM
                | '\u{061C}' // ARABIC LETTER MARK
                | '\u{FEFF}' // BOM / zero-width no-break space
                | '\u{00AD}' // SOFT HYPHEN: drawn as 0 or 1 column
                | '\u{115F}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers: 0, 1 or 2 columns
                | '\u{FE0F}' | '\u{20E3}' // emoji presentation, keycap: 1 or 2 columns
                | '\u{2028}' | '\u{2029}' // LINE and PARAGRAPH SEPARATOR
                | '\u{FDD0}'..='\u{FDEF}' // noncharacters
        )
        || u32::from(c) & 0xFFFE == 0xFFFE // the noncharacters at the end of each plane
}

/// Whether `s` holds no forbidden character, so that [`line`] and [`text`] would return it unchanged
/// (tabs and line breaks are forbidden too). Nearly every string is: checking bytes first is cheaper
/// than rebuilding it.
#[must_use]
pub(crate) fn is_clean(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(is_forbidden)
}

/// A one-line string: tabs and line breaks become spaces (so words stay apart), and every other
/// forbidden character is dropped.
#[must_use]
pub fn line(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if is_forbidden(c) => None,
            c => Some(c),
        })
        .collect()
}

/// The most characters of one quoted piece of input (between backticks or double quotes) a message
/// shows; a longer one is cut there, with "…".
pub const MAX_QUOTED_CHARS: usize = 40;
/// The most characters of one line of a message.
pub const MAX_MESSAGE_LINE_CHARS: usize = 1_000;

/// `message` with every quoted piece (between backticks or double quotes; an unclosed one runs to the
/// end) cut to [`MAX_QUOTED_CHARS`] and every line to [`MAX_MESSAGE_LINE_CHARS`], each cut marked "…":
/// an error about a 16 MiB key must not be a 16 MB line.
#[must_use]
pub fn bounded(message: &str) -> String {
    if message.len() <= MAX_QUOTED_CHARS {
        return message.to_owned();
    }
    let mut out = String::with_capacity(message.len().min(4 * MAX_MESSAGE_LINE_CHARS));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let (quoted, after) = match inside.find(quote) {
            Some(close) => (&inside[..close], &inside[close..]),
            None => (inside, ""),
        };
        match quoted.char_indices().nth(MAX_QUOTED_CHARS) {
            Some((cut, _)) => {
                out.push_str(&quoted[..cut]);
                out.push('…');
            }
            None => out.push_str(quoted),
        }
        if let Some(close) = after.chars().next() {
            out.push(close);
        }
        rest = after.get(1..).unwrap_or("");
    }
    out.push_str(rest);
    if out.lines().all(|line| line.len() <= MAX_MESSAGE_LINE_CHARS) {
        return out;
    }
    let cut = |line: &str| match line.char_indices().nth(MAX_MESSAGE_LINE_CHARS) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_owned(),
    };
    let mut lines: Vec<String> = out.split('\n').map(cut).collect();
    lines.shrink_to_fit();
    lines.join("\n")
}

/// A multi-line text: line breaks survive (CRLF becomes LF), tabs become one space, the rest as [`line`].
#[must_use]
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_terminals_draw_at_different_widths_are_removed_or_replaced() {
        assert_eq!(line("soft\u{AD}hyphen \u{3164}filler \u{115F}\u{FFA0}x"), "softhyphen filler x");
        assert_eq!(line("☺\u{FE0F} 1\u{FE0F}\u{20E3} \u{FDD0}\u{FFFE}\u{1FFFF}end"), "☺ 1 end");
        assert_eq!(line("one\u{2028}two\u{2029}three"), "one two three");
        assert_eq!(text("one\u{2028}two\u{2029}three"), "one\ntwo\nthree");
        assert!(!is_clean("a\u{AD}b") && is_clean("漢字 👩‍💻"));
    }

    #[test]
    fn strips_escape_sequences_and_c1_controls() {
        assert_eq!(line("a\u{1b}[31mred\u{7}\u{9b}2J\u{7f}b"), "a[31mred2Jb");
    }

    #[test]
    fn strips_every_bidi_control() {
        let bidi =
            "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}\u{FEFF}";
        assert_eq!(line(&format!("x{bidi}y")), "xy");
    }

    #[test]
    fn keeps_combining_marks_zwj_and_wide_text() {
        let s = "e\u{301} 👩\u{200D}💻 漢字";
        assert_eq!(line(s), s);
    }

    #[test]
    fn clean_strings_are_those_both_cleaners_leave_unchanged() {
        for s in [
            "plain",
            "e\u{301} 👩\u{200D}💻 漢字",
            "tab\there",
            "line\nbreak",
            "\u{1b}[31m",
            "x\u{202E}y",
            "\u{85}",
            "",
        ] {
            assert_eq!(is_clean(s), line(s) == s && text(s) == s, "{s:?}");
        }
    }

    #[test]
    fn text_keeps_newlines_but_not_carriage_returns() {
        assert_eq!(text("one\r\ntwo\tthree\u{1b}"), "one\ntwo three");
        assert_eq!(line("one\ntwo\tthree"), "one two three");
    }
}
