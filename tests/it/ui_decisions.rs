//! The ranking screen and the decisions of `../shared/leidraad.md` §3: a
//! revocation and a waiver recorded from the window, a decision that the
//! ranking moved under shown as stale, a provisional round 2 said in words
//! with the budget not recordable, rank, total and the interview beside
//! every amount. Through `update()` and the iced_test simulator.

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::{list, ranking};
use leidraad::ui::strings;
use leidraad_core::dossier::{ApplicationId, Confidence, DecisionKind, Round};
use leidraad_core::scoring::{DecisionState, Status};

use crate::ui_support::{run, shows};

fn app_on_ranking(dir: &std::path::Path) -> App {
    let path = dir.join("dossier.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/voorbeelddossier.ron"),
        &path,
    )
    .unwrap();
    let config = leidraad::ui::config::Config {
        assessor: "Sanne Wijdeveld".to_string(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    run(&mut app, Message::List(list::Message::Round(Round::Two)));
    run(&mut app, Message::List(list::Message::Ranking));
    assert!(matches!(app.screen, Screen::Ranking(_)));
    app
}

fn send(app: &mut App, m: ranking::Message) {
    run(app, Message::Ranking(m));
}

fn form(app: &App) -> Option<&ranking::DecideForm> {
    match &app.screen {
        Screen::Ranking(s) => s.decide.as_ref(),
        _ => None,
    }
}

fn status(app: &App, id: &str) -> Status {
    app.session
        .as_ref()
        .unwrap()
        .evaluation(Round::Two)
        .status_of(&ApplicationId::from(id))
        .unwrap()
}

fn decide_tie(app: &mut App) {
    send(app, ranking::Message::StartTie(1));
    send(app, ranking::Message::ToggleTie("A07".into()));
    send(
        app,
        ranking::Message::TieMotivation("Kreekland overtuigde.".into()),
    );
    send(app, ranking::Message::RecordTie);
    assert_eq!(status(app, "A07"), Status::Awarded);
}

#[test]
fn a_tie_decision_is_revoked_from_the_window_with_a_motivation_and_stays_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_ranking(dir.path());
    decide_tie(&mut app);
    send(&mut app, ranking::Message::StartRevoke(0));
    send(&mut app, ranking::Message::RecordDecide);
    assert_eq!(
        form(&app).and_then(|f| f.error.clone()).as_deref(),
        Some(strings::MOTIVATION_REQUIRED),
        "no revocation without a motivation"
    );
    send(
        &mut app,
        ranking::Message::DecideMotivation("Ten onrechte vastgelegd.".into()),
    );
    send(&mut app, ranking::Message::RecordDecide);
    assert!(form(&app).is_none());
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.dossier().decisions.len(), 2);
    let st = session.evaluation(Round::Two).decision(0).unwrap().clone();
    assert_eq!(st.state, DecisionState::Revoked);
    assert_eq!(status(&app, "A07"), Status::Tie);
    assert!(shows(
        &app,
        &strings::decision_state_line(st.state, &st.why)
    ));
    // Saved at once.
    let path = session.path().unwrap();
    let on_disk = leidraad_core::store::load_dossier(path, session.rubric()).unwrap();
    assert_eq!(on_disk.decisions.len(), 2);
}

#[test]
fn a_tie_decision_the_ranking_moved_under_is_shown_as_stale_and_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_ranking(dir.path());
    decide_tie(&mut app);
    // The panel awards five: nobody is tied at the line any more.
    app.session
        .as_mut()
        .unwrap()
        .edit(|rubric, dossier| {
            leidraad_core::decide::record_decision(
                rubric,
                dossier,
                leidraad_core::decide::decision(
                    DecisionKind::AwardCount(5),
                    "Vijf regio's starten.",
                    "M. Jansen",
                    leidraad_core::dossier::now(),
                ),
            )
        })
        .unwrap();
    let eval = app.session.as_ref().unwrap().evaluation(Round::Two).clone();
    let st = eval.decision(0).unwrap();
    assert_eq!(st.state, DecisionState::Stale);
    assert_eq!(status(&app, "A04"), Status::Awarded);
    assert!(shows(
        &app,
        &strings::decision_state_line(st.state, &st.why)
    ));
    let lines = vec![format!("besluit 1: {}", st.why)];
    assert!(shows(&app, &strings::stale_banner(&lines)));
}

#[test]
fn a_waiver_for_an_application_below_the_minimum_is_recorded_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_ranking(dir.path());
    // Nobody is below the minimum in the example's round 2: no waiver offered.
    assert!(!shows(&app, strings::WAIVER));
    // Refused by the core when asked anyway: A01 is awarded.
    send(&mut app, ranking::Message::StartWaiver("A01".into()));
    send(
        &mut app,
        ranking::Message::DecideMotivation("Letterlijke lezing.".into()),
    );
    send(&mut app, ranking::Message::RecordDecide);
    let error = form(&app).and_then(|f| f.error.clone()).unwrap_or_default();
    assert!(error.contains("niet onder de drempel"), "{error}");
    assert!(app.session.as_ref().unwrap().dossier().decisions.is_empty());
}

#[test]
fn the_budget_shows_rank_total_and_the_interview_beside_every_amount_and_the_rule_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_ranking(dir.path());
    // The interview with A01 raised the panel's confidence.
    app.session
        .as_mut()
        .unwrap()
        .edit(|rubric, dossier| {
            let interview = leidraad_core::dossier::Interview {
                application: "A01".into(),
                date: chrono::NaiveDate::from_ymd_opt(2022, 9, 5).unwrap(),
                participants: vec!["Wethouder".into()],
                notes: "Overtuigend.".into(),
                confidence: Some(Confidence::Raised),
                recorded_by: String::new(),
                recorded: None,
            };
            leidraad_core::consensus::record_interview(
                rubric,
                dossier,
                interview,
                "M. Jansen",
                leidraad_core::dossier::now(),
            )
        })
        .unwrap();
    send(
        &mut app,
        ranking::Message::Proposal(leidraad_core::allocation::Rule::Points),
    );
    assert!(shows(&app, "75,00"), "A01's total beside its amount");
    assert!(shows(
        &app,
        leidraad_core::nl::confidence(Confidence::Raised)
    ));
    assert!(shows(&app, &leidraad_core::nl::rule_explained("points")));
    assert!(shows(&app, strings::COL_INTERVIEW));
}

#[test]
fn a_provisional_round_two_says_voorlopig_and_the_allocation_cannot_be_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_ranking(dir.path());
    // A late assessor of A01 answers twijfel on KO2 (an import).
    let session = app.session.as_mut().unwrap();
    let export = leidraad_core::interchange::csv::export(
        session.rubric(),
        session.dossier(),
        Some(Round::Two),
    );
    let csv = crate::decide_cli::late_assessor(&export, "A01", "Femke Hoogland", |c, _| {
        (c == "KO2").then(|| "twijfel".to_string())
    });
    session
        .edit(|rubric, dossier| {
            leidraad_core::interchange::csv::import(
                rubric,
                dossier,
                &csv,
                "laat.csv",
                leidraad_core::dossier::now(),
            )
            .map(|_| ())
            .map_err(|e| Box::new(e) as Box<dyn std::error::Error>)
        })
        .unwrap();
    let eval = app.session.as_ref().unwrap().evaluation(Round::Two).clone();
    assert!(!eval.is_final);
    assert!(shows(&app, &strings::provisional_banner(&eval.pending)));
    assert!(shows(&app, strings::BUDGET_PROVISIONAL));
    send(
        &mut app,
        ranking::Message::AllocationMotivation("Gelijk.".into()),
    );
    send(&mut app, ranking::Message::RecordAllocation);
    assert!(app.session.as_ref().unwrap().dossier().decisions.is_empty());
}
