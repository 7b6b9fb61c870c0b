//! Scoring one application in one round as one assessor: the knock-out
//! criteria, the weighted criteria in their groups, and beside them, always
//! in view, where the plan stands and what is still missing.
//!
//! Totals, the standing and the missing list come from
//! `scoring::summarize`; every change goes through `edit`.
//!
//! The screen is split by concern: `keys` holds the keyboard flow (the
//! fields in reading order, focus moves, keys and Tab), `view` the main
//! column with its cards, `sidebar` the standing beside it.

mod keys;
mod late;
pub mod plan;
mod sidebar;
mod undo;
mod view;
mod withdraw;

pub use keys::{Field, KeyInput, fields, widget_id};
pub use sidebar::standing_line;
use undo::UndoField;
pub use view::bold;

use chrono::Utc;
use iced::Task;
use iced::widget::{Id, text_editor};

use crate::ui::strings;
use leidraad_core::dossier::{Assessment, Round, Value, Verdict};
use leidraad_core::edit::{self, Target};
use leidraad_core::rubric::{Criterion, CriterionId, Rubric, Scale};
use leidraad_core::session::Session;

/// The id of the scrollable that holds the criteria.
pub const SCROLL: &str = "scoring-scroll";

/// Scales with more values than this are typed into a number field rather
/// than picked from a row of buttons.
const MAX_BUTTONS: u32 = 11;

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    /// A "Nog te doen" item was clicked: to its knock-out or criterion.
    GoTo(leidraad_core::scoring::Missing),
    Verdict(usize, Verdict),
    KoNote(usize, text_editor::Action),
    Value(usize, Option<Value>),
    Item(usize, usize, Option<u32>),
    Number(usize, String),
    Note(usize, text_editor::Action),
    EvidenceDoc(usize, String),
    EvidencePage(usize, String),
    Submit,
    Back,
    /// The next (+1) or previous (-1) application in the list's order.
    Step(isize),
    /// Undo the last score change (Ctrl+Z).
    Undo,
    /// Print this assessment's score sheet as PDF.
    ExportPdf,
    /// Tab (or Shift+Tab) pressed.
    Tab {
        backwards: bool,
    },
    /// After a mouse click: the text field that has the focus now, if any.
    Synced(Option<Id>),
    /// Round 2: keep the value copied from round 1.
    Confirm(CriterionId),
    /// Round 2: why the value differs from round 1.
    WhyChanged(CriterionId, String),
    /// Ask to declare a conflict of interest (shows the confirmation).
    AskConflict,
    ConflictNote(String),
    /// Declare it, with the note typed.
    DeclareConflict,
    CancelConflict,
    /// Ask to withdraw the submission (shows the form with the reason).
    AskWithdraw,
    WithdrawReason(String),
    /// Withdraw, with the reason typed.
    Withdraw,
    CancelWithdraw,
    /// The plan beside the form: its passages, citing, the pane.
    Plan(plan::Message),
}

pub enum Action {
    None,
    Back,
    /// Go to the next (+1) or previous (-1) application in the list's
    /// order, as leaving this screen and opening that one.
    Step(isize),
    Run(Task<Message>),
    /// The root asks where to save this score sheet as PDF.
    ExportPdf(leidraad_report::SheetKind),
}

enum Notice {
    SubmitRefused,
    Submitted,
    Withdrawn,
    Error(String),
    /// What Ctrl+Z undid (or that there was nothing to undo).
    Undone(String),
}

pub struct State {
    pub target: Target,
    /// Whether this round may be scored for this application (round 2 only
    /// after an invitation in round 1).
    may_score: bool,
    focus: Option<Field>,
    /// The text field Tab left last, whose widget may still have the focus
    /// (see `late`).
    left: Option<Field>,
    /// What the left field's widget last reported (it may report each key
    /// against its own value or against the stale one).
    late_seen: Option<String>,
    /// Digits typed on the focused choice so far ("1" then "0" is 10).
    digits: String,
    ko_notes: Vec<text_editor::Content>,
    notes: Vec<text_editor::Content>,
    /// What is typed in the number field of each criterion that has one.
    numbers: Vec<String>,
    /// Why a typed value was refused, per criterion.
    refusals: Vec<Option<String>>,
    notice: Option<Notice>,
    /// The confirmation of a conflict of interest, open, with the note so far.
    conflict_form: Option<String>,
    /// Withdrawing the submission: the form, open, with the reason so far.
    withdraw_form: Option<String>,
    /// The application's plan, read once (see `plan`).
    plan: Option<Box<plan::Plan>>,
    pane: Box<plan::Pane>,
    /// The previous and the next application in the list's order (with
    /// its filter), if any: set by the root.
    pub neighbours: [Option<leidraad_core::dossier::ApplicationId>; 2],
    /// What the score changes made here replaced, the last one last
    /// (Ctrl+Z, see `undo`).
    undo: Vec<undo::Undo>,
    /// What the change being made replaces, until it went through.
    pending_undo: Option<undo::Undo>,
    /// The number field typed in by the last change, if it was one.
    typed_number: Option<usize>,
}

/// The text field a message of typing comes from.
fn typed_in(message: &Message) -> Option<Field> {
    Some(match message {
        Message::Number(i, _) => Field::Value(*i),
        Message::Note(i, _) => Field::Note(*i),
        Message::KoNote(i, _) => Field::KoNote(*i),
        Message::EvidenceDoc(i, _) => Field::EvidenceDoc(*i),
        Message::EvidencePage(i, _) => Field::EvidencePage(*i),
        _ => return None,
    })
}

fn uses_number_field(scale: &Scale) -> bool {
    match scale {
        Scale::Points { max, .. } | Scale::Range { max, .. } => *max >= MAX_BUTTONS,
        _ => false,
    }
}

impl State {
    /// Open the assessment; round 2 starts as a copy of the assessor's
    /// round-1 work (see [`State::begin`]).
    pub fn new(session: &mut Session, target: Target) -> State {
        let mut state = State {
            target,
            may_score: true,
            focus: None,
            left: None,
            late_seen: None,
            digits: String::new(),
            ko_notes: Vec::new(),
            notes: Vec::new(),
            numbers: Vec::new(),
            refusals: Vec::new(),
            notice: None,
            conflict_form: None,
            withdraw_form: None,
            plan: None,
            pane: Box::default(),
            neighbours: [None, None],
            undo: Vec::new(),
            pending_undo: None,
            typed_number: None,
        };
        state.begin(session);
        state.load(session);
        state
    }

    /// Round 2 opened for the first time, with the assessor's round-1 work
    /// submitted: make the draft now, so the copied values are there to be
    /// confirmed or changed before anything is typed.
    fn begin(&mut self, session: &mut Session) {
        let t = &self.target;
        let d = session.dossier();
        let copy_waits = t.round == Round::Two
            && d.assessment(&t.application, &t.assessor, Round::Two)
                .is_none()
            && d.assessment(&t.application, &t.assessor, Round::One)
                .is_some_and(Assessment::is_submitted)
            && !d.has_conflict(&t.assessor, &t.application)
            && session.may_score(&t.application, Round::Two);
        if copy_waits {
            // A refusal (a dossier open read-only) leaves round 2 empty;
            // the banner says why.
            let target = self.target.clone();
            let _ = session.edit(|r, d| edit::start(r, d, &target, Utc::now()));
        }
    }

    /// What the motivation field of the `i`-th criterion shows.
    pub fn motivation_text(&self, i: usize) -> String {
        self.notes
            .get(i)
            .map(text_editor::Content::text)
            .unwrap_or_default()
    }

    /// Whether a motivation may be typed: the work is open, and the
    /// dossier is not open read-only (typing would show text that is never
    /// kept).
    fn may_edit(&self, session: &Session) -> bool {
        self.may_score && !self.is_submitted(session) && !session.is_read_only()
    }

    /// Whether the assessor declared a conflict of interest for this
    /// application.
    fn conflict<'a>(&self, session: &'a Session) -> Option<&'a leidraad_core::dossier::Conflict> {
        let t = &self.target;
        session
            .dossier()
            .conflicts
            .iter()
            .find(|c| c.assessor == t.assessor && c.application == t.application)
    }

    /// Fill the text fields from the dossier (on open and on a round switch).
    fn load(&mut self, session: &Session) {
        let rubric = session.rubric();
        let t = &self.target;
        let a = session
            .dossier()
            .assessment(&t.application, &t.assessor, t.round);
        let conflict = session.dossier().has_conflict(&t.assessor, &t.application);
        self.may_score = !conflict && (a.is_some() || session.may_score(&t.application, t.round));
        self.ko_notes = rubric
            .knockouts
            .iter()
            .map(|ko| {
                let m = a
                    .and_then(|a| a.knockouts.get(&ko.id))
                    .map_or("", |j| j.motivation.as_str());
                text_editor::Content::with_text(m)
            })
            .collect();
        self.notes = rubric
            .criteria()
            .map(|c| {
                let m = a
                    .and_then(|a| a.criteria.get(&c.id))
                    .map_or("", |s| s.motivation.as_str());
                text_editor::Content::with_text(m)
            })
            .collect();
        self.numbers = rubric
            .criteria()
            .map(|c| match a.and_then(|a| a.value(&c.id)) {
                Some(Value::Points(n)) => n.to_string(),
                _ => String::new(),
            })
            .collect();
        self.refusals = vec![None; self.numbers.len()];
        self.undo.clear();
        self.focus = None;
        self.digits.clear();
        self.notice = None;
        self.refresh_plan(session);
    }

    /// Whether the conflict-of-interest and the withdrawal forms are open.
    pub fn forms_open(&self) -> (bool, bool) {
        (self.conflict_form.is_some(), self.withdraw_form.is_some())
    }

    pub fn focus(&self) -> Option<Field> {
        self.focus
    }

    fn assessment<'a>(&self, session: &'a Session) -> Option<&'a Assessment> {
        let t = &self.target;
        session
            .dossier()
            .assessment(&t.application, &t.assessor, t.round)
    }

    fn is_submitted(&self, session: &Session) -> bool {
        self.assessment(session)
            .is_some_and(Assessment::is_submitted)
    }

    /// Apply one edit; a refusal is shown instead of applied.
    fn apply(
        &mut self,
        session: &mut Session,
        f: impl FnOnce(
            &Rubric,
            &mut leidraad_core::dossier::Dossier,
            &Target,
        ) -> Result<(), edit::EditError>,
    ) -> bool {
        let target = self.target.clone();
        match session.edit(|r, d| f(r, d, &target)) {
            Ok(()) => {
                if matches!(self.notice, Some(Notice::Error(_) | Notice::Undone(_))) {
                    self.notice = None;
                }
                true
            }
            Err(edit::EditError::Incomplete(_)) => {
                self.notice = Some(Notice::SubmitRefused);
                false
            }
            Err(e) => {
                self.notice = Some(Notice::Error(strings::edit_error(&e)));
                false
            }
        }
    }

    pub fn update(&mut self, session: &mut Session, message: Message) -> Action {
        let action = self.handle(session, message);
        self.drop_stale_refusal(session);
        action
    }

    /// One truth about submitting: the refusal ("Indienen kan nog niet")
    /// goes as soon as nothing blocks any more, so that it never stands
    /// beside "Alles is ingevuld", nor comes back when something is
    /// emptied again later (only a new attempt to submit says it again).
    fn drop_stale_refusal(&mut self, session: &Session) {
        let refused = match &self.notice {
            Some(Notice::SubmitRefused) => true,
            Some(Notice::Error(e)) => e == strings::SUBMIT_REFUSED,
            _ => false,
        };
        let may_submit = self
            .assessment(session)
            .is_some_and(|a| leidraad_core::scoring::summarize(session.rubric(), a).may_submit());
        if refused && may_submit {
            self.notice = None;
        }
    }

    /// Close the form that is open over the screen (a conflict of
    /// interest, a withdrawal): whether one was.
    pub fn close_open_form(&mut self) -> bool {
        self.conflict_form.take().is_some() | self.withdraw_form.take().is_some()
    }

    fn handle(&mut self, session: &mut Session, message: Message) -> Action {
        let now = Utc::now();
        if let Some(from) = typed_in(&message)
            && self.is_late(from)
        {
            return self.redirect_late(session, &message);
        }
        match message {
            Message::Back => return Action::Back,
            Message::Step(step) => return Action::Step(step),
            Message::Undo => self.undo(session),
            Message::ExportPdf => {
                let t = &self.target;
                return Action::ExportPdf(leidraad_report::SheetKind::Assessment {
                    application: t.application.clone(),
                    assessor: t.assessor.clone(),
                    round: t.round,
                });
            }
            Message::Round(round) => {
                if round != self.target.round {
                    self.target.round = round;
                    self.begin(session);
                    self.load(session);
                }
            }
            Message::Confirm(id) => {
                self.apply(session, |r, d, t| edit::confirm(r, d, t, &id, now));
            }
            Message::GoTo(missing) => {
                return match keys::field_of(session.rubric(), &missing) {
                    Some(field) => Action::Run(self.move_focus(session.rubric(), field)),
                    None => Action::None,
                };
            }
            Message::WhyChanged(id, why) => {
                self.focus = keys::why_field(session.rubric(), &id).or(self.focus);
                self.apply(session, |r, d, t| {
                    edit::set_why_changed(r, d, t, &id, &why, now)
                });
            }
            Message::AskConflict => {
                self.conflict_form = Some(String::new());
                return Action::Run(iced::widget::operation::focus(Id::new("conflict-note")));
            }
            Message::ConflictNote(note) => {
                if let Some(n) = &mut self.conflict_form {
                    *n = note;
                }
            }
            Message::CancelConflict => self.conflict_form = None,
            Message::AskWithdraw => return self.ask_withdraw(),
            Message::WithdrawReason(reason) => self.withdraw_reason(reason),
            Message::Withdraw => self.withdraw(session),
            Message::CancelWithdraw => self.withdraw_form = None,
            Message::DeclareConflict => {
                let note = self.conflict_form.take().unwrap_or_default();
                let t = self.target.clone();
                let declared = session.edit(|_, d| {
                    leidraad_core::panel::declare_conflict(
                        d,
                        &t.assessor,
                        &t.application,
                        note.trim(),
                        now,
                    )
                    .map_err(|_| edit::EditError::UnknownApplication(t.application.clone()))
                });
                self.load(session);
                if let Err(e) = declared {
                    self.notice = Some(Notice::Error(strings::edit_error(&e)));
                }
            }
            Message::Verdict(i, verdict) => self.set_verdict(session, i, verdict),
            Message::KoNote(i, action) => {
                let is_edit = action.is_edit();
                self.focus = Some(Field::KoNote(i));
                if is_edit && !self.may_edit(session) {
                    return Action::None;
                }
                self.ko_notes[i].perform(action);
                if is_edit {
                    let ko = session.rubric().knockouts[i].id.clone();
                    let text = self.ko_notes[i].text();
                    let text = text.trim_end_matches('\n').to_string();
                    self.remember(session, UndoField::KoNote(i));
                    self.apply(session, |r, d, t| {
                        edit::set_ko_motivation(r, d, t, &ko, &text, now)
                    });
                    self.remembered(session);
                }
            }
            Message::Value(i, value) => {
                self.set_focus(Field::Value(i));
                self.set_value(session, i, value);
            }
            Message::Item(i, k, points) => {
                self.set_focus(Field::Item(i, k));
                self.set_item(session, i, k, points);
            }
            Message::Number(i, typed) => {
                self.focus = Some(Field::Value(i));
                self.number(session, i, typed);
            }
            Message::Note(i, action) => {
                let is_edit = action.is_edit();
                self.focus = Some(Field::Note(i));
                if is_edit && !self.may_edit(session) {
                    return Action::None;
                }
                self.notes[i].perform(action);
                if is_edit {
                    let id = criterion(session.rubric(), i).id.clone();
                    let text = self.notes[i].text();
                    let text = text.trim_end_matches('\n').to_string();
                    self.remember(session, UndoField::Note(i));
                    self.apply(session, |r, d, t| {
                        edit::set_motivation(r, d, t, &id, &text, now)
                    });
                    self.remembered(session);
                }
            }
            Message::EvidenceDoc(i, document) => {
                self.focus = Some(Field::EvidenceDoc(i));
                let id = criterion(session.rubric(), i).id.clone();
                let mut evidence = self.evidence(session, i);
                evidence.document = document;
                self.apply(session, |r, d, t| {
                    edit::set_evidence(r, d, t, &id, evidence, now)
                });
            }
            Message::EvidencePage(i, page) => {
                self.focus = Some(Field::EvidencePage(i));
                let id = criterion(session.rubric(), i).id.clone();
                let mut evidence = self.evidence(session, i);
                evidence.page = page;
                self.apply(session, |r, d, t| {
                    edit::set_evidence(r, d, t, &id, evidence, now)
                });
            }
            Message::Submit => self.submit(session),
            Message::Tab { backwards } => {
                return Action::Run(self.tab(session, backwards));
            }
            Message::Synced(Some(id)) => self.synced(session, &id),
            Message::Synced(None) => {}
            Message::Plan(m) => return self.plan_update(session, m),
        }
        Action::None
    }

    /// Submit the assessment: refused with the missing list while
    /// anything is missing.
    pub fn submit(&mut self, session: &mut Session) {
        let now = Utc::now();
        let target = self.target.clone();
        match session.edit(|r, d| edit::submit(r, d, &target, now)) {
            Ok(()) => self.notice = Some(Notice::Submitted),
            Err(edit::EditError::Incomplete(_)) => self.notice = Some(Notice::SubmitRefused),
            Err(e) => self.notice = Some(Notice::Error(strings::edit_error(&e))),
        }
    }

    fn evidence(&self, session: &Session, i: usize) -> leidraad_core::dossier::Evidence {
        let id = &criterion(session.rubric(), i).id;
        self.assessment(session)
            .and_then(|a| a.criteria.get(id))
            .map(|s| s.evidence.clone())
            .unwrap_or_default()
    }

    fn set_value(&mut self, session: &mut Session, i: usize, value: Option<Value>) {
        self.set_value_as(session, i, value, UndoField::Value(i));
    }

    /// [`State::set_value`], remembered for Ctrl+Z as a change of `field`.
    fn set_value_as(
        &mut self,
        session: &mut Session,
        i: usize,
        value: Option<Value>,
        field: UndoField,
    ) {
        let id = criterion(session.rubric(), i).id.clone();
        let now = Utc::now();
        let number = match &value {
            Some(Value::Points(n)) => n.to_string(),
            _ => String::new(),
        };
        self.remember(session, field);
        if self.apply(session, |r, d, t| edit::set_value(r, d, t, &id, value, now)) {
            self.numbers[i] = number;
            self.refusals[i] = None;
        }
        self.remembered(session);
    }

    fn set_verdict(&mut self, session: &mut Session, i: usize, verdict: Verdict) {
        self.set_focus(Field::Verdict(i));
        let ko = session.rubric().knockouts[i].id.clone();
        let now = Utc::now();
        self.remember(session, UndoField::Verdict(i));
        self.apply(session, |r, d, t| {
            edit::set_verdict(r, d, t, &ko, verdict, now)
        });
        self.remembered(session);
    }

    fn set_item(&mut self, session: &mut Session, i: usize, k: usize, points: Option<u32>) {
        let c = criterion(session.rubric(), i);
        let id = c.id.clone();
        let Scale::Items { items, .. } = &c.scale else {
            return;
        };
        let item = items[k].id.clone();
        let now = Utc::now();
        self.remember(session, UndoField::Value(i));
        self.apply(session, |r, d, t| {
            edit::set_item(r, d, t, &id, &item, points, now)
        });
        self.remembered(session);
    }

    /// A number typed into a number field: digits only, within the scale;
    /// anything else is refused with the reason beside the field and the
    /// stored value is left as it was.
    fn number(&mut self, session: &mut Session, i: usize, typed: String) {
        let c = criterion(session.rubric(), i);
        let (min, max) = c.scale.bounds();
        let trimmed = typed.trim();
        if trimmed.is_empty() {
            self.set_value_as(session, i, None, UndoField::Number(i));
            return;
        }
        if !trimmed.chars().all(|ch| ch.is_ascii_digit()) {
            // The field keeps what was valid; the reason says why.
            let kept = match self.assessment(session).and_then(|a| a.value(&c.id)) {
                Some(Value::Points(n)) => Some(*n),
                _ => None,
            };
            self.refusals[i] = Some(strings::not_a_number(min, max, kept));
            return;
        }
        self.numbers[i] = trimmed.to_string();
        match trimmed.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => {
                self.set_value_as(session, i, Some(Value::Points(n)), UndoField::Number(i));
            }
            _ => {
                let kept = match self.assessment(session).and_then(|a| a.value(&c.id)) {
                    Some(Value::Points(n)) => Some(*n),
                    _ => None,
                };
                self.refusals[i] = Some(strings::refused(trimmed, min, max, kept));
            }
        }
    }
}

fn criterion(rubric: &Rubric, i: usize) -> &Criterion {
    rubric
        .criteria()
        .nth(i)
        .expect("criterion index within the rubric")
}

/// A widget id from its name (fields, cards, buttons).
pub fn widget_id_str(s: &str) -> Id {
    Id::from(s.to_string())
}
