//! The dossier loader: decode, parse, check against the built-in rubric.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Built once: parsing the rubric per input would dominate the run.
static RUBRIC: std::sync::LazyLock<leidraad_core::rubric::Rubric> =
    std::sync::LazyLock::new(leidraad_core::rubric::Rubric::builtin);

fuzz_target!(|data: &[u8]| {
    let rubric = &*RUBRIC;
    if let Ok(text) = leidraad_core::store::decode(data.to_vec(), "fuzz.ron") {
        let _ = leidraad_core::store::parse_dossier(&text, "fuzz.ron", rubric);
    }
});
