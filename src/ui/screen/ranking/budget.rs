//! The budget over the awarded applications of round 2: proposals by an
//! allocation rule, the amounts as typed, the check against the budget,
//! and recording the allocation as a decision.

use std::collections::BTreeMap;

use chrono::Utc;
use iced::widget::{Id, button, column, container, row, rule, text, text_input};
use iced::{Alignment, Element, Fill};

use super::{Action, Message, READABLE, State};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::allocation::{self, Rule};
use leidraad_core::dossier::{ApplicationId, DecisionKind, Round};
use leidraad_core::session::Session;

impl State {
    pub(super) fn propose(&mut self, session: &Session, rule: Rule) {
        let eval = session.evaluation(Round::Two);
        let recipients = allocation::candidates(session.dossier(), eval);
        self.rule = rule;
        self.allocation_error = None;
        match allocation::propose(session.rubric().process.budget_eur, &recipients, rule) {
            Ok(p) => {
                self.amounts = p
                    .amounts
                    .into_iter()
                    .map(|(id, a)| (id, strings::thousands(a)))
                    .collect();
            }
            Err(e) => {
                self.amounts = recipients
                    .into_iter()
                    .map(|r| (r.id, String::new()))
                    .collect();
                if !matches!(e, allocation::AllocationError::NoRecipients) {
                    self.allocation_error = Some(strings::allocation_error(&e));
                }
            }
        }
    }

    /// The typed amounts as euros; None where a field is not a whole
    /// amount.
    pub fn parsed_amounts(&self) -> BTreeMap<ApplicationId, Option<u64>> {
        self.amounts
            .iter()
            .map(|(id, s)| {
                let v = if s.trim().is_empty() {
                    Some(0)
                } else {
                    strings::parse_whole(s)
                };
                (id.clone(), v)
            })
            .collect()
    }

    pub(super) fn record_allocation(&mut self, session: &mut Session, user: &str) -> Action {
        let parsed = self.parsed_amounts();
        if parsed.values().any(Option::is_none) {
            self.allocation_error = Some(strings::NOT_A_WHOLE_AMOUNT.to_string());
            return Action::None;
        }
        let amounts: BTreeMap<ApplicationId, u64> = parsed
            .into_iter()
            .map(|(id, v)| (id, v.unwrap_or(0)))
            .collect();
        let rule = self.rule;
        let motivation = self.allocation_motivation.clone();
        let recorded = session.edit(|rubric, dossier| {
            allocation::record(
                rubric,
                dossier,
                amounts,
                rule,
                &motivation,
                user,
                Utc::now(),
            )
        });
        match recorded {
            Ok(()) => {
                self.allocation_error = None;
                Action::SaveNow
            }
            Err(e) => {
                self.allocation_error = Some(strings::allocation_error(&e));
                Action::None
            }
        }
    }

    /// The budget: the proposals, an amount per awarded application, the
    /// check against the budget, and the allocation recorded.
    pub(super) fn budget<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let budget = session.rubric().process.budget_eur;
        let mut c = column![
            text(strings::BUDGET).size(theme::HEADING).font(bold()),
            text(strings::budget_intro(budget)).style(theme::muted),
        ]
        .spacing(8)
        // Beside a ranking table wider than the window, the page is as wide
        // as the table: the amounts stay within a width that one sees.
        .max_width(READABLE);
        let eval = session.evaluation(Round::Two);
        let recipients = allocation::candidates(session.dossier(), eval);
        if recipients.is_empty() {
            return c
                .push(
                    container(text(strings::NO_RECIPIENTS))
                        .padding(12)
                        .width(Fill)
                        .style(theme::notice_info),
                )
                .into();
        }
        if !eval.is_final {
            c = c.push(
                container(text(strings::BUDGET_PROVISIONAL))
                    .padding(12)
                    .width(Fill)
                    .style(theme::tone_box(theme::Tone::Warn)),
            );
        }
        c = c.push(self.proposals());
        let parsed = self.parsed_amounts();
        c = c.push(
            text(leidraad_core::nl::rule_explained(&self.rule.code()))
                .size(theme::SMALL)
                .style(theme::muted),
        );
        c = c.push(self.amounts_table(session, &recipients, &parsed));

        let amounts: BTreeMap<ApplicationId, u64> = parsed
            .iter()
            .map(|(id, v)| (id.clone(), v.unwrap_or(0)))
            .collect();
        let check = allocation::check(budget, &recipients, &amounts);
        c = c.push(
            text(strings::budget_sum(check.total, check.remainder))
                .font(bold())
                .style(if check.over_budget() {
                    theme::danger_text
                } else {
                    theme::success_text
                }),
        );
        if check.over_budget() {
            c = c.push(text(strings::OVER_BUDGET).style(theme::danger_text));
        }
        if !check.above_request.is_empty() {
            let ids: Vec<String> = check.above_request.iter().map(|i| i.to_string()).collect();
            c = c.push(text(strings::above_request(&ids.join(", "))).style(theme::warning_text));
        }
        c = c.push(
            text_input(
                strings::ALLOCATION_MOTIVATION_PLACEHOLDER,
                &self.allocation_motivation,
            )
            .id(Id::new("allocation-motivation"))
            .on_input(Message::AllocationMotivation)
            .padding(6)
            .style(theme::input),
        );
        if let Some(e) = &self.allocation_error {
            c = c.push(text(e).style(theme::danger_text));
        }
        let can_record = eval.is_final
            && !check.over_budget()
            && parsed.values().all(Option::is_some)
            && !self.read_only;
        c = c.push(
            button(text(strings::RECORD_ALLOCATION))
                .style(button::primary)
                .on_press_maybe(can_record.then_some(Message::RecordAllocation)),
        );
        if let Some(recorded) = recorded_allocation(session, eval) {
            c = c.push(recorded);
        }
        c.into()
    }

    /// The row of allocation rules to propose from, with "handmatig" shown
    /// once an amount was typed.
    fn proposals(&self) -> Element<'_, Message> {
        let mut proposals = row![text(strings::PROPOSAL).font(bold())]
            .spacing(6)
            .align_y(Alignment::Center);
        for rule in Rule::PROPOSALS {
            proposals = proposals.push(scale::choice(Choice {
                label: strings::rule_label(rule).to_string(),
                id: format!("rule-{}", rule.code()),
                selected: self.rule == rule,
                on_press: Some(Message::Proposal(rule)),
                style: None,
            }));
        }
        if self.rule == Rule::Manual {
            proposals = proposals.push(
                text(strings::rule_label(Rule::Manual))
                    .font(bold())
                    .style(theme::primary_text),
            );
        }
        proposals.wrap().into()
    }

    /// The recipients with their scale figures and a field for the amount.
    fn amounts_table<'a>(
        &'a self,
        session: &Session,
        recipients: &[allocation::Recipient],
        parsed: &BTreeMap<ApplicationId, Option<u64>>,
    ) -> Element<'a, Message> {
        let head = |s: &'a str, w: f32| {
            text(s)
                .size(theme::SMALL)
                .font(bold())
                .width(w)
                .align_x(iced::alignment::Horizontal::Right)
        };
        let mut t = column![
            row![
                head(strings::COL_PLACE, 50.0),
                text(strings::COL_REGION)
                    .size(theme::SMALL)
                    .font(bold())
                    .width(Fill),
                head(strings::COL_TOTAL, 70.0),
                head(strings::COL_INTERVIEW, 80.0),
                head(strings::COL_INHABITANTS, 110.0),
                head(strings::COL_YOUNG, 110.0),
                head(strings::COL_MUNICIPALITIES, 90.0),
                head(strings::COL_REQUESTED, 130.0),
                head(strings::COL_AMOUNT, 150.0),
            ]
            .spacing(8),
            rule::horizontal(1)
        ]
        .spacing(4);
        let opt = |v: Option<u64>| v.map_or(strings::NO_TOTAL.to_string(), strings::thousands);
        for r in recipients {
            let typed = self.amounts.get(&r.id).map_or("", String::as_str);
            let value = parsed.get(&r.id).copied().flatten();
            let above = matches!((value, r.requested), (Some(v), Some(req)) if v > req);
            let refused = value.is_none();
            let num =
                |s: String, w: f32| text(s).width(w).align_x(iced::alignment::Horizontal::Right);
            let interview = session
                .dossier()
                .interviews
                .iter()
                .find(|i| i.application == r.id)
                .and_then(|i| i.confidence)
                .map_or(strings::NO_TOTAL, leidraad_core::nl::confidence);
            t = t.push(
                row![
                    num(r.rank.to_string(), 50.0),
                    text(format!("{} {}", r.id, r.region)).width(Fill),
                    num(r.total.to_dutch(), 70.0),
                    num(interview.to_string(), 80.0),
                    num(opt(r.scale.inhabitants), 110.0),
                    num(opt(r.scale.young_people), 110.0),
                    num(opt(r.scale.municipalities.map(u64::from)), 90.0),
                    num(opt(r.requested), 130.0),
                    text_input("0", typed)
                        .id(Id::from(format!("amount-{}", r.id)))
                        .on_input({
                            let id = r.id.clone();
                            move |s| Message::Amount(id.clone(), s)
                        })
                        .align_x(iced::alignment::Horizontal::Right)
                        .padding(4)
                        .width(150)
                        .style(if refused || above {
                            theme::input_refused
                        } else {
                            theme::input
                        }),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        container(t)
            .padding(10)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

/// The allocation recorded in the dossier, if any: in force, or stale and
/// why.
fn recorded_allocation<'a>(
    session: &'a Session,
    eval: &leidraad_core::scoring::Evaluation,
) -> Option<Element<'a, Message>> {
    let (n, d) = allocation::recorded(session.dossier())?;
    let DecisionKind::Allocation { amounts, rule } = &d.kind else {
        return None;
    };
    let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
    let total: u64 = amounts.values().sum();
    let parts: Vec<String> = amounts
        .iter()
        .map(|(id, a)| format!("{id} {}", strings::amount(*a)))
        .collect();
    let state = eval.decision(n).filter(|st| !st.is_current());
    let mut c = column![
        text(strings::allocation_recorded(label, total)).font(bold()),
        text(parts.join(" · ")),
        text(&d.motivation).style(theme::muted),
    ]
    .spacing(4);
    if let Some(st) = state {
        c = c
            .push(text(strings::decision_state_line(st.state, &st.why)).style(theme::warning_text));
    }
    Some(
        container(c)
            .padding(10)
            .width(Fill)
            .style(theme::tone_box(if state.is_some() {
                theme::Tone::Warn
            } else {
                theme::Tone::Good
            }))
            .into(),
    )
}
