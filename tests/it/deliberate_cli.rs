//! The command line for the rules that make decisions hold: withdrawing a
//! submission, and a knock-out in twijfel shown as the panel's to decide.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const EXAMPLE: &str = "assets/voorbeelddossier.ron";

fn leidraad() -> Command {
    let mut cmd = Command::cargo_bin("leidraad").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = leidraad().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A copy of the example dossier to change.
fn example_copy(dir: &Path) -> PathBuf {
    let path = dir.join("d.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), &path).unwrap();
    path
}

fn row<'a>(rank: &'a str, id: &str) -> &'a str {
    rank.lines()
        .find(|l| l.split_whitespace().nth(1) == Some(id))
        .unwrap_or_else(|| panic!("no row for {id} in\n{rank}"))
}

#[test]
fn withdraw_takes_a_submission_back_with_its_reason_so_it_counts_no_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path());
    let d = path.to_str().unwrap();
    let (_, rank, _) = run(&["rank", d, "--round", "1"]);
    assert!(
        row(&rank, "A05").contains("49.66  below_threshold"),
        "{rank}"
    );
    let (code, out, err) = run(&[
        "withdraw",
        d,
        "--application",
        "A05",
        "--round",
        "1",
        "--assessor",
        "Lotte Brink",
        "--reason",
        "Verkeerde versie van de begroting gelezen",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("withdrawn"), "{out}");
    // Lotte's 49 counts no more: 50 and 50 remain.
    let (_, rank, _) = run(&["rank", d, "--round", "1"]);
    let a05 = row(&rank, "A05");
    assert!(a05.contains("50.00  invited"), "{rank}");
    assert!(
        a05.split_whitespace().any(|w| w == "2"),
        "two assessors: {a05}"
    );
    let (_, history, _) = run(&["history", d, "--application", "A05"]);
    assert!(
        history.contains("ingetrokken: Verkeerde versie van de begroting gelezen"),
        "{history}"
    );
    // The file still loads against its log.
    let (code, out, err) = run(&["check", d]);
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, err) = run(&["verify", d]);
    assert_eq!(code, Some(0), "{out}{err}");
    // Twice: nothing is submitted any more.
    let (code, _, err) = run(&[
        "withdraw",
        d,
        "--application",
        "A05",
        "--round",
        "1",
        "--assessor",
        "Lotte Brink",
        "--reason",
        "nog eens",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("A05, round 1, Lotte Brink: this assessment has not been submitted"),
        "{err}"
    );
}

#[test]
fn withdraw_is_refused_without_a_reason_and_after_the_panel_recorded_consensus() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path());
    let d = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    let args = |app: &'static str, reason: &'static str| {
        vec![
            "withdraw",
            d,
            "--application",
            app,
            "--round",
            "1",
            "--assessor",
            "Ruben Kasteel",
            "--reason",
            reason,
        ]
    };
    let (code, _, err) = run(&args("A05", " "));
    assert_eq!(code, Some(1));
    assert!(err.contains("the reason is empty"), "{err}");
    // A06 has the panel's consensus on KO4 in round 1.
    let (code, _, err) = run(&args("A06", "Toch anders bedoeld"));
    assert_eq!(code, Some(1));
    assert!(
        err.contains("A06, round 1: the panel recorded consensus on 24-08-2022"),
        "{err}"
    );
    assert!(err.contains("can no longer be withdrawn"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a refusal writes nothing"
    );
    // A missing option is a usage error.
    leidraad()
        .args(["withdraw", d, "--application", "A05", "--round", "1"])
        .assert()
        .code(2);
}

#[test]
fn disagreements_show_a_knockout_in_twijfel_as_the_panels_to_decide() {
    let (code, out, err) = run(&["disagreements", EXAMPLE, "--round", "1"]);
    assert_eq!(code, Some(0), "{err}");
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("A06 KO4: twijfel, the panel decides:")
            && first.contains("Ruben Kasteel twijfel"),
        "{out}"
    );
}
