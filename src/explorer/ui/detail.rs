//! The right-hand side: the selected dimension's header, one pane per option, and its sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::engine::text::fit;
use crate::explorer::app::{App, Focus};
use crate::explorer::layout::Regions;
use crate::explorer::theme::Theme;
use crate::explorer::view;

pub fn render(frame: &mut Frame, app: &App, regions: &Regions, theme: Theme) {
    // A filter that lists nothing shows no dimension's detail: it would not be the one the list points at.
    if app.rows().is_empty() {
        let lines = vec![
            Line::styled(
                fit(&format!("No dimension matches `{}`.", app.query().trim()), usize::from(regions.header.width)),
                theme.bold(),
            ),
            Line::styled("Esc clears the filter; / edits it.", theme.dim()),
        ];
        frame.render_widget(Paragraph::new(lines), regions.header);
        return;
    }
    let selected = app.selected();
    let header = view::header_lines(
        app.dataset(),
        app.evaluation(),
        (app.weights()[selected], app.weighting().requirements.get(selected)),
        selected,
        regions.header.width,
        app.team_line(selected).as_ref(),
        theme,
    );
    frame.render_widget(Paragraph::new(header), regions.header);

    for (option, &area) in regions.panes.iter().enumerate().filter(|(_, area)| area.height > 0) {
        let focused = app.focus() == Focus::Pane(option);
        // With more than two options the list marks a dimension's favourite by number: so do the titles.
        let name = match app.dataset().options.len() {
            2 => app.dataset().options[option].name.clone(),
            _ => format!("{} {}", option + 1, app.dataset().options[option].name),
        };
        let block = Block::bordered().border_type(if focused { BorderType::Thick } else { BorderType::Plain }).title(
            Span::styled(format!(" {} ", fit(&name, usize::from(area.width.saturating_sub(4)))), theme.option(option)),
        );
        let inner = block.inner(area);
        let lines = view::pane_lines(app.dataset(), app.selected(), option, inner.width, theme);
        frame.render_widget(Paragraph::new(lines).block(block).scroll((app.pane_scroll(option), 0)), area);
    }

    render_sources(frame, app, regions.sources, theme);
}

/// The sources under the panes: one line each, or, focused (Tab), each whole with a heading of keys.
fn render_sources(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let sources = &app.dataset().dimensions[app.selected()].sources;
    let rows = usize::from(area.height);
    if app.focus() == Focus::Sources && rows > 1 {
        let lines = view::focused_sources(
            app.dataset(),
            app.selected(),
            app.selected_source(),
            area.width,
            rows,
            app.today(),
            theme,
        );
        frame.render_widget(Paragraph::new(lines.into_iter().map(|(line, _)| line).collect::<Vec<_>>()), area);
        return;
    }
    let mut lines: Vec<Line> = sources
        .iter()
        .enumerate()
        .take(rows)
        .map(|(i, s)| match view::stale_words(s, app.today()) {
            // Marked in words, not only in colour.
            Some(_) => Line::styled(
                fit(&format!("[{}] STALE · {}", i + 1, s.citation()), usize::from(area.width)),
                theme.close_call(),
            ),
            None => Line::raw(fit(&format!("[{}] {}", i + 1, s.citation()), usize::from(area.width))),
        })
        .collect();
    if sources.len() > rows && rows > 0 {
        let more = format!("… and {} more: Tab to the sources shows them all", sources.len() - rows + 1);
        lines[rows - 1] = Line::styled(fit(&more, usize::from(area.width)), theme.dim());
    }
    frame.render_widget(Paragraph::new(lines), area);
}
