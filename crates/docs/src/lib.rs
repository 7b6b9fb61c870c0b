//! The text of a plan, a budget or a report, per page: from PDF (through
//! `pdf-extract`), DOCX and ODT (their XML, read with `zip` and
//! `quick-xml`) and plain text. Hyphenation at line ends is undone and white
//! space normalised ([`normalise`]); a PDF without a text layer (a scan) is
//! refused, as this crate does no OCR.
//!
//! Why `pdf-extract` and not `lopdf`'s own `extract_text`: see
//! `docs/passages.md`.

use std::path::Path;

mod normalise;
mod xml;

pub use normalise::normalise;

/// The kinds of file that are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Odt => "ODT",
            Format::Text => "text",
        }
    }
}

/// A document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub format: Format,
    /// The text per page, normalised; one entry for a document without
    /// known page breaks.
    pub pages: Vec<String>,
    /// Whether `pages` are real pages: always for a PDF; for DOCX, ODT and
    /// text only when the file marks page breaks (Word's rendered page
    /// breaks, LibreOffice's soft page breaks, form feeds).
    pub paged: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{file}: could not be read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file}: this PDF has no text layer ({pages} pages, no text): it is probably a scan. leidraad does not recognise text in images (no OCR); ask for the PDF as exported from the word processor, or run OCR on it first"
    )]
    Scan { file: String, pages: usize },
    #[error("{file}: not a readable {format} file: {reason}")]
    Damaged {
        file: String,
        format: &'static str,
        reason: String,
    },
    #[error(
        "{file}: not a PDF, DOCX, ODT or UTF-8 text file{detail}; give the plan as PDF, DOCX, ODT or plain text"
    )]
    Unknown { file: String, detail: String },
}

/// A page must hold this many letters for the document to count as having
/// text: a scan gives none, and a real plan has pages of hundreds.
const MIN_LETTERS: usize = 40;

/// Read and extract the file at `path`.
pub fn extract_file(path: &Path) -> Result<Extracted, ExtractError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ExtractError::Io {
        file: file.clone(),
        source,
    })?;
    extract(&bytes, &file)
}

/// Extract the text of a file's contents; `file` names it in messages (and
/// its extension decides between DOCX and ODT only when the contents do not).
pub fn extract(bytes: &[u8], file: &str) -> Result<Extracted, ExtractError> {
    let format = detect(bytes, file)?;
    let raw = match format {
        Format::Pdf => pdf(bytes, file)?,
        Format::Docx | Format::Odt => xml::office(bytes, file, format)?,
        Format::Text => text(bytes, file)?,
    };
    let paged = format == Format::Pdf || raw.len() > 1;
    let pages: Vec<String> = raw.iter().map(|p| normalise(p)).collect();
    if format == Format::Pdf && !pages.iter().any(|p| letters(p) >= MIN_LETTERS) {
        return Err(ExtractError::Scan {
            file: file.to_string(),
            pages: pages.len(),
        });
    }
    Ok(Extracted {
        format,
        pages,
        paged,
    })
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// The format from the first bytes: `%PDF`, a zip (DOCX or ODT, by the
/// parts it holds), or else UTF-8 text.
fn detect(bytes: &[u8], file: &str) -> Result<Format, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return xml::office_format(bytes, file);
    }
    if head.contains(&0) {
        return Err(ExtractError::Unknown {
            file: file.to_string(),
            detail: " (it holds binary data)".into(),
        });
    }
    Ok(Format::Text)
}

fn pdf(bytes: &[u8], file: &str) -> Result<Vec<String>, ExtractError> {
    let damaged = |reason: String| ExtractError::Damaged {
        file: file.to_string(),
        format: "PDF",
        reason,
    };
    // pdf-extract panics on some malformed files instead of returning an
    // error; a damaged file is the user's problem to hear about, not a crash.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => Err(damaged(e.to_string())),
        Err(_) => Err(damaged(
            "the PDF reader stopped on its structure (damaged or unsupported)".into(),
        )),
    }
}

/// Plain text: UTF-8 (a byte-order mark is skipped); form feeds separate
/// pages.
fn text(bytes: &[u8], file: &str) -> Result<Vec<String>, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.len()
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        ExtractError::Unknown {
            file: file.to_string(),
            detail: format!(" (at {line}:{column}: a byte that is not UTF-8)"),
        }
    })?;
    Ok(text.split('\u{c}').map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_pages_split_at_form_feeds() {
        let e = extract("een\u{c}twee".as_bytes(), "a.txt").unwrap();
        assert_eq!(e.pages, ["een", "twee"]);
        assert!(e.paged);
        let e = extract("een\ntwee".as_bytes(), "a.txt").unwrap();
        assert_eq!(e.pages, ["een\ntwee"]);
        assert!(!e.paged);
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_place() {
        let err = extract(b"goed\nook go\xe9d", "a.txt").unwrap_err();
        assert!(err.to_string().contains("at 2:7"), "{err}");
    }

    #[test]
    fn binary_data_is_not_taken_for_text() {
        let err = extract(b"\x00\x01\x02", "a.bin").unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }
}
