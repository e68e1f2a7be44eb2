//! The only code that touches the terminal: raw mode and the alternate screen, their restoration on
//! every way out (normal exit, error, panic, every terminating signal it can catch, the terminal
//! closing), suspend and resume (Ctrl-Z, or a stop from outside), and the event loop. The loop blocks
//! until something happens, so an idle explorer costs nothing.

use std::io::{self, IsTerminal, Stdout, Write};
use std::mem::ManuallyDrop;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
};
use signal_hook::iterator::Signals;

use crate::explorer::app::{App, Effect, Event as AppEvent};
use crate::explorer::theme::Theme;
use crate::explorer::{input, ui};
use crate::shell::effects;

/// The signals whose default action ends the process and that can be caught: each ends the explorer
/// with the terminal restored.
const ENDING_SIGNALS: [i32; 10] =
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU];

/// What wakes the loop.
enum Wake {
    Input(Event),
    /// The terminal went away (reading failed): there is no one left to draw for.
    InputClosed,
    Signal(i32),
    /// No input waits while analysis is pending: a turn for it.
    Tick,
}

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal ended it; the conventional exit status is 128 + the signal number.
    Signal(i32),
    /// The terminal closed under it.
    Hangup,
}

impl Ending {
    #[must_use]
    pub fn exit_code(self) -> u8 {
        match self {
            Self::Quit => 0,
            Self::Signal(signal) => (128 + signal) as u8,
            Self::Hangup => (128 + SIGHUP) as u8,
        }
    }
}

/// The width of the terminal standard output goes to, or `None` when it goes to a file or a pipe
/// (where lines are printed whole).
#[must_use]
pub fn stdout_width() -> Option<usize> {
    let columns = io::stdout().is_terminal().then(|| ratatui::crossterm::terminal::size().ok()).flatten()?.0;
    Some(usize::from(columns).max(20))
}

/// Runs the explorer on the terminal until the user quits or a signal or hangup ends it, capturing the
/// mouse if the app has it. Profiles are saved in `config_dir`.
pub fn run(mut app: App, theme: Theme, config_dir: Option<&Path>) -> io::Result<Ending> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the explorer needs a terminal; for scripts use `versus report` (see `versus --help`)",
        ));
    }
    // A dumb terminal (or none named) cannot move the cursor: the screen would be a scroll of frames.
    let term = std::env::var("TERM").unwrap_or_default();
    if term.is_empty() || term == "dumb" {
        let shown = if term.is_empty() { "unset".to_owned() } else { format!("`{term}`") };
        return Err(io::Error::other(format!(
            "the explorer needs a terminal that can draw a full screen (TERM is {shown}); for scripts use `versus report`"
        )));
    }
    let mouse = app.mouse();
    let (rx, ending_signal) = wakers()?;

    // A terminal that closes before the first frame is drawn is a hangup too, not an error.
    let gone = |e: &io::Error| e.raw_os_error() == Some(libc::EIO) || e.kind() == io::ErrorKind::BrokenPipe;
    let guard = match Guard::enter(mouse) {
        Err(e) if gone(&e) => return Ok(Ending::Hangup),
        entered => entered?,
    };
    install_panic_hook(mouse);
    // Never dropped: its drop shows the cursor and prints an error when it cannot, which panics (and
    // aborts) once the terminal has gone. The guard restores the cursor.
    let mut terminal = ManuallyDrop::new(Terminal::new(CrosstermBackend::new(io::stdout()))?);
    let size = match terminal.size() {
        Err(e) if gone(&e) => return Ok(Ending::Hangup),
        size => size?,
    };
    let mut pending = app.update(AppEvent::Resize(size)).pending;
    match terminal.draw(|f| ui::render(f, &app, theme)) {
        Err(e) if gone(&e) => return Ok(Ending::Hangup),
        drawn => drawn.map(|_| ())?,
    }

    let ending = 'events: loop {
        // While analysis is under way it goes on between events; once it is done the loop blocks.
        let wake = if pending {
            match rx.try_recv() {
                Ok(wake) => wake,
                Err(mpsc::TryRecvError::Empty) => Wake::Tick,
                Err(mpsc::TryRecvError::Disconnected) => break Ending::Hangup,
            }
        } else {
            let Ok(wake) = rx.recv() else { break Ending::Hangup };
            wake
        };
        match ending_signal.load(Ordering::SeqCst) {
            0 => {}
            SIGHUP => break Ending::Hangup,
            signal => break Ending::Signal(signal),
        }
        let mut redraw = false;
        let event = match wake {
            Wake::Input(input) => {
                if matches!(input, Event::Resize(..)) && terminal.autoresize().is_err() {
                    break Ending::Hangup;
                }
                input::event(&app, &input)
            }
            Wake::InputClosed => break Ending::Hangup,
            Wake::Tick => Some(AppEvent::Tick),
            Wake::Signal(SIGTSTP) => {
                // Stopped from outside (`kill -TSTP`): give the terminal back first, as Ctrl-Z does. The
                // terminal may have been resized meanwhile: lay out again for its size now.
                let size = suspend(&mut terminal, mouse)?;
                redraw = true;
                Some(AppEvent::Resize(size))
            }
            Wake::Signal(SIGCONT) => {
                // Resumed after someone else stopped us (`kill -STOP` cannot be caught): the shell has
                // had the terminal and left it cooked, whatever crossterm believes, so take it back.
                let _ = disable_raw_mode();
                Guard::setup(mouse)?;
                // No resize event reaches a stopped process: lay out again for the size now.
                let size = redraw_from_scratch(&mut terminal)?;
                redraw = true;
                Some(AppEvent::Resize(size))
            }
            Wake::Signal(_) => continue,
        };
        // An effect's outcome is an event of its own, which may ask for more.
        let mut events = Vec::from_iter(event);
        while let Some(event) = events.pop() {
            let update = app.update(event);
            redraw |= update.redraw;
            pending = update.pending;
            for effect in update.effects {
                match effect {
                    Effect::Quit => break 'events Ending::Quit,
                    Effect::Suspend => {
                        let size = suspend(&mut terminal, mouse)?;
                        events.push(AppEvent::Resize(size));
                    }
                    effect => {
                        let outcome = effects::perform(effect, config_dir, &mut io::stdout());
                        events.extend(outcome.map(AppEvent::Outcome));
                    }
                }
            }
        }
        // Drawing fails only when the terminal is gone.
        if redraw && terminal.draw(|f| ui::render(f, &app, theme)).is_err() {
            break Ending::Hangup;
        }
    };
    drop(guard);
    Ok(ending)
}

/// The threads that wake the loop: one for signals (which also notes a terminating one at once, so it is
/// seen before the next event however many wait in the queue), one for terminal input.
fn wakers() -> io::Result<(mpsc::Receiver<Wake>, Arc<AtomicI32>)> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new(ENDING_SIGNALS.iter().chain(&[SIGCONT, SIGTSTP]))?;
    let ending_signal = Arc::new(AtomicI32::new(0));
    let (signal_tx, seen) = (tx.clone(), Arc::clone(&ending_signal));
    thread::spawn(move || {
        for signal in signals.forever() {
            if ENDING_SIGNALS.contains(&signal) {
                seen.store(signal, Ordering::SeqCst);
            }
            if signal_tx.send(Wake::Signal(signal)).is_err() {
                break;
            }
        }
    });
    thread::spawn(move || {
        loop {
            let wake = event::read().map_or(Wake::InputClosed, Wake::Input);
            let closed = matches!(wake, Wake::InputClosed);
            if tx.send(wake).is_err() || closed {
                break;
            }
        }
    });
    Ok((rx, ending_signal))
}

/// Gives the terminal back to the shell, stops the process as Ctrl-Z would have, and on resume takes
/// the terminal again and redraws everything (the shell has drawn over it); returns the terminal's size
/// now, which may have changed while the process was stopped.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> io::Result<ratatui::layout::Size> {
    restore(mouse);
    // SIGSTOP, not SIGTSTP: versus catches SIGTSTP (to restore the terminal when stopped from outside),
    // and the shell treats either stop the same way.
    signal_hook::low_level::raise(SIGSTOP)?;
    Guard::setup(mouse)?;
    redraw_from_scratch(terminal)
}

/// Clears the screen and forgets what ratatui believes is on it, so the next draw paints every cell.
/// (`Terminal::clear` would also ask the terminal for the cursor position, a reply that the input thread
/// would swallow, stalling the redraw until the next key.)
fn redraw_from_scratch(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<ratatui::layout::Size> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(size)
}

/// Holds the terminal in raw mode on the alternate screen; dropping it restores the terminal, so an
/// early return with an error restores it too.
struct Guard {
    mouse: bool,
}

impl Guard {
    fn enter(mouse: bool) -> io::Result<Self> {
        let guard = Self { mouse };
        Self::setup(mouse)?;
        Ok(guard)
    }

    fn setup(mouse: bool) -> io::Result<()> {
        enable_raw_mode()?;
        let mut out = io::stdout();
        // Bracketed paste: a paste arrives as one event, not as thousands of key presses.
        execute!(out, EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Leaves raw mode, the alternate screen and mouse capture, and shows the cursor. Errors are ignored:
/// after a hangup there is no terminal to restore, and nothing better to do.
fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// On panic, restore the terminal first so the message is readable and the shell usable.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}
