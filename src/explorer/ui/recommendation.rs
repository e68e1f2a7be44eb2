//! The bottom panel: a bar for each option's score, the verdict (how close and how sure), at the default
//! weights how to begin, how sure, why, and the nearest flip.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::engine::report::{flip_sentence, no_flip_sentence, robustness_sentence};
use crate::engine::requirements::failing_sentence;
use crate::engine::robustness::Robustness;
use crate::engine::score::Recommendation;
use crate::engine::text::fit;
use crate::engine::verdict::{Classification, lead_sentence, points, signed_points, verdict_sentence};
use crate::engine::weights::Origin;
use crate::explorer::app::App;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let mut block = Block::new().borders(Borders::TOP).title(Span::styled(" Recommendation ", theme.bold()));
    // With a team: how many of the members counted each option leads for, on the border.
    if let Some(team) = app.team() {
        let counted = team.counted().len();
        let wins: Vec<String> = app
            .dataset()
            .options
            .iter()
            .zip(&team.group().wins)
            .filter(|(_, n)| **n > 0)
            .map(|(option, n)| format!("{} {n}", option.name))
            .collect();
        let wins = if wins.is_empty() { "none leads".to_owned() } else { wins.join(" · ") };
        // The members' own verdicts: they hold whatever the sliders do now.
        let whose = if counted == 1 { "1 member's own".to_owned() } else { format!("{counted} members' own") };
        let text = fit(&format!(" {whose}: {wins} (T) "), usize::from(area.width.saturating_sub(20)));
        block = block.title(Line::styled(text, theme.dim()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let gauges = gauge_lines(app, width, theme);
    let (verdict, toss_up) = verdict_line(app, width, theme);
    let hint = start_hint(app, toss_up, width, theme);
    // Every option's bar and the verdict first; then how sure, how to begin, what would flip it and why,
    // as rows allow (why gives way first). With many options the bars give way instead, down to one.
    let optional = [
        requirements_line(app, width, theme),
        hint,
        Some(robustness_line(app, width, theme)),
        Some(flip_line(app, width, theme)),
        Some(why_line(app, width, theme)),
    ];
    let wanted = optional.iter().flatten().count();
    let shown_gauges = if gauges.len() + 2 <= rows { gauges.len() } else { rows.saturating_sub(1 + wanted).max(1) };
    let mut room = rows.saturating_sub(shown_gauges + 1);
    let [must, hint, sure, flip, why] = optional.map(|line| {
        let line = line?;
        (room > 0).then(|| {
            room -= 1;
            line
        })
    });
    let mut lines: Vec<Line> = gauges.into_iter().take(shown_gauges).collect();
    lines.push(verdict);
    lines.extend(must);
    lines.extend(hint);
    lines.extend(sure);
    lines.extend(why);
    lines.extend(flip);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The verdict in one sentence, how close and how sure (the lead alone while the shares are drawn), and
/// whether it is a toss-up. At the default weights a toss-up says what decides it instead.
fn verdict_line(app: &App, width: usize, theme: Theme) -> (Line<'static>, bool) {
    let recommendation = &app.evaluation().recommendation;
    let (robustness, (drawn, asked)) = app.robustness();
    let class = (drawn == asked).then(|| Classification::of(recommendation, &robustness));
    let toss_up = class == Some(Classification::TossUp);
    let pinned = app.pinned().map_or_else(String::new, |(_, pinned)| {
        let was = match &pinned.recommendation {
            Recommendation::Lead { option, margin, .. } => {
                format!("{} +{}", app.dataset().options[*option].name, points(*margin))
            }
            Recommendation::Tie { .. } => "a tie".to_owned(),
            Recommendation::NoWeights => "no weights".to_owned(),
            Recommendation::Only { option } => format!("{} only", app.dataset().options[*option].name),
            Recommendation::NoneEligible { .. } => "none eligible".to_owned(),
        };
        format!(" (pinned: {was})")
    });
    // Longest first; the first that fits is shown (the shares follow on the next line, so the shortest
    // leaves out what they were drawn over, "of plausible ratings and weights ±1").
    let sentences: Vec<String> = match class {
        Some(_) if toss_up && at_defaults(app) => vec![
            "Toss-up at the default weights, which describe a generic service: your project decides it.".to_owned(),
            "Toss-up: the defaults describe a generic service; your project decides it.".to_owned(),
            "Toss-up at the default weights: your project decides it.".to_owned(),
        ],
        Some(_) => {
            let sentence = verdict_sentence(app.dataset(), recommendation, &robustness);
            // Shorter: without what was drawn over; shorter still, without how often the must-haves hold
            // (the must-haves line says who fails).
            let drawn = format!(" of {}.", robustness.weights.drawn_over());
            let short = sentence.replace(&drawn, ".");
            let without_passes = Robustness { passes: None, ..robustness.clone() };
            let shortest = verdict_sentence(app.dataset(), recommendation, &without_passes).replace(&drawn, ".");
            vec![sentence, short, shortest]
        }
        None => vec![lead_sentence(app.dataset(), recommendation)],
    };
    let verdict = sentences
        .iter()
        .map(|s| format!("{s}{pinned}"))
        .find(|s| s.width() <= width)
        .unwrap_or_else(|| format!("{}{pinned}", sentences[sentences.len() - 1]));
    let style = if toss_up { theme.close_call() } else { theme.bold() };
    (Line::styled(fit(&verdict, width), style), toss_up)
}

/// Whether the weights are the dataset's defaults, untouched.
fn at_defaults(app: &App) -> bool {
    matches!(app.weighting().origin, Origin::Defaults) && !app.weighting().is_modified(app.dataset())
}

/// At the default weights, how to tell versus about the project: "i answers 12 questions about your
/// project, p picks a scenario" (with the keys bound now).
fn start_hint(app: &App, toss_up: bool, width: usize, theme: Theme) -> Option<Line<'static>> {
    if !at_defaults(app) {
        return None;
    }
    let keymap = app.keymap();
    let questions = app.dataset().questions.len();
    let mut parts: Vec<(String, String)> = Vec::new();
    if questions > 0
        && let Some(key) = keymap.key_for(Context::Main, Action::OpenInterview)
    {
        let asks = if questions == 1 { "1 question".to_owned() } else { format!("{questions} questions") };
        parts.push((key, format!(" answers {asks} about your project")));
    }
    if let Some(key) = keymap.key_for(Context::Main, Action::OpenPresets) {
        parts.push((key, " picks a scenario".to_owned()));
    }
    if parts.is_empty() {
        return None;
    }
    // Narrow screens say it shorter: "i answers 13 questions, p picks a scenario".
    if parts.iter().map(|(k, t)| k.width() + t.width() + 2).sum::<usize>() > width {
        for (_, text) in &mut parts {
            *text = text.replace(" about your project", "");
        }
    }
    let keys: usize = parts.iter().map(|(k, t)| k.width() + t.width() + 2).sum();
    // A verdict that is not a toss-up has not said why the defaults are not the answer: say it if it fits.
    let lead = "The defaults describe a generic service: ";
    let mut spans = Vec::new();
    if !toss_up && keys + lead.width() <= width {
        spans.push(Span::styled(lead, theme.dim()));
    }
    for (i, (key, text)) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(", ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(text, theme.dim()));
    }
    Some(Line::from(spans))
}

/// A bar for each option on the real 0-100 scale of its score, in the options' own order (that of the
/// panes), so that a slider near a tie does not swap the bars; a 28-point lead looks like one and a
/// 1-point lead does not. With every weight 0 there is nothing to draw: it says so.
fn gauge_lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let options = &app.dataset().options;
    let scores = &app.evaluation().scores;
    if matches!(app.evaluation().recommendation, Recommendation::NoWeights) {
        let text = "no scores to draw: every weight is 0, so nothing counts yet (raise a weight)";
        return vec![Line::styled(fit(text, width), theme.dim())];
    }
    let name_width = options.iter().map(|option| option.name.width()).max().unwrap_or(0).min(16);
    let marks = app.evaluation().screening.any_failing();
    (0..options.len())
        .map(|index| {
            let option = &options[index];
            let name = fit(&option.name, name_width);
            // With a weighting pinned, each score says how far it moved from the pinned one.
            let moved = app.pinned().map_or_else(String::new, |(_, pinned)| {
                format!(" {:>5}", signed_points(scores[index] - pinned.scores[index]))
            });
            // With must-haves, ✗ after the score of an option that fails one (it cannot be recommended).
            let fails = match (marks, app.evaluation().screening.passes(index)) {
                (false, _) => "",
                (true, true) => "  ",
                (true, false) => " ✗",
            };
            let label = format!(
                "{name}{} {:>5}{moved}{fails} ",
                " ".repeat(name_width.saturating_sub(name.width())),
                points(scores[index])
            );
            let bar = width.saturating_sub(label.width());
            let filled = ((scores[index] / 100.0) * bar as f64).round() as usize;
            Line::from(vec![
                Span::styled(label, theme.option(index)),
                Span::styled(Theme::option_glyph(index).to_string().repeat(filled.min(bar)), theme.option(index)),
                Span::styled("·".repeat(bar - filled.min(bar)), theme.dim()),
            ])
        })
        .collect()
}

/// With must-haves, who fails which and by how much ("must-haves: Python fails CPU-bound pure code (rated
/// 4, needs 6: 2 short)"), or that every option meets them; nothing without must-haves.
fn requirements_line(app: &App, width: usize, theme: Theme) -> Option<Line<'static>> {
    let requirements = &app.weighting().requirements;
    if requirements.is_empty() {
        return None;
    }
    let screening = &app.evaluation().screening;
    let failing: Vec<String> = (0..app.dataset().options.len())
        .filter(|&o| !screening.passes(o))
        .map(|o| failing_sentence(app.dataset(), o, &screening.failing[o]))
        .collect();
    let (text, style) = if failing.is_empty() {
        let n = requirements.len();
        (format!("must-haves: every option meets {}", if n == 1 { "it" } else { "them" }), theme.dim())
    } else {
        (format!("must-haves: {}", failing.join("; ")), theme.close_call())
    };
    Some(Line::styled(fit(&text, width), style))
}

/// How sure the verdict is: the robustness shares so far, and while they are still being drawn, how far.
fn robustness_line(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let (robustness, (drawn, asked)) = app.robustness();
    // The progress first: a narrow screen cuts the end of the line.
    let progress = if drawn < asked { format!(" (sampling {drawn} of {asked})") } else { String::new() };
    let text = format!("sure{progress}: {}", robustness_sentence(app.dataset(), &robustness));
    Line::styled(fit(&text, width), theme.dim())
}

fn why_line(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let option = match app.evaluation().recommendation {
        Recommendation::Lead { option, .. } => option,
        Recommendation::Only { option } => {
            let text =
                format!("why: {} is the only option that meets every must-have", app.dataset().options[option].name);
            return Line::styled(fit(&text, width), theme.dim());
        }
        _ => return Line::styled("why: no option leads", theme.dim()),
    };
    let mut spans = vec![Span::styled(format!("why {}: ", app.dataset().options[option].name), theme.dim())];
    let mut used = spans[0].content.width();
    for (index, contribution) in app.evaluation().contributions.iter().enumerate() {
        let text = format!(
            "{}{} {}",
            if index > 0 { " · " } else { "" },
            app.dataset().dimensions[contribution.dimension].name,
            signed_points(contribution.points)
        );
        if used + text.width() > width {
            break;
        }
        used += text.width();
        spans.push(Span::raw(text));
    }
    Line::from(spans)
}

fn flip_line(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let Some(flip) = app.evaluation().flips.first() else {
        let text = format!("flip: {}", no_flip_sentence(app.dataset(), app.evaluation()));
        return Line::styled(fit(&text, width), theme.dim());
    };
    let text = flip_sentence(app.dataset(), app.weights(), flip);
    Line::from(vec![
        Span::styled("flip: ", theme.dim()),
        Span::styled(fit(&text, width.saturating_sub(6)), theme.option(flip.option)),
    ])
}
