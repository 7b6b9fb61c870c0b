#![allow(dead_code)]
//! Driving the window in the iced_test simulator (headless, tiny-skia).

use iced::widget::Id;
use iced_test::Simulator;
use leidraad::ui::app::{App, Message};

/// Tall enough that every card of the longest screen is in view.
pub const TALL: (f32, f32) = (1400.0, 12000.0);

/// Run `act` on a simulator of the current view, then feed the messages it
/// produced to `update`, as the runtime would.
pub fn interact(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>)) {
    embedded_fonts_only();
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        act(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        let _ = app.update(m);
    }
}

/// [`interact`], then [`settle`] what the messages started (a save, an
/// export). Only where no file dialog is asked for.
pub fn interact_settle(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>)) {
    embedded_fonts_only();
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        act(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        run(app, m);
    }
}

pub fn click(ui: &mut Simulator<'_, Message>, id: &str) {
    ui.click(Id::from(id.to_string()))
        .unwrap_or_else(|e| panic!("click {id}: {e:?}"));
}

/// Whether the current view shows `text` somewhere.
pub fn shows(app: &App, text: &str) -> bool {
    embedded_fonts_only();
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    ui.find(text).is_ok()
}

/// Run what `update` returned as the runtime would, feeding every message
/// it produces back to `update`, until nothing is left: saves and exports
/// run off the window's thread and end in a message. Widget operations
/// (focus, scrolling) have no window here and are dropped. Use it only
/// where no file dialog is asked for.
pub fn settle(app: &mut App, task: iced::Task<Message>) {
    use iced::futures::StreamExt;
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return;
    };
    let actions: Vec<_> = iced::futures::executor::block_on(stream.collect::<Vec<_>>());
    for action in actions {
        if let iced_runtime::Action::Output(m) = action {
            let next = app.update(m);
            settle(app, next);
        }
    }
}

/// `update` with `m`, then [`settle`] what it returned.
pub fn run(app: &mut App, m: Message) {
    let task = app.update(m);
    settle(app, task);
}

/// Render with the fonts the program embeds and nothing else: the system's
/// fonts (which fontdb loads, and which differ from machine to machine, and
/// may hold another version of DejaVu Sans) are removed from iced's font
/// system, so a snapshot is the same on every machine. Once per process;
/// every simulator of these helpers calls it.
pub fn embedded_fonts_only() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut fonts = iced_test::renderer::graphics::text::font_system()
            .write()
            .expect("the font system");
        for font in leidraad::ui::theme::settings().fonts {
            fonts.load_font(font);
        }
        let db = fonts.raw().db_mut();
        let system: Vec<_> = db
            .faces()
            .filter(|f| {
                !matches!(
                    f.source,
                    iced_test::renderer::graphics::text::cosmic_text::fontdb::Source::Binary(_)
                )
            })
            .map(|f| f.id)
            .collect();
        for id in system {
            db.remove_face(id);
        }
    });
}

/// The families iced's font system holds (after [`embedded_fonts_only`]:
/// the program's and iced's own).
pub fn font_families() -> Vec<String> {
    let mut fonts = iced_test::renderer::graphics::text::font_system()
        .write()
        .expect("the font system");
    let mut names: Vec<String> = fonts
        .raw()
        .db()
        .faces()
        .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Whether the scoring screen's "Nog te doen" has the line `line`
/// ("Motivering ontbreekt: C3, C5"): its label, and each knock-out or
/// criterion as a link.
pub fn shows_missing(app: &App, line: &str) -> bool {
    let (label, ids) = line.split_once(": ").expect("a line 'label: ids'");
    if !shows(app, &format!("{label}:")) {
        return false;
    }
    embedded_fonts_only();
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    ids.split(", ")
        .all(|id| ui.find(Id::from(format!("todo-{label}-{id}"))).is_ok())
}
