//! The keyboard flow of the scoring screen: the fields the keyboard visits
//! in reading order, moving the focus between them (Tab, a click), and the
//! keys that pick a value on the focused choice or type into a field.

use iced::Task;
use iced::widget::{Id, text_editor};

use super::{Action, Message, SCROLL, State, criterion, uses_number_field, widget_id_str};
use crate::ui::widget::reveal;
use leidraad_core::dossier::{Value, Verdict};
use leidraad_core::rubric::{CriterionId, Rubric, Scale};
use leidraad_core::session::Session;

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
    /// Round 2: why the verdict of knock-out i differs from round 1.
    KoWhy(usize),
    /// Round 2: why the value of criterion i differs from round 1.
    Why(usize),
    Submit,
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

impl State {
    pub(super) fn set_focus(&mut self, field: Field) {
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

    /// Tab (or Shift+Tab): move to the next (or previous) field in reading
    /// order, round past the end.
    pub(super) fn tab(&mut self, session: &Session, backwards: bool) -> Task<Message> {
        let rubric = session.rubric();
        let fields = self.tab_order(session);
        // Its widget keeps the focus until the focus task has run.
        self.left = self.focus.filter(|f| widget_id(rubric, *f).is_some());
        self.late_seen = None;
        let next = match self.focus.and_then(|c| fields.iter().position(|f| *f == c)) {
            Some(p) if backwards => fields[(p + fields.len() - 1) % fields.len()],
            Some(p) => fields[(p + 1) % fields.len()],
            None if backwards => fields[fields.len() - 1],
            None => fields[0],
        };
        self.move_focus(rubric, next)
    }

    /// Every field in reading order, with the round-2 "why changed" field
    /// of each knock-out and criterion whose value differs from round 1
    /// (shown, and required, only then) after its value.
    pub(super) fn tab_order(&self, session: &Session) -> Vec<Field> {
        let mut out = Vec::new();
        for field in fields(session.rubric()) {
            // Right after the value (the verdict, the last item): before
            // the motivation.
            let why = match field {
                Field::KoNote(i) => Field::KoWhy(i),
                Field::Note(i) => Field::Why(i),
                _ => {
                    out.push(field);
                    continue;
                }
            };
            if self.why_shown(session, why) {
                out.push(why);
            }
            out.push(field);
        }
        out
    }

    /// Whether the "why changed" field `why` is on screen: round 2, the
    /// value copied from round 1 and changed since.
    fn why_shown(&self, session: &Session, why: Field) -> bool {
        let rubric = session.rubric();
        let Some(a) = self.assessment(session) else {
            return false;
        };
        match why {
            Field::KoWhy(i) => a
                .knockouts
                .get(&rubric.knockouts[i].id)
                .is_some_and(|j| j.carried.round_one.is_some_and(|was| was != j.verdict)),
            Field::Why(i) => a.criteria.get(&criterion(rubric, i).id).is_some_and(|s| {
                s.carried
                    .round_one
                    .as_ref()
                    .is_some_and(|was| s.value.as_ref() != Some(was))
            }),
            _ => false,
        }
    }

    /// The text of a "why changed" field.
    fn why_text(&self, session: &Session, why: Field) -> Option<(CriterionId, String)> {
        let rubric = session.rubric();
        let a = self.assessment(session)?;
        match why {
            Field::KoWhy(i) => {
                let id = rubric.knockouts[i].id.clone();
                let text = a.knockouts.get(&id)?.carried.why_changed.clone();
                Some((id, text))
            }
            Field::Why(i) => {
                let id = criterion(rubric, i).id.clone();
                let text = a.criteria.get(&id)?.carried.why_changed.clone();
                Some((id, text))
            }
            _ => None,
        }
    }

    /// After a mouse click: the keyboard is where the focused text field is.
    pub(super) fn synced(&mut self, session: &Session, id: &Id) {
        let rubric = session.rubric();
        if let Some(field) = self
            .tab_order(session)
            .into_iter()
            .find(|f| widget_id(rubric, *f).as_ref() == Some(id))
        {
            self.left = None;
            self.late_seen = None;
            self.set_focus(field);
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
        if let Some(action) = self.key_in_line(session, field, key) {
            return action;
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

    /// A key on a one-line text field that did not have the widget focus
    /// yet: typed into it. None when `field` is no such field (or the key
    /// is meant for the row, as Enter on the number field).
    fn key_in_line(
        &mut self,
        session: &mut Session,
        field: Field,
        key: &KeyInput,
    ) -> Option<Action> {
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
        let action = match field {
            Field::KoWhy(_) | Field::Why(_) => {
                if let Some((id, current)) = self.why_text(session, field)
                    && let Some(s) = text_field(&current)
                {
                    return Some(self.update(session, Message::WhyChanged(id, s)));
                }
                Action::None
            }
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
                    return Some(self.update(session, m));
                }
                Action::None
            }
            Field::Value(i) if uses_number_field(&criterion(session.rubric(), i).scale) => {
                if let Some(s) = text_field(&self.numbers[i].clone()) {
                    return Some(self.update(session, Message::Number(i, s)));
                }
                // Enter goes on to confirming or saying why, as on a choice.
                if *key == KeyInput::Enter {
                    return None;
                }
                Action::None
            }
            _ => return None,
        };
        Some(action)
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
                let rubric = session.rubric();
                match why_field(rubric, &id) {
                    Some(why) => Action::Run(self.move_focus(rubric, why)),
                    None => Action::None,
                }
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
}

/// The "why changed" field of a knock-out or criterion.
pub(super) fn why_field(rubric: &Rubric, id: &CriterionId) -> Option<Field> {
    match rubric.knockouts.iter().position(|k| &k.id == id) {
        Some(i) => Some(Field::KoWhy(i)),
        None => rubric.criteria().position(|c| &c.id == id).map(Field::Why),
    }
}

/// Every field in reading order (without the round-2 "why changed" fields,
/// which come and go with the values: see `State::tab_order`).
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

/// Where a missing item is filled in: the verdict or value for what is
/// open or unconfirmed, the motivation for a missing motivation, the
/// "why changed" field for a missing reason.
pub fn field_of(rubric: &Rubric, missing: &leidraad_core::scoring::Missing) -> Option<Field> {
    use leidraad_core::scoring::Missing as M;
    let id = crate::ui::strings::missing_id(missing)?;
    if let Some(i) = rubric.knockouts.iter().position(|k| &k.id == id) {
        return Some(match missing {
            M::NoMotivation(_) => Field::KoNote(i),
            M::NoReason(_) => Field::KoWhy(i),
            _ => Field::Verdict(i),
        });
    }
    let i = rubric.criteria().position(|c| &c.id == id)?;
    Some(match missing {
        M::NoMotivation(_) => Field::Note(i),
        M::NoReason(_) => Field::Why(i),
        _ => match &criterion(rubric, i).scale {
            Scale::Items { .. } => Field::Item(i, 0),
            _ => Field::Value(i),
        },
    })
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
        Field::KoWhy(i) => Some(widget_id_str(&format!("why-{}", ko(i)))),
        Field::Why(i) => Some(widget_id_str(&format!("why-{}", c(i)))),
        Field::Value(i) if uses_number_field(&criterion(rubric, i).scale) => {
            Some(widget_id_str(&format!("value-{}", c(i))))
        }
        _ => None,
    }
}

/// The card a field sits in, to scroll it into view.
fn row_id(rubric: &Rubric, field: Field) -> Id {
    match field {
        Field::Verdict(i) | Field::KoNote(i) | Field::KoWhy(i) => {
            widget_id_str(&format!("card-{}", rubric.knockouts[i].id))
        }
        Field::Value(i)
        | Field::Item(i, _)
        | Field::Note(i)
        | Field::EvidenceDoc(i)
        | Field::EvidencePage(i)
        | Field::Why(i) => widget_id_str(&format!("card-{}", criterion(rubric, i).id)),
        Field::Submit => Id::new("submit"),
    }
}

/// The motivation editors keep their keys, except Tab (which moves to the
/// next field) and Ctrl+Enter (which submits).
pub(super) fn key_binding(press: text_editor::KeyPress) -> Option<text_editor::Binding<Message>> {
    use iced::keyboard::{Key, key::Named};
    match press.key.as_ref() {
        Key::Named(Named::Tab) => None,
        Key::Named(Named::Enter) if press.modifiers.command() => None,
        _ => text_editor::Binding::from_key_press(press),
    }
}
