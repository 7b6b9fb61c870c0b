//! The domain of leidraad: score the regional plans of the proeftuinen
//! (tweede tranche) against the published leidraad.
//!
//! Nothing in this crate knows of a window or a PDF: the command line, the
//! window (the `leidraad` crate) and the reports (`leidraad-report`) are
//! faces of it. Every change to an open dossier goes through
//! [`session::Session`]; every status, total and rank comes from
//! [`scoring::evaluate`]. The Dutch words that the window and the PDFs
//! share are in [`nl`].

pub mod allocation;
pub mod audit;
pub mod consensus;
pub mod decide;
pub mod document;
pub mod dossier;
pub mod edit;
pub mod error;
pub mod exact;
pub mod fastron;
pub mod interchange;
pub mod lock;
pub mod nl;
pub mod panel;
pub mod passages;
pub mod roles;
pub mod rubric;
pub mod scoring;
pub mod selfcheck;
pub mod selfcheck_template;
pub mod sensitivity;
pub mod session;
pub mod store;
pub mod synthetic;
#[doc(hidden)]
pub mod testkit;
pub mod unique_keys;
