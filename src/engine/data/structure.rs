//! A cheap count of a file's structure, before the TOML parser reads it. The parser costs memory per
//! token, not per byte: it lexes the whole file into tokens (about 50 bytes each: a line break, a run
//! of spaces, a key, a `=`, a value, a comment), then builds a tree: about 50 bytes more for an array
//! item, about 175 for a key or a table, about 1.2 KB for a table that holds something (its map). So a
//! crafted 16 MiB file of `1,1,1,...` asked for 1.3 GB, and one of blank lines 790 MB, only to be
//! refused; 300,000 headers like `[aN.b.c]` (each part a new table) 800 MB. Measured with `/usr/bin/time -f %M versus check`
//! on files of one kind of line each; the figures are in the README.

/// The most keys, array items, arrays and tables a file may hold.
pub const MAX_ITEMS: usize = 1_500_000;
/// The most a file may cost the parser, in units of about 50 bytes: a token is one, an array item one
/// more, a key, table or inline table 3.5 more, a table that a dotted name or an inline table makes 24,
/// a header's table that holds a key 18 more. Real data costs under it: 10,000 dimensions in 15 MB (the
/// largest the size limit allows) cost 4.5 million and peak at about 190 MB.
pub const MAX_COST: usize = 5_600_000;
/// Files smaller than this are not counted: they cannot hold enough to matter (a table a dotted name
/// makes costs about 1.2 KB, and takes two bytes: 64 KiB of them about 40 MB; 1 MiB of them, uncounted,
/// peaked at 560 MB).
pub(super) const COUNTED_FROM_BYTES: usize = 64 * 1024;

/// What the parser would cost to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Count {
    /// Array items (their `,`).
    pub commas: usize,
    /// Keys, arrays, tables and inline tables (their `=`, `[` and `{`).
    pub nodes: usize,
    /// Tables that a dotted key (`a.b.c = 1`), an inline table (`{ a = 1 }`) or the dotted name of a
    /// table header (`[a.b.c]` makes `a` and `a.b` if they are new) makes: about 1.2 KB each.
    pub made_tables: usize,
    /// Tables of `[headers]` that hold a key: a table's first entry allocates its map, about 0.9 KB (an
    /// empty one costs its key only).
    pub filled_tables: usize,
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
        self.tokens + self.commas + self.nodes * 7 / 2 + self.made_tables * 24 + self.filled_tables * 18
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
    let mut c = Count { commas: 0, nodes: 0, made_tables: 0, filled_tables: 0, tokens: 0 };
    // `empty`: a header's table has had no key yet.
    let (mut at, mut line_start, mut header, mut empty) = (0, true, false, false);
    let mut headers = Headers::default();
    while at < bytes.len() && c.items() < stop_items && c.cost() < stop_cost {
        let (rest, start) = (&bytes[at..], at);
        c.tokens += 1;
        match rest[0] {
            b'\n' => (line_start, header) = (true, false),
            b'[' if line_start => {
                (line_start, header, empty) = (false, true, false);
                headers.start();
            }
            b'=' if empty => {
                (line_start, empty) = (false, false);
                c.filled_tables += 1;
            }
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
        if header {
            match bytes[start] {
                b'[' | b' ' | b'\t' => {}
                b'.' => c.made_tables += headers.dot(bytes),
                b']' => {
                    headers.end();
                    (header, empty) = (false, true);
                }
                _ => headers.part(start, at),
            }
        }
    }
    c
}

/// The tables that headers' dotted names make. Each part of `[a.b.c]` before the last names a table
/// that the header makes if it does not exist yet. The parts that a header shares with the one before
/// it exist (that header made them, or its own table is one of them, or under an array of tables they
/// are in its newest element), so only the parts after those are counted: `[dimensions.ratings.node]`
/// after `[[dimensions]]` makes one table, `[dimensions.ratings.python]` after it none, and `[aN.b.c]`
/// two on every line. Parts are compared as written: `a` and `"a"` differ, which counts too many, never
/// too few. What is kept is the previous header's parts and the current one's, as byte ranges; a header
/// keeps a part only while it matches the previous header's or after a table has been counted for it,
/// so the cost limit bounds what is kept.
#[derive(Debug, Default)]
struct Headers {
    previous: Vec<(usize, usize)>,
    current: Vec<(usize, usize)>,
    /// The current part's bytes so far (its first and last token's), if it has begun.
    part: Option<(usize, usize)>,
    /// Whether every part so far is the previous header's.
    shared: bool,
}

impl Headers {
    fn start(&mut self) {
        self.current.clear();
        (self.part, self.shared) = (None, true);
    }

    /// A token of a part's name: a bare word or a quoted string.
    fn part(&mut self, start: usize, end: usize) {
        self.part = Some(self.part.map_or((start, end), |(from, _)| (from, end)));
    }

    /// A part has ended; 1 if it names a table the header makes.
    fn dot(&mut self, bytes: &[u8]) -> usize {
        let part = self.part.take().unwrap_or((0, 0));
        let i = self.current.len();
        let name = |(from, to): (usize, usize)| &bytes[from..to];
        self.shared = self.shared && self.previous.get(i).is_some_and(|&before| name(before) == name(part));
        self.current.push(part);
        usize::from(!self.shared)
    }

    /// The header's name has ended (its last part is its own table, counted with the header's `[`): it
    /// becomes the one the next header is compared with.
    fn end(&mut self) {
        if let Some(part) = self.part.take() {
            self.current.push(part);
        }
        std::mem::swap(&mut self.previous, &mut self.current);
        self.current.clear();
    }
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

    /// Each part of a header's dotted name before the last makes a table, unless the header before it
    /// has the same parts: those exist already.
    #[test]
    fn headers_count_the_tables_their_names_make() {
        let made = |source: &str| count(source, usize::MAX, usize::MAX).made_tables;
        assert_eq!(made("[a.b.c]\n[a2.b.c]\n"), 4);
        assert_eq!(made("[ a . b ]\n[a.\"b.c\".d]\n[[a.x]]\n"), 1 + 1);
        // A dataset's headers: one table (`ratings`) per dimension, however many options and sources.
        let dimension = "[[dimensions]]\nid = \"x\"\n[dimensions.ratings.node]\nrating = 1\n\
                         [dimensions.ratings.python]\nrating = 2\n[[dimensions.sources]]\n[[dimensions.sources]]\n";
        assert_eq!(made(&dimension.repeat(3)), 3);
        // Every new element of an array of tables has none of the tables under it yet.
        assert_eq!(made(&"[[x]]\n[x.y.z.w]\n".repeat(5)), 5 * 2);
        // A value's array at the start of a line is no header; a dotted key is counted as before.
        assert_eq!(made("x = [\n[1, 2],\n]\n[t]\na.b = 1\n"), 1);
    }

    /// Headers whose dotted names make new tables cost about 1.2 KB a part: 300,000 lines of `[aN.b.c]`
    /// (4 MB) were counted as cheap and peaked at 800 MB; 1 MiB of longer names, too small to be counted
    /// then, at 560 MB. A table that holds a key costs about 0.9 KB more than an empty one: 330,000 of
    /// `[tN]` and `c=1` peaked at 540 MB.
    #[test]
    fn a_file_of_dotted_headers_or_filled_tables_is_too_much() {
        let lines = |n: usize, line: &dyn Fn(usize) -> String| (0..n).map(line).collect::<Vec<_>>().concat();
        let headers = lines(300_000, &|i| format!("[a{i}.b.c]\n"));
        assert!(too_much(&headers).is_some());
        let names = lines(15_000, &|i| format!("[a{i}{}]\n", ".b".repeat(29)));
        assert!(names.len() < 1024 * 1024 && too_much(&names).is_some(), "{} bytes", names.len());
        let deep = format!("[{}]\n", vec!["a"; 1_000_000].join("."));
        assert!(too_much(&deep).is_some(), "one header of a million parts");
        let filled = lines(330_000, &|i| format!("[t{i}]\nc=1\n"));
        assert!(too_much(&filled).is_some());
        assert_eq!(count("[t]\n[u]\na = 1\nb = 2\n[[v]]\n", usize::MAX, usize::MAX).filled_tables, 1);
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
    /// of eight, 16 MB) stay within the count, with a fifth of it to spare.
    #[test]
    fn the_largest_real_datasets_are_not_too_much() {
        for (dimensions, options) in [(10_000, 2), (3_400, 8)] {
            let generated = crate::synthetic::to_toml(&crate::synthetic::dataset(dimensions, options, 1));
            assert!(generated.len() <= MIB_16, "{} bytes", generated.len());
            let c = count(&generated, usize::MAX, usize::MAX);
            assert!(c.cost() * 5 <= MAX_COST * 4 && c.items() * 2 <= MAX_ITEMS, "{} bytes: {c:?}", generated.len());
        }
    }
}
