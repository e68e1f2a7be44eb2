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
    assert!(out.contains("\n  recorded: Node.js by "), "options by name: {out}");

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
    assert_eq!(json["records"][0]["now"]["option"], "python");
    assert_eq!(json["records"][0]["now"]["name"], "Python");

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
        "--require",
        "realtime>=4",
        "--context",
        "We serve $MANY requests.\nTwo lines of them.",
    ]);
    let text = read(&path);
    let command = text.split("Reproduce it with:\n\n```sh\n").nth(1).unwrap().split('\n').next().unwrap();
    assert!(command.starts_with("versus record --data=data.toml --answer=models-in-process=yes"), "{command}");
    assert!(!command.contains("--weight=ml-ecosystem"), "answers, not the weights they gave: {command}");
    assert!(command.contains(" --require='realtime>=4'"), "quoted: `>` redirects in a shell: {command}");
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
        let none = versus::engine::requirements::Requirements::NONE;
        let inputs = decision::inputs(&d, None, given, (&weights, &none), &ranges, 300, seed);
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

#[test]
fn a_must_have_is_recorded_and_revisit_weighs_it_again() {
    let repo = Repo::new();
    // Node.js rates the ML ecosystem 3: at least 5 leaves Python the only option.
    let path = repo.record(&["--title", "Models in process", "--require", "ml-ecosystem>=5"]);
    let text = read(&path);
    let inputs = decision::parse("0001", "0001-x.md", &text).inputs.unwrap().unwrap();
    assert_eq!(inputs.requirements.get("ml-ecosystem"), Some(&5));
    assert_eq!(inputs.given.requires, vec!["ml-ecosystem>=5".to_owned()]);
    assert_eq!(inputs.outcome.option.as_deref(), Some("python"));
    assert!(text.contains("Python is the only option that meets every requirement"), "{text}");
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    // Node.js's ML ecosystem re-rated 5: it meets the must-have now, and leads at these weights.
    let data = repo.path().join("data.toml");
    std::fs::write(&data, rate(&read(&data), "ml-ecosystem", "node", 5)).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.starts_with("changed: 0001")
            && out.contains(
                "- now Node.js by 1.6 points (toss-up); when recorded, Python, the only option meeting every must-have"
            ),
        "{out}"
    );
}

/// The section of `text` under the heading `heading`, up to the next heading of its level.
fn section<'t>(text: &'t str, heading: &str) -> &'t str {
    let start = text.find(&format!("\n## {heading}\n\n")).unwrap_or_else(|| panic!("no {heading}")) + heading.len() + 6;
    text[start..].split("\n## ").next().unwrap()
}

/// A team's record: the split named in the outcome, each member's note under their name; the context
/// is the weighting's, not the dataset's blurb; drivers by name, the rest folded; tripwires cite numbers.
#[test]
fn a_teams_record_names_its_split_and_notes() {
    let repo = Repo::new();
    let team = repo.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let file = |name: &str, note: Option<&str>, weights: &str| {
        let note = note.map(|n| format!("note = \"{n}\"\n")).unwrap_or_default();
        let title = "Node.js vs Python for server-side web development";
        let text =
            format!("version = 1\nname = \"{name}\"\n{note}\n[dataset]\ntitle = \"{title}\"\n\n[weights]\n{weights}\n");
        std::fs::write(team.join(format!("{name}.toml")), text).unwrap();
    };
    file("Ann", Some("Backend lead; we ship a model server next year."), "ml-ecosystem = 10\nnumeric-data = 10");
    file("Ben", Some("Front-end lead."), "realtime = 10\nfull-stack = 10\ncpu-bound = 10");
    file("Cy", None, "ml-ecosystem = 10");
    let text = read(&repo.record(&["--team", "team"]));
    let outcome = section(&text, "Decision Outcome");
    assert!(outcome.contains("2 of 3 members favour Python, 1 Node.js, each by their own weights."), "{outcome}");
    assert!(outcome.contains("* Ann (Python by 5.9 points): Backend lead; we ship a model server next year.\n"));
    assert!(outcome.contains("* Ben (Node.js by 7.6 points): Front-end lead.\n"), "{outcome}");
    assert!(outcome.contains("* Cy: Python by 3.2 points\n"), "{outcome}");
    let context = section(&text, "Context and Problem Statement");
    assert!(context.starts_with("The weights are each dimension's median of the team's weights (Ann, Ben, Cy)."));
    assert!(!context.contains("claims audit"), "the dataset's blurb is not the team's problem: {context}");
    let drivers = section(&text, "Decision Drivers");
    let lines: Vec<&str> = drivers.lines().filter(|l| l.starts_with("* ")).collect();
    assert!(lines.len() <= 8 && lines[0].starts_with("* ML and AI ecosystem: weight 10 of 10, "), "{drivers}");
    assert!(lines.last().unwrap().starts_with("* The ") && drivers.contains(" other weighted dimensions, together "));
    let conditions = section(&text, "Conditions for revisiting");
    assert!(conditions.contains("; evidence: \\[") && !conditions.contains(" sources)"), "{conditions}");
}

/// The outcome is worded by the classification: chosen for a clear lead, likely, a toss-up called one.
#[test]
fn the_outcome_is_worded_by_its_classification() {
    let repo = Repo::new();
    let outcome = |args: &[&str]| section(&read(&repo.record(args)), "Decision Outcome").to_owned();
    let clear = outcome(&["--preset", "ml-api"]);
    assert!(clear.starts_with("Chosen option: \"Python\", because it rates higher") && clear.contains("Clear: "));
    let likely = outcome(&["--answer", "models-in-process=yes", "--weight", "cpu-bound=5"]);
    assert!(likely.starts_with("Chosen option: \"Python\", likely the better fit but not clearly: "), "{likely}");
    let toss_up = outcome(&[]);
    assert!(toss_up.starts_with("A toss-up, not a clear choice: \"Node.js\" leads, but by too little"), "{toss_up}");
    assert!(!toss_up.contains("Chosen option") && toss_up.contains("Toss-up: Node.js leads"), "{toss_up}");
    // The context: the answers as sentences, then the weights changed by hand after them, by name.
    let text = read(&repo.path().join("docs/decisions/0002-choose-python-node-js-vs-python-for-server-side.md"));
    let context = section(&text, "Context and Problem Statement");
    assert!(context.contains("* Will the service run machine-learning models or heavy numeric code itself? Yes, inference or numeric work runs inside the service.\n\nThen weighed CPU-bound pure code 3 -> 5.\n"), "{context}");
}

/// The explorer's `E` writes the record `versus record` writes from the same inputs, byte for byte.
#[test]
fn the_explorers_record_is_the_one_versus_record_writes() {
    use versus::engine::weights::Weighting;
    use versus::explorer::app::{App, Startup};
    use versus::explorer::overlays::record;
    let repo = Repo::new();
    let path =
        repo.record(&["--preset", "ml-api", "--title", "Backend language", "--context", "We serve apps.\nAnd more."]);
    let written = read(&path);
    let date = written.lines().find_map(|l| l.strip_prefix("date: ")).unwrap().to_owned();
    let dataset = versus::engine::data::parse(&read(&repo.path().join("data.toml")), "data.toml").unwrap();
    let weighting = Weighting::preset(&dataset, "ml-api").unwrap();
    let startup =
        Startup { today: date.clone(), data_as_given: Some("data.toml".into()), ..Startup::new(dataset, weighting) };
    let mut app = App::new(startup);
    let source = app.record_source();
    assert_eq!(source.default_review, decision::default_review(&date, "clear"));
    let text =
        record::text(app.dataset(), &source, "Backend language", "We serve apps.\nAnd more.", &source.default_review)
            .unwrap();
    assert_eq!(text, written);
}

/// `versus diff`: two small datasets, one rating, one source's date and one source added apart; the
/// verdicts before and after agree with `versus report` on each file.
#[test]
fn diff_names_the_evidence_that_moved_and_what_it_does_to_the_verdicts() {
    let repo = Repo::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/three-options.toml");
    let old = read(&fixture);
    let new = old
        .replace("[dimensions.ratings.rust]\nrating = 10\n", "[dimensions.ratings.rust]\nrating = 2\n")
        .replace("url = \"https://example.com/build\"\nchecked = \"2026-01-01\"", "url = \"https://example.com/build\"\nchecked = \"2026-02-01\"")
        .replace(
            "[[dimensions]]\nid = \"ecosystem\"",
            "[[dimensions.sources]]\ntitle = \"New source\"\nurl = \"https://example.com/safety\"\nchecked = \"2026-02-01\"\n\n[[dimensions]]\nid = \"ecosystem\"",
        );
    assert_ne!(old, new);
    std::fs::write(repo.path().join("old.toml"), &old).unwrap();
    std::fs::write(repo.path().join("new.toml"), &new).unwrap();
    let output = repo.run(&["diff", "old.toml", "new.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("What changed: 3 changes\n"), "{text}");
    assert!(text.contains("  Rust's rating for Memory safety: 10 ("), "{text}");
    assert!(text.contains("  Build speed: source <https://example.com/build>: checked 2026-01-01 -> 2026-02-01\n"));
    assert!(text.contains("  Memory safety: source added: New source <https://example.com/safety>\n"), "{text}");
    // The verdicts agree with versus report on each file, a computation of their own.
    let leader = |file: &str, args: &[&str]| {
        let output = repo.run(&[&["report", "--data", file, "--format", "json"], args].concat());
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        json["recommendation"]["option"].clone()
    };
    let output = repo.run(&["diff", "old.toml", "new.toml", "--presets", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let scenarios = json["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 3, "the defaults and two presets");
    let mut flips = 0;
    for scenario in scenarios {
        let id = scenario["id"].as_str().unwrap();
        let args: Vec<&str> = if id == "defaults" { vec![] } else { vec!["--preset", id] };
        assert_eq!(scenario["old"]["option"], leader("old.toml", &args), "{id}");
        assert_eq!(scenario["new"]["option"], leader("new.toml", &args), "{id}");
        let changed = scenario["old"]["option"] != scenario["new"]["option"];
        assert_eq!(scenario["leader_changed"], changed, "{id}");
        flips += usize::from(changed);
    }
    assert!(flips > 0, "Rust's safety from 10 to 2 changes a leader: {json}");
    let output = repo.run(&["diff", "old.toml", "new.toml", "--preset", "long-lived", "--format", "markdown"]);
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.starts_with("## Dataset diff: Go vs Rust vs Zig for a CLI tool\n"), "{markdown}");
    assert!(markdown.contains("| The weighting given | Rust by "), "{markdown}");
    // A file against itself: nothing changed, nothing moves.
    let output = repo.run(&["diff", "old.toml", "old.toml"]);
    let same = String::from_utf8(output.stdout).unwrap();
    assert!(same.contains("What changed: no change\n") && same.contains(": unchanged\n"), "{same}");
}

#[test]
fn diff_says_what_is_wrong_with_its_arguments_and_files() {
    let repo = Repo::new();
    let code = |args: &[&str]| {
        let output = repo.run(args);
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    assert_eq!(code(&["diff", "data.toml"]).0, Some(2), "NEW is required");
    assert_eq!(code(&["diff", "data.toml", "data.toml", "--presets", "--preset", "ml-api"]).0, Some(2));
    assert_eq!(code(&["--data", "data.toml", "diff", "data.toml", "data.toml"]).0, Some(2));
    assert_eq!(code(&["diff", "data.toml", "data.toml", "--format", "yaml"]).0, Some(2));
    let (status, stderr) = code(&["diff", "data.toml", "missing.toml"]);
    assert!(status == Some(1) && stderr.starts_with("missing.toml: "), "{stderr}");
    let text = read(&repo.path().join("data.toml"));
    std::fs::write(repo.path().join("bad.toml"), text.replacen("as_of = \"", "as_of = \"x", 1)).unwrap();
    let (status, stderr) = code(&["diff", "data.toml", "bad.toml"]);
    let line = text.lines().position(|l| l.starts_with("as_of = ")).unwrap() + 1;
    assert!(status == Some(1) && stderr.contains(&format!("bad.toml:{line}:")), "{stderr}");
}

/// A record whose team or pairwise file is gone is broken; a source of a driver checked again since is
/// named even while the decision holds.
#[test]
fn revisit_names_missing_weight_files_and_moved_sources() {
    let repo = Repo::new();
    let team = repo.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let title = "Node.js vs Python for server-side web development";
    let member =
        format!("version = 1\nname = \"Ann\"\n\n[dataset]\ntitle = \"{title}\"\n\n[weights]\nml-ecosystem = 9\n");
    std::fs::write(team.join("ann.toml"), member).unwrap();
    std::fs::write(repo.path().join("pairs.toml"), "[[pairs]]\nmore = \"ml-ecosystem\"\nless = \"realtime\"\nby = 5\n")
        .unwrap();
    repo.record(&["--title", "With a team", "--team", "team"]);
    repo.record(&["--title", "With pairs", "--pairwise", "pairs.toml"]);
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    // A driver's source checked again: the decision holds, and says so.
    let data = repo.path().join("data.toml");
    let text = read(&data);
    let record = decision::parse("r", "0001-r.md", &read(&repo.path().join("docs/decisions/0001-with-a-team.md")));
    let inputs = record.inputs.unwrap().unwrap();
    let (dimension, sources) = inputs.sources.iter().find(|(_, s)| !s.is_empty()).expect("a driver with sources");
    let [url, checked] = &sources[0];
    assert_ne!(checked, "2026-12-05");
    // That dimension's source's `checked` line, after its `url` line.
    let at = text.find(&format!("\nid = \"{dimension}\"\n")).unwrap();
    let at = at + text[at..].find(&format!("url = \"{url}\"\n")).unwrap();
    let at = at + text[at..].find(&format!("checked = \"{checked}\"")).unwrap();
    let old = format!("checked = \"{checked}\"");
    let edited = format!("{}checked = \"2026-12-05\"{}", &text[..at], &text[at + old.len()..]);
    std::fs::write(&data, edited).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("the source <{url}> checked {checked} then, 2026-12-05 now")), "{dimension}: {out}");
    // The team's folder and the pairwise file gone: both records broken.
    std::fs::remove_dir_all(&team).unwrap();
    std::fs::remove_file(repo.path().join("pairs.toml")).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("broken: 0001 With a team") && out.contains("its team file team is not there"), "{out}");
    assert!(out.contains("broken: 0002 With pairs") && out.contains("its pairwise file pairs.toml is not there"));
}

/// `--record` wants a record with an inputs block, and is the explorer's: with a command or a weighting
/// flag it is a usage error.
#[test]
fn record_flag_errors() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "T"]);
    std::fs::write(repo.path().join("plain.md"), "# Notes\n").unwrap();
    let run = |args: &[&str]| {
        let output = repo.run(args);
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, stderr) = run(&["--record", "plain.md"]);
    assert!(code == Some(1) && stderr.contains("--record plain.md: it has no \"versus inputs\" block"), "{stderr}");
    let (code, _) = run(&["--record", path.to_str().unwrap(), "--preset", "ml-api"]);
    assert_eq!(code, Some(2));
    let (code, stderr) = run(&["--record", path.to_str().unwrap(), "report"]);
    assert!(code == Some(2) && stderr.contains("--record apply to the explorer"), "{stderr}");
    std::fs::write(&path, read(&path).replace("samples = 10000", "samples = \"x\"")).unwrap();
    let (code, stderr) = run(&["--record", path.to_str().unwrap()]);
    let line = read(&path).lines().position(|l| l.starts_with("samples")).unwrap() + 1;
    assert!(code == Some(1) && stderr.contains(&format!(":{line}:")), "{stderr}");
}

/// A dataset the config names (no --data) is the one the record names, so that revisit finds it.
#[test]
fn a_record_names_the_configs_dataset() {
    let repo = Repo::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/three-options.toml");
    std::fs::copy(fixture, repo.path().join("config/three.toml")).unwrap();
    std::fs::write(repo.path().join("config/config.toml"), "dataset = \"three.toml\"\n").unwrap();
    let path = repo.run(&["record", "--title", "T"]);
    assert!(path.status.success(), "{}", String::from_utf8_lossy(&path.stderr));
    let text = read(&repo.path().join("docs/decisions/0001-t.md"));
    assert!(
        text.contains("title = \"Go vs Rust vs Zig for a CLI tool\"\n") && text.contains("three.toml\"\n"),
        "{text}"
    );
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("holds: 0001 T"), "{out}");
}

/// A preset the record names that gains a must-have since: revisit weighs the preset as it is now, must-haves
/// included, and says what it requires now.
#[test]
fn a_presets_new_must_have_is_weighed_again() {
    let repo = Repo::new();
    repo.record(&["--preset", "realtime-chat", "--title", "Chat"]);
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    let data = repo.path().join("data.toml");
    let text = read(&data);
    let line = "weights = { realtime = 10, io-concurrency = 9, full-stack = 6";
    assert!(text.contains(line), "the realtime-chat preset's weights");
    // Node.js rates the ML ecosystem 3: at least 9 leaves Python the only option.
    std::fs::write(&data, text.replacen(line, &format!("requirements = {{ ml-ecosystem = 9 }}\n{line}"), 1)).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.starts_with("changed: 0001"), "{out}");
    assert!(out.contains("now requires ml-ecosystem>=9 (recorded: none)"), "{out}");
}

/// `--record` takes its weighting from the record: a must-have given with it is a usage error, as a weight
/// is, not silently dropped; and the weight spread is not a flag of commands that do not sample.
#[test]
fn record_in_the_explorer_refuses_a_must_have_and_spread_applies_only_where_drawn() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "T"]);
    let output = repo.run(&["--record", path.to_str().unwrap(), "--require", "realtime>=9"]);
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    for args in [&["--weight-spread", "3", "revisit"][..], &["profile", "save", "H", "--weight-spread", "3"]] {
        let output = repo.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("--weight-spread sets how the sure share is drawn"));
    }
}

/// A review date that is not a date makes the record broken, with its place, rather than compared as text;
/// a record kept with CRLF line ends reads, and is marked superseded, as one with LF.
#[test]
fn a_bad_review_date_is_broken_and_crlf_records_read() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "T", "--review-by", "2027-01-01"]);
    let text = read(&path);
    for bad in ["01.01.2099", "soon", "2027-6-1", "2020-13-01"] {
        std::fs::write(&path, text.replace("review-by: 2027-01-01", &format!("review-by: {bad}"))).unwrap();
        let (code, out) = repo.revisit(&[]);
        assert_eq!(code, Some(1), "{bad}: {out}");
        assert!(out.starts_with("broken: 0001") && out.contains(&format!("review-by `{bad}` is not a date")), "{out}");
        assert!(out.contains("0001-t.md:4:1:"), "{out}");
    }
    std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("holds: 0001 T"), "{out}");
    repo.record(&["--title", "Next", "--supersedes", "1"]);
    let marked = read(&path);
    assert!(marked.contains("status: \"superseded by 0002\"\r\n") && !marked.replace("\r\n", "").contains('\n'));
}

/// Values versus never writes, edited into the inputs block by hand, make the record broken with their
/// place rather than a verdict on nonsense.
#[test]
fn implausible_inputs_are_broken_with_their_place() {
    let repo = Repo::new();
    let path = repo.record(&["--title", "T", "--require", "cpu-bound>=5"]);
    let text = read(&path);
    for (from, to, said) in [
        ("samples = 10000", "samples = 0", "samples must be at least 1"),
        ("weight_spread = 1", "weight_spread = 9", "weight_spread 9 is off its 0-3 scale"),
        ("cpu-bound = 5\n", "cpu-bound = 11\n", "requirements: cpu-bound = 11 is off the 0-10 scale"),
    ] {
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let (code, out) = repo.revisit(&[]);
        assert_eq!(code, Some(1), "{to}: {out}");
        assert!(out.starts_with("broken: 0001") && out.contains(said), "{to}: {out}");
        assert!(out.contains("0001-t.md:"), "{out}");
    }
}

/// A blank title takes the default title, as an empty one does in `E`, rather than an empty heading.
#[test]
fn a_blank_title_takes_the_default() {
    let repo = Repo::new();
    let text = read(&repo.record(&["--title", "   "]));
    let heading = text.lines().find(|l| l.starts_with("# ")).unwrap();
    assert_eq!(heading, "# Choose Node.js (Node.js vs Python for server-side web development)");
}

/// `--supersedes` of a record superseded already, or of a number two records share, is refused before
/// anything is written: versus never rewrites which record supersedes which.
#[test]
fn superseding_twice_or_an_ambiguous_number_is_refused() {
    let repo = Repo::new();
    repo.record(&["--title", "One"]);
    repo.record(&["--title", "Two", "--supersedes", "1"]);
    let output = repo.run(&["record", "--data", "data.toml", "--title", "Three", "--supersedes", "1"]);
    assert_ne!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("0001-one.md is already superseded by 0002"), "{said}");
    let decisions = repo.path().join("docs/decisions");
    assert_eq!(std::fs::read_dir(&decisions).unwrap().count(), 2, "nothing written");
    // Two records numbered 0002, as after two branches merge.
    std::fs::copy(decisions.join("0002-two.md"), decisions.join("0002-other.md")).unwrap();
    let output = repo.run(&["record", "--data", "data.toml", "--title", "Four", "--supersedes", "2"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("has 2 records numbered 0002 (0002-other.md, 0002-two.md)"), "{said}");
}

/// `diff` names a preset's edits (a weight, a must-have), which change the decisions made with it as a
/// rating does.
#[test]
fn diff_names_a_presets_edits() {
    let repo = Repo::new();
    let old = repo.path().join("data.toml");
    let text = read(&old);
    let line = "weights = { realtime = 10, io-concurrency = 9, full-stack = 6";
    let edited = text.replacen(line, &format!("requirements = {{ ml-ecosystem = 8 }}\n{line}, ml-ecosystem = 8"), 1);
    std::fs::write(repo.path().join("new.toml"), edited).unwrap();
    let output = repo.run(&["diff", "data.toml", "new.toml", "--presets"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("What changed: 2 changes\n"), "{out}");
    assert!(out.contains("preset Real-time chat / collaboration: weighs ML and AI ecosystem 0 -> 8"), "{out}");
    assert!(out.contains("requires ML and AI ecosystem none -> at least 8"), "{out}");
    assert!(out.contains("Real-time chat / collaboration: the leader changes"), "{out}");
}

/// A retired record is listed, not evaluated, but still names its option as the dataset does.
#[test]
fn a_retired_record_names_its_option() {
    let repo = Repo::new();
    repo.record(&["--title", "A"]);
    repo.record(&["--title", "B", "--supersedes", "1"]);
    let (code, out) = repo.revisit(&["--format", "markdown"]);
    assert_eq!(code, Some(0), "{out}");
    let retired = out.lines().find(|l| l.starts_with("| retired | 0001 A")).unwrap_or_else(|| panic!("{out}"));
    // Whichever leads at the defaults, by its name, not its id.
    assert!(retired.contains("| Node.js ") || retired.contains("| Python "), "{retired}");
    assert!(!retired.contains("| node ") && !retired.contains("| python "), "{retired}");
}

/// `--context-file -` reads the problem statement from standard input, and the reproduce command gives
/// the text itself (standard input is gone by then); a review date already past is written, with a
/// warning that `revisit` will report the record due.
#[test]
fn the_context_comes_from_standard_input_and_a_past_review_date_is_warned_of() {
    use std::io::Write as _;
    use std::process::Stdio;
    let repo = Repo::new();
    let mut child = repo
        .command()
        .args(["record", "--data", "data.toml", "--context-file", "-", "--review-by", "2020-01-01"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Piped in.\nTwo lines.\n").unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("--review-by 2020-01-01 has passed"), "{stderr}");
    let text = read(&repo.path().join(String::from_utf8(output.stdout).unwrap().trim_end()));
    assert!(section(&text, "Context and Problem Statement").starts_with("Piped in.\nTwo lines.\n"), "{text}");
    assert!(!text.contains("--context-file"), "{text}");
    assert!(text.contains("--context=\"$(printf 'Piped in.\\012Two lines.\\012')\""), "{text}");
    let (code, out) = repo.revisit(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("its review date 2020-01-01 has passed"), "{out}");
    // A date ahead says nothing.
    let ahead = repo.run(&["record", "--data", "data.toml", "--review-by", "2999-01-01"]);
    assert!(!String::from_utf8_lossy(&ahead.stderr).contains("has passed"));
}

/// The text under the heading `## NAME` (or `### NAME`), up to the next heading.
fn part<'a>(record: &'a str, name: &str) -> &'a str {
    let start = record.find(&format!("# {name}\n")).unwrap_or_else(|| panic!("no section {name}: {record}"));
    let body = &record[start..];
    let body = body[body.find('\n').unwrap() + 1..].trim_start_matches('\n');
    body.find("\n#").map_or(body, |end| &body[..end])
}

/// `versus ARGS` in `repo`, its standard output; it must succeed.
fn output_of(repo: &Repo, args: &[&str]) -> String {
    let output = repo.run(args);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The text report's must-have sentences, unwrapped: what the record must say too.
fn text_must_haves(report: &str) -> Vec<String> {
    let start = report.find("Must-haves (an option rated below one cannot be recommended):\n").unwrap();
    let block = report[start..].split("\n\n").next().unwrap();
    let mut sentences: Vec<String> = Vec::new();
    for line in block.lines().skip(1) {
        match line.strip_prefix("    ") {
            Some(more) => {
                let sentence = sentences.last_mut().unwrap();
                sentence.push(' ');
                sentence.push_str(more);
            }
            None => sentences.push(line.trim().to_owned()),
        }
    }
    sentences
}

/// Only one option meets the must-haves: the record says which must-have and who fails it, names it a
/// driver, lists the weights as drivers (not "nothing is weighted") and each option's pros and cons.
#[test]
fn a_record_with_one_option_left_names_the_must_have_and_weighs_every_option() {
    let repo = Repo::new();
    let args = ["report", "--data", "data.toml", "--require", "realtime>=8"];
    let text = output_of(&repo, &args);
    let record = output_of(&repo, &[&args[..], &["--format", "madr"]].concat());
    let must_haves = text_must_haves(&text);
    assert_eq!(must_haves, vec!["Real-time and WebSockets at least 8: Python (rated 7, 1 short) fails it."]);
    assert!(part(&record, "Context and Problem Statement").contains(&format!("* {}\n", must_haves[0])), "{record}");
    let drivers = part(&record, "Decision Drivers");
    assert!(drivers.starts_with(&format!("* The must-have {}\n", must_haves[0])), "{drivers}");
    assert!(!drivers.contains("Nothing is weighted"), "every weight is set: {drivers}");
    // The highest default weight is I/O concurrency model's 6.
    assert!(drivers.contains("* I/O concurrency model: weight 6 of 10\n"), "{drivers}");
    assert!(part(&record, "Decision Outcome").contains("the only option which meets the k.o. criteria"));
    for (option, realtime) in [("Node.js", 9), ("Python", 7)] {
        let pros = part(&record, option);
        assert!(pros.contains(&format!("* Real-time and WebSockets, rated {realtime} of 10")), "{option}: {pros}");
        assert!(pros.contains("* I/O concurrency model, rated"), "{option}: {pros}");
    }
    let consequences = part(&record, "Consequences");
    assert!(consequences.contains("Node.js rates 9 against 7 on Real-time and WebSockets"), "{consequences}");
    // `versus record` writes the same, and keeps the must-have's evidence for revisit.
    let path = repo.record(&["--title", "Realtime", "--require", "realtime>=8"]);
    let written = read(&path);
    assert!(part(&written, "Decision Drivers").starts_with(&format!("* The must-have {}\n", must_haves[0])));
    let inputs = decision::parse("0001", "0001-x.md", &written).inputs.unwrap().unwrap();
    assert_eq!(inputs.evidence["realtime"]["python"][0], 7, "{written}");
}

/// An option that scores highest but fails a must-have: the record names the must-have, as a driver,
/// and says in its outcome that the top scorer cannot be chosen and why; a must-have failed only by an
/// option that trails anyway lists in the context but drives nothing.
#[test]
fn a_record_says_when_a_must_have_rules_out_the_top_scorer() {
    let repo = Repo::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/three-options.toml");
    let data = data.to_str().unwrap();
    let report =
        |extra: &[&str]| output_of(&repo, &[&["--data", data, "report", "--preset", "long-lived"], extra].concat());
    let json = |extra: &[&str]| -> serde_json::Value {
        serde_json::from_str(&report(&[extra, &["--format", "json"]].concat())).unwrap()
    };
    // Without the must-have Rust leads; Build speed at least 7 rules it out (rated 4) and Go leads.
    assert_eq!(json(&[])["recommendation"]["option"], "rust");
    let required = json(&["--require", "build-speed>=7"]);
    assert_eq!(required["recommendation"]["option"], "go");
    let score = |id: &str| {
        let options = required["options"].as_array().unwrap();
        format!("{:.1}", options.iter().find(|o| o["id"] == id).unwrap()["score"].as_f64().unwrap())
    };
    let must_haves = text_must_haves(&report(&["--require", "build-speed>=7"]));
    assert_eq!(must_haves, vec!["Build speed at least 7: Rust (rated 4, 3 short) fails it."]);
    let record = report(&["--require", "build-speed>=7", "--format", "madr"]);
    assert!(part(&record, "Context and Problem Statement").contains(&format!("* {}\n", must_haves[0])), "{record}");
    let drivers = part(&record, "Decision Drivers");
    assert!(drivers.starts_with(&format!("* The must-have {}\n", must_haves[0])), "{drivers}");
    let outcome = part(&record, "Decision Outcome");
    assert!(outcome.starts_with("Chosen option: \"Go\""), "{outcome}");
    let ruled_out = format!(
        "Rust scores {} against Go's {}, but cannot be chosen: Rust fails Build speed (rated 4, needs 7: 3 short).",
        score("rust"),
        score("go")
    );
    assert!(outcome.contains(&ruled_out), "{ruled_out}\n{outcome}");
    assert!(part(&record, "Rust").contains("* Build speed, rated 4 of 10"), "{record}");

    // Zig (ecosystem 3) trails anyway: the must-have is in force and said, but decides nothing.
    let record = report(&["--require", "ecosystem>=5", "--format", "madr"]);
    assert!(
        part(&record, "Context and Problem Statement")
            .contains("* Library ecosystem at least 5: Zig (rated 3, 2 short) fails it.\n"),
        "{record}"
    );
    assert!(!part(&record, "Decision Drivers").contains("must-have"), "{record}");
    assert!(!part(&record, "Decision Outcome").contains("cannot be chosen"), "{record}");
    // Without must-haves the record has none of this.
    let plain = report(&["--format", "madr"]);
    assert!(!plain.contains("must-have") && !plain.contains("Must-haves"), "{plain}");
}

/// Every option fails a must-have: the record lists who fails what and by how much, and says, as the
/// text report does, that no weighting can change it (not that it needs other weights).
#[test]
fn a_record_where_every_option_fails_says_no_weighting_changes_it() {
    let repo = Repo::new();
    let args = ["report", "--data", "data.toml", "--require", "realtime>=8", "--require", "ml-ecosystem>=9"];
    let text = output_of(&repo, &args);
    let record = output_of(&repo, &[&args[..], &["--format", "madr"]].concat());
    let no_weighting = "No weighting can change it: no option meets every requirement.";
    assert!(text.contains(no_weighting), "{text}");
    let must_haves = text_must_haves(&text);
    assert_eq!(must_haves.len(), 3, "two must-haves and the nearest: {must_haves:?}");
    assert!(must_haves[2].contains("the nearest: Python fails Real-time and WebSockets (rated 7, needs 8: 1 short)"));
    let context = part(&record, "Context and Problem Statement");
    let outcome = part(&record, "Decision Outcome");
    for sentence in &must_haves {
        assert!(context.contains(&format!("* {sentence}\n")), "{sentence}\n{context}");
        assert!(outcome.contains(sentence.as_str()), "{sentence}\n{outcome}");
    }
    assert!(outcome.starts_with("No option is chosen:") && outcome.contains(no_weighting), "{outcome}");
    assert!(!outcome.contains("needs other weights"), "{outcome}");
    let drivers = part(&record, "Decision Drivers");
    for sentence in &must_haves[..2] {
        assert!(drivers.contains(&format!("* The must-have {sentence}\n")), "{drivers}");
    }
    assert!(!drivers.contains("Nothing is weighted"), "{drivers}");
    assert!(part(&record, "Node.js").contains("* ML and AI ecosystem, rated 3 of 10"), "{record}");
}
