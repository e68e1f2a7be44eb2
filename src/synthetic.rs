//! Synthetic datasets of any size: test, benchmark and example support, never used by the product.
//! Realistic-looking text (names, keywords and summaries of varied length, with CJK and emoji mixed
//! in), deterministic per seed.

use std::fmt::Write as _;

use crate::engine::data::{
    Assessment, Claim, DEFAULT_UNCERTAINTY, Dataset, Dimension, Meta, OptionInfo, Preset, SCHEMA_VERSION, Source,
    Verdict,
};
use crate::engine::splitmix::SplitMix64;

/// The same seed gives the same dataset on every machine, which a benchmark needs.
struct Rng(SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

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
    "cache",
    "schema",
    "migration",
    "stream",
    "worker",
    "scheduler",
    "parser",
    "template",
    "router",
    "session",
    "token",
    "index",
    "cluster",
    "container",
    "gateway",
    "protocol",
    "binary",
    "vector",
    "model",
    "inference",
    "pipeline",
    "batch",
    "tracing",
    "logging",
    "metrics",
    "security",
    "sandbox",
    "plugin",
    "release",
    "support",
    "hiring",
    "community",
    "tooling",
    "debugger",
    "profiler",
    "linter",
    "formatter",
    "bundle",
    "module",
    "interop",
    "storage",
    "network",
];
const ADJECTIVES: &[&str] = &[
    "fast",
    "mature",
    "stable",
    "portable",
    "concurrent",
    "typed",
    "lightweight",
    "native",
    "managed",
    "mobile",
    "serverless",
    "embedded",
    "distributed",
    "incremental",
    "realtime",
    "secure",
    "modular",
    "declarative",
];
/// Text in other scripts and emoji, so widths and wrapping are exercised as real data would.
const WIDE: &[&str] = &["性能", "並行処理", "型安全", "生態系", "배포", "メモリ", "🚀", "⚡", "🔒", "📦", "🧪", "☁"];
const CATEGORIES: &[&str] =
    &["Performance", "Concurrency", "Ecosystem", "Language", "Operations", "People", "Data", "Security"];

/// A dataset with `dimensions` dimensions and `options` options (clamped to what the format allows).
#[must_use]
pub fn dataset(dimensions: usize, options: usize, seed: u64) -> Dataset {
    let mut rng = Rng(SplitMix64::new(seed));
    let options = options.clamp(2, crate::engine::data::MAX_OPTIONS);
    let option_infos: Vec<OptionInfo> = (0..options)
        .map(|o| OptionInfo {
            id: format!("option-{}", o + 1),
            name: title_case(&format!("{} {}", rng.pick(ADJECTIVES), rng.pick(WORDS))),
            summary: sentence(&mut rng, 6, 14),
        })
        .collect();
    let dims: Vec<Dimension> = (0..dimensions).map(|i| dimension(&mut rng, i, options)).collect();
    let presets = (0..6.min(dimensions.max(1)))
        .map(|p| Preset {
            id: format!("preset-{}", p + 1),
            name: title_case(&format!("{} {}", rng.pick(ADJECTIVES), rng.pick(WORDS))),
            description: sentence(&mut rng, 8, 20),
            weights: (0..dimensions).map(|_| if rng.below(3) == 0 { rng.between(1, 10) as u8 } else { 0 }).collect(),
            requirements: crate::engine::requirements::Requirements::NONE,
        })
        .collect();
    let claims = (0..10.min(dimensions))
        .map(|c| Claim {
            id: format!("claim-{}", c + 1),
            claim: sentence(&mut rng, 6, 14),
            verdict: Verdict::ALL[rng.below(Verdict::ALL.len())],
            explanation: paragraph(&mut rng, 2, 4),
            dimensions: vec![rng.below(dimensions)],
            sources: vec![source(&mut rng)],
        })
        .collect();
    Dataset {
        meta: Meta {
            schema: SCHEMA_VERSION,
            title: format!("Generated comparison: {dimensions} dimensions, {options} options (seed {seed})"),
            as_of: "2026-01-01".to_owned(),
            description: Some("Synthetic data for benchmarks and stress tests; the ratings mean nothing.".to_owned()),
            audits: None,
            uncertainty: DEFAULT_UNCERTAINTY,
        },
        options: option_infos,
        dimensions: dims,
        presets,
        claims,
        questions: Vec::new(),
    }
}

fn dimension(rng: &mut Rng, index: usize, options: usize) -> Dimension {
    let mut name = title_case(&format!("{} {}", rng.pick(ADJECTIVES), rng.pick(WORDS)));
    if rng.below(8) == 0 {
        name.push(' ');
        name.push_str(rng.pick(WIDE));
    }
    // Names repeat across a large dataset; the number keeps each findable and distinct.
    let _ = write!(name, " {index}");
    Dimension {
        id: format!("d{index}"),
        name,
        short: None,
        category: rng.pick(CATEGORIES).to_owned(),
        summary: sentence(rng, 5, 24),
        keywords: (0..rng.between(2, 6)).map(|_| rng.pick(WORDS).to_owned()).collect(),
        weight: rng.between(0, 10) as u8,
        weight_reason: (rng.below(2) == 0).then(|| sentence(rng, 4, 12)),
        assessments: (0..options)
            .map(|_| {
                let rating = rng.between(0, 10) as u8;
                let (low, high) = Assessment::range_around(rating, DEFAULT_UNCERTAINTY);
                Assessment {
                    rating,
                    low,
                    high,
                    rationale: sentence(rng, 6, 16),
                    detail: paragraph(rng, 1, 3),
                    pros: (0..rng.between(1, 3)).map(|_| sentence(rng, 3, 9)).collect(),
                    cons: (0..rng.between(0, 2)).map(|_| sentence(rng, 3, 9)).collect(),
                }
            })
            .collect(),
        sources: (0..rng.between(1, 2)).map(|_| source(rng)).collect(),
    }
}

fn source(rng: &mut Rng) -> Source {
    Source {
        title: title_case(&format!("{} {} report", rng.pick(WORDS), rng.pick(WORDS))),
        url: format!("https://example.com/{}/{}", rng.pick(WORDS), rng.below(100_000)),
        // Before the generated `as_of` (2026-01-01), as a load requires.
        published: (rng.below(2) == 0)
            .then(|| format!("20{:02}-{:02}-{:02}", rng.between(10, 24), rng.between(1, 12), rng.between(1, 28))),
        checked: format!("2025-{:02}-{:02}", rng.between(1, 12), rng.between(1, 28)),
        volatile: rng.below(4) == 0,
    }
}

fn sentence(rng: &mut Rng, low: usize, high: usize) -> String {
    let words: Vec<&str> = (0..rng.between(low, high))
        .map(|_| match rng.below(20) {
            0 => rng.pick(WIDE),
            1..=4 => rng.pick(ADJECTIVES),
            _ => rng.pick(WORDS),
        })
        .collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s.replace_range(..1, &first.to_ascii_uppercase());
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng, low: usize, high: usize) -> String {
    (0..rng.between(low, high)).map(|_| sentence(rng, 6, 18)).collect::<Vec<_>>().join(" ")
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `dataset` as the TOML text of a dataset file, which loads back to the same dataset.
#[must_use]
pub fn to_toml(dataset: &Dataset) -> String {
    let q = |text: &str| toml::Value::from(text).to_string();
    let list = |items: &[String]| format!("[{}]", items.iter().map(|text| q(text)).collect::<Vec<_>>().join(", "));
    let mut out = String::with_capacity(dataset.dimensions.len() * 1200);
    let _ = writeln!(
        out,
        "[meta]\nschema = {SCHEMA_VERSION}\ntitle = {}\nas_of = {}",
        q(&dataset.meta.title),
        q(&dataset.meta.as_of)
    );
    if let Some(description) = &dataset.meta.description {
        let _ = writeln!(out, "description = {}", q(description));
    }
    for option in &dataset.options {
        let _ = writeln!(
            out,
            "\n[[options]]\nid = {}\nname = {}\nsummary = {}",
            q(&option.id),
            q(&option.name),
            q(&option.summary)
        );
    }
    let sources = |out: &mut String, table: &str, sources: &[Source]| {
        for text in sources {
            let _ = writeln!(out, "[[{table}.sources]]\ntitle = {}\nurl = {}", q(&text.title), q(&text.url));
            if let Some(published) = &text.published {
                let _ = writeln!(out, "published = {}", q(published));
            }
            let _ = writeln!(out, "checked = {}", q(&text.checked));
            if text.volatile {
                out.push_str("volatile = true\n");
            }
        }
    };
    for dimension in &dataset.dimensions {
        let _ = writeln!(
            out,
            "\n[[dimensions]]\nid = {}\nname = {}\ncategory = {}\nsummary = {}\nkeywords = {}\nweight = {}",
            q(&dimension.id),
            q(&dimension.name),
            q(&dimension.category),
            q(&dimension.summary),
            list(&dimension.keywords),
            dimension.weight
        );
        if let Some(reason) = &dimension.weight_reason {
            let _ = writeln!(out, "weight_reason = {}", q(reason));
        }
        for (option, assessment) in dataset.options.iter().zip(&dimension.assessments) {
            let _ = writeln!(
                out,
                "[dimensions.ratings.{}]\nrating = {}\nrationale = {}\ndetail = {}\npros = {}\ncons = {}",
                option.id,
                assessment.rating,
                q(&assessment.rationale),
                q(&assessment.detail),
                list(&assessment.pros),
                list(&assessment.cons)
            );
        }
        sources(&mut out, "dimensions", &dimension.sources);
    }
    for preset in &dataset.presets {
        let weights: Vec<String> = dataset
            .dimensions
            .iter()
            .zip(&preset.weights)
            .filter(|(_, w)| **w > 0)
            .map(|(dimension, w)| format!("{} = {w}", dimension.id))
            .collect();
        let _ = writeln!(
            out,
            "\n[[presets]]\nid = {}\nname = {}\ndescription = {}\nweights = {{ {} }}",
            q(&preset.id),
            q(&preset.name),
            q(&preset.description),
            weights.join(", ")
        );
    }
    for claim in &dataset.claims {
        let dims: Vec<String> = claim.dimensions.iter().map(|&i| dataset.dimensions[i].id.clone()).collect();
        let _ = writeln!(
            out,
            "\n[[claims]]\nid = {}\nclaim = {}\nverdict = {}\nexplanation = {}\ndimensions = {}",
            q(&claim.id),
            q(&claim.claim),
            q(claim.verdict.label()),
            q(&claim.explanation),
            list(&dims)
        );
        sources(&mut out, "claims", &claim.sources);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::parse;

    #[test]
    fn generated_toml_loads_back_to_the_same_dataset() {
        for (dimensions, options, seed) in [(1, 2, 0), (40, 3, 7), (200, 8, 42)] {
            let d = dataset(dimensions, options, seed);
            let loaded = parse(&to_toml(&d), "generated").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(loaded, d);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_dataset_and_another_seed_another() {
        assert_eq!(to_toml(&dataset(50, 2, 1)), to_toml(&dataset(50, 2, 1)));
        assert_ne!(to_toml(&dataset(50, 2, 1)), to_toml(&dataset(50, 2, 2)));
    }

    #[test]
    fn ten_thousand_dimensions_fit_the_file_limit() {
        let text = to_toml(&dataset(10_000, 2, 1));
        assert!((text.len() as u64) < crate::engine::data::MAX_FILE_BYTES, "{} bytes", text.len());
    }
}
