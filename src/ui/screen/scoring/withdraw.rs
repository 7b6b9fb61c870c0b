//! Withdrawing a submitted assessment: the button, the reason (required)
//! and the confirmation. The rule is the core's (`edit::withdraw`): allowed
//! until the panel has recorded consensus on the application in this round.

use chrono::Utc;
use iced::widget::{Id, button, column, container, row, text, text_input};
use iced::{Element, Fill};

use super::view::bold;
use super::{Action, Message, Notice, State};
use crate::ui::{strings, theme};
use leidraad_core::edit;
use leidraad_core::session::Session;

impl State {
    /// Open the withdrawal form (the reason field gets the focus).
    pub(super) fn ask_withdraw(&mut self) -> Action {
        self.withdraw_form = Some(String::new());
        Action::Run(iced::widget::operation::focus(Id::new("withdraw-reason")))
    }

    pub(super) fn withdraw_reason(&mut self, reason: String) {
        if let Some(r) = &mut self.withdraw_form {
            *r = reason;
        }
    }

    /// Withdraw with the reason typed; a refusal (no reason, consensus
    /// recorded) keeps the form open with the message.
    pub(super) fn withdraw(&mut self, session: &mut Session) {
        let Some(reason) = self.withdraw_form.clone() else {
            return;
        };
        let t = self.target.clone();
        match session.edit(|_, d| edit::withdraw(d, &t, &reason, Utc::now())) {
            Ok(()) => {
                self.load(session);
                self.withdraw_form = None;
                self.notice = Some(Notice::Withdrawn);
            }
            Err(e) => self.notice = Some(Notice::Error(strings::edit_error(&e))),
        }
    }

    /// The button under "Ingediend op …".
    pub(super) fn withdraw_button<'a>(&self) -> Element<'a, Message> {
        container(
            button(text(strings::WITHDRAW).size(theme::TEXT))
                .padding([4, 10])
                .style(theme::secondary)
                .on_press_maybe(self.withdraw_form.is_none().then_some(Message::AskWithdraw)),
        )
        .id(Id::new("withdraw"))
        .into()
    }

    /// The form: why, then Intrekken or Annuleren.
    pub(super) fn withdraw_form_view<'a>(&self) -> Option<Element<'a, Message>> {
        let reason = self.withdraw_form.as_deref()?;
        let body = column![
            text(strings::WITHDRAW_TITLE).font(bold()),
            text(strings::WITHDRAW_INTRO).size(theme::TEXT),
            text(strings::WITHDRAW_REASON)
                .size(theme::SMALL)
                .style(theme::muted),
            text_input(strings::WITHDRAW_REASON_PLACEHOLDER, reason)
                .id(Id::new("withdraw-reason"))
                .on_input(Message::WithdrawReason)
                .on_submit(Message::Withdraw)
                .size(theme::TEXT)
                .padding(6)
                .style(theme::input),
            row![
                container(
                    button(text(strings::WITHDRAW_CONFIRM))
                        .padding([6, 12])
                        .style(button::danger)
                        .on_press(Message::Withdraw),
                )
                .id(Id::new("withdraw-confirm")),
                container(
                    button(text(strings::WITHDRAW_CANCEL))
                        .padding([6, 12])
                        .style(theme::secondary)
                        .on_press(Message::CancelWithdraw),
                )
                .id(Id::new("withdraw-cancel")),
            ]
            .spacing(8),
        ]
        .spacing(8);
        Some(
            container(body)
                .padding(12)
                .width(Fill)
                .style(theme::notice_danger)
                .into(),
        )
    }
}
