//! The CSV score import into an empty dossier.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Built once: parsing the rubric per input would dominate the run.
static RUBRIC: std::sync::LazyLock<leidraad::rubric::Rubric> =
    std::sync::LazyLock::new(leidraad::rubric::Rubric::builtin);

fuzz_target!(|data: &[u8]| {
    let rubric = &*RUBRIC;
    if let Ok(text) = leidraad::store::decode(data.to_vec(), "fuzz.csv") {
        let mut d = leidraad::dossier::Dossier::new("fuzz", rubric);
        let _ = leidraad::interchange::csv::import(
            rubric,
            &mut d,
            &text,
            "fuzz.csv",
            leidraad::dossier::now(),
        );
    }
});
