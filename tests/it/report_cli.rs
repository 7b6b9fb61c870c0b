//! `leidraad export`: one PDF per submitted assessment and per consensus,
//! plus the ranking report of every round with data.

use crate::report_support;

use assert_cmd::Command;
use leidraad_core::dossier::Round;
use leidraad_report as report;
use report_support::{assert_valid_pdf, example};

const EXAMPLE: &str = "assets/voorbeelddossier.ron";

fn pdfs_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_every_sheet_and_both_rankings() {
    let (_, dossier) = example();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pdf");
    let assert = Command::cargo_bin("leidraad")
        .unwrap()
        .args(["export", EXAMPLE, "--out"])
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let names = pdfs_in(&out);
    let sheets = report::sheets(&dossier, None, None);
    assert_eq!(names.len(), sheets.len() + 2, "{names:?}");
    for kind in &sheets {
        let name = report::sheet_file_name(kind);
        assert!(names.contains(&name), "{name} written");
        assert!(stdout.contains(&name), "{name} listed on stdout");
    }
    for round in Round::ALL {
        assert!(names.contains(&report::ranking_file_name(round)));
    }
    assert!(
        names.iter().all(|n| n.ends_with(".pdf")),
        "no temporary file left: {names:?}"
    );
    let first = std::fs::read(out.join(&names[0])).unwrap();
    assert_valid_pdf(&first);
}

#[test]
fn export_of_one_application_in_one_round() {
    let (_, dossier) = example();
    let consensus = dossier.consensus.iter().find(|c| !c.is_empty()).unwrap();
    let app = consensus.application.clone();
    let round = consensus.round;
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("leidraad")
        .unwrap()
        .args([
            "export",
            EXAMPLE,
            "--round",
            &round.number().to_string(),
            "--application",
            &app.0,
            "--out",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let names = pdfs_in(dir.path());
    let expected = report::sheets(&dossier, Some(round), Some(&app));
    assert_eq!(names.len(), expected.len(), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("-consensus.pdf")));
    assert!(
        !names.iter().any(|n| n.starts_with("rangschikking")),
        "no ranking for one application"
    );
}

#[test]
fn export_of_an_unknown_application_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pdf");
    let assert = Command::cargo_bin("leidraad")
        .unwrap()
        .args(["export", EXAMPLE, "--application", "A99", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("A99"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn export_all_returns_the_files_in_order() {
    let (rubric, dossier) = example();
    let dir = tempfile::tempdir().unwrap();
    let options = report::ExportOptions {
        round: Some(Round::Two),
        application: None,
        printed: report_support::printed(),
    };
    let written = report::export_all(&rubric, &dossier, dir.path(), &options).unwrap();
    let sheets = report::sheets(&dossier, Some(Round::Two), None);
    assert_eq!(written.len(), sheets.len() + 1);
    for (path, kind) in written.iter().zip(&sheets) {
        assert_eq!(
            path.file_name().unwrap().to_string_lossy(),
            report::sheet_file_name(kind)
        );
    }
    assert!(
        written
            .last()
            .unwrap()
            .ends_with(report::ranking_file_name(Round::Two))
    );
}
