//! One module per screen, each with its own state, `Message`, `update` and
//! `view`; `update` returns an `Action` for what the root must do.

pub mod application;
pub mod disagreements;
pub mod error;
pub mod list;
pub mod panel;
pub mod ranking;
pub mod scoring;
pub mod selfcheck;
pub mod start;
