//! The plan beside the form in the simulator: the passages under the
//! cards, citing one as a criterion's evidence, the plan's pane with its
//! search.

use crate::ui_support::{click, interact, shows};

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::list;
use leidraad_core::audit::Field;
use leidraad_core::document::{Document, Kind};
use leidraad_core::dossier::{Application, ApplicationId, Dossier, Round};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

const ASSESSOR: &str = "Tess Beoordelaar";

fn plan() -> Document {
    Document {
        name: "plan-testkust.pdf".into(),
        kind: Kind::Plan,
        sha256: "ab".repeat(32),
        paged: true,
        pages: vec![
            "Plan van aanpak Regio Testkust.\nInleiding over de regio en de gemeenten.".into(),
            "Over de samenwerking.\nWe willen in dit stadium geen\nregionaal veiligheidsteam oprichten. \
             De Raad voor de Kinderbescherming en Veilig Thuis werken al samen."
                .into(),
            "Organisatie.\nEr is een projectleider aangesteld die de proeftuin trekt. \
             De kwartiermaker begint in januari."
                .into(),
        ],
    }
}

fn app_with(attach: bool) -> App {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    let mut a = Application::new("A01", "Regio Testkust");
    if attach {
        a.attachments.push(plan());
    }
    edit::add_application(&mut d, a).unwrap();
    let mut app = App::with_dossier(rubric, d, ASSESSOR);
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    assert!(matches!(app.screen, Screen::Scoring(_)));
    app
}

fn dossier(app: &App) -> &Dossier {
    app.session.as_ref().unwrap().dossier()
}

#[test]
fn passages_under_a_card_are_cited_as_the_criterions_evidence_and_logged() {
    let mut app = app_with(true);
    // C1 (projectleider) has a passage; C8 (netwerkdossier) none.
    assert!(shows(&app, "Vindplaatsen in het plan (1)"));
    assert!(shows(&app, "Vindplaatsen in het plan (0)"));
    interact(&mut app, |ui| click(ui, "passages-C8"));
    assert!(shows(&app, "niets overtuigends gevonden"));
    interact(&mut app, |ui| click(ui, "passages-C1"));
    assert!(shows(&app, "Citeren"), "the passages of C1 are open");
    interact(&mut app, |ui| click(ui, "cite-C1-0"));

    let a = dossier(&app)
        .assessment(&ApplicationId::from("A01"), ASSESSOR, Round::One)
        .expect("citing made the assessment");
    let ev = &a.criteria[&leidraad_core::rubric::CriterionId::from("C1")].evidence;
    assert_eq!(ev.document, "plan-testkust.pdf");
    assert_eq!(ev.page, "3");
    assert!(ev.quote.contains("projectleider aangesteld"), "{ev:?}");
    // Logged like any change, with the quote.
    let entry = dossier(&app)
        .audit
        .iter()
        .rev()
        .find(|e| e.field == Field::Evidence)
        .expect("an evidence entry");
    assert!(
        entry.new.contains("projectleider aangesteld"),
        "{}",
        entry.new
    );
    assert!(
        entry.new.starts_with("plan-testkust.pdf, 3"),
        "{}",
        entry.new
    );
    // The card says it is cited and shows the quote.
    assert!(shows(&app, "geciteerd"));
}

#[test]
fn a_negated_passage_is_marked_under_the_knockout() {
    let mut app = app_with(true);
    interact(&mut app, |ui| click(ui, "passages-KO2"));
    assert!(shows(&app, "ontkenning"), "the negation is marked");
    // A knock-out has no evidence field: nothing to cite, only to show.
    let mut ui = iced_test::Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        app.view(),
    );
    assert!(ui.find(iced::widget::Id::new("cite-KO2-0")).is_err());
    assert!(ui.find(iced::widget::Id::new("show-KO2-0")).is_ok());
}

#[test]
fn the_pane_shows_the_plan_by_page_searches_it_and_goes_to_a_passage() {
    let mut app = app_with(true);
    assert!(!shows(&app, "Pagina 1 van 3"));
    interact(&mut app, |ui| click(ui, "show-plan"));
    assert!(shows(&app, "Pagina 1 van 3"));
    assert!(shows(&app, "Plan verbergen"));
    interact(&mut app, |ui| {
        click(ui, "plan-search");
        ui.typewrite("KWARTIERMAKER");
    });
    assert!(shows(&app, "1 treffer"));
    interact(&mut app, |ui| click(ui, "hit-0"));
    assert!(shows(&app, "Pagina 3 van 3"));
    interact(&mut app, |ui| {
        click(ui, "plan-search");
        ui.typewrite("zzz");
    });
    assert!(shows(&app, "Niet gevonden in het plan."));
    // A passage clicked under a card: the pane turns to its page.
    interact(&mut app, |ui| click(ui, "passages-KO2"));
    interact(&mut app, |ui| click(ui, "show-KO2-0"));
    assert!(shows(&app, "Pagina 2 van 3"));
    interact(&mut app, |ui| click(ui, "plan-previous"));
    assert!(shows(&app, "Pagina 1 van 3"));
}

#[test]
fn without_a_plan_the_cards_show_no_passages_and_the_pane_says_why() {
    let mut app = app_with(false);
    assert!(!shows(&app, "Vindplaatsen in het plan"));
    interact(&mut app, |ui| click(ui, "show-plan"));
    assert!(shows(
        &app,
        "Geen plan van aanpak bij deze aanvraag: voeg het toe om er vindplaatsen in te zoeken."
    ));
}

/// The consensus screen: each assessor's cited passage of a criterion,
/// side by side; one who cited nothing is said to have cited nothing.
#[test]
fn the_side_by_side_view_shows_every_assessors_cited_passage() {
    use crate::common;
    use leidraad::ui::screen::panel::Tab;
    use leidraad_core::rubric::CriterionId;
    let rubric = common::rubric();
    let mut d = common::dossier_with(&rubric, &["A01"]);
    common::score(&mut d, &rubric, "A01", Round::One, &[60, 70]);
    let quote = "Er is een projectleider aangesteld die de proeftuin trekt.";
    let e = &mut d
        .assessment_mut(&ApplicationId::from("A01"), "X1", Round::One)
        .unwrap()
        .criteria
        .get_mut(&CriterionId::from("C1"))
        .unwrap()
        .evidence;
    e.document = "plan-testkust.pdf".into();
    e.page = "3".into();
    e.quote = quote.into();
    let mut app = App::with_dossier(rubric, d, "Voorzitter");
    app.open_panel(
        ApplicationId::from("A01"),
        Round::One,
        Tab::SideBySide,
        None,
    );
    assert!(matches!(app.screen, Screen::Panel(_)));
    assert!(shows(
        &app,
        "\u{201c}Er is een projectleider aangesteld die de proeftuin trekt.\u{201d}"
    ));
    assert!(shows(&app, "plan-testkust.pdf, p. 3"));
    assert!(
        shows(&app, "geen passage geciteerd"),
        "X2 cited nothing at C1"
    );
}

fn pick(app: &mut App, path: std::path::PathBuf) {
    use leidraad::ui::screen::scoring::{self, plan};
    crate::ui_support::run(
        app,
        Message::Scoring(scoring::Message::Plan(plan::Message::Picked(Some(path)))),
    );
}

/// "Document toevoegen…": the file chosen is read off the window's thread,
/// kept in the dossier as the plan (logged), and its passages appear.
#[test]
fn a_document_added_from_the_window_is_kept_and_searched() {
    let mut app = app_with(false);
    interact(&mut app, |ui| click(ui, "show-plan"));
    assert!(shows(&app, "Document toevoegen…"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan-testkust.txt");
    std::fs::write(&file, plan().pages.join("\n\n")).unwrap();
    pick(&mut app, file);

    let a = dossier(&app)
        .application(&ApplicationId::from("A01"))
        .unwrap();
    assert_eq!(a.attachments.len(), 1);
    assert_eq!(a.attachments[0].name, "plan-testkust.txt");
    assert_eq!(a.attachments[0].kind, Kind::Plan);
    assert!(
        dossier(&app)
            .audit
            .iter()
            .any(|e| e.field == Field::Document && e.new.contains("plan-testkust.txt"))
    );
    assert!(shows(&app, "Vindplaatsen in het plan (1)"));
    assert!(shows(&app, "plan-testkust.txt (plan van aanpak)"));
}

/// A scan is refused with the reader's plain message; nothing is kept.
#[test]
fn a_scan_added_from_the_window_is_refused_plainly() {
    let mut app = app_with(false);
    let scan = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/docs/tests/fixtures/scan.pdf");
    let why = leidraad_docs::extract(&std::fs::read(&scan).unwrap(), &scan.display().to_string())
        .unwrap_err()
        .to_string();
    assert!(why.contains("no text layer"), "{why}");
    pick(&mut app, scan);
    let a = dossier(&app)
        .application(&ApplicationId::from("A01"))
        .unwrap();
    assert!(a.attachments.is_empty());
    assert!(
        dossier(&app)
            .audit
            .iter()
            .all(|e| e.field != Field::Document)
    );
    assert!(shows(&app, &format!("Document niet toegevoegd: {why}")));
}

/// An invented plan of three pages, for the README's screenshot.
fn example_plan() -> Document {
    Document {
        name: "Plan van aanpak Regio Testkust.pdf".into(),
        kind: Kind::Plan,
        sha256: "cd".repeat(32),
        paged: true,
        pages: vec![
            "1. Inleiding\n\nDe zeven gemeenten van Regio Testkust willen met de proeftuin \
             de bescherming van kinderen en gezinnen eenvoudiger en dichter bij huis maken. \
             De lokale wijkteams bieden de vijf basisfuncties en werken volgens het \
             Kwaliteitskader werken aan veiligheid."
                .into(),
            "2. Samenwerking in het veiligheidsdomein\n\nWe willen in dit stadium geen \
             regionaal veiligheidsteam oprichten. Eerst bouwen de wijkteams ervaring op met \
             gezamenlijke casusoverleggen.\n\nDe Raad voor de Kinderbescherming, Veilig Thuis \
             en de gecertificeerde instelling schuiven aan bij het casusoverleg wanneer de \
             veiligheid van een kind in het geding is."
                .into(),
            "3. Organisatie\n\nEr is een projectleider aangesteld die de proeftuin trekt en \
             rapporteert aan de stuurgroep. De kwartiermaker begint in januari.\n\n\
             Ervaringsdeskundigen denken mee in een klankbordgroep van ouders en jongeren."
                .into(),
        ],
    }
}

/// Writes the README's screenshot of the plan beside the form to the file
/// named by `LEIDRAAD_SCREENSHOT` (run it by hand:
/// `LEIDRAAD_SCREENSHOT=/tmp/plan-beside-form cargo test -p leidraad --test it
/// ui_plan::screenshot -- --ignored`; the PNG is written beside that name).
#[test]
#[ignore = "writes a file; run by hand for the README"]
fn screenshot_of_the_plan_beside_the_form() {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    let mut a = Application::new("A01", "Regio Testkust");
    a.plan_title = "Dichtbij en veilig aan de kust".into();
    a.attachments.push(example_plan());
    edit::add_application(&mut d, a).unwrap();
    let mut app = App::with_dossier(rubric, d, ASSESSOR);
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    interact(&mut app, |ui| {
        click(ui, "KO1=voldaan");
        click(ui, "KO2=twijfel");
        click(ui, "passages-KO2");
    });
    interact(&mut app, |ui| click(ui, "show-KO2-0"));
    let path = std::env::var("LEIDRAAD_SCREENSHOT").expect("LEIDRAAD_SCREENSHOT is set");
    let theme = app.theme();
    let mut ui = iced_test::Simulator::with_size(
        leidraad::ui::theme::settings(),
        (1280.0, 720.0),
        app.view(),
    );
    // Scroll the form down to the passages of KO2.
    ui.point_at(iced::Point::new(250.0, 400.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Pixels { x: 0.0, y: -820.0 },
    })]);
    let snapshot = ui.snapshot(&theme).expect("a snapshot");
    let _ = std::fs::remove_file(format!("{path}-tiny-skia.png"));
    assert!(snapshot.matches_image(&path).unwrap());
}
