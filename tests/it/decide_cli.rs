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

/// The rows of `assessor`'s work on `app` in an `export-csv` output, as a
/// late assessor's ("Late Beoordelaar") CSV, with the values `change`
/// gives for (criterion, value) where it gives one: the file a late import
/// brings.
pub(crate) fn late_assessor(
    export: &str,
    app: &str,
    assessor: &str,
    change: impl Fn(&str, &str) -> Option<String>,
) -> String {
    let mut lines = export.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    for l in lines {
        // application,region,assessor,round,criterion,value,motivation: the
        // first six never hold a comma.
        let mut f: Vec<String> = l.splitn(7, ',').map(str::to_string).collect();
        if f[0] != app || f[2] != assessor {
            continue;
        }
        f[2] = "Late Beoordelaar".to_string();
        if let Some(v) = change(&f[4], &f[5]) {
            f[5] = v;
        }
        csv.push_str(&f.join(","));
        csv.push('\n');
    }
    assert!(csv.lines().count() > 1, "{assessor} scored {app}");
    csv
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
    let csv = late_assessor(&export, "A04", "Femke Hoogland", |criterion, value| {
        (criterion == "C11").then(|| (value.parse::<u32>().unwrap() + 3).to_string())
    });
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
    // and the score sheets of the applications the stale decisions concern
    let sheet = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().contains("A07"))
        .expect("a sheet of A07");
    let text = pages(&std::fs::read(&sheet).unwrap()).join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Besluit 1 (gelijke stand beslecht) is verouderd"),
        "{}: {text}",
        sheet.display()
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
    let csv = late_assessor(&export, "A01", "Femke Hoogland", |criterion, _| {
        (criterion == "KO2").then(|| "twijfel".to_string())
    });
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

#[test]
fn a_waiver_lets_an_application_below_fifty_be_ranked_for_award_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    // A01 and A02 of the example, both rounds; A02's C11 in round 2 set to
    // 0 by every assessor: 68.00 - 18.66 = 49.33, below the minimum.
    let export = ok(&["export-csv", EXAMPLE]);
    let mut lines = export.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    for l in lines.filter(|l| l.starts_with("A01,") || l.starts_with("A02,")) {
        let fields: Vec<&str> = l.splitn(7, ',').collect();
        let l = if fields[0] == "A02" && fields[3] == "2" && fields[4] == "C11" {
            format!("{},0,{}", fields[..5].join(","), fields[6])
        } else {
            l.to_string()
        };
        csv.push_str(&l);
        csv.push('\n');
    }
    let scores = dir.path().join("scores.csv");
    std::fs::write(&scores, csv).unwrap();
    let d = dir.path().join("twee.ron");
    let ds = d.to_str().unwrap();
    ok(&["import-csv", "--out", ds, scores.to_str().unwrap()]);
    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(status_of(&ranking, "A02"), "below_threshold", "{ranking}");

    ok(&[
        "decide",
        ds,
        "threshold-waiver",
        "--application",
        "A02",
        "--by",
        "M. Jansen",
        "--motivation",
        "De leidraad zegt: de vier aanvragen die de meeste punten scoren.",
    ]);
    let ranking = json(&["rank", ds, "--round", "2", "--format", "json"]);
    assert_eq!(status_of(&ranking, "A02"), "awarded", "{ranking}");
    let states = json(&["decisions", ds, "--format", "json"]);
    assert_eq!(states["decisions"][0]["kind"], "threshold_waiver");
    assert_eq!(states["decisions"][0]["state"], "current");
    assert_eq!(
        states["decisions"][0]["applications"],
        serde_json::json!(["A02"])
    );
}
