//! leidraad: score the regional plans of the proeftuinen (tweede tranche)
//! against the published leidraad.
//!
//! The domain (`rubric`, `dossier`, `scoring`, `edit`, `store`,
//! `interchange`) holds no GUI type; the CLI (`cli`) and the GUI (`ui`) are
//! two faces of it.

pub mod allocation;
pub mod audit;
pub mod cli;
pub mod consensus;
pub mod dossier;
pub mod edit;
pub mod error;
pub mod exact;
pub mod fastron;
pub mod interchange;
pub mod panel;
pub mod report;
pub mod rubric;
pub mod scoring;
pub mod selfcheck;
pub mod sensitivity;
pub mod store;
pub mod synthetic;
pub mod ui;

/// mimalloc instead of the system allocator: reading a dossier of 10,000
/// applications makes millions of small allocations (see README,
/// Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
