//! The search prompt (`/`): typing filters the dimension list live, best matches first; Enter keeps the
//! filter, Esc drops it. It draws nothing of its own: the list shows the matches and the footer the
//! query, and the pointer still works on the main view under it.

use ratatui::Frame;

use super::{Ctx, Next, Room, Seen};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::state::Status;
use crate::explorer::state::list::MAX_QUERY_CHARS;
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search;

impl Room for Search {
    fn context(&self) -> Context {
        Context::Search
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        match action {
            Action::Type(_) if ctx.list.is_full() => {
                ctx.set_status(Status::error(format!("a search is at most {MAX_QUERY_CHARS} characters")));
            }
            Action::Type(c) => {
                let changed = ctx.list.push(c);
                ctx.dimension_changed(changed);
            }
            Action::DeleteChar => {
                let changed = ctx.list.pop();
                ctx.dimension_changed(changed);
            }
            Action::ClearInput => ctx.set_query(String::new()),
            Action::Down => ctx.move_selection(1),
            Action::Up => ctx.move_selection(-1),
            Action::Confirm => return Next::Close,
            Action::Back => {
                ctx.set_query(String::new());
                return Next::Close;
            }
            _ => {}
        }
        Next::Stay
    }

    /// Pasted text goes on the end of the query, as far as it has room.
    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> bool {
        let room = MAX_QUERY_CHARS.saturating_sub(ctx.list.query().chars().count());
        let query: String = ctx.list.query().chars().chain(text.chars().take(room)).collect();
        ctx.set_query(query);
        true
    }

    fn covers(&self) -> bool {
        false
    }

    fn draw(&self, _frame: &mut Frame, _seen: &Seen, _theme: Theme) {}
}
