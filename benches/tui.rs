//! Explorer speed: one key press through update and draw (into a `TestBackend`), and the first frame.
//! Run with `cargo bench --bench tui`; the README's performance table quotes the medians.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use versus::app::App;
use versus::data::{Dataset, parse};
use versus::ui::{Theme, render};
use versus::weights::Weighting;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent { code, modifiers: KeyModifiers::NONE, kind: KeyEventKind::Press, state: KeyEventState::NONE }
}

fn key_press(c: &mut Criterion) {
    for (label, dataset) in [("built-in", Dataset::builtin()), ("10k", versus::generate::dataset(10_000, 2, 1))] {
        for (width, height) in [(80, 24), (200, 60)] {
            let weighting = Weighting::defaults(&dataset);
            let mut app = App::new(dataset.clone(), weighting, width, height);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let theme = Theme::new(true);
            // Alternate raising and lowering a weight: each press rescores and redraws.
            let keys = [press(KeyCode::Right), press(KeyCode::Left)];
            let mut i = 0;
            c.bench_function(&format!("key press: weight change + draw {width}x{height} ({label})"), |b| {
                b.iter(|| {
                    i += 1;
                    app.handle_key(&keys[i % 2]);
                    terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                });
            });
            let moves = [press(KeyCode::Down), press(KeyCode::Up)];
            c.bench_function(&format!("key press: move + draw {width}x{height} ({label})"), |b| {
                b.iter(|| {
                    i += 1;
                    app.handle_key(&moves[i % 2]);
                    terminal.draw(|f| render(f, black_box(&app), theme)).unwrap();
                });
            });
        }
    }
}

/// From the embedded TOML to the first frame drawn: parse and check, build the app, draw.
fn first_frame(c: &mut Criterion) {
    c.bench_function("first frame 80x24 (built-in, from TOML)", |b| {
        b.iter(|| {
            let dataset = parse(versus::data::builtin_source(), "bench").unwrap();
            let weighting = Weighting::defaults(&dataset);
            let app = App::new(dataset, weighting, 80, 24);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| render(f, &app, Theme::new(true))).unwrap();
        });
    });
}

criterion_group!(benches, key_press, first_frame);
criterion_main!(benches);
