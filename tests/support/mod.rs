//! What the tests share: an app of a given size, keys and mouse events through the real input layer
//! and keymap, and the screen drawn into a `TestBackend`; and the binary run in a scratch config.
#![allow(dead_code)] // each test crate uses its own part of this

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event as Input, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::Size;
use versus::engine::data::Dataset;
use versus::engine::weights::Weighting;
use versus::explorer::app::{App, Effect, Event, Startup, Update};
use versus::explorer::input;
use versus::explorer::theme::Theme;
use versus::explorer::ui::render;

/// `app` after the terminal says it is `width` x `height`.
pub fn sized(mut app: App, width: u16, height: u16) -> App {
    let _ = app.update(Event::Resize(Size::new(width, height)));
    app
}

/// The explorer on `dataset` at its default weights, on a `width` x `height` terminal.
pub fn explorer(dataset: Dataset, width: u16, height: u16) -> App {
    let weighting = Weighting::defaults(&dataset);
    sized(App::new(Startup::new(dataset, weighting)), width, height)
}

/// The explorer on the built-in dataset.
pub fn app(width: u16, height: u16) -> App {
    explorer(Dataset::builtin(), width, height)
}

/// Feeds a terminal event through the input layer; what the update did, if the event meant anything.
pub fn feed(app: &mut App, input: &Input) -> Option<Update> {
    input::event(app, input).map(|event| app.update(event))
}

pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Option<Update> {
    feed(app, &Input::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE }))
}

/// Presses `code` (shifted for capitals), which must be bound; the effects it asked for.
pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let modifiers = if matches!(code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    press_with(app, code, modifiers).unwrap_or_else(|| panic!("{code:?} is bound")).effects
}

/// Types each character of `typed` as a key.
pub fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// A mouse event at a cell; whether it changed anything.
pub fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) -> bool {
    let event = Input::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    feed(app, &event).is_some_and(|update| update.redraw)
}

pub fn buffer(app: &App, color: bool) -> Buffer {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|f| render(f, app, Theme::new(color))).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row.
pub fn text(app: &App) -> String {
    rows(&buffer(app, true))
}

/// The screen drawn without colour (`NO_COLOR`), as text.
pub fn plain_text(app: &App) -> String {
    rows(&buffer(app, false))
}

fn rows(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width.max(1))
        .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The versus binary with `args`, its config and cache in `dir` (never the developer's own), colour
/// as by default and standard input closed (a test that feeds it sets its own).
pub fn command_in(dir: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_versus"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("VERSUS_CONFIG_DIR", dir)
        .env("VERSUS_CACHE_DIR", dir.join("cache"))
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null());
    command
}
