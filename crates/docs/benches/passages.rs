//! Speed targets of the passage finder (docs/passages.md): extract and index
//! a 30-page plan in under 300 ms, answer a query in under 5 ms.
//!
//! The plan is seed 002 (the projectplan, 1,260 lines): as a PDF of 29 pages
//! made by LibreOffice when `soffice` is installed, and always as text.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use leidraad_core::passages::{Index, Query};
use leidraad_core::rubric::Rubric;

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/passages/002_bd9c783ec9459f9c.txt")
}

/// The seed as a PDF, made in a temporary folder; `None` without LibreOffice.
fn pdf(dir: &Path) -> Option<Vec<u8>> {
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(seed())
        .output()
        .ok()?;
    if !status.status.success() {
        return None;
    }
    std::fs::read(dir.join("002_bd9c783ec9459f9c.pdf")).ok()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(seed()).unwrap();
    let rubric = Rubric::builtin();
    if let Some(pdf) = pdf(dir.path()) {
        let pages = leidraad_docs::extract(&pdf, "002.pdf").unwrap().pages.len();
        c.bench_function(&format!("extract and index, PDF of {pages} pages"), |b| {
            b.iter(|| {
                let e = leidraad_docs::extract(&pdf, "002.pdf").unwrap();
                Index::new(&e.pages, e.paged)
            });
        });
    } else {
        eprintln!("soffice not installed: only the text is measured");
    }
    c.bench_function("extract and index, text (1,260 lines)", |b| {
        b.iter(|| {
            let e = leidraad_docs::extract(&text, "002.txt").unwrap();
            Index::new(&e.pages, e.paged)
        });
    });
    let e = leidraad_docs::extract(&text, "002.txt").unwrap();
    let index = Index::new(&e.pages, e.paged);
    for id in ["KO2", "C2"] {
        let query = Query::for_criterion(&rubric, id).unwrap();
        c.bench_function(&format!("query {id} (top 5)"), |b| {
            b.iter(|| index.search(&query, 5));
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
