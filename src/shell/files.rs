//! Reading and writing files: dataset files (never read past the size limit), the user's own text files
//! (config, profiles), and writes that a crash or a full disk can never leave half done.

use std::fs::{self, File, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::engine::data::{Dataset, LoadError, MAX_FILE_BYTES, Problem, parse_bytes};

/// Reads and checks the dataset at `path`.
pub fn load_dataset(path: &Path) -> Result<Dataset, LoadError> {
    parse_bytes(&read_dataset(path)?, &path.display().to_string())
}

/// The bytes of the dataset file at `path`, never read past one byte over the size limit (which
/// [`parse_bytes`] then reports).
pub(crate) fn read_dataset(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::new(&path.display().to_string(), vec![Problem::whole_file(message)]);
    let file = File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| fail(format!("cannot read: {e}")))?;
    Ok(bytes)
}

/// The text of one of the user's files (the config, the profiles): `None` when it does not exist, an
/// error naming the file when it cannot be read or is not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<Option<String>, String> {
    match fs::read(path) {
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => Ok(None),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| format!("{}: not UTF-8 text", path.display())),
    }
}

/// A file written next to its destination, not yet in place. Dropping it without [`Pending::commit`]
/// (as a crash would) leaves the destination untouched and removes the temporary file.
pub struct Pending {
    temp: NamedTempFile,
    target: PathBuf,
    /// Whether the rename is synced to disk (the data always is, before the rename).
    durable: bool,
}

/// Writes `contents` to a temporary file in `target`'s directory and flushes it to disk. A replaced file
/// keeps its permissions (a private file stays private); a new one gets the umask's.
pub fn prepare(target: &Path, contents: &[u8]) -> io::Result<Pending> {
    let mut temp = temp_beside(target, 0o666)?;
    temp.write_all(contents)?;
    if let Ok(old) = fs::metadata(target) {
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.as_file().sync_all()?;
    Ok(Pending { temp, target: target.to_owned(), durable: true })
}

/// Writes `contents` to `target` through a temporary file and a rename.
pub(crate) fn write_atomically(target: &Path, contents: &[u8]) -> io::Result<()> {
    prepare(target, contents)?.commit()
}

/// Writes `contents` to `target` through a temporary file and a rename, readable by the owner only and
/// not synced: for the dataset cache, whose entries copy data that may be private and cost only a parse
/// if lost.
pub(crate) fn write_private(target: &Path, contents: &[u8]) -> io::Result<()> {
    let mut temp = temp_beside(target, 0o600)?;
    temp.write_all(contents)?;
    Pending { temp, target: target.to_owned(), durable: false }.commit()
}

/// A new temporary file `.NAME.XXXXXX.tmp` in `target`'s directory, with `mode` less the umask. It is
/// created afresh (`O_EXCL`), so never through a link someone left at its name.
fn temp_beside(target: &Path, mode: u32) -> io::Result<NamedTempFile> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().ok_or_else(|| io::Error::other("not a file name"))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    tempfile::Builder::new().prefix(&prefix).suffix(".tmp").permissions(Permissions::from_mode(mode)).tempfile_in(dir)
}

impl Pending {
    /// Renames the temporary file over the destination: readers see the old file or the new one, never
    /// a mix.
    pub(crate) fn commit(self) -> io::Result<()> {
        self.temp.persist(&self.target).map_err(|e| e.error)?;
        // Make the rename itself durable where the platform allows.
        if let Some(dir) = self.target.parent().filter(|p| self.durable && !p.as_os_str().is_empty()) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_save_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("file.toml");
        fs::write(&target, "old").unwrap();
        let pending = prepare(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old", "nothing changes before the rename");
        drop(pending); // the crash: no commit
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file is gone");
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_private_file_stays_private_when_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("private.toml");
        write_private(&private, b"x").unwrap();
        assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
        write_atomically(&private, b"y").unwrap();
        assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600, "kept on replace");
    }

    #[test]
    fn user_files_missing_unreadable_or_not_text() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_text(&dir.path().join("missing")), Ok(None));
        assert_eq!(read_text(&dir.path().join("missing/below")), Ok(None));
        let binary = dir.path().join("binary");
        fs::write(&binary, b"\xff\xfe").unwrap();
        assert!(read_text(&binary).unwrap_err().ends_with("binary: not UTF-8 text"));
        assert!(read_text(dir.path()).unwrap_err().contains("cannot read"), "a directory cannot be read");
    }
}
