//! What the user's files say at start: the config directory, the config (defaults if it is missing or
//! bad), the saved profiles, the cache directory, and which dataset to open.

use std::path::{Path, PathBuf};

use crate::engine::data::{Dataset, LoadError};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::search::Catalog;
use crate::shell::cache;
use crate::shell::config::{self, Config};
use crate::shell::dirs::{self, expand_home};
use crate::shell::files::Named;
use crate::shell::profiles::{ProfilesRead, read_profiles};

pub struct UserFiles {
    pub dir: Option<PathBuf>,
    /// Where large datasets are cached once checked (see [`crate::shell::cache`]).
    pub cache_dir: Option<PathBuf>,
    pub config: config::Loaded,
    pub profiles: ProfilesRead,
}

impl UserFiles {
    /// Reads the files of this process's environment.
    #[must_use]
    pub fn load() -> Self {
        let env = |name: &str| std::env::var_os(name);
        let dir = dirs::config_dir(env);
        let config = config::load(dir.as_deref());
        let profiles = dir.as_deref().map_or(ProfilesRead::Missing, read_profiles);
        Self { dir, cache_dir: dirs::cache_dir(env), config, profiles }
    }

    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config.config
    }

    /// Problems with the user's files: for each file set aside, what versus does instead, then what is
    /// wrong with it, all as warnings (nothing here stops versus).
    #[must_use]
    pub(crate) fn warnings(&self) -> Vec<Diagnostic> {
        let mut warnings = Vec::new();
        if let Some(error) = &self.config.set_aside {
            warnings.push(Diagnostic::warning("config set aside: versus runs on the defaults").in_file(&error.file));
            warnings.extend(error.diagnostics.iter().cloned().map(Diagnostic::into_warning));
        }
        if let ProfilesRead::Broken(problem) = &self.profiles {
            // Only a regular file is ever moved aside; anything else stays, and saving is refused.
            let next = if problem.message.contains("not a regular file") {
                "versus leaves it as it is and saves no profile there"
            } else {
                "the file is kept; the next save moves it to .bak"
            };
            warnings.push(Diagnostic::warning(format!("saved profiles unreadable: {next}")).in_file(&problem.file));
            warnings.push(problem.clone().into_warning());
        }
        warnings
    }

    /// The dataset file in use: `data` (from `--data`), else the config's default (relative to the config
    /// directory).
    fn dataset_path(&self, data: Option<&Path>) -> Option<PathBuf> {
        data.map(Path::to_owned).or_else(|| {
            let path = expand_home(self.config().dataset.as_deref()?);
            Some(match &self.dir {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path,
            })
        })
    }

    /// The dataset from `data` (`--data`), else the config's default, else the built-in one. A `--data`
    /// file that fails is an error; a config default that fails is a warning, and the built-in data is
    /// used. Also returns the file it came from, if any.
    pub fn dataset(
        &self,
        data: Option<&Path>,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(Dataset, Option<PathBuf>), LoadError> {
        let (dataset, path) = self.chosen(data, warnings, cache::load, Dataset::builtin)?;
        if let (Some(path), Some(advice)) = (&path, dataset.meta.schema_advice()) {
            warnings.push(Diagnostic::warning(advice).in_file(&path.display().to_string()));
        }
        Ok((dataset, path))
    }

    /// As [`Self::dataset`], but only what the `search` command needs.
    pub fn catalog(&self, data: Option<&Path>, warnings: &mut Vec<Diagnostic>) -> Result<Catalog, LoadError> {
        self.chosen(data, warnings, cache::load_catalog, || Catalog::new(&Dataset::builtin())).map(|(c, _)| c)
    }

    /// The dataset choice of [`Self::dataset`], read by `from_file` (through the cache) or `builtin`.
    fn chosen<T>(
        &self,
        data: Option<&Path>,
        warnings: &mut Vec<Diagnostic>,
        from_file: fn(&Path, Named, Option<&Path>) -> Result<T, LoadError>,
        builtin: impl Fn() -> T,
    ) -> Result<(T, Option<PathBuf>), LoadError> {
        let path = self.dataset_path(data);
        let loaded = match &path {
            // A name from the config is read only if it is a regular file; one typed may be a pipe.
            Some(path) => {
                let named = if data.is_some() { Named::OnTheCommandLine } else { Named::InAFile };
                from_file(path, named, self.cache_dir.as_deref())
            }
            None => Ok(builtin()),
        };
        match loaded {
            Ok(loaded) => Ok((loaded, path)),
            Err(e) if data.is_none() => {
                let what = "the config's default dataset cannot be used: versus uses the built-in one";
                warnings.push(Diagnostic::warning(what).in_file(&e.file));
                warnings.extend(e.diagnostics.into_iter().map(Diagnostic::into_warning));
                Ok((builtin(), None))
            }
            Err(e) => Err(e),
        }
    }
}
