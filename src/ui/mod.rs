//! The iced application (being built).

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_open: Option<PathBuf>) -> ExitCode {
    eprintln!("leidraad: the window is not built yet; see `leidraad --help` for the command line");
    ExitCode::from(1)
}
