//! The ranking screen: reached from the list, the tie decision and the
//! budget allocation recorded in the dossier; through `update()` and in the
//! iced_test simulator.

use iced::widget::Id;
use iced_test::Simulator;

use leidraad::dossier::{ApplicationId, DecisionKind, Dossier, Round};
use leidraad::rubric::Rubric;
use leidraad::scoring::{self, Status};
use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::{list, ranking};

const TALL: (f32, f32) = (1400.0, 4000.0);

fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let d = leidraad::store::parse_dossier(
        include_str!("../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &rubric,
    )
    .expect("the example dossier loads");
    (rubric, d)
}

/// The example on its ranking screen for round 2, saved to a file.
fn ranking_app(dir: &std::path::Path) -> App {
    let (r, d) = example();
    let path = dir.join("dossier.ron");
    leidraad::store::save_dossier(&path, &d).unwrap();
    let mut app = App::with_dossier(r, d, "Femke Hoogland");
    app.session.as_mut().unwrap().path = Some(path);
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Ranking));
    match &app.screen {
        Screen::Ranking(s) => assert_eq!(s.round, Round::Two),
        _ => panic!("the list leads to the ranking screen"),
    }
    app
}

fn send(app: &mut App, m: ranking::Message) {
    let _ = app.update(Message::Ranking(m));
}

fn state(app: &App) -> &ranking::State {
    match &app.screen {
        Screen::Ranking(s) => s,
        _ => panic!("not on the ranking screen"),
    }
}

fn status(app: &App, id: &str) -> Status {
    let s = app.session.as_ref().unwrap();
    scoring::evaluate(&s.rubric, &s.dossier, Round::Two)
        .status_of(&ApplicationId::from(id))
        .unwrap()
}

fn on_disk(app: &App) -> Dossier {
    let s = app.session.as_ref().unwrap();
    leidraad::store::load_dossier(s.path.as_ref().unwrap(), &s.rubric).unwrap()
}

#[test]
fn a_tie_decision_needs_the_right_number_and_a_motivation_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    assert_eq!(status(&app, "A04"), Status::Tie);
    assert_eq!(status(&app, "A07"), Status::Tie);

    send(&mut app, ranking::Message::StartTie(1));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Kies precies 1; nu gekozen: 0.")
    );
    send(&mut app, ranking::Message::ToggleTie("A04".into()));
    send(&mut app, ranking::Message::ToggleTie("A07".into()));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Kies precies 1; nu gekozen: 2.")
    );
    send(&mut app, ranking::Message::ToggleTie("A04".into()));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Een besluit heeft een motivering nodig.")
    );
    assert!(app.session.as_ref().unwrap().dossier.decisions.is_empty());

    send(
        &mut app,
        ranking::Message::TieMotivation("Kreekland overtuigde in het gesprek.".into()),
    );
    send(&mut app, ranking::Message::RecordTie);
    assert!(state(&app).tie.is_none(), "the form closes");
    assert_eq!(status(&app, "A07"), Status::Awarded);
    assert_eq!(status(&app, "A04"), Status::NotAwarded);
    let saved = on_disk(&app);
    assert_eq!(saved.decisions.len(), 1, "saved at once");
    let d = &saved.decisions[0];
    assert_eq!(d.round, Round::Two);
    assert_eq!(d.motivation, "Kreekland overtuigde in het gesprek.");
    assert_eq!(
        d.kind,
        DecisionKind::TieBreak {
            group: ["A04", "A07"]
                .into_iter()
                .map(ApplicationId::from)
                .collect(),
            awarded: [ApplicationId::from("A07")].into_iter().collect(),
        }
    );
    // After the decision the budget goes over four regions.
    assert_eq!(state(&app).amounts.len(), 4);
}

#[test]
fn the_budget_proposal_is_recorded_with_its_motivation_and_refused_above_budget() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    // Three awarded while the tie is open: equal shares of 4,000,000 leave
    // one euro, which goes to the best rank.
    let amounts: Vec<String> = state(&app).amounts.values().cloned().collect();
    assert_eq!(amounts, ["1.333.334", "1.333.333", "1.333.333"]);

    send(
        &mut app,
        ranking::Message::Amount("A01".into(), "3.000.000".into()),
    );
    send(
        &mut app,
        ranking::Message::AllocationMotivation("Motivering.".into()),
    );
    send(&mut app, ranking::Message::RecordAllocation);
    assert_eq!(
        state(&app).allocation_error.as_deref(),
        Some(leidraad::ui::strings::OVER_BUDGET)
    );
    assert!(app.session.as_ref().unwrap().dossier.decisions.is_empty());

    send(
        &mut app,
        ranking::Message::Proposal(leidraad::allocation::Rule::Requested),
    );
    send(&mut app, ranking::Message::RecordAllocation);
    assert_eq!(state(&app).allocation_error, None);
    let saved = on_disk(&app);
    match &saved.decisions[..] {
        [d] => match &d.kind {
            DecisionKind::Allocation { amounts, rule } => {
                assert_eq!(rule, "requested");
                // The requests of A01, A02 and A06 fit the budget: each
                // gets what it asked.
                for (id, eur) in amounts {
                    let asked = saved.application(id).unwrap().requested_eur.unwrap();
                    assert_eq!(*eur, asked, "{id}");
                }
                assert_eq!(amounts.values().sum::<u64>(), 3_100_000);
                assert_eq!(d.motivation, "Motivering.");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn escape_and_back_return_to_the_list_on_the_same_round() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    send(&mut app, ranking::Message::Round(Round::One));
    send(&mut app, ranking::Message::Back);
    assert!(matches!(app.screen, Screen::List));
    assert_eq!(app.list.round, Round::One);
}

fn interact(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        act(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        let _ = app.update(m);
    }
}

#[test]
fn the_simulator_shows_the_lines_and_records_a_tie_decision_by_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        assert!(ui.find("toekenningsgrens: 4 plaatsen").is_ok());
        assert!(ui.find("Gelijke stand op de toekenningsgrens").is_ok());
        assert!(ui.find("Kunnen de toekenningsgrens passeren:").is_ok());
    }
    interact(&mut app, |ui| {
        ui.click("Besluit vastleggen").expect("the action is shown");
    });
    interact(&mut app, |ui| {
        ui.click(Id::new("tie-A04")).expect("a choice per member");
        ui.click(Id::new("tie-motivation")).unwrap();
        ui.typewrite("Schaalgrootte en spreiding.");
    });
    interact(&mut app, |ui| {
        ui.click("Vastleggen").expect("the record button");
    });
    assert_eq!(status(&app, "A04"), Status::Awarded);
    assert_eq!(status(&app, "A07"), Status::NotAwarded);
    assert_eq!(
        on_disk(&app).decisions[0].motivation,
        "Schaalgrootte en spreiding."
    );
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    assert!(ui.find("Besluit vastleggen").is_err(), "the tie is settled");
}

#[test]
fn the_csv_export_imports_again_to_the_same_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let path = dir.path().join("scores.csv");
    send(&mut app, ranking::Message::ExportCsv);
    let _ = app.update(Message::CsvPlaced(None));
    assert!(!path.exists(), "cancelled: nothing written");
    send(&mut app, ranking::Message::ExportCsv);
    let _ = app.update(Message::CsvPlaced(Some(path.clone())));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("application,region,assessor,round,criterion,value,motivation"));

    let s = app.session.as_ref().unwrap();
    let mut fresh = Dossier::new("terug", &s.rubric);
    leidraad::interchange::csv::import(
        &s.rubric,
        &mut fresh,
        &text,
        "scores.csv",
        chrono::Utc::now(),
    )
    .unwrap();
    for round in Round::ALL {
        let key = |d: &Dossier| {
            scoring::evaluate(&s.rubric, d, round)
                .applications
                .into_iter()
                .filter(|a| a.status != Status::NotInvited && a.assessors > 0)
                .map(|a| (a.id, a.rank, a.total, a.status))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&fresh), key(&s.dossier), "round {round}");
    }
}
