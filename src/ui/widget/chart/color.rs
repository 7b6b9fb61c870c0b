//! The colours of the charts: the Okabe–Ito palette of the groups, the
//! heat map ramp, the ink of axes and lines, and WCAG contrast.

use iced::Color;

/// The Okabe–Ito palette without its black: distinguishable with every
/// common form of colour blindness. One colour per criterion group.
pub const OKABE_ITO: [Color; 7] = [
    rgb8(0xE6, 0x9F, 0x00), // orange
    rgb8(0x56, 0xB4, 0xE9), // sky blue
    rgb8(0x00, 0x9E, 0x73), // bluish green
    rgb8(0xF0, 0xE4, 0x42), // yellow
    rgb8(0x00, 0x72, 0xB2), // blue
    rgb8(0xD5, 0x5E, 0x00), // vermillion
    rgb8(0xCC, 0x79, 0xA7), // reddish purple
];

/// Round 1 and round 2 in the round chart (Okabe–Ito orange and blue).
pub const ROUND_ONE: Color = OKABE_ITO[0];
pub const ROUND_TWO: Color = OKABE_ITO[4];

/// A single-hue sequential ramp (ColorBrewer "Blues"): darker is a larger
/// share of the criterion's maximum.
const BLUES: [Color; 5] = [
    rgb8(0xEF, 0xF3, 0xFF),
    rgb8(0xBD, 0xD7, 0xE7),
    rgb8(0x6B, 0xAE, 0xD6),
    rgb8(0x31, 0x82, 0xBD),
    rgb8(0x08, 0x51, 0x9C),
];
pub(super) const MISSING: Color = rgb8(0xE4, 0xE5, 0xE8);
pub(super) const INK: Color = rgb8(0x14, 0x17, 0x1C);
pub(super) const GRID: Color = rgb8(0xDD, 0xDF, 0xE3);
pub(super) const AXIS: Color = rgb8(0x55, 0x5A, 0x62);
pub(super) const THRESHOLD: Color = rgb8(0x73, 0x45, 0x00);
pub(super) const AWARD: Color = rgb8(0x00, 0x6B, 0x38);
pub(super) const CONNECTOR: Color = rgb8(0x9A, 0x9E, 0xA6);

pub(super) const fn rgb8(r: u8, g: u8, b: u8) -> Color {
    Color::from_rgb(r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
}

/// The colour of group `i`.
pub fn group_color(i: usize) -> Color {
    OKABE_ITO[i % OKABE_ITO.len()]
}

/// The heat map colour of a share between 0 and 1.
pub fn heat_color(share: f32) -> Color {
    let t = share.clamp(0.0, 1.0) * (BLUES.len() - 1) as f32;
    let i = (t.floor() as usize).min(BLUES.len() - 2);
    let f = t - i as f32;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    Color::from_rgb(
        a.r + (b.r - a.r) * f,
        a.g + (b.g - a.g) * f,
        a.b + (b.b - a.b) * f,
    )
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f32 {
    let lin = |v: f32| {
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// Black or white, whichever contrasts more with `background`.
pub fn text_on(background: Color) -> Color {
    let l = luminance(background);
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        Color::BLACK
    } else {
        Color::WHITE
    }
}

/// The WCAG contrast ratio of two colours.
pub fn contrast(a: Color, b: Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
