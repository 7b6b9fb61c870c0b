//! The panel's decisions from the command line (`leidraad decide`,
//! `decisions`, `allocate`), end to end on a copy of the example dossier:
//! the same door and rules as the window, and a late import that makes a
//! recorded tie break and allocation stale, which `decisions`, `rank`,
//! `check`, the import's own output and the ranking PDF all say.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::report_support::pages;

const EXAMPLE: &str = "assets/voorbeelddossier.ron";

fn leidraad() -> Command {
    let mut cmd = Command::cargo_bin("leidraad").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> std::process::Output {
    leidraad().args(args).output().unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn copy_of_example(dir: &Path) -> PathBuf {
    let to = dir.join("dossier.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), &to).unwrap();
    to
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn status_of(ranking: &Value, id: &str) -> String {
    ranking["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {ranking}"))["status"]
        .as_str()
        .unwrap()
        .to_string()
}

fn tie_break(d: &str) -> std::process::Output {
    run(&[
        "decide",
        d,
        "tie-break",
        "--round",
        "2",
        "--award",
        "A07",
        "--by",
        "M. Jansen",
        "--motivation",
        "Kreekland overtuigde in het gesprek.",
    ])
}

#[test]
fn decide_lists_every_kind_of_decision_in_its_help() {
    let help = ok(&["decide", "--help"]);
    for kind in [
        "tie-break",
        "award-count",
        "allocation",
        "threshold-waiver",
        "revoke",
    ] {
        assert!(help.contains(kind), "{kind} in\n{help}");
    }
}

#[test]
fn a_decision_without_a_motivation_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = copy_of_example(dir.path());
    let before = std::fs::read(&d).unwrap();
    let out = run(&[
        "decide",
        d.to_str().unwrap(),
        "tie-break",
        "--award",
        "A07",
        "--by",
        "M. Jansen",
        "--motivation",
        "   ",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("motivation"));
    assert_eq!(std::fs::read(&d).unwrap(), before);
}

#[test]
fn a_late_import_makes_the_recorded_tie_break_and_allocation_stale_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = copy_of_example(dir.path());
    let ds = d.to_str().unwrap();

    // The tie at the award line (A04 and A07, 60.33 each) settled, and the
    // budget divided by points over the four awarded.
    assert!(tie_break(ds).status.success());
    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(ranking["final"], true);
    assert_eq!(status_of(&ranking, "A07"), "awarded");
    assert_eq!(status_of(&ranking, "A04"), "not_awarded");
    let recorded = ok(&[
        "decide",
        ds,
        "allocation",
        "--rule",
        "points",
        "--by",
        "M. Jansen",
        "--motivation",
        "Naar punten, binnen elke aanvraag.",
    ]);
    assert!(recorded.contains("besluit 2"), "{recorded}");
    let states = json(&["decisions", ds, "--format", "json"]);
    assert_eq!(states["decisions"][0]["state"], "current");
    assert_eq!(states["decisions"][1]["state"], "current");
    assert_eq!(states["decisions"][1]["kind"], "allocation");

    // A late assessor's round-2 scores for A04 (as the example's first
    // assessor, three points more on C11) arrive by CSV.
    let export = ok(&["export-csv", ds, "--round", "2"]);
    let mut lines = export.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    for l in lines.filter(|l| l.starts_with("A04,") && l.contains(",Femke Hoogland,")) {
        let l = l.replace(",Femke Hoogland,", ",Late Beoordelaar,");
        let l = match l.split_once(",C11,") {
            Some((head, rest)) => {
                let (v, m) = rest.split_once(',').unwrap();
                format!("{head},C11,{},{m}", v.parse::<u32>().unwrap() + 3)
            }
            None => l,
        };
        csv.push_str(&l);
        csv.push('\n');
    }
    let scores = dir.path().join("laat.csv");
    std::fs::write(&scores, csv).unwrap();
    let import = ok(&["import-csv", "--into", ds, scores.to_str().unwrap()]);
    assert!(import.contains("STALE"), "the import says so:\n{import}");

    // decisions: both stale, each with a reason.
    let states = json(&["decisions", ds, "--format", "json"]);
    for i in 0..2 {
        let s = &states["decisions"][i];
        assert_eq!(s["state"], "stale", "{s}");
        assert!(!s["why"].as_str().unwrap().is_empty(), "{s}");
    }
    // rank: A04 is now awarded on its own points, the stale tie break is
    // not applied, and the text says so.
    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(status_of(&ranking, "A04"), "awarded");
    assert_eq!(status_of(&ranking, "A07"), "not_awarded");
    let text = ok(&["rank", ds, "--round", "2"]);
    assert!(text.contains("STALE decision 1"), "{text}");
    assert!(text.contains("STALE decision 2"), "{text}");
    // check
    let check = ok(&["check", ds]);
    assert!(check.contains("STALE"), "{check}");
    // the ranking PDF
    let out = dir.path().join("pdf");
    ok(&["export", ds, "--round", "2", "--out", out.to_str().unwrap()]);
    let pdf = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("rangschikking")
        })
        .expect("a ranking PDF");
    let text = pages(&std::fs::read(pdf).unwrap()).join("\n");
    assert!(text.contains("Verouderde besluiten"), "{text}");
    assert!(text.contains("VEROUDERD"), "{text}");
    assert!(
        text.contains("De vastgelegde verdeling is verouderd"),
        "{text}"
    );

    // Recorded again over the new ranking: current again, the old one
    // replaced.
    ok(&[
        "decide",
        ds,
        "allocation",
        "--rule",
        "points",
        "--by",
        "M. Jansen",
        "--motivation",
        "Opnieuw naar punten na de late beoordeling.",
    ]);
    let states = json(&["decisions", ds, "--format", "json"]);
    assert_eq!(states["decisions"][1]["state"], "revoked");
    assert_eq!(states["decisions"][2]["state"], "current");
}

#[test]
fn allocate_by_points_gives_more_to_a_higher_total_within_every_request() {
    let p = json(&["allocate", EXAMPLE, "--rule", "points", "--format", "json"]);
    assert_eq!(p["rule"], "points");
    assert_eq!(p["final"], true);
    let list = p["allocations"].as_array().unwrap();
    assert!(list.len() >= 3, "{p}");
    let mut sum = 0;
    for w in list.windows(2) {
        let total = |a: &Value| a["total"].as_str().unwrap().parse::<f64>().unwrap();
        if total(&w[0]) > total(&w[1]) {
            assert!(
                w[0]["proposed_eur"].as_u64() > w[1]["proposed_eur"].as_u64(),
                "{p}"
            );
        }
    }
    for a in list {
        assert!(
            a["proposed_eur"].as_u64() <= a["requested_eur"].as_u64(),
            "{a}"
        );
        assert!(a["rank"].as_u64().is_some());
        sum += a["proposed_eur"].as_u64().unwrap();
    }
    assert_eq!(
        sum + p["unallocated_eur"].as_u64().unwrap(),
        p["budget_eur"].as_u64().unwrap()
    );
}

#[test]
fn a_waiver_and_its_revocation_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = copy_of_example(dir.path());
    let ds = d.to_str().unwrap();
    // Nobody is below the minimum in round 2 of the example: refused.
    let out = run(&[
        "decide",
        ds,
        "threshold-waiver",
        "--application",
        "A01",
        "--by",
        "M. Jansen",
        "--motivation",
        "Letterlijke lezing.",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not below the round-2 minimum"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tie_break(ds).status.success());
    ok(&[
        "decide",
        ds,
        "revoke",
        "--decision",
        "1",
        "--by",
        "M. Jansen",
        "--motivation",
        "Ten onrechte vastgelegd.",
    ]);
    let states = json(&["decisions", ds, "--format", "json"]);
    assert_eq!(states["decisions"][0]["state"], "revoked");
    assert!(
        states["decisions"][0]["why"]
            .as_str()
            .unwrap()
            .contains("Ten onrechte")
    );
    assert_eq!(states["decisions"][1]["kind"], "revoke");
    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(status_of(&ranking, "A07"), "tie");
}

#[test]
fn a_provisional_round_two_awards_nobody_and_refuses_an_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let d = copy_of_example(dir.path());
    let ds = d.to_str().unwrap();
    // A late assessor of A01 answers twijfel on KO2 (a legitimate
    // import): until the panel settles that KO, A01 is incomplete.
    let export = ok(&["export-csv", ds, "--round", "2"]);
    let mut lines = export.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    let first = export
        .lines()
        .find(|l| l.starts_with("A01,"))
        .unwrap()
        .split(',')
        .nth(2)
        .unwrap()
        .to_string();
    for l in lines.filter(|l| l.starts_with("A01,") && l.split(',').nth(2) == Some(&first)) {
        let l = l.replacen(&format!(",{first},"), ",Late Beoordelaar,", 1);
        let l = match l.split_once(",KO2,") {
            Some((head, _)) => format!("{head},KO2,twijfel,Het veiligheidsteam is nog onzeker."),
            None => l,
        };
        csv.push_str(&l);
        csv.push('\n');
    }
    let scores = dir.path().join("laat.csv");
    std::fs::write(&scores, csv).unwrap();
    let import = ok(&["import-csv", "--into", ds, scores.to_str().unwrap()]);
    assert!(import.contains("PROVISIONAL"), "{import}");

    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(ranking["final"], false);
    assert_eq!(ranking["pending"], serde_json::json!(["A01"]));
    for a in ranking["applications"].as_array().unwrap() {
        assert!(
            !["awarded", "not_awarded", "tie"].contains(&a["status"].as_str().unwrap()),
            "{a}"
        );
    }
    let text = ok(&["rank", ds, "--round", "2"]);
    assert!(text.contains("PROVISIONAL"), "{text}");
    let out = run(&[
        "decide",
        ds,
        "allocation",
        "--rule",
        "equal",
        "--by",
        "M. Jansen",
        "--motivation",
        "Gelijk.",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("provisional"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = json(&["allocate", ds, "--rule", "equal", "--format", "json"]);
    assert_eq!(
        p["final"], false,
        "a proposal over a provisional ranking says so"
    );
}
