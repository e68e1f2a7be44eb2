//! The decisions folder: its records listed and read, a new one written, a superseded one marked.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::engine::decision;
use crate::shell::files::{write_atomically, write_new};

/// The most a record may hold; a larger "record" is not read.
const MAX_RECORD_BYTES: u64 = 4 << 20;

/// The markdown files in `dir`, sorted by name; none if it does not exist.
pub fn markdown_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md") && path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// A record's text.
pub fn read(path: &Path) -> io::Result<String> {
    let size = fs::metadata(path)?.len();
    if size > MAX_RECORD_BYTES {
        return Err(io::Error::other(format!("larger than {} MiB, which no record is", MAX_RECORD_BYTES >> 20)));
    }
    fs::read_to_string(path)
}

/// The file name's part of `path`, as text.
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The number the next record in `dir` takes.
pub fn next_number(dir: &Path) -> io::Result<u32> {
    let names: Vec<String> = markdown_files(dir)?.iter().map(|p| file_name(p)).collect();
    Ok(decision::next_number(names.iter().map(String::as_str)))
}

/// Writes `text` as `dir/NNNN-slug.md`, `dir` created if missing; never replaces a file.
pub fn write_record(dir: &Path, number: u32, slug: &str, text: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let path = dir.join(format!("{number:04}-{slug}.md"));
    write_new(&path, text.as_bytes())?;
    Ok(path)
}

/// Writes the record `text` as the next number in `dir`, named after its title (its first heading):
/// what `versus record` and the explorer's `E` both do. Returns its number and path.
pub fn write_next(dir: &Path, text: &str) -> io::Result<(u32, PathBuf)> {
    let number = next_number(dir)?;
    let title = text.lines().find(|l| l.starts_with('#')).unwrap_or("").trim_start_matches('#').trim();
    let path = write_record(dir, number, &decision::slug(title), text)?;
    Ok((number, path))
}

/// Marks the record at `path` superseded by `by`: the only change versus makes to an existing record.
pub fn mark_superseded(path: &Path, by: u32) -> io::Result<()> {
    let text = read(path)?;
    let marked = decision::mark_superseded(&text, by)
        .ok_or_else(|| io::Error::other("it has no front matter (--- ... ---) to mark"))?;
    write_atomically(path, marked.as_bytes())
}
