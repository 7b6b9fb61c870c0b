//! What calamine does not show, read from the files' own parts: the
//! number formats (two decimals, the Dutch way in .ods), the frozen head,
//! the document title; and what an export refuses.

use std::io::Read;

use leidraad_core::dossier::Round;
use leidraad_sheet::SheetError;

use super::{exported, fixture, made};

fn part(path: &std::path::Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_xlsx_shows_two_decimals_and_keeps_its_head_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = exported(dir.path(), "r.xlsx");
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.00""#), "{styles}");
    // The ranking: two title lines and the head frozen.
    let ranking = part(&path, "xl/worksheets/sheet1.xml");
    assert!(
        ranking.contains(
            r#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{ranking}"
    );
    assert!(ranking.contains("<col "), "column widths are set");
    // The long format: its head alone.
    let long = part(&path, "xl/worksheets/sheet5.xml");
    assert!(long.contains(r#"ySplit="1""#), "{long}");
    let core = part(&path, "docProps/core.xml");
    assert!(core.contains("<dc:title>Rangschikking: "), "{core}");
}

#[test]
fn the_ods_shows_two_decimals_the_dutch_way_and_keeps_its_head_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = exported(dir.path(), "r.ods");
    let content = part(&path, "content.xml") + &part(&path, "styles.xml");
    // The number style of the totals: Dutch, two fixed decimals.
    let style = content
        .split("<number:number-style")
        .find(|s| s.contains(r#"number:decimal-places="2""#))
        .expect("a number style with two decimals");
    assert!(style.contains(r#"number:language="nl""#), "{style}");
    assert!(style.contains(r#"number:country="NL""#), "{style}");
    assert!(
        style.contains(r#"number:min-decimal-places="2""#),
        "{style}"
    );
    let settings = part(&path, "settings.xml");
    let ranking = settings
        .split(r#"<config:config-item-map-entry config:name="Rangschikking ronde 1">"#)
        .nth(1)
        .expect("the ranking sheet's view settings");
    assert!(
        ranking.contains(r#"<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>"#),
        "{ranking}"
    );
    assert!(
        ranking.contains(r#"<config:config-item config:name="VerticalSplitPosition" config:type="int">3</config:config-item>"#),
        "{ranking}"
    );
    let meta = part(&path, "meta.xml");
    assert!(meta.contains("Rangschikking: "), "{meta}");
}

#[test]
fn an_export_names_what_it_refuses_and_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let (rubric, dossier) = fixture();
    let csv = dir.path().join("scores.csv");
    let e = leidraad_sheet::export(&rubric, &dossier, None, &csv, made()).unwrap_err();
    assert!(matches!(e, SheetError::Extension(_)), "{e}");
    assert!(e.to_string().contains(".xlsx (Excel) or .ods"), "{e}");
    assert!(!csv.exists());

    // A round without data: refused, and the file there stays as it was.
    let path = dir.path().join("leeg.xlsx");
    std::fs::write(&path, b"oud").unwrap();
    let mut empty = dossier.clone();
    empty.assessments.retain(|a| a.round == Round::One);
    empty.consensus.retain(|c| c.round == Round::One);
    let e = leidraad_sheet::export(&rubric, &empty, Some(Round::Two), &path, made()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "nothing to export: no submitted assessment or consensus in round 2"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"oud");
    // An export over it replaces it whole, with no temporary file left.
    leidraad_sheet::export(&rubric, &dossier, None, &path, made()).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
