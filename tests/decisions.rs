//! Decisions over time: `versus record` writes a record, `versus revisit` re-checks it, in a repository
//! made in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use versus::engine::decision;

/// A repository of its own: a copy of the built-in dataset as `data.toml`, an empty config.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::Builder::new().prefix("decisions").tempdir().unwrap();
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/node-vs-python.toml");
        std::fs::copy(data, dir.path().join("data.toml")).unwrap();
        std::fs::create_dir(dir.path().join("config")).unwrap();
        Self { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_versus"));
        command
            .current_dir(self.path())
            .env("VERSUS_CONFIG_DIR", self.path().join("config"))
            .env("VERSUS_CACHE_DIR", self.path().join("config/cache"))
            .env_remove("NO_COLOR");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("the binary runs")
    }

    /// Runs `record` and returns the path it printed.
    fn record(&self, args: &[&str]) -> PathBuf {
        let output = self.run(&[&["record", "--data", "data.toml"], args].concat());
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        let printed = String::from_utf8(output.stdout).unwrap();
        self.path().join(printed.trim_end())
    }

    fn revisit(&self, args: &[&str]) -> (Option<i32>, String) {
        let output = self.run(&[&["revisit"], args].concat());
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// `text` with the ratings of `dimension` for `option` set to `rating` (its range widened to hold it).
fn rate(text: &str, dimension: &str, option: &str, rating: u8) -> String {
    let start = text.find(&format!("\nid = \"{dimension}\"\n")).expect("the dimension");
    let table = start + text[start..].find(&format!("[dimensions.ratings.{option}]\n")).expect("the option");
    let rating_at = table + text[table..].find("rating = ").unwrap();
    let end = rating_at + text[rating_at..].find("\nrationale").unwrap();
    let number = |key: &str| -> u8 {
        let at = text[rating_at..end].find(key).unwrap() + rating_at + key.len();
        text[at..].split('\n').next().unwrap().trim().parse().unwrap()
    };
    let (low, high) = (number("low = ").min(rating), number("high = ").max(rating));
    format!("{}rating = {rating}\nlow = {low}\nhigh = {high}{}", &text[..rating_at], &text[end..])
}

#[test]
fn a_decision_goes_through_its_life() {
    let repo = Repo::new();
    let first = repo.record(&["--title", "Backend language", "--status", "accepted"]);
    assert!(first.ends_with("docs/decisions/0001-backend-language.md"), "{}", first.display());
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("holds: 0001 Backend language"), "{out}");

    let second = repo.record(&[
        "--title",
        "Backend language, with models in process",
        "--answer",
        "models-in-process=yes",
        "--status",
        "accepted",
        "--supersedes",
        "1",
    ]);
    assert!(second.ends_with("0002-backend-language-with-models-in-process.md"));
    let old = read(&first);
    assert!(old.contains("status: \"superseded by 0002\"\n") && old.contains("superseded-by: \"0002\"\n"), "{old}");
    let (code, out) = repo.revisit(&["--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let states: Vec<&str> = json["records"].as_array().unwrap().iter().map(|r| r["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["holds", "retired"], "{out}");

    // The evidence moves past 0002's nearest tripwire.
    let record = decision::parse("0002", "0002-x.md", &read(&second));
    let inputs = record.inputs.unwrap().unwrap();
    let wire = inputs.outcome.tripwires.first().expect("a tripwire").clone();
    let data = repo.path().join("data.toml");
    std::fs::write(&data, rate(&read(&data), &wire.dimension, &wire.option, wire.to)).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    let first_line = out.lines().next().unwrap();
    assert!(
        (first_line.starts_with("tripwire: 0002") || first_line.starts_with("changed: 0002"))
            && out.contains("tripwire was"),
        "{out}"
    );
    let option = if wire.option == "node" { "Node.js" } else { "Python" };
    assert!(
        out.contains(&format!("{option}'s rating for ")) && out.contains(") then, "),
        "the moved rating named: {out}"
    );
    let (_, markdown) = repo.revisit(&["--format", "markdown"]);
    assert!(markdown.starts_with("| State | Record |") && markdown.contains("0002"), "{markdown}");

    // A new record on the evidence as it is now: everything holds again.
    repo.record(&["--title", "Backend language again", "--answer", "models-in-process=yes", "--supersedes", "2"]);
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("0 need attention"), "{out}");
}

#[test]
fn revisit_names_what_is_broken_and_due() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "T", "--review-by", "2030-01-01"]);
    std::fs::write(repo.path().join("docs/decisions/README.md"), "# Decisions\n").unwrap();
    let (code, out) = repo.revisit(&["--today", "2030-01-02"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("review-due: 0001 T") && out.contains("1 markdown file without"), "{out}");
    let text = read(&path).replace("samples = 10000", "samples = \"many\"");
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.starts_with("samples")).unwrap() + 1;
    let (code, out) = repo.revisit(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("broken: ") && out.contains(&format!(":{line}:")), "{out}");
    // A preset the dataset does not have, and a dimension it does not have: broken, with the place.
    let good = text.replace("samples = \"many\"", "samples = 10000");
    let preset = good.replace("[given]\n", "[given]\npreset = \"nope\"\n");
    std::fs::write(&path, &preset).unwrap();
    let line = preset.lines().position(|l| l == "[given]").unwrap() + 1;
    let (code, out) = repo.revisit(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("broken: ") && out.contains(&format!(":{line}:1: given: unknown preset `nope`")), "{out}");
    let dimension = good.replace("\ncpu-bound = ", "\ncpu-bond = ");
    std::fs::write(&path, &dimension).unwrap();
    let (code, out) = repo.revisit(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("no dimension `cpu-bond`"), "{out}");
    let (code, _) = repo.revisit(&["no-such-folder"]);
    assert_eq!(code, Some(2));
}

#[test]
fn record_refuses_a_missing_superseded_record() {
    let repo = Repo::new();
    let output = repo.run(&["record", "--data", "data.toml", "--supersedes", "7"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no record numbered 0007"));
    assert!(!repo.path().join("docs/decisions").join("0001-x.md").exists());
}

/// The "Reproduce it with" command, run in another repository, writes the same record.
#[test]
fn the_reproduce_command_rebuilds_the_record() {
    let repo = Repo::new();
    let path = repo.record(&[
        "--title",
        "Backend: it's ours",
        "--answer",
        "models-in-process=yes",
        "--weight",
        "cpu-bound=5",
        "--context",
        "We serve $MANY requests.",
    ]);
    let text = read(&path);
    let command = text.split("Reproduce it with:\n\n```sh\n").nth(1).unwrap().split('\n').next().unwrap();
    assert!(command.starts_with("versus record --data=data.toml --answer=models-in-process=yes"), "{command}");
    assert!(!command.contains("--weight=ml-ecosystem"), "answers, not the weights they gave: {command}");
    let other = Repo::new();
    let script = format!("\"$VERSUS\"{}", command.strip_prefix("versus").unwrap());
    let mut sh = Command::new("sh");
    sh.current_dir(other.path())
        .env("VERSUS", env!("CARGO_BIN_EXE_versus"))
        .env("VERSUS_CONFIG_DIR", other.path().join("config"))
        .env("VERSUS_CACHE_DIR", other.path().join("config/cache"))
        .args(["-c", &script]);
    let output = sh.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let again = other.path().join(String::from_utf8(output.stdout).unwrap().trim_end());
    let undated = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("date: ") && !l.starts_with("review-by: ") && !l.starts_with("* Review it by"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(undated(&read(&again)), undated(&text));
}

/// The record's markdown: MADR's sections in order, the new one among them, the inputs block last.
#[test]
fn the_record_renders_as_madr_with_its_inputs_last() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "Backend language", "--context", "Our *API* serves mobile apps."]);
    let text = read(&path);
    let mut headings = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut blocks = Vec::new();
    let mut in_block: Option<String> = None;
    let mut metadata = false;
    for event in Parser::new_ext(&text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => metadata = true,
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.push(heading.take().unwrap()),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_block = Some(info.to_string());
            }
            Event::End(TagEnd::CodeBlock) => blocks.push(in_block.take().unwrap()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert!(metadata, "the front matter is a metadata block");
    let h2: Vec<&str> = headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        h2,
        [
            "Context and Problem Statement",
            "Decision Drivers",
            "Considered Options",
            "Decision Outcome",
            "Pros and Cons of the Options",
            "Conditions for revisiting",
            "More Information",
            "versus inputs"
        ]
    );
    assert_eq!(headings[0], (HeadingLevel::H1, "Backend language".to_owned()));
    assert_eq!(blocks.last().map(String::as_str), Some("toml"));
    let conditions = text.split("## Conditions for revisiting\n\n").nth(1).unwrap().split("\n## ").next().unwrap();
    assert!(conditions.starts_with("* Review it by "), "{conditions}");
    assert!(conditions.contains("'s rating for ") && conditions.contains(" would lead."), "{conditions}");
    assert!(conditions.contains("came to matter") || conditions.contains(" mattered "), "weights too: {conditions}");
    let context = text.split("## Context and Problem Statement\n\n").nth(1).unwrap();
    assert!(context.starts_with("Our *API* serves mobile apps.\n\n"), "{context}");
    let front = text.split("---\n").nth(1).unwrap();
    assert!(front.starts_with("status: \"proposed\"\ndate: ") && front.contains("\nreview-by: "), "{front}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// A record re-evaluated on the dataset it was made from holds, whatever the weights and seed.
    #[test]
    fn a_record_on_an_unchanged_dataset_holds(
        weights in proptest::collection::vec(0u8..=10, 21),
        seed in 0u64..1000,
        spread in 0u8..=3,
        team in proptest::bool::ANY,
    ) {
        use versus::engine::robustness::WeightRanges;
        let d = versus::engine::data::Dataset::builtin();
        let weights: Vec<u8> = weights.iter().copied().cycle().take(d.dimensions.len()).collect();
        // As `record` writes it: the weighting as given (here a --weight for each dimension) gives the weights.
        let given = decision::Given {
            weights: d.dimensions.iter().zip(&weights).map(|(x, w)| format!("{}={w}", x.id)).collect(),
            ..decision::Given::default()
        };
        // Drawn within ±spread, or over a team's ranges (which the record keeps, the files being elsewhere).
        let members: Vec<(u8, u8)> = weights.iter().map(|&w| (w.saturating_sub(2), (w + 1).min(10))).collect();
        let ranges =
            if team { WeightRanges::team(&weights, spread, &members) } else { WeightRanges::within(&weights, spread) };
        let inputs = decision::inputs(&d, None, given, &weights, &ranges, 300, seed);
        proptest::prop_assert_eq!(inputs.outcome.weight_spread, spread);
        proptest::prop_assert_eq!(inputs.outcome.weight_ranges.is_empty(), !team || spread == 0);
        let text = format!("---\nstatus: accepted\nreview-by: 2999-01-01\n---\n\n# T\n\n{}", decision::block(&inputs, 2));
        let record = decision::parse("r.md", "0001-r.md", &text);
        let parsed = record.inputs.clone().unwrap().unwrap();
        proptest::prop_assert_eq!(&parsed, &inputs);
        let assessment = decision::assess("r.md", &text, &record, &parsed, &d, "2026-12-06");
        proptest::prop_assert_eq!(assessment.state, decision::State::Holds, "{:?}", assessment.reasons);
        proptest::prop_assert_eq!(assessment.now, Some(decision::recorded(&inputs)));
    }
}

/// An answer's weights edited in the dataset move the decision made from that answer, and are named.
#[test]
fn an_answers_weights_that_moved_are_named() {
    let repo = Repo::new();
    repo.record(&["--title", "T", "--answer", "models-in-process=yes"]);
    let data = repo.path().join("data.toml");
    let text = read(&data);
    let answer = "weights = { ml-ecosystem = 10, numeric-data = 8, cpu-bound = 3 }";
    assert!(text.contains(answer));
    std::fs::write(&data, text.replace(answer, "weights = { ml-ecosystem = 1, numeric-data = 1, cpu-bound = 9 }"))
        .unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the weighting as given now weighs ML and AI ecosystem 10 -> 1"), "{out}");
}
