//! The dimension list: each row a name, a weight slider with its number, and which option it favours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use crate::engine::data::{Dimension, SCALE_MAX};
use crate::engine::text::fit;
use crate::explorer::app::{App, Focus, Row};
use crate::explorer::layout::Regions;
use crate::explorer::state::team::Team;
use crate::explorer::theme::Theme;

/// A 5-cell slider's cell holding one of its two steps.
const HALF_CELL: &str = "◧";

pub fn render(frame: &mut Frame, app: &App, regions: &Regions, theme: Theme) {
    let rows = app.rows();
    let listed = app.hits().len();
    let total = app.dataset().dimensions.len();
    // Where the selection is among the listed dimensions: "Dimensions 3/21", "Matches 1/4 of 21".
    let position = rows
        .iter()
        .filter(|r| matches!(r, Row::Dimension(_)))
        .position(|r| *r == Row::Dimension(app.selected()))
        .map_or(0, |p| p + 1);
    let title = if app.query().trim().is_empty() {
        format!(" Dimensions {position}/{listed} ")
    } else {
        format!(" Matches {position}/{listed} of {total} ")
    };
    // Dimensions out of sight (category headings are not counted).
    let inner_height = usize::from(regions.list_inner().height);
    let dimensions = |rows: &[Row]| rows.iter().filter(|r| matches!(r, Row::Dimension(_))).count();
    let offset = app.list_offset().min(rows.len());
    let above = dimensions(&rows[..offset]);
    let below = dimensions(&rows[(offset + inner_height).min(rows.len())..]);
    let mut block = Block::bordered()
        .border_type(if app.focus() == Focus::List { BorderType::Thick } else { BorderType::Plain })
        .title(Span::styled(title, theme.bold()))
        .title(
            Line::styled(if app.team().is_some() { " team · weight " } else { " weight " }, theme.dim())
                .right_aligned(),
        );
    // Rows out of sight, counted on the bottom border: "↑ 15 above · ↓ 3 below".
    let hidden: Vec<String> = [(above, "↑", "above"), (below, "↓", "below")]
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, arrow, word)| format!("{arrow} {n} {word}"))
        .collect();
    if !hidden.is_empty() {
        block = block.title_bottom(Line::styled(format!(" {} ", hidden.join(" · ")), theme.dim()).right_aligned());
    }
    let inner = block.inner(regions.list);
    frame.render_widget(block, regions.list);

    // Only the rows on screen are built: the list may hold tens of thousands.
    let visible = rows.iter().skip(app.list_offset()).take(usize::from(inner.height));
    for (y, row) in (inner.y..).zip(visible) {
        let area = Rect::new(inner.x, y, inner.width, 1);
        let line = match *row {
            Row::Category { first_dimension } => Line::styled(
                fit(&format!("─ {}", app.dataset().dimensions[first_dimension].category), usize::from(inner.width)),
                theme.heading(),
            ),
            Row::Dimension(dimension) => dimension_row(app, regions, dimension, theme),
        };
        frame.render_widget(Paragraph::new(line), area);
    }
    // A scrollbar on the right border when the list is longer than its box: where the view is in it.
    if rows.len() > inner_height && inner_height > 0 {
        let bar = Rect::new(regions.list.right().saturating_sub(1), inner.y, 1, inner.height);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_symbol("█")
            .thumb_style(theme.bold());
        let mut state = ScrollbarState::new(rows.len().saturating_sub(inner_height))
            .position(app.list_offset())
            .viewport_content_length(inner_height);
        frame.render_stateful_widget(scrollbar, bar, &mut state);
    }
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("no dimension matches", theme.dim())),
            Rect::new(inner.x, inner.y, inner.width, 1.min(inner.height)),
        );
    }
}

fn dimension_row<'a>(app: &'a App, regions: &Regions, index: usize, theme: Theme) -> Line<'a> {
    let dimension = &app.dataset().dimensions[index];
    let inner = regions.list_inner();
    let selected = index == app.selected();
    let weight = app.weights()[index];
    let cells = regions.slider_cells();
    let name_width = usize::from(regions.slider_x().saturating_sub(inner.x + 3));

    let row_style = if selected {
        theme.selected()
    } else if weight == 0 {
        theme.dim()
    } else {
        Style::new()
    };
    let marker = if selected { "▸" } else { " " };
    let mut spans = vec![Span::styled(marker, row_style)];
    // A must-have marks its row with `!` in the gap before the name: in the close-call style when an
    // option fails it.
    match app.weighting().requirements.get(index) {
        Some(_) => {
            let failing = app.evaluation().screening.fails_on(index);
            let style = if failing { theme.close_call() } else { theme.bold() };
            spans.push(Span::styled("!", style.patch(row_style)));
        }
        None => spans.push(Span::styled(" ", row_style)),
    }
    // With a weighting pinned, a changed row ends its name with the pinned weight: "… 3→".
    let pinned = app.pinned().map(|(pinned, _)| pinned.weights[index]).filter(|&was| was != weight);
    let name_width = if app.pinned().is_some() { name_width.saturating_sub(4) } else { name_width };
    // With a team, each member's weight as a bar one cell high, just left of the slider.
    // As many cells as leave the name 10 columns (at most STRIP_MEMBERS), or none.
    let room = name_width.saturating_sub(11).min(STRIP_MEMBERS);
    let strip = app.team().filter(|_| room >= 2).map(|team| team_strip(team, index, room, theme, row_style));
    let name_width = name_width - strip.as_ref().map_or(0, |s| s.len() + 1);
    // The dataset's short name where the whole one does not fit, unless the search highlights the
    // whole name's characters.
    let cut = dimension.name.width() > name_width && app.match_positions(index).is_empty();
    match dimension.short.as_deref().filter(|_| cut) {
        Some(short) => spans.push(Span::styled(fit(short, name_width), row_style)),
        None => spans.extend(name_spans(app, index, &fit(&dimension.name, name_width), theme, row_style)),
    }
    if let Some(was) = pinned {
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let gap = (2 + name_width).saturating_sub(used);
        spans.push(Span::styled(format!("{}{was:>2}→ ", " ".repeat(gap)), theme.highlight().patch(row_style)));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let strip_width = strip.as_ref().map_or(0, |s| s.len() + 1);
    let gap = usize::from(regions.slider_x() - inner.x).saturating_sub(used + strip_width);
    spans.push(Span::styled(" ".repeat(gap), row_style));
    if let Some(strip) = strip {
        spans.extend(strip);
        spans.push(Span::styled(" ", row_style));
    }

    // A cell stands for one step on a 10-cell slider and two on a 5-cell one, where a cell half reached
    // is half filled: every weight looks different.
    let step = SCALE_MAX / cells as u8;
    let (full, half) = (usize::from(weight / step), usize::from(!weight.is_multiple_of(step)));
    let mut filled = "■".repeat(full);
    filled.push_str(&HALF_CELL.repeat(half));
    spans.push(Span::styled(filled, theme.slider().patch(row_style)));
    spans.push(Span::styled("□".repeat(usize::from(cells) - full - half), theme.dim().patch(row_style)));
    let number = if app.is_muted(index) { " –".to_owned() } else { format!("{weight:>2}") };
    spans.push(Span::styled(format!(" {number} "), row_style));
    let (mark, style) = favour_mark(dimension, theme);
    spans.push(Span::styled(mark, style.patch(row_style)));
    Line::from(spans)
}

/// The most cells the list's strip takes (the detail header names every member).
const STRIP_MEMBERS: usize = 16;

/// One cell per member, at most `cells`: their weight for `dimension` as a bar of eight heights, `·`
/// for 0; dim when they are left out, and in the close-call style when the dimension is disputed. When
/// the members outnumber the cells, the last cell is a dim `+`.
fn team_strip(team: Team, dimension: usize, cells: usize, theme: Theme, base: Style) -> Vec<Span<'static>> {
    const BARS: [&str; 9] = ["·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let disputed = team.group().is_disputed(dimension);
    let members = team.members().len();
    let shown = if members > cells { cells - 1 } else { members };
    let more = (members > shown).then(|| Span::styled("+", theme.dim().patch(base)));
    team.members()
        .iter()
        .enumerate()
        .take(shown)
        .map(|(i, member)| {
            let weight = usize::from(member.weights[dimension]);
            let bar = BARS[(weight * 8).div_ceil(usize::from(SCALE_MAX))];
            let style = match (team.counts(i), disputed) {
                (false, _) => theme.dim(),
                // Underlined as well as coloured: it shows without colour too.
                (true, true) => theme.close_call().add_modifier(ratatui::style::Modifier::UNDERLINED),
                (true, false) => theme.slider(),
            };
            Span::styled(bar, style.patch(base))
        })
        .chain(more)
        .collect()
}

/// The name with the search's matched characters highlighted.
fn name_spans<'a>(app: &App, dimension: usize, name: &str, theme: Theme, base: Style) -> Vec<Span<'a>> {
    let positions = app.match_positions(dimension);
    if positions.is_empty() {
        return vec![Span::styled(name.to_owned(), base)];
    }
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if positions.binary_search(&i).is_ok() { theme.highlight().patch(base) } else { base };
            Span::styled(c.to_string(), style)
        })
        .collect()
}

/// Which option the dimension rates highest: with two options an arrow toward its pane (◀ left, ▶ right),
/// with more the option's number; `=` when the best ratings tie.
#[must_use]
pub(crate) fn favour_mark(dimension: &Dimension, theme: Theme) -> (String, Style) {
    let best = dimension.assessments.iter().map(|a| a.rating).max().unwrap_or(0);
    let leaders: Vec<usize> =
        dimension.assessments.iter().enumerate().filter(|(_, a)| a.rating == best).map(|(i, _)| i).collect();
    match (leaders.as_slice(), dimension.assessments.len()) {
        ([only], 2) => ((if *only == 0 { "◀" } else { "▶" }).to_owned(), theme.option(*only)),
        ([only], _) => (char::from_digit((*only as u32 + 1) % 36, 36).unwrap_or('?').to_string(), theme.option(*only)),
        _ => ("=".to_owned(), theme.dim()),
    }
}
