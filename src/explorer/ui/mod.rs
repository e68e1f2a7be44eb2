//! Drawing: one file per screen region. Everything here reads the [`App`] and writes the frame; nothing
//! changes state.

mod chrome;
pub mod detail;
mod interview;
pub mod list;
pub(crate) mod overlays;
mod pairwise;
mod recommendation;
mod sensitivity;
mod team;

use ratatui::Frame;

use crate::explorer::app::{App, Overlay};
use crate::explorer::layout::Screen;
pub use crate::explorer::theme::Theme;

/// Draws the whole screen for `app`.
pub fn render(frame: &mut Frame, app: &App, theme: Theme) {
    let area = frame.area();
    let Screen::Main(regions) = app.screen() else {
        chrome::too_small(frame, area, theme);
        return;
    };
    chrome::title(frame, app, regions.title, theme);
    list::render(frame, app, &regions, theme);
    detail::render(frame, app, &regions, theme);
    recommendation::render(frame, app, regions.recommendation, theme);
    chrome::footer(frame, app, regions.footer, theme);
    match *app.overlay() {
        Overlay::None | Overlay::Search => {}
        Overlay::Presets { selected } => overlays::presets(frame, app, selected, theme),
        Overlay::Claims { selected, expanded, scroll } => {
            overlays::claims(frame, app, selected, expanded, scroll, theme);
        }
        Overlay::Help { scroll } => overlays::help(frame, app, scroll, theme),
        Overlay::Sensitivity { selected } => sensitivity::render(frame, app, selected, theme),
        Overlay::Team { selected } => team::render(frame, app, selected, theme),
        Overlay::Pairwise { pair, ref judged } => pairwise::render(frame, app, pair, judged, theme),
        Overlay::Interview { question, highlighted, ref chosen } => {
            interview::render(frame, app, question, highlighted, chosen, theme);
        }
        Overlay::Prompt { purpose, ref input } => overlays::prompt(frame, purpose, input, theme),
        Overlay::Confirm { ref question } => overlays::confirm(frame, question, theme),
    }
}
