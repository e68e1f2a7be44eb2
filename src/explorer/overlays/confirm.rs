//! A yes/no question before something that cannot be taken back: quitting with unsaved weights,
//! replacing or deleting a profile, replacing a file.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Confirmation, Ctx, Next, Room, Seen, popup};
use crate::engine::text::fit;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::centred;
use crate::explorer::state::{Effect, Status};
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: Confirmation,
}

impl Room for Confirm {
    fn context(&self) -> Context {
        Context::Confirm
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        match action {
            Action::Yes => {
                match &mut self.question {
                    Confirmation::QuitUnsaved => ctx.emit(Effect::Quit),
                    Confirmation::OverwriteProfile(name) => ctx.save_profile(name, true),
                    Confirmation::DeleteProfile(name) => {
                        if let Some(profile) = ctx.weights.profile(name) {
                            let stored_name = profile.stored_name.clone();
                            ctx.emit(Effect::DeleteProfile { dataset: ctx.dataset.meta.title.clone(), stored_name });
                        }
                    }
                    Confirmation::OverwriteFile(export) => {
                        ctx.emit(Effect::Export { export: export.clone(), overwrite: true });
                    }
                }
                Next::Close
            }
            Action::No => {
                ctx.set_status(Status::info("nothing changed"));
                Next::Close
            }
            _ => Next::Stay,
        }
    }

    fn draw(&self, frame: &mut Frame, _seen: &Seen, theme: Theme) {
        let area = frame.area();
        let text = match &self.question {
            Confirmation::QuitUnsaved => {
                "Quit? These weights are in no saved profile (n, then s, saves them).".to_owned()
            }
            Confirmation::OverwriteProfile(name) => format!("A profile named `{name}` exists. Replace it?"),
            Confirmation::DeleteProfile(name) => format!("Delete the saved profile `{name}`?"),
            Confirmation::OverwriteFile(export) => format!("{} exists. Replace it?", export.path),
        };
        let rect = centred(area, 70, 4);
        let inner = popup(frame, rect, "Confirm", theme);
        let lines = vec![
            Line::styled(fit(&text, usize::from(inner.width)), theme.bold()),
            Line::styled("y yes · n no", theme.dim()),
        ];
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
