//! The sensitivity view (`f`): a chart of every option's score as the selected dimension's weight goes
//! from 0 to 10, with the current weight and the flip marked, above a table of every dimension: its
//! weight, its stability interval, how many steps from a change it is, and its nearest rating flip.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset as Series, GraphType, Paragraph};

use super::overlays::popup;
use crate::engine::score::{RatingFlip, Stability, scores_along};
use crate::engine::text::{fit, pad, pad_left};
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::view::sensitivity_order;

/// Each option's line marker, so that the lines differ without colour too; the legend shows it.
const MARKERS: [(Marker, char); 3] = [(Marker::Dot, '•'), (Marker::Block, '█'), (Marker::Bar, '▄')];

pub fn render(frame: &mut Frame, app: &App, selected: usize, theme: Theme) {
    let area = frame.area();
    let order = sensitivity_order(app.dataset(), app.evaluation());
    let Some(&dimension) = order.get(selected) else { return };
    let title =
        format!("Sensitivity: {} (j/k another dimension, Enter go to it)", app.dataset().dimensions[dimension].name);
    popup(frame, layout::claims(area), &title, theme);
    let (chart, table) = layout::sensitivity_parts(area);
    render_chart(frame, app, dimension, chart, theme);
    render_table(frame, app, &order, selected, table, theme);
}

fn render_chart(frame: &mut Frame, app: &App, dimension: usize, area: Rect, theme: Theme) {
    let dataset = app.dataset();
    let along = scores_along(dataset, app.weights(), dimension);
    let lines: Vec<Vec<(f64, f64)>> = (0..dataset.options.len())
        .map(|option| along.iter().enumerate().map(|(w, scores)| (w as f64, scores[option])).collect())
        .collect();
    // The scores' own range, in tens, so that close lines stand apart.
    let (low, high) = along.iter().flatten().fold((100.0_f64, 0.0_f64), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    let low = ((low - 5.0) / 10.0).floor().max(0.0) * 10.0;
    let high = ((high + 5.0) / 10.0).ceil().min(10.0) * 10.0;
    let now = f64::from(app.weights()[dimension]);
    let now_line = [(now, low), (now, high)];
    let flip = app.evaluation().flips.iter().find(|f| f.dimension == dimension);
    let flip_point = flip.map(|f| [(f64::from(f.weight), along[usize::from(f.weight)][f.option])]);
    // The legend goes on a line of its own above the chart: inside it, it would hide the lines.
    let mut legend: Vec<Span> = Vec::new();
    let mut named = |name: String, style: Style| {
        legend.extend([Span::styled(name.clone(), style), Span::raw("   ")]);
        name
    };
    let mut series: Vec<Series> = dataset
        .options
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(option, (info, points))| {
            let (marker, symbol) = MARKERS[option % MARKERS.len()];
            Series::default()
                .name(named(format!("{symbol} {}", info.name), theme.option(option)))
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(theme.option(option))
                .data(points)
        })
        .collect();
    series.push(
        Series::default()
            .name(named(format!("⡇ now: {}", app.weights()[dimension]), theme.dim()))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim())
            .data(&now_line),
    );
    if let (Some(flip), Some(point)) = (flip, &flip_point) {
        series.push(
            Series::default()
                .name(named(
                    format!("◆ flip: {} at {}", dataset.options[flip.option].name, flip.weight),
                    theme.option(flip.option),
                ))
                .marker(Marker::Block)
                .graph_type(GraphType::Scatter)
                .style(theme.option(flip.option))
                .data(point),
        );
    }
    frame.render_widget(Paragraph::new(Line::from(legend)), Rect { height: 1, ..area });
    let area = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    let name = &dataset.dimensions[dimension].name;
    let chart = Chart::new(series)
        .x_axis(
            Axis::default()
                .title(Span::styled(fit(&format!("weight of {name}"), usize::from(area.width / 2)), theme.dim()))
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"]),
        )
        .y_axis(Axis::default().title(Span::styled("score", theme.dim())).bounds([low, high]).labels([
            format!("{low:.0}"),
            format!("{:.0}", f64::midpoint(low, high)),
            format!("{high:.0}"),
        ]))
        .legend_position(None);
    frame.render_widget(chart, area);
}

fn render_table(frame: &mut Frame, app: &App, order: &[usize], selected: usize, area: Rect, theme: Theme) {
    let dataset = app.dataset();
    let stability = &app.evaluation().stability;
    let flips = app.rating_flips();
    let nearest = |dimension: usize| flips.iter().find(|f| f.dimension == dimension);
    let width = usize::from(area.width);
    let name_width = (width / 3).clamp(12, 32);
    let header = format!(
        "  {} {} {} {}  nearest rating flip",
        pad("dimension", name_width),
        pad_left("weight", 6),
        pad_left("holds", 7),
        pad_left("steps", 5)
    );
    let mut lines = vec![Line::styled(fit(&header, width), theme.heading())];
    let rows = usize::from(area.height).saturating_sub(1);
    let first = layout::scroll_for(selected, rows);
    for (row, &dimension) in order.iter().enumerate().skip(first).take(rows) {
        let interval = stability.get(dimension);
        let holds = interval.map_or_else(|| "-".to_owned(), |s| format!("{}-{}", s.low, s.high));
        let steps = interval.and_then(Stability::criticality).map_or_else(|| "none".to_owned(), |n| n.to_string());
        let flip = nearest(dimension).map_or_else(|| "none".to_owned(), |f| rating_flip_words(app, f));
        let text = format!(
            "{}{} {} {} {}  {flip}",
            if row == selected { "▸ " } else { "  " },
            pad(&dataset.dimensions[dimension].name, name_width),
            pad_left(&app.weights()[dimension].to_string(), 6),
            pad_left(&holds, 7),
            pad_left(&steps, 5),
        );
        let style = if row == selected { theme.selected() } else { Style::new() };
        lines.push(Line::styled(fit(&text, width), style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rating flip in a table cell: "Node.js 9 -> 6: Python leads".
fn rating_flip_words(app: &App, flip: &RatingFlip) -> String {
    let options = &app.dataset().options;
    format!("{} {} -> {}: {} leads", options[flip.option].name, flip.rating, flip.to, options[flip.leader].name)
}
