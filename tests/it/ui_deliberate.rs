//! The window for the rules that make decisions hold, in the iced_test
//! simulator: a consensus draft that counts only once recorded (with the
//! lines rounding crosses, and a confirmation), a recorded consensus that
//! is reopened before it changes, a consensus made without a late
//! assessor, a knock-out in twijfel left to the panel, and withdrawing a
//! submission.

use crate::common;

use crate::ui_support::{click, interact, shows};

use iced::widget::Id;
use iced_test::Simulator;

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::list;
use leidraad::ui::screen::panel::Tab;
use leidraad::ui::strings;
use leidraad_core::consensus::{self, Chair};
use leidraad_core::dossier::{ApplicationId, Dossier, Round, Verdict};
use leidraad_core::edit::EditError;
use leidraad_core::exact::Exact;
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring::Status;
use leidraad_core::session::Session;

const TALL: (f32, f32) = (1400.0, 12000.0);
const CHAIR: &str = "Voorzitter";

fn a01() -> ApplicationId {
    ApplicationId::from("A01")
}

fn has(app: &App, id: &str) -> bool {
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    ui.find(Id::from(id.to_string())).is_ok()
}

fn session(app: &App) -> &Session {
    app.session.as_ref().expect("a dossier is open")
}

fn status(app: &App) -> (Option<Exact>, Status) {
    let s = session(app);
    let eval = leidraad_core::scoring::evaluate(s.rubric(), s.dossier(), Round::One);
    let r = eval.get(&a01()).unwrap();
    (r.total, r.status)
}

fn chair() -> Chair {
    Chair {
        application: a01(),
        round: Round::One,
        by: CHAIR.into(),
    }
}

/// Every agreed value of the draft gets its motivation (as the chair
/// types them).
fn motivate_all(app: &mut App) {
    let c = chair();
    app.session
        .as_mut()
        .unwrap()
        .edit(|r, d| {
            for id in consensus::missing_motivations(d, &a01(), Round::One) {
                consensus::set_motivation(r, d, &c, &id, "Panel eens.", common::when())?;
            }
            Ok::<_, EditError>(())
        })
        .unwrap();
}

/// A01 scored 50, 50 and 49: the exact mean 49⅔ is below 50.
fn just_below_fifty() -> (Rubric, Dossier) {
    let r = common::rubric();
    let mut d = common::dossier_with(&r, &["A01"]);
    common::score(&mut d, &r, "A01", Round::One, &[50, 50, 49]);
    (r, d)
}

#[test]
fn the_proposal_is_a_draft_that_warns_where_rounding_crosses_fifty_and_counts_once_recorded() {
    let (r, d) = just_below_fifty();
    let mut app = App::with_dossier(r, d, CHAIR);
    app.open_panel(a01(), Round::One, Tab::Consensus, None);
    interact(&mut app, |ui| click(ui, "start-proposal"));
    assert!(session(&app).dossier().consensus[0].draft);
    assert_eq!(
        status(&app),
        (Some(Exact::new(149, 3)), Status::BelowThreshold),
        "one click no longer moves it across 50"
    );
    assert!(shows(&app, strings::CONSENSUS_DRAFT));
    // The warning, in Dutch, before anything is recorded.
    let s = session(&app);
    let eval = s.evaluation(Round::One);
    let found = consensus::crossings(s.rubric(), s.dossier(), eval, &a01());
    assert_eq!(found.len(), 1);
    let warning = strings::crossing(&found[0]);
    assert!(
        warning.contains("49,66") && warning.contains("boven de drempel van 50"),
        "{warning}"
    );
    assert!(shows(&app, &warning));

    motivate_all(&mut app);
    interact(&mut app, |ui| click(ui, "record-consensus"));
    assert!(shows(&app, strings::RECORD_CONFIRM_ANYWAY));
    assert!(shows(&app, &strings::record_result(Some("50"), Round::One)));
    interact(&mut app, |ui| click(ui, "record-confirm"));
    assert_eq!(status(&app), (Some(Exact::whole(50)), Status::Invited));
    assert!(!shows(&app, strings::CONSENSUS_DRAFT));
    let log = &session(&app).dossier().audit;
    assert_eq!(
        log.iter()
            .filter(|e| e.field == leidraad_core::audit::Field::Submitted)
            .count(),
        1,
        "recording is one entry"
    );
}

#[test]
fn a_recorded_consensus_changes_only_after_it_is_reopened_and_then_counts_no_more() {
    let (r, d) = just_below_fifty();
    let mut app = App::with_dossier(r, d, CHAIR);
    app.open_panel(a01(), Round::One, Tab::Consensus, None);
    interact(&mut app, |ui| click(ui, "start-proposal"));
    motivate_all(&mut app);
    interact(&mut app, |ui| click(ui, "record-consensus"));
    interact(&mut app, |ui| click(ui, "record-confirm"));
    assert_eq!(status(&app).1, Status::Invited);
    assert!(shows(&app, strings::RECORDED_READ_ONLY));
    // Read-only: a click on a value does nothing.
    interact(&mut app, |ui| {
        let _ = ui.click(Id::from("cons-C2=1".to_string()));
    });
    assert!(!session(&app).dossier().consensus[0].draft);
    interact(&mut app, |ui| click(ui, "reopen-consensus"));
    interact(&mut app, |ui| click(ui, "cons-C2=1"));
    assert!(
        session(&app).dossier().consensus[0].draft,
        "an edit makes a draft"
    );
    assert_eq!(status(&app).1, Status::BelowThreshold);
    assert!(shows(&app, strings::CONSENSUS_DRAFT));
    assert!(has(&app, "record-consensus"));
}

#[test]
fn a_consensus_recorded_before_a_late_submission_is_flagged_on_the_screen_and_in_verschillen() {
    let r = common::rubric();
    let mut d = common::dossier_with(&r, &["A01"]);
    common::score(&mut d, &r, "A01", Round::One, &[60, 62]);
    let c = chair();
    consensus::start_from_proposal(&r, &mut d, &c, common::when()).unwrap();
    for id in consensus::missing_motivations(&d, &a01(), Round::One) {
        consensus::set_motivation(&r, &mut d, &c, &id, "Eens.", common::when()).unwrap();
    }
    consensus::record(&r, &mut d, &c, common::when()).unwrap();
    // The third assessor's work comes in later.
    d.ensure_assessor("X3");
    d.assessments
        .push(common::assessment(&r, "A01", "X3", Round::One, 30));
    let mut app = App::with_dossier(r, d, CHAIR);
    let _ = app.update(Message::List(list::Message::Disagreements));
    assert!(matches!(app.screen, Screen::Disagreements(_)));
    assert!(shows(&app, strings::FLAG_MADE_WITHOUT));
    let warning = strings::made_without(&["X3".to_string()]);
    assert!(shows(&app, &warning));
    app.open_panel(a01(), Round::One, Tab::Consensus, None);
    assert!(shows(&app, &warning));
}

/// Anna's complete round-1 work on A01 with KO3 in twijfel, not yet
/// submitted; X1 submitted 70 with every KO voldaan.
fn twijfel(motivation: &str) -> (Rubric, Dossier) {
    let r = common::rubric();
    let mut d = common::dossier_with(&r, &["A01"]);
    common::score(&mut d, &r, "A01", Round::One, &[70]);
    let mut own = common::assessment(&r, "A01", "Anna", Round::One, 70);
    own.submitted = None;
    let ko3 = own.knockouts.get_mut(&"KO3".into()).unwrap();
    ko3.verdict = Verdict::Doubt;
    ko3.motivation = motivation.into();
    d.ensure_assessor("Anna");
    d.assessments.push(own);
    (r, d)
}

#[test]
fn an_assessor_submits_a_knockout_in_twijfel_and_the_list_says_ko_panel_beslist() {
    let (r, d) = twijfel("Onduidelijk of het veiligheidsteam er komt.");
    let mut app = App::with_dossier(r, d, "Anna");
    let _ = app.update(Message::List(list::Message::Score(a01())));
    assert!(matches!(app.screen, Screen::Scoring(_)));
    assert!(shows(&app, strings::READY_TO_SUBMIT));
    assert!(shows(&app, &strings::doubt_to_panel(&["KO3".to_string()])));
    interact(&mut app, |ui| click(ui, "submit"));
    let a = session(&app)
        .dossier()
        .assessment(&a01(), "Anna", Round::One)
        .unwrap();
    assert!(
        a.is_submitted(),
        "twijfel is an answer, not unfinished work"
    );
    let _ = app.update(Message::Home);
    let _ = app.update(Message::ToList);
    assert!(matches!(app.screen, Screen::List));
    assert!(shows(
        &app,
        &strings::panel_decides_on(&["KO3".to_string()])
    ));
    assert!(
        !shows(&app, strings::status(Status::Incomplete)),
        "not 'onvolledig'"
    );
    let _ = app.update(Message::List(list::Message::Disagreements));
    assert!(shows(&app, strings::PANEL_DECIDES));
}

#[test]
fn a_knockout_in_twijfel_without_motivation_cannot_be_submitted() {
    let (r, d) = twijfel("");
    let mut app = App::with_dossier(r, d, "Anna");
    let _ = app.update(Message::List(list::Message::Score(a01())));
    interact(&mut app, |ui| click(ui, "submit"));
    assert!(shows(&app, strings::SUBMIT_REFUSED));
    assert!(
        !session(&app)
            .dossier()
            .assessment(&a01(), "Anna", Round::One)
            .unwrap()
            .is_submitted()
    );
}

#[test]
fn an_assessor_withdraws_a_submission_with_a_reason_until_the_panel_records_consensus() {
    let r = common::rubric();
    let mut d = common::dossier_with(&r, &["A01"]);
    common::score(&mut d, &r, "A01", Round::One, &[40, 60]);
    let mut app = App::with_dossier(r.clone(), d.clone(), "X1");
    let _ = app.update(Message::List(list::Message::Score(a01())));
    interact(&mut app, |ui| click(ui, "withdraw"));
    assert!(shows(&app, strings::WITHDRAW_INTRO));
    // No reason: refused, still submitted.
    interact(&mut app, |ui| click(ui, "withdraw-confirm"));
    assert!(shows(&app, strings::WITHDRAW_REASON_REQUIRED));
    interact(&mut app, |ui| {
        click(ui, "withdraw-reason");
        ui.typewrite("Bijlage 2 over het hoofd gezien");
    });
    interact(&mut app, |ui| click(ui, "withdraw-confirm"));
    let a = session(&app)
        .dossier()
        .assessment(&a01(), "X1", Round::One)
        .unwrap();
    assert!(!a.is_submitted());
    assert!(shows(&app, strings::WITHDRAWN));
    assert_eq!(status(&app), (Some(Exact::whole(60)), Status::Invited));
    assert!(
        session(&app)
            .dossier()
            .audit
            .iter()
            .any(|e| e.new == "ingetrokken: Bijlage 2 over het hoofd gezien" && e.subject == "X1")
    );

    // Once the panel recorded consensus, withdrawing is refused.
    let c = chair();
    consensus::start_from_proposal(&r, &mut d, &c, common::when()).unwrap();
    for id in consensus::missing_motivations(&d, &a01(), Round::One) {
        consensus::set_motivation(&r, &mut d, &c, &id, "Eens.", common::when()).unwrap();
    }
    consensus::record(&r, &mut d, &c, common::when()).unwrap();
    let mut app = App::with_dossier(r, d, "X1");
    let _ = app.update(Message::List(list::Message::Score(a01())));
    interact(&mut app, |ui| click(ui, "withdraw"));
    interact(&mut app, |ui| {
        click(ui, "withdraw-reason");
        ui.typewrite("Te laat");
    });
    interact(&mut app, |ui| click(ui, "withdraw-confirm"));
    assert!(shows(
        &app,
        &strings::withdraw_after_consensus("A01", Round::One, "10-08-2022 09:30")
    ));
    assert!(
        session(&app)
            .dossier()
            .assessment(&a01(), "X1", Round::One)
            .unwrap()
            .is_submitted()
    );
}
