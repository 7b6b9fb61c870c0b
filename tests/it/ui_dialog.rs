//! File actions on a desktop without a system file dialog: the window's own
//! dialog answers (never a silent "cancelled"), lists the folder's matching
//! files, says what to install, and the action goes on with its answer.

use std::path::Path;
use std::time::Duration;

use iced::keyboard::{Key, Modifiers};
use leidraad::ui::app::{App, ExportNotice, KeyPress, Message};
use leidraad::ui::config::Config;
use leidraad::ui::dialog::{builtin, system};
use leidraad::ui::screen::list;
use leidraad::ui::strings;
use leidraad_core::rubric::Rubric;

use crate::ui_support::{interact, shows};

/// One test at a time drives the built-in dialog: its requests share one
/// queue.
pub static QUEUE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Run `task` (which asks for a file) on a thread, as the runtime would,
/// show the request it makes in `app`, let `answer` work the dialog, then
/// feed what the task produced back to `app`.
pub fn through_builtin_dialog(
    app: &mut App,
    task: iced::Task<Message>,
    answer: impl FnOnce(&mut App),
) {
    use iced::futures::StreamExt;
    let stream = iced_runtime::task::into_stream(task).expect("the action asks for a file");
    let waiting = std::thread::spawn(move || {
        iced::futures::executor::block_on(stream.collect::<Vec<_>>())
            .into_iter()
            .filter_map(|a| match a {
                iced_runtime::Action::Output(m) => Some(m),
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    let request = builtin::next_request(Duration::from_secs(20))
        .expect("without a system dialog the window's own dialog is asked for");
    let _ = app.update(Message::DialogRequested(request));
    assert!(app.builtin_dialog.is_some(), "the built-in dialog is shown");
    answer(app);
    assert!(app.builtin_dialog.is_none(), "the dialog closed");
    for m in waiting.join().expect("the action finished") {
        crate::ui_support::run(app, m);
    }
}

fn ctrl_o() -> Message {
    Message::Key(KeyPress {
        key: Key::Character("o".into()),
        typed: None,
        modifiers: Modifiers::CTRL,
        captured: false,
    })
}

fn type_path(app: &mut App, path: &Path) {
    let _ = app.update(Message::Dialog(builtin::Message::PathChanged(
        path.display().to_string(),
    )));
}

#[test]
fn without_a_system_dialog_ctrl_o_opens_a_dossier_through_the_builtin_dialog() {
    let _one = QUEUE.lock().unwrap_or_else(|e| e.into_inner());
    system::force_builtin(true);
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("mijn-dossier.ron");
    std::fs::write(&dossier, leidraad_core::dossier::EXAMPLE_SOURCE).unwrap();
    std::fs::write(dir.path().join("aantekeningen.txt"), "niet tonen").unwrap();
    std::fs::create_dir(dir.path().join("oud")).unwrap();

    let mut app = App::new(Config::default(), None);
    let task = app.update(ctrl_o());
    through_builtin_dialog(&mut app, task, |app| {
        assert!(shows(app, strings::DIALOG_BUILTIN_FORCED), "says why");
        assert!(shows(app, strings::OPEN_DOSSIER), "says what is asked");
        type_path(app, dir.path());
        assert!(
            shows(app, "mijn-dossier.ron"),
            "the matching file is listed"
        );
        assert!(shows(app, "oud/"), "subfolders are listed");
        assert!(!shows(app, "aantekeningen.txt"), "other files are not");
        // A path that is no file is not taken, and the dialog says why.
        type_path(app, &dir.path().join("weg.ron"));
        let _ = app.update(Message::Dialog(builtin::Message::Choose));
        assert!(app.builtin_dialog.is_some());
        let missing = dir.path().join("weg.ron").display().to_string();
        assert!(shows(app, &strings::dialog_no_file(&missing)));
        type_path(app, dir.path());
        interact(app, |ui| {
            ui.click("mijn-dossier.ron")
                .unwrap_or_else(|e| panic!("click the file: {e:?}"));
        });
    });
    let session = app.session.as_ref().expect("the chosen dossier is open");
    assert_eq!(session.path(), Some(dossier.as_path()));
}

#[test]
fn the_builtin_dialog_cancelled_leaves_all_as_it_was_and_a_folder_export_says_where() {
    let _one = QUEUE.lock().unwrap_or_else(|e| e.into_inner());
    system::force_builtin(true);
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::store::parse_dossier(
        leidraad_core::dossier::EXAMPLE_SOURCE,
        "voorbeelddossier.ron",
        &rubric,
    )
    .unwrap();
    let mut app = App::with_dossier(rubric, dossier, "Femke Hoogland");

    // Esc cancels: nothing is written, nothing is said to have failed.
    let task = app.update(Message::List(list::Message::ExportAll));
    through_builtin_dialog(&mut app, task, |app| {
        let _ = app.update(Message::Key(KeyPress {
            key: Key::Named(iced::keyboard::key::Named::Escape),
            typed: None,
            modifiers: Modifiers::empty(),
            captured: false,
        }));
    });
    assert_eq!(app.export, None);

    let out = tempfile::tempdir().unwrap();
    let task = app.update(Message::List(list::Message::ExportAll));
    through_builtin_dialog(&mut app, task, |app| {
        type_path(app, out.path());
        let _ = app.update(Message::Dialog(builtin::Message::Choose));
    });
    let written = std::fs::read_dir(out.path()).unwrap().count();
    assert!(written > 0, "the PDFs are in the chosen folder");
    match &app.export {
        Some(ExportNotice::Done { message, open }) => {
            assert_eq!(open, out.path());
            assert!(
                message.contains(&out.path().display().to_string()),
                "{message}"
            );
        }
        other => panic!("the export says where the files went: {other:?}"),
    }
}
