//! Colours and text styles.

use printpdf::Color;

use crate::font::Weight;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(super) fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb::new(
            f32::from(self.0) / 255.0,
            f32::from(self.1) / 255.0,
            f32::from(self.2) / 255.0,
            None,
        ))
    }
}

// The palette: every colour of the reports is set here. Text colours have
// a contrast of at least 4.5:1 (WCAG 2.1 AA, 1.4.3) against white, the
// colours of chart marks at least 3:1 (1.4.11):
// `tests::the_palette_meets_wcag_contrast` computes them. The test
// `report_a11y` of the program holds every text in the PDFs against the
// fill it stands on.
#[cfg(test)]
pub(crate) const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub(crate) const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub(crate) const MUTED: Rgb = Rgb(0x55, 0x5d, 0x66);
pub(crate) const RULE: Rgb = Rgb(0xbf, 0xc5, 0xcc);
pub(crate) const HEADER_FILL: Rgb = Rgb(0xe3, 0xe8, 0xee);
pub(crate) const GROUP_FILL: Rgb = Rgb(0xf2, 0xf4, 0xf7);
/// The light fill of the result box of a score sheet.
pub(crate) const BOX_FILL: Rgb = Rgb(0xf4, 0xf7, 0xfb);
pub(crate) const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x79);
pub(crate) const GOOD: Rgb = Rgb(0x2e, 0x7d, 0x32);
pub(crate) const BAD: Rgb = Rgb(0xb7, 0x1c, 0x1c);
/// Dark orange: 5.35:1 on white (the earlier #c75b00 was 4.26:1, too
/// little for 8.5 pt text).
pub(crate) const WARN: Rgb = Rgb(0xad, 0x50, 0x00);
/// The grey of chart bars without a colour of their own: 3.63:1 on white
/// (the earlier #90979f was 2.95:1).
pub(crate) const NEUTRAL: Rgb = Rgb(0x80, 0x87, 0x8f);
/// Chart grid lines: decoration, the values are printed beside the bars.
pub(crate) const PALE: Rgb = Rgb(0xd5, 0xd9, 0xde);

/// The colours text is drawn in.
#[cfg(test)]
pub(crate) const TEXT_COLOURS: [Rgb; 6] = [INK, MUTED, ACCENT, GOOD, BAD, WARN];
/// The colours of the marks of the chart: bars, the round-1 markers, the
/// axis, the threshold and the award line.
#[cfg(test)]
pub(crate) const CHART_MARKS: [Rgb; 6] = [GOOD, WARN, NEUTRAL, BAD, MUTED, ACCENT];

#[cfg(test)]
impl Rgb {
    /// Relative luminance (WCAG 2.1).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The contrast ratio with `other` (WCAG 2.1), from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub color: Rgb,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, color: Rgb) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }

    pub const fn color(self, color: Rgb) -> Style {
        Style { color, ..self }
    }

    pub const fn bold(self) -> Style {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }

    pub fn leading(&self) -> f32 {
        self.size * 1.3
    }
}

pub(crate) const BODY: Style = Style::new(Weight::Regular, 8.5, INK);
pub(crate) const BODY_BOLD: Style = BODY.bold();
pub(crate) const SMALL: Style = Style::new(Weight::Regular, 7.0, MUTED);
pub(crate) const LABEL: Style = Style::new(Weight::Regular, 7.5, MUTED);
pub(crate) const TITLE: Style = Style::new(Weight::Bold, 17.0, ACCENT);
pub(crate) const HEADING: Style = Style::new(Weight::Bold, 11.0, ACCENT);
pub(crate) const TABLE_HEAD: Style = Style::new(Weight::Bold, 7.5, INK);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contrast_ratio_is_that_of_wcag() {
        assert!((INK.contrast(WHITE) - 16.56).abs() < 0.01);
        assert!((Rgb(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // The two colours of issue 20 that failed, as the issue measured.
        assert!((Rgb(0xc7, 0x5b, 0x00).contrast(WHITE) - 4.26).abs() < 0.01);
        assert!((Rgb(0x90, 0x97, 0x9f).contrast(WHITE) - 2.95).abs() < 0.01);
    }

    #[test]
    fn the_palette_meets_wcag_contrast() {
        for text in TEXT_COLOURS {
            let ratio = text.contrast(WHITE);
            assert!(ratio >= 4.5, "text {text:?}: {ratio:.2}:1, less than 4.5:1");
        }
        for mark in CHART_MARKS {
            let ratio = mark.contrast(WHITE);
            assert!(
                ratio >= 3.0,
                "chart mark {mark:?}: {ratio:.2}:1, less than 3:1"
            );
        }
    }
}
