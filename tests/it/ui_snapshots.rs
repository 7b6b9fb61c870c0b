//! Every screen a user sees, at 1280x720 and 1920x1080, compared with a
//! committed reference: a hash of the pixels in `tests/snapshots/` (the
//! repository keeps no large PNGs).
//!
//! - A screen that differs fails with the path of its PNG, written to
//!   `target/snapshots/` to look at.
//! - A missing reference is created (and the test passes); CI then fails
//!   because the run changed the tree: commit the new reference.
//! - `LEIDRAAD_SNAPSHOTS=update cargo test -p leidraad --test it ui_snapshots`
//!   rewrites every reference (after a change meant to alter screens);
//!   `LEIDRAAD_SNAPSHOTS=png` writes the PNG of every screen to
//!   `target/snapshots/`, to look at them all.
//!
//! Rendering is made the same on every machine: the simulator draws with
//! tiny-skia (`ICED_TEST_BACKEND` in `.cargo/config.toml`), and the fonts
//! are the embedded ones only (`ui_support::embedded_fonts_only` removes
//! the system's fonts from iced's font system before anything is drawn).
//! The dossiers are the example dossier and synthetic ones, opened without
//! a file (no temporary path, no save time in the header), and nothing is
//! saved while the screens are shown.

use std::path::PathBuf;

use iced::mouse::ScrollDelta;
use iced::{Event, mouse};
use iced_test::Simulator;
use leidraad::ui::app::{App, Message};
use leidraad::ui::config::Config;
use leidraad::ui::screen::{list, panel, ranking, scoring, selfcheck, start};
use leidraad::ui::widget::chart::Kind;
use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::rubric::Rubric;

use crate::ui_support::embedded_fonts_only;

/// The two window sizes: the smallest laptop the product is made for and a
/// common desktop.
pub const SIZES: [(u32, u32); 2] = [(1280, 720), (1920, 1080)];

/// Set to `update` to rewrite the references.
const UPDATE: &str = "LEIDRAAD_SNAPSHOTS";

fn reference(name: &str, (w, h): (u32, u32)) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/screens")
        .join(format!("{name}-{w}x{h}"))
}

/// Where the PNG of a screen that differs goes.
fn inspection(name: &str, (w, h): (u32, u32)) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("snapshots").join(format!("{name}-{w}x{h}"))
}

/// The screens compared so far by one test, and those that differ.
#[derive(Default)]
pub struct Shots {
    differ: Vec<String>,
}

impl Shots {
    /// Compare the current view of `app` at both sizes, scrolled down by
    /// `scroll` pixels (0: the top, as the screen opens).
    pub fn scrolled(&mut self, app: &App, name: &str, scroll: f32) {
        embedded_fonts_only();
        for size in SIZES {
            let mut ui = Simulator::with_size(
                leidraad::ui::theme::settings(),
                (size.0 as f32, size.1 as f32),
                app.view(),
            );
            if scroll > 0.0 {
                ui.point_at((size.0 as f32 / 2.0, size.1 as f32 / 2.0));
                let _ = ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
                    delta: ScrollDelta::Pixels { x: 0.0, y: -scroll },
                })]);
            }
            let snapshot = ui.snapshot(&app.theme()).expect("a snapshot");
            let hash = reference(name, size);
            let hash_file = PathBuf::from(format!("{}-tiny-skia.sha256", hash.display()));
            if std::env::var(UPDATE).is_ok_and(|v| v == "update") {
                let _ = std::fs::remove_file(&hash_file);
            }
            std::fs::create_dir_all(hash.parent().expect("a folder")).expect("the folder");
            let same = snapshot
                .matches_hash(&hash)
                .expect("the reference is readable");
            let look = std::env::var(UPDATE).is_ok_and(|v| v == "png");
            if same && !look {
                continue;
            }
            let png = inspection(name, size);
            std::fs::create_dir_all(png.parent().expect("a folder")).expect("the folder");
            let png_file = PathBuf::from(format!("{}-tiny-skia.png", png.display()));
            let _ = std::fs::remove_file(&png_file);
            let _ = snapshot.matches_image(&png);
            if same {
                continue;
            }
            self.differ.push(format!(
                "{name} at {}x{}: differs from {}; look at {}",
                size.0,
                size.1,
                hash_file.display(),
                png_file.display()
            ));
        }
    }

    pub fn shot(&mut self, app: &App, name: &str) {
        self.scrolled(app, name, 0.0);
    }

    /// Fail with every screen that differs.
    pub fn check(self) {
        assert!(
            self.differ.is_empty(),
            "{} screen(s) differ from their reference:\n{}\nIf the change is meant, run \
             `{UPDATE}=update cargo test -p leidraad --test it ui_snapshots` and commit \
             tests/snapshots/screens.",
            self.differ.len(),
            self.differ.join("\n")
        );
    }
}

/// The example dossier, opened by `assessor` without a file.
fn example(assessor: &str) -> App {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::store::parse_dossier(
        leidraad_core::dossier::EXAMPLE_SOURCE,
        "voorbeelddossier.ron",
        &rubric,
    )
    .expect("the example dossier");
    App::with_dossier(rubric, dossier, assessor)
}

fn id(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

/// How far down the ranking page `text` is, to scroll it into view.
/// (The first text that starts with `text`.)
fn depth_of(app: &App, text: &str) -> f32 {
    use iced_test::selector::Candidate;
    embedded_fonts_only();
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        (1280.0, 20000.0),
        app.view(),
    );
    let found = ui
        .find(|c: Candidate<'_>| match c {
            Candidate::Text {
                bounds, content, ..
            } if content.starts_with(text) => Some(bounds),
            _ => None,
        })
        .unwrap_or_else(|e| panic!("{text}: {e:?}"));
    (found.y - 120.0).max(0.0)
}

#[test]
fn snapshots_of_the_start_screens() {
    let mut shots = Shots::default();
    // The first start: no name yet.
    let app = App::new(Config::default(), None);
    shots.shot(&app, "start-first");
    let config = Config {
        assessor: "Femke Hoogland".into(),
        ..Config::default()
    };
    let app = App::new(config, None);
    shots.shot(&app, "start");
    let mut app = App::new(Config::default(), None);
    let _ = app.update(Message::Start(start::Message::Title(
        "Nieuw dossier".into(),
    )));
    shots.shot(&app, "start-new-title");
    shots.check();
}

#[test]
fn snapshots_of_the_list() {
    let mut shots = Shots::default();
    let mut app = example("Femke Hoogland");
    shots.shot(&app, "list-round-1");
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    shots.shot(&app, "list-round-2");
    let _ = app.update(Message::List(list::Message::AskPackage));
    shots.shot(&app, "list-package-form");
    // No name yet: the list asks for one.
    let app = example("");
    shots.shot(&app, "list-no-name");
    // The columns with a 12-character id and a 300-character region.
    let (_dir, app) = crate::ui_columns::wide_app("Femke Hoogland");
    shots.shot(&app, "list-wide");
    shots.check();
}

#[test]
fn snapshots_of_scoring_and_the_application() {
    let mut shots = Shots::default();
    // A new assessor of the dossier: an empty form.
    let mut app = example("Tess Nieuw");
    let _ = app.update(Message::List(list::Message::Score(id("A02"))));
    shots.shot(&app, "scoring-new");
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Score(id("A01"))));
    shots.shot(&app, "scoring-submitted");
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Score(id("A01"))));
    shots.shot(&app, "scoring-round-2");
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Edit(id("A01"))));
    shots.shot(&app, "application");
    // Work in progress: "Nog te doen" with its links.
    let rubric = Rubric::builtin();
    let mut dossier = leidraad_core::dossier::Dossier::new("Testdossier", &rubric);
    let a = leidraad_core::dossier::Application::new("A01", "Regio Testkust");
    leidraad_core::edit::add_application(&mut dossier, a).expect("added");
    let mut app = App::with_dossier(rubric, dossier, "Tess Beoordelaar");
    let _ = app.update(Message::List(list::Message::Score(id("A01"))));
    let _ = app.update(Message::Scoring(scoring::Message::Verdict(
        0,
        leidraad_core::dossier::Verdict::Met,
    )));
    let _ = app.update(Message::Scoring(scoring::Message::Submit));
    shots.shot(&app, "scoring-to-do");
    shots.check();
}

#[test]
fn snapshots_of_the_ranking() {
    let mut shots = Shots::default();
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Ranking));
    let send = |app: &mut App, m| {
        let _ = app.update(Message::Ranking(m));
    };
    send(&mut app, ranking::Message::Round(Round::One));
    shots.shot(&app, "ranking-round-1");
    send(&mut app, ranking::Message::Round(Round::Two));
    shots.shot(&app, "ranking-round-2");
    for (kind, name) in [
        (Kind::Bars, "ranking-bars"),
        (Kind::Heat, "ranking-heat"),
        (Kind::Rounds, "ranking-rounds"),
    ] {
        send(&mut app, ranking::Message::Pane(ranking::Pane::Chart(kind)));
        shots.shot(&app, name);
    }
    send(&mut app, ranking::Message::Pane(ranking::Pane::Table));
    for (text, name) in [
        (leidraad::ui::strings::TIES, "ranking-ties"),
        (leidraad::ui::strings::SENSITIVITY, "ranking-sensitivity"),
        (leidraad::ui::strings::BUDGET, "ranking-budget"),
    ] {
        let depth = depth_of(&app, text);
        shots.scrolled(&app, name, depth);
    }
    send(&mut app, ranking::Message::StartTie(1));
    let depth = depth_of(&app, leidraad::ui::strings::TIES);
    shots.scrolled(&app, "ranking-tie-form", depth);
    shots.check();
}

#[test]
fn snapshots_of_the_panel_and_the_disagreements() {
    let mut shots = Shots::default();
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Disagreements));
    shots.shot(&app, "disagreements");
    let mut app = example("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Panel(id("A06"))));
    for (tab, name) in [
        (panel::Tab::SideBySide, "panel-side-by-side"),
        (panel::Tab::Consensus, "panel-consensus"),
        (panel::Tab::Rounds, "panel-rounds"),
        (panel::Tab::Interview, "panel-interview"),
        (panel::Tab::History, "panel-history"),
    ] {
        let _ = app.update(Message::Panel(panel::Message::Tab(tab)));
        shots.shot(&app, name);
    }
    shots.check();
}

#[test]
fn snapshots_of_the_selfcheck() {
    let mut shots = Shots::default();
    let mut app = App::new(Config::default(), None);
    let _ = app.update(Message::Start(start::Message::SelfCheck));
    if let leidraad::ui::app::Screen::SelfCheck(s) = &mut app.screen {
        // The date the result is compared with, fixed.
        s.today = chrono::NaiveDate::from_ymd_opt(2022, 7, 1).expect("a date");
    }
    for step in selfcheck::Step::ALL {
        let _ = app.update(Message::SelfCheck(selfcheck::Message::Go(step)));
        shots.shot(&app, &format!("selfcheck-{}", step_name(step)));
    }
    shots.check();
}

fn step_name(step: selfcheck::Step) -> &'static str {
    match step {
        selfcheck::Step::Checklist => "checklist",
        selfcheck::Step::Knockouts => "knockouts",
        selfcheck::Step::Criteria => "criteria",
        selfcheck::Step::Budget => "budget",
        selfcheck::Step::Result => "result",
    }
}

#[test]
fn snapshots_of_the_error_screen_and_the_file_dialog() {
    let mut shots = Shots::default();
    // A dossier that does not parse, at a path that is the same everywhere.
    let dir = std::env::temp_dir().join("leidraad-snapshots");
    std::fs::create_dir_all(&dir).expect("a folder");
    let broken = dir.join("kapot.leidraad");
    std::fs::write(
        &broken,
        "Dossier(\n  format_version: 1,\n  title: \"Kapot\n",
    )
    .expect("written");
    let mut app = App::new(Config::default(), None);
    app.open_path(&broken);
    shots.shot(&app, "error-unreadable");

    let _one = crate::ui_dialog::QUEUE
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    leidraad::ui::dialog::system::force_builtin(true);
    let mut app = App::new(Config::default(), None);
    let task = app.update(Message::Start(start::Message::Open));
    crate::ui_dialog::through_builtin_dialog(&mut app, task, |app| {
        let _ = app.update(Message::Dialog(
            leidraad::ui::dialog::builtin::Message::PathChanged(dir.display().to_string()),
        ));
        shots.shot(app, "file-dialog-open");
        let _ = app.update(Message::Dialog(
            leidraad::ui::dialog::builtin::Message::Cancel,
        ));
    });
    shots.check();
}

#[test]
fn only_the_embedded_fonts_draw_the_snapshots() {
    embedded_fonts_only();
    let families = crate::ui_support::font_families();
    // The program's DejaVu Sans, and what iced itself embeds (its icon
    // font and Fira Sans): nothing of the machine's own fonts.
    for f in &families {
        assert!(
            ["DejaVu Sans", "Fira Sans", "Iced-Icons"].contains(&f.as_str()),
            "a font of the machine is still in iced's font system: {f} (all: {families:?})"
        );
    }
    assert!(families.iter().any(|f| f == "DejaVu Sans"), "{families:?}");
}
