//! Scoring one application in one round as one assessor: the knock-out
//! criteria, the weighted criteria in their groups, and beside them, always
//! in view, where the plan stands and what is still missing.
//!
//! Totals, the standing and the missing list come from
//! `scoring::summarize`; every change goes through `edit`.

use chrono::Utc;
use iced::widget::{
    Id, button, column, container, row, rule, scrollable, space, text, text_editor, text_input,
};
use iced::{Alignment, Element, Fill, Font, Length, Task, font};

use crate::ui::widget::bar;
use crate::ui::widget::scale::{Choice, choices};
use crate::ui::widget::{reveal, scale};
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Assessment, Carried, Round, Value, Verdict};
use leidraad_core::edit::{self, Target};
use leidraad_core::rubric::{Criterion, CriterionId, Rubric, Scale};
use leidraad_core::scoring::{self, Missing, Standing, Summary};
use leidraad_core::session::Session;

/// The id of the scrollable that holds the criteria.
pub const SCROLL: &str = "scoring-scroll";

/// Scales with more values than this are typed into a number field rather
/// than picked from a row of buttons.
const MAX_BUTTONS: u32 = 11;

/// A place the keyboard can be: a choice (picked with keys) or a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Verdict(usize),
    KoNote(usize),
    /// The value of criterion i (a row of choices, or a number field).
    Value(usize),
    /// Item k of per-item criterion i.
    Item(usize, usize),
    Note(usize),
    EvidenceDoc(usize),
    EvidencePage(usize),
    Submit,
}

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
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
}

pub enum Action {
    None,
    Back,
    Run(Task<Message>),
    /// The root asks where to save this score sheet as PDF.
    ExportPdf(leidraad_report::SheetKind),
}

enum Notice {
    SubmitRefused,
    Submitted,
    Error(String),
}

pub struct State {
    pub target: Target,
    /// Whether this round may be scored for this application (round 2 only
    /// after an invitation in round 1).
    may_score: bool,
    focus: Option<Field>,
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
            digits: String::new(),
            ko_notes: Vec::new(),
            notes: Vec::new(),
            numbers: Vec::new(),
            refusals: Vec::new(),
            notice: None,
            conflict_form: None,
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
        self.focus = None;
        self.digits.clear();
        self.notice = None;
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
                if matches!(self.notice, Some(Notice::Error(_))) {
                    self.notice = None;
                }
                true
            }
            Err(e) => {
                self.notice = Some(Notice::Error(strings::edit_error(&e)));
                false
            }
        }
    }

    pub fn update(&mut self, session: &mut Session, message: Message) -> Action {
        let now = Utc::now();
        match message {
            Message::Back => return Action::Back,
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
            Message::WhyChanged(id, why) => {
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
            Message::Verdict(i, verdict) => {
                self.set_focus(Field::Verdict(i));
                let ko = session.rubric().knockouts[i].id.clone();
                self.apply(session, |r, d, t| {
                    edit::set_verdict(r, d, t, &ko, verdict, now)
                });
            }
            Message::KoNote(i, action) => {
                let is_edit = action.is_edit();
                self.focus = Some(Field::KoNote(i));
                if is_edit && (self.is_submitted(session) || !self.may_score) {
                    return Action::None;
                }
                self.ko_notes[i].perform(action);
                if is_edit {
                    let ko = session.rubric().knockouts[i].id.clone();
                    let text = self.ko_notes[i].text();
                    let text = text.trim_end_matches('\n').to_string();
                    self.apply(session, |r, d, t| {
                        edit::set_ko_motivation(r, d, t, &ko, &text, now)
                    });
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
                if is_edit && (self.is_submitted(session) || !self.may_score) {
                    return Action::None;
                }
                self.notes[i].perform(action);
                if is_edit {
                    let id = criterion(session.rubric(), i).id.clone();
                    let text = self.notes[i].text();
                    let text = text.trim_end_matches('\n').to_string();
                    self.apply(session, |r, d, t| {
                        edit::set_motivation(r, d, t, &id, &text, now)
                    });
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
                let fields = fields(session.rubric());
                let next = match self.focus.and_then(|c| fields.iter().position(|f| *f == c)) {
                    Some(p) if backwards => fields[(p + fields.len() - 1) % fields.len()],
                    Some(p) => fields[(p + 1) % fields.len()],
                    None if backwards => fields[fields.len() - 1],
                    None => fields[0],
                };
                return Action::Run(self.move_focus(session.rubric(), next));
            }
            Message::Synced(Some(id)) => {
                if let Some(field) = fields(session.rubric())
                    .into_iter()
                    .find(|f| widget_id(session.rubric(), *f).as_ref() == Some(&id))
                {
                    self.set_focus(field);
                }
            }
            Message::Synced(None) => {}
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

    fn set_focus(&mut self, field: Field) {
        if self.focus != Some(field) {
            self.digits.clear();
        }
        self.focus = Some(field);
    }

    /// Move the keyboard to `field`: focus its text widget (or none, for a
    /// choice) and scroll it into view.
    pub fn move_focus(&mut self, rubric: &Rubric, field: Field) -> Task<Message> {
        self.set_focus(field);
        // Typing continues after what is there already.
        let end = text_editor::Action::Move(text_editor::Motion::DocumentEnd);
        match field {
            Field::KoNote(i) => self.ko_notes[i].perform(end),
            Field::Note(i) => self.notes[i].perform(end),
            _ => {}
        }
        let focus = match widget_id(rubric, field) {
            Some(id) => Task::batch([
                iced::widget::operation::focus(id.clone()),
                iced::widget::operation::move_cursor_to_end(id),
            ]),
            // Focusing an id that no widget has unfocuses every text field.
            None => iced::widget::operation::focus(Id::new("no-text-field")),
        };
        Task::batch([
            focus,
            reveal::reveal(Id::new(SCROLL), row_id(rubric, field)),
        ])
    }

    fn evidence(&self, session: &Session, i: usize) -> leidraad_core::dossier::Evidence {
        let id = &criterion(session.rubric(), i).id;
        self.assessment(session)
            .and_then(|a| a.criteria.get(id))
            .map(|s| s.evidence.clone())
            .unwrap_or_default()
    }

    fn set_value(&mut self, session: &mut Session, i: usize, value: Option<Value>) {
        let id = criterion(session.rubric(), i).id.clone();
        let now = Utc::now();
        let number = match &value {
            Some(Value::Points(n)) => n.to_string(),
            _ => String::new(),
        };
        if self.apply(session, |r, d, t| edit::set_value(r, d, t, &id, value, now)) {
            self.numbers[i] = number;
            self.refusals[i] = None;
        }
    }

    fn set_item(&mut self, session: &mut Session, i: usize, k: usize, points: Option<u32>) {
        let c = criterion(session.rubric(), i);
        let id = c.id.clone();
        let Scale::Items { items, .. } = &c.scale else {
            return;
        };
        let item = items[k].id.clone();
        let now = Utc::now();
        self.apply(session, |r, d, t| {
            edit::set_item(r, d, t, &id, &item, points, now)
        });
    }

    /// A number typed into a number field: digits only, within the scale;
    /// anything else is refused with the reason beside the field and the
    /// stored value is left as it was.
    fn number(&mut self, session: &mut Session, i: usize, typed: String) {
        let c = criterion(session.rubric(), i);
        let (min, max) = c.scale.bounds();
        let trimmed = typed.trim();
        if trimmed.is_empty() {
            self.set_value(session, i, None);
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
            Ok(n) if (min..=max).contains(&n) => self.set_value(session, i, Some(Value::Points(n))),
            _ => {
                let kept = match self.assessment(session).and_then(|a| a.value(&c.id)) {
                    Some(Value::Points(n)) => Some(*n),
                    _ => None,
                };
                self.refusals[i] = Some(strings::refused(trimmed, min, max, kept));
            }
        }
    }

    /// A key that no text field took: it picks a value on the focused
    /// choice. Returns a task when the focus moves.
    pub fn key(&mut self, session: &mut Session, key: &KeyInput) -> Action {
        let Some(field) = self.focus else {
            return Action::None;
        };
        if self.is_submitted(session) || !self.may_score {
            return Action::None;
        }
        // A key meant for a text field that did not have the widget focus
        // yet (typed right after Tab): it goes where the keyboard is.
        let edit = |e: text_editor::Edit| text_editor::Action::Edit(e);
        let typed = match key {
            KeyInput::Char(c) => Some(edit(text_editor::Edit::Insert(*c))),
            KeyInput::Enter => Some(edit(text_editor::Edit::Enter)),
            KeyInput::Delete => Some(edit(text_editor::Edit::Backspace)),
            KeyInput::Step(_) => None,
        };
        match (field, typed) {
            (Field::KoNote(i), Some(action)) => {
                return self.update(session, Message::KoNote(i, action));
            }
            (Field::Note(i), Some(action)) => {
                return self.update(session, Message::Note(i, action));
            }
            _ => {}
        }
        let text_field = |current: &str| -> Option<String> {
            let mut s = current.to_string();
            match key {
                KeyInput::Char(c) => s.push(*c),
                KeyInput::Delete => {
                    s.pop();
                }
                _ => return None,
            }
            Some(s)
        };
        match field {
            Field::EvidenceDoc(i) | Field::EvidencePage(i) => {
                let e = self.evidence(session, i);
                let current = match field {
                    Field::EvidenceDoc(_) => e.document,
                    _ => e.page,
                };
                if let Some(s) = text_field(&current) {
                    let m = match field {
                        Field::EvidenceDoc(_) => Message::EvidenceDoc(i, s),
                        _ => Message::EvidencePage(i, s),
                    };
                    return self.update(session, m);
                }
                return Action::None;
            }
            Field::Value(i) if uses_number_field(&criterion(session.rubric(), i).scale) => {
                if let Some(s) = text_field(&self.numbers[i].clone()) {
                    return self.update(session, Message::Number(i, s));
                }
                return Action::None;
            }
            _ => {}
        }
        let rubric = session.rubric();
        match (field, key) {
            (Field::Submit, KeyInput::Enter) => self.submit(session),
            // Round 2: Enter keeps the value copied from round 1.
            (Field::Verdict(i), KeyInput::Enter) => {
                let id = rubric.knockouts[i].id.clone();
                return self.confirm_if_carried(session, id);
            }
            (Field::Value(i) | Field::Item(i, _), KeyInput::Enter) => {
                let id = criterion(rubric, i).id.clone();
                return self.confirm_if_carried(session, id);
            }
            (Field::Verdict(i), KeyInput::Char(c)) => {
                let verdict = match c.to_ascii_lowercase() {
                    'v' | '1' => Some(Verdict::Met),
                    'n' | '2' => Some(Verdict::NotMet),
                    't' | '3' => Some(Verdict::Doubt),
                    'o' | '4' => Some(Verdict::Open),
                    _ => None,
                };
                if let Some(v) = verdict {
                    return self.update(session, Message::Verdict(i, v));
                }
            }
            (Field::Verdict(i), KeyInput::Delete) => {
                return self.update(session, Message::Verdict(i, Verdict::Open));
            }
            (Field::Value(i), KeyInput::Delete) => self.set_value(session, i, None),
            (Field::Item(i, k), KeyInput::Delete) => self.set_item(session, i, k, None),
            (Field::Value(i), KeyInput::Char(c)) => {
                let scale = criterion(rubric, i).scale.clone();
                let value = match (&scale, c.to_ascii_lowercase()) {
                    (Scale::YesNo { .. }, 'j' | 'y' | '1') => Some(Value::Yes),
                    (Scale::YesNo { .. }, 'n' | '0') => Some(Value::No),
                    (Scale::YesNo { .. }, _) => None,
                    (_, 'n') if scale.allows_not_addressed() => Some(Value::NotAddressed),
                    (_, d) if d.is_ascii_digit() => self.digit(&scale, d),
                    _ => None,
                };
                if let Some(v) = value {
                    self.set_value(session, i, Some(v));
                }
            }
            (Field::Item(i, k), KeyInput::Char(d)) if d.is_ascii_digit() => {
                let scale = criterion(rubric, i).scale.clone();
                if let Some(Value::Points(n)) = self.digit(&scale, *d) {
                    self.set_item(session, i, k, Some(n));
                }
            }
            (Field::Value(i), KeyInput::Step(delta)) => {
                let c = criterion(rubric, i);
                let (min, max) = c.scale.bounds();
                let current = match self.assessment(session).and_then(|a| a.value(&c.id)) {
                    Some(Value::Points(n)) => Some(*n),
                    _ => None,
                };
                let next = match (&c.scale, current) {
                    (Scale::YesNo { .. }, _) => None,
                    (_, Some(n)) => Some((n as i64 + delta).clamp(min as i64, max as i64) as u32),
                    (_, None) if *delta > 0 => Some(min),
                    (_, None) => Some(max),
                };
                if let Some(n) = next {
                    self.set_value(session, i, Some(Value::Points(n)));
                }
            }
            (Field::Item(i, k), KeyInput::Step(delta)) => {
                let c = criterion(rubric, i);
                let (min, max) = c.scale.bounds();
                let current = match self.assessment(session).and_then(|a| a.value(&c.id)) {
                    Some(Value::Items(m)) => {
                        let Scale::Items { items, .. } = &c.scale else {
                            return Action::None;
                        };
                        m.get(&items[k].id).copied()
                    }
                    _ => None,
                };
                let next = match current {
                    Some(n) => (n as i64 + delta).clamp(min as i64, max as i64) as u32,
                    None if *delta > 0 => min,
                    None => max,
                };
                self.set_item(session, i, k, Some(next));
            }
            _ => {}
        }
        Action::None
    }

    /// Round 2, Enter on a row: keep the value copied from round 1 when it
    /// waits for that; when the value differs from round 1, go to the
    /// field that says why. Anything else is left alone.
    fn confirm_if_carried(&mut self, session: &mut Session, id: CriterionId) -> Action {
        // (copied, confirmed, differs from round 1)
        let state = self.assessment(session).and_then(|a| {
            if let Some(j) = a.knockouts.get(&id) {
                let was = j.carried.round_one?;
                return Some((j.carried.confirmed, j.verdict != was));
            }
            let s = a.criteria.get(&id)?;
            let was = s.carried.round_one.as_ref()?;
            Some((s.carried.confirmed, s.value.as_ref() != Some(was)))
        });
        match state {
            Some((false, _)) => self.update(session, Message::Confirm(id)),
            Some((true, true)) => {
                let field = widget_id_str(&format!("why-{id}"));
                Action::Run(Task::batch([
                    iced::widget::operation::focus(field.clone()),
                    iced::widget::operation::move_cursor_to_end(field),
                ]))
            }
            _ => Action::None,
        }
    }

    /// A digit on a scale: appended to the digits typed before when the
    /// result still fits ("1", "0" is 10 on a 1-10 scale), otherwise on its
    /// own; 0 on a scale that starts at 1 is "niet behandeld".
    fn digit(&mut self, scale: &Scale, d: char) -> Option<Value> {
        let (min, max) = scale.bounds();
        let fits = |s: &str| s.parse::<u32>().ok().filter(|n| (min..=max).contains(n));
        let joined = format!("{}{d}", self.digits);
        if let Some(n) = fits(&joined) {
            self.digits = joined;
            return Some(Value::Points(n));
        }
        let alone = d.to_string();
        if let Some(n) = fits(&alone) {
            self.digits = alone;
            return Some(Value::Points(n));
        }
        self.digits.clear();
        (d == '0' && scale.allows_not_addressed()).then_some(Value::NotAddressed)
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let rubric = session.rubric();
        let assessment = self.assessment(session);
        let empty;
        let assessment_ref = match assessment {
            Some(a) => a,
            None => {
                empty = Assessment::new(
                    &self.target.application,
                    &self.target.assessor,
                    self.target.round,
                );
                &empty
            }
        };
        let summary = scoring::summarize(rubric, assessment_ref);
        let editable = self.may_score && !assessment_ref.is_submitted();
        let conflict = self.conflict(session);

        let app = session.dossier().application(&self.target.application);
        let region = app.map_or("", |a| a.region.as_str());
        let plan = app.map_or("", |a| a.plan_title.as_str());

        let rounds = scale::rounds("", self.target.round, true, Message::Round);

        let mut content = column![
            bar::top(
                Message::Back,
                rounds,
                Some((
                    strings::EXPORT_SHEET,
                    assessment.map(|_| Message::ExportPdf)
                ))
            ),
            row![
                text(format!("{} · {}", self.target.application, region))
                    .size(theme::TITLE)
                    .font(bold())
                    .width(Fill),
            ]
            .push(conflict.is_none().then(|| {
                container(
                    button(text(strings::DECLARE_CONFLICT).size(theme::TEXT))
                        .padding([4, 10])
                        .style(theme::secondary)
                        .on_press_maybe(
                            self.conflict_form.is_none().then_some(Message::AskConflict),
                        ),
                )
                .id(Id::new("declare-conflict"))
            }))
            .spacing(12)
            .align_y(Alignment::Center),
        ]
        .spacing(10)
        .padding([16, 24])
        .max_width(1000);
        if !plan.is_empty() {
            content = content.push(text(plan).size(theme::TEXT));
        }
        content = content.push(
            text(strings::KEYS_HELP)
                .size(theme::SMALL)
                .style(theme::muted),
        );
        if let Some(note) = &self.conflict_form {
            content = content.push(conflict_form(&self.target, region, note));
        }

        if let Some(c) = conflict {
            content = content.push(
                container(text(strings::conflict_declared(&c.declared, &c.note)))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        } else if !self.may_score {
            content = content.push(
                container(text(strings::not_invited(region)))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        } else {
            let carried = assessment_ref
                .knockouts
                .values()
                .any(|j| j.carried.round_one.is_some())
                || assessment_ref
                    .criteria
                    .values()
                    .any(|s| s.carried.round_one.is_some());
            if carried && editable {
                content = content.push(
                    container(text(strings::ROUND_TWO_HINT))
                        .padding(12)
                        .width(Fill)
                        .style(theme::notice_info),
                );
            }
            if let Some(at) = assessment_ref.submitted {
                content = content.push(
                    container(text(format!(
                        "{} {}",
                        strings::submitted_on(&at),
                        strings::SUBMITTED_READ_ONLY
                    )))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
                );
            }
            content = content.push(heading(strings::KNOCKOUTS));
            content = content.push(text(strings::KNOCKOUTS_HINT).style(theme::muted));
            for (i, ko) in rubric.knockouts.iter().enumerate() {
                content = content.push(self.ko_card(assessment_ref, i, ko, editable));
            }
            content = content.push(heading(strings::CRITERIA));
            let mut i = 0;
            for (g, group) in rubric.groups.iter().enumerate() {
                let gt = &summary.groups[g];
                content = content.push(
                    row![
                        text(&group.name).size(18).font(bold()),
                        space::horizontal(),
                        text(strings::points_of(&gt.total.to_dutch_short(), gt.cap))
                            .size(theme::TEXT)
                            .style(theme::muted),
                    ]
                    .padding([0, 4]),
                );
                for c in &group.criteria {
                    content =
                        content.push(self.criterion_card(rubric, assessment_ref, i, c, editable));
                    i += 1;
                }
            }
        }

        let main = scrollable(container(content).center_x(Fill))
            .id(Id::new(SCROLL))
            .width(Fill)
            .height(Fill);

        row![main, self.sidebar(session, &summary, editable, region)]
            .height(Fill)
            .into()
    }

    fn ko_card<'a>(
        &'a self,
        a: &Assessment,
        i: usize,
        ko: &'a leidraad_core::rubric::Knockout,
        editable: bool,
    ) -> Element<'a, Message> {
        let current = a.verdict(&ko.id);
        let verdicts = choices(
            [Verdict::Met, Verdict::NotMet, Verdict::Doubt, Verdict::Open]
                .into_iter()
                .map(|v| Choice {
                    label: strings::verdict(v).to_string(),
                    id: format!("{}={}", ko.id, strings::verdict(v)),
                    selected: current == v,
                    on_press: editable.then_some(Message::Verdict(i, v)),
                    style: Some(v),
                })
                .collect(),
        );
        let focused = matches!(self.focus, Some(Field::Verdict(j) | Field::KoNote(j)) if j == i);
        let picking = self.focus == Some(Field::Verdict(i));
        let mut pick_row = column![
            row![marker(picking), verdicts]
                .spacing(6)
                .align_y(Alignment::Center)
        ]
        .spacing(4);
        if picking {
            pick_row = pick_row.push(row![
                space().width(20),
                text(strings::KO_KEYS)
                    .size(theme::SMALL)
                    .style(theme::muted)
            ]);
        }
        let editor = text_editor(&self.ko_notes[i])
            .id(widget_id_str(&format!("ko-note-{}", ko.id)))
            .placeholder(strings::KO_MOTIVATION_PLACEHOLDER)
            .on_action(move |action| Message::KoNote(i, action))
            .key_binding(key_binding)
            .min_height(44)
            .size(theme::TEXT)
            .style(theme::editor);
        let carried = a.knockouts.get(&ko.id).and_then(|j| {
            let was = j.carried.round_one?;
            Some(carried_row(
                &ko.id,
                &j.carried,
                j.verdict == was,
                strings::verdict(was).to_string(),
                editable,
            ))
        });
        let body = column![
            row![
                text(ko.id.to_string()).font(bold()).size(16).width(44),
                text(&ko.name).font(bold()).size(16),
            ],
            text(&ko.text).size(theme::TEXT),
            pick_row,
        ]
        .push(carried)
        .push(editor)
        .spacing(8);
        card(body, focused, &ko.id.0)
    }

    fn criterion_card<'a>(
        &'a self,
        rubric: &Rubric,
        a: &Assessment,
        i: usize,
        c: &'a Criterion,
        editable: bool,
    ) -> Element<'a, Message> {
        let value = a.value(&c.id);
        let points = value.map(|v| leidraad_core::dossier::points(rubric, &c.id, v));
        let focused = matches!(
            self.focus,
            Some(Field::Value(j) | Field::Item(j, _) | Field::Note(j) | Field::EvidenceDoc(j) | Field::EvidencePage(j)) if j == i
        );
        let score_text = match points {
            Some(p) => strings::points_of(&p.to_string(), c.cap),
            None => format!("{} · {}", strings::NOT_SCORED, strings::max_points(c.cap)),
        };
        let header = row![
            text(c.id.to_string()).font(bold()).size(16).width(44),
            text(&c.name).font(bold()).size(16).width(Fill),
            text(score_text)
                .size(theme::TEXT)
                .style(if points.is_some() {
                    theme::primary_text
                } else {
                    theme::muted
                }),
        ]
        .spacing(8);

        let scale = self.scale_view(c, i, value, editable);
        let carried = a.criteria.get(&c.id).and_then(|s| {
            let was = s.carried.round_one.as_ref()?;
            let items: Vec<(String, String)> = match &c.scale {
                Scale::Items { items, .. } => items
                    .iter()
                    .map(|it| (it.id.clone(), it.name.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            Some(carried_row(
                &c.id,
                &s.carried,
                s.value.as_ref() == Some(was),
                strings::value_text(was, &items),
                editable,
            ))
        });

        let note = text_editor(&self.notes[i])
            .id(widget_id_str(&format!("note-{}", c.id)))
            .placeholder(strings::MOTIVATION_PLACEHOLDER)
            .on_action(move |action| Message::Note(i, action))
            .key_binding(key_binding)
            .min_height(44)
            .size(theme::TEXT)
            .style(theme::editor);
        let evidence = a.criteria.get(&c.id).map(|s| &s.evidence);
        let doc = text_input(
            strings::EVIDENCE_DOC,
            evidence.map_or("", |e| e.document.as_str()),
        )
        .id(widget_id_str(&format!("doc-{}", c.id)))
        .on_input_maybe(editable.then_some(move |s| Message::EvidenceDoc(i, s)))
        .size(theme::TEXT)
        .padding(6)
        .style(theme::input);
        let page = text_input(
            strings::EVIDENCE_PAGE,
            evidence.map_or("", |e| e.page.as_str()),
        )
        .id(widget_id_str(&format!("page-{}", c.id)))
        .on_input_maybe(editable.then_some(move |s| Message::EvidencePage(i, s)))
        .size(theme::TEXT)
        .padding(6)
        .width(110)
        .style(theme::input);

        let body = column![header, text(&c.text).size(theme::TEXT), scale]
            .push(carried)
            .push(
                column![
                    text(strings::MOTIVATION)
                        .size(theme::SMALL)
                        .style(theme::muted),
                    note
                ]
                .spacing(2),
            )
            .push(
                row![
                    text(strings::EVIDENCE)
                        .size(theme::SMALL)
                        .style(theme::muted)
                        .width(70),
                    doc,
                    page
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            )
            .spacing(8);
        card(body, focused, &c.id.0)
    }

    fn scale_view<'a>(
        &'a self,
        c: &'a Criterion,
        i: usize,
        value: Option<&Value>,
        editable: bool,
    ) -> Element<'a, Message> {
        let on = |v: Option<Value>| editable.then_some(Message::Value(i, v));
        let main: Element<'a, Message> = match &c.scale {
            Scale::YesNo { yes, no } => choices(vec![
                Choice {
                    label: format!("{} ({yes})", strings::YES),
                    id: format!("{}=ja", c.id),
                    selected: value == Some(&Value::Yes),
                    on_press: on(Some(Value::Yes)),
                    style: None,
                },
                Choice {
                    label: format!("{} ({no})", strings::NO),
                    id: format!("{}=nee", c.id),
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
                let rows = items.iter().enumerate().map(|(k, item)| {
                    let current = given.and_then(|m| m.get(&item.id)).copied();
                    let row_focused = self.focus == Some(Field::Item(i, k));
                    let buttons = choices(
                        (0..=*max_each)
                            .map(|n| Choice {
                                label: n.to_string(),
                                id: format!("{}.{}={n}", c.id, item.id),
                                selected: current == Some(n),
                                on_press: editable.then_some(Message::Item(i, k, Some(n))),
                                style: None,
                            })
                            .collect(),
                    );
                    let mut r = row![marker(row_focused), text(&item.name).width(150), buttons];
                    if row_focused {
                        r = r.push(
                            text(strings::scale_keys(&c.scale))
                                .size(theme::SMALL)
                                .style(theme::muted),
                        );
                    }
                    r.spacing(6).align_y(Alignment::Center).into()
                });
                column(rows).spacing(4).into()
            }
            Scale::Range { .. } | Scale::Points { .. } if uses_number_field(&c.scale) => {
                let (min, max) = c.scale.bounds();
                let refused = self.refusals[i].is_some();
                let input = text_input(&strings::range_hint(min, max), &self.numbers[i])
                    .id(widget_id_str(&format!("value-{}", c.id)))
                    .on_input_maybe(editable.then_some(move |s| Message::Number(i, s)))
                    .width(90)
                    .padding(6)
                    .size(theme::TEXT)
                    .style(if refused {
                        theme::input_refused
                    } else {
                        theme::input
                    });
                let mut r = row![
                    input,
                    text(format!("punten ({})", strings::range_hint(min, max))).style(theme::muted)
                ]
                .spacing(8)
                .align_y(Alignment::Center);
                if let Some(reason) = &self.refusals[i] {
                    r = r.push(text(reason).style(theme::danger_text));
                }
                r.into()
            }
            Scale::Range {
                min, max, anchors, ..
            } => {
                let buttons = self.number_choices(c, i, *min, *max, value, editable);
                match anchors {
                    Some(a) => row![
                        text(&a.low)
                            .size(theme::SMALL)
                            .style(theme::muted)
                            .width(120)
                            .align_x(iced::alignment::Horizontal::Right),
                        buttons,
                        text(&a.high)
                            .size(theme::SMALL)
                            .style(theme::muted)
                            .width(140),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center)
                    .into(),
                    None => buttons,
                }
            }
            Scale::Points { max, .. } => self.number_choices(c, i, 0, *max, value, editable),
        };
        let picking = self.focus == Some(Field::Value(i));
        let items = matches!(c.scale, Scale::Items { .. });
        let mut r = row![].spacing(12).align_y(Alignment::Center);
        if !items {
            r = r.push(marker(picking));
        }
        r = r.push(main);
        if c.scale.allows_not_addressed() {
            r = r.push(scale::choice(Choice {
                label: strings::NOT_ADDRESSED.to_string(),
                id: format!("{}=nb", c.id),
                selected: value == Some(&Value::NotAddressed),
                on_press: on(Some(Value::NotAddressed)),
                style: None,
            }));
        }
        let clear = (value.is_some() && editable && !uses_number_field(&c.scale)).then(|| {
            button(text(strings::CLEAR).size(theme::SMALL))
                .style(theme::link)
                .on_press(Message::Value(i, None))
        });
        let hint = (picking && !uses_number_field(&c.scale)).then(|| {
            row![
                space().width(26),
                text(strings::scale_keys(&c.scale))
                    .size(theme::SMALL)
                    .style(theme::muted)
            ]
        });
        let mut out = match (items, clear) {
            (false, Some(clear)) => column![r.push(clear)],
            (true, Some(clear)) => column![r, row![space().width(170), clear]],
            (_, None) => column![r],
        };
        if let Some(hint) = hint {
            out = out.push(hint);
        }
        out.spacing(4).into()
    }

    fn number_choices<'a>(
        &self,
        c: &Criterion,
        i: usize,
        min: u32,
        max: u32,
        value: Option<&Value>,
        editable: bool,
    ) -> Element<'a, Message> {
        choices(
            (min..=max)
                .map(|n| Choice {
                    label: n.to_string(),
                    id: format!("{}={n}", c.id),
                    selected: value == Some(&Value::Points(n)),
                    on_press: editable.then_some(Message::Value(i, Some(Value::Points(n)))),
                    style: None,
                })
                .collect(),
        )
    }

    fn sidebar<'a>(
        &'a self,
        session: &'a Session,
        summary: &Summary,
        editable: bool,
        region: &'a str,
    ) -> Element<'a, Message> {
        let rubric = session.rubric();
        let mut groups = column![].spacing(4);
        for (g, group) in rubric.groups.iter().enumerate() {
            let gt = &summary.groups[g];
            groups = groups.push(
                row![
                    text(&group.name).size(theme::TEXT).width(Fill),
                    text(format!("{} / {}", gt.total.to_dutch_short(), gt.cap))
                        .size(theme::TEXT)
                        .align_x(iced::alignment::Horizontal::Right)
                        .width(70),
                ]
                .spacing(8),
            );
        }
        let total = summary.total.to_dutch_short();
        let (line, tone) = standing_line(rubric, summary);
        let mut side = column![
            text(format!("{} · {region}", self.target.application))
                .size(16)
                .font(bold()),
            text(strings::round_long(self.target.round))
                .size(theme::SMALL)
                .style(theme::muted),
            groups,
            rule::horizontal(1),
            row![
                text(strings::TOTAL)
                    .size(theme::HEADING)
                    .font(bold())
                    .width(Fill),
                text(format!("{total} / {}", summary.total_cap))
                    .size(theme::HEADING)
                    .font(bold()),
            ],
            container(text(line).size(theme::TEXT))
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(tone)),
            text(strings::progress(
                summary.knockouts_judged,
                summary.knockouts_count,
                summary.criteria_scored,
                summary.criteria_count
            ))
            .size(theme::SMALL)
            .style(theme::muted),
        ]
        .spacing(10);

        match &self.notice {
            Some(Notice::SubmitRefused) => {
                side = side.push(
                    container(text(strings::SUBMIT_REFUSED))
                        .padding(8)
                        .width(Fill)
                        .style(theme::notice_danger),
                );
            }
            Some(Notice::Error(e)) => {
                side = side.push(
                    container(text(e.as_str()))
                        .padding(8)
                        .width(Fill)
                        .style(theme::notice_danger),
                );
            }
            Some(Notice::Submitted) | None => {}
        }

        if self.may_score {
            if let Some(at) = self.assessment(session).and_then(|a| a.submitted) {
                side = side.push(text(strings::submitted_on(&at)).style(theme::success_text));
            } else if summary.missing.is_empty() {
                side = side.push(text(strings::READY_TO_SUBMIT).style(theme::success_text));
            } else {
                let mut list = column![text(strings::STILL_TO_DO).font(bold())].spacing(4);
                for line in strings::missing_lines(&summary.missing) {
                    list = list.push(text(line).size(theme::TEXT));
                }
                side = side.push(list);
            }
            if editable {
                let submit_focused = self.focus == Some(Field::Submit);
                side = side.push(
                    container(
                        button(text(strings::SUBMIT).center().width(Fill))
                            .width(Fill)
                            .padding(10)
                            .style(move |t, st| {
                                if submit_focused {
                                    theme::choice(true)(t, st)
                                } else {
                                    button::primary(t, st)
                                }
                            })
                            .on_press(Message::Submit),
                    )
                    .id(Id::new("submit")),
                );
            }
        }

        container(scrollable(side.padding(16)).height(Fill))
            .width(Length::Fixed(340.0))
            .height(Fill)
            .style(theme::sidebar)
            .into()
    }
}

/// The standing line and its tone, from the summary.
pub fn standing_line(rubric: &Rubric, summary: &Summary) -> (String, theme::Tone) {
    let total = summary.total.to_dutch_short();
    let cap = summary.total_cap;
    match &summary.standing {
        Standing::Rejected(ids) => (strings::standing_rejected(ids), theme::Tone::Bad),
        Standing::InProgress => (
            strings::standing_in_progress(
                &total,
                cap,
                summary.criteria_count - summary.criteria_scored,
            ),
            theme::Tone::Neutral,
        ),
        Standing::BelowThreshold => {
            let threshold = rubric.process.threshold(summary.round);
            (
                strings::standing_below(&total, cap, threshold, summary.round),
                theme::Tone::Warn,
            )
        }
        Standing::AtOrAboveThreshold => {
            let settled = !summary
                .missing
                .iter()
                .any(|m| matches!(m, Missing::KoOpen(_) | Missing::KoDoubt(_)));
            (
                strings::standing_above(&total, cap, summary.round, settled),
                if settled {
                    theme::Tone::Good
                } else {
                    theme::Tone::Neutral
                },
            )
        }
    }
}

/// A key the screen may act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyInput {
    Char(char),
    Enter,
    Delete,
    /// Arrow left (-1) or right (+1).
    Step(i64),
}

fn criterion(rubric: &Rubric, i: usize) -> &Criterion {
    rubric
        .criteria()
        .nth(i)
        .expect("criterion index within the rubric")
}

/// Every field in reading order.
pub fn fields(rubric: &Rubric) -> Vec<Field> {
    let mut out = Vec::new();
    for i in 0..rubric.knockouts.len() {
        out.push(Field::Verdict(i));
        out.push(Field::KoNote(i));
    }
    for (i, c) in rubric.criteria().enumerate() {
        match &c.scale {
            Scale::Items { items, .. } => out.extend((0..items.len()).map(|k| Field::Item(i, k))),
            _ => out.push(Field::Value(i)),
        }
        out.push(Field::Note(i));
        out.push(Field::EvidenceDoc(i));
        out.push(Field::EvidencePage(i));
    }
    out.push(Field::Submit);
    out
}

/// The text widget of a field; None for a choice.
pub fn widget_id(rubric: &Rubric, field: Field) -> Option<Id> {
    let ko = |i: usize| &rubric.knockouts[i].id;
    let c = |i: usize| &criterion(rubric, i).id;
    match field {
        Field::KoNote(i) => Some(widget_id_str(&format!("ko-note-{}", ko(i)))),
        Field::Note(i) => Some(widget_id_str(&format!("note-{}", c(i)))),
        Field::EvidenceDoc(i) => Some(widget_id_str(&format!("doc-{}", c(i)))),
        Field::EvidencePage(i) => Some(widget_id_str(&format!("page-{}", c(i)))),
        Field::Value(i) if uses_number_field(&criterion(rubric, i).scale) => {
            Some(widget_id_str(&format!("value-{}", c(i))))
        }
        _ => None,
    }
}

/// The card a field sits in, to scroll it into view.
fn row_id(rubric: &Rubric, field: Field) -> Id {
    match field {
        Field::Verdict(i) | Field::KoNote(i) => {
            widget_id_str(&format!("card-{}", rubric.knockouts[i].id))
        }
        Field::Value(i)
        | Field::Item(i, _)
        | Field::Note(i)
        | Field::EvidenceDoc(i)
        | Field::EvidencePage(i) => widget_id_str(&format!("card-{}", criterion(rubric, i).id)),
        Field::Submit => Id::new("submit"),
    }
}

/// Round 2: the value copied from round 1, beside the current one, and
/// what is still to do about it: confirm it, or say why it changed.
fn carried_row<'a, T>(
    id: &CriterionId,
    carried: &Carried<T>,
    same: bool,
    round_one: String,
    editable: bool,
) -> Element<'a, Message> {
    let mut line = row![text(strings::round_one_value(&round_one)).font(bold())]
        .spacing(10)
        .align_y(Alignment::Center);
    let waiting = !carried.confirmed;
    if waiting {
        line = line.push(
            container(text(strings::TO_CONFIRM).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Warn)),
        );
    } else if same {
        line = line.push(
            text(strings::CONFIRMED)
                .size(theme::SMALL)
                .style(theme::success_text),
        );
    }
    if !same {
        line = line.push(
            container(text(strings::CHANGED).size(theme::SMALL))
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Neutral)),
        );
    }
    line = line.push(space::horizontal());
    if waiting && editable {
        line = line.push(
            container(
                button(text(strings::CONFIRM).size(theme::TEXT))
                    .padding([4, 12])
                    .style(button::primary)
                    .on_press(Message::Confirm(id.clone())),
            )
            .id(widget_id_str(&format!("confirm-{id}"))),
        );
    }
    let mut body = column![line].spacing(6);
    let no_reason = !same && carried.why_changed.trim().is_empty();
    if !same {
        let field_id = id.clone();
        body = body.push(
            row![
                text(strings::WHY_CHANGED)
                    .size(theme::SMALL)
                    .font(bold())
                    .width(160),
                text_input(strings::WHY_CHANGED_PLACEHOLDER, &carried.why_changed)
                    .id(widget_id_str(&format!("why-{id}")))
                    .on_input_maybe(
                        editable.then_some(move |s| Message::WhyChanged(field_id.clone(), s)),
                    )
                    .size(theme::TEXT)
                    .padding(6)
                    .style(if no_reason {
                        theme::input_refused
                    } else {
                        theme::input
                    }),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    let tone = if (waiting || no_reason) && editable {
        theme::Tone::Warn
    } else {
        theme::Tone::Neutral
    };
    container(body)
        .padding([8, 10])
        .width(Fill)
        .style(theme::tone_box(tone))
        .into()
}

/// The confirmation of a conflict of interest, with a note that may stay
/// empty.
fn conflict_form<'a>(target: &Target, region: &str, note: &str) -> Element<'a, Message> {
    container(
        column![
            text(strings::conflict_question(
                &target.application.to_string(),
                region
            ))
            .font(bold()),
            text(strings::CONFLICT_CONSEQUENCE).size(theme::TEXT),
            text_input(strings::CONFLICT_NOTE_PLACEHOLDER, note)
                .id(Id::new("conflict-note"))
                .on_input(Message::ConflictNote)
                .on_submit(Message::DeclareConflict)
                .size(theme::TEXT)
                .padding(6)
                .style(theme::input),
            row![
                container(
                    button(text(strings::CONFLICT_CONFIRM))
                        .padding([6, 12])
                        .style(button::danger)
                        .on_press(Message::DeclareConflict),
                )
                .id(Id::new("conflict-confirm")),
                button(text(strings::CANCEL))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::CancelConflict),
            ]
            .spacing(8),
        ]
        .spacing(8),
    )
    .padding(12)
    .width(Fill)
    .style(theme::notice_danger)
    .into()
}

pub fn widget_id_str(s: &str) -> Id {
    Id::from(s.to_string())
}

fn card<'a>(
    body: impl Into<Element<'a, Message>>,
    focused: bool,
    id: &str,
) -> Element<'a, Message> {
    container(body)
        .padding(14)
        .width(Fill)
        .style(if focused {
            theme::card_focused
        } else {
            theme::card
        })
        .id(widget_id_str(&format!("card-{id}")))
        .into()
}

/// Marks the choice row that has the keyboard.
fn marker<'a>(on: bool) -> Element<'a, Message> {
    text(if on { "▶" } else { "" })
        .width(14)
        .style(theme::primary_text)
        .into()
}

fn heading<'a>(s: &'a str) -> Element<'a, Message> {
    container(text(s).size(theme::HEADING).font(bold()))
        .padding([8, 0])
        .into()
}

pub fn bold() -> Font {
    Font {
        weight: font::Weight::Bold,
        ..crate::ui::theme::FONT
    }
}

/// The motivation editors keep their keys, except Tab (which moves to the
/// next field) and Ctrl+Enter (which submits).
fn key_binding(press: text_editor::KeyPress) -> Option<text_editor::Binding<Message>> {
    use iced::keyboard::{Key, key::Named};
    match press.key.as_ref() {
        Key::Named(Named::Tab) => None,
        Key::Named(Named::Enter) if press.modifiers.command() => None,
        _ => text_editor::Binding::from_key_press(press),
    }
}
