//! `E`: the decision record's dialog. Its fields are those `versus record` takes on the command line
//! (a title, the context in the team's own words over several lines, the review date), and writing it
//! asks the shell for the same file `versus record` writes: the next number in `docs/decisions`, never
//! replacing one. The text is the engine's ([`decision::record_text`]), built here from what the
//! explorer handed over as the dialog opened.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Next, Room, Seen, popup};
use crate::engine::data::{Dataset, day_number};
use crate::engine::decision::{self, Flags, Given, Meta};
use crate::engine::diagnostic::Invalid;
use crate::engine::report::{Framing, Report, Sampling};
use crate::engine::robustness::{DEFAULT_WEIGHT_SPREAD, Robustness};
use crate::engine::score::{Evaluation, RatingFlip};
use crate::engine::team::Member;
use crate::engine::text::{fit, wrap};
use crate::engine::weights::Weighting;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::centred;
use crate::explorer::state::{Effect, Status};
use crate::explorer::theme::Theme;

/// Where the record goes, under the directory versus runs in: as `versus record` without `--dir`.
pub const DIR: &str = "docs/decisions";
/// The longest title and review date the dialog takes; the context may be longer.
const MAX_LINE_CHARS: usize = 300;
const MAX_CONTEXT_CHARS: usize = 20_000;

/// What the record is made from, as the explorer stood when `E` was pressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub weighting: Weighting,
    /// The team's members counted (none without a team).
    pub members: Vec<Member>,
    /// The members left out, by name.
    pub left_out: Vec<String>,
    /// The members' notes, as (name, note).
    pub notes: Vec<(String, String)>,
    /// The weighting as given, for the inputs block and the command that reproduces the record.
    pub given: Given,
    /// The dataset's file, when not the built-in data.
    pub data_path: Option<String>,
    pub today: String,
    /// The default review date: six months ahead, two for a toss-up.
    pub default_review: String,
    /// The title the record takes when none is typed ("Choose Python (...)").
    pub default_title: String,
    /// How the explorer samples the weights in force (their spread, a team's ranges).
    pub sampling: Sampling,
    /// What the screen worked out for the weights in force, its draws finished: the record's report is
    /// made of them, not sampled again.
    pub evaluation: Evaluation,
    pub rating_flips: Vec<RatingFlip>,
    pub robustness: Robustness,
}

/// The field being typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Context,
    ReviewBy,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordDialog {
    pub title: String,
    pub context: String,
    pub review_by: String,
    pub field: Field,
    /// Esc was pressed with text typed: the dialog asks before discarding it.
    pub asking: bool,
    source: Box<Source>,
}

impl RecordDialog {
    #[must_use]
    pub fn new(source: Source) -> Self {
        Self {
            title: String::new(),
            context: String::new(),
            review_by: source.default_review.clone(),
            field: Field::Title,
            asking: false,
            source: Box::new(source),
        }
    }

    fn input(&mut self) -> &mut String {
        match self.field {
            Field::Title => &mut self.title,
            Field::Context => &mut self.context,
            Field::ReviewBy => &mut self.review_by,
        }
    }

    fn room(&self) -> usize {
        let limit = if self.field == Field::Context { MAX_CONTEXT_CHARS } else { MAX_LINE_CHARS };
        let used = match self.field {
            Field::Title => &self.title,
            Field::Context => &self.context,
            Field::ReviewBy => &self.review_by,
        };
        limit.saturating_sub(used.chars().count())
    }

    fn move_field(&mut self, forward: bool) {
        const ORDER: [Field; 3] = [Field::Title, Field::Context, Field::ReviewBy];
        let at = ORDER.iter().position(|&f| f == self.field).unwrap_or(0);
        self.field = ORDER[if forward { (at + 1) % 3 } else { (at + 2) % 3 }];
    }

    /// Whether anything was typed that closing would lose.
    fn typed(&self) -> bool {
        !self.title.trim().is_empty() || !self.context.trim().is_empty() || self.review_by != self.source.default_review
    }

    /// Asks the shell to write the record, or says what is wrong.
    fn write(&mut self, ctx: &mut Ctx) -> Next {
        match text(ctx.dataset, &self.source, &self.title, &self.context, &self.review_by) {
            Ok(text) => {
                ctx.emit(Effect::WriteRecord { dir: DIR.to_owned(), text });
                Next::Close
            }
            Err(problem) => {
                self.field = Field::ReviewBy;
                ctx.set_status(Status::error(problem.to_string()));
                Next::Stay
            }
        }
    }
}

/// The record's text, as `versus record` with the same flags would write it; or what is wrong with the
/// review date.
pub fn text(
    dataset: &Dataset,
    source: &Source,
    title: &str,
    context: &str,
    review_by: &str,
) -> Result<String, Invalid> {
    let review_by = review_by.trim();
    let is_date = review_by.len() == 10 && day_number(review_by).is_some();
    if !is_date {
        return Err(Invalid(format!("review date `{review_by}`: give it as YYYY-MM-DD, as {}", source.default_review)));
    }
    let spread = source.sampling.weight_spread;
    let ranges = source.sampling.weight_ranges(&source.weighting.weights);
    // What the screen worked out, for the document and its inputs block alike.
    let mut report = Report::from_parts(
        dataset,
        &source.weighting,
        source.evaluation.clone(),
        source.rating_flips.clone(),
        source.robustness.clone(),
    );
    let inputs =
        decision::inputs_from(dataset, source.data_path.clone(), source.given.clone(), &ranges, report.evaluated());
    let title = Some(title.trim()).filter(|t| !t.is_empty());
    let context = Some(context.trim()).filter(|c| !c.is_empty());
    let changed_review = (review_by != source.default_review).then_some(review_by);
    let command = decision::reproduce(&Flags {
        data: source.data_path.as_deref(),
        given: Some(&source.given),
        title,
        context,
        status: "proposed",
        review_by: changed_review,
        weight_spread: (spread != DEFAULT_WEIGHT_SPREAD).then_some(spread),
        ..Flags::default()
    });
    let framing = Framing {
        command: Some(command),
        answers: source.given.answers.clone(),
        left_out: source.left_out.clone(),
        notes: source.notes.clone(),
        ..Framing::default()
    };
    let deciders = (!source.members.is_empty())
        .then(|| source.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "));
    let meta = Meta {
        title: title.map(str::to_owned),
        context: context.map(str::to_owned),
        status: "proposed".to_owned(),
        date: source.today.clone(),
        review_by: review_by.to_owned(),
        deciders,
        supersedes: None,
    };
    if !source.members.is_empty() {
        report = report.with_team(source.members.clone());
    }
    Ok(decision::record_text(report, framing, &meta, &inputs))
}

impl Room for RecordDialog {
    fn context(&self) -> Context {
        Context::Record
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        if self.asking {
            // Discard? y or Esc: yes; n or Enter: back to the text.
            return match action {
                Action::Type('y' | 'Y') | Action::Back => {
                    ctx.set_status(Status::info("the decision record was not written"));
                    Next::Close
                }
                Action::Type('n' | 'N') | Action::Confirm => {
                    self.asking = false;
                    Next::Stay
                }
                _ => Next::Stay,
            };
        }
        match action {
            Action::Type(c) if self.room() > 0 => self.input().push(c),
            Action::DeleteChar => {
                self.input().pop();
            }
            Action::ClearInput => self.input().clear(),
            Action::FocusNext => self.move_field(true),
            Action::FocusPrev => self.move_field(false),
            Action::Confirm => match self.field {
                Field::Context if self.room() > 0 => self.context.push('\n'),
                Field::Context => {}
                Field::Title => self.move_field(true),
                Field::ReviewBy => return self.write(ctx),
            },
            Action::WriteRecord => return self.write(ctx),
            Action::Back if self.typed() => self.asking = true,
            Action::Back => {
                ctx.set_status(Status::info("the decision record was not written"));
                return Next::Close;
            }
            _ => {}
        }
        Next::Stay
    }

    /// Pasted text goes on the end of the field typed into, as far as it has room.
    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> bool {
        let room = self.room();
        self.input().extend(text.chars().take(room));
        true
    }

    fn draw(&self, frame: &mut Frame, _seen: &Seen, theme: Theme) {
        let area = frame.area();
        let rect = centred(area, area.width.saturating_sub(4).min(90), area.height.saturating_sub(2).min(24));
        let inner = popup(frame, rect, "Write a decision record", theme);
        frame.render_widget(Paragraph::new(self.lines(inner, theme)), inner);
    }
}

impl RecordDialog {
    /// The dialog's lines in `inner`: the fields, where the record goes, and the keys.
    fn lines(&self, inner: Rect, theme: Theme) -> Vec<Line<'static>> {
        let width = usize::from(inner.width);
        let label = |field: Field, text: &str| {
            let style = if field == self.field { theme.highlight() } else { theme.bold() };
            Span::styled(text.to_owned(), style)
        };
        let cursor = |field: Field| {
            if field == self.field && !self.asking { Span::styled("█", theme.dim()) } else { Span::raw("") }
        };
        let mut lines = Vec::new();
        // The title: the end of a long one, where the cursor is.
        let title_label = "Title: ";
        let room = width.saturating_sub(title_label.width() + 1);
        // An empty title shows, dimmed, the one the record takes without it.
        let placeholder = |room: usize| Span::styled(fit(&self.source.default_title, room), theme.dim());
        let mut title = vec![label(Field::Title, title_label)];
        if self.title.is_empty() {
            title.push(cursor(Field::Title));
            title.push(placeholder(room.saturating_sub(1)));
        } else {
            title.push(Span::raw(tail(&self.title, room)));
            title.push(cursor(Field::Title));
        }
        lines.push(Line::from(title));
        lines.push(Line::default());
        lines.push(Line::from(vec![
            label(Field::Context, "Context"),
            Span::styled(" (the problem in the team's words; Enter starts a new line):", theme.dim()),
        ]));
        // The review date, where the record goes and the keys take the bottom rows; the context the rest.
        let notes = wrap(
            &format!(
                "Writes {DIR}/NNNN-title.md under the directory versus runs in, numbered after the highest \
                 there, as versus record does; never replaces a file. Default review date: six months \
                 ahead, two for a toss-up."
            ),
            width,
        );
        // The footer gives the keys; the question is the dialog's own.
        let keys = if self.asking {
            wrap("Discard what you typed? y or Esc discards · n or Enter goes back to it", width)
        } else {
            Vec::new()
        };
        let bottom = 3 + notes.len() + keys.len();
        let context_rows = usize::from(inner.height).saturating_sub(lines.len() + bottom).max(1);
        let mut context: Vec<String> = Vec::new();
        for paragraph in self.context.split('\n') {
            let wrapped = wrap(paragraph, width.saturating_sub(3).max(1));
            if wrapped.is_empty() { context.push(String::new()) } else { context.extend(wrapped) }
        }
        let start = context.len().saturating_sub(context_rows);
        let last = context.len() - 1;
        for (i, text) in context.iter().enumerate().skip(start) {
            let mut spans = vec![Span::styled("│ ", theme.dim()), Span::raw(text.clone())];
            if i == last {
                spans.push(cursor(Field::Context));
            }
            lines.push(Line::from(spans));
        }
        for _ in context.len() - start..context_rows {
            lines.push(Line::styled("│", theme.dim()));
        }
        lines.push(Line::default());
        lines.push(Line::from(vec![
            label(Field::ReviewBy, "Review by: "),
            Span::raw(self.review_by.clone()),
            cursor(Field::ReviewBy),
        ]));
        lines.push(Line::default());
        lines.extend(notes.into_iter().map(|l| Line::styled(l, theme.dim())));
        lines.extend(keys.into_iter().map(|l| Line::styled(l, theme.bold())));
        lines
    }
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    text[start..].to_owned()
}
