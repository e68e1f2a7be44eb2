//! The saved profiles on disk: `profiles.toml` in the config directory, read, changed and written back
//! safely. The file's model and its matching to a dataset are the engine's ([`crate::engine::profiles`]).

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::engine::data::Dataset;
use crate::engine::diagnostic::Diagnostic;
use crate::engine::profiles::{FILE_NAME, Profile, ProfileFile, StoredProfile};
use crate::shell::files::{check_regular_or_missing, copy_new, open_lock, read_text, through_links, write_atomically};

/// What reading the profiles file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfilesRead {
    Missing,
    Loaded(ProfileFile),
    /// The file exists but cannot be used; the diagnostic says why and where. It is never overwritten.
    Broken(Diagnostic),
}

impl ProfilesRead {
    /// The profiles of `dataset`, or none when the file is missing or broken.
    #[must_use]
    pub(crate) fn for_dataset(&self, dataset: &Dataset) -> Vec<Profile> {
        match self {
            Self::Loaded(file) => file.for_dataset(dataset),
            Self::Missing | Self::Broken(_) => Vec::new(),
        }
    }
}

#[must_use]
pub(crate) fn read_profiles(dir: &Path) -> ProfilesRead {
    let path = dir.join(FILE_NAME);
    match read_text(&path) {
        Ok(None) => ProfilesRead::Missing,
        Err(diagnostic) => ProfilesRead::Broken(diagnostic),
        Ok(Some(text)) => match ProfileFile::parse(&text) {
            Ok(file) => ProfilesRead::Loaded(file),
            Err(e) => ProfilesRead::Broken(e.in_file(&path.display().to_string())),
        },
    }
}

/// Beside `profiles.toml`: held while a versus reads, changes and writes the profiles, so that two
/// explorers saving at once both land.
const LOCK_NAME: &str = ".profiles.toml.lock";

/// Applies `change` to the profiles file and writes it back if `change` says so, under an advisory
/// lock and reading the file afresh under it: a save or delete never undoes another versus's. A link
/// at `profiles.toml` is written through, so it stays a link, but only to a regular file: a link to a
/// device, FIFO or directory, or one of those in its place, is refused and left as it is. A broken
/// file is first kept as `profiles.toml.bak` in the config directory (never overwritten: the user may
/// want what is in it): moved there when it is the config directory's own file, copied there when a
/// link leads elsewhere (nothing outside the config directory is ever moved). Every outcome, written
/// or failed, says where it went.
pub(crate) fn update_profiles(
    dir: &Path,
    change: impl FnOnce(&mut ProfileFile) -> bool,
) -> Result<Option<String>, Diagnostic> {
    let at = |path: &Path, message: String| Diagnostic::error(message).in_file(&path.display().to_string());
    fs::create_dir_all(dir).map_err(|e| at(dir, format!("cannot create the directory: {e}")))?;
    let _lock = lock(dir)?;
    let path = dir.join(FILE_NAME);
    let target = through_links(&path).map_err(|e| at(&path, format!("cannot follow the link: {e}")))?;
    check_regular_or_missing(&target).map_err(|e| {
        let linked = if target == path { String::new() } else { format!(" (a link to {})", target.display()) };
        at(&path, format!("cannot save profiles here{linked}: {e}; versus leaves it as it is"))
    })?;
    let read = read_profiles(dir);
    let mut file = match &read {
        ProfilesRead::Loaded(file) => file.clone(),
        ProfilesRead::Missing | ProfilesRead::Broken(_) => ProfileFile::default(),
    };
    if !change(&mut file) {
        return Ok(None);
    }
    let note = match read {
        ProfilesRead::Broken(_) => {
            let backup = free_backup_name(&path);
            let kept = if target == path { fs::rename(&target, &backup) } else { copy_new(&target, &backup) };
            kept.map_err(|e| at(&target, format!("cannot keep the unreadable file aside: {e}")))?;
            let how = if target == path { "moved" } else { "copied" };
            Some(format!("the unreadable profiles file was {how} to {}", backup.display()))
        }
        ProfilesRead::Missing | ProfilesRead::Loaded(_) => None,
    };
    write_atomically(&target, file.to_toml().as_bytes()).map_err(|e| {
        let failed = format!("cannot write: {e}");
        at(&target, note.as_ref().map_or(failed.clone(), |note| format!("{failed}; {note}")))
    })?;
    Ok(note)
}

/// The profiles lock of `dir`, held until the file is dropped.
fn lock(dir: &Path) -> Result<File, Diagnostic> {
    let path = dir.join(LOCK_NAME);
    let fail = |e: std::io::Error| Diagnostic::error(format!("cannot lock: {e}")).in_file(&path.display().to_string());
    let file = open_lock(&path).map_err(fail)?;
    file.lock().map_err(fail)?;
    Ok(file)
}

/// `profiles.toml.bak`, or `.bak.2`, `.bak.3` ... if that is taken.
fn free_backup_name(path: &Path) -> PathBuf {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    std::iter::once(with(".bak"))
        .chain((2..10_000).map(|n| with(&format!(".bak.{n}"))))
        .find(|p| !p.exists())
        .unwrap_or_else(|| with(".bak"))
}

/// What saving a profile did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved; the message for the status line.
    Done(String),
    /// Not saved: the file already has a profile of that name (perhaps from another versus since this
    /// one started), and replacing was not asked for.
    Exists,
}

/// Saves `profile` (its dataset, name, weights, note and the interview answers they came from),
/// replacing one of the same dataset and name only if `replace`.
pub(crate) fn save_profile(dir: &Path, profile: &StoredProfile, replace: bool) -> Result<Saved, Diagnostic> {
    let mut exists = false;
    let name = profile.name.as_str();
    let note = update_profiles(dir, |file| {
        exists = file.profiles.iter().any(|p| p.dataset == profile.dataset && p.name == name);
        let write = replace || !exists;
        if write {
            file.upsert_stored(profile.clone());
        }
        write
    })?;
    if exists && !replace {
        return Ok(Saved::Exists);
    }
    let saved =
        format!("saved profile `{}` in {}", crate::engine::data::sanitize::line(name), dir.join(FILE_NAME).display());
    Ok(Saved::Done(note.map_or(saved.clone(), |note| format!("{saved}; {note}"))))
}

/// Deletes profile `name` (as stored) of the dataset titled `dataset`; the message for the status line.
pub(crate) fn delete_profile(dir: &Path, dataset: &str, name: &str) -> Result<String, Diagnostic> {
    let shown = crate::engine::data::sanitize::line(name);
    let mut removed = false;
    let note = update_profiles(dir, |file| {
        removed = file.remove(dataset, name);
        removed
    })?;
    if !removed {
        let file = dir.join(FILE_NAME).display().to_string();
        return Err(Diagnostic::error(format!("no saved profile `{shown}`")).in_file(&file));
    }
    let deleted = format!("deleted profile `{shown}`");
    Ok(note.map_or(deleted.clone(), |note| format!("{deleted}; {note}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::profiles::Notes;
    use std::ffi::OsStr;
    use std::process::{Child, Command, Stdio};

    /// Starts the test `name` of this binary again, alone, in a new process with `vars` set: for what
    /// only real processes can show. The child tells itself apart by the variables.
    fn run_alone(name: &str, vars: &[(&str, &OsStr)]) -> Child {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command.args(["--exact", &format!("shell::profiles::tests::{name}"), "--test-threads=1", "--nocapture"]);
        command.envs(vars.iter().copied()).stdout(Stdio::piped()).stderr(Stdio::piped());
        command.spawn().unwrap()
    }

    #[test]
    fn saves_from_processes_at_the_same_moment_all_land() {
        const SAVERS: usize = 8;
        let d = Dataset::builtin();
        if let (Some(dir), Some(name)) = (std::env::var_os("VERSUS_TEST_DIR"), std::env::var_os("VERSUS_TEST_NAME")) {
            let dir = PathBuf::from(dir);
            // Every saver waits for the same signal, so that they read the file at the same moment.
            while !dir.join("go").exists() {
                std::thread::yield_now();
            }
            let name = name.to_str().unwrap();
            assert!(matches!(
                save_profile(&dir, &StoredProfile::new(&d, name, &d.default_weights(), &Notes::default()), false),
                Ok(Saved::Done(_))
            ));
            return;
        }
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let names: Vec<String> = (0..SAVERS).map(|i| format!("saver {i}")).collect();
        let savers: Vec<Child> = names
            .iter()
            .map(|name| {
                run_alone(
                    "saves_from_processes_at_the_same_moment_all_land",
                    &[("VERSUS_TEST_DIR", dir.as_os_str()), ("VERSUS_TEST_NAME", OsStr::new(name))],
                )
            })
            .collect();
        fs::write(dir.join("go"), "").unwrap();
        for saver in savers {
            let output = saver.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
        }
        let ProfilesRead::Loaded(file) = read_profiles(dir) else { panic!("unreadable after the saves") };
        let mut saved: Vec<&str> = file.profiles.iter().map(|p| p.name.as_str()).collect();
        saved.sort_unstable();
        assert_eq!(saved, names, "every save landed");
    }

    #[test]
    fn a_file_moved_aside_is_named_when_the_save_then_fails() {
        let d = Dataset::builtin();
        if let Some(dir) = std::env::var_os("VERSUS_TEST_FULL_DISK") {
            use nix::sys::resource::{Resource, setrlimit};
            use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};
            // As on a full disk: no file may grow past one byte. With SIGXFSZ blocked, a write past it
            // fails (EFBIG) instead of killing the process; renaming still works.
            let mut xfsz = SigSet::empty();
            xfsz.add(Signal::SIGXFSZ);
            pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&xfsz), None).unwrap();
            setrlimit(Resource::RLIMIT_FSIZE, 1, 1).unwrap();
            let error = save_profile(
                Path::new(&dir),
                &StoredProfile::new(&d, "mine", &d.default_weights(), &Notes::default()),
                false,
            )
            .unwrap_err();
            println!("{error}");
            return;
        }
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        fs::write(dir.join(FILE_NAME), "this is [not toml").unwrap();
        let child = run_alone(
            "a_file_moved_aside_is_named_when_the_save_then_fails",
            &[("VERSUS_TEST_FULL_DISK", dir.as_os_str())],
        );
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let said = String::from_utf8_lossy(&output.stdout);
        let backup = dir.join("profiles.toml.bak");
        assert!(said.contains("cannot write"), "{said}");
        assert!(said.contains(&format!("was moved to {}", backup.display())), "{said}");
        assert_eq!(fs::read_to_string(backup).unwrap(), "this is [not toml");
    }

    #[test]
    fn a_linked_profiles_file_stays_a_link() {
        let scratch = tempfile::tempdir().unwrap();
        let (dir, dotfiles) = (scratch.path().join("config"), scratch.path().join("dotfiles"));
        fs::create_dir_all(&dir).unwrap();
        fs::create_dir_all(&dotfiles).unwrap();
        let real = dotfiles.join("versus-profiles.toml");
        std::os::unix::fs::symlink(&real, dir.join(FILE_NAME)).unwrap();
        let d = Dataset::builtin();
        assert!(matches!(
            save_profile(&dir, &StoredProfile::new(&d, "mine", &d.default_weights(), &Notes::default()), false),
            Ok(Saved::Done(_))
        ));
        assert!(fs::symlink_metadata(dir.join(FILE_NAME)).unwrap().file_type().is_symlink());
        assert!(matches!(read_profiles(&dir), ProfilesRead::Loaded(f) if f.profiles.len() == 1));
        // A broken target is copied aside into the config directory (nothing beside it moves), and the
        // link still points at the new file.
        fs::write(&real, "broken").unwrap();
        assert!(matches!(
            save_profile(&dir, &StoredProfile::new(&d, "again", &d.default_weights(), &Notes::default()), false),
            Ok(Saved::Done(_))
        ));
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "broken");
        assert!(!dotfiles.join("versus-profiles.toml.bak").exists());
        assert!(fs::symlink_metadata(dir.join(FILE_NAME)).unwrap().file_type().is_symlink());
        assert!(matches!(read_profiles(&dir), ProfilesRead::Loaded(f) if f.profiles.len() == 1));
    }

    #[test]
    fn nothing_to_change_leaves_a_broken_file_where_it_is() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        fs::write(dir.join(FILE_NAME), "broken").unwrap();
        let d = Dataset::builtin();
        assert!(delete_profile(dir, &d.meta.title, "none").is_err());
        assert_eq!(fs::read_to_string(dir.join(FILE_NAME)).unwrap(), "broken");
        assert!(!dir.join("profiles.toml.bak").exists());
    }

    #[test]
    fn a_corrupt_profiles_file_is_kept_as_bak_and_reported() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let d = Dataset::builtin();
        fs::write(dir.join(FILE_NAME), "this is [not toml").unwrap();
        assert!(matches!(read_profiles(dir), ProfilesRead::Broken(d)
            if d.file.ends_with("profiles.toml") && d.position.is_some_and(|p| p.line == 1)));
        let Ok(Saved::Done(message)) =
            save_profile(dir, &StoredProfile::new(&d, "mine", &d.default_weights(), &Notes::default()), false)
        else {
            panic!()
        };
        assert!(message.contains("moved to"), "{message}");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert!(matches!(read_profiles(dir), ProfilesRead::Loaded(f) if f.profiles.len() == 1));
        // A second broken file does not overwrite the first backup.
        fs::write(dir.join(FILE_NAME), "broken again").unwrap();
        save_profile(dir, &StoredProfile::new(&d, "mine", &d.default_weights(), &Notes::default()), true).unwrap();
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak.2")).unwrap(), "broken again");
    }

    #[test]
    fn saving_asks_before_replacing_what_another_instance_saved() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let d = Dataset::builtin();
        assert!(matches!(
            save_profile(dir, &StoredProfile::new(&d, "team", &d.default_weights(), &Notes::default()), false),
            Ok(Saved::Done(_))
        ));
        assert_eq!(
            save_profile(dir, &StoredProfile::new(&d, "team", &vec![1; d.dimensions.len()], &Notes::default()), false),
            Ok(Saved::Exists)
        );
        assert!(matches!(
            save_profile(dir, &StoredProfile::new(&d, "team", &vec![1; d.dimensions.len()], &Notes::default()), true),
            Ok(Saved::Done(_))
        ));
        assert!(delete_profile(dir, &d.meta.title, "team").is_ok());
        assert_eq!(delete_profile(dir, &d.meta.title, "team").unwrap_err().message, "no saved profile `team`");
    }

    #[test]
    fn an_unwritable_config_directory_is_a_clear_error() {
        // Root ignores permission bits, so make the "directory" a regular file: nothing can be created
        // below it whoever runs the test.
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let blocker = dir.join("not-a-dir");
        fs::write(&blocker, "").unwrap();
        let d = Dataset::builtin();
        let error = save_profile(
            &blocker.join("versus"),
            &StoredProfile::new(&d, "x", &d.default_weights(), &Notes::default()),
            false,
        )
        .unwrap_err();
        assert!(error.message.starts_with("cannot create "), "{error}");
        assert!(error.file.ends_with("versus"), "{error}");
    }
}
