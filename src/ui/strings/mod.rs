//! Every text the window shows, in Dutch, in one place so that a
//! translation can be added beside it. Formatting of dates and amounts lives
//! here too: it is part of the language. The words and formats that the
//! PDFs show too (verdicts, rounds, status words, dates, amounts) come from
//! [`leidraad_core::nl`] and are re-exported or called here, so that the
//! window takes every text from this module.
//!
//! One file per area of the window; every item is re-exported here, so
//! that `strings::X` is the one path for each text.

mod common;
mod deliberate;
mod disagreements;
mod files;
mod list;
mod panel;
mod plan;
mod ranking;
mod roles;
mod scoring;
mod selfcheck;
mod selfcheck_plan;
mod start;

pub use common::*;
pub use deliberate::*;
pub use disagreements::*;
pub use files::*;
pub use list::*;
pub use panel::*;
pub use plan::*;
pub use ranking::*;
pub use roles::*;
pub use scoring::*;
pub use selfcheck::*;
pub use selfcheck_plan::*;
pub use start::*;
