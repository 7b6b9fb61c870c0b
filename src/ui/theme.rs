//! The look: iced's built-in `Theme` with a sober, high-contrast palette
//! (dark blue on white, as government software tends to be), and style
//! functions over its extended palette.

use iced::border::Radius;
use iced::widget::{button, container, text_editor, text_input};
use iced::{Background, Border, Color, Theme};

use leidraad_core::scoring::Status;

pub const SPACE: f32 = 8.0;
pub const TEXT: f32 = 15.0;
pub const SMALL: f32 = 13.0;
pub const HEADING: f32 = 20.0;
pub const TITLE: f32 = 26.0;

const BLUE: Color = Color::from_rgb(0.004, 0.251, 0.443); // #01406f
const INK: Color = Color::from_rgb(0.08, 0.09, 0.11);
const GREEN: Color = Color::from_rgb(0.0, 0.42, 0.22);
const RED: Color = Color::from_rgb(0.70, 0.07, 0.10);
const AMBER: Color = Color::from_rgb(0.62, 0.38, 0.0);

pub fn theme() -> Theme {
    Theme::custom(
        "Leidraad",
        iced::theme::Palette {
            background: Color::WHITE,
            text: INK,
            primary: BLUE,
            success: GREEN,
            warning: AMBER,
            danger: RED,
        },
    )
}

/// Muted text that still reads well (contrast above 7:1 on white).
pub fn muted(theme: &Theme) -> iced::widget::text::Style {
    let _ = theme;
    iced::widget::text::Style {
        color: Some(Color::from_rgb(0.30, 0.32, 0.36)),
    }
}

pub fn danger_text(_theme: &Theme) -> iced::widget::text::Style {
    iced::widget::text::Style { color: Some(RED) }
}

pub fn success_text(_theme: &Theme) -> iced::widget::text::Style {
    iced::widget::text::Style { color: Some(GREEN) }
}

pub fn warning_text(_theme: &Theme) -> iced::widget::text::Style {
    iced::widget::text::Style { color: Some(AMBER) }
}

pub fn primary_text(_theme: &Theme) -> iced::widget::text::Style {
    iced::widget::text::Style { color: Some(BLUE) }
}

/// The header band across the top.
pub fn header(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(p.primary.strong.color)),
        text_color: Some(p.primary.strong.text),
        ..container::Style::default()
    }
}

/// A white card with a thin border.
pub fn card(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border {
            color: p.background.strong.color,
            width: 1.0,
            radius: Radius::from(6.0),
        },
        ..container::Style::default()
    }
}

/// The card of the field that has the keyboard.
pub fn card_focused(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        border: Border {
            color: p.primary.base.color,
            width: 2.0,
            radius: Radius::from(6.0),
        },
        ..card(theme)
    }
}

/// The light blue behind the row the keyboard is on.
const SELECTED_TINT: Color = Color::from_rgb(0.898, 0.933, 0.965);

/// The row of a list that the keyboard is on (arrows, Enter): the focused
/// card's border on a light blue, plain to see beside the white rows.
pub fn row_selected(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(SELECTED_TINT)),
        ..card_focused(theme)
    }
}

/// The grey page behind the cards.
pub fn page(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(p.background.weak.color)),
        ..container::Style::default()
    }
}

/// The always-visible summary column: a card with square corners.
pub fn sidebar(theme: &Theme) -> container::Style {
    let mut style = card(theme);
    style.border.radius = Radius::from(0.0);
    style
}

pub fn notice_danger(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(Color::from_rgb(1.0, 0.94, 0.94))),
        text_color: Some(RED),
        border: Border {
            color: p.danger.base.color,
            width: 1.0,
            radius: Radius::from(4.0),
        },
        ..container::Style::default()
    }
}

pub fn notice_info(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(Color::from_rgb(0.92, 0.95, 0.99))),
        text_color: Some(INK),
        border: Border {
            color: p.primary.weak.color,
            width: 1.0,
            radius: Radius::from(4.0),
        },
        ..container::Style::default()
    }
}

/// The status line in the summary, coloured by where the plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Good,
    Bad,
    Warn,
}

pub fn tone_box(tone: Tone) -> impl Fn(&Theme) -> container::Style {
    move |_theme| {
        let (bg, fg) = tone_colors(tone);
        container::Style {
            background: Some(Background::Color(bg)),
            text_color: Some(fg),
            border: Border {
                color: fg,
                width: 1.0,
                radius: Radius::from(4.0),
            },
            ..container::Style::default()
        }
    }
}

fn tone_colors(tone: Tone) -> (Color, Color) {
    match tone {
        Tone::Neutral => (Color::from_rgb(0.93, 0.94, 0.96), INK),
        Tone::Good => (Color::from_rgb(0.90, 0.97, 0.92), GREEN),
        Tone::Bad => (Color::from_rgb(1.0, 0.93, 0.93), RED),
        Tone::Warn => (
            Color::from_rgb(1.0, 0.96, 0.88),
            Color::from_rgb(0.45, 0.27, 0.0),
        ),
    }
}

pub fn status_tone(status: Status) -> Tone {
    match status {
        Status::Incomplete => Tone::Neutral,
        Status::Rejected | Status::NotAwarded | Status::NotInvited => Tone::Bad,
        Status::BelowThreshold => Tone::Warn,
        Status::Invited | Status::Awarded => Tone::Good,
        Status::Tie | Status::Provisional => Tone::Warn,
    }
}

/// A scale choice: filled when chosen, outlined otherwise.
pub fn choice(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let p = theme.extended_palette();
        let base = if selected {
            button::Style {
                background: Some(Background::Color(p.primary.strong.color)),
                text_color: p.primary.strong.text,
                border: Border {
                    color: p.primary.strong.color,
                    width: 1.0,
                    radius: Radius::from(4.0),
                },
                ..button::Style::default()
            }
        } else {
            button::Style {
                background: Some(Background::Color(Color::WHITE)),
                text_color: INK,
                border: Border {
                    color: Color::from_rgb(0.55, 0.58, 0.62),
                    width: 1.0,
                    radius: Radius::from(4.0),
                },
                ..button::Style::default()
            }
        };
        match status {
            button::Status::Hovered if !selected => button::Style {
                background: Some(Background::Color(p.primary.weak.color)),
                text_color: p.primary.weak.text,
                ..base
            },
            button::Status::Disabled => button::Style {
                background: base.background.map(|b| match b {
                    Background::Color(c) => Background::Color(Color { a: 0.55, ..c }),
                    other => other,
                }),
                text_color: Color {
                    a: 0.7,
                    ..base.text_color
                },
                ..base
            },
            _ => base,
        }
    }
}

/// A verdict choice: chosen "niet voldaan" in red, "voldaan" in green.
pub fn verdict_choice(
    selected: bool,
    verdict: leidraad_core::dossier::Verdict,
) -> impl Fn(&Theme, button::Status) -> button::Style {
    use leidraad_core::dossier::Verdict;
    move |theme, status| {
        let style = choice(selected)(theme, status);
        if !selected {
            return style;
        }
        let color = match verdict {
            Verdict::Met => GREEN,
            Verdict::NotMet => RED,
            Verdict::Doubt => AMBER,
            Verdict::Open => Color::from_rgb(0.35, 0.37, 0.40),
        };
        button::Style {
            background: Some(Background::Color(color)),
            border: Border {
                color,
                ..style.border
            },
            text_color: Color::WHITE,
            ..style
        }
    }
}

/// Buttons in the header band.
pub fn header_button(theme: &Theme, status: button::Status) -> button::Style {
    let p = theme.extended_palette();
    let base = button::Style {
        background: Some(Background::Color(Color::TRANSPARENT)),
        text_color: p.primary.strong.text,
        border: Border {
            color: Color {
                a: 0.6,
                ..p.primary.strong.text
            },
            width: 1.0,
            radius: Radius::from(4.0),
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Hovered | button::Status::Pressed => button::Style {
            background: Some(Background::Color(Color {
                a: 0.15,
                ..Color::WHITE
            })),
            ..base
        },
        _ => base,
    }
}

/// A link-like button (recent files, missing items).
pub fn link(theme: &Theme, status: button::Status) -> button::Style {
    let p = theme.extended_palette();
    button::Style {
        background: match status {
            button::Status::Hovered | button::Status::Pressed => {
                Some(Background::Color(p.primary.weak.color))
            }
            _ => None,
        },
        text_color: match status {
            button::Status::Hovered | button::Status::Pressed => p.primary.weak.text,
            _ => BLUE,
        },
        border: Border {
            radius: Radius::from(4.0),
            ..Border::default()
        },
        ..button::Style::default()
    }
}

pub fn input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let mut style = text_input::default(theme, status);
    style.placeholder = Color::from_rgb(0.42, 0.44, 0.48);
    style.border.color = match status {
        text_input::Status::Focused { .. } => BLUE,
        _ => Color::from_rgb(0.55, 0.58, 0.62),
    };
    if matches!(status, text_input::Status::Focused { .. }) {
        style.border.width = 2.0;
    }
    style
}

pub fn input_refused(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let mut style = input(theme, status);
    style.border.color = RED;
    style.border.width = 2.0;
    style
}

pub fn editor(theme: &Theme, status: text_editor::Status) -> text_editor::Style {
    let mut style = text_editor::default(theme, status);
    style.placeholder = Color::from_rgb(0.42, 0.44, 0.48);
    style.border.color = match status {
        text_editor::Status::Focused { .. } => BLUE,
        _ => Color::from_rgb(0.55, 0.58, 0.62),
    };
    if matches!(status, text_editor::Status::Focused { .. }) {
        style.border.width = 2.0;
    }
    style
}

/// An entry of the command palette: the chosen one filled, so that the
/// keyboard's place is plain to see.
pub fn palette_entry(chosen: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        let (background, text_color) = if chosen {
            (BLUE, Color::WHITE)
        } else if hovered {
            (Color::from_rgb(0.90, 0.93, 0.96), INK)
        } else {
            (Color::TRANSPARENT, INK)
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color,
            border: Border {
                radius: Radius::from(4.0),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}

/// A secondary action: outlined, so it reads as a button without
/// competing with the primary one.
pub fn secondary(theme: &Theme, status: button::Status) -> button::Style {
    let p = theme.extended_palette();
    let base = button::Style {
        background: Some(Background::Color(Color::WHITE)),
        text_color: BLUE,
        border: Border {
            color: BLUE,
            width: 1.0,
            radius: Radius::from(4.0),
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Hovered | button::Status::Pressed => button::Style {
            background: Some(Background::Color(p.primary.weak.color)),
            text_color: p.primary.weak.text,
            ..base
        },
        // Disabled (read-only, or not allowed): grey, so that it does not
        // look like a button that works.
        button::Status::Disabled => button::Style {
            text_color: DISABLED,
            border: Border {
                color: DISABLED,
                ..base.border
            },
            ..base
        },
        button::Status::Active => base,
    }
}

/// The text and border of a disabled secondary button.
const DISABLED: Color = Color::from_rgb(0.58, 0.58, 0.6);

/// The window's typeface: DejaVu Sans, embedded (the same files the PDFs
/// use), so the window looks the same on every machine whatever fonts it
/// has, and every Dutch character (ë, €, ‘ ’) and symbol the screens use
/// can be shown.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub const FONT: iced::Font = iced::Font::with_name("DejaVu Sans");

/// Settings with the embedded fonts loaded and made the default: for the
/// window and for the headless simulator alike.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: vec![FONT_REGULAR.into(), FONT_BOLD.into()],
        default_font: FONT,
        ..iced::Settings::default()
    }
}

#[cfg(test)]
mod focus_tests {
    //! The keyboard's place must be visible: WCAG 2.1 1.4.11 asks 3:1 for
    //! the focus indicator against what is beside it, and 1.4.3 4.5:1 for
    //! text.
    use super::*;

    fn luminance(c: Color) -> f32 {
        let channel = |v: f32| {
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    fn contrast(a: Color, b: Color) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn background(s: &container::Style) -> Color {
        match s.background {
            Some(Background::Color(c)) => c,
            _ => panic!("a plain background"),
        }
    }

    #[test]
    fn the_formula_gives_the_known_ratios() {
        assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color::WHITE, Color::WHITE) - 1.0).abs() < 0.001);
    }

    #[test]
    fn a_focused_text_field_stands_out_against_its_field_and_the_page() {
        let t = theme();
        let focused = input(&t, text_input::Status::Focused { is_hovered: false });
        let active = input(&t, text_input::Status::Active);
        let page_color = background(&page(&t));
        assert!(contrast(focused.border.color, Color::WHITE) >= 3.0);
        assert!(contrast(focused.border.color, page_color) >= 3.0);
        assert!(focused.border.width > active.border.width, "thicker too");
        let editor_focused = editor(&t, text_editor::Status::Focused { is_hovered: false });
        assert!(contrast(editor_focused.border.color, Color::WHITE) >= 3.0);
    }

    #[test]
    fn the_keyboards_row_and_card_stand_out_against_the_page_and_the_other_rows() {
        let t = theme();
        let page_color = background(&page(&t));
        for style in [card_focused(&t), row_selected(&t)] {
            assert!(contrast(style.border.color, page_color) >= 3.0);
            assert!(contrast(style.border.color, Color::WHITE) >= 3.0);
            assert!(style.border.width >= 2.0);
        }
        let selected = row_selected(&t);
        assert_ne!(background(&selected), background(&card(&t)), "tinted");
        assert!(
            contrast(INK, background(&selected)) >= 4.5,
            "its text reads"
        );
    }

    #[test]
    fn the_palettes_chosen_entry_stands_out_and_its_text_reads() {
        let t = theme();
        let chosen = palette_entry(true)(&t, button::Status::Active);
        let Some(Background::Color(bg)) = chosen.background else {
            panic!("a filled entry");
        };
        assert!(
            contrast(bg, Color::WHITE) >= 3.0,
            "against the palette's card"
        );
        assert!(contrast(chosen.text_color, bg) >= 4.5);
        let other = palette_entry(false)(&t, button::Status::Active);
        assert!(contrast(other.text_color, Color::WHITE) >= 4.5);
    }
}
