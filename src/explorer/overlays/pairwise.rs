//! Pairwise weighting (`a`): two categories (or, from the sensitivity view, two dimensions) at a time on
//! Saaty's 1-9 scale, then a summary of the weights the judgements give, how consistent they are, and
//! the verdict; Enter there applies them as one undoable step.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, Next, Proposal, Room, Seen, large, popup};
use crate::engine::data::Dataset;
use crate::engine::pairwise::{Judged, Judgement, MAX_ITEMS, Priorities, priorities, weights_from};
use crate::engine::report::pairwise_sentence;
use crate::engine::text::{fit, pad_left, wrap};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::inner;
use crate::explorer::state::weights::{Answered, Weights};
use crate::explorer::state::{Pointer, PointerKind, Status};
use crate::explorer::theme::Theme;

/// The row of a pair's 1-9 scale within the pop-up (under the question, a blank line and the two
/// names).
pub(crate) const SCALE_ROW: u16 = 3;

/// The judgement a column of the scale stands for: 17 marks two columns apart, from 9 for the left item
/// (8) through 1, equal (0), to 9 for the right item (-8).
#[must_use]
pub(crate) fn mark_at(column: u16) -> Option<i8> {
    let mark = i8::try_from(column / 2).ok().filter(|m| *m <= 16 && column.is_multiple_of(2))?;
    Some(8 - mark)
}

/// What pairwise weighting compares: the categories (each dimension then gets its category's share,
/// split as the weights now split it), or up to [`MAX_ITEMS`] dimensions chosen in the sensitivity view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared {
    /// As shown: category names, or dimension names.
    pub names: Vec<String>,
    /// As the engine takes them: category names, or dimension ids.
    items: Vec<String>,
    pub categories: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pairwise {
    compared: Compared,
    /// Every pair of what is compared, each once: (first, second) as indexes of [`Compared::names`].
    pairs: Vec<(usize, usize)>,
    /// The pair on screen; `pairs.len()` is the summary.
    pub pair: usize,
    /// Each pair's judgement so far, from -8 (the second much more) through 0 (equal) to 8 (the first
    /// much more); `None` not judged yet.
    pub judged: Vec<Option<i8>>,
    /// On the summary: what the judgements give (worked out as it opens).
    summary: Option<(Judged, Priorities, Proposal)>,
}

impl Pairwise {
    /// Pairwise weighting of the dataset's categories (the first [`MAX_ITEMS`]).
    pub(crate) fn categories(ctx: &mut Ctx) -> Option<Self> {
        let all = ctx.dataset.categories();
        let names: Vec<String> = all.iter().take(MAX_ITEMS).map(|&c| c.to_owned()).collect();
        if all.len() > names.len() {
            let shown = names.len();
            ctx.set_status(Status::info(format!("comparing the first {shown} of {} categories", all.len())));
        }
        Self::over(ctx, Compared { items: names.clone(), names, categories: true })
    }

    /// Pairwise weighting of the dimensions `chosen` (indexes), in that order.
    pub(crate) fn dimensions(ctx: &mut Ctx, chosen: &[usize]) -> Option<Self> {
        let dimensions = &ctx.dataset.dimensions;
        let names = chosen.iter().map(|&d| dimensions[d].name.clone()).collect();
        let items = chosen.iter().map(|&d| dimensions[d].id.clone()).collect();
        Self::over(ctx, Compared { names, items, categories: false })
    }

    /// Pairwise weighting over `compared`, which needs two items at least.
    fn over(ctx: &mut Ctx, compared: Compared) -> Option<Self> {
        let n = compared.names.len();
        if n < 2 {
            let what = if compared.categories { "categories" } else { "dimensions" };
            ctx.set_status(Status::error(format!("pairwise weighting needs at least two {what}")));
            return None;
        }
        let pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect();
        Some(Self { judged: vec![None; pairs.len()], pairs, compared, pair: 0, summary: None })
    }

    /// What it compares.
    #[must_use]
    pub fn compared(&self) -> &Compared {
        &self.compared
    }

    /// Every pair, each once: (first, second) as indexes of [`Compared::names`].
    #[must_use]
    pub fn pairs(&self) -> &[(usize, usize)] {
        &self.pairs
    }

    /// Goes to pair `pair` (the summary after the last).
    fn go(&mut self, pair: usize, ctx: &Ctx) {
        self.pair = pair;
        self.summary = (pair == self.pairs.len()).then(|| self.result(ctx.dataset, ctx.weights));
    }

    /// The judgements so far as the engine takes them (a pair not judged counts as equal), their
    /// priorities, and the weights they give over the weights in force.
    fn result(&self, dataset: &Dataset, state: &Weights) -> (Judged, Priorities, Proposal) {
        let now = state.weights();
        let judgements: Vec<Judgement> = self
            .pairs
            .iter()
            .zip(&self.judged)
            .filter_map(|(&(first, second), judgement)| {
                let v = (*judgement)?;
                let by = v.unsigned_abs().min(8) + 1;
                Some(if v >= 0 {
                    Judgement { more: first, less: second, by }
                } else {
                    Judgement { more: second, less: first, by }
                })
            })
            .collect();
        let items = self.compared.items.clone();
        let p = priorities(items.len(), &judgements);
        let judged = Judged { items, categories: self.compared.categories, judgements };
        let weights = weights_from(dataset, now, &judged, &p);
        let proposal = Proposal::new(dataset, state, weights);
        (judged, p, proposal)
    }
}

impl Room for Pairwise {
    fn context(&self) -> Context {
        Context::Pairwise
    }

    /// One pair at a time: h/l move the judgement toward the first or second item, Enter takes it, Tab
    /// skips (equal), Shift-Tab goes back, Esc leaves everything as it was; after the last pair, the
    /// summary's Enter applies the weights (one undoable step).
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        let pairs = self.pairs.len();
        let current = self.judged.get(self.pair).copied().flatten().unwrap_or(0);
        match action {
            Action::LeftMore | Action::RightMore if self.pair < pairs => {
                // The first item is on the left: positive judgements favour it.
                let step = if action == Action::RightMore { -1 } else { 1 };
                self.judged[self.pair] = Some((current + step).clamp(-8, 8));
            }
            Action::Confirm if self.pair < pairs => {
                self.judged[self.pair] = Some(current);
                self.go(self.pair + 1, ctx);
            }
            Action::SkipPair if self.pair < pairs => self.go(self.pair + 1, ctx),
            Action::PreviousPair => self.go(self.pair.saturating_sub(1), ctx),
            Action::Revise if self.pair == pairs => {
                let worst = self.summary.as_ref().and_then(|(_, p, _)| {
                    let (a, b) = p.most_inconsistent.filter(|_| !p.is_consistent())?;
                    self.pairs.iter().position(|&pair| pair == (a.min(b), a.max(b)))
                });
                if let Some(worst) = worst {
                    self.go(worst, ctx);
                }
            }
            Action::Confirm => {
                if let Some((_, _, proposal)) = self.summary.take() {
                    ctx.apply_proposal(proposal.weights, "the pairwise weights", Answered::default());
                }
                return Next::Close;
            }
            Action::Back => {
                ctx.leave("pairwise weighting");
                return Next::Close;
            }
            _ => {}
        }
        Next::Stay
    }

    /// A press on the scale sets the judgement (Enter takes it).
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let inside = inner(large(ctx.area));
        if pointer.kind != PointerKind::Press || !inside.contains((pointer.column, pointer.row).into()) {
            return false;
        }
        let (column, row) = (pointer.column - inside.x, pointer.row - inside.y);
        if self.pair >= self.pairs.len() || row != SCALE_ROW {
            return false;
        }
        let Some(judgement) = mark_at(column) else { return false };
        self.judged[self.pair] = Some(judgement);
        true
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let area = frame.area();
        let (names, pairs, pair, judged) = (&self.compared.names, &self.pairs, self.pair, &self.judged);
        let title = if pair < pairs.len() {
            format!("Pairwise weighting: pair {} of {}", pair + 1, pairs.len())
        } else {
            "Pairwise weighting: what your judgements give".to_owned()
        };
        let inside = popup(frame, large(area), &title, theme);
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
            debug_assert_eq!(lines.len(), usize::from(SCALE_ROW));
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
        } else if let Some((judged_items, p, proposal)) = &self.summary {
            let mut sentence = pairwise_sentence(seen.dataset, judged_items, p);
            if !p.is_consistent() && p.most_inconsistent.is_some() {
                sentence.push_str(" r goes to it.");
            }
            let style = if p.is_consistent() { Style::new() } else { theme.close_call() };
            lines.extend(wrap(&sentence, width).into_iter().map(|l| Line::styled(l, style)));
            let keys = "Enter applies them (u undoes); Shift-Tab goes back; Esc leaves everything as it was.";
            let rows = usize::from(inside.height).saturating_sub(lines.len());
            lines.extend(proposal.lines(seen.dataset, keys, width, rows, 0, theme));
        }
        frame.render_widget(Paragraph::new(lines), inside);
    }
}

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
