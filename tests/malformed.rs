//! Every file in tests/data/malformed is rejected with a message naming the place and the problem.

use std::path::Path;

use versus::engine::data::{MAX_FILE_BYTES, parse_bytes, sanitize};
use versus::shell::files::load_dataset;

/// (file, the problem lines expected, each as `line:column: message`; all of them, in order).
const CASES: &[(&str, &[&str])] = &[
    ("bad-date", &["4:9: meta.as_of: `25/11/2026` is not a date of the form YYYY-MM-DD"]),
    ("bad-url", &["47:7: dimensions.sources.url: expected an http(s) URL"]),
    ("claim-unknown-dimension", &["106:15: claims.dimensions: no dimension has the id `compile-time`"]),
    ("deep-array", &["7:90: meta.nested: tables or arrays nested too deeply to read"]),
    ("deep-header", &["7:1: tables or arrays nested too deeply to read"]),
    (
        "duplicate-dimension-id",
        &[
            "51:6: dimensions.id: duplicate id `build-speed` (first used on line 23)",
            "99:13: presets.weights: no dimension has the id `safety`",
        ],
    ),
    (
        "duplicate-option-id",
        &["18:6: options.id: duplicate id `go` (first used on line 8)", "41:21:", "66:21:", "85:21:"],
    ),
    ("empty", &["1:1: missing field `meta`"]),
    ("empty-name", &["72:8: dimensions.name: must not be empty"]),
    ("escape-in-key", &["55:1: unknown field `kw[31m`, expected one of `id`"]),
    ("invalid-id", &["71:6: dimensions.id: `Eco System` is not a valid id", "93:31:", "99:26:"]),
    ("missing-meta", &["1:1: missing field `meta`"]),
    ("missing-rating", &["77:13: dimensions.ratings: dimension `ecosystem` has no rating for option `zig`"]),
    ("negative-weight", &["56:10: dimensions.weight: -1 is out of range (expected 0 to 10)"]),
    ("no-dimensions", &["1:14: dimensions: the dataset needs at least one dimension"]),
    ("non-utf8", &["10:19: the file is not valid UTF-8"]),
    ("not-toml", &["1:1: invalid key-value pair, expected key"]),
    ("one-option", &["7:1: options: a comparison needs at least two options, found 1"]),
    (
        "preset-unknown-dimension",
        &["93:13: presets.weights: no dimension has the id `build-sped` (did you mean `build-speed`?)"],
    ),
    ("preset-weight-out-of-range", &["99:38: presets.weights: 60 is out of range (expected 0 to 10)"]),
    (
        "rating-for-unknown-option",
        &[
            "77:13: dimensions.ratings: dimension `ecosystem` has no rating for option `zig`",
            "85:21: dimensions.ratings: `zag` is not an option of this dataset (did you mean `zig`?)",
        ],
    ),
    ("rating-out-of-range", &["63:10: dimensions.ratings.rating: 11 is out of range (expected 0 to 10)"]),
    ("schema-version", &["2:10: meta.schema: version 3 is not supported (this versus reads versions 1 to 2)"]),
    ("too-long", &["74:11: dimensions.summary: 301 characters is over the limit of 300"]),
    ("truncated", &["64:21: dimensions.ratings.rust.rationale: invalid basic string"]),
    ("unknown-field", &["24:1: unknown field `nmae`", "(did you mean `name`?)"]),
    ("unknown-verdict", &["104:11: claims.verdict: unknown variant `partly-ture`", "(did you mean `partly-true`?)"]),
    ("unquoted-date", &["4:9: meta.as_of: a date is text here: write it in quotes, \"2026-11-25\""]),
    ("wrong-type-options", &["8:6: options.id: invalid type: integer `7`, expected a string"]),
    (
        "wrong-type-rating",
        &["31:10: dimensions.ratings.go.rating: invalid type: string \"high\", expected a whole number"],
    ),
];

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/malformed"))
}

#[test]
fn each_malformed_file_gets_its_message() {
    for (name, expected) in CASES {
        let path = corpus().join(format!("{name}.toml"));
        let error = load_dataset(&path).expect_err(name);
        let text = error.to_string();
        let prefix = format!("{}:", path.display());
        // Continuation fragments (not starting with a digit) belong to the previous line.
        let mut lines = text.lines();
        let mut line = "";
        for fragment in *expected {
            if fragment.starts_with(|c: char| c.is_ascii_digit()) {
                line = lines.next().unwrap_or_else(|| panic!("{name}: too few problems in:\n{text}"));
                assert!(
                    line.starts_with(&format!("{prefix}{fragment}")),
                    "{name}: expected {fragment:?}, got {line:?}"
                );
            } else {
                assert!(line.contains(fragment), "{name}: expected {fragment:?} in {line:?}");
            }
        }
        assert_eq!(lines.next(), None, "{name}: more problems than expected in:\n{text}");
    }
}

#[test]
fn the_corpus_and_the_cases_agree() {
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let cases: Vec<&str> = CASES.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, cases, "every corpus file has a case and every case a file");
}

#[test]
fn messages_carry_no_control_characters() {
    for (name, _) in CASES {
        let error = load_dataset(&corpus().join(format!("{name}.toml"))).unwrap_err();
        let text = error.to_string();
        assert!(!text.chars().any(|c| c != '\n' && sanitize::is_forbidden(c)), "{name}: {text:?}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let mut huge = b"# padding\n".repeat((MAX_FILE_BYTES as usize / 10) + 1);
    huge.truncate(MAX_FILE_BYTES as usize + 1);
    let error = parse_bytes(&huge, "huge.toml").unwrap_err();
    assert_eq!(error.to_string(), "huge.toml: the file is larger than the limit of 16777216 bytes (16 MiB)");
}

#[test]
fn a_missing_file_is_named() {
    let error = load_dataset(Path::new("no/such/dataset.toml")).unwrap_err();
    assert!(error.to_string().starts_with("no/such/dataset.toml: cannot open: "), "{error}");
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    let source = std::fs::read_to_string(corpus().join("../three-options.toml")).unwrap();
    let broken = source.replace("rating = 9\n", "rating = 12\n").replace("weight = 4\n", "weight = 40\n");
    let error = parse_bytes(broken.as_bytes(), "two.toml").unwrap_err();
    assert_eq!(error.problems.len(), 2, "{error}");
}

#[test]
fn a_crafted_file_dense_with_items_is_refused_before_the_parse() {
    // Each `1,` is a node of the parser's tree: this file once cost 1.3 GB to refuse.
    let mut crafted = b"x = [".to_vec();
    crafted.extend(b"1,".repeat((MAX_FILE_BYTES as usize - 7) / 2));
    crafted.extend(b"]\n");
    let error = parse_bytes(&crafted, "crafted.toml").unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert!(error.to_string().starts_with("crafted.toml: more than 1500000 keys, array items and tables"), "{error}");
}
