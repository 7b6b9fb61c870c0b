//! The applicant's answers kept as they are typed: a working copy in the
//! data folder (atomic write, user-only on Unix), resumed on the next start.
//! Only "Nieuwe zelftoets", confirmed, starts afresh.

use std::path::PathBuf;

use super::{Message, State};
use crate::ui::strings;
use leidraad_core::rubric::Rubric;
use leidraad_core::selfcheck::SelfCheck;

/// The working copy's file name in the data folder.
pub const WORKING_FILE: &str = "zelftoets.ron";

impl State {
    /// The self-check kept in `working` (None: nowhere to keep it), or a
    /// new one when there is none yet. A working copy that does not load is
    /// left untouched and not written over; the notice says why.
    pub fn resume(rubric: Rubric, working: Option<PathBuf>) -> State {
        let mut s = State::new(rubric);
        let Some(path) = working else {
            return s;
        };
        if path.is_file() {
            match SelfCheck::load(&path, &s.rubric) {
                Ok(check) => {
                    s.check = check;
                    s.sync_fields();
                    s.notice = Some((
                        true,
                        strings::selfcheck_resumed(&path.display().to_string()),
                    ));
                }
                Err(e) => {
                    s.notice = Some((false, strings::selfcheck_resume_failed(&e.to_string())));
                    return s;
                }
            }
        }
        s.working = Some(path);
        s
    }

    /// Whether `message` changes the answers (and so the working copy).
    pub(super) fn changes_answers(message: &Message) -> bool {
        matches!(
            message,
            Message::Title(_)
                | Message::Date(_)
                | Message::Document(_)
                | Message::Signature(_)
                | Message::Answer(..)
                | Message::KoNote(..)
                | Message::Score(..)
                | Message::Item(..)
                | Message::Note(..)
                | Message::Amount(..)
                | Message::NewConfirmed
                | Message::Opened(Some(_))
        )
    }

    /// Write the answers to the working copy; a failure is said, and the
    /// next change tries again.
    pub(super) fn keep(&mut self) {
        let Some(path) = &self.working else {
            return;
        };
        self.check.rubric = Some(self.rubric.reference());
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                leidraad_core::store::write_atomic(path, self.check.to_ron().as_bytes(), false)
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            self.notice = Some((false, strings::selfcheck_keep_failed(&e)));
        }
    }
}
