//! The fast RON path against ron itself: whenever the fast path (whole or
//! with the assessments read in parts) returns a value, ron must read the
//! same value from the same text.
#![no_main]
use leidraad_core::dossier::Dossier;
use leidraad_core::fastron;
use leidraad_core::rubric::Rubric;
use libfuzzer_sys::fuzz_target;

fn same<T>(text: &str, fast: Option<T>)
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    if let Some(fast) = fast {
        let slow = ron::Options::default().from_str::<T>(text);
        assert_eq!(Some(&fast), slow.as_ref().ok(), "ron: {slow:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    same(text, fastron::from_str::<Dossier>(text));
    same(text, fastron::from_str::<Rubric>(text));
    let targets = [text.len() / 4, text.len() / 2, text.len() * 3 / 4];
    let parts = fastron::with_list_cut_near(
        text,
        "\n  assessments: [",
        "\n    Assessment(",
        &targets,
        |d: &mut Dossier| &mut d.assessments,
    );
    same(text, parts);
});
