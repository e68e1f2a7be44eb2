//! A one-line text prompt: a name to save the weights under, a file to write a document to, or a
//! dimension's must-have.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Confirmation, Ctx, Next, Purpose, Request, Room, Seen, popup};
use crate::engine::data::SCALE_MAX;
use crate::engine::profiles::check_name;
use crate::engine::requirements::parse_min;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::centred;
use crate::explorer::state::{Document, Effect, Export, Status};
use crate::explorer::theme::Theme;

/// The longest text a prompt takes (a file name, a profile name).
pub const MAX_INPUT_CHARS: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: Purpose,
    pub input: String,
    /// The input as it opened, untouched, is replaced by the first character typed (a must-have's
    /// minimum: typing 8 over 7 means 8); a name or a file name is added to instead.
    pub replaced_by_typing: bool,
}

impl Prompt {
    /// A prompt whose `input` typing adds to.
    #[must_use]
    pub fn new(purpose: Purpose, input: String) -> Self {
        Self { purpose, input, replaced_by_typing: false }
    }

    /// A prompt whose `input`, untouched, the first character typed replaces.
    #[must_use]
    pub fn replacing(purpose: Purpose, input: String) -> Self {
        Self { purpose, input, replaced_by_typing: true }
    }
}

impl Room for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        let replaced = std::mem::take(&mut self.replaced_by_typing);
        match action {
            Action::Type(c) if replaced => self.input = c.to_string(),
            Action::Type(c) if self.input.chars().count() < MAX_INPUT_CHARS => self.input.push(c),
            Action::DeleteChar => {
                self.input.pop();
            }
            Action::ClearInput => self.input.clear(),
            Action::Back => return Next::Close,
            Action::Confirm => return self.accept(ctx),
            _ => {}
        }
        Next::Stay
    }

    /// Pasted text goes on the end of the input, as far as it has room.
    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> bool {
        let room = MAX_INPUT_CHARS.saturating_sub(self.input.chars().count());
        self.input.extend(text.chars().take(room));
        true
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let input = &self.input;
        let rect = centred(frame.area(), 70, 3);
        let (title, hint) = match &self.purpose {
            Purpose::SaveProfile => (Cow::Borrowed("Save the weights as a profile"), "name:"),
            Purpose::Export { document: Document::Report, .. } => {
                (Cow::Borrowed("Export the report as markdown"), "file:")
            }
            Purpose::Require { dimension } => {
                let dimension = seen.dataset.dimensions.get(*dimension);
                let name = dimension.map_or("", |d| d.name.as_str());
                // The short name where the whole one would be cut (the frame and a space each side).
                let short = dimension
                    .and_then(|d| d.short.as_deref())
                    .filter(|_| format!("Must-have: {name}").width() + 4 > usize::from(rect.width));
                (Cow::Owned(format!("Must-have: {}", short.unwrap_or(name))), "lowest rating, 0-10 (empty clears):")
            }
        };
        let inner = popup(frame, rect, &title, theme);
        let width = usize::from(inner.width).saturating_sub(hint.width() + 2);
        // Show the end of a long input: that is where the cursor is.
        let shown: String = {
            let chars: Vec<char> = input.chars().collect();
            let mut start = chars.len();
            let mut used = 0;
            while start > 0 && used + chars[start - 1].width().unwrap_or(0) < width {
                start -= 1;
                used += chars[start].width().unwrap_or(0);
            }
            chars[start..].iter().collect()
        };
        let line = Line::from(vec![
            Span::styled(format!("{hint} "), theme.bold()),
            Span::raw(shown),
            Span::styled("█", theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(line), inner);
    }
}

impl Prompt {
    /// Enter: saves or exports, asking first before replacing a profile.
    fn accept(&mut self, ctx: &mut Ctx) -> Next {
        match &mut self.purpose {
            Purpose::SaveProfile => match check_name(&self.input) {
                Err(message) => {
                    ctx.set_status(Status::error(message.to_string()));
                    Next::Stay
                }
                Ok(name) if ctx.weights.profile(&name).is_some() => {
                    Next::Open(Request::Confirm(Confirmation::OverwriteProfile(name)))
                }
                Ok(name) => {
                    ctx.save_profile(&name, false);
                    Next::Close
                }
            },
            Purpose::Export { .. } if self.input.trim().is_empty() => {
                ctx.set_status(Status::error("no file name given"));
                Next::Close
            }
            Purpose::Export { document, text } => {
                let export =
                    Export { path: self.input.trim().to_owned(), document: *document, text: std::mem::take(text) };
                ctx.emit(Effect::Export { export, overwrite: false });
                Next::Close
            }
            Purpose::Require { dimension } => {
                let input = self.input.trim();
                let min = if input.is_empty() { Ok(0) } else { parse_min(input) };
                let Ok(min) = min else {
                    ctx.set_status(Status::error(format!(
                        "a must-have is a whole number from 0 to {SCALE_MAX} (empty or 0 clears it)"
                    )));
                    return Next::Stay;
                };
                ctx.weights.require(ctx.dataset, *dimension, min);
                let name = &ctx.dataset.dimensions[*dimension].name;
                let message = if min == 0 {
                    format!("{name}: no must-have; u undoes")
                } else {
                    format!("{name}: must be rated at least {min}; u undoes")
                };
                ctx.set_status(Status::info(message));
                Next::Close
            }
        }
    }
}
