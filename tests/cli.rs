//! The real binary: exit codes, messages and outputs of each command.

mod support;
use support::command_in;

use std::process::{Command, Output};

use versus::engine::data::sanitize::is_forbidden;

/// An empty config directory of this test's own, so the user's real config never leaks in; its name
/// starts with `name`. It is removed when dropped.
fn config_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(name).tempdir().unwrap()
}

fn versus_in(dir: &std::path::Path, args: &[&str]) -> Output {
    command_in(dir, args).output().expect("the binary runs")
}

/// Runs versus with an empty config directory.
fn versus(args: &[&str]) -> Output {
    versus_in(config_dir("empty").path(), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs `args`, expecting failure, and returns standard error.
fn fails(args: &[&str]) -> String {
    let output = versus(args);
    assert_eq!(output.status.code(), Some(1), "{args:?} should exit 1; stdout: {}", stdout(&output));
    assert!(output.stdout.is_empty(), "{args:?} printed to stdout on failure");
    stderr(&output)
}

#[test]
fn report_prints_the_recommendation() {
    let output = versus(&["report"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Node.js vs Python for server-side web development\n"), "{text}");
    assert!(text.contains("Weights: defaults."));
}

#[test]
fn overrides_apply_after_the_preset() {
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout(&versus(args))).unwrap() };
    let preset = json(&["report", "--preset", "realtime-chat", "--format", "json"]);
    let changed = json(&["report", "--preset", "realtime-chat", "--weight", "ml-ecosystem=10", "--format", "json"]);
    assert_eq!(changed["weights"]["ml-ecosystem"], 10);
    assert_eq!(changed["preset"], "realtime-chat");
    assert_eq!(changed["modified"], true);
    assert_eq!(preset["modified"], false);
    assert_ne!(preset["options"], changed["options"]);
}

#[test]
fn bad_weights_and_presets_are_named() {
    assert_eq!(
        fails(&["report", "--weight", "ml-ecosystem=11"]),
        "versus: --weight ml-ecosystem=11: the weight must be a whole number from 0 to 10\n"
    );
    assert_eq!(
        fails(&["report", "--weight", "ml-ecosytem=9"]),
        "versus: --weight ml-ecosytem=9: unknown dimension `ml-ecosytem` (did you mean `ml-ecosystem`?)\n"
    );
    assert!(fails(&["report", "--weight", "typing"]).contains("expected DIMENSION=N"));
    let message = fails(&["report", "--preset", "realtime"]);
    let expected =
        "versus: unknown preset `realtime` (did you mean `realtime-chat`?); the presets are: realtime-chat, ";
    assert!(message.starts_with(expected), "{message}");
}

#[test]
fn a_bad_data_file_is_reported_with_its_position() {
    let message = fails(&["--data", "tests/data/malformed/rating-out-of-range.toml", "report"]);
    assert_eq!(
        message,
        "tests/data/malformed/rating-out-of-range.toml:63:10: dimensions.ratings.rating: 11 is out of range (expected 0 to 10)\n"
    );
}

#[test]
fn a_schema_1_file_still_loads_and_says_how_to_update_it() {
    let output = versus(&["check", "tests/data/schema-1.toml"]);
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("tests/data/schema-1.toml: ok (3 options"));
    let advice = stderr(&output);
    assert!(
        advice.starts_with("versus: tests/data/schema-1.toml: schema 1 is still read, but is out of date"),
        "{advice}"
    );
    assert!(advice.contains("replace `date` with `checked`") && advice.contains("`published`"), "{advice}");

    let output = versus(&["--data", "tests/data/schema-1.toml", "list", "dimensions", "--format", "json"]);
    assert!(output.status.success());
    assert!(stderr(&output).contains("schema 1 is still read"));
    let listing: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let source = &listing[0]["sources"][0];
    assert_eq!(source["checked"], "2026-01-01", "a schema-1 `date` is read as `checked`: {source}");
    assert!(source["published"].is_null());
}

#[test]
fn check_reports_every_file() {
    let output = versus(&["check", "tests/data/three-options.toml", "tests/data/malformed/bad-date.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "tests/data/three-options.toml: ok (3 options, 3 dimensions, 2 presets, 1 claim, 0 questions)\n"
    );
    assert_eq!(
        stderr(&output),
        "tests/data/malformed/bad-date.toml:4:9: meta.as_of: `25/11/2026` is not a date of the form YYYY-MM-DD\n\
         versus: 1 of 2 files has problems\n"
    );
    assert!(versus(&["check", "tests/data/three-options.toml"]).status.success());
}

#[test]
fn lists_and_search_as_json() {
    let claims: serde_json::Value =
        serde_json::from_str(&stdout(&versus(&["list", "claims", "--format", "json"]))).unwrap();
    let claims = claims.as_array().unwrap();
    assert_eq!(claims.len(), 23);
    for key in ["id", "claim", "verdict", "explanation", "dimensions", "sources"] {
        assert!(claims[0].get(key).is_some(), "claims lack {key}");
    }
    let presets: serde_json::Value =
        serde_json::from_str(&stdout(&versus(&["list", "presets", "--format", "json"]))).unwrap();
    for key in ["id", "name", "description", "weights"] {
        assert!(presets[0].get(key).is_some(), "presets lack {key}");
    }
    let hits: serde_json::Value =
        serde_json::from_str(&stdout(&versus(&["search", "websocket", "--format", "json"]))).unwrap();
    assert_eq!(hits[0]["id"], "realtime");
    for key in ["id", "name", "score", "positions"] {
        assert!(hits[0].get(key).is_some(), "search hits lack {key}");
    }
}

#[test]
fn a_three_option_dataset_works_everywhere() {
    let output = versus(&["--data", "tests/data/three-options.toml", "report", "--preset", "long-lived"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("Rust leads Go by 11.1 points"));
}

/// Scripts get each dimension's short name (null where there is none) and the reason for its default.
#[test]
fn list_dimensions_as_json_gives_short_names_and_the_defaults_reasons() {
    let output = versus(&["list", "dimensions", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let dataset = versus::engine::data::Dataset::builtin();
    let listed = json.as_array().unwrap();
    assert_eq!(listed.len(), dataset.dimensions.len());
    for (entry, dimension) in listed.iter().zip(&dataset.dimensions) {
        assert_eq!(entry["short"].as_str(), dimension.short.as_deref(), "{}", dimension.id);
        assert_eq!(entry["weight_reason"].as_str(), dimension.weight_reason.as_deref(), "{}", dimension.id);
    }
    assert!(listed.iter().any(|entry| entry["short"].is_string()), "the built-in data has short names");
}

#[test]
fn no_output_carries_a_control_or_bidi_character_from_the_data() {
    let data = ["--data", "tests/data/hostile.toml"];
    let commands: &[&[&str]] = &[
        &["report"],
        &["report", "--format", "markdown"],
        &["report", "--format", "json"],
        &["list", "dimensions"],
        &["list", "dimensions", "--format", "json"],
        &["list", "presets"],
        &["list", "presets", "--format", "json"],
        &["list", "claims"],
        &["list", "claims", "--format", "json"],
        &["search", "build"],
        &["search", "build", "--format", "json"],
    ];
    for command in commands {
        let args: Vec<&str> = data.iter().chain(command.iter()).copied().collect();
        let output = versus(&args);
        assert!(output.status.success(), "{command:?}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(!text.chars().any(|c| c != '\n' && is_forbidden(c)), "{command:?} leaked a control character");
        assert!(!text.contains("\\u001b") && !text.contains("\\u202e"), "{command:?} leaked an escaped control");
        assert!(text.contains("Go") || !command.contains(&"report"));
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let scratch = config_dir("closed-pipe");
    let mut child =
        command_in(scratch.path(), &["list", "claims"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take()); // the reader goes away before versus writes
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(status.success(), "exit {status}: {err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn profiles_from_the_config_directory_drive_report_and_list() {
    let scratch = config_dir("profiles");
    let dir = scratch.path();
    let title = "Node.js vs Python for server-side web development";
    std::fs::write(
        dir.join("profiles.toml"),
        format!("[[profile]]\ndataset = \"{title}\"\nname = \"ml heavy\"\n[profile.weights]\nml-ecosystem = 10\nquantum = 3\n"),
    )
    .unwrap();
    let output = versus_in(dir, &["report", "--profile", "ml heavy", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["weights"]["ml-ecosystem"], 10);
    assert!(stderr(&output).contains("ignored: quantum"), "unknown dimensions are a warning: {}", stderr(&output));
    let listed = stdout(&versus_in(dir, &["list", "profiles"]));
    assert!(listed.starts_with("ml heavy\n"), "{listed}");
    let message = stderr(&versus_in(dir, &["report", "--profile", "ml hevy"]));
    assert!(message.contains("no saved profile `ml hevy` for this dataset (did you mean `ml heavy`?)"), "{message}");
    assert_eq!(
        versus_in(dir, &["report", "--profile", "x", "--preset", "ml-api"]).status.code(),
        Some(2),
        "one or the other"
    );
}

#[test]
fn nothing_from_a_profile_or_an_argument_reaches_the_terminal_raw() {
    let scratch = config_dir("hostile-profile");
    let dir = scratch.path();
    let title = "Node.js vs Python for server-side web development";
    let hostile = "\\u001b]0;owned\\u0007\\u202e\\u009b2J";
    std::fs::write(
        dir.join("profiles.toml"),
        format!("[[profile]]\ndataset = \"{title}\"\nname = \"n{hostile}\"\n[profile.weights]\n\"k{hostile}\" = 3\n"),
    )
    .unwrap();
    for args in [&["list", "profiles"][..], &["list", "profiles", "--format", "json"], &["report", "--profile", "n"]] {
        let output = versus_in(dir, args);
        for text in [stdout(&output), stderr(&output)] {
            assert!(!text.chars().any(|c| c != '\n' && is_forbidden(c)), "{args:?}: {text:?}");
        }
    }
    let listed = stdout(&versus_in(dir, &["list", "profiles"]));
    assert!(listed.contains("k]0;owned2J"), "the id is shown, cleaned: {listed}");
    // clap quotes a bad argument back; it is cleaned too, and the exit status is still clap's.
    for args in [&["list", "\u{1b}]0;x\u{7}"][..], &["--\u{202e}nope"], &["report", "--format", "\u{9b}2J"]] {
        let output = versus(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&output).chars().any(|c| c != '\n' && is_forbidden(c)), "{args:?}: {:?}", stderr(&output));
    }
    assert!(versus(&["--help"]).status.success(), "help is not an error");
    assert!(stdout(&versus(&["--version"])).starts_with("versus "));
}

#[test]
fn a_bad_config_is_reported_and_the_defaults_apply() {
    let scratch = config_dir("bad-config");
    let dir = scratch.path();
    std::fs::write(dir.join("config.toml"), "theme = \"dark\"\nmose = false\n").unwrap();
    let output = versus_in(dir, &["report"]);
    assert!(output.status.success());
    let message = stderr(&output);
    // Set aside, not stopped: a warning, in its place.
    assert!(message.contains("config.toml:2:1: warning: unknown field `mose`"), "{message}");
    assert!(message.contains("did you mean `mouse`"), "{message}");
    let path = stdout(&versus_in(dir, &["config", "path"]));
    assert!(path.contains("set aside, running on the defaults"), "{path}");
}

#[test]
fn the_config_default_preset_applies_and_the_command_line_wins() {
    let scratch = config_dir("default-preset");
    let dir = scratch.path();
    std::fs::write(dir.join("config.toml"), "preset = \"ml-api\"\n").unwrap();
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout(&versus_in(dir, args))).unwrap() };
    assert_eq!(json(&["report", "--format", "json"])["preset"], "ml-api");
    assert_eq!(json(&["report", "--preset", "crud-admin", "--format", "json"])["preset"], "crud-admin");
}

#[test]
fn config_default_parses_back_and_config_path_names_the_directory() {
    let scratch = config_dir("default-config");
    let dir = scratch.path();
    let text = stdout(&versus_in(dir, &["config", "default"]));
    std::fs::write(dir.join("config.toml"), &text).unwrap();
    let path = stdout(&versus_in(dir, &["config", "path"]));
    assert!(path.starts_with(&format!("config directory: {}\n", dir.display())), "{path}");
    assert!(path.contains("config: loaded "), "{path}");
}

#[test]
fn a_large_dataset_answers_the_same_from_the_cache_and_an_edit_is_seen() {
    let (cached, uncached) = (config_dir("cached"), config_dir("uncached"));
    let (dir, uncached) = (cached.path(), uncached.path());
    // A file where the cache directory would be: every run there parses.
    std::fs::write(uncached.join("cache"), "not a directory").unwrap();
    let data = dir.join("large.toml");
    let write = |seed| {
        let text = versus::synthetic::to_toml(&versus::synthetic::dataset(700, 2, seed));
        assert!(text.len() >= versus::shell::cache::MIN_CACHED_BYTES, "{} bytes is too small to be cached", text.len());
        std::fs::write(&data, text).unwrap();
    };
    let answers = |dir: &std::path::Path| {
        let path = data.to_str().unwrap();
        let search = versus_in(dir, &["--data", path, "search", "--format", "json", "stable thread"]);
        let report = versus_in(dir, &["--data", path, "report", "--format", "json"]);
        assert!(search.status.success() && report.status.success(), "{}", stderr(&search));
        (stdout(&search), stdout(&report))
    };
    write(1);
    let parsed = answers(uncached);
    assert_eq!(answers(dir), parsed, "the first run, which writes the entry");
    assert_eq!(std::fs::read_dir(dir.join("cache")).unwrap().count(), 1, "one entry per dataset file");
    assert_eq!(answers(dir), parsed, "from the cache");
    write(2);
    let edited = answers(dir);
    assert_ne!(edited, parsed);
    assert_eq!(edited, answers(uncached), "the edited file, not the cached answer");
    let path = stdout(&versus_in(dir, &["config", "path"]));
    assert!(path.contains(&format!("cache: {}", dir.join("cache").display())), "{path}");
}

#[test]
fn config_path_keeps_each_path_on_its_line() {
    let scratch = config_dir("line\nbreak");
    let dir = scratch.path();
    let path = stdout(&versus_in(dir, &["config", "path"]));
    assert_eq!(path.lines().count(), 5, "{path}");
}

#[test]
fn a_flag_where_it_means_nothing_is_a_usage_error() {
    for args in [
        &["--no-mouse", "report"][..],
        &["--no-color", "list", "dimensions"],
        &["report", "--no-mouse"],
        &["--preset", "ml-api", "list", "dimensions"],
        &["--weight", "cpu-bound=3", "search", "thread"],
    ] {
        let output = versus(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("error: ") && message.contains("Usage:"), "{args:?}: {message}");
    }
}

#[test]
fn the_copied_command_line_reproduces_the_weights_even_for_ids_that_look_like_flags() {
    let scratch = config_dir("odd-ids");
    let mut dataset = versus::synthetic::dataset(4, 2, 1);
    dataset.dimensions[0].id = "--data".into();
    dataset.dimensions[1].id = "-x".into();
    let data = scratch.path().join("it's $HOME.toml");
    std::fs::write(&data, versus::synthetic::to_toml(&dataset)).unwrap();
    let mut weighting = versus::engine::weights::Weighting::defaults(&dataset);
    weighting.weights[0] = 9;
    weighting.weights[1] = 0;
    let line = weighting.command_line(&dataset, Some(&data.display().to_string()));
    assert!(line.starts_with("versus report --data="), "{line}");
    let line = line.replacen("versus", env!("CARGO_BIN_EXE_versus"), 1);
    let output = Command::new("sh")
        .args(["-c", &format!("{line} --format json")])
        .current_dir(scratch.path())
        .env("VERSUS_CONFIG_DIR", scratch.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{line}: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    for (dimension, weight) in dataset.dimensions.iter().zip(&weighting.weights) {
        assert_eq!(json["weights"][&dimension.id], u64::from(*weight), "{}", dimension.id);
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = versus(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        assert!(stdout(&output).contains("versus"), "{shell}");
    }
    // fish asks versus for the ids too.
    let fish = stdout(&versus(&["completions", "fish"]));
    for what in ["presets", "profiles", "questions", "dimensions"] {
        assert!(fish.contains(&format!("(versus list {what} --format ids")), "{what}: {fish}");
    }
    assert!(fish.contains(
        "-l require -x -a \"(versus list dimensions --format ids 2>/dev/null | string replace -r '$' '>=')\""
    ));
    let man = stdout(&versus(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH versus 1"), "{man}");
}

/// What bash's completion of `versus` offers for the command line `line` (the cursor at its end), with the
/// config in `dir`.
fn bash_completes(dir: &std::path::Path, line: &str) -> Vec<String> {
    let script = stdout(&versus_in(dir, &["completions", "bash"]));
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_versus")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    // bash splits the line into words as it would, = included.
    let driver = format!(
        "{script}\nCOMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n\
         COMP_WORDBREAKS=$' \\t\\n\"'\"'\"'><=;|&(:'\n\
         read -ra COMP_WORDS <<< \"${{COMP_LINE//=/ = }}\"\n\
         [[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n\
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
         _versus_with_ids versus\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &driver])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path)
        .env("VERSUS_CONFIG_DIR", dir)
        .env("VERSUS_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// Runs `script` with `shell`'s `args` with versus on the PATH and the config in `dir`; none when the shell
/// is not installed (CI installs zsh and elvish: see `.ci/run`).
fn run_shell(shell: &str, args: &[&str], script: &str, dir: &std::path::Path) -> Option<Vec<String>> {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_versus")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let file = dir.join(format!("completion.{shell}"));
    std::fs::write(&file, script).unwrap();
    let run = Command::new(shell)
        .args(args)
        .arg(&file)
        .env("PATH", path)
        .env("VERSUS_CONFIG_DIR", dir)
        .env("VERSUS_CACHE_DIR", dir.join("cache"))
        .output();
    let Ok(output) = run else {
        eprintln!("{shell} is not installed: its completion is not tested here");
        return None;
    };
    assert!(output.status.success(), "{shell}: {}", stderr(&output));
    Some(stdout(&output).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect())
}

/// zsh's and elvish's scripts ask versus for the ids as bash's do. zsh's completion system needs a terminal,
/// so its `compadd` is stood in for by one that prints what it is given; elvish's editor is stood in for
/// by a map of completers, the script's own code unchanged.
#[test]
fn zsh_and_elvish_completion_offer_the_datasets_ids() {
    let dir = config_dir("completion-shells");
    let ids = |what: &str| -> Vec<String> {
        stdout(&versus_in(dir.path(), &["list", what, "--format", "ids"])).lines().map(str::to_owned).collect()
    };
    let (presets, dimensions) = (ids("presets"), ids("dimensions"));
    let with_equals: Vec<String> = dimensions.iter().map(|d| format!("{d}=")).collect();
    let with_at_least: Vec<String> = dimensions.iter().map(|d| format!("{d}>=")).collect();

    let zsh = stdout(&versus_in(dir.path(), &["completions", "zsh"]));
    assert_eq!(zsh.matches(":_versus_ids presets'").count(), zsh.matches("--preset=[").count(), "{zsh}");
    assert!(!zsh.contains(":QUESTION=ANSWER:_default"));
    assert_eq!(zsh.matches(":_versus_ids requirements'").count(), zsh.matches("--require=[").count(), "{zsh}");
    assert!(zsh.matches("--require=[").count() > 0 && !zsh.contains(":ID>=N:_default"), "{zsh}");
    let driver = format!(
        "compadd() {{ [[ $1 == -S ]] && shift 2; [[ $1 == -- ]] && shift; print -rl -- \"$@\" }}\ncompdef() {{ }}\n{zsh}\n\
         words=(versus report --preset ''); _versus_ids presets; print -r -- ---\n\
         words=(versus --data tests/data/schema-1.toml --weight ''); _versus_ids dimensions; print -r -- ---\n\
         words=(versus --weight ''); _versus_ids dimensions; print -r -- ---\n\
         words=(versus report --require ''); _versus_ids requirements\n"
    );
    if let Some(lines) = run_shell("zsh", &["-f"], &driver, dir.path()) {
        let parts: Vec<&[String]> = lines.split(|l| l == "---").collect();
        assert_eq!(parts[0], presets.as_slice());
        let other: Vec<String> = stdout(&versus_in(
            dir.path(),
            &["--data", "tests/data/schema-1.toml", "list", "dimensions", "--format", "ids"],
        ))
        .lines()
        .map(|d| format!("{d}="))
        .collect();
        assert_eq!(parts[1], other.as_slice(), "--data's dataset");
        assert_eq!(parts[2], with_equals.as_slice());
        assert_eq!(parts[3], with_at_least.as_slice(), "--require: each id and >=");
    }

    let elvish = stdout(&versus_in(dir.path(), &["completions", "elvish"]));
    let driver = format!(
        "var completers = [&]\n{}\n\
         $completers[versus] versus report --preset '' | each {{|x| echo $x }}\necho ---\n\
         $completers[versus] versus --weight ml | each {{|x| echo $x }}\necho ---\n\
         $completers[versus] versus report --require '' | each {{|x| echo $x }}\n",
        elvish.replace("edit:completion:arg-completer", "completers")
    );
    if let Some(lines) = run_shell("elvish", &["-norc"], &driver, dir.path()) {
        let parts: Vec<&[String]> = lines.split(|l| l == "---").collect();
        assert_eq!(parts[0], presets.as_slice());
        assert_eq!(parts[1], with_equals.as_slice(), "elvish filters by the prefix itself");
        assert_eq!(parts[2], with_at_least.as_slice(), "--require: each id and >=");
    }
}

#[test]
fn bash_completion_offers_the_datasets_ids_from_versus_list() {
    let dir = config_dir("completion");
    assert!(versus_in(dir.path(), &["profile", "save", "ML team", "--preset", "ml-api"]).status.success());
    let ids = |what: &str| -> Vec<String> {
        stdout(&versus_in(dir.path(), &["list", what, "--format", "ids"])).lines().map(str::to_owned).collect()
    };
    let presets = ids("presets");
    assert!(presets.contains(&"ml-api".to_owned()), "{presets:?}");
    assert_eq!(bash_completes(dir.path(), "versus report --preset "), presets);
    assert_eq!(bash_completes(dir.path(), "versus --preset ml"), ["ml-api"]);
    assert_eq!(bash_completes(dir.path(), "versus report --profile "), ["ML team"]);
    // --answer QUESTION=ANSWER: the questions' answers, and after the = the answers of that question.
    let answers = ids("questions");
    assert!(answers.contains(&"models-in-process=yes".to_owned()), "{answers:?}");
    assert_eq!(bash_completes(dir.path(), "versus report --answer "), answers);
    assert_eq!(bash_completes(dir.path(), "versus report --answer models-in-process="), ["yes", "no"]);
    // --weight ID=N: the dimensions' ids, each ending in = for the weight.
    let weights = bash_completes(dir.path(), "versus report --weight ml");
    assert_eq!(weights, ["ml-ecosystem="]);
    assert_eq!(bash_completes(dir.path(), "versus --weight ").len(), ids("dimensions").len());
    // --require ID>=N: the ids again, each ending in >= for the minimum.
    assert_eq!(bash_completes(dir.path(), "versus report --require ml"), ["ml-ecosystem>="]);
    assert_eq!(bash_completes(dir.path(), "versus --require ").len(), ids("dimensions").len());
    // Anything else is clap's: subcommands.
    assert!(bash_completes(dir.path(), "versus rep").contains(&"report".to_owned()));
}

#[test]
fn pairwise_judgements_give_the_weights_and_their_consistency() {
    let scratch = config_dir("pairwise");
    let file = scratch.path().join("pairs.toml");
    std::fs::write(
        &file,
        "[[pairs]]\nmore = \"ml-ecosystem\"\nless = \"cpu-bound\"\nby = 5\n\
         [[pairs]]\nmore = \"ml-ecosystem\"\nless = \"realtime\"\nby = 7\n\
         [[pairs]]\nmore = \"cpu-bound\"\nless = \"realtime\"\nby = 3\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let output =
        versus_in(scratch.path(), &["report", "--pairwise", path, "--weight", "realtime=0", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let pairwise = &json["pairwise"];
    assert_eq!(pairwise["items"], serde_json::json!(["ml-ecosystem", "cpu-bound", "realtime"]));
    assert!(pairwise["consistency_ratio"].as_f64().unwrap() < 0.10, "{pairwise}");
    assert!(pairwise["lambda_max"].as_f64().unwrap() >= 3.0);
    assert_eq!(pairwise["most_inconsistent"]["more"], "cpu-bound");
    // The largest share becomes 10, the others in proportion; --weight applies after.
    assert_eq!(json["weights"]["ml-ecosystem"], 10);
    assert_eq!(json["weights"]["cpu-bound"], 3);
    assert_eq!(json["weights"]["realtime"], 0);
    let text = stdout(&versus_in(scratch.path(), &["report", "--pairwise", path]));
    assert!(text.contains("Weights from 3 judgements (dimensions): ML and AI ecosystem"), "{text}");
    // A bad file names each problem's place, and nothing is printed to stdout.
    std::fs::write(&file, "[[pairs]]\nmore = \"Data & ML\"\nless = \"cpu-bound\"\nby = 12\n").unwrap();
    let output = versus_in(scratch.path(), &["report", "--pairwise", path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.contains("pairs.toml:3:8: pairs.less: `cpu-bound` mixes dimensions and categories"), "{message}");
    assert!(message.contains("pairs.toml:4:6: pairs.by: 12 is not on Saaty's scale (1 to 9)"), "{message}");
}

#[test]
fn interview_answers_drive_report_and_are_listed() {
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout(&versus(args))).unwrap() };
    let report = json(&["report", "--answer", "models-in-process=yes", "--weight", "cpu-bound=0", "--format", "json"]);
    assert_eq!(report["weights"]["ml-ecosystem"], 10, "the answer's weight");
    assert_eq!(report["weights"]["numeric-data"], 8);
    assert_eq!(report["weights"]["cpu-bound"], 0, "--weight applies after");
    assert_eq!(report["recommendation"]["option"], "python");
    let questions = json(&["list", "questions", "--format", "json"]);
    let first = &questions[0];
    assert_eq!(first["id"], "models-in-process");
    assert!(first["text"].is_string());
    assert_eq!(first["answers"][0]["id"], "yes");
    assert_eq!(first["answers"][0]["weights"]["ml-ecosystem"], 10);
    let message = fails(&["report", "--answer", "models-in-process=maybe"]);
    assert!(
        message.contains("question `models-in-process` has no answer `maybe`; its answers are: yes, no"),
        "{message}"
    );
    let message = fails(&["report", "--answer", "open-connection=many"]);
    assert!(message.contains("(did you mean `open-connections`?)"), "{message}");
}

#[test]
fn list_sources_names_every_source_once_with_whoever_cites_it() {
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout(&versus(args))).unwrap() };
    let sources = json(&["list", "sources", "--format", "json"]);
    let sources = sources.as_array().unwrap();
    // Worked out again from the dimension and claim listings: who cites each URL.
    let mut expected: std::collections::BTreeMap<String, (Vec<String>, Vec<String>)> =
        std::collections::BTreeMap::new();
    for (what, list) in [("dimensions", 0), ("claims", 1)] {
        for item in json(&["list", what, "--format", "json"]).as_array().unwrap() {
            for source in item["sources"].as_array().unwrap() {
                let citing = expected.entry(source["url"].as_str().unwrap().to_owned()).or_default();
                let citing = if list == 0 { &mut citing.0 } else { &mut citing.1 };
                let id = item["id"].as_str().unwrap().to_owned();
                if !citing.contains(&id) {
                    citing.push(id);
                }
            }
        }
    }
    assert_eq!(sources.len(), expected.len(), "each URL once");
    for source in sources {
        let (dimensions, claims) = &expected[source["url"].as_str().unwrap()];
        assert_eq!(&source["dimensions"], &serde_json::json!(dimensions), "{source}");
        assert_eq!(&source["claims"], &serde_json::json!(claims), "{source}");
        assert!(source["checked"].is_string() && source.get("published").is_some(), "{source}");
    }
    let text = stdout(&versus(&["list", "sources"]));
    assert_eq!(text.lines().filter(|line| line.trim_start().starts_with("cited by ")).count(), expected.len());
}

#[test]
fn versus_new_writes_a_starting_file_once_and_check_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("go-vs-rust.toml");
    let path = file.to_str().unwrap();
    let made = versus(&["new", "Go vs Rust", "--option", "go=Go", "--option", "rust=Rust", "--output", path]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(stderr(&made).starts_with(&format!("wrote {path}")));
    let checked = versus(&["check", path]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(stdout(&checked).contains("ok (2 options, 2 dimensions, 1 preset"));
    // A second run must not replace the (by now edited) file.
    std::fs::write(&file, "edited").unwrap();
    let again = versus(&["new", "Other", "--option", "a=A", "--option", "b=B", "--output", path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "edited");
    // Bad options are usage errors that say what was expected.
    let bad = versus(&["new", "T", "--option", "Go=Go", "--option", "rust=Rust"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("option `Go=Go`: expected ID=NAME"), "{}", stderr(&bad));
    assert_eq!(versus(&["new", "T", "--option", "a=A"]).status.code(), Some(2));
}

#[test]
fn search_prints_whole_lines_to_a_pipe_and_finding_nothing_is_status_1() {
    let found = versus(&["search", "cold", "start"]);
    assert!(found.status.success());
    let text = stdout(&found);
    let summary = "How quickly does a function start from cold, and how much memory does it use?";
    assert!(text.lines().any(|l| l.ends_with(summary)), "a pipe gets the whole summary:\n{text}");
    let none = versus(&["search", "zzzq"]);
    assert_eq!(none.status.code(), Some(1), "like grep");
    assert_eq!(stdout(&none), "");
    assert_eq!(stderr(&none), "versus: no dimension matches `zzzq`\n");
    let json = versus(&["search", "zzzq", "--format", "json"]);
    assert_eq!((json.status.code(), stdout(&json).trim()), (Some(1), "[]"));
}

#[test]
fn an_unknown_weight_suggests_the_id_it_is_a_word_of() {
    let message = fails(&["report", "--weight", "ml=3"]);
    assert_eq!(message, "versus: --weight ml=3: unknown dimension `ml` (did you mean `ml-ecosystem`?)\n");
}

#[test]
fn text_listings_cut_nothing_into_a_pipe() {
    let text = stdout(&versus(&["list", "dimensions"]));
    let table: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert!(table.iter().all(|l| !l.contains('…')), "{text}");
    let d = versus::engine::data::Dataset::builtin();
    for dimension in &d.dimensions {
        assert!(table.iter().any(|l| l.contains(dimension.name.as_str())), "{} whole", dimension.name);
    }
    // A name longer than an 80-column table leaves room for.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.toml");
    let starter = stdout(&versus(&["new", "Long", "--option", "a=A", "--option", "b=B"]));
    let long = "Performance under sustained and bursty production load";
    std::fs::write(&file, starter.replace("name = \"Performance\"", &format!("name = \"{long}\""))).unwrap();
    let text = stdout(&versus(&["--data", file.to_str().unwrap(), "list", "dimensions"]));
    assert!(text.contains(long), "{text}");
}

#[test]
fn profiles_are_saved_and_deleted_from_the_command_line_as_the_explorer_does() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| versus_in(dir.path(), args);
    let saved = run(&["profile", "save", "ML team", "--preset", "ml-api", "--weight", "cpu-bound=7"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert!(stderr(&saved).starts_with("saved profile `ML team`"));
    // The profile gives what the flags gave: the same report as with the flags themselves.
    let with_flags = stdout(&run(&["report", "--preset", "ml-api", "--weight", "cpu-bound=7", "--format", "json"]));
    let with_profile = stdout(&run(&["report", "--profile", "ML team", "--format", "json"]));
    let weights = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["weights"].clone();
    assert_eq!(weights(&with_flags), weights(&with_profile));
    // Never replaced without --force.
    let again = run(&["profile", "save", "ML team"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already; --force replaces it"));
    assert_eq!(weights(&stdout(&run(&["report", "--profile", "ML team", "--format", "json"]))), weights(&with_flags));
    assert!(run(&["profile", "save", "ML team", "--force"]).status.success());
    let defaults = stdout(&run(&["report", "--format", "json"]));
    assert_eq!(weights(&stdout(&run(&["report", "--profile", "ML team", "--format", "json"]))), weights(&defaults));
    // Deleted once; a second time is an error.
    assert!(run(&["profile", "delete", "ML team"]).status.success());
    let missing = run(&["profile", "delete", "ML team"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no saved profile `ML team`"));
    assert!(stdout(&run(&["list", "profiles"])).contains("no saved profiles"));
    // Bad names and misplaced weight flags are refused.
    assert_eq!(run(&["profile", "save", " "]).status.code(), Some(1));
    assert_eq!(run(&["--preset", "ml-api", "profile", "delete", "x"]).status.code(), Some(2));
}

/// A weight file for the built-in dataset, by hand.
fn weight_file(name: &str, weights: &str) -> String {
    let title = versus::engine::data::Dataset::builtin().meta.title;
    format!("version = 1\nname = \"{name}\"\n[dataset]\ntitle = \"{title}\"\n[weights]\n{weights}")
}

#[test]
fn a_profile_exported_and_imported_elsewhere_gives_the_same_report() {
    let (mine, theirs) = (config_dir("mine"), config_dir("theirs"));
    let file = mine.path().join("alice.toml");
    let file_arg = file.to_str().unwrap();
    let saved = versus_in(
        mine.path(),
        &["profile", "save", "Alice", "--preset", "ml-api", "--answer", "models-in-process=yes", "--note", "lead"],
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    let exported = versus_in(mine.path(), &["profile", "export", "Alice", "--output", file_arg]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&file).unwrap();
    for part in ["version = 1", "name = \"Alice\"", "note = \"lead\"", "hash = \"xxh3:", "models-in-process = \"yes\""]
    {
        assert!(text.contains(part), "{part} in {text}");
    }
    // Never over an existing file without --force; standard output gives the same text.
    assert_eq!(versus_in(mine.path(), &["profile", "export", "Alice", "--output", file_arg]).status.code(), Some(1));
    assert_eq!(stdout(&versus_in(mine.path(), &["profile", "export", "Alice"])), text);
    let imported = versus_in(theirs.path(), &["profile", "import", file_arg]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let json = |dir: &std::path::Path| {
        let out = stdout(&versus_in(dir, &["report", "--profile", "Alice", "--format", "json"]));
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["weights"].clone()
    };
    assert_eq!(json(mine.path()), json(theirs.path()));
    // Exported again from the importer's profiles, the file is the same: the note and answers came along.
    assert_eq!(stdout(&versus_in(theirs.path(), &["profile", "export", "Alice"])), text);
    // A second import does not replace it without asking (and there is no terminal to ask on).
    let again = versus_in(theirs.path(), &["profile", "import", file_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already; --force replaces it, --name NAME imports it beside"));
    assert!(versus_in(theirs.path(), &["profile", "import", file_arg, "--name", "Alice 2"]).status.success());
    let typo = versus_in(mine.path(), &["profile", "export", "Alcie"]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(stderr(&typo).contains("did you mean `Alice`"), "{}", stderr(&typo));
}

#[test]
fn a_broken_weight_file_is_refused_with_its_place_and_an_edited_dataset_is_a_warning() {
    let dir = config_dir("import");
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, weight_file("Bo", "realtime = 12\n")).unwrap();
    let out = versus_in(dir.path(), &["profile", "import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), format!("{}:6:12: weights.realtime: 12 is outside 0-10", path.display()));
    std::fs::write(&path, weight_file("Bo", "realtime = 2\n").replace("[weights]", "hash = \"xxh3:1\"\n[weights]"))
        .unwrap();
    let out = versus_in(dir.path(), &["profile", "import", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(":5:8: warning: dataset.hash: the weights were made for another version"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&versus_in(dir.path(), &["list", "profiles"])).contains("Bo"));
}

#[test]
fn a_team_report_gives_each_members_verdict_the_median_and_the_disputes() {
    let dir = config_dir("team");
    let team = dir.path().join("decisions");
    std::fs::create_dir(&team).unwrap();
    std::fs::write(team.join("a.toml"), weight_file("Ann", "realtime = 10\nml-ecosystem = 0\n")).unwrap();
    std::fs::write(team.join("b.toml"), weight_file("Ben", "realtime = 2\nml-ecosystem = 10\n")).unwrap();
    std::fs::write(team.join("c.toml"), weight_file("Cy", "realtime = 4\nml-ecosystem = 9\n")).unwrap();
    let out = versus_in(dir.path(), &["report", "--team", team.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Each file names two dimensions; the others are at their defaults, which each file's warning says.
    assert_eq!(stderr(&out).matches("warning: weights: not given").count(), 3);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let t = &json["team"];
    assert_eq!(t["aggregate"], "median");
    assert_eq!(t["weights"]["realtime"], 4);
    assert_eq!(t["weights"]["ml-ecosystem"], 9);
    assert_eq!(json["weights"], t["weights"], "the report's weights are the group's");
    assert_eq!(t["spread"]["realtime"], serde_json::json!([2, 10]));
    assert_eq!(t["disputed"][0], "ml-ecosystem");
    assert_eq!(t["disputed"][1], "realtime");
    let names: Vec<&str> = t["members"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ann", "Ben", "Cy"]);
    let wins: u64 = t["winners"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(wins, 3 - t["members"].as_array().unwrap().iter().filter(|m| m["winner"].is_null()).count() as u64);
    let text = stdout(&versus_in(dir.path(), &["report", "--team", team.to_str().unwrap()]));
    assert!(text.contains("Weights: the median of 3 members."), "{text}");
    assert!(text.contains("  Ann's 0 on ML and AI ecosystem would make Node.js lead: from 0 (Ann) to 10\n    (Ben), the group's median 9."), "{text}");
    // The group's weights saved as a profile report the same.
    assert!(versus_in(dir.path(), &["profile", "save", "group", "--team", team.to_str().unwrap()]).status.success());
    let group = stdout(&versus_in(dir.path(), &["report", "--profile", "group", "--format", "json"]));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&group).unwrap()["weights"], t["weights"]);
    // Two files with one name, or none in a directory, are errors.
    std::fs::write(team.join("d.toml"), weight_file("Ann", "")).unwrap();
    let out = versus_in(dir.path(), &["report", "--team", team.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("d.toml:2:8: name: `Ann` is also the name in"), "{}", stderr(&out));
    let out = versus_in(dir.path(), &["report", "--team", dir.path().join("cache").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

/// A member's `[requirements]` decide that member's verdict, in JSON and text; the team's weighting takes
/// only `--require`'s, and the text says so with the flag that would add the member's.
#[test]
fn a_members_own_must_haves_decide_their_verdict_and_the_report_names_them() {
    let dir = config_dir("team-requires");
    let team = dir.path().join("decisions");
    std::fs::create_dir(&team).unwrap();
    std::fs::write(
        team.join("a.toml"),
        weight_file(
            "Ann",
            "realtime = 10
ml-ecosystem = 0
",
        ),
    )
    .unwrap();
    let ben = weight_file(
        "Ben",
        "realtime = 0
ml-ecosystem = 10
numeric-data = 10
",
    );
    std::fs::write(team.join("b.toml"), &ben).unwrap();
    let members = |args: &[&str]| {
        let mut all = vec!["report", "--team", team.to_str().unwrap(), "--format", "json"];
        all.extend(args);
        let json: serde_json::Value = serde_json::from_str(&stdout(&versus_in(dir.path(), &all))).unwrap();
        json["team"]["members"].clone()
    };
    // Ben's weights alone favour Python, which is rated 7 on real-time.
    assert_eq!(members(&[])[1]["winner"], "python");
    std::fs::write(team.join("b.toml"), format!("{ben}[requirements]\nrealtime = 8\n")).unwrap();
    let json = members(&[]);
    assert_eq!(json[1]["requirements"], serde_json::json!([{ "dimension": "realtime", "min": 8 }]));
    assert_eq!(json[1]["winner"], "node", "{json}");
    assert_eq!(json[0]["requirements"], serde_json::json!([]));
    assert_eq!(json[0]["winner"], "node");
    let text = stdout(&versus_in(dir.path(), &["report", "--team", team.to_str().unwrap()]));
    assert!(text.contains("  Ben (requires Real-time and WebSockets >= 8): Node.js, the only one"), "{text}");
    assert!(text.contains("--require\n    'realtime>=8' applies it to the team's."), "{text}");
    // The team's weighting has no must-have unless given one; with it, the line has nothing to say.
    let text =
        stdout(&versus_in(dir.path(), &["report", "--team", team.to_str().unwrap(), "--require", "realtime>=8"]));
    assert!(text.contains("Ben (requires Real-time and WebSockets >= 8)") && !text.contains("applies it"), "{text}");
    for format in ["markdown", "madr"] {
        let out = stdout(&versus_in(dir.path(), &["report", "--team", team.to_str().unwrap(), "--format", format]));
        assert!(out.contains("Ben (requires Real-time and WebSockets >= 8)"), "{format}: {out}");
        assert_eq!(out.contains("| Member | Verdict of their own weights and must-haves |"), format == "markdown");
        assert!(out.contains("--require 'realtime>=8' applies it to the team's."), "{format}: {out}");
    }
}

#[test]
fn a_command_after_team_is_taken_for_a_file_and_said_so() {
    let dir = config_dir("swallowed");
    std::fs::write(dir.path().join("a.toml"), weight_file("Ann", "realtime = 1\n")).unwrap();
    let out = versus_in(dir.path(), &["--team", dir.path().join("a.toml").to_str().unwrap(), "report"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("give the command first (versus report --team FILE_OR_DIR...)"), "{}", stderr(&out));
    // A note longer than a weight file takes is refused when saved, not when exported.
    let long = "x".repeat(2_001);
    let out = versus_in(dir.path(), &["profile", "save", "Ann", "--note", &long]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--note: at most 2000 characters"), "{}", stderr(&out));
}

#[test]
fn check_stale_lists_old_sources_with_who_cites_them_and_fails() {
    let builtin = "assets/node-vs-python.toml";
    let as_of = versus::engine::data::Dataset::builtin().meta.as_of;
    let fresh = versus(&["check", builtin, "--stale", "30d", "--today", &as_of]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    assert!(stdout(&fresh).contains("no source older than 30 days"), "{}", stdout(&fresh));
    // Without --stale, check says nothing of ages.
    assert!(!stdout(&versus(&["check", builtin])).contains("older than"));
    // A year on, every source is past 90 days; a volatile one is held to 30.
    let later = versus(&["check", "tests/data/three-options.toml", "--stale", "90d", "--today", "2027-12-01"]);
    assert_eq!(later.status.code(), Some(1));
    let out = stdout(&later);
    assert!(out.contains("tests/data/three-options.toml: stale: checked "), "{out}");
    assert!(out.contains("(limit 90 days): dimension "), "{out}");
    assert!(out.lines().filter(|l| l.contains(": stale: ")).all(|l| l.contains(" https://")), "{out}");
    assert!(stderr(&later).contains("past their freshness limits"), "{}", stderr(&later));
    let volatile = versus(&["check", builtin, "--stale", "365d", "--today", "2027-02-01"]);
    assert_eq!(volatile.status.code(), Some(1));
    let out = stdout(&volatile);
    assert!(out.contains("(limit 30 days, volatile): dimension realtime: https://www.npmjs.com/package/ws/"), "{out}");
    assert!(out.lines().filter(|l| l.contains(": stale: ")).all(|l| l.contains("volatile")), "{out}");
    // Bad durations and dates, and --today alone, are usage errors.
    for args in [&["--stale", "90"][..], &["--stale", "90d", "--today", "2027-02-30"], &["--today", "2027-01-01"]] {
        let mut all = vec!["check", builtin];
        all.extend_from_slice(args);
        assert_eq!(versus(&all).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn list_sources_gives_each_sources_age_and_volatility() {
    let sources: serde_json::Value =
        serde_json::from_str(&stdout(&versus(&["list", "sources", "--format", "json"]))).unwrap();
    let sources = sources.as_array().unwrap();
    assert!(sources.iter().all(|s| s["age_days"].as_i64().is_some_and(|age| age >= 0)), "ages from today");
    assert!(sources.iter().any(|s| s["volatile"] == true) && sources.iter().any(|s| s["volatile"] == false));
}

#[test]
fn require_knocks_out_an_option_in_every_format() {
    let json = |args: &[&str]| -> serde_json::Value {
        let output = versus(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        serde_json::from_str(&stdout(&output)).unwrap()
    };
    // Python rates CPU-bound pure code 4: at least 6 rules it out, Node.js is the only one left.
    let report = json(&["report", "--require", "cpu-bound>=6", "--format", "json"]);
    assert_eq!(
        report["requirements"],
        serde_json::json!([{ "dimension": "cpu-bound", "min": 6, "failing": ["python"] }])
    );
    assert_eq!(report["eligible"], serde_json::json!(["node"]));
    assert_eq!(report["recommendation"]["option"], "node");
    assert_eq!(report["robustness"]["first"]["python"], 0.0);
    let passes = report["robustness"]["passes"].as_object().unwrap();
    assert_eq!(passes.keys().collect::<Vec<_>>(), vec!["node", "python"]);
    assert!(passes["node"].as_f64().unwrap() > 0.5 && passes["python"] == 0.0, "{passes:?}");
    // Without requirements the keys are there, empty or whole.
    let plain = json(&["report", "--format", "json"]);
    assert_eq!(plain["requirements"], serde_json::json!([]));
    assert_eq!(plain["eligible"], serde_json::json!(["node", "python"]));
    assert_eq!(plain["robustness"]["passes"], serde_json::json!({ "node": 1.0, "python": 1.0 }));
    // Given before the subcommand (the explorer's flags) it applies the same.
    assert_eq!(json(&["--require", "cpu-bound>=6", "report", "--format", "json"])["eligible"], report["eligible"]);
    // Text and markdown say who fails what, by how much.
    let text = stdout(&versus(&["report", "--require", "cpu-bound>=6"]));
    assert!(text.contains("CPU-bound pure code at least 6: Python (rated 4, 2 short) fails it."), "{text}");
    assert!(text.contains("Node.js is the only option that meets every requirement"), "{text}");
    let markdown = stdout(&versus(&["report", "--require", "cpu-bound>=6", "--format", "markdown"]));
    assert!(markdown.contains("| Python (fails a must-have) |"), "{markdown}");
    // Every option failing: no recommendation, and the nearest named (Node.js is 1 + 7 short, Python 6 + 1).
    let none = json(&["report", "--require", "cpu-bound>=10", "--require", "ml-ecosystem>=10", "--format", "json"]);
    assert_eq!(none["eligible"], serde_json::json!([]));
    assert_eq!(none["recommendation"]["option"], serde_json::Value::Null);
    let verdict = none["recommendation"]["verdict"].as_str().unwrap();
    assert!(
        verdict.starts_with("No option meets every requirement; the nearest is Python, 7 rating steps short."),
        "{verdict}"
    );
}

#[test]
fn a_preset_brings_its_requirements_and_require_adds_to_them_or_clears_one() {
    let dir = config_dir("require-preset");
    let data = dir.path().join("data.toml");
    let builtin = versus::engine::data::builtin_source();
    let with = builtin.replacen(
        "[[presets]]\nid = \"realtime-chat\"",
        "[[presets]]\nid = \"realtime-chat\"\nrequirements = { cpu-bound = 6 }",
        1,
    );
    assert_ne!(with, builtin, "the built-in data has the realtime-chat preset first");
    std::fs::write(&data, with).unwrap();
    let data = data.to_str().unwrap();
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["--data", data, "report", "--preset", "realtime-chat", "--format", "json"];
        args.extend(extra);
        let output = versus_in(dir.path(), &args);
        assert!(output.status.success(), "{}", stderr(&output));
        serde_json::from_str(&stdout(&output)).unwrap()
    };
    let ids = |report: &serde_json::Value| -> Vec<String> {
        report["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{}>={}", r["dimension"].as_str().unwrap(), r["min"]))
            .collect()
    };
    assert_eq!(ids(&json(&[])), vec!["cpu-bound>=6"]);
    assert_eq!(ids(&json(&["--require", "realtime>=5"])), vec!["cpu-bound>=6", "realtime>=5"]);
    assert_eq!(ids(&json(&["--require", "cpu-bound>=3"])), vec!["cpu-bound>=3"]);
    assert_eq!(ids(&json(&["--require", "cpu-bound>=0"])), Vec::<String>::new());
}

#[test]
fn a_malformed_requirement_is_a_usage_error_that_shows_the_form() {
    for (spec, says) in [
        ("cpu-bound=6", "expected ID>=N, N a whole number from 0 to 10, for example 'cpu-bound>=6'"),
        ("cpu-bound>=11", "the minimum must be a whole number from 0 to 10, as in ID>=N"),
        ("cpu-bound>=-1", "the minimum must be a whole number from 0 to 10"),
        ("cpu-bund>=6", "unknown dimension `cpu-bund` (did you mean `cpu-bound`?)"),
    ] {
        for args in [vec!["report", "--require", spec], vec!["--require", spec, "report", "--format", "json"]] {
            let output = versus(&args);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
            assert!(output.stdout.is_empty());
            let message = stderr(&output);
            assert!(message.contains(&format!("--require {spec}: {says}")), "{message}");
        }
    }
    // `record` takes a weighting too, and refuses before writing anything.
    let dir = config_dir("require-record");
    let decisions = dir.path().join("decisions");
    let output = versus_in(dir.path(), &["record", "--dir", decisions.to_str().unwrap(), "--require", "cpu-bund>=6"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!decisions.exists());
}

#[test]
fn weight_spread_is_said_in_json_and_words_and_a_bad_one_is_a_usage_error() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = versus(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let default = json(&["report", "--format", "json"]);
    assert_eq!(default["robustness"]["weights"], "spread");
    assert_eq!(default["robustness"]["weight_spread"], 1);
    let wide = json(&["report", "--weight-spread", "3", "--format", "json"]);
    assert_eq!(wide["robustness"]["weight_spread"], 3);
    assert_ne!(wide["robustness"]["first"], default["robustness"]["first"], "a wider spread draws other weights");
    let fixed = json(&["report", "--weight-spread", "0", "--format", "json"]);
    assert_eq!(fixed["robustness"]["weights"], "fixed");
    assert_eq!(fixed["robustness"]["weight_spread"], 0);
    // Given before the command, it counts as after it.
    assert_eq!(json(&["--weight-spread", "0", "report", "--format", "json"])["robustness"], fixed["robustness"]);
    let text = stdout(&versus(&["report", "--weight-spread", "2"]));
    assert!(text.contains(", over plausible ratings and weights ±2\n"), "{text}");
    assert!(text.contains("How sure (10,000 draws of ratings and weights ±2, seed 1):"), "{text}");
    let text = stdout(&versus(&["report", "--weight-spread", "0"]));
    assert!(text.contains("How sure (10,000 plausible rating sets, seed 1):") && !text.contains("weights ±"), "{text}");
    for bad in ["4", "-1", "one", "1.5", ""] {
        let out = versus(&["report", &format!("--weight-spread={bad}")]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&out).contains("expected a whole number from 0 to 3, for example --weight-spread 2"),
            "{bad:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_team_report_lists_the_disputes_that_could_change_the_verdict_first() {
    let dir = config_dir("disputes");
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::write(team.join("a.toml"), weight_file("Ann", "realtime = 10\nml-ecosystem = 0\n")).unwrap();
    std::fs::write(team.join("b.toml"), weight_file("Ben", "realtime = 2\nml-ecosystem = 10\n")).unwrap();
    std::fs::write(team.join("c.toml"), weight_file("Cy", "realtime = 4\nml-ecosystem = 9\n")).unwrap();
    let dir_arg = team.to_str().unwrap();
    let out = versus_in(dir.path(), &["report", "--team", dir_arg, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let t = &json["team"];
    let disputes = t["disputes"].as_array().unwrap();
    assert_eq!(disputes.len(), t["disputed"].as_array().unwrap().len(), "every disputed dimension, once");
    let material: Vec<bool> = disputes.iter().map(|d| d["material"].as_bool().unwrap()).collect();
    assert!(material.windows(2).all(|w| w[0] >= w[1]), "material first: {material:?}");
    // At the median's 9 Python leads; Ann's 0 on ML alone would make Node.js lead, Ben's 10 would not.
    assert_eq!(json["recommendation"]["option"], "python");
    assert_eq!(disputes[0]["dimension"], "ml-ecosystem");
    assert_eq!(disputes[0]["material"], true);
    assert_eq!(disputes[0]["members"], serde_json::json!({"Ann": 0, "Ben": 10, "Cy": 9}));
    assert_eq!(disputes[0]["flips"], serde_json::json!([{"member": "Ann", "weight": 0, "leader": "node"}]));
    assert_eq!(json["robustness"]["weights"], "team");
    // Each material dispute names who would change the leader, and to whom; the text report says it.
    let text = stdout(&versus_in(dir.path(), &["report", "--team", dir_arg]));
    // Sentences wrapped at 80 columns, joined again.
    let joined = text.replace("\n    ", " ");
    assert!(joined.contains(", over plausible ratings and the team's range of weights\n"), "{text}");
    for dispute in disputes.iter().filter(|d| d["material"] == true) {
        let flip = &dispute["flips"][0];
        let member = flip["member"].as_str().unwrap();
        assert_eq!(dispute["members"][member], flip["weight"]);
        assert!(text.contains(&format!("{member}'s {}", flip["weight"])), "{member} in {text}");
        assert_ne!(flip["leader"], json["recommendation"]["option"]);
    }
    let immaterial = material.iter().filter(|m| !**m).count();
    if immaterial > 1 {
        let more = if immaterial < material.len() { " more" } else { "" };
        assert!(text.contains(&format!("{immaterial}{more} disputed, none of which changes the verdict.")), "{text}");
    }
    let fixed =
        stdout(&versus_in(dir.path(), &["report", "--team", dir_arg, "--weight-spread", "0", "--format", "json"]));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&fixed).unwrap()["robustness"]["weights"], "fixed");
}

/// A must-have changed or cleared from what a profile brings makes the weights "modified", as a moved
/// weight does: the report's weights line and JSON `modified` say so; the profile as saved is not.
#[test]
fn a_changed_must_have_makes_a_profile_modified() {
    let dir = config_dir("modified");
    let saved = versus_in(dir.path(), &["profile", "save", "strict", "--require", "cpu-bound>=6"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    let modified = |extra: &[&str]| -> (bool, String) {
        let json =
            stdout(&versus_in(dir.path(), &[&["report", "--profile", "strict", "--format", "json"], extra].concat()));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let text = stdout(&versus_in(dir.path(), &[&["report", "--profile", "strict"], extra].concat()));
        let line = text.lines().find(|l| l.contains("Weights: ")).unwrap_or_default().to_owned();
        (value["modified"].as_bool().unwrap(), line)
    };
    let (as_saved, line) = modified(&[]);
    assert!(!as_saved && !line.contains("modified"), "{line}");
    for change in [["--require", "cpu-bound>=0"], ["--require", "cpu-bound>=7"], ["--require", "realtime>=3"]] {
        let (changed, line) = modified(&change);
        assert!(changed && line.contains("modified"), "{change:?}: {line}");
    }
}

/// `list presets` and `list profiles` give the verdict `report --preset/--profile` gives, the entry's own
/// must-haves counted, and name those must-haves (JSON `requirements`).
#[test]
fn list_presets_and_profiles_count_each_entrys_must_haves() {
    let dir = config_dir("list-requirements");
    let run = |args: &[&str]| {
        let output = versus_in(dir.path(), args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    };
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&run(args)).unwrap() };
    // Node.js leads at the default weights; Python alone has an ML and AI ecosystem of 5 or more.
    assert_eq!(json(&["report", "--format", "json"])["recommendation"]["option"], "node");
    run(&["profile", "save", "mlreq", "--require", "ml-ecosystem>=5"]);
    run(&["profile", "save", "plain"]);
    let report = json(&["report", "--profile", "mlreq", "--format", "json"]);
    assert_eq!(report["recommendation"]["option"], "python");
    let profiles = json(&["list", "profiles", "--format", "json"]);
    let entry = |name: &str| profiles.as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone();
    assert_eq!(entry("mlreq")["recommends"], report["recommendation"]["option"]);
    assert_eq!(entry("mlreq")["requirements"], serde_json::json!([{ "dimension": "ml-ecosystem", "min": 5 }]));
    assert_eq!(entry("plain")["recommends"], "node");
    assert_eq!(entry("plain")["requirements"], serde_json::json!([]));
    for key in ["name", "weights", "recommends", "requirements", "unknown_dimensions", "note", "answers"] {
        assert!(entry("mlreq").get(key).is_some(), "profiles lack {key}");
    }
    let text = run(&["list", "profiles"]);
    assert!(
        text.contains(
            "mlreq\n    Python is the only option that meets every requirement.\n    Must-haves: ML and AI \
             ecosystem at least 5.\n"
        ),
        "{text}"
    );
    let plain = text.split("plain\n").nth(1).unwrap().lines().take_while(|l| l.starts_with(' ')).collect::<Vec<_>>();
    assert!(plain[0].starts_with("    Node.js leads Python by"), "{text}");
    assert!(!plain.iter().any(|l| l.contains("Must-haves")), "no must-haves, none named: {text}");

    // A preset's own must-haves: CPU-bound pure code at least 6 leaves Node.js alone where Python led.
    let data = dir.path().join("data.toml");
    let preset = "[[presets]]\nid = \"crud-admin\"";
    let builtin = versus::engine::data::builtin_source();
    let with = builtin.replacen(preset, &format!("{preset}\nrequirements = {{ cpu-bound = 6 }}"), 1);
    assert_ne!(with, builtin, "the built-in data has the crud-admin preset");
    std::fs::write(&data, with).unwrap();
    let data = data.to_str().unwrap();
    assert_eq!(json(&["report", "--preset", "crud-admin", "--format", "json"])["recommendation"]["option"], "python");
    let report = json(&["--data", data, "report", "--preset", "crud-admin", "--format", "json"]);
    assert_eq!(report["recommendation"]["option"], "node");
    let presets = json(&["--data", data, "list", "presets", "--format", "json"]);
    let presets = presets.as_array().unwrap();
    let crud = presets.iter().find(|p| p["id"] == "crud-admin").unwrap();
    assert_eq!(crud["recommends"], "node");
    assert_eq!(crud["requirements"], serde_json::json!([{ "dimension": "cpu-bound", "min": 6 }]));
    for key in ["id", "name", "description", "weights", "recommends", "requirements"] {
        assert!(crud.get(key).is_some(), "presets lack {key}");
    }
    assert!(presets.iter().filter(|p| p["id"] != "crud-admin").all(|p| p["requirements"] == serde_json::json!([])));
    let text = run(&["--data", data, "list", "presets"]);
    assert!(
        text.contains(
            "    Node.js is the only option that meets every requirement.\n    Must-haves: CPU-bound pure code at \
             least 6.\n"
        ),
        "{text}"
    );
}

/// JSON says what kind of recommendation it is, and with every option failing a must-have, which falls
/// shortest (the one the verdict names).
#[test]
fn json_names_the_kind_of_recommendation_and_the_nearest() {
    let json = |args: &[&str]| -> serde_json::Value {
        let output = versus(&[&["report", "--format", "json"], args].concat());
        assert!(output.status.success(), "{}", stderr(&output));
        serde_json::from_str::<serde_json::Value>(&stdout(&output)).unwrap()["recommendation"].clone()
    };
    let only = json(&["--require", "ml-ecosystem>=6"]);
    assert_eq!(
        (only["kind"].as_str(), only["option"].as_str(), only["nearest"].is_null()),
        (Some("only"), Some("python"), true)
    );
    let none = json(&["--require", "ml-ecosystem>=6", "--require", "cpu-bound>=6"]);
    assert_eq!((none["kind"].as_str(), none["option"].is_null()), (Some("none eligible"), true));
    let nearest = none["nearest"].as_str().unwrap();
    let verdict = none["verdict"].as_str().unwrap();
    let name = if nearest == "node" { "Node.js" } else { "Python" };
    assert!(verdict.contains(&format!("the nearest is {name}")), "{nearest}: {verdict}");
    assert_eq!(json(&[])["kind"].as_str(), Some("lead"));
}

/// `profile save` does not offer `--weight-spread`, which it refuses (a profile keeps no spread); the
/// commands that sample do.
#[test]
fn only_the_commands_that_sample_offer_the_weight_spread() {
    let help = |args: &[&str]| stdout(&versus(&[args, &["--help"]].concat()));
    assert!(!help(&["profile", "save"]).contains("--weight-spread"), "{}", help(&["profile", "save"]));
    for command in ["report", "record", "diff"] {
        assert!(help(&[command]).contains("--weight-spread"), "{command}");
    }
}
