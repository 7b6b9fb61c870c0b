//! Small widgets the screens share: the status badge, the scale choices and
//! the ranking charts.

pub mod badge;
pub mod bar;
pub mod chart;
pub mod reveal;
pub mod scale;
