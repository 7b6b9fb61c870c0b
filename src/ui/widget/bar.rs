//! The bar at the top of a screen: back to the list, the round toggle, and
//! its actions.

use iced::widget::{button, row, space, text};
use iced::{Alignment, Element};

use crate::ui::{strings, theme};

/// `action`: its label and its message (None: shown but not available).
pub fn top<'a, M: Clone + 'a>(
    back: M,
    rounds: Element<'a, M>,
    action: Option<(&'a str, Option<M>)>,
) -> Element<'a, M> {
    top_with(back, rounds, action)
}

/// [`top`] with several actions, in the order given.
pub fn top_with<'a, M: Clone + 'a>(
    back: M,
    rounds: Element<'a, M>,
    actions: impl IntoIterator<Item = (&'a str, Option<M>)>,
) -> Element<'a, M> {
    row![
        button(text(strings::BACK_TO_LIST))
            .style(theme::link)
            .on_press(back),
        space::horizontal(),
        rounds,
    ]
    .extend(actions.into_iter().map(|(label, message)| {
        button(text(label))
            .padding([6, 12])
            .style(theme::secondary)
            .on_press_maybe(message)
            .into()
    }))
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}
