//! A one-line text prompt: a name to save the weights under, or a file to write a document to.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Confirmation, Ctx, Next, Purpose, Request, Room, Seen, popup};
use crate::engine::profiles::check_name;
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
}

impl Room for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        match action {
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

    fn draw(&self, frame: &mut Frame, _seen: &Seen, theme: Theme) {
        let input = &self.input;
        let area = frame.area();
        let (title, hint) = match &self.purpose {
            Purpose::SaveProfile => ("Save the weights as a profile", "name:"),
            Purpose::Export { document: Document::Report, .. } => ("Export the report as markdown", "file:"),
        };
        let rect = centred(area, 70, 3);
        let inner = popup(frame, rect, title, theme);
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
        }
    }
}
