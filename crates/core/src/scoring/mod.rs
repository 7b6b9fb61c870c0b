//! The one place where totals, KO verdicts, statuses and the ranking are
//! computed. Every face of the product (CLI, GUI, PDF) reads from
//! [`evaluate`] and [`summarize`]; none computes a total of its own.
//!
//! Pure functions over a rubric and a dossier, in exact arithmetic.

mod decisions;
mod evaluation;
mod finals;
mod input;
mod reading;
mod results;
mod summary;
mod totals;

pub use decisions::{
    DecisionState, DecisionStatus, applications as decision_applications, kind_code,
};
pub use evaluation::{decision_states, evaluate, evaluate_rounds};
pub use results::{
    AppResult, CriterionFinal, Evaluation, GroupTotal, KoFinal, Missing, Status, TieGroup,
};
pub use summary::{Standing, Summary, may_score, progress, round_open, summarize};
