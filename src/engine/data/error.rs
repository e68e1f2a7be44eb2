//! Load errors that point at the exact place in the file.

use std::fmt;
use std::ops::Range;

use super::sanitize;

/// A 1-based line and column (in characters) within a dataset file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `source` (clamped to the end, and to a character boundary).
    /// For many positions in one source, build a [`LineIndex`] once instead.
    #[must_use]
    pub(crate) fn of_offset(source: &str, offset: usize) -> Self {
        LineIndex::new(source).position(offset)
    }
}

/// Line starts of a source, so that many positions cost a binary search each rather than a rescan.
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { source, starts }
    }

    /// The position of byte `offset` (clamped to the end, and to a character boundary).
    #[must_use]
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        Position { line, column: self.source[start..offset].chars().count() + 1 }
    }
}

/// One thing wrong with a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is; `None` when it concerns the file as a whole (unreadable, too large).
    pub position: Option<Position>,
    /// What is wrong, already free of control characters.
    pub message: String,
}

impl Problem {
    #[must_use]
    pub(crate) fn whole_file(message: impl Into<String>) -> Self {
        Self { position: None, message: sanitize::bounded(&sanitize::line(&message.into())) }
    }

    #[must_use]
    pub fn at(source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::at_position(Position::of_offset(source, span.start), message)
    }

    #[must_use]
    pub(crate) fn at_position(position: Position, message: impl Into<String>) -> Self {
        Self { position: Some(position), message: sanitize::bounded(&sanitize::line(&message.into())) }
    }
}

/// Everything found wrong with one dataset file. Its `Display` prints one `file:line:column: message`
/// line per problem, the format editors and CI logs understand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it (or `<built-in>`).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    #[must_use]
    pub fn new(file: &str, problems: Vec<Problem>) -> Self {
        Self { file: sanitize::line(file), problems }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match problem.position {
                Some(Position { line, column }) => {
                    write!(f, "{}:{line}:{column}: {}", self.file, problem.message)?;
                }
                None => write!(f, "{}: {}", self.file, problem.message)?,
            }
        }
        Ok(())
    }
}

/// Turns a TOML or serde error into a problem, naming the key on the offending line and suggesting the
/// closest known name for an unknown field or variant.
#[must_use]
pub(crate) fn from_toml(source: &str, error: &toml::de::Error) -> Problem {
    // serde names Rust types; a dataset's author knows TOML's.
    let mut message = error
        .message()
        .trim()
        .replace("expected i64", "expected a whole number")
        .replace(" as i128", "")
        .replace(" as u128", "");
    if let Some(hint) = did_you_mean(&message) {
        message.push_str(&hint);
    }
    let too_deep = message.contains("recursion limit") || message.contains("max recursion depth");
    if too_deep {
        "tables or arrays nested too deeply to read (no versus file nests more than a few levels)"
            .clone_into(&mut message);
    }
    // TOML reads an unquoted date as a date-time, which serde reports as a map.
    let unquoted_date = error.span().and_then(|span| source.get(span)).filter(|value| is_bare_date(value));
    if let (true, Some(value)) = (message.starts_with("invalid type: map"), unquoted_date) {
        message = format!("a date is text here: write it in quotes, \"{}\"", value.trim());
    }
    if let Some(span) = error.span()
        && let Some(said) = in_toml_terms(source, span.clone(), &message)
    {
        return Problem::at(source, span, said);
    }
    match error.span() {
        Some(span) => {
            if let Some(key) = key_on_line(source, span.start)
                && !message.contains(&format!("`{key}`"))
            {
                // The table it is in too, as the checks name fields: `weights.realtime`, `dimensions.rating`.
                message = match table_before(source, span.start) {
                    Some(table) => format!("{table}.{key}: {message}"),
                    None => format!("{key}: {message}"),
                };
            }
            Problem::at(source, span, message)
        }
        // The parser gives no place for too deep a table header: the deepest line is the place.
        None if too_deep => Problem::at_position(deepest_line(source), message),
        None => Problem::whole_file(message),
    }
}

/// serde's words for what the file's structure gets wrong, said in TOML's terms with the key's name:
/// a list of tables (`[[meta]]`) or an array (`meta = []`) where one table belongs, a number too large
/// for any field, a table or key written twice.
fn in_toml_terms(source: &str, span: Range<usize>, message: &str) -> Option<String> {
    let line = line_at(source, span.start);
    let array_header = line.trim().starts_with("[[").then(|| header(line)).flatten();
    if let Some(name) = array_header
        && (message.starts_with("invalid type: map") || message.starts_with("invalid length"))
    {
        return Some(format!("{name}: `[[{name}]]` makes a list of tables, where one table belongs: write `[{name}]`"));
    }
    if message.contains("expected struct") && (message.starts_with("invalid length") || message.contains("sequence")) {
        let key = key_on_line(source, span.start).or(array_header).unwrap_or("this value");
        return Some(format!("{key}: an array where a table belongs: write `[{key}]` and its fields below it"));
    }
    // A whole number where one belongs, refused: it is too large for 64 bits.
    let too_large = message.ends_with("expected a whole number").then_some(message);
    if let Some(number) =
        too_large.and_then(|m| m.strip_prefix("invalid type: integer `")).and_then(|m| m.split('`').next())
    {
        let key = key_on_line(source, span.start).map(|key| match table_before(source, span.start) {
            Some(table) => format!("{table}.{key}: "),
            None => format!("{key}: "),
        });
        return Some(format!("{}{number} is out of range (far larger than this field takes)", key.unwrap_or_default()));
    }
    if message.starts_with("duplicate key") {
        let name = source.get(span).unwrap_or("").trim().trim_matches(['[', ']']).trim();
        let what = if line.trim_start().starts_with('[') { "table" } else { "key" };
        return Some(format!("{what} `{name}` is defined twice: a {what} may be written once"));
    }
    None
}

/// The whole line that holds byte `offset`.
fn line_at(source: &str, offset: usize) -> &str {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    &source[start..end]
}

/// Whether `value` is a TOML date or date-time written bare: `2026-11-25`, `2026-11-25T10:00:00Z`.
fn is_bare_date(value: &str) -> bool {
    let value = value.trim().as_bytes();
    value.len() >= 10
        && value[..10].iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
}

/// The start of the line that nests deepest (by its dots and brackets).
fn deepest_line(source: &str) -> Position {
    let depth = |line: &str| line.bytes().filter(|b| matches!(b, b'.' | b'[')).count();
    let (index, _) =
        source.lines().enumerate().max_by_key(|&(i, line)| (depth(line), std::cmp::Reverse(i))).unwrap_or((0, ""));
    Position { line: index + 1, column: 1 }
}

/// serde words these as "unknown field `nmae`, expected one of `id`, `name`" (or "expected `a` or `b`");
/// the first quoted word is the stranger, the rest are the candidates.
fn did_you_mean(message: &str) -> Option<String> {
    if !(message.starts_with("unknown field") || message.starts_with("unknown variant")) {
        return None;
    }
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    let hint = crate::engine::text::did_you_mean(unknown, quoted);
    (!hint.is_empty()).then_some(hint)
}

/// The key of a `key = value` line, to name the field of a type error ("rating: invalid type ...").
fn key_on_line(source: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let (key, _) = source.get(start..end)?.split_once('=')?;
    let key = key.trim();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    (!key.is_empty() && key.len() <= 64 && key.chars().all(plain)).then_some(key)
}

/// A line's table name if the whole line is a `[table]` or `[[array]]` header (a comment may follow).
fn header(line: &str) -> Option<&str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    let line = line.split(" #").next().unwrap_or(line).trim();
    let (open, close) = if line.starts_with("[[") { ("[[", "]]") } else { ("[", "]") };
    let name = line.strip_prefix(open)?.strip_suffix(close)?.trim();
    (!name.is_empty() && name.len() <= 64 && name.chars().all(plain) && !name.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(name)
}

/// The name of the last `[table]` or `[[array]]` header before `offset`, if any. A line is a header
/// only if it is one whole (brackets around a plain name, then at most a comment), so that a `[1],` row
/// of an array or a `[label]: url` line inside a long string is passed over.
fn table_before(source: &str, offset: usize) -> Option<&str> {
    let before = &source[..offset.min(source.len())];
    before.lines().rev().find_map(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = "ab\nçd = 1\n";
        assert_eq!(Position::of_offset(source, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of_offset(source, 3), Position { line: 2, column: 1 });
        // 'ç' is two bytes but one column.
        assert_eq!(Position::of_offset(source, 5), Position { line: 2, column: 2 });
        assert_eq!(Position::of_offset(source, 999), Position { line: 3, column: 1 });
    }

    #[test]
    fn suggests_the_closest_field() {
        let m = "unknown field `nmae`, expected one of `id`, `name`, `summary`";
        assert_eq!(did_you_mean(m).as_deref(), Some(" (did you mean `name`?)"));
        let m = "unknown variant `wrogn`, expected one of `accurate`, `wrong`";
        assert_eq!(did_you_mean(m).as_deref(), Some(" (did you mean `wrong`?)"));
    }

    #[test]
    fn suggests_nothing_when_nothing_is_close() {
        let m = "unknown field `colour`, expected one of `id`, `name`";
        assert_eq!(did_you_mean(m), None);
        assert_eq!(did_you_mean("invalid type: string"), None);
    }

    #[test]
    fn names_the_key_of_the_line() {
        let source = "[x]\nrating = \"high\"\n";
        assert_eq!(key_on_line(source, 13), Some("rating"));
        assert_eq!(key_on_line(source, 1), None);
        assert_eq!(table_before(source, 13), Some("x"));
        assert_eq!(table_before("[[dimensions.assessments]]\nrating = 1", 30), Some("dimensions.assessments"));
        assert_eq!(table_before("title = 1", 5), None);
        assert_eq!(table_before("[a] # the table\nx = 1", 18), Some("a"));
        let long = "[[dimensions]]\ndetail = \"\"\"\n[bench]: https://x\n  [1],\n\"\"\"\npros = 1";
        assert_eq!(table_before(long, long.len() - 3), Some("dimensions"));
    }

    #[test]
    fn display_is_one_line_per_problem() {
        let error = LoadError::new("d.toml", vec![Problem::at("a\nb", 2..3, "bad"), Problem::whole_file("unreadable")]);
        assert_eq!(error.to_string(), "d.toml:2:1: bad\nd.toml: unreadable");
    }
}
