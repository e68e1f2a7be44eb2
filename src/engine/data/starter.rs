//! `versus new`: a small, valid, commented dataset to start a comparison from.

use std::fmt::Write as _;

use super::{MAX_NAME_CHARS, MAX_OPTIONS, SCHEMA_VERSION, is_valid_id};

/// The file name the starter's `#:schema` line points to (`versus schema` writes it).
pub const SCHEMA_FILE: &str = "versus-dataset.schema.json";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StarterError {
    #[error("the title must be 1 to {MAX_NAME_CHARS} characters")]
    Title,
    #[error("a comparison needs 2 to {MAX_OPTIONS} options (--option ID=NAME), got {0}")]
    OptionCount(usize),
    #[error("option `{0}`: expected ID=NAME, the ID of lowercase letters, digits, '-' or '_' (for example go=Go)")]
    Option(String),
    #[error("option id `{0}` is given twice")]
    Duplicate(String),
}

/// The starting file for `title` comparing `options` (each `ID=NAME`), dated `today` (YYYY-MM-DD): two
/// dimensions rated alike for every option, one preset, and comments on what to change.
///
/// # Errors
/// A title out of bounds, fewer than two or more than [`MAX_OPTIONS`] options, an option that is not
/// `ID=NAME` with a valid id and a name, or an id given twice.
pub fn starter(title: &str, options: &[String], today: &str) -> Result<String, StarterError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > MAX_NAME_CHARS {
        return Err(StarterError::Title);
    }
    if !(2..=MAX_OPTIONS).contains(&options.len()) {
        return Err(StarterError::OptionCount(options.len()));
    }
    let mut parsed: Vec<(&str, &str)> = Vec::new();
    for option in options {
        let (id, name) = option.split_once('=').map(|(i, n)| (i.trim(), n.trim())).unwrap_or_default();
        if !is_valid_id(id) || name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(StarterError::Option(option.clone()));
        }
        if parsed.iter().any(|(seen, _)| *seen == id) {
            return Err(StarterError::Duplicate(id.to_owned()));
        }
        parsed.push((id, name));
    }
    Ok(render(title, &parsed, today))
}

fn render(title: &str, options: &[(&str, &str)], today: &str) -> String {
    let q = |text: &str| toml::Value::from(text).to_string();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "#:schema ./{SCHEMA_FILE}\n\
         # A versus dataset. `versus check FILE` checks it; `versus --data FILE` explores it.\n\
         # `versus schema > {SCHEMA_FILE}` writes the schema the first line names: editors with a TOML\n\
         # language server (taplo: Even Better TOML in VS Code, Helix, Zed) then complete and check fields.\n\
         \n\
         [meta]\n\
         schema = {SCHEMA_VERSION}\n\
         title = {}\n\
         as_of = {}                     # when the evidence below was last checked\n\
         description = \"What is compared, and for what kind of project. Replace this.\"\n",
        q(title),
        q(today)
    );
    for (id, name) in options {
        let _ = writeln!(
            out,
            "[[options]]\nid = {}\nname = {}\nsummary = {}\n",
            q(id),
            q(name),
            q(&format!("One line on what {name} is."))
        );
    }
    let dimensions = [
        ("performance", "Performance", "How fast is it for the work this project does?", 6),
        ("learning-curve", "Learning curve", "How quickly does a new team member become productive?", 4),
    ];
    for (n, (id, name, summary, weight)) in dimensions.into_iter().enumerate() {
        if n == 0 {
            out.push_str(
                "# A dimension is one priority slider: its weight (0-10) says how much it matters by default,\n\
                 # and `weight_reason` says why, for the project the description names. Set each weight for\n\
                 # its own reason, never for the verdict it produces. Every option gets a 0-10 rating, with\n\
                 # the range the evidence supports (low..high).\n",
            );
        }
        let _ = writeln!(
            out,
            "[[dimensions]]\nid = {}\nname = {}\n\
             # short = \"...\"  (optional: a shorter name, shown where the whole one does not fit)\n\
             category = \"General\"\nsummary = {}\nweight = {weight}\n\
             weight_reason = \"Why this weight for the project described above, in one line. Replace this.\"\n",
            q(id),
            q(name),
            q(summary)
        );
        for (option, _) in options {
            let _ = writeln!(
                out,
                "[dimensions.ratings.{option}]\nrating = 5\nlow = 4\nhigh = 6\n\
                 rationale = \"Why this rating, in one line. Replace this.\"\n"
            );
        }
        if n == 0 {
            out.push_str(
                "# Cite the evidence: a link that lands on the figure (a commit, a tag, a data file, an anchor).\n",
            );
        }
        let _ = writeln!(
            out,
            "[[dimensions.sources]]\n\
             title = \"Name the page and the figure it shows\"\n\
             url = \"https://example.com/a-permalink-to-the-figure\"\n\
             # published = \"YYYY-MM-DD\"           # the source's own date, when it has one\n\
             checked = {}                     # when you confirmed the figure; not after as_of\n\
             # volatile = true                      # for fast-moving figures (a latest version, an SDK major)\n",
            q(today)
        );
    }
    out.push_str(
        "# A preset is a scenario: the weights it names, every other dimension at 0.\n\
         [[presets]]\n\
         id = \"speed-first\"\n\
         name = \"Speed first\"\n\
         description = \"When performance matters most.\"\n\
         weights = { performance = 10, learning-curve = 3 }\n\
         # Must-haves, optional: an option rated below one cannot be recommended.\n\
         # requirements = { performance = 6 }\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(list: &[&str]) -> Vec<String> {
        list.iter().map(|&o| o.to_owned()).collect()
    }

    #[test]
    fn the_starter_loads_and_says_what_it_was_asked() {
        let text = starter("Go vs Rust \"for CLIs\"", &options(&["go=Go", "rust = Rust"]), "2026-12-02").unwrap();
        assert!(text.starts_with(&format!("#:schema ./{SCHEMA_FILE}\n")));
        let dataset = super::super::parse(&text, "new.toml").unwrap();
        assert_eq!(dataset.meta.title, "Go vs Rust \"for CLIs\"");
        assert_eq!(dataset.meta.as_of, "2026-12-02");
        let ids: Vec<&str> = dataset.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["go", "rust"]);
        assert_eq!((dataset.dimensions.len(), dataset.presets.len()), (2, 1));
        assert!(dataset.dimensions.iter().all(|d| d.weight_reason.is_some()), "every default weight has its reason");
        // The short name is offered, commented out: taken in, it loads.
        assert!(text.contains("# short = \"...\""), "{text}");
        let uncommented = text.replacen("# short = \"...\"", "short = \"S\" #", 1);
        assert_eq!(super::super::parse(&uncommented, "new.toml").unwrap().dimensions[0].short.as_deref(), Some("S"));
        let eight: Vec<String> = (0..8).map(|i| format!("o{i}=O {i}")).collect();
        assert!(super::super::parse(&starter("t", &eight, "2026-12-02").unwrap(), "8.toml").is_ok());
    }

    #[test]
    fn bad_requests_are_refused_with_the_reason() {
        let today = "2026-12-02";
        assert_eq!(starter(" ", &options(&["a=A", "b=B"]), today), Err(StarterError::Title));
        assert_eq!(starter("t", &options(&["a=A"]), today), Err(StarterError::OptionCount(1)));
        for bad in ["a", "A=A", "a=", "=A", "a b=A"] {
            assert_eq!(starter("t", &options(&[bad, "b=B"]), today), Err(StarterError::Option(bad.to_owned())));
        }
        assert_eq!(starter("t", &options(&["a=A", "a=Again"]), today), Err(StarterError::Duplicate("a".into())));
    }
}
