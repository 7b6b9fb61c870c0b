//! The panel screen of one application, for programme staff and the panel
//! chair: the assessors' work side by side, the chair's consensus, round 1
//! against round 2, the interview and addenda, and the application's
//! history (the audit log).
//!
//! Blind scoring holds on every tab that shows someone's scores: a viewer
//! who is an assessor of this application and has not submitted (or who
//! declared a conflict) sees a message instead, and the other assessors'
//! work is not even put into the widget tree.
//!
//! Every change goes through `Session::edit` and the `consensus` module,
//! so it is validated, logged and saved like any other.

use std::collections::BTreeMap;

use iced::widget::{
    Id, button, column, container, row, rule, scrollable, space, text, text_editor, text_input,
};
use iced::{Alignment, Element, Fill, Task, Theme};

use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice, choice, choices};
use crate::ui::widget::{badge, reveal};
use crate::ui::{strings, theme};
use leidraad_core::consensus::{self, Chair, Proposal};
use leidraad_core::dossier::{ApplicationId, Consensus, Dossier, Round, Value, Verdict};
use leidraad_core::edit::EditError;
use leidraad_core::exact::Exact;
use leidraad_core::panel::{self as panel_rules, Flag};
use leidraad_core::rubric::{Criterion, CriterionId, Rubric, Scale};
use leidraad_core::session::Session;

mod history;
mod interview;
mod rounds;
mod side_by_side;

/// The id of the scrollable that holds a tab's content.
pub const SCROLL: &str = "panel-scroll";

/// Scales with more values than this are typed into a number field (as on
/// the scoring screen).
const MAX_BUTTONS: u32 = 11;

/// The tabs of the panel screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    SideBySide,
    Consensus,
    Rounds,
    Interview,
    History,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::SideBySide,
        Tab::Consensus,
        Tab::Rounds,
        Tab::Interview,
        Tab::History,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::SideBySide => strings::PANEL_TAB_SIDE_BY_SIDE,
            Tab::Consensus => strings::PANEL_TAB_CONSENSUS,
            Tab::Rounds => strings::PANEL_TAB_ROUNDS,
            Tab::Interview => strings::PANEL_TAB_INTERVIEW,
            Tab::History => strings::PANEL_TAB_HISTORY,
        }
    }

    /// The id of the tab's toggle button (tests click it).
    pub fn id(self) -> &'static str {
        match self {
            Tab::SideBySide => "tab-side-by-side",
            Tab::Consensus => "tab-consensus",
            Tab::Rounds => "tab-rounds",
            Tab::Interview => "tab-interview",
            Tab::History => "tab-history",
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Back,
    Round(Round),
    Tab(Tab),
    /// Highlight one criterion or knock-out and scroll to it.
    Focus(CriterionId),
    // Consensus.
    Verdict(CriterionId, Verdict),
    Value(CriterionId, Option<Value>),
    Item(CriterionId, String, Option<u32>),
    Number(CriterionId, String),
    Note(CriterionId, text_editor::Action),
    StartFromProposal,
    ExportPdf,
    // Interview and addenda.
    InterviewDate(String),
    Participants(String),
    InterviewNotes(text_editor::Action),
    SaveInterview,
    AddendumDate(String),
    AddendumDocument(String),
    AddendumNote(String),
    RegisterAddendum,
}

pub enum Action {
    None,
    Back,
    /// Run a task (scrolling, focus).
    Run(Task<Message>),
    /// Export a score sheet (the consensus sheet) through the root.
    ExportPdf(leidraad_report::SheetKind),
}

pub struct State {
    pub application: ApplicationId,
    pub round: Round,
    pub tab: Tab,
    pub focus: Option<CriterionId>,
    /// Scroll to `focus` once the screen is drawn.
    scroll_pending: bool,
    /// The disagreements of this application in this round (they depend on
    /// the assessments only, which this screen does not change).
    flags: Vec<Flag>,
    /// The chair's starting point (assessments only, as `flags`).
    proposal: Proposal,
    /// The consensus motivations being typed, per KO and criterion.
    notes: BTreeMap<CriterionId, text_editor::Content>,
    /// What is typed in the number field of a criterion that has one.
    numbers: BTreeMap<CriterionId, String>,
    /// Why the last change of a field was refused, beside the field.
    errors: BTreeMap<CriterionId, String>,
    /// A refusal that belongs to no one field (start from the proposal).
    consensus_notice: Option<String>,
    /// The interview and addendum forms.
    interview: interview::Forms,
}

fn uses_number_field(scale: &Scale) -> bool {
    match scale {
        Scale::Points { max, .. } | Scale::Range { max, .. } => *max >= MAX_BUTTONS,
        _ => false,
    }
}

impl State {
    pub fn new(
        session: &Session,
        application: ApplicationId,
        round: Round,
        tab: Tab,
        focus: Option<CriterionId>,
    ) -> State {
        let mut state = State {
            application,
            round,
            tab,
            scroll_pending: focus.is_some(),
            focus,
            flags: Vec::new(),
            proposal: Proposal::default(),
            notes: BTreeMap::new(),
            numbers: BTreeMap::new(),
            errors: BTreeMap::new(),
            consensus_notice: None,
            interview: interview::Forms::default(),
        };
        state.load(session);
        state
            .interview
            .load_interview(session.dossier(), &state.application);
        state
    }

    /// Fill the consensus fields and the cached flags and proposal from the
    /// dossier (on open and on a round switch).
    fn load(&mut self, session: &Session) {
        let (rubric, dossier) = (session.rubric(), session.dossier());
        self.flags = panel_rules::disagreements(rubric, dossier, self.round)
            .into_iter()
            .filter(|f| f.application() == &self.application)
            .collect();
        self.proposal = consensus::proposal(rubric, dossier, &self.application, self.round);
        let c = dossier.consensus_for(&self.application, self.round);
        self.notes.clear();
        self.numbers.clear();
        for ko in &rubric.knockouts {
            let m = c
                .and_then(|c| c.knockouts.get(&ko.id))
                .map_or("", |j| j.motivation.as_str());
            self.notes
                .insert(ko.id.clone(), text_editor::Content::with_text(m));
        }
        for cr in rubric.criteria() {
            let s = c.and_then(|c| c.criteria.get(&cr.id));
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
        self.consensus_notice = None;
    }

    /// The scroll to the focused criterion, once, after the screen opened.
    pub fn take_scroll(&mut self) -> Option<Task<Message>> {
        if !std::mem::take(&mut self.scroll_pending) {
            return None;
        }
        self.focus.as_ref().map(scroll_to)
    }

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
        let refuse = |state: &mut State, message: String| match field {
            Some(id) => {
                state.errors.insert(id.clone(), message);
            }
            None => state.consensus_notice = Some(message),
        };
        if viewer.trim().is_empty() {
            refuse(self, strings::PANEL_NEED_NAME.to_string());
            return false;
        }
        if !panel_rules::may_see_others(session.dossier(), viewer, &self.application, self.round) {
            refuse(
                self,
                blind_message(session.dossier(), viewer, &self.application, self.round),
            );
            return false;
        }
        let chair = self.chair(viewer);
        match session.edit(|r, d| f(r, d, &chair)) {
            Ok(()) => {
                match field {
                    Some(id) => {
                        self.errors.remove(id);
                    }
                    None => self.consensus_notice = None,
                }
                true
            }
            Err(e) => {
                refuse(self, strings::edit_error(&e));
                false
            }
        }
    }

    pub fn update(&mut self, session: &mut Session, viewer: &str, message: Message) -> Action {
        let now = leidraad_core::dossier::now();
        match message {
            Message::Back => return Action::Back,
            Message::Round(round) => {
                if round != self.round {
                    self.round = round;
                    self.load(session);
                }
            }
            Message::Tab(tab) => {
                self.tab = tab;
                return Action::Run(match &self.focus {
                    Some(id) if matches!(tab, Tab::SideBySide | Tab::Consensus) => scroll_to(id),
                    _ => iced::widget::operation::snap_to(
                        Id::new(SCROLL),
                        iced::widget::scrollable::RelativeOffset::START,
                    ),
                });
            }
            Message::Focus(id) => {
                let task = scroll_to(&id);
                self.focus = Some(id);
                return Action::Run(task);
            }
            Message::Verdict(ko, verdict) => {
                self.focus = Some(ko.clone());
                self.apply(session, viewer, Some(&ko), |r, d, c| {
                    consensus::set_verdict(r, d, c, &ko, verdict, now)
                });
            }
            Message::Value(id, value) => {
                self.focus = Some(id.clone());
                let number = match &value {
                    Some(Value::Points(n)) => n.to_string(),
                    _ => String::new(),
                };
                if self.apply(session, viewer, Some(&id), |r, d, c| {
                    consensus::set_value(r, d, c, &id, value, now)
                }) {
                    self.numbers.insert(id, number);
                }
            }
            Message::Item(id, item, points) => {
                self.focus = Some(id.clone());
                self.apply(session, viewer, Some(&id), |r, d, c| {
                    consensus::set_item(r, d, c, &id, &item, points, now)
                });
            }
            Message::Number(id, typed) => {
                self.focus = Some(id.clone());
                self.number(session, viewer, id, typed);
            }
            Message::Note(id, action) => {
                let is_edit = action.is_edit();
                self.focus = Some(id.clone());
                if is_edit && !self.may_chair(session, viewer) {
                    self.errors.insert(
                        id.clone(),
                        blind_or_name(session.dossier(), viewer, &self.application, self.round),
                    );
                    return Action::None;
                }
                let Some(content) = self.notes.get_mut(&id) else {
                    return Action::None;
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
            Message::StartFromProposal => {
                if self.apply(session, viewer, None, |r, d, c| {
                    consensus::start_from_proposal(r, d, c, now)
                }) {
                    // The number fields show the values just filled in.
                    let agreed = session
                        .dossier()
                        .consensus_for(&self.application, self.round);
                    for (id, n) in &mut self.numbers {
                        if let Some(Value::Points(p)) =
                            agreed.and_then(|c| c.criteria.get(id)?.value.as_ref())
                        {
                            *n = p.to_string();
                        }
                    }
                }
            }
            Message::ExportPdf => {
                return Action::ExportPdf(leidraad_report::SheetKind::Consensus {
                    application: self.application.clone(),
                    round: self.round,
                });
            }
            Message::InterviewDate(s) => self.interview.interview_date(s),
            Message::Participants(s) => self.interview.participants(s),
            Message::InterviewNotes(action) => self.interview.interview_notes(action),
            Message::SaveInterview => {
                self.interview
                    .save_interview(session, viewer, &self.application, now);
            }
            Message::AddendumDate(s) => self.interview.addendum_date(s),
            Message::AddendumDocument(s) => self.interview.addendum_document(s),
            Message::AddendumNote(s) => self.interview.addendum_note(s),
            Message::RegisterAddendum => {
                self.interview
                    .register_addendum(session, viewer, &self.application, now);
            }
        }
        Action::None
    }

    /// Whether `viewer` may record consensus here at all (a name, and not
    /// blind).
    fn may_chair(&self, session: &Session, viewer: &str) -> bool {
        !viewer.trim().is_empty()
            && panel_rules::may_see_others(session.dossier(), viewer, &self.application, self.round)
    }

    /// A number typed into a number field: digits within the scale, or
    /// refused with the reason beside the field.
    fn number(&mut self, session: &mut Session, viewer: &str, id: CriterionId, typed: String) {
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
                self.numbers.insert(id, String::new());
            }
            return;
        }
        if !trimmed.chars().all(|ch| ch.is_ascii_digit()) {
            self.errors
                .insert(id, strings::not_a_number(min, max, kept));
            return;
        }
        self.numbers.insert(id.clone(), trimmed.clone());
        match trimmed.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => {
                self.apply(session, viewer, Some(&id), |r, d, ch| {
                    consensus::set_value(r, d, ch, &id, Some(Value::Points(n)), now)
                });
            }
            _ => {
                self.errors
                    .insert(id, strings::refused(&trimmed, min, max, kept));
            }
        }
    }

    // ---- view ----

    pub fn view<'a>(&'a self, session: &'a Session, viewer: &'a str) -> Element<'a, Message> {
        let app = session.dossier().application(&self.application);
        let region = app.map_or("", |a| a.region.as_str());
        let plan = app.map_or("", |a| a.plan_title.as_str());

        let rounds = scale::rounds("panel-", self.round, false, Message::Round);
        let tabs = row(Tab::ALL.map(|t| {
            choice(Choice {
                label: t.label().to_string(),
                id: t.id().to_string(),
                selected: t == self.tab,
                on_press: Some(Message::Tab(t)),
                style: None,
            })
        }))
        .spacing(4);

        let mut top = column![
            row![
                button(text(strings::PANEL_BACK))
                    .style(theme::link)
                    .on_press(Message::Back),
                space::horizontal(),
                text(strings::PANEL_KEYS)
                    .size(theme::SMALL)
                    .style(theme::muted),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            row![
                text(format!("{} · {region}", self.application))
                    .size(theme::TITLE)
                    .font(bold()),
                space::horizontal(),
                self.status_badge(session),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        ]
        .spacing(8);
        if !plan.is_empty() {
            top = top.push(text(plan).size(theme::TEXT));
        }
        top = top.push(
            row![tabs, space::horizontal(), rounds]
                .spacing(12)
                .align_y(Alignment::Center),
        );
        let head = container(top.padding([14, 24]).max_width(1240)).center_x(Fill);

        let body: Element<'a, Message> = match self.tab {
            Tab::SideBySide => self.side_by_side(session, viewer),
            Tab::Consensus => self.consensus_tab(session, viewer),
            Tab::Rounds => self.rounds_tab(session, viewer),
            Tab::Interview => self.interview_tab(session),
            Tab::History => self.history_tab(session, viewer),
        };
        let main =
            scrollable(container(container(body).padding([8, 24]).max_width(1240)).center_x(Fill))
                .id(Id::new(SCROLL))
                .width(Fill)
                .height(Fill);
        column![head, rule::horizontal(1), main].height(Fill).into()
    }

    fn status_badge<'a>(&self, session: &Session) -> Element<'a, Message> {
        match session.evaluation(self.round).get(&self.application) {
            Some(r) => row![
                text(strings::round_short(self.round))
                    .size(theme::SMALL)
                    .style(theme::muted),
                badge::status(r.status),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
            .into(),
            None => space().into(),
        }
    }

    fn card<'a>(
        &self,
        body: impl Into<Element<'a, Message>>,
        id: &CriterionId,
        flagged: bool,
    ) -> Element<'a, Message> {
        let focused = self.focus.as_ref() == Some(id);
        container(body)
            .padding(12)
            .width(Fill)
            .style(if focused {
                theme::card_focused
            } else if flagged {
                card_flagged
            } else {
                theme::card
            })
            .id(card_id(id))
            .into()
    }

    /// The chair's form: per KO and criterion the agreed value and its
    /// motivation, with the proposal beside it.
    fn consensus_tab<'a>(&'a self, session: &'a Session, viewer: &'a str) -> Element<'a, Message> {
        let (rubric, dossier) = (session.rubric(), session.dossier());
        if !panel_rules::may_see_others(dossier, viewer, &self.application, self.round) {
            return blind(dossier, viewer, &self.application, self.round);
        }
        if self.round == Round::Two && !round_two_open(session, &self.application) {
            return info(strings::PANEL_ROUND_TWO_NOT_INVITED);
        }
        let agreed = dossier.consensus_for(&self.application, self.round);
        let editable = !viewer.trim().is_empty() && !session.is_read_only();
        let mut out = column![
            text(strings::PANEL_CONSENSUS_INTRO).size(theme::TEXT),
            self.consensus_summary(session, agreed, editable),
        ]
        .spacing(10);
        if viewer.trim().is_empty() {
            out = out.push(danger(strings::PANEL_NEED_NAME.to_string()));
        }

        out = out.push(heading(strings::KNOCKOUTS));
        for ko in &rubric.knockouts {
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
                self.note_editor(&ko.id, editable),
            ]
            .push(self.error_line(&ko.id))
            .spacing(8);
            out = out.push(self.card(body, &ko.id, false));
        }

        out = out.push(heading(strings::CRITERIA));
        for group in &rubric.groups {
            out = out.push(text(&group.name).size(17).font(bold()));
            for c in &group.criteria {
                let s = agreed.and_then(|k| k.criteria.get(&c.id));
                let value = s.and_then(|s| s.value.as_ref());
                let proposal = match self.proposal.criteria.get(&c.id) {
                    Some(p) => {
                        strings::panel_proposal_mean(&mixed(&p.mean), &value_short(c, &p.value))
                    }
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
                    self.value_picker(c, value, editable),
                    self.note_editor(&c.id, editable),
                ]
                .push(self.error_line(&c.id))
                .spacing(8);
                out = out.push(self.card(body, &c.id, false));
            }
        }
        out.padding(iced::padding::bottom(24)).into()
    }

    /// Above the consensus form: start from the proposal, the PDF, what is
    /// missing and the resulting total and status.
    fn consensus_summary<'a>(
        &'a self,
        session: &'a Session,
        agreed: Option<&'a Consensus>,
        editable: bool,
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
                        .on_press_maybe(agreed.map(|_| Message::ExportPdf))
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
        if let Some(c) = agreed
            && let Some(at) = &c.recorded
        {
            col = col.push(
                text(strings::panel_recorded(&c.recorded_by, at))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        if let Some(e) = &self.consensus_notice {
            col = col.push(danger(e.clone()));
        }
        container(col)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }

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
            Scale::Range { min, max, .. } => self.number_choices(c, *min, *max, value, editable),
            Scale::Points { max, .. } => self.number_choices(c, 0, *max, value, editable),
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

    fn number_choices<'a>(
        &self,
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
                    on_press: editable
                        .then(|| Message::Value(c.id.clone(), Some(Value::Points(n)))),
                    style: None,
                })
                .collect(),
        )
    }
}

// ---- helpers ----

/// Whether round 2 is open for the application (round 1 invited it): the
/// core's rule, on the session's current evaluation.
fn round_two_open(session: &Session, app: &ApplicationId) -> bool {
    session.may_score(app, Round::Two)
}

fn scroll_to<T: Send + 'static>(id: &CriterionId) -> Task<T> {
    reveal::reveal(Id::new(SCROLL), card_id(id))
}

/// The id of a criterion's card (scrolled to when focused).
pub fn card_id(id: &CriterionId) -> Id {
    Id::from(format!("panel-card-{id}"))
}

/// Why the viewer may not see the others' work (blind scoring).
fn blind_message(dossier: &Dossier, viewer: &str, app: &ApplicationId, round: Round) -> String {
    match panel_rules::Blind::new(dossier, viewer).why_hidden(app, round) {
        Some(panel_rules::Hidden::Conflict) => strings::PANEL_BLIND_CONFLICT.to_string(),
        _ => strings::PANEL_BLIND_NOT_SUBMITTED.to_string(),
    }
}

fn blind_or_name(dossier: &Dossier, viewer: &str, app: &ApplicationId, round: Round) -> String {
    if viewer.trim().is_empty() {
        strings::PANEL_NEED_NAME.to_string()
    } else {
        blind_message(dossier, viewer, app, round)
    }
}

fn blind<'a>(
    dossier: &Dossier,
    viewer: &str,
    app: &ApplicationId,
    round: Round,
) -> Element<'a, Message> {
    container(text(blind_message(dossier, viewer, app, round)).size(16))
        .padding(16)
        .width(Fill)
        .style(theme::notice_info)
        .into()
}

fn info<'a>(s: &'a str) -> Element<'a, Message> {
    container(text(s).size(theme::TEXT))
        .padding(12)
        .width(Fill)
        .style(theme::notice_info)
        .into()
}

fn danger<'a>(s: String) -> Element<'a, Message> {
    container(text(s).size(theme::TEXT))
        .padding([6, 10])
        .width(Fill)
        .style(theme::notice_danger)
        .into()
}

fn heading<'a>(s: &'a str) -> Element<'a, Message> {
    container(text(s).size(theme::HEADING).font(bold()))
        .padding([8, 0])
        .into()
}

/// The head of a card: id, name, the cap and a badge when flagged.
fn card_head<'a>(
    id: &CriterionId,
    name: &'a str,
    cap: Option<u32>,
    flagged: bool,
) -> Element<'a, Message> {
    let mut r = row![
        text(id.to_string()).font(bold()).size(16).width(44),
        text(name).font(bold()).size(16).width(Fill),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if flagged {
        r = r.push(
            container(text(strings::PANEL_FLAG_BADGE).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Warn)),
        );
    }
    if let Some(cap) = cap {
        r = r.push(
            text(strings::panel_max(cap))
                .size(theme::SMALL)
                .style(theme::muted),
        );
    }
    r.into()
}

/// An exact number as a mixed fraction where that reads well (2⅔), else
/// with two decimals.
pub fn mixed(x: &Exact) -> String {
    if x.is_whole() {
        return x.numer().to_string();
    }
    let (n, d) = (x.numer(), x.denom());
    let (whole, rest) = (n.div_euclid(d), n.rem_euclid(d));
    let glyph = match (rest, d) {
        (1, 2) => "½",
        (1, 3) => "⅓",
        (2, 3) => "⅔",
        (1, 4) => "¼",
        (3, 4) => "¾",
        (1, 5) => "⅕",
        (2, 5) => "⅖",
        (3, 5) => "⅗",
        (4, 5) => "⅘",
        (1, 6) => "⅙",
        (5, 6) => "⅚",
        (1, 8) => "⅛",
        (3, 8) => "⅜",
        (5, 8) => "⅝",
        (7, 8) => "⅞",
        _ => return x.to_dutch(),
    };
    if whole == 0 {
        glyph.to_string()
    } else {
        format!("{whole}{glyph}")
    }
}

/// A value in a few characters: the number, ja/nee, "niet behandeld", or
/// the items' points.
fn value_short(c: &Criterion, v: &Value) -> String {
    match v {
        Value::Points(n) => n.to_string(),
        Value::Items(_) => strings::panel_points(c.points(v)),
        Value::Yes => strings::YES.to_string(),
        Value::No => strings::NO.to_string(),
        Value::NotAddressed => strings::NOT_ADDRESSED.to_string(),
    }
}

fn verdict_text(v: Verdict) -> fn(&Theme) -> text::Style {
    match v {
        Verdict::Met => theme::success_text,
        Verdict::NotMet => theme::danger_text,
        Verdict::Doubt => theme::warning_text,
        Verdict::Open => theme::muted,
    }
}

/// A card whose assessors disagree: an amber border.
fn card_flagged(t: &Theme) -> container::Style {
    let mut s = theme::card(t);
    s.border.color = iced::Color::from_rgb(0.85, 0.55, 0.05);
    s.border.width = 2.0;
    s
}

fn plain(_t: &Theme) -> container::Style {
    container::Style::default()
}
