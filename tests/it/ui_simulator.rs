//! The scoring flow in the iced_test simulator (headless, tiny-skia): click
//! and type as an assessor would, then find what the window shows.

use crate::ui_support::{click, interact, shows};

use iced_test::Simulator;

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::list;
use leidraad_core::dossier::{Application, ApplicationId, Dossier, Round, Value, Verdict};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

const ASSESSOR: &str = "Tess Beoordelaar";

fn dossier() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    for (id, region, plan) in [
        ("A01", "Regio Testkust", "Samen sterker aan de kust"),
        ("A02", "Heuvelland-Test", "Eén gezin, één plan"),
    ] {
        let mut a = Application::new(id, region);
        a.plan_title = plan.into();
        edit::add_application(&mut d, a).unwrap();
    }
    (rubric, d)
}

fn scoring_app() -> App {
    let (rubric, d) = dossier();
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

/// Every KO voldaan, every criterion scored with a motivation except the
/// criteria in `skip_motivation`. The points add up to 74.
fn score_everything(app: &mut App, skip_motivation: &[&str]) {
    interact(app, |ui| {
        for ko in 1..=8 {
            click(ui, &format!("KO{ko}=voldaan"));
        }
    });
    interact(app, |ui| {
        for id in [
            "C1=ja",
            "C2=8",
            "C3=5",
            "C4.financien=2",
            "C4.wonen=2",
            "C4.zorg=1",
            "C4.gezin=2",
            "C4.werk=1",
            "C5=4",
            "C6=4",
            "C7=6",
            "C8=5",
            "C9=6",
            "C10=5",
        ] {
            click(ui, id);
        }
        click(ui, "value-C11");
        ui.typewrite("18");
    });
    interact(app, |ui| {
        for c in 1..=11 {
            let id = format!("C{c}");
            if skip_motivation.contains(&id.as_str()) {
                continue;
            }
            click(ui, &format!("note-{id}"));
            ui.typewrite(&format!("Het plan onderbouwt {id} op p. {c}."));
        }
    });
}

#[test]
fn scoring_a_whole_application_shows_the_total_and_the_status() {
    let mut app = scoring_app();
    assert!(shows(&app, "0 / 100"));
    score_everything(&mut app, &[]);

    let a = assessment(&app);
    assert_eq!(a.value(&"C2".into()), Some(&Value::Points(8)));
    assert_eq!(a.value(&"C11".into()), Some(&Value::Points(18)));
    assert_eq!(
        a.criteria[&"C7".into()].motivation,
        "Het plan onderbouwt C7 op p. 7."
    );
    assert!(shows(&app, "74 / 100"), "the total is shown");
    assert!(shows(&app, "74 van 100: door naar de gespreksronde"));
    assert!(shows(&app, "Samenwerking"));
    assert!(shows(&app, "13 / 16"), "the group total of Samenwerking");

    interact(&mut app, |ui| click(ui, "submit"));
    assert!(assessment(&app).is_submitted());
}

#[test]
fn a_knockout_not_met_says_the_application_is_rejected() {
    let mut app = scoring_app();
    interact(&mut app, |ui| click(ui, "KO2=niet voldaan"));
    assert_eq!(assessment(&app).verdict(&"KO2".into()), Verdict::NotMet);
    assert!(shows(&app, "KO2 niet voldaan: aanvraag wordt afgewezen"));
    // The KO's motivation is now required.
    assert!(crate::ui_support::shows_missing(
        &app,
        "Motivering ontbreekt: KO2"
    ));
}

#[test]
fn a_value_outside_the_scale_is_refused_with_the_reason() {
    let mut app = scoring_app();
    interact(&mut app, |ui| {
        click(ui, "value-C11");
        ui.typewrite("30");
    });
    assert!(shows(
        &app,
        "30 kan niet: kies een heel getal van 0 tot en met 25. Niet overgenomen; er blijft 3 staan."
    ));
    assert_eq!(
        assessment(&app).value(&"C11".into()),
        Some(&Value::Points(3)),
        "the refused value is not stored"
    );
    // Letters are refused too, and the stored value stays.
    interact(&mut app, |ui| {
        click(ui, "value-C11");
        ui.typewrite("x");
    });
    assert_eq!(
        assessment(&app).value(&"C11".into()),
        Some(&Value::Points(3))
    );
    assert!(shows(
        &app,
        "Alleen cijfers: een heel getal van 0 tot en met 25. Niet overgenomen; er blijft 3 staan."
    ));
}

#[test]
fn submitting_with_a_missing_motivation_is_refused_with_the_missing_list() {
    let mut app = scoring_app();
    score_everything(&mut app, &["C3"]);
    interact(&mut app, |ui| click(ui, "submit"));
    assert!(!assessment(&app).is_submitted());
    assert!(shows(
        &app,
        "Indienen kan nog niet. Vul eerst aan wat hieronder staat."
    ));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Motivering ontbreekt: C3"
    ));
}

#[test]
fn the_list_shows_status_and_progress() {
    let mut app = scoring_app();
    score_everything(&mut app, &[]);
    interact(&mut app, |ui| click(ui, "submit"));
    let _ = app.update(Message::ToList);
    assert!(shows(&app, "gesprek"), "A01 is invited");
    assert!(shows(&app, "74,00"), "the round 1 total");
    assert!(shows(&app, "KO 8/8 · criteria 11/11 · ingediend"));
    assert!(shows(&app, "onvolledig"), "A02 has no assessment");
    assert!(shows(&app, "niet begonnen"));
}

#[test]
fn the_scoring_screen_matches_its_snapshot() {
    let mut app = scoring_app();
    interact(&mut app, |ui| {
        click(ui, "KO1=voldaan");
        click(ui, "KO2=twijfel");
    });
    let theme = app.theme();
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), (1400.0, 900.0), app.view());
    let snapshot = ui.snapshot(&theme).expect("a snapshot");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/scoring");
    assert!(
        snapshot
            .matches_hash(path)
            .expect("the hash file is readable"),
        "the scoring screen differs from tests/snapshots/scoring-tiny-skia.sha256; \
         look at it, and if the change is intended delete that file and run the test again"
    );
}
