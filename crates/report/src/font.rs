//! The embedded font (DejaVu Sans, regular and bold; see
//! `assets/fonts/LICENSE-DejaVu.txt`) and its metrics.
//!
//! Every text that goes into a PDF is measured here first, and measuring is
//! also the check that the font can show it: a character without a glyph is
//! an error, never a silent `?` or an empty box.

use std::sync::LazyLock;

use printpdf::ParsedFont;

static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Regular or bold: the two faces the reports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// Characters below this code point have their widths in a table, so that
/// measuring the common case costs an array index.
const TABLE_END: u32 = 0x2200;

/// A parsed face with a width table.
pub(crate) struct Face {
    pub parsed: ParsedFont,
    /// Advance in thousandths of an em per code point below `TABLE_END`;
    /// `None` where the face has no glyph.
    widths: Vec<Option<u16>>,
    units_per_em: u32,
}

impl Face {
    fn load(bytes: &[u8], name: &str) -> Face {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .unwrap_or_else(|| panic!("the embedded font {name} parses"));
        let units_per_em = u32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut face = Face {
            parsed,
            widths: Vec::new(),
            units_per_em,
        };
        face.widths = (0..TABLE_END)
            .map(|cp| char::from_u32(cp).and_then(|c| face.lookup(c)))
            .collect();
        face
    }

    /// The advance of `c` in thousandths of an em, rounded down exactly as
    /// printpdf writes the `/W` widths, so a measured line is as wide as the
    /// viewer draws it. `None`: the face cannot show `c`.
    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        let advance = u32::from(self.parsed.get_horizontal_advance(gid));
        Some((advance * 1000 / self.units_per_em) as u16)
    }

    /// The advance of `c` in thousandths of an em.
    pub fn advance(&self, c: char) -> Option<u16> {
        match self.widths.get(c as usize) {
            Some(w) => *w,
            None => self.lookup(c),
        }
    }
}

pub(crate) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// Parsed once per process: parsing is the expensive part of a sheet.
pub(crate) static FONTS: LazyLock<Fonts> = LazyLock::new(|| Fonts {
    regular: Face::load(REGULAR_TTF, "DejaVuSans.ttf"),
    bold: Face::load(BOLD_TTF, "DejaVuSans-Bold.ttf"),
});

/// A character the font cannot show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unprintable(pub char);

/// The width of `text` at `size` points; an error names the first character
/// the face cannot show.
pub(crate) fn width(weight: Weight, size: f32, text: &str) -> Result<f32, Unprintable> {
    let face = FONTS.face(weight);
    let mut thousandths: u32 = 0;
    for c in text.chars() {
        thousandths += u32::from(face.advance(c).ok_or(Unprintable(c))?);
    }
    Ok(thousandths as f32 * size / 1000.0)
}

/// Whether both faces can show every character of `text`.
pub fn can_show(text: &str) -> Result<(), char> {
    for weight in [Weight::Regular, Weight::Bold] {
        width(weight, 10.0, text).map_err(|Unprintable(c)| c)?;
    }
    Ok(())
}
