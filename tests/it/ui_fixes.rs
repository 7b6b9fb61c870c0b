//! Small points of issue 17: names instead of internal ids in the history,
//! a dialog failure said, where an export went, one truth about
//! submitting, "Nog te doen" that leads to the criterion, and Esc.

use iced_test::Simulator;
use iced_test::selector::Candidate;
use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::{list, panel, scoring};
use leidraad_core::dossier::{Application, ApplicationId, Dossier};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

const ASSESSOR: &str = "Tess Beoordelaar";

fn app() -> App {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    for (id, region) in [("A01", "Regio Testkust"), ("A02", "Regio Heuveltest")] {
        edit::add_application(&mut d, Application::new(id, region)).expect("added");
    }
    App::with_dossier(rubric, d, ASSESSOR)
}

/// Every text the view shows.
pub fn texts(app: &App) -> Vec<String> {
    crate::ui_support::embedded_fonts_only();
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        app.view(),
    );
    let mut all = Vec::new();
    let _ = ui.find(|c: Candidate<'_>| -> Option<()> {
        if let Candidate::Text { content, .. } = c {
            all.push(content.to_string());
        }
        None
    });
    all
}

#[test]
fn the_history_names_criteria_and_checklist_items_not_their_ids() {
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    // C4 (the fourth criterion) is scored per life area; "financien" first.
    let _ = app.update(Message::Scoring(scoring::Message::Item(3, 0, Some(2))));
    let _ = app.update(Message::ToList);
    let _ = app.update(Message::List(list::Message::Panel(ApplicationId::from(
        "A01",
    ))));
    let _ = app.update(Message::Panel(panel::Message::Tab(panel::Tab::History)));
    let shown = texts(&app);
    let logged = &app.session.as_ref().expect("open").dossier().audit;
    assert!(
        logged.iter().any(|e| e.new.contains("financien 2")),
        "the log keeps the id: {logged:?}"
    );
    assert!(
        shown.iter().any(|t| t == "C4 · Hulp op vijf leefgebieden"),
        "{shown:?}"
    );
    assert!(shown.iter().any(|t| t.contains("Financiën 2")), "{shown:?}");
    assert!(
        !shown.iter().any(|t| t.contains("financien")),
        "no internal id on screen: {shown:?}"
    );
}

#[test]
fn a_failing_system_dialog_is_said_and_the_builtin_dialog_asks_instead_of_a_cancel() {
    use leidraad::ui::dialog::system;
    let _one = crate::ui_dialog::QUEUE
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    system::force_builtin(false);
    system::simulate_failure(Some("OpenFile failed: org.freedesktop.DBus.Error"));
    let dir = tempfile::tempdir().expect("a folder");
    let dossier = dir.path().join("gekozen.leidraad");
    std::fs::write(&dossier, leidraad_core::dossier::EXAMPLE_SOURCE).expect("written");
    let mut app = App::new(leidraad::ui::config::Config::default(), None);
    let task = app.update(Message::Start(leidraad::ui::screen::start::Message::Open));
    let said =
        leidraad::ui::strings::dialog_system_failed("OpenFile failed: org.freedesktop.DBus.Error");
    crate::ui_dialog::through_builtin_dialog(&mut app, task, |app| {
        assert!(crate::ui_support::shows(app, &said), "the failure is said");
        let _ = app.update(Message::Dialog(
            leidraad::ui::dialog::builtin::Message::PathChanged(dossier.display().to_string()),
        ));
        let _ = app.update(Message::Dialog(
            leidraad::ui::dialog::builtin::Message::Choose,
        ));
    });
    system::simulate_failure(None);
    system::force_builtin(true);
    let opened = app
        .session
        .as_ref()
        .and_then(|s| s.path().map(|p| p.to_path_buf()));
    assert_eq!(
        opened.as_deref(),
        Some(dossier.as_path()),
        "the action went on"
    );
}

/// The example dossier in `dir`, opened by `assessor`.
fn example_in(dir: &std::path::Path, assessor: &str) -> App {
    let path = dir.join("voorbeeld.leidraad");
    std::fs::write(&path, leidraad_core::dossier::EXAMPLE_SOURCE).expect("written");
    let config = leidraad::ui::config::Config {
        assessor: assessor.into(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    assert!(app.session.is_some(), "opened");
    app
}

/// What the button with container id `id` sends when clicked.
fn click_sends(app: &App, id: &str) -> Vec<Message> {
    crate::ui_support::embedded_fonts_only();
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        app.view(),
    );
    crate::ui_support::click(&mut ui, id);
    ui.into_messages().collect()
}

/// After an export the window says where the file went, and 'Map openen'
/// opens that folder.
fn says_where_and_opens(app: &App, id: &str, written: &std::path::Path, folder: &std::path::Path) {
    let shown = texts(app);
    let place = written.display().to_string();
    assert!(
        shown.iter().any(|t| t.contains(&place)),
        "{place} is said: {shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t == leidraad::ui::strings::OPEN_FOLDER)
    );
    let sent = click_sends(app, id);
    use leidraad::ui::screen::selfcheck;
    assert!(
        matches!(sent.as_slice(), [Message::OpenExported(d)]
            | [Message::List(list::Message::OpenFolder(d))]
            | [Message::SelfCheck(selfcheck::Message::OpenFolder(d))] if d == folder),
        "'Map openen' opens {folder:?}: {sent:?}"
    );
}

#[test]
fn after_every_export_the_window_says_where_and_offers_to_open_the_folder() {
    use crate::ui_support::run;
    use leidraad::ui::screen::ranking;
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("uit");
    std::fs::create_dir(&out).expect("a folder");
    let mut app = example_in(dir.path(), "Femke Hoogland");

    // Scores as CSV and the spreadsheet, from the ranking.
    let _ = app.update(Message::List(list::Message::Ranking));
    let _ = app.update(Message::Ranking(ranking::Message::ExportCsv));
    let csv = out.join("scores.csv");
    run(&mut app, Message::CsvPlaced(Some(csv.clone())));
    says_where_and_opens(&app, "export-open-folder", &csv, &out);
    let _ = app.update(Message::Ranking(ranking::Message::ExportWorkbook));
    let xlsx = out.join("scores.xlsx");
    run(&mut app, Message::WorkbookPlaced(Some(xlsx.clone())));
    says_where_and_opens(&app, "export-open-folder", &xlsx, &out);

    // One score sheet (PDF), from the scoring screen.
    let _ = app.update(Message::ToList);
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    let pdf = out.join("A01.pdf");
    run(&mut app, Message::ExportPlaced(Some(pdf.clone())));
    assert!(pdf.is_file(), "the sheet is written");
    says_where_and_opens(&app, "export-open-folder", &pdf, &out);

    // Everything as PDF, into a folder.
    let _ = app.update(Message::ToList);
    let _ = app.update(Message::List(list::Message::ExportAll));
    let all = out.join("alles");
    std::fs::create_dir(&all).expect("a folder");
    run(&mut app, Message::ExportFolderPicked(Some(all.clone())));
    says_where_and_opens(&app, "export-open-folder", &all, &all);

    // A package for an assessor.
    let _ = app.update(Message::DismissExport);
    let _ = app.update(Message::List(list::Message::AskPackage));
    let _ = app.update(Message::List(list::Message::PackageAssessor(
        "Femke Hoogland".into(),
    )));
    let _ = app.update(Message::List(list::Message::SavePackage));
    let package = out.join("pakket.leidraad");
    run(
        &mut app,
        Message::List(list::Message::PackagePlaced(Some(package.clone()))),
    );
    says_where_and_opens(&app, "list-open-folder", &package, &out);

    // The result of that package, saved by the assessor.
    drop(app);
    let mut assessor = App::new(
        leidraad::ui::config::Config {
            assessor: "Femke Hoogland".into(),
            ..Default::default()
        },
        None,
    );
    assessor.open_path(&package);
    let _ = assessor.update(Message::List(list::Message::SaveResult));
    let result = out.join("resultaat.leidraad");
    run(
        &mut assessor,
        Message::List(list::Message::ResultPlaced(Some(result.clone()))),
    );
    assert!(result.is_file(), "the result is written");
    says_where_and_opens(&assessor, "list-open-folder", &result, &out);

    // The self-check saved, and its outcome as PDF.
    use leidraad::ui::screen::{selfcheck, start};
    let mut applicant = App::new(leidraad::ui::config::Config::default(), None);
    let _ = applicant.update(Message::Start(start::Message::SelfCheck));
    let saved = out.join("zelftoets.ron");
    run(
        &mut applicant,
        Message::SelfCheck(selfcheck::Message::SavePlaced(Some(saved.clone()))),
    );
    says_where_and_opens(&applicant, "selfcheck-open-folder", &saved, &out);
    let printed = out.join("zelftoets.pdf");
    run(
        &mut applicant,
        Message::SelfCheck(selfcheck::Message::PrintPlaced(Some(printed.clone()))),
    );
    assert!(printed.is_file(), "the PDF is written");
    says_where_and_opens(&applicant, "selfcheck-open-folder", &printed, &out);
}

#[test]
fn a_nog_te_doen_item_on_the_scoring_screen_moves_to_its_criterion() {
    use leidraad::ui::screen::scoring::Field;
    let mut app = app();
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));

    // Nothing is scored: every knock-out is open, every criterion unscored.
    for (label, id, field) in [
        ("Oordeel nog open", "KO3", Field::Verdict(2)),
        ("Nog niet gescoord", "C4", Field::Item(3, 0)),
        ("Nog niet gescoord", "C5", Field::Value(4)),
    ] {
        let sent = click_sends(&app, &format!("todo-{label}-{id}"));
        assert_eq!(sent.len(), 1, "{sent:?}");
        for m in sent {
            let _ = app.update(m);
        }
        let Screen::Scoring(s) = &app.screen else {
            panic!("still the scoring screen")
        };
        assert_eq!(s.focus(), Some(field), "{id}");
    }
    // A missing motivation leads to the motivation.
    let _ = app.update(Message::Scoring(scoring::Message::Value(
        4,
        Some(leidraad_core::dossier::Value::Points(3)),
    )));
    let sent = click_sends(&app, "todo-Motivering ontbreekt-C5");
    for m in sent {
        let _ = app.update(m);
    }
    let Screen::Scoring(s) = &app.screen else {
        panic!("still the scoring screen")
    };
    assert_eq!(s.focus(), Some(Field::Note(4)));
}

fn esc() -> Message {
    Message::Key(leidraad::ui::app::KeyPress {
        key: iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        typed: None,
        modifiers: iced::keyboard::Modifiers::empty(),
        captured: false,
    })
}

/// Which screen is shown, by name.
fn screen(app: &App) -> &'static str {
    match &app.screen {
        Screen::Start(_) => "start",
        Screen::Error(_) => "error",
        Screen::List => "list",
        Screen::Application(_) => "application",
        Screen::Scoring(_) => "scoring",
        Screen::Ranking(_) => "ranking",
        Screen::Panel(_) => "panel",
        Screen::Disagreements(_) => "disagreements",
        Screen::SelfCheck(_) => "selfcheck",
    }
}

/// Esc closes what is open over the screen; with nothing open it goes
/// back one screen. On every screen.
#[test]
fn esc_closes_the_open_form_else_goes_back_one_screen_on_every_screen() {
    use crate::ui_support::shows;
    use leidraad::ui::screen::{disagreements, ranking, selfcheck, start};
    use leidraad::ui::strings;
    let dir = tempfile::tempdir().expect("a folder");
    let mut app = example_in(dir.path(), "Femke Hoogland");

    // The list: the package form closes; the list stays.
    let _ = app.update(Message::List(list::Message::AskPackage));
    assert!(app.list.package.is_some());
    let _ = app.update(esc());
    assert!(app.list.package.is_none());
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list", "the list is the first screen");

    // The application's data: Esc cancels the form.
    let _ = app.update(Message::List(list::Message::Edit(ApplicationId::from(
        "A01",
    ))));
    assert_eq!(screen(&app), "application");
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list");

    // Scoring: the conflict-of-interest form first, then back.
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A02",
    ))));
    let _ = app.update(Message::Scoring(scoring::Message::AskConflict));
    assert!(
        shows(&app, strings::CONFLICT_CONSEQUENCE),
        "the form is open"
    );
    let _ = app.update(esc());
    assert_eq!(screen(&app), "scoring");
    assert!(
        !shows(&app, strings::CONFLICT_CONSEQUENCE),
        "the form closed"
    );
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list");

    // Ranking: the tie form first, then back.
    let _ = app.update(Message::List(list::Message::Ranking));
    let _ = app.update(Message::Ranking(ranking::Message::Round(
        leidraad_core::dossier::Round::Two,
    )));
    let _ = app.update(Message::Ranking(ranking::Message::StartTie(1)));
    let Screen::Ranking(r) = &app.screen else {
        panic!("the ranking")
    };
    assert!(r.tie.is_some(), "the tie form is open");
    let _ = app.update(esc());
    let Screen::Ranking(r) = &app.screen else {
        panic!("Esc closed the form only")
    };
    assert!(r.tie.is_none());
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list");

    // The panel opened from the disagreements: back to them, then the list.
    let _ = app.update(Message::List(list::Message::Disagreements));
    let _ = app.update(Message::Disagreements(disagreements::Message::Open(0)));
    assert_eq!(screen(&app), "panel");
    let _ = app.update(esc());
    assert_eq!(screen(&app), "disagreements");
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list");

    // The start screen with a dossier open: back to it.
    let _ = app.update(Message::Home);
    assert_eq!(screen(&app), "start");
    let _ = app.update(esc());
    assert_eq!(screen(&app), "list");

    // The self-check: the "Nieuwe zelftoets" question first, then the start.
    let mut app = App::new(leidraad::ui::config::Config::default(), None);
    let _ = app.update(Message::Start(start::Message::SelfCheck));
    let _ = app.update(Message::SelfCheck(selfcheck::Message::New));
    assert!(shows(&app, strings::SELFCHECK_NEW_CONFIRM));
    let _ = app.update(esc());
    assert_eq!(screen(&app), "selfcheck");
    assert!(!shows(&app, strings::SELFCHECK_NEW_CONFIRM));
    let _ = app.update(esc());
    assert_eq!(screen(&app), "start");

    // The error screen: back to the start.
    let broken = dir.path().join("kapot.leidraad");
    std::fs::write(&broken, "Dossier(").expect("written");
    app.open_path(&broken);
    assert_eq!(screen(&app), "error");
    let _ = app.update(esc());
    assert_eq!(screen(&app), "start");
}
