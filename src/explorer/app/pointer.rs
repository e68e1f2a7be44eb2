//! The mouse: a click selects a row, a click or drag on a slider sets its weight, the wheel scrolls the
//! region under the pointer; in the interview a click picks an answer, in pairwise weighting a click on
//! the scale sets the judgement. Hit-testing uses the same layout and lines the drawing does.

use super::{App, Focus, Overlay};
use crate::engine::data::SCALE_MAX;
use crate::explorer::keymap::Action;
use crate::explorer::layout::{self, Regions, Screen};
use crate::explorer::theme::Theme;
use crate::explorer::view;

/// A mouse event at a screen cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointer {
    pub kind: PointerKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerKind {
    /// The (left) button went down.
    Press,
    /// The pointer moved with the button down.
    Drag,
    Release,
    ScrollDown,
    ScrollUp,
}

impl App {
    /// Handles `pointer` against the current layout; whether anything changed.
    pub(super) fn point(&mut self, pointer: Pointer) -> bool {
        match self.overlay {
            Overlay::None | Overlay::Search => {}
            Overlay::Interview { .. } | Overlay::Pairwise { .. } => return self.point_weighting(pointer),
            Overlay::Presets { .. } | Overlay::Claims { .. } | Overlay::Team { .. } => return self.point_list(pointer),
            _ => return false,
        }
        let Screen::Main(regions) = self.screen() else { return false };
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
        self.keep_in_view();
        before != snapshot(self)
    }

    /// In the picker and the claims audit, a click selects the row under it and the wheel moves the
    /// selection, as j and k do; in the team, a click on a member also counts them in or leaves them out
    /// (as Enter does).
    fn point_list(&mut self, pointer: Pointer) -> bool {
        let area = self.area();
        let before = (self.overlay.clone(), self.weights().to_vec());
        let wheel = match pointer.kind {
            PointerKind::ScrollDown => Some(Action::Down),
            PointerKind::ScrollUp => Some(Action::Up),
            _ => None,
        };
        let inside = |rect: ratatui::layout::Rect| {
            (pointer.kind == PointerKind::Press && rect.contains((pointer.column, pointer.row).into()))
                .then(|| usize::from(pointer.row - rect.y))
        };
        match self.overlay.clone() {
            Overlay::Presets { selected } => {
                if let Some(action) = wheel {
                    self.presets_action(selected, action);
                } else {
                    let entries = self.picker_entries().len();
                    let rows = layout::presets_list(area, entries);
                    let first = layout::scroll_for(selected, usize::from(rows.height));
                    if let Some(row) = inside(rows).filter(|row| first + row < entries) {
                        self.overlay = Overlay::Presets { selected: first + row };
                    }
                }
            }
            Overlay::Claims { selected, expanded, scroll } => {
                if let Some(action) = wheel {
                    self.claims_action(selected, expanded, scroll, action);
                } else {
                    let listed = self.listed_claims();
                    let rows = layout::claims_rows(area, expanded);
                    let at = listed.iter().position(|&c| c == selected).unwrap_or(0);
                    let first = layout::scroll_for(at, usize::from(rows.height));
                    if let Some(&claim) = inside(rows).and_then(|row| listed.get(first + row)) {
                        self.overlay = Overlay::Claims { selected: claim, expanded, scroll: 0 };
                    }
                }
            }
            Overlay::Team { selected } => {
                let members = self.team.as_ref().map_or(0, |team| team.members().len());
                let rows = layout::team_list(area, members);
                let first = layout::scroll_for(selected, usize::from(rows.height));
                if let Some(action) = wheel {
                    self.team_action(selected, action);
                } else if let Some(row) = inside(rows).filter(|row| first + row < members) {
                    self.team_action(first + row, Action::Confirm);
                    self.overlay = Overlay::Team { selected: first + row };
                }
            }
            _ => {}
        }
        (self.overlay.clone(), self.weights().to_vec()) != before
    }

    /// A press in the interview picks the answer under it (as Enter on it would); one on pairwise
    /// weighting's scale sets the judgement (Enter takes it).
    fn point_weighting(&mut self, pointer: Pointer) -> bool {
        let inside = layout::inner(layout::claims(self.area()));
        if pointer.kind != PointerKind::Press || !inside.contains((pointer.column, pointer.row).into()) {
            return false;
        }
        let (column, row) = (pointer.column - inside.x, pointer.row - inside.y);
        match self.overlay.clone() {
            Overlay::Interview { question, highlighted, chosen } => {
                let answer = chosen.get(question).copied().flatten();
                let lines = view::interview_lines(
                    &self.dataset,
                    question,
                    highlighted,
                    answer,
                    usize::from(inside.width),
                    Theme::new(false),
                );
                let Some(&(_, Some(picked))) = lines.get(usize::from(row)) else { return false };
                self.interview_action(question, picked, chosen, Action::Confirm);
                true
            }
            Overlay::Pairwise { pair, mut judged } if pair < judged.len() && row == view::PAIRWISE_SCALE_ROW => {
                let Some(judgement) = view::pairwise_mark_at(column) else { return false };
                judged[pair] = Some(judgement);
                self.overlay = Overlay::Pairwise { pair, judged };
                true
            }
            _ => false,
        }
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
