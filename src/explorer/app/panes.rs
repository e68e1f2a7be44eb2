//! The detail panes: which region has the focus, and how far each option's pane is scrolled.

/// Which region the scrolling keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(usize),
}

pub(super) struct Panes {
    focus: Focus,
    /// Each pane's scroll offset, in lines.
    scroll: Vec<u16>,
}

impl Panes {
    pub(super) fn new(options: usize) -> Self {
        Self { focus: Focus::List, scroll: vec![0; options] }
    }

    pub(super) fn focus(&self) -> Focus {
        self.focus
    }

    pub(super) fn scroll(&self, pane: usize) -> u16 {
        self.scroll[pane]
    }

    pub(super) fn count(&self) -> usize {
        self.scroll.len()
    }

    pub(super) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }

    /// Moves the focus `step` stops along: the list, then each pane, round again.
    pub(super) fn cycle_focus(&mut self, step: isize) {
        let stop_count = self.scroll.len() + 1;
        let index = match self.focus {
            Focus::List => 0,
            Focus::Pane(pane) => pane + 1,
        };
        self.focus = match (index as isize + step).rem_euclid(stop_count as isize) as usize {
            0 => Focus::List,
            next => Focus::Pane(next - 1),
        };
    }

    /// Scrolls `pane` by `delta` lines, within 0 to `max`.
    pub(super) fn scroll_by(&mut self, pane: usize, delta: isize, max: u16) {
        let scroll = &mut self.scroll[pane];
        *scroll = (*scroll as isize).saturating_add(delta).clamp(0, max as isize) as u16;
    }

    /// Keeps `pane` within `max` (after a resize re-wrapped it).
    pub(super) fn clamp(&mut self, pane: usize, max: u16) {
        self.scroll[pane] = self.scroll[pane].min(max);
    }

    /// Back to the top of every pane, as for a newly selected dimension.
    pub(super) fn scroll_to_top(&mut self) {
        self.scroll.iter_mut().for_each(|s| *s = 0);
    }
}
