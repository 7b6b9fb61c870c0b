//! The keyboard: shortcuts for the whole window, then the keys each screen
//! takes when no text field took them.

use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::{Event, Task, event, window};

use super::{App, Message, Screen};
use crate::ui::screen::list;
use crate::ui::screen::scoring::{self, KeyInput};

/// A key press as the root sees it: `captured` when a text field took it.
#[derive(Debug, Clone)]
pub struct KeyPress {
    /// The key without modifiers (for shortcuts).
    pub key: Key,
    /// The key as typed, with Shift applied; None when the same as `key`.
    pub typed: Option<Key>,
    pub modifiers: Modifiers,
    pub captured: bool,
}

impl App {
    pub(super) fn key(&mut self, k: KeyPress) -> Task<Message> {
        if self.builtin_dialog.is_some() {
            return self.builtin_dialog_key(&k);
        }
        if self.palette.is_some() {
            return self.palette_key(&k);
        }
        let command = k.modifiers.command();
        let shift = k.modifiers.shift();
        let character = match k.key.as_ref() {
            Key::Character(c) => c.chars().next(),
            _ => None,
        };
        match (k.key.as_ref(), character) {
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'s') => {
                return self.update(Message::Save);
            }
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'o') => return self.open_dialog(),
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'k') => {
                return self.toggle_palette();
            }
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'n') => {
                return self.new_application();
            }
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'z') => {
                if let Screen::Scoring(_) = self.screen {
                    return self.update(Message::Scoring(scoring::Message::Undo));
                }
                return Task::none();
            }
            // Zoom: Ctrl+= (or Ctrl++ where + has a key of its own),
            // Ctrl+-, Ctrl+0.
            (_, Some('=' | '+')) if command => return self.update(Message::Zoom(Some(true))),
            (_, Some('-')) if command => return self.update(Message::Zoom(Some(false))),
            (_, Some('0')) if command => return self.update(Message::Zoom(None)),
            // From every screen of the dossier: to the list's filter.
            (_, Some(c))
                if command
                    && c.eq_ignore_ascii_case(&'f')
                    && self.session.is_some()
                    && !matches!(
                        self.screen,
                        Screen::Start(_) | Screen::Error(_) | Screen::SelfCheck(_)
                    ) =>
            {
                return self.update(Message::FindInList);
            }
            // Esc clears the list's filter first, also from inside its
            // field (which takes Esc to let go of the focus).
            (Key::Named(Named::Escape), _)
                if matches!(self.screen, Screen::List) && !self.list.filter.is_empty() =>
            {
                return self.list_message(list::Message::Filter(String::new()));
            }
            (Key::Named(Named::Enter), _) if command => {
                if let (Screen::Scoring(state), Some(session)) =
                    (&mut self.screen, &mut self.session)
                {
                    state.submit(session);
                }
                return Task::none();
            }
            // The next and previous application: also from inside a text
            // field (Alt with an arrow is no text editing key off macOS).
            (Key::Named(Named::ArrowRight | Named::ArrowLeft), _)
                if k.modifiers.alt() && !command && matches!(self.screen, Screen::Scoring(_)) =>
            {
                let step = if k.key == Key::Named(Named::ArrowRight) {
                    1
                } else {
                    -1
                };
                return self.step_application(step);
            }
            (Key::Named(Named::PageDown | Named::PageUp), _)
                if command && matches!(self.screen, Screen::Scoring(_)) =>
            {
                let step = if k.key == Key::Named(Named::PageDown) {
                    1
                } else {
                    -1
                };
                return self.step_application(step);
            }
            (Key::Named(Named::Tab), _) => {
                return match &self.screen {
                    Screen::Scoring(_) => {
                        self.handle(Message::Scoring(scoring::Message::Tab { backwards: shift }))
                    }
                    _ if shift => iced::widget::operation::focus_previous(),
                    _ => iced::widget::operation::focus_next(),
                };
            }
            _ => {}
        }
        if k.captured || command {
            return Task::none();
        }
        if let Key::Named(Named::Escape) = k.key.as_ref() {
            return self.escape();
        }
        match &self.screen {
            Screen::Scoring(_) => self.scoring_key(&k, character),
            Screen::List => self.list_key(&k),
            Screen::Ranking(_)
            | Screen::Disagreements(_)
            | Screen::Panel(_)
            | Screen::Application(_)
            | Screen::Start(_)
            | Screen::Error(_)
            | Screen::SelfCheck(_) => Task::none(),
        }
    }

    /// Esc means one thing on every screen: close what is open over the
    /// screen (the file dialog, a form, a confirmation); with nothing open,
    /// go back one screen (to the list of applications, from the panel to
    /// the disagreements it was opened from, from the self-check and the
    /// error screen to the start, from the start to the open dossier). The
    /// list is the dossier's first screen: there Esc only closes the
    /// package form or the notice. (The file dialog is handled before.)
    pub(super) fn escape(&mut self) -> Task<Message> {
        match &mut self.screen {
            Screen::List => {
                if self.list.package.is_some() {
                    self.list.package = None;
                } else {
                    self.list.notice = None;
                }
                Task::none()
            }
            Screen::Scoring(state) => {
                if state.close_open_form() {
                    Task::none()
                } else {
                    self.back_to_list()
                }
            }
            Screen::Ranking(state) => {
                if state.tie.is_some() || state.decide.is_some() {
                    state.tie = None;
                    state.decide = None;
                    Task::none()
                } else {
                    self.back_to_list()
                }
            }
            Screen::Panel(state) => {
                if state.close_open_form() {
                    Task::none()
                } else {
                    self.leave_panel()
                }
            }
            Screen::Disagreements(_) => self.back_to_list(),
            // The form of the application's data: Esc cancels it.
            Screen::Application(_) => {
                self.screen = Screen::List;
                Task::none()
            }
            Screen::SelfCheck(state) => {
                if state.confirm_new {
                    state.confirm_new = false;
                    Task::none()
                } else {
                    self.update(Message::SelfCheck(
                        crate::ui::screen::selfcheck::Message::Home,
                    ))
                }
            }
            Screen::Error(_) => self.update(Message::Home),
            Screen::Start(_) => {
                self.update(Message::Start(crate::ui::screen::start::Message::Back))
            }
        }
    }

    fn scoring_key(&mut self, k: &KeyPress, character: Option<char>) -> Task<Message> {
        // What was typed, with Shift applied: for text, not for shortcuts.
        let typed = match k.typed.as_ref().unwrap_or(&k.key).as_ref() {
            Key::Character(c) => c.chars().next(),
            _ => None,
        };
        let input = match (k.key.as_ref(), character) {
            (Key::Named(Named::Enter), _) => KeyInput::Enter,
            (Key::Named(Named::Delete | Named::Backspace), _) => KeyInput::Delete,
            (Key::Named(Named::ArrowLeft), _) => KeyInput::Step(-1),
            (Key::Named(Named::ArrowRight), _) => KeyInput::Step(1),
            (Key::Named(Named::Space), _) => KeyInput::Char(' '),
            (_, Some(_)) => match typed {
                Some(c) => KeyInput::Char(c),
                None => return Task::none(),
            },
            _ => return Task::none(),
        };
        let (Screen::Scoring(state), Some(session)) = (&mut self.screen, &mut self.session) else {
            return Task::none();
        };
        match state.key(session, &input) {
            scoring::Action::Run(t) => t.map(Message::Scoring),
            scoring::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
            scoring::Action::Back => self.back_to_list(),
            scoring::Action::Step(step) => self.step_application(step),
            scoring::Action::None => Task::none(),
        }
    }

    fn list_key(&mut self, k: &KeyPress) -> Task<Message> {
        let Some(session) = &self.session else {
            return Task::none();
        };
        let key = match k.key.as_ref() {
            Key::Named(Named::ArrowDown) => list::ListKey::Down,
            Key::Named(Named::ArrowUp) => list::ListKey::Up,
            Key::Named(Named::Enter) => list::ListKey::Enter,
            _ => return Task::none(),
        };
        match self.list.key(session, key) {
            list::Action::Score(id, round) => self.open_scoring(id, round),
            _ => self.list.reveal_selected(session),
        }
    }
}

/// A keyboard or mouse event of the window as the root takes it (the
/// subscription's filter; public for the tests that drive the keyboard).
pub fn key_event(event: Event, status: event::Status, _window: window::Id) -> Option<Message> {
    match event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            modified_key,
            modifiers,
            ..
        }) => {
            let typed = (modified_key != key).then_some(modified_key);
            Some(Message::Key(KeyPress {
                key,
                typed,
                modifiers,
                captured: matches!(status, event::Status::Captured),
            }))
        }
        Event::Mouse(iced::mouse::Event::ButtonPressed(_)) => Some(Message::MousePressed),
        _ => None,
    }
}

impl App {
    /// The keys while the window's own file dialog is shown: Esc cancels,
    /// Tab moves between its fields; nothing reaches the screen below.
    fn builtin_dialog_key(&mut self, k: &KeyPress) -> Task<Message> {
        use crate::ui::dialog::builtin;
        match k.key.as_ref() {
            Key::Named(Named::Escape) => self.update(Message::Dialog(builtin::Message::Cancel)),
            Key::Named(Named::Tab) if k.modifiers.shift() => {
                iced::widget::operation::focus_previous()
            }
            Key::Named(Named::Tab) => iced::widget::operation::focus_next(),
            _ => Task::none(),
        }
    }
}
