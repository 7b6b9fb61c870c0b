//! The assessor's window (iced 0.14, software renderer): open a dossier,
//! score a plan against the leidraad, see the verdict live.
//!
//! The domain holds no iced type; this module maps between the two.

pub mod app;
pub mod config;
pub mod dialog;
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
            let display = std::env::var("DISPLAY").unwrap_or_default();
            eprintln!("{}", strings::display_unreachable(&display));
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
        .subscription(if exit_after_first_frame {
            subscription_with_exit
        } else {
            app::App::subscription
        })
        .window_size((1280.0, 680.0))
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

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Why no window can be opened here, if that is known beforehand: iced
/// panics when there is no display at all.
fn display_problem() -> Option<&'static str> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") {
        None
    } else if set("WAYLAND_DISPLAY") {
        Some(strings::WAYLAND_ONLY)
    } else {
        Some(strings::NO_DISPLAY)
    }
}
