//! A team's weight files on disk (`--team FILE_OR_DIR...`): each file given, and each directory's
//! `*.toml` files in name order (numbers by value: m2 before m10). The format is the engine's
//! ([`crate::engine::weight_file`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::engine::data::{Dataset, LoadError};
use crate::engine::diagnostic::{Diagnostic, Position};
use crate::engine::team::Member;
use crate::engine::weight_file::WeightFile;
use crate::shell::files::read_input_text;

/// The weight files of a team, read and matched to the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamFiles {
    /// In the order given (a directory's files in name order).
    pub members: Vec<Member>,
    /// The files they came from, one per member, as given.
    pub files: Vec<String>,
    /// Each member's note, as (name, note), for those whose file has one.
    pub notes: Vec<(String, String)>,
    /// Every file's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the team's files. Every problem of every file is reported, as `file:line:column: message`
/// lines, and so are two files with one name (whose verdicts nobody could tell apart).
pub fn read_team(paths: &[PathBuf], dataset: &Dataset) -> Result<TeamFiles, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut team = TeamFiles { members: Vec::new(), files: Vec::new(), notes: Vec::new(), warnings: Vec::new() };
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let hash = dataset.content_hash();
    for path in expand(paths, &mut errors) {
        let shown = path.display().to_string();
        let parsed = read_input_text(&path).and_then(|text| {
            WeightFile::parse(&text, dataset, &hash).map_err(|problems| LoadError::new(&shown, problems))
        });
        match parsed {
            Err(e) => errors.extend(e.diagnostics),
            Ok(file) => {
                team.warnings.extend(file.warnings.iter().map(|w| w.clone().in_file(&shown)));
                if let Some(first) = names.insert(file.name.clone(), shown.clone()) {
                    let message = format!("`{}` is also the name in {first}; each member needs their own", file.name);
                    let twice = Diagnostic::error(message).field("name").in_file(&shown);
                    errors.push(match file.name_at {
                        Some(Position { line, column }) => twice.at(Position { line, column }),
                        None => twice,
                    });
                }
                if let Some(note) = file.note {
                    team.notes.push((file.name.clone(), note));
                }
                team.members.push(Member { name: file.name, weights: file.weights, requirements: file.requirements });
                team.files.push(shown);
            }
        }
    }
    if errors.is_empty() { Ok(team) } else { Err(errors) }
}

/// The files `paths` name: a file as it is, a directory as its `*.toml` files in name order.
fn expand(paths: &[PathBuf], errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    // A file named twice (`--team a.toml dir/` with a.toml in dir) is one member, not two of one name.
    let mut seen = std::collections::HashSet::new();
    let mut add = |files: &mut Vec<PathBuf>, path: PathBuf| {
        if seen.insert(std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())) {
            files.push(path);
        }
    };
    for path in paths {
        if !path.is_dir() {
            add(&mut files, path.clone());
            continue;
        }
        match toml_files(path) {
            Ok(found) if found.is_empty() => {
                let shown = path.display().to_string();
                errors.push(Diagnostic::error("no weight files (*.toml) in this directory").in_file(&shown));
            }
            Ok(found) => found.into_iter().for_each(|path| add(&mut files, path)),
            Err(e) => errors.push(Diagnostic::error(format!("cannot list: {e}")).in_file(&path.display().to_string())),
        }
    }
    files
}

fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
        .collect();
    // By the name without `.toml` (`alice` before `alice2`), numbers by value, then the name itself
    // (`m02` and `m2` always in one order).
    found.sort_by_cached_key(|path| {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        (natural(&stem), path.clone())
    });
    Ok(found)
}

/// A name's sort key with its runs of digits compared as numbers: `m2.toml` before `m10.toml`.
fn natural(name: &str) -> Vec<(String, u128)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = c.to_string();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            key.push((std::mem::take(&mut text), digits.parse().unwrap_or(u128::MAX)));
        } else {
            text.push(c);
        }
    }
    key.push((text, 0));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, file: &str, name: &str, weights: &str) {
        let d = Dataset::builtin();
        let text =
            format!("version = 1\nname = \"{name}\"\n[dataset]\ntitle = \"{}\"\n[weights]\n{weights}", d.meta.title);
        std::fs::write(dir.join(file), text).unwrap();
    }

    #[test]
    fn a_directory_is_its_toml_files_in_name_order_and_every_problem_is_said() {
        let d = Dataset::builtin();
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.toml", "Bo", "realtime = 9\n");
        write(dir.path(), "a.toml", "Al", "realtime = 1\n");
        std::fs::write(dir.path().join("notes.md"), "not a weight file").unwrap();
        let team = read_team(&[dir.path().to_owned()], &d).unwrap();
        let names: Vec<&str> = team.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Al", "Bo"]);
        assert_eq!(team.warnings.len(), 2, "{:?}", team.warnings);
        for warning in &team.warnings {
            assert!(
                warning.is_warning() && Path::new(&warning.file).extension().is_some_and(|e| e == "toml"),
                "{warning}"
            );
            assert_eq!(
                (warning.position, warning.field.as_deref()),
                (Some(Position { line: 5, column: 1 }), Some("weights"))
            );
            assert!(warning.message.starts_with("not given"), "{warning}");
        }

        write(dir.path(), "c.toml", "Al", "realtime = 2\n");
        write(dir.path(), "d.toml", "Di", "realtime = 11\n");
        let errors = read_team(&[dir.path().to_owned()], &d).unwrap_err();
        let at = |file: &str, line, column, field: &str| {
            errors.iter().find(|e| {
                e.file.ends_with(file)
                    && e.position == Some(Position { line, column })
                    && e.field.as_deref() == Some(field)
            })
        };
        assert_eq!(at("d.toml", 6, 12, "weights.realtime").map(|e| e.message.as_str()), Some("11 is outside 0-10"));
        assert!(
            at("c.toml", 2, 8, "name").is_some_and(|e| e.message.starts_with("`Al` is also the name in")),
            "{errors:?}"
        );
        // The same file twice is one member.
        let twice = read_team(&[dir.path().join("a.toml"), dir.path().join("a.toml")], &d).unwrap();
        assert_eq!(twice.members.len(), 1);

        let mut names = ["m10", "m2", "b", "m1", "alice2", "alice"];
        names.sort_by_key(|name| natural(name));
        assert_eq!(names, ["alice", "alice2", "b", "m1", "m2", "m10"]);

        let empty = tempfile::tempdir().unwrap();
        let errors = read_team(&[empty.path().to_owned()], &d).unwrap_err();
        assert!(errors[0].message.starts_with("no weight files"), "{errors:?}");
    }
}
