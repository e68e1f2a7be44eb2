//! The bottom panel: the gauge with both scores, the verdict, why, and the nearest flip.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::engine::report::{flip_sentence, no_flip_sentence, robustness_sentence, verdict_sentence};
use crate::engine::score::Recommendation;
use crate::engine::text::fit;
use crate::explorer::app::App;
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
    let mut lines = gauge_lines(app, width, theme);
    // Verdict, robustness, why and flip always show; with many options, gauges give way first.
    lines.truncate(usize::from(inner.height).saturating_sub(4).max(1));
    let verdict_style = if app.evaluation().recommendation.is_close_call() { theme.close_call() } else { theme.bold() };
    let mut verdict = verdict_sentence(app.dataset(), &app.evaluation().recommendation);
    if let Some((_, pinned)) = app.pinned() {
        let was = match &pinned.recommendation {
            Recommendation::Lead { option, margin, .. } => {
                format!("{} +{margin:.1}", app.dataset().options[*option].name)
            }
            Recommendation::Tie { .. } => "a tie".to_owned(),
            Recommendation::NoWeights => "no weights".to_owned(),
        };
        verdict = format!("{verdict} (pinned: {was})");
    }
    lines.push(Line::styled(fit(&verdict, width), verdict_style));
    lines.push(robustness_line(app, width, theme));
    lines.push(why_line(app, width, theme));
    lines.push(flip_line(app, width, theme));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A bar for each option on the real 0-100 scale of its score, best first, so that a 28-point lead looks
/// like one and a 1-point lead does not. With every weight 0 there is nothing to draw: it says so.
fn gauge_lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let options = &app.dataset().options;
    let scores = &app.evaluation().scores;
    if matches!(app.evaluation().recommendation, Recommendation::NoWeights) {
        let text = "no scores to draw: every weight is 0, so nothing counts yet (raise a weight)";
        return vec![Line::styled(fit(text, width), theme.dim())];
    }
    let name_width = options.iter().map(|option| option.name.width()).max().unwrap_or(0).min(16);
    // Best first, so that when rows run short the leaders are the ones shown.
    let mut order: Vec<usize> = (0..options.len()).collect();
    order.sort_by(|&first, &second| scores[second].total_cmp(&scores[first]));
    order
        .into_iter()
        .map(|index| {
            let option = &options[index];
            let name = fit(&option.name, name_width);
            // With a weighting pinned, each score says how far it moved from the pinned one.
            let moved = app
                .pinned()
                .map_or_else(String::new, |(_, pinned)| format!(" {:+5.1}", scores[index] - pinned.scores[index]));
            let label =
                format!("{name}{} {:5.1}{moved} ", " ".repeat(name_width.saturating_sub(name.width())), scores[index]);
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

/// How sure the verdict is: the robustness shares so far, and while they are still being drawn, how far.
fn robustness_line(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let (robustness, (drawn, asked)) = app.robustness();
    // The progress first: a narrow screen cuts the end of the line.
    let progress = if drawn < asked { format!(" (sampling {drawn} of {asked})") } else { String::new() };
    let text = format!("sure{progress}: {}", robustness_sentence(app.dataset(), &robustness));
    let style = if robustness.confident().is_some() { theme.dim() } else { theme.close_call() };
    Line::styled(fit(&text, width), style)
}

fn why_line(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let Recommendation::Lead { option, .. } = app.evaluation().recommendation else {
        return Line::styled("why: no option leads", theme.dim());
    };
    let mut spans = vec![Span::styled(format!("why {}: ", app.dataset().options[option].name), theme.dim())];
    let mut used = spans[0].content.width();
    for (index, contribution) in app.evaluation().contributions.iter().enumerate() {
        let text = format!(
            "{}{} {:+.1}",
            if index > 0 { " · " } else { "" },
            app.dataset().dimensions[contribution.dimension].name,
            contribution.points
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
