//! The `leidraad` binary: with no subcommand the GUI, otherwise the CLI.

// On Windows the program is a GUI program: no console window opens behind
// the window. The commands attach to the console they were started from
// (see `console`).
#![windows_subsystem = "windows"]

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
            console::attach();
            if e.use_stderr()
                && let Some(message) = leidraad::cli::not_a_command(std::env::args_os())
            {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
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
    match (cli.command, cli.file) {
        (None, None) => leidraad::ui::run(None),
        // `leidraad FILE`, as a double click on a dossier starts it.
        (None, Some(file)) => match leidraad::cli::file_to_open(&file) {
            Ok(()) => leidraad::ui::run(Some(file)),
            Err(message) => {
                console::attach();
                eprintln!("{message}");
                ExitCode::from(2)
            }
        },
        (Some(leidraad::cli::Command::Open { dossier }), _) => leidraad::ui::run(Some(dossier)),
        (Some(command), _) => {
            console::attach();
            leidraad::cli::run(command)
        }
    }
}

/// The console of a command started from a terminal on Windows.
mod console {
    /// Write to the console of the process that started this one (cmd.exe,
    /// PowerShell), if it has one: a program of the Windows subsystem gets
    /// none of its own. Output redirected to a file or a pipe is left as it
    /// is. Nothing to do elsewhere.
    #[cfg(windows)]
    #[allow(unsafe_code)]
    pub fn attach() {
        use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
        // SAFETY: a plain Win32 call without pointers; it fails harmlessly
        // when the parent has no console or this process has one already.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }

    #[cfg(not(windows))]
    pub fn attach() {}
}
