//! The self-check keeps the applicant's answers as they are typed, in the
//! data folder, and resumes them on the next start; only "Nieuwe
//! zelftoets", confirmed, starts afresh.

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::config::{Config, Places};
use leidraad::ui::screen::{selfcheck, start};
use leidraad::ui::strings;

use crate::ui_support::shows;

fn places(dir: &std::path::Path) -> Places {
    Places {
        config_file: dir.join("config/instellingen.ron"),
        data_dir: dir.join("data"),
        documents: None,
    }
}

/// A window as at a start: the start screen, then the self-check.
fn start_selfcheck(dir: &std::path::Path) -> App {
    let mut app = App::new(Config::default(), Some(places(dir)));
    let _ = app.update(Message::Start(start::Message::SelfCheck));
    assert!(matches!(app.screen, Screen::SelfCheck(_)));
    app
}

fn title(app: &App) -> String {
    match &app.screen {
        Screen::SelfCheck(s) => s.check.title.clone(),
        _ => panic!("not the self-check"),
    }
}

/// A message, and what it starts run as the runtime would (the working
/// copy is written after a pause, off the window's thread).
fn send(app: &mut App, m: selfcheck::Message) {
    crate::ui_support::run(app, Message::SelfCheck(m));
}

#[test]
fn the_selfcheck_is_kept_as_typed_and_resumed_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_selfcheck(dir.path());
    send(
        &mut app,
        selfcheck::Message::Title("Concept Regio Zuidw".into()),
    );
    send(
        &mut app,
        selfcheck::Message::Title("Concept Regio Zuidwaard".into()),
    );
    let kept = dir.path().join("data").join(selfcheck::WORKING_FILE);
    let text = std::fs::read_to_string(&kept).expect("kept in the data folder as typed");
    assert!(text.contains("Concept Regio Zuidwaard"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "user-only: {mode:o}");
    }
    // "Start" and the window closed: nothing is lost.
    let _ = app.update(Message::Home);
    drop(app);
    let mut app = start_selfcheck(dir.path());
    assert_eq!(title(&app), "Concept Regio Zuidwaard");
    let resumed = strings::selfcheck_resumed(&kept.display().to_string());
    assert!(shows(&app, &resumed), "the resume is said");

    // "Nieuwe zelftoets" asks first; cancelled, everything stays.
    send(&mut app, selfcheck::Message::New);
    assert!(shows(&app, strings::SELFCHECK_NEW_CONFIRM));
    send(&mut app, selfcheck::Message::NewCancelled);
    assert_eq!(title(&app), "Concept Regio Zuidwaard");
    assert!(!shows(&app, strings::SELFCHECK_NEW_CONFIRM));
    // Confirmed: blank, and the next start is blank too.
    send(&mut app, selfcheck::Message::New);
    send(&mut app, selfcheck::Message::NewConfirmed);
    assert_eq!(title(&app), "");
    let app = start_selfcheck(dir.path());
    assert_eq!(title(&app), "");
}

#[test]
fn a_working_copy_that_does_not_load_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("data").join(selfcheck::WORKING_FILE);
    std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
    std::fs::write(&kept, "SelfCheck(kapot").unwrap();
    let mut app = start_selfcheck(dir.path());
    match &app.screen {
        Screen::SelfCheck(s) => {
            let (ok, notice) = s.notice.clone().expect("a notice");
            assert!(!ok);
            assert!(
                notice.contains("kon niet worden gelezen en is ongemoeid gelaten"),
                "{notice}"
            );
            assert!(shows(&app, &notice));
        }
        _ => panic!("not the self-check"),
    }
    send(&mut app, selfcheck::Message::Title("Nieuw".into()));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "SelfCheck(kapot");
}

#[test]
fn an_empty_budget_is_not_shown_as_adding_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_selfcheck(dir.path());
    send(&mut app, selfcheck::Message::Go(selfcheck::Step::Budget));
    assert!(!shows(&app, strings::SELFCHECK_BUDGET_OK));
    assert!(shows(&app, strings::SELFCHECK_BUDGET_EMPTY));
    send(
        &mut app,
        selfcheck::Message::Amount(selfcheck::Amount::Requested, "0".into()),
    );
    assert!(
        !shows(&app, strings::SELFCHECK_BUDGET_EMPTY),
        "an amount was entered"
    );
}

#[test]
fn a_key_does_not_wait_for_the_disk_the_copy_follows_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_selfcheck(dir.path());
    let kept = dir.path().join("data").join(selfcheck::WORKING_FILE);
    let task = app.update(Message::SelfCheck(selfcheck::Message::Title(
        "Concept Regio Zuidwaard".into(),
    )));
    assert!(!kept.exists(), "not written on the key itself");
    crate::ui_support::settle(&mut app, task);
    let text = std::fs::read_to_string(&kept).expect("written after the pause");
    assert!(text.contains("Concept Regio Zuidwaard"), "{text}");
}

#[test]
fn a_close_right_after_typing_still_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("data").join(selfcheck::WORKING_FILE);
    for leave in [
        Message::CloseRequested(iced::window::Id::unique()),
        Message::SelfCheck(selfcheck::Message::Home),
        Message::Home,
    ] {
        let _ = std::fs::remove_file(&kept);
        let mut app = start_selfcheck(dir.path());
        let typed = format!("Concept {leave:?}");
        // The pause this starts is never run: the window goes first.
        let _ = app.update(Message::SelfCheck(selfcheck::Message::Title(typed.clone())));
        let _ = app.update(leave);
        let text = std::fs::read_to_string(&kept).expect("kept on leaving");
        assert!(text.contains(&typed), "{typed}: {text}");
    }
}
