//! Hostile text in a dataset (escape sequences, C1 controls, bidi overrides, zero-width and very wide
//! characters, combining marks, emoji) never reaches the screen as control characters and never spills
//! out of its pane.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{buffer, explorer, key};
use versus::engine::data::sanitize::is_forbidden;
use versus::explorer::app::App;
use versus::explorer::layout::Screen;
use versus::shell::files::load_dataset;

fn hostile_app(width: u16, height: u16) -> App {
    explorer(load_dataset(std::path::Path::new("tests/data/hostile.toml")).unwrap(), width, height)
}

fn draw(app: &App) -> ratatui::buffer::Buffer {
    buffer(app, true)
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

/// The screens worth looking at: main, each dimension selected, search, presets, claims, help.
fn states() -> Vec<&'static str> {
    vec!["", "j", "jj", "/b", "p", "c", "?"]
}

#[test]
fn no_control_or_bidi_character_reaches_the_screen() {
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        for keys in states() {
            let mut app = hostile_app(w, h);
            keys.chars().for_each(|c| press(&mut app, c));
            if keys == "c" {
                key(&mut app, KeyCode::Enter);
            }
            let buffer = draw(&app);
            for cell in &buffer.content {
                assert!(!cell.symbol().chars().any(is_forbidden), "{w}x{h} after {keys:?}: {:?}", cell.symbol());
            }
        }
    }
}

#[test]
fn wide_text_never_overflows_a_pane() {
    for (w, h) in [(60, 16), (80, 24), (97, 31), (120, 40)] {
        for keys in ["", "j", "jj"] {
            let mut app = hostile_app(w, h);
            keys.chars().for_each(|c| press(&mut app, c));
            let buffer = draw(&app);
            let Screen::Main(regions) = app.screen() else { panic!("{w}x{h}") };
            // Every border column of the list and of each pane is intact on every row: a character that
            // spilled over would have replaced a border cell.
            for rect in regions.panes.iter().chain([&regions.list]) {
                for y in rect.y + 1..rect.bottom().saturating_sub(1) {
                    for x in [rect.x, rect.right() - 1] {
                        let symbol = buffer[(x, y)].symbol();
                        assert!(matches!(symbol, "│" | "┃"), "{w}x{h} {keys:?}: ({x}, {y}) holds {symbol:?}");
                    }
                }
            }
        }
    }
}

/// A gap in a vertical border: the border above and below a cell, but not in it, and a wide
/// character just left of it. The terminal draws a wide character over the next column too, so ratatui
/// never sends that cell: the border there is lost.
fn border_gap_after_a_wide_character(buffer: &ratatui::buffer::Buffer) -> Option<(u16, u16)> {
    use unicode_width::UnicodeWidthStr;
    let vertical = |symbol: &str| matches!(symbol, "│" | "┃" | "┌" | "┐" | "└" | "┘" | "┏" | "┓" | "┗" | "┛");
    let area = buffer.area;
    (area.top() + 1..area.bottom().saturating_sub(1)).find_map(|y| {
        (area.left() + 1..area.right()).find_map(|x| {
            let gap = vertical(buffer[(x, y - 1)].symbol())
                && vertical(buffer[(x, y + 1)].symbol())
                && !vertical(buffer[(x, y)].symbol())
                && buffer[(x - 1, y)].symbol().width() > 1;
            gap.then_some((x, y))
        })
    })
}

#[test]
fn overlays_never_leave_half_a_wide_character_over_their_border() {
    let datasets =
        [load_dataset(std::path::Path::new("tests/data/hostile.toml")).unwrap(), versus::synthetic::dataset(60, 3, 7)];
    for dataset in datasets {
        for (w, h) in [(60, 16), (71, 20), (80, 24), (97, 31), (120, 40), (133, 41)] {
            for keys in ["", "p", "?", "s", "e", "jp", "jjj?"] {
                let mut app = explorer(dataset.clone(), w, h);
                keys.chars().for_each(|c| press(&mut app, c));
                let buffer = draw(&app);
                assert_eq!(border_gap_after_a_wide_character(&buffer), None, "{w}x{h} after {keys:?}");
            }
        }
    }
}
