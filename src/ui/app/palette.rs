//! The command palette (Ctrl+K): every action of the screen shown and of
//! the window, found by typing a part of its name, chosen with the arrows
//! and Enter (or a click); Esc closes it. The entries are in `commands`.

use iced::keyboard::{Key, key::Named};
use iced::widget::{Column, text_input};
use iced::widget::{Id, button, column, container, mouse_area, opaque, row, scrollable, text};
use iced::{Alignment, Color, Element, Fill, Task};

use super::commands::Command;
use super::{App, KeyPress, Message};
use crate::ui::{strings, theme};

/// The palette's text field.
pub const QUERY: &str = "palette-query";
/// The palette's list of entries.
const LIST: &str = "palette-list";
/// The most entries shown at once (type to narrow them down).
const SHOWN: usize = 200;
/// The height of an entry, for scrolling the chosen one into view.
const ENTRY_HEIGHT: f32 = 36.0;

/// The open palette: what is typed and which entry is chosen.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    /// The chosen entry among those that match.
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub enum PaletteMessage {
    Query(String),
    /// Run the entry shown at this place.
    Run(usize),
    /// Enter in the field: run the chosen entry.
    Submit,
    Close,
}

/// Whether every word of `query` is in the entry's label or shortcut, in
/// any case.
fn matches(command: &Command, query: &str) -> bool {
    let label = command.label.to_lowercase();
    let keys = command.keys.unwrap_or("").to_lowercase();
    query
        .split_whitespace()
        .all(|w| label.contains(w) || keys.contains(w))
}

impl App {
    /// The entries that match what is typed, at most [`SHOWN`].
    pub fn palette_entries(&self) -> Vec<Command> {
        let Some(p) = &self.palette else {
            return Vec::new();
        };
        let query = p.query.to_lowercase();
        self.commands()
            .into_iter()
            .filter(|c| matches(c, &query))
            .take(SHOWN)
            .collect()
    }

    /// Ctrl+K: open the palette with the keyboard in its field (or close
    /// it again).
    pub(super) fn toggle_palette(&mut self) -> Task<Message> {
        if self.palette.take().is_some() {
            return Task::none();
        }
        self.palette = Some(Palette::default());
        iced::widget::operation::focus(Id::new(QUERY))
    }

    pub(super) fn palette_message(&mut self, m: PaletteMessage) -> Task<Message> {
        match m {
            PaletteMessage::Query(q) => {
                if let Some(p) = &mut self.palette {
                    p.query = q;
                    p.selected = 0;
                }
                self.scroll_palette()
            }
            PaletteMessage::Run(i) => self.run_entry(i),
            PaletteMessage::Submit => {
                let i = self.palette.as_ref().map_or(0, |p| p.selected);
                self.run_entry(i)
            }
            PaletteMessage::Close => {
                self.palette = None;
                Task::none()
            }
        }
    }

    /// Close the palette and do what entry `i` does.
    fn run_entry(&mut self, i: usize) -> Task<Message> {
        let Some(entry) = self.palette_entries().into_iter().nth(i) else {
            return Task::none();
        };
        self.palette = None;
        self.update(entry.message)
    }

    /// The keys while the palette is open: arrows choose, Enter runs,
    /// Esc closes; what is typed goes to its field, also when the field
    /// lost the focus to a click.
    pub(super) fn palette_key(&mut self, k: &KeyPress) -> Task<Message> {
        let command = k.modifiers.command();
        let count = self.palette_entries().len();
        let Some(p) = &mut self.palette else {
            return Task::none();
        };
        match k.key.as_ref() {
            Key::Named(Named::Escape) => {
                self.palette = None;
                Task::none()
            }
            Key::Character(c) if command && c.eq_ignore_ascii_case("k") => {
                self.palette = None;
                Task::none()
            }
            Key::Named(Named::ArrowDown) => {
                p.selected = (p.selected + 1).min(count.saturating_sub(1));
                self.scroll_palette()
            }
            Key::Named(Named::ArrowUp) => {
                p.selected = p.selected.saturating_sub(1);
                self.scroll_palette()
            }
            Key::Named(Named::PageDown) => {
                p.selected = (p.selected + 10).min(count.saturating_sub(1));
                self.scroll_palette()
            }
            Key::Named(Named::PageUp) => {
                p.selected = p.selected.saturating_sub(10);
                self.scroll_palette()
            }
            // In the field, Enter is its submit.
            Key::Named(Named::Enter) if !k.captured => {
                let chosen = p.selected;
                self.run_entry(chosen)
            }
            _ if k.captured || command => Task::none(),
            // Typed while the field had no focus: into the field.
            _ => {
                let typed = k.typed.as_ref().unwrap_or(&k.key);
                match typed.as_ref() {
                    Key::Character(c) => p.query.push_str(c),
                    Key::Named(Named::Space) => p.query.push(' '),
                    Key::Named(Named::Backspace) => {
                        p.query.pop();
                    }
                    _ => return Task::none(),
                }
                p.selected = 0;
                iced::widget::operation::focus(Id::new(QUERY))
            }
        }
    }

    /// Keep the chosen entry in view.
    fn scroll_palette(&self) -> Task<Message> {
        let selected = self.palette.as_ref().map_or(0, |p| p.selected);
        let y = (selected as f32 - 3.0).max(0.0) * ENTRY_HEIGHT;
        iced::widget::operation::scroll_to(
            Id::new(LIST),
            iced::widget::scrollable::AbsoluteOffset {
                x: None,
                y: Some(y),
            },
        )
    }

    /// The palette over the screen, which is dimmed behind it.
    pub(super) fn palette_view(&self) -> Option<Element<'_, Message>> {
        let p = self.palette.as_ref()?;
        let entries = self.palette_entries();
        let pm = Message::Palette;
        let field = text_input(strings::PALETTE_PLACEHOLDER, &p.query)
            .id(Id::new(QUERY))
            .on_input(|q| Message::Palette(PaletteMessage::Query(q)))
            .on_submit(pm(PaletteMessage::Submit))
            .padding(8)
            .style(theme::input);
        // Room on the right for the scroll bar.
        let mut list = Column::new()
            .spacing(2)
            .padding(iced::Padding::ZERO.right(14));
        if entries.is_empty() {
            list = list.push(text(strings::PALETTE_NONE).style(theme::muted));
        }
        for (i, c) in entries.into_iter().enumerate() {
            let chosen = i == p.selected;
            let line = row![
                text(c.label).width(Fill),
                text(c.keys.unwrap_or("")).size(theme::SMALL),
            ]
            .spacing(12)
            .align_y(Alignment::Center);
            list = list.push(
                container(
                    button(line)
                        .width(Fill)
                        .height(ENTRY_HEIGHT - 2.0)
                        .padding([6, 10])
                        .style(theme::palette_entry(chosen))
                        .on_press(pm(PaletteMessage::Run(i))),
                )
                .id(Id::from(format!("palette-{i}"))),
            );
        }
        let card = container(
            column![
                text(strings::PALETTE_TITLE).size(theme::HEADING),
                field,
                scrollable(list).id(Id::new(LIST)).height(Fill),
                text(strings::PALETTE_HELP)
                    .size(theme::SMALL)
                    .style(theme::muted),
            ]
            .spacing(10),
        )
        .padding(16)
        .width(640)
        .max_height(520)
        .style(theme::card_focused);
        let scrim = container(opaque(card))
            .width(Fill)
            .height(Fill)
            .padding([60, 20])
            .align_x(Alignment::Center)
            .style(|_: &iced::Theme| container::Style {
                background: Some(Color::from_rgba(0.0, 0.0, 0.0, 0.45).into()),
                ..container::Style::default()
            });
        Some(mouse_area(scrim).on_press(pm(PaletteMessage::Close)).into())
    }
}
