//! Nothing lost, nothing forged: the promises of the lock, the imports and
//! the arithmetic, tried as a tester would (issue "Nothing lost, nothing
//! forged"). Each test names the point it breaks on the code before.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use leidraad_core::dossier::EXAMPLE_SOURCE;
use leidraad_core::store;

const HEADER: &str = "application,region,assessor,round,criterion,value,motivation\n";

fn leidraad() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("leidraad"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn example(dir: &Path) -> PathBuf {
    let path = dir.join("dossier.ron");
    std::fs::write(&path, EXAMPLE_SOURCE).unwrap();
    path
}

fn import_into(dossier: &Path, csv: &Path) -> Output {
    leidraad()
        .args(["import-csv", "--into"])
        .arg(dossier)
        .arg(csv)
        .output()
        .unwrap()
}

/// `leidraad import-csv --out NEW CSV`, which must succeed.
fn import_new(dossier: &Path, csv: &Path) {
    let out = leidraad()
        .args(["import-csv", "--out"])
        .arg(dossier)
        .arg(csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn check_ok(dossier: &Path) -> bool {
    leidraad()
        .arg("check")
        .arg(dossier)
        .output()
        .unwrap()
        .status
        .success()
}

/// Point 1: an import that would make a dossier the loader refuses (a
/// limit of docs/limits.md broken) exits non-zero and writes nothing; the
/// dossier still loads.
#[test]
fn an_import_beyond_a_limit_writes_nothing_and_the_dossier_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = example(dir.path());
    let before = std::fs::read(&path).unwrap();
    let long = |n: usize| "x".repeat(n);
    let cases = [
        (
            "motivation of 20,001 characters",
            format!(
                "A01,Regio Lindewaard,Nieuw,1,KO1,voldaan,{}\n",
                long(store::limits::MOTIVATION + 1)
            ),
        ),
        (
            "assessor name of 301 characters",
            format!(
                "A01,Regio Lindewaard,{},1,KO1,voldaan,ok\n",
                long(store::limits::NAME + 1)
            ),
        ),
        (
            "application id of 41 characters",
            format!(
                "{},Regio Nieuw,Nieuw,1,KO1,voldaan,ok\n",
                long(store::limits::ID + 1)
            ),
        ),
    ];
    for (what, row) in cases {
        let csv = dir.path().join("scores.csv");
        std::fs::write(&csv, format!("{HEADER}{row}")).unwrap();
        let out = import_into(&path, &csv);
        assert_ne!(out.status.code(), Some(0), "{what}: the import is refused");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{what}: the dossier is untouched"
        );
        assert!(check_ok(&path), "{what}: the dossier still loads");
    }
    // 10,001 applications: each row a new one.
    let mut rows = String::from(HEADER);
    for n in 0..=store::limits::APPLICATIONS {
        rows.push_str(&format!("N{n:05},Regio {n},Anna,1,KO1,voldaan,ok\n"));
    }
    let csv = dir.path().join("applications.csv");
    std::fs::write(&csv, rows).unwrap();
    let out = import_into(&path, &csv);
    assert_ne!(
        out.status.code(),
        Some(0),
        "10,001 applications are refused"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // 101 assessors: each row a new one.
    let mut rows = String::from(HEADER);
    for n in 0..=store::limits::ASSESSORS {
        rows.push_str(&format!(
            "A01,Regio Lindewaard,Beoordelaar {n},1,KO1,voldaan,ok\n"
        ));
    }
    let csv = dir.path().join("many.csv");
    std::fs::write(&csv, rows).unwrap();
    assert_ne!(import_into(&path, &csv).status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(check_ok(&path));
}

/// Point 2: several processes importing into one dossier at once, with a
/// stale lock (of a process that has ended) present: every import that
/// says it succeeded is in the file. 200 runs of 4 importers.
#[test]
fn concurrent_imports_with_a_stale_lock_lose_no_update() {
    const RUNS: usize = 200;
    const IMPORTERS: usize = 4;
    let dir = tempfile::tempdir().unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "localhost".into());
    let csvs: Vec<PathBuf> = (0..IMPORTERS)
        .map(|i| {
            let csv = dir.path().join(format!("scores-{i}.csv"));
            std::fs::write(
                &csv,
                format!("{HEADER}A01,Regio Lindewaard,Importeur {i},1,KO1,voldaan,ok\n"),
            )
            .unwrap();
            csv
        })
        .collect();
    let (mut succeeded, mut refused) = (0, 0);
    for run in 0..RUNS {
        let path = dir.path().join(format!("dossier-{run}.ron"));
        std::fs::write(&path, EXAMPLE_SOURCE).unwrap();
        // A lock file left by a process that has ended (an old pid), or
        // left empty by one killed while writing it.
        let stale = if run % 2 == 0 {
            format!("pid=999999\nhost={host}\nsince=2022-08-10T09:30:00Z\n")
        } else {
            String::new()
        };
        std::fs::write(store::lock_path(&path), stale).unwrap();
        let children: Vec<_> = csvs
            .iter()
            .map(|csv| {
                leidraad()
                    .args(["import-csv", "--into"])
                    .arg(&path)
                    .arg(csv)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outcomes: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let (_, dossier) = leidraad::cli::open(&path, None).unwrap();
        for (i, out) in outcomes.iter().enumerate() {
            let name = format!("Importeur {i}");
            let present = dossier.assessments.iter().any(|a| a.assessor == name);
            match out.status.code() {
                Some(0) => {
                    succeeded += 1;
                    assert!(present, "run {run}: {name} exited 0 but is not in the file");
                }
                Some(1) => {
                    refused += 1;
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(err.contains("is open elsewhere"), "run {run}: {err}");
                    assert!(!present, "run {run}: {name} was refused but is in the file");
                }
                other => panic!("run {run}: importer {i} ended with {other:?}"),
            }
        }
        assert!(
            outcomes.iter().any(|o| o.status.success()),
            "run {run}: the stale lock blocked every importer"
        );
    }
    eprintln!("{succeeded} imports succeeded, {refused} refused while another held the lock");
}

/// Point 3: a dossier path that is a symbolic link: the import writes
/// through to the real file, the link stays a link, and the lock is the
/// real file's (a window holding the real file refuses the import through
/// the link).
#[cfg(unix)]
#[test]
fn a_symlinked_dossier_is_written_through_and_locked_as_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = example(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let csv = dir.path().join("scores.csv");
    std::fs::write(
        &csv,
        format!("{HEADER}A01,Regio Lindewaard,Via De Link,1,KO1,voldaan,ok\n"),
    )
    .unwrap();
    // A window has the real file open.
    let window = leidraad_core::session::Session::open(
        &real,
        None,
        leidraad_core::session::Access::WriteOrReadOnly,
    )
    .unwrap();
    let out = import_into(&link, &csv);
    assert_eq!(
        out.status.code(),
        Some(1),
        "refused while the window has it"
    );
    drop(window);
    let out = import_into(&link, &csv);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    let (_, d) = leidraad::cli::open(&real, None).unwrap();
    assert!(d.assessments.iter().any(|a| a.assessor == "Via De Link"));
}

/// Point 7: a rubric whose caps would overflow a whole number is refused
/// by `check-rubric` (it ranked an application at 4294967350.00 "of 100").
#[test]
fn a_rubric_whose_caps_overflow_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let source = leidraad_core::rubric::BUILTIN_SOURCE;
    // The first cap of 10 becomes the largest u32; the total stays.
    let text = source.replacen("cap: 10,", "cap: 4294967295,", 1);
    assert_ne!(text, source, "the rubric has a cap of 10");
    let file = dir.path().join("rubriek.ron");
    std::fs::write(&file, text).unwrap();
    let out = leidraad().arg("check-rubric").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rubriek.ron:"), "{err}");
}

/// Point 8: `export-csv` writes a cell that a spreadsheet would run as a
/// formula with a leading `'`, and `import-csv` reads it back unchanged.
#[test]
fn formula_cells_are_written_safely_and_read_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    let formula = "=HYPERLINK(\"http://example.invalid\",\"klik\")";
    let mut rows = String::from(HEADER);
    for (criterion, value, motivation) in [
        ("KO1", "voldaan", formula),
        ("KO2", "voldaan", "+31 6 1234"),
        ("KO3", "voldaan", "-min of meer"),
        ("KO4", "voldaan", "@SUM(A1)"),
        ("KO5", "voldaan", "'=al met een apostrof"),
    ] {
        let motivation = motivation.replace('"', "\"\"");
        rows.push_str(&format!(
            "A01,Regio Noordkust,Anna,1,{criterion},{value},\"{motivation}\"\n"
        ));
    }
    std::fs::write(&csv, rows).unwrap();
    let first = dir.path().join("eerste.ron");
    import_new(&first, &csv);
    let exported = leidraad().arg("export-csv").arg(&first).output().unwrap();
    let text = String::from_utf8(exported.stdout).unwrap();
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {line}"
            );
        }
    }
    assert!(text.contains("'=HYPERLINK"), "{text}");
    // Read back: the same motivations.
    let again = dir.path().join("export.csv");
    std::fs::write(&again, &text).unwrap();
    let second = dir.path().join("tweede.ron");
    import_new(&second, &again);
    let motivations = |p: &Path| {
        let (_, d) = leidraad::cli::open(p, None).unwrap();
        d.assessments[0]
            .knockouts
            .values()
            .map(|j| j.motivation.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(motivations(&first), motivations(&second));
    assert!(motivations(&second).contains(&formula.to_string()));
}

/// Point 8: control characters (an ESC sequence) in a name do not reach
/// the terminal raw through `history`.
#[test]
fn history_shows_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        format!("{HEADER}A01,Regio Noordkust,Anna \u{1b}[2J,1,KO1,voldaan,ok\n"),
    )
    .unwrap();
    let path = dir.path().join("d.ron");
    import_new(&path, &csv);
    let out = leidraad().arg("history").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "a raw ESC reached the terminal");
    assert!(text.contains("\\u{1b}[2J"), "{text}");
}

/// Point 9: a CSV cut off inside a quoted field is refused as a whole (it
/// was partly imported), and error lines are the lines an editor shows,
/// also with CR LF line endings (they were one too low).
#[test]
fn a_cut_off_csv_is_refused_and_lines_are_the_editors_with_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = example(dir.path());
    let before = std::fs::read(&path).unwrap();
    let csv = dir.path().join("afgekapt.csv");
    std::fs::write(
        &csv,
        format!(
            "{HEADER}A01,Regio Lindewaard,Nieuw,1,KO1,voldaan,ok\nA01,Regio Lindewaard,Nieuw,1,KO2,voldaan,\"een motivering die hier afbr"
        ),
    )
    .unwrap();
    let out = import_into(&path, &csv);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("afgekapt.csv:3:"), "{err}");
    assert!(err.contains("never closed"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing imported");

    // CR LF: the error on the fourth line is reported on line 4.
    let crlf = dir.path().join("crlf.csv");
    let text = format!(
        "{HEADER}A01,Regio Lindewaard,Nieuw,1,KO1,voldaan,ok\nA01,Regio Lindewaard,Nieuw,1,KO2,voldaan,ok\nA01,Regio Lindewaard,Nieuw,1,C2,11,te hoog\n"
    )
    .replace('\n', "\r\n");
    std::fs::write(&crlf, text).unwrap();
    let out = import_into(&path, &crlf);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crlf.csv:4: C2"), "{err}");
}

/// Point 4, against a printed head: the head of the audit log on a sheet
/// (`logboek N:HASH`), and `leidraad verify --head` on the dossier later:
/// held while the log only grows, not held once entries were removed from
/// its end (which the chain alone cannot see).
#[test]
fn verify_holds_a_dossier_to_the_head_printed_on_its_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        format!(
            "{HEADER}A01,Regio Noordkust,Anna,1,KO1,voldaan,ok\nA01,Regio Noordkust,Anna,1,C2,7,goed\n"
        ),
    )
    .unwrap();
    let path = dir.path().join("d.ron");
    import_new(&path, &csv);
    let (rubric, dossier) = leidraad::cli::open(&path, None).unwrap();
    let sheet = leidraad_report::score_sheet(
        &rubric,
        &dossier,
        &leidraad_report::SheetKind::Assessment {
            application: "A01".into(),
            assessor: "Anna".into(),
            round: leidraad_core::dossier::Round::One,
        },
        chrono::NaiveDate::from_ymd_opt(2022, 8, 10).unwrap(),
    )
    .unwrap();
    let text = crate::report_support::pages(&sheet).join("\n");
    let head = text
        .split("logboek ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the footer prints the head of the log")
        .to_string();
    let verify = |head: &str| {
        leidraad()
            .arg("verify")
            .arg(&path)
            .args(["--head", head])
            .output()
            .unwrap()
    };
    let out = verify(&head);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("still holds the head"));
    // The last entry removed from the log: the chain still holds, the
    // printed head does not.
    let mut cut = dossier.clone();
    cut.audit.pop();
    store::save_dossier(&path, &cut).unwrap();
    assert!(check_ok(&path), "the chain alone does not see it");
    let out = verify(&head);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does NOT hold the head"));
}

mod generated {
    //! Point 1 as a property: after any import that exits 0, `leidraad
    //! check` on the result exits 0. The CSVs are generated with texts at
    //! and past every limit, mostly valid so that many imports succeed.
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;

    fn text(lens: Vec<usize>) -> impl Strategy<Value = String> {
        (prop::sample::select(lens), "[a-zA-Zé ,\"=]{1,8}")
            .prop_map(|(n, unit)| unit.chars().cycle().take(n).collect())
    }

    fn row() -> impl Strategy<Value = String> {
        let id = store::limits::ID;
        let name = store::limits::NAME;
        let motivation = store::limits::MOTIVATION;
        (
            prop::sample::select(vec![
                "A01".to_string(),
                "A02".into(),
                "x".repeat(id),
                "x".repeat(id + 1),
            ]),
            prop::sample::select(vec![0usize, 0, 0, 0, name, name + 1]),
            text(vec![6, 6, 6, name, name + 1]),
            prop::sample::select(vec!["1", "1", "1", "2"]),
            prop::sample::select(vec![
                ("KO1", "voldaan"),
                ("KO2", "twijfel"),
                ("KO3", "niet voldaan"),
                ("C1", "ja"),
                ("C1", "nee"),
                ("C2", "5"),
                ("C2", "nb"),
                ("C3", "2"),
                ("C5", "3"),
                ("C2", "11"),
            ]),
            text(vec![0, 20, 20, motivation, motivation + 1]),
        )
            .prop_map(
                move |(app, region, who, round, (criterion, value), motivation)| {
                    // One region per application, or a name at or past the limit.
                    let region = match region {
                        0 => format!("Regio {}", &app[..app.len().min(8)]),
                        n => "R".repeat(n),
                    };
                    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
                    format!(
                        "{},{},{},{round},{criterion},{value},{}\n",
                        q(&app),
                        q(&region),
                        q(&who),
                        q(&motivation)
                    )
                },
            )
    }

    #[test]
    fn after_any_import_that_exits_0_check_exits_0() {
        let (accepted, refused) = (Cell::new(0), Cell::new(0));
        let mut runner = TestRunner::new(Config {
            cases: 96,
            ..Config::default()
        });
        runner
            .run(&prop::collection::vec(row(), 1..5), |rows| {
                let dir = tempfile::tempdir().unwrap();
                let csv = dir.path().join("gegenereerd.csv");
                std::fs::write(&csv, format!("{HEADER}{}", rows.concat())).unwrap();
                let path = dir.path().join("d.ron");
                let out = leidraad()
                    .args(["import-csv", "--out"])
                    .arg(&path)
                    .arg(&csv)
                    .output()
                    .unwrap();
                if out.status.success() {
                    accepted.set(accepted.get() + 1);
                    prop_assert!(check_ok(&path), "{}", rows.concat());
                } else {
                    refused.set(refused.get() + 1);
                    prop_assert!(!path.exists(), "a refused import wrote a file");
                }
                Ok(())
            })
            .unwrap();
        eprintln!(
            "{} imports accepted, {} refused",
            accepted.get(),
            refused.get()
        );
        assert!(
            accepted.get() > 0 && refused.get() > 0,
            "both kinds were tried"
        );
    }
}
