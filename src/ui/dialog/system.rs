//! Whether the desktop can show a system file dialog, known before one is
//! asked for. On Linux rfd talks to xdg-desktop-portal on the session bus
//! and falls back to zenity; when neither is there it returns "no choice",
//! which looks exactly like a cancel. The window asks here first and shows
//! its own dialog (see [`super::builtin`]) with the reason instead.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::ui::strings;

/// Set by [`force_builtin`]: use the built-in dialog whatever the desktop
/// offers (tests, and desktops where the system dialog misbehaves).
static FORCED: AtomicBool = AtomicBool::new(false);

/// Use the built-in dialog from now on (`true`), or go back to asking the
/// desktop (`false`).
pub fn force_builtin(on: bool) {
    FORCED.store(on, Ordering::Relaxed);
}

/// Why no system file dialog can open here (a Dutch line saying what to
/// install), or None when one can.
pub fn unavailable() -> Option<&'static str> {
    if FORCED.load(Ordering::Relaxed) {
        return Some(strings::DIALOG_BUILTIN_FORCED);
    }
    static FOUND: OnceLock<Option<&'static str>> = OnceLock::new();
    *FOUND.get_or_init(detect)
}

#[cfg(all(unix, not(target_os = "macos")))]
fn detect() -> Option<&'static str> {
    if on_path("zenity") || portal_on_session_bus() {
        None
    } else {
        Some(strings::DIALOG_MISSING_LINUX)
    }
}

/// macOS and Windows always have their own dialogs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn detect() -> Option<&'static str> {
    None
}

/// Whether `program` is an executable file in a folder of `PATH`.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        std::fs::metadata(dir.join(program))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

#[cfg(any(test, all(unix, not(target_os = "macos"))))]
const PORTAL: &str = "org.freedesktop.portal.Desktop";

/// Whether the session bus has xdg-desktop-portal, running or startable on
/// demand (it is usually D-Bus activated, so it need not run yet). Asked
/// with `dbus-send`; without a session bus or without `dbus-send` the
/// answer is no, and rfd could not reach the portal either.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_on_session_bus() -> bool {
    ["ListNames", "ListActivatableNames"].iter().any(|method| {
        std::process::Command::new("dbus-send")
            .args([
                "--session",
                "--dest=org.freedesktop.DBus",
                "--type=method_call",
                "--print-reply",
                "--reply-timeout=2000",
                "/org/freedesktop/DBus",
                &format!("org.freedesktop.DBus.{method}"),
            ])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .is_ok_and(|out| {
                out.status.success() && names_include(&String::from_utf8_lossy(&out.stdout))
            })
    })
}

/// Whether a `dbus-send --print-reply` list of names holds the portal.
#[cfg(any(test, all(unix, not(target_os = "macos"))))]
fn names_include(reply: &str) -> bool {
    reply
        .lines()
        .any(|line| line.trim() == format!("string \"{PORTAL}\""))
}

/// What the system dialog's answer means.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    Chosen(PathBuf),
    Cancelled,
    /// The dialog failed: what rfd logged.
    Failed(String),
}

/// rfd answers "no choice" both for a cancel and for a failure (which it
/// only logs): an error logged while the dialog was open makes it a
/// failure (see [`Watch::errors`] for the portal's errors that zenity
/// makes good). A choice is a choice whatever was logged.
pub fn answer(chosen: Option<PathBuf>, errors: Vec<String>) -> Answer {
    match chosen {
        Some(path) => Answer::Chosen(path),
        None if errors.is_empty() => Answer::Cancelled,
        None => Answer::Failed(errors.join("; ")),
    }
}

/// The errors rfd logs, with the number of the dialog they were logged in;
/// None marks rfd's turn from the portal to zenity.
static LOGGED: Mutex<Vec<(u64, Option<String>)>> = Mutex::new(Vec::new());
/// The number of the dialog open now (one at a time).
static DIALOG: AtomicU64 = AtomicU64::new(0);

/// Collects rfd's error records (and prints every warning and error on
/// stderr, as a logger would). Installed with the first system dialog,
/// unless the program has a logger already.
struct RfdErrors;

impl log::Log for RfdErrors {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        eprintln!("{}: {}", record.target(), record.args());
        if !record.target().starts_with("rfd") {
            return;
        }
        let line = record.args().to_string();
        let entry = match record.level() {
            log::Level::Error => Some(line),
            _ if line.contains("zenity fallback") => None,
            _ => return,
        };
        let mut logged = LOGGED.lock().unwrap_or_else(|e| e.into_inner());
        logged.push((DIALOG.load(Ordering::Relaxed), entry));
    }

    fn flush(&self) {}
}

/// One system dialog being watched for rfd's errors.
pub struct Watch(u64);

impl Watch {
    pub fn start() -> Watch {
        static LOGGER: OnceLock<()> = OnceLock::new();
        LOGGER.get_or_init(|| {
            if log::set_logger(&RfdErrors).is_ok() {
                log::set_max_level(log::LevelFilter::Warn);
            }
        });
        Watch(DIALOG.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// What rfd logged as an error while this dialog was open. Where the
    /// portal failed and rfd turned to zenity, only zenity's errors count:
    /// zenity's dialog was shown, and "no choice" from it is a cancel.
    pub fn errors(self) -> Vec<String> {
        let mut logged = LOGGED.lock().unwrap_or_else(|e| e.into_inner());
        let (mine, others): (Vec<_>, Vec<_>) = logged.drain(..).partition(|(n, _)| *n == self.0);
        *logged = others;
        let from = mine
            .iter()
            .rposition(|(_, e)| e.is_none())
            .map_or(0, |i| i + 1);
        mine.into_iter().skip(from).filter_map(|(_, e)| e).collect()
    }
}

/// Tests: every system dialog fails as if rfd had logged `detail`.
static SIMULATED: Mutex<Option<String>> = Mutex::new(None);

/// For tests: make every system dialog fail with `detail` (None: stop).
pub fn simulate_failure(detail: Option<&str>) {
    *SIMULATED.lock().unwrap_or_else(|e| e.into_inner()) = detail.map(str::to_string);
}

pub(super) fn simulated_failure() -> Option<String> {
    SIMULATED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_choice_with_an_rfd_error_is_a_failure_and_without_one_a_cancel() {
        assert_eq!(answer(None, vec![]), Answer::Cancelled);
        assert_eq!(
            answer(None, vec!["Portal request failed".into()]),
            Answer::Failed("Portal request failed".into())
        );
        let chosen = PathBuf::from("/tmp/x.leidraad");
        assert_eq!(
            answer(Some(chosen.clone()), vec!["noise".into()]),
            Answer::Chosen(chosen)
        );
    }

    #[test]
    fn an_rfd_error_logged_while_a_dialog_is_open_is_its_own() {
        let first = Watch::start();
        log::error!(target: "rfd::backend::xdg_desktop_portal", "Failed to pick file with zenity: exit 5");
        log::error!(target: "other_crate", "not about the dialog");
        assert_eq!(
            first.errors(),
            vec!["Failed to pick file with zenity: exit 5".to_string()]
        );
        let second = Watch::start();
        assert!(second.errors().is_empty(), "a new dialog starts clean");
        // The portal failed, zenity showed its dialog and was cancelled.
        let third = Watch::start();
        log::error!(target: "rfd::backend::xdg_desktop_portal::portal", "OpenFile failed: no portal");
        log::warn!(target: "rfd::backend::xdg_desktop_portal", "Using zenity fallback");
        assert!(third.errors().is_empty(), "zenity was shown: a cancel");
    }

    #[test]
    fn the_portal_is_found_in_a_dbus_send_reply() {
        let reply = "method return time=1 sender=org.freedesktop.DBus\n   array [\n      string \"org.freedesktop.DBus\"\n      string \"org.freedesktop.portal.Desktop\"\n   ]\n";
        assert!(names_include(reply));
        let without = "   array [\n      string \"org.freedesktop.portal.Documents\"\n   ]\n";
        assert!(!names_include(without));
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn a_program_on_path_is_found_and_a_missing_one_is_not() {
        assert!(on_path("sh"));
        assert!(!on_path("leidraad-no-such-program"));
    }
}
