//! The integration tests of the domain, as one test binary that builds
//! without the window and the PDF stack.

use leidraad_core::testkit as common;

mod audit;
mod csv_spreadsheets;
mod decisions;
mod deliberate;
mod engine;
mod fastron;
mod loaders;
mod panel;
mod properties;
mod roles;
mod sensitivity;
