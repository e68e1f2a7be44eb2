//! The recommendation as an architecture decision record in the MADR layout (<https://adr.github.io/madr/>),
//! to paste into a repository's `docs/decisions/`: front matter, context, drivers, options, the
//! outcome with its reasons, consequences, each option's pros and cons with numbered sources, and how
//! to reproduce it.

use std::fmt::Write as _;

use super::clauses::Names;
use super::markdown::{flip_condition, md};
use super::{
    MUST_HAVES_HEADING, Report, TOP_CONTRIBUTIONS, TOP_SENSITIVITIES, deciding_requirements, drivers, no_flip_sentence,
    overtaken_by, requirement_sentence, robustness_sentence, round, sampling_words, stability_sentence,
};
use crate::engine::data::{Dataset, Source};
use crate::engine::decision::{TRIPWIRES, nearest_rating_flips};
use crate::engine::pairwise;
use crate::engine::requirements::failing_sentence;
use crate::engine::robustness::Spread;
use crate::engine::score::{RatingFlip, Recommendation};
use crate::engine::text::pluralize;
use crate::engine::verdict::{Classification, DEFINITION, points as points_text};
use crate::engine::weights::{Origin, changes, interview_weights, parse_answer};

impl Report<'_> {
    pub(super) fn madr(&self) -> String {
        let dataset = self.dataset;
        let mut out = String::new();
        self.front_matter(&mut out);
        let title = super::record_title(dataset, &self.evaluation.recommendation);
        let _ = writeln!(out, "{} {}\n", self.heading(0), md(&title));
        let _ = writeln!(out, "{} Context and Problem Statement\n", self.heading(1));
        self.context(&mut out);
        let _ = writeln!(out, "{} Decision Drivers\n", self.heading(1));
        self.drivers_section(&mut out);
        let _ = writeln!(out, "\n{} Considered Options\n", self.heading(1));
        for option in &dataset.options {
            let _ = writeln!(out, "* {}: {}", md(&option.name), md(&option.summary));
        }
        let decisive = self.decisive();
        let tripwires = nearest_rating_flips(&self.rating_flips);
        let mut cited = decisive.clone();
        cited.extend(tripwires.iter().map(|f| f.dimension));
        let sources = numbered_sources(dataset, &cited);
        let cite = |d: usize| {
            let mut numbers: Vec<usize> = dataset.dimensions[d]
                .sources
                .iter()
                .filter_map(|s| sources.iter().position(|n| n.url == s.url))
                .map(|i| i + 1)
                .collect();
            numbers.sort_unstable();
            if numbers.is_empty() { String::new() } else { format!(" \\[{}\\]", runs(&numbers)) }
        };
        let _ = writeln!(out, "\n{} Decision Outcome\n", self.heading(1));
        let _ = writeln!(out, "{}\n", self.outcome());
        self.madr_team(&mut out);
        let _ = writeln!(out, "{} Consequences\n", self.heading(2));
        self.consequences(&mut out, &decisive);
        let _ = writeln!(out, "\n{} Pros and Cons of the Options\n", self.heading(1));
        let names = Names::of(dataset);
        for (o, option) in dataset.options.iter().enumerate() {
            let _ = writeln!(out, "{} {}\n\n{}\n", self.heading(2), md(&option.name), md(&option.summary));
            // Each decisive dimension with its rating and sources, its pros and cons under it.
            for &d in &decisive {
                let dimension = &dataset.dimensions[d];
                let assessment = &dimension.assessments[o];
                let _ = writeln!(
                    out,
                    "* {}, rated {} of 10{}: {}",
                    md(&dimension.name),
                    assessment.rating,
                    cite(d),
                    md(&assessment.rationale)
                );
                for pro in &assessment.pros {
                    let _ = writeln!(out, "  * Good, because {}", md(&names.clause(pro)));
                }
                for con in &assessment.cons {
                    let _ = writeln!(out, "  * Bad, because {}", md(&names.clause(con)));
                }
            }
            out.push('\n');
        }
        if let Some(review_by) = &self.framing.review_by {
            self.conditions(&mut out, review_by, &tripwires, &cite);
        }
        self.more_information(&mut out, &sources);
        out
    }

    /// With a team: each member's own verdict with their note, and where they disagree (first what could
    /// change the verdict, the rest in one line), under the outcome (which says how the members split).
    fn madr_team(&self, out: &mut String) {
        let Some(team) = self.team_parts() else { return };
        let _ = writeln!(out, "{} The team\n", self.heading(2));
        // The context says already when the weights are the median; only a difference is news here.
        if self.team.as_ref().is_some_and(|(_, group)| group.weights != self.weighting.weights)
            || !self.framing.left_out.is_empty()
        {
            let _ = writeln!(out, "{}\n", md(&team.intro));
        }
        for row in &team.rows {
            let note = self.framing.notes.iter().find(|(who, _)| *who == row.name).map(|(_, note)| one_line(note));
            match note.filter(|n| !n.is_empty()) {
                Some(note) => {
                    let _ = writeln!(out, "* {} ({}): {}", md(&row.label), md(&row.verdict), md(&note));
                }
                None => {
                    let _ = writeln!(out, "* {}: {}", md(&row.label), md(&row.verdict));
                }
            }
        }
        out.push('\n');
        if let Some(sentence) = &team.own_requirements {
            let _ = writeln!(out, "{}\n", md(sentence));
        }
        if !team.disputed.is_empty() {
            let _ = writeln!(out, "Where the members' disagreement could change the verdict:\n");
            for sentence in &team.disputed {
                let _ = writeln!(out, "* {}", md(sentence));
            }
            out.push('\n');
        }
        for after in &team.after {
            let _ = writeln!(out, "{}\n", md(after));
        }
    }

    /// "2 of 3 members favour Python, 1 Node.js." (each member's own weights), with why the group's
    /// verdict may differ from most members'.
    fn team_split(&self) -> Option<String> {
        let (members, group) = self.team.as_ref()?;
        let dataset = self.dataset;
        let mut order: Vec<usize> = (0..dataset.options.len()).filter(|&o| group.wins[o] > 0).collect();
        order.sort_by_key(|&o| (std::cmp::Reverse(group.wins[o]), o));
        let total = members.len();
        let mut parts = order.iter().enumerate().map(|(i, &o)| {
            let n = group.wins[o];
            let verb = if n == 1 { "favours" } else { "favour" };
            let who = if total == 1 {
                "The one member".to_owned()
            } else if i == 0 {
                format!("{n} of {total} members")
            } else {
                n.to_string()
            };
            if i == 0 {
                format!("{who} {verb} {}", dataset.options[o].name)
            } else {
                format!("{who} {}", dataset.options[o].name)
            }
        });
        let mut sentence = parts.next().unwrap_or_else(|| format!("No option leads for any of the {total} members"));
        for part in parts {
            let _ = write!(sentence, ", {part}");
        }
        let undecided = total - group.wins.iter().sum::<usize>();
        if undecided > 0 && !order.is_empty() {
            let _ = write!(sentence, "; no option leads for {undecided}");
        }
        sentence.push_str(", each by their own weights.");
        if let Some(note) = super::majority_note(dataset, group, self.evaluation.recommendation.leader()) {
            let _ = write!(sentence, " {note}");
        }
        Some(sentence)
    }

    /// YAML front matter as MADR has it (`deciders`, MADR 3's name, which MADR 4 renamed
    /// `decision-makers`); the names are a JSON string, which YAML reads as it is.
    fn front_matter(&self, out: &mut String) {
        let date = self.framing.date.clone().unwrap_or_else(|| self.dataset.meta.as_of.clone());
        let _ = writeln!(out, "---\nstatus: proposed\ndate: {date}");
        if let Some((members, _)) = &self.team {
            let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
            let _ = writeln!(out, "deciders: {}", serde_json::to_string(&names.join(", ")).unwrap_or_default());
        }
        let _ = writeln!(out, "---\n");
    }

    /// The context after the user's own text: the scenario, the interview's answers as sentences, the
    /// weights changed after them, and the evidence's date.
    fn context(&self, out: &mut String) {
        let dataset = self.dataset;
        let _ = writeln!(out, "{}\n", md(&self.scenario()));
        let answers = self.answer_lines();
        if !answers.is_empty() {
            let _ = writeln!(out, "The project interview's answers:\n");
            for line in &answers {
                let _ = writeln!(out, "* {}", md(line));
            }
            out.push('\n');
        }
        // What the answers gave, then what pairwise judgements and hands changed after them.
        let mut weights = self.weighting.origin.weights(dataset);
        let chosen: Vec<(usize, usize)> =
            self.framing.answers.iter().filter_map(|spec| parse_answer(dataset, spec).ok()).collect();
        weights = interview_weights(dataset, &weights, &chosen);
        if let Some((judged, priorities)) = &self.pairwise {
            let judged_weights = pairwise::weights_from(dataset, &weights, judged, priorities);
            if let Some(list) = self.moved(&judged_weights, &weights) {
                let _ = writeln!(out, "The pairwise judgements then weighed {list}.\n");
            }
            weights = judged_weights;
        }
        if let Some(list) = self.moved(&self.weighting.weights, &weights) {
            let _ = writeln!(out, "Then weighed {list}.\n");
        }
        // Every must-have in force, who fails it and by how much, as the other formats say it.
        if !self.weighting.requirements.is_empty() {
            let _ = writeln!(out, "{MUST_HAVES_HEADING}\n");
            for sentence in self.requirement_sentences() {
                let _ = writeln!(out, "* {}", md(&sentence));
            }
            out.push('\n');
        }
        let _ =
            writeln!(out, "Evidence as of {}, from the dataset \"{}\".\n", dataset.meta.as_of, md(&dataset.meta.title));
    }

    /// "CPU-bound pure code 3 -> 5 and Hiring and talent pool 5 -> 2", escaped; None when nothing moved.
    fn moved(&self, now: &[u8], then: &[u8]) -> Option<String> {
        let names: Vec<String> = changes(now, then)
            .iter()
            .map(|&(d, now, then)| format!("{} {then} -> {now}", md(&self.dataset.dimensions[d].name)))
            .collect();
        match names.split_last() {
            None => None,
            Some((last, [])) => Some(last.clone()),
            Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
        }
    }

    /// Where the weights come from, in a sentence.
    fn scenario(&self) -> String {
        let dataset = self.dataset;
        let mut sentence = match &self.weighting.origin {
            Origin::Defaults => "The weights are the dataset's defaults".to_owned(),
            Origin::Preset(i) => {
                let preset = &dataset.presets[*i];
                format!(
                    "The weights are those of the scenario \"{}\": {}",
                    preset.name,
                    preset.description.trim_end_matches('.')
                )
            }
            Origin::Profile { name, .. } => format!("The weights are the saved profile \"{name}\""),
            Origin::Team { .. } => {
                let names = self
                    .team
                    .as_ref()
                    .map(|(members, _)| members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "));
                format!("The weights are each dimension's median of the team's weights ({})", names.unwrap_or_default())
            }
        };
        sentence.push('.');
        sentence
    }

    /// "Will the service run ML models in process? Yes, inference runs inside the service.", one per
    /// recorded answer the dataset knows.
    fn answer_lines(&self) -> Vec<String> {
        let questions = &self.dataset.questions;
        self.framing
            .answers
            .iter()
            .filter_map(|spec| {
                let (q, a) = spec.split_once('=')?;
                let question = questions.iter().find(|question| question.id == q.trim())?;
                let answer = question.answers.iter().find(|answer| answer.id == a.trim())?;
                let stop = if answer.label.ends_with(['.', '!', '?']) { "" } else { "." };
                Some(format!("{} {}{stop}", question.text, answer.label))
            })
            .collect()
    }

    /// The drivers by name: the must-haves that decide the outcome, then the dimensions carrying most of
    /// the lead, each with its weight and points (without a lead, the highest weights); the other
    /// weighted dimensions folded into one line.
    fn drivers_section(&self, out: &mut String) {
        let dataset = self.dataset;
        let weights = &self.weighting.weights;
        for requirement in deciding_requirements(&self.evaluation, &self.weighting.requirements) {
            let sentence = requirement_sentence(dataset, &self.evaluation, &requirement);
            let _ = writeln!(out, "* The must-have {}", md(&sentence));
        }
        let drivers = drivers(&self.evaluation, weights);
        let points: Vec<f64> = {
            let mut points = vec![0.0; weights.len()];
            for c in &self.evaluation.contributions {
                points[c.dimension] = c.points;
            }
            points
        };
        let lead = match self.evaluation.recommendation {
            Recommendation::Lead { option, runner_up, .. } => Some((option, runner_up)),
            _ => None,
        };
        let toward = |p: f64| match lead {
            Some((option, runner_up)) => {
                let (to, p) = if p >= 0.0 { (option, p) } else { (runner_up, -p) };
                format!("{} points toward {}", points_text(round(p)), md(&dataset.options[to].name))
            }
            None => String::new(),
        };
        for &d in &drivers {
            let weight = weights[d];
            let name = md(&dataset.dimensions[d].name);
            if lead.is_some() {
                let _ = writeln!(out, "* {name}: weight {weight} of 10, {}", toward(points[d]));
            } else {
                let _ = writeln!(out, "* {name}: weight {weight} of 10");
            }
        }
        let rest: Vec<usize> = (0..weights.len()).filter(|&d| weights[d] > 0 && !drivers.contains(&d)).collect();
        if !rest.is_empty() {
            let count = pluralize(rest.len(), "other weighted dimension");
            if lead.is_some() {
                let net: f64 = rest.iter().map(|&d| points[d]).sum();
                let _ = writeln!(out, "* The {count}, together {}", toward(net));
            } else {
                let _ = writeln!(out, "* The {count}, each weighing less");
            }
        }
        if weights.iter().all(|&w| w == 0) {
            let _ = writeln!(out, "Nothing is weighted yet: every weight is 0.");
        }
    }

    /// The dimensions that decided it: the must-haves that did, then, while an option leads, the
    /// largest contributions either way; otherwise the highest weights.
    fn decisive(&self) -> Vec<usize> {
        let weights = &self.weighting.weights;
        let by_weight = if let Recommendation::Lead { .. } = self.evaluation.recommendation {
            let mut contributions: Vec<_> = self.visible_contributions().collect();
            contributions.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()).then(a.dimension.cmp(&b.dimension)));
            contributions.iter().take(TOP_CONTRIBUTIONS).map(|c| c.dimension).collect()
        } else {
            let mut weighted: Vec<usize> = (0..weights.len()).filter(|&d| weights[d] > 0).collect();
            weighted.sort_by_key(|&d| (std::cmp::Reverse(weights[d]), d));
            weighted.truncate(TOP_CONTRIBUTIONS);
            weighted
        };
        let mut decisive: Vec<usize> =
            deciding_requirements(&self.evaluation, &self.weighting.requirements).iter().map(|r| r.dimension).collect();
        for d in by_weight {
            if !decisive.contains(&d) {
                decisive.push(d);
            }
        }
        // A team's disputed dimensions too, those that could change the verdict first: one member's
        // reasons may lie where the median weighs 0.
        if let Some((_, group)) = &self.team {
            for d in group.disputes.iter().map(|dispute| dispute.dimension).take(TEAM_DISPUTED_SHOWN) {
                if !decisive.contains(&d) {
                    decisive.push(d);
                }
            }
        }
        decisive
    }

    /// The outcome worded by its classification: "Chosen option" for a clear lead, "likely" for a likely
    /// one, a toss-up called one; then the verdict, and how a team splits.
    fn outcome(&self) -> String {
        let dataset = self.dataset;
        let sampling = sampling_words(&self.robustness);
        let split = self.team_split().map(|s| format!(" {}", md(&s))).unwrap_or_default();
        // MADR's own outcome for a knock-out: "the only option which meets k.o. criterion".
        if let Recommendation::Only { option } = self.evaluation.recommendation {
            let sure = md(&robustness_sentence(dataset, &self.robustness));
            let criteria: Vec<String> = self.requirement_sentences().iter().map(|s| md(s)).collect();
            return format!(
                "Chosen option: \"{}\", because it is the only option which meets the k.o. criteria: {} {} {sure} \
                 ({sampling}).{split}",
                md(&dataset.options[option].name),
                criteria.join(" "),
                md(&self.verdict())
            );
        }
        let sure = md(&robustness_sentence(dataset, &self.robustness));
        // Every option fails a must-have: weights cannot help, as the text report says; who fails what.
        if let Recommendation::NoneEligible { .. } = self.evaluation.recommendation {
            let criteria: Vec<String> = self.requirement_sentences().iter().map(|s| md(s)).collect();
            return format!(
                "No option is chosen: {} {} {} {sure} ({sampling}).{split}",
                md(&self.verdict()),
                md(&no_flip_sentence(dataset, &self.evaluation)),
                criteria.join(" ")
            );
        }
        let Recommendation::Lead { option, runner_up, .. } = self.evaluation.recommendation else {
            return format!(
                "No option is chosen: {} The decision needs other weights, or the team's judgement. {sure} \
                 ({sampling}).{split}",
                md(&self.verdict())
            );
        };
        let name = |o: usize| md(&dataset.options[o].name);
        let reasons: Vec<String> = self
            .visible_contributions()
            .filter(|c| c.points > 0.0)
            .take(3)
            .map(|c| {
                let a = &dataset.dimensions[c.dimension].assessments;
                format!(
                    "{} ({} against {}, {:+.1} points)",
                    md(&dataset.dimensions[c.dimension].name),
                    a[option].rating,
                    a[runner_up].rating,
                    round(c.points)
                )
            })
            .collect();
        let why = format!("it rates higher where this project's weights are: {}", reasons.join(", "));
        let opening = match self.classification() {
            Classification::Clear => format!("Chosen option: \"{}\", because {why}.", name(option)),
            Classification::Likely => {
                format!("Chosen option: \"{}\", likely the better fit but not clearly: {why}.", name(option))
            }
            Classification::TossUp | Classification::None => format!(
                "A toss-up, not a clear choice: \"{}\" leads, but by too little for the scores to settle it \
                 ({} would be as defensible), so the team's judgement decides. {} {}.",
                name(option),
                name(runner_up),
                name(option),
                why.trim_start_matches("it ")
            ),
        };
        // An option the must-haves ruled out would otherwise lead (or tie): the outcome owes it to them.
        let mut overtaken = String::new();
        for o in overtaken_by(&self.evaluation) {
            let scores = &self.evaluation.scores;
            let _ = write!(
                overtaken,
                " {} scores {} against {}'s {}, but cannot be chosen: {}.",
                name(o),
                points_text(scores[o]),
                name(option),
                points_text(scores[option]),
                md(&failing_sentence(dataset, o, &self.evaluation.screening.failing[o]))
            );
        }
        format!(
            "{opening}{overtaken} {} Sampled over {sampling}; More Information says what the classifications \
             mean.{split}",
            md(&self.verdict())
        )
    }

    /// What choosing the leader gains and gives up on the decisive dimensions, in ratings and weights
    /// (their pros and cons follow, under the options).
    fn consequences(&self, out: &mut String, decisive: &[usize]) {
        let dataset = self.dataset;
        let scores = &self.evaluation.scores;
        // The option given up: the runner-up, or beside the only option left, the best-scoring other.
        let (option, runner_up) = match self.evaluation.recommendation {
            Recommendation::Lead { option, runner_up, .. } => (option, runner_up),
            Recommendation::Only { option } => {
                let _ = writeln!(
                    out,
                    "* Good, because {} is the only option that meets every must-have.",
                    md(&dataset.options[option].name)
                );
                let others = (0..scores.len()).filter(|&o| o != option);
                let Some(best) = others.max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))) else {
                    return;
                };
                (option, best)
            }
            _ => {
                let _ = writeln!(out, "* Neutral, because nothing is chosen yet.");
                return;
            }
        };
        let name = |o: usize| md(&dataset.options[o].name);
        // A team's disputed dimension the median weighs 0 gains and gives up nothing.
        for &d in decisive.iter().filter(|&&d| self.weighting.weights[d] > 0) {
            let dimension = &dataset.dimensions[d];
            let (chosen, other) = (dimension.assessments[option].rating, dimension.assessments[runner_up].rating);
            let weight = self.weighting.weights[d];
            let line = match chosen.cmp(&other) {
                std::cmp::Ordering::Greater => {
                    format!("Good, because {} rates {chosen} against {other}", name(option))
                }
                std::cmp::Ordering::Less => format!("Bad, because {} rates {other} against {chosen}", name(runner_up)),
                std::cmp::Ordering::Equal => format!("Neutral, because both rate {chosen}"),
            };
            let _ = writeln!(out, "* {line} on {}, which weighs {weight} of 10 here", md(&dimension.name));
        }
    }

    /// "Conditions for revisiting": the review date, then each nearest rating flip as a tripwire citing
    /// its evidence by the record's numbers, then the nearest weight flips.
    fn conditions(&self, out: &mut String, review_by: &str, tripwires: &[RatingFlip], cite: &dyn Fn(usize) -> String) {
        let dataset = self.dataset;
        let name = |o: usize| md(&dataset.options[o].name);
        let _ = writeln!(out, "{} Conditions for revisiting\n", self.heading(1));
        let _ = writeln!(out, "* Review it by {review_by}, or sooner if one of these comes true.");
        for wire in tripwires {
            let numbers = cite(wire.dimension);
            let evidence = if numbers.is_empty() {
                "no source cited".to_owned()
            } else {
                format!("evidence: {}", numbers.trim_start())
            };
            let moved = if wire.to > wire.rating { "rose" } else { "fell" };
            let _ = writeln!(
                out,
                "* If {}'s rating for {} {moved} to {} (now {}; {evidence}), {} would lead.",
                name(wire.option),
                md(&dataset.dimensions[wire.dimension].name),
                wire.to,
                wire.rating,
                name(wire.leader)
            );
        }
        // The weights that, moved alone, change the leader: what the team would have to come to value.
        let weights = &self.weighting.weights;
        let mut flips = self.evaluation.flips.clone();
        flips.sort_by_key(|f| (f.distance(weights), f.dimension));
        for flip in flips.iter().take(TRIPWIRES) {
            let now = weights[flip.dimension];
            let (verb, bound) = if flip.weight > now { ("came to matter", "or more") } else { ("mattered", "or less") };
            let _ = writeln!(
                out,
                "* If {} {verb} {} {bound} (now {now}), {} would lead.",
                md(&dataset.dimensions[flip.dimension].name),
                flip.weight,
                name(flip.option)
            );
        }
        out.push('\n');
    }

    fn more_information(&self, out: &mut String, sources: &[&Source]) {
        let dataset = self.dataset;
        let _ = writeln!(out, "{} More Information\n", self.heading(1));
        let _ = writeln!(
            out,
            "Method: each option's score is the weighted mean of its 0-10 ratings over the dimensions, scaled \
             to 0-100. The robustness share is how often each option comes first when every rating is drawn anew \
             from the range its evidence supports{} ({}). Classifications: {DEFINITION} A stability interval is how far one weight can move, the others fixed, before the leader \
             changes.\n",
            match self.robustness.weights {
                Spread::Fixed => String::new(),
                Spread::Within(n) => format!(" and every weight from within {n} of its own"),
                Spread::Team(_) => " and every weight from the team's range for it".to_owned(),
            },
            sampling_words(&self.robustness)
        );
        if self.evaluation.recommendation.leader().is_some() {
            let intervals: Vec<String> = self
                .critical_intervals()
                .map(|(interval, steps)| stability_sentence(dataset, interval, steps))
                .collect();
            if !intervals.is_empty() {
                let _ = writeln!(out, "Stability intervals, the nearest to a change first:\n");
                for sentence in intervals {
                    let _ = writeln!(out, "* {}", md(&sentence));
                }
                out.push('\n');
            }
        }
        // A record's conditions for revisiting name these already.
        if !self.evaluation.flips.is_empty() && self.framing.review_by.is_none() {
            let _ = writeln!(out, "Revisit it if a weight moves this far (one at a time, nearest first):\n");
            for flip in self.evaluation.flips.iter().take(TOP_SENSITIVITIES) {
                let _ = writeln!(out, "* {}", md(&flip_condition(dataset, &self.weighting.weights, flip)));
            }
            out.push('\n');
        }
        let command = self
            .framing
            .command
            .clone()
            .unwrap_or_else(|| format!("{} --format madr", self.weighting.command_line(dataset, None)));
        let fence = "`".repeat(3.max(longest_run(&command, '`') + 1));
        let _ = writeln!(out, "Reproduce it with:\n\n{fence}sh\n{}\n{fence}\n", command.replace(['\n', '\r'], " "));
        let _ = writeln!(
            out,
            "Made with versus {} from the dataset \"{}\", evidence as of {}, content hash `{}`.\n",
            env!("CARGO_PKG_VERSION"),
            md(&dataset.meta.title),
            dataset.meta.as_of,
            dataset.content_hash()
        );
        if !sources.is_empty() {
            let _ = writeln!(out, "Sources:\n");
            for (i, source) in sources.iter().enumerate() {
                let published = source.published.as_ref().map(|p| format!("published {p}, ")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}. [{}](<{}>) ({published}checked {})",
                    i + 1,
                    md(&source.title),
                    link_target(&source.url),
                    source.checked
                );
            }
        }
    }
}

/// How many of a team's most disputed dimensions the record's pros and cons add to the decisive ones.
const TEAM_DISPUTED_SHOWN: usize = 3;

/// The sources of `dimensions`, each URL once, in the order they are first cited.
fn numbered_sources<'d>(dataset: &'d Dataset, dimensions: &[usize]) -> Vec<&'d Source> {
    let mut sources: Vec<&Source> = Vec::new();
    for &d in dimensions {
        for source in &dataset.dimensions[d].sources {
            if !sources.iter().any(|s| s.url == source.url) {
                sources.push(source);
            }
        }
    }
    sources
}

/// A URL safe inside `<...>`: the characters that would end it or break the line, percent-encoded.
fn link_target(url: &str) -> String {
    // `\` too: before the closing `>` it would escape it.
    url.replace('\\', "%5C").replace('<', "%3C").replace('>', "%3E").replace(' ', "%20").replace(['\n', '\r'], "")
}

/// Sorted numbers with their runs shortened: "1-5, 7, 9-10".
fn runs(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut start = 0;
    for i in 0..numbers.len() {
        if i + 1 == numbers.len() || numbers[i + 1] != numbers[i] + 1 {
            parts.push(if i == start { numbers[i].to_string() } else { format!("{}-{}", numbers[start], numbers[i]) });
            start = i + 1;
        }
    }
    parts.join(", ")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn source_numbers_are_shortened_to_runs() {
        assert_eq!(super::runs(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(super::runs(&[4]), "4");
        assert_eq!(super::longest_run("a ``` b `` c", '`'), 3);
        assert_eq!(super::link_target("https://x.example/a b\\<c>"), "https://x.example/a%20b%5C%3Cc%3E");
    }
}
