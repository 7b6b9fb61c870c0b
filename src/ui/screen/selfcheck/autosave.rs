//! The applicant's answers kept as they are typed: a working copy in the
//! data folder (atomic write, user-only on Unix), resumed on the next start.
//! Only "Nieuwe zelftoets", confirmed, starts afresh.
//!
//! The copy is written [`KEEP_DELAY`] after the last change, on a thread of
//! its own (a key press never waits for the disk), and at once, on the
//! window's thread, when the self-check is left: "Start", the window
//! closed, or the screen dropped any other way. Every write carries the
//! number of the change it holds, and a write never replaces a newer one,
//! so a slow worker cannot put back an older version.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use iced::Task;

use super::{Action, Message, State};
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

    /// A change to the answers: the copy is written after the pause.
    pub(super) fn changed(&mut self) -> Task<Message> {
        if self.working.is_none() {
            return Task::none();
        }
        let k = &mut self.keeper;
        k.change += 1;
        k.last_change = Some(Instant::now());
        if k.pending {
            return Task::none();
        }
        k.pending = true;
        pause(KEEP_DELAY)
    }

    /// The pause is over: write, or wait longer after a later change.
    pub(super) fn keep_due(&mut self) -> Action {
        let k = &mut self.keeper;
        k.pending = false;
        if k.change == k.written {
            return Action::None;
        }
        let since = k.last_change.map_or(KEEP_DELAY, |t| t.elapsed());
        if since < KEEP_DELAY {
            k.pending = true;
            return Action::Run(pause(KEEP_DELAY - since));
        }
        let Some((path, bytes, change)) = self.snapshot() else {
            return Action::None;
        };
        let last = Arc::clone(&self.keeper.last_written);
        self.keeper.written = change;
        Action::Run(Task::perform(
            async move {
                let (tx, rx) = iced::futures::channel::oneshot::channel();
                std::thread::spawn(move || {
                    let _ = tx.send(write(&path, &bytes, change, &last));
                });
                rx.await
                    .unwrap_or_else(|_| Err(strings::WORKER_LOST.to_string()))
            },
            Message::Kept,
        ))
    }

    /// A write off the window's thread ended.
    pub(super) fn kept(&mut self, outcome: Result<(), String>) {
        if let Err(e) = outcome {
            self.notice = Some((false, strings::selfcheck_keep_failed(&e)));
            // Not kept: the next change, or leaving, tries again.
            self.keeper.written = 0;
        }
    }

    /// Write what is not written yet, now, on this thread: the self-check
    /// is being left. A failure is said.
    pub fn flush(&mut self) {
        if self.keeper.change == self.keeper.written {
            return;
        }
        let Some((path, bytes, change)) = self.snapshot() else {
            return;
        };
        self.keeper.written = change;
        if let Err(e) = write(&path, &bytes, change, &self.keeper.last_written) {
            self.keeper.written = 0;
            self.notice = Some((false, strings::selfcheck_keep_failed(&e)));
        }
    }

    /// The working copy's place, the answers as they are now and the
    /// number of the last change.
    fn snapshot(&mut self) -> Option<(PathBuf, Vec<u8>, u64)> {
        let path = self.working.clone()?;
        self.check.rubric = Some(self.rubric.reference());
        Some((path, self.check.to_ron().into_bytes(), self.keeper.change))
    }
}

/// How long after the last change the working copy is written.
pub const KEEP_DELAY: Duration = Duration::from_millis(500);

/// The state of the working copy's writes.
#[derive(Debug, Default)]
pub(super) struct Keeper {
    /// The number of the last change to the answers.
    change: u64,
    /// The last change handed to a write.
    written: u64,
    /// The last change on disk, shared with the workers.
    last_written: Arc<Mutex<u64>>,
    last_change: Option<Instant>,
    /// A pause runs (its end is a `KeepDue`).
    pending: bool,
}

impl Drop for State {
    /// Whatever way the self-check goes, nothing typed is lost.
    fn drop(&mut self) {
        self.flush();
    }
}

fn pause(d: Duration) -> Task<Message> {
    Task::perform(
        async move {
            let (tx, rx) = iced::futures::channel::oneshot::channel();
            std::thread::spawn(move || {
                std::thread::sleep(d);
                let _ = tx.send(());
            });
            let _ = rx.await;
        },
        |()| Message::KeepDue,
    )
}

/// Write the working copy of change `change` (atomic, user-only), unless a
/// later change is on disk already.
fn write(path: &Path, bytes: &[u8], change: u64, last: &Mutex<u64>) -> Result<(), String> {
    let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
    if *last >= change {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    leidraad_core::store::write_atomic(path, bytes, false).map_err(|e| e.to_string())?;
    *last = change;
    Ok(())
}
