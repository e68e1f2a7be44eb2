//! The user's files: where the config directory is, reading the profiles file, and writing files so that
//! a crash or a full disk can never leave a half-written one behind.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::profiles::{FILE_NAME, ProfileFile};

/// The config directory: `$VERSUS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/versus`, else `~/.config/versus`
/// (the same on every Unix, macOS included). `env` reads a variable; empty values count as unset.
#[must_use]
pub fn config_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    user_dir(env, "VERSUS_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")
}

/// Where checked datasets are cached (see [`crate::cache`]): `$VERSUS_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/versus`, else `~/.cache/versus`.
#[must_use]
pub fn cache_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    user_dir(env, "VERSUS_CACHE_DIR", "XDG_CACHE_HOME", ".cache")
}

/// versus's own variable, else the XDG base directory's `versus`, else the home directory's default.
fn user_dir(env: impl Fn(&str) -> Option<OsString>, own: &str, xdg: &str, home_default: &str) -> Option<PathBuf> {
    let var = |name| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    var(own)
        .or_else(|| var(xdg).map(|p| p.join("versus")))
        .or_else(|| var("HOME").map(|p| p.join(home_default).join("versus")))
}

/// `~/x` means the home directory's `x`, as in a shell; other paths are left as they are.
#[must_use]
pub fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_owned(),
    }
}

/// The config directory of this process's environment.
#[must_use]
pub fn default_config_dir() -> Option<PathBuf> {
    config_dir(|name| std::env::var_os(name))
}

/// A file written next to its destination, not yet in place. Dropping it without [`Pending::commit`]
/// (as a crash would) leaves the destination untouched and removes the temporary file.
pub struct Pending {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
    /// Whether the data and the rename are synced to disk.
    durable: bool,
}

/// Writes `contents` to a temporary file in `target`'s directory and flushes it to disk.
pub fn prepare(target: &Path, contents: &[u8]) -> io::Result<Pending> {
    let pending = Pending::beside(target, true)?;
    let mut file = pending.create(0o666)?;
    file.write_all(contents)?;
    // A replaced file keeps its permissions (a private file stays private).
    if let Ok(old) = fs::metadata(target) {
        file.set_permissions(old.permissions())?;
    }
    file.sync_all()?;
    Ok(pending)
}

/// Writes `contents` to `target` through a temporary file and a rename, readable by the owner only and
/// not synced: for the dataset cache, whose entries copy data that may be private and cost only a parse
/// if lost.
pub fn write_private(target: &Path, contents: &[u8]) -> io::Result<()> {
    let pending = Pending::beside(target, false)?;
    pending.create(0o600)?.write_all(contents)?;
    pending.commit()
}

impl Pending {
    fn beside(target: &Path, durable: bool) -> io::Result<Self> {
        let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = target.file_name().ok_or_else(|| io::Error::other("not a file name"))?;
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        Ok(Self { temp: dir.join(temp_name), target: target.to_owned(), committed: false, durable })
    }

    /// The temporary file, created afresh (never through a link left at its name) with `mode` (less the
    /// umask).
    fn create(&self, mode: u32) -> io::Result<File> {
        let _ = fs::remove_file(&self.temp);
        fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(&self.temp)
    }

    /// Renames the temporary file over the destination: readers see the old file or the new one, never
    /// a mix.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        // Make the rename itself durable where the platform allows.
        if let Some(dir) = self.target.parent().filter(|p| self.durable && !p.as_os_str().is_empty()) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `contents` to `target` through a temporary file and a rename.
pub fn write_atomically(target: &Path, contents: &[u8]) -> io::Result<()> {
    prepare(target, contents)?.commit()
}

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
    pub fn for_dataset(&self, dataset: &Dataset) -> Vec<crate::profiles::Profile> {
        match self {
            Self::Loaded(file) => file.for_dataset(dataset),
            Self::Missing | Self::Broken(_) => Vec::new(),
        }
    }
}

#[must_use]
pub fn read_profiles(dir: &Path) -> ProfilesRead {
    let path = dir.join(FILE_NAME);
    match fs::read(&path) {
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => ProfilesRead::Missing,
        Err(e) => ProfilesRead::Broken(format!("{}: cannot read: {e}", path.display())),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(_) => ProfilesRead::Broken(format!("{}: not UTF-8 text", path.display())),
            Ok(text) => match ProfileFile::parse(&text) {
                Ok(file) => ProfilesRead::Loaded(file),
                Err(e) => ProfilesRead::Broken(format!("{}:{e}", path.display())),
            },
        },
    }
}

/// Applies `change` to the profiles file and writes it back. A broken file is first moved aside to a
/// `.bak` name (never overwritten: the user may want what is in it), and the returned note says so.
pub fn update_profiles(dir: &Path, change: impl FnOnce(&mut ProfileFile)) -> Result<Option<String>, String> {
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
pub fn save_profile(dir: &Path, dataset: &Dataset, name: &str, weights: &[u8], replace: bool) -> Result<Saved, String> {
    if !replace
        && let ProfilesRead::Loaded(file) = read_profiles(dir)
        && file.profiles.iter().any(|p| p.dataset == dataset.meta.title && p.name == name)
    {
        return Ok(Saved::Exists);
    }
    let note = update_profiles(dir, |file| file.upsert(dataset, name, weights))?;
    let saved = format!("saved profile `{}` in {}", crate::data::sanitize::line(name), dir.join(FILE_NAME).display());
    Ok(Saved::Done(note.map_or(saved.clone(), |note| format!("{saved}; {note}"))))
}

/// Deletes profile `name` (as stored) of `dataset`; the message for the status line.
pub fn delete_profile(dir: &Path, dataset: &Dataset, name: &str) -> Result<String, String> {
    let shown = crate::data::sanitize::line(name);
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

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("versus-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn config_dir_prefers_versus_then_xdg_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v))
        };
        assert_eq!(
            config_dir(env(&[("VERSUS_CONFIG_DIR", "/v"), ("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
            Some("/v".into())
        );
        assert_eq!(
            config_dir(env(&[("VERSUS_CONFIG_DIR", ""), ("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
            Some("/x/versus".into())
        );
        assert_eq!(config_dir(env(&[("HOME", "/h")])), Some("/h/.config/versus".into()));
        assert_eq!(cache_dir(env(&[("XDG_CACHE_HOME", "/x"), ("HOME", "/h")])), Some("/x/versus".into()));
        assert_eq!(cache_dir(env(&[("HOME", "/h")])), Some("/h/.cache/versus".into()));
        assert_eq!(config_dir(env(&[])), None);
    }

    #[test]
    fn an_interrupted_save_leaves_the_old_file_intact() {
        let dir = scratch("interrupted");
        let target = dir.join("file.toml");
        fs::write(&target, "old").unwrap();
        let pending = prepare(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old", "nothing changes before the rename");
        drop(pending); // the crash: no commit
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "the temporary file is gone");
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_corrupt_profiles_file_is_kept_as_bak_and_reported() {
        let dir = scratch("corrupt");
        let d = Dataset::builtin();
        fs::write(dir.join(FILE_NAME), "this is [not toml").unwrap();
        assert!(matches!(read_profiles(&dir), ProfilesRead::Broken(m) if m.contains("profiles.toml:1:")));
        let Ok(Saved::Done(message)) = save_profile(&dir, &d, "mine", &d.default_weights(), false) else { panic!() };
        assert!(message.contains("moved to"), "{message}");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert!(matches!(read_profiles(&dir), ProfilesRead::Loaded(f) if f.profiles.len() == 1));
        // A second broken file does not overwrite the first backup.
        fs::write(dir.join(FILE_NAME), "broken again").unwrap();
        save_profile(&dir, &d, "mine", &d.default_weights(), true).unwrap();
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak")).unwrap(), "this is [not toml");
        assert_eq!(fs::read_to_string(dir.join("profiles.toml.bak.2")).unwrap(), "broken again");
    }

    #[test]
    fn saving_asks_before_replacing_what_another_instance_saved() {
        let dir = scratch("replace");
        let d = Dataset::builtin();
        assert!(matches!(save_profile(&dir, &d, "team", &d.default_weights(), false), Ok(Saved::Done(_))));
        assert_eq!(save_profile(&dir, &d, "team", &vec![1; d.dimensions.len()], false), Ok(Saved::Exists));
        assert!(matches!(save_profile(&dir, &d, "team", &vec![1; d.dimensions.len()], true), Ok(Saved::Done(_))));
        assert!(delete_profile(&dir, &d, "team").is_ok());
        assert!(delete_profile(&dir, &d, "team").unwrap_err().starts_with("no saved profile `team`"));
    }

    #[test]
    fn an_unwritable_config_directory_is_a_clear_error() {
        // Root ignores permission bits, so make the "directory" a regular file: nothing can be created
        // below it whoever runs the test.
        let dir = scratch("unwritable");
        let blocker = dir.join("not-a-dir");
        fs::write(&blocker, "").unwrap();
        let d = Dataset::builtin();
        let error = save_profile(&blocker.join("versus"), &d, "x", &d.default_weights(), false).unwrap_err();
        assert!(error.starts_with("cannot create "), "{error}");
    }
}
