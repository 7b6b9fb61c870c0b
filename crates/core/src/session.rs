//! An open dossier: the one door through which every change to it goes,
//! from the window and from every writing command alike.
//!
//! A session
//! - takes the dossier's lock **before** it reads the file, so what it
//!   holds is what nobody else is changing ([`Session::open`]);
//! - keeps its dossier private: it is read through [`Session::dossier`] and
//!   changed only through [`Session::edit`] / [`Session::edit_if`], which
//!   refuse every change of a read-only session and mark the change for
//!   saving;
//! - keeps the evaluation of both rounds current by itself: the evaluation
//!   is computed when first asked for after a change, so no caller can
//!   forget to refresh it;
//! - saves atomically (`store::save_dossier`), and never over a file that
//!   another program changed on disk since this session read or saved it
//!   ([`SaveError::ChangedOnDisk`]); the caller decides to reload or to
//!   keep its own version.
//!
//! Saving can run off the caller's thread: [`Session::save_job`] hands out
//! a [`SaveJob`] holding a shared snapshot of the dossier (no copy is made
//! unless the dossier changes while the job runs), [`SaveJob::run`] writes
//! it anywhere, and [`Session::finish_save`] takes the outcome back.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use crate::dossier::{ApplicationId, Dossier, Round};
use crate::error::{LoadError, Location, OtherRubric};
use crate::rubric::Rubric;
use crate::scoring::{self, Evaluation};
use crate::store::{self, Lock, LockError, LockOwner};

/// Why a session is read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another window or program has the dossier open (holds its lock).
    OpenElsewhere(LockOwner),
    /// The lock could not be made (for instance a folder without write
    /// permission); exclusive use cannot be guaranteed, so nothing is saved.
    NoLock(String),
}

/// A change or a save refused because the session is read-only.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the dossier is open read-only: nothing can be changed or saved")]
pub struct ReadOnlyError;

/// How a session is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// To change it: refused while another window or program holds the
    /// lock (the writing commands).
    Write,
    /// To change it if it is free, else read-only (the window).
    WriteOrReadOnly,
}

/// Why a dossier could not be opened.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The lock is held elsewhere (only with [`Access::Write`]).
    #[error("{file} is open elsewhere ({by}); close it there first. Nothing was changed.")]
    Locked { file: String, by: LockOwner },
    #[error(transparent)]
    Lock(LockError),
    /// A new dossier's file exists already.
    #[error("{0} exists already; choose a new file")]
    Exists(String),
}

/// Why a save did not happen.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    ReadOnly(#[from] ReadOnlyError),
    #[error(transparent)]
    Write(#[from] store::SaveError),
    /// The file on disk is not what this session read or last saved:
    /// another program changed it. Nothing was written.
    #[error(
        "{file}: changed on disk by another program since it was opened; nothing was written (reload it, or save again to keep this version; the other one is then kept as the backup)"
    )]
    ChangedOnDisk { file: String },
    /// The dossier breaks a rule the loader enforces (a limit of
    /// docs/limits.md, a duplicate id, ...): written, it could not be opened
    /// again. Nothing was written.
    #[error("{file}: not saved, because it could not be opened again: {problem}")]
    WouldNotLoad { file: String, problem: String },
}

/// What a file on disk was when a session read or wrote it: enough to see
/// that another program replaced or rewrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// The inode on Unix (a save by rename makes a new one).
    file_id: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, or None when there is none.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let file_id = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let file_id = 0;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            file_id,
        })
    }
}

/// The file a path names in the end: symbolic links followed (also for a
/// file that does not exist yet, through its folder). A path that cannot be
/// resolved is used as it is, and fails where it is used.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = dunce::canonicalize(path) {
        return real;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            dunce::canonicalize(dir).map_or_else(|_| path.to_path_buf(), |d| d.join(name))
        }
        _ => path.to_path_buf(),
    }
}

/// The file as the session last read or wrote it.
#[derive(Debug, Default)]
struct Disk {
    /// The file's stamp then.
    stamp: Option<Stamp>,
    /// The generation last written (or read, after a reload): a save of an
    /// older one is skipped.
    written: u64,
}

/// Read and check the dossier at `path` against the rubric file given, or
/// else the built-in leidraad. The file is only read.
pub fn read(path: &Path, rubric: Option<&Path>) -> Result<(Rubric, Dossier), LoadError> {
    let name = path.display().to_string();
    let text = store::read_text(path)?;
    let parsed = store::parse_unchecked(&text, &name)?;
    let rubric = match rubric {
        Some(file) => Rubric::load(file)?,
        None => match Rubric::builtin_with_hash(&parsed.rubric.hash) {
            Some(builtin) => builtin,
            None => {
                return Err(LoadError::OtherRubric(Box::new(OtherRubric {
                    file: name,
                    location: Location::of_field(&text, "rubric"),
                    id: parsed.rubric.id.clone(),
                    version: parsed.rubric.version.clone(),
                    hash: parsed.rubric.hash.clone(),
                    opened_with: Rubric::builtin().title,
                })));
            }
        },
    };
    store::check_dossier(&parsed, &rubric, &text, &name)?;
    Ok((rubric, parsed))
}

pub struct Session {
    rubric: Rubric,
    dossier: Arc<Dossier>,
    /// Where the dossier is saved; None for a dossier that lives only in
    /// memory (tests, benchmarks).
    path: Option<PathBuf>,
    /// Counts changes; equal to `saved` when nothing is waiting to be saved.
    generation: u64,
    saved: u64,
    /// The generation a save job is writing now, if one runs.
    saving: Option<u64>,
    read_only: Option<ReadOnly>,
    /// The dossier's lock, held while the session lives; released on drop.
    lock: Option<Lock>,
    /// What this session last read or wrote, shared with its save jobs:
    /// every write takes it, so writes are ordered and an older one never
    /// lands after a newer one.
    disk: Arc<Mutex<Disk>>,
    /// Both rounds, computed when first asked for after a change.
    evaluations: OnceLock<[Evaluation; 2]>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("path", &self.path)
            .field("generation", &self.generation)
            .field("saved", &self.saved)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session of a dossier that lives only in memory: nothing is locked
    /// or written (tests, benchmarks, a preview).
    pub fn in_memory(rubric: Rubric, dossier: Dossier) -> Session {
        Session {
            rubric,
            dossier: Arc::new(dossier),
            path: None,
            generation: 0,
            saved: 0,
            saving: None,
            read_only: None,
            lock: None,
            disk: Arc::default(),
            evaluations: OnceLock::new(),
        }
    }

    /// Open the dossier file at `path`: take its lock, then read it (with
    /// the rubric file given, or else the built-in leidraad). With
    /// [`Access::WriteOrReadOnly`] a lock held elsewhere (or one that cannot
    /// be made) opens the dossier read-only instead.
    pub fn open(path: &Path, rubric: Option<&Path>, access: Access) -> Result<Session, OpenError> {
        Session::open_observed(path, rubric, access, || {})
    }

    /// [`open`](Self::open), calling `after_lock` between taking the lock
    /// and reading the file: the seam where a test puts another program
    /// (the tester slowed the window's open down at this point).
    pub fn open_observed(
        path: &Path,
        rubric: Option<&Path>,
        access: Access,
        after_lock: impl FnOnce(),
    ) -> Result<Session, OpenError> {
        // A symbolic link is followed: the lock, the read and every save
        // are of the real file, and the link stays a link.
        let real = real_path(path);
        let path = real.as_path();
        let (lock, read_only) = match (Lock::acquire(path), access) {
            (Ok(lock), _) => (Some(lock), None),
            (Err(LockError::Locked { file, by }), Access::Write) => {
                return Err(OpenError::Locked { file, by });
            }
            (Err(e), Access::Write) => return Err(OpenError::Lock(e)),
            (Err(LockError::Locked { by, .. }), Access::WriteOrReadOnly) => {
                (None, Some(ReadOnly::OpenElsewhere(by)))
            }
            (Err(LockError::Io { source, .. }), Access::WriteOrReadOnly) => {
                (None, Some(ReadOnly::NoLock(source.to_string())))
            }
        };
        after_lock();
        // Read only now that the lock is ours: what is read is what nobody
        // else is writing. The stamp is taken before reading, so a change
        // made while reading shows at the next save.
        let on_disk = Stamp::of(path);
        let (rubric, dossier) = read(path, rubric)?;
        Ok(Session {
            path: Some(path.to_path_buf()),
            lock,
            read_only,
            disk: Arc::new(Mutex::new(Disk {
                stamp: on_disk,
                written: 0,
            })),
            ..Session::in_memory(rubric, dossier)
        })
    }

    /// A new dossier at `path`, which must not exist yet: takes the lock,
    /// then writes the dossier for the first time.
    pub fn create(path: &Path, rubric: Rubric, dossier: Dossier) -> Result<Session, OpenError> {
        let real = real_path(path);
        let path = real.as_path();
        let name = path.display().to_string();
        let lock = Lock::acquire(path).map_err(|e| match e {
            LockError::Locked { file, by } => OpenError::Locked { file, by },
            other => OpenError::Lock(other),
        })?;
        if path.exists() {
            return Err(OpenError::Exists(name));
        }
        let mut dossier = dossier;
        if dossier.id.is_empty() {
            dossier.id = crate::dossier::new_id();
        }
        let mut session = Session {
            path: Some(path.to_path_buf()),
            lock: Some(lock),
            ..Session::in_memory(rubric, dossier)
        };
        session.generation = 1;
        Ok(session)
    }

    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }

    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// The dossier as it is now, shared (for work on another thread, such
    /// as an export); the session copies it only if it changes meanwhile.
    pub fn shared_dossier(&self) -> Arc<Dossier> {
        Arc::clone(&self.dossier)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Whether this session holds the dossier's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Counts the changes made through this session.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved
    }

    /// Whether a save job handed out by [`Session::save_job`] is running.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Change the dossier. `f` gets the rubric and the dossier; when it
    /// returns `Ok`, the change is marked for saving and the evaluation is
    /// computed anew when next asked for. A read-only session refuses
    /// before `f` runs. `f` must leave the dossier as it was when it fails
    /// (the `edit`, `consensus` and `panel` functions do).
    pub fn edit<T, E: From<ReadOnlyError>>(
        &mut self,
        f: impl FnOnce(&Rubric, &mut Dossier) -> Result<T, E>,
    ) -> Result<T, E> {
        if self.read_only.is_some() {
            return Err(ReadOnlyError.into());
        }
        let out = f(&self.rubric, Arc::make_mut(&mut self.dossier))?;
        self.changed();
        Ok(out)
    }

    /// [`edit`](Self::edit) for a change that may turn out to change
    /// nothing (importing a file a second time): `f` says whether it
    /// changed the dossier, and only then is the dossier marked changed.
    pub fn edit_if<E: From<ReadOnlyError>>(
        &mut self,
        f: impl FnOnce(&Rubric, &mut Dossier) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.read_only.is_some() {
            return Err(ReadOnlyError.into());
        }
        let changed = f(&self.rubric, Arc::make_mut(&mut self.dossier))?;
        if changed {
            self.changed();
        }
        Ok(changed)
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.evaluations = OnceLock::new();
    }

    /// The evaluation of a round, current with every change made.
    pub fn evaluation(&self, round: Round) -> &Evaluation {
        let both = self
            .evaluations
            .get_or_init(|| scoring::evaluate_rounds(&self.rubric, &self.dossier));
        match round {
            Round::One => &both[0],
            Round::Two => &both[1],
        }
    }

    /// Whether `app` may be scored in `round` (round 2: only what round 1
    /// invited), from the current evaluation.
    pub fn may_score(&self, app: &ApplicationId, round: Round) -> bool {
        scoring::round_open(&self.dossier, app, round, || {
            self.evaluation(Round::One).status_of(app) == Some(scoring::Status::Invited)
        })
    }

    /// Save now, on this thread.
    /// Also while a [`SaveJob`] runs elsewhere (the window closing during an
    /// autosave): the writes are ordered, and the older one is skipped.
    pub fn save(&mut self) -> Result<(), SaveError> {
        match self.job(true)? {
            Some(job) => {
                let saved = job.run();
                self.finish_save(saved)
            }
            None => Ok(()),
        }
    }

    /// [`save`](Self::save) even over a file another program changed on
    /// disk (the user chose to keep this version; the other one becomes
    /// the backup).
    pub fn save_over_changes(&mut self) -> Result<(), SaveError> {
        if let Some(path) = &self.path {
            self.disk_state().stamp = Stamp::of(path);
        }
        self.save()
    }

    fn disk_state(&self) -> std::sync::MutexGuard<'_, Disk> {
        // A writer that panicked left the state as it was: still usable.
        self.disk.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A save of the dossier as it is now, to be run on any thread; None
    /// when there is nothing to save or a save is running already (ask
    /// again when it has finished). A dossier in memory only is marked
    /// saved at once.
    pub fn save_job(&mut self) -> Result<Option<SaveJob>, SaveError> {
        self.job(false)
    }

    fn job(&mut self, also_while_saving: bool) -> Result<Option<SaveJob>, SaveError> {
        if !self.is_dirty() || (self.saving.is_some() && !also_while_saving) {
            return Ok(None);
        }
        if self.read_only.is_some() {
            return Err(ReadOnlyError.into());
        }
        let Some(path) = &self.path else {
            self.saved = self.generation;
            return Ok(None);
        };
        if self.saving.is_none() {
            self.saving = Some(self.generation);
        }
        Ok(Some(SaveJob {
            path: path.clone(),
            rubric: self.rubric.clone(),
            dossier: Arc::clone(&self.dossier),
            generation: self.generation,
            disk: Arc::clone(&self.disk),
        }))
    }

    /// Take back the outcome of a [`SaveJob`].
    pub fn finish_save(&mut self, saved: Saved) -> Result<(), SaveError> {
        if self.saving == Some(saved.generation) {
            self.saving = None;
        }
        saved.result?;
        self.saved = self.saved.max(saved.generation);
        Ok(())
    }

    /// Read the dossier from disk again (after another program changed
    /// it), dropping the changes not yet saved. The lock stays held.
    pub fn reload(&mut self, rubric_file: Option<&Path>) -> Result<(), LoadError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let on_disk = Stamp::of(&path);
        let (rubric, dossier) = read(&path, rubric_file)?;
        self.rubric = rubric;
        self.dossier = Arc::new(dossier);
        self.changed();
        self.saved = self.generation;
        // A save of the dropped changes still running may not land now.
        *self.disk_state() = Disk {
            stamp: on_disk,
            written: self.generation,
        };
        Ok(())
    }

    /// Whether the file on disk is still what this session read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        match &self.path {
            Some(path) => Stamp::of(path) != self.disk_state().stamp,
            None => false,
        }
    }

    /// The file name, for titles and messages.
    pub fn file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// A save to run on any thread: the dossier as it was when the job was
/// made, shared with the session until the session changes it.
#[derive(Debug)]
pub struct SaveJob {
    path: PathBuf,
    rubric: Rubric,
    dossier: Arc<Dossier>,
    generation: u64,
    disk: Arc<Mutex<Disk>>,
}

/// The outcome of a [`SaveJob`], for [`Session::finish_save`].
#[derive(Debug, Clone)]
pub struct Saved {
    generation: u64,
    result: Result<(), SaveError>,
}

impl Saved {
    pub fn result(&self) -> Result<(), &SaveError> {
        self.result.as_ref().copied()
    }
}

impl SaveJob {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write the dossier atomically, unless another program changed the
    /// file since the session read or last wrote it, or the dossier breaks
    /// a rule the loader enforces: whatever the loader would refuse, no
    /// writer writes (the window, an import, a package import alike).
    /// A job older than what was written meanwhile writes nothing.
    pub fn run(self) -> Saved {
        let file = self.path.display().to_string();
        let mut disk = self.disk.lock().unwrap_or_else(|e| e.into_inner());
        let result = if disk.written >= self.generation {
            Ok(())
        } else if Stamp::of(&self.path) != disk.stamp {
            Err(SaveError::ChangedOnDisk { file })
        } else if let Err(e) = store::check_dossier(&self.dossier, &self.rubric, "", &file) {
            let problem = match e {
                LoadError::Invalid { message, .. } => message,
                other => other.to_string(),
            };
            Err(SaveError::WouldNotLoad { file, problem })
        } else {
            store::save_dossier(&self.path, &self.dossier)
                .map(|()| {
                    disk.stamp = Stamp::of(&self.path);
                    disk.written = self.generation;
                })
                .map_err(SaveError::from)
        };
        drop(disk);
        Saved {
            generation: self.generation,
            result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::Application;

    fn example(dir: &Path) -> PathBuf {
        let path = dir.join("d.ron");
        let rubric = Rubric::builtin();
        let mut d = Dossier::new("t", &rubric);
        d.applications.push(Application::new("A1", "Regio Noord"));
        store::save_dossier(&path, &d).unwrap();
        path
    }

    #[test]
    fn a_read_only_session_refuses_every_change_before_it_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let first = Session::open(&path, None, Access::Write).unwrap();
        let mut second = Session::open(&path, None, Access::WriteOrReadOnly).unwrap();
        assert!(first.holds_lock() && second.is_read_only());
        let mut ran = false;
        let r: Result<(), ReadOnlyError> = second.edit(|_, _| {
            ran = true;
            Ok(())
        });
        assert_eq!(r, Err(ReadOnlyError));
        assert!(!ran && !second.is_dirty());
        assert!(matches!(
            Session::open(&path, None, Access::Write),
            Err(OpenError::Locked { .. })
        ));
    }

    #[test]
    fn the_evaluation_follows_every_change_without_a_refresh() {
        let rubric = Rubric::builtin();
        let mut s = Session::in_memory(rubric.clone(), Dossier::new("t", &rubric));
        assert_eq!(s.evaluation(Round::One).applications.len(), 0);
        s.edit(|_, d| {
            d.applications.push(Application::new("A1", "Regio Noord"));
            Ok::<_, ReadOnlyError>(())
        })
        .unwrap();
        assert_eq!(s.evaluation(Round::One).applications.len(), 1);
        assert!(s.is_dirty());
        s.save().unwrap();
        assert!(!s.is_dirty(), "a dossier in memory is saved at once");
    }

    #[test]
    fn a_change_on_disk_is_never_overwritten_silently() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let mut s = Session::open(&path, None, Access::Write).unwrap();
        s.edit(|_, d| {
            d.title = "from the session".into();
            Ok::<_, ReadOnlyError>(())
        })
        .unwrap();
        // Another program (which ignores the lock) rewrites the file.
        let rubric = Rubric::builtin();
        let mut other = Dossier::new("from another program", &rubric);
        other
            .applications
            .push(Application::new("B1", "Regio Zuid"));
        store::save_dossier(&path, &other).unwrap();
        assert!(s.changed_on_disk());
        assert!(matches!(s.save(), Err(SaveError::ChangedOnDisk { .. })));
        let on_disk = read(&path, None).unwrap().1;
        assert_eq!(on_disk.title, "from another program");
        assert!(s.is_dirty(), "the session's change is still waiting");
        // Reloading takes the other program's version.
        s.reload(None).unwrap();
        assert_eq!(s.dossier().title, "from another program");
        assert!(!s.is_dirty() && !s.changed_on_disk());
    }

    #[test]
    fn keeping_this_version_saves_over_the_change_and_backs_the_other_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let mut s = Session::open(&path, None, Access::Write).unwrap();
        s.edit(|_, d| {
            d.title = "mine".into();
            Ok::<_, ReadOnlyError>(())
        })
        .unwrap();
        let rubric = Rubric::builtin();
        store::save_dossier(&path, &Dossier::new("theirs", &rubric)).unwrap();
        assert!(s.save().is_err());
        s.save_over_changes().unwrap();
        assert_eq!(read(&path, None).unwrap().1.title, "mine");
        let backup = store::backup_path(&path);
        let text = std::fs::read_to_string(backup).unwrap();
        assert!(text.contains("\"theirs\""), "{text}");
    }

    #[test]
    fn a_save_job_writes_the_snapshot_while_the_session_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let mut s = Session::open(&path, None, Access::Write).unwrap();
        let set = |s: &mut Session, title: &str| {
            let title = title.to_string();
            s.edit(|_, d| {
                d.title = title;
                Ok::<_, ReadOnlyError>(())
            })
            .unwrap();
        };
        set(&mut s, "first");
        let job = s.save_job().unwrap().expect("something to save");
        assert!(
            s.save_job().unwrap().is_none(),
            "one save at a time: a second job could finish first with older data"
        );
        set(&mut s, "second");
        let done = std::thread::spawn(move || job.run()).join().unwrap();
        s.finish_save(done).unwrap();
        assert_eq!(read(&path, None).unwrap().1.title, "first");
        assert!(s.is_dirty(), "the second change is not saved yet");
        s.save().unwrap();
        assert_eq!(read(&path, None).unwrap().1.title, "second");
        assert!(!s.is_dirty());
    }

    /// The window closing (a save on its own thread) while an autosave
    /// job still runs: the last change is written, and the older job,
    /// finishing later, does not write over it. Before, the close saved
    /// nothing ("a save is running") and the change was lost.
    #[test]
    fn a_save_while_a_job_runs_keeps_the_last_change_whatever_finishes_last() {
        for job_first in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let path = example(dir.path());
            let mut s = Session::open(&path, None, Access::Write).unwrap();
            let set = |s: &mut Session, title: &str| {
                let title = title.to_string();
                s.edit(|_, d| {
                    d.title = title;
                    Ok::<_, ReadOnlyError>(())
                })
                .unwrap();
            };
            set(&mut s, "first");
            let job = s.save_job().unwrap().expect("something to save");
            set(&mut s, "second");
            if job_first {
                let _ = job.run();
                s.save().expect("no false change on disk after our own job");
            } else {
                s.save().unwrap();
                drop(s);
                let _ = job.run();
            }
            assert_eq!(
                read(&path, None).unwrap().1.title,
                "second",
                "job first: {job_first}"
            );
        }
    }

    #[test]
    fn opening_takes_the_lock_before_it_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.ron");
        // The file does not exist: the lock was taken (and released) and
        // only then did the read fail.
        let err = Session::open(&path, None, Access::Write).unwrap_err();
        assert!(
            matches!(err, OpenError::Load(LoadError::Io { .. })),
            "{err}"
        );
        // A held lock refuses before anything is read: an unreadable file
        // behind a held lock says "open elsewhere", not "cannot read".
        let path = example(dir.path());
        let _held = Session::open(&path, None, Access::Write).unwrap();
        std::fs::write(&path, b"not a dossier").unwrap();
        let err = Session::open(&path, None, Access::Write).unwrap_err();
        assert!(matches!(err, OpenError::Locked { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_dossier_is_locked_and_saved_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = example(dir.path());
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut s = Session::open(&link, None, Access::Write).unwrap();
        // The real file is locked: opening it by its own name is refused.
        assert!(matches!(
            Session::open(&target, None, Access::Write),
            Err(OpenError::Locked { .. })
        ));
        s.edit(|_, d| {
            d.title = "through the link".into();
            Ok::<_, ReadOnlyError>(())
        })
        .unwrap();
        s.save().unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(read(&target, None).unwrap().1.title, "through the link");
    }

    #[test]
    fn what_the_loader_would_refuse_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let before = std::fs::read(&path).unwrap();
        let mut s = Session::open(&path, None, Access::Write).unwrap();
        s.edit(|_, d| {
            d.applications[0].region = "x".repeat(store::limits::NAME + 1);
            Ok::<_, ReadOnlyError>(())
        })
        .unwrap();
        let err = s.save().unwrap_err();
        assert!(matches!(err, SaveError::WouldNotLoad { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
        assert!(s.is_dirty());
    }

    #[test]
    fn a_dossier_of_another_rubric_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let text = std::fs::read_to_string(&path).unwrap();
        let hash = Rubric::builtin().hash();
        std::fs::write(&path, text.replace(&hash, &"0".repeat(hash.len()))).unwrap();
        let err = read(&path, None).unwrap_err();
        assert!(matches!(err, LoadError::OtherRubric(_)), "{err}");
        assert!(err.location().is_some());
    }
}
