//! Engine speed: loading, scoring and search, on the built-in data and on generated large datasets.
//! Run with `cargo bench --bench engine`; the README's performance table quotes the medians.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::layout::Size;
use versus::engine::data::{Dataset, parse};
use versus::engine::score::evaluate;
use versus::engine::search::Searcher;
use versus::engine::weights::Weighting;
use versus::explorer::app::{App, Event, Startup};
use versus::explorer::keymap::Action;
use versus::synthetic;

fn loading(c: &mut Criterion) {
    let generated = |n| synthetic::to_toml(&synthetic::dataset(n, 2, 1));
    let mut group = c.benchmark_group("load+validate");
    for (label, source) in [
        ("built-in", versus::engine::data::builtin_source().to_owned()),
        ("1k", generated(1_000)),
        ("10k", generated(10_000)),
    ] {
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(label, |b| b.iter(|| parse(black_box(&source), "bench").unwrap()));
    }
    group.finish();

    // The same 10k file once it is cached (after the first load): the whole dataset, and the part the
    // search command reads.
    let dir = tempfile::tempdir().unwrap();
    let (file, cache) = (dir.path().join("10k.toml"), dir.path().join("cache"));
    std::fs::write(&file, generated(10_000)).unwrap();
    versus::shell::cache::load(&file, versus::shell::files::Named::OnTheCommandLine, Some(&cache)).unwrap();
    let mut group = c.benchmark_group("load from cache");
    group.throughput(Throughput::Bytes(std::fs::metadata(&file).unwrap().len()));
    group.bench_function("10k dataset", |b| {
        b.iter(|| {
            versus::shell::cache::load(black_box(&file), versus::shell::files::Named::OnTheCommandLine, Some(&cache))
                .unwrap()
        });
    });
    group.bench_function("10k catalog", |b| {
        b.iter(|| {
            versus::shell::cache::load_catalog(
                black_box(&file),
                versus::shell::files::Named::OnTheCommandLine,
                Some(&cache),
            )
            .unwrap()
        });
    });
    group.finish();
}

fn scoring(c: &mut Criterion) {
    for (label, d) in [("built-in", Dataset::builtin()), ("10k", synthetic::dataset(10_000, 2, 1))] {
        let mut weights = d.default_weights();
        c.bench_function(&format!("rescore after one weight change ({label})"), |b| {
            b.iter(|| {
                weights[0] = (weights[0] + 1) % 11;
                evaluate(black_box(&d), black_box(&weights))
            });
        });
    }
}

/// The robustness shares (10,000 samples) and the rating flips, as a report computes them.
fn robustness(c: &mut Criterion) {
    use versus::engine::requirements::Requirements;
    use versus::engine::robustness::{DEFAULT_SAMPLES, WeightRanges, robustness, robustness_over};
    for (label, d) in [
        ("built-in", Dataset::builtin()),
        ("1k", synthetic::dataset(1_000, 2, 1)),
        ("10k", synthetic::dataset(10_000, 2, 1)),
    ] {
        let weights = d.default_weights();
        c.bench_function(&format!("robustness, {DEFAULT_SAMPLES} samples ({label})"), |b| {
            b.iter(|| robustness(black_box(&d), black_box(&weights), DEFAULT_SAMPLES, 1));
        });
        // The default since weights are drawn too: each within ±1.
        let spread = WeightRanges::within(&weights, 1);
        c.bench_function(&format!("robustness, {DEFAULT_SAMPLES} samples, weights ±1 ({label})"), |b| {
            b.iter(|| robustness_over(black_box(&d), black_box(&spread), &Requirements::NONE, DEFAULT_SAMPLES, 1));
        });
        c.bench_function(&format!("rating flips ({label})"), |b| {
            b.iter(|| versus::engine::score::rating_flips(black_box(&d), black_box(&weights)));
        });
    }
}

const QUERIES: [&str; 4] = ["thread", "cold start", "tpt", "zzzq"];

fn searching(c: &mut Criterion) {
    for (label, d) in [
        ("built-in", Dataset::builtin()),
        ("10k", synthetic::dataset(10_000, 2, 1)),
        // Past the file limit on purpose: built in memory.
        ("100k", synthetic::dataset(100_000, 2, 1)),
    ] {
        let searcher = Searcher::new(&d);
        for query in QUERIES {
            c.bench_function(&format!("search {query:?} from scratch ({label})"), |b| {
                b.iter(|| searcher.search(black_box(query)));
            });
        }
    }
}

/// A user typing each query into the explorer's search, one keystroke at a time: each keystroke narrows
/// the previous one's hits. Criterion reports the time for the whole query; divide by its length for
/// the mean per keystroke.
fn typing(c: &mut Criterion) {
    let d = synthetic::dataset(100_000, 2, 1);
    let weighting = Weighting::defaults(&d);
    let mut app = App::new(Startup::new(d, weighting));
    let _ = app.update(Event::Resize(Size::new(200, 60)));
    let _ = app.update(Event::Action(Action::OpenSearch));
    for query in QUERIES {
        c.bench_function(&format!("type {query:?} key by key, whole query (100k)"), |b| {
            b.iter(|| {
                for ch in query.chars() {
                    let _ = app.update(Event::Action(Action::Type(ch)));
                }
                let _ = app.update(Event::Action(Action::ClearInput));
            });
        });
    }
}

criterion_group!(benches, loading, scoring, robustness, searching, typing);
criterion_main!(benches);
