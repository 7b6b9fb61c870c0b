//! Small widgets the screens share: the status badge and the scale choices.

pub mod badge;
pub mod reveal;
pub mod scale;
