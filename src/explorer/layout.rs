//! Where everything goes on screen, as a pure function of the terminal size and the dataset's shape.
//! The renderer draws into these regions and the mouse handler hit-tests against the same ones, so the
//! two can never disagree.
//!
//! ```text
//! ┌──────────────────────────── title (1 row) ─────────────────────────────┐
//! │ list (dimensions + sliders) │ header: dimension name, summary (2 rows) │
//! │                             │ pane per option, side by side            │
//! │                             │ sources                                   │
//! ├──────────────── recommendation: gauge, verdict, why, flip ─────────────┤
//! └──────────────────────────── footer (1 row) ────────────────────────────┘
//! ```
//!
//! Each overlay places its own pop-up (see [`crate::explorer::overlays`]) with [`centred`], so that its
//! scrolling bounds, its pointer and its drawing use the same rectangles.

use ratatui::layout::{Margin, Rect};

/// The height from which the recommendation panel has a row for the first screen's hint as well.
const TALL: u16 = 40;
/// Below this size the explorer shows "terminal too small" instead of a garbled screen.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 16;
/// The list takes this share of the width, within the bounds below.
const LIST_SHARE: f32 = 0.42;
const LIST_MIN: u16 = 34;
const LIST_MAX: u16 = 60;
/// The selected dimension's header (name, weight, category, question) takes at most this many rows.
pub(crate) const MAX_HEADER_ROWS: u16 = 4;
/// A list this wide (inside its border) gets a 10-cell slider, one cell per weight step; narrower, 5.
const WIDE_SLIDER_LIST: u16 = 44;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regions {
    pub title: Rect,
    /// The list block, border included.
    pub list: Rect,
    pub header: Rect,
    /// One block per option, borders included.
    pub panes: Vec<Rect>,
    pub sources: Rect,
    /// The recommendation block, its top border included.
    pub recommendation: Rect,
    pub footer: Rect,
}

/// The screen: too small, or laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    TooSmall,
    Main(Regions),
}

impl Screen {
    /// Lays out a `width` x `height` terminal for a dataset of `options` options whose selected dimension
    /// has `sources` sources (`sources_focused` gives them room to show whole) and a header of
    /// `header_rows(width)` rows at the header's width (2 to [`MAX_HEADER_ROWS`]).
    #[must_use]
    pub(crate) fn compute(
        width: u16,
        height: u16,
        options: usize,
        sources: usize,
        sources_focused: bool,
        header_rows: impl Fn(u16) -> usize,
    ) -> Self {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self::TooSmall;
        }
        let options = options.max(1) as u16;
        // A bar each.
        let gauges = options;
        // The gauges, then the verdict, how sure it is, why and the flip, under a top border; on a tall
        // screen a row more, so that the first screen's hint does not take why's place.
        let hint_row = u16::from(height >= TALL);
        let recommendation_height = (gauges + 5 + hint_row).min(height / 3);
        let main_height = height - 2 - recommendation_height;
        let list_width = ((f32::from(width) * LIST_SHARE) as u16).clamp(LIST_MIN, LIST_MAX);
        let right_x = list_width;
        let right_width = width - list_width;
        let header_height = u16::try_from(header_rows(right_width.saturating_sub(2)))
            .unwrap_or(MAX_HEADER_ROWS)
            .clamp(2, MAX_HEADER_ROWS);
        let source_cap = (main_height.saturating_sub(10) / 3).clamp(1, 6);
        // Focused, the sources take the panes' place, so that every source shows whole.
        let sources_height = if sources_focused && sources > 0 {
            main_height.saturating_sub(header_height).max(source_cap)
        } else {
            (sources as u16).min(source_cap)
        };
        let panes_y = 1 + header_height;
        let panes_height = main_height.saturating_sub(header_height + sources_height);
        let pane_width = right_width / options;
        let panes = (0..options)
            .map(|i| {
                // The last pane takes the remainder so the panes always fill the width.
                let w = if i == options - 1 { right_width - pane_width * (options - 1) } else { pane_width };
                Rect::new(right_x + i * pane_width, panes_y, w, panes_height)
            })
            .collect();
        Self::Main(Regions {
            title: Rect::new(0, 0, width, 1),
            list: Rect::new(0, 1, list_width, main_height),
            header: Rect::new(right_x + 1, 1, right_width.saturating_sub(2), header_height),
            panes,
            sources: Rect::new(right_x + 1, panes_y + panes_height, right_width.saturating_sub(2), sources_height),
            recommendation: Rect::new(0, 1 + main_height, width, recommendation_height),
            footer: Rect::new(0, height - 1, width, 1),
        })
    }
}

impl Regions {
    /// The list's rows, inside its border.
    #[must_use]
    pub fn list_inner(&self) -> Rect {
        inner(self.list)
    }

    /// Cells in each row's slider: 10 (one per step) on a wide list, else 5 (two steps each).
    #[must_use]
    pub(crate) fn slider_cells(&self) -> u16 {
        if self.list_inner().width >= WIDE_SLIDER_LIST { 10 } else { 5 }
    }

    /// The column where each row's slider starts. A row reads: marker (2), name, space, slider, space,
    /// weight (2), space, favour mark (1), and a blank column that keeps the mark off the scroll thumb
    /// on the border.
    #[must_use]
    pub fn slider_x(&self) -> u16 {
        let inner = self.list_inner();
        inner.right().saturating_sub(self.slider_cells() + 6)
    }

    /// Which pane contains the point, if any.
    #[must_use]
    pub(crate) fn pane_at(&self, x: u16, y: u16) -> Option<usize> {
        self.panes.iter().position(|r| r.contains((x, y).into()))
    }
}

/// A block's inside when it has a border on every side.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    r.inner(Margin::new(1, 1))
}

/// A `width` x `height` pop-up centred on the screen `area`, shrunk to fit; an odd remainder goes below.
/// (`Rect::centered` asks the layout solver, which puts it above: the pop-ups would move a row.)
#[must_use]
pub(crate) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// The first row to show of a list of `height` rows so that row `selected` is in view.
#[must_use]
pub(crate) fn scroll_for(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_below_the_minimum() {
        assert_eq!(Screen::compute(0, 0, 2, 1, false, |_| 2), Screen::TooSmall);
        assert_eq!(Screen::compute(MIN_WIDTH - 1, 40, 2, 1, false, |_| 2), Screen::TooSmall);
        assert!(matches!(Screen::compute(MIN_WIDTH, MIN_HEIGHT, 2, 1, false, |_| 2), Screen::Main(_)));
    }

    #[test]
    fn regions_tile_the_screen() {
        for (w, h, options) in [(80, 24, 2), (160, 48, 2), (60, 16, 3), (300, 100, 8), (61, 17, 5)] {
            let Screen::Main(r) = Screen::compute(w, h, options, 4, w % 2 == 0, |_| usize::from(w % 5)) else {
                panic!("{w}x{h}")
            };
            let area = Rect::new(0, 0, w, h);
            for rect in [r.title, r.list, r.header, r.sources, r.recommendation, r.footer].iter().chain(&r.panes) {
                assert!(area.contains(rect.as_position()) || rect.is_empty(), "{w}x{h}: {rect:?}");
                assert!(rect.right() <= w && rect.bottom() <= h, "{w}x{h}: {rect:?}");
            }
            let panes_width: u16 = r.panes.iter().map(|p| p.width).sum();
            assert_eq!(r.list.width + panes_width, w);
            assert_eq!(r.title.height + r.list.height + r.recommendation.height + r.footer.height, h);
        }
    }
}
