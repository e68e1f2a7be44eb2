//! How far long work has come, on one line of stderr: shown only when stderr is a terminal (never to a
//! pipe or a file, where it would be noise in a log), only once the work has taken about a second (short
//! work shows nothing), and cleared when the work ends, so that what follows starts on a clean line.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use crate::engine::report::thousands;

/// Work shorter than this shows no progress.
pub const SHOWN_AFTER: Duration = Duration::from_secs(1);
/// The line is redrawn at most this often.
const REDRAWN_EVERY: Duration = Duration::from_millis(100);
/// Moves to the start of the line and erases it.
const CLEAR: &str = "\r\x1b[K";

/// A progress line for `count` of `total` things done, e.g. "sampling 12,000 of 1,000,000 (1%)".
pub struct Progress<W: Write> {
    /// Where the line goes; `None` when that is not a terminal: then nothing is ever written.
    out: Option<W>,
    /// What is being done, the line's first word(s).
    doing: &'static str,
    started: Instant,
    /// When the line was last drawn; `None` while nothing is on the screen.
    drawn_at: Option<Instant>,
}

impl Progress<io::Stderr> {
    /// Progress on stderr if it is a terminal, starting now.
    #[must_use]
    pub fn stderr(doing: &'static str) -> Self {
        let stderr = io::stderr();
        let terminal = stderr.is_terminal();
        Self::new(stderr, terminal, doing, Instant::now())
    }
}

impl<W: Write> Progress<W> {
    /// Progress on `out`, which is written to only if it is a terminal, for work that began at `started`.
    pub fn new(out: W, terminal: bool, doing: &'static str, started: Instant) -> Self {
        Self { out: terminal.then_some(out), doing, started, drawn_at: None }
    }

    /// Says that `done` of `total` are done, now.
    pub fn update(&mut self, done: u32, total: u32) {
        self.update_at(Instant::now(), done, total);
    }

    /// Says that `done` of `total` are done at `now`: draws the line if the work has taken
    /// [`SHOWN_AFTER`] and the line was not drawn in the last [`REDRAWN_EVERY`]; a finished count is
    /// not drawn (the line is about to be cleared).
    pub fn update_at(&mut self, now: Instant, done: u32, total: u32) {
        let Some(out) = &mut self.out else { return };
        let recent = self.drawn_at.is_some_and(|at| now.saturating_duration_since(at) < REDRAWN_EVERY);
        if done >= total || now.saturating_duration_since(self.started) < SHOWN_AFTER || recent {
            return;
        }
        let percent = u64::from(done) * 100 / u64::from(total.max(1));
        // A terminal that fails to take the line loses only the line.
        let _ = write!(out, "{CLEAR}{} {} of {} ({percent}%)", self.doing, thousands(done), thousands(total));
        let _ = out.flush();
        self.drawn_at = Some(now);
    }

    /// Clears the line, if it was drawn. (Dropping the progress does the same.)
    pub fn finish(&mut self) {
        if let (Some(out), Some(_)) = (&mut self.out, self.drawn_at.take()) {
            let _ = write!(out, "{CLEAR}");
            let _ = out.flush();
        }
    }
}

impl<W: Write> Drop for Progress<W> {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives a progress over `terminal` through counts at the given milliseconds; what it wrote.
    fn written(terminal: bool, updates: &[(u64, u32)]) -> String {
        let mut out = Vec::new();
        let started = Instant::now();
        {
            let mut progress = Progress::new(&mut out, terminal, "sampling", started);
            for &(ms, done) in updates {
                progress.update_at(started + Duration::from_millis(ms), done, 1_000_000);
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn long_work_on_a_terminal_shows_a_line_then_clears_it() {
        let out = written(true, &[(500, 10_000), (1_200, 40_000), (1_250, 41_000), (1_400, 60_000)]);
        assert_eq!(out, "\r\x1b[Ksampling 40,000 of 1,000,000 (4%)\r\x1b[Ksampling 60,000 of 1,000,000 (6%)\r\x1b[K");
    }

    #[test]
    fn short_work_shows_nothing() {
        assert_eq!(written(true, &[(100, 500_000), (900, 1_000_000)]), "");
        // Finished just past the second: nothing drawn, nothing to clear.
        assert_eq!(written(true, &[(500, 500_000), (1_100, 1_000_000)]), "");
    }

    #[test]
    fn nothing_is_written_when_stderr_is_not_a_terminal() {
        let updates: Vec<(u64, u32)> = (0..100_u32).map(|i| (u64::from(i) * 100, i * 10_000)).collect();
        assert_eq!(written(false, &updates), "");
    }
}
