//! versus: an evidence-backed explorer for technology comparisons.
//!
//! The crate is four layers, each a folder, and each imports only the layers below it:
//!
//! - [`cli`]: the command line (clap) and one function per command. The binary only parses the
//!   arguments, calls [`cli::run`] and turns the result into an exit status.
//! - [`shell`]: the only code that touches the world: the terminal (raw mode, signals, the event loop),
//!   the effects the explorer asks for (save, export, clipboard), the config file, saved profiles and
//!   safe writes, the dataset cache, the user's directories.
//! - [`explorer`]: the explorer's pure core: the [`explorer::App`] state and its one way to change,
//!   `update`; input (key, mouse and resize events to actions), the keymap, the layout, the text
//!   builders that drawing and scrolling share, the theme, and `ui/`, which draws and changes nothing.
//!   It reads no file and touches no terminal.
//! - [`engine`]: pure and terminal-free: the dataset model and its checks, scoring, search, where
//!   weights come from, reports and listings. It knows nothing of ratatui, crossterm, clap or the
//!   filesystem.
//!
//! [`synthetic`] makes datasets of any size for tests, benchmarks and examples; the product never uses it.

// versus needs Unix: FIFOs and non-blocking opens, file modes, advisory locks, job-control signals.
#[cfg(not(unix))]
compile_error!("versus supports Linux and macOS (Unix) only; see the README's \"Run it\"");

pub mod cli;
pub mod engine;
pub mod explorer;
pub mod shell;
#[doc(hidden)]
pub mod synthetic;
