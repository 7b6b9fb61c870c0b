//! The result-file import: the bytes are read as a result file (a scored
//! package, itself a dossier) and merged with `panel::import_result` into a
//! copy of the example dossier. Whatever the file holds, nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Built once: parsing the rubric and the example dossier per input would
// dominate the run.
static RUBRIC: std::sync::LazyLock<leidraad_core::rubric::Rubric> =
    std::sync::LazyLock::new(leidraad_core::rubric::Rubric::builtin);
static EXAMPLE: std::sync::LazyLock<leidraad_core::dossier::Dossier> = std::sync::LazyLock::new(|| {
    leidraad_core::store::parse_dossier(
        leidraad_core::dossier::EXAMPLE_SOURCE,
        "voorbeelddossier.ron",
        &RUBRIC,
    )
    .expect("the example dossier loads")
});

/// Who imports, for the dossier's log.
const BY: &str = "fuzz";

fuzz_target!(|data: &[u8]| {
    let rubric = &*RUBRIC;
    let now = leidraad_core::dossier::now();
    let Ok(text) = leidraad_core::store::decode(data.to_vec(), "result.ron") else {
        return;
    };
    let Ok(result) = leidraad_core::store::parse_dossier(&text, "result.ron", rubric) else {
        return;
    };
    let mut dossier = EXAMPLE.clone();
    // Let the file answer a package this dossier issued, so that the
    // fuzzer reaches the checks beyond that binding.
    if let Some(info) = &result.package {
        dossier.id = info.dossier.clone();
        dossier.issued.push(leidraad_core::dossier::Issued {
            id: info.id.clone(),
            assessor: info.assessor.clone(),
            round: info.round,
            applications: result.applications.iter().map(|a| a.id.clone()).collect(),
            created: info.created,
        });
    }
    let before = dossier.clone();
    match leidraad_core::panel::import_result(rubric, &mut dossier, &result, BY, now) {
        // A refused import changes nothing.
        Err(_) => assert!(dossier == before, "a refused import changed the dossier"),
        // An accepted one leaves a dossier that still passes the checks and
        // a second import of the same file changes nothing more.
        Ok(_) => {
            let saved = leidraad_core::store::to_ron(&dossier);
            leidraad_core::store::parse_dossier(&saved, "merged.ron", rubric)
                .expect("an imported dossier loads again");
            let again = leidraad_core::panel::import_result(rubric, &mut dossier, &result, BY, now)
                .expect("importing the same result twice is accepted");
            assert!(again.added.is_empty() && again.updated.is_empty());
        }
    }
});
