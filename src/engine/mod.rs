//! The pure engine: no terminal, no command line, no filesystem. Everything here is a function of its
//! arguments, so it is tested without a terminal or a file.

pub mod data;
pub mod decision;
pub mod diagnostic;
pub mod diff;
pub(crate) mod fuzzy;
pub(crate) mod listing;
pub mod pairwise;
pub mod profiles;
pub mod report;
pub mod requirements;
pub mod robustness;
pub mod score;
pub mod search;
pub(crate) mod splitmix;
pub mod team;
pub mod text;
pub mod verdict;
pub mod weight_file;
pub mod weights;
