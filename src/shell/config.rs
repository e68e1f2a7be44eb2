//! `config.toml`: theme, mouse, default dataset / preset / profile, and key bindings. Strict: unknown
//! fields are errors with a suggestion, and any error means the whole file is set aside (versus runs on
//! its defaults and says why), so a typo can never half-apply.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::engine::data::{LoadError, toml_diagnostic};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::text::closest;
use crate::explorer::keymap::{Action, Context, Key, Keymap};
use crate::explorer::theme::{Palette, Theme};
use crate::shell::files::read_text;

pub(crate) const FILE_NAME: &str = "config.toml";

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub palette: Palette,
    pub mouse: bool,
    /// Ask before quitting with weights no saved profile holds.
    pub confirm_quit: bool,
    /// A dataset file to open instead of the built-in one.
    pub dataset: Option<PathBuf>,
    pub preset: Option<String>,
    pub profile: Option<String>,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            palette: Palette::DARK,
            mouse: true,
            confirm_quit: true,
            dataset: None,
            preset: None,
            profile: None,
            keymap: Keymap::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<Spanned<String>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
    mouse: Option<bool>,
    #[serde(rename = "confirm-quit")]
    confirm_quit: Option<bool>,
    dataset: Option<String>,
    preset: Option<String>,
    profile: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<OneOrMany>>>,
}

/// `quit = "q"` or `quit = ["q", "ctrl-q"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn items(&self) -> Vec<&str> {
        match self {
            Self::One(s) => vec![s.as_str()],
            Self::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// Parses a config file's text; `file` names it in errors. Every problem is reported.
pub fn parse(text: &str, file: &str) -> Result<Config, LoadError> {
    let raw: Raw = toml::from_str(text).map_err(|e| LoadError::new(file, vec![toml_diagnostic(text, &e)]))?;
    let mut problems = Vec::new();
    let mut config = Config::default();
    let mut problem = |span: std::ops::Range<usize>, field: &str, message: String, suggestion: Option<&str>| {
        problems.push(Diagnostic::error(message).at_span(text, span).field(field).suggest(suggestion));
    };

    if let Some(theme) = &raw.theme {
        if let Some(palette) = Palette::named(theme.get_ref()) {
            config.palette = palette;
        } else {
            let message = format!("`{}` is not a theme (use `dark` or `light`)", theme.get_ref());
            problem(theme.span(), "theme", message, None);
        }
    }
    for (item, value) in &raw.colors {
        let color = value.get_ref().parse::<Color>();
        match (config.palette.slot(item.get_ref()), color) {
            (None, _) => problem(
                item.span(),
                "colors",
                format!("`{}` is not a themed item", item.get_ref()),
                closest(item.get_ref(), Palette::ITEMS.iter().copied()),
            ),
            (_, Err(_)) => problem(
                value.span(),
                &format!("colors.{}", item.get_ref()),
                format!("`{}` is not a colour (a name like `blue`, an index 0-255, or `#rrggbb`)", value.get_ref()),
                None,
            ),
            (Some(slot), Ok(color)) => *slot = color,
        }
    }
    config.mouse = raw.mouse.unwrap_or(true);
    config.confirm_quit = raw.confirm_quit.unwrap_or(true);
    config.dataset = raw.dataset.map(PathBuf::from);
    config.preset = raw.preset;
    if let (Some(_), Some(profile)) = (&config.preset, &raw.profile) {
        problem(profile.span(), "profile", "give a default preset or a default profile, not both".to_owned(), None);
    }
    config.profile = raw.profile.map(Spanned::into_inner);

    apply_keys(&raw.keys, &mut config.keymap, &mut problem);
    // Tables come back sorted by key: report in the order of the file.
    problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
    if problems.is_empty() { Ok(config) } else { Err(LoadError::new(file, problems)) }
}

/// Applies the `[keys.CONTEXT]` tables to `keymap`, reporting each wrong binding through `problem`.
fn apply_keys(
    keys: &BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<OneOrMany>>>,
    keymap: &mut Keymap,
    problem: &mut impl FnMut(std::ops::Range<usize>, &str, String, Option<&str>),
) {
    for (context_name, actions) in keys {
        let Some(context) = Context::all().find(|c| c.name() == context_name.get_ref()) else {
            let names: Vec<&str> = Context::all().map(Context::name).collect();
            problem(
                context_name.span(),
                "keys",
                format!("`{}` is not a context (one of: {})", context_name.get_ref(), names.join(", ")),
                closest(context_name.get_ref(), names.iter().copied()),
            );
            continue;
        };
        let mut claimed: Vec<(Key, String)> = Vec::new();
        for (action_name, keys) in actions {
            let Some(action) = Action::from_name(action_name.get_ref()) else {
                let names: Vec<String> = Action::bindable().map(Action::name).collect();
                problem(
                    action_name.span(),
                    &format!("keys.{}", context.name()),
                    format!("`{}` is not an action", action_name.get_ref()),
                    closest(action_name.get_ref(), names.iter().map(String::as_str)),
                );
                continue;
            };
            let mut parsed = Vec::new();
            // One error per binding: a list already found wrong is not also checked as a whole.
            let mut wrong = false;
            for text in keys.get_ref().items() {
                match Key::parse(text) {
                    Err(message) => {
                        wrong = true;
                        problem(
                            keys.span(),
                            &format!("keys.{}.{}", context.name(), action.name()),
                            message.to_string(),
                            None,
                        );
                    }
                    Ok(key) => {
                        if let Some((_, other)) = claimed.iter().find(|(k, _)| *k == key) {
                            wrong = true;
                            problem(
                                keys.span(),
                                &format!("keys.{}", context.name()),
                                format!("`{key}` is bound to both `{other}` and `{}`", action.name()),
                                None,
                            );
                        }
                        claimed.push((key, action.name()));
                        parsed.push(key);
                    }
                }
            }
            if wrong {
                continue;
            }
            if let Err(message) = keymap.rebind(context, action, parsed) {
                problem(keys.span(), &format!("keys.{}.{}", context.name(), action.name()), message.to_string(), None);
            }
        }
    }
}

/// What loading the config directory found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    /// The config file, if one was read (and was valid).
    pub file: Option<PathBuf>,
    /// Why the config file was set aside: its diagnostics.
    pub set_aside: Option<LoadError>,
}

/// Reads `config.toml` from `dir`. A missing file gives the defaults; a bad one gives the defaults and
/// the reason.
#[must_use]
pub fn load(dir: Option<&Path>) -> Loaded {
    let defaults = |set_aside| Loaded { config: Config::default(), file: None, set_aside };
    let Some(path) = dir.map(|d| d.join(FILE_NAME)) else { return defaults(None) };
    let text = match read_text(&path) {
        Ok(Some(text)) => text,
        Ok(None) => return defaults(None),
        Err(diagnostic) => return defaults(Some(LoadError::new(&path.display().to_string(), vec![diagnostic]))),
    };
    match parse(&text, &path.display().to_string()) {
        Ok(config) => Loaded { config, file: Some(path), set_aside: None },
        Err(e) => defaults(Some(e)),
    }
}

impl Config {
    #[must_use]
    pub fn theme(&self, color: bool) -> Theme {
        Theme { color, palette: self.palette }
    }
}

/// A complete config file with every setting at its default, commented; it parses back to the
/// defaults (a test checks). Generated from the keymap and palette, so it cannot drift from them.
#[must_use]
pub(crate) fn default_text() -> String {
    let mut out = String::from(
        "# versus configuration. Every setting below is at its default; change what you like, delete the rest.\n\
         # versus looks for this file in $VERSUS_CONFIG_DIR, else $XDG_CONFIG_HOME/versus, else ~/.config/versus.\n\
         # A file with any error is set aside as a whole: versus starts on its defaults and says why.\n\n\
         # Colours: \"dark\" or \"light\" (named ANSI colours, so they follow your terminal's palette).\n\
         theme = \"dark\"\n\n\
         # Capture the mouse in the explorer (click, drag sliders, wheel). --no-mouse turns it off for one run.\n\
         mouse = true\n\n\
         # Ask before `q` quits with weights that no saved profile holds.\n\
         confirm-quit = true\n\n\
         # A dataset file to open instead of the built-in comparison (--data overrides it):\n\
         # dataset = \"~/comparisons/go-vs-rust.toml\"\n\n\
         # A preset or a saved profile to start with (--preset / --profile override it), not both:\n\
         # preset = \"realtime-chat\"\n\
         # profile = \"my team\"\n\n\
         # Per-item colours on top of the theme: a name (\"blue\", \"light-red\"), an index (\"208\") or \"#rrggbb\".\n\
         [colors]\n",
    );
    for (item, color) in Palette::DARK.entries() {
        let _ = writeln!(out, "# {item} = \"{}\"", color_name(color));
    }
    out.push_str(
        "\n# Key bindings, by context. Each action takes one key or a list; yours replace the defaults for that\n\
         # action, and a key you give to one action is taken from any other in the same context.\n\
         # Keys: a character (\"q\", \"G\", \"?\"), \"ctrl-x\", \"shift-tab\", \"F1\", \"space\", \"enter\", \"esc\",\n\
         # \"tab\", \"backspace\", \"delete\", \"up\", \"down\", \"left\", \"right\", \"home\", \"end\", \"pageup\", \"pagedown\".\n",
    );
    let keymap = Keymap::default();
    for context in Context::all() {
        let _ = writeln!(out, "\n[keys.{}]", context.name());
        for b in keymap.bindings().iter().filter(|b| b.context == context) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.to_string())).collect();
            let _ = writeln!(out, "{} = [{}]  # {}", quote_key(&b.action.name()), keys.join(", "), b.label);
        }
    }
    out
}

/// TOML bare keys allow letters, digits, '-' and '_'; anything else needs quotes.
fn quote_key(key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        key.to_owned()
    } else {
        format!("{key:?}")
    }
}

/// A colour as the config file writes it.
fn color_name(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        named => format!("{named}").to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diagnostic::Position;
    use crate::explorer::keymap::key_name;

    #[test]
    fn the_default_config_parses_back_to_the_defaults() {
        let text = default_text();
        assert_eq!(parse(&text, "default").unwrap(), Config::default());
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("", "empty").unwrap(), Config::default());
    }

    #[test]
    fn settings_apply() {
        let text = "theme = \"light\"\nmouse = false\npreset = \"ml-api\"\n[colors]\nheading = \"#ff8800\"\noption-1 = \"208\"\n\
                    [keys.main]\nquit = [\"ctrl-q\"]\nsearch = \"ctrl-f\"\n";
        let config = parse(text, "c").unwrap();
        assert!(!config.mouse);
        assert_eq!(config.preset.as_deref(), Some("ml-api"));
        assert_eq!(config.palette.heading, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(config.palette.options[0], Color::Indexed(208));
        assert_eq!(config.palette.highlight, Palette::LIGHT.highlight);
        let search =
            config.keymap.bindings().iter().find(|b| b.context == Context::Main && b.action == Action::OpenSearch);
        assert_eq!(search.map(|b| key_name(b.keys[0])).as_deref(), Some("Ctrl-F"));
    }

    #[test]
    fn every_problem_names_its_line() {
        let text = "theme = \"dusk\"\n[colors]\nheadin = \"red\"\nkey = \"blurple\"\n[keys.mian]\nquit = \"q\"\n\
                    [keys.main]\nquti = \"q\"\nhelp = \"hyper-h\"\nquit = \"x\"\nsearch = \"x\"\n";
        let error = parse(text, "config.toml").unwrap_err();
        let found: Vec<(usize, usize, &str, &str, Option<&str>)> = error
            .diagnostics
            .iter()
            .map(|d| {
                let Position { line, column } = d.position.unwrap();
                (line, column, d.field.as_deref().unwrap(), d.message.as_str(), d.suggestion.as_deref())
            })
            .collect();
        assert_eq!(found.len(), 7, "{error}");
        assert!(error.diagnostics.iter().all(|d| d.file == "config.toml"));
        assert_eq!(found[0], (1, 9, "theme", "`dusk` is not a theme (use `dark` or `light`)", None));
        assert_eq!(found[1], (3, 1, "colors", "`headin` is not a themed item", Some("heading")));
        assert_eq!((found[2].0, found[2].1, found[2].2), (4, 7, "colors.key"));
        assert!(found[2].3.starts_with("`blurple` is not a colour"), "{error}");
        assert_eq!((found[3].0, found[3].1, found[3].2, found[3].4), (5, 7, "keys", Some("main")));
        assert!(found[3].3.starts_with("`mian` is not a context"), "{error}");
        let at = |line| found.iter().find(|f| f.0 == line).unwrap_or_else(|| panic!("line {line}: {error}"));
        assert_eq!(at(8), &(8, 1, "keys.main", "`quti` is not an action", Some("quit")));
        assert_eq!((at(9).2, at(9).3.starts_with("unknown key `hyper-h`")), ("keys.main.help", true));
        assert!(found.iter().any(|f| f.2 == "keys.main" && f.3 == "`x` is bound to both `quit` and `search`"));
    }

    #[test]
    fn a_control_character_is_not_a_key() {
        let error = parse("[keys.main]\nquit = \"\\u001b\"\n", "config.toml").unwrap_err().to_string();
        assert!(error.starts_with("config.toml:2:8: keys.main.quit: U+001B is a control character"), "{error}");
    }

    #[test]
    fn unknown_fields_are_rejected_with_a_suggestion() {
        let error = parse("mose = true\n", "c").unwrap_err().to_string();
        assert!(error.starts_with("c:1:1: unknown field `mose`") && error.contains("did you mean `mouse`"), "{error}");
    }

    #[test]
    fn loading_a_bad_file_falls_back_to_the_defaults_and_says_why() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        std::fs::write(dir.join(FILE_NAME), "mouse = \"yes\"\n").unwrap();
        let loaded = load(Some(dir));
        assert_eq!(loaded.config, Config::default());
        let error = loaded.set_aside.unwrap();
        let d = &error.diagnostics[0];
        assert!(d.file.ends_with("config.toml"), "{error}");
        assert_eq!((d.position, d.field.as_deref()), (Some(Position { line: 1, column: 9 }), Some("mouse")));
        assert!(d.message.starts_with("invalid type"), "{error}");
        std::fs::write(dir.join(FILE_NAME), "mouse = false\n").unwrap();
        let loaded = load(Some(dir));
        assert!(!loaded.config.mouse);
        assert_eq!(loaded.file, Some(dir.join(FILE_NAME)));
        assert_eq!(load(Some(&dir.join("missing"))).set_aside, None);
    }
}
