//! Pros and cons read as the end of a sentence ("Good, because types ..."): their first letter
//! lowercased, unless the first word is a name (Python, Node.js, TypeScript, `NumPy`, Django).
//!
//! A word counts as a name when its first part (up to a hyphen) has a capital after its first letter
//! (`NumPy`, CPU, Socket.IO), when it is a word of an option's name (Node, Python), or when the dataset's
//! own prose writes it with a capital in mid-sentence and never as a lowercase word (Django, Prisma;
//! not "Runtime", which "ONNX Runtime" capitalises but the prose also writes "runtime"). Source titles,
//! names and keywords are not prose: titles capitalise common words, keywords lowercase names.

use std::collections::HashSet;

use crate::engine::data::Dataset;

/// Punctuation around a word that does not make it another word.
const AROUND: &[char] = &['"', '\'', '(', ')', '[', ']', ',', '.', ';', ':', '!', '?'];

/// The names a dataset uses, as far as its prose tells them.
pub(crate) struct Names {
    /// Words of the options' names.
    options: HashSet<String>,
    /// Words the prose capitalises in mid-sentence.
    capitalised: HashSet<String>,
    /// Words the prose writes in lowercase, standing alone.
    lowercase: HashSet<String>,
}

impl Names {
    pub(crate) fn of(dataset: &Dataset) -> Self {
        let options = dataset
            .options
            .iter()
            .flat_map(|o| o.name.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let mut names = Self { options, capitalised: HashSet::new(), lowercase: HashSet::new() };
        for text in prose(dataset) {
            names.read(text);
        }
        names
    }

    fn read(&mut self, text: &str) {
        let mut previous: Option<&str> = None;
        for word in text.split_whitespace() {
            let bare = word.trim_matches(AROUND);
            if !bare.is_empty() && bare.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
                self.lowercase.insert(bare.to_owned());
            }
            let mid_sentence = previous.is_some_and(|p| !p.ends_with(['.', '!', '?', ':', ';']));
            let stem = leading_stem(word);
            if mid_sentence && stem.starts_with(char::is_uppercase) {
                self.capitalised.insert(stem.to_owned());
            }
            previous = Some(word);
        }
    }

    /// Whether `word` (the first word of a pro or con) is a name, whose capital stays.
    fn is_name(&self, word: &str) -> bool {
        let head = word.split('-').next().unwrap_or(word);
        let stem = leading_stem(head);
        head.chars().skip(1).any(char::is_uppercase)
            || self.options.contains(stem)
            || (self.capitalised.contains(stem) && !self.lowercase.contains(&stem.to_lowercase()))
    }

    /// `text` to follow "because": its first letter lowercased unless its first word is a name.
    pub(crate) fn clause(&self, text: &str) -> String {
        let Some(first) = text.split_whitespace().next() else { return text.to_owned() };
        let mut chars = text.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() && !self.is_name(first) => c.to_lowercase().chain(chars).collect(),
            _ => text.to_owned(),
        }
    }
}

/// The letters and digits a word starts with, after any opening punctuation: "Django's" -> "Django".
fn leading_stem(word: &str) -> &str {
    let word = word.trim_start_matches(AROUND);
    let end = word.find(|c: char| !c.is_alphanumeric()).unwrap_or(word.len());
    &word[..end]
}

/// The dataset's sentences: what its authors wrote as running text.
fn prose(dataset: &Dataset) -> impl Iterator<Item = &str> {
    let meta = dataset.meta.description.iter().map(String::as_str);
    let options = dataset.options.iter().map(|o| o.summary.as_str());
    let dimensions = dataset.dimensions.iter().flat_map(|d| {
        let assessments = d.assessments.iter().flat_map(|a| {
            [a.rationale.as_str(), a.detail.as_str()]
                .into_iter()
                .chain(a.pros.iter().chain(&a.cons).map(String::as_str))
        });
        [d.summary.as_str()].into_iter().chain(d.weight_reason.as_deref()).chain(assessments)
    });
    let presets = dataset.presets.iter().map(|p| p.description.as_str());
    let claims = dataset.claims.iter().flat_map(|c| [c.claim.as_str(), c.explanation.as_str()]);
    let questions = dataset.questions.iter().flat_map(|q| {
        [q.text.as_str()].into_iter().chain(q.help.as_deref()).chain(q.answers.iter().map(|a| a.label.as_str()))
    });
    meta.chain(options).chain(dimensions).chain(presets).chain(claims).chain(questions)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pro and con of the built-in data: those whose first word is a name keep their capital,
    /// every other one starts in lowercase. The names are listed, so a new pro that reads wrongly fails.
    #[test]
    fn every_pro_and_con_of_the_builtin_data_reads_as_a_clause() {
        const NAMES: &[&str] = &[
            "ASGI",
            "AdminJS",
            "Apache",
            "CPU",
            "Django",
            "Django's",
            "Express,",
            "FastAPI's",
            "FastAPI/Starlette",
            "Fastify",
            "JVM",
            "JavaScript",
            "Jython,",
            "LLRT",
            "LangChain,",
            "LangChain.js,",
            "NestJS",
            "Node",
            "Node-API:",
            "NumPy,",
            "ONNX",
            "ORM,",
            "OpenTelemetry",
            "PEP",
            "Polars",
            "Prisma",
            "PyPy",
            "PyTorch,",
            "Pydantic/FastAPI",
            "Socket.IO",
            "TensorFlow.js",
            "TypeScript",
            "TypeScript,",
            "Uvicorn",
            "Vercel",
            "WebAssembly",
        ];
        let dataset = Dataset::builtin();
        let names = Names::of(&dataset);
        let mut kept = HashSet::new();
        let mut count = 0;
        for assessment in dataset.dimensions.iter().flat_map(|d| &d.assessments) {
            for text in assessment.pros.iter().chain(&assessment.cons) {
                count += 1;
                let first = text.split_whitespace().next().unwrap();
                let clause = names.clause(text);
                assert_eq!(clause.chars().skip(1).collect::<String>(), text.chars().skip(1).collect::<String>());
                if text.starts_with(char::is_uppercase) && clause.starts_with(char::is_uppercase) {
                    kept.insert(first);
                }
                if NAMES.contains(&first) {
                    assert_eq!(clause, *text, "a name keeps its capital");
                } else {
                    assert!(!clause.starts_with(char::is_uppercase), "{clause}");
                }
            }
        }
        assert!(count > 150, "{count} pros and cons");
        let mut kept: Vec<&str> = kept.into_iter().collect();
        kept.sort_unstable();
        assert_eq!(kept, NAMES, "every listed name occurs, and no other word kept its capital");
    }

    #[test]
    fn hyphens_options_and_lowercase_prose_decide() {
        let dataset = Dataset::builtin();
        let names = Names::of(&dataset);
        assert_eq!(names.clause("Pure-Python code is slower"), "pure-Python code is slower");
        assert_eq!(names.clause("Python runs it"), "Python runs it");
        assert_eq!(names.clause("Runtime permission model"), "runtime permission model");
        assert_eq!(names.clause("\"Quoted\" words stay"), "\"Quoted\" words stay");
        assert_eq!(names.clause(""), "");
    }
}
