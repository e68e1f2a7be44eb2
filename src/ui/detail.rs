//! The right-hand side: the selected dimension's header, one pane per option, and its sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::data::Dataset;
use crate::layout::Regions;
use crate::text::fit;
use crate::text::wrap;

pub fn render(frame: &mut Frame, app: &App, regions: &Regions, theme: Theme) {
    let Some(dimension) = app.dataset.dimensions.get(app.selected) else { return };
    let weight = app.weighting.weights[app.selected];
    let width = usize::from(regions.header.width);
    let name = fit(&dimension.name, width);
    let rest = fit(&format!(" · {} · weight {weight}/10", dimension.category), width.saturating_sub(name.width()));
    let header = vec![
        Line::from(vec![Span::styled(name, theme.bold()), Span::styled(rest, theme.dim())]),
        Line::styled(fit(&dimension.summary, width), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(header), regions.header);

    for (option, &area) in regions.panes.iter().enumerate() {
        let focused = app.focus == Focus::Pane(option);
        // With more than two options the list marks a dimension's favourite by number: so do the titles.
        let name = match app.dataset.options.len() {
            2 => app.dataset.options[option].name.clone(),
            _ => format!("{} {}", option + 1, app.dataset.options[option].name),
        };
        let block = Block::bordered().border_type(if focused { BorderType::Thick } else { BorderType::Plain }).title(
            Span::styled(format!(" {} ", fit(&name, usize::from(area.width.saturating_sub(4)))), theme.option(option)),
        );
        let inner = block.inner(area);
        let lines = pane_lines(&app.dataset, app.selected, option, inner.width, theme);
        frame.render_widget(Paragraph::new(lines).block(block).scroll((app.pane_scroll[option], 0)), area);
    }

    render_sources(frame, app, regions.sources, theme);
}

fn render_sources(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let sources = &app.dataset.dimensions[app.selected].sources;
    let rows = usize::from(area.height);
    let mut lines: Vec<Line> = sources
        .iter()
        .enumerate()
        .take(rows)
        .map(|(i, s)| {
            let text = format!("[{}] {} · {} · {}", i + 1, s.title, s.date, s.url);
            Line::styled(fit(&text, usize::from(area.width)), theme.dim())
        })
        .collect();
    if sources.len() > rows && rows > 0 {
        lines[rows - 1] = Line::styled(
            format!("… and {} more sources: versus list dimensions", sources.len() - rows + 1),
            theme.dim(),
        );
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The lines of option `option`'s pane for `dimension`, wrapped to `width`. Pure, so the app can measure
/// how far a pane scrolls with exactly what will be drawn.
#[must_use]
pub fn pane_lines(dataset: &Dataset, dimension: usize, option: usize, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let Some(a) = dataset.dimensions.get(dimension).and_then(|d| d.assessments.get(option)) else {
        return Vec::new();
    };
    let width = usize::from(width.max(4));
    // Ten cells, one per rating point; a narrow pane gets five, two points each.
    let cells = if width >= 15 { 10 } else { 5 };
    let filled = usize::from(a.rating) * cells / 10;
    let glyph = Theme::option_glyph(option).to_string();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}/10 ", a.rating), theme.option(option)),
        Span::styled(glyph.repeat(filled), theme.option(option)),
        Span::styled("·".repeat(cells - filled), theme.dim()),
    ])];
    lines.extend(wrap(&a.rationale, width).into_iter().map(|l| Line::styled(l, theme.bold())));
    if !a.detail.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap(&a.detail, width).into_iter().map(Line::from));
    }
    for (items, mark) in [(&a.pros, "+ "), (&a.cons, "− ")] {
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
