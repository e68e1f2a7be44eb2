//! Performing what the explorer asks of the outside world: saving and deleting profiles, writing a
//! document, copying to the clipboard, opening a URL. Each effect comes with what it needs; each returns
//! an [`Outcome`] for the status line. Quitting and suspending are the terminal loop's own (see
//! [`crate::shell::terminal`]).

use std::io::Write;
use std::path::Path;

use base64::Engine as _;

use crate::explorer::app::{Effect, Export, Outcome};
use crate::shell::dirs::expand_home;
use crate::shell::files::write_atomically;
use crate::shell::profiles;

/// Performs `effect`, or `None` for the effects the terminal loop performs itself. Profiles are kept in
/// `config_dir`; `terminal` receives the clipboard's OSC 52 sequence.
pub(crate) fn perform(effect: Effect, config_dir: Option<&Path>, terminal: &mut impl Write) -> Option<Outcome> {
    let no_dir = || Outcome::Failed("no config directory: set VERSUS_CONFIG_DIR, XDG_CONFIG_HOME or HOME".to_owned());
    Some(match effect {
        Effect::Quit | Effect::Suspend => return None,
        Effect::SaveProfile { profile, replace } => match config_dir {
            None => no_dir(),
            Some(dir) => match profiles::save_profile(dir, &profile, replace) {
                Ok(profiles::Saved::Done(message)) => Outcome::ProfileSaved { profile, message },
                Ok(profiles::Saved::Exists) => Outcome::ProfileExists(profile.name),
                Err(diagnostic) => Outcome::Failed(diagnostic.to_string()),
            },
        },
        Effect::DeleteProfile { dataset, stored_name } => match config_dir {
            None => no_dir(),
            Some(dir) => match profiles::delete_profile(dir, &dataset, &stored_name) {
                Ok(message) => Outcome::ProfileDeleted { stored_name, message },
                Err(diagnostic) => Outcome::Failed(diagnostic.to_string()),
            },
        },
        Effect::Export { export, overwrite } => write_export(export, overwrite),
        Effect::WriteRecord { dir, text } => write_record(&dir, &text),
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

/// Writes the finished document to its path, atomically; asks first (as an outcome) before replacing a
/// file unless `overwrite`, and replaces regular files only.
fn write_export(export: Export, overwrite: bool) -> Outcome {
    let path = &export.path;
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
        Ok(_) if !overwrite => return Outcome::FileExists(export),
        _ => {}
    }
    let what = export.document.words();
    match write_atomically(&target, export.text.as_bytes()) {
        Ok(()) => Outcome::Done(format!("wrote {what} to {}", target.display())),
        Err(e) => Outcome::Failed(format!("cannot write {}: {e}", target.display())),
    }
}

/// Writes a decision record as `versus record` does, and says where (in full: the directory is the one
/// versus runs in, which the user may not have in mind).
fn write_record(dir: &str, text: &str) -> Outcome {
    let target = export_target(dir);
    match crate::shell::decisions::write_next(&target, text) {
        Ok((_, path)) => Outcome::Done(format!("wrote the decision record to {}", path.display())),
        Err(e) => Outcome::Failed(format!("cannot write the decision record into {}: {e}", target.display())),
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
    use crate::explorer::app::Document;

    /// A report export to `path`, as the explorer sends it.
    fn export(path: &Path, text: &str) -> Export {
        Export { path: path.display().to_string(), document: Document::Report, text: text.to_owned() }
    }

    fn perform(effect: Effect) -> Option<Outcome> {
        super::perform(effect, None, &mut Vec::new())
    }

    #[test]
    fn an_export_writes_the_text_it_carries() {
        let scratch = tempfile::tempdir().unwrap();
        let target = scratch.path().join("r.md");
        let outcome = perform(Effect::Export { export: export(&target, "# the report\n"), overwrite: false });
        assert!(matches!(&outcome, Some(Outcome::Done(m)) if m.starts_with("wrote the report to ")), "{outcome:?}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "# the report\n");
    }

    #[test]
    fn copy_sends_osc_52_with_the_text_in_base64() {
        let mut terminal = Vec::new();
        let outcome = super::perform(Effect::Copy { text: "hi".into() }, None, &mut terminal);
        assert_eq!(terminal, b"\x1b]52;c;aGk=\x07");
        assert!(matches!(outcome, Some(Outcome::Done(m)) if m.contains("hi")));
    }

    #[test]
    fn export_asks_before_replacing_a_file() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let path = dir.join("report.md");
        std::fs::write(&path, "mine").unwrap();
        let outcome = perform(Effect::Export { export: export(&path, "theirs"), overwrite: false });
        assert_eq!(outcome, Some(Outcome::FileExists(export(&path, "theirs"))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        let outcome = perform(Effect::Export { export: export(&path, "theirs"), overwrite: true });
        assert!(matches!(outcome, Some(Outcome::Done(_))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
    }

    #[test]
    fn export_never_replaces_a_symbolic_link_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let link = dir.join("link.md");
        std::os::unix::fs::symlink(dir.join("nowhere.md"), &link).unwrap();
        let outcome = perform(Effect::Export { export: export(&link, "x"), overwrite: true });
        assert!(matches!(outcome, Some(Outcome::Failed(m)) if m.contains("symbolic link")));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is untouched");
        let private = dir.join("private.md");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        perform(Effect::Export { export: export(&private, "new"), overwrite: true });
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
        for target in [fifo.clone(), "/dev/null".into()] {
            for overwrite in [false, true] {
                let outcome = perform(Effect::Export { export: export(&target, "x"), overwrite });
                assert!(
                    matches!(&outcome, Some(Outcome::Failed(m)) if m.contains("not a regular file")),
                    "{outcome:?}"
                );
            }
        }
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    /// `E`'s record goes in as `versus record`'s does: the next number, the title's slug, the folder
    /// made if missing, no file replaced.
    #[test]
    fn a_decision_record_is_numbered_into_its_folder() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path().join("docs/decisions");
        let write = |text: &str| perform(Effect::WriteRecord { dir: dir.display().to_string(), text: text.into() });
        let outcome = write("---\n---\n\n# Backend language\n");
        let first = dir.join("0001-backend-language.md");
        assert_eq!(outcome, Some(Outcome::Done(format!("wrote the decision record to {}", first.display()))));
        std::fs::write(dir.join("0007-old.md"), "mine").unwrap();
        let outcome = write("# Backend language\n");
        let eighth = dir.join("0008-backend-language.md");
        assert_eq!(outcome, Some(Outcome::Done(format!("wrote the decision record to {}", eighth.display()))));
        assert_eq!(std::fs::read_to_string(dir.join("0007-old.md")).unwrap(), "mine");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "---\n---\n\n# Backend language\n");
        // A file where the folder should be: said, nothing written.
        let blocked = scratch.path().join("blocked");
        std::fs::write(&blocked, "x").unwrap();
        let outcome = perform(Effect::WriteRecord { dir: blocked.display().to_string(), text: "# T\n".into() });
        assert!(
            matches!(&outcome, Some(Outcome::Failed(m)) if m.starts_with("cannot write the decision record into "))
        );
    }

    #[test]
    fn profiles_need_a_config_directory() {
        let outcome = perform(Effect::DeleteProfile { dataset: "d".into(), stored_name: "x".into() });
        assert!(matches!(outcome, Some(Outcome::Failed(m)) if m.starts_with("no config directory")));
    }
}
