//! A cache of checked datasets, so that a large dataset file is parsed and checked once, not on every
//! run. The TOML parser is nearly all of reading a large file; decoding the checked dataset from the
//! compact binary copy written after the first read is about ten times faster (see the README).
//!
//! One entry per dataset path (named by a hash of the canonical path), holding the length and hash of
//! the bytes it was made from: an edited file is read afresh and its entry replaced. An entry is read
//! only by the build of versus that wrote it (see [`Build`]), so an entry made under other rules (the
//! model, the checks, the search index) is never read. Its parts are read apart: the dataset, and the
//! [`Catalog`] that `versus search` needs (so a search never decodes the whole dataset), whose long
//! texts are a third part, stored raw and read straight into the buffer the search uses. Each part has
//! a checksum; anything amiss (another build, an edited file, a write cut short, a damaged disk) means
//! the file is parsed as if there were no cache. Failing to write an entry is silent: the cache only
//! saves time. Entries are trusted as the user's own files, as the config is: the checksums catch
//! damage, not forgery by someone who can write to the user's cache directory.
//!
//! The directory and the entries are the owner's only (a dataset may be private), and the directory
//! keeps the [`MAX_ENTRIES`] most recently used entries.

use std::ffi::OsStr;
use std::fs::{DirBuilder, File, Permissions};
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::engine::data::{Dataset, LoadError, MAX_FILE_BYTES, parse_bytes};
use crate::engine::search::Catalog;
use crate::shell::files::{self, Named};

/// Files smaller than this are parsed every time: they load in a few milliseconds anyway.
pub const MIN_CACHED_BYTES: usize = 1024 * 1024;
/// Entries kept; writing one more removes the least recently used.
pub(crate) const MAX_ENTRIES: usize = 16;
const MAGIC: &[u8; 8] = b"versus\0c";
const ENTRY_EXTENSION: &str = "bin";

/// What an entry was made from, and where its parts are; it comes first, after the magic and its own
/// length, and is compared before anything else is read.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    build: Build,
    source: Source,
    /// The parts in the order of [`Which`], one after the other after the header.
    parts: [Part; 3],
}

/// The build of versus that wrote an entry: its executable's length and modification time. A version
/// number would not change when a rebuild changes the rules an entry was made under; these do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Build {
    len: u64,
    modified_ns: u128,
}

impl Build {
    fn current() -> Option<Self> {
        let metadata = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Self { len: metadata.len(), modified_ns: modified.as_nanos() })
    }
}

/// The bytes an entry was made from.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Source {
    len: u64,
    hash: u128,
}

impl Source {
    fn of(bytes: &[u8]) -> Self {
        Self { len: bytes.len() as u64, hash: xxh3_128(bytes) }
    }

    /// The file at `path`, hashed as it is read: holding a whole file in memory only to hash it cost
    /// more than hashing it.
    fn of_file(path: &Path) -> Option<Self> {
        let mut file = files::open_regular(path).ok()?;
        let (mut hasher, mut buffer, mut len) = (Xxh3::new(), vec![0; 1 << 16], 0);
        loop {
            match file.read(&mut buffer) {
                Ok(0) => return Some(Self { len, hash: hasher.digest128() }),
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Part {
    len: u64,
    checksum: u64,
}

/// The parts of an entry, in the order they are stored.
#[derive(Clone, Copy)]
enum Which {
    Dataset = 0,
    /// The catalog but its long texts (see [`Catalog::encode`]).
    Catalog = 1,
    LongTexts = 2,
}

/// Where a dataset came from, for tests and measurements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoadedFrom {
    Parsed,
    Cached,
}

/// Reads the dataset at `path`, through the cache in `cache_dir` when the file is large enough to gain
/// from it. Errors are those of [`crate::shell::files::load_dataset`]: only the file itself can fail a load.
pub fn load(path: &Path, named: Named, cache_dir: Option<&Path>) -> Result<Dataset, LoadError> {
    load_with((path, named), cache_dir, MIN_CACHED_BYTES, read_dataset, |dataset, _| dataset)
        .map(|(dataset, _)| dataset)
}

/// As [`load`], but only what a search needs.
pub fn load_catalog(path: &Path, named: Named, cache_dir: Option<&Path>) -> Result<Catalog, LoadError> {
    load_with((path, named), cache_dir, MIN_CACHED_BYTES, read_catalog, catalog_of).map(|(catalog, _)| catalog)
}

/// `read` from the entry for `path` if it is current, else the dataset parsed, cached (for files of at
/// least `min_bytes`) and turned into what is wanted by `from_dataset`, which is also given the catalog
/// if caching built one.
fn load_with<T>(
    (path, named): (&Path, Named),
    cache_dir: Option<&Path>,
    min_bytes: usize,
    read: fn(Entry) -> Option<T>,
    from_dataset: impl FnOnce(Dataset, Option<Catalog>) -> T,
) -> Result<(T, LoadedFrom), LoadError> {
    let cacheable = |len: u64| len >= min_bytes as u64 && len <= MAX_FILE_BYTES;
    let entry = cache_dir
        .filter(|_| std::fs::metadata(path).is_ok_and(|m| cacheable(m.len())))
        .and_then(|dir| Some((entry_path(dir, path)?, Build::current()?)));
    if let Some((entry, build)) = &entry
        && let Some(found) = Entry::open(entry, build, || Source::of_file(path)).and_then(read)
    {
        // Used: it is the last to go when the directory is tidied.
        let _ = File::options().write(true).open(entry).and_then(|f| f.set_modified(SystemTime::now()));
        return Ok((found, LoadedFrom::Cached));
    }
    let source = files::read_dataset(path, named)?;
    let dataset = parse_bytes(&source, &path.display().to_string())?;
    let catalog = entry.filter(|_| cacheable(source.len() as u64)).map(|(entry, build)| {
        let catalog = Catalog::new(&dataset);
        // Best effort: a read-only or full disk only means the next run parses again.
        let _ = write_entry(&entry, build, Source::of(&source), &dataset, &catalog);
        catalog
    });
    Ok((from_dataset(dataset, catalog), LoadedFrom::Parsed))
}

/// The catalog of a parsed dataset: the one caching built, else a new one.
fn catalog_of(dataset: Dataset, built: Option<Catalog>) -> Catalog {
    built.unwrap_or_else(move || Catalog::new(&dataset))
}

fn read_dataset(mut entry: Entry) -> Option<Dataset> {
    postcard::from_bytes(&entry.part(Which::Dataset)?).ok()
}

fn read_catalog(mut entry: Entry) -> Option<Catalog> {
    let rest = entry.part(Which::Catalog)?;
    Catalog::decode(&rest, entry.part(Which::LongTexts)?)
}

fn entry_path(dir: &Path, dataset: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(dataset).ok()?;
    let name = format!("{:032x}.{ENTRY_EXTENSION}", xxh3_128(OsStr::as_encoded_bytes(canonical.as_os_str())));
    Some(dir.join(name))
}

/// An entry file, open, whose header says it was made from the expected source by this build.
struct Entry {
    file: BufReader<File>,
    header: Header,
    /// Where the first part starts.
    parts_start: u64,
}

impl Entry {
    /// The entry at `path`, if this build wrote it for the bytes `source` gives. `source` reads the
    /// dataset file, so it runs only once the entry's header could match it.
    fn open(path: &Path, build: &Build, source: impl FnOnce() -> Option<Source>) -> Option<Self> {
        let file = files::open_regular(path).ok()?;
        let metadata = file.metadata().ok()?;
        // An entry someone else could have written is not the user's own: parse instead.
        if !private(&metadata)
            || !path.parent().and_then(|dir| std::fs::metadata(dir).ok()).is_some_and(|m| private(&m))
        {
            return None;
        }
        let file_len = metadata.len();
        let mut file = BufReader::new(file);
        let mut start = [0; MAGIC.len() + 4];
        file.read_exact(&mut start).ok()?;
        let header_len = start.strip_prefix(MAGIC)?.try_into().map(u32::from_le_bytes).ok()?;
        // Lengths are checked against the file before anything is allocated for them: a damaged
        // length must not ask for gigabytes.
        let parts_start = start.len() as u64 + u64::from(header_len);
        let mut header = vec![0; usize::try_from(header_len).ok().filter(|_| parts_start <= file_len)?];
        file.read_exact(&mut header).ok()?;
        let header: Header = postcard::from_bytes(&header).ok()?;
        let end = header.parts.iter().try_fold(parts_start, |end, part| end.checked_add(part.len))?;
        let current = end == file_len && header.build == *build && source()? == header.source;
        current.then_some(Self { file, header, parts_start })
    }

    /// The bytes of part `which`, if its checksum holds.
    fn part(&mut self, which: Which) -> Option<Vec<u8>> {
        let offset = self.parts_start + self.header.parts[..which as usize].iter().map(|p| p.len).sum::<u64>();
        self.file.seek(SeekFrom::Start(offset)).ok()?;
        let part = self.header.parts[which as usize];
        let mut bytes = vec![0; usize::try_from(part.len).ok()?];
        self.file.read_exact(&mut bytes).ok()?;
        (xxh3_64(&bytes) == part.checksum).then_some(bytes)
    }
}

/// Magic, the header's length and the header, then the parts, written through a temporary file and a
/// rename, so a reader sees a whole entry or none (see [`files::write_private`]).
fn write_entry(file: &Path, build: Build, source: Source, dataset: &Dataset, catalog: &Catalog) -> Option<()> {
    let dataset = postcard::to_allocvec(dataset).ok()?;
    let (catalog_rest, long_texts) = catalog.encode()?;
    let parts = [dataset.as_slice(), catalog_rest.as_slice(), long_texts];
    let parts_header = parts.map(|p| Part { len: p.len() as u64, checksum: xxh3_64(p) });
    let header = postcard::to_allocvec(&Header { build, source, parts: parts_header }).ok()?;
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&u32::try_from(header.len()).ok()?.to_le_bytes());
    bytes.extend_from_slice(&header);
    for part in parts {
        bytes.extend_from_slice(part);
    }
    let dir = file.parent()?;
    DirBuilder::new().recursive(true).mode(0o700).create(dir).ok()?;
    // An existing directory keeps the mode it was made with: make it the owner's only.
    std::fs::set_permissions(dir, Permissions::from_mode(0o700)).ok()?;
    files::write_private(file, &bytes).ok()?;
    tidy(dir);
    Some(())
}

/// Whether only the owner can write to the file or directory.
fn private(metadata: &std::fs::Metadata) -> bool {
    metadata.permissions().mode() & 0o022 == 0
}

/// Whether `name` is an entry's: 32 hex digits and the extension.
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(ENTRY_EXTENSION)
        .and_then(|stem| stem.strip_suffix('.'))
        .is_some_and(|hash| hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether `name` is what an interrupted write of an entry leaves: `.ENTRY.XXXXXX.tmp`.
fn is_temporary_name(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .and_then(|rest| rest.rsplit_once('.'))
        .is_some_and(|(entry, random)| {
            is_entry_name(entry) && !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Whether the file at `path` starts as versus's entries do.
fn has_magic(path: &Path) -> bool {
    let mut start = [0; MAGIC.len()];
    files::open_regular(path).and_then(|mut file| file.read_exact(&mut start)).is_ok() && start == *MAGIC
}

/// Keeps the directory from growing: the [`MAX_ENTRIES`] most recently used entries stay, and temporary
/// files an interrupted write left behind go once they are an hour old. Only versus's own files are
/// touched (by their names, and entries by their first bytes too): the directory may hold others.
fn tidy(dir: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    let mut entries = Vec::new();
    for item in listing.flatten() {
        let (path, modified) = (item.path(), item.metadata().and_then(|m| m.modified()).unwrap_or(now));
        let name = item.file_name();
        let Some(name) = name.to_str() else { continue };
        let regular = item.file_type().is_ok_and(|t| t.is_file());
        if regular && is_entry_name(name) && has_magic(&path) {
            entries.push((modified, path));
        } else if regular
            && is_temporary_name(name)
            && now.duration_since(modified).is_ok_and(|age| age > Duration::from_secs(3600))
        {
            let _ = std::fs::remove_file(path);
        }
    }
    entries.sort_unstable_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in entries.into_iter().skip(MAX_ENTRIES) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "[meta]\nschema = 2\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
        [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
        [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
        [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
        [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\n\
        [dimensions.ratings.b]\nrating = 6\nrationale = \"r\"\n";

    /// A fresh directory (removed when the first value is dropped) holding `data.toml` with `source`,
    /// and a cache directory beside it.
    fn setup(source: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data.toml");
        std::fs::write(&data, source).unwrap();
        let cache = dir.path().join("cache");
        (dir, data, cache)
    }

    fn entry(data: &Path, cache: &Path) -> PathBuf {
        entry_path(cache, data).unwrap()
    }

    /// A dataset file loaded once, so that it has an entry: the file, the cache directory, the
    /// dataset, the entry's path and its bytes.
    struct Cached {
        /// Removed when the entry is dropped.
        scratch: tempfile::TempDir,
        data: PathBuf,
        cache: PathBuf,
        dataset: Dataset,
        file: PathBuf,
        whole: Vec<u8>,
    }

    fn cached() -> Cached {
        let (scratch, data, cache) = setup(SMALL);
        let (dataset, _) = load_from(&data, Some(&cache), 0).unwrap();
        let file = entry(&data, &cache);
        let whole = std::fs::read(&file).unwrap();
        Cached { scratch, data, cache, dataset, file, whole }
    }

    fn load_from(data: &Path, cache: Option<&Path>, min_bytes: usize) -> Result<(Dataset, LoadedFrom), LoadError> {
        load_with((data, Named::OnTheCommandLine), cache, min_bytes, read_dataset, |dataset, _| dataset)
    }

    fn catalog_from(data: &Path, cache: &Path) -> (Catalog, LoadedFrom) {
        load_with((data, Named::OnTheCommandLine), Some(cache), 0, read_catalog, catalog_of).unwrap()
    }

    #[test]
    fn the_second_load_comes_from_the_cache_and_equals_the_first() {
        let (_dir, data, cache) = setup(SMALL);
        let (parsed, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, LoadedFrom::Parsed);
        assert!(entry(&data, &cache).is_file());
        let (cached, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, LoadedFrom::Cached);
        assert_eq!(cached, parsed);
        assert_eq!(catalog_from(&data, &cache), (Catalog::new(&parsed), LoadedFrom::Cached));
    }

    #[test]
    fn a_search_first_caches_the_dataset_too() {
        let (_dir, data, cache) = setup(SMALL);
        let (catalog, origin) = catalog_from(&data, &cache);
        assert_eq!(origin, LoadedFrom::Parsed);
        let (dataset, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!((catalog, origin), (Catalog::new(&dataset), LoadedFrom::Cached));
    }

    #[test]
    fn small_files_and_no_cache_directory_are_parsed_every_time() {
        let (_dir, data, cache) = setup(SMALL);
        for _ in 0..2 {
            assert_eq!(load_from(&data, Some(&cache), MIN_CACHED_BYTES).unwrap().1, LoadedFrom::Parsed);
            assert_eq!(load_from(&data, None, 0).unwrap().1, LoadedFrom::Parsed);
        }
        assert!(!cache.exists());
    }

    #[test]
    fn an_edited_file_is_read_afresh_even_at_the_same_length() {
        let (_dir, data, cache) = setup(SMALL);
        load_from(&data, Some(&cache), 0).unwrap();
        std::fs::write(&data, SMALL.replace("rating = 6", "rating = 7")).unwrap();
        let (dataset, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, LoadedFrom::Parsed);
        assert_eq!(dataset.dimensions[0].assessments[1].rating, 7);
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset, LoadedFrom::Cached));
    }

    #[test]
    fn a_damaged_or_cut_entry_is_ignored_and_replaced() {
        let Cached { scratch: _scratch, data, cache, dataset, file, whole } = cached();
        // A flipped byte in each part, a cut end, a bare magic, an empty file.
        let flipped = |at: u64| {
            let mut bytes = whole.clone();
            bytes[usize::try_from(at).unwrap()] ^= 1;
            bytes
        };
        let source = Source::of(&std::fs::read(&data).unwrap());
        let opened = Entry::open(&file, &Build::current().unwrap(), || Some(source)).unwrap();
        let mut part_start = opened.parts_start;
        let mut damaged: Vec<Vec<u8>> = opened
            .header
            .parts
            .iter()
            .map(|part| {
                part_start += part.len;
                flipped(part_start - 1)
            })
            .collect();
        damaged.extend([whole[..whole.len() - 3].to_vec(), MAGIC.to_vec(), Vec::new()]);
        for (i, bytes) in damaged.into_iter().enumerate() {
            std::fs::write(&file, bytes).unwrap();
            let catalog = catalog_from(&data, &cache);
            let reloaded = load_from(&data, Some(&cache), 0).unwrap();
            assert!(catalog.1 == LoadedFrom::Parsed || reloaded.1 == LoadedFrom::Parsed, "damage {i} went unnoticed");
            assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), LoadedFrom::Cached), "damage {i}");
            assert_eq!(catalog_from(&data, &cache), (Catalog::new(&dataset), LoadedFrom::Cached), "damage {i}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Whatever happens to an entry (bytes changed, cut, or added anywhere, lengths included),
        /// loading never panics or allocates wildly, and gives the file's own dataset.
        #[test]
        fn any_damage_to_an_entry_falls_back_to_the_file(
            // Half the changes land in the first bytes: the magic, the header and its lengths.
            changes in proptest::collection::vec(
                (proptest::prop_oneof![0..64_usize, proptest::num::usize::ANY], proptest::num::u8::ANY),
                1..4,
            ),
            cut in proptest::option::of(proptest::num::usize::ANY),
            added in proptest::collection::vec(proptest::num::u8::ANY, 0..16),
        ) {
            let Cached { scratch: _scratch, data, cache, dataset, file, whole: mut bytes } = cached();
            for (at, value) in changes {
                let at = at % bytes.len();
                bytes[at] = value;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut % bytes.len());
            }
            bytes.extend(added);
            std::fs::write(&file, &bytes).unwrap();
            proptest::prop_assert_eq!(&load_from(&data, Some(&cache), 0).unwrap().0, &dataset);
            proptest::prop_assert_eq!(catalog_from(&data, &cache).0, Catalog::new(&dataset));
        }
    }

    #[test]
    fn a_length_past_the_end_of_the_entry_allocates_nothing() {
        let Cached { scratch: _scratch, data, cache, dataset, file, whole } = cached();
        for len in [u64::MAX / 2, u64::MAX] {
            std::fs::write(&file, &whole).unwrap();
            rewrite_header(&file, |header| header.parts[0].len = len);
            assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), LoadedFrom::Parsed));
        }
    }

    #[test]
    fn an_unwritable_cache_still_loads_and_a_bad_file_still_fails() {
        let (_dir, data, cache) = setup(SMALL);
        std::fs::write(&cache, "a file where the directory should be").unwrap();
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap().1, LoadedFrom::Parsed);
        let (_bad_dir, bad, cache) = setup(&SMALL.replace("rating = 6", "rating = 11"));
        let error = load_from(&bad, Some(&cache), 0).unwrap_err().to_string();
        assert!(error.contains("data.toml:"), "{error}");
        assert!(!cache.exists(), "nothing is cached for a file that fails");
    }

    /// Rewrites the header of `file` (an entry) after `change`.
    fn rewrite_header(file: &Path, change: impl FnOnce(&mut Header)) {
        let whole = std::fs::read(file).unwrap();
        let header_len = usize::try_from(u32::from_le_bytes(whole[8..12].try_into().unwrap())).unwrap();
        let mut header: Header = postcard::from_bytes(&whole[12..12 + header_len]).unwrap();
        change(&mut header);
        let encoded = postcard::to_allocvec(&header).unwrap();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&u32::try_from(encoded.len()).unwrap().to_le_bytes());
        bytes.extend(encoded.into_iter().chain(whole[12 + header_len..].iter().copied()));
        std::fs::write(file, bytes).unwrap();
    }

    #[test]
    fn an_entry_from_another_build_is_not_read() {
        let Cached { scratch: _scratch, data, cache, dataset, file, .. } = cached();
        rewrite_header(&file, |header| header.build.modified_ns += 1);
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), LoadedFrom::Parsed));
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset, LoadedFrom::Cached));
    }

    #[test]
    fn entries_are_private_and_the_least_recently_used_go_first() {
        use std::os::unix::fs::PermissionsExt;
        let Cached { scratch: _scratch, data, cache, file, .. } = cached();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode(&cache), mode(&file)), (0o700, 0o600));
        // Many more datasets than the cache keeps; the first one stays in use throughout.
        let stale = file.with_file_name(format!(".{}.Ab3xYz.tmp", file.file_name().unwrap().to_str().unwrap()));
        std::fs::write(&stale, "cut short").unwrap();
        File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(7200))
            .unwrap();
        for i in 0..MAX_ENTRIES + 3 {
            let other = data.with_file_name(format!("other-{i}.toml"));
            std::fs::write(&other, SMALL).unwrap();
            load_from(&other, Some(&cache), 0).unwrap();
            assert_eq!(load_from(&data, Some(&cache), 0).unwrap().1, LoadedFrom::Cached, "after {i} others");
        }
        let names: Vec<PathBuf> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(names.len(), MAX_ENTRIES, "{names:?}");
        assert!(names.contains(&file) && !stale.exists());
    }

    #[test]
    fn tidying_touches_only_versus_files() {
        let Cached { scratch: _scratch, cache, .. } = cached();
        let old = SystemTime::now() - Duration::from_secs(7200);
        let foreign = [
            "notes.bin",
            "0123456789abcdef0123456789abcdef.bin", // an entry's name, but not an entry's first bytes
            "draft.tmp",
            ".report.md.1.tmp",
            ".notes.bin.Ab3xYz.tmp",
        ];
        for name in foreign {
            let path = cache.join(name);
            std::fs::write(&path, "someone else's").unwrap();
            File::options().write(true).open(&path).unwrap().set_modified(old).unwrap();
        }
        for i in 0..MAX_ENTRIES + 2 {
            let (_dir, other, _) = setup(&SMALL.replace("rating = 6", &format!("rating = {}", i % 10)));
            load_from(&other, Some(&cache), 0).unwrap();
        }
        for name in foreign {
            assert_eq!(std::fs::read_to_string(cache.join(name)).unwrap(), "someone else's", "{name}");
        }
    }

    #[test]
    fn an_entry_others_could_write_is_not_read_and_the_directory_is_made_private() {
        let Cached { scratch: _scratch, data, cache, dataset, file, .. } = cached();
        std::fs::set_permissions(&file, Permissions::from_mode(0o666)).unwrap();
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), LoadedFrom::Parsed));
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600, "written again, privately");
        std::fs::set_permissions(&cache, Permissions::from_mode(0o777)).unwrap();
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap().1, LoadedFrom::Parsed, "a shared directory");
        assert_eq!(mode(&cache), 0o700);
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset, LoadedFrom::Cached));
    }

    #[test]
    fn a_fifo_where_an_entry_should_be_is_passed_over() {
        let Cached { scratch: _scratch, data, cache, dataset, file, .. } = cached();
        std::fs::remove_file(&file).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(&file).status().unwrap().success());
        // Opened plainly, this would wait for a writer forever.
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset, LoadedFrom::Parsed));
    }
}
