//! A page's text as the passage finder reads it: blocks (paragraphs, list
//! items, headings), sentences, and the words of a sentence.

/// A sentence as it reads in the document, and where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// Index of the page (from 0).
    pub page: usize,
    /// Paragraphs, list items and headings each get a number of their own:
    /// a passage does not run from one into the next.
    pub block: usize,
    pub text: String,
}

/// A word of a sentence: its place (byte range in the sentence's text), and
/// whether it is joined to the next or previous word by a hyphen or slash
/// ("niet-cliëntgebonden", "volwassenen-GGZ").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub joined: bool,
}

/// The words of a text: runs of letters and digits.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let joined_before =
                text[..s].ends_with(['-', '/']) && out.last().is_some_and(|w| w.end + 1 == s);
            if joined_before && let Some(prev) = out.last_mut() {
                prev.joined = true;
            }
            out.push(Word {
                start: s,
                end: i,
                joined: joined_before,
            });
        }
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "bijv", "bv", "nr", "ca", "incl", "excl", "etc", "vs", "resp", "jl", "mevr", "dhr", "drs",
    "mr", "dr", "prof", "art", "blz", "pag", "zgn", "max", "min", "evt", "enz", "tel", "vgl",
];

/// The sentences of a page, in their blocks.
pub(crate) fn pieces(page: usize, text: &str, first_block: usize) -> (Vec<Piece>, usize) {
    let mut out = Vec::new();
    let mut block = first_block;
    for lines in blocks(text) {
        let joined = lines.join(" ");
        for sentence in split_sentences(&joined) {
            for chunk in chunks(sentence) {
                out.push(Piece {
                    page,
                    block,
                    text: chunk.to_string(),
                });
            }
        }
        block += 1;
    }
    (out, block)
}

/// A line that starts a list item: a bullet (also the "e" or "o" a PDF
/// gives for a symbol-font bullet) before a capital, or a number.
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    let after = rest.trim_start();
    let spaced = rest.starts_with(' ');
    let capital_after = after.chars().next().is_some_and(char::is_uppercase);
    match first {
        '•' | '·' | '▪' | '■' | '●' | '◦' | '-' | '–' | '—' | '*' | '\u{f0b7}' | '\u{f0a7}' => {
            spaced
        }
        'e' | 'o' => spaced && capital_after,
        c if c.is_ascii_digit() => {
            let number_end = line
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(line.len());
            line[number_end..].starts_with([' ', ')']) && number_end < 5
        }
        _ => false,
    }
}

/// A short line without closing punctuation: a heading or a table cell.
fn is_heading(line: &str) -> bool {
    !line.ends_with(['.', ',', ';', ':', '!', '?', '-']) && line.split_whitespace().count() <= 10
}

/// The blocks of a page: paragraphs (split at empty lines), list items and
/// headings.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            // An empty line between the two halves of a sentence (a
            // double-spaced text) does not end the paragraph.
            let open = current
                .last()
                .is_some_and(|l| !l.ends_with(['.', '!', '?', ':', ';']));
            let goes_on = lines[i + 1..]
                .iter()
                .find(|l| !l.is_empty())
                .and_then(|l| l.chars().next())
                .is_some_and(char::is_lowercase);
            if !current.is_empty() && (!open || !goes_on) {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if starts_item(line) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(line);
        let next_starts_capital = lines
            .get(i + 1)
            .and_then(|l| l.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if is_heading(line) && next_starts_capital {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Split a block's text after `.`, `!` or `?` followed by a space and a
/// capital, a digit or an opening mark, unless the word before is an
/// abbreviation ("o.a.", "bijv.") or a single letter.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || i + 2 >= text.len() || bytes[i + 1] != b' ' {
            continue;
        }
        let next = text[i + 2..].chars().next().unwrap_or(' ');
        if !(next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '‘' | '“' | '"' | '(' | '\''))
        {
            continue;
        }
        if c == '.' {
            let word = text[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let is_abbreviation = bare.contains('.')
                || (bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic))
                || ABBREVIATIONS.contains(&bare.to_lowercase().as_str());
            if is_abbreviation {
                continue;
            }
        }
        out.push(text[start..=i].trim());
        start = i + 2;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A sentence of more than 60 words (a table read as text, a list without
/// full stops) in pieces of 40: a passage is never a whole page.
fn chunks(sentence: &str) -> Vec<&str> {
    const LONG: usize = 60;
    const PIECE: usize = 40;
    let starts: Vec<usize> = sentence
        .split_whitespace()
        .map(|w| w.as_ptr() as usize - sentence.as_ptr() as usize)
        .collect();
    if starts.len() <= LONG {
        return vec![sentence];
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let end = starts.get(i + PIECE).copied().unwrap_or(sentence.len());
        out.push(sentence[starts[i]..end].trim());
        i += PIECE;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        pieces(0, page, 0).0.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn sentences_end_at_full_stops_but_not_after_abbreviations() {
        assert_eq!(
            texts("Wij werken o.a. met het\nwijkteam. Dat gaat bijv. goed! En 2022 komt."),
            [
                "Wij werken o.a. met het wijkteam.",
                "Dat gaat bijv. goed!",
                "En 2022 komt."
            ]
        );
    }

    #[test]
    fn headings_and_list_items_are_blocks_of_their_own() {
        let p = pieces(
            0,
            "5.2 Welke inspanningen gaan we leveren\nWe richten een netwerk op.\ne Het oprichten van een RVT is waardevol\n• Tweede punt",
            0,
        )
        .0;
        let blocks: Vec<(usize, &str)> = p.iter().map(|p| (p.block, p.text.as_str())).collect();
        assert_eq!(
            blocks,
            [
                (0, "5.2 Welke inspanningen gaan we leveren"),
                (1, "We richten een netwerk op."),
                (2, "e Het oprichten van een RVT is waardevol"),
                (3, "• Tweede punt")
            ]
        );
    }

    #[test]
    fn words_know_their_hyphens() {
        let text = "niet-cliëntgebonden en volwassenen-GGZ, niet";
        let w: Vec<(&str, bool)> = words(text)
            .iter()
            .map(|w| (&text[w.start..w.end], w.joined))
            .collect();
        assert_eq!(
            w,
            [
                ("niet", true),
                ("cliëntgebonden", true),
                ("en", false),
                ("volwassenen", true),
                ("GGZ", true),
                ("niet", false)
            ]
        );
    }

    #[test]
    fn a_sentence_goes_on_over_an_empty_line() {
        assert_eq!(
            texts(
                "Als het zo is dat een lokale team nog onvoldoende stevig is, dan wordt\n\nregionaal veiligheidsteam opportuun.\n\nNieuw punt."
            ),
            [
                "Als het zo is dat een lokale team nog onvoldoende stevig is, dan wordt regionaal veiligheidsteam opportuun.",
                "Nieuw punt."
            ]
        );
    }

    #[test]
    fn a_long_run_without_full_stops_is_cut() {
        let long = vec!["woord"; 130].join(" ");
        let t = texts(&long);
        assert_eq!(t.len(), 4);
        assert!(t.iter().all(|s| s.split_whitespace().count() <= 40));
    }
}
