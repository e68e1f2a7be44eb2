//! The explorer's state and its one way to change: [`App::update`] with an [`Action`]. Pure: no terminal,
//! no I/O, so every behaviour runs in a unit test.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use crate::data::{Dataset, SCALE_MAX};
use crate::keymap::{Action, Context, Keymap};
use crate::layout::{Regions, Screen, inner};
use crate::profiles::{Profile, check_name};
use crate::score::{Evaluation, evaluate};
use crate::search::{Hit, Searcher};
use crate::ui::detail::pane_lines;
use crate::weights::{Base, Weighting};

/// What sits on top of the main view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The search prompt is open: typing filters the list live.
    Search,
    /// The preset picker; entry 0 is the default weights, entry `i` is preset `i - 1`.
    Presets {
        selected: usize,
    },
    /// The claims audit; `scroll` is the expanded claim's scroll offset.
    Claims {
        selected: usize,
        expanded: bool,
        scroll: u16,
    },
    Help {
        scroll: u16,
    },
    /// A one-line text prompt.
    Prompt {
        purpose: Purpose,
        input: String,
    },
    /// A yes/no question.
    Confirm {
        question: Question,
    },
}

/// What a text prompt's answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A name to save the weights under.
    SaveProfile,
    /// A file to write the markdown report to.
    Export,
}

/// What a yes/no question decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    OverwriteProfile(String),
    DeleteProfile(String),
    OverwriteFile(String),
}

/// Work the explorer asks of its shell (files, clipboard), which the pure core cannot do itself. The
/// shell performs each and reports back through [`App::report`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Store the weights as profile `name`; replace one of that name only if `replace`.
    SaveProfile { name: String, weights: Vec<u8>, replace: bool },
    /// Delete the profile stored as `stored_name`.
    DeleteProfile { stored_name: String },
    /// Write the markdown report to `path`; refuse to replace an existing file unless `overwrite`.
    Export { path: String, overwrite: bool },
    /// Put `text` on the clipboard (OSC 52).
    Copy { text: String },
}

/// What the shell says about an effect it performed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(String),
    /// The export target exists: ask before replacing it.
    FileExists(String),
    /// The profile is stored: list it and start from it.
    ProfileSaved {
        name: String,
        weights: Vec<u8>,
        message: String,
    },
    /// A profile of that name exists in the file: ask before replacing it.
    ProfileExists(String),
    ProfileDeleted {
        stored_name: String,
        message: String,
    },
}

/// A message on the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Which pane the scrolling keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(usize),
}

/// One row of the dimension list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A category heading (unfiltered list only); the index of its first dimension.
    Category(usize),
    Dimension(usize),
}

pub struct App {
    pub dataset: Dataset,
    searcher: Searcher,
    pub weighting: Weighting,
    /// Scores, recommendation, why and flips for the current weights; recomputed on every weight change.
    pub evaluation: Evaluation,
    /// Weights put aside by muting, to restore on unmute.
    muted: Vec<Option<u8>>,
    /// The search query; the list shows only its matches while it is not empty.
    pub query: String,
    /// The matches of `query`, best first (every dimension, in order, when it is empty).
    pub hits: Vec<Hit>,
    /// The list's rows: grouped by category when unfiltered, else the matches.
    rows: Vec<Row>,
    /// The unfiltered rows, computed once: categories in order of first appearance, each with a heading.
    grouped: Vec<Row>,
    /// The selected dimension (an index into the dataset, not a row).
    pub selected: usize,
    /// The first list row on screen.
    pub list_offset: usize,
    pub focus: Focus,
    /// Each detail pane's scroll offset, in lines.
    pub pane_scroll: Vec<u16>,
    pub overlay: Overlay,
    /// The terminal size, which decides the layout.
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    /// Set by Ctrl-Z; the terminal shell suspends the process and clears it.
    pub suspend: bool,
    /// Whether the user can use the mouse (shown in help).
    pub mouse: bool,
    /// The dimension whose slider the mouse pressed, while the button is down.
    dragging: Option<usize>,
    /// The key bindings in force: the defaults with the user's config applied.
    pub keymap: Keymap,
    /// The dataset file, when not the built-in one (for the command line `y` copies).
    pub data_path: Option<String>,
    /// The user's saved profiles for this dataset, listed after the presets in the picker.
    pub profiles: Vec<Profile>,
    pub status: Option<Status>,
    /// Effects asked for by the last update, for the shell to perform.
    pub effects: Vec<Effect>,
}

impl App {
    #[must_use]
    pub fn new(dataset: Dataset, weighting: Weighting, width: u16, height: u16) -> Self {
        let searcher = Searcher::new(&dataset);
        let evaluation = evaluate(&dataset, &weighting.weights);
        let hits = searcher.search("");
        let dimensions = dataset.dimensions.len();
        let options = dataset.options.len();
        let grouped = grouped_rows(&dataset);
        let selected =
            grouped.iter().find_map(|r| if let Row::Dimension(d) = r { Some(*d) } else { None }).unwrap_or(0);
        Self {
            dataset,
            searcher,
            weighting,
            evaluation,
            muted: vec![None; dimensions],
            query: String::new(),
            hits,
            rows: grouped.clone(),
            grouped,
            selected,
            list_offset: 0,
            focus: Focus::List,
            pane_scroll: vec![0; options],
            overlay: Overlay::None,
            width,
            height,
            quit: false,
            suspend: false,
            mouse: true,
            dragging: None,
            keymap: Keymap::default(),
            data_path: None,
            profiles: Vec::new(),
            status: None,
            effects: Vec::new(),
        }
    }

    /// The keymap context the current state reads keys in.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::None => Context::Main,
            Overlay::Search => Context::Search,
            Overlay::Presets { .. } => Context::Presets,
            Overlay::Claims { .. } => Context::Claims,
            Overlay::Help { .. } => Context::Help,
            Overlay::Prompt { .. } => Context::Prompt,
            Overlay::Confirm { .. } => Context::Confirm,
        }
    }

    /// Shows `text` on the status line (until the next key).
    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status { text: crate::data::sanitize::line(&text.into()), error });
    }

    /// Takes the shell's word on an effect: a message for the status line, or a question to ask.
    pub fn report(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Done(message) => self.set_status(message, false),
            Outcome::Failed(message) => self.set_status(message, true),
            Outcome::FileExists(path) => self.overlay = Overlay::Confirm { question: Question::OverwriteFile(path) },
            Outcome::ProfileExists(name) => {
                self.overlay = Overlay::Confirm { question: Question::OverwriteProfile(name) };
            }
            // The in-memory list changes only once the file has: a failed save must not look saved.
            Outcome::ProfileSaved { name, weights, message } => {
                let profile = Profile {
                    name: name.clone(),
                    stored_name: name.clone(),
                    weights: weights.clone(),
                    unknown: Vec::new(),
                };
                match self.profiles.iter_mut().find(|p| p.stored_name == name) {
                    Some(existing) => *existing = profile,
                    None => self.profiles.push(profile),
                }
                if self.weighting.weights == weights {
                    self.weighting.base = Base::Profile { name, weights };
                }
                self.set_status(message, false);
            }
            Outcome::ProfileDeleted { stored_name, message } => {
                if let Some(gone) = self.profiles.iter().position(|p| p.stored_name == stored_name) {
                    let gone = self.profiles.remove(gone);
                    if self.weighting.base.profile_name() == Some(gone.name.as_str()) {
                        // The weights stay; they just no longer come from a profile.
                        self.weighting.base = Base::Defaults;
                    }
                }
                self.set_status(message, false);
            }
        }
    }

    #[must_use]
    pub fn screen(&self) -> Screen {
        let sources = self.dataset.dimensions.get(self.selected).map_or(0, |d| d.sources.len());
        Screen::compute(self.width, self.height, self.dataset.options.len(), sources)
    }

    /// Looks `key` up in the keymap and acts on it. Returns whether anything was bound to it (so the shell
    /// knows whether to redraw). Only presses count: some terminals also report repeats and releases.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        self.status = None;
        match self.keymap.action(self.context(), key) {
            Some(action) => {
                self.update(action);
                true
            }
            None => false,
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        self.keep_in_view();
        // Scrolling clamps itself and a new selection starts at the top, so only a new size can leave a
        // pane scrolled past its end: re-wrap the panes here, not on every key.
        for pane in 0..self.pane_scroll.len() {
            self.pane_scroll[pane] = self.pane_scroll[pane].min(self.max_pane_scroll(pane));
        }
    }

    pub fn update(&mut self, action: Action) {
        match (&self.overlay, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Suspend) => self.suspend = true,
            (Overlay::None, action) => self.main_action(action),
            (Overlay::Search, action) => self.search_action(action),
            (Overlay::Presets { selected }, action) => self.presets_action(*selected, action),
            (Overlay::Claims { selected, expanded, scroll }, action) => {
                self.claims_action(*selected, *expanded, *scroll, action);
            }
            (Overlay::Prompt { purpose, input }, action) => self.prompt_action(*purpose, input.clone(), action),
            (Overlay::Confirm { question }, action) => self.confirm_action(question.clone(), action),
            (Overlay::Help { scroll }, action) => {
                self.overlay = match action {
                    Action::Down => Overlay::Help { scroll: scroll.saturating_add(1).min(self.max_help_scroll()) },
                    Action::Up => Overlay::Help { scroll: scroll.saturating_sub(1) },
                    Action::Back => Overlay::None,
                    _ => Overlay::Help { scroll: *scroll },
                };
            }
        }
        self.keep_in_view();
    }

    fn main_action(&mut self, action: Action) {
        let page = self.page_height();
        match (self.focus, action) {
            (Focus::List, Action::Down) => self.move_selection(1),
            (Focus::List, Action::Up) => self.move_selection(-1),
            (Focus::List, Action::PageDown) => self.move_selection(page),
            (Focus::List, Action::PageUp) => self.move_selection(-page),
            (Focus::List, Action::Top) => self.move_selection(isize::MIN / 2),
            (Focus::List, Action::Bottom) => self.move_selection(isize::MAX / 2),
            (Focus::Pane(p), Action::Down) => self.scroll_pane(p, 1),
            (Focus::Pane(p), Action::Up) => self.scroll_pane(p, -1),
            (Focus::Pane(p), Action::PageDown) => self.scroll_pane(p, self.pane_height(p)),
            (Focus::Pane(p), Action::PageUp) => self.scroll_pane(p, -self.pane_height(p)),
            (Focus::Pane(p), Action::Top) => self.scroll_pane(p, isize::MIN / 2),
            (Focus::Pane(p), Action::Bottom) => self.scroll_pane(p, isize::MAX / 2),
            // With a filter that matches nothing, the selection is not on screen: leave it alone.
            (_, Action::WeightDown | Action::WeightUp | Action::SetWeight(_) | Action::ToggleMute)
                if self.rows.is_empty() =>
            {
                self.set_status("no dimension is listed: clear the filter with Esc", true);
            }
            (_, Action::WeightDown) => self.nudge_weight(-1),
            (_, Action::WeightUp) => self.nudge_weight(1),
            (_, Action::SetWeight(w)) => self.set_weight(self.selected, w),
            (_, Action::ToggleMute) => self.toggle_mute(),
            (_, Action::Reset) => self.apply_base(self.weighting.base.clone()),
            (_, Action::SaveProfile) => {
                let input = self.weighting.base.profile_name().unwrap_or_default().to_owned();
                self.overlay = Overlay::Prompt { purpose: Purpose::SaveProfile, input };
            }
            (_, Action::Export) => {
                let input = match self.weighting.base.preset_id(&self.dataset) {
                    Some(id) => format!("versus-{id}.md"),
                    None => "versus-report.md".to_owned(),
                };
                self.overlay = Overlay::Prompt { purpose: Purpose::Export, input };
            }
            (_, Action::Copy) => {
                let verdict = crate::report::verdict_sentence(&self.dataset, &self.evaluation.recommendation);
                let command = self.weighting.command_line(&self.dataset, self.data_path.as_deref());
                let text = format!("{verdict} Reproduce: {command}");
                self.effects.push(Effect::Copy { text });
            }
            (_, Action::FocusNext) => self.cycle_focus(1),
            (_, Action::FocusPrev) => self.cycle_focus(-1),
            (_, Action::OpenSearch) => self.overlay = Overlay::Search,
            (_, Action::OpenPresets) => {
                let selected = match &self.weighting.base {
                    Base::Defaults => 0,
                    Base::Preset(i) => i + 1,
                    Base::Profile { name, .. } => {
                        let profile = self.profiles.iter().position(|p| &p.name == name);
                        profile.map_or(0, |p| self.dataset.presets.len() + 1 + p)
                    }
                };
                self.overlay = Overlay::Presets { selected };
            }
            (_, Action::OpenClaims) if !self.dataset.claims.is_empty() => {
                self.overlay = Overlay::Claims { selected: 0, expanded: false, scroll: 0 };
            }
            (_, Action::OpenHelp) => self.overlay = Overlay::Help { scroll: 0 },
            (_, Action::Back) => self.set_query(String::new()),
            _ => {}
        }
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::Type(c) => {
                let mut query = self.query.clone();
                query.push(c);
                self.set_query(query);
            }
            Action::DeleteChar => {
                let mut query = self.query.clone();
                query.pop();
                self.set_query(query);
            }
            Action::ClearInput => self.set_query(String::new()),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::Confirm => self.overlay = Overlay::None,
            Action::Back => {
                self.set_query(String::new());
                self.overlay = Overlay::None;
            }
            _ => {}
        }
    }

    /// The picker's entries: the defaults, each preset, then each saved profile.
    #[must_use]
    pub fn picker_entries(&self) -> Vec<Base> {
        std::iter::once(Base::Defaults)
            .chain((0..self.dataset.presets.len()).map(Base::Preset))
            .chain(self.profiles.iter().map(|p| Base::Profile { name: p.name.clone(), weights: p.weights.clone() }))
            .collect()
    }

    fn presets_action(&mut self, selected: usize, action: Action) {
        let entries = self.picker_entries();
        match action {
            Action::Down => self.overlay = Overlay::Presets { selected: (selected + 1).min(entries.len() - 1) },
            Action::Up => self.overlay = Overlay::Presets { selected: selected.saturating_sub(1) },
            Action::Confirm => {
                if let Some(Base::Profile { name, .. }) = entries.get(selected)
                    && let Some(warning) = self.profiles.iter().find(|p| &p.name == name).and_then(Profile::warning)
                {
                    self.set_status(warning, true);
                }
                self.apply_base(entries[selected].clone());
                self.overlay = Overlay::None;
            }
            Action::DeleteProfile => match entries.get(selected) {
                Some(Base::Profile { name, .. }) => {
                    self.overlay = Overlay::Confirm { question: Question::DeleteProfile(name.clone()) };
                }
                _ => self.set_status("only saved profiles can be deleted; presets come with the dataset", true),
            },
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    fn prompt_action(&mut self, purpose: Purpose, mut input: String, action: Action) {
        match action {
            Action::Type(c) => input.push(c),
            Action::DeleteChar => {
                input.pop();
            }
            Action::ClearInput => input.clear(),
            Action::Back => {
                self.overlay = Overlay::None;
                return;
            }
            Action::Confirm => {
                self.overlay = Overlay::None;
                match purpose {
                    Purpose::SaveProfile => match check_name(&input) {
                        Err(message) => {
                            self.set_status(message, true);
                            self.overlay = Overlay::Prompt { purpose, input };
                        }
                        Ok(name) if self.profiles.iter().any(|p| p.name == name) => {
                            self.overlay = Overlay::Confirm { question: Question::OverwriteProfile(name) };
                        }
                        Ok(name) => self.save_profile(name, false),
                    },
                    Purpose::Export if input.trim().is_empty() => self.set_status("no file name given", true),
                    Purpose::Export => {
                        self.effects.push(Effect::Export { path: input.trim().to_owned(), overwrite: false });
                    }
                }
                return;
            }
            _ => {}
        }
        self.overlay = Overlay::Prompt { purpose, input };
    }

    fn confirm_action(&mut self, question: Question, action: Action) {
        match action {
            Action::Yes => {
                self.overlay = Overlay::None;
                match question {
                    Question::OverwriteProfile(name) => self.save_profile(name, true),
                    Question::DeleteProfile(name) => {
                        if let Some(profile) = self.profiles.iter().find(|p| p.name == name) {
                            self.effects.push(Effect::DeleteProfile { stored_name: profile.stored_name.clone() });
                        }
                    }
                    Question::OverwriteFile(path) => self.effects.push(Effect::Export { path, overwrite: true }),
                }
            }
            Action::No => {
                self.overlay = Overlay::None;
                self.set_status("nothing changed", false);
            }
            _ => {}
        }
    }

    /// Asks the shell to store the weights as profile `name`; the picker lists it once that succeeded.
    fn save_profile(&mut self, name: String, replace: bool) {
        let weights = self.weighting.weights.clone();
        self.effects.push(Effect::SaveProfile { name, weights, replace });
    }

    fn claims_action(&mut self, selected: usize, expanded: bool, scroll: u16, action: Action) {
        let last = self.dataset.claims.len().saturating_sub(1);
        let (_, detail) =
            crate::ui::overlays::claims_layout(ratatui::layout::Rect::new(0, 0, self.width, self.height), true);
        let page = detail.height.max(1);
        let max_scroll = || {
            let lines =
                crate::ui::overlays::claim_detail_lines(self, selected, detail.width, crate::ui::Theme::new(false));
            (lines.len() as u16).saturating_sub(detail.height)
        };
        match action {
            Action::Down => self.overlay = Overlay::Claims { selected: (selected + 1).min(last), expanded, scroll: 0 },
            Action::Up => self.overlay = Overlay::Claims { selected: selected.saturating_sub(1), expanded, scroll: 0 },
            Action::PageDown if expanded => {
                self.overlay = Overlay::Claims { selected, expanded, scroll: (scroll + page).min(max_scroll()) };
            }
            Action::PageUp if expanded => {
                self.overlay = Overlay::Claims { selected, expanded, scroll: scroll.saturating_sub(page) };
            }
            Action::Confirm => self.overlay = Overlay::Claims { selected, expanded: !expanded, scroll: 0 },
            Action::GoToDimension => {
                if let Some(&dimension) = self.dataset.claims[selected].dimensions.first() {
                    if !self.hits.iter().any(|h| h.dimension == dimension) {
                        self.set_query(String::new());
                    }
                    self.select(dimension);
                    self.overlay = Overlay::None;
                }
            }
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Handles a mouse event against the current layout: click selects a row, click or drag on a slider
    /// sets the weight, the wheel scrolls the pane under the pointer. Returns whether anything changed.
    pub fn handle_mouse(&mut self, event: &MouseEvent) -> bool {
        if self.overlay != Overlay::None && self.overlay != Overlay::Search {
            return false;
        }
        let Screen::Main(regions) = self.screen() else { return false };
        let (x, y) = (event.column, event.row);
        let snapshot =
            |a: &Self| (a.selected, a.weighting.weights.clone(), a.list_offset, a.pane_scroll.clone(), a.focus);
        let before = snapshot(self);
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.dragging = None;
                if let Some(dimension) = self.dimension_at(&regions, y) {
                    self.select(dimension);
                    self.focus = Focus::List;
                    if self.slider_to(&regions, dimension, x, false) {
                        self.dragging = Some(dimension);
                    }
                } else if let Some(pane) = regions.pane_at(x, y) {
                    self.focus = Focus::Pane(pane);
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                // Only a drag that started on a slider moves it, wherever the pointer's row is now.
                if let Some(dimension) = self.dragging {
                    self.slider_to(&regions, dimension, x, true);
                }
            }
            MouseEventKind::Up(_) => self.dragging = None,
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let step = if event.kind == MouseEventKind::ScrollDown { 1 } else { -1 };
                if regions.list.contains((x, y).into()) {
                    self.move_selection(step);
                } else if let Some(pane) = regions.pane_at(x, y) {
                    self.scroll_pane(pane, 3 * step);
                }
            }
            _ => {}
        }
        self.keep_in_view();
        before != snapshot(self)
    }

    /// The dimension on screen row `y` of the list, if any.
    fn dimension_at(&self, regions: &Regions, y: u16) -> Option<usize> {
        let inner = regions.list_inner();
        if y < inner.y || y >= inner.bottom() {
            return None;
        }
        match self.rows.get(self.list_offset + usize::from(y - inner.y)) {
            Some(Row::Dimension(d)) => Some(*d),
            _ => None,
        }
    }

    /// Sets `dimension`'s weight from a pointer at column `x` on its slider; whether `x` was on it.
    /// Outside the slider, a click does nothing and a drag pins the weight to the nearer end.
    fn slider_to(&mut self, regions: &Regions, dimension: usize, x: u16, dragging: bool) -> bool {
        let (start, cells) = (regions.slider_x(), regions.slider_cells());
        let step = SCALE_MAX / cells as u8;
        let on_slider = x >= start && x < start + cells;
        let weight = if on_slider {
            (x - start + 1) as u8 * step
        } else if !dragging {
            return false;
        } else if x < start {
            0
        } else {
            SCALE_MAX
        };
        self.set_weight(dimension, weight);
        on_slider
    }

    /// The list's rows: category headings and their dimensions, or the search's matches, best first,
    /// without headings.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The characters of dimension `d`'s name the search matched, for highlighting (none unfiltered).
    #[must_use]
    pub fn match_positions(&self, d: usize) -> Vec<usize> {
        if self.query.trim().is_empty() { Vec::new() } else { self.searcher.positions(d, &self.query) }
    }

    fn move_selection(&mut self, delta: isize) {
        let listed: Vec<usize> =
            self.rows.iter().filter_map(|r| if let Row::Dimension(d) = r { Some(*d) } else { None }).collect();
        if listed.is_empty() {
            return;
        }
        let current = listed.iter().position(|&d| d == self.selected).unwrap_or(0);
        let target = current.saturating_add_signed(delta).min(listed.len() - 1);
        self.select(listed[target]);
    }

    fn select(&mut self, dimension: usize) {
        if dimension != self.selected {
            self.selected = dimension;
            self.pane_scroll.iter_mut().for_each(|s| *s = 0);
        }
    }

    fn set_query(&mut self, query: String) {
        let words_changed = !self.query.split_whitespace().eq(query.split_whitespace());
        // Typing on narrows the last hits instead of searching everything.
        self.hits = self.searcher.refine(&self.query, &self.hits, &query);
        self.query = query;
        self.rows = if self.query.trim().is_empty() {
            self.grouped.clone()
        } else {
            self.hits.iter().map(|h| Row::Dimension(h.dimension)).collect()
        };
        self.list_offset = 0;
        // As in other fuzzy pickers, a changed query selects its best match, so the list shows the top
        // hits. (Keeping a selection that still matched showed, at 10,000 dimensions, a page of the
        // weakest hits around it.) A space alone changes nothing, and keeps the selection.
        if words_changed
            && !self.query.trim().is_empty()
            && let Some(best) = self.hits.first()
        {
            self.select(best.dimension);
        }
    }

    fn nudge_weight(&mut self, delta: i8) {
        let current = self.weighting.weights[self.selected];
        self.set_weight(self.selected, current.saturating_add_signed(delta).min(SCALE_MAX));
    }

    fn set_weight(&mut self, dimension: usize, weight: u8) {
        self.muted[dimension] = None;
        self.store_weight(dimension, weight.min(SCALE_MAX));
    }

    fn store_weight(&mut self, dimension: usize, weight: u8) {
        if self.weighting.weights[dimension] != weight {
            self.weighting.weights[dimension] = weight;
            self.evaluation = evaluate(&self.dataset, &self.weighting.weights);
        }
    }

    /// Mute sets the weight to 0 and remembers it; unmute restores it (or, for a dimension that was never
    /// muted and has weight 0, its weight in the preset or defaults, or 5 when that is 0 too).
    fn toggle_mute(&mut self) {
        let d = self.selected;
        let current = self.weighting.weights[d];
        if current > 0 {
            self.store_weight(d, 0);
            self.muted[d] = Some(current);
        } else {
            let base = self.weighting.base.weights(&self.dataset)[d];
            let restored = self.muted[d].take().unwrap_or(if base > 0 { base } else { 5 });
            self.store_weight(d, restored);
        }
    }

    /// Whether the dimension is muted (weight 0, restorable).
    #[must_use]
    pub fn is_muted(&self, dimension: usize) -> bool {
        self.muted[dimension].is_some()
    }

    fn apply_base(&mut self, base: Base) {
        self.weighting = Weighting::from_base(&self.dataset, base);
        self.muted.iter_mut().for_each(|m| *m = None);
        self.evaluation = evaluate(&self.dataset, &self.weighting.weights);
    }

    fn cycle_focus(&mut self, step: isize) {
        let stops = self.dataset.options.len() + 1; // the list, then each pane
        let index = match self.focus {
            Focus::List => 0,
            Focus::Pane(p) => p + 1,
        };
        self.focus = match (index as isize + step).rem_euclid(stops as isize) as usize {
            0 => Focus::List,
            p => Focus::Pane(p - 1),
        };
    }

    fn scroll_pane(&mut self, pane: usize, delta: isize) {
        let max = self.max_pane_scroll(pane);
        let scroll = &mut self.pane_scroll[pane];
        *scroll = (*scroll as isize).saturating_add(delta).clamp(0, max as isize) as u16;
    }

    /// How far pane `pane` can scroll: its content's height less the visible height.
    fn max_pane_scroll(&self, pane: usize) -> u16 {
        let Screen::Main(regions) = self.screen() else { return 0 };
        let area = inner(regions.panes[pane]);
        let lines = pane_lines(&self.dataset, self.selected, pane, area.width, crate::ui::Theme::new(false)).len();
        (lines as u16).saturating_sub(area.height)
    }

    /// How far the help text scrolls: its length less the pop-up's inside height.
    fn max_help_scroll(&self) -> u16 {
        let lines = crate::ui::overlays::help_lines(self, crate::ui::Theme::new(false)).len();
        let rect = crate::ui::overlays::help_rect(ratatui::layout::Rect::new(0, 0, self.width, self.height), lines);
        (lines as u16).saturating_sub(rect.height.saturating_sub(2))
    }

    /// Lines one page key scrolls pane `pane`: its visible height.
    fn pane_height(&self, pane: usize) -> isize {
        match self.screen() {
            Screen::Main(regions) => inner(regions.panes[pane]).height.max(1) as isize,
            Screen::TooSmall => 1,
        }
    }

    /// Rows one page key moves: the list's visible height.
    fn page_height(&self) -> isize {
        match self.screen() {
            Screen::Main(regions) => regions.list_inner().height.max(1) as isize,
            Screen::TooSmall => 1,
        }
    }

    /// Keeps the selected row on screen.
    fn keep_in_view(&mut self) {
        let Screen::Main(regions) = self.screen() else { return };
        let height = usize::from(regions.list_inner().height.max(1));
        let rows = &self.rows;
        if let Some(row) = rows.iter().position(|r| *r == Row::Dimension(self.selected)) {
            // Show the category heading just above the first dimension of a category too.
            let top = if row > 0 && matches!(rows[row - 1], Row::Category(_)) { row - 1 } else { row };
            if top < self.list_offset {
                self.list_offset = top;
            } else if row >= self.list_offset + height {
                self.list_offset = row + 1 - height;
            }
        }
        self.list_offset = self.list_offset.min(rows.len().saturating_sub(height));
    }
}

/// Every dimension under its category's heading, categories in order of first appearance.
fn grouped_rows(dataset: &Dataset) -> Vec<Row> {
    let mut categories: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, d) in dataset.dimensions.iter().enumerate() {
        let slot = *index.entry(d.category.as_str()).or_insert_with(|| {
            categories.push((d.category.as_str(), Vec::new()));
            categories.len() - 1
        });
        categories[slot].1.push(i);
    }
    let mut rows = Vec::with_capacity(dataset.dimensions.len() + categories.len());
    for (_, members) in categories {
        rows.push(Row::Category(members[0]));
        rows.extend(members.into_iter().map(Row::Dimension));
    }
    rows
}
