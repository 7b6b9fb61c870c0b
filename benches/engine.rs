//! Ranking and load/validate/save of a dossier of 10,000 applications x 5
//! assessors x 2 rounds. Targets (2 cores): ranking < 50 ms, load < 1 s.
//! Sensitivity of round 2 with 1,000 applications x 5 assessors < 1 s.

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use leidraad_core::dossier::Round;
use leidraad_core::rubric::Rubric;
use leidraad_core::{scoring, store, synthetic};

fn engine(c: &mut Criterion) {
    let rubric = Rubric::builtin();
    let dossier = synthetic::dossier(&rubric, 10_000, 5, 2022);
    let text = store::to_ron(&dossier);
    eprintln!(
        "dossier: {} applications, {} assessments, {:.1} MB as RON",
        dossier.applications.len(),
        dossier.assessments.len(),
        text.len() as f64 / 1e6
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.ron");
    store::save_dossier(&path, &dossier).unwrap();

    let mut g = c.benchmark_group("10k applications x 5 assessors");
    g.sample_size(10);
    g.bench_function("rank round 1", |b| {
        b.iter(|| scoring::evaluate(black_box(&rubric), black_box(&dossier), Round::One))
    });
    g.bench_function("rank round 2 (includes round 1)", |b| {
        b.iter(|| scoring::evaluate(black_box(&rubric), black_box(&dossier), Round::Two))
    });
    // Freeing the dossier read in the iteration before is not loading:
    // the window frees a dossier when it closes it.
    g.bench_function("load + validate", |b| {
        b.iter_with_large_drop(|| store::load_dossier(black_box(&path), &rubric).unwrap())
    });
    g.bench_function("save (atomic, with backup)", |b| {
        b.iter(|| store::save_dossier(black_box(&path), &dossier).unwrap())
    });
    g.finish();
}

/// Sensitivity of round 2 for 1,000 applications x 5 assessors: target
/// under 1 s.
fn sensitivity(c: &mut Criterion) {
    let rubric = Rubric::builtin();
    let dossier = synthetic::dossier(&rubric, 1_000, 5, 2022);
    let report = leidraad_core::sensitivity::analyse(&rubric, &dossier);
    eprintln!(
        "sensitivity: {} what-ifs tried, {} findings, {} regions could cross the award line",
        report.tried,
        report.findings.len(),
        report.award_crossers.len()
    );
    let mut g = c.benchmark_group("1k applications x 5 assessors");
    g.sample_size(10);
    g.bench_function("sensitivity round 2", |b| {
        b.iter(|| leidraad_core::sensitivity::analyse(black_box(&rubric), black_box(&dossier)))
    });
    g.finish();
}

criterion_group!(benches, engine, sensitivity);
criterion_main!(benches);
