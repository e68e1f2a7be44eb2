//! The team overlay (`T`, with `--team`): each member with the verdict of their own weights, whether they
//! count toward the group's median, what the group's weights give, and where the members disagree most.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::overlays::popup;
use crate::engine::report::short_verdict;
use crate::engine::score::{Recommendation, recommend};
use crate::engine::team::DISPUTED_SPREAD;
use crate::engine::text::{fit, pluralize, wrap};
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, selected: usize, theme: Theme) {
    let Some(team) = app.team() else { return };
    let dataset = app.dataset();
    let area = frame.area();
    let rect = layout::team(area, team.members().len());
    let title = format!("Team of {}: the sliders are the median of those counted", team.members().len());
    let inner = popup(frame, rect, &title, theme);
    let width = usize::from(inner.width);
    let list = layout::team_list(area, team.members().len());
    let first = layout::scroll_for(selected, usize::from(list.height));
    let name_width = team.members().iter().map(|m| m.name.width()).max().unwrap_or(0).min(width / 3);
    let mut lines = Vec::new();
    for (i, member) in team.members().iter().enumerate().skip(first).take(usize::from(list.height)) {
        let pointer = if i == selected { "▸" } else { " " };
        let counted = if team.counts(i) { "[x]" } else { "[ ]" };
        let name = fit(&member.name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.width()));
        let outcome = match *team.verdict(i) {
            Recommendation::Lead { option, margin, close_call, .. } => Span::styled(
                fit(
                    &format!(
                        "{} +{margin:.1}{}",
                        dataset.options[option].name,
                        if close_call { " (close)" } else { "" }
                    ),
                    width.saturating_sub(name_width + 10),
                ),
                theme.option(option),
            ),
            Recommendation::Tie { .. } => Span::styled("tie", theme.close_call()),
            Recommendation::NoWeights => Span::styled("no weights", theme.dim()),
        };
        let style = if i == selected {
            theme.selected()
        } else if team.counts(i) {
            theme.bold()
        } else {
            theme.dim()
        };
        lines.push(Line::from(vec![Span::styled(format!("{pointer}{counted} {name}{pad} → "), style), outcome]));
    }
    frame.render_widget(Paragraph::new(lines), list);

    let group = team.group();
    let counted = team.counted();
    let mut summary = vec![Line::default()];
    // The median's own verdict: the sliders may have moved from it since, or another preset be applied.
    let median = recommend(dataset, &group.weights);
    let verdict = short_verdict(dataset, &median);
    let moved = if app.weights() == group.weights.as_slice() { "" } else { " (the sliders are elsewhere now)" };
    let said = format!("The median of {} → {verdict}{moved}", pluralize(counted.len(), "member"));
    summary.extend(wrap(&said, width).into_iter().take(2).map(|l| Line::styled(l, theme.bold())));
    let wins: Vec<String> = dataset
        .options
        .iter()
        .zip(&group.wins)
        .filter(|(_, n)| **n > 0)
        .map(|(option, n)| format!("{} leads for {n}", option.name))
        .collect();
    let wins = if wins.is_empty() { "no option leads for any member".to_owned() } else { wins.join(", ") };
    summary.push(Line::raw(fit(&format!("Of those counted: {wins}."), width)));
    let leader = median.leader();
    if let Some(note) = crate::engine::report::majority_note(dataset, group, leader) {
        summary.extend(two_lines(&note, width).into_iter().map(|l| Line::styled(l, theme.close_call())));
    }
    // Two lines show a handful at most; a large dataset may dispute thousands.
    let disputed: Vec<String> = group
        .disputed
        .iter()
        .take(12)
        .map(|&d| format!("{} {}-{}", dataset.dimensions[d].name, group.spread[d].0, group.spread[d].1))
        .collect();
    let disputed = if disputed.is_empty() {
        match counted.len() {
            1 => "One member counted: there is no one to disagree with.".to_owned(),
            _ => format!("No dimension disputed: the members counted are under {DISPUTED_SPREAD} apart on each."),
        }
    } else {
        format!("Disputed, widest first: {}", disputed.join(" · "))
    };
    summary.extend(two_lines(&disputed, width).into_iter().map(|l| Line::styled(l, theme.close_call())));
    let rows = inner.height.saturating_sub(list.height);
    let below = ratatui::layout::Rect::new(inner.x, list.bottom(), inner.width, rows);
    frame.render_widget(Paragraph::new(summary), below);
}

/// `text` wrapped to `width` in two lines at most, the second ending in "…" when more was cut.
fn two_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > 2 {
        lines.truncate(2);
        // Cut or not, it ends in "…".
        lines[1] = fit(&format!("{} …", lines[1]), width);
    }
    lines
}
