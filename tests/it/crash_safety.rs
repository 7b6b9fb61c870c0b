//! Killing the program in the middle of a save loses nothing: the dossier on
//! disk is always the complete old or the complete new version, and loads.
//!
//! The test re-executes its own binary as a child that saves two dossiers
//! (A and B) in turn, as fast as it can, through `store::save_dossier`; the
//! parent kills it with SIGKILL at a random moment, then checks the file.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use leidraad_core::dossier::Dossier;
use leidraad_core::rubric::Rubric;
use leidraad_core::{store, synthetic};

const CHILD_ENV: &str = "LEIDRAAD_CRASH_SAFETY_CHILD";
const KILLS: usize = 200;

/// Two dossiers that differ everywhere, large enough that a save takes a
/// while (so that kills land inside the write, the sync and the rename).
fn versions(rubric: &Rubric) -> (Dossier, Dossier) {
    let a = synthetic::dossier(rubric, 4, 2, 7);
    let mut b = synthetic::dossier(rubric, 5, 2, 11);
    b.title = "Versie B".to_string();
    (a, b)
}

/// A small xorshift generator: the seed is printed so a failure can be
/// repeated with `LEIDRAAD_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n.max(1)
    }
}

/// The child: save A and B in turn, forever; report each finished save on
/// stdout. Runs only when the parent sets `CHILD_ENV`.
fn child(path: &Path) -> ! {
    let rubric = Rubric::builtin();
    let (a, b) = versions(&rubric);
    // Straight to the pipe: the test harness would capture `println!`.
    let say = |line: &str| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}").and_then(|()| out.flush());
    };
    say("ready");
    let mut n: u64 = 0;
    loop {
        let d = if n.is_multiple_of(2) { &b } else { &a };
        store::save_dossier(path, d).expect("the child saves");
        n += 1;
        say(&format!("saved {n}"));
    }
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with(".leidraad-") && name.ends_with(".tmp")
        })
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_version() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        child(Path::new(&path));
    }
    let rubric = Rubric::builtin();
    let (a, b) = versions(&rubric);
    let (text_a, text_b) = (store::to_ron(&a), store::to_ron(&b));
    assert_ne!(text_a, text_b);

    // On disk, not in a tmpfs: sync and rename behave as for a user.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("dossier.ron");
    // Twice, so that a backup exists from the start.
    store::save_dossier(&path, &a).unwrap();
    store::save_dossier(&path, &a).unwrap();

    let seed = std::env::var("LEIDRAAD_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash safety: seed {seed} (set LEIDRAAD_CRASH_SEED to repeat)");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut saw_a, mut saw_b, mut mid_save, mut saves) = (0, 0, 0, 0u64);
    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_safety::a_save_killed_at_any_moment_leaves_the_old_or_the_new_version",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // Wait until the child is about to save, then kill it at a random
        // moment within the next few saves.
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                out.read_line(&mut line).unwrap() > 0,
                "the child ended before it was ready"
            );
            // The harness may print its "test NAME ... " before it.
            if line.trim_end().ends_with("ready") {
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(30_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let mut rest = String::new();
        out.read_to_string(&mut rest).unwrap();
        saves += rest.lines().filter(|l| l.starts_with("saved ")).count() as u64;

        let on_disk = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("kill {kill}: the dossier is gone: {e}"));
        if on_disk == text_a {
            saw_a += 1;
        } else if on_disk == text_b {
            saw_b += 1;
        } else {
            panic!(
                "kill {kill} (seed {seed}): the dossier is neither version A nor B ({} bytes)",
                on_disk.len()
            );
        }
        let loaded = store::load_dossier(&path, &rubric)
            .unwrap_or_else(|e| panic!("kill {kill}: the dossier does not load: {e}"));
        assert!(loaded == a || loaded == b);
        // The backup is a complete version too.
        let bak = std::fs::read_to_string(store::backup_path(&path)).unwrap();
        assert!(
            bak == text_a || bak == text_b,
            "kill {kill}: the backup is torn"
        );
        // A temporary file left behind marks a kill inside the save.
        let tmps = temporaries(dir.path());
        if !tmps.is_empty() {
            mid_save += 1;
            for t in tmps {
                std::fs::remove_file(t).unwrap();
            }
        }
    }
    eprintln!(
        "crash safety: {KILLS} kills in {:.1} s; {saves} saves completed; \
         file was A {saw_a}×, B {saw_b}×; {mid_save} kills landed inside a save",
        started.elapsed().as_secs_f64()
    );
    // The kills did hit saves under way, and both versions were seen.
    assert!(saw_a > 0 && saw_b > 0, "A {saw_a}×, B {saw_b}×");
    assert!(mid_save > 0, "no kill landed inside a save");
}

#[test]
fn a_save_removes_the_stale_temporaries_of_a_killed_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    let rubric = Rubric::builtin();
    let (a, _) = versions(&rubric);
    // What a killed save leaves: one stale temporary, one of a save that
    // may be under way right now, and a file that is not ours.
    let stale = dir.path().join(".leidraad-AbC123.tmp");
    let fresh = dir.path().join(".leidraad-XyZ789.tmp");
    let other = dir.path().join("notes.tmp");
    for p in [&stale, &fresh, &other] {
        std::fs::write(p, "half a dossier").unwrap();
    }
    let old = std::time::SystemTime::now() - store::STALE_TEMPORARY - Duration::from_secs(1);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    std::fs::File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_modified(old)
        .unwrap();
    store::save_dossier(&path, &a).unwrap();
    assert!(!stale.exists(), "the stale temporary is removed");
    assert!(fresh.exists(), "a temporary that may be in use stays");
    assert!(other.exists(), "a file not ours stays");
    assert_eq!(temporaries(dir.path()), vec![fresh]);
}
