//! The self-check window with a draft plan: added from a file, the
//! passages per knock-out shown under each, a knock-out without any as a
//! risk and a negated passage as a red flag; a scan refused plainly.

use crate::ui_support::{click, interact, run, shows};

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::config::Config;
use leidraad::ui::screen::selfcheck::{self, PlanMessage, Step};
use leidraad_core::document::{Document, Kind};
use leidraad_core::rubric::Rubric;
use leidraad_core::selfcheck::SelfCheck;

/// An invented draft plan of two pages (a form feed between them).
const PLAN: &str = "1. Inleiding\n\nDe lokale wijkteams bieden de vijf basisfuncties en werken \
volgens het Kwaliteitskader werken aan veiligheid.\x0c2. Samenwerking\n\nWe willen in dit \
stadium geen regionaal veiligheidsteam oprichten. Eerst bouwen de wijkteams ervaring op met \
gezamenlijke casusoverleggen.";

fn at_the_knockouts() -> App {
    let mut app = App::new(Config::default(), None);
    interact(&mut app, |ui| click(ui, "start-selfcheck"));
    assert!(matches!(app.screen, Screen::SelfCheck(_)));
    let _ = app.update(Message::SelfCheck(selfcheck::Message::Go(Step::Knockouts)));
    app
}

fn pick(app: &mut App, path: std::path::PathBuf) {
    run(
        app,
        Message::SelfCheck(selfcheck::Message::Plan(PlanMessage::Picked(Some(path)))),
    );
}

fn check(app: &App) -> &SelfCheck {
    match &app.screen {
        Screen::SelfCheck(s) => &s.check,
        _ => panic!("not on the self-check screen"),
    }
}

#[test]
fn the_draft_plan_shows_its_passages_risks_and_red_flags_per_knockout() {
    let mut app = at_the_knockouts();
    assert!(shows(&app, leidraad::ui::strings::SELFCHECK_NO_PLAN));
    assert!(!shows(&app, "geen passage gevonden: knock-outrisico"));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("concept.txt");
    std::fs::write(&file, PLAN).unwrap();
    pick(&mut app, file);

    let plan = check(&app)
        .plan
        .clone()
        .expect("the plan is kept in the self-check");
    assert_eq!(plan.name, "concept.txt");
    assert!(shows(&app, "Conceptplan: concept.txt (2 pagina's)"));
    // KO6 (complexe scheidingen): the plan says nothing, a risk.
    assert!(shows(&app, "geen passage gevonden: knock-outrisico"));
    // KO2: the plan says it will not set up the team, a red flag.
    let rubric = Rubric::builtin();
    let found = SelfCheck {
        plan: Some(plan),
        ..SelfCheck::default()
    }
    .ko_passages(&rubric);
    let ko2 = found.iter().find(|k| k.id.as_str() == "KO2").unwrap();
    let flag = ko2.negated().next().expect("KO2's sentence is negated");
    assert!(
        flag.text.contains("geen regionaal veiligheidsteam"),
        "{}",
        flag.text
    );
    assert_eq!(flag.page, Some(2));
    assert!(shows(
        &app,
        &format!(
            "rode vlag: uw plan zegt: blz. 2: \u{201c}{}\u{201d}",
            flag.text
        )
    ));
    assert!(
        found
            .iter()
            .find(|k| k.id.as_str() == "KO6")
            .unwrap()
            .nothing_found()
    );
}

#[test]
fn a_self_check_file_with_its_plan_shows_the_passages_when_opened() {
    let mut app = at_the_knockouts();
    let rubric = Rubric::builtin();
    let mut c = SelfCheck::new(&rubric);
    c.plan = Some(Document {
        name: "concept.txt".into(),
        kind: Kind::Plan,
        sha256: "ef".repeat(32),
        paged: true,
        pages: PLAN.split('\x0c').map(str::to_string).collect(),
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zelftoets.ron");
    c.save(&file).unwrap();
    let _ = app.update(Message::SelfCheck(selfcheck::Message::Opened(Some(file))));
    let _ = app.update(Message::SelfCheck(selfcheck::Message::Go(Step::Knockouts)));
    assert!(shows(&app, "Conceptplan: concept.txt (2 pagina's)"));
    assert!(shows(&app, "geen passage gevonden: knock-outrisico"));
}

#[test]
fn a_scanned_draft_plan_is_refused_plainly() {
    let mut app = at_the_knockouts();
    let scan = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/docs/tests/fixtures/scan.pdf");
    let why = leidraad_docs::extract(&std::fs::read(&scan).unwrap(), &scan.display().to_string())
        .unwrap_err()
        .to_string();
    pick(&mut app, scan);
    assert!(check(&app).plan.is_none());
    assert!(shows(&app, &format!("Conceptplan niet toegevoegd: {why}")));
}
