//! The recorded decisions of round 2 as the ranking screen lists them,
//! each with where it stands (current, stale and why, revoked and why),
//! and the two decisions recorded here beside the tie break and the
//! allocation: revoking a decision, and waiving the round-2 minimum for one
//! application. The rules are the core's (`leidraad_core::decide`); the
//! forms only show what it says.

use chrono::Utc;
use iced::widget::{Id, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Fill};

use super::{Action, Message, State};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::allocation::Rule;
use leidraad_core::decide;
use leidraad_core::dossier::{ApplicationId, Decision, DecisionKind, Round};
use leidraad_core::nl;
use leidraad_core::scoring::{DecisionState, Evaluation, Status};
use leidraad_core::session::Session;

/// The open form: a revocation of a recorded decision, or a waiver for an
/// application below the minimum; both need a motivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideForm {
    pub what: Decide,
    pub motivation: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decide {
    Revoke(usize),
    Waiver(ApplicationId),
}

impl DecideForm {
    pub fn revoke(index: usize) -> DecideForm {
        DecideForm {
            what: Decide::Revoke(index),
            motivation: String::new(),
            error: None,
        }
    }

    pub fn waiver(application: ApplicationId) -> DecideForm {
        DecideForm {
            what: Decide::Waiver(application),
            motivation: String::new(),
            error: None,
        }
    }
}

impl State {
    /// Record the open form's decision as `user`.
    pub(super) fn record_decide(&mut self, session: &mut Session, user: &str) -> Action {
        let Some(form) = &mut self.decide else {
            return Action::None;
        };
        let (round, kind) = match &form.what {
            Decide::Revoke(n) => (
                session
                    .dossier()
                    .decisions
                    .get(*n)
                    .map_or(Round::Two, |d| d.round),
                DecisionKind::Revoke { decision: *n },
            ),
            Decide::Waiver(app) => (
                Round::Two,
                DecisionKind::ThresholdWaiver {
                    application: app.clone(),
                },
            ),
        };
        let decision = Decision {
            round,
            ..decide::decision(kind, &form.motivation, user, Utc::now())
        };
        match session.edit(|rubric, dossier| decide::record_decision(rubric, dossier, decision)) {
            Ok(()) => {
                self.decide = None;
                // Who is awarded may have changed.
                self.propose(session, self.rule);
                Action::SaveNow
            }
            Err(e) => {
                form.error = Some(strings::decision_error(&e));
                Action::None
            }
        }
    }

    /// The decisions recorded for round 2, each with where it stands now,
    /// a button to revoke the ones that stand, and the applications below
    /// the minimum that a waiver could let in.
    pub(super) fn decisions<'a>(
        &'a self,
        session: &'a Session,
        eval: &Evaluation,
    ) -> Element<'a, Message> {
        let list: Vec<(usize, &Decision)> = session
            .dossier()
            .decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.round == Round::Two)
            .collect();
        let below: Vec<(ApplicationId, String)> = eval
            .applications
            .iter()
            .filter(|a| a.status == Status::BelowThreshold)
            .map(|a| (a.id.clone(), a.region.clone()))
            .collect();
        if list.is_empty() && below.is_empty() {
            return column![].into();
        }
        let mut c = column![text(strings::DECISIONS).size(theme::HEADING).font(bold())]
            .spacing(4)
            .max_width(super::READABLE);
        for (n, d) in list {
            let state = eval.decision(n);
            let standing = state.is_none_or(|s| s.state != DecisionState::Revoked);
            let revoke = (standing && !matches!(d.kind, DecisionKind::Revoke { .. })).then(|| {
                button(text(strings::REVOKE).size(theme::SMALL))
                    .style(theme::link)
                    .on_press_maybe((!self.read_only).then_some(Message::StartRevoke(n)))
            });
            let when = d.at.as_ref().map(strings::date_time).unwrap_or_default();
            // What was decided, then when and the action on a line of its
            // own: at the left, where a wide table cannot push it out of
            // sight.
            c = c.push(text(format!("{}: {}", nl::decision_number(n), describe(d))));
            c = c.push(
                row![text(when).size(theme::SMALL).style(theme::muted)]
                    .push(revoke)
                    .spacing(12)
                    .align_y(Alignment::Center),
            );
            if let Some(st) = state.filter(|st| !st.is_current()) {
                c = c.push(
                    text(strings::decision_state_line(st.state, &st.why))
                        .size(theme::SMALL)
                        .style(theme::warning_text),
                );
            }
            if self
                .decide
                .as_ref()
                .is_some_and(|f| f.what == Decide::Revoke(n))
            {
                c = c.push(self.decide_form(strings::revoke_intro(n)));
            }
        }
        if !below.is_empty() {
            c = c.push(
                text(strings::WAIVER_INTRO)
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
            for (id, region) in below {
                let open = self
                    .decide
                    .as_ref()
                    .is_some_and(|f| f.what == Decide::Waiver(id.clone()));
                c = c.push(
                    row![
                        text(format!("{id} {region}")),
                        button(text(strings::WAIVER).size(theme::SMALL))
                            .style(theme::link)
                            .on_press_maybe(
                                (!self.read_only).then(|| Message::StartWaiver(id.clone())),
                            ),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                );
                if open {
                    c = c.push(self.decide_form(strings::waiver_form_intro(&id.0)));
                }
            }
        }
        c.into()
    }

    /// The motivation field and the buttons of the open form.
    fn decide_form(&self, intro: String) -> Element<'_, Message> {
        let Some(form) = &self.decide else {
            return column![].into();
        };
        let mut c = column![
            text(intro),
            text_input(strings::DECIDE_MOTIVATION_PLACEHOLDER, &form.motivation)
                .id(Id::new("decide-motivation"))
                .on_input(Message::DecideMotivation)
                .on_submit(Message::RecordDecide)
                .padding(6)
                .style(theme::input),
        ]
        .spacing(6);
        if let Some(e) = &form.error {
            c = c.push(text(e).style(theme::danger_text));
        }
        c = c.push(
            row![
                button(text(strings::RECORD_DECISION))
                    .style(button::primary)
                    .on_press_maybe((!self.read_only).then_some(Message::RecordDecide)),
                button(text(strings::CANCEL))
                    .style(button::secondary)
                    .on_press(Message::CancelDecide),
            ]
            .spacing(8),
        );
        container(c)
            .padding(10)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

/// A recorded decision in a line.
fn describe(d: &Decision) -> String {
    match &d.kind {
        DecisionKind::TieBreak { awarded, .. } => {
            let v: Vec<String> = awarded.iter().map(|i| i.to_string()).collect();
            strings::tie_decided(&v.join(", "), &d.motivation)
        }
        DecisionKind::AwardCount(k) => strings::award_count_recorded(*k, &d.motivation),
        DecisionKind::Allocation { amounts, rule } => {
            let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
            strings::allocation_recorded(label, amounts.values().sum())
        }
        DecisionKind::ThresholdWaiver { application } => {
            strings::waiver_recorded(&application.0, &d.motivation)
        }
        DecisionKind::Revoke { decision } => strings::revoke_recorded(*decision, &d.motivation),
    }
}
