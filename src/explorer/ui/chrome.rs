//! The title bar, the footer and the too-small message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::engine::text::fit;
use crate::engine::weights::Origin;
use crate::explorer::app::App;
use crate::explorer::keymap::Context;
use crate::explorer::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::explorer::overlays::Overlay;
use crate::explorer::theme::Theme;

/// The title bar: the dataset (and, where it fits, the date of its evidence) on the left; on the right
/// the weights' origin, "modified" once a weight moved, and the kept search filter. The origin and
/// "modified" are cut last.
pub fn title(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let width = usize::from(area.width);
    let mut origin = match &app.weighting().origin {
        // Narrow screens keep room for the title and a kept filter.
        Origin::Defaults if width < 70 => "defaults".to_owned(),
        Origin::Defaults => "default weights".to_owned(),
        Origin::Preset(i) => format!("preset: {}", app.dataset().presets[*i].name),
        Origin::Profile { name, .. } => format!("profile: {name}"),
        Origin::Team { counted, .. } => format!("team: median of {}", counted.iter().filter(|&&c| c).count()),
    };
    if app.weighting().is_modified(app.dataset()) {
        origin.push_str(" · modified");
    }
    let origin = fit(&origin, width.saturating_sub(12));
    let filter = if !app.query().trim().is_empty() && !matches!(app.overlay(), Overlay::Search(_)) {
        // What is left once the origin and 36 columns of title have their room.
        fit(&format!("filter: {} · ", app.query().trim()), width.saturating_sub(origin.width() + 36))
    } else {
        String::new()
    };
    let right = format!("{filter}{origin}");
    let room = width.saturating_sub(right.width() + 2);
    let meta = &app.dataset().meta;
    let dated = format!(" versus · {} · as of {}", meta.title, meta.as_of);
    let left = if dated.width() <= room { dated } else { fit(&format!(" versus · {}", meta.title), room) };
    let gap = width.saturating_sub(left.width() + right.width() + 1);
    let line = Line::from(format!("{left}{}{right} ", " ".repeat(gap)));
    frame.render_widget(Paragraph::new(line).style(theme.title_bar()), area);
}

pub fn footer(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let mut spans = Vec::new();
    if let Some(status) = &app.status() {
        let text = status.problem.map_or_else(|| status.text.clone(), |word| format!("{word}: {}", status.text));
        // Nothing is lost to the edge: a message too long for the line says where to read it whole.
        let width = usize::from(area.width);
        let help = app.keymap().key_for(app.context(), crate::explorer::keymap::Action::OpenHelp);
        let text = match help {
            Some(key) if text.width() > width => {
                let more = format!(" {key} shows it all");
                format!("{}{more}", fit(&text, width.saturating_sub(more.width())))
            }
            _ => text,
        };
        let line = Line::styled(fit(&text, width), theme.status(status.is_problem()));
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if matches!(app.overlay(), Overlay::Search(_)) {
        spans.push(Span::styled("/", theme.key()));
        spans.push(Span::raw(app.query().to_owned()));
        spans.push(Span::styled("█", theme.dim()));
        spans.push(Span::styled(
            format!("  {}  ", crate::engine::text::pluralize(app.hits().len(), "match")),
            theme.dim(),
        ));
    }
    // Whole hints only, as many as fit: a hint cut in half tells nothing. Help and quit stay at every
    // width, in their place; the others give way from the end.
    let hints = app.keymap().footer_hints(app.context());
    let width_of = |(key, label, _): &(String, &str, bool)| key.width() + label.width() + 3;
    let essential: usize = hints.iter().filter(|h| h.2).map(width_of).sum();
    let mut room = usize::from(area.width).saturating_sub(spans.iter().map(Span::width).sum::<usize>() + essential) + 2;
    let mut shown = Vec::new();
    for hint in &hints {
        if hint.2 {
            shown.push(hint);
        } else if width_of(hint) <= room {
            room -= width_of(hint);
            shown.push(hint);
        } else {
            // The rest give way, but a later essential hint still shows.
            room = 0;
        }
    }
    for (key, label, _) in shown {
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    let hint = match app.focus() {
        _ if app.context() != Context::Main => None,
        crate::explorer::app::Focus::List => None,
        crate::explorer::app::Focus::Pane(_) => Some("(↑↓ scroll the focused pane)"),
        crate::explorer::app::Focus::Sources => Some("(↑↓ select a source)"),
    };
    if let Some(hint) = hint {
        spans.push(Span::styled(hint, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub(crate) fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let message = format!(
        "terminal too small: versus needs {MIN_WIDTH}x{MIN_HEIGHT}, this is {}x{} (q quits)",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(Line::styled(message, theme.bold())).wrap(Wrap { trim: true }), area);
}
