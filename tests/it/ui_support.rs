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

/// [`interact`], then [`settle`] what the messages started (a save, an
/// export). Only where no file dialog is asked for.
pub fn interact_settle(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>)) {
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
