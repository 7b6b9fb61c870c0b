//! The workbooks opened by LibreOffice (headless), where `soffice` is
//! installed; otherwise these tests say so and pass. Each run gets its own
//! LibreOffice profile in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};

use super::exported;

/// The LibreOffice program, if installed.
fn soffice() -> Option<PathBuf> {
    ["soffice", "libreoffice"].into_iter().find_map(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from(name))
    })
}

/// Convert `file` into `dir` with `--convert-to TARGET`; the converted
/// file's path. Dutch locale, own profile.
pub fn convert(program: &Path, file: &Path, target: &str, dir: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(program)
        .env("LC_ALL", "nl_NL.UTF-8")
        .env("LANG", "nl_NL.UTF-8")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
        ])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ext = target.split(':').next().unwrap();
    let stem = file.file_stem().unwrap().to_str().unwrap();
    let converted = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.extension().is_some_and(|e| e == ext)
                && p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.starts_with(stem))
        });
    converted.unwrap_or_else(|| {
        panic!(
            "soffice wrote no .{ext}: {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

pub fn skip_note(test: &str) {
    eprintln!("{test}: skipped, soffice (LibreOffice) is not installed");
}

/// The CSV filter of LibreOffice: separator, quote, character set, first
/// line, column formats, language, quoted as text, detect numbers, save as
/// shown, formulas, trim spaces, sheet number.
pub fn csv_filter(separator: char, charset: &str, sheet: u32) -> String {
    format!(
        "csv:Text - txt - csv (StarCalc):{},34,{charset},1,,1043,false,true,true,false,false,{sheet}",
        separator as u32
    )
}

#[test]
fn libreoffice_shows_the_totals_with_a_decimal_comma() {
    let Some(program) = soffice() else {
        return skip_note("libreoffice_shows_the_totals_with_a_decimal_comma");
    };
    let dir = tempfile::tempdir().unwrap();
    for name in ["r.ods", "r.xlsx"] {
        let file = exported(dir.path(), name);
        let out = tempfile::tempdir().unwrap();
        // Sheet 3: the ranking of round 2, saved as shown.
        let csv = convert(&program, &file, &csv_filter(';', "76", 3), out.path());
        let text = std::fs::read_to_string(&csv).unwrap();
        let a01 = text
            .lines()
            .find(|l| l.contains(";A01;"))
            .unwrap_or_else(|| panic!("{name}: no row of A01 in {text}"));
        assert!(
            a01.starts_with("1;A01;Regio Lindewaard;75,00;toegekend;nee;;3;;75;"),
            "{name}: {a01}"
        );
    }
}

#[test]
fn libreoffice_converts_each_format_into_the_other_with_numbers_and_text_intact() {
    let Some(program) = soffice() else {
        return skip_note("libreoffice_converts_each_format_into_the_other");
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, target) in [("r.xlsx", "ods"), ("r.ods", "xlsx")] {
        let file = exported(dir.path(), name);
        let out = tempfile::tempdir().unwrap();
        let converted = convert(&program, &file, target, out.path());
        let mut book = open_workbook_auto(&converted).unwrap();
        assert_eq!(book.sheet_names().len(), 7, "{name} → {target}");
        let ranking = book.worksheet_range("Rangschikking ronde 2").unwrap();
        let a01 = ranking
            .rows()
            .find(|r| r.get(1) == Some(&Data::String("A01".into())))
            .expect("A01");
        assert!(
            matches!(a01[3], Data::Float(x) if x == 75.0) || matches!(a01[3], Data::Int(75)),
            "{name} → {target}: {:?}",
            a01[3]
        );
        let key = book.worksheet_range("Leidraad").unwrap();
        assert!(
            key.rows()
                .any(|r| r.get(1) == Some(&Data::String("Financiën".into()))),
            "{name} → {target}"
        );
    }
}

/// The scores of every application per round: what a ranking rests on.
fn standings(
    rubric: &leidraad_core::rubric::Rubric,
    d: &leidraad_core::dossier::Dossier,
) -> Vec<String> {
    leidraad_core::dossier::Round::ALL
        .into_iter()
        .flat_map(|round| {
            leidraad_core::scoring::evaluate(rubric, d, round)
                .applications
                .into_iter()
                .filter(|a| a.assessors > 0)
                .map(move |a| format!("{round} {} {:?} {:?} {:?}", a.id, a.rank, a.total, a.status))
        })
        .collect()
}

#[test]
fn the_long_sheet_saved_by_calc_as_csv_with_semicolons_in_windows_1252_imports_again() {
    let Some(program) = soffice() else {
        return skip_note("the_long_sheet_saved_by_calc_as_csv_imports_again");
    };
    use leidraad_core::interchange::csv;
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let text = std::fs::read_to_string(
        leidraad_core::testkit::repo_root().join("assets/voorbeelddossier.ron"),
    )
    .unwrap();
    let original = leidraad_core::store::parse_dossier(&text, "v.ron", &rubric).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scores.xlsx");
    leidraad_sheet::export(&rubric, &original, None, &file, super::made()).unwrap();
    let out = tempfile::tempdir().unwrap();
    // Sheet 5, "Scores": `;`, Windows-1252 (LibreOffice's character set 1).
    let saved = convert(&program, &file, &csv_filter(';', "1", 5), out.path());
    let bytes = std::fs::read(&saved).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "Windows-1252: the example's ë and é are single bytes"
    );
    assert!(bytes.starts_with(b"application;region;assessor;round;criterion;value;motivation"));
    let text = csv::decode(&bytes, "scores.csv").unwrap();
    let mut back = leidraad_core::dossier::Dossier::new("terug", &rubric);
    csv::import(&rubric, &mut back, &text, "scores.csv", chrono::Utc::now()).unwrap();
    assert_eq!(standings(&rubric, &back), standings(&rubric, &original));
    let mut want = Vec::new();
    csv::each_long_row(&rubric, &original, None, |r| want.push(r[6].to_string()));
    let mut got = Vec::new();
    csv::each_long_row(&rubric, &back, None, |r| got.push(r[6].to_string()));
    assert_eq!(got, want, "every motivation as it was, letters intact");
}
