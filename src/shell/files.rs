//! Reading and writing files: dataset files (never read past the size limit), the user's own files
//! (config, profiles, cache entries: regular files only, bounded, never blocking), and writes that a
//! crash or a full disk can never leave half done, and that replace only regular files.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::engine::data::{Dataset, LoadError, MAX_FILE_BYTES, parse_bytes};
use crate::engine::diagnostic::Diagnostic;

/// Reads and checks the dataset at `path`, a name typed on the command line (so a pipe may be read).
pub fn load_dataset(path: &Path) -> Result<Dataset, LoadError> {
    parse_bytes(&read_dataset(path, Named::OnTheCommandLine)?, &path.display().to_string())
}

/// Where the name of a file versus reads came from, which decides what it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Typed on the command line: a regular file, or a FIFO or pipe (`--data <(command)`), read as
    /// `cat` reads one while a writer has it open. versus never waits for a writer to come: one with
    /// none reads as empty.
    OnTheCommandLine,
    /// Found in a file (the config's `dataset`): only a regular file.
    InAFile,
}

/// The bytes of the dataset file at `path`, never read past one byte over the size limit (which
/// [`parse_bytes`] then reports). It is opened without blocking, and read only if it is a regular file
/// (or, named on the command line, a FIFO or pipe).
pub(crate) fn read_dataset(path: &Path, named: Named) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| whole_file_error(path, message);
    let (file, pipe) = open_named(path, named).map_err(|e| fail(format!("cannot open: {e}")))?;
    let bytes = read_up_to(file, MAX_FILE_BYTES + 1).map_err(|e| fail(format!("cannot read: {e}")))?;
    if pipe && bytes.is_empty() {
        return Err(fail("nothing came through this FIFO or pipe (no process was writing to it)".to_owned()));
    }
    Ok(bytes)
}

/// `path` opened for reading without blocking, if it is a regular file or, named on the command line,
/// a FIFO (or pipe); with whether it is one.
fn open_named(path: &Path, named: Named) -> io::Result<(File, bool)> {
    use std::os::unix::fs::FileTypeExt;
    let file = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok((file, false))
    } else if kind.is_fifo() && named == Named::OnTheCommandLine {
        Ok((file, true))
    } else {
        Err(not_regular())
    }
}

/// Reads `file` to its end, at most `limit` bytes. A pipe opened without blocking that has a writer
/// but no data yet says so (`WouldBlock`): it is waited for, as `cat` would wait.
fn read_up_to(file: File, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut file = file.take(limit);
    loop {
        match file.read_to_end(&mut bytes) {
            Ok(_) => return Ok(bytes),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a regular file (a directory, device, FIFO or socket)")
}

/// The text of another file the command line names (pairwise judgements, weight files): read the way a
/// dataset named there is (a pipe or a process substitution works too), its problems reported the way
/// a dataset's are.
pub(crate) fn read_input_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_dataset(path, Named::OnTheCommandLine)?;
    if bytes.len() as u64 > MAX_USER_FILE_BYTES {
        let message = format!("larger than {} MiB, which no such file is", MAX_USER_FILE_BYTES >> 20);
        return Err(whole_file_error(path, message));
    }
    String::from_utf8(bytes).map_err(|_| whole_file_error(path, "not UTF-8 text".to_owned()))
}

fn whole_file_error(path: &Path, message: String) -> LoadError {
    LoadError::new(&path.display().to_string(), vec![Diagnostic::error(message)])
}

/// The largest config or profiles file read: far more than any real one, and a bound on what a link
/// to `/dev/zero` could cost.
pub(crate) const MAX_USER_FILE_BYTES: u64 = 1024 * 1024;

/// The text of one of the user's files (the config, the profiles): `None` when it does not exist, an
/// error naming the file when it is not a regular file, is over [`MAX_USER_FILE_BYTES`], cannot be read
/// or is not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<Option<String>, Diagnostic> {
    let fail = |problem: String| Err(Diagnostic::error(problem).in_file(&path.display().to_string()));
    let file = match open_regular(path) {
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => return Ok(None),
        Err(e) => return fail(format!("cannot read: {e}")),
        Ok(file) => file,
    };
    let mut bytes = Vec::new();
    if let Err(e) = file.take(MAX_USER_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return fail(format!("cannot read: {e}"));
    }
    if bytes.len() as u64 > MAX_USER_FILE_BYTES {
        return fail(format!("larger than {} MiB, which no versus file is", MAX_USER_FILE_BYTES >> 20));
    }
    String::from_utf8(bytes).map(Some).or_else(|_| fail("not UTF-8 text".to_owned()))
}

/// `path` opened for reading if it is a regular file. Opening does not block (a FIFO with no writer
/// would), and anything but a regular file (a FIFO, a device, a socket, a directory) is refused.
pub(crate) fn open_regular(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    if file.metadata()?.is_file() { Ok(file) } else { Err(not_regular()) }
}

/// The lock file at `path`, created if missing, opened without blocking and without following a link,
/// and only if it is a regular file: a FIFO there would otherwise hang every save.
pub(crate) fn open_lock(path: &Path) -> io::Result<File> {
    if fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(not_regular());
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)?;
    if file.metadata()?.is_file() { Ok(file) } else { Err(not_regular()) }
}

/// Whether what is at `path` (links followed) may be read and replaced as a user's file: nothing, or a
/// regular file. Anything else is refused and left where it is.
pub(crate) fn check_regular_or_missing(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(not_regular()),
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Where a write to `path` must go so that a symbolic link at `path` (a dotfiles setup) stays a link:
/// the end of the chain of links, which need not exist yet.
pub(crate) fn through_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    // As many as the kernel follows before giving up (ELOOP).
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether versus may replace what is at `target`: nothing, or a regular file. A device, FIFO, socket or
/// directory is never renamed over, nor is a link (callers that follow links resolve them first).
fn check_replaceable(target: &Path) -> io::Result<()> {
    match fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) if m.file_type().is_symlink() => {
            Err(io::Error::other("it is a symbolic link, which versus never replaces"))
        }
        Ok(_) => Err(io::Error::other(
            "it is not a regular file (a directory, device, FIFO or socket), and versus replaces only regular files",
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
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
    check_replaceable(target)?;
    let mut temp = temp_beside(target, 0o666)?;
    temp.write_all(contents)?;
    if let Ok(old) = fs::metadata(target) {
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.as_file().sync_all()?;
    Ok(Pending { temp, target: target.to_owned(), durable: true })
}

/// Writes `contents` to a file that must not exist yet, through a temporary file renamed into place
/// only if nothing has taken the name meanwhile (a rename that does not replace, or a link): a new
/// file never replaces one, and a full disk leaves no half-written file behind to block the retry.
pub fn write_new(target: &Path, contents: &[u8]) -> io::Result<()> {
    let exists = || io::Error::other("it exists already, and versus does not replace it (choose another name)");
    if fs::symlink_metadata(target).is_ok() {
        return Err(exists());
    }
    let mut temp = temp_beside(target, 0o666)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(target)
        .map_err(|e| if e.error.kind() == io::ErrorKind::AlreadyExists { exists() } else { e.error })?;
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// Copies the regular file at `from` to `to`, which must not exist yet, as [`write_new`] writes.
pub(crate) fn copy_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = open_regular(from)?;
    if fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let mut temp = temp_beside(to, 0o600)?;
    io::copy(&mut source, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(to).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `contents` to `target` through a temporary file and a rename.
pub(crate) fn write_atomically(target: &Path, contents: &[u8]) -> io::Result<()> {
    prepare(target, contents)?.commit()
}

/// Writes `contents` to `target` through a temporary file and a rename, readable by the owner only and
/// not synced: for the dataset cache, whose entries copy data that may be private and cost only a parse
/// if lost.
pub(crate) fn write_private(target: &Path, contents: &[u8]) -> io::Result<()> {
    check_replaceable(target)?;
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
    // A missing directory is named as such: the error would otherwise name versus's temporary file.
    if !dir.is_dir() {
        let what = if dir.exists() { "is not a directory" } else { "does not exist" };
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("the directory {} {what}", dir.display())));
    }
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(|e| without_path(&e))
}

/// The error as the system words it, without the path of the temporary file it happened to: the user
/// knows the file they asked for, not versus's own.
fn without_path(error: &io::Error) -> io::Error {
    let text = error
        .raw_os_error()
        .map_or_else(|| error.kind().to_string(), |code| io::Error::from_raw_os_error(code).to_string());
    io::Error::new(error.kind(), text)
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

    /// A FIFO, a socket and a device: what an export or a save once renamed a regular file over.
    fn special_files(dir: &Path) -> Vec<PathBuf> {
        let fifo = dir.join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let socket = dir.join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let device = dir.join("null");
        std::os::unix::fs::symlink("/dev/null", &device).unwrap();
        vec![fifo, socket, dir.to_owned(), PathBuf::from("/dev/null"), device]
    }

    #[test]
    fn a_missing_directory_is_named_and_no_error_names_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("reports").join("r.md");
        for error in [write_atomically(&target, b"x").unwrap_err(), write_new(&target, b"x").unwrap_err()] {
            let text = error.to_string();
            assert!(text.contains("reports") && text.contains("does not exist"), "{text}");
            assert!(!text.contains(".r.md."), "{text}");
        }
        // A directory that cannot be written: the system's words, not the temporary file's name.
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, Permissions::from_mode(0o500)).unwrap();
        if let Err(error) = write_atomically(&locked.join("r.md"), b"x") {
            assert!(!error.to_string().contains(".r.md."), "{error}");
        }
    }

    #[test]
    fn only_regular_files_are_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        for target in special_files(dir.path()) {
            let before = fs::symlink_metadata(&target).unwrap().file_type();
            let error = write_atomically(&target, b"report").unwrap_err().to_string();
            assert!(error.contains("versus"), "{}: {error}", target.display());
            assert!(write_private(&target, b"entry").is_err(), "{}", target.display());
            let after = fs::symlink_metadata(&target).unwrap().file_type();
            assert_eq!(before, after, "{} changed", target.display());
        }
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    #[test]
    fn user_files_are_read_only_if_regular_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        for special in special_files(dir.path()) {
            // A FIFO with no writer would block a plain open; a device like /dev/zero would never end.
            assert!(read_text(&special).is_err(), "{}", special.display());
        }
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(read_text(&zero).unwrap_err().message.contains("not a regular file"));
        let large = dir.path().join("large.toml");
        fs::write(&large, vec![b'#'; usize::try_from(MAX_USER_FILE_BYTES).unwrap() + 1]).unwrap();
        assert!(read_text(&large).unwrap_err().message.contains("larger than 1 MiB"));
        fs::write(&large, "# fine\n").unwrap();
        assert_eq!(read_text(&large), Ok(Some("# fine\n".to_owned())));
    }

    #[test]
    fn links_are_followed_to_their_end() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("c"));
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink(&c, &b).unwrap();
        assert_eq!(through_links(&a).unwrap(), c, "relative, then absolute, to a file not there yet");
        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink("loop", &looped).unwrap();
        assert!(through_links(&looped).is_err());
    }

    #[test]
    fn user_files_missing_unreadable_or_not_text() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_text(&dir.path().join("missing")), Ok(None));
        assert_eq!(read_text(&dir.path().join("missing/below")), Ok(None));
        let binary = dir.path().join("binary");
        fs::write(&binary, b"\xff\xfe").unwrap();
        let error = read_text(&binary).unwrap_err();
        assert_eq!((error.file.ends_with("binary"), error.message.as_str()), (true, "not UTF-8 text"));
        assert!(read_text(dir.path()).unwrap_err().message.contains("cannot read"), "a directory cannot be read");
    }
}
