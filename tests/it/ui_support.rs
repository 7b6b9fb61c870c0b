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
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        act(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        let _ = app.update(m);
    }
}

pub fn click(ui: &mut Simulator<'_, Message>, id: &str) {
    ui.click(Id::from(id.to_string()))
        .unwrap_or_else(|e| panic!("click {id}: {e:?}"));
}

/// Whether the current view shows `text` somewhere.
pub fn shows(app: &App, text: &str) -> bool {
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    ui.find(text).is_ok()
}
