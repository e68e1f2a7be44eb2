//! Keys to actions, per context. This table is the one source of truth: the explorer dispatches through
//! it, and the help overlay and the footer are generated from it.

use std::fmt::Write as _;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask the explorer to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    SetWeight(u8),
    ToggleMute,
    Reset,
    FocusNext,
    FocusPrev,
    OpenSearch,
    OpenPresets,
    OpenClaims,
    OpenHelp,
    /// Esc: close the overlay, or in the main view drop a kept search filter.
    Back,
    /// Enter: keep the search filter, apply a preset, expand a claim.
    Confirm,
    /// Claims audit: select the claim's first related dimension.
    GoToDimension,
    SearchBackspace,
    SearchClear,
    /// A typed character in the search prompt (not in the table: every printable key types).
    SearchInput(char),
}

/// Where a binding applies. `Global` bindings apply everywhere unless the context binds the key itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Main,
    Search,
    Presets,
    Claims,
    Help,
}

impl Context {
    /// The heading of this context's section in the help overlay.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Everywhere",
            Self::Main => "Main view",
            Self::Search => "Search (type to filter)",
            Self::Presets => "Presets",
            Self::Claims => "Claims audit",
            Self::Help => "Help",
        }
    }
}

/// A key with its modifiers. Shift is part of the character for printable keys ('G', '?', '+').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// One row of the keymap: in `context`, any of `keys` performs `action`. `footer` marks the bindings the
/// footer shows for that context.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    pub footer: bool,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, label: &'static str, footer: bool) -> Binding {
    Binding { context, keys, action, label, footer }
}

use Action as A;
use Context as C;
use KeyCode as K;

/// The key for weight 10 (the digits give 0-9).
pub const WEIGHT_TEN: char = '*';

pub const BINDINGS: &[Binding] = &[
    bind(C::Global, &[ctrl('c')], A::Quit, "quit", false),
    bind(C::Global, &[ctrl('z')], A::Suspend, "suspend to the shell", false),
    bind(C::Main, &[ch('j'), key(K::Down)], A::Down, "next dimension (or scroll the focused pane)", false),
    bind(C::Main, &[ch('k'), key(K::Up)], A::Up, "previous dimension (or scroll the focused pane)", false),
    bind(C::Main, &[ch('g'), key(K::Home)], A::Top, "first", false),
    bind(C::Main, &[ch('G'), key(K::End)], A::Bottom, "last", false),
    bind(C::Main, &[key(K::PageUp)], A::PageUp, "page up", false),
    bind(C::Main, &[key(K::PageDown)], A::PageDown, "page down", false),
    bind(C::Main, &[ch('h'), key(K::Left), ch('-')], A::WeightDown, "weight", true),
    bind(C::Main, &[ch('l'), key(K::Right), ch('+'), ch('=')], A::WeightUp, "weight up", false),
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
    bind(C::Main, &[key(K::Char(' '))], A::ToggleMute, "mute/unmute", true),
    bind(C::Main, &[ch('r')], A::Reset, "reset weights to the defaults or the preset", false),
    bind(C::Main, &[key(K::Tab)], A::FocusNext, "focus next pane", false),
    bind(C::Main, &[key(K::BackTab)], A::FocusPrev, "focus previous pane", false),
    bind(C::Main, &[ch('/')], A::OpenSearch, "search", true),
    bind(C::Main, &[ch('p')], A::OpenPresets, "presets", true),
    bind(C::Main, &[ch('c')], A::OpenClaims, "claims", true),
    bind(C::Main, &[ch('?'), key(K::F(1))], A::OpenHelp, "help", true),
    bind(C::Main, &[key(K::Esc)], A::Back, "clear the search filter", false),
    bind(C::Main, &[ch('q')], A::Quit, "quit", true),
    bind(C::Search, &[key(K::Enter)], A::Confirm, "keep filter", true),
    bind(C::Search, &[key(K::Esc)], A::Back, "clear", true),
    bind(C::Search, &[key(K::Down)], A::Down, "next match", true),
    bind(C::Search, &[key(K::Up)], A::Up, "previous match", false),
    bind(C::Search, &[key(K::Backspace)], A::SearchBackspace, "delete a character", false),
    bind(C::Search, &[ctrl('u')], A::SearchClear, "delete the query", false),
    bind(C::Presets, &[ch('j'), key(K::Down)], A::Down, "next", false),
    bind(C::Presets, &[ch('k'), key(K::Up)], A::Up, "previous", false),
    bind(C::Presets, &[key(K::Enter)], A::Confirm, "apply", true),
    bind(C::Presets, &[key(K::Esc), ch('p')], A::Back, "close", true),
    bind(C::Claims, &[ch('j'), key(K::Down)], A::Down, "next", false),
    bind(C::Claims, &[ch('k'), key(K::Up)], A::Up, "previous", false),
    bind(C::Claims, &[key(K::Enter)], A::Confirm, "explanation and sources", true),
    bind(C::Claims, &[ch('d')], A::GoToDimension, "go to dimension", true),
    bind(C::Claims, &[key(K::Esc), ch('c')], A::Back, "close", true),
    bind(C::Help, &[ch('j'), key(K::Down)], A::Down, "scroll down", false),
    bind(C::Help, &[ch('k'), key(K::Up)], A::Up, "scroll up", false),
    bind(C::Help, &[key(K::Esc), ch('?'), key(K::F(1))], A::Back, "close", true),
    bind(C::Presets, &[ch('q')], A::Quit, "quit", false),
    bind(C::Claims, &[ch('q')], A::Quit, "quit", false),
    bind(C::Help, &[ch('q')], A::Quit, "quit", false),
];

/// The action `event` performs in `context`: the context's own bindings first, then the global ones; in
/// the search prompt any other printable character types itself.
#[must_use]
pub fn action(context: Context, event: &KeyEvent) -> Option<Action> {
    let pressed = Key {
        code: match event.code {
            // Terminals report Shift+Tab as BackTab, sometimes with SHIFT set: one key either way.
            K::BackTab => K::BackTab,
            code => code,
        },
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    };
    let find = |context| BINDINGS.iter().find(|b| b.context == context && b.keys.contains(&pressed)).map(|b| b.action);
    let typed = match (context, pressed) {
        (Context::Search, Key { code: K::Char(c), ctrl: false }) => Some(Action::SearchInput(c)),
        _ => None,
    };
    find(context).or_else(|| find(Context::Global)).or(typed)
}

/// How a key is written in help and footers: "j", "↓", "Space", "Ctrl-C", "Shift-Tab", "F1".
#[must_use]
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        K::Char(' ') => "Space".to_owned(),
        K::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        K::Char(c) => c.to_string(),
        K::Up => "↑".to_owned(),
        K::Down => "↓".to_owned(),
        K::Left => "←".to_owned(),
        K::Right => "→".to_owned(),
        K::PageUp => "PgUp".to_owned(),
        K::PageDown => "PgDn".to_owned(),
        K::BackTab => "Shift-Tab".to_owned(),
        K::Esc => "Esc".to_owned(),
        K::F(n) => format!("F{n}"),
        code => format!("{code}"),
    };
    if key.ctrl { format!("Ctrl-{base}") } else { base }
}

/// All of a binding's keys, as the help overlay lists them: "h/←/-".
#[must_use]
pub fn keys_text(binding: &Binding) -> String {
    binding.keys.iter().map(|&k| key_name(k)).collect::<Vec<_>>().join("/")
}

/// The footer's hints for `context`: (first key, label), from the bindings marked for it.
#[must_use]
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context && b.footer)
        .map(|b| {
            let keys = match b.action {
                // The footer shows the pair of weight keys as one hint.
                Action::WeightDown => "←→".to_owned(),
                _ => key_name(b.keys[0]),
            };
            (keys, b.label)
        })
        .collect()
}

/// The help overlay's sections: each context with its (keys, label) rows, the ten digit bindings folded
/// into one row.
#[must_use]
pub fn help_sections() -> Vec<(Context, Vec<(String, String)>)> {
    let contexts = [C::Main, C::Search, C::Presets, C::Claims, C::Help, C::Global];
    contexts
        .iter()
        .map(|&context| {
            let mut rows: Vec<(String, String)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.context == context) {
                match b.action {
                    Action::SetWeight(0) => rows.push(("0-9".to_owned(), "set the weight 0-9".to_owned())),
                    Action::SetWeight(1..=9) => {}
                    Action::WeightDown => rows.push((keys_text(b), "weight down".to_owned())),
                    _ => rows.push((keys_text(b), b.label.to_owned())),
                }
            }
            (context, rows)
        })
        .collect()
}

/// The key reference as a markdown table, as the README carries it (a test keeps the two equal).
#[must_use]
pub fn markdown_reference() -> String {
    let mut out = String::from("| where | keys | action |\n| --- | --- | --- |\n");
    for (context, rows) in help_sections() {
        for (keys, label) in rows {
            let keys = keys.replace('|', "\\|");
            let _ = writeln!(out, "| {} | `{keys}` | {label} |", context.title());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: ratatui::crossterm::event::KeyEventState::NONE }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} is bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn context_bindings_win_and_globals_fill_in() {
        assert_eq!(action(C::Main, &press(K::Char('q'), KeyModifiers::NONE)), Some(A::Quit));
        assert_eq!(action(C::Search, &press(K::Char('q'), KeyModifiers::NONE)), Some(A::SearchInput('q')));
        assert_eq!(action(C::Search, &press(K::Char('c'), KeyModifiers::CONTROL)), Some(A::Quit));
        assert_eq!(action(C::Main, &press(K::Char('G'), KeyModifiers::SHIFT)), Some(A::Bottom));
        assert_eq!(action(C::Main, &press(K::BackTab, KeyModifiers::SHIFT)), Some(A::FocusPrev));
        assert_eq!(action(C::Main, &press(K::Char(WEIGHT_TEN), KeyModifiers::SHIFT)), Some(A::SetWeight(10)));
        assert_eq!(action(C::Main, &press(K::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn key_names_read_naturally() {
        assert_eq!(key_name(ctrl('c')), "Ctrl-C");
        assert_eq!(key_name(key(K::Char(' '))), "Space");
        assert_eq!(key_name(key(K::F(1))), "F1");
        assert_eq!(keys_text(&BINDINGS[BINDINGS.iter().position(|b| b.action == A::WeightDown).unwrap()]), "h/←/-");
    }
}
