//! Native file dialogs (rfd), run inside a `Task`. `None` means the dialog
//! was closed without a choice: a normal outcome, never an error. A system
//! dialog that fails (rfd logs the error and answers "no choice") is not
//! taken for a cancel: the window's own dialog asks instead and says why. Where the
//! desktop has no dialog backend (see [`system`]), the window's own dialog
//! ([`builtin`]) answers instead, saying what to install.

pub mod builtin;
pub mod system;

use std::path::PathBuf;

use crate::ui::strings;

/// The extension of a dossier (and of a package or result, which are
/// dossiers too): its own, so that a double click opens it in this program
/// (the installer and the Linux package register it).
pub const DOSSIER_EXTENSION: &str = "leidraad";

/// What the dossier dialogs offer: the own extension, and `.ron`, which
/// dossiers had before and which keeps opening.
pub const DOSSIER_EXTENSIONS: &[&str] = &[DOSSIER_EXTENSION, "ron"];

#[derive(Debug, Clone, Copy)]
enum Ask {
    Open,
    Save,
    Folder,
}

/// What to ask the user for.
pub struct FileDialog {
    ask: Ask,
    title: &'static str,
    /// Kinds of file to offer, the first chosen at the start.
    filters: Vec<(&'static str, &'static [&'static str])>,
    file_name: Option<String>,
    directory: Option<PathBuf>,
}

impl FileDialog {
    fn new(ask: Ask, title: &'static str) -> FileDialog {
        FileDialog {
            ask,
            title,
            filters: Vec::new(),
            file_name: None,
            directory: None,
        }
    }

    /// Choose an existing file.
    pub fn open(title: &'static str) -> FileDialog {
        FileDialog::new(Ask::Open, title)
    }

    /// Choose where to save a file.
    pub fn save(title: &'static str) -> FileDialog {
        FileDialog::new(Ask::Save, title)
    }

    /// Choose a folder.
    pub fn folder(title: &'static str) -> FileDialog {
        FileDialog::new(Ask::Folder, title)
    }

    /// Offer a kind of file (called again: one more kind).
    pub fn filter(mut self, name: &'static str, extensions: &'static [&'static str]) -> Self {
        self.filters.push((name, extensions));
        self
    }

    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    pub fn directory(mut self, directory: Option<PathBuf>) -> Self {
        self.directory = directory;
        self
    }

    /// Show the dialog; the chosen path, if any. Where the system's
    /// dialog fails (an error, not a cancel), the window's own dialog asks
    /// instead and says what went wrong.
    pub async fn show(self) -> Option<PathBuf> {
        // (Tests: a system dialog that fails, on any machine.)
        if let Some(failure) = system::simulated_failure() {
            return self
                .builtin(strings::dialog_system_failed(&failure).into())
                .await;
        }
        if let Some(reason) = system::unavailable() {
            return self.builtin(reason.into()).await;
        }
        let watch = system::Watch::start();
        let chosen = self.system().await;
        match system::answer(chosen, watch.errors()) {
            system::Answer::Chosen(path) => Some(path),
            system::Answer::Cancelled => None,
            system::Answer::Failed(detail) => {
                self.builtin(strings::dialog_system_failed(&detail).into())
                    .await
            }
        }
    }

    async fn builtin(self, reason: std::borrow::Cow<'static, str>) -> Option<PathBuf> {
        builtin::ask(
            self.ask,
            self.title,
            self.filters,
            self.file_name,
            self.directory,
            reason,
        )
        .await
    }

    /// rfd's dialog (the portal, or zenity).
    async fn system(&self) -> Option<PathBuf> {
        let mut d = rfd::AsyncFileDialog::new().set_title(self.title);
        for (name, extensions) in &self.filters {
            d = d.add_filter(*name, extensions);
        }
        if let Some(name) = &self.file_name {
            d = d.set_file_name(name);
        }
        if let Some(dir) = &self.directory {
            d = d.set_directory(dir);
        }
        let chosen = match self.ask {
            Ask::Open => d.pick_file().await,
            Ask::Save => d.save_file().await,
            Ask::Folder => d.pick_folder().await,
        };
        chosen.map(|h| h.path().to_path_buf())
    }
}
