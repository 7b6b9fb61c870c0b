//! Tie groups at the award line of round 2 and the form that records the
//! decision between them.

use std::collections::BTreeSet;

use chrono::Utc;
use iced::widget::{Id, button, column, container, row, text, text_input};
use iced::{Element, Fill};

use super::{Action, Message, State};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::dossier::{ApplicationId, DecisionKind, Round};
use leidraad_core::scoring::{Evaluation, TieGroup};
use leidraad_core::session::Session;

/// The decision form of one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieForm {
    pub group: u32,
    pub awarded: BTreeSet<ApplicationId>,
    pub motivation: String,
    pub error: Option<String>,
}

impl State {
    /// Record the tie decision of the form. The rules (a group that is
    /// tied now, as many awarded as places, a motivation) are the core's;
    /// the form only shows what it says.
    pub(super) fn record_tie(&mut self, session: &mut Session, user: &str) -> Action {
        let Some(form) = &mut self.tie else {
            return Action::None;
        };
        let recorded = session.edit(|rubric, dossier| {
            leidraad_core::panel::break_tie(
                rubric,
                dossier,
                Round::Two,
                form.group,
                form.awarded.clone(),
                &form.motivation,
                user,
                Utc::now(),
            )
        });
        match recorded {
            Ok(()) => {
                self.tie = None;
                // The awarded set changed: propose the same rule again.
                self.propose(session, self.rule);
                // A decision is saved at once, not after the autosave pause.
                Action::SaveNow
            }
            Err(leidraad_core::panel::DecisionError::NoSuchTie { .. }) => {
                // The ranking moved: the form's group is gone.
                self.tie = None;
                Action::None
            }
            Err(e) => {
                form.error = Some(strings::decision_error(&e));
                Action::None
            }
        }
    }

    pub(super) fn ties<'a>(
        &'a self,
        session: &'a Session,
        eval: &'a Evaluation,
    ) -> Element<'a, Message> {
        let mut c = column![text(strings::TIES).size(theme::HEADING).font(bold())].spacing(8);
        for t in &eval.ties {
            c = c.push(self.tie_card(session, t));
        }
        c.into()
    }

    fn tie_card<'a>(&'a self, session: &'a Session, t: &'a TieGroup) -> Element<'a, Message> {
        let region = |id: &ApplicationId| {
            session
                .dossier()
                .application(id)
                .map_or(id.to_string(), |a| format!("{id} {}", a.region))
        };
        let members = t.members.iter().map(region).collect::<Vec<_>>();
        let mut c = column![text(strings::tie_group(
            &strings::join_and(&members),
            &t.total.to_dutch(),
            t.places
        ))]
        .spacing(8);
        if let Some(n) = t.decision {
            let d = &session.dossier().decisions[n];
            if let DecisionKind::TieBreak { awarded, .. } = &d.kind {
                let names: Vec<String> = awarded.iter().map(region).collect();
                c = c.push(
                    text(strings::tie_decided(
                        &strings::join_and(&names),
                        &d.motivation,
                    ))
                    .style(theme::success_text),
                );
            }
            return container(c)
                .padding(12)
                .width(Fill)
                .style(theme::card)
                .into();
        }
        match &self.tie {
            Some(form) if form.group == t.number => {
                let picks = row(t.members.iter().map(|id| {
                    scale::choice(Choice {
                        label: region(id),
                        id: format!("tie-{id}"),
                        selected: form.awarded.contains(id),
                        on_press: Some(Message::ToggleTie(id.clone())),
                        style: None,
                    })
                }))
                .spacing(6);
                c = c.push(text(strings::choose_awarded(t.places)).font(bold()));
                c = c.push(picks);
                c = c.push(text(strings::DECISION_MOTIVATION).font(bold()));
                c = c.push(
                    text_input(strings::DECISION_MOTIVATION_PLACEHOLDER, &form.motivation)
                        .id(Id::new("tie-motivation"))
                        .on_input(Message::TieMotivation)
                        .on_submit(Message::RecordTie)
                        .padding(6)
                        .style(theme::input),
                );
                if let Some(e) = &form.error {
                    c = c.push(text(e).style(theme::danger_text));
                }
                c = c.push(
                    row![
                        button(text(strings::RECORD))
                            .style(button::primary)
                            .on_press_maybe((!self.read_only).then_some(Message::RecordTie)),
                        button(text(strings::CANCEL))
                            .style(theme::secondary)
                            .on_press(Message::CancelTie),
                    ]
                    .spacing(8),
                );
            }
            _ => {
                c = c.push(
                    button(text(strings::RECORD_DECISION))
                        .style(button::primary)
                        .on_press_maybe((!self.read_only).then_some(Message::StartTie(t.number))),
                );
            }
        }
        container(c)
            .padding(12)
            .width(Fill)
            .style(theme::tone_box(theme::Tone::Warn))
            .into()
    }
}
