//! The explorer's pure core: state, input, layout and drawing. It reads no file and touches no
//! terminal; the shell feeds it events and performs the effects it asks for.

pub mod app;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod ui;
pub mod view;

pub use app::App;
