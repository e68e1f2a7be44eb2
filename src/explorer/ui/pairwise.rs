//! Pairwise weighting (`a`): two categories (or, from the sensitivity view, two dimensions) at a time on
//! Saaty's 1-9 scale, then a summary of the weights the judgements give, how consistent they are, and
//! the verdict.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlays::{popup, proposal};
use crate::engine::report::pairwise_sentence;
use crate::engine::text::{fit, pad_left, wrap};
use crate::explorer::app::App;
use crate::explorer::theme::Theme;
use crate::explorer::{layout, view};

/// Saaty's words for 1, 3, 5, 7 and 9 (the even steps lie between).
fn strength(by: u8) -> &'static str {
    match by {
        1 => "equally",
        2 | 3 => "a little more",
        4 | 5 => "more",
        6 | 7 => "much more",
        _ => "far more",
    }
}

pub fn render(frame: &mut Frame, app: &App, pair: usize, judged: &[Option<i8>], theme: Theme) {
    let area = frame.area();
    let names = &app.compared().names;
    let pairs = app.pairwise_pairs();
    let title = if pair < pairs.len() {
        format!("Pairwise weighting: pair {} of {}", pair + 1, pairs.len())
    } else {
        "Pairwise weighting: what your judgements give".to_owned()
    };
    let inside = popup(frame, layout::claims(area), &title, theme);
    let width = usize::from(inside.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(&(first, second)) = pairs.get(pair) {
        let v = judged[pair].unwrap_or(0);
        lines.push(Line::styled("Which matters more for this project, and how much?", theme.heading()));
        lines.push(Line::default());
        // The two names over the ends of the 33-column scale.
        let left = fit(&names[first], 16);
        let right = pad_left(&fit(&names[second], 16), 33 - unicode_width::UnicodeWidthStr::width(left.as_str()));
        lines.push(Line::from(vec![Span::styled(left, theme.option(0)), Span::styled(right, theme.option(1))]));
        // 17 marks from 9 (the left much more) through 1 (equal) to 9 (the right much more), where the
        // mouse finds them.
        debug_assert_eq!(lines.len(), usize::from(view::PAIRWISE_SCALE_ROW));
        let marks: Vec<String> = (-8..=8_i8).map(|p| (p.unsigned_abs() + 1).to_string()).collect();
        lines.push(Line::raw(marks.join(" ")));
        let at = usize::try_from(8 - i16::from(v)).unwrap_or(8);
        let pointer: String = marks
            .iter()
            .enumerate()
            .map(|(i, m)| if i == at { "▲".to_owned() + &" ".repeat(m.len()) } else { " ".repeat(m.len() + 1) })
            .collect();
        lines.push(Line::styled(pointer, theme.bold()));
        let by = v.unsigned_abs() + 1;
        let (more, less) = if v >= 0 { (first, second) } else { (second, first) };
        let words = if by == 1 {
            format!("{} and {} matter equally", names[first], names[second])
        } else {
            format!("{} matters {} than {} ({by})", names[more], strength(by), names[less])
        };
        lines.extend(wrap(&words, width).into_iter().map(|l| Line::styled(l, theme.bold())));
    } else {
        let (judged_items, p, weights) = app.pairwise_result(judged);
        let mut sentence = pairwise_sentence(app.dataset(), &judged_items, &p);
        if !p.is_consistent() && p.most_inconsistent.is_some() {
            sentence.push_str(" r goes to it.");
        }
        let style = if p.is_consistent() { Style::new() } else { theme.close_call() };
        lines.extend(wrap(&sentence, width).into_iter().map(|l| Line::styled(l, style)));
        let keys = "Enter applies them (u undoes); Shift-Tab goes back; Esc leaves everything as it was.";
        let rows = usize::from(inside.height).saturating_sub(lines.len());
        lines.extend(proposal(app, &weights, keys, width, rows, theme));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}
