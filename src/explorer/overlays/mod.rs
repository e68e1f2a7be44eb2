//! The pop-ups over the main view, one module each. A module owns its overlay's state, what it does with
//! an action and a pointer event, its area on screen, the lines it shows (the same builders drawing and
//! scrolling use) and its drawing; it reaches the rest of the explorer only through the borrowed
//! [`Ctx`] (to change it) and [`Seen`] (to draw it), and never through another overlay's module.
//!
//! Adding an overlay: its module, a variant in [`Overlay`] (with its arm in `each_room!`, and in
//! [`Overlay::open`] for the key that opens it), and its rows in the keymap.

pub mod claims;
pub mod confirm;
pub mod help;
pub mod interview;
pub mod pairwise;
pub mod presets;
pub mod prompt;
pub mod record;
pub mod search;
pub mod sensitivity;
pub mod team;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use unicode_width::UnicodeWidthStr;

use crate::engine::data::{Dataset, Source};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::profiles::{Notes, StoredProfile};
use crate::engine::report::verdict_sentence;
use crate::engine::robustness::{DEFAULT_SAMPLES, DEFAULT_SEED, robustness_over};
use crate::engine::score::recommend_with;
use crate::engine::text::{fit, pluralize, wrap};
use crate::engine::weights::changes;
use crate::explorer::keymap::{Action, Context, Keymap};
use crate::explorer::state::list::List;
use crate::explorer::state::panes::Panes;
use crate::explorer::state::weights::{Answered, Weights};
use crate::explorer::state::{Document, Effect, Export, Pointer, Status};
use crate::explorer::theme::Theme;

pub use confirm::Confirm;
pub use prompt::Prompt;

/// Rows a page key moves in the overlays' lists.
pub(crate) const PAGE: usize = 10;

/// What sits on top of the main view: nothing, or one overlay's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Overlay {
    #[default]
    None,
    Search(search::Search),
    Presets(presets::Presets),
    Claims(claims::Claims),
    Sensitivity(sensitivity::Sensitivity),
    Interview(interview::Interview),
    Pairwise(pairwise::Pairwise),
    Team(team::TeamList),
    Help(help::Help),
    Prompt(Prompt),
    Record(record::RecordDialog),
    Confirm(Confirm),
}

/// What an overlay does. The explorer calls it through [`Overlay`], with the context it lends.
pub(crate) trait Room {
    /// The keymap context its keys are read in.
    fn context(&self) -> Context;
    /// Handles `action`; what comes next.
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next;
    /// Handles a pointer event; whether anything changed.
    fn point(&mut self, _pointer: Pointer, _ctx: &mut Ctx) -> bool {
        false
    }
    /// Takes pasted text (one clean line); whether anything changed.
    fn paste(&mut self, _text: &str, _ctx: &mut Ctx) -> bool {
        false
    }
    /// Whether it covers the main view, which then gets no pointer events (the search does not).
    fn covers(&self) -> bool {
        true
    }
    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme);
}

/// What follows an overlay's action.
#[derive(Debug)]
pub(crate) enum Next {
    Stay,
    Close,
    /// Close, and open another overlay in its place.
    Open(Request),
}

/// An overlay one overlay opens in its place, by what it is for (so that no overlay names another's
/// module).
#[derive(Debug)]
pub(crate) enum Request {
    Confirm(Confirmation),
    Prompt(Purpose, String),
    /// Pairwise weighting of these dimensions.
    Pairwise(Vec<usize>),
}

/// What a yes/no question decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// `q` with weights that no saved profile holds: they would be lost.
    QuitUnsaved,
    OverwriteProfile(String),
    DeleteProfile(String),
    /// The export's file exists.
    OverwriteFile(Export),
}

/// What a text prompt's answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A name to save the weights under.
    SaveProfile,
    /// A file to write `document`, whose finished `text` it carries, to.
    Export { document: Document, text: String },
    /// The lowest rating `dimension` may have (a must-have); empty or 0 clears it.
    Require { dimension: usize },
}

/// What an overlay may change of the rest of the explorer while it handles an event.
pub(crate) struct Ctx<'a> {
    pub dataset: &'a Dataset,
    pub weights: &'a mut Weights,
    pub list: &'a mut List,
    pub panes: &'a mut Panes,
    pub status: &'a mut Option<Status>,
    pub effects: &'a mut Vec<Effect>,
    /// The whole screen.
    pub area: Rect,
    pub keymap: &'a Keymap,
    /// Problems with the user's files, in full, for help.
    pub problems: &'a [Diagnostic],
    /// The latest status message, for help to show in full.
    pub last_status: Option<&'a Status>,
    pub mouse: bool,
}

/// What an overlay reads of the rest of the explorer while it draws.
pub(crate) struct Seen<'a> {
    pub dataset: &'a Dataset,
    pub weights: &'a Weights,
    pub keymap: &'a Keymap,
    pub problems: &'a [Diagnostic],
    pub last_status: Option<&'a Status>,
    /// The dimension selected in the list, if one is listed.
    pub selected: Option<usize>,
    pub mouse: bool,
}

impl Ctx<'_> {
    pub(crate) fn set_status(&mut self, status: Status) {
        *self.status = Some(status);
    }

    pub(crate) fn emit(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// A read-only view of the same state.
    pub(crate) fn seen(&self) -> Seen<'_> {
        Seen {
            dataset: self.dataset,
            weights: self.weights,
            keymap: self.keymap,
            problems: self.problems,
            last_status: self.last_status,
            selected: (!self.list.rows().is_empty()).then(|| self.list.selected()),
            mouse: self.mouse,
        }
    }

    /// The selected dimension's sources (none when a filter lists no dimension).
    pub(crate) fn sources(&self) -> &[Source] {
        match self.dataset.dimensions.get(self.list.selected()) {
            Some(dimension) if !self.list.rows().is_empty() => &dimension.sources,
            _ => &[],
        }
    }

    /// After the list changed (`changed`): the panes start at the top of the dimension now selected,
    /// and lose the sources' focus if it cites none. Every change of the list goes through here.
    pub(crate) fn dimension_changed(&mut self, changed: bool) {
        if changed {
            let has_sources = !self.sources().is_empty();
            self.panes.scroll_to_top(has_sources);
        }
    }

    pub(crate) fn move_selection(&mut self, delta: isize) {
        let moved = self.list.move_selection(delta);
        self.dimension_changed(moved);
    }

    pub(crate) fn select(&mut self, dimension: usize) {
        let moved = self.list.select(dimension);
        self.dimension_changed(moved);
    }

    pub(crate) fn set_query(&mut self, query: String) {
        let moved = self.list.set_query(query);
        self.dimension_changed(moved);
    }

    /// Asks the shell to store the weights as profile `name`; the picker lists it once that succeeded.
    pub(crate) fn save_profile(&mut self, name: &str, replace: bool) {
        let weights = self.weights.weights().to_vec();
        // A profile replaced keeps its note (the explorer has no way to write one); the answers are
        // those the weights came from now.
        let note = self.weights.profile(name).and_then(|p| p.notes.note.clone());
        let requirements = self.weights.weighting().requirements.clone();
        let notes = Notes { note, answers: self.weights.answers().to_vec(), requirements };
        let profile = StoredProfile::new(self.dataset, name, &weights, &notes);
        self.emit(Effect::SaveProfile { profile, replace });
    }

    /// Ends a weighting overlay by applying the `weights` it derived, named `what`, as one undoable step;
    /// `answers` are the interview's, if they came from it.
    pub(crate) fn apply_proposal(&mut self, weights: Vec<u8>, what: &str, answered: Answered) {
        self.weights.set_all(self.dataset, weights, what.to_owned(), answered);
        self.set_status(Status::info(format!("applied {what}; u undoes")));
    }

    /// Ends a weighting overlay, `what`, changing nothing.
    pub(crate) fn leave(&mut self, what: &str) {
        self.set_status(Status::info(format!("{what} left; nothing changed")));
    }

    /// Selects `dimension` in the list, dropping the filter if it hides it.
    pub(crate) fn go_to(&mut self, dimension: usize) {
        if !self.list.is_listed(dimension) {
            self.set_query(String::new());
        }
        self.select(dimension);
    }
}

/// The open overlay's state as a [`Room`], shared or mutable as `$overlay` is; `None` for the main view.
/// Each overlay's one arm: adding an overlay adds it here.
macro_rules! each_room {
    ($overlay:expr) => {
        Some(match $overlay {
            Self::None => return None,
            Self::Search(room) => room,
            Self::Presets(room) => room,
            Self::Claims(room) => room,
            Self::Sensitivity(room) => room,
            Self::Interview(room) => room,
            Self::Pairwise(room) => room,
            Self::Team(room) => room,
            Self::Help(room) => room,
            Self::Prompt(room) => room,
            Self::Record(room) => room,
            Self::Confirm(room) => room,
        })
    };
}

impl Overlay {
    fn room(&self) -> Option<&dyn Room> {
        each_room!(self)
    }

    fn room_mut(&mut self) -> Option<&mut dyn Room> {
        each_room!(self)
    }

    /// The keymap context keys are read in: the open overlay's, else the main view's.
    #[must_use]
    pub fn context(&self) -> Context {
        self.room().map_or(Context::Main, Room::context)
    }

    /// Whether an overlay is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.room().is_some()
    }

    /// The overlay a main-view `action` opens, if it opens one (a message instead where it cannot).
    pub(crate) fn open(action: Action, ctx: &mut Ctx) -> Option<Self> {
        match action {
            Action::OpenSearch => Some(Self::Search(search::Search)),
            Action::OpenPresets => Some(Self::Presets(presets::Presets::open(ctx))),
            Action::OpenClaims => claims::Claims::open(ctx).map(Self::Claims),
            Action::OpenSensitivity => Some(Self::Sensitivity(sensitivity::Sensitivity::open(ctx))),
            Action::OpenInterview => interview::Interview::open(ctx).map(Self::Interview),
            Action::OpenPairwise => pairwise::Pairwise::categories(ctx).map(Self::Pairwise),
            Action::OpenTeam => team::TeamList::open(ctx).map(Self::Team),
            Action::OpenHelp => Some(Self::Help(help::Help::over(Self::None, ctx))),
            _ => None,
        }
    }

    /// Lets the open overlay handle `action` (help opens over it, to come back to); what is open after.
    pub(crate) fn act(self, action: Action, ctx: &mut Ctx) -> Self {
        let mut overlay = self;
        if action == Action::OpenHelp && !matches!(overlay, Self::Help(_)) {
            return Self::Help(help::Help::over(overlay, ctx));
        }
        let Some(room) = overlay.room_mut() else { return overlay };
        match room.act(action, ctx) {
            Next::Stay => overlay,
            Next::Close => match overlay {
                // Closing help goes back to what it was opened over.
                Self::Help(help) => help.back(),
                _ => Self::None,
            },
            Next::Open(request) => Self::requested(request, ctx),
        }
    }

    fn requested(request: Request, ctx: &mut Ctx) -> Self {
        match request {
            Request::Confirm(question) => Self::Confirm(Confirm { question }),
            Request::Prompt(purpose, input) => Self::Prompt(Prompt::new(purpose, input)),
            Request::Pairwise(dimensions) => {
                pairwise::Pairwise::dimensions(ctx, &dimensions).map_or(Self::None, Self::Pairwise)
            }
        }
    }

    /// Lets the open overlay handle `pointer`: `None` when none covers the main view (which handles it
    /// then), else whether anything changed.
    pub(crate) fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> Option<bool> {
        let room = self.room_mut().filter(|room| room.covers())?;
        Some(room.point(pointer, ctx))
    }

    /// Types pasted text into the open overlay, if it takes text; whether anything changed.
    pub(crate) fn paste(&mut self, text: &str, ctx: &mut Ctx) -> bool {
        self.room_mut().is_some_and(|room| room.paste(text, ctx))
    }

    pub(crate) fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        if let Some(room) = self.room() {
            room.draw(frame, seen, theme);
        }
    }
}

/// The large pop-up (the claims audit, the sensitivity view, the interview, pairwise weighting): nearly
/// the whole screen, at most 120 columns wide.
#[must_use]
pub(crate) fn large(area: Rect) -> Rect {
    crate::explorer::layout::centred(area, area.width.saturating_sub(4).min(120), area.height.saturating_sub(2))
}

/// The large pop-up's inside, split into `top` rows and what is left below them, a row apart.
#[must_use]
pub(crate) fn large_split(area: Rect, top: impl FnOnce(u16) -> u16) -> (Rect, Rect) {
    let inside = crate::explorer::layout::inner(large(area));
    let top = top(inside.height).min(inside.height);
    let below = inside.height.saturating_sub(top + 1);
    (Rect { height: top, ..inside }, Rect { y: inside.y + top + 1, height: below, ..inside })
}

/// Draws an empty bordered pop-up and returns its inside.
pub(crate) fn popup(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.bold()));
    let inner = block.inner(area);
    // A column of blank each side, so that the screen underneath does not run up against the border.
    let screen = frame.area();
    let x = area.x.saturating_sub(1);
    let gutter = Rect::new(x, area.y, (area.right() + 1).min(screen.right()) - x, area.height);
    // A wide character just left of that would be drawn over it (the terminal gives it two columns), so
    // it goes too.
    if let Some(left) = gutter.x.checked_sub(1) {
        let buffer = frame.buffer_mut();
        for y in gutter.top()..gutter.bottom() {
            if buffer[(left, y)].symbol().width() > 1 {
                buffer[(left, y)].set_symbol(" ");
            }
        }
    }
    frame.render_widget(Clear, gutter);
    frame.render_widget(block, area);
    inner
}

/// The weights a weighting overlay (interview, pairwise) would set, worked out once as its summary opens:
/// the weights, those that differ from the weights now (dimension, now, then), and the verdict they give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub weights: Vec<u8>,
    changes: Vec<(usize, u8, u8)>,
    verdict: String,
}

impl Proposal {
    /// The proposal of `weights` over the weights in force `now`, whose must-haves they keep.
    pub(crate) fn new(dataset: &Dataset, now: &Weights, weights: Vec<u8>) -> Self {
        // Sampled once, as the summary opens: the same draws, so the same words, as the main view will give.
        let requirements = &now.weighting().requirements;
        let ranges = now.weight_ranges(&weights);
        let shares = robustness_over(dataset, &ranges, requirements, DEFAULT_SAMPLES, DEFAULT_SEED);
        let verdict = verdict_sentence(dataset, &recommend_with(dataset, &weights, requirements), &shares);
        Self { changes: changes(now.weights(), &weights), weights, verdict }
    }

    /// How many weights it changes.
    pub(crate) fn changed(&self) -> usize {
        self.changes.len()
    }

    /// The summary's end, in `rows` rows: the changes (as many as fit, from the `scroll`th, saying how
    /// many more lie above and below), the verdict, and `keys`, how to apply or leave.
    pub(crate) fn lines(
        &self,
        dataset: &Dataset,
        keys: &str,
        width: usize,
        rows: usize,
        scroll: usize,
        theme: Theme,
    ) -> Vec<Line<'static>> {
        let verdict = wrap(&format!("With them: {}", self.verdict), width);
        let keys = wrap(keys, width);
        let changed = &self.changes;
        let mut lines = Vec::new();
        if changed.is_empty() {
            lines.push(Line::raw("They change no weight."));
        } else {
            let heading = format!("They change {} (dimension, now -> then):", pluralize(changed.len(), "weight"));
            lines.push(Line::raw(fit(&heading, width)));
            // Room for the list once the heading, a blank line, the verdict and the keys have theirs.
            let room = rows.saturating_sub(2 + verdict.len() + keys.len()).max(1);
            let (first, shown, above, below) = window(changed.len(), scroll, room);
            if above > 0 {
                lines.push(Line::styled(format!("  ↑ {above} more above (k scrolls)"), theme.dim()));
            }
            for &(d, now, then) in &changed[first..first + shown] {
                lines.push(Line::raw(fit(&format!("  {} {now} -> {then}", dataset.dimensions[d].name), width)));
            }
            if below > 0 {
                lines.push(Line::styled(format!("  ↓ {below} more below (j scrolls)"), theme.dim()));
            }
        }
        lines.push(Line::default());
        lines.extend(verdict.into_iter().map(|l| Line::styled(l, theme.bold())));
        lines.extend(keys.into_iter().map(|l| Line::styled(l, theme.dim())));
        lines
    }
}

/// Which of `total` rows to show in `room` rows from about `scroll`, a row given to each "more" note
/// needed: (first, shown, above, below).
fn window(total: usize, scroll: usize, room: usize) -> (usize, usize, usize, usize) {
    if total <= room {
        return (0, total, 0, 0);
    }
    let room = room.max(2);
    // The last screenful needs a note above only; any other one note below, and above past the top.
    let last_first = total - (room - 1);
    let first = scroll.min(last_first);
    let above_note = usize::from(first > 0);
    let shown = if first == last_first { room - 1 } else { room - 1 - above_note };
    let shown = shown.max(1).min(total - first);
    (first, shown, first, total - first - shown)
}

/// The row a press inside `rows` landed on, if it is a press there.
pub(crate) fn pressed_row(pointer: Pointer, rows: Rect) -> Option<usize> {
    (pointer.kind == crate::explorer::state::PointerKind::Press && rows.contains((pointer.column, pointer.row).into()))
        .then(|| usize::from(pointer.row - rows.y))
}
