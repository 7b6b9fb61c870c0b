//! The panel screen in the iced_test simulator (headless, tiny-skia): blind
//! scoring on the side-by-side view, the chair's consensus, the history and
//! the interview form.

use crate::common;

use crate::ui_support::{click, interact, shows};

use chrono::NaiveDate;
use iced::widget::Id;
use iced_test::Simulator;

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::panel::{self, Tab};
use leidraad::ui::strings;
use leidraad_core::audit::{self, Field};
use leidraad_core::dossier::{ApplicationId, Dossier, Round, Value};
use leidraad_core::edit::{self, Target};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{CriterionId, Rubric};

/// Tall enough that every card of the panel screen is in view.
const TALL: (f32, f32) = (1400.0, 12000.0);
const CHAIR: &str = "Voorzitter";
const SECRET_1: &str = "Geheime motivering van X1 bij C2.";
const SECRET_2: &str = "Geheime motivering van X2 bij C2.";

fn app_id() -> ApplicationId {
    ApplicationId::from("A01")
}

/// A01 with submitted round-1 assessments by X1 (60 points) and X2 (70),
/// each with its own motivation at C2.
fn dossier() -> (Rubric, Dossier) {
    let rubric = common::rubric();
    let mut d = common::dossier_with(&rubric, &["A01"]);
    common::score(&mut d, &rubric, "A01", Round::One, &[60, 70]);
    for (who, secret) in [("X1", SECRET_1), ("X2", SECRET_2)] {
        d.assessment_mut(&app_id(), who, Round::One)
            .unwrap()
            .criteria
            .get_mut(&CriterionId::from("C2"))
            .unwrap()
            .motivation = secret.to_string();
    }
    (rubric, d)
}

/// A third assessor, `who`, with a complete but unsubmitted round-1
/// assessment of A01 (65 points).
fn add_draft(rubric: &Rubric, d: &mut Dossier, who: &str) {
    let mut own = common::assessment(rubric, "A01", who, Round::One, 65);
    own.submitted = None;
    d.ensure_assessor(who);
    d.assessments.push(own);
}

fn open(app: &mut App, tab: Tab) {
    app.open_panel(app_id(), Round::One, tab, None);
    assert!(matches!(app.screen, Screen::Panel(_)));
}

fn has(app: &App, id: &str) -> bool {
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    ui.find(Id::from(id.to_string())).is_ok()
}

fn session(app: &App) -> &leidraad_core::session::Session {
    app.session.as_ref().expect("a dossier is open")
}

#[test]
fn an_assessor_who_has_not_submitted_sees_no_other_scores() {
    let (rubric, mut d) = dossier();
    // The viewer is a third assessor with a complete draft.
    add_draft(&rubric, &mut d, "V3");
    let mut app = App::with_dossier(rubric, d, "V3");
    open(&mut app, Tab::SideBySide);

    assert!(shows(&app, strings::PANEL_BLIND_NOT_SUBMITTED));
    assert!(!shows(&app, SECRET_1));
    assert!(!shows(&app, SECRET_2));
    // The consensus tab is blind too, even for a chair.
    interact(&mut app, |ui| click(ui, Tab::Consensus.id()));
    assert!(shows(&app, strings::PANEL_BLIND_NOT_SUBMITTED));
    assert!(!shows(&app, strings::PANEL_START_FROM_PROPOSAL));

    // After submitting, the others' work is there.
    let target = Target {
        application: app_id(),
        assessor: "V3".into(),
        round: Round::One,
    };
    let s = app.session.as_mut().unwrap();
    s.edit(|r, d| edit::submit(r, d, &target, common::when()))
        .expect("a complete assessment submits");
    interact(&mut app, |ui| click(ui, Tab::SideBySide.id()));
    assert!(!shows(&app, strings::PANEL_BLIND_NOT_SUBMITTED));
    assert!(shows(&app, SECRET_1));
    assert!(shows(&app, SECRET_2));
}

#[test]
fn an_assessor_with_a_conflict_never_sees_the_others() {
    let (rubric, mut d) = dossier();
    leidraad_core::panel::declare_conflict(&mut d, "X1", &app_id(), "", common::when()).unwrap();
    let mut app = App::with_dossier(rubric, d, "X1");
    open(&mut app, Tab::SideBySide);
    assert!(shows(&app, strings::PANEL_BLIND_CONFLICT));
    assert!(!shows(&app, SECRET_2));
}

#[test]
fn programme_staff_see_everyone_with_the_mean_and_the_flags() {
    let (rubric, d) = dossier();
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::SideBySide);
    assert!(shows(&app, SECRET_1));
    assert!(shows(&app, SECRET_2));
    // C9: X1 gave 1 point, X2 8 (of 8): a spread the panel must discuss.
    assert!(shows(
        &app,
        &strings::panel_flag_spread(&"C9".into(), 1, 8, 8)
    ));
}

/// The chair starts from the proposal, changes C2 and motivates it; the
/// dossier, the log and the evaluation follow.
#[test]
fn the_chair_records_consensus_and_the_total_uses_it() {
    let (rubric, d) = dossier();
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::SideBySide);
    interact(&mut app, |ui| click(ui, Tab::Consensus.id()));
    // Both gave C2 10 points: the proposal says so.
    assert!(shows(&app, &strings::panel_proposal_mean("10", "10")));
    interact(&mut app, |ui| click(ui, "start-proposal"));
    {
        let s = session(&app);
        let c = s
            .dossier()
            .consensus_for(&app_id(), Round::One)
            .expect("consensus started");
        assert_eq!(
            c.criteria[&CriterionId::from("C2")].value,
            Some(Value::Points(10))
        );
        // C9: 1 and 8 → 4½ → 5 (half up).
        assert_eq!(
            c.criteria[&CriterionId::from("C9")].value,
            Some(Value::Points(5))
        );
        assert_eq!(c.recorded_by, CHAIR);
    }
    // Every agreed value still lacks its motivation, and the screen says so.
    let missing = leidraad_core::consensus::missing_motivations(
        session(&app).dossier(),
        &app_id(),
        Round::One,
    );
    assert_eq!(missing.len(), 8 + 11);
    assert!(shows(&app, strings::PANEL_MISSING_MOTIVATIONS));
    assert!(has(&app, "missing-KO1"));
    assert!(has(&app, "missing-C2"));

    interact(&mut app, |ui| {
        click(ui, "cons-C2=7");
    });
    interact(&mut app, |ui| {
        click(ui, "cons-note-C2");
        ui.typewrite("Het panel weegt de samenwerking lager.");
    });

    let s = session(&app);
    let c = s.dossier().consensus_for(&app_id(), Round::One).unwrap();
    let c2 = &c.criteria[&CriterionId::from("C2")];
    assert_eq!(c2.value, Some(Value::Points(7)));
    assert_eq!(c2.motivation, "Het panel weegt de samenwerking lager.");

    // The log holds the chair's changes to C2, as consensus.
    let id = app_id();
    let log: Vec<&audit::Entry> = audit::history(s.dossier(), &id)
        .filter(|e| e.criterion.as_ref() == Some(&CriterionId::from("C2")))
        .collect();
    assert!(
        log.iter()
            .all(|e| e.by == CHAIR && e.subject == audit::CONSENSUS)
    );
    assert!(
        log.iter()
            .any(|e| e.field == Field::Score && e.old == "10" && e.new == "7")
    );
    assert!(
        log.iter()
            .any(|e| e.field == Field::Motivation
                && e.new == "Het panel weegt de samenwerking lager.")
    );
    audit::verify(s.dossier()).expect("the chain holds");

    // C2 has its motivation now; the others do not.
    let missing = leidraad_core::consensus::missing_motivations(s.dossier(), &app_id(), Round::One);
    assert!(!missing.contains(&CriterionId::from("C2")));
    assert!(missing.contains(&CriterionId::from("C9")));
    assert!(has(&app, "missing-C9"));
    assert!(!has(&app, "missing-C2"));

    // A draft: the total is still the assessors' mean, (60 + 70) / 2.
    assert!(shows(&app, strings::CONSENSUS_DRAFT));
    assert!(shows(
        &app,
        &strings::panel_final_total(Round::One, &Exact::from(65u32))
    ));
    // Recording is refused, naming what lacks a motivation.
    interact(&mut app, |ui| click(ui, "record-consensus"));
    assert!(shows(&app, &strings::unmotivated(&missing)));
    assert!(!has(&app, "record-confirm"));
    let chair = leidraad_core::consensus::Chair {
        application: app_id(),
        round: Round::One,
        by: CHAIR.into(),
    };
    app.session
        .as_mut()
        .unwrap()
        .edit(|r, d| {
            for id in &missing {
                leidraad_core::consensus::set_motivation(
                    r,
                    d,
                    &chair,
                    id,
                    "Panel eens.",
                    common::when(),
                )?;
            }
            Ok::<_, leidraad_core::edit::EditError>(())
        })
        .unwrap();
    // Asked first; cancelled, nothing is recorded.
    interact(&mut app, |ui| click(ui, "record-consensus"));
    assert!(shows(&app, strings::RECORD_CONFIRM_TITLE));
    interact(&mut app, |ui| click(ui, "record-cancel"));
    assert!(session(&app).dossier().consensus[0].draft);
    interact(&mut app, |ui| click(ui, "record-consensus"));
    interact(&mut app, |ui| click(ui, "record-confirm"));
    let s = session(&app);
    let c = s.dossier().consensus_for(&app_id(), Round::One).unwrap();
    assert!(!c.draft, "recorded");
    assert!(has(&app, "reopen-consensus"));

    // The evaluation counts the consensus: every criterion is agreed, so
    // the total is the sum of the agreed points.
    let rubric = s.rubric();
    let agreed: u32 = rubric
        .criteria()
        .map(|cr| cr.points(c.criteria[&cr.id].value.as_ref().unwrap()))
        .sum();
    let eval = leidraad_core::scoring::evaluate(rubric, s.dossier(), Round::One);
    let result = eval.get(&app_id()).unwrap();
    assert_eq!(result.total, Some(Exact::from(agreed)));
    let c2_final = result
        .criteria
        .iter()
        .find(|f| f.id == CriterionId::from("C2"))
        .unwrap();
    assert!(c2_final.from_consensus);
    assert_eq!(c2_final.value, Some(Exact::from(7u32)));
    // ... and the screen shows that total from the session's evaluation.
    assert!(shows(
        &app,
        &strings::panel_final_total(Round::One, &Exact::from(agreed))
    ));
}

#[test]
fn a_refused_consensus_value_is_shown_beside_the_field() {
    let (rubric, d) = dossier();
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::Consensus);
    // "3" fits the 0-25 scale; "30" does not and is refused beside the
    // field, the 3 stays.
    interact(&mut app, |ui| {
        click(ui, "cons-value-C11");
        ui.typewrite("30");
    });
    assert!(shows(&app, &strings::refused("30", 0, 25, Some(3))));
    let s = session(&app);
    let c = s.dossier().consensus_for(&app_id(), Round::One).unwrap();
    assert_eq!(
        c.criteria[&CriterionId::from("C11")].value,
        Some(Value::Points(3))
    );
}

#[test]
fn the_history_shows_a_change_and_the_interview_is_recorded() {
    let (rubric, d) = dossier();
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::History);
    assert!(shows(&app, strings::PANEL_NO_HISTORY));

    interact(&mut app, |ui| click(ui, Tab::Consensus.id()));
    interact(&mut app, |ui| click(ui, "cons-C2=7"));
    interact(&mut app, |ui| click(ui, Tab::History.id()));
    assert!(!shows(&app, strings::PANEL_NO_HISTORY));
    assert!(shows(&app, "(leeg) → 7"));
    assert!(shows(&app, strings::PANEL_SUBJECT_CONSENSUS));
    assert!(shows(&app, strings::audit_field(Field::Score)));

    // A long motivation is cut short in the table (the whole text is in a
    // tooltip).
    let long = "Het panel weegt de bestuurlijke relaties lager dan de beoordelaars, omdat de afspraken nog niet zijn ondertekend.";
    interact(&mut app, |ui| click(ui, Tab::Consensus.id()));
    interact(&mut app, |ui| {
        click(ui, "cons-note-C2");
        ui.typewrite(long);
    });
    interact(&mut app, |ui| click(ui, Tab::History.id()));
    let cut: String = long.chars().take(60).collect();
    assert!(shows(&app, &format!("(leeg) → {}…", cut.trim_end())));
    assert!(!shows(&app, &format!("(leeg) → {long}")));

    // Round 1 invited A01 (65 points): the interview can be recorded.
    interact(&mut app, |ui| click(ui, Tab::Interview.id()));
    assert!(!shows(&app, strings::PANEL_INTERVIEW_NOT_INVITED));
    // A date that is no date: refused, with the form to use, nothing kept.
    interact(&mut app, |ui| {
        click(ui, "interview-date");
        ui.typewrite("12 sept");
    });
    interact(&mut app, |ui| click(ui, "interview-save"));
    assert!(shows(&app, strings::DATE_INVALID));
    assert!(session(&app).dossier().interviews.is_empty());
    interact(&mut app, |ui| {
        click(ui, "interview-date");
        // The click may land inside the text: from its end.
        ui.tap_key(iced::keyboard::key::Named::End);
        for _ in 0.."12 sept".len() {
            ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        ui.typewrite("12-09-2022");
        click(ui, "interview-participants");
        ui.typewrite("Anna de Wit, Bram Ooms");
        click(ui, "interview-notes");
        ui.typewrite("Goed gesprek over de begroting.");
    });
    interact(&mut app, |ui| click(ui, "interview-save"));
    let s = session(&app);
    let i = s
        .dossier()
        .interviews
        .iter()
        .find(|i| i.application == app_id())
        .expect("the interview is recorded");
    assert_eq!(i.date, NaiveDate::from_ymd_opt(2022, 9, 12).unwrap());
    assert_eq!(i.participants, vec!["Anna de Wit", "Bram Ooms"]);
    assert_eq!(i.notes, "Goed gesprek over de begroting.");
    assert_eq!(i.recorded_by, CHAIR);
    assert!(
        audit::history(s.dossier(), &app_id())
            .any(|e| e.field == Field::Interview && e.by == CHAIR)
    );
    assert!(shows(&app, strings::PANEL_INTERVIEW_SAVED));

    // An addendum: the same date check.
    interact(&mut app, |ui| {
        click(ui, "addendum-date");
        ui.typewrite("20-13-2022");
        click(ui, "addendum-document");
        ui.typewrite("Aanvulling begroting");
    });
    interact(&mut app, |ui| click(ui, "addendum-save"));
    // A month 13 is no day: said as such, not as a wrong format.
    assert!(shows(&app, &strings::date_problem("20-13-2022")));
    assert!(session(&app).dossier().addenda.is_empty());
    interact(&mut app, |ui| {
        click(ui, "addendum-date");
        // The click may land inside the text: from its end.
        ui.tap_key(iced::keyboard::key::Named::End);
        for _ in 0.."20-13-2022".len() {
            ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        ui.typewrite("20-09-2022");
    });
    interact(&mut app, |ui| click(ui, "addendum-save"));
    let s = session(&app);
    assert_eq!(
        s.dossier()
            .addenda
            .iter()
            .filter(|a| a.application == app_id())
            .count(),
        1
    );
    assert!(shows(
        &app,
        &strings::panel_addendum_line(
            NaiveDate::from_ymd_opt(2022, 9, 20).unwrap(),
            "Aanvulling begroting"
        )
    ));
}

#[test]
fn an_application_not_invited_has_no_interview_and_no_round_comparison() {
    let rubric = common::rubric();
    let mut d = common::dossier_with(&rubric, &["A01"]);
    common::score(&mut d, &rubric, "A01", Round::One, &[30, 40]);
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::Interview);
    assert!(shows(&app, strings::PANEL_INTERVIEW_NOT_INVITED));
    assert!(!shows(&app, strings::PANEL_SAVE_INTERVIEW));
    interact(&mut app, |ui| click(ui, Tab::Rounds.id()));
    assert!(shows(&app, strings::PANEL_ROUNDS_NOT_INVITED));
}

#[test]
fn escape_and_back_return_to_the_list() {
    let (rubric, d) = dossier();
    let mut app = App::with_dossier(rubric, d, CHAIR);
    open(&mut app, Tab::SideBySide);
    interact(&mut app, |ui| {
        ui.click(strings::PANEL_BACK).expect("a back button");
    });
    assert!(matches!(app.screen, Screen::List));
    open(&mut app, Tab::History);
    let _ = app.update(Message::Key(leidraad::ui::app::KeyPress {
        key: iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        typed: None,
        modifiers: iced::keyboard::Modifiers::default(),
        captured: false,
    }));
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn mixed_fractions_read_as_written() {
    assert_eq!(panel::mixed(&Exact::new(8, 3)), "2⅔");
    assert_eq!(panel::mixed(&Exact::new(9, 2)), "4½");
    assert_eq!(panel::mixed(&Exact::new(1, 4)), "¼");
    assert_eq!(panel::mixed(&Exact::whole(7)), "7");
    assert_eq!(panel::mixed(&Exact::new(10, 7)), "1,42");
}

#[test]
fn round_two_shows_the_difference_and_why_an_assessor_changed() {
    let (rubric, mut d) = dossier();
    common::score(&mut d, &rubric, "A01", Round::Two, &[60, 70]);
    {
        let a = d.assessment_mut(&app_id(), "X1", Round::Two).unwrap();
        let c2 = a.criteria.get_mut(&CriterionId::from("C2")).unwrap();
        c2.value = Some(Value::Points(7));
        c2.carried.round_one = Some(Value::Points(10));
        c2.carried.why_changed = "Na het gesprek is de samenwerking zwakker.".into();
    }
    let mut app = App::with_dossier(rubric, d, CHAIR);
    app.open_panel(app_id(), Round::Two, Tab::Rounds, None);
    assert!(shows(&app, "Na het gesprek is de samenwerking zwakker."));
    assert!(shows(&app, &strings::panel_changed_from("X1", "10", "7")));
    // C2: 10 in round 1, (7 + 10) / 2 = 8½ in round 2.
    assert!(shows(&app, "8½"));
    assert!(shows(&app, &strings::panel_difference(Some(false), "1½")));

    // An assessor still busy with round 2 sees none of it.
    let (rubric, mut d) = dossier();
    common::score(&mut d, &rubric, "A01", Round::Two, &[60]);
    let mut own = common::assessment(&rubric, "A01", "X2", Round::Two, 70);
    own.submitted = None;
    d.assessments.push(own);
    let mut app = App::with_dossier(rubric, d, "X2");
    app.open_panel(app_id(), Round::Two, Tab::Rounds, None);
    assert!(shows(&app, strings::PANEL_BLIND_NOT_SUBMITTED));
}

#[test]
fn the_list_and_the_disagreements_hide_the_totals_until_the_viewer_has_submitted() {
    let (rubric, mut d) = dossier();
    // X1 and X2 differ by 10 points on C2: a spread.
    add_draft(&rubric, &mut d, "V3");
    let mut app = App::with_dossier(rubric, d, "V3");
    assert!(matches!(app.screen, Screen::List));
    let total = leidraad_core::scoring::evaluate(
        session(&app).rubric(),
        session(&app).dossier(),
        Round::One,
    )
    .get(&app_id())
    .unwrap()
    .total
    .unwrap()
    .to_dutch();
    assert!(shows(&app, strings::LIST_HIDDEN));
    assert!(!shows(&app, &total), "the panel's total {total} is hidden");

    let _ = app.update(Message::List(
        leidraad::ui::screen::list::Message::Disagreements,
    ));
    assert!(matches!(app.screen, Screen::Disagreements(_)));
    assert!(shows(&app, strings::FLAG_HIDDEN));

    let target = Target {
        application: app_id(),
        assessor: "V3".into(),
        round: Round::One,
    };
    let s = app.session.as_mut().unwrap();
    s.edit(|r, d| edit::submit(r, d, &target, common::when()))
        .unwrap();
    assert!(!shows(&app, strings::FLAG_HIDDEN));
    let _ = app.update(Message::Home);
    let _ = app.update(Message::ToList);
    assert!(matches!(app.screen, Screen::List));
    // Round 1 now shows; round 2 holds nobody's work, so nothing is hidden.
    assert!(shows(&app, &total));
    assert!(!shows(&app, strings::LIST_HIDDEN));
}

#[test]
fn the_ranking_is_hidden_from_an_assessor_who_has_not_submitted() {
    let (rubric, mut d) = dossier();
    add_draft(&rubric, &mut d, "V3");
    let mut app = App::with_dossier(rubric.clone(), d.clone(), "V3");
    let _ = app.update(Message::List(leidraad::ui::screen::list::Message::Ranking));
    assert!(matches!(app.screen, Screen::Ranking(_)));
    assert!(shows(&app, &strings::ranking_blind(1, Round::One)));
    // Programme staff see it.
    let mut staff = App::with_dossier(rubric, d, "Programmabureau");
    let _ = staff.update(Message::List(leidraad::ui::screen::list::Message::Ranking));
    assert!(!shows(&staff, &strings::ranking_blind(1, Round::One)));
    assert!(shows(&staff, "Regio A01"));
}
