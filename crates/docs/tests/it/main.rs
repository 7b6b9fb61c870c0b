//! Extraction from real files made by LibreOffice, and the refusal of a scan.

use std::path::Path;

use leidraad_docs::{ExtractError, Format, extract_file};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every format gives the same two pages: the KO2 sentence on the first,
/// the ervaringsdeskundigen on the second, each sentence whole.
fn check_pages(name: &str, format: Format) {
    let e = extract_file(&fixture(name)).unwrap();
    assert_eq!(e.format, format, "{name}");
    assert!(e.paged, "{name}");
    assert_eq!(e.pages.len(), 2, "{name}: {:#?}", e.pages);
    let flat = |p: &str| p.replace('\n', " ");
    assert!(
        flat(&e.pages[0]).contains(
            "We willen in dit stadium geen regionaal veiligheidsteam oprichten zoals elders in (landelijke) proeftuinen reeds wordt beproefd."
        ),
        "{name}: {}",
        e.pages[0]
    );
    assert!(
        !flat(&e.pages[0]).contains("Ervaringsdeskundigen"),
        "{name}"
    );
    assert!(
        flat(&e.pages[1]).contains("Ervaringsdeskundigen van het Jeugdplatform denken mee"),
        "{name}: {}",
        e.pages[1]
    );
    for page in &e.pages {
        assert!(!page.contains("  "), "{name}: white space not normalised");
    }
}

#[test]
fn a_pdf_gives_its_text_per_page() {
    check_pages("excerpt.pdf", Format::Pdf);
}

#[test]
fn an_odt_gives_its_text_per_page() {
    check_pages("excerpt.odt", Format::Odt);
}

#[test]
fn a_docx_gives_its_text_per_page() {
    check_pages("excerpt.docx", Format::Docx);
}

#[test]
fn a_scan_is_refused_with_a_plain_message() {
    let err = extract_file(&fixture("scan.pdf")).unwrap_err();
    assert!(
        matches!(err, ExtractError::Scan { pages: 1, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("scan.pdf"), "{message}");
    assert!(message.contains("no text layer"), "{message}");
    assert!(message.contains("OCR"), "{message}");
}

#[test]
fn a_damaged_pdf_is_refused_not_a_crash() {
    let mut bytes = std::fs::read(fixture("excerpt.pdf")).unwrap();
    bytes.truncate(bytes.len() / 3);
    let err = leidraad_docs::extract(&bytes, "half.pdf").unwrap_err();
    assert!(err.to_string().starts_with("half.pdf: "), "{err}");
}

#[test]
fn a_zip_that_is_no_document_is_named_as_such() {
    let mut bytes = std::fs::read(fixture("excerpt.docx")).unwrap();
    // The name of the body part, changed in the local header and the
    // central directory alike.
    let from = b"word/document.xml";
    let to = b"word/documint.xml";
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
        }
        i += 1;
    }
    let err = leidraad_docs::extract(&bytes, "odd.docx").unwrap_err();
    assert!(
        err.to_string().contains("neither a DOCX nor an ODT"),
        "{err}"
    );
}
