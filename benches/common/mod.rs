//! Shared by the benchmarks: a large dataset made in process.

use versus::data::{Assessment, Dataset, Dimension};

/// A dataset shaped like the built-in one, with `n` dimensions of varied, wordy text.
pub fn generated(n: usize) -> Dataset {
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
