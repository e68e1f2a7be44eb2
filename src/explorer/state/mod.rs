//! The explorer's sub-states, each changed only through its own methods: the weights and their
//! evaluation ([`weights`], with the team's roster), the list and its filter ([`list`]), the detail panes
//! ([`panes`]); and what the explorer says to its user and its shell: the status line and the effects.
//! The main view and every overlay work on these; none of them knows the others.

pub mod list;
pub mod panes;
pub mod team;
pub mod weights;

use crate::engine::data::sanitize;
use crate::engine::profiles::StoredProfile;

/// A message on the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    /// For a problem, the word the status line puts first: "error", or "warning" for one that stopped
    /// nothing (a file set aside, a weight file for an edited dataset); `None` for a plain message.
    pub problem: Option<&'static str>,
}

impl Status {
    /// A message on one line, cleaned of control characters (it may quote the user's input).
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self { text: sanitize::line(&text.into()), problem: None }
    }

    #[must_use]
    pub fn error(text: impl Into<String>) -> Self {
        Self { problem: Some("error"), ..Self::info(text) }
    }

    /// A problem that stopped nothing: versus goes on, and says what it did instead.
    #[must_use]
    pub fn warning(text: impl Into<String>) -> Self {
        Self { problem: Some("warning"), ..Self::info(text) }
    }

    /// Whether it reports a problem (drawn as one).
    #[must_use]
    pub fn is_problem(&self) -> bool {
        self.problem.is_some()
    }
}

/// Work the explorer asks of its shell, which the pure core cannot do itself, each with everything it
/// needs: the shell performs it without reading the explorer, and reports back with an [`Outcome`]
/// (or, for quitting and suspending, does not come back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell until resumed (Ctrl-Z).
    Suspend,
    /// Store `profile` (the weights with their note and interview answers, as the profiles file keeps
    /// them); replace one of its dataset and name only if `replace`.
    SaveProfile {
        profile: StoredProfile,
        replace: bool,
    },
    /// Delete the profile of the dataset titled `dataset` stored as `stored_name`.
    DeleteProfile {
        dataset: String,
        stored_name: String,
    },
    /// Write the finished `export` to its path; refuse to replace an existing file unless `overwrite`.
    Export {
        export: Export,
        overwrite: bool,
    },
    /// Write the decision record `text` as the next numbered record in `dir` (created if missing),
    /// never replacing a file, as `versus record` does.
    WriteRecord {
        dir: String,
        text: String,
    },
    /// Put `text` on the clipboard (OSC 52).
    Copy {
        text: String,
    },
    /// Open `url` with the system's opener (a browser).
    OpenUrl {
        url: String,
    },
}

/// What the shell says about an effect it performed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(String),
    /// The export's target exists: ask before replacing it.
    FileExists(Export),
    /// The profile is stored: list it and start from it.
    ProfileSaved {
        profile: StoredProfile,
        message: String,
    },
    /// A profile of that name exists in the file: ask before replacing it.
    ProfileExists(String),
    ProfileDeleted {
        stored_name: String,
        message: String,
    },
}

/// What `e` writes to a file the user names (`E` writes the decision record into the decisions
/// folder instead: see [`Effect::WriteRecord`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The markdown report, as `versus report --format markdown` prints it.
    Report,
}

impl Document {
    /// What it is, in a message: "the report".
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Self::Report => "the report",
        }
    }
}

/// A document written out, as the user asked for it: where to, what it is, and its finished text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The file, as the user typed it.
    pub path: String,
    pub document: Document,
    pub text: String,
}

/// A mouse event at a screen cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointer {
    pub kind: PointerKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerKind {
    /// The (left) button went down.
    Press,
    /// The pointer moved with the button down.
    Drag,
    Release,
    ScrollDown,
    ScrollUp,
}

impl PointerKind {
    /// The wheel as the moving key it stands for, if it is the wheel.
    #[must_use]
    pub(crate) fn wheel(self) -> Option<crate::explorer::keymap::Action> {
        use crate::explorer::keymap::Action;
        match self {
            Self::ScrollDown => Some(Action::Down),
            Self::ScrollUp => Some(Action::Up),
            Self::Press | Self::Drag | Self::Release => None,
        }
    }
}

/// Where a list's selection goes for a moving key: one step, a page of `page`, or either end; `None`
/// for any other key. `last` is the last index.
#[must_use]
pub(crate) fn step(
    selected: usize,
    action: crate::explorer::keymap::Action,
    last: usize,
    page: usize,
) -> Option<usize> {
    use crate::explorer::keymap::Action;
    Some(match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (selected + page.max(1)).min(last),
        Action::PageUp => selected.saturating_sub(page.max(1)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}
