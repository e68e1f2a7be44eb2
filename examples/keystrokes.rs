//! Prints the explorer's search latency per keystroke as a user types, on a generated dataset:
//! `cargo run --release --example keystrokes -- 100000`. Each keystroke is timed on its own (median of
//! 9 runs): the first searches everything, each next one narrows the previous hits.

use std::io::Write;
use std::time::Instant;

use ratatui::layout::Size;
use versus::explorer::app::{App, Event, Startup};
use versus::explorer::keymap::Action;

fn main() {
    let dimensions = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let dataset = versus::synthetic::dataset(dimensions, 2, 1);
    let weighting = versus::engine::weights::Weighting::defaults(&dataset);
    let mut app = App::new(Startup::new(dataset, weighting));
    let _ = app.update(Event::Resize(Size::new(200, 60)));
    let _ = app.update(Event::Action(Action::OpenSearch));
    for query in ["thread", "cold start", "tpt", "zzzq"] {
        let mut samples: Vec<Vec<f64>> = vec![Vec::new(); query.chars().count()];
        for _ in 0..9 {
            for (i, c) in query.chars().enumerate() {
                let start = Instant::now();
                let _ = app.update(Event::Action(Action::Type(c)));
                samples[i].push(start.elapsed().as_secs_f64() * 1000.0);
            }
            let _ = app.update(Event::Action(Action::ClearInput));
        }
        let medians: Vec<String> = samples
            .iter_mut()
            .map(|s| {
                s.sort_by(f64::total_cmp);
                format!("{:.1}", s[s.len() / 2])
            })
            .collect();
        let line = format!("{dimensions} dimensions, typing {query:?}: {} ms", medians.join(" / "));
        // A closed pipe (`| head`) ends the run quietly.
        if writeln!(std::io::stdout(), "{line}").is_err() {
            return;
        }
    }
}
