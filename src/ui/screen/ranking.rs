//! The ranking of a round for programme staff: the table from
//! `scoring::evaluate` with the threshold and the award line drawn in it,
//! tie groups with "besluit vastleggen", the sensitivity of the round-2
//! ranking, and the budget over the awarded applications.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;
use iced::widget::{Id, button, column, container, row, rule, scrollable, space, text, text_input};
use iced::{Alignment, Element, Fill, Length};

use crate::allocation::{self, Rule};
use crate::dossier::{ApplicationId, Decision, DecisionKind, Round};
use crate::scoring::{AppResult, Evaluation, Status, TieGroup};
use crate::sensitivity;
use crate::ui::screen::scoring::bold;
use crate::ui::session::Session;
use crate::ui::widget::badge;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};

pub const SCROLL: &str = "ranking-scroll";
/// How many sensitivity findings are listed by name.
const FINDINGS_SHOWN: usize = 8;

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    Back,
    /// Open the decision form of a tie group.
    StartTie(u32),
    ToggleTie(ApplicationId),
    TieMotivation(String),
    RecordTie,
    CancelTie,
    Proposal(Rule),
    Amount(ApplicationId, String),
    AllocationMotivation(String),
    RecordAllocation,
    ExportCsv,
}

pub enum Action {
    None,
    Back,
    /// The root asks where to save the scores of every round as CSV (the
    /// round-2 ranking rests on round 1, so both go together).
    ExportCsv,
}

/// The decision form of one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieForm {
    pub group: u32,
    pub awarded: BTreeSet<ApplicationId>,
    pub motivation: String,
    pub error: Option<String>,
}

pub struct State {
    pub round: Round,
    pub tie: Option<TieForm>,
    /// The sensitivity of round 2, with the generation it was computed for.
    sensitivity: Option<(u64, sensitivity::Report)>,
    pub rule: Rule,
    /// The amounts as typed, per awarded application.
    pub amounts: BTreeMap<ApplicationId, String>,
    pub allocation_motivation: String,
    pub allocation_error: Option<String>,
}

impl State {
    pub fn new(session: &Session, round: Round) -> State {
        let mut s = State {
            round,
            tie: None,
            sensitivity: None,
            rule: Rule::Equal,
            amounts: BTreeMap::new(),
            allocation_motivation: String::new(),
            allocation_error: None,
        };
        s.refresh(session);
        s.propose(session, Rule::Equal);
        s
    }

    /// Recompute what depends on the dossier when it changed.
    pub fn refresh(&mut self, session: &Session) {
        if self
            .sensitivity
            .as_ref()
            .is_none_or(|(g, _)| *g != session.generation)
        {
            let report = sensitivity::analyse(&session.rubric, &session.dossier);
            self.sensitivity = Some((session.generation, report));
        }
    }

    pub fn sensitivity(&self) -> Option<&sensitivity::Report> {
        self.sensitivity.as_ref().map(|(_, r)| r)
    }

    fn propose(&mut self, session: &Session, rule: Rule) {
        let recipients = allocation::recipients(&session.rubric, &session.dossier);
        self.rule = rule;
        self.allocation_error = None;
        match allocation::propose(session.rubric.process.budget_eur, &recipients, rule) {
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

    pub fn update(&mut self, session: &mut Session, message: Message) -> Action {
        match message {
            Message::Back => return Action::Back,
            Message::Round(r) => {
                self.round = r;
                self.tie = None;
            }
            Message::StartTie(group) => {
                self.tie = Some(TieForm {
                    group,
                    awarded: BTreeSet::new(),
                    motivation: String::new(),
                    error: None,
                });
            }
            Message::ToggleTie(id) => {
                if let Some(f) = &mut self.tie
                    && !f.awarded.remove(&id)
                {
                    f.awarded.insert(id);
                }
            }
            Message::TieMotivation(s) => {
                if let Some(f) = &mut self.tie {
                    f.motivation = s;
                }
            }
            Message::CancelTie => self.tie = None,
            Message::RecordTie => self.record_tie(session),
            Message::Proposal(rule) => self.propose(session, rule),
            Message::Amount(id, s) => {
                self.amounts.insert(id, s);
                self.rule = Rule::Manual;
                self.allocation_error = None;
            }
            Message::AllocationMotivation(s) => self.allocation_motivation = s,
            Message::RecordAllocation => self.record_allocation(session),
            Message::ExportCsv => return Action::ExportCsv,
        }
        Action::None
    }

    fn record_tie(&mut self, session: &mut Session) {
        let Some(form) = &mut self.tie else {
            return;
        };
        session.refresh();
        let Some(group) = session
            .evaluation(Round::Two)
            .and_then(|e| e.ties.iter().find(|t| t.number == form.group))
            .cloned()
        else {
            self.tie = None;
            return;
        };
        if form.awarded.len() != group.places as usize {
            form.error = Some(strings::tie_choose_count(group.places, form.awarded.len()));
            return;
        }
        let motivation = form.motivation.trim().to_string();
        if motivation.is_empty() {
            form.error = Some(strings::MOTIVATION_REQUIRED.to_string());
            return;
        }
        session.dossier.decisions.push(Decision {
            round: Round::Two,
            kind: DecisionKind::TieBreak {
                group: group.members.iter().cloned().collect(),
                awarded: form.awarded.clone(),
            },
            motivation,
            by: String::new(),
            at: Some(Utc::now()),
        });
        session.touch();
        // A decision is saved at once, not after the autosave pause.
        session.save();
        session.refresh();
        self.tie = None;
        // The awarded set changed: propose the same rule again.
        self.propose(session, self.rule);
    }

    fn record_allocation(&mut self, session: &mut Session) {
        let parsed = self.parsed_amounts();
        if parsed.values().any(Option::is_none) {
            self.allocation_error = Some(strings::NOT_A_WHOLE_AMOUNT.to_string());
            return;
        }
        let amounts: BTreeMap<ApplicationId, u64> = parsed
            .into_iter()
            .map(|(id, v)| (id, v.unwrap_or(0)))
            .collect();
        let rule = self.rule;
        let motivation = self.allocation_motivation.clone();
        match allocation::record(
            &session.rubric,
            &mut session.dossier,
            amounts,
            rule,
            &motivation,
            "",
            Utc::now(),
        ) {
            Ok(()) => {
                session.touch();
                session.save();
                session.refresh();
                self.allocation_error = None;
            }
            Err(e) => self.allocation_error = Some(strings::allocation_error(&e)),
        }
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let rounds = row(Round::ALL.map(|r| {
            scale::choice(Choice {
                label: strings::round_long(r).to_string(),
                id: format!("ranking-round-{}", r.number()),
                selected: r == self.round,
                on_press: Some(Message::Round(r)),
                style: None,
            })
        }))
        .spacing(6);
        let Some(eval) = session.evaluation(self.round) else {
            return text("").into();
        };
        let mut page = column![
            row![
                button(text(strings::BACK_TO_LIST))
                    .style(theme::link)
                    .on_press(Message::Back),
                space::horizontal(),
                rounds,
                button(text(strings::EXPORT_CSV))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::ExportCsv),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            text(strings::RANKING).size(theme::TITLE).font(bold()),
            text(strings::ranking_intro(
                self.round,
                eval.threshold,
                eval.award_count
            ))
            .style(theme::muted),
            self.table(session, eval),
        ]
        .spacing(12)
        .padding([16, 24]);

        if self.round == Round::Two {
            if !eval.ties.is_empty() {
                page = page.push(self.ties(session, eval));
            }
            page = page.push(decisions(session));
            page = page.push(self.sensitivity_view(session));
            page = page.push(self.budget(session));
        } else {
            page = page.push(
                text(strings::SENSITIVITY_ROUND_TWO)
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        scrollable(page).id(Id::new(SCROLL)).height(Fill).into()
    }

    fn table<'a>(&'a self, session: &'a Session, eval: &'a Evaluation) -> Element<'a, Message> {
        let head = |s: String, w: Length| text(s).size(theme::SMALL).font(bold()).width(w).into();
        let mut header: Vec<Element<'a, Message>> = vec![
            head(strings::COL_RANK.into(), Length::Fixed(COL_RANK)),
            head(strings::COL_REGION.into(), Fill),
            head(strings::COL_TOTAL.into(), Length::Fixed(COL_TOTAL)),
            head(strings::COL_STATUS.into(), Length::Fixed(COL_STATUS)),
            head(strings::COL_FAILED_KO.into(), Length::Fixed(COL_KO)),
        ];
        for g in &session.rubric.groups {
            let cap: u32 = g.criteria.iter().map(|c| c.cap).sum();
            header.push(
                column![
                    text(&g.name).size(GROUP_HEAD).font(bold()),
                    text(strings::cap_short(cap))
                        .size(GROUP_HEAD)
                        .style(theme::muted),
                ]
                .width(COL_GROUP)
                .align_x(iced::alignment::Horizontal::Right)
                .into(),
            );
        }
        header.push(head(strings::COL_ASSESSORS.into(), Length::Fixed(COL_N)));
        header.push(head(strings::COL_CONSENSUS.into(), Length::Fixed(COL_CONS)));

        let mut rows = column![row(header).spacing(8).padding([6, 10]), rule::horizontal(1)];
        let ranked: Vec<&AppResult> = eval
            .applications
            .iter()
            .filter(|a| a.status.is_ranked())
            .collect();
        if ranked.is_empty() {
            rows = rows.push(
                container(text(strings::NO_RANKED))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        }
        // The award line lies after the last awarded or tied application;
        // the threshold line before the first one below the threshold.
        let award_after = (self.round == Round::Two)
            .then(|| {
                ranked
                    .iter()
                    .rposition(|a| matches!(a.status, Status::Awarded | Status::Tie))
            })
            .flatten();
        let threshold_after = ranked
            .iter()
            .rposition(|a| a.status != Status::BelowThreshold);
        let any_below = ranked.iter().any(|a| a.status == Status::BelowThreshold);
        if self.round == Round::Two && award_after.is_none() && !ranked.is_empty() {
            rows = rows.push(line(strings::award_line(eval.award_count), Line::Award));
        }
        if any_below && threshold_after.is_none() {
            rows = rows.push(line(
                strings::threshold_line(eval.threshold),
                Line::Threshold,
            ));
        }
        for (i, a) in ranked.iter().enumerate() {
            rows = rows.push(result_row(a));
            if award_after == Some(i) {
                rows = rows.push(line(strings::award_line(eval.award_count), Line::Award));
            }
            if any_below && threshold_after == Some(i) {
                rows = rows.push(line(
                    strings::threshold_line(eval.threshold),
                    Line::Threshold,
                ));
            }
        }
        let unranked: Vec<&AppResult> = eval
            .applications
            .iter()
            .filter(|a| !a.status.is_ranked())
            .collect();
        if !unranked.is_empty() {
            rows = rows.push(line(strings::NOT_RANKED.to_string(), Line::Plain));
            for a in unranked {
                rows = rows.push(result_row(a));
            }
        }
        container(rows)
            .width(Fill)
            .padding(4)
            .style(theme::card)
            .into()
    }

    fn ties<'a>(&'a self, session: &'a Session, eval: &'a Evaluation) -> Element<'a, Message> {
        let mut c = column![text(strings::TIES).size(theme::HEADING).font(bold())].spacing(8);
        for t in &eval.ties {
            c = c.push(self.tie_card(session, t));
        }
        c.into()
    }

    fn tie_card<'a>(&'a self, session: &'a Session, t: &'a TieGroup) -> Element<'a, Message> {
        let region = |id: &ApplicationId| {
            session
                .dossier
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
            let d = &session.dossier.decisions[n];
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
                            .on_press(Message::RecordTie),
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
                        .on_press(Message::StartTie(t.number)),
                );
            }
        }
        container(c)
            .padding(12)
            .width(Fill)
            .style(theme::tone_box(theme::Tone::Warn))
            .into()
    }

    fn sensitivity_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut c = column![
            text(strings::SENSITIVITY).size(theme::HEADING).font(bold()),
            text(strings::SENSITIVITY_INTRO).style(theme::muted),
        ]
        .spacing(6);
        let Some(rep) = self.sensitivity() else {
            return c.into();
        };
        let names = |ids: &BTreeSet<ApplicationId>| {
            if ids.is_empty() {
                return strings::NOBODY.to_string();
            }
            let v: Vec<String> = ids
                .iter()
                .map(|id| {
                    session
                        .dossier
                        .application(id)
                        .map_or(id.to_string(), |a| format!("{id} {}", a.region))
                })
                .collect();
            strings::join_and(&v)
        };
        let changing: Vec<&sensitivity::Finding> =
            rep.findings.iter().filter(|f| f.changes_award()).collect();
        let (verdict, tone) = if rep.is_stable() {
            (strings::sensitivity_stable(rep.tried), theme::Tone::Good)
        } else {
            (
                strings::sensitivity_unstable(rep.tried, changing.len()),
                theme::Tone::Warn,
            )
        };
        c = c.push(
            container(text(verdict))
                .padding([6, 10])
                .style(theme::tone_box(tone)),
        );
        c = c.push(row![
            text(strings::CROSS_AWARD).font(bold()).width(380),
            text(names(&rep.award_crossers))
        ]);
        c = c.push(row![
            text(strings::CROSS_THRESHOLD).font(bold()).width(380),
            text(names(&rep.threshold_crossers))
        ]);
        for f in changing.iter().take(FINDINGS_SHOWN) {
            let what = match &f.change {
                sensitivity::Change::Shift {
                    application,
                    assessor,
                    delta,
                } => strings::shift_change(&application.to_string(), assessor, *delta),
                sensitivity::Change::LeaveOut { assessor } => strings::leave_out_change(assessor),
            };
            let then: Vec<String> = f.awarded_after.iter().map(|i| i.to_string()).collect();
            c = c.push(
                text(format!(
                    "• {what}: {}",
                    strings::awarded_then(&then.join(", "))
                ))
                .size(theme::SMALL),
            );
        }
        if changing.len() > FINDINGS_SHOWN {
            c = c.push(
                text(strings::more_findings(changing.len() - FINDINGS_SHOWN))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        c.into()
    }

    fn budget<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let budget = session.rubric.process.budget_eur;
        let mut c = column![
            text(strings::BUDGET).size(theme::HEADING).font(bold()),
            text(strings::budget_intro(budget)).style(theme::muted),
        ]
        .spacing(8);
        let recipients = allocation::recipients(&session.rubric, &session.dossier);
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
        c = c.push(proposals.wrap());

        let head = |s: &'a str, w: f32| {
            text(s)
                .size(theme::SMALL)
                .font(bold())
                .width(w)
                .align_x(iced::alignment::Horizontal::Right)
        };
        let mut t = column![
            row![
                text(strings::COL_REGION)
                    .size(theme::SMALL)
                    .font(bold())
                    .width(Fill),
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
        let parsed = self.parsed_amounts();
        let opt = |v: Option<u64>| v.map_or(strings::NO_TOTAL.to_string(), strings::thousands);
        for r in &recipients {
            let typed = self.amounts.get(&r.id).map_or("", String::as_str);
            let value = parsed.get(&r.id).copied().flatten();
            let above = matches!((value, r.requested), (Some(v), Some(req)) if v > req);
            let refused = value.is_none();
            let num =
                |s: String, w: f32| text(s).width(w).align_x(iced::alignment::Horizontal::Right);
            t = t.push(
                row![
                    text(format!("{} {}", r.id, r.region)).width(Fill),
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
        c = c.push(container(t).padding(10).width(Fill).style(theme::card));

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
        let can_record = !check.over_budget() && parsed.values().all(Option::is_some);
        c = c.push(
            button(text(strings::RECORD_ALLOCATION))
                .style(button::primary)
                .on_press_maybe(can_record.then_some(Message::RecordAllocation)),
        );
        if let Some((_, d)) = allocation::recorded(&session.dossier)
            && let DecisionKind::Allocation { amounts, rule } = &d.kind
        {
            let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
            let total: u64 = amounts.values().sum();
            let parts: Vec<String> = amounts
                .iter()
                .map(|(id, a)| format!("{id} {}", strings::amount(*a)))
                .collect();
            c = c.push(
                container(
                    column![
                        text(strings::allocation_recorded(label, total)).font(bold()),
                        text(parts.join(" · ")),
                        text(&d.motivation).style(theme::muted),
                    ]
                    .spacing(4),
                )
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(theme::Tone::Good)),
            );
        }
        c.into()
    }
}

/// The decisions recorded for round 2.
fn decisions(session: &Session) -> Element<'_, Message> {
    let list: Vec<&Decision> = session
        .dossier
        .decisions
        .iter()
        .filter(|d| d.round == Round::Two)
        .collect();
    if list.is_empty() {
        return column![].into();
    }
    let mut c = column![text(strings::DECISIONS).size(theme::HEADING).font(bold())].spacing(4);
    for d in list {
        let what = match &d.kind {
            DecisionKind::TieBreak { awarded, .. } => {
                let v: Vec<String> = awarded.iter().map(|i| i.to_string()).collect();
                strings::tie_decided(&v.join(", "), &d.motivation)
            }
            DecisionKind::AwardCount(n) => format!("{}: {n}", strings::award_line(*n)),
            DecisionKind::Allocation { amounts, rule } => {
                let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
                strings::allocation_recorded(label, amounts.values().sum())
            }
        };
        let when = d.at.as_ref().map(strings::date_time).unwrap_or_default();
        c = c.push(
            row![
                text(what).width(Fill),
                text(when).size(theme::SMALL).style(theme::muted)
            ]
            .spacing(8),
        );
    }
    c.into()
}

const COL_RANK: f32 = 44.0;
const COL_TOTAL: f32 = 60.0;
const COL_STATUS: f32 = 124.0;
const COL_KO: f32 = 64.0;
const COL_GROUP: f32 = 84.0;
const GROUP_HEAD: f32 = 11.0;
const COL_N: f32 = 58.0;
const COL_CONS: f32 = 72.0;

fn result_row<'a>(a: &'a AppResult) -> Element<'a, Message> {
    let right = |s: String, w: f32| text(s).width(w).align_x(iced::alignment::Horizontal::Right);
    let mut cells: Vec<Element<'a, Message>> = vec![
        right(
            a.rank.map_or(String::new(), |r| r.to_string()),
            COL_RANK - 12.0,
        )
        .into(),
        space().width(12).into(),
        row![
            text(a.id.to_string()).style(theme::muted).width(36),
            text(&a.region).font(bold())
        ]
        .width(Fill)
        .into(),
        right(
            a.total
                .map_or(strings::NO_TOTAL.to_string(), |t| t.to_dutch()),
            COL_TOTAL,
        )
        .font(bold())
        .into(),
        container(badge::status(a.status)).width(COL_STATUS).into(),
        text(
            a.failed_ko
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
        .style(theme::danger_text)
        .width(COL_KO)
        .into(),
    ];
    for g in &a.groups {
        // Subtotals only where the total is known: a partial sum would
        // read as a score.
        let shown = match a.total {
            Some(_) => g.total.to_dutch_short(),
            None => String::new(),
        };
        cells.push(right(shown, COL_GROUP).into());
    }
    cells.push(right(a.assessors.to_string(), COL_N).into());
    cells.push(
        text(if a.consensus {
            strings::YES
        } else {
            strings::NO
        })
        .width(COL_CONS)
        .into(),
    );
    let style: fn(&iced::Theme) -> container::Style = if a.status == Status::Tie {
        theme::card_focused
    } else {
        theme::card
    };
    container(
        row(cells)
            .spacing(8)
            .padding([6, 10])
            .align_y(Alignment::Center),
    )
    .id(Id::from(format!("ranking-row-{}", a.id)))
    .style(style)
    .into()
}

enum Line {
    Award,
    Threshold,
    Plain,
}

/// A line across the table with its label.
fn line<'a>(label: String, kind: Line) -> Element<'a, Message> {
    let tone = match kind {
        Line::Award => theme::Tone::Good,
        Line::Threshold => theme::Tone::Warn,
        Line::Plain => theme::Tone::Neutral,
    };
    row![
        container(space().height(2))
            .width(Fill)
            .style(theme::tone_box(tone)),
        container(text(label).size(theme::SMALL).font(bold()))
            .padding([1, 8])
            .style(theme::tone_box(tone)),
        container(space().height(2))
            .width(40)
            .style(theme::tone_box(tone)),
    ]
    .spacing(6)
    .padding([4, 10])
    .align_y(Alignment::Center)
    .into()
}
