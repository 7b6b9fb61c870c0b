//! The spreadsheet export: `leidraad export-sheet` and the ranking
//! screen's "Als spreadsheet…", read back with calamine.

use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, open_workbook_auto};
use iced_test::Simulator;

use leidraad::ui::app::{App, ExportNotice, Message};
use leidraad::ui::screen::{list, ranking};
use leidraad::ui::strings;
use leidraad_core::dossier::Round;

const EXAMPLE: &str = "assets/voorbeelddossier.ron";

fn leidraad() -> Command {
    let mut cmd = Command::cargo_bin("leidraad").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The row of `id` in a ranking sheet: its cells.
fn ranking_row(path: &Path, sheet: &str, id: &str) -> Vec<Data> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .find(|r| r.get(1) == Some(&Data::String(id.into())))
        .unwrap_or_else(|| panic!("{sheet}: no row for {id}"))
        .to_vec()
}

#[test]
fn export_sheet_writes_a_workbook_in_the_format_its_name_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["rangschikking.xlsx", "rangschikking.ods"] {
        let out = dir.path().join(name);
        let o = leidraad()
            .args(["export-sheet", EXAMPLE, "--out", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stderr).contains(name));
        let book = open_workbook_auto(&out).unwrap();
        assert_eq!(
            book.sheet_names().len(),
            7,
            "{name}: two rounds and three more"
        );
        // The example's round 2: A01 first with 75 points, a number.
        let a01 = ranking_row(&out, "Rangschikking ronde 2", "A01");
        assert_eq!(a01[0], Data::Float(1.0), "{name}");
        assert_eq!(a01[3], Data::Float(75.0), "{name}");
        assert_eq!(a01[4], Data::String("toegekend".into()), "{name}");
        // The tie at the award line, not yet decided, in Dutch.
        let a04 = ranking_row(&out, "Rangschikking ronde 2", "A04");
        assert_eq!(a04[4], Data::String("gelijke stand".into()), "{name}");
        assert_eq!(a04[6], Data::Float(1.0), "{name}: tie group 1");
    }
    // --round: that round only.
    let out = dir.path().join("ronde1.xlsx");
    leidraad()
        .args(["export-sheet", EXAMPLE, "--round", "1", "--out"])
        .arg(&out)
        .assert()
        .success();
    let book = open_workbook_auto(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Rangschikking ronde 1",
            "Per beoordelaar ronde 1",
            "Scores",
            "Besluiten",
            "Leidraad"
        ]
    );
}

#[test]
fn export_sheet_refuses_a_name_without_xlsx_or_ods_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.csv");
    let o = leidraad()
        .args(["export-sheet", EXAMPLE, "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("scores.csv: the file name must end in .xlsx (Excel) or .ods"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// The example dossier on the ranking screen, opened from a file.
fn ranking_app(dir: &Path) -> App {
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let d = leidraad_core::store::parse_dossier(
        include_str!("../../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &rubric,
    )
    .unwrap();
    let path = dir.join("dossier.ron");
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let config = leidraad::ui::config::Config {
        assessor: "Femke Hoogland".to_string(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Ranking));
    app
}

#[test]
fn the_ranking_screen_saves_a_spreadsheet_where_the_dialog_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    // The button beside "Scores als CSV…" asks for the place.
    let messages: Vec<Message> = {
        let mut ui = Simulator::with_size(
            leidraad::ui::theme::settings(),
            (1400.0, 1200.0),
            app.view(),
        );
        assert!(ui.find(strings::EXPORT_CSV).is_ok());
        ui.click(strings::EXPORT_WORKBOOK)
            .expect("the spreadsheet button");
        ui.into_messages().collect()
    };
    assert!(matches!(
        messages[..],
        [Message::Ranking(ranking::Message::ExportWorkbook)]
    ));
    let _ = app.update(messages.into_iter().next().unwrap());
    // Cancelled: nothing written, and the dialog can be asked again.
    let _ = app.update(Message::WorkbookPlaced(None));
    assert_eq!(app.export, None);
    let _ = app.update(Message::Ranking(ranking::Message::ExportWorkbook));
    // A name without an extension becomes an .xlsx.
    crate::ui_support::run(
        &mut app,
        Message::WorkbookPlaced(Some(dir.path().join("uitslag"))),
    );
    let written = dir.path().join("uitslag.xlsx");
    match &app.export {
        Some(ExportNotice::Done { message, open }) => {
            assert_eq!(open, &written);
            assert!(message.starts_with("Spreadsheet opgeslagen: "), "{message}");
        }
        other => panic!("expected a done notice, got {other:?}"),
    }
    let a01 = ranking_row(&written, "Rangschikking ronde 2", "A01");
    assert_eq!(a01[3], Data::Float(75.0));
    // An .ods where the name asks for one.
    let _ = app.update(Message::Ranking(ranking::Message::ExportWorkbook));
    let ods = dir.path().join("uitslag.ods");
    crate::ui_support::run(&mut app, Message::WorkbookPlaced(Some(ods.clone())));
    assert_eq!(
        ranking_row(&ods, "Rangschikking ronde 1", "A01")[3],
        Data::Float(72.0)
    );
}
