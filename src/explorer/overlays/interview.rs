//! The project interview (`i`): one question at a time with what each answer would set, then a summary
//! of the weights the answers give against the weights now, and the verdict they give; Enter there
//! applies them as one undoable step.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, Next, PAGE, Proposal, Room, Seen, large, popup, pressed_row};
use crate::engine::data::Dataset;
use crate::engine::text::wrap;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::inner;
use crate::explorer::state::{Pointer, Status, step};
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    /// The question on screen; `chosen.len()` is the summary.
    pub question: usize,
    /// The highlighted answer.
    pub highlighted: usize,
    /// Each question's chosen answer so far.
    pub chosen: Vec<Option<usize>>,
    /// On the summary: what the answers give (worked out as it opens).
    proposal: Option<Proposal>,
}

impl Interview {
    /// The interview at its first question; none (and a message) for a dataset without questions.
    pub(crate) fn open(ctx: &mut Ctx) -> Option<Self> {
        if ctx.dataset.questions.is_empty() {
            ctx.set_status(Status::error("this dataset has no interview questions"));
            return None;
        }
        Some(Self { question: 0, highlighted: 0, chosen: vec![None; ctx.dataset.questions.len()], proposal: None })
    }

    /// Goes to question `question` (the summary after the last), its first answer highlighted.
    fn go(&mut self, question: usize, ctx: &Ctx) {
        self.question = question;
        self.highlighted = 0;
        self.proposal = (question == self.chosen.len()).then(|| {
            let picks: Vec<(usize, usize)> =
                self.chosen.iter().enumerate().filter_map(|(q, a)| a.map(|a| (q, a))).collect();
            let now = ctx.weights.weights();
            Proposal::new(ctx.dataset, now, crate::engine::weights::interview_weights(ctx.dataset, now, &picks))
        });
    }

    /// The answers chosen, as `QUESTION=ANSWER`.
    fn answers(&self, dataset: &Dataset) -> Vec<String> {
        self.chosen
            .iter()
            .zip(&dataset.questions)
            .filter_map(|(answer, q)| answer.map(|a| format!("{}={}", q.id, q.answers[a].id)))
            .collect()
    }
}

impl Room for Interview {
    fn context(&self) -> Context {
        Context::Interview
    }

    /// j/k pick an answer, Enter takes it, Tab skips the question, Esc leaves everything as it was; after
    /// the last, the summary's Enter applies the weights (one undoable step).
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        let questions = self.chosen.len();
        let answers = ctx.dataset.questions.get(self.question).map_or(0, |q| q.answers.len());
        if let Some(highlighted) = step(self.highlighted, action, answers.saturating_sub(1), PAGE) {
            self.highlighted = highlighted;
            return Next::Stay;
        }
        match action {
            Action::Confirm if self.question < questions => {
                self.chosen[self.question] = Some(self.highlighted);
                self.go(self.question + 1, ctx);
            }
            Action::SkipQuestion if self.question < questions => self.go(self.question + 1, ctx),
            Action::PreviousQuestion => self.go(self.question.saturating_sub(1), ctx),
            Action::Confirm => {
                let answers = self.answers(ctx.dataset);
                if let Some(proposal) = self.proposal.take() {
                    ctx.apply_proposal(proposal.weights, "the interview's weights", answers);
                }
                return Next::Close;
            }
            Action::Back => {
                ctx.leave("interview");
                return Next::Close;
            }
            _ => {}
        }
        Next::Stay
    }

    /// A press picks the answer under it, as Enter on it would.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let inside = inner(large(ctx.area));
        let Some(row) = pressed_row(pointer, inside) else { return false };
        let answer = self.chosen.get(self.question).copied().flatten();
        let drawn =
            lines(ctx.dataset, self.question, self.highlighted, answer, usize::from(inside.width), Theme::new(false));
        let Some(&(_, Some(picked))) = drawn.get(row) else { return false };
        self.highlighted = picked;
        let _ = self.act(Action::Confirm, ctx);
        true
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let dataset = seen.dataset;
        let total = self.chosen.len();
        let title = if self.question < total {
            format!("Project interview: question {} of {total}", self.question + 1)
        } else {
            "Project interview: what your answers give".to_owned()
        };
        let inside = popup(frame, large(frame.area()), &title, theme);
        let width = usize::from(inside.width);
        let mut text: Vec<Line> = Vec::new();
        if self.question < total {
            let chosen = self.chosen.get(self.question).copied().flatten();
            let drawn = lines(dataset, self.question, self.highlighted, chosen, width, theme);
            text.extend(drawn.into_iter().map(|(line, _)| line));
        } else if let Some(proposal) = &self.proposal {
            let answered = self.chosen.iter().filter(|c| c.is_some()).count();
            text.push(Line::styled(format!("{answered} of {total} questions answered."), theme.bold()));
            let keys = "Enter applies them (u undoes); Esc leaves everything as it was.";
            let rows = usize::from(inside.height).saturating_sub(text.len());
            text.extend(proposal.lines(dataset, keys, width, rows, theme));
        }
        frame.render_widget(Paragraph::new(text), inside);
    }
}

/// The interview's question `question` as drawn, wrapped to `width`: each line with the answer it shows
/// (its label or its preview), so that a click picks what it lands on.
#[must_use]
fn lines(
    dataset: &Dataset,
    question: usize,
    highlighted: usize,
    chosen: Option<usize>,
    width: usize,
    theme: Theme,
) -> Vec<(Line<'static>, Option<usize>)> {
    let Some(q) = dataset.questions.get(question) else { return Vec::new() };
    let mut lines: Vec<(Line<'static>, Option<usize>)> =
        wrap(&q.text, width).into_iter().map(|l| (Line::styled(l, theme.heading()), None)).collect();
    if let Some(help) = &q.help {
        lines.extend(wrap(help, width).into_iter().map(|l| (Line::styled(l, theme.dim()), None)));
    }
    lines.push((Line::default(), None));
    for (i, answer) in q.answers.iter().enumerate() {
        let pointer = if i == highlighted { "▸ " } else { "  " };
        let mark = if chosen == Some(i) { "● " } else { "  " };
        let style = if i == highlighted { theme.selected() } else { ratatui::style::Style::new() };
        lines.push((
            Line::styled(crate::engine::text::fit(&format!("{pointer}{mark}{}", answer.label), width), style),
            Some(i),
        ));
        let sets: Vec<String> =
            answer.weights.iter().map(|&(d, w)| format!("{} to {w}", dataset.dimensions[d].name)).collect();
        let preview = if sets.is_empty() { "changes nothing".to_owned() } else { format!("sets {}", sets.join(", ")) };
        let indented = wrap(&preview, width.saturating_sub(4)).into_iter().map(|l| format!("    {l}"));
        lines.extend(indented.map(|l| (Line::styled(l, theme.dim()), Some(i))));
    }
    lines
}
