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
//! Every change goes through `Session::edit` and the core's `consensus`
//! module, so it is validated, logged and saved like any other.
//!
//! This module holds what the tabs share: the state, the messages and
//! their routing, the screen's head and the common widgets. Each tab is
//! drawn (and its form kept) in a module of its own: `side_by_side`,
//! `consensus`, `rounds`, `interview` and `history`.

use iced::widget::{
    Id, button, column, container, row, rule, scrollable, space, text, text_editor,
};
use iced::{Alignment, Element, Fill, Task, Theme};

use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice, choice};
use crate::ui::widget::{badge, reveal};
use crate::ui::{strings, theme};
use leidraad_core::consensus::{self as consensus_rules, Proposal};
use leidraad_core::dossier::{ApplicationId, Dossier, Round, Value, Verdict};
use leidraad_core::exact::Exact;
use leidraad_core::panel::{self as panel_rules, Flag};
use leidraad_core::rubric::{Criterion, CriterionId};
use leidraad_core::session::Session;

mod cited;
mod consensus;
mod history;
mod interview;
mod record;
mod rounds;
mod side_by_side;

/// The id of the scrollable that holds a tab's content.
pub const SCROLL: &str = "panel-scroll";

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

    pub fn label(self) -> &'static str {
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
    /// Ask to record the consensus (the confirmation opens).
    Record,
    RecordConfirm,
    RecordCancel,
    /// Make a recorded consensus editable again (an edit makes it a draft).
    Reopen,
    ExportPdf,
    // Interview and addenda.
    InterviewDate(String),
    Participants(String),
    InterviewNotes(text_editor::Action),
    InterviewConfidence(leidraad_core::dossier::Confidence),
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
    /// The consensus form.
    consensus: consensus::Form,
    /// The interview and addendum forms.
    interview: interview::Forms,
    /// The confirmation before recording the consensus is open.
    record_confirm: bool,
    /// The chair reopened the recorded consensus: the form is editable, and
    /// the first change makes it a draft.
    reopened: bool,
}

impl State {
    /// Whether the confirmation before recording the consensus is open.
    pub fn confirming_record(&self) -> bool {
        self.record_confirm
    }

    /// Close the confirmation that is open over the screen (recording the
    /// consensus): whether one was.
    pub fn close_open_form(&mut self) -> bool {
        std::mem::take(&mut self.record_confirm)
    }

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
            consensus: consensus::Form::default(),
            interview: interview::Forms::default(),
            record_confirm: false,
            reopened: false,
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
        self.proposal = consensus_rules::proposal(rubric, dossier, &self.application, self.round);
        self.consensus
            .load(rubric, dossier.consensus_for(&self.application, self.round));
        self.record_confirm = false;
        self.reopened = false;
    }

    /// The scroll to the focused criterion, once, after the screen opened.
    pub fn take_scroll(&mut self) -> Option<Task<Message>> {
        if !std::mem::take(&mut self.scroll_pending) {
            return None;
        }
        self.focus.as_ref().map(scroll_to)
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
                self.consensus_verdict(session, viewer, ko, verdict, now);
            }
            Message::Value(id, value) => self.consensus_value(session, viewer, id, value, now),
            Message::Item(id, item, points) => {
                self.consensus_item(session, viewer, id, item, points, now);
            }
            Message::Number(id, typed) => self.consensus_number(session, viewer, id, typed),
            Message::Note(id, action) => self.consensus_note(session, viewer, id, action, now),
            Message::StartFromProposal => self.start_from_proposal(session, viewer, now),
            Message::Record => self.ask_record(session),
            Message::RecordConfirm => self.record(session, viewer),
            Message::RecordCancel => self.record_confirm = false,
            Message::Reopen => self.reopened = true,
            Message::ExportPdf => {
                return Action::ExportPdf(leidraad_report::SheetKind::Consensus {
                    application: self.application.clone(),
                    round: self.round,
                });
            }
            Message::InterviewDate(s) => self.interview.interview_date(s),
            Message::InterviewConfidence(c) => self.interview.confidence(c),
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
                self.status_badge(session, viewer),
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
            Tab::Interview => self.interview_tab(session, viewer),
            Tab::History => self.history_tab(session, viewer),
        };
        let main =
            scrollable(container(container(body).padding([8, 24]).max_width(1240)).center_x(Fill))
                .id(Id::new(SCROLL))
                .width(Fill)
                .height(Fill);
        column![head, rule::horizontal(1), main].height(Fill).into()
    }

    /// The status in the round, unless blind scoring hides it from the
    /// viewer (it is made of the others' work, or rests on a hidden
    /// round-1 total).
    fn status_badge<'a>(&self, session: &Session, viewer: &str) -> Element<'a, Message> {
        let blind = panel_rules::Blind::new(session.dossier(), viewer);
        let round_one = session.evaluation(Round::One).get(&self.application);
        match session.evaluation(self.round).get(&self.application) {
            Some(r) if !blind.hides_status(r, self.round, round_one) => row![
                text(strings::round_short(self.round))
                    .size(theme::SMALL)
                    .style(theme::muted),
                badge::status(r.status),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
            .into(),
            _ => space().into(),
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
        Some(panel_rules::Hidden::Outsider) => strings::PANEL_BLIND_OUTSIDER.to_string(),
        _ => strings::PANEL_BLIND_NOT_SUBMITTED.to_string(),
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
