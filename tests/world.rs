//! What versus opens and writes in the world outside it: only regular files are read by the names the
//! config gives or replaced, nothing hangs on a FIFO, nothing outside the config directory is moved,
//! and what it says about bad input is bounded and names the field.

mod support;
use support::command_in;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far longer than any of these commands takes; a command still running then has hung.
const PATIENCE: Duration = Duration::from_secs(20);

/// Runs `command` to its end, or fails the test if it is still running after [`PATIENCE`] (and kills it).
fn finishes(mut command: Command) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            let shown = format!("{command:?}");
            panic!("hung: {}", shown.chars().take(300).collect::<String>());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    finishes(command_in(dir, args))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn kind(path: &Path) -> Option<std::fs::FileType> {
    std::fs::symlink_metadata(path).ok().map(|m| m.file_type())
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_profiles_link_to_anything_but_a_regular_file_is_refused_and_nothing_outside_moves() {
    let scratch = tempfile::tempdir().unwrap();
    let (config, outside) = (scratch.path().join("config"), scratch.path().join("outside"));
    std::fs::create_dir_all(&config).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    mkfifo(&outside.join("fifo"));
    std::fs::create_dir(outside.join("dir")).unwrap();
    for target in ["fifo", "dir"] {
        let link = config.join("profiles.toml");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(outside.join(target), &link).unwrap();
        let before = names(&outside);
        let saved = run(&config, &["profile", "save", "mine"]);
        assert_eq!(saved.status.code(), Some(1), "{target}: {}", stderr(&saved));
        assert!(stderr(&saved).contains("not a regular file"), "{target}: {}", stderr(&saved));
        assert_eq!(names(&outside), before, "{target}: something outside the config directory changed");
        assert!(kind(&outside.join(target)).is_some_and(|k| !k.is_file() && !k.is_symlink()), "{target}");
        assert!(kind(&link).unwrap().is_symlink(), "{target}: the link was replaced");
        let left: Vec<String> = names(&config).into_iter().filter(|n| n != ".profiles.toml.lock").collect();
        assert_eq!(left, ["profiles.toml"], "{target}: nothing but the link (and the lock)");
    }
}

#[test]
fn a_linked_profiles_file_that_does_not_parse_is_backed_up_inside_the_config_directory() {
    let scratch = tempfile::tempdir().unwrap();
    let (config, dotfiles) = (scratch.path().join("config"), scratch.path().join("dotfiles"));
    std::fs::create_dir_all(&config).unwrap();
    std::fs::create_dir_all(&dotfiles).unwrap();
    let real = dotfiles.join("profiles.toml");
    std::fs::write(&real, "this is [not toml").unwrap();
    std::os::unix::fs::symlink(&real, config.join("profiles.toml")).unwrap();
    let saved = run(&config, &["profile", "save", "mine"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert_eq!(names(&dotfiles), ["profiles.toml"], "nothing beside the link's target was renamed or created");
    assert_eq!(std::fs::read_to_string(config.join("profiles.toml.bak")).unwrap(), "this is [not toml");
    assert!(stderr(&saved).contains("profiles.toml.bak"), "{}", stderr(&saved));
    assert!(kind(&config.join("profiles.toml")).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("name = \"mine\""));
}

#[test]
fn a_special_file_named_profiles_toml_is_refused_and_left_where_it_is() {
    for special in ["fifo", "dir"] {
        let config = tempfile::tempdir().unwrap();
        let path = config.path().join("profiles.toml");
        if special == "fifo" {
            mkfifo(&path);
        } else {
            std::fs::create_dir(&path).unwrap();
        }
        let saved = run(config.path(), &["profile", "save", "mine"]);
        assert_eq!(saved.status.code(), Some(1), "{special}: {}", stderr(&saved));
        assert!(stderr(&saved).contains("not a regular file"), "{special}: {}", stderr(&saved));
        assert!(kind(&path).is_some_and(|k| !k.is_file()), "{special}: moved");
        assert!(!config.path().join("profiles.toml.bak").exists(), "{special}: moved to .bak");
    }
}

#[test]
fn a_lock_file_that_is_not_a_regular_file_is_an_error_not_a_hang() {
    let config = tempfile::tempdir().unwrap();
    mkfifo(&config.path().join(".profiles.toml.lock"));
    let saved = run(config.path(), &["profile", "save", "mine"]);
    assert_eq!(saved.status.code(), Some(1), "{}", stderr(&saved));
    assert!(stderr(&saved).contains(".profiles.toml.lock"), "{}", stderr(&saved));
    assert!(stderr(&saved).contains("not a regular file"), "{}", stderr(&saved));
}

#[test]
fn a_fifo_as_the_configs_dataset_is_refused_and_nothing_hangs() {
    let config = tempfile::tempdir().unwrap();
    mkfifo(&config.path().join("x"));
    std::fs::write(config.path().join("config.toml"), "dataset = \"x\"\n").unwrap();
    let path = run(config.path(), &["config", "path"]);
    assert!(path.status.success(), "{}", stderr(&path));
    assert!(stdout(&path).contains("not a regular file"), "{}", stdout(&path));
    let report = run(config.path(), &["report"]);
    assert!(report.status.success(), "{}", stderr(&report));
    assert!(stderr(&report).contains("not a regular file"), "{}", stderr(&report));
}

#[test]
fn config_path_says_when_the_configs_dataset_cannot_be_used() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.toml"), "dataset = \"missing.toml\"\n").unwrap();
    let path = run(config.path(), &["config", "path"]);
    assert!(path.status.success(), "{}", stderr(&path));
    let text = stdout(&path);
    assert!(text.contains("config: loaded"), "{text}");
    assert!(text.contains("dataset: ") && text.contains("missing.toml") && text.contains("cannot be used"), "{text}");
}

/// Every file named on the command line: a FIFO with no writer ends the command (it reads as empty),
/// never hangs it.
#[test]
fn a_fifo_without_a_writer_named_on_the_command_line_never_hangs() {
    let config = tempfile::tempdir().unwrap();
    let fifo = config.path().join("fifo");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    for args in [
        vec!["check", f],
        vec!["--data", f, "report"],
        vec!["report", "--pairwise", f],
        vec!["report", "--team", f],
        vec!["profile", "import", f],
    ] {
        let out = run(config.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("fifo"), "{args:?}: {}", stderr(&out));
    }
}

/// A pipe named on the command line (`--data <(command)`) is read, as `cat` would read it.
#[test]
fn a_pipe_with_a_writer_named_on_the_command_line_is_read() {
    let config = tempfile::tempdir().unwrap();
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/node-vs-python.toml");
    let script =
        format!("exec {} --data <(sleep 0.2; cat '{}') report", env!("CARGO_BIN_EXE_versus"), builtin.display());
    let mut command = Command::new("bash");
    command.args(["-c", &script]).env("VERSUS_CONFIG_DIR", config.path()).stdin(Stdio::null());
    let out = finishes(command);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Node.js vs Python"), "{}", stdout(&out));
}

/// As on a full disk: no file may grow past 512 bytes (`ulimit -f 1`), and a write past it fails
/// instead of killing the process. The file asked for must not appear, half written, to block the retry.
#[test]
fn a_write_that_fails_leaves_no_file_and_the_retry_works() {
    let config = tempfile::tempdir().unwrap();
    let versus = env!("CARGO_BIN_EXE_versus");
    let limited = |args: &str| {
        let script = format!("trap '' XFSZ; ulimit -f 1; exec {versus} {args}");
        let mut command = Command::new("sh");
        command.args(["-c", &script]).env("VERSUS_CONFIG_DIR", config.path()).stdin(Stdio::null());
        finishes(command)
    };
    let new = config.path().join("new.toml");
    let out = limited(&format!("new Title --option a=A --option b=B --output '{}'", new.display()));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!new.exists(), "a truncated file was left: {:?}", std::fs::read_to_string(&new));
    let retry =
        run(config.path(), &["new", "Title", "--option", "a=A", "--option", "b=B", "--output", new.to_str().unwrap()]);
    assert!(retry.status.success(), "{}", stderr(&retry));
    assert!(run(config.path(), &["check", new.to_str().unwrap()]).status.success());

    assert!(run(config.path(), &["profile", "save", "mine"]).status.success());
    let exported = config.path().join("mine.toml");
    let out = limited(&format!("profile export mine --output '{}'", exported.display()));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!exported.exists(), "a truncated file was left");
    let retry = run(config.path(), &["profile", "export", "mine", "--output", exported.to_str().unwrap()]);
    assert!(retry.status.success(), "{}", stderr(&retry));
    // Still never over an existing file without --force.
    let again = run(config.path(), &["profile", "export", "mine", "--output", exported.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
    let leftovers: Vec<String> =
        names(config.path()).into_iter().filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_profile_name_with_control_characters_is_matched_as_it_reads() {
    let config = tempfile::tempdir().unwrap();
    let title = versus::engine::data::Dataset::builtin().meta.title;
    let file =
        format!("[[profile]]\ndataset = \"{title}\"\nname = \"te\\u0007am\\t\"\n[profile.weights]\nrealtime = 9\n");
    std::fs::write(config.path().join("profiles.toml"), file).unwrap();
    let listed = stdout(&run(config.path(), &["list", "profiles", "--format", "json"]));
    assert!(listed.contains("\"name\": \"team\""), "{listed}");
    // Saving the name as it reads replaces that profile: one entry, not two that read the same.
    let saved = run(config.path(), &["profile", "save", "team", "--force"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    let listed = stdout(&run(config.path(), &["list", "profiles", "--format", "json"]));
    assert_eq!(listed.matches("\"name\"").count(), 1, "{listed}");
    let deleted = run(config.path(), &["profile", "delete", "team"]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(stdout(&run(config.path(), &["list", "profiles"])).contains("no saved profiles"));
}

#[test]
fn a_profile_stored_with_control_characters_can_be_deleted_by_the_name_shown() {
    let config = tempfile::tempdir().unwrap();
    let title = versus::engine::data::Dataset::builtin().meta.title;
    let file = format!("[[profile]]\ndataset = \"{title}\"\nname = \"a\\u001bb\"\n[profile.weights]\nrealtime = 9\n");
    std::fs::write(config.path().join("profiles.toml"), file).unwrap();
    let deleted = run(config.path(), &["profile", "delete", "ab"]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(stdout(&run(config.path(), &["list", "profiles"])).contains("no saved profiles"));
}
/// A message quotes a few dozen characters of the input, not all of it.
#[test]
fn messages_quote_input_within_a_bound() {
    let config = tempfile::tempdir().unwrap();
    let long = "k".repeat(200_000);
    let file = config.path().join("long.toml");
    for text in [format!("{long} = 1\n"), format!("[meta]\nschema = \"{long}\"\n"), format!("{long}\n")] {
        std::fs::write(&file, text).unwrap();
        let out = run(config.path(), &["check", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let said = stderr(&out);
        assert!(said.len() < 1_000, "{} bytes: {}", said.len(), &said[..said.len().min(300)]);
        assert!(said.contains("kkkk…") || !said.contains("kkkk"), "{said}");
    }
    // One argument holds at most 128 KiB.
    let long = &long[..100_000];
    let out = run(config.path(), &["report", "--weight", &format!("{long}=1")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).len() < 1_100, "{} bytes", stderr(&out).len());
    let out = run(config.path(), &["profile", "delete", long]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).len() < 1_100, "{} bytes", stderr(&out).len());
}

/// What a dataset's author wrote, said in their terms, with the key's name.
#[test]
fn dataset_messages_say_what_is_wrong_in_the_authors_terms() {
    let config = tempfile::tempdir().unwrap();
    let builtin = versus::engine::data::builtin_source();
    let file = config.path().join("d.toml");
    let check = |text: &str| {
        std::fs::write(&file, text).unwrap();
        let out = run(config.path(), &["check", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{text:.80}");
        stderr(&out)
    };
    let said = check(&builtin.replacen("[meta]", "[[meta]]", 1));
    assert!(said.contains("meta: ") && said.contains("[meta]") && !said.contains("whole number"), "{said}");
    let said = check(&format!("meta = []\n{}", builtin.replacen("[meta]", "[unused]", 1)));
    assert!(said.contains("meta: ") && said.contains("a table") && !said.contains("struct"), "{said}");
    let said = check(&builtin.replacen("[dimensions.ratings.node]", "[[dimensions.ratings.node]]", 1));
    assert!(said.contains("node") && said.contains("[dimensions.ratings.node]"), "{said}");
    assert!(!said.contains("whole number"), "{said}");
    let big = builtin.replacen("\nweight = 5\n", "\nweight = 99999999999999999999\n", 1);
    assert_ne!(big, builtin);
    let said = check(&big);
    assert!(said.contains("weight") && said.contains("out of range") && !said.contains("invalid type"), "{said}");
    let said = check(&builtin.replacen("[meta]", "[meta]\n[meta]", 1));
    assert!(said.contains("`meta`") && said.contains("twice"), "{said}");
    let as_of = builtin.lines().find(|l| l.starts_with("as_of")).unwrap();
    let said = check(&builtin.replacen(as_of, "as_of = \"2026-02-30\"", 1));
    assert_eq!(said.lines().count(), 2, "one problem, and the summary line: {said}");
    assert!(said.contains("meta.as_of"), "{said}");
}

#[test]
fn a_huge_search_query_is_cut_with_a_message() {
    let config = tempfile::tempdir().unwrap();
    let query = "thread".repeat(20_000);
    let out = run(config.path(), &["search", &query]);
    assert!(stderr(&out).contains("128 characters"), "{}", &stderr(&out)[..stderr(&out).len().min(300)]);
    assert!(stderr(&out).len() < 1_000);
}

/// The command a record gives to reproduce it names the dataset's path so that `sh` reads the same
/// path, line breaks and all, and holds no control character itself (outputs are cleaned of them).
#[test]
fn the_reproduce_command_quotes_any_path_for_sh() {
    use versus::engine::data::sanitize;
    for path in ["plain.toml", "with space/and 'quote'.toml", "line\nbreak.toml", "tab\tand\u{1b}esc%s\\n.toml"] {
        let command = versus::engine::weights::report_command(Some(path));
        assert_eq!(sanitize::line(&command), command, "{command:?}");
        let word = command.strip_prefix("versus report --data=").unwrap();
        let out = Command::new("sh").args(["-c", &format!("printf '%s' {word}")]).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), path, "{command}");
    }
}
