//! Engine speed: loading, scoring and search, on the built-in data and on a generated large dataset.
//! Run with `cargo bench --bench engine`; the README's performance table quotes the medians.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use versus::data::{Dataset, parse};
use versus::score::evaluate;
use versus::search::Searcher;

fn loading(c: &mut Criterion) {
    let source = versus::data::builtin_source();
    c.bench_function("load+validate built-in", |b| b.iter(|| parse(black_box(source), "bench").unwrap()));
}

fn scoring(c: &mut Criterion) {
    for (label, d) in [("built-in", Dataset::builtin()), ("10k", versus::generate::dataset(10_000, 2, 1))] {
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
    for (label, d) in [("built-in", Dataset::builtin()), ("10k", versus::generate::dataset(10_000, 2, 1))] {
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
