//! The CSV score import into an empty dossier.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Built once: parsing the rubric per input would dominate the run.
static RUBRIC: std::sync::LazyLock<leidraad_core::rubric::Rubric> =
    std::sync::LazyLock::new(leidraad_core::rubric::Rubric::builtin);

fuzz_target!(|data: &[u8]| {
    let rubric = &*RUBRIC;
    // As `import-csv` reads a file: UTF-8 or Windows-1252.
    if let Ok(text) = leidraad_core::interchange::csv::decode(data, "fuzz.csv") {
        let mut d = leidraad_core::dossier::Dossier::new("fuzz", rubric);
        let _ = leidraad_core::interchange::csv::import(
            rubric,
            &mut d,
            &text,
            "fuzz.csv",
            leidraad_core::dossier::now(),
        );
    }
});
