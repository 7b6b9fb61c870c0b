//! `leidraad import-csv` on files as Dutch Excel and LibreOffice Calc save
//! them (the byte-level cases are in core's `csv_spreadsheets` tests).

use assert_cmd::Command;

use leidraad_core::dossier::{ApplicationId, Round};

fn import_csv(dir: &std::path::Path, bytes: &[u8]) -> (std::process::Output, std::path::PathBuf) {
    let csv = dir.join("scores.csv");
    std::fs::write(&csv, bytes).unwrap();
    let out = dir.join("nieuw.ron");
    let o = Command::cargo_bin("leidraad")
        .unwrap()
        .args(["import-csv", "--out"])
        .arg(&out)
        .arg(&csv)
        .output()
        .unwrap();
    (o, out)
}

#[test]
fn import_csv_reads_semicolons_and_windows_1252_as_dutch_excel_saves_them() {
    let dir = tempfile::tempdir().unwrap();
    let (o, out) = import_csv(
        dir.path(),
        b"application;region;assessor;round;criterion;value;motivation\r\n\
A01;Regio Zuidmeer;Anna;1;KO1;voldaan;\r\n\
A01;Regio Zuidmeer;Anna;1;C4.financien;2;Financi\xEBn op orde\r\n\
A01;Regio Zuidmeer;Anna;1;C2;7,00;\r\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("imported 3 rows"));
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let d = leidraad_core::store::load_dossier(&out, &rubric).unwrap();
    let a = d
        .assessment(&ApplicationId::from("A01"), "Anna", Round::One)
        .unwrap();
    assert_eq!(a.criteria[&"C4".into()].motivation, "Financiën op orde");
}

#[test]
fn import_csv_refuses_utf16_in_dutch_with_how_to_save_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "application\tregion\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let (o, out) = import_csv(dir.path(), &utf16);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("leidraad: "), "{err}");
    assert!(
        err.contains("scores.csv:1: dit bestand is opgeslagen als Unicode-tekst (UTF-16)"),
        "{err}"
    );
    assert!(
        err.contains("\"CSV UTF-8 (door komma's gescheiden) (*.csv)\""),
        "{err}"
    );
    assert!(!out.exists(), "no dossier is made");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
