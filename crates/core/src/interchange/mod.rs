//! The two fixed interchange formats of `../shared/formats.md`: scores as
//! CSV, and the ranking as JSON (with text and CSV renderings beside it).

pub mod csv;
pub mod decisions;
pub mod ranking;
