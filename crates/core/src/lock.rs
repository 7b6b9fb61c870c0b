//! The lock of an open dossier: `NAME.lock` beside it, held with an
//! operating-system file lock (`File::try_lock`) for as long as the dossier
//! is open. The operating system releases it when the process ends, however
//! it ends, so a dead process never leaves a lock behind and taking over a
//! stale lock cannot race: there is nothing to take over.
//!
//! The file also holds text (process, computer, since when) for the message
//! "open elsewhere (process 4242 on werkplek-17 since …)". A lock file whose
//! text names **another computer** is respected even when no operating-system
//! lock is held on it here (a shared folder whose file system does not pass
//! locks between computers); one of this computer without an operating-system
//! lock belongs to a process that has ended and is taken over.

use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Where the lock of `path` is kept: `NAME.lock` beside it.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockOwner {
    pub pid: u32,
    pub host: String,
    /// When the lock was taken (RFC 3339), or empty when unknown.
    pub since: String,
}

impl std::fmt::Display for LockOwner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "process {} on {}", self.pid, self.host)?;
        if !self.since.is_empty() {
            write!(f, " since {}", self.since)?;
        }
        Ok(())
    }
}

impl LockOwner {
    fn me() -> LockOwner {
        LockOwner {
            pid: std::process::id(),
            host: host_name(),
            since: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }

    /// Someone holds the lock but its text is not (yet) readable.
    fn unknown() -> LockOwner {
        LockOwner {
            pid: 0,
            host: "unknown".to_string(),
            since: String::new(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "pid={}\nhost={}\nsince={}\n",
            self.pid, self.host, self.since
        )
    }

    /// `None` for a file that is not a lock of ours (or is empty).
    fn parse(text: &str) -> Option<LockOwner> {
        let mut pid = None;
        let mut host = None;
        let mut since = String::new();
        for line in text.lines() {
            match line.split_once('=') {
                Some(("pid", v)) => pid = v.trim().parse().ok(),
                Some(("host", v)) => host = Some(v.trim().to_string()),
                Some(("since", v)) => since = v.trim().to_string(),
                _ => {}
            }
        }
        Some(LockOwner {
            pid: pid?,
            host: host?,
            since,
        })
    }
}

fn host_name() -> String {
    let from_file = |p: &str| {
        fs::read_to_string(p)
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    from_file("/proc/sys/kernel/hostname")
        .or_else(|| from_file("/etc/hostname"))
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "unknown".to_string())
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum LockError {
    /// Another window or program has the dossier open.
    #[error("{file} is open elsewhere ({by}); it can be opened read-only")]
    Locked { file: String, by: LockOwner },
    #[error("{file}: could not create the lock: {source}")]
    Io {
        file: String,
        #[source]
        source: std::sync::Arc<std::io::Error>,
    },
}

/// The lock of an open dossier, held until dropped (closing the window,
/// the end of a command, the end of the process).
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// The open lock file; the operating-system lock lives as long as it.
    file: fs::File,
}

impl Lock {
    /// Lock the dossier at `path` (the dossier itself need not exist yet).
    pub fn acquire(path: &Path) -> Result<Lock, LockError> {
        let lock = lock_path(path);
        let file = path.display().to_string();
        let io = |e: std::io::Error| LockError::Io {
            file: file.clone(),
            source: std::sync::Arc::new(e),
        };
        // A few times at most: again when the file was removed by its
        // previous owner between our open and our lock.
        for _ in 0..8 {
            let mut f = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock)
                .map_err(io)?;
            match f.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let by = read_owner(&mut f).unwrap_or_else(LockOwner::unknown);
                    return Err(LockError::Locked { file, by });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io(e)),
            }
            if !still_at(&f, &lock) {
                continue;
            }
            // Ours. A text of another computer is respected (its lock may not
            // reach us through a shared folder); anything else is left over
            // from a process that has ended.
            if let Some(other) = read_owner(&mut f)
                && other.host != host_name()
            {
                return Err(LockError::Locked { file, by: other });
            }
            let text = LockOwner::me().to_text();
            f.set_len(0)
                .and_then(|()| f.rewind())
                .and_then(|()| f.write_all(text.as_bytes()))
                .and_then(|()| f.sync_all())
                .map_err(io)?;
            return Ok(Lock {
                path: lock,
                file: f,
            });
        }
        Err(io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the lock file keeps being replaced by another process",
        )))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The owner written in an open lock file, if it says one.
fn read_owner(f: &mut fs::File) -> Option<LockOwner> {
    let mut text = String::new();
    f.rewind().ok()?;
    f.read_to_string(&mut text).ok()?;
    LockOwner::parse(&text)
}

/// Whether `path` is still the file `f` has open: its previous owner may
/// have removed it after we opened it and before we locked it.
#[cfg(unix)]
fn still_at(f: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (f.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere the lock file is never removed (see `Drop`), so it stays the
/// file that was opened.
#[cfg(not(unix))]
fn still_at(_: &fs::File, _: &Path) -> bool {
    true
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can lock the old file and
        // believe it is the lock (`still_at` sends them to the new one).
        // On systems where an open file cannot be told apart from its
        // successor by its id, it is emptied instead and stays.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        #[cfg(not(unix))]
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_dies_with_its_owner_and_an_empty_file_blocks_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        // A lock file left empty by a process killed between creating and
        // writing it: nobody holds an operating-system lock on it.
        fs::write(lock_path(&path), b"").unwrap();
        let lock = Lock::acquire(&path).expect("an empty, unheld lock file is taken");
        assert!(matches!(
            Lock::acquire(&path),
            Err(LockError::Locked { .. })
        ));
        drop(lock);
        Lock::acquire(&path).expect("free again");
    }
}
