//! Bad input, faults and limits: every file in tests/bad_input/ is refused
//! with the file, the line:column and what is wrong, and no file changes.
//! Also: saves into a read-only folder and onto a full disk, the lock of a
//! second window, the limits, user-only permissions (dossiers, packages, result
//! files, exports) and no temporary file left behind.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use leidraad_core::dossier::{Application, Dossier, ScoreError};
use leidraad_core::edit::{self, EditError, Target};
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::store::{self, Lock, LockError, limits};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_input")
        .join(name)
}

/// The minimal fixture (of the first edition of the leidraad), pointed at
/// the current built-in edition.
fn minimal() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier-v1-minimal.ron"),
    )
    .unwrap();
    let first = leidraad_core::rubric::Rubric::builtin_with_hash(
        "08d6e61b3d5e05d6f8ed1181df2709370888ebb09793d5b1f5dd33bca0db9b6c",
    )
    .expect("the first edition is built in");
    let current = leidraad_core::rubric::Rubric::builtin();
    text.replace(&first.hash(), &current.hash()).replace(
        &format!("version: \"{}\"", first.version),
        &format!("version: \"{}\"", current.version),
    )
}

/// Load `path`; it must be refused, quickly, without changing the file.
/// Returns the message.
fn refused(path: &Path) -> leidraad_core::error::LoadError {
    let before = std::fs::read(path).unwrap();
    let started = Instant::now();
    let err = match store::load_dossier(path, &Rubric::builtin()) {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(e) => e,
    };
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{}: took {:?}",
        path.display(),
        started.elapsed()
    );
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} changed",
        path.display()
    );
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "the message names the file: {err}"
    );
    err
}

#[test]
fn every_file_of_the_corpus_is_refused_with_its_place_and_reason() {
    // file, line, column, a piece of the message
    let cases: &[(&str, usize, usize, &str)] = &[
        ("binary.ron", 1, 1, "not valid UTF-8"),
        ("invalid-utf8.ron", 17, 28, "not valid UTF-8"),
        ("empty.ron", 1, 1, "the file is empty"),
        (
            "truncated.ron",
            53,
            11,
            "the file ends too early (truncated?)",
        ),
        ("wrong-type-round.ron", 31, 13, "expected a whole number"),
        ("wrong-type-value.ron", 45, 30, "expected a whole number"),
        ("wrong-type-scale.ron", 24, 46, "out of range"),
        (
            "unknown-format-version.ron",
            4,
            3,
            "unknown format version 9; this build reads dossier format 1",
        ),
        ("no-format-version.ron", 1, 1, "no format_version"),
        (
            "duplicate-application.ron",
            27,
            11,
            "A01: duplicate application id",
        ),
        (
            "duplicate-assessment.ron",
            67,
            7,
            "a second assessment by Femke Hoogland in round 1",
        ),
        (
            "other-rubric.ron",
            6,
            3,
            "this dossier was scored against rubric",
        ),
        (
            "unknown-field.ron",
            18,
            7,
            "unknown field `plan_titel`; allowed here",
        ),
        (
            "score-out-of-range.ron",
            30,
            7,
            "C2: 70 is outside the scale 1..10",
        ),
        ("unknown-criterion.ron", 30, 7, "unknown criterion C12"),
        (
            "unknown-assessor-application.ron",
            30,
            7,
            "assessment of unknown application A99",
        ),
        (
            "region-too-long.ron",
            17,
            7,
            "A01: the region is too long: 316 characters; at most 300 are allowed",
        ),
        (
            "nested-too-deep.ron",
            3,
            9,
            "expected a text in double quotes",
        ),
    ];
    let mut listed: Vec<&str> = cases.iter().map(|c| c.0).collect();
    listed.sort();
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    on_disk.sort();
    assert_eq!(listed, on_disk, "every corpus file has an expectation");
    for (file, line, column, message) in cases {
        let err = refused(&corpus(file));
        let text = err.to_string();
        assert!(
            text.contains(&format!(":{line}:{column}: ")),
            "{file}: expected {line}:{column}, got {text}"
        );
        assert!(text.contains(message), "{file}: {text}");
    }
}

#[test]
fn a_ten_megabyte_motivation_is_refused_quickly_by_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let huge = "x".repeat(10 * 1024 * 1024);
    let text = minimal().replacen(
        "motivation: \"Kwartiermaker aangesteld per 1 maart 2022.\"",
        &format!("motivation: \"{huge}\""),
        1,
    );
    assert!(text.len() > 10_000_000);
    std::fs::write(&path, &text).unwrap();
    let err = refused(&path).to_string();
    assert!(
        err.contains(
            "A01 by Femke Hoogland: the motivation of C1 is too long: 10485760 characters; at most 20000 are allowed"
        ),
        "{err}"
    );
    assert!(err.contains(":30:7: "), "{err}");
}

fn with_applications(n: usize) -> Dossier {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Limiet", &rubric);
    for i in 1..=n {
        d.applications.push(Application::new(
            &format!("A{i:05}"),
            &format!("Proefregio {i}"),
        ));
    }
    d
}

#[test]
fn the_application_limit_holds_in_loading_and_in_editing() {
    let rubric = Rubric::builtin();
    let dir = tempfile::tempdir().unwrap();
    // Exactly at the limit: loads (the benchmarks use 10,000).
    let path = dir.path().join("full.ron");
    let mut d = with_applications(limits::APPLICATIONS);
    store::save_dossier(&path, &d).unwrap();
    assert_eq!(
        store::load_dossier(&path, &rubric)
            .unwrap()
            .applications
            .len(),
        10_000
    );
    // One more by editing: refused with a message.
    let err = edit::add_application(&mut d, Application::new("B1", "Regio Noordkaap")).unwrap_err();
    assert_eq!(
        err,
        EditError::Score(ScoreError::TooMany {
            what: "applications",
            max: 10_000
        })
    );
    assert_eq!(
        err.to_string(),
        "at most 10000 applications fit in one dossier"
    );
    assert_eq!(d.applications.len(), 10_000);
    // One more in a file: refused where the applications stand.
    let over = dir.path().join("over.ron");
    std::fs::write(&over, store::to_ron(&with_applications(10_001))).unwrap();
    let err = refused(&over).to_string();
    assert!(
        err.contains("10001 applications; a dossier holds at most 10000"),
        "{err}"
    );
}

#[test]
fn texts_beyond_their_limits_are_refused_in_editing() {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Limiet", &rubric);
    edit::add_application(&mut d, Application::new("A01", "Regio Noordkaap")).unwrap();
    let target = Target {
        application: "A01".into(),
        assessor: "Femke Hoogland".to_string(),
        round: leidraad_core::dossier::Round::One,
    };
    let c1 = CriterionId::new("C1");
    let now = leidraad_core::dossier::now();
    // At the limit it is taken; one character more is refused.
    let fits = "é".repeat(limits::MOTIVATION);
    edit::set_motivation(&rubric, &mut d, &target, &c1, &fits, now).unwrap();
    let over = format!("{fits}!");
    let err = edit::set_motivation(&rubric, &mut d, &target, &c1, &over, now).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the motivation of C1 is too long: 20001 characters; at most 20000 are allowed"
    );
    let kept = d
        .assessment(&target.application, &target.assessor, target.round)
        .unwrap();
    assert_eq!(kept.criteria[&c1].motivation, fits, "the old text stays");
    let ko = CriterionId::new("KO1");
    assert!(matches!(
        edit::set_ko_motivation(&rubric, &mut d, &target, &ko, &over, now),
        Err(EditError::Score(ScoreError::TooLong { .. }))
    ));
    let long_region = "R".repeat(limits::NAME + 1);
    assert!(matches!(
        edit::add_application(&mut d, Application::new("A02", &long_region)),
        Err(EditError::Score(ScoreError::TooLong { .. }))
    ));
    // A new assessor beyond the limit is refused.
    for i in d.assessors.len()..limits::ASSESSORS {
        d.ensure_assessor(&format!("Beoordelaar {i}"));
    }
    let newcomer = Target {
        assessor: "Nog een beoordelaar".to_string(),
        ..target.clone()
    };
    assert_eq!(
        edit::set_motivation(&rubric, &mut d, &newcomer, &c1, "kort", now).unwrap_err(),
        EditError::Score(ScoreError::TooMany {
            what: "assessors",
            max: 100
        })
    );
    // A known assessor still edits.
    edit::set_motivation(&rubric, &mut d, &target, &c1, "kort", now).unwrap();
}

// ---- saves that cannot succeed -------------------------------------------

const CHILD_ENV: &str = "LEIDRAAD_BAD_INPUT_CHILD";

/// Run the test `name` of this binary again inside a new user and mount
/// namespace, after the shell `setup` (which sees the folder as `$DIR`).
/// `None` when this machine offers no such namespace.
fn in_namespace(name: &str, dir: &Path, setup: &str) -> Option<std::process::Output> {
    let exe = std::env::current_exe().unwrap();
    let script = format!(
        "{setup} && exec \"$0\" --exact {}::{name} --nocapture --test-threads=1",
        module_path!().trim_start_matches("it::")
    );
    let probe = Command::new("unshare")
        .args(["-Urm", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    Some(
        Command::new("unshare")
            .args(["-Urm", "sh", "-c", &script])
            .arg(&exe)
            .env("DIR", dir)
            .env(CHILD_ENV, dir)
            .output()
            .unwrap(),
    )
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

/// The check both fault tests make: the save fails with a message that
/// names the file, the old file is intact, no temporary file is left.
fn save_fails_and_keeps_the_old_file(dir: &Path, fill: bool) -> String {
    let rubric = Rubric::builtin();
    let path = dir.join("dossier.ron");
    let old = std::fs::read(&path).unwrap();
    if fill {
        // Fill the disk: write until it refuses.
        use std::io::Write;
        let mut f = std::fs::File::create(dir.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).and_then(|()| f.sync_all()).is_ok() {}
    }
    let bigger = leidraad_core::synthetic::dossier(&rubric, 30, 3, 5);
    let err = store::save_dossier(&path, &bigger).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert!(err.contains("could not save"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), old, "the old file is intact");
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".leidraad-"))
        .collect();
    assert!(left.is_empty(), "temporaries left: {left:?}");
    err
}

#[test]
fn a_save_into_a_read_only_folder_fails_clearly_and_changes_nothing() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        if std::env::var("LEIDRAAD_FAULT").as_deref() == Ok("read-only") {
            println!(
                "CHILD-OK {}",
                save_fails_and_keeps_the_old_file(Path::new(&dir), false)
            );
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dossier.ron"), minimal()).unwrap();
    // Root passes every permission check; a read-only mount stops it too.
    let setup = "mount --bind \"$DIR\" \"$DIR\" && mount -o remount,ro,bind \"$DIR\"";
    run_fault(
        "a_save_into_a_read_only_folder_fails_clearly_and_changes_nothing",
        dir.path(),
        setup,
        "read-only",
        || {
            if is_root() {
                return None;
            }
            let mut perms = std::fs::metadata(dir.path()).unwrap().permissions();
            use std::os::unix::fs::PermissionsExt;
            perms.set_mode(0o555);
            std::fs::set_permissions(dir.path(), perms.clone()).unwrap();
            let msg = save_fails_and_keeps_the_old_file(dir.path(), false);
            perms.set_mode(0o755);
            std::fs::set_permissions(dir.path(), perms).unwrap();
            Some(msg)
        },
    );
}

#[test]
fn a_save_onto_a_full_disk_fails_clearly_and_changes_nothing() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        if std::env::var("LEIDRAAD_FAULT").as_deref() == Ok("full") {
            let dir = Path::new(&dir);
            std::fs::write(dir.join("dossier.ron"), minimal()).unwrap();
            println!("CHILD-OK {}", save_fails_and_keeps_the_old_file(dir, true));
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A 256 KiB file system of its own, mounted over the folder.
    let setup = "mount -t tmpfs -o size=256k tmpfs \"$DIR\"";
    run_fault(
        "a_save_onto_a_full_disk_fails_clearly_and_changes_nothing",
        dir.path(),
        setup,
        "full",
        || None,
    );
}

/// A save whose last step (the rename over the dossier) fails keeps the
/// previous backup: the backup is replaced only once the new file is in
/// place. The dossier file is a bind mount of itself here, so the new file
/// can be written and the old one copied, but not renamed over.
#[test]
fn a_save_that_fails_at_the_rename_keeps_the_previous_backup() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        if std::env::var("LEIDRAAD_FAULT").as_deref() == Ok("busy") {
            let dir = Path::new(&dir);
            let path = dir.join("dossier.ron");
            let backup = store::backup_path(&path);
            let rubric = Rubric::builtin();
            let bigger = leidraad_core::synthetic::dossier(&rubric, 3, 2, 5);
            let err = store::save_dossier(&path, &bigger).unwrap_err().to_string();
            assert_eq!(std::fs::read(&path).unwrap(), minimal().as_bytes());
            assert_eq!(std::fs::read(&backup).unwrap(), b"the previous backup");
            let left: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".leidraad-"))
                .collect();
            assert!(left.is_empty(), "temporaries left: {left:?}");
            println!("CHILD-OK {err}");
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dossier.ron"), minimal()).unwrap();
    std::fs::write(dir.path().join("dossier.ron.bak"), "the previous backup").unwrap();
    let setup = "mount --bind \"$DIR/dossier.ron\" \"$DIR/dossier.ron\"";
    run_fault(
        "a_save_that_fails_at_the_rename_keeps_the_previous_backup",
        dir.path(),
        setup,
        "busy",
        || None,
    );
}

/// Point 10 of the tester: a FIFO or a device given as a dossier is refused
/// at once, not read until memory runs out or forever.
#[test]
fn a_fifo_or_a_device_is_refused_as_a_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut paths = vec![PathBuf::from("/dev/zero")];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo);
    }
    for path in paths {
        let err = store::read_text(&path).unwrap_err().to_string();
        assert!(
            err.contains("not a regular file"),
            "{}: {err}",
            path.display()
        );
    }
}

/// Run a fault test in a namespace (with `LEIDRAAD_FAULT=fault`), or else
/// with `fallback`, or else skip it with the reason printed.
fn run_fault(
    name: &str,
    dir: &Path,
    setup: &str,
    fault: &str,
    fallback: impl FnOnce() -> Option<String>,
) {
    let exe_setup = format!("export LEIDRAAD_FAULT={fault} && {setup}");
    match in_namespace(name, dir, &exe_setup) {
        Some(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && stdout.contains("CHILD-OK"),
                "the child failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = stdout.lines().find(|l| l.contains("CHILD-OK")).unwrap();
            eprintln!("{name}: {}", line.split("CHILD-OK ").nth(1).unwrap_or(""));
        }
        None => match fallback() {
            Some(msg) => eprintln!("{name}: {msg}"),
            None => eprintln!(
                "SKIPPED {name}: no user namespace (unshare -Urm) on this machine{}",
                if is_root() {
                    ", and root passes permission checks"
                } else {
                    ""
                }
            ),
        },
    }
}

// ---- a second window -----------------------------------------------------

#[test]
fn a_second_window_gets_no_lock_and_is_told_who_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    std::fs::write(&path, minimal()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let first = Lock::acquire(&path).unwrap();
    assert_eq!(first.path(), store::lock_path(&path));
    let text = std::fs::read_to_string(first.path()).unwrap();
    assert!(
        text.contains(&format!("pid={}", std::process::id())),
        "{text}"
    );
    match Lock::acquire(&path) {
        Err(LockError::Locked { by, .. }) => {
            assert_eq!(by.pid, std::process::id());
            let msg = LockError::Locked {
                file: path.display().to_string(),
                by,
            }
            .to_string();
            assert!(msg.contains("is open elsewhere (process "), "{msg}");
        }
        other => panic!("a second lock was given: {other:?}"),
    }
    drop(first);
    assert!(
        !store::lock_path(&path).exists(),
        "closing removes the lock"
    );
    let again = Lock::acquire(&path).unwrap();
    drop(again);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "locking never touches the dossier"
    );
}

#[test]
fn a_lock_of_a_dead_process_is_taken_over_but_not_one_of_another_host() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let lock = store::lock_path(&path);
    // A process that has ended: its pid is free.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    if host.is_empty() {
        eprintln!("SKIPPED the stale-lock half: no /proc/sys/kernel/hostname");
        return;
    }
    std::fs::write(
        &lock,
        format!("pid={dead}\nhost={host}\nsince=2022-08-10T09:30:00Z\n"),
    )
    .unwrap();
    let taken = Lock::acquire(&path).expect("a stale lock is taken over");
    assert!(
        std::fs::read_to_string(&lock)
            .unwrap()
            .contains(&format!("pid={}", std::process::id()))
    );
    drop(taken);
    // Another computer's lock (a shared folder) is never judged stale.
    std::fs::write(
        &lock,
        format!("pid={dead}\nhost=ander-werkstation\nsince=x\n"),
    )
    .unwrap();
    match Lock::acquire(&path) {
        Err(LockError::Locked { by, .. }) => assert_eq!(by.host, "ander-werkstation"),
        other => panic!("another host's lock was taken: {other:?}"),
    }
    assert!(lock.exists(), "the other host's lock stays");
}

// ---- confidentiality -----------------------------------------------------

#[test]
fn dossiers_and_their_backups_are_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    let rubric = Rubric::builtin();
    let d = Dossier::new("Vertrouwelijk", &rubric);
    store::save_dossier(&path, &d).unwrap();
    store::save_dossier(&path, &d).unwrap();
    for p in [path.clone(), store::backup_path(&path)] {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}: {mode:o}", p.display());
    }
}

/// Every file the program makes from a dossier holds assessment data: the
/// package for an assessor, the result file the assessor saves from it, the
/// dossier after the import, and the exported sheets. All are user-only,
/// and no temporary file is left beside any of them.
#[test]
fn packages_result_files_and_exports_are_user_only_and_leave_no_temporary() {
    use std::os::unix::fs::PermissionsExt;
    let bin = env!("CARGO_BIN_EXE_leidraad");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let dossier = d.join("dossier.ron");
    // Written by another program, readable by all: the first backup, made
    // of this version, must still be user-only.
    std::fs::write(&dossier, leidraad_core::dossier::EXAMPLE_SOURCE).unwrap();
    std::fs::set_permissions(&dossier, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(bin)
            .current_dir(d)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "package",
        "dossier.ron",
        "--assessor",
        "Femke Hoogland",
        "--round",
        "2",
        "--out",
        "pakket.ron",
    ]);
    // The assessor saves the package in the window: that is the result file.
    let rubric = Rubric::builtin();
    let package = store::load_dossier(&d.join("pakket.ron"), &rubric).unwrap();
    store::save_dossier(&d.join("resultaat.ron"), &package).unwrap();
    run(&["import-result", "dossier.ron", "resultaat.ron"]);
    // The dossier as a save leaves it (the window, an import that changes
    // something): with its backup.
    store::save_dossier(&dossier, &store::load_dossier(&dossier, &rubric).unwrap()).unwrap();
    run(&["export", "dossier.ron", "--out", "uitvoer", "--round", "2"]);
    let mut files = vec![
        d.join("pakket.ron"),
        d.join("resultaat.ron"),
        dossier.clone(),
        store::backup_path(&dossier),
    ];
    let exported: Vec<_> = std::fs::read_dir(d.join("uitvoer"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(exported.len() > 1, "{exported:?}");
    files.extend(exported.iter().cloned());
    for p in &files {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}: {mode:o}", p.display());
    }
    for folder in [d.to_path_buf(), d.join("uitvoer")] {
        let left: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".leidraad-") || n.ends_with(".tmp") || n.ends_with(".lock"))
            .collect();
        assert!(left.is_empty(), "left in {}: {left:?}", folder.display());
    }
}

// ---- result files (found by the `result` fuzz target) ------------------------

/// A result file that lowers the assessor's round-1 score of A04 (C8: 4 → 2,
/// so A04 drops below 50 and round 1 no longer invites it) and also holds
/// round-2 work on A04. The import once checked round 2 against round 1 as
/// it was before the import and accepted the file (found by the `result`
/// fuzz target). Now it is refused either way the package was issued, and
/// nothing changes.
#[test]
fn a_result_file_that_uninvites_its_own_round_2_work_is_refused() {
    use leidraad_core::dossier::{Issued, Round};
    use leidraad_core::panel::PanelError;
    let rubric = Rubric::builtin();
    let mut example = store::parse_dossier(
        leidraad_core::dossier::EXAMPLE_SOURCE,
        "voorbeelddossier.ron",
        &rubric,
    )
    .unwrap();
    example.id = "dossier".into();
    let path = corpus("result/uninvites-round-2.ron");
    let file = store::load_dossier(&path, &rubric).unwrap();
    // The file as the answer to a package this dossier issued, for each
    // round in turn.
    let issued_as = |round: Round| {
        let mut result = file.clone();
        let info = result.package.as_mut().unwrap();
        info.dossier = "dossier".into();
        info.id = format!("pakket-{round}");
        info.round = round;
        let mut dossier = example.clone();
        dossier.issued.push(Issued {
            id: info.id.clone(),
            assessor: info.assessor.clone(),
            round,
            applications: result.applications.iter().map(|a| a.id.clone()).collect(),
            created: info.created,
        });
        (result, dossier)
    };
    let now = leidraad_core::dossier::now();
    let a04 = leidraad_core::dossier::ApplicationId::from("A04");
    // As a round-2 package: it may not change round 1.
    // As a round-1 package: its round-2 copy of A04 is the dossier's own
    // (unchanged), but its round-1 change un-invites A04, whose round-2
    // work then cannot stand: refused as the fuzz target found it.
    for round in [Round::Two, Round::One] {
        let (result, mut dossier) = issued_as(round);
        let before = dossier.clone();
        let err = leidraad_core::panel::import_result(&rubric, &mut dossier, &result, "test", now)
            .unwrap_err();
        let expected = match round {
            Round::Two => PanelError::NotInPackage {
                application: a04.clone(),
                round: Round::One,
            },
            Round::One => PanelError::NotInvited(a04.clone()),
        };
        assert_eq!(err, expected, "a round-{round} package");
        assert!(dossier == before, "a refused import changes nothing");
    }
    // The same work without the round-2 part is a valid round-1 result.
    let (mut round_one_only, mut dossier) = issued_as(Round::One);
    round_one_only.assessments.retain(|a| a.round == Round::One);
    leidraad_core::panel::import_result(&rubric, &mut dossier, &round_one_only, "test", now)
        .expect("round-1 work alone is accepted");
    let again =
        leidraad_core::panel::import_result(&rubric, &mut dossier, &round_one_only, "test", now)
            .unwrap();
    assert!(again.added.is_empty() && again.updated.is_empty());
}

// The dependency check lives in tests/no_network.rs, with the observations.

#[test]
fn a_file_beyond_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: costs no disk space, and is refused before it is read.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(limits::FILE_BYTES + 1).unwrap();
    drop(f);
    let started = Instant::now();
    let err = store::load_dossier(&path, &Rubric::builtin())
        .unwrap_err()
        .to_string();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        err.contains(":1:1: the file is 1073741825 bytes; at most 1073741824 bytes are read"),
        "{err}"
    );
}

// ---- random input: no panic ------------------------------------------------
//
// cargo-fuzz needs a nightly toolchain and is not installed on the build
// machine; these property tests are its stand-in: random bytes, and random
// damage to valid files, go into every loader, which must answer with an
// error or a value and never panic.

mod random_input {
    use leidraad_core::rubric::{BUILTIN_SOURCE, Rubric};
    use leidraad_core::store;
    use proptest::prelude::*;

    /// Decode, then load as a dossier, as a rubric and as CSV scores.
    fn load_everything(bytes: Vec<u8>) {
        let rubric = Rubric::builtin();
        let Ok(text) = store::decode(bytes, "random.ron") else {
            return;
        };
        let _ = store::parse_dossier(&text, "random.ron", &rubric);
        let _ = Rubric::parse(&text, "random.ron");
        let mut d = leidraad_core::dossier::Dossier::new("Willekeurig", &rubric);
        let _ = leidraad_core::interchange::csv::import(
            &rubric,
            &mut d,
            &text,
            "random.csv",
            leidraad_core::dossier::now(),
        );
    }

    /// A valid file with damage: bytes replaced, a piece cut out, the end cut off.
    fn damaged(valid: &'static str) -> impl Strategy<Value = Vec<u8>> {
        let len = valid.len();
        (
            prop::collection::vec((0..len, any::<u8>()), 0..8),
            0..len,
            0..64usize,
            0..=len,
        )
            .prop_map(move |(flips, cut_at, cut_len, end)| {
                let mut b = valid.as_bytes().to_vec();
                for (i, v) in flips {
                    b[i] = v;
                }
                let stop = (cut_at + cut_len).min(b.len());
                b.drain(cut_at.min(stop)..stop);
                b.truncate(end.min(b.len()));
                b
            })
    }

    const MINIMAL: &str = include_str!("../fixtures/dossier-v1-minimal.ron");
    const CSV: &str = "application,region,assessor,round,criterion,value,motivation\n\
        A01,Regio Lindewaard,Femke Hoogland,1,KO1,voldaan,\n\
        A01,Regio Lindewaard,Femke Hoogland,1,C4.financien,2,\"Met, komma\"\n\
        A01,Regio Lindewaard,Femke Hoogland,1,C2,7,\n";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            load_everything(bytes);
        }

        #[test]
        fn a_damaged_dossier_never_panics(bytes in damaged(MINIMAL)) {
            load_everything(bytes);
        }

        #[test]
        fn a_damaged_rubric_never_panics(bytes in damaged(BUILTIN_SOURCE)) {
            load_everything(bytes);
        }

        #[test]
        fn damaged_csv_never_panics(bytes in damaged(CSV)) {
            load_everything(bytes);
        }
    }
}
