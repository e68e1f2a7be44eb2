//! Keys to actions, per context. The default table below, with the user's overrides from the config
//! file applied, is the one source of truth: the explorer dispatches through it, and the help overlay,
//! the footer and the README's key table are generated from it.

use std::fmt::{self, Write as _};

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use strum::IntoEnumIterator as _;

use crate::engine::data::SCALE_MAX;
use crate::engine::data::sanitize::is_forbidden;
use crate::engine::diagnostic::Invalid;

/// Everything a key can ask the explorer to do. A variant's name in config files is derived from it
/// (`weight-up`, `go-to-dimension`), or given where the short name reads better (`mute`, `search`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    Quit,
    Suspend,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    WeightDown,
    WeightUp,
    /// Named `weight-N`, one action per weight.
    SetWeight(u8),
    #[strum(serialize = "mute")]
    ToggleMute,
    /// `!`: set or clear the selected dimension's must-have (a prompt asks the lowest rating allowed).
    Require,
    Reset,
    Undo,
    Redo,
    #[strum(serialize = "pin")]
    PinBaseline,
    /// How far the weights vary in the sure share's draws: ±0 to ±3 in turn (`--weight-spread`).
    #[strum(serialize = "weight-spread")]
    WeightSpread,
    FocusNext,
    #[strum(serialize = "focus-previous")]
    FocusPrev,
    #[strum(serialize = "search")]
    OpenSearch,
    #[strum(serialize = "presets")]
    OpenPresets,
    #[strum(serialize = "claims")]
    OpenClaims,
    #[strum(serialize = "help")]
    OpenHelp,
    #[strum(serialize = "sensitivity")]
    OpenSensitivity,
    #[strum(serialize = "interview")]
    OpenInterview,
    #[strum(serialize = "pairwise")]
    OpenPairwise,
    SaveProfile,
    Export,
    /// `E`: the decision record's dialog.
    ExportRecord,
    /// In the decision record's dialog: write it.
    WriteRecord,
    /// `T`: the team's members, each of whom can be left out of the group.
    #[strum(serialize = "team")]
    OpenTeam,
    Copy,
    OpenSource,
    /// `]` and `[`: the first dimension of the next category, or of this one (or the one before).
    NextCategory,
    PrevCategory,
    /// In the claims audit: show only one verdict, the next each time, then all again.
    FilterVerdict,
    /// `J` and `K`: scroll every option's pane at once, wherever the focus is.
    ScrollPanesDown,
    ScrollPanesUp,
    /// Esc: close the overlay, or in the main view drop a kept search filter.
    Back,
    /// Enter: keep the search filter, apply a preset, expand a claim, accept a prompt.
    Confirm,
    /// Claims audit: select the claim's first related dimension.
    GoToDimension,
    /// Pairwise summary: back to the judgement that contradicts the others most.
    Revise,
    /// Interview: on to the next question, leaving this one unanswered.
    SkipQuestion,
    /// Interview: back to the question before.
    PreviousQuestion,
    /// Pairwise: the left item matters more (the judgement moves a step toward it).
    LeftMore,
    /// Pairwise: the right item matters more.
    RightMore,
    /// Pairwise: on to the next pair, leaving this one equal.
    SkipPair,
    /// Pairwise: back to the pair before.
    PreviousPair,
    /// Team: count the selected member toward the group's weights, or leave them out.
    ToggleMember,
    /// Claims audit: show or hide the selected claim's explanation and sources.
    Expand,
    /// Preset picker: delete the selected saved profile (after a confirmation).
    DeleteProfile,
    /// Confirmation: yes / no.
    Yes,
    No,
    DeleteChar,
    ClearInput,
    /// A typed character in a text prompt (not bindable: every printable key types).
    Type(char),
}

impl Action {
    /// Every action that can be bound to a key, for config files and their error messages: all but
    /// typing, with one `weight-N` per weight.
    pub(crate) fn bindable() -> impl Iterator<Item = Self> {
        Self::iter().flat_map(|action| match action {
            Self::SetWeight(_) => (0..=SCALE_MAX).map(Self::SetWeight).collect(),
            Self::Type(_) => Vec::new(),
            action => vec![action],
        })
    }

    /// The action's name in config files: `weight-up`, `weight-10`, `go-to-dimension`.
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Self::SetWeight(n) => format!("weight-{n}"),
            action => <&str>::from(action).to_owned(),
        }
    }

    #[must_use]
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Self::bindable().find(|action| action.name() == name)
    }
}

/// Where a binding applies. `Global` bindings apply everywhere unless the context binds the key itself.
/// A context's name in the config file (`[keys.main]`) and its heading in help are derived here, and
/// help lists the contexts in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr, strum::EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum Context {
    #[strum(message = "Main view")]
    Main,
    #[strum(message = "Search (type to filter)")]
    Search,
    #[strum(message = "Presets and profiles")]
    Presets,
    #[strum(message = "Claims audit")]
    Claims,
    /// How far each weight can move, and a chart of the selected one.
    #[strum(message = "Sensitivity")]
    Sensitivity,
    /// Questions about the project, one at a time.
    #[strum(message = "Project interview")]
    Interview,
    /// Two categories at a time: which matters more, and how much.
    #[strum(message = "Pairwise weighting")]
    Pairwise,
    /// The team's members (`--team`): who counts toward the group's weights.
    #[strum(message = "Team")]
    Team,
    #[strum(message = "Help")]
    Help,
    /// Finding text in help (`/`).
    #[strum(message = "Finding in help (type the text)")]
    HelpFind,
    /// A one-line text prompt (a profile's name, a file name).
    #[strum(message = "Prompts (type the text)")]
    Prompt,
    /// The decision record's dialog (`E`).
    #[strum(message = "Decision record (type the text)")]
    Record,
    /// A yes/no question.
    #[strum(message = "Questions")]
    Confirm,
    #[strum(message = "Everywhere")]
    Global,
}

impl Context {
    /// Every context, in help's order.
    pub fn all() -> impl Iterator<Item = Self> {
        Self::iter()
    }

    /// The heading of this context's section in the help overlay.
    #[must_use]
    pub fn title(self) -> &'static str {
        strum::EnumMessage::get_message(&self).unwrap_or_default()
    }

    /// The context's table name in the config file (`[keys.main]`).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether printable keys type text here (so single characters cannot be bound).
    #[must_use]
    pub(crate) fn takes_text(self) -> bool {
        matches!(self, Self::Search | Self::Prompt | Self::HelpFind | Self::Record)
    }
}

/// A key with its modifiers. Shift is part of the character for printable keys ('G', '?', '+').
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

/// Names of keys in config files, and the codes they stand for; a key is written back with its name
/// here.
const NAMED_KEYS: [(&str, KeyCode); 16] = [
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// Other spellings a config file may use, read but never written.
const KEY_ALIASES: [(&str, KeyCode); 6] = [
    ("pgdn", KeyCode::PageDown),
    ("pgup", KeyCode::PageUp),
    ("escape", KeyCode::Esc),
    ("return", KeyCode::Enter),
    ("backtab", KeyCode::BackTab),
    ("del", KeyCode::Delete),
];

impl Key {
    /// Parses a key as written in the config file: `q`, `G`, `?`, `ctrl-f`, `shift-tab`, `F1`, `space`,
    /// `pagedown`. Case matters only for single characters.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let lower = text.to_ascii_lowercase();
        let (ctrl, rest, rest_lower) = match lower.strip_prefix("ctrl-").or_else(|| lower.strip_prefix("ctrl+")) {
            Some(rest_lower) => (true, &text[5..], rest_lower.to_owned()),
            None => (false, text, lower.clone()),
        };
        let code = if rest.chars().count() == 1 {
            let c = rest.chars().next().unwrap_or(' ');
            if is_forbidden(c) {
                return Err(Invalid(format!(
                    "U+{:04X} is a control character, which no key types (name a key: `esc`, `enter`, `ctrl-x`...)",
                    u32::from(c)
                )));
            }
            KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
        } else if let Some((_, code)) = NAMED_KEYS.iter().chain(&KEY_ALIASES).find(|(name, _)| *name == rest_lower) {
            *code
        } else if let Some(n) =
            rest_lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=24).contains(n))
        {
            KeyCode::F(n)
        } else if let Some(c) = rest_lower.strip_prefix("shift-").filter(|c| c.chars().count() == 1) {
            KeyCode::Char(c.chars().next().unwrap_or(' ').to_ascii_uppercase())
        } else {
            return Err(Invalid(format!(
                "unknown key `{text}` (examples: `q`, `G`, `?`, `ctrl-f`, `shift-tab`, `F1`, `space`, `enter`, `pagedown`)"
            )));
        };
        Ok(Self { code, ctrl })
    }
}

/// The config-file spelling, which [`Key::parse`] reads back to the same key.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => match NAMED_KEYS.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code}"),
            },
        }
    }
}

/// How a key is written in help and footers: "j", "↓", "Space", "Ctrl-C", "Shift-Tab", "F1".
#[must_use]
pub(crate) fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        code => format!("{code}"),
    };
    if key.ctrl { format!("Ctrl-{base}") } else { base }
}

/// One row of the keymap: in `context`, any of `keys` performs `action`. `footer` marks the bindings the
/// footer shows for that context. The defaults borrow their keys; the user's config replaces them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    pub label: &'static str,
    pub footer: bool,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, label: &'static str, footer: bool) -> Binding {
    Binding { context, keys: Cow::Borrowed(keys), action, label, footer }
}

use Action as A;
use Context as C;
use KeyCode as K;

/// The key for weight 10 (the digits give 0-9).
pub(crate) const WEIGHT_TEN: char = '*';

pub const DEFAULT_BINDINGS: &[Binding] = &[
    bind(C::Global, &[ctrl('c')], A::Quit, "quit", false),
    bind(C::Global, &[ctrl('z')], A::Suspend, "suspend to the shell", false),
    bind(C::Main, &[ch('j'), key(K::Down)], A::Down, "next dimension (or scroll the focused pane)", false),
    bind(C::Main, &[ch('k'), key(K::Up)], A::Up, "previous dimension (or scroll the focused pane)", false),
    bind(C::Main, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Main, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Main, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Main, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Main, &[ch('J')], A::ScrollPanesDown, "scroll all the panes down together", false),
    bind(C::Main, &[ch('K')], A::ScrollPanesUp, "scroll all the panes up together", false),
    bind(C::Main, &[ch(']')], A::NextCategory, "next category", false),
    bind(C::Main, &[ch('[')], A::PrevCategory, "this category's first dimension, or the previous category's", false),
    bind(C::Main, &[ch('h'), key(K::Left), ch('-')], A::WeightDown, "weight down", true),
    bind(C::Main, &[ch('l'), key(K::Right), ch('+'), ch('=')], A::WeightUp, "weight up", true),
    bind(C::Main, &[ch('0')], A::SetWeight(0), "weight 0", false),
    bind(C::Main, &[ch('1')], A::SetWeight(1), "weight 1", false),
    bind(C::Main, &[ch('2')], A::SetWeight(2), "weight 2", false),
    bind(C::Main, &[ch('3')], A::SetWeight(3), "weight 3", false),
    bind(C::Main, &[ch('4')], A::SetWeight(4), "weight 4", false),
    bind(C::Main, &[ch('5')], A::SetWeight(5), "weight 5", false),
    bind(C::Main, &[ch('6')], A::SetWeight(6), "weight 6", false),
    bind(C::Main, &[ch('7')], A::SetWeight(7), "weight 7", false),
    bind(C::Main, &[ch('8')], A::SetWeight(8), "weight 8", false),
    bind(C::Main, &[ch('9')], A::SetWeight(9), "weight 9", false),
    bind(C::Main, &[ch(WEIGHT_TEN)], A::SetWeight(10), "weight 10", false),
    bind(C::Main, &[key(K::Char(' '))], A::ToggleMute, "mute/unmute", false),
    bind(C::Main, &[ch('!')], A::Require, "set or clear the dimension's must-have (lowest rating allowed)", false),
    bind(C::Main, &[ch('r')], A::Reset, "reset weights to the defaults, preset or profile", false),
    bind(C::Main, &[ch('u')], A::Undo, "undo a change of weights", false),
    bind(C::Main, &[ctrl('r')], A::Redo, "redo", false),
    bind(C::Main, &[ch('b')], A::PinBaseline, "pin the weights to compare with (again: unpin)", false),
    bind(
        C::Main,
        &[ch('w')],
        A::WeightSpread,
        "how far weights vary in the sure share: ±1, ±2, ±3, fixed (a team's range, fixed)",
        false,
    ),
    bind(C::Main, &[key(K::Tab)], A::FocusNext, "focus the next region: list, panes, sources", false),
    bind(C::Main, &[key(K::BackTab)], A::FocusPrev, "focus the previous region", false),
    bind(C::Main, &[ch('/')], A::OpenSearch, "search", true),
    bind(C::Main, &[ch('p')], A::OpenPresets, "presets", true),
    bind(C::Main, &[ch('c')], A::OpenClaims, "claims", true),
    bind(C::Main, &[ch('f')], A::OpenSensitivity, "sensitivity", true),
    bind(C::Main, &[ch('i')], A::OpenInterview, "interview: weights from questions about the project", false),
    bind(C::Main, &[ch('a')], A::OpenPairwise, "pairwise: weigh the categories two at a time", false),
    bind(C::Main, &[ch('s')], A::SaveProfile, "save the weights as a profile", false),
    bind(C::Main, &[ch('e')], A::Export, "export the report as markdown", false),
    bind(C::Main, &[ch('E')], A::ExportRecord, "write a decision record (as versus record does)", false),
    bind(C::Main, &[ch('T')], A::OpenTeam, "team (--team): members' weights; leave one out", false),
    bind(C::Main, &[ch('y')], A::Copy, "copy the verdict and weights, or the focused source's URL (OSC 52)", false),
    bind(C::Main, &[ch('o')], A::OpenSource, "open the selected source in a browser (Tab focuses the sources)", false),
    bind(C::Main, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", true),
    bind(C::Main, &[key(K::Esc)], A::Back, "clear the search filter", false),
    bind(C::Main, &[ch('q')], A::Quit, "quit", true),
    bind(C::Search, &[key(K::Enter)], A::Confirm, "keep filter", true),
    bind(C::Search, &[key(K::Esc)], A::Back, "clear", true),
    bind(C::Search, &[key(K::Down)], A::Down, "next match", true),
    bind(C::Search, &[key(K::Up)], A::Up, "previous match", false),
    bind(C::Search, &[key(K::Backspace)], A::DeleteChar, "delete a character", false),
    bind(C::Search, &[ctrl('u')], A::ClearInput, "delete the query", false),
    bind(C::Presets, &[ch('j'), key(K::Down)], A::Down, "next", false),
    bind(C::Presets, &[ch('k'), key(K::Up)], A::Up, "previous", false),
    bind(C::Presets, &[key(K::Enter)], A::Confirm, "apply", true),
    bind(C::Presets, &[ch('x'), key(K::Delete)], A::DeleteProfile, "delete a saved profile", true),
    bind(C::Presets, &[key(K::Esc), ch('p')], A::Back, "close", true),
    bind(C::Presets, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Presets, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Presets, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Presets, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Presets, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Presets, &[ch('q')], A::Quit, "quit", false),
    bind(C::Claims, &[ch('j'), key(K::Down)], A::Down, "next", false),
    bind(C::Claims, &[ch('k'), key(K::Up)], A::Up, "previous", false),
    bind(C::Claims, &[key(K::Enter)], A::Expand, "explanation and sources", true),
    bind(C::Claims, &[key(K::PageDown)], A::PageDown, "scroll the explanation down", false),
    bind(C::Claims, &[key(K::PageUp)], A::PageUp, "scroll the explanation up", false),
    bind(C::Claims, &[ch('d')], A::GoToDimension, "go to dimension", true),
    bind(C::Claims, &[ch('o')], A::OpenSource, "open its source", true),
    bind(C::Claims, &[ch('y')], A::Copy, "copy its source's URL (OSC 52)", true),
    bind(C::Claims, &[ch('v')], A::FilterVerdict, "show one verdict (again: the next, then all)", true),
    bind(C::Claims, &[key(K::Esc), ch('c')], A::Back, "close", true),
    bind(C::Claims, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Claims, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Claims, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Claims, &[ch('q')], A::Quit, "quit", false),
    bind(C::Sensitivity, &[ch('j'), key(K::Down)], A::Down, "next dimension", false),
    bind(C::Sensitivity, &[ch('k'), key(K::Up)], A::Up, "previous dimension", false),
    bind(C::Sensitivity, &[key(K::Enter)], A::GoToDimension, "go to the dimension", true),
    bind(C::Sensitivity, &[ch('a')], A::OpenPairwise, "pairwise over the 8 most critical", true),
    bind(C::Sensitivity, &[key(K::Esc), ch('f')], A::Back, "close", true),
    bind(C::Sensitivity, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Sensitivity, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Sensitivity, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Sensitivity, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Sensitivity, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Sensitivity, &[ch('q')], A::Quit, "quit", false),
    bind(C::Pairwise, &[ch('h'), key(K::Left)], A::LeftMore, "the left one matters more", true),
    bind(C::Pairwise, &[ch('l'), key(K::Right)], A::RightMore, "the right one matters more", true),
    bind(C::Pairwise, &[key(K::Enter)], A::Confirm, "take it / apply", true),
    bind(C::Pairwise, &[ch('r')], A::Revise, "revise the most inconsistent pair (on the summary)", false),
    bind(C::Pairwise, &[key(K::Tab)], A::SkipPair, "skip the pair (equal)", false),
    bind(C::Pairwise, &[key(K::BackTab)], A::PreviousPair, "back a pair", false),
    bind(C::Pairwise, &[key(K::Esc)], A::Back, "leave, changing nothing", true),
    bind(C::Pairwise, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Pairwise, &[ch('q')], A::Quit, "quit", false),
    bind(C::Team, &[ch('j'), key(K::Down)], A::Down, "next member", false),
    bind(C::Team, &[ch('k'), key(K::Up)], A::Up, "previous member", false),
    bind(C::Team, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Team, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Team, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Team, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Team, &[key(K::Enter), key(K::Char(' '))], A::ToggleMember, "count / leave out", true),
    bind(C::Team, &[ch('s')], A::SaveProfile, "save the weights as a profile", true),
    bind(C::Team, &[key(K::Esc), ch('T')], A::Back, "close", true),
    bind(C::Team, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Team, &[ch('q')], A::Quit, "quit", false),
    bind(C::Interview, &[ch('j'), key(K::Down)], A::Down, "next answer", false),
    bind(C::Interview, &[ch('k'), key(K::Up)], A::Up, "previous answer", false),
    bind(C::Interview, &[ch('g'), key(K::Home)], A::Top, "first answer", false),
    bind(C::Interview, &[ch('G'), key(K::End)], A::Bottom, "last answer", false),
    bind(C::Interview, &[key(K::Enter)], A::Confirm, "choose / apply", true),
    bind(C::Interview, &[key(K::Tab)], A::SkipQuestion, "skip", true),
    bind(C::Interview, &[key(K::BackTab)], A::PreviousQuestion, "back", true),
    bind(C::Interview, &[key(K::Esc)], A::Back, "leave", true),
    bind(C::Interview, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", false),
    bind(C::Interview, &[ch('q')], A::Quit, "quit", false),
    bind(C::Help, &[ch('j'), key(K::Down)], A::Down, "scroll down", false),
    bind(C::Help, &[ch('k'), key(K::Up)], A::Up, "scroll up", false),
    bind(C::Help, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Help, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Help, &[ch('g'), key(K::Home)], A::Top, "top", false),
    bind(C::Help, &[ch('G'), key(K::End)], A::Bottom, "bottom", false),
    bind(C::Help, &[ch('/')], A::OpenSearch, "find text", true),
    bind(C::Help, &[key(K::Esc), ch('?'), key(K::F(1))], A::Back, "close", true),
    bind(C::HelpFind, &[key(K::Down), key(K::Enter)], A::Down, "next line with the text", true),
    bind(C::HelpFind, &[key(K::Up)], A::Up, "line before with the text", false),
    bind(C::HelpFind, &[key(K::Backspace)], A::DeleteChar, "delete a character", false),
    bind(C::HelpFind, &[key(K::Esc)], A::Back, "stop finding", true),
    bind(C::Help, &[ch('q')], A::Quit, "quit", false),
    bind(C::Prompt, &[key(K::Enter)], A::Confirm, "accept", true),
    bind(C::Prompt, &[key(K::Esc)], A::Back, "cancel", true),
    bind(C::Prompt, &[key(K::Backspace)], A::DeleteChar, "delete a character", false),
    bind(C::Prompt, &[ctrl('u')], A::ClearInput, "delete the text", false),
    bind(C::Record, &[key(K::Tab)], A::FocusNext, "next field", true),
    bind(C::Record, &[key(K::BackTab)], A::FocusPrev, "previous field", false),
    bind(
        C::Record,
        &[key(K::Enter)],
        A::Confirm,
        "new line in the context; next field; on the review date, write",
        false,
    ),
    bind(C::Record, &[ctrl('s')], A::WriteRecord, "write the record", true),
    bind(C::Record, &[key(K::Esc)], A::Back, "close (asks before losing text)", true),
    bind(C::Record, &[key(K::Backspace)], A::DeleteChar, "delete a character", false),
    bind(C::Record, &[ctrl('u')], A::ClearInput, "delete the field's text", false),
    bind(C::Confirm, &[ch('y'), key(K::Enter)], A::Yes, "yes", true),
    bind(C::Confirm, &[ch('n'), key(K::Esc)], A::No, "no", true),
    bind(C::Confirm, &[ch('q')], A::Quit, "quit (asked whether to quit: yes)", false),
];

/// Actions the footer shows as one hint, (left, right, label): the weight's slider, and pairwise's
/// judgement.
/// The main view's footer, most useful first: as many as fit show, and help and quit always (the weight
/// pair is one hint, "weight").
const MAIN_FOOTER: [(Action, &str); 19] = [
    (A::OpenInterview, "interview"),
    (A::OpenPresets, "presets"),
    (A::WeightUp, "weight"),
    (A::OpenSearch, "search"),
    (A::OpenSensitivity, "sensitivity"),
    (A::OpenClaims, "claims"),
    (A::Undo, "undo"),
    (A::SaveProfile, "save"),
    (A::OpenPairwise, "pairwise"),
    (A::Export, "export"),
    (A::ExportRecord, "decision record"),
    (A::PinBaseline, "pin"),
    (A::ToggleMute, "mute"),
    (A::Reset, "reset"),
    (A::FocusNext, "focus"),
    (A::Copy, "copy"),
    (A::OpenTeam, "team"),
    (A::OpenHelp, "help"),
    (A::Quit, "quit"),
];

const PAIRED: [(Action, Action, &str); 2] =
    [(A::WeightDown, A::WeightUp, "weight"), (A::LeftMore, A::RightMore, "which matters more")];

/// The bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self { bindings: DEFAULT_BINDINGS.to_vec() }
    }
}

impl Keymap {
    #[must_use]
    pub(crate) fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds `keys` to `action` in `context`, replacing the action's default keys there. A key the
    /// defaults gave to another action in the same context moves to this one: the user's word wins.
    pub(crate) fn rebind(&mut self, context: Context, action: Action, keys: Vec<Key>) -> Result<(), Invalid> {
        // Actions mean something only where the defaults use them (quitting and suspending, anywhere).
        let meaningful = matches!(action, Action::Quit | Action::Suspend)
            || DEFAULT_BINDINGS.iter().any(|b| b.context == context && b.action == action);
        if !meaningful {
            return Err(Invalid(format!("`{}` does nothing in the {} context", action.name(), context.name())));
        }
        if keys.is_empty() {
            return Err(Invalid("give at least one key (an action without keys could never be used)".to_owned()));
        }
        // Plain characters type text in search and prompts, which global bindings apply to as well.
        let types_text = context.takes_text() || context == Context::Global;
        if let Some(typing) = keys.iter().find(|k| types_text && !k.ctrl && matches!(k.code, KeyCode::Char(_))) {
            return Err(Invalid(format!(
                "`{typing}` is a typing key, which cannot be bound in the {} context (use ctrl- or a named key)",
                context.name()
            )));
        }
        if let Some(starved) = self.bindings.iter().find(|b| {
            b.context == context && b.action != action && !b.keys.is_empty() && b.keys.iter().all(|k| keys.contains(k))
        }) {
            return Err(Invalid(format!(
                "this takes every key of `{}` in the {} context; give it another key too",
                starved.action.name(),
                context.name()
            )));
        }
        for other in self.bindings.iter_mut().filter(|b| b.context == context && b.action != action) {
            other.keys.to_mut().retain(|k| !keys.contains(k));
        }
        if let Some(binding) = self.bindings.iter_mut().find(|b| b.context == context && b.action == action) {
            binding.keys = Cow::Owned(keys);
        } else {
            let label = DEFAULT_BINDINGS.iter().find(|b| b.action == action).map_or("", |b| b.label);
            self.bindings.push(Binding { context, keys: Cow::Owned(keys), action, label, footer: false });
        }
        Ok(())
    }

    /// The action `event` performs in `context`: the context's own bindings first, then the global ones;
    /// in a text prompt any other printable character types itself.
    #[must_use]
    pub fn action(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
        let find = |context| {
            self.bindings.iter().find(|b| b.context == context && b.keys.contains(&pressed)).map(|b| b.action)
        };
        let typed = match pressed {
            Key { code: K::Char(c), ctrl: false } if context.takes_text() => Some(Action::Type(c)),
            _ => None,
        };
        // In a text field the field's own keys come first, then typing, then the global keys.
        find(context).or(typed).or_else(|| find(Context::Global))
    }

    /// The name of the first key bound to `action` in `context`, if any: what a sentence tells the user
    /// to press.
    #[must_use]
    pub(crate) fn key_for(&self, context: Context, action: Action) -> Option<String> {
        let binding = self.bindings.iter().find(|b| b.context == context && b.action == action)?;
        binding.keys.first().map(|&k| key_name(k))
    }

    /// The footer's hints for `context`: (keys, label), from the bindings marked for it. The weight pair
    /// shows as one hint.
    #[must_use]
    pub fn footer(&self, context: Context) -> Vec<(String, &'static str)> {
        self.footer_hints(context).into_iter().map(|(keys, label, _)| (keys, label)).collect()
    }

    /// As [`Self::footer`], each hint marked when it must stay at every width (help and quit).
    #[must_use]
    pub(crate) fn footer_hints(&self, context: Context) -> Vec<(String, &'static str, bool)> {
        if context == C::Main {
            return self.main_footer();
        }
        let mut hints = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context && b.footer && !b.keys.is_empty()) {
            match PAIRED.iter().find(|(_, up, _)| *up == b.action) {
                // The pair's first half shows with its second, as one hint.
                _ if PAIRED.iter().any(|(down, _, _)| *down == b.action) => {}
                Some(&(down, _, label)) => {
                    // The arrows say "slider" best; without them, the first keys bound.
                    let pick = |keys: &[Key]| {
                        keys.iter()
                            .find(|k| matches!(k.code, K::Left | K::Right))
                            .or(keys.first())
                            .map(|&k| key_name(k))
                    };
                    let down = self
                        .bindings
                        .iter()
                        .find(|d| d.context == context && d.action == down)
                        .and_then(|d| pick(&d.keys))
                        .unwrap_or_default();
                    hints.push((format!("{down}{}", pick(&b.keys).unwrap_or_default()), label, false));
                }
                // Help, quit, the way out and what a dialog is for stay at every width.
                None => hints.push((
                    key_name(b.keys[0]),
                    b.label,
                    matches!(b.action, A::OpenHelp | A::Quit | A::Back | A::WriteRecord),
                )),
            }
        }
        hints
    }

    /// The main view's footer: [`MAIN_FOOTER`]'s hints in its order, most useful first, with the keys
    /// bound now (the weight pair as one hint); help and quit marked to stay at every width.
    fn main_footer(&self) -> Vec<(String, &'static str, bool)> {
        let first = |action: Action| {
            let binding = self.bindings.iter().find(|b| b.context == C::Main && b.action == action)?;
            // The arrows say "slider" best; without them, the first keys bound.
            let key = binding.keys.iter().find(|k| matches!(k.code, K::Left | K::Right)).or(binding.keys.first())?;
            Some(key_name(*key))
        };
        MAIN_FOOTER
            .iter()
            .filter_map(|&(action, label)| {
                let keys = match action {
                    A::WeightUp => format!("{}{}", first(A::WeightDown).unwrap_or_default(), first(A::WeightUp)?),
                    _ => first(action)?,
                };
                Some((keys, label, matches!(action, A::OpenHelp | A::Quit)))
            })
            .collect()
    }

    /// The help overlay's sections: each context with its (keys, label) rows, the digit bindings folded
    /// into one row when they are the defaults.
    #[must_use]
    pub(crate) fn help_sections(&self) -> Vec<(Context, Vec<(String, String)>)> {
        let digits_are_default = (0..=9).all(|n| {
            self.bindings
                .iter()
                .any(|b| b.context == C::Main && b.action == A::SetWeight(n) && *b.keys == [ch(char::from(b'0' + n))])
        });
        Context::all()
            .map(|context| {
                let mut rows = Vec::new();
                for b in self.bindings.iter().filter(|b| b.context == context && !b.keys.is_empty()) {
                    match b.action {
                        Action::SetWeight(0) if digits_are_default => {
                            rows.push(("0-9".to_owned(), "set the weight 0-9".to_owned()));
                        }
                        Action::SetWeight(1..=9) if digits_are_default => {}
                        _ => rows.push((keys_text(&b.keys), b.label.to_owned())),
                    }
                }
                (context, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// The key reference as a markdown table, as the README carries it (a test keeps the two equal).
    #[must_use]
    pub fn markdown_reference(&self) -> String {
        let mut out = String::from("| where | keys | action |\n| --- | --- | --- |\n");
        for (context, rows) in self.help_sections() {
            for (keys, label) in rows {
                let keys = keys.replace('|', "\\|");
                let _ = writeln!(out, "| {} | `{keys}` | {label} |", context.title());
            }
        }
        out
    }
}

/// All of a binding's keys, as the help overlay lists them: "h/←/-".
#[must_use]
pub(crate) fn keys_text(keys: &[Key]) -> String {
    keys.iter().map(|&k| key_name(k)).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in DEFAULT_BINDINGS.iter().enumerate() {
            for b in &DEFAULT_BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys.iter() {
                        assert!(!b.keys.contains(k), "{k:?} is bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn context_bindings_win_and_globals_fill_in() {
        let k = Keymap::default();
        assert_eq!(k.action(C::Main, &press(K::Char('q'), KeyModifiers::NONE)), Some(A::Quit));
        assert_eq!(k.action(C::Search, &press(K::Char('q'), KeyModifiers::NONE)), Some(A::Type('q')));
        assert_eq!(k.action(C::Prompt, &press(K::Char('y'), KeyModifiers::NONE)), Some(A::Type('y')));
        assert_eq!(k.action(C::Search, &press(K::Char('c'), KeyModifiers::CONTROL)), Some(A::Quit));
        assert_eq!(k.action(C::Main, &press(K::Char('G'), KeyModifiers::SHIFT)), Some(A::Bottom));
        assert_eq!(k.action(C::Main, &press(K::BackTab, KeyModifiers::SHIFT)), Some(A::FocusPrev));
        assert_eq!(k.action(C::Main, &press(K::Char(WEIGHT_TEN), KeyModifiers::SHIFT)), Some(A::SetWeight(10)));
        assert_eq!(k.action(C::Main, &press(K::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn key_names_read_naturally() {
        assert_eq!(key_name(ctrl('c')), "Ctrl-C");
        assert_eq!(key_name(key(K::Char(' '))), "Space");
        assert_eq!(key_name(key(K::F(1))), "F1");
        assert_eq!(keys_text(&[ch('h'), key(K::Left), ch('-')]), "h/←/-");
    }

    #[test]
    fn key_strings_parse_and_print_back() {
        for text in [
            "q",
            "G",
            "?",
            "ctrl-f",
            "shift-tab",
            "F1",
            "F12",
            "space",
            "enter",
            "esc",
            "pagedown",
            "pageup",
            "up",
            "delete",
            "*",
        ] {
            let parsed = Key::parse(text).unwrap();
            assert_eq!(parsed.to_string(), text, "{text}");
            assert_eq!(Key::parse(&parsed.to_string()), Ok(parsed));
        }
        assert_eq!(Key::parse("Ctrl+F"), Ok(ctrl('f')));
        assert_eq!(Key::parse("shift-g"), Ok(ch('G')));
        assert_eq!(Key::parse("PgDn"), Ok(key(K::PageDown)));
        assert!(Key::parse("hyper-x").unwrap_err().0.contains("unknown key `hyper-x`"));
        assert!(Key::parse("F99").is_err());
        // A control character would bind a key no one can press, and print as nothing in help.
        for control in ["\u{1b}", "\u{7}", "\u{9b}", "\u{202e}", "ctrl-\u{1b}"] {
            assert!(Key::parse(control).unwrap_err().0.contains("control character"), "{control:?}");
        }
    }

    #[test]
    fn every_bindable_action_has_a_name_that_reads_back() {
        for action in Action::bindable() {
            assert_eq!(Action::from_name(&action.name()), Some(action), "{action:?}");
        }
        assert_eq!(Action::from_name("type"), None, "typing is not bindable");
        let names: Vec<String> = Action::bindable().map(Action::name).collect();
        for name in [
            "mute",
            "require",
            "focus-previous",
            "search",
            "weight-0",
            "weight-10",
            "weight-spread",
            "delete-char",
            "clear-input",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
        assert_eq!(names.len(), 58 + 8, "every action once, weights 0-10 each, typing not at all");
    }

    #[test]
    fn every_default_binding_uses_a_bindable_action() {
        for binding in DEFAULT_BINDINGS {
            assert!(Action::bindable().any(|a| a == binding.action), "{:?}", binding.action);
        }
    }

    #[test]
    fn each_context_names_its_actions_for_what_they_do_there() {
        let mut k = Keymap::default();
        assert_eq!(k.action(C::Interview, &press(K::Tab, KeyModifiers::NONE)), Some(A::SkipQuestion));
        assert_eq!(k.action(C::Interview, &press(K::BackTab, KeyModifiers::SHIFT)), Some(A::PreviousQuestion));
        assert_eq!(k.action(C::Pairwise, &press(K::Char('h'), KeyModifiers::NONE)), Some(A::LeftMore));
        assert_eq!(k.action(C::Pairwise, &press(K::Tab, KeyModifiers::NONE)), Some(A::SkipPair));
        assert_eq!(k.action(C::Team, &press(K::Enter, KeyModifiers::NONE)), Some(A::ToggleMember));
        assert_eq!(k.action(C::Claims, &press(K::Enter, KeyModifiers::NONE)), Some(A::Expand));
        // A user's `[keys.interview]` reads as what the keys do there.
        assert!(k.rebind(C::Interview, A::FocusNext, vec![ch('n')]).is_err(), "focus means nothing there");
        k.rebind(C::Interview, A::SkipQuestion, vec![ch('n')]).unwrap();
        assert_eq!(k.action(C::Interview, &press(K::Char('n'), KeyModifiers::NONE)), Some(A::SkipQuestion));
        assert_eq!(k.footer(C::Pairwise)[0], ("←→".to_owned(), "which matters more"));
    }

    #[test]
    fn contexts_are_derived_with_a_name_and_a_title_each() {
        let names: Vec<&str> = Context::all().map(Context::name).collect();
        assert_eq!(names.first(), Some(&"main"));
        assert_eq!(names.last(), Some(&"global"), "help lists what applies everywhere last");
        assert!(names.contains(&"sensitivity") && names.contains(&"confirm"), "{names:?}");
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert!(Context::all().all(|c| !c.title().is_empty()));
        assert_eq!(Context::Global.title(), "Everywhere");
    }

    #[test]
    fn rebinding_moves_keys_and_the_user_wins() {
        let mut k = Keymap::default();
        k.rebind(C::Main, A::Quit, vec![ctrl('q'), ch('x')]).unwrap();
        assert_eq!(k.action(C::Main, &press(K::Char('q'), KeyModifiers::CONTROL)), Some(A::Quit));
        assert_eq!(k.action(C::Main, &press(K::Char('q'), KeyModifiers::NONE)), None, "q no longer quits");
        // 'j' belonged to Down; given to Quit, it leaves Down with only the arrow.
        k.rebind(C::Main, A::Quit, vec![ch('j')]).unwrap();
        assert_eq!(k.action(C::Main, &press(K::Char('j'), KeyModifiers::NONE)), Some(A::Quit));
        assert_eq!(k.action(C::Main, &press(K::Down, KeyModifiers::NONE)), Some(A::Down));
        assert!(k.rebind(C::Search, A::Confirm, vec![ch('k')]).is_err(), "letters type in the search prompt");
        assert!(k.rebind(C::Global, A::Quit, vec![ch('q')]).is_err(), "a global letter would steal typing");
        assert!(k.rebind(C::Main, A::Quit, vec![]).is_err(), "an action needs a key");
        assert!(k.rebind(C::Help, A::Export, vec![ch('e')]).is_err(), "export means nothing in help");
        let error = k.rebind(C::Confirm, A::No, vec![ch('y'), key(K::Enter), ch('n')]).unwrap_err();
        assert!(error.0.contains("every key of `yes`"), "{error}");
    }
}
