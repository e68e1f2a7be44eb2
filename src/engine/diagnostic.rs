//! What versus says about a file it reads: one [`Diagnostic`] type for datasets, the config, profiles,
//! weight files and pairwise files alike, errors and warnings both. It names the file, the line and
//! column, the field (a dotted path such as `dimensions.ratings.rating`), what is wrong, and the
//! closest known name when the input looks like a typo of one. Its `Display` is the one line editors and
//! CI logs understand: `file:line:column: [warning: ]field: message (did you mean `name`?)`.

use std::fmt::{self, Write as _};
use std::ops::Range;

use crate::engine::data::sanitize;

/// A 1-based line and column (in characters) within a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `source` (clamped to the end, and to a character boundary).
    /// For many positions in one source, build a [`LineIndex`] once instead.
    #[must_use]
    pub fn of_offset(source: &str, offset: usize) -> Self {
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
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        Position { line, column: self.source[start..offset].chars().count() + 1 }
    }
}

/// Whether a diagnostic stopped something (an error) or only says what versus did instead (a warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing to say about a file versus read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (`<built-in>` for the embedded data); empty until known.
    pub file: String,
    /// Where in it; `None` when it concerns the file as a whole (unreadable, too large).
    pub position: Option<Position>,
    /// The field it is about, as a dotted path (`meta.as_of`, `keys.main.quit`), when there is one.
    pub field: Option<String>,
    /// What is wrong, in the author's terms, free of control characters.
    pub message: String,
    pub severity: Severity,
    /// The known name closest to what was written, when it looks like a typo of one.
    pub suggestion: Option<String>,
}

impl Diagnostic {
    /// An error about the whole file, until placed with [`Self::at`] or [`Self::at_span`].
    #[must_use]
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            file: String::new(),
            position: None,
            field: None,
            message: clean(&message.into()),
            severity: Severity::Error,
            suggestion: None,
        }
    }

    /// A warning: the file was used, or set aside, and versus went on.
    #[must_use]
    pub fn warning(message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(message) }
    }

    #[must_use]
    pub fn at(self, position: Position) -> Self {
        Self { position: Some(position), ..self }
    }

    /// At the start of byte range `span` of `source`.
    #[must_use]
    pub fn at_span(self, source: &str, span: Range<usize>) -> Self {
        self.at(Position::of_offset(source, span.start))
    }

    #[must_use]
    pub fn field(self, field: impl Into<String>) -> Self {
        Self { field: Some(clean(&field.into())), ..self }
    }

    /// With the closest known name, if there is one.
    #[must_use]
    pub fn suggest(self, suggestion: Option<&str>) -> Self {
        Self { suggestion: suggestion.map(clean), ..self }
    }

    #[must_use]
    pub fn in_file(self, file: &str) -> Self {
        Self { file: sanitize::line(file), ..self }
    }

    /// The same, as a warning: versus goes on.
    #[must_use]
    pub fn into_warning(self) -> Self {
        Self { severity: Severity::Warning, ..self }
    }

    #[must_use]
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// The diagnostic without its file: `line:column: [warning: ]field: message (did you mean ...?)`.
    #[must_use]
    pub fn located(&self) -> String {
        let mut out = String::new();
        if let Some(Position { line, column }) = self.position {
            let _ = write!(out, "{line}:{column}: ");
        }
        out.push_str(&self.said());
        out
    }

    /// What it says, without the file or the place: `[warning: ]field: message (did you mean ...?)`.
    #[must_use]
    pub fn said(&self) -> String {
        let severity = if self.is_warning() { "warning: " } else { "" };
        format!("{severity}{}", self.headline())
    }

    /// What it says, and nothing else: `field: message (did you mean ...?)`, for a line that says where
    /// and how grave on its own (the explorer's status line).
    #[must_use]
    pub fn headline(&self) -> String {
        let mut out = String::new();
        if let Some(field) = &self.field {
            out.push_str(field);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        if let Some(name) = &self.suggestion {
            let _ = write!(out, " (did you mean `{name}`?)");
        }
        out
    }
}

/// One line, control characters removed, long quotes cut: a diagnostic may quote anything the file held.
fn clean(text: &str) -> String {
    sanitize::bounded(&sanitize::line(text))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.file.is_empty() {
            write!(f, "{}:", self.file)?;
            if self.position.is_none() {
                f.write_str(" ")?;
            }
        }
        f.write_str(&self.located())
    }
}

impl std::error::Error for Diagnostic {}

/// The diagnostics of one file or command, one per line.
#[must_use]
pub fn lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// A value given on the command line or typed in the explorer that versus cannot take (a profile's
/// name, a note, a duration, a key): what is wrong with it, as a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

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
    fn a_diagnostic_reads_as_one_line_with_each_part_in_its_place() {
        let d = Diagnostic::error("no dimension has the id `x`")
            .at(Position { line: 3, column: 7 })
            .field("presets.weights")
            .suggest(Some("xy"))
            .in_file("d.toml");
        assert_eq!(d.to_string(), "d.toml:3:7: presets.weights: no dimension has the id `x` (did you mean `xy`?)");
        assert_eq!(Diagnostic::warning("unreadable").in_file("d.toml").to_string(), "d.toml: warning: unreadable");
        assert_eq!(Diagnostic::error("bad\u{1b}[31m").message, "bad[31m", "control characters go");
        assert_eq!(Diagnostic::error("x").to_string(), "x", "no file: no prefix");
    }
}
