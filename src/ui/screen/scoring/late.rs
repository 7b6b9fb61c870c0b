//! Keys typed right after Tab out of a text field. Tab moves the keyboard
//! at once (the screen's `focus`), but the widget focus follows only when
//! the focus task has run, a frame later: what is typed in between arrives
//! as input of the field that was left. It belongs to the field the
//! keyboard is on now, in the order typed; it is sent there instead of
//! being refused by, or written into, the field that was left.

use iced::widget::text_editor;

use super::keys::{Field, KeyInput};
use super::{Action, Message, State};
use leidraad_core::session::Session;

impl State {
    /// Whether input from `from` is late: typed after Tab left that field,
    /// before the widget focus followed the keyboard.
    pub(super) fn is_late(&self, from: Field) -> bool {
        self.left == Some(from) && self.focus != Some(from)
    }

    /// Send the keys of a late message to the field the keyboard is on; a
    /// message that is no typing (a click, a cursor move) is dropped.
    pub(super) fn redirect_late(&mut self, session: &mut Session, message: &Message) -> Action {
        let keys: Vec<KeyInput> = match message {
            Message::Number(i, typed) => {
                let current = self.numbers[*i].clone();
                self.late_keys(&current, typed)
            }
            Message::EvidenceDoc(i, typed) => {
                let current = self.evidence(session, *i).document;
                self.late_keys(&current, typed)
            }
            Message::EvidencePage(i, typed) => {
                let current = self.evidence(session, *i).page;
                self.late_keys(&current, typed)
            }
            Message::Note(_, action) | Message::KoNote(_, action) => editor_keys(action),
            _ => Vec::new(),
        };
        let mut last = Action::None;
        for key in keys {
            let action = self.key(session, &key);
            if !matches!(action, Action::None) {
                last = action;
            }
        }
        last
    }

    /// The keys of a late one-line field that holds `current` and now
    /// reports `typed`: against what it reported last, else against what
    /// it holds.
    fn late_keys(&mut self, current: &str, typed: &str) -> Vec<KeyInput> {
        let seen = self.late_seen.replace(typed.to_string());
        let mut keys = seen
            .as_deref()
            .map(|seen| typed_keys(seen, typed))
            .unwrap_or_default();
        if keys.is_empty() && seen.as_deref() != Some(current) {
            keys = typed_keys(current, typed);
        }
        keys
    }

    /// A mouse press: the focus is where the user clicked, no input is late.
    pub fn pointer_pressed(&mut self) {
        self.left = None;
        self.late_seen = None;
    }
}

/// The keys that turned `before` into `after` in a one-line field: the
/// characters inserted at one place, or one Backspace; nothing else.
fn typed_keys(before: &str, after: &str) -> Vec<KeyInput> {
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let prefix = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let room = b.len().min(a.len()) - prefix;
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    if a.len() > b.len() && prefix + suffix == b.len() {
        a[prefix..a.len() - suffix]
            .iter()
            .map(|c| KeyInput::Char(*c))
            .collect()
    } else if a.len() + 1 == b.len() && prefix + suffix == a.len() {
        vec![KeyInput::Delete]
    } else {
        Vec::new()
    }
}

/// The keys of an editor's typing action.
fn editor_keys(action: &text_editor::Action) -> Vec<KeyInput> {
    use text_editor::{Action as A, Edit};
    match action {
        A::Edit(Edit::Insert(c)) => vec![KeyInput::Char(*c)],
        A::Edit(Edit::Paste(s)) => s.chars().map(KeyInput::Char).collect(),
        A::Edit(Edit::Enter) => vec![KeyInput::Enter],
        A::Edit(Edit::Backspace) => vec![KeyInput::Delete],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_characters_are_found_wherever_they_were_inserted() {
        let chars = |s: &str| s.chars().map(KeyInput::Char).collect::<Vec<_>>();
        assert_eq!(typed_keys("18", "18P"), chars("P"));
        assert_eq!(typed_keys("18", "1x8"), chars("x"));
        assert_eq!(typed_keys("", "ab"), chars("ab"));
        assert_eq!(typed_keys("aa", "aaa"), chars("a"));
        assert_eq!(typed_keys("18", "1"), vec![KeyInput::Delete]);
        assert_eq!(typed_keys("18", "29"), Vec::new());
    }
}
