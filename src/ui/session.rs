//! An open dossier: the rubric it is scored against, the file it lives in,
//! and what has been saved. Every change goes through [`Session::edit`], so
//! the window knows when to save and when its list is out of date.
//!
//! A dossier opened from a file holds its lock (`NAME.ron.lock`, see
//! [`leidraad_core::store::Lock`]) as long as the session lives. When another window
//! or program holds it, the session is read-only: [`Session::edit`] refuses
//! every change and [`Session::save`] writes nothing.

use std::path::PathBuf;

use chrono::{DateTime, Local};

use leidraad_core::dossier::{Dossier, Round};
use leidraad_core::edit::EditError;
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring::{self, Evaluation};
use leidraad_core::store::{Lock, LockError, LockOwner};

/// Why a dossier is open read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another window or program has it open (holds its lock).
    OpenElsewhere(LockOwner),
    /// The lock could not be made (for instance a folder without write
    /// permission); exclusive use cannot be guaranteed, so nothing is saved.
    NoLock(String),
}

impl ReadOnly {
    /// The banner text (Dutch).
    pub fn message(&self) -> String {
        match self {
            ReadOnly::OpenElsewhere(by) => {
                crate::ui::strings::read_only_elsewhere(by.pid, &by.host, &by.since)
            }
            ReadOnly::NoLock(detail) => crate::ui::strings::read_only_no_lock(detail),
        }
    }
}

pub struct Session {
    pub rubric: Rubric,
    pub dossier: Dossier,
    /// Where the dossier is saved; None only in tests and benchmarks.
    pub path: Option<PathBuf>,
    /// Counts changes; equal to `saved` when nothing is waiting to be saved.
    pub generation: u64,
    pub saved: u64,
    pub saved_at: Option<DateTime<Local>>,
    pub save_error: Option<String>,
    /// Set when the dossier is open read-only: no edit, no save.
    pub read_only: Option<ReadOnly>,
    /// The dossier's lock, held while the session lives; released on drop
    /// (closing the window, opening another dossier).
    lock: Option<Lock>,
    evaluations: Option<[Evaluation; 2]>,
}

impl Session {
    /// A session without a lock (tests, benchmarks, a dossier not in a
    /// file). A window opening a file uses [`Session::open`].
    pub fn new(rubric: Rubric, dossier: Dossier, path: Option<PathBuf>) -> Session {
        Session {
            rubric,
            dossier,
            path,
            generation: 0,
            saved: 0,
            saved_at: None,
            save_error: None,
            read_only: None,
            lock: None,
            evaluations: None,
        }
    }

    /// The session of the dossier file at `path`: takes its lock, or opens
    /// it read-only when another window or program holds it (or the lock
    /// cannot be made).
    pub fn open(rubric: Rubric, dossier: Dossier, path: PathBuf) -> Session {
        let (lock, read_only) = match Lock::acquire(&path) {
            Ok(lock) => (Some(lock), None),
            Err(LockError::Locked { by, .. }) => (None, Some(ReadOnly::OpenElsewhere(by))),
            Err(LockError::Io { source, .. }) => (None, Some(ReadOnly::NoLock(source.to_string()))),
        };
        Session {
            lock,
            read_only,
            ..Session::new(rubric, dossier, Some(path))
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Whether this session holds the dossier's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Change the dossier through one of the `edit` functions (or any
    /// closure that validates); a successful change is marked for saving.
    pub fn edit(
        &mut self,
        f: impl FnOnce(&Rubric, &mut Dossier) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        self.edit_if(|rubric, dossier| f(rubric, dossier).map(|()| true))
            .map(|_| ())
    }

    /// [`edit`](Self::edit) for a change that may turn out to change
    /// nothing (importing a file a second time): `f` says whether it
    /// changed the dossier, and only then is the dossier marked changed.
    pub fn edit_if(
        &mut self,
        f: impl FnOnce(&Rubric, &mut Dossier) -> Result<bool, EditError>,
    ) -> Result<bool, EditError> {
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        let changed = f(&self.rubric, &mut self.dossier)?;
        if changed {
            self.touch();
        }
        Ok(changed)
    }

    /// Mark the dossier as changed.
    pub fn touch(&mut self) {
        self.generation += 1;
        self.evaluations = None;
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved
    }

    /// Save now, through the store's atomic save. A read-only session
    /// writes nothing; a change made to it anyway (a screen that changes
    /// the dossier directly) is reported as not saved.
    pub fn save(&mut self) {
        if self.read_only.is_some() {
            if self.is_dirty() {
                self.save_error = Some(crate::ui::strings::READ_ONLY_NOT_SAVED.to_string());
            }
            return;
        }
        let Some(path) = &self.path else {
            self.saved = self.generation;
            return;
        };
        match leidraad_core::store::save_dossier(path, &self.dossier) {
            Ok(()) => {
                self.saved = self.generation;
                self.saved_at = Some(Local::now());
                self.save_error = None;
            }
            Err(e) => self.save_error = Some(e.to_string()),
        }
    }

    /// The evaluation of both rounds, computed when something changed.
    pub fn refresh(&mut self) {
        if self.evaluations.is_none() {
            self.evaluations = Some(scoring::evaluate_rounds(&self.rubric, &self.dossier));
        }
    }

    /// The evaluation of a round; None until [`Session::refresh`] ran after
    /// the last change.
    pub fn evaluation(&self, round: Round) -> Option<&Evaluation> {
        self.evaluations.as_ref().map(|e| match round {
            Round::One => &e[0],
            Round::Two => &e[1],
        })
    }

    pub fn file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}
