//! Drawing the main view: one file per screen region, then the overlay open, which draws itself. Everything
//! here reads the [`App`] and writes the frame; nothing changes state.

mod chrome;
pub mod detail;
pub mod list;
mod recommendation;

use ratatui::Frame;

use crate::explorer::app::App;
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
    app.overlay().draw(frame, &app.seen(), theme);
}
