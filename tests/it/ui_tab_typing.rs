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
