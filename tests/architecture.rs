//! The layers of `src/` (see `lib.rs`): each imports only the layers below it, the engine touches no
//! terminal, command line or file, and the explorer touches no file or terminal. Read from the source,
//! so a change that breaks the rule fails here rather than in review.

use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 4] = ["engine", "explorer", "shell", "cli"];

/// What a layer's code (tests aside) must not mention.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("engine", &["ratatui", "crossterm", "clap", "std::fs", "std::env", "std::io::std", "File::", "tempfile"]),
    ("explorer", &["std::fs", "std::env", "std::io::std", "File::", "tempfile", "std::process", "execute!"]),
];

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// A file's code without its unit tests (which may use test support from anywhere).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(tests) => text[..tests].to_owned(),
        None => text,
    }
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (level, layer) in LAYERS.iter().enumerate() {
        let files = sources(&src.join(layer));
        assert!(!files.is_empty(), "src/{layer} has no code");
        for file in files {
            let code = code(&file);
            for above in &LAYERS[level + 1..] {
                assert!(!code.contains(&format!("crate::{above}")), "{} imports {above}", file.display());
            }
            assert!(!code.contains("crate::synthetic"), "{} uses test support", file.display());
            for (restricted, words) in FORBIDDEN {
                if restricted == layer {
                    for word in *words {
                        assert!(!code.contains(word), "{} mentions {word}", file.display());
                    }
                }
            }
        }
    }
}

#[test]
fn the_binary_only_parses_runs_and_exits() {
    let main = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    assert!(main.lines().count() < 40, "main.rs has {} lines", main.lines().count());
    assert!(!main.contains("versus::shell") && !main.contains("versus::explorer"), "main.rs reaches past cli");
}
