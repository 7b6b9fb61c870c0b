//! The `leidraad` program: the command line (`cli`) and the window (`ui`),
//! two faces of the domain in `leidraad-core`, with the PDFs of
//! `leidraad-report`. Neither face decides a rule: they ask the core.

pub mod cli;
pub mod document_file;
pub mod ui;
