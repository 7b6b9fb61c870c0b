//! Ctrl+Z on the scoring screen: undo the last score change, a verdict, a
//! value (or one item of it) or a motivation. Typing in one motivation is
//! one change until another field changes. The undo is itself a change
//! through the same door as every other (`edit`, through the session), so
//! the audit log records it like any change.
//!
//! iced's text fields have no undo of their own, so Ctrl+Z inside a
//! motivation undoes the screen's last change too (the whole typing in
//! that motivation when it was the last change). Evidence, the round-2
//! "why changed" and submitting are not score changes and are not undone.

use chrono::Utc;
use iced::widget::text_editor;

use iced::widget::{container, text};
use iced::{Element, Fill};

use super::{Message, Notice, State, criterion};
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Value, Verdict};
use leidraad_core::edit;
use leidraad_core::session::Session;

/// A change that can be undone, with what was there before it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Undo {
    Verdict(usize, Verdict),
    /// The whole value of criterion i (for a per-item criterion: all items).
    Value(usize, Option<Value>),
    KoNote(usize, String),
    Note(usize, String),
}

/// At most this many changes are kept per application and round.
const DEPTH: usize = 200;

impl State {
    /// Remember what a change is about to replace. Typing on in the same
    /// motivation adds to the change already remembered.
    pub(super) fn remember(&mut self, session: &Session, field: UndoField) {
        if !matches!(field, UndoField::Value(_) | UndoField::Number(_)) {
            self.typed_number = None;
        }
        let rubric = session.rubric();
        let a = self.assessment(session);
        let before = match field {
            UndoField::Verdict(i) => {
                let ko = &rubric.knockouts[i].id;
                let v = a.and_then(|a| a.knockouts.get(ko)).map(|j| j.verdict);
                Undo::Verdict(i, v.unwrap_or(Verdict::Open))
            }
            UndoField::Value(i) | UndoField::Number(i) => {
                // Typing on in the same number field is one change.
                let typing = matches!(field, UndoField::Number(_));
                if typing
                    && self.typed_number == Some(i)
                    && matches!(self.undo.last(), Some(Undo::Value(j, _)) if *j == i)
                {
                    return;
                }
                self.typed_number = typing.then_some(i);
                let id = &criterion(rubric, i).id;
                Undo::Value(i, a.and_then(|a| a.value(id)).cloned())
            }
            UndoField::KoNote(i) => {
                if matches!(self.undo.last(), Some(Undo::KoNote(j, _)) if *j == i) {
                    return;
                }
                let ko = &rubric.knockouts[i].id;
                let m = a.and_then(|a| a.knockouts.get(ko));
                Undo::KoNote(i, m.map(|j| j.motivation.clone()).unwrap_or_default())
            }
            UndoField::Note(i) => {
                if matches!(self.undo.last(), Some(Undo::Note(j, _)) if *j == i) {
                    return;
                }
                let id = &criterion(rubric, i).id;
                let m = a.and_then(|a| a.criteria.get(id));
                Undo::Note(i, m.map(|s| s.motivation.clone()).unwrap_or_default())
            }
        };
        self.pending_undo = Some(before);
    }

    /// The change went through: keep what it replaced (a change that
    /// changed nothing is not kept).
    pub(super) fn remembered(&mut self, session: &Session) {
        let Some(before) = self.pending_undo.take() else {
            return;
        };
        if self.current(session, &before) == before {
            return;
        }
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
    }

    /// What the field of `u` holds now, in the same form.
    fn current(&self, session: &Session, u: &Undo) -> Undo {
        let rubric = session.rubric();
        let a = self.assessment(session);
        match u {
            Undo::Verdict(i, _) => {
                let ko = &rubric.knockouts[*i].id;
                let v = a.and_then(|a| a.knockouts.get(ko)).map(|j| j.verdict);
                Undo::Verdict(*i, v.unwrap_or(Verdict::Open))
            }
            Undo::Value(i, _) => {
                let id = &criterion(rubric, *i).id;
                Undo::Value(*i, a.and_then(|a| a.value(id)).cloned())
            }
            Undo::KoNote(i, _) => {
                let ko = &rubric.knockouts[*i].id;
                let m = a.and_then(|a| a.knockouts.get(ko));
                Undo::KoNote(*i, m.map(|j| j.motivation.clone()).unwrap_or_default())
            }
            Undo::Note(i, _) => {
                let id = &criterion(rubric, *i).id;
                let m = a.and_then(|a| a.criteria.get(id));
                Undo::Note(*i, m.map(|s| s.motivation.clone()).unwrap_or_default())
            }
        }
    }

    /// Ctrl+Z: put back what the last change replaced, as a change of its
    /// own, and show it in the fields.
    pub fn undo(&mut self, session: &mut Session) {
        let Some(last) = self.undo.pop() else {
            self.notice = Some(Notice::Undone(strings::NOTHING_TO_UNDO.to_string()));
            return;
        };
        let rubric = session.rubric();
        let now = Utc::now();
        let (what, done) = match last.clone() {
            Undo::Verdict(i, v) => {
                let ko = rubric.knockouts[i].id.clone();
                let done = self.apply(session, |r, d, t| edit::set_verdict(r, d, t, &ko, v, now));
                (ko.to_string(), done)
            }
            Undo::Value(i, v) => {
                let id = criterion(rubric, i).id.clone();
                let number = match &v {
                    Some(Value::Points(n)) => n.to_string(),
                    _ => String::new(),
                };
                let done = self.apply(session, |r, d, t| edit::set_value(r, d, t, &id, v, now));
                if done {
                    self.numbers[i] = number;
                    self.refusals[i] = None;
                }
                (id.to_string(), done)
            }
            Undo::KoNote(i, m) => {
                let ko = rubric.knockouts[i].id.clone();
                let done = self.apply(session, |r, d, t| {
                    edit::set_ko_motivation(r, d, t, &ko, &m, now)
                });
                if done {
                    self.ko_notes[i] = text_editor::Content::with_text(&m);
                }
                (strings::motivation_of(ko.as_str()), done)
            }
            Undo::Note(i, m) => {
                let id = criterion(rubric, i).id.clone();
                let done = self.apply(session, |r, d, t| {
                    edit::set_motivation(r, d, t, &id, &m, now)
                });
                if done {
                    self.notes[i] = text_editor::Content::with_text(&m);
                }
                (strings::motivation_of(id.as_str()), done)
            }
        };
        self.digits.clear();
        if done {
            self.notice = Some(Notice::Undone(strings::undone(&what)));
        } else {
            // Refused (submitted, read-only): the message of `apply` stays,
            // and the change may be undone once that is resolved.
            self.undo.push(last);
        }
    }

    /// What Ctrl+Z last did, in the sidebar.
    pub(super) fn undo_notice<'a>(&self) -> Option<Element<'a, Message>> {
        let Some(Notice::Undone(what)) = &self.notice else {
            return None;
        };
        Some(
            container(text(what.clone()))
                .padding(8)
                .width(Fill)
                .style(theme::notice_info)
                .into(),
        )
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

/// The field a change is about to be made in.
#[derive(Debug, Clone, Copy)]
pub(super) enum UndoField {
    Verdict(usize),
    Value(usize),
    /// The value typed in a number field.
    Number(usize),
    KoNote(usize),
    Note(usize),
}
