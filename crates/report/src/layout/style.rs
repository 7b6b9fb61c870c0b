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

pub(crate) const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub(crate) const MUTED: Rgb = Rgb(0x55, 0x5d, 0x66);
pub(crate) const RULE: Rgb = Rgb(0xbf, 0xc5, 0xcc);
pub(crate) const HEADER_FILL: Rgb = Rgb(0xe3, 0xe8, 0xee);
pub(crate) const GROUP_FILL: Rgb = Rgb(0xf2, 0xf4, 0xf7);
pub(crate) const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x79);
pub(crate) const GOOD: Rgb = Rgb(0x2e, 0x7d, 0x32);
pub(crate) const BAD: Rgb = Rgb(0xb7, 0x1c, 0x1c);
pub(crate) const WARN: Rgb = Rgb(0xc7, 0x5b, 0x00);
pub(crate) const NEUTRAL: Rgb = Rgb(0x90, 0x97, 0x9f);
pub(crate) const PALE: Rgb = Rgb(0xd5, 0xd9, 0xde);

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
