//! A weight file: one person's weights for one dataset, in a small self-describing TOML file that a
//! team can commit beside its code (`decisions/backend-language/alice.toml`) and anyone can write by
//! hand. `versus profile export` writes one, `versus profile import` and `--team` read them.
//!
//! ```toml
//! version = 1
//! name = "Alice"
//! note = "Backend lead; we ship a model server next year."   # optional
//!
//! [dataset]
//! title = "Node.js vs Python for server-side web development"
//! hash = "xxh3:0123456789abcdef"   # optional: what `versus profile export` saw
//!
//! [weights]
//! ml-ecosystem = 9
//! realtime = 3
//!
//! [answers]   # optional: the interview answers the weights came from
//! models-in-process = "yes"
//!
//! [requirements]   # optional: must-haves, the lowest rating an option may have on a dimension
//! cpu-bound = 6
//! ```
//!
//! A dimension the file does not name keeps the dataset's default weight; the file's reader is told.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

use crate::engine::data::{Dataset, Position, SCALE_MAX, sanitize};
use crate::engine::diagnostic::{Diagnostic, Invalid};
use crate::engine::profiles::check_name;
use crate::engine::requirements::Requirements;
use crate::engine::text::closest;

/// The format version this build writes and reads.
pub const VERSION: i64 = 1;
/// The longest note accepted.
const MAX_NOTE_CHARS: usize = 2_000;

/// Checks a note for a profile or a weight file: cleaned of control characters, at most
/// [`MAX_NOTE_CHARS`] characters.
pub fn check_note(note: &str) -> Result<String, Invalid> {
    if note.chars().count() > MAX_NOTE_CHARS {
        Err(Invalid(format!("at most {MAX_NOTE_CHARS} characters")))
    } else {
        Ok(sanitize::text(note))
    }
}

/// A weight file matched to the dataset in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightFile {
    /// Who the weights are (control characters removed).
    pub name: String,
    /// Where the file says it, for a message about two files of one name (`None` when not read).
    pub name_at: Option<Position>,
    pub note: Option<String>,
    /// One per dimension of the dataset.
    pub weights: Vec<u8>,
    /// The interview answers recorded, as `QUESTION=ANSWER` (only those the dataset knows).
    pub answers: Vec<String>,
    /// The must-haves recorded (`[requirements]`, `ID = N`).
    pub requirements: Requirements,
    /// What is worth telling the reader but does not stop the file being used: an edited dataset,
    /// dimensions the file does not name or the dataset does not have.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    version: Spanned<i64>,
    name: Spanned<String>,
    note: Option<Spanned<String>>,
    dataset: RawDataset,
    weights: Spanned<BTreeMap<Spanned<String>, Spanned<i64>>>,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    requirements: BTreeMap<Spanned<String>, Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    title: Spanned<String>,
    hash: Option<Spanned<String>>,
}

impl WeightFile {
    /// Reads a weight file's text for `dataset`, whose [`Dataset::content_hash`] is `hash` (worked out
    /// once by the caller: a team reads many files against one dataset). Errors and warnings carry their
    /// line and column. The file is refused when it is malformed, of a newer version, made for another
    /// dataset, or gives a weight outside 0-10.
    pub fn parse(text: &str, dataset: &Dataset, hash: &str) -> Result<Self, Vec<Diagnostic>> {
        let raw: Raw = toml::from_str(text).map_err(|e| vec![crate::engine::data::toml_diagnostic(text, &e)])?;
        let at = |span: std::ops::Range<usize>, field: &str, message: String| {
            Diagnostic::error(message).at_span(text, span).field(field)
        };
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        if *raw.version.get_ref() != VERSION {
            errors.push(at(
                raw.version.span(),
                "version",
                format!("this versus reads weight files of version {VERSION}, not {}", raw.version.get_ref()),
            ));
        }
        let name = check_name(raw.name.get_ref()).unwrap_or_else(|problem| {
            errors.push(at(raw.name.span(), "name", problem.to_string()));
            String::new()
        });
        let note = raw.note.map(|note| {
            check_note(note.get_ref()).unwrap_or_else(|problem| {
                errors.push(at(note.span(), "note", problem.to_string()));
                String::new()
            })
        });
        let title = raw.dataset.title;
        if *title.get_ref() != dataset.meta.title {
            errors.push(at(
                title.span(),
                "dataset.title",
                format!(
                    "the file is for `{}`, but the dataset in use is `{}` (choose it with --data)",
                    sanitize::line(title.get_ref()),
                    dataset.meta.title
                ),
            ));
        }
        let mut edited = false;
        if let Some(written) = raw.dataset.hash {
            edited = written.get_ref() != hash;
            if edited {
                let message = format!(
                    "the weights were made for another version of this dataset ({}, now {hash}); they apply by \
                     dimension id, but check them",
                    sanitize::line(written.get_ref())
                );
                warnings.push(at(written.span(), "dataset.hash", message).into_warning());
            }
        }
        let mut weights: Vec<Option<u8>> = vec![None; dataset.dimensions.len()];
        for (id, weight) in raw.weights.get_ref() {
            let Some(index) = dataset.dimension_index(id.get_ref()) else {
                // A typo would quietly leave the dimension at its default: an error. Only a file made for
                // an edited dataset (its hash says so) may name a dimension that has gone since.
                let hint = closest(id.get_ref(), dataset.dimensions.iter().map(|d| d.id.as_str()));
                let unknown = format!("this dataset has no dimension `{}`", sanitize::line(id.get_ref()));
                if edited {
                    warnings.push(at(id.span(), "weights", format!("{unknown}; ignored")).suggest(hint).into_warning());
                } else {
                    errors.push(at(id.span(), "weights", unknown).suggest(hint));
                }
                continue;
            };
            match u8::try_from(*weight.get_ref()).ok().filter(|&w| w <= SCALE_MAX) {
                Some(w) => weights[index] = Some(w),
                None => errors.push(at(
                    weight.span(),
                    &format!("weights.{}", id.get_ref()),
                    format!("{} is outside 0-{SCALE_MAX}", weight.get_ref()),
                )),
            }
        }
        let missing: Vec<&str> =
            dataset.dimensions.iter().zip(&weights).filter(|(_, w)| w.is_none()).map(|(d, _)| d.id.as_str()).collect();
        if !missing.is_empty() {
            let message = format!("not given, so at the dataset's defaults: {}", missing.join(", "));
            warnings.push(at(raw.weights.span(), "weights", message).into_warning());
        }
        let mut answers = Vec::new();
        for (question, answer) in &raw.answers {
            let spec = format!("{}={}", question.get_ref(), answer.get_ref());
            let mut check = crate::engine::weights::Weighting::defaults(dataset);
            match check.answer(dataset, std::slice::from_ref(&spec)) {
                Ok(()) => answers.push(spec),
                Err(e) => {
                    let message = format!("{}; ignored", e.to_string().trim_start_matches("--answer "));
                    warnings.push(at(question.span(), "answers", message).into_warning());
                }
            }
        }
        let requirements = parse_requirements(&raw.requirements, dataset, &at, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let weights = weights.iter().zip(&dataset.dimensions).map(|(w, d)| w.unwrap_or(d.weight)).collect();
        let name_at = Some(Position::of_offset(text, raw.name.span().start));
        Ok(Self { name, name_at, note, weights, answers, requirements, warnings })
    }

    /// The file's text: every dimension of `dataset` in its order, each with its name as a comment.
    #[must_use]
    pub fn to_toml(&self, dataset: &Dataset) -> String {
        let quoted = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let mut out = format!(
            "# versus weight file: one person's weights for one comparison. `versus profile import FILE` adds it\n\
             # to your profiles; `versus report --team DIR` and `versus --team DIR` weigh a team's files together.\n\
             version = {VERSION}\nname = {}\n",
            quoted(&self.name)
        );
        if let Some(note) = &self.note {
            let _ = writeln!(out, "note = {}", quoted(note));
        }
        let _ = writeln!(
            out,
            "\n[dataset]\ntitle = {}\nhash = {}\n\n[weights]",
            quoted(&dataset.meta.title),
            quoted(&dataset.content_hash())
        );
        for (dimension, weight) in dataset.dimensions.iter().zip(&self.weights) {
            let _ = writeln!(out, "{} = {weight}  # {}", dimension.id, sanitize::line(&dimension.name));
        }
        if !self.answers.is_empty() {
            out.push_str("\n[answers]\n");
            for spec in &self.answers {
                let (question, answer) = spec.split_once('=').unwrap_or((spec, ""));
                let bare = !question.is_empty()
                    && question.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
                let key = if bare { question.to_owned() } else { quoted(question) };
                let _ = writeln!(out, "{key} = {}", quoted(answer));
            }
        }
        if !self.requirements.is_empty() {
            out.push_str("\n[requirements]\n");
            for r in self.requirements.iter() {
                let dimension = &dataset.dimensions[r.dimension];
                let _ = writeln!(out, "{} = {}  # {}", dimension.id, r.min, sanitize::line(&dimension.name));
            }
        }
        out
    }
}

/// A weight file's `[requirements]`, each checked against `dataset`: an unknown dimension or a minimum
/// off the scale is an error where the file says it.
fn parse_requirements(
    raw: &BTreeMap<Spanned<String>, Spanned<i64>>,
    dataset: &Dataset,
    at: &impl Fn(std::ops::Range<usize>, &str, String) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Requirements {
    let mut requirements = Requirements::default();
    for (id, min) in raw {
        let Some(index) = dataset.dimension_index(id.get_ref()) else {
            let hint = closest(id.get_ref(), dataset.dimensions.iter().map(|d| d.id.as_str()));
            let unknown = format!("this dataset has no dimension `{}`", sanitize::line(id.get_ref()));
            errors.push(at(id.span(), "requirements", unknown).suggest(hint));
            continue;
        };
        match u8::try_from(*min.get_ref()).ok().filter(|&m| m <= SCALE_MAX) {
            Some(m) => requirements.set(index, m),
            None => errors.push(at(
                min.span(),
                &format!("requirements.{}", id.get_ref()),
                format!("{} is outside 0-{SCALE_MAX} (a requirement is the lowest rating allowed)", min.get_ref()),
            )),
        }
    }
    requirements
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(weights: &str) -> String {
        let d = Dataset::builtin();
        format!("version = 1\nname = \"Alice\"\n[dataset]\ntitle = \"{}\"\n[weights]\n{weights}", d.meta.title)
    }

    #[test]
    fn export_then_parse_gives_the_same_file_and_no_warnings() {
        let d = Dataset::builtin();
        let weights: Vec<u8> = (0..d.dimensions.len()).map(|i| (i * 7 % 11) as u8).collect();
        let original = WeightFile {
            name: "Alice \"A\" O'Neil".to_owned(),
            name_at: Some(Position { line: 4, column: 8 }),
            note: Some("Leads the backend.\nLikes \\ and # signs.".to_owned()),
            weights,
            answers: vec!["models-in-process=yes".to_owned()],
            requirements: {
                let mut r = Requirements::default();
                r.set(d.dimension_index("cpu-bound").unwrap(), 6);
                r.set(0, 2);
                r
            },
            warnings: Vec::new(),
        };
        let back = WeightFile::parse(&original.to_toml(&d), &d, &d.content_hash()).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn a_hand_written_file_keeps_defaults_for_what_it_does_not_name_and_says_so() {
        let d = Dataset::builtin();
        let parsed = WeightFile::parse(&file("ml-ecosystem = 9\n"), &d, &d.content_hash()).unwrap();
        let ml = d.dimension_index("ml-ecosystem").unwrap();
        for (i, (&w, dimension)) in parsed.weights.iter().zip(&d.dimensions).enumerate() {
            assert_eq!(w, if i == ml { 9 } else { dimension.weight });
        }
        assert_eq!(parsed.warnings.len(), 1);
        let warning = &parsed.warnings[0];
        assert!(warning.is_warning() && warning.field.as_deref() == Some("weights"), "{warning:?}");
        assert!(warning.message.starts_with("not given"), "{:?}", parsed.warnings);
        assert_eq!(parsed.warnings[0].position.unwrap().line, 5);
    }

    #[test]
    fn a_requirement_on_an_unknown_dimension_or_off_the_scale_names_its_line_and_column() {
        let d = Dataset::builtin();
        let text = format!("{}[requirements]\ncpu-bund = 6\nrealtime = 11\n", file("ml-ecosystem = 9\n"));
        let errors = WeightFile::parse(&text, &d, &d.content_hash()).unwrap_err();
        let found: Vec<(usize, usize, Option<&str>)> =
            errors.iter().map(|e| (e.position.unwrap().line, e.position.unwrap().column, e.field.as_deref())).collect();
        assert_eq!(found, vec![(8, 1, Some("requirements")), (9, 12, Some("requirements.realtime"))]);
        assert_eq!(errors[0].suggestion.as_deref(), Some("cpu-bound"));
        let fine = format!("{}[requirements]\ncpu-bound = 6\n", file("ml-ecosystem = 9\n"));
        let parsed = WeightFile::parse(&fine, &d, &d.content_hash()).unwrap();
        assert_eq!(parsed.requirements.get(d.dimension_index("cpu-bound").unwrap()), Some(6));
    }

    #[test]
    fn problems_name_their_line_and_column() {
        let d = Dataset::builtin();
        let errors = WeightFile::parse(&file("ml-ecosystem = 11\nrealtime = -1\n"), &d, &d.content_hash()).unwrap_err();
        let found: Vec<(usize, usize, Option<&str>, &str)> = errors
            .iter()
            .map(|p| (p.position.unwrap().line, p.position.unwrap().column, p.field.as_deref(), p.message.as_str()))
            .collect();
        assert_eq!(found[0], (6, 16, Some("weights.ml-ecosystem"), "11 is outside 0-10"));
        assert_eq!(found[1], (7, 12, Some("weights.realtime"), "-1 is outside 0-10"));

        let other = file("").replace("Node.js", "Deno");
        let errors = WeightFile::parse(&other, &d, &d.content_hash()).unwrap_err();
        assert_eq!(errors[0].position.unwrap().line, 4);
        assert!(errors[0].message.contains("the dataset in use is"), "{}", errors[0].message);

        let newer = file("").replace("version = 1", "version = 2");
        assert!(WeightFile::parse(&newer, &d, &d.content_hash()).unwrap_err()[0].message.contains("version 1, not 2"));

        let typo = format!("{}nmae = 1\n", file(""));
        let errors = WeightFile::parse(&typo.replacen("name", "nmae", 1), &d, &d.content_hash()).unwrap_err();
        assert!(errors[0].message.contains("unknown field `nmae`"), "{errors:?}");
    }

    #[test]
    fn an_edited_dataset_or_an_unknown_dimension_is_a_warning_with_its_place() {
        let d = Dataset::builtin();
        let text = file("ml = 9\n").replace("[weights]", "hash = \"xxh3:0000000000000000\"\n[weights]");
        let parsed = WeightFile::parse(&text, &d, &d.content_hash()).unwrap();
        let [edited, unknown, ..] = &parsed.warnings[..] else { panic!("{:?}", parsed.warnings) };
        assert!(edited.is_warning() && unknown.is_warning());
        assert_eq!(edited.field.as_deref(), Some("dataset.hash"));
        assert!(edited.message.starts_with("the weights were made for another version"), "{edited}");
        assert!(unknown.message.contains("no dimension `ml`"), "{unknown}");
        assert_eq!(unknown.suggestion.as_deref(), Some("ml-ecosystem"));
        assert_eq!(parsed.warnings[1].position.unwrap().line, 7);
    }

    #[test]
    fn an_answer_whose_question_is_no_bare_key_is_quoted() {
        let d = Dataset::builtin();
        let file = WeightFile {
            name: "A".into(),
            name_at: None,
            note: None,
            weights: d.default_weights(),
            answers: vec!["a.b c=yes".into()],
            requirements: Requirements::NONE,
            warnings: Vec::new(),
        };
        let text = file.to_toml(&d);
        assert!(text.contains("\n\"a.b c\" = \"yes\"\n"), "{text}");
        let parsed = WeightFile::parse(&text, &d, &d.content_hash()).unwrap();
        assert!(parsed.answers.is_empty() && parsed.warnings[0].message.contains("unknown question `a.b c`"));
    }

    #[test]
    fn an_unknown_dimension_is_an_error_unless_the_dataset_was_edited_since() {
        let d = Dataset::builtin();
        let errors = WeightFile::parse(&file("ml-ecosystm = 9\n"), &d, &d.content_hash()).unwrap_err();
        assert_eq!(errors[0].field.as_deref(), Some("weights"));
        assert_eq!(errors[0].message, "this dataset has no dimension `ml-ecosystm`");
        assert_eq!(errors[0].suggestion.as_deref(), Some("ml-ecosystem"));
        assert_eq!((errors[0].position.unwrap().line, errors[0].position.unwrap().column), (6, 1));
        let current =
            file("ml-ecosystm = 9\n").replace("[weights]", &format!("hash = \"{}\"\n[weights]", d.content_hash()));
        assert!(WeightFile::parse(&current, &d, &d.content_hash()).is_err(), "the same dataset: still a typo");
    }

    #[test]
    fn the_hash_follows_the_content_not_the_formatting() {
        let d = Dataset::builtin();
        let mut edited = d.clone();
        edited.dimensions[0].assessments[0].rating ^= 1;
        assert_ne!(d.content_hash(), edited.content_hash());
        assert_eq!(d.content_hash(), Dataset::builtin().content_hash());
        assert!(d.content_hash().starts_with("xxh3:") && d.content_hash().len() == 21);
    }
}
