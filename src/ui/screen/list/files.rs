//! The list's files: a package for one assessor (saved where the dialog
//! says), the result file of an open package, and the import of a result
//! file. The list runs these dialogs itself, one at a time, and handles
//! their answers.

use std::path::{Path, PathBuf};

use iced::Task;

use super::{Action, Message, Notice, PackageForm, State};
use crate::ui::dialog::{DOSSIER_EXTENSIONS, FileDialog};
use crate::ui::strings;
use leidraad_core::session::Session;

impl State {
    /// The messages about packages and result files: ask with a dialog,
    /// then write or import what the dialog answered.
    pub(super) fn file_message(
        &mut self,
        session: &mut Session,
        user: &str,
        message: Message,
    ) -> Action {
        match message {
            Message::SavePackage => {
                if let Some(PackageForm {
                    assessor: Some(who),
                    round,
                }) = self.package.clone()
                {
                    let name = strings::package_file_name(&who, round);
                    self.pending_package = Some((who, round));
                    return self.ask(session, |dir| package_dialog(dir, name));
                }
            }
            Message::PackagePlaced(path) => {
                self.dialog_open = false;
                self.write_package(session, path.as_deref());
            }
            Message::ImportResult => return self.ask(session, result_dialog),
            Message::ResultPicked(path) => {
                self.dialog_open = false;
                if let Some(path) = path {
                    self.import(session, user, &path);
                }
            }
            Message::SaveResult => {
                let Some(info) = session.dossier().package.clone() else {
                    return Action::None;
                };
                let name = strings::result_file_name(&info.assessor, info.round);
                return self.ask(session, |dir| result_save_dialog(dir, name));
            }
            Message::ResultPlaced(path) => {
                self.dialog_open = false;
                self.write_result(session, path.as_deref());
            }
            _ => {}
        }
        Action::None
    }

    /// Run a file dialog in the dossier's folder, unless one of the list's
    /// dialogs is open already.
    fn ask(
        &mut self,
        session: &Session,
        dialog: impl FnOnce(Option<PathBuf>) -> Task<Message>,
    ) -> Action {
        if self.dialog_open {
            return Action::None;
        }
        self.dialog_open = true;
        let places = crate::ui::config::Places::find();
        let dir =
            crate::ui::config::dialog_start(session.path().and_then(Path::parent), places.as_ref());
        Action::Run(dialog(dir))
    }

    /// Write the package asked for to `path` (from the save dialog). The
    /// open dossier itself is never overwritten.
    fn write_package(&mut self, session: &mut Session, path: Option<&Path>) {
        let pending = self.pending_package.take();
        let (Some(path), Some((assessor, round))) = (path, pending) else {
            return;
        };
        if session.path() == Some(path) {
            self.notice = Some(Notice::Refused(strings::PACKAGE_OVER_DOSSIER.to_string()));
            return;
        }
        // Issuing is recorded in the dossier (saved with the next save), so
        // that only this package's result is imported later.
        let made = session.edit(|rubric, dossier| {
            leidraad_core::panel::issue_package(
                rubric,
                dossier,
                &assessor,
                round,
                None,
                leidraad_core::dossier::now(),
            )
        });
        self.notice = Some(match made {
            Err(e) => Notice::Refused(strings::package_failed(&strings::panel_error(&e))),
            Ok(p) => {
                match leidraad_core::store::write_atomic(
                    path,
                    leidraad_core::store::to_ron(&p).as_bytes(),
                    false,
                ) {
                    Ok(()) => {
                        self.package = None;
                        Notice::Written(
                            strings::package_written(
                                &assessor,
                                round,
                                p.applications.len(),
                                &path.display().to_string(),
                            ),
                            folder_of(path),
                        )
                    }
                    Err(e) => Notice::Refused(strings::package_failed(&e.to_string())),
                }
            }
        });
    }

    /// Write the open package, scored, as the result file to send back. To
    /// its own place it is simply saved.
    fn write_result(&mut self, session: &mut Session, path: Option<&Path>) {
        let Some(path) = path else { return };
        let Some(info) = session.dossier().package.clone() else {
            return;
        };
        let written = if session.path() == Some(path) {
            session.save().map_err(|e| e.to_string())
        } else {
            leidraad_core::store::write_atomic(
                path,
                leidraad_core::store::to_ron(session.dossier()).as_bytes(),
                false,
            )
            .map_err(|e| e.to_string())
        };
        self.notice = Some(match written {
            Ok(()) => {
                let open = session
                    .dossier()
                    .assessments
                    .iter()
                    .filter(|a| a.round == info.round && !a.is_submitted())
                    .count();
                Notice::Written(
                    strings::result_written(&path.display().to_string(), open),
                    folder_of(path),
                )
            }
            Err(e) => Notice::Refused(strings::result_failed(&e)),
        });
    }

    /// Import a result file (from the open dialog) into the dossier, as
    /// `by` (the window's user). Refused as a whole, with nothing changed,
    /// when anything in it does not fit.
    fn import(&mut self, session: &mut Session, by: &str, path: &Path) {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let name = path.display().to_string();
        let result = match leidraad_core::store::read_text(path)
            .and_then(|text| leidraad_core::store::parse_dossier(&text, &name, session.rubric()))
        {
            Ok(r) => r,
            Err(e) => {
                self.notice = Some(Notice::Refused(strings::import_unreadable(
                    &file,
                    &e.to_string(),
                )));
                return;
            }
        };
        let by = if by.trim().is_empty() {
            strings::NO_ASSESSOR
        } else {
            by
        };
        let mut report = None;
        let imported = session.edit_if(|rubric, dossier| {
            let r = leidraad_core::panel::import_result(
                rubric,
                dossier,
                &result,
                by,
                leidraad_core::dossier::now(),
            )?;
            // The same file a second time changes nothing: the dossier
            // then has nothing new to save.
            let changed = r.changed();
            report = Some(r);
            Ok::<_, leidraad_core::panel::PanelError>(changed)
        });
        let assessor = result
            .package
            .as_ref()
            .map_or(String::new(), |p| p.assessor.clone());
        self.notice = Some(match (imported, report) {
            (Ok(_), Some(r)) => Notice::Done(strings::import_done(
                &file,
                &assessor,
                &strings::import_counts(r.added.len(), r.updated.len(), r.unchanged.len()),
            )),
            (Err(e), _) => {
                Notice::Refused(strings::import_refused(&file, &strings::panel_error(&e)))
            }
            (Ok(_), None) => return,
        });
    }
}

/// Ask where to save a package.
fn package_dialog(directory: Option<PathBuf>, file_name: String) -> Task<Message> {
    Task::perform(
        FileDialog::save(strings::PACKAGE_DIALOG_TITLE)
            .file_name(file_name)
            .filter(strings::DIALOG_FILTER_DOSSIER, DOSSIER_EXTENSIONS)
            .directory(directory)
            .show(),
        Message::PackagePlaced,
    )
}

/// Ask where to save the result file of the open package.
fn result_save_dialog(directory: Option<PathBuf>, file_name: String) -> Task<Message> {
    Task::perform(
        FileDialog::save(strings::RESULT_SAVE_DIALOG_TITLE)
            .file_name(file_name)
            .filter(strings::DIALOG_FILTER_RESULT, DOSSIER_EXTENSIONS)
            .directory(directory)
            .show(),
        Message::ResultPlaced,
    )
}

/// Ask for a result file to import.
fn result_dialog(directory: Option<PathBuf>) -> Task<Message> {
    Task::perform(
        FileDialog::open(strings::RESULT_DIALOG_TITLE)
            .filter(strings::DIALOG_FILTER_RESULT, DOSSIER_EXTENSIONS)
            .directory(directory)
            .show(),
        Message::ResultPicked,
    )
}

/// The folder a written file is in (the current folder for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
