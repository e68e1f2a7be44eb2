//! The saved profiles on disk: `profiles.toml` in the config directory, read, changed and written back
//! safely. The file's model and its matching to a dataset are the engine's ([`crate::engine::profiles`]).

use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::data::Dataset;
use crate::engine::profiles::{FILE_NAME, Profile, ProfileFile};
use crate::shell::files::{read_text, write_atomically};

/// What reading the profiles file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfilesRead {
    Missing,
    Loaded(ProfileFile),
    /// The file exists but cannot be used; the message says why and where. It is never overwritten.
    Broken(String),
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
        Err(message) => ProfilesRead::Broken(message),
        Ok(Some(text)) => match ProfileFile::parse(&text) {
            Ok(file) => ProfilesRead::Loaded(file),
            Err(e) => ProfilesRead::Broken(format!("{}:{e}", path.display())),
        },
    }
}

/// Applies `change` to the profiles file and writes it back. A broken file is first moved aside to a
/// `.bak` name (never overwritten: the user may want what is in it), and the returned note says so.
pub(crate) fn update_profiles(dir: &Path, change: impl FnOnce(&mut ProfileFile)) -> Result<Option<String>, String> {
    let path = dir.join(FILE_NAME);
    let (mut file, note) = match read_profiles(dir) {
        ProfilesRead::Missing => (ProfileFile::default(), None),
        ProfilesRead::Loaded(file) => (file, None),
        ProfilesRead::Broken(_) => {
            let backup = free_backup_name(&path);
            fs::rename(&path, &backup)
                .map_err(|e| format!("cannot move the unreadable {} aside: {e}", path.display()))?;
            (ProfileFile::default(), Some(format!("the unreadable profiles file was moved to {}", backup.display())))
        }
    };
    change(&mut file);
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    write_atomically(&path, file.to_toml().as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(note)
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

/// Saves `weights` as profile `name` of `dataset`, replacing one of the same name only if `replace`.
pub(crate) fn save_profile(
    dir: &Path,
    dataset: &Dataset,
    name: &str,
    weights: &[u8],
    replace: bool,
) -> Result<Saved, String> {
    if !replace
        && let ProfilesRead::Loaded(file) = read_profiles(dir)
        && file.profiles.iter().any(|p| p.dataset == dataset.meta.title && p.name == name)
    {
        return Ok(Saved::Exists);
    }
    let note = update_profiles(dir, |file| file.upsert(dataset, name, weights))?;
    let saved =
        format!("saved profile `{}` in {}", crate::engine::data::sanitize::line(name), dir.join(FILE_NAME).display());
    Ok(Saved::Done(note.map_or(saved.clone(), |note| format!("{saved}; {note}"))))
}

/// Deletes profile `name` (as stored) of `dataset`; the message for the status line.
pub(crate) fn delete_profile(dir: &Path, dataset: &Dataset, name: &str) -> Result<String, String> {
    let shown = crate::engine::data::sanitize::line(name);
    let mut removed = false;
    let note = update_profiles(dir, |file| removed = file.remove(dataset, name))?;
    if !removed {
        return Err(format!("no saved profile `{shown}` in {}", dir.join(FILE_NAME).display()));
    }
    let deleted = format!("deleted profile `{shown}`");
    Ok(note.map_or(deleted.clone(), |note| format!("{deleted}; {note}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrupt_profiles_file_is_kept_as_bak_and_reported() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let d = Dataset::builtin();
        fs::write(dir.join(FILE_NAME), "this is [not toml").unwrap();
        assert!(matches!(read_profiles(dir), ProfilesRead::Broken(m) if m.contains("profiles.toml:1:")));
        let Ok(Saved::Done(message)) = save_profile(dir, &d, "mine", &d.default_weights(), false) else { panic!() };
        assert!(message.contains("moved to"), "{message}");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert!(matches!(read_profiles(dir), ProfilesRead::Loaded(f) if f.profiles.len() == 1));
        // A second broken file does not overwrite the first backup.
        fs::write(dir.join(FILE_NAME), "broken again").unwrap();
        save_profile(dir, &d, "mine", &d.default_weights(), true).unwrap();
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak.2")).unwrap(), "broken again");
    }

    #[test]
    fn saving_asks_before_replacing_what_another_instance_saved() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let d = Dataset::builtin();
        assert!(matches!(save_profile(dir, &d, "team", &d.default_weights(), false), Ok(Saved::Done(_))));
        assert_eq!(save_profile(dir, &d, "team", &vec![1; d.dimensions.len()], false), Ok(Saved::Exists));
        assert!(matches!(save_profile(dir, &d, "team", &vec![1; d.dimensions.len()], true), Ok(Saved::Done(_))));
        assert!(delete_profile(dir, &d, "team").is_ok());
        assert!(delete_profile(dir, &d, "team").unwrap_err().starts_with("no saved profile `team`"));
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
        let error = save_profile(&blocker.join("versus"), &d, "x", &d.default_weights(), false).unwrap_err();
        assert!(error.starts_with("cannot create "), "{error}");
    }
}
