//! Profiling aid: time the steps of loading a dossier file.
//! `cargo run --release --example profile_load -- FILE [REPS]`

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

use leidraad_core::rubric::Rubric;
use leidraad_core::store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = std::path::PathBuf::from(&args[0]);
    let reps: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let rubric = Rubric::builtin();
    for _ in 0..reps {
        let t = Instant::now();
        let text = store::read_text(&path).unwrap();
        let read = t.elapsed();
        let t = Instant::now();
        if std::env::var_os("SYNTAX").is_some() {
            let skim: serde::de::IgnoredAny = ron::from_str(&text).unwrap();
            std::hint::black_box(skim);
        }
        let ignored = t.elapsed();
        let t = Instant::now();
        let d = store::parse_unchecked(&text, "x").unwrap();
        let parse = t.elapsed();
        let t = Instant::now();
        store::check_dossier(&d, &rubric, &text, "x").unwrap();
        let check = t.elapsed();
        let t = Instant::now();
        drop(d);
        let dropped = t.elapsed();
        eprintln!(
            "read {read:?}  syntax only {ignored:?}  parse {parse:?}  check {check:?}  drop {dropped:?}  ({} MB)",
            text.len() / 1_000_000
        );
    }
}
