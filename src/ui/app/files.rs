//! Files from the window: opening a dossier (through the core's session,
//! which locks before it reads), saving (off the window's thread, never over
//! a change another program made), the file dialogs and the exports (also
//! off the window's thread, each ending in a notice that says where the
//! file went).

use std::path::{Path, PathBuf};
use std::time::Instant;

use iced::Task;

use super::{AUTOSAVE_DELAY, App, Message, SaveProblem, Screen, delay, off_thread};
use crate::ui::dialog::{DOSSIER_EXTENSIONS, FileDialog};
use crate::ui::screen::{error, list, start};
use crate::ui::strings;
use leidraad_core::dossier::Dossier;
use leidraad_core::rubric::Rubric;
use leidraad_core::session::{Access, OpenError, SaveError, Session};

/// What the last export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportNotice {
    /// Running off the window's thread.
    Busy,
    /// Written; `open` is the file or folder to offer to open.
    Done {
        message: String,
        open: PathBuf,
    },
    Failed(String),
}

impl App {
    pub(super) fn set_session(&mut self, session: Session) {
        if let Some(old) = &mut self.session
            && old.is_dirty()
        {
            // The old dossier is closed: save it here, on this thread.
            if let Err(e) = old.save() {
                eprintln!("leidraad: {e}");
            }
        }
        self.seen_generation = session.generation();
        self.session = Some(session);
        self.save_status = Default::default();
        self.list = list::State::default();
        self.screen = Screen::List;
    }

    /// Open a dossier file: its lock is taken before it is read, a file
    /// that fails to load shows the error screen and is left untouched.
    pub fn open_path(&mut self, path: &Path) {
        // The same file again: save and close it first, so that its lock is
        // free for the new session and what is loaded is what was saved.
        if let Some(old) = self.session.as_mut()
            && old.path() == Some(path)
        {
            if let Err(e) = old.save() {
                eprintln!("leidraad: {e}");
            }
            self.session = None;
        }
        let rubric = self.config.rubric_for(path);
        match Session::open(path, rubric.as_deref(), Access::WriteOrReadOnly) {
            Ok(session) => {
                self.set_session(session);
                self.config.remember(path);
                self.save_config();
            }
            Err(OpenError::Load(e)) => {
                self.screen = Screen::Error(error::State::new(path.to_path_buf(), e));
            }
            // With WriteOrReadOnly a held lock opens read-only; what is
            // left cannot happen, and is shown as a failure to read.
            Err(other) => {
                let e = leidraad_core::error::LoadError::io(
                    &path.display().to_string(),
                    std::io::Error::other(other.to_string()),
                );
                self.screen = Screen::Error(error::State::new(path.to_path_buf(), e));
            }
        }
    }

    /// Messages about files: dialogs answered, saving, exports.
    pub(super) fn file_message(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::DossierPicked(path) => {
                self.dialog_open = false;
                if let Some(p) = path {
                    self.open_path(&p);
                }
                Task::none()
            }
            Message::RubricPicked(path) => {
                self.dialog_open = false;
                self.rubric_picked(path);
                Task::none()
            }
            Message::NewDossierPlaced(path) => {
                self.dialog_open = false;
                self.create_dossier(path);
                Task::none()
            }
            Message::AutosaveDue => self.autosave_due(),
            Message::Save => self.save_now(),
            Message::Saved(saved) => self.saved(saved),
            Message::ReloadFromDisk => {
                self.reload();
                Task::none()
            }
            Message::KeepMine => {
                self.save_status.problem = None;
                match self.session.as_mut().map(Session::save_over_changes) {
                    Some(Err(e)) => self.save_failed(e),
                    Some(Ok(())) => self.save_status.saved_at = Some(chrono::Local::now()),
                    None => {}
                }
                Task::none()
            }
            Message::ExportPlaced(path) => {
                self.dialog_open = false;
                match (path, self.pending_sheet.take()) {
                    (Some(path), Some(kind)) => self.export_sheet(kind, path),
                    _ => Task::none(),
                }
            }
            Message::CsvPlaced(path) => {
                self.dialog_open = false;
                let pending = std::mem::take(&mut self.pending_csv);
                match (path, pending) {
                    (Some(path), true) => self.export_csv(path),
                    _ => Task::none(),
                }
            }
            Message::WorkbookPlaced(path) => {
                self.dialog_open = false;
                let pending = std::mem::take(&mut self.pending_workbook);
                match (path, pending) {
                    (Some(path), true) => self.export_workbook(path),
                    _ => Task::none(),
                }
            }
            Message::ExportFolderPicked(dir) => {
                self.dialog_open = false;
                match dir {
                    Some(dir) => self.export_everything(dir),
                    None => Task::none(),
                }
            }
            Message::Exported(notice) => {
                self.export = Some(notice);
                Task::none()
            }
            Message::OpenExported(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.export = Some(ExportNotice::Failed(strings::open_failed(&e)));
                }
                Task::none()
            }
            Message::DismissExport => {
                self.export = None;
                Task::none()
            }
            _ => Task::none(),
        }
    }

    fn rubric_picked(&mut self, path: Option<PathBuf>) {
        let for_dossier = self.pending_rubric_for.take();
        let Some(path) = path else {
            return;
        };
        match (Rubric::load(&path), for_dossier) {
            // The rubric of a dossier that was scored against it: remember
            // the pair and open the dossier with it.
            (Ok(_), Some(dossier)) => {
                self.config.set_rubric_for(&dossier, &path);
                self.save_config();
                self.open_path(&dossier);
            }
            (Ok(r), None) => {
                if let Screen::Start(s) = &mut self.screen {
                    s.rubric = start::RubricChoice::File(path, Box::new(r));
                }
            }
            (Err(e), _) => self.screen = Screen::Error(error::State::new(path, e)),
        }
    }

    fn create_dossier(&mut self, path: Option<PathBuf>) {
        let (Some(path), Some((title, rubric))) = (path, self.pending_new.take()) else {
            return;
        };
        let rubric_path = match &self.screen {
            Screen::Start(s) => match &s.rubric {
                start::RubricChoice::File(p, _) => Some(p.clone()),
                start::RubricChoice::Builtin => None,
            },
            _ => None,
        };
        let mut dossier = Dossier::new(&title, &rubric);
        dossier.id = leidraad_core::dossier::new_id();
        // The file dialog asked before replacing a file; the new dossier
        // is written once and then opened like any other.
        if let Err(e) = leidraad_core::store::save_dossier(&path, &dossier) {
            if let Screen::Start(s) = &mut self.screen {
                s.message = Some(strings::save_failed(&e.to_string()));
            }
            return;
        }
        if let Some(rp) = rubric_path {
            self.config.set_rubric_for(&path, &rp);
        }
        self.open_path(&path);
    }

    /// Save a little after the last change, not on every key.
    pub(super) fn schedule_autosave(&mut self) -> Task<Message> {
        let Some(s) = &self.session else {
            return Task::none();
        };
        if s.generation() == self.seen_generation {
            return Task::none();
        }
        self.seen_generation = s.generation();
        self.last_change = Some(Instant::now());
        if self.autosave_pending {
            return Task::none();
        }
        self.autosave_pending = true;
        delay(AUTOSAVE_DELAY)
    }

    fn autosave_due(&mut self) -> Task<Message> {
        self.autosave_pending = false;
        let Some(s) = &self.session else {
            return Task::none();
        };
        if !s.is_dirty() || s.is_read_only() {
            return Task::none();
        }
        let since = self.last_change.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
        if since < AUTOSAVE_DELAY {
            self.autosave_pending = true;
            return delay(AUTOSAVE_DELAY - since);
        }
        self.save_now()
    }

    /// Start a save off the window's thread (nothing when nothing waits,
    /// or a save runs already: its end starts the next one).
    pub(super) fn save_now(&mut self) -> Task<Message> {
        let Some(s) = &mut self.session else {
            return Task::none();
        };
        // Another program changed the file: the user chooses first.
        if self.save_status.problem == Some(SaveProblem::ChangedOnDisk) {
            return Task::none();
        }
        match s.save_job() {
            Ok(Some(job)) => off_thread(move || job.run(), Message::Saved),
            Ok(None) => Task::none(),
            Err(e) => {
                self.save_failed(e);
                Task::none()
            }
        }
    }

    fn saved(&mut self, saved: Option<leidraad_core::session::Saved>) -> Task<Message> {
        let Some(s) = &mut self.session else {
            return Task::none();
        };
        let Some(saved) = saved else {
            self.save_status.problem = Some(SaveProblem::Failed(strings::WORKER_LOST.into()));
            return Task::none();
        };
        match s.finish_save(saved) {
            Ok(()) => {
                self.save_status.problem = None;
                self.save_status.saved_at = Some(chrono::Local::now());
                // Changes made while it was written: save those too.
                if s.is_dirty() && !self.autosave_pending {
                    self.autosave_pending = true;
                    return delay(AUTOSAVE_DELAY);
                }
            }
            Err(e) => self.save_failed(e),
        }
        Task::none()
    }

    fn save_failed(&mut self, e: SaveError) {
        self.save_status.problem = Some(match e {
            SaveError::ChangedOnDisk { .. } => SaveProblem::ChangedOnDisk,
            SaveError::ReadOnly(_) => SaveProblem::Failed(strings::READ_ONLY_NOT_SAVED.into()),
            SaveError::Write(e) => SaveProblem::Failed(e.to_string()),
            SaveError::WouldNotLoad { problem, .. } => SaveProblem::Failed(problem),
        });
    }

    fn reload(&mut self) {
        let Some(s) = &mut self.session else {
            return;
        };
        let rubric = s.path().and_then(|p| self.config.rubric_for(p));
        match s.reload(rubric.as_deref()) {
            Ok(()) => {
                self.save_status = Default::default();
                self.seen_generation = s.generation();
                // Screens hold views of the old data: start from the list.
                self.screen = Screen::List;
            }
            Err(e) => {
                self.save_status.problem =
                    Some(SaveProblem::Failed(strings::reload_failed(&e.to_string())));
            }
        }
    }

    /// Closing the window: save what waits, on this thread (the window is
    /// going), and keep it open once when that fails so the error is seen.
    pub(super) fn close(&mut self) -> Task<Message> {
        // The self-check's answers not yet written (a pause runs): now.
        if let Screen::SelfCheck(state) = &mut self.screen {
            state.flush();
        }
        if let Some(s) = &mut self.session
            && s.is_dirty()
            && let Err(e) = s.save()
            && !self.close_warned
        {
            self.save_failed(e);
            self.close_warned = true;
            return Task::none();
        }
        // Closing the session releases the dossier's lock.
        self.session = None;
        iced::exit()
    }

    pub(super) fn open_dialog(&mut self) -> Task<Message> {
        if self.dialog_busy() {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::open(strings::OPEN_DOSSIER)
                .filter(strings::DIALOG_FILTER_DOSSIER, DOSSIER_EXTENSIONS)
                .directory(dir)
                .show(),
            Message::DossierPicked,
        )
    }

    pub(super) fn rubric_dialog(&mut self) -> Task<Message> {
        if self.dialog_busy() {
            return Task::none();
        }
        self.dialog_open = true;
        Task::perform(
            FileDialog::open(strings::RUBRIC_FROM_FILE)
                .filter(strings::DIALOG_FILTER_RUBRIC, &["ron"])
                .show(),
            Message::RubricPicked,
        )
    }

    pub(super) fn save_dialog(&mut self) -> Task<Message> {
        if self.dialog_busy() {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::NEW_DOSSIER_TITLE)
                .file_name(strings::DEFAULT_DOSSIER_FILE)
                .filter(strings::DIALOG_FILTER_DOSSIER, DOSSIER_EXTENSIONS)
                .directory(dir)
                .show(),
            Message::NewDossierPlaced,
        )
    }

    /// Ask where to save one score sheet; the sheet is made when the
    /// place is known ([`Message::ExportPlaced`]).
    pub(super) fn export_sheet_dialog(
        &mut self,
        kind: leidraad_report::SheetKind,
    ) -> Task<Message> {
        if self.dialog_busy() {
            return Task::none();
        }
        let has_data = self.session.as_ref().is_some_and(|s| match &kind {
            leidraad_report::SheetKind::Assessment {
                application,
                assessor,
                round,
            } => s
                .dossier()
                .assessment(application, assessor, *round)
                .is_some(),
            leidraad_report::SheetKind::Consensus { application, round } => s
                .dossier()
                .recorded_consensus_for(application, *round)
                .is_some(),
        });
        if !has_data {
            self.export = Some(ExportNotice::Failed(strings::NOTHING_TO_EXPORT.to_string()));
            return Task::none();
        }
        self.dialog_open = true;
        let name = leidraad_report::sheet_file_name(&kind);
        self.pending_sheet = Some(kind);
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::EXPORT_SHEET_TITLE)
                .file_name(name)
                .filter(strings::DIALOG_FILTER_PDF, &["pdf"])
                .directory(dir)
                .show(),
            Message::ExportPlaced,
        )
    }

    /// Ask where to save the scores of every round as CSV (the long format
    /// of `import-csv`).
    pub(super) fn csv_dialog(&mut self) -> Task<Message> {
        if self.dialog_busy() || self.session.is_none() {
            return Task::none();
        }
        self.dialog_open = true;
        self.pending_csv = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::EXPORT_CSV_TITLE)
                .file_name(strings::CSV_FILE_NAME)
                .filter(strings::DIALOG_FILTER_CSV, &["csv"])
                .directory(dir)
                .show(),
            Message::CsvPlaced,
        )
    }

    /// Ask where to save the spreadsheet (.xlsx or .ods) of every round
    /// with data.
    pub(super) fn workbook_dialog(&mut self) -> Task<Message> {
        let Some(session) = &self.session else {
            return Task::none();
        };
        if self.dialog_busy() {
            return Task::none();
        }
        if leidraad_sheet::rounds(session.dossier(), None).is_empty() {
            self.export = Some(ExportNotice::Failed(strings::NOTHING_TO_EXPORT.to_string()));
            return Task::none();
        }
        self.dialog_open = true;
        self.pending_workbook = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::EXPORT_WORKBOOK_TITLE)
                .file_name(strings::WORKBOOK_FILE_NAME)
                .filter(strings::DIALOG_FILTER_XLSX, &["xlsx"])
                .filter(strings::DIALOG_FILTER_ODS, &["ods"])
                .directory(dir)
                .show(),
            Message::WorkbookPlaced,
        )
    }

    /// Ask for a folder for every score sheet and the ranking reports.
    pub(super) fn export_folder_dialog(&mut self) -> Task<Message> {
        if self.dialog_busy() || self.session.is_none() {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::folder(strings::EXPORT_ALL_TITLE)
                .directory(dir)
                .show(),
            Message::ExportFolderPicked,
        )
    }

    /// Run an export off the window's thread with the rubric and the
    /// dossier as they are now; the window goes on meanwhile.
    fn export(
        &mut self,
        work: impl FnOnce(&Rubric, &Dossier) -> ExportNotice + Send + 'static,
    ) -> Task<Message> {
        let Some(s) = &self.session else {
            return Task::none();
        };
        let (rubric, dossier) = (s.rubric().clone(), s.shared_dossier());
        self.export = Some(ExportNotice::Busy);
        off_thread(
            move || work(&rubric, &dossier),
            |notice| {
                Message::Exported(notice.unwrap_or_else(|| {
                    ExportNotice::Failed(strings::export_failed(strings::WORKER_LOST))
                }))
            },
        )
    }

    fn export_csv(&mut self, path: PathBuf) -> Task<Message> {
        self.export(move |rubric, dossier| {
            let csv = leidraad_core::interchange::csv::export(rubric, dossier, None);
            match leidraad_core::store::write_atomic(&path, csv.as_bytes(), false) {
                Ok(()) => ExportNotice::Done {
                    message: strings::exported_csv(&path.display().to_string()),
                    open: path,
                },
                Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
            }
        })
    }

    /// Write the spreadsheet of every round with data to `path`: `.ods`
    /// when the name says so, otherwise `.xlsx` (a name without either
    /// extension gets `.xlsx` added).
    fn export_workbook(&mut self, path: PathBuf) -> Task<Message> {
        let path = match leidraad_sheet::Format::of_path(&path) {
            Some(_) => path,
            None => {
                let mut name = path.into_os_string();
                name.push(".xlsx");
                PathBuf::from(name)
            }
        };
        self.export(move |rubric, dossier| {
            let made = chrono::Local::now().naive_local();
            match leidraad_sheet::export(rubric, dossier, None, &path, made) {
                Ok(()) => ExportNotice::Done {
                    message: strings::exported_workbook(&path.display().to_string()),
                    open: path,
                },
                Err(e) => ExportNotice::Failed(strings::workbook_failed(&e.to_string())),
            }
        })
    }

    /// Make one score sheet and write it to `path`.
    fn export_sheet(&mut self, kind: leidraad_report::SheetKind, path: PathBuf) -> Task<Message> {
        self.export(move |rubric, dossier| {
            let today = chrono::Local::now().date_naive();
            let result = leidraad_report::score_sheet(rubric, dossier, &kind, today)
                .and_then(|bytes| leidraad_report::write_pdf(&path, &bytes));
            match result {
                Ok(()) => ExportNotice::Done {
                    message: strings::exported_one(&path.display().to_string()),
                    open: path,
                },
                Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
            }
        })
    }

    /// Write every score sheet and the ranking report of each round with
    /// data into `dir`.
    fn export_everything(&mut self, dir: PathBuf) -> Task<Message> {
        self.export(move |rubric, dossier| {
            let options = leidraad_report::ExportOptions {
                round: None,
                application: None,
                printed: chrono::Local::now().date_naive(),
            };
            match leidraad_report::export_all(rubric, dossier, &dir, &options) {
                Ok(files) => ExportNotice::Done {
                    message: strings::exported_many(files.len(), &dir.display().to_string()),
                    open: dir,
                },
                Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
            }
        })
    }

    /// Whether a file dialog is open: one of the root's or one of the
    /// list's (one at a time).
    fn dialog_busy(&self) -> bool {
        self.dialog_open || self.list.dialog_open()
    }

    /// Where a file dialog starts (see [`config::dialog_start`]).
    pub(super) fn dialog_dir(&self) -> Option<PathBuf> {
        let folder = self
            .session
            .as_ref()
            .and_then(|s| s.path())
            .and_then(|p| p.parent());
        crate::ui::config::dialog_start(folder, self.places.as_ref())
    }
}

/// Open a file or folder with the desktop's default program.
fn open_with_desktop(path: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reap the opener when it exits, so no zombie is left behind.
            std::thread::spawn(move || child.wait());
        })
        .map_err(|e| format!("{program}: {e}"))
}
