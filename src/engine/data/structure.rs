//! A cheap count of a file's structure, before the TOML parser reads it. The parser costs memory per
//! token, not per byte: it lexes the whole file into tokens (about 50 bytes each: a line break, a run
//! of spaces, a key, a `=`, a value, a comment), then builds a tree: about 50 bytes more for an array
//! item, about 175 for a key or a table. So a crafted 16 MiB file of `1,1,1,...` asked for 1.3 GB, and
//! one of blank lines 790 MB, only to be refused. Measured with `/usr/bin/time -f %M versus check`
//! on files of one kind of line each; the figures are in the README.

/// The most keys, array items, arrays and tables a file may hold.
pub const MAX_ITEMS: usize = 1_500_000;
/// The most a file may cost the parser, in units of about 50 bytes: a token is one, an array item one
/// more, a key, table or inline table 3.5 more. Real data costs well under it: 10,000 dimensions in
/// 15 MB (the largest the size limit allows) cost 3.4 million and peak at 186 MB.
pub const MAX_COST: usize = 5_000_000;
/// Files smaller than this are not counted: they cannot hold enough to matter.
pub(super) const COUNTED_FROM_BYTES: usize = 1024 * 1024;

/// What the parser would cost to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Count {
    /// Array items (their `,`).
    pub commas: usize,
    /// Keys, arrays, tables and inline tables (their `=`, `[` and `{`).
    pub nodes: usize,
    /// Tables that a dotted key (`a.b.c = 1`) or an inline table (`{ a = 1 }`) makes: about 1.2 KB each.
    /// (The dots of a `[table.header]` are counted as tokens only: see the README's limits.)
    pub made_tables: usize,
    /// Tokens: line breaks, runs of spaces, bare words and numbers, punctuation, strings, comments.
    pub tokens: usize,
}

impl Count {
    /// Keys, array items, arrays and tables.
    pub fn items(self) -> usize {
        self.commas + self.nodes
    }

    /// The parser's cost, in units of about 50 bytes (see [`MAX_COST`]).
    pub fn cost(self) -> usize {
        self.tokens + self.commas + self.nodes * 7 / 2 + self.made_tables * 24
    }

    pub fn over_limits(self) -> bool {
        self.items() > MAX_ITEMS || self.cost() > MAX_COST
    }
}

/// The count of `source` when it is too much to parse; small files are not counted.
pub(super) fn too_much(source: &str) -> Option<Count> {
    if source.len() < COUNTED_FROM_BYTES {
        return None;
    }
    Some(count(source, MAX_ITEMS + 1, MAX_COST + 1)).filter(|c| c.over_limits())
}

/// Whether `b` continues a bare word or number (a key, `true`, `1_000`, a date-time).
fn in_word(b: u8) -> bool {
    !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'#' | b'"' | b'\'' | b'=' | b',' | b'[' | b']' | b'{' | b'}' | b'.')
}

/// How many keys, array items, arrays and tables `source` holds (its `=`, `,`, `[` and `{` outside
/// strings and comments), and how many tokens, counting no further than `stop_items` items or a cost
/// of `stop_cost`. A lexer of TOML's strings, comments, spaces and words only.
fn count(source: &str, stop_items: usize, stop_cost: usize) -> Count {
    let bytes = source.as_bytes();
    let find = |from: usize, what: &[u8]| memchr::memmem::find(&bytes[from..], what).map(|i| from + i);
    let mut c = Count { commas: 0, nodes: 0, made_tables: 0, tokens: 0 };
    let (mut at, mut line_start, mut header) = (0, true, false);
    while at < bytes.len() && c.items() < stop_items && c.cost() < stop_cost {
        let rest = &bytes[at..];
        c.tokens += 1;
        match rest[0] {
            b'\n' => (line_start, header) = (true, false),
            b'[' if line_start => (line_start, header) = (false, true),
            b'.' | b'{' if !header => c.made_tables += 1,
            b' ' | b'\t' | b'\r' => {}
            _ => line_start = false,
        }
        at = match rest[0] {
            b'#' => memchr::memchr(b'\n', rest).map_or(bytes.len(), |i| at + i),
            b'"' if rest.starts_with(br#"""""#) => {
                // A multi-line basic string ends at the first unescaped `"""`.
                let mut from = at + 3;
                loop {
                    match find(from, br#"""""#) {
                        Some(end) if escaped(bytes, end) => from = end + 1,
                        Some(end) => break end + 3,
                        None => break bytes.len(),
                    }
                }
            }
            b'\'' if rest.starts_with(b"'''") => find(at + 3, b"'''").map_or(bytes.len(), |end| end + 3),
            b'"' => {
                let mut from = at + 1;
                loop {
                    match memchr::memchr2(b'"', b'\n', &bytes[from..]).map(|i| from + i) {
                        Some(end) if bytes[end] == b'"' && escaped(bytes, end) => from = end + 1,
                        Some(end) => break end + 1,
                        None => break bytes.len(),
                    }
                }
            }
            b'\'' => memchr::memchr2(b'\'', b'\n', &rest[1..]).map_or(bytes.len(), |i| at + 2 + i),
            b',' => {
                c.commas += 1;
                at + 1
            }
            b'=' | b'[' | b'{' => {
                c.nodes += 1;
                at + 1
            }
            // CRLF is one line break to the parser.
            b'\r' if rest.get(1) == Some(&b'\n') => at + 2,
            b' ' | b'\t' => at + rest.iter().take_while(|&&b| b == b' ' || b == b'\t').count(),
            b if in_word(b) => at + rest.iter().take_while(|&&b| in_word(b)).count(),
            _ => at + 1,
        };
    }
    c
}

/// Whether the byte at `at` follows an odd number of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB_16: usize = 16 * 1024 * 1024;

    fn items(source: &str, stop: usize) -> usize {
        count(source, stop, usize::MAX).items()
    }

    #[test]
    fn structure_is_counted_outside_strings_and_comments() {
        let source = concat!(
            "a = [1, 2]\n",                          // = [ ,
            "# [x] = , {\n",                         // a comment
            "b = \"x = [1, {\\\" ,\"\n",             // =, and an escaped quote inside the string
            "c = 'y = [,'\n",                        // =
            "d = \"\"\"\n= , [ \\\"\"\" { \"\"\"\n", // =, and an escaped quote in a multi-line string
            "e = '''[,='''\n",                       // =
            "[t]\n",                                 // [
            "f = { g = 1 }\n",                       // = { =
        );
        assert_eq!(items(source, usize::MAX), 3 + 1 + 1 + 1 + 1 + 1 + 3);
        assert_eq!(items(source, 2), 2, "stops counting at the limit");
    }

    #[test]
    fn tokens_are_what_the_parser_lexes() {
        let tokens = |source: &str| count(source, usize::MAX, usize::MAX).tokens;
        // `a`, ` `, `=`, ` `, `1`, the line break; a comment and its line break; CRLF is one.
        assert_eq!(tokens("a = 1\n# x = [\n\r\n"), 6 + 2 + 1);
        assert_eq!(tokens("x = \"a b, c\"  \t\n"), 7);
        assert_eq!(tokens("[a.b]\n"), 6);
    }

    #[test]
    fn a_dense_file_is_too_much_and_real_data_is_not() {
        assert!(too_much(&format!("x = [{}]\n", "1,".repeat(MAX_ITEMS))).is_some());
        assert!(too_much(&format!("x = [{}]\n", "1,".repeat(100))).is_none(), "small files are not counted");
        let generated = crate::synthetic::to_toml(&crate::synthetic::dataset(2_000, 8, 1));
        assert!(generated.len() >= COUNTED_FROM_BYTES, "{} bytes", generated.len());
        assert!(too_much(&generated).is_none());
        assert!(too_much(&"# a comment, [with] = {things}\n".repeat(100_000)).is_none(), "comments are one token");
    }

    /// Blank lines, spaces and CRLF line breaks cost the parser as much per token as items do: 16 MiB
    /// of them peaked at 400-790 MB, and the built-in data padded with them to 16 MiB was read.
    #[test]
    fn a_file_of_blank_lines_or_spaces_is_too_much() {
        assert!(too_much(&"\n".repeat(MIB_16 - 1)).is_some());
        assert!(too_much(&"\r\n".repeat(MIB_16 / 2 - 1)).is_some());
        assert!(too_much(&" \n".repeat(MIB_16 / 2 - 1)).is_some());
        let builtin = crate::engine::data::builtin_source();
        assert!(too_much(&format!("{builtin}{}", "\n".repeat(MIB_16 - 1 - builtin.len()))).is_some());
    }

    /// The largest real datasets within the size limit (10,000 dimensions of two options, 15 MB; 3,400
    /// of eight, 16 MB) stay within the count, with room to spare.
    #[test]
    fn the_largest_real_datasets_are_not_too_much() {
        for (dimensions, options) in [(10_000, 2), (3_400, 8)] {
            let generated = crate::synthetic::to_toml(&crate::synthetic::dataset(dimensions, options, 1));
            assert!(generated.len() <= MIB_16, "{} bytes", generated.len());
            let c = count(&generated, usize::MAX, usize::MAX);
            assert!(c.cost() * 4 <= MAX_COST * 3 && c.items() * 2 <= MAX_ITEMS, "{} bytes: {c:?}", generated.len());
        }
    }
}
