//! The bar at the top of a screen: back to the list, the round toggle, and
//! at most one action.

use iced::widget::{button, row, space, text};
use iced::{Alignment, Element};

use crate::ui::{strings, theme};

/// `action`: its label and its message (None: shown but not available).
pub fn top<'a, M: Clone + 'a>(
    back: M,
    rounds: Element<'a, M>,
    action: Option<(&'a str, Option<M>)>,
) -> Element<'a, M> {
    row![
        button(text(strings::BACK_TO_LIST))
            .style(theme::link)
            .on_press(back),
        space::horizontal(),
        rounds,
    ]
    .push(action.map(|(label, message)| {
        button(text(label))
            .padding([6, 12])
            .style(theme::secondary)
            .on_press_maybe(message)
    }))
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}
