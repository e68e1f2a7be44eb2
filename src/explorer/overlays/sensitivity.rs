//! The sensitivity view (`f`): a chart of every option's score as the selected dimension's weight goes
//! from 0 to 10, with the current weight and the flip marked, above a table of every dimension: its
//! weight, its stability interval, how many steps from a change it is, and its nearest rating flip.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset as Series, GraphType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Next, PAGE, Request, Room, Seen, large, large_split, popup};
use crate::engine::data::Dataset;
use crate::engine::score::{Evaluation, RatingFlip, Stability, rating_flips_with, scores_along};
use crate::engine::text::{fit, fit_words, pad, pad_left};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::scroll_for;
use crate::explorer::state::{Pointer, step};
use crate::explorer::theme::Theme;

/// Each option's line marker, so that the lines differ without colour too; the legend shows it.
const MARKERS: [(Marker, char); 3] = [(Marker::Dot, '•'), (Marker::Block, '█'), (Marker::Bar, '▄')];
/// Pairwise weighting from here compares this many of the most critical dimensions (28 pairs: about as
/// many judgements as anyone makes with care).
const PAIRWISE_DIMENSIONS: usize = 8;

/// The view's state, worked out as it opens: no weight can change while it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// A row of the table, in the order of [`Self::order`].
    pub selected: usize,
    /// The dimensions in the table's order (see [`order`]).
    order: Vec<usize>,
    /// The nearest rating flips at the weights in force.
    pub rating_flips: Vec<RatingFlip>,
    /// Each option's score along the selected dimension's weight, 0 to 10: the chart.
    along: Vec<Vec<f64>>,
}

impl Sensitivity {
    /// The view on the selected dimension's row.
    pub(crate) fn open(ctx: &Ctx) -> Self {
        let weights = ctx.weights.weights();
        let order = order(ctx.dataset, ctx.weights.evaluation());
        let selected = order.iter().position(|&d| d == ctx.list.selected()).unwrap_or(0);
        let rating_flips = rating_flips_with(ctx.dataset, weights, &ctx.weights.weighting().requirements);
        let mut view = Self { selected, order, rating_flips, along: Vec::new() };
        view.chart(ctx);
        view
    }

    /// The chart of the dimension selected now.
    fn chart(&mut self, ctx: &Ctx) {
        self.along = self
            .order
            .get(self.selected)
            .map_or_else(Vec::new, |&dimension| scores_along(ctx.dataset, ctx.weights.weights(), dimension));
    }

    /// The chart of the selected dimension at the top (half, at least 8 rows, so that its legend fits) and
    /// the table of every dimension below, a row apart.
    fn parts(area: Rect) -> (Rect, Rect) {
        large_split(area, |height| (height / 2).max(8))
    }

    fn render_table(&self, frame: &mut Frame, seen: &Seen, area: Rect, theme: Theme) {
        let dataset = seen.dataset;
        let stability = &seen.weights.evaluation().stability;
        let flips = &self.rating_flips;
        let (order, selected) = (&self.order, self.selected);
        let weights = seen.weights.weights();
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
        let first = scroll_for(selected, rows);
        for (row, &dimension) in order.iter().enumerate().skip(first).take(rows) {
            let interval = stability.get(dimension);
            // An interval that is the whole scale: no weight of this one alone changes the leader.
            let interval_words = match interval {
                None => format!("{} {}", pad_left("-", 7), pad_left("-", 5)),
                Some(s) => match s.criticality() {
                    None => pad_left("any weight", 13),
                    Some(steps) => {
                        format!("{} {}", pad_left(&format!("{}-{}", s.low, s.high), 7), pad_left(&steps.to_string(), 5))
                    }
                },
            };
            let flip = nearest(dimension).map_or_else(|| "none".to_owned(), |f| rating_flip_words(dataset, f));
            let text = format!(
                "{}{} {} {}  ",
                if row == selected { "▸ " } else { "  " },
                pad(&dataset.dimensions[dimension].name, name_width),
                pad_left(&weights[dimension].to_string(), 6),
                interval_words,
            );
            // The flip is cut between words, never inside one.
            let text = format!("{text}{}", fit_words(&flip, width.saturating_sub(text.width())));
            let style = if row == selected { theme.selected() } else { Style::new() };
            lines.push(Line::styled(fit(&text, width), style));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

impl Room for Sensitivity {
    fn context(&self) -> Context {
        Context::Sensitivity
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        if let Some(selected) = step(self.selected, action, self.order.len().saturating_sub(1), PAGE) {
            if selected != self.selected {
                self.selected = selected;
                self.chart(ctx);
            }
            return Next::Stay;
        }
        match action {
            Action::GoToDimension => {
                if let Some(&dimension) = self.order.get(self.selected) {
                    ctx.go_to(dimension);
                }
                Next::Close
            }
            Action::Back => Next::Close,
            // The most critical dimensions: the table's first rows.
            Action::OpenPairwise => {
                Next::Open(Request::Pairwise(self.order.iter().copied().take(PAIRWISE_DIMENSIONS).collect()))
            }
            _ => Next::Stay,
        }
    }

    /// The wheel moves the table's selection, as j and k do.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let Some(action) = pointer.kind.wheel() else { return false };
        let before = self.selected;
        let _ = self.act(action, ctx);
        self.selected != before
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let area = frame.area();
        let Some(&dimension) = self.order.get(self.selected) else { return };
        let title =
            format!("Sensitivity: {} (j/k another dimension, Enter go to it)", seen.dataset.dimensions[dimension].name);
        popup(frame, large(area), &title, theme);
        let (chart, table) = Self::parts(area);
        render_chart(frame, seen, dimension, &self.along, chart, theme);
        // The row between chart and table says what the table's columns mean.
        let legend = "holds: weights at which the leader still leads · steps: steps to a change";
        let row = Rect { y: table.y.saturating_sub(1), height: 1, ..table };
        frame.render_widget(Paragraph::new(Line::styled(fit(legend, usize::from(row.width)), theme.dim())), row);
        self.render_table(frame, seen, table, theme);
    }
}

fn render_chart(frame: &mut Frame, seen: &Seen, dimension: usize, along: &[Vec<f64>], area: Rect, theme: Theme) {
    let dataset = seen.dataset;
    let weights = seen.weights.weights();
    let lines: Vec<Vec<(f64, f64)>> = (0..dataset.options.len())
        .map(|option| along.iter().enumerate().map(|(w, scores)| (w as f64, scores[option])).collect())
        .collect();
    // The range of the scores drawn, to the whole point, so that close lines stand apart and the
    // crossing reads at its weight.
    let (low, high) = along.iter().flatten().fold((100.0_f64, 0.0_f64), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    let low = low.floor().max(0.0);
    let high = high.ceil().min(100.0).max(low + 1.0);
    let now = f64::from(weights[dimension]);
    let now_line = [(now, low), (now, high)];
    let flip = seen.weights.evaluation().flips.iter().find(|f| f.dimension == dimension);
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
            .name(named(format!("⡇ now: {}", weights[dimension]), theme.dim()))
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
    let x_axis = Axis::default()
        .title(Span::styled(fit(&format!("weight of {name}"), usize::from(area.width / 2)), theme.dim()))
        .bounds([0.0, 10.0])
        .labels(["0", "5", "10"]);
    let y_axis = Axis::default().title(Span::styled("score", theme.dim())).bounds([low, high]).labels([
        format!("{low:.0}"),
        format!("{:.0}", f64::midpoint(low, high)),
        format!("{high:.0}"),
    ]);
    // The flip is drawn as the ◆ its legend names, in its cell: the chart's own markers are its lines'.
    // Its cell is where the point alone lands on the same axes.
    let flip_cell = flip_point.as_ref().and_then(|point| {
        let single = Series::default().marker(Marker::Block).graph_type(GraphType::Scatter).data(point);
        let mut scratch = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(chart(vec![single], &x_axis, &y_axis), area, &mut scratch);
        let mut empty = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(chart(Vec::new(), &x_axis, &y_axis), area, &mut empty);
        area.positions().find(|&p| scratch[p].symbol() == "█" && empty[p].symbol() != "█")
    });
    let chart = chart(series, &x_axis, &y_axis);
    frame.render_widget(chart, area);
    if let (Some(cell), Some(flip)) = (flip_cell, flip) {
        // Reset first: the chart's block marker colours the cell's background too, which would hide it.
        let cell = &mut frame.buffer_mut()[cell];
        cell.reset();
        cell.set_symbol("◆").set_style(theme.option(flip.option));
    }
}

/// The chart of `series` on the axes `x` and `y`, without a legend (it has a line of its own).
fn chart<'a>(series: Vec<Series<'a>>, x: &Axis<'a>, y: &Axis<'a>) -> Chart<'a> {
    Chart::new(series).x_axis(x.clone()).y_axis(y.clone()).legend_position(None)
}

/// A rating flip in a table cell: "Node.js 9 -> 6: Python leads".
fn rating_flip_words(dataset: &Dataset, flip: &RatingFlip) -> String {
    let options = &dataset.options;
    format!("{} {} -> {}: {} leads", options[flip.option].name, flip.rating, flip.to, options[flip.leader].name)
}

/// The dimensions in the table's order: the most critical first (fewest weight steps to a change of
/// leader), those no single weight can change last, ties in dataset order.
#[must_use]
pub(crate) fn order(dataset: &Dataset, evaluation: &Evaluation) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dataset.dimensions.len()).collect();
    let steps = |d: usize| evaluation.stability.get(d).and_then(Stability::criticality).unwrap_or(u8::MAX);
    order.sort_by_key(|&d| (steps(d), d));
    order
}
