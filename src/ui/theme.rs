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
