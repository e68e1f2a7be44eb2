//! The project interview (`i`): one question at a time with what each answer would set, then a
//! summary of the weights the answers give against the weights now, and the verdict they give.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::overlays::{popup, proposal};
use crate::engine::text::{fit, wrap};
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;

pub fn render(
    frame: &mut Frame,
    app: &App,
    question: usize,
    highlighted: usize,
    chosen: &[Option<usize>],
    theme: Theme,
) {
    let area = frame.area();
    let dataset = app.dataset();
    let total = dataset.questions.len();
    let title = if question < total {
        format!("Project interview: question {} of {total}", question + 1)
    } else {
        "Project interview: what your answers give".to_owned()
    };
    let inside = popup(frame, layout::claims(area), &title, theme);
    let width = usize::from(inside.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(q) = dataset.questions.get(question) {
        lines.extend(wrap(&q.text, width).into_iter().map(|l| Line::styled(l, theme.heading())));
        if let Some(help) = &q.help {
            lines.extend(wrap(help, width).into_iter().map(|l| Line::styled(l, theme.dim())));
        }
        lines.push(Line::default());
        for (i, answer) in q.answers.iter().enumerate() {
            let pointer = if i == highlighted { "▸ " } else { "  " };
            let mark = if chosen[question] == Some(i) { "● " } else { "  " };
            let style = if i == highlighted { theme.selected() } else { Style::new() };
            lines.push(Line::styled(fit(&format!("{pointer}{mark}{}", answer.label), width), style));
            let sets: Vec<String> =
                answer.weights.iter().map(|&(d, w)| format!("{} to {w}", dataset.dimensions[d].name)).collect();
            let preview =
                if sets.is_empty() { "changes nothing".to_owned() } else { format!("sets {}", sets.join(", ")) };
            let indented = wrap(&preview, width.saturating_sub(4)).into_iter().map(|l| format!("    {l}"));
            lines.extend(indented.map(|l| Line::styled(l, theme.dim())));
        }
    } else {
        let weights = app.interview_weights(chosen);
        let answered = chosen.iter().filter(|c| c.is_some()).count();
        lines.push(Line::styled(format!("{answered} of {total} questions answered."), theme.bold()));
        let keys = "Enter applies them (u undoes); Esc leaves everything as it was.";
        let rows = usize::from(inside.height).saturating_sub(lines.len());
        lines.extend(proposal(app, &weights, keys, width, rows, theme));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}
