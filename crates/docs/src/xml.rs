//! DOCX and ODT: the body text from their XML, in pages where the file
//! marks page breaks.

use std::io::Read;

use quick_xml::events::Event;

use crate::{ExtractError, Format};

const DOCX_BODY: &str = "word/document.xml";
const ODT_BODY: &str = "content.xml";

/// A zip is a DOCX when it holds `word/document.xml`, an ODT when it holds
/// `content.xml`.
pub(crate) fn office_format(bytes: &[u8], file: &str) -> Result<Format, ExtractError> {
    let archive = open(bytes, file, "DOCX or ODT")?;
    if archive.index_for_name(DOCX_BODY).is_some() {
        Ok(Format::Docx)
    } else if archive.index_for_name(ODT_BODY).is_some() {
        Ok(Format::Odt)
    } else {
        Err(ExtractError::Unknown {
            file: file.to_string(),
            detail: " (a zip file, but neither a DOCX nor an ODT document)".into(),
        })
    }
}

fn open<'b>(
    bytes: &'b [u8],
    file: &str,
    format: &'static str,
) -> Result<zip::ZipArchive<std::io::Cursor<&'b [u8]>>, ExtractError> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| ExtractError::Damaged {
        file: file.to_string(),
        format,
        reason: e.to_string(),
    })
}

/// The text of a DOCX or ODT, per page.
pub(crate) fn office(
    bytes: &[u8],
    file: &str,
    format: Format,
) -> Result<Vec<String>, ExtractError> {
    let damaged = |reason: String| ExtractError::Damaged {
        file: file.to_string(),
        format: format.name(),
        reason,
    };
    let mut archive = open(bytes, file, format.name())?;
    let part = if format == Format::Docx {
        DOCX_BODY
    } else {
        ODT_BODY
    };
    let mut xml = String::new();
    archive
        .by_name(part)
        .map_err(|e| damaged(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| damaged(format!("{part}: {e}")))?;
    let tags = if format == Format::Docx { &DOCX } else { &ODT };
    walk(&xml, tags).map_err(|e| damaged(format!("{part}: {e}")))
}

/// What the XML elements of a format mean for the text.
struct Tags {
    /// Elements whose text is the document's text.
    text: &'static [&'static str],
    /// Elements that end a paragraph (a line of the text).
    paragraph: &'static [&'static str],
    /// Empty elements that are a line break, a tab, a space.
    newline: &'static [&'static str],
    space: &'static [&'static str],
    /// Empty elements that mark a page break.
    page: &'static [&'static str],
    /// Elements whose content is not text of the document (field codes,
    /// deleted text, comments).
    skip: &'static [&'static str],
}

const DOCX: Tags = Tags {
    text: &["w:t"],
    paragraph: &["w:p"],
    newline: &["w:br", "w:cr"],
    space: &["w:tab"],
    page: &["w:lastRenderedPageBreak"],
    skip: &["w:instrText", "w:delText", "w:del"],
};

const ODT: Tags = Tags {
    text: &["text:p", "text:h", "text:span", "text:a"],
    paragraph: &["text:p", "text:h"],
    newline: &["text:line-break"],
    space: &["text:s", "text:tab"],
    page: &["text:soft-page-break"],
    skip: &[
        "office:annotation",
        "text:note-citation",
        "text:tracked-changes",
    ],
};

/// Walk the XML: text inside the text elements, a line per paragraph, a new
/// page at each page mark (and at a Word page break, `<w:br w:type="page"/>`).
fn walk(xml: &str, tags: &Tags) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut pages = vec![String::new()];
    let mut in_text = 0usize;
    let mut skipping = 0usize;
    loop {
        let page = pages.last_mut().expect("there is always a page");
        match reader.read_event()? {
            Event::Start(e) => {
                let name = e.name();
                let name: &str = name.as_ref();
                if tags.skip.contains(&name) {
                    skipping += 1;
                } else if tags.text.contains(&name) {
                    in_text += 1;
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name: &str = name.as_ref();
                if tags.skip.contains(&name) {
                    skipping = skipping.saturating_sub(1);
                } else if tags.text.contains(&name) {
                    in_text = in_text.saturating_sub(1);
                }
                if tags.paragraph.contains(&name) && skipping == 0 {
                    page.push('\n');
                }
            }
            Event::Empty(e) => {
                let name = e.name();
                let name: &str = name.as_ref();
                let page_break = tags.page.contains(&name)
                    || (name == "w:br"
                        && e.attributes()
                            .flatten()
                            .any(|a| a.key.as_ref() == "w:type" && a.value == "page"));
                if skipping > 0 {
                } else if page_break {
                    pages.push(String::new());
                } else if tags.newline.contains(&name) {
                    page.push('\n');
                } else if tags.space.contains(&name) {
                    page.push(' ');
                } else if tags.paragraph.contains(&name) {
                    page.push('\n');
                }
            }
            Event::Text(t) if in_text > 0 && skipping == 0 => page.push_str(&t.xml10_content()),
            Event::CData(t) if in_text > 0 && skipping == 0 => page.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text > 0 && skipping == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    page.push(c);
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&r.into_inner())
                {
                    page.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A page mark at the very start or end makes no page of its own.
    pages.retain(|p| !p.trim().is_empty());
    if pages.is_empty() {
        pages.push(String::new());
    }
    Ok(pages)
}
