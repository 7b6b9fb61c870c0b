//! The window's behaviour through `update()` alone, with no renderer: the
//! keyboard flow, saving, the error screen, the application form.

use iced::keyboard::{Key, Modifiers, key::Named};

use leidraad::ui::app::{App, KeyPress, Message, Screen};
use leidraad::ui::config::Config;
use leidraad::ui::screen::scoring::{self, Field};
use leidraad::ui::screen::{application, list};
use leidraad_core::dossier::{Application, ApplicationId, Dossier, Round, Value, Verdict};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

const ASSESSOR: &str = "Tess Beoordelaar";

fn dossier() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    for (id, region) in [("A01", "Regio Testkust"), ("A02", "Heuvelland-Test")] {
        edit::add_application(&mut d, Application::new(id, region)).unwrap();
    }
    (rubric, d)
}

fn app() -> App {
    let (r, d) = dossier();
    App::with_dossier(r, d, ASSESSOR)
}

fn press(app: &mut App, key: Key) {
    let _ = app.update(Message::Key(KeyPress {
        key,
        typed: None,
        modifiers: Modifiers::empty(),
        captured: false,
    }));
}

fn ch(app: &mut App, c: &str) {
    press(app, Key::Character(c.into()));
}

fn named(app: &mut App, n: Named) {
    press(app, Key::Named(n));
}

/// A shortcut, with what it starts (a save) run to its end.
fn ctrl(app: &mut App, key: Key) {
    crate::ui_support::run(
        app,
        Message::Key(KeyPress {
            key,
            typed: None,
            modifiers: Modifiers::CTRL,
            captured: false,
        }),
    );
}

fn focus(app: &App) -> Option<Field> {
    match &app.screen {
        Screen::Scoring(s) => s.focus(),
        _ => None,
    }
}

fn value(app: &App, app_id: &str, c: &str) -> Option<Value> {
    app.session
        .as_ref()
        .unwrap()
        .dossier()
        .assessment(&ApplicationId::from(app_id), ASSESSOR, Round::One)
        .and_then(|a| a.value(&c.into()).cloned())
}

/// Tab until the keyboard is on `field`.
fn tab_to(app: &mut App, field: Field) {
    for _ in 0..200 {
        if focus(app) == Some(field) {
            return;
        }
        named(app, Named::Tab);
    }
    panic!("{field:?} is not reachable with Tab");
}

#[test]
fn the_keyboard_opens_an_application_from_the_list() {
    let mut app = app();
    named(&mut app, Named::ArrowDown);
    named(&mut app, Named::ArrowDown);
    assert_eq!(app.list.selected, Some(1));
    named(&mut app, Named::Enter);
    match &app.screen {
        Screen::Scoring(s) => assert_eq!(s.target.application, ApplicationId::from("A02")),
        _ => panic!("the scoring screen is open"),
    }
    assert_eq!(
        focus(&app),
        Some(Field::Verdict(0)),
        "the keyboard starts at KO1"
    );
    named(&mut app, Named::Escape);
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn tab_goes_through_every_field_in_reading_order() {
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    let rubric = Rubric::builtin();
    let order = scoring::fields(&rubric);
    assert_eq!(order[0], Field::Verdict(0));
    assert_eq!(order[1], Field::KoNote(0));
    assert_eq!(order[16], Field::Value(0), "C1 follows the eight KOs");
    assert!(order.contains(&Field::Item(3, 4)), "each leefgebied of C4");
    assert_eq!(*order.last().unwrap(), Field::Submit);
    for expected in order.iter().skip(1) {
        named(&mut app, Named::Tab);
        assert_eq!(focus(&app), Some(*expected));
    }
    // Shift+Tab goes back.
    let _ = app.update(Message::Key(KeyPress {
        key: Key::Named(Named::Tab),
        typed: None,
        modifiers: Modifiers::SHIFT,
        captured: false,
    }));
    assert_eq!(focus(&app), Some(order[order.len() - 2]));
}

#[test]
fn number_keys_pick_scale_values() {
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    // KO1: V for voldaan, N for niet voldaan.
    ch(&mut app, "v");
    let verdict = |app: &App, ko: &str| {
        app.session
            .as_ref()
            .unwrap()
            .dossier()
            .assessment(&"A01".into(), ASSESSOR, Round::One)
            .unwrap()
            .verdict(&ko.into())
    };
    assert_eq!(verdict(&app, "KO1"), Verdict::Met);
    ch(&mut app, "n");
    assert_eq!(verdict(&app, "KO1"), Verdict::NotMet);

    // C1 (ja/nee): j is ja.
    tab_to(&mut app, Field::Value(0));
    ch(&mut app, "j");
    assert_eq!(value(&app, "A01", "C1"), Some(Value::Yes));
    ch(&mut app, "0");
    assert_eq!(value(&app, "A01", "C1"), Some(Value::No));

    // C2 (1-10): "1" then "0" is 10; "7" on its own is 7; 0 is niet behandeld.
    tab_to(&mut app, Field::Value(1));
    ch(&mut app, "1");
    assert_eq!(value(&app, "A01", "C2"), Some(Value::Points(1)));
    ch(&mut app, "0");
    assert_eq!(value(&app, "A01", "C2"), Some(Value::Points(10)));
    ch(&mut app, "7");
    assert_eq!(value(&app, "A01", "C2"), Some(Value::Points(7)));
    named(&mut app, Named::ArrowLeft);
    assert_eq!(value(&app, "A01", "C2"), Some(Value::Points(6)));
    ch(&mut app, "n");
    assert_eq!(value(&app, "A01", "C2"), Some(Value::NotAddressed));
    named(&mut app, Named::Delete);
    assert_eq!(
        value(&app, "A01", "C2"),
        None,
        "Delete clears to not scored"
    );
    ch(&mut app, "3");
    // A digit that does not fit the scale is ignored: 9 is not on 1-6 (C3).
    tab_to(&mut app, Field::Value(2));
    ch(&mut app, "9");
    assert_eq!(value(&app, "A01", "C3"), None);
    ch(&mut app, "6");
    assert_eq!(value(&app, "A01", "C3"), Some(Value::Points(6)));

    // C4: each leefgebied 0/1/2; 3 is impossible and ignored.
    tab_to(&mut app, Field::Item(3, 0));
    ch(&mut app, "2");
    ch(&mut app, "3");
    tab_to(&mut app, Field::Item(3, 1));
    ch(&mut app, "1");
    match value(&app, "A01", "C4") {
        Some(Value::Items(m)) => {
            assert_eq!(m.get("financien"), Some(&2));
            assert_eq!(m.get("wonen"), Some(&1));
        }
        other => panic!("C4 is per item: {other:?}"),
    }
}

#[test]
fn ctrl_enter_submits_or_lists_what_is_missing() {
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ctrl(&mut app, Key::Named(Named::Enter));
    let a = app
        .session
        .as_ref()
        .unwrap()
        .dossier()
        .assessment(&"A01".into(), ASSESSOR, Round::One)
        .cloned();
    assert!(a.is_none_or(|a| !a.is_submitted()));
}

#[test]
fn round_two_is_refused_for_an_application_that_was_not_invited() {
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ch(&mut app, "v");
    let s = app.session.as_ref().unwrap();
    assert!(
        s.dossier()
            .assessment(&"A01".into(), ASSESSOR, Round::Two)
            .is_none(),
        "nothing is scored in round 2 without an invitation"
    );
}

#[test]
fn an_assessor_name_is_needed_before_scoring() {
    let (r, d) = dossier();
    let mut app = App::with_dossier(r, d, "");
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    assert!(
        matches!(app.screen, Screen::List),
        "no scoring without a name"
    );
    let _ = app.update(Message::List(list::Message::NameChanged("  Pim  ".into())));
    let _ = app.update(Message::List(list::Message::UseName));
    assert_eq!(app.config.assessor, "Pim");
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    assert!(matches!(app.screen, Screen::Scoring(_)));
}

#[test]
fn a_new_application_is_added_with_its_data() {
    let mut app = app();
    ctrl(&mut app, Key::Character("n".into()));
    assert!(matches!(app.screen, Screen::Application(_)));
    let m = |m| Message::Application(m);
    let _ = app.update(m(application::Message::Save));
    assert!(
        matches!(app.screen, Screen::Application(_)),
        "no region: not saved"
    );
    let _ = app.update(m(application::Message::Region("Regio Nieuw".into())));
    let _ = app.update(m(application::Message::Submitted("16-07-2022".into())));
    let _ = app.update(m(application::Message::Requested("€ 1.250.000".into())));
    let _ = app.update(m(application::Message::Document(
        "plan-van-aanpak".into(),
        true,
    )));
    let _ = app.update(m(application::Message::Save));
    assert!(matches!(app.screen, Screen::List));
    let s = app.session.as_ref().unwrap();
    let a = s
        .dossier()
        .application(&"A03".into())
        .expect("A03 was added");
    assert_eq!(a.region, "Regio Nieuw");
    assert_eq!(a.requested_eur, Some(1_250_000));
    assert_eq!(
        a.submitted,
        chrono::NaiveDate::from_ymd_opt(2022, 7, 16),
        "dd-mm-jjjj"
    );
    assert!(a.documents.contains("plan-van-aanpak"));
}

#[test]
fn a_broken_dossier_shows_the_error_screen_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.ron");
    let reference = format!("{:?}", Rubric::builtin().reference().hash);
    let text = format!(
        "Dossier(\n  format_version: 1,\n  title: 12,\n  rubric: RubricRef(id: \"leidraad-proeftuinen-tweede-tranche-2022\", version: \"2022-05\", hash: {reference}),\n)\n"
    );
    std::fs::write(&path, &text).unwrap();
    let mut app = App::new(Config::default(), None);
    app.open_path(&path);
    match &app.screen {
        Screen::Error(e) => {
            let loc = e.error.location().expect("a line and column");
            assert_eq!(loc.line, 3, "{}", e.error);
        }
        _ => panic!("the error screen is shown"),
    }
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn closing_the_window_saves_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let (_, d) = dossier();
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let config = Config {
        assessor: ASSESSOR.into(),
        ..Config::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ch(&mut app, "v");
    assert!(app.session.as_ref().unwrap().is_dirty());
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    let (_, saved) = leidraad::cli::open(&path, None).unwrap();
    assert_eq!(
        saved
            .assessment(&"A01".into(), ASSESSOR, Round::One)
            .unwrap()
            .verdict(&"KO1".into()),
        Verdict::Met
    );
}

#[test]
fn ctrl_s_saves_at_once_and_autosave_waits_for_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let (_, d) = dossier();
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let mut app = App::new(
        Config {
            assessor: ASSESSOR.into(),
            ..Config::default()
        },
        None,
    );
    app.open_path(&path);
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ch(&mut app, "v");
    // Right after a change the autosave timer is not due yet.
    let _ = app.update(Message::AutosaveDue);
    assert!(app.session.as_ref().unwrap().is_dirty());
    std::thread::sleep(leidraad::ui::app::AUTOSAVE_DELAY);
    // Due now: the save runs off the window's thread and reports back.
    crate::ui_support::run(&mut app, Message::AutosaveDue);
    assert!(!app.session.as_ref().unwrap().is_dirty());
    assert!(app.save_status.saved_at.is_some());

    ch(&mut app, "n");
    ctrl(&mut app, Key::Character("s".into()));
    assert!(!app.session.as_ref().unwrap().is_dirty());
    let (_, saved) = leidraad::cli::open(&path, None).unwrap();
    assert_eq!(
        saved
            .assessment(&"A01".into(), ASSESSOR, Round::One)
            .unwrap()
            .verdict(&"KO1".into()),
        Verdict::NotMet
    );
}

#[test]
fn a_submitted_assessment_cannot_be_changed_from_the_window() {
    let mut app = app();
    {
        let s = app.session.as_mut().unwrap();
        let target = edit::Target {
            application: "A01".into(),
            assessor: ASSESSOR.into(),
            round: Round::One,
        };
        let now = chrono::Utc::now();
        s.edit(|r, d| {
            for ko in &r.knockouts {
                edit::set_verdict(r, d, &target, &ko.id, Verdict::Met, now)?;
            }
            for c in r.criteria() {
                let v = match &c.scale {
                    leidraad_core::rubric::Scale::YesNo { .. } => Value::Yes,
                    leidraad_core::rubric::Scale::Items { items, .. } => {
                        Value::Items(items.iter().map(|i| (i.id.clone(), 1)).collect())
                    }
                    _ => Value::Points(c.scale.bounds().1),
                };
                edit::set_value(r, d, &target, &c.id, Some(v), now)?;
                edit::set_motivation(r, d, &target, &c.id, "onderbouwd", now)?;
            }
            edit::submit(r, d, &target, now)
        })
        .unwrap();
    }
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ch(&mut app, "n");
    assert_eq!(value(&app, "A01", "C1"), Some(Value::Yes));
    let a = app
        .session
        .as_ref()
        .unwrap()
        .dossier()
        .assessment(&"A01".into(), ASSESSOR, Round::One)
        .unwrap()
        .clone();
    assert_eq!(a.verdict(&"KO1".into()), Verdict::Met);
}

#[test]
fn a_new_dossier_is_made_for_the_built_in_leidraad() {
    use leidraad::ui::screen::start;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nieuw.ron");
    let mut app = App::new(Config::default(), None);
    let _ = app.update(Message::Start(start::Message::Create));
    assert!(!path.exists(), "no title: nothing is made");
    let _ = app.update(Message::Start(start::Message::Title(
        "Tweede tranche 2022".into(),
    )));
    let _ = app.update(Message::Start(start::Message::Create));
    // The save dialog answers with the place.
    let _ = app.update(Message::NewDossierPlaced(Some(path.clone())));
    assert!(matches!(app.screen, Screen::List));
    let (_, d) = leidraad::cli::open(&path, None).unwrap();
    assert_eq!(d.title, "Tweede tranche 2022");
    assert_eq!(app.config.recent.len(), 1);
}

#[test]
fn start_up_opens_the_given_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let (_, d) = dossier();
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let (app, _) = App::boot(Some(path.clone()), None);
    assert!(matches!(app.screen, Screen::List));
    assert_eq!(app.title(), "Testdossier — Leidraad");
    let (app, _) = App::boot(Some(dir.path().join("bestaat-niet.ron")), None);
    assert!(matches!(app.screen, Screen::Error(_)));
}

/// The window closed while an autosave still runs on its own thread: the
/// change typed after the autosave started is written at close, and the
/// autosave, finishing afterwards, does not write its older copy over it.
#[test]
fn closing_during_a_running_save_keeps_the_last_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let (_, d) = dossier();
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let config = Config {
        assessor: ASSESSOR.into(),
        ..Config::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    let _ = app.update(Message::List(list::Message::Score("A01".into())));
    ch(&mut app, "v");
    // The save starts; its task is held back, as if still running.
    let running = app.update(Message::Save);
    assert!(app.session.as_ref().unwrap().is_saving());
    // KO1 changed again: niet voldaan.
    ch(&mut app, "n");
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    crate::ui_support::settle(&mut app, running);
    let (_, saved) = leidraad::cli::open(&path, None).unwrap();
    let a = saved
        .assessment(&"A01".into(), ASSESSOR, Round::One)
        .unwrap();
    assert_eq!(
        a.verdict(&"KO1".into()),
        Verdict::NotMet,
        "the last change is kept"
    );
}

/// A dossier of another rubric: the error screen says so in Dutch and
/// offers "Leidraad kiezen…"; the rubric chosen is remembered for that
/// dossier and it is opened again with it.
#[test]
fn a_dossier_of_another_rubric_offers_to_choose_its_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ander.ron");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/bad_input/other-rubric.ron"
        ),
        &path,
    )
    .unwrap();
    let mut app = App::new(Config::default(), None);
    app.open_path(&path);
    assert!(matches!(app.screen, Screen::Error(_)));
    let Screen::Error(e) = &app.screen else {
        unreachable!()
    };
    let leidraad_core::error::LoadError::OtherRubric(o) = &e.error else {
        panic!("not named as another rubric: {}", e.error)
    };
    let message = leidraad::ui::strings::other_rubric(&o.id, &o.version);
    assert!(crate::ui_support::shows(&app, &message), "{message}");
    // The button asks for a file (a dialog, not run here) ...
    crate::ui_support::interact(&mut app, |ui| {
        ui.click(leidraad::ui::strings::PICK_RUBRIC)
            .expect("the button is there");
    });
    // ... and the file chosen is remembered for this dossier.
    let rubric = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rubrics/leidraad-proeftuinen-tweede-tranche-2022.ron");
    let _ = app.update(Message::RubricPicked(Some(rubric.clone())));
    assert_eq!(
        app.config.rubric_for(&path),
        Some(std::fs::canonicalize(&rubric).unwrap())
    );
}
