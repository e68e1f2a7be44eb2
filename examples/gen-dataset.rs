//! Writes a generated dataset to standard output:
//! `cargo run --release --example gen-dataset -- --dimensions N --options K --seed S > big.toml`.
//! With `--lines`, the same dimensions as plain lines, for comparing with line-oriented tools (fzf).

use std::io::Write;

use clap::Parser;

/// Generate a synthetic versus dataset (TOML) of any size, deterministic per seed.
#[derive(Parser)]
struct Args {
    /// How many dimensions (at least 1).
    #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u64).range(1..))]
    dimensions: u64,
    /// How many options (2 to 8).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(2..=8))]
    options: u8,
    /// The seed: the same seed always gives the same dataset.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print one tab-separated line per dimension (id, name, keywords, summary) instead of TOML.
    #[arg(long)]
    lines: bool,
}

fn main() {
    let args = Args::parse();
    let dimensions = usize::try_from(args.dimensions).unwrap_or(usize::MAX);
    let dataset = versus::synthetic::dataset(dimensions, usize::from(args.options), args.seed);
    if args.lines {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for d in &dataset.dimensions {
            if writeln!(out, "{}\t{}\t{}\t{}", d.id, d.name, d.keywords.join(" "), d.summary).is_err() {
                return;
            }
        }
        let _ = out.flush();
        return;
    }
    let text = versus::synthetic::to_toml(&dataset);
    // Large datasets are legitimate for in-process benchmarks, but versus will not load the file.
    if text.len() as u64 > versus::engine::data::MAX_FILE_BYTES || dimensions > versus::engine::data::MAX_DIMENSIONS {
        eprintln!(
            "gen-dataset: warning: {} bytes and {dimensions} dimensions exceed what versus loads ({} bytes, {} dimensions)",
            text.len(),
            versus::engine::data::MAX_FILE_BYTES,
            versus::engine::data::MAX_DIMENSIONS
        );
    }
    // A closed pipe (`| head`) is not worth a panic message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
