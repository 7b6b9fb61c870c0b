//! The consensus tab: the chair's form, per knock-out and criterion the
//! agreed value and its motivation beside the proposal, and the changes it
//! makes (each through `Session::edit` and the core's `consensus` rules).

use std::collections::BTreeMap;

use iced::widget::{Id, button, column, container, row, space, text, text_editor, text_input};
use iced::{Alignment, Element, Fill};

use super::{
    Message, State, blind, blind_message, card_head, danger, heading, info, mixed, record,
    round_two_open, value_short,
};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::widget::scale::{Choice, choice, choices};
use crate::ui::{strings, theme};
use leidraad_core::consensus::{self, Chair};
use leidraad_core::dossier::{ApplicationId, Consensus, Dossier, Round, Value, Verdict};
use leidraad_core::edit::EditError;
use leidraad_core::panel as panel_rules;
use leidraad_core::rubric::{Criterion, CriterionId, Knockout, Rubric, Scale};
use leidraad_core::session::Session;

/// Scales with more values than this are typed into a number field (as on
/// the scoring screen).
const MAX_BUTTONS: u32 = 11;

/// What is typed into the consensus form that the dossier does not hold
/// yet (or not as typed), and why the last changes were refused.
#[derive(Default)]
pub(super) struct Form {
    /// The consensus motivations being typed, per KO and criterion.
    notes: BTreeMap<CriterionId, text_editor::Content>,
    /// What is typed in the number field of a criterion that has one.
    numbers: BTreeMap<CriterionId, String>,
    /// Why the last change of a field was refused, beside the field.
    errors: BTreeMap<CriterionId, String>,
    /// A refusal that belongs to no one field (start from the proposal,
    /// record).
    pub(super) notice: Option<String>,
}

fn uses_number_field(scale: &Scale) -> bool {
    match scale {
        Scale::Points { max, .. } | Scale::Range { max, .. } => *max >= MAX_BUTTONS,
        _ => false,
    }
}

impl Form {
    /// Fill the motivations and number fields from the agreed consensus
    /// (`agreed`, if any) and forget the refusals.
    pub(super) fn load(&mut self, rubric: &Rubric, agreed: Option<&Consensus>) {
        self.notes.clear();
        self.numbers.clear();
        for ko in &rubric.knockouts {
            let m = agreed
                .and_then(|c| c.knockouts.get(&ko.id))
                .map_or("", |j| j.motivation.as_str());
            self.notes
                .insert(ko.id.clone(), text_editor::Content::with_text(m));
        }
        for cr in rubric.criteria() {
            let s = agreed.and_then(|c| c.criteria.get(&cr.id));
            let m = s.map_or("", |s| s.motivation.as_str());
            self.notes
                .insert(cr.id.clone(), text_editor::Content::with_text(m));
            let n = match s.and_then(|s| s.value.as_ref()) {
                Some(Value::Points(n)) => n.to_string(),
                _ => String::new(),
            };
            self.numbers.insert(cr.id.clone(), n);
        }
        self.errors.clear();
        self.notice = None;
    }
}

// ---- update ----

impl State {
    fn chair(&self, viewer: &str) -> Chair {
        Chair {
            application: self.application.clone(),
            round: self.round,
            by: viewer.trim().to_string(),
        }
    }

    /// One consensus change as `viewer`; a refusal is kept beside `field`
    /// (or above the form when there is no field).
    fn apply(
        &mut self,
        session: &mut Session,
        viewer: &str,
        field: Option<&CriterionId>,
        f: impl FnOnce(&Rubric, &mut Dossier, &Chair) -> Result<(), EditError>,
    ) -> bool {
        let refuse = |form: &mut Form, message: String| match field {
            Some(id) => {
                form.errors.insert(id.clone(), message);
            }
            None => form.notice = Some(message),
        };
        if viewer.trim().is_empty() {
            refuse(&mut self.consensus, strings::PANEL_NEED_NAME.to_string());
            return false;
        }
        if !panel_rules::may_see_others(session.dossier(), viewer, &self.application, self.round) {
            refuse(
                &mut self.consensus,
                blind_message(session.dossier(), viewer, &self.application, self.round),
            );
            return false;
        }
        let chair = self.chair(viewer);
        match session.edit(|r, d| f(r, d, &chair)) {
            Ok(()) => {
                match field {
                    Some(id) => {
                        self.consensus.errors.remove(id);
                    }
                    None => self.consensus.notice = None,
                }
                true
            }
            Err(e) => {
                refuse(&mut self.consensus, strings::edit_error(&e));
                false
            }
        }
    }

    /// A knock-out's agreed verdict picked.
    pub(super) fn consensus_verdict(
        &mut self,
        session: &mut Session,
        viewer: &str,
        ko: CriterionId,
        verdict: Verdict,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        self.focus = Some(ko.clone());
        self.apply(session, viewer, Some(&ko), |r, d, c| {
            consensus::set_verdict(r, d, c, &ko, verdict, now)
        });
    }

    /// A criterion's agreed value picked (or cleared).
    pub(super) fn consensus_value(
        &mut self,
        session: &mut Session,
        viewer: &str,
        id: CriterionId,
        value: Option<Value>,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        self.focus = Some(id.clone());
        let number = match &value {
            Some(Value::Points(n)) => n.to_string(),
            _ => String::new(),
        };
        if self.apply(session, viewer, Some(&id), |r, d, c| {
            consensus::set_value(r, d, c, &id, value, now)
        }) {
            self.consensus.numbers.insert(id, number);
        }
    }

    /// The agreed points of one item of an items criterion picked.
    pub(super) fn consensus_item(
        &mut self,
        session: &mut Session,
        viewer: &str,
        id: CriterionId,
        item: String,
        points: Option<u32>,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        self.focus = Some(id.clone());
        self.apply(session, viewer, Some(&id), |r, d, c| {
            consensus::set_item(r, d, c, &id, &item, points, now)
        });
    }

    /// Whether `viewer` may record consensus here at all (a name, and not
    /// blind).
    fn may_chair(&self, session: &Session, viewer: &str) -> bool {
        !viewer.trim().is_empty()
            && panel_rules::may_see_others(session.dossier(), viewer, &self.application, self.round)
    }

    /// An action in a consensus motivation's editor; an edit is saved at
    /// once (or refused beside the field).
    pub(super) fn consensus_note(
        &mut self,
        session: &mut Session,
        viewer: &str,
        id: CriterionId,
        action: text_editor::Action,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        let is_edit = action.is_edit();
        self.focus = Some(id.clone());
        if is_edit && !self.may_chair(session, viewer) {
            self.consensus.errors.insert(
                id.clone(),
                blind_or_name(session.dossier(), viewer, &self.application, self.round),
            );
            return;
        }
        let Some(content) = self.consensus.notes.get_mut(&id) else {
            return;
        };
        content.perform(action);
        if is_edit {
            let text = content.text();
            let text = text.trim_end_matches('\n').to_string();
            self.apply(session, viewer, Some(&id), |r, d, c| {
                consensus::set_motivation(r, d, c, &id, &text, now)
            });
        }
    }

    /// Fill the consensus from the proposal where nothing is agreed yet.
    pub(super) fn start_from_proposal(
        &mut self,
        session: &mut Session,
        viewer: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        if self.apply(session, viewer, None, |r, d, c| {
            consensus::start_from_proposal(r, d, c, now)
        }) {
            // The number fields show the values just filled in.
            let agreed = session
                .dossier()
                .consensus_for(&self.application, self.round);
            for (id, n) in &mut self.consensus.numbers {
                if let Some(Value::Points(p)) =
                    agreed.and_then(|c| c.criteria.get(id)?.value.as_ref())
                {
                    *n = p.to_string();
                }
            }
        }
    }

    /// A number typed into a number field: digits within the scale, or
    /// refused with the reason beside the field.
    pub(super) fn consensus_number(
        &mut self,
        session: &mut Session,
        viewer: &str,
        id: CriterionId,
        typed: String,
    ) {
        self.focus = Some(id.clone());
        let Some(c) = session.rubric().criterion(id.as_str()) else {
            return;
        };
        let (min, max) = c.scale.bounds();
        let trimmed = typed.trim().to_string();
        let kept = match session
            .dossier()
            .consensus_for(&self.application, self.round)
            .and_then(|k| k.criteria.get(&id)?.value.as_ref())
        {
            Some(Value::Points(n)) => Some(*n),
            _ => None,
        };
        let now = leidraad_core::dossier::now();
        if trimmed.is_empty() {
            if self.apply(session, viewer, Some(&id), |r, d, ch| {
                consensus::set_value(r, d, ch, &id, None, now)
            }) {
                self.consensus.numbers.insert(id, String::new());
            }
            return;
        }
        if !trimmed.chars().all(|ch| ch.is_ascii_digit()) {
            self.consensus
                .errors
                .insert(id, strings::not_a_number(min, max, kept));
            return;
        }
        self.consensus.numbers.insert(id.clone(), trimmed.clone());
        match trimmed.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => {
                self.apply(session, viewer, Some(&id), |r, d, ch| {
                    consensus::set_value(r, d, ch, &id, Some(Value::Points(n)), now)
                });
            }
            _ => {
                self.consensus
                    .errors
                    .insert(id, strings::refused(&trimmed, min, max, kept));
            }
        }
    }
}

fn blind_or_name(dossier: &Dossier, viewer: &str, app: &ApplicationId, round: Round) -> String {
    if viewer.trim().is_empty() {
        strings::PANEL_NEED_NAME.to_string()
    } else {
        blind_message(dossier, viewer, app, round)
    }
}

// ---- view ----

impl State {
    /// The chair's form: per KO and criterion the agreed value and its
    /// motivation, with the proposal beside it.
    pub(super) fn consensus_tab<'a>(
        &'a self,
        session: &'a Session,
        viewer: &'a str,
    ) -> Element<'a, Message> {
        let (rubric, dossier) = (session.rubric(), session.dossier());
        if !panel_rules::may_see_others(dossier, viewer, &self.application, self.round) {
            return blind(dossier, viewer, &self.application, self.round);
        }
        if self.round == Round::Two && !round_two_open(session, &self.application) {
            return info(strings::PANEL_ROUND_TWO_NOT_INVITED);
        }
        let agreed = dossier.consensus_for(&self.application, self.round);
        let may_edit = !viewer.trim().is_empty() && !session.is_read_only();
        // A recorded consensus is changed only after it is reopened.
        let editable = may_edit && (self.reopened || !record::is_recorded(agreed));
        let mut out = column![
            text(strings::PANEL_CONSENSUS_INTRO).size(theme::TEXT),
            self.consensus_summary(session, agreed, editable, may_edit),
        ]
        .spacing(10);
        if viewer.trim().is_empty() {
            out = out.push(danger(strings::PANEL_NEED_NAME.to_string()));
        }

        out = out.push(heading(strings::KNOCKOUTS));
        for ko in &rubric.knockouts {
            out = out.push(self.knockout_form(ko, agreed, editable));
        }

        out = out.push(heading(strings::CRITERIA));
        for group in &rubric.groups {
            out = out.push(text(&group.name).size(17).font(bold()));
            for c in &group.criteria {
                out = out.push(self.criterion_form(c, agreed, editable));
            }
        }
        out.padding(iced::padding::bottom(24)).into()
    }

    /// A knock-out's card in the form: the verdict buttons, the majority
    /// and the motivation.
    fn knockout_form<'a>(
        &'a self,
        ko: &'a Knockout,
        agreed: Option<&'a Consensus>,
        editable: bool,
    ) -> Element<'a, Message> {
        let j = agreed.and_then(|c| c.knockouts.get(&ko.id));
        let current = j.map_or(Verdict::Open, |j| j.verdict);
        let buttons = choices(
            [Verdict::Met, Verdict::NotMet, Verdict::Open]
                .into_iter()
                .map(|v| Choice {
                    label: strings::verdict(v).to_string(),
                    id: format!("cons-{}={}", ko.id, strings::verdict(v)),
                    selected: current == v,
                    on_press: editable.then(|| Message::Verdict(ko.id.clone(), v)),
                    style: Some(v),
                })
                .collect(),
        );
        let proposal = match self.proposal.knockouts.get(&ko.id) {
            Some(v) if self.proposal.from_round_one.contains(&ko.id) => {
                format!("{}: {}", strings::FROM_ROUND_ONE, strings::verdict(*v))
            }
            Some(v) => strings::panel_proposal_majority(*v),
            None => strings::PANEL_NO_MAJORITY.to_string(),
        };
        let body = column![
            card_head(&ko.id, &ko.name, None, false),
            row![
                buttons,
                space::horizontal(),
                text(proposal).size(theme::TEXT).style(theme::muted)
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            self.consensus.note_editor(&ko.id, editable),
        ]
        .push(self.consensus.error_line(&ko.id))
        .spacing(8);
        self.card(body, &ko.id, false)
    }

    /// A criterion's card in the form: the agreed points, the proposal, the
    /// value picker and the motivation.
    fn criterion_form<'a>(
        &'a self,
        c: &'a Criterion,
        agreed: Option<&'a Consensus>,
        editable: bool,
    ) -> Element<'a, Message> {
        let s = agreed.and_then(|k| k.criteria.get(&c.id));
        let value = s.and_then(|s| s.value.as_ref());
        let proposal = match self.proposal.criteria.get(&c.id) {
            Some(p) => strings::panel_proposal_mean(&mixed(&p.mean), &value_short(c, &p.value)),
            None => strings::PANEL_NO_PROPOSAL.to_string(),
        };
        let points = value.map(|v| c.points(v));
        let head = row![
            text(c.id.to_string()).font(bold()).size(16).width(44),
            text(&c.name).font(bold()).size(16).width(Fill),
            text(match points {
                Some(p) => strings::points_of(&p.to_string(), c.cap),
                None => format!(
                    "{} · {}",
                    strings::PANEL_NO_CONSENSUS,
                    strings::max_points(c.cap)
                ),
            })
            .size(theme::TEXT)
            .style(if points.is_some() {
                theme::primary_text
            } else {
                theme::muted
            }),
        ]
        .spacing(8);
        let body = column![
            head,
            text(proposal).size(theme::TEXT).style(theme::muted),
            self.consensus.value_picker(c, value, editable),
            self.consensus.note_editor(&c.id, editable),
        ]
        .push(self.consensus.error_line(&c.id))
        .spacing(8);
        self.card(body, &c.id, false)
    }

    /// Above the consensus form: start from the proposal, the PDF, what is
    /// missing and the resulting total and status.
    fn consensus_summary<'a>(
        &'a self,
        session: &'a Session,
        agreed: Option<&'a Consensus>,
        editable: bool,
        may_edit: bool,
    ) -> Element<'a, Message> {
        let result = session.evaluation(self.round).get(&self.application);
        let total = match result.and_then(|r| r.total.as_ref()) {
            Some(t) => strings::panel_final_total(self.round, t),
            None => strings::panel_no_final_total(self.round),
        };
        let mut status_row = row![text(total).size(theme::HEADING).font(bold())]
            .spacing(12)
            .align_y(Alignment::Center);
        if let Some(r) = result {
            status_row = status_row.push(badge::status(r.status));
        }
        let missing =
            consensus::missing_motivations(session.dossier(), &self.application, self.round);
        let motivations: Element<'a, Message> = match agreed {
            None => text(strings::PANEL_NOTHING_AGREED)
                .size(theme::TEXT)
                .style(theme::muted)
                .into(),
            Some(c) if c.is_empty() => text(strings::PANEL_NOTHING_AGREED)
                .size(theme::TEXT)
                .style(theme::muted)
                .into(),
            Some(_) if missing.is_empty() => text(strings::PANEL_ALL_MOTIVATED)
                .size(theme::TEXT)
                .style(theme::success_text)
                .into(),
            Some(_) => {
                // Each one a link to its card.
                let mut line = row![text(strings::PANEL_MISSING_MOTIVATIONS)]
                    .spacing(6)
                    .align_y(Alignment::Center);
                for id in missing {
                    line = line.push(
                        container(
                            button(text(id.to_string()).size(theme::TEXT))
                                .style(theme::link)
                                .padding([0, 2])
                                .on_press(Message::Focus(id.clone())),
                        )
                        .id(Id::from(format!("missing-{id}"))),
                    );
                }
                container(line.wrap())
                    .padding([6, 10])
                    .width(Fill)
                    .style(theme::tone_box(theme::Tone::Warn))
                    .into()
            }
        };
        let mut col = column![
            row![
                container(
                    button(text(strings::PANEL_START_FROM_PROPOSAL))
                        .padding([8, 14])
                        .style(button::primary)
                        .on_press_maybe(editable.then_some(Message::StartFromProposal))
                )
                .id(Id::new("start-proposal")),
                container(
                    button(text(strings::PANEL_CONSENSUS_SHEET))
                        .padding([8, 14])
                        .style(theme::secondary)
                        .on_press_maybe(record::is_recorded(agreed).then_some(Message::ExportPdf))
                )
                .id(Id::new("consensus-pdf")),
                space::horizontal(),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            text(strings::PANEL_START_HINT)
                .size(theme::SMALL)
                .style(theme::muted),
            status_row,
            motivations,
        ]
        .spacing(8);
        col = col.push(self.record_box(session, agreed, may_edit));
        if let Some(e) = &self.consensus.notice {
            col = col.push(danger(e.clone()));
        }
        container(col)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

impl Form {
    fn note_editor<'a>(&'a self, id: &CriterionId, editable: bool) -> Element<'a, Message> {
        let Some(content) = self.notes.get(id) else {
            return space().into();
        };
        let key = id.clone();
        let mut editor = text_editor(content)
            .id(Id::from(format!("cons-note-{id}")))
            .placeholder(strings::PANEL_CONSENSUS_PLACEHOLDER)
            .min_height(44)
            .size(theme::TEXT)
            .style(theme::editor);
        if editable {
            editor = editor.on_action(move |a| Message::Note(key.clone(), a));
        }
        column![
            text(strings::PANEL_CONSENSUS_MOTIVATION)
                .size(theme::SMALL)
                .style(theme::muted),
            editor
        ]
        .spacing(2)
        .into()
    }

    fn error_line<'a>(&self, id: &CriterionId) -> Option<Element<'a, Message>> {
        self.errors.get(id).map(|e| danger(e.clone()))
    }

    /// The agreed value on the criterion's scale, as the scoring screen
    /// picks it.
    fn value_picker<'a>(
        &'a self,
        c: &'a Criterion,
        value: Option<&Value>,
        editable: bool,
    ) -> Element<'a, Message> {
        let id = &c.id;
        let on = |v: Option<Value>| editable.then(|| Message::Value(id.clone(), v));
        let main: Element<'a, Message> = match &c.scale {
            Scale::YesNo { yes, no } => choices(vec![
                Choice {
                    label: format!("{} ({yes})", strings::YES),
                    id: format!("cons-{id}=ja"),
                    selected: value == Some(&Value::Yes),
                    on_press: on(Some(Value::Yes)),
                    style: None,
                },
                Choice {
                    label: format!("{} ({no})", strings::NO),
                    id: format!("cons-{id}=nee"),
                    selected: value == Some(&Value::No),
                    on_press: on(Some(Value::No)),
                    style: None,
                },
            ]),
            Scale::Items { items, max_each } => {
                let given = match value {
                    Some(Value::Items(m)) => Some(m),
                    _ => None,
                };
                let rows = items.iter().map(|item| {
                    let current = given.and_then(|m| m.get(&item.id)).copied();
                    let buttons = choices(
                        (0..=*max_each)
                            .map(|n| Choice {
                                label: n.to_string(),
                                id: format!("cons-{id}.{}={n}", item.id),
                                selected: current == Some(n),
                                on_press: editable
                                    .then(|| Message::Item(id.clone(), item.id.clone(), Some(n))),
                                style: None,
                            })
                            .collect(),
                    );
                    row![text(&item.name).width(150), buttons]
                        .spacing(6)
                        .align_y(Alignment::Center)
                        .into()
                });
                column(rows).spacing(4).into()
            }
            Scale::Range { .. } | Scale::Points { .. } if uses_number_field(&c.scale) => {
                let (min, max) = c.scale.bounds();
                let refused = self.errors.contains_key(id);
                let key = id.clone();
                let typed = self.numbers.get(id).map_or("", String::as_str);
                row![
                    text_input(&strings::range_hint(min, max), typed)
                        .id(Id::from(format!("cons-value-{id}")))
                        .on_input_maybe(
                            editable.then_some(move |s| Message::Number(key.clone(), s))
                        )
                        .width(90)
                        .padding(6)
                        .size(theme::TEXT)
                        .style(if refused {
                            theme::input_refused
                        } else {
                            theme::input
                        }),
                    text(format!("punten ({})", strings::range_hint(min, max))).style(theme::muted)
                ]
                .spacing(8)
                .align_y(Alignment::Center)
                .into()
            }
            Scale::Range { min, max, .. } => number_choices(c, *min, *max, value, editable),
            Scale::Points { max, .. } => number_choices(c, 0, *max, value, editable),
        };
        let mut r = row![main].spacing(12).align_y(Alignment::Center);
        if c.scale.allows_not_addressed() {
            r = r.push(choice(Choice {
                label: strings::NOT_ADDRESSED.to_string(),
                id: format!("cons-{id}=nb"),
                selected: value == Some(&Value::NotAddressed),
                on_press: on(Some(Value::NotAddressed)),
                style: None,
            }));
        }
        if value.is_some() && editable && !uses_number_field(&c.scale) {
            let clear = container(
                button(text(strings::CLEAR).size(theme::SMALL))
                    .style(theme::link)
                    .on_press(Message::Value(id.clone(), None)),
            )
            .id(Id::from(format!("cons-{id}-clear")));
            // Under the items' rows (beside them it floats in the middle).
            if matches!(c.scale, Scale::Items { .. }) {
                return column![r, row![space().width(150), clear].spacing(6)]
                    .spacing(4)
                    .into();
            }
            r = r.push(clear);
        }
        r.into()
    }
}

fn number_choices<'a>(
    c: &Criterion,
    min: u32,
    max: u32,
    value: Option<&Value>,
    editable: bool,
) -> Element<'a, Message> {
    choices(
        (min..=max)
            .map(|n| Choice {
                label: n.to_string(),
                id: format!("cons-{}={n}", c.id),
                selected: value == Some(&Value::Points(n)),
                on_press: editable.then(|| Message::Value(c.id.clone(), Some(Value::Points(n)))),
                style: None,
            })
            .collect(),
    )
}
