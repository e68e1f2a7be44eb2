//! Every file in tests/data/malformed is rejected with a message naming the place and the problem.

use std::path::Path;

use versus::engine::data::{MAX_FILE_BYTES, Position, parse_bytes, sanitize};
use versus::shell::files::load_dataset;

/// What one diagnostic is: line, column, field, message, suggestion.
type Found<'a> = (usize, usize, Option<&'a str>, &'a str, Option<&'a str>);
/// What one diagnostic must be.
type Expect = Found<'static>;

/// (file, every diagnostic expected, in order: line, column, field, the start of the message, and the
/// name suggested). An empty message checks only the place.
const CASES: &[(&str, &[Expect])] = &[
    ("bad-date", &[(4, 9, Some("meta.as_of"), "`25/11/2026` is not a date of the form YYYY-MM-DD", None)]),
    ("bad-url", &[(47, 7, Some("dimensions.sources.url"), "expected an http(s) URL", None)]),
    (
        "claim-unknown-dimension",
        &[(106, 15, Some("claims.dimensions"), "no dimension has the id `compile-time`", None)],
    ),
    ("deep-array", &[(7, 90, Some("meta.nested"), "tables or arrays nested too deeply to read", None)]),
    ("deep-header", &[(7, 1, None, "tables or arrays nested too deeply to read", None)]),
    (
        "duplicate-dimension-id",
        &[
            (51, 6, Some("dimensions.id"), "duplicate id `build-speed` (first used on line 23)", None),
            (99, 13, Some("presets.weights"), "no dimension has the id `safety`", None),
        ],
    ),
    (
        "duplicate-option-id",
        &[
            (18, 6, Some("options.id"), "duplicate id `go` (first used on line 8)", None),
            (41, 21, None, "", None),
            (66, 21, None, "", None),
            (85, 21, None, "", None),
        ],
    ),
    ("empty", &[(1, 1, None, "missing field `meta`", None)]),
    ("empty-name", &[(72, 8, Some("dimensions.name"), "must not be empty", None)]),
    ("escape-in-key", &[(55, 1, None, "unknown field `kw[31m`, expected one of `id`", None)]),
    (
        "invalid-id",
        &[
            (71, 6, Some("dimensions.id"), "`Eco System` is not a valid id", None),
            (93, 31, None, "", None),
            (99, 26, None, "", None),
        ],
    ),
    ("missing-meta", &[(1, 1, None, "missing field `meta`", None)]),
    (
        "missing-rating",
        &[(77, 13, Some("dimensions.ratings"), "dimension `ecosystem` has no rating for option `zig`", None)],
    ),
    ("negative-weight", &[(56, 10, Some("dimensions.weight"), "-1 is out of range (expected 0 to 10)", None)]),
    ("no-dimensions", &[(1, 14, Some("dimensions"), "the dataset needs at least one dimension", None)]),
    ("non-utf8", &[(10, 19, None, "the file is not valid UTF-8", None)]),
    ("not-toml", &[(1, 1, None, "invalid key-value pair, expected key", None)]),
    ("one-option", &[(7, 1, Some("options"), "a comparison needs at least two options, found 1", None)]),
    (
        "preset-unknown-dimension",
        &[(93, 13, Some("presets.weights"), "no dimension has the id `build-sped`", Some("build-speed"))],
    ),
    ("preset-weight-out-of-range", &[(99, 38, Some("presets.weights"), "60 is out of range (expected 0 to 10)", None)]),
    (
        "rating-for-unknown-option",
        &[
            (77, 13, Some("dimensions.ratings"), "dimension `ecosystem` has no rating for option `zig`", None),
            (85, 21, Some("dimensions.ratings"), "`zag` is not an option of this dataset", Some("zig")),
        ],
    ),
    (
        "rating-out-of-range",
        &[(63, 10, Some("dimensions.ratings.rating"), "11 is out of range (expected 0 to 10)", None)],
    ),
    (
        "schema-version",
        &[(2, 10, Some("meta.schema"), "version 3 is not supported (this versus reads versions 1 to 2)", None)],
    ),
    ("too-long", &[(74, 11, Some("dimensions.summary"), "301 characters is over the limit of 300", None)]),
    ("truncated", &[(64, 21, Some("dimensions.ratings.rust.rationale"), "invalid basic string", None)]),
    ("unknown-field", &[(24, 1, None, "unknown field `nmae`", Some("name"))]),
    ("unknown-verdict", &[(104, 11, Some("claims.verdict"), "unknown variant `partly-ture`", Some("partly-true"))]),
    ("unquoted-date", &[(4, 9, Some("meta.as_of"), "a date is text here: write it in quotes, \"2026-11-25\"", None)]),
    ("wrong-type-options", &[(8, 6, Some("options.id"), "invalid type: integer `7`, expected a string", None)]),
    (
        "wrong-type-rating",
        &[(
            31,
            10,
            Some("dimensions.ratings.go.rating"),
            "invalid type: string \"high\", expected a whole number",
            None,
        )],
    ),
];

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/malformed"))
}

#[test]
fn each_malformed_file_gets_its_diagnostics() {
    for (name, expected) in CASES {
        let path = corpus().join(format!("{name}.toml"));
        let error = load_dataset(&path).expect_err(name);
        let found: Vec<Found> = error
            .diagnostics
            .iter()
            .zip(*expected)
            .map(|(d, &(_, _, _, message, _))| {
                let Position { line, column } = d.position.unwrap_or_else(|| panic!("{name}: no place: {d}"));
                let message = if d.message.starts_with(message) { message } else { d.message.as_str() };
                (line, column, d.field.as_deref(), message, d.suggestion.as_deref())
            })
            .collect();
        assert_eq!(error.diagnostics.len(), expected.len(), "{name}: {error}");
        for ((found, expected), d) in found.iter().zip(expected.iter()).zip(&error.diagnostics) {
            let place_only = expected.3.is_empty();
            if place_only {
                assert_eq!((found.0, found.1), (expected.0, expected.1), "{name}: {d}");
            } else {
                assert_eq!(found, expected, "{name}: {d}");
            }
            assert_eq!(d.file, path.display().to_string(), "{name}");
        }
    }
}

/// The diagnostics read as one `file:line:column: field: message (did you mean ...?)` line each.
#[test]
fn diagnostics_print_as_editors_read_them() {
    let path = corpus().join("preset-unknown-dimension.toml");
    let text = load_dataset(&path).unwrap_err().to_string();
    let expected = format!(
        "{}:93:13: presets.weights: no dimension has the id `build-sped` (did you mean `build-speed`?)",
        path.display()
    );
    assert_eq!(text, expected);
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
    assert_eq!(error.diagnostics.len(), 2, "{error}");
}

#[test]
fn a_crafted_file_dense_with_items_is_refused_before_the_parse() {
    // Each `1,` is a node of the parser's tree: this file once cost 1.3 GB to refuse.
    let mut crafted = b"x = [".to_vec();
    crafted.extend(b"1,".repeat((MAX_FILE_BYTES as usize - 7) / 2));
    crafted.extend(b"]\n");
    let error = parse_bytes(&crafted, "crafted.toml").unwrap_err();
    assert_eq!(error.diagnostics.len(), 1);
    assert!(error.to_string().starts_with("crafted.toml: more than 1500000 keys, array items and tables"), "{error}");
}
