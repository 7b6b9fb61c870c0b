//! The rubric loader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = leidraad_core::store::decode(data.to_vec(), "fuzz.ron") {
        let _ = leidraad_core::rubric::Rubric::parse(&text, "fuzz.ron");
    }
});
