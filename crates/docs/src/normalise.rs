//! A page's text as it reads: white space normalised and words hyphenated
//! at a line end joined again.

/// Normalise one page: line ends to `\n`, every run of spaces (tabs,
/// no-break spaces) in a line to one space, lines trimmed, at most one empty
/// line in a row, soft hyphens dropped, ligatures (ﬁ, ﬂ, …) spelled out, and
/// a word hyphenated at a line end joined again:
///
/// - `samen-` / `werking` becomes `samenwerking`;
/// - `Kind-` / `en Gezinsbescherming` stays `Kind- en Gezinsbescherming`
///   (a shortened compound before a conjunction);
/// - `Noord-` / `Brabant` and `regio-` / `adviseur` keep their hyphen (a
///   capital after it, or two vowels meeting, as Dutch spelling writes it);
/// - `2022-` / `2023` and `€ 500.000,--` are not words and stay as they are.
///
/// The joined word moves to the end of the first line, so a page keeps its
/// lines.
pub fn normalise(page: &str) -> String {
    let page = page.replace("\r\n", "\n");
    let mut lines: Vec<String> = page
        .split(['\n', '\r'])
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for word in line.split(|c: char| c.is_whitespace()) {
                if word.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                push_word(&mut out, word);
            }
            out
        })
        .collect();
    for i in 0..lines.len().saturating_sub(1) {
        join_hyphenated(&mut lines, i);
    }
    let mut out = String::with_capacity(page.len());
    let mut blank_before = false;
    for line in &lines {
        if line.is_empty() {
            blank_before = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_before {
                out.push('\n');
            }
        }
        out.push_str(line);
        blank_before = false;
    }
    out
}

/// A word without soft hyphens, and with ligatures spelled out.
fn push_word(out: &mut String, word: &str) {
    for c in word.chars() {
        match c {
            '\u{ad}' => {}
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c => out.push(c),
        }
    }
}

/// Words that follow a shortened compound: "kind- en gezinsbescherming".
const CONJUNCTIONS: &[&str] = &["en", "of", "tot", "en/of", "noch", "and", "or"];

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'ë' | 'è' | 'ï' | 'ö' | 'ü' | 'á' | 'ó'
    )
}

/// When line `i` ends in a word and a hyphen and line `i + 1` goes on with
/// a word, join them as [`normalise`] describes.
fn join_hyphenated(lines: &mut [String], i: usize) {
    let Some(stem) = lines[i].strip_suffix('-') else {
        return;
    };
    let mut before = stem.chars().rev();
    let (Some(last), Some(second)) = (before.next(), before.next()) else {
        return;
    };
    if !last.is_alphabetic() || !(second.is_alphabetic() || second == '-') {
        return;
    }
    let next = &lines[i + 1];
    let Some(first) = next.chars().next() else {
        return;
    };
    let word_end = next.find(' ').unwrap_or(next.len());
    let word = &next[..word_end];
    if CONJUNCTIONS.contains(&word.to_lowercase().as_str()) {
        // "Kind-" + "en ...": only the space that the line break was.
        lines[i].push(' ');
        let rest = lines[i + 1].clone();
        move_word(lines, i, &rest, word_end);
        return;
    }
    let keep_hyphen = if first == '/' || first.is_uppercase() || first.is_numeric() {
        true
    } else if first.is_alphabetic() {
        is_vowel(last) && is_vowel(first)
    } else {
        return;
    };
    if !keep_hyphen {
        lines[i].pop();
    }
    let rest = lines[i + 1].clone();
    move_word(lines, i, &rest, word_end);
}

/// Move the first word of line `i + 1` (up to `end`) to the end of line `i`.
fn move_word(lines: &mut [String], i: usize, next: &str, end: usize) {
    lines[i].push_str(&next[..end]);
    lines[i + 1] = next[end..].trim_start().to_string();
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn hyphenation_at_line_ends_is_undone() {
        assert_eq!(
            normalise("de huidige jeugdbeschermings-\nketen is lang"),
            "de huidige jeugdbeschermingsketen\nis lang"
        );
        assert_eq!(normalise("samen-\nwerking"), "samenwerking");
    }

    #[test]
    fn a_shortened_compound_keeps_its_hyphen() {
        assert_eq!(
            normalise("een Plan van Aanpak Toekomsttuin Kind-\nen Gezinsbescherming vastgesteld"),
            "een Plan van Aanpak Toekomsttuin Kind- en\nGezinsbescherming vastgesteld"
        );
        assert_eq!(normalise("Noord-\nBrabant"), "Noord-Brabant");
        assert_eq!(
            normalise("de regio-\nadviseur jeugd"),
            "de regio-adviseur\njeugd"
        );
        assert_eq!(
            normalise("een ontwikkel-\n/verbeterplan"),
            "een ontwikkel-/verbeterplan"
        );
    }

    #[test]
    fn figures_and_dashes_are_left_alone() {
        assert_eq!(
            normalise("€ 500.000,--\n€ 25.000,--"),
            "€ 500.000,--\n€ 25.000,--"
        );
        assert_eq!(normalise("in 2022-\n2023"), "in 2022-\n2023");
        assert_eq!(normalise("een lijst -\nmet"), "een lijst -\nmet");
    }

    #[test]
    fn white_space_is_normalised() {
        assert_eq!(
            normalise("  uit   de\u{a0}proeftuinen\t mee \r\n\n\n\nvolgende\u{ad}regel ﬁets  \n\n"),
            "uit de proeftuinen mee\n\nvolgenderegel fiets"
        );
    }
}
