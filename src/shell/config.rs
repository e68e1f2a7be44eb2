//! `config.toml`: theme, mouse, default dataset / preset / profile, and key bindings. Strict: unknown
//! fields are errors with a suggestion, and any error means the whole file is set aside (versus runs on
//! its defaults and says why), so a typo can never half-apply.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::engine::data::{LoadError, Problem, toml_problem};
use crate::engine::text::did_you_mean;
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
    let raw: Raw = toml::from_str(text).map_err(|e| LoadError::new(file, vec![toml_problem(text, &e)]))?;
    let mut problems = Vec::new();
    let mut config = Config::default();
    let mut problem = |span: std::ops::Range<usize>, message: String| problems.push(Problem::at(text, span, message));

    if let Some(theme) = &raw.theme {
        match Palette::named(theme.get_ref()) {
            Some(palette) => config.palette = palette,
            None => {
                problem(theme.span(), format!("theme: `{}` is not a theme (use `dark` or `light`)", theme.get_ref()));
            }
        }
    }
    for (item, value) in &raw.colors {
        let color = value.get_ref().parse::<Color>();
        match (config.palette.slot(item.get_ref()), color) {
            (None, _) => problem(
                item.span(),
                format!(
                    "colors: `{}` is not a themed item{}",
                    item.get_ref(),
                    did_you_mean(item.get_ref(), Palette::ITEMS.iter().copied())
                ),
            ),
            (_, Err(_)) => problem(
                value.span(),
                format!(
                    "colors.{}: `{}` is not a colour (a name like `blue`, an index 0-255, or `#rrggbb`)",
                    item.get_ref(),
                    value.get_ref()
                ),
            ),
            (Some(slot), Ok(color)) => *slot = color,
        }
    }
    config.mouse = raw.mouse.unwrap_or(true);
    config.confirm_quit = raw.confirm_quit.unwrap_or(true);
    config.dataset = raw.dataset.map(PathBuf::from);
    config.preset = raw.preset;
    if let (Some(_), Some(profile)) = (&config.preset, &raw.profile) {
        problem(profile.span(), "profile: give a default preset or a default profile, not both".to_owned());
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
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    for (context_name, actions) in keys {
        let Some(context) = Context::all().find(|c| c.name() == context_name.get_ref()) else {
            let names: Vec<&str> = Context::all().map(Context::name).collect();
            problem(
                context_name.span(),
                format!(
                    "keys: `{}` is not a context{} (one of: {})",
                    context_name.get_ref(),
                    did_you_mean(context_name.get_ref(), names.iter().copied()),
                    names.join(", ")
                ),
            );
            continue;
        };
        let mut claimed: Vec<(Key, String)> = Vec::new();
        for (action_name, keys) in actions {
            let Some(action) = Action::from_name(action_name.get_ref()) else {
                let names: Vec<String> = Action::bindable().map(Action::name).collect();
                problem(
                    action_name.span(),
                    format!(
                        "keys.{}: `{}` is not an action{}",
                        context.name(),
                        action_name.get_ref(),
                        did_you_mean(action_name.get_ref(), names.iter().map(String::as_str))
                    ),
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
                        problem(keys.span(), format!("keys.{}.{}: {message}", context.name(), action.name()));
                    }
                    Ok(key) => {
                        if let Some((_, other)) = claimed.iter().find(|(k, _)| *k == key) {
                            wrong = true;
                            problem(
                                keys.span(),
                                format!(
                                    "keys.{}: `{key}` is bound to both `{other}` and `{}`",
                                    context.name(),
                                    action.name()
                                ),
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
                problem(keys.span(), format!("keys.{}.{}: {message}", context.name(), action.name()));
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
    /// Why the config file was set aside, one `file:line:column: message` per line.
    pub problem: Option<String>,
}

/// Reads `config.toml` from `dir`. A missing file gives the defaults; a bad one gives the defaults and
/// the reason.
#[must_use]
pub fn load(dir: Option<&Path>) -> Loaded {
    let defaults = |problem| Loaded { config: Config::default(), file: None, problem };
    let Some(path) = dir.map(|d| d.join(FILE_NAME)) else { return defaults(None) };
    let text = match read_text(&path) {
        Ok(Some(text)) => text,
        Ok(None) => return defaults(None),
        Err(message) => return defaults(Some(message)),
    };
    match parse(&text, &path.display().to_string()) {
        Ok(config) => Loaded { config, file: Some(path), problem: None },
        Err(e) => defaults(Some(e.to_string())),
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
        let error = parse(text, "config.toml").unwrap_err().to_string();
        let lines: Vec<&str> = error.lines().collect();
        assert_eq!(lines.len(), 7, "{error}");
        assert!(lines[0].starts_with("config.toml:1:9: theme: `dusk` is not a theme"), "{error}");
        assert!(
            lines[1].starts_with("config.toml:3:1: colors: `headin` is not a themed item (did you mean `heading`?)"),
            "{error}"
        );
        assert!(lines[2].starts_with("config.toml:4:7: colors.key: `blurple` is not a colour"), "{error}");
        assert!(
            lines[3].starts_with("config.toml:5:7: keys: `mian` is not a context (did you mean `main`?)"),
            "{error}"
        );
        assert!(error.contains(":8:1: keys.main: `quti` is not an action (did you mean `quit`?)"), "{error}");
        assert!(error.contains(":9:8: keys.main.help: unknown key `hyper-h`"), "{error}");
        assert!(error.contains("keys.main: `x` is bound to both `quit` and `search`"), "{error}");
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
        assert!(loaded.problem.unwrap().contains("config.toml:1:9: mouse: invalid type"));
        std::fs::write(dir.join(FILE_NAME), "mouse = false\n").unwrap();
        let loaded = load(Some(dir));
        assert!(!loaded.config.mouse);
        assert_eq!(loaded.file, Some(dir.join(FILE_NAME)));
        assert_eq!(load(Some(&dir.join("missing"))).problem, None);
    }
}
