//! Terminal input to explorer events: a key through the keymap of the current context, a mouse event
//! to a [`Pointer`], a resize to the new size, a (bracketed) paste to its text. Only presses count: some terminals also report repeats
//! and releases. Input that means nothing here (an unbound key, a plain pointer move) is `None`.

use ratatui::crossterm::event::{self as terminal, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Size;

use crate::explorer::app::{App, Event, Pointer, PointerKind};

/// The explorer's reading of one terminal event.
#[must_use]
pub fn event(app: &App, input: &terminal::Event) -> Option<Event> {
    match input {
        terminal::Event::Key(key) => key_event(app, key),
        terminal::Event::Mouse(mouse) => pointer(*mouse).map(Event::Pointer),
        terminal::Event::Resize(width, height) => Some(Event::Resize(Size::new(*width, *height))),
        terminal::Event::Paste(text) => Some(Event::Paste(text.clone())),
        _ => None,
    }
}

/// The action `key` is bound to in the app's current context, if it is a press.
#[must_use]
pub fn key_event(app: &App, key: &KeyEvent) -> Option<Event> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    app.keymap().action(app.context(), key).map(Event::Action)
}

fn pointer(mouse: MouseEvent) -> Option<Pointer> {
    let kind = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => PointerKind::Press,
        MouseEventKind::Drag(MouseButton::Left) => PointerKind::Drag,
        MouseEventKind::Up(_) => PointerKind::Release,
        MouseEventKind::ScrollDown => PointerKind::ScrollDown,
        MouseEventKind::ScrollUp => PointerKind::ScrollUp,
        _ => return None,
    };
    Some(Pointer { kind, column: mouse.column, row: mouse.row })
}
