//! Write a synthetic dossier (invented regions and scores, see
//! `leidraad_core::synthetic`) for measurements, e.g. the window's memory with
//! 1,000 applications in `scripts/perf-table.sh`:
//! `cargo run --release --example synthetic_dossier -- 1000 3 groot.ron`
//! Arguments: applications, assessors, output file (a new file).

/// The allocator of the `leidraad` binary, so that what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use leidraad_core::rubric::Rubric;
use leidraad_core::{store, synthetic};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(apps), Some(assessors), Some(out)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synthetic_dossier APPLICATIONS ASSESSORS OUT.ron");
        std::process::exit(2);
    };
    let out = std::path::Path::new(out);
    if out.exists() {
        eprintln!("{} exists already", out.display());
        std::process::exit(1);
    }
    let rubric = Rubric::builtin();
    let dossier = synthetic::dossier(&rubric, apps, assessors, 2022);
    if let Err(e) = store::save_dossier(out, &dossier) {
        eprintln!("{e}");
        std::process::exit(1);
    }
    eprintln!(
        "{}: {} applications, {} assessments",
        out.display(),
        dossier.applications.len(),
        dossier.assessments.len()
    );
}
