//! Smaller points of the window on a real laptop (issue 17).

use iced::keyboard::{Key, Modifiers};
use leidraad::ui::app::{App, KeyPress, Message, Screen};
use leidraad::ui::screen::application;
use leidraad::ui::strings;
use leidraad_core::dossier::Dossier;
use leidraad_core::rubric::Rubric;

use crate::ui_support::shows;

#[test]
fn a_day_that_does_not_exist_is_told_apart_from_a_date_in_another_format() {
    let rubric = Rubric::builtin();
    let dossier = Dossier::new("Testdossier", &rubric);
    let mut app = App::with_dossier(rubric, dossier, "Tess Beoordelaar");
    let _ = app.update(Message::Key(KeyPress {
        key: Key::Character("n".into()),
        typed: None,
        modifiers: Modifiers::CTRL,
        captured: false,
    }));
    assert!(matches!(app.screen, Screen::Application(_)));
    let submitted = |app: &mut App, s: &str| {
        let _ = app.update(Message::Application(application::Message::Submitted(
            s.into(),
        )));
    };
    submitted(&mut app, "31-02-2022");
    assert!(shows(
        &app,
        "31-02-2022 bestaat niet: kijk de dag en de maand na."
    ));
    assert!(!shows(&app, strings::DATE_INVALID));
    submitted(&mut app, "14 juli 2022");
    assert!(shows(&app, strings::DATE_INVALID));
    assert_eq!(
        strings::date_problem("2022-02-31"),
        strings::DATE_INVALID,
        "a year first is another format"
    );
}

#[test]
fn the_refusal_to_submit_goes_once_everything_is_filled_in() {
    use crate::common::*;
    use leidraad::ui::screen::{list, scoring};
    use leidraad_core::dossier::{ApplicationId, Round};
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70, 72]);
    let mut app = App::with_dossier(r.clone(), d, "X1");
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    assert!(shows(&app, strings::SUBMIT_REFUSED));
    let ids: Vec<_> = r
        .knockouts
        .iter()
        .map(|k| k.id.clone())
        .chain(r.criteria().map(|c| c.id.clone()))
        .collect();
    for id in ids {
        let _ = app.update(Message::Scoring(scoring::Message::Confirm(id)));
    }
    assert!(shows(&app, strings::READY_TO_SUBMIT));
    assert!(
        !shows(&app, strings::SUBMIT_REFUSED),
        "no stale refusal beside 'Alles is ingevuld'"
    );
    // A value emptied again: the list of what is missing, no old refusal.
    let _ = app.update(Message::Scoring(scoring::Message::Value(0, None)));
    assert!(!shows(&app, strings::READY_TO_SUBMIT));
    assert!(shows(&app, strings::STILL_TO_DO));
    assert!(
        !shows(&app, strings::SUBMIT_REFUSED),
        "the refusal belonged to the earlier attempt"
    );
    // A new attempt says it again.
    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    assert!(shows(&app, strings::SUBMIT_REFUSED));
}
