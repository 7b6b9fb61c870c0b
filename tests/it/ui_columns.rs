//! Columns sized to their content (issue 17): an application id of twelve
//! characters and a region name of the longest length the dossier allows
//! (300 characters, docs/limits.md) never run into the column beside them,
//! in the list, the ranking table and the disagreements, at 1280 and 1920
//! pixels wide.

use iced::Rectangle;
use iced_core::text::Paragraph as _;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use leidraad::ui::app::{App, Message};
use leidraad::ui::measure;
use leidraad::ui::screen::list;
use leidraad_core::dossier::Round;

/// Twelve characters, of the widest letters an id is likely to have.
pub const WIDE_ID: &str = "WMW-2026-MW5";

/// An invented region name of exactly 300 characters, the longest a name
/// may be (`store::limits::NAME`).
pub fn long_region() -> String {
    let words = "Regio Samenwerkingsverband Jeugd en Gezin Noordelijke Kustgemeenten \
                 Waddeneilanden Veenkoloniën en Hogezandse Heuvelrug ";
    let mut s: String = words.chars().cycle().take(299).collect();
    s.push('z');
    s
}

/// The example dossier with A05 renamed to [`WIDE_ID`], its region the
/// longest name allowed, and A02 submitted after the deadline; opened by
/// `assessor`.
pub fn wide_app(assessor: &str) -> (tempfile::TempDir, App) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/voorbeelddossier.ron"
    ))
    .expect("the example dossier");
    let text = text
        .replace("\"A05\"", &format!("\"{WIDE_ID}\""))
        .replace("\"Regio Brakelmond\"", &format!("\"{}\"", long_region()))
        .replace(
            "submitted: Some(\"2022-07-14\")",
            "submitted: Some(\"2022-09-30\")",
        );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("breed.leidraad");
    std::fs::write(&path, text).expect("written");
    let config = leidraad::ui::config::Config {
        assessor: assessor.into(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    assert!(app.session.is_some(), "the wide dossier opens");
    (dir, app)
}

/// Every text the view shows at `size`, with its bounds.
fn texts(app: &App, size: (f32, f32)) -> Vec<(String, Rectangle)> {
    crate::ui_support::embedded_fonts_only();
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), size, app.view());
    // A selector that matches nothing and notes every text it passes.
    let mut all = Vec::new();
    let _ = ui.find(|c: Candidate<'_>| -> Option<()> {
        if let Candidate::Text {
            bounds, content, ..
        } = c
        {
            all.push((content.to_string(), bounds));
        }
        None
    });
    all
}

/// The width iced's shaper gives `s` on one line.
fn shaped(s: &str, size: f32, bold: bool) -> f32 {
    crate::ui_support::embedded_fonts_only();
    let font = if bold {
        leidraad::ui::screen::scoring::bold()
    } else {
        leidraad::ui::theme::FONT
    };
    let p = iced_test::renderer::graphics::text::Paragraph::with_text(iced_core::Text {
        content: s,
        bounds: iced::Size::INFINITE,
        size: size.into(),
        line_height: iced_core::text::LineHeight::default(),
        font,
        align_x: iced_core::text::Alignment::Left,
        align_y: iced::alignment::Vertical::Top,
        shaping: iced_core::text::Shaping::Advanced,
        wrapping: iced_core::text::Wrapping::None,
    });
    p.min_width()
}

fn find(texts: &[(String, Rectangle)], what: impl Fn(&str) -> bool) -> &Rectangle {
    &texts
        .iter()
        .find(|(s, _)| what(s))
        .unwrap_or_else(|| panic!("no such text among {texts:?}"))
        .1
}

/// The nearest text to the right of `of` on its line.
fn right_of<'a>(texts: &'a [(String, Rectangle)], of: &Rectangle) -> &'a (String, Rectangle) {
    texts
        .iter()
        .filter(|(_, r)| r.x > of.x && r.y < of.y + of.height && of.y < r.y + r.height)
        .min_by(|a, b| a.1.x.total_cmp(&b.1.x))
        .expect("a text to the right")
}

#[test]
fn the_measured_width_is_never_less_than_what_iced_draws() {
    for (s, size, bold) in [
        (WIDE_ID, measure::BODY, false),
        ("A01", measure::BODY, false),
        (long_region().as_str(), measure::BODY, true),
        ("Regio Kreekland", measure::BODY, true),
        ("na de indieningsdatum", 13.0, false),
    ] {
        let ours = measure::width(s, size, bold);
        let iced = shaped(s, size, bold);
        assert!(ours >= iced, "{s:?}: measured {ours}, iced draws {iced}");
        assert!(
            ours <= iced * 1.15 + 4.0,
            "{s:?}: {ours} is far more than {iced}"
        );
    }
}

#[test]
fn a_long_id_and_the_longest_region_keep_to_their_columns_in_the_list() {
    let (_dir, app) = wide_app("Femke Hoogland");
    let small = leidraad::ui::theme::SMALL;
    for size in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let t = texts(&app, size);
        // The region, shortened, fits its column: the next text on its
        // line (the submitted date) starts after it.
        let region = find(&t, |s| s.starts_with("Regio Sam"));
        let name = &t.iter().find(|(_, r)| r == region).expect("the region").0;
        assert!(
            name.ends_with('…'),
            "the 300 characters are shortened: {name}"
        );
        let end = region.x + shaped(name, measure::BODY, true);
        let next = right_of(&t, region);
        assert!(
            end <= next.1.x,
            "{size:?}: {name} ({end}) runs into {next:?}"
        );
        // The id under it, whole, and the plan's title after the id.
        let id = find(&t, |s| s == WIDE_ID);
        let title = right_of(&t, id);
        let id_end = id.x + shaped(WIDE_ID, small, false);
        assert!(
            id_end <= title.1.x,
            "{size:?}: the id ({id_end}) runs into {title:?}"
        );
        assert!(
            title.1.x + shaped(&title.0, small, false) <= next.1.x,
            "{size:?}: the title {title:?} runs into {next:?}"
        );
        // 'na de indieningsdatum' stays in the date column, before round 1's total.
        let late = find(&t, |s| s == leidraad::ui::strings::AFTER_DEADLINE);
        let late_next = right_of(&t, late);
        assert!(
            late.x + shaped(leidraad::ui::strings::AFTER_DEADLINE, small, false) <= late_next.1.x,
            "{size:?}: 'na de indieningsdatum' {late:?} runs into {late_next:?}"
        );
    }
}

#[test]
fn a_long_id_and_the_longest_region_keep_to_their_column_in_the_ranking_table() {
    let (_dir, mut app) = wide_app("Femke Hoogland");
    let _ = app.update(Message::List(list::Message::Round(Round::One)));
    let _ = app.update(Message::List(list::Message::Ranking));
    let small = leidraad::ui::theme::SMALL;
    for size in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let t = texts(&app, (size.0, 4000.0));
        // A05 is below the threshold and ranked: the id whole, over its
        // region on at most two lines, the second shortened.
        let id = find(&t, |s| s == WIDE_ID);
        let lines: Vec<&(String, Rectangle)> = t
            .iter()
            .filter(|(_, r)| r.x == id.x && r.y > id.y && r.y < id.y + 3.0 * id.height)
            .collect();
        assert_eq!(lines.len(), 2, "{size:?}: {lines:?}");
        assert!(lines[0].0.starts_with("Regio"), "{lines:?}");
        assert!(lines[1].0.ends_with('…'), "{lines:?}");
        // The next column: the nearest text to the right of the cell.
        let cell = Rectangle {
            height: lines[1].1.y + lines[1].1.height - id.y,
            ..*id
        };
        let next = right_of(&t, &cell);
        let mut ends = vec![("id", id.x + shaped(WIDE_ID, small, false))];
        for (line, at) in &lines {
            ends.push(("region", at.x + shaped(line, measure::BODY, true)));
        }
        for (what, end) in ends {
            assert!(
                end <= next.1.x,
                "{size:?}: the {what} ({end}) runs into {next:?}"
            );
        }
    }
}

#[test]
#[ignore = "writes screenshots to /tmp for a person to look at"]
fn columns_shots() {
    crate::ui_support::embedded_fonts_only();
    let (_dir, mut app) = wide_app("Femke Hoogland");
    let shot = |app: &App, name: &str, size: (f32, f32)| {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), size, app.view());
        let snap = ui.snapshot(&app.theme()).expect("a snapshot");
        let path = format!("/tmp/cols-{name}.png");
        let _ = std::fs::remove_file(format!("/tmp/cols-{name}-tiny-skia.png"));
        assert!(snap.matches_image(&path).expect("written"));
    };
    shot(&app, "list-1280", (1280.0, 720.0));
    shot(&app, "list-1920", (1920.0, 1080.0));
    let _ = app.update(Message::List(list::Message::Ranking));
    shot(&app, "ranking-1280", (1280.0, 1400.0));
    shot(&app, "ranking-1920", (1920.0, 1400.0));
    let _ = app.update(Message::ToList);
    let _ = app.update(Message::List(list::Message::Disagreements));
    shot(&app, "disagreements-1280", (1280.0, 720.0));
}
