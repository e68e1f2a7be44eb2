//! The text that both drawing and scrolling need: a scrollable region's lines, built once here, so the
//! explorer bounds its scrolling by exactly what is drawn.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::engine::data::Dataset;
use crate::engine::requirements::who_fails;
use crate::engine::score::Evaluation;
use crate::engine::text::wrap;
use crate::explorer::theme::Theme;

/// The lines of option `option`'s pane for `dimension`, wrapped to `width`. Pure, so the app can measure
/// how far a pane scrolls with exactly what will be drawn.
#[must_use]
pub(crate) fn pane_lines(
    dataset: &Dataset,
    dimension: usize,
    option: usize,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(assessment) = dataset.dimensions.get(dimension).and_then(|row| row.assessments.get(option)) else {
        return Vec::new();
    };
    let width = usize::from(width.max(4));
    // Ten cells, one per rating point; assessment narrow pane gets five, two points each.
    let cells = if width >= 15 { 10 } else { 5 };
    let filled = usize::from(assessment.rating) * cells / 10;
    let glyph = Theme::option_glyph(option).to_string();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}/10 ", assessment.rating), theme.option(option)),
        Span::styled(glyph.repeat(filled), theme.option(option)),
        Span::styled("·".repeat(cells - filled), theme.dim()),
    ])];
    lines.extend(wrap(&assessment.rationale, width).into_iter().map(|l| Line::styled(l, theme.bold())));
    if !assessment.detail.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap(&assessment.detail, width).into_iter().map(Line::from));
    }
    for (items, mark) in [(&assessment.pros, "+ "), (&assessment.cons, "− ")] {
        if !items.is_empty() {
            lines.push(Line::default());
        }
        for item in items {
            for (i, l) in wrap(item, width.saturating_sub(2).max(1)).into_iter().enumerate() {
                let prefix = if i == 0 { Span::styled(mark, theme.bold()) } else { Span::raw("  ") };
                lines.push(Line::from(vec![prefix, Span::raw(l)]));
            }
        }
    }
    lines
}

/// "STALE: checked 400 days ago (a volatile source stays fresh 30 days)" for a source past its freshness
/// limit as of `today`; `None` for a fresh one.
#[must_use]
pub(crate) fn stale_words(source: &crate::engine::data::Source, today: &str) -> Option<String> {
    let freshness = crate::engine::data::Freshness::default();
    if !freshness.is_stale(source, today) {
        return None;
    }
    let age = source.age_days(today).unwrap_or_default();
    let kind = if source.volatile { "a volatile source" } else { "a source" };
    Some(format!("STALE: checked {age} days ago ({kind} stays fresh {} days)", freshness.limit(source)))
}

/// The selected dimension's sources as the focused sources region shows them, wrapped to `width`: for
/// each, its numbered title, its dates (and, past its freshness limit as of `today`, that it is stale) and its whole URL; each line with the source it belongs to.
#[must_use]
pub(crate) fn source_lines(
    dataset: &Dataset,
    dimension: usize,
    selected: usize,
    width: u16,
    today: &str,
    theme: Theme,
) -> Vec<(Line<'static>, usize)> {
    let width = usize::from(width.max(8));
    let mut lines = Vec::new();
    let index = dimension;
    let Some(dimension) = dataset.dimensions.get(index) else { return lines };
    for (i, source) in dimension.sources.iter().enumerate() {
        let marker = if i == selected { "▸" } else { " " };
        let title_style = if i == selected { theme.selected() } else { ratatui::style::Style::new() };
        for (n, line) in wrap(&source.title, width - 5).into_iter().enumerate() {
            let prefix = if n == 0 { format!("{marker}[{}]", i + 1) } else { String::new() };
            lines.push((Line::styled(format!("{prefix:<5}{line}"), title_style), i));
        }
        let mut dates = match &source.published {
            Some(published) => format!("published {published} · checked {}", source.checked),
            None => format!("checked {}", source.checked),
        };
        // A source past its freshness limit says so in words, not only in colour.
        let stale = stale_words(source, today);
        if let Some(words) = &stale {
            dates = format!("{dates} · {words}");
        }
        let dates_style = if stale.is_some() { theme.close_call() } else { theme.dim() };
        lines.extend(wrap(&dates, width - 5).into_iter().map(|l| (Line::styled(format!("     {l}"), dates_style), i)));
        let link = theme.bold().add_modifier(ratatui::style::Modifier::UNDERLINED);
        lines.extend(wrap(&source.url, width - 5).into_iter().map(|l| (Line::styled(format!("     {l}"), link), i)));
    }
    // The audited claims that cite this dimension close the list, shown with its last source.
    let citing: Vec<&crate::engine::data::Claim> =
        dataset.claims.iter().filter(|c| c.dimensions.contains(&index)).collect();
    let last = dimension.sources.len().saturating_sub(1);
    if !citing.is_empty() {
        lines.push((Line::default(), last));
        lines.push((
            Line::styled(format!("Claims that cite it ({}; c opens the audit)", citing.len()), theme.heading()),
            last,
        ));
        for claim in citing {
            let text = format!("[{}] {}", claim.verdict.label(), claim.claim);
            for (n, part) in wrap(&text, width - 2).into_iter().enumerate() {
                let indent = if n == 0 { "  " } else { "    " };
                lines.push((Line::styled(format!("{indent}{part}"), theme.verdict(claim.verdict)), last));
            }
        }
    }
    lines
}

/// The focused sources region as drawn in `width` x `rows`: a heading of keys, then the lines of
/// [`source_lines`] that keep source `selected` in view; each with its source (none for the heading),
/// so that a click finds what it lands on.
#[must_use]
pub(crate) fn focused_sources(
    dataset: &Dataset,
    dimension: usize,
    selected: usize,
    width: u16,
    rows: usize,
    today: &str,
    theme: Theme,
) -> Vec<(Line<'static>, Option<usize>)> {
    let heading = "Sources · j/k select · o open · y copy URL";
    let mut lines = vec![(Line::styled(crate::engine::text::fit(heading, usize::from(width)), theme.heading()), None)];
    let all = source_lines(dataset, dimension, selected, width, today, theme);
    let first = source_scroll(&all, selected, rows.saturating_sub(1));
    lines.extend(all.into_iter().skip(first).take(rows.saturating_sub(1)).map(|(line, s)| (line, Some(s))));
    lines
}

/// The first line of [`source_lines`] to show in `rows` rows so that source `selected` is in view.
#[must_use]
pub(crate) fn source_scroll(lines: &[(Line<'static>, usize)], selected: usize, rows: usize) -> usize {
    let first = lines.iter().position(|(_, s)| *s == selected).unwrap_or(0);
    let end = lines.iter().rposition(|(_, s)| *s == selected).map_or(0, |last| last + 1);
    // Its last line at the bottom when it fits below the top, else its first at the top.
    end.saturating_sub(rows).min(first)
}

/// The selected dimension's header, wrapped to `width`: its name (bold) with what it adds to the lead,
/// its weight and category, then the question it asks. Nothing is cut; drawing and layout both count it.
#[must_use]
pub(crate) fn header_lines(
    dataset: &Dataset,
    evaluation: &Evaluation,
    (weight, required): (u8, Option<u8>),
    dimension: usize,
    width: u16,
    team: Option<&TeamLine>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(d) = dataset.dimensions.get(dimension) else { return Vec::new() };
    let width = usize::from(width.max(8));
    // What this row adds to the lead, so that "why" is visible where the dimension is.
    let points = match evaluation.recommendation {
        crate::engine::score::Recommendation::Lead { option, .. } => {
            let share = evaluation.contributions.iter().find(|c| c.dimension == dimension);
            format!(" · {:+.1} pts to {}", share.map_or(0.0, |c| c.points), dataset.options[option].name)
        }
        _ => String::new(),
    };
    // The points first: the weight and the category are on the list already, so a narrow header drops
    // them before it gives the question a line less.
    let full = format!("{points} · weight {weight}/10 · {}", d.category);
    let fitting = [full, points.clone()].into_iter().find(|rest| d.name.width() + rest.width() <= width);
    let mut lines = Vec::new();
    if let Some(rest) = fitting {
        lines.push(Line::from(vec![Span::styled(d.name.clone(), theme.bold()), Span::styled(rest, theme.dim())]));
    } else {
        let rest = points;
        lines.extend(wrap(&d.name, width).into_iter().map(|l| Line::styled(l, theme.bold())));
        let rest = rest.trim_start_matches(" · ").to_owned();
        lines.extend(wrap(&rest, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    if let Some(min) = required {
        let (text, failing) = requirement_text(dataset, evaluation, dimension, min);
        let style = if failing { theme.close_call() } else { theme.dim() };
        lines.extend(wrap(&text, width).into_iter().map(|l| Line::styled(l, style)));
    }
    if let Some(team) = team {
        let style = if team.disputed { theme.close_call() } else { theme.dim() };
        lines.extend(wrap(&team.text, width).into_iter().map(|l| Line::styled(l, style)));
    }
    lines.extend(wrap(&d.summary, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    // Why the default weight is what it is, on one line (help's About has it whole).
    if let Some(reason) = &d.weight_reason {
        let text = format!("default weight {}: {reason}", d.weight);
        lines.push(Line::styled(crate::engine::text::fit(&text, width), theme.dim().add_modifier(Modifier::ITALIC)));
    }
    lines
}

/// The detail header's line on a dimension's must-have: "! must-have: at least 6 · Python fails it (rated
/// 4, 2 short)", and whether an option fails it.
fn requirement_text(dataset: &Dataset, evaluation: &Evaluation, dimension: usize, min: u8) -> (String, bool) {
    let (who, failing) = who_fails(dataset, &evaluation.screening, dimension, min);
    (format!("! must-have: at least {min} · {who}"), failing)
}

/// The detail header's line on the team's weights for one dimension: "team: Ann 10 · Ben 2 · Cy 4 →
/// median 4 (2-10, disputed)".
pub(crate) struct TeamLine {
    pub text: String,
    pub disputed: bool,
}
