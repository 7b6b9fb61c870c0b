//! PDF export from the window, through `update()` alone: the dialogs are
//! Tasks that tests do not run, so the answer of a dialog is sent as the
//! message it would produce.

use leidraad::ui::app::{App, ExportNotice, Message, Screen};
use leidraad::ui::screen::{list, scoring};
use leidraad::ui::strings;
use leidraad_core::dossier::{ApplicationId, Dossier, Round};
use leidraad_core::rubric::Rubric;
use leidraad_report as report;

const ASSESSOR: &str = "Femke Hoogland";

fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let d = leidraad_core::store::parse_dossier(
        include_str!("../../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &rubric,
    )
    .expect("the example dossier loads");
    (rubric, d)
}

fn scoring_app(assessor: &str) -> App {
    let (r, d) = example();
    let mut app = App::with_dossier(r, d, assessor);
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    assert!(matches!(app.screen, Screen::Scoring(_)));
    app
}

fn is_pdf(path: &std::path::Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"%PDF-"))
}

#[test]
fn the_scoring_screen_saves_this_assessments_sheet_where_the_dialog_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blad.pdf");
    let mut app = scoring_app(ASSESSOR);
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    assert_eq!(
        app.export, None,
        "nothing is written before the dialog answers"
    );
    crate::ui_support::run(&mut app, Message::ExportPlaced(Some(path.clone())));
    assert!(is_pdf(&path), "a PDF is written at the chosen place");
    match &app.export {
        Some(ExportNotice::Done { message, open }) => {
            assert_eq!(open, &path, "the written file is offered to open");
            assert!(message.contains("blad.pdf"));
        }
        other => panic!("expected a done notice, got {other:?}"),
    }
    let _ = app.update(Message::DismissExport);
    assert_eq!(app.export, None);
}

#[test]
fn a_cancelled_dialog_writes_nothing_and_a_new_export_can_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = scoring_app(ASSESSOR);
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    let _ = app.update(Message::ExportPlaced(None));
    assert_eq!(app.export, None, "cancelling is not an error");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // A late answer without a request does nothing either.
    let stray = dir.path().join("los.pdf");
    crate::ui_support::run(&mut app, Message::ExportPlaced(Some(stray.clone())));
    assert!(!stray.exists());
    // The dialog is free again.
    let path = dir.path().join("tweede.pdf");
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    crate::ui_support::run(&mut app, Message::ExportPlaced(Some(path.clone())));
    assert!(is_pdf(&path));
}

#[test]
fn an_empty_assessment_has_no_sheet_to_print() {
    let mut app = scoring_app("Nieuwe Beoordelaar");
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    assert_eq!(
        app.export,
        Some(ExportNotice::Failed(strings::NOTHING_TO_EXPORT.to_string()))
    );
}

#[test]
fn a_write_failure_is_shown_as_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("bestand");
    std::fs::write(&blocker, "geen map").unwrap();
    let mut app = scoring_app(ASSESSOR);
    let _ = app.update(Message::Scoring(scoring::Message::ExportPdf));
    crate::ui_support::run(
        &mut app,
        Message::ExportPlaced(Some(blocker.join("blad.pdf"))),
    );
    match &app.export {
        Some(ExportNotice::Failed(m)) => assert!(m.starts_with("De PDF kon niet")),
        other => panic!("expected a failure notice, got {other:?}"),
    }
}

#[test]
fn the_list_exports_every_sheet_and_the_ranking_reports_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let (r, d) = example();
    let expected_sheets = report::sheets(&d, None, None);
    let mut app = App::with_dossier(r, d, ASSESSOR);
    let _ = app.update(Message::List(list::Message::ExportAll));
    crate::ui_support::run(&mut app, Message::ExportFolderPicked(Some(out.clone())));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for kind in &expected_sheets {
        assert!(
            names.contains(&report::sheet_file_name(kind)),
            "{kind:?} missing"
        );
    }
    for round in Round::ALL {
        assert!(names.contains(&report::ranking_file_name(round)));
    }
    assert_eq!(names.len(), expected_sheets.len() + 2);
    assert!(names.iter().all(|n| is_pdf(&out.join(n))));
    match &app.export {
        Some(ExportNotice::Done { message, open }) => {
            assert_eq!(open, &out);
            assert!(message.starts_with(&format!("{} PDF-bestanden", names.len())));
        }
        other => panic!("expected a done notice, got {other:?}"),
    }
}
