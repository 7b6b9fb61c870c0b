//! The window's own file dialog at the root: a request from a file action
//! (see [`crate::ui::dialog::builtin`]) is shown over the screen until the
//! user chooses or cancels; the answer goes back to the waiting action.

use iced::Task;

use super::{App, Message};
use crate::ui::dialog::builtin;

impl App {
    pub(super) fn builtin_requested(&mut self, request: builtin::Request) -> Task<Message> {
        // One dialog at a time: a second request is cancelled at once (the
        // root and the list allow one open dialog anyway).
        if self.builtin_dialog.is_some() {
            builtin::State::new(request).update(builtin::Message::Cancel);
            return Task::none();
        }
        self.builtin_dialog = Some(builtin::State::new(request));
        iced::widget::operation::focus(iced::widget::Id::new(builtin::PATH_FIELD))
    }

    pub(super) fn builtin_message(&mut self, m: builtin::Message) -> Task<Message> {
        if let Some(state) = &mut self.builtin_dialog
            && state.update(m)
        {
            self.builtin_dialog = None;
        }
        Task::none()
    }
}
