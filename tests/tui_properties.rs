//! Random sequences of keys, mouse events and resizes never panic, and the explorer's invariants hold
//! after every step.

mod support;

use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event as Terminal, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use support::{buffer, explorer, feed};
use versus::engine::data::Dataset;
use versus::engine::score::evaluate;
use versus::engine::verdict::points;
use versus::explorer::app::{App, Overlay, Row};
use versus::explorer::layout::Screen;
use versus::shell::files::load_dataset;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Mouse(MouseEventKind, u16, u16),
    Resize(u16, u16),
    Paste(String),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::F(1),
        ]),
        // Every bound character (and some that are not), with 'q' rare so sequences run long.
        "[jkgGhl+=*0-9 r/pcd?a-z-]".prop_map(|s| KeyCode::Char(s.chars().next().unwrap())),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
    ]);
    prop_oneof![
        8 => (key_code(), prop::bool::weighted(0.05)).prop_map(|(code, ctrl)| {
            Input::Key(code, if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE })
        }),
        3 => (mouse_kind, 0u16..300, 0u16..100).prop_map(|(k, x, y)| Input::Mouse(k, x, y)),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => "[a-z \\n\\t\\x1b-]{0,200}".prop_map(Input::Paste),
    ]
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    prop_assert!(app.weights().iter().all(|&w| w <= 10));
    prop_assert!(app.selected() < app.dataset().dimensions.len());
    let rows = app.rows();
    prop_assert!(rows.is_empty() || rows.contains(&Row::Dimension(app.selected())), "selection is listed");
    prop_assert!(app.list_offset() <= rows.len());
    prop_assert!(app.query().chars().count() <= versus::explorer::app::MAX_QUERY_CHARS);
    prop_assert_eq!(app.evaluation(), &evaluate(app.dataset(), app.weights()));
    // Narrowing the last hits as the user types finds exactly what a search from scratch finds.
    let fresh = versus::engine::search::Searcher::new(app.dataset()).search(app.query());
    prop_assert_eq!(app.hits(), &fresh[..]);
    Ok(())
}

/// Draws the app and, when the gauges are in view, checks they show the engine's scores.
fn draw_and_check_gauge(app: &App) -> Result<(), TestCaseError> {
    let buffer = buffer(app, true);
    if let (Screen::Main(regions), Overlay::None | Overlay::Search(_)) = (app.screen(), app.overlay()) {
        let options = app.dataset().options.len();
        let rows = regions.recommendation.y + 1..regions.recommendation.bottom();
        // One bar per option, while the panel has room for them beside the verdict.
        if rows.len() >= options + 2 && app.evaluation().recommendation.leader().is_some() {
            let text: String = rows
                .flat_map(|y| (0..app.size().width).map(move |x| (x, y)))
                .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
                .collect();
            for score in &app.evaluation().scores {
                // Rounded as every output rounds it.
                let shown = format!("{:>5}", points(*score));
                prop_assert!(text.contains(&shown), "gauges {text:?} lack {shown}");
            }
        }
    }
    Ok(())
}

/// Feeds `inputs` to the explorer as the terminal would, checking after every step. Quitting is the
/// shell's business: the session goes on after a quit key.
fn run(dataset: Dataset, inputs: Vec<Input>) -> Result<(), TestCaseError> {
    let mut app = explorer(dataset, 80, 24);
    for input in inputs {
        let event = match input {
            Input::Key(code, modifiers) => {
                Terminal::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
            }
            Input::Mouse(kind, column, row) => {
                Terminal::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
            }
            Input::Resize(w, h) => Terminal::Resize(w, h),
            Input::Paste(text) => Terminal::Paste(text),
        };
        let _ = feed(&mut app, &event);
        check_invariants(&app)?;
        draw_and_check_gauge(&app)?;
    }
    Ok(())
}

/// Any change of weights: a key on the slider, a digit, a mute, a reset, a preset, or a move first.
fn weight_change() -> impl Strategy<Value = versus::explorer::keymap::Action> {
    use versus::explorer::keymap::Action;
    prop_oneof![
        Just(Action::WeightUp),
        Just(Action::WeightDown),
        (0u8..=10).prop_map(Action::SetWeight),
        Just(Action::ToggleMute),
        Just(Action::Reset),
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::OpenPresets),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of changes followed by as many undos gives back the starting weights, and as many
    /// redos the final ones.
    #[test]
    fn as_many_undos_as_changes_return_the_start(changes in prop::collection::vec(weight_change(), 1..60)) {
        use versus::explorer::app::Event;
        use versus::explorer::keymap::Action;
        let mut app = explorer(Dataset::builtin(), 80, 24);
        let start = app.weights().to_vec();
        for change in &changes {
            let _ = app.update(Event::Action(*change));
            if *change == Action::OpenPresets {
                // Pick the next entry: a preset.
                let _ = app.update(Event::Action(Action::Down));
                let _ = app.update(Event::Action(Action::Confirm));
            }
        }
        let end = app.weights().to_vec();
        for _ in &changes {
            let _ = app.update(Event::Action(Action::Undo));
        }
        prop_assert_eq!(app.weights(), &start[..]);
        for _ in &changes {
            let _ = app.update(Event::Action(Action::Redo));
        }
        prop_assert_eq!(app.weights(), &end[..]);
    }

    #[test]
    fn random_sessions_on_the_builtin_data(inputs in prop::collection::vec(input(), 1..80)) {
        run(Dataset::builtin(), inputs)?;
    }

    /// Generated data: many dimensions, up to eight options, CJK and emoji in names.
    #[test]
    fn random_sessions_on_generated_datasets(
        inputs in prop::collection::vec(input(), 1..60), dimensions in 1usize..400, options in 2usize..=8, seed in any::<u64>(),
    ) {
        run(versus::synthetic::dataset(dimensions, options, seed), inputs)?;
    }

    #[test]
    fn random_sessions_on_three_options(inputs in prop::collection::vec(input(), 1..60)) {
        run(load_dataset(std::path::Path::new("tests/data/three-options.toml")).unwrap(), inputs)?;
    }
}
