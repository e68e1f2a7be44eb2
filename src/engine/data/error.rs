//! A dataset's load errors, each a [`Diagnostic`] at the exact place in the file, and TOML's and serde's
//! errors said in the author's terms.

use std::fmt;
use std::ops::Range;

pub use crate::engine::diagnostic::{Diagnostic, LineIndex, Position};

/// Everything found wrong with one dataset file. Its `Display` prints one `file:line:column: message`
/// line per diagnostic, the format editors and CI logs understand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it (or `<built-in>`).
    pub file: String,
    /// Each in that file.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    #[must_use]
    pub fn new(file: &str, diagnostics: Vec<Diagnostic>) -> Self {
        let diagnostics = diagnostics.into_iter().map(|d| d.in_file(file)).collect();
        Self { file: crate::engine::data::sanitize::line(file), diagnostics }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::engine::diagnostic::lines(&self.diagnostics))
    }
}

/// Turns a TOML or serde error into a diagnostic, naming the field on the offending line (with the table
/// it is in) and the closest known name for an unknown field or variant.
#[must_use]
pub(crate) fn from_toml(source: &str, error: &toml::de::Error) -> Diagnostic {
    // serde names Rust types; a dataset's author knows TOML's.
    let mut message = error
        .message()
        .trim()
        .replace("expected i64", "expected a whole number")
        .replace(" as i128", "")
        .replace(" as u128", "");
    let suggestion = closest_known(&message);
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
        && let Some((field, said)) = in_toml_terms(source, span.clone(), &message)
    {
        let diagnostic = Diagnostic::error(said).at_span(source, span);
        return match field {
            Some(field) => diagnostic.field(field),
            None => diagnostic,
        };
    }
    let diagnostic = Diagnostic::error(message.clone()).suggest(suggestion.as_deref());
    match error.span() {
        Some(span) => {
            let diagnostic = diagnostic.at_span(source, span.clone());
            match key_on_line(source, span.start) {
                // The table it is in too, as the checks name fields: `weights.realtime`, `dimensions.rating`.
                Some(key) if !message.contains(&format!("`{key}`")) => {
                    diagnostic.field(field_path(source, span.start, key))
                }
                _ => diagnostic,
            }
        }
        // The parser gives no place for too deep a table header: the deepest line is the place.
        None if too_deep => diagnostic.at(deepest_line(source)),
        None => diagnostic,
    }
}

/// The dotted path of `key` at byte `offset`: with the table it is in, when it is in one.
fn field_path(source: &str, offset: usize, key: &str) -> String {
    match table_before(source, offset) {
        Some(table) => format!("{table}.{key}"),
        None => key.to_owned(),
    }
}

/// serde's words for what the file's structure gets wrong, said in TOML's terms with the key's name:
/// a list of tables (`[[meta]]`) or an array (`meta = []`) where one table belongs, a number too large
/// for any field, a table or key written twice. The field, if one is named, and the message.
fn in_toml_terms(source: &str, span: Range<usize>, message: &str) -> Option<(Option<String>, String)> {
    let line = line_at(source, span.start);
    let array_header = line.trim().starts_with("[[").then(|| header(line)).flatten();
    if let Some(name) = array_header
        && (message.starts_with("invalid type: map") || message.starts_with("invalid length"))
    {
        let said = format!("`[[{name}]]` makes a list of tables, where one table belongs: write `[{name}]`");
        return Some((Some(name.to_owned()), said));
    }
    if message.contains("expected struct") && (message.starts_with("invalid length") || message.contains("sequence")) {
        let key = key_on_line(source, span.start).or(array_header).unwrap_or("this value");
        return Some((
            Some(key.to_owned()),
            format!("an array where a table belongs: write `[{key}]` and its fields below it"),
        ));
    }
    // A whole number where one belongs, refused: it is too large for 64 bits.
    let too_large = message.ends_with("expected a whole number").then_some(message);
    if let Some(number) =
        too_large.and_then(|m| m.strip_prefix("invalid type: integer `")).and_then(|m| m.split('`').next())
    {
        let field = key_on_line(source, span.start).map(|key| field_path(source, span.start, key));
        return Some((field, format!("{number} is out of range (far larger than this field takes)")));
    }
    if message.starts_with("duplicate key") {
        let name = source.get(span).unwrap_or("").trim().trim_matches(['[', ']']).trim();
        let what = if line.trim_start().starts_with('[') { "table" } else { "key" };
        return Some((None, format!("{what} `{name}` is defined twice: a {what} may be written once")));
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
/// the first quoted word is the stranger, the rest are the candidates: the closest of them, if any is.
fn closest_known(message: &str) -> Option<String> {
    if !(message.starts_with("unknown field") || message.starts_with("unknown variant")) {
        return None;
    }
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    crate::engine::text::closest(unknown, quoted).map(str::to_owned)
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
    fn suggests_the_closest_field() {
        let m = "unknown field `nmae`, expected one of `id`, `name`, `summary`";
        assert_eq!(closest_known(m).as_deref(), Some("name"));
        let m = "unknown variant `wrogn`, expected one of `accurate`, `wrong`";
        assert_eq!(closest_known(m).as_deref(), Some("wrong"));
    }

    #[test]
    fn suggests_nothing_when_nothing_is_close() {
        let m = "unknown field `colour`, expected one of `id`, `name`";
        assert_eq!(closest_known(m), None);
        assert_eq!(closest_known("invalid type: string"), None);
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
    fn display_is_one_line_per_diagnostic() {
        let error = LoadError::new(
            "d.toml",
            vec![Diagnostic::error("bad").at_span("a\nb", 2..3), Diagnostic::error("unreadable")],
        );
        assert_eq!(error.to_string(), "d.toml:2:1: bad\nd.toml: unreadable");
        assert!(error.diagnostics.iter().all(|d| d.file == "d.toml"));
    }
}
