//! Recording the consensus: the draft's state above the form, the lines
//! that rounding moves the total across, the confirmation before it
//! counts, reopening a recorded consensus, and a consensus made without an
//! assessor who submitted later. The rules are the core's
//! (`consensus::record`, `crossings`, `made_without`).

use iced::widget::{Id, button, column, container, row, text};
use iced::{Element, Fill};

use super::{Message, State, danger};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::consensus::{self, Chair};
use leidraad_core::dossier::Consensus;
use leidraad_core::session::Session;

/// Whether a consensus counts and holds something: recorded, not a draft.
pub(super) fn is_recorded(c: Option<&Consensus>) -> bool {
    c.is_some_and(|c| c.is_recorded() && !c.is_empty())
}

impl State {
    /// "Consensus vastleggen…": refused at once, naming them, while a
    /// value lacks its motivation; otherwise the confirmation opens.
    pub(super) fn ask_record(&mut self, session: &Session) {
        let missing =
            consensus::missing_motivations(session.dossier(), &self.application, self.round);
        if missing.is_empty() {
            self.consensus.notice = None;
            self.record_confirm = true;
        } else {
            self.record_confirm = false;
            self.consensus.notice = Some(strings::unmotivated(&missing));
        }
    }

    /// Confirmed: record as `viewer` (refusals shown above the form).
    pub(super) fn record(&mut self, session: &mut Session, viewer: &str) {
        self.record_confirm = false;
        let chair = Chair {
            application: self.application.clone(),
            round: self.round,
            by: viewer.trim().to_string(),
        };
        let now = leidraad_core::dossier::now();
        match session.edit(|r, d| consensus::record(r, d, &chair, now)) {
            Ok(()) => {
                self.consensus.notice = None;
                self.reopened = false;
            }
            Err(e) => self.consensus.notice = Some(strings::edit_error(&e)),
        }
    }

    /// The block above the form: draft or recorded, and what to do next.
    pub(super) fn record_box<'a>(
        &'a self,
        session: &'a Session,
        agreed: Option<&'a Consensus>,
        editable: bool,
    ) -> Element<'a, Message> {
        let Some(c) = agreed.filter(|c| !c.is_empty()) else {
            return column![].into();
        };
        let mut col = column![].spacing(8);
        if c.is_recorded() {
            if let Some(at) = &c.recorded {
                col = col.push(
                    text(strings::consensus_recorded(&c.recorded_by, at))
                        .size(theme::TEXT)
                        .style(theme::success_text),
                );
            }
            let without = consensus::made_without(session.dossier(), &self.application, self.round);
            if !without.is_empty() {
                col = col.push(
                    container(text(strings::made_without(&without)).size(theme::TEXT))
                        .padding([6, 10])
                        .width(Fill)
                        .style(theme::tone_box(theme::Tone::Bad)),
                );
            }
            if !self.reopened {
                col = col.push(text(strings::RECORDED_READ_ONLY).size(theme::SMALL));
                col = col.push(
                    container(
                        button(text(strings::REOPEN_CONSENSUS))
                            .padding([6, 12])
                            .style(theme::secondary)
                            .on_press_maybe(editable.then_some(Message::Reopen)),
                    )
                    .id(Id::new("reopen-consensus")),
                );
            }
            return col.into();
        }
        let mut draft = column![text(strings::CONSENSUS_DRAFT).size(theme::TEXT)].spacing(2);
        if let Some(at) = &c.recorded {
            draft = draft.push(
                text(strings::draft_changed(&c.recorded_by, at))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        col = col.push(
            container(draft)
                .padding([6, 10])
                .width(Fill)
                .style(theme::tone_box(theme::Tone::Warn)),
        );
        let eval = session.evaluation(self.round);
        let crossings =
            consensus::crossings(session.rubric(), session.dossier(), eval, &self.application);
        for x in &crossings {
            col = col.push(danger(strings::crossing(x)));
        }
        if self.record_confirm {
            let (_, total) = consensus::totals(
                session.rubric(),
                session.dossier(),
                &self.application,
                self.round,
            );
            let total = total.map(|t| t.to_dutch_short());
            let confirm = if crossings.is_empty() {
                strings::RECORD_CONFIRM
            } else {
                strings::RECORD_CONFIRM_ANYWAY
            };
            let mut dialog = column![
                text(strings::RECORD_CONFIRM_TITLE).font(bold()),
                text(strings::record_result(total.as_deref(), self.round)).size(theme::TEXT),
            ]
            .spacing(8);
            if crossings.is_empty() {
                dialog = dialog.push(text(strings::RECORD_NO_CROSSING).size(theme::TEXT));
            }
            dialog = dialog.push(
                row![
                    container(
                        button(text(confirm))
                            .padding([6, 12])
                            .style(button::primary)
                            .on_press(Message::RecordConfirm),
                    )
                    .id(Id::new("record-confirm")),
                    container(
                        button(text(strings::RECORD_CANCEL))
                            .padding([6, 12])
                            .style(theme::secondary)
                            .on_press(Message::RecordCancel),
                    )
                    .id(Id::new("record-cancel")),
                ]
                .spacing(8),
            );
            col = col.push(
                container(dialog)
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        } else {
            col = col.push(
                container(
                    button(text(strings::RECORD_CONSENSUS))
                        .padding([8, 14])
                        .style(button::primary)
                        .on_press_maybe(editable.then_some(Message::Record)),
                )
                .id(Id::new("record-consensus")),
            );
        }
        col.into()
    }
}
