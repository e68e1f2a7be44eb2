//! Performing what the explorer asks of the outside world: saving and deleting profiles, exporting the
//! report, copying to the clipboard. Each returns an [`Outcome`] for the status line. Quitting and
//! suspending are the terminal loop's own (see [`crate::shell::terminal`]).

use std::io::Write;
use std::path::Path;

use base64::Engine as _;

use crate::engine::report::{Context, Format, Report};
use crate::explorer::app::{App, Document, Effect, Outcome};
use crate::shell::dirs::expand_home;
use crate::shell::files::write_atomically;
use crate::shell::profiles;

/// Performs `effect` for `app`, or `None` for the effects the terminal loop performs itself. `config_dir`
/// holds the profiles; `terminal` receives the clipboard's OSC 52 sequence.
pub(crate) fn perform(
    effect: Effect,
    app: &App,
    config_dir: Option<&Path>,
    terminal: &mut impl Write,
) -> Option<Outcome> {
    let no_dir = || Outcome::Failed("no config directory: set VERSUS_CONFIG_DIR, XDG_CONFIG_HOME or HOME".to_owned());
    Some(match effect {
        Effect::Quit | Effect::Suspend => return None,
        Effect::SaveProfile { name, weights, notes, replace } => match config_dir {
            None => no_dir(),
            Some(dir) => match profiles::save_profile(dir, app.dataset(), &name, &weights, &notes, replace) {
                Ok(profiles::Saved::Done(message)) => Outcome::ProfileSaved { name, weights, notes, message },
                Ok(profiles::Saved::Exists) => Outcome::ProfileExists(name),
                Err(message) => Outcome::Failed(message),
            },
        },
        Effect::DeleteProfile { stored_name } => match config_dir {
            None => no_dir(),
            Some(dir) => match profiles::delete_profile(dir, app.dataset(), &stored_name) {
                Ok(message) => Outcome::ProfileDeleted { stored_name, message },
                Err(message) => Outcome::Failed(message),
            },
        },
        Effect::Export { path, overwrite, document } => export(app, &path, overwrite, document),
        Effect::Copy { text } => copy(&text, terminal),
        Effect::OpenUrl { url } => open_url(&url),
    })
}

/// Opens `url` in the system's browser (`$BROWSER` first, as the opener crate does). Without a
/// graphical session (over SSH, on a console) the opener would start a text browser in this very
/// terminal, under the explorer, so versus says so instead.
fn open_url(url: &str) -> Outcome {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    let graphical = cfg!(target_os = "macos") || set("DISPLAY") || set("WAYLAND_DISPLAY");
    if !graphical {
        return Outcome::Failed("no graphical session to open a browser in (over SSH?); y copies the URL".to_owned());
    }
    match opener::open_browser(url) {
        Ok(()) => Outcome::Done(format!("opened {url}")),
        Err(e) => Outcome::Failed(format!("cannot open {url}: {e}; y copies it")),
    }
}

/// Where an export of `path` goes: `~` expanded and made absolute, for the file and for the message
/// ("wrote versus-report.md" leaves the reader guessing where).
fn export_target(path: &str) -> std::path::PathBuf {
    let target = expand_home(Path::new(path));
    std::path::absolute(&target).unwrap_or(target)
}

fn export(app: &App, path: &str, overwrite: bool, document: Document) -> Outcome {
    let target = export_target(path);
    if target.is_dir() {
        return Outcome::Failed(format!("{path} is a directory; give a file name"));
    }
    // symlink_metadata: a link counts as there even when it points nowhere.
    match std::fs::symlink_metadata(&target) {
        Ok(m) if m.file_type().is_symlink() => {
            return Outcome::Failed(format!("{path} is a symbolic link; give the file's own name or another one"));
        }
        // Asking first would only lead to a refusal: versus replaces regular files only.
        Ok(m) if !m.file_type().is_file() => {
            return Outcome::Failed(format!(
                "{path} is not a regular file (a device, FIFO or socket); give a file name"
            ));
        }
        Ok(_) if !overwrite => return Outcome::FileExists { path: path.to_owned(), document },
        _ => {}
    }
    // What the explorer shows, when its sampling has finished; else sampled here in full.
    let report = match app.robustness() {
        (robustness, (drawn, asked)) if drawn == asked => Report::from_parts(
            app.dataset(),
            app.weighting(),
            app.evaluation().clone(),
            app.rating_flips().to_vec(),
            robustness,
        ),
        _ => Report::new(app.dataset(), app.weighting()),
    };
    let (format, what) = match document {
        Document::Report => (Format::Markdown, "the report"),
        Document::Record => (Format::Madr, "the decision record"),
    };
    let context = Context {
        date: Some(crate::shell::clock::today()),
        command: Some(format!(
            "{} --format {}",
            app.command_line(),
            if format == Format::Madr { "madr" } else { "markdown" }
        )),
        answers: app.interview_answers().to_vec(),
        left_out: app.team().map_or_else(Vec::new, |team| {
            team.members().iter().enumerate().filter(|&(i, _)| !team.counts(i)).map(|(_, m)| m.name.clone()).collect()
        }),
        ..Context::default()
    };
    let mut report = report.with_context(context);
    if let Some(team) = app.team() {
        report = report.with_team(team.counted().into_iter().cloned().collect());
    }
    let text = report.render(format);
    match write_atomically(&target, text.as_bytes()) {
        Ok(()) => Outcome::Done(format!("wrote {what} to {}", target.display())),
        Err(e) => Outcome::Failed(format!("cannot write {}: {e}", target.display())),
    }
}

/// Sends `text` to the terminal's clipboard with OSC 52, which works over SSH and in tmux (with its
/// `set-clipboard` option on). Terminals do not answer it, so success means "sent".
fn copy(text: &str, terminal: &mut impl Write) -> Outcome {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    match write!(terminal, "\x1b]52;c;{encoded}\x07").and_then(|()| terminal.flush()) {
        Ok(()) => Outcome::Done(format!("copied to the clipboard (OSC 52): {text}")),
        Err(e) => Outcome::Failed(format!("cannot reach the terminal's clipboard: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::Dataset;
    use crate::engine::weights::Weighting;
    use crate::explorer::app::Startup;

    fn app() -> App {
        let dataset = Dataset::builtin();
        let weighting = Weighting::defaults(&dataset);
        App::new(Startup::new(dataset, weighting))
    }

    /// The decision record `E` writes for `app`.
    fn record_of(app: &App) -> String {
        let scratch = tempfile::tempdir().unwrap();
        let target = scratch.path().join("decision.md");
        let effect =
            Effect::Export { path: target.display().to_string(), overwrite: false, document: Document::Record };
        assert!(matches!(perform(effect, app, None, &mut Vec::new()), Some(Outcome::Done(_))));
        std::fs::read_to_string(&target).unwrap()
    }

    /// Ann and Ben, weighing as two presets, the explorer at the defaults (not their median).
    fn app_with_team() -> App {
        use crate::engine::team::Member;
        let dataset = Dataset::builtin();
        let weights = |id: &str| dataset.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
        let members = vec![
            Member { name: "Ann".into(), weights: weights("ml-api") },
            Member { name: "Ben".into(), weights: weights("realtime-chat") },
        ];
        let startup = Startup {
            team: members,
            team_files: vec!["/d/ann.toml".into(), "/d/ben.toml".into()],
            ..Startup::new(dataset.clone(), Weighting::defaults(&dataset))
        };
        App::new(startup)
    }

    #[test]
    fn a_record_written_after_the_interview_gives_its_answers() {
        use crate::explorer::app::Event;
        use crate::explorer::keymap::Action;
        let mut app = app();
        let _ = app.update(Event::Resize(ratatui::layout::Size::new(80, 24)));
        let _ = app.update(Event::Action(Action::OpenInterview));
        let _ = app.update(Event::Action(Action::Confirm));
        for _ in 1..app.dataset().questions.len() {
            let _ = app.update(Event::Action(Action::FocusNext));
        }
        let _ = app.update(Event::Action(Action::Confirm));
        assert_eq!(app.interview_answers().len(), 1);
        let record = record_of(&app);
        let question = &app.dataset().questions[0];
        let answer = format!("* {} {}\n", question.text, question.answers[0].label);
        assert!(record.contains("The project interview's answers:"), "{record}");
        assert!(record.contains(&answer), "{answer} in {record}");
    }

    #[test]
    fn a_team_record_names_its_members_and_the_command_with_their_files() {
        use crate::explorer::keymap::Action;
        let app = app_with_team();
        let record = record_of(&app);
        assert!(record.starts_with("---\nstatus: proposed\ndate: "), "{record}");
        assert!(record.contains("deciders: \"Ann, Ben\"\n"), "{record}");
        assert!(record.contains("### The team\n\nThe weights above are not the members' median"), "{record}");
        assert!(record.contains("\n* Ann: Python by "), "{record}");
        // The weights here are the defaults, not the team's median: the command spells them out.
        assert!(record.contains("versus report --team '/d/ann.toml' '/d/ben.toml' --weight="), "{record}");
        // Ben left out: the record says so, and its command names Ann's file alone.
        let mut app = app_with_team();
        let _ = app.update(crate::explorer::app::Event::Resize(ratatui::layout::Size::new(80, 24)));
        for action in [Action::OpenTeam, Action::Down, Action::Confirm, Action::Back] {
            let _ = app.update(crate::explorer::app::Event::Action(action));
        }
        let record = record_of(&app);
        assert!(record.contains("Left out of the group: Ben."), "{record}");
        assert!(record.contains("versus report --team '/d/ann.toml' --format madr\n"), "{record}");
        assert!(record.contains("--format madr\n"), "{record}");
    }

    #[test]
    fn an_export_is_the_report_versus_report_would_print() {
        let scratch = tempfile::tempdir().unwrap();
        let target = scratch.path().join("r.md");
        // Before the sampling has finished the export samples in full itself; after, it reuses the app's.
        let mut app = app();
        let first = scratch.path().join("first.md");
        perform(
            Effect::Export { path: first.display().to_string(), overwrite: false, document: Document::Report },
            &app,
            None,
            &mut Vec::new(),
        );
        while app.robustness().1.0 < app.robustness().1.1 {
            let _ = app.update(crate::explorer::app::Event::Tick);
        }
        perform(
            Effect::Export { path: target.display().to_string(), overwrite: false, document: Document::Report },
            &app,
            None,
            &mut Vec::new(),
        );
        let expected = Report::new(app.dataset(), app.weighting()).render(Format::Markdown);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), expected);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), expected);
    }

    #[test]
    fn copy_sends_osc_52_with_the_text_in_base64() {
        let mut terminal = Vec::new();
        let outcome = perform(Effect::Copy { text: "hi".into() }, &app(), None, &mut terminal);
        assert_eq!(terminal, b"\x1b]52;c;aGk=\x07");
        assert!(matches!(outcome, Some(Outcome::Done(m)) if m.contains("hi")));
    }

    #[test]
    fn export_asks_before_replacing_a_file() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let path = dir.join("report.md");
        std::fs::write(&path, "mine").unwrap();
        let p = path.display().to_string();
        let outcome = perform(
            Effect::Export { path: p.clone(), overwrite: false, document: Document::Report },
            &app(),
            None,
            &mut Vec::new(),
        );
        assert_eq!(outcome, Some(Outcome::FileExists { path: p.clone(), document: Document::Report }));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        let outcome = perform(
            Effect::Export { path: p, overwrite: true, document: Document::Report },
            &app(),
            None,
            &mut Vec::new(),
        );
        assert!(matches!(outcome, Some(Outcome::Done(_))));
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, Report::new(app().dataset(), app().weighting()).render(Format::Markdown));
    }

    #[test]
    fn export_never_replaces_a_symbolic_link_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let link = dir.join("link.md");
        std::os::unix::fs::symlink(dir.join("nowhere.md"), &link).unwrap();
        let outcome = perform(
            Effect::Export { path: link.display().to_string(), overwrite: true, document: Document::Report },
            &app(),
            None,
            &mut Vec::new(),
        );
        assert!(matches!(outcome, Some(Outcome::Failed(m)) if m.contains("symbolic link")));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is untouched");
        let private = dir.join("private.md");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        perform(
            Effect::Export { path: private.display().to_string(), overwrite: true, document: Document::Report },
            &app(),
            None,
            &mut Vec::new(),
        );
        assert_eq!(std::fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn an_export_goes_to_and_names_an_absolute_path() {
        let target = export_target("report.md");
        assert!(target.is_absolute(), "{}", target.display());
        assert_eq!(target, std::env::current_dir().unwrap().join("report.md"));
        assert_eq!(export_target("/tmp/r.md"), Path::new("/tmp/r.md"));
    }

    #[test]
    fn export_refuses_devices_fifos_and_sockets() {
        use std::os::unix::fs::FileTypeExt;
        let scratch = tempfile::tempdir().unwrap();
        let fifo = scratch.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        for target in [fifo.display().to_string(), "/dev/null".to_owned()] {
            for overwrite in [false, true] {
                let outcome = perform(
                    Effect::Export { path: target.clone(), overwrite, document: Document::Report },
                    &app(),
                    None,
                    &mut Vec::new(),
                );
                assert!(
                    matches!(&outcome, Some(Outcome::Failed(m)) if m.contains("not a regular file")),
                    "{outcome:?}"
                );
            }
        }
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    #[test]
    fn profiles_need_a_config_directory() {
        let outcome = perform(Effect::DeleteProfile { stored_name: "x".into() }, &app(), None, &mut Vec::new());
        assert!(matches!(outcome, Some(Outcome::Failed(m)) if m.starts_with("no config directory")));
    }
}
