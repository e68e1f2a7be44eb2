//! The explorer's state and its one way to change: [`App::update`] with an [`Event`]. Pure: no terminal,
//! no I/O, so every behaviour runs in a unit test. What it needs from the world it asks for as
//! [`Effect`]s, each with everything it needs, which the shell performs and answers with an
//! [`Event::Outcome`].
//!
//! The state is a few sub-states (see [`crate::explorer::state`]), the overlay on top (see
//! [`crate::explorer::overlays`]), the status line and the screen's layout. `update` gives an action to
//! the overlay open, else to the main view (here), and lays the screen out once at its end.

mod pointer;

use std::fmt::Write as _;

use ratatui::layout::{Rect, Size};

use crate::engine::data::{Dataset, sanitize};
use crate::engine::decision::{Given, default_review};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::profiles::Profile;
use crate::engine::report::{Format, Framing, Report, lead_sentence, record_title, verdict_sentence};
use crate::engine::robustness::{DEFAULT_WEIGHT_SPREAD, Robustness, Spread};
use crate::engine::score::{Evaluation, RatingFlip, rating_flips_with};
use crate::engine::search::Hit;
use crate::engine::team::Member;
use crate::engine::verdict::Classification;
use crate::engine::weights::{
    Origin, Weighting, changes, interview_weights, parse_answer, report_command, shell_quote,
};
use crate::explorer::keymap::{Action, Context, Keymap};
use crate::explorer::layout::{Screen, inner};
use crate::explorer::overlays::record::{self, RecordDialog};
use crate::explorer::overlays::{Confirm, Ctx, Prompt, Seen};
use crate::explorer::state::list::List;
use crate::explorer::state::panes::Panes;
use crate::explorer::state::step;
use crate::explorer::state::team::{Roster, Team};
use crate::explorer::state::weights::{Change, Weights};
use crate::explorer::theme::Theme;
use crate::explorer::view;

pub use crate::explorer::overlays::prompt::MAX_INPUT_CHARS;
pub use crate::explorer::overlays::{Confirmation, Overlay, Purpose};
pub use crate::explorer::state::list::{MAX_QUERY_CHARS, Row};
pub use crate::explorer::state::panes::Focus;
pub use crate::explorer::state::{Document, Effect, Export, Outcome, Pointer, PointerKind, Status};

/// Ratings drawn for the robustness shares per update: about 2 ms, so that a key press never waits long
/// behind the sampling. The built-in dataset's 10,000 samples fit in one update; a large dataset's take
/// many, between which the explorer answers keys.
pub const SAMPLING_PER_UPDATE: usize = 700_000;

/// What the explorer starts with: what the shell loaded, and the settings it read.
pub struct Startup {
    pub dataset: Dataset,
    pub weighting: Weighting,
    /// The user's saved profiles for this dataset.
    pub profiles: Vec<Profile>,
    /// The key bindings in force: the defaults with the user's config applied.
    pub keymap: Keymap,
    /// The dataset file, when not the built-in one (for the command line `y` copies).
    pub data_path: Option<String>,
    /// Whether the user can use the mouse (help says how).
    pub mouse: bool,
    /// A first message for the status line (a warning about the user's files).
    pub status: Option<Status>,
    /// Every problem with the user's files, in full: help lists them first.
    pub problems: Vec<Diagnostic>,
    /// Whether quitting with weights no profile holds asks first (the config's `confirm-quit`).
    pub confirm_quit: bool,
    /// A team's members (`--team`), whose median the weights start from; none without a team.
    pub team: Vec<Member>,
    /// The weight files they came from, one per member, as the command line named them.
    pub team_files: Vec<String>,
    /// The members' notes from their weight files, as (name, note), for the decision record.
    pub team_notes: Vec<(String, String)>,
    /// A weighting pinned to compare with from the start (`versus --record`: the record's weights).
    pub pinned: Option<Weighting>,
    /// The dataset file as the command line gave it (`data_path` is absolute): a decision record names
    /// it so, relative to where versus runs, as `versus record` does.
    pub data_as_given: Option<String>,
    /// Today's date, YYYY-MM-DD, for the documents the explorer writes.
    pub today: String,
    /// The interview answers the weights came from (`--answer`, or a profile's), `QUESTION=ANSWER`:
    /// the interview reopens with them chosen.
    pub answers: Vec<String>,
    /// How far each weight varies either way in the robustness draws (`--weight-spread`, 0-3).
    pub weight_spread: u8,
}

impl Startup {
    /// `dataset` and `weighting`, with no profiles, the default keys, the mouse on and nothing to say.
    #[must_use]
    pub fn new(dataset: Dataset, weighting: Weighting) -> Self {
        Self {
            weighting,
            profiles: Vec::new(),
            problems: Vec::new(),
            keymap: Keymap::default(),
            data_path: None,
            mouse: true,
            status: None,
            confirm_quit: true,
            team: Vec::new(),
            team_files: Vec::new(),
            team_notes: Vec::new(),
            data_as_given: None,
            pinned: None,
            // The evidence's own date until the shell says which day it is.
            today: dataset.meta.as_of.clone(),
            answers: Vec::new(),
            weight_spread: DEFAULT_WEIGHT_SPREAD,
            dataset,
        }
    }
}

/// Everything that can change the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key's action, as the keymap read it (see [`crate::explorer::input`]).
    Action(Action),
    Pointer(Pointer),
    /// The terminal's new size, which decides the layout.
    Resize(Size),
    /// Text pasted into the terminal, as one event: typed into a search or a prompt, else ignored.
    Paste(String),
    /// Nothing happened: go on with what is still being computed (see [`Update::pending`]).
    Tick,
    /// The shell's word on an effect it performed.
    Outcome(Outcome),
}

/// What an update asks of the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Update {
    /// Whether anything on screen may have changed.
    pub redraw: bool,
    pub effects: Vec<Effect>,
    /// Whether analysis is still under way (the robustness shares at the current weights): the shell
    /// sends [`Event::Tick`] while no input waits, and blocks once this is false.
    pub pending: bool,
}

pub struct App {
    dataset: Dataset,
    weights: Weights,
    list: List,
    panes: Panes,
    overlay: Overlay,
    status: Option<Status>,
    /// The latest message the status line showed, kept after it goes: help shows it in full.
    last_status: Option<Status>,
    /// The terminal's size, which decides the layout.
    size: Size,
    /// The layout for that size and the state now: worked out at the end of each update, read by
    /// drawing and by the pointer.
    screen: Screen,
    keymap: Keymap,
    mouse: bool,
    data_path: Option<String>,
    /// The dimension whose slider the pointer pressed, while the button is down.
    dragging: Option<usize>,
    /// Problems with the user's files, in full, for help.
    problems: Vec<Diagnostic>,
    /// Effects asked for during the current update.
    effects: Vec<Effect>,
    confirm_quit: bool,
    /// Today's date, YYYY-MM-DD.
    today: String,
    /// The team members' notes, as (name, note).
    team_notes: Vec<(String, String)>,
    /// The dataset file as the command line gave it.
    data_as_given: Option<String>,
}

impl App {
    /// The explorer on a screen of no size; the shell's first [`Event::Resize`] gives it one.
    #[must_use]
    pub fn new(startup: Startup) -> Self {
        let Startup {
            dataset,
            weighting,
            profiles,
            keymap,
            data_path,
            mouse,
            status,
            confirm_quit,
            problems,
            team,
            team_files,
            team_notes,
            data_as_given,
            pinned,
            today,
            answers,
            weight_spread,
        } = startup;
        let roster = Roster::new(&dataset, team, team_files);
        let mut weights =
            Weights::new(&dataset, weighting, profiles, roster, weight_spread).with_answers(&dataset, answers);
        if let Some(pinned) = pinned {
            weights.pin(&dataset, pinned);
        }
        Self {
            weights,
            list: List::new(&dataset),
            panes: Panes::new(dataset.options.len()),
            dataset,
            overlay: Overlay::None,
            last_status: status.clone(),
            status,
            size: Size::default(),
            screen: Screen::TooSmall,
            keymap,
            mouse,
            data_path,
            dragging: None,
            problems,
            effects: Vec::new(),
            confirm_quit,
            today,
            team_notes,
            data_as_given,
        }
    }

    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    #[must_use]
    pub fn weighting(&self) -> &Weighting {
        self.weights.weighting()
    }

    /// The weights in force, one per dimension.
    #[must_use]
    pub fn weights(&self) -> &[u8] {
        self.weights.weights()
    }

    /// Scores, recommendation, why and flips for the weights in force.
    #[must_use]
    pub fn evaluation(&self) -> &Evaluation {
        self.weights.evaluation()
    }

    /// The rating flips for the weights in force: the sensitivity view's, while it is open (it works
    /// them out as it opens), else worked out now.
    #[must_use]
    pub fn rating_flips(&self) -> Vec<RatingFlip> {
        match &self.overlay {
            Overlay::Sensitivity(view) => view.rating_flips.clone(),
            _ => rating_flips_with(&self.dataset, self.weights(), &self.weighting().requirements),
        }
    }

    /// Each option's share of first places over the plausible ratings drawn so far for the current
    /// weights, and how many are drawn of how many asked for.
    #[must_use]
    pub fn robustness(&self) -> (Robustness, (u32, u32)) {
        self.weights.robustness()
    }

    /// The weighting pinned to compare with (`b`), and its evaluation.
    #[must_use]
    pub fn pinned(&self) -> Option<&(Weighting, Evaluation)> {
        self.weights.pinned()
    }

    /// The saved profiles of this dataset.
    #[must_use]
    pub fn profiles(&self) -> &[Profile] {
        self.weights.profiles()
    }

    /// Whether the dimension is muted (weight 0, restorable).
    #[must_use]
    pub(crate) fn is_muted(&self, dimension: usize) -> bool {
        self.weights.is_muted(dimension)
    }

    /// The list's rows: category headings and their dimensions, or the search's matches, best first,
    /// without headings.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        self.list.rows()
    }

    /// The first list row on screen.
    #[must_use]
    pub fn list_offset(&self) -> usize {
        self.list.offset()
    }

    /// The selected dimension (an index into the dataset).
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    #[must_use]
    pub fn query(&self) -> &str {
        self.list.query()
    }

    /// The matches of the query, best first (every dimension, in order, when there is none).
    #[must_use]
    pub fn hits(&self) -> &[Hit] {
        self.list.hits()
    }

    /// The characters of dimension `dimension`'s name the search matched, for highlighting.
    #[must_use]
    pub(crate) fn match_positions(&self, dimension: usize) -> Vec<usize> {
        self.list.match_positions(dimension)
    }

    #[must_use]
    pub fn focus(&self) -> Focus {
        self.panes.focus()
    }

    /// How far pane `pane` (one per option) is scrolled, in lines.
    #[must_use]
    pub fn pane_scroll(&self, pane: usize) -> u16 {
        self.panes.scroll(pane)
    }

    /// The selected source's index among the selected dimension's sources.
    #[must_use]
    pub fn selected_source(&self) -> usize {
        self.panes.source()
    }

    #[must_use]
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    #[must_use]
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    #[must_use]
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Whether the mouse is the user's to use here.
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    #[must_use]
    pub fn size(&self) -> Size {
        self.size
    }

    /// The keymap context the current state reads keys in: the open overlay's, else the main view's.
    #[must_use]
    pub fn context(&self) -> Context {
        self.overlay.context()
    }

    /// The screen's layout, as drawn.
    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen.clone()
    }

    /// Today's date (YYYY-MM-DD), which the sources' freshness is judged against.
    #[must_use]
    pub fn today(&self) -> &str {
        &self.today
    }

    /// The interview answers the weights came from (`QUESTION=ANSWER`), if they did.
    #[must_use]
    pub fn interview_answers(&self) -> &[String] {
        self.weights.answers()
    }

    /// The team `--team` loaded, as it stands (who counts, the group of those), if any.
    #[must_use]
    pub fn team(&self) -> Option<Team<'_>> {
        self.weights.team()
    }

    /// What an overlay reads while it draws.
    pub(crate) fn seen(&self) -> Seen<'_> {
        Seen {
            dataset: &self.dataset,
            weights: &self.weights,
            keymap: &self.keymap,
            problems: &self.problems,
            last_status: self.last_status.as_ref(),
            selected: (!self.list.rows().is_empty()).then(|| self.list.selected()),
            mouse: self.mouse,
        }
    }

    /// What an overlay (and the main view) may change, lent for one event.
    fn ctx(&mut self) -> Ctx<'_> {
        let area = self.area();
        Ctx {
            dataset: &self.dataset,
            weights: &mut self.weights,
            list: &mut self.list,
            panes: &mut self.panes,
            status: &mut self.status,
            effects: &mut self.effects,
            area,
            keymap: &self.keymap,
            problems: &self.problems,
            last_status: self.last_status.as_ref(),
            mouse: self.mouse,
        }
    }

    /// The whole screen's area.
    fn area(&self) -> Rect {
        Rect::from((ratatui::layout::Position::ORIGIN, self.size))
    }

    /// Applies `event`; returns whether to redraw and what the shell should do.
    pub fn update(&mut self, event: Event) -> Update {
        let redraw = match event {
            Event::Action(action) => {
                // Help opens at the top while a message shows, to give it whole: it sees it, then it goes.
                let showing = self.status.take();
                if action == Action::OpenHelp {
                    self.status = showing;
                }
                self.act(action);
                if action == Action::OpenHelp {
                    self.status = None;
                }
                true
            }
            Event::Pointer(pointer) => self.point(pointer),
            Event::Resize(size) => {
                self.resize(size);
                true
            }
            Event::Paste(text) => {
                // One line of it, cleaned, into the search or the prompt open.
                let text = sanitize::line(&text);
                let mut overlay = std::mem::take(&mut self.overlay);
                let pasted = overlay.paste(&text, &mut self.ctx());
                self.overlay = overlay;
                pasted
            }
            Event::Outcome(outcome) => {
                self.take_outcome(outcome);
                true
            }
            Event::Tick => true,
        };
        if let Some(status) = &self.status {
            self.last_status = Some(status.clone());
        }
        if redraw {
            self.lay_out();
        }
        let pending = !self.weights.refine(SAMPLING_PER_UPDATE);
        Update { redraw, effects: std::mem::take(&mut self.effects), pending }
    }

    /// Lays the screen out for the size and the state now, and keeps the selected row in view.
    fn lay_out(&mut self) {
        let selected = self.selected();
        let sources = self.sources().len();
        let focused = self.focus() == Focus::Sources;
        let header_rows = |width| {
            let weight = self.weights().get(selected).copied().unwrap_or(0);
            let team = self.team_line(selected);
            view::header_lines(
                &self.dataset,
                self.evaluation(),
                (weight, self.weighting().requirements.get(selected)),
                selected,
                width,
                team.as_ref(),
                Theme::new(false),
            )
            .len()
        };
        self.screen = Screen::compute(
            self.size.width,
            self.size.height,
            self.dataset.options.len(),
            sources,
            focused,
            header_rows,
        );
        if let Screen::Main(regions) = &self.screen {
            self.list.keep_in_view(usize::from(regions.list_inner().height.max(1)));
        }
    }

    /// Takes the shell's word on an effect: a message for the status line, or a question to ask.
    fn take_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Done(message) => self.set_status(Status::info(message)),
            Outcome::Failed(message) => self.set_status(Status::error(message)),
            Outcome::FileExists(export) => self.ask(Confirmation::OverwriteFile(export)),
            Outcome::ProfileExists(name) => self.ask(Confirmation::OverwriteProfile(name)),
            // The in-memory list changes only once the file has: a failed save must not look saved.
            Outcome::ProfileSaved { profile, message } => {
                self.weights.profile_saved(profile.resolve(&self.dataset));
                self.set_status(Status::info(message));
            }
            Outcome::ProfileDeleted { stored_name, message } => {
                self.weights.profile_deleted(&stored_name);
                self.set_status(Status::info(message));
            }
        }
    }

    fn ask(&mut self, question: Confirmation) {
        self.overlay = Overlay::Confirm(Confirm { question });
    }

    fn set_status(&mut self, status: Status) {
        self.status = Some(status);
    }

    fn resize(&mut self, size: Size) {
        self.size = size;
        self.lay_out();
        // Scrolling clamps itself and a new selection starts at the top, so only a new size can leave a
        // pane scrolled past its end: re-wrap the panes here, not on every key.
        for pane in 0..self.panes.count() {
            let max = self.max_pane_scroll(pane);
            self.panes.clamp(pane, max);
        }
    }

    fn act(&mut self, action: Action) {
        let asked_to_quit = matches!(&self.overlay, Overlay::Confirm(Confirm { question: Confirmation::QuitUnsaved }));
        match action {
            // Asked whether to quit, a second quit key answers yes.
            Action::Quit if asked_to_quit => self.effects.push(Effect::Quit),
            Action::Quit if self.would_lose_weights() => self.ask(Confirmation::QuitUnsaved),
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            _ if self.overlay.is_open() => {
                let overlay = std::mem::take(&mut self.overlay);
                self.overlay = overlay.act(action, &mut self.ctx());
            }
            _ => self.main_action(action),
        }
    }

    /// The moving keys in the focused region: the list moves the selection, a pane scrolls, the
    /// sources select one. Whether `action` was one of them.
    fn navigate(&mut self, action: Action) -> bool {
        match (self.panes.focus(), action) {
            (Focus::List, Action::Down) => self.move_selection(1),
            (Focus::List, Action::Up) => self.move_selection(-1),
            (Focus::List, Action::PageDown) => self.move_selection(self.page_height()),
            (Focus::List, Action::PageUp) => self.move_selection(-self.page_height()),
            (Focus::List, Action::Top) => self.move_selection(isize::MIN / 2),
            (Focus::List, Action::Bottom) => self.move_selection(isize::MAX / 2),
            (_, Action::ScrollPanesDown | Action::ScrollPanesUp) => {
                let delta = if action == Action::ScrollPanesDown { 1 } else { -1 };
                (0..self.panes.count()).for_each(|pane| self.scroll_pane(pane, delta));
            }
            (_, Action::NextCategory | Action::PrevCategory) => {
                if let Some(dimension) = self.category_jump(action == Action::NextCategory) {
                    self.panes.set_focus(Focus::List);
                    self.select(dimension);
                }
            }
            (Focus::Pane(pane), Action::Down) => self.scroll_pane(pane, 1),
            (Focus::Pane(pane), Action::Up) => self.scroll_pane(pane, -1),
            (Focus::Pane(pane), Action::PageDown) => self.scroll_pane(pane, self.pane_height(pane)),
            (Focus::Pane(pane), Action::PageUp) => self.scroll_pane(pane, -self.pane_height(pane)),
            (Focus::Pane(pane), Action::Top) => self.scroll_pane(pane, isize::MIN / 2),
            (Focus::Pane(pane), Action::Bottom) => self.scroll_pane(pane, isize::MAX / 2),
            // The sources move as every list does (a page is three of them).
            (Focus::Sources, action)
                if let Some(source) = step(self.panes.source(), action, self.sources().len().saturating_sub(1), 3) =>
            {
                self.panes.set_source(source);
            }
            _ => return false,
        }
        true
    }

    fn main_action(&mut self, action: Action) {
        if self.navigate(action) {
            return;
        }
        if let Some(overlay) = Overlay::open(action, &mut self.ctx()) {
            self.overlay = overlay;
            return;
        }
        let selected = self.list.selected();
        match (self.panes.focus(), action) {
            (_, Action::OpenSource) => match self.sources().get(self.panes.source()) {
                Some(source) => self.effects.push(Effect::OpenUrl { url: source.url.clone() }),
                None => self.set_status(Status::error("this dimension cites no source")),
            },
            (Focus::Sources, Action::Copy) => {
                if let Some(source) = self.sources().get(self.panes.source()) {
                    self.effects.push(Effect::Copy { text: source.url.clone() });
                }
            }
            // With a filter that matches nothing, the selection is not on screen: leave it alone.
            (
                _,
                Action::WeightDown | Action::WeightUp | Action::SetWeight(_) | Action::ToggleMute | Action::Require,
            ) if self.list.rows().is_empty() => {
                self.set_status(Status::error("no dimension is listed: clear the filter with Esc"));
            }
            (_, Action::WeightDown) => self.weights.nudge(&self.dataset, selected, -1),
            (_, Action::WeightUp) => self.weights.nudge(&self.dataset, selected, 1),
            (_, Action::SetWeight(weight)) => self.weights.set(&self.dataset, selected, weight),
            (_, Action::ToggleMute) => self.weights.toggle_mute(&self.dataset, selected),
            (_, Action::Require) => {
                let input = self.weighting().requirements.get(selected).map(|min| min.to_string()).unwrap_or_default();
                let purpose = Purpose::Require { dimension: selected };
                self.overlay = Overlay::Prompt(Prompt::replacing(purpose, input));
            }
            (_, Action::Reset) => {
                let origin = self.weighting().origin.clone();
                let name = format!("the reset to {}", origin.name(&self.dataset));
                self.weights.apply(&self.dataset, origin, name);
            }
            (_, Action::PinBaseline) => {
                let message = if self.weights.toggle_pin() {
                    "pinned these weights: the list and the verdict now compare with them (b unpins)"
                } else {
                    "unpinned"
                };
                self.set_status(Status::info(message));
            }
            (_, Action::WeightSpread) => {
                let message = match self.weights.next_weight_spread(&self.dataset) {
                    Spread::Fixed => "weights fixed: the sure share draws the ratings alone".to_owned(),
                    Spread::Within(n) => format!("weights ±{n}: the sure share draws each within {n} of yours"),
                    Spread::Team(_) => {
                        "the team's range of weights: the sure share draws each between the members' lowest and highest"
                            .to_owned()
                    }
                };
                self.set_status(Status::info(message));
            }
            (_, Action::Undo) => self.undo_or_redo(false),
            (_, Action::Redo) => self.undo_or_redo(true),
            (_, Action::SaveProfile) => {
                let input = self.weighting().origin.profile_name().unwrap_or_default().to_owned();
                self.overlay = Overlay::Prompt(Prompt::new(Purpose::SaveProfile, input));
            }
            (_, Action::Export) => self.ask_export(Document::Report),
            (_, Action::ExportRecord) => self.overlay = Overlay::Record(RecordDialog::new(self.record_source())),
            (_, Action::Copy) => {
                // How sure once the shares are all drawn; until then, the lead alone.
                let verdict = match self.robustness() {
                    (robustness, (drawn, asked)) if drawn == asked => {
                        verdict_sentence(&self.dataset, &self.evaluation().recommendation, &robustness)
                    }
                    _ => lead_sentence(&self.dataset, &self.evaluation().recommendation),
                };
                let command = self.command_line();
                // A path can hold anything a file name can; the clipboard gets one clean line.
                let text = sanitize::line(&format!("{verdict} Reproduce: {command}"));
                self.effects.push(Effect::Copy { text });
            }
            (_, Action::FocusNext) => self.panes.cycle_focus(1, !self.sources().is_empty()),
            (_, Action::FocusPrev) => self.panes.cycle_focus(-1, !self.sources().is_empty()),
            (_, Action::Back) => self.set_query(String::new()),
            _ => {}
        }
    }

    /// Whether quitting now would lose weights: modified, held by no saved profile, and the user asked to
    /// be asked.
    fn would_lose_weights(&self) -> bool {
        let requirements = &self.weighting().requirements;
        self.confirm_quit
            && self.weighting().is_modified(&self.dataset)
            && !self.profiles().iter().any(|p| p.weights == self.weights() && p.notes.requirements == *requirements)
    }

    /// A change of the weights in words: "the weight of CPU-bound pure code (now 5)".
    fn change_words(&self, change: &Change) -> String {
        let name = |d: usize| &self.dataset.dimensions[d].name;
        match change {
            Change::Weight(d) => format!("the weight of {} (now {})", name(*d), self.weights()[*d]),
            Change::Mute(d) => format!("the mute of {} (now {})", name(*d), self.weights()[*d]),
            Change::Requirement(d) => match self.weighting().requirements.get(*d) {
                Some(min) => format!("the must-have on {} (now at least {min})", name(*d)),
                None => format!("the must-have on {} (now none)", name(*d)),
            },
            Change::Origin(what) => what.clone(),
        }
    }

    /// Undoes the latest change of weights (`redo`: makes the latest undone one again), and says which.
    fn undo_or_redo(&mut self, redo: bool) {
        let change = if redo { self.weights.redo(&self.dataset) } else { self.weights.undo(&self.dataset) };
        let status = match (change, redo) {
            (Some(change), false) => format!("undid {} (Ctrl-R redoes)", self.change_words(&change)),
            (Some(change), true) => format!("redid {}", self.change_words(&change)),
            (None, false) => "nothing to undo".to_owned(),
            (None, true) => "nothing to redo".to_owned(),
        };
        self.set_status(Status::info(status));
    }

    fn move_selection(&mut self, delta: isize) {
        self.ctx().move_selection(delta);
    }

    fn select(&mut self, dimension: usize) {
        self.ctx().select(dimension);
    }

    fn set_query(&mut self, query: String) {
        self.ctx().set_query(query);
    }

    /// The selected dimension's sources (none when a filter lists no dimension).
    fn sources(&self) -> &[crate::engine::data::Source] {
        match self.dataset.dimensions.get(self.selected()) {
            Some(dimension) if !self.list.rows().is_empty() => &dimension.sources,
            _ => &[],
        }
    }

    /// Where `]` (`forward`) or `[` goes from the selection: the first dimension of the next category,
    /// or the first of this one (of the one before when the selection is already there). The unfiltered
    /// list's category headings mark where categories start.
    fn category_jump(&self, forward: bool) -> Option<usize> {
        let rows = self.list.rows();
        let at = rows.iter().position(|r| *r == Row::Dimension(self.selected()))?;
        let starts: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match *r {
                Row::Category { first_dimension } => Some((i, first_dimension)),
                Row::Dimension(_) => None,
            })
            .collect();
        if forward {
            starts.iter().find(|(i, _)| *i > at).map(|&(_, d)| d)
        } else {
            let mine = starts.iter().rposition(|(i, _)| *i < at)?;
            let here = starts[mine].1;
            if here == self.selected() { mine.checked_sub(1).map(|p| starts[p].1) } else { Some(here) }
        }
    }

    /// The prompt for the file to write `document` to, with a name to start from and the document
    /// finished: nothing can change it while the prompt is open.
    fn ask_export(&mut self, document: Document) {
        let input = self.export_name();
        let text = self.document(document);
        self.overlay = Overlay::Prompt(Prompt::new(Purpose::Export { document, text }, input));
    }

    /// `versus-node-js-vs-python[-PRESET].md` for the report: the dataset's first four title words, and the preset if one is applied, so that exports of different
    /// comparisons do not share a name.
    fn export_name(&self) -> String {
        let title = self.dataset.meta.title.to_lowercase();
        let words: Vec<&str> =
            title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(4).collect();
        let mut name = format!("versus-{}", words.join("-"));
        if let Some(id) = self.weighting().origin.preset_id(&self.dataset) {
            name.push('-');
            name.push_str(id);
        }
        name.push_str(".md");
        name
    }

    /// `document` for the weights in force, as `versus report` would write it: what the explorer shows
    /// when its sampling has finished, else sampled here in full.
    #[must_use]
    pub fn document(&self, document: Document) -> String {
        let report = match self.robustness() {
            (robustness, (drawn, asked)) if drawn == asked => Report::from_parts(
                &self.dataset,
                self.weighting(),
                self.evaluation().clone(),
                self.rating_flips(),
                robustness,
            ),
            _ => Report::sampled(&self.dataset, self.weighting(), self.weights.sampling()),
        };
        let (format, name) = match document {
            Document::Report => (Format::Markdown, "markdown"),
        };
        let team = self.team();
        let framing = Framing {
            date: Some(self.today.clone()),
            command: Some(format!("{} --format {name}", self.command_line())),
            answers: self.interview_answers().to_vec(),
            left_out: team.map_or_else(Vec::new, |team| {
                team.members()
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !team.counts(i))
                    .map(|(_, m)| m.name.clone())
                    .collect()
            }),
            ..Framing::default()
        };
        let mut report = report.with_framing(framing);
        if let Some(team) = team {
            report = report.with_team(team.counted().into_iter().cloned().collect::<Vec<Member>>());
        }
        report.render(format)
    }

    /// What the decision record's dialog makes the record from: the weights in force, the team, and the
    /// weighting as given (the preset or profile, the interview's answers, and the weights set by hand
    /// after them, as `--weight` flags), so that its command reproduces it.
    #[must_use]
    pub fn record_source(&mut self) -> record::Source {
        // Its classification, and so its default review date, needs every share: finish the draws the
        // screen has begun rather than start them again.
        while !self.weights.refine(SAMPLING_PER_UPDATE) {}
        let dataset = &self.dataset;
        let weighting = self.weighting().clone();
        let answers = self.interview_answers().to_vec();
        let team = self.team();
        let (members, left_out, reference, files) = match &team {
            Some(team) => (
                team.counted().into_iter().cloned().collect(),
                team.members()
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !team.counts(i))
                    .map(|(_, m)| m.name.clone())
                    .collect(),
                team.group().weights.clone(),
                team.roster()
                    .files()
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| team.counts(i))
                    .map(|(_, f)| f.clone())
                    .collect(),
            ),
            None => (Vec::new(), Vec::new(), weighting.origin.weights(dataset), Vec::new()),
        };
        let chosen: Vec<(usize, usize)> = answers.iter().filter_map(|a| parse_answer(dataset, a).ok()).collect();
        let answered = interview_weights(dataset, &reference, &chosen);
        let by_hand = changes(&weighting.weights, &answered)
            .into_iter()
            .map(|(d, now, _)| format!("{}={now}", dataset.dimensions[d].id))
            .collect();
        let (preset, profile) = match &weighting.origin {
            Origin::Preset(i) => (Some(dataset.presets[*i].id.clone()), None),
            Origin::Profile { name, .. } => (None, Some(name.clone())),
            Origin::Defaults | Origin::Team { .. } => (None, None),
        };
        let requires = weighting.requirements.specs(dataset);
        let given = Given { preset, profile, pairwise: None, team: files, answers, weights: by_hand, requires };
        let recommendation = &self.evaluation().recommendation;
        let classification = Classification::of(recommendation, &self.robustness().0);
        let notes = self
            .team_notes
            .iter()
            .filter(|(name, _)| members.iter().any(|m: &Member| &m.name == name))
            .cloned()
            .collect();
        record::Source {
            default_title: record_title(dataset, recommendation),
            sampling: self.weights.sampling(),
            default_review: default_review(&self.today, classification.word()),
            evaluation: self.evaluation().clone(),
            rating_flips: self.rating_flips(),
            robustness: self.robustness().0,
            weighting,
            members,
            left_out,
            notes,
            given,
            data_path: self.data_as_given.clone(),
            today: self.today.clone(),
        }
    }

    /// What the team weighs dimension `d`: each member's weight (those left out in brackets), the
    /// median of those counted and their spread.
    #[must_use]
    pub(crate) fn team_line(&self, d: usize) -> Option<view::TeamLine> {
        let team = self.team()?;
        let group = team.group();
        let members: Vec<String> = team
            .members()
            .iter()
            .enumerate()
            .map(|(i, m)| {
                if team.counts(i) {
                    format!("{} {}", m.name, m.weights[d])
                } else {
                    format!("({} {})", m.name, m.weights[d])
                }
            })
            .collect();
        let (low, high) = group.spread[d];
        let disputed = group.is_disputed(d);
        // Whether settling it one member's way could change the verdict: what a meeting should talk about.
        let material = group.disputes.iter().any(|dispute| dispute.dimension == d && dispute.is_material());
        let spread = match (disputed, material) {
            (true, true) => format!(" ({low}-{high}, disputed: could change the verdict)"),
            (true, false) => format!(" ({low}-{high}, disputed, the verdict stands either way)"),
            (false, _) => String::new(),
        };
        // The median first: with many members the names wrap, and the header has four rows at most.
        let text = format!("team median {}{spread}: {}", group.weights[d], members.join(" · "));
        Some(view::TeamLine { text, disputed })
    }

    /// The command that reproduces the weights in force: with a team, the files of the members counted
    /// and the weights moved from their median; else the weights themselves.
    #[must_use]
    pub fn command_line(&self) -> String {
        let mut line = self.weights_command_line();
        let spread = self.weights.weight_spread();
        if spread != DEFAULT_WEIGHT_SPREAD {
            let _ = write!(line, " --weight-spread {spread}");
        }
        line
    }

    /// [`Self::command_line`] up to the weights.
    fn weights_command_line(&self) -> String {
        match self.team() {
            Some(team) => {
                let mut line = report_command(self.data_path.as_deref());
                line.push_str(" --team");
                for (_, file) in team.roster().files().iter().enumerate().filter(|&(i, _)| team.counts(i)) {
                    let _ = write!(line, " {}", shell_quote(file));
                }
                self.weighting().push_overrides(&mut line, &self.dataset, &team.group().weights);
                line
            }
            None => self.weighting().command_line(&self.dataset, self.data_path.as_deref()),
        }
    }

    fn scroll_pane(&mut self, pane: usize, delta: isize) {
        let max = self.max_pane_scroll(pane);
        self.panes.scroll_by(pane, delta, max);
    }

    /// How far pane `pane` can scroll: its content's height less the visible height.
    fn max_pane_scroll(&self, pane: usize) -> u16 {
        let Screen::Main(regions) = &self.screen else { return 0 };
        let area = inner(regions.panes[pane]);
        let lines = view::pane_lines(&self.dataset, self.selected(), pane, area.width, Theme::new(false)).len();
        (lines as u16).saturating_sub(area.height)
    }

    /// Lines one page key scrolls pane `pane`: its visible height.
    fn pane_height(&self, pane: usize) -> isize {
        match &self.screen {
            Screen::Main(regions) => inner(regions.panes[pane]).height.max(1) as isize,
            Screen::TooSmall => 1,
        }
    }

    /// Rows one page key moves: the list's visible height.
    fn page_height(&self) -> isize {
        match &self.screen {
            Screen::Main(regions) => regions.list_inner().height.max(1) as isize,
            Screen::TooSmall => 1,
        }
    }

    /// The preset picker's entries: the defaults, the team's median, each preset, then each saved profile.
    #[must_use]
    pub fn picker_entries(&self) -> Vec<Origin> {
        self.weights.picker_entries(&self.dataset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::Format;

    fn app() -> App {
        let dataset = Dataset::builtin();
        let weighting = Weighting::defaults(&dataset);
        App::new(Startup::new(dataset, weighting))
    }

    /// Ann and Ben, weighing as two presets, the explorer at the defaults (not their median).
    fn app_with_team() -> App {
        let dataset = Dataset::builtin();
        let weights = |id: &str| dataset.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
        let members = vec![Member::new("Ann", weights("ml-api")), Member::new("Ben", weights("realtime-chat"))];
        let startup = Startup {
            team: members,
            team_files: vec!["/d/ann.toml".into(), "/d/ben.toml".into()],
            ..Startup::new(dataset.clone(), Weighting::defaults(&dataset))
        };
        App::new(startup)
    }

    fn act(app: &mut App, actions: &[Action]) {
        let _ = app.update(Event::Resize(Size::new(80, 24)));
        for &action in actions {
            let _ = app.update(Event::Action(action));
        }
    }

    /// The record `E` writes with its fields left as they open.
    fn record_of(app: &mut App) -> String {
        let source = app.record_source();
        record::text(app.dataset(), &source, "", "", &source.default_review).unwrap()
    }

    #[test]
    fn a_record_written_after_the_interview_gives_its_answers() {
        let mut app = app();
        act(&mut app, &[Action::OpenInterview, Action::Confirm]);
        for _ in 1..app.dataset().questions.len() {
            act(&mut app, &[Action::SkipQuestion]);
        }
        act(&mut app, &[Action::Confirm]);
        assert_eq!(app.interview_answers().len(), 1);
        let record = record_of(&mut app);
        let question = &app.dataset().questions[0];
        let answer = format!("* {} {}.\n", question.text, question.answers[0].label);
        assert!(record.contains("The project interview's answers:"), "{record}");
        assert!(record.contains(&answer), "{answer} in {record}");
        // Its command gives the answer, not the weights it set.
        let spec = format!("--answer={}={}", question.id, question.answers[0].id);
        assert!(record.contains(&format!("versus record {spec}\n")), "{record}");
    }

    #[test]
    fn a_team_record_names_its_members_and_the_command_with_their_files() {
        let mut app = app_with_team();
        let record = record_of(&mut app);
        assert!(record.starts_with("---\nstatus: \"proposed\"\ndate: "), "{record}");
        assert!(record.contains("deciders: \"Ann, Ben\"\n"), "{record}");
        assert!(record.contains("### The team\n\nThe weights above are not the members' median"), "{record}");
        assert!(record.contains("\n* Ann: Python by "), "{record}");
        // The weights here are the defaults, not the team's median: the command gives those moved from it.
        assert!(record.contains("versus record --team=/d/ann.toml --team=/d/ben.toml --weight="), "{record}");
        // Ben left out: the record says so, and its command names Ann's file alone.
        let mut app = app_with_team();
        act(&mut app, &[Action::OpenTeam, Action::Down, Action::ToggleMember, Action::Back]);
        let record = record_of(&mut app);
        assert!(record.contains("Left out of the group: Ben."), "{record}");
        assert!(record.contains("versus record --team=/d/ann.toml\n"), "{record}");
    }

    #[test]
    fn an_export_is_the_report_versus_report_would_print() {
        // Before the sampling has finished the export samples in full itself; after, it reuses the app's.
        let mut app = app();
        let first = app.document(Document::Report);
        while app.robustness().1.0 < app.robustness().1.1 {
            let _ = app.update(Event::Tick);
        }
        let expected = Report::new(app.dataset(), app.weighting()).render(Format::Markdown);
        assert_eq!(app.document(Document::Report), expected);
        assert_eq!(first, expected);
    }

    #[test]
    fn the_record_is_dated_the_day_the_shell_says() {
        let dataset = Dataset::builtin();
        let startup =
            Startup { today: "2031-02-03".into(), ..Startup::new(dataset.clone(), Weighting::defaults(&dataset)) };
        let record = record_of(&mut App::new(startup));
        assert!(record.contains("\ndate: 2031-02-03\n"), "{record}");
    }
}
