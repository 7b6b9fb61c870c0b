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
use leidraad::ui::strings;
use leidraad_core::dossier::{ApplicationId, EXAMPLE_SOURCE, Round, Verdict};
use leidraad_core::edit::{self, EditError};
use leidraad_core::rubric::CriterionId;
use leidraad_core::session::ReadOnly;
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
    match &s2.read_only() {
        Some(ReadOnly::OpenElsewhere(by)) => assert_eq!(by.pid, std::process::id()),
        other => panic!("the second window is not read-only: {other:?}"),
    }
    // The banner says so, in Dutch, on the list.
    let banner = strings::read_only(s2.read_only().unwrap());
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
    let dossier_before = second.session.as_ref().unwrap().dossier().clone();
    assert_eq!(judge_ko(&mut second), Err(EditError::ReadOnly));
    assert_eq!(
        strings::edit_error(&EditError::ReadOnly),
        strings::READ_ONLY_EDIT_REFUSED
    );
    let s2 = second.session.as_ref().unwrap();
    assert_eq!(s2.dossier(), &dossier_before);
    assert!(!s2.is_dirty());

    // Ctrl+S and the autosave write nothing.
    crate::ui_support::run(&mut second, Message::Save);
    crate::ui_support::run(&mut second, Message::AutosaveDue);
    // No screen can change the dossier past the session (it is private to
    // it), and the session refuses to save a read-only dossier.
    let s2 = second.session.as_mut().unwrap();
    assert!(matches!(
        s2.save_over_changes(),
        Ok(()) | Err(leidraad_core::session::SaveError::ReadOnly(_))
    ));
    let refused: Result<(), leidraad_core::session::ReadOnlyError> = s2.edit(|_, d| {
        d.title = "Gewijzigd".to_string();
        Ok(())
    });
    assert!(refused.is_err() && s2.dossier().title != "Gewijzigd");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert!(!store::backup_path(&path).exists(), "no backup was made");

    // The first window still edits and saves.
    let mut first = first;
    judge_ko(&mut first).expect("the first window edits");
    crate::ui_support::run(&mut first, Message::Save);
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
    let banner = strings::read_only(
        app.session
            .as_ref()
            .unwrap()
            .read_only()
            .expect("read-only"),
    );
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
        // The panel's decisions and a withdrawal go through the same door.
        vec![
            "decide".as_ref(),
            path.as_os_str(),
            "tie-break".as_ref(),
            "--award".as_ref(),
            "A07".as_ref(),
            "--by".as_ref(),
            "M. Jansen".as_ref(),
            "--motivation".as_ref(),
            "Gesprek.".as_ref(),
        ],
        vec![
            "withdraw".as_ref(),
            path.as_os_str(),
            "--application".as_ref(),
            "A01".as_ref(),
            "--round".as_ref(),
            "1".as_ref(),
            "--assessor".as_ref(),
            "Femke Hoogland".as_ref(),
            "--reason".as_ref(),
            "Verkeerde aanvraag.".as_ref(),
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

/// The tester's race: the window's open slowed down between taking the
/// lock and reading the file, and `leidraad import-csv --into` run in that
/// moment. The window's open goes through `Session::open` (the only way
/// `App::open_path` opens a dossier), which takes the lock first: the
/// import is refused and changes nothing, so the window's later save
/// cannot overwrite it.
#[test]
fn an_import_while_the_window_is_opening_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let csv = dir.path().join("scores.csv");
    std::fs::write(
        &csv,
        "application,region,assessor,round,criterion,value,motivation\n\
         A01,Regio Lindewaard,Nieuwe Beoordelaar,1,KO1,voldaan,Aannemelijk.\n",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut import = None;
    let mut session = leidraad_core::session::Session::open_observed(
        &path,
        None,
        leidraad_core::session::Access::WriteOrReadOnly,
        || {
            import = Some(
                std::process::Command::new(assert_cmd::cargo::cargo_bin("leidraad"))
                    .args(["import-csv", "--into"])
                    .arg(&path)
                    .arg(&csv)
                    .output()
                    .unwrap(),
            );
        },
    )
    .unwrap();
    let import = import.expect("the import ran while the window was opening");
    assert_eq!(import.status.code(), Some(1), "the import is refused");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(
        stderr.contains("is open elsewhere") && stderr.contains("Nothing was changed"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert!(session.holds_lock() && !session.is_read_only());
    // The window's work is saved over exactly what it read.
    session
        .edit(|_, d| {
            d.title = "Na het openen".into();
            Ok::<_, leidraad_core::session::ReadOnlyError>(())
        })
        .unwrap();
    session
        .save()
        .expect("nothing changed behind the window's back");
}

/// Another program (a text editor, a sync client: something that ignores
/// the lock) changes the dossier while a window has it open. The window's
/// next save writes nothing, says so, and offers to reload or to keep its
/// own version.
#[test]
fn a_change_on_disk_is_shown_and_can_be_reloaded_instead_of_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let mut app = window(&path);
    judge_ko(&mut app).expect("the window edits");
    // Another program rewrites the file: a new title.
    let theirs = EXAMPLE_SOURCE.replacen(
        "title: \"",
        "title: \"Door een ander programma gewijzigd: ",
        1,
    );
    assert_ne!(theirs, EXAMPLE_SOURCE);
    std::fs::write(&path, &theirs).unwrap();
    crate::ui_support::run(&mut app, Message::Save);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing was overwritten"
    );
    assert_eq!(
        app.save_status.problem,
        Some(leidraad::ui::app::SaveProblem::ChangedOnDisk)
    );
    assert!(shows(&app, strings::CHANGED_ON_DISK));
    // The autosave does not write over it either.
    crate::ui_support::run(&mut app, Message::AutosaveDue);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // Reload: the other program's version is what the window shows now.
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        (1400.0, 1200.0),
        app.view(),
    );
    ui.click(strings::RELOAD_FROM_DISK)
        .expect("the reload button");
    for m in ui.into_messages().collect::<Vec<_>>() {
        crate::ui_support::run(&mut app, m);
    }
    let s = app.session.as_ref().unwrap();
    assert!(
        s.dossier()
            .title
            .starts_with("Door een ander programma gewijzigd: ")
    );
    assert!(!s.is_dirty() && app.save_status.problem.is_none());
    assert!(s.holds_lock(), "the window keeps the dossier's lock");
}

/// Keeping this window's version writes it, and the other program's
/// version is kept as the backup.
#[test]
fn keeping_the_windows_version_saves_it_and_backs_up_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let mut app = window(&path);
    judge_ko(&mut app).expect("the window edits");
    let theirs = EXAMPLE_SOURCE.replacen("title: \"", "title: \"Anders: ", 1);
    std::fs::write(&path, &theirs).unwrap();
    crate::ui_support::run(&mut app, Message::Save);
    assert!(app.save_status.problem.is_some());
    crate::ui_support::run(&mut app, Message::KeepMine);
    assert!(app.save_status.problem.is_none());
    let (_, saved) = leidraad::cli::open(&path, None).unwrap();
    assert_eq!(
        saved
            .assessment(&ApplicationId::from("A03"), ASSESSOR, Round::One)
            .map(|a| a.verdict(&CriterionId::from("KO1"))),
        Some(Verdict::Met)
    );
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        theirs
    );
}
