//! The fast RON path (`leidraad_core::fastron`) makes one promise: whenever it
//! returns a value, `ron` reads the same value from the same text. These
//! tests hold it to that on every RON file in the repository, on the
//! parallel reading of a long list, and on texts made to mislead the cuts.

use std::path::{Path, PathBuf};

use leidraad_core::dossier::{Assessment, Dossier};
use leidraad_core::rubric::Rubric;
use leidraad_core::{fastron, store, synthetic};
use serde::de::DeserializeOwned;

const FIELD: &str = "\n  assessments: [";
const ELEMENT: &str = "\n    Assessment(";

fn ron_reads<T: DeserializeOwned>(text: &str) -> Option<T> {
    ron::Options::default().from_str::<T>(text).ok()
}

/// The fast path's value, checked against ron's.
fn agreed<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str, name: &str) -> Option<T> {
    let fast = fastron::from_str::<T>(text)?;
    assert_eq!(
        Some(&fast),
        ron_reads::<T>(text).as_ref(),
        "{name}: the fast path read something ron does not"
    );
    Some(fast)
}

fn ron_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

#[test]
fn every_ron_file_in_the_repository_reads_the_same_both_ways() {
    let root = &leidraad_core::testkit::repo_root();
    let mut files = Vec::new();
    for dir in ["rubrics", "assets", "tests", "fuzz/seeds"] {
        ron_files(&root.join(dir), &mut files);
    }
    assert!(files.len() >= 20, "found {} files", files.len());
    let mut fast = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // the invalid UTF-8 case
        };
        let name = path.display().to_string();
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if agreed::<Dossier>(body, &name).is_some() || agreed::<Rubric>(body, &name).is_some() {
            fast.push(path.strip_prefix(root).unwrap().display().to_string());
        }
    }
    // The files this program writes take the fast path; the rubric (with
    // comments) does not, and neither do the broken ones.
    for written in [
        "assets/voorbeelddossier.ron",
        "tests/fixtures/dossier-v1-example.ron",
        "tests/fixtures/dossier-v1-minimal.ron",
    ] {
        assert!(fast.iter().any(|f| f == written), "{written}: not fast");
    }
    for broken in ["truncated.ron", "unknown-field.ron", "wrong-type-round.ron"] {
        assert!(!fast.iter().any(|f| f.ends_with(broken)), "{broken}: read");
    }
}

fn synthetic_text() -> (Dossier, String) {
    let rubric = Rubric::builtin();
    let dossier = synthetic::dossier(&rubric, 30, 3, 11);
    let text = store::to_ron(&dossier);
    (dossier, text)
}

fn on_threads(text: &str, targets: &[usize]) -> Option<Dossier> {
    fastron::with_list_cut_near(text, FIELD, ELEMENT, targets, |d: &mut Dossier| {
        &mut d.assessments
    })
}

#[test]
fn a_long_list_read_in_parts_is_the_list_read_whole() {
    let (dossier, text) = synthetic_text();
    assert!(dossier.assessments.len() > 60);
    assert_eq!(
        agreed::<Dossier>(&text, "synthetic").as_ref(),
        Some(&dossier)
    );
    for parts in [2, 3, 7, 40] {
        let targets: Vec<usize> = (1..parts).map(|i| text.len() / parts * i).collect();
        assert_eq!(
            on_threads(&text, &targets).as_ref(),
            Some(&dossier),
            "{parts} parts"
        );
    }
    // Targets past the list, or all at one place, still read it whole.
    assert_eq!(on_threads(&text, &[text.len()]).as_ref(), Some(&dossier));
    assert_eq!(on_threads(&text, &[10, 10, 10]).as_ref(), Some(&dossier));
    // A list with no element, or no list at all, is not for this path.
    let mut empty = dossier.clone();
    empty.assessments.clear();
    assert_eq!(on_threads(&store::to_ron(&empty), &[100]), None);
}

/// Put `insert` (raw RON text) at the start of the string value of the
/// first `field: "` at or after `near`.
fn inside_string(text: &str, field: &str, near: usize, insert: &str) -> (String, usize) {
    let at = text[near..].find(&format!("{field}: \"")).unwrap() + near + field.len() + 3;
    (format!("{}{insert}{}", &text[..at], &text[at..]), at)
}

#[test]
fn a_cut_inside_a_string_is_not_believed() {
    let (_, text) = synthetic_text();
    // A motivation that holds, with a real line break, what looks like
    // the start of the next assessment: ron reads it as text.
    let (text, at) = inside_string(&text, "motivation", text.len() / 2, ELEMENT);
    let truth: Dossier = ron_reads(&text).expect("ron reads it");
    assert!(truth.assessments.iter().any(|a| {
        a.criteria
            .values()
            .any(|c| c.motivation.starts_with(ELEMENT))
            || a.knockouts
                .values()
                .any(|k| k.motivation.starts_with(ELEMENT))
    }));
    for target in [at - 200, at - 1, at] {
        let read = on_threads(&text, &[target]);
        assert!(
            read.is_none() || read.as_ref() == Some(&truth),
            "cut near {target}"
        );
    }
    // Whatever path it takes, the loader reads what ron reads.
    assert_eq!(store::parse_unchecked(&text, "x").unwrap(), truth);
}

#[test]
fn a_list_field_inside_a_string_is_not_believed() {
    let (_, text) = synthetic_text();
    // The title, before the real list, holds a line that looks like it.
    let (text, _) = inside_string(&text, "title", 0, &format!("{FIELD}{ELEMENT}"));
    let truth: Dossier = ron_reads(&text).expect("ron reads it");
    assert!(truth.title.starts_with(FIELD));
    let read = on_threads(&text, &[text.len() / 2]);
    assert!(read.is_none() || read.as_ref() == Some(&truth));
    assert_eq!(store::parse_unchecked(&text, "x").unwrap(), truth);
}

#[test]
fn a_broken_element_in_any_part_falls_back_to_ron_and_its_message() {
    let (_, text) = synthetic_text();
    let broken = text.replacen("round: 2", "round: 7", 1);
    assert_ne!(broken, text);
    assert!(on_threads(&broken, &[broken.len() / 3, broken.len() / 2]).is_none());
    let error = store::parse_unchecked(&broken, "groot.ron")
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("groot.ron:"), "{error}");
    assert!(error.contains('7'), "{error}");
}

#[test]
fn assessments_alone_read_the_same_both_ways() {
    let (dossier, _) = synthetic_text();
    for a in dossier.assessments.iter().take(5) {
        let text = ron::to_string(a).unwrap();
        assert_eq!(agreed::<Assessment>(&text, "assessment").as_ref(), Some(a));
    }
}

mod stamps {
    use chrono::{DateTime, FixedOffset, Utc};
    use leidraad_core::dossier::stamp::whole_seconds_utc;
    use proptest::prelude::*;

    fn chrono_reads(s: &str) -> Option<DateTime<Utc>> {
        s.parse::<DateTime<FixedOffset>>()
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    proptest! {
        /// The direct reading of a time stamp is chrono's reading, and
        /// every valid time stamp in the written form takes it.
        #[test]
        fn a_stamp_read_directly_is_chronos(
            y in 0u32..=9999, mo in 0u32..=13, d in 0u32..=32,
            h in 0u32..=25, mi in 0u32..=61, s in 0u32..=61,
        ) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
            let direct = whole_seconds_utc(&text);
            if direct.is_some() {
                prop_assert_eq!(direct, chrono_reads(&text));
            } else if s < 60 {
                prop_assert_eq!(chrono_reads(&text), None, "{} not read directly", text);
            }
        }

        /// Any small change to a written stamp: never a different reading.
        #[test]
        fn a_changed_stamp_is_never_read_differently(at in 0usize..20, byte in 0u8..128) {
            let mut bytes = b"2022-08-10T09:00:00Z".to_vec();
            bytes[at] = byte;
            let text = String::from_utf8(bytes).unwrap();
            if let Some(t) = whole_seconds_utc(&text) {
                prop_assert_eq!(Some(t), chrono_reads(&text));
            }
        }
    }

    #[test]
    fn other_forms_still_read_through_chrono() {
        let rubric = leidraad_core::rubric::Rubric::builtin();
        let dossier = leidraad_core::synthetic::dossier(&rubric, 2, 1, 3);
        let text = leidraad_core::store::to_ron(&dossier);
        let written = "\"2022-08-10T09:00:00Z\"";
        assert!(text.contains(written));
        // The same instant with an offset and a fraction: not the written
        // form, so chrono reads it, and the dossier is the same.
        let other = text.replace(written, "\"2022-08-10T10:00:00.000+01:00\"");
        assert_ne!(other, text);
        let back = leidraad_core::store::parse_unchecked(&other, "x").unwrap();
        assert_eq!(back, dossier);
        let wrong = text.replacen(written, "\"2022-08-10T09:00:00\"", 1);
        let error = leidraad_core::store::parse_unchecked(&wrong, "x").unwrap_err();
        assert!(
            error.to_string().contains("premature end of input"),
            "{error}"
        );
    }
}
