//! The user's directories: where the config and the cache live, and `~` in paths the user gives.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The config directory: `$VERSUS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/versus`, else `~/.config/versus`
/// (the same on every Unix, macOS included). `env` reads a variable; empty values count as unset.
#[must_use]
pub fn config_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    user_dir(env, "VERSUS_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")
}

/// Where checked datasets are cached (see [`crate::shell::cache`]): `$VERSUS_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/versus`, else `~/.cache/versus`.
#[must_use]
pub(crate) fn cache_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
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
pub(crate) fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
