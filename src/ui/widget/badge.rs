//! The status badge of an application in a round.

use iced::Element;
use iced::widget::{container, text};

use crate::ui::{strings, theme};
use leidraad_core::scoring::Status;

pub fn status<'a, Message: 'a>(status: Status) -> Element<'a, Message> {
    container(text(strings::status(status)).size(theme::SMALL))
        .padding([2, 8])
        .style(theme::tone_box(theme::status_tone(status)))
        .into()
}
