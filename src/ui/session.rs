//! An open dossier: the rubric it is scored against, the file it lives in,
//! and what has been saved. Every change goes through [`Session::edit`], so
//! the window knows when to save and when its list is out of date.

use std::path::PathBuf;

use chrono::{DateTime, Local};

use crate::dossier::{Dossier, Round};
use crate::edit::EditError;
use crate::rubric::Rubric;
use crate::scoring::{self, Evaluation};

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
    evaluations: Option<[Evaluation; 2]>,
}

impl Session {
    pub fn new(rubric: Rubric, dossier: Dossier, path: Option<PathBuf>) -> Session {
        Session {
            rubric,
            dossier,
            path,
            generation: 0,
            saved: 0,
            saved_at: None,
            save_error: None,
            evaluations: None,
        }
    }

    /// Change the dossier through one of the `edit` functions (or any
    /// closure that validates); a successful change is marked for saving.
    pub fn edit(
        &mut self,
        f: impl FnOnce(&Rubric, &mut Dossier) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        f(&self.rubric, &mut self.dossier)?;
        self.touch();
        Ok(())
    }

    /// Mark the dossier as changed.
    pub fn touch(&mut self) {
        self.generation += 1;
        self.evaluations = None;
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved
    }

    /// Save now, through the store's atomic save.
    pub fn save(&mut self) {
        let Some(path) = &self.path else {
            self.saved = self.generation;
            return;
        };
        match crate::store::save_dossier(path, &self.dossier) {
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
