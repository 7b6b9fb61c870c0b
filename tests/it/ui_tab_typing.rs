//! Keys typed right after Tab, before the widget focus has followed the
//! keyboard (the focus task runs a frame later): they go to the next field
//! in the order typed, from every kind of field, and the field that was
//! left keeps what it had.

use iced::keyboard::{Key, Modifiers, key::Named};
use leidraad::ui::app::{App, KeyPress, Message, Screen};
use leidraad::ui::screen::list;
use leidraad_core::dossier::{Application, ApplicationId, Dossier, Round, Value};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

use crate::ui_support::{click, interact};

const ASSESSOR: &str = "Tess Beoordelaar";

fn scoring_app() -> App {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    let mut a = Application::new("A01", "Regio Testkust");
    a.plan_title = "Samen sterker aan de kust".into();
    edit::add_application(&mut d, a).unwrap();
    let mut app = App::with_dossier(rubric, d, ASSESSOR);
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    assert!(matches!(app.screen, Screen::Scoring(_)));
    app
}

fn assessment(app: &App) -> leidraad_core::dossier::Assessment {
    app.session
        .as_ref()
        .unwrap()
        .dossier()
        .assessment(&ApplicationId::from("A01"), ASSESSOR, Round::One)
        .cloned()
        .expect("an assessment was made")
}

fn tab() -> Message {
    Message::Key(KeyPress {
        key: Key::Named(Named::Tab),
        typed: None,
        modifiers: Modifiers::empty(),
        captured: false,
    })
}

/// Type `first` into the field `widget`, press Tab, and type `after` while
/// the widget focus is still in `widget` (as it is until the focus task
/// has run).
fn type_after_tab(app: &mut App, widget: &str, first: &str, after: &str) {
    interact(app, |ui| {
        click(ui, widget);
        ui.typewrite(first);
    });
    let _ = app.update(tab());
    interact(app, |ui| {
        click(ui, widget);
        ui.typewrite(after);
    });
}

#[test]
fn keys_typed_right_after_tab_out_of_the_number_field_go_to_the_motivation() {
    let mut app = scoring_app();
    type_after_tab(&mut app, "value-C11", "18", "Plan concreet");
    let a = assessment(&app);
    assert_eq!(a.value(&"C11".into()), Some(&Value::Points(18)));
    assert_eq!(a.criteria[&"C11".into()].motivation, "Plan concreet");
    // And on: the keyboard stays in the motivation.
    interact(&mut app, |ui| {
        click(ui, "note-C11");
        ui.typewrite(".");
    });
    assert_eq!(
        assessment(&app).criteria[&"C11".into()].motivation,
        "Plan concreet."
    );
}

#[test]
fn keys_typed_right_after_tab_out_of_each_kind_of_text_field_go_to_the_next_field() {
    let mut app = scoring_app();
    // Page of C10 to the number field of C11.
    type_after_tab(&mut app, "page-C10", "4", "20");
    let a = assessment(&app);
    assert_eq!(a.criteria[&"C10".into()].evidence.page, "4");
    assert_eq!(a.value(&"C11".into()), Some(&Value::Points(20)));
    // Motivation (an editor) to the document of the evidence.
    type_after_tab(&mut app, "note-C11", "Goed.", "Bijlage 3");
    let c11 = assessment(&app).criteria[&"C11".into()].clone();
    assert_eq!(c11.motivation, "Goed.");
    assert_eq!(c11.evidence.document, "Bijlage 3");
    // Document to page.
    type_after_tab(&mut app, "doc-C11", "", "12");
    let c11 = assessment(&app).criteria[&"C11".into()].clone();
    assert_eq!(c11.evidence.document, "Bijlage 3");
    assert_eq!(c11.evidence.page, "12");
    // A knock-out's motivation (an editor) to the yes/no choice of C1.
    type_after_tab(&mut app, "ko-note-KO8", "Voldaan.", "j");
    let a = assessment(&app);
    assert_eq!(
        a.knockouts[&"KO8".into()].motivation,
        "Voldaan.",
        "the motivation keeps what it had"
    );
    assert_eq!(a.value(&"C1".into()), Some(&Value::Yes));
}

fn key(k: Key) -> Message {
    Message::Key(KeyPress {
        key: k,
        typed: None,
        modifiers: Modifiers::empty(),
        captured: false,
    })
}

fn type_keys(app: &mut App, s: &str) {
    for c in s.chars() {
        let _ = app.update(key(Key::Character(c.to_string().into())));
    }
}

/// A value beside `n` on a scale that starts at 0.
fn other(n: u32) -> u32 {
    if n > 0 { n - 1 } else { n + 1 }
}

#[test]
fn in_round_two_the_why_changed_field_is_reached_and_required_by_keyboard_for_every_kind() {
    use crate::common::*;
    use leidraad::ui::screen::scoring;
    use leidraad_core::dossier::Verdict;
    const ME: &str = "X1";
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[70, 72]);
    score(&mut d, &r, "A02", Round::One, &[30, 30]);
    let mut app = App::with_dossier(r, d, ME);
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    let mine = |app: &App| {
        app.session
            .as_ref()
            .unwrap()
            .dossier()
            .assessment(&ApplicationId::from("A01"), ME, Round::Two)
            .cloned()
            .expect("round 2 opened")
    };
    let points = |app: &App, c: &str| match mine(app).value(&c.into()) {
        Some(Value::Points(n)) => *n,
        other => panic!("{c}: {other:?}"),
    };
    let scoring = |m: scoring::Message| Message::Scoring(m);
    let enter = || key(Key::Named(Named::Enter));

    // A knock-out (a choice): changed, then Tab goes to "why".
    let _ = app.update(scoring(scoring::Message::Verdict(0, Verdict::NotMet)));
    let _ = app.update(tab());
    type_keys(&mut app, "ko");
    // Yes/no (C1): changed, then Enter goes to "why".
    let flipped = match mine(&app).value(&"C1".into()) {
        Some(Value::Yes) => Value::No,
        _ => Value::Yes,
    };
    let _ = app.update(scoring(scoring::Message::Value(0, Some(flipped))));
    let _ = app.update(enter());
    type_keys(&mut app, "ja/nee");
    // Points on buttons (C2): Tab.
    let c2 = other(points(&app, "C2"));
    let _ = app.update(scoring(scoring::Message::Value(1, Some(Value::Points(c2)))));
    let _ = app.update(tab());
    type_keys(&mut app, "punten");
    // Items (C4): Enter on the item.
    let item = match mine(&app).value(&"C4".into()) {
        Some(Value::Items(m)) => m.values().next().copied().unwrap_or(0),
        _ => 0,
    };
    let _ = app.update(scoring(scoring::Message::Item(3, 0, Some(other(item)))));
    let _ = app.update(enter());
    type_keys(&mut app, "items");
    // The number field (C11): Enter, which the field does not take.
    let c11 = other(points(&app, "C11"));
    let _ = app.update(scoring(scoring::Message::Number(10, c11.to_string())));
    assert_eq!(points(&app, "C11"), c11);
    let _ = app.update(enter());
    type_keys(&mut app, "getal");

    let a = mine(&app);
    assert_eq!(a.knockouts[&"KO1".into()].carried.why_changed, "ko");
    for (c, why) in [
        ("C1", "ja/nee"),
        ("C2", "punten"),
        ("C4", "items"),
        ("C11", "getal"),
    ] {
        assert_eq!(a.criteria[&c.into()].carried.why_changed, why, "{c}");
    }
    assert_eq!(points(&app, "C11"), c11, "the number field kept its value");

    // Required: with one reason emptied by keyboard, submitting says so.
    for _ in 0.."getal".len() {
        let _ = app.update(key(Key::Named(Named::Backspace)));
    }
    let _ = app.update(scoring(scoring::Message::Submit));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Gewijzigd sinds ronde 1, reden ontbreekt: C11"
    ));
}
