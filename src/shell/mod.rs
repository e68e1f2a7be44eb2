//! The only code that touches the world: the terminal, the user's files and directories, the clipboard.
//! It performs what the explorer asks for and reports back as an event.

pub mod cache;
pub mod clock;
pub mod config;
pub mod decisions;
pub(crate) mod dirs;
pub mod effects;
pub mod files;
pub mod profiles;
pub mod progress;
pub mod team;
pub mod terminal;
pub(crate) mod user_files;
