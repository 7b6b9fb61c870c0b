//! Text: paragraphs, measuring with the embedded font, and wrapping into
//! lines.

use crate::ReportError;
use crate::font::{self, Unprintable};

use super::Style;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A paragraph: text in one style, wrapped to the width it is given.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub text: String,
    pub style: Style,
    pub align: Align,
    /// Extra space above the paragraph.
    pub gap: f32,
}

impl Para {
    pub fn new(text: impl Into<String>, style: Style) -> Para {
        Para {
            text: text.into(),
            style,
            align: Align::Left,
            gap: 0.0,
        }
    }

    pub fn right(mut self) -> Para {
        self.align = Align::Right;
        self
    }

    pub fn gap(mut self, gap: f32) -> Para {
        self.gap = gap;
        self
    }
}

/// One wrapped line, ready to draw.
#[derive(Debug, Clone)]
pub(crate) struct Laid {
    pub text: String,
    pub style: Style,
    pub align: Align,
    pub width: f32,
    pub gap: f32,
    /// The first line of its paragraph.
    pub first: bool,
}

impl Laid {
    pub fn height(&self) -> f32 {
        self.gap + self.style.leading()
    }
}

fn unprintable(c: char, text: &str) -> ReportError {
    let context: String = text.chars().take(60).collect();
    let context = if text.chars().count() > 60 {
        format!("{context}…")
    } else {
        context
    };
    ReportError::Unprintable {
        character: c,
        context,
    }
}

/// The width of one line of text; an error names a character the font
/// cannot show.
pub(crate) fn measure(text: &str, style: Style) -> Result<f32, ReportError> {
    font::width(style.weight, style.size, text).map_err(|Unprintable(c)| unprintable(c, text))
}

/// Break `text` into lines no wider than `width`: at spaces, at hard line
/// breaks, and inside a word only when the word alone is wider than a line.
/// Every character of the text ends up on some line, in order (spaces at a
/// break are the only thing dropped).
pub(crate) fn wrap(
    text: &str,
    style: Style,
    width: f32,
) -> Result<Vec<(String, f32)>, ReportError> {
    let text = normalize(text);
    let space = measure(" ", style)?;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        for word in words(paragraph) {
            let word = word.as_str();
            let word_w = measure(word, style).map_err(|e| match e {
                ReportError::Unprintable { character, .. } => unprintable(character, &text),
                other => other,
            })?;
            let sep = if line.is_empty() { 0.0 } else { space };
            if line_w + sep + word_w <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_w += sep + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), line_w));
                line_w = 0.0;
            }
            if word_w <= width {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            // A word wider than a line (a long URL or file name): break it
            // between characters.
            for c in word.chars() {
                let mut buf = [0u8; 4];
                let cw = measure(c.encode_utf8(&mut buf), style)?;
                if line_w + cw > width && !line.is_empty() {
                    lines.push((std::mem::take(&mut line), line_w));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push((line, line_w));
    }
    Ok(lines)
}

/// Line breaks to `\n`, tabs to spaces, and the invisible format
/// characters that text pasted from a word processor carries (soft hyphen,
/// zero-width space and joiners, BOM) removed: they have no glyph to show.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The words of a paragraph, split at spaces. A currency sign stays with
/// the amount after it, and a page abbreviation with its number ("€
/// 250.000" and "p. 17" are not broken).
fn words(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in paragraph.split(' ') {
        let glue = out.last().is_some_and(|last| {
            let last = last.rsplit(' ').next().unwrap_or(last);
            let last = last.trim_start_matches(['(', '[']);
            matches!(last, "€" | "$" | "£")
                || (matches!(last, "p." | "pp." | "blz." | "pag." | "nr." | "art.")
                    && word.starts_with(|c: char| c.is_ascii_digit()))
        }) && !word.is_empty();
        match out.last_mut() {
            Some(last) if glue => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// Lay out paragraphs into lines for a box `width` wide.
pub(crate) fn lay_out(paras: &[Para], width: f32) -> Result<Vec<Laid>, ReportError> {
    let mut out = Vec::new();
    for p in paras {
        for (i, (text, w)) in wrap(&p.text, p.style, width)?.into_iter().enumerate() {
            out.push(Laid {
                text,
                style: p.style,
                align: p.align,
                width: w,
                gap: if i == 0 { p.gap } else { 0.0 },
                first: i == 0,
            });
        }
    }
    Ok(out)
}

pub(super) fn height_of(lines: &[Laid]) -> f32 {
    lines.iter().map(Laid::height).sum()
}

/// Shorten a one-line text with "…" so it fits `width`.
pub(crate) fn fit(text: &str, style: Style, width: f32) -> Result<String, ReportError> {
    if measure(text, style)? <= width {
        return Ok(text.to_string());
    }
    let mut s: String = text.to_string();
    while !s.is_empty() {
        s.pop();
        let candidate = format!("{}…", s.trim_end());
        if measure(&candidate, style)? <= width {
            return Ok(candidate);
        }
    }
    Ok("…".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{BODY, SMALL};
    use proptest::prelude::*;

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn lines_fit_and_keep_every_character_in_order() {
        let text = "Het plan beschrijft de samenwerking met politie, OM en rechtspraak – met data, namen en een overlegstructuur. De regio’s hebben een ‘gezamenlijke’ regietafel.\n\nTweede alinea: € 1.100.000 voor 2022–2023.";
        for width in [40.0, 80.0, 150.0, 300.0] {
            let lines = wrap(text, BODY, width).unwrap();
            for (line, w) in &lines {
                assert!(
                    *w <= width + 0.01,
                    "{line:?} is {w} wide, more than {width}"
                );
                assert!((measure(line, BODY).unwrap() - w).abs() < 0.01);
            }
            let joined: String = lines.iter().map(|(l, _)| l.as_str()).collect();
            assert_eq!(squash(&joined), squash(text), "width {width}");
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let url =
            "https://www.voorbeeld.nl/documenten/plan-van-aanpak-proeftuin-2022-definitief.pdf";
        let lines = wrap(url, BODY, 60.0).unwrap();
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|(_, w)| *w <= 60.0));
        assert_eq!(
            lines.iter().map(|(l, _)| l.as_str()).collect::<String>(),
            url
        );
    }

    #[test]
    fn hard_line_breaks_and_empty_lines_are_kept() {
        let lines = wrap("een\r\ntwee\n\ndrie", BODY, 300.0).unwrap();
        let texts: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(texts, ["een", "twee", "", "drie"]);
    }

    #[test]
    fn invisible_format_characters_are_left_out_and_amounts_stay_whole() {
        let lines = wrap(
            "overleg\u{ad}structuur\u{200b} en \u{feff}€ 250.000",
            BODY,
            1000.0,
        )
        .unwrap();
        assert_eq!(lines[0].0, "overlegstructuur en € 250.000");
        let w = measure("€ 250.000", BODY).unwrap();
        let narrow = wrap("bedrag € 250.000", BODY, w + 1.0).unwrap();
        assert_eq!(narrow[1].0, "€ 250.000");
        let w = measure("(p. 17).", BODY).unwrap();
        let narrow = wrap("zie (p. 17).", BODY, w + 1.0).unwrap();
        assert_eq!(narrow[1].0, "(p. 17).");
    }

    #[test]
    fn an_unprintable_character_names_itself_and_where_it_is() {
        match wrap("Goed plan 漢 en verder", BODY, 200.0) {
            Err(ReportError::Unprintable { character, context }) => {
                assert_eq!(character, '漢');
                assert!(context.starts_with("Goed plan"));
            }
            other => panic!("expected Unprintable, got {other:?}"),
        }
    }

    #[test]
    fn fit_shortens_with_an_ellipsis() {
        let long = "Scoreformulier A01 · Regio met een heel erg lange naam · Ronde 1 · Beoordelaar";
        let short = fit(long, SMALL, 120.0).unwrap();
        assert!(short.ends_with('…'));
        assert!(measure(&short, SMALL).unwrap() <= 120.0);
        assert_eq!(fit("kort", SMALL, 120.0).unwrap(), "kort");
    }

    proptest! {
        #[test]
        fn wrapping_never_loses_or_reorders_characters(
            text in "[a-zA-Z0-9ëéïöü€–‘’“” .,;:()\n-]{0,400}",
            width in 30.0f32..400.0,
        ) {
            let lines = wrap(&text, BODY, width).unwrap();
            for (line, w) in &lines {
                let single_char = line.chars().count() <= 1;
                prop_assert!(*w <= width + 0.01 || single_char, "{:?} {} > {}", line, w, width);
            }
            let joined: String = lines.iter().map(|(l, _)| l.as_str()).collect();
            prop_assert_eq!(squash(&joined), squash(&text));
        }
    }
}
