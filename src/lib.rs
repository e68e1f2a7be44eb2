//! versus: an evidence-backed explorer for technology comparisons.
//!
//! The library is the terminal-free core: the dataset ([`data`]), scoring ([`score`]), search
//! ([`search`]) and reports ([`report`]). The binary adds the command line and the terminal.

pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod data;
pub mod effects;
pub mod fuzzy;
pub mod generate;
pub mod keymap;
pub mod layout;
pub mod listing;
pub mod profiles;
pub mod report;
pub mod score;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod weights;
