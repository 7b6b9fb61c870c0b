//! How wide a text is in the window's font, without a window: the glyph
//! advances of the embedded DejaVu Sans ([`theme::FONT_REGULAR`] and
//! [`theme::FONT_BOLD`]), read with `ttf-parser`.
//!
//! Used where a column must fit its content (the application ids, sized to
//! the longest id of the dossier) and where a text must fit a column (a long
//! region name, shortened with "…": iced 0.14 has no ellipsis). The width is
//! an upper bound of what iced draws: every advance is rounded up to a whole
//! pixel (hinting rounds advances), kerning (which only narrows) is left
//! out, and a character the font lacks (drawn by a fallback font) counts as
//! one em, the width of the widest glyphs of any script.

use std::sync::OnceLock;

use ttf_parser::Face;

use super::theme;

fn face(bold: bool) -> &'static Face<'static> {
    static REGULAR: OnceLock<Face<'static>> = OnceLock::new();
    static BOLD: OnceLock<Face<'static>> = OnceLock::new();
    let (cell, bytes) = if bold {
        (&BOLD, theme::FONT_BOLD)
    } else {
        (&REGULAR, theme::FONT_REGULAR)
    };
    cell.get_or_init(|| Face::parse(bytes, 0).expect("the embedded DejaVu Sans parses"))
}

/// The advances of the ASCII characters in font units, looked up once
/// (ids and most names are ASCII; the font's tables are slow to search
/// character by character).
fn ascii(bold: bool) -> &'static [Option<u16>; 128] {
    static REGULAR: OnceLock<[Option<u16>; 128]> = OnceLock::new();
    static BOLD: OnceLock<[Option<u16>; 128]> = OnceLock::new();
    let cell = if bold { &BOLD } else { &REGULAR };
    cell.get_or_init(|| {
        let face = face(bold);
        std::array::from_fn(|i| {
            let c = char::from(u8::try_from(i).unwrap_or(b'?'));
            face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g))
        })
    })
}

/// The width of one character at `size` pixels.
fn advance(face: &Face<'_>, bold: bool, c: char, size: f32) -> f32 {
    let per_unit = size / f32::from(face.units_per_em());
    let units = match usize::try_from(u32::from(c)) {
        Ok(i) if i < 128 => ascii(bold)[i],
        _ => face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)),
    };
    units.map_or(size, |a| (f32::from(a) * per_unit).ceil())
}

/// The width of `s` on one line at `size` pixels, bold or regular.
pub fn width(s: &str, size: f32, bold: bool) -> f32 {
    let face = face(bold);
    s.chars().map(|c| advance(face, bold, c, size)).sum()
}

/// The width of a column that holds each of `texts` on one line: the
/// widest of them, and at least `min` (the column's header).
pub fn column<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    size: f32,
    bold: bool,
    min: f32,
) -> f32 {
    texts
        .into_iter()
        .map(|t| width(t, size, bold))
        .fold(min, f32::max)
}

/// `s` as it fits in `max` pixels on one line: whole, or cut at a
/// character and ended with "…".
pub fn ellipsize(s: &str, size: f32, bold: bool, max: f32) -> std::borrow::Cow<'_, str> {
    if width(s, size, bold) <= max {
        return s.into();
    }
    let face = face(bold);
    let mut room = max - advance(face, bold, '…', size);
    let mut end = 0;
    for (i, c) in s.char_indices() {
        room -= advance(face, bold, c, size);
        if room < 0.0 {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", s[..end].trim_end()).into()
}

/// `s` on at most `lines` lines of `max` pixels: broken between words,
/// the last line shortened with "…" where the rest does not fit (a word
/// longer than a line is cut too).
pub fn wrap(s: &str, size: f32, bold: bool, max: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() && out.len() + 1 < lines && width(rest, size, bold) > max {
        // As many words as fit on this line (at least one, cut if need be).
        let mut end = 0;
        for (i, _) in rest.match_indices(' ') {
            if width(&rest[..i], size, bold) > max {
                break;
            }
            end = i;
        }
        if end == 0 {
            break;
        }
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start();
    }
    if !rest.is_empty() {
        out.push(ellipsize(rest, size, bold, max).into_owned());
    }
    out
}

/// The size of a text without one of its own: iced's default, which
/// [`theme::settings`] keeps.
pub const BODY: f32 = 16.0;

/// The width of the id column of a table: the widest of `ids` as the
/// tables draw them (muted, regular, [`BODY`] size), so that an id of up to
/// twelve characters (or the 40 the dossier allows) never runs into the
/// region beside it.
pub fn id_column<'a>(ids: impl IntoIterator<Item = &'a str>) -> f32 {
    column(ids, BODY, false, 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_the_size_iced_draws_a_plain_text_in() {
        assert_eq!(
            theme::settings().default_text_size.0,
            BODY,
            "theme::settings changed the default text size"
        );
    }

    #[test]
    fn a_wider_text_measures_wider_and_bold_is_wider() {
        assert!(width("WWWW", BODY, false) > width("iiii", BODY, false));
        assert!(width("Regio", BODY, true) > width("Regio", BODY, false));
        assert_eq!(width("", BODY, false), 0.0);
    }

    #[test]
    fn an_ellipsized_text_fits_and_keeps_its_start() {
        let name = "Samenwerkingsverband Noordoostelijke Kustgemeenten en Waddeneilanden";
        let max = 200.0;
        let short = ellipsize(name, BODY, true, max);
        assert!(short.ends_with('…'), "{short}");
        assert!(name.starts_with(short.trim_end_matches('…')));
        assert!(width(&short, BODY, true) <= max, "{short}");
        assert_eq!(ellipsize("Kreekland", BODY, true, max), "Kreekland");
    }

    #[test]
    fn a_wrapped_text_breaks_between_words_and_ends_with_an_ellipsis() {
        let max = 110.0;
        assert_eq!(
            wrap("Regio Lindewaard", BODY, true, max, 2),
            ["Regio", "Lindewaard"]
        );
        assert_eq!(wrap("Kreekland", BODY, true, max, 2), ["Kreekland"]);
        let long = "Regio Samenwerkingsverband Noordelijke Kustgemeenten";
        let lines = wrap(long, BODY, true, max, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0], "Regio");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(width(l, BODY, true) <= max, "{l}");
        }
    }

    #[test]
    fn the_id_column_is_as_wide_as_the_widest_id() {
        let ids = ["A01", "WWWWWWWWWWWW", "A2"];
        let w = id_column(ids);
        assert_eq!(w, width("WWWWWWWWWWWW", BODY, false));
        assert!(
            w > 12.0 * 0.9 * BODY,
            "twelve W's are about an em each: {w}"
        );
    }
}
