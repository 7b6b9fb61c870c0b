//! The dossier lock in the window: a dossier that another window (or
//! program) has open is opened read-only, refuses every change, is never
//! written, and says so in a banner; closing the first window frees it.
//!
//! The two "windows" are two `App`s in this one process; the lock is a file
//! beside the dossier (`NAME.ron.lock`), so two processes behave the same.

use std::path::{Path, PathBuf};

use iced_test::Simulator;

use leidraad::ui::app::{App, Message};
use leidraad::ui::config::Config;
use leidraad::ui::session::ReadOnly;
use leidraad::ui::strings;
use leidraad_core::dossier::{ApplicationId, EXAMPLE_SOURCE, Round, Verdict};
use leidraad_core::edit::{self, EditError};
use leidraad_core::rubric::CriterionId;
use leidraad_core::store::{self, Lock};

const ASSESSOR: &str = "Tess Beoordelaar";

fn example_file(dir: &Path) -> PathBuf {
    let path = dir.join("dossier.ron");
    std::fs::write(&path, EXAMPLE_SOURCE).unwrap();
    path
}

fn window(path: &Path) -> App {
    let config = Config {
        assessor: ASSESSOR.to_string(),
        ..Config::default()
    };
    let mut app = App::new(config, None);
    app.open_path(path);
    assert!(app.session.is_some(), "the dossier opened");
    app
}

fn shows(app: &App, text: &str) -> bool {
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        (1400.0, 1200.0),
        app.view(),
    );
    ui.find(text).is_ok()
}

/// An edit as the scoring screen makes it: a knock-out judgement.
fn judge_ko(app: &mut App) -> Result<(), EditError> {
    let session = app.session.as_mut().unwrap();
    let target = edit::Target {
        application: ApplicationId::from("A03"),
        assessor: ASSESSOR.to_string(),
        round: Round::One,
    };
    session.edit(|r, d| {
        edit::set_verdict(
            r,
            d,
            &target,
            &CriterionId::from("KO1"),
            Verdict::Met,
            leidraad_core::dossier::now(),
        )
    })
}

#[test]
fn a_second_window_opens_the_dossier_read_only_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let first = window(&path);
    let s1 = first.session.as_ref().unwrap();
    assert!(s1.holds_lock() && !s1.is_read_only());
    assert!(store::lock_path(&path).exists());

    let before = std::fs::read(&path).unwrap();
    let mut second = window(&path);
    let s2 = second.session.as_ref().unwrap();
    assert!(!s2.holds_lock());
    match &s2.read_only {
        Some(ReadOnly::OpenElsewhere(by)) => assert_eq!(by.pid, std::process::id()),
        other => panic!("the second window is not read-only: {other:?}"),
    }
    // The banner says so, in Dutch, on the list.
    let banner = s2.read_only.as_ref().unwrap().message();
    assert!(
        banner.starts_with(&format!(
            "Dit dossier is al geopend in een ander venster (door proces {} op ",
            std::process::id()
        )),
        "{banner}"
    );
    assert!(shows(&second, &banner), "no banner: {banner}");
    assert!(!shows(&first, &banner), "the first window has no banner");
    assert!(banner.ends_with("U kunt het alleen lezen; wijzigingen worden niet opgeslagen."));

    // An edit is refused, with a Dutch message, and changes nothing.
    let dossier_before = second.session.as_ref().unwrap().dossier.clone();
    assert_eq!(judge_ko(&mut second), Err(EditError::ReadOnly));
    assert_eq!(
        strings::edit_error(&EditError::ReadOnly),
        strings::READ_ONLY_EDIT_REFUSED
    );
    let s2 = second.session.as_ref().unwrap();
    assert_eq!(s2.dossier, dossier_before);
    assert!(!s2.is_dirty());

    // Ctrl+S and the autosave write nothing.
    let _ = second.update(Message::Save);
    let _ = second.update(Message::AutosaveDue);
    // A screen that changes the dossier directly (a decision) is not saved
    // either: the session reports it instead.
    let s2 = second.session.as_mut().unwrap();
    s2.dossier.title = "Gewijzigd".to_string();
    s2.touch();
    s2.save();
    assert_eq!(s2.save_error.as_deref(), Some(strings::READ_ONLY_NOT_SAVED));
    let _ = second.update(Message::AutosaveDue);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert!(!store::backup_path(&path).exists(), "no backup was made");

    // The first window still edits and saves.
    let mut first = first;
    judge_ko(&mut first).expect("the first window edits");
    let _ = first.update(Message::Save);
    assert_ne!(std::fs::read(&path).unwrap(), before);

    // Closing the second window leaves the first one's lock alone.
    drop(second);
    assert!(store::lock_path(&path).exists());
    // Closing the first releases it: a new window may edit.
    drop(first);
    assert!(!store::lock_path(&path).exists(), "the lock is released");
    let mut third = window(&path);
    assert!(third.session.as_ref().unwrap().holds_lock());
    judge_ko(&mut third).expect("the dossier is editable again");
}

#[test]
fn closing_the_window_and_opening_another_dossier_release_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let a = example_file(dir.path());
    let b = dir.path().join("ander.ron");
    std::fs::write(&b, EXAMPLE_SOURCE).unwrap();

    let mut app = window(&a);
    assert!(store::lock_path(&a).exists());
    // Opening the same file again in the same window is not "elsewhere".
    app.open_path(&a);
    let s = app.session.as_ref().unwrap();
    assert!(s.holds_lock() && !s.is_read_only());
    // Another dossier: the first is released, the second locked.
    app.open_path(&b);
    assert!(!store::lock_path(&a).exists());
    assert!(store::lock_path(&b).exists());
    // The window's close button releases it too (the app may not be
    // dropped when the event loop ends).
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    assert!(!store::lock_path(&b).exists(), "closing releases the lock");
}

#[test]
fn a_lock_held_by_another_program_makes_the_window_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    // Another computer sharing the folder: its lock is never judged stale.
    std::fs::write(
        store::lock_path(&path),
        "pid=4242\nhost=werkplek-17\nsince=2022-08-10T09:30:00Z\n",
    )
    .unwrap();
    let mut app = window(&path);
    let banner = app
        .session
        .as_ref()
        .unwrap()
        .read_only
        .as_ref()
        .expect("read-only")
        .message();
    assert!(
        banner.starts_with(
            "Dit dossier is al geopend in een ander venster (door proces 4242 op werkplek-17 sinds "
        ),
        "{banner}"
    );
    assert!(banner.contains("-08-2022 "), "the time is shown: {banner}");
    assert_eq!(judge_ko(&mut app), Err(EditError::ReadOnly));
    drop(app);
    assert!(
        store::lock_path(&path).exists(),
        "the other program's lock stays"
    );
    // And the store's own lock agrees.
    assert!(Lock::acquire(&path).is_err());
}

#[test]
fn the_commands_that_write_a_dossier_refuse_while_a_window_has_it_open() {
    let bin = env!("CARGO_BIN_EXE_leidraad");
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let package = dir.path().join("pakket.ron");
    let scores = dir.path().join("scores.csv");
    let run =
        |args: &[&std::ffi::OsStr]| std::process::Command::new(bin).args(args).output().unwrap();
    let out = run(&[
        "package".as_ref(),
        path.as_os_str(),
        "--assessor".as_ref(),
        "Femke Hoogland".as_ref(),
        "--out".as_ref(),
        package.as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let out = run(&["export-csv".as_ref(), path.as_os_str()]);
    std::fs::write(&scores, &out.stdout).unwrap();

    let window = window(&path);
    let before = std::fs::read(&path).unwrap();
    for args in [
        vec![
            "import-result".as_ref(),
            path.as_os_str(),
            package.as_os_str(),
        ],
        vec![
            "import-csv".as_ref(),
            "--into".as_ref(),
            path.as_os_str(),
            scores.as_os_str(),
        ],
    ] {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("is open elsewhere (process ")
                && stderr.contains("close it there first. Nothing was changed."),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before, "{args:?}");
    }
    // Reading is never refused.
    assert!(run(&["check".as_ref(), path.as_os_str()]).status.success());
    drop(window);
    let out = run(&[
        "import-result".as_ref(),
        path.as_os_str(),
        package.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !store::lock_path(&path).exists(),
        "the command released its lock"
    );
}
