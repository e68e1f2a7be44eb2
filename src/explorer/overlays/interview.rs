//! The project interview (`i`): one question at a time with what each answer would set and the verdict
//! the answers so far give, then a summary of the weights the answers give against the weights now, and
//! the verdict they give; Enter there applies them as one undoable step. The answers applied are part of
//! the weights' state (undone, saved with a profile): `i` reopens at the summary with them chosen, and
//! going back to a question highlights the answer chosen there, so Enter never changes one by accident.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, Next, PAGE, Proposal, Room, Seen, large, popup, pressed_row};
use crate::engine::data::Dataset;
use crate::engine::score::recommend_with;
use crate::engine::text::{pluralize, wrap};
use crate::engine::verdict::lead_sentence;
use crate::engine::weights::{parse_answer, reanswer};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::inner;
use crate::explorer::state::weights::Answered;
use crate::explorer::state::{Pointer, Status, step};
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    /// The question on screen; `chosen.len()` is the summary.
    pub question: usize,
    /// The highlighted answer: the one chosen before, if there is one, so that Enter keeps it.
    pub highlighted: usize,
    /// Each question's chosen answer so far.
    pub chosen: Vec<Option<usize>>,
    /// The answers in force as it opened (those the weights came from): Esc asks before discarding
    /// anything else.
    kept: Vec<Option<usize>>,
    /// Whether it reopened with answers in force: then Enter on a question goes back to the summary, so
    /// changing one answer is one question.
    resumed: bool,
    /// Esc was pressed with answers that would be lost: a second Esc discards them.
    discarding: bool,
    /// The verdict the answers so far give, worked out as they change.
    so_far: String,
    /// On the summary: the first change shown.
    scroll: usize,
    /// On the summary: what the answers give (worked out as it opens).
    proposal: Option<Proposal>,
}

impl Interview {
    /// The interview, resuming from the answers in force (at the summary) if the weights came from it,
    /// else at its first question; none (and a message) for a dataset without questions.
    pub(crate) fn open(ctx: &mut Ctx) -> Option<Self> {
        if ctx.dataset.questions.is_empty() {
            ctx.set_status(Status::error("this dataset has no interview questions"));
            return None;
        }
        let mut chosen = vec![None; ctx.dataset.questions.len()];
        for spec in ctx.weights.answers() {
            if let Ok((question, answer)) = parse_answer(ctx.dataset, spec) {
                chosen[question] = Some(answer);
            }
        }
        let resumed = chosen.iter().any(Option::is_some);
        let mut interview = Self {
            question: 0,
            highlighted: 0,
            kept: chosen.clone(),
            chosen,
            resumed,
            discarding: false,
            so_far: String::new(),
            scroll: 0,
            proposal: None,
        };
        interview.go(if resumed { interview.chosen.len() } else { 0 }, ctx);
        Some(interview)
    }

    /// Goes to question `question` (the summary after the last), the answer chosen before highlighted.
    fn go(&mut self, question: usize, ctx: &Ctx) {
        self.question = question;
        self.highlighted = self.chosen.get(question).copied().flatten().unwrap_or(0);
        self.scroll = 0;
        let weights = self.weights(ctx);
        // On a question, the verdict so far, must-haves in force; on the summary, the proposal says it.
        if question == self.chosen.len() {
            self.proposal = Some(Proposal::new(ctx.dataset, ctx.weights, weights));
        } else {
            let requirements = &ctx.weights.weighting().requirements;
            self.so_far = lead_sentence(ctx.dataset, &recommend_with(ctx.dataset, &weights, requirements));
            self.proposal = None;
        }
    }

    /// The weights the answers so far give: applied over what the answers in force were applied over,
    /// keeping any weight changed by hand since.
    fn weights(&self, ctx: &Ctx) -> Vec<u8> {
        let picks = |answers: &[Option<usize>]| -> Vec<(usize, usize)> {
            answers.iter().enumerate().filter_map(|(q, a)| a.map(|a| (q, a))).collect()
        };
        let over = ctx.weights.answered_over();
        reanswer(ctx.dataset, over, ctx.weights.weights(), &picks(&self.kept), &picks(&self.chosen))
    }

    /// The answers chosen, as `QUESTION=ANSWER`.
    fn answers(&self, dataset: &Dataset) -> Vec<String> {
        self.chosen
            .iter()
            .zip(&dataset.questions)
            .filter_map(|(answer, q)| answer.map(|a| format!("{}={}", q.id, q.answers[a].id)))
            .collect()
    }

    /// How many answers differ from those in force as it opened: what Esc would lose.
    fn unsaved(&self) -> usize {
        self.chosen.iter().zip(&self.kept).filter(|(a, b)| a != b).count()
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
        let discarding = std::mem::take(&mut self.discarding);
        if self.question == questions {
            // The summary scrolls its list of changes.
            let changes = self.proposal.as_ref().map_or(0, Proposal::changed);
            if let Some(scroll) = step(self.scroll, action, changes.saturating_sub(1), PAGE) {
                self.scroll = scroll;
                return Next::Stay;
            }
        }
        let answers = ctx.dataset.questions.get(self.question).map_or(0, |q| q.answers.len());
        if let Some(highlighted) = step(self.highlighted, action, answers.saturating_sub(1), PAGE) {
            self.highlighted = highlighted;
            return Next::Stay;
        }
        match action {
            Action::Confirm if self.question < questions => {
                self.chosen[self.question] = Some(self.highlighted);
                // Reopened with answers, one changed answer goes straight back to the summary.
                let next = if self.resumed { questions } else { self.question + 1 };
                self.go(next, ctx);
            }
            Action::SkipQuestion if self.question < questions => self.go(self.question + 1, ctx),
            // From the summary, Tab starts again at the first question, the answers kept.
            Action::SkipQuestion => self.go(0, ctx),
            Action::PreviousQuestion => self.go(self.question.saturating_sub(1), ctx),
            Action::Confirm => {
                let answers = self.answers(ctx.dataset);
                let over = if answers.is_empty() { Vec::new() } else { ctx.weights.answered_over().to_vec() };
                if let Some(proposal) = self.proposal.take() {
                    ctx.apply_proposal(proposal.weights, "the interview's weights", Answered { answers, over });
                }
                return Next::Close;
            }
            Action::Back if self.unsaved() > 0 && !discarding => {
                self.discarding = true;
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
        let rows = usize::from(inside.height);
        // At the foot: Esc's question when it was asked, and the verdict the answers so far give.
        let mut foot: Vec<Line> = Vec::new();
        if self.discarding {
            let text = format!(
                "Esc again discards {}; any other key keeps answering.",
                pluralize(self.unsaved(), "changed answer")
            );
            foot.extend(wrap(&text, width).into_iter().map(|l| Line::styled(l, theme.close_call())));
        }
        let mut text: Vec<Line> = Vec::new();
        if self.question < total {
            let chosen = self.chosen.get(self.question).copied().flatten();
            let drawn = lines(dataset, self.question, self.highlighted, chosen, width, theme);
            let so_far = wrap(&format!("So far: {}", self.so_far), width);
            let room = rows.saturating_sub(foot.len() + so_far.len() + 1);
            text.extend(drawn.into_iter().take(room).map(|(line, _)| line));
            text.resize(rows.saturating_sub(foot.len() + so_far.len()), Line::default());
            text.extend(so_far.into_iter().map(|l| Line::styled(l, theme.dim())));
        } else if let Some(proposal) = &self.proposal {
            let answered = self.chosen.iter().filter(|c| c.is_some()).count();
            text.push(Line::styled(
                format!("{answered} of {total} questions answered (Tab goes through them again)."),
                theme.bold(),
            ));
            let keys = "Enter applies them (u undoes); Shift-Tab goes back; Esc leaves everything as it was.";
            let room = rows.saturating_sub(text.len() + foot.len());
            text.extend(proposal.lines(dataset, keys, width, room, self.scroll, theme));
        }
        text.extend(foot);
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
