//! The assessor's window (iced 0.14, software renderer): open a dossier,
//! score a plan against the leidraad, see the verdict live.
//!
//! The domain holds no iced type; this module maps between the two.

pub mod app;
pub mod config;
pub mod dialog;
#[doc(hidden)]
pub mod headless;
pub mod measure;
pub mod screen;
pub mod strings;
pub mod theme;
pub mod widget;

use std::path::PathBuf;
use std::process::ExitCode;

static FIRST_VIEW: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static STARTED: std::sync::OnceLock<(std::time::Instant, bool)> = std::sync::OnceLock::new();

/// The view, which with `LEIDRAAD_TIMING` set reports when the first frame
/// is built.
fn timed_view(app: &app::App) -> iced::Element<'_, app::Message> {
    if let Some((started, true)) = STARTED.get()
        && !FIRST_VIEW.swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        eprintln!(
            "leidraad: eerste beeld opgebouwd na {} ms",
            started.elapsed().as_millis()
        );
    }
    app.view()
}

/// With `LEIDRAAD_EXIT_AFTER_FIRST_FRAME` set (for measurements, see
/// `scripts/perf-table.sh`): a close request follows the first frame, and
/// the time from the start to that request (after the first frame was drawn
/// and shown) is printed on stderr. Not for users; undocumented in `--help`.
const EXIT_AFTER_FIRST_FRAME: &str = "LEIDRAAD_EXIT_AFTER_FIRST_FRAME";

fn subscription_with_exit(app: &app::App) -> iced::Subscription<app::Message> {
    iced::Subscription::batch([
        app.subscription(),
        iced::window::frames().map(|_| app::Message::CloseRequested(iced::window::Id::unique())),
    ])
}

/// Start the window; `open` is the dossier of `leidraad open DOSSIER`.
pub fn run(open: Option<PathBuf>) -> ExitCode {
    if let Some(message) = display_problem() {
        eprintln!("{message}");
        return ExitCode::from(1);
    }
    let started = std::time::Instant::now();
    let places = config::Places::find();
    let open = open.map(|p| std::path::absolute(&p).unwrap_or(p));
    let timing = std::env::var_os("LEIDRAAD_TIMING").is_some();
    let _ = STARTED.set((started, timing));
    let exit_after_first_frame = std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some();
    // iced panics when the display cannot be reached; say so in plain
    // words instead of a backtrace. Other panics keep the default report.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = panic_message(info.payload());
        if message.contains("Create event loop") {
            eprintln!("{}", unreachable_message(|name| std::env::var_os(name)));
        } else {
            default_hook(info);
        }
    }));
    let result = std::panic::catch_unwind(move || {
        iced::application(
            move || {
                let booted = app::App::boot(open.clone(), places.clone());
                if timing {
                    eprintln!(
                        "leidraad: opgestart in {} ms",
                        started.elapsed().as_millis()
                    );
                }
                booted
            },
            move |app: &mut app::App, message: app::Message| {
                if exit_after_first_frame && matches!(message, app::Message::CloseRequested(_)) {
                    eprintln!(
                        "leidraad: eerste frame getoond na {} ms",
                        started.elapsed().as_millis()
                    );
                }
                app.update(message)
            },
            timed_view,
        )
        .title(app::App::title)
        .font(theme::FONT_REGULAR)
        .font(theme::FONT_BOLD)
        .default_font(theme::FONT)
        .theme(app::App::theme)
        .scale_factor(app::App::scale_factor)
        .subscription(if exit_after_first_frame {
            subscription_with_exit
        } else {
            app::App::subscription
        })
        .window(iced::window::Settings {
            size: iced::Size::new(1280.0, 680.0),
            icon: window_icon(),
            ..iced::window::Settings::default()
        })
        .exit_on_close_request(false)
        .run()
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("{}", strings::window_failed(&e.to_string()));
            ExitCode::from(1)
        }
        Err(_) => ExitCode::from(1),
    }
}

/// The application icon (assets/icon, made by `scripts/icons.sh`), for the
/// title bar and the taskbar.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/leidraad-64.png");

/// [`ICON_PNG`] as the window's icon; `None` (the system's default icon)
/// if it could not be decoded, which the tests rule out.
fn window_icon() -> Option<iced::window::Icon> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    decoder.set_transformations(png::Transformations::ALPHA);
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut rgba).ok()?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(frame.buffer_size());
    iced::window::icon::from_rgba(rgba, frame.width, frame.height).ok()
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Why no window can be opened here, if that is known beforehand: iced
/// panics when there is no display at all. Only where an X11 display is
/// needed (Linux and the BSDs); Windows and macOS always have their own.
fn display_problem() -> Option<&'static str> {
    let x11 = cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    ));
    if x11 {
        display_problem_in(|name| std::env::var_os(name))
    } else {
        None
    }
}

/// [`display_problem`] in an environment given by `var`. A Wayland session
/// is tried (its XWayland may be reachable although `DISPLAY` is not set
/// here); when the window then cannot be opened, the panic hook of [`run`]
/// says why.
fn display_problem_in(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<&'static str> {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        None
    } else {
        Some(strings::NO_DISPLAY)
    }
}

/// What to say when the event loop could not be created.
fn unreachable_message(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> String {
    let display = var("DISPLAY")
        .map(|v| v.to_string_lossy().into_owned())
        .unwrap_or_default();
    if display.is_empty() && var("WAYLAND_DISPLAY").is_some_and(|v| !v.is_empty()) {
        strings::WAYLAND_ONLY.to_string()
    } else {
        strings::display_unreachable(&display)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<std::ffi::OsString> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.into())
    }

    #[test]
    fn the_window_icon_decodes() {
        let icon = window_icon().expect("the committed icon is an RGBA PNG");
        let (rgba, size) = icon.into_raw();
        assert_eq!((size.width, size.height), (64, 64));
        assert_eq!(rgba.len(), 64 * 64 * 4);
        // Opaque in the middle (the sheet), transparent in the corner.
        let alpha = |x: usize, y: usize| rgba[(y * 64 + x) * 4 + 3];
        assert_eq!(alpha(32, 32), 255);
        assert_eq!(alpha(0, 0), 0);
    }

    #[test]
    fn an_x11_or_wayland_session_is_tried_and_nothing_is_refused() {
        assert_eq!(display_problem_in(env(&[("DISPLAY", ":0")])), None);
        assert_eq!(
            display_problem_in(env(&[("WAYLAND_DISPLAY", "wayland-0")])),
            None
        );
        assert_eq!(
            display_problem_in(env(&[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")])),
            Some(strings::NO_DISPLAY)
        );
        assert_eq!(display_problem_in(env(&[])), Some(strings::NO_DISPLAY));
    }

    #[test]
    fn a_wayland_session_without_xwayland_is_named_when_the_window_fails() {
        let wayland = unreachable_message(env(&[("WAYLAND_DISPLAY", "wayland-0")]));
        assert_eq!(wayland, strings::WAYLAND_ONLY);
        let x11 = unreachable_message(env(&[("DISPLAY", ":7")]));
        assert!(x11.contains(":7"), "{x11}");
    }
}
