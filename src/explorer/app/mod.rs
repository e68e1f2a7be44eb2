//! The explorer's state and its one way to change: [`App::update`] with an [`Event`]. Pure: no terminal,
//! no I/O, so every behaviour runs in a unit test. What it needs from the world it asks for as
//! [`Effect`]s, which the shell performs and answers with an [`Event::Outcome`].
//!
//! The state is a few sub-states, each changed only through its own methods: the weights and their
//! evaluation ([`weights`]), the list and its filter ([`list`]), the detail panes ([`panes`]), the
//! overlay on top ([`Overlay`]) and the status line. `update` coordinates them.

mod list;
mod overlays;
mod panes;
mod pointer;
mod team;
mod weights;

use std::fmt::Write as _;

use ratatui::layout::{Rect, Size};

pub use list::{MAX_QUERY_CHARS, Row};
pub use panes::Focus;
pub use pointer::{Pointer, PointerKind};
pub use team::Team;

use crate::engine::data::{Dataset, Verdict, sanitize};
use crate::engine::profiles::{Notes, Profile};
use crate::engine::report::verdict_sentence;
use crate::engine::robustness::Robustness;
use crate::engine::score::{Evaluation, RatingFlip};
use crate::engine::search::Hit;
use crate::engine::team::Member;
use crate::engine::weights::{Origin, Weighting, report_command, shell_quote};
use crate::explorer::keymap::{Action, Context, Keymap};
use crate::explorer::layout::{self, Screen, inner};
use crate::explorer::theme::Theme;
use crate::explorer::view;

/// The longest text a prompt takes (a file name, a profile name).
pub const MAX_INPUT_CHARS: usize = 4096;

/// Where a list's selection goes for a moving key: one step, a page of `page`, or either end; `None`
/// for any other key. `last` is the last index.
pub(crate) fn step(selected: usize, action: Action, last: usize, page: usize) -> Option<usize> {
    Some(match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (selected + page.max(1)).min(last),
        Action::PageUp => selected.saturating_sub(page.max(1)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

/// Pairwise weighting from the sensitivity view compares this many of its most critical dimensions
/// (28 pairs: about as many judgements as anyone makes with care).
pub(crate) const PAIRWISE_DIMENSIONS: usize = 8;
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
    pub problems: Vec<String>,
    /// Whether quitting with weights no profile holds asks first (the config's `confirm-quit`).
    pub confirm_quit: bool,
    /// A team's members (`--team`), whose median the weights start from; none without a team.
    pub team: Vec<Member>,
    /// The weight files they came from, one per member, as the command line named them.
    pub team_files: Vec<String>,
}

impl Startup {
    /// `dataset` and `weighting`, with no profiles, the default keys, the mouse on and nothing to say.
    #[must_use]
    pub fn new(dataset: Dataset, weighting: Weighting) -> Self {
        Self {
            dataset,
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

/// Work the explorer asks of its shell, which the pure core cannot do itself. The shell performs each
/// and reports back with an [`Event::Outcome`] (or, for quitting and suspending, does not come back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell until resumed (Ctrl-Z).
    Suspend,
    /// Store the weights as profile `name`; replace one of that name only if `replace`.
    /// Its note (kept from the profile it replaces) and the interview answers go with it.
    SaveProfile {
        name: String,
        weights: Vec<u8>,
        notes: Notes,
        replace: bool,
    },
    /// Delete the profile stored as `stored_name`.
    DeleteProfile {
        stored_name: String,
    },
    /// Write `document` to `path`; refuse to replace an existing file unless `overwrite`.
    Export {
        path: String,
        overwrite: bool,
        document: Document,
    },
    /// Put `text` on the clipboard (OSC 52).
    Copy {
        text: String,
    },
    /// Open `url` with the system's opener (a browser).
    OpenUrl {
        url: String,
    },
}

/// What the shell says about an effect it performed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(String),
    /// The export target exists: ask before replacing it.
    FileExists {
        path: String,
        document: Document,
    },
    /// The profile is stored: list it and start from it.
    ProfileSaved {
        name: String,
        weights: Vec<u8>,
        notes: Notes,
        message: String,
    },
    /// A profile of that name exists in the file: ask before replacing it.
    ProfileExists(String),
    ProfileDeleted {
        stored_name: String,
        message: String,
    },
}

/// What sits on top of the main view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The search prompt is open: typing filters the list live.
    Search,
    /// The preset picker; entry 0 is the default weights, entry `i` is preset `i - 1`, then profiles.
    Presets {
        selected: usize,
    },
    /// The claims audit; `scroll` is the expanded claim's scroll offset.
    Claims {
        selected: usize,
        expanded: bool,
        scroll: u16,
    },
    /// The project interview: the question on screen (`question == questions.len()` is the summary),
    /// the highlighted answer, and each question's chosen answer so far.
    Interview {
        question: usize,
        highlighted: usize,
        chosen: Vec<Option<usize>>,
    },
    /// The team's members, `selected` among them.
    Team {
        selected: usize,
    },
    /// Pairwise weighting of the categories: the pair on screen (`pair == pairs` is the summary) and each
    /// pair's judgement so far, from -8 (the second much more) through 0 (equal) to 8 (the first much
    /// more); `None` not judged yet.
    Pairwise {
        pair: usize,
        judged: Vec<Option<i8>>,
    },
    /// The sensitivity view; `selected` is a row of its table, in the order of
    /// [`crate::explorer::view::sensitivity_order`].
    Sensitivity {
        selected: usize,
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
    /// A file to write a document to.
    Export(Document),
}

/// What `e` and `E` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The markdown report, as `versus report --format markdown` prints it.
    Report,
    /// The decision record, as `versus report --format madr` prints it.
    Record,
}

/// What a yes/no question decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// `q` with weights that no saved profile holds: they would be lost.
    QuitUnsaved,
    OverwriteProfile(String),
    DeleteProfile(String),
    OverwriteFile {
        path: String,
        document: Document,
    },
}

/// A message on the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    /// For a problem, the word the status line puts first: "error", or "warning" for one that stopped
    /// nothing (a file set aside, a weight file for an edited dataset); `None` for a plain message.
    pub problem: Option<&'static str>,
}

impl Status {
    /// A message on one line, cleaned of control characters (it may quote the user's input).
    #[must_use]
    pub(crate) fn info(text: impl Into<String>) -> Self {
        Self { text: sanitize::line(&text.into()), problem: None }
    }

    #[must_use]
    pub fn error(text: impl Into<String>) -> Self {
        Self { problem: Some("error"), ..Self::info(text) }
    }

    /// A problem that stopped nothing: versus goes on, and says what it did instead.
    #[must_use]
    pub fn warning(text: impl Into<String>) -> Self {
        Self { problem: Some("warning"), ..Self::info(text) }
    }

    /// Whether it reports a problem (drawn as one).
    #[must_use]
    pub fn is_problem(&self) -> bool {
        self.problem.is_some()
    }
}

pub struct App {
    dataset: Dataset,
    weights: weights::Weights,
    list: list::List,
    panes: panes::Panes,
    overlay: Overlay,
    status: Option<Status>,
    /// The terminal's size, which decides the layout.
    size: Size,
    keymap: Keymap,
    mouse: bool,
    data_path: Option<String>,
    /// The dimension whose slider the pointer pressed, while the button is down.
    dragging: Option<usize>,
    /// The overlay help was opened from, to go back to when it closes.
    help_return: Option<Overlay>,
    /// Problems with the user's files, in full, for help.
    problems: Vec<String>,
    /// The claims audit shows only this verdict's claims (`v`).
    claims_filter: Option<Verdict>,
    /// Effects asked for during the current update.
    effects: Vec<Effect>,
    confirm_quit: bool,
    /// What pairwise weighting compares (set as it opens).
    compared: Compared,
    /// The team `--team` loaded, if any.
    team: Option<Team>,
    /// The detail header's row count for (selected, width, weights, members counted): see [`Self::screen`].
    header_rows: std::cell::RefCell<Option<(HeaderKey, usize)>>,
}

type HeaderKey = (usize, u16, Vec<u8>, Vec<bool>);

/// What pairwise weighting compares: the categories (each dimension then gets its category's share,
/// split as the weights now split it), or up to [`MAX_ITEMS`](crate::engine::pairwise::MAX_ITEMS) dimensions
/// chosen in the sensitivity view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared {
    /// As shown: category names, or dimension names.
    pub names: Vec<String>,
    /// As the engine takes them: category names, or dimension ids.
    items: Vec<String>,
    pub categories: bool,
}

impl Compared {
    /// The dataset's categories, in order of first appearance (the first `MAX_ITEMS`).
    /// The first categories, and how many the dataset has in all.
    fn categories(dataset: &Dataset) -> (Self, usize) {
        let all = dataset.categories();
        let names: Vec<String> = all.iter().take(crate::engine::pairwise::MAX_ITEMS).map(|&c| c.to_owned()).collect();
        (Self { items: names.clone(), names, categories: true }, all.len())
    }

    /// The dimensions `chosen` (indexes), in that order.
    fn dimensions(dataset: &Dataset, chosen: &[usize]) -> Self {
        let names = chosen.iter().map(|&d| dataset.dimensions[d].name.clone()).collect();
        let items = chosen.iter().map(|&d| dataset.dimensions[d].id.clone()).collect();
        Self { names, items, categories: false }
    }
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
        } = startup;
        Self {
            team: Team::new(&dataset, team, team_files),
            header_rows: std::cell::RefCell::new(None),
            // Set as pairwise weighting opens: nothing to work out at start.
            compared: Compared::default(),
            weights: weights::Weights::new(&dataset, weighting, profiles),
            list: list::List::new(&dataset),
            panes: panes::Panes::new(dataset.options.len()),
            dataset,
            overlay: Overlay::None,
            status,
            size: Size::default(),
            keymap,
            mouse,
            data_path,
            dragging: None,
            help_return: None,
            problems,
            claims_filter: None,
            effects: Vec::new(),
            confirm_quit,
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
        &self.weights.weighting().weights
    }

    /// Scores, recommendation, why and flips for the weights in force.
    #[must_use]
    pub fn evaluation(&self) -> &Evaluation {
        self.weights.evaluation()
    }

    /// The rating flips for the current weights (computed once per weighting, when first asked).
    #[must_use]
    pub fn rating_flips(&self) -> &[RatingFlip] {
        self.weights.rating_flips(&self.dataset)
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

    /// Opens pairwise weighting over `compared`, which needs two items at least.
    pub(super) fn open_pairwise(&mut self, compared: Compared) {
        if compared.names.len() < 2 {
            let what = if compared.categories { "categories" } else { "dimensions" };
            self.set_status(Status::error(format!("pairwise weighting needs at least two {what}")));
            return;
        }
        self.compared = compared;
        let pairs = self.pairwise_pairs().len();
        self.overlay = Overlay::Pairwise { pair: 0, judged: vec![None; pairs] };
    }

    /// What pairwise weighting compares, or last compared.
    #[must_use]
    pub fn compared(&self) -> &Compared {
        &self.compared
    }

    /// Every pair of what pairwise weighting compares, each once: (first, second) as indexes of
    /// [`Compared::names`].
    #[must_use]
    pub fn pairwise_pairs(&self) -> Vec<(usize, usize)> {
        let n = self.compared.names.len();
        (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
    }

    /// The judgements so far as the engine takes them (a pair not judged counts as equal), their
    /// priorities, and the weights they give over the weights now.
    #[must_use]
    pub fn pairwise_result(
        &self,
        judged: &[Option<i8>],
    ) -> (crate::engine::pairwise::Judged, crate::engine::pairwise::Priorities, Vec<u8>) {
        use crate::engine::pairwise::{Judged, Judgement, priorities, weights_from};
        let judgements: Vec<Judgement> = self
            .pairwise_pairs()
            .iter()
            .zip(judged)
            .filter_map(|(&(first, second), judgement)| {
                let v = (*judgement)?;
                let by = v.unsigned_abs().min(8) + 1;
                Some(if v >= 0 {
                    Judgement { more: first, less: second, by }
                } else {
                    Judgement { more: second, less: first, by }
                })
            })
            .collect();
        let items = self.compared.items.clone();
        let p = priorities(items.len(), &judgements);
        let judged = Judged { items, categories: self.compared.categories, judgements };
        let weights = weights_from(&self.dataset, self.weights(), &judged, &p);
        (judged, p, weights)
    }

    /// The weights the interview's answers in `chosen` give over the weights now.
    #[must_use]
    pub fn interview_weights(&self, chosen: &[Option<usize>]) -> Vec<u8> {
        let picks: Vec<(usize, usize)> = chosen.iter().enumerate().filter_map(|(q, a)| a.map(|a| (q, a))).collect();
        crate::engine::weights::interview_weights(&self.dataset, self.weights(), &picks)
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

    /// The preset picker's entries: the defaults, each preset, then each saved profile.
    #[must_use]
    pub fn picker_entries(&self) -> Vec<Origin> {
        let mut entries = self.weights.picker_entries(&self.dataset);
        // With a team, its median of the members counted, second after the defaults.
        if let Some(team) = &self.team {
            let weights = team.group().weights.clone();
            entries.insert(1, Origin::Team { counted: team.counted_flags().to_vec(), weights });
        }
        entries
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

    /// The keymap context the current state reads keys in.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::None => Context::Main,
            Overlay::Search => Context::Search,
            Overlay::Presets { .. } => Context::Presets,
            Overlay::Claims { .. } => Context::Claims,
            Overlay::Sensitivity { .. } => Context::Sensitivity,
            Overlay::Interview { .. } => Context::Interview,
            Overlay::Pairwise { .. } => Context::Pairwise,
            Overlay::Team { .. } => Context::Team,
            Overlay::Help { .. } => Context::Help,
            Overlay::Prompt { .. } => Context::Prompt,
            Overlay::Confirm { .. } => Context::Confirm,
        }
    }

    #[must_use]
    pub fn screen(&self) -> Screen {
        let sources = self.sources().len();
        let focused = self.focus() == Focus::Sources;
        let selected = self.selected();
        // The header's rows come from wrapping its text, which depends only on these: worked out once
        // for them, not on each of the several layouts a key press asks for.
        let header_rows = |width| {
            let key = (selected, width, self.weights().to_vec(), self.weights.counted().to_vec());
            if let Some((memo, rows)) = &*self.header_rows.borrow()
                && *memo == key
            {
                return *rows;
            }
            let weight = self.weights().get(selected).copied().unwrap_or(0);
            let team = self.team_line(selected);
            let theme = Theme::new(false);
            let rows =
                view::header_lines(&self.dataset, self.evaluation(), weight, selected, width, team.as_ref(), theme)
                    .len();
            *self.header_rows.borrow_mut() = Some((key, rows));
            rows
        };
        Screen::compute(self.size.width, self.size.height, self.dataset.options.len(), sources, focused, header_rows)
    }

    /// The whole screen's area.
    fn area(&self) -> Rect {
        Rect::from((ratatui::layout::Position::ORIGIN, self.size))
    }

    /// Applies `event`; returns whether to redraw and what the shell should do.
    pub fn update(&mut self, event: Event) -> Update {
        let redraw = match event {
            Event::Action(action) => {
                self.status = None;
                self.act(action);
                true
            }
            Event::Pointer(pointer) => self.point(pointer),
            Event::Resize(size) => {
                self.resize(size);
                true
            }
            Event::Paste(text) => self.paste(&text),
            Event::Outcome(outcome) => {
                self.report(outcome);
                true
            }
            Event::Tick => true,
        };
        self.sync_team();
        self.keep_in_view();
        let pending = !self.weights.refine(SAMPLING_PER_UPDATE);
        Update { redraw, effects: std::mem::take(&mut self.effects), pending }
    }

    /// Types pasted text (one line of it, cleaned) into the search or the prompt open, as far as it fits;
    /// whether anything changed.
    fn paste(&mut self, text: &str) -> bool {
        let text = sanitize::line(text);
        match &mut self.overlay {
            Overlay::Search => {
                let room = list::MAX_QUERY_CHARS.saturating_sub(self.list.query().chars().count());
                let query: String = self.list.query().chars().chain(text.chars().take(room)).collect();
                self.set_query(query);
                true
            }
            Overlay::Prompt { input, .. } => {
                let room = MAX_INPUT_CHARS.saturating_sub(input.chars().count());
                input.extend(text.chars().take(room));
                true
            }
            _ => false,
        }
    }

    fn set_status(&mut self, status: Status) {
        self.status = Some(status);
    }

    /// Takes the shell's word on an effect: a message for the status line, or a question to ask.
    fn report(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Done(message) => self.set_status(Status::info(message)),
            Outcome::Failed(message) => self.set_status(Status::error(message)),
            Outcome::FileExists { path, document } => {
                self.overlay = Overlay::Confirm { question: Question::OverwriteFile { path, document } };
            }
            Outcome::ProfileExists(name) => {
                self.overlay = Overlay::Confirm { question: Question::OverwriteProfile(name) };
            }
            // The in-memory list changes only once the file has: a failed save must not look saved.
            Outcome::ProfileSaved { name, weights, notes, message } => {
                self.weights.profile_saved(name, weights, notes);
                self.set_status(Status::info(message));
            }
            Outcome::ProfileDeleted { stored_name, message } => {
                self.weights.profile_deleted(&stored_name);
                self.set_status(Status::info(message));
            }
        }
    }

    fn resize(&mut self, size: Size) {
        self.size = size;
        // Scrolling clamps itself and a new selection starts at the top, so only a new size can leave a
        // pane scrolled past its end: re-wrap the panes here, not on every key.
        for pane in 0..self.panes.count() {
            let max = self.max_pane_scroll(pane);
            self.panes.clamp(pane, max);
        }
    }

    fn act(&mut self, action: Action) {
        match (&self.overlay, action) {
            // Asked whether to quit, a second quit key answers yes.
            (Overlay::Confirm { question: Question::QuitUnsaved }, Action::Quit) => self.effects.push(Effect::Quit),
            (_, Action::Quit) if self.would_lose_weights() => {
                self.overlay = Overlay::Confirm { question: Question::QuitUnsaved };
            }
            (_, Action::Quit) => self.effects.push(Effect::Quit),
            (_, Action::Suspend) => self.effects.push(Effect::Suspend),
            // Help from any overlay that binds it; closing help goes back there.
            (
                Overlay::Presets { .. }
                | Overlay::Claims { .. }
                | Overlay::Sensitivity { .. }
                | Overlay::Interview { .. }
                | Overlay::Pairwise { .. }
                | Overlay::Team { .. },
                Action::OpenHelp,
            ) => {
                self.help_return = Some(std::mem::replace(&mut self.overlay, Overlay::Help { scroll: 0 }));
            }
            (Overlay::None, action) => self.main_action(action),
            (Overlay::Search, action) => self.search_action(action),
            (Overlay::Presets { selected }, action) => self.presets_action(*selected, action),
            (Overlay::Claims { selected, expanded, scroll }, action) => {
                self.claims_action(*selected, *expanded, *scroll, action);
            }
            (Overlay::Sensitivity { selected }, action) => self.sensitivity_action(*selected, action),
            (Overlay::Team { selected }, action) => self.team_action(*selected, action),
            (Overlay::Pairwise { pair, judged }, action) => self.pairwise_action(*pair, judged.clone(), action),
            (Overlay::Interview { question, highlighted, chosen }, action) => {
                self.interview_action(*question, *highlighted, chosen.clone(), action);
            }
            (Overlay::Prompt { purpose, input }, action) => self.prompt_action(*purpose, input.clone(), action),
            (Overlay::Confirm { question }, action) => self.confirm_action(question.clone(), action),
            (Overlay::Help { scroll }, action) => self.help_action(*scroll, action),
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
                    self.keep_in_view();
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
            (_, Action::WeightDown | Action::WeightUp | Action::SetWeight(_) | Action::ToggleMute)
                if self.list.rows().is_empty() =>
            {
                self.set_status(Status::error("no dimension is listed: clear the filter with Esc"));
            }
            (_, Action::WeightDown) => self.weights.nudge(&self.dataset, self.list.selected(), -1),
            (_, Action::WeightUp) => self.weights.nudge(&self.dataset, self.list.selected(), 1),
            (_, Action::SetWeight(weight)) => self.weights.set(&self.dataset, self.list.selected(), weight),
            (_, Action::ToggleMute) => self.weights.toggle_mute(&self.dataset, self.list.selected()),
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
            (_, Action::Undo) => self.undo_or_redo(false),
            (_, Action::Redo) => self.undo_or_redo(true),
            (_, Action::SaveProfile) => {
                let input = self.weighting().origin.profile_name().unwrap_or_default().to_owned();
                self.overlay = Overlay::Prompt { purpose: Purpose::SaveProfile, input };
            }
            (_, Action::Export) => self.ask_export(Document::Report),
            (_, Action::ExportRecord) => self.ask_export(Document::Record),
            (_, Action::OpenTeam) if self.team.is_some() => self.overlay = Overlay::Team { selected: 0 },
            (_, Action::OpenTeam) => self.set_status(Status::error(
                "no team: start versus with --team FILE_OR_DIR... (weight files; see versus profile export)",
            )),
            (_, Action::Copy) => {
                let verdict = verdict_sentence(&self.dataset, &self.evaluation().recommendation);
                let command = self.command_line();
                // A path can hold anything a file name can; the clipboard gets one clean line.
                let text = sanitize::line(&format!("{verdict} Reproduce: {command}"));
                self.effects.push(Effect::Copy { text });
            }
            (_, Action::FocusNext) => self.panes.cycle_focus(1, !self.sources().is_empty()),
            (_, Action::FocusPrev) => self.panes.cycle_focus(-1, !self.sources().is_empty()),
            (_, Action::OpenSearch) => self.overlay = Overlay::Search,
            (_, Action::OpenPresets) => {
                self.overlay = Overlay::Presets { selected: self.picker_index() };
            }
            (_, Action::OpenClaims) if !self.dataset.claims.is_empty() => {
                self.claims_filter = None;
                self.overlay = Overlay::Claims { selected: 0, expanded: false, scroll: 0 };
            }
            (_, Action::OpenHelp) => self.overlay = Overlay::Help { scroll: 0 },
            (_, Action::OpenPairwise) => {
                let (categories, all) = Compared::categories(&self.dataset);
                if all > categories.names.len() {
                    let shown = categories.names.len();
                    self.set_status(Status::info(format!("comparing the first {shown} of {all} categories")));
                }
                self.open_pairwise(categories);
            }
            (_, Action::OpenInterview) if self.dataset.questions.is_empty() => {
                self.set_status(Status::error("this dataset has no interview questions"));
            }
            (_, Action::OpenInterview) => {
                let chosen = vec![None; self.dataset.questions.len()];
                self.overlay = Overlay::Interview { question: 0, highlighted: 0, chosen };
            }
            (_, Action::OpenSensitivity) => {
                // Open on the selected dimension's row.
                let order = view::sensitivity_order(&self.dataset, self.evaluation());
                let selected = order.iter().position(|&d| d == self.selected()).unwrap_or(0);
                self.overlay = Overlay::Sensitivity { selected };
            }
            (_, Action::Back) => self.set_query(String::new()),
            _ => {}
        }
    }

    /// Whether quitting now would lose weights: modified, held by no saved profile, and the user asked to
    /// be asked.
    fn would_lose_weights(&self) -> bool {
        self.confirm_quit
            && self.weighting().is_modified(&self.dataset)
            && !self.profiles().iter().any(|profile| profile.weights == self.weights())
    }

    /// A change of the weights in words: "the weight of CPU-bound pure code (now 5)".
    fn change_words(&self, change: &weights::Change) -> String {
        let name = |d: usize| &self.dataset.dimensions[d].name;
        match change {
            weights::Change::Weight(d) => format!("the weight of {} (now {})", name(*d), self.weights()[*d]),
            weights::Change::Mute(d) => format!("the mute of {} (now {})", name(*d), self.weights()[*d]),
            weights::Change::Origin(what) => what.clone(),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let moved = self.list.move_selection(delta);
        self.dimension_changed(moved);
    }

    fn select(&mut self, dimension: usize) {
        let moved = self.list.select(dimension);
        self.dimension_changed(moved);
    }

    fn set_query(&mut self, query: String) {
        let moved = self.list.set_query(query);
        self.dimension_changed(moved);
    }

    /// After the list changed (`changed`): the panes start at the top of the dimension now selected,
    /// and lose the sources' focus if it cites none. Every change of the list goes through here.
    pub(super) fn dimension_changed(&mut self, changed: bool) {
        if changed {
            self.panes.scroll_to_top(!self.sources().is_empty());
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

    /// The claims the audit lists: every one, or those of the verdict `v` filters on (indexes into the
    /// dataset's claims).
    #[must_use]
    pub fn listed_claims(&self) -> Vec<usize> {
        let claims = &self.dataset.claims;
        (0..claims.len()).filter(|&c| self.claims_filter.is_none_or(|v| claims[c].verdict == v)).collect()
    }

    /// Problems with the user's files, as help shows them.
    #[must_use]
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The verdict the claims audit filters on, if any.
    #[must_use]
    pub fn claims_filter(&self) -> Option<Verdict> {
        self.claims_filter
    }

    /// The export prompt's starting file name: the dataset's first four title words, and the preset if
    /// one is applied ("versus-node-js-vs-python-ml-api.md"), so that exports of different
    /// comparisons do not share a name.
    /// The prompt for the file to write `document` to, with a name to start from.
    fn ask_export(&mut self, document: Document) {
        let input = self.export_name(document);
        self.overlay = Overlay::Prompt { purpose: Purpose::Export(document), input };
    }

    /// `versus-node-js-vs-python[-PRESET].md` for the report, `...-decision.md` for the record.
    fn export_name(&self, document: Document) -> String {
        let title = self.dataset.meta.title.to_lowercase();
        let words: Vec<&str> =
            title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(4).collect();
        let mut name = format!("versus-{}", words.join("-"));
        if let Some(id) = self.weighting().origin.preset_id(&self.dataset) {
            name.push('-');
            name.push_str(id);
        }
        if document == Document::Record {
            name.push_str("-decision");
        }
        name.push_str(".md");
        name
    }

    /// What the team weighs dimension `d`: each member's weight (those left out in brackets), the
    /// median of those counted and their spread.
    #[must_use]
    pub(crate) fn team_line(&self, d: usize) -> Option<view::TeamLine> {
        let team = self.team.as_ref()?;
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
        let spread = if disputed { format!(" ({low}-{high}, disputed)") } else { String::new() };
        // The median first: with many members the names wrap, and the header has four rows at most.
        let text = format!("team median {}{spread}: {}", group.weights[d], members.join(" · "));
        Some(view::TeamLine { text, disputed })
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

    /// The team counts whom the weights' state says (leaving a member out, undo, redo and the picker all
    /// change that state); nothing is recomputed when it has not changed.
    fn sync_team(&mut self) {
        if let Some(team) = &mut self.team {
            team.set_counted(&self.dataset, self.weights.counted());
        }
    }

    /// Where the current origin stands in [`Self::picker_entries`] (a profile by its name: its weights
    /// may have been saved again since).
    fn picker_index(&self) -> usize {
        let current = &self.weighting().origin;
        let same = |entry: &Origin| match (entry, current) {
            (Origin::Profile { name, .. }, Origin::Profile { name: now, .. }) => name == now,
            (Origin::Team { .. }, Origin::Team { .. }) => true,
            (entry, current) => entry == current,
        };
        self.picker_entries().iter().position(same).unwrap_or(0)
    }

    /// The interview answers the weights came from (`QUESTION=ANSWER`), if they did.
    #[must_use]
    pub fn interview_answers(&self) -> &[String] {
        self.weights.answers()
    }

    /// The team `--team` loaded, if any.
    #[must_use]
    pub fn team(&self) -> Option<&Team> {
        self.team.as_ref()
    }

    /// The command that reproduces the weights in force: with a team, the files of the members counted
    /// and the weights moved from their median; else the weights themselves.
    #[must_use]
    pub fn command_line(&self) -> String {
        match &self.team {
            Some(team) => {
                let mut line = report_command(self.data_path.as_deref());
                line.push_str(" --team");
                for (_, file) in team.files().iter().enumerate().filter(|&(i, _)| team.counts(i)) {
                    let _ = write!(line, " {}", shell_quote(file));
                }
                self.weighting().push_overrides(&mut line, &self.dataset, &team.group().weights);
                line
            }
            _ => self.weighting().command_line(&self.dataset, self.data_path.as_deref()),
        }
    }

    /// The selected dimension's sources (none when a filter lists no dimension).
    pub(super) fn sources(&self) -> &[crate::engine::data::Source] {
        match self.dataset.dimensions.get(self.selected()) {
            Some(dimension) if !self.list.rows().is_empty() => &dimension.sources,
            _ => &[],
        }
    }

    /// The selected source's index among [`Self::sources`].
    #[must_use]
    pub fn selected_source(&self) -> usize {
        self.panes.source()
    }

    fn scroll_pane(&mut self, pane: usize, delta: isize) {
        let max = self.max_pane_scroll(pane);
        self.panes.scroll_by(pane, delta, max);
    }

    /// How far pane `pane` can scroll: its content's height less the visible height.
    fn max_pane_scroll(&self, pane: usize) -> u16 {
        let Screen::Main(regions) = self.screen() else { return 0 };
        let area = inner(regions.panes[pane]);
        let lines = view::pane_lines(&self.dataset, self.selected(), pane, area.width, Theme::new(false)).len();
        (lines as u16).saturating_sub(area.height)
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
        if let Screen::Main(regions) = self.screen() {
            self.list.keep_in_view(usize::from(regions.list_inner().height.max(1)));
        }
    }

    /// How far the help text scrolls: its length less the pop-up's inside height.
    fn max_help_scroll(&self) -> u16 {
        let width = layout::help_inner_width(self.area());
        let lines =
            view::help_lines(&self.dataset.meta, &self.problems, &self.keymap, self.mouse, width, Theme::new(false))
                .len();
        let rect = layout::help(self.area(), lines);
        (lines as u16).saturating_sub(rect.height.saturating_sub(2))
    }
}
