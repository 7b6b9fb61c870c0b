#![allow(dead_code)]
//! Shared helpers of the PDF report tests: the example dossier, and text
//! extraction from PDF bytes.
//!
//! Text is read with `pdftotext -raw` (poppler-utils) when it is installed,
//! which keeps the content stream order: the order in which the layout
//! draws cells, so a cell's text comes out in one piece. Without it the
//! tests read the text with lopdf, in-process; under CI (`CI` set) a
//! missing pdftotext is a failure, since the issue asks that the sheets
//! read correctly with it.

use std::io::Write;
use std::process::Command;

use chrono::NaiveDate;
use leidraad_core::dossier::{Dossier, EXAMPLE_NAME, EXAMPLE_SOURCE};
use leidraad_core::rubric::Rubric;

pub fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::store::parse_dossier(EXAMPLE_SOURCE, EXAMPLE_NAME, &rubric)
        .expect("the example dossier loads");
    (rubric, dossier)
}

pub fn printed() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 30).unwrap()
}

fn pdftotext_available() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

/// The text of every page, in content order.
pub fn pages(pdf: &[u8]) -> Vec<String> {
    if pdftotext_available() {
        return pdftotext_pages(pdf);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pdftotext is required under CI: apt-get install poppler-utils"
    );
    eprintln!("note: pdftotext not found; reading the PDF text with lopdf");
    lopdf_pages(pdf)
}

/// The text of every page through `pdftotext -raw`; its stderr must be
/// empty (no syntax errors, no missing fonts).
pub fn pdftotext_pages(pdf: &[u8]) -> Vec<String> {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    file.flush().unwrap();
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed: {:?}", out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.trim().is_empty(), "pdftotext complained: {stderr}");
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The text of every page through lopdf (in-process).
pub fn lopdf_pages(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    numbers
        .iter()
        .map(|n| doc.extract_text(&[*n]).expect("lopdf extracts the text"))
        .collect()
}

/// Without any whitespace (line breaks of the layout do not matter) and
/// without the invisible format characters the layout leaves out (soft
/// hyphen, zero-width space and joiners, BOM).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        })
        .collect()
}

pub fn squashed(pages: &[String]) -> Vec<String> {
    pages.iter().map(|p| squash(p)).collect()
}

/// Whether `text` is on the pages in order: whole on one page, or as a
/// run of pieces on consecutive pages (a cell that flows over a page
/// break). Returns the pages it covers.
pub fn find_across_pages(pages: &[String], text: &str) -> Option<std::ops::Range<usize>> {
    let want = squash(text);
    if want.is_empty() {
        return Some(0..0);
    }
    for start in 0..pages.len() {
        let mut rest: &str = &want;
        let mut p = start;
        loop {
            let k = longest_prefix_in(&pages[p], rest);
            // A piece must be more than a stray character or two, unless
            // it is all that is left.
            if k == 0 || (k < 8 && k < rest.len()) {
                break;
            }
            rest = &rest[k..];
            if rest.is_empty() {
                return Some(start..p + 1);
            }
            p += 1;
            if p == pages.len() {
                break;
            }
        }
    }
    None
}

/// The length in bytes of the longest prefix of `want` found in `page`.
fn longest_prefix_in(page: &str, want: &str) -> usize {
    let bounds: Vec<usize> = want
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([want.len()])
        .collect();
    // Binary search over char boundaries: if a prefix occurs, so do its
    // shorter prefixes.
    let (mut lo, mut hi) = (0usize, bounds.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if page.contains(&want[..bounds[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 { 0 } else { bounds[lo - 1] }
}

/// Assert that the squashed pieces occur in the squashed document in this
/// order (with anything between them).
pub fn assert_in_order(doc: &str, pieces: &[String], what: &str) {
    let mut from = 0;
    for piece in pieces {
        let piece = squash(piece);
        match doc[from..].find(&piece) {
            Some(i) => from += i + piece.len(),
            None => panic!("{what}: {piece:?} not found in order after byte {from}"),
        }
    }
}

/// The PDF parses, and every font in it is embedded as a subset.
pub fn assert_valid_pdf(pdf: &[u8]) -> usize {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF header");
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let pages = doc.get_pages();
    assert!(!pages.is_empty(), "at least one page");
    for (_, object) in doc.objects.iter() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
        {
            let name = dict.get(b"FontName").and_then(|n| n.as_name()).unwrap();
            let name = String::from_utf8_lossy(name);
            assert!(
                name.len() > 7 && name.as_bytes()[6] == b'+',
                "font {name} is a subset (XXXXXX+Name)"
            );
            assert!(
                dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "font {name} is embedded"
            );
        }
    }
    pages.len()
}
