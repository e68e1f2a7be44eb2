//! Engine speed: loading, scoring and search, on the built-in data and on a generated large dataset.
//! Run with `cargo bench --bench engine`; the README's performance table quotes the medians.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use versus::data::{Assessment, Dataset, Dimension, parse};
use versus::score::evaluate;
use versus::search::Searcher;

/// A dataset shaped like the built-in one, with `n` dimensions of varied, wordy text.
fn generated(n: usize) -> Dataset {
    const WORDS: &[&str] = &[
        "latency",
        "throughput",
        "async",
        "runtime",
        "typing",
        "package",
        "server",
        "memory",
        "thread",
        "framework",
        "cold",
        "start",
        "library",
        "compile",
        "deploy",
        "observability",
        "queue",
        "socket",
    ];
    let mut d = Dataset::builtin();
    let template = d.dimensions[0].clone();
    let word = |i: usize| WORDS[i % WORDS.len()];
    d.dimensions = (0..n)
        .map(|i| Dimension {
            id: format!("dimension-{i}"),
            name: format!("{} {} {i}", word(i * 7 + 1), word(i * 3 + 2)),
            keywords: (0..4).map(|k| word(i + k * 5).to_owned()).collect(),
            summary: (0..12).map(|k| word(i * k + 3)).collect::<Vec<_>>().join(" "),
            weight: (i % 11) as u8,
            assessments: template
                .assessments
                .iter()
                .enumerate()
                .map(|(o, a)| Assessment { rating: ((i + o * 3) % 11) as u8, ..a.clone() })
                .collect(),
            ..template.clone()
        })
        .collect();
    d.presets.clear();
    d.claims.clear();
    d
}

fn loading(c: &mut Criterion) {
    let source = versus::data::builtin_source();
    c.bench_function("load+validate built-in", |b| b.iter(|| parse(black_box(source), "bench").unwrap()));
}

fn scoring(c: &mut Criterion) {
    for (label, d) in [("built-in", Dataset::builtin()), ("10k", generated(10_000))] {
        let mut weights = d.default_weights();
        c.bench_function(&format!("evaluate after one weight change ({label})"), |b| {
            b.iter(|| {
                weights[0] = (weights[0] + 1) % 11;
                evaluate(black_box(&d), black_box(&weights))
            });
        });
    }
}

fn searching(c: &mut Criterion) {
    for (label, d) in [("built-in", Dataset::builtin()), ("10k", generated(10_000))] {
        let searcher = Searcher::new(&d);
        for query in ["thread", "cold start", "tpt", "zzzq"] {
            c.bench_function(&format!("search {query:?} ({label})"), |b| {
                b.iter(|| searcher.search(black_box(&d), black_box(query)));
            });
        }
    }
}

criterion_group!(benches, loading, scoring, searching);
criterion_main!(benches);
