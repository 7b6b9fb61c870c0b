//! The keyboard on every screen (issue 17): the list's filter (Ctrl+F),
//! the next and previous application on the scoring screen, undo (Ctrl+Z),
//! zoom, the command palette (Ctrl+K) and the visible focus.
//!
//! The keys go in as the window gets them: each event goes to the
//! interface first (a focused text field takes it), then, with what the
//! interface did with it, through the window's own key filter to `update`;
//! what `update` returns is run as the runtime runs it, widget operations
//! (focus, scrolling) on the interface included. Work that does not finish
//! at once (the autosave's pause) is left out.

use iced::futures::FutureExt;
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::{Event, Size, Task, window};
use iced_test::core::widget::operation::Outcome;
use iced_test::runtime::UserInterface;

use leidraad::ui::app::{App, Message, Screen, key_event};
use leidraad::ui::screen::list;
use leidraad_core::dossier::{Application, ApplicationId, Dossier};
use leidraad_core::edit;
use leidraad_core::rubric::Rubric;

const SIZE: Size = Size::new(1366.0, 768.0);
const ASSESSOR: &str = "Tess Beoordelaar";

use crate::ui_window::Window;

impl Window {
    fn new() -> Window {
        Window::with_size(SIZE)
    }

    /// A click in the middle of the widget with `id`.
    fn click(&mut self, app: &mut App, id: &str) {
        let at = self
            .bounds_of(app, id)
            .unwrap_or_else(|| panic!("{id} is drawn"));
        self.cursor = iced::mouse::Cursor::Available(at.center());
        for e in iced_test::simulator::click() {
            self.event(app, e);
        }
    }

    /// One event as the runtime delivers it: to the interface, its
    /// messages to `update`, then to the window's key filter.
    fn event(&mut self, app: &mut App, event: Event) {
        let mut messages = Vec::new();
        let status = {
            let mut ui = UserInterface::build(
                app.view(),
                self.size,
                std::mem::take(&mut self.cache),
                &mut self.renderer,
            );
            let (_, statuses) = ui.update(
                std::slice::from_ref(&event),
                self.cursor,
                &mut self.renderer,
                &mut iced_test::core::clipboard::Null,
                &mut messages,
            );
            self.cache = ui.into_cache();
            statuses[0]
        };
        for m in messages {
            let task = app.update(m);
            self.run(app, task);
        }
        if let Some(m) = key_event(event, status, window::Id::unique()) {
            let task = app.update(m);
            self.run(app, task);
        }
    }

    /// Run what `update` returned, as far as it is ready now: messages go
    /// back to `update`, widget operations to the interface.
    fn run(&mut self, app: &mut App, task: Task<Message>) {
        use iced::futures::StreamExt;
        let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
            return;
        };
        while let Some(Some(action)) = stream.next().now_or_never() {
            match action {
                iced_test::runtime::Action::Output(m) => {
                    let next = app.update(m);
                    self.run(app, next);
                }
                iced_test::runtime::Action::Widget(operation) => self.operate(app, operation),
                _ => {}
            }
        }
    }

    fn operate(&mut self, app: &App, operation: Box<dyn iced_test::core::widget::Operation>) {
        let mut ui = UserInterface::build(
            app.view(),
            self.size,
            std::mem::take(&mut self.cache),
            &mut self.renderer,
        );
        let mut current = Some(operation);
        while let Some(mut op) = current.take() {
            ui.operate(&self.renderer, op.as_mut());
            if let Outcome::Chain(next) = op.finish() {
                current = Some(next);
            }
        }
        self.cache = ui.into_cache();
    }

    /// A key pressed and let go, with modifiers; `text` is what it types.
    fn key(&mut self, app: &mut App, key: Key, modifiers: Modifiers, text: Option<&str>) {
        let physical =
            keyboard::key::Physical::Unidentified(keyboard::key::NativeCode::Unidentified);
        self.event(
            app,
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: key.clone(),
                modified_key: key.clone(),
                physical_key: physical,
                location: keyboard::Location::Standard,
                modifiers,
                repeat: false,
                text: text.map(Into::into),
            }),
        );
        self.event(
            app,
            Event::Keyboard(keyboard::Event::KeyReleased {
                key: key.clone(),
                modified_key: key,
                physical_key: physical,
                location: keyboard::Location::Standard,
                modifiers,
            }),
        );
    }

    fn named(&mut self, app: &mut App, key: Named, modifiers: Modifiers) {
        self.key(app, Key::Named(key), modifiers, None);
    }

    /// Ctrl (Cmd on macOS) with a letter.
    fn ctrl(&mut self, app: &mut App, c: &str) {
        self.key(app, Key::Character(c.into()), Modifiers::COMMAND, None);
    }

    /// Type `text` where the keyboard is.
    fn type_text(&mut self, app: &mut App, text: &str) {
        for c in text.chars() {
            let s = c.to_string();
            self.key(
                app,
                Key::Character(s.as_str().into()),
                Modifiers::empty(),
                Some(&s),
            );
        }
    }
}

/// A dossier with invented regions: A01 to A09, three of them on the
/// "Testkust".
fn dossier_app() -> App {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Testdossier", &rubric);
    let regions = [
        "Regio Testkust",
        "Regio Heuvelrand",
        "Regio Zandvlakte",
        "Regio Testkust-Noord",
        "Regio Veendal",
        "Regio Rivierstreek",
        "Regio Kleihoek",
        "Testkust Zuid",
        "Regio Duinzoom",
    ];
    for (i, region) in regions.iter().enumerate() {
        edit::add_application(&mut d, Application::new(&format!("A0{}", i + 1), region)).unwrap();
    }
    App::with_dossier(rubric, d, ASSESSOR)
}

fn shown_ids(app: &App) -> Vec<String> {
    let session = app.session.as_ref().unwrap();
    let apps = &session.dossier().applications;
    app.list
        .shown(session)
        .into_iter()
        .map(|i| apps[i].id.to_string())
        .collect()
}

fn scoring_id(app: &App) -> Option<ApplicationId> {
    match &app.screen {
        Screen::Scoring(s) => Some(s.target.application.clone()),
        _ => None,
    }
}

#[test]
fn ctrl_f_focuses_the_filter_which_narrows_the_list_by_region_or_id() {
    let mut app = dossier_app();
    let mut w = Window::new();
    // Typed before Ctrl+F, the letters go nowhere.
    w.type_text(&mut app, "kust");
    assert_eq!(app.list.filter, "");
    w.ctrl(&mut app, "f");
    w.type_text(&mut app, "TESTKUST");
    assert_eq!(app.list.filter, "TESTKUST");
    assert_eq!(shown_ids(&app), ["A01", "A04", "A08"], "any case, any part");
    assert!(crate::ui_support::shows(
        &app,
        "3 van 9 aanvragen getoond (‘TESTKUST’) · Esc wist het filter"
    ));
    // The rows the list builds are those that match.
    assert!(crate::ui_support::shows(&app, "Regio Testkust-Noord"));
    assert!(!crate::ui_support::shows(&app, "Regio Heuvelrand"));
    // The selection follows the filter, and the arrows move among the rows
    // shown (from inside the field), Enter scores the selected one.
    assert_eq!(app.list.selected, Some(0));
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    assert_eq!(app.list.selected, Some(3), "A04, the next row shown");
    w.named(&mut app, Named::Escape, Modifiers::empty());
    assert_eq!(app.list.filter, "", "Esc clears the filter");
    assert_eq!(shown_ids(&app).len(), 9);
    assert!(!crate::ui_support::shows(
        &app,
        "3 van 9 aanvragen getoond (‘TESTKUST’) · Esc wist het filter"
    ));
    assert_eq!(app.list.selected, Some(3), "the selection is kept");

    // By id: "a0" matches all, "07" only A07.
    w.ctrl(&mut app, "f");
    w.type_text(&mut app, "07");
    assert_eq!(shown_ids(&app), ["A07"]);
    w.named(&mut app, Named::Enter, Modifiers::empty());
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A07")));
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    let mut app = dossier_app();
    let mut w = Window::new();
    w.ctrl(&mut app, "f");
    w.type_text(&mut app, "xyz");
    assert!(shown_ids(&app).is_empty());
    assert_eq!(app.list.selected, None);
    assert!(crate::ui_support::shows(
        &app,
        "Geen aanvraag met ‘xyz’ in nummer of regio · Esc wist het filter"
    ));
    // Enter and the arrows do nothing on an empty list.
    w.named(&mut app, Named::Enter, Modifiers::empty());
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn the_filter_keeps_the_rows_built_in_view_in_a_list_of_1000() {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::synthetic::dossier(&rubric, 1000, 1, 7);
    let ids: Vec<ApplicationId> = dossier.applications.iter().map(|a| a.id.clone()).collect();
    let mut app = App::with_dossier(rubric, dossier, "Beoordelaar 1");
    let mut w = Window::new();
    w.ctrl(&mut app, "f");
    // A00990 to A00999, typed in lower case.
    assert_eq!(ids[999].to_string(), "A01000");
    let needle = "a0099";
    w.type_text(&mut app, needle);
    let session = app.session.as_ref().unwrap();
    let expected: Vec<usize> = session
        .dossier()
        .applications
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.id.to_string().to_lowercase().contains(needle)
                || a.region.to_lowercase().contains(needle)
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(expected.len(), 10);
    assert_eq!(app.list.shown(session), expected);
    // The last match is reached with the keyboard and is then in the view.
    for _ in 0..expected.len() {
        w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    }
    let last = *expected.last().unwrap();
    assert_eq!(app.list.selected, Some(last));
    assert!(
        built(&app, &format!("row-{last}")),
        "the selected row is built"
    );
    assert!(
        !built(&app, "row-0") || expected[0] == 0,
        "a row filtered out is not"
    );
}

/// Whether the view builds the widget with this id.
fn built(app: &App, id: &str) -> bool {
    let mut ui = iced_test::Simulator::with_size(leidraad::ui::theme::settings(), SIZE, app.view());
    ui.find(iced::widget::Id::from(id.to_string())).is_ok()
}

/// Screenshots for a person to look at (`cargo test -- --ignored
/// keyboard_shots`, then open /tmp/keyboard-*-tiny-skia.png).
#[test]
#[ignore]
fn keyboard_shots() {
    fn shot(app: &App, name: &str) {
        let mut ui = iced_test::Simulator::with_size(
            leidraad::ui::theme::settings(),
            (1280.0, 720.0),
            app.view(),
        );
        let snap = ui.snapshot(&leidraad::ui::theme::theme()).unwrap();
        let path = format!("/tmp/keyboard-{name}.png");
        let _ = std::fs::remove_file(format!("/tmp/keyboard-{name}-tiny-skia.png"));
        assert!(snap.matches_image(&path).unwrap());
    }
    let mut app = dossier_app();
    let mut w = Window::new();
    shot(&app, "list");
    w.ctrl(&mut app, "f");
    w.type_text(&mut app, "kust");
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    shot(&app, "list-filter");
    w.named(&mut app, Named::Enter, Modifiers::empty());
    shot(&app, "scoring");
    w.ctrl(&mut app, "z");
    w.ctrl(&mut app, "k");
    shot(&app, "palette-scoring");
    let dir = tempfile::tempdir().unwrap();
    let mut app = example_app(dir.path());
    palette(&mut w, &mut app, "rangschikking", 0);
    w.ctrl(&mut app, "k");
    w.type_text(&mut app, "sort");
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    shot(&app, "palette-ranking");
}

fn assessment_of(app: &App, id: &str) -> Option<leidraad_core::dossier::Assessment> {
    app.session
        .as_ref()
        .unwrap()
        .dossier()
        .assessment(
            &ApplicationId::from(id),
            ASSESSOR,
            leidraad_core::dossier::Round::One,
        )
        .cloned()
}

/// The first knock-out's motivation in the dossier.
fn ko_motivation(app: &App, id: &str) -> String {
    let rubric = Rubric::builtin();
    let ko = &rubric.knockouts[0].id;
    assessment_of(app, id)
        .and_then(|a| a.knockouts.get(ko).map(|j| j.motivation.clone()))
        .unwrap_or_default()
}

#[test]
fn alt_arrows_go_to_the_next_and_previous_application_and_keep_what_was_typed() {
    let mut app = dossier_app();
    let mut w = Window::new();
    // Open A01 from the list by keyboard: Down selects it, Enter scores.
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    w.named(&mut app, Named::Enter, Modifiers::empty());
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
    // The first knock-out: V (voldaan); Tab to its motivation and type,
    // then at once Alt+Right.
    w.type_text(&mut app, "v");
    w.named(&mut app, Named::Tab, Modifiers::empty());
    w.type_text(&mut app, "Helder plan");
    w.named(&mut app, Named::ArrowRight, Modifiers::ALT);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A02")));
    assert_eq!(
        ko_motivation(&app, "A01"),
        "Helder plan",
        "nothing typed is lost"
    );
    let a01 = assessment_of(&app, "A01").unwrap();
    let ko = &Rubric::builtin().knockouts[0].id;
    assert_eq!(
        a01.knockouts[ko].verdict,
        leidraad_core::dossier::Verdict::Met
    );
    assert!(
        app.session.as_ref().unwrap().is_dirty(),
        "to be saved as after leaving"
    );
    assert_eq!(app.list.selected, Some(1), "the list follows");
    // Back with Alt+Left.
    w.named(&mut app, Named::ArrowLeft, Modifiers::ALT);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
    assert_eq!(ko_motivation(&app, "A01"), "Helder plan");
    // Before the first there is nothing: the screen stays.
    w.named(&mut app, Named::ArrowLeft, Modifiers::ALT);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
    // Ctrl+PageDown does the same as Alt+Right.
    w.named(&mut app, Named::PageDown, Modifiers::COMMAND);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A02")));
    w.named(&mut app, Named::PageUp, Modifiers::COMMAND);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
}

#[test]
fn next_application_follows_the_lists_filter_and_the_buttons_too() {
    let mut app = dossier_app();
    let mut w = Window::new();
    w.ctrl(&mut app, "f");
    w.type_text(&mut app, "kust");
    w.named(&mut app, Named::Enter, Modifiers::empty());
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
    w.named(&mut app, Named::ArrowRight, Modifiers::ALT);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A04")));
    // The buttons name their application.
    assert!(crate::ui_support::shows(&app, "← A01 (Alt+←)"));
    assert!(crate::ui_support::shows(&app, "A08 → (Alt+→)"));
    crate::ui_support::interact(&mut app, |ui| {
        crate::ui_support::click(ui, "next-application")
    });
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A08")));
    // The last one shown: no next.
    assert!(crate::ui_support::shows(&app, "Volgende → (Alt+→)"));
    w.named(&mut app, Named::ArrowRight, Modifiers::ALT);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A08")));
}

/// The dossier's value and motivation of C11 (a number field) for A01.
fn c11(app: &App) -> (Option<leidraad_core::dossier::Value>, String) {
    let a = assessment_of(app, "A01").unwrap();
    let id = "C11".into();
    let s = a.criteria.get(&id);
    (
        a.value(&id).cloned(),
        s.map(|s| s.motivation.clone()).unwrap_or_default(),
    )
}

#[test]
fn ctrl_z_undoes_the_last_score_change_through_the_session_and_the_audit_log() {
    use leidraad_core::audit::Field;
    use leidraad_core::dossier::Value;
    let mut app = dossier_app();
    let mut w = Window::tall();
    let _ = app.update(Message::List(list::Message::Score(ApplicationId::from(
        "A01",
    ))));
    // The value, its motivation, then the document (no score change).
    w.click(&mut app, "value-C11");
    w.type_text(&mut app, "12");
    w.named(&mut app, Named::Tab, Modifiers::empty());
    w.type_text(&mut app, "Sterk plan");
    w.named(&mut app, Named::Tab, Modifiers::empty());
    w.type_text(&mut app, "plan.pdf");
    assert_eq!(c11(&app), (Some(Value::Points(12)), "Sterk plan".into()));
    // Change the value: both digits away, then 18 (typing in the field is
    // one change).
    w.click(&mut app, "value-C11");
    w.named(&mut app, Named::Backspace, Modifiers::empty());
    w.named(&mut app, Named::Backspace, Modifiers::empty());
    w.type_text(&mut app, "18");
    assert_eq!(c11(&app).0, Some(Value::Points(18)));

    // Ctrl+Z: 12 is back, in the dossier and in the field.
    w.ctrl(&mut app, "z");
    assert_eq!(c11(&app), (Some(Value::Points(12)), "Sterk plan".into()));
    assert!(crate::ui_support::shows(&app, "12"));
    assert!(!crate::ui_support::shows(&app, "18"));
    assert!(crate::ui_support::shows(
        &app,
        "Ongedaan gemaakt: C11. Ctrl+Z maakt de wijziging daarvoor ongedaan."
    ));
    // Through the one door: the log says what typing 12 back would say
    // (right after the change, the two are one run of typing that ends
    // where it began, so the log holds no change of the value to 18).
    let log = |app: &App| app.session.as_ref().unwrap().dossier().audit.clone();
    let score = log(&app)
        .into_iter()
        .rev()
        .find(|e| e.field == Field::Score)
        .unwrap();
    assert_eq!((score.old.as_str(), score.new.as_str()), ("", "12"));
    leidraad_core::audit::verify(app.session.as_ref().unwrap().dossier()).unwrap();

    // Then the motivation, all of its typing as one change: recorded as a
    // change of its own by the assessor, after the document's entry.
    let before = log(&app).len();
    w.ctrl(&mut app, "z");
    assert_eq!(c11(&app), (Some(Value::Points(12)), String::new()));
    let after = log(&app);
    assert_eq!(after.len(), before + 1);
    let undo = after.last().unwrap();
    assert_eq!(
        (
            undo.field,
            undo.by.as_str(),
            undo.old.as_str(),
            undo.new.as_str()
        ),
        (Field::Motivation, ASSESSOR, "Sterk plan", "")
    );
    let a = assessment_of(&app, "A01").unwrap();
    assert_eq!(
        a.criteria[&"C11".into()].evidence.document,
        "plan.pdf",
        "kept"
    );
    // Then the value's first typing; then nothing is left.
    w.ctrl(&mut app, "z");
    assert_eq!(c11(&app), (None, String::new()));
    w.ctrl(&mut app, "z");
    assert_eq!(c11(&app), (None, String::new()));
    assert!(crate::ui_support::shows(
        &app,
        "Niets om ongedaan te maken (Ctrl+Z)."
    ));
}

#[test]
fn ctrl_z_undoes_a_value_picked_with_the_keyboard_and_a_verdict() {
    use leidraad_core::dossier::Verdict;
    let mut app = dossier_app();
    let mut w = Window::new();
    w.named(&mut app, Named::Enter, Modifiers::empty());
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A01")));
    // The keyboard starts on the first knock-out: V, then T.
    w.type_text(&mut app, "v");
    w.type_text(&mut app, "t");
    let ko = Rubric::builtin().knockouts[0].id.clone();
    let verdict = |app: &App| assessment_of(app, "A01").unwrap().knockouts[&ko].verdict;
    assert_eq!(verdict(&app), Verdict::Doubt);
    w.ctrl(&mut app, "z");
    assert_eq!(verdict(&app), Verdict::Met);
    w.ctrl(&mut app, "z");
    assert_eq!(verdict(&app), Verdict::Open);
}

#[test]
fn ctrl_plus_minus_and_zero_zoom_the_window_and_the_zoom_is_kept_in_the_settings() {
    use leidraad::ui::config::{Config, Places};
    let dir = tempfile::tempdir().unwrap();
    let places = Places {
        config_file: dir.path().join("config/instellingen.ron"),
        data_dir: dir.path().join("data"),
        documents: None,
    };
    let mut app = App::new(Config::default(), Some(places.clone()));
    let mut w = Window::new();
    assert_eq!(app.scale_factor(), 1.0);
    w.ctrl(&mut app, "=");
    assert_eq!(app.scale_factor(), 1.1);
    w.ctrl(&mut app, "+");
    assert_eq!(app.scale_factor(), 1.25);
    assert_eq!(
        Config::load(&places.config_file).zoom.percent(),
        125,
        "saved"
    );
    // A new window starts at the zoom saved.
    let (again, _) = App::boot(None, Some(places.clone()));
    assert_eq!(again.scale_factor(), 1.25);
    w.ctrl(&mut app, "-");
    assert_eq!(app.scale_factor(), 1.1);
    for _ in 0..10 {
        w.ctrl(&mut app, "=");
    }
    assert_eq!(app.scale_factor(), 2.0, "200 % at most");
    w.ctrl(&mut app, "0");
    assert_eq!(app.scale_factor(), 1.0);
    for _ in 0..10 {
        w.ctrl(&mut app, "-");
    }
    assert_eq!(app.scale_factor(), 0.8, "80 % at least");
    assert_eq!(Config::load(&places.config_file).zoom.percent(), 80);
    // The zoom is not typed into a text field.
    let mut app = dossier_app();
    w.ctrl(&mut app, "f");
    w.ctrl(&mut app, "=");
    assert_eq!(app.list.filter, "");
    assert_eq!(app.scale_factor(), 1.1);
    // The header says it, and pressing it goes back to 100 %.
    assert!(crate::ui_support::shows(&app, "110 %"));
    crate::ui_support::interact(&mut app, |ui| {
        ui.click("110 %").unwrap();
    });
    assert_eq!(app.scale_factor(), 1.0);
    assert!(!crate::ui_support::shows(&app, "110 %"));
}

/// The example dossier (invented regions, two rounds, disagreements),
/// opened from a copy.
fn example_app(dir: &std::path::Path) -> App {
    let path = dir.join("voorbeeld.ron");
    std::fs::write(&path, leidraad_core::dossier::EXAMPLE_SOURCE).unwrap();
    let config = leidraad::ui::config::Config {
        assessor: "M. Jansen".into(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    assert!(matches!(app.screen, Screen::List));
    app
}

/// Ctrl+K, type `query`, press Down `down` times, then Enter.
fn palette(w: &mut Window, app: &mut App, query: &str, down: usize) {
    w.ctrl(app, "k");
    assert!(app.palette.is_some(), "the palette is open");
    w.type_text(app, query);
    for _ in 0..down {
        w.named(app, Named::ArrowDown, Modifiers::empty());
    }
    w.named(app, Named::Enter, Modifiers::empty());
    assert!(app.palette.is_none(), "the palette closes after its action");
}

#[test]
fn the_palette_reaches_the_ranking_the_panel_and_the_disagreements_by_keyboard_only() {
    use leidraad::ui::screen::{panel, ranking};
    let dir = tempfile::tempdir().unwrap();
    let mut app = example_app(dir.path());
    let mut w = Window::new();

    // To the ranking, and its table sorted by region.
    palette(&mut w, &mut app, "rangschikking", 0);
    assert!(matches!(app.screen, Screen::Ranking(_)));
    palette(&mut w, &mut app, "sorteren regio", 0);
    let Screen::Ranking(r) = &app.screen else {
        panic!("still the ranking")
    };
    assert_eq!(r.sort.column, ranking::Column::Region);
    palette(&mut w, &mut app, "weergave heatmap", 0);
    let Screen::Ranking(r) = &app.screen else {
        panic!("still the ranking")
    };
    assert!(matches!(r.pane, ranking::Pane::Chart(_)));

    // To the disagreements, and the first one side by side in the panel.
    palette(&mut w, &mut app, "verschillen tussen", 0);
    let Screen::Disagreements(d) = &app.screen else {
        panic!("the disagreements")
    };
    assert!(!d.flags.is_empty(), "the example has disagreements");
    let flagged = d.flags[0].application().clone();
    palette(&mut w, &mut app, "verschil 1:", 0);
    let Screen::Panel(p) = &app.screen else {
        panic!("the panel")
    };
    assert_eq!(p.application, flagged);
    // The panel's tabs, chosen with the arrows: the entries in order.
    let tabs: Vec<String> = {
        w.ctrl(&mut app, "k");
        w.type_text(&mut app, "tabblad");
        let labels = app.palette_entries().into_iter().map(|c| c.label).collect();
        w.named(&mut app, Named::Escape, Modifiers::empty());
        labels
    };
    assert_eq!(tabs.len(), panel::Tab::ALL.len());
    palette(&mut w, &mut app, "tabblad", 1);
    let Screen::Panel(p) = &app.screen else {
        panic!("the panel")
    };
    assert_eq!(p.tab, panel::Tab::ALL[1]);
    // Esc closes the palette and does nothing else.
    w.ctrl(&mut app, "k");
    w.type_text(&mut app, "terug");
    w.named(&mut app, Named::Escape, Modifiers::empty());
    assert!(app.palette.is_none());
    assert!(matches!(app.screen, Screen::Panel(_)));
    // Back, from the palette: to the disagreements it came from.
    palette(&mut w, &mut app, "terug", 0);
    assert!(matches!(app.screen, Screen::Disagreements(_)));
}

#[test]
fn the_palette_shows_the_shortcuts_and_reaches_the_start_and_the_list() {
    let mut app = dossier_app();
    let mut w = Window::new();
    w.ctrl(&mut app, "k");
    assert!(crate::ui_support::shows(&app, "Opdrachten (Ctrl+K)"));
    // Each entry with its shortcut beside it.
    for keys in ["Ctrl+S", "Ctrl+N", "Ctrl+F", "Ctrl+=", "Ctrl+0"] {
        assert!(crate::ui_support::shows(&app, keys), "{keys}");
    }
    // Typing narrows the list: an application by its region.
    w.type_text(&mut app, "beoordelen veendal");
    let entries = app.palette_entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    w.named(&mut app, Named::Enter, Modifiers::empty());
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A05")));
    // Undo and the next application are there on the scoring screen.
    w.ctrl(&mut app, "k");
    w.type_text(&mut app, "ongedaan");
    assert_eq!(app.palette_entries()[0].keys, Some("Ctrl+Z"));
    w.named(&mut app, Named::Escape, Modifiers::empty());
    palette(&mut w, &mut app, "volgende aanvraag", 0);
    assert_eq!(scoring_id(&app), Some(ApplicationId::from("A06")));
    // Zoom from the palette.
    palette(&mut w, &mut app, "groter", 0);
    assert_eq!(app.scale_factor(), 1.1);
    // To the start screen, and from there to the self-check.
    palette(&mut w, &mut app, "start", 0);
    assert!(matches!(app.screen, Screen::Start(_)));
    palette(&mut w, &mut app, "zelftoets", 0);
    assert!(matches!(app.screen, Screen::SelfCheck(_)));
}

#[test]
fn the_keyboards_place_is_drawn_the_selected_row_and_the_focused_field() {
    let mut app = dossier_app();
    let mut w = Window::new();
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    assert_eq!(app.list.selected, Some(1));
    // Inside each card, in its padding: the selected one is tinted blue,
    // the others are white.
    let inside = |b: iced::Rectangle| (b.x + 6.0, b.y + 6.0);
    let selected = w.bounds_of(&app, "row-1").unwrap();
    let other = w.bounds_of(&app, "row-0").unwrap();
    let (x, y) = inside(selected);
    assert_eq!(w.pixel(&app, x, y), [229, 238, 246], "the tint of the row");
    let (x, y) = inside(other);
    assert_eq!(w.pixel(&app, x, y), [255, 255, 255]);
    // The border of the selected row is the focus blue.
    assert_eq!(
        w.pixel(&app, selected.x + 1.0, selected.center_y()),
        [1, 64, 113]
    );

    // The filter field: grey, then the focus blue once Ctrl+F put the
    // keyboard there.
    let field = w.bounds_of(&app, list::FILTER).unwrap();
    let edge = (field.x, field.center_y());
    let before = w.pixel(&app, edge.0, edge.1);
    w.ctrl(&mut app, "f");
    let after = w.pixel(&app, edge.0, edge.1);
    assert_ne!(before, after);
    assert_eq!(after, [1, 64, 113], "the focus blue");

    // The palette: the chosen entry is filled, and follows the arrows.
    w.named(&mut app, Named::Escape, Modifiers::empty());
    w.ctrl(&mut app, "k");
    w.named(&mut app, Named::ArrowDown, Modifiers::empty());
    let first = w.bounds_of(&app, "palette-0").unwrap();
    let second = w.bounds_of(&app, "palette-1").unwrap();
    assert_eq!(w.pixel(&app, second.x + 4.0, second.y + 4.0), [1, 64, 113]);
    assert_eq!(w.pixel(&app, first.x + 4.0, first.y + 4.0), [255, 255, 255]);
    w.named(&mut app, Named::ArrowUp, Modifiers::empty());
    assert_eq!(w.pixel(&app, first.x + 4.0, first.y + 4.0), [1, 64, 113]);
}

#[test]
fn the_palette_reaches_the_forms_the_mouse_opened_the_package_and_the_consensus() {
    use leidraad::ui::screen::panel;
    let dir = tempfile::tempdir().unwrap();
    let mut app = example_app(dir.path());
    let mut w = Window::new();
    let assessor = app.session.as_ref().unwrap().dossier().assessors[0]
        .name
        .clone();
    palette(&mut w, &mut app, "pakket maken", 0);
    assert!(app.list.package.is_some(), "the package form is open");
    palette(&mut w, &mut app, &format!("pakket voor {assessor}"), 0);
    assert_eq!(
        app.list.package.as_ref().unwrap().assessor.as_deref(),
        Some(assessor.as_str())
    );
    palette(&mut w, &mut app, "annuleren", 0);
    assert!(app.list.package.is_none());

    // The consensus tab of the first application's panel: its choices.
    palette(&mut w, &mut app, "panel: a01", 0);
    palette(&mut w, &mut app, "tabblad consensus", 0);
    let Screen::Panel(p) = &app.screen else {
        panic!("the panel")
    };
    assert_eq!(p.tab, panel::Tab::Consensus);
    w.ctrl(&mut app, "k");
    w.type_text(&mut app, "consensus ko1:");
    let labels: Vec<String> = app.palette_entries().into_iter().map(|c| c.label).collect();
    assert_eq!(labels.len(), 4, "the four verdicts: {labels:?}");
    w.type_text(&mut app, " twijfel");
    assert_eq!(app.palette_entries().len(), 1);
    w.named(&mut app, Named::Escape, Modifiers::empty());
}
