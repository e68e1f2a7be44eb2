//! The detail panes and the sources under them: which region has the focus, how far each option's pane
//! is scrolled, and which source is selected.

/// Which region the scrolling keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(usize),
    /// The selected dimension's sources: j/k select one, `o` opens it, `y` copies its URL.
    Sources,
}

pub(crate) struct Panes {
    focus: Focus,
    /// Each pane's scroll offset, in lines.
    scroll: Vec<u16>,
    /// The selected source of the selected dimension.
    source: usize,
}

impl Panes {
    pub(crate) fn new(options: usize) -> Self {
        Self { focus: Focus::List, scroll: vec![0; options], source: 0 }
    }

    pub(crate) fn source(&self) -> usize {
        self.source
    }

    /// Selects source `source` (the caller keeps it within the dimension's sources).
    pub(crate) fn set_source(&mut self, source: usize) {
        self.source = source;
    }

    pub(crate) fn focus(&self) -> Focus {
        self.focus
    }

    pub(crate) fn scroll(&self, pane: usize) -> u16 {
        self.scroll[pane]
    }

    pub(crate) fn count(&self) -> usize {
        self.scroll.len()
    }

    pub(crate) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
    }

    /// Moves the focus `step` stops along: the list, then each pane, then the sources if there are
    /// any, round again.
    pub(crate) fn cycle_focus(&mut self, step: isize, with_sources: bool) {
        let panes = self.scroll.len();
        let stop_count = panes + 1 + usize::from(with_sources);
        let index = match self.focus {
            Focus::List => 0,
            Focus::Pane(pane) => pane + 1,
            Focus::Sources => panes + 1,
        };
        self.focus = match (index as isize + step).rem_euclid(stop_count as isize) as usize {
            0 => Focus::List,
            next if next <= panes => Focus::Pane(next - 1),
            _ => Focus::Sources,
        };
    }

    /// Scrolls `pane` by `delta` lines, within 0 to `max`.
    pub(crate) fn scroll_by(&mut self, pane: usize, delta: isize, max: u16) {
        let scroll = &mut self.scroll[pane];
        *scroll = (*scroll as isize).saturating_add(delta).clamp(0, max as isize) as u16;
    }

    /// Keeps `pane` within `max` (after a resize re-wrapped it).
    pub(crate) fn clamp(&mut self, pane: usize, max: u16) {
        self.scroll[pane] = self.scroll[pane].min(max);
    }

    /// Back to the top of every pane and the first source, as for a newly selected dimension (whose
    /// sources may be none: the focus then returns to the list).
    pub(crate) fn scroll_to_top(&mut self, has_sources: bool) {
        self.scroll.iter_mut().for_each(|s| *s = 0);
        self.source = 0;
        if self.focus == Focus::Sources && !has_sources {
            self.focus = Focus::List;
        }
    }
}
