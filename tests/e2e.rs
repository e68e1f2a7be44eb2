//! The real binary in a pseudo-terminal: it starts, draws, reacts to keys, and leaves the terminal as it
//! found it, whether it ends by `q`, by SIGTERM or by the terminal closing.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use versus::engine::data::Dataset;
use versus::engine::score::evaluate;

/// `CommandBuilder`'s setters take `&mut self`; this lets a builder be configured in an expression.
trait Tap: Sized {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

impl Tap for CommandBuilder {}

/// How long to wait for the explorer before declaring it stuck (generous: CI machines are slow).
const PATIENCE: Duration = Duration::from_secs(20);
const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    /// An empty config directory, so the user's own never leaks in; removed with the session.
    _config: tempfile::TempDir,
}

impl Session {
    /// The explorer with the built-in data.
    fn start() -> Self {
        Self::spawn(CommandBuilder::new(env!("CARGO_BIN_EXE_versus")))
    }

    fn spawn(mut command: CommandBuilder) -> Self {
        command.env_remove("NO_COLOR");
        Self::launch(command)
    }

    /// As [`Self::spawn`], with `NO_COLOR` as the command has it.
    fn launch(mut command: CommandBuilder) -> Self {
        let pair =
            native_pty_system().openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).unwrap();
        command.env("TERM", "xterm-256color");
        let config = tempfile::tempdir().unwrap();
        // A test that needs files of its own there names its own directory.
        if command.get_env("VERSUS_CONFIG_DIR").is_none() {
            command.env("VERSUS_CONFIG_DIR", config.path());
        }
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        Self { master: pair.master, child, writer, output, _config: config }
    }

    fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The screen as a terminal would show it after all output so far (the explorer redraws only the
    /// cells that change, so the raw stream alone says little).
    fn screen(&self) -> String {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    /// Waits until the screen shows `needle`.
    fn expect(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{needle:?} never appeared; the screen:\n{}", self.screen());
    }

    /// Waits until the output written since `since` (a length of [`Self::output`]) holds `needle`: for
    /// what must be drawn afresh, when the old screen may still show it.
    fn expect_after(&self, since: usize, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.output.lock().unwrap().get(since..).is_some_and(|new| String::from_utf8_lossy(new).contains(needle))
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{needle:?} never appeared after byte {since}; the output:\n{}", self.output());
    }

    /// The screen at `rows` x `cols` after the output from byte `since` (which must start with a full
    /// redraw).
    fn screen_after(&self, since: usize, rows: u16, cols: u16) -> String {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
        parser.process(&self.output.lock().unwrap()[since..]);
        parser.screen().contents()
    }

    /// versus started from an interactive bash with job control (prompt `shell$`), then stopped with
    /// Ctrl-Z, as a user meets it.
    fn stopped_in_a_shell() -> Self {
        let mut s = Self::spawn(CommandBuilder::new("bash").tap(|c| c.args(["--norc", "--noprofile", "-i"])));
        s.send("PS1='shell$ '\r");
        s.expect("shell$");
        s.send(&format!("{}\r", env!("CARGO_BIN_EXE_versus")));
        s.expect("Recommendation");
        s.send("\x1a");
        s.expect("Stopped");
        s
    }

    fn output_len(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("versus did not exit; output:\n{}", self.output());
    }

    /// The restore sequences were written. The reader thread may still be catching up with the last
    /// bytes a process wrote as it exited, so this waits for them as `expect` does.
    fn assert_restore_sequences(&self) {
        let sequences = [
            ("\x1b[?1049l", "leave the alternate screen"),
            ("\x1b[?25h", "show the cursor"),
            ("\x1b[?1000l", "stop mouse capture"),
            ("\x1b[?2004l", "stop bracketed paste"),
        ];
        let start = Instant::now();
        while start.elapsed() < PATIENCE && !sequences.iter().all(|(sequence, _)| self.output().contains(sequence)) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = self.output();
        for (sequence, what) in sequences {
            assert!(out.contains(sequence), "never asked to {what}");
        }
    }

    /// The restore sequences were written and the pty is back in cooked mode. (Under an interactive shell
    /// the mode is the shell's own business, so this holds only for a pty versus ran in alone.)
    fn assert_terminal_restored(&self) {
        self.assert_restore_sequences();
        let termios = self.master.get_termios().expect("termios of the pty");
        assert!(termios.local_flags.contains(LocalFlags::ICANON | LocalFlags::ECHO), "raw mode is still on");
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        assert!(std::process::Command::new("kill").args([&format!("-{name}"), &pid]).status().unwrap().success());
    }
}

#[test]
fn start_move_a_slider_see_the_gauge_and_quit() {
    let mut s = Session::start();
    s.expect("Node.js vs Python for server-side web development");
    let dataset = Dataset::builtin();
    let defaults = evaluate(&dataset, &dataset.default_weights()).scores;
    s.expect(&format!("Node.js {:5.1}", defaults[0]));

    // `l` raises the selected dimension (the first of the first category) by one.
    let mut weights = dataset.default_weights();
    weights[0] += 1;
    let expected = evaluate(&dataset, &weights).scores;
    s.send("l");
    s.expect(&format!("Node.js {:5.1}", expected[0]));
    s.expect(&format!("Python  {:5.1}", expected[1]));
    s.expect("default weights · modified");

    // The weights are in no saved profile: q asks first, y quits.
    s.send("q");
    s.expect("Quit? These weights are in no saved profile");
    s.send("y");
    let status = s.wait();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

#[test]
fn sigterm_sighup_and_sigint_end_it_with_the_terminal_restored() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3), ("USR1", 10), ("ALRM", 14)] {
        let mut s = Session::start();
        s.expect("Recommendation");
        s.signal(signal);
        let status = s.wait();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        s.assert_terminal_restored();
    }
}

#[test]
fn bad_input_is_reported_before_the_screen_is_touched() {
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_versus"));
    command.args(["--preset", "nope"]);
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.exit_code(), 1);
    let mut out = Vec::new();
    let mut chunk = [0u8; 4096];
    // Read what was written; the pty reports EIO once the child has gone and everything is read.
    while let Ok(n) = reader.read(&mut chunk) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..n]);
    }
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("unknown preset `nope`"), "{out}");
    assert!(!out.contains("\x1b[?1049h"), "the alternate screen was entered");
}

#[test]
fn a_dumb_terminal_is_told_to_use_report() {
    for term in [Some("dumb"), None] {
        let pair =
            native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_versus"));
        match term {
            Some(term) => command.env("TERM", term),
            None => command.env_remove("TERM"),
        }
        let mut child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        assert_eq!(child.wait().unwrap().exit_code(), 1, "{term:?}");
        let mut out = Vec::new();
        let _ = reader.read_to_end(&mut out);
        let out = String::from_utf8_lossy(&out);
        assert!(out.contains("for scripts use `versus report`"), "{term:?}: {out}");
        assert!(!out.contains("\x1b[?1049h"), "{term:?}: the alternate screen was entered");
    }
}

/// Ctrl-Z as a user meets it: inside an interactive shell with job control (a process that leads its
/// own session has no shell to return to, and the kernel rightly ignores SIGTSTP there).
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws_everything() {
    let mut s = Session::stopped_in_a_shell();
    assert!(!s.screen().contains("Recommendation"), "the shell's screen is back while suspended");
    s.assert_restore_sequences();
    s.send("fg\r");
    s.expect("Recommendation");
    s.expect("Node.js vs Python for server-side web development");
    s.send("q");
    s.expect("shell$");
    s.send("echo status=$?\r");
    s.expect("status=0");
    s.send("exit\r");
    s.wait();
}

#[test]
fn a_huge_paste_is_one_event_and_a_signal_still_ends_it_at_once() {
    let mut s = Session::start();
    s.expect("Recommendation");
    s.send("/");
    s.expect("match");
    // Bracketed paste, as a terminal sends it: typed one key at a time, this used to take minutes.
    s.send(&format!("\x1b[200~{}\x1b[201~", "thread ".repeat(1_500)));
    s.send("\x1b[200~tail\x1b[201~");
    assert!(s.output().contains("\x1b[?2004h"), "bracketed paste was never asked for");
    s.signal("TERM");
    let status = s.wait();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    s.assert_terminal_restored();
}

/// A stop from outside, caught (`kill -TSTP`) or not (`kill -STOP`), then `fg`: the explorer is back in
/// raw mode, so a single `q` (no Enter) quits it.
#[test]
fn a_stop_from_outside_and_fg_leave_the_explorer_working() {
    for signal in ["TSTP", "STOP"] {
        let mut s = Session::spawn(CommandBuilder::new("bash").tap(|c| c.args(["--norc", "--noprofile", "-i"])));
        s.send("PS1='shell$ '\r");
        s.expect("shell$");
        s.send(&format!("{} & echo \"pid:$!:\"; fg\r", env!("CARGO_BIN_EXE_versus")));
        s.expect("Recommendation");
        // From another process, as a user's `kill` would come.
        let output = s.output();
        let pid = output
            .split("pid:")
            .filter_map(|rest| rest.split(':').next())
            .find(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
            .unwrap()
            .to_owned();
        let before_stop = s.output_len();
        assert!(std::process::Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
        s.expect_after(before_stop, "Stopped");
        if signal == "TSTP" {
            s.expect_after(before_stop, "\x1b[?1049l");
            assert!(!s.screen().contains("Recommendation"), "the shell's screen is back while stopped");
        }
        let before_fg = s.output_len();
        s.send("fg\r");
        s.expect_after(before_fg, " Recommendation ");
        let before_quit = s.output_len();
        s.send("q");
        s.expect_after(before_quit, "shell$");
        s.send("exit\r");
        s.wait();
    }
}

/// A terminal resized while versus is stopped sends no resize event to it: on `fg` it lays out again for
/// the size it finds, not the one it had.
#[test]
fn a_resize_while_stopped_is_seen_on_resume() {
    let mut s = Session::stopped_in_a_shell();
    let (rows, cols) = (ROWS + 10, COLS + 20);
    s.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    let before_fg = s.output_len();
    s.send("fg\r");
    s.expect_after(before_fg, " Recommendation ");
    std::thread::sleep(Duration::from_millis(500));
    // The footer's last line is drawn on the terminal's last row, not the old size's.
    let screen = s.screen_after(before_fg, rows, cols);
    let last = screen.lines().nth(usize::from(rows) - 1).unwrap_or_default();
    assert!(!last.trim().is_empty(), "the last row is empty: laid out for the old size\n{screen}");
    let row = screen.lines().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    assert!(row > usize::from(COLS), "no line is wider than the old size\n{screen}");
    s.send("q");
    // Typed before versus has exited, the next line would be read (and dropped) by versus: wait until it
    // has left the alternate screen and bash prompts again. Then something only bash evaluates.
    s.expect_after(before_fg, "\x1b[?1049l");
    let left = before_fg + s.output()[before_fg..].find("\x1b[?1049l").unwrap_or_default();
    s.expect_after(left, "shell$");
    s.send("echo done=$((40+2))\r");
    s.expect_after(before_fg, "done=42");
    s.send("exit\r");
    s.wait();
}

/// Closing the terminal, as closing a window does, ends versus with 129: when it is the terminal's own
/// process and when started by a shell that ignores hangups (versus's handler replaces the ignore).
#[test]
fn closing_the_terminal_ends_the_process() {
    let versus = env!("CARGO_BIN_EXE_versus");
    let hangups_ignored = format!("trap '' HUP; exec {versus}");
    for (program, args) in [(versus, vec![]), ("bash", vec!["-c", hangups_ignored.as_str()])] {
        let pair =
            native_pty_system().openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        let mut child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        std::thread::sleep(Duration::from_millis(500));
        // No reader holds the master open: dropping it closes the terminal.
        drop(pair.master);
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < PATIENCE, "{program}: versus kept running after its terminal closed");
            std::thread::sleep(Duration::from_millis(20));
        };
        // As for a hangup: not SIGABRT from a failed print on the way out.
        assert_eq!(status.exit_code(), 128 + 1, "{program}: {status:?}");
    }
}

#[test]
fn importing_over_a_profile_asks_first_on_a_terminal() {
    let config = tempfile::tempdir().unwrap();
    let file = config.path().join("alice.toml");
    let title = Dataset::builtin().meta.title;
    std::fs::write(
        &file,
        format!("version = 1\nname = \"Alice\"\n[dataset]\ntitle = \"{title}\"\n[weights]\nrealtime = 9\n"),
    )
    .unwrap();
    let import = |weight: u8| {
        std::fs::write(
            &file,
            std::fs::read_to_string(&file).unwrap().replace(&format!("= {}", 9 - weight), &format!("= {weight}")),
        )
        .unwrap();
        Session::spawn(CommandBuilder::new(env!("CARGO_BIN_EXE_versus")).tap(|c| {
            c.args(["profile", "import", file.to_str().unwrap()]);
            c.env("VERSUS_CONFIG_DIR", config.path());
        }))
    };
    let realtime = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_versus"))
            .args(["report", "--profile", "Alice", "--format", "json"])
            .env("VERSUS_CONFIG_DIR", config.path())
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["weights"]["realtime"].as_u64().unwrap()
    };
    let mut first = import(9);
    assert!(first.wait().success());
    assert_eq!(realtime(), 9);
    // The same name again: asked, and "n" (or anything but yes) keeps the profile as it was.
    let mut second = import(0);
    second.expect("replace your profile `Alice`? [y/N]");
    second.send("n\r");
    assert!(!second.wait().success());
    second.expect("kept your profile `Alice`; nothing imported");
    assert_eq!(realtime(), 9);
    let mut third = import(0);
    third.expect("[y/N]");
    third.send("y\r");
    assert!(third.wait().success(), "{}", third.output());
    assert_eq!(realtime(), 0);
}

#[test]
fn a_broken_config_is_a_warning_on_the_status_line_and_the_explorer_runs() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.toml"), "theme = \"purple\"\n").unwrap();
    let mut session = Session::spawn(CommandBuilder::new(env!("CARGO_BIN_EXE_versus")).tap(|c| {
        c.env("VERSUS_CONFIG_DIR", config.path());
    }));
    // What happened first, as a sentence, then where; help shows every warning whole.
    session.expect("warning: config set aside: versus runs on the defaults (");
    session.send("q");
    assert!(session.wait().success());
    session.assert_terminal_restored();
}

/// `report` with many samples shows how far the sampling has come on a terminal's stderr, once it has
/// taken a second, and clears the line before it ends; with stderr a pipe it writes nothing there. The
/// report is the same either way.
#[test]
fn long_sampling_shows_progress_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("many.toml");
    std::fs::write(&data, versus::synthetic::to_toml(&versus::synthetic::dataset(100, 2, 1))).unwrap();
    let out = dir.path().join("report.txt");
    let args = ["report", "--samples", "500000"];
    let started = Instant::now();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_versus"))
        .arg("--data")
        .arg(&data)
        .args(args)
        .env("VERSUS_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(piped.status.success(), "{}", String::from_utf8_lossy(&piped.stderr));
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "", "took {took:?}");
    // On a terminal, with the report going to a file.
    let mut session = Session::spawn(CommandBuilder::new("sh").tap(|c| {
        c.args(["-c", "exec \"$0\" --data \"$1\" report --samples 500000 > \"$2\""]);
        c.arg(env!("CARGO_BIN_EXE_versus"));
        c.arg(&data);
        c.arg(&out);
    }));
    assert!(session.wait().success(), "{}", session.output());
    assert_eq!(std::fs::read(&out).unwrap(), piped.stdout);
    // A machine fast enough to sample in under a second rightly shows nothing.
    if took > Duration::from_millis(1_300) {
        session.expect_after(0, " of 500,000 (");
        let start = Instant::now();
        while !session.output().ends_with("\r\x1b[K") && start.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(20));
        }
        let shown = session.output();
        assert!(shown.starts_with("\r\x1b[Ksampling ") && shown.ends_with("\r\x1b[K"), "{shown:?}");
    }
}

/// `NO_COLOR` turns colour off only when it is present and not empty (no-color.org).
#[test]
fn an_empty_no_color_keeps_the_colours() {
    let colour = |value: &str| {
        let mut session = Session::launch(CommandBuilder::new(env!("CARGO_BIN_EXE_versus")).tap(|c| {
            c.env("NO_COLOR", value);
        }));
        session.expect("Recommendation");
        session.send("q");
        let _ = session.wait();
        // A foreground colour: 38;5;N, or one of the basic 30-37.
        let output = session.output();
        output.contains("\u{1b}[38;5;") || (30..=37).any(|n| output.contains(&format!("\u{1b}[{n}m")))
    };
    assert!(colour(""), "an empty NO_COLOR changes nothing");
    assert!(!colour("1"), "NO_COLOR=1 turns colour off");
}

/// `versus --record FILE` starts from the record's weighting as given, with its weights pinned and its
/// verdict as recorded on the status line.
#[test]
fn a_record_opens_with_its_weights_pinned() {
    let repo = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let record = std::process::Command::new(env!("CARGO_BIN_EXE_versus"))
        .current_dir(repo.path())
        .env("VERSUS_CONFIG_DIR", config.path())
        .args(["record", "--title", "T", "--answer", "models-in-process=yes"])
        .output()
        .unwrap();
    assert!(record.status.success(), "{}", String::from_utf8_lossy(&record.stderr));
    let mut session = Session::spawn(CommandBuilder::new(env!("CARGO_BIN_EXE_versus")).tap(|c| {
        c.cwd(repo.path());
        c.env("VERSUS_CONFIG_DIR", config.path());
        c.args(["--record", "docs/decisions/0001-t.md"]);
    }));
    session.expect("record 0001: Python by ");
    session.expect("when recorded; its weights pinned (b unpins)");
    session.expect("(pinned: Python +");
    session.send("q");
    session.expect("Quit?");
    session.send("y");
    assert!(session.wait().success());
    session.assert_terminal_restored();
}
