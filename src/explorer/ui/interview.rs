//! The project interview (`i`): one question at a time with what each answer would set, then a
//! summary of the weights the answers give against the weights now, and the verdict they give.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::overlays::{popup, proposal};
use crate::explorer::app::App;
use crate::explorer::theme::Theme;
use crate::explorer::{layout, view};

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
    if question < total {
        let chosen = chosen.get(question).copied().flatten();
        let drawn = view::interview_lines(dataset, question, highlighted, chosen, width, theme);
        lines.extend(drawn.into_iter().map(|(line, _)| line));
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
