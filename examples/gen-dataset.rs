//! Writes a generated dataset to standard output:
//! `cargo run --release --example gen-dataset -- --dimensions N --options K --seed S > big.toml`.

use std::io::Write;

use clap::Parser;

/// Generate a synthetic versus dataset (TOML) of any size, deterministic per seed.
#[derive(Parser)]
struct Args {
    /// How many dimensions.
    #[arg(long, default_value_t = 1_000)]
    dimensions: usize,
    /// How many options (2 to 8).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(2..=8))]
    options: u8,
    /// The seed: the same seed always gives the same dataset.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() {
    let args = Args::parse();
    let dataset = versus::generate::dataset(args.dimensions, usize::from(args.options), args.seed);
    let text = versus::generate::to_toml(&dataset);
    // A closed pipe (`| head`) is not worth a panic message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
