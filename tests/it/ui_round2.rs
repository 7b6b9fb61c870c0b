//! The panel's side of the window: round 2 starting from round 1, a
//! conflict of interest, the disagreements screen, and packages and result
//! files through the list. Driven through `App::update` and the iced_test
//! simulator, with the dossier checked afterwards.

use crate::common;

use crate::ui_support::{click, interact, shows};

use chrono::Duration;
use iced_test::Simulator;

use common::*;
use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::{disagreements, list, scoring};
use leidraad::ui::strings;
use leidraad_core::audit::Field as AuditField;
use leidraad_core::dossier::{ApplicationId, Assessment, Dossier, Round, Value, Verdict};
use leidraad_core::panel::{self, Flag};
use leidraad_core::rubric::Rubric;

/// The window's user: an assessor of the test dossiers.
const ME: &str = "X1";
const TALL: (f32, f32) = (1400.0, 9000.0);

fn id(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

/// A01 scored 70 and 72 in round 1 (invited), A02 30 and 30 (not).
fn invited_dossier() -> (Rubric, Dossier) {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[70, 72]);
    score(&mut d, &r, "A02", Round::One, &[30, 30]);
    (r, d)
}

fn dossier(app: &App) -> &Dossier {
    app.session.as_ref().unwrap().dossier()
}

fn mine(app: &App, application: &str, round: Round) -> Option<Assessment> {
    dossier(app)
        .assessment(&id(application), ME, round)
        .cloned()
}

fn open(app: &mut App, application: &str, round: Round) {
    let _ = app.update(Message::List(list::Message::Round(round)));
    let _ = app.update(Message::List(list::Message::Score(id(application))));
    assert!(matches!(app.screen, Screen::Scoring(_)), "scoring is open");
}

#[test]
fn round_two_starts_from_round_one_and_asks_to_confirm_or_explain() {
    let (r, d) = invited_dossier();
    let round_one = d.assessment(&id("A01"), ME, Round::One).unwrap().clone();
    let mut app = App::with_dossier(r.clone(), d, ME);
    open(&mut app, "A01", Round::Two);

    // Opening round 2 made the draft: the round-1 values, each to confirm.
    let two = mine(&app, "A01", Round::Two).expect("round 2 opened as a copy");
    assert!(!two.is_submitted());
    for ko in &r.knockouts {
        let j = &two.knockouts[&ko.id];
        assert_eq!(j.carried.round_one, Some(Verdict::Met));
        assert!(!j.carried.confirmed);
    }
    for c in r.criteria() {
        let s = &two.criteria[&c.id];
        assert_eq!(s.value, round_one.criteria[&c.id].value);
        assert_eq!(s.carried.round_one, round_one.criteria[&c.id].value);
        assert!(!s.carried.confirmed);
    }
    assert!(
        dossier(&app)
            .audit
            .iter()
            .any(|e| e.round == Some(Round::Two) && e.new == "kopie van ronde 1"),
        "the copy is logged"
    );
    assert!(shows(&app, "Ronde 1: voldaan"));
    assert!(shows(&app, "Ronde 1: 10"), "C2 was 10 in round 1");
    assert!(shows(&app, "nog bevestigen"));

    // Submitting is refused while anything is unconfirmed.
    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    assert!(!mine(&app, "A01", Round::Two).unwrap().is_submitted());
    assert!(shows(
        &app,
        "Indienen kan nog niet. Vul eerst aan wat hieronder staat."
    ));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Score uit ronde 1 nog bevestigen of wijzigen: KO1, KO2, KO3, KO4, KO5, KO6, KO7, KO8, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11"
    ));

    // Confirm every knock-out and every criterion but C2 and C5 by their
    // buttons; C2 is changed instead.
    interact(&mut app, |ui| {
        for ko in 1..=8 {
            click(ui, &format!("confirm-KO{ko}"));
        }
        for c in [1, 3, 4, 6, 7, 8, 9, 10, 11] {
            click(ui, &format!("confirm-C{c}"));
        }
        click(ui, "C2=7");
    });
    let two = mine(&app, "A01", Round::Two).unwrap();
    assert!(two.knockouts.values().all(|j| j.carried.confirmed));
    assert_eq!(two.value(&"C2".into()), Some(&Value::Points(7)));
    assert!(
        two.criteria[&"C2".into()].carried.confirmed,
        "a change confirms"
    );
    assert!(shows(&app, "✓ bevestigd"));
    assert!(shows(&app, "gewijzigd"));

    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    assert!(!mine(&app, "A01", Round::Two).unwrap().is_submitted());
    assert!(crate::ui_support::shows_missing(
        &app,
        "Score uit ronde 1 nog bevestigen of wijzigen: C5"
    ));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Gewijzigd sinds ronde 1, reden ontbreekt: C2"
    ));

    // C5 confirmed; still refused, because C2 says not why.
    interact(&mut app, |ui| click(ui, "confirm-C5"));
    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    assert!(!mine(&app, "A01", Round::Two).unwrap().is_submitted());
    assert!(!crate::ui_support::shows_missing(
        &app,
        "Score uit ronde 1 nog bevestigen of wijzigen: C5"
    ));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Gewijzigd sinds ronde 1, reden ontbreekt: C2"
    ));

    // The reason, typed into the field beside C2.
    let why = "Gesprek: de rol van de wijkteams is beperkter dan het plan zegt.";
    interact(&mut app, |ui| {
        click(ui, "why-C2");
        ui.typewrite(why);
    });
    let two = mine(&app, "A01", Round::Two).unwrap();
    assert_eq!(two.criteria[&"C2".into()].carried.why_changed, why);
    assert!(shows(
        &app,
        "Alles is ingevuld: de beoordeling kan worden ingediend."
    ));

    interact(&mut app, |ui| click(ui, "submit"));
    let two = mine(&app, "A01", Round::Two).unwrap();
    assert!(
        two.is_submitted(),
        "submitted once all is confirmed or explained"
    );
    assert_eq!(two.value(&"C2".into()), Some(&Value::Points(7)));
    assert_eq!(
        two.criteria[&"C2".into()].carried.round_one,
        Some(Value::Points(10)),
        "the round-1 value stays on record"
    );
    let logged = |f: AuditField| {
        dossier(&app)
            .audit
            .iter()
            .any(|e| e.field == f && e.round == Some(Round::Two) && e.subject == ME)
    };
    assert!(logged(AuditField::WhyChanged));
    assert!(logged(AuditField::Submitted));
    // Round 1 itself is untouched.
    assert_eq!(mine(&app, "A01", Round::One).unwrap(), round_one);
}

#[test]
fn round_two_without_own_round_one_work_starts_empty() {
    let (r, mut d) = invited_dossier();
    // Y never scored round 1: nothing to copy, and no draft just by looking.
    d.ensure_assessor("Y");
    let mut app = App::with_dossier(r, d, "Y");
    open(&mut app, "A01", Round::Two);
    assert!(
        dossier(&app)
            .assessment(&id("A01"), "Y", Round::Two)
            .is_none()
    );
    assert!(!shows(&app, "nog bevestigen"));
}

#[test]
fn a_declared_conflict_removes_the_draft_and_refuses_further_edits() {
    let (r, d) = invited_dossier();
    let mut d = d;
    // X1 has no work on A02 in round 2 (not invited); take round 1 and start
    // on a fresh application.
    d.applications
        .push(leidraad_core::dossier::Application::new(
            "A03",
            "Regio Conflict",
        ));
    let mut app = App::with_dossier(r, d, ME);
    open(&mut app, "A03", Round::One);
    interact(&mut app, |ui| click(ui, "KO1=voldaan"));
    assert!(mine(&app, "A03", Round::One).is_some(), "a draft exists");

    interact(&mut app, |ui| click(ui, "declare-conflict"));
    assert!(shows(
        &app,
        "Belangenconflict melden voor A03 · Regio Conflict?"
    ));
    // Cancelling changes nothing.
    let _ = app.update(Message::Scoring(scoring::Message::CancelConflict));
    assert!(dossier(&app).conflicts.is_empty());

    interact(&mut app, |ui| click(ui, "declare-conflict"));
    interact(&mut app, |ui| {
        click(ui, "conflict-note");
        ui.typewrite("Oud-collega van de projectleider");
    });
    interact(&mut app, |ui| click(ui, "conflict-confirm"));

    let d = dossier(&app);
    assert_eq!(d.conflicts.len(), 1);
    assert_eq!(d.conflicts[0].assessor, ME);
    assert_eq!(d.conflicts[0].application, id("A03"));
    assert_eq!(d.conflicts[0].note, "Oud-collega van de projectleider");
    assert!(mine(&app, "A03", Round::One).is_none(), "the draft is gone");
    assert!(
        d.audit.iter().any(|e| e.field == AuditField::Conflict
            && e.application == Some(id("A03"))
            && e.by == ME
            && e.new == "Oud-collega van de projectleider"),
        "the declaration is logged"
    );
    let declared = strings::conflict_declared(&d.conflicts[0].declared, &d.conflicts[0].note);
    assert!(declared.contains("belangenconflict gemeld voor deze aanvraag (‘Oud-collega"));
    assert!(shows(&app, &declared));

    // Any further edit is refused, and said so in Dutch.
    let _ = app.update(Message::Scoring(scoring::Message::Verdict(0, Verdict::Met)));
    assert!(mine(&app, "A03", Round::One).is_none());
    assert!(shows(
        &app,
        "U hebt voor A03 een belangenconflict gemeld; u beoordeelt deze aanvraag niet."
    ));
    // Opening it again makes no draft either.
    let _ = app.update(Message::ToList);
    assert!(shows(&app, "belangenconflict"), "the list says so");
    open(&mut app, "A03", Round::One);
    assert!(mine(&app, "A03", Round::One).is_none());
    // The other applications are scored as before.
    let _ = app.update(Message::ToList);
    open(&mut app, "A02", Round::One);
    assert!(mine(&app, "A02", Round::One).is_some());
}

/// A01: X2 says KO3 is not met (a KO split). A02: C2 given 10 and 2 (a
/// spread). Both totals well above the line.
fn disagreeing_dossier() -> (Rubric, Dossier) {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    score(&mut d, &r, "A01", Round::One, &[70, 70]);
    score(&mut d, &r, "A02", Round::One, &[70, 70]);
    set_ko(&mut d, "A01", "X2", Round::One, "KO3", Verdict::NotMet);
    d.assessment_mut(&id("A02"), "X2", Round::One)
        .unwrap()
        .criteria
        .get_mut(&"C2".into())
        .unwrap()
        .value = Some(Value::Points(2));
    (r, d)
}

#[test]
fn the_disagreements_screen_lists_the_worst_first_and_opens_the_panel() {
    let (r, d) = disagreeing_dossier();
    let mut app = App::with_dossier(r, d, "Programmabureau");
    interact(&mut app, |ui| click(ui, "list-disagreements"));
    let Screen::Disagreements(state) = &app.screen else {
        panic!("the disagreements screen is open");
    };
    assert_eq!(state.round, Round::One);
    assert_eq!(state.flags.len(), 2);
    assert!(
        matches!(&state.flags[0], Flag::KoSplit { application, ko, .. }
            if application == &id("A01") && ko.as_str() == "KO3"),
        "the KO split comes first: {:?}",
        state.flags
    );
    assert!(matches!(
        &state.flags[1],
        Flag::Spread { application, low: 2, high: 10, cap: 10, .. } if application == &id("A02")
    ));
    assert_eq!(
        disagreements::detail(&state.flags[0]),
        "X1: voldaan · X2: niet voldaan"
    );
    assert!(shows(&app, "2 verschillen"));
    assert!(shows(&app, "X1: voldaan · X2: niet voldaan"));
    assert!(shows(&app, "laagste 2, hoogste 10 van 10 punten"));
    assert!(shows(&app, "oordeel knock-out verschilt"));
    assert!(shows(&app, "grote spreiding"));

    // Round 2 has nothing yet.
    interact(&mut app, |ui| click(ui, "disagreements-round-2"));
    assert!(shows(&app, &strings::no_disagreements(Round::Two)));
    interact(&mut app, |ui| click(ui, "disagreements-round-1"));

    // The second row opens the side-by-side view on A02, at C2.
    interact(&mut app, |ui| click(ui, "flag-1"));
    let Screen::Panel(p) = &app.screen else {
        panic!("the panel screen is open");
    };
    assert_eq!(p.application, id("A02"));
    assert_eq!(p.round, Round::One);
    assert_eq!(p.tab, leidraad::ui::screen::panel::Tab::SideBySide);
    assert_eq!(p.focus.as_ref().map(|c| c.as_str()), Some("C2"));

    // Back leads to the disagreements again, still on round 1.
    let _ = app.update(Message::Panel(leidraad::ui::screen::panel::Message::Back));
    let Screen::Disagreements(d) = &app.screen else {
        panic!("back to the disagreements");
    };
    assert_eq!(d.round, Round::One);
    assert_eq!(d.flags.len(), 2);
}

#[test]
fn the_panel_button_of_a_row_opens_the_side_by_side_view() {
    let (r, d) = disagreeing_dossier();
    let mut app = App::with_dossier(r, d, "Programmabureau");
    interact(&mut app, |ui| click(ui, "panel-A02"));
    let Screen::Panel(p) = &app.screen else {
        panic!("the panel screen is open");
    };
    assert_eq!(p.application, id("A02"));
    assert_eq!(p.focus, None);
}

#[test]
fn a_package_goes_out_and_its_result_comes_back_in_through_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    d.ensure_assessor("Femke");
    let mut app = App::with_dossier(r.clone(), d, "Programmabureau");

    // The package: Femke, round 1, saved where the dialog said.
    let package = dir.path().join("pakket.ron");
    interact(&mut app, |ui| click(ui, "list-package"));
    interact(&mut app, |ui| click(ui, "package-assessor-Femke"));
    interact(&mut app, |ui| click(ui, "package-save"));
    assert!(app.list.dialog_open(), "the list waits for its save dialog");
    let second = app.update(Message::List(list::Message::ImportResult));
    assert_eq!(second.units(), 0, "one file dialog at a time");
    let _ = app.update(Message::List(list::Message::PackagePlaced(Some(
        package.clone(),
    ))));
    assert!(!app.list.dialog_open(), "the answer ends the dialog");
    assert!(
        matches!(&app.list.notice, Some(list::Notice::Written(s, _)) if s.contains("Femke")),
        "{:?}",
        app.list.notice
    );
    let text = std::fs::read_to_string(&package).unwrap();
    let mut result = leidraad_core::store::parse_dossier(&text, "pakket", &r).unwrap();
    assert_eq!(result.package.as_ref().unwrap().assessor, "Femke");
    assert_eq!(result.applications.len(), 2);

    // Femke scores both and sends the file back.
    for app_id in ["A01", "A02"] {
        result
            .assessments
            .push(assessment(&r, app_id, "Femke", Round::One, 66));
    }
    let scored = dir.path().join("resultaat.ron");
    std::fs::write(&scored, leidraad_core::store::to_ron(&result)).unwrap();
    let _ = app.update(Message::List(list::Message::ResultPicked(Some(
        scored.clone(),
    ))));
    assert_eq!(
        app.list.notice,
        Some(list::Notice::Done(
            "Resultaat van Femke (resultaat.ron) geïmporteerd: 2 toegevoegd, 0 bijgewerkt, 0 ongewijzigd."
                .into()
        ))
    );
    for app_id in ["A01", "A02"] {
        let a = dossier(&app)
            .assessment(&id(app_id), "Femke", Round::One)
            .expect("imported");
        assert!(a.is_submitted());
    }
    assert!(
        dossier(&app)
            .audit
            .iter()
            .any(|e| e.field == AuditField::Import && e.by == "Programmabureau")
    );
    assert!(shows(
        &app,
        "Resultaat van Femke (resultaat.ron) geïmporteerd: 2 toegevoegd, 0 bijgewerkt, 0 ongewijzigd."
    ));

    // The same file again: nothing new, and nothing new to save.
    let generation = app.session.as_ref().unwrap().generation();
    let _ = app.update(Message::List(list::Message::ResultPicked(Some(
        scored.clone(),
    ))));
    assert!(
        matches!(&app.list.notice, Some(list::Notice::Done(s)) if s.contains("0 toegevoegd, 0 bijgewerkt, 2 ongewijzigd"))
    );
    assert_eq!(app.session.as_ref().unwrap().generation(), generation);

    // An older result (an earlier, different version of A01) is refused
    // and changes nothing.
    let mut older = result.clone();
    let a = older
        .assessments
        .iter_mut()
        .find(|a| a.application == id("A01"))
        .unwrap();
    let earlier = when() - Duration::days(2);
    a.criteria.get_mut(&"C1".into()).unwrap().motivation = "Eerdere versie.".into();
    for s in a.criteria.values_mut() {
        s.updated = Some(earlier);
    }
    for j in a.knockouts.values_mut() {
        j.updated = Some(earlier);
    }
    a.submitted = Some(earlier);
    let old_file = dir.path().join("ouder.ron");
    std::fs::write(&old_file, leidraad_core::store::to_ron(&older)).unwrap();
    let before = dossier(&app).clone();
    let generation = app.session.as_ref().unwrap().generation();
    let _ = app.update(Message::List(list::Message::ResultPicked(Some(old_file))));
    assert_eq!(dossier(&app), &before, "a refused import changes nothing");
    assert_eq!(app.session.as_ref().unwrap().generation(), generation);
    match &app.list.notice {
        Some(list::Notice::Refused(s)) => {
            assert!(
                s.starts_with("Import van ouder.ron geweigerd; er is niets gewijzigd."),
                "{s}"
            );
            assert!(
                s.contains("het dossier heeft nieuwer werk van Femke"),
                "{s}"
            );
        }
        other => panic!("refused: {other:?}"),
    }
    let refusal = match &app.list.notice {
        Some(list::Notice::Refused(s)) => s.clone(),
        _ => unreachable!(),
    };
    assert!(shows(&app, &refusal), "the refusal is shown");

    // Not a result file at all (the package was made from this dossier,
    // but the dossier itself is none): refused too.
    let plain = dir.path().join("dossier.ron");
    std::fs::write(&plain, leidraad_core::store::to_ron(&before)).unwrap();
    let _ = app.update(Message::List(list::Message::ResultPicked(Some(plain))));
    assert_eq!(dossier(&app), &before);
    assert!(
        matches!(&app.list.notice, Some(list::Notice::Refused(s)) if s.contains("geen resultaatbestand"))
    );
}

#[test]
fn an_import_into_a_read_only_dossier_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let r = rubric();
    let d = dossier_with(&r, &["A01"]);
    let mut p = panel::package(&r, &d, "Femke", Round::One, None, when()).unwrap();
    p.assessments
        .push(assessment(&r, "A01", "Femke", Round::One, 60));
    let scored = dir.path().join("resultaat.ron");
    std::fs::write(&scored, leidraad_core::store::to_ron(&p)).unwrap();

    // The dossier is open in another window (which holds its lock): this
    // one opens it read-only.
    let path = dir.path().join("dossier.ron");
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    drop(r);
    let _other =
        leidraad_core::session::Session::open(&path, None, leidraad_core::session::Access::Write)
            .unwrap();
    let mut app = App::new(
        leidraad::ui::config::Config {
            assessor: "Programmabureau".into(),
            ..Default::default()
        },
        None,
    );
    app.open_path(&path);
    assert!(app.session.as_ref().unwrap().is_read_only());
    let _ = app.update(Message::List(list::Message::ResultPicked(Some(scored))));
    assert!(dossier(&app).assessments.is_empty());
    assert!(
        matches!(&app.list.notice, Some(list::Notice::Refused(s)) if s.starts_with("Import van resultaat.ron geweigerd"))
    );
}

#[test]
fn enter_on_a_copied_value_confirms_it() {
    use iced::keyboard::{Key, Modifiers, key::Named};
    let (r, d) = invited_dossier();
    let mut app = App::with_dossier(r, d, ME);
    open(&mut app, "A01", Round::Two);
    let press = |app: &mut App, key: Key| {
        let _ = app.update(Message::Key(leidraad::ui::app::KeyPress {
            key,
            typed: None,
            modifiers: Modifiers::empty(),
            captured: false,
        }));
    };
    // The keyboard starts on KO1.
    press(&mut app, Key::Named(Named::Enter));
    let two = mine(&app, "A01", Round::Two).unwrap();
    assert!(two.knockouts[&"KO1".into()].carried.confirmed);
    assert!(!two.knockouts[&"KO2".into()].carried.confirmed);
    assert_eq!(two.verdict(&"KO1".into()), Verdict::Met, "kept as it was");

    // KO2 changed with the keyboard: confirmed by the change; Enter then
    // leaves it as it is (it moves to the reason field instead).
    press(&mut app, Key::Named(Named::Tab));
    press(&mut app, Key::Named(Named::Tab));
    press(&mut app, Key::Character("n".into()));
    press(&mut app, Key::Named(Named::Enter));
    let two = mine(&app, "A01", Round::Two).unwrap();
    let ko2 = &two.knockouts[&"KO2".into()];
    assert_eq!(ko2.verdict, Verdict::NotMet);
    assert!(ko2.carried.confirmed);
    assert_eq!(ko2.carried.round_one, Some(Verdict::Met));
    assert!(crate::ui_support::shows_missing(
        &app,
        "Gewijzigd sinds ronde 1, reden ontbreekt: KO2"
    ));
}

#[test]
fn an_assessor_saves_the_scored_package_as_a_result_that_the_office_imports() {
    let (r, mut office) = invited_dossier();
    let package = panel::issue_package(&r, &mut office, "Nieuw", Round::One, None, when()).unwrap();
    let mut app = App::with_dossier(r.clone(), package, "Nieuw");
    assert!(matches!(app.screen, Screen::List));
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    assert!(
        ui.find(strings::SAVE_RESULT).is_ok(),
        "a package says how to send it back"
    );
    assert!(
        ui.find(strings::MAKE_PACKAGE).is_err() && ui.find(strings::ADD_APPLICATION).is_err(),
        "no staff tools in a package"
    );
    drop(ui);
    let _ = app.update(Message::List(list::Message::Add));
    assert!(
        matches!(app.screen, Screen::List),
        "Ctrl+N adds nothing to a package"
    );

    // Score A01 in the window's session, then save the result.
    let t = leidraad_core::edit::Target {
        application: id("A01"),
        assessor: "Nieuw".into(),
        round: Round::One,
    };
    let s = app.session.as_mut().unwrap();
    s.edit(|r, d| {
        leidraad_core::edit::set_value(r, d, &t, &"C2".into(), Some(Value::Points(6)), when())
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join(strings::result_file_name("Nieuw", Round::One));
    let _ = app.update(Message::List(list::Message::ResultPlaced(Some(
        path.clone(),
    ))));
    assert!(path.exists());

    let text = std::fs::read_to_string(&path).unwrap();
    let result = leidraad_core::store::parse_dossier(&text, "resultaat", &r).unwrap();
    let report = panel::import_result(&r, &mut office, &result, "Bureau", when()).unwrap();
    assert_eq!(report.added, [id("A01")]);
    let a = office.assessment(&id("A01"), "Nieuw", Round::One).unwrap();
    assert_eq!(a.value(&"C2".into()), Some(&Value::Points(6)));
}
