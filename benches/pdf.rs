//! PDF speed: 100 score sheets of the example dossier (target: under 1 s,
//! aim 0.4 s), on one thread and on every core, and the ranking report.
//!
//! When LibreOffice is installed (`soffice`), the same run also converts a
//! score-sheet spreadsheet with the same content to PDF, once for one
//! sheet and once for 100, and prints the ratio:
//! `cargo bench --bench pdf` (`LEIDRAAD_BENCH_NO_SOFFICE=1` skips it).

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group};
use leidraad_core::dossier::{Dossier, EXAMPLE_NAME, EXAMPLE_SOURCE, Round};
use leidraad_core::rubric::Rubric;
use leidraad_report::{self as report, SheetKind};

fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let dossier =
        leidraad_core::store::parse_dossier(EXAMPLE_SOURCE, EXAMPLE_NAME, &rubric).unwrap();
    (rubric, dossier)
}

fn printed() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 30).unwrap()
}

/// 100 sheets: the example's sheets, repeated.
fn hundred(dossier: &Dossier) -> Vec<SheetKind> {
    report::sheets(dossier, None, None)
        .into_iter()
        .cycle()
        .take(100)
        .collect()
}

fn one_thread(rubric: &Rubric, dossier: &Dossier, kinds: &[SheetKind]) -> usize {
    kinds
        .iter()
        .map(|k| {
            report::score_sheet(rubric, dossier, k, printed())
                .unwrap()
                .len()
        })
        .sum()
}

fn all_cores(rubric: &Rubric, dossier: &Dossier, kinds: &[SheetKind]) -> usize {
    report::score_sheets(rubric, dossier, kinds, printed())
        .into_iter()
        .map(|r| r.unwrap().len())
        .sum()
}

fn pdf(c: &mut Criterion) {
    let (rubric, dossier) = example();
    let kinds = hundred(&dossier);
    // The font is parsed once per process; do it before measuring.
    black_box(one_thread(&rubric, &dossier, &kinds[..1]));
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("100 score sheets, one thread", |b| {
        b.iter(|| black_box(one_thread(&rubric, &dossier, &kinds)))
    });
    group.bench_function("100 score sheets, all cores", |b| {
        b.iter(|| black_box(all_cores(&rubric, &dossier, &kinds)))
    });
    group.bench_function("ranking report, round 2", |b| {
        b.iter(|| {
            black_box(report::ranking_report(&rubric, &dossier, Round::Two, printed()).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, pdf);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // `cargo test --benches` runs each benchmark once: no comparison then.
    if std::env::args().any(|a| a == "--test" || a == "--list")
        || std::env::var_os("LEIDRAAD_BENCH_NO_SOFFICE").is_some()
    {
        return;
    }
    compare_with_libreoffice();
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A flat ODS spreadsheet with what a score sheet shows: the header, the
/// knock-outs and the weighted criteria with texts, scores and
/// motivations, and the total.
fn sheet_spreadsheet(rubric: &Rubric, dossier: &Dossier, kind: &SheetKind) -> String {
    let SheetKind::Assessment {
        application,
        assessor,
        round,
    } = kind
    else {
        unreachable!("assessment sheets only")
    };
    let a = dossier.assessment(application, assessor, *round).unwrap();
    let app = dossier.application(application).unwrap();
    let summary = leidraad_core::scoring::summarize(rubric, a);
    let cell = |s: &str| {
        format!(
            "<table:table-cell table:style-name=\"wrap\" office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
            xml_escape(s)
        )
    };
    let mut rows = Vec::new();
    rows.push(vec![
        cell("Scoreformulier"),
        cell(&format!("{} {}", app.id, app.region)),
        cell(&format!("Ronde {round}")),
        cell(assessor),
    ]);
    rows.push(vec![
        cell(&rubric.title),
        cell(&rubric.version),
        cell(&rubric.hash()),
        cell(""),
    ]);
    for ko in &rubric.knockouts {
        let j = a.knockouts.get(&ko.id);
        rows.push(vec![
            cell(&format!("{} {}\n{}", ko.id, ko.name, ko.text)),
            cell(""),
            cell(j.map_or("open", |j| j.verdict.csv_word())),
            cell(j.map_or("", |j| j.motivation.as_str())),
        ]);
    }
    for c in rubric.criteria() {
        let s = a.criteria.get(&c.id);
        let value = s
            .and_then(|s| s.value.as_ref())
            .map(|v| leidraad_core::dossier::points(rubric, &c.id, v).to_string())
            .unwrap_or_default();
        rows.push(vec![
            cell(&format!("{} {}\n{}", c.id, c.name, c.text)),
            cell(&c.cap.to_string()),
            cell(&value),
            cell(s.map_or("", |s| s.motivation.as_str())),
        ]);
    }
    rows.push(vec![
        cell("Totaal"),
        cell(&rubric.total.to_string()),
        cell(&summary.total.to_dutch()),
        cell(""),
    ]);
    let body: String = rows
        .iter()
        .map(|r| format!("<table:table-row>{}</table:table-row>", r.concat()))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<style:style style:name="wide" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
<style:style style:name="narrow" style:family="table-column"><style:table-column-properties style:column-width="1.4cm"/></style:style>
<style:style style:name="motivation" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Scoreformulier">
<table:table-column table:style-name="wide"/><table:table-column table:style-name="narrow"/><table:table-column table:style-name="narrow"/><table:table-column table:style-name="motivation"/>
{body}
</table:table></office:spreadsheet></office:body></office:document>
"#
    )
}

fn soffice_convert(profile: &Path, out: &Path, files: &[std::path::PathBuf]) -> Duration {
    let start = Instant::now();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice converted");
    start.elapsed()
}

fn compare_with_libreoffice() {
    if Command::new("soffice").arg("--version").output().is_err() {
        println!("\nLibreOffice (soffice) not installed: no comparison.");
        return;
    }
    let (rubric, dossier) = example();
    let kinds: Vec<SheetKind> = hundred(&dossier)
        .into_iter()
        .filter(|k| matches!(k, SheetKind::Assessment { .. }))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let out = dir.path().join("out");
    let files: Vec<_> = kinds
        .iter()
        .cycle()
        .take(100)
        .enumerate()
        .map(|(i, k)| {
            let path = dir.path().join(format!("sheet-{i:03}.fods"));
            std::fs::write(&path, sheet_spreadsheet(&rubric, &dossier, k)).unwrap();
            path
        })
        .collect();
    // The first start creates LibreOffice's profile: not counted.
    soffice_convert(&profile, &out, &files[..1]);
    let lo_one = soffice_convert(&profile, &out, &files[..1]);
    let lo_hundred = soffice_convert(&profile, &out, &files);

    let hundred = hundred(&dossier);
    let runs = 5;
    let time = |f: &dyn Fn() -> usize| {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let one = time(&|| one_thread(&rubric, &dossier, &hundred[..1]));
    let ours_single = time(&|| one_thread(&rubric, &dossier, &hundred));
    let ours_all = time(&|| all_cores(&rubric, &dossier, &hundred));
    println!("\nComparison with LibreOffice (same run, best of {runs} for leidraad):");
    println!(
        "  1 sheet:    LibreOffice {:>8.3} s   leidraad {:>8.4} s   ratio {:>6.0}x",
        lo_one.as_secs_f64(),
        one.as_secs_f64(),
        lo_one.as_secs_f64() / one.as_secs_f64()
    );
    println!(
        "  100 sheets: LibreOffice {:>8.3} s   leidraad {:>8.4} s (one thread, ratio {:.0}x), {:.4} s (all cores, ratio {:.0}x)",
        lo_hundred.as_secs_f64(),
        ours_single.as_secs_f64(),
        lo_hundred.as_secs_f64() / ours_single.as_secs_f64(),
        ours_all.as_secs_f64(),
        lo_hundred.as_secs_f64() / ours_all.as_secs_f64()
    );
}
