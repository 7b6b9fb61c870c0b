//! The spreadsheet export of a large dossier: building the workbook's
//! content and writing it as .xlsx and as .ods. No target is set; the
//! figures are in the README.

use criterion::{Criterion, criterion_group, criterion_main};

use leidraad_core::rubric::Rubric;
use leidraad_core::synthetic;
use leidraad_sheet::{Format, render, workbook};

fn sheets(c: &mut Criterion) {
    let rubric = Rubric::builtin();
    let dossier = synthetic::dossier(&rubric, 1_000, 3, 42);
    let made = chrono::NaiveDate::from_ymd_opt(2022, 10, 3)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let book = workbook(&rubric, &dossier, None, made);
    let mut group = c.benchmark_group("sheet");
    group.sample_size(10);
    group.bench_function(
        "build the workbook, 1,000 applications × 3 assessors",
        |b| b.iter(|| workbook(&rubric, &dossier, None, made)),
    );
    group.bench_function("write it as .xlsx", |b| {
        b.iter(|| render(&book, Format::Xlsx).unwrap())
    });
    group.bench_function("write it as .ods", |b| {
        b.iter(|| render(&book, Format::Ods).unwrap())
    });
    group.finish();
}

criterion_group!(benches, sheets);
criterion_main!(benches);
