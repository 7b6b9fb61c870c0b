//! Whether the desktop can show a system file dialog, known before one is
//! asked for. On Linux rfd talks to xdg-desktop-portal on the session bus
//! and falls back to zenity; when neither is there it returns "no choice",
//! which looks exactly like a cancel. The window asks here first and shows
//! its own dialog (see [`super::builtin`]) with the reason instead.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

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
fn names_include(reply: &str) -> bool {
    reply
        .lines()
        .any(|line| line.trim() == format!("string \"{PORTAL}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

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
