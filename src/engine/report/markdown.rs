//! The markdown report, written for a reviewer reading it in a pull request: the verdict in one line
//! first, then why (the weights table, sorted by the points each dimension gives), what would change it,
//! and how sure it is. Every dataset string is escaped, so no name or text can break the document.

use std::fmt::Write as _;

use super::{
    MUST_HAVES_HEADING, Report, TOP_SENSITIVITIES, flip_words, no_flip_sentence, rating_flip_sentence,
    robustness_sentence, round, sampling_words, stability_sentence,
};
use crate::engine::data::Dataset;
use crate::engine::score::{Flip, Recommendation};
use crate::engine::verdict::{DEFINITION, points};
use crate::engine::weights::changes;

/// What the classification words mean, after how sure.
pub(super) fn classification_note() -> String {
    format!("Classifications: {DEFINITION}")
}

impl Report<'_> {
    /// `#` repeated for a heading `depth` levels below the document's top (`--heading-level`).
    pub(super) fn heading(&self, depth: u8) -> String {
        "#".repeat(usize::from(self.framing.heading_level.max(1) + depth))
    }

    pub(super) fn markdown(&self) -> String {
        let dataset = self.dataset;
        let mut out = String::new();
        let _ = writeln!(out, "{} {}\n", self.heading(0), md(&dataset.meta.title));
        let _ = writeln!(out, "{}\n", self.summary());
        let _ = writeln!(out, "{}\n", md(&self.weights_line()));
        if let Some(sentence) = self.pairwise_sentence() {
            let _ = writeln!(out, "{}\n", md(&sentence));
        }
        if !self.weighting.requirements.is_empty() {
            let _ = writeln!(out, "{MUST_HAVES_HEADING}\n");
            for sentence in self.requirement_sentences() {
                let _ = writeln!(out, "- {}", md(&sentence));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "| Option | Score (0-100) |\n| --- | ---: |");
        for (i, (option, score)) in dataset.options.iter().zip(&self.evaluation.scores).enumerate() {
            let fails = if self.evaluation.screening.passes(i) { "" } else { " (fails a must-have)" };
            let _ = writeln!(out, "| {}{fails} | {} |", md(&option.name), points(*score));
        }
        self.markdown_team(&mut out);
        let _ = writeln!(out, "\n{} Why: weights, ratings and points\n", self.heading(1));
        self.points_table(&mut out);
        let _ = writeln!(out, "\n{} What would change it\n", self.heading(1));
        for flip in &self.evaluation.flips {
            let _ = writeln!(out, "- {}", md(&flip_condition(dataset, &self.weighting.weights, flip)));
        }
        if self.evaluation.flips.is_empty() {
            let _ = writeln!(out, "{}", md(&no_flip_sentence(dataset, &self.evaluation)));
        }
        if let Recommendation::Lead { option, .. } = self.evaluation.recommendation {
            let _ = writeln!(
                out,
                "\n{} How far each weight can move before {} stops leading\n",
                self.heading(1),
                md(self.option_name(option))
            );
            for (interval, steps) in self.critical_intervals() {
                let _ = writeln!(out, "- {}", md(&stability_sentence(dataset, interval, steps)));
            }
            if self.critical_intervals().next().is_none() {
                let _ = writeln!(out, "No single weight (0-10) stops it leading.");
            }
        }
        let _ = writeln!(out, "\n{} How wrong the evidence would have to be\n", self.heading(1));
        for flip in self.rating_flips.iter().take(TOP_SENSITIVITIES) {
            let _ = writeln!(out, "- {}", md(&rating_flip_sentence(dataset, flip)));
        }
        if self.rating_flips.is_empty() {
            let _ = writeln!(out, "No single rating (0-10) changes the outcome.");
        }
        let _ = writeln!(
            out,
            "\n{} How sure\n\n{}. Sampled: {}. {}",
            self.heading(1),
            md(&robustness_sentence(dataset, &self.robustness)),
            sampling_words(&self.robustness),
            md(&classification_note())
        );
        out
    }

    /// The line a reviewer reads first: the verdict, how close and how sure, bold.
    pub(super) fn summary(&self) -> String {
        format!("**{}**", md(&self.verdict()))
    }

    /// "Evidence as of ... Weights: ML-backed API, modified; changed from ML-backed API: ml-ecosystem
    /// 9 -> 6."
    pub(super) fn weights_line(&self) -> String {
        let dataset = self.dataset;
        let mut line = format!("Evidence as of {}. Weights: {}", dataset.meta.as_of, self.weighting.describe(dataset));
        if let Some(changed) = self.changed() {
            let _ = write!(line, "; changed from {}: {changed}", self.weighting.origin.name(dataset));
        }
        line.push('.');
        line
    }

    /// The weights that differ from their origin's, "ml-ecosystem 9 -> 6, realtime 3 -> 5"; none if none.
    pub(super) fn changed(&self) -> Option<String> {
        let dataset = self.dataset;
        let changed = changes(&self.weighting.weights, &self.weighting.origin.weights(dataset));
        let list: Vec<String> =
            changed.iter().map(|&(d, now, then)| format!("{} {then} -> {now}", dataset.dimensions[d].id)).collect();
        (!list.is_empty()).then(|| list.join(", "))
    }

    fn markdown_team(&self, out: &mut String) {
        let Some(team) = self.team_parts() else { return };
        let _ = writeln!(out, "\n{} The team\n\n{}\n", self.heading(1), md(&team.intro));
        let own = if team.rows.iter().any(|row| row.label != row.name) { " and must-haves" } else { "" };
        let _ = writeln!(out, "| Member | Verdict of their own weights{own} |\n| --- | --- |");
        for row in &team.rows {
            let _ = writeln!(out, "| {} | {} |", md(&row.label), md(&row.verdict));
        }
        if let Some(sentence) = &team.own_requirements {
            let _ = writeln!(out, "\n{}", md(sentence));
        }
        let _ = writeln!(out, "\n{}\n\n{} Where the team disagrees\n", md(&team.wins), self.heading(2));
        for sentence in &team.disputed {
            let _ = writeln!(out, "- {}", md(sentence));
        }
        if !team.disputed.is_empty() && !team.after.is_empty() {
            out.push('\n');
        }
        for after in &team.after {
            let _ = writeln!(out, "{}", md(after));
        }
    }

    /// Every weighted dimension: its weight, each option's rating, and, while an option leads, the gap
    /// between the leader's rating and the runner-up's and the points it gives the leader, most points
    /// first. The dimensions weighted 0 are one line under it.
    fn points_table(&self, out: &mut String) {
        let dataset = self.dataset;
        let weights = &self.weighting.weights;
        let lead = match self.evaluation.recommendation {
            Recommendation::Lead { option, runner_up, .. } => Some((option, runner_up)),
            Recommendation::NoWeights
            | Recommendation::Tie { .. }
            | Recommendation::Only { .. }
            | Recommendation::NoneEligible { .. } => None,
        };
        let mut points = vec![0.0; dataset.dimensions.len()];
        for contribution in &self.evaluation.contributions {
            points[contribution.dimension] = contribution.points;
        }
        let mut rows: Vec<usize> = (0..dataset.dimensions.len()).filter(|&d| weights[d] > 0).collect();
        rows.sort_by(|&a, &b| points[b].total_cmp(&points[a]).then(weights[b].cmp(&weights[a])).then(a.cmp(&b)));
        let names: Vec<String> = dataset.options.iter().map(|option| md(&option.name)).collect();
        let mut header = format!("| Dimension | Weight | {} |", names.join(" | "));
        let mut rule = format!("| --- | ---: |{}", " ---: |".repeat(names.len()));
        if let Some((leader, _)) = lead {
            let _ = write!(header, " Gap | Points toward {} |", names[leader]);
            rule.push_str(" ---: | ---: |");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        for &d in &rows {
            let dimension = &dataset.dimensions[d];
            let ratings: Vec<String> = dimension.assessments.iter().map(|a| a.rating.to_string()).collect();
            let mut row = format!("| {} | {} | {} |", md(&dimension.name), weights[d], ratings.join(" | "));
            if let Some((leader, runner_up)) = lead {
                let gap = i16::from(dimension.assessments[leader].rating)
                    - i16::from(dimension.assessments[runner_up].rating);
                let gap = if gap == 0 { "0".to_owned() } else { format!("{gap:+}") };
                let _ = write!(row, " {gap} | {:+.1} |", round(points[d]));
            }
            let _ = writeln!(out, "{row}");
        }
        if rows.is_empty() {
            let _ = writeln!(
                out,
                "| (every weight is 0) | 0 |{}",
                " |".repeat(names.len() + if lead.is_some() { 2 } else { 0 })
            );
        }
        let unweighted: Vec<String> = (0..dataset.dimensions.len())
            .filter(|&d| weights[d] == 0)
            .map(|d| md(&dataset.dimensions[d].name))
            .collect();
        if !unweighted.is_empty() {
            let _ = writeln!(out, "\nNot weighed (weight 0): {}.", unweighted.join("; "));
        }
    }
}

/// A flip as a condition, for documents: "Python wins if ML and AI ecosystem weight >= 6 (now 3)".
#[must_use]
pub(super) fn flip_condition(dataset: &Dataset, weights: &[u8], flip: &Flip) -> String {
    flip_words(dataset, weights, flip, [">=", "<=", "="])
}

/// Text safe anywhere in a markdown line, a table cell included: every character that could start
/// markup (emphasis, code, links, HTML, headings, quotes, tables, a code host's `$` maths) is escaped,
/// a line break becomes a space, and a leading list or heading marker is escaped too.
#[must_use]
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // `<` starts HTML or an autolink only before a letter, `/`, `!` or `?`; `>` quotes only at the
        // start of a line. Elsewhere they stay as they are, so "->" and ">=" read as written.
        let html = c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        let quote = c == '>' && out.is_empty();
        if html || quote || matches!(c, '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '&' | '~' | '!' | '$') {
            out.push('\\');
        }
        out.push(if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c });
    }
    // "1. x", "- x" or "+ x" at the start of a line would make a list, and a line of only dashes or
    // equals signs a heading of the line above.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let mut rest = out[digits..].chars();
    let (marker, after) = (rest.next(), rest.next());
    let spaced = after.is_none_or(|c| c == ' ');
    if digits > 0 && matches!(marker, Some('.' | ')')) && spaced {
        out.insert(digits, '\\');
    } else if digits == 0 && matches!(marker, Some('-' | '+')) && spaced
        || !out.is_empty() && out.chars().all(|c| matches!(c, '-' | '=' | ' '))
    {
        out.insert(0, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn markup_is_escaped_and_a_leading_marker_too() {
        assert_eq!(md("a|b *c* <i>"), "a\\|b \\*c\\* \\<i>");
        assert_eq!(md("> 9 -> 6, 3 <= 4"), "\\> 9 -> 6, 3 <= 4");
        assert_eq!(md("2024. A year"), "2024\\. A year");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("one\ntwo"), "one two");
        assert_eq!(md("9.5 points - fine"), "9.5 points - fine");
        assert_eq!(md("-5 points"), "-5 points");
        assert_eq!(md("==="), "\\===");
    }
}
