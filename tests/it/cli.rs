//! The `leidraad` command line, end to end, on the example dossier.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const EXAMPLE: &str = "assets/voorbeelddossier.ron";
const RUBRIC: &str = "rubrics/leidraad-proeftuinen-tweede-tranche-2022.ron";

fn leidraad() -> Command {
    let mut cmd = Command::cargo_bin("leidraad").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = leidraad().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `leidraad import-csv --out|--into DOSSIER SCORES`.
fn import_csv(mode: &str, dossier: &Path, scores: &Path) -> std::process::Output {
    leidraad()
        .args([
            "import-csv",
            mode,
            dossier.to_str().unwrap(),
            scores.to_str().unwrap(),
        ])
        .output()
        .unwrap()
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

#[test]
fn rank_shows_the_tie_at_the_award_line() {
    let text = stdout(&["rank", EXAMPLE, "--round", "2"]);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("no row for {id} in\n{text}"))
            .to_string()
    };
    assert!(line("A04").contains(" tie "), "{text}");
    assert!(line("A07").contains(" tie "), "{text}");
    assert!(line("A04").contains("tie group 1"), "{text}");
    assert!(text.contains("award line"), "{text}");
    assert!(text.contains("Tie at the award line: A04, A07"), "{text}");
}

#[test]
fn rank_json_is_exactly_the_interchange_format() {
    let json: Value = serde_json::from_str(&stdout(&[
        "rank", EXAMPLE, "--round", "2", "--format", "json",
    ]))
    .unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys.iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>(),
        [
            "applications",
            "award_count",
            "final",
            "pending",
            "round",
            "rubric",
            "threshold"
        ]
        .into()
    );
    assert_eq!(json["round"], 2);
    assert_eq!(json["threshold"], 50);
    assert_eq!(json["award_count"], 4);
    assert_eq!(
        json["rubric"]["id"],
        "leidraad-proeftuinen-tweede-tranche-2022"
    );
    assert_eq!(json["rubric"]["hash"].as_str().unwrap().len(), 64);
    let apps = json["applications"].as_array().unwrap();
    assert_eq!(apps.len(), 8);
    let app_keys: std::collections::BTreeSet<&str> = apps[0]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        app_keys,
        [
            "id",
            "region",
            "rank",
            "total",
            "total_exact",
            "status",
            "failed_ko",
            "tie_group",
            "consensus",
            "assessors"
        ]
        .into()
    );
    let by_id = |id: &str| apps.iter().find(|a| a["id"] == id).unwrap();
    for id in ["A04", "A07"] {
        assert_eq!(by_id(id)["status"], "tie");
        assert_eq!(by_id(id)["tie_group"], 1);
        assert_eq!(by_id(id)["total_exact"], "181/3");
        assert_eq!(by_id(id)["total"], "60.33");
    }
    // Ranked first, in rank order; then the unranked by id with rank null.
    let ranks: Vec<Value> = apps.iter().map(|a| a["rank"].clone()).collect();
    assert_eq!(
        ranks,
        [1, 2, 3, 4, 5]
            .map(Value::from)
            .into_iter()
            .chain([Value::Null, Value::Null, Value::Null])
            .collect::<Vec<_>>()
    );
    let tail: Vec<&str> = apps[5..]
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(tail, ["A03", "A05", "A08"]);
    assert!(apps[5..].iter().all(|a| a["status"] == "not_invited"));

    let round1: Value =
        serde_json::from_str(&stdout(&["rank", EXAMPLE, "--format", "json"])).unwrap();
    let apps = round1["applications"].as_array().unwrap();
    let by_id = |id: &str| apps.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(by_id("A03")["status"], "rejected");
    assert_eq!(by_id("A03")["failed_ko"], serde_json::json!(["KO2"]));
    assert_eq!(by_id("A04")["total"], "50.00");
    assert_eq!(by_id("A04")["status"], "invited");
    assert_eq!(by_id("A05")["total_exact"], "149/3");
    assert_eq!(by_id("A05")["status"], "below_threshold");
    assert_eq!(by_id("A06")["consensus"], true);
}

#[test]
fn rank_csv_has_one_row_per_application() {
    let csv = stdout(&["rank", EXAMPLE, "--round", "2", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "rank,application,region,total,total_exact,status,failed_ko,tie_group,consensus,assessors"
    );
    assert_eq!(lines.count(), 8);
}

#[test]
fn check_rubric_summarises_the_leidraad() {
    let text = stdout(&["check-rubric", RUBRIC]);
    assert!(text.contains("Knock-out criteria (8)"), "{text}");
    assert!(text.contains("Weighted criteria (11)"), "{text}");
    assert!(text.contains("Total 100 points"), "{text}");
}

#[test]
fn check_validates_the_example() {
    let text = stdout(&["check", EXAMPLE]);
    assert!(text.contains("valid; 8 applications"), "{text}");
    assert!(text.contains("Nothing is incomplete."), "{text}");
}

#[test]
fn check_lists_what_is_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let text = std::fs::read_to_string(example_path()).unwrap();
    // Turn the first assessment into a draft.
    let first = text.find("submitted: Some(\"2022-08").unwrap();
    let end = first + text[first..].find("),").unwrap() + 2;
    let mut draft = text.clone();
    draft.replace_range(first..end, "submitted: None,");
    std::fs::write(&path, draft).unwrap();
    let out = stdout(&["check", path.to_str().unwrap()]);
    assert!(out.contains("not yet submitted"), "{out}");
}

#[test]
fn usage_errors_exit_with_2_and_bad_input_with_1() {
    leidraad().args(["rank"]).assert().code(2);
    leidraad()
        .args(["rank", EXAMPLE, "--round", "3"])
        .assert()
        .code(2);
    leidraad().args(["frobnicate"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    let example = std::fs::read_to_string(example_path()).unwrap();
    let title_at = example.find("title:").unwrap();
    let mut broken = example.clone();
    let end = title_at + example[title_at..].find('\n').unwrap();
    broken.replace_range(title_at..end, "title: 5,");
    let title_line = example[..title_at].matches('\n').count() + 1;
    std::fs::write(&bad, broken).unwrap();
    let out = leidraad()
        .args(["check", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("bad.ron:{title_line}:")), "{err}");
    leidraad()
        .args(["check", "/nonexistent/x.ron"])
        .assert()
        .code(1);
}

const CSV_HEADER: &str = "application,region,assessor,round,criterion,value,motivation\n";

#[test]
fn an_import_with_a_value_outside_its_scale_names_the_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("scores.csv");
    std::fs::write(
        &csv,
        format!(
            "{CSV_HEADER}A01,Regio Oost,Anna,1,KO1,voldaan,\nA01,Regio Oost,Anna,1,C1,ja,\"Ja, aangesteld\"\nA01,Regio Oost,Anna,1,C2,11,te hoog\n"
        ),
    )
    .unwrap();
    let out_file = dir.path().join("nieuw.ron");
    let out = import_csv("--out", &out_file, &csv);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("scores.csv:4: C2: 11 is outside the scale; allowed: 1..10 or nb"),
        "{err}"
    );
    assert!(!out_file.exists(), "nothing is written");

    // --into: the existing dossier is left byte for byte as it was.
    let target = dir.path().join("bestaand.ron");
    std::fs::copy(example_path(), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    assert_eq!(import_csv("--into", &target, &csv).status.code(), Some(1));
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary or backup file"
    );
}

#[test]
fn import_refuses_each_broken_rule_with_its_line() {
    let cases = [
        ("A01,R,Anna,1,C12,3,\n", "2: unknown criterion \"C12\""),
        ("A01,R,Anna,3,C2,3,\n", "2: unknown round 3"),
        (
            "A01,R,Anna,1,C2,3,\nA01,R,Anna,1,C2,4,\n",
            "3: a second row for A01, Anna, round 1, C2 (the first is on line 2)",
        ),
        (
            "A01,R,Anna,1,C2,3,\nA01,S,Bert,1,C2,4,\n",
            "3: A01: region \"S\" differs from \"R\" on line 2",
        ),
        ("A01,R,Anna,1,C4,3,\n", "2: C4 is given by its items only"),
        (
            "A01,R,Anna,1,C4.wonen,3,\n",
            "2: C4.wonen: 3 is outside the scale; allowed: 0..2",
        ),
        (
            "A01,R,Anna,1,C6,7,\n",
            "2: C6: 7 is outside the scale; allowed: 0..6 or nb (niet behandeld)",
        ),
        (
            "A01,R,Anna,1,KO2,misschien,\n",
            "2: KO2: \"misschien\" is not a verdict",
        ),
        (
            "A01,R,Anna,1,C1,5,\n",
            "2: C1: \"5\" is not allowed; allowed: ja, nee",
        ),
        (
            "A01,R,Anna,1,C2\n",
            "2: 5 fields; every row has the 7 columns",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (rows, expected) in cases {
        let csv = dir.path().join("s.csv");
        std::fs::write(&csv, format!("{CSV_HEADER}{rows}")).unwrap();
        let out_file = dir.path().join("n.ron");
        let out = import_csv("--out", &out_file, &csv);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{rows}");
        assert!(err.contains(&format!("s.csv:{expected}")), "{rows}: {err}");
        assert!(!out_file.exists());
    }
}

#[test]
fn csv_export_and_import_give_the_same_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("export.csv");
    // With a BOM, as Excel writes it.
    let exported = stdout(&["export-csv", EXAMPLE]);
    assert!(exported.starts_with("application,region,assessor,round,criterion,value,motivation"));
    std::fs::write(&csv, format!("\u{feff}{exported}")).unwrap();
    let copy = dir.path().join("kopie.ron");
    stdout(&[
        "import-csv",
        "--out",
        copy.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    for round in ["1", "2"] {
        let a = stdout(&["rank", EXAMPLE, "--round", round, "--format", "json"]);
        let b = stdout(&[
            "rank",
            copy.to_str().unwrap(),
            "--round",
            round,
            "--format",
            "json",
        ]);
        assert_eq!(a, b, "round {round}");
    }
    // Importing the same rows again would overwrite: refused, file unchanged.
    let before = std::fs::read(&copy).unwrap();
    let out = import_csv("--into", &copy, &csv);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refuses to overwrite"));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn a_broken_pipe_is_not_a_crash() {
    // `leidraad rank ... | head -1`: stdout closes early.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("leidraad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["export-csv", EXAMPLE])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_package_goes_out_and_its_result_comes_back_in() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("dossier.ron");
    std::fs::copy(example_path(), &dossier).unwrap();
    let package = dir.path().join("pakket-femke.ron");
    let d = dossier.to_str().unwrap();
    let p = package.to_str().unwrap();
    let out = stdout(&["package", d, "--assessor", "Femke Hoogland", "--out", p]);
    assert!(out.contains("8 applications"), "{out}");
    let text = std::fs::read_to_string(&package).unwrap();
    assert!(
        !text.contains("Ruben Kasteel") && !text.contains("Lotte Brink"),
        "blind"
    );

    let before = std::fs::read(&dossier).unwrap();
    let out = stdout(&["import-result", d, p]);
    assert!(out.contains("0 added, 0 updated, 8 unchanged"), "{out}");
    assert_eq!(std::fs::read(&dossier).unwrap(), before, "nothing to save");

    // A tampered result (another rubric) is refused and changes nothing.
    std::fs::write(&package, text.replace("47c5ded8", "57c5ded8")).unwrap();
    let out = leidraad().args(["import-result", d, p]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&dossier).unwrap(), before);

    let text = stdout(&["disagreements", d]);
    assert!(
        text.contains("A06 KO4: twijfel, the panel decides"),
        "{text}"
    );
}

#[test]
fn history_prints_what_an_import_changed_and_who_imported_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("dossier.ron");
    std::fs::copy(example_path(), &d).unwrap();
    let package = dir.path().join("pakket.ron");
    let (d, p) = (d.to_str().unwrap(), package.to_str().unwrap());
    stdout(&["package", d, "--assessor", "Nieuwe Beoordelaar", "--out", p]);
    // The assessor scores C2 of A05 in the package (as the window would)
    // and the office imports the result.
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let mut work = leidraad_core::store::parse_dossier(
        &std::fs::read_to_string(&package).unwrap(),
        p,
        &rubric,
    )
    .unwrap();
    let t = leidraad_core::edit::Target {
        application: "A05".into(),
        assessor: "Nieuwe Beoordelaar".into(),
        round: leidraad_core::dossier::Round::One,
    };
    let c2 = leidraad_core::rubric::CriterionId::from("C2");
    let v = Some(leidraad_core::dossier::Value::Points(7));
    leidraad_core::edit::set_value(
        &rubric,
        &mut work,
        &t,
        &c2,
        v,
        leidraad_core::dossier::now(),
    )
    .unwrap();
    leidraad_core::store::save_dossier(&package, &work).unwrap();
    stdout(&["import-result", d, p, "--by", "Programmabureau"]);

    let out = stdout(&["history", d, "--application", "A05"]);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[0][1], "Programmabureau");
    assert_eq!(rows[0][6], "Import");
    assert_eq!(
        (rows[1][4], rows[1][5], rows[1][6], rows[1][8]),
        ("Nieuwe Beoordelaar", "C2", "Score", "7")
    );
    // Other applications' history is not in it; an unknown one is an error.
    assert!(
        stdout(&["history", d, "--application", "A01"])
            .lines()
            .count()
            == 1
    );
    let err = leidraad()
        .args(["history", d, "--application", "A99"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(1));
}

/// A dossier of another rubric: the command line says how to give it
/// (the window offers "Leidraad kiezen…" instead: ui_update).
#[test]
fn a_dossier_of_another_rubric_says_to_give_it_with_rubric() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input/other-rubric.ron");
    let out = leidraad().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("other-rubric.ron:6:3:"), "{err}");
    assert!(err.contains("give that rubric with --rubric FILE"), "{err}");
}
