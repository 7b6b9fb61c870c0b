//! A row of choices for a scale: one button per value, the chosen one
//! filled. Every choice sits in a container with an id (`C2=7`), so tests
//! and scripts can find one among the many buttons labelled "7".

use iced::widget::{button, container, row, text};
use iced::{Alignment, Element};

use crate::ui::theme;

pub struct Choice<Message> {
    pub label: String,
    pub id: String,
    pub selected: bool,
    /// None when the choice cannot be made (a submitted assessment).
    pub on_press: Option<Message>,
    pub style: Option<leidraad_core::dossier::Verdict>,
}

pub fn choices<'a, Message: Clone + 'a>(items: Vec<Choice<Message>>) -> Element<'a, Message> {
    row(items.into_iter().map(choice))
        .spacing(4)
        .align_y(Alignment::Center)
        .into()
}

pub fn choice<'a, Message: Clone + 'a>(c: Choice<Message>) -> Element<'a, Message> {
    let selected = c.selected;
    let label = text(c.label).size(theme::TEXT).center();
    let b = button(label).padding([5, 10]).on_press_maybe(c.on_press);
    let b = match c.style {
        Some(v) => b.style(theme::verdict_choice(selected, v)),
        None => b.style(theme::choice(selected)),
    };
    container(b).id(c.id).into()
}

/// The round toggle of a screen: one choice per round, with ids
/// `{prefix}round-1` and `{prefix}round-2`; `long` labels read
/// "Ronde 1: eerste beoordeling", short ones "Ronde 1".
pub fn rounds<'a, Message: Clone + 'a>(
    prefix: &str,
    current: leidraad_core::dossier::Round,
    long: bool,
    on_press: impl Fn(leidraad_core::dossier::Round) -> Message,
) -> Element<'a, Message> {
    use crate::ui::strings;
    use leidraad_core::dossier::Round;
    row(Round::ALL.map(|r| {
        choice(Choice {
            label: if long {
                strings::round_long(r)
            } else {
                strings::round_short(r)
            }
            .to_string(),
            id: format!("{prefix}round-{}", r.number()),
            selected: r == current,
            on_press: Some(on_press(r)),
            style: None,
        })
    }))
    .spacing(if long { 6 } else { 4 })
    .into()
}
