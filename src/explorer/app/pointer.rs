//! The main view's mouse: a click selects a row, a click or drag on a slider sets its weight, the wheel
//! scrolls the region under the pointer, a click on the sources selects one. An open overlay handles the
//! pointer itself. Hit-testing uses the same layout and lines the drawing does.

use super::{App, Focus};
use crate::engine::data::SCALE_MAX;
use crate::explorer::layout::{Regions, Screen};
use crate::explorer::state::{Pointer, PointerKind};
use crate::explorer::theme::Theme;
use crate::explorer::view;

impl App {
    /// Handles `pointer` against the current layout; whether anything changed.
    pub(super) fn point(&mut self, pointer: Pointer) -> bool {
        let mut overlay = std::mem::take(&mut self.overlay);
        let handled = overlay.point(pointer, &mut self.ctx());
        self.overlay = overlay;
        if let Some(changed) = handled {
            return changed;
        }
        let Screen::Main(regions) = self.screen.clone() else { return false };
        let Pointer { kind, column: x, row: y } = pointer;
        let snapshot = |app: &Self| {
            let scrolls: Vec<u16> = (0..app.panes.count()).map(|pane| app.panes.scroll(pane)).collect();
            (app.selected(), app.weights().to_vec(), app.list_offset(), scrolls, app.focus(), app.selected_source())
        };
        let before = snapshot(self);
        match kind {
            PointerKind::Press => {
                self.dragging = None;
                if let Some(dimension) = self.dimension_at(&regions, x, y) {
                    self.select(dimension);
                    self.panes.set_focus(Focus::List);
                    if self.slider_to(&regions, dimension, x, false) {
                        self.dragging = Some(dimension);
                    }
                } else if let Some(pane) = regions.pane_at(x, y) {
                    self.panes.set_focus(Focus::Pane(pane));
                } else if regions.sources.contains((x, y).into()) && !self.sources().is_empty() {
                    self.click_source(&regions, y);
                }
            }
            PointerKind::Drag => {
                // Only a drag that started on a slider moves it, wherever the pointer's row is now.
                if let Some(dimension) = self.dragging {
                    self.slider_to(&regions, dimension, x, true);
                }
            }
            PointerKind::Release => self.dragging = None,
            PointerKind::ScrollDown | PointerKind::ScrollUp => {
                let step = if kind == PointerKind::ScrollDown { 1 } else { -1 };
                if regions.list.contains((x, y).into()) {
                    self.move_selection(step);
                } else if let Some(pane) = regions.pane_at(x, y) {
                    self.scroll_pane(pane, 3 * step);
                }
            }
        }
        self.list.keep_in_view(usize::from(regions.list_inner().height.max(1)));
        before != snapshot(self)
    }

    /// A click on the sources: focuses them, and once focused selects the source on row `y`.
    fn click_source(&mut self, regions: &Regions, y: u16) {
        if self.focus() != Focus::Sources {
            self.panes.set_focus(Focus::Sources);
            return;
        }
        let area = regions.sources;
        let (width, rows) = (area.width, usize::from(area.height));
        let lines = view::focused_sources(
            &self.dataset,
            self.selected(),
            self.selected_source(),
            width,
            rows,
            &self.today,
            Theme::new(false),
        );
        if let Some(&(_, Some(source))) = lines.get(usize::from(y - area.y)) {
            self.panes.set_source(source.min(self.sources().len().saturating_sub(1)));
        }
    }

    /// The dimension of the list's row under the cell (`x`, `y`), if the cell is one of the list's.
    fn dimension_at(&self, regions: &Regions, x: u16, y: u16) -> Option<usize> {
        let inside = regions.list_inner();
        if !inside.contains((x, y).into()) {
            return None;
        }
        self.list.dimension_on_row(usize::from(y - inside.y))
    }

    /// Sets `dimension`'s weight from a pointer at column `x` on its slider; whether `x` was on it.
    /// A cell sets the weight it ends at; a click on the cell where the weight already ends takes it one
    /// step back, so that every weight, 0 and odd ones on a 5-cell slider too, is a click or two away.
    /// Outside the slider, a click does nothing and a drag pins the weight to the nearer end.
    fn slider_to(&mut self, regions: &Regions, dimension: usize, x: u16, dragging: bool) -> bool {
        let (start, cells) = (regions.slider_x(), regions.slider_cells());
        let step = SCALE_MAX / cells as u8;
        let on_slider = x >= start && x < start + cells;
        let weight = if on_slider {
            let at = (x - start + 1) as u8 * step;
            if !dragging && self.weights()[dimension] == at { at - 1 } else { at }
        } else if !dragging {
            return false;
        } else if x < start {
            0
        } else {
            SCALE_MAX
        };
        self.weights.set(&self.dataset, dimension, weight);
        on_slider
    }
}
