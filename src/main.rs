//! The `leidraad` binary: with no subcommand the GUI, otherwise the CLI.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: reading a dossier of 10,000
/// applications makes millions of small allocations (see README,
/// Performance). Set here, in the binary, and nowhere in the libraries.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match leidraad::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, usage
            // errors to stderr; usage errors exit with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        None => leidraad::ui::run(None),
        Some(leidraad::cli::Command::Open { dossier }) => leidraad::ui::run(Some(dossier)),
        Some(command) => leidraad::cli::run(command),
    }
}
