//! Profiling aid: build a large synthetic dossier, then rank it repeatedly.
//! `cargo run --release --example profile_rank -- 10000 5 20`

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use leidraad_core::dossier::Round;
use leidraad_core::rubric::Rubric;
use leidraad_core::{scoring, store, synthetic};

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (apps, assessors, reps) = (
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(5),
        args.get(2).copied().unwrap_or(10),
    );
    let rubric = Rubric::builtin();
    let d = synthetic::dossier(&rubric, apps, assessors, 2022);
    let mode = std::env::var("MODE").unwrap_or_default();
    if mode == "load" {
        let text = store::to_ron(&d);
        for _ in 0..reps {
            let t = std::time::Instant::now();
            let back = store::parse_dossier(&text, "x", &rubric).unwrap();
            eprintln!("parse {:?} ({} MB)", t.elapsed(), text.len() / 1_000_000);
            std::hint::black_box(back);
        }
        return;
    }
    let round = if mode == "one" {
        Round::One
    } else {
        Round::Two
    };
    for _ in 0..reps {
        let t = std::time::Instant::now();
        let e = scoring::evaluate(&rubric, &d, round);
        let ranked = t.elapsed();
        let t = std::time::Instant::now();
        drop(std::hint::black_box(e));
        eprintln!("rank {ranked:?}, then drop {:?}", t.elapsed());
    }
}
