//! What the window shows after drawing only the damaged regions of each
//! frame (the software renderer, patched for iced #3368: masks, parts of
//! quads drawn on a pixmap of their own, merged regions) must be the frame
//! drawn whole. A wrong cut or a region drawn short would leave stale or
//! missing pixels on the screen.

use iced::mouse::{self, ScrollDelta};
use iced::{Event, Point};

use leidraad::ui::app::{App, Message};
use leidraad::ui::headless::Window;
use leidraad::ui::screen::{list, ranking};
use leidraad::ui::widget::chart::Kind;
use leidraad_core::rubric::Rubric;

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 720;

fn app(applications: usize) -> App {
    let rubric = Rubric::builtin();
    let dossier = leidraad_core::synthetic::dossier(&rubric, applications, 3, 2022);
    App::with_dossier(rubric, dossier, "Beoordelaar 1")
}

fn wheel(down: bool) -> Event {
    Event::Mouse(mouse::Event::WheelScrolled {
        delta: ScrollDelta::Lines {
            x: 0.0,
            y: if down { -1.0 } else { 1.0 },
        },
    })
}

/// The largest difference of one colour channel between what the window
/// shows and the frame drawn whole, and how many pixels differ at all.
fn compare(w: &mut Window) -> (u8, usize) {
    let whole = w.whole_frame();
    let mut worst = 0;
    let mut differ = 0;
    for (shown, drawn) in w.pixels.chunks_exact(4).zip(whole.chunks_exact(4)) {
        // The colour channels: the window shows no alpha.
        let d = shown[..3]
            .iter()
            .zip(&drawn[..3])
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        worst = worst.max(d);
        differ += usize::from(d > 0);
    }
    (worst, differ)
}

/// Draws `steps` frames and checks each against the frame drawn whole.
/// Where a region begins in the middle of a row's anti-aliased edge,
/// tiny-skia's anti-aliasing differs by a few levels on single pixels. A
/// pixel left from an earlier frame, or cleared and not drawn again, is off
/// by far more (16 for a 1 px border line, over 200 for a hover outline:
/// both happened before the renderer's patch widened regions to whole
/// pixels and counted a stroke's width in its damage).
fn check(w: &mut Window, app: &mut App, steps: &[Vec<Event>], what: &str) {
    let mut partial = 0;
    for (n, events) in steps.iter().enumerate() {
        w.frame(app, events);
        let whole =
            iced::Rectangle::new(Point::ORIGIN, iced::Size::new(WIDTH as f32, HEIGHT as f32));
        partial += usize::from(w.drawn.iter().any(|r| *r != whole));
        let (worst, differ) = compare(w);
        assert!(
            worst <= 4 && differ <= 100,
            "{what}, frame {n}: the window differs from the frame drawn whole \
             (largest channel difference {worst}, {differ} pixels; regions drawn {:?})",
            w.drawn
        );
    }
    assert!(
        partial > 0,
        "{what}: no frame drew only part of the window, so nothing was tested"
    );
}

#[test]
fn scrolling_the_list_draws_what_a_whole_frame_draws() {
    let mut app = app(40);
    let mut w = Window::new(
        WIDTH,
        HEIGHT,
        Point::new(WIDTH as f32 / 2.0, HEIGHT as f32 * 0.75),
    );
    w.frame(&mut app, &[]);
    let steps: Vec<Vec<Event>> = (0..12).map(|n| vec![wheel(n < 6)]).collect();
    check(&mut w, &mut app, &steps, "the list of 40, wheel steps");
}

#[test]
fn switching_the_ranking_and_hovering_the_heat_map_draw_what_a_whole_frame_draws() {
    let mut app = app(40);
    let _ = app.update(Message::List(list::Message::Ranking));
    let mut w = Window::new(WIDTH, HEIGHT, Point::new(10.0, 10.0));
    w.frame(&mut app, &[]);
    for pane in [
        ranking::Pane::Chart(Kind::Heat),
        ranking::Pane::Table,
        ranking::Pane::Chart(Kind::Heat),
    ] {
        let _ = app.update(Message::Ranking(ranking::Message::Pane(pane)));
        check(
            &mut w,
            &mut app,
            &[vec![]],
            "the ranking, table and heat map",
        );
    }
    let moves: Vec<Vec<Event>> = (0..6)
        .map(|n| {
            vec![Event::Mouse(mouse::Event::CursorMoved {
                position: Point::new(300.0 + 64.0 * n as f32, 410.0),
            })]
        })
        .collect();
    check(&mut w, &mut app, &moves, "the heat map, hovered");
}
