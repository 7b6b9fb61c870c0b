//! What the desktops ask of the program: `leidraad FILE` (a double click on
//! a dossier), the login name on Windows, the display check. The Windows
//! build itself is tested under wine by `scripts/windows-smoke.sh`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const EXAMPLE: &str = "assets/voorbeelddossier.ron";

fn leidraad() -> Command {
    let mut cmd = Command::cargo_bin("leidraad").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

fn stderr_of(args: &[&str]) -> (Option<i32>, String) {
    let out = leidraad().args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_path_alone_that_is_no_dossier_is_named_and_exits_with_2() {
    let (code, err) = stderr_of(&["nergens/dossier.leidraad"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("nergens/dossier.leidraad: no such file") && err.contains("leidraad --help"),
        "{err}"
    );
    let (code, err) = stderr_of(&["assets"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("assets: is a folder, not a dossier"), "{err}");
    // A mistyped command reads as a path; the message names the command.
    let (code, err) = stderr_of(&["rnak"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean `rank`?"), "{err}");
    let (code, err) = stderr_of(&["rnak", EXAMPLE]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`rnak` is not a command"), "{err}");
}

#[test]
fn the_subcommands_still_win_over_a_path() {
    let out = leidraad().args(["rank", EXAMPLE]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Regio Lindewaard"), "{text}");
    let out = leidraad().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("leidraad {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = String::from_utf8(leidraad().arg("--help").output().unwrap().stdout).unwrap();
    assert!(help.contains("leidraad [FILE]"), "{help}");
}

/// `leidraad FILE` goes to the window, not to a command: without a display
/// it stops with the display message (Linux; Windows has no such check).
#[test]
fn a_dossier_alone_starts_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("dossier.leidraad");
    std::fs::copy(example_path(), &dossier).unwrap();
    let out = leidraad()
        .arg(&dossier)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("er is geen beeldscherm gevonden"), "{err}");

    // With a display: the window opens on it and shows its first frame.
    let xvfb = std::process::Command::new("xvfb-run")
        .args(["-a", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !xvfb {
        eprintln!("SKIPPED the window half: no Xvfb (xvfb-run)");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("leidraad");
    let out = std::process::Command::new("timeout")
        .args(["120", "xvfb-run", "-a", "-s", "-nolisten tcp"])
        .arg(bin)
        .arg(&dossier)
        .env("LEIDRAAD_EXIT_AFTER_FIRST_FRAME", "1")
        .env("HOME", dir.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("eerste frame getoond"), "{err}");
    // The dossier was opened (and so locked, and released at the end).
    let config = std::fs::read_to_string(dir.path().join(".config/leidraad/instellingen.ron"))
        .unwrap_or_default();
    assert!(config.contains("dossier.leidraad"), "recent list: {config}");
}

/// On Windows the login name is in `USERNAME`: with no `USER`, an import
/// is recorded under it.
#[test]
fn import_result_records_usernames_login_name() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("dossier.leidraad");
    std::fs::copy(example_path(), &dossier).unwrap();
    let package = dir.path().join("pakket.leidraad");
    let (d, p) = (dossier.to_str().unwrap(), package.to_str().unwrap());
    leidraad()
        .args(["package", d, "--assessor", "Nieuwe Beoordelaar", "--out", p])
        .assert()
        .success();
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let mut work = leidraad_core::store::parse_dossier(
        &std::fs::read_to_string(&package).unwrap(),
        p,
        &rubric,
    )
    .unwrap();
    let target = leidraad_core::edit::Target {
        application: "A05".into(),
        assessor: "Nieuwe Beoordelaar".into(),
        round: leidraad_core::dossier::Round::One,
    };
    leidraad_core::edit::set_value(
        &rubric,
        &mut work,
        &target,
        &leidraad_core::rubric::CriterionId::from("C2"),
        Some(leidraad_core::dossier::Value::Points(7)),
        leidraad_core::dossier::now(),
    )
    .unwrap();
    leidraad_core::store::save_dossier(&package, &work).unwrap();
    leidraad()
        .args(["import-result", d, p])
        .env_remove("USER")
        .env("USERNAME", "W.Willemsen")
        .assert()
        .success();
    let out = leidraad()
        .args(["history", d, "--application", "A05"])
        .output()
        .unwrap();
    let history = String::from_utf8(out.stdout).unwrap();
    let import = history
        .lines()
        .find(|l| l.contains("\tImport"))
        .unwrap_or_else(|| panic!("no import in {history}"));
    assert_eq!(import.split('\t').nth(1), Some("W.Willemsen"), "{history}");
}
