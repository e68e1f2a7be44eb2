//! Explorer speed: one key press through update and draw (into a `TestBackend`), and the first frame.
//! Run with `cargo bench --bench tui`; the README's performance table quotes the medians.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Size;
use versus::engine::data::{Dataset, parse};
use versus::engine::weights::Weighting;
use versus::explorer::app::{App, Event, Startup};
use versus::explorer::input;
use versus::explorer::theme::Theme;
use versus::explorer::ui::render;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent { code, modifiers: KeyModifiers::NONE, kind: KeyEventKind::Press, state: KeyEventState::NONE }
}

/// The explorer on `dataset` at its default weights, on a `width` x `height` terminal.
fn explorer(dataset: Dataset, width: u16, height: u16) -> App {
    let weighting = Weighting::defaults(&dataset);
    let mut app = App::new(Startup::new(dataset, weighting));
    let _ = app.update(Event::Resize(Size::new(width, height)));
    app
}

/// A key press as the shell handles one: the keymap, then the update.
fn handle(app: &mut App, key: &KeyEvent) {
    if let Some(event) = input::key_event(app, key) {
        let _ = black_box(app.update(event));
    }
}

fn key_press(c: &mut Criterion) {
    for (label, dataset) in [
        ("built-in", Dataset::builtin()),
        ("1k", versus::synthetic::dataset(1_000, 2, 1)),
        ("10k", versus::synthetic::dataset(10_000, 2, 1)),
    ] {
        for (width, height) in [(80, 24), (200, 60)] {
            let mut app = explorer(dataset.clone(), width, height);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let theme = Theme::new(true);
            // Alternate raising and lowering a weight: each press rescores and redraws.
            let keys = [press(KeyCode::Right), press(KeyCode::Left)];
            let mut i = 0;
            c.bench_function(&format!("key press: weight change + draw {width}x{height} ({label})"), |b| {
                b.iter(|| {
                    i += 1;
                    handle(&mut app, &keys[i % 2]);
                    terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                });
            });
            let moves = [press(KeyCode::Down), press(KeyCode::Up)];
            c.bench_function(&format!("key press: move + draw {width}x{height} ({label})"), |b| {
                b.iter(|| {
                    i += 1;
                    handle(&mut app, &moves[i % 2]);
                    terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                });
            });
        }
    }
}

/// The pairwise overlay's costliest frame: the summary, which derives the weights and the verdict from
/// every judgement. Alternate between the last pair and the summary (Shift-Tab, Tab).
fn pairwise(c: &mut Criterion) {
    let mut app = explorer(Dataset::builtin(), 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::new(true);
    handle(&mut app, &press(KeyCode::Char('a')));
    for _ in 0..64 {
        handle(&mut app, &press(KeyCode::Tab));
    }
    let keys = [press(KeyCode::BackTab), press(KeyCode::Tab)];
    let mut i = 0;
    c.bench_function("key press: pairwise pair <-> summary + draw 80x24 (built-in)", |b| {
        b.iter(|| {
            i += 1;
            handle(&mut app, &keys[i % 2]);
            terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
        });
    });
}

/// From the embedded TOML to the first frame drawn: parse and check, build the app, draw.
fn first_frame(c: &mut Criterion) {
    c.bench_function("first frame 80x24 (built-in, from TOML)", |b| {
        b.iter(|| {
            let dataset = parse(versus::engine::data::builtin_source(), "bench").unwrap();
            let app = explorer(dataset, 80, 24);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| render(f, &app, Theme::new(true))).unwrap();
        });
    });
}

/// The team view: eight members (the built-in presets), whose bars every list row draws. A weight change,
/// and leaving a member out and counting them again in the team overlay (a new median each time).
fn team(c: &mut Criterion) {
    use versus::engine::team::{Group, Member};
    use versus::engine::weights::Origin;
    for (label, dataset) in [("built-in", Dataset::builtin()), ("10k", versus::synthetic::dataset(10_000, 2, 1))] {
        let members: Vec<Member> = (0..8)
            .map(|i| {
                Member::new(
                    format!("member {i}"),
                    dataset.presets.get(i % dataset.presets.len().max(1)).map_or_else(
                        || dataset.dimensions.iter().enumerate().map(|(d, _)| ((d * (i + 3)) % 11) as u8).collect(),
                        |p| p.weights.clone(),
                    ),
                )
            })
            .collect();
        let group = Group::of(&dataset, &members.iter().collect::<Vec<_>>()).unwrap();
        let origin = Origin::Team { counted: vec![true; members.len()], weights: group.weights.clone() };
        let weighting = Weighting {
            origin,
            weights: group.weights,
            requirements: versus::engine::requirements::Requirements::NONE,
        };
        for (width, height) in [(80, 24), (200, 60)] {
            let startup = Startup { team: members.clone(), ..Startup::new(dataset.clone(), weighting.clone()) };
            let mut app = App::new(startup);
            let _ = app.update(Event::Resize(Size::new(width, height)));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let theme = Theme::new(true);
            let keys = [press(KeyCode::Right), press(KeyCode::Left)];
            let mut i = 0;
            c.bench_function(&format!("key press: weight change + draw {width}x{height} (team of 8, {label})"), |b| {
                b.iter(|| {
                    i += 1;
                    handle(&mut app, &keys[i % 2]);
                    terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                });
            });
            handle(&mut app, &KeyEvent { modifiers: KeyModifiers::SHIFT, ..press(KeyCode::Char('T')) });
            let enter = press(KeyCode::Enter);
            c.bench_function(
                &format!("key press: leave out / count a member + draw {width}x{height} (team of 8, {label})"),
                |b| {
                    b.iter(|| {
                        handle(&mut app, &enter);
                        terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                    });
                },
            );
        }
    }
}

criterion_group!(benches, key_press, pairwise, first_frame, team);
criterion_main!(benches);
