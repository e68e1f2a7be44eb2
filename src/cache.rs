//! A cache of checked datasets, so that a large dataset file is parsed and checked once, not on every
//! run. Reading a 15 MB file costs about 300 ms, nearly all of it the TOML parser; decoding the checked
//! dataset from the compact binary copy written after the first read takes a tenth of that.
//!
//! One entry per dataset path (named by a hash of the canonical path), holding the length and hash of
//! the text it was made from: an edited file is read afresh and its entry replaced. An entry has
//! parts read apart: the dataset, and the [`Catalog`] that `versus search` needs (so a search never
//! decodes the whole dataset), whose long texts are a third part, stored raw and read straight into
//! the buffer the search uses. A part is used only if it was written by this format of this version
//! of versus and its checksum holds; anything else (another version, an edited file, a write cut short,
//! a damaged disk) means the file is parsed as if there were no cache. Failing to write an entry is
//! silent: the cache only saves time. Entries are trusted as the user's own files, as the config is:
//! the checksums catch damage, not forgery by someone who can write to the user's cache directory.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::data::{Dataset, LoadError, MAX_FILE_BYTES, parse_bytes, read_file};
use crate::search::Catalog;

/// Files smaller than this are parsed every time: they load in a few milliseconds anyway.
pub const MIN_CACHED_BYTES: usize = 1024 * 1024;

/// The encoding of an entry. A test pins the encoding of both parts, so that a change to the model
/// cannot go out without a new number here.
const FORMAT: u32 = 2;
const MAGIC: &[u8; 8] = b"versus\0c";

/// What an entry was made from, and where its parts are; it comes first, after the magic and its own
/// length, and is compared before anything else is read.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    source_len: u64,
    source_hash: u128,
    /// The parts in the order of [`Which`], one after the other after the header.
    parts: [Part; 3],
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
    Catalog = 1,
    /// The catalog's long texts (see [`Catalog::long_texts`]), raw.
    LongTexts = 2,
}

/// What an entry was made from, to compare with a header read back.
#[derive(Debug, PartialEq)]
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
        let mut file = File::open(path).ok()?;
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

    fn matches(&self, header: &Header) -> bool {
        header.format == FORMAT
            && header.version == env!("CARGO_PKG_VERSION")
            && (header.source_len, header.source_hash) == (self.len, self.hash)
    }
}

/// Where a dataset came from, for tests and measurements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Parsed,
    Cached,
}

/// Reads the dataset at `path`, through the cache in `cache_dir` when the file is large enough to gain
/// from it. Errors are those of [`crate::data::load_file`]: only the file itself can fail a load.
pub fn load(path: &Path, cache_dir: Option<&Path>) -> Result<Dataset, LoadError> {
    load_with(path, cache_dir, MIN_CACHED_BYTES, read_dataset, |dataset| dataset).map(|(dataset, _)| dataset)
}

/// As [`load`], but only what a search needs.
pub fn load_catalog(path: &Path, cache_dir: Option<&Path>) -> Result<Catalog, LoadError> {
    load_with(path, cache_dir, MIN_CACHED_BYTES, read_catalog, |d| Catalog::new(&d)).map(|(catalog, _)| catalog)
}

/// `read` from the entry for `path` if it is current, else the dataset parsed, cached (for files of at
/// least `min_bytes`) and turned into what is wanted by `from_dataset`.
fn load_with<T>(
    path: &Path,
    cache_dir: Option<&Path>,
    min_bytes: usize,
    read: fn(Entry) -> Option<T>,
    from_dataset: impl FnOnce(Dataset) -> T,
) -> Result<(T, Origin), LoadError> {
    let cacheable = |len: u64| len >= min_bytes as u64 && len <= MAX_FILE_BYTES;
    let entry = cache_dir
        .filter(|_| std::fs::metadata(path).is_ok_and(|m| cacheable(m.len())))
        .and_then(|dir| entry_path(dir, path));
    if let Some(entry) = &entry
        && let Some(found) = Source::of_file(path).and_then(|source| Entry::open(entry, &source)).and_then(read)
    {
        return Ok((found, Origin::Cached));
    }
    let source = read_file(path)?;
    let dataset = parse_bytes(&source, &path.display().to_string())?;
    if let Some(entry) = &entry
        && cacheable(source.len() as u64)
    {
        // Best effort: a read-only or full disk only means the next run parses again.
        let _ = write_entry(entry, &Source::of(&source), &dataset);
    }
    Ok((from_dataset(dataset), Origin::Parsed))
}

fn read_dataset(mut entry: Entry) -> Option<Dataset> {
    postcard::from_bytes(&entry.part(Which::Dataset)?).ok()
}

fn read_catalog(mut entry: Entry) -> Option<Catalog> {
    let catalog: Catalog = postcard::from_bytes(&entry.part(Which::Catalog)?).ok()?;
    catalog.with_long_texts(entry.part(Which::LongTexts)?)
}

fn entry_path(dir: &Path, dataset: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(dataset).ok()?;
    Some(dir.join(format!("{:032x}.bin", xxh3_128(OsStr::as_encoded_bytes(canonical.as_os_str())))))
}

/// An entry file, open, whose header says it was made from the expected source by this build.
struct Entry {
    file: BufReader<File>,
    header: Header,
    /// Where the first part starts.
    parts_start: u64,
}

impl Entry {
    fn open(path: &Path, source: &Source) -> Option<Self> {
        let file = File::open(path).ok()?;
        let file_len = file.metadata().ok()?.len();
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
        (end == file_len && source.matches(&header)).then_some(Self { file, header, parts_start })
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

/// Magic, the header's length and the header, then the parts. Written to a temporary file and renamed
/// into place, so a reader sees a whole entry or none; not synced, as a lost entry costs one parse and
/// a torn one fails its checksum.
fn write_entry(file: &Path, source: &Source, dataset: &Dataset) -> Option<()> {
    let catalog = Catalog::new(dataset);
    let (dataset, catalog_rest) = (postcard::to_allocvec(dataset).ok()?, postcard::to_allocvec(&catalog).ok()?);
    let parts = [dataset.as_slice(), catalog_rest.as_slice(), catalog.long_texts()];
    let header = Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        source_len: source.len,
        source_hash: source.hash,
        parts: parts.map(|p| Part { len: p.len() as u64, checksum: xxh3_64(p) }),
    };
    let header = postcard::to_allocvec(&header).ok()?;
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&u32::try_from(header.len()).ok()?.to_le_bytes());
    bytes.extend_from_slice(&header);
    for part in parts {
        bytes.extend_from_slice(part);
    }
    std::fs::create_dir_all(file.parent()?).ok()?;
    let temp = file.with_extension(format!("tmp.{}", std::process::id()));
    let written = std::fs::write(&temp, &bytes).and_then(|()| std::fs::rename(&temp, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "[meta]\nschema = 1\ntitle = \"t\"\nas_of = \"2026-01-01\"\n\
        [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
        [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
        [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nweight = 5\n\
        [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\n\
        [dimensions.ratings.b]\nrating = 6\nrationale = \"r\"\n";

    /// A fresh directory holding `data.toml` with `source`, and a cache directory beside it.
    fn setup(name: &str, source: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("versus-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let data = dir.join("data.toml");
        std::fs::write(&data, source).unwrap();
        (data, dir.join("cache"))
    }

    fn entry(data: &Path, cache: &Path) -> PathBuf {
        entry_path(cache, data).unwrap()
    }

    /// A dataset file loaded once, so that it has an entry: the file, the cache directory, the
    /// dataset, the entry's path and its bytes.
    struct Cached {
        data: PathBuf,
        cache: PathBuf,
        dataset: Dataset,
        file: PathBuf,
        whole: Vec<u8>,
    }

    fn cached(name: &str) -> Cached {
        let (data, cache) = setup(name, SMALL);
        let (dataset, _) = load_from(&data, Some(&cache), 0).unwrap();
        let file = entry(&data, &cache);
        let whole = std::fs::read(&file).unwrap();
        Cached { data, cache, dataset, file, whole }
    }

    fn load_from(data: &Path, cache: Option<&Path>, min_bytes: usize) -> Result<(Dataset, Origin), LoadError> {
        load_with(data, cache, min_bytes, read_dataset, |dataset| dataset)
    }

    fn catalog_from(data: &Path, cache: &Path) -> (Catalog, Origin) {
        load_with(data, Some(cache), 0, read_catalog, |d| Catalog::new(&d)).unwrap()
    }

    #[test]
    fn the_second_load_comes_from_the_cache_and_equals_the_first() {
        let (data, cache) = setup("second", SMALL);
        let (parsed, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, Origin::Parsed);
        assert!(entry(&data, &cache).is_file());
        let (cached, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, Origin::Cached);
        assert_eq!(cached, parsed);
        assert_eq!(catalog_from(&data, &cache), (Catalog::new(&parsed), Origin::Cached));
    }

    #[test]
    fn a_search_first_caches_the_dataset_too() {
        let (data, cache) = setup("search-first", SMALL);
        let (catalog, origin) = catalog_from(&data, &cache);
        assert_eq!(origin, Origin::Parsed);
        let (dataset, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!((catalog, origin), (Catalog::new(&dataset), Origin::Cached));
    }

    #[test]
    fn small_files_and_no_cache_directory_are_parsed_every_time() {
        let (data, cache) = setup("small", SMALL);
        for _ in 0..2 {
            assert_eq!(load_from(&data, Some(&cache), MIN_CACHED_BYTES).unwrap().1, Origin::Parsed);
            assert_eq!(load_from(&data, None, 0).unwrap().1, Origin::Parsed);
        }
        assert!(!cache.exists());
    }

    #[test]
    fn an_edited_file_is_read_afresh_even_at_the_same_length() {
        let (data, cache) = setup("edited", SMALL);
        load_from(&data, Some(&cache), 0).unwrap();
        std::fs::write(&data, SMALL.replace("rating = 6", "rating = 7")).unwrap();
        let (dataset, origin) = load_from(&data, Some(&cache), 0).unwrap();
        assert_eq!(origin, Origin::Parsed);
        assert_eq!(dataset.dimensions[0].assessments[1].rating, 7);
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset, Origin::Cached));
    }

    #[test]
    fn a_damaged_or_cut_entry_is_ignored_and_replaced() {
        let Cached { data, cache, dataset, file, whole } = cached("damaged");
        // A flipped byte in each part, a cut end, a bare magic, an empty file.
        let flipped = |at: u64| {
            let mut bytes = whole.clone();
            bytes[usize::try_from(at).unwrap()] ^= 1;
            bytes
        };
        let opened = Entry::open(&file, &Source::of(&std::fs::read(&data).unwrap())).unwrap();
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
            assert!(catalog.1 == Origin::Parsed || reloaded.1 == Origin::Parsed, "damage {i} went unnoticed");
            assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), Origin::Cached), "damage {i}");
            assert_eq!(catalog_from(&data, &cache), (Catalog::new(&dataset), Origin::Cached), "damage {i}");
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
            let Cached { data, cache, dataset, file, whole: mut bytes } = cached("fuzz");
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
        let Cached { data, cache, dataset, file, whole } = cached("lengths");
        let header_len = usize::try_from(u32::from_le_bytes(whole[8..12].try_into().unwrap())).unwrap();
        let mut header: Header = postcard::from_bytes(&whole[12..12 + header_len]).unwrap();
        for len in [u64::MAX / 2, u64::MAX] {
            header.parts[0].len = len;
            let encoded = postcard::to_allocvec(&header).unwrap();
            let mut bytes = MAGIC.to_vec();
            bytes.extend_from_slice(&u32::try_from(encoded.len()).unwrap().to_le_bytes());
            bytes.extend(encoded.into_iter().chain(whole[12 + header_len..].iter().copied()));
            std::fs::write(&file, bytes).unwrap();
            assert_eq!(load_from(&data, Some(&cache), 0).unwrap(), (dataset.clone(), Origin::Parsed));
        }
    }

    #[test]
    fn an_unwritable_cache_still_loads_and_a_bad_file_still_fails() {
        let (data, cache) = setup("unwritable", SMALL);
        std::fs::write(&cache, "a file where the directory should be").unwrap();
        assert_eq!(load_from(&data, Some(&cache), 0).unwrap().1, Origin::Parsed);
        let (bad, cache) = setup("bad", &SMALL.replace("rating = 6", "rating = 11"));
        let error = load_from(&bad, Some(&cache), 0).unwrap_err().to_string();
        assert!(error.contains("data.toml:"), "{error}");
        assert!(!cache.exists(), "nothing is cached for a file that fails");
    }

    /// Entries written by one build are read by another of the same version and format: a change to
    /// the encoding of `Dataset` or `Catalog` (a field added, removed or reordered) must come with a new
    /// `FORMAT`.
    #[test]
    fn the_encoding_is_pinned_to_the_format_number() {
        // Every type and field of the model, so that a change to any of them changes the bytes.
        let every_field = "[meta]\nschema = 1\ntitle = \"t\"\nas_of = \"2026-01-01\"\ndescription = \"d\"\n\
            [[options]]\nid = \"a\"\nname = \"A\"\nsummary = \"s\"\n\
            [[options]]\nid = \"b\"\nname = \"B\"\nsummary = \"s\"\n\
            [[dimensions]]\nid = \"d\"\nname = \"D\"\ncategory = \"c\"\nsummary = \"s\"\nkeywords = [\"k\"]\nweight = 5\n\
            [dimensions.ratings.a]\nrating = 5\nrationale = \"r\"\ndetail = \"x\"\npros = [\"p\"]\ncons = [\"c\"]\n\
            [dimensions.ratings.b]\nrating = 6\nrationale = \"r\"\n\
            [[dimensions.sources]]\ntitle = \"t\"\nurl = \"https://example.com\"\ndate = \"2026-01-01\"\n\
            [[presets]]\nid = \"p\"\nname = \"P\"\ndescription = \"d\"\nweights = { d = 3 }\n\
            [[claims]]\nid = \"c\"\nclaim = \"C\"\nverdict = \"wrong\"\nexplanation = \"e\"\ndimensions = [\"d\"]\n\
            [[claims.sources]]\ntitle = \"t\"\nurl = \"https://example.com\"\ndate = \"2026-01-01\"\n";
        let dataset = crate::data::parse(every_field, "t").unwrap();
        let mut encoded = postcard::to_allocvec(&dataset).unwrap();
        encoded.extend(postcard::to_allocvec(&Catalog::new(&dataset)).unwrap());
        assert_eq!(
            (FORMAT, xxh3_64(&encoded)),
            (2, 8_057_041_962_278_600_652),
            "the cache encoding of Dataset or Catalog changed: raise cache::FORMAT and put the new pair here"
        );
    }
}
