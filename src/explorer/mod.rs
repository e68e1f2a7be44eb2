//! The explorer's pure core: state, input, layout and drawing. It reads no file and touches no
//! terminal; the shell feeds it events and performs the effects it asks for.
//!
//! Below the [`app`] (the main view, and `update`, which coordinates everything) are the [`overlays`],
//! one module each, and below those the [`state`] they share: the weights, the list, the panes, the
//! status line and the effects.

pub mod app;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod overlays;
pub mod state;
pub mod theme;
pub mod ui;
pub mod view;

pub use app::App;
