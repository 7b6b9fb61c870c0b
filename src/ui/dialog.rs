//! Native file dialogs (rfd), run inside a `Task`. `None` means the dialog
//! was closed without a choice: a normal outcome, never an error. Where the
//! desktop has no dialog backend (see [`system`]), the window's own dialog
//! ([`builtin`]) answers instead, saying what to install.

pub mod builtin;
pub mod system;

use std::path::PathBuf;

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
    filter: Option<(&'static str, &'static [&'static str])>,
    file_name: Option<String>,
    directory: Option<PathBuf>,
}

impl FileDialog {
    fn new(ask: Ask, title: &'static str) -> FileDialog {
        FileDialog {
            ask,
            title,
            filter: None,
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

    pub fn filter(mut self, name: &'static str, extensions: &'static [&'static str]) -> Self {
        self.filter = Some((name, extensions));
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

    /// Show the dialog; the chosen path, if any.
    pub async fn show(self) -> Option<PathBuf> {
        if let Some(reason) = system::unavailable() {
            return builtin::ask(
                self.ask,
                self.title,
                self.filter,
                self.file_name,
                self.directory,
                reason,
            )
            .await;
        }
        let mut d = rfd::AsyncFileDialog::new().set_title(self.title);
        if let Some((name, extensions)) = self.filter {
            d = d.add_filter(name, extensions);
        }
        if let Some(name) = self.file_name {
            d = d.set_file_name(name);
        }
        if let Some(dir) = self.directory {
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
